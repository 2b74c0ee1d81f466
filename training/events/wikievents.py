"""WikiEvents' dev articles (real attack and arrest news with document-level argument gold) and
their fixed split.

The split is by article, seeded, and recorded here so every script agrees on it: rules and
thresholds are tuned on `tune`, and `benchmarks/arguments.py --split test` is the held-out figure,
run once at the end of an issue.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

WIKIEVENTS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "wikievents"
SEED = 20261207
TUNE = 10  # of 20 articles; the other 10 are the test half


def articles(folder: Path = WIKIEVENTS) -> list[dict]:
    """The articles of dev.jsonl in file order, each with its entity clusters under `clusters`."""
    clusters = {}
    for line in (folder / "dev.coref.jsonlines").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            clusters[row["doc_key"]] = row["clusters"]
    out = []
    for line in (folder / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            doc["clusters"] = clusters.get(doc["doc_id"], [])
            out.append(doc)
    return out


def split(doc_ids: list[str]) -> dict[str, list[str]]:
    """Doc ids of each half: a seeded shuffle of the sorted ids cut into tune and test."""
    order = sorted(doc_ids)
    random.Random(SEED).shuffle(order)
    return {"tune": sorted(order[:TUNE]), "test": sorted(order[TUNE:])}
