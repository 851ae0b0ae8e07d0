"""Dates at the ends of the calendar, anywhere in a case: 0001-01-01 and 9999-12-31 in
every date of every bundled example, judged on the case's own dates, with "today" at the
end of time, and with the law as of either end. Each gives findings, never an overflow
(a deadline after 9999-12-31, a month before year 1) or a loop that does not end."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from _support import EXAMPLES, example, paths, run

EDGES = ("0001-01-01", "9999-12-31")
OPTIONS: list[dict[str, Any]] = [
    {}, {"today": dt.date(9999, 12, 31)}, {"as_of": dt.date(1, 1, 1)},
    {"as_of": dt.date(9999, 12, 31)},
]


def date_places(data: Any) -> list[tuple[Any, ...]]:
    out = []
    for where in paths(data)[1:]:
        node = data
        for k in where:
            node = node[k]
        if isinstance(node, str) and len(node) == 10 and node[4] == "-" and node[7] == "-":
            out.append(where)
    return out


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.json")))
def test_every_date_at_either_end_of_the_calendar(name: str) -> None:
    places = date_places(example(name))
    assert places
    for where in places:
        for edge in EDGES:
            data = example(name)
            node = data
            for k in where[:-1]:
                node = node[k]
            node[where[-1]] = edge
            for opts in OPTIONS:
                report = run(data, **opts)
                assert all(f.message.endswith(".") for f in report.findings)


@pytest.mark.parametrize("name", sorted(p.stem for p in EXAMPLES.glob("*.json")))
@pytest.mark.parametrize("edge", EDGES)
def test_every_date_of_a_case_at_one_end_at_once(name: str, edge: str) -> None:
    data = example(name)
    for where in date_places(data):
        node = data
        for k in where[:-1]:
            node = node[k]
        node[where[-1]] = edge
    for opts in OPTIONS:
        assert run(data, **opts).findings
