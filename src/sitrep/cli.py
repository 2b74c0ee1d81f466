"""The `sitrep` command: a thin layer over the Python API (read, extract, Store, export)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterator, List, Optional, Union

import typer
from rich.console import Console
from rich.table import Table

from . import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn news reports about conflict into a sourced, geocoded PLOVER event database.")
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one line per message, never wrapped
out = Console(highlight=False)

DB_OPTION = typer.Option(Path("sitrep.db"), "--db", help="SQLite database file.")


def _articles(paths: List[Path], published: Optional[str], failures: list) -> Iterator:
    """Articles from the inputs; each bad input is reported on one line and counted."""
    from .read import InputError, read

    try:
        items = read(paths, published=published)
        for item in items:
            if isinstance(item, InputError):
                err.print(f"[red]error[/red] {item}")
                failures.append(item)
            else:
                yield item
    except InputError as exc:  # a bad --published value
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2)


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
           db: Path = DB_OPTION,
           published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD where none is known.")):
    """Read articles, extract their events and store them."""
    from .pipeline import extract_articles
    from .store import Store, StoreError

    failures: list = []
    added = skipped = 0
    try:
        store = Store(db)
    except StoreError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2)
    def fresh():
        nonlocal skipped
        for article in _articles(paths, published, failures):
            if store.has(article.id):
                skipped += 1
            else:
                yield article

    with store:
        for x in _progress(extract_articles(fresh()), "extracting"):
            if store.add(x):
                added += 1
            else:  # the same article twice in one batch
                skipped += 1
        counts = store.counts()
    err.print(f"{added} article(s) added, {skipped} already stored, {len(failures)} failed; "
              f"{db} now holds {counts['articles']} articles, {counts['events']} events, {counts['claims']} claims")
    if failures:
        raise typer.Exit(1)


@app.command()
def extract(paths: List[Path] = typer.Argument(..., help="Files or folders (.txt, .html, .jsonl)."),
            as_json: bool = typer.Option(False, "--json", help="Print one JSON document per article (JSON Lines)."),
            published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD where none is known.")):
    """Extract events without storing them."""
    from .pipeline import extract_articles

    failures: list = []
    for x in _progress(extract_articles(_articles(paths, published, failures)), "extracting"):
        if as_json:
            sys.stdout.write(json.dumps(x.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            _event_table([_row(e, x.article) for e in x.events], title=x.article.source or x.article.id)
    if failures:
        raise typer.Exit(1)


def _row(e, article) -> dict:
    d = e.to_dict() if hasattr(e, "to_dict") else e
    loc = d.get("location") or {}
    actors = d.get("actors") or []
    figs = d.get("figures") or []
    return {"id": d["id"], "type": d["type"], "mode": d.get("mode"), "main": d["main"],
            "date": (d.get("date") or {}).get("value"), "location": loc.get("name"), "country": loc.get("country"),
            "actor": _names(a["name"] for a in actors if a["role"] in ("actor", "claimed_by")),
            "target": _names(a["name"] for a in actors if a["role"] in ("target", "recipient")),
            "figures": ", ".join(f"{f['kind']} {f['value'] if f['value'] is not None else str(f['min']) + '+'}" for f in figs)}


def _names(names, keep: int = 2) -> str:
    names = list(dict.fromkeys(names))
    more = f" +{len(names) - keep}" if len(names) > keep else ""
    return "; ".join(names[:keep]) + more


def _event_table(rows: list, title: str) -> None:
    table = Table(title=title, show_lines=False, expand=False)
    for col in ("id", "type", "mode", "date", "location", "actor", "target", "figures"):
        table.add_column(col, overflow="fold", max_width=34 if col in ("actor", "target") else None)
    for r in rows:
        style = None if r["main"] else "dim"
        table.add_row(r["id"], r["type"], r["mode"] or "", r["date"] or "",
                      ", ".join(x for x in (r["location"], r["country"]) if x), r["actor"], r["target"],
                      r["figures"], style=style)
    out.print(table)


@app.command()
def events(db: Path = DB_OPTION,
           type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. ASSAULT."),
           country: Optional[str] = typer.Option(None, help="ISO 3166 alpha-2 country of the event."),
           since: Optional[str] = typer.Option(None, help="Events on or after YYYY-MM-DD."),
           until: Optional[str] = typer.Option(None, help="Events on or before YYYY-MM-DD."),
           main: bool = typer.Option(False, "--main", help="Only what articles report as news."),
           limit: int = typer.Option(200, help="At most this many rows.")):
    """List stored events."""
    from .store import Store

    _require(db)
    with Store(db) as store:
        rows = store.events(type=type, country=country, since=since, until=until, main_only=main, limit=limit)
    table_rows = []
    for r in rows:
        doc = json.loads(r["document"])
        table_rows.append(_row(doc, None))
    _event_table(table_rows, title=f"{len(rows)} event(s) in {db}")


@app.command()
def show(event_id: str, db: Path = DB_OPTION):
    """Print one stored event as JSON, with its article."""
    from .store import Store

    _require(db)
    with Store(db) as store:
        event = store.event(event_id)
    if event is None:
        err.print(f"[red]error[/red] no event {event_id!r} in {db}")
        raise typer.Exit(1)
    sys.stdout.write(json.dumps(event, indent=2, ensure_ascii=False) + "\n")


@app.command()
def export(db: Path = DB_OPTION,
           format: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv or geojson."),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout).")):
    """Export stored events as JSON Lines, ACLED-like CSV or GeoJSON."""
    from .export import FORMATS, write
    from .store import Store

    if format not in FORMATS:
        err.print(f"[red]error[/red] unknown format {format!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    _require(db)
    with Store(db) as store:
        docs = list(store.documents())
    if output:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            n = write(docs, format, fh)
        err.print(f"{n} event(s) written to {output}")
    else:
        write(docs, format, sys.stdout)


@app.command()
def incidents(db: Path = DB_OPTION,
              radius: float = typer.Option(50.0, help="Reports within this many km can be one incident."),
              as_json: bool = typer.Option(False, "--json", help="Print JSON Lines.")):
    """Merge reports of the same event across articles; show where sources disagree."""
    from .merge import merge
    from .store import Store

    _require(db)
    with Store(db) as store:
        found = merge(store.documents(), radius_km=radius)
    if as_json:
        for inc in found:
            sys.stdout.write(json.dumps(inc.to_dict(), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(found)} incident(s)")
    for col in ("incident", "type", "date", "location", "reports", "disagreements"):
        table.add_column(col, overflow="fold")
    for inc in found:
        loc = inc.location or {}
        table.add_row(inc.id, inc.type, inc.date or "", ", ".join(x for x in (loc.get("name"), loc.get("country")) if x),
                      str(len(inc.events)), "\n".join(inc.disagreements))
    out.print(table)


@app.command()
def version():
    """Print sitrep's version."""
    out.print(__version__)


def _require(db: Path) -> None:
    if not db.exists():
        err.print(f"[red]error[/red] {db}: no such database (run `sitrep ingest PATH --db {db}` first)")
        raise typer.Exit(2)


if __name__ == "__main__":
    app()
