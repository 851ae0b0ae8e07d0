"""`make bench`: how fast the checker is, beside its peer and the machine's limit.

One run prints one table; each figure is the median of repeated runs with its spread
(min - max). Nothing here is asserted: speed is measured, not tested.

- one file: `checker check FILE` beside `python -c pass` and
  `check-jsonschema --schemafile schemas/case.schema.json FILE`;
- batch: files per second on 1,000 and 10,000 generated cases, beside check-jsonschema
  on the same files and a read + orjson parse floor (one core);
- scaling: 1k, 10k and 100k files, wall time and peak memory (largest process);
- ratios against the peer and the floor.

The checker runs cold (--no-cache) unless a row says "cached". BENCH_QUICK=1 shrinks
every size and repeat count for a smoke run.
"""

from __future__ import annotations

import copy
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "fixtures" / "examples" / "clean.json"
SCHEMA = ROOT / "schemas" / "case.schema.json"
QUICK = bool(os.environ.get("BENCH_QUICK"))

# ---------------------------------------------------------------- the case generator
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Hữu", "Thu", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hằng", "Hương", "Khánh", "Lan", "Long", "Mai",
         "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Tuấn", "Việt", "Yến", "Hải"]
UNITS = ["Vụ Pháp chế", "Vụ Kế hoạch - Tài chính", "Vụ Tổ chức cán bộ", "Cục Quản lý giá",
         "Vụ Hợp tác quốc tế", "Cục Tin học và Thống kê", "Vụ Chính sách thuế",
         "Văn phòng Bộ", "Thanh tra Bộ", "Cục Quản lý công sản"]
MINISTRIES = [("Bộ Tài chính", "BTC"), ("Bộ Tư pháp", "BTP"), ("Bộ Nội vụ", "BNV"),
              ("Bộ Công Thương", "BCT"), ("Bộ Xây dựng", "BXD"), ("Bộ Y tế", "BYT")]
SENTENCES = [
    "Đồng chí có phẩm chất chính trị vững vàng, đạo đức, lối sống trong sáng.",
    "Trong ba năm gần nhất đều hoàn thành tốt nhiệm vụ được giao.",
    "Có năng lực tham mưu, tổng hợp và tổ chức thực hiện nhiệm vụ chuyên môn.",
    "Đoàn kết nội bộ tốt, được cán bộ, công chức trong đơn vị tín nhiệm.",
    "Chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "Nhận xét của chi ủy nơi cư trú: gia đình chấp hành tốt quy định của địa phương.",
]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _shift(data: Any, days: int) -> Any:
    import datetime as dt

    if isinstance(data, dict):
        return {k: _shift(v, days) for k, v in data.items()}
    if isinstance(data, list):
        return [_shift(v, days) for v in data]
    if isinstance(data, str) and len(data) == 10 and data[4] == "-" and data[7] == "-":
        try:
            return (dt.date.fromisoformat(data) + dt.timedelta(days=days)).isoformat()
        except ValueError:
            return data
    return data


BREAKS: list[Callable[[dict[str, Any], random.Random], None]] = [
    lambda c, r: c["steps"][1].update(present=5),  # quorum: 5 of 9
    lambda c, r: c["steps"][4].update(nominations=[{"name": c["candidate"]["full_name"],
                                                     "votes": 1}]),  # step 5 below 50%
    lambda c, r: c["dossier"]["items"].pop(r.randrange(len(c["dossier"]["items"]))),
    lambda c, r: c["decision"].update(body="Thứ trưởng " + c["decision"]["body"][12:]),
    lambda c, r: c["consultations"].clear(),
]


def generate(index: int, seed: int = 20251122, broken_share: float = 0.3) -> dict[str, Any]:
    """Case number `index` of a deterministic series: realistic, 4-10 KB, Vietnamese
    text; about `broken_share` of them break one or two rules."""
    rng = random.Random(seed * 1_000_003 + index)
    case: dict[str, Any] = copy.deepcopy(_template())
    ministry, code = rng.choice(MINISTRIES)
    unit = rng.choice(UNITS)
    candidate, rival = _name(rng), _name(rng)
    case["case_id"] = f"{code}-{index:06d}"
    case["unit"].update(name=unit, parent=ministry)
    case["post"].update(title=f"Vụ trưởng {unit}", managing_body=f"Bộ trưởng {ministry}")
    case["candidate"].update(full_name=candidate, current_post=f"Phó Vụ trưởng {unit}")
    case["decision"].update(body=f"Bộ trưởng {ministry}", signatory=f"Bộ trưởng {ministry}")
    for step in case["steps"]:
        for n in step.get("nominations", []):
            n["name"] = candidate if n["votes"] >= 3 else rival
    case["consultations"][0]["body"] = f"Ban Thường vụ Đảng ủy {ministry}"
    case["consultations"][0]["answer_summary"] = " ".join(
        rng.choice(SENTENCES) for _ in range(rng.randint(4, 40)))
    if rng.random() < broken_share:
        for brk in rng.sample(BREAKS, rng.randint(1, 2)):
            brk(case, rng)
    shifted: dict[str, Any] = _shift(case, rng.randint(0, 280))
    return shifted


_TEMPLATE: dict[str, Any] | None = None


def _template() -> dict[str, Any]:
    global _TEMPLATE
    if _TEMPLATE is None:
        _TEMPLATE = json.loads(EXAMPLE.read_text("utf-8"))
        _TEMPLATE.pop("$schema", None)
    return _TEMPLATE


def write_cases(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"case-{i:06d}.json"
        p.write_text(json.dumps(generate(i), ensure_ascii=False, indent=2), "utf-8")
        paths.append(p)
    return paths


# ---------------------------------------------------------------- measuring
def _timed(cmd: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """(seconds, peak RSS in KiB of the largest process it ran)."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=cwd, capture_output=True,
                         text=True, check=True).stdout.split()
    return float(out[0]), int(out[1])


def _runs(cmd: list[str], n: int) -> tuple[list[float], int]:
    times, peak = [], 0
    for _ in range(n):
        t, rss = _timed(cmd)
        times.append(t)
        peak = max(peak, rss)
    return times, peak


def _floor(paths: list[Path], n: int) -> list[float]:
    """Files per second to read and parse with orjson, in this process (one core)."""
    import orjson

    rates = []
    for _ in range(n):
        t = time.perf_counter()
        for p in paths:
            orjson.loads(p.read_bytes())
        rates.append(len(paths) / (time.perf_counter() - t))
    return rates


def _fmt_time(samples: list[float]) -> str:
    med = statistics.median(samples)
    return f"{med * 1000:,.0f} ms ({min(samples) * 1000:,.0f}–{max(samples) * 1000:,.0f})"


def _fmt_rate(n: int, samples: list[float]) -> str:
    rates = sorted(n / s for s in samples)
    return f"{statistics.median(rates):,.0f}/s ({rates[0]:,.0f}–{rates[-1]:,.0f})"


def main() -> None:
    bindir = Path(sys.executable).parent
    checker = str(bindir / "checker")
    peer = shutil.which("check-jsonschema", path=str(bindir))
    sizes = [100, 300, 1000] if QUICK else [1000, 10_000, 100_000]
    one_runs = 3 if QUICK else 15
    rows: list[tuple[str, str]] = []
    ratios: list[tuple[str, str]] = []
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1

    with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
        base = Path(tmp)
        env_cache = base / "cache"
        os.environ["CHECKER_CACHE_DIR"] = str(env_cache)
        single = write_cases(base / "one", 1)[0]

        # one file
        py, _ = _runs([sys.executable, "-c", "pass"], one_runs)
        ours, _ = _runs([checker, "check", "--no-cache", str(single)], one_runs)
        _runs([checker, "check", str(single)], 1)
        warm, _ = _runs([checker, "check", str(single)], one_runs)
        rows += [("python -c pass", _fmt_time(py)),
                 ("checker check FILE (one file)", _fmt_time(ours)),
                 ("checker check FILE (one file, cached)", _fmt_time(warm))]
        if peer:
            theirs, _ = _runs([peer, "--schemafile", str(SCHEMA), str(single)], one_runs)
            rows.append(("check-jsonschema FILE (schema only)", _fmt_time(theirs)))
            ratios.append(("one file: checker / check-jsonschema (target ≤ 0.5)",
                           f"{statistics.median(ours) / statistics.median(theirs):.2f}"))

        # batches and scaling
        for n in sizes:
            folder = base / f"n{n}"
            paths = write_cases(folder, n)
            reps = 1 if n >= 100_000 else (2 if n >= 10_000 else 5)
            t_ours, rss = _runs([checker, "check", "--no-cache", "--quiet", str(folder)], reps)
            rows.append((f"checker, {n:,} files", f"{_fmt_rate(n, t_ours)}; "
                         f"{_fmt_time(t_ours)}; peak {rss / 1024:,.0f} MiB"))
            if n <= 10_000:
                _runs([checker, "check", "--quiet", str(folder)], 1)  # fill the cache
                t_warm, _ = _runs([checker, "check", "--quiet", str(folder)], reps)
                rows.append((f"checker, {n:,} files, cached", _fmt_rate(n, t_warm)))
                floor = _floor(paths, reps)
                rows.append((f"read + orjson floor, {n:,} files (1 core)",
                             f"{statistics.median(floor):,.0f}/s "
                             f"({min(floor):,.0f}–{max(floor):,.0f})"))
                rate = n / statistics.median(t_ours)
                ratios.append((f"{n:,} files: checker / floor × {cores} cores "
                               "(target ≥ 0.25)",
                               f"{rate / (statistics.median(floor) * cores):.3f}"))
                if peer:
                    t_peer, _ = _runs([peer, "--schemafile", str(SCHEMA),
                                       *map(str, paths)], 1 if n >= 10_000 else 3)
                    rows.append((f"check-jsonschema, {n:,} files", _fmt_rate(n, t_peer)))
                    ratios.append((f"{n:,} files: checker / check-jsonschema files/s "
                                   "(target ≥ 10)",
                                   f"{rate / (n / statistics.median(t_peer)):.1f}"))
            shutil.rmtree(folder)

    width = max(len(r[0]) for r in rows + ratios)
    print(f"| {'what':<{width}} | median (spread) |")
    print(f"|{'-' * (width + 2)}|-----------------|")
    for name, value in rows + ratios:
        print(f"| {name:<{width}} | {value} |")
    if not peer:
        print("\ncheck-jsonschema is not installed: `make bench` installs it.")


if __name__ == "__main__":
    main()
