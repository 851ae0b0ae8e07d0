"""Issue 15, point 6: the cache's index answers a run over unchanged files from (path,
size, times, inode, device) without reading them or loading the packs; it never gives a
stale or wrong answer (racily clean rows are verified, a corrupt or locked index is a
miss), and `checker cache info` / `clean` and the size cap know it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _support import EXAMPLES, ROOT
from click.testing import CliRunner
from test_hostile import environment

import checker.runner
from checker import cacheindex
from checker.cache import ResultCache, clean, prune
from checker.cli import main
from checker.files import Source
from checker.rules.engine import Options
from checker.rules.pack import builtin_packs
from checker.runner import Job, Packs, run

CLEAN = (EXAMPLES / "clean.json").read_bytes()
BAD = (EXAMPLES / "violations.json").read_bytes()


def aged(path: Path, seconds: int = 10) -> None:
    """The file's times put `seconds` in the past (its index rows are then not racy)."""
    t = time.time_ns() - seconds * 10**9
    os.utime(path, ns=(t, t))


def cache_of(folder: Path, context: str = "ctx") -> ResultCache:
    return ResultCache(folder, context, cacheindex.Index(folder, context))


def no_packs() -> tuple[()]:
    raise AssertionError("the packs were loaded")


def job(cache: ResultCache, lazy: bool = False) -> Job:
    packs: Packs | tuple = Packs(no_packs) if lazy else builtin_packs()  # type: ignore[type-arg]
    return Job(packs, Options(), 1 << 20, cache)


def files(folder: Path, n: int = 4) -> list[Source]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"{i}.json"
        p.write_bytes(BAD if i % 2 else CLEAN)
        aged(p)
        out.append(Source(p.name, p))
    return out


def test_a_warm_run_reads_no_file_and_loads_no_pack(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    sources = files(tmp_path / "c")
    first = run(sources, job(cache_of(tmp_path / "cache")), 1)

    def no_read(*_: object, **__: object) -> bytes:
        raise AssertionError("a file was read")

    monkeypatch.setattr(checker.runner, "read", no_read)
    again = run(sources, job(cache_of(tmp_path / "cache"), lazy=True), 1)
    assert again == first and any(r.findings for r in first)  # type: ignore[union-attr]


def test_without_the_index_the_same_run_reads_the_files(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The test above can fail: a cache without its index reads every file."""
    sources = files(tmp_path / "c")
    run(sources, job(cache_of(tmp_path / "cache")), 1)
    reads = []
    real = checker.runner.read
    monkeypatch.setattr(checker.runner, "read", lambda *a, **k: reads.append(1) or real(*a, **k))
    run(sources, job(ResultCache(tmp_path / "cache", "ctx")), 1)
    assert len(reads) == len(sources)


def test_a_changed_file_is_checked_again(tmp_path: Path) -> None:
    sources = files(tmp_path / "c", 2)
    before = run(sources, job(cache_of(tmp_path / "cache")), 1)
    path = sources[0].path
    assert path is not None
    st = path.stat()
    path.write_bytes(BAD)  # another size, and other times
    aged(path, 5)
    after = run(sources, job(cache_of(tmp_path / "cache")), 1)
    assert after[0] != before[0] and after[0].findings  # type: ignore[union-attr]
    assert path.stat().st_mtime_ns != st.st_mtime_ns


def test_a_file_changed_within_the_same_tick_is_not_served_stale(tmp_path: Path) -> None:
    """The racy case: same size, the same modification time (as on a file system with
    coarse timestamps), the same inode. A row recorded less than RACY_NS after the file's
    last change is not trusted: the file is read and hashed again."""
    folder = tmp_path / "c"
    folder.mkdir()
    path = folder / "case.json"
    clean = CLEAN.replace(b'"case_id": "', b'"case_id": "X', 1)
    path.write_bytes(clean)
    bad = BAD[:len(clean)] if len(BAD) >= len(clean) else BAD + b" " * (len(clean) - len(BAD))
    # the same size, and still a case: the violations example cut or padded is broken
    # JSON (a finding), which the clean one is not
    assert len(bad) == len(clean)
    src = [Source(path.name, path)]
    first = run(src, job(cache_of(tmp_path / "cache")), 1)[0]
    st = path.stat()
    path.write_bytes(bad)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # the same mtime
    index = cacheindex.Index(tmp_path / "cache", "ctx")
    # ctime moved (utime changes it); a coarse clock would not: make the row agree
    now = path.stat()
    conn = sqlite3.connect(tmp_path / "cache" / cacheindex.NAME)
    conn.execute("UPDATE files_v1 SET ctime_ns = ?", (now.st_ctime_ns,))
    conn.commit()
    conn.close()
    assert index.lookup(path, now) is None  # recorded just now: racy, not trusted
    second = run(src, job(cache_of(tmp_path / "cache")), 1)[0]
    assert second != first and second.findings  # type: ignore[union-attr]


def test_an_aged_row_is_trusted_and_a_fresh_one_is_not(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(CLEAN)
    st = path.stat()
    changed = st.st_mtime_ns
    index = cacheindex.Index(tmp_path / "cache", "ctx")
    index.record(path, st, "k" * 64, changed + cacheindex.RACY_NS)  # just at the limit
    index.flush()
    assert index.lookup(path, st) is None
    index.record(path, st, "k" * 64, changed + cacheindex.RACY_NS + 1)  # just past it
    index.flush()
    assert index.lookup(path, st) == "k" * 64
    assert cacheindex.Index(tmp_path / "cache", "other").lookup(path, st) is None


@pytest.mark.parametrize("garbage", [b"not a database at all" * 100, b""])
def test_a_corrupt_index_is_a_miss_and_is_replaced(tmp_path: Path, garbage: bytes) -> None:
    sources = files(tmp_path / "c")
    expected = run(sources, job(None), 1)  # type: ignore[arg-type]
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / cacheindex.NAME).write_bytes(garbage)
    assert run(sources, job(cache_of(tmp_path / "cache")), 1) == expected
    assert run(sources, job(cache_of(tmp_path / "cache")), 1) == expected
    conn = sqlite3.connect(tmp_path / "cache" / cacheindex.NAME)
    assert conn.execute("SELECT count(*) FROM files_v1").fetchone() == (len(sources),)
    conn.close()


def test_a_locked_index_is_a_miss_not_a_hang_or_a_crash(tmp_path: Path) -> None:
    sources = files(tmp_path / "c", 2)
    expected = run(sources, job(None), 1)  # type: ignore[arg-type]
    run(sources, job(cache_of(tmp_path / "cache")), 1)
    holder = sqlite3.connect(tmp_path / "cache" / cacheindex.NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # no one else may write
    try:
        start = time.monotonic()
        for path in (s.path for s in sources):
            assert path is not None
            path.write_bytes(path.read_bytes() + b" ")  # changed: rows to write
            aged(path)
        assert run(sources, job(cache_of(tmp_path / "cache")), 1) == expected
        assert time.monotonic() - start < 30
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_an_index_that_is_not_a_regular_file_is_not_used(tmp_path: Path) -> None:
    sources = files(tmp_path / "c", 2)
    expected = run(sources, job(None), 1)  # type: ignore[arg-type]
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / cacheindex.NAME).symlink_to(tmp_path / "elsewhere")
    assert run(sources, job(cache_of(tmp_path / "cache")), 1) == expected
    assert not (tmp_path / "elsewhere").exists()


def test_cache_info_counts_it_and_clean_removes_it(tmp_path: Path) -> None:
    sources = files(tmp_path / "c")
    run(sources, job(cache_of(tmp_path / "cache")), 1)
    folder = tmp_path / "cache"
    assert (folder / cacheindex.NAME).exists()
    size = cacheindex.size(folder)
    assert size > 0
    r = CliRunner().invoke(main, ["cache", "info", "--lang", "en"],
                           env={"CHECKER_CACHE_DIR": str(folder)})
    assert r.exit_code == 0 and str(folder) in r.stdout
    removed, freed = clean(folder)
    assert removed == 2 and freed > 0  # two distinct contents: two entries
    assert not any((folder / n).exists() for n in cacheindex.FILES)


def test_the_size_cap_drops_an_index_grown_too_large(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    run(files(tmp_path / "c"), job(cache_of(folder)), 1)
    size = cacheindex.size(folder)
    prune(folder, size * 100)  # well within: kept
    assert cacheindex.size(folder) == size
    prune(folder, size)  # over (entries and index), and the index over a quarter of it
    assert cacheindex.size(folder) == 0


def test_options_and_added_packs_change_the_context(tmp_path: Path) -> None:
    from checker.cache import index_context

    pack = tmp_path / "p.toml"
    pack.write_text("# a pack\n", "utf-8")
    base = index_context((pack,), Options())
    assert base == index_context((pack,), Options())
    assert base != index_context((pack,), Options(lang="en" if Options().lang == "vi"
                                                  else "vi"))
    assert base != index_context((pack,), Options(select=frozenset({"APPT"})))
    assert base != index_context((), Options())
    pack.write_text("# another pack\n", "utf-8")
    assert base != index_context((pack,), Options())
    assert index_context((tmp_path / "missing.toml",), Options()) is None


def test_two_runs_at_once_share_the_index_safely(tmp_path: Path) -> None:
    """Two hooks at once over the same files and cache: both reports are right, and a
    third run after them too."""
    folder = tmp_path / "c"
    for i in range(150):
        (folder / f"{i:03d}.json").parent.mkdir(exist_ok=True)
        (folder / f"{i:03d}.json").write_bytes(
            (BAD if i % 3 == 0 else CLEAN).replace(b'"case_id": "', f'"case_id": "{i}'.encode(), 1))
    env = environment(CHECKER_CACHE_DIR=str(tmp_path / "cache"))
    args = [sys.executable, "-m", "checker", "check", "--no-cache", "--format", "json",
            str(folder)]
    expected = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, check=False).stdout
    args.remove("--no-cache")
    procs = [subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 1 and out == expected, err[-2000:]
    third = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, check=False)
    assert third.stdout == expected and third.stderr == b""


def test_an_added_pack_that_is_a_fifo_is_never_read_for_the_context(tmp_path: Path) -> None:
    from checker.cache import index_context

    fifo = tmp_path / "pack.toml"
    os.mkfifo(fifo)
    start = time.monotonic()
    assert index_context((fifo,), Options()) is None  # would block if it were read
    assert time.monotonic() - start < 5
