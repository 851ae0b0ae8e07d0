"""The README's table of procedures says what the code has: one row per case shape, and
every example it names exists, is of that procedure, and every bundled example is named."""

from __future__ import annotations

import json
import re
from pathlib import Path

from checker.model import SHAPES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "fixtures" / "examples"


def table() -> dict[str, list[str]]:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("## The case file", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, list[str]] = {}
    for line in section.splitlines():
        m = re.match(r"^\| `([a-z_]+)` \|(.*)\|\s*$", line)
        if m and m.group(1) != "procedure":  # the header row
            last = m.group(2).rsplit("|", 1)[-1]
            rows[m.group(1)] = re.findall(r"`([^`]+\.json)`", last)
    return rows


def test_one_row_per_procedure() -> None:
    assert sorted(table()) == sorted(SHAPES)


def test_every_example_named_exists_and_is_of_its_row() -> None:
    for procedure, names in table().items():
        assert names, procedure
        for name in names:
            data = json.loads((EXAMPLES / name).read_text("utf-8"))
            assert data["procedure"] == procedure, (name, procedure)


def test_every_bundled_example_is_named() -> None:
    named = {n for names in table().values() for n in names}
    assert {p.name for p in EXAMPLES.glob("*.json")} <= named
