"""Run every benchmark in this folder, one process each, and print their figures.

``python3 tasks.py bench`` runs this. Each benchmark prints medians with ratios against a baseline
measured in the same run; nothing here is part of the test suite. ``--quick`` passes fewer runs where
a benchmark supports it. Name benchmarks to run only those: ``python3 tasks.py bench startup xlsx``.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Order: quick ones first; the power-cut loop last (it runs many kills).
ORDER = ["startup", "actions_view", "search", "responsive", "docx", "xlsx", "exports", "power_cut"]


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    wanted = [a for a in argv if not a.startswith("--")]
    available = {p.stem.removeprefix("bench_"): p for p in HERE.glob("bench_*.py")}
    available["power_cut"] = HERE / "power_cut.py"
    names = [n for n in ORDER if n in available] + sorted(set(available) - set(ORDER))
    if wanted:
        names = [n for n in names if n in wanted]
    failures = 0
    for name in names:
        args = [sys.executable, str(available[name])]
        if quick:
            args += ["--runs", "3"] if name != "power_cut" else ["--runs", "20"]
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        code = subprocess.call(args)
        print(f"({name}: {time.perf_counter() - started:.0f} s, exit {code})", flush=True)
        failures += code != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
