"""Coreference: the mentions of one event become one record.

Within a sentence a clause hanging from the event word describes it; across sentences,
mentions of the same type whose dates and places agree are one event (news rarely reports two
attacks of one day in one place). Figures, weapons and evidence are pooled.
"""
from __future__ import annotations

from ...geo import km
from ...lexicon import plover
from ...periods import date_range
from ...models import Event, EventDate
from .mention import Mention
from .anchors import location_rank



# "a separate raid", "another attack", "an earlier bombing": a mention that says it is not the one before.
OTHER = {"separate", "another", "other", "second", "third", "earlier", "previous", "prior", "similar", "last",
         "latest", "subsequent", "further"}
SAME_PLACE_KM = 50


def compatible_dates(a: EventDate, b: EventDate) -> bool:
    ra, rb = date_range(a.value), date_range(b.value)
    if ra is None or rb is None:
        # unresolved ("on Friday" with no publication date): two different phrases are two days
        unresolved = not a.value and not b.value and a.text and b.text
        return not unresolved or a.text.lower().removeprefix("on ") == b.text.lower().removeprefix("on ")
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def _nested(prev: Mention, m: Mention) -> bool:
    """'an attack ... that killed one contractor': the clause describes the same event."""
    a, b = prev.token, m.token
    if a.dep_ in ("compound", "amod") and a.head.pos_ == "NOUN":
        a = a.head  # "the 1999 shooting death of X, who was shot …": the clause hangs from the phrase's head
    return a.sent == b.sent and b in a.subtree and b.dep_ in ("relcl", "acl", "advcl", "conj", "xcomp")


def _anaphoric(m: Mention) -> bool:
    """A mention that can point back: a clause with no new date, or 'the/this/Sunday's attack'."""
    tok = m.token
    light = m.clausal and tok.pos_ == "NOUN"  # "rockets were launched"
    gerund = tok.pos_ == "VERB" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")  # "Fighting has displaced"
    if light or (tok.pos_ == "VERB" and not gerund):
        return True
    if any(c.lower_ in OTHER for c in tok.children if c.dep_ in ("amod", "det", "advmod")):
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these"))
               for c in tok.children)


def corefer(mentions: list[Mention]) -> list[Mention]:
    """Merge the mentions of one event. Within a sentence a clause hanging from the event
    word describes it; across sentences, mentions of the same type whose dates and places
    agree are one event (news rarely reports two attacks of one day in one place)."""
    out: list[Mention] = []
    for m in mentions:
        ev, target = m.event, None
        if ev.type not in plover.PHYSICAL:  # the same act read twice in one sentence
            target = next((p for p in out if p.event.type == ev.type
                           and p.event.evidence[0].start == ev.evidence[0].start
                           and not _different_actors(p.event, ev)), None)
        else:
            same = [p for p in out if p.event.type == ev.type]
            target = next((p for p in same if _nested(p, m)), None)  # its own sentence's event first
            if target is not None:
                ev.actors = [a for a in ev.actors if a.role != "actor"]
            else:
                target = next((p for p in same if compatible_dates(p.event.date, ev.date)
                               and p.event.main == ev.main and _same_place(p.event, ev) and _anaphoric(m)
                               and not _different_actors(p.event, ev)), None)
        if target is None:
            out.append(m)
            continue
        _merge_into(target.event, ev)
    return out


def _different_actors(a: Event, b: Event) -> bool:
    """Both name who acted, and nobody in common: Trump's strike and Iran's retaliation."""
    def names(e: Event) -> set[str]:
        return {w for x in e.actors if x.role == "actor" for w in x.name.lower().split() if len(w) > 2}
    return bool(names(a)) and bool(names(b)) and not names(a) & names(b)


def _same_place(a: Event, b: Event) -> bool:
    """Places that can be one: either is borrowed (sentence, dateline, story), one contains the
    other (a country or province and a town in it), or they lie within SAME_PLACE_KM."""
    x, y = a.location, b.location
    if not x or not y or x.basis != "clause" or y.basis != "clause":
        return True
    if x.country != y.country:
        return False
    if x.geonames_id == y.geonames_id or {x.feature, y.feature} & {"country", "admin1", "region", "continent"}:
        return True
    if None in (x.lat, y.lat, x.lon, y.lon):
        return True
    return km(x.lat, x.lon, y.lat, y.lon) <= SAME_PLACE_KM



def _merge_into(target: Event, ev: Event) -> None:
    if not target.date.value and ev.date.value:
        target.date = ev.date
    if ev.location and (not target.location or location_rank(ev.location) < location_rank(target.location)):
        target.location = ev.location
    target.origin = target.origin or ev.origin
    target.mode = target.mode or ev.mode
    for a in ev.actors:
        if not any(x.name == a.name for x in target.actors):
            target.actors.append(a)
    for w in ev.weapons:
        if not any(x.text == w.text for x in target.weapons):
            target.weapons.append(w)
    target.figures.extend(f for f in ev.figures if f not in target.figures)
    for e in ev.evidence:
        if e not in target.evidence:
            target.evidence.append(e)


def mark_background(events: list[Event]) -> None:
    """Recalled history is not the news. The lead event is the article's first dated physical
    event that is not already history; any event dated wholly before it is background
    ("Friday's ambush, which killed four soldiers" in a story about Tuesday's bombing)."""
    lead = next((e for e in events if e.type in plover.PHYSICAL and e.main and date_range(e.date.value)), None)
    if lead is None:
        return
    start = date_range(lead.date.value)[0]
    for e in events:
        span = date_range(e.date.value)
        if span is not None and span[1] < start:
            e.main = False
