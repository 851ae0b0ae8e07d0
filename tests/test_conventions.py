"""Issue 12, point 4: the conventions a ruff user expects of a checker's command line.

Colour (NO_COLOR, FORCE_COLOR), rule ids (comma-separated, any case, the tool's own ids),
"did you mean", --exit-zero / --fail-on never / --max-warnings, --stdin-filename, -o that
replaces its own report but never an input, a run with no case file, a closed pipe, and
--as-of against --today.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _support import EXAMPLES, GOLDEN, ROOT
from click.testing import CliRunner, Result

from checker.cli import main
from checker.describe import explain_tool_rule
from checker.i18n import TOOL_RULE_TEXT, Lang
from checker.report import (
    INTERNAL_RULE,
    TOOL_RULES,
    FileReport,
    Finding,
    Kind,
    Report,
    Severity,
)
from checker.reporters.recognise import is_report, looks_like_report

CLEAN = str(EXAMPLES / "clean.json")
VIOLATIONS = str(EXAMPLES / "violations.json")  # 9 errors and 1 warning
NOT_COVERED = str(EXAMPLES / "2026-extension.json")  # one COVERAGE warning, nothing else
ESC = "\x1b["

# The variables a run reads, unset, so that the caller's environment cannot decide a test.
QUIET_ENV: dict[str, str | None] = {
    "CHECKER_LANG": None, "CHECKER_SELECT": None, "CHECKER_IGNORE": None,
    "CHECKER_FAIL_ON": None, "NO_COLOR": None, "FORCE_COLOR": None, "CHECKER_CACHE_DIR": None,
}


def cli(*args: str, env: dict[str, str | None] | None = None,
        input: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, env={**QUIET_ENV, **(env or {})},
                              catch_exceptions=False)


def proc(*args: str | Path, cwd: Path = ROOT, stdin: bytes | None = None,
         env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if k not in QUIET_ENV}
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], cwd=cwd,
                          input=stdin, capture_output=True, timeout=120, check=False,
                          env={**base, "PYTHONPATH": str(ROOT), **(env or {})})


def rules_found(r: Result) -> list[str]:
    report: dict[str, Any] = json.loads(r.stdout)
    return [f["rule"] for fr in report["files"] for f in fr["findings"]]


def one_line_error(r: Result) -> str:
    assert r.exit_code == 2, r.output
    assert r.stdout == ""
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    return r.stderr


# ---------------------------------------------------------------- colour
@pytest.mark.parametrize(("env", "flags", "coloured"), [
    ({}, [], False),  # not a terminal
    ({"FORCE_COLOR": "1"}, [], True),  # forced even into a pipe
    ({"FORCE_COLOR": ""}, [], False),  # empty is unset
    ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, [], False),  # NO_COLOR wins over FORCE_COLOR
    ({"NO_COLOR": ""}, ["--color"], True),
    ({"NO_COLOR": "1"}, ["--color"], True),  # a flag for this run wins over the variable
    ({"FORCE_COLOR": "1"}, ["--no-color"], False),
], ids=["pipe", "force", "force-empty", "no-color-wins", "flag", "flag-over-no-color",
        "no-color-flag"])
def test_colour_follows_the_flag_then_no_color_then_force_color(
        env: dict[str, str | None], flags: list[str], coloured: bool) -> None:
    r = cli("check", *flags, VIOLATIONS, env=env)
    assert r.exit_code == 1
    assert (ESC in r.stdout) is coloured


@pytest.mark.parametrize("command", [["rules"], ["sources"], ["explain", "APPT-QUORUM"]])
def test_the_other_commands_honour_no_color_and_force_color(command: list[str]) -> None:
    assert ESC in cli(*command, env={"FORCE_COLOR": "1"}).stdout
    assert ESC not in cli(*command, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert ESC not in cli(*command).stdout


# ---------------------------------------------------------------- rule ids
def test_comma_separated_and_case_insensitive_ids_select_the_same_rules(tmp_path: Path) -> None:
    expected = ["APPT-QUORUM", "APPT-MINUTES"]
    ways = [
        cli("check", "--format", "json", "--select", "APPT-QUORUM", "--select", "APPT-MINUTES",
            VIOLATIONS),
        cli("check", "--format", "json", "--select", "APPT-QUORUM,APPT-MINUTES", VIOLATIONS),
        cli("check", "--format", "json", "--select", "appt-quorum, Appt-Minutes", VIOLATIONS),
        cli("check", "--format", "json", VIOLATIONS,
            env={"CHECKER_SELECT": "appt-quorum,APPT-MINUTES"}),
    ]
    (tmp_path / ".checker.toml").write_text('select = ["appt-quorum,appt-minutes"]\n', "utf-8")
    ways.append(cli("check", "--format", "json", "--config", str(tmp_path / ".checker.toml"),
                    VIOLATIONS))
    for r in ways:
        assert r.exit_code == 1, r.output
        assert sorted(rules_found(r)) == sorted(expected)


def test_ignore_takes_commas_and_any_case_too() -> None:
    r = cli("check", "--format", "json", "--ignore", "appt-quorum,APPT-MINUTES", VIOLATIONS)
    found = rules_found(r)
    assert "APPT-QUORUM" not in found and "APPT-MINUTES" not in found
    assert len(found) == 8


def test_a_prefix_still_selects_its_rules_in_any_case() -> None:
    upper = rules_found(cli("check", "--format", "json", "--select", "APPT-DOSSIER", VIOLATIONS))
    lower = rules_found(cli("check", "--format", "json", "--select", "appt-dossier", VIOLATIONS))
    assert upper == lower == ["APPT-DOSSIER-RESIDENCE"]


def test_the_tool_ids_are_the_ones_its_modules_emit() -> None:
    from checker.consistency import CONSISTENCY_RULE
    from checker.loading import INPUT_RULE
    from checker.rules.engine import COVERAGE_RULE
    from checker.schemas import SCHEMA_RULE
    from checker.waivers import WAIVER_RULE

    assert set(TOOL_RULES) == {INPUT_RULE, SCHEMA_RULE, CONSISTENCY_RULE, COVERAGE_RULE,
                               WAIVER_RULE, INTERNAL_RULE}
    assert set(TOOL_RULE_TEXT) == set(TOOL_RULES)


def test_ignore_coverage_drops_the_coverage_warning() -> None:
    assert rules_found(cli("check", "--format", "json", NOT_COVERED)) == ["COVERAGE"]
    r = cli("check", "--format", "json", "--ignore", "coverage", NOT_COVERED)
    assert r.exit_code == 0
    assert rules_found(r) == []


def test_select_coverage_reports_only_coverage() -> None:
    assert rules_found(cli("check", "--format", "json", "--select", "COVERAGE",
                           NOT_COVERED)) == ["COVERAGE"]
    r = cli("check", "--format", "json", "--select", "COVERAGE", VIOLATIONS)
    assert r.exit_code == 0
    assert rules_found(r) == []


def test_a_selection_of_law_rules_keeps_the_tool_findings() -> None:
    # as before issue 12: --select picks among the law's rules
    r = cli("check", "--format", "json", "--select", "APPT-QUORUM", NOT_COVERED)
    assert rules_found(r) == ["COVERAGE"]


def unknown_field_case(tmp_path: Path, key: str = "candidat") -> str:
    data = json.loads(Path(CLEAN).read_bytes())
    data[key] = data.pop("candidate")
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    return str(path)


def test_ignore_schema_is_honoured_and_select_of_others_keeps_it(tmp_path: Path) -> None:
    case = unknown_field_case(tmp_path)
    assert set(rules_found(cli("check", "--format", "json", case))) == {"SCHEMA"}
    # a file that could not be checked never looks clean because of a --select
    kept = cli("check", "--format", "json", "--select", "COVERAGE", case)
    assert kept.exit_code == 1 and set(rules_found(kept)) == {"SCHEMA"}
    ignored = cli("check", "--format", "json", "--ignore", "SCHEMA", case)
    assert ignored.exit_code == 0 and rules_found(ignored) == []


def test_ignore_input_drops_an_unreadable_file_finding(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'{"case_id": ')
    assert rules_found(cli("check", "--format", "json", str(broken))) == ["INPUT"]
    r = cli("check", "--format", "json", "--ignore", "INPUT", str(broken))
    assert r.exit_code == 0 and rules_found(r) == []


@pytest.mark.parametrize("how", [["--ignore", "internal"], ["--ignore", "INPUT,INTERNAL"]])
def test_internal_cannot_be_ignored(how: list[str]) -> None:
    err = one_line_error(cli("check", *how, CLEAN))
    assert err == ("checker: --ignore: không thể bỏ qua INTERNAL, vì mã này cho biết checker "
                   "gặp lỗi nội bộ trên một tệp và tệp đó chưa được kiểm tra.\n")


def test_internal_exits_2_even_with_fail_on_never() -> None:
    bug = Finding(INTERNAL_RULE, Severity.ERROR, Kind.INPUT, "…", "")
    assert Report((FileReport("a.json", (bug,)),), fail_on=None).exit_code == 2


@pytest.mark.parametrize("rule_id", TOOL_RULES)
def test_every_tool_id_is_explained_in_both_languages(rule_id: str) -> None:
    vi = cli("explain", rule_id.lower())
    en = cli("explain", "--lang", "en", rule_id)
    assert vi.exit_code == en.exit_code == 0
    assert vi.stdout.startswith(f"{rule_id} — {TOOL_RULE_TEXT[rule_id]['title']['vi']}\n")
    assert en.stdout.startswith(f"{rule_id} — {TOOL_RULE_TEXT[rule_id]['title']['en']}\n")
    assert "Mã riêng của checker" in vi.stdout and "checker's own id" in en.stdout


def test_explain_schema_in_the_language_of_the_run() -> None:
    vi = cli("explain", "SCHEMA").stdout
    en = cli("explain", "SCHEMA", env={"CHECKER_LANG": "en"}).stdout
    assert "Hồ sơ là JSON hợp lệ nhưng không đúng lược đồ hồ sơ" in " ".join(vi.split())
    assert "The case is valid JSON but does not match the case schema" in " ".join(en.split())
    assert "The case" not in vi and "Hồ sơ" not in en


def test_explain_takes_any_case() -> None:
    assert cli("explain", "appt-quorum").stdout == cli("explain", "APPT-QUORUM").stdout


# ---------------------------------------------------------------- did you mean
def test_did_you_mean_for_a_selected_rule() -> None:
    err = one_line_error(cli("check", "--select", "APPT-QOURUM", CLEAN))
    assert err == ("checker: --select: Không có quy tắc nào mang mã 'APPT-QOURUM'; có phải ý "
                   "bạn là APPT-QUORUM? Xem danh sách bằng lệnh `checker rules`.\n")
    err = one_line_error(cli("check", "--lang", "en", "--ignore", "COVERGE", CLEAN))
    assert err == ("checker: --ignore: There is no rule 'COVERGE'; did you mean COVERAGE? See "
                   "`checker rules` for the list.\n")


def test_did_you_mean_names_the_variable_or_the_file(tmp_path: Path) -> None:
    err = one_line_error(cli("check", CLEAN, env={"CHECKER_IGNORE": "appt-quorun"}))
    assert err.startswith("checker: CHECKER_IGNORE: Không có quy tắc nào mang mã 'APPT-QUORUN'; "
                          "có phải ý bạn là APPT-QUORUM?")
    config = tmp_path / ".checker.toml"
    config.write_text('lang = "en"\nselect = ["APPT-DOSIER"]\n', "utf-8")
    err = one_line_error(cli("check", "--config", str(config), CLEAN))
    assert err.startswith(f"checker: {config}: select: There is no rule 'APPT-DOSIER'; did you "
                          "mean APPT-DOSSIER")


def test_no_suggestion_when_nothing_is_near() -> None:
    err = one_line_error(cli("check", "--select", "ZZZZ", CLEAN))
    assert "có phải ý bạn là" not in err and "'ZZZZ'" in err


def test_did_you_mean_for_explain() -> None:
    r = cli("explain", "--lang", "en", "SCHEMAS")
    assert one_line_error(r) == ("checker: There is no rule 'SCHEMAS'; did you mean SCHEMA? "
                                 "See `checker rules` for the list.\n")


def test_did_you_mean_for_an_unknown_field(tmp_path: Path) -> None:
    case = unknown_field_case(tmp_path)
    vi = json.loads(cli("check", "--format", "json", case).stdout)["files"][0]["findings"]
    en = json.loads(cli("check", "--format", "json", "--lang", "en",
                        case).stdout)["files"][0]["findings"]
    assert [f["message"] for f in vi if f["pointer"] == "/candidat"] == [
        'Trường "candidat" không có trong lược đồ hồ sơ; có phải ý bạn là "candidate"? Nếu '
        "không, hãy bỏ trường này."]
    assert [f["message"] for f in en if f["pointer"] == "/candidat"] == [
        'The field "candidat" is not part of the case schema; did you mean "candidate"? If '
        "not, remove it."]


def test_an_unknown_field_far_from_any_gets_no_suggestion(tmp_path: Path) -> None:
    data = json.loads(Path(CLEAN).read_bytes())
    data["zzz"] = 1
    case = tmp_path / "extra.json"
    case.write_text(json.dumps(data), "utf-8")
    found = json.loads(cli("check", "--format", "json", str(case)).stdout)["files"][0]["findings"]
    assert [f["message"] for f in found] == [
        'Trường "zzz" không có trong lược đồ hồ sơ; hãy kiểm tra chính tả hoặc bỏ trường này.']


def test_did_you_mean_for_options_and_commands() -> None:
    r = proc("check", "--selct", "X", CLEAN)
    assert r.returncode == 2 and b"--select" in r.stderr and b"Traceback" not in r.stderr
    r = proc("chek", CLEAN)  # in the run's language (Vietnamese by default)
    assert r.returncode == 2 and "Có phải ý bạn là".encode() in r.stderr
    assert b"check" in r.stderr.split("Có phải ý bạn là".encode())[1]


# ---------------------------------------------------------------- exit codes
@pytest.mark.parametrize("args", [["--exit-zero"], ["--fail-on", "never"]])
def test_exit_zero_and_fail_on_never(args: list[str]) -> None:
    assert cli("check", VIOLATIONS).exit_code == 1
    r = cli("check", "--format", "json", *args, VIOLATIONS)
    assert r.exit_code == 0
    report = json.loads(r.stdout)
    assert report["fail_on"] == "never" and report["exit_code"] == 0
    assert report["summary"]["error"] == 9  # still reported


def test_fail_on_never_from_the_environment() -> None:
    assert cli("check", VIOLATIONS, env={"CHECKER_FAIL_ON": "never"}).exit_code == 0


@pytest.mark.parametrize("other", [["--fail-on", "warning"], ["--max-warnings", "3"]])
def test_exit_zero_with_a_threshold_is_a_contradiction(other: list[str]) -> None:
    err = one_line_error(cli("check", "--exit-zero", *other, CLEAN))
    assert err.startswith(f"checker: Không dùng được --exit-zero cùng với {other[0]}")


@pytest.mark.parametrize(("limit", "code"), [(1, 1), (2, 0), (3, 0)],
                         ids=["just-below", "at", "just-above"])
def test_max_warnings_boundary(limit: int, code: int) -> None:
    """Two warnings (the same file twice): a limit below their number fails, at or above
    it passes. --fail-on never leaves the warnings alone to decide."""
    r = cli("check", "--fail-on", "never", "--max-warnings", str(limit), VIOLATIONS, VIOLATIONS)
    assert r.exit_code == code


def test_max_warnings_adds_to_fail_on() -> None:
    assert cli("check", "--max-warnings", "5", VIOLATIONS).exit_code == 1  # the errors
    assert cli("check", "--max-warnings", "0", CLEAN).exit_code == 0
    assert cli("check", "--max-warnings", "0", NOT_COVERED).exit_code == 1


def test_max_warnings_must_be_a_whole_number() -> None:
    r = proc("check", "--max-warnings", "-1", CLEAN)
    assert r.returncode == 2 and b"Traceback" not in r.stderr


# ---------------------------------------------------------------- --stdin-filename
def test_stdin_filename_names_the_case_in_every_report() -> None:
    raw = Path(VIOLATIONS).read_bytes()
    text = cli("check", "--stdin-filename", "cases/hoso.json", "-", input=raw)
    assert text.stdout.startswith("cases/hoso.json:")  # the clickable header (issue 12, 2)
    assert "<stdin>" not in text.stdout
    report = json.loads(cli("check", "--format", "json", "--stdin-filename", "cases/hoso.json",
                            input=raw).stdout)  # without `-`: standard input, as ruff reads it
    assert [f["path"] for f in report["files"]] == ["cases/hoso.json"]
    github = cli("check", "--format", "github", "--stdin-filename", "cases/hoso.json", "-",
                 input=raw).stdout
    assert all(line.split(" ", 1)[1].startswith("file=cases/hoso.json,")
               for line in github.splitlines())


def test_stdin_filename_finds_the_configuration_from_the_case(tmp_path: Path) -> None:
    (tmp_path / "cases").mkdir()
    (tmp_path / ".checker.toml").write_text('lang = "en"\nexclude = ["*/drafts/*"]\n', "utf-8")
    raw = Path(VIOLATIONS).read_bytes()
    r = proc("check", "--stdin-filename", tmp_path / "cases" / "hoso.json", "-", stdin=raw)
    assert r.returncode == 1
    assert b"Checked 1 file" in r.stdout  # the configuration beside the case: English
    # a hook's --force-exclude applies the configuration's patterns to the name given
    r = proc("check", "--force-exclude", "--stdin-filename",
             tmp_path / "cases" / "drafts" / "x.json", "-", stdin=raw)
    assert r.returncode == 0, r.stderr
    assert r.stderr == b"checker: There is no case file to check: the files named are all " \
                       b"excluded by include/exclude.\n"


def test_stdin_filename_without_stdin_is_an_error() -> None:
    err = one_line_error(cli("check", "--stdin-filename", "x.json", CLEAN))
    assert "--stdin-filename" in err and "-" in err
    one_line_error(cli("check", "--stdin-filename", "", "-", input=b"{}"))


def test_no_path_at_all_is_still_an_error() -> None:
    r = proc("check")  # in the run's language (Vietnamese by default)
    assert r.returncode == 2 and "Thiếu đối số PATHS".encode() in r.stderr


# ---------------------------------------------------------------- -o
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github"])
@pytest.mark.parametrize("case", [CLEAN, VIOLATIONS], ids=["clean", "violations"])
def test_output_replaces_a_report_it_wrote_before(tmp_path: Path, fmt: str, case: str) -> None:
    target = tmp_path / f"report.{fmt}"
    first = cli("check", "--format", fmt, "-o", str(target), case)
    assert first.exit_code in (0, 1) and first.stderr == ""
    target.write_bytes(target.read_bytes())  # the same report, as a later run finds it
    again = cli("check", "--lang", "en", "--format", fmt, "-o", str(target), case)
    assert again.exit_code == first.exit_code, again.stderr
    assert target.read_bytes() == cli("check", "--lang", "en", "--format", fmt,
                                      case).stdout.encode("utf-8")


def test_output_replaces_an_empty_quiet_report(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    for _ in range(2):
        r = cli("check", "--quiet", "-o", str(target), CLEAN)
        assert r.exit_code == 0, r.stderr
    assert target.read_bytes() == b""


@pytest.mark.parametrize("content", [
    b"mine\n", b'{"mine": true}\n', b"# notes\n\xc4\x90\xc3\xa3 ki\xe1\xbb\x83m tra 1 t\xe1\xbb"
    b"\x87p: 0 l\xe1\xbb\x97i\n", b'{"report_version": "1.3", "tool": {"name": "other"}}',
    b"::error file=a::x\nnot a workflow command\n",
], ids=["text", "json", "almost-a-summary", "other-tool", "half-github"])
def test_output_refuses_a_file_that_is_not_its_report(tmp_path: Path, content: bytes) -> None:
    target = tmp_path / "mine.txt"
    target.write_bytes(content)
    r = cli("check", "-o", str(target), CLEAN)
    assert one_line_error(r) == (f"checker: {target} đã tồn tại và không phải là một báo cáo do "
                                 "checker ghi ra trước đây; dùng --force để ghi đè.\n")
    assert target.read_bytes() == content
    assert cli("check", "--force", "-o", str(target), CLEAN).exit_code == 0


def test_the_recogniser_knows_every_format_in_both_languages() -> None:
    for fmt in ("text", "json", "sarif", "junit", "github"):
        for lang in ("vi", "en"):
            for case in (CLEAN, VIOLATIONS):
                out = cli("check", "--format", fmt, "--lang", lang, case).stdout.encode()
                assert looks_like_report(out[:65536], out[-4096:]), (fmt, lang, case)
    statistics = cli("check", "--statistics", VIOLATIONS).stdout.encode()
    assert looks_like_report(statistics, statistics)


def test_the_recogniser_never_opens_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert not is_report(str(fifo))  # and does not hang
    assert not is_report(str(tmp_path))
    assert not is_report(str(tmp_path / "missing"))


def test_output_never_replaces_a_case_named(tmp_path: Path) -> None:
    case = tmp_path / "hoso.json"
    case.write_bytes(Path(CLEAN).read_bytes())
    r = cli("check", "--force", "-o", str(case), str(case))
    assert "là một trong các tệp đang được kiểm tra" in one_line_error(r)
    assert case.read_bytes() == Path(CLEAN).read_bytes()


def test_output_never_replaces_the_configuration(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.checker]\nlang = "vi"\n', "utf-8")
    before = config.read_bytes()
    r = cli("check", "--force", "--config", str(config), "-o", str(config), CLEAN)
    assert one_line_error(r) == (f"checker: {config} là tệp cấu hình của lần chạy này nên báo "
                                 "cáo không được ghi đè lên tệp đó.\n")
    assert config.read_bytes() == before


def test_output_never_replaces_a_rule_pack(tmp_path: Path) -> None:
    pack = tmp_path / "local.toml"
    pack.write_text("# a pack\n", "utf-8")
    r = cli("check", "--lang", "en", "--force", "--rules", str(pack), "-o", str(pack), CLEAN)
    assert one_line_error(r) == (f"checker: {pack} is a rule pack of this run, so the report "
                                 "cannot replace it.\n")
    assert pack.read_text("utf-8") == "# a pack\n"


def test_output_never_replaces_the_stdin_filename(tmp_path: Path) -> None:
    name = tmp_path / "hoso.json"  # it need not exist: it is the case's name
    r = cli("check", "--stdin-filename", str(name), "-o", str(name), "-",
            input=Path(CLEAN).read_bytes())
    assert "--stdin-filename" in one_line_error(r)
    assert not name.exists()


# ---------------------------------------------------------------- no case file
def test_an_empty_folder_warns_and_exits_0(tmp_path: Path) -> None:
    r = cli("check", str(tmp_path))
    assert r.exit_code == 0
    assert r.stderr == (f"checker: {tmp_path}: không có tệp hồ sơ nào trong thư mục này nên "
                        "không có gì được kiểm tra ở đó.\n")
    assert cli("check", "--quiet", str(tmp_path)).stderr == ""


def test_a_mistyped_path_is_a_finding_and_exits_1(tmp_path: Path) -> None:
    """As ruff's E902: the path is named with what is wrong, in every format."""
    missing = str(tmp_path / "cases" / "*.jsn")  # a pattern the shell left unexpanded
    r = cli("check", "--format", "json", "--lang", "en", missing)
    assert r.exit_code == 1
    report = json.loads(r.stdout)
    assert [(f["path"], [x["rule"] for x in f["findings"]]) for f in report["files"]] == [
        (missing, ["INPUT"])]
    assert report["files"][0]["findings"][0]["message"] == "No such file or directory."


# ---------------------------------------------------------------- a closed pipe
@pytest.mark.skipif(os.name != "posix", reason="a shell pipeline")
@pytest.mark.parametrize(("command", "code"), [
    ("rules", 0), ("sources", 0), ("explain APPT-QUORUM", 0), ("rules --as-of 2026-09-01", 0),
    (f"check --format json {CLEAN} {CLEAN} {CLEAN}", 0),
    ("check " + " ".join([VIOLATIONS] * 40), 1),  # the findings still decide
])
def test_a_closed_pipe_ends_quietly(tmp_path: Path, command: str, code: int) -> None:
    err = tmp_path / "stderr"
    script = f'"$0" -m checker {command} 2>"$ERR" | head -1 >/dev/null; exit "${{PIPESTATUS[0]}}"'
    r = subprocess.run(["bash", "-c", script, sys.executable], cwd=ROOT, capture_output=True,
                       env={**{k: v for k, v in os.environ.items() if k not in QUIET_ENV},
                            "ERR": str(err)}, timeout=120, check=False)
    assert err.read_bytes() == b""  # no traceback, no "Exception ignored"
    assert r.returncode == code


# ---------------------------------------------------------------- --as-of and --today
def applied(r: Result) -> list[tuple[str, str, str]]:
    report = json.loads(r.stdout)
    return [(a["number"], a["selected_by"], a["date"]) for a in report["files"][0]["applied"]]


def test_today_leaves_the_law_to_the_case_and_as_of_chooses_it() -> None:
    own = applied(cli("check", "--format", "json", VIOLATIONS))
    assert applied(cli("check", "--format", "json", "--today", "2030-01-01", VIOLATIONS)) == own
    moved = applied(cli("check", "--format", "json", "--as-of", "2024-01-01", VIOLATIONS))
    assert moved != own and {by for _, by, _ in moved} == {"--as-of"}


# ---------------------------------------------------------------- golden explanations
TOOL_GOLDEN = GOLDEN / "explain-tool"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("rule_id", TOOL_RULES)
def test_tool_explanation_matches_its_golden_file(rule_id: str, lang: Lang) -> None:
    """`checker explain ID` of the tool's own ids; UPDATE_GOLDEN=1 rewrites them."""
    out = io.StringIO()
    assert explain_tool_rule(rule_id, lang, out)
    path = TOOL_GOLDEN / f"{rule_id}.{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        TOOL_GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(out.getvalue(), "utf-8")
        return
    assert out.getvalue() == path.read_text("utf-8")


def test_no_stray_tool_explanations() -> None:
    known = {f"{r}.{lang}.txt" for r in TOOL_RULES for lang in ("vi", "en")}
    assert sorted(p.name for p in TOOL_GOLDEN.glob("*.txt") if p.name not in known) == []
