"""Places: find toponyms and resolve each to a gazetteer entry.

Mentions are spaCy GPE/LOC/FAC entities (a demonym such as "Iraqi" is context,
never a place). Each is resolved by ranking its gazetteer candidates on what a
reader uses:
  * feature class: countries, continents and named regions win on an exact name;
    a subdivision wins only when the text says "Province", "Governorate", "State"...
  * size: log10 of population;
  * the story's countries (from unambiguous country names and demonyms): +1.5.
A mention with no candidate is kept out of `places` (it is not a place we know).
"""
from __future__ import annotations

import math
import re
from typing import Optional

from ..models import Place
from .gazetteer import Entry, Gazetteer, normalize

ADMIN_WORDS = re.compile(r"\b(province|governorate|state|region|oblast|district|county|prefecture)\b", re.I)
FIXED_SCORE = {"country": 9.0, "continent": 9.0, "region": 8.5}
CONTEXT_BONUS = 1.5
ADMIN_PENALTY = 1.5


def _clean(text: str) -> str:
    text = re.sub(r"^(the|The)\s+", "", text.strip())
    return re.sub(r"['’]s$", "", text)


def score(entry: Entry, mention: str, story_countries: set[str]) -> float:
    exact = normalize(entry.name) == normalize(mention)
    if entry.feature in FIXED_SCORE:
        base = FIXED_SCORE[entry.feature] - (0 if exact else 1.0)
    else:
        base = math.log10(entry.population + 1)
        if entry.feature == "admin1":
            base += 2.0 if ADMIN_WORDS.search(mention) else -ADMIN_PENALTY
    if entry.country in story_countries:
        base += CONTEXT_BONUS
    return base


def resolve(gazetteer: Gazetteer, mention: str, story_countries: set[str]) -> Optional[Entry]:
    candidates = gazetteer.candidates(_clean(mention))
    if not candidates:
        return None
    return max(candidates, key=lambda e: score(e, mention, story_countries))


def story_countries(doc, gazetteer: Gazetteer) -> set[str]:
    """Countries the story is about: named countries and demonyms, used as context."""
    found: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "NORP":
            code = gazetteer.demonym(ent.text)
            if code:
                found.add(code)
        elif ent.label_ in ("GPE", "LOC"):
            for cand in gazetteer.candidates(_clean(ent.text)):
                if cand.feature == "country":
                    found.add(cand.country)
    return found


def toponym_spans(doc, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Character spans that name places: spaCy GPE/LOC/FAC, minus bare demonyms."""
    spans = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        if gazetteer.demonym(ent.text) and not gazetteer.candidates(_clean(ent.text)):
            continue
        spans.append((ent.start_char, ent.end_char))
    return spans


def resolve_mentions(doc, gazetteer: Gazetteer, spans: list[tuple[int, int]]) -> list[Optional[Place]]:
    """Resolve each [start, end) span of doc.text in the context of the whole story."""
    context = story_countries(doc, gazetteer)
    out: list[Optional[Place]] = []
    for start, end in spans:
        text = doc.text[start:end]
        entry = resolve(gazetteer, text, context)
        out.append(None if entry is None else Place(
            text=text, name=entry.name, geonames_id=entry.geonames_id, lat=_round(entry.lat),
            lon=_round(entry.lon), country=entry.country, admin1=entry.admin1, start=start, end=end,
            feature=entry.feature))
    return out


def find_places(doc, gazetteer: Gazetteer) -> list[Place]:
    return [p for p in resolve_mentions(doc, gazetteer, toponym_spans(doc, gazetteer)) if p is not None]


def _round(x: Optional[float]) -> Optional[float]:
    return None if x is None else round(x, 5)
