"""What an analyst would code: sitrep's records against hand-coded analyst gold.

    python benchmarks/analyst.py [--set dev|untouched|founding|all] [--show]

Gold files are in the format of ../shared/gold/ (events with type, date, place, participants and
figures; claims; places), one per real article from ../shared: `benchmarks/gold/dev/` (the
WikiEvents half rules are tuned on) and `benchmarks/gold/untouched/` (GeoWebNews and PolNeAR
stories, read only at the end of an issue); `founding` is ../shared/gold itself.

Each gold event is matched to at most one record of the same PLOVER type (the one sharing most
facts with it); its facts are: the record exists, its date (same value at the gold precision), its
place (within the gold tolerance, or the same country where gold gives only a country), actor,
target, each alleged or claimed perpetrator, weapon, and each figure (kind and value, counted
only when the record's headline figure of that kind is that value — a toll taken from a yearly
total or a subtotal is wrong). Claims: a claim with a matching speaker and stance. Places: a
resolved place mention matching a gold place. Printed: gold facts found, records emitted per
gold event, share of news (`main`) records dated and of those dated by the publication date.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from sitrep.models import headline  # noqa: E402 — the headline toll the store and exports give

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "benchmarks" / "gold"


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", (text or "").lower())


def same_name(a: str, b: str) -> bool:
    """One name's words appear, in order, inside the other's."""
    x, y = words(a), words(b)
    if not x or not y:
        return False
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def any_name(aliases, names) -> bool:
    aliases = [aliases] if isinstance(aliases, str) else aliases
    return any(same_name(a, n) for a in aliases for n in names if n)


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def article_text(ref: str) -> str:
    """The text a gold file's `article` names: a path in ../shared, a WikiEvents doc id after
    `dev.jsonl#`, or a GeoWebNews article index after `GWN.xml#`."""
    path, _, key = ref.partition("#")
    full = SHARED / path
    if path.endswith(".jsonl"):
        for line in full.read_text(encoding="utf-8").splitlines():
            if line.strip() and json.loads(line)["doc_id"] == key:
                return json.loads(line)["text"]
        raise KeyError(ref)
    if path.endswith(".xml"):
        return list(ET.parse(full).getroot().iter("article"))[int(key)].findtext("text") or ""
    return full.read_text(encoding="utf-8")


def place_ok(gold: dict, loc) -> bool:
    if loc is None:
        return False
    if "lat" in gold and loc.lat is not None:
        if km(gold["lat"], gold["lon"], loc.lat, loc.lon) <= gold.get("tolerance_km", 25):
            return True
    if "lat" not in gold:
        return loc.country == gold.get("country") and (loc.feature == "country" or any_name(gold["name"], [loc.name, loc.text]))
    return False


def date_ok(gold: dict, date) -> bool:
    return bool(date.value) and date.value[:len(gold["date"])] == gold["date"] and (
        len(date.value) == len(gold["date"]) or gold.get("date_precision") in ("month", "year"))


def event_facts(g: dict, r) -> list[tuple[str, bool]]:
    """(fact, found) for one gold event against one record (None: no record)."""
    def role_names(*roles):
        return [a.name for a in r.actors if a.role in roles] if r else []
    facts = [("record", r is not None)]
    if "date" in g:
        facts.append(("date", r is not None and date_ok(g, r.date)))
    if "location" in g:
        facts.append(("place", r is not None and place_ok(g["location"], r.location)))
    if g.get("actor"):
        facts.append(("actor", any_name(g["actor"], role_names("actor", "claimed_by", "alleged_perpetrator"))))
    if g.get("target"):
        facts.append(("target", any_name(g["target"], role_names("target", "recipient"))))
    if g.get("recipient"):
        facts.append(("recipient", any_name(g["recipient"], role_names("target", "recipient"))))
    for a in g.get("alleged_perpetrators", []):
        facts.append(("alleged", any_name(a["actor"], role_names("alleged_perpetrator", "claimed_by", "actor"))))
    if g.get("weapon"):
        facts.append(("weapon", r is not None and any_name(g["weapon"], [w.text for w in r.weapons])))
    by_kind: dict[str, list[dict]] = {}
    for f in g.get("figures", []):
        by_kind.setdefault(f["kind"], []).append(f)
    for kind, figs in by_kind.items():
        if kind == "weapon_count":
            for f in figs:
                facts.append((f"figure {kind} {f['value']}", r is not None and any(
                    x.kind == kind and (x.value == f["value"] or x.min == f["value"]) for x in r.figures)))
        else:  # one toll per kind: the record's headline must be the gold's (largest) value
            want = max(f["value"] for f in figs)
            facts.append((f"figure {kind} {want}", r is not None and headline(r, kind) == want))
    return facts


def match_events(gold_events: list[dict], records) -> list[tuple[dict, object]]:
    """Each gold event with its record of the same type sharing most facts (one-to-one, greedy)."""
    pairs = []
    for g in gold_events:
        for r in records:
            if r.type == g["type"]:
                pairs.append((sum(ok for _, ok in event_facts(g, r)), g["id"], id(r), g, r))
    pairs.sort(key=lambda p: -p[0])
    used_g, used_r, out = set(), set(), {}
    for _, gid, rid, g, r in pairs:
        if gid not in used_g and rid not in used_r:
            used_g.add(gid), used_r.add(rid)
            out[gid] = r
    return [(g, out.get(g["id"])) for g in gold_events]


def claim_found(g: dict, claims) -> bool:
    sp = g["speaker"]
    aliases = sp.get("name") or [] if isinstance(sp.get("name"), list) else [sp["name"]] if sp.get("name") else []
    aliases = list(aliases) + ([sp["text"]] if sp.get("text") else []) + list(sp.get("affiliation") or [])
    for c in claims:
        s = c.speaker
        names = [s.name, s.affiliation, s.text] if s else []
        if c.stance == g["stance"] and any_name(aliases, names):
            return True
    return False


def gold_place_found(g: dict, places) -> bool:
    return any(any_name(g["name"], [p.text, p.name]) and (
        ("lat" in g and p.lat is not None and km(g["lat"], g["lon"], p.lat, p.lon) <= g.get("tolerance_km", 25))
        or ("lat" not in g and p.country == g.get("country"))) for p in places)


def score_file(path: Path, show: bool) -> dict:
    import sitrep

    gold = json.loads(path.read_text(encoding="utf-8"))
    ref = gold["article"]
    text = (SHARED / ref).read_text(encoding="utf-8") if ref.startswith("samples/") else article_text(ref)
    x = sitrep.extract(text, published=gold.get("published"))
    facts = []
    for g, r in match_events(gold["events"], x.events):
        for name, ok in event_facts(g, r):
            facts.append((f"{g['id']}: {name}", ok))
    for c in gold.get("claims", []):
        facts.append((f"claim {c['id']} ({c['stance']})", claim_found(c, x.claims)))
    for p in gold.get("places", []):
        facts.append((f"place {p['name'][0]}", gold_place_found(p, x.places)))
    main = [e for e in x.events if e.main]
    dated = [e for e in main if e.date.value]
    by_publication = [e for e in dated if getattr(e.date, "basis", None) == "published"]
    if show:
        print(f"--- {path.name}: {len(x.events)} records for {len(gold['events'])} gold events")
        for name, ok in facts:
            if not ok:
                print(f"   missed {name}")
    return {"facts": len(facts), "found": sum(ok for _, ok in facts), "records": len(x.events),
            "gold_events": len(gold["events"]), "main": len(main), "dated": len(dated),
            "by_publication": len(by_publication), "has_published": bool(gold.get("published"))}


def report(name: str, rows: list[dict]) -> None:
    total = {k: sum(r[k] for r in rows) for k in ("facts", "found", "records", "gold_events", "main", "dated",
                                                   "by_publication")}
    with_pub = [r for r in rows if r["has_published"]]
    main_pub = sum(r["main"] for r in with_pub)
    print(f"{name}: {len(rows)} articles; gold facts {100 * total['found'] / max(total['facts'], 1):.1f}% "
          f"({total['found']}/{total['facts']}); records per gold event "
          f"{total['records'] / max(total['gold_events'], 1):.2f} ({total['records']}/{total['gold_events']}); "
          f"news records dated {100 * total['dated'] / max(total['main'], 1):.1f}% ({total['dated']}/{total['main']}; "
          f"{total['by_publication']} by publication date); in the {len(with_pub)} articles with a publication date "
          f"{100 * sum(r['dated'] for r in with_pub) / max(main_pub, 1):.1f}%")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=["dev", "untouched", "founding", "all"], default="dev")
    parser.add_argument("--show", action="store_true", help="print every missed fact")
    args = parser.parse_args()
    sets = {"dev": sorted((GOLD / "dev").glob("*.gold.json")),
            "untouched": sorted((GOLD / "untouched").glob("*.gold.json")),
            "founding": sorted((SHARED / "gold").glob("*.gold.json"))}
    for name in (["founding", "dev", "untouched"] if args.set == "all" else [args.set]):
        report(name, [score_file(p, args.show) for p in sets[name]])


if __name__ == "__main__":
    main()
