"""Extraction on several processes stores exactly what one process stores, in the same order."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [ROOT / "samples"] + [p for p in [ROOT.parent / "shared" / "samples"] if p.is_dir()]


def ingest(db: Path, workers: int) -> None:
    run = subprocess.run([sys.executable, "-m", "sitrep", "ingest", *map(str, INPUTS), "--db", str(db),
                          "--workers", str(workers)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_one_and_two_workers_store_the_same(tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    ingest(one, 1)
    ingest(two, 2)
    rows = lambda db, sql: sqlite3.connect(db).execute(sql).fetchall()
    for sql in ("SELECT id, source FROM articles ORDER BY rowid", "SELECT id, document FROM events ORDER BY rowid",
                "SELECT article_id, document FROM extractions ORDER BY article_id"):
        assert rows(one, sql) == rows(two, sql)
    assert rows(one, "SELECT count(*) FROM events")[0][0] > 10


def test_worker_errors_come_back_as_one_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("")
    good = tmp_path / "good.txt"
    good.write_text("Gunmen killed 12 people in Kaduna on Monday, police said.")
    run = subprocess.run([sys.executable, "-m", "sitrep", "extract", str(bad), str(good), "--json", "--workers", "2",
                          "--published", "2024-06-03"], capture_output=True, text=True)
    assert run.returncode == 1 and "bad.txt" in run.stderr and "Traceback" not in run.stderr
    assert run.stdout.count('"article"') == 1


def test_an_article_over_budget_in_a_worker_is_named():
    import sitrep
    from sitrep.pipeline import extract_parallel
    from sitrep.read import InputError

    slow = sitrep.Article(text="word " * 40_000, published="2024-06-03", source="slow.txt")
    quick = sitrep.Article(text="Gunmen killed 12 people in Kaduna on Monday, police said.",
                           published="2024-06-03", source="quick.txt")
    out = list(extract_parallel([slow, quick], workers=2, budget=1.0))
    assert isinstance(out[0], InputError) and out[0].where == "slow.txt"
    assert isinstance(out[1], sitrep.Extraction) and out[1].article.source == "quick.txt"
