"""Classifier: the learned sentence-level PLOVER coder, and how its verdict meets the lexicon's.

A spaCy `textcat_multilabel` (en_core_web_sm's tok2vec, fine-tuned, with a bag-of-words
layer) reads each sentence together with the types the lexicon's triggers gave it, written
as marker words ("… LEXASSAULT"), and scores the 16 PLOVER types. It is trained by
`training/events/` on real reporting (NGEC's VOA judgments), synthetic stories for rare
types, sentences written here and PolNeAR sentences that report no event; its weights ship
in `sitrep/data/events/`.

`reconcile` then keeps the lexicon's triggers the coder supports; for the sentence's own act
(its main predicate and that predicate's conjuncts) it keeps the lexicon's type unless the
coder is confident of another, which then retypes it ("sent troops" is MOBILIZE, not AID);
other triggers the coder does not support are dropped ("requests for comment"); and a type
the coder is confident of that no trigger named becomes an event on the main predicate ("At
least 30 people died …"). The dependency
rules keep what they do well: participants, negation, modality, dates, places, figures.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from ...lexicon import plover, speech
from .mention import Trigger

MODEL_DIR = Path(__file__).resolve().parents[2] / "data" / "events"
KEEP = 0.20   # a lexicon trigger whose type scores below this is not kept as it is (tuned on VOA dev)
ADD = 0.50    # a type scoring at least this is an event of the sentence, trigger or not (VOA dev)


def marked(text: str, types: Iterable[str]) -> str:
    """The classifier's input: the sentence, then one marker word per lexicon type."""
    return " ".join([text.strip(), *(f"LEX{t}" for t in sorted(set(types)))])


@lru_cache(maxsize=4)
def load(path: Optional[str] = None):
    """The trained coder (the shipped one unless `path` names another), or None where the
    package was built without it."""
    folder = Path(path) if path else MODEL_DIR
    if not (folder / "meta.json").exists():
        return None
    import spacy

    return spacy.load(folder)


def sentence_scores(sents: list, triggers: list[Trigger], coder) -> list[dict[str, float]]:
    if coder is None:
        return [{} for _ in sents]
    texts = []
    for s in sents:
        types = [t.type for t in triggers if s.start <= t.token.i < s.end]
        texts.append(marked(s.text, types))
    # thinc's n-gram layer fails on an empty Doc inside a batch: only text with words is scored
    wordy = [i for i, t in enumerate(texts) if any(c.isalnum() for c in t)]
    scores: list[dict[str, float]] = [{} for _ in sents]
    for i, doc in zip(wordy, coder.pipe([texts[i] for i in wordy])):
        scores[i] = doc.cats
    return scores


def reconcile(doc, triggers: list[Trigger], coder, figure_starts: Iterable[int] = ()) -> list[Trigger]:
    """The triggers the article's events rest on, once the coder has read each sentence.
    Kept whatever the coder says: types set by PLOVER's modality rules (a promised release is
    AGREE), and physical events that a sentence counts or points back to — their figures and
    roles must reach the event ("nine people had been injured", "blamed X for the blast")."""
    if coder is None:
        return triggers
    sents = list(doc.sents)
    figures = sorted(figure_starts)
    out: list[Trigger] = []
    for sent, scores in zip(sents, sentence_scores(sents, triggers, coder)):
        mine = [t for t in triggers if sent.start <= t.token.i < sent.end]
        confident = [t for t, p in sorted(scores.items(), key=lambda kv: -kv[1]) if p >= ADD]
        counted = any(sent.start_char <= f < sent.end_char for f in figures)
        main = _main_predicate(sent)
        own = _with_conjuncts(main)
        kept = [t for t in mine if scores.get(t.type, 0.0) >= KEEP or t.by_modality or _refers_back(t)
                or (counted and t.type in plover.PHYSICAL)]
        have = {t.type for t in kept}
        missing = [t for t in confident if t not in have]
        for trig in mine:
            if trig in kept or trig.anchor.i not in own:
                continue
            if missing:  # the sentence's own act, which the coder codes otherwise
                trig.type, trig.mode, trig.source = missing.pop(0), None, "classifier"
            kept.append(trig)  # or which the coder has no confident reading of: the lexicon decides
        for etype in missing:
            if main is not None and main.pos_ in ("VERB", "AUX"):  # "item 23 ok" has no act to code
                kept.append(Trigger(main, etype, None, source="classifier"))
        out.extend(sorted(kept, key=lambda t: t.token.i))
    return out


def _refers_back(trig: Trigger) -> bool:
    """"the blast", "Sunday's attack": a definite mention of a physical event points back to
    one the article reports; it stays, whatever its sentence is mostly about, so that what the
    sentence says of it (who is blamed, the toll) reaches that event through coreference."""
    tok = trig.token
    return trig.type in plover.PHYSICAL and tok.pos_ == "NOUN" and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in tok.children)


def _with_conjuncts(verb) -> set[int]:
    """"spoke with his counterpart and condemned the attack": both are the sentence's own acts."""
    if verb is None:
        return set()
    return {verb.i} | {c.i for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")}


def _main_predicate(sent) -> Optional[object]:
    """The verb that carries the sentence's act: its root, or what a reporting root reports
    ("X said [Y fired 24 rockets]"); None for verbless fragments."""
    root = sent.root
    if root.lemma_.lower() in speech.REPORTING_VERBS:
        inner = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")), None)
        if inner is not None:
            return inner
        # "…, the agency said": the act is a clause hung from the reporting verb's left
        inner = next((c for c in root.lefts if c.dep_ in ("ccomp", "advcl", "parataxis") and c.pos_ in ("VERB", "AUX")), None)
        return inner
    return root if root.pos_ in ("VERB", "AUX", "NOUN") else None
