"""Rule packs: rules as data (TOML), validated by schemas/rulepack.schema.json.

Loading a pack runs no code: it is read within a size limit, parsed by tomllib, bounded
in shape (nesting, entries, text length, digits: see check_limits), checked against the
schema and the pydantic models, and then checked for meaning: every citation resolves in
the catalog, every message the predicate can emit is written in both languages with only
the placeholders that predicate provides, no two versions of a rule overlap in time, and
ids are unique. Any failure is a RulePackError naming the pack and the rule, in the run's
language. `check --rules` and `verify` run this one validation (validate_pack).

A pack speaks for one layer (state or Party) and only through documents of that layer:
its covers and every citation (and amending text) must be of the pack's layer, in the
catalog's words. A rule of one layer grounded in the other's document would present,
say, a Party regulation as the basis of a state finding. No built-in pack needs an
exception (the Civil Code, cited for computing periods, is itself a state document).

A pack may bring its own `[[sources]]` (an agency's local documents, e.g. a provincial
standing committee's regulation): they join the built-in catalog for that pack only, may
not reuse a built-in id, and each citation keeps the source it resolved to at load time.
Covers must name a built-in source: a cover says which regulation the whole layer is
judged under, and that is always a document of the built-in catalog; and a cover may not
reach beyond that document's period in force (from its effective date, or its signing
date where the catalog has no other, to its last day), so that no pack can make a layer
"covered" on a day its regulation did not apply. Likewise each rule version applies only
on days when at least one document it cites is in force.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, TypeAdapter, ValidationError

from checker.errors import RulePackError
from checker.i18n import LAYER_NAMES, Lang, t
from checker.light import Procedure
from checker.report import Amendment, Citation, Confidence, Severity
from checker.rules.compiled import PeriodMethods
from checker.rules.paramodels import Pointer
from checker.rules.predicates import PREDICATES, Check, required_messages
from checker.sources import (
    DATA,
    Catalog,
    Source,
    Text,
    catalog,
    doc_kind,
    read_toml,
    schema_errors,
)

RULE_ID = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Amends(Strict):
    """The place in an amending document that rewrote the cited article."""

    source: str = Field(description="Catalog id of the amending document; it must amend "
                                    "the cited one (its `amends` in the catalog)")
    article: int | None = Field(None, ge=1)
    clause: int | None = Field(None, ge=1)
    point: str | None = Field(None, pattern=r"^[a-zđ]$")


class Cite(Strict):
    source: str
    article: int | None = Field(None, ge=1)
    clause: int | None = Field(None, ge=1)
    point: str | None = Field(None, pattern=r"^[a-zđ]$")
    section: str | None = Field(
        None, pattern=r"^([IVX]+|[0-9]+)(\.[0-9]+)*$",
        description="A section (mục) of a document without articles, e.g. III.1.1 of a "
                    "guidance (Hướng dẫn), or 31 of a Charter-implementing regulation")
    quote: str | None = Field(
        None, description="The deciding phrase, verbatim from the source text (for an "
                          "amended article, from the amending text)"
    )
    amended_by: Amends | None = Field(
        None, description="The article as amended: the amending document and its article "
                          "that rewrote the cited one (e.g. NĐ 170 Điều 33 as amended by NĐ "
                          "300 Điều 13)")
    confidence: Confidence | None = Field(
        None, description="How sure we are of this clause, where the legal dossier rates it "
                          "apart from its document (e.g. a clause quoted word for word by "
                          "the Government portal and two other sources: medium-high)")
    # The catalog entry this citation resolved to when the pack was loaded (the pack's
    # own sources included); None for a Cite built outside parse_pack.
    _resolved: Source | None = PrivateAttr(None)
    _amending: Source | None = PrivateAttr(None)

    @property
    def resolved(self) -> Source | None:
        return self._resolved

    def resolved_in(self, cat: Catalog) -> Source:
        s = self._resolved or cat.get(self.source)
        assert s is not None  # checked before
        return s

    def confidence_in(self, cat: Catalog) -> Confidence:
        """The clause's own rating if the pack gives one; else, for an amended article,
        the amending text's; else the document's."""
        if self.confidence is not None:
            return self.confidence
        amending = self.amending_in(cat)
        if amending is not None:
            return amending.confidence
        return self.resolved_in(cat).confidence

    def amending_in(self, cat: Catalog) -> Source | None:
        if self.amended_by is None:
            return None
        s = self._amending or cat.get(self.amended_by.source)
        assert s is not None  # checked before
        return s


class Period(Strict, PeriodMethods):
    start: dt.date = Field(alias="from")
    end: dt.date | None = Field(None, alias="until", description="Last day in force")

    def overlaps(self, other: Period) -> bool:
        a_end = self.end or dt.date.max
        b_end = other.end or dt.date.max
        return self.start <= b_end and other.start <= a_end


class Equals(Strict):
    equals: dict[Pointer, str | bool | int] = Field(min_length=1, max_length=1)


class IsPresent(Strict):
    present: Pointer


class AnyOf(Strict):
    any: list[Condition] = Field(min_length=1)


class AllOf(Strict):
    all: list[Condition] = Field(min_length=1)


class Not(Strict):
    not_: Condition = Field(alias="not")


class Before(Strict):
    """The date at the pointer is earlier than the given day (false if it is absent)."""

    before: dict[Pointer, dt.date] = Field(min_length=1, max_length=1)


Condition = Equals | IsPresent | AnyOf | AllOf | Not | Before
for _m in (AnyOf, AllOf, Not):
    _m.model_rebuild()

# Which date of a case selects the law: the decision's date; the date the procedure
# began (its earliest recorded date: policy request or approval, notice, or first step);
# or the date the candidate's planning was approved (rules on how planning is made apply
# under the law of the day it was approved, not of the appointment); or the day an acting
# arrangement ended (a transitional rule on arrangements still in place on a given day).
DateSelector = Literal["decision", "process_start", "planning_approval", "acting_end"]


class Example(Strict):
    """A case file that shows the rule at work, and what the rule must say about it;
    `checker verify` runs it. The path is relative to the pack file and stays below its
    folder (no absolute path, no `..`, no hidden file)."""

    case: str = Field(pattern=r"^[^/\\.][^/\\]*(/[^/\\.][^/\\]*)*\.json$",
                      description="Case file, relative to the pack file")
    expect: Literal["pass", "violation", "undecidable"] = Field(
        description="pass: the rule finds nothing; violation: at least one violation; "
                    "undecidable: at least one 'cannot decide' and no violation")


class Rule(Strict):
    id: str = Field(pattern=RULE_ID)
    version: int = Field(ge=1)
    title: Text
    severity: Severity
    procedures: list[Procedure] = Field(min_length=1)
    in_force: Period
    selected_by: DateSelector = Field(description="Which date of the case selects this version")
    when: Condition | None = None
    cites: list[Cite] = Field(min_length=1)
    explain: Text
    example: Text
    messages: dict[str, Text] = Field(min_length=1)
    check: Check
    examples: list[Example] = Field(default_factory=list)


class Cover(Strict):
    """The pack speaks for these procedures, on these dates, for the cases that meet
    `when`; a case outside every cover of its layer gets a "not covered" notice. The
    layer is the pack's; the source a built-in document of that layer, in force on every
    day of `in_force`."""

    layer: Literal["state", "party"]
    procedures: list[Procedure] = Field(min_length=1)
    source: str
    in_force: Period
    selected_by: DateSelector
    when: Condition | None = None
    role: Literal["regime", "supplement"] = Field(
        "regime",
        description="regime: the regulation the layer is judged under on these dates (a "
                    "case outside every regime cover of its layer is 'not covered'); "
                    "supplement: rules that apply alongside, whose cover never makes a "
                    "layer count as covered")
    transition: Cite | None = Field(
        None,
        description="The transitional provision that keeps a procedure already carried out "
                    "before `in_force.from` under the earlier regulation, where it is not "
                    "settled whether a case with only its preliminaries (e.g. the policy "
                    "request) before that day counts: such a case is judged both ways and "
                    "a finding of only one reading says 'cannot decide'")


class Pack(Strict):
    format: Literal[1]
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(min_length=1)
    title: Text
    layer: Literal["state", "party"]
    last_verified: dt.date
    covers: list[Cover] = Field(min_length=1)
    rules: list[Rule] = Field(min_length=1)
    names: dict[Procedure, dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], Text]] = (
        Field(default_factory=dict,
              description="How this pack's messages name the steps, dossier items and other "
                          "coded values of a procedure, where its law differs from the "
                          "default names (e.g. the key officials' meeting is step 4 of five "
                          "under NĐ 170 as first issued, step 3 of four as amended by NĐ 300)"))
    sources: list[Source] = Field(
        default_factory=list,
        description="The pack's own documents (e.g. an agency's local regulations), cited "
                    "like the built-in catalog's; ids must differ from the built-in ones")


# ---------------------------------------------------------------- limits
# A pack is untrusted input: before any schema or model sees it, its size and shape are
# bounded, so that nothing in it can exhaust the stack, the memory or Python's integer
# conversion, at load time or later when it runs. The built-in packs use a fraction of
# each limit (nesting 12, 78 entries, 1,377 characters, 3 digits).
MAX_DEPTH = 24  # tables and arrays nested in one another, from the top of the file
MAX_ITEMS = 1000  # entries of one array or table
MAX_TEXT = 10_000  # characters of one string or key
MAX_DIGITS = 15  # digits of one integer
MAX_EXAMPLES = 1000  # example cases in one pack (`verify` runs each)


def check_limits(data: dict[str, Any], origin: str, lang: Lang = "en") -> None:
    """Refuse a pack beyond the limits above, naming the place and, inside a rule, the
    rule's id. Iterative, so that it cannot itself run out of stack."""
    def fail(key: str, path: list[str | int], **values: object) -> RulePackError:
        where = "/".join(_step(p) for p in path) or "(top)"
        rid = None
        if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
            rid = _rule_name(data, path[1])
        if rid is None:
            return RulePackError(t(key, lang, pack=origin, where=where, **values))
        return RulePackError(t(f"{key}-rule", lang, pack=origin, rule=rid, where=where,
                               **values))

    stack: list[tuple[list[str | int], Any]] = [([], data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict | list):
            if len(path) >= MAX_DEPTH:
                raise fail("pack-limit-depth", path, limit=MAX_DEPTH)
            if len(node) > MAX_ITEMS:
                raise fail("pack-limit-items", path, count=len(node), limit=MAX_ITEMS)
            items = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
            for key, value in reversed(items):
                if isinstance(key, str) and len(key) > MAX_TEXT:
                    raise fail("pack-limit-text", path, length=len(key), limit=MAX_TEXT)
                stack.append(([*path, key], value))
        elif isinstance(node, str) and len(node) > MAX_TEXT:
            raise fail("pack-limit-text", path, length=len(node), limit=MAX_TEXT)
        elif isinstance(node, int) and not isinstance(node, bool) and (
                abs(node) >= 10 ** MAX_DIGITS):
            # the digits of a number too long to print are counted without printing it
            raise fail("pack-limit-number", path, digits=_digits(node), limit=MAX_DIGITS)
    rules = data.get("rules")
    examples = sum(len(r["examples"]) for r in rules if isinstance(r, dict)
                   and isinstance(r.get("examples"), list)) if isinstance(rules, list) else 0
    if examples > MAX_EXAMPLES:
        raise RulePackError(t("pack-limit-examples", lang, pack=origin, count=examples,
                              limit=MAX_EXAMPLES))


def _rule_name(data: dict[str, Any], i: int) -> str:
    """How a message names rules[i]: its id if it is a well-formed one (a malformed id
    may hold anything, a line break included), else its place."""
    rules = data.get("rules")
    rule = rules[i] if isinstance(rules, list) and i < len(rules) else None
    rid = rule.get("id") if isinstance(rule, dict) else None
    return rid if isinstance(rid, str) and re.fullmatch(RULE_ID, rid) else f"#{i}"


def _step(part: str | int) -> str:
    """One step of a place in a pack, as in a JSON pointer, cut short if long."""
    text = str(part).replace("~", "~0").replace("/", "~1")
    if len(text) > 40:
        text = text[:40] + "…"
    return text if text.isprintable() else repr(text)[1:-1]


def _digits(n: int) -> int:
    n = abs(n)
    digits = max(1, int(n.bit_length() * 0.30102999566398120))  # log10(2)
    while n >= 10 ** digits:
        digits += 1
    return digits


# ---------------------------------------------------------------- meaning
def _placeholders(text: str) -> set[str] | None:
    """Named placeholders in a message, or None if it uses anything beyond {name}
    (attribute access, indexing, conversions, format specs): those are refused."""
    names: set[str] = set()
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return None
    for _lit, field, spec, conv in parsed:
        if field is None:
            continue
        if not field.isidentifier() or spec or conv:
            return None
        names.add(field)
    return names


def _span_text(start: dt.date, end: dt.date | None, lang: Lang) -> str:
    if end is None:
        return t("period-open", lang, start=start.isoformat())
    return t("period-closed", lang, start=start.isoformat(), end=end.isoformat())


def _first_day_without(period: Period, spans: list[tuple[dt.date | None, dt.date | None]]
                       ) -> dt.date | None:
    """The first day of `period` on which none of `spans` (first day, last day; None: not
    known, or open end) is in force; None if there is no such day. A span whose first day
    is not known counts for no day: only what the catalog says counts."""
    day = period.start
    end = period.end or dt.date.max
    known = sorted((a, b or dt.date.max) for a, b in spans if a is not None)
    for a, b in known:
        if a > day:
            break
        if b >= day:
            if b >= end:
                return None
            day = b + dt.timedelta(days=1)
    return day


def check_meaning(pack: Pack, cat: Catalog, origin: str, lang: Lang = "en") -> None:
    """What the schema cannot say: every citation resolves, belongs to the pack's layer
    and is in force whenever its rule applies; every cover speaks for the pack's layer
    under a built-in document of that layer, within that document's period in force;
    versions of a rule do not overlap; confidence bounds severity; the predicate can read
    a case of every procedure the rule lists (its kind's declared family, see
    checker.rules.predicates.core.Predicate); messages fit their predicate."""
    def fail(key: str, rule: str | None = None, **values: object) -> RulePackError:
        return RulePackError(t(key, lang, pack=origin, rule=rule, **values))

    layer = LAYER_NAMES[pack.layer][lang]
    for cov in pack.covers:
        src = cat.get(cov.source)
        if src is None:
            raise fail("pack-cover-unknown", source=repr(cov.source))
        if cov.layer != pack.layer:
            raise fail("pack-cover-layer", layer=layer,
                       cover_layer=LAYER_NAMES[cov.layer][lang])
        if src.layer != pack.layer:
            raise fail("pack-cover-source-layer", layer=layer, source=src.id,
                       number=src.number, source_layer=LAYER_NAMES[src.layer][lang])
        if cov.in_force.end and cov.in_force.end < cov.in_force.start:
            raise fail("pack-cover-backwards", source=src.id)
        start, end = cat.in_force(src)
        if start is None:
            raise fail("pack-cover-undated", layer=layer, source=src.id, number=src.number,
                       period=cov.in_force.text(lang))
        if _first_day_without(cov.in_force, [(start, end)]) is not None:
            raise fail("pack-cover-period", layer=layer, source=src.id, number=src.number,
                       period=cov.in_force.text(lang), in_force=_span_text(start, end, lang))
        if cov.transition is not None:
            moved = cat.get(cov.transition.source)
            if moved is None:
                raise fail("pack-cover-unknown", source=repr(cov.transition.source))
            if cov.selected_by != "process_start":
                raise fail("pack-cover-transition", source=src.id,
                           selected_by=cov.selected_by)
    seen: dict[str, list[Rule]] = {}
    for r in pack.rules:
        for c in r.cites:
            if cat.get(c.source) is None:
                raise fail("pack-cites-unknown", r.id, source=repr(c.source))
        if any(v.version == r.version for v in seen.get(r.id, [])):
            raise fail("pack-version-twice", r.id, version=r.version)
        for v in seen.get(r.id, []):
            if v.in_force.overlaps(r.in_force):
                raise fail("pack-versions-overlap", r.id, a=v.version,
                           a_period=v.in_force.text(lang), b=r.version,
                           b_period=r.in_force.text(lang))
        seen.setdefault(r.id, []).append(r)
        if r.in_force.end and r.in_force.end < r.in_force.start:
            raise fail("pack-period-backwards", r.id)
        spans: list[tuple[dt.date | None, dt.date | None]] = []
        for c in r.cites:
            src = cat.get(c.source)
            assert src is not None  # checked above
            used = [src]
            if c.amended_by is not None:
                amending = cat.get(c.amended_by.source)
                if amending is None:
                    raise fail("pack-amendment-unknown", r.id,
                               source=repr(c.amended_by.source))
                if amending.amends != c.source:
                    raise fail("pack-not-amending", r.id, source=c.source,
                               amending=amending.id)
                used.append(amending)
            for s in used:
                if s.layer != pack.layer:
                    raise fail("pack-cite-layer", r.id, source=s.id, number=s.number,
                               source_layer=LAYER_NAMES[s.layer][lang], layer=layer)
            # the article as amended is in force while both texts are
            periods = [cat.in_force(s) for s in used]
            starts = [a for a, _ in periods if a is not None]
            ends = [b for _, b in periods if b is not None]
            spans.append((max(starts) if len(starts) == len(periods) else None,
                          min(ends, default=None)))
        gap = _first_day_without(r.in_force, spans)
        if gap is not None:
            raise fail("pack-rule-period", r.id, version=r.version,
                       period=r.in_force.text(lang), day=gap.isoformat())
        best = max((c.confidence_in(cat).rank for c in r.cites), default=0)
        if best == Confidence.LOW.rank:
            raise fail("pack-low-confidence", r.id)
        if r.severity is Severity.ERROR and best < Confidence.MEDIUM_HIGH.rank:
            raise fail("pack-error-confidence", r.id)
        kind = PREDICATES[r.check.kind]
        supported = kind.procedures(r.check)
        outside = [str(p) for p in r.procedures if str(p) not in supported]
        if outside:
            raise fail("pack-kind-procedure", r.id, kind=r.check.kind,
                       procedure=", ".join(outside), supported=", ".join(supported))
        need = required_messages(r.check.kind, r.check)
        missing = need - set(r.messages)
        if missing:
            raise fail("pack-message-missing", r.id,
                       message_key=repr(sorted(missing)[0]), kind=r.check.kind)
        unknown = set(r.messages) - set(kind.messages)
        if unknown:
            raise fail("pack-message-never", r.id,
                       message_key=repr(sorted(unknown)[0]), kind=r.check.kind)
        for key, text in r.messages.items():
            for text_lang in ("vi", "en"):
                names = _placeholders(text.get(text_lang))
                if names is None:
                    raise fail("pack-placeholder-plain", r.id, message_key=repr(key),
                               text_lang=text_lang)
                extra = names - kind.messages[key]
                if extra:
                    raise fail("pack-placeholder-unknown", r.id, message_key=repr(key),
                               text_lang=text_lang, name=sorted(extra)[0],
                               available=", ".join(sorted(kind.messages[key]))
                               or t("pack-none", lang))


def merged_catalog(pack: Pack, cat: Catalog, origin: str, lang: Lang = "en") -> Catalog:
    """The built-in catalog with the pack's own sources added (for this pack only)."""
    def fail(key: str, **values: object) -> RulePackError:
        return RulePackError(t(key, lang, pack=origin, **values))

    builtin = {s.id for s in cat.sources}
    own: set[str] = set()
    for s in pack.sources:
        if s.id in builtin:
            raise fail("pack-source-builtin", source=repr(s.id))
        if s.id in own:
            raise fail("pack-source-twice", source=repr(s.id))
        own.add(s.id)
    merged = Catalog(format=cat.format, sources=[*cat.sources, *pack.sources])
    for s in pack.sources:
        if s.replaced_by and merged.get(s.replaced_by) is None:
            raise fail("pack-source-replaced-unknown", source=repr(s.id),
                       other=repr(s.replaced_by))
    for cov in pack.covers:
        if cov.source in own:
            raise fail("pack-cover-own-source", source=repr(cov.source))
    return merged


def parse_pack(data: dict[str, Any], origin: str, cat: Catalog, *, schema: bool = True,
               lang: Lang = "en") -> Pack:
    """Validate and build a pack; its citations resolve against `cat` plus the pack's own
    sources. `schema=False` skips the limits and the JSON-Schema pass (the models and the
    meaning checks still run); only for the built-in packs, which the test suite checks
    against both. Messages are in `lang`."""
    if schema:
        check_limits(data, origin, lang)
        problems = schema_errors(data, "rulepack")
        if problems:
            raise RulePackError(t("pack-schema", lang, pack=origin,
                                  detail=_explain_problem(data, problems[0], lang)))
    try:
        pack = Pack.model_validate(data)
    except ValidationError as e:
        detail = _explain_problem(data, _pydantic_problem(e), lang)
        raise RulePackError(f"{origin}: {detail}") from None
    merged = merged_catalog(pack, cat, origin, lang)
    check_meaning(pack, merged, origin, lang)
    cites = [c for r in pack.rules for c in r.cites]
    cites += [cov.transition for cov in pack.covers if cov.transition is not None]
    for c in cites:
        c._resolved = merged.get(c.source)
        if c.amended_by is not None:
            c._amending = merged.get(c.amended_by.source)
    return pack


def _pydantic_problem(e: ValidationError) -> tuple[list[str | int], str]:
    err = e.errors()[0]
    return [p for p in err["loc"]], err["msg"]


def _explain_problem(data: dict[str, Any], problem: tuple[list[str | int], str],
                     lang: Lang = "en") -> str:
    """Name the rule and, for its check, the exact predicate problem: the schema's
    message for a discriminated union ("not valid under any of the given schemas")
    says neither. The libraries' own words (the `message`) stay in English."""
    path, message = problem
    rules = data.get("rules")
    if not (len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int)
            and isinstance(rules, list) and path[1] < len(rules)):
        return t("pack-at", lang, where="/".join(map(str, path)) or "(top)", message=message)
    rule = rules[path[1]]
    rid = _rule_name(data, path[1])
    check = rule.get("check") if isinstance(rule, dict) else None
    if len(path) >= 3 and path[2] == "check" and isinstance(check, dict):
        kind = check.get("kind")
        if kind not in PREDICATES:
            return t("pack-unknown-kind", lang, rule=rid, kind=repr(kind),
                     known=", ".join(sorted(PREDICATES)))
        try:
            TypeAdapter(Check).validate_python(check)
        except ValidationError as e:
            err = e.errors()[0]
            loc = ".".join(str(p) for p in err["loc"][1:]) or "check"
            return t("pack-check-parameter", lang, rule=rid, kind=kind, where=loc,
                     message=err["msg"])
    where = "/".join(map(str, path[2:])) or "(rule)"
    if path[2:3] == ["examples"] and path[4:] == ["case"]:
        return t("pack-example-path", lang, rule=rid, where=where)
    return t("pack-rule-at", lang, rule=rid, where=where, message=message)


def load_pack(path: Path, *, schema: bool = True, lang: Lang = "en",
              origin: str | None = None) -> Pack:
    """Read and validate the pack file at `path`; messages name it `origin` (by default
    the path as given)."""
    name = path.as_posix() if origin is None else origin
    return parse_pack(read_toml(path, RulePackError, lang), name, catalog(), schema=schema,
                      lang=lang)


BUILTIN_PACKS = DATA / "packs"


@cache
def builtin_packs() -> tuple[Pack, ...]:
    return tuple(load_pack(p, schema=False, origin=p.name)
                 for p in sorted(BUILTIN_PACKS.glob("*.toml")))


def validate_pack(path: Path, loaded: tuple[Pack, ...], *, continues: bool = False,
                  lang: Lang = "en") -> Pack:
    """The one validation of a pack file given by a user, for `check --rules` and
    `verify` alike: the file (a regular file within the size limit, UTF-8 TOML), the
    limits on its shape, the schema, the models, the meaning (citations, layers, periods
    in force, messages), and its ids against the packs `loaded` with it. `continues`: a
    built-in pack verified in place, which may continue a built-in rule in a new period
    (see check_unique). Any problem is one RulePackError naming the file."""
    pack = load_pack(path, lang=lang)
    origins = (*(p.id for p in loaded), path.as_posix())
    check_unique((*loaded, pack), origins, builtin=len(loaded) + (1 if continues else 0),
                 lang=lang)
    return pack


def all_packs(extra: tuple[Path, ...] = (), lang: Lang = "en") -> tuple[Pack, ...]:
    """The built-in packs and any added with --rules, each validated by validate_pack
    against those before it (an added pack is untrusted input)."""
    packs = builtin_packs()
    for path in extra:
        packs = (*packs, validate_pack(path, packs, lang=lang))
    return packs


def check_unique(packs: tuple[Pack, ...], origins: tuple[str, ...] = (),
                 builtin: int = 0, lang: Lang = "en") -> None:
    """Pack ids are unique across packs loaded together, and so are rule ids, with one
    exception: the first `builtin` packs (the built-in ones) may continue a rule of
    another built-in pack with a later version when the law changes (a new period's pack
    carries APPT-STEPS version 2 where the old one carried version 1), provided the layer
    is the same, the version numbers differ and the periods do not overlap. A pack added
    with --rules may never reuse a rule id: it cannot speak in a built-in rule's name.
    `origins` names each pack's file, for the message."""
    seen: dict[str, str] = {}
    versions: dict[str, list[tuple[Rule, str]]] = {}
    pack_ids: set[str] = set()
    for i, p in enumerate(packs):
        where = origins[i] if i < len(origins) else p.id
        if p.id in pack_ids:
            raise RulePackError(t("pack-id-loaded", lang, pack=where, id=repr(p.id)))
        pack_ids.add(p.id)
        for rid in sorted({r.id for r in p.rules}):
            if rid in seen and not (i < builtin and _continues(p, rid, versions[rid])):
                raise RulePackError(t("pack-rule-taken", lang, pack=where, rule=rid,
                                      other=seen[rid]))
            seen.setdefault(rid, p.id)
            versions.setdefault(rid, []).extend((r, p.layer) for r in p.rules if r.id == rid)


def _continues(pack: Pack, rid: str, before: list[tuple[Rule, str]]) -> bool:
    """Does `pack` continue rule `rid` of earlier built-in packs: same layer, new version
    numbers, periods that do not overlap?"""
    mine = [r for r in pack.rules if r.id == rid]
    return all(layer == pack.layer and old.version != r.version
               and not old.in_force.overlaps(r.in_force)
               for old, layer in before for r in mine)


def citation(c: Cite, cat: Catalog) -> Citation:
    s = c.resolved or cat.get(c.source)
    assert s is not None  # resolved at load time
    amended = None
    a = c.amending_in(cat)
    if a is not None and c.amended_by is not None:
        amended = Amendment(source=a.id, number=a.number, article=c.amended_by.article,
                            clause=c.amended_by.clause, point=c.amended_by.point,
                            kind=doc_kind(a))
    return Citation(
        source=s.id, number=s.number, article=c.article, clause=c.clause, point=c.point,
        confidence=c.confidence_in(cat), url=s.url, quote=c.quote, section=c.section,
        amended_by=amended, kind=doc_kind(s),
    )


