"""Results as values: severities, citations, findings and the per-file and whole-run reports.

Nothing here prints. Findings are sorted into file order (line, column) so that output is
deterministic whatever order the rules ran in. A waived finding stays in the report with
the waiver that covers it, but is counted apart and never fails the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Kind(StrEnum):
    """What a finding is: a breach of a rule, a case the law leaves open, a date the rule
    base does not cover, or a problem with the file itself (unreadable, wrong shape)."""

    VIOLATION = "violation"
    UNDECIDABLE = "undecidable"
    NOT_COVERED = "not_covered"
    INPUT = "input"


class Confidence(StrEnum):
    """How sure we are of a source's text (the legal dossier's four-level scale, §0.1).
    High and medium-high may carry an error; medium at most a warning; a rule resting on
    low alone is not encoded."""

    HIGH = "high"
    MEDIUM_HIGH = "medium-high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        return {"low": 1, "medium": 2, "medium-high": 3, "high": 4}[self.value]


@dataclass(frozen=True, order=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class DocKind:
    """The type of a legal document in each language ("Nghị định" / "Decree"), from the
    source catalog's `kind`: a document is named by its type and number."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


def document_name(number: str, kind: DocKind | None, lang: str) -> str:
    """"Nghị định 170/2025/NĐ-CP" / "Decree 170/2025/NĐ-CP": the type in the language, the
    number as issued (a proper name, never translated). The bare number if the type is
    unknown."""
    return f"{kind.get(lang)} {number}" if kind is not None else number


@dataclass(frozen=True)
class Citation:
    """One resolved reference into the source catalog."""

    source: str  # catalog id
    number: str  # document number as printed, e.g. "170/2025/NĐ-CP"
    article: int | None = None
    clause: int | None = None
    point: str | None = None
    confidence: Confidence = Confidence.HIGH
    url: str | None = None
    quote: str | None = None
    section: str | None = None  # a guidance document's section (mục), e.g. "III.1.1"
    # The article as amended: the amending document and the article of it that rewrote
    # the cited one (e.g. NĐ 170 Điều 33 as amended by NĐ 300 Điều 13). The quote is then
    # the amended wording, and the confidence is that of the amending text.
    amended_by: Amendment | None = None
    # The document's type, to name it ("Nghị định 170/…"): derived from the catalog, so
    # not part of a citation's identity (the source and number are).
    kind: DocKind | None = field(default=None, compare=False)

    def label(self, lang: str) -> str:
        """"điểm d khoản 2 Điều 33 Nghị định 170/2025/NĐ-CP" in Vietnamese, "Decree
        170/2025/NĐ-CP, Article 33(2)(d)" in English."""
        text = place(document_name(self.number, self.kind, lang), lang, self.article,
                     self.clause, (self.point,) if self.point else (), self.section)
        if self.amended_by is None:
            return text
        a = self.amended_by
        by = place(document_name(a.number, a.kind, lang), lang, a.article, a.clause,
                   (a.point,) if a.point else (), None)
        return f"{text} (sửa đổi bởi {by})" if lang == "vi" else f"{text} (as amended by {by})"


# The checker itself failed on one file (a bug): reported as a finding of that file, the
# other files are still checked, and the run exits 2.
INTERNAL_RULE = "INTERNAL"

# The tool's own rule ids, beside the law's (each module that emits one names it; a test
# proves they are these). They can be selected, ignored and explained like the law's.
TOOL_RULES: tuple[str, ...] = ("INPUT", "SCHEMA", "CONSISTENCY", "COVERAGE", "WAIVER",
                               INTERNAL_RULE)
# Findings that mean a file was not checked at all: a --select of other ids keeps them,
# so that a file that could not be read never looks clean. Only an explicit --ignore (not
# of INTERNAL) drops them.
UNCHECKED_RULES = frozenset({"INPUT", "SCHEMA", INTERNAL_RULE})


@dataclass(frozen=True)
class Amendment:
    """The amending document and the place in it that rewrote a cited article."""

    source: str  # catalog id
    number: str
    article: int | None = None
    clause: int | None = None
    point: str | None = None
    kind: DocKind | None = field(default=None, compare=False)


def place(name: str, lang: str, article: int | None, clause: int | None,
          points: tuple[str, ...] = (), section: str | None = None) -> str:
    """A place in a named document, in the order each language cites it: "điểm a, b khoản
    2 Điều 34 Nghị định 170/2025/NĐ-CP" (smallest unit first, the document last); "Decree
    170/2025/NĐ-CP, Article 34(2)(a), (b)" (the document first, then the article with its
    clause and points in parentheses). Several points of one clause are one citation."""
    if lang == "vi":
        parts: list[str] = []
        if section:
            parts.append(f"mục {section}")
        if points:
            parts.append("điểm " + ", ".join(points))
        if clause is not None:
            parts.append(f"khoản {clause}")
        if article is not None:
            parts.append(f"Điều {article}")
        return " ".join([*parts, name])
    where: list[str] = []
    if section:
        where.append(f"section {section}")
    marks = "".join(f"({m})" for m in ([str(clause)] if clause is not None else []))
    pts = ", ".join(f"({p})" for p in points)
    if article is not None:
        where.append(f"Article {article}{marks}{pts}")
    else:
        if clause is not None:
            where.append(f"clause {clause}")
        if points:
            where.append(("point " if len(points) == 1 else "points ") + ", ".join(points))
    return ", ".join([name, *where])


@dataclass(frozen=True)
class Waived:
    """The waiver of the case that covers a finding (the first that matches it)."""

    waiver: int  # index in the case's `waivers`
    authority: str  # number of the authorising document, e.g. "12/QĐ-BTC"
    authority_date: str | None  # ISO date of that document (the schema requires it)
    approved_by: str
    reason: str
    expires: str | None  # ISO date, last day valid; None: no expiry
    note: str  # a whole sentence in the report's language, for reporters to show

    @property
    def pointer(self) -> str:
        return f"/waivers/{self.waiver}"


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    kind: Kind
    message: str
    pointer: str
    position: Position | None = None
    rule_version: int | None = None
    cites: tuple[Citation, ...] = ()
    layer: str | None = None
    waived: Waived | None = None

    def sort_key(self) -> tuple[int, int, str, str, str]:
        p = self.position or Position(0, 0)
        return (p.line, p.column, self.pointer, self.rule, self.message)


@dataclass(frozen=True)
class Applied:
    """A regulation applied to a file, per layer, with the date that selected it."""

    layer: str
    source: str
    number: str
    selected_by: str
    date: str
    amends: str | None = None  # number of the document the applied one amends
    # The types of the applied and of the amended document, to name them; derived from
    # the catalog, so not part of the identity.
    kind: DocKind | None = field(default=None, compare=False)
    amends_kind: DocKind | None = field(default=None, compare=False)

    def label(self, lang: str) -> str:
        """"Nghị định 170/2025/NĐ-CP (sửa đổi bởi Nghị định 300/2026/NĐ-CP)" for an
        amending decree; "Quy định 80-QĐ/TW" for one that amends nothing."""
        name = document_name(self.number, self.kind, lang)
        if self.amends is None:
            return name
        old = document_name(self.amends, self.amends_kind, lang)
        if lang == "vi":
            return f"{old} (sửa đổi bởi {name})"
        return f"{old} as amended by {name}"


@dataclass(frozen=True)
class RuleMeta:
    """What a reporter may say about a rule without loading the packs again."""

    id: str
    version: int
    title: str
    explain: str
    severity: Severity
    cites: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class FileReport:
    path: str
    findings: tuple[Finding, ...]
    applied: tuple[Applied, ...] = ()
    procedure: str | None = None
    rules_run: tuple[str, ...] = ()  # the rules evaluated on this file, in id order

    def count(self, severity: Severity) -> int:
        """Findings of this severity that count: waived ones are counted apart."""
        return sum(1 for f in self.findings if f.severity == severity and f.waived is None)

    def count_waived(self) -> int:
        return sum(1 for f in self.findings if f.waived is not None)


@dataclass(frozen=True)
class Report:
    files: tuple[FileReport, ...]
    fail_on: Severity | None = Severity.ERROR  # None: never (--fail-on never, --exit-zero)
    lang: str = "vi"
    as_of: str | None = None
    today: str | None = None
    packs: tuple[tuple[str, str], ...] = field(default=())
    rules: tuple[RuleMeta, ...] = field(default=())
    statistics: bool = False  # text output: findings per rule after the files
    quiet: bool = False  # text output: only files with findings, and no summary
    max_warnings: int | None = None  # exit 1 when more warnings than this (--max-warnings)
    verbose: bool = False  # text output: files without findings too
    width: int = 80  # text output: the columns to lay out at (the terminal's width)
    # HTML output (issue 13): each case's label → the file to read it again from, for the
    # timeline and the checklist; a case read from standard input has none.
    case_files: tuple[tuple[str, str], ...] = field(default=())

    def count(self, severity: Severity) -> int:
        return sum(f.count(severity) for f in self.files)

    def count_waived(self) -> int:
        return sum(f.count_waived() for f in self.files)

    @property
    def exit_code(self) -> int:
        """See Tally.exit_code: the same rule over the files held here."""
        return Tally.of(self.files).exit_code(self.fail_on, self.max_warnings)


@dataclass
class Tally:
    """The running totals of a run: what the summary and the exit code need, counted as
    the files stream past, so that no file's findings are kept once it is written."""

    files: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    waived: int = 0
    worst: int = 0  # the highest rank of a finding that counts (not waived); 0: none
    internal: bool = False  # the checker failed on a file (rule INTERNAL)

    @classmethod
    def of(cls, files: tuple[FileReport, ...] | list[FileReport]) -> Tally:
        tally = cls()
        for fr in files:
            tally.add(fr)
        return tally

    def add(self, fr: FileReport) -> None:
        self.files += 1
        for fd in fr.findings:
            if fd.rule == INTERNAL_RULE:
                self.internal = True
            if fd.waived is not None:
                self.waived += 1
                continue
            if fd.severity == Severity.ERROR:
                self.errors += 1
            elif fd.severity == Severity.WARNING:
                self.warnings += 1
            else:
                self.infos += 1
            self.worst = max(self.worst, fd.severity.rank)

    def merge(self, other: Tally) -> None:
        """Add the counts of another tally (a file's, recorded: checker.rendered)."""
        self.files += other.files
        self.errors += other.errors
        self.warnings += other.warnings
        self.infos += other.infos
        self.waived += other.waived
        self.worst = max(self.worst, other.worst)
        self.internal = self.internal or other.internal

    def count(self, severity: Severity) -> int:
        return {Severity.ERROR: self.errors, Severity.WARNING: self.warnings,
                Severity.INFO: self.infos}[severity]

    def exit_code(self, fail_on: Severity | None, max_warnings: int | None) -> int:
        """0: nothing at or above the fail level (none for "never"), and no more warnings
        than max_warnings; 1 otherwise. Waived findings never count. 2 when the checker
        failed on a file (rule INTERNAL): that file was not checked, whatever the others
        say, and whatever the fail level."""
        if self.internal:
            return 2
        if max_warnings is not None and self.warnings > max_warnings:
            return 1
        if fail_on is None:
            return 0
        return 1 if self.worst >= fail_on.rank else 0
