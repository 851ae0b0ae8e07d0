"""Document numbers (số, ký hiệu văn bản): every official form is accepted, junk is
refused, and a number spoiled by a look-alike character (Ð for Đ, a Cyrillic С, a
fullwidth ／) is refused with a message that names the character and what to type.

Four engines judge a number and must agree: Python's `re` (the reference validator,
jsonschema), jsonschema-rs (the fast path), and pydantic (the models).
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import pytest
from _support import LANGS, example, is_sentence, run
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from checker.i18n import Lang
from checker.lookalike import LOOKALIKES, lookalikes, respell
from checker.model import DOC_NUMBER_PATTERN, DocNumber
from checker.report import Finding
from checker.schemas import SCHEMA_RULE, quick_valid, validator

POINTER = "/decision/document/number"

# (number, what it is). Real numbers where we saw them; the rest follow a form of
# NĐ 30/2020/NĐ-CP Phụ lục I and III or of Hướng dẫn 36-HD/VPTW (see checker/model/common.py).
ACCEPTED = [
    # state: number/type-issuer
    ("123/QĐ-BTC", "quyết định of a ministry"),
    ("12/TTr-TCCB", "tờ trình: mixed-case type (Phụ lục III)"),
    ("45/NQ-HĐND", "nghị quyết of a people's council"),
    ("1234/QĐ-UBND", "quyết định of a people's committee"),
    ("05/QyĐ-UBND", "quy định: QyĐ in Phụ lục III"),
    ("07/CTr-UBND", "chương trình: CTr in Phụ lục III"),
    ("02/TrS-VP", "bản trích sao: TrS in Phụ lục III"),
    ("560/NQ-UBTVQH15", "National Assembly Standing Committee, with its term"),
    ("12/TB-UBTƯMTTQVN", "an issuer code with a Vietnamese capital vowel (Ư)"),
    ("436/QĐ-ĐHCN", "a university: Đ first"),
    ("155/QĐ-BGDĐT", "a ministry whose abbreviation holds Đ"),
    ("12/HD-BTCTW", "a Party body's code in the state form, as clerks write it"),
    ("12a/QĐ-BTC", "an inserted number (letter suffix), accepted as before"),
    # state: number/year/type-issuer (legal normative documents)
    ("170/2025/NĐ-CP", "nghị định"),
    ("05/2024/TT-BNV", "thông tư"),
    ("18/2020/QĐ-TTg", "Prime Minister: mixed-case issuer"),
    ("05/2019/NQ-HĐND", "provincial council resolution"),
    ("666/2015/QĐ-UBND", "provincial committee decision"),
    ("55/2005/TTLT-BNV-VPCP", "joint circular: two issuers"),
    ("17/2015/TTLT-BTP-BQP", "joint circular"),
    ("15/NQLT-CP-TANDTC-VKSNDTC", "joint resolution: three issuers"),
    # state: laws and resolutions of the National Assembly, no type code
    ("80/2025/QH15", "a law"),
    ("190/2025/QH15", "a resolution"),
    # state công văn: no type code, issuer and drafting unit (or field)
    ("3866/BVHTTDL-TCCB", "long issuer code"),
    ("3120/BTC-TCCB", "ministry, personnel department"),
    ("4021/VPCP-CN", "Government Office, industry department"),
    ("215/NSNN", "one group only"),
    ("301/TTr", "an inspectorate's công văn: mixed case, one group"),
    ("288/TTr-TTr", "mixed case in both groups"),
    ("03/VBHN-VPQH", "consolidated text"),
    # Party: number-type/issuer
    ("97-QĐ/TW", "Politburo"),
    ("80-QĐ/TW", "Politburo regulation"),
    ("21-KL/TW", "kết luận"),
    ("45-HD/BTCTW", "Central Organisation Commission guidance"),
    ("36-HD/VPTW", "Central Party Office guidance"),
    ("92-BC/TU", "provincial committee report"),
    ("05-BB/ĐU", "minutes of a Party committee"),
    ("512-CV/ĐU", "Party công văn: it has a type, CV"),
    ("1234-CV/BTCTW", "Party công văn of a central commission"),
    ("45-QĐ/BCSĐ", "Party affairs committee"),
]

# (number, why it is refused)
REFUSED = [
    ("", "empty"),
    (" ", "a space"),
    ("123", "a bare number"),
    ("123/", "no symbol"),
    ("/QĐ-BTC", "no number"),
    ("QĐ 123", "type before number, with a space"),
    ("QĐ-123/BTC", "type before number"),
    ("công văn số 12", "free text"),
    ("Số: 123/QĐ-BTC", "the printed label copied in"),
    ("123/QĐ BTC", "space inside"),
    (" 123/QĐ-BTC", "leading space"),
    ("123/QĐ-BTC ", "trailing space"),
    ("123/QĐ-BTC.", "trailing full stop"),
    ("123/QĐ-BTC;", "trailing semicolon"),
    ("123/QĐ-BTC-", "trailing hyphen"),
    ("123/QĐ--BTC", "empty group"),
    ("123//QĐ-BTC", "empty part"),
    ("123/QĐ-BTC/2025", "year at the end"),
    ("123/qd-btc", "lowercase-only codes: no official abbreviation is"),
    ("123/qđ-btc", "lowercase-only codes"),
    ("123/QĐ-btc", "lowercase-only issuer"),
    ("97-qđ/tw", "lowercase-only Party codes"),
    ("123/2025", "a number and a year, no symbol"),
    ("123/2025/", "no symbol after the year"),
    ("1234567/QĐ-BTC", "seven digits"),
    ("97-QĐ", "Party type without issuer"),
    ("97/QĐ/TW", "state and Party forms mixed"),
    ("97-QĐ-TW", "Party number without slash"),
    ("123/1-BTC", "a group that starts with a digit"),
    ("123/QĐ-ABCDEFGHIJKLM", "a 13-letter group"),
    ("123/QĐ_BTC", "underscore"),
    ("123/QĐ-BTC\n", "trailing newline (ECMA `$`)"),
]

# (number, look-alike, its code point, what to type)
LOOK_ALIKE = [
    ("123/Q\u00d0-BTC", "\u00d0", "U+00D0", "\u0110"),  # Icelandic eth for Đ
    ("05-BB/\u00d0U", "\u00d0", "U+00D0", "\u0110"),
    ("170/2025/N\u0189-CP", "\u0189", "U+0189", "\u0110"),  # African D for Đ
    ("12/TTr-\u0422CCB", "\u0422", "U+0422", "T"),  # Cyrillic Te
    ("123/QĐ-\u0412TC", "\u0412", "U+0412", "B"),  # Cyrillic Ve
    ("45-\u041dD/BTCTW", "\u041d", "U+041D", "H"),  # Cyrillic En
    ("123/QĐ-BT\u0421", "\u0421", "U+0421", "C"),  # Cyrillic Es
    ("123/QĐ-\u0392TC", "\u0392", "U+0392", "B"),  # Greek Beta
    ("97-QĐ\uff0fTW", "\uff0f", "U+FF0F", "/"),  # fullwidth solidus
    ("123/QĐ\u2013BTC", "\u2013", "U+2013", "-"),  # en dash
]


def case_with(number: Any) -> dict[str, Any]:
    data = example("clean")
    data["decision"]["document"]["number"] = number
    return data


def findings(number: Any, lang: Lang = "vi") -> list[Finding]:
    return list(run(case_with(number), lang=lang).findings)


def only_schema_finding(number: str, lang: Lang) -> Finding:
    found = findings(number, lang)
    assert len(found) == 1, [f.message for f in found]
    f = found[0]
    assert (f.rule, f.pointer) == (SCHEMA_RULE, POINTER)
    assert is_sentence(f.message), f.message
    return f


def reference_valid(data: Any) -> bool:
    return not any(True for _ in validator("case").iter_errors(data))


def model_valid(number: str) -> bool:
    try:
        TypeAdapter(DocNumber).validate_python(number)
    except ValidationError:
        return False
    return True


def general_message(number: str, lang: Lang) -> str:
    shown = json.dumps(number, ensure_ascii=False)
    return {
        "vi": f"{shown} không đúng dạng số, ký hiệu văn bản "
        "(ví dụ 123/QĐ-BTC, 170/2025/NĐ-CP, 97-QĐ/TW).",
        "en": f"{shown} is not a Vietnamese document number "
        "(e.g. 123/QĐ-BTC, 170/2025/NĐ-CP, 97-QĐ/TW).",
    }[lang]


# ---------------------------------------------------------------- accepted and refused
@pytest.mark.parametrize(("number", "why"), ACCEPTED, ids=[n for n, _ in ACCEPTED])
def test_official_numbers_are_accepted(number: str, why: str) -> None:
    assert re.fullmatch(DOC_NUMBER_PATTERN, number), why
    data = case_with(number)
    assert reference_valid(data)
    assert quick_valid(data)
    assert model_valid(number)
    assert findings(number) == []


@pytest.mark.parametrize(("number", "why"), REFUSED, ids=[repr(n) for n, _ in REFUSED])
def test_junk_is_refused_with_the_general_message(number: str, why: str) -> None:
    data = case_with(number)
    assert not reference_valid(data), why
    assert not quick_valid(data)
    assert not model_valid(number)
    for lang in LANGS:
        assert only_schema_finding(number, lang).message == general_message(number, lang)


def test_the_pattern_is_anchored_and_plain() -> None:
    assert DOC_NUMBER_PATTERN.startswith("^") and DOC_NUMBER_PATTERN.endswith("$")
    # no syntax outside ECMA-262 (lookbehind, named groups, possessive, \A \Z)
    for python_only in ("(?<", "(?P", "++", "*+", r"\A", r"\Z"):
        assert python_only not in DOC_NUMBER_PATTERN


# ---------------------------------------------------------------- look-alike characters
@pytest.mark.parametrize(
    ("number", "char", "code", "intended"), LOOK_ALIKE, ids=[c for _, _, c, _ in LOOK_ALIKE]
)
def test_a_look_alike_is_named_in_both_languages(
    number: str, char: str, code: str, intended: str
) -> None:
    fixed = number.replace(char, intended)
    assert findings(fixed) == []
    data = case_with(number)
    assert not reference_valid(data)
    assert not quick_valid(data)
    assert not model_valid(number)
    shown, shown_fixed = (json.dumps(s, ensure_ascii=False) for s in (number, fixed))
    intended_code = f"U+{ord(intended):04X}"
    vi = only_schema_finding(number, "vi").message
    en = only_schema_finding(number, "en").message
    for message in (vi, en):
        assert f'"{char}" ({code}, ' in message
        assert f'"{intended}" ({intended_code})' in message
        assert message.endswith(f"{shown_fixed}.")
    assert vi.startswith(f"Số, ký hiệu {shown} có ký tự \"{char}\" ({code}, ")
    assert "nhưng là ký tự khác; hãy gõ lại bằng" in vi
    assert en.startswith(f"The document number {shown} contains \"{char}\" ({code}, ")
    assert "but is a different character; type" in en


def test_the_eth_message_in_full() -> None:
    assert only_schema_finding("123/Q\u00d0-BTC", "vi").message == (
        'Số, ký hiệu "123/Q\u00d0-BTC" có ký tự "\u00d0" (U+00D0, chữ eth của tiếng Iceland) '
        'trông giống "\u0110" (U+0110) nhưng là ký tự khác; hãy gõ lại bằng "\u0110", '
        'tức là "123/Q\u0110-BTC".'
    )
    assert only_schema_finding("123/Q\u00d0-BTC", "en").message == (
        'The document number "123/Q\u00d0-BTC" contains "\u00d0" (U+00D0, the Icelandic '
        'letter eth), which looks like "\u0110" (U+0110) but is a different character; '
        'type "\u0110" instead, that is, "123/Q\u0110-BTC".'
    )


def test_several_look_alikes_are_each_named() -> None:
    number = "123/QĐ-\u0412\u0422\u0421"  # Cyrillic Ve, Te, Es
    vi = only_schema_finding(number, "vi").message
    en = only_schema_finding(number, "en").message
    assert vi.startswith(f'Số, ký hiệu "{number}" có 3 ký tự trông giống')
    assert en.startswith(f'The document number "{number}" contains 3 characters')
    for char, code, intended in (("\u0412", "U+0412", "B"), ("\u0422", "U+0422", "T"),
                                 ("\u0421", "U+0421", "C")):
        assert f'"{char}" ({code}, chữ cái Kirin) thay cho "{intended}"' in vi
        assert f'"{char}" ({code}, a Cyrillic letter) in place of "{intended}"' in en
    assert '"123/QĐ-BTC"' in vi and '"123/QĐ-BTC"' in en


def test_a_repeated_look_alike_is_named_once() -> None:
    number = "12/\u0422\u0422r-PC"  # two Cyrillic Te
    vi = only_schema_finding(number, "vi").message
    assert vi.count('"\u0422" (U+0422') == 1
    assert vi.endswith('tức là "12/TTr-PC".')


@pytest.mark.parametrize(
    "number",
    [
        "123/Q\u00d0 BTC",  # still a space inside after retyping Ð
        "05-BB/\u00f0U",  # ð → đ gives a lowercase-first group: still wrong
        "123/Q\u0414-BTC",  # Cyrillic De: looks like no Latin letter
        "công văn số 12 \u2013 BTC",
    ],
)
def test_a_look_alike_that_would_not_fix_the_number_gets_the_general_message(
    number: str,
) -> None:
    for lang in LANGS:
        assert only_schema_finding(number, lang).message == general_message(number, lang)


# ---------------------------------------------------------------- the table itself
def test_the_look_alike_table() -> None:
    cyrillic = "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425"
    for char in "\u00d0\u00f0" + cyrillic:
        assert char in LOOKALIKES
    for char, la in LOOKALIKES.items():
        assert la.char == char != la.intended
        assert la.code == f"U+{ord(char):04X}"
        assert not char.isascii()
        assert la.intended.isascii() or la.intended in "\u0110\u0111"
        assert la.vi and la.en
        name = unicodedata.name(char)
        if name.startswith(("CYRILLIC", "GREEK")):
            # a letter stands for a letter of the same case
            assert la.intended.isalpha() and la.intended.isupper() == char.isupper()
        if name.startswith("FULLWIDTH"):
            assert unicodedata.normalize("NFKC", char) == la.intended


def test_respell_and_lookalikes() -> None:
    assert respell("123/Q\u00d0-\u0412TC") == "123/QĐ-BTC"
    assert [la.char for la in lookalikes("\u0422\u0422\u00d0")] == ["\u0422", "\u00d0"]
    assert lookalikes("123/QĐ-BTC") == []


# ---------------------------------------------------------------- the engines agree
NUMBER_ALPHABET = "0123456789/-aQĐđTtrBCHWNDU \u00d0\u0421\u2013\uff0f"


@settings(max_examples=400)
@given(st.text(NUMBER_ALPHABET, max_size=16))
def test_all_engines_agree_on_any_number(number: str) -> None:
    data = case_with(number)
    verdict = reference_valid(data)
    assert quick_valid(data) == verdict
    assert model_valid(number) == verdict
    assert bool(re.fullmatch(DOC_NUMBER_PATTERN, number)) == verdict
