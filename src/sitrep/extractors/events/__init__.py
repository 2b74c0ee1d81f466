"""Events: find who did what to whom in the dependency parse and code it in PLOVER.

One job per module, run in this order by `find_events`:
  triggers      words that name an event, from the PLOVER lexicon (`lexicon/plover.py`)
  classifier    the learned sentence-level PLOVER coder: confirms, retypes or adds triggers
  modality      negation, hypotheticals, promises and threats
  participants  actors, recipients and targets from grammatical roles
  anchors       date, place, weapons, figures and origin of each event
  coreference   the mentions of one event merged into one record
  records       which mentions report acts, and which records an analyst keeps
Linking claims to events (who alleged, who claimed, speech-act events) is the next spaCy
component, `sitrep_links` (`extractors/links.py`).
"""
from __future__ import annotations

from typing import Optional

from ...lexicon import plover
from ...models import Claim, Event, Evidence, Figure, Place, TimeExpr
from .anchors import EVENT_COUNTS, Anchors, attach_figures, attach_origin, date_records, is_background, weapons_near
from .classifier import reconcile
from .coreference import corefer, mark_background
from .mention import Mention
from .participants import attribute, participants
from .records import keep_record, reports_an_act
from .triggers import find_triggers

WEAPON_TYPES = {"ASSAULT", "THREATEN", "MOBILIZE"}


def _armed_person(weapon) -> bool:
    """"Taliban gunmen", "suicide bombers": people, who give the mode but are no weapon."""
    return weapon.text.lower().split()[-1] in plover.ARMED_PEOPLE


def find_events(doc, times: list[TimeExpr], places: list[Place], figures: list[Figure],
                claims: list[Claim], published: Optional[str], gazetteer=None, coder=None) -> list[Event]:
    """Every event in `doc`. `coder` is the learned sentence classifier (classifier.load());
    without one, events are coded with the PLOVER lexicon alone."""
    if gazetteer is None:
        from ...geodata.gazetteer import Gazetteer
        gazetteer = Gazetteer.default()
    triggers = find_triggers(doc)
    if coder is not None:
        triggers = reconcile(doc, triggers, coder, (f.start for f in figures if f.kind in EVENT_COUNTS))
    triggers = [t for t in triggers if reports_an_act(t, doc)]
    sources = [tuple(c.spans.source) for c in claims if c.spans.source]
    anchors = Anchors(doc, times, places, triggers, gazetteer, sources)
    place_spans = [(p.start, p.end) for p in places]
    speakers = [((c.spans.content[0], c.spans.content[1]), c.speaker.name or c.speaker.affiliation)
                for c in claims if c.kind == "quote" and c.speaker and (c.speaker.name or c.speaker.affiliation)]
    mentions: list[Mention] = []
    for trig in triggers:
        tok, sent = trig.token, trig.token.sent
        armed = weapons_near(tok, sent) if trig.type in WEAPON_TYPES else []
        mode = trig.mode or (armed[0].kind if trig.type == "ASSAULT" and armed else None)
        weapons = [w for w in armed if not _armed_person(w)]
        date = anchors.date(trig, claims)
        actors = participants(trig, place_spans, speakers, gazetteer, anchors.dateline_spans)
        attribute(actors, trig, claims)
        event = Event(
            id="", type=trig.type, mode=mode, main=not is_background(date, published),
            trigger=tok.text, date=date, location=anchors.location(trig), actors=actors, weapons=weapons,
            evidence=[Evidence(sentence=sent.text.strip(), start=sent.start_char, end=sent.end_char)],
        )
        mentions.append(Mention(event, trig))
    attach_figures(mentions, figures, doc)
    attach_origin(mentions, doc, places)
    records = [m for m in corefer(mentions) if keep_record(m.event, m.trigger, doc, places)]
    events = [m.event for m in records]
    mark_background(events)
    date_records(records, doc, published)
    for n, ev in enumerate(events, 1):
        ev.id = f"e{n}"
    return events
