"""bytes → Document: decode, parse, and map JSON pointers to line:column.

Owns bytes and positions. A file that cannot be decoded or parsed becomes a Finding with
the best position we can give; it never raises. The source map is made lazily, only when
a finding needs a position, because most files in a hook run have none, and then grows
with the containers the findings are in (see SourceMap).
"""

from __future__ import annotations

import codecs
import json
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from checker.i18n import Lang, t
from checker.report import Finding, Kind, Position, Severity

INPUT_RULE = "INPUT"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


class _Dup(dict[str, Any]):
    """An object that remembers which of its keys were repeated."""

    dups: list[str]


_seen_duplicate = False  # set by _pairs during one load(); reset at its start
# A lone surrogate can only come from a \uD800-\uDFFF escape in valid UTF-8 text.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    global _seen_duplicate
    d = dict(pairs)
    if len(d) == len(pairs):
        return d
    _seen_duplicate = True
    out = _Dup(d)
    seen: set[str] = set()
    out.dups = []
    for k, _ in pairs:
        if k in seen:
            out.dups.append(k)
        seen.add(k)
    return out


def _reject_constant(name: str) -> Any:
    raise _BadConstant(name)


MAX_DIGITS = 4300  # Python's own limit for int(str); nothing in a case needs more


class _BadNumber(ValueError):
    def __init__(self, digits: str) -> None:
        super().__init__(digits)
        self.digits = digits


def _parse_float(text: str) -> float | int:
    """A JSON number with a fraction or exponent. One written with a zero fraction (4.0,
    4e0) is the integer it equals: a case has no fractional numbers, and JSON Schema
    already counts 4.0 as an integer, so every rule must see 4, not a float it skips."""
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _BadNumber(text)
    if value.is_integer() and abs(value) <= 2**53:
        return int(value)
    return value


def _parse_int(digits: str) -> int:
    if len(digits) > MAX_DIGITS:
        raise _BadNumber(digits)
    return int(digits)


class _BadConstant(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def escape(token: str) -> str:
    """One JSON-pointer reference token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


@dataclass
class Document:
    path: str
    text: str
    data: Any
    _map: SourceMap | None = field(default=None, repr=False, compare=False)

    @property
    def source_map(self) -> SourceMap:
        """The file's source map, made on the first position asked for."""
        if self._map is None:
            self._map = SourceMap(self.text)
        return self._map

    def position(self, pointer: str) -> Position | None:
        """line:column (1-based) of the value at pointer, or of its nearest ancestor."""
        m = self.source_map
        p = pointer
        while True:
            found = m.locate(p)
            if found is not None:
                return m.line_col(found[0])
            if not p:
                return None
            p = p.rsplit("/", 1)[0]

    def key_position(self, pointer: str) -> Position | None:
        """line:column of the key that names pointer (for duplicate and unknown keys)."""
        m = self.source_map
        found = m.locate(pointer)
        if found is not None and found[1] is not None:
            return m.line_col(found[1])
        return self.position(pointer)


# ---------------------------------------------------------------- positions
# Where a pointer's value starts needs only the containers on the path to it. Each object
# or array is indexed once, the first time a pointer passes through it: its members' (or
# items') offsets are recorded in one scan with the standard library's C scanner (key
# strings decoded, each value skipped whole). Every later pointer through it is a dict or
# list look-up, so a file with thousands of findings costs one scan of the containers they
# are in, not one walk of the file per finding; a file without findings costs nothing,
# and a huge container no finding points into is never indexed. Line starts are found
# once, and line:column is a binary search. tests/test_positions.py checks every pointer
# of every fixture against the json-source-map library, and tests/test_scale.py that the
# work stays linear.
_WS = re.compile(r"[ \t\n\r]*")
# the C scanner's two entry points (not in the typing stubs, stable since Python 2.6):
_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
_STRING: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_BREAK = re.compile(r"\r\n?|\n")


def _skip(text: str, i: int) -> int:
    """The first offset at or after i that is not JSON whitespace."""
    m = _WS.match(text, i)
    return m.end() if m else i


_Members = dict[str, tuple[int, int]]  # key → (offset of its value, offset of the key)


class SourceMap:
    """RFC 6901 pointers into one JSON text → offsets and line:column, each container
    indexed once, on demand. Where a key repeats, the last one counts, as in the data."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._containers: dict[int, _Members | list[int] | None] = {}
        self._found: dict[str, tuple[int, int | None] | None] = {}
        self._lines: list[int] | None = None
        self.indexed = 0  # containers scanned so far (tests/test_scale.py reads it)

    def locate(self, pointer: str) -> tuple[int, int | None] | None:
        """(offset of the value, offset of the key naming it, if any), or None if the
        text has no such value (or is not JSON)."""
        if pointer in self._found:
            return self._found[pointer]
        return self._walk(pointer)

    def line_col(self, offset: int) -> Position:
        """1-based line and column; a line ends at LF, CRLF or a lone CR (old Mac files)."""
        if self._lines is None:
            self._lines = _line_starts(self.text)
        return _position(self._lines, offset)

    def _walk(self, pointer: str) -> tuple[int, int | None] | None:
        root = _skip(self.text, 0)
        here: tuple[int, int | None] | None = (root, None) if root < len(self.text) else None
        prefix = ""
        for raw in pointer.split("/")[1:]:
            prefix += "/" + raw
            if prefix not in self._found:  # each prefix is looked up once
                self._found[prefix] = None if here is None else self._child(here[0], raw)
            here = self._found[prefix]
        return here

    def _child(self, at: int, raw: str) -> tuple[int, int | None] | None:
        index = self._index(at)
        if isinstance(index, dict):
            return index.get(raw.replace("~1", "/").replace("~0", "~"))
        if index is None or not raw.isdigit() or (raw != "0" and raw.startswith("0")):
            return None
        n = int(raw)
        return (index[n], None) if n < len(index) else None

    def _index(self, at: int) -> _Members | list[int] | None:
        if at not in self._containers:
            self.indexed += 1
            try:
                self._containers[at] = _scan_container(self.text, at)
            except (IndexError, ValueError, StopIteration, RecursionError):
                self._containers[at] = None  # not JSON here: no position below
        return self._containers[at]


def _scan_container(text: str, at: int) -> _Members | list[int] | None:
    """The members of the object (or the items of the array) starting at `at`, each value
    skipped whole by the C scanner; None for a scalar."""
    if text[at] == "{":
        members: _Members = {}
        i = _skip(text, at + 1)
        while text[i] != "}":
            k_at = i
            key, i = _STRING(text, i + 1)
            i = _skip(text, _skip(text, i) + 1)  # past the colon
            members[key] = (i, k_at)
            i = _skip(text, _SCAN(text, i)[1])
            if text[i] == ",":
                i = _skip(text, i + 1)
        return members
    if text[at] == "[":
        items: list[int] = []
        i = _skip(text, at + 1)
        while text[i] != "]":
            items.append(i)
            i = _skip(text, _SCAN(text, i)[1])
            if text[i] == ",":
                i = _skip(text, i + 1)
        return items
    return None


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _BREAK.finditer(text))]


def _position(starts: list[int], offset: int) -> Position:
    line = bisect_right(starts, offset)
    return Position(line, offset - starts[line - 1] + 1)


def _constant_offset(text: str, name: str) -> int:
    """Offset of the first bare (unquoted) NaN / Infinity / -Infinity token."""
    in_string = escaped = False
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif text.startswith(name, i):
            return i
    return 0


def _input(lang: Lang, key: str, pos: Position | None, pointer: str = "", **v: object) -> Finding:
    return Finding(
        rule=INPUT_RULE,
        severity=Severity.ERROR,
        kind=Kind.INPUT,
        message=t(key, lang, **v),
        pointer=pointer,
        position=pos,
    )


def _line_col(text: str, offset: int) -> Position:
    """1-based line and column of one offset (for the one finding of a file that cannot
    be read); a Document's findings use its SourceMap."""
    return _position(_line_starts(text), offset)


# Legacy Vietnamese 8-bit encodings, still common in files exported from old systems.
# No maintained library detects them, so we look for their signatures; the message
# says the file "appears to be" in that encoding and how to convert it.
_VOWELS = frozenset(b"aeiouyAEIOUY")
# VNI-Windows writes a tone as a second byte after the vowel: "Hà Nội" is
# b"Ha\xf8 No\xe4i" and "Việt" b"Vie\xe4t" (ø ù û õ ï ä å after a vowel).
_VNI_TONES = frozenset(b"\xf8\xf9\xfb\xf5\xef\xe4\xe5")
# TCVN3 (ABC) has one byte per letter; codes 0xA1-0xBE (ă â ê ô ơ ư đ, à ả ã á ạ and
# more) are letters there but symbols in Latin-1 (¡ ... ¾), never inside a word.
_TCVN3_LETTERS = frozenset(range(0xA1, 0xBF))


def legacy_vietnamese(raw: bytes) -> str | None:
    """The encoding name if raw looks like Vietnamese text in VNI or TCVN3, else None.

    Only bytes that are not part of a valid UTF-8 sequence count, so UTF-8 text cut in
    the middle of a character is not mistaken for TCVN3."""
    text = raw.decode("utf-8", errors="surrogateescape")
    bad = [0xDC00 <= ord(ch) <= 0xDCFF for ch in text]

    def byte(i: int) -> int:
        return ord(text[i]) - 0xDC00 if bad[i] else ord(text[i])

    def letter(i: int) -> bool:
        return 0 <= i < len(text) and not bad[i] and text[i].isascii() and text[i].isalpha()

    vni = sum(1 for i in range(1, len(text))
              if bad[i] and byte(i) in _VNI_TONES and not bad[i - 1]
              and ord(text[i - 1]) in _VOWELS)
    tcvn = sum(1 for i in range(len(text))
               if bad[i] and byte(i) in _TCVN3_LETTERS and (letter(i - 1) or letter(i + 1)))
    if vni >= 2 and vni >= tcvn:
        return "VNI"
    if tcvn >= 2:
        return "TCVN3 (ABC)"
    return None


def latin1_like(raw: bytes) -> bool:
    """Text in Latin-1 / Windows-1252: every byte that breaks UTF-8 is an accented Latin
    letter there (0xC0-0xFF), next to an ASCII letter or a space."""
    text = raw.decode("utf-8", errors="surrogateescape")
    found = False
    for i, ch in enumerate(text):
        if not 0xDC00 <= ord(ch) <= 0xDCFF:
            continue
        b = ord(ch) - 0xDC00
        near = text[max(i - 1, 0):i] + text[i + 1:i + 2]
        # a letter inside a word, or a one-letter word ("ý kiến")
        if b < 0xC0 or b in (0xD7, 0xF7) or not any(c.isascii() and (c.isalpha() or c == " ")
                                                      for c in near):
            return False
        found = True
    return found


def decode(raw: bytes, lang: Lang) -> str | Finding:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _input(lang, "not-utf8-named", Position(1, 1), encoding=name)
    if (len(raw) >= 4 and raw[1:4] == b"\0\0\0") or raw[:3] == b"\0\0\0":
        return _input(lang, "not-utf8-named", Position(1, 1), encoding="UTF-32")
    if len(raw) >= 2 and (raw[0] == 0 or raw[1] == 0):
        return _input(lang, "not-utf8-named", Position(1, 1), encoding="UTF-16")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        good = raw[: e.start].decode("utf-8", errors="replace")
        where = _line_col(good, len(good))
        if b"\0" in raw:  # no text format here has NUL bytes: Word, PDF, ZIP, images...
            return _input(lang, "binary", where)
        if e.reason == "unexpected end of data":  # valid until a character cut at the end
            return _input(lang, "truncated-utf8", where)
        legacy = legacy_vietnamese(raw)
        if legacy:
            return _input(lang, "not-utf8-legacy", where, encoding=legacy)
        if latin1_like(raw):
            return _input(lang, "not-utf8-named", where,
                          encoding="Latin-1 (ISO 8859-1) / Windows-1252")
        return _input(lang, "not-utf8", where, offset=e.start)


def load(path: str, raw: bytes, lang: Lang) -> Document | Finding:
    """Parse raw bytes into a Document, or explain in one Finding why they are not a case."""
    text = decode(raw, lang)
    if isinstance(text, Finding):
        return text
    if not text.strip():
        return _input(lang, "empty", Position(1, 1))
    global _seen_duplicate
    _seen_duplicate = False
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_reject_constant,
                          parse_int=_parse_int, parse_float=_parse_float)
    except _BadNumber as e:
        off = max(text.find(e.digits), 0)
        if e.digits.lstrip("-").isdigit():
            return _input(lang, "number-too-long", _line_col(text, off), limit=MAX_DIGITS)
        return _input(lang, "number-overflow", _line_col(text, off), value=e.digits)
    except _BadConstant as e:
        off = _constant_offset(text, e.name)
        return _input(lang, "bad-constant", _line_col(text, off), name=e.name)
    except json.JSONDecodeError as e:
        return _input(lang, "bad-json", Position(e.lineno, e.colno), reason=_reason(e, lang))
    except RecursionError:
        return _input(lang, "too-deep", Position(1, 1))
    doc = Document(path=path, text=text, data=data)
    if not _seen_duplicate and not _SURROGATE_ESCAPE.search(text):
        return doc  # the common case: nothing for the walk below to find
    for problem, ptr, name in _problems(data, ""):
        # a key may itself hold a lone surrogate: show it escaped, so output stays text
        shown, shown_name = _printable(ptr), _printable(name)
        if problem == "duplicate":
            return _input(lang, "duplicate-key", doc.key_position(ptr), shown, name=shown_name)
        if problem == "surrogate-key":
            return _input(lang, "surrogate-key", doc.key_position(ptr), shown)
        return _input(lang, "surrogate", doc.position(ptr), shown)
    return doc


def _printable(s: str) -> str:
    return s.encode("utf-8", "backslashreplace").decode("utf-8")


def _unicode_ok(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from an escape such as \ud800
        return False
    return True


def _problems(node: Any, ptr: str) -> Any:
    """Repeated keys, and strings that are not Unicode text (lone surrogate escapes)."""
    if isinstance(node, dict):
        if isinstance(node, _Dup):
            for k in node.dups:
                yield "duplicate", f"{ptr}/{escape(k)}", k
        for k, v in node.items():
            here = f"{ptr}/{escape(k)}"
            if not _unicode_ok(k):
                yield "surrogate-key", here, k
            yield from _problems(v, here)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _problems(v, f"{ptr}/{i}")
    elif isinstance(node, str) and not _unicode_ok(node):
        yield "surrogate", ptr, node


_JSON_REASONS_VI = {
    "Expecting value": "thiếu giá trị",
    "Expecting property name enclosed in double quotes": "cần tên khóa đặt trong dấu ngoặc kép",
    "Expecting ',' delimiter": "thiếu dấu phẩy",
    "Expecting ':' delimiter": "thiếu dấu hai chấm",
    "Extra data": "có dữ liệu thừa sau khi JSON đã kết thúc",
    "Unterminated string starting at": "chuỗi chưa được đóng",
    "Invalid control character at": "có ký tự điều khiển trong chuỗi",
    "Invalid \\escape": "ký tự thoát không hợp lệ",
}


def _reason(e: json.JSONDecodeError, lang: Lang) -> str:
    if lang == "en":
        msg = re.sub(r"\s+at$", "", e.msg)  # the position is given separately
        return msg[0].lower() + msg[1:]
    for en, vi in _JSON_REASONS_VI.items():
        if e.msg.startswith(en):
            return vi
    return e.msg
