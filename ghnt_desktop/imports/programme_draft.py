"""What the Word and Excel programme readers share: timing in an action's text, the parties and trekkers of
a responsibility cell, the period a title names. The draft they fill (``ProgrammeDraft``: actielijn >
ambitie > actie, plain data) lives with the service that writes it (``services.programme_import``) and is
re-exported here."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from ..deadlines import parse_deadline
from ..services.programme_import import (
    DraftAction,
    DraftAmbition,
    DraftSection,
    ProgrammeDraft,
    Responsibles,
)

__all__ = [
    "DraftAction",
    "DraftAmbition",
    "DraftSection",
    "ProgrammeDraft",
    "Responsibles",
    "read_responsibles",
    "read_timing",
    "split_labels",
    "title_period",
]


# ---------------------------------------------------------------------------------------------------
# Timing written in an action's text

# A parenthesised part at the end of an action: "(klaar: januari 2020)", "(2019-2021)".
_TRAILING_PARENS = re.compile(r"\s*\(([^()]{1,120})\)\s*[.;]?\s*$")
_ANY_PARENS = re.compile(r"\(([^()]{1,120})\)")


def read_timing(text: str, reference: date | None) -> DraftAction:
    """An action from its text: timing in parentheses at the end becomes the deadline as written (and is taken
    out of the text, as the programme table puts it back); timing elsewhere is read from the text, which is
    kept whole. The period comes from ``deadlines.parse_deadline`` (``reference``: the programme's start)."""
    text = text.strip()
    match = _TRAILING_PARENS.search(text)
    if match is not None:
        parsed = parse_deadline(match.group(1), reference=reference)
        if parsed.has_period or parsed.open_end:
            rest = text[: match.start()].rstrip()
            if rest:
                return DraftAction(rest, match.group(1).strip(), parsed.start, parsed.end, parsed.open_end)
    for inner in _ANY_PARENS.finditer(text):
        parsed = parse_deadline(inner.group(1), reference=reference)
        if parsed.has_period:
            return DraftAction(text, inner.group(1).strip(), parsed.start, parsed.end, parsed.open_end)
    parsed = parse_deadline(text, reference=reference)
    if parsed.has_period:
        return DraftAction(text, "", parsed.start, parsed.end, parsed.open_end)
    return DraftAction(text)


# ---------------------------------------------------------------------------------------------------
# Parties and trekkers in a responsibility cell

_ROLE_HEAD = re.compile(  # also used by programme_xlsx: a cell with role headings
    r"(?im)^[ \t]*(?:[-•*][ \t]*)?(?P<head>"
    r"verantwoordelijke?\s+partij(?:en)?|verantwoordelijken|verantwoordelijk(?:heid)?|eindverantwoordelijke?"
    r"|trekkers?|trekker\s*\(\s*s\s*\)|betrokken\s+partijen|betrokkenen|partners"
    r")[ \t]*:[ \t]*"
)
_NOBODY = re.compile(r"^(?:-+|–|—|\(?geen(?:\s+\w+){0,3}\)?|n\.?v\.?t\.?|nvt|onbekend|\?)$", re.IGNORECASE)
# Names with " en " inside them: never split there.
_COMPOUND_NAMES = (
    "jeugd en gezin", "zorg en veiligheid", "veiligheid en zorg", "zorg en straf", "zorg- en", "gooi en vechtstreek",
    "zorg en overlast", "dordrecht en nissewaard", "binnen en buiten",
)  # fmt: skip
_AND = re.compile(r"\s+(?:en|&)\s+", re.IGNORECASE)


def role_of_heading(head: str) -> str:
    """ "responsible" or "trekker" for a role heading as written ("Trekker(s)", "Verantwoordelijke partijen")."""
    return "trekker" if head.strip().casefold().startswith("trekker") else "responsible"


def split_labels(text: str, known: Callable[[str], bool] | None = None, *, commas_only: bool = False) -> list[str]:
    """The parties one line names: split at "," ";" and " en " ("Gemeenten en Wij Groningen"), but never
    inside parentheses, inside a name ``known`` recognises or one like "Centrum voor Jeugd en Gezin", nor in
    "gemeenten Veendam en Pekela" (one group of municipalities). "/" is kept: "Gemeenten Veendam/Pekela"."""
    labels: list[str] = []
    depth = 0
    current = ""
    parts: list[str] = []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch in ",;" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    for part in parts:
        part = part.strip(" \t.-–•")
        if not part or _NOBODY.match(part):
            continue
        lowered = part.casefold()
        if (
            commas_only
            or "(" in part
            or (known is not None and known(part))
            or any(c in lowered for c in _COMPOUND_NAMES)
        ):
            labels.append(part)
            continue
        pieces = [p.strip(" \t.") for p in _AND.split(part)]
        merged: list[str] = []
        for piece in pieces:
            # "gemeenten Veendam en Pekela": a bare place name after a list of municipalities stays in it.
            if merged and merged[-1].casefold().startswith("gemeenten ") and re.fullmatch(r"[A-Z][\w'’-]+", piece):
                merged[-1] = f"{merged[-1]} en {piece}"
            else:
                merged.append(piece)
        labels.extend(p for p in merged if p and not _NOBODY.match(p))
    out: list[str] = []
    for label in labels:
        if label and label.casefold() not in (x.casefold() for x in out):
            out.append(label)
    return out


def read_responsibles(
    lines: list[str], *, default_role: str = "responsible", known: Callable[[str], bool] | None = None
) -> Responsibles:
    """Parties and trekkers of a responsibility cell: "Verantwoordelijke partijen:" and "Trekker(s):" start a
    block (the names may follow on the same line or the lines below); names before any heading take
    ``default_role`` (the column's own meaning)."""
    text = "\n".join(line for line in lines)
    result = Responsibles()
    spans = list(_ROLE_HEAD.finditer(text))
    blocks: list[tuple[str, str]] = []
    if not spans:
        blocks.append((default_role, text))
    else:
        if text[: spans[0].start()].strip():
            blocks.append((default_role, text[: spans[0].start()]))
        for i, match in enumerate(spans):
            end = spans[i + 1].start() if i + 1 < len(spans) else len(text)
            blocks.append((role_of_heading(match.group("head")), text[match.end() : end]))
    for role, block in blocks:
        target = result.trekkers if role == "trekker" else result.responsible
        lines_ = [line for line in block.split("\n") if line.strip(" \t-•") and not _NOBODY.match(line.strip())]
        # Names one per line are already apart: "Veilig Thuis Gooi en Vechtstreek" stays whole. Only a
        # single line ("Trekkers: Gemeenten en Wij Groningen") is split at " en ".
        whole = len(lines_) > 1
        for line in lines_:
            for label in split_labels(line, known, commas_only=whole):
                if label.casefold() not in (x.casefold() for x in target):
                    target.append(label)
    return result


_PERIOD = re.compile(r"\b(20\d\d)\s*(?:[-–—/]|t/m|tot en met|tot)\s*(20\d\d)\b")
_YEAR = re.compile(r"\b(20\d\d)\b")


def title_period(title: str) -> tuple[int | None, int | None]:
    """The years a programme's title names: "Actieprogramma 2019-2021" -> (2019, 2021); one year -> (y, None)."""
    match = _PERIOD.search(title or "")
    if match is not None:
        first, last = int(match.group(1)), int(match.group(2))
        if first <= last:
            return first, last
    single = _YEAR.search(title or "")
    return (int(single.group(1)), None) if single else (None, None)
