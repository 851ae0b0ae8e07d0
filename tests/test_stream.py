"""Issue 15, points 4 and 5: the report is written as the files are checked, in input
order, by reporters that keep counters and not files, so memory does not grow with the
number of files in any format; text output to a pipe does not import rich.

The corpora repeat three contents under many names: a warm result cache then answers
every file after the first three (cheap), while every file still flows through the
runner and the reporter as a result of its own.
"""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from _support import EXAMPLES, ROOT
from click.testing import CliRunner
from test_hostile import environment

from checker.cli import main
from checker.report import Report, Severity, Tally
from checker.reporters import FORMATS, get, writer

CONTENTS = ("clean.json", "violations.json", "2026-dismissal-violations.json")


def corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    datas = [(EXAMPLES / name).read_bytes() for name in CONTENTS]
    for i in range(n):
        (folder / f"case-{i:05d}.json").write_bytes(datas[i % len(datas)])
    return folder


# ---------------------------------------------------------------- the same bytes
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_streamed_report_is_the_whole_report(fmt: str) -> None:
    """Writing file by file through the format's Writer gives what render gives for the
    whole report (render is written on the Writer, so this checks the split: the head
    first, the files, the totals last), for no file, one and several."""
    from _support import run

    files = tuple(run((EXAMPLES / name).read_bytes(), path=name) for name in CONTENTS)
    for chosen in ((), files[:1], files):
        report = Report(files=chosen, lang="en", statistics=True, packs=(("p", "1"),))
        whole = io.StringIO()
        get(fmt)(report, whole, color=False)
        streamed = io.StringIO()
        w = writer(fmt, Report(files=(), lang="en", statistics=True, packs=(("p", "1"),)),
                   streamed, color=False)
        for fr in chosen:
            w.file(fr)
        w.close(Tally.of(chosen))
        assert streamed.getvalue() == whole.getvalue()
        assert whole.getvalue() or (fmt == "github" and not any(f.findings for f in chosen))


def test_the_tally_counts_as_the_report_does() -> None:
    from _support import run

    files = tuple(run((EXAMPLES / name).read_bytes(), path=name) for name in CONTENTS)
    tally = Tally.of(files)
    report = Report(files=files)
    assert (tally.files, tally.errors, tally.warnings, tally.infos, tally.waived) == (
        3, report.count(Severity.ERROR), report.count(Severity.WARNING),
        report.count(Severity.INFO), report.count_waived())
    assert tally.errors > 0
    assert tally.exit_code(Severity.ERROR, None) == 1
    assert tally.exit_code(None, None) == 0
    assert Tally.of(files[:1]).exit_code(Severity.ERROR, None) == 0


# ---------------------------------------------------------------- memory stays flat
def peak_here(fmt: str, folder: Path, tmp: Path) -> int:
    """Peak traced memory of a whole `check` of the folder (in this process, one job),
    the report written to a file, warm."""
    env = {"CHECKER_CACHE_DIR": str(tmp / "cache")}
    args = ["check", "-j", "1", "--format", fmt, "--exit-zero", "-o", str(tmp / "out"),
            "--force", str(folder)]
    runner = CliRunner()
    first = runner.invoke(main, args, env=env)  # warms the cache and the imports
    assert first.exit_code == 0, first.output
    written = (tmp / "out").read_bytes()
    time.sleep(2.5)  # the files' index rows are no longer racily clean
    assert runner.invoke(main, args, env=env).exit_code == 0
    # pathlib interns every file name it parses, and a name leaves the interpreter's
    # table of interned strings when the run lets go of it: held here, the run finds
    # them interned and does not insert them again (see _peak).
    held = [sys.intern(p.name) for p in folder.iterdir()]
    tracemalloc.start()
    try:
        again = runner.invoke(main, args, env=env)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del held
    assert again.exit_code == 0 and (tmp / "out").read_bytes() == written
    assert len(written) > 1000
    return peak


def _peak(fmt: str, folder: Path, tmp: Path) -> int:
    """peak_here in a fresh interpreter. Traced memory counts the interpreter's own
    tables too: when the table of interned strings fills, it is reallocated whole, in
    one allocation proportional to every string interned so far. In the test session's
    process, which holds hundreds of thousands of them, that is 5 to 17 MiB, and
    whether it falls inside the traced run depended on every test run before (CI saw
    6 MiB at 3,000 files against 1 MiB at 150). A fresh interpreter holds only what
    the checker and this module import, and does the same insertions on every run."""
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
            "from test_stream import peak_here; "
            "print(peak_here(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])))")
    done = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent), fmt,
                           str(folder), str(tmp)], cwd=ROOT, env=environment(),
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return int(done.stdout.split()[-1])


@pytest.mark.parametrize("fmt", FORMATS)
def test_memory_does_not_grow_with_the_number_of_files(tmp_path: Path, fmt: str) -> None:
    """Twenty times the files, the same peak memory (traced by Python), within a
    tolerance below what keeping every result or the document would take (3,000 files'
    results: more than 6 MiB). The tolerance allows for the interpreter's table of
    interned strings (pathlib interns each file name it parses), which grows or is
    rebuilt in one piece of about 2 MiB now and then, whatever the run, and for the
    identities of the files read, which --output keeps to protect them (16 bytes each)."""
    small = _peak(fmt, corpus(tmp_path / "small", 150), tmp_path)
    big = _peak(fmt, corpus(tmp_path / "big", 3000), tmp_path)
    assert big <= small * 1.2 + (3 << 20), (fmt, small, big)


def test_peak_rss_of_a_real_run_does_not_grow_with_the_files(tmp_path: Path) -> None:
    """The same through the real command line, in a process of its own, as the bench
    measures it (max RSS from the kernel), for the formats that hold the most."""
    small, big = corpus(tmp_path / "small", 300), corpus(tmp_path / "big", 3000)
    env = environment(CHECKER_CACHE_DIR=str(tmp_path / "cache"))
    for fmt in ("sarif", "junit", "json"):
        peaks = []
        for folder in (small, big, small, big):
            p = subprocess.Popen([sys.executable, "-m", "checker", "check", "-j", "1",
                                  "--format", fmt, str(folder)], cwd=ROOT, env=env,
                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(p.pid, 0)
            p.returncode = os.waitstatus_to_exitcode(status)
            assert p.returncode == 1
            peaks.append(usage.ru_maxrss)
        # the second pair is warm like the first big run; compare warm with warm
        assert peaks[3] <= peaks[2] * 1.1, (fmt, peaks)


# ---------------------------------------------------------------- written as it goes
def _read_until(stream: object, wanted: bytes, timeout: float) -> bytes:
    fd = stream.fileno()  # type: ignore[attr-defined]
    got = b""
    deadline = time.monotonic() + timeout
    while wanted not in got:
        left = deadline - time.monotonic()
        assert left > 0, f"not seen in time: {wanted!r}; got {got[-400:]!r}"
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 65536)
            assert chunk, f"output ended before {wanted!r}: {got[-400:]!r}"
            got += chunk
    return got


@pytest.mark.parametrize(("fmt", "marker"), [
    ("text", b"violations.json:"),
    ("json", b'"path": "fixtures/examples/violations.json"'),
    ("github", b"file=fixtures/examples/violations.json"),
])
def test_results_appear_while_later_files_are_still_being_checked(fmt: str,
                                                                   marker: bytes) -> None:
    """The last input is standard input, held open: the first file's findings must be
    on stdout while the checker still waits for it. (SARIF and JUnit put totals before
    the results: they are spooled and written at the end.)"""
    with subprocess.Popen([sys.executable, "-m", "checker", "check", "--format", fmt,
                           "fixtures/examples/violations.json", "-"], cwd=ROOT,
                          env=environment(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL) as p:
        try:
            assert p.stdout is not None and p.stdin is not None
            _read_until(p.stdout, marker, 120)
            assert p.poll() is None, "the run ended before its last input was given"
            p.stdin.write((EXAMPLES / "clean.json").read_bytes())
            p.stdin.close()
            rest = p.stdout.read()
            assert p.wait(timeout=120) == 1
        finally:
            if p.poll() is None:
                p.kill()
    assert fmt != "json" or rest.rstrip().endswith(b"}")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_output_does_not_depend_on_the_number_of_jobs(tmp_path: Path, fmt: str) -> None:
    folder = corpus(tmp_path / "c", 400)
    (folder / "case-00007.json").write_bytes(b'{"procedure": 3')  # a broken one among them
    env = {"CHECKER_CACHE_DIR": str(tmp_path / "cache")}
    outs = {CliRunner().invoke(main, ["check", "-j", j, "--format", fmt, str(folder)],
                               env=env).stdout for j in ("1", "2", "3", "1")}
    assert len(outs) == 1


# ---------------------------------------------------------------- no rich on a pipe
def _modules(*args: str) -> set[str]:
    code = ("import runpy, sys\n"
            f"sys.argv = ['checker', *{list(args)!r}]\n"
            "try:\n    runpy.run_module('checker', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "sys.stderr.write('\\nMODULES ' + ' '.join(sys.modules) + '\\n')\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment(),
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=120,
                       check=False)
    line = r.stderr.decode().rpartition("MODULES ")[2]
    assert r.stdout, r.stderr
    return set(line.split())


def test_text_to_a_pipe_imports_neither_rich_nor_the_worker_pool() -> None:
    """One file, text, stdout a pipe: rich is not imported (the text is laid out without
    it), nor multiprocessing, nor the XML and SARIF writers it does not use."""
    found = _modules("check", "fixtures/examples/violations.json")
    for unused in ("rich", "multiprocessing", "concurrent.futures", "xml.etree",
                   "checker.reporters.sarif", "checker.reporters.junit"):
        assert unused not in found, unused
    assert "checker.reporters.text" in found


def test_colour_asked_for_imports_rich() -> None:
    """The same test can fail: with --color, rich does the colouring."""
    assert "rich" in _modules("check", "--color", "fixtures/examples/violations.json")


def test_plain_text_has_no_escape_codes_and_colour_has() -> None:
    args = ["check", "fixtures/examples/violations.json"]
    plain = subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT,
                           env=environment(), capture_output=True, check=False).stdout
    colour = subprocess.run([sys.executable, "-m", "checker", *args, "--color"], cwd=ROOT,
                            env=environment(), capture_output=True, check=False).stdout
    assert b"\x1b[" not in plain and b"\x1b[" in colour
