"""The fuzzing target, shared by the hypothesis fuzz tests (tests/test_fuzz.py), the
replay of fuzz artifacts (tests/test_hostile.py) and the atheris harness
(tests/fuzz/fuzz_check.py): one file's bytes through the whole pipeline and every
output format, with the invariants any input must keep.

Nothing here may raise for any input: check_bytes turns every problem with a file into
findings. An exception, or a broken invariant (AssertionError), is a bug.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache

from checker.i18n import Lang
from checker.pipeline import check_bytes
from checker.report import FileReport, Report, Severity
from checker.reporters import FORMATS, get
from checker.rules.engine import Options, rule_meta
from checker.rules.pack import Pack, builtin_packs


@cache
def packs() -> tuple[Pack, ...]:
    return builtin_packs()


@cache
def _meta(lang: Lang) -> tuple[object, ...]:
    return tuple(rule_meta(packs(), lang))


def _no_constant(name: str) -> object:
    raise AssertionError(f"{name} in JSON output")


# Bugs found and not yet fixed, each tracked by strict xfail tests in tests/test_hostile.py.
# The fuzzers set aside the inputs that hit one, so as to look for new bugs; the replay of
# fixtures/hostile/fuzz/ does not. Remove an entry with its fix.
KNOWN_BUGS: dict[str, Callable[[FileReport], bool]] = {}


def known_bug(fr: FileReport) -> str | None:
    return next((why for why, hit in KNOWN_BUGS.items() if hit(fr)), None)


def check_and_render(raw: bytes, path: str = "case.json", *, lang: Lang = "vi",
                     as_of: dt.date | None = None, skip_known: bool = False
                     ) -> FileReport | None:
    """check_bytes, then a report rendered in every format; asserts the invariants.
    With skip_known, an input that hits a known bug is set aside (None)."""
    fr = check_bytes(path, raw, packs(), Options(lang=lang, as_of=as_of))
    assert isinstance(fr, FileReport) and fr.path == path
    if skip_known and known_bug(fr):
        return None
    for f in fr.findings:
        assert f.rule and isinstance(f.rule, str), f
        assert f.message.strip().endswith("."), f.message  # a whole sentence
        assert f.pointer == "" or f.pointer.startswith("/"), f.pointer
        assert f.position is None or (f.position.line >= 1 and f.position.column >= 1)
    keys = [f.sort_key() for f in fr.findings]
    assert keys == sorted(keys)
    report = Report(files=(fr,), fail_on=Severity.ERROR, lang=lang,
                    as_of=as_of.isoformat() if as_of else None,
                    packs=tuple((p.id, p.version) for p in packs()),
                    rules=_meta(lang))  # type: ignore[arg-type]
    assert report.exit_code in (0, 1)
    for fmt in FORMATS:
        out = io.StringIO()
        get(fmt)(report, out, color=False)
        text = out.getvalue()
        text.encode("utf-8")  # no lone surrogate reaches the output
        if fmt not in ("json", "sarif"):  # JSON escapes them; nothing else may carry them
            raw = [c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"]
            assert not raw, f"{fmt} output carries control characters {raw!r}"
        if fmt in ("json", "sarif"):
            json.loads(text, parse_constant=_no_constant)
        elif fmt == "junit":
            ET.fromstring(text)  # our own output, not untrusted XML
    return fr
