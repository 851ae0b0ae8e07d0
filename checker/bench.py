"""`make bench`: wall time of a one-file check beside `python -c pass`, and throughput.

Each figure is the median of repeated runs with its spread (min-max). Nothing here is
asserted: speed is measured, not tested.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "fixtures" / "examples" / "clean.json"


def _time(cmd: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        out.append(time.perf_counter() - t0)
    return out


def _row(name: str, samples: list[float], unit: str = "ms", scale: float = 1000.0) -> str:
    med = statistics.median(samples) * scale
    lo, hi = min(samples) * scale, max(samples) * scale
    return f"| {name:<44} | {med:>9.1f} {unit} | {lo:>8.1f} – {hi:<8.1f} |"


def _throughput(n: int, runs: int, fn: Callable[[list[Path]], None], files: list[Path]
                ) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn(files[:n])
        out.append(n / (time.perf_counter() - t0))
    return out


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "15"))
    exe = shutil.which("checker", path=str(Path(sys.executable).parent)) or "checker"
    rows = [
        "| what | median | spread (min – max) |",
        "|---|---|---|",
        _row("python -c pass", _time([sys.executable, "-c", "pass"], runs)),
        _row("checker --version", _time([exe, "--version"], runs)),
        _row("checker check clean.json (one file)", _time([exe, "check", str(EXAMPLE)], runs)),
    ]

    from checker.pipeline import check_bytes
    from checker.rules.engine import Options
    from checker.rules.pack import builtin_packs

    packs, opts = builtin_packs(), Options()

    def run(files: list[Path]) -> None:
        for f in files:
            check_bytes(str(f), f.read_bytes(), packs, opts)

    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, src in enumerate(sorted((ROOT / "fixtures").rglob("*.json")) * 50):
            dst = Path(tmp) / f"{i:05d}.json"
            dst.write_bytes(src.read_bytes())
            files.append(dst)
        run(files[:20])  # warm caches: schema validator, rule packs, holidays
        n = min(1000, len(files))
        samples = _throughput(n, max(3, runs // 5), run, files)
        rows.append(_row(f"in-process batch, {n} files (files/s)", [s / 1000 for s in samples],
                         unit="/s", scale=1000.0))
    print("\n".join(rows))


if __name__ == "__main__":
    main()
