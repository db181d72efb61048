"""Column widths that keep every word whole: "Aangehouden", not "Aangehou" / "den" on two lines.

A table's columns get their share of the page from fixed weights; a narrow column (Status, Uitgesteld, Nr)
is widened to its longest word, measured with Pillow in a font like the template's table font at its size,
and the extra width is taken from the columns that have room to spare. The font is read from the template's
styles; a font this machine does not have is measured with a metric-compatible one (Arial -> Liberation
Sans) and an unknown font as DejaVu Sans, which is as wide as Verdana, so a guess errs towards wide.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

TWIPS_PER_PT = 20
CELL_MARGINS_TWIPS = 2 * 85  # tblCellMar left + right of DocxWriter.table
SLACK = 1.06  # renderers differ a little in kerning and hinting
MAX_SHARE = 0.45  # one endless word (a web address) never takes more than this share of the table
_MEASURED_PER_COLUMN = 8  # the longest words by characters; the widest of them in the font decides
_MEASURE_SIZE = 100  # Pillow measures at 100 px; widths scale linearly with the point size

_FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".fonts",
    Path("C:/Windows/Fonts"),
    Path("/Library/Fonts"),
    Path("/System/Library/Fonts"),
)
# A font name (casefolded, as styles.xml writes it) -> file names to try, regular and bold.
_WIDE = (("DejaVuSans.ttf", "Verdana.ttf", "verdana.ttf"), ("DejaVuSans-Bold.ttf", "Verdana Bold.ttf", "verdanab.ttf"))
_SANS = (("LiberationSans-Regular.ttf", "arial.ttf", "Arial.ttf"), ("LiberationSans-Bold.ttf", "arialbd.ttf"))
_SERIF = (("LiberationSerif-Regular.ttf", "times.ttf"), ("LiberationSerif-Bold.ttf", "timesbd.ttf"))
_FONT_FILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "verdana": _WIDE,
    "tahoma": _WIDE,
    "dejavu sans": _WIDE,
    "arial": _SANS,
    "helvetica": _SANS,
    "liberation sans": _SANS,
    # Calibri without Calibri or its metric twin Carlito is set in a fallback as wide as DejaVu Sans.
    "calibri": (("calibri.ttf", "Carlito-Regular.ttf"), ("calibrib.ttf", "Carlito-Bold.ttf")),
    "carlito": (("Carlito-Regular.ttf",), ("Carlito-Bold.ttf",)),
    "times new roman": _SERIF,
    "liberation serif": _SERIF,
    "cambria": (("cambria.ttc", "Caladea-Regular.ttf", *_SERIF[0]), ("cambriab.ttf", "Caladea-Bold.ttf", *_SERIF[1])),
}


@dataclass(frozen=True)
class TableFont:
    """The font a table's text is set in: its name as the template gives it ("" when unknown) and size."""

    name: str
    size_pt: float


@lru_cache(maxsize=1)
def _font_index() -> dict[str, Path]:
    """File name (casefolded) -> path of every TrueType font in the usual places."""
    index: dict[str, Path] = {}
    for folder in _FONT_DIRS:
        try:
            if not folder.is_dir():
                continue
            for path in folder.rglob("*"):
                if path.suffix.lower() in (".ttf", ".ttc", ".otf"):
                    index.setdefault(path.name.casefold(), path)
        except OSError:
            continue
    return index


@lru_cache(maxsize=32)
def _font(name: str, bold: bool) -> Any:
    """A Pillow font like ``name`` at 100 px, or None when Pillow or every candidate file is missing."""
    try:
        from PIL import ImageFont
    except ImportError:  # pragma: no cover - Pillow comes with python-docx's image support
        return None
    candidates = _FONT_FILES.get(name.casefold().strip(), _WIDE)[1 if bold else 0]
    index = _font_index()
    for candidate in (*candidates, *_WIDE[1 if bold else 0]):
        path = index.get(candidate.casefold())
        if path is None:
            continue
        try:
            return ImageFont.truetype(str(path), _MEASURE_SIZE)
        except OSError:
            continue
    return None


@lru_cache(maxsize=4096)
def word_width_twips(word: str, font: TableFont, bold: bool = False) -> int:
    """Width of ``word`` set in ``font``; an estimate of 0.62 em per character when no font file is found."""
    measured = _font(font.name, bold)
    if measured is None:
        em = len(word) * 0.62
    else:
        em = measured.getlength(word) / _MEASURE_SIZE
    return round(em * font.size_pt * TWIPS_PER_PT)


def _rpr_font(rpr: Any, qn: Callable[[str], str]) -> tuple[str, float | None]:
    if rpr is None:
        return "", None
    name = ""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        name = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi")) or ""
    size = None
    sz = rpr.find(qn("w:sz"))
    if sz is not None:
        try:
            size = int(sz.get(qn("w:val"))) / 2
        except (TypeError, ValueError):
            size = None
    return name, size


def table_font(document: Any, style_id: str) -> TableFont:
    """The font of paragraph style ``style_id`` in ``document``, following its base styles and the document
    defaults; a theme font ("minorHAnsi") or no font at all gives an unknown name (measured wide)."""
    from docx.oxml.ns import qn

    styles = document.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    name, size = "", None
    seen: set[str] = set()
    current = by_id.get(style_id)
    while current is not None and (name == "" or size is None):
        sid = current.get(qn("w:styleId"))
        if sid in seen:
            break
        seen.add(sid)
        own_name, own_size = _rpr_font(current.find(qn("w:rPr")), qn)
        name = name or own_name
        size = size if size is not None else own_size
        based = current.find(qn("w:basedOn"))
        current = by_id.get(based.get(qn("w:val"))) if based is not None else None
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        default_name, default_size = _rpr_font(defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"), qn)
        name = name or default_name
        size = size if size is not None else default_size
    return TableFont(name, size or 11.0)


def _longest(words: Iterable[tuple[str, bool]]) -> list[tuple[str, bool]]:
    return heapq.nlargest(_MEASURED_PER_COLUMN, set(words), key=lambda item: len(item[0]))


def minimum_widths(columns: Sequence[Iterable[tuple[str, bool]]], font: TableFont, table_width: int) -> list[int]:
    """Per column the width (twips) its longest word needs on one line, cell margins included."""
    result = []
    for words in columns:
        widest = max((word_width_twips(w, font, bold) for w, bold in _longest(words)), default=0)
        need = round(widest * SLACK) + CELL_MARGINS_TWIPS if widest else 0
        result.append(min(need, round(table_width * MAX_SHARE)))
    return result


FLOOR_SHARE = 0.5  # a column gives away at most half its width: its words shorter than the threshold still fit
_WIDEST_EM = 1.1  # no character is wider than this (W and M in a bold wide font are about 1.0 em)


def word_threshold(width: int, font: TableFont) -> int:
    """The length in characters from which a word might not fit in ``FLOOR_SHARE`` of a column ``width`` wide;
    shorter words always fit, so only longer ones are measured."""
    usable = FLOOR_SHARE * 0.9 * (width - CELL_MARGINS_TWIPS)
    return max(3, int(usable / (_WIDEST_EM * font.size_pt * TWIPS_PER_PT * SLACK)))


def long_words(values: Iterable[str], threshold: int) -> set[str]:
    """The distinct words of ``values`` at least ``threshold`` characters long (one regular expression pass)."""
    return set(re.findall(rf"\S{{{threshold},}}", "\n".join(values)))


def fit_widths(proposed: Sequence[int], minimum: Sequence[int], floor: Sequence[int] | None = None) -> list[int]:
    """``proposed`` widths with each column at least its ``minimum``; what that adds is taken from the columns
    with room above their minimum (and above their ``floor``: by default ``FLOOR_SHARE`` of their width), in
    proportion to that room, so the table keeps its total width."""
    if floor is None:
        floor = [int(p * FLOOR_SHARE) for p in proposed]
    widths = [max(p, m) for p, m in zip(proposed, minimum, strict=True)]
    extra = sum(widths) - sum(proposed)
    if extra <= 0:
        return widths
    room = [max(w - max(m, f), 0) if w == p else 0 for w, p, m, f in zip(widths, proposed, minimum, floor, strict=True)]
    total_room = sum(room)
    if total_room <= 0:
        scale = sum(proposed) / sum(widths)
        return [int(w * scale) for w in widths]
    take = min(extra, total_room)
    taken = [int(take * r / total_room) for r in room]
    widths = [w - t for w, t in zip(widths, taken, strict=True)]
    over = sum(widths) - sum(proposed)
    if over > 0:
        # The longest words together are wider than the page: the table stays on the page and shrinks evenly.
        scale = sum(proposed) / sum(widths)
        widths = [int(w * scale) for w in widths]
    return widths


def content_widths(
    proposed: Sequence[int], minimum: Sequence[int], texts: Sequence[Sequence[str] | None], font: TableFont
) -> tuple[list[int], set[int]]:
    """``proposed`` widths with a column whose every cell is a short plain text narrowed to its widest text
    (never below its ``minimum``, the header's longest word included); the width freed goes to the other
    columns in proportion to their width. ``texts[i]`` is None for a column with richer cells. Returns the
    widths and the columns narrowed (already as narrow as their content allows)."""
    widths = list(proposed)
    freed = 0
    narrowed = set()
    for index, column in enumerate(texts):
        if column is None:
            continue
        widest = max((word_width_twips(t, font) for t in heapq.nlargest(3, set(column), key=len)), default=0)
        natural = max(round(widest * SLACK) + CELL_MARGINS_TWIPS if widest else 0, minimum[index])
        if natural < widths[index]:
            freed += widths[index] - natural
            widths[index] = natural
            narrowed.add(index)
    others = [i for i in range(len(widths)) if i not in narrowed]
    total = sum(widths[i] for i in others)
    if not freed or not total:
        return (list(proposed), set()) if not freed or not others else (widths, narrowed)
    for i in others:
        widths[i] += freed * widths[i] // total
    widths[others[-1]] += sum(proposed) - sum(widths)
    return widths, narrowed
