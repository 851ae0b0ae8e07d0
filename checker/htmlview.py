"""What the HTML report shows of a case, as plain data: the procedure's timeline with
its deadlines, each meeting's quorum and votes against the thresholds, the dossier as a
checklist, and every finding beside the part of the case it concerns, with the quoted
text of each article it cites (issue 13, points 3 and 4).

Built from a validated case and its FileReport; nothing here renders or prints
(checker.reporters.html draws it). Whether a deadline was met or a part of the case is
in order is what the findings say: the rule engine is the only judge. The figures drawn
beside them (a due date, a threshold line) come from the parameters of the rules that
ran on the case (the built-in packs' versions in force on the case's dates), computed
with the predicates' own helpers; a rule of a pack added with --rules has its findings
shown but no line drawn.

The timeline is generic: the dated acts every shape declares (`acts()`), the written
consultations, the political conclusion, the dossier's submission and the decision, in
date order. So every procedure renders, with what it has.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from typing import Any

from pydantic import BaseModel

from checker.i18n import (
    CONFIDENCE_NAMES,
    DOSSIER_NAMES,
    HTML_EVENT_NAMES,
    PROCEDURE_NAMES,
    STEP_NAMES,
    STEP_NAMES_OUTSIDE_APPOINTMENT,
    Lang,
)
from checker.light import Case
from checker.model import SHAPES, CaseBase
from checker.report import FileReport, Finding, Kind, Severity

# ------------------------------------------------------------------------ the view model


def _shape(case: Case) -> type[CaseBase]:
    """The model of the case's procedure: its fields' descriptions name what the page
    shows (the case itself may be read by the light classes, which carry no metadata)."""
    return SHAPES[str(case.procedure)]


@dataclass(frozen=True)
class CiteView:
    """One citation: its label in the run's language, its confidence, and the pack's
    verbatim quote of the article (None when the pack carries none)."""

    label: str
    confidence: str
    quote: str | None
    url: str | None = None


@dataclass(frozen=True)
class FindingView:
    rule: str
    severity: str  # error / warning / info
    kind: str
    message: str
    pointer: str
    where: str  # "71:18", or "" when the finding has no place in the file
    cites: tuple[CiteView, ...]
    waived: str | None = None  # the waiver's note, when the finding is waived
    title: str | None = None  # the rule's title (a built-in rule's), in the run's language


@dataclass(frozen=True)
class DeadlineView:
    """A deadline of a rule that ran: `due` is the last day allowed (for a lead time, the
    latest day the act may come); met: True, False, or None when it cannot be told yet
    (the act is not recorded) or the law leaves it open."""

    rule: str
    title: str
    start: str | None  # ISO date the period counts from (None: counted back from `limit`)
    due: str  # ISO date
    actual: str | None  # ISO date of the act, when recorded
    met: bool | None
    days: int | None
    unit: str  # working / calendar / months
    lead: bool = False  # a lead time: the act must come by `due`, counted back


@dataclass(frozen=True)
class Bar:
    """A count against its total, with the threshold line the rule draws (a ratio of the
    total): `strict` when the count must be above it, not merely reach it."""

    label: str
    value: int
    total: int
    threshold: Fraction | None = None
    strict: bool = False
    second: Fraction | None = None  # a second line: the share that carries a nominee on

    @property
    def passed(self) -> bool | None:
        if self.threshold is None or self.total <= 0:
            return None
        share = Fraction(self.value, self.total)
        return share > self.threshold if self.strict else share >= self.threshold


@dataclass(frozen=True)
class MeetingView:
    """A step's counts: those present against those summoned, and each nominee's votes
    against the vote base (summoned / summoned_net / present / leadership_members)."""

    quorum: Bar | None
    votes: tuple[Bar, ...]
    vote_base: str


@dataclass(frozen=True)
class EventView:
    date: str  # ISO
    label: str
    pointer: str  # where the date is
    anchor: str  # the part of the case the event is (findings under it are shown here)
    detail: str = ""
    findings: tuple[FindingView, ...] = ()
    deadlines: tuple[DeadlineView, ...] = ()
    meeting: MeetingView | None = None  # a step's quorum and votes

    @property
    def status(self) -> str:
        return _status(self.findings, self.deadlines)


@dataclass(frozen=True)
class ItemView:
    """One entry of the dossier checklist: status present / missing / too_old /
    problem (another finding) / absent (not in the file, and no rule that ran needs it)."""

    label: str
    status: str
    pointer: str
    date: str | None = None
    findings: tuple[FindingView, ...] = ()


@dataclass(frozen=True)
class CaseView:
    anchor: str  # the id of the case's section
    path: str
    case_id: str | None
    procedure: str | None  # its name in the run's language
    subject: str | None
    post: str | None
    unit: str | None
    counts: Mapping[str, int]
    readable: bool  # the case could be read again for its details
    timeline: tuple[EventView, ...] = ()
    checklist: tuple[ItemView, ...] = ()
    checklist_findings: tuple[FindingView, ...] = ()
    other: tuple[FindingView, ...] = ()  # findings of no part shown above
    applied: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportView:
    lang: Lang
    counts: Mapping[str, int]
    cases: tuple[CaseView, ...] = field(default=())


# ------------------------------------------------------------------------ findings


def _status(findings: Iterable[FindingView], deadlines: Iterable[DeadlineView] = ()) -> str:
    """The worst of what is said of a part: error, warning, info, open (cannot be
    decided or told yet), ok."""
    live = [f for f in findings if f.waived is None]
    for sev in ("error", "warning", "info"):
        if any(f.severity == sev for f in live):
            return sev
    if any(f.kind == str(Kind.UNDECIDABLE) for f in live) or any(
            d.met is None for d in deadlines):
        return "open"
    return "ok"


def finding_view(f: Finding, lang: Lang) -> FindingView:
    from checker.i18n import t

    cites = []
    seen: set[tuple[str, str | None]] = set()
    for c in f.cites:
        label = c.label(lang)
        if (label, c.quote) in seen:
            continue
        seen.add((label, c.quote))
        level = CONFIDENCE_NAMES[str(c.confidence)][lang]
        cites.append(CiteView(label, t("confidence", lang, level=level), c.quote, c.url))
    where = f"{f.position.line}:{f.position.column}" if f.position else ""
    rule = next((r for r in _builtin().get(f.rule, ()) if r.version == f.rule_version), None)
    return FindingView(f.rule, str(f.severity), str(f.kind), f.message, f.pointer, where,
                       tuple(cites), f.waived.note if f.waived else None,
                       rule.title.get(lang) if rule is not None else None)


def _under(pointer: str, anchor: str) -> bool:
    return pointer == anchor or pointer.startswith(anchor + "/")


# ------------------------------------------------------------------------ rules


@cache
def _builtin() -> dict[str, list[Any]]:
    """Rule id → its versions in the built-in packs."""
    from checker.rules.pack import builtin_packs

    out: dict[str, list[Any]] = {}
    for p in builtin_packs():
        for r in p.rules:
            out.setdefault(r.id, []).append(r)
    return out


def rules_in_force(case: Case, ids: Iterable[str], as_of: dt.date | None,
                   today: dt.date | None) -> list[Any]:
    """The versions of the built-in rules among `ids` that the engine ran on this case:
    each chosen, as the engine chooses it, by the date its selector reads."""
    from checker.rules.engine import Options, selected, version_in_force

    opts = Options(as_of=as_of, today=today)
    out = []
    for rid in ids:
        versions = _builtin().get(rid)
        if not versions:
            continue
        found = selected(case, versions[0].selected_by, opts)
        rule = version_in_force(versions, found[0]) if found else None
        if rule is not None:
            out.append(rule)
    return out


# ------------------------------------------------------------------------ labels


def _text(bilingual: str | None, lang: Lang) -> str | None:
    """One language of a schema description "vi / en"."""
    if not bilingual:
        return None
    vi, _, en = bilingual.partition(" / ")
    return (vi if lang == "vi" else en or vi).strip() or None


def _model_of(annotation: Any) -> type[BaseModel] | None:
    stack = [annotation]
    while stack:
        a = stack.pop()
        if isinstance(a, type) and issubclass(a, BaseModel):
            return a
        stack.extend(typing.get_args(a))
    return None


def describe(shape: type[BaseModel], pointer: str, lang: Lang) -> str | None:
    """The schema's description of the innermost named field on the way to `pointer`
    (list indices skipped), in one language."""
    cls: type[BaseModel] | None = shape
    text = None
    for part in pointer.strip("/").split("/"):
        if cls is None:
            break
        if part.isdigit():
            continue
        f = cls.model_fields.get(part)
        if f is None:
            break
        text = _text(f.description, lang) or text
        cls = _model_of(f.annotation)
    return text


def step_name(kind: str, procedure: str, lang: Lang) -> str:
    if procedure != "appointment" and kind in STEP_NAMES_OUTSIDE_APPOINTMENT:
        name = STEP_NAMES_OUTSIDE_APPOINTMENT[kind][lang]
    elif kind in STEP_NAMES:
        name = STEP_NAMES[kind][lang]
    else:
        return kind
    return name[:1].upper() + name[1:]


def _anchor(pointer: str) -> str:
    """The part of the case a date belongs to: /steps/1 for /steps/1/date, /proposal for
    /proposal/document/date."""
    parent = pointer.rsplit("/", 1)[0]
    if parent.endswith("/document") or re.fullmatch(r"/consultations/\d+/(request|answer)",
                                                     parent):
        parent = parent.rsplit("/", 1)[0]
    return parent or pointer


def _pattern(anchor: str) -> str:
    return re.sub(r"/\d+(?=/|$)", "/*", anchor)


def event_label(case: Case, data: Mapping[str, Any], pointer: str, lang: Lang) -> str:
    anchor = _anchor(pointer)
    names = HTML_EVENT_NAMES.get(_pattern(pointer))
    if names is not None:
        return names[lang]
    m = re.fullmatch(r"/steps/(\d+)", anchor)
    if m:
        steps = data.get("steps")
        if isinstance(steps, list) and int(m[1]) < len(steps):
            return step_name(str(steps[int(m[1])].get("kind", "")), str(case.procedure), lang)
    text = describe(_shape(case), pointer.rsplit("/", 1)[0], lang) or anchor
    return text[:1].upper() + text[1:]


# ------------------------------------------------------------------------ building


def _get(data: Any, pointer: str) -> Any:
    for part in pointer.strip("/").split("/"):
        if isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        elif isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return None
    return data


def _iso(v: Any) -> str | None:
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v).isoformat()
        except ValueError:
            return None
    return None


def _events(case: Case, data: Mapping[str, Any], lang: Lang) -> list[tuple[str, str, str, str]]:
    """(date, pointer, label, detail) of every dated act the timeline shows."""
    from checker.i18n import html_text

    out: dict[str, tuple[str, str, str, str]] = {}
    for act, ptr in case.acts():
        out.setdefault(ptr, (act.isoformat(), ptr, event_label(case, data, ptr, lang), ""))
    for ptr in ("/political_standard_conclusion/document/date", "/dossier/submitted_on",
                "/confidence_vote/date", "/acting/arrangement/date", "/acting/ended_on",
                "/decision/document/date"):
        iso = _iso(_get(data, ptr))
        if iso is not None and ptr not in out:
            out[ptr] = (iso, ptr, event_label(case, data, ptr, lang), "")
    for i, c in enumerate(case.consultations):
        request = c.request.date if c.request else None
        answer = c.answer.date if c.answer else None
        day = answer or request
        if day is None:
            continue
        ptr = f"/consultations/{i}/{'answer' if answer else 'request'}/date"
        detail = html_text("consulted-on" if answer and request else
                           "answered-on" if answer else "requested-on", lang,
                           request=_fmt(request, lang), answer=_fmt(answer, lang))
        out[ptr] = (day.isoformat(), ptr, html_text("consultation", lang, body=c.body), detail)
    order = {p: n for n, p in enumerate(out)}
    return sorted(out.values(), key=lambda e: (e[0], order[e[1]]))


def _fmt(day: dt.date | None, lang: Lang) -> str:
    from checker.i18n import fmt_date

    return fmt_date(day, lang) if day else ""


def _deadlines(case: Case, data: dict[str, Any], rules: Sequence[Any],
               findings: Sequence[Finding], as_of: dt.date | None,
               lang: Lang) -> list[tuple[str, DeadlineView]]:
    """(the pointer of the act it is about, the deadline) for each deadline rule that ran."""
    from checker.rules.predicates.core import Ctx, first_date
    from checker.workdays import add_months, add_working_days, shift, subtract_working_days

    ctx = Ctx(case=case, data=data, as_of=as_of)
    out = []
    for r in rules:
        p = r.check
        kind = p.kind
        mine = [f for f in findings if f.rule == r.id]
        met: bool | None
        if any(f.kind == Kind.VIOLATION for f in mine):
            met = False
        elif mine:
            met = None
        else:
            met = True
        title = r.title.get(lang)
        if kind in ("deadline", "staged_deadline"):
            # A staged deadline is drawn only without a recorded reason to extend it: with
            # one, how far it extends is open in the text, and the findings say so.
            start = first_date(ctx, data, p.start)
            if start is None or (kind == "staged_deadline" and p.reason
                                 and _get(data, p.reason) is not None):
                continue
            due = (add_working_days(start[0], p.days) if p.unit == "working"
                   else shift(start[0], p.days))
            end = first_date(ctx, data, p.end)
            if end is None and met:
                met = None
            out.append((end[1] if end else start[1], DeadlineView(
                r.id, title, start[0].isoformat(), due.isoformat(),
                end[0].isoformat() if end else None, met, p.days, p.unit)))
        elif kind == "lead_time":
            limit = first_date(ctx, data, p.before)
            if limit is None:
                continue
            latest = (subtract_working_days(limit[0], p.days) if p.unit == "working"
                      else shift(limit[0], -p.days))
            event = first_date(ctx, data, p.event)
            if event is None and met:
                met = None
            out.append((event[1] if event else limit[1], DeadlineView(
                r.id, title, None, latest.isoformat(),
                event[0].isoformat() if event else None, met, p.days, p.unit, lead=True)))
        elif kind == "max_months":
            start = first_date(ctx, data, p.start)
            if start is None:
                continue
            end = first_date(ctx, data, p.end)
            if end is None and met:
                met = None
            out.append(((end[1] or start[1]) if end else start[1], DeadlineView(
                r.id, title, start[0].isoformat(), add_months(start[0], p.months).isoformat(),
                end[0].isoformat() if end else None, met, p.months, "months")))
    return out


def _meetings(case: Case, rules: Sequence[Any], lang: Lang) -> dict[str, MeetingView]:
    """A bar chart per step that records its counts: those present against those
    summoned (the quorum), each nominee's votes against the vote base."""
    from checker.i18n import html_text
    from checker.rules.predicates.steps import base

    steps = getattr(case, "steps", None)
    if not isinstance(steps, list):
        return {}
    quorum: dict[str, Fraction] = {}
    vote: dict[str, tuple[str, Fraction, Fraction | None]] = {}
    for r in rules:
        p = r.check
        if p.kind == "quorum":
            for k in p.kinds:
                quorum[str(k)] = _ratio(p.ratio)
        elif p.kind == "final_vote":
            vote[str(p.step)] = (p.denominator, _ratio(p.above), None)
        elif p.kind == "nomination_round" and str(p.step) not in vote:
            vote[str(p.step)] = (p.denominator, _ratio(p.select_above),
                                 _ratio(p.carry_at_least) if p.carry_at_least else None)
    members = getattr(getattr(case, "leadership", None), "total_members", None)
    out = {}
    for i, s in enumerate(steps):
        kind = str(s.kind)
        ptr = f"/steps/{i}"
        q = None
        if s.summoned is not None and s.present is not None:
            q = Bar(html_text("present", lang), s.present, s.summoned, quorum.get(kind))
        denominator, above, carry = vote.get(kind, ("summoned", None, None))
        total = members if denominator == "leadership_members" else base(s, denominator)
        bars = []
        if total:
            totals: dict[str, tuple[str, int]] = {}
            for n in s.nominations:  # one person named twice is one bar, as the rules count
                from checker.text import key

                name, votes = totals.get(key(n.name), (n.name, 0))
                totals[key(n.name)] = (name, votes + n.votes)
            for name, votes in totals.values():
                bars.append(Bar(name, votes, total, above, strict=True, second=carry))
        if q is None and not bars:
            continue
        out[f"{ptr}/date"] = MeetingView(q, tuple(bars), denominator if bars else "")
    return out


def _shares(case: Case, data: Mapping[str, Any], rules: Sequence[Any],
            lang: Lang) -> dict[str, list[Bar]]:
    """The other counts a rule holds against a ratio, by the part of the case they are in
    (its first segment): a confidence vote's low-confidence ballots against all ballots
    (share_above); each body's agreeing members against its members, for a collective
    decision (collective_vote)."""
    out: dict[str, list[Bar]] = {}
    for r in rules:
        p = r.check
        pairs: list[tuple[str, str, str, bool]] = []  # (label pointer, value, total, strict)
        if p.kind == "share_above":
            pairs.append((p.numerator, p.numerator, p.denominator, p.strict))
        elif p.kind == "collective_vote":
            pairs += [(b, f"{b}/agree", f"{b}/members", True) for b in p.bodies]
        for label_at, value_at, total_at, strict in pairs:
            value, total = _get(data, value_at), _get(data, total_at)
            if not isinstance(value, int) or not isinstance(total, int) or total <= 0:
                continue
            label = describe(_shape(case), label_at, lang) or label_at
            bar = Bar(label[:1].upper() + label[1:], value, total, _ratio(p.ratio),
                      strict=strict)
            anchor = "/" + label_at.strip("/").split("/")[0]
            if bar not in out.get(anchor, []):
                out.setdefault(anchor, []).append(bar)
    return out


def _ratio(text: Any) -> Fraction:
    return Fraction(str(text))


def _checklist(case: Case, data: Mapping[str, Any], rules: Sequence[Any], lang: Lang,
               take: Any) -> tuple[list[ItemView], tuple[FindingView, ...]]:
    """The dossier: each item the file has, and each item a rule that ran requires, with
    the findings about each; then the findings about the dossier as a whole."""
    dossier = data.get("dossier")
    if "dossier" not in _shape(case).model_fields:
        return [], ()
    if not isinstance(dossier, dict):
        dossier = {}
    by_rule: dict[str, str] = {}
    aging: set[str] = set()
    required: dict[str, str | None] = {}
    for r in rules:
        p = r.check
        if p.kind == "dossier_item":
            by_rule[r.id] = str(p.item)
            required[str(p.item)] = p.or_at
        elif p.kind == "dossier_items":
            for item in p.items:
                required[str(item)] = p.elsewhere.get(item)
        elif p.kind in ("document_age", "dossier_age"):
            aging.add(r.id)
    items: list[ItemView] = []
    shape = _model_of(_shape(case).model_fields["dossier"].annotation)
    if shape is not None and "items" in shape.model_fields:
        listed: list[Any] = dossier["items"] if isinstance(dossier.get("items"), list) else []
        have: set[str] = set()
        for i, it in enumerate(listed):
            if not isinstance(it, dict):
                continue
            kind = str(it.get("kind"))
            have.add(kind)
            ptr = f"/dossier/items/{i}"
            mine = take(ptr)
            status = "present"
            if any(f.rule in aging for f in mine if f.waived is None):
                status = "too_old"
            elif _status(mine) in ("error", "warning"):
                status = "problem"
            doc: dict[str, Any] = it["document"] if isinstance(it.get("document"), dict) else {}
            items.append(ItemView(_dossier_name(kind, lang), status, ptr,
                                  _iso(doc.get("date")), mine))
        for kind, elsewhere in required.items():
            if kind in have:
                continue
            if elsewhere is not None and _get(data, elsewhere) is not None:
                items.append(ItemView(_dossier_name(kind, lang), "elsewhere", elsewhere))
                continue
            mine = tuple(v for rid, item in by_rule.items() if item == kind
                         for v in take(None, rid))
            items.append(ItemView(_dossier_name(kind, lang), "missing", "/dossier", None,
                                  mine))
    elif shape is not None:
        # A dossier of named documents (the removals'): each field of its shape.
        for name in shape.model_fields:
            if name == "comment":
                continue
            ptr = f"/dossier/{name}"
            value = dossier.get(name)
            mine = take(ptr)
            present = value not in (None, [], {})
            status = ("problem" if present and _status(mine) in ("error", "warning") else
                      "present" if present else "missing" if mine else "absent")
            label = describe(_shape(case), ptr, lang) or name
            day = _iso(value.get("date")) if isinstance(value, dict) else None
            items.append(ItemView(label[:1].upper() + label[1:], status, ptr, day, mine))
    return items, take("/dossier")


def _dossier_name(kind: str, lang: Lang) -> str:
    name = DOSSIER_NAMES[kind][lang] if kind in DOSSIER_NAMES else kind
    return name[:1].upper() + name[1:]


def case_view(n: int, fr: FileReport, case: Case | None, data: dict[str, Any] | None,
              lang: Lang, *, as_of: dt.date | None = None, today: dt.date | None = None,
              applied: Sequence[str] = ()) -> CaseView:
    """The view of one file: `case` and `data` are the validated case and its JSON
    (None when the file could not be read again, or was read from standard input)."""
    counts = {str(s): fr.count(s) for s in Severity} | {"waived": fr.count_waived()}
    views = [(f, finding_view(f, lang)) for f in fr.findings]
    if case is None or data is None:
        return CaseView(f"case-{n}", fr.path, None, None, None, None, None, counts, False,
                        other=tuple(v for _, v in views), applied=tuple(applied))
    taken: set[int] = set()

    def take(anchor: str | None, rule: str | None = None) -> tuple[FindingView, ...]:
        """The findings at or under `anchor` (of `rule`) not yet shown elsewhere."""
        out = []
        for k, (f, v) in enumerate(views):
            if k in taken or (anchor is not None and not _under(f.pointer, anchor)):
                continue
            if rule is None or f.rule == rule:
                taken.add(k)
                out.append(v)
        return tuple(out)

    rules = rules_in_force(case, fr.rules_run, as_of, today)
    deadlines = _deadlines(case, data, rules, fr.findings, today or as_of, lang)
    meetings = _meetings(case, rules, lang)
    shares = _shares(case, data, rules, lang)
    items, loose = _checklist(case, data, rules, lang, take)
    events = []
    for day, ptr, label, detail in _events(case, data, lang):
        anchor = _anchor(ptr)
        due = tuple(d for at, d in deadlines if at == ptr)
        meeting = meetings.get(ptr)
        if meeting is None and anchor in shares:
            meeting = MeetingView(None, tuple(shares.pop(anchor)), "")
        events.append(EventView(day, label, ptr, anchor, detail, take(anchor), due, meeting))
    if shares:  # counts of a part with no date: shown with the last event that has none
        extra = tuple(b for bars in shares.values() for b in bars)
        for k in range(len(events) - 1, -1, -1):
            if events[k].meeting is None:
                events[k] = dataclasses.replace(events[k], meeting=MeetingView(None, extra, ""))
                break
    # A deadline whose dates are not on the timeline (a fixed day, a term's expiry) still
    # shows, with the last event.
    placed = {id(d) for e in events for d in e.deadlines}
    orphans = [d for _, d in deadlines if id(d) not in placed]
    if orphans and events:
        last = events[-1]
        events[-1] = dataclasses.replace(last, deadlines=last.deadlines + tuple(orphans))
    subject = case.subject
    post = getattr(case, "post", None)
    return CaseView(
        f"case-{n}", fr.path, case.case_id, PROCEDURE_NAMES[str(case.procedure)][lang],
        subject.full_name, post.title if post is not None else None, case.unit.name, counts,
        True, tuple(events), tuple(items), loose,
        tuple(v for k, (_, v) in enumerate(views) if k not in taken), tuple(applied))


__all__ = ["Bar", "CaseView", "CiteView", "DeadlineView", "EventView", "FindingView",
           "ItemView", "MeetingView", "ReportView", "case_view", "describe", "finding_view",
           "rules_in_force"]
