"""`checker verify`: a pack is fit to use when it loads and its own examples give the
verdicts it expects. Broken packs are refused with exactly one clear error."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from _support import ROOT
from click.testing import CliRunner

from checker.cli import main
from checker.rules.pack import BUILTIN_PACKS, all_packs
from checker.verify import verify

PACKS = ROOT / "fixtures" / "packs"
QT = PACKS / "quang-tri-92-bc-tu"
QT_PACK = QT / "pack.toml"
BROKEN = PACKS / "broken"
TODAY = dt.date(2026, 11, 22)  # the example pack's last_verified
QT_TEXT = QT_PACK.read_text("utf-8")


def case(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((QT / "examples" / f"{name}.json").read_text("utf-8"))
    return copy.deepcopy(data)


def edited(old: str, new: str, text: str = QT_TEXT) -> str:
    assert old in text, old
    return text.replace(old, new)


def with_examples(text: str, examples: list[tuple[str, str]]) -> str:
    """The pack text with its (last) examples block replaced."""
    lines = "".join(f'  {{ case = "{c}", expect = "{e}" }},\n' for c, e in examples)
    return text[: text.rindex("examples = [")] + f"examples = [\n{lines}]\n"


def write_pack(tmp_path: Path, text: str, cases: dict[str, Any] | None = None) -> Path:
    (tmp_path / "examples").mkdir(exist_ok=True)
    for name, data in (cases or {}).items():
        (tmp_path / "examples" / name).write_text(
            json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    path = tmp_path / "pack.toml"
    path.write_text(text, "utf-8")
    return path


def only_error(path: Path, today: dt.date = TODAY) -> str:
    result = verify(path, today)
    assert len(result.errors) == 1, result.errors
    assert result.exit_code == 2
    msg = result.errors[0]
    assert msg.startswith(f"{path.as_posix()}: "), msg
    assert "\n" not in msg
    return msg


# ---------------------------------------------------------------- the example pack
def test_the_example_pack_verifies() -> None:
    result = verify(QT_PACK, TODAY)
    assert result.errors == ()
    assert result.warnings == ()
    assert result.notes == ()
    assert result.examples == 3
    assert result.ok and result.exit_code == 0


def test_the_builtin_pack_verifies_with_a_note_on_examples() -> None:
    path = BUILTIN_PACKS / "nd-170-2025.toml"
    result = verify(path, TODAY)
    assert result.errors == () and result.warnings == ()
    assert result.exit_code == 0
    (note,) = result.notes
    assert note.startswith(f"{path.as_posix()}: no examples for ")
    assert "APPT-QUORUM" in note


# ---------------------------------------------------------------- the broken packs
def test_dangling_citation_is_refused() -> None:
    path = BROKEN / "dangling-citation.toml"
    assert only_error(path) == (
        f"{path.as_posix()}: rule QT-HIEP-Y: cites unknown source 'qt-qd-461-2008'")


def test_overlapping_versions_are_refused() -> None:
    path = BROKEN / "overlapping-versions.toml"
    assert only_error(path) == (
        f"{path.as_posix()}: rule QT-HIEP-Y: versions 1 (2008-03-03 to 2017-12-18) and 2 "
        "(2017-01-01 to 2017-12-18) overlap in time")


def test_failing_example_is_refused() -> None:
    path = BROKEN / "failing-example.toml"
    msg = only_error(path)
    assert msg.startswith(
        f"{path.as_posix()}: rule QT-HIEP-Y: example examples/no-hiep-y.json expects pass, "
        "but the rule reports a violation at /consultations, line 25: The case records "
        "neither a request")


# ---------------------------------------------------------------- last_verified
@pytest.mark.parametrize(
    ("days", "stale"), [(364, False), (365, False), (366, True)],
    ids=["just-under-a-year", "exactly-a-year", "over-a-year"],
)
def test_last_verified_older_than_a_year_is_a_warning(days: int, stale: bool) -> None:
    result = verify(QT_PACK, TODAY + dt.timedelta(days=days))
    assert result.errors == () and result.exit_code == 0
    if not stale:
        assert result.warnings == ()
        return
    (warning,) = result.warnings
    assert warning == (
        f"{QT_PACK.as_posix()}: last_verified is 2026-11-22, more than a year before "
        "2027-11-23; check the rules against the law in force and update the date")


# ---------------------------------------------------------------- example verdicts
def no_counts_quorum(text: str = QT_TEXT) -> str:
    """The example pack's rule, made a quorum rule: a step without counts cannot be
    decided (the only way to get 'undecidable' from it)."""
    start = text.index("messages.missing = ")
    end = text.index("examples = [")
    return text[:start] + (
        'messages.default = { vi = "Tại {step} chỉ có {present}/{summoned} người; cần {needed}.", '
        'en = "At {step} only {present} of {summoned} were present; {needed} needed." }\n'
        'messages.no_counts = { vi = "Không rõ số người tại {step}.", '
        'en = "The counts of {step} are not recorded." }\n'
        'check = { kind = "quorum", kinds = ["leadership_1"], ratio = "2/3" }\n'
    ) + text[end:]


def with_step(data: dict[str, Any], **counts: int) -> dict[str, Any]:
    data["steps"] = [{"kind": "leadership_1", "date": "2013-03-20", **counts}]
    return data


VERDICTS = [
    # (rule text, case, expected, the error or None)
    pytest.param(QT_TEXT, case("hiep-y-answered"), "pass", None, id="pass"),
    pytest.param(QT_TEXT, case("no-hiep-y"), "violation", None, id="violation"),
    pytest.param(no_counts_quorum(), with_step(case("hiep-y-answered")), "undecidable", None,
                 id="undecidable"),
    pytest.param(QT_TEXT, case("hiep-y-answered"), "violation",
                 "expects violation, but the rule finds nothing", id="pass-not-violation"),
    pytest.param(QT_TEXT, case("no-hiep-y"), "undecidable",
                 "expects undecidable, but the rule reports a violation at /consultations",
                 id="violation-not-undecidable"),
    pytest.param(no_counts_quorum(), with_step(case("hiep-y-answered")), "pass",
                 "expects pass, but the rule cannot decide at /steps/0, line ",
                 id="undecidable-not-pass"),
    pytest.param(no_counts_quorum(), with_step(case("hiep-y-answered"), summoned=3, present=1),
                 "undecidable", "expects undecidable, but the rule reports a violation at "
                 "/steps/0/present", id="violation-not-undecidable-quorum"),
    pytest.param(no_counts_quorum(), with_step(case("hiep-y-answered"), summoned=3, present=2),
                 "pass", None, id="quorum-met"),
]


@pytest.mark.parametrize(("text", "data", "expect", "error"), VERDICTS)
def test_example_verdicts(tmp_path: Path, text: str, data: dict[str, Any], expect: str,
                          error: str | None) -> None:
    path = write_pack(tmp_path, with_examples(text, [("examples/c.json", expect)]),
                      {"c.json": data})
    result = verify(path, TODAY)
    assert result.examples == 1
    if error is None:
        assert result.errors == ()
        return
    msg = only_error(path)
    assert msg.startswith(f"{path.as_posix()}: rule QT-HIEP-Y: example examples/c.json "), msg
    assert error in msg, msg


def test_example_the_rule_never_runs_on(tmp_path: Path) -> None:
    # not one of the branches the pack covers: a "pass" here would prove nothing
    data = case("hiep-y-answered")
    data["unit"]["parent"] = "Bộ Tài chính"
    path = write_pack(tmp_path, with_examples(QT_TEXT, [("examples/c.json", "pass")]),
                      {"c.json": data})
    assert "the rule does not run on this case" in only_error(path)


def test_example_that_selects_another_version(tmp_path: Path) -> None:
    # Both versions within the cover (a cover may not outlast 67-QĐ/TW, its source).
    head, rule = QT_TEXT[: QT_TEXT.index("[[rules]]")], QT_TEXT[QT_TEXT.index("[[rules]]"):]
    v1 = with_examples(edited('in_force = { from = "2008-03-03", until = "2017-12-18" }',
                              'in_force = { from = "2008-03-03", until = "2014-12-31" }',
                              rule), [])
    v2 = edited('in_force = { from = "2008-03-03", until = "2017-12-18" }',
                'in_force = { from = "2015-01-01", until = "2017-12-18" }',
                rule.replace("version = 1", "version = 2", 1))
    v2 = with_examples(v2, [("examples/c.json", "pass")])
    path = write_pack(tmp_path, head + v1 + "\n" + v2,
                      {"c.json": case("hiep-y-answered")})
    msg = only_error(path)
    assert msg.startswith(f"{path.as_posix()}: rule QT-HIEP-Y version 2: example "), msg
    assert msg.endswith("its date 2013-05-06 (/decision/document/date) selects version 1 of "
                        "the rule, not version 2")


def test_missing_example_file(tmp_path: Path) -> None:
    path = write_pack(tmp_path, with_examples(QT_TEXT, [("examples/nope.json", "pass")]))
    assert only_error(path).endswith(
        "example examples/nope.json cannot be read: No such file or directory.")


def test_example_that_is_not_a_valid_case(tmp_path: Path) -> None:
    data = case("hiep-y-answered")
    del data["candidate"]
    path = write_pack(tmp_path, with_examples(QT_TEXT, [("examples/c.json", "pass")]),
                      {"c.json": data})
    msg = only_error(path)
    assert "example examples/c.json is not a valid case: " in msg
    assert "candidate" in msg


@pytest.mark.parametrize("bad", ["../outside.json", "/etc/passwd.json", "examples/.hidden.json",
                                 "examples/case.txt"])
def test_example_paths_stay_below_the_pack(tmp_path: Path, bad: str) -> None:
    path = write_pack(tmp_path, with_examples(QT_TEXT, [(bad, "pass")]))
    msg = only_error(path)
    assert msg.endswith("rule QT-HIEP-Y: at examples/0/case: an example must be a .json file "
                        "named relative to the pack file and below its folder (no absolute "
                        "path, no '..', no hidden file)")


def test_every_failing_example_is_reported(tmp_path: Path) -> None:
    path = write_pack(tmp_path, with_examples(QT_TEXT, [
        ("examples/a.json", "violation"), ("examples/b.json", "pass"),
        ("examples/c.json", "pass")]),
        {"a.json": case("hiep-y-answered"), "b.json": case("no-hiep-y"),
         "c.json": case("hiep-y-answered")})
    result = verify(path, TODAY)
    assert result.examples == 3
    assert [e.split(": example ")[1].split(" ")[0] for e in result.errors] == [
        "examples/a.json", "examples/b.json"]


# ---------------------------------------------------------------- ids and sources
def test_rule_id_already_defined_by_a_builtin_pack(tmp_path: Path) -> None:
    path = write_pack(tmp_path, edited('id = "QT-HIEP-Y"', 'id = "APPT-QUORUM"'),
                      {n: case(n[:-5]) for n in ("hiep-y-answered.json", "no-hiep-y.json",
                                                 "reported-through-organisation-board.json")})
    # the same message as `check --rules` gives (one validation for both)
    assert only_error(path) == (
        f"{path.as_posix()}: rule APPT-QUORUM is already defined by pack nd-170-2025")


def test_own_source_may_not_reuse_a_builtin_id(tmp_path: Path) -> None:
    path = write_pack(tmp_path, edited('id = "qt-qd-460-2008"', 'id = "qd-80-2022"'))
    assert only_error(path) == (
        f"{path.as_posix()}: source 'qd-80-2022' is already in the built-in catalog; give the "
        "pack's own source another id")


def test_own_source_defined_twice(tmp_path: Path) -> None:
    path = write_pack(tmp_path, edited('id = "qt-qd-460-2008"', 'id = "qt-bc-92-2012"'))
    assert only_error(path) == f"{path.as_posix()}: source 'qt-bc-92-2012' is defined twice"


def test_own_source_replaced_by_unknown(tmp_path: Path) -> None:
    path = write_pack(tmp_path, edited('signed = "2008-03-03"\n',
                                       'signed = "2008-03-03"\nreplaced_by = "qt-qd-999"\n'))
    assert only_error(path).endswith(
        "source 'qt-qd-460-2008' is replaced by unknown source 'qt-qd-999'")


def test_cover_must_name_a_builtin_source(tmp_path: Path) -> None:
    path = write_pack(tmp_path, edited('source = "qd-67-2007"', 'source = "qt-qd-460-2008"'))
    assert "covers source 'qt-qd-460-2008' from the pack's own sources" in only_error(path)


def test_own_sources_are_for_that_pack_only() -> None:
    # the built-in pack cannot cite what an agency pack brought
    packs = all_packs((QT_PACK,))
    from checker.sources import catalog

    assert catalog().get("qt-bc-92-2012") is None
    qt = next(p for p in packs if p.id == "quang-tri-92-bc-tu")
    (rule,) = qt.rules
    numbers = [c.resolved.number for c in rule.cites if c.resolved is not None]
    assert numbers == ["92-BC/TU", "92-BC/TU", "460-QĐ/TU"]


# ---------------------------------------------------------------- check --rules
def test_check_with_the_example_pack() -> None:
    result = CliRunner().invoke(
        main, ["check", "--lang", "en", "--format", "json", "--rules", str(QT_PACK),
               str(QT / "examples")],
        env={"CHECKER_LANG": None}, catch_exceptions=False)
    assert result.exit_code == 0, result.output  # the pack's rule is a warning
    report = json.loads(result.stdout)
    by_file = {Path(f["path"]).name: f for f in report["files"]}
    assert set(by_file) == {"hiep-y-answered.json", "no-hiep-y.json",
                            "reported-through-organisation-board.json"}
    for name, f in by_file.items():
        ours = [x for x in f["findings"] if x["rule"] == "QT-HIEP-Y"]
        assert len(ours) == (1 if name == "no-hiep-y.json" else 0), name
        assert {a["source"] for a in f["applied"] if a["layer"] == "party"} == {"qd-67-2007"}
    (finding,) = [x for x in by_file["no-hiep-y.json"]["findings"] if x["rule"] == "QT-HIEP-Y"]
    assert finding["severity"] == "warning" and finding["kind"] == "violation"
    assert finding["pointer"] == "/consultations"
    assert [(c["number"], c["confidence"]) for c in finding["citations"]] == [
        ("92-BC/TU", "high"), ("460-QĐ/TU", "low")]

