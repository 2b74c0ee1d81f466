"""Merge reports of the same event across articles into one incident.

Two event records are the same incident when they have the same PLOVER type,
their dates overlap (a day inside a reported week or month counts), and their
places agree: within `radius_km`, or in the same country when one is only
known at country level. Each incident keeps every source's figures apart and
lists, per figure kind, the values sources disagree on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from .geo import km
from .periods import date_range


@dataclass
class Incident:
    id: str
    type: str
    date: Optional[str]
    location: Optional[dict[str, Any]]
    events: list[dict[str, Any]] = field(default_factory=list)  # each with its "article"
    figures: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # kind → per-source figures
    disagreements: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "date": self.date, "location": self.location,
                "sources": [{"event": e["id"], "article": e.get("article")} for e in self.events],
                "figures": self.figures, "disagreements": self.disagreements}


def distance_km(a: dict, b: dict) -> Optional[float]:
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return None
    return km(a["lat"], a["lon"], b["lat"], b["lon"])


def same_place(a: Optional[dict], b: Optional[dict], radius_km: float) -> bool:
    if not a or not b:
        return True
    coarse = {"article", "dateline"}
    broad = {"country", "continent", "region"}
    if a.get("basis") in coarse or b.get("basis") in coarse or a.get("feature") in broad or b.get("feature") in broad:
        return a.get("country") == b.get("country") or None in (a.get("country"), b.get("country"))
    d = distance_km(a, b)
    if d is None:
        return a.get("country") == b.get("country")
    return d <= radius_km


def same_time(a: Optional[str], b: Optional[str]) -> bool:
    ra, rb = date_range(a), date_range(b)
    if ra is None or rb is None:
        return a is None or b is None
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def _source_name(event: dict, figure: dict, claims: dict[str, dict]) -> str:
    claim = claims.get(figure.get("source") or "")
    if claim and claim.get("speaker"):
        s = claim["speaker"]
        return s.get("name") or s.get("affiliation") or s.get("text") or "unnamed source"
    article = event.get("article") or {}
    return article.get("outlet") or article.get("id") or "article"


def merge(documents: Iterable[dict[str, Any]], radius_km: float = 50.0, main_only: bool = True) -> list[Incident]:
    """Incidents from stored extraction documents (the JSON contract)."""
    incidents: list[Incident] = []
    for doc in documents:
        claims = {c["id"]: c for c in doc.get("claims", [])}
        for event in doc.get("events", []):
            if main_only and not event.get("main"):
                continue
            event = dict(event, article=doc["article"])
            home = next((i for i in incidents if i.type == event["type"]
                         and same_time(i.date, event["date"]["value"])
                         and same_place(i.location, event["location"], radius_km)), None)
            if home is None:
                home = Incident(id=f"i{len(incidents) + 1}", type=event["type"], date=event["date"]["value"],
                                location=event["location"])
                incidents.append(home)
            elif not home.date or (event["date"]["value"] and len(event["date"]["value"]) > len(home.date)):
                home.date = event["date"]["value"] or home.date
            home.events.append(event)
            for f in event.get("figures", []):
                home.figures.setdefault(f["kind"], []).append(
                    {"value": f["value"], "min": f["min"], "max": f["max"], "qualifier": f["qualifier"],
                     "text": f["text"], "source": _source_name(event, f, claims), "claim": f["source"],
                     "article": doc["article"]["id"]})
    for inc in incidents:
        for kind, figs in inc.figures.items():
            values = {f["value"] if f["value"] is not None else f["min"] for f in figs}
            if len(values) > 1:
                parts = ", ".join(f"{f['value'] if f['value'] is not None else f['min']} ({f['source']})" for f in figs)
                inc.disagreements.append(f"{kind}: {parts}")
    return incidents
