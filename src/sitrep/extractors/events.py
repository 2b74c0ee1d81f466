"""Events: find who did what to whom in the dependency parse and code it in PLOVER.

1. Triggers. A verb is looked up in the PLOVER lexicon by phrase ("pull out"), then,
   for a light verb ("launched an offensive", "held talks"), by its object noun,
   then by its lemma. A noun ("the attack", "airstrikes") is a trigger on its own
   unless its sense is ambiguous without a light verb ("war", "call").
2. Modality. Negated cooperation is REJECT; other negated events are dropped.
   Hypothetical events (may, could, "the decision to attack", "new attacks") are
   dropped. A promised act is AGREE if cooperative and THREATEN if hostile
   (PLOVER's own rule). The content of a commitment, demand or threat
   ("threatened to ban ...") is absorbed by it and sets the threat's mode.
3. Participants from grammatical roles: subject → actor; object, passive subject
   and "against/on/with" objects → recipient (target for ASSAULT); passive "by" →
   actor. "I"/"we" inside a quote are the quote's speaker.
4. Date: the time expression attached to the trigger's clause; else the one of
   the event it depends on; else the date of the claim that reports it.
5. Location: the place attached to the trigger through prepositions (clause);
   else a place in its sentence; else the dateline; else the article's main place.
6. Mentions of one event ("the attack", "rockets were launched") are merged when
   type, date and place agree; figures, weapons and evidence are pooled.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Optional

from ..lexicon import plover
from ..periods import date_range
from ..models import Actor, Claim, Event, EventDate, Evidence, Figure, Location, Place, TimeExpr, Weapon
from .places import datelines

FUTURE_AUX = {"will", "would", "'ll", "shall", "wo"}
HYPOTHETICAL_AUX = {"may", "might", "could", "should", "can", "must", "ca"}
HYPOTHETICAL_ADV = {"likely", "possibly", "perhaps", "probably", "potentially", "allegedly"}
HYPOTHETICAL_AMOD = {"new", "future", "further", "possible", "potential", "more", "any", "additional"}
DESIRE_VERBS = {"seek", "want", "hope", "plan", "aim", "intend", "wish", "eye", "consider",
                "risk", "need", "expect"}
INSTITUTIONS = {"treaty", "agreement", "deal", "accord", "talks", "negotiation", "organization", "organisation",
                "alliance", "union", "pact", "court", "council", "convention", "process", "mission", "coalition"}
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning", "into"}
NON_FACTIVE = {"authorize", "authorise", "permit", "allow", "entitle", "able", "refuse", "decline"}
READINESS = {"prepared", "ready", "willing", "prepare", "set", "poised"}
OBLIGATION_AUX = {"must", "should"}
SPEECH_NOUNS = {"declaration", "statement", "letter", "resolution", "communique", "message", "note",
                "report", "appeal", "call"}
# Non-military resources whose withdrawal is a SANCTION, not a RETREAT (manual, SANCTION 'withdraw').
WITHDRAWN_RESOURCES = {"inspector", "observer", "peacekeeper", "aid", "ambassador", "diplomat", "worker",
                       "staff", "monitor", "envoy", "mission", "support", "funding", "personnel"}
NON_EVENT_OBJECTS = {"information", "statement", "detail", "report", "video", "figure", "data",
                     "result", "list", "name", "image", "photo", "footage", "readout", "document"}
COREF_TYPES = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"}
THREAT_MODE = {"ASSAULT": "violence", "MOBILIZE": "violence", "PROTEST": "restrict", "RETREAT": "relations",
               "SANCTION": "relations"}
# Not "to": "attribute the attack to Iran" names a culprit, "flew to Baghdad" a destination.
LOCATION_PREPS = {"in", "near", "at", "on", "outside", "around", "inside", "across", "throughout",
                  "into", "of", "against", "toward", "towards", "over", "along", "within"}
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


class Trigger:
    def __init__(self, token, etype: str, mode: Optional[str], anchor=None):
        self.token = token          # the word that names the event
        self.anchor = anchor or token  # the verb carrying its arguments (light verb for nouns)
        self.type, self.mode = etype, mode
        self.negated = False
        self.future = False
        self.hypothetical = False
        self.absorbed_by: Optional["Trigger"] = None


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
            if trig is None and lemma in plover.VERBS and lemma not in plover.REPORTING_VERBS:
                if lemma == "release" and obj is not None and obj.lemma_.lower() in NON_EVENT_OBJECTS:
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
        _modality(trig)
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
            and tok.head.lemma_.lower() in plover.REPORTING_VERBS | {"conclude", "warn", "insist", "urge"}
            and any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in tok.children))


def _labour_context(tok) -> bool:
    words = {t.lemma_.lower() for t in tok.sent}
    return bool(words & {"worker", "union", "employee", "teacher", "labour", "labor", "wage", "pay"})


def _governing_verb(tok):
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            return node
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return tok


def _aux_words(tok) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass", "advmod", "neg")}


def _modality(trig: Trigger) -> None:
    tok = trig.token
    verb = trig.anchor if trig.anchor is not tok or tok.pos_ == "VERB" else _governing_verb(tok)
    chain = [tok] + ([verb] if verb is not tok and trig.anchor is not tok else [])
    words = set().union(*(_aux_words(t) for t in chain))
    if trig.anchor is tok and tok.pos_ == "NOUN" and verb is not tok:
        governing = _aux_words(verb)
        if governing & (HYPOTHETICAL_AUX | FUTURE_AUX | HYPOTHETICAL_ADV):
            trig.hypothetical = True
    if "would" in words and "have" in words:
        trig.hypothetical = True  # "would have to have been authorized": counterfactual
    anchor = trig.anchor
    if any(c.dep_ == "neg" for t in chain for c in t.children) or (
            anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in ("fail", "refuse")):
        trig.negated = True
    # "would be ready to host", "is prepared to lift": modality of the governing clause
    node = anchor
    for _ in range(2):
        if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in READINESS:
            words |= {"will"}
        words |= _aux_words(node) & (FUTURE_AUX | HYPOTHETICAL_AUX)
    if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("no", "any", "every") for c in tok.children):
        trig.hypothetical = True
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_AMOD for c in tok.children):
        trig.hypothetical = True
    if words & HYPOTHETICAL_AUX or words & HYPOTHETICAL_ADV:
        trig.hypothetical = True
    # "the decision to attack", "attempts to attribute": an act only named, not done
    if tok.pos_ == "VERB" and tok.dep_ in ("acl", "xcomp") and tok.head.pos_ == "NOUN" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        trig.hypothetical = True
    if verb.dep_ in ("xcomp", "dobj", "pobj") and verb.head.lemma_.lower() in DESIRE_VERBS \
            or (tok.dep_ == "dobj" and tok.head.lemma_.lower() in DESIRE_VERBS and tok is not anchor):
        trig.hypothetical = True  # "seeks to reopen negotiations": wanted, not done
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NON_FACTIVE and trig.type not in ("REJECT",):
        trig.hypothetical = True  # "not authorized to speak": no speaking happened
    if trig.type == "REQUEST" and any(c.dep_ == "xcomp" and c.lemma_.lower() in ("name", "identify", "quote")
                                      for c in anchor.children):
        trig.hypothetical = True  # "asked not to be named" is how a source stays anonymous
    if trig.type == "REQUEST" and words & OBLIGATION_AUX:
        words -= OBLIGATION_AUX
    if words & FUTURE_AUX or "going" in words:
        trig.future = True
    if trig.negated and trig.type in plover.COOPERATIVE | {"REQUEST"}:
        trig.type, trig.mode, trig.negated = "REJECT", None, False
    elif trig.negated:
        trig.hypothetical = True  # PLOVER: negated events are left out of the data
    if trig.future and not trig.hypothetical and trig.type not in plover.EMBEDDING_TYPES:
        if trig.type == "RETREAT" and not _conditional(anchor):
            trig.type, trig.mode = "AGREE", None  # a promised release or withdrawal
        elif trig.type in plover.HOSTILE:
            trig.mode = THREAT_MODE.get(trig.type, trig.mode)
            trig.type = "THREATEN"
        elif trig.type in plover.COOPERATIVE and trig.type != "CONSULT":
            trig.type, trig.mode = "AGREE", None
        elif trig.type == "CONSULT":
            trig.type, trig.mode = "AGREE", None


def _conditional(verb) -> bool:
    """'... unless X', '... if Y': a conditional promise of a hostile act is a threat."""
    return any(c.dep_ == "advcl" and any(m.lower_ in ("unless", "if") for m in c.children) for c in verb.children)


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
    live = [t for t in triggers if t.absorbed_by is None]
    for a in live:
        for b in live:
            if a is b or a.absorbed_by or b.absorbed_by or a.token.sent != b.token.sent:
                continue
            if b.token.pos_ == "NOUN" and b.token.dep_ == "dobj" and b.token.head.i == a.token.i and a.token.pos_ == "VERB":
                b.absorbed_by = a  # "send medical supplies": the supplies are what is sent
                continue
            if a.type != b.type:
                continue
            if b.token.pos_ == "NOUN" and b.token in a.token.subtree and b.token.i != a.token.i and (
                    b.token.head.dep_ == "prep" or b.token.dep_ in ("compound", "pobj", "dobj", "appos")):
                b.absorbed_by = a
                if a.mode is None:
                    a.mode = b.mode


# --- participants ---------------------------------------------------------------

def _entity_text(tok) -> str:
    doc = tok.doc
    if tok.ent_iob_ != "O" and tok.ent_type_:
        for ent in doc.ents:
            if ent.start <= tok.i < ent.end:
                text = ent.text
                # extend "Saeed Khatibzadeh" with a leading title chain "spokesman ..."
                return re.sub(r"^the\s+", "", text, flags=re.I)
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
    node = tok
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
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in plover.REPORTING_VERBS:
                return None
            node = node.head
            if node.dep_ == "prep":
                node = node.head
            continue
        if node.dep_ == "relcl":
            return node.head
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            node = node.head.head
            continue
        return None
    return None


def _objects(trig: Trigger) -> list:
    found = []
    for holder in {trig.anchor, trig.token}:
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


def participants(trig: Trigger, place_spans, speakers, gazetteer) -> list[Actor]:
    actors: list[Actor] = []
    subj = _subject(trig.anchor)
    if subj is None and trig.token.pos_ == "NOUN":
        poss = next((c for c in trig.token.children if c.dep_ == "poss"), None)
        subj = poss
        if subj is None:  # "an Israeli strike", "Iranian attack"
            for c in trig.token.children:
                if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
                    subj = c
        if subj is None:
            for c in trig.token.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    subj = next((g for g in c.children if g.dep_ == "pobj"), None)
    role_other = "target" if trig.type == "ASSAULT" else "recipient"
    passive_subject = next((c for c in trig.anchor.children if c.dep_ == "nsubjpass"), None)
    if subj is None and passive_subject is not None and trig.type in VERBAL:
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
            if tok.i == trig.token.i or plover.lookup_noun(lemma) or lemma in plover.WEAPON_MODES \
                    or two in plover.WEAPON_MODES or lemma in TIME_NOUNS:
                return  # the event itself, another event, a weapon or a time: not a participant
            if any(s <= tok.idx < e for s, e in place_spans) and tok.head.lower_ in ("in", "near", "at", "outside"):
                return  # a location, not a participant
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


TIME_NOUNS = {"time", "night", "day", "morning", "evening", "week", "month", "year", "hour", "weekend"}
PRONOUN_SET = {"it", "they", "he", "she", "i", "we", "who", "that", "which", "them"}


def _resolve_pronoun(tok, speakers) -> Optional[str]:
    low = tok.lower_
    if low in ("i", "we"):
        for (s, e), name in speakers:
            if s <= tok.idx < e:
                return name
        return None
    if low in ("who", "that", "which"):
        return _entity_text(tok.head.head) if tok.head.dep_ == "relcl" else None
    clause = tok.head
    if tok.dep_ == "nsubj" and clause.dep_ == "ccomp" and clause.head.lemma_.lower() in plover.REPORTING_VERBS:
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
    for ent in tok.doc.ents:
        if start <= ent.start and ent.end <= tok.i and ent.label_ in wanted:
            best = ent
    return re.sub(r"^the\s+", "", best.text, flags=re.I) if best is not None else None


# --- dates and places -----------------------------------------------------------

def _governor(tok, trigger_tokens: set[int]):
    """Walk up from a modifier to the first event word or verb that governs it."""
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            return node
        node = node.head
        if node.i in trigger_tokens or node.pos_ in ("VERB", "AUX"):
            return node
    return node


def _root(doc, start: int, end: int):
    """The syntactic head of the tokens covering [start, end), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _time_root(doc, t: TimeExpr):
    return _root(doc, t.start, t.end)


def _status_time(doc, t: TimeExpr) -> bool:
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
    return EventDate(value, precision, t.text)


def _compatible(a: EventDate, b: EventDate) -> bool:
    ra, rb = date_range(a.value), date_range(b.value)
    if ra is None or rb is None:
        return True
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def _is_background(d: EventDate, published: Optional[str]) -> bool:
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


def _dateline_place(doc, places: list[Place], gazetteer) -> Optional[Place]:
    """The place of the dateline: 'KABUL, Afghanistan (Reuters) —', 'BAGHDAD —'."""
    starts = {start for start, _ in datelines(doc, gazetteer)[:1]}
    return next((p for p in places if p.start in starts), None)


def _main_place(places: list[Place]) -> Optional[Place]:
    specific = [p for p in places if p.feature in ("city", "admin1", "region")]
    pool = specific or places
    if not pool:
        return None
    counts = Counter(p.geonames_id or p.name for p in pool)
    top = counts.most_common(1)[0][0]
    return next(p for p in pool if (p.geonames_id or p.name) == top)


# --- assembly -------------------------------------------------------------------

def find_events(doc, times: list[TimeExpr], places: list[Place], figures: list[Figure],
                claims: list[Claim], published: Optional[str], gazetteer=None) -> list[Event]:
    if gazetteer is None:
        from .gazetteer import Gazetteer
        gazetteer = Gazetteer.default()
    triggers = find_triggers(doc)
    trigger_tokens = {t.token.i for t in triggers} | {t.anchor.i for t in triggers}
    place_spans = [(p.start, p.end) for p in places]
    speakers = [((c.spans.content[0], c.spans.content[1]), c.speaker.name or c.speaker.affiliation)
                for c in claims if c.kind == "quote" and c.speaker and (c.speaker.name or c.speaker.affiliation)]

    # time expressions and places by the event word that governs them
    time_of: dict[int, TimeExpr] = {}
    unresolved: list[tuple[int, TimeExpr]] = []
    for t in times:
        root = _time_root(doc, t)
        if root is None or _status_time(doc, t):
            continue
        gov = _governor(root, trigger_tokens).i
        if event_date(t).value:
            time_of.setdefault(gov, t)  # the first dating expression wins
        elif t.value is None and t.type in ("DATE", "TIME"):
            unresolved.append((gov, t))
    for gov, t in unresolved:  # no publication date: "on Monday" stays, unresolved, as the date text
        time_of.setdefault(gov, t)
    place_of: dict[int, list[Place]] = {}
    for p in places:
        root = _root(doc, p.start, p.end)
        if root is None:
            continue
        node, ok = root, False
        for _ in range(10):
            if node.head.i == node.i:
                break
            if node.dep_ == "pobj" and node.head.lower_ in LOCATION_PREPS:
                ok = True
            node = node.head
            if node.i in trigger_tokens:
                if ok:
                    place_of.setdefault(node.i, []).append(p)
                break
            if node.pos_ in ("VERB", "AUX"):
                break
    dateline = _dateline_place(doc, places, gazetteer)
    main_place = _main_place(places)

    events: list[Event] = []
    for trig in triggers:
        tok = trig.token
        sent = tok.sent
        # date: own clause, then the event it hangs from, then the claim reporting it
        t = time_of.get(tok.i) or time_of.get(trig.anchor.i)
        node = trig.anchor
        for _ in range(3):
            if t is not None or node.head.i == node.i or node.dep_ not in ("conj", "advcl", "relcl", "xcomp", "acl", "pcomp", "pobj", "prep"):
                break
            node = node.head
            if node.pos_ == "VERB" and node.i not in trigger_tokens:
                break  # another predicate's time is not this event's
            t = time_of.get(node.i)
        if t is None and trig.type not in COREF_TYPES:
            t = _claim_time(doc, tok, claims, times) or _governing_time(tok, time_of)
        # place
        loc = None
        attached = place_of.get(tok.i) or place_of.get(trig.anchor.i)
        if attached:
            loc = Location.from_place(_most_specific(attached), "clause")
        else:
            in_sent = [p for p in places if sent.start_char <= p.start < sent.end_char and p is not dateline]
            if in_sent:
                loc = Location.from_place(_most_specific(in_sent), "sentence")
            elif dateline:
                loc = Location.from_place(dateline, "dateline")
            elif main_place:
                loc = Location.from_place(main_place, "article")
        mode = trig.mode
        weapons = _weapons(tok, sent) if trig.type in ("ASSAULT", "THREATEN", "MOBILIZE") else []
        if trig.type == "ASSAULT" and mode is None and weapons:
            mode = weapons[0].kind
        d = event_date(t)
        actors = participants(trig, place_spans, speakers, gazetteer)
        _attribute(actors, trig, claims)
        ev = Event(
            id=f"e{len(events) + 1}", type=trig.type, mode=mode, main=not _is_background(d, published),
            trigger=tok.text, date=d, location=loc,
            actors=actors, weapons=weapons,
            evidence=[Evidence(sentence=sent.text.strip(), start=sent.start_char, end=sent.end_char)],
        )
        ev._token = tok  # type: ignore[attr-defined]
        ev._clausal = trig.anchor is not tok or tok.pos_ == "VERB"  # type: ignore[attr-defined]
        events.append(ev)

    _attach_figures(events, figures, doc)
    _attach_origin(events, doc, places)
    events = _corefer(events)
    for n, ev in enumerate(events, 1):
        ev.id = f"e{n}"
        if hasattr(ev, "_token"):
            del ev._token, ev._clausal
    return events


VERBAL = {"AGREE", "REJECT", "ACCUSE", "SUPPORT", "REQUEST", "THREATEN", "CONCEDE"}


def _attribute(actors: list[Actor], trig: Trigger, claims: list[Claim]) -> None:
    """Who did it, per whom: a perpetrator named inside a claim is that claim's allegation."""
    pos = trig.token.idx
    claim = next((c for c in claims if c.spans.content and c.spans.content[0] <= pos < c.spans.content[1]), None)
    if claim is None:
        return
    if trig.type == "ASSAULT":
        role = "claimed_by" if claim.stance == "claim_responsibility" else "alleged_perpetrator"
        for a in actors:
            if a.role == "actor":
                a.role, a.claim = role, claim.id
    elif trig.type in VERBAL and not any(a.role == "actor" for a in actors) and claim.speaker:
        name = claim.speaker.name or claim.speaker.affiliation
        if name:
            actors.insert(0, Actor(role="actor", name=name, kind=None, country=None, claim=claim.id))


def _most_specific(places: list[Place]) -> Place:
    order = {"local": 0, "city": 1, "admin1": 2, "region": 3, "sea": 3, "country": 4, "continent": 5}
    return min(places, key=lambda p: order.get(p.feature or "", 5))


def _governing_time(tok, time_of: dict[int, TimeExpr]) -> Optional[TimeExpr]:
    """The time of the nearest clause above this one in its sentence ("issued a statement late
    Monday saying it condemned…"). Not for attacks and the like: a report's date is not theirs."""
    node = tok
    while node.head.i != node.i:  # spaCy makes a new Token per access: compare indices
        node = node.head
        if node.i in time_of:
            return time_of[node.i]
    return None


def _claim_time(doc, tok, claims: list[Claim], times: list[TimeExpr]) -> Optional[TimeExpr]:
    """The time of the statement that reports this event ("..., Blinken said late Monday")."""
    for c in claims:
        if c.kind == "quote" and c.spans.content and c.spans.content[0] <= tok.idx < c.spans.content[1] and c.spans.cue:
            cue = _root(doc, c.spans.cue[0], c.spans.cue[0] + 1)
            if cue is None:
                continue
            for t in times:
                root = _time_root(doc, t)
                if root is not None and root.sent == cue.sent and event_date(t).value and (
                        root.head == cue or root.head.head == cue or _governor(root, set()) == cue):
                    return t
    return None


def _weapons(tok, sent) -> list[Weapon]:
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


def _attach_figures(events: list[Event], figures: list[Figure], doc) -> None:
    """Each figure goes to the nearest event in its sentence that such a figure describes."""
    kind_types = {"killed": {"ASSAULT"}, "injured": {"ASSAULT"}, "weapon_count": {"ASSAULT", "THREATEN", "MOBILIZE"},
                  "kidnapped": {"ASSAULT"}, "arrested": {"COERCE", "ASSAULT"}, "missing": {"ASSAULT"},
                  "displaced": {"ASSAULT", "COERCE"}}
    for f in figures:
        sent = doc.char_span(f.start, f.end, alignment_mode="expand")
        if sent is None:
            continue
        s = sent.sent
        cands = [e for e in events if e.type in kind_types.get(f.kind, {"ASSAULT"})
                 and s.start_char <= e.evidence[0].start < s.end_char + 1 and e.evidence[0].start == s.start_char]
        if not cands:
            continue
        best = min(cands, key=lambda e: abs(e._token.idx - f.start))  # type: ignore[attr-defined]
        best.figures.append(f)


def _attach_origin(events: list[Event], doc, places: list[Place]) -> None:
    """Where an attack came from: "rockets originated from Kirkuk Province", "fired from X"."""
    for p in places:
        root = _root(doc, p.start, p.end)
        if root is None or not (root.dep_ == "pobj" and root.head.lower_ == "from"):
            continue
        verb = root.head.head
        if verb.lemma_.lower() not in ("originate", "fire", "launch", "come", "shoot"):
            continue
        weapon_words = {w.lemma_.lower() for w in verb.sent} & set(plover.WEAPON_MODES)
        for ev in events:
            if ev.type == "ASSAULT" and ev.main and (weapon_words or ev.evidence[0].start == verb.sent.start_char):
                if ev.origin is None:
                    ev.origin = Location.from_place(p, "sentence")
                break


def _nested(prev: Event, ev: Event) -> bool:
    """'an attack ... that killed one contractor': the clause describes the same event."""
    a, b = prev._token, ev._token  # type: ignore[attr-defined]
    return a.sent == b.sent and b in a.subtree and b.dep_ in ("relcl", "acl", "advcl", "conj", "xcomp")


def _anaphoric(ev: Event) -> bool:
    """A mention that can point back: a clause with no new date, or 'the/this/Sunday's attack'."""
    tok = ev._token  # type: ignore[attr-defined]
    light = ev._clausal and tok.pos_ == "NOUN"  # type: ignore[attr-defined]  # "rockets were launched"
    gerund = tok.pos_ == "VERB" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")  # "Fighting has displaced"
    if light or (tok.pos_ == "VERB" and not gerund):
        return True
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these"))
               for c in tok.children)


def _corefer(events: list[Event]) -> list[Event]:
    """Merge the mentions of one event. Within a sentence a clause hanging from the event
    word describes it; across sentences, mentions of the same type whose dates and places
    agree are one event (news rarely reports two attacks of one day in one place)."""
    out: list[Event] = []
    for ev in events:
        target = None
        if ev.type in COREF_TYPES:
            for prev in out:
                if prev.type != ev.type or not _compatible(prev.date, ev.date):
                    continue
                if _nested(prev, ev):
                    ev.actors = [a for a in ev.actors if a.role != "actor"]
                    target = prev
                    break
                if prev.main == ev.main and _same_place(prev, ev) and _anaphoric(ev):
                    target = prev
                    break
        if target is None:
            out.append(ev)
            continue
        _merge_into(target, ev)
    return out


def _same_place(a: Event, b: Event) -> bool:
    if not a.location or not b.location or b.location.basis in ("article", "dateline", "sentence"):
        return True
    if a.location.basis in ("article", "dateline", "sentence"):
        return True
    return a.location.country == b.location.country


def _merge_into(target: Event, ev: Event) -> None:
    if not target.date.value and ev.date.value:
        target.date = ev.date
    if ev.location and (not target.location or _rank(ev.location) < _rank(target.location)):
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


def _rank(loc: Location) -> int:
    return {"clause": 0, "sentence": 1, "dateline": 2, "article": 3}.get(loc.basis or "", 4)
