"""Issue 12, point 5: the result cache has a size cap (cache_max_size; the entries
written longest ago go first), and `checker cache info` / `checker cache clean`."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from _support import EXAMPLES
from click.testing import CliRunner

from checker.cache import ResultCache, clean, entries, prune
from checker.cli import main
from checker.report import FileReport


def fill(folder: Path, count: int, size: int = 1000) -> list[Path]:
    """count entries of `size` bytes, each written a second after the one before."""
    cache = ResultCache(folder, "test")
    paths = []
    for i in range(count):
        key = hashlib.sha256(str(i).encode()).hexdigest()
        cache.put(key, FileReport("x.json", ()))
        path = folder / key[:2] / f"{key[2:]}.json"
        path.write_bytes(b"x" * size)
        os.utime(path, ns=(10**18 + i * 10**9, 10**18 + i * 10**9))
        paths.append(path)
    return paths


def test_the_oldest_entries_go_first_down_to_three_quarters_of_the_cap(tmp_path: Path) -> None:
    paths = fill(tmp_path / "c", 10)
    prune(tmp_path / "c", 10_000)  # exactly at the cap: nothing goes
    assert all(p.exists() for p in paths)
    prune(tmp_path / "c", 9_999)  # just over it: down to 7,499 bytes, the oldest first
    assert [p.exists() for p in paths] == [False] * 3 + [True] * 7
    prune(tmp_path / "c", 0)  # 0: no cap
    assert len(entries(tmp_path / "c")) == 7


def test_only_the_caches_own_files_are_counted_or_removed(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    fill(folder, 3)
    (folder / "notes.txt").write_bytes(b"y" * 50_000)  # CHECKER_CACHE_DIR shared with others
    (folder / "ab").mkdir(exist_ok=True)
    (folder / "ab" / "mine.json").write_bytes(b"z" * 50_000)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / ("0" * 62 + ".json")).write_bytes(b"w" * 50_000)
    (folder / "cd").symlink_to(outside)  # a link out of the cache is not followed
    assert len(entries(folder)) == 3
    prune(folder, 1)
    assert entries(folder) == []
    assert (folder / "notes.txt").exists() and (folder / "ab" / "mine.json").exists()
    assert (outside / ("0" * 62 + ".json")).exists()
    assert clean(folder) == (0, 0) and folder.exists()  # not empty: left in place


def test_clean_removes_the_entries_and_the_folder_it_made(tmp_path: Path) -> None:
    fill(tmp_path / "c", 4, size=100)
    assert clean(tmp_path / "c") == (4, 400)
    assert not (tmp_path / "c").exists()


def cli(*args: str, cache: Path, **env: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, list(args), env={"CHECKER_CACHE_DIR": str(cache),
                                                 "CHECKER_LANG": "en", **env},
                           catch_exceptions=False)
    return r.exit_code, r.stdout + r.stderr


def test_a_run_keeps_the_cache_under_its_cap(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "cache"
    old = fill(cache, 5, size=20_000)
    code, _ = cli("check", str(EXAMPLES / "clean.json"), cache=cache,
                  CHECKER_CACHE_MAX_SIZE="50000")
    assert code == 0
    left = entries(cache)
    assert sum(e.size for e in left) <= 50_000 * 3 // 4
    assert not old[0].exists() and any(e.path not in old for e in left)  # the new one stays


def test_cache_info_and_clean_commands(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fill(cache, 3, size=1024)
    code, out = cli("cache", "info", cache=cache)
    assert code == 0
    assert out.splitlines() == [f"Folder: {cache}", "Entries: 3", "Size: 3.0 KiB",
                                "Limit: 256.0 MiB (cache_max_size; the oldest entries are "
                                "removed first)"]
    code, out = cli("cache", "clean", cache=cache)
    assert (code, out) == (0, f"Removed 3 entries (3.0 KiB) from the cache in {cache}.\n")
    code, out = cli("cache", "info", "--lang", "vi", cache=cache)
    assert "Số mục: 0" in out


def test_without_a_cache_folder_the_commands_say_so(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.cache

    monkeypatch.setattr(checker.cache, "default_folder", lambda: None)
    for command in ("info", "clean"):
        code, out = cli("cache", command, cache=tmp_path)
        assert code == 0 and out.startswith("There is no cache: no absolute folder")
