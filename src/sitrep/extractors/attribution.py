"""The attribution tagger: a small spaCy model that marks Source, Cue and Content spans.

Trained on PolNeAR's training split (840 US political news articles, brat standoff,
Newell et al. 2018) by `training/attribution/` — a spaCy NER over the tok2vec of
en_core_web_sm; the weights ship in `sitrep/data/attribution/`. PolNeAR is a tag sequence
(one label per token), so the tagger never predicts overlapping spans; `attributions`
groups its spans into one record per cue: the nearest source in the cue's sentence and the
content fragments on either side of it (a quote split by "he said" is two fragments).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "attribution"


@dataclass
class Attribution:
    cue: Optional[tuple[int, int]]
    source: Optional[tuple[int, int]] = None
    content: list[tuple[int, int]] = field(default_factory=list)


@lru_cache(maxsize=1)
def tagger():
    """The trained pipeline, or None when the package was built without it."""
    if not (MODEL_DIR / "meta.json").exists():
        return None
    import spacy

    return spacy.load(MODEL_DIR)


def tag(doc) -> list[tuple[int, int, str]]:
    """Source, cue and content spans (character offsets) over `doc`'s own tokens: the
    tagger reads a copy of the main pipeline's tokenisation instead of tokenising again."""
    model = tagger()
    if model is None:
        return []
    from spacy.tokens import Doc

    copy = Doc(model.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    for _, component in model.pipeline:
        copy = component(copy)
    return [(e.start_char, e.end_char, e.label_) for e in copy.ents]


def attributions(doc, text: str) -> list[Attribution]:
    """Group tagged spans into attributions, using `doc`'s sentences and paragraphs
    (`text` is doc.text, passed in because spaCy rebuilds it on every access)."""
    spans = tag(doc)
    sent_of = _sentence_index(doc)
    cues = [(s, e) for s, e, label in spans if label == "CUE"]
    sources = [(s, e) for s, e, label in spans if label == "SOURCE"]
    contents = [(s, e) for s, e, label in spans if label == "CONTENT"]
    out = [Attribution(cue=c) for c in cues]
    used_sources: set[tuple[int, int]] = set()
    for att in out:
        same = [s for s in sources if s not in used_sources and sent_of(s[0]) == sent_of(att.cue[0])]
        if same:
            att.source = min(same, key=lambda s: _gap(s, att.cue))
            used_sources.add(att.source)
    for content in contents:
        owner = _owner(content, out, sent_of, text)
        if owner is None:
            out.append(Attribution(cue=None, content=[content]))
        else:
            owner.content.append(content)
    return out


def _owner(content, atts: list[Attribution], sent_of, text: str) -> Optional[Attribution]:
    """The cue a content fragment belongs to: in its sentence, or the sentence next to it in the
    same paragraph ("'…,' he said. '…'"), the nearest one."""
    here = sent_of(content[0])
    candidates = []
    for att in atts:
        if att.cue is None:
            continue
        distance = abs(sent_of(att.cue[0]) - here)
        lo, hi = sorted((att.cue[0], content[0]))
        if distance <= 1 and "\n" not in text[lo:hi]:
            candidates.append((distance, _gap(content, att.cue), att))
    return min(candidates, key=lambda c: (c[0], c[1]))[2] if candidates else None


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _sentence_index(doc):
    starts = [s.start_char for s in doc.sents]

    def index(char: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:  # the last sentence starting at or before `char`
            mid = (lo + hi + 1) // 2
            if starts[mid] <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo
    return index
