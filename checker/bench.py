"""`make bench`: how fast the checker is, beside its peer and the machine's limit.

The machine it runs on is shared and noisy, so every comparison is paired:

- the sides of a comparison (arms) run in rounds; in each round every arm runs once, in
  an order shuffled by a fixed seed, so load that drifts during the run falls on both
  sides alike;
- a ratio is computed within each round (one pair) and the median of the per-round
  ratios is reported with their spread (min-max), never a ratio of two medians taken at
  different times; absolute figures are medians with their min-max too;
- every side is a whole process, started the way a user starts it: the checker
  (`--jobs` = the cores this process may use), check-jsonschema (the usual JSON Schema
  pre-commit hook, which checks the schema only), and the read + parse floor, a small
  script that lists the folder, reads and parses (orjson if installed, else json) every
  file, run as 1 process and as one process per core each taking its share, started
  together;
- a run that fails (the checker exits 2, check-jsonschema 2 or more, the floor not 0)
  stops the bench: a fast failure is not a figure.

Phases: one file; 1,000 and 10,000 files cold (--no-cache); 10,000 unchanged files warm
(cache primed); peak memory of every output format at 1k, 10k and 100k files (the
largest process's max RSS from the kernel, wait4; and the process tree's PSS, sampled).
Memory at 100k runs once per format: it takes most of the time (every file is checked,
--no-cache; the checker streams its report, so memory is measured on the real work).
Cases are generated once (10,000 of them); the 100,000-file folder holds each of them
under ten names. Each row is printed (and flushed) as soon as it is measured, so a long
run shows its progress and a stopped one keeps what it measured; the whole table
follows at the end. The table ends with the
issue's targets, each met or not met.

The cases come from `generate`: deterministic, 4-10 KB, Vietnamese text, seeded by the
bundled examples of every procedure (fixtures/examples, globbed: a new procedure's
examples join by themselves), exactly one in three breaking the law. Every checker run
judges open deadlines as on BENCH_TODAY, so the work does not change with the calendar.

BENCH_QUICK=1 shrinks every size and round count for a smoke run: its verdicts do not
count.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "fixtures" / "examples"
SCHEMA = ROOT / "schemas" / "case.schema.json"
SEED = 20251122
# Open deadlines (and an acting arrangement still running) are judged as on this day in
# every run, in-process or not: the cases' verdicts, and so the work, stay the same.
BENCH_TODAY = dt.date(2026, 12, 1)
FORMATS = ("text", "json", "sarif", "junit", "github")


class BenchError(Exception):
    """The bench could not measure: a run failed, or the seeds are missing."""


# ---------------------------------------------------------------- the case generator
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Nông", "Lương", "Đinh", "Trịnh",
            "Đoàn", "Triệu")
MIDDLE_MALE = ("Văn", "Đức", "Minh", "Quốc", "Hữu", "Quang", "Thanh", "Ngọc", "Xuân")
MIDDLE_FEMALE = ("Thị", "Thị Thu", "Thị Minh", "Thị Ngọc", "Thị Thanh", "Thị Kim")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hằng", "Hương", "Khánh", "Lan", "Long", "Mai",
         "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Tuấn", "Việt", "Yến", "Hải",
         "Hiếu", "Hòa", "Huy", "Linh", "Lộc", "Nga", "Nhung", "Phúc", "Thắng", "Trang")
SENTENCES = (
    "Đồng chí có phẩm chất chính trị vững vàng, đạo đức, lối sống trong sáng.",
    "Trong ba năm gần nhất đều hoàn thành tốt nhiệm vụ được giao.",
    "Có năng lực tham mưu, tổng hợp và tổ chức thực hiện nhiệm vụ chuyên môn.",
    "Đoàn kết nội bộ tốt, được cán bộ, công chức trong đơn vị tín nhiệm.",
    "Chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "Nhận xét của chi ủy nơi cư trú: gia đình chấp hành tốt quy định của địa phương.",
    "Hồ sơ được lập thành hai bộ, một bộ lưu tại đơn vị, một bộ gửi cơ quan tham mưu.",
    "Biên bản hội nghị được thông qua tại cuộc họp, có chữ ký của chủ trì và thư ký.",
    "Phiếu kiểm phiếu được niêm phong và lưu giữ theo quy định về công tác văn thư.",
    "Bộ phận tổ chức cán bộ đã rà soát đầy đủ các tài liệu trong hồ sơ.",
    "Kê khai tài sản, thu nhập được thực hiện đúng thời hạn và đúng mẫu.",
    "Bản tự kiểm điểm nêu rõ ưu điểm, khuyết điểm và hướng khắc phục.",
    "Ý kiến của cấp ủy cơ sở được gửi bằng văn bản trước ngày họp tập thể lãnh đạo.",
    "Đơn vị đã báo cáo cơ quan có thẩm quyền về kết quả thực hiện quy trình.",
    "Trường hợp có đơn thư phản ánh, đơn vị đã xác minh và kết luận bằng văn bản.",
    "Giấy chứng nhận sức khỏe do cơ sở khám bệnh, chữa bệnh có thẩm quyền cấp.",
)


def is_person(s: str) -> bool:
    """A person's name in a seed: a known surname, then one to three capitalised words
    of letters ("Hồ sơ" and "Lý do" are not names)."""
    words = s.split(" ")
    return (2 <= len(words) <= 4 and words[0] in SURNAMES
            and all(w[:1].isupper() and w.isalpha() for w in words))


@dataclass(frozen=True)
class Seed:
    """A bundled example, and whether the checker finds an error in it."""

    name: str
    procedure: str
    violating: bool
    data: dict[str, Any] = field(repr=False)


@functools.cache
def seeds() -> tuple[Seed, ...]:
    """Every bundled example, judged once in this process (as on BENCH_TODAY)."""
    from checker.pipeline import check_bytes
    from checker.report import Severity
    from checker.rules.engine import Options
    from checker.rules.pack import builtin_packs

    packs, opts = builtin_packs(), Options(today=BENCH_TODAY)
    found = []
    for path in sorted(EXAMPLES.glob("*.json")):
        raw = path.read_bytes()
        report = check_bytes(path.name, raw, packs, opts)
        data: dict[str, Any] = json.loads(raw)
        data.pop("$schema", None)
        violating = any(f.severity == Severity.ERROR for f in report.findings)
        found.append(Seed(path.stem, str(data["procedure"]), violating, data))
    if not any(s.violating for s in found) or all(s.violating for s in found):
        raise BenchError(f"{EXAMPLES}: the generator needs examples with and without "
                         "errors")
    return tuple(found)


def procedures() -> tuple[str, ...]:
    return tuple(sorted({s.procedure for s in seeds()}))


def is_violating(index: int, seed: int = SEED) -> bool:
    """Exactly one case in each block of three (indices 3k, 3k+1, 3k+2) breaks the law;
    which one is drawn from the seed."""
    return random.Random(f"{seed}/block/{index // 3}").randrange(3) == index % 3


def _new_name(rng: random.Random, female: bool) -> str:
    middle = rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
    return f"{rng.choice(SURNAMES)} {middle} {rng.choice(GIVEN)}"


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for v in data.values():
            yield from _strings(v)
    elif isinstance(data, list):
        for v in data:
            yield from _strings(v)
    elif isinstance(data, str):
        yield data


def _renamed(data: Any, names: Sequence[tuple[str, str]]) -> Any:
    if isinstance(data, dict):
        return {k: _renamed(v, names) for k, v in data.items()}
    if isinstance(data, list):
        return [_renamed(v, names) for v in data]
    if isinstance(data, str):
        for old, new in names:
            if old in data:
                data = data.replace(old, new)
        return data
    return data


def _paragraph(rng: random.Random) -> str:
    return " ".join(rng.sample(SENTENCES, rng.randint(1, 4)))


def encode(case: dict[str, Any]) -> bytes:
    """A case file as people write them: indented, UTF-8, not ASCII-escaped."""
    return json.dumps(case, ensure_ascii=False, indent=2).encode("utf-8")


def seed_of(index: int, seed: int = SEED) -> Seed:
    """The example case number `index` is made from: a procedure drawn evenly, then an
    example of that procedure with errors (if the case is to break the law) or without
    (any procedure's, if that procedure has none of the kind)."""
    rng = random.Random(seed * 1_000_003 + index)
    proc = rng.choice(procedures())
    bad = is_violating(index, seed)
    pool = ([s for s in seeds() if s.procedure == proc and s.violating == bad]
            or [s for s in seeds() if s.violating == bad])
    return rng.choice(pool)


def generate(index: int, seed: int = SEED) -> dict[str, Any]:
    """Case number `index` of a deterministic series: an example (see seed_of) with its
    people renamed consistently, its own case id, and a clerk's notes (`$comment`, which
    the checker ignores) that bring it to 4-10 KB. Renaming every occurrence of a name
    alike keeps what the rules compare equal, so the case keeps its example's verdict."""
    origin = seed_of(index, seed)
    rng = random.Random(f"{seed}/case/{index}")
    people = sorted({s for s in _strings(origin.data) if is_person(s)},
                    key=lambda s: (-len(s), s))
    taken = set(people)
    names = []
    for old in people:
        new = _new_name(rng, " Thị " in old)
        while new in taken:
            new = _new_name(rng, " Thị " in old)
        taken.add(new)
        names.append((old, new))
    case: dict[str, Any] = _renamed(origin.data, names)  # a new tree: the seed is kept
    case["case_id"] = f"{case['case_id']}-B{index:06d}"
    target, size = rng.randint(4600, 10_240), len(encode(case))
    notes: list[str] = []
    while len(notes) < 40:
        para = _paragraph(rng)
        cost = len(json.dumps(para, ensure_ascii=False).encode("utf-8")) + 8
        if size + cost > target:
            break
        notes.append(para)
        size += cost
    if notes:
        case["$comment"] = notes
    return case


def write_cases(folder: Path, start: int, stop: int, seed: int = SEED) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, stop):
        (folder / f"case-{i:06d}.json").write_bytes(encode(generate(i, seed)))


# ---------------------------------------------------------------- running one arm
@dataclass(frozen=True)
class Arm:
    """One side of a comparison: one or more commands started together (the floor on
    two processes is two commands); its time is until the last one ends."""

    key: str
    label: str
    cmds: tuple[tuple[str, ...], ...]
    ok: frozenset[int] = frozenset({0})
    files: int = 1


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds, from the first start to the last end
    cpu: float  # user + system seconds of the processes and their waited-for children
    maxrss: int  # bytes: the largest single process (kernel's count, via wait4)
    tree_pss: int | None = None  # bytes: peak of the tree's summed PSS, sampled


Measure = Callable[[Arm, bool], Sample]


def _children(pid: int) -> list[int]:
    """The children of every thread of pid (a pool may fork from a helper thread)."""
    found = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError, ValueError):
                found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


class _TreeSampler:
    """Samples the summed PSS (shared pages counted once across forked workers) of the
    processes started and all their descendants, every 50 ms, in a thread."""

    def __init__(self, roots: list[int]) -> None:
        self.roots, self.peak = roots, 0
        self.available = Path(f"/proc/{os.getpid()}/smaps_rollup").exists()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        if self.available:
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            todo, total = list(self.roots), 0
            while todo:
                pid = todo.pop()
                total += _pss(pid)
                todo += _children(pid)
            self.peak = max(self.peak, total)
            self._stop.wait(0.05)

    def stop(self) -> int | None:
        self._stop.set()
        if self.available:
            self._thread.join()
            return self.peak
        return None


def measure(arm: Arm, poll: bool = False) -> Sample:
    """Run the arm's commands together, output to /dev/null; wait4 gives each one's
    resource use. A status outside `arm.ok` is a BenchError with the command's stderr."""
    rss_unit = 1 if sys.platform == "darwin" else 1024
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        procs = [subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=err) for cmd in arm.cmds]
        sampler = _TreeSampler([p.pid for p in procs]) if poll else None
        cpu, rss, failed = 0.0, 0, []
        for p, cmd in zip(procs, arm.cmds, strict=True):
            _, status, usage = os.wait4(p.pid, 0)
            p.returncode = os.waitstatus_to_exitcode(status)
            cpu += usage.ru_utime + usage.ru_stime
            rss = max(rss, usage.ru_maxrss * rss_unit)
            if p.returncode not in arm.ok:
                failed.append(f"exit {p.returncode}: {' '.join(cmd)[:300]}")
        wall = time.perf_counter() - start
        tree = sampler.stop() if sampler else None
        if failed:
            err.seek(0)
            tail = err.read()[-2000:].decode("utf-8", "replace")
            raise BenchError(f"{arm.label}: " + "; ".join(failed) + f"\n{tail}")
    return Sample(wall, cpu, rss, tree)


# ---------------------------------------------------------------- rounds and pairs
@dataclass(frozen=True)
class Spread:
    median: float
    lo: float
    hi: float
    n: int

    @classmethod
    def of(cls, xs: Sequence[float]) -> Spread:
        return cls(statistics.median(xs), min(xs), max(xs), len(xs))


def run_rounds(arms: Sequence[Arm], rounds: int, rng: random.Random, run: Measure,
               warmup: bool = True, log: Callable[[str], None] | None = None,
               ) -> dict[str, list[Sample]]:
    """`rounds` rounds (after one discarded warm-up round when asked); in each, every
    arm runs once, in an order shuffled by rng. samples[key][i] is from round i, so a
    ratio pairs the runs of one round."""
    samples: dict[str, list[Sample]] = {a.key: [] for a in arms}
    for r in range(-1 if warmup else 0, rounds):
        order = list(arms)
        rng.shuffle(order)
        for arm in order:
            s = run(arm, False)
            if r >= 0:
                samples[arm.key].append(s)
        if log and r >= 0:
            log(f"  round {r + 1}/{rounds}")
    return samples


@dataclass(frozen=True)
class Ratio:
    label: str
    pairs: tuple[float, ...]  # one per round, in round order
    target: str = ""  # "≤ 0.5", "≥ 10", or "" for a figure without a target

    @property
    def spread(self) -> Spread:
        return Spread.of(self.pairs)

    @property
    def met(self) -> bool | None:
        if not self.target:
            return None
        op, goal = self.target.split()
        med = self.spread.median
        return med <= float(goal) if op == "≤" else med >= float(goal)


def speedup(a: Sequence[Sample], b: Sequence[Sample]) -> tuple[float, ...]:
    """Per round: how many times faster a is than b (b's time over a's: files per second
    of a over files per second of b, for the same files)."""
    return tuple(y.wall / x.wall for x, y in zip(a, b, strict=True))


def time_ratio(a: Sequence[Sample], b: Sequence[Sample]) -> tuple[float, ...]:
    """Per round: a's time over b's."""
    return tuple(x.wall / y.wall for x, y in zip(a, b, strict=True))


# ---------------------------------------------------------------- the plan
@dataclass(frozen=True)
class Plan:
    quick: bool
    one_file_rounds: int
    cold_sizes: tuple[int, ...]  # checker vs check-jsonschema, --no-cache
    cold_rounds: int
    warm_size: int  # checker (cache primed) vs the floor
    warm_rounds: int
    memory_sizes: tuple[int, int, int]
    memory_runs: tuple[int, int, int]  # runs per format at each memory size
    jobs: int
    seed: int = SEED
    formats: tuple[str, ...] = FORMATS
    # Cases generated (once, at the start of the run that needs them); a larger folder
    # holds them again under further names (0: every file its own case).
    distinct: int = 0


def plan(quick: bool) -> Plan:
    jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    if quick:
        return Plan(True, 3, (100, 300), 2, 300, 3, (100, 300, 1000), (1, 1, 1), jobs,
                    distinct=300)
    # 100,000 files: the 10,000 cases generated for the other phases, each under ten
    # names (generating 90,000 more took minutes and changes nothing the phase measures:
    # every file is read and checked, --no-cache).
    return Plan(False, 15, (1000, 10_000), 3, 10_000, 7, (1000, 10_000, 100_000),
                (3, 1, 1), jobs, distinct=10_000)


@dataclass
class Result:
    plan: Plan
    header: list[str] = field(default_factory=list)
    # label, figure, its unit, the CPU time (user + system of all its processes, in
    # seconds): under load the wall time stretches, the CPU time much less
    absolute: list[tuple[str, Spread, str, Spread]] = field(default_factory=list)
    ratios: list[Ratio] = field(default_factory=list)
    memory: dict[tuple[str, int], list[Sample]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    # each row as soon as it is measured (`make bench` prints and flushes it)
    show: Callable[[str], None] = field(default=lambda _: None, repr=False)

    def add_times(self, label: str, samples: Sequence[Sample], files: int) -> None:
        cpu = Spread.of([s.cpu for s in samples])
        if files == 1:
            self.absolute.append((label, Spread.of([s.wall * 1000 for s in samples]), "ms",
                                  cpu))
        else:
            self.absolute.append((label, Spread.of([files / s.wall for s in samples]),
                                  "files/s", cpu))
        self.show(absolute_row(self.absolute[-1]))

    def add_ratios(self, *ratios: Ratio) -> None:
        for r in ratios:
            self.ratios.append(r)
            self.show(ratio_row(r))

    def add_memory(self, fmt: str, n: int, sample: Sample) -> None:
        self.memory.setdefault((fmt, n), []).append(sample)
        tree = _mib(sample.tree_pss) if sample.tree_pss else "n/a"
        self.show(f"| {n:,} files, --format {fmt}: peak memory | {_mib(sample.maxrss)} / "
                  f"{tree} | {_num(n / sample.wall)} files/s |")

    def memory_ratios(self) -> list[Ratio]:
        """Peak memory (largest process) at the largest size over that at the smallest,
        per format: median of the largest size's runs over the median of the smallest's
        (memory does not drift with load, so these runs are not paired)."""
        small, _, big = self.plan.memory_sizes
        out = []
        for fmt in self.plan.formats:
            a, b = self.memory.get((fmt, big)), self.memory.get((fmt, small))
            if a and b:
                r = (statistics.median(s.maxrss for s in a)
                     / statistics.median(s.maxrss for s in b))
                out.append(Ratio(f"peak memory, {fmt}: {big:,} ÷ {small:,} files", (r,),
                                 "≤ 1.2"))
        return out


# ---------------------------------------------------------------- the phases
class Bench:
    def __init__(self, p: Plan, base: Path, run: Measure = measure,
                 log: Callable[[str], None] | None = None) -> None:
        self.p, self.base, self.run = p, base, run
        self.log = log or (lambda _: None)
        self.rng = random.Random(p.seed)
        bindir = Path(sys.executable).parent
        script = bindir / "checker"
        self.checker = [str(script)] if script.exists() else [sys.executable, "-m", "checker"]
        self.peer = shutil.which("check-jsonschema",
                                 path=os.pathsep.join([str(bindir), os.environ.get("PATH", "")]))
        self.cases = base / "cases"
        self.made = 0
        self.result = Result(p)

    # -- inputs
    def folder(self, n: int) -> Path:
        """A folder of n files (hard links into one store of generated cases): the first
        n cases, or, beyond the plan's `distinct`, the distinct ones again in turn under
        names of their own. Cases are generated once, when first needed."""
        distinct = min(n, self.p.distinct) if self.p.distinct else n
        if distinct > self.made:
            self.log(f"generating cases {self.made:,}–{distinct - 1:,}")
            write_cases(self.cases, self.made, distinct, self.p.seed)
            self.made = distinct
        folder = self.base / f"n{n}"
        if not folder.exists():
            folder.mkdir()
            for i in range(n):
                name, stored = f"case-{i:06d}.json", f"case-{i % distinct:06d}.json"
                try:
                    os.link(self.cases / stored, folder / name)
                except OSError:
                    shutil.copyfile(self.cases / stored, folder / name)
        return folder

    def files(self, n: int) -> list[str]:
        folder = self.folder(n)
        return [str(folder / f"case-{i:06d}.json") for i in range(n)]

    # -- arms
    def check(self, key: str, label: str, target: str, *opts: str, files: int = 1) -> Arm:
        cmd = (*self.checker, "check", "--today", BENCH_TODAY.isoformat(),
               "--jobs", str(self.p.jobs), *opts, target)
        return Arm(key, label, (cmd,), frozenset({0, 1}), files)

    def peer_arm(self, key: str, paths: list[str]) -> Arm | None:
        if not self.peer:
            return None
        return Arm(key, "check-jsonschema",
                   ((self.peer, "--schemafile", str(SCHEMA), *paths),),
                   frozenset({0, 1}), len(paths))

    def floor(self, key: str, folder: Path, n: int, procs: int) -> Arm:
        cmds = tuple((sys.executable, "-c", FLOOR, str(folder), str(k), str(procs))
                     for k in range(procs))
        word = "process" if procs == 1 else "processes"
        return Arm(key, f"read + parse floor ({floor_parser()}), {procs} {word}", cmds,
                   frozenset({0}), n)

    # -- phases
    def one_file(self) -> None:
        self.log("one file")
        one = self.base / "one"
        one.mkdir()
        path = one / "case.json"
        path.write_bytes(encode(generate(0, self.p.seed)))
        origin = seed_of(0, self.p.seed)
        what = (f"one file ({origin.procedure}, {path.stat().st_size / 1024:.1f} KB, "
                f"{'with' if origin.violating else 'without'} errors)")
        arms = [Arm("python", "python -c pass", ((sys.executable, "-c", "pass"),)),
                self.check("cold", "checker --no-cache", str(path), "--no-cache"),
                self.check("cached", "checker, cached", str(path))]
        peer = self.peer_arm("peer", [str(path)])
        if peer:
            arms.append(peer)
        s = run_rounds(arms, self.p.one_file_rounds, self.rng, self.run, log=self.log)
        for a in arms:
            self.result.add_times(f"{what}: {a.label}", s[a.key], 1)
        if peer:
            self.result.add_ratios(
                Ratio("one file: checker time ÷ check-jsonschema time",
                      time_ratio(s["cold"], s["peer"]), "≤ 0.5"),
                Ratio("one file, cached: checker time ÷ check-jsonschema time",
                      time_ratio(s["cached"], s["peer"])))
        self.result.add_ratios(Ratio("one file: checker time ÷ python -c pass time",
                                     time_ratio(s["cold"], s["python"])))

    def cold(self) -> None:
        biggest = max(self.p.cold_sizes)
        for n in self.p.cold_sizes:
            self.log(f"{n:,} files, cold")
            folder = self.folder(n)
            arms = [self.check("checker", f"checker --no-cache, {self.p.jobs} jobs",
                               str(folder), "--no-cache", files=n),
                    self.floor("floor", folder, n, self.p.jobs)]
            peer = self.peer_arm("peer", self.files(n))
            if peer:
                arms.append(peer)
            # no warm-up round: the files were just written (in the page cache) and a
            # round of check-jsonschema on 10,000 files costs half a minute
            s = run_rounds(arms, self.p.cold_rounds, self.rng, self.run, warmup=False,
                           log=self.log)
            for a in arms:
                self.result.add_times(f"{n:,} files cold: {a.label}", s[a.key], n)
            if peer:
                self.result.add_ratios(Ratio(
                    f"{n:,} files cold: checker files/s ÷ check-jsonschema files/s",
                    speedup(s["checker"], s["peer"]), "≥ 10" if n == biggest else ""))
            self.result.add_ratios(Ratio(
                f"{n:,} files cold: checker files/s ÷ floor files/s ({self.p.jobs} "
                "processes)", speedup(s["checker"], s["floor"])))

    def warm(self) -> None:
        n = self.p.warm_size
        self.log(f"{n:,} files, warm")
        folder = self.folder(n)
        arms = [self.check("checker", f"checker (cache primed), {self.p.jobs} jobs",
                           str(folder), files=n),
                self.floor("floor1", folder, n, 1),
                self.floor("floorN", folder, n, self.p.jobs)]
        self.run(arms[0], False)  # primes the cache
        s = run_rounds(arms, self.p.warm_rounds, self.rng, self.run, log=self.log)
        for a in arms:
            self.result.add_times(f"{n:,} files warm: {a.label}", s[a.key], n)
        self.result.add_ratios(
            Ratio(f"{n:,} files warm: checker files/s ÷ floor files/s ({self.p.jobs} "
                  "processes)", speedup(s["checker"], s["floorN"]), "≥ 0.25"),
            Ratio(f"{n:,} files warm: checker files/s ÷ floor files/s (1 process)",
                  speedup(s["checker"], s["floor1"])))

    def memory(self) -> None:
        for n, runs in zip(self.p.memory_sizes, self.p.memory_runs, strict=True):
            folder = self.folder(n)
            formats = list(self.p.formats)
            for r in range(runs):
                self.log(f"{n:,} files, peak memory, run {r + 1}/{runs}")
                self.rng.shuffle(formats)
                for fmt in formats:
                    arm = self.check(f"mem-{fmt}", f"{n:,} files, --format {fmt}",
                                     str(folder), "--no-cache", "--format", fmt, files=n)
                    self.result.add_memory(fmt, n, self.run(arm, True))

    def all(self) -> Result:
        self.one_file()
        self.cold()
        self.warm()
        self.memory()
        if not self.peer:
            self.result.notes.append("check-jsonschema is not installed (`make bench` "
                                     "installs it): its rows and targets are missing.")
        return self.result


# The floor: list the folder, read and parse every file of this process's share (every
# procs-th file from k), as one whole process. Kept to the standard library and orjson.
FLOOR = """\
import os, sys
try:
    from orjson import loads
except ImportError:
    from json import loads
folder, k, procs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
names = sorted(e.path for e in os.scandir(folder) if e.name.endswith(".json"))
for name in names[k::procs]:
    with open(name, "rb") as f:
        loads(f.read())
"""


def floor_parser() -> str:
    try:
        import orjson  # noqa: F401
    except ImportError:
        return "json"
    return "orjson"


# ---------------------------------------------------------------- the table
def _num(x: float) -> str:
    return f"{x:,.0f}" if x >= 100 else f"{x:,.1f}" if x >= 10 else f"{x:.2f}" if x >= 0.1 \
        else f"{x:.3f}"


def _mib(b: float) -> str:
    return f"{b / 2**20:,.0f} MiB"


def _verdict(r: Ratio) -> str:
    return {True: "met", False: "not met", None: ""}[r.met]


def absolute_row(row: tuple[str, Spread, str, Spread]) -> str:
    label, sp, unit, cpu = row
    return (f"| {label} | {_num(sp.median)} {unit} | {_num(sp.lo)}–{_num(sp.hi)} "
            f"| {_num(cpu.median * 1000)} ms | {sp.n} |")


def ratio_row(r: Ratio) -> str:
    sp = r.spread
    return f"| {r.label} | {_num(sp.median)} | {_num(sp.lo)}–{_num(sp.hi)} | {sp.n} |"


def table(res: Result) -> str:
    p, out = res.plan, list(res.header)
    if p.quick:
        out += ["", "**Smoke run (BENCH_QUICK=1): small sizes, few rounds; the verdicts do "
                "not count.**"]
    out += ["", "Measured (median and min–max over the rounds; CPU time: the median of "
            "user + system time of all the processes of a run):", "",
            "| what | median | min–max | CPU time | runs |", "|---|---:|---:|---:|---:|"]
    for row in res.absolute:
        out.append(absolute_row(row))
    out += ["", "Ratios from paired runs (the median of the per-round ratios):", "",
            "| ratio | median | min–max | pairs |", "|---|---:|---:|---:|"]
    for r in res.ratios:
        out.append(ratio_row(r))
    sizes = p.memory_sizes
    out += ["", "Peak memory: the largest process (max RSS, from the kernel) / the process "
            "tree (summed PSS, sampled every 50 ms); median over the runs:", "",
            "| format | " + " | ".join(f"{n:,} files" for n in sizes) + " | runs |",
            "|---|" + "---:|" * (len(sizes) + 1)]
    for fmt in p.formats:
        cells = []
        for n in sizes:
            ss = res.memory.get((fmt, n), [])
            if not ss:
                cells.append("–")
                continue
            tree = [s.tree_pss for s in ss if s.tree_pss]
            rss = statistics.median(s.maxrss for s in ss)
            rate = statistics.median(n / s.wall for s in ss)
            cells.append(f"{_mib(rss)} / {_mib(statistics.median(tree)) if tree else 'n/a'}"
                         f" ({_num(rate)} files/s)")
        runs = "/".join(str(len(res.memory.get((fmt, n), []))) for n in sizes)
        out.append(f"| {fmt} | " + " | ".join(cells) + f" | {runs} |")
    out += ["", "Targets (issue 15):", "", "| target | measured | goal | verdict |",
            "|---|---:|---:|---|"]
    for r in [r for r in res.ratios if r.target] + res.memory_ratios():
        out.append(f"| {r.label} | {_num(r.spread.median)} | {r.target} | {_verdict(r)} |")
    out += ["", *res.notes]
    return "\n".join(out).rstrip() + "\n"


def _version(cmd: list[str]) -> str:
    try:
        text = subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return "?"
    return text.strip().splitlines()[-1] if text.strip() else "?"


def header(b: Bench) -> list[str]:
    from checker import __version__

    p = b.p
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    peer = _version([b.peer, "--version"]) if b.peer else "not installed"
    return [f"checker {__version__}, Python {sys.version.split()[0]}, {p.jobs} core(s) "
            f"(checker --jobs {p.jobs}); {peer}; floor parser {floor_parser()}; "
            f"seed {p.seed}; load average at start {load[0]:.2f}"]


def main() -> None:
    quick = bool(os.environ.get("BENCH_QUICK"))
    p = plan(quick)
    started = time.perf_counter()

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {msg}", file=sys.stderr, flush=True)

    try:
        with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
            base = Path(tmp)
            os.environ["CHECKER_CACHE_DIR"] = str(base / "cache")
            b = Bench(p, base, log=log)
            b.result.header = header(b)
            print("\n".join(b.result.header), flush=True)
            print("\nRows as they are measured (the whole table follows at the end):\n",
                  flush=True)

            def show(row: str) -> None:
                with contextlib.suppress(BrokenPipeError):
                    print(row, flush=True)

            b.result.show = show
            res = b.all()
            load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
            res.notes.append(f"Load average at the end {load[0]:.2f}; the whole run took "
                             f"{time.perf_counter() - started:,.0f} s.")
    except BenchError as e:
        print(f"bench: {e}", file=sys.stderr)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    with contextlib.suppress(BrokenPipeError):
        print("\n" + table(res), end="", flush=True)


if __name__ == "__main__":
    main()
