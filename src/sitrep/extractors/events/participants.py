"""Participants: who did what to whom, read off the trigger's grammatical roles.

Subject → actor; object, passive subject and "against/on/with" objects → recipient (target for
ASSAULT); passive "by" → actor. "I"/"we" inside a quote are the quote's speaker. A perpetrator
named inside a claim is that claim's allegation, never a plain actor.
"""
from __future__ import annotations

import re
from typing import Optional

from ...lexicon import plover, speech
from ...models import Actor, Claim
from ..figures import PERSON_NOUNS
from ..syntax import entities_within, entity_at, participle_head
from .mention import Trigger
from .triggers import NON_EVENT_OBJECTS

MILITARY = {"army", "military", "troops", "troop", "force", "forces", "soldier", "soldiers", "navy",
            "air force", "marines", "battalion", "brigade", "command", "aircraft", "warship", "warships",
            "coalition", "peshmerga", "pentagon", "militaries"}
ARMED_GROUP = {"militia", "militias", "rebel", "rebels", "militant", "militants", "insurgent", "insurgents",
               "guerrilla", "guerrillas", "group", "brigade", "brigades", "jihadist", "jihadists",
               "gunmen", "gunman", "fighters", "front", "faction", "extremists", "terrorist", "terrorists",
               "hezbollah", "hamas", "taliban", "qaeda", "pmf", "movement", "separatists"}
GOVERNMENT = {"government", "ministry", "minister", "president", "parliament", "authorities",
              "officials", "official", "administration", "cabinet", "council", "secretary", "king",
              "emir", "prime", "premier", "state", "department", "police", "judge", "court", "regime",
              "leader", "embassy", "ambassador", "spokesman", "congress", "senate", "kremlin", "white"}
# Common nouns for people and bodies that can act or be acted on as parties (named ones are entities).
AGENT_NOUNS = PERSON_NOUNS | ARMED_GROUP | GOVERNMENT | MILITARY | {
    "opposition", "party", "parties", "union", "protester", "activist", "critic", "supporter", "leader",
    "boss", "staffer", "lawmaker", "legislator", "senator", "governor", "mayor", "prosecutor", "investigator",
    "agent", "agency", "company", "firm", "bank", "group", "organization", "organisation", "ngo", "coalition",
    "alliance", "bloc", "delegation", "envoy", "diplomat", "negotiator", "mediator", "community", "tribe",
    "clan", "crowd", "mob", "youth", "gang", "cartel", "smuggler", "trafficker", "bomber", "shooter",
    "assailant", "kidnapper", "abductor", "captor", "hijacker", "sniper", "commander", "general", "colonel",
    "captain", "chief", "head", "director", "manager", "owner", "driver", "pilot", "crew", "sailor",
    "spokesperson", "spokeswoman", "representative", "delegate", "observer", "monitor", "inspector",
    "witness", "resident", "local", "neighbour", "neighbor", "relative", "son", "daughter", "wife", "husband",
    "mother", "father", "brother", "sister", "friend", "player", "voter", "candidate", "nation", "country",
    "state", "republic", "kingdom", "ally", "partner", "enemy", "rival", "regime", "junta", "faction",
    "authority", "service", "unit", "squad", "patrol", "guard", "militia", "army", "navy", "police",
    "institution", "court", "tribunal", "committee", "commission", "board", "assembly", "council", "body",
    "team", "side", "everyone", "somebody", "someone", "anyone", "nobody", "individual", "man", "woman",
    "boy", "girl", "child", "people", "population", "public", "worker", "employee", "official", "medic",
    "firefighter", "rescuer", "volunteer", "teenager", "suspect", "culprit", "perpetrator", "killer",
    "counterpart", "host", "prime", "premier", "minister", "president", "king", "emir", "sheikh",
}
VERBAL = {"AGREE", "REJECT", "ACCUSE", "SUPPORT", "REQUEST", "THREATEN", "CONCEDE"}
MEASURE_NOUNS = {"toll", "tally", "number", "count", "figure", "total", "rate", "percent", "share"}
TIME_NOUNS = {"time", "night", "day", "morning", "evening", "week", "month", "year", "hour", "weekend"}
# Verbs whose passive tells how its subject feels ("we are outraged"), unlike "rumors are rejected".
FEELINGS = {"outrage", "shock", "appal", "appall", "dismay", "alarm", "disturb", "anger", "sadden", "concern",
            "disappoint", "horrify", "trouble", "encourage", "please", "delight", "relieve"}
# Verbs whose subject takes part in the event noun they govern ("engaged in fighting").
TAKING_PART = plover.LIGHT_VERBS | {"participate", "involve", "be", "help"}
ACCUSING = {"accuse", "blame", "charge", "hold", "attribute", "suspect"}
LOCATIVE = {"in", "near", "at", "outside", "inside", "around", "along", "across", "on"}
PRONOUN_SET = {"it", "they", "he", "she", "i", "we", "who", "that", "which", "them"}


def _entity_text(tok) -> str:
    doc = tok.doc
    if tok.ent_iob_ != "O" and tok.ent_type_:
        ent = entity_at(doc, tok.i)
        if ent is not None:
            return re.sub(r"^the\s+", "", ent.text, flags=re.I)
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("prep",) and child.lower_ in ("of", "in", "from") and child.right_edge.i - tok.i < 8:
            right = child.right_edge.i
        else:
            break
    span = doc[left:right + 1]
    text = span.text
    text = re.sub(r"^(the|a|an|his|her|its|their)\s+", "", text, flags=re.I)
    return text


def _kind_country(tok, gazetteer) -> tuple[Optional[str], Optional[str]]:
    words = {t.lower_ for t in tok.subtree if t.i - tok.i < 8}
    ent = tok.ent_type_
    country = None
    for t in tok.subtree:
        if t.ent_type_ in ("GPE", "NORP") or t.pos_ in ("ADJ", "PROPN"):
            code = gazetteer.demonym(t.text) if gazetteer else None
            if code is None and gazetteer and t.ent_type_ == "GPE":
                cands = [c for c in gazetteer.candidates(t.text) if c.feature == "country"]
                code = cands[0].country if cands else None
            if code:
                country = code
                break
    lemma = tok.lemma_.lower()
    if ent == "PERSON":
        kind = "person"
    elif words & ARMED_GROUP and not words & GOVERNMENT:
        kind = "armed group"
    elif words & MILITARY or lemma in MILITARY:
        kind = "military"
    elif words & GOVERNMENT:
        kind = "government"
    elif ent == "GPE":
        kind = "country"
    elif ent in ("ORG", "NORP", "FAC"):
        kind = "organization"
    elif tok.pos_ == "PROPN":
        kind = "organization"
    else:
        kind = None
    return kind, country


def _subject(tok):
    node = participle_head(tok)
    for _ in range(5):
        for child in node.children:
            if child.dep_ in ("nsubj",) and not (node.dep_ == "relcl" and child.lower_ in ("that", "which", "who")):
                return child
        for child in node.children:
            if child.dep_ == "agent":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and not plover.lookup_noun(pobj.lemma_.lower()):
                    return pobj  # "outraged by the attack": an event is a cause, not an agent
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ == "VERB":
            controller = node.head.head
            obj = next((c for c in controller.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj  # "accused the RSF of firing": the RSF fired (as alleged)
        if node.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl", "ccomp") and node.head.i != node.i:
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in speech.REPORTING_VERBS:
                return None
            node = node.head
            if node.dep_ == "prep":
                node = node.head
            continue
        if node.dep_ == "relcl":
            return node.head
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            verb = node.head.head
            if verb.lemma_.lower() in speech.CUES:
                # "blaming the army for the blast": the blamed did it (as alleged), not the blamer;
                # "said in a statement on the attack": a speaker is not a participant
                obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
                return obj if verb.lemma_.lower() in ACCUSING and obj is not None else None
            if verb.lemma_.lower() not in TAKING_PART:
                return None  # "punishing the U.S. for the killing": the punisher is not the killer
            node = verb
            continue
        return None
    return None


def _is_country(tok, gazetteer) -> bool:
    return gazetteer is not None and any(c.feature == "country" for c in gazetteer.candidates(tok.text))


def _objects(trig: Trigger) -> list:
    found = []
    # in text order, never a set's: a Token's hash follows its Doc's address, so a set of two
    # tokens iterates in another order from run to run and so would the actors
    for holder in sorted({trig.anchor, trig.token}, key=lambda t: t.i):
        for child in holder.children:
            if child.dep_ in ("dobj", "nsubjpass", "dative") and child is not trig.token:
                found.append(child)
            if child.dep_ == "prep" and child.lower_ in ("against", "on", "with", "to", "of", "upon", "at"):
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj is not trig.token:
                    found.append(pobj)
    if trig.token.pos_ == "NOUN":
        for child in trig.token.children:
            if child.dep_ == "poss" and trig.type != "ASSAULT":
                found.append(child)
    return found


def _expand_conj(tok) -> list:
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN"):
            out.extend(_expand_conj(child))
    return out


def participants(trig: Trigger, place_spans, speakers, gazetteer, not_actors=()) -> list[Actor]:
    """Actors, recipients and targets of one trigger. `not_actors`: character spans (a
    dateline) whose words are never participants."""
    actors: list[Actor] = []
    subj = _subject(trig.anchor)
    if subj is None and trig.token.pos_ == "NOUN":
        poss = next((c for c in trig.token.children if c.dep_ == "poss"), None)
        subj = poss
        if subj is None:  # "an Israeli strike", "Iranian attack"
            for c in trig.token.children:
                if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "ORG") or (
                        c.ent_type_ == "GPE" and _is_country(c, gazetteer))):
                    subj = c  # "Kassala market attack" names where, "U.S. strike" who
        if subj is None:
            for c in trig.token.children:
                if c.dep_ == "prep" and c.lower_ in ("by", "between"):  # "fighting between the army and the RSF"
                    subj = next((g for g in c.children if g.dep_ == "pobj"), None)
    role_other = "target" if trig.type == "ASSAULT" else "recipient"
    passive_subject = next((c for c in trig.anchor.children if c.dep_ == "nsubjpass"), None)
    if subj is None and passive_subject is not None and trig.type in VERBAL and trig.anchor.lemma_.lower() in FEELINGS:
        subj = passive_subject  # "We are outraged by the attack": the outraged speak

    def add(tok, role):
        if tok is None:
            return
        if tok.lower_ in ("it", "they", "he", "she", "i", "we", "who", "that", "which", "them"):
            name = _resolve_pronoun(tok, speakers)
            if not name:
                return
            kind, country = None, None
        else:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"):
                return
            lemma = tok.lemma_.lower()
            two = f"{tok.doc[tok.i - 1].lemma_.lower()} {lemma}" if tok.i else lemma
            if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
                return  # "no group has claimed responsibility"
            weapon = (lemma in plover.WEAPON_MODES or two in plover.WEAPON_MODES) and not (
                lemma in plover.ARMED_PEOPLE or two in plover.ARMED_PEOPLE)  # a gunman is an attacker
            event_noun = plover.lookup_noun(lemma) and lemma not in AGENT_NOUNS  # "the alliance" acts
            if tok.i == trig.token.i or event_noun or weapon or lemma in TIME_NOUNS or lemma in MEASURE_NOUNS:
                return  # the event itself, another event, a weapon, a time or a count: not a participant
            if any(s <= tok.idx < e for s, e in place_spans) and tok.head.lower_ in ("in", "near", "at", "outside"):
                return  # a location, not a participant
            if any(s <= tok.idx < e for s, e in not_actors):
                return
            name = _entity_text(tok)
            kind, country = _kind_country(tok, gazetteer)
        if name and not any(a.name == name for a in actors):
            actors.append(Actor(role=role, name=name, kind=kind, country=country,
                                start=tok.idx if tok.lower_ not in PRONOUN_SET else None,
                                end=tok.idx + len(tok) if tok.lower_ not in PRONOUN_SET else None))

    if subj is not None:
        for t in _expand_conj(subj):
            add(t, "actor")
    for obj in _objects(trig):
        if obj is subj:
            continue
        for t in _expand_conj(obj):
            if t.lemma_.lower() in NON_EVENT_OBJECTS or t.lower_ in ("responsibility",):
                continue
            add(t, role_other)
    return actors


def _resolve_pronoun(tok, speakers) -> Optional[str]:
    low = tok.lower_
    if low in ("i", "we"):
        for (s, e), name in speakers:
            if s <= tok.idx < e:
                return name
        return None
    if low in ("who", "that", "which"):
        if tok.head.dep_ != "relcl":
            return None
        antecedent = tok.head.head
        if antecedent.dep_ == "pobj" and antecedent.head.lower_ in LOCATIVE:
            return None  # "the ambush near the border, which killed…": the clause is the ambush's, not the border's
        return _entity_text(antecedent)
    clause = tok.head
    if tok.dep_ == "nsubj" and clause.dep_ == "ccomp" and clause.head.lemma_.lower() in speech.REPORTING_VERBS:
        reporter = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if reporter is not None and reporter.lower_ not in PRONOUN_SET:
            return _entity_text(reporter)
    # it/they/he/she: the nearest preceding named actor in this or the previous sentence
    sent = tok.sent
    start = sent.start
    prev = sent.start - 1
    if prev > 0:
        start = tok.doc[prev].sent.start
    wanted = ("PERSON",) if low in ("he", "she") else ("ORG", "GPE", "NORP", "FAC", "PERSON")
    best = None
    for ent in entities_within(tok.doc, start, tok.i):
        if ent.label_ in wanted:
            best = ent
    return re.sub(r"^the\s+", "", best.text, flags=re.I) if best is not None else None


def attribute(actors: list[Actor], trig: Trigger, claims: list[Claim]) -> None:
    """Who did it, per whom: a perpetrator named inside a claim is that claim's allegation."""
    pos = trig.token.idx
    claim = next((c for c in claims if c.spans.content and c.spans.content[0] <= pos < c.spans.content[1]), None)
    if claim is None:
        return
    if trig.type == "ASSAULT":
        speaker = claim.speaker and (claim.speaker.name or claim.speaker.affiliation)
        if claim.stance == "deny":  # "denied carrying out the attack": nobody is named by a denial
            actors[:] = [a for a in actors if a.role != "actor"]
            return
        if claim.stance == "condemn":  # a condemner is never the perpetrator; nor does condemning allege
            actors[:] = [a for a in actors if not (a.role == "actor" and a.name == speaker)]
            return
        role = "claimed_by" if claim.stance == "claim_responsibility" else "alleged_perpetrator"
        for a in actors:
            if a.role == "actor":
                a.role, a.claim = role, claim.id
    elif trig.type in VERBAL and not any(a.role == "actor" for a in actors) and claim.speaker:
        name = claim.speaker.name or claim.speaker.affiliation
        if name:
            actors.insert(0, Actor(role="actor", name=name, kind=None, country=None, claim=claim.id))
