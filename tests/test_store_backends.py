"""The store suite, run on both back ends: a new SQLite file and a new PostgreSQL database
(a throwaway server, or $SITREP_TEST_POSTGRES; the PostgreSQL runs skip with the reason
where neither exists). Same writes, same reads, same promises."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import sitrep
from sitrep.store import SCHEMA_VERSION, Store, StoreError

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def extractions() -> list:
    articles = [a for a in sitrep.read([SAMPLES]) if isinstance(a, sitrep.Article)]
    return list(sitrep.extract_articles(articles))


def sitrep_cli(*args):
    return subprocess.run([sys.executable, "-m", "sitrep", *map(str, args)], capture_output=True, text=True)


def test_add_stores_once_and_counts(store_target, extractions):
    with Store(store_target) as store:
        assert store.add(extractions[0]) is True
        assert store.add(extractions[0]) is False
        assert store.add_many(extractions) == [False] + [True] * (len(extractions) - 1)
        counts = store.counts()
    assert counts["articles"] == len(extractions)
    assert counts["events"] == sum(len(x.events) for x in extractions)
    assert counts["claims"] == sum(len(x.claims) for x in extractions)


def test_a_batch_with_the_same_article_twice_stores_it_once(store_target, extractions):
    with Store(store_target) as store:
        assert store.add_many([extractions[1], extractions[1]]) == [True, False]
        assert store.counts()["articles"] == 1


def test_reads_give_back_what_was_written(store_target, extractions):
    with Store(store_target) as store:
        store.add_many(extractions)
        for x in extractions:
            assert store.extraction(x.article.id).to_dict() == x.to_dict()
            assert store.document(x.article.id) == x.to_dict()
            assert store.article_text(x.article.id) == x.article.text
        first = extractions[0].events[0]
        event = store.event(first.id)
        assert event["id"] == first.id and event["article"]["id"] == extractions[0].article.id
        assert len(list(store.documents())) == len(extractions)


def test_paging_and_filters(store_target, extractions):
    with Store(store_target) as store:
        store.add_many(extractions)
        everything, _ = store.find_events(limit=10_000)
        pages, cursor = [], 0
        while cursor is not None:
            page, cursor = store.find_events(limit=7, after=cursor)
            pages += page
        assert [e["id"] for e in pages] == [e["id"] for e in everything]
        assert len(everything) == store.counts()["events"]
        assault, _ = store.find_events(type="assault", limit=10_000)
        assert assault and all(e["type"] == "ASSAULT" for e in assault)
        main, _ = store.find_events(main_only=True, limit=10_000)
        assert 0 < len(main) <= len(everything) and all(e["main"] for e in main)
        located = [e for e in everything if e["location"] and e["location"].get("lat") is not None]
        lon, lat = located[0]["location"]["lon"], located[0]["location"]["lat"]
        boxed, _ = store.find_events(bbox=(lon - 0.1, lat - 0.1, lon + 0.1, lat + 0.1), limit=10_000)
        assert located[0]["id"] in {e["id"] for e in boxed}
        raw, _ = store.find_events(limit=3, raw=True)
        assert [json.loads(r)["id"] for r in raw] == [e["id"] for e in everything[:3]]
        assert store.find_events(actor="100%_no_such_actor", limit=5)[0] == []
        claims, _ = store.claims_page(limit=10_000)
        assert len(claims) == store.counts()["claims"] and "rowid" not in claims[0]
        articles, _ = store.articles_page(limit=2)
        assert len(articles) == 2 and set(articles[0]) >= {"id", "title", "published"}
        listed = list(store.each_event())
        assert [e.id for e, _ in listed] == [e["id"] for e in everything]
        assert all(e.id.startswith(a.id[:12]) for e, a in listed)  # each event with its own article
        compact, _ = store.find_events(limit=10_000, compact=True)
        assert [e["id"] for e in compact] == [e["id"] for e in everything]


def test_both_back_ends_answer_the_same(tmp_path, postgres_server, extractions):
    from pgcluster import new_database

    answers = []
    for target in (str(tmp_path / "same.db"), new_database(postgres_server)):
        with Store(target) as store:
            store.add_many(extractions)
        with Store(target, readonly=True) as store:
            answers.append((store.find_events(limit=10_000), store.claims_page(limit=10_000)[0],
                            store.find_events(limit=10_000, compact=True)[0],
                            store.counts()))
    assert answers[0] == answers[1]


def test_readonly_never_writes(store_target, extractions):
    Store(store_target).close()
    with Store(store_target, readonly=True) as store, pytest.raises(StoreError):
        store.add(extractions[0])


def test_someone_elses_database_is_refused(store_target):
    if store_target.startswith("postgresql"):
        import psycopg

        with psycopg.connect(store_target, autocommit=True) as con:
            con.execute("CREATE TABLE payroll (id INTEGER)")
    else:
        import sqlite3

        sqlite3.connect(store_target).execute("CREATE TABLE payroll (id INTEGER)")
    with pytest.raises(StoreError, match="other tables"):
        Store(store_target)


def test_schema_is_versioned(store_target):
    with Store(store_target) as store:
        assert int(store._run("SELECT value FROM sitrep_meta WHERE key='schema_version'").fetchone()[0]) \
            == SCHEMA_VERSION
    Store(store_target).close()  # opening again migrates nothing and fails nothing


def test_cli_on_either_back_end(store_target, tmp_path):
    run = sitrep_cli("ingest", SAMPLES, "--db", store_target, "--workers", "1")
    assert run.returncode == 0 and "5 article(s) added" in run.stderr, run.stderr
    run = sitrep_cli("ingest", SAMPLES, "--db", store_target, "--workers", "1")
    assert "0 article(s) added, 5 already stored" in run.stderr
    listed = sitrep_cli("events", "--db", store_target, "--type", "ASSAULT")
    assert listed.returncode == 0 and "ASSAULT" in listed.stdout
    exported = sitrep_cli("export", "--db", store_target, "-f", "csv")
    assert exported.returncode == 0 and exported.stdout.startswith("event_id,event_date,")
    incidents = sitrep_cli("incidents", "--db", store_target, "--json")
    assert incidents.returncode == 0 and incidents.stdout.strip()
    event_id = json.loads(sitrep_cli("export", "--db", store_target, "-f", "jsonl").stdout.splitlines()[0])["event_id"]
    shown = sitrep_cli("show", event_id, "--db", store_target)
    assert shown.returncode == 0 and json.loads(shown.stdout)["id"] == event_id


def test_two_ingests_at_once_store_each_article_once(store_target):
    runs = [subprocess.Popen([sys.executable, "-m", "sitrep", "ingest", str(SAMPLES), "--db", store_target,
                              "--workers", "1"], stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for proc in runs:
        proc.wait(timeout=600)
        assert proc.returncode == 0, proc.stderr.read()
    with Store(store_target, readonly=True) as store:
        counts = store.counts()
        ids = [e["id"] for e in store.find_events(limit=10_000)[0]]
        merged = [i.to_dict() for i in store.each_incident()]
    assert counts["articles"] == 5 and len(ids) == len(set(ids)) == counts["events"]
    # two writers at once merge in the order they stored: the same incidents as a rebuild
    with Store(store_target) as store:
        store.rebuild_incidents()
        assert [i.to_dict() for i in store.each_incident()] == merged


def test_unreachable_server_is_one_line():
    run = sitrep_cli("events", "--db", "postgresql://nobody:secret@127.0.0.1:9/none")
    assert run.returncode == 3 and "Traceback" not in run.stderr
    assert "secret" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
