"""Short titles for headings and lists, from ambitions and actions written as long sentences.

Used by the voortgangsrapportage (``services.progress_report``) and the meeting documents
(``services.documents``), so an action reads the same in both.
"""

from __future__ import annotations

_STRONG_CUTS = (" (", ": ", "; ", " – ", " - ")
_WEAK_CUTS = (", ", " door middel van ", " volgens ", " waarbij ", " zodat ", " met aandacht ")


def _cut_positions(text: str, cuts: tuple[str, ...], limit: int, shortest: int) -> list[int]:
    """Every position of one of ``cuts`` in ``text[:limit]`` that leaves a sound heading before it."""
    positions = []
    for cut in cuts:
        start = text.find(cut)
        while 0 <= start <= limit:
            head = text[:start]
            # Not inside parentheses, not after a hyphenated half word ("zorg-, justitieel-"), not too short.
            balanced = head.count("(") == head.count(")") and head.count("[") == head.count("]")
            if start >= shortest and balanced and not head.endswith("-"):
                positions.append(start)
            start = text.find(cut, start + 1)
    return positions


def default_short_title(text: str, limit: int = 90) -> str:
    """A heading for an ambition or action written as a long sentence: its first line and sentence, cut
    before a parenthesis or after a clause when still longer than ``limit`` (never mid-word, no "…")."""
    first = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    first = " ".join(first.split())
    for stop in (". ", "! ", "? "):
        if stop in first:
            first = first.split(stop, 1)[0]
    first = first.rstrip(" .:;,")
    if len(first) <= limit:
        return first
    positions = _cut_positions(first, _STRONG_CUTS, limit, 20) or _cut_positions(first, _WEAK_CUTS, limit, limit // 2)
    if positions:
        best = max(positions)
    else:
        best = first.rfind(" ", 0, limit + 1)
        # Never inside brackets: stop before the last one opened and not closed.
        head = first[:best]
        for opening, closing in (("(", ")"), ("[", "]")):
            if head.count(opening) > head.count(closing):
                best = min(best, head.rfind(opening))
    # A dangling little word ("de", "van", "zal") reads as cut off: stop before it.
    while best > 20 and first[:best].rstrip(" ,").rsplit(" ", 1)[-1].casefold() in _SMALL_WORDS:
        best = first[:best].rstrip(" ,").rfind(" ")
    if best <= 0:
        return first[:limit]
    return first[:best].rstrip(" .:;,-–")


_SMALL_WORDS = {"de", "het", "een", "van", "en", "of", "in", "op", "bij", "met", "voor", "aan", "te", "om", "die",
                "dat", "door", "naar", "over", "uit", "tot", "als", "zijn", "is", "dan", "ten", "wordt", "worden",
                "er", "zal", "zullen", "kan", "kunnen", "moet", "moeten", "vanuit", "waarin", "waarbij", "waarmee",
                "waarop", "welke", "zodat", "tussen", "binnen", "zoals", "ook", "nog", "hier"}  # fmt: skip
