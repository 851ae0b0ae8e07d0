"""Fuzzing the whole pipeline with hypothesis, within a fixed budget for CI: bytes →
check_bytes → a report in every output format (tests/_fuzzing.py), on

- real files damaged at the byte level: bits flipped, hostile tokens inserted, ranges
  deleted or repeated, the file cut short (every fixture under fixtures/ is a seed);
- two fixtures spliced together at arbitrary points;
- arbitrary bytes behind the prefixes that change how a file is read (byte-order marks,
  a NUL in the first bytes, deep brackets).

tests/test_properties.py already states the invariants on generated JSON values and on
structurally mutated cases; this file works below the JSON level, on bytes, and renders
every format. Longer runs: the atheris harness (tests/fuzz/fuzz_check.py, `make fuzz`).

Budget: a fixed number of examples per test (a few ms each), no deadline, derandomized
(the same inputs on every run, like CI's profile), so the file takes well under a minute.
Inputs that hit a bug already known and tracked (tests/_fuzzing.py KNOWN_BUGS, with strict
xfail tests in tests/test_hostile.py) are set aside, so that this stays a search for new
ones.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from _fuzzing import check_and_render
from _support import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FIXTURES = ROOT / "fixtures"
SEEDS: list[bytes] = sorted(
    {p.read_bytes() for p in sorted(FIXTURES.rglob("*.json"))
     if p.is_file() and p.name != "expected.json" and p.stat().st_size < 200_000},
)

# Tokens that have broken, or could break, some stage: parsing, decoding, positions,
# dates, numbers, Unicode comparison.
TOKENS: list[bytes] = [
    b"NaN", b"-Infinity", b"1e400", b"-0", b"0.5", b"18446744073709551616", b"9" * 4301,
    b'"\\ud800"', b'"\\udfff\\ud800"', b"\\u0000", b"\\", b'"', b"'", b",", b":", b"{", b"}",
    b"[", b"]", b"[" * 600, b"{}", b"[]", b"null", b"true", b'"x"', b'""', b"\x00",
    b"\xff", b"\xc3", b"\xe1\xba", b"\xef\xbb\xbf", b"\xff\xfe", b"\r", b"\r\n", b"\t",
    b"\xc2\xa0", b"\xe2\x80\x9c", b"\xe2\x80\xa8", b"\xcc\x81", b'"23/7/2025"',
    '"ngày 30 tháng 2 năm 2025"'.encode(), b'"2025-02-30"', b'"2025-07-01"', b'"9999-12-31"',
    b'"0001-01-01"', b"Bo\xe4 Ta\xf8i", b"B\xe9 T\xb5i", b'"kind": "leadership_3"',
    b'"summoned": 0', b'"present": 100000', b'"votes": -1', b'"$schema": 1',
    b'"steps": []', b'"nominations": [{}]', b'"source": "external"',
]
# Prefixes that decide how the whole file is decoded.
PREFIXES: list[bytes] = [
    b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff",
    b"\x00", b"{\x00", b"[" * 2000, b'{"a":' * 1200,
]

LANGS = st.sampled_from(["vi", "en"])
AS_OF = st.none() | st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2027, 12, 31))
BUDGET: dict[str, Any] = dict(
    deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """A fixture with one to five byte-level edits."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        at = draw(st.integers(min_value=0, max_value=max(len(data), 1) - 1))
        edit = draw(st.sampled_from(["flip", "insert", "delete", "repeat", "cut"]))
        if edit == "flip" and data:
            data[at] ^= draw(st.integers(min_value=1, max_value=255))
        elif edit == "insert":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif edit == "delete":
            del data[at:at + draw(st.integers(min_value=1, max_value=64))]
        elif edit == "repeat":
            data[at:at] = data[at:at + draw(st.integers(min_value=1, max_value=200))]
        else:
            del data[at:]
    return bytes(data)


@st.composite
def spliced(draw: st.DrawFn) -> bytes:
    """The start of one fixture followed by the end of another."""
    a, b = draw(st.sampled_from(SEEDS)), draw(st.sampled_from(SEEDS))
    i = draw(st.integers(min_value=0, max_value=len(a)))
    j = draw(st.integers(min_value=0, max_value=len(b)))
    return a[:i] + b[j:]


def test_there_are_seeds() -> None:
    assert len(SEEDS) > 100  # examples, every rule's cases and the hostile corpus


@settings(max_examples=1200, **BUDGET)
@given(raw=damaged(), lang=LANGS, as_of=AS_OF)
def test_damaged_fixtures(raw: bytes, lang: str, as_of: dt.date | None) -> None:
    check_and_render(raw, lang=lang, as_of=as_of, skip_known=True)  # type: ignore[arg-type]


@settings(max_examples=500, **BUDGET)
@given(raw=spliced(), lang=LANGS)
def test_spliced_fixtures(raw: bytes, lang: str) -> None:
    check_and_render(raw, lang=lang, skip_known=True)  # type: ignore[arg-type]


@settings(max_examples=500, **BUDGET)
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=400), lang=LANGS)
def test_arbitrary_bytes_behind_a_telling_prefix(prefix: bytes, body: bytes, lang: str) -> None:
    check_and_render(prefix + body, lang=lang, skip_known=True)  # type: ignore[arg-type]
