"""Hostile input, round two (issue 11): the process's surroundings rather than the case
file. Through the real command line, like tests/test_hostile.py, whose helpers are used.

1. Output files: the report never replaces a file being checked (standard input
   included), a file that appeared during the run, or anything that is not a regular file
   (a fifo or /dev/null is written as a stream, another device refused); an empty name
   is one clear message.
2. Environment: a malformed [tool] table in a parent pyproject.toml, a configuration file
   over the size limit, file names that are not UTF-8 in every format, too few file
   descriptors for --jobs, SIGTERM in the middle of a run, a bad CHECKER_* variable.
3. Walking folders: an unreadable folder, a folder deeper than the system's path limit,
   symbolic links to folders (followed, each folder once, loops named), and a run that
   finds no case file.

Never aimed at the real /dev/null: a device is made with mknod in a temporary folder, so
a checker that replaces it (the bug) damages nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

import pytest
from _support import ROOT
from test_hostile import (
    CLEAN,
    IS_ROOT,
    ROOT_IGNORES_PERMISSIONS,
    VIOLATIONS,
    checker,
    children,
    cpu_seconds,
    environment,
    findings_of,
    needs_posix,
    needs_proc,
    no_traceback,
    one_line,
    only_input_finding,
    snapshot,
    state,
)

needs_root = pytest.mark.skipif(not IS_ROOT, reason="mknod needs root")


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def bash(script: str, *args: str | Path, cwd: Path = ROOT,
         stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """`script` run by bash with "$0" the Python interpreter and "$@" the args."""
    return subprocess.run(["bash", "-c", script, sys.executable, *map(str, args)], cwd=cwd,
                          input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                          capture_output=True, env=environment(), timeout=300, check=False)


def wait_until_blocked_reading(p: subprocess.Popen[bytes]) -> None:
    """Until the process has been asleep, using no CPU, for 10 polls in a row: it is
    waiting for its standard input."""
    deadline = time.monotonic() + 60
    last, still = -1.0, 0
    while still < 10:
        assert p.poll() is None and time.monotonic() < deadline
        used = cpu_seconds(p.pid)
        still = still + 1 if state(p.pid) == "S" and used == last else 0
        last = used
        time.sleep(0.05)


# ---------------------------------------------------------------- 1. output files
@needs_posix
def test_the_file_behind_standard_input_is_never_replaced(tmp_path: Path) -> None:
    """`checker check - -o case.json --force < case.json` replaced the case with its
    report. Whatever name reaches the file (itself, /dev/stdin, a hard link), no."""
    case = tmp_path / "case.json"
    case.write_bytes(CLEAN.read_bytes())
    alias = tmp_path / "alias.json"
    os.link(case, alias)
    before = snapshot(tmp_path)
    for source, target in (("-", case), ("-", alias), ("/dev/stdin", case)):
        r = bash('exec "$0" -m checker check --lang en --force -o "$2" "$1" < "$3"',
                 source, target, case)
        no_traceback(r)
        assert r.returncode == 2, (source, target, r.stderr)
        assert "is one of the files being checked" in one_line(r.stderr)
        assert target.name in r.stderr.decode()
        assert snapshot(tmp_path) == before


@needs_posix
@needs_proc
def test_a_file_that_appears_during_the_run_is_not_replaced(tmp_path: Path) -> None:
    """The existence check is made when the report is written, not only at start: the
    run waits on its standard input while the file appears."""
    target = tmp_path / "report.json"
    with subprocess.Popen([sys.executable, "-m", "checker", "check", "--lang", "en",
                           "-o", str(target), "-"], cwd=ROOT, stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=environment()) as p:
        wait_until_blocked_reading(p)
        target.write_bytes(b"mine\n")
        out, err = p.communicate(CLEAN.read_bytes(), timeout=60)
    r = subprocess.CompletedProcess(p.args, p.returncode, out, err)
    no_traceback(r)
    assert r.returncode == 2
    assert "was created while the check was running" in one_line(err)
    assert target.read_bytes() == b"mine\n"
    assert listing(tmp_path) == ["report.json"]  # no temporary file left


def read_fifo(fifo: Path, into: list[bytes]) -> threading.Thread:
    def reader() -> None:
        with open(fifo, "rb") as f:
            into.append(f.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    return thread


@needs_posix
@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
def test_a_fifo_is_written_as_a_stream_never_replaced(tmp_path: Path, force: bool) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    thread = read_fifo(fifo, got)
    r = checker("check", "--format", "json", *(["--force"] if force else []),
                "-o", fifo, CLEAN)
    thread.join(timeout=60)
    no_traceback(r)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert listing(tmp_path) == ["report.fifo"]
    assert got == [checker("check", "--format", "json", CLEAN).stdout]


@needs_posix
@needs_root
@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
def test_devices_are_never_replaced(tmp_path: Path, force: bool) -> None:
    """A null device (made here: never the real /dev/null) is written to, as a stream;
    any other device (a zero device here) is refused; both stay devices."""
    null, zero = tmp_path / "null", tmp_path / "zero"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    os.mknod(zero, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    flags = ["--force"] if force else []
    r = checker("check", *flags, "-o", null, CLEAN)
    no_traceback(r)
    assert (r.returncode, r.stdout, r.stderr) == (0, b"", b"")
    r = checker("check", "--lang", "en", *flags, "-o", zero, CLEAN)
    no_traceback(r)
    assert r.returncode == 2
    assert "is not a regular file, a named pipe (fifo), /dev/null" in one_line(r.stderr)
    for device, minor in ((null, 3), (zero, 5)):
        st = device.lstat()
        assert stat.S_ISCHR(st.st_mode) and os.minor(st.st_rdev) == minor
    assert listing(tmp_path) == ["null", "zero"]


@pytest.mark.parametrize("command", ["check", "init"])
def test_an_empty_output_name_is_one_clear_message(tmp_path: Path, command: str) -> None:
    args = ["check", "-o", "", CLEAN] if command == "check" else ["init", ""]
    for lang, fragment in (("vi", "tên được cho là rỗng"), ("en", "the name given is empty")):
        r = checker(*args, cwd=tmp_path, env=environment(CHECKER_LANG=lang))
        no_traceback(r)
        assert r.returncode == 2 and r.stdout == b""
        text = one_line(r.stderr)
        assert fragment in text and "already exists" not in text
    assert listing(tmp_path) == []


# ---------------------------------------------------------------- 2. environment
@pytest.mark.parametrize(("text", "table", "kind"), [
    ('tool = "x"\n', "tool", "a string"),
    ("[tool]\nchecker = 3\n", "tool.checker", "an integer"),
    ('[tool]\nchecker = "on"\n', "tool.checker", "a string"),
])
def test_a_malformed_tool_table_in_a_parent_pyproject(tmp_path: Path, text: str, table: str,
                                                     kind: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text, "utf-8")
    below = tmp_path / "cases"
    below.mkdir()
    r = checker("check", "--lang", "en", CLEAN, cwd=below)
    no_traceback(r)
    assert r.returncode == 2 and r.stdout == b""
    message = one_line(r.stderr)
    assert str(tmp_path / "pyproject.toml") in message
    assert f"{table} must be a TOML table" in message and kind in message
    r = checker("check", CLEAN, cwd=below)  # and in Vietnamese by default
    assert r.returncode == 2 and "phải là một bảng TOML" in one_line(r.stderr)


LIMIT = 1024 * 1024


@needs_posix
@pytest.mark.parametrize("size", [LIMIT + 1, 8 << 30], ids=["just-over", "sparse-8GiB"])
def test_a_configuration_file_over_the_size_limit(tmp_path: Path, size: int) -> None:
    """Refused before it is read whole: an 8 GiB file (sparse: it costs no disk) is
    refused at once, under a 3 GiB memory limit that reading it would break."""
    config = tmp_path / ".checker.toml"
    if size == LIMIT + 1:
        config.write_bytes(b"#" * (size - 1) + b"\n")  # valid TOML: a long comment
    else:
        with open(config, "wb") as f:
            f.truncate(size)
    start = time.monotonic()
    r = bash('ulimit -v 3145728 && exec "$0" -m checker check --lang en "$1"', CLEAN,
             cwd=tmp_path)
    assert time.monotonic() - start < 60
    no_traceback(r)
    assert r.returncode == 2
    message = one_line(r.stderr)
    assert str(config) in message and f"has {size} bytes" in message
    assert "internal error" not in message


def non_utf8_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    raw = os.fsencode(folder)
    with open(raw + b"/\xff.json", "wb") as f:
        f.write(CLEAN.read_bytes())
    with open(raw + b"/v\xfe.json", "wb") as f:
        f.write(VIOLATIONS.read_bytes())
    return folder


def sarif_is_valid(doc: dict[str, Any]) -> None:
    from test_formats import sarif_validator

    assert [e.message for e in sarif_validator().iter_errors(doc)] == []


@needs_posix
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_file_names_that_are_not_utf8_in_every_format(tmp_path: Path, fmt: str) -> None:
    """Each byte that is not UTF-8 is shown as \\xNN (SARIF: percent-encoded, a valid URI
    naming exactly those bytes); the same bytes on stdout and in --output, every time."""
    folder = non_utf8_folder(tmp_path)
    r = checker("check", "--format", fmt, folder)
    no_traceback(r)
    assert r.returncode == 1, r.stderr
    assert r.stderr == b""
    out = r.stdout.decode("utf-8")  # valid UTF-8 throughout
    target = tmp_path / f"report.{fmt}"
    w = checker("check", "--format", fmt, "-o", target, folder)
    no_traceback(w)
    assert w.returncode == 1, w.stderr
    assert target.read_bytes() == r.stdout
    base = folder.as_posix()
    if fmt == "json":
        paths = [f["path"] for f in json.loads(out)["files"]]
        assert paths == [f"{base}/v\\xfe.json", f"{base}/\\xff.json"]
    elif fmt == "sarif":
        doc = json.loads(out)
        sarif_is_valid(doc)
        uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
                for res in doc["runs"][0]["results"] for loc in res["locations"]}
        assert {unquote_to_bytes(u) for u in uris} == {os.fsencode(folder) + b"/v\xfe.json"}
        assert all(u.isascii() for u in uris)
    else:
        assert f"{base}/v\\xfe.json" in out
        if fmt == "text":  # a clean file shows in verbose mode only
            out = checker("check", "--format", fmt, "-v", folder).stdout.decode("utf-8")
        if fmt != "github":  # which annotates findings only
            assert f"{base}/\\xff.json" in out


# The smallest JSON recognised as a case, with one quick finding (an unknown procedure);
# a JSON array found in a folder is not a case, and is skipped (issue 12).
TINY_CASE = b'{"procedure": null}'
RESOURCE_FILES = 600  # at least 64 per worker: eight workers would be started


@pytest.fixture(scope="module")
def many_small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """RESOURCE_FILES tiny files (each the smallest JSON recognised as a case: one quick
    finding; a JSON array found in a folder is not a case, and is skipped)."""
    folder = tmp_path_factory.mktemp("resources") / "cases"
    folder.mkdir()
    for i in range(RESOURCE_FILES):
        (folder / f"case-{i:04}.json").write_bytes(TINY_CASE)
    return folder


@needs_posix
def test_too_few_file_descriptors_for_the_workers(many_small: Path) -> None:
    """`ulimit -n 20` and --jobs 8: the same report, from one process."""
    one = checker("check", "--no-cache", "--format", "json", "--jobs", "1", many_small)
    r = bash('ulimit -n 20 && exec "$0" -m checker check --no-cache --format json '
             '--jobs 8 "$1"', many_small)
    no_traceback(r)
    assert (r.returncode, r.stderr) == (1, b"")
    assert r.stdout == one.stdout
    assert json.loads(r.stdout)["summary"]["files"] == RESOURCE_FILES


def start_parallel_run(args: list[str | Path], **kw: Any) -> subprocess.Popen[bytes]:
    """A run with two workers, returned once both are running."""
    p = subprocess.Popen([sys.executable, "-m", "checker", "check", "--no-cache",
                          "--jobs", "2", *map(str, args)], cwd=ROOT,
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=environment(), **kw)
    deadline = time.monotonic() + 60
    while len(children(p.pid)) < 2:
        assert p.poll() is None, "the run ended before its workers started"
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.005)
    time.sleep(0.2)  # well into the work
    return p


@needs_posix
@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
                    reason="needs /proc/PID/task/PID/children to see the workers start")
@pytest.mark.parametrize("to", ["parent", "group"])
def test_sigterm_during_a_parallel_run(many_small: Path, tmp_path: Path, to: str) -> None:
    """SIGTERM to the checker (as `kill` or `timeout` sends it) or to its process group
    (as a service manager does): exit 143, nothing on stderr (no worker tracebacks), no
    report and no temporary file, no worker left."""
    target = tmp_path / "report.txt"
    args: list[str | Path] = ["-o", target, *[many_small] * 40]
    with start_parallel_run(args, start_new_session=True) as p:
        workers = children(p.pid)
        if to == "parent":
            p.send_signal(signal.SIGTERM)
        else:
            os.killpg(p.pid, signal.SIGTERM)
        try:
            out, err = p.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
            pytest.fail("the run did not end on SIGTERM")
    assert (p.returncode, out, err) == (143, b"", b""), err.decode("utf-8", "replace")
    assert listing(tmp_path) == []
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{w}").exists() and state(w) != "Z" for w in workers):
        assert time.monotonic() < deadline, "workers still running after SIGTERM"
        time.sleep(0.05)


@needs_posix
@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
                    reason="needs /proc/PID/task/PID/children to see the workers start")
def test_workers_end_when_the_checker_is_killed(many_small: Path) -> None:
    """SIGKILL (the OOM killer, `kill -9`) leaves the parent no time to end its workers,
    which ignore SIGTERM: they must not wait for work for ever."""
    with start_parallel_run([*[many_small] * 40]) as p:
        workers = children(p.pid)
        p.kill()
        p.wait(timeout=30)
        try:
            deadline = time.monotonic() + 10
            while any(Path(f"/proc/{w}").exists() and state(w) != "Z" for w in workers):
                assert time.monotonic() < deadline, "workers still running after a SIGKILL"
                time.sleep(0.05)
        finally:
            for w in workers:  # they hold the output pipes open
                with contextlib.suppress(ProcessLookupError):
                    os.kill(w, signal.SIGKILL)
            p.communicate(timeout=30)


@pytest.mark.parametrize(("command", "variable", "value", "expected"), [
    ("check", "CHECKER_JOBS", "abc", "a whole number from 0 to 512"),
    ("check", "CHECKER_MAX_SIZE", "-1", "a whole number of at least 1"),
    ("check", "CHECKER_CACHE", "maybe", "true or false"),
    ("check", "CHECKER_FORMAT", "xml", "one of text, json, sarif, github, junit"),
    ("check", "CHECKER_LANG", "fr", "one of vi, en"),
    ("rules", "CHECKER_LANG", "fr", "one of vi, en"),  # read by click as --lang's default
])
def test_a_bad_environment_variable_is_named(command: str, variable: str, value: str,
                                            expected: str) -> None:
    """Named as the variable, never blamed on a flag that was not given."""
    args = ["check", CLEAN] if command == "check" else ["rules"]
    lang = "vi" if variable == "CHECKER_LANG" else "en"
    env = environment(**{variable: value}, **({} if lang == "vi" else {"CHECKER_LANG": "en"}))
    r = checker(*args, env=env)
    no_traceback(r)
    assert r.returncode == 2 and r.stdout == b""
    message = one_line(r.stderr)
    assert f"{variable}={json.dumps(value)}" in message
    assert "Invalid value for" not in message and "--" not in message
    if lang == "en":
        assert f"The environment variable {variable}" in message and expected in message
    else:
        assert "Biến môi trường" in message and "một trong các giá trị vi, en" in message


# ---------------------------------------------------------------- 3. walking folders
def test_an_unreadable_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In this process, with the folder's listing refused (as for anyone but root): a
    finding about the folder, in both languages, and the rest of the walk goes on."""
    from checker.files import read, walk

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden-case.json").write_bytes(b"[]")
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "case.json").write_bytes(b"[]")
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    sources = list(walk(str(tmp_path)))
    assert [s.label for s in sources] == [(tmp_path / "locked").as_posix(),
                                          (tmp_path / "open" / "case.json").as_posix()]
    for lang, fragment in (("vi", "Không đọc được thư mục này"),
                           ("en", "This folder cannot be read")):
        finding = read(sources[0], lang)
        assert not isinstance(finding, bytes)
        assert fragment in finding.message and finding.severity == "error"
    assert read(sources[1], "en") == b"[]"


@needs_posix
@pytest.mark.skipif(IS_ROOT, reason=ROOT_IGNORES_PERMISSIONS)
def test_an_unreadable_folder_is_named_by_the_command_line(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "case.json").write_bytes(CLEAN.read_bytes())
    locked.chmod(0)
    try:
        r = checker("check", "--format", "json", "--lang", "en", tmp_path)
    finally:
        locked.chmod(0o755)
    no_traceback(r)
    assert r.returncode == 1
    only_input_finding(findings_of(r)[locked.as_posix()], "permission denied")


def nest(top: Path, name: str, levels: int, cases_at: set[int]) -> list[str]:
    """`levels` folders called `name`, one in the other, below top (made relative to each
    other: the path soon outgrows what the system accepts); a case file at the levels
    in cases_at. Returns the paths of those case files."""
    top.mkdir()
    made = []
    fd = os.open(top, os.O_RDONLY)
    try:
        for level in range(1, levels + 1):
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
            if level in cases_at:
                case = os.open("case.json", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
                os.write(case, TINY_CASE)
                os.close(case)
                made.append(top.as_posix() + f"/{name}" * level + "/case.json")
    finally:
        os.close(fd)
    return made


@needs_posix
def test_folders_too_deep_are_checked_or_named(tmp_path: Path) -> None:
    """1,500 levels (deeper than Python's recursion limit) are walked; a folder whose
    path is longer than the system accepts is named, never skipped in silence."""
    try:
        deep = nest(tmp_path / "deep", "d", 1500, {10, 1500})
        names = nest(tmp_path / "long", "x" * 200, 30, {5, 25})
        r = checker("check", "--format", "json", "--lang", "en", tmp_path / "deep",
                    tmp_path / "long", timeout=120)
    finally:  # rm walks any depth; Python's rmtree (3.11) recurses
        subprocess.run(["rm", "-rf", tmp_path / "deep", tmp_path / "long"], check=True)
    no_traceback(r)
    assert r.returncode == 1, r.stderr
    found = findings_of(r)
    for path in [*deep, names[0]]:
        assert [f["rule"] for f in found[path]] == ["SCHEMA"]
    too_long = [p for p in found if len(os.fsencode(p)) >= os.pathconf("/", "PC_PATH_MAX")]
    assert len(too_long) == 1
    only_input_finding(found[too_long[0]], "the path is too long")
    assert names[1].startswith(too_long[0])  # the case below it: named through its folder


@needs_posix
def test_symbolic_links_to_folders_are_followed_once(tmp_path: Path) -> None:
    """A link to a folder elsewhere is followed; a second way into a folder already
    walked (a link beside it, a link to a parent: a loop) is a notice naming both."""
    cases = tmp_path / "cases"
    (cases / "2026").mkdir(parents=True)
    (cases / "2026" / "a.json").write_bytes(CLEAN.read_bytes())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.json").write_bytes(TINY_CASE)
    (cases / "archive").symlink_to(elsewhere)
    (cases / "current").symlink_to("2026")
    (cases / "2026" / "up").symlink_to("..")
    r = checker("check", "--format", "json", "--lang", "en", cases, timeout=60)
    no_traceback(r)
    assert r.returncode == 1
    found = findings_of(r)
    base = cases.as_posix()
    assert list(found) == [f"{base}/2026/a.json", f"{base}/2026/up", f"{base}/archive/b.json",
                           f"{base}/current"]
    assert found[f"{base}/2026/a.json"] == []
    assert [f["rule"] for f in found[f"{base}/archive/b.json"]] == ["SCHEMA"]
    for link, other in (("2026/up", base), ("current", f"{base}/2026")):
        (notice,) = found[f"{base}/{link}"]
        assert notice["severity"] == "info" and f"is the folder {other}," in notice["message"]


def test_a_run_that_finds_no_case_file_says_so(tmp_path: Path) -> None:
    """Exit 0 (as ruff does when no file matches) with a notice on stderr naming the
    folder; --quiet (hooks) keeps it quiet. The report itself is still valid."""
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_bytes(b"not a case\n")
    r = checker("check", "--format", "json", "--lang", "en", empty)
    no_traceback(r)
    assert r.returncode == 0
    assert json.loads(r.stdout)["files"] == []
    assert f"{empty}: there is no case file in this folder" in one_line(r.stderr)
    r = checker("check", empty)
    assert r.returncode == 0 and "không có tệp hồ sơ nào" in one_line(r.stderr)
    # a hook whose files are all excluded
    r = checker("check", "--lang", "en", "--force-exclude", empty / "notes.txt")
    assert r.returncode == 0 and "There is no case file to check" in one_line(r.stderr)
    r = checker("check", "--quiet", empty)
    assert (r.returncode, r.stdout, r.stderr) == (0, b"", b"")
