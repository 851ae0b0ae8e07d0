"""A run over many files: read, look up the cache, check, store; in parallel workers
when there are enough files to pay for them. Results come back in input order, so the
output does not depend on the number of workers.

Workers are forked where the platform allows (Linux): they inherit the loaded rule
packs and compiled validators, so they start at once. Elsewhere, and for small runs,
everything runs in this process.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from checker import pipeline
from checker.cache import ResultCache
from checker.files import Source, read
from checker.report import FileReport, Finding
from checker.rules.engine import Options
from checker.rules.pack import Pack

MIN_FILES_PER_WORKER = 64  # below this, forking costs more than it saves


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


def run(sources: Sequence[Source], job: Job, jobs: int) -> list[FileReport]:
    workers = min(jobs, len(sources) // MIN_FILES_PER_WORKER)
    if workers < 2 or sys.platform != "linux" or any(s.path is None for s in sources):
        return [check_source(s, job) for s in sources]
    import multiprocessing  # only when forking: a one-file check does not pay for it
    import signal

    global _JOB
    _JOB = job
    # Workers are forked with Ctrl-C blocked, and keep it blocked, so only this process
    # handles it (no traceback from each worker). A Ctrl-C that arrives meanwhile stays
    # pending here and is delivered the moment it is unblocked: never lost.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool = multiprocessing.get_context("fork").Pool(workers)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        chunk = max(1, min(256, len(sources) // (workers * 8)))
        # get() with a timeout, not map(): a plain wait would not see Ctrl-C promptly
        results: list[FileReport] = pool.map_async(_work, sources, chunksize=chunk).get(
            timeout=7 * 24 * 3600)
    except BaseException:
        pool.terminate()  # Ctrl-C or a failure: end the workers now
        pool.join()
        raise
    finally:
        _JOB = None
    pool.close()
    pool.join()
    return results
