"""Articles per second and peak memory for `sitrep extract` over a folder of articles.

    python benchmarks/throughput.py [PATH ...] [--repeat N]

Defaults to the bundled samples plus ../shared/samples. Reads the articles with
sitrep.read, runs the full extraction on each (the spaCy model and gazetteer are
loaded before the clock starts, and reported separately), and prints articles/s,
tokens/s and the process's peak resident memory.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5, help="passes over the articles (default 5)")
    args = ap.parse_args()
    paths = args.paths or [p for p in (ROOT / "samples", ROOT.parent / "shared" / "samples") if p.exists()]
    import sitrep
    from sitrep.pipeline import nlp

    t0 = time.perf_counter()
    nlp()
    sitrep.extract("Police arrested two men in Nairobi on Monday.", published="2024-01-02")  # warm the gazetteer
    load = time.perf_counter() - t0
    articles = [a for a in sitrep.read(paths) if isinstance(a, sitrep.Article)]
    if not articles:
        print("no articles found", file=sys.stderr)
        return 2
    tokens = sum(len(a.text.split()) for a in articles) * args.repeat
    start = time.perf_counter()
    events = 0
    for _ in range(args.repeat):
        for x in sitrep.extract_articles(articles):
            events += len(x.events)
    elapsed = time.perf_counter() - start
    n = len(articles) * args.repeat
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(articles)} articles x {args.repeat} passes = {n} extractions, {events} events")
    print(f"model + gazetteer load: {load:.2f}s")
    print(f"throughput: {n / elapsed:.2f} articles/s ({tokens / elapsed:,.0f} words/s), {elapsed / n * 1000:.0f} ms/article")
    print(f"peak memory: {peak_mb:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
