"""The result cache as hostile input (issue 11, round two): where it lives, what an entry
must be to count, and what a planted or broken entry can do (nothing but a miss).

1. Where: always an absolute folder outside the repository; a relative CHECKER_CACHE_DIR,
   XDG_CACHE_HOME or HOME is ignored (the XDG specification), never resolved against
   the working directory.
2. Bound to its bytes: an entry copied from a clean file's place hides nothing.
3. Only regular files are read, never a fifo (it would hang), never through a symbolic
   link, never more than MAX_ENTRY bytes.
4. A broken entry of any kind is a miss; any bytes at all are a miss or exactly what the
   cache wrote (hypothesis).
5. Writing is atomic, never writes through a planted link, and never fails a run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import platformdirs
import pytest
from _support import EXAMPLES, ROOT

from checker.cache import ResultCache, context_of, default_folder
from checker.files import Source
from checker.report import FileReport
from checker.rules.engine import Options
from checker.rules.pack import builtin_packs
from checker.runner import Job, run

CLEAN = EXAMPLES / "clean.json"
VIOLATIONS = EXAMPLES / "violations.json"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_posix = pytest.mark.skipif(os.name != "posix", reason="POSIX file types")


# ---------------------------------------------------------------- helpers
def environment(**extra: str) -> dict[str, str]:
    """The test's environment with no CHECKER_* nor XDG_CACHE_HOME setting, plus extra."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CHECKER_") and k != "XDG_CACHE_HOME"}
    env.update(extra)
    return env


def checker_cli(*args: str | Path, cwd: Path = ROOT, env: dict[str, str],
                timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    r = subprocess.run([sys.executable, "-m", "checker", *map(str, args)], cwd=cwd,
                       stdin=subprocess.DEVNULL, capture_output=True, env=env,
                       timeout=timeout, check=False)
    for stream in (r.stdout, r.stderr):
        assert b"Traceback" not in stream, stream.decode("utf-8", "replace")
    return r


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.json") if not p.name.startswith("."))


class Setup:
    """A cache in tmp_path/cache and the two example cases as sources."""

    def __init__(self, tmp_path: Path) -> None:
        self.packs, self.opts = builtin_packs(), Options()
        self.folder = tmp_path / "cache"
        self.cache = ResultCache(self.folder, context_of(self.packs, self.opts))
        self.clean = Source("clean.json", CLEAN)
        self.bad = Source("violations.json", VIOLATIONS)

    def job(self) -> Job:
        return Job(self.packs, self.opts, 1 << 20, self.cache)

    def fresh(self, src: Source) -> FileReport:
        return run([src], Job(self.packs, self.opts, 1 << 20, None), 1)[0]

    def key(self, src: Source) -> str:
        assert src.path is not None
        return self.cache.key(src.path.read_bytes())

    def entry(self, src: Source) -> Path:
        key = self.key(src)
        return self.folder / key[:2] / f"{key[2:]}.json"


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    s = Setup(tmp_path)
    run([s.clean, s.bad], s.job(), 1)  # fill the cache
    assert s.entry(s.clean).is_file() and s.entry(s.bad).is_file()
    return s


# ---------------------------------------------------------------- 1. where the cache is
@pytest.mark.parametrize("xdg", [None, "", "rel-cache", ".", "./.cache"])
@pytest.mark.parametrize("override", [None, "", "rel-cache", ".checker-cache"])
@pytest.mark.parametrize("home", ["abs", "rel", ""])
def test_the_cache_folder_is_always_absolute_and_outside_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xdg: str | None,
        override: str | None, home: str) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    monkeypatch.chdir(repo)
    for name, value in (("XDG_CACHE_HOME", xdg), ("CHECKER_CACHE_DIR", override)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    monkeypatch.setenv("HOME", str(tmp_path / "home") if home == "abs" else home)
    folder = default_folder()
    assert folder is not None and folder.is_absolute()
    assert not folder.resolve().is_relative_to(repo.resolve())
    if home == "abs":
        assert folder == tmp_path / "home" / ".cache" / "checker"


def test_an_absolute_setting_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    monkeypatch.delenv("CHECKER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_folder() == tmp_path / "xdg" / "checker"
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "mine"))
    assert default_folder() == tmp_path / "mine"


@pytest.mark.parametrize("answer", ["relative/checker", RuntimeError("no home")])
def test_no_absolute_folder_means_no_cache(monkeypatch: pytest.MonkeyPatch,
                                           answer: str | Exception) -> None:
    """Whatever platformdirs answers (an older one may return a relative path; any may
    find no home at all), a relative folder is never used: the run goes on uncached."""
    def user_cache_dir(*args: Any, **kwargs: Any) -> str:
        if isinstance(answer, Exception):
            raise answer
        return answer

    monkeypatch.delenv("CHECKER_CACHE_DIR", raising=False)
    monkeypatch.setattr(platformdirs, "user_cache_dir", user_cache_dir)
    assert default_folder() is None
    from click.testing import CliRunner

    from checker.cli import main

    r = CliRunner().invoke(main, ["check", "--format", "json", str(VIOLATIONS)])
    assert r.exit_code == 1, r.output
    assert json.loads(r.stdout)["files"][0]["findings"]


def test_a_relative_xdg_cache_home_never_puts_the_cache_in_the_repository(
        tmp_path: Path) -> None:
    """Through the command line: XDG_CACHE_HOME=rel-cache, run inside the repository. The
    cache goes to $HOME/.cache/checker, nothing is written in the repository, and an
    entry committed at rel-cache/checker (a forged clean result) changes nothing."""
    repo, home = tmp_path / "repo", tmp_path / "home"
    repo.mkdir()
    (repo / "hoso.json").write_bytes(VIOLATIONS.read_bytes())
    env = environment(HOME=str(home), XDG_CACHE_HOME="rel-cache")
    first = checker_cli("check", "hoso.json", cwd=repo, env=env)
    assert first.returncode == 1
    assert [p.name for p in repo.iterdir()] == ["hoso.json"]
    real = home / ".cache" / "checker"
    assert entries(real), "the cache is in the user's cache folder"

    planted = repo / "rel-cache" / "checker"
    shutil.copytree(real, planted)
    for entry in entries(planted):
        data = json.loads(entry.read_bytes())
        data["findings"] = []
        entry.write_text(json.dumps(data), "utf-8")
    shutil.rmtree(real)  # nothing to hit but the planted entries
    again = checker_cli("check", "hoso.json", cwd=repo, env=env)
    assert (again.returncode, again.stdout) == (1, first.stdout)
