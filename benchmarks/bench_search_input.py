"""Search with pathological input on the scale database, against a typical query in the same run.

Run: ``.venv/bin/python benchmarks/bench_search_input.py [--runs 5]`` (not part of the test run).

Inputs: a word repeated thousands of times, thousands of different words, lone surrogates, FTS5 syntax
characters (quotes, ``*``, ``NEAR``, ``AND``/``OR``/``NOT``, parentheses, column filters), a pasted page
of minutes, and a one-letter prefix. ``services.search`` caps the query (``MAX_TERMS`` distinct words of
at most ``MAX_TERM_CHARS`` characters from the first ``MAX_QUERY_CHARS`` characters, surrogates dropped),
so each should answer like a typical query. Target: every input under 100 ms; the ratio to the typical
query ("meldcode") is printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_db import scale_database  # noqa: E402

TYPICAL = "meldcode"
INPUTS = {
    "word x 5000": "meldcode " * 5000,
    "5000 different words": " ".join(f"woord{n}" for n in range(5000)),
    "lone surrogates": "\ud800meld\udfffcode \udc00" * 200,
    "FTS syntax": '"meld* NEAR(a b) AND OR NOT (x) col:y ^z {a b}: -c +d' * 50,
    "pasted minutes (20 kB)": ("Het afstemmingsoverleg besluit de pilot MDA++ voort te zetten in 2026. " * 300),
    "one letter": "a",
    "long single word": "x" * 100_000,
}


def median_ms(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="another database (default: the scale database)")
    args = parser.parse_args()
    from ghnt_desktop.db import open_database
    from ghnt_desktop.services.search import MAX_TERMS, query_terms, search

    database = open_database(args.db or scale_database(), read_only=True)
    with database.session() as session:
        base = median_ms(lambda: search(session, TYPICAL), args.runs)
        print(f"Typical query {TYPICAL!r}: {base:.1f} ms (median of {args.runs}); term cap {MAX_TERMS}")
        print(f"  {'input':<26}{'chars':>9}{'terms':>7}{'time':>11}{'hits':>6}{'ratio':>8}")
        worst = 0.0
        for name, typed in INPUTS.items():
            ms = median_ms(lambda t=typed: search(session, t), args.runs)
            hits = len(search(session, typed))
            worst = max(worst, ms)
            ratio = ms / base if base else float("nan")
            print(f"  {name:<26}{len(typed):>9}{len(query_terms(typed)):>7}{ms:>8.1f} ms{hits:>6}{ratio:>7.2f}x")
        print(f"  slowest {worst:.1f} ms; target < 100 ms: {'met' if worst < 100 else 'MISSED'}")
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
