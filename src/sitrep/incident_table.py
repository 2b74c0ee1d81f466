"""The store's incidents: rows kept up to date as articles arrive (see `sitrep.merge`).

  incidents          one row per incident: summary columns for queries, the full JSON document
  incident_events    which incident each stored event record belongs to
  incident_keys      the candidate index: (type family, day, place cell) → incident
  incident_aliases   ids of incidents merged into another → the surviving id

`IncidentTable` is the `merge.Repository` the store hands to `merge.absorb` inside the
transaction that stores an article, so an article and its incidents commit together or not at all.
"""
from __future__ import annotations

import json
from typing import Any, Optional

from .models import Extraction, Incident
from .periods import first_day, last_day

TABLES = """
CREATE TABLE IF NOT EXISTS incidents ({rowid}
    id TEXT PRIMARY KEY, type TEXT NOT NULL, family TEXT NOT NULL, date TEXT, first_date TEXT, last_date TEXT,
    location TEXT, lat {real}, lon {real}, country TEXT, killed INTEGER, injured INTEGER,
    reports INTEGER NOT NULL, outlets INTEGER NOT NULL, disagreements TEXT, document TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS incident_events (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE, incident_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS incident_keys (
    family TEXT NOT NULL, day INTEGER NOT NULL, cell TEXT NOT NULL, incident_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS incident_aliases (id TEXT PRIMARY KEY, incident_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS incident_keys_lookup ON incident_keys(family, day, cell);
CREATE INDEX IF NOT EXISTS incident_keys_incident ON incident_keys(incident_id);
CREATE INDEX IF NOT EXISTS incident_events_incident ON incident_events(incident_id);
CREATE INDEX IF NOT EXISTS incidents_type ON incidents(type);
CREATE INDEX IF NOT EXISTS incidents_country ON incidents(country);
CREATE INDEX IF NOT EXISTS incidents_first_date ON incidents(first_date)
"""
NAMES = ("incidents", "incident_events", "incident_keys", "incident_aliases")


class IncidentTable:
    """Incidents in the store's database; every call runs inside the caller's transaction."""

    def __init__(self, run, run_many):
        self._run, self._run_many = run, run_many

    # --- merge.Repository ---------------------------------------------------------------

    def candidates(self, family: str, first_day: int, last_day: int, cells: list[str]) -> list[Incident]:
        marks = ",".join("?" * len(cells))
        rows = self._run("SELECT i.document FROM incidents i WHERE i.id IN (SELECT k.incident_id FROM incident_keys k "
                         f"WHERE k.family = ? AND k.day BETWEEN ? AND ? AND k.cell IN ({marks})) ORDER BY i.rowid",
                         (family, first_day, last_day, *cells)).fetchall()
        return [Incident.from_dict(json.loads(r["document"])) for r in rows]

    def save(self, incident: Incident, keys: list[tuple[str, int, str]]) -> None:
        loc = incident.location
        self._run(
            "INSERT INTO incidents (id, type, family, date, first_date, last_date, location, lat, lon, country, "
            "killed, injured, reports, outlets, disagreements, document) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT (id) DO UPDATE SET type = excluded.type, family = excluded.family, date = excluded.date, "
            "first_date = excluded.first_date, last_date = excluded.last_date, location = excluded.location, "
            "lat = excluded.lat, lon = excluded.lon, country = excluded.country, killed = excluded.killed, "
            "injured = excluded.injured, reports = excluded.reports, outlets = excluded.outlets, "
            "disagreements = excluded.disagreements, document = excluded.document",
            (incident.id, incident.type, incident.family, incident.date, incident.first_date, incident.last_date,
             loc and loc.name, loc and loc.lat, loc and loc.lon, loc and loc.country, incident.killed,
             incident.injured, len(incident.reports), len(incident.outlets),
             ",".join(sorted({d.kind for d in incident.disagreements})) or None, json.dumps(incident.to_dict())))
        self._run("DELETE FROM incident_keys WHERE incident_id = ?", (incident.id,))
        self._run_many("INSERT INTO incident_keys (family, day, cell, incident_id) VALUES (?,?,?,?)",
                       [(*k, incident.id) for k in keys])
        self._run_many("INSERT INTO incident_events (event_id, incident_id) VALUES (?,?) ON CONFLICT (event_id) "
                       "DO UPDATE SET incident_id = excluded.incident_id", [(r.event, incident.id) for r in incident.reports])

    def retire(self, old_id: str, survivor_id: str) -> None:
        self._run("DELETE FROM incidents WHERE id = ?", (old_id,))
        self._run("DELETE FROM incident_keys WHERE incident_id = ?", (old_id,))
        self._run("UPDATE incident_aliases SET incident_id = ? WHERE incident_id = ?", (survivor_id, old_id))
        self._run("INSERT INTO incident_aliases (id, incident_id) VALUES (?,?)", (old_id, survivor_id))

    # --- rebuilding and reading ----------------------------------------------------------

    def clear(self) -> None:
        for table in NAMES:
            self._run(f"DELETE FROM {table}")

    def stored_extractions(self):
        """Every stored extraction, in the order the articles were stored (what incremental merging saw)."""
        ids = [r["id"] for r in self._run("SELECT id FROM articles ORDER BY rowid").fetchall()]
        for article_id in ids:
            row = self._run("SELECT document FROM extractions WHERE article_id = ?", (article_id,)).fetchone()
            if row:
                yield Extraction.from_dict(json.loads(row["document"]))

    def get(self, incident_id: str) -> Optional[Incident]:
        """An incident by its id, or by the id of an incident merged into it."""
        row = self._run("SELECT document FROM incidents WHERE id = COALESCE((SELECT incident_id FROM incident_aliases "
                        "WHERE id = ?), ?)", (incident_id, incident_id)).fetchone()
        return Incident.from_dict(json.loads(row["document"])) if row else None

    def of_event(self, event_id: str) -> Optional[str]:
        row = self._run("SELECT incident_id FROM incident_events WHERE event_id = ?", (event_id,)).fetchone()
        return row["incident_id"] if row else None

    def page(self, *, type: Optional[str] = None, country: Optional[str] = None, since: Optional[str] = None,
             until: Optional[str] = None, contested: bool = False, min_reports: int = 1, limit: int = 100,
             after: int = 0, raw: bool = False) -> tuple[list[Any], Optional[int]]:
        """One page of incidents in the order they were first reported, after row `after`;
        (incidents, the row to continue after or None on the last page). `raw=True` gives each
        as its stored JSON text, never parsed (what an HTTP response sends)."""
        where, args = ["rowid > ?", "reports >= ?"], [after, min_reports]
        for clause, value in (("type = ?", type and type.upper()), ("country = ?", country and country.upper()),
                              ("COALESCE(last_date, date) >= ?", since and first_day(since)),
                              ("COALESCE(first_date, date) <= ?", until and last_day(until))):
            if value:
                where.append(clause)
                args.append(value)
        if contested:
            where.append("disagreements IS NOT NULL")
        rows = self._run(f"SELECT rowid AS seq, document FROM incidents WHERE {' AND '.join(where)} "
                         "ORDER BY rowid LIMIT ?", [*args, limit + 1]).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        found = [r["document"] if raw else Incident.from_dict(json.loads(r["document"])) for r in rows]
        return found, rows[-1]["seq"] if more else None

    def counts(self) -> dict[str, Any]:
        return {"incidents": self._run("SELECT count(*) FROM incidents").fetchone()[0]}
