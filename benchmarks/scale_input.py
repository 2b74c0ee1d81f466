"""Extraction time as one article grows: the per-character cost must stay flat.

    python benchmarks/scale_input.py [--sizes 10000,20000,40000,80000,160000]

Three kinds of text, cut to each size: prose (real news, PolNeAR dev articles joined, or the
bundled samples where ../shared is absent), the same prose with every punctuation mark and line
break removed (one endless sentence, the worst case for a parser-driven pipeline), and that in
Title Case (every word a capitalised run: the worst case for place-name candidates). Prints
seconds and microseconds per character for each size, the ratio of the largest size's
per-character cost to the smallest's (target: within 2×), and the process's peak memory.
"""
from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "corpora" / "polnear" / "dev" / "text"


def prose(n: int) -> str:
    files = sorted(POLNEAR.glob("*.txt")) if POLNEAR.is_dir() else sorted((ROOT / "samples").glob("*.txt"))
    text = ""
    while len(text) < n:
        for f in files:
            text += f.read_text(encoding="utf-8") + "\n\n"
            if len(text) >= n:
                break
    return text[:n]


def unpunctuated(n: int) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", prose(n * 2)))[:n]


def title_case(n: int) -> str:
    return unpunctuated(n).title()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,20000,40000,80000,160000")
    ap.add_argument("--kinds", help="comma-separated: prose, no punctuation, Title Case (default: all)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    import sitrep

    sitrep.extract("Police arrested two men in Nairobi on Monday.", published="2024-01-02")  # load models
    kinds = {"prose": prose, "no punctuation": unpunctuated, "Title Case": title_case}
    ap_kinds = [k.strip() for k in args.kinds.split(",")] if args.kinds else list(kinds)
    for name, make in ((k, kinds[k]) for k in ap_kinds):
        per_char = []
        for n in sizes:
            text = make(n)
            start = time.perf_counter()
            x = sitrep.extract(text, published="2016-10-01")
            took = time.perf_counter() - start
            per_char.append(took / len(text) * 1e6)
            print(f"{name:<15} {len(text):>8,} chars  {took:7.2f} s  {per_char[-1]:6.1f} µs/char  "
                  f"{len(x.events)} events", flush=True)
        print(f"{name:<15} per-character cost, largest / smallest: {per_char[-1] / per_char[0]:.2f}×")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
