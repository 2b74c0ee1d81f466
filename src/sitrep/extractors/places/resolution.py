"""Resolution: which gazetteer entry each place name is, in the context of its story.

Each mention's candidates (its name, alternate names, or its transliteration fold in a country
the story names) get a hand-set prior a reader would use (`score`):
  * feature class: countries, continents and named regions win on their exact name; a
    province wins over a same-named city only when the text says "Province", "Governorate",
    "State"... ("Kirkuk Province" → the governorate);
  * size: log10 of population; the place's own current name beats a historic or foreign
    alternate name ("Salisbury" is the English city, not old Harare);
  * story context: +1.5 for the countries the story names (or implies by demonyms); +1.5 for
    a candidate within 150 km of, or in the province of, a place the story names unambiguously.
The learned ranker (geodata/ranker.py) weighs that prior with the rest of the evidence and
picks the entry, or keeps the name as text with no coordinates when it is unsure (unless the
entry lies in a country the story names, or is the only place of that name).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Optional

from ...geo import km
from ...geodata import ranker as place_ranker
from ...geodata.gazetteer import Entry, Gazetteer, normalize
from ...models import Place
from .location import focus as _focus, local as _local
from .recognition import BROAD, _candidates, _other_spellings, _trim, datelines, story_countries

ADMIN_WORDS = re.compile(r"\b(province|governorate|state|region|oblast|district|county|prefecture)\b", re.I)
FIXED_SCORE = {"country": 9.0, "continent": 9.0, "region": 8.5, "sea": 8.5}
CONTEXT_BONUS = 1.5
NEARBY_BONUS = 1.5
NEARBY_KM = 150.0
ADMIN_PENALTY = 1.5
OWN_NAME_BONUS = 1.5
CAPITAL_BONUS = 1.5
ANCHOR_MARGIN = 1.5
# The story's focus (where its unplaced streets and buildings go) is only a place the ranker is
# this sure of, in a country the story names when it names any.
FOCUS_CONFIDENCE = 0.8
ADJECTIVE_REGIONS = {
    "african": "africa", "european": "europe", "asian": "asia", "latin american": "latin america",
    "north american": "north america", "south american": "south america", "middle eastern": "middle east",
}


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    candidates: list[Entry]
    folded: bool = False  # the candidates come from the transliteration fold


def _km(a: Entry, lat: float, lon: float) -> float:
    if a.lat is None or lat is None:
        return math.inf
    return km(a.lat, a.lon, lat, lon)


def score(entry: Entry, mention: str, story_countries: set[str], anchors: list[Entry] = (),
          rivals: list[Entry] = ()) -> float:
    """How likely `entry` is the place `mention` names in this story (higher is likelier)."""
    own_name = normalize(entry.name) == normalize(mention)
    if entry.feature in FIXED_SCORE:
        base = FIXED_SCORE[entry.feature] - (0 if own_name else 1.0)
    else:
        base = math.log10(entry.population + 1)
        if entry.feature == "city":
            base += (OWN_NAME_BONUS + (CAPITAL_BONUS if entry.capital else 0.0)) if own_name else 0.0
        elif ADMIN_WORDS.search(mention):
            base += 2.0  # "Kirkuk Province"
        elif any(r.feature == "city" and r.country == entry.country and r.population >= 0.2 * entry.population
                 for r in rivals):
            base -= ADMIN_PENALTY  # bare "Kirkuk", "New York": the city, unless the text says otherwise
    if entry.country in story_countries:
        base += CONTEXT_BONUS
    if entry.feature not in BROAD and any(
            (a.admin1 and a.admin1 == entry.admin1 and a.country == entry.country)
            or _km(entry, a.lat, a.lon) <= NEARBY_KM for a in anchors if a is not entry):
        base += NEARBY_BONUS
    return base


def _best(candidates: list[Entry], mention: str, story_countries: set[str],
          anchors: list[Entry] = ()) -> Optional[Entry]:
    if not candidates:
        return None
    return max(candidates, key=lambda e: score(e, mention, story_countries, anchors, candidates))


def _anchors(mentions: list[_Mention], context: set[str]) -> list[Entry]:
    """Places the story names without doubt: one candidate, or a clear winner."""
    out = []
    for m in mentions:
        ranked = sorted(((score(c, m.text, context, (), m.candidates), c) for c in m.candidates),
                        key=lambda pair: pair[0], reverse=True)
        if ranked and (len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= ANCHOR_MARGIN):
            if ranked[0][1].feature in ("city", "admin1"):
                out.append(ranked[0][1])
    return out


def _adjective(gazetteer: Gazetteer, text: str) -> Optional[Entry]:
    """'Russian' → Russia, 'African' → Africa: what an adjective implies (context only)."""
    code = gazetteer.demonym(text)
    if code:
        return gazetteer.country(code)
    region = ADJECTIVE_REGIONS.get(normalize(text))
    broad = [c for c in gazetteer.candidates(region) if c.feature in BROAD] if region else []
    return broad[0] if broad else None


def resolve_mentions(doc, gazetteer: Gazetteer, spans: list[tuple[int, int]],
                     weak: set[tuple[int, int]] = frozenset(),
                     context: Optional[set[str]] = None) -> list[Optional[Place]]:
    """Resolve each [start, end) span of doc.text in the context of the whole story. `weak`
    spans (the place model's) are resolved too but do not steer the rest: they are neither
    anchors for their neighbours nor the story's focus. A name the ranker is not sure of is
    kept as text with no coordinates."""
    context = story_countries(doc, gazetteer) if context is None else context
    mentions = mention_candidates(doc, gazetteer, spans, context)
    strong = [(start, end) not in weak for start, end in spans]
    ctx = ranking_context(doc, gazetteer, [m for m, ok in zip(mentions, strong) if ok], context)
    judge = place_ranker.ranker()
    resolved: list[Optional[Place]] = []
    sure = [True] * len(mentions)  # confident enough to be the story's focus
    for i, m in enumerate(mentions):
        # "African", "English": the adjective's reading, not a town that happens to share the word
        entry = _adjective(gazetteer, m.text)
        if entry is None and judge is not None and m.candidates:
            entry, p = judge.best(ranked_rows(doc, m, ctx))
            named_country = entry is not None and entry.country in context
            sure[i] = p >= FOCUS_CONFIDENCE and (not context or named_country)
            # placed when likelier right than wrong, in a country the story names, or the only such place
            if p < judge.threshold and not named_country and len(m.candidates) > 1:
                resolved.append(_unresolved(m))
                continue
        entry = entry or _best(m.candidates, m.text, context, ctx.anchors)
        resolved.append(None if entry is None else _place(m, entry))
    steering = [p for p, ok in zip(resolved, strong) if p is not None and p.lat is not None and ok]
    focus = _focus(doc, gazetteer, [p for p, ok, s in zip(resolved, strong, sure)
                                    if p is not None and p.lat is not None and ok and s])
    for i, m in enumerate(mentions):
        if resolved[i] is None:  # a place the gazetteer lacks: at the place it names, else the focus
            resolved[i] = _local(doc, m, steering, focus)
    return resolved


def mention_candidates(doc, gazetteer: Gazetteer, spans: list[tuple[int, int]], context: set[str]) -> list[_Mention]:
    """Each span's text and gazetteer candidates; a spelling the gazetteer lacks is looked up by
    its transliteration fold, in a country the story names."""
    full = doc.text
    mentions = []
    for start, end in spans:
        start, end = _trim(start, end, full)
        text = full[start:end]
        candidates = _candidates(gazetteer, text)
        folded = not candidates
        if folded:
            candidates = [c for c in _other_spellings(gazetteer, text) if c.country in context]
        mentions.append(_Mention(start, end, text, candidates, folded and bool(candidates)))
    return mentions


def ranking_context(doc, gazetteer: Gazetteer, mentions: list[_Mention], context: set[str]) -> place_ranker.Context:
    dateline = next((c.country for start, end in datelines(doc, gazetteer)[:1]
                     for c in _candidates(gazetteer, doc.text[start:end]) if c.country), None)
    return place_ranker.Context(context, dateline, _anchors(mentions, context))


def ranked_rows(doc, m: _Mention, ctx: place_ranker.Context) -> list[tuple[Entry, list[float]]]:
    """The ranker's features for each of a mention's candidates."""
    full = doc.text
    before = " ".join(re.findall(r"[\w'-]+", full[max(0, m.start - 40):m.start])[-2:])
    after = next(iter(re.findall(r"[\w'-]+", full[m.end:m.end + 30])), "")
    priors = [score(c, m.text, ctx.countries, ctx.anchors, m.candidates) for c in m.candidates]
    top_prior, top_pop = max(priors), max(c.population for c in m.candidates)
    return [(c, place_ranker.features(c, m.text, m.candidates, ctx, before, after, prior, top_prior, top_pop,
                                      m.folded))
            for c, prior in zip(m.candidates, priors)]


def _unresolved(m: _Mention) -> Place:
    return Place(text=m.text, name=m.text, geonames_id=None, lat=None, lon=None, country=None, admin1=None,
                 start=m.start, end=m.end, feature=None)


def _place(m: _Mention, entry: Entry) -> Place:
    return Place(text=m.text, name=entry.name, geonames_id=entry.geonames_id, lat=_round(entry.lat),
                 lon=_round(entry.lon), country=entry.country, admin1=entry.admin1, start=m.start,
                 end=m.end, feature=entry.feature)


def _round(x: Optional[float]) -> Optional[float]:
    return None if x is None else round(x, 5)
