"""Stored incidents on both back ends: built as articles arrive, the same when rebuilt,
ids of merged incidents still resolve, older databases migrate."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sitrep.store import SCHEMA_VERSION, Store, StoreError
from test_merge import IRAQ, report


def stories():
    a = report(1, place=IRAQ, feature="country", actors=[("target", "Erbil Airport")], published="2021-02-15T21:00:00+00:00")
    b = report(2, outlet="BBC", actors=[("claimed_by", "Saraya Awliya al-Dam")], killed=1)
    c = report(3, outlet="AFP", actors=[("target", "Erbil Airport"), ("claimed_by", "Saraya Awliya al-Dam")],
               killed=3, published="2021-02-16T09:30:00+00:00")
    other = report(4, outlet="AP", date="2021-03-02", published="2021-03-02T12:00:00+00:00")
    return [a, b, c, other]


def snapshot(store: Store) -> list[dict]:
    return [i.to_dict() for i in store.each_incident()]


def test_incremental_equals_rebuild_and_merged_ids_resolve(store_target):
    a, b, c, other = stories()
    with Store(store_target) as store:
        store.add_many([a, b])
        first, second = (i.id for i in store.each_incident())
        store.add(c)  # bridges the two
        store.add(other)
        incremental = snapshot(store)
        assert store.rebuild_incidents() == 2
        assert snapshot(store) == incremental
        survivor = store.incident(second)  # the merged id leads to the survivor
        assert survivor.id == first and survivor.merged_from == [second]
        assert store.incident_of(b.events[0].id) == first
        assert [len(i.reports) for i in store.each_incident()] == [3, 1]
        assert store.counts()["incidents"] == 2


def test_incident_filters(store_target):
    with Store(store_target) as store:
        store.add_many(stories())
        assert [len(i.reports) for i in store.each_incident(min_reports=2)] == [3]
        contested = list(store.each_incident(contested=True))
        assert [d.kind for d in contested[0].disagreements] == ["killed"]
        assert len(list(store.each_incident(since="2021-03"))) == 1
        assert len(list(store.each_incident(until="2021-02"))) == 1
        page, after = store.incidents(limit=1)
        rest, end = store.incidents(limit=1, after=after)
        assert page[0].id != rest[0].id and end is None


def test_an_older_database_is_migrated_and_its_incidents_built(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.add_many(stories())
        expected = snapshot(store)
        for table in ("incidents", "incident_events", "incident_keys", "incident_aliases"):
            store.db.execute(f"DROP TABLE {table}")
        store.db.execute("DROP INDEX events_date_start")  # and what versions 3 and 4 added
        store.db.execute("ALTER TABLE events DROP COLUMN date_start")
        store.db.execute("DROP INDEX events_country_type")
        store.db.execute("UPDATE sitrep_meta SET value = '2' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="sitrep migrate"):
        Store(path, readonly=True)
    run = subprocess.run([sys.executable, "-m", "sitrep", "migrate", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    with Store(path, readonly=True) as store:
        assert snapshot(store) == expected
        assert store._version() == SCHEMA_VERSION


def test_cli_incidents_json_rebuild_and_export(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add_many(stories())

    def cli(*args):
        run = subprocess.run([sys.executable, "-m", "sitrep", *args, "--db", str(path)], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        return run.stdout

    lines = [json.loads(x) for x in cli("incidents", "--json", "--rebuild").splitlines()]
    assert [len(x["reports"]) for x in lines] == [3, 1]
    assert lines[0]["reports"][2]["joined_by"][0] == "type: assault"
    csv_text = cli("export", "--incidents", "-f", "csv")
    header, first = csv_text.splitlines()[:2]
    assert header.startswith("incident_id,event_date") and "Reuters; BBC; AFP" in first and ",killed," in first
    geo = json.loads(cli("export", "--incidents", "-f", "geojson"))
    assert len(geo["features"]) == 2 and geo["features"][0]["properties"]["reports"] == 3


def test_outlet_from_the_url_when_metadata_has_none(tmp_path):
    from sitrep.export import dumps

    x = report(9, outlet=None, url="https://apnews.com/article/erbil-rockets")
    with Store(tmp_path / "u.db") as store:
        store.add(x)
        (inc,) = list(store.each_incident())
        docs = list(store.documents())
    assert inc.outlets == ["Associated Press"] and inc.reports[0].outlet == "Associated Press"
    row = dumps(docs, "csv").splitlines()[1]
    assert ",Associated Press,https://apnews.com/article/erbil-rockets," in row
