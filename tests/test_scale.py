"""Scale: a case with thousands of steps and tens of thousands of findings is checked in
seconds, with every finding in its right place.

Wall time on a shared machine is noisy, so time is only a hang guard (a generous alarm);
what is asserted is the work: the text the position code scans grows linearly with the
file (one scan per container a finding is in, not one walk of the file per finding), and
the findings' line:column agree with the json-source-map library.
"""

from __future__ import annotations

import copy
import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from _support import ROOT, example, run
from json_source_map import calculate

from checker import loading
from checker.report import FileReport, Position

HANG = 60  # seconds: far above the few seconds these take, far below a quadratic run


@contextmanager
def hang_guard(seconds: int = HANG) -> Iterator[None]:
    """Fail instead of hanging (the suite has no timeout plugin)."""

    def expire(signum: int, frame: Any) -> None:
        raise TimeoutError(f"still running after {seconds} s: the work is not linear")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def many_steps(n: int) -> dict[str, Any]:
    """The clean example with its five steps repeated to n, each one short of a quorum
    (one present): at least one finding in every step."""
    data = example("clean")
    steps = data["steps"]
    data["steps"] = [dict(copy.deepcopy(steps[i % len(steps)]), present=1) for i in range(n)]
    return data


def many_unknown_fields(n: int, fields: int) -> dict[str, Any]:
    """n steps of the clean example, each with `fields` fields the schema does not know:
    one SCHEMA finding each, pointing at the field's key."""
    data = example("clean")
    steps = data["steps"]
    data["steps"] = [{**copy.deepcopy(steps[i % len(steps)]),
                      **{f"ghi_chu_{j}": "x" for j in range(fields)}} for i in range(n)]
    return data


def encode(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def library_positions(text: str) -> dict[str, tuple[Position, Position | None]]:
    """pointer → (value, key) positions by json-source-map (its keys are raw key texts,
    fine here: no key of these cases needs escaping)."""
    out: dict[str, tuple[Position, Position | None]] = {}
    for ptr, e in calculate(text).items():
        key = Position(e.key_start.line + 1, e.key_start.column + 1) if e.key_start else None
        out[ptr] = (Position(e.value_start.line + 1, e.value_start.column + 1), key)
    return out


def scanned(monkeypatch: pytest.MonkeyPatch, raw: bytes) -> int:
    """Characters the position code skips over with the JSON scanner while one case is
    checked: its work, whatever the machine's speed."""
    total = 0
    scan = loading._SCAN

    def counting(text: str, i: int) -> tuple[Any, int]:
        nonlocal total
        value, end = scan(text, i)
        total += end - i
        return value, end

    with monkeypatch.context() as m:
        m.setattr(loading, "_SCAN", counting)
        run(raw)
    return total


# ---------------------------------------------------------------- the work is linear
def test_position_work_grows_linearly_with_the_case(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = encode(many_steps(300)), encode(many_steps(1200))
    with hang_guard():
        ratio = scanned(monkeypatch, large) / scanned(monkeypatch, small)
    size = len(large) / len(small)
    # linear: the same factor as the size (about 4); one walk per finding: its square
    assert ratio < 1.5 * size, (ratio, size)


def test_each_container_is_indexed_once() -> None:
    doc = loading.load("case.json", encode(many_steps(2000)), "vi")
    assert isinstance(doc, loading.Document)
    with hang_guard():
        for k in range(2000):
            doc.position(f"/steps/{k}/present")
            doc.key_position(f"/steps/{k}/summoned")
    # the root, the steps array and each step: nothing twice
    assert doc.source_map.indexed == 2 + 2000


# ---------------------------------------------------------------- 5,000 steps
def assert_placed(report: FileReport, text: str) -> None:
    reference = library_positions(text)
    for f in report.findings:
        assert f.position == reference[f.pointer][0], (f.rule, f.pointer)


def test_five_thousand_steps_by_check_bytes() -> None:
    raw = encode(many_steps(5000))
    with hang_guard():
        report = run(raw)
    quorum = {f.pointer for f in report.findings if f.rule == "APPT-QUORUM"}
    assert quorum == {f"/steps/{k}/present" for k in range(5000)}
    assert_placed(report, raw.decode("utf-8"))


def cli(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", "check", "--no-cache", "--format", "json",
         *args, str(path)],
        capture_output=True, text=True, encoding="utf-8", timeout=2 * HANG, cwd=ROOT,
        check=False,
    )


def test_five_thousand_steps_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(encode(many_steps(5000)))
    done = cli(path)
    assert (done.returncode, done.stderr) == (1, "")
    (fr,) = json.loads(done.stdout)["files"]
    last = next(f for f in fr["findings"] if f["pointer"] == "/steps/4999/present")
    text = path.read_text("utf-8")
    at = text.rindex('"present": 1') + len('"present": ')
    assert (last["line"], last["column"]) == (text.count("\n", 0, at) + 1,
                                              at - text.rfind("\n", 0, at))


# ---------------------------------------------------------------- 50,000 findings
def test_fifty_thousand_findings_by_check_bytes() -> None:
    raw = encode(many_unknown_fields(5000, 10))
    with hang_guard():
        report = run(raw)
    assert len(report.findings) == 50_000
    assert {f.rule for f in report.findings} == {"SCHEMA"}
    lines = raw.decode("utf-8").split("\n")
    for f in report.findings:  # each at its unknown key, which has a line of its own
        assert f.position is not None
        key = f.pointer.rsplit("/", 1)[1]
        assert lines[f.position.line - 1][f.position.column - 1:].startswith(f'"{key}": '), f


def test_fifty_thousand_findings_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_bytes(encode(many_unknown_fields(5000, 10)))
    done = cli(path, "--lang", "en")
    assert (done.returncode, done.stderr) == (1, "")
    report = json.loads(done.stdout)
    assert report["summary"]["error"] == 50_000
    lines = [f["line"] for f in report["files"][0]["findings"]]
    assert lines == sorted(lines) and len(set(lines)) == 50_000  # one key per line


# ---------------------------------------------------------------- as many waivers as findings
def test_five_thousand_waivers_each_for_its_own_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each finding finds its waiver by its place, not by trying every waiver."""
    from checker import waivers

    data = many_steps(5000)
    data["waivers"] = [{"rule": "APPT-QUORUM", "pointer": f"/steps/{k}",
                        "authority": {"number": "12/QĐ-BTC", "date": "2025-09-05"},
                        "approved_by": "Bộ trưởng Bộ Tài chính", "reason": "Lý do."}
                       for k in range(5000)]
    tried = 0
    covers = waivers.covers

    def counting(waiver_pointer: str | None, pointer: str) -> bool:
        nonlocal tried
        tried += 1
        return covers(waiver_pointer, pointer)

    monkeypatch.setattr(waivers, "covers", counting)
    with hang_guard():
        report = run(encode(data))
    quorum = [f for f in report.findings if f.rule == "APPT-QUORUM"]
    assert len(quorum) == 5000
    assert all(f.waived is not None and f.waived.pointer == f"/waivers/{f.pointer.split('/')[2]}"
               for f in quorum)
    assert [f for f in report.findings if f.rule == "WAIVER"] == []
    assert tried <= len(report.findings) + 5000  # linear, where trying all would be 25 million
