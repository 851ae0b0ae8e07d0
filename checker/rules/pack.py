"""Rule packs: rules as data (TOML), validated by schemas/rulepack.schema.json.

Loading a pack runs no code: it is parsed by tomllib, checked against the schema and the
pydantic models, and then checked for meaning: every citation resolves in the catalog,
every message the predicate can emit is written in both languages with only the
placeholders that predicate provides, no two versions of a rule overlap in time, and
ids are unique. Any failure is a RulePackError naming the pack and the rule.

A pack may bring its own `[[sources]]` (an agency's local documents, e.g. a provincial
standing committee's regulation): they join the built-in catalog for that pack only, may
not reuse a built-in id, and each citation keeps the source it resolved to at load time.
Covers must name a built-in source: a cover says which regulation the whole layer is
judged under, and that is always a document of the built-in catalog.
"""

from __future__ import annotations

import datetime as dt
import string
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, TypeAdapter, ValidationError

from checker.errors import RulePackError
from checker.model import Procedure
from checker.report import Amendment, Citation, Confidence, Severity
from checker.rules.predicates import PREDICATES, Check, Pointer, required_messages
from checker.sources import DATA, Catalog, Source, Text, catalog, read_toml, schema_errors

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


class Period(Strict):
    start: dt.date = Field(alias="from")
    end: dt.date | None = Field(None, alias="until", description="Last day in force")

    def __str__(self) -> str:
        return f"{self.start.isoformat()} to {self.end.isoformat() if self.end else 'open end'}"

    def contains(self, d: dt.date) -> bool:
        return self.start <= d and (self.end is None or d <= self.end)

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
    `when`; a case outside every cover of its layer gets a "not covered" notice."""

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


def check_meaning(pack: Pack, cat: Catalog, origin: str) -> None:
    def fail(rule: str | None, msg: str) -> RulePackError:
        return RulePackError(f"{origin}: rule {rule}: {msg}" if rule else f"{origin}: {msg}")

    for cov in pack.covers:
        if cat.get(cov.source) is None:
            raise fail(None, f"covers unknown source {cov.source!r}")
    seen: dict[str, list[Rule]] = {}
    for r in pack.rules:
        for c in r.cites:
            if cat.get(c.source) is None:
                raise fail(r.id, f"cites unknown source {c.source!r}")
        if any(v.version == r.version for v in seen.get(r.id, [])):
            raise fail(r.id, f"version {r.version} is defined twice")
        for v in seen.get(r.id, []):
            if v.in_force.overlaps(r.in_force):
                raise fail(r.id, f"versions {v.version} ({v.in_force}) and {r.version} "
                                 f"({r.in_force}) overlap in time")
        seen.setdefault(r.id, []).append(r)
        if r.in_force.end and r.in_force.end < r.in_force.start:
            raise fail(r.id, "in_force ends before it starts")
        for c in r.cites:
            if c.amended_by is None:
                continue
            amending = cat.get(c.amended_by.source)
            if amending is None:
                raise fail(r.id, f"cites an amendment by unknown source "
                                 f"{c.amended_by.source!r}")
            if amending.amends != c.source:
                raise fail(r.id, f"cites {c.source} as amended by {amending.id}, but the "
                                 f"catalog does not say that {amending.id} amends {c.source}")
        best = max((c.confidence_in(cat).rank for c in r.cites), default=0)
        if best == Confidence.LOW.rank:
            raise fail(r.id, "cites only low-confidence sources: a requirement known only "
                             "from a low-confidence source is not encoded")
        if r.severity is Severity.ERROR and best < Confidence.MEDIUM_HIGH.rank:
            raise fail(r.id, "is an error but none of its sources is of high or medium-high "
                             "confidence: a requirement from a medium-confidence source is "
                             "at most a warning")
        kind = PREDICATES[r.check.kind]
        need = required_messages(r.check.kind, r.check)
        missing = need - set(r.messages)
        if missing:
            raise fail(r.id, f"has no message {sorted(missing)[0]!r} for {r.check.kind}")
        unknown = set(r.messages) - set(kind.messages)
        if unknown:
            raise fail(r.id, f"message {sorted(unknown)[0]!r} is never emitted by {r.check.kind}")
        for key, text in r.messages.items():
            for lang in ("vi", "en"):
                names = _placeholders(text.get(lang))
                if names is None:
                    raise fail(r.id, f"message {key!r} ({lang}) may only use plain {{name}} "
                                     "placeholders")
                extra = names - kind.messages[key]
                if extra:
                    raise fail(r.id, f"message {key!r} ({lang}) uses unknown placeholder "
                                     f"{{{sorted(extra)[0]}}}; available: "
                                     f"{', '.join(sorted(kind.messages[key])) or 'none'}")


def merged_catalog(pack: Pack, cat: Catalog, origin: str) -> Catalog:
    """The built-in catalog with the pack's own sources added (for this pack only)."""
    builtin = {s.id for s in cat.sources}
    own: set[str] = set()
    for s in pack.sources:
        if s.id in builtin:
            raise RulePackError(f"{origin}: source {s.id!r} is already in the built-in "
                                "catalog; give the pack's own source another id")
        if s.id in own:
            raise RulePackError(f"{origin}: source {s.id!r} is defined twice")
        own.add(s.id)
    merged = Catalog(format=cat.format, sources=[*cat.sources, *pack.sources])
    for s in pack.sources:
        if s.replaced_by and merged.get(s.replaced_by) is None:
            raise RulePackError(f"{origin}: source {s.id!r} is replaced by unknown source "
                                f"{s.replaced_by!r}")
    for cov in pack.covers:
        if cov.source in own:
            raise RulePackError(f"{origin}: covers source {cov.source!r} from the pack's own "
                                "sources; a cover must name a built-in source (see "
                                "`checker sources`)")
    return merged


def parse_pack(data: dict[str, Any], origin: str, cat: Catalog, *, schema: bool = True) -> Pack:
    """Validate and build a pack; its citations resolve against `cat` plus the pack's own
    sources. `schema=False` skips the JSON-Schema pass (the models and the meaning checks
    still run); only for the built-in packs, which the test suite validates against
    schemas/rulepack.schema.json."""
    problems = schema_errors(data, "rulepack") if schema else []
    if problems:
        raise RulePackError(f"{origin}: does not match the rule-pack schema: "
                            f"{_explain_problem(data, problems[0])}")
    try:
        pack = Pack.model_validate(data)
    except ValidationError as e:
        raise RulePackError(f"{origin}: {_explain_problem(data, _pydantic_problem(e))}"
                            ) from None
    merged = merged_catalog(pack, cat, origin)
    check_meaning(pack, merged, origin)
    for r in pack.rules:
        for c in r.cites:
            c._resolved = merged.get(c.source)
            if c.amended_by is not None:
                c._amending = merged.get(c.amended_by.source)
    return pack


def _pydantic_problem(e: ValidationError) -> tuple[list[str | int], str]:
    err = e.errors()[0]
    return [p for p in err["loc"]], err["msg"]


def _explain_problem(data: dict[str, Any], problem: tuple[list[str | int], str]) -> str:
    """Name the rule and, for its check, the exact predicate problem: the schema's
    message for a discriminated union ("not valid under any of the given schemas")
    says neither."""
    path, message = problem
    rules = data.get("rules")
    if not (len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int)
            and isinstance(rules, list) and path[1] < len(rules)):
        return f"at {'/'.join(map(str, path)) or '(top)'}: {message}"
    rule = rules[path[1]]
    rid = rule.get("id", f"#{path[1]}") if isinstance(rule, dict) else f"#{path[1]}"
    check = rule.get("check") if isinstance(rule, dict) else None
    if len(path) >= 3 and path[2] == "check" and isinstance(check, dict):
        kind = check.get("kind")
        if kind not in PREDICATES:
            return (f"rule {rid}: unknown predicate kind {kind!r}; known kinds: "
                    f"{', '.join(sorted(PREDICATES))}")
        try:
            TypeAdapter(Check).validate_python(check)
        except ValidationError as e:
            err = e.errors()[0]
            loc = ".".join(str(p) for p in err["loc"][1:]) or "check"
            return f"rule {rid}: check {kind}: {loc}: {err['msg']}"
    where = "/".join(map(str, path[2:])) or "(rule)"
    if path[2:3] == ["examples"] and path[4:] == ["case"]:
        return (f"rule {rid}: at {where}: an example must be a .json file named relative to "
                "the pack file and below its folder (no absolute path, no '..', no hidden "
                "file)")
    return f"rule {rid}: at {where}: {message}"


def load_pack(path: Path, *, schema: bool = True) -> Pack:
    return parse_pack(read_toml(path, RulePackError), path.name, catalog(), schema=schema)


BUILTIN_PACKS = DATA / "packs"


@cache
def builtin_packs() -> tuple[Pack, ...]:
    return tuple(load_pack(p, schema=False) for p in sorted(BUILTIN_PACKS.glob("*.toml")))


def all_packs(extra: tuple[Path, ...] = ()) -> tuple[Pack, ...]:
    """The built-in packs and any added with --rules (fully validated: an added pack is
    untrusted input). Pack ids and rule ids must be unique across them all, except that
    built-in packs of successive periods continue each other's rules (see check_unique)."""
    builtin = builtin_packs()
    packs = builtin + tuple(load_pack(p) for p in extra)
    names = tuple(p.name for p in sorted(BUILTIN_PACKS.glob("*.toml"))) + tuple(map(str, extra))
    check_unique(packs, names, builtin=len(builtin))
    return packs


def check_unique(packs: tuple[Pack, ...], origins: tuple[str, ...] = (),
                 builtin: int = 0) -> None:
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
            raise RulePackError(f"{where}: a rule pack with id {p.id!r} is already loaded")
        pack_ids.add(p.id)
        for rid in sorted({r.id for r in p.rules}):
            if rid in seen and not (i < builtin and _continues(p, rid, versions[rid])):
                raise RulePackError(f"{where}: rule {rid} is already defined by pack {seen[rid]}")
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
                            clause=c.amended_by.clause, point=c.amended_by.point)
    return Citation(
        source=s.id, number=s.number, article=c.article, clause=c.clause, point=c.point,
        confidence=c.confidence_in(cat), url=s.url, quote=c.quote, section=c.section,
        amended_by=amended,
    )


