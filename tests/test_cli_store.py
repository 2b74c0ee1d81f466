"""The CLI as a user runs it: real files, a real SQLite file, real exit codes."""
from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def sitrep(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "sitrep", *map(str, args)], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "sitrep.db"
    run = sitrep("ingest", SAMPLES, "--db", path)
    assert run.returncode == 0, run.stderr
    assert "5 article(s) added" in run.stderr
    return path


def test_ingest_again_stores_nothing_twice(db):
    before = sqlite3.connect(db).execute("SELECT count(*) FROM events").fetchone()[0]
    run = sitrep("ingest", SAMPLES, "--db", db)
    assert run.returncode == 0 and "0 article(s) added, 5 already stored" in run.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM events").fetchone()[0] == before


def test_failed_inputs_are_reported_and_the_rest_goes_on(db, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Gunmen killed four villagers in Borno state on Monday, police said.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.jsonl").write_text('[1, 2]\n{"text": "Police arrested nine men in Lagos on Monday."}\n')
    before = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    run = sitrep("ingest", tmp_path, "--db", db, "--published", "2024-06-03")
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 2 and any("empty.txt: empty article" in e for e in errors)
    assert any("bad.jsonl:1:" in e for e in errors)
    assert "2 article(s) added" in run.stderr
    after = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert after == before + 2


def test_bad_published_option_is_a_usage_error(tmp_path):
    run = sitrep("ingest", SAMPLES, "--db", tmp_path / "x.db", "--published", "yesterday")
    assert run.returncode == 2 and "unknown publication date" in run.stderr


def test_not_a_database(tmp_path):
    fake = tmp_path / "fake.db"
    fake.write_text("this is not sqlite " * 100)
    run = sitrep("ingest", SAMPLES, "--db", fake)
    assert run.returncode == 3 and "not a sitrep database" in run.stderr  # 3: the database cannot be used
    assert fake.read_text().startswith("this is not sqlite")


def test_extract_json_lines(tmp_path):
    run = sitrep("extract", SAMPLES / "2024-05-wire-digest.jsonl", "--json")
    assert run.returncode == 0, run.stderr
    docs = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(docs) == 3
    kidnap = next(d for d in docs if "abduct" in d["article"]["title"].lower())
    (e,) = [e for e in kidnap["events"] if e["type"] == "ASSAULT"]
    assert e["mode"] == "abduct" and any(f["kind"] == "kidnapped" and f["value"] == 25 for f in e["figures"])
    assert e["location"]["country"] == "NG"


def test_events_show_and_exports(db, tmp_path):
    run = sitrep("events", "--db", db, "--type", "assault", "--country", "SD")
    assert run.returncode == 0 and "ASSAULT" in run.stdout
    row = sqlite3.connect(db).execute("SELECT id FROM events WHERE type='ASSAULT' AND country='SD'").fetchone()
    shown = json.loads(sitrep("show", row[0], "--db", db).stdout)
    assert shown["id"] == row[0] and shown["article"]["published"]

    lines = sitrep("export", "--db", db, "--format", "jsonl").stdout.splitlines()
    records = [json.loads(x) for x in lines]
    assert records and {"event_id", "event_type", "actor", "recipient", "lat", "lon", "figures"} <= set(records[0])

    csv_text = sitrep("export", "--db", db, "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert len(rows) == len(records) and {"event_date", "event_type", "actor1", "latitude", "fatalities",
                                          "date_precision", "date_text", "geo_precision"} <= set(rows[0])
    # every event_date is an ISO day (a week's, month's or year's first day), with its precision beside it
    assert all(r["event_date"] == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["event_date"]) for r in rows)
    from sitrep.export import iso_day
    assert [iso_day("2024-W25", "week"), iso_day("2018", "year"), iso_day("2024-10", "month"),
            iso_day("2021-02-16TMO", "part_of_day")] == ["2024-06-17", "2018-01-01", "2024-10-01", "2021-02-16"]
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(io.StringIO(csv_text))
    dated = frame[frame.event_date.notna()]
    assert pd.to_datetime(dated.event_date, format="%Y-%m-%d").notna().all() and len(dated) > 0

    out = tmp_path / "events.geojson"
    run = sitrep("export", "--db", db, "-f", "geojson", "-o", out)
    geo = json.loads(out.read_text())
    assert geo["type"] == "FeatureCollection" and geo["features"]
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_show_unknown_event(db):
    run = sitrep("show", "nope-e1", "--db", db)
    assert run.returncode == 1 and "no event 'nope-e1'" in run.stderr


def test_missing_database(tmp_path):
    run = sitrep("events", "--db", tmp_path / "none.db")
    assert run.returncode == 2 and "no such database" in run.stderr


def test_incidents_merge_reports_and_flag_disagreement(db):
    run = sitrep("incidents", "--db", db, "--json")
    incidents = [json.loads(x) for x in run.stdout.splitlines()]
    kassala = [i for i in incidents if i["type"] == "ASSAULT" and (i["location"] or {}).get("country") == "SD"]
    assert kassala and len({r["article"] for r in kassala[0]["reports"]}) == 2
    injured = [f for f in kassala[0]["figures"] if f["kind"] == "injured"]
    assert [f["value"] for f in injured] == [40, 31] and kassala[0]["injured"] == 40  # an update, latest first
    assert [f["source"] for f in injured] == ["ministry", "anonymous: local health officials"]


def test_extraction_round_trips_through_the_store(tmp_path):
    """extraction → store → read back → the identical contract document, typed records included."""
    import sitrep
    from sitrep.models import Actor, Extraction, Location

    text = (SAMPLES / "2024-03-11-kassala-market-shelling.txt").read_text()
    x = sitrep.extract(text, published="2024-03-11", outlet="sample", url="https://example.org/k")
    with sitrep.Store(tmp_path / "r.db") as store:
        store.add(x)
        back = store.extraction(x.article.id)
    assert isinstance(back, Extraction) and back.to_dict() == x.to_dict()
    assert back.article.text == text
    event = next(e for e in back.events if e.location)
    assert isinstance(event.location, Location) and all(isinstance(a, Actor) for a in event.actors)


def test_cli_and_api_queries_give_the_same_events(db):
    """One query path: `sitrep events` and the store's API query agree on every filter; a month
    given as --until covers the whole month."""
    from sitrep.store import Store

    with Store(db, readonly=True) as store:
        for filters in ({"until": "2024-03"}, {"since": "2024-03-11"}, {"type": "ASSAULT", "country": "SD"},
                        {"since": "2024-05", "until": "2024-05"}):
            api, _ = store.find_events(**filters, limit=1000)
            args = [x for k, v in filters.items() for x in (f"--{k}", v)]
            cli = [json.loads(x) for x in sitrep("events", "--db", db, "--json", "--limit", "1000", *args)
                   .stdout.splitlines()]
            assert [e["id"] for e in cli] == [e["id"] for e in api], filters
        assert store.find_events(until="2024-03", limit=1000)[0]  # events of March 2024 are inside --until 2024-03


def test_cli_and_http_api_agree_on_events_and_exports(db):
    """The same filters through `sitrep events` and the real HTTP API: the same events, and
    `sitrep events --format csv` writes what GET /export/csv streams."""
    import httpx
    from test_api import _serve

    proc, base = _serve(Path(db))
    try:
        for filters in ({"until": "2024-03"}, {"since": "2024-03-11"}, {"since": "2024-05", "until": "2024-05"},
                        {"type": "ASSAULT", "country": "SD"}):
            args = [x for k, v in filters.items() for x in (f"--{k}", v)]
            cli = [json.loads(x)["id"] for x in sitrep("events", "--db", db, "--json", "--limit", "1000", *args)
                   .stdout.splitlines()]
            api = [e["id"] for e in httpx.get(base + "/events", params={**filters, "limit": 1000}).json()["items"]]
            assert cli == api and cli, filters
            for fmt in ("csv", "geojson", "jsonl"):
                served = httpx.get(f"{base}/export/{fmt}", params=filters).text.replace("\r\n", "\n")
                assert sitrep("events", "--db", db, "--format", fmt, *args).stdout == served, (fmt, filters)
        assert sitrep("events", "--db", db, "--format", "xml").returncode == 2
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_date_filters_compare_each_date_at_its_precision(tmp_path):
    """A week, a month and a day each begin on a day: an event dated '2024-W25' (17–23 June) is
    inside June and outside July, whatever the precision of the filter; an older store gets the
    column filled by its migration."""
    import sitrep
    from sitrep.store import SCHEMA_VERSION, Store

    text = "Gunmen killed {n} people in Kaduna, police said. The attackers fled into the forest."
    dated = {}
    path = tmp_path / "weeks.db"
    with Store(path) as store:
        for n, (value, precision) in enumerate([("2024-W25", "week"), ("2024-06", "month"), ("2024-07-02", "day"),
                                                ("2024", "year")], 3):
            x = sitrep.extract(text.format(n=n), published="2024-07-05")
            x.events[0].date.value, x.events[0].date.precision = value, precision
            store.add(x)
            dated[value] = x.events[0].id

    def ids(db, **filters):
        with Store(db, readonly=True) as store:
            return {e["id"] for e in store.find_events(**filters, limit=100)[0]} & set(dated.values())

    for db in (path, _as_version_4(path, tmp_path)):
        assert ids(db, since="2024-06", until="2024-06") == {dated["2024-W25"], dated["2024-06"]}
        assert ids(db, since="2024-06-17", until="2024-06-17") == {dated["2024-W25"]}  # the week begins that day
        assert ids(db, since="2024-07") == {dated["2024-07-02"]}
        assert ids(db, until="2024-03") == {dated["2024"]}  # a year begins on 1 January
        with Store(db, readonly=True) as store:
            assert store._version() == SCHEMA_VERSION
    assert sitrep_cli_fails("events", "--db", str(path), "--since", "2024-13")


def _as_version_4(path, tmp_path):
    """A copy of the store as a version-4 sitrep left it (no date_start), migrated by `sitrep migrate`."""
    import shutil

    old = tmp_path / "v4.db"
    shutil.copy(path, old)
    con = sqlite3.connect(old)
    con.execute("DROP INDEX events_date_start")
    con.execute("ALTER TABLE events DROP COLUMN date_start")
    con.execute("UPDATE sitrep_meta SET value = '4' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    assert sitrep("migrate", old).returncode == 0
    return old


def sitrep_cli_fails(*args) -> bool:
    run = sitrep(*args)
    return run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1
