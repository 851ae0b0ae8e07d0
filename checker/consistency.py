"""The case against itself: dates and counts that cannot all be true as written.

These checks need no law and run under every regime, including dates no rule pack covers:
a candidate born after an act of the procedure, more people present than were summoned,
a decision signed before the policy, the steps or the political conclusion that lead to
it, a dossier filed after the decision it was filed for. Each is almost always a typing
slip, and each would otherwise hide a violation or invent one, because every rule reads
those dates and counts as written. So each is an input error (rule CONSISTENCY, which
cannot be waived) at its own place, naming the other value it contradicts. The rules
still run; where the regulation in force itself orders the two dates (NĐ 170 Điều 33 as
amended by NĐ 300: the decision after the last step), its error at that place says it
with a citation, and the input error is not repeated there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from checker.i18n import Lang, count, fmt_date, t
from checker.light import AppointmentFamily, Case, Record
from checker.loading import Document, escape
from checker.report import Finding, Kind, Severity

CONSISTENCY_RULE = "CONSISTENCY"

# Dates that are not acts of this case, so may lie before the candidate was born: the
# legal basis of a post's managing body and the decision composing a ban cán sự đảng.
_NOT_ACTS = ("/post/managing_basis/", "/bcs/extra_members_decision/")
_NOT_ACT_FIELDS = frozenset({"birth_date"})


_SCALARS = frozenset({"str", "bool", "int", "float", "None", "list", "dict", "tuple"})
_TOKEN = re.compile(r"[A-Za-z_][\w.]*")


@cache
def _date_fields(cls: type) -> tuple[str, ...]:
    """The fields of a class that may hold a date, directly or in a part: all but those
    whose type, as the light classes write it (checker.light.shapes), names only str,
    bool, int, float, None, enums, parts that hold no date, and containers of them. Most
    of a case is such fields, and this walk was otherwise a fifth of a file's check. A
    pydantic model's fields (types that are not strings) are all walked;
    tests/test_consistency.py compares both on every fixture."""
    _visiting.add(cls)
    try:
        return tuple(name for name, kind in cls.model_fields.items()  # type: ignore[attr-defined]
                     if not isinstance(kind, str) or _may_hold_a_date(kind))
    finally:
        _visiting.discard(cls)


_visiting: set[type] = set()


def _may_hold_a_date(kind: str) -> bool:
    from enum import Enum

    from checker.light import shapes

    for name in set(_TOKEN.findall(kind)) - _SCALARS:
        found = getattr(shapes, name, None)
        if isinstance(found, type) and issubclass(found, Enum):
            continue  # its values are strings
        if isinstance(found, type) and issubclass(found, Record) and found not in _visiting \
                and not _date_fields(found):
            continue
        return True  # a date, a part with dates, or anything not known: walked
    return False


def dates(model: Record, pointer: str = "") -> Iterator[tuple[str, dt.date]]:
    """Every date of a case with its JSON pointer, in document order."""
    for name in _date_fields(type(model)):
        yield from _dates_in(getattr(model, name), f"{pointer}/{escape(name)}")


def _dates_in(value: Any, pointer: str) -> Iterator[tuple[str, dt.date]]:
    if isinstance(value, dt.date):
        yield pointer, value
    elif isinstance(value, Record):
        yield from dates(value, pointer)
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _dates_in(item, f"{pointer}/{i}")


def _fmt(day: dt.date, lang: Lang) -> str:
    return fmt_date(day, lang)


def check(doc: Document, case: Case, lang: Lang,
          findings: Iterable[Finding] = ()) -> list[Finding]:
    """The contradictions of the case, except at a place where the rules already report
    an error that is not waived: there the rule says the same with its citation (a
    decision before the last step under NĐ 300), and the place stays an error either way."""
    found: list[tuple[str, str]] = []
    found += _born_after_an_act(case, lang)
    found += _decision_before(case, lang)
    found += _more_present_than_summoned(case, lang)
    reported = {f.pointer for f in findings
                if f.severity is Severity.ERROR and f.waived is None}
    return [
        Finding(rule=CONSISTENCY_RULE, severity=Severity.ERROR, kind=Kind.INPUT,
                message=message, pointer=pointer, position=doc.position(pointer))
        for pointer, message in found if pointer not in reported
    ]


def _any_before(value: Any, day: dt.date) -> bool:
    """Is any date in value (a part of a case) before day? What dates() walks, without
    making a pointer for each: nearly every case has none, and then that is all."""
    if isinstance(value, dt.date):
        return value < day
    if isinstance(value, Record):
        for name in _date_fields(type(value)):
            if _any_before(getattr(value, name), day):
                return True
    elif isinstance(value, list | tuple):
        for item in value:
            if _any_before(item, day):
                return True
    return False


def _born_after_an_act(case: Case, lang: Lang) -> list[tuple[str, str]]:
    born = case.subject.birth_date
    if not _any_before(case, born):
        return []
    acts = [
        (day, pointer) for pointer, day in dates(case)
        if day < born and not pointer.startswith(_NOT_ACTS)
        and pointer.rsplit("/", 1)[-1] not in _NOT_ACT_FIELDS
    ]
    if not acts:
        return []
    day, pointer = min(acts)  # the earliest act: the one most plainly impossible
    return [(f"/{case.subject_field}/birth_date", t(
        "born-after-act", lang, born=_fmt(born, lang), date=_fmt(day, lang), where=pointer,
        dates=count(len(acts), "date", lang)))]


def _decision_before(case: Case, lang: Lang) -> list[tuple[str, str]]:
    """The decision ends the procedure: it cannot come before what leads to it, and the
    dossier cannot be filed after it."""
    decided = case.decision.document.date if case.decision else None
    if decided is None:
        return []
    at = "/decision/document/date"
    out: list[tuple[str, str]] = []
    if not isinstance(case, AppointmentFamily):
        return out
    approval = case.policy.approval if case.policy else None
    if approval is not None and approval.date is not None and approval.date > decided:
        out.append((at, t("decision-before", lang, decided=_fmt(decided, lang),
                          what=t("what-policy", lang), date=_fmt(approval.date, lang),
                          where="/policy/approval/date")))
    later = [(s.date, i) for i, s in enumerate(case.steps) if s.date > decided]
    if later:
        day, i = max(later)
        out.append((at, t("decision-before-steps", lang, decided=_fmt(decided, lang),
                          steps=count(len(later), "step", lang), date=_fmt(day, lang),
                          where=f"/steps/{i}/date")))
    conclusion = case.political_standard_conclusion
    if conclusion is not None and conclusion.document.date is not None \
            and conclusion.document.date > decided:
        out.append((at, t("decision-before", lang, decided=_fmt(decided, lang),
                          what=t("what-conclusion", lang),
                          date=_fmt(conclusion.document.date, lang),
                          where="/political_standard_conclusion/document/date")))
    filed = case.dossier.submitted_on if case.dossier else None
    if filed is not None and filed > decided:
        out.append(("/dossier/submitted_on", t(
            "dossier-after-decision", lang, filed=_fmt(filed, lang),
            decided=_fmt(decided, lang))))
    return out


def _more_present_than_summoned(case: Case, lang: Lang) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if not isinstance(case, AppointmentFamily):
        return out
    for i, s in enumerate(case.steps):
        if s.present is not None and s.summoned is not None and s.present > s.summoned:
            out.append((f"/steps/{i}/present", t(
                "present-over-summoned", lang, present=s.present, summoned=s.summoned,
                date=_fmt(s.date, lang))))
    meetings = case.bcs.meetings if case.bcs else []
    for i, m in enumerate(meetings):
        if m.present is not None and m.members_total is not None \
                and m.present > m.members_total:
            out.append((f"/bcs/meetings/{i}/present", t(
                "present-over-members", lang, present=m.present, total=m.members_total,
                date=_fmt(m.date, lang))))
    return out
