"""Scores for benchmarks/incidents.py: MEANTIME's cross-document chains and the
multi-outlet cluster set (benchmarks/gold/incidents/)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLUSTERS = ROOT / "benchmarks" / "gold" / "incidents"
MEANTIME_SPLIT = {"dev": ("airbus", "apple"), "test": ("gm", "stock")}


def _splits(split: str) -> list[str]:
    return ["dev", "test"] if split == "both" else [split]


def _mentions(x, doc_id: str, event_ids: set[str]):
    """Each record's trigger in each of its evidence sentences, as MEANTIME mentions."""
    from meantime import Mention

    found = []
    for e in x.events:
        if e.id not in event_ids:
            continue
        for ev in e.evidence:
            at = ev.sentence.find(e.trigger) if e.trigger else -1
            start = ev.start + max(at, 0)
            end = start + len(e.trigger) if at >= 0 else ev.end
            found.append(Mention(doc=doc_id, start=start, end=end, text=e.trigger))
    return found


def meantime_report(split: str) -> None:
    import meantime
    import sitrep
    from sitrep.merge import merge

    docs, gold = meantime.load()
    corpus_of = {d.id: d.corpus for d in docs}
    for part in _splits(split):
        corpora = MEANTIME_SPLIT[part]
        chains = [c for c in gold if corpus_of[c[0].doc] in corpora]
        predicted = []
        records = 0
        for corpus in corpora:
            mine = sorted((d for d in docs if d.corpus == corpus), key=lambda d: (d.published, d.id))
            xs = [sitrep.extract(d.text, published=d.published, outlet="Wikinews", title=d.title) for d in mine]
            doc_of = {x.article.id: d.id for x, d in zip(xs, mine)}
            by_article = {x.article.id: x for x in xs}
            for inc in merge(xs):
                cluster = []
                for r in inc.reports:
                    cluster += _mentions(by_article[r.article], doc_of[r.article], {r.event})
                records += len(inc.reports)
                predicted.append(cluster)
        s = meantime.score(chains, predicted)
        merged = sum(1 for c in predicted if len({m.doc for m in c}) > 1)
        print(f"MEANTIME {part} ({', '.join(corpora)}): {s['gold_chains']} gold chains, {s['gold_mentions']} mentions, "
              f"{s['gold_pairs']} cross-doc pairs; sitrep: {records} records, {merged} cross-article incidents, "
              f"{s['matched_mentions']} gold mentions matched")
        print(f"  pairwise P {s['pairwise_precision']:.3f} R {s['pairwise_recall']:.3f} F1 {s['pairwise_f1']:.3f}"
              f" ({s['correct_pairs']}/{s['predicted_pairs']} predicted pairs right)   "
              f"B3 P {s['b3_precision']:.3f} R {s['b3_recall']:.3f} F1 {s['b3_f1']:.3f}")


def load_clusters():
    articles = [json.loads(line) for line in (CLUSTERS / "articles.jsonl").read_text().splitlines() if line.strip()]
    gold = json.loads((CLUSTERS / "gold.json").read_text())
    return articles, gold


def run_clusters(articles: list[dict]):
    """Store the set's articles in publication order in a fresh store; (incident of each
    article id → list of incident ids, incidents by id)."""
    import tempfile

    import sitrep
    from sitrep.read import make_article

    ordered = sorted(articles, key=lambda a: (a["published"], a["id"]))
    made = [make_article(a["text"], a, a["id"]) for a in ordered]
    xs = list(sitrep.extract_articles(made))
    with tempfile.TemporaryDirectory() as tmp, sitrep.Store(Path(tmp) / "c.db") as store:
        store.add_many(xs)
        incidents = {i.id: i for i in store.each_incident()}
    of_article: dict[str, list[str]] = {}
    id_of = {x.article.id: a["id"] for x, a in zip(xs, ordered)}
    for inc in incidents.values():
        for r in inc.reports:
            of_article.setdefault(id_of[r.article], []).append(inc.id)
    return of_article, incidents


def main_incident(ids: list[str], incidents: dict, event_type: str):
    """The incident an article's main account of its event went to: the most-reported incident
    of the gold type among its records."""
    same = [incidents[i] for i in ids if incidents[i].type == event_type] or [incidents[i] for i in ids]
    return max(same, key=lambda i: len(i.reports)) if same else None


def clusters_report(split: str, show: bool) -> dict:
    articles, gold = load_clusters()
    of_article, incidents = run_clusters(articles)
    parts = _splits(split)
    clusters = [c for c in gold["clusters"] if c["split"] in parts]
    whole = kinds_right = kinds_total = 0
    home: dict[str, str] = {}
    for c in clusters:
        homes = [main_incident(of_article.get(a, []), incidents, c["type"]) for a in c["articles"]]
        ids = {h.id for h in homes if h}
        one = len(ids) == 1 and None not in homes
        whole += one
        for a, h in zip(c["articles"], homes):
            if h:
                home[a] = h.id
        wanted = {d["kind"] for d in c.get("disagreements", [])}
        found = {d.kind for h in homes if h for d in h.disagreements}
        kinds_total += len(wanted | found)
        kinds_right += len(wanted & found)
        if show:
            print(f"{c['id']} {'ONE' if one else 'SPLIT'} {c['event']}: incidents {sorted(ids)}; "
                  f"disagreements wanted {sorted(wanted)} found {sorted(found)}")
            for h in {h.id: h for h in homes if h}.values():
                for d in h.disagreements:
                    print(f"    {d.detail}")
    misses = [n for n in gold["near_misses"] if any(a in home or a in of_article for a in n["articles"])]
    merged = 0
    for n in misses:
        ids = [home.get(a) or (main_incident(of_article.get(a, []), incidents, "ASSAULT") or
                               type("x", (), {"id": None})).id for a in n["articles"]]
        wrong = len(set(ids)) == 1 and ids[0] is not None
        merged += wrong
        if show and wrong:
            print(f"near miss merged: {n['id']} ({n['why']})")
    span = max((date.fromisoformat(i.last_date) - date.fromisoformat(i.first_date)).days
               for i in incidents.values() if i.first_date and i.last_date)
    print(f"clusters {'+'.join(parts)}: {whole}/{len(clusters)} one incident; near misses merged {merged}/{len(misses)}; "
          f"disagreement kinds right {kinds_right}/{kinds_total} (found ∩ wanted / found ∪ wanted); "
          f"longest incident {span} days")
    return {"clusters": len(clusters), "whole": whole, "near_misses": len(misses), "merged": merged,
            "kinds_right": kinds_right, "kinds_total": kinds_total, "span": span}
