"""Score sitrep's claims on PolNeAR-style attribution data (brat standoff).

    python benchmarks/attribution.py [DIR] [--limit N]

DIR (default ../shared/corpora/polnear/dev) holds `attributions/*.ann` and `text/*.txt`.
Every article runs through sitrep; each claim gives its source, cue and content spans.
PolNeAR is a tag sequence (a token carries one label), so a discontinuous gold span is
its fragments, and spans are compared after trimming white space. Printed for source,
cue and content: precision, recall and F1 with exact matching and with overlap
(a predicted span counts once, for the first gold span it overlaps).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training" / "attribution"))
from polnear import LABELS, articles  # noqa: E402
from scoring import prf_text  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "polnear" / "dev"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def predicted_spans(extraction, text: str) -> list[tuple[int, int, str]]:
    out = set()
    for claim in extraction.claims:
        contents = claim.spans.content_parts or [claim.spans.content]
        for label, span in [("Source", claim.spans.source), ("Cue", claim.spans.cue)] + [
                ("Content", part) for part in contents]:
            if span:
                start, end = trim(text, span[0], span[1])
                if end > start:
                    out.add((start, end, label))
    return sorted(out)


class Counts:
    def __init__(self):
        self.exact = self.overlap = self.pred = self.gold = 0

    def add(self, pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> None:
        self.pred += len(pred)
        self.gold += len(gold)
        gold_set = set(gold)
        self.exact += sum(p in gold_set for p in pred)
        used = set()
        for p in pred:
            hit = next((g for g in gold if g not in used and p[0] < g[1] and g[0] < p[1]), None)
            if hit is not None:
                used.add(hit)
                self.overlap += 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    if not (args.folder / "attributions").is_dir():
        print(f"{args.folder}: no attributions/ folder (PolNeAR lives in ../shared/corpora/polnear/)",
              file=sys.stderr)
        return 2
    import sitrep

    counts = {label: Counts() for label in LABELS}
    n = 0
    start = time.perf_counter()
    for name, text, gold in articles(args.folder):
        if args.limit and n >= args.limit:
            break
        n += 1
        extraction = sitrep.extract(text, source=name)
        pred = predicted_spans(extraction, text)
        for label in LABELS:
            counts[label].add([(s, e) for s, e, lab in pred if lab == label],
                              [(s, e) for s, e, lab in gold if lab == label])
    elapsed = time.perf_counter() - start
    print(f"{args.folder}: {n} articles, {elapsed:.0f}s")
    for label in LABELS:
        c = counts[label]
        print(f"{label.lower():8} (gold {c.gold:5}, sitrep {c.pred:5})  exact {prf_text(c.exact, c.pred, c.gold)}"
              f"   overlap {prf_text(c.overlap, c.pred, c.gold)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
