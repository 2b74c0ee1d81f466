"""The contract: typed records that flow between sitrep's stages, and back out of the store.

Every stage takes and returns these dataclasses; `to_dict()` gives the JSON contract documented
in the README (keys are stable, values are honest or None) and `from_dict()` reads it back, so
the store, exports, merge, CLI and API all read one shape. The controlled vocabularies are the
`Literal` types below; the summaries everyone shows (the headline killed/injured figure, who
counts as an event's actor or target) are defined here once.
"""
from __future__ import annotations

import hashlib
import typing
from functools import lru_cache
from dataclasses import dataclass, field, fields
from typing import Any, Literal, Optional

Offsets = Optional[list[int]]  # [start, end) character offsets into the article text

EventType = Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
Role = Literal["actor", "recipient", "target", "alleged_perpetrator", "claimed_by"]
Stance = Literal["accuse", "deny", "claim_responsibility", "condemn", "no_comment", "assert"]
Precision = Literal["minute", "part_of_day", "day", "week", "month", "quarter", "season", "year", "decade"]
Basis = Literal["clause", "sentence", "dateline", "article"]
# Where an event's date comes from: a time expression of one of its mentions, the statement that
# reports it ("…, the ministry said on Monday"), or the publication date of a story that reports
# it as just happened ("has killed", a headline's present tense, the lead's past tense).
DateBasis = Literal["clause", "report", "published"]
FigureKind = Literal["killed", "injured", "missing", "kidnapped", "arrested", "displaced", "weapon_count"]
Qualifier = Literal["exact", "at least", "at most", "approximately", "range", "vague"]
# Whose count a figure is: this event's own toll, a part of it ("including 19 soldiers"), or a
# total over a period or a war ("412 civilians last year", "900 fighters in 18 months").
FigureScope = Literal["event", "subtotal", "cumulative"]
ClaimKind = Literal["quote", "paraphrase"]

# Who an event's summary columns name: one definition for the store, exports, CLI and API.
ROLE_GROUPS: dict[str, tuple[str, ...]] = {
    "actor": ("actor",),
    "target": ("target", "recipient"),
    "alleged": ("alleged_perpetrator",),
    "claimed": ("claimed_by",),
}


def names(event: "Event", group: str) -> list[str]:
    """Names of an event's actors in a ROLE_GROUPS group, in order, once each."""
    return list(dict.fromkeys(a.name for a in event.actors if a.role in ROLE_GROUPS[group]))


def headline(event: "Event", kind: str) -> Optional[int]:
    """The figure of a kind an analyst quotes for the event: its own toll (never a subtotal or
    a period's total), the latest update where the toll was revised ("rose to 27"), else the
    highest number any source gives; a vague word ("dozens": its lower bound) only where no
    number exists; None when none."""
    own = [f for f in event.figures if f.kind == kind and f.scope == "event"]
    numbers = [f for f in own if f.qualifier != "vague"] or own
    updates = [f for f in numbers if f.update]
    if updates:
        numbers = updates[-1:]
    values = [f.value if f.value is not None else (f.min or 0) for f in numbers]
    return max(values) if values else None


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its whitespace-normalised text."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


class Record:
    def to_dict(self) -> dict[str, Any]:
        # what dataclasses.asdict gives, without its deep copies (fields hold records, lists and plain values)
        return {name: _plain(getattr(self, name)) for name in _names(type(self))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        """The record a `to_dict()` gave; nested records and lists of them are rebuilt too."""
        return cls(**{name: build(data[name]) for name, build in _builders(cls) if name in data})


@lru_cache(maxsize=None)
def _names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


@lru_cache(maxsize=None)
def _builders(cls) -> tuple[tuple[str, Any], ...]:
    """Per field, the function that rebuilds its value from JSON (worked out once per class)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _builder(hints[f.name])) for f in fields(cls))


def _builder(hint):
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Union:  # Optional[X]
        inner = [a for a in args if a is not type(None)]
        return _builder(inner[0]) if len(inner) == 1 else _same
    if origin is list and args:
        item = _builder(args[0])
        if item is _same:
            return _same
        return lambda value: None if value is None else [item(v) for v in value]
    if isinstance(hint, type) and issubclass(hint, Record):
        return lambda value: None if value is None else hint.from_dict(value)
    return _same


def _same(value):
    return value


_SCALARS = (str, int, float, bool, type(None))


def _plain(value):
    if type(value) in _SCALARS:
        return value
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list):
        return [v if type(v) in _SCALARS else _plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass
class Article(Record):
    text: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None  # ISO date YYYY-MM-DD (what dates are resolved against)
    language: Optional[str] = None
    source: Optional[str] = None  # where it was read from: path, path:line
    id: str = ""
    published_at: Optional[str] = None  # ISO 8601 time with its zone, when the source gave one

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("id", "title", "outlet", "url", "published", "published_at", "language")}


@dataclass
class TimeExpr(Record):
    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: Optional[str]  # TIMEX3-style value, None when it cannot be resolved
    precision: Optional[str]  # part_of_day, day, week, month, season, year, decade
    modifier: Optional[str] = None  # early, mid, late, start, end, approximately


@dataclass
class Place(Record):
    text: str
    name: Optional[str]
    geonames_id: Optional[int]
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]
    admin1: Optional[str]
    start: int
    end: int
    feature: Optional[str] = None  # country, admin1, admin2, city, continent, region, sea, local;
    # with a GeoNames-dump gazetteer also landmark (airports, buildings), natural (rivers, mountains), area


@dataclass
class EventDate(Record):
    value: Optional[str]
    precision: Optional[str]
    text: Optional[str]
    basis: Optional[DateBasis] = None
    undated: Optional[str] = None  # why there is no date, when there is none


@dataclass
class Location(Record):
    name: Optional[str]
    geonames_id: Optional[int]
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]
    admin1: Optional[str]
    text: Optional[str]
    basis: Optional[Basis] = None
    feature: Optional[str] = None  # city, admin1, region, country, continent

    @classmethod
    def from_place(cls, place: Place, basis: str) -> "Location":
        return cls(place.name, place.geonames_id, place.lat, place.lon, place.country,
                   place.admin1, place.text, basis, place.feature)


@dataclass
class Actor(Record):
    role: Role
    name: str
    kind: Optional[str]  # government, military, armed group, person, organization, country
    country: Optional[str]
    start: Optional[int] = None
    end: Optional[int] = None
    claim: Optional[str] = None  # id of the claim that makes this attribution, if any


@dataclass
class Weapon(Record):
    text: str
    kind: str  # PLOVER ASSAULT mode family: heavy-weapons, explosives, firearms, ...


@dataclass
class Figure(Record):
    kind: FigureKind
    value: Optional[int]
    min: Optional[int]
    max: Optional[int]
    qualifier: Qualifier
    text: str
    start: int
    end: int
    source: Optional[str] = None  # claim id that reports it
    scope: FigureScope = "event"
    update: bool = False  # reported as a change ("the toll rose to 27"): it supersedes earlier counts


@dataclass
class Evidence(Record):
    sentence: str
    start: int
    end: int


@dataclass
class Event(Record):
    id: str
    type: EventType
    mode: Optional[str]
    main: bool
    trigger: str
    date: EventDate
    location: Optional[Location]
    origin: Optional[Location] = None
    actors: list[Actor] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    negated: bool = False


@dataclass
class Speaker(Record):
    name: Optional[str]
    title: Optional[str]
    affiliation: Optional[str]
    anonymous: bool
    text: Optional[str]


@dataclass
class ClaimSpans(Record):
    source: Offsets
    cue: Offsets
    content: Offsets
    # every piece of a content that the source or cue interrupts ("'…,' he said, '…'"), when more than one
    content_parts: Optional[list[list[int]]] = None


@dataclass
class Claim(Record):
    id: str
    kind: ClaimKind
    text: str
    speaker: Optional[Speaker]
    verb: Optional[str]
    stance: Stance
    about: Optional[str]
    accused: list[str]
    date: Optional[str]
    spans: ClaimSpans


@dataclass
class Extraction(Record):
    """Everything sitrep read from one article: the JSON contract's top level."""
    article: Article
    events: list[Event]
    claims: list[Claim]
    places: list[Place]
    times: list[TimeExpr]

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str = "", source: Optional[str] = None) -> "Extraction":
        """Read a stored document back; the contract leaves the article's text out, so pass it."""
        article = Article(text=text, source=source, **data["article"])
        return cls(article=article,
                   events=[Event.from_dict(e) for e in data["events"]],
                   claims=[Claim.from_dict(c) for c in data["claims"]],
                   places=[Place.from_dict(p) for p in data["places"]],
                   times=[TimeExpr.from_dict(t) for t in data["times"]])

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "claims": [c.to_dict() for c in self.claims],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
        }


# --- incidents: one real event as every report tells it (see sitrep.merge) ---------------

DisagreementKind = Literal["killed", "injured", "perpetrator", "date", "place", "weapon"]
# How a source ties a group to an event: its own claim, another's accusation, a denial, or a
# report that names the group as the attacker without a source.
AttributionStance = Literal["claimed", "accused", "denied", "reported"]


@dataclass
class SourcedFigure(Record):
    """One figure as one source gave it in one report, at the report's time."""
    kind: FigureKind
    value: Optional[int]
    min: Optional[int]
    max: Optional[int]
    qualifier: Qualifier
    text: str
    source: str  # who gives it: a named person with title, an organisation, "anonymous official of X", or the outlet
    outlet: str
    named: bool  # a person or body a reader could check (not anonymous, not the outlet's own account)
    article: str
    published: Optional[str]  # when the report was published (time where known)
    update: bool = False
    current: bool = False  # the latest account of this kind: what the incident's headline uses


@dataclass
class Attribution(Record):
    """Who a source says did it (or denies doing it)."""
    name: str
    stance: AttributionStance
    source: str
    named: bool
    outlet: str
    article: str


@dataclass
class Account(Record):
    """One side of a disagreement: a value and who gives it."""
    value: str
    source: str
    outlet: str
    article: str
    published: Optional[str] = None


@dataclass
class Disagreement(Record):
    kind: DisagreementKind
    detail: str  # one line an analyst reads: "killed: 5 (police, Reuters) vs 11 (Taliban spokesman, AP)"
    accounts: list[Account] = field(default_factory=list)


@dataclass
class Fact(Record):
    """How many independent outlets and named sources back one fact of an incident."""
    fact: str  # "killed = 2", "perpetrator: Saraya Awliya al-Dam (claimed)", "place: Erbil"
    outlets: int
    named_sources: int


@dataclass
class IncidentReport(Record):
    """One event record of one article, as it joined an incident."""
    event: str
    article: str
    outlet: str
    url: Optional[str]
    title: Optional[str]
    published: Optional[str]
    type: EventType
    mode: Optional[str]
    date: EventDate
    location: Optional[Location]
    actors: list[str] = field(default_factory=list)  # who acted (a statement's speaker)
    perpetrators: list[Attribution] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    figures: list[SourcedFigure] = field(default_factory=list)
    joined_by: list[str] = field(default_factory=list)  # which fields agreed when it joined (none for the first)


@dataclass
class Incident(Record):
    """One real event across articles: every report, each source's figures over time, where
    the sources disagree (typed), and how many independent outlets and sources back each fact."""
    id: str
    type: EventType
    family: str
    date: Optional[str]  # the most precise date the reports agree on
    first_date: Optional[str]
    last_date: Optional[str]
    location: Optional[Location]
    killed: Optional[int]
    injured: Optional[int]
    reports: list[IncidentReport] = field(default_factory=list)
    figures: list[SourcedFigure] = field(default_factory=list)  # per kind, latest first
    disagreements: list[Disagreement] = field(default_factory=list)
    corroboration: list[Fact] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    merged_from: list[str] = field(default_factory=list)  # incidents this one absorbed (their ids still resolve here)
