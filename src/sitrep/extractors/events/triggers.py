"""Triggers: the words that name an event, looked up in the PLOVER lexicon.

A verb is looked up by phrase ("pull out"), then, for a light verb ("launched an offensive",
"held talks"), by its object noun, then by its lemma. A noun ("the attack", "airstrikes") is a
trigger on its own unless its sense is ambiguous without a light verb ("war", "call"). The
content of a commitment, demand or threat ("threatened to ban ...") is absorbed by it.
"""
from __future__ import annotations

from typing import Optional

from ...lexicon import plover, speech
from .mention import Trigger
from .modality import OBLIGATION_AUX, THREAT_MODE, apply_modality

INSTITUTIONS = {"treaty", "agreement", "deal", "accord", "talks", "negotiation", "organization", "organisation",
                "alliance", "union", "pact", "court", "council", "convention", "process", "mission", "coalition"}
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning", "into"}
SPEECH_NOUNS = {"declaration", "statement", "letter", "resolution", "communique", "message", "note",
                "report", "appeal", "call"}
# Non-military resources whose withdrawal is a SANCTION, not a RETREAT (manual, SANCTION 'withdraw').
WITHDRAWN_RESOURCES = {"inspector", "observer", "peacekeeper", "aid", "ambassador", "diplomat", "worker",
                       "staff", "monitor", "envoy", "mission", "support", "funding", "personnel"}
# What is released, shared or issued when nobody is freed: information and published media.
NON_EVENT_OBJECTS = {"information", "statement", "detail", "report", "video", "figure", "data",
                     "result", "list", "name", "image", "photo", "footage", "readout", "document",
                     "clip", "song", "album", "film", "movie", "trailer", "episode", "book", "record", "recording"}


def _particle(tok) -> Optional[str]:
    for child in tok.children:
        if child.dep_ == "prt":
            return child.lower_
    for child in tok.children:
        if child.dep_ == "prep":
            return child.lower_
    return None


def _modifier(tok) -> Optional[str]:
    for child in tok.children:
        if child.dep_ in ("compound", "amod") and child.i < tok.i:
            return child.lemma_.lower()
    return None


def _object_noun(verb):
    """The noun object of a light verb, looking through "10 days of war games"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            noun = child
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ == "of":
                    pobj = next((g for g in grand.children if g.dep_ == "pobj"), None)
                    if pobj is not None and plover.lookup_noun(pobj.lemma_.lower(), _modifier(pobj)):
                        return pobj
            return noun
    return None


def _noun_code(noun):
    code = plover.lookup_noun(noun.lemma_.lower(), _modifier(noun))
    if code is None and noun.lower_.endswith("s"):
        code = plover.lookup_noun(noun.lower_[:-1], _modifier(noun))
    return code


def find_triggers(doc) -> list[Trigger]:
    triggers: list[Trigger] = []
    used_nouns: set[int] = set()
    for tok in doc:
        if tok.pos_ in ("VERB",) or (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
            lemma = tok.lemma_.lower()
            if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN") \
                    and tok.head.lemma_.lower() not in SPEECH_NOUNS:
                continue  # "a base hosting soldiers" describes the base
            code = plover.VERBS.get(f"{lemma} {_particle(tok)}") if _particle(tok) else None
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if code is None and obj is not None:  # "set fire", "open fire", "take hostage"
                code = plover.VERBS.get(f"{lemma} {obj.lemma_.lower()}")
            trig = None
            if code:
                trig = Trigger(tok, *code)
            elif lemma in plover.LIGHT_VERBS:
                noun = _object_noun(tok)
                if noun is not None:
                    ncode = _noun_code(noun)
                    if ncode:
                        trig = Trigger(noun, *ncode, anchor=tok)
                        used_nouns.add(noun.i)
            if trig is None and lemma in plover.VERBS and lemma not in speech.REPORTING_VERBS:
                released = obj if obj is not None else next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                if lemma == "release" and released is not None and released.lemma_.lower() in NON_EVENT_OBJECTS:
                    continue  # "released information", not a release of captives
                trig = Trigger(tok, *plover.VERBS[lemma])
                if trig.type == "RETREAT" and trig.mode == "withdraw" and _withdraws_cooperation(tok, obj):
                    trig.type = "SANCTION"
            if trig is None and _obligation(tok):
                trig = Trigger(tok.head, "REQUEST", None)  # "X said Y must do Z" is a demand
            if trig is not None:
                triggers.append(trig)
        elif tok.pos_ == "NOUN" and tok.i not in used_nouns:
            lemma = tok.lemma_.lower()
            if tok.dep_ == "compound":
                continue  # "aid agencies", "protest leaders": the noun names a kind of thing
            if lemma == "strike" and _labour_context(tok):
                triggers.append(Trigger(tok, "PROTEST", "hunger" if _modifier(tok) == "hunger" else "strike"))
                continue
            if lemma == "alert" and tok.head.lower_ == "on":  # "troops remained on alert"
                triggers.append(Trigger(tok, "MOBILIZE", "troops", anchor=tok.head.head))
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in TOPIC_PREPS:
                continue  # "talks on a peace agreement": the topic, not an event
            if lemma in plover.AMBIGUOUS_NOUNS and not _modifier(tok):
                continue
            if tok.ent_type_ in ("ORG", "PERSON", "WORK_OF_ART", "LAW", "EVENT") and tok.ent_iob_ != "O":
                continue
            code = _noun_code(tok)
            if code and not (lemma in plover.AMBIGUOUS_NOUNS and plover.lookup_noun(lemma, _modifier(tok)) == plover.NOUNS.get(lemma)):
                triggers.append(Trigger(tok, *code))
    for trig in triggers:
        apply_modality(trig)
    _absorb(triggers)
    _dedupe_nested(triggers)
    return [t for t in triggers if t.absorbed_by is None and not t.hypothetical]


def _withdraws_cooperation(verb, obj) -> bool:
    """PLOVER: withdrawing forces from territory is RETREAT; leaving an organisation or
    treaty, or pulling out observers, aid or diplomats, is SANCTION 'withdraw'."""
    if obj is not None and obj.lemma_.lower() in WITHDRAWN_RESOURCES:
        return True
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "of")):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is not None and (pobj.ent_type_ == "ORG" or pobj.lemma_.lower() in INSTITUTIONS):
            return True
    return False


def _obligation(tok) -> bool:
    """A clause with 'must'/'should' reported by a speaker: a demand on its subject."""
    return (tok.pos_ in ("VERB", "AUX") and tok.dep_ == "ccomp"
            and tok.head.lemma_.lower() in speech.REPORTING_VERBS | {"conclude", "warn", "insist", "urge"}
            and any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in tok.children))


def _labour_context(tok) -> bool:
    words = {t.lemma_.lower() for t in tok.sent}
    return bool(words & {"worker", "union", "employee", "teacher", "labour", "labor", "wage", "pay"})


def _absorb(triggers: list[Trigger]) -> None:
    """The content of a promise, demand, refusal or threat is part of it, not a second event."""
    by_token = {t.anchor.i: t for t in triggers} | {t.token.i: t for t in triggers}
    for trig in triggers:
        tok = trig.anchor
        head = tok.head
        if tok.dep_ in ("xcomp", "ccomp") and head.i in by_token:
            outer = by_token[head.i]
            if outer is not trig and outer.type in plover.EMBEDDING_TYPES and outer.token.pos_ == "VERB":
                trig.absorbed_by = outer
                if outer.type == "THREATEN" and outer.mode is None:
                    outer.mode = THREAT_MODE.get(trig.type) or (
                        "restrict" if trig.type == "COERCE" else None)


def _dedupe_nested(triggers: list[Trigger]) -> None:
    """"ordered the killing ... by drone strike": one event, the strike is its means."""
    by_sentence: dict[int, list[Trigger]] = {}
    for t in triggers:
        if t.absorbed_by is None:
            by_sentence.setdefault(t.token.sent.start, []).append(t)
    for a, b in ((a, b) for live in by_sentence.values() for a in live for b in live):  # pairs within a sentence
        if a is b or a.absorbed_by or b.absorbed_by:
            continue
        if b.token.pos_ == "NOUN" and b.token.dep_ == "dobj" and b.token.head.i == a.token.i and a.token.pos_ == "VERB":
            b.absorbed_by = a  # "send medical supplies": the supplies are what is sent
            continue
        if a.type != b.type:
            continue
        if b.token.pos_ == "NOUN" and _inside(b.token, a.token) and b.token.i != a.token.i and (
                b.token.head.dep_ == "prep" or b.token.dep_ in ("compound", "pobj", "dobj", "appos")):
            b.absorbed_by = a
            if a.mode is None:
                a.mode = b.mode


def _inside(tok, head) -> bool:
    """tok is in head's subtree (walking up from tok: no subtree is built)."""
    node = tok
    for _ in range(64):
        if node.i == head.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False
