"""Score sitrep's PLOVER event coding on data it was and was not built against.

    python benchmarks/events.py [--split dev|test] [--articles] [--misses]

1. NGEC VOA judgments (`../shared/corpora/ngec-voa/`), split by article as
   `training/events/data.py` records (seed, 70/15/15). Each quote is coded as one short
   article; the types of the events sitrep emits are compared with the quote's gold types:
   per-type precision/recall/F1 and macro F1 at sentence level, for the lexicon alone, the
   learned classifier alone (its own verdict, types scoring ≥ ADD) and sitrep as shipped.
   Tune on `--split dev` (the default); `--split test` is run once per change, at the end.
2. PLOVER's gold records (`../shared/reference/plover/PLOVER_GSR_dev.json`), mapped to the
   v2 categories (DEMAND → REQUEST, DISAPPROVE/INVESTIGATE → ACCUSE, FIGHT → ASSAULT). The
   lexicon was written against them and the shipped classifier trains on them, so those rows
   are tuned-on figures. The held-out figure is 5-fold cross-validation: each fold's records
   coded by sitrep with the classifier trained without that fold (`training/events/train.py`
   leaves them in build/events/model-gsrK; `--folds DIR` to point elsewhere).
   Also mode accuracy, actor and recipient match (the figures this benchmark printed before).
3. `--articles`: events per article on PolNeAR dev (84 real US political news articles) and
   on the founding article, lexicon alone vs shipped: a precision proxy (an analyst keeps
   about a dozen events from the founding article).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GSR = SHARED / "reference" / "plover" / "PLOVER_GSR_dev.json"
sys.path.insert(0, str(ROOT / "training" / "events"))
sys.path.insert(0, str(Path(__file__).parent))
from scoring import prf  # noqa: E402

TYPE_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
MODE_MAP = {"INVESTIGATE": "investigate", "DISAPPROVE": "disapprove"}
# PLOVER-1 mode names in the GSR and the v2 manual's names for them
MODE_ALIASES = {"strike-hun": "hunger", "strike-gen": "strike", "demo-org": "demo", "demo-spon": "demo",
                "riot-spon": "riot", "assassinate": "targeted", "detain": "arrest", "confiscate": "seize",
                "ban": "restrict", "violence": "violence"}
PUBLISHED = "2000-01-01"


def gold_records(path: Path = GSR) -> list[dict]:
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
    return any(norm(n) & norm(g) for n in names for g in gold if norm(n) and norm(g))


def coded_types(texts: list[str], pipeline) -> list[list]:
    """The events sitrep emits for each text, read as a one-sentence article."""
    import sitrep

    articles = [sitrep.Article(text=t, published=PUBLISHED) for t in texts]
    return [x.events for x in sitrep.extract_articles(articles, pipeline)]


def classifier_types(texts: list[str], pipeline) -> list[set[str]]:
    """The classifier's own verdict: the types it scores ≥ ADD, given the lexicon's markers."""
    from sitrep.extractors.events import classifier
    from sitrep.extractors.events.triggers import find_triggers

    coder = pipeline.get_pipe("sitrep_events").coder
    out = []
    for doc in pipeline.pipe(texts, disable=[n for n in pipeline.pipe_names if n.startswith("sitrep_") and n != "sitrep_paragraphs"]):
        sents = list(doc.sents)
        scores = classifier.sentence_scores(sents, find_triggers(doc), coder)
        out.append({t for s in scores for t, p in s.items() if p >= classifier.ADD})
    return out


def per_type(gold: list[set[str]], pred: list[set[str]], types) -> tuple[dict, float]:
    rows = {}
    for t in types:
        tp = sum(t in g and t in p for g, p in zip(gold, pred))
        rows[t] = prf(tp, sum(t in p for p in pred), sum(t in g for g in gold))
    return rows, sum(f for _, _, f in rows.values()) / len(rows)


def voa_section(split: str, pipelines: dict) -> None:
    import data

    quotes = [(q, types) for s, q, types in data.voa() if s == split]
    texts, gold = [q for q, _ in quotes], [types for _, types in quotes]
    print(f"\nNGEC VOA {split} split (seed {data.SEED}, by article): {len(quotes)} quotes, sentence level")
    systems = {
        "lexicon alone": [{e.type for e in evs} for evs in coded_types(texts, pipelines["lexicon"])],
        "classifier alone": classifier_types(texts, pipelines["shipped"]),
        "sitrep (shipped)": [{e.type for e in evs} for evs in coded_types(texts, pipelines["shipped"])],
    }
    results = {name: per_type(gold, pred, data.TYPES) for name, pred in systems.items()}
    print(f"  {'type':<10}" + "".join(f"{name:>22}" for name in systems) + "      (P/R/F1)")
    for t in data.TYPES:
        cells = "".join(f"{100 * results[n][0][t][0]:6.0f}{100 * results[n][0][t][1]:5.0f}{100 * results[n][0][t][2]:5.0f}      "
                        for n in systems)
        print(f"  {t:<10}{cells}")
    print("  macro F1  " + "".join(f"{results[n][1]:>22.3f}" for n in systems))
    for name, pred in systems.items():
        found = sum(bool(g & p) for g, p in zip(gold, pred))
        print(f"  {name:<18} gold type found in {100 * found / len(gold):5.1f}% of quotes, "
              f"{sum(len(p) for p in pred) / len(pred):.2f} types per quote")


def gsr_cross_validation(records: list[dict], folds_dir: Path) -> None:
    import data
    from sitrep.pipeline import build

    fold_of = data.gsr_folds()
    models = [folds_dir / f"model-gsr{k}" / "model-best" for k in range(data.GSR_FOLDS)]
    if not all((m / "meta.json").exists() for m in models):
        print(f"  5-fold cross-validation: no fold models in {folds_dir} (run training/events/train.py)")
        return
    hit = alone = 0
    for k, model in enumerate(models):
        fold = [r for r in records if fold_of[r["id"]] == k]
        pipeline = build(classifier=str(model))
        texts = [r["text"] for r in fold]
        hit += sum(any(e.type == r["type"] for e in evs) for r, evs in zip(fold, coded_types(texts, pipeline)))
        alone += sum(r["type"] in p for r, p in zip(fold, classifier_types(texts, pipeline)))
    n = len(records)
    print(f"  sitrep, 5-fold held out       type found {100 * hit / n:5.1f}% ({hit}/{n})   "
          f"classifier alone {100 * alone / n:5.1f}% ({alone}/{n})   (folds: seed {data.SEED}, by record)")


def gsr_section(pipelines: dict, misses: bool, folds_dir: Path) -> None:
    records = gold_records()
    print(f"\nPLOVER GSR dev: {len(records)} gold sentences")
    gsr_cross_validation(records, folds_dir)
    for name in ("lexicon", "shipped"):
        start = time.perf_counter()
        found = coded_types([r["text"] for r in records], pipelines[name])
        hit = mode_total = mode_hit = actor_total = actor_hit = recip_total = recip_hit = extra = 0
        missed = []
        for r, events in zip(records, found):
            same = [e for e in events if e.type == r["type"]]
            extra += len({e.type for e in events} - {r["type"]})
            if not same:
                missed.append((r, sorted({e.type for e in events})))
                continue
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
        pct = lambda a, b: f"{100 * a / b:5.1f}% ({a}/{b})" if b else "n/a"
        label = "lexicon alone (tuned on)" if name == "lexicon" else "sitrep shipped (trained on)"
        print(f"  {label:<29} type found {pct(hit, len(records))}  mode {pct(mode_hit, mode_total)}  "
              f"actor {pct(actor_hit, actor_total)}  recipient {pct(recip_hit, recip_total)}  "
              f"other types per sentence {extra / len(records):.2f}  ({time.perf_counter() - start:.1f}s)")
        if misses and name == "shipped":
            for r, got in missed:
                print(f"    MISS {r['type']:<9} got {got}: {r['text'][:140]}")


def articles_section(pipelines: dict) -> None:
    import sitrep

    polnear = sorted((SHARED / "corpora" / "polnear" / "dev" / "text").glob("*.txt"))
    founding = list(sitrep.read([SHARED / "samples"]))
    print(f"\nEvents per article (precision proxy): PolNeAR dev ({len(polnear)} articles) and the founding article")
    for name in ("lexicon", "shipped"):
        arts = [sitrep.Article(text=p.read_text(encoding="utf-8"), published="2016-10-01") for p in polnear]
        n = sum(len(x.events) for x in sitrep.extract_articles(arts, pipelines[name]))
        f = sum(len(x.events) for x in sitrep.extract_articles([a for a in founding if isinstance(a, sitrep.Article)],
                                                              pipelines[name]))
        print(f"  {name:<8} PolNeAR dev {n / len(polnear):5.1f} events/article   founding article {f} events")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--articles", action="store_true", help="also count events per article (slower)")
    ap.add_argument("--misses", action="store_true", help="print the GSR sentences whose gold type was not found")
    ap.add_argument("--folds", type=Path, default=ROOT / "build" / "events", help="where the GSR fold models are")
    ap.add_argument("--keep", type=float, help="override the classifier's KEEP threshold (tuning on dev)")
    ap.add_argument("--add", type=float, help="override the classifier's ADD threshold (tuning on dev)")
    args = ap.parse_args()
    from sitrep.extractors.events import classifier
    classifier.KEEP = args.keep if args.keep is not None else classifier.KEEP
    classifier.ADD = args.add if args.add is not None else classifier.ADD
    if not GSR.exists():
        print(f"{GSR}: not found (the benchmark reads ../shared beside the checkout)", file=sys.stderr)
        return 2
    from sitrep.pipeline import build

    pipelines = {"lexicon": build(classifier=""), "shipped": build()}
    print(f"classifier thresholds: KEEP {classifier.KEEP}, ADD {classifier.ADD}")
    voa_section(args.split, pipelines)
    gsr_section(pipelines, args.misses, args.folds)
    if args.articles:
        articles_section(pipelines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
