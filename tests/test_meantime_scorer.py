"""The MEANTIME cross-document event coreference scorer, on hand-computed examples."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import meantime  # noqa: E402
from meantime import Mention, score  # noqa: E402

MEANTIME = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "meantime-en"


def m(doc: str, start: int, end: int) -> Mention:
    return Mention(doc, start, end, "x" * (end - start))


A1, A2, A3 = m("d1", 0, 5), m("d2", 0, 5), m("d2", 10, 15)
B1, B2 = m("d1", 20, 25), m("d3", 0, 4)
GOLD = [[A1, A2, A3], [B1, B2]]  # cross-doc pairs: A1-A2, A1-A3, B1-B2


def test_pairwise_and_b3_by_hand():
    spurious = m("d4", 0, 3)
    predicted = [[m("d1", 1, 6), A2, B2], [A3, B1, spurious]]
    s = score(GOLD, predicted)
    # 6 cross-doc predicted pairs, only A1'-A2 correct; 1 of 3 gold pairs found.
    assert (s["predicted_pairs"], s["correct_pairs"], s["gold_pairs"]) == (6, 1, 3)
    assert s["pairwise_precision"] == pytest.approx(1 / 6)
    assert s["pairwise_recall"] == pytest.approx(1 / 3)
    assert s["pairwise_f1"] == pytest.approx(2 / 9)
    # B3 (spurious ignored): per mention P = 2/3, 2/3, 1/2, 1/2, 1/3; R = 2/3, 2/3, 1/3, 1/2, 1/2.
    assert s["b3_precision"] == pytest.approx(8 / 15)
    assert s["b3_recall"] == pytest.approx(8 / 15)
    assert s["b3_f1"] == pytest.approx(8 / 15)
    assert (s["gold_chains"], s["gold_mentions"], s["matched_mentions"]) == (2, 5, 5)


def test_largest_overlap_wins_and_gold_matched_once():
    g1, g2 = m("d1", 0, 10), m("d2", 0, 5)
    small, large = m("d1", 0, 3), m("d1", 2, 10)  # both overlap g1; `large` takes it
    s = score([[g1, g2]], [[small, large, g2]])
    assert s["matched_mentions"] == 2
    assert (s["predicted_pairs"], s["correct_pairs"]) == (2, 1)  # small-g2 wrong, large-g2 right
    assert s["pairwise_precision"] == pytest.approx(1 / 2)
    assert s["pairwise_recall"] == 1.0
    assert s["b3_precision"] == s["b3_recall"] == 1.0  # unmatched `small` is ignored


def test_missed_gold_mention_is_a_singleton():
    g1, g2, g3 = m("d1", 0, 5), m("d2", 0, 5), m("d3", 0, 5)
    s = score([[g1, g2, g3]], [[g1, g2]])
    assert s["pairwise_precision"] == 1.0
    assert s["pairwise_recall"] == pytest.approx(1 / 3)
    assert s["b3_precision"] == 1.0
    assert s["b3_recall"] == pytest.approx(5 / 9)  # (2/3 + 2/3 + 1/3) / 3
    assert s["b3_f1"] == pytest.approx(5 / 7)


def test_same_doc_pairs_are_not_counted():
    s = score([[A2, A3]], [[A2, A3]])
    assert s["gold_pairs"] == s["predicted_pairs"] == 0
    assert s["b3_precision"] == s["b3_recall"] == 1.0


def test_gold_against_itself_and_singletons():
    s = score(GOLD, GOLD)
    assert all(v == 1.0 for k, v in s.items() if k.startswith(("pairwise_", "b3_")))
    s = score(GOLD, [[x] for chain in GOLD for x in chain])
    assert s["predicted_pairs"] == 0 and s["pairwise_recall"] == 0.0
    assert s["b3_precision"] == 1.0 and s["b3_recall"] == pytest.approx(2 / 5)


@pytest.mark.skipif(not MEANTIME.is_dir(), reason="needs ../shared (MEANTIME)")
def test_real_corpus():
    docs, gold = meantime.load(MEANTIME / "intra_cross-doc_annotation")
    assert len(docs) == 120
    assert {d.corpus for d in docs} == {"airbus", "apple", "gm", "stock"}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", d.published) for d in docs)
    assert all(d.text.startswith(d.title) for d in docs)
    text = {d.id: d.text for d in docs}
    assert all(text[x.doc][x.start:x.end] == x.text for chain in gold for x in chain)
    assert all(len({x.doc for x in chain}) >= 2 for chain in gold)
    s = score(gold, gold)
    assert (s["gold_chains"], s["gold_mentions"], s["gold_pairs"]) == (35, 125, 139)
    assert s["pairwise_f1"] == s["b3_f1"] == 1.0
