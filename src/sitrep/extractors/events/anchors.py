"""Anchors: when and where an event happened, and what it was done with.

Date: the time expression attached to the trigger's clause; else the one of the event it
depends on; else the date of the claim that reports it (never for an attack: a report's date is
not the attack's). Location: the place attached to the trigger through prepositions (clause);
else a place in its sentence; else the dateline; else the article's main place.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Optional

from ...lexicon import plover, speech
from ...models import Claim, EventDate, Figure, Location, Place, TimeExpr, Weapon
from .mention import Mention, Trigger
from ..places import datelines

LOCATION_PREPS = {"in", "near", "at", "on", "outside", "around", "inside", "across", "throughout",
                  "into", "of", "against", "toward", "towards", "over", "along", "within"}


def governor(tok, trigger_tokens: set[int]):
    """Walk up from a modifier to the first event word or verb that governs it."""
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            return node
        node = node.head
        if node.i in trigger_tokens or node.pos_ in ("VERB", "AUX"):
            return node
    return node


def root_of(doc, start: int, end: int):
    """The syntactic head of the tokens covering [start, end), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def time_root(doc, t: TimeExpr):
    return root_of(doc, t.start, t.end)


def status_time(doc, t: TimeExpr) -> bool:
    """'as of early Tuesday', 'by Monday': when a count stood, not when the event happened."""
    span = doc.char_span(max(0, t.start - 8), t.start, alignment_mode="expand") if t.start else None
    before = span.text_with_ws.lower() if span is not None else ""  # not doc.text: it joins every token
    return before.endswith(("as of ", "by ", "until ", "since ", "as at "))


def event_date(t: Optional[TimeExpr]) -> EventDate:
    if t is None:
        return EventDate(None, None, None)
    value, precision = t.value, t.precision
    if value and "T" in value:
        value, precision = value.split("T")[0], "day"
    if t.type in ("DURATION", "SET") or (value and not value[:1].isdigit()):
        return EventDate(None, None, t.text)
    if t.precision == "part_of_day" and not re.search(r"\d|day|tonight|yesterday|tomorrow", t.text, re.I):
        return EventDate(None, None, t.text)  # "in the early morning": a time of day, not a date
    return EventDate(value, precision, t.text, "clause")


def is_background(d: EventDate, published: Optional[str]) -> bool:
    if not d.value or not published:
        return False
    try:
        pub = date.fromisoformat(published)
        parts = d.value.split("-")
        year = int(parts[0][:4]) if parts[0][:4].isdigit() else None
        if year is None:
            return False
        month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 12
        day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 28
        return (pub - date(year, month, min(day, 28))).days > 45
    except ValueError:
        return False


def dateline_place(spans: list[tuple[int, int]], places: list[Place]) -> Optional[Place]:
    """The place of the dateline: 'KABUL, Afghanistan (Reuters) —', 'BAGHDAD —'."""
    starts = {start for start, _ in spans[:1]}
    return next((p for p in places if p.start in starts), None)


# Nouns a place name may modify and still say where something is ("the Kirkuk airport").
SITE_NOUNS = {"airport", "base", "border", "city", "town", "village", "province", "region", "area", "camp",
              "port", "embassy", "consulate", "headquarters", "compound", "district", "capital", "side",
              "outskirts", "street", "road", "highway", "market", "hospital", "prison", "mosque", "church",
              "school", "university", "hotel", "checkpoint", "crossing", "coast", "waters", "airspace",
              "territory", "soil", "frontier", "mountains", "desert", "countryside", "neighborhood",
              "neighbourhood", "suburb", "square", "bridge", "station", "oilfield", "field", "refinery"}


def describes(doc, place: Place) -> bool:
    """Whether a place name only says whose something is, not where: "U.S. officials",
    "the Kabul government" — a modifier of a noun that is not a site. Such a mention never
    locates an event."""
    root = root_of(doc, place.start, place.end)
    # a possessive is left alone: "Iran's top nuclear scientist" is also where he worked
    if root is None or root.dep_ not in ("compound", "amod", "nmod", "nummod"):
        return False
    head = root.head
    while head.dep_ == "conj" and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        head = head.head  # "U.S. and Iraqi officials": the coordination's head noun
    return head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() not in SITE_NOUNS


def main_place(places: list[Place]) -> Optional[Place]:
    specific = [p for p in places if p.feature in ("city", "admin2", "admin1", "region", "landmark")]
    pool = specific or places
    if not pool:
        return None
    counts = Counter(p.geonames_id or p.name for p in pool)
    top = counts.most_common(1)[0][0]
    return next(p for p in pool if (p.geonames_id or p.name) == top)


def most_specific(places: list[Place]) -> Place:
    order = {"local": 0, "landmark": 0, "city": 1, "admin2": 2, "admin1": 3, "natural": 3, "area": 3,
             "region": 4, "sea": 4, "country": 5, "continent": 6}
    return min(places, key=lambda p: order.get(p.feature or "", 6))


def governing_time(tok, time_of: dict[int, TimeExpr]) -> Optional[TimeExpr]:
    """The time of the nearest clause above this one in its sentence ("issued a statement late
    Monday saying it condemned…"). Not for attacks and the like: a report's date is not theirs."""
    node = tok
    while node.head.i != node.i:  # spaCy makes a new Token per access: compare indices
        node = node.head
        if node.i in time_of:
            return time_of[node.i]
    return None


def claim_time(doc, tok, claims: list[Claim], times: list[TimeExpr]) -> Optional[TimeExpr]:
    """The time of the statement that reports this event ("..., Blinken said late Monday")."""
    for c in claims:
        if c.kind == "quote" and c.spans.content and c.spans.content[0] <= tok.idx < c.spans.content[1] and c.spans.cue:
            cue = root_of(doc, c.spans.cue[0], c.spans.cue[0] + 1)
            if cue is None:
                continue
            for t in times:
                root = time_root(doc, t)
                if root is not None and root.sent == cue.sent and event_date(t).value and (
                        root.head == cue or root.head.head == cue or governor(root, set()) == cue):
                    return t
    return None


def weapons_near(tok, sent) -> list[Weapon]:
    found: list[Weapon] = []
    words = list(sent)
    for i, w in enumerate(words):
        lemma = w.lemma_.lower()
        two = f"{words[i - 1].lemma_.lower()} {lemma}" if i else ""
        mode = plover.WEAPON_MODES.get(two) or plover.WEAPON_MODES.get(lemma)
        if not mode or w.pos_ not in ("NOUN", "PROPN", "VERB"):
            continue
        if w.pos_ == "VERB":
            continue
        left = w.i
        while left > sent.start and w.doc[left - 1].dep_ in ("compound", "nummod", "amod") and w.doc[left - 1].head.i in range(left, w.i + 1) and not w.doc[left - 1].like_num or (left > sent.start and w.doc[left - 1].lower_ == "mm"):
            left -= 1
        # keep a calibre ("107 mm rockets") but not a count ("24 rockets")
        if left > sent.start and w.doc[left - 1].lower_ == "mm":
            left -= 1
        if left > sent.start and w.doc[left].lower_ == "mm" and w.doc[left - 1].like_num:
            left -= 1
        text = w.doc[left:w.i + 1].text
        if not any(x.text == text for x in found):
            found.append(Weapon(text=text, kind=mode))
    return found


def location_rank(loc: Location) -> int:
    return {"clause": 0, "sentence": 1, "dateline": 2, "article": 3}.get(loc.basis or "", 4)


def _dated_noun_trigger(root, trigger_tokens: set[int]):
    """"the 1999 shooting death", "Friday's ambush": a time inside a noun phrase dates the event
    that phrase names (its head or a compound of it), not the clause around it."""
    if root.dep_ not in ("nmod", "compound", "amod", "nummod", "poss") or root.head.pos_ != "NOUN":
        return None
    head = root.head
    return next((t for t in [head, *(c for c in head.children if c.dep_ in ("compound", "amod"))]
                 if t.i in trigger_tokens), None)


def _predicate_of_subject(trig: Trigger):
    """"A car bomb tore through a market on Tuesday": the verb an event noun is the subject of
    says when and where it happened. Otherwise the trigger itself."""
    tok = trig.token
    if trig.anchor.i == tok.i and tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") \
            and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() not in speech.CUES:
        return tok.head
    return tok


class Anchors:
    """The times and places of one article, indexed by the event word that governs them."""

    def __init__(self, doc, times: list[TimeExpr], places: list[Place], triggers: list[Trigger], gazetteer,
                 sources: list[tuple[int, int]] = ()):
        self.doc, self.times, named = doc, times, places
        # where things happen: not a name that only qualifies people ("U.S. officials") and not
        # one inside the source of a claim ("officials in Washington said")
        self.places = places = [p for p in places if not describes(doc, p)
                                and not any(s <= p.start and p.end <= e for s, e in sources)]
        trigger_tokens = {t.token.i for t in triggers} | {t.anchor.i for t in triggers}
        self.trigger_tokens = trigger_tokens
        # time expressions and places by the event word that governs them
        self.time_of = time_of = {}  # type: dict[int, TimeExpr] = {}
        unresolved: list[tuple[int, TimeExpr]] = []
        for t in times:
            root = time_root(doc, t)
            if root is None or status_time(doc, t):
                continue
            gov = (_dated_noun_trigger(root, trigger_tokens) or governor(root, trigger_tokens)).i
            if event_date(t).value:
                time_of.setdefault(gov, t)  # the first dating expression wins
            elif t.value is None and t.type in ("DATE", "TIME"):
                unresolved.append((gov, t))
        for gov, t in unresolved:  # no publication date: "on Monday" stays, unresolved, as the date text
            time_of.setdefault(gov, t)
        self.place_of = place_of = {}  # type: dict[int, list[Place]] = {}
        for p in places:
            root = root_of(doc, p.start, p.end)
            if root is None:
                continue
            node, ok = root, False
            for _ in range(10):
                if node.head.i == node.i:
                    break
                if node.dep_ == "pobj" and node.head.lower_ in LOCATION_PREPS:
                    ok = True
                node = node.head
                if node.i in trigger_tokens or node.pos_ in ("VERB", "AUX"):
                    if ok:  # a verb's places serve the event noun that is its subject
                        place_of.setdefault(node.i, []).append(p)
                    break
        self.dateline_spans = datelines(doc, gazetteer)  # where the story was filed: never an actor
        self.dateline = dateline_place(self.dateline_spans, named)
        self.main_place = main_place(places)
        self.gazetteer = gazetteer
        # the countries the story places things in (not the ones it only names people after)
        self.countries = {p.country for p in places if p.country}

    def date(self, trig: Trigger, claims: list[Claim]) -> EventDate:
        """Own clause, then the event it hangs from, then the claim reporting it."""
        tok, time_of = trig.token, self.time_of
        t = time_of.get(tok.i) or time_of.get(trig.anchor.i) or time_of.get(_predicate_of_subject(trig).i)
        node = trig.anchor
        for _ in range(3):
            if t is not None or node.head.i == node.i or node.dep_ not in ("conj", "advcl", "relcl", "xcomp", "acl", "pcomp", "pobj", "prep"):
                break
            node = node.head
            if node.pos_ == "VERB" and node.i not in self.trigger_tokens:
                break  # another predicate's time is not this event's
            t = time_of.get(node.i)
        if t is None and trig.type not in plover.PHYSICAL:
            reported = claim_time(self.doc, tok, claims, self.times) or governing_time(tok, time_of)
            found = event_date(reported)
            if found.value:
                found.basis = "report"
            return found
        return event_date(t)

    def location(self, trig: Trigger) -> Optional[Location]:
        tok, sent = trig.token, trig.token.sent
        attached = self.place_of.get(tok.i) or self.place_of.get(trig.anchor.i) \
            or self.place_of.get(_predicate_of_subject(trig).i)
        if attached:
            return Location.from_place(most_specific(attached), "clause")
        in_sent = [p for p in self.places if sent.start_char <= p.start < sent.end_char and p is not self.dateline]
        if in_sent:
            return Location.from_place(most_specific(in_sent), "sentence")
        if self.dateline:
            return Location.from_place(self.dateline, "dateline")
        if self.main_place and self._ties(sent, self.main_place.country):
            return Location.from_place(self.main_place, "article")
        return None

    def _ties(self, sent, country: Optional[str]) -> bool:
        """Whether the story's focus may place an event of this sentence: the story is about one
        country, or the sentence names the focus's country in a word ("Iraqi", "Kurdish"…)."""
        if len(self.countries) <= 1:
            return True
        return any(self.gazetteer.demonym(t.text) == country for t in sent if t.pos_ in ("ADJ", "PROPN"))


# Figures that count what a physical event did: their sentence's physical mentions carry them.
EVENT_COUNTS = {"killed", "injured", "weapon_count", "kidnapped", "arrested", "missing"}


def attach_figures(mentions: list[Mention], figures: list[Figure], doc) -> None:
    """Each figure goes to the nearest event in its sentence that such a figure describes."""
    kind_types = {"killed": {"ASSAULT"}, "injured": {"ASSAULT"}, "weapon_count": {"ASSAULT", "THREATEN", "MOBILIZE"},
                  "kidnapped": {"ASSAULT"}, "arrested": {"COERCE", "ASSAULT"}, "missing": {"ASSAULT"},
                  "displaced": {"COERCE"}}  # people who fled fighting are not an attack's casualties
    for f in figures:
        if f.scope == "cumulative":
            continue  # a period's or a war's total is no one event's toll
        sent = doc.char_span(f.start, f.end, alignment_mode="expand")
        if sent is None:
            continue
        s = sent.sent
        fits = [m for m in mentions if m.event.type in kind_types.get(f.kind, {"ASSAULT"})]
        cands = [m for m in fits if m.event.evidence[0].start == s.start_char]
        if not cands and f.update:
            # "The death toll rose to 27": a revised count of the event the story has just reported
            cands = [m for m in fits if m.event.evidence[0].start < s.start_char][-1:]
        if not cands:
            continue
        best = min(cands, key=lambda m: abs(m.token.idx - f.start))
        best.event.figures.append(f)


def attach_origin(mentions: list[Mention], doc, places: list[Place]) -> None:
    """Where an attack came from: "rockets originated from Kirkuk Province", "fired from X"."""
    for p in places:
        root = root_of(doc, p.start, p.end)
        if root is None or not (root.dep_ == "pobj" and root.head.lower_ == "from"):
            continue
        verb = root.head.head
        if verb.lemma_.lower() not in ("originate", "fire", "launch", "come", "shoot"):
            continue
        weapon_words = {w.lemma_.lower() for w in verb.sent} & set(plover.WEAPON_MODES)
        for ev in (m.event for m in mentions):
            if ev.type == "ASSAULT" and ev.main and (weapon_words or ev.evidence[0].start == verb.sent.start_char):
                if ev.origin is None:
                    ev.origin = Location.from_place(p, "sentence")
                break


def _just_happened(trig: Trigger, lead_end: int) -> bool:
    """Reported as just happened: a present perfect ("has killed", "have been arrested"), a
    present or progressive tense ("IED kills general", "are fighting"), or the past tense of the
    story's lead (its first two sentences, the headline's and the first of the body)."""
    verb = trig.anchor
    if verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"has", "have", "'s", "'ve"} and verb.tag_ == "VBN":
        return True
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and aux & {"is", "are"}):
        return verb.lemma_ != "be"
    return verb.tag_ in ("VBD", "VBN") and trig.token.idx < lead_end


def date_records(mentions: list[Mention], doc, published: Optional[str]) -> None:
    """A record still undated takes the publication date where its story reports it as just
    happened (`basis: published`); any other says why it has none (`undated`)."""
    sents = list(doc.sents)[:2]
    lead_end = sents[-1].end_char if sents else 0
    for m in mentions:
        d = m.event.date
        if d.value:
            continue
        if not m.event.main:
            d.undated = "background: no date given"
        elif published and _just_happened(m.trigger, lead_end):
            m.event.date = EventDate(published, "day", d.text, "published")
        elif d.text:
            d.undated = f"'{d.text}' cannot be resolved" + ("" if published else " without a publication date")
        else:
            d.undated = "no time expression" + ("" if published else " and no publication date")
