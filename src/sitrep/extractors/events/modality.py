"""Modality: which found triggers are real, done events.

Negated cooperation is REJECT; other negated events are dropped. Hypothetical events (may,
could, "the decision to attack", "new attacks") are dropped. A promised act is AGREE if
cooperative and THREATEN if hostile (PLOVER's own rule).
"""
from __future__ import annotations

from ...lexicon import plover
from .mention import Trigger

FUTURE_AUX = {"will", "would", "'ll", "shall", "wo"}
HYPOTHETICAL_AUX = {"may", "might", "could", "should", "can", "must", "ca"}
HYPOTHETICAL_ADV = {"likely", "possibly", "perhaps", "probably", "potentially", "allegedly"}
HYPOTHETICAL_AMOD = {"new", "future", "further", "possible", "potential", "more", "any", "additional"}
DESIRE_VERBS = {"seek", "want", "hope", "plan", "aim", "intend", "wish", "eye", "consider",
                "risk", "need", "expect"}
NON_FACTIVE = {"authorize", "authorise", "permit", "allow", "entitle", "able", "refuse", "decline"}
READINESS = {"prepared", "ready", "willing", "prepare", "set", "poised"}
OBLIGATION_AUX = {"must", "should"}
THREAT_MODE = {"ASSAULT": "violence", "MOBILIZE": "violence", "PROTEST": "restrict", "RETREAT": "relations",
               "SANCTION": "relations"}
# Not "to": "attribute the attack to Iran" names a culprit, "flew to Baghdad" a destination.


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


def apply_modality(trig: Trigger) -> None:
    before = trig.type
    _apply(trig)
    trig.by_modality = trig.type != before


def _apply(trig: Trigger) -> None:
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
    if tok.pos_ == "NOUN" and tok.dep_ == "attr" and anchor.i == tok.i:
        trig.hypothetical = True  # "any attack on the coalition is an attack on the Peshmerga": a label
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if", "unless") for c in anchor.children):
        trig.hypothetical = True  # "whether Iran will allow more attacks": an open question
    first = _first_conjunct(anchor)
    if first.pos_ == "VERB" and first.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children):
        trig.hypothetical = True  # "reached out to X to discuss the incident and to pledge…": a purpose
    if trig.type == "REQUEST" and anchor.lemma_.lower() in DESIRE_VERBS and any(c.dep_ == "xcomp" for c in anchor.children):
        trig.hypothetical = True  # "seeks to reopen negotiations": wanting to, not asking
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_AMOD for c in tok.children):
        trig.hypothetical = True
    if words & HYPOTHETICAL_AUX or words & HYPOTHETICAL_ADV:
        trig.hypothetical = True
    # "the decision to attack", "efforts to investigate and hold accountable": an act only named
    if tok.pos_ == "VERB" and first.dep_ in ("acl", "xcomp") and first.head.pos_ == "NOUN" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in first.children):
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


def _first_conjunct(tok):
    """"to investigate and hold accountable": a conjunct shares the first one's clause type."""
    for _ in range(5):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _conditional(verb) -> bool:
    """'... unless X', '... if Y': a conditional promise of a hostile act is a threat."""
    return any(c.dep_ == "advcl" and any(m.lower_ in ("unless", "if") for m in c.children) for c in verb.children)
