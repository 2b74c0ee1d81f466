"""When a report is one more account of an incident, and why.

A report joins an incident when nothing contradicts it and something positive agrees:
- the same type family (physical events by type; statements only with the same speaker
  and the same subject);
- time compatible at the precision known: a day within `date_slack_days` of the incident's day; an
  undated or coarsely dated report only when published within `undated_window_days` after the
  event; the incident never spans more than `max_span_days`;
- place compatible at its precision: two precise places within `radius_km`; a province or a
  dateline within `area_km` or the same first-level division; a country only the same country.
  A country or region never counts as agreement by itself, and a physical event with no place
  at all stays an incident of its own;
- agreement: the same place, or the same day and a named participant in common.
Every decision keeps its reasons ("date: 2021-02-15", "place: Erbil, 2 km") for the analyst.
The index keys (type family, day, place cell) find the few incidents worth checking.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from ..geo import km
from ..models import Incident, IncidentReport, Location
from ..periods import value_range


@dataclass(frozen=True)
class Settings:
    radius_km: float = 50.0         # two precise places this close can be one event
    area_km: float = 150.0          # a province- or dateline-level place is compatible this far
    town_km: float = 15.0           # a story's town (dateline, focus) agrees with a place this close
    grid_deg: float = 0.25          # the index's place cells (about 28 km north-south)
    date_slack_days: int = 1        # day-precise dates this far apart agree (time zones, "overnight")
    undated_window_days: int = 3    # an undated report joins only events this recent when it was published
    max_span_days: int = 14         # no incident covers a longer time


SETTINGS = Settings()
KM_PER_DEGREE = 111.2
BROAD_FEATURES = {"country", "continent", "region"}
AREA_FEATURES = {"admin1", "admin2", "area", "natural", "sea"}
COARSE_BASES = {"article", "dateline"}
STATEMENTS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "ACCUSE", "REJECT", "THREATEN", "REQUEST"}
# Physical events share a family by type; PLOVER's cooperative verbs read as one family.
FAMILIES = {t: "cooperation" for t in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE")}


def family(event_type: str) -> str:
    return FAMILIES.get(event_type, event_type.lower())


def statement(event_type: str) -> bool:
    """Speech acts: one only with the same speaker and subject (place says little about them)."""
    return event_type in STATEMENTS


# --- time -------------------------------------------------------------------------------

def day_span(r: IncidentReport) -> Optional[tuple[date, date]]:
    """The days a report's date covers, when it is precise to the day or week and not after
    the report was published (a date resolved past its own story is a misreading)."""
    if not r.date or not r.date.value:
        return None
    span = value_range(r.date.value, r.date.precision)
    if span is None or (span[1] - span[0]).days > 6:
        return None
    pub = published_day(r)
    if pub and span[0] > pub:
        return None
    return span


def published_day(r: IncidentReport) -> Optional[date]:
    try:
        return date.fromisoformat(r.published[:10]) if r.published else None
    except ValueError:
        return None


def window(r: IncidentReport, s: Settings = SETTINGS) -> Optional[tuple[date, date]]:
    """When the event a report tells of can have happened: its dates, else the days before
    it was published."""
    span = day_span(r)
    if span:
        return span
    pub = published_day(r)
    return (pub - timedelta(days=s.undated_window_days), pub) if pub else None


def _coarse_contradicts(r: IncidentReport, days: list[date]) -> bool:
    """A month or year date that cannot hold the incident's days ('2020-01' vs 2021-02-15)."""
    if r.date is None or day_span(r) or not r.date.value:
        return False
    span = value_range(r.date.value, r.date.precision)
    return bool(span and days and not any(span[0] <= d <= span[1] for d in days))


def _day_of(value: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def _time(r: IncidentReport, incident: Incident, s: Settings) -> Optional[str]:
    """'date: …' when day-precise dates agree, '' when only compatible, None when they clash.
    A day agrees with the incident's own day (the one most of its reports give), not with
    any report's, so that incidents do not creep from day to day ('shelled again on Tuesday')."""
    reports = incident.reports
    dated = [d for x in reports if (d := day_span(x))]
    mine = day_span(r)
    if _coarse_contradicts(r, [d[0] for d in dated]):
        return None
    if mine and dated:
        lo, hi = min(d[0] for d in dated + [mine]), max(d[1] for d in dated + [mine])
        if (hi - lo).days > s.max_span_days:
            return None
        slack = timedelta(days=s.date_slack_days)
        anchor = _day_of(incident.date)
        if mine[0] == mine[1] and anchor:
            return f"date: {r.date.value[:10]}" if abs(mine[0] - anchor) <= slack else None
        if not any(mine[0] - slack <= d[1] and d[0] - slack <= mine[1] for d in dated):
            return None
        return ""
    # undated (or only one side dated): the days it can have happened must hold the incident's
    # day, or overlap the days its first report can tell of
    mine_w = window(r, s)
    anchor = _day_of(incident.date)
    first = next((w for x in reports if (w := window(x, s))), None)
    if mine_w is None or (anchor is None and first is None):
        return ""
    if anchor:
        slack = timedelta(days=s.date_slack_days)
        return "" if mine_w[0] - slack <= anchor <= mine_w[1] + slack else None
    return "" if mine_w[0] <= first[1] and first[0] <= mine_w[1] else None


# --- place ------------------------------------------------------------------------------

def precision(loc: Optional[Location]) -> str:
    """none, country, area or point: how much a location says about where it happened."""
    if loc is None or not (loc.country or loc.lat is not None):
        return "none"
    if loc.feature in BROAD_FEATURES or loc.lat is None or loc.lon is None:
        return "country"
    if loc.basis in COARSE_BASES or loc.feature in AREA_FEATURES:
        return "area"
    return "point"


def _place(a: Optional[Location], b: Optional[Location], s: Settings) -> Optional[str]:
    """'place: …' when two precise places agree, '' when compatible, None when they clash."""
    pa, pb = precision(a), precision(b)
    if "none" in (pa, pb):  # nothing to compare: a place-less record stays an incident of its own
        return None
    if a.country and b.country and a.country != b.country:
        return None
    if "country" in (pa, pb):
        return ""
    d = km(a.lat, a.lon, b.lat, b.lon)
    if pa == pb == "point":
        return f"place: {b.name or b.text}, {d:.0f} km" if d <= s.radius_km else None
    if _story_town(a, b, d, s) or _story_town(b, a, d, s):
        return f"place: {b.name or b.text} (the story's town), {d:.0f} km"
    same_division = a.admin1 and a.admin1 == b.admin1
    return "" if same_division or d <= s.area_km else None


def _story_town(a: Location, b: Location, d: float, s: Settings) -> bool:
    """A town a story is about (its dateline or focus) and a precise place in that town."""
    return (a.basis in COARSE_BASES and a.feature not in AREA_FEATURES | BROAD_FEATURES
            and precision(b) == "point" and d <= s.town_km)


# --- participants -----------------------------------------------------------------------

# Words that say what kind of party a name is, not which: "Taliban fighters" is the Taliban.
GENERIC_HEADS = {"fighters", "insurgents", "militants", "members", "gunmen", "forces", "group", "militia",
                 "militiamen", "rebels", "troops", "movement", "faction", "cells", "supporters", "officials"}
DETERMINERS = {"a", "an", "the", "that", "this", "these", "those", "some", "its", "their", "his", "her", "both",
               "all", "many", "several", "other", "each", "every", "most", "few"}


def norm(name: str) -> str:
    words = re.sub(r"[^\w\s]", " ", name.lower()).split()
    return " ".join(w for w in words if w not in DETERMINERS)


def party_key(name: str) -> str:
    """The part of a name that says which party: 'the Taliban fighters' → 'taliban'."""
    words = norm(name).split()
    kept = [w for w in words if w not in GENERIC_HEADS]
    return " ".join(kept or words)


def proper(name: str) -> bool:
    """A name, not a description: 'Saraya Awliya al-Dam', 'al-Shabaab', not 'a proxy militia',
    'A group' or 'military parade in Caracas'."""
    words = [w for w in name.split() if w.lower() not in DETERMINERS]
    if not words or not (words[0][:1].isupper() or re.match(r"(al|el|ad|as|an|ar)-\w", words[0])):
        return False
    return any(w[:1].isupper() or "-" in w for w in words if w.lower() not in GENERIC_HEADS)


def same_party(a: str, b: str) -> bool:
    """One party under two names: 'Taliban fighters' and 'the Taliban'; 'Jobs' and 'Steve Jobs';
    'PMF' and 'Popular Mobilization Forces'."""
    ka, kb = party_key(a), party_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    if " " not in short and long_.split()[-1] == short and len(short) > 3:  # a surname
        return True
    bare, full = sorted((a.replace(".", "").strip(), b), key=len)
    initials = "".join(w[0] for w in full.split() if w[:1].isupper())
    return bare.isupper() and len(bare) > 1 and bare == initials


def _shared(mine: list[str], theirs: list[str]) -> Optional[str]:
    return next((a for a in mine if proper(a) and any(proper(b) and same_party(a, b) for b in theirs)), None)


def participants(r: IncidentReport) -> list[str]:
    return [p.name for p in r.perpetrators if p.stance != "denied"] + r.actors + r.targets


# --- the decision -----------------------------------------------------------------------

def match(r: IncidentReport, incident: Incident, s: Settings = SETTINGS) -> Optional[list[str]]:
    """The reasons a report is one more account of an incident, or None."""
    reports = incident.reports
    if family(r.type) != incident.family or any(x.article == r.article for x in reports):
        return None
    when = _time(r, incident, s)
    if when is None:
        return None
    reasons = [f"type: {family(r.type)}"] + ([when] if when else [])
    if statement(r.type):
        speaker = _shared(r.actors, [a for x in reports for a in x.actors])
        subject = _shared(r.targets, [t for x in reports for t in x.targets])
        if not (speaker and subject):
            return None
        return reasons + [f"speaker: {speaker}", f"subject: {subject}"]
    where = _place(incident.location, r.location, s)
    if where is None:
        return None
    shared = _shared(participants(r), [p for x in reports for p in participants(x)])
    toll = _same_toll(r, reports)
    if where:
        return reasons + [where] + [f"participants: {shared}"] * bool(shared) + [toll] * bool(toll)
    if when and (shared or toll):
        return reasons + [f"participants: {shared}"] * bool(shared) + [toll] * bool(toll)
    return None


def _counts(x: IncidentReport) -> set[tuple[str, int]]:
    return {(f.kind, f.value) for f in x.figures
            if f.kind in ("killed", "injured") and f.value and f.value >= 2 and f.qualifier != "vague"}


def _same_toll(r: IncidentReport, reports: list[IncidentReport]) -> Optional[str]:
    """'toll: killed 23' when the report gives a count another report gives too (2 or more:
    a single death is too common to identify an event)."""
    common = _counts(r) & set().union(*(_counts(x) for x in reports))
    return f"toll: {' '.join(f'{k} {v}' for k, v in sorted(common))}" if common else None


def combinable(a: Incident, b: Incident, s: Settings = SETTINGS) -> bool:
    """Whether two incidents a report joins both can become one (a bridging report)."""
    if a.family != b.family or {x.article for x in a.reports} & {x.article for x in b.reports}:
        return False
    days = [d for x in a.reports + b.reports if (d := day_span(x))]
    if days and (max(d[1] for d in days) - min(d[0] for d in days)).days > s.max_span_days:
        return False
    return statement(a.type) or _place(a.location, b.location, s) is not None


# --- the index --------------------------------------------------------------------------
# A report can only join an incident through a place that agrees (a precise place or a story's
# town within `radius_km`: the grid cells around it) or through the same day and a
# party or toll in common (the party and toll cells of its country). So those are the cells an
# incident is filed under and a report looks in: never a whole country, which in a busy war
# holds hundreds of incidents a week.

def place_cells(loc: Optional[Location], looking: bool, s: Settings = SETTINGS) -> list[str]:
    """An incident's grid cell (`grid_deg` degrees); a report looks in every cell within
    `radius_km` of its place."""
    if precision(loc) not in ("point", "area"):
        return []
    size = s.grid_deg
    la, lo = math.floor(loc.lat / size), math.floor(loc.lon / size)
    if not looking:
        return [f"g{la}:{lo}"]
    per_cell = KM_PER_DEGREE * size
    rows = math.ceil(s.radius_km / per_cell)
    shrink = max(math.cos(math.radians(min(abs(loc.lat) + rows * size, 89.0))), 0.01)
    cols = min(math.ceil(s.radius_km / (per_cell * shrink)), int(180 / size))
    wrap = round(360 / size)
    return [f"g{la + i}:{(lo + j + wrap // 2) % wrap - wrap // 2}"
            for i in range(-rows, rows + 1) for j in range(-cols, cols + 1)]


def signs(r: IncidentReport) -> set[str]:
    """What identifies an event besides its place: its named parties (the last word of each
    name) and its tolls of two or more."""
    words = {"p" + key.split()[-1] for a in participants(r) if proper(a) and (key := party_key(a))}
    return words | {f"t{kind}{value}" for kind, value in _counts(r)}


def sign_cells(r: IncidentReport, country: Optional[str]) -> list[str]:
    """Sign cells are scoped by country (a place-less record joins nothing: no cells)."""
    return sorted(f"{country}:{sign}" for sign in signs(r)) if country else []


def statement_cells(r: IncidentReport) -> list[str]:
    """Statements are filed under each (speaker, subject) pair, by the last word of each name
    ('Jobs' and 'Steve Jobs' meet); a statement without a named speaker or subject joins nothing."""
    def last_words(names: list[str]) -> set[str]:
        return {key.split()[-1] for a in names if proper(a) and (key := party_key(a))}
    return sorted(f"s:{a}>{b}" for a in last_words(r.actors) for b in last_words(r.targets))


def lookup(r: IncidentReport, s: Settings = SETTINGS) -> Optional[tuple[str, int, int, list[str]]]:
    """Where to look for the incidents a report may join: family, first and last day
    (as ordinals), cells; None when it has no time or nothing to look under."""
    w = window(r, s)
    if w is None:
        return None
    slack = s.date_slack_days
    if statement(r.type):
        where = statement_cells(r)
    else:
        where = place_cells(r.location, True, s) + sign_cells(r, r.location and r.location.country)
    if not where:  # a statement without a speaker joins nothing
        return None
    return family(r.type), w[0].toordinal() - slack, w[1].toordinal() + slack, where


def keys(incident: Incident, s: Settings = SETTINGS) -> list[tuple[str, int, str]]:
    """The (family, day, cell) rows that file an incident in the index."""
    days = sorted({d for x in incident.reports if (w := window(x, s)) for d in _days(w, s)})
    if not statement(incident.type):
        country = incident.location and incident.location.country
        where = place_cells(incident.location, False, s) + sorted(
            {c for x in incident.reports for c in sign_cells(x, country)})
    else:
        where = sorted({c for x in incident.reports for c in statement_cells(x)})
    return [(incident.family, d, c) for d in days for c in where]


def _days(w: tuple[date, date], s: Settings) -> range:
    if (w[1] - w[0]).days > s.max_span_days:  # never file one incident under months of days
        return range(0)
    return range(w[0].toordinal(), w[1].toordinal() + 1)
