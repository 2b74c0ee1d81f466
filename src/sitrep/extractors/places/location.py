"""Placing a name the gazetteer lacks ("Royal Street", "Manila Cathedral", "Morris County"):
at the gazetteer place it contains if the story names that place, else at the nearest city its
sentence names, else at the story's focus (its dateline or most-named sure city), with feature
"local"; with none of those, it is kept with no coordinates.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Optional

from ...geodata.gazetteer import Gazetteer, normalize
from ...models import Place
from .recognition import datelines

if TYPE_CHECKING:
    from .resolution import _Mention as Mention

def focus(doc, gazetteer: Gazetteer, places: list[Place]) -> Optional[Place]:
    """The story's own place: its dateline, else its most-named city, else its province."""
    for start, _ in datelines(doc, gazetteer)[:1]:
        for p in places:
            if p.start == start and p.feature in ("city", "admin1"):
                return p
    countries = Counter(p.country for p in places if p.country)
    home = countries.most_common(1)[0][0] if countries else None
    for level in ("city", "admin1"):
        pool = [p for p in places if p.feature == level and p.country == home] or [
            p for p in places if p.feature == level]
        if pool:
            top = Counter(p.geonames_id for p in pool).most_common(1)[0][0]
            return next(p for p in pool if p.geonames_id == top)
    return None


def local(doc, m: Mention, places: list[Place], focus: Optional[Place]) -> Place:
    """A street, building or district: at the place its name contains ("Manila Cathedral"), else
    at the nearest city its sentence names ("Haifa Street in Baghdad"), else at the story's focus."""
    anchor = _contained(m, places) or _same_sentence(doc, m, places) or focus
    if anchor is None:
        return Place(text=m.text, name=m.text, geonames_id=None, lat=None, lon=None, country=None,
                     admin1=None, start=m.start, end=m.end, feature="local")
    return Place(text=m.text, name=m.text, geonames_id=None, lat=anchor.lat, lon=anchor.lon,
                 country=anchor.country, admin1=anchor.admin1, start=m.start, end=m.end, feature="local")


def _contained(m: Mention, places: list[Place]) -> Optional[Place]:
    words = m.text.split()
    named = {normalize(p.text): p for p in places if p.feature in ("city", "admin1")}
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            hit = named.get(normalize(" ".join(words[i:i + n])))
            if hit is not None:
                return hit
    return None


def _same_sentence(doc, m: Mention, places: list[Place]) -> Optional[Place]:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    near = [p for p in places if p.feature == "city" and sent.start_char <= p.start < sent.end_char]
    return min(near, key=lambda p: abs(p.start - m.start)) if near else None
