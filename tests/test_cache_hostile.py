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
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import platformdirs
import pytest
from _support import EXAMPLES, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import checker.cache
from checker.cache import ResultCache, context_of, decode_entry, default_folder, encode_entry
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


@pytest.fixture(params=["descriptors", "paths"])
def io_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways the cache reaches its files: by folder descriptor (POSIX) and by checked
    path (where the platform has no descriptors for folders)."""
    if request.param == "paths":
        monkeypatch.setattr(checker.cache, "_DIR_FD", False)
    elif not checker.cache._DIR_FD:
        pytest.skip("no folder descriptors on this platform")
    return str(request.param)


@pytest.fixture
def setup(tmp_path: Path, io_mode: str) -> Setup:
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
        data["result"]["findings"] = []
        entry.write_text(json.dumps(data), "utf-8")
    shutil.rmtree(real)  # nothing to hit but the planted entries
    again = checker_cli("check", "hoso.json", cwd=repo, env=env)
    assert (again.returncode, again.stdout) == (1, first.stdout)


# ---------------------------------------------------------------- 2. bound to the bytes
def test_an_entry_copied_from_a_clean_file_hides_nothing(setup: Setup) -> None:
    fresh = setup.fresh(setup.bad)
    assert fresh.findings
    shutil.copyfile(setup.entry(setup.clean), setup.entry(setup.bad))
    assert setup.cache.get(setup.bad.label, setup.key(setup.bad)) is None
    assert run([setup.bad], setup.job(), 1) == [fresh]
    # and the wrong entry was replaced by the right one
    assert setup.cache.get(setup.bad.label, setup.key(setup.bad)) == fresh


def test_an_entry_answers_only_its_own_key(setup: Setup) -> None:
    data = setup.entry(setup.clean).read_bytes()
    key = setup.key(setup.clean)
    assert decode_entry("x.json", key, data) == replace(setup.fresh(setup.clean),
                                                        path="x.json")
    assert decode_entry("x.json", setup.key(setup.bad), data) is None


# ---------------------------------------------------------------- 3. what is read
@needs_posix
def test_a_fifo_entry_is_a_miss_not_a_hang(tmp_path: Path) -> None:
    env = environment(CHECKER_CACHE_DIR=str(tmp_path / "cache"))
    first = checker_cli("check", VIOLATIONS, env=env)
    assert first.returncode == 1
    [entry] = entries(tmp_path / "cache")
    entry.unlink()
    os.mkfifo(entry)
    again = checker_cli("check", VIOLATIONS, env=env, timeout=30)
    assert (again.returncode, again.stdout, again.stderr) == (1, first.stdout, b"")


def test_an_entry_over_the_size_limit_is_not_read(setup: Setup,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    size = setup.entry(setup.bad).stat().st_size
    monkeypatch.setattr(checker.cache, "MAX_ENTRY", size)
    assert setup.cache.get(setup.bad.label, setup.key(setup.bad)) is not None
    monkeypatch.setattr(checker.cache, "MAX_ENTRY", size - 1)
    assert setup.cache.get(setup.bad.label, setup.key(setup.bad)) is None


def test_a_result_over_the_size_limit_is_not_stored(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checker.cache, "MAX_ENTRY", 100)
    s = Setup(tmp_path)
    assert run([s.bad], s.job(), 1) == [s.fresh(s.bad)]
    assert not s.entry(s.bad).exists()


def test_a_huge_sparse_entry_is_a_miss(setup: Setup) -> None:
    entry = setup.entry(setup.bad)
    with entry.open("r+b") as f:
        f.truncate(8 << 30)  # 8 GiB of nothing, if it were read
    assert setup.cache.get(setup.bad.label, setup.key(setup.bad)) is None


# ---------------------------------------------------------------- 4. broken entries
def _nested(entry: Path) -> None:
    entry.write_bytes(b"[" * 200_000)


def _truncated(entry: Path) -> None:
    entry.write_bytes(entry.read_bytes()[:-7])


def _garbage(entry: Path) -> None:
    entry.write_bytes(os.urandom(4096))


def _retyped(entry: Path) -> None:
    data = json.loads(entry.read_bytes())
    data["result"]["findings"][0]["position"]["line"] = True
    entry.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), "utf-8")


def _extra_field(entry: Path) -> None:
    data = json.loads(entry.read_bytes())
    data["result"]["findings"][0]["extra"] = "unexpected"
    entry.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), "utf-8")


def _not_an_object(entry: Path) -> None:
    entry.write_text('["format", "key", "result"]', "utf-8")


def _empty(entry: Path) -> None:
    entry.write_bytes(b"")


def _directory(entry: Path) -> None:
    entry.unlink()
    entry.mkdir()
    (entry / "inside.json").write_text("{}", "utf-8")


def _symlink(entry: Path) -> None:
    """A link to a perfectly good copy of the entry, outside the cache."""
    outside = entry.parents[2] / "outside.json"
    outside.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(outside)


def _linked_folder(entry: Path) -> None:
    """The entry's folder is a link to a folder outside the cache (with a good copy)."""
    outside = entry.parents[2] / "outside"
    shutil.copytree(entry.parent, outside)
    shutil.rmtree(entry.parent)
    entry.parent.symlink_to(outside, target_is_directory=True)


def _unreadable(entry: Path) -> None:
    entry.chmod(0)


BREAKAGES: dict[str, Callable[[Path], None]] = {
    "nested-200000-deep": _nested, "truncated": _truncated, "garbage": _garbage,
    "bool-for-a-line": _retyped, "extra-field": _extra_field,
    "not-an-object": _not_an_object, "empty": _empty, "directory": _directory,
    "symlink-out-of-the-cache": _symlink, "folder-linked-out-of-the-cache": _linked_folder,
    "unreadable": _unreadable,
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_a_broken_entry_is_a_miss(setup: Setup, breakage: str) -> None:
    if breakage == "unreadable" and IS_ROOT:
        pytest.skip("root reads whatever the permission bits say")
    if breakage in ("symlink-out-of-the-cache", "folder-linked-out-of-the-cache") and (
            os.name != "posix"):
        pytest.skip("POSIX symbolic links")
    BREAKAGES[breakage](setup.entry(setup.bad))
    assert setup.cache.get(setup.bad.label, setup.key(setup.bad)) is None
    assert run([setup.bad], setup.job(), 1) == [setup.fresh(setup.bad)]
    if breakage == "folder-linked-out-of-the-cache":  # nothing written through the link
        outside = setup.folder.parent / "outside"
        assert sorted(p.name for p in outside.iterdir()) == [setup.entry(setup.bad).name]


ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)


def _replace(value: Any, path: list[int], new: Any) -> Any:
    """value with the node reached by path (indices into its children, taken modulo
    their number) replaced by new."""
    if not path or not isinstance(value, dict | list) or not value:
        return new
    keys = sorted(value) if isinstance(value, dict) else list(range(len(value)))
    k = keys[path[0] % len(keys)]
    copy: Any = dict(value) if isinstance(value, dict) else list(value)
    copy[k] = _replace(value[k], path[1:], new)
    return copy


@pytest.fixture(scope="module")
def valid_entry(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, bytes]:
    s = Setup(tmp_path_factory.mktemp("valid"))
    run([s.bad], s.job(), 1)
    return s.key(s.bad), s.entry(s.bad).read_bytes()


def _miss_or_exact(key: str, data: bytes) -> None:
    report = decode_entry("case.json", key, data)
    assert report is None or (isinstance(report, FileReport)
                              and encode_entry(key, report) == data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2048))
def test_any_bytes_are_a_miss_or_exactly_a_written_entry(
        valid_entry: tuple[str, bytes], data: bytes) -> None:
    _miss_or_exact(valid_entry[0], data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.lists(st.integers(0, 50), max_size=8), new=ANY_JSON,
       cut=st.integers(0, 1 << 20))
def test_any_change_to_an_entry_is_a_miss_or_exactly_a_written_entry(
        valid_entry: tuple[str, bytes], path: list[int], new: Any, cut: int) -> None:
    key, good = valid_entry
    _miss_or_exact(key, good)
    changed = _replace(json.loads(good), path, new)
    text = json.dumps(changed, ensure_ascii=False, sort_keys=True).encode("utf-8")
    _miss_or_exact(key, text)
    _miss_or_exact(key, text[:cut % (len(text) + 1)])


@needs_posix
@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=512))
def test_any_bytes_on_disk_are_a_miss_or_a_valid_result(tmp_path: Path,
                                                        valid_entry: tuple[str, bytes],
                                                        data: bytes) -> None:
    """The whole read path (open, checks, decode) on a file holding arbitrary bytes."""
    cache = ResultCache(tmp_path / "fuzz", "context")
    key = cache.key(data)
    entry = tmp_path / "fuzz" / key[:2] / f"{key[2:]}.json"
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(data)
    report = cache.get("case.json", key)
    assert report is None or encode_entry(key, report) == data


# ---------------------------------------------------------------- 5. writing
@needs_posix
def test_a_planted_gitignore_link_is_not_written_through(tmp_path: Path,
                                                          io_mode: str) -> None:
    victim = tmp_path / "victim.txt"
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / ".gitignore").symlink_to(victim)  # dangling
    s = Setup(tmp_path)
    run([s.bad], s.job(), 1)
    assert not victim.exists()
    assert s.cache.get(s.bad.label, s.key(s.bad)) == s.fresh(s.bad)


@needs_posix
def test_a_planted_link_at_the_old_temporary_name_is_not_written_through(
        tmp_path: Path, io_mode: str) -> None:
    """The temporary name was predictable (.NAME.PID.tmp): a link planted there made the
    cache overwrite any file the user can write. Now the name is random and created
    exclusively."""
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", "utf-8")
    s = Setup(tmp_path)
    entry = s.entry(s.bad)
    entry.parent.mkdir(parents=True)
    (entry.parent / f".{entry.name}.{os.getpid()}.tmp").symlink_to(victim)
    run([s.bad], s.job(), 1)
    assert victim.read_text("utf-8") == "precious\n"
    assert s.cache.get(s.bad.label, s.key(s.bad)) == s.fresh(s.bad)


def test_a_failed_write_keeps_the_old_entry_and_leaves_nothing(
        setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = setup.entry(setup.bad)
    before = entry.read_bytes()

    def full_disk(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "rename", full_disk)
    monkeypatch.setattr(os, "replace", full_disk)
    setup.cache.put(setup.key(setup.bad), setup.fresh(setup.clean))  # does not raise
    assert entry.read_bytes() == before
    assert sorted(p.name for p in entry.parent.iterdir()) == [entry.name]


@pytest.mark.parametrize("where", ["a-file", "entry-is-a-directory", "subfolder-is-a-file"])
def test_a_cache_that_cannot_be_written_never_fails_the_run(tmp_path: Path, where: str,
                                                            io_mode: str) -> None:
    s = Setup(tmp_path)
    entry = s.entry(s.bad)
    if where == "a-file":
        s.folder.write_text("not a folder", "utf-8")
    elif where == "entry-is-a-directory":
        (entry / "x").mkdir(parents=True)
    else:
        s.folder.mkdir()
        entry.parent.write_text("not a folder", "utf-8")
    assert run([s.bad, s.clean], s.job(), 1) == [s.fresh(s.bad), s.fresh(s.clean)]
    assert s.cache.get(s.bad.label, s.key(s.bad)) is None


def test_a_result_that_cannot_be_encoded_is_not_stored_and_fails_nothing(
        tmp_path: Path) -> None:
    """A lone surrogate (JSON allows one as an escape) has no UTF-8: the result stays
    uncached, the run goes on."""
    s = Setup(tmp_path)
    fresh = s.fresh(s.bad)
    odd = replace(fresh, findings=(replace(fresh.findings[0], message="\ud800"),))
    s.cache.put(s.key(s.bad), odd)  # does not raise
    assert s.cache.get(s.bad.label, s.key(s.bad)) is None
