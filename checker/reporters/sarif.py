"""SARIF 2.1.0 for code-scanning dashboards.

Stable ruleIds (the rule ids), rule descriptions with their citations, a region from the
source map (line and column in Unicode code points), and a partial fingerprint from the
rule and the JSON pointer, which survives reformatting of the file. A waived finding is
a result with an external suppression (accepted, with the waiver's authority and reason as
its justification), which code-scanning dashboards show as dismissed.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from typing import Any, TextIO
from urllib.parse import quote

from checker import __version__
from checker.i18n import Lang
from checker.report import FileReport, Finding, Report, RuleMeta, Severity, Tally
from checker.reporters import dumps, path_bytes, render_with

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
TOOL_RULES: dict[str, dict[Lang, str]] = {
    "INPUT": {
        "vi": "Không đọc được tệp như một hồ sơ (bảng mã, cú pháp JSON, kích thước, quyền "
        "truy cập).",
        "en": "The file cannot be read as a case (encoding, JSON syntax, size, access).",
    },
    "SCHEMA": {
        "vi": "Hồ sơ không khớp với lược đồ schemas/case.schema.json.",
        "en": "The case does not match schemas/case.schema.json.",
    },
    "COVERAGE": {
        "vi": "Chưa có quy tắc nào được mã hóa cho ngày hoặc loại của hồ sơ này; hồ sơ chưa "
        "được kiểm tra.",
        "en": "No rules are encoded for this case's date or kind; it was not checked.",
    },
    "WAIVER": {
        "vi": "Một miễn trừ của hồ sơ không rõ quy tắc, đã hết hạn hoặc không miễn trừ gì.",
        "en": "A waiver of the case is unknown, expired or waives nothing.",
    },
    "CONSISTENCY": {
        "vi": "Các ngày hoặc con số trong hồ sơ mâu thuẫn với nhau (ví dụ ngày sinh sau một "
        "việc của hồ sơ).",
        "en": "Dates or counts of the case contradict each other (e.g. born after an act).",
    },
    "INTERNAL": {
        "vi": "Checker gặp lỗi nội bộ với tệp này nên tệp chưa được kiểm tra; mã thoát 2.",
        "en": "The checker failed on this file (a bug); it was not checked. Exit code 2.",
    },
}
TOOL: dict[Lang, str] = {
    "vi": "Kiểm tra hồ sơ công tác cán bộ theo quy định hiện hành.",
    "en": "Checks personnel-procedure case files against the regulations in force.",
}
SOURCE: dict[Lang, str] = {"vi": "Căn cứ", "en": "Source"}


def fingerprint(f: Finding) -> str:
    return hashlib.sha256(f"{f.rule}\0{f.pointer}".encode()).hexdigest()[:32]


def uri(path: str) -> str:
    """A relative URI reference for a path: its bytes percent-encoded, so a file name that
    is not UTF-8 is still a valid URI that names exactly that file."""
    return quote(path_bytes(path.replace("\\", "/")), safe="/:._-~")


def _rule(meta: RuleMeta, lang: Lang) -> dict[str, Any]:
    cites = "; ".join(c.label(lang) for c in meta.cites)
    return {
        "id": meta.id,
        "name": meta.id.title().replace("-", ""),
        "shortDescription": {"text": meta.title},
        "fullDescription": {"text": meta.explain},
        "help": {"text": f"{meta.explain}\n\n{SOURCE[lang]}: {cites}" if cites
                 else meta.explain},
        "defaultConfiguration": {"level": LEVELS[meta.severity]},
        "properties": {
            "version": meta.version,
            "citations": [
                {"source": c.source, "number": c.number, "label": c.label(lang),
                 **({"amended_by": c.amended_by.number} if c.amended_by else {}),
                 "confidence": str(c.confidence)} for c in meta.cites
            ],
        },
    }


def _result(path: str, f: Finding, index: dict[str, int], lang: str) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": uri(path)}}
    if f.position:
        location["region"] = {"startLine": f.position.line, "startColumn": f.position.column}
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVELS[f.severity],
        "kind": "fail" if f.kind in ("violation", "input") else "review",
        "message": {"text": f.message},
        "locations": [{
            "physicalLocation": location,
            "logicalLocations": [{"fullyQualifiedName": f.pointer or "/", "kind": "member"}],
        }],
        "partialFingerprints": {"rulePointer/v1": fingerprint(f)},
    }
    if f.cites:
        out["properties"] = {"citations": [c.label(lang) for c in f.cites]}
    if f.waived:
        out["suppressions"] = [{
            "kind": "external",
            "status": "accepted",
            "justification": f.waived.note,
            "properties": {"waiver": f.waived.pointer, "authority": f.waived.authority},
        }]
    return out


def _known_rules(report: Report, lang: Lang) -> list[dict[str, Any]]:
    return [
        {"id": rid, "shortDescription": {"text": text[lang]},
         "fullDescription": {"text": text[lang]},
         "defaultConfiguration": {"level": "error" if rid != "COVERAGE" else "warning"}}
        for rid, text in TOOL_RULES.items()
    ] + [_rule(m, lang) for m in report.rules]


def _document(lang: Lang, rules: list[dict[str, Any]], results: Any) -> dict[str, Any]:
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "checker",
                "shortDescription": {"text": TOOL[lang]},
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }},
            # The language of the run's texts (SARIF 2.1.0 §3.14.21; default en-US).
            "language": "vi-VN" if lang == "vi" else "en-US",
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{"executionSuccessful": True}],
        }],
    }


def _lang(report: Report) -> Lang:
    return "en" if report.lang == "en" else "vi"


def document(report: Report) -> dict[str, Any]:
    lang = _lang(report)
    rules = _known_rules(report, lang)
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for fr in report.files:
        for f in fr.findings:
            if f.rule not in index:  # a rule from no known pack: describe it minimally
                index[f.rule] = len(rules)
                rules.append({"id": f.rule})
            results.append(_result(fr.path, f, index, report.lang))
    return _document(lang, rules, results)


_LEVEL = 4  # the nesting level of a result in the document (runs[0].results[i])


class Writer:
    """The document of `document`, byte for byte, without holding the results. The
    rules come before the results, and a finding of a rule that no pack describes adds
    one, so the results are written to a temporary file (the spool) as they arrive;
    at the end the head with the whole rule list is written, then the spool is copied
    after it, then the tail. Memory holds one file's results and the rule list."""

    def __init__(self, head: Report, out: TextIO, *, color: bool = False) -> None:
        import tempfile

        self.head, self.out, self.lang = head, out, _lang(head)
        self.rules = _known_rules(head, self.lang)
        self.index = {r["id"]: i for i, r in enumerate(self.rules)}
        # surrogatepass: a message keeps exactly the characters it had, for `out` to
        # encode as it would have
        self.spool = tempfile.TemporaryFile(  # noqa: SIM115 (closed by close)
            "w+", encoding="utf-8", errors="surrogatepass",
            prefix="checker-sarif-")
        self.any = False

    def file(self, fr: FileReport) -> None:
        for f in fr.findings:
            if f.rule not in self.index:  # a rule from no known pack: described minimally
                self.index[f.rule] = len(self.rules)
                self.rules.append({"id": f.rule})
            result = _result(fr.path, f, self.index, self.head.lang)
            self.spool.write(",\n" if self.any else "\n")
            self.spool.write("  " * _LEVEL + dumps(result, _LEVEL))
            self.any = True

    def close(self, tally: Tally) -> None:
        marker = f"@results-{secrets.token_hex(16)}@"
        whole = dumps(_document(self.lang, self.rules, marker), 0)
        before, after = whole.split(json.dumps(marker), 1)
        try:
            self.out.write(before)
            if not self.any:
                self.out.write("[]")
            else:
                self.out.write("[")
                self.spool.seek(0)
                while chunk := self.spool.read(1 << 14):
                    self.out.write(chunk)
                self.out.write("\n" + "  " * (_LEVEL - 1) + "]")
            self.out.write(after + "\n")
        finally:
            self.spool.close()


def render(report: Report, out: TextIO, *, color: bool = False) -> None:
    render_with(Writer, report, out, color)
