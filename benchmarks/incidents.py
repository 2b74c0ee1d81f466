"""Incidents: how well reports are merged, and what merging costs as the store grows.

    python benchmarks/incidents.py --scale [--sizes 1000,10000,100000,1000000] [--db-dir /tmp]
    python benchmarks/incidents.py --meantime [--split dev|test|both]
    python benchmarks/incidents.py --clusters [--split dev|test|both] [--show]

--scale    fills a SQLite store with synthetic articles (real extractions of the bundled
           samples and the founding article, moved in time over 2019–2025 and in space over
           50 countries, new ids each) through `Store.add_many`, the path every ingest takes,
           up to each size in stored events; then stores 200 new articles (varied the same way)
           one by one and prints ms per article spent storing and merging (NLP excluded), and
           the candidate incidents examined per record. Flat ms from 10^3 to 10^6 events means
           the index, not a scan, finds candidates.
--meantime scores the cross-document merge on MEANTIME's gold chains (benchmarks/meantime.py):
           every document extracted with its creation date, merged per corpus in date order;
           each record's mentions are its trigger in each evidence sentence. Split by corpus,
           fixed: dev = airbus, apple; test = gm, stock (nothing was tuned on either).
--clusters the multi-outlet set in benchmarks/gold/incidents/ (articles.jsonl, gold.json):
           every cluster one incident, no near-miss merged, disagreements typed right, no
           incident over 14 days.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "benchmarks"))

COUNTRIES = [("IQ", 33.2, 43.7), ("SY", 35.0, 38.5), ("SD", 15.5, 30.2), ("YE", 15.6, 48.0), ("AF", 33.9, 67.7),
             ("PK", 30.4, 69.3), ("NG", 9.1, 8.7), ("ML", 17.6, -4.0), ("SO", 5.2, 46.2), ("UA", 48.4, 31.2),
             ("MM", 21.9, 95.9), ("CD", -4.0, 21.8), ("ET", 9.1, 40.5), ("LY", 26.3, 17.2), ("CO", 4.6, -74.3),
             ("MX", 23.6, -102.5), ("IN", 22.0, 79.0), ("PH", 12.9, 121.8), ("IL", 31.0, 34.9), ("LB", 33.9, 35.9),
             ("BF", 12.2, -1.6), ("NE", 17.6, 8.1), ("TD", 15.5, 18.7), ("CM", 7.4, 12.4), ("MZ", -18.7, 35.5),
             ("KE", -0.0, 37.9), ("SS", 7.9, 29.7), ("CF", 6.6, 20.9), ("HT", 19.0, -72.3), ("VE", 6.4, -66.6),
             ("BR", -14.2, -51.9), ("TR", 39.0, 35.2), ("IR", 32.4, 53.7), ("EG", 26.8, 30.8), ("DZ", 28.0, 1.7),
             ("TN", 33.9, 9.5), ("MA", 31.8, -7.1), ("SA", 23.9, 45.1), ("BD", 23.7, 90.4), ("LK", 7.9, 80.8),
             ("TH", 15.9, 100.9), ("ID", -0.8, 113.9), ("RU", 55.8, 37.6), ("AZ", 40.1, 47.6), ("AM", 40.1, 45.0),
             ("GE", 42.3, 43.4), ("PS", 31.9, 35.2), ("US", 38.9, -77.0), ("FR", 46.2, 2.2), ("GB", 55.4, -3.4)]
OUTLETS = ["https://www.reuters.com/a", "https://apnews.com/a", "https://www.aljazeera.com/a", "https://www.bbc.com/a",
           "https://www.france24.com/a", "https://www.voanews.com/a", "https://local-news.example/a"]


def templates() -> list:
    import sitrep

    paths = [ROOT / "samples"] + ([SHARED / "samples"] if (SHARED / "samples").exists() else [])
    articles = [a for a in sitrep.read(paths) if isinstance(a, sitrep.Article)]
    return [x for x in sitrep.extract_articles(articles) if x.events]


def vary(x, i: int, rng: random.Random):
    """A new article like `x`: new text and ids, published on another day (its dates moved
    with it), its places moved to another country, another outlet."""
    from sitrep.models import Article

    day = date(2019, 1, 1) + timedelta(days=rng.randrange(7 * 365))
    shift = day - date.fromisoformat(x.article.published or "2021-02-16")
    country, lat, lon = rng.choice(COUNTRIES)
    dlat, dlon = rng.uniform(-3, 3), rng.uniform(-3, 3)
    art = Article(text=f"{x.article.text}\n[synthetic {i}]", title=x.article.title, url=rng.choice(OUTLETS) + str(i),
                  published=day.isoformat(), language="en")
    prefix = art.id[:12]
    old = x.article.id[:12]
    events = []
    for e in x.events:
        when = e.date
        if when.value and when.precision in ("day", "part_of_day", "minute"):
            when = replace(when, value=(date.fromisoformat(when.value[:10]) + shift).isoformat())
        loc = e.location and replace(e.location, country=country,
                                     lat=None if e.location.lat is None else lat + dlat + (e.location.lat % 1) / 5,
                                     lon=None if e.location.lon is None else lon + dlon + (e.location.lon % 1) / 5)
        events.append(replace(e, id=e.id.replace(old, prefix), date=when, location=loc,
                              figures=[replace(f, source=f.source and f.source.replace(old, prefix)) for f in e.figures],
                              actors=[replace(a, claim=a.claim and a.claim.replace(old, prefix)) for a in e.actors]))
    claims = [replace(c, id=c.id.replace(old, prefix), about=c.about and c.about.replace(old, prefix)) for c in x.claims]
    return replace(x, article=art, events=events, claims=claims)


def fill(store, n_events: int, start: int, pool: list, rng: random.Random, batch: int = 500) -> int:
    """Add synthetic articles until the store holds n_events events; returns the next index."""
    i = start
    have = store.counts()["events"]
    while have < n_events:
        size = max(1, min(batch, (n_events - have) // 10))
        xs = [vary(rng.choice(pool), i + k, rng) for k in range(size)]
        i += size
        store.add_many(xs)
        have += sum(len(x.events) for x in xs)
    return i


def scale(sizes: list[int], db_dir: Path) -> None:
    from sitrep.incident_table import IncidentTable
    from sitrep.store import Store

    examined = [0, 0]  # candidate incidents read, lookups made
    lookup = IncidentTable.candidates

    def counting(self, *args):
        found = lookup(self, *args)
        examined[0] += len(found)
        examined[1] += 1
        return found
    IncidentTable.candidates = counting

    pool = templates()
    rng = random.Random(20261207)
    print(f"templates: {len(pool)} real extractions; new articles timed at each size: 200 (storing + merging, no NLP)")
    print(f"{'stored events':>14} {'incidents':>10} {'fill s':>8} {'ms/article':>11} {'p95 ms':>8} "
          f"{'candidates/lookup':>18}")
    with tempfile.TemporaryDirectory(dir=db_dir) as tmp, Store(Path(tmp) / "scale.db") as store:
        i = 0
        for size in sizes:
            t0 = time.perf_counter()
            i = fill(store, size, i, pool, rng)
            filled = time.perf_counter() - t0
            new = [vary(rng.choice(pool), 10**9 + i + k, rng) for k in range(200)]
            i += 200
            times = []
            examined[:] = [0, 0]
            for x in new:
                t = time.perf_counter()
                store.add(x)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            counts = store.counts()
            print(f"{counts['events']:>14,} {counts['incidents']:>10,} {filled:>8.0f} "
                  f"{sum(times) / len(times):>11.2f} {times[int(len(times) * 0.95)]:>8.2f} "
                  f"{examined[0] / max(1, examined[1]):>18.1f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", action="store_true")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--db-dir", type=Path, default=Path(tempfile.gettempdir()))
    ap.add_argument("--meantime", action="store_true")
    ap.add_argument("--clusters", action="store_true")
    ap.add_argument("--split", default="dev", choices=("dev", "test", "both"))
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    if args.scale:
        scale([int(float(s)) for s in args.sizes.split(",")], args.db_dir)
    if args.meantime:
        from incident_scores import meantime_report
        meantime_report(args.split)
    if args.clusters:
        from incident_scores import clusters_report
        clusters_report(args.split, args.show)


if __name__ == "__main__":
    main()
