"""Links: tie each claim to the event it is about, after events and claims are found.

A claim is about the event whose evidence its content covers (an attack first), else, if
it takes a stance, the article's main event. Figures reported inside a claim's content are
that claim's figures. An accusation names alleged perpetrators; a claim of responsibility
names who claimed; condemnations, accusations and denials made with a verb that performs
them are speech-act events of their speaker (ACCUSE disapprove/allege, REJECT) when the parse
did not already find them.
"""
from __future__ import annotations

from typing import Optional

from ..lexicon import speech
from ..models import Actor, Claim, Event, EventDate, Evidence

SPEECH_EVENTS = {"condemn": ("ACCUSE", "disapprove"), "accuse": ("ACCUSE", "allege"), "deny": ("REJECT", None)}


def _main_event(events: list[Event]) -> Optional[Event]:
    for wanted in ("ASSAULT", "COERCE", "PROTEST", None):
        for e in events:
            if e.main and (wanted is None or e.type == wanted):
                return e
    return None


def link(events: list[Event], claims: list[Claim], doc) -> None:
    """Link in place: claims gain `about` and `date`, events gain actors, figures gain sources."""
    main = _main_event(events)
    for claim in claims:
        lo, hi = claim.spans.content or (None, None)
        about = None
        if lo is not None:
            inside = [e for e in events if any(lo <= ev.start < hi or ev.start <= lo < ev.end for ev in e.evidence)]
            about = next((e for e in inside if e.type == "ASSAULT"), inside[0] if inside else None)
        if about is None and claim.stance != "assert" and main is not None:
            about = main
        claim.about = about.id if about else None
        claim.date = _cue_date(claim, doc)  # when it was said, not when the event happened
        # figures reported inside the claim's content are that claim's figures
        for e in events:
            for f in e.figures:
                if lo is not None and lo <= f.start < hi and f.source is None:
                    f.source = claim.id
        if about is None:
            continue
        speaker = claim.speaker
        name = speaker and (speaker.name or speaker.affiliation or speaker.text)
        if claim.stance == "accuse":
            for accused in claim.accused:
                if not any(a.name == accused and a.role == "alleged_perpetrator" for a in about.actors):
                    about.actors.append(Actor(role="alleged_perpetrator", name=accused, kind=None, country=None))
        if claim.stance == "claim_responsibility" and name \
                and not any(a.role == "claimed_by" and a.name == name for a in about.actors):
            about.actors.append(Actor(role="claimed_by", name=name, kind="armed group", country=None))
        if claim.stance in SPEECH_EVENTS and name and _stance_verb(claim, doc):
            etype, mode = SPEECH_EVENTS[claim.stance]
            if not _has_speech_event(events, etype, claim):
                events.append(Event(
                    id=f"e{len(events) + 1}", type=etype, mode=mode, main=about.main, trigger=claim.verb or "",
                    date=EventDate(claim.date, "day" if claim.date else None, claim.date and claim.verb,
                                   "report" if claim.date else None, None if claim.date else "the statement is not dated"),
                    location=about.location,
                    actors=[Actor(role="actor", name=name, kind=None, country=None)]
                    + [Actor(role="recipient", name=a, kind=None, country=None) for a in claim.accused],
                    evidence=[Evidence(sentence=doc.text[claim.spans.cue[0]:claim.spans.cue[1]] if claim.spans.cue else claim.text,
                                       start=(claim.spans.cue or claim.spans.content)[0],
                                       end=(claim.spans.cue or claim.spans.content)[1])]))


def _stance_verb(claim: Claim, doc) -> bool:
    """A speech act needs a verb that performs it ("condemned", "blamed", "denied") or the
    speaker's own quoted words ("'We are outraged…,' Blinken said"); a stance read from a
    paraphrase ("…, a source says") stays a claim and an allegation, not a second event."""
    if claim.kind == "quote" and claim.stance in ("condemn", "deny"):
        return True
    if not claim.spans.cue:
        return False
    span = doc.char_span(claim.spans.cue[0], claim.spans.cue[1], alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in speech.STANCE_VERBS for t in span)


def _has_speech_event(events: list[Event], etype: str, claim: Claim) -> bool:
    cue = claim.spans.cue
    for e in events:
        if e.type != etype:
            continue
        for ev in e.evidence:
            if cue and ev.start <= cue[0] < ev.end:
                return True
            if claim.spans.content and ev.start <= claim.spans.content[0] < ev.end:
                return True
    return False


def _cue_date(claim: Claim, doc) -> Optional[str]:
    if not claim.spans.cue:
        return None
    span = doc.char_span(claim.spans.cue[0], claim.spans.cue[1], alignment_mode="expand")
    if span is None:
        return None
    cue = span[0]
    sent = cue.sent
    for t in doc._.times or []:
        if not sent.start_char <= t.start < sent.end_char:
            continue
        tspan = doc.char_span(t.start, t.end, alignment_mode="expand")
        if tspan is None or tspan.sent != cue.sent:
            continue
        root = tspan.root
        if root.head == cue or (root.head.head == cue and root.head.dep_ == "prep") or root.head.head.head == cue:
            value = t.value
            if value and value[:1].isdigit():
                return value.split("T")[0]
    return None
