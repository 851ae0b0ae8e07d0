"""Hostile input, through the real command line (`python -m checker`, a new process each
time): never crash, never hang, never lose a byte.

1. The corpus: every file in fixtures/hostile/ is named after what it breaks, and
   fixtures/hostile/expected.json gives its exit code and findings (rule, line:column,
   pointer, a fragment of the message in each language). A new file and entry adds a case.
2. Inputs that cannot live in git, made here: nesting 100,000 levels deep, a file over
   the size limit, a fifo, a device, a symbolic-link loop, an unreadable file, paths that
   are not files, 10,000 files in one folder.
3. The process under stress: `| head -1`, Ctrl-C, a closed stdin or stdout, a read-only
   working directory.
4. Rule packs as hostile input: fixtures/hostile/packs/ (expected.json there), and proof
   that loading a pack runs nothing.
5. Fuzz regressions: every input in fixtures/hostile/fuzz/ (the atheris harness's
   artifacts, tests/fuzz/fuzz_check.py) goes through the pipeline without an exception;
   and the result cache as hostile input (a malformed or planted entry).
6. Nothing lost: no case file changes (bytes, mtime) or is opened for writing; --output
   and init replace a file only with --force, atomically, and leave nothing behind when
   they fail; output is the same bytes whatever the locale, time zone and hash seed.

Subprocesses run in parallel threads where they are independent, to keep this file fast.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from _support import EXAMPLES, ROOT

HOSTILE = ROOT / "fixtures" / "hostile"
PACKS = HOSTILE / "packs"
FUZZ = HOSTILE / "fuzz"
CLEAN = EXAMPLES / "clean.json"
VIOLATIONS = EXAMPLES / "violations.json"

EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (HOSTILE / "expected.json").read_text("utf-8"))["files"]
PACK_EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (PACKS / "expected.json").read_text("utf-8"))["files"]
CORPUS = sorted(EXPECTED)

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
ROOT_IGNORES_PERMISSIONS = (
    "running as root, and root reads and writes whatever the permission bits say, so a "
    "permission problem cannot be produced"
)
needs_posix = pytest.mark.skipif(os.name != "posix", reason="POSIX file types and signals")
needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(),
                                reason="needs /proc to see when the process is busy")


# ---------------------------------------------------------------- running the checker
def environment(**extra: str) -> dict[str, str]:
    """The test's environment without any CHECKER_* setting but the result cache's folder
    (tests/conftest.py: a temporary one), plus `extra`."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CHECKER_") or k == "CHECKER_CACHE_DIR"}
    env.update(extra)
    return env


def checker(*args: str | Path, cwd: Path = ROOT, stdin: bytes | None = None,
            env: dict[str, str] | None = None, timeout: float = 120
            ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *map(str, args)],
        cwd=cwd, input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True, env=env or environment(), timeout=timeout, check=False,
    )


_POOL = ThreadPoolExecutor(max_workers=max(2, (os.cpu_count() or 2) + 1))


def later(*args: str | Path, **kw: Any) -> Future[subprocess.CompletedProcess[bytes]]:
    """checker(...) started now in a worker thread; .result() waits for it."""
    return _POOL.submit(checker, *args, **kw)


def no_traceback(r: subprocess.CompletedProcess[bytes]) -> None:
    for stream in (r.stdout, r.stderr):
        assert b"Traceback" not in stream, stream.decode("utf-8", "replace")


def one_line(err: bytes) -> str:
    text = err.decode("utf-8")
    assert len(text.strip().splitlines()) == 1, text
    assert text.endswith("\n") and text.startswith("checker: "), text
    return text


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def rel(p: Path) -> str:
    return p.relative_to(ROOT).as_posix()


# ---------------------------------------------------------------- 1. the corpus
def corpus_params(lang: str) -> list[Any]:
    out = []
    for name in CORPUS:
        reason = EXPECTED[name].get("xfail", {}).get(lang)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        out.append(pytest.param(name, marks=marks, id=name))
    return out


@pytest.fixture(scope="module")
def corpus_runs() -> dict[str, Future[subprocess.CompletedProcess[bytes]]]:
    """One process per corpus file (exit codes are per file), started all at once."""
    return {name: later("check", "--format", "json", "--lang", "vi", rel(HOSTILE / name))
            for name in CORPUS}


@pytest.fixture(scope="module")
def corpus_batches() -> dict[str, Future[subprocess.CompletedProcess[bytes]]]:
    """The whole corpus in one process: JSON in English, and text in Vietnamese."""
    files = [rel(HOSTILE / name) for name in CORPUS]
    return {"json-en": later("check", "--format", "json", "--lang", "en", *files),
            "text-vi": later("check", "--format", "text", "--lang", "vi", *files)}


def test_every_corpus_file_has_an_expectation_and_every_expectation_a_file() -> None:
    on_disk = {p.name for p in HOSTILE.glob("*.json")} - {"expected.json"}
    assert on_disk == set(EXPECTED)
    for name, e in EXPECTED.items():
        assert e["breaks"] and e["exit"] in (0, 1), name
        assert set(e.get("xfail", {})) <= {"vi", "en"}, name
        for f in e["findings"]:
            assert {"rule", "line", "column", "vi", "en"} <= set(f), (name, f)


def match_findings(name: str, got: list[dict[str, Any]], lang: str) -> None:
    """Every expected finding matches one finding of the report, and nothing is left
    over: same rule, line and column (None: no position), pointer where given, and the
    message (NFC) contains the fragment. Order-free: the report sorts equal positions by
    message, which differs between languages."""
    expected = EXPECTED[name]
    shown = json.dumps(got, ensure_ascii=False, indent=1)
    left = list(got)
    for want in expected["findings"]:
        for f in left:
            if (f["rule"] == want["rule"] and f.get("line") == want["line"]
                    and f.get("column") == want["column"]
                    and ("pointer" not in want or f["pointer"] == want["pointer"])
                    and nfc(want[lang]) in nfc(f["message"])):
                left.remove(f)
                break
        else:
            pytest.fail(f"{name}: no finding like {want} ({lang}); the report has:\n{shown}")
    assert not left, f"{name}: unexpected findings:\n{shown}"
    for fragment in expected.get("absent", {}).get(lang, []):
        for f in got:
            assert nfc(fragment) not in nfc(f["message"]), (name, fragment, f["message"])


@pytest.mark.parametrize("name", corpus_params("vi"))
def test_corpus_file_alone_in_vietnamese(
    name: str, corpus_runs: dict[str, Future[subprocess.CompletedProcess[bytes]]]
) -> None:
    r = corpus_runs[name].result()
    no_traceback(r)
    assert r.stderr == b"", r.stderr.decode("utf-8", "replace")
    assert r.returncode == EXPECTED[name]["exit"]
    (file,) = json.loads(r.stdout)["files"]
    assert file["path"] == rel(HOSTILE / name)
    match_findings(name, file["findings"], "vi")


@pytest.mark.parametrize("name", corpus_params("en"))
def test_corpus_file_in_english(
    name: str, corpus_batches: dict[str, Future[subprocess.CompletedProcess[bytes]]]
) -> None:
    r = corpus_batches["json-en"].result()
    files = {f["path"]: f for f in json.loads(r.stdout)["files"]}
    match_findings(name, files[rel(HOSTILE / name)]["findings"], "en")


def test_whole_corpus_in_one_run(
    corpus_batches: dict[str, Future[subprocess.CompletedProcess[bytes]]]
) -> None:
    """One bad file never stops the run: every file is reported, in order, and the text
    report shows each finding's line:column."""
    for r in (corpus_batches["json-en"].result(), corpus_batches["text-vi"].result()):
        no_traceback(r)
        assert r.stderr == b""
        assert r.returncode == max(e["exit"] for e in EXPECTED.values())
    report = json.loads(corpus_batches["json-en"].result().stdout)
    assert [f["path"] for f in report["files"]] == [rel(HOSTILE / n) for n in CORPUS]
    text = corpus_batches["text-vi"].result().stdout.decode("utf-8")
    # each finding's first line: `path:line:col: severity RULE …`, at the margin
    headers = {line.split(" ", 1)[0] for line in text.splitlines() if line[:1] not in " "}
    for name in CORPUS:
        if EXPECTED[name].get("xfail"):
            continue
        for f in EXPECTED[name]["findings"]:
            assert f"{rel(HOSTILE / name)}:{f['line']}:{f['column']}:" in headers, name


# ---------------------------------------------------------------- 2. made here
def findings_of(r: subprocess.CompletedProcess[bytes]) -> dict[str, list[dict[str, Any]]]:
    return {f["path"]: f["findings"] for f in json.loads(r.stdout)["files"]}


def only_input_finding(findings: list[dict[str, Any]], fragment: str) -> dict[str, Any]:
    assert len(findings) == 1, findings
    (f,) = findings
    assert f["rule"] == "INPUT" and f["severity"] == "error", f
    assert fragment in f["message"], f["message"]
    return f


def test_nesting_100000_levels_deep_is_one_finding(tmp_path: Path) -> None:
    (tmp_path / "arrays.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (tmp_path / "objects.json").write_bytes(b'{"a":' * 100_000 + b"1" + b"}" * 100_000)
    (tmp_path / "unclosed.json").write_bytes(b'{"steps": ' + b"[" * 100_000)  # cut short
    start = time.monotonic()
    r = checker("check", "--format", "json", "--lang", "en", tmp_path, timeout=60)
    assert time.monotonic() - start < 30
    no_traceback(r)
    assert r.returncode == 1
    found = findings_of(r)
    for name in ("arrays.json", "objects.json", "unclosed.json"):
        f = only_input_finding(found[(tmp_path / name).as_posix()], "nested too deeply")
        assert (f["line"], f["column"]) == (1, 1)


DEFAULT_LIMIT = 5 * 1024 * 1024


def padded_clean(size: int) -> bytes:
    """The clean example padded with trailing spaces (JSON whitespace) to `size` bytes."""
    raw = CLEAN.read_bytes()
    return raw + b" " * (size - len(raw))


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    at = tmp_path / "at-limit.json"
    over = tmp_path / "over-limit.json"
    at.write_bytes(padded_clean(DEFAULT_LIMIT))
    over.write_bytes(padded_clean(DEFAULT_LIMIT + 1))
    default, raised = later("check", "--format", "json", "--lang", "en", at, over), later(
        "check", "--format", "json", "--max-size", str(DEFAULT_LIMIT + 1), over)
    r = default.result()
    no_traceback(r)
    assert r.returncode == 1
    found = findings_of(r)
    assert found[at.as_posix()] == []
    f = only_input_finding(found[over.as_posix()], f"has {DEFAULT_LIMIT + 1} bytes")
    assert f"{DEFAULT_LIMIT}-byte limit" in f["message"] and "--max-size" in f["message"]
    r = raised.result()
    assert r.returncode == 0, r.stdout
    assert findings_of(r)[over.as_posix()] == []


def test_stdin_over_the_size_limit() -> None:
    r = checker("check", "--format", "json", "--lang", "en", "--max-size", "1000", "-",
                stdin=CLEAN.read_bytes())
    no_traceback(r)
    assert r.returncode == 1
    only_input_finding(findings_of(r)["<stdin>"], "over the 1000-byte limit")


@pytest.mark.parametrize("value", ["0", "-1", "5MB", "1e6"])
def test_bad_max_size_is_one_line_and_exit_2(value: str) -> None:
    r = checker("check", "--max-size", value, CLEAN)
    no_traceback(r)
    assert r.returncode == 2 and r.stdout == b""
    one_line(r.stderr)


@needs_posix
def test_fifo_and_devices_are_never_opened(tmp_path: Path) -> None:
    """A fifo or a device named *.json could block a read forever (or never end):
    reported, never read, whether named or found in a folder."""
    folder = tmp_path / "cases"
    folder.mkdir()
    os.mkfifo(folder / "fifo.json")
    (folder / "ok.json").write_bytes(CLEAN.read_bytes())
    devices = [d for d in ("/dev/zero", "/dev/null") if is_char_device(d)]
    r = checker("check", "--format", "json", "--lang", "en", folder / "fifo.json", *devices,
                folder, timeout=60)
    no_traceback(r)
    assert r.returncode == 1
    fifo, ok = (folder / "fifo.json").as_posix(), (folder / "ok.json").as_posix()
    assert [f["path"] for f in json.loads(r.stdout)["files"]] == [fifo, *devices, fifo, ok]
    found = findings_of(r)
    for path in (fifo, *devices):
        only_input_finding(found[path], "not a regular file")
    assert found[ok] == []


def is_char_device(path: str) -> bool:
    try:
        return stat.S_ISCHR(os.stat(path).st_mode)
    except OSError:
        return False


def symlink_loop(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.json").symlink_to("b.json")
    (folder / "b.json").symlink_to("a.json")
    (folder / "loop").symlink_to(".")  # a folder that contains itself: not followed
    (folder / "ok.json").write_bytes(CLEAN.read_bytes())


@needs_posix
def test_symlink_loop_named_on_the_command_line(tmp_path: Path) -> None:
    symlink_loop(tmp_path / "cases")
    loop = (tmp_path / "cases" / "a.json").as_posix()
    r = checker("check", "--format", "json", "--lang", "en", loop, tmp_path / "cases" / "ok.json")
    no_traceback(r)
    assert r.returncode == 1
    only_input_finding(findings_of(r)[loop], "symbolic links form a loop")


@needs_posix
@pytest.mark.parametrize("how", ["folder", "force-exclude"])
def test_symlink_loop_found_in_a_folder_or_by_a_hook(tmp_path: Path, how: str) -> None:
    folder = tmp_path / "cases"
    symlink_loop(folder)
    args = [folder] if how == "folder" else ["--force-exclude", folder / "a.json",
                                              folder / "ok.json"]
    r = checker("check", "--format", "json", "--lang", "en", *args, timeout=60)
    no_traceback(r)
    assert r.returncode == 1, r.stderr
    found = findings_of(r)
    only_input_finding(found[(folder / "a.json").as_posix()], "symbolic links form a loop")
    assert found[(folder / "ok.json").as_posix()] == []


@needs_posix
@pytest.mark.skipif(IS_ROOT, reason=ROOT_IGNORES_PERMISSIONS)
def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.json"
    locked.write_bytes(CLEAN.read_bytes())
    locked.chmod(0)
    try:
        vi, en = later("check", "--format", "json", locked), later(
            "check", "--format", "json", "--lang", "en", locked)
        for r, fragment in ((vi.result(), "không có quyền đọc"),
                            (en.result(), "permission denied")):
            no_traceback(r)
            assert r.returncode == 1
            only_input_finding(findings_of(r)[locked.as_posix()], fragment)
    finally:
        locked.chmod(0o600)


def test_paths_that_are_not_case_files(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to("nowhere.json")
    # a folder named like a case file is a folder: its case files are checked
    folder = tmp_path / "hoso.json"
    folder.mkdir()
    (folder / "inner.json").write_bytes(CLEAN.read_bytes())
    empty = tmp_path / "empty.json"
    empty.mkdir()
    r = checker("check", "--format", "json", "--lang", "en", missing, dangling, folder, empty)
    no_traceback(r)
    assert r.returncode == 1
    found = findings_of(r)
    assert list(found) == [missing.as_posix(), dangling.as_posix(),
                           (folder / "inner.json").as_posix()]
    only_input_finding(found[missing.as_posix()], "No such file or directory")
    only_input_finding(found[dangling.as_posix()], "No such file or directory")
    assert found[(folder / "inner.json").as_posix()] == []


# The smallest JSON recognised as a case, with one quick finding (an unknown procedure);
# a JSON array found in a folder is not a case, and is skipped (issue 12).
TINY_CASE = b'{"procedure": null}'


@pytest.fixture(scope="module")
def ten_thousand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10,000 tiny files in one folder (each the smallest JSON recognised as a case, with
    one quick finding; a JSON array found in a folder is not a case, and is skipped)."""
    folder = tmp_path_factory.mktemp("many") / "cases"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"case-{i:05}.json").write_bytes(TINY_CASE)
    return folder


def test_ten_thousand_files_in_one_folder_are_all_reported(ten_thousand: Path) -> None:
    r = checker("check", "--format", "json", "--lang", "en", ten_thousand)
    no_traceback(r)
    assert r.returncode == 1
    report = json.loads(r.stdout)
    paths = [f["path"] for f in report["files"]]
    assert paths == [(ten_thousand / f"case-{i:05}.json").as_posix() for i in range(10_000)]
    assert all(len(f["findings"]) == 1 for f in report["files"])
    assert report["summary"]["files"] == 10_000
    assert report["summary"]["error"] == 10_000


# ---------------------------------------------------------------- 3. the process under stress
MANY_VIOLATIONS = [str(VIOLATIONS)] * 40  # ~100 KB of text: more than a pipe holds


@needs_posix
@pytest.mark.parametrize(("fmt", "reader"), [("text", "head -1"), ("json", "head -1"),
                                             ("text", "true")])
def test_output_into_a_pipe_closed_early(tmp_path: Path, fmt: str, reader: str) -> None:
    """`checker check … | head -1` (and a reader that reads nothing): no traceback, no
    message, and never exit 2 ("could not run")."""
    err = tmp_path / "stderr"
    script = f'"$0" -m checker check --format {fmt} "$@" 2>"$ERR" | {reader}; ' \
             'exit "${PIPESTATUS[0]}"'
    r = subprocess.run(["bash", "-c", script, sys.executable, *MANY_VIOLATIONS],
                       cwd=ROOT, capture_output=True, env=environment(ERR=str(err)),
                       timeout=120, check=False)
    assert err.read_bytes() == b""
    assert r.returncode in (0, 1)
    if reader == "head -1":
        first = r.stdout.decode("utf-8")
        # text: the first finding's header line (how much of the message fits on it
        # depends on the length of the path, so on where the checkout is)
        if fmt == "json":
            assert first == "{\n"
        else:
            assert first.startswith(f"{VIOLATIONS}:25:27: lỗi PARTY-TIME-IN-POST")
            assert first.endswith("\n") and first.count("\n") == 1


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def interrupt(p: subprocess.Popen[bytes]) -> subprocess.CompletedProcess[bytes]:
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    return subprocess.CompletedProcess(p.args, p.returncode, out, err)


@needs_posix
@needs_proc
def test_ctrl_c_in_the_middle_of_a_long_run(ten_thousand: Path) -> None:
    # The folder five times over, checked afresh (--no-cache): minutes of work;
    # interrupted once the process has clearly passed start-up (more CPU time than
    # importing everything takes). The report goes to a file, which never fills: into an
    # unread pipe, a fast run stops at a full pipe before it is busy.
    with tempfile.TemporaryFile() as out, subprocess.Popen(
            [sys.executable, "-m", "checker", "check", "--no-cache", *[ten_thousand] * 5],
            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.PIPE,
            env=environment()) as p:
        deadline = time.monotonic() + 60
        while cpu_seconds(p.pid) < 1.0:
            assert p.poll() is None, "the run ended before it could be interrupted"
            assert time.monotonic() < deadline, "the process never got busy"
            time.sleep(0.02)
        workers = children(p.pid)
        r = interrupt(p)
        out.seek(0)
        r.stdout = out.read()
    no_traceback(r)
    assert r.returncode == 130
    assert r.stderr.strip() == b""
    deadline = time.monotonic() + 10  # no worker left running on its own
    while any(Path(f"/proc/{w}").exists() for w in workers):
        if time.monotonic() > deadline:
            for w in workers:
                with contextlib.suppress(OSError):
                    os.kill(w, signal.SIGKILL)
            pytest.fail("workers still running after the checker was interrupted")
        time.sleep(0.05)


@needs_posix
@needs_proc
def test_ctrl_c_while_waiting_for_stdin() -> None:
    """`checker check -` typed at a terminal, then Ctrl-C instead of input."""
    with subprocess.Popen([sys.executable, "-m", "checker", "check", "-"], cwd=ROOT,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=environment()) as p:
        deadline = time.monotonic() + 60
        last, still = -1.0, 0
        while still < 10:  # asleep, and no CPU used, for 10 polls in a row
            assert p.poll() is None and time.monotonic() < deadline
            used = cpu_seconds(p.pid)
            still = still + 1 if state(p.pid) == "S" and used == last else 0
            last = used
            time.sleep(0.05)
        r = interrupt(p)
    no_traceback(r)
    assert r.returncode == 130


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@needs_posix
@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
                    reason="needs /proc/PID/task/PID/children to see the workers start")
def test_ctrl_c_at_a_terminal_during_a_parallel_run(ten_thousand: Path) -> None:
    """A terminal sends Ctrl-C to the parent and its forked workers alike. Tried at a few
    moments just after the workers start: always exit 130, no traceback, no hang."""
    for delay in (0.0, 0.0, 0.03, 0.1):
        with subprocess.Popen([sys.executable, "-m", "checker", "check", "--no-cache",
                               "--jobs", "2", ten_thousand], cwd=ROOT,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=environment(),
                              start_new_session=True) as p:
            deadline = time.monotonic() + 60
            while len(children(p.pid)) < 2:
                assert p.poll() is None, "the run ended before its workers started"
                assert time.monotonic() < deadline, "the workers never started"
                time.sleep(0.005)
            time.sleep(delay)
            os.killpg(p.pid, signal.SIGINT)
            try:
                out, err = p.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.communicate()
                pytest.fail(f"the run hung after Ctrl-C {delay}s after its workers started")
        r = subprocess.CompletedProcess(p.args, p.returncode, out, err)
        no_traceback(r)
        assert r.returncode == 130


STARTUP_INTERRUPT = """
import runpy, sys

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "click":  # the first third-party import of `python -m checker`
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, CtrlC())
sys.argv = ["checker", "check", "-"]
runpy.run_module("checker", run_name="__main__", alter_sys=True)
"""


def test_ctrl_c_during_start_up() -> None:
    r = subprocess.run([sys.executable, "-c", STARTUP_INTERRUPT], cwd=ROOT,
                       capture_output=True, env=environment(), timeout=60, check=False,
                       stdin=subprocess.DEVNULL)
    no_traceback(r)
    assert r.returncode == 130


@needs_posix
def test_closed_stdin_and_stdout() -> None:
    def bash(script: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(["bash", "-c", script, sys.executable, str(CLEAN)], cwd=ROOT,
                              capture_output=True, env=environment(), timeout=60,
                              check=False)

    # reading a closed stdin: a finding about <stdin>, and the run goes on
    r = bash('exec "$0" -m checker check --format json --lang en - "$1" <&-')
    no_traceback(r)
    assert r.returncode == 1
    found = findings_of(r)
    only_input_finding(found["<stdin>"], "Standard input cannot be read")
    assert found[str(CLEAN)] == []
    # a closed stdin that is never read changes nothing
    r = bash('exec "$0" -m checker check "$1" <&-')
    assert r.returncode == 0 and r.stderr == b""
    # nowhere to write the report: the checker could not run (2), in one line
    r = bash('exec "$0" -m checker check "$1" >&-')
    no_traceback(r)
    assert r.returncode == 2
    one_line(r.stderr)


def test_read_only_working_directory(tmp_path: Path) -> None:
    """Checking works where nothing can be written, and writes nothing there (the result
    cache is in the user's cache folder, never in the working directory)."""
    cwd = tmp_path / "readonly"
    cwd.mkdir()
    cwd.chmod(0o555)
    try:
        # with the default result cache: nothing of it lands here
        env = {k: v for k, v in environment(HOME=str(tmp_path / "home")).items()
               if k not in ("CHECKER_CACHE_DIR", "XDG_CACHE_HOME")}
        runs = [later("check", "--format", fmt, EXAMPLES, cwd=cwd, env=env)
                for fmt in ("text", "json")]
        runs.append(later("check", "-", cwd=cwd, stdin=CLEAN.read_bytes(), env=env))
        runs.append(later("check", "--no-cache", EXAMPLES, cwd=cwd, env=env))
        for run, code in zip(runs, (1, 1, 0, 1), strict=True):
            r = run.result()
            no_traceback(r)
            assert r.returncode == code, r.stderr
            assert r.stderr == b""
        assert list(cwd.iterdir()) == []  # even for root, who could write here
        if not IS_ROOT:
            for args in (["init"], ["check", "-o", "report.txt", str(CLEAN)]):
                r = checker(*args, cwd=cwd)
                no_traceback(r)
                assert r.returncode == 2
                one_line(r.stderr)
            assert list(cwd.iterdir()) == []
    finally:
        cwd.chmod(0o755)


# ---------------------------------------------------------------- 4. rule packs
PACK_FILES = sorted(p.name for p in PACKS.glob("*.toml"))


@pytest.fixture(scope="module")
def pack_runs(tmp_path_factory: pytest.TempPathFactory
              ) -> dict[str, tuple[Path, Future[subprocess.CompletedProcess[bytes]]]]:
    """Each pack run in its own empty working directory (where a smuggled command would
    leave its MARKER)."""
    out = {}
    for name in PACK_FILES:
        cwd = tmp_path_factory.mktemp("pack")
        out[name] = (cwd, later("check", "--lang", "en", "--rules", PACKS / name, CLEAN,
                                cwd=cwd))
    return out


def test_every_pack_has_an_expectation(
    fifo_pack_run: tuple[float, subprocess.Popen[bytes]]  # start it now, judge it later
) -> None:
    assert set(PACK_FILES) == set(PACK_EXPECTED)


def pack_params() -> list[Any]:
    return [pytest.param(n, id=n, marks=[pytest.mark.xfail(reason=PACK_EXPECTED[n]["xfail"],
                                                            strict=True)]
                         if "xfail" in PACK_EXPECTED[n] else [])
            for n in PACK_FILES]


@pytest.mark.parametrize("name", pack_params())
def test_hostile_pack(
    name: str,
    pack_runs: dict[str, tuple[Path, Future[subprocess.CompletedProcess[bytes]]]],
) -> None:
    """A refused pack: exit 2, nothing on stdout, one line naming the pack file (and the
    rule); an accepted one runs. Either way nothing in it was executed."""
    cwd, run = pack_runs[name]
    r = run.result()
    want = PACK_EXPECTED[name]
    no_traceback(r)
    assert r.returncode == want["exit"], r.stderr
    if want["exit"] == 2:
        assert r.stdout == b""
        err = one_line(r.stderr)
        for fragment in want["stderr"]:
            assert fragment.casefold() in err.casefold(), (fragment, err)
    else:
        assert r.stderr == b""
        out = re.sub(r"\n +", " ", r.stdout.decode("utf-8"))  # wrapped lines joined
        for fragment in want["stdout"]:
            assert fragment in out, (fragment, out)
    assert not list(cwd.rglob("MARKER")) and not (ROOT / "MARKER").exists()


def test_deeply_nested_pack_is_refused_in_one_line(tmp_path: Path) -> None:
    pack = tmp_path / "deep.toml"
    pack.write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n")
    r = checker("check", "--rules", pack, CLEAN, timeout=60)
    no_traceback(r)
    assert r.returncode == 2 and r.stdout == b""
    err = one_line(r.stderr)
    assert "deep.toml" in err and "internal error" not in err


@pytest.mark.parametrize("kind", ["missing", "empty", "directory"])
def test_pack_path_that_is_not_a_pack(tmp_path: Path, kind: str) -> None:
    pack = tmp_path / f"{kind}.toml"
    if kind == "empty":
        pack.write_bytes(b"")
    elif kind == "directory":
        pack.mkdir()
    r = checker("check", "--rules", pack, CLEAN)
    no_traceback(r)
    assert r.returncode == 2 and r.stdout == b""
    assert f"{kind}.toml" in one_line(r.stderr)


@pytest.fixture(scope="module")
def fifo_pack_run(tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[tuple[float, subprocess.Popen[bytes]]]:
    """`check --rules <a fifo>`, started early and judged later: a refusal takes well
    under a second, so a process still waiting after 6 s has hung (it is then killed)."""
    fifo = tmp_path_factory.mktemp("fifo") / "pack.toml"
    os.mkfifo(fifo)
    with subprocess.Popen([sys.executable, "-m", "checker", "check", "--rules", str(fifo),
                           str(CLEAN)], cwd=ROOT, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=environment()) as p:
        yield time.monotonic(), p
        if p.poll() is None:
            p.kill()
        p.communicate()


@needs_posix
def test_pack_that_is_a_fifo_never_hangs(
    fifo_pack_run: tuple[float, subprocess.Popen[bytes]]
) -> None:
    started, p = fifo_pack_run
    try:
        out, err = p.communicate(timeout=max(0.1, started + 6 - time.monotonic()))
    except subprocess.TimeoutExpired:
        pytest.fail("the checker hung on a FIFO given as a rule pack")
    r = subprocess.CompletedProcess(p.args, p.returncode, out, err)
    no_traceback(r)
    assert r.returncode == 2
    assert "pack.toml" in one_line(r.stderr)


# Everything Python can be made to run through, without the module it lives in.
FORBIDDEN_EVENTS = {
    "exec", "compile", "import", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
    "os.fork", "os.startfile", "subprocess.Popen", "ctypes.dlopen", "socket.connect",
    "socket.getaddrinfo", "urllib.Request", "os.remove", "os.rename", "os.unlink",
    "shutil.rmtree", "webbrowser.open", "pickle.find_class", "marshal.loads", "code.__new__",
    "function.__new__",
}
_AUDIT: list[list[tuple[str, tuple[Any, ...]]]] = []  # the recording in progress, if any


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _AUDIT:
        _AUDIT[-1].append((event, args))


@contextlib.contextmanager
def audited() -> Iterator[list[tuple[str, tuple[Any, ...]]]]:
    """The audit events (PEP 578) raised in this process while the block runs. The hook
    cannot be removed once added; it is added on first use and idle outside a block."""
    if not getattr(audited, "hooked", False):
        sys.addaudithook(_audit)
        audited.hooked = True  # type: ignore[attr-defined]
    events: list[tuple[str, tuple[Any, ...]]] = []
    _AUDIT.append(events)
    try:
        yield events
    finally:
        _AUDIT.clear()


WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC


def test_loading_a_pack_runs_nothing() -> None:
    """Load every pack in fixtures/hostile/packs/ in this process under an audit hook:
    nothing is executed, compiled, imported, spawned or written; the only files opened
    are the packs themselves, for reading."""
    from checker.errors import RulePackError
    from checker.rules.pack import builtin_packs, load_pack
    from checker.schemas import validator
    from checker.sources import catalog

    builtin_packs(), catalog(), validator("rulepack")  # import what loading needs first
    load_pack(PACKS / "valid-agency-pack.toml")
    refused = []
    with audited() as events:
        for name in PACK_FILES:
            try:
                load_pack(PACKS / name)
            except RulePackError:
                refused.append(name)
    # every pack the CLI refuses is refused by load_pack alone, except the two that only
    # clash with the built-in pack
    clash = {"duplicate-pack-id.toml", "duplicate-rule-id.toml"}
    assert set(refused) == {n for n, e in PACK_EXPECTED.items() if e["exit"] == 2} - clash
    bad = [(e, a) for e, a in events if e in FORBIDDEN_EVENTS or e.split(".")[0] in
           {"subprocess", "ctypes", "socket", "urllib", "http"}]
    assert bad == []
    opened = [a for e, a in events if e == "open"]
    assert opened, "the audit hook saw nothing"
    for path, _mode, flags in opened:
        assert Path(path).parent == PACKS, path
        assert not flags & WRITE_FLAGS, (path, flags)


# ---------------------------------------------------------------- 5. fuzz regressions
# Inputs that still break the pipeline, each with why; remove the entry with the fix.
FUZZ_KNOWN_BUGS: dict[str, str] = {}
FUZZ_INPUTS = sorted(p.name for p in FUZZ.iterdir() if p.is_file() and p.name != "README.md")


def test_every_known_fuzz_bug_has_its_input() -> None:
    assert set(FUZZ_KNOWN_BUGS) <= set(FUZZ_INPUTS)


@pytest.mark.parametrize("name", [
    pytest.param(n, id=n, marks=[pytest.mark.xfail(reason=FUZZ_KNOWN_BUGS[n], strict=True)]
                 if n in FUZZ_KNOWN_BUGS else [])
    for n in FUZZ_INPUTS])
def test_fuzz_artifact_goes_through_the_pipeline(name: str) -> None:
    """Each input the atheris harness found a crash with (fixtures/hostile/fuzz/) is a
    report like any other, in every output format, in both languages, within seconds."""
    from _fuzzing import check_and_render

    raw = (FUZZ / name).read_bytes()
    start = time.monotonic()
    for lang in ("vi", "en"):
        check_and_render(raw, name, lang=lang)
    assert time.monotonic() - start < 10, f"{name} took too long"


def test_report_with_a_lone_surrogate_key_can_be_written(tmp_path: Path) -> None:
    """Found by atheris (fixtures/hostile/fuzz/crash-78db…): the pointer held the raw
    surrogate, and --output ended in 'internal error: UnicodeEncodeError'."""
    case = tmp_path / "case.json"
    case.write_bytes(b'{"a\\udc00b": 1}')
    r = checker("check", "--format", "json", "-o", tmp_path / "report.json", case)
    no_traceback(r)
    assert r.returncode == 1, r.stderr
    report = json.loads((tmp_path / "report.json").read_bytes())
    assert report["files"][0]["findings"][0]["rule"] == "INPUT"


@pytest.mark.parametrize(("fmt", "color"), [("text", "--color"), ("text", "--no-color"),
                                           ("github", "--no-color"), ("junit", "--no-color")])
def test_control_characters_in_a_case_never_reach_the_output(fmt: str, color: str) -> None:
    """A case can name a field anything (found by atheris: a NUL in a key made JUnit XML
    that did not parse). No format but JSON, where they are escaped, carries the case's
    control characters: no escape sequence reaches the terminal, no line is forged."""
    import xml.etree.ElementTree as ET

    case = HOSTILE / "control-characters-in-a-key.json"
    r = checker("check", "--format", fmt, color, case)
    no_traceback(r)
    assert r.returncode == 1
    out = r.stdout.decode("utf-8")
    assert "\x1b[2J" not in out and "\x1b[H" not in out and "\x1b[32m" not in out
    assert not any(line.lstrip().startswith("Không phát hiện") for line in out.splitlines())
    if color == "--no-color":
        assert not [c for c in out if unicodedata.category(c) == "Cc" and c not in "\n\t"]
    if fmt == "junit":
        ET.fromstring(out)  # our own output


# ---------------------------------------------------------------- the result cache
def cache_entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.json") if not p.name.startswith("."))


def tamper(folder: Path, change: Any) -> None:
    entries = cache_entries(folder)
    assert entries, "the first run wrote no cache entry"
    for entry in entries:
        data = json.loads(entry.read_bytes())
        change(data)
        entry.write_text(json.dumps(data), "utf-8")


def test_a_malformed_cache_entry_is_a_miss(tmp_path: Path) -> None:
    env = environment(CHECKER_CACHE_DIR=str(tmp_path / "cache"))
    first = checker("check", VIOLATIONS, env=env)
    assert first.returncode == 1

    def number_for_message(data: dict[str, Any]) -> None:
        data["result"]["findings"][0]["message"] = 123

    tamper(tmp_path / "cache", number_for_message)
    again = checker("check", VIOLATIONS, env=env)
    no_traceback(again)
    assert (again.returncode, again.stdout, again.stderr) == (1, first.stdout, b"")


def test_a_cache_planted_in_the_case_folder_cannot_hide_violations(tmp_path: Path) -> None:
    """The cache lives in the user's cache folder, never beside the cases: a forged cache
    that comes with a repository (here: a tampered copy of a real one, placed in the
    case folder under every name a project-local cache could have) changes nothing."""
    home = tmp_path / "home"
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "hoso.json").write_bytes(VIOLATIONS.read_bytes())
    env = {k: v for k, v in environment(HOME=str(home)).items()
           if k not in ("CHECKER_CACHE_DIR", "XDG_CACHE_HOME")}
    first = checker("check", "hoso.json", cwd=tmp_path / "cases", env=env)
    assert first.returncode == 1
    real = home / ".cache" / "checker"
    assert cache_entries(real), "the cache is in the user's cache folder"
    assert not (tmp_path / "cases" / ".checker-cache").exists()

    def clean(data: dict[str, Any]) -> None:
        data["result"]["findings"] = []

    for name in (".checker-cache", ".cache/checker", "checker-cache"):
        planted = tmp_path / "cases" / name
        shutil.copytree(real, planted)
        tamper(planted, clean)
    again = checker("check", "hoso.json", cwd=tmp_path / "cases", env=env)
    assert (again.returncode, again.stdout) == (1, first.stdout)


# ---------------------------------------------------------------- 6. nothing lost
def snapshot(root: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file below root: its bytes, mtime (ns) and mode."""
    out = {}
    for p in sorted(root.rglob("*")):
        st = p.lstat()
        if stat.S_ISREG(st.st_mode):
            out[p.relative_to(root).as_posix()] = (p.read_bytes(), st.st_mtime_ns, st.st_mode)
    return out


def test_a_run_over_all_fixtures_changes_no_file() -> None:
    fixtures = ROOT / "fixtures"
    before = snapshot(fixtures)
    r = checker("check", "--format", "json", "fixtures")
    no_traceback(r)
    assert r.returncode == 1
    assert len(json.loads(r.stdout)["files"]) > len(EXPECTED)
    assert snapshot(fixtures) == before


def test_no_case_file_is_ever_opened_for_writing() -> None:
    """In this process, under an audit hook: every open of anything below fixtures/ during
    a whole check run is read-only."""
    from click.testing import CliRunner

    from checker.cli import main

    fixtures = (ROOT / "fixtures").resolve()
    for cache in ("--cache", "--no-cache"):  # one worker: every open is in this process
        with audited() as events:
            result = CliRunner().invoke(
                main, ["check", "--jobs", "1", cache, "--format", "json", "fixtures"],
                catch_exceptions=False)
        assert result.exit_code == 1
        opened = [(Path(os.fsdecode(a[0])), a[2]) for e, a in events
                  if e == "open" and isinstance(a[0], str | bytes)]
        mine = [(p, flags) for p, flags in opened if fixtures in (ROOT / p).resolve().parents]
        # With the cache, the cache's index may answer without opening the files at all
        # (issue 15): only the run without it must have opened every one.
        assert cache == "--cache" or len(mine) >= len(EXPECTED)
        assert [(p, flags) for p, flags in mine if flags & WRITE_FLAGS] == []


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("command", ["output", "init"])
def test_an_existing_file_is_never_replaced_without_force(tmp_path: Path, command: str) -> None:
    target = tmp_path / "mine.json"
    target.write_bytes(b'{"mine": true}\n')
    os.utime(target, ns=(1_600_000_000_000_000_000,) * 2)
    before = snapshot(tmp_path)
    args = ["check", "-o", target, CLEAN] if command == "output" else ["init", target]
    r = checker(*args)
    no_traceback(r)
    assert r.returncode == 2 and r.stdout == b""
    assert "--force" in one_line(r.stderr)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", ["output", "init"])
def test_force_replaces_the_file_atomically(tmp_path: Path, command: str) -> None:
    """The new content arrives by rename: another name for the old file (a hard link)
    still holds the old bytes, and no temporary file is left in the folder."""
    target = tmp_path / "report.json"
    target.write_bytes(b"old\n")
    alias = tmp_path / "alias.json"
    os.link(target, alias)
    inode = target.stat().st_ino
    args = (["check", "--format", "json", "--force", "-o", target, CLEAN]
            if command == "output" else ["init", "--force", target])
    r = checker(*args)
    no_traceback(r)
    assert r.returncode == 0, r.stderr
    assert alias.read_bytes() == b"old\n"
    assert target.stat().st_ino != inode
    assert listing(tmp_path) == ["alias.json", "report.json"]
    if command == "output":
        assert r.stdout == b""
        expected = checker("check", "--format", "json", CLEAN).stdout
        assert target.read_bytes() == expected
    else:
        assert json.loads(target.read_bytes())


def checker_that_cannot_write(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    """The checker with a file-size limit of 0 (`ulimit -f 0`): every write to a file
    fails with EFBIG, as on a full disk, even for root. Python ignores SIGXFSZ."""
    return subprocess.run(
        ["bash", "-c", 'ulimit -f 0 && exec "$0" -m checker "$@"', sys.executable,
         *map(str, args)],
        cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, env=environment(),
        timeout=120, check=False)


@needs_posix
@pytest.mark.parametrize("command", ["output", "init"])
@pytest.mark.parametrize("existing", [False, True], ids=["new", "existing"])
def test_a_failed_write_leaves_nothing_behind(tmp_path: Path, command: str,
                                              existing: bool) -> None:
    target = tmp_path / "report.json"
    if existing:
        target.write_bytes(b"old\n")
    before = snapshot(tmp_path)
    args = (["check", "--force", "-o", target, CLEAN] if command == "output"
            else ["init", "--force", target])
    r = checker_that_cannot_write(*args)
    no_traceback(r)
    assert r.returncode == 2
    assert "report.json" in one_line(r.stderr)
    assert snapshot(tmp_path) == before  # the old file intact, no temporary file


@pytest.mark.parametrize("command", ["output", "init"])
def test_writing_into_a_missing_folder_is_one_line(tmp_path: Path, command: str) -> None:
    target = tmp_path / "no" / "such" / "folder" / "report.json"
    args = ["check", "-o", target, CLEAN] if command == "output" else ["init", target]
    r = checker(*args)
    no_traceback(r)
    assert r.returncode == 2
    assert "report.json" in one_line(r.stderr)
    assert list(tmp_path.iterdir()) == []


@needs_posix
@pytest.mark.skipif(IS_ROOT, reason=ROOT_IGNORES_PERMISSIONS)
@pytest.mark.parametrize("command", ["output", "init"])
def test_writing_into_a_read_only_folder_leaves_nothing(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    (folder / "report.json").write_bytes(b"old\n")
    before = snapshot(folder)
    folder.chmod(0o555)
    try:
        target = folder / "report.json"
        args = (["check", "--force", "-o", target, CLEAN] if command == "output"
                else ["init", "--force", target])
        r = checker(*args)
        no_traceback(r)
        assert r.returncode == 2
        one_line(r.stderr)
    finally:
        folder.chmod(0o755)
    assert snapshot(folder) == before


def available_locales() -> set[str]:
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True, timeout=10,
                             check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {line.strip().lower().replace("utf-8", "utf8") for line in out.splitlines()}


def variant_environments() -> list[tuple[str, dict[str, str]]]:
    """Each locale (vi_VN.UTF-8 where installed), time zone and hash seed at least once,
    against a baseline run twice: a covering set, not the full product."""
    vi = "vi_VN.UTF-8" if "vi_vn.utf8" in available_locales() else "C.UTF-8"
    rows = [
        ("baseline", "C.UTF-8", "UTC", "0"),
        ("baseline again", "C.UTF-8", "UTC", "0"),
        ("C locale, Hanoi time, hash seed 1", "C", "Asia/Ho_Chi_Minh", "1"),
        (f"{vi}, New York time, random hash seed", vi, "America/New_York", "random"),
    ]
    return [(name, environment(LC_ALL=loc, LANG=loc, TZ=tz, PYTHONHASHSEED=seed))
            for name, loc, tz, seed in rows]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_output_is_the_same_bytes_whatever_the_environment(fmt: str, tmp_path: Path) -> None:
    """Computed afresh (--no-cache) under each environment, and read back from a result
    cache: the same bytes every time."""
    args = ("check", "--format", fmt, "fixtures/examples", "fixtures/hostile")
    runs = [(name, later(*args, "--no-cache", env=env)) for name, env in variant_environments()]
    outputs = {name: run.result() for name, run in runs}
    cached = environment(CHECKER_CACHE_DIR=str(tmp_path / "cache"))
    outputs["filling a cache"] = checker(*args, env=cached)
    outputs["from the cache"] = checker(*args, env=cached)
    base = outputs["baseline"]
    assert base.returncode == 1 and base.stdout
    for name, r in outputs.items():
        assert (r.returncode, r.stderr) == (1, b""), name
        assert r.stdout == base.stdout, f"{fmt} output differs: {name}"


@pytest.fixture(autouse=True, scope="module")
def _no_marker_left() -> Iterator[None]:
    yield
    marker = ROOT / "MARKER"
    if marker.exists():  # only if a pack did run code
        marker.unlink()
        pytest.fail("a rule pack ran code: MARKER was created")
