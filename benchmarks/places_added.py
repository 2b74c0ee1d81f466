"""What the place model adds on news it was not trained on: the places found only with it, for an
analyst to judge, and the events they locate.

    python benchmarks/places_added.py [--stories 300] [--show 40]

Reads the first --stories synthetic conflict stories of ../shared/corpora/ngec-synthetic (written
by a language model from real headlines: varied places, no place gold), extracts each with the
place model and without it, and prints how many places and located events each gives, and the
names only the model found, each with its context, so that precision can be read by eye.
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
import zipfile
from pathlib import Path

SYNTHETIC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ngec-synthetic" / \
    "gpt_synthetic_events_2023-10-19_19.csv.zip"


def stories(n: int) -> list[str]:
    with zipfile.ZipFile(SYNTHETIC) as archive, archive.open(archive.namelist()[0]) as raw:
        rows = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))
        return [row["text"] for row, _ in zip(rows, range(n))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=300)
    ap.add_argument("--show", type=int, default=40)
    args = ap.parse_args()
    if not SYNTHETIC.exists():
        print(f"{SYNTHETIC}: not found", file=sys.stderr)
        return 2
    import sitrep
    from sitrep.extractors import place_model

    texts = stories(args.stories)
    runs = {}
    for label in ("with the model", "rules only"):
        if label == "rules only":
            place_model.model.cache_clear()
            place_model.MODEL_PATH = Path("/nonexistent")  # the package without its weights
        runs[label] = [sitrep.extract(t, published="2023-10-19") for t in texts]
    for label, xs in runs.items():
        places = sum(len(x.places) for x in xs)
        events = sum(len(x.events) for x in xs)
        located = sum(1 for x in xs for e in x.events if e.location and e.location.basis in ("clause", "sentence"))
        print(f"{label:>15}: {places} places, {events} events, {located} located by their clause or sentence")
    added = []
    for text, new, old in zip(texts, runs["with the model"], runs["rules only"]):
        before = {(p.start, p.end) for p in old.places}
        added += [(p, text) for p in new.places if (p.start, p.end) not in before]
    print(f"{len(added)} places only the model found; the first {min(args.show, len(added))}:")
    for p, text in added[: args.show]:
        context = text[max(0, p.start - 50):p.end + 30].replace("\n", " ")
        print(f"  {p.text!r} -> {p.name}, {p.country} ({p.feature})  …{context}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
