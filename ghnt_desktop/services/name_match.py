"""How alike a written name is to an organisation or person in the app, as a score (0-100) and a Dutch reason.

The imports (``services.importing.NameMatcher``) ask this module; no database here. Names in a region's Word table
are written short ("Veilig Thuis", "VT", "Gem. Assen", "GGD") where the app knows the full name ("Veilig Thuis
Groningen", "Gemeente Assen", "GGD Drenthe"). The rules, in order:

- the same after normalising (case, accents, punctuation, "Gem." for "gemeente", "VT" for "Veilig Thuis" and
  the other common abbreviations): 100;
- "gemeente X" and "X": 100;
- the written name is the app's name without its region ("Veilig Thuis" and "Veilig Thuis Groningen" or "Veilig
  Thuis (Groningen)"): ``REGION_SUFFIX_SCORE``; the region must be a place (``PLACES``, the gemeenten in the app,
  the programme's region) or written between brackets;
- both name a region and the regions differ ("Veilig Thuis Drenthe", "Veilig Thuis Groningen"): never alike,
  unless the place names differ by a typing error only;
- otherwise rapidfuzz's ratio of the normalised names (a misspelling: "Veilg Thuis", "Openbaar Minsterie").

A score of ``LINK_SCORE`` or more links the name in the preview (shown with its reason for the user to check); a
score from ``PROPOSE_SCORE`` is only proposed: the user links it or not, nothing is merged silently. A person is
never linked on a guess: initials ("J. de Vries" for "Jan de Vries") and misspellings are proposals.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

LINK_SCORE = 90.0  # at or above: linked in the preview, with its reason shown
PROPOSE_SCORE = 75.0  # at or above: proposed with its score; linked only when the user chooses it
REGION_SUFFIX_SCORE = 92.0  # "Veilig Thuis" for "Veilig Thuis Groningen"
PLACE_TYPO_SCORE = 90.0  # the place names of two regional names differ by a typing error at most
PERSON_GUESS_CAP = 89.0  # a person's initials or misspelling: proposed, never linked

# Whole-word abbreviations written in programme tables, expanded before comparing ("VT Groningen",
# "Gem. Assen"). Kept to words that mean one thing in this field.
WORD_ABBREVIATIONS: dict[str, str] = {
    "vt": "veilig thuis",
    "gem": "gemeente",
    "gemeente's": "gemeenten",
    "rvdk": "raad voor de kinderbescherming",
    "rvk": "raad voor de kinderbescherming",
    "om": "openbaar ministerie",
    "cjg": "centrum voor jeugd en gezin",
    "zvh": "zorg en veiligheidshuis",
    "jgz": "jeugdgezondheidszorg",
    "csg": "centrum seksueel geweld",
    "shg": "steunpunt huiselijk geweld",
    "wsg": "william schrikker groep",
    "vng": "vereniging van nederlandse gemeenten",
    "ggd": "ggd",
}

# The provinces, the Veilig Thuis regions and the larger places their names use (normalised). The gemeenten in
# the app and the programme's region are added by the caller.
PLACES: frozenset[str] = frozenset(
    {
        "groningen", "friesland", "fryslan", "drenthe", "overijssel", "flevoland", "gelderland", "utrecht",
        "noord holland", "zuid holland", "zeeland", "noord brabant", "brabant", "limburg", "noord nederland",
        "ijsselland", "twente", "noord en oost gelderland", "gelderland midden", "gelderland zuid",
        "noord holland noord", "zaanstreek waterland", "kennemerland", "amsterdam amstelland", "amsterdam",
        "gooi en vechtstreek", "haaglanden", "hollands midden", "rotterdam rijnmond", "rotterdam",
        "zuid holland zuid", "midden en west brabant", "brabant noordoost", "brabant zuidoost", "limburg noord",
        "zuid limburg", "den haag", "eindhoven", "tilburg", "nijmegen", "arnhem", "zwolle", "enschede",
        "leeuwarden", "assen", "emmen", "deventer", "apeldoorn", "almere", "lelystad", "maastricht", "venlo",
        "leiden", "haarlem", "alkmaar", "dordrecht", "middelburg", "breda", "den bosch", "s hertogenbosch",
        "amersfoort", "hilversum", "oost nederland", "midden nederland", "oost brabant", "west brabant",
        "zeeland west brabant", "oost", "noord", "zuid", "west", "midden",
    }
)  # fmt: skip

_BRACKETS = re.compile(r"[()\[\]]")
_PUNCTUATION = re.compile(r"[.,;:/&+'\"`´‘’“”\-–—_]+")


@dataclass(frozen=True)
class NameScore:
    """How alike two names are (0-100) and why, in Dutch for the preview ("zonder regio", "lijkt op, 91%")."""

    score: float
    how: str

    @property
    def links(self) -> bool:
        return self.score >= LINK_SCORE

    @property
    def proposes(self) -> bool:
        return self.score >= PROPOSE_SCORE


NO_MATCH = NameScore(0.0, "")


@dataclass(frozen=True)
class Candidate:
    """An organisation or person a written name may be, with its score and reason, best first in a preview."""

    target_id: uuid.UUID
    name: str
    kind: str  # "organisation" or "person"
    score: float
    how: str

    @property
    def text(self) -> str:
        """Dutch, for the preview: "Veilig Thuis Groningen (zonder regio, 92%)"."""
        how = self.how if self.how.startswith("lijkt op") else f"{self.how}, {self.score:.0f}%"
        return f"{self.name} ({how})"


def normalise(text: str) -> str:
    """Lower case, no accents or punctuation, abbreviations written out: "Gem. Súdwest-Fryslân" ->
    "gemeente sudwest fryslan", "VT Groningen" -> "veilig thuis groningen"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()
    text = _PUNCTUATION.sub(" ", _BRACKETS.sub(" ", text))
    return " ".join(WORD_ABBREVIATIONS.get(word, word) for word in text.split())


def place_key(name: str) -> str:
    """A gemeente's name as a place: "Gemeente Midden-Groningen" -> "midden groningen"."""
    return normalise(name).removeprefix("gemeente ").strip()


def _bracketed_tail(original: str) -> str:
    """The normalised text between the last brackets at the end of ``original`` ("Veilig Thuis (Groningen)")."""
    match = re.search(r"\(([^()]*)\)\s*$", original)
    return normalise(match.group(1)) if match else ""


def _split_place(name: str, original: str, places: frozenset[str]) -> tuple[str, str]:
    """(the name without its region, the region) when the name ends in a place; else (name, "")."""
    words = name.split()
    bracketed = _bracketed_tail(original)
    for size in (4, 3, 2, 1):
        if len(words) > size:
            tail = " ".join(words[-size:])
            if tail in places or tail == bracketed:
                return " ".join(words[:-size]), tail
    return name, ""


@dataclass(frozen=True)
class PreparedName:
    """A name split once for many comparisons: normalised, without "gemeente ", and as (base, place)."""

    original: str
    norm: str
    short: str
    base: str
    place: str


def prepare(name: str, places: frozenset[str] = PLACES, *, place: str = "") -> PreparedName:
    """``name`` ready for ``prepared_score``; ``place`` is the region of the organisation it belongs to, for an
    abbreviation or alias written without it ("GGD" of GGD Groningen)."""
    norm = normalise(name)
    base, own = _split_place(norm, name, places)
    if not own and place:
        own = place
    return PreparedName(name, norm, norm.removeprefix("gemeente "), base, own)


def organisation_score(written: str, existing: str, places: frozenset[str] = PLACES) -> NameScore:
    """How alike ``written`` (from a file) is to ``existing`` (an organisation's name, abbreviation or alias)."""
    return prepared_score(prepare(written, places), prepare(existing, places), places)


def prepared_score(a: PreparedName, b: PreparedName, places: frozenset[str] = PLACES) -> NameScore:
    """``organisation_score`` of names made by ``prepare`` (``a`` written, ``b`` existing)."""
    if not a.norm or not b.norm:
        return NO_MATCH
    if a.norm == b.norm:
        same = a.original.casefold().split() == b.original.casefold().split()
        return NameScore(100.0, "naam" if same else "afkorting")
    if a.short == b.short and a.short:  # "gemeente X" and "X"
        return NameScore(100.0, "naam")
    if a.base and a.base == b.base:
        if a.place and b.place:
            return _places_score(a.place, b.place)
        if a.base == "gemeente":
            return NO_MATCH
        if a.place:  # written with a region the organisation's name does not have: proposed only
            return NameScore(LINK_SCORE - 4, "met regio")
        return NameScore(REGION_SUFFIX_SCORE, "zonder regio")
    from rapidfuzz import fuzz

    if a.place and b.place:
        # Two regional names: alike only when the places are the same (or misspelt) and the rest is alike too.
        place = _places_score(a.place, b.place)
        if not place.score:
            return NO_MATCH
        score = min(float(fuzz.ratio(a.base, b.base)), place.score)
    elif (a.short in places and not a.place) or (b.short in places and not b.place):
        return NO_MATCH  # a bare place ("Groningen") is the gemeente or the region, never "GGD Groningen"
    else:
        score = float(fuzz.ratio(a.short, b.short))
        if a.place or b.place:  # misspelt and written without its region: proposed, never linked
            score = max(score, min(float(fuzz.ratio(a.base, b.base)), LINK_SCORE - 1))
    return NameScore(score, f"lijkt op, {score:.0f}%") if score >= PROPOSE_SCORE else NameScore(score, "")


def _places_score(a: str, b: str) -> NameScore:
    if a == b:
        return NameScore(100.0, "naam")
    from rapidfuzz import fuzz

    score = float(fuzz.ratio(a, b))
    # "Groningn" for "Groningen" is a typing error; "Drenthe" for "Groningen", "Assen" for "Essen" are other places.
    if score >= PLACE_TYPO_SCORE and min(len(a), len(b)) >= 6:
        return NameScore(score, f"lijkt op, {score:.0f}%")
    return NO_MATCH


_INITIALS = re.compile(r"^((?:[a-z]\s)+)(.+)$")


def person_score(written: str, existing: str) -> NameScore:
    """How alike a written person's name is to a person in the app; only the very same name is 100, initials
    ("J. de Vries", "J.P. de Vries") and misspellings are proposals (below ``LINK_SCORE``)."""
    a, b = normalise(written), normalise(existing)
    if not a or not b:
        return NO_MATCH
    if a == b:
        return NameScore(100.0, "naam")
    initials = _INITIALS.match(a)
    b_words = b.split()
    if initials and len(b_words) >= 2:
        letters = initials.group(1).split()
        rest = initials.group(2)
        if b.endswith(" " + rest):
            if b_words[0][:1] == letters[0]:
                return NameScore(PERSON_GUESS_CAP - 4, "voorletter")
            return NO_MATCH  # "K. de Vries" is not Jan de Vries
    from rapidfuzz import fuzz

    score = min(float(fuzz.ratio(a, b)), PERSON_GUESS_CAP)
    return NameScore(score, f"lijkt op, {score:.0f}%") if score >= PROPOSE_SCORE else NameScore(score, "")


def places_from(names: Iterable[str]) -> frozenset[str]:
    """``PLACES`` with the places of ``names`` (gemeenten, a programme's region) added."""
    return PLACES | {key for key in (place_key(n) for n in names) if key}
