"""An incident's summary from its reports: date and place most reports agree on, each
source's figures over time, typed disagreements, and corroboration per fact.

Figures are compared at the same time only: one article, or reports published within
`SAME_TIME` of each other. A toll that rises from one report to a later one is an update (the
history is kept, latest first); two sources giving incompatible values at the same time are a
disagreement. "At least 10" and "12" are compatible; "roughly a dozen" and "24" are not.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Iterable, Optional

from ..geo import km
from ..models import (Account, Attribution, Disagreement, Fact, Incident, IncidentReport, Location,
                      SourcedFigure)
from ..periods import DAY_PRECISIONS
from .match import day_span, family, precision, proper, same_party

SAME_TIME = timedelta(hours=3)
TOLLS = ("killed", "injured")
PLACE_APART_KM = 10.0  # two precise places farther apart than this are two accounts of where


def summarise(incident_id: str, reports: list[IncidentReport], merged_from: Iterable[str] = ()) -> Incident:
    types = Counter(r.type for r in reports)
    event_type = max(types, key=lambda t: (types[t], -[r.type for r in reports].index(t)))
    days = sorted(str(d[0]) for r in reports if (d := day_span(r)) and d[0] == d[1])
    figures = _figures_latest_first(reports)
    inc = Incident(
        id=incident_id, type=event_type, family=family(event_type), date=_agreed_date(reports),
        first_date=days[0] if days else None, last_date=days[-1] if days else None,
        location=_location(reports), killed=_headline(figures, "killed"), injured=_headline(figures, "injured"),
        reports=reports, figures=figures, outlets=list(dict.fromkeys(r.outlet for r in reports)),
        merged_from=list(dict.fromkeys(merged_from)))
    inc.disagreements = disagreements(inc)
    inc.corroboration = corroboration(inc)
    return inc


def _agreed_date(reports: list[IncidentReport]) -> Optional[str]:
    precise = Counter(r.date.value[:10] for r in reports if day_span(r) and r.date.precision in DAY_PRECISIONS)
    if precise:
        return max(sorted(precise), key=lambda d: precise[d])
    return next((r.date.value for r in reports if r.date and r.date.value), None)


def _location(reports: list[IncidentReport]) -> Optional[Location]:
    """The most precise place, the one most reports name (first named on a tie)."""
    for level in ("point", "area", "country"):
        found = [r.location for r in reports if precision(r.location) == level]
        if found:
            votes = Counter(loc.geonames_id or loc.name for loc in found)
            return max(found, key=lambda loc: votes[loc.geonames_id or loc.name])
    return None


# --- figures over time ------------------------------------------------------------------

def _time(f: SourcedFigure) -> datetime:
    text = (f.published or "0001-01-01").replace("Z", "+00:00")
    try:
        t = datetime.fromisoformat(text if len(text) > 10 else text + "T00:00:00+00:00")
    except ValueError:
        return datetime.min
    return t.replace(tzinfo=None) - (t.utcoffset() or timedelta(0))


def _same_time(a: SourcedFigure, b: SourcedFigure) -> bool:
    if a.article == b.article:
        return True
    if a.published and b.published and len(a.published) > 10 and len(b.published) > 10:
        return abs(_time(a) - _time(b)) <= SAME_TIME
    return bool(a.published and b.published and a.published[:10] == b.published[:10])


def _figures_latest_first(reports: list[IncidentReport]) -> list[SourcedFigure]:
    figures = sorted((replace(f) for r in reports for f in r.figures), key=_time, reverse=True)  # stable: ties keep order
    figures.sort(key=lambda f: f.kind)
    for kind in {f.kind for f in figures}:
        same = [f for f in figures if f.kind == kind]
        for f in same:
            f.current = _same_time(f, same[0])
    return figures


def _headline(figures: list[SourcedFigure], kind: str) -> Optional[int]:
    current = [f for f in figures if f.kind == kind and f.current]
    numbers = [f for f in current if f.qualifier != "vague"] or current
    updates = [f for f in numbers if f.update]
    values = [f.value if f.value is not None else (f.min or 0) for f in (updates or numbers)]
    return max(values) if values else None


def interval(f: SourcedFigure) -> Optional[tuple[float, float]]:
    v = f.value
    if f.qualifier == "vague" or (v is None and f.min is None):
        return None
    if f.qualifier == "at least":
        return (v if v is not None else f.min), float("inf")
    if f.qualifier == "at most":
        return 0, (v if v is not None else f.max)
    if f.qualifier == "approximately" and v is not None:
        return v * 0.75, v * 1.25
    if f.qualifier == "range":
        return f.min, (f.max if f.max is not None else float("inf"))
    return (v, v) if v is not None else (f.min, f.max if f.max is not None else float("inf"))


def _compatible(a: SourcedFigure, b: SourcedFigure) -> bool:
    ia, ib = interval(a), interval(b)
    return ia is None or ib is None or (ia[0] <= ib[1] and ib[0] <= ia[1])


def _account(value: str, who) -> Account:
    return Account(value=value, source=who.source, outlet=who.outlet, article=who.article,
                   published=getattr(who, "published", None))


def _figure_text(f: SourcedFigure) -> str:
    return f.text if f.value is None or f.qualifier != "exact" else str(f.value)


def _disputes(a: SourcedFigure, b: SourcedFigure, kind: str) -> bool:
    """Two sources' figures that cannot both be right. Tolls are compared at one time (a later,
    higher count is an update); counts of weapons do not change. Within one article, only two
    attributed figures dispute (an unattributed second number is usually a part: 'seven officers
    and two civilians')."""
    if (a.source, a.outlet) == (b.source, b.outlet) or _compatible(a, b):
        return False
    if a.article == b.article:
        return a.source != a.outlet and b.source != b.outlet
    return kind == "weapon_count" or _same_time(a, b)


def _figure_disagreements(inc: Incident) -> list[Disagreement]:
    found = []
    for kind in list(TOLLS) + ["weapon_count"]:
        figs = [f for f in inc.figures if f.kind == kind and interval(f)]
        clashes = [(a, b) for i, a in enumerate(figs) for b in figs[i + 1:] if _disputes(a, b, kind)]
        if clashes:
            sides = [x for i, x in enumerate(figs) if any(x is a or x is b for a, b in clashes)]
            label = "weapon" if kind == "weapon_count" else kind
            detail = f"{'count' if label == 'weapon' else kind}: " + " vs ".join(
                f"{_figure_text(f)} ({f.source}, {f.outlet})" for f in sides)
            found.append(Disagreement(kind=label, detail=detail,
                                      accounts=[_account(_figure_text(f), f) for f in sides]))
    return found


# --- who did it, when, where, with what -------------------------------------------------

def _perpetrator(inc: Incident) -> Optional[Disagreement]:
    """Sources that blame different parties (a claim against an accusation, or two accusations),
    or a party denying what another source says it did. A report that only names the attacker
    in its own voice agrees with whoever it names and disputes nothing."""
    named = [p for r in inc.reports for p in r.perpetrators if proper(p.name)]
    blamed = [p for p in named if p.stance in ("claimed", "accused")]
    groups: list[list[Attribution]] = []
    for p in blamed:
        home = next((g for g in groups if same_party(g[0].name, p.name)), None)
        home.append(p) if home else groups.append([p])
    denials = [d for d in named if d.stance == "denied"
               and any(same_party(d.name, p.name) and d.source != p.source for p in blamed)]
    if len(groups) < 2 and not denials:
        return None
    sides = [g[0] for g in groups] + denials
    detail = "perpetrator: " + "; ".join(f"{p.stance} {p.name} ({p.source}, {p.outlet})" for p in sides)
    return Disagreement(kind="perpetrator", detail=detail,
                        accounts=[_account(f"{p.stance}: {p.name}", p) for p in sides])


def _varies(inc: Incident, kind: str, value_of) -> Optional[Disagreement]:
    seen: dict[str, IncidentReport] = {}
    for r in inc.reports:
        v = value_of(r)
        if v and v not in seen:
            seen[v] = r
    if len(seen) < 2:
        return None
    detail = f"{kind}: " + " vs ".join(f"{v} ({r.outlet})" for v, r in seen.items())
    return Disagreement(kind=kind, detail=detail,
                        accounts=[Account(value=v, source=r.outlet, outlet=r.outlet, article=r.article,
                                          published=r.published) for v, r in seen.items()])


def _day(r: IncidentReport) -> Optional[str]:
    """A report's day, when its own words date the event (not the statement or the publication)."""
    span = day_span(r)
    return str(span[0]) if span and span[0] == span[1] and r.date.basis == "clause" else None


def _point(inc: Incident):
    anchor = inc.location

    def value(r: IncidentReport) -> Optional[str]:
        loc = r.location
        if precision(loc) != "point" or precision(anchor) != "point":
            return None
        if km(loc.lat, loc.lon, anchor.lat, anchor.lon) <= PLACE_APART_KM:
            return anchor.name
        return loc.name
    return value


def disagreements(inc: Incident) -> list[Disagreement]:
    found = _figure_disagreements(inc)
    # weapon: counts only; modes differ for one complex attack ('gunmen and suicide bombers')
    for d in (_perpetrator(inc), _varies(inc, "date", _day), _varies(inc, "place", _point(inc))):
        if d:
            found.append(d)
    return found


# --- corroboration ----------------------------------------------------------------------

def _fact(label: str, backers: list) -> Fact:
    outlets = {b.outlet for b in backers}
    named = {b.source for b in backers if b.named}
    return Fact(fact=label, outlets=len(outlets), named_sources=len(named))


def corroboration(inc: Incident) -> list[Fact]:
    sourced = list(inc.figures) + [p for r in inc.reports for p in r.perpetrators]
    facts = [Fact(fact="event", outlets=len(inc.outlets),
                  named_sources=len({x.source for x in sourced if x.named}))]
    for kind, value in (("killed", inc.killed), ("injured", inc.injured)):
        if value is not None:
            backers = [f for f in inc.figures if f.kind == kind and (iv := interval(f)) and iv[0] <= value <= iv[1]]
            facts.append(_fact(f"{kind} = {value}", backers))
    for r in inc.reports:
        for p in r.perpetrators:
            label = f"perpetrator: {p.name} ({p.stance})"
            if p.stance != "denied" and proper(p.name) and all(f.fact != label for f in facts):
                facts.append(_fact(label, [q for x in inc.reports for q in x.perpetrators
                                           if q.stance == p.stance and same_party(q.name, p.name)]))
    return facts
