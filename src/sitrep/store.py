"""The store: an embedded SQLite database anyone can open with any SQLite tool, or a
PostgreSQL server when one file is not enough (`Store("postgresql://user@host/db")`); the
same code and SQL write both, through `dialects`.

Tables (see README, "Database"):
  articles    one row per article (id = hash of its text), with its text and metadata
  extractions the full JSON document sitrep produced for the article
  events      one row per event, flattened for queries (type, date, place, country...)
  actors, figures, claims, places   the event's parts, one row each
  incidents (+ incident_events, incident_keys, incident_aliases)   one row per real event across
              articles, kept up to date in the transaction that stores each article (`incident_table`)
Articles are written in transactions (one article, or a batch with `add_many`) that insert
each article row with ON CONFLICT DO NOTHING before its parts, so a failure (or a kill)
leaves the store as it was, and two ingests of the same article — in one run or in two
processes at once — store it once. `sitrep_meta` holds the schema version:
a database holding other tables and no such version is someone else's and is never written to.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Optional, Union

from . import __version__
from .dialects import Dialect, dialect_for, redact
from .incident_table import TABLES as INCIDENT_TABLES, IncidentTable
from .lexicon.outlets import outlet_name
from .merge import absorb, reports_of
from .models import Article, Event, Extraction, Incident, headline, names
from .periods import first_day, last_day

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles ({rowid}
    id TEXT PRIMARY KEY, title TEXT, outlet TEXT, url TEXT, published TEXT, language TEXT,
    source TEXT, text TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS extractions (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    sitrep_version TEXT, document TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events ({rowid}
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    type TEXT NOT NULL, mode TEXT, main INTEGER NOT NULL, trigger TEXT,
    date TEXT, date_precision TEXT, date_text TEXT,
    location TEXT, geonames_id INTEGER, lat {real}, lon {real}, country TEXT, admin1 TEXT, location_basis TEXT,
    actor TEXT, target TEXT, killed INTEGER, injured INTEGER, sentence TEXT, document TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT, name TEXT, kind TEXT, country TEXT, claim_id TEXT);
CREATE TABLE IF NOT EXISTS figures (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    kind TEXT, value INTEGER, min INTEGER, max INTEGER, qualifier TEXT, text TEXT, claim_id TEXT);
CREATE TABLE IF NOT EXISTS claims ({rowid}
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT, stance TEXT, speaker TEXT, speaker_title TEXT, speaker_affiliation TEXT,
    anonymous INTEGER, verb TEXT, about TEXT, date TEXT, text TEXT);
CREATE TABLE IF NOT EXISTS places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT, name TEXT, geonames_id INTEGER, lat {real}, lon {real}, country TEXT, admin1 TEXT,
    start INTEGER, "end" INTEGER);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_country ON events(country);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article_id);
"""
# Versioned migrations: MIGRATIONS[n] takes a version-n database to version n+1.
# A step may hold several statements; after a step that adds tables or columns, `REBUILDS` says what to fill.
MIGRATIONS = {
    1: "ALTER TABLE articles ADD COLUMN published_at TEXT;",
    2: INCIDENT_TABLES,
    # a page filtered by country and type walks only their rows, in storage order
    3: "CREATE INDEX IF NOT EXISTS events_country_type ON events(country, type);",
    # the first day of an event's date at any precision ('2024-W25' → 2024-06-17): what date filters compare
    4: "ALTER TABLE events ADD COLUMN date_start TEXT; CREATE INDEX IF NOT EXISTS events_date_start ON events(date_start);",
}
REBUILDS = {2: "_rebuild_incidents", 4: "_fill_date_start"}  # the Store method that fills each step's addition
SCHEMA_VERSION = 5
READABLE_FROM = 5  # the version whose columns this sitrep's queries read (later steps may add only indexes)
ARTICLE_KEYS = ("id", "title", "outlet", "url", "published", "published_at", "language", "source")
ARTICLE_COLUMNS = ", ".join(f"a.{k}" for k in ARTICLE_KEYS)
COMPACT_COLUMNS = ("e.id, e.type, e.mode, e.main, e.date, e.date_precision, e.date_text, e.location, e.country, "
                   "e.admin1, e.lat, e.lon, e.killed, e.injured, e.article_id, a.outlet, a.url, a.published, "
                   "ie.incident_id, i.outlets")
SITREP_TABLES = {"articles", "extractions", "events", "actors", "figures", "claims", "places"}


class StoreError(RuntimeError):
    """A database sitrep cannot use; str() is one line naming the file. `stored`: how many
    articles the failing `add_many` call had stored before it failed."""

    stored = 0


class Store:
    """`Store("sitrep.db")` or `Store("postgresql://user@host/db")`: add extractions, query
    events, read documents back. `readonly=True` never creates or changes anything (listing,
    export, the HTTP API)."""

    def __init__(self, path: Union[str, Path] = "sitrep.db", readonly: bool = False):
        self.dialect: Dialect = dialect_for(path)
        self.path = getattr(self.dialect, "path", None) or self.dialect.label
        self.label = self.dialect.label
        errors = self.dialect.errors
        try:
            self.db = self.dialect.connect(readonly)
            self._incidents = IncidentTable(self._run, self._run_many)
            self._check_schema(readonly)
            if not readonly:
                self.dialect.prepare_writer(self.db)
        except errors as exc:
            what = "not a sitrep database" if "not a database" in str(exc) else "cannot use the database"
            raise StoreError(f"{self.label}: {what} ({_one_line(exc)})") from None

    def _run(self, sql: str, args=()):
        return self.db.execute(self.dialect.sql(sql), args)

    def _run_many(self, sql: str, rows: list) -> None:
        if rows:
            self.db.cursor().executemany(self.dialect.sql(sql), rows)

    def _check_schema(self, readonly: bool) -> None:
        version = self._version()
        if version == SCHEMA_VERSION or readonly:
            if readonly and version == 0:
                raise StoreError(f"{self.label}: empty database, nothing stored yet")
            if readonly and version < READABLE_FROM:
                raise StoreError(f"{self.label}: schema version {version} is older than this sitrep's "
                                 f"({SCHEMA_VERSION}); run `sitrep migrate {self.label}` once")
            return
        with self._transaction():
            self.dialect.lock_schema(self.db)
            version = self._version()  # again, under the write lock: another ingest may have just migrated
            if version == 0:
                schema = SCHEMA.format(rowid=self.dialect.row_column, real=self.dialect.real)
                for statement in filter(str.strip, schema.split(";")):  # executescript would COMMIT
                    self._run(statement)
                version = 1
            fresh = version == 1 and not self._run("SELECT 1 FROM articles LIMIT 1").fetchone()
            for step in range(version, SCHEMA_VERSION):
                sql = MIGRATIONS[step].format(rowid=self.dialect.row_column, real=self.dialect.real)
                for statement in filter(str.strip, sql.split(";")):
                    self._run(statement)
                if step in REBUILDS and not fresh:
                    getattr(self, REBUILDS[step])()
            self._run("CREATE TABLE IF NOT EXISTS sitrep_meta (key TEXT PRIMARY KEY, value TEXT)")
            self._run("INSERT INTO sitrep_meta VALUES ('schema_version', ?) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(SCHEMA_VERSION),))

    def _version(self) -> int:
        """The schema version: 0 for an empty database, 1 for a sitrep database from before
        versions. A database holding other tables is someone else's: StoreError."""
        tables = self.dialect.tables(self.db)
        if "sitrep_meta" in tables:
            row = self._run("SELECT value FROM sitrep_meta WHERE key='schema_version'").fetchone()
            value = row[0] if row else None
            if not (isinstance(value, str) and value.isascii() and value.isdigit()):
                raise StoreError(f"{self.label}: its sitrep_meta table gives no schema version a sitrep wrote "
                                 f"({value!r}); not a database sitrep can use as it is")
            version = int(value)
        elif SITREP_TABLES <= tables:
            version = 1
        elif tables:
            raise StoreError(f"{self.label}: holds other tables ({', '.join(sorted(tables)[:5])}) and is not a "
                             "sitrep database; sitrep will not write into it")
        else:
            version = 0
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.label}: schema version {version} is newer than this sitrep ({SCHEMA_VERSION})")
        return version

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN … COMMIT, ROLLBACK on any error (SQLite: BEGIN IMMEDIATE, the write lock taken
        before the first read)."""
        self.db.execute(self.dialect.begin)
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException:
            # a COMMIT that failed (locked, disk full) leaves the transaction open on SQLite: end
            # it, or the next BEGIN fails with "cannot start a transaction within a transaction"
            self._rollback()
            raise

    def _rollback(self) -> None:
        try:
            self.db.execute("ROLLBACK")
        except self.dialect.errors:
            pass  # no transaction left to end (the failure ended it)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has(self, article_id: str) -> bool:
        return self._run("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def add(self, x: Extraction) -> bool:
        """Store one extraction atomically; False if the article was already stored.
        Raises StoreError (one line) when the database cannot be written: nothing is half-stored."""
        return self.add_many([x])[0]

    def add_many(self, extractions: list[Extraction]) -> list[bool]:
        """Store a batch in one transaction (far fewer commits than one per article); for
        each, whether it was new. If the batch cannot be written, each article is tried alone,
        so one bad article costs only itself; StoreError names the first that fails."""
        try:
            with self._transaction():
                self.dialect.lock_writes(self.db)
                return [self._insert(x) for x in extractions]
        except self.dialect.errors as exc:
            if len(extractions) == 1:
                x = extractions[0]
                raise StoreError(f"{self.label}: cannot store {x.article.source or x.article.id} "
                                 f"({_one_line(exc)})") from None
        results: list[bool] = []
        for x in extractions:
            try:
                results.append(self.add(x))
            except StoreError as exc:
                exc.stored = sum(results)  # stored by this call before it failed: the caller's count
                raise
        return results

    def _insert(self, x: Extraction) -> bool:
        a: Article = x.article
        inserted = self._run("INSERT INTO articles (id, title, outlet, url, published, language, source, text, "
                             "ingested_at, published_at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING",
                             (a.id, a.title, a.outlet, a.url, a.published, a.language, a.source, a.text,
                              datetime.now(timezone.utc).isoformat(timespec="seconds"), a.published_at))
        if inserted.rowcount == 0:  # stored before, or by another ingest that committed first
            return False
        doc = x.to_dict()
        self._run("INSERT INTO extractions (article_id, sitrep_version, document) VALUES (?,?,?)",
                        (a.id, __version__, json.dumps(doc)))
        for e, stored in zip(x.events, doc["events"]):
            loc = e.location
            where = (loc.name, loc.geonames_id, loc.lat, loc.lon, loc.country, loc.admin1, loc.basis) if loc else (None,) * 7
            self._run(
                "INSERT INTO events (id, article_id, type, mode, main, trigger, date, date_precision, date_text, "
                "location, geonames_id, lat, lon, country, admin1, location_basis, actor, target, killed, injured, "
                "sentence, document, date_start) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (e.id, a.id, e.type, e.mode, int(e.main), e.trigger, e.date.value, e.date.precision, e.date.text,
                 *where,
                 "; ".join(names(e, "actor")) or None, "; ".join(names(e, "target")) or None,
                 headline(e, "killed"), headline(e, "injured"),
                 e.evidence[0].sentence if e.evidence else None, json.dumps(stored),
                 first_day(e.date.value, e.date.precision)))
            self._run_many("INSERT INTO actors (event_id, role, name, kind, country, claim_id) VALUES (?,?,?,?,?,?)",
                           [(e.id, r.role, r.name, r.kind, r.country, r.claim) for r in e.actors])
            self._run_many("INSERT INTO figures (event_id, kind, value, min, max, qualifier, text, claim_id) "
                           "VALUES (?,?,?,?,?,?,?,?)",
                           [(e.id, f.kind, f.value, f.min, f.max, f.qualifier, f.text, f.source) for f in e.figures])
        for c in x.claims:
            who = c.speaker
            self._run("INSERT INTO claims (id, article_id, kind, stance, speaker, speaker_title, "
                      "speaker_affiliation, anonymous, verb, about, date, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                      (c.id, a.id, c.kind, c.stance, who and who.name, who and who.title, who and who.affiliation,
                       int(bool(who and who.anonymous)), c.verb, c.about, c.date, c.text))
        self._run_many('INSERT INTO places (article_id, text, name, geonames_id, lat, lon, country, admin1, '
                       'start, "end") VALUES (?,?,?,?,?,?,?,?,?,?)',
                       [(a.id, p.text, p.name, p.geonames_id, p.lat, p.lon, p.country, p.admin1, p.start, p.end)
                        for p in x.places])
        absorb(reports_of(x), self._incidents)
        return True

    # --- incidents -----------------------------------------------------------------------

    def incidents(self, *, type: Optional[str] = None, country: Optional[str] = None, since: Optional[str] = None,
                  until: Optional[str] = None, contested: bool = False, min_reports: int = 1, limit: int = 100,
                  after: int = 0, raw: bool = False) -> tuple[list[Any], Optional[int]]:
        """One page of stored incidents, oldest first, after row `after`: (incidents, next row or None).
        `contested` keeps incidents whose sources disagree; `min_reports` those told by that many records;
        `raw=True` gives their JSON text unparsed."""
        return self._incidents.page(type=type, country=country, since=since, until=until, contested=contested,
                                    min_reports=min_reports, limit=limit, after=after, raw=raw)

    def each_incident(self, **filters) -> Iterator[Incident]:
        """Every stored incident matching `incidents()`'s filters, oldest first, a page at a time."""
        after: Optional[int] = 0
        while after is not None:
            page, after = self.incidents(**filters, limit=500, after=after)
            yield from page

    def incident(self, incident_id: str) -> Optional[Incident]:
        """An incident by id; the id of an incident merged into another gives the survivor."""
        return self._incidents.get(incident_id)

    def incident_of(self, event_id: str) -> Optional[str]:
        """The id of the incident an event record belongs to."""
        return self._incidents.of_event(event_id)

    def rebuild_incidents(self) -> int:
        """Recompute every incident from the stored events, in the order they were stored (the
        same incidents incremental merging built); returns how many there are."""
        try:
            with self._transaction():
                self.dialect.lock_writes(self.db)
                self._rebuild_incidents()
        except self.dialect.errors as exc:
            raise StoreError(f"{self.label}: cannot rebuild incidents ({_one_line(exc)})") from None
        return self._incidents.counts()["incidents"]

    def _fill_date_start(self) -> None:
        rows = self._run("SELECT id, date, date_precision FROM events WHERE date IS NOT NULL").fetchall()
        self._run_many("UPDATE events SET date_start = ? WHERE id = ?",
                       [(first_day(r["date"], r["date_precision"]), r["id"]) for r in rows])

    def _rebuild_incidents(self) -> None:
        self._incidents.clear()
        for x in self._incidents.stored_extractions():
            absorb(reports_of(x), self._incidents)

    # --- reading -------------------------------------------------------------------

    def find_events(self, *, since: Optional[str] = None, until: Optional[str] = None, type: Optional[str] = None,
                    mode: Optional[str] = None, country: Optional[str] = None,
                    bbox: Optional[tuple[float, float, float, float]] = None, actor: Optional[str] = None,
                    text: Optional[str] = None, main_only: bool = False, contested: bool = False,
                    limit: int = 100, after: int = 0, raw: bool = False,
                    compact: bool = False) -> tuple[list[Any], Optional[int]]:
        """One page of events (their JSON documents, with `article`), in storage order after
        row `after`; returns (events, the row to continue after, or None on the last page).
        `raw=True` gives each event as JSON text, never parsed (what an HTTP response sends); with
        `compact`, the whole page as one JSON array.
        `compact=True` gives what a list or a map shows (`COMPACT_COLUMNS`, read from columns, the
        document untouched), with the event's incident and how many outlets report it.
        Every value is a bound parameter: no SQL is built from what a caller sends."""
        where, args = ["e.rowid > ?"], [after]
        # an event is inside [since, until] when its date begins there, at whatever precision
        # both are written: '2024-W25' begins on 2024-06-17, inside --since 2024-06 --until 2024-06
        for clause, value in (("e.date_start >= ?", since and first_day(since)),
                              ("e.date_start <= ?", until and last_day(until)),
                              ("e.type = ?", type and type.upper()), ("e.mode = ?", mode),
                              ("e.country = ?", country and country.upper())):
            if value:
                where.append(clause)
                args.append(value)
        if bbox:
            where.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
            args += [bbox[0], bbox[2], bbox[1], bbox[3]]
        if actor:
            where.append("EXISTS (SELECT 1 FROM actors x WHERE x.event_id = e.id AND x.name LIKE ? ESCAPE '\\')")
            args.append(f"%{_like(actor)}%")
        if text:
            where.append("e.sentence LIKE ? ESCAPE '\\'")
            args.append(f"%{_like(text)}%")
        if main_only:
            where.append("e.main = 1")
        if contested:  # sources in the article give different values for one kind of figure
            where.append("EXISTS (SELECT 1 FROM figures f WHERE f.event_id = e.id GROUP BY f.kind "
                         "HAVING count(DISTINCT f.value) > 1)")
        if compact:
            rows = self._run(
                f"SELECT e.rowid AS seq, {COMPACT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id "
                "LEFT JOIN incident_events ie ON ie.event_id = e.id LEFT JOIN incidents i ON i.id = ie.incident_id "
                f"WHERE {' AND '.join(where)} ORDER BY e.rowid LIMIT ?", [*args, limit + 1]).fetchall()
            more = len(rows) > limit
            items = [_compact(r) for r in rows[:limit]]
            # raw: one JSON array for the page, made in one call (what an HTTP response sends)
            return (json.dumps(items) if raw else items), (rows[limit - 1]["seq"] if more else None)
        rows = self._run(
            f"SELECT e.rowid AS seq, e.document, {ARTICLE_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE {' AND '.join(where)} ORDER BY e.rowid LIMIT ?", [*args, limit + 1]).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        events: list[Any] = []
        for r in rows:
            article = _article(r)
            if raw:  # '{"id": …}' → '{"article": {…}, "id": …}'
                events.append('{"article": ' + json.dumps(article) + ", " + r["document"][1:])
            else:
                event = json.loads(r["document"])
                event["article"] = article
                events.append(event)
        return events, (rows[-1]["seq"] if more else None)

    def each_event(self, **filters) -> Iterator[tuple[Event, Article]]:
        """Every event `find_events` finds for these filters, page by page, read back as typed
        records: (the event, its article's metadata; the text is not loaded)."""
        after = 0
        while True:
            page, after = self.find_events(**filters, limit=1000, after=after)
            for found in page:
                yield Event.from_dict(found), Article(text="", **found["article"])
            if after is None:
                return

    def claims_page(self, *, speaker: Optional[str] = None, stance: Optional[str] = None,
                    anonymous: Optional[bool] = None, limit: int = 100,
                    after: int = 0) -> tuple[list[dict[str, Any]], Optional[int]]:
        where, args = ["c.rowid > ?"], [after]
        if speaker:
            where.append("(c.speaker LIKE ? ESCAPE '\\' OR c.speaker_affiliation LIKE ? ESCAPE '\\')")
            args += [f"%{_like(speaker)}%"] * 2
        if stance:
            where.append("c.stance = ?")
            args.append(stance)
        if anonymous is not None:
            where.append("c.anonymous = ?")
            args.append(int(anonymous))
        rows = self._run(f"SELECT c.rowid AS seq, c.* FROM claims c WHERE {' AND '.join(where)} "
                               "ORDER BY c.rowid LIMIT ?", [*args, limit + 1]).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        return [{k: r[k] for k in r.keys() if k not in ("seq", "rowid")} for r in rows], (rows[-1]["seq"] if more else None)

    def articles_page(self, limit: int = 100, after: int = 0) -> tuple[list[dict[str, Any]], Optional[int]]:
        rows = self._run("SELECT rowid AS seq, id, title, outlet, url, published, published_at, language, "
                               "source FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?",
                               (after, limit + 1)).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        return [{k: r[k] for k in r.keys() if k not in ("seq", "rowid")} for r in rows], (rows[-1]["seq"] if more else None)

    def article_text(self, article_id: str) -> Optional[str]:
        row = self._run("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row["text"] if row else None

    def extraction(self, article_id: str) -> Optional[Extraction]:
        """What `add` stored for an article, read back as the typed records it was."""
        row = self._run("SELECT a.text, a.source, x.document FROM articles a JOIN extractions x "
                              "ON x.article_id = a.id WHERE a.id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        return Extraction.from_dict(json.loads(row["document"]), text=row["text"], source=row["source"])

    def document(self, article_id: str) -> Optional[dict[str, Any]]:
        row = self._run("SELECT document FROM extractions WHERE article_id = ?", (article_id,)).fetchone()
        return json.loads(row["document"]) if row else None

    def event(self, event_id: str) -> Optional[dict[str, Any]]:
        row = self._run("SELECT document, article_id FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        event = json.loads(row["document"])
        event["article"] = self.article(row["article_id"])
        return event

    def article(self, article_id: str) -> Optional[dict[str, Any]]:
        row = self._run(f"SELECT {', '.join(ARTICLE_KEYS)} FROM articles WHERE id=?",
                              (article_id,)).fetchone()
        return _article(row) if row else None

    def documents(self) -> Iterator[dict[str, Any]]:
        """Every stored extraction, in the JSON contract."""
        for row in self._run("SELECT document FROM extractions ORDER BY article_id"):
            yield json.loads(row["document"])

    def counts(self) -> dict[str, int]:
        return {t: self._run(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "claims", "places", "incidents")}


def _article(r) -> dict[str, Any]:
    """An article's metadata; with no outlet given, the outlet its URL names."""
    article = {k: r[k] for k in ARTICLE_KEYS}
    article["outlet"] = outlet_name(article["outlet"], article["url"])
    return article


def _compact(r) -> dict[str, Any]:
    """An event as a list row or a map marker shows it (see `COMPACT_COLUMNS`)."""
    return {"id": r["id"], "type": r["type"], "mode": r["mode"], "main": bool(r["main"]),
            "date": {"value": r["date"], "precision": r["date_precision"], "text": r["date_text"]},
            "location": {"name": r["location"], "country": r["country"], "admin1": r["admin1"],
                         "lat": r["lat"], "lon": r["lon"]},
            "killed": r["killed"], "injured": r["injured"],
            "incident": r["incident_id"], "outlets": r["outlets"] or 1,
            "article": {"id": r["article_id"], "outlet": outlet_name(r["outlet"], r["url"]), "url": r["url"],
                        "published": r["published"]}}


def _one_line(exc: BaseException) -> str:
    return redact(" ".join(str(exc).split()))


def _like(text: str) -> str:
    """A caller's text as a LIKE pattern that matches it literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
