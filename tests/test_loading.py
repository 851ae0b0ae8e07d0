"""checker.loading: bytes → Document, or one Finding that says why not and where."""

from __future__ import annotations

import codecs

import pytest
from _support import LANGS, is_sentence

from checker.loading import INPUT_RULE, Document, load
from checker.report import Finding, Kind, Position, Severity


def finding(raw: bytes, lang: str = "vi") -> Finding:
    out = load("case.json", raw, lang)  # type: ignore[arg-type]
    assert isinstance(out, Finding), f"expected a finding, got {out!r}"
    assert out.rule == INPUT_RULE
    assert out.kind is Kind.INPUT
    assert out.severity is Severity.ERROR
    return out


def document(raw: bytes) -> Document:
    out = load("case.json", raw, "vi")
    assert isinstance(out, Document), f"expected a document, got {out!r}"
    return out


def end_of(text: str) -> Position:
    """line:column just after the last character of text."""
    return Position(text.count("\n") + 1, len(text) - text.rfind("\n"))


# ---------------------------------------------------------------- valid input
def test_valid_json_is_a_document() -> None:
    doc = document('{"a": [1, {"b": "Trần Thị Minh Hằng"}], "c": null}'.encode())
    assert doc.path == "case.json"
    assert doc.data == {"a": [1, {"b": "Trần Thị Minh Hằng"}], "c": None}


def test_utf8_bom_is_accepted_and_positions_ignore_it() -> None:
    doc = document(codecs.BOM_UTF8 + b'{"a": 1}')
    assert doc.data == {"a": 1}
    assert doc.position("/a") == Position(1, 7)


# ---------------------------------------------------------------- broken JSON
@pytest.mark.parametrize(
    "text",
    [
        '{\n  "a": [1, 2',
        '{\n  "case_id": "X",\n  ',
        '{"a": 1',
        "[",
    ],
    ids=["inside-array", "after-comma", "after-value", "open-bracket"],
)
def test_truncated_json_is_reported_at_its_end(text: str) -> None:
    f = finding(text.encode())
    assert f.position == end_of(text)
    assert f.message.startswith("JSON không hợp lệ: ")


def test_truncated_json_message_in_english() -> None:
    f = finding(b'{"a": 1', "en")
    assert f.message == "Invalid JSON: expecting ',' delimiter."
    assert f.position == Position(1, 8)


def test_trailing_garbage_is_reported_where_it_starts() -> None:
    f = finding(b'{"a": 1}\n}')
    assert f.position == Position(2, 1)
    assert f.message == "JSON không hợp lệ: có dữ liệu thừa sau khi JSON đã kết thúc."
    en = finding(b'{"a": 1}\n}', "en")
    assert en.message == "Invalid JSON: extra data."


def test_too_deeply_nested_is_a_finding_not_a_crash() -> None:
    f = finding(b"[" * 100_000 + b"]" * 100_000)
    assert f.position == Position(1, 1)


# ---------------------------------------------------------------- duplicate keys
def test_duplicate_key_names_the_key_and_points_at_the_second() -> None:
    text = '{\n  "a": {\n    "b": 1,\n    "b": 2\n  }\n}'
    f = finding(text.encode())
    assert f.pointer == "/a/b"
    assert f.position == Position(4, 5)
    assert '"b"' in f.message
    en = finding(text.encode(), "en")
    assert en.message == 'The key "b" appears twice in the same object; keep a single value.'


def test_duplicate_key_inside_an_array() -> None:
    f = finding(b'{"steps": [{"kind": "x"}, {"kind": "a", "kind": "b"}]}')
    assert f.pointer == "/steps/1/kind"
    assert f.position == Position(1, 41)


def test_duplicate_key_with_crlf_line_endings() -> None:
    f = finding(b'{\r\n  "a": 1,\r\n  "a": 2\r\n}')
    assert f.pointer == "/a"
    assert f.position == Position(3, 3)


def test_duplicate_key_containing_a_slash_is_located() -> None:
    # regression: the source map is keyed by raw key text, pointers are RFC 6901-escaped
    f = finding(b'{"x/y": 1, "x/y": 2}')
    assert f.pointer == "/x~1y"
    assert f.position == Position(1, 12)


def test_duplicate_key_written_with_an_escape_is_located_at_the_second() -> None:
    f = finding(b'{"a": 1,\n "\\u0061": 2}')
    assert f.pointer == "/a"
    assert f.position == Position(2, 2)


# ---------------------------------------------------------------- encodings
ENCODED = [
    pytest.param(codecs.BOM_UTF16_LE + '{"a": 1}'.encode("utf-16-le"), "UTF-16", id="utf16le-bom"),
    pytest.param(codecs.BOM_UTF16_BE + '{"a": 1}'.encode("utf-16-be"), "UTF-16", id="utf16be-bom"),
    pytest.param('{"a": 1}'.encode("utf-16-le"), "UTF-16", id="utf16le-nobom"),
    pytest.param('{"a": 1}'.encode("utf-16-be"), "UTF-16", id="utf16be-nobom"),
    pytest.param(' {"a": "Hằng"}'.encode("utf-16-le"), "UTF-16", id="utf16le-space"),
    pytest.param(codecs.BOM_UTF32_LE + '{"a": 1}'.encode("utf-32-le"), "UTF-32", id="utf32le-bom"),
    pytest.param(codecs.BOM_UTF32_BE + '{"a": 1}'.encode("utf-32-be"), "UTF-32", id="utf32be-bom"),
    pytest.param('{"a": 1}'.encode("utf-32-le"), "UTF-32", id="utf32le-nobom"),
    pytest.param('{"a": 1}'.encode("utf-32-be"), "UTF-32", id="utf32be-nobom"),
]


@pytest.mark.parametrize(("raw", "name"), ENCODED)
def test_utf16_and_utf32_are_named(raw: bytes, name: str) -> None:
    vi = finding(raw, "vi")
    assert vi.position == Position(1, 1)
    assert vi.message == (
        f"Tệp được mã hóa bằng {name}, không phải UTF-8; hãy lưu lại tệp với mã UTF-8."
    )
    en = finding(raw, "en")
    assert en.message == f"The file is encoded in {name}, not UTF-8; save it again as UTF-8."


def test_invalid_utf8_is_located_at_the_bad_byte() -> None:
    raw = b'{\n  "t\xc3\xaan": "\xff"\n}'
    f = finding(raw)
    assert f.position == Position(2, 11)  # columns count characters, not bytes
    assert "13" in f.message  # the byte offset
    en = finding(raw, "en")
    assert en.message == (
        "The file is not valid UTF-8 text (bad byte at offset 13); save it again as UTF-8."
    )


def test_utf8_cut_in_the_middle_of_a_character() -> None:
    f = finding('{"a": "Hằng'.encode()[:-3])
    assert "UTF-8" in f.message


def test_latin1_file_is_named() -> None:
    f = finding('{"a": "café"}'.encode("latin-1"), "en")
    assert f.message.startswith("The file is encoded in Latin-1 (ISO 8859-1)")


# ---------------------------------------------------------------- empty, NaN
@pytest.mark.parametrize("raw", [b"", b"   \n\t\r\n"], ids=["empty", "whitespace"])
def test_empty_file(raw: bytes) -> None:
    f = finding(raw)
    assert f.message == "Tệp rỗng; cần một đối tượng JSON mô tả hồ sơ."
    assert f.position == Position(1, 1)
    assert finding(raw, "en").message == (
        "The file is empty; a JSON object describing the case is expected."
    )


@pytest.mark.parametrize(
    ("text", "name", "pos"),
    [
        ('{"a": NaN}', "NaN", Position(1, 7)),
        ('{"a": [1,\n  Infinity]}', "Infinity", Position(2, 3)),
        ('{"a": -Infinity}', "-Infinity", Position(1, 7)),
    ],
)
def test_nan_and_infinity_are_rejected(text: str, name: str, pos: Position) -> None:
    f = finding(text.encode())
    assert f.message == f"Giá trị {name} không phải là số JSON hợp lệ."
    assert f.position == pos
    assert finding(text.encode(), "en").message == f"{name} is not a valid JSON number."


def test_nan_is_located_at_the_value_not_at_an_earlier_string() -> None:
    # regression: the first "NaN" in the text used to be reported, even inside a string
    f = finding(b'{"NaN": "NaN", "b": NaN}')
    assert f.position == Position(1, 21)


def test_number_with_too_many_digits_is_a_finding() -> None:
    f = finding(b'{"a": ' + b"9" * 5000 + b"}")
    assert f.position is not None
    assert is_sentence(f.message)


# ---------------------------------------------------------------- messages
BROKEN = [
    b'{"a": 1',
    b'{"a": 1}}',
    b'{"a": 1, "a": 2}',
    codecs.BOM_UTF16_LE + '{"a": 1}'.encode("utf-16-le"),
    '{"a": 1}'.encode("utf-32-be"),
    b'{"a": "\xff"}',
    b"",
    b'{"a": NaN}',
    b"[" * 100_000,
    b'{"a": "x\x01"}',
    b'{"a": "\\q"}',
    b"{'a': 1}",
    b'{"a" 1}',
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("raw", BROKEN, ids=range(len(BROKEN)))
def test_messages_are_whole_sentences(raw: bytes, lang: str) -> None:
    f = finding(raw, lang)
    assert is_sentence(f.message), f.message
    assert f.position is not None


@pytest.mark.parametrize("raw", BROKEN, ids=range(len(BROKEN)))
def test_vietnamese_and_english_messages_differ(raw: bytes) -> None:
    assert finding(raw, "vi").message != finding(raw, "en").message


# ---------------------------------------------------------------- Document.position
NESTED = '{\n  "a": {\n    "b": [10, {"c": "x"}]\n  },\n  "tên": "Hằng", "x": 1\n}'


@pytest.mark.parametrize(
    ("pointer", "expected"),
    [
        ("", Position(1, 1)),
        ("/a", Position(2, 8)),
        ("/a/b", Position(3, 10)),
        ("/a/b/0", Position(3, 11)),
        ("/a/b/1", Position(3, 15)),
        ("/a/b/1/c", Position(3, 21)),
        ("/x", Position(5, 23)),  # columns count characters: "tên" and "Hằng" before it
    ],
)
def test_position_of_nested_pointers(pointer: str, expected: Position) -> None:
    assert document(NESTED.encode()).position(pointer) == expected


@pytest.mark.parametrize(
    ("pointer", "ancestor"),
    [("/a/b/7", "/a/b"), ("/a/zz/yy", "/a"), ("/nope", ""), ("/a/b/1/c/d", "/a/b/1/c")],
)
def test_position_falls_back_to_the_nearest_ancestor(pointer: str, ancestor: str) -> None:
    doc = document(NESTED.encode())
    assert doc.position(pointer) == doc.position(ancestor)


def test_key_position_points_at_the_key() -> None:
    doc = document(NESTED.encode())
    assert doc.key_position("/a") == Position(2, 3)
    assert doc.key_position("/a/b/1/c") == Position(3, 16)
    # no key for an array element: the value itself
    assert doc.key_position("/a/b/0") == Position(3, 11)


def test_position_of_keys_needing_pointer_escapes() -> None:
    doc = document(b'{"a/b": {"c~d": 1}}')
    assert doc.position("/a~1b") == Position(1, 9)
    assert doc.key_position("/a~1b") == Position(1, 2)
    assert doc.position("/a~1b/c~0d") == Position(1, 17)
