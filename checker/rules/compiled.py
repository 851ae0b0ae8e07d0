"""The rule packs as the engine runs them: plain data and a selection plan.

A pack file is validated once (checker.rules.pack: schema, models, meaning) and then
compiled (checker.rules.snapshot) into the plain values below: citations resolved into
report Citations, a cover's regulation named, each `when` condition parsed into a tree
of tuples with its pointers split, a rule's check parameters kept as the plain values
of its (validated) parameter model. Nothing here imports pydantic or tomllib, so the
snapshot of the packs, which holds only these values, loads without either.

The plan (Plan) is what every file of a run would otherwise recompute: for each layer and
procedure the covers that may apply, in pack order; and, for each set of covering packs,
the rules they bring, by id, with their versions sorted by the first day in force, so
that the version for a case's date is found by bisection. Versions of one rule never
overlap (checked when packs are loaded); a rule whose versions did would be searched in
order, as before, rather than trusted to bisection.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from checker.i18n import Lang, t
from checker.report import Applied, Citation, DocKind, RuleMeta, Severity

if TYPE_CHECKING:
    from checker.rules.predicates import Params


@dataclass(frozen=True, slots=True)
class Text:
    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class PeriodMethods:
    """What a period in force says and answers; shared by this plain Period and the
    pack model's (checker.rules.pack.Period), which validates the TOML."""

    __slots__ = ()
    start: dt.date
    end: dt.date | None

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: Lang) -> str:
        if self.end is None:
            return t("period-open", lang, start=self.start.isoformat())
        return t("period-closed", lang, start=self.start.isoformat(), end=self.end.isoformat())

    def contains(self, d: dt.date) -> bool:
        return self.start <= d and (self.end is None or d <= self.end)


@dataclass(frozen=True, slots=True)
class Period(PeriodMethods):
    start: dt.date
    end: dt.date | None = None  # the last day in force; None: open


# A `when` condition, parsed once: ("equals", tokens, value), ("present", tokens),
# ("before", tokens, date), ("any", conds), ("all", conds), ("not", cond); tokens are the
# pointer's reference tokens, unescaped.
Cond = tuple[Any, ...]


def tokens(pointer: str) -> tuple[str, ...]:
    """An RFC 6901 pointer's reference tokens, unescaped ("" is the whole document)."""
    if pointer == "":
        return ()
    return tuple(raw.replace("~1", "/").replace("~0", "~") for raw in pointer[1:].split("/"))


def _index(tok: str) -> int | None:
    """An array index as RFC 6901 writes one (0, or digits without a leading zero)."""
    if tok.isascii() and tok.isdigit() and (tok == "0" or tok[0] != "0"):
        return int(tok)
    return None


def lookup(data: Any, toks: tuple[str, ...]) -> Any:
    """The value at a parsed pointer, or None: as predicates.resolve, without re-parsing."""
    node = data
    for tok in toks:
        if isinstance(node, dict):
            node = node.get(tok)
        elif isinstance(node, list):
            i = _index(tok)
            if i is None:
                return None
            node = node[i] if i < len(node) else None
        else:
            return None
        if node is None:
            return None
    return node


def holds(cond: Cond | None, data: Any) -> bool:
    """Does the case (as plain JSON values) meet the condition? None always holds."""
    if cond is None:
        return True
    op = cond[0]
    if op == "equals":
        return bool(lookup(data, cond[1]) == cond[2])
    if op == "present":
        return lookup(data, cond[1]) is not None
    if op == "any":
        return any(holds(c, data) for c in cond[1])
    if op == "all":
        return all(holds(c, data) for c in cond[1])
    if op == "before":
        v = lookup(data, cond[1])
        try:
            return isinstance(v, str) and dt.date.fromisoformat(v) < cond[2]
        except ValueError:
            return False
    if op == "not":
        return not holds(cond[1], data)
    raise ValueError(f"unknown condition {op!r}")


def unique(cites: Iterable[Citation]) -> tuple[Citation, ...]:
    """One citation per place: a rule may quote two sentences of the same point."""
    seen: dict[tuple[object, ...], Citation] = {}
    for c in cites:
        seen.setdefault((c.source, c.article, c.clause, c.point, c.section, c.amended_by), c)
    return tuple(seen.values())


@dataclass
class Rule:
    """One version of a rule. `params` are the plain values of its check's parameter
    model; `check` is its light parameters (checker.rules.predicates.core.Params, no
    pydantic), built from them the first time the rule runs."""

    id: str
    version: int
    title: Text
    severity: Severity
    procedures: tuple[str, ...]
    in_force: Period
    selected_by: str
    when: Cond | None
    cites: tuple[Citation, ...]  # resolved, one per place
    explain: Text
    example: Text
    messages: dict[str, Text]
    kind: str
    params: dict[str, Any]
    _check: Any = field(default=None, compare=False, repr=False)

    @property
    def check(self) -> Params:
        if self._check is None:
            from checker.rules.predicates import PREDICATES

            self._check = PREDICATES[self.kind].params.build(self.params)
        return self._check  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Cover:
    layer: str
    procedures: tuple[str, ...]
    source: str
    in_force: Period
    selected_by: str
    when: Cond | None
    role: str
    transition: Citation | None
    # the regulation, as the report names it
    number: str
    kind: DocKind
    amends: str | None
    amends_kind: DocKind | None

    def applied(self, layer: str, selected_by: str, day: str) -> Applied:
        return Applied(layer, self.source, self.number, selected_by, day, self.amends,
                       self.kind, self.amends_kind)


@dataclass(frozen=True)
class Pack:
    id: str
    version: str
    title: Text
    layer: str
    covers: tuple[Cover, ...]
    rules: tuple[Rule, ...]
    names: dict[str, dict[str, Text]]


@dataclass(frozen=True)
class Selection:
    """The rules a set of covering packs brings for one procedure, by id in order: each
    with its versions (sorted by first day, or in pack order where they overlap), the
    date selector of its first version in pack order, and each version's pack."""

    rules: tuple[tuple[str, str, tuple[Rule, ...], tuple[dt.date, ...], bool,
                       tuple[Pack, ...]], ...]
    regime_rules: frozenset[str]

    @staticmethod
    def version(versions: tuple[Rule, ...], starts: tuple[dt.date, ...], bisects: bool,
                day: dt.date) -> int | None:
        """The index of the version in force on `day`, if any."""
        if bisects:
            i = bisect_right(starts, day) - 1
            return i if i >= 0 and versions[i].in_force.contains(day) else None
        return next((i for i, r in enumerate(versions) if r.in_force.contains(day)), None)


def _overlap(versions: Sequence[Rule]) -> bool:
    ordered = sorted(versions, key=lambda r: r.in_force.start)
    for a, b in pairwise(ordered):
        if a.in_force.end is None or a.in_force.end >= b.in_force.start:
            return True
    return False


class Plan:
    """The selection plan of a set of packs (see the module's docstring). Built lazily
    and memoised: per layer and procedure, and per set of covering packs."""

    def __init__(self, packs: tuple[Pack, ...]) -> None:
        self.packs = packs
        self.layers = tuple(sorted({p.layer for p in packs}))
        self._covers: dict[tuple[str, str], tuple[tuple[int, Cover], ...]] = {}
        self._selections: dict[tuple[str, tuple[tuple[int, bool], ...]], Selection] = {}
        self._wanted: dict[tuple[frozenset[str], frozenset[str]], frozenset[str]] = {}

    def covers(self, layer: str, procedure: str) -> tuple[tuple[int, Cover], ...]:
        """The covers of a layer that speak for a procedure, with their pack's index, in
        the order of the packs and of their covers."""
        key = (layer, procedure)
        found = self._covers.get(key)
        if found is None:
            found = tuple((i, c) for i, p in enumerate(self.packs) if p.layer == layer
                          for c in p.covers if procedure in c.procedures)
            self._covers[key] = found
        return found

    def selection(self, procedure: str, covering: Iterable[tuple[int, Cover]]) -> Selection:
        """The rules of the covering packs (each pack's once, however many of its covers
        apply), for a procedure."""
        packs = tuple((i, c.role == "regime") for i, c in covering)
        key = (procedure, packs)
        found = self._selections.get(key)
        if found is not None:
            return found
        versions: dict[str, list[tuple[Rule, Pack]]] = {}
        seen: set[int] = set()
        for i, _ in packs:
            if i in seen:
                continue
            seen.add(i)
            for r in self.packs[i].rules:
                versions.setdefault(r.id, []).append((r, self.packs[i]))
        regime = frozenset(r.id for i, is_regime in packs if is_regime
                           for r in self.packs[i].rules)
        rules = []
        for rid in sorted(versions):
            found_all = versions[rid]
            selector = found_all[0][0].selected_by
            # A version that does not list the procedure is never run for it: left out
            # here, it can no more be chosen (versions of a rule do not overlap).
            mine = [(r, p) for r, p in found_all if procedure in r.procedures]
            if not mine:
                continue
            bisects = not _overlap([r for r, _ in found_all])
            if bisects:
                mine.sort(key=lambda rp: rp[0].in_force.start)
            else:
                mine = found_all
            rules.append((rid, selector, tuple(r for r, _ in mine),
                          tuple(r.in_force.start for r, _ in mine), bisects,
                          tuple(p for _, p in mine)))
        found = Selection(tuple(rules), regime)
        self._selections[key] = found
        return found

    def wanted(self, select: frozenset[str], ignore: frozenset[str],
               keep: Any) -> frozenset[str]:
        """The rule ids that --select and --ignore leave in (`keep`: the engine's test)."""
        key = (select, ignore)
        found = self._wanted.get(key)
        if found is None:
            found = frozenset(r.id for p in self.packs for r in p.rules if keep(r.id))
            self._wanted[key] = found
        return found


class PackSet(tuple[Pack, ...]):
    """Compiled packs, in load order, with their plan and a digest that changes whenever
    what they decide could (see checker.rules.snapshot)."""

    digest: str

    def __new__(cls, packs: Iterable[Pack], digest: str) -> PackSet:
        self = super().__new__(cls, packs)
        self.digest = digest
        return self

    @cached_property
    def plan(self) -> Plan:
        return Plan(tuple(self))

    def rule_meta(self, lang: Lang) -> tuple[RuleMeta, ...]:
        """Metadata of the latest version of every rule, for reporters (SARIF, JUnit)."""
        latest: dict[str, Rule] = {}
        for p in self:
            for r in p.rules:
                if r.id not in latest or r.version > latest[r.id].version:
                    latest[r.id] = r
        return tuple(RuleMeta(r.id, r.version, r.title.get(lang), r.explain.get(lang),
                              r.severity, r.cites) for _, r in sorted(latest.items()))
