"""A warm run shows each file from the lines recorded when it was last shown (issue 15).

Laying a report out (wrapping every message at the width, merging citations) and
reading each file's result back from the result cache were most of a warm run's time:
on 10,000 unchanged files, seconds, where reading the files' answers takes a fraction of
one. So the text and github reports keep, in the cache's index (checker.cacheindex),
what they printed for each file, with the counts the summary and the exit code need,
keyed by

- the result's key (the file's bytes and everything its findings depend on: the code,
  the packs, the options; checker.cache.ResultCache.key),
- the file's label as the report shows it,
- and everything else the lines depend on: the format, the language, the width, quiet
  and verbose.

The first run that shows a file under that key lays it out and records it; the next
writes the recorded lines as they are. Only without colour (what a hook or a pipe
gets; colour goes through rich) and without --statistics (whose table counts per
rule). A missing or unreadable record is laid out again; an answer the result cache no
longer has is checked again. The bytes written are the same either way
(tests/test_rendered.py compares cold, first-warm and warm runs).
"""

from __future__ import annotations

import hashlib
import io
from typing import TYPE_CHECKING

from checker.report import FileReport, Report, Tally

if TYPE_CHECKING:
    from checker.cacheindex import Index
    from checker.files import Skipped
    from checker.runner import Job, Known

FORMATS = ("text", "github")
VERSION = "1"


def usable(fmt: str, color: bool, head: Report) -> bool:
    """Can this run show files from recorded lines?"""
    return fmt in FORMATS and not color and not head.statistics


class Shown:
    """The recorded lines of one run's report (its format and layout)."""

    def __init__(self, index: Index, fmt: str, head: Report) -> None:
        self.index, self.fmt, self.head = index, fmt, head
        self.ctx = hashlib.sha256("\0".join([
            VERSION, index.context, fmt, head.lang, str(head.width), str(head.quiet),
            str(head.verbose)]).encode()).hexdigest()

    def lines(self, known: Known, job: Job) -> tuple[str, Tally] | Skipped:
        """The lines of a file the index answered, and its counts: recorded, or laid out
        (and recorded) from its result."""
        from checker.files import Skipped
        from checker.runner import Known, check_source

        label = known.src.label
        found = self.index.shown(self.ctx, known.key, label)
        if found is not None:
            counts = _counts(found[1:])
            if counts is not None and isinstance(found[0], str):
                return found[0], counts
        assert job.cache is not None
        result = job.cache.get(label, known.key)
        if result is None:  # the result cache no longer has it: checked again
            again = check_source(known.src, job, use_index=False)
            if isinstance(again, Skipped):
                return again
            assert not isinstance(again, Known)
            result = again
        text = self.layout(result)
        counts = Tally.of([result])
        self.index.show(self.ctx, known.key, label, text, _encode(counts))
        return text, counts

    def layout(self, fr: FileReport) -> str:
        from checker.reporters import writer

        buf = io.StringIO()
        writer(self.fmt, self.head, buf, color=False).file(fr)
        return buf.getvalue()

    def flush(self) -> None:
        self.index.flush()


_FIELDS = ("errors", "warnings", "infos", "waived", "worst", "internal")


def _encode(t: Tally) -> tuple[int, ...]:
    return tuple(int(getattr(t, f)) for f in _FIELDS)


def _counts(values: tuple[object, ...]) -> Tally | None:
    """A file's counts as recorded, if they are counts (else None: laid out again)."""
    if not (len(values) == len(_FIELDS) and all(type(v) is int and v >= 0 for v in values)
            and values[5] in (0, 1)):
        return None
    e, w, i, wv, worst, internal = values
    return Tally(files=1, errors=e, warnings=w, infos=i, waived=wv,  # type: ignore[arg-type]
                 worst=worst, internal=bool(internal))  # type: ignore[arg-type]
