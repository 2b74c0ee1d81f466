"""Gazetteer-driven place recognition: names spaCy's small NER misses, judged by a learned model.

Candidates are runs of capitalised words ("Turbat", "Ras al-Ain", "Garissa") that match a
gazetteer name or, failing that, its transliteration fold (gazetteer.fold); spaCy's entities
that the rules in places.py turned down are candidates again here. A logistic regression
over the candidate's context decides which are places: a locative preposition before it,
"the town of X", apposition to a place noun ("the regional capital, Garissa"), a country or
province named next to it ("Garissa, Kenya"), a list with places, the NER label it got, how
big and how ambiguous the place is, and signs of a person ("Paris Hilton", "Jordan said").

The weights (a dozen numbers) are trained by `training/places/train.py` on the train split of
GeoWebNews plus written sentences, the threshold chosen on its dev split, and ship in
`sitrep/data/places/model.json`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from ..geodata.gazetteer import Entry, Gazetteer
from ..logistic import Logistic, load

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "places" / "model.json"
MAX_TOKENS = 4
# Lower-case words inside a place name: Arabic and Romance articles and particles.
CONNECTORS = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul", "es", "ed", "de", "da", "del",
              "di", "du", "la", "le", "dos", "das", "do", "-", "'"}
# "of" and "to" are left out: "the Ministry of Defence", "according to Robert"
LOCATIVE = {"in", "at", "near", "outside", "from", "into", "around", "across", "inside", "toward",
            "towards", "through", "throughout", "within", "between", "nearby", "via", "outskirts"}
CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
PLACE_NOUNS = {"city", "town", "village", "district", "province", "region", "county", "capital", "suburb",
               "outskirts", "area", "port", "governorate", "state", "hamlet", "municipality", "neighbourhood",
               "neighborhood", "settlement", "camp", "island", "border", "enclave", "stronghold", "hub"}
SPEECH = {"say", "tell", "add", "state", "announce", "claim", "deny", "write", "argue", "accuse", "ask"}
LABELS = ("GPE", "LOC", "FAC", "PERSON", "ORG", "NORP")
FEATURES = (
    "locative_before", "place_noun_of", "apposition", "region_after", "listed_with_place",
    *(f"ner_{label.lower()}" for label in LABELS), "ner_date", "ner_date_unexplained", "ner_other", "ner_none",
    "calendar_word",
    "log_population", "is_city", "is_admin", "is_broad", "is_minor", "log_candidates", "story_country",
    "fold_only", "sentence_start", "multiword", "all_caps", "proper_after",
    "proper_before", "speaker", "inside_name", "locative_town", "person_without_place_context",
    "common_word", "name_continues",
)


@dataclass
class Candidate:
    start: int  # character offsets into doc.text
    end: int
    first: int  # token indices [first, last)
    last: int
    text: str
    entries: list[Entry]
    fold_only: bool


def _capitalised(token) -> bool:
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def candidates(doc, gazetteer: Gazetteer, taken: list[tuple[int, int]],
               lookup: Callable[[str], list[Entry]]) -> list[Candidate]:
    """Capitalised word runs that name a gazetteer place, longest match first, not overlapping
    `taken` (character spans already found). `lookup` is the recogniser's own name lookup
    (exact name, else the transliteration fold; initials only as countries or provinces)."""
    out: list[Candidate] = []
    i, n = 0, len(doc)
    whole = doc.text  # a spaCy Doc joins its tokens anew on every .text: once, not per candidate
    while i < n:
        if not _capitalised(doc[i]):
            i += 1
            continue
        found = None
        for j in range(min(n, i + MAX_TOKENS), i, -1):  # longest first
            last = doc[j - 1]
            if not _capitalised(last) or any(not _capitalised(t) and t.lower_ not in CONNECTORS for t in doc[i:j]):
                continue
            start, end = doc[i].idx, last.idx + len(last.text)
            if any(start < e and s < end for s, e in taken):
                continue
            text = whole[start:end]
            entries = lookup(text)
            fold_only = bool(entries) and not gazetteer.candidates(text)
            if fold_only and any(t.pos_ != "PROPN" for t in doc[i:j] if _capitalised(t)):
                entries = []  # another spelling of a name, not of a word ("Minister" is not Minster)
            if entries:
                found = Candidate(start, end, i, j, text, entries, fold_only)
                break
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.last
    return out


def features(doc, cand: Candidate, places: list[tuple[int, int]], story: set[str],
             gazetteer: Gazetteer) -> list[float]:
    """The model's inputs for one candidate, in FEATURES order."""
    first, last = doc[cand.first], doc[cand.last - 1]
    before = doc[cand.first - 1] if cand.first > 0 else None
    before2 = doc[cand.first - 2] if cand.first > 1 else None
    after = doc[cand.last] if cand.last < len(doc) else None
    after2 = doc[cand.last + 1] if cand.last + 1 < len(doc) else None
    window = doc[max(0, cand.first - 4):cand.first]
    label = first.ent_type_
    pop = max((e.population for e in cand.entries), default=0)
    kinds = {e.feature for e in cand.entries}
    region_after = (after is not None and after.text == "," and after2 is not None and _capitalised(after2)
                    and any(e.feature in ("country", "admin1") for e in gazetteer.candidates(after2.text)))
    apposition = (before is not None and before.text == "," and any(t.lower_ in PLACE_NOUNS for t in window)) or (
        after is not None and after.text == "," and any(t.lower_ in PLACE_NOUNS for t in doc[cand.last + 1:cand.last + 5]))
    listed = any(abs(s - cand.end) <= 6 or abs(cand.start - e) <= 6 for s, e in places)
    root = doc[cand.first:cand.last].root
    speaker = root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH
    return [
        float(before is not None and before.lower_ in LOCATIVE),
        float(before is not None and before.lower_ == "of" and before2 is not None and before2.lower_ in PLACE_NOUNS),
        float(apposition),
        float(region_after),
        float(listed),
        *(float(label == lab) for lab in LABELS),
        float(label in ("DATE", "TIME")),
        # a date label on a name with no calendar word or number in it: NER did not know the word
        float(label in ("DATE", "TIME") and cand.text.lower() not in CALENDAR
              and not any(t.like_num for t in doc[cand.first:cand.last])),
        float(bool(label) and label not in LABELS + ("DATE", "TIME")),
        float(not label),
        float(cand.text.lower() in CALENDAR),
        math.log10(pop + 1) / 7,
        float("city" in kinds),
        float(bool(kinds & {"admin1", "admin2"})),
        float(bool(kinds & {"country", "continent", "region", "sea"})),
        float(bool(kinds & {"landmark", "natural", "area"})),
        math.log1p(len(cand.entries)) / 3,
        float(any(e.country in story for e in cand.entries)),
        float(cand.fold_only),
        float(first.is_sent_start or first.i == 0),
        float(cand.last - cand.first > 1),
        float(cand.text.isupper() and len(cand.text) > 3),
        float(after is not None and after.pos_ == "PROPN" and _capitalised(after)),
        float(before is not None and before.pos_ == "PROPN" and _capitalised(before)),
        float(speaker),
        # "Bank of Mexico", "Council of Europe", "Mall of Asia": the end of an organisation's name
        float(before is not None and before.lower_ == "of" and before2 is not None and _capitalised(before2)),
        # after a locative, a town or province that NER called neither a person nor an organisation
        float(before is not None and before.lower_ in LOCATIVE and bool(kinds & {"city", "admin1", "admin2"})
              and label not in ("PERSON", "ORG") and cand.text.lower() not in CALENDAR),
        # NER says a person and nothing around says a place ("the Obama administration")
        float(label == "PERSON" and not (before is not None and before.lower_ in LOCATIVE) and not apposition
              and not region_after and not listed),
        # tagged as a common word, not a proper noun ("Police said", "the Industry Minister")
        float(not any(t.pos_ == "PROPN" for t in doc[cand.first:cand.last])),
        # "Minister of Industry", "Council of Europe": a title or body whose name goes on with "of"
        float(after is not None and after.lower_ == "of" and after2 is not None and _capitalised(after2)),
    ]


Model = Logistic


@lru_cache(maxsize=1)
def model() -> Optional[Model]:
    """The shipped model, or None when the package was built without it."""
    return load(MODEL_PATH, FEATURES, Model, "training/places/train.py")
