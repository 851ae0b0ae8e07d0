"""`make bench` cannot rot: its generator makes what it says, its ratios pair the runs of
one round, and its phases run end to end on a tiny set (nothing here is timed)."""

from __future__ import annotations

import random
import statistics
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from checker import bench
from checker.pipeline import check_bytes
from checker.report import Severity
from checker.rules.engine import Options
from checker.rules.pack import builtin_packs

EXAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "examples"


def _has_error(raw: bytes) -> bool:
    report = check_bytes("case.json", raw, builtin_packs(), Options(today=bench.BENCH_TODAY))
    return any(f.severity == Severity.ERROR for f in report.findings)


# ---------------------------------------------------------------- the generator
def test_a_third_of_500_generated_cases_break_the_law_and_each_as_labelled() -> None:
    verdicts = [_has_error(bench.encode(bench.generate(i))) for i in range(500)]
    share = sum(verdicts) / len(verdicts)
    assert 0.28 <= share <= 0.39, share
    # stronger: each case has the verdict the generator meant for it (renaming people
    # and adding notes did not change what the rules see)
    wrong = [i for i, v in enumerate(verdicts) if v != bench.is_violating(i)]
    assert wrong == []


def test_exactly_one_case_in_each_block_of_three_is_meant_to_break_the_law() -> None:
    for block in range(200):
        assert sum(bench.is_violating(3 * block + k) for k in range(3)) == 1
    # and which one varies
    assert len({next(k for k in range(3) if bench.is_violating(3 * b + k))
                for b in range(30)}) == 3


def test_every_procedure_of_the_examples_is_generated() -> None:
    import json

    bundled = {json.loads(p.read_text("utf-8"))["procedure"] for p in EXAMPLES.glob("*.json")}
    made = Counter(bench.seed_of(i).procedure for i in range(400))
    assert set(made) == bundled
    assert min(made.values()) >= 400 / len(bundled) / 2  # drawn evenly, roughly


def test_generated_cases_are_deterministic_realistic_and_distinct() -> None:
    raws = [bench.encode(bench.generate(i)) for i in range(120)]
    assert raws == [bench.encode(bench.generate(i)) for i in range(120)]
    assert len(set(raws)) == len(raws)
    for raw in raws:
        assert 4000 <= len(raw) <= 10_240, len(raw)
        text = raw.decode("utf-8")
        assert unicodedata.normalize("NFC", text) == text
        assert "ệ" in text or "ư" in text or "ạ" in text  # Vietnamese, not ASCII-escaped
    # another seed, another series
    assert bench.encode(bench.generate(7, seed=1)) != raws[7]


def test_people_are_renamed_consistently() -> None:
    for i in range(60):
        origin = bench.seed_of(i)
        old = {s for s in bench._strings(origin.data) if bench.is_person(s)}
        new = {s for s in bench._strings(bench.generate(i)) if bench.is_person(s)}
        assert len(new) == len(old)
        assert not old & new


def test_what_is_taken_for_a_name() -> None:
    assert bench.is_person("Nguyễn Văn Thành")
    assert bench.is_person("Đỗ Thị Thu Trang")
    assert not bench.is_person("Hồ sơ đề nghị")
    assert not bench.is_person("Lý do khác")
    assert not bench.is_person("Nguyễn")
    assert not bench.is_person("Phòng Kế hoạch - Tài chính")


# ---------------------------------------------------------------- pairing
def _arm(key: str) -> bench.Arm:
    return bench.Arm(key, key, ((sys.executable, "-c", "pass"),))


def test_ratios_are_medians_of_per_round_pairs_not_ratios_of_medians() -> None:
    # A load burst in round 1 slows both sides 100-fold: the pairs see through it, the
    # medians of each side taken apart would not.
    walls = {"a": iter([9.0, 1.0, 100.0, 1.2]), "b": iter([9.0, 2.0, 400.0, 2.0])}
    calls: list[str] = []

    def fake(arm: bench.Arm, poll: bool) -> bench.Sample:
        calls.append(arm.key)
        return bench.Sample(next(walls[arm.key]), 0.0, 0)

    s = bench.run_rounds([_arm("a"), _arm("b")], 3, random.Random(1), fake)
    rounds = [sorted(calls[i:i + 2]) for i in range(0, len(calls), 2)]
    assert rounds == [["a", "b"]] * 4  # one warm-up round and three, each arm once
    assert [x.wall for x in s["a"]] == [1.0, 100.0, 1.2]  # the warm-up round is dropped
    ratio = bench.Ratio("a ÷ b", bench.time_ratio(s["a"], s["b"]), "≤ 0.55")
    assert ratio.pairs == (0.5, 0.25, 0.6)
    assert ratio.spread == bench.Spread(0.5, 0.25, 0.6, 3)
    assert ratio.met is True
    apart = statistics.median(x.wall for x in s["a"]) / statistics.median(
        x.wall for x in s["b"])
    assert apart == 0.6  # what an unpaired bench would have said
    assert bench.speedup(s["a"], s["b"]) == (2.0, 4.0, 2.0 / 1.2)
    assert bench.Ratio("x", (9.0,), "≥ 10").met is False
    assert bench.Ratio("x", (9.0,)).met is None


def test_the_order_within_a_round_is_shuffled_with_a_fixed_seed() -> None:
    def orders(seed: int) -> list[str]:
        calls: list[str] = []

        def fake(arm: bench.Arm, poll: bool) -> bench.Sample:
            calls.append(arm.key)
            return bench.Sample(1.0, 0.0, 0)

        bench.run_rounds([_arm("a"), _arm("b"), _arm("c")], 12, random.Random(seed), fake,
                         warmup=False)
        return calls

    assert orders(3) == orders(3)
    assert len({tuple(orders(3)[i:i + 3]) for i in range(0, 36, 3)}) > 1


# ---------------------------------------------------------------- real runs, tiny
def test_a_failing_run_stops_the_bench_with_its_message() -> None:
    arm = bench.Arm("x", "a failing arm",
                    ((sys.executable, "-c", "import sys; sys.exit('broken thing')"),))
    with pytest.raises(bench.BenchError, match=r"a failing arm: exit 1(.|\n)*broken thing"):
        bench.measure(arm)


def test_the_floor_reads_and_parses_every_file(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"case-{i}.json").write_bytes(bench.encode(bench.generate(i)))
    b = bench.Bench(bench.plan(True), tmp_path)
    s = bench.measure(b.floor("f", tmp_path, 4, 2), True)
    assert s.wall > 0 and s.maxrss > 0
    (tmp_path / "case-3.json").write_text("{not json", "utf-8")
    for procs in (1, 2):
        with pytest.raises(bench.BenchError, match="exit 1"):
            bench.measure(b.floor("f", tmp_path, 4, procs))


def test_every_phase_runs_on_a_tiny_set_and_pairs_its_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    plan = bench.Plan(quick=True, one_file_rounds=1, cold_sizes=(3, 4), cold_rounds=1,
                      warm_size=4, warm_rounds=2, memory_sizes=(2, 3, 4),
                      memory_runs=(2, 1, 1), jobs=2, formats=("text", "sarif"))
    seen: list[tuple[bench.Arm, bench.Sample]] = []

    def recorded(arm: bench.Arm, poll: bool) -> bench.Sample:
        s = bench.measure(arm, poll)
        seen.append((arm, s))
        return s

    work = tmp_path / "work"
    work.mkdir()
    b = bench.Bench(plan, work, run=recorded)
    res = b.all()
    out = bench.table(res)

    rows = [line.split(" | ")[0].lstrip("| ") for line in out.splitlines()
            if line.startswith("| ")]
    expected = [
        "one file (", "python -c pass", ": checker --no-cache", ": checker, cached",
        "3 files cold: checker --no-cache, 2 jobs",
        "3 files cold: read + parse floor (", "4 files cold: checker --no-cache, 2 jobs",
        "4 files warm: checker (cache primed), 2 jobs",
        "4 files warm: read + parse floor (json), 1 process" if bench.floor_parser() == "json"
        else "4 files warm: read + parse floor (orjson), 1 process",
        "4 files warm: read + parse floor", ", 2 processes",
        "4 files warm: checker files/s ÷ floor files/s (2 processes)",
        "4 files warm: checker files/s ÷ floor files/s (1 process)",
        "3 files cold: checker files/s ÷ floor files/s (2 processes)",
        "one file: checker time ÷ python -c pass time",
        "text", "sarif",
        "peak memory, text: 4 ÷ 2 files", "peak memory, sarif: 4 ÷ 2 files",
    ]
    if b.peer:
        expected += ["4 files cold: check-jsonschema",
                     "one file: checker time ÷ check-jsonschema time",
                     "4 files cold: checker files/s ÷ check-jsonschema files/s"]
    else:
        assert "check-jsonschema is not installed" in out
    for want in expected:
        assert any(want in r for r in rows), (want, out)
    assert "| not met |" in out or "| met |" in out

    # every ratio is the median of pairs, one per round, from runs recorded in that round
    warm = [s for a, s in seen if a.label.startswith("checker (cache primed)")]
    floor2 = [s for a, s in seen if a.key == "floorN"]
    assert len(warm) == 1 + 1 + 2 and len(floor2) == 1 + 2  # prime, warm-up, 2 rounds
    r = next(r for r in res.ratios if "warm" in r.label and "2 processes" in r.label)
    assert r.pairs == tuple(f.wall / w.wall for w, f in zip(warm[2:], floor2[1:], strict=True))
    assert r.spread.median == statistics.median(r.pairs)
    assert r.target == "≥ 0.25"
    for ratio in res.ratios:
        assert len(ratio.pairs) in (plan.one_file_rounds, plan.cold_rounds, plan.warm_rounds)

    # memory: every format at every size, with its runs, from the kernel's count
    for fmt in plan.formats:
        for n, runs in zip(plan.memory_sizes, plan.memory_runs, strict=True):
            samples = res.memory[(fmt, n)]
            assert len(samples) == runs and all(s.maxrss > 10 * 2**20 for s in samples)
    # the checker runs judged deadlines as on the bench's day, with the plan's jobs
    checks = [a.cmds[0] for a, _ in seen if list(a.cmds[0][:len(b.checker)]) == b.checker]
    assert len(checks) == len(seen) - sum(
        a.label.startswith(("python", "read", "check-jsonschema")) for a, _ in seen)
    assert checks and all(
        ("--today", bench.BENCH_TODAY.isoformat()) == c[c.index("--today"):][:2]
        and "--jobs" in c for c in checks)


# ---------------------------------------------------------------- issue 15: run time
def test_cases_are_generated_once_and_a_larger_folder_reuses_them(tmp_path: Path) -> None:
    plan = bench.Plan(quick=True, one_file_rounds=1, cold_sizes=(3,), cold_rounds=1,
                      warm_size=3, warm_rounds=1, memory_sizes=(2, 3, 7),
                      memory_runs=(1, 1, 1), jobs=1, distinct=3)
    b = bench.Bench(plan, tmp_path)
    small, big = b.folder(3), b.folder(7)
    assert b.made == 3 and len(list((tmp_path / "cases").iterdir())) == 3
    names = sorted(p.name for p in big.iterdir())
    assert names == [f"case-{i:06d}.json" for i in range(7)]  # each a name of its own
    for i in range(7):
        assert (big / f"case-{i:06d}.json").read_bytes() == (
            small / f"case-{i % 3:06d}.json").read_bytes()
    assert (big / "case-000000.json").stat().st_nlink >= 2  # linked, not copied


def test_each_row_is_shown_as_soon_as_it_is_measured() -> None:
    shown: list[str] = []
    res = bench.Result(bench.plan(True), show=shown.append)
    res.add_times("10 files cold: x", [bench.Sample(2.0, 1.0, 0)], 10)
    assert shown == ["| 10 files cold: x | 5.00 files/s | 5.00–5.00 | 1,000 ms | 1 |"]
    res.add_ratios(bench.Ratio("a ÷ b", (2.0, 3.0), "≥ 1"))
    assert shown[-1] == "| a ÷ b | 2.50 | 2.00–3.00 | 2 |"
    res.add_memory("json", 100, bench.Sample(0.5, 0.1, 64 << 20, None))
    assert shown[-1] == "| 100 files, --format json: peak memory | 64 MiB / n/a | 200 files/s |"
    # the final table has the same rows
    out = bench.table(res)
    assert shown[0] in out and shown[1] in out
