"""Train the place model (sitrep/extractors/place_model.py) and write its weights.

    python training/places/train.py [--out src/sitrep/data/places/model.json]

Examples are the gazetteer-matched capitalised names that the recognition rules did not
take, in GeoWebNews' train split (gwn.py: 120 articles, seed 20261204), in written.jsonl
(sentences written for this model: towns under 100,000 people, people named like places)
and in templates.py (wire-style templates filled with real small towns and place-like
first names, drawn with a fixed seed).
A candidate is positive when it is exactly a gold place name. The model is a logistic
regression (numpy, L2, full-batch gradient descent: deterministic; every candidate weighs
the same); the threshold is its decision boundary, 0.5: the place-name F1 of the whole
recogniser on the dev split (40 articles), printed for every threshold, is flat within
about a point, too little to tune on.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gwn import GWN, TOPONYM, articles, place_name, split  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE.parents[1] / "src" / "sitrep" / "data" / "places" / "model.json"
L2 = 1.0
WRITTEN_WEIGHT = 1.0  # written and templated sentences weigh as much as GeoWebNews' candidates
THRESHOLD = 0.5
STEPS = 3000
RATE = 0.5


def parse(texts):
    from sitrep.pipeline import nlp

    pipe = nlp()
    with pipe.select_pipes(enable=["tok2vec", "tagger", "sitrep_paragraphs", "parser", "attribute_ruler",
                                   "lemmatizer", "ner"]):
        yield from pipe.pipe(texts)


def examples(docs_and_gold):
    """(features, label, rule spans, gold, ignore, candidate span) per document."""
    from sitrep.geodata.gazetteer import Gazetteer
    from sitrep.extractors.places import model_candidates, toponym_spans

    gaz = Gazetteer.default()
    for doc, gold, ignore in docs_and_gold:
        rules = toponym_spans(doc, gaz, use_model=False)
        rows = []
        for cand, x in model_candidates(doc, gaz, rules):
            span = (cand.start, cand.end)
            if span in ignore:
                continue  # an adjective or a name inside a name: neither right nor wrong
            rows.append((x, float(span in gold), span))
        yield rules, gold, ignore, rows


def gwn_docs(indices, data):
    texts = [data[i][0] for i in indices]
    for i, doc in zip(indices, parse(texts)):
        gold = {(g["start"], g["end"]) for g in data[i][1] if place_name(g)}
        ignore = {(g["start"], g["end"]) for g in data[i][1] if g["type"] in TOPONYM and not place_name(g)}
        yield doc, gold, ignore


def written_docs():
    from templates import sentences

    from sitrep.geodata.gazetteer import Gazetteer

    lines = [json.loads(line) for line in (HERE / "written.jsonl").read_text(encoding="utf-8").splitlines() if line]
    lines += sentences(Gazetteer.default())
    for item, doc in zip(lines, parse([x["text"] for x in lines])):
        gold = set()
        for name in item["places"]:
            start = item["text"].index(name)
            gold.add((start, start + len(name)))
            if name in item["text"][start + len(name):]:  # a town drawn twice in one sentence
                start = item["text"].index(name, start + len(name))
                gold.add((start, start + len(name)))
        yield doc, gold, set()


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, float]:
    w, b = np.zeros(x.shape[1]), 0.0
    n = weight.sum()
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = weight * (p - y)
        w -= RATE * ((x.T @ g) / n + L2 * w / n)
        b -= RATE * float(g.sum() / n)
    return w, b


def f1(tp, fp, n):
    p, r = tp / max(tp + fp, 1), tp / max(n, 1)
    return 2 * p * r / max(p + r, 1e-9), p, r


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if not GWN.exists():
        print(f"{GWN}: not found (../shared/corpora/geowebnews)", file=sys.stderr)
        return 2
    from sitrep.extractors.place_model import FEATURES

    data = articles()
    parts = split(len(data))
    train = [row for *_, rows in examples(gwn_docs(parts["train"], data)) for row in rows]
    n_gwn = len(train)
    train += [row for *_, rows in examples(written_docs()) for row in rows]
    x = np.array([r[0] for r in train])
    y = np.array([r[1] for r in train])
    weight = np.array([1.0] * n_gwn + [WRITTEN_WEIGHT] * (len(train) - n_gwn))
    print(f"train: {len(y)} candidates, {int(y.sum())} places")
    w, b = fit(x, y, weight)
    dev = list(examples(gwn_docs(parts["dev"], data)))
    n_gold = sum(len(gold) for _, gold, _, _ in dev)
    rule_tp = sum(len(set(rules) & gold) for rules, gold, _, _ in dev)
    rule_fp = sum(len(set(rules) - gold - ignore) for rules, gold, ignore, _ in dev)
    scored = [(1 / (1 + np.exp(-(np.array(x) @ w + b))), label) for *_, rows in dev for x, label, _ in rows]
    base = f1(rule_tp, rule_fp, n_gold)
    print(f"dev, rules alone: F1 {100 * base[0]:.1f} (P {100 * base[1]:.1f} R {100 * base[2]:.1f}), "
          f"{len(scored)} candidates, {int(sum(l for _, l in scored))} of them places")
    curve = []
    for t in np.arange(0.30, 0.96, 0.05):
        tp = rule_tp + sum(1 for p, l in scored if p >= t and l)
        fp = rule_fp + sum(1 for p, l in scored if p >= t and not l)
        score = f1(tp, fp, n_gold)
        print(f"  threshold {t:.2f}: F1 {100 * score[0]:.1f} (P {100 * score[1]:.1f} R {100 * score[2]:.1f})")
        curve.append((score[0], round(float(t), 2)))
    # the curve on 40 articles is flat within about a point (a few names either way), too
    # little to tune on: the model's own decision boundary is kept, the curve reported
    best = next(c for c in curve if c[1] == THRESHOLD)
    print(f"chosen threshold {best[1]} (dev F1 {100 * best[0]:.1f})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "features": list(FEATURES), "weights": [round(float(v), 5) for v in w], "bias": round(b, 5),
        "threshold": best[1], "trained_on": f"GeoWebNews train split (seed in gwn.py) + written.jsonl, "
                                           f"{len(y)} candidates"}, indent=1) + "\n", encoding="utf-8")
    for name, v in sorted(zip(FEATURES, w), key=lambda p: -abs(p[1])):
        print(f"  {name:<18} {v:+.2f}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
