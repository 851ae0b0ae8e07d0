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

    def label(self, lang: str) -> str:
        text = _place(self.number, lang, self.article, self.clause, self.point, self.section)
        if self.amended_by is None:
            return text
        a = self.amended_by
        by = _place(a.number, lang, a.article, a.clause, a.point, None)
        return f"{text} (sửa đổi bởi {by})" if lang == "vi" else f"{text} (as amended by {by})"


# The checker itself failed on one file (a bug): reported as a finding of that file, the
# other files are still checked, and the run exits 2.
INTERNAL_RULE = "INTERNAL"


@dataclass(frozen=True)
class Amendment:
    """The amending document and the place in it that rewrote a cited article."""

    source: str  # catalog id
    number: str
    article: int | None = None
    clause: int | None = None
    point: str | None = None


def _place(number: str, lang: str, article: int | None, clause: int | None,
           point: str | None, section: str | None) -> str:
    parts: list[str] = []
    if section:
        parts.append(f"mục {section}" if lang == "vi" else f"section {section}")
    if lang == "vi":
        if point:
            parts.append(f"điểm {point}")
        if clause is not None:
            parts.append(f"khoản {clause}")
        if article is not None:
            parts.append(f"Điều {article}")
    else:
        if article is not None:
            parts.append(f"Article {article}")
        if clause is not None:
            parts.append(f"clause {clause}")
        if point:
            parts.append(f"point {point}")
    where = " ".join(parts)
    text = f"{where} {number}" if lang == "vi" else f"{number} {where}"
    return text.strip()


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

    def label(self, lang: str) -> str:
        """"170/2025/NĐ-CP (sửa đổi bởi 300/2026/NĐ-CP)" for an amending decree."""
        if self.amends is None:
            return self.number
        if lang == "vi":
            return f"{self.amends} (sửa đổi bởi {self.number})"
        return f"{self.amends} (as amended by {self.number})"


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
    fail_on: Severity = Severity.ERROR
    lang: str = "vi"
    as_of: str | None = None
    today: str | None = None
    packs: tuple[tuple[str, str], ...] = field(default=())
    rules: tuple[RuleMeta, ...] = field(default=())
    statistics: bool = False  # text output: findings per rule after the files
    quiet: bool = False  # text output: only files with findings, and no summary
    verbose: bool = False  # text output: files without findings too
    width: int = 80  # text output: the columns to lay out at (the terminal's width)

    def count(self, severity: Severity) -> int:
        return sum(f.count(severity) for f in self.files)

    def count_waived(self) -> int:
        return sum(f.count_waived() for f in self.files)

    @property
    def exit_code(self) -> int:
        """0: nothing at or above the fail level; 1: findings at or above it. Waived
        findings never count. 2 when the checker failed on a file (rule INTERNAL): that
        file was not checked, whatever the others say."""
        if any(fd.rule == INTERNAL_RULE for f in self.files for fd in f.findings):
            return 2
        worst = max((fd.severity.rank for f in self.files for fd in f.findings
                     if fd.waived is None), default=0)
        return 1 if worst >= self.fail_on.rank else 0
