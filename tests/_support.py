"""Shared helpers for the test suite: where things are, and one-line ways to run a case."""

from __future__ import annotations

import copy
import json
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from checker.i18n import Lang
from checker.pipeline import check_bytes
from checker.report import FileReport, Finding, Kind
from checker.rules.engine import Options
from checker.rules.pack import Pack, builtin_packs

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "fixtures" / "examples"
CASES = ROOT / "fixtures" / "cases"
SCHEMAS = ROOT / "schemas"
GOLDEN = Path(__file__).resolve().parent / "golden"


def example(name: str) -> dict[str, Any]:
    """A fresh (deep) copy of fixtures/examples/<name>.json."""
    data: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))
    return copy.deepcopy(data)


def encode(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False).encode("utf-8")


def run(
    data: Any,
    *,
    packs: tuple[Pack, ...] | None = None,
    path: str = "case.json",
    **options: Any,
) -> FileReport:
    """check_bytes on a case given as parsed JSON (encoded with indent=2) or raw bytes."""
    raw = data if isinstance(data, bytes) else encode(data)
    return check_bytes(path, raw, builtin_packs() if packs is None else packs, Options(**options))


def triples(findings: tuple[Finding, ...] | list[Finding]) -> list[tuple[str, str, str]]:
    """(rule, pointer, NFC message), sorted: what a finding says, independent of where."""
    return sorted((f.rule, f.pointer, nfc(f.message)) for f in findings)


def rules_of(report: FileReport) -> set[str]:
    return {f.rule for f in report.findings}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def is_sentence(message: str) -> bool:
    """A whole sentence: starts with a capital (or a quoted value), ends with a full stop,
    no unfilled placeholder."""
    m = message.strip()
    first = m[:1]
    return (
        bool(m)
        and (first.isupper() or first in "\"'«-" or first.isdigit())
        and m.endswith(".")
        and "{" not in m
        and "}" not in m
    )


LANGS: tuple[Lang, ...] = ("vi", "en")


def shift_dates(data: Any, days: int) -> Any:
    """A copy of data with every ISO date string moved by `days` (the whole case moves
    in time, so the law in force for it changes, but nothing else does)."""
    import datetime as dt
    import re

    if isinstance(data, dict):
        return {k: shift_dates(v, days) for k, v in data.items()}
    if isinstance(data, list):
        return [shift_dates(v, days) for v in data]
    if isinstance(data, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", data):
        return (dt.date.fromisoformat(data) + dt.timedelta(days=days)).isoformat()
    return data


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value, as a tuple of keys and indices (the root is ())."""
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += paths(v, (*prefix, i))
    return out


# ---------------------------------------------------------------- a procedure's rules
# Letters only Vietnamese writes (an English message may still quote a number like NĐ-CP).
VIETNAMESE_ONLY = "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"

# One example changed a little, and the verdict of one rule on it (the procedure tests:
# dismissal, transfer, rotation).
Change = Callable[[dict[str, Any]], None]


def case(name: str, change: Change | None = None) -> dict[str, Any]:
    data = example(name)
    if change is not None:
        change(data)
    return data


def of(report: FileReport, rule: str) -> list[Finding]:
    return [f for f in report.findings if f.rule == rule]


def verdict(name: str, rule: str, change: Change | None = None, **opts: Any) -> str:
    """'pass' if the rule ran and found nothing, else the kind of its findings."""
    report = run(case(name, change), **opts)
    found = of(report, rule)
    if not found:
        assert rule in report.rules_run, f"{rule} did not run"
        return "pass"
    kinds = {f.kind for f in found}
    assert len(kinds) == 1, found
    return {Kind.VIOLATION: "violation", Kind.UNDECIDABLE: "undecidable"}[kinds.pop()]


def setter(path: str, value: Any) -> Change:
    """Set (or with value None, delete) the value at a slash-separated path."""
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node: Any = data
        for k in parents:
            node = node[int(k)] if isinstance(node, list) else node.setdefault(k, {})
        if value is None:
            del node[last]
        else:
            node[last] = value
    return change


def both(*changes: Change) -> Change:
    def change(data: dict[str, Any]) -> None:
        for c in changes:
            c(data)
    return change
