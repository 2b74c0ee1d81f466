"""Kill sitrep while it writes, with a second writer on overlapping inputs: nothing may be
lost, duplicated or half-stored.

    python benchmarks/chaos.py [--articles 300] [--kills 20] [--seed 7] [--postgres]   # .ci/run: a short version

Articles: the opening paragraphs of PolNeAR train articles (or copies of the bundled samples
with a line that makes each one unique, where ../shared is absent), in JSON Lines files.
1. A clean run: one `sitrep ingest` with nobody in its way.
2. The chaos run, in rounds: two `sitrep ingest` processes at once on a growing share of the
   inputs (the second on the newest files only, which the first also reads), so that each round
   has articles left to write; the first is SIGKILLed at a random moment (1–5 s), sometimes the
   second too, until `--kills` kills; then both run to the end. In a third of the rounds the first
   runs with `--workers 2` and one of its worker processes is killed instead: it must finish by
   itself (a hang counts as a failure). All along, a third process holds a read transaction
   open on the store (SQLite), which must never make a writer give up.
With `--postgres`, the same on a throwaway PostgreSQL server (Debian's binaries, as the tests
start one), where some rounds restart the server instead of killing a writer; the writers that
lose their connection stop with one line, and later rounds store what they had not.
Prints kills survived (and how many landed while articles were still being written), articles
lost and duplicated, articles stored with fewer or more rows than the clean run has
(half-stored), SQLite's integrity check, whether every stored document equals the clean
run's, and whether the incidents are consistent with the stored events: every record that
merges belongs to exactly one stored incident, every incident's records are stored, and
rebuilding them from the events (in storage order) gives the same incidents. Exit 1 when any
of those is wrong.
"""
from __future__ import annotations

import argparse
import json
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "corpora" / "polnear" / "train" / "text"


def make_inputs(folder: Path, n: int) -> list[Path]:
    texts = []
    if POLNEAR.is_dir():
        for path in sorted(POLNEAR.glob("*.txt")):
            paras = [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 80]
            if len(paras) >= 2:
                texts.append("\n\n".join(paras[:3]))
            if len(texts) == n:
                break
    base = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    while len(texts) < n:
        texts.append(f"{base[len(texts) % len(base)]}\n\nUpdate {len(texts)}: officials gave no further details.")
    files = []
    for k in range(0, n, 25):  # several files, so that kills land in different places
        path = folder / f"batch{k // 25:03d}.jsonl"
        path.write_text("".join(json.dumps({"text": t, "published": "2016-10-01"}) + "\n" for t in texts[k:k + 25]))
        files.append(path)
    return files


def ingest(db, files: list[Path], workers: int = 1) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "sitrep", "ingest", *map(str, files), "--db", str(db),
                             "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def exists(db) -> bool:
    return isinstance(db, str) or db.exists()


def snapshot(db) -> dict:
    from sitrep.store import Store, StoreError

    try:
        store = Store(db, readonly=True)
    except StoreError:  # nothing stored yet
        return {"ids": [], "events": {}, "claims": {}, "documents": {}, "integrity": "ok"}
    with store:
        run = store._run
        rows = {
            "ids": [r[0] for r in run("SELECT id FROM articles")],
            "events": {r[0]: r[1] for r in run("SELECT article_id, count(*) FROM events GROUP BY article_id")},
            "claims": {r[0]: r[1] for r in run("SELECT article_id, count(*) FROM claims GROUP BY article_id")},
            "documents": {r[0]: json.loads(r[1])["events"] for r in run("SELECT article_id, document FROM extractions")},
            "integrity": run("PRAGMA integrity_check").fetchone()[0] if store.dialect.name == "sqlite" else "ok",
        }
    return rows


def hold_a_read_transaction(db: Path) -> subprocess.Popen:
    """A process that keeps a read transaction open on the store until it is killed."""
    return subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, time\n"
        f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
        "c.execute('BEGIN'); c.execute('SELECT count(*) FROM sqlite_master').fetchone()\n"
        "time.sleep(3600)")])


def children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def incidents_consistent(db) -> tuple[bool, str]:
    """Incidents agree with the stored events, and (SQLite) with a rebuild from them."""
    from sitrep.store import Store

    with Store(db, readonly=True) as store:
        stored = [i.to_dict() for i in store.each_incident()]
        links = {r[0]: r[1] for r in store._run("SELECT event_id, incident_id FROM incident_events")}
        mergeable = {r[0] for r in store._run("SELECT id, document FROM events WHERE main = 1")
                     if not json.loads(r[1]).get("negated")}
    in_incidents = [r["event"] for i in stored for r in i["reports"]]
    problems = []
    if sorted(in_incidents) != sorted(set(in_incidents)):
        problems.append("a record in two incidents")
    if set(in_incidents) != mergeable:
        problems.append(f"{len(mergeable ^ set(in_incidents))} record(s) in no incident or not stored")
    if any(links.get(r["event"]) != i["id"] for i in stored for r in i["reports"]):
        problems.append("incident_events disagrees with the incidents")
    if isinstance(db, str):
        return not problems, "; ".join(problems) or f"{len(stored)} incidents, {len(in_incidents)} records"
    copy = db.with_name("rebuilt.db")
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # what is committed, write-ahead log included
    with Store(copy) as store:
        store.rebuild_incidents()
        rebuilt = [i.to_dict() for i in store.each_incident()]
    if rebuilt != stored:
        problems.append("a rebuild gives other incidents")
    return not problems, "; ".join(problems) or f"{len(stored)} incidents, {len(in_incidents)} records, rebuild equal"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--postgres", action="store_true", help="on a throwaway PostgreSQL server, with restarts")
    args = ap.parse_args()
    if args.postgres:
        sys.path.insert(0, str(ROOT / "tests"))
        from pgcluster import Cluster

        with Cluster() as cluster:
            return run(args, cluster.new_database(), cluster.new_database(), cluster)
    work = Path(tempfile.mkdtemp(prefix="sitrep-chaos-"))
    return run(args, work / "clean.db", work / "chaos.db", None)


def run(args, clean_db, chaos_db, cluster) -> int:
    """The clean run into `clean_db`, the chaos run into `chaos_db` (restarting `cluster`'s
    server in some rounds when there is one), and the comparison; the exit code."""
    rng = random.Random(args.seed)
    files = make_inputs(Path(tempfile.mkdtemp(prefix="sitrep-chaos-")), args.articles)

    start = time.perf_counter()
    if ingest(clean_db, files).wait() not in (0, 1):
        print("the clean run failed", file=sys.stderr)
        return 2
    clean = snapshot(clean_db)
    print(f"clean run: {len(clean['ids'])} articles in {time.perf_counter() - start:.0f} s")

    kills = mid_write = rounds = worker_kills = restarts = hung = gave_up = 0
    reader = None
    while kills + worker_kills + restarts < args.kills:
        rounds += 1
        if cluster is None and reader is None and exists(chaos_db):
            reader = hold_a_read_transaction(chaos_db)  # held from here to the end
        share = files[:max(1, min(len(files), rounds * len(files) // args.kills))]
        fault = rng.random()
        first = ingest(chaos_db, share, workers=2 if fault < 1 / 3 else 1)
        second = ingest(chaos_db, share[-2:])
        time.sleep(rng.uniform(1.0, 5.0))
        wanted = sum(len(f.read_text(encoding="utf-8").splitlines()) for f in share)
        pending = len(snapshot(chaos_db)["ids"]) < wanted
        if fault < 1 / 3 and children(first.pid):  # kill one of its workers: the run must go on
            subprocess.run(["kill", "-9", str(children(first.pid)[0])])
            worker_kills += 1
        elif cluster is not None and fault < 2 / 3:
            cluster.restart()
            restarts += 1
        else:
            for proc in (first, second) if rng.random() < 0.3 else (first,):
                if proc.poll() is None:
                    proc.send_signal(signal.SIGKILL)
                    kills += 1
                    mid_write += pending
        for proc in (first, second):
            try:
                code = proc.wait(timeout=600)
                gave_up += code == 3 and cluster is None  # a database error on SQLite: a lock won
            except subprocess.TimeoutExpired:
                hung += 1
                proc.kill()
        print(f"  {kills} kill(s), {worker_kills} worker kill(s), {restarts} restart(s); "
              f"{len(snapshot(chaos_db)['ids'])} articles stored so far", flush=True)
    finals = [ingest(chaos_db, files), ingest(chaos_db, files[len(files) // 2:])]
    codes = [p.wait() for p in finals]
    if reader is not None:
        reader.kill()
        reader.wait()
    chaos = snapshot(chaos_db)

    lost = sorted(set(clean["ids"]) - set(chaos["ids"]))
    duplicated = len(chaos["ids"]) - len(set(chaos["ids"]))
    half_stored = [a for a in chaos["ids"] if chaos["events"].get(a, 0) != clean["events"].get(a, 0)
                   or chaos["claims"].get(a, 0) != clean["claims"].get(a, 0)]
    same = sum(chaos["documents"].get(a) == clean["documents"].get(a) for a in clean["ids"])
    print(f"kills survived: {kills} ({mid_write} while articles of the round were still being written), "
          f"worker kills: {worker_kills}, server restarts: {restarts}, runs hung: {hung}, "
          f"runs that gave up on a lock: {gave_up}")
    print(f"articles lost: {len(lost)}   duplicated: {duplicated}   half-stored: {len(half_stored)}")
    print(f"integrity check: {chaos['integrity']}   final runs exit {codes}")
    print(f"documents equal to the clean run's: {same}/{len(clean['ids'])}")
    consistent, how = incidents_consistent(chaos_db)
    print(f"incidents consistent with the stored events: {how}")
    ok = (not lost and not duplicated and not half_stored and chaos["integrity"] == "ok" and same == len(clean["ids"])
          and consistent and not hung and not gave_up)
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
