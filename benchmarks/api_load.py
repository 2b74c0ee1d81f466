"""Load on the HTTP API: a store of 100,000 events, 50 concurrent clients on loopback.

    python benchmarks/api_load.py [--events 100000] [--clients 50] [--seconds 30]

The store is filled by repeating real extractions (the bundled samples and, where ../shared is
beside the checkout, the founding article) with each copy's ids, dates and coordinates varied,
so that pages, filters and indexes see realistic documents. `sitrep serve` runs in its own
process; the clients (one asyncio process, httpx) cycle three requests — the main list
(`/events?limit=100`), a filtered page of 100 (`type`, `country`, date range) and an event's
detail page — for `--seconds`, and the benchmark prints requests/s, p50/p95/p99 latency and
errors per endpoint. Target: 0 errors, p95 under 200 ms for the filtered page.
"""
from __future__ import annotations

import argparse
import asyncio
import copy
import hashlib
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOUNDING = ROOT.parent / "shared" / "samples"


def fill(db: Path, target: int, seed: int = 3) -> int:
    import sitrep
    from sitrep.models import Article, Extraction

    rng = random.Random(seed)
    inputs = [ROOT / "samples"] + ([FOUNDING] if FOUNDING.is_dir() else [])
    seeds = [x for x in sitrep.extract_articles(a for a in sitrep.read(inputs) if isinstance(a, Article)) if x.events]
    stored = 0
    n = 0
    with sitrep.Store(db) as store:
        while stored < target:
            base = seeds[n % len(seeds)]
            n += 1
            x = copy.deepcopy(base)
            x.article = Article(text=f"{base.article.text}\n\n[copy {n}]", title=base.article.title,
                                outlet=base.article.outlet, published=base.article.published, language="en",
                                source=f"synthetic:{n}")
            prefix = hashlib.sha1(str(n).encode()).hexdigest()[:12]
            shift = rng.randint(-900, 900)
            for e in x.events:
                e.id = f"{prefix}-{e.id.rsplit('-', 1)[-1]}"
                if e.date.value and len(e.date.value) == 10:
                    from datetime import date, timedelta
                    e.date.value = (date.fromisoformat(e.date.value) + timedelta(days=shift)).isoformat()
                if e.location and e.location.lat is not None:
                    e.location.lat += rng.uniform(-0.5, 0.5)
                    e.location.lon += rng.uniform(-0.5, 0.5)
            for c in x.claims:
                c.id = f"{prefix}-{c.id.rsplit('-', 1)[-1]}"
            x = Extraction.from_dict(x.to_dict(), text=x.article.text, source=x.article.source)
            if store.add(x):
                stored += len(x.events)
    return stored


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def drive(base: str, clients: int, seconds: float, ids: list[str]) -> dict[str, list]:
    import httpx

    results: dict[str, list] = {"list": [], "filter": [], "detail": []}
    errors: dict[str, int] = {k: 0 for k in results}
    deadline = time.perf_counter() + seconds
    requests = {
        "list": lambda: "/events?limit=100",
        "filter": lambda: "/events?limit=100&type=ASSAULT&country=IQ&since=2020-06-01&until=2022-06-30",
        "detail": lambda: f"/events/{random.choice(ids)}",
    }

    async def client(k: int, http) -> None:
        names = list(requests)
        i = k
        while time.perf_counter() < deadline:
            name = names[i % 3]
            i += 1
            start = time.perf_counter()
            try:
                r = await http.get(base + requests[name]())
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            took = time.perf_counter() - start
            if ok:
                results[name].append(took)
            else:
                errors[name] += 1

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=30, limits=limits) as http:
        await asyncio.gather(*(client(k, http) for k in range(clients)))
    return {k: [results[k], errors[k]] for k in results}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--db", type=Path, help="reuse (or create) this store instead of a temporary one")
    args = ap.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="sitrep-load-")) / "load.db"
    import sqlite3

    have = sqlite3.connect(db).execute("SELECT count(*) FROM sqlite_master WHERE name='events'").fetchone()[0] \
        and sqlite3.connect(db).execute("SELECT count(*) FROM events").fetchone()[0] if db.exists() else 0
    if have < args.events:
        start = time.perf_counter()
        have += fill(db, args.events - have)
        print(f"filled {db}: {have:,} events in {time.perf_counter() - start:.0f} s")
    ids = [r[0] for r in sqlite3.connect(db).execute("SELECT id FROM events ORDER BY random() LIMIT 2000")]
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(300):
            try:
                httpx.get(base + "/openapi.json", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        out = asyncio.run(drive(base, args.clients, args.seconds, ids))
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"{have:,} events, {args.clients} clients, {args.seconds:g} s on loopback")
    for name, (times, errors) in out.items():
        if not times:
            print(f"  {name:<7} no successful request, {errors} errors")
            continue
        q = statistics.quantiles(times, n=100)
        print(f"  {name:<7} {len(times) / args.seconds:7.1f} req/s   p50 {1000 * q[49]:6.0f} ms   "
              f"p95 {1000 * q[94]:6.0f} ms   p99 {1000 * q[98]:6.0f} ms   errors {errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
