"""Lines of a programme cell as a region writes them: "-" or "•" actions with "o" sub-points, or numbered.

A Word cell holds paragraphs; each may start with a typed marker ("- ", "•\\t", "o ", "1.", "a)") or be a
list paragraph Word numbers itself (``w:numPr`` with a level, no marker in the text). ``split_items`` turns
such paragraphs into (level, text) items: level 0 for an action, 1 and deeper for its sub-points. A paragraph
without a marker after an item continues that item (a second paragraph of the same action); before the
first item it is an item of its own. Pure text handling, no Word or database: the docx and Excel readers
and the tests share it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Markers of a first-level item and of a sub-point. "o" is how Word's second bullet level looks when a
# document is typed or pasted as text; the others are the usual bullet characters.
TOP_MARKERS = "-–—•*·▪►■➢✓"
SUB_MARKERS = "o◦○▫‣□"
_MARKER = re.compile(
    r"^\s*(?:"
    r"(?P<top>[" + re.escape(TOP_MARKERS) + r"])"
    r"|(?P<sub>[" + re.escape(SUB_MARKERS) + r"])"
    r"|(?P<number>\(?\d{1,2}[.)])"
    r"|(?P<letter>\(?[a-z][.)])"
    r")(?:[ \t\u00a0]+|$)"
)


@dataclass(frozen=True)
class CellParagraph:
    """One paragraph of a cell: its text and, for a paragraph Word numbers itself, its list level."""

    text: str
    list_level: int | None = None


@dataclass(frozen=True)
class Item:
    """An item of a cell: ``level`` 0 is an action, 1 (or deeper) a sub-point of the item above it."""

    level: int
    text: str


def marker_level(text: str) -> tuple[int | None, str]:
    """(level, rest) for a paragraph that starts with a typed marker; (None, text) when it has none.

    Level 0 for "-", "•" and numbers ("1.", "2)"), 1 for "o" and letters ("a.", "b)").
    """
    match = _MARKER.match(text)
    if match is None:
        return None, text
    rest = text[match.end() :].strip()
    if not rest:
        return None, text  # a lone "-" or "o": no item (often a placeholder for "nobody")
    level = 0 if match.group("top") or match.group("number") else 1
    return level, rest


def split_items(paragraphs: Iterable[CellParagraph | str]) -> list[Item]:
    """The items of a cell, in order; levels made relative (the shallowest level present becomes 0)."""
    raw: list[tuple[int | None, str, bool]] = []  # (level, text, marked)
    for paragraph in paragraphs:
        if isinstance(paragraph, str):
            paragraph = CellParagraph(paragraph)
        text = paragraph.text.strip()
        if not text:
            continue
        level, rest = marker_level(text)
        if level is not None:
            if paragraph.list_level is not None:
                level = max(level, paragraph.list_level)  # "o" typed in a Word list of level 1
            raw.append((level, rest, True))
        elif paragraph.list_level is not None:
            raw.append((paragraph.list_level, text, True))
        else:
            raw.append((None, text, False))
    marked = any(m for _l, _t, m in raw)
    items: list[Item] = []
    seen_marker = False
    for level, text, is_marked in raw:
        if is_marked:
            seen_marker = True
            assert level is not None
            items.append(Item(level, text))
        elif marked and seen_marker and items:
            last = items[-1]
            items[-1] = Item(last.level, f"{last.text}\n{text}")
        else:
            items.append(Item(0, text))
    if items:
        lowest = min(i.level for i in items)
        items = [Item(i.level - lowest, i.text) for i in items]
    # A sub-point needs an item above it: the first item of a cell is always an action.
    if items and items[0].level > 0:
        items[0] = Item(0, items[0].text)
    return items
