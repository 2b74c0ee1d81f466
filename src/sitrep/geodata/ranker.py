"""A learned ranker over gazetteer candidates: which entry a place mention names, or none.

For each mention the candidates are the gazetteer's entries for its name, alternate names
and (where the spelling is missing) its transliteration fold. Each (mention, candidate) pair
is described by the hand-set prior of `places.score` and what a geographer would look at: how
the name matched, population, the kind of place, whether the story names the candidate's
country or its dateline does, how far it lies from the story's unambiguous places, how many
rivals share its country, the words around the mention ("province", "the town of") and
whether the mention begins a building's or organisation's name ("Yorkshire Water", "Paris
Hotel"). A logistic regression scores each pair; the best candidate wins when its probability
clears the threshold, lies in a country the story names or is the only place of that name, else
the mention is kept as text
with no coordinates (no place on another continent, and never the story's focus).

Weights and threshold: `training/places/train_ranker.py` on GeoWebNews' train split (the
threshold chosen on dev), in `sitrep/data/places/ranker.json`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..geo import km
from ..logistic import Logistic, load
from .gazetteer import Entry, normalize

RANKER_PATH = Path(__file__).resolve().parents[1] / "data" / "places" / "ranker.json"
FACILITY_WORDS = {"hotel", "church", "cathedral", "mosque", "university", "college", "school", "hospital",
                  "street", "road", "avenue", "park", "square", "bridge", "tower", "house", "airport", "station",
                  "stadium", "market", "mall", "centre", "center", "club", "water", "times", "post", "news",
                  "bank", "company", "group", "council", "institute", "museum", "prison", "temple", "palace"}
TOWN_WORDS = {"town", "city", "village", "district", "province", "region", "county", "state", "capital", "suburb",
              "governorate", "municipality", "area", "neighbourhood", "neighborhood"}
ADMIN_WORDS = re.compile(r"\b(province|governorate|state|region|oblast|district|county|prefecture|shire)\b", re.I)
KINDS = ("country", "admin1", "admin2", "city", "broad", "other")
FEATURES = (
    "prior", "prior_gap", "prior_top", "exact_name", "fold_only", "log_population", "capital",
    *(f"kind_{k}" for k in KINDS),
    "story_country", "dateline_country", "story_has_countries", "anchor_km", "near_anchor", "anchors_elsewhere",
    "log_candidates", "country_share", "admin_word", "town_word_before", "facility_after", "population_top",
)


@dataclass
class Context:
    """What the story says around a mention: its countries, its dateline's country, its sure places."""
    countries: set[str]
    dateline_country: Optional[str]
    anchors: list[Entry]


def _kind(e: Entry) -> str:
    if e.feature in ("continent", "region", "sea"):
        return "broad"
    return e.feature if e.feature in KINDS else "other"


def features(entry: Entry, mention: str, candidates: list[Entry], ctx: Context, before: str, after: str,
             mine: float, top_prior: float, top_pop: int, fold_only: bool) -> list[float]:
    """One (mention, candidate) pair: `mine` is the candidate's prior, `top_prior` and
    `top_pop` the best prior and the largest population among the mention's candidates."""
    near = [km(entry.lat, entry.lon, a.lat, a.lon) for a in ctx.anchors
            if a is not entry and a.lat is not None and entry.lat is not None]
    nearest = min(near) if near else None
    anchor_countries = {a.country for a in ctx.anchors if a.country}
    return [
        mine / 10, (mine - top_prior) / 10, float(mine == top_prior),
        float(normalize(entry.name) == normalize(mention)), float(fold_only),
        math.log10(entry.population + 1) / 7, float(entry.capital),
        *(float(_kind(entry) == k) for k in KINDS),
        float(entry.country in ctx.countries), float(entry.country == ctx.dateline_country and entry.country is not None),
        float(bool(ctx.countries)),
        1.0 if nearest is None else min(math.log1p(nearest) / math.log1p(20000), 1.0),
        float(nearest is not None and nearest <= 150),
        float(bool(anchor_countries) and entry.country not in anchor_countries),
        math.log1p(len(candidates)) / 3, sum(c.country == entry.country for c in candidates) / len(candidates),
        float(bool(ADMIN_WORDS.search(mention)) or after.lower() in ("province", "governorate", "district", "county", "state", "region")),
        float(any(w in TOWN_WORDS for w in before.lower().split())),  # "the town of X", "Kirkuk province"
        float(after.lower() in FACILITY_WORDS),
        float(entry.population == top_pop and top_pop > 0),
    ]


class Ranker(Logistic):
    def best(self, rows: list[tuple[Entry, list[float]]]) -> tuple[Optional[Entry], float]:
        """The likeliest candidate and its probability (None for no candidates)."""
        if not rows:
            return None, 0.0
        p, entry = max(((self.probability(x), e) for e, x in rows), key=lambda pe: pe[0])
        return entry, p


@lru_cache(maxsize=1)
def ranker() -> Optional[Ranker]:
    """The shipped ranker, or None when the package was built without it."""
    return load(RANKER_PATH, FEATURES, Ranker, "training/places/train_ranker.py")
