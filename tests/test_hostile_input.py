"""Regression tests for issue 10: each hostile input or environment fault found by review gets
one line naming it, a distinct exit code, and never loses or half-stores what is stored."""
from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import sitrep
from sitrep.read import InputError, parse_timestamp, read

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
KADUNA = "Gunmen killed 12 people in Kaduna on Monday, police said.\n"


def run_sitrep(*args, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "sitrep", *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=cwd)


def one_line_errors(stderr: str) -> list[str]:
    lines = [line for line in stderr.splitlines() if line.startswith("error")]
    assert "Traceback" not in stderr, stderr
    return lines


def stored_ids(db: Path) -> list[str]:
    return [r[0] for r in sqlite3.connect(db).execute("SELECT id FROM articles ORDER BY id")]


# 1. texts over the character limit are refused in one line; the batch goes on
def test_huge_text_is_refused_and_the_batch_goes_on(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(KADUNA * 20_000)  # 1.2 M characters, under the 5 MB byte limit
    small = tmp_path / "small.txt"
    small.write_text(KADUNA)
    db = tmp_path / "s.db"
    run = run_sitrep("ingest", big, small, "--db", db, "--published", "2024-06-03")
    (line,) = one_line_errors(run.stderr)
    assert "big.txt" in line and "too long" in line
    assert run.returncode == 1 and len(stored_ids(db)) == 1


# 2. a per-article time budget names the article and moves on; punctuation-free text is read
def test_time_budget_skips_the_article_and_goes_on():
    sitrep.extract(KADUNA, published="2024-06-03")  # models loaded before the clock runs
    slow = sitrep.Article(text="word " * 40_000, published="2024-06-03", source="slow.txt")
    quick = sitrep.Article(text=KADUNA, published="2024-06-03", source="quick.txt")
    out = list(sitrep.extract_articles([slow, quick], budget=1.0))
    assert isinstance(out[0], InputError) and "slow.txt" in str(out[0]) and "longer than" in str(out[0])
    assert isinstance(out[1], sitrep.Extraction) and out[1].events


def test_text_without_punctuation_or_with_many_short_lines_is_read():
    endless = " ".join(["troops shelled the village and killed civilians"] * 400)
    x = sitrep.extract(endless, published="2024-06-03")
    assert x.events  # read in capped sentences, not one 3,000-token sentence
    lines = "\n".join(f"item {n} ok" for n in range(5000))
    assert sitrep.extract(lines, published="2024-06-03").events == []


# 3. two ingests of overlapping inputs at once store the union exactly once
def test_concurrent_ingests_store_the_union_once(tmp_path):
    files = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html", ".jsonl"))
    a, b = files[:2], files[2:]
    db = tmp_path / "c.db"
    cmd = [sys.executable, "-m", "sitrep", "ingest", "--db", str(db)]
    first = subprocess.Popen(cmd + [str(p) for p in a], stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(cmd + [str(p) for p in a + b], stderr=subprocess.PIPE, text=True)
    errs = [p.communicate()[1] for p in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, errs
    ids = stored_ids(db)
    assert len(ids) == len(set(ids)) == 5  # the samples hold five articles
    events = sqlite3.connect(db).execute("SELECT count(*), count(DISTINCT id) FROM events").fetchone()
    assert events[0] == events[1]


# 4. CSV cells that a spreadsheet would run as formulas are neutralised
def test_csv_export_neutralises_formulas(tmp_path):
    art = tmp_path / "f.txt"
    art.write_text('=HYPERLINK("http://evil.example","x") Gunmen killed 12 people in Kaduna on Monday, police said.')
    (tmp_path / "f.meta.json").write_text(json.dumps({"published": "2024-06-03", "url": "=cmd|' /C calc'!A0",
                                                      "outlet": "@SUM(1+1)", "title": "-2+3"}))
    db = tmp_path / "f.db"
    assert run_sitrep("ingest", art, "--db", db).returncode == 0
    run = run_sitrep("export", "--db", db, "--format", "csv")
    rows = list(csv.reader(io.StringIO(run.stdout)))
    assert len(rows) > 1
    for row in rows[1:]:
        for cell in row:
            assert not cell.lstrip().startswith(("=", "+", "-", "@")), row


# 5. data is printed as text, never as rich markup
def test_markup_in_data_is_printed_as_text(tmp_path):
    folder = tmp_path / "in [x]"
    folder.mkdir()
    art = folder / "report [final].txt"
    art.write_text("[/red] Gunmen killed 12 people in [bold]Kaduna[/bold] on Monday, police said.")
    db = tmp_path / "m.db"
    run = run_sitrep("ingest", art, "--db", db, "--published", "2024-06-03")
    assert run.returncode == 0, run.stderr
    assert run_sitrep("events", "--db", db).returncode == 0
    run = run_sitrep("show", "[/x]", "--db", db)
    assert run.returncode == 1 and "[/x]" in run.stderr and "Traceback" not in run.stderr
    empty = folder / "empty [final].txt"
    empty.write_text("")
    run = run_sitrep("ingest", empty, "--db", db)
    (line,) = one_line_errors(run.stderr)
    assert "empty [final].txt" in line


# 6. short English is never refused; other languages still are
def test_short_english_is_not_refused(tmp_path):
    path = tmp_path / "k.txt"
    path.write_text(KADUNA)
    (item,) = list(read([path], published="2024-06-03"))
    assert isinstance(item, sitrep.Article), item


@pytest.mark.skipif(not (SHARED / "corpora" / "polnear").is_dir(), reason="../shared/corpora/polnear is absent")
def test_no_english_wire_sentence_is_refused():
    from sitrep.read import check_language

    texts = sorted((SHARED / "corpora" / "polnear" / "dev" / "text").glob("*.txt"))
    sentences = [s.strip() for t in texts for s in t.read_text(encoding="utf-8").split(". ") if 40 < len(s) < 200]
    refused = []
    for s in sentences[:1000]:
        try:
            check_language(sitrep.Article(text=s + "."), "x")
        except InputError:
            refused.append(s)
    assert not refused, refused[:5]


@pytest.mark.parametrize("text", [
    "Des hommes armés ont tué douze personnes lundi dans un village du nord, a indiqué la police locale.",
    "Hombres armados mataron a doce personas el lunes en una aldea del norte, según la policía local.",
    "Ciidamada ayaa dilay laba iyo toban qof oo ku sugan tuulo waqooyiga ah maalintii Isniinta, sida ay sheegtay booliska.",
])
def test_other_languages_are_still_refused(tmp_path, text):
    path = tmp_path / "o.txt"
    path.write_text(text)
    (item,) = list(read([path], published="2024-06-03"))
    assert isinstance(item, InputError) and "not English" in str(item)


# 7. JSON Lines split on "\n" only
def test_jsonl_keeps_unicode_line_separators_inside_lines(tmp_path):
    path = tmp_path / "u.jsonl"
    text = "Gunmen killed 12 people in Kaduna\u2028on Monday, police said.\u0085 More to come."
    path.write_text(json.dumps({"text": text, "published": "2024-06-03"}, ensure_ascii=False) + "\n", encoding="utf-8")
    (item,) = list(read([path]))
    assert isinstance(item, sitrep.Article) and item.text == text


# 8. environment faults: one line, a distinct exit code, nothing lost
def test_not_sqlite_for_reading_commands_is_exit_3(tmp_path):
    fake = tmp_path / "fake.db"
    fake.write_text("not sqlite at all " * 200)
    for args in (("events",), ("export",), ("incidents",), ("show", "x")):
        run = run_sitrep(*args, "--db", fake)
        assert run.returncode == 3 and len(one_line_errors(run.stderr)) == 1, (args, run.stderr)


def test_read_only_store_refuses_to_write_in_one_line(tmp_path):
    from sitrep.store import Store, StoreError

    db = tmp_path / "ro.db"
    Store(db).close()
    x = sitrep.extract(KADUNA, published="2024-06-03")
    with Store(db, readonly=True) as store, pytest.raises(StoreError) as caught:
        store.add(x)
    assert str(db) in str(caught.value) and "\n" not in str(caught.value)
    assert stored_ids(db) == []


def test_unwritable_output_is_exit_4(tmp_path):
    db = tmp_path / "o.db"
    assert run_sitrep("ingest", SAMPLES / "2024-03-11-kassala-market-shelling.txt", "--db", db).returncode == 0
    target = tmp_path / "no such folder" / "events.csv"
    run = run_sitrep("export", "--db", db, "--format", "csv", "-o", target)
    assert run.returncode == 4 and "events.csv" in one_line_errors(run.stderr)[0]
    assert not target.parent.exists()


def test_corrupt_cache_is_rebuilt_and_killed_builds_are_cleaned(tmp_path):
    from sitrep.geodata import gazetteer

    cache = tmp_path / "cache"
    cache.mkdir()
    name = f"gazetteer-v{gazetteer.SCHEMA_VERSION}"
    (cache / f"{name}.sqlite").write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    stale = cache / f"{name}.999999999.tmp"  # a build killed mid-way (no such process)
    stale.write_bytes(b"half a gazetteer")
    run = run_sitrep("extract", SAMPLES / "2024-03-11-kassala-market-shelling.txt", "--json",
                     env={"SITREP_CACHE": str(cache)})
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["places"], "the rebuilt gazetteer resolves places"
    assert not stale.exists() and not list(cache.glob("*.tmp"))


def test_unwritable_cache_is_exit_5(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    run = run_sitrep("extract", SAMPLES / "2024-03-11-kassala-market-shelling.txt",
                     env={"SITREP_CACHE": str(blocker / "cache")})
    assert run.returncode == 5 and "SITREP_CACHE" in one_line_errors(run.stderr)[0]


# 9. someone else's SQLite file is never written to
def test_foreign_sqlite_database_is_refused(tmp_path):
    db = tmp_path / "crm.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE customers (name TEXT)")
    con.execute("INSERT INTO customers VALUES ('Ada')")
    con.commit()
    con.close()
    run = run_sitrep("ingest", SAMPLES, "--db", db)
    assert run.returncode == 3 and "not a sitrep database" in one_line_errors(run.stderr)[0]
    tables = {r[0] for r in sqlite3.connect(db).execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"customers"}


def test_old_unversioned_sitrep_database_is_migrated(tmp_path):
    from sitrep.store import SCHEMA, SCHEMA_VERSION, Store

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.executescript(SCHEMA.format(rowid="", real="REAL"))
    con.close()
    with Store(db) as store:
        version = store.db.execute("SELECT value FROM sitrep_meta WHERE key='schema_version'").fetchone()[0]
        assert int(version) == SCHEMA_VERSION
        store.add(sitrep.extract(KADUNA, published="2024-06-03"))
    assert len(stored_ids(db)) == 1


# 10. navigation-only HTML is no article
def test_nav_only_html_is_refused(tmp_path):
    page = tmp_path / "nav.html"
    page.write_text("<html><body><nav>Home | About</nav></body></html>")
    (item,) = list(read([page], published="2024-06-03"))
    assert isinstance(item, InputError) and "no article text" in str(item)


# 11. unreadable files and folders are named and the batch goes on
def test_unreadable_file_and_folder_are_named(tmp_path, monkeypatch):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text(KADUNA)
    locked = tmp_path / "in" / "locked.txt"
    locked.write_text(KADUNA)
    real_open = open

    def guarded_open(path, *args, **kwargs):  # root reads a chmod-000 file: refuse it as a user's system would
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    real_walk = os.walk

    def walk(top, onerror=None, **kw):
        onerror(PermissionError(13, "Permission denied", str(Path(top) / "secret")))
        yield from real_walk(top, onerror=onerror, **kw)

    monkeypatch.setattr(sys.modules["sitrep.read"], "open", guarded_open, raising=False)  # the module, not sitrep.read()
    monkeypatch.setattr(os, "walk", walk)
    items = list(read([tmp_path / "in"], published="2024-06-03"))
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert any("secret" in e and "not readable" in e for e in errors)
    assert any("locked.txt" in e and "Permission denied" in e for e in errors)
    assert sum(isinstance(i, sitrep.Article) for i in items) == 1


# 12. publication dates as news metadata writes them; options checked
@pytest.mark.parametrize("value, expected", [
    ("2021-02-16", "2021-02-16"),
    ("Dec 17, 2016", "2016-12-17"),
    ("Wed Nov 23, 2016 | 4:58pm EST", "2016-11-23T16:58:00-05:00"),
    ("2009-03-20 12:24:52-05", "2009-03-20T12:24:52-05:00"),
    ("Tue, 16 Feb 2021 08:30:00 +0000", "2021-02-16T08:30:00+00:00"),
    ("17 Dec 2016 10:00 CET", "2016-12-17T10:00:00+01:00"),  # the zone was dropped
    ("Sat, 17 Dec 2016 10:00 CEST", "2016-12-17T10:00:00+02:00"),
    ("Dec 17, 2016 10.00 GMT", "2016-12-17T10:00:00+00:00"),  # the time was dropped
    ("17 Dec 2016 22.30 IST", "2016-12-17T22:30:00"),  # IST is three zones: none is invented
])
def test_loose_publication_dates(value, expected):
    assert parse_timestamp(value, "x") == expected


def test_unparseable_date_is_refused_and_future_date_flagged(tmp_path):
    with pytest.raises(InputError):
        parse_timestamp("sometime soon", "x")
    art = tmp_path / "future.txt"
    art.write_text(KADUNA)
    (tmp_path / "future.meta.json").write_text(json.dumps({"published": "Jan 3, 2099 10:00"}))
    run = run_sitrep("extract", art, "--json")
    assert run.returncode == 0 and "in the future" in run.stderr
    article = json.loads(run.stdout)["article"]
    assert article["published"] == "2099-01-03" and article["published_at"] == "2099-01-03T10:00:00"


@pytest.mark.parametrize("args", [("events", "--since", "last week"), ("events", "--limit", "0"),
                                  ("incidents", "--min-reports", "0")])
def test_bad_options_are_usage_errors(tmp_path, args):
    db = tmp_path / "v.db"
    assert run_sitrep("ingest", SAMPLES / "2024-05-wire-digest.jsonl", "--db", db).returncode == 0
    run = run_sitrep(*args, "--db", db)
    assert run.returncode == 2 and len(one_line_errors(run.stderr)) == 1


def test_deeply_nested_json_is_one_line(tmp_path):
    """Found by hypothesis: a JSON line of 100,000 '[' raised RecursionError, not a one-line error."""
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "\n" + '{"text": "Gunmen killed 12 people in Kaduna on Monday.", '
                    '"published": "2024-06-03"}\n')
    items = list(read([path]))
    assert isinstance(items[0], InputError) and "nested too deeply" in str(items[0])
    assert isinstance(items[1], sitrep.Article)
