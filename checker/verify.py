"""`checker verify PACK`: is a rule pack fit to use?

A pack passes when it loads, by the same validation as `check --rules` (its size and
shape within limits; its schema; every citation resolves in the built-in catalog plus the
pack's own sources, belongs to the pack's layer and is in force when its rule applies;
every cover lies within its source's period in force; no two versions of a rule overlap
in time; ids are unique, also against the built-in packs) and every example case of every
rule gets, from that rule, the verdict the pack expects. A `last_verified` date more than
a year before `today` is a warning: the law may have moved on. Rules without examples are
noted.

Each error is one line that names the pack file and, where there is one, the rule. Nothing
here prints or exits: the CLI prints a VerifyResult and exits with its exit_code (2 when
there is any error, else 0; warnings and notes never fail).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from checker import files
from checker.errors import RulePackError
from checker.i18n import Lang, fmt_date, t
from checker.light import Case
from checker.loading import Document, load
from checker.model import as_read, validate_case
from checker.pipeline import check_bytes
from checker.report import Finding, Kind
from checker.rules.engine import Options, selected, version_in_force
from checker.rules.pack import (
    BUILTIN_PACKS,
    Example,
    Pack,
    Rule,
    builtin_packs,
    validate_pack,
)

STALE_AFTER = dt.timedelta(days=365)

Verdict = Literal["pass", "violation", "undecidable"]


@dataclass(frozen=True)
class VerifyResult:
    pack: str  # the pack file, as named
    errors: tuple[str, ...] = ()  # one line each; any error means the pack must not be used
    warnings: tuple[str, ...] = ()  # worth acting on, but the pack may be used
    notes: tuple[str, ...] = ()  # for information only
    examples: int = 0  # example cases that were run

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def exit_code(self) -> int:
        return 2 if self.errors else 0


def verify(path: Path, today: dt.date, lang: Lang = "en") -> VerifyResult:
    """Verify the rule pack at `path` as of `today`.

    A pack that does not load gives exactly one error and no further checks: the first
    problem, found by the very validation `check --rules` runs (validate_pack), so that a
    pack verify accepts is one check accepts. A broken built-in catalog or pack is not a
    problem of this pack: its CheckerError propagates."""
    origin = path.as_posix()
    others = _other_packs(path)
    own = len(others) < len(builtin_packs())  # a built-in pack file, verified in place
    try:
        pack = validate_pack(path, others, continues=own, lang=lang)
    except RulePackError as e:
        return VerifyResult(origin, errors=(_one_line(str(e)),))

    warnings: list[str] = []
    if today - pack.last_verified > STALE_AFTER:
        warnings.append(t("verify-stale", lang, pack=origin,
                          verified=fmt_date(pack.last_verified, lang),
                          today=fmt_date(today, lang)))
    bare = [_name(pack, r, lang) for r in pack.rules if not r.examples]
    notes = [t("verify-no-examples", lang, pack=origin, count=len(bare),
               total=len(pack.rules), rules=", ".join(bare))] if bare else []

    packs = (*others, pack)
    errors: list[str] = []
    run = 0
    for rule in pack.rules:
        for ex in rule.examples:
            run += 1
            problem = _check_example(path, pack, rule, ex, packs, lang)
            if problem is not None:
                errors.append(_one_line(problem))
    return VerifyResult(origin, tuple(errors), tuple(warnings), tuple(notes), run)


def _other_packs(path: Path) -> tuple[Pack, ...]:
    """The built-in packs, less the one read from `path` (verifying a built-in pack file
    must not find its own rules twice)."""
    names = sorted(BUILTIN_PACKS.glob("*.toml"))
    packs = builtin_packs()
    return tuple(p for f, p in zip(names, packs, strict=True) if not _same_file(f, path))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _name(pack: Pack, rule: Rule, lang: Lang = "en") -> str:
    versions = sum(1 for r in pack.rules if r.id == rule.id)
    return rule.id if versions == 1 else t("verify-version-name", lang, rule=rule.id,
                                            version=rule.version)


def _check_example(path: Path, pack: Pack, rule: Rule, ex: Example,
                   packs: tuple[Pack, ...], lang: Lang = "en") -> str | None:
    """Run one example with the built-in packs and this one; None if the rule gives the
    expected verdict, else what is wrong (in `lang`)."""
    where = t("verify-where", lang, pack=path.as_posix(), rule=_name(pack, rule, lang),
              case=ex.case)
    file = path.parent / ex.case
    raw = files.read(files.Source(file.as_posix(), file), lang)
    if isinstance(raw, Finding):
        return t("verify-unreadable", lang, where=where, reason=raw.message)
    report = check_bytes(file.as_posix(), raw, packs, Options(lang=lang))
    bad = [f for f in report.findings if f.kind is Kind.INPUT]
    if bad:
        return t("verify-invalid", lang, where=where, reason=bad[0].message,
                 at=_at(bad[0], lang))
    if rule.id not in report.rules_run:
        return t("verify-not-run", lang, where=where)
    doc = load(file.as_posix(), raw, lang)
    assert isinstance(doc, Document)  # check_bytes found no input problem
    version = _version_run(as_read(validate_case(doc.data)), pack, rule)
    if version is not None and version[0] != rule.version:
        return t("verify-other-version", lang, where=where, date=version[1],
                 chosen=version[0], version=rule.version)
    mine = [f for f in report.findings if f.rule == rule.id]
    got = _verdict(mine)
    if got == ex.expect:
        return None
    if got == "pass":
        return t("verify-expects-finds-nothing", lang, where=where, expect=ex.expect)
    first = next(f for f in mine if f.kind is (Kind.VIOLATION if got == "violation"
                                                 else Kind.UNDECIDABLE))
    key = "verify-expects-violation" if got == "violation" else "verify-expects-undecidable"
    return t(key, lang, where=where, expect=ex.expect, at=_at(first, lang),
             message=first.message)


def _version_run(case: Case, pack: Pack, rule: Rule) -> tuple[int, str] | None:
    """(number, "date (pointer)") of the rule's version selected by the case's date,
    chosen the way the engine chooses it."""
    versions = [r for r in pack.rules if r.id == rule.id]
    found = selected(case, versions[0].selected_by, Options())
    chosen = version_in_force(versions, found[0]) if found is not None else None
    if found is None or chosen is None:
        return None
    return chosen.version, f"{found[0].isoformat()} ({found[1]})"


def _verdict(findings: list[Finding]) -> Verdict:
    kinds = {f.kind for f in findings}
    if Kind.VIOLATION in kinds:
        return "violation"
    if Kind.UNDECIDABLE in kinds:
        return "undecidable"
    return "pass"


def _at(f: Finding, lang: Lang = "en") -> str:
    if not f.pointer and f.position is None:
        return ""
    if f.position is not None:
        return t("verify-at-line", lang, pointer=f.pointer or "/", line=f.position.line)
    return t("verify-at", lang, pointer=f.pointer or "/")


def _one_line(text: str) -> str:
    """Values quoted from a case or pack may hold line breaks; a message never does."""
    return " ".join(text.split())
