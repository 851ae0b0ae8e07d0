"""A run over many files: read, look up the cache, check, store; in parallel workers
when there are enough files to pay for them. Results come back in input order, so the
output does not depend on the number of workers.

Workers are forked where the platform allows (Linux): they inherit the loaded rule
packs and compiled validators, so they start at once. Elsewhere, for small runs, and when
the system will not give a pool its pipes and processes (too many open files), everything
runs in this process.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker import pipeline
from checker.cache import ResultCache
from checker.files import Source, read
from checker.report import FileReport, Finding
from checker.rules.engine import Options
from checker.rules.pack import Pack

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

MIN_FILES_PER_WORKER = 64  # below this, forking costs more than it saves
_OUT_OF_RESOURCES = {errno.EMFILE, errno.ENFILE, errno.EAGAIN, errno.ENOMEM}


@dataclass(frozen=True)
class Job:
    packs: tuple[Pack, ...]
    opts: Options
    max_size: int
    cache: ResultCache | None


_JOB: Job | None = None  # set in the parent before forking; workers inherit it


def check_source(src: Source, job: Job) -> FileReport:
    raw = read(src, job.opts.lang, job.max_size)
    if isinstance(raw, Finding):
        return FileReport(src.label, (raw,))
    key = job.cache.key(raw) if job.cache else ""
    if job.cache:
        hit = job.cache.get(src.label, key)
        if hit is not None:
            return hit
    report = pipeline.check_bytes(src.label, raw, job.packs, job.opts)
    if job.cache:
        job.cache.put(key, report)
    return report


def _work(src: Source) -> FileReport:
    assert _JOB is not None
    return check_source(src, _JOB)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


def _worker_start() -> None:
    # A worker ends quietly on SIGTERM (the default action), which is how the pool is
    # ended: never the parent's handler, which would unwind with a traceback in each.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


def _pool(workers: int) -> Pool | None:
    """A pool of forked workers, or None if the system will not give it the pipes and
    processes it needs."""
    import multiprocessing  # only when forking: a one-file check does not pay for it

    try:
        return multiprocessing.get_context("fork").Pool(workers, initializer=_worker_start)
    except OSError as e:
        if e.errno in _OUT_OF_RESOURCES:
            return None
        raise


def run(sources: Sequence[Source], job: Job, jobs: int) -> list[FileReport]:
    workers = min(jobs, len(sources) // MIN_FILES_PER_WORKER)
    if workers < 2 or sys.platform != "linux" or any(s.path is None for s in sources):
        return [check_source(s, job) for s in sources]

    global _JOB
    _JOB = job
    # Workers are forked with Ctrl-C and SIGTERM blocked. They keep Ctrl-C blocked, so
    # only this process handles it (no traceback from each worker), and take SIGTERM's
    # default action once started. A signal that arrives meanwhile stays pending here and
    # is delivered the moment it is unblocked: never lost.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        pool = _pool(workers)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    if pool is None:
        # Too many open files or processes for a pool (`ulimit -n`, `ulimit -u`): the
        # same work in this process gives the same report, only slower.
        _JOB = None
        return [check_source(s, job) for s in sources]
    try:
        chunk = max(1, min(256, len(sources) // (workers * 8)))
        # get() with a timeout, not map(): a plain wait would not see Ctrl-C promptly
        results: list[FileReport] = pool.map_async(_work, sources, chunksize=chunk).get(
            timeout=7 * 24 * 3600)
    except BaseException:
        pool.terminate()  # Ctrl-C, SIGTERM or a failure: end the workers now
        pool.join()
        raise
    finally:
        _JOB = None
    pool.close()
    pool.join()
    return results
