"""Export stored events in formats analysts already use.

* `jsonl`   one POLECAT-style record per event (PLOVER type, mode, actors, geo,
            figures, evidence, source article);
* `csv`     ACLED-like columns (event_date, event_type, sub_event_type, actor1,
            actor2, country, admin1, location, latitude, longitude, fatalities...);
* `geojson` a FeatureCollection of located events, for any map tool.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Iterator, TextIO

from .models import ROLE_GROUPS, headline, names

FORMATS = ("jsonl", "csv", "geojson")
CSV_COLUMNS = [
    "event_id", "event_date", "year", "time_precision", "event_type", "sub_event_type", "main",
    "actor1", "actor1_country", "actor2", "actor2_country", "alleged_perpetrators", "claimed_by",
    "country", "admin1", "location", "geonames_id", "latitude", "longitude", "geo_basis",
    "fatalities", "injured", "weapons", "source", "source_url", "published", "notes",
]


def event_records(documents: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Flatten extraction documents into one POLECAT-style record per event."""
    for doc in documents:
        art = doc["article"]
        for e in doc["events"]:
            def by(*groups):
                return [a for a in e["actors"] if any(a["role"] in ROLE_GROUPS[g] for g in groups)]
            loc = e["location"] or {}
            yield {
                "event_id": e["id"], "story_id": art["id"], "story_date": art["published"],
                "event_date": e["date"]["value"], "date_precision": e["date"]["precision"],
                "date_text": e["date"]["text"], "event_type": e["type"], "mode": e["mode"], "main": e["main"],
                "actor": names(e, "actor"),
                "actor_country": _first(a["country"] for a in by("actor")),
                "actor_kind": _first(a["kind"] for a in by("actor")),
                "recipient": names(e, "target"),
                "recipient_country": _first(a["country"] for a in by("target")),
                "alleged_perpetrators": names(e, "alleged"),
                "claimed_by": names(e, "claimed"),
                "location": loc.get("name"), "geonames_id": loc.get("geonames_id"), "lat": loc.get("lat"),
                "lon": loc.get("lon"), "country": loc.get("country"), "admin1": loc.get("admin1"),
                "geo_basis": loc.get("basis"), "origin": (e.get("origin") or {}).get("name"),
                "weapons": [w["text"] for w in e["weapons"]], "figures": e["figures"],
                "fatalities": headline(e, "killed"), "injured": headline(e, "injured"),
                "evidence": [ev["sentence"] for ev in e["evidence"]],
                "source": art.get("outlet"), "url": art.get("url"), "title": art.get("title"),
            }


def _first(values) -> Any:
    return next((v for v in values if v), None)


def write(documents: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write events in `fmt` to `out`; return how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    records = event_records(documents)
    n = 0
    if fmt == "jsonl":
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for r in records:
            writer.writerow({k: safe_cell(v) for k, v in acled_row(r).items()})
            n += 1
    else:
        features = []
        for r in records:
            if r["lat"] is None or r["lon"] is None:
                continue
            props = {k: v for k, v in r.items() if k not in ("lat", "lon", "figures")}
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                             "properties": props})
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
        out.write("\n")
        n = len(features)
    return n


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM", "-2+3") is
    prefixed with a single quote, as OWASP advises for CSV injection; numbers pass unchanged."""
    if isinstance(value, str) and value.lstrip(" \u00a0").startswith(FORMULA_START):
        return "'" + value
    return value


def acled_row(r: dict[str, Any]) -> dict[str, Any]:
    date = r["event_date"] or ""
    return {
        "event_id": r["event_id"], "event_date": date, "year": date[:4] or None,
        "time_precision": {"day": 1, "week": 2, "month": 3, "year": 3}.get(r["date_precision"] or "", None),
        "event_type": r["event_type"], "sub_event_type": r["mode"], "main": int(bool(r["main"])),
        "actor1": "; ".join(r["actor"]), "actor1_country": r["actor_country"],
        "actor2": "; ".join(r["recipient"]), "actor2_country": r["recipient_country"],
        "alleged_perpetrators": "; ".join(r["alleged_perpetrators"]), "claimed_by": "; ".join(r["claimed_by"]),
        "country": r["country"], "admin1": r["admin1"], "location": r["location"], "geonames_id": r["geonames_id"],
        "latitude": r["lat"], "longitude": r["lon"], "geo_basis": r["geo_basis"],
        "fatalities": r["fatalities"], "injured": r["injured"], "weapons": "; ".join(r["weapons"]),
        "source": r["source"], "source_url": r["url"], "published": r["story_date"],
        "notes": r["evidence"][0] if r["evidence"] else None,
    }


def dumps(documents: Iterable[dict[str, Any]], fmt: str) -> str:
    buf = io.StringIO()
    write(documents, fmt, buf)
    return buf.getvalue()
