"""Typed records that flow between sitrep's stages.

Every stage takes and returns these dataclasses; `to_dict()` gives the JSON
contract documented in the README (keys are stable, values are honest or None).
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Optional

Offsets = Optional[list[int]]  # [start, end) character offsets into the article text


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its whitespace-normalised text."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


class Record:
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[arg-type]


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
    feature: Optional[str] = None  # country, admin1, city, continent, region


@dataclass
class EventDate(Record):
    value: Optional[str]
    precision: Optional[str]
    text: Optional[str]


@dataclass
class Location(Record):
    name: Optional[str]
    geonames_id: Optional[int]
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]
    admin1: Optional[str]
    text: Optional[str]
    basis: Optional[str] = None  # clause, sentence, dateline, article
    feature: Optional[str] = None  # city, admin1, region, country, continent

    @classmethod
    def from_place(cls, place: Place, basis: str) -> "Location":
        return cls(place.name, place.geonames_id, place.lat, place.lon, place.country,
                   place.admin1, place.text, basis, place.feature)


@dataclass
class Actor(Record):
    role: str  # actor, recipient, target, alleged_perpetrator, claimed_by
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
    kind: str  # killed, injured, missing, kidnapped, arrested, displaced, weapon_count
    value: Optional[int]
    min: Optional[int]
    max: Optional[int]
    qualifier: str  # exact, at least, at most, approximately
    text: str
    start: int
    end: int
    source: Optional[str] = None  # claim id that reports it


@dataclass
class Evidence(Record):
    sentence: str
    start: int
    end: int


@dataclass
class Event(Record):
    id: str
    type: str
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
    kind: str  # quote, paraphrase
    text: str
    speaker: Optional[Speaker]
    verb: Optional[str]
    stance: str  # accuse, deny, claim_responsibility, condemn, no_comment, assert
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "claims": [c.to_dict() for c in self.claims],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
        }
