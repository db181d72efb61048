"""Ways to damage a database's search index (FTS5), for the tests of search and of 'ghnt-desktop check'.

Fixed, not random: random bytes (randomblob() over every index page, as the tests did before) made a test fail
about once in 300 runs, and a random structure record can make SQLite zero up to two gigabytes first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path


def _varint(n: int) -> bytes:
    """SQLite's varint (7 bits a byte, the first byte most significant) as FTS5 writes it in its records."""
    groups = [n & 0x7F]
    n >>= 7
    while n:
        groups.append(0x80 | (n & 0x7F))
        n >>= 7
    return bytes(reversed(groups))


# The index's structure record (rowid 10 of search_index_data): cookie, levels, segments, write counter, then
# per level its merge count and segment count. FTS5 allocates (zeroed) an array per level sized by that count.
HUGE_LEVEL = bytes(4) + _varint(1) + _varint(1) + _varint(0) + _varint(0) + _varint(2**31 - 1)


def _text(block: bytes) -> bytes:
    return (b"meldcode " * (len(block) // 9 + 1))[: len(block)]


# How an index can be damaged: which rows of search_index_data, and what each block becomes. The search must
# refuse with the repair in every case. Random bytes (the tests wrote randomblob() over every index page
# before) made them fail about once in 300 runs with MemoryError: a random structure record can ask for more
# than SQLite will allocate (SQLITE_NOMEM), and search did not take that as a damaged index. These are fixed,
# so a test reads the same every run; two of them are random structure records that gave MemoryError.
# (A zeroed structure record reads as an empty index to FTS5, without an error: not a case here.)
DAMAGE: dict[str, tuple[str, Callable[[bytes], bytes]]] = {
    "structure claims 2^31 segments": ("id = 10", lambda _block: HUGE_LEVEL),
    "random structure 1 (was MemoryError)": ("id = 10", lambda _block: bytes.fromhex("205bdbec3648b26750f894a2")),
    "random structure 2 (was MemoryError)": ("id = 10", lambda _block: bytes.fromhex("24a42650734b4a55f3c4cd38")),
    "pages zeroed": ("id > 10", lambda block: bytes(len(block))),
    "pages all 0xFF": ("id > 10", lambda block: b"\xff" * len(block)),
    "pages overwritten with text": ("id > 10", _text),
    "pages cut short": ("id > 10", lambda block: block[: len(block) // 3]),
}


def damage_search_index(path: Path, damage: str) -> None:
    """Damage the search index of the (closed) database at ``path`` in the way ``DAMAGE[damage]`` says."""
    rows, change = DAMAGE[damage]
    connection = sqlite3.connect(path)
    try:
        blocks = connection.execute(f"SELECT id, block FROM search_index_data WHERE {rows}").fetchall()
        assert blocks, damage
        connection.executemany(
            "UPDATE search_index_data SET block = ? WHERE id = ?", [(change(block), row) for row, block in blocks]
        )
        connection.commit()
    finally:
        connection.close()
