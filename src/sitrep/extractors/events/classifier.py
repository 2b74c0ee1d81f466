"""Classifier: the learned sentence-level PLOVER coder, and how its verdict meets the lexicon's.

A spaCy `textcat_multilabel` (en_core_web_sm's tok2vec, fine-tuned, with a bag-of-words
layer) reads each sentence together with the types the lexicon's triggers gave it, written
as marker words ("… LEXASSAULT"), and scores the 16 PLOVER types. It is trained by
`training/events/` on real reporting (NGEC's VOA judgments), synthetic stories for rare
types, sentences written here and PolNeAR sentences that report no event; its weights ship
in `sitrep/data/events/`.

`reconcile` then keeps the lexicon's triggers the coder supports, retypes the sentence's main
trigger when the coder codes it otherwise ("sent troops" is MOBILIZE, not AID), drops the
ones it does not support, and adds an event on the sentence's main predicate for a type the
coder is confident of and no trigger named ("At least 30 people died …"). The dependency
rules keep what they do well: participants, negation, modality, dates, places, figures.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from ...lexicon import speech
from .mention import Trigger

MODEL_DIR = Path(__file__).resolve().parents[2] / "data" / "events"
KEEP = 0.10   # a lexicon trigger whose type scores below this is not kept as it is
ADD = 0.50    # a type scoring at least this is an event of the sentence, trigger or not


def marked(text: str, types: Iterable[str]) -> str:
    """The classifier's input: the sentence, then one marker word per lexicon type."""
    return " ".join([text.strip(), *(f"LEX{t}" for t in sorted(set(types)))])


@lru_cache(maxsize=1)
def model():
    """The trained coder, or None where the package was built without it."""
    if not (MODEL_DIR / "meta.json").exists():
        return None
    import spacy

    return spacy.load(MODEL_DIR)


def sentence_scores(sents: list, triggers: list[Trigger]) -> list[dict[str, float]]:
    coder = model()
    if coder is None:
        return [{} for _ in sents]
    texts = []
    for s in sents:
        types = [t.type for t in triggers if s.start <= t.token.i < s.end]
        texts.append(marked(s.text, types))
    return [d.cats for d in coder.pipe(texts)]


def reconcile(doc, triggers: list[Trigger]) -> list[Trigger]:
    if model() is None:
        return triggers
    sents = list(doc.sents)
    out: list[Trigger] = []
    for sent, scores in zip(sents, sentence_scores(sents, triggers)):
        mine = [t for t in triggers if sent.start <= t.token.i < sent.end]
        confident = [t for t, p in sorted(scores.items(), key=lambda kv: -kv[1]) if p >= ADD]
        kept = [t for t in mine if scores.get(t.type, 0.0) >= KEEP]
        have = {t.type for t in kept}
        missing = [t for t in confident if t not in have]
        main = _main_predicate(sent)
        for trig in mine:
            if trig in kept or not missing:
                continue
            if main is not None and trig.anchor.i == main.i:  # the sentence's own act, coded otherwise
                trig.type, trig.mode, trig.source = missing.pop(0), None, "classifier"
                kept.append(trig)
        for etype in missing:
            if main is not None:
                kept.append(Trigger(main, etype, None, source="classifier"))
        out.extend(sorted(kept, key=lambda t: t.token.i))
    return out


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
