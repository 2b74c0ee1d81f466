"""Small readings of spaCy's dependency parse that more than one stage needs."""
from __future__ import annotations

from bisect import bisect_left, bisect_right


def participle_head(tok):
    """"saying its fighters had not fired … and blaming the army": a participle that the parser
    coordinated with a finite verb belongs with the participle above it, whose subject it shares."""
    if tok.tag_ != "VBG" or tok.dep_ != "conj" or tok.head.tag_ == "VBG":
        return tok
    return next((a for a in tok.ancestors if a.tag_ == "VBG"), tok)


def entities(doc) -> tuple:
    """doc.ents, built once per Doc (spaCy rebuilds the list on every access)."""
    cached = doc.user_data.get("sitrep.ents")
    if cached is None:
        cached = doc.user_data["sitrep.ents"] = tuple(doc.ents)
    return cached


def entities_within(doc, start: int, end: int) -> list:
    """The entities lying inside tokens [start, end), found by bisection."""
    ents = entities(doc)
    starts = doc.user_data.get("sitrep.ent_starts")
    if starts is None or len(starts) != len(ents):
        starts = doc.user_data["sitrep.ent_starts"] = [e.start for e in ents]
    i = bisect_left(starts, start)
    out = []
    while i < len(ents) and ents[i].start < end:
        if ents[i].end <= end:
            out.append(ents[i])
        i += 1
    return out


def entity_at(doc, i: int):
    """The entity covering token i, or None."""
    ents = entities(doc)
    entities_within(doc, 0, 0)  # makes sure the start index exists
    starts = doc.user_data["sitrep.ent_starts"]
    k = bisect_right(starts, i) - 1
    return ents[k] if k >= 0 and ents[k].start <= i < ents[k].end else None
