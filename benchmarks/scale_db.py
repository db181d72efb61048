"""The scale databases the benchmarks share: built once per size and schema version into benchmarks/.cache/."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CACHE = Path(__file__).resolve().parent / ".cache"


def scale_database(seed: int = 2024, years: int | None = None) -> Path:
    """Path of a scale database, building it when missing.

    ``years=None`` is the full size (ten years, about 100,000 action items); ``years=3`` is the three-year
    region of ``tests/test_ui_responsive.py`` (about 13,000 action items, 4,700 open).
    """
    from ghnt_desktop.migrations import HEAD
    from ghnt_desktop.scale import ScaleSize, create_scale_database

    size = ScaleSize() if years is None else ScaleSize(years=years, organisations=40, people=200, working_groups=6)
    CACHE.mkdir(exist_ok=True)
    name = f"scale-{seed}" if years is None else f"scale-{seed}-{years}y"
    path = CACHE / f"{name}-{HEAD}.db"
    if not path.exists():
        started = time.perf_counter()
        work = path.with_suffix(".building")
        for leftover in CACHE.glob(work.name + "*"):
            leftover.unlink()
        counts = create_scale_database(work, seed=seed, size=size)
        work.rename(path)
        print(f"(built the scale database in {time.perf_counter() - started:.0f} s: {counts})", flush=True)
    return path
