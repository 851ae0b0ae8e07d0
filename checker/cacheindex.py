"""The cache's index (issue 15): one SQLite file in the cache's folder that remembers, for
each case file checked, the key of its result, with what the file system said of the
file then (size, modification and change times in nanoseconds, inode and device). A
run that finds a file as it was answers from the result cache without reading or
hashing the file, and without loading the rule packs or the validators: those are
loaded on the first file the index cannot answer (checker.runner.Packs).

The index is keyed by a context that stands for everything a result depends on besides
the file's bytes, computed without loading anything (`context`): the checker's own code
and data (cache.code_fingerprint, which covers the built-in packs and the source
catalog), the bytes of every pack added with --rules, and the options that change
findings (language, --as-of, --today, --select, --ignore). It is invalidated by the same
things as the result cache, and the result it points to must still pass the result
cache's own check (an entry answers only its key).

What it guarantees (it is only an accelerator):

- Never stale by a timestamp's coarseness (git's "racily clean" problem): a row is
  trusted only if the file's modification time is older than the moment it was
  recorded by more than RACY_NS (its change time must be the recorded one too, so a
  modification time set back by hand is a change). A file changed within the same tick as it was
  read looks unchanged to stat, so such rows are re-verified by reading and hashing the
  file, and recorded again (they become trusted once the file has aged).
- Never a crash and never a wrong answer from the index itself: a corrupt or locked
  index, or one that cannot be written, is a miss (the file is read and checked as
  without it); a corrupt file is removed so that the next run starts a new one.
- Safe for concurrent runs (two pre-commit hooks at once): WAL journal and a busy
  timeout; a write that still finds the index locked is dropped, never waited on for
  long. Each process opens its own connection (a forked worker never uses its parent's).
- Within the cache's size cap (cache.prune counts it), removed by `checker cache clean`.

It also keeps, beside the files' rows, what the text and github reports printed for a
file (`shown`/`show`): keyed by a result's key, the file's label and everything the
lines depend on (checker.rendered), with the counts the summary and the exit code need.
A warm run then writes those lines as they are instead of reading the result and laying
it out again, which was most of its time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
import time
from pathlib import Path
from typing import Any

NAME = "index.sqlite3"
FILES = (NAME, NAME + "-wal", NAME + "-shm")  # the index and SQLite's files beside it
VERSION = 1
# A row is trusted only if the file was last changed more than this before the row was
# recorded: above the coarsest timestamps in use (FAT: 2 s; most others: 1 s or finer).
RACY_NS = 2_000_000_000
BUSY_MS = 2000  # how long a write waits for another run's lock before giving up
BATCH = 256  # rows written per transaction

_INHERITED: list[sqlite3.Connection] = []  # a parent's connections, never used or closed


def context(code: str, packs: tuple[Path, ...], options: dict[str, Any]) -> str | None:
    """The index's context: the checker's code fingerprint, the added packs' paths and
    bytes, the options; None if an added pack cannot be read (no index then: loading it
    will say what is wrong)."""
    h = hashlib.sha256(f"index {VERSION}\0{code}\0".encode())
    for p in packs:
        data = _pack_bytes(p)
        if data is None:
            return None
        h.update(os.fsencode(os.path.abspath(p)) + b"\0")
        h.update(hashlib.sha256(data).digest())
    h.update(json.dumps(options, sort_keys=True).encode())
    return h.hexdigest()[:32]


MAX_PACK = 16 << 20  # bytes read of an added pack to hash it; a larger one: no index


def _pack_bytes(path: Path) -> bytes | None:
    """The bytes of an added pack if it is a regular file of at most MAX_PACK bytes,
    else None. A fifo or device is never read (it could block): loading the pack says
    what is wrong with it."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_PACK:
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(MAX_PACK + 1)
        return data if len(data) <= MAX_PACK else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _signed(n: int) -> int:
    """An unsigned 64-bit number (an inode, a device) as SQLite's signed integer."""
    n &= (1 << 64) - 1
    return n - (1 << 64) if n >= 1 << 63 else n


def _facts(st: os.stat_result) -> tuple[int, int, int, int, int]:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, _signed(st.st_ino),
            _signed(st.st_dev))


class Index:
    def __init__(self, folder: Path, context: str) -> None:
        self.folder, self.context = folder, context
        self._conn: sqlite3.Connection | None = None
        self._pid = -1
        self._broken = False
        self._pending: list[tuple[Any, ...]] = []
        self._shown: list[tuple[Any, ...]] = []

    def _connection(self, create: bool) -> sqlite3.Connection | None:
        if self._broken:
            return None
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        if self._conn is not None:  # forked: SQLite must not use it here, nor close it
            _INHERITED.append(self._conn)
            self._conn, self._pending, self._shown = None, [], []
        path = self.folder / NAME
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            st = None
        except OSError:
            self._broken = True
            return None
        if st is None and not create:
            return None
        if st is not None and not stat.S_ISREG(st.st_mode):  # a link, fifo, folder: not ours
            self._broken = True
            return None
        for attempt in (1, 2):
            try:
                conn = self._open(path)
            except sqlite3.DatabaseError as e:
                if attempt == 1 and not isinstance(e, sqlite3.OperationalError):
                    _discard(self.folder)  # not a database (any more): start a new one
                    continue
                self._broken = True
                return None
            except (sqlite3.Error, OSError):
                self._broken = True
                return None
            self._conn, self._pid = conn, os.getpid()
            return conn
        return None

    def _open(self, path: Path) -> sqlite3.Connection:
        if not self.folder.is_dir():
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            with contextlib.suppress(sqlite3.OperationalError):  # another run holds it
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS files_v1 (context TEXT NOT NULL, path BLOB NOT "
                "NULL, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, ino INTEGER, dev "
                "INTEGER, key TEXT, recorded_ns INTEGER, PRIMARY KEY (context, path)) "
                "WITHOUT ROWID")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS shown_v1 (ctx TEXT NOT NULL, key TEXT NOT NULL, "
                "label BLOB NOT NULL, text TEXT, errors INTEGER, warnings INTEGER, infos "
                "INTEGER, waived INTEGER, worst INTEGER, internal INTEGER, "
                "PRIMARY KEY (ctx, key, label)) WITHOUT ROWID")
        except BaseException:
            conn.close()
            raise
        return conn

    def lookup(self, path: Path, st: os.stat_result) -> str | None:
        """The result key recorded for this file if the file is as it was then and the
        row is not racy; else None (read, hash and check the file)."""
        conn = self._connection(create=False)
        if conn is None:
            return None
        try:
            row = conn.execute(
                "SELECT size, mtime_ns, ctime_ns, ino, dev, key, recorded_ns FROM files_v1 "
                "WHERE context = ? AND path = ?",
                (self.context, os.fsencode(os.path.abspath(path)))).fetchone()
        except sqlite3.Error:
            return None
        if row is None or tuple(row[:5]) != _facts(st):
            return None
        key, recorded = row[5], row[6]
        if not (isinstance(key, str) and isinstance(recorded, int)):
            return None
        if recorded - st.st_mtime_ns <= RACY_NS:
            return None  # changed too close to when it was read: verify it
        return key

    def record(self, path: Path, st: os.stat_result, key: str, recorded_ns: int) -> None:
        """Remember that the file, as `st` describes it, had the result `key`; the file
        was stat'ed, then read, from `recorded_ns` on. Written in batches (flush)."""
        self._pending.append((self.context, os.fsencode(os.path.abspath(path)),
                              *_facts(st), key, recorded_ns))
        if len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the rows recorded; never fails (a row not written is only a miss)."""
        rows, self._pending = self._pending, []
        shown, self._shown = self._shown, []
        if not rows and not shown:
            return
        conn = self._connection(create=True)
        if conn is None:
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany("INSERT OR REPLACE INTO files_v1 VALUES "
                                 "(?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                with contextlib.suppress(sqlite3.Error):  # the lines are only a help
                    conn.executemany("INSERT OR REPLACE INTO shown_v1 VALUES "
                                     "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", shown)
                conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error:
            pass

    def shown(self, ctx: str, key: str, label: str) -> tuple[Any, ...] | None:
        """The lines and counts (errors, warnings, infos, waived, worst, internal)
        recorded for this result shown under this label, or None: as stored, for the
        caller to check."""
        conn = self._connection(create=False)
        if conn is None:
            return None
        try:
            row = conn.execute(
                "SELECT text, errors, warnings, infos, waived, worst, internal FROM shown_v1 "
                "WHERE ctx = ? AND key = ? AND label = ?",
                (ctx, key, label.encode("utf-8", "surrogateescape"))).fetchone()
        except sqlite3.Error:
            return None
        return tuple(row) if row is not None else None

    def show(self, ctx: str, key: str, label: str, text: str, counts: tuple[int, ...]) -> None:
        """Record the lines and counts of a result shown under a label (in batches)."""
        self._shown.append((ctx, key, label.encode("utf-8", "surrogateescape"), text,
                            *counts))
        if len(self._shown) >= BATCH:
            self.flush()

    def close(self) -> None:
        if self._conn is not None and self._pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
        self._conn = None


def size(folder: Path) -> int:
    """The bytes the index takes (with SQLite's journal files)."""
    total = 0
    for name in FILES:
        with contextlib.suppress(OSError):
            st = os.lstat(folder / name)
            if stat.S_ISREG(st.st_mode):
                total += st.st_size
    return total


def _discard(folder: Path) -> int:
    """Remove the index (regular files only, never following a link); the bytes freed."""
    freed = 0
    for name in FILES:
        with contextlib.suppress(OSError):
            st = os.lstat(folder / name)
            if stat.S_ISREG(st.st_mode):
                os.unlink(folder / name)
                freed += st.st_size
    return freed


def discard(folder: Path) -> int:
    return _discard(folder)


def now_ns() -> int:
    return time.time_ns()
