"""Recognition: which spans of a story name places.

spaCy's GPE/LOC/FAC entities, trimmed of "the" and "'s" and split at a comma ("Maywood,
N.J."); ORG/NORP entities whose whole text is a country, province or region ("EU"); an
all-capitals dateline ("TORONTO (AP) —"). Left out: demonyms and nationality adjectives
("Iraqi" is context, not a place), names inside a longer organisation name ("Washington
Post", "Islamic State"), and a word that is elsewhere a person's first or last name. Then the
gazetteer speaks for the names NER missed or mislabelled ("near Turbat", "the regional
capital, Garissa"): every capitalised name it knows that the rules did not take is judged by
the learned place model (place_model.py).
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span

from ...geodata.gazetteer import US_STATE_ABBREVIATIONS, Entry, Gazetteer, normalize
from .. import place_model

# Words that make an unknown name a place: streets, buildings, districts, natural features.
PLACE_WORDS = {
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "highway", "square",
    "plaza", "park", "county", "township", "parish", "district", "estate", "quarter", "neighborhood",
    "neighbourhood", "village", "airport", "airbase", "base", "camp", "barracks", "cathedral", "church",
    "mosque", "temple", "synagogue", "shrine", "hospital", "school", "academy", "bridge", "river",
    "lake", "mountains", "mountain", "hills", "valley", "market", "port", "harbor", "harbour", "beach",
    "island", "islands", "bay", "canal", "station", "stadium", "prison", "jail", "palace", "compound",
    "complex", "crossing", "checkpoint", "mall", "hotel", "embassy", "consulate", "refinery", "dam",
    "graveyard", "cemetery", "racecourse", "plantation", "falls", "fields", "gardens", "centre", "center",
    "lagoon", "reservoir", "peninsula",
}
# Natural features too large to pin to the story's focus.
VAST_WORDS = {"ocean", "sea", "desert", "continent"}
# A capitalised word after a place name that makes the whole an organisation's name.
ORG_WORDS = {
    "government", "ministry", "army", "police", "party", "council", "post", "times", "university",
    "college", "airlines", "airways", "bank", "company", "club", "society", "board", "committee",
    "commission", "institute", "fc", "united", "city", "news", "herald", "tribune", "journal",
    "state", "regional", "corporation", "authority", "group", "league", "federation", "forces",
}
# "the city of X": nouns that say the name after "of" is a place
PLACE_NOUNS_OF = {"city", "town", "village", "province", "district", "region", "capital", "port", "county",
                  "governorate", "suburb", "state", "municipality", "island", "hamlet", "township"}
ENTITY_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON"}
# Entities of these labels the rules judge whole: the place model does not judge them again.
DECIDED_LABELS = {"ORG", "NORP", "FAC", "GPE", "LOC", "LANGUAGE"}
LOCATIVE = {"in", "at", "near", "from", "to", "into", "outside", "across", "around", "between", "inside",
            "towards", "toward", "through", "throughout", "within"}
ADMIN_SUFFIXES = {"province", "governorate", "state", "region", "oblast", "district", "prefecture"}
NAMED_EVENTS = {"hurricane", "storm", "typhoon", "cyclone"}
BROAD = {"country", "continent", "region", "sea"}


def _trim(start: int, end: int, text: str) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive: 'the United States's' → 'United States'."""
    piece = text[start:end]
    m = re.match(r"(?:the|The|THE)\s+", piece)
    if m and len(piece) > m.end():
        start += m.end()
    m = re.search(r"['’]s?$", text[start:end])
    if m and m.start() > 0:
        end = start + m.start()
    return start, end


def _split(start: int, end: int, text: str) -> list[tuple[int, int]]:
    """'San Diego, Calif.' → two mentions; GeoWebNews and readers treat them apart."""
    out, pos = [], start
    for m in re.finditer(r",\s*", text[start:end]):
        out.append((pos, start + m.start()))
        pos = start + m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if b > a]


DATELINE = re.compile(
    r"\s*(?P<city>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"      # WASHINGTON, SAN DIEGO, CAMP MURRAY
    r"(?:,\s*(?P<area>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"      # , Calif. / , South Korea
    r"(?P<end>\s*(?:\([^)]*\))?\s*[—–\-:,�]|\s+[A-Z][a-z])")
DATELINE_MIN_POPULATION = 5000


def datelines(doc, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """'WASHINGTON (AP) —', 'RALEIGH, N.C. (AP) -', 'LONDON The Latest...' at the top.

    The capitals must name a gazetteer place of some size: 'THIS is the first...' does not."""
    head = doc[:250].text  # doc.text joins every token: read only the top
    starts = [0] + [n.end() for n in re.finditer(r"\n\s*", head[:700])]  # after a byline, too
    m = next((hit for hit in (DATELINE.match(head, pos, pos + 120) for pos in starts) if hit), None)
    if not m:
        return []
    cands = gazetteer.candidates(m["city"])
    if cands and not any(c.population >= DATELINE_MIN_POPULATION or c.feature != "city" for c in cands):
        return []
    if not cands and not _has_place_word(m["city"]):
        return []
    spans = [m.span("city")]
    if m["area"] and gazetteer.candidates(m["area"]):
        spans.append(m.span("area"))
    return spans


def _embedded(doc, ent) -> bool:
    """A place name that opens an organisation's name: 'Washington Post', 'Kirkuk Police'."""
    nxt = doc[ent.end] if ent.end < len(doc) else None
    return nxt is not None and nxt.is_title and nxt.lower_ in ORG_WORDS


def _people(doc) -> list[tuple[int, set[str]]]:
    """Each person the story names in two words or more: where, and the first and last name."""
    return [(ent.start_char, {ent[0].text, ent[-1].text}) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1]


def _person_words(doc) -> set[str]:
    """First and last names of the people in the story: 'Olivia', 'Tyler' are not towns here."""
    return {w for _, words in _people(doc) for w in words}


def _other_spellings(gazetteer: Gazetteer, text: str) -> list[Entry]:
    """Places whose name folds as `text` does ("Ras al-Ain": Ra's al 'Ayn), for a capitalised
    name of five letters or more (not initials, not a shouted headline word)."""
    if len(text) >= 5 and text[:1].isupper() and not text.isupper():
        return gazetteer.folded(text)
    return []


def _names_a_region(gazetteer: Gazetteer, text: str) -> bool:
    return any(c.feature in ("country", "admin1", "region", "continent") for c in gazetteer.candidates(text))


def _has_place_word(text: str) -> bool:
    """'Royal Street', 'Torkula village', 'CAMP MURRAY': the name's head says it is a place."""
    words = [w.lower().strip(".,'’") for w in text.split()]  # whole words: "al-Dam" is not a dam
    if len(words) < 2 or not text[:1].isupper():
        return False
    return (words[-1] in PLACE_WORDS or words[0] in PLACE_WORDS) and not set(words) & VAST_WORDS


def _after_locative(doc, start: int, end: int) -> bool:
    """'in Cirencester', 'at Anfield': the object of a preposition of place."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE


def _called_a_place(doc, start: int) -> bool:
    """'the city of Lyon', 'the town of Garissa': a place noun and 'of' right before the name."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start < 2:
        return False
    of, noun = doc[span.start - 1], doc[span.start - 2]
    return of.lower_ == "of" and noun.lower_ in PLACE_NOUNS_OF


def _keep(doc, gazetteer: Gazetteer, label: str, text: str, start: int, end: int, people: set[str],
          had_article: bool, context: set[str]) -> bool:
    """Whether `text`, [start, end) of an entity labelled `label`, names a place."""
    cands = _candidates(gazetteer, text)
    if gazetteer.demonym(text) and not cands:
        return False  # "Iraqi": context, not a place
    if not cands and label in ("GPE", "LOC") and text not in people and any(
            c.country in context for c in _other_spellings(gazetteer, text)):
        return True  # "Ras al-Ain ... Syria": another spelling of a place in the story's country
    if not cands:
        return _has_place_word(text) and (label in ("GPE", "LOC", "FAC") or _after_locative(doc, start, end)
                                          or text.split()[-1].lower() in PLACE_WORDS)
    region = _names_a_region(gazetteer, text)
    if had_article and " " not in text and not any(c.feature in BROAD for c in cands):
        return False  # "the Centre" (India's government), "the North"
    if text.endswith(" State") and all(c.feature == "admin1" and c.country == "US" for c in cands):
        return False  # "Mississippi State", "Colorado State": universities and their teams
    if label in ("GPE", "LOC", "FAC"):
        return region or text not in people
    if label == "PERSON":  # "Tamil Nadu said", "in Cirencester", "the city of Lyon"
        return (region and " " in text) or _after_locative(doc, start, end) or _called_a_place(doc, start)
    # ORG, NORP: "the EU", "at Dewsbury", "the town of Ely"
    return region or _after_locative(doc, start, end) or _called_a_place(doc, start)


def toponym_spans(doc, gazetteer: Gazetteer, use_model: bool = True,
                  context: Optional[set[str]] = None) -> list[tuple[int, int]]:
    """Character spans that name places (see the module docstring); `use_model=False` gives the
    rules' spans alone (the place model's training reads them). `context`: the story's
    countries, when the caller has them already."""
    spans: list[tuple[int, int]] = list(datelines(doc, gazetteer))
    people = _person_words(doc)
    context = story_countries(doc, gazetteer) if context is None else context
    full = doc.text
    for ent in _joined_entities(doc, gazetteer):
        if ent.label_ not in ENTITY_LABELS or _embedded(doc, ent):
            continue
        if ent.start > 0 and doc[ent.start - 1].lower_ in NAMED_EVENTS:
            continue  # Hurricane Maria, Storm Ciara
        start, end = _trim(ent.start_char, ent.end_char, full)
        had_article = start != ent.start_char
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is not None and nxt.lower_ in ADMIN_SUFFIXES and gazetteer.candidates(full[start:nxt.idx + len(nxt)]):
            end = nxt.idx + len(nxt)  # "Kirkuk province", "Washington state": AP writes the word in lower case
        parts = [(start, end)] if gazetteer.candidates(full[start:end]) else _split(start, end, full)
        for a, b in parts:
            if _keep(doc, gazetteer, ent.label_, full[a:b], a, b, people, had_article, context) \
                    and not _taken(a, b, spans):
                spans.append((a, b))
    for a, b in _unlabelled_names(doc, gazetteer):
        if not _taken(a, b, spans):
            spans.append((a, b))
    return sorted(spans + (learned_spans(doc, gazetteer, spans, context) if use_model else []))


def learned_spans(doc, gazetteer: Gazetteer, spans: list[tuple[int, int]],
                  context: Optional[set[str]] = None) -> list[tuple[int, int]]:
    """The names the place model accepts among those the rules' `spans` left."""
    learned = place_model.model()
    if learned is None:
        return []
    return [(c.start, c.end) for c, x in model_candidates(doc, gazetteer, spans, context)
            if learned.probability(x) >= learned.threshold]


def model_candidates(doc, gazetteer: Gazetteer, spans: list[tuple[int, int]],
                     context: Optional[set[str]] = None) -> list[tuple]:
    """(candidate, features) for every gazetteer name the rules' `spans` do not cover."""
    full = doc.text
    people = _people(doc)
    names = [(*_trim(e.start_char, e.end_char, full), e.label_) for e in doc.ents]

    def judged(c) -> bool:
        """A name opening with a stop word, a demonym, a name inside a longer name ("U.S. News", "the Middle East Institute"),
        one NER read whole as an organisation or a place (the rules above judged it), or a word
        of a person's name in this story ("Soleimani's death"): not the model's to decide."""
        if doc[c.first].is_stop or gazetteer.demonym(c.text):
            return True  # "The", "Can", "English": a town somewhere, but never here
        for start, end, label in names:
            if start <= c.start and c.end <= end and ((start, end) != (c.start, c.end) or label in DECIDED_LABELS):
                return True
        return any(start != c.start and set(c.text.split()) & words for start, words in people)

    found = [c for c in place_model.candidates(doc, gazetteer, spans, lambda text: _candidates(gazetteer, text, fold=True))
             if not judged(c)]
    if not found:
        return []
    story = story_countries(doc, gazetteer) if context is None else context
    return [(c, place_model.features(doc, c, spans, story, gazetteer)) for c in found]


def _taken(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _joined_entities(doc, gazetteer: Gazetteer) -> list:
    """doc.ents, with "Washington" + ", " + "D.C." made one when the gazetteer knows the whole."""
    ents = list(doc.ents)
    out = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        if i + 1 < len(ents) and ents[i + 1].start == ent.end + 1 and doc[ent.end].text == "," \
                and gazetteer.candidates(doc[ent.start:ents[i + 1].end].text):
            out.append(Span(doc, ent.start, ents[i + 1].end, label=ent.label_))
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def _unlabelled_names(doc, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """'US-based', '11 billion US dollars', 'the Holy See': a country's or province's own
    name in a run of proper nouns that spaCy left outside any name entity."""
    out, i = [], 0
    while i < len(doc):
        if doc[i].pos_ != "PROPN" or doc[i].ent_type_ in ("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"):
            i += 1
            continue
        j = i
        while j < len(doc) and j - i < 3 and doc[j].pos_ == "PROPN" and doc[j].ent_type_ == doc[i].ent_type_:
            j += 1
        span = doc[i:j]
        if span.text[:1].isupper() and any(c.feature in ("country", "admin1") and normalize(c.name) != "us"
                                           for c in _candidates(gazetteer, span.text)):
            out.append((span.start_char, span.end_char))
        i = j
    return out


def _candidates(gazetteer: Gazetteer, mention: str, fold: bool = False) -> list[Entry]:
    """Gazetteer candidates, less the readings a short form cannot have; with `fold`, a name the
    gazetteer lacks in this spelling is looked up by its transliteration fold ("Ras al-Ain")."""
    candidates = gazetteer.candidates(mention)
    if not candidates and fold:
        candidates = _other_spellings(gazetteer, mention)
    if mention in US_STATE_ABBREVIATIONS:  # "La." is Louisiana, not Los Angeles
        return [c for c in candidates if c.feature == "admin1" and c.country == "US"]
    if len(mention.replace(".", "")) <= 4 and sum(ch.isupper() for ch in mention) >= 2:
        # initials ("OAS", "MoD") name a country, a bloc or a province ("NSW"), not a town;
        # dotted ones ("P.A.") a province only in AP's own forms, checked above
        return [c for c in candidates if c.feature in BROAD or (c.feature == "admin1" and "." not in mention)]
    return candidates


def story_countries(doc, gazetteer: Gazetteer) -> set[str]:
    """Countries the story is about: named countries and demonyms, used as context."""
    found: set[str] = set()
    full = doc.text
    for ent in doc.ents:
        if ent.label_ == "NORP":
            code = gazetteer.demonym(ent.text)
            if code:
                found.add(code)
        elif ent.label_ in ("GPE", "LOC"):
            start, end = _trim(ent.start_char, ent.end_char, full)
            for cand in gazetteer.candidates(full[start:end]):
                if cand.feature == "country":
                    found.add(cand.country)
    return found
