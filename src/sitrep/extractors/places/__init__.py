"""Places: find the toponyms in a story and resolve each to a gazetteer entry.

  recognition.py  which spans name places (rules, then the learned place model)
  resolution.py   which gazetteer entry each one is (a prior, then the learned ranker), or none
  location.py     where to put a name the gazetteer lacks (the place it contains, its
                  sentence's city, the story's focus)
"""
from __future__ import annotations

from ...geodata.gazetteer import Gazetteer
from ...models import Place
from .recognition import datelines, learned_spans, model_candidates, toponym_spans
from .resolution import mention_candidates, ranked_rows, ranking_context, resolve_mentions, score, story_countries

__all__ = ["datelines", "find_places", "learned_spans", "mention_candidates", "model_candidates", "ranked_rows",
           "ranking_context", "resolve_mentions", "score", "story_countries", "toponym_spans"]


def find_places(doc, gazetteer: Gazetteer) -> list[Place]:
    """Every place the story names, resolved; adjectives are context and stay out."""
    context = story_countries(doc, gazetteer)
    ruled = toponym_spans(doc, gazetteer, use_model=False, context=context)
    learned = learned_spans(doc, gazetteer, ruled, context)
    return [p for p in resolve_mentions(doc, gazetteer, sorted(ruled + learned), set(learned), context)
            if p is not None]
