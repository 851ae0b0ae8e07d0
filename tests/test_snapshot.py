"""The compiled snapshot of the packs (checker.rules.snapshot) and the evaluation plan
(checker.rules.compiled): the snapshot path and the TOML path give the same packs and the
same reports; a stale, corrupt, truncated or tampered snapshot is rebuilt, never
believed; a read-only cache folder still works; two processes building at once leave
one whole file; the plan's bisection picks the version a scan picks."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _support import ROOT
from click.testing import CliRunner

from checker.errors import RulePackError
from checker.pipeline import check_bytes
from checker.rules import snapshot
from checker.rules.compiled import PackSet, Selection, holds, lookup, tokens
from checker.rules.engine import Options, version_in_force
from checker.rules.pack import all_packs, builtin_packs
from checker.rules.predicates import PREDICATES, resolve

FIXTURES = sorted(p for p in (ROOT / "fixtures").rglob("*.json")
                  if "packs" not in p.relative_to(ROOT / "fixtures").parts[:1])
QT_PACK = ROOT / "fixtures" / "packs" / "quang-tri-92-bc-tu" / "pack.toml"
BROKEN = ROOT / "fixtures" / "packs" / "broken" / "dangling-citation.toml"


def from_toml(extra: tuple[Path, ...] = ()) -> PackSet:
    """The packs as the TOML path builds them: validated, then compiled in memory."""
    return snapshot.load_packs(extra, folder=None)


class Built:
    """Counts the builds from TOML (calls of all_packs) while it is installed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0

        def counting(extra: tuple[Path, ...] = (), lang: Any = "en") -> Any:
            self.count += 1
            return all_packs(extra, lang)
        monkeypatch.setattr("checker.rules.pack.all_packs", counting)


def dump(ps: PackSet) -> str:
    return json.dumps(snapshot.encode(ps), ensure_ascii=False, sort_keys=True)


# ---------------------------------------------------------------- same packs, same reports
def test_the_snapshot_holds_exactly_the_packs_built_from_toml(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    built = Built(monkeypatch)
    first = snapshot.load_packs(folder=tmp_path)
    assert built.count == 1 and (tmp_path / "packs-builtin.snapshot").is_file()
    again = snapshot.load_packs(folder=tmp_path)
    assert built.count == 1  # read from the snapshot, not built again
    assert again == first == from_toml()  # every plain value (the models' too)
    assert dump(again) == dump(first)  # and what equality leaves out (document kinds)
    assert [p.id for p in again] == [p.id for p in builtin_packs()]
    assert again.digest == first.digest


def test_every_rules_parameters_come_back_as_the_validated_model(tmp_path: Path) -> None:
    snapshot.load_packs(folder=tmp_path)
    loaded = snapshot.load_packs(folder=tmp_path)
    originals = {(r.id, r.version): r.check for p in builtin_packs() for r in p.rules}
    rules = [r for p in loaded for r in p.rules]
    assert len(rules) == len(originals)
    for r in rules:
        assert r._check is None  # nothing but plain values came from the file
        assert r.check == originals[(r.id, r.version)]
        assert type(r.check) is PREDICATES[r.kind].params


@pytest.fixture(scope="module")
def from_file(tmp_path_factory: pytest.TempPathFactory) -> PackSet:
    folder = tmp_path_factory.mktemp("snapshot")
    snapshot.load_packs(folder=folder)
    raw = (folder / "packs-builtin.snapshot").read_bytes()
    loaded = snapshot.loads(raw, snapshot.snapshot_key())
    assert loaded is not None
    return loaded


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.relative_to(ROOT).as_posix())
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_both_paths_report_the_same_on_every_fixture(from_file: PackSet, path: Path,
                                                     lang: Any) -> None:
    raw = path.read_bytes()
    opts = Options(lang=lang, today=dt.date(2026, 11, 22))
    toml_report = check_bytes(path.name, raw, builtin_packs(), opts)
    snap_report = check_bytes(path.name, raw, from_file, opts)
    assert repr(snap_report) == repr(toml_report)


def test_rule_metadata_is_the_same_on_both_paths(from_file: PackSet) -> None:
    from checker.rules.engine import rule_meta

    for lang in ("vi", "en"):
        assert repr(rule_meta(from_file, lang)) == repr(rule_meta(builtin_packs(), lang))


# ---------------------------------------------------------------- stale, corrupt, tampered
def test_a_stale_snapshot_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot.load_packs(folder=tmp_path)
    path = tmp_path / "packs-builtin.snapshot"
    old = path.read_bytes()
    # a new version of the checker's code or data: another fingerprint, another key
    monkeypatch.setattr("checker.cache.code_fingerprint", lambda: "another code")
    expected = from_toml()
    built = Built(monkeypatch)
    ps = snapshot.load_packs(folder=tmp_path)
    assert built.count == 1
    new = path.read_bytes()
    assert new != old and snapshot.snapshot_key().encode() in new.split(b"\n", 1)[0]
    assert ps == expected and ps.digest == expected.digest
    snapshot.load_packs(folder=tmp_path)
    assert built.count == 1  # the rewritten one is used


def _mutations(raw: bytes) -> list[bytes]:
    head, body = raw.split(b"\n", 1)
    rnd = random.Random(15)
    flipped = []
    for _ in range(40):
        i = rnd.randrange(len(raw))
        flipped.append(raw[:i] + bytes([raw[i] ^ (1 << rnd.randrange(8))]) + raw[i + 1:])
    return [b"", b"\n", head, head + b"\n", raw[:len(raw) // 2], raw[:-1], raw + b" ",
            b"garbage\n" + body, b"\0" * len(raw), *flipped]


def _rehashed(raw: bytes, edit: Any) -> bytes:
    """A tampered body whose header is made to match it (as only a forger would)."""
    head, body = raw.split(b"\n", 1)
    data = json.loads(body)
    edit(data)
    body = json.dumps(data, ensure_ascii=False).encode()
    parts = head.split(b" ")
    parts[3] = hashlib.sha256(body).hexdigest().encode()
    return b" ".join(parts) + b"\n" + body


def _edits() -> list[Any]:
    def rule(d: Any) -> Any:
        return d["packs"][0]["rules"][0]

    def setter(get: Any, key: str, value: Any) -> Any:
        return lambda d: get(d).__setitem__(key, value)
    return [
        setter(rule, "severity", "fatal"),
        setter(rule, "in_force", ["not a date", None]),
        setter(rule, "in_force", ["2025-01-01"]),
        setter(rule, "cites", {"source": "x"}),
        setter(rule, "cites", [{"source": 1}]),
        setter(rule, "cites", [10 ** 6]),
        setter(rule, "cites", [-1]),
        setter(rule, "cites", [True]),
        setter(lambda d: d["cites"][0], "confidence", "certain"),
        setter(lambda d: d["cites"][0], "article", "7"),
        setter(rule, "when", ["equals", ["a"], [1]]),
        setter(rule, "when", ["frobnicate", []]),
        setter(rule, "title", ["only one"]),
        setter(rule, "version", "1"),
        setter(rule, "messages", []),
        lambda d: rule(d).pop("kind"),
        lambda d: d.pop("packs"),
        lambda d: d["packs"].append(7),
        setter(lambda d: d, "packs", {}),
        setter(lambda d: d["packs"][0]["covers"][0], "transition", [1, 2]),
        lambda d: d.pop("cites"),
    ]


def test_a_corrupt_or_truncated_snapshot_is_never_believed(tmp_path: Path) -> None:
    snapshot.load_packs(folder=tmp_path)
    raw = (tmp_path / "packs-builtin.snapshot").read_bytes()
    key = snapshot.snapshot_key()
    bad = _mutations(raw) + [_rehashed(raw, e) for e in _edits()]
    for mutated in bad:
        assert snapshot.loads(mutated, key) is None
    assert snapshot.loads(raw, "0" * 64) is None  # another key: stale


@pytest.mark.parametrize("case", range(4))
def test_a_damaged_snapshot_is_rebuilt_and_rewritten(tmp_path: Path, case: int,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot.load_packs(folder=tmp_path)
    path = tmp_path / "packs-builtin.snapshot"
    good = path.read_bytes()
    damaged = [good[:100], good[:-10], _mutations(good)[20],
               _rehashed(good, _edits()[0])][case]
    path.write_bytes(damaged)
    expected = from_toml()
    built = Built(monkeypatch)
    assert snapshot.load_packs(folder=tmp_path) == expected
    assert built.count == 1 and path.read_bytes() == good


def test_what_is_not_a_regular_file_is_not_read(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    snapshot.load_packs(folder=tmp_path)
    (tmp_path / "packs-builtin.snapshot").rename(target)
    (tmp_path / "packs-builtin.snapshot").symlink_to(target)
    assert snapshot.read_snapshot(tmp_path / "packs-builtin.snapshot") is None
    fifo = tmp_path / "fifo.snapshot"
    os.mkfifo(fifo)
    assert snapshot.read_snapshot(fifo) is None  # refused without blocking
    assert snapshot.load_packs(folder=tmp_path) == from_toml()
    assert target.read_bytes() == (tmp_path / "packs-builtin.snapshot").read_bytes()
    assert not (tmp_path / "packs-builtin.snapshot").is_symlink()  # replaced, not followed


# ---------------------------------------------------------------- read-only, concurrent
def test_a_cache_folder_that_cannot_be_written_still_works(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    folder = blocker / "cache"  # cannot be made, whoever runs the tests
    assert snapshot.load_packs(folder=folder) == from_toml()
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        assert snapshot.load_packs(folder=ro) == from_toml()
        if os.geteuid() != 0:  # root writes anyway
            assert list(ro.iterdir()) == []
    finally:
        ro.chmod(0o700)


def test_two_processes_building_at_once_leave_one_whole_snapshot(tmp_path: Path) -> None:
    code = ("import sys; from pathlib import Path; from checker.rules import snapshot; "
            "ps = snapshot.load_packs(folder=Path(sys.argv[1])); print(len(ps))")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], env=env,
                              stdout=subprocess.PIPE, text=True) for _ in range(4)]
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert len(set(outs)) == 1
    # one whole file, no temporary file left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["packs-builtin.snapshot"]
    raw = (tmp_path / "packs-builtin.snapshot").read_bytes()
    assert snapshot.loads(raw, snapshot.snapshot_key()) == from_toml()


def test_loading_the_snapshot_imports_neither_pydantic_nor_tomllib(tmp_path: Path) -> None:
    snapshot.load_packs(folder=tmp_path)
    code = ("import sys; from pathlib import Path; from checker.rules import snapshot; "
            "ps = snapshot.load_packs(folder=Path(sys.argv[1])); "
            "r = [r for p in ps for r in p.rules]; "
            "print(len(r), 'pydantic' in sys.modules, 'tomllib' in sys.modules)")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], env=env,
                         capture_output=True, text=True, check=True, timeout=300).stdout
    count = sum(len(p.rules) for p in builtin_packs())
    assert out.split() == [str(count), "False", "False"]


# ---------------------------------------------------------------- --rules packs
def test_an_added_pack_is_compiled_and_keyed_by_its_bytes(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    pack = tmp_path / "pack.toml"
    text = QT_PACK.read_text("utf-8")
    pack.write_text(text, "utf-8")
    builtin = from_toml()
    built = Built(monkeypatch)
    cache = tmp_path / "cache"
    first = snapshot.load_packs((pack,), folder=cache)
    assert built.count == 1 and first[-1].id == "quang-tri-92-bc-tu"
    assert snapshot.load_packs((pack,), folder=cache) == first and built.count == 1
    assert snapshot.load_packs(folder=cache) == builtin  # its own file
    assert built.count == 2
    title = first[-1].title.vi
    pack.write_text(text.replace(title, title + " (sửa)", 1), "utf-8")
    changed = snapshot.load_packs((pack,), folder=cache)
    assert built.count == 3 and changed[-1].title.vi == title + " (sửa)"
    assert changed.digest != first.digest


def test_a_broken_added_pack_is_the_same_error_on_every_run(tmp_path: Path) -> None:
    with pytest.raises(RulePackError) as direct:
        all_packs((BROKEN,))
    for _ in range(2):
        with pytest.raises(RulePackError) as through:
            snapshot.load_packs((BROKEN,), folder=tmp_path)
        assert str(through.value) == str(direct.value)
    assert not list(tmp_path.glob("packs-*"))


# ---------------------------------------------------------------- the plan
def test_bisection_picks_the_version_a_scan_picks() -> None:
    ps = from_toml()
    plan = ps.plan
    for layer in plan.layers:
        for procedure in sorted({p for pk in ps for c in pk.covers for p in c.procedures}):
            covers = plan.covers(layer, procedure)
            sel = plan.selection(procedure, covers)
            for rid, _sel, versions, starts, bisects, _owners in sel.rules:
                assert bisects  # no built-in rule has overlapping versions
                every = [r for pk in ps if any(i == ps.index(pk) for i, _ in covers)
                         for r in pk.rules if r.id == rid]
                days = {d for r in every for d in (r.in_force.start, r.in_force.end) if d}
                days |= {d + dt.timedelta(days=k) for d in set(days) for k in (-1, 1)
                         if dt.date.min < d < dt.date.max}
                for day in [*sorted(days), dt.date(1900, 1, 1), dt.date(9999, 12, 31)]:
                    n = Selection.version(versions, starts, bisects, day)
                    scanned = version_in_force(every, day)
                    want = scanned if scanned and procedure in scanned.procedures else None
                    assert (versions[n] if n is not None else None) is want, (rid, day)


def test_overlapping_versions_are_searched_in_order() -> None:
    ps = from_toml()
    rule = next(r for p in ps for r in p.rules)
    import dataclasses

    from checker.rules.compiled import Period
    a = dataclasses.replace(rule, in_force=Period(dt.date(2020, 1, 1), None))
    b = dataclasses.replace(rule, version=rule.version + 1,
                            in_force=Period(dt.date(2019, 1, 1), dt.date(2021, 1, 1)))
    pack = dataclasses.replace(ps[0], rules=(a, b))
    plan = PackSet([pack], "x").plan
    sel = plan.selection(rule.procedures[0], [(0, c) for c in pack.covers[:1]])
    ((_, _, versions, starts, bisects, _),) = sel.rules
    assert not bisects and versions == (a, b)
    # in force on both: the first in pack order, as the scan
    assert Selection.version(versions, starts, bisects, dt.date(2020, 6, 1)) == 0


@pytest.mark.parametrize("pointer", ["", "/a", "/a/0", "/a/01", "/a/-", "/b~1c", "/b~0c",
                                     "/a/1/x", "/n", "/a/5", "/s/0"])
def test_parsed_pointers_find_what_resolve_finds(pointer: str) -> None:
    data = {"a": [{"x": 1}, {"x": 2}], "b/c": 3, "b~c": 4, "n": None, "s": "text"}
    assert lookup(data, tokens(pointer)) == resolve(data, pointer)


def test_compiled_conditions_hold_as_the_packs_say() -> None:
    from checker.rules import pack as model

    data = {"a": "x", "d": "2025-01-02", "bad": "2025-13-01", "f": True}
    conds = [{"equals": {"/a": "x"}}, {"equals": {"/a": "y"}}, {"equals": {"/f": True}},
             {"present": "/a"}, {"present": "/z"}, {"before": {"/d": dt.date(2025, 1, 3)}},
             {"before": {"/d": dt.date(2025, 1, 2)}}, {"before": {"/bad": dt.date(2026, 1, 1)}},
             {"not": {"present": "/a"}}, {"any": [{"present": "/z"}, {"equals": {"/a": "x"}}]},
             {"all": [{"present": "/z"}, {"equals": {"/a": "x"}}]}]
    want = [True, False, True, True, False, True, False, False, False, True, False]
    from pydantic import TypeAdapter
    adapter: TypeAdapter[Any] = TypeAdapter(model.Condition)
    got = [holds(snapshot.condition(adapter.validate_python(c)), data) for c in conds]
    assert got == want


# ---------------------------------------------------------------- the command line
def test_check_uses_and_cache_clean_removes_the_snapshot(tmp_path: Path) -> None:
    from checker.cli import main

    cache = tmp_path / "cache"
    env = {"CHECKER_CACHE_DIR": str(cache), "CHECKER_LANG": "en"}
    case = str(ROOT / "fixtures" / "examples" / "2024-ministry-bcs-era.json")
    first = CliRunner().invoke(main, ["check", "--no-cache", case], env=env)
    assert not cache.exists()  # --no-cache writes nothing
    second = CliRunner().invoke(main, ["check", case], env=env)
    assert (cache / "packs-builtin.snapshot").is_file()
    snap = cache / "packs-builtin.snapshot"
    forged = snap.read_bytes().replace(b'"error"', b'"info"')  # its digest no longer fits
    snap.write_bytes(forged)
    third = CliRunner().invoke(main, ["check", "--no-cache", case], env=env)
    assert snap.read_bytes() == forged  # not believed, and --no-cache rewrote nothing
    outputs = {(r.exit_code, r.output) for r in (first, second, third)}
    assert len(outputs) == 1 and first.exit_code in (0, 1)
    done = CliRunner().invoke(main, ["cache", "clean"], env=env)
    assert done.exit_code == 0 and not cache.exists()


# ---------------------------------------------------------------- issue 15: light parameters
@pytest.fixture(scope="module")
def model_params() -> PackSet:
    """The compiled packs, each rule's check the pack's pydantic instance (as the check
    path ran before the parameters were light), for the reports' differential."""
    ps = snapshot.compile_packs(builtin_packs(), "model-params")
    originals = {(r.id, r.version): r.check for p in builtin_packs() for r in p.rules}
    for p in ps:
        for r in p.rules:
            r._check = originals[(r.id, r.version)]
    return ps


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_light_and_model_parameters_report_the_same_on_every_fixture(
        from_file: PackSet, model_params: PackSet, path: Path) -> None:
    from pydantic import BaseModel

    raw = path.read_bytes()
    for lang in ("vi", "en"):
        opts = Options(lang=lang, today=dt.date(2026, 11, 22))  # type: ignore[arg-type]
        light = check_bytes(path.as_posix(), raw, from_file, opts)
        # repr: the values' types too (an enum member and its text are equal)
        assert repr(light) == repr(check_bytes(path.as_posix(), raw, model_params, opts))
    assert not any(isinstance(r.check, BaseModel) for p in from_file for r in p.rules)
    assert all(isinstance(r.check, BaseModel) for p in model_params for r in p.rules)
