"""Load on the HTTP API: a store of 100,000 events, 50 concurrent clients on loopback.

    python benchmarks/api_load.py [--events 100000] [--clients 50] [--seconds 30] [--during-ingest 20]

The store is filled by repeating real extractions (the bundled samples and, where ../shared is
beside the checkout, the founding article) with each copy's ids, dates and coordinates varied,
so that pages, filters and indexes see realistic documents. `sitrep serve` runs in its own
process. Four requests are measured: the main list (`/events?limit=100`), a filtered page of
100 (`type`, `country`, date range) as full documents and as the compact rows a list or a map
shows (`view=compact`, what the dashboard loads), and an event's detail page (random ids). With
Debian's `wrk` installed, each endpoint gets `--clients` connections for `--seconds` from wrk (a C
client that leaves the second core to the server); without it, one asyncio/httpx process cycles
them (slower: the client then competes with the server for the CPU). Prints requests/s,
p50/p95/p99 latency and errors per endpoint. Target: 0 errors, p95 under 200 ms for the filtered
page.

`--during-ingest N` measures reads while an ingest runs instead: the server takes writes
(`--allow-ingest`), one client POSTs N articles (the samples' texts, each made new) as one JSON
Lines request, and 4 clients read the compact list page and event details until it is answered.
Target: read p95 under 100 ms.

`--heavy N` is the hostile morning: while N articles are POSTed, `--clients` clients cycle through
`/incidents?limit=100` and whole-store exports (`/export/csv`, `/export/geojson`,
`/export/incidents/csv`, reading each to its end) and one client times `/events?limit=1`. Prints
the answers by status (503s are the server refusing more exports than it streams at once, with
Retry-After), the probe's p95 and the server's resident memory (all its processes) over the run.
Target: no status but 200 and 503, memory flat, probe p95 under 200 ms.
"""
from __future__ import annotations

import argparse
import asyncio
import copy
import hashlib
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILTER = "/events?limit=100&type=ASSAULT&country=IQ&since=2020-06-01&until=2022-06-30"
PATHS = {"list": "/events?limit=100", "filter": FILTER, "filter-compact": FILTER + "&view=compact",
         "detail": "/events/{id}"}
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


WRK_SCRIPT = """
local ids = {IDS}
local detail = {DETAIL}
request = function()
  if detail then return wrk.format(nil, "/events/" .. ids[math.random(#ids)]) end
  return wrk.format(nil)
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
                 + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %.3f %.3f %.3f %d\\n", summary.requests,
           latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
"""


def run_wrk(base: str, path: str, clients: int, seconds: float, ids: list[str], detail: bool) -> tuple:
    script = Path(tempfile.mkdtemp()) / "load.lua"
    script.write_text(WRK_SCRIPT.replace("{IDS}", "{" + ",".join(f'"{i}"' for i in ids) + "}")
                      .replace("{DETAIL}", "true" if detail else "false"))
    out = subprocess.run(["wrk", "-t1", f"-c{clients}", f"-d{int(seconds)}s", "-s", str(script), base + path],
                         capture_output=True, text=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("RESULT"))
    n, p50, p95, p99, errors = line.split()[1:]
    return int(n) / seconds, float(p50), float(p95), float(p99), int(errors)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def drive(base: str, clients: int, seconds: float, ids: list[str]) -> dict[str, list]:
    requests = {name: (lambda p=path: p) for name, path in PATHS.items() if name != "detail"}
    requests["detail"] = lambda: f"/events/{random.choice(ids)}"
    deadline = time.perf_counter() + seconds
    return await read_until(base, clients, requests, lambda: time.perf_counter() > deadline)


async def read_until(base: str, clients: int, requests: dict, done) -> dict[str, list]:
    """`clients` concurrent readers cycling through `requests` until `done()`: {name: [times, errors]}."""
    import httpx

    results: dict[str, list] = {k: [] for k in requests}
    errors: dict[str, int] = {k: 0 for k in requests}

    async def client(k: int, http) -> None:
        names = list(requests)
        i = k
        while not done():
            name = names[i % len(names)]
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


def ingest_body(n: int) -> bytes:
    """N articles as one JSON Lines request body: the samples' texts, each made new by a suffix."""
    import sitrep
    from sitrep.models import Article

    inputs = [ROOT / "samples"] + ([FOUNDING] if FOUNDING.is_dir() else [])
    base = [a for a in sitrep.read(inputs) if isinstance(a, Article)]
    stamp = time.time_ns()
    lines = [json.dumps({"text": f"{a.text}\n\n[ingest {stamp}-{k}]", "title": a.title, "outlet": a.outlet,
                         "published": a.published}) for k, a in ((k, base[k % len(base)]) for k in range(n))]
    return "\n".join(lines).encode()


async def post_articles(base: str, n: int, token: str) -> dict:
    """POST n articles in one request: {seconds it took, status: "201, 20 of 20 stored"}."""
    import httpx

    body = ingest_body(n)
    start = time.perf_counter()
    async with httpx.AsyncClient(timeout=900) as http:
        r = await http.post(base + "/articles", content=body, headers={"Authorization": f"Bearer {token}"})
    stored = sum(1 for x in r.json().get("results", []) if x.get("stored")) if r.status_code < 300 else 0
    return {"seconds": time.perf_counter() - start, "status": f"{r.status_code}, {stored} of {n} stored"}


async def during_ingest(base: str, n: int, ids: list[str], token: str) -> tuple[float, str, dict]:
    """Reads while one POST of n articles runs: (seconds the POST took, its status, read results)."""
    posted: dict = {}

    async def post() -> None:
        posted.update(await post_articles(base, n, token))

    async def reads() -> dict:
        await asyncio.sleep(0.5)  # the POST is under way
        requests = {"list-compact": lambda: "/events?limit=100&view=compact",
                    "detail": lambda: f"/events/{random.choice(ids)}"}
        return await read_until(base, 4, requests, lambda: bool(posted))

    _, out = await asyncio.gather(post(), reads())
    return posted["seconds"], posted["status"], out


def rss_mb(pid: int) -> tuple[float, float]:
    """Resident memory of a process and of its children together, in MB (Linux /proc)."""
    def one(p: int) -> float:
        try:
            line = next(x for x in Path(f"/proc/{p}/status").read_text().splitlines() if x.startswith("VmRSS:"))
            return int(line.split()[1]) / 1024
        except (OSError, StopIteration):
            return 0.0
    try:
        children = [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        children = []
    return one(pid), sum(one(c) for c in children)


async def heavy_morning(base: str, n: int, clients: int, token: str, server_pid: int) -> dict:
    """Heavy readers and a probe while one POST stores n articles (see the module's docstring)."""
    import collections

    import httpx

    state = {"done": False}
    statuses: collections.Counter = collections.Counter()
    probe: list[float] = []
    memory: list[float] = []
    paths = ["/incidents?limit=100", "/export/csv", "/export/geojson", "/export/incidents/csv"]

    async def post() -> None:
        await post_articles(base, n, token)
        state["done"] = True

    async def heavy(k: int, http) -> None:
        i = k
        while not state["done"]:
            try:
                async with http.stream("GET", base + paths[i % len(paths)]) as r:
                    async for _ in r.aiter_bytes():
                        pass
                    statuses[r.status_code] += 1
                    if r.status_code == 503:
                        await asyncio.sleep(0.5)  # as a client honouring Retry-After would, a little sooner
            except httpx.HTTPError as exc:
                statuses[type(exc).__name__] += 1
            i += 1

    async def timed(http) -> None:
        while not state["done"]:
            start = time.perf_counter()
            r = await http.get(base + "/events?limit=1")
            probe.append(time.perf_counter() - start)
            statuses[f"probe {r.status_code}"] += 1
            await asyncio.sleep(0.05)

    async def sample() -> None:
        while not state["done"]:
            memory.append(rss_mb(server_pid))
            await asyncio.sleep(1)

    limits = httpx.Limits(max_connections=clients + 2)
    async with httpx.AsyncClient(timeout=120, limits=limits) as http:
        await asyncio.gather(post(), sample(), timed(http), *(heavy(k, http) for k in range(clients)))
    return {"statuses": dict(statuses), "probe": probe, "memory": memory}


def report(title: str, out: dict, seconds: float) -> None:
    print(title)
    for name, (times, errors) in out.items():
        if len(times) < 2:
            print(f"  {name:<14} {len(times)} successful requests, {errors} errors")
            continue
        q = statistics.quantiles(times, n=100)
        print(f"  {name:<14} {len(times) / seconds:7.1f} req/s   p50 {1000 * q[49]:6.0f} ms   "
              f"p95 {1000 * q[94]:6.0f} ms   p99 {1000 * q[98]:6.0f} ms   errors {errors}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--during-ingest", type=int, metavar="N", help="measure reads while N articles are POSTed")
    ap.add_argument("--server-workers", type=int, default=1, help="sitrep serve --workers")
    ap.add_argument("--heavy", type=int, metavar="N", help="heavy readers while N articles are POSTed")
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
    token = hashlib.sha1(str(time.time_ns()).encode()).hexdigest()
    writes = ["--allow-ingest"] if args.during_ingest or args.heavy else []
    server = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port), *writes,
                               "--workers", str(args.server_workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "SITREP_TOKEN": token})
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(300):
            try:
                httpx.get(base + "/openapi.json", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        if args.heavy:
            start = time.perf_counter()
            out = asyncio.run(heavy_morning(base, args.heavy, args.clients, token, server.pid))
            q = statistics.quantiles(out["probe"], n=100) if len(out["probe"]) > 1 else [0] * 99
            print(f"{have:,} events; {args.clients} clients on /incidents and exports while POST /articles stores "
                  f"{args.heavy} articles ({time.perf_counter() - start:.0f} s)")
            print(f"  answers: {out['statuses']}")
            print(f"  /events?limit=1 probe: {len(out['probe'])} requests, p50 {1000 * q[49]:.0f} ms, "
                  f"p95 {1000 * q[94]:.0f} ms, max {1000 * max(out['probe'], default=0):.0f} ms")
            server_mb = [m[0] for m in out["memory"]]
            worker_mb = [m[1] for m in out["memory"]]
            print(f"  server process memory: first {server_mb[0]:.0f} MB, max {max(server_mb):.0f} MB, "
                  f"last {server_mb[-1]:.0f} MB; its ingest worker (the model loaded once): max {max(worker_mb):.0f} MB")
            return 0
        if args.during_ingest:
            seconds, status, out = asyncio.run(during_ingest(base, args.during_ingest, ids, token))
            report(f"{have:,} events; reads by 4 clients (httpx) while POST /articles stores {args.during_ingest} "
                   f"articles ({seconds:.1f} s, {status})", out, seconds)
            return 0
        if shutil.which("wrk"):
            print(f"{have:,} events, {args.clients} connections (wrk), {args.seconds:g} s per endpoint on loopback, "
                  f"{args.server_workers} server process(es)")
            for name, path in PATHS.items():
                rate, p50, p95, p99, errors = run_wrk(base, path, args.clients, args.seconds, ids, name == "detail")
                print(f"  {name:<14} {rate:7.1f} req/s   p50 {p50:6.0f} ms   p95 {p95:6.0f} ms   p99 {p99:6.0f} ms   "
                      f"errors {errors}")
            return 0
        out = asyncio.run(drive(base, args.clients, args.seconds, ids))
    finally:
        server.terminate()
        server.wait(timeout=10)
    report(f"{have:,} events, {args.clients} clients (httpx), {args.seconds:g} s on loopback", out, args.seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
