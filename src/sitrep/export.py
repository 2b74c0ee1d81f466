"""Export stored events in formats analysts already use.

* `jsonl`   one POLECAT-style record per event (PLOVER type, mode, actors, geo,
            figures, evidence, source article);
* `csv`     ACLED-like columns (event_date, event_type, sub_event_type, actor1,
            actor2, country, admin1, location, latitude, longitude, fatalities...);
* `geojson` a FeatureCollection of located events, for any map tool.

`write_incidents` writes the same three formats with one record per incident instead: the
incident's JSON document, or a row/feature with its headline figures, reports, outlets,
corroboration and typed disagreements.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Iterator, Optional, TextIO

from .lexicon.outlets import outlet_name
from .models import ROLE_GROUPS, Article, Event, Extraction, Incident, Location, headline, names
from .periods import first_day

MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv", "geojson": "application/geo+json"}
FORMATS = tuple(MEDIA_TYPES)
CSV_COLUMNS = [
    "event_id", "event_date", "date_precision", "date_text", "year", "time_precision", "event_type",
    "sub_event_type", "main", "actor1", "actor1_country", "actor2", "actor2_country", "alleged_perpetrators",
    "claimed_by", "country", "admin1", "location", "geonames_id", "latitude", "longitude", "geo_precision",
    "geo_basis", "fatalities", "injured", "weapons", "source", "source_url", "published", "notes",
]
# ACLED's geo_precision: 1 the town itself, 2 near it or a part of a region, 3 a province or larger
GEO_PRECISION = {"local": 1, "landmark": 1, "city": 1, "admin2": 2, "natural": 2, "area": 2, "admin1": 3,
                 "region": 3, "sea": 3, "country": 3, "continent": 3}


def iso_day(value: Optional[str], precision: Optional[str] = None) -> Optional[str]:
    """A date value as an ISO day any spreadsheet or pandas reads: the day itself, or the first
    day of the week, month or year it names ('2024-W25' → '2024-06-17'); None when it has none."""
    return first_day(value, precision)


def geo_precision(feature: Optional[str], basis: Optional[str]) -> Optional[int]:
    level = GEO_PRECISION.get(feature or "")
    if level == 1 and basis in ("dateline", "article"):
        return 2  # the story's town, not a place its own clause names
    return level


def event_records(documents: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Flatten extraction documents (the JSON contract) into one POLECAT-style record per event."""
    for doc in documents:
        x = Extraction.from_dict(doc)
        for e in x.events:
            yield event_record(e, x.article)


def event_record(e: Event, art: Article) -> dict[str, Any]:
    """One event, with its article's metadata, as a POLECAT-style record."""
    def first(group: str, attribute: str) -> Any:
        return _first(getattr(a, attribute) for a in e.actors if a.role in ROLE_GROUPS[group])
    loc = e.location or Location(None, None, None, None, None, None, None)
    return {
        "event_id": e.id, "story_id": art.id, "story_date": art.published,
        "event_date": e.date.value, "date_precision": e.date.precision,
        "date_text": e.date.text, "event_type": e.type, "mode": e.mode, "main": e.main,
        "actor": names(e, "actor"), "actor_country": first("actor", "country"), "actor_kind": first("actor", "kind"),
        "recipient": names(e, "target"), "recipient_country": first("target", "country"),
        "alleged_perpetrators": names(e, "alleged"), "claimed_by": names(e, "claimed"),
        "location": loc.name, "geonames_id": loc.geonames_id, "lat": loc.lat, "lon": loc.lon,
        "country": loc.country, "admin1": loc.admin1, "geo_basis": loc.basis, "feature": loc.feature,
        "origin": e.origin.name if e.origin else None,
        "weapons": [w.text for w in e.weapons], "figures": [f.to_dict() for f in e.figures],
        "fatalities": headline(e, "killed"), "injured": headline(e, "injured"),
        "evidence": [ev.sentence for ev in e.evidence],
        "source": outlet_name(art.outlet, art.url), "url": art.url, "title": art.title,
    }


def _first(values) -> Any:
    return next((v for v in values if v), None)


def write(documents: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write the events of extraction documents in `fmt` to `out`; return how many were written."""
    return _emit(_event_items(event_records(documents)), fmt, CSV_COLUMNS, out)


def write_events(events: Iterable[tuple[Event, Article]], fmt: str, out: TextIO) -> int:
    """Write stored events with their articles (as `Store.each_event` gives them)."""
    return _emit(_event_items(event_record(e, a) for e, a in events), fmt, CSV_COLUMNS, out)


def event_chunks(events: Iterable[tuple[Event, Article]], fmt: str) -> Iterator[str]:
    """The text `write_events` writes, in chunks as it is made (for a streamed response)."""
    return _batched(_pieces(_event_items(event_record(e, a) for e, a in events), fmt, CSV_COLUMNS))


def _batched(pieces: Iterable[str], size: int = 65536) -> Iterator[str]:
    """Pieces of text joined into chunks of about `size` characters."""
    chunk: list[str] = []
    length = 0
    for piece in pieces:
        chunk.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(chunk)
            chunk, length = [], 0
    if chunk:
        yield "".join(chunk)


# JSON allows these raw, but line-splitting readers (Python's str.splitlines, some editors) break
# a JSON Lines record at them
LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}


def json_line(record: Any) -> str:
    """One JSON Lines record: non-ASCII kept readable, every line-breaking character escaped."""
    text = json.dumps(record, ensure_ascii=False)
    for raw, escaped in LINE_BREAKS.items():
        text = text.replace(raw, escaped)
    return text + "\n"


def _event_items(records: Iterable[dict[str, Any]]):
    def feature(r: dict[str, Any]) -> Optional[dict[str, Any]]:
        if r["lat"] is None or r["lon"] is None:
            return None
        return _feature(r["lon"], r["lat"], {k: v for k, v in r.items() if k not in ("lat", "lon", "figures")})
    return ((lambda r=r: r, lambda r=r: acled_row(r), lambda r=r: feature(r)) for r in records)


def _feature(lon: float, lat: float, props: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}


def _emit(items, fmt: str, columns: list[str], out: TextIO) -> int:
    """Write (JSON record, CSV row, GeoJSON feature or None) items in one format; each is made
    only when the format needs it. Returns how many were written."""
    counted = _Counter()
    for piece in _pieces(items, fmt, columns, counted):
        out.write(piece)
    return counted.n


class _Counter:
    n = 0


def _taken(buf: io.StringIO) -> str:
    """What the CSV writer wrote since last taken."""
    text = buf.getvalue()
    buf.seek(0)
    buf.truncate()
    return text


def _pieces(items, fmt: str, columns: list[str], counted: Optional[_Counter] = None) -> Iterator[str]:
    """The items in one format, a record (or the header, or a closing bracket) per piece."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    counted = counted or _Counter()
    if fmt == "jsonl":
        for record, _, _ in items:
            yield json_line(record())
            counted.n += 1
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns)
        writer.writeheader()
        for _, row, _ in items:
            writer.writerow({k: safe_cell(v) for k, v in row().items()})
            counted.n += 1
            yield _taken(buf)
        yield _taken(buf)
    else:
        yield '{"type": "FeatureCollection", "features": ['
        for _, _, feature in items:
            if (f := feature()):
                yield (", " if counted.n else "") + json.dumps(f, ensure_ascii=False)
                counted.n += 1
        yield "]}\n"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM", "-2+3") is
    prefixed with a single quote, as OWASP advises for CSV injection; numbers pass unchanged."""
    if isinstance(value, str) and value.lstrip(" \u00a0").startswith(FORMULA_START):
        return "'" + value
    return value


def acled_row(r: dict[str, Any]) -> dict[str, Any]:
    date = iso_day(r["event_date"], r["date_precision"])
    return {
        "event_id": r["event_id"], "event_date": date, "date_precision": r["date_precision"],
        "date_text": r["date_text"], "year": date[:4] if date else None,
        "time_precision": {"day": 1, "week": 2, "month": 3, "year": 3}.get(r["date_precision"] or "", None),
        "event_type": r["event_type"], "sub_event_type": r["mode"], "main": int(bool(r["main"])),
        "actor1": "; ".join(r["actor"]), "actor1_country": r["actor_country"],
        "actor2": "; ".join(r["recipient"]), "actor2_country": r["recipient_country"],
        "alleged_perpetrators": "; ".join(r["alleged_perpetrators"]), "claimed_by": "; ".join(r["claimed_by"]),
        "country": r["country"], "admin1": r["admin1"], "location": r["location"], "geonames_id": r["geonames_id"],
        "latitude": r["lat"], "longitude": r["lon"], "geo_precision": geo_precision(r["feature"], r["geo_basis"]),
        "geo_basis": r["geo_basis"],
        "fatalities": r["fatalities"], "injured": r["injured"], "weapons": "; ".join(r["weapons"]),
        "source": r["source"], "source_url": r["url"], "published": r["story_date"],
        "notes": r["evidence"][0] if r["evidence"] else None,
    }


INCIDENT_COLUMNS = [
    "incident_id", "event_date", "first_date", "last_date", "event_type", "sub_event_type", "country", "admin1",
    "location", "geonames_id", "latitude", "longitude", "fatalities", "injured", "reports", "outlets", "sources",
    "named_sources", "perpetrators", "disagreements", "disagreement_detail", "first_published", "last_published",
    "source_urls", "merged_from",
]


def incident_row(inc: Incident) -> dict[str, Any]:
    """One incident as a flat row (CSV columns, GeoJSON properties)."""
    loc = inc.location
    event_fact = next((f for f in inc.corroboration if f.fact == "event"), None)
    published = sorted(r.published for r in inc.reports if r.published)
    modes = list(dict.fromkeys(r.mode for r in inc.reports if r.mode))
    blamed = list(dict.fromkeys(f"{p.name} ({p.stance})" for r in inc.reports for p in r.perpetrators))
    return {
        "incident_id": inc.id, "event_date": iso_day(inc.date), "first_date": inc.first_date,
        "last_date": inc.last_date,
        "event_type": inc.type, "sub_event_type": "; ".join(modes),
        "country": loc and loc.country, "admin1": loc and loc.admin1, "location": loc and loc.name,
        "geonames_id": loc and loc.geonames_id, "latitude": loc and loc.lat, "longitude": loc and loc.lon,
        "fatalities": inc.killed, "injured": inc.injured, "reports": len(inc.reports), "outlets": len(inc.outlets),
        "sources": "; ".join(inc.outlets), "named_sources": event_fact.named_sources if event_fact else 0,
        "perpetrators": "; ".join(blamed),
        "disagreements": "; ".join(dict.fromkeys(d.kind for d in inc.disagreements)),
        "disagreement_detail": " | ".join(d.detail for d in inc.disagreements),
        "first_published": published[0] if published else None, "last_published": published[-1] if published else None,
        "source_urls": " ".join(dict.fromkeys(r.url for r in inc.reports if r.url)),
        "merged_from": "; ".join(inc.merged_from),
    }


def write_incidents(incidents: Iterable[Incident], fmt: str, out: TextIO) -> int:
    """Write incidents in `fmt` to `out`, one record each; return how many were written."""
    return _emit(_incident_items(incidents), fmt, INCIDENT_COLUMNS, out)


def incident_chunks(incidents: Iterable[Incident], fmt: str) -> Iterator[str]:
    """The text `write_incidents` writes, in chunks as it is made (for a streamed response)."""
    return _batched(_pieces(_incident_items(incidents), fmt, INCIDENT_COLUMNS))


def _incident_items(incidents: Iterable[Incident]):
    def feature(inc: Incident) -> Optional[dict[str, Any]]:
        row = incident_row(inc)
        if row["latitude"] is None or row["longitude"] is None:
            return None
        return _feature(row["longitude"], row["latitude"],
                        {k: v for k, v in row.items() if k not in ("latitude", "longitude")})
    return ((inc.to_dict, lambda inc=inc: incident_row(inc), lambda inc=inc: feature(inc)) for inc in incidents)


def dumps(documents: Iterable[dict[str, Any]], fmt: str) -> str:
    buf = io.StringIO()
    write(documents, fmt, buf)
    return buf.getvalue()
