"""Names of persons and bodies: one normalisation for tallies and comparisons, and a
letter of another script (Cyrillic, Greek, fullwidth, the Icelandic eth) named with its
code point and position instead of silently making two people of one."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from _support import example, run, triples
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.lookalike import foreign
from checker.text import key, same

CASE = "2026-four-step-in-house"
NAME = "Đỗ Thị Thu Trang"

# (where in the case, the name with one foreign letter, the letter, its position)
PLACES: list[tuple[tuple[Any, ...], str]] = [
    (("candidate", "full_name"), "Đỗ Thị Thu Tr\u0430ng"),  # Cyrillic а
    (("steps", 1, "nominations", 0, "name"), "\u00d0ỗ Thị Thu Trang"),  # Icelandic Ð
    (("steps", 0, "put_forward", 0), "Đỗ Thị Thu Tr\u03b1ng"),  # Greek α
    (("decision", "body"), "Bộ Nội vụ \uff08TW)"),  # a fullwidth bracket
    (("consultations", 0, "body"), "Chi bộ Vụ Tổ chức - Biên chế \u0434"),  # Cyrillic д
]


def put(case: dict[str, Any], where: tuple[Any, ...], value: str) -> None:
    node: Any = case
    for k in where[:-1]:
        node = node[k]
    node[where[-1]] = value


def pointer(where: tuple[Any, ...]) -> str:
    return "".join(f"/{k}" for k in where)


@pytest.mark.parametrize(("where", "value"), PLACES, ids=[pointer(w) for w, _ in PLACES])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_letter_of_another_script_in_a_name_is_named(where: tuple[Any, ...], value: str,
                                                       lang: str) -> None:
    case = example(CASE)
    put(case, where, value)
    found = [f for f in run(case, lang=lang).findings if f.pointer == pointer(where)]
    assert [f.rule for f in found] == ["SCHEMA"]
    (bad,) = foreign(value)
    message = found[0].message
    assert bad.code in message and f'"{bad.char}"' in message
    assert (f"vị trí thứ {bad.index}" if lang == "vi" else f"position {bad.index}") in message
    assert found[0].position is not None and found[0].position.line > 1
    if bad.intended:  # the corrected name is spelt out
        assert value.replace(bad.char, bad.intended) in message


def test_the_position_counts_letters_as_the_clerk_sees_them() -> None:
    case = example(CASE)
    written = unicodedata.normalize("NFD", "Đỗ Thị Thu Tr") + "\u0430ng"
    case["candidate"]["full_name"] = written
    (f,) = [f for f in run(case, lang="en").findings if f.pointer == "/candidate/full_name"]
    assert "position 14" in f.message


def test_every_foreign_letter_is_listed_once_in_order() -> None:
    case = example(CASE)
    case["decision"]["body"] = "Bộ N\u043ei vụ \u0434 \uff21"
    (f,) = [f for f in run(case, lang="en").findings if f.pointer == "/decision/body"]
    assert "3 character(s)" in f.message
    assert f.message.index("U+043E") < f.message.index("U+0434") < f.message.index("U+FF21")


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY" \
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ -.,()"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=VIETNAMESE, min_size=1, max_size=40).filter(str.strip),
       st.sampled_from(["NFC", "NFD"]))
def test_no_vietnamese_name_is_refused(name: str, form: str) -> None:
    assert foreign(unicodedata.normalize(form, name)) == []  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=VIETNAMESE, min_size=1, max_size=40).filter(str.strip))
def test_one_key_for_every_way_of_writing_a_name(name: str) -> None:
    variants = [name, name.upper(), name.lower(), unicodedata.normalize("NFD", name),
                "  ".join(name.split()), f" {name} "]
    assert len({key(v) for v in variants}) == 1


def test_look_alike_letters_compare_as_the_letter_they_imitate() -> None:
    assert same("Đỗ Thị Thu Tr\u0430ng", NAME)
    assert same("\u00d0ỗ Thị Thu Trang", NAME)
    assert not same("Đỗ Thị Thu Trung", NAME)


@pytest.mark.parametrize("spelling", [
    NAME.upper(), NAME.lower(), unicodedata.normalize("NFD", NAME), "Đỗ  Thị Thu  Trang",
])
def test_votes_split_between_two_spellings_are_one_persons(spelling: str) -> None:
    """The step-2 votes of 7 written as 4 + 3 under two spellings: the same verdicts."""
    whole = example(CASE)
    split = example(CASE)
    split["steps"][1]["nominations"] = [{"name": NAME, "votes": 4},
                                        {"name": spelling, "votes": 3}]
    assert triples(run(split).findings) == triples(run(whole).findings)


@pytest.mark.parametrize(("first", "second", "stopped"), [(2, 2, False), (1, 1, True)])
def test_a_tally_split_by_spelling_is_judged_whole(first: int, second: int,
                                                   stopped: bool) -> None:
    """Step 2 of 9 summoned: 2 + 2 under two spellings is 4/9, over the 30% that carries
    the nominee on (split, 2/9 each would stop the procedure); 1 + 1 is 2/9, under it."""
    case = example(CASE)
    case["steps"][1]["nominations"] = [{"name": NAME, "votes": first},
                                       {"name": NAME.lower(), "votes": second}]
    assert ("APPT-STEP2-VOTE" in {f.rule for f in run(case).findings}) is stopped
    whole = example(CASE)
    whole["steps"][1]["nominations"] = [{"name": NAME, "votes": first + second}]
    assert triples(run(case).findings) == triples(run(whole).findings)


def test_a_tally_keeps_the_name_as_first_written() -> None:
    from checker.model import Step
    from checker.rules.predicates import tally
    step = Step.model_validate({"kind": "leadership_1", "date": "2026-08-17", "nominations": [
        {"name": NAME.upper(), "votes": 1}, {"name": NAME, "votes": 2},
        {"name": "Hoàng Văn Nam", "votes": 1}]})
    assert sorted(tally(step).values()) == [("Hoàng Văn Nam", 1), (NAME.upper(), 3)]


def test_a_name_of_the_wrong_type_is_one_finding_not_two() -> None:
    """The rule against foreign letters looks at strings only: an array where a name
    should be is a type error, not also a name with foreign letters."""
    case = example(CASE)
    case["decision"]["body"] = ["Bộ Nội vụ"]
    assert [f.pointer for f in run(case).findings] == ["/decision/body"]
