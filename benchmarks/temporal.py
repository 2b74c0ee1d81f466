"""Score sitrep's date stage the TempEval-3 way on TimeML or MEANTIME CAT XML.

    python benchmarks/temporal.py [DIR] [--errors]

DIR (default ../shared/corpora/meantime-en) is searched for `.tml` files (TimeML, as
TempEval-3 ships them) and MEANTIME CAT `.xml` files (one token per element; the text
is rebuilt by joining tokens with the spacing a printed article would have). MEANTIME
annotates time expressions only in each article's title and first five sentences
(sentences 0-5), so predictions after those are not scored there. Each document runs
through sitrep's date stage with its document creation time as the publication date
(MEANTIME writes one as 03-02-2009; it is read day first). Printed, as TempEval-3
reports them:
  * strict span P/R/F1 (exact match) and relaxed span P/R/F1 (overlap);
  * value: P, R and F1 of expressions matched (relaxed) *and* given the gold value,
    and value accuracy over the relaxed matches;
  * type accuracy over the relaxed matches.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import prf  # noqa: E402
DEFAULT = ROOT.parent / "shared" / "corpora" / "meantime-en"
NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'|’s|’|n't|''|'re|'ve|'ll|'d|'m)$")
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“"}


MEANTIME_SENTENCES = 6  # title + first five sentences carry the TIMEX3 annotation


class Document:
    def __init__(self, name: str, text: str, dct: str | None, timexes: list[dict], scored_end: int | None = None):
        self.name, self.text, self.dct, self.timexes = name, text, dct, timexes
        self.scored_end = len(text) if scored_end is None else scored_end  # predictions after this are not scored


def read_cat(path: Path) -> Document:
    """MEANTIME CAT XML: tokens with t_id, TIMEX3 markables anchored to token ids."""
    root = ET.parse(path).getroot()
    pieces, offsets, previous, sentence = [], {}, None, None
    pos = scored_end = 0
    for tok in root.iter("token"):
        word = tok.text or ""
        if previous is not None:
            if tok.get("sentence") != sentence and previous not in (".", "!", "?", '"', "”"):
                sep = "\n"  # a title or dateline line without final punctuation
            elif NO_SPACE_BEFORE.match(word) or previous in NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            pieces.append(sep)
            pos += len(sep)
        offsets[tok.get("t_id")] = (pos, pos + len(word))
        if int(tok.get("sentence") or 0) < MEANTIME_SENTENCES:
            scored_end = pos + len(word)
        pieces.append(word)
        pos += len(word)
        previous, sentence = word, tok.get("sentence")
    text = "".join(pieces)
    timexes, dct = [], None
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id") for a in tx.findall("token_anchor")]
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = tx.get("value")
        if not ids:
            continue
        start, end = offsets[ids[0]][0], offsets[ids[-1]][1]
        timexes.append({"start": start, "end": end, "type": tx.get("type"), "value": tx.get("value"),
                        "text": text[start:end]})
    return Document(path.name, text, _iso_dct(dct), timexes, scored_end)


def _iso_dct(value: str | None) -> str | None:
    if value and re.match(r"\d{2}-\d{2}-\d{4}$", value):
        day, month, year = value.split("-")
        return f"{year}-{month}-{day}"
    return value


def read_tml(path: Path) -> Document:
    """TimeML: the DCT in <DCT>, the text and inline TIMEX3 in <TEXT>."""
    root = ET.parse(path).getroot()
    dct = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = tx.get("value")
    body = root.find("TEXT")
    pieces, timexes, pos = [], [], 0

    def walk(node):
        nonlocal pos
        if node is not body and node.tag == "TIMEX3":
            start = pos
        if node.text:
            pieces.append(node.text)
            pos += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                pos += len(child.tail)
        if node is not body and node.tag == "TIMEX3":
            timexes.append({"start": start, "end": pos, "type": node.get("type"), "value": node.get("value")})

    walk(body)
    text = "".join(pieces)
    for t in timexes:
        t["text"] = text[t["start"]:t["end"]]
    return Document(path.name, text, dct, timexes)


def documents(folder: Path):
    for path in sorted(folder.rglob("*.tml")):
        yield read_tml(path)
    for path in sorted(folder.rglob("*.xml")):
        head = path.read_text(encoding="utf-8", errors="replace")[:300]
        if "<Document" in head:
            yield read_cat(path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--errors", action="store_true", help="print wrong values and missed expressions")
    args = ap.parse_args()
    if not args.folder.exists():
        print(f"{args.folder}: not found", file=sys.stderr)
        return 2
    from sitrep.extractors.times import find_times
    from sitrep.pipeline import nlp

    pipe = nlp()
    n_docs = n_gold = n_pred = strict = relaxed = value_ok = type_ok = 0
    wrong, missed = Counter(), Counter()
    start = time.perf_counter()
    for doc_ in documents(args.folder):
        n_docs += 1
        with pipe.select_pipes(enable=["tok2vec", "tagger", "sitrep_paragraphs", "parser", "attribute_ruler", "lemmatizer", "ner"]):
            doc = pipe(doc_.text)
        published = doc_.dct[:10] if doc_.dct and re.match(r"\d{4}-\d{2}-\d{2}", doc_.dct) else None
        predicted = [p for p in find_times(doc, published) if p.start < doc_.scored_end]
        gold = doc_.timexes
        n_gold += len(gold)
        n_pred += len(predicted)
        used = set()
        for g in gold:
            exact = next((p for p in predicted if (p.start, p.end) == (g["start"], g["end"])), None)
            strict += exact is not None
            hit = exact or next((p for p in predicted if p.start < g["end"] and g["start"] < p.end
                                 and id(p) not in used), None)
            if hit is None:
                missed[g["text"]] += 1
                continue
            used.add(id(hit))
            relaxed += 1
            type_ok += hit.type == g["type"]
            if hit.value == g["value"]:
                value_ok += 1
            else:
                wrong[(g["text"], g["value"], hit.value, published)] += 1
    elapsed = time.perf_counter() - start
    sp, sr, sf = prf(strict, n_pred, n_gold)
    rp, rr, rf = prf(relaxed, n_pred, n_gold)
    vp, vr, vf = prf(value_ok, n_pred, n_gold)
    print(f"{args.folder.name}: {n_docs} documents, {n_gold} gold TIMEX3, {n_pred} predicted, {elapsed:.0f}s")
    print(f"strict span    P {100 * sp:5.1f}  R {100 * sr:5.1f}  F1 {100 * sf:5.1f}")
    print(f"relaxed span   P {100 * rp:5.1f}  R {100 * rr:5.1f}  F1 {100 * rf:5.1f}")
    print(f"value          P {100 * vp:5.1f}  R {100 * vr:5.1f}  F1 {100 * vf:5.1f}"
          f"   accuracy over relaxed matches {100 * value_ok / max(relaxed, 1):.1f}%")
    print(f"type accuracy over relaxed matches {100 * type_ok / max(relaxed, 1):.1f}%")
    if args.errors:
        for (text, want, got, pub), n in wrong.most_common():
            print(f"WRONG {n}x {text!r}: gold {want}, sitrep {got} (published {pub})")
        for text, n in missed.most_common():
            print(f"MISSED {n}x {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
