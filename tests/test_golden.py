"""Golden output of `checker check` for every reporter and language, and of every case in
fixtures/waivers/ (text and JSON, in Vietnamese).

The goldens live in tests/golden/. To accept a deliberate change of output:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py

and review the diff before committing. Without UPDATE_GOLDEN nothing is ever written.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest
from _support import GOLDEN, ROOT
from click.testing import CliRunner

from checker.cli import main

UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))
CASES = ["clean", "violations"]
FORMATS = {"text": "txt", "json": "json", "sarif": "sarif", "github": "github.txt",
           "junit": "junit.xml"}
LANGS = ["vi", "en"]
WAIVERS = sorted(p.stem for p in (ROOT / "fixtures" / "waivers").glob("*.json"))


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so paths in the output are relative and the
    goldens hold no machine paths."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("CHECKER_LANG", raising=False)
    return ROOT


def render(case: str, fmt: str, lang: str, folder: str = "examples") -> tuple[int, bytes]:
    args = ["check", "--no-color", "--format", fmt, "--lang", lang,
            f"fixtures/{folder}/{case}.json"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.stderr == ""
    return result.exit_code, result.stdout_bytes


def compare(path: Path, actual: bytes) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != actual:
            path.write_bytes(actual)
        return
    if not path.exists():
        pytest.fail(
            f"golden file tests/golden/{path.name} is missing; create it with "
            "UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py"
        )
    expected = path.read_bytes()
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.decode("utf-8", "replace").splitlines(keepends=True),
                actual.decode("utf-8", "replace").splitlines(keepends=True),
                fromfile=f"tests/golden/{path.name}",
                tofile="actual",
            )
        )
        pytest.fail(
            f"output differs from tests/golden/{path.name}; if the change is intended, run "
            f"UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py and review the diff\n{diff}",
            pytrace=False,
        )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("case", CASES)
def test_golden(at_root: Path, case: str, fmt: str, lang: str) -> None:
    code, out = render(case, fmt, lang)
    assert code == (0 if case == "clean" else 1)
    assert str(at_root) not in out.decode("utf-8")
    compare(GOLDEN / f"check-{case}.{lang}.{FORMATS[fmt]}", out)


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("case", WAIVERS)
def test_golden_waivers(at_root: Path, case: str, fmt: str) -> None:
    code, out = render(case, fmt, "vi", folder="waivers")
    if fmt == "json":
        assert json.loads(out)["exit_code"] == code
    compare(GOLDEN / f"waivers-{case}.vi.{FORMATS[fmt]}", out)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_output_is_deterministic(at_root: Path, fmt: str) -> None:
    first = render("violations", fmt, "vi")
    second = render("violations", fmt, "vi")
    assert first == second
