"""The source map agrees with the json-source-map library on every pointer of every
fixture: the library is the reference; the map is the fast path the checker uses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _support import ROOT
from json_source_map import calculate

from checker.loading import SourceMap, escape
from checker.report import Position

FIXTURES = sorted(
    p for p in (ROOT / "fixtures").rglob("*.json")
    if "fuzz" not in p.parts and p.stat().st_size < 200_000
)


def pointers(data: Any, prefix: str = "") -> list[str]:
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += pointers(v, f"{prefix}/{escape(k)}")
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += pointers(v, f"{prefix}/{i}")
    return out


def library_key(pointer: str) -> str:
    """json_source_map keys its map by raw key texts joined with "/"."""
    if not pointer:
        return ""
    return "/" + "/".join(t.replace("~1", "/").replace("~0", "~")
                          for t in pointer[1:].split("/"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_pointer_matches_the_library(path: Path) -> None:
    try:
        text = path.read_bytes().decode("utf-8")
        data = json.loads(text)
        reference = calculate(text)
    except (UnicodeDecodeError, ValueError, RecursionError):
        pytest.skip("not parseable JSON text")
    checked = 0
    smap = SourceMap(text)  # one per file, as the checker makes it
    for ptr in pointers(data):
        entry = reference.get(library_key(ptr))
        if entry is None or "\\" in text:  # the library keys escaped names as written
            continue
        found = smap.locate(ptr)
        assert found is not None, ptr
        assert found[0] == entry.value_start.position, ptr
        if entry.key_start is not None:
            assert found[1] == entry.key_start.position, ptr
        checked += 1
    assert checked or "\\" in text


@pytest.mark.parametrize(("text", "pointer", "expected"), [
    ('{"a": 1, "a": 2}', "/a", (14, 9)),            # the last of a repeated key
    ('{"\\u0061": [10, 20]}', "/a/1", (16, None)),   # an escaped key, decoded
    ('{"a/b": {"~": 3}}', "/a~1b/~0", (14, 9)),      # RFC 6901 escapes
    ('[1, 2]', "/2", None),
    ('[1, 2]', "/01", None),
    ('{"a": 1}', "/b", None),
    ('{"a": 1', "/a", None),                         # truncated: no position
    ('"text"', "/x", None),
])
def test_locate_edge_cases(text: str, pointer: str,
                           expected: tuple[int, int | None] | None) -> None:
    assert SourceMap(text).locate(pointer) == expected


@pytest.mark.parametrize("text", [
    '{"a": 1,\n "b": 2}', '{"a": 1,\r\n "b": 2}', '{"a": 1,\r "b": 2}',
    '{"a": 1,\n\r\n\r "b": [\n 2]}', '\n\n  {"b": 2}',
])
def test_line_and_column_after_any_line_break(text: str) -> None:
    """LF, CRLF and a lone CR each end a line; columns count characters."""
    smap = SourceMap(text)
    at = smap.locate("/b")
    assert at is not None
    before = text[:at[0]].replace("\r\n", "\n").replace("\r", "\n")
    line = before.count("\n") + 1
    column = at[0] - max(text.rfind("\n", 0, at[0]), text.rfind("\r", 0, at[0]))
    assert smap.line_col(at[0]) == Position(line, column)
