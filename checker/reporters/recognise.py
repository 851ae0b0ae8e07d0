"""Is this file a report that checker wrote before? Then `--output` may replace it without
--force, as a linter's `-o` replaces its own report; anything else needs --force.

A report is recognised by what every report of its format has, never by its name:
- JSON: it opens with `report_version` and `"tool": {"name": "checker"`;
- SARIF: it opens with the SARIF 2.1.0 `$schema`, and its first run's driver is `checker`;
- JUnit: `<testsuites name="checker"`, after the XML declaration;
- HTML: its doctype, `<html lang=…>` and `<meta name="generator" content="checker">`;
- GitHub: every line is a workflow command (`::error …`, `::warning …`, `::notice …`);
- text: its last line is the summary, in either language (a `--quiet` text report has no
  summary, so it is recognised only when it is empty);
- an empty file (a clean run in the GitHub format or with --quiet): nothing to lose.

Only the first and the last few KiB of a regular file are read, never a pipe or device.
"""

from __future__ import annotations

import os
import re
import stat
from functools import cache

HEAD = 64 * 1024
TAIL = 4 * 1024

_JSON = re.compile(rb'\A\{\s*"report_version":\s*"[0-9.]+",\s*"tool":\s*\{\s*"name":\s*'
                   rb'"checker"')
_SARIF = re.compile(rb'\A\{\s*"\$schema":\s*"https://json\.schemastore\.org/sarif-2\.1\.0\.json",'
                    rb'\s*"version":\s*"2\.1\.0",\s*"runs":\s*\[\s*\{\s*"tool":\s*\{\s*'
                    rb'"driver":\s*\{\s*"name":\s*"checker"')
_JUNIT = re.compile(rb'\A(<\?xml [^>]*\?>\s*)?<testsuites name="checker"')
# issue 13: the HTML report opens with its doctype, its language and checker's generator mark.
_HTML = re.compile(rb'\A<!DOCTYPE html>\n<html lang="(?:vi|en)">\n<head>\n<meta charset="utf-8">\n'
                   rb'<meta name="generator" content="checker">\n')
_GITHUB_LINE = re.compile(rb"::(error|warning|notice)( [^:\n]*)?::[^\n]*")


@cache
def _summary() -> re.Pattern[str]:
    """The text report's summary line in either language, from its messages."""
    from checker.i18n import MESSAGES, NOUNS

    # Each placeholder is a count, with its noun in either form and language ("1 file",
    # "3 tệp"), or a bare number.
    nouns = sorted({form for forms in NOUNS.values() for pair in forms.values()
                    for form in pair}, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in nouns)
    counted = rf"\d+(?: (?:{alternatives}))?"
    shapes = []
    for key in ("summary", "summary-waived"):
        for text in MESSAGES[key].values():
            parts = re.split(r"\{[a-z]+\}", text)
            shapes.append(counted.join(re.escape(p) for p in parts))
    return re.compile("|".join(f"(?:{s})" for s in shapes))


def looks_like_report(head: bytes, tail: bytes) -> bool:
    """`head`: the file's first bytes; `tail`: its last ones (the whole file if small)."""
    if not head.strip():
        return True
    if _JSON.match(head) or _SARIF.match(head) or _JUNIT.match(head) or _HTML.match(head):
        return True
    whole = len(head) < HEAD
    lines = head.splitlines() if whole else [*head.splitlines()[:-1],
                                              *tail.splitlines()[1:]]
    if all(_GITHUB_LINE.fullmatch(line) for line in lines):
        return True
    last = tail.rstrip(b"\n").rpartition(b"\n")[2]
    try:
        return _summary().fullmatch(last.decode("utf-8")) is not None
    except UnicodeDecodeError:
        return False


def is_report(name: str) -> bool:
    """Does the regular file called `name` hold a report checker wrote?"""
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return False
        head = os.pread(fd, HEAD, 0)
        tail = os.pread(fd, TAIL, max(0, st.st_size - TAIL)) if st.st_size > HEAD else head
    except OSError:
        return False
    finally:
        os.close(fd)
    return looks_like_report(head, tail)
