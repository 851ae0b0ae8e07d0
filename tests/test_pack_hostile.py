"""Rule packs as hostile input, round two (issue 11): what an attacker's corpus found.

1. Coverage cannot be forged: a cover lies within its source's period in force in the
   catalog (from its effective date, or its signing date where that is all the catalog
   has, to its last day), and a rule version applies only on days some document it cites
   is in force. Each bound is tried the day before, on and after.
2. A pack speaks for its own layer: its covers and every citation (amending texts and the
   pack's own sources included) are documents of that layer.
3. `verify` and `check --rules` run one validation, with limits on the file's size, the
   nesting, the entries of one array or table, the length of texts and the digits of
   numbers (and of ratios): every hostile pack gets the same one-line refusal from both,
   in the run's language, never a traceback.

The hostile packs live in fixtures/hostile/packs/ with their refusals in expected.json
(tests/test_hostile.py runs them through a real process); here they are also run through
both commands in this process.
"""

from __future__ import annotations

import copy
import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _support import EXAMPLES, ROOT
from click.testing import CliRunner, Result

from checker.cli import main
from checker.errors import RulePackError
from checker.rules.pack import (
    BUILTIN_PACKS,
    MAX_DEPTH,
    MAX_DIGITS,
    MAX_EXAMPLES,
    MAX_ITEMS,
    MAX_TEXT,
    Pack,
    builtin_packs,
    check_limits,
    parse_pack,
)
from checker.sources import MAX_TOML_SIZE, catalog, toml_plain

PACKS = ROOT / "fixtures" / "hostile" / "packs"
VALID = PACKS / "valid-agency-pack.toml"
CLEAN = EXAMPLES / "clean.json"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (PACKS / "expected.json").read_text("utf-8"))["files"]
REFUSED = sorted(n for n, e in EXPECTED.items() if e["exit"] == 2)
VIETNAMESE = set("ăâđêôơưạảãáàầấậẩẫằắặẳẵẹẻẽéèềếệểễịỉĩíìọỏõóòồốộổỗờớợởỡụủũúùừứựửữỵỷỹýỳ")


def cli(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], env={"CHECKER_LANG": None},
                              catch_exceptions=False)


def valid() -> dict[str, Any]:
    data: dict[str, Any] = toml_plain(tomllib.loads(VALID.read_text("utf-8")))
    return copy.deepcopy(data)


def load(data: dict[str, Any], lang: str = "en") -> Pack:
    return parse_pack(data, "local.toml", catalog(), lang=lang)  # type: ignore[arg-type]


def refusal(data: dict[str, Any], lang: str = "en") -> str:
    with pytest.raises(RulePackError) as e:
        load(data, lang)
    msg = str(e.value)
    assert msg.startswith("local.toml: ") and "\n" not in msg, msg
    return msg


def edit(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = valid()
    change(data)
    return data


def cover(data: dict[str, Any], source: str, start: str, end: str | None = None) -> None:
    data["covers"][0]["source"] = source
    data["covers"][0]["in_force"] = {"from": start, **({"until": end} if end else {})}


def rule_period(data: dict[str, Any], start: str, end: str | None = None) -> None:
    data["rules"][0]["in_force"] = {"from": start, **({"until": end} if end else {})}


def party(data: dict[str, Any]) -> None:
    """The valid pack made a Party pack: a cover under 80-QĐ/TW and its rule citing it."""
    data["layer"] = data["covers"][0]["layer"] = "party"
    cover(data, "qd-80-2022", "2022-08-18", "2025-10-07")
    rule_period(data, "2022-08-18", "2025-10-07")
    data["rules"][0]["cites"] = [{"source": "qd-80-2022"}]


# ---------------------------------------------------------------- 1. periods in force
@pytest.mark.parametrize(("start", "ok"), [("2025-06-30", False), ("2025-07-01", True),
                                           ("2025-07-02", True)],
                         ids=["day-before-effective", "effective-day", "day-after"])
def test_a_cover_starts_no_earlier_than_its_source(start: str, ok: bool) -> None:
    data = edit(lambda d: cover(d, "nd-170-2025", start, "2026-07-31"))
    if ok:
        load(data)
        return
    msg = refusal(data)
    assert msg == (
        "local.toml: covers the state layer under nd-170-2025 (170/2025/NĐ-CP) for "
        f"{start} to 2026-07-31, but the source catalog has that document in force "
        "2025-07-01 to open end only; a cover cannot reach beyond its source's period in "
        "force")


@pytest.mark.parametrize(("end", "ok"), [("2025-10-06", True), ("2025-10-07", True),
                                         ("2025-10-08", False), (None, False)],
                         ids=["day-before-last", "last-day", "day-after-last", "open-end"])
def test_a_cover_ends_no_later_than_its_source(end: str | None, ok: bool) -> None:
    """80-QĐ/TW was in force until 2025-10-07 (377-QĐ/TW replaced it)."""
    data = edit(party)
    cover(data, "qd-80-2022", "2022-08-18", end)
    if ok:
        load(data)
        return
    msg = refusal(data)
    assert "covers the Party layer under qd-80-2022 (80-QĐ/TW)" in msg
    assert "in force 2022-08-18 to 2025-10-07 only" in msg


@pytest.mark.parametrize(("start", "ok"), [("2024-09-16", False), ("2024-09-17", True)],
                         ids=["day-before-signing", "signing-day"])
def test_a_source_without_an_effective_date_is_in_force_from_its_signing(
        start: str, ok: bool) -> None:
    """Decree 116/2024: the catalog knows only its signing date; nothing is in force
    before it is signed."""
    data = edit(lambda d: cover(d, "nd-116-2024", start, "2025-06-30"))
    if ok:
        load(data)
    else:
        assert "in force 2024-09-17 to 2025-06-30 only" in refusal(data)


def test_a_source_of_unknown_date_cannot_be_covered() -> None:
    """Law 22/2008 has no date in the catalog: a cover under it claims what nobody can
    check."""
    msg = refusal(edit(lambda d: cover(d, "luat-22-2008", "2010-01-01", "2010-12-31")))
    assert msg == (
        "local.toml: covers the state layer under luat-22-2008 (22/2008/QH12) for "
        "2010-01-01 to 2010-12-31, but the source catalog does not say from when that "
        "document is in force")


def test_a_cover_that_ends_before_it_starts() -> None:
    msg = refusal(edit(lambda d: cover(d, "nd-170-2025", "2026-01-01", "2025-12-31")))
    assert msg == "local.toml: the cover under nd-170-2025 ends before it starts"


@pytest.mark.parametrize(("start", "ok"), [("2025-06-30", False), ("2025-07-01", True)],
                         ids=["day-before-effective", "effective-day"])
def test_a_rule_applies_only_while_a_source_it_cites_is_in_force(start: str, ok: bool) -> None:
    data = edit(lambda d: rule_period(d, start, "2026-07-31"))
    if ok:
        load(data)
        return
    assert refusal(data) == (
        f"local.toml: rule BTC-QUORUM: version 1 ({start} to 2026-07-31) applies on "
        f"{start}, when none of the documents it cites is in force (per the source "
        "catalog); a rule cannot apply where its sources do not")


def test_a_rule_across_a_replacement_cites_the_old_and_the_new_text() -> None:
    """Decree 138/2020 until 2025-06-30, Decree 170/2025 from 2025-07-01: a rule citing
    both may span the change; citing the old one alone, it stops where that one did."""
    both = edit(lambda d: rule_period(d, "2025-01-01", "2026-07-31"))
    both["rules"][0]["cites"].append({"source": "nd-138-2020"})
    load(both)
    old = copy.deepcopy(both)
    old["rules"][0]["cites"] = [{"source": "nd-138-2020"}]
    assert "applies on 2025-07-01, when none" in refusal(old)


def own_source(sid: str, signed: str, **more: Any) -> dict[str, Any]:
    return {"id": sid, "number": f"{sid}/QĐ", "kind": {"vi": "Quy định", "en": "Rule"},
            "title": {"vi": "Quy chế", "en": "Rules"}, "issuer": "Bộ", "layer": "state",
            "signed": signed, "confidence": "high", **more}


@pytest.mark.parametrize(("end", "ok"), [("2026-02-28", True), ("2026-03-01", False)],
                         ids=["day-before-the-replacement", "replacement-day"])
def test_a_replaced_source_ends_where_its_replacement_begins(end: str, ok: bool) -> None:
    """An agency's own regulation replaced by a newer one, with no `ended` of its own: it
    was in force until the day before the new one."""
    data = edit(lambda d: d.update(sources=[
        own_source("local-1", "2025-01-01", replaced_by="local-2"),
        own_source("local-2", "2026-03-01")]))
    rule_period(data, "2025-07-01", end)
    data["rules"][0]["cites"] = [{"source": "local-1"}]
    if ok:
        load(data)
    else:
        assert "applies on 2026-03-01, when none of the documents" in refusal(data)


@pytest.mark.parametrize(("start", "ok"), [("2026-07-31", False), ("2026-08-01", True)],
                         ids=["before-the-amendment", "from-the-amendment"])
def test_an_amended_article_applies_only_once_the_amendment_is(start: str, ok: bool) -> None:
    """Decree 170 Article 33 as amended by Decree 300/2026 (in force from 2026-08-01)."""
    def change(d: dict[str, Any]) -> None:
        cover(d, "nd-300-2026", "2026-08-01")
        rule_period(d, start)
        d["rules"][0]["cites"] = [{"source": "nd-170-2025", "article": 33,
                                   "amended_by": {"source": "nd-300-2026", "article": 13}}]
    data = edit(change)
    if ok:
        load(data)
    else:
        assert "applies on 2026-07-31, when none of the documents" in refusal(data)


# ---------------------------------------------------------------- 2. layers
def test_a_state_rule_may_not_cite_a_party_regulation() -> None:
    data = edit(lambda d: d["rules"][0]["cites"].append({"source": "qd-377-2025"}))
    assert refusal(data) == (
        "local.toml: rule BTC-QUORUM: cites qd-377-2025 (377-QĐ/TW), a document of the Party "
        "layer, in a pack of the state layer; a rule cites documents of its own layer only")


def test_a_party_rule_may_not_cite_a_state_decree() -> None:
    data = edit(party)
    data["rules"][0]["cites"].append({"source": "nd-170-2025", "article": 33})
    msg = refusal(data)
    assert "rule BTC-QUORUM: cites nd-170-2025 (170/2025/NĐ-CP), a document of the state" in msg


def test_the_pack_own_source_belongs_to_the_pack_layer() -> None:
    """A state pack's own document declared a Party one: citing it is refused like a
    built-in Party document; so is an amending text of the other layer."""
    own = own_source("local-qd-1", "2025-01-01", layer="party", amends="nd-170-2025")
    data = edit(lambda d: d.update(sources=[own]))
    data["rules"][0]["cites"].append({"source": "local-qd-1"})
    assert "cites local-qd-1 (local-qd-1/QĐ), a document of the Party layer" in refusal(data)
    data["rules"][0]["cites"][-1] = {"source": "nd-170-2025", "article": 33,
                                     "amended_by": {"source": "local-qd-1"}}
    assert "cites local-qd-1 (local-qd-1/QĐ), a document of the Party layer" in refusal(data)


def test_a_cover_speaks_for_the_pack_layer_under_a_document_of_it() -> None:
    other = edit(lambda d: d["covers"][0].update(layer="party"))
    assert refusal(other) == ("local.toml: a pack of the state layer declares a cover of the "
                              "Party layer; a pack speaks for its own layer only")
    party_source = edit(lambda d: cover(d, "qd-377-2025", "2025-10-08"))
    assert refusal(party_source) == ("local.toml: covers the state layer under qd-377-2025 "
                                     "(377-QĐ/TW), a document of the Party layer")


def test_every_built_in_pack_speaks_for_its_own_layer() -> None:
    cat = catalog()
    for p in builtin_packs():
        assert {c.layer for c in p.covers} == {p.layer}, p.id
        for c in p.covers:
            assert cat.get(c.source).layer == p.layer  # type: ignore[union-attr]
        for r in p.rules:
            for c in r.cites:
                assert c.resolved_in(cat).layer == p.layer, (p.id, r.id, c.source)


# ---------------------------------------------------------------- 3. one validation, limits
def both(pack: Path, lang: str = "en") -> tuple[Result, Result]:
    # verify speaks the run's language too (issue 12), so both are asked for the same one
    verify = cli("verify", "--today", "2025-12-01", "--lang", lang, pack)
    check = cli("check", "--no-cache", "--lang", lang, "--rules", pack, CLEAN)
    return verify, check


@pytest.mark.parametrize("name", REFUSED)
def test_verify_and_check_refuse_a_hostile_pack_alike(name: str) -> None:
    """The same one line from both commands, exit 2 (a pack verify accepts is one check
    accepts: the 5,000-digit ratio and the 200-deep `when` were accepted by one and
    crashed the other)."""
    verify, check = both(PACKS / name)
    assert (verify.exit_code, check.exit_code) == (2, 2), (verify.output, check.output)
    assert verify.stdout == check.stdout == ""
    assert verify.stderr == check.stderr, (verify.stderr, check.stderr)
    assert verify.stderr.startswith(f"checker: {(PACKS / name).as_posix()}: ")
    assert verify.stderr.count("\n") == 1 and "Traceback" not in verify.stderr


@pytest.mark.parametrize("name", REFUSED)
def test_a_refusal_speaks_the_language_of_the_run(name: str) -> None:
    _, en = both(PACKS / name, "en")
    _, vi = both(PACKS / name, "vi")
    assert vi.exit_code == en.exit_code == 2
    assert vi.stderr != en.stderr
    assert VIETNAMESE & set(vi.stderr.casefold()), vi.stderr
    assert vi.stderr.count("\n") == 1 and name in vi.stderr


def test_verify_and_check_accept_the_valid_pack() -> None:
    verify, check = both(VALID)
    assert verify.exit_code == 0 and check.exit_code == 0, (verify.output, check.output)


def nested(levels: int) -> Any:
    """`levels` arrays nested in one another."""
    node: Any = "x"
    for _ in range(levels):
        node = [node]
    return node


def test_nesting_limit() -> None:
    """At most MAX_DEPTH tables and arrays in one another, the file's top table one of
    them."""
    check_limits({"a": nested(MAX_DEPTH - 1)}, "p.toml")
    with pytest.raises(RulePackError, match=r"^p\.toml: at a(/0)+: tables and arrays are "
                                            f"nested more than {MAX_DEPTH} levels deep"):
        check_limits({"a": nested(MAX_DEPTH)}, "p.toml")


def test_a_limit_met_inside_a_rule_names_the_rule() -> None:
    data = {"rules": [{"id": "LOCAL-DEEP", "when": nested(MAX_DEPTH)}]}
    with pytest.raises(RulePackError, match=r"^p\.toml: rule LOCAL-DEEP: at rules/0/when/0"):
        check_limits(data, "p.toml")
    data["rules"][0]["id"] = "NOT AN ID\nSECOND LINE"  # named by its place, on one line
    with pytest.raises(RulePackError, match=r"^p\.toml: rule #0: at rules/0/when/0"):
        check_limits(data, "p.toml")


@pytest.mark.parametrize(("value", "ok"), [
    (["x"] * MAX_ITEMS, True), (["x"] * (MAX_ITEMS + 1), False),
    ("x" * MAX_TEXT, True), ("x" * (MAX_TEXT + 1), False),
    (10 ** MAX_DIGITS - 1, True), (10 ** MAX_DIGITS, False), (-(10 ** MAX_DIGITS), False),
    ({"k" * (MAX_TEXT + 1): 1}, False),
], ids=["items-at", "items-over", "text-at", "text-over", "digits-at", "digits-over",
        "negative-digits-over", "key-over"])
def test_size_limits(value: Any, ok: bool) -> None:
    data = {"rules": [{"id": "LOCAL-BIG", "value": value}]}
    if ok:
        check_limits(data, "p.toml")
        return
    with pytest.raises(RulePackError, match=r"^p\.toml: rule LOCAL-BIG: at rules/0/value"):
        check_limits(data, "p.toml")


def test_a_number_too_long_to_print_is_measured() -> None:
    with pytest.raises(RulePackError, match="a number of 5000 digits, over the limit of 15"):
        check_limits({"n": 10 ** 4999}, "p.toml")


def test_examples_limit() -> None:
    ex = {"case": "a.json", "expect": "pass"}
    data = {"rules": [{"examples": [ex] * (MAX_EXAMPLES // 2)}] * 2}
    check_limits(data, "p.toml")
    data["rules"].append({"examples": [ex]})
    with pytest.raises(RulePackError, match=f"over the limit of {MAX_EXAMPLES} for one"):
        check_limits(data, "p.toml")


def test_too_many_rules_are_refused_in_one_line(tmp_path: Path) -> None:
    data = valid()
    data["rules"] = [dict(data["rules"][0], id=f"BTC-R{i}") for i in range(MAX_ITEMS + 1)]
    msg = refusal(data)
    assert msg == (f"local.toml: at rules: {MAX_ITEMS + 1} entries, over the limit of "
                   f"{MAX_ITEMS} in one place of a rule pack")


@pytest.mark.parametrize(("ratio", "ok"), [("9999/9999", True), ("10000/9999", False),
                                           ("1/10000", False)],
                         ids=["four-digits", "five-digit-numerator", "five-digit-denominator"])
def test_ratio_digits(ratio: str, ok: bool) -> None:
    data = edit(lambda d: d["rules"][0]["check"].update(ratio=ratio))
    if ok:
        load(data)
    else:
        assert "rule BTC-QUORUM: check quorum: ratio" in refusal(data)


def test_the_built_in_packs_are_within_the_limits() -> None:
    for path in sorted(BUILTIN_PACKS.glob("*.toml")):
        check_limits(toml_plain(tomllib.loads(path.read_text("utf-8"))), path.name)


def test_a_pack_over_the_size_limit_is_refused_unparsed(tmp_path: Path) -> None:
    pack = tmp_path / "big.toml"
    pack.write_bytes(b"# " + b"x" * MAX_TOML_SIZE + b"\n")
    verify, check = both(pack)
    assert verify.exit_code == check.exit_code == 2
    assert verify.stderr == check.stderr
    assert "big.toml" in verify.stderr and "too large for a rule pack" in verify.stderr


def test_a_pack_is_read_in_the_run_language_from_the_file_on() -> None:
    _, vi = both(PACKS / "not-utf8.toml", "vi")
    assert "không phải văn bản UTF-8" in vi.stderr
    _, vi = both(PACKS / "integer-5000-digits.toml", "vi")
    assert "có một số dài hơn 4300 chữ số" in vi.stderr
