"""Issue 12, point 1: case files are recognised, not assumed. A JSON file is a case when
its `$schema` names the case schema, or it has `case_id` or `procedure`; other JSON
met while walking a folder is skipped (named in verbose mode); a file named on the
command line that is not a case is an error saying why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _support import EXAMPLES, SCHEMAS, encode, example
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.recognise import (
    CASE_SCHEMA_ID,
    NOT_CASE_NAMES,
    Verdict,
    judge,
    names_case_schema,
    recognise,
    skipped_by_name,
)


def cli(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args), env={"CHECKER_LANG": "en"},
                           catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


@pytest.mark.parametrize(("data", "verdict"), [
    ({"$schema": CASE_SCHEMA_ID}, Verdict.CASE),
    ({"$schema": "urn:checker:schema:case"}, Verdict.CASE),  # files of earlier versions
    ({"$schema": "../../schemas/case.schema.json"}, Verdict.CASE),
    ({"$schema": "case.schema.json#"}, Verdict.CASE),
    ({"$schema": "C:\\cases\\case.schema.json"}, Verdict.CASE),
    ({"case_id": "x"}, Verdict.CASE),  # one key is enough: the other is then a finding
    ({"procedure": "appointment"}, Verdict.CASE),
    ({"$schema": "https://json-schema.org/draft/2020-12/schema"}, Verdict.NOT_CASE),
    ({"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": []},
     Verdict.NOT_CASE),
    ({"$schema": "rulepack.schema.json", "case_id": "x"}, Verdict.NOT_CASE),  # it says so
    ({"$schema": "my-case.schema.json.bak"}, Verdict.NOT_CASE),
    ({"name": "not a case", "version": "1.0.0"}, Verdict.NOT_CASE),
    ({"files": [], "summary": {}}, Verdict.NOT_CASE),  # the JSON report
    ({}, Verdict.NOT_CASE),
    ([{"case_id": "x"}], Verdict.NOT_CASE),
    ("case", Verdict.NOT_CASE),
])
def test_what_is_a_case(data: Any, verdict: Verdict) -> None:
    assert judge(data).verdict is verdict
    assert recognise(json.dumps(data).encode()).verdict is verdict


@pytest.mark.parametrize("raw", [b'{"case_id": ', b"", b"\xff\xfe{", b"[" * 100_000,
                                 b'{"a": NaN}', b'{"n": ' + b"9" * 5000 + b"}"])
def test_what_cannot_be_read_as_json_is_checked_so_that_it_is_reported(raw: bytes) -> None:
    assert recognise(raw).verdict is Verdict.UNKNOWN


def test_every_bundled_example_and_template_is_recognised() -> None:
    root = EXAMPLES.parent.parent
    files = [*EXAMPLES.glob("*.json"), *(root / "checker" / "data" / "templates").glob("*.json")]
    assert len(files) > 10
    for path in files:
        assert recognise(path.read_bytes()).verdict is Verdict.CASE, path


def test_the_schemas_and_tools_files_are_known_by_name() -> None:
    for name in ("case.schema.json", "rulepack.schema.json", "package.json", "tsconfig.json",
                 "tsconfig.build.json", "package-lock.json"):
        assert skipped_by_name(name), name
    for name in ("hoso.json", "a.case.json", "schema.json", "packages.json"):
        assert not skipped_by_name(name), name
    assert names_case_schema(CASE_SCHEMA_ID) and not names_case_schema("rulepack.schema.json")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository as the README suggests: cases under cases/ and *.case.json, with
    the schema saved beside them, a package.json, a report the checker wrote, editor
    settings and a file that is JSON but not a case."""
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    tmp_path = tmp_path / "repo"
    tmp_path.mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cases" / "2026").mkdir(parents=True)
    (tmp_path / ".vscode").mkdir()
    (tmp_path / ".vscode" / "settings.json").write_text("{// comment\n}", "utf-8")
    (tmp_path / "package.json").write_text('{"name": "x", "version": "1.0.0"}', "utf-8")
    (tmp_path / "tsconfig.json").write_text("{/* JSONC */}", "utf-8")
    (tmp_path / "case.schema.json").write_bytes((SCHEMAS / "case.schema.json").read_bytes())
    (tmp_path / "cases" / "case.schema.json").write_bytes(
        (SCHEMAS / "case.schema.json").read_bytes())
    (tmp_path / "cases" / "good.json").write_bytes((EXAMPLES / "clean.json").read_bytes())
    bad = example("violations")
    bad["$schema"] = "urn:checker:schema:case"  # the $id of earlier versions
    (tmp_path / "cases" / "2026" / "bad.case.json").write_bytes(encode(bad))
    (tmp_path / "lookup.json").write_text('[{"code": 1}]', "utf-8")
    _, out, _ = cli("check", "--format", "json", "cases/good.json")
    (tmp_path / "report.json").write_text(out, "utf-8")
    return tmp_path


def test_check_dot_checks_only_the_cases(repo: Path) -> None:
    code, out, err = cli("check", "--format", "json", ".")
    assert [f["path"] for f in json.loads(out)["files"]] == [
        "cases/2026/bad.case.json", "cases/good.json"]
    assert code == 1 and err == ""


def test_verbose_mode_names_each_file_skipped_and_why(repo: Path) -> None:
    _, _, err = cli("check", "--verbose", "--format", "json", ".")
    lines = sorted(err.splitlines())
    assert lines == [
        "checker: case.schema.json: skipped, a file of this name is a JSON Schema or "
        "another tool's file, not a case file.",
        "checker: cases/case.schema.json: skipped, a file of this name is a JSON Schema or "
        "another tool's file, not a case file.",
        "checker: lookup.json: skipped. This is not a case file: a case is a JSON object "
        "({...}) with the fields case_id and procedure.",
        "checker: package.json: skipped, a file of this name is a JSON Schema or another "
        "tool's file, not a case file.",
        "checker: report.json: skipped. This is not a case file: it has no $schema naming "
        "the case schema (case.schema.json), and neither a case_id nor a procedure field.",
        "checker: tsconfig.json: skipped, a file of this name is a JSON Schema or another "
        "tool's file, not a case file.",
    ]


def test_a_file_named_that_is_not_a_case_is_an_error_saying_why(repo: Path) -> None:
    code, out, _ = cli("check", "--format", "json", "package.json", "case.schema.json",
                       "cases/good.json")
    files = {f["path"]: f["findings"] for f in json.loads(out)["files"]}
    assert code == 1 and files["cases/good.json"] == []
    (pkg,) = files["package.json"]
    assert pkg["rule"] == "INPUT" and pkg["message"].startswith("This is not a case file")
    (schema,) = files["case.schema.json"]
    assert "its $schema is https://json-schema.org/draft/2020-12/schema" in schema["message"]
    _, out, _ = cli("check", "--lang", "vi", "package.json")
    assert "Đây không phải tệp hồ sơ" in out
    # a top level that is not an object at all: the schema says what it is instead
    _, out, _ = cli("check", "--format", "json", "lookup.json")
    (found,) = json.loads(out)["files"][0]["findings"]
    assert found["rule"] == "SCHEMA" and "must be an object, but it is an array" in found[
        "message"]


def test_a_hook_skips_the_files_given_that_are_not_cases(repo: Path) -> None:
    code, out, err = cli("check", "--force-exclude", "--format", "json", "package.json",
                         "report.json", "cases/good.json")
    assert [f["path"] for f in json.loads(out)["files"]] == ["cases/good.json"]
    assert code == 0 and err == ""
    code, out, err = cli("check", "--force-exclude", "--format", "json", "report.json")
    assert code == 0 and json.loads(out)["files"] == []
    assert "none of the files named is a case file" in err


def test_a_broken_json_file_in_a_folder_is_reported_not_skipped(repo: Path) -> None:
    (repo / "cases" / "cut.json").write_bytes(b'{"case_id": ')
    code, out, _ = cli("check", "--format", "json", "cases")
    files = {f["path"]: f["findings"] for f in json.loads(out)["files"]}
    assert code == 1
    assert set(files) == {"cases/2026/bad.case.json", "cases/cut.json", "cases/good.json"}
    assert [f["rule"] for f in files["cases/cut.json"]] == ["INPUT"]


def test_a_folder_without_a_case_says_so(repo: Path) -> None:
    (repo / "other").mkdir()
    (repo / "other" / "package.json").write_text("{}", "utf-8")
    (repo / "other" / "data.json").write_text('{"x": 1}', "utf-8")
    code, out, err = cli("check", "--format", "json", "other")
    assert code == 0 and json.loads(out)["files"] == []
    assert "other: there is no case file in this folder" in err


@pytest.mark.parametrize(("include", "exclude", "flag", "found"), [
    # gitignore-style (pathspec): `**` for any depth, a bare name matches anywhere,
    # a trailing slash a folder, `!` re-includes
    ('["cases/**/*.json"]', "[]", (), ["cases/2026/bad.case.json", "cases/good.json"]),
    ('["cases/*.json"]', "[]", (), ["cases/good.json"]),
    ('["*.json"]', '["2026/"]', (), ["cases/good.json"]),
    ('["*.json"]', '["*.json", "!good.json"]', (), ["cases/good.json"]),
    ('["*.json"]', "[]", ("--exclude", "cases/2026"), ["cases/good.json"]),
    ('["*.json"]', '["good.json"]', ("--exclude", "bad.case.json"), ["cases/good.json"]),
])
def test_include_and_exclude_are_gitignore_patterns(repo: Path, include: str, exclude: str,
                                                   flag: tuple[str, ...],
                                                   found: list[str]) -> None:
    (repo / ".checker.toml").write_text(f"include = {include}\nexclude = {exclude}\n", "utf-8")
    _, out, _ = cli("check", "--format", "json", *flag, ".")
    assert [f["path"] for f in json.loads(out)["files"]] == found


@pytest.mark.parametrize(("where", "named"), [
    ("file", "setting 'exclude'"), ("flag", "--exclude"), ("env", "CHECKER_EXCLUDE")])
def test_a_pattern_that_is_not_one_is_a_clear_error(repo: Path, where: str, named: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["check", "."]
    if where == "file":
        (repo / ".checker.toml").write_text('exclude = ["!"]\n', "utf-8")
    elif where == "flag":
        args = ["check", "--exclude", "!", "."]
    else:
        monkeypatch.setenv("CHECKER_EXCLUDE", "!")
    r = CliRunner().invoke(main, args, env={"CHECKER_LANG": "en"}, catch_exceptions=False)
    assert r.exit_code == 2 and named in r.stderr
    assert "gitignore-style pattern" in r.stderr and "Traceback" not in r.stderr


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.sampled_from(NOT_CASE_NAMES), st.text(
    st.sampled_from(list("apckgesonj.*-tsfig/\n\\[]?")), max_size=24)).map(
        lambda s: s.replace("*", "x")))
def test_names_known_not_to_be_cases_match_as_fnmatch_says(name: str) -> None:
    """skipped_by_name runs the names as one pattern: what fnmatchcase says of each."""
    from fnmatch import fnmatchcase

    assert skipped_by_name(name) == any(fnmatchcase(name, p) for p in NOT_CASE_NAMES)
