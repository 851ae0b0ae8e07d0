"""--statistics and --quiet for the text output."""

from __future__ import annotations

import pytest
from _support import ROOT
from click.testing import CliRunner

from checker.cli import main


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("CHECKER_LANG", raising=False)


def check(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, ["check", "--no-color", *args], catch_exceptions=False)
    return r.exit_code, r.stdout


def test_statistics_count_findings_per_rule_most_frequent_first() -> None:
    code, out = check("--statistics", "fixtures/examples", "fixtures/waivers")
    assert code == 1
    block = out.split("Số phát hiện theo quy tắc:\n", 1)[1].split("\n\n", 1)[0]
    rows = [line.split() for line in block.splitlines()]
    counts = [int(r[0]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    by_rule = {r[-1]: int(r[0]) for r in rows}
    assert by_rule["APPT-QUORUM"] == 1
    # one header line each, `path:line:col: severity RULE …` at the margin
    headers = [line for line in out.splitlines() if line[:1] not in " " and ".json:" in line]
    assert sum(by_rule.values()) == len(headers)


def test_statistics_in_english_and_absent_without_findings() -> None:
    _, out = check("--statistics", "--lang", "en", "fixtures/examples/violations.json")
    assert "Findings per rule:" in out
    _, out = check("--statistics", "fixtures/examples/clean.json")
    assert "Số phát hiện" not in out


def test_quiet_prints_only_files_with_findings_and_no_summary() -> None:
    code, out = check("--quiet", "fixtures/examples")
    assert code == 1
    assert "clean.json" not in out and "violations.json" in out
    # no summary and no line of the regulations applied (a message may name that line)
    assert "Đã kiểm tra" not in out and "Quy định áp dụng:" not in out
    code, out = check("-q", "fixtures/examples/clean.json")
    assert (code, out) == (0, "")
