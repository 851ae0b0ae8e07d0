"""Configuration: defaults < file < environment < flags, and `checker config`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _support import EXAMPLES, encode, example
from click.testing import CliRunner

from checker.cli import main
from checker.config import resolve
from checker.errors import CheckerError


def cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args), env=env or {}, catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for var in ("CHECKER_LANG", "CHECKER_FAIL_ON", "CHECKER_SELECT", "CHECKER_FORMAT"):
        monkeypatch.delenv(var, raising=False)
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "bad.json").write_bytes((EXAMPLES / "violations.json").read_bytes())
    return tmp_path


def test_defaults_without_a_file(project: Path) -> None:
    conf = resolve({}, cwd=project, env={})
    assert conf.file is None
    assert conf.settings.lang == "vi" and conf.settings.fail_on == "error"
    assert set(conf.origins.values()) == {"default"}


def test_pyproject_table_is_found_from_a_subfolder(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.checker]\nlang = "en"\n', "utf-8")
    conf = resolve({}, cwd=project / "cases", env={})
    assert conf.file == project / "pyproject.toml"
    assert conf.settings.lang == "en"
    assert conf.origins["lang"] == str(project / "pyproject.toml")


def test_pyproject_without_the_table_is_skipped(project: Path) -> None:
    (project / "cases" / "pyproject.toml").write_text('[tool.black]\nx = 1\n', "utf-8")
    (project / "pyproject.toml").write_text('[tool.checker]\nlang = "en"\n', "utf-8")
    assert resolve({}, cwd=project / "cases", env={}).file == project / "pyproject.toml"


def test_dot_checker_toml_wins_in_the_same_folder(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.checker]\nlang = "en"\n', "utf-8")
    (project / ".checker.toml").write_text('lang = "vi"\nfail_on = "warning"\n', "utf-8")
    conf = resolve({}, cwd=project, env={})
    assert conf.file == project / ".checker.toml"
    assert (conf.settings.lang, conf.settings.fail_on) == ("vi", "warning")


def test_environment_overrides_file_and_flags_override_both(project: Path) -> None:
    (project / ".checker.toml").write_text('lang = "en"\nselect = ["APPT-QUORUM"]\n', "utf-8")
    env = {"CHECKER_LANG": "vi", "CHECKER_SELECT": "APPT-AUTHORITY, APPT-STEPS"}
    conf = resolve({}, cwd=project, env=env)
    assert conf.settings.lang == "vi" and conf.origins["lang"] == "env CHECKER_LANG"
    assert conf.settings.select == ("APPT-AUTHORITY", "APPT-STEPS")
    conf = resolve({"lang": "en", "select": ()}, cwd=project, env=env)
    assert conf.settings.lang == "en" and conf.origins["lang"] == "--lang"
    assert conf.origins["select"] == "env CHECKER_SELECT"  # an empty flag is unset


def test_rule_packs_in_the_file_are_relative_to_it(project: Path) -> None:
    (project / ".checker.toml").write_text('rules = ["packs/local.toml"]\n', "utf-8")
    conf = resolve({}, cwd=project / "cases", env={})
    assert conf.settings.rules == (project / "packs" / "local.toml",)


@pytest.mark.parametrize(("text", "fragment"), [
    ('colour = "red"\n', "unknown setting 'colour'"),
    ('fail_on = "sometimes"\n', "setting 'fail_on'"),
    ('max_size = 0\n', "setting 'max_size'"),
    ('lang = \n', "not valid TOML"),
])
def test_a_bad_file_is_one_message_naming_it(project: Path, text: str, fragment: str) -> None:
    (project / ".checker.toml").write_text(text, "utf-8")
    with pytest.raises(CheckerError, match=fragment) as err:  # messages follow CHECKER_LANG
        resolve({}, cwd=project, env={"CHECKER_LANG": "en"})
    assert ".checker.toml" in str(err.value)
    code, out, errtext = cli("check", "cases")
    assert code == 2 and out == ""
    assert len(errtext.strip().splitlines()) == 1 and ".checker.toml" in errtext


def test_config_changes_what_check_does(project: Path) -> None:
    (project / ".checker.toml").write_text(
        'lang = "en"\nformat = "json"\nignore = ["APPT", "PARTY"]\n', "utf-8")
    code, out, _ = cli("check", "cases")
    doc = json.loads(out)
    assert doc["lang"] == "en" and code == 0
    assert {f["rule"] for f in doc["files"][0]["findings"]} == set()
    code, out, _ = cli("check", "--format", "text", "--ignore", "APPT-DOSSIER", "cases")
    assert code == 1 and "APPT-QUORUM" in out and "APPT-DOSSIER" not in out


def test_include_and_exclude_choose_the_case_files(project: Path) -> None:
    (project / "cases" / "drafts").mkdir()
    (project / "cases" / "drafts" / "x.json").write_bytes(encode(example("violations")))
    (project / "package.json").write_text('{"name": "not a case"}', "utf-8")
    (project / ".checker.toml").write_text(
        'format = "json"\ninclude = ["cases/*.json"]\nexclude = ["*/drafts/*"]\n', "utf-8")
    _, out, _ = cli("check", ".")
    assert [f["path"] for f in json.loads(out)["files"]] == ["cases/bad.json"]
    # a file named on the command line is checked anyway, unless --force-exclude (hooks)
    _, out, _ = cli("check", "package.json")
    assert [f["path"] for f in json.loads(out)["files"]] == ["package.json"]
    code, out, _ = cli("check", "--force-exclude", "package.json", "cases/drafts/x.json")
    assert json.loads(out)["files"] == [] and code == 0


def test_config_command_shows_each_value_and_its_source(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.checker]\nfail_on = "warning"\n', "utf-8")
    code, out, _ = cli("config", env={"CHECKER_LANG": "en"})
    assert code == 0
    lines = dict(line.split(" = ", 1) for line in out.splitlines() if " = " in line)
    assert lines["fail_on"] == f'"warning"  # file {project / "pyproject.toml"}'
    assert lines["lang"] == '"en"  # environment variable CHECKER_LANG'
    assert lines["format"] == '"text"  # default'
    assert out.splitlines()[0] == f"# configuration file: {project / 'pyproject.toml'}"
    # in the run's language (issue 12, point 3): Vietnamese by default
    code, out, _ = cli("config")
    lines = dict(line.split(" = ", 1) for line in out.splitlines() if " = " in line)
    assert lines["fail_on"] == f'"warning"  # tệp {project / "pyproject.toml"}'
    assert lines["format"] == '"text"  # mặc định'
    assert out.splitlines()[0] == f"# tệp cấu hình: {project / 'pyproject.toml'}"


def test_the_format_setting_offers_exactly_the_registered_reporters() -> None:
    from typing import get_args

    from checker.config import TYPES
    from checker.reporters import FORMATS

    assert get_args(TYPES["format"]) == FORMATS


# --- issue 15: the settings are read without pydantic; the model they were read with
# before is the reference, on every kind of value a file, a variable or a flag gives.
def _reference() -> Any:
    from typing import Literal

    from pydantic import BaseModel, ConfigDict, Field, field_validator

    from checker.config import DEFAULT_CACHE_MAX_SIZE, DEFAULT_MAX_SIZE

    class Reference(BaseModel):
        model_config = ConfigDict(frozen=True, extra="forbid")

        lang: Literal["vi", "en"] = "vi"
        format: Literal["text", "json", "sarif", "github", "junit", "html"] = "text"
        fail_on: Literal["error", "warning", "never"] = "error"
        select: tuple[str, ...] = ()
        ignore: tuple[str, ...] = ()
        rules: tuple[Path, ...] = ()
        include: tuple[str, ...] = ("*.json",)
        exclude: tuple[str, ...] = ()
        max_size: int = Field(DEFAULT_MAX_SIZE, ge=1)
        jobs: int = Field(0, ge=0, le=512)
        cache: bool = True
        cache_max_size: int = Field(DEFAULT_CACHE_MAX_SIZE, ge=0)

        @field_validator("select", "ignore", mode="before")
        @classmethod
        def _rule_ids(cls, value: Any) -> Any:
            if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
                return tuple(part.strip().upper() for v in value for part in v.split(",")
                             if part.strip())
            return value

    return Reference


_VALUES: dict[str, list[Any]] = {
    "max_size": [1, 0, "5", " 5 ", "5.0", 5.0, 5.5, True, False, "1_000", "+5", "-1", "0x10",
                 "", None, [1], "\u0661\u0662", "5.5", 10**30],
    "jobs": [0, 512, 513, -1, "8", "abc", 2.0],
    "cache_max_size": [0, -1, "0", 7],
    "cache": [True, False, "true", "True", " yes ", "YES", "on", "off", "1", "0", 1, 0, 2,
              1.0, 0.0, "", None, "tru", "n"],
    "lang": ["vi", "en", "VI", " vi", 1, None],
    "format": ["json", "html", "Json"],
    "fail_on": ["never", "none"],
    "select": [["a,b", " c "], ("x",), "abc", [1], [], [""], ["app-quorum"]],
    "ignore": [["X"], "X", [None]],
    "rules": [["a", "b"], "a", [1], [""], (Path("p"),)],
    "include": [["*.json"], "x", [None], ()],
    "exclude": [["drafts/"], 3],
}


@pytest.mark.parametrize("name", sorted(_VALUES))
def test_settings_are_read_as_the_pydantic_model_read_them(name: str) -> None:
    from pydantic import ValidationError

    from checker.config import _settings

    reference = _reference()
    for value in _VALUES[name]:
        mine = _settings({name: value})
        try:
            expected = reference.model_validate({name: value})
        except ValidationError as e:
            assert mine == str(e.errors()[0]["loc"][0]), (name, value)
        else:
            assert not isinstance(mine, str), (name, value)
            assert mine.as_dict() == expected.model_dump(), (name, value)


def test_the_first_bad_setting_is_the_one_named() -> None:
    from pydantic import ValidationError

    from checker.config import Settings, _settings

    reference = _reference()
    for values in ({"zzz": 1, "jobs": -1, "aaa": 2}, {"zzz": 1, "aaa": 2}, {"cache": "x",
                   "lang": "fr"}, {"lang": "en", "max_size": 3}, {}):
        mine = _settings(values)
        try:
            expected = reference.model_validate(values)
        except ValidationError as e:
            assert mine == str(e.errors()[0]["loc"][0])
        else:
            assert isinstance(mine, Settings)
            assert mine.as_dict() == expected.model_dump()


def test_the_default_patterns_are_valid_and_match_as_documented(tmp_path: Path) -> None:
    """The defaults are not parsed on every run (checker.config._check_patterns): here."""
    import pathspec

    from checker.config import Settings, is_case_file

    s = Settings()
    for pattern in (*s.include, *s.exclude):
        pathspec.GitIgnoreSpec.from_lines([pattern])
    assert is_case_file(tmp_path / "a" / "case.json", s, tmp_path)
    assert not is_case_file(tmp_path / "a" / "case.toml", s, tmp_path)


def test_a_file_is_matched_where_it_really_is(tmp_path: Path) -> None:
    """is_case_file resolves a file's folder once per walk and the file itself only when
    it is a link: the same path as resolve() for plain files, links to files, files in
    linked folders and odd spellings."""
    from checker.config import _resolved, forget_folders

    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "sub" / "a.json").write_text("{}")
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    (real / "link.json").symlink_to(real / "sub" / "a.json")
    forget_folders()
    for p in (real / "sub" / "a.json", tmp_path / "linked" / "sub" / "a.json",
              real / "link.json", tmp_path / "linked" / "link.json",
              real / "sub" / ".." / "sub" / "a.json", Path("relative.json"),
              real / "sub" / "missing.json"):
        assert _resolved(p) == p.resolve(), p


def test_the_default_include_is_answered_as_pathspec_answers_it(tmp_path: Path) -> None:
    """is_case_file answers the default `*.json` without pathspec for a file that is not
    a link: the same answer as pathspec gives (the pattern said twice takes the long
    way), for names, folders named *.json, links and paths outside the base."""
    import dataclasses

    from checker.config import Settings, forget_folders, is_case_file

    fast = Settings()
    slow = dataclasses.replace(fast, include=("*.json", "*.json"))
    (tmp_path / "d.json").mkdir()
    (tmp_path / "d.json" / "a.txt").write_text("{}")
    (tmp_path / "plain.json").write_text("{}")
    (tmp_path / ".json").write_text("{}")
    (tmp_path / "x.JSON").write_text("{}")
    (tmp_path / "link.json").symlink_to(tmp_path / "d.json" / "a.txt")
    (tmp_path / "link.txt").symlink_to(tmp_path / "plain.json")
    forget_folders()
    paths = [tmp_path / n for n in ("plain.json", ".json", "x.JSON", "link.json", "link.txt",
                                    "d.json/a.txt", "missing.json", "a.json.bak")]
    for base in (tmp_path, tmp_path / "d.json", tmp_path / "not-there"):
        for p in paths:
            assert is_case_file(p, fast, base) == is_case_file(p, slow, base), (p, base)
