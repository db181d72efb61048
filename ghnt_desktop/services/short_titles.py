"""Short titles for headings and lists, from ambitions and actions written as long sentences.

Used by the voortgangsrapportage (``services.progress_report``) and the meeting documents
(``services.documents``), so an action reads the same in both.

A short title is a meaningful phrase of the text itself: its first sentence without the editor's
insertions ("[...]") and without a leading filler ("Het is de bedoeling ...", "Werkgroep formeren om: ..."),
cut at a clause boundary and never ending on a dangling little word or a colon. When no sound cut exists
the whole (cleaned) sentence is the title: a long heading is better than one that stops mid-thought.
"""

from __future__ import annotations

import re

_STRONG_CUTS = (" (", ": ", "; ", " – ", " - ")
_WEAK_CUTS = (", ", " door middel van ", " volgens ", " waarbij ", " zodat ", " met aandacht ", " wanneer ",
              " waarin ", " waarmee ", " indien ", " omdat ", " om zo ")  # fmt: skip
# A sentence opening with an adverbial clause ("In het vervolgtraject, ...", "Zodra er ..., ") has no sound
# heading before its first comma: that part only says when or why.
_ADVERBIAL_OPENING = re.compile(
    r"^(?:in|vanwege|vanuit|om|zodra|wanneer|indien|als|bij|na|voor|op|daarbij|tenslotte|verder|daarnaast|met)\b",
    re.IGNORECASE,
)
# What follows the closing parenthesis of a " (" cut: the end, a punctuation mark or the next word.
_AFTER_PARENTHESIS = re.compile(r"[^)]*\)(?:$|[.,;:]|\s+(\S+))")
# A connective of several words that leads into a list ("... het lokale veld door middel van:").
_TRAILING_CONNECTIVE = re.compile(
    r"\s+(?:door middel van|met behulp van|in het kader van|ten aanzien van|op het gebied van|met name)$", re.IGNORECASE
)
# Editorial insertions in quoted programme text ("[Gemeenten hebben besloten dat] er ...", "[...]").
# Words a period follows without ending the sentence ("max. 28 dagen", "bijv. de politie").
_ABBREVIATIONS = frozenset({"max", "min", "bijv", "bv", "ca", "incl", "excl", "nr", "zgn", "resp", "etc", "evt", "mw", "dhr"})
_INSERTION = re.compile(r"(\S*)(\s*)\[([^\[\]]*)\]")
# Leading phrases that carry no content of the action: the title starts after them.
_FILLER = re.compile(
    r"^(?:het is de bedoeling(?: om| dat)?(?: hier)?|het voorstel is(?: om| dat)?|voorgesteld wordt(?: om| dat)?"
    r"|tenslotte stellen we voor(?: om)?|verder willen we)\s+",
    re.IGNORECASE,
)
# A lead before a colon that only frames what follows ("Werkgroep formeren om: ...", "Indien ...: ...").
_FRAMING_LEAD = re.compile(r"(?:\bom|\bdat)$|^(?:indien|als|wanneer|in afwachting)\b", re.IGNORECASE)


def _top_level_colon(text: str) -> int:
    """The first ": " (or a final ":") outside brackets, -1 when none."""
    depth = 0
    for i, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char == ":" and depth == 0 and (i + 1 == len(text) or text[i + 1] == " "):
            return i
    return -1


def _first_sentence(text: str) -> str:
    """Up to the first sentence end outside brackets, not after an abbreviation ("i.h.k.v.", "e.v.", "max.")."""
    depth = 0
    for i, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char in ".!?" and depth == 0 and text[i + 1 : i + 2] == " ":
            word = text[:i].rsplit(" ", 1)[-1]
            if char == "." and ("." in word or word.casefold() in _ABBREVIATIONS or not text[i + 2 : i + 3].isupper()):
                continue
            return text[:i]
    return text


def _has_content(text: str) -> bool:
    """At least one word that is not a little word ("om", "de")."""
    return any(word.strip(".,:;").casefold() not in _SMALL_WORDS for word in text.split())


def _before_top_level(text: str, mark: str) -> str:
    """``text`` up to the first ``mark`` outside brackets."""
    depth = 0
    for i, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(mark, i):
            return text[:i]
    return text


def _insertion(match: re.Match[str]) -> str:
    """An editor's insertion read into the sentence ("Het [regionale actieprogramma] wordt"), or dropped when it
    only explains a word ("hier [landelijk programma: ...]") or marks left-out text ("[...]")."""
    before, space, inner = match.group(1), match.group(2), match.group(3).strip()
    explains = ":" in inner or before.casefold().startswith(("hier", "daar"))
    if not inner or inner.strip(". …") == "" or explains:
        return before + " "
    return f"{before}{space}{inner}"


def _clean(text: str) -> str:
    """The first sentence of the first line, without insertions and leading filler."""
    first = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    first = " ".join(_INSERTION.sub(_insertion, first).split()) or " ".join(first.split())
    first = _first_sentence(first)
    ended_open = first.rstrip(" .").endswith((":", ","))
    first = first.rstrip(" .:;,")
    lead_dropped = False
    colon = _top_level_colon(first)
    if colon > 0:
        head, tail = first[:colon].strip(), first[colon + 1 :].strip()
        framing = _FRAMING_LEAD.search(head) or (_ADVERBIAL_OPENING.match(head) and len(head.split()) <= 8)
        if framing and _has_content(tail) and "; " not in tail:
            # "Werkgroep formeren om: de visie ..." names the work after the colon.
            first, lead_dropped = tail, True
        elif framing:
            # Nothing after it, or a list of several items ("... aanpak om: a; b; c"): the lead sums it up.
            first = _trim_dangling(head, _SMALL_WORDS) if _has_content(head) else first
    # A semicolon ends the first statement ("...te verstoren; met behulp van ...").
    first = _before_top_level(first, "; ")
    stripped = _FILLER.sub("", first)
    if _has_content(stripped) and stripped != first and len(stripped.split()) >= 2:
        first, lead_dropped = stripped, True
    if lead_dropped:  # what followed the lead now starts the title
        first = first[:1].upper() + first[1:]
    # A whole sentence keeps its last word unless that leaves it hanging ("Werkgroep formeren om:").
    return _trim_dangling(first, _SMALL_WORDS if ended_open else _DANGLING)


def _trim_dangling(title: str, small: frozenset[str] | set[str] | None = None) -> str:
    """Drop trailing punctuation and little words ("om", "de", "en") that make a title read as cut off."""
    small = _SMALL_WORDS if small is None else small
    words = _TRAILING_CONNECTIVE.sub("", title.rstrip(" .:;,-–")).split()
    while len(words) > 1 and words[-1].rstrip(" .:;,").casefold() in small:
        words.pop()
    return " ".join(words).rstrip(" .:;,-–")


def _cut_positions(text: str, cuts: tuple[str, ...], limit: int, shortest: int) -> list[int]:
    """Every position of one of ``cuts`` in ``text[:limit]`` that leaves a sound heading before it."""
    positions = []
    for cut in cuts:
        start = text.find(cut)
        while 0 <= start <= limit:
            head = text[:start]
            # Not inside parentheses, not after a hyphenated half word ("zorg-, justitieel-"), not too short.
            balanced = head.count("(") == head.count(")") and head.count("[") == head.count("]")
            # A comma is no clause boundary after an adverbial opening, nor inside a list ("politie, leerplicht,
            # scholen"): the previous comma is then one or two words back.
            listed = cut == ", " and (
                _ADVERBIAL_OPENING.match(text) is not None or len(head.rsplit(", ", 1)[-1].split()) <= 2 < len(head.split())
            )
            # A parenthesis inside a name ("Integrale Aanpak (Preventie) Kindermishandeling") is no boundary either.
            # A parenthesis is a boundary only where it closes the phrase: followed by the end, a punctuation mark
            # or a little word; not inside a name ("Aanpak (Preventie) Kindermishandeling") or a clause
            # ("We gaan samen met WIJ (en Veilig Thuis) inzetten op").
            after = _AFTER_PARENTHESIS.match(text, start + 2) if cut == " (" else None
            inline = after is not None and after.group(1) is not None and after.group(1).casefold() not in _SMALL_WORDS
            # A clause that stops on a little word or an auxiliary verb is no clause ("..., of er wordt (met").
            # Auxiliary verbs only count before a parenthesis: "geëvalueerd worden, samen met" is a whole clause.
            hanging = cut != ": " and head.rsplit(" ", 1)[-1].casefold() in (_HANGING if cut == " (" else _PRONOUNS)
            if start >= shortest and balanced and not head.endswith("-") and not listed and not inline and not hanging:
                positions.append(start)
            start = text.find(cut, start + 1)
    return positions


def default_short_title(text: str, limit: int = 90) -> str:
    """A heading for an ambition or action written as a long sentence: its cleaned first sentence, cut at a
    clause boundary when longer than ``limit`` (never mid-word, no "…"); the whole sentence when no clause
    boundary leaves a phrase of some substance."""
    first = _clean(text)
    if len(first) <= limit:
        return first
    positions = _cut_positions(first, _STRONG_CUTS, limit, 20) or _cut_positions(first, _WEAK_CUTS, limit, limit // 2)
    # No clause boundary: the whole sentence, never the words up to the limit (they stop mid-thought).
    for best in sorted(positions, reverse=True):
        title = _trim_dangling(first[:best])
        if len(title.split()) >= 3:
            return title
    return first


# What a whole sentence may not end on (a cut one may not end on any of _SMALL_WORDS).
_DANGLING = frozenset({"om", "dat", "en", "of", "de", "het", "een", "te", "die"})
_SMALL_WORDS = {"de", "het", "een", "van", "en", "of", "in", "op", "bij", "met", "voor", "aan", "te", "om", "die",
                "dat", "door", "naar", "over", "uit", "tot", "als", "dan", "ten", "er", "vanuit", "waarin", "waarbij", "waarmee",
                "waarop", "welke", "zodat", "tussen", "binnen", "zoals", "ook", "nog", "hier", "wanneer", "indien",
                "omdat", "hun", "haar", "zich", "we", "wij", "o.a", "o.a.", "bijvoorbeeld"}  # fmt: skip
# What a clause cut may not end on: the little words and the auxiliary verbs and pronouns that need more.
_PRONOUNS = frozenset(_SMALL_WORDS | {"zij", "ze", "hij", "hen", "hun", "haar"})
_HANGING = frozenset(_PRONOUNS | {"wordt", "worden", "is", "zijn", "zal", "zullen", "kan", "kunnen", "moet", "moeten",
                                  "gaan"})  # fmt: skip
