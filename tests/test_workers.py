"""Extraction on several processes, or on Ray, stores exactly what one process stores, in the same order."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from processes import runs, tree

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [ROOT / "samples"] + [p for p in [ROOT.parent / "shared" / "samples"] if p.is_dir()]


SAME = ("SELECT id, source FROM articles ORDER BY rowid", "SELECT id, document FROM events ORDER BY rowid",
        "SELECT article_id, document FROM extractions ORDER BY article_id")


def sitrep(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep", *map(str, args)], capture_output=True, text=True)


def ingest(db: Path, workers: int, *extra: str) -> None:
    run = sitrep("ingest", *INPUTS, "--db", db, "--workers", workers, *extra)
    assert run.returncode == 0, run.stderr


def rows(db: Path, sql: str) -> list:
    return sqlite3.connect(db).execute(sql).fetchall()


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("one") / "one.db"
    ingest(db, 1)
    assert rows(db, "SELECT count(*) FROM events")[0][0] > 10
    return db


def test_one_and_two_workers_store_the_same(one_worker, tmp_path):
    two = tmp_path / "two.db"
    ingest(two, 2)
    for sql in SAME:
        assert rows(one_worker, sql) == rows(two, sql)


def test_ray_stores_the_same(one_worker, tmp_path):
    pytest.importorskip("ray", reason="Ray is not installed (pip install 'sitrep[ray]')")
    on_ray = tmp_path / "ray.db"
    ingest(on_ray, 2, "--engine", "ray")
    for sql in SAME:
        assert rows(one_worker, sql) == rows(on_ray, sql)


def test_ray_shards_then_load_store_the_same(one_worker, tmp_path):
    pytest.importorskip("ray", reason="Ray is not installed (pip install 'sitrep[ray]')")
    bad = tmp_path / "inputs" / "empty.txt"
    bad.parent.mkdir()
    bad.write_text("")
    written = sitrep("ingest", *INPUTS, bad, "--engine", "ray", "--workers", 2, "--shards", tmp_path / "shards")
    assert written.returncode == 1 and "empty.txt" in written.stderr and "Traceback" not in written.stderr
    loaded = tmp_path / "loaded.db"
    run = sitrep("load", tmp_path / "shards", "--db", loaded)
    assert run.returncode == 0, run.stderr
    for sql in SAME:
        assert rows(one_worker, sql) == rows(loaded, sql)
    again = sitrep("load", tmp_path / "shards", "--db", loaded)
    assert again.returncode == 0 and "0 article(s) added" in again.stderr


def test_engine_options_are_checked(tmp_path):
    run = sitrep("ingest", INPUTS[0], "--db", tmp_path / "x.db", "--engine", "spark")
    assert run.returncode == 2 and "--engine" in run.stderr
    run = sitrep("ingest", INPUTS[0], "--db", tmp_path / "x.db", "--shards", tmp_path / "s")
    assert run.returncode == 2 and "--engine ray" in run.stderr
    run = sitrep("ingest", INPUTS[0], "--db", tmp_path / "x.db", "--engine", "ray", "--address", "127.0.0.1:1")
    assert run.returncode == 2 and "no Ray cluster at 127.0.0.1:1" in run.stderr
    run = sitrep("load", tmp_path / "nowhere", "--db", tmp_path / "x.db")
    assert run.returncode == 2 and "nowhere" in run.stderr and "Traceback" not in run.stderr


def test_an_address_that_is_not_ray_fails_in_seconds(tmp_path):
    """An HTTP server where the Ray head should be: Ray would wait minutes; sitrep says so at once."""
    import http.server
    import threading

    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        address = f"127.0.0.1:{server.server_address[1]}"
        run = subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(INPUTS[0]), "--db", str(tmp_path / "x.db"),
                              "--engine", "ray", "--address", address], capture_output=True, text=True, timeout=60)
        assert run.returncode == 2 and f"no Ray cluster at {address}" in run.stderr and "not Ray" in run.stderr
        assert len(run.stderr.strip().splitlines()) == 1
    finally:
        server.shutdown()


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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds Ray's processes through /proc")
def test_a_killed_raylet_ends_the_run_with_sitreps_line(tmp_path):
    """Ray ends its driver itself when its node dies: the run still ends with one sitrep line,
    and what was stored before is kept."""
    import json
    import os
    import signal
    import time

    batch = tmp_path / "batch.jsonl"
    text = "Gunmen killed {n} people in Kaduna on Monday, police said. " + "Residents fled the town. " * 100
    batch.write_text("".join(json.dumps({"text": text.format(n=n), "published": "2024-06-03"}) + "\n"
                             for n in range(2, 202)))
    db = tmp_path / "r.db"
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", "ingest", str(batch), "--db", str(db), "--engine", "ray",
                             "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 120
        raylets: list[int] = []
        while not raylets and time.time() < deadline and proc.poll() is None:
            time.sleep(0.5)
            raylets = [p for p in tree(proc.pid) if runs(p, "raylet/raylet")]
        assert raylets, "no raylet started"
        time.sleep(3)
        os.kill(raylets[0], signal.SIGKILL)
        out, err = proc.communicate(timeout=180)
    finally:
        proc.kill()
    assert proc.returncode == 2, err[-2000:]
    assert err.strip().splitlines()[-1].startswith("error the Ray driver process ended without finishing")
