"""Train the place ranker (sitrep/geodata/ranker.py) and write its weights.

    python training/places/train_ranker.py [--out src/sitrep/data/places/ranker.json]

Examples: every gold toponym with coordinates in GeoWebNews' train split (gwn.py: 120
articles, seed 20261204), resolved from its gold span in its article's context, one row per
gazetteer candidate. A candidate is positive when it is the candidate nearest the gold point
and within 161 km; a mention with no such candidate has only negatives (the ranker learns to
abstain there). Logistic regression as train.py fits it (numpy, L2, deterministic). The
threshold is the decision boundary, 0.5 (a name is placed when its best candidate is more
likely right than wrong, or lies in a country the story names: sitrep/extractors/places.py);
the dev split's accuracy and abstention are printed for a range of thresholds (on the
probability alone) to show what it trades.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gwn import GWN, TOPONYM, articles, split  # noqa: E402
from train import fit, parse  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE.parents[1] / "src" / "sitrep" / "data" / "places" / "ranker.json"
THRESHOLD = 0.5
WITHIN_KM = 161.0


def mentions(indices, data):
    """(rows, gold point) per gold toponym with coordinates, its candidates' features in rows."""
    from sitrep.geodata.gazetteer import Gazetteer
    from sitrep.extractors.places import mention_candidates, ranked_rows, ranking_context, story_countries

    gaz = Gazetteer.default()
    texts = [data[i][0] for i in indices]
    for i, doc in zip(indices, parse(texts)):
        gold = [g for g in data[i][1] if g["type"] in TOPONYM and g["lat"] is not None]
        context = story_countries(doc, gaz)
        found = mention_candidates(doc, gaz, [(g["start"], g["end"]) for g in gold], context)
        ctx = ranking_context(doc, gaz, found, context)
        for g, m in zip(gold, found):
            if m.candidates:
                yield ranked_rows(doc, m, ctx), (g["lat"], g["lon"])


def labelled(rows, point) -> list[tuple[list[float], float, float]]:
    """(features, label, error km) per candidate: the nearest candidate within 161 km is right."""
    from sitrep.geo import km

    errors = [km(e.lat, e.lon, *point) if e.lat is not None else 20039.0 for e, _ in rows]
    best = min(range(len(rows)), key=errors.__getitem__)
    return [(x, float(k == best and errors[k] <= WITHIN_KM), errors[k]) for k, (_, x) in enumerate(rows)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if not GWN.exists():
        print(f"{GWN}: not found (../shared/corpora/geowebnews)", file=sys.stderr)
        return 2
    from sitrep.geodata.ranker import FEATURES, Ranker

    data = articles()
    parts = split(len(data))
    train = [labelled(rows, point) for rows, point in mentions(parts["train"], data)]
    flat = [r for m in train for r in m]
    x, y = np.array([r[0] for r in flat]), np.array([r[1] for r in flat])
    w, b = fit(x, y, np.ones(len(y)))
    print(f"train: {len(train)} mentions, {len(flat)} candidates, {int(y.sum())} right ones")
    for name, weight in sorted(zip(FEATURES, w), key=lambda p: -abs(p[1])):
        print(f"  {name:22} {weight:+.3f}")
    dev = [labelled(rows, point) for rows, point in mentions(parts["dev"], data)]
    print("dev (gold spans with candidates): threshold, accuracy@161 of placed, abstained, mean km of placed")
    for t in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        ranker = Ranker(list(map(float, w)), float(b), t)
        placed = []
        for m in dev:
            p, err = max(((ranker.probability(x), e) for x, _, e in m), key=lambda pe: pe[0])
            if p >= t:
                placed.append(err)
        acc = sum(e <= WITHIN_KM for e in placed) / max(len(placed), 1)
        print(f"  {t:.1f}  {100 * acc:5.1f}%  {100 * (1 - len(placed) / len(dev)):5.1f}%  "
              f"{sum(placed) / max(len(placed), 1):7.0f}")
    args.out.write_text(json.dumps({"features": list(FEATURES), "weights": [round(float(v), 5) for v in w],
                                    "bias": round(float(b), 5), "threshold": THRESHOLD}, indent=1) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
