"""Issue 12, point 5: what the distribution is called and what it needs at run time."""

from __future__ import annotations

import ast
import re
import tomllib

from _support import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\s<>=!~;\[]", r, maxsplit=1)[0].lower() for r in requirements}


def test_the_distribution_has_a_name_of_its_own_and_the_command_stays_checker() -> None:
    # `checker` on the package index is an unrelated project: `pip install -U checker`
    # would replace this tool.
    assert PROJECT["name"] == "vn-personnel-checker"
    assert PROJECT["scripts"] == {"checker": "checker.__main__:main"}
    wheel = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["hatch"]
    assert wheel["build"]["targets"]["wheel"]["packages"] == ["checker"]


def imported_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "checker").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return found


def test_json_source_map_is_a_test_dependency_only() -> None:
    """The checker has its own source positions (checker/loading.py); the library is
    the tests' oracle for them, never imported at run time."""
    assert "json_source_map" not in imported_modules()
    assert "json-source-map" not in names(PROJECT["dependencies"])
    assert "json-source-map" in names(PROJECT["optional-dependencies"]["test"])


def test_the_libraries_for_solved_problems_are_run_time_dependencies() -> None:
    used = imported_modules()
    for module, distribution in (("pathspec", "pathspec"), ("platformdirs", "platformdirs"),
                                 ("holidays", "holidays"),
                                 # issue 13 point 2 (builder): checker new
                                 ("questionary", "questionary"),
                                 ("prompt_toolkit", "prompt_toolkit")):
        assert module in used
        assert distribution in names(PROJECT["dependencies"])
