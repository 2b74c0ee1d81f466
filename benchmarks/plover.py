"""Score sitrep's event coding on PLOVER's own gold-standard sentences.

    python benchmarks/plover.py [PATH/TO/PLOVER_GSR_dev.json] [--misses]

Each record is one sentence with its gold event type, mode and actors. The GSR
uses PLOVER's older category set; it is mapped as shared/corpora/README.md says:
DEMAND → REQUEST, DISAPPROVE and INVESTIGATE → ACCUSE (modes disapprove,
investigate), FIGHT → ASSAULT. Prints:
  type recall   sentences where sitrep codes an event of the gold type
  mode accuracy of sentences with a gold mode whose type was found, the share where
                an event of that type carries the gold mode (PLOVER-1 modes mapped)
  actor match   of found events with gold source actors, the share whose actor names
                overlap a gold actor's text (case-insensitive, either way round)
  recipient     the same for gold target actors
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "reference" / "plover" / "PLOVER_GSR_dev.json"
TYPE_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
MODE_MAP = {"INVESTIGATE": "investigate", "DISAPPROVE": "disapprove"}
# PLOVER-1 mode names in the GSR and the v2 manual's names for them
MODE_ALIASES = {"strike-hun": "hunger", "strike-gen": "strike", "demo-org": "demo", "demo-spon": "demo",
                "riot-spon": "riot", "assassinate": "targeted", "detain": "arrest", "confiscate": "seize",
                "ban": "restrict", "violence": "violence"}


def gold_records(path: Path) -> list[dict]:
    records = []
    for r in json.loads(path.read_text(encoding="utf-8")):
        if r.get("event") in (None, "DOCUMENT") or not r.get("text"):
            continue
        etype = TYPE_MAP.get(r["event"], r["event"])
        mode = MODE_MAP.get(r["event"]) or (r.get("mode") or None)
        mode = MODE_ALIASES.get(mode, mode)
        text = r["text"].strip().strip("{}")
        records.append({"id": r["id"], "type": etype, "mode": mode, "text": text,
                        "source": _actor_texts(r.get("source")), "target": _actor_texts(r.get("target"))})
    return records


def _actor_texts(field) -> list[str]:
    if not isinstance(field, list):
        return []
    return [a.get("actorText", "").replace("...", " ").strip() for a in field if isinstance(a, dict) and a.get("actorText")]


def _overlap(names: list[str], gold: list[str]) -> bool:
    def norm(s: str) -> set[str]:
        return {w for w in s.lower().replace("'s", "").replace(",", " ").split() if len(w) > 2 and w not in ("the", "and")}
    for n in names:
        for g in gold:
            a, b = norm(n), norm(g)
            if a and b and (a & b):
                return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--misses", action="store_true", help="print the sentences whose gold type was not found")
    args = ap.parse_args()
    if not args.path.exists():
        print(f"{args.path}: not found (PLOVER_GSR_dev.json lives in ../shared/reference/plover/)", file=sys.stderr)
        return 2
    import sitrep

    records = gold_records(args.path)
    hit = mode_total = mode_hit = actor_total = actor_hit = recip_total = recip_hit = 0
    start = time.perf_counter()
    misses = []
    for r in records:
        x = sitrep.extract(r["text"], published="2000-01-01")
        same = [e for e in x.events if e.type == r["type"]]
        if same:
            hit += 1
            if r["mode"]:
                mode_total += 1
                mode_hit += any(e.mode == r["mode"] for e in same)
            names = [a.name for e in same for a in e.actors if a.role in ("actor", "alleged_perpetrator", "claimed_by")]
            recips = [a.name for e in same for a in e.actors if a.role in ("recipient", "target")]
            if r["source"]:
                actor_total += 1
                actor_hit += _overlap(names, r["source"])
            if r["target"]:
                recip_total += 1
                recip_hit += _overlap(recips, r["target"])
        else:
            misses.append((r, sorted({e.type for e in x.events})))
    elapsed = time.perf_counter() - start
    pct = lambda a, b: f"{100 * a / b:5.1f}% ({a}/{b})" if b else "n/a"
    print(f"PLOVER GSR dev: {len(records)} sentences, {elapsed:.1f}s")
    print(f"  event type recall   {pct(hit, len(records))}")
    print(f"  mode accuracy       {pct(mode_hit, mode_total)}")
    print(f"  actor match         {pct(actor_hit, actor_total)}")
    print(f"  recipient match     {pct(recip_hit, recip_total)}")
    if args.misses:
        for r, got in misses:
            print(f"MISS {r['type']:<9} got {got}: {r['text'][:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
