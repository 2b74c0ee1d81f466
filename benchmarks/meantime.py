"""MEANTIME (English) cross-document event coreference: gold loader and scorer.

    python benchmarks/meantime.py [DIR]     # self-check: corpus counts, score(gold, gold)

Data: DIR/corpus_{airbus,apple,gm,stock}/*.xml, CAT XML, one <token t_id sentence
number> per token. Doc.text joins a sentence's tokens with single spaces and sentences
with "\\n"; sentence 0 (the title) stays in the text and is also Doc.title. The date
(Doc.published, YYYY-MM-DD) is the value of the TIMEX3 with functionInDocument=
"CREATION_TIME" (one, 120578, is written day first, 03-02-2009, and is reordered); two
airbus documents (78496, 8951) have none, and there the first full date among the
TIMEX3s anchored in sentence 1 (the dateline) is used.

How the XML encodes cross-document coreference: each <EVENT_MENTION m_id> in
<Markables> lists its tokens as <token_anchor t_id/>. Besides mentions, <Markables>
holds token-less <EVENT m_id TAG_DESCRIPTOR class [instance_id]/> elements, and each
<REFERS_TO> in <Relations> links one or more <source m_id/> mentions to one <target
m_id/> EVENT (within-document coreference). An EVENT that carries instance_id (e.g.
"OTH40007248568632246") stands for an instance of the corpus-level instance list
(annotated with CROMER); the same instance_id in several documents is the same event
(the id is never shared across the four corpora). An EVENT without instance_id is a
document-only event with no cross-document identity, and EVENT's external_ref is a
PropBank sense or empty, not an identity. A gold chain is thus every EVENT_MENTION
REFERS_TO an EVENT with a given instance_id, over all documents of one corpus. Eight
mentions REFER_TO two instances; each is kept only in the first (document order), which
empties one would-be chain ("Chapter 11 protection", OTH39221161709667794, whose two
mentions are also in the first-listed "Protection" chain).
A mention's span runs from its first to its last anchor token (48 of 2699 mentions
have gaps, which the span covers).

Cross-document chains (mentions from >= 2 documents), as load() returns them:
    corpus   docs  chains  mentions  cross-doc pairs
    airbus     30      14        50               54
    apple      30       7        28               36
    gm         30       7        31               40
    stock      30       7        16                9
    all       120      35       125              139
Cross-document event coreference is sparse in MEANTIME: of 1065 event instances only
36 are annotated in more than one document.
"""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import prf  # noqa: E402

DEFAULT_ROOT = Path("../shared/corpora/meantime-en/intra_cross-doc_annotation")


@dataclass
class Doc:
    id: str
    corpus: str
    text: str
    published: str
    title: str


@dataclass(frozen=True)
class Mention:
    doc: str
    start: int
    end: int
    text: str


def _read(path: Path, corpus: str) -> tuple[Doc, dict[str, Mention], list[tuple[str, str]]]:
    """One CAT file: its Doc, its event mentions by m_id, and (m_id, instance_id) links."""
    root = ET.parse(path).getroot()
    tokens = sorted(root.iter("token"), key=lambda t: int(t.get("number")))
    text, offsets, sent_of, prev = "", {}, {}, None
    for tok in tokens:
        sent = tok.get("sentence")
        if prev is not None:
            text += " " if sent == prev else "\n"
        offsets[tok.get("t_id")] = (len(text), len(text) + len(tok.text or ""))
        sent_of[tok.get("t_id")] = sent
        text += tok.text or ""
        prev = sent
    title = " ".join(t.text or "" for t in tokens if t.get("sentence") == "0")
    marks = root.find("Markables")
    timexes = marks.findall("TIMEX3")
    dct = [t.get("value") for t in timexes if t.get("functionInDocument") == "CREATION_TIME"]
    dct += [t.get("value") for t in timexes
            if re.match(r"\d{4}-\d\d-\d\d", t.get("value") or "")
            and any(sent_of.get(a.get("t_id")) == "1" for a in t.iter("token_anchor"))]
    date = re.sub(r"^(\d\d)-(\d\d)-(\d{4})", r"\3-\2-\1", dct[0] if dct else "")[:10]
    doc = Doc(path.stem, corpus, text, date, title)
    mentions = {}
    for m in marks.findall("EVENT_MENTION"):
        spans = [offsets[a.get("t_id")] for a in m.iter("token_anchor")]
        if spans:
            start, end = min(s for s, _ in spans), max(e for _, e in spans)
            mentions[m.get("m_id")] = Mention(doc.id, start, end, text[start:end])
    instance = {e.get("m_id"): e.get("instance_id") for e in marks.findall("EVENT")
                if e.get("instance_id")}
    links = []
    for rel in root.find("Relations").iter("REFERS_TO"):
        target = rel.find("target").get("m_id")
        if target in instance:
            links += [(s.get("m_id"), instance[target]) for s in rel.iter("source")]
    return doc, mentions, links


def load(root: Path = DEFAULT_ROOT) -> tuple[list[Doc], list[list[Mention]]]:
    """All 120 documents and the gold cross-document event chains.

    A chain is the EVENT_MENTIONs (of all documents of one corpus) that REFER_TO one
    instance_id; only chains with mentions from at least 2 documents are returned,
    mentions sorted by (doc, start). A relative root that does not exist from the
    working directory is taken from the repository root.
    """
    root = Path(root)
    if not root.is_absolute() and not root.exists():
        root = ROOT / root
    docs, chains = [], []
    for folder in sorted(root.glob("corpus_*")):
        corpus = folder.name.removeprefix("corpus_")
        by_instance: dict[str, list[Mention]] = {}
        for path in sorted(folder.glob("*.xml")):
            doc, mentions, links = _read(path, corpus)
            docs.append(doc)
            seen = set()
            for m_id, inst in links:
                if m_id in mentions and m_id not in seen:
                    seen.add(m_id)
                    by_instance.setdefault(inst, []).append(mentions[m_id])
        for inst in sorted(by_instance):
            chain = sorted(by_instance[inst], key=lambda m: (m.doc, m.start, m.end))
            if len({m.doc for m in chain}) >= 2:
                chains.append(chain)
    return docs, chains


def _key(m: Mention) -> tuple[str, int, int]:
    return (m.doc, m.start, m.end)


def score(gold: list[list[Mention]], predicted: list[list[Mention]]) -> dict:
    """Pairwise (cross-document pairs only) and B³ scores of predicted clusters.

    Matching: a predicted mention matches a gold mention of the same doc whose char span
    overlaps it; pairs are assigned greedily by largest overlap first, so each gold and
    each predicted mention is matched at most once. A gold mention listed in several
    gold chains belongs to the first.
    Pairwise: predicted pairs are the pairs of a predicted cluster's mentions that lie
    in different docs; one is correct when both mentions match gold mentions of the
    same gold chain (pairs with an unmatched mention count as wrong). Gold pairs are a
    gold chain's mention pairs in different docs; recall = gold pairs found / gold pairs.
    B³: over the gold mentions of `gold` (within-doc links of those chains count too). A
    gold mention's predicted cluster is the set of gold mentions matched by its predicted
    cluster; unmatched gold mentions are singletons, and predicted mentions with no gold
    match are ignored for B³.
    """
    chain_of: dict[tuple, int] = {}
    for i, chain in enumerate(gold):
        for m in chain:
            chain_of.setdefault(_key(m), i)
    gold_by_doc: dict[str, list[tuple]] = {}
    for k in chain_of:
        gold_by_doc.setdefault(k[0], []).append(k)
    preds = [(c, m) for c, cluster in enumerate(predicted) for m in cluster]
    candidates = []
    for p, (_, m) in enumerate(preds):
        for k in gold_by_doc.get(m.doc, []):
            overlap = min(m.end, k[2]) - max(m.start, k[1])
            if overlap > 0:
                candidates.append((-overlap, abs(m.end - m.start - k[2] + k[1]), p, k))
    match: dict[int, tuple] = {}
    taken: set[tuple] = set()
    for _, _, p, k in sorted(candidates):
        if p not in match and k not in taken:
            match[p] = k
            taken.add(k)

    gold_pairs = sum(1 for chain in gold for a, b in combinations({_key(m) for m in chain}, 2)
                     if a[0] != b[0] and chain_of[a] == chain_of[b])
    members: dict[int, list[int]] = {}
    for p, (c, _) in enumerate(preds):
        members.setdefault(c, []).append(p)
    pred_pairs = correct = 0
    for ps in members.values():
        for a, b in combinations(ps, 2):
            if preds[a][1].doc != preds[b][1].doc:
                pred_pairs += 1
                correct += (a in match and b in match
                            and chain_of[match[a]] == chain_of[match[b]])
    pp, pr, pf = prf(correct, pred_pairs, gold_pairs)

    gold_sets: dict[int, set] = {}
    for k, i in chain_of.items():
        gold_sets.setdefault(i, set()).add(k)
    pred_sets = {c: {match[p] for p in ps if p in match} for c, ps in members.items()}
    cluster_of = {k: preds[p][0] for p, k in match.items()}
    bp = br = 0.0
    for k, i in chain_of.items():
        mine = pred_sets[cluster_of[k]] if k in cluster_of else {k}
        both = len(mine & gold_sets[i])
        bp += both / len(mine)
        br += both / len(gold_sets[i])
    n = len(chain_of)
    bp, br = (bp / n, br / n) if n else (0.0, 0.0)
    bf = 2 * bp * br / (bp + br) if bp + br else 0.0
    return {"pairwise_precision": pp, "pairwise_recall": pr, "pairwise_f1": pf,
            "b3_precision": bp, "b3_recall": br, "b3_f1": bf,
            "gold_chains": len(gold), "gold_mentions": n, "gold_pairs": gold_pairs,
            "predicted_pairs": pred_pairs, "correct_pairs": correct,
            "matched_mentions": len(match)}


if __name__ == "__main__":
    docs, gold = load(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ROOT)
    corpus_of = {d.id: d.corpus for d in docs}
    print(f"{'corpus':8} {'docs':>5} {'chains':>7} {'mentions':>9} {'pairs':>7}")
    for corpus in sorted({d.corpus for d in docs}) + ["all"]:
        chains = [c for c in gold if corpus in ("all", corpus_of[c[0].doc])]
        s = score(chains, chains)
        n_docs = sum(corpus in ("all", d.corpus) for d in docs)
        print(f"{corpus:8} {n_docs:5} {len(chains):7} {s['gold_mentions']:9} {s['gold_pairs']:7}")
    full = score(gold, gold)
    assert all(full[k] == 1.0 for k in full if k.startswith(("pairwise_", "b3_"))), full
    singles = score(gold, [[m] for c in gold for m in c])
    assert singles["pairwise_recall"] == 0.0 and singles["b3_precision"] == 1.0, singles
    print("ok: score(gold, gold) is 1.0 everywhere; singletons give pairwise recall 0")
