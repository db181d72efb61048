"""Full garbage collections held back while long work runs (an export, a worker task).

The cyclic garbage collector holds the GIL while it runs, so the GUI thread cannot tick meanwhile. A full
collection scans every tracked object: 117 ms measured here over the app's heap in the middle of an export, and
85-233 ms over an export's own objects on the scale database (32,000 open actions), even with the heap that
existed before the task frozen out of collection. While any such work runs, full collections are therefore held
back (the oldest generation's threshold raised); young objects are still collected (a few thousand at a time,
well under a millisecond). The last holder to end restores the threshold: its objects have mostly been freed by
then, and the next full collection comes as usual. The app's worker tasks hold them (``ui/worker.py``), and so
does an export run anywhere else (the command line, a test, the benchmark), so it is measured as the app runs it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_held_by = 0
_thresholds: tuple[int, ...] = ()
NO_FULL_COLLECTION = 1 << 30  # collections of the middle generation before a full one: never, in practice


def hold_full_collections() -> None:
    """Hold back full collections until as many ``release_full_collections`` calls have been made."""
    global _held_by, _thresholds
    with _lock:
        if _held_by == 0:
            _thresholds = gc.get_threshold()
            young, middle, _oldest = _thresholds
            gc.set_threshold(young, middle, NO_FULL_COLLECTION)
        _held_by += 1


def release_full_collections() -> None:
    global _held_by
    with _lock:
        _held_by -= 1
        if _held_by == 0:
            gc.set_threshold(*_thresholds)


@contextmanager
def full_collections_held() -> Iterator[None]:
    """Full collections held back while the block runs."""
    hold_full_collections()
    try:
        yield
    finally:
        release_full_collections()
