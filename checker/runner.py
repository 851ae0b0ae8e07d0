"""A run over many files: read, look up the cache, check, store; in parallel workers
when there are enough files to pay for them. Results come back in input order, so the
output does not depend on the number of workers.

Workers are forked where the platform allows (Linux): they inherit the loaded rule
packs and compiled validators, so they start at once. Elsewhere, for small runs, and when
the system will not give a pool its pipes and processes (too many open files), everything
runs in this process.

Results stream (issue 15): `stream` yields each file's result in input order as soon as
it is ready, with a bounded number of chunks under way, so memory does not grow with the
number of files.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import signal
import stat
import sys
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.cache import ResultCache
from checker.files import Skipped, Source, read
from checker.i18n import Lang, t
from checker.loading import INPUT_RULE
from checker.recognise import Verdict, recognise, skipped_by_name
from checker.report import INTERNAL_RULE, FileReport, Finding, Kind, Position, Severity

if TYPE_CHECKING:  # the pipeline and the packs are imported on the first file checked
    from checker.rules.compiled import PackSet
    from checker.rules.engine import Options

MIN_FILES_PER_WORKER = 64  # below this, forking costs more than it saves
AHEAD_PER_WORKER = 4  # chunks submitted ahead of the one the caller waits for, per worker
_OUT_OF_RESOURCES = {errno.EMFILE, errno.ENFILE, errno.EAGAIN, errno.ENOMEM}


class Packs:
    """Rule packs loaded on first use, once per process: a run that the cache's index
    answers whole never loads them (nor the validators). Forked workers inherit them if
    this process loaded them before forking, else each loads them at its first miss.
    A broken pack is a CheckerError from `get`, which ends the run as it would have at
    start."""

    def __init__(self, load: Callable[[], PackSet]) -> None:
        self._load = load
        self._packs: PackSet | None = None

    def get(self) -> PackSet:
        if self._packs is None:
            self._packs = self._load()
        return self._packs

    @property
    def loaded(self) -> bool:
        return self._packs is not None


@dataclass(frozen=True)
class Job:
    packs: PackSet | Packs
    opts: Options
    max_size: int
    cache: ResultCache | None
    # The report can show a file from its recorded lines (checker.rendered): a file the
    # cache's index answers is then given as Known, its result not read here.
    shown: bool = False


@dataclass(frozen=True)
class Known:
    """A file the cache's index answers with the result `key`, not read: the writer shows
    its recorded lines, or reads the result (checker.rendered)."""

    src: Source
    key: str


_JOB: Job | None = None  # set in the parent before forking; workers inherit it


def check_source(src: Source, job: Job, *,
                 use_index: bool = True) -> FileReport | Skipped | Known:
    """The report of one file; Skipped for a file met on the walk that is not a case
    (a file named on the command line that is not a case is an error instead).

    With the cache's index, a file whose size, times, inode and device are those
    recorded (and not racily so) is answered from the result cache without being read;
    otherwise it is stat'ed before it is read, and recorded after."""
    if not src.named and src.path is not None and skipped_by_name(src.path.name):
        return Skipped(src.label, "skip-by-name")
    index = job.cache.index if job.cache is not None else None
    st: os.stat_result | None = None
    since = 0
    if index is not None and job.cache is not None and src.path is not None \
            and src.problem is None and use_index:
        try:
            st = os.stat(src.path)
        except (OSError, ValueError):
            st = None
        if st is not None and not (stat.S_ISREG(st.st_mode) and st.st_size <= job.max_size):
            st = None
        if st is not None:
            known = index.lookup(src.path, st)
            if known is not None and job.shown:
                return Known(src, known)
            if known is not None:
                hit = job.cache.get(src.label, known)
                if hit is not None:
                    return hit
            since = time.time_ns()
    raw = read(src, job.opts.lang, job.max_size)
    if isinstance(raw, Finding):
        return _selected(FileReport(src.label, (raw,)), job.opts)
    seen = recognise(raw)
    if seen.verdict is Verdict.NOT_CASE:
        if not src.named:
            return Skipped(src.label, seen.reason, seen.schema)
        # Named, an object that is not a case is told so; a top level that is not an
        # object at all goes on to the schema, which says what it is instead.
        if seen.reason != "not-case-not-object":
            return _selected(FileReport(
                src.label, (not_a_case(seen.reason, seen.schema, job.opts.lang),)), job.opts)
        st = None  # not a case when met on a walk: never answered by the index
    key = job.cache.key(raw) if job.cache else ""
    if job.cache:
        hit = job.cache.get(src.label, key)
        if hit is not None:
            if index is not None and st is not None and src.path is not None:
                index.record(src.path, st, key, since)
            return hit
    packs = job.packs.get() if isinstance(job.packs, Packs) else job.packs  # may raise
    from checker import pipeline

    try:
        report = pipeline.check_bytes(src.label, raw, packs, job.opts)
    except Exception as e:  # a bug of the checker on this file: the others are checked
        if os.environ.get("CHECKER_DEBUG"):
            raise
        return FileReport(src.label, (internal_error(e, job.opts.lang),))
    stored = job.cache.put(key, report) if job.cache else False
    if stored and index is not None and st is not None and src.path is not None:
        index.record(src.path, st, key, since)
    return report


def _selected(report: FileReport, opts: Options) -> FileReport:
    from checker import pipeline

    return pipeline.selected(report, opts)


def flush(job: Job) -> None:
    """Write what this process recorded in the cache's index."""
    if job.cache is not None and job.cache.index is not None:
        job.cache.index.flush()


def not_a_case(reason: str, schema: str, lang: Lang) -> Finding:
    """A file named on the command line that is JSON but not a case: one error saying
    why, and what a case has (checker.recognise)."""
    from checker.text import printable

    return Finding(INPUT_RULE, Severity.ERROR, Kind.INPUT,
                   t(reason, lang, schema=printable(schema)), "", Position(1, 1))


def internal_error(e: Exception, lang: Lang) -> Finding:
    detail = f"{type(e).__name__}: {e}"
    if len(detail) > 300:
        detail = detail[:299] + "…"
    return Finding(rule=INTERNAL_RULE, severity=Severity.ERROR, kind=Kind.INPUT,
                   message=t("internal-file", lang, detail=detail), pointer="")


def _work(chunk: Sequence[Source]) -> list[FileReport | Skipped | Known]:
    assert _JOB is not None
    try:
        return [check_source(src, _JOB) for src in chunk]
    finally:
        flush(_JOB)


def _sequential(sources: Sequence[Source],
                job: Job) -> Iterator[FileReport | Skipped | Known]:
    try:
        yield from (check_source(s, job) for s in sources)
    finally:
        flush(job)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


def _worker_start(parent: int) -> None:
    """A worker keeps Ctrl-C and SIGTERM blocked, so it cannot be ended by them: it ends
    when this process is gone for any reason (even SIGKILL, or the OOM killer), instead of
    waiting for work for ever."""
    import ctypes

    pr_set_pdeathsig = 1
    with contextlib.suppress(OSError, AttributeError):  # not Linux's libc: no such call
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # gone before the request took hold
        os._exit(1)


def run(sources: Sequence[Source], job: Job,
        jobs: int) -> list[FileReport | Skipped | Known]:
    """Every result at once (see stream)."""
    with contextlib.closing(stream(sources, job, jobs)) as results:
        return list(results)


def stream(sources: Sequence[Source], job: Job,
           jobs: int) -> Generator[FileReport | Skipped | Known, None, None]:
    """The results, one per source, in input order, each as soon as it and those before
    it are done: the caller writes them as they come and keeps none. At most a few
    chunks per worker are under way or done ahead of the caller, so a slow reader of the
    output holds the workers back instead of letting results pile up in memory.

    Close the iterator (contextlib.closing) if it is not run to its end: the chunks not
    started are cancelled."""
    workers = min(jobs, len(sources) // MIN_FILES_PER_WORKER)
    stdin = getattr(sources, "stdin", None)  # files.Sources knows without a look at each
    if stdin is None:
        stdin = any(s.path is None for s in sources)
    if workers < 2 or sys.platform != "linux" or stdin:
        yield from _sequential(sources, job)
        return

    import multiprocessing  # only when forking: a one-file check does not pay for it
    from concurrent.futures import Future, ProcessPoolExecutor

    global _JOB
    _JOB = job
    # Small chunks: a run asked to stop waits for the chunks already under way.
    size = max(1, min(32, len(sources) // (workers * 8)))
    starts = iter(range(0, len(sources), size))
    ahead = workers * AHEAD_PER_WORKER
    # Workers are forked with Ctrl-C and SIGTERM blocked, and keep them blocked: only
    # this process handles them. A worker must not die at a signal sent to the whole
    # process group (as a service manager sends it), nor print a traceback from the
    # handler it inherited; the executor's own shutdown ends it once its chunk is done.
    # A signal that arrives here meanwhile stays pending and is delivered the moment it
    # is unblocked: never lost.
    executor: ProcessPoolExecutor | None = None
    pending: deque[Future[list[FileReport | Skipped | Known]]] = deque()
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        # Every worker is forked at the first submit (the "fork" context starts them all
        # at once), while the signals are blocked and _JOB is set.
        executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                       initializer=_worker_start, initargs=(os.getpid(),))
        for start in itertools.islice(starts, ahead):
            pending.append(executor.submit(_work, sources[start:start + size]))
    except OSError as e:
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
        # Workers started before the error wait for work that will never come, and the
        # interpreter would wait for them at exit: end them. They are this process's
        # only children from multiprocessing.
        for child in multiprocessing.active_children():
            child.kill()
            child.join()
        _JOB = None
        if e.errno not in _OUT_OF_RESOURCES:
            raise
        # Too many open files or processes for the workers (`ulimit -n`, `ulimit -u`):
        # the same work in this process gives the same report, only slower.
        yield from _sequential(sources, job)
        return
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    _JOB = None  # the workers have it; this process does not need it
    try:
        while pending:
            done = pending.popleft().result()
            following = next(starts, None)
            if following is not None:
                pending.append(executor.submit(_work, sources[following:following + size]))
            yield from done
            del done
    except BaseException:
        # Ctrl-C, SIGTERM, a failure, or the caller stopped early (GeneratorExit):
        # nothing more is started; the chunks under way end with their workers when the
        # interpreter exits. The futures are cancelled here, not left to the executor's
        # thread: once this frame unwinds the executor may be collected before that
        # thread has read the request, and a thread that finds no executor runs every
        # chunk still queued (half a long run, after a SIGTERM).
        for f in pending:
            f.cancel()
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown(wait=True)
