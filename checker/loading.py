"""bytes → Document: decode, parse, and map JSON pointers to line:column.

Owns bytes and positions. A file that cannot be decoded or parsed becomes a Finding with
the best position we can give; it never raises. The source map is computed lazily, only
when a finding needs a position, because most files in a hook run have none.
"""

from __future__ import annotations

import codecs
import itertools
import json
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


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d: dict[str, Any] = {}
    dups: list[str] = []
    for k, v in pairs:
        if k in d:
            dups.append(k)
        d[k] = v
    if dups:
        out = _Dup(d)
        out.dups = dups
        return out
    return d


def _reject_constant(name: str) -> Any:
    raise _BadConstant(name)


MAX_DIGITS = 4300  # Python's own limit for int(str); nothing in a case needs more


class _BadNumber(ValueError):
    def __init__(self, digits: str) -> None:
        super().__init__(digits)
        self.digits = digits


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
    _map: dict[str, Any] | None = field(default=None, repr=False)

    def position(self, pointer: str) -> Position | None:
        """line:column (1-based) of the value at pointer, or of its nearest ancestor."""
        if self._map is None:
            from json_source_map import calculate

            try:
                self._map = _decoded(calculate(self.text))
            except Exception:  # the map is a convenience; never fail a run over it
                self._map = {}
        p = pointer
        while True:
            entry = self._map.get(_map_key(p))
            if entry is not None:
                loc = entry.value_start
                return Position(loc.line + 1, loc.column + 1)
            if not p:
                return None
            p = p.rsplit("/", 1)[0]

    def key_position(self, pointer: str) -> Position | None:
        """line:column of the key that names pointer (for duplicate and unknown keys)."""
        self.position(pointer)
        assert self._map is not None
        entry = self._map.get(_map_key(pointer))
        if entry is not None and entry.key_start is not None:
            return Position(entry.key_start.line + 1, entry.key_start.column + 1)
        return self.position(pointer)


def _decoded(raw: dict[str, Any]) -> dict[str, Any]:
    """json_source_map names each value by its keys as written, JSON escapes and all
    ("\\u0061" for "a"); re-key the map by the decoded keys. Where two keys decode alike
    (a duplicate written two ways), the later one in the file wins, as in the data."""
    out: dict[str, Any] = {}
    for raw_ptr, entry in raw.items():
        if "\\" in raw_ptr:
            tokens = []
            for tok in raw_ptr.split("/"):
                try:
                    tokens.append(json.loads(f'"{tok}"') if "\\" in tok else tok)
                except ValueError:
                    tokens.append(tok)
            ptr = "/".join(tokens)
        else:
            ptr = raw_ptr
        old = out.get(ptr)
        if old is None or old.value_start.position < entry.value_start.position:
            out[ptr] = entry
    return out


def _map_key(pointer: str) -> str:
    """json_source_map keys its map by the raw key texts joined with "/" (not RFC 6901
    escaped); turn our pointer into that form."""
    if not pointer:
        return pointer
    return "/" + "/".join(
        t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")
    )


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
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Position(line, col)


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


def _is_letter(b: int) -> bool:
    return 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A


def legacy_vietnamese(raw: bytes) -> str | None:
    """The encoding name if raw looks like Vietnamese text in VNI or TCVN3, else None."""
    vni = sum(1 for a, b in itertools.pairwise(raw) if a in _VOWELS and b in _VNI_TONES)
    tcvn = sum(
        1 for i, b in enumerate(raw)
        if b in _TCVN3_LETTERS and (
            (i > 0 and _is_letter(raw[i - 1])) or (i + 1 < len(raw) and _is_letter(raw[i + 1]))
        )
    )
    if vni >= 2 and vni >= tcvn:
        return "VNI"
    if tcvn >= 2:
        return "TCVN3 (ABC)"
    return None


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
        legacy = legacy_vietnamese(raw)
        if legacy:
            return _input(lang, "not-utf8-legacy", where, encoding=legacy)
        return _input(lang, "not-utf8", where, offset=e.start)


def load(path: str, raw: bytes, lang: Lang) -> Document | Finding:
    """Parse raw bytes into a Document, or explain in one Finding why they are not a case."""
    text = decode(raw, lang)
    if isinstance(text, Finding):
        return text
    if not text.strip():
        return _input(lang, "empty", Position(1, 1))
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_reject_constant,
                          parse_int=_parse_int)
    except _BadNumber as e:
        off = max(text.find(e.digits), 0)
        return _input(lang, "number-too-long", _line_col(text, off), limit=MAX_DIGITS)
    except _BadConstant as e:
        off = _constant_offset(text, e.name)
        return _input(lang, "bad-constant", _line_col(text, off), name=e.name)
    except json.JSONDecodeError as e:
        return _input(lang, "bad-json", Position(e.lineno, e.colno), reason=_reason(e, lang))
    except RecursionError:
        return _input(lang, "too-deep", Position(1, 1))
    doc = Document(path=path, text=text, data=data)
    for problem, ptr, name in _problems(data, ""):
        # a key may itself hold a lone surrogate: show it escaped, so output stays text
        shown, shown_name = _printable(ptr), _printable(name)
        if problem == "duplicate":
            return _input(lang, "duplicate-key", doc.key_position(ptr), shown, name=shown_name)
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
                yield "surrogate", here, k
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
        return e.msg[0].lower() + e.msg[1:]
    for en, vi in _JSON_REASONS_VI.items():
        if e.msg.startswith(en):
            return vi
    return e.msg
