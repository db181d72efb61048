"""The scale database the benchmarks share: built once per schema version into benchmarks/.cache/."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CACHE = Path(__file__).resolve().parent / ".cache"


def scale_database(seed: int = 2024) -> Path:
    """Path of the full-size scale database (about 100,000 action items), building it when missing."""
    from ghnt_desktop.migrations import HEAD
    from ghnt_desktop.scale import create_scale_database

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"scale-{seed}-{HEAD}.db"
    if not path.exists():
        started = time.perf_counter()
        work = path.with_suffix(".building")
        for leftover in CACHE.glob(work.name + "*"):
            leftover.unlink()
        counts = create_scale_database(work, seed=seed)
        work.rename(path)
        print(f"(built the scale database in {time.perf_counter() - started:.0f} s: {counts})", flush=True)
    return path
