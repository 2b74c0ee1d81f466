"""An article's event records as reports an incident can hold: who published each one and
when, where and when it happened, whom each source blames, and every figure with the
person or body behind it (named, "anonymous official of X", or the outlet's own account)."""
from __future__ import annotations

from typing import Optional

from ..lexicon.outlets import KNOWN, outlet_name
from ..models import Attribution, Claim, Event, Extraction, Figure, IncidentReport, SourcedFigure

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their",
            "this", "that", "these", "those", "who", "one", "someone", "somebody"}
UNKNOWN_OUTLET = "unknown outlet"
DEMONYM_ENDINGS = ("an", "ish", "i", "ese", "ch")
MEDIA = {name.lower() for name in KNOWN.values()} | {"reuters", "ap", "afp", "state media", "state television"}


def mergeable(event: Event) -> bool:
    """Events an incident is built from: what the story reports as news, never background
    or something that did not happen."""
    return event.main and not event.negated


def reports_of(x: Extraction) -> list[IncidentReport]:
    """One report per mergeable event of an extraction, in the article's order."""
    a = x.article
    outlet = outlet_name(a.outlet, a.url) or UNKNOWN_OUTLET
    claims = {c.id: c for c in x.claims}
    places = frozenset(t.lower() for p in x.places for t in (p.text, p.name) if t)
    published = a.published_at or a.published
    found = []
    for e in x.events:
        if not mergeable(e):
            continue
        found.append(IncidentReport(
            event=e.id, article=a.id, outlet=outlet, url=a.url, title=a.title, published=published,
            type=e.type, mode=e.mode, date=e.date, location=e.location,
            actors=list(dict.fromkeys(x.name for x in e.actors if x.role == "actor")),
            perpetrators=_attributions(e, claims, outlet, a.id, places),
            targets=list(dict.fromkeys(x.name for x in e.actors if x.role in ("target", "recipient"))),
            figures=[_figure(f, claims, outlet, a.id, published, places) for f in e.figures if f.scope == "event"]))
    return found


def speaker_label(claim: Optional[Claim], outlet: str, places: frozenset[str] = frozenset()) -> tuple[str, bool]:
    """Who gives a figure or an attribution, as an analyst would cite them, and whether the
    source is named (a person or body a reader could check). The outlet itself when the article
    states it without a source; never an id or a pronoun."""
    s = claim.speaker if claim else None
    if s is None:
        return outlet, False
    if s.name and not s.anonymous and s.name.lower() not in PRONOUNS and not _dateline(s.name, places):
        extra = ", ".join(x for x in (s.title, s.affiliation) if x and x not in s.name)
        return (f"{s.name} ({extra})" if extra else s.name), True
    if s.anonymous and s.affiliation:
        if " " not in s.affiliation and s.affiliation.endswith(DEMONYM_ENDINGS):  # "American", "Iraqi"
            return f"anonymous {s.affiliation} {s.title or 'official'}", False
        return f"anonymous {s.title or 'official'} of {s.affiliation}", False
    text = _description(s.text or "")
    if text and text.lower() not in PRONOUNS:
        return (f"anonymous: {text}", False) if s.anonymous else (text, bool(s.affiliation))
    if s.affiliation and not s.anonymous:
        return s.affiliation, True
    return outlet, False


def _dateline(name: str, places: frozenset[str]) -> bool:
    """'ERBIL' read as a speaker: the dateline's town, not a source."""
    return name.isupper() and name.lower() in places


def _description(text: str) -> str:
    """'the Sudanese health ministry' → 'Sudanese health ministry'; a relative clause dropped."""
    text = text.split(", who")[0].split(" who ")[0].strip()
    words = text.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _attributions(e: Event, claims: dict[str, Claim], outlet: str, article: str,
                  places: frozenset[str]) -> list[Attribution]:
    found: dict[tuple[str, str], Attribution] = {}

    def add(name: str, stance: str, source: tuple[str, bool]) -> None:
        found.setdefault((name, stance), Attribution(name=name, stance=stance, source=source[0], named=source[1],
                                                     outlet=outlet, article=article))

    targets = {x.name.lower() for x in e.actors if x.role in ("target", "recipient")}
    for actor in e.actors:
        if not _could_be_a_party(actor.name, outlet, targets | places):
            continue
        stance = {"claimed_by": "claimed", "alleged_perpetrator": "accused"}.get(actor.role)
        if actor.role == "actor" and e.type == "ASSAULT":
            stance = "reported"
        if stance:
            claim = claims.get(actor.claim or "") or _accusing(claims, e.id, actor.name, stance)
            source = (actor.name, True) if stance == "claimed" and claim is None else speaker_label(claim, outlet, places)
            add(_party_of(actor.name, claims) if stance == "claimed" else actor.name, stance, source)
    for claim in claims.values():
        if claim.about == e.id and claim.stance == "deny" and claim.speaker:
            name = claim.speaker.name or claim.speaker.affiliation
            if name and name.lower() not in PRONOUNS:
                add(name, "denied", speaker_label(claim, outlet, places))
    return list(found.values())


def _party_of(name: str, claims: dict[str, Claim]) -> str:
    """A spokesman named as claiming an attack claims it for his group ('Qari Yousuf Ahmadi' → 'Taliban')."""
    for c in claims.values():
        s = c.speaker
        if s and s.name == name and s.affiliation and s.affiliation != name:
            return s.affiliation
    return name


def _could_be_a_party(name: str, outlet: str, elsewhere: set[str]) -> bool:
    """Not the outlet or another news organisation, not the event's place, not its victim."""
    low = name.lower()
    if low in elsewhere or low == outlet.lower() or low in MEDIA or any(w in low for w in ("news agenc", "telegram")):
        return False
    return True


def _figure(f: Figure, claims: dict[str, Claim], outlet: str, article: str, published: Optional[str],
            places: frozenset[str]) -> SourcedFigure:
    source, named = speaker_label(claims.get(f.source or ""), outlet, places)
    return SourcedFigure(kind=f.kind, value=f.value, min=f.min, max=f.max, qualifier=f.qualifier, text=f.text,
                         source=source, named=named, outlet=outlet, article=article, published=published,
                         update=f.update)


def _accusing(claims: dict[str, Claim], event_id: str, name: str, stance: str) -> Optional[Claim]:
    """The claim about the event that accuses `name`, when the attribution carries none."""
    if stance != "accused":
        return None
    return next((c for c in claims.values() if c.about == event_id and c.stance == "accuse" and name in c.accused),
                None)
