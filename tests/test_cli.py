"""The command line: exit codes, streams, and every subcommand, in-process (CliRunner)
and as a real process (`python -m checker`, the console entry point)."""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _support import EXAMPLES, ROOT, SCHEMAS, encode, example, shift_dates
from click.testing import CliRunner, Result

from checker.cli import main
from checker.sources import DATA

CLEAN = str(EXAMPLES / "clean.json")
VIOLATIONS = str(EXAMPLES / "violations.json")
TEMPLATE = DATA / "templates" / "appointment.json"  # the default procedure


def cli(*args: str, input: bytes | None = None, env: dict[str, Any] | None = None) -> Result:
    runner = CliRunner()
    return runner.invoke(
        main, list(args), input=input, env={"CHECKER_LANG": None, **(env or {})},
        catch_exceptions=False,
    )


def proc(
    *args: str, cwd: Path = ROOT, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """A real process through the console entry point (checker.cli:run)."""
    env = {k: v for k, v in os.environ.items() if k not in ("CHECKER_LANG", "CHECKER_DEBUG")}
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=cwd, input=stdin, capture_output=True, env=env, timeout=60, check=False,
    )


def text(out: bytes) -> str:
    return out.decode("utf-8")


def unwrap(out: str) -> str:
    """Text output with its wrapped lines joined again: a line that starts with spaces
    (a hanging indent) goes on the line before it."""
    return re.sub(r"\n +", " ", out)


def no_traceback(result: Any) -> None:
    for stream in (result.stdout, result.stderr):
        s = stream if isinstance(stream, str) else text(stream)
        assert "Traceback" not in s, s


def json_report(result: Result) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# ---------------------------------------------------------------- check: exit codes
def test_clean_example_exits_0() -> None:
    r = cli("check", CLEAN)
    assert r.exit_code == 0, r.output
    # a clean file prints nothing but the summary; in verbose mode it says it is clean
    assert r.stdout == "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo, 0 thông tin.\n"
    assert f"{CLEAN}: Không phát hiện vấn đề nào." in cli("check", "-v", CLEAN).stdout
    assert r.stderr == ""


def test_violations_example_exits_1() -> None:
    r = cli("check", VIOLATIONS)
    assert r.exit_code == 1
    assert "APPT-QUORUM" in r.stdout
    assert r.stderr == ""


def test_directory_of_examples_exits_1() -> None:
    r = cli("check", "--format", "json", str(EXAMPLES))
    assert r.exit_code == 1
    assert [f["path"] for f in json_report(r)["files"]] == [
        (EXAMPLES / f"{name}.json").as_posix() for name in (
            "2024-ministry-bcs-era", "2025-dismissal",
            "2025-resignation",  # part R
            "2025-rotation",  # issue 14, LC
            "2025-suspension",  # part S
            "2025-transfer",  # issue 14, transfer
            "2026-acting-head-violations", "2026-acting-head",  # issue 14 (file order)
            "2026-appointment-after-relief",  # issue 14, waiting periods
            "2026-dismissal-violations", "2026-dismissal",
            "2026-extension-violations", "2026-extension",  # issue 14 (file order)
            "2026-four-step-in-house",
            "2026-from-elsewhere", "2026-provincial-branch-hiep-y",
            "2026-reappointment-violations", "2026-reappointment",  # issue 14 (file order)
            "2026-relief-violations", "2026-relief", "2026-resignation-violations",
            "2026-resignation",  # part R (file order)
            "2026-rotation-violations", "2026-rotation",  # issue 14, LC (file order)
            "2026-suspension-violations", "2026-suspension",  # part S (file order)
            "2026-transfer-violations", "2026-transfer",  # issue 14, transfer (file order)
            "2026-violations", "clean", "violations")
    ]


BROKEN = {
    "truncated.json": (b'{\n  "case_id": "X",\n  "unit": {', "3:12"),
    "duplicate.json": (b'{\n  "case_id": "X",\n  "case_id": "Y"\n}', "3:3"),
    "utf16.json": (codecs.BOM_UTF16_LE + '{"case_id": "X"}'.encode("utf-16-le"), "1:1"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_unreadable_file_is_a_finding_with_its_place(tmp_path: Path, name: str) -> None:
    raw, where = BROKEN[name]
    path = tmp_path / name
    path.write_bytes(raw)
    r = cli("check", str(path))
    assert r.exit_code == 1
    assert f"{path}:{where}: lỗi INPUT" in r.stdout
    no_traceback(r)
    line, column = (int(x) for x in where.split(":"))
    (finding,) = json_report(cli("check", "--format", "json", str(path)))["files"][0]["findings"]
    assert (finding["line"], finding["column"]) == (line, column)
    assert finding["rule"] == "INPUT"


def test_unreadable_files_in_a_real_process(tmp_path: Path) -> None:
    for name, (raw, _) in BROKEN.items():
        (tmp_path / name).write_bytes(raw)
    (tmp_path / "ok.json").write_bytes(encode(example("clean")))
    r = proc("check", "--lang", "en", ".", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    no_traceback(r)
    out = text(r.stdout)
    for name, (_, where) in BROKEN.items():
        assert f"{name}:{where}: error INPUT " in out
    # the run went on to the next file, which is clean: it shows in verbose mode
    out = text(proc("check", "--lang", "en", "-v", ".", cwd=tmp_path).stdout)
    assert "ok.json: No problems found.\n  Regulations applied at the" in out
    assert "Checked 4 files: 3 errors" in out


def test_huge_number_is_a_finding_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a-huge.json").write_bytes(b'{"case_id": ' + b"9" * 5000 + b"}")
    (tmp_path / "b-clean.json").write_bytes(encode(example("clean")))
    r = proc("check", "--lang", "en", ".", cwd=tmp_path)
    no_traceback(r)
    assert r.returncode == 1, text(r.stderr)
    assert "internal error" not in text(r.stderr)
    assert "a-huge.json:1:13: error INPUT " in text(r.stdout)
    r = proc("check", "--lang", "en", "--verbose", ".", cwd=tmp_path)
    assert "b-clean.json: No problems found.\n  Regulations applied at the" in text(r.stdout)


def test_missing_path_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.json")
    r = cli("check", "--lang", "en", missing, CLEAN)
    assert r.exit_code == 1
    assert "No such file or directory." in r.stdout
    no_traceback(r)
    files = json_report(cli("check", "--format", "json", missing, CLEAN))["files"]
    assert [f["path"] for f in files] == [missing, CLEAN]
    assert files[0]["findings"][0]["rule"] == "INPUT"
    assert files[1]["findings"] == []


# ---------------------------------------------------------------- check: usage errors
def one_line_usage_error(r: Any) -> None:
    assert r.returncode == 2 if hasattr(r, "returncode") else r.exit_code == 2
    err = r.stderr if isinstance(r.stderr, str) else text(r.stderr)
    out = r.stdout if isinstance(r.stdout, str) else text(r.stdout)
    no_traceback(r)
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err


def test_unknown_select_rule_is_exit_2_with_one_line() -> None:
    r = cli("check", "--select", "APPT-NOPE", CLEAN)
    one_line_usage_error(r)
    # in the run's language (Vietnamese by default), naming where the id came from
    assert r.stderr == (
        "checker: --select: Không có quy tắc nào mang mã 'APPT-NOPE'; xem danh sách bằng "
        "lệnh `checker rules`.\n"
    )


def test_unknown_ignore_rule_is_exit_2() -> None:
    one_line_usage_error(cli("check", "--ignore", "NOPE", CLEAN))


BAD_OPTIONS = [
    pytest.param(["--format", "xml"], id="format-xml"),
    pytest.param(["--as-of", "2025-02-30"], id="as-of-impossible"),
    pytest.param(["--as-of", "23/7/2025"], id="as-of-vietnamese"),
    pytest.param(["--lang", "fr"], id="lang-fr"),
    pytest.param(["--fail-on", "info"], id="fail-on-info"),
]


@pytest.mark.parametrize("args", BAD_OPTIONS)
def test_bad_option_is_exit_2(args: list[str]) -> None:
    r = cli("check", *args, CLEAN)
    assert r.exit_code == 2
    assert r.stdout == ""
    no_traceback(r)


@pytest.mark.parametrize("args", BAD_OPTIONS)
def test_bad_option_is_one_line_on_stderr(args: list[str]) -> None:
    one_line_usage_error(proc("check", *args, CLEAN))


SCRIPT = Path(sys.executable).parent / "checker"


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed")
def test_installed_console_script(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("CHECKER_LANG", "CHECKER_DEBUG")}
    ok = subprocess.run([str(SCRIPT), "check", "-v", CLEAN], capture_output=True, env=env,
                        timeout=60, check=False)
    assert ok.returncode == 0, ok.stderr
    assert "Không phát hiện vấn đề nào." in text(ok.stdout)
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'{"case_id": ')
    bad = subprocess.run([str(SCRIPT), "check", str(broken)], capture_output=True, env=env,
                         timeout=60, check=False)
    assert bad.returncode == 1
    assert f"{broken}:1:13: lỗi INPUT" in text(bad.stdout)
    no_traceback(bad)


def test_unknown_select_rule_in_a_real_process() -> None:
    r = proc("check", "--select", "APPT-NOPE", CLEAN)
    one_line_usage_error(r)


def test_no_paths_is_a_usage_error() -> None:
    r = cli("check")
    assert r.exit_code == 2


# ---------------------------------------------------------------- check: inputs
def test_reads_stdin() -> None:
    r = cli("check", "-", input=(EXAMPLES / "violations.json").read_bytes())
    assert r.exit_code == 1
    assert r.stdout.startswith("<stdin>:25:27: lỗi PARTY-TIME-IN-POST ")
    assert "<stdin>:71:18: lỗi APPT-QUORUM " in r.stdout


def test_reads_stdin_in_a_real_process() -> None:
    r = proc("check", "--format", "json", "-", stdin=(EXAMPLES / "clean.json").read_bytes())
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["files"][0]["path"] == "<stdin>"
    assert report["files"][0]["findings"] == []


def test_directory_finds_nested_json_sorted_and_skips_hidden(tmp_path: Path) -> None:
    clean = encode(example("clean"))
    for rel in ["b/c.json", "a.json", "b/a/z.json", "z.json", ".hidden/x.json",
                "b/.git/y.json", "b/.dot.json", "notes.txt", "b/c.JSON.bak"]:
        p = tmp_path / "root" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(clean)
    r = cli("check", "--format", "json", str(tmp_path / "root"))
    assert r.exit_code == 0
    root = (tmp_path / "root").as_posix()
    assert [f["path"] for f in json_report(r)["files"]] == [
        f"{root}/a.json", f"{root}/b/a/z.json", f"{root}/b/c.json", f"{root}/z.json",
    ]


def test_empty_directory_checks_nothing(tmp_path: Path) -> None:
    r = cli("check", "--format", "json", str(tmp_path))
    assert r.exit_code == 0
    assert json_report(r)["files"] == []


# ---------------------------------------------------------------- check: options
def warnings_only(tmp_path: Path) -> str:
    data = shift_dates(example("clean"), -2000)  # 2020: before every encoded regime
    path = tmp_path / "warning.json"
    path.write_bytes(encode(data))
    return str(path)


def test_fail_on_warning(tmp_path: Path) -> None:
    path = warnings_only(tmp_path)
    r = cli("check", path)
    assert r.exit_code == 0
    assert "COVERAGE" in r.stdout
    assert cli("check", "--fail-on", "warning", path).exit_code == 1
    assert cli("check", "--fail-on", "error", path).exit_code == 0


def test_fail_on_warning_with_as_of() -> None:
    assert cli("check", "--as-of", "2019-01-01", CLEAN).exit_code == 0
    assert cli("check", "--as-of", "2019-01-01", "--fail-on", "warning", CLEAN).exit_code == 1


def test_as_of_is_reported() -> None:
    report = json_report(cli("check", "--format", "json", "--as-of", "2026-01-31", CLEAN))
    assert report["as_of"] == "2026-01-31"
    assert report["files"][0]["applied"][0]["selected_by"] == "--as-of"


def test_lang_en() -> None:
    r = cli("check", "--lang", "en", "-v", CLEAN)
    assert "No problems found." in r.stdout
    assert "Checked 1 file: 0 errors, 0 warnings, 0 info messages." in r.stdout
    assert "Không" not in r.stdout


def test_lang_from_environment() -> None:
    r = cli("check", "-v", CLEAN, env={"CHECKER_LANG": "en"})
    assert "No problems found." in r.stdout
    r = cli("check", "-v", "--lang", "vi", CLEAN, env={"CHECKER_LANG": "en"})
    assert "Không phát hiện vấn đề nào." in r.stdout


def test_select_and_ignore_on_the_command_line() -> None:
    r = cli("check", "--format", "json", "--select", "APPT-DOSSIER", VIOLATIONS)
    rules = {f["rule"] for f in json_report(r)["files"][0]["findings"]}
    assert rules == {"APPT-DOSSIER-RESIDENCE"}
    r = cli("check", "--format", "json", "--ignore", "APPT-DOSSIER", "--ignore", "APPT-QUORUM",
            VIOLATIONS)
    rules = {f["rule"] for f in json_report(r)["files"][0]["findings"]}
    assert rules and not {"APPT-DOSSIER-RESIDENCE", "APPT-QUORUM"} & rules


def test_no_colour_when_piped() -> None:
    r = proc("check", VIOLATIONS)
    assert r.returncode == 1
    assert b"\x1b[" not in r.stdout


def test_colour_when_asked() -> None:
    r = cli("check", "--color", VIOLATIONS)
    assert "\x1b[" in r.stdout


def test_version() -> None:
    from checker import __version__

    r = cli("--version")
    assert r.exit_code == 0
    assert __version__ in r.stdout


# ---------------------------------------------------------------- never modifies a case
def test_check_never_modifies_the_case_file(tmp_path: Path) -> None:
    paths = []
    for name in ("clean.json", "violations.json"):
        p = tmp_path / name
        p.write_bytes((EXAMPLES / name).read_bytes())
        os.utime(p, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
        paths.append(p)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths}
    listing = sorted(os.listdir(tmp_path))
    for fmt in ("text", "json"):
        cli("check", "--format", fmt, *map(str, paths))
        cli("check", "--format", fmt, str(tmp_path))
    proc("check", str(tmp_path))
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths} == before
    assert sorted(os.listdir(tmp_path)) == listing


# ---------------------------------------------------------------- rules, explain, sources
def test_rules_exits_0_and_lists_rules_per_layer() -> None:
    r = cli("rules")
    assert r.exit_code == 0
    assert "Tầng Nhà nước" in r.stdout
    assert "APPT-QUORUM" in r.stdout
    assert "01/07/2025" in r.stdout  # dates as Vietnamese writes them
    assert "State layer" in cli("rules", "--lang", "en").stdout or "state layer" in (
        cli("rules", "--lang", "en").stdout
    )


def test_rules_lists_every_rule_id_in_full() -> None:
    from checker.rules.engine import rule_ids
    from checker.rules.pack import builtin_packs

    r = cli("rules")
    assert r.exit_code == 0
    for rule_id in rule_ids(builtin_packs()):
        assert rule_id in r.stdout


def test_rules_before_every_regime_lists_none() -> None:
    r = cli("rules", "--as-of", "2017-01-01")
    assert r.exit_code == 0
    assert unwrap(r.stdout).strip().splitlines() == [
        "Tầng Đảng vào ngày 01/01/2017: chưa có quy định nào được mã hóa (hồ sơ sẽ được báo là "
        "chưa được kiểm tra).",
        "Tầng Nhà nước vào ngày 01/01/2017: chưa có quy định nào được mã hóa (hồ sơ sẽ được báo "
        "là chưa được kiểm tra).",
        "",
        "Không có quy tắc nào có hiệu lực vào ngày này.",
    ]
    r = cli("rules", "--as-of", "2017-01-01", "--lang", "en")
    assert r.stdout.strip().endswith("No rules are in force on that date.")


def test_rules_as_of_names_each_layers_regime() -> None:
    r = cli("rules", "--as-of", "2024-01-01", "--lang", "en")
    lines = unwrap(r.stdout).splitlines()
    assert lines[0].startswith(
        "Party layer on 2024-01-01: Regulation 80-QĐ/TW (by the decision date)")
    assert lines[1] == ("State layer on 2024-01-01: Decree 138/2020/NĐ-CP (by the decision "
                        "date).")
    r = cli("rules", "--as-of", "2026-01-15", "--lang", "en")
    lines = unwrap(r.stdout).splitlines()
    assert lines[0].startswith(
        "Party layer on 2026-01-15: Regulation 377-QĐ/TW (by the decision date)")
    assert lines[1] == ("State layer on 2026-01-15: Decree 170/2025/NĐ-CP (by the process "
                        "start date).")


def test_rules_bad_as_of_is_exit_2() -> None:
    r = cli("rules", "--as-of", "2025-13-01")
    assert r.exit_code == 2


def test_explain_quotes_the_decree() -> None:
    r = cli("explain", "APPT-QUORUM")
    assert r.exit_code == 0
    assert "các hội nghị chỉ được tiến hành khi có ít nhất 2/3 số người được triệu tập có mặt" in (
        unwrap(r.stdout)
    )
    assert "Điều 33" in r.stdout
    assert "170/2025/NĐ-CP" in r.stdout


def test_explain_in_english_and_lowercase() -> None:
    r = cli("explain", "appt-quorum", "--lang", "en")
    assert r.exit_code == 0
    assert "Decree 170/2025/NĐ-CP, Article 33(2)" in r.stdout


def test_explain_unknown_rule_is_exit_2() -> None:
    r = cli("explain", "APPT-NOPE")
    one_line_usage_error(r)
    assert "APPT-NOPE" in r.stderr


def test_sources_shows_the_replacement_chain() -> None:
    r = cli("sources")
    assert r.exit_code == 0
    assert ("Nghị định 138/2020/NĐ-CP được thay thế bởi Nghị định 170/2025/NĐ-CP từ "
            "01/07/2025") in unwrap(r.stdout)
    r = cli("sources", "--lang", "en")
    assert ("Decree 138/2020/NĐ-CP was replaced by Decree 170/2025/NĐ-CP from 2025-07-01 "
            "(Decree 170/2025/NĐ-CP, Article 71(2)(c))") in unwrap(r.stdout)


@pytest.mark.parametrize("name", ["case", "rulepack", "report", "sources"])
def test_schema_prints_the_published_file(name: str) -> None:
    r = cli("schema", name)
    assert r.exit_code == 0
    published = (SCHEMAS / f"{name}.schema.json").read_text("utf-8")
    assert r.stdout == published
    assert json.loads(r.stdout) == json.loads(published)


def test_schema_unknown_name_is_exit_2() -> None:
    assert cli("schema", "nope").exit_code == 2


# ---------------------------------------------------------------- init
def test_init_writes_the_template_and_refuses_to_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    r = cli("init")
    assert r.exit_code == 0, r.stderr
    case = tmp_path / "case.json"
    assert case.read_bytes() == TEMPLATE.read_bytes()

    case.write_bytes(b'{"mine": true}\n')
    r = cli("init")
    assert r.exit_code == 2
    assert len(r.stderr.strip().splitlines()) == 1
    assert "--force" in r.stderr
    assert case.read_bytes() == b'{"mine": true}\n'

    r = cli("init", "--force")
    assert r.exit_code == 0
    assert case.read_bytes() == TEMPLATE.read_bytes()
    assert sorted(os.listdir(tmp_path)) == ["case.json"]  # no temporary file left behind


def test_init_to_a_named_path_gives_a_checkable_case(tmp_path: Path) -> None:
    target = tmp_path / "hoso.json"
    assert cli("init", str(target)).exit_code == 0
    r = cli("check", "--format", "json", str(target))
    findings = json_report(r)["files"][0]["findings"]
    assert not [f for f in findings if f["rule"] in ("INPUT", "SCHEMA")], findings


# ---------------------------------------------------------------- the process contract
def test_internal_error_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug outside the check of one file (here, building the report; a bug on one file
    is that file's finding: tests/test_runner.py)."""
    import checker.report
    from checker.cli import run

    def boom(*_: Any, **__: Any) -> Any:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(checker.report.Report, "__init__", boom)
    monkeypatch.setattr(sys, "argv", ["checker", "check", "--no-cache", CLEAN])
    monkeypatch.delenv("CHECKER_DEBUG", raising=False)
    with pytest.raises(SystemExit) as e:
        run()
    assert e.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        # In the run's language only (issue 12), Vietnamese by default.
        "checker: lỗi nội bộ: RuntimeError: simulated bug (CHECKER_DEBUG=1 cho xem traceback)\n"
    )
    monkeypatch.setenv("CHECKER_DEBUG", "1")
    with pytest.raises(RuntimeError, match="simulated bug"):
        run()


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    raw = (EXAMPLES / "violations.json").read_bytes()
    for i in range(150):  # enough output to overflow a pipe buffer
        (tmp_path / f"case-{i:03}.json").write_bytes(raw)
    env = {k: v for k, v in os.environ.items() if k not in ("CHECKER_LANG", "CHECKER_DEBUG")}
    with subprocess.Popen(
        [sys.executable, "-m", "checker", "check", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    ) as p:
        assert p.stdout is not None and p.stderr is not None
        first = p.stdout.readline()
        p.stdout.close()
        err = p.stderr.read()
        code = p.wait(timeout=60)
    assert first.startswith(tmp_path.as_posix().encode())
    assert b"Traceback" not in err
    assert err == b""
    assert code in (0, 1)  # quietly: never "could not run" (2) nor a signal death


def test_usage_errors_in_a_real_process_are_one_line() -> None:
    for args in (["check", "--format", "xml", CLEAN], ["nope"], ["check", "--as-of", "x", CLEAN]):
        one_line_usage_error(proc(*args))


def test_no_command_is_one_line_or_plain_help() -> None:
    r = proc()
    err = text(r.stderr)
    assert r.returncode in (0, 2)
    assert not err.startswith("checker: Usage:")
    if r.returncode == 2:
        assert len(err.strip().splitlines()) == 1, err


def test_sources_shows_the_timeline_per_layer() -> None:
    out = cli("sources", "--lang", "en").stdout
    timeline = out[out.index("Timeline"):]
    assert timeline.index("Party layer") < timeline.index("State layer")
    for line in ("Regulation 80-QĐ/TW was replaced by Regulation 377-QĐ/TW from 2025-10-08",
                 "Decree 116/2024/NĐ-CP amended Decree 138/2020/NĐ-CP from 2024-09-17",
                 "Decree 138/2020/NĐ-CP was replaced by Decree 170/2025/NĐ-CP from 2025-07-01",
                 "Decree 300/2026/NĐ-CP amended Decree 170/2025/NĐ-CP from 2026-08-01"):
        assert line in timeline
