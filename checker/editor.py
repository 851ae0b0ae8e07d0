"""`checker init --vscode`: map case files to the bundled case schema in VS Code's
workspace settings (.vscode/settings.json), so that the editor validates and completes
them offline.

The entry registers the schema under its https `$id` with an inline schema that only
refers to the bundled file (VS Code's `json.schemas`: "the schema only needs to be
provided to avoid accesses to the schema URL"), so both work without a network: a case
whose `$schema` is the `$id` (what `checker init` writes), and a case without `$schema`
that matches the recommended names (`fileMatch`).

The settings file is the user's: it is JSON with comments (JSONC). Nothing in it is
lost. The file is edited as text: the value of `json.schemas` is replaced (the other
entries in it kept, ours replaced or added), or the member is added after the opening
brace; every other byte stays as it was. A file that is not valid JSONC, or whose top
level or `json.schemas` is not what VS Code reads, is left alone with a message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.patterns import SCHEMA_ID

FILE_MATCH = ("*.case.json", "cases/**/*.json", "!*.schema.json")
KEY = "json.schemas"


class SettingsError(Exception):
    """The settings file cannot be edited safely: a message key and its values."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Edit:
    text: str  # the new settings file
    changed: bool


def entry(schema_file: Path) -> dict[str, Any]:
    return {"fileMatch": list(FILE_MATCH), "url": SCHEMA_ID,
            "schema": {"$ref": schema_file.resolve().as_uri()}}


def blank(text: str) -> str:
    """The text with its comments and trailing commas replaced by spaces (line breaks
    kept), so that a JSON parser reads it and every position stays where it was."""
    out = list(text)
    i, n = 0, len(text)
    last_comma = -1  # the position of a comma not yet followed by anything but space
    while i < n:
        c = text[i]
        if c == '"':
            last_comma = -1
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            i += 1
            continue
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out[i:end] = " " * (end - i)
            i = end
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out[i:end] = ["\n" if ch == "\n" else " " for ch in text[i:end]]
            i = end
            continue
        if c == ",":
            last_comma = i
        elif c in "]}" and last_comma >= 0:
            out[last_comma] = " "
            last_comma = -1
        elif not c.isspace():
            last_comma = -1
        i += 1
    return "".join(out)


def _place(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _members(plain: str) -> tuple[int, dict[str, tuple[int, int, Any]]]:
    """The top-level object's opening brace and, for each key, (start, end, value) of
    its value (the last one of a key given twice, as VS Code reads it)."""
    decoder = json.JSONDecoder()
    ws = " \t\r\n"
    i = len(plain) - len(plain.lstrip(ws))
    if not plain.startswith("{", i):
        raise SettingsError("vscode-not-object")
    brace, i = i, i + 1
    members: dict[str, tuple[int, int, Any]] = {}
    while True:
        while i < len(plain) and plain[i] in ws:
            i += 1
        if plain.startswith("}", i):
            break
        key, i = decoder.raw_decode(plain, i)
        while plain[i] in ws:
            i += 1
        if plain[i] != ":":
            raise ValueError("expected ':'")
        i += 1
        while plain[i] in ws:
            i += 1
        value, end = decoder.raw_decode(plain, i)
        members[key] = (i, end, value)
        i = end
        while i < len(plain) and plain[i] in ws:
            i += 1
        if plain.startswith(",", i):
            i += 1
    return brace, members


def merge(text: str, schema_file: Path) -> Edit:
    """The settings text with our entry in `json.schemas`; SettingsError if the text
    cannot be edited safely."""
    ours = entry(schema_file)
    if not text.strip():  # VS Code reads an empty settings file as {}
        return Edit(json.dumps({KEY: [ours]}, ensure_ascii=False, indent=4) + "\n", True)
    plain = blank(text)
    try:
        json.loads(plain)  # the whole file: nothing after the object, nothing broken
        brace, members = _members(plain)
    except SettingsError:
        raise
    except json.JSONDecodeError as e:
        line, column = _place(text, e.pos)
        raise SettingsError("vscode-not-json", line=line, column=column) from None
    except (ValueError, IndexError):  # cannot happen once json.loads has read it all
        line, column = _place(text, len(text))
        raise SettingsError("vscode-not-json", line=line, column=column) from None
    if KEY not in members:
        body = _indented([ours])
        rest = text[brace + 1:]
        empty = plain[brace + 1:].strip().startswith("}")
        if not rest.startswith(("\n", "\r\n")):  # a member on the brace's line
            rest = ("\n" if empty else "\n    ") + rest.lstrip(" \t")
        new = f'{text[:brace + 1]}\n    "{KEY}": {body}{"" if empty else ","}{rest}'
        return Edit(new, True)
    start, end, current = members[KEY]
    if not isinstance(current, list):
        raise SettingsError("vscode-not-array", what=KEY)
    kept = [e for e in current if not (isinstance(e, dict) and e.get("url") == SCHEMA_ID)]
    if [*kept, ours] == current:
        return Edit(text, False)
    return Edit(text[:start] + _indented([*kept, ours]) + text[end:], True)


def _indented(value: Any) -> str:
    """A member's value, indented as a member of the top level."""
    return json.dumps(value, ensure_ascii=False, indent=4).replace("\n", "\n    ")
