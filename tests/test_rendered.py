"""Issue 15: a warm run shows each file from the lines recorded when it was last shown
(checker.rendered), and writes exactly what laying it out again would write."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from _support import EXAMPLES
from click.testing import CliRunner, Result

from checker.cli import main

NAMES = ("clean.json", "violations.json", "2026-dismissal-violations.json",
         "2026-extension-violations.json", "2026-resignation.json")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Case files, some twice under other names, aged past the index's racy window."""
    folder = tmp_path / "cases"
    folder.mkdir()
    old = time.time() - 3600
    for i, name in enumerate(NAMES * 2):
        p = folder / f"{i:02d}-{name}"
        p.write_bytes((EXAMPLES / name).read_bytes())
        os.utime(p, (old, old))
    return folder


def _run(corpus: Path, cache: Path, *args: str, columns: str = "100") -> Result:
    env = {"CHECKER_CACHE_DIR": str(cache), "COLUMNS": columns, "NO_COLOR": "1"}
    return CliRunner().invoke(main, ["check", "--today", "2026-11-20", *args, str(corpus)],
                              env=env)


def _shown_rows(cache: Path) -> int:
    with sqlite3.connect(cache / "index.sqlite3") as conn:
        return int(conn.execute("SELECT count(*) FROM shown_v1").fetchone()[0])


def _entries(cache: Path) -> list[Path]:
    return [p for p in cache.glob("??/*.json")]


@pytest.mark.parametrize("args", [("--format", "text"), ("--format", "github"),
                                  ("--lang", "en"), ("--verbose",), ("--quiet",),
                                  ("--select", "APPT-QUORUM,COVERAGE")])
def test_cold_first_warm_and_warm_runs_write_the_same(corpus: Path, tmp_path: Path,
                                                      args: tuple[str, ...]) -> None:
    cache = tmp_path / "cache"
    cold = _run(corpus, cache, *args)
    assert _shown_rows(cache) == 0  # nothing shown from the index yet
    first = _run(corpus, cache, *args)  # lays each file out once more, and records it
    assert _shown_rows(cache) == len(NAMES) * 2
    # The results themselves are no longer needed: the lines and counts are recorded.
    for p in _entries(cache):
        p.unlink()
    warm = _run(corpus, cache, *args)
    assert cold.exit_code in (0, 1)
    assert (first.exit_code, first.output) == (cold.exit_code, cold.output)
    assert (warm.exit_code, warm.output) == (cold.exit_code, cold.output)


def test_another_width_or_language_is_laid_out_again(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for _ in range(2):
        _run(corpus, cache)
    narrow_cold = _run(corpus, tmp_path / "other", columns="60")
    narrow = _run(corpus, cache, columns="60")
    assert narrow.output == narrow_cold.output and narrow.output != _run(corpus, cache).output
    english = _run(corpus, cache, "--lang", "en")
    assert english.output == _run(corpus, tmp_path / "third", "--lang", "en").output


@pytest.mark.parametrize("damage", ["counts", "text", "table"])
def test_damaged_records_are_laid_out_again(corpus: Path, tmp_path: Path,
                                            damage: str) -> None:
    """A record that is not what was written (a count that is not a count, lines that
    are not text, no table at all) is a miss: the result is read and laid out again."""
    cache = tmp_path / "cache"
    cold = _run(corpus, cache)
    _run(corpus, cache)
    with sqlite3.connect(cache / "index.sqlite3") as conn:
        if damage == "counts":
            conn.execute("UPDATE shown_v1 SET errors = -1, internal = 7")
        elif damage == "text":
            conn.execute("UPDATE shown_v1 SET text = x'00ff'")
        else:
            conn.execute("DROP TABLE shown_v1")
    again = _run(corpus, cache)
    assert (again.exit_code, again.output) == (cold.exit_code, cold.output)


def test_a_result_no_longer_cached_is_checked_again(corpus: Path, tmp_path: Path) -> None:
    """The index answers, but neither lines nor result are kept: the file is checked."""
    cache = tmp_path / "cache"
    cold = _run(corpus, cache)
    _run(corpus, cache)
    with sqlite3.connect(cache / "index.sqlite3") as conn:
        conn.execute("DELETE FROM shown_v1")
    for p in _entries(cache):
        p.unlink()
    again = _run(corpus, cache)
    assert (again.exit_code, again.output) == (cold.exit_code, cold.output)


@pytest.mark.parametrize("args", [("--statistics",), ("--format", "json"),
                                  ("--format", "sarif")])
def test_formats_and_options_that_lay_out_every_time(corpus: Path, tmp_path: Path,
                                                     args: tuple[str, ...]) -> None:
    """--statistics (a table per rule) and the other formats do not use recorded lines."""
    cache = tmp_path / "cache"
    cold = _run(corpus, cache, *args)
    warm = _run(corpus, cache, *args)
    assert _shown_rows(cache) == 0
    assert (warm.exit_code, warm.output) == (cold.exit_code, cold.output)


def test_a_warm_run_writes_the_recorded_lines(corpus: Path, tmp_path: Path) -> None:
    """The recorded lines are what a warm run writes (a marker put in their place shows
    up), and their counts decide the summary and the exit code."""
    cache = tmp_path / "cache"
    _run(corpus, cache)
    _run(corpus, cache)
    with sqlite3.connect(cache / "index.sqlite3") as conn:
        conn.execute("UPDATE shown_v1 SET text = 'MARK' || char(10), errors = 0, "
                     "warnings = 0, infos = 0, waived = 0, worst = 0, internal = 0")
    warm = _run(corpus, cache)
    assert warm.output.count("MARK\n") == len(NAMES) * 2
    assert warm.exit_code == 0


def test_a_warm_run_that_writes_nothing_does_not_list_the_cache(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keeping the cache within its size lists every entry: a run that stored nothing
    (warm, done whole in one process) skips it; a run that stores a result does not."""
    from checker import cache as cache_module

    cache = tmp_path / "cache"
    _run(corpus, cache)
    _run(corpus, cache)
    listed: list[int] = []
    real = cache_module.entries
    monkeypatch.setattr(cache_module, "entries", lambda f: listed.append(1) or real(f))
    _run(corpus, cache)
    assert listed == []
    changed = corpus / "00-clean.json"
    changed.write_bytes(changed.read_bytes().replace(b"{", b"{ ", 1))
    _run(corpus, cache)
    assert listed == [1]
