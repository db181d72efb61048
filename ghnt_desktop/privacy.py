"""The privacy guard: does a text look like case data (cliëntgegevens) that minutes must never carry?

The network discusses domestic violence; the AVG applies and minutes, notes and lists must not hold client or
case data. :func:`find_case_data` looks for what such data looks like, so the app can warn (never block) before
a text is saved or exported and offer to mark the item vertrouwelijk:

- a BSN: nine digits (also written 1234.56.782 or 123 456 782) that pass the elfproef;
- a date of birth: a date after "geboren", "geb.", "geboortedatum", "geb.datum", "DOB";
- an address: a street name ending in straat, laan, weg, plein, ... followed by a house number, or a postcode
  (1234 AB);
- a person's name after a word for a party in a case: cliënt, moeder, vader, kind, zoon, dochter, slachtoffer,
  pleger, mevrouw, meneer, dhr., mevr., ...

It must not cry wolf on what minutes normally hold: meeting dates, telephone numbers of organisations, decision
and action numbers (AO-2026-3-02), years and amounts, "moeder en kind", organisation names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One piece of text that looks like case data."""

    kind: str  # "bsn", "geboortedatum", "adres", "naam"
    text: str  # what was found, as written

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


KIND_LABELS = {
    "bsn": "een BSN-achtig nummer",
    "geboortedatum": "een geboortedatum",
    "adres": "een adres",
    "naam": "de naam van een betrokkene",
}

_DIGITS = re.compile(r"(?<![\w.\-/])(\d{4}[ .]?\d{2}[ .]?\d{3}|\d{3}[ .]?\d{3}[ .]?\d{3}|\d{9})(?![\w\-/]|\.\d)")


def elfproef(digits: str) -> bool:
    """The BSN check: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_DATE = rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:\d{{4}}|\d{{2}})|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}})"
_BIRTH = re.compile(
    rf"\b(?:geboren(?:\s+op)?|geb\.?(?:\s*datum)?|geboortedatum|d\.?o\.?b\.?)\s*:?\s*({_DATE})", re.IGNORECASE
)
_STREET_SUFFIX = (
    "straat|laan|weg|plein|dijk|singel|kade|gracht|pad|hof|dreef|steeg|markt|park|plantsoen|erf|veld|"
    "wal|haven|baan|ring|brink|burg|oord|zijl|diep"
)
_ADDRESS = re.compile(rf"\b([A-Z][a-zà-ÿ]+(?:{_STREET_SUFFIX}))\s+(\d{{1,4}}(?:\s?[a-zA-Z]\b|-\d+)?)(?![\d-])")
_POSTCODE = re.compile(r"\b([1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2})\b")
_PARTY = (
    "cliënt|client|cliënte|moeder|vader|kind|zoon|dochter|slachtoffer|pleger|verdachte|betrokkene|"
    "mevrouw|meneer|mevr\\.|dhr\\.|mw\\.|hr\\.|oma|opa|stiefvader|stiefmoeder|partner|ex-partner|gezin"
)
_NAME = re.compile(
    rf"\b(?i:{_PARTY})\s+((?:[A-Z][a-zà-ÿ'\-]+|[A-Z]\.)(?:\s+(?:van|de|der|den|ten|ter|el|al|[A-Z][a-zà-ÿ'\-]+))*)"
)
_TUSSENVOEGSELS = {"de", "van", "der", "den", "ten", "ter", "el", "al"}
# Capitalised words after a party word that are not names: sentence starts, organisations, roles.
_NOT_NAMES = {
    "de",
    "het",
    "een",
    "en",
    "of",
    "in",
    "op",
    "van",
    "met",
    "veilig",
    "thuis",
    "gemeente",
    "gemeenten",
    "politie",
    "jeugdzorg",
    "raad",
    "ggd",
    "ggz",
    "wmo",
    "centrum",
    "huis",
    "team",
    "zorg",
    "ketenpartners",
    "besluit",
    "actie",
    "regio",
    "project",
    "werkgroep",
    "overleg",
}


# Cheap tests a text must pass before a pattern above can match in it (each is part of what that pattern
# requires), so the common text, which holds nothing, costs a few fast scans instead of five slow ones: the
# patterns open with a word boundary, a look-behind or a case-insensitive choice of words, which Python's
# ``re`` tries at every character (the 9,354 texts of the scale actielijst: 133 ms -> 25 ms, each read once).
_ANY_DIGIT = re.compile(r"\d")  # a BSN, a date of birth, an address and a postcode all have digits
_DIGITS_HINT = re.compile(r"\d\d\d[ .]?\d\d")  # in every BSN form: 123456782, 1234.56.782, 123 456 782
_POSTCODE_HINT = re.compile(r"[1-9]\d{3}\s?[A-Z]{2}")
_BIRTH_WORDS = ("geb", "dob", "d.o", "do.b")  # geboren, geb., geboortedatum, DOB, D.O.B.
_PARTY_WORDS = tuple(word.replace("\\", "") for word in _PARTY.split("|"))
# Every party word ends in one of these letters (either case) and the name after it starts with a capital.
_PARTY_END_HINT = re.compile(r"[tTeErRdDnNwWaA.]\s+[A-Z]")
# Characters ``re`` matches case-insensitively with an s, i or k of a party word though ``str.lower`` does not
# make them one (long s, dotless i, dotted capital I): with them in a text the name pattern runs regardless.
_ODD_CASES = ("\u017f", "\u0131", "\u0130")


def _party_before_capital(text: str, lower: str) -> bool:
    """Whether a party word (any case) stands in ``text`` followed by white space and a capital, as in every
    name the name pattern finds ("kindermishandeling" and "moeder en kind" do not pass)."""
    if len(lower) != len(text):  # lower-casing changed the length: positions differ, let the pattern decide
        return True
    for word in _PARTY_WORDS:
        at = lower.find(word)
        while at != -1:
            end = at + len(word)
            if end < len(text) and text[end].isspace():
                rest = text[end:].lstrip()
                if rest[:1].isascii() and rest[:1].isupper():
                    return True
            at = lower.find(word, at + 1)
    return False


def find_case_data(text: str) -> list[Finding]:
    """What in ``text`` looks like client or case data; empty when nothing does."""
    if not text:
        return []
    lower = text.lower()
    has_address = has_digit = _ANY_DIGIT.search(text) is not None
    has_digits = has_digit and _DIGITS_HINT.search(text) is not None
    has_birth = has_digit and any(word in lower for word in _BIRTH_WORDS)
    has_postcode = has_digit and _POSTCODE_HINT.search(text) is not None
    has_name = _PARTY_END_HINT.search(text) is not None and (
        any(odd in text for odd in _ODD_CASES) or _party_before_capital(text, lower)
    )
    if not (has_digit or has_name):
        return []
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, found: str) -> None:
        found = " ".join(found.split())
        if (kind, found) not in seen:
            seen.add((kind, found))
            findings.append(Finding(kind, found))

    for match in _DIGITS.finditer(text) if has_digits else ():
        digits = re.sub(r"\D", "", match.group(1))
        if elfproef(digits):
            add("bsn", match.group(1))
    for match in _BIRTH.finditer(text) if has_birth else ():
        add("geboortedatum", match.group(1))
    for match in _ADDRESS.finditer(text) if has_address else ():
        add("adres", f"{match.group(1)} {match.group(2)}")
    for match in _POSTCODE.finditer(text) if has_postcode else ():
        add("adres", match.group(1))
    for match in _NAME.finditer(text) if has_name else ():
        name = match.group(1)
        words = name.split()
        first = words[0].rstrip(".").casefold()
        # "mevrouw De Vries": a tussenvoegsel before a capitalised surname is a name; "Gezin De aanpak" is not.
        surname = first in _TUSSENVOEGSELS and any(w[:1].isupper() for w in words[1:])
        if first in _NOT_NAMES and not surname:
            continue
        add("naam", name)
    return findings


def describe(findings: list[Finding], *, limit: int = 3) -> str:
    """A Dutch warning that names what was found; empty when nothing was."""
    if not findings:
        return ""
    shown = ", ".join(f"{f.label} ({f.text})" for f in findings[:limit])
    more = f" en nog {len(findings) - limit}" if len(findings) > limit else ""
    return (
        f"Deze tekst lijkt cliëntgegevens te bevatten: {shown}{more}. Een verslag mag geen cliënt- of casusgegevens "
        "bevatten: haal ze weg, of markeer het agendapunt als vertrouwelijk."
    )
