"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit framework in a
temporary git repository: a good case commits, a bad one is blocked with its findings.

pre-commit builds the hook's environment by installing this repository from the
package registry's dependencies once (PRE_COMMIT_HOME is shared by the tests in this
module); after that the hooks run offline.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _support import EXAMPLES, ROOT

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=600, check=False)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("pre-commit-home")
    out = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    out.update(PRE_COMMIT_HOME=str(home), PIP_DISABLE_PIP_VERSION_CHECK="1",
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    return out


def head_of(repo: Path, env: dict[str, str]) -> str | None:
    r = run(["git", "rev-parse", "HEAD"], repo, env)
    dirty = run(["git", "status", "--porcelain", "--untracked-files=no"], repo, env).stdout
    return r.stdout.strip() if r.returncode == 0 and not dirty.strip() else None


@pytest.fixture
def cases_repo(tmp_path: Path, env: dict[str, str]) -> Path:
    repo = tmp_path / "cases-repo"
    repo.mkdir()
    assert run(["git", "init", "-q"], repo, env).returncode == 0
    (repo / "package.json").write_text('{"name": "not a case"}\n', "utf-8")
    (repo / ".checker.toml").write_text('include = ["cases/*.json"]\n', "utf-8")
    (repo / "cases").mkdir()
    return repo


def test_try_repo_passes_a_good_case_and_blocks_a_bad_one(cases_repo: Path,
                                                          env: dict[str, str]) -> None:
    shutil.copy(EXAMPLES / "clean.json", cases_repo / "cases" / "good.json")
    shutil.copy(EXAMPLES / "violations.json", cases_repo / "cases" / "bad.json")
    run(["git", "add", "-A"], cases_repo, env)
    good = run([*PRE_COMMIT, "try-repo", str(ROOT), "checker", "--files", "cases/good.json",
                "package.json"], cases_repo, env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
    bad = run([*PRE_COMMIT, "try-repo", str(ROOT), "checker", "--files", "cases/bad.json"],
              cases_repo, env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "APPT-QUORUM" in bad.stdout
    assert "Traceback" not in bad.stdout + bad.stderr


def test_installed_hook_blocks_the_commit_of_a_bad_case(cases_repo: Path,
                                                        env: dict[str, str]) -> None:
    rev = head_of(ROOT, env)
    if rev is None:
        pytest.skip("this checkout has uncommitted changes; the hook is installed from a "
                    "commit (try-repo above covers the working tree)")
    (cases_repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: checker\n",
        "utf-8")
    assert run([*PRE_COMMIT, "install"], cases_repo, env).returncode == 0
    shutil.copy(EXAMPLES / "clean.json", cases_repo / "cases" / "good.json")
    run(["git", "add", "-A"], cases_repo, env)
    ok = run(["git", "commit", "-q", "-m", "good case"], cases_repo, env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    shutil.copy(EXAMPLES / "violations.json", cases_repo / "cases" / "bad.json")
    run(["git", "add", "cases/bad.json"], cases_repo, env)
    blocked = run(["git", "commit", "-q", "-m", "bad case"], cases_repo, env)
    assert blocked.returncode != 0
    shown = blocked.stdout + blocked.stderr
    assert "APPT-QUORUM" in shown and "Traceback" not in shown
    log = run(["git", "log", "--format=%s"], cases_repo, env).stdout.split()
    assert "bad" not in log


def test_try_repo_verify_hook_blocks_a_broken_rule_pack(cases_repo: Path,
                                                        env: dict[str, str]) -> None:
    packs = ROOT / "fixtures" / "packs"
    shutil.copytree(packs / "quang-tri-92-bc-tu", cases_repo / "packs" / "quang-tri")
    shutil.copy(packs / "broken" / "dangling-citation.toml", cases_repo / "packs" / "bad.toml")
    run(["git", "add", "-A"], cases_repo, env)
    good = run([*PRE_COMMIT, "try-repo", str(ROOT), "checker-verify", "--files",
                "packs/quang-tri/pack.toml"], cases_repo, env)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = run([*PRE_COMMIT, "try-repo", str(ROOT), "checker-verify", "--files",
               "packs/bad.toml"], cases_repo, env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    # In the configured language, Vietnamese by default (issue 12: verify follows lang).
    assert "không có trong danh mục nguồn" in bad.stdout and "Traceback" not in bad.stdout


def test_the_hook_checks_the_cases_and_nothing_else_in_a_repository(
        tmp_path: Path, env: dict[str, str]) -> None:
    """Issue 12: a repository that follows the README (cases under cases/ or named
    *.case.json), with the schema saved beside the cases, a package.json and a report,
    and no configuration of its own, passes the hook; a bad case still fails it."""
    repo = tmp_path / "repo"
    (repo / "cases").mkdir(parents=True)
    (repo / "reports").mkdir()
    assert run(["git", "init", "-q"], repo, env).returncode == 0
    (repo / "package.json").write_text('{"name": "not a case"}\n', "utf-8")
    schema = (ROOT / "schemas" / "case.schema.json").read_bytes()
    (repo / "case.schema.json").write_bytes(schema)
    (repo / "cases" / "case.schema.json").write_bytes(schema)
    (repo / "cases" / "report.json").write_text('{"files": [], "summary": {}}\n', "utf-8")
    shutil.copy(EXAMPLES / "clean.json", repo / "cases" / "good.json")
    shutil.copy(EXAMPLES / "clean.json", repo / "hoso.case.json")
    run(["git", "add", "-A"], repo, env)
    good = run([*PRE_COMMIT, "try-repo", str(ROOT), "checker", "--all-files"], repo, env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
    shutil.copy(EXAMPLES / "violations.json", repo / "cases" / "bad.json")
    run(["git", "add", "-A"], repo, env)
    bad = run([*PRE_COMMIT, "try-repo", str(ROOT), "checker", "--all-files"], repo, env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "APPT-QUORUM" in bad.stdout and "package.json" not in bad.stdout
    assert "case.schema.json" not in bad.stdout and "Traceback" not in bad.stdout
