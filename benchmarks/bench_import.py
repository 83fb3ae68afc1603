"""Start-up cost: importing shoporg and running everyday CLI commands, each in a fresh
interpreter, against the floors they cannot beat (a bare interpreter, and importing
pandas, which every table needs).

Each figure is the median of several runs of a new process, so the operating system's
file cache is warm and what is measured is Python's import work.

Run: `.venv/bin/python benchmarks/bench_import.py` (`--runs N` for more runs).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CASES = {
    "python (bare interpreter)": [sys.executable, "-c", "pass"],
    "import pandas (floor)": [sys.executable, "-c", "import pandas"],
    "import shoporg": [sys.executable, "-c", "import shoporg"],
    "shoporg --help": [sys.executable, "-m", "shoporg", "--help"],
    "shoporg templates": [sys.executable, "-m", "shoporg", "templates"],
    "shoporg show seed-14-basic-22": [sys.executable, "-m", "shoporg", "show", "seed-14-basic-22"],
}


def median_seconds(cmd: list[str], runs: int) -> float:
    """Median wall time of ``runs`` fresh processes running ``cmd`` (after one warm-up)."""
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    figures = {name: median_seconds(cmd, args.runs) for name, cmd in CASES.items()}
    floor = figures["import pandas (floor)"]
    print(f"{'case':34} {'median':>9} {'× pandas':>9}")
    for name, seconds in figures.items():
        print(f"{name:34} {seconds * 1000:7.0f} ms {seconds / floor:8.2f}×")


if __name__ == "__main__":
    main()
