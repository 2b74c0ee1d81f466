"""Records: which mentions report an act, and which assembled records an analyst would keep.

A mention is no act when its line is a byline, credit or photo caption ("Reuters contributed to
this report", "Photograph: …"), a subhead with no clause ("Pointing fingers"), a habitual or
generic statement ("the group frequently conducts attacks", "a spate of attacks in recent
years"), a naming ("the so-called caliphate", "called the ruling arbitrary"). A record is kept
when its participants are who could act: a verbal or cooperative event (ACCUSE, CONSULT, AGREE,
…) needs an actor that is a person, a group or an institution, unless it is its sentence's main
verb (the parse may miss a subject); participants that are things
("recipient: the ruling", "actor: same path") are dropped first. Physical events (ASSAULT,
COERCE, PROTEST, MOBILIZE) stand without a named actor ("a bomb exploded"), but a weapon or a
place is never their actor.
"""
from __future__ import annotations

import re

from ...lexicon import plover
from ...models import Actor, Event
from .mention import Trigger
from .participants import AGENT_NOUNS

# A credit line anywhere in the sentence; a caption marker before the trigger (captions glued to
# the text by extraction: "…deadly.image caption Federal troops…" keeps the sentence before it).
CREDIT = re.compile(r"\b(contributed (to )?(this )?report(ing)?|reporting by|editing by|writing by|"
                    r"additional reporting)", re.I)
CAPTION = re.compile(r"(photograph:|photo:|image caption|image copyright|view photos|file photo|getty images|"
                     r"\(ap photo|handout/)", re.I)
HABITUAL = {"frequently", "often", "regularly", "usually", "routinely", "typically", "generally", "always",
            "sometimes", "occasionally", "repeatedly", "habitually", "commonly", "constantly"}
SERIES = {"spate", "series", "wave", "string", "history", "number", "campaign", "rash", "cycle", "kind", "type"}
AGENT_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def reports_an_act(trig: Trigger, doc) -> bool:
    """Whether a trigger reports something that happened, not a credit, subhead, habit or name."""
    tok, sent = trig.token, trig.token.sent
    if CREDIT.search(sent.text) or CAPTION.search(doc[sent.start:tok.i].text):
        return False
    words = sent.text.split()
    if len(words) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in sent) and not words[-1].endswith("."):
        return False  # a subhead: "Pointing fingers", "Rising tensions"
    anchor = trig.anchor
    if any(c.lower_ in HABITUAL for t in (tok, anchor) for c in t.children if c.dep_ == "advmod"):
        return False
    if tok.tag_ == "NNS" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in SERIES:
        return False  # "a spate of attacks": attacks in general, no one event
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "so":
        return False  # "the so-called caliphate"
    if tok.lemma_.lower() == "call" and any(c.dep_ == "oprd" or (c.dep_ == "xcomp" and c.pos_ != "VERB")
                                            for c in tok.children):
        return False  # "called the ruling arbitrary", "called the explosion an attack": a naming
    return True


def _head_token(doc, actor: Actor):
    if actor.start is None or actor.end is None:
        return None
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def is_party(doc, actor: Actor) -> bool:
    """A person, group, institution or state: named, or a common noun for people or bodies. An
    actor named by resolving a pronoun or by a claim (no offsets) is one."""
    tok = _head_token(doc, actor)
    if tok is None:
        return True
    if tok.ent_type_ in AGENT_LABELS or actor.kind in ("person", "armed group", "military", "government", "country"):
        return True
    lemma = tok.lemma_.lower()
    return lemma in AGENT_NOUNS or tok.lower_ in AGENT_NOUNS or (tok.pos_ == "PROPN" and tok.ent_type_ != "DATE")


def _weapon_or_place(doc, actor: Actor, places) -> bool:
    tok = _head_token(doc, actor)
    if tok is None:
        return False
    lemma = tok.lemma_.lower()
    if lemma in plover.ARMED_PEOPLE:
        return False
    if lemma in plover.WEAPON_MODES or lemma in ("device", "explosive", "explosives", "blast", "explosion"):
        return True
    # a town or region is where an attack happened, not who did it (a country may act: "Israel struck")
    return any(p.start <= tok.idx < p.end and p.feature not in ("country", None) for p in places)


def keep_record(event: Event, trig: Trigger, doc, places) -> bool:
    """Clean a record's participants in place; whether an analyst would keep the record. A
    passive with no agent ("was charged with treason") needs a party it was done to."""
    if event.type in plover.PHYSICAL:
        event.actors = [a for a in event.actors
                        if not (a.role in ("actor", "alleged_perpetrator") and _weapon_or_place(doc, a, places))]
        return True
    event.actors = [a for a in event.actors if is_party(doc, a)]
    anchor = trig.anchor
    if anchor.dep_ == "ROOT" and anchor.pos_ == "VERB":
        return True  # the sentence's own act, even where the parse found no subject
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in anchor.children)
    return any(a.role == "actor" or (passive and a.role == "recipient") for a in event.actors)
