"""Kill sitrep while it writes, with a second writer on overlapping inputs: nothing may be
lost, duplicated or half-stored.

    python benchmarks/chaos.py [--articles 300] [--kills 20] [--seed 7]   # .ci/run: a short version

Articles: the opening paragraphs of PolNeAR train articles (or copies of the bundled samples
with a line that makes each one unique, where ../shared is absent), in JSON Lines files.
1. A clean run: one `sitrep ingest` with nobody in its way.
2. The chaos run, in rounds: two `sitrep ingest` processes at once on a growing share of the
   inputs (the second on the newest files only, which the first also reads), so that each round
   has articles left to write; the first is SIGKILLed at a random moment (1–5 s), sometimes the
   second too, until `--kills` kills; then both run to the end.
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


def ingest(db: Path, files: list[Path]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "sitrep", "ingest", *map(str, files), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def snapshot(db: Path) -> dict:
    con = sqlite3.connect(db)
    rows = {
        "ids": [r[0] for r in con.execute("SELECT id FROM articles")],
        "events": dict(con.execute("SELECT article_id, count(*) FROM events GROUP BY article_id")),
        "claims": dict(con.execute("SELECT article_id, count(*) FROM claims GROUP BY article_id")),
        "documents": {a: json.loads(d)["events"] for a, d in con.execute("SELECT article_id, document FROM extractions")},
        "integrity": con.execute("PRAGMA integrity_check").fetchone()[0],
    }
    con.close()
    return rows


def incidents_consistent(db: Path) -> tuple[bool, str]:
    """Incidents agree with the stored events, and with a rebuild from them."""
    import shutil

    from sitrep.store import Store

    with Store(db, readonly=True) as store:
        stored = [i.to_dict() for i in store.each_incident()]
        links = dict(store.db.execute("SELECT event_id, incident_id FROM incident_events"))
        mergeable = {r[0] for r in store.db.execute(
            "SELECT id FROM events WHERE main = 1 AND json_extract(document, '$.negated') = 0")}
    in_incidents = [r["event"] for i in stored for r in i["reports"]]
    problems = []
    if sorted(in_incidents) != sorted(set(in_incidents)):
        problems.append("a record in two incidents")
    if set(in_incidents) != mergeable:
        problems.append(f"{len(mergeable ^ set(in_incidents))} record(s) in no incident or not stored")
    if any(links.get(r["event"]) != i["id"] for i in stored for r in i["reports"]):
        problems.append("incident_events disagrees with the incidents")
    copy = db.with_name("rebuilt.db")
    shutil.copy(db, copy)
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
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="sitrep-chaos-"))
    files = make_inputs(work, args.articles)

    start = time.perf_counter()
    clean_db = work / "clean.db"
    if ingest(clean_db, files).wait() not in (0, 1):
        print("the clean run failed", file=sys.stderr)
        return 2
    clean = snapshot(clean_db)
    print(f"clean run: {len(clean['ids'])} articles in {time.perf_counter() - start:.0f} s")

    chaos_db = work / "chaos.db"
    kills = mid_write = rounds = 0
    while kills < args.kills:
        rounds += 1
        share = files[:max(1, min(len(files), rounds * len(files) // args.kills))]
        first, second = ingest(chaos_db, share), ingest(chaos_db, share[-2:])
        time.sleep(rng.uniform(1.0, 5.0))
        wanted = sum(len(f.read_text(encoding="utf-8").splitlines()) for f in share)
        pending = not chaos_db.exists() or len(snapshot(chaos_db)["ids"]) < wanted
        for proc in (first, second) if rng.random() < 0.3 else (first,):
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
                mid_write += pending
        for proc in (first, second):
            try:
                proc.wait(timeout=600)
            except subprocess.TimeoutExpired:
                proc.kill()
        print(f"  {kills} kill(s); {len(snapshot(chaos_db)['ids'])} articles stored so far", flush=True)
    finals = [ingest(chaos_db, files), ingest(chaos_db, files[len(files) // 2:])]
    codes = [p.wait() for p in finals]
    chaos = snapshot(chaos_db)

    lost = sorted(set(clean["ids"]) - set(chaos["ids"]))
    duplicated = len(chaos["ids"]) - len(set(chaos["ids"]))
    half_stored = [a for a in chaos["ids"] if chaos["events"].get(a, 0) != clean["events"].get(a, 0)
                   or chaos["claims"].get(a, 0) != clean["claims"].get(a, 0)]
    same = sum(chaos["documents"].get(a) == clean["documents"].get(a) for a in clean["ids"])
    print(f"kills survived: {kills} ({mid_write} while articles of the round were still being written)")
    print(f"articles lost: {len(lost)}   duplicated: {duplicated}   half-stored: {len(half_stored)}")
    print(f"integrity check: {chaos['integrity']}   final runs exit {codes}")
    print(f"documents equal to the clean run's: {same}/{len(clean['ids'])}")
    consistent, how = incidents_consistent(chaos_db)
    print(f"incidents consistent with the stored events: {how}")
    ok = (not lost and not duplicated and not half_stored and chaos["integrity"] == "ok" and same == len(clean["ids"])
          and consistent)
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
