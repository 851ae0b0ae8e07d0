"""Parallel workers and the result cache never change what a run reports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from _support import EXAMPLES
from click.testing import CliRunner

import checker.pipeline
from checker.cache import ResultCache, context_of, decode, encode
from checker.cli import main
from checker.files import Source
from checker.rules.engine import Options
from checker.rules.pack import builtin_packs
from checker.runner import Job, run


def corpus(folder: Path, n: int) -> list[Source]:
    """n files, each with its own bytes (a different case id), a third with violations."""
    clean = (EXAMPLES / "clean.json").read_text("utf-8")
    bad = (EXAMPLES / "violations.json").read_text("utf-8")
    out = []
    for i in range(n):
        p = folder / f"{i:04d}.json"
        text = clean if i % 3 else bad
        p.write_text(text.replace('"case_id": "', f'"case_id": "{i}-', 1), "utf-8")
        out.append(Source(p.name, p))
    return out


def test_parallel_results_equal_sequential_in_input_order(tmp_path: Path) -> None:
    sources = corpus(tmp_path, 300)
    job = Job(builtin_packs(), Options(), 1 << 20, None)
    one = run(sources, job, jobs=1)
    two = run(sources, job, jobs=2)
    assert one == two
    assert [r.path for r in two] == [s.label for s in sources]


def test_cli_output_is_the_same_with_any_number_of_jobs(tmp_path: Path) -> None:
    corpus(tmp_path, 200)
    outs = {
        CliRunner().invoke(main, ["check", "--no-cache", "-j", j, "--format", "json",
                                  str(tmp_path)]).stdout
        for j in ("1", "2", "4")
    }
    assert len(outs) == 1


def test_cache_round_trip_is_exact(tmp_path: Path) -> None:
    job = Job(builtin_packs(), Options(), 1 << 20, None)
    for src in corpus(tmp_path, 3):
        report = run([src], job, 1)[0]
        assert decode(report.path, encode(report)) == report


def test_second_run_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    (tmp_path / "in").mkdir()
    sources = corpus(tmp_path / "in", 5)
    packs, opts = builtin_packs(), Options()
    cache = ResultCache(tmp_path / "cache", context_of(packs, opts))
    calls: list[str] = []
    real = checker.pipeline.check_bytes

    def counting(path: str, *a: object, **k: object) -> object:
        calls.append(path)
        return real(path, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(checker.pipeline, "check_bytes", counting)
    first = run(sources, Job(packs, opts, 1 << 20, cache), 1)
    assert len(calls) == 5
    second = run(sources, Job(packs, opts, 1 << 20, cache), 1)
    assert len(calls) == 5 and second == first
    assert (tmp_path / "cache" / ".gitignore").read_text("utf-8").endswith("*\n")
    other = ResultCache(tmp_path / "cache", context_of(packs, Options(lang="en")))
    run(sources, Job(packs, Options(lang="en"), 1 << 20, other), 1)
    assert len(calls) == 10  # other options: other keys


def test_a_corrupt_entry_is_a_miss(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    sources = corpus(tmp_path / "in", 1)
    packs, opts = builtin_packs(), Options()
    cache = ResultCache(tmp_path / "cache", context_of(packs, opts))
    first = run(sources, Job(packs, opts, 1 << 20, cache), 1)
    for entry in (tmp_path / "cache").rglob("*.json"):
        entry.write_text("{not json", "utf-8")
    assert run(sources, Job(packs, opts, 1 << 20, cache), 1) == first


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_an_unwritable_cache_is_silently_skipped(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    sources = corpus(tmp_path / "in", 2)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    packs, opts = builtin_packs(), Options()
    cache = ResultCache(locked / "cache", context_of(packs, opts))
    assert len(run(sources, Job(packs, opts, 1 << 20, cache), 1)) == 2
    assert list(locked.iterdir()) == []


def test_no_cache_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(folder))
    CliRunner().invoke(main, ["check", "--no-cache", str(EXAMPLES / "clean.json")])
    assert not folder.exists()
    CliRunner().invoke(main, ["check", str(EXAMPLES / "clean.json")])
    assert any(folder.rglob("*.json"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_bug_on_one_file_is_its_finding_and_the_run_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """An exception while checking one file is that file's INTERNAL finding, in the run's
    language and without a traceback; the other files are checked as usual, nothing is
    cached for the failed file, and the run exits 2."""
    clean = (EXAMPLES / "clean.json").read_bytes()
    (tmp_path / "a.json").write_bytes(clean)
    (tmp_path / "b.json").write_bytes(clean.replace(b'"case_id": "', b'"case_id": "bug-', 1))
    (tmp_path / "c.json").write_bytes(clean)
    real = checker.pipeline.check_document

    def broken(doc, *args, **kw):  # type: ignore[no-untyped-def]
        if doc.path.endswith("b.json"):
            raise ZeroDivisionError("division by zero")
        return real(doc, *args, **kw)

    monkeypatch.setattr(checker.pipeline, "check_document", broken)
    monkeypatch.delenv("CHECKER_DEBUG", raising=False)
    r = CliRunner().invoke(main, ["check", "--no-cache", "--lang", lang, "--format", "json",
                                  str(tmp_path)])
    assert r.exit_code == 2, r.output
    import json
    files = {Path(f["path"]).name: f["findings"] for f in json.loads(r.stdout)["files"]}
    assert files["a.json"] == files["c.json"] == []
    [finding] = files["b.json"]
    assert finding["rule"] == "INTERNAL" and finding["severity"] == "error"
    assert "ZeroDivisionError: division by zero" in finding["message"]
    assert ("Lỗi nội bộ của checker" if lang == "vi" else "The checker failed") in \
        finding["message"]
    assert "Traceback" not in r.output


def test_checker_debug_lets_the_bug_through(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.json").write_bytes((EXAMPLES / "clean.json").read_bytes())

    def broken(*args, **kw):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(checker.pipeline, "check_document", broken)
    monkeypatch.setenv("CHECKER_DEBUG", "1")
    r = CliRunner().invoke(main, ["check", "--no-cache", str(tmp_path)])
    assert isinstance(r.exception, ZeroDivisionError)
