"""Issue 12, point 6: `checker init --vscode` maps case files to the bundled schema in
.vscode/settings.json, merging with what is there (JSON with comments) and losing
nothing; the templates name the schema by its https $id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from checker.cli import TEMPLATES, main
from checker.editor import FILE_MATCH, blank, merge
from checker.model.common import SCHEMA_ID
from checker.recognise import Verdict, recognise
from checker.schemas import schema_dir

SCHEMA = schema_dir() / "case.schema.json"
OURS = {"fileMatch": list(FILE_MATCH), "url": SCHEMA_ID,
        "schema": {"$ref": SCHEMA.resolve().as_uri()}}


def init(*args: str, lang: str = "en") -> Result:
    return CliRunner().invoke(main, ["init", *args], env={"CHECKER_LANG": lang},
                              catch_exceptions=False)


def settings_of(folder: Path) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(
        blank((folder / ".vscode" / "settings.json").read_text("utf-8")))
    return loaded


def test_the_schema_id_is_https_and_the_templates_name_it() -> None:
    assert SCHEMA_ID.startswith("https://")
    assert json.loads(SCHEMA.read_text("utf-8"))["$id"] == SCHEMA_ID
    for template in TEMPLATES.glob("*.json"):
        assert json.loads(template.read_text("utf-8"))["$schema"] == SCHEMA_ID, template
        assert recognise(template.read_bytes()).verdict is Verdict.CASE


def test_a_fresh_workspace_gets_the_mapping_and_no_template(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = init("--vscode")
    assert r.exit_code == 0, r.stderr
    assert settings_of(tmp_path) == {"json.schemas": [OURS]}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".vscode"]
    assert ".vscode/settings.json: case files (*.case.json, cases/**/*.json" in r.stdout
    again = init("--vscode")
    assert again.exit_code == 0 and "nothing changed" in again.stdout


def test_init_with_a_path_and_vscode_writes_both(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = init("--vscode", "--procedure", "acting", "gq.case.json")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "gq.case.json").read_bytes() == (TEMPLATES / "acting.json").read_bytes()
    assert settings_of(tmp_path) == {"json.schemas": [OURS]}


USER_SETTINGS = """{
    // editor
    "editor.tabSize": 2, /* kept as it is */
    "files.exclude": {"**/.git": true,},
    "json.schemas": [
        {"fileMatch": ["/other.json"], "url": "./other.schema.json"},
        {"fileMatch": ["old"], "url": "SCHEMA_ID"},
    ],
    "zzz": "https://example.org/a//b", // a // inside a string is not a comment
}
""".replace("SCHEMA_ID", SCHEMA_ID)


def test_an_existing_settings_file_keeps_every_byte_but_the_mapping(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".vscode").mkdir()
    path = tmp_path / ".vscode" / "settings.json"
    path.write_text(USER_SETTINGS, "utf-8")
    r = init("--vscode")
    assert r.exit_code == 0, r.stderr
    text = path.read_text("utf-8")
    head, tail = USER_SETTINGS.split('    "json.schemas"')[0], USER_SETTINGS.split("],\n", 1)[1]
    assert text.startswith(head + '    "json.schemas": [') and text.endswith("],\n" + tail)
    loaded = settings_of(tmp_path)
    assert loaded["editor.tabSize"] == 2 and loaded["zzz"] == "https://example.org/a//b"
    assert loaded["json.schemas"] == [  # the other entry kept, ours replaced
        {"fileMatch": ["/other.json"], "url": "./other.schema.json"}, OURS]


@pytest.mark.parametrize("text", ['{"editor.tabSize": 2}', "{}", "", '{\n  "a": [1, 2]\n}\n'])
def test_a_settings_file_without_the_mapping_gets_it_added(text: str) -> None:
    edit = merge(text, SCHEMA)
    loaded = json.loads(edit.text)
    assert edit.changed and loaded["json.schemas"] == [OURS]
    assert {k: v for k, v in loaded.items() if k != "json.schemas"} == (
        json.loads(text) if text else {})


@pytest.mark.parametrize(("text", "fragment"), [
    ('{"a": 1 "b": 2}', "not valid JSON (with comments): the error is at line 1, column 9"),
    ("{\n  /* open comment\n", "not valid JSON"),
    ('{"a": 1} trailing', "not valid JSON"),
    ("[1, 2]", "its top level is not a JSON object"),
    ('{"json.schemas": {"url": "x"}}', "the value of json.schemas is not a JSON array"),
])
def test_a_settings_file_that_cannot_be_edited_safely_is_left_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, fragment: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".vscode").mkdir()
    path = tmp_path / ".vscode" / "settings.json"
    path.write_text(text, "utf-8")
    r = init("--vscode")
    assert r.exit_code == 2 and fragment in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.startswith("checker: .vscode/settings.json: ")
    assert path.read_text("utf-8") == text
    vi = init("--vscode", lang="vi")
    assert vi.exit_code == 2 and "không sửa tệp cài đặt này" in vi.stderr
