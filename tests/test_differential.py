"""jsonschema-rs (the fast path) and jsonschema (the reference) agree on validity.

The fast validator only ever says "valid, nothing to report"; if it ever said so of a
document the reference rejects, findings would be lost. These tests look for any such
document among all fixtures and among generated mutations of valid cases.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from _support import ROOT, example, paths
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.schemas import fast_validator, quick_valid, validator

FIXTURES = sorted(
    p for p in (ROOT / "fixtures").rglob("*.json")
    if "fuzz" not in p.parts and p.stat().st_size < 1_000_000
)


def reference_valid(data: Any) -> bool:
    return not any(True for _ in validator("case").iter_errors(data))


def parsed(path: Path) -> Any:
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, ValueError, RecursionError):
        pytest.skip("not JSON text (the loader rejects it before validation)")
    return data


def test_the_fast_validator_is_installed() -> None:
    assert fast_validator("case") is not None


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_both_agree_on_every_fixture(path: Path) -> None:
    data = parsed(path)
    assert quick_valid(data) == reference_valid(data)


SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 10**6), st.text(max_size=12),
    st.sampled_from(["2025-02-30", "2025-13-01", "2025-07-01", "23/7/2025", "123/QĐ-BTC",
                     "123/QĐ-BTC\n", "97-QĐ/TW", "", " ", "in_house", "external",
                     "leadership_1", "meets", "male"]),
)



BASES = [example("clean"), example("violations")]


@settings(max_examples=300)
@given(st.data())
def test_both_agree_on_mutated_cases(data: st.DataObject) -> None:
    doc = copy.deepcopy(data.draw(st.sampled_from(BASES)))
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(paths(doc)[1:]))
        parent = doc
        for k in where[:-1]:
            parent = parent[k]
        action = data.draw(st.sampled_from(["set", "delete", "extra"]))
        if action == "delete":
            del parent[where[-1]]
        elif action == "extra" and isinstance(parent, dict):
            parent[data.draw(st.text(max_size=8))] = data.draw(SCALARS)
        else:
            parent[where[-1]] = data.draw(SCALARS)
        if not paths(doc)[1:]:
            break
    assert quick_valid(doc) == reference_valid(doc)
