"""Regression tests for issue 21's batch faults: each fault made by a real process or a real file
(a reader holding a transaction, a killed worker, a FIFO, a huge file, hostile values), and the
batch stores everything else and says what happened in one line."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time

import pytest

from processes import children
from test_hostile_input import KADUNA, one_line_errors, run_sitrep, stored_ids


def test_a_reader_holding_a_transaction_does_not_stop_an_ingest(tmp_path):
    db = tmp_path / "s.db"
    first = tmp_path / "first.txt"
    first.write_text(KADUNA)
    assert run_sitrep("ingest", first, "--db", db, "--published", "2024-06-03").returncode == 0
    reader = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
        "c.execute('BEGIN'); c.execute('SELECT count(*) FROM articles').fetchone()\n"
        "print('holding', flush=True); time.sleep(120)")], stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "holding"
        later = tmp_path / "later.txt"
        later.write_text(KADUNA.replace("12", "7"))
        # before: the commit waited out the 30 s busy timeout for the reader, then exit 3, nothing stored
        run = subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(later), "--db", str(db),
                              "--published", "2024-06-04"], capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert len(stored_ids(db)) == 2
    finally:
        reader.kill()
        reader.wait()


def test_a_foreign_sqlite_file_holding_only_a_view_is_not_written_into(tmp_path):
    db = tmp_path / "views.db"
    con = sqlite3.connect(db)
    con.execute("CREATE VIEW answers AS SELECT 42 AS answer")
    con.commit()
    con.close()
    before = db.read_bytes()
    source = tmp_path / "a.txt"
    source.write_text(KADUNA)
    run = run_sitrep("ingest", source, "--db", db, "--published", "2024-06-03")
    assert run.returncode == 3 and "not a sitrep database" in one_line_errors(run.stderr)[0]
    assert db.read_bytes() == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the worker processes through /proc")
def test_a_killed_worker_is_replaced_and_nothing_is_lost(tmp_path):
    import os
    import signal

    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps({"text": KADUNA.replace("12", str(n)) + " Residents fled the town. " * 200,
                                         "published": "2024-06-03"}) + "\n" for n in range(2, 62)))
    db = tmp_path / "s.db"
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", "ingest", str(batch), "--db", str(db), "--workers", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 60
        while not children(proc.pid) and time.time() < deadline:
            time.sleep(0.1)
        time.sleep(6)  # the workers are extracting
        workers = children(proc.pid)
        assert workers, "no worker processes"
        os.kill(workers[0], signal.SIGKILL)
        out, err = proc.communicate(timeout=240)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert len(stored_ids(db)) == 60  # the killed worker's articles were extracted again


def test_title_case_text_without_punctuation_is_read_in_linear_time():
    """40,000 characters of one endless Title Case sentence took 97 s (every capitalised run
    rebuilt the whole text); it must fit a 30 s budget with room to spare."""
    import sitrep

    words = ("Residents Of The Town Said Gunmen Attacked The Market Near The River Before Police Arrived "
             "And Officials In The Capital Promised An Inquiry Into The Killings ").split()
    text = " ".join(words[i % len(words)] for i in range(6000))  # ≈ 35,000 characters
    sitrep.extract("Police arrested two men in Nairobi on Monday.", published="2024-01-02")  # models loaded
    (x,) = sitrep.extract_articles([sitrep.Article(text=text, published="2024-06-03", source="title.txt")], budget=30)
    assert isinstance(x, sitrep.Extraction), x


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_the_input_folder_is_named_and_skipped(tmp_path):
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "x.txt")  # nothing ever writes to it: reading it would wait forever
    (folder / "y.txt").write_text(KADUNA)
    db = tmp_path / "s.db"
    run = subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(folder), "--db", str(db),
                          "--published", "2024-06-03"], capture_output=True, text=True, timeout=120)
    (line,) = one_line_errors(run.stderr)
    assert "x.txt" in line and "not a regular file" in line
    assert run.returncode == 1 and len(stored_ids(db)) == 1


def test_a_huge_file_is_refused_without_being_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(3 * 1024 ** 3)  # 3 GB, sparse: no disk used, and reading it would take 3 GB of memory
    (tmp_path / "ok.txt").write_text(KADUNA)
    db = tmp_path / "s.db"
    measure = ("import resource, subprocess, sys\n"
               "run = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
               "sys.stderr.write(run.stderr)\n"
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")  # KiB on Linux
    run = subprocess.run([sys.executable, "-c", measure, sys.executable, "-m", "sitrep", "ingest", str(huge),
                          str(tmp_path / "ok.txt"), "--db", str(db), "--published", "2024-06-03"],
                         capture_output=True, text=True, timeout=120)
    (line,) = one_line_errors(run.stderr)
    assert "huge.txt" in line and "too large" in line and len(stored_ids(db)) == 1
    assert int(run.stdout) < 2_000_000, run.stdout  # peak memory far below the file's 3 GB


def test_json_lines_files_have_no_total_size_limit_only_a_per_line_one(tmp_path):
    from sitrep.read import MAX_BYTES, read

    batch = tmp_path / "big.jsonl"
    filler = " Residents fled." * 2000  # ≈ 32 KB an article
    with open(batch, "w", encoding="utf-8") as fh:
        for n in range(200):  # ≈ 6.4 MB in all, over the one-article limit of 5 MB
            fh.write(json.dumps({"text": KADUNA.replace("12", str(n)) + filler, "published": "2024-06-03"}) + "\n")
        fh.write(json.dumps({"text": "x" * (MAX_BYTES + 10)}) + "\n")  # one line too large
        fh.write(json.dumps({"text": KADUNA, "published": "2024-06-03"}) + "\n")
    assert batch.stat().st_size > MAX_BYTES
    items = list(read([batch]))
    errors = [str(i) for i in items if not isinstance(i, sitrep_article())]
    assert len(items) - len(errors) == 201
    assert errors == [f"{batch}:201: line too large (over {MAX_BYTES:,} bytes); skipped"]


def sitrep_article():
    from sitrep.models import Article

    return Article


def test_a_nul_in_an_article_is_one_lines_error_on_either_back_end(tmp_path, postgres_server):
    """PostgreSQL cannot store U+0000: the run stopped at that line, every rerun too. It is
    refused when read, on both back ends alike, and the lines after it are stored."""
    from pgcluster import new_database

    batch = tmp_path / "nul.jsonl"
    batch.write_text(json.dumps({"text": KADUNA, "title": "bad\u0000title", "published": "2024-06-03"}) + "\n"
                     + json.dumps({"text": KADUNA.replace("12", "9"), "published": "2024-06-03"}) + "\n")
    for db in (str(tmp_path / "s.db"), new_database(postgres_server)):
        run = run_sitrep("ingest", batch, "--db", db)
        (line,) = one_line_errors(run.stderr)
        assert "nul.jsonl:1" in line and "NUL" in line, line
        assert run.returncode == 1 and "1 article(s) added" in run.stderr


def test_a_nul_in_a_path_or_query_is_a_400(tmp_path):
    import httpx

    from test_api import _serve

    db = tmp_path / "s.db"
    (tmp_path / "a.txt").write_text(KADUNA)
    assert run_sitrep("ingest", tmp_path / "a.txt", "--db", db, "--published", "2024-06-03").returncode == 0
    proc, base = _serve(db)
    try:
        for path in ("/events?actor=%00", "/events/abc%00", "/incidents?type=%00ASSAULT", "/claims?speaker=a%00b",
                     "/articles/%00", "/export/csv?q=%00", "/incidents/inc-%00"):
            r = httpx.get(base + path)
            assert r.status_code == 400 and "NUL" in r.json()["detail"], (path, r.status_code, r.text)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_reading_commands_on_an_older_store_say_to_migrate_in_one_line(tmp_path):
    """A version-1 store (from before schema versions): `show` gave a traceback (no such column
    published_at) and `serve` plain-text 500s. Every reader says, in one line, to migrate."""
    from sitrep.store import SCHEMA

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.executescript(SCHEMA.format(rowid="", real="REAL"))
    con.execute("INSERT INTO articles (id, text, ingested_at) VALUES ('a1', 'text', '2024-01-01')")
    con.commit()
    con.close()
    for args in (("show", "a1-e1"), ("events",), ("export", "-f", "csv"), ("incidents",), ("serve", "--port", "1")):
        run = subprocess.run([sys.executable, "-m", "sitrep", *args, "--db", str(db)], capture_output=True, text=True,
                             timeout=60)
        (line,) = one_line_errors(run.stderr)
        assert run.returncode == 3 and "sitrep migrate" in line, (args, run.stderr)
    assert run_sitrep("migrate", db).returncode == 0
    assert run_sitrep("events", "--db", db).returncode == 0


def test_a_full_disk_reports_exactly_what_was_stored(tmp_path):
    """The batch fails, the articles are retried one by one, the disk fills on one of them: the
    count given must be what the store holds (it said 49 where 63 were stored)."""
    import sitrep
    from sitrep.store import Store, StoreError

    filler = " Residents fled the town as the attackers burned the market." * 40
    extractions = [sitrep.extract(KADUNA.replace("12", str(n)) + filler, published="2024-06-03") for n in range(2, 40)]
    path = tmp_path / "full.db"
    with Store(path) as store:
        store.add(extractions[0])
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages + 60}")  # the disk fills a few articles on
        with pytest.raises(StoreError, match="full") as failed:
            store.add_many(extractions[1:])
    assert failed.value.stored > 0
    assert len(stored_ids(path)) == 1 + failed.value.stored


@pytest.mark.parametrize("kind, body", [
    ("an error page", "<h1>404 - Page not found</h1><p>Sorry, the page you are looking for does not exist or has "
                      "been moved. Please check the address or return to the homepage.</p>"),
    ("a cookie notice", "<div class='consent'><p>We use cookies and similar technologies to improve your "
                        "experience, analyse traffic and personalise content. By clicking Accept all you agree to "
                        "the use of cookies. You can change your settings at any time in our cookie policy.</p></div>"),
    ("a paywall", "<article><h1>Militants attack convoy</h1><p>Subscribe to continue reading. You have reached your "
                  "limit of free articles this month. Already a subscriber? Log in to read the full story.</p></article>"),
])
def test_a_page_that_is_not_an_article_is_named_not_stored(tmp_path, kind, body):
    from sitrep.read import InputError, read

    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>x</title></head><body>{body}</body></html>")
    (item,) = list(read([page], published="2024-06-03"))
    assert isinstance(item, InputError) and kind in str(item), item


def test_a_news_page_that_mentions_cookies_is_still_read(tmp_path):
    from sitrep.models import Article
    from sitrep.read import read

    page = tmp_path / "news.html"
    story = " ".join([KADUNA.strip()] + ["Residents said the gunmen arrived on motorcycles and fired on the market, "
                                          "and that the police came hours later."] * 12)
    page.write_text(f"<html><body><article><p>{story}</p></article><footer>We use cookies.</footer></body></html>")
    (item,) = list(read([page], published="2024-06-03"))
    assert isinstance(item, Article)
