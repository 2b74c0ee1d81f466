"""Who attacked whom, where, with what: sitrep's event records against WikiEvents' argument gold.

    python benchmarks/arguments.py [--split tune|test|both] [--show]

WikiEvents' dev split (20 real attack and arrest articles, KAIROS ontology) is cut by article
into two halves by training/events/wikievents.py (seed 20261207, 10 tune / 10 test): rules and
thresholds are tuned on `tune`; `test` is run once at the end of an issue.

Scored at the document level, as the gold is: a gold argument is an (role, entity) pair of the
article, the entity being its coreference cluster (every non-pronoun mention of it counts as its
name); sitrep finds it when any of its records of the right family names that entity in that
role (a name matches a mention when one contains the other as whole words).

    attacker    Conflict.Attack Attacker, Life.Die Killer, Life.Injure Injurer → ASSAULT actor,
                alleged_perpetrator, claimed_by; Justice.ArrestJailDetain Jailer → COERCE actor
    target      Attack Target, Die/Injure Victim → ASSAULT target/recipient; Detainee → COERCE target
    place       Place of those events → the record's location (its text or gazetteer name)
    instrument  Attack Instrument, ExplosiveDevice → ASSAULT weapons

Precision: of sitrep's distinct (role, name) pairs on ASSAULT/COERCE records, the share that
names a gold argument of that role. Also printed: records per article (all, and ASSAULT+COERCE)
and figures per ASSAULT record.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training" / "events"))
from wikievents import articles, split  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from analyst import same_name  # noqa: E402

ROLES = ("attacker", "target", "place", "instrument")
GOLD_ROLES = {  # (KAIROS event family, role) → (sitrep event type, role group)
    ("Conflict.Attack", "Attacker"): ("ASSAULT", "attacker"),
    ("Life.Die", "Killer"): ("ASSAULT", "attacker"),
    ("Life.Injure", "Injurer"): ("ASSAULT", "attacker"),
    ("Justice.ArrestJailDetain", "Jailer"): ("COERCE", "attacker"),
    ("Conflict.Attack", "Target"): ("ASSAULT", "target"),
    ("Life.Die", "Victim"): ("ASSAULT", "target"),
    ("Life.Injure", "Victim"): ("ASSAULT", "target"),
    ("Justice.ArrestJailDetain", "Detainee"): ("COERCE", "target"),
    ("Conflict.Attack", "Place"): ("ASSAULT", "place"),
    ("Life.Die", "Place"): ("ASSAULT", "place"),
    ("Life.Injure", "Place"): ("ASSAULT", "place"),
    ("Justice.ArrestJailDetain", "Place"): ("COERCE", "place"),
    ("Conflict.Attack", "Instrument"): ("ASSAULT", "instrument"),
    ("Conflict.Attack", "ExplosiveDevice"): ("ASSAULT", "instrument"),
}
SITREP_ROLES = {"actor": "attacker", "alleged_perpetrator": "attacker", "claimed_by": "attacker",
                "target": "target", "recipient": "target"}
PRONOUNS = {"he", "she", "it", "they", "them", "him", "her", "his", "its", "their", "who", "which", "that",
            "we", "us", "i", "me", "you", "this", "these", "those", "himself", "themselves"}
VOA_DATE = re.compile(r"_(\d{4})\.(\d{2})\.(\d{2})\.")


def published(doc_id: str):
    m = VOA_DATE.search(doc_id)
    return f"{m[1]}-{m[2]}-{m[3]}" if m else None


def gold_arguments(doc: dict) -> dict[tuple[str, str], list[list[str]]]:
    """(sitrep type, role) → the entities in that role, each as its mentions' texts."""
    text_of = {m["id"]: m["text"] for m in doc["entity_mentions"]}
    cluster_of = {}
    for cluster in doc["clusters"]:
        for mid in cluster:
            cluster_of[mid] = tuple(cluster)
    found: dict[tuple[str, str], set] = defaultdict(set)
    for ev in doc["event_mentions"]:
        family = ".".join(ev["event_type"].split(".")[:2])
        for arg in ev["arguments"]:
            key = GOLD_ROLES.get((family, arg["role"]))
            if key:
                found[key].add(cluster_of.get(arg["entity_id"], (arg["entity_id"],)))
    out = {}
    for key, clusters in found.items():
        entities = []
        for cluster in sorted(clusters):
            names = [text_of[m] for m in cluster if m in text_of and text_of[m].lower() not in PRONOUNS]
            if names:
                entities.append(names)
        out[key] = entities
    return out


def system_arguments(events) -> dict[tuple[str, str], set[str]]:
    """(type, role) → the names sitrep gives in that role on its ASSAULT and COERCE records."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for ev in events:
        if ev.type not in ("ASSAULT", "COERCE"):
            continue
        for actor in ev.actors:
            if actor.role in SITREP_ROLES:
                out[(ev.type, SITREP_ROLES[actor.role])].add(actor.name)
        if ev.location:
            out[(ev.type, "place")].add(ev.location.text or ev.location.name or "")
        for weapon in ev.weapons:
            out[(ev.type, "instrument")].add(weapon.text)
    return out


def score(docs: list[dict], show: bool = False) -> None:
    import sitrep

    hits, gold_n, correct, pred_n = (defaultdict(int) for _ in range(4))
    records = attacks = attack_figures = 0
    for doc in docs:
        x = sitrep.extract(doc["text"], published=published(doc["doc_id"]))
        gold, system = gold_arguments(doc), system_arguments(x.events)
        records += len(x.events)
        assault = [e for e in x.events if e.type in ("ASSAULT", "COERCE")]
        attacks += len(assault)
        attack_figures += sum(len(e.figures) for e in assault)
        for (etype, role), entities in gold.items():
            names = system.get((etype, role), set())
            for entity in entities:
                gold_n[role] += 1
                hit = any(same_name(n, m) for n in names for m in entity)
                hits[role] += hit
                if show and not hit:
                    print(f"  miss {doc['doc_id']} {etype} {role}: {entity[:3]}  (sitrep: {sorted(names)[:4]})")
        for (etype, role), names in system.items():
            entities = gold.get((etype, role), [])
            for name in names:
                pred_n[role] += 1
                ok = any(same_name(name, m) for entity in entities for m in entity)
                correct[role] += ok
                if show and not ok:
                    print(f"  extra {doc['doc_id']} {etype} {role}: {name!r}")
    print(f"{len(docs)} articles; records per article {records / len(docs):.1f} "
          f"(ASSAULT+COERCE {attacks / len(docs):.1f}); figures per ASSAULT/COERCE record "
          f"{attack_figures / max(attacks, 1):.2f}")
    for role in ROLES:
        recall = 100 * hits[role] / gold_n[role] if gold_n[role] else 0.0
        print(f"  {role:10s} recall {recall:5.1f}% ({hits[role]}/{gold_n[role]})   "
              f"precision {100 * correct[role] / max(pred_n[role], 1):5.1f}% ({correct[role]}/{pred_n[role]})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["tune", "test", "both"], default="tune")
    parser.add_argument("--show", action="store_true", help="print every miss and extra")
    args = parser.parse_args()
    docs = articles()
    halves = split([d["doc_id"] for d in docs])
    for half in (["tune", "test"] if args.split == "both" else [args.split]):
        wanted = set(halves[half])
        print(f"== WikiEvents {half} half (seed 20261207): {' '.join(halves[half])}")
        score([d for d in docs if d["doc_id"] in wanted], args.show)


if __name__ == "__main__":
    main()
