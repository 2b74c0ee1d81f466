"""Read the event-type training sources into (text, labels) sentences with a fixed split.

Sources, all read in place from ../shared (never copied into the repository):

* NGEC VOA (`corpora/ngec-voa/train.jsonl`): sentence-level positives from real Voice of
  America articles, one PLOVER type judged at a time by a codebook-following language model.
  A quote is positive for every type it was judged positive for (the same quote can back
  several) and taken as negative for the others: the annotator chose it as the clearest
  evidence of its type, and the benchmark scores one gold type per sentence.
* NGEC synthetic stories (`corpora/ngec-synthetic/`): each story's headline and first
  sentence, for the story's type. Training only; never scored.
* PolNeAR articles (`corpora/polnear/`): sentences with no word of the PLOVER lexicon and no
  violent, political or diplomatic noun are kept as negatives (no type at all); checked by
  hand on a sample (campaign logistics, polling numbers, biography).
* `written.jsonl` beside this file: sentences written here for what a verb list cannot
  decide (restrictions lifted vs imposed, visits made vs called off, troops sent vs
  withdrawn, demands through "must", legal and diplomatic acts, reports that are not events).

* PLOVER's gold records (`reference/plover/PLOVER_GSR_dev.json`, 166 human-coded sentences):
  the shipped model trains on all of them (three copies each: they are few and the only human
  gold); the figure reported for them comes from 5-fold cross-validation (`gsr_folds`), each
  fold's model trained without that fold.

Split: by document (VOA `doc_id`, PolNeAR article), 70/15/15 train/dev/test with
`random.Random(SEED)` over the sorted document ids; GSR folds by record, same seed.
"""
from __future__ import annotations

import csv
import io
import json
import random
import re
import zipfile
from pathlib import Path
from typing import Iterator

from sitrep.lexicon.plover import EVENT_TYPES

SEED = 20261125
TYPES = EVENT_TYPES  # PLOVER's 16, from sitrep's contract
HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1].parent / "shared"


def split_of(doc_ids: list[str], seed: int = SEED) -> dict[str, str]:
    """train/dev/test for each document id, 70/15/15, fixed seed."""
    ids = sorted(set(doc_ids))
    random.Random(seed).shuffle(ids)
    n = len(ids)
    cut1, cut2 = int(n * 0.70), int(n * 0.85)
    return {d: ("train" if i < cut1 else "dev" if i < cut2 else "test") for i, d in enumerate(ids)}


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def voa(shared: Path = SHARED) -> Iterator[tuple[str, str, set[str]]]:
    """(split, quote, types) for every positive VOA judgment, quotes merged within a document."""
    rows = [json.loads(line) for line in (shared / "corpora/ngec-voa/train.jsonl").open(encoding="utf-8")]
    rows = [r for r in rows if r["label"] == 1 and r["quote"]]
    split = split_of([r["doc_id"] for r in rows])
    merged: dict[tuple[str, str], set[str]] = {}
    for r in rows:
        merged.setdefault((r["doc_id"], clean(r["quote"])), set()).add(r["type"])
    for (doc_id, quote), types in merged.items():
        yield split[doc_id], quote, types


def synthetic(shared: Path = SHARED) -> Iterator[tuple[str, set[str]]]:
    """(sentence, {type}) from each synthetic story's headline and first sentence."""
    path = shared / "corpora/ngec-synthetic/gpt_synthetic_events_2023-10-19_19.csv.zip"
    with zipfile.ZipFile(path) as z:
        name = z.namelist()[0]
        for row in csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8")):
            if row["label"] not in TYPES:
                continue
            headline = clean(row["prompt"].split("\n")[0])
            first = clean(re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", row["text"].strip(), maxsplit=1)[0])
            for text in (headline, first):
                if 20 <= len(text) <= 300:
                    yield text, {row["label"]}


def written() -> Iterator[tuple[str, set[str]]]:
    for line in (HERE / "written.jsonl").open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            yield r["text"], set(r["types"])


def polnear_sentences(shared: Path = SHARED) -> Iterator[tuple[str, str, str]]:
    """(article, split, sentence) for PolNeAR's train and dev articles (dev articles → test)."""
    folders = [shared / "corpora/polnear/train", shared / "corpora/polnear/dev"]
    names = []
    texts = []
    for folder in folders:
        for path in sorted((folder / "text").glob("*.txt")):
            names.append((folder.name, path.stem))
            texts.append(path.read_text(encoding="utf-8"))
    split = split_of([n for f, n in names if f == "train"])
    for (folder, name), text in zip(names, texts):
        s = "test" if folder == "dev" else {"test": "dev"}.get(split[name], split[name])
        for para in text.split("\n"):
            for sent in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])|(?<=[.!?][\"”])\s+(?=[A-Z\"“])", para):
                sent = clean(sent)
                if 40 <= len(sent) <= 300:
                    yield name, s, sent


GSR_FOLDS = 5
GSR_COPIES = 3


def gsr(shared: Path = SHARED) -> list[tuple[str, str, set[str]]]:
    """(record id, sentence, {type}) for PLOVER's gold records, old categories mapped to v2."""
    old = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
    out = []
    for r in json.loads((shared / "reference/plover/PLOVER_GSR_dev.json").read_text(encoding="utf-8")):
        if r.get("event") in (None, "DOCUMENT") or not r.get("text"):
            continue
        out.append((r["id"], r["text"].strip().strip("{}"), {old.get(r["event"], r["event"])}))
    return out


def gsr_folds(shared: Path = SHARED) -> dict[str, int]:
    """Fold 0..4 of each GSR record id, fixed seed."""
    ids = sorted(r for r, _, _ in gsr(shared))
    random.Random(SEED).shuffle(ids)
    return {rid: i % GSR_FOLDS for i, rid in enumerate(ids)}
