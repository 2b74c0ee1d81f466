"""Casualty and weapon figures: numbers, qualifiers and what they count."""
from __future__ import annotations

import pytest

from sitrep.extractors.figures import find_figures
from sitrep.pipeline import nlp


def figures(text):
    pipe = nlp()
    with pipe.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]):
        doc = pipe(text)
    return [(f.kind, f.value, f.min, f.max, f.qualifier) for f in find_figures(doc)]


@pytest.mark.parametrize("text,expected", [
    ("Militants killed at least 156 people.", ("killed", 156, 156, None, "at least")),
    ("The blast killed nine people.", ("killed", 9, 9, 9, "exact")),
    ("More than 200 civilians were wounded in the shelling.", ("injured", 200, 200, None, "at least")),
    ("Roughly a dozen rockets were fired at the base.", ("weapon_count", 12, None, None, "approximately")),
    ("Dozens of protesters were arrested.", ("arrested", None, 24, None, "vague")),
    ("Several soldiers were wounded.", ("injured", None, 3, None, "vague")),
    ("At least 40 people are dead.", ("killed", 40, 40, None, "at least")),
    ("Up to 30 people were abducted from the village.", ("kidnapped", 30, None, 30, "at most")),
    ("Gunmen abducted 25 passengers.", ("kidnapped", 25, 25, 25, "exact")),
    ("The death toll rose to 45.", ("killed", 45, 45, 45, "exact")),
    ("Between 10 and 20 soldiers were killed.", ("killed", None, 10, 20, "range")),
    ("Twenty-three people were injured.", ("injured", 23, 23, 23, "exact")),
    ("The fighting displaced about 4,000 families.", ("displaced", 4000, None, None, "approximately")),
    ("It fired two missiles at the port.", ("weapon_count", 2, 2, 2, "exact")),
])
def test_figure(text, expected):
    assert expected in figures(text), figures(text)


def test_calibre_and_money_are_not_counts():
    found = figures("They fired six 122 mm rockets and caused $5 million in damage over 3 days.")
    assert ("weapon_count", 6, 6, 6, "exact") in found
    assert all(f[1] not in (122, 5, 3) for f in found)


def test_kinds_follow_their_own_verbs():
    found = figures("The attack killed one soldier and wounded two others.")
    assert ("killed", 1, 1, 1, "exact") in found and ("injured", 2, 2, 2, "exact") in found


def scopes(text):
    pipe = nlp()
    with pipe.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]):
        doc = pipe(text)
    return [(f.kind, f.value, f.scope, f.update) for f in find_figures(doc)]


@pytest.mark.parametrize("text,expected", [
    ("Rebels killed 412 civilians last year, the UN said.", ("killed", 412, "cumulative", False)),
    ("More than 900 fighters have been killed in 18 months.", ("killed", 900, "cumulative", False)),
    ("A total of 56 people were killed in attacks this month.", ("killed", 56, "cumulative", False)),
    ("Militants have killed 300 people since 2011.", ("killed", 300, "cumulative", False)),
    ("The bomb killed 27 people, including 19 soldiers.", ("killed", 19, "subtotal", False)),
    ("The bomb killed 27 people, including 19 soldiers.", ("killed", 27, "event", False)),
    ("Gunmen killed 12 villagers on Tuesday.", ("killed", 12, "event", False)),
    ("Gunmen killed 12 villagers a year ago.", ("killed", 12, "event", False)),
    ("The death toll rose to 27 on Wednesday.", ("killed", 27, "event", True)),
])
def test_figure_scope(text, expected):
    assert expected in scopes(text), scopes(text)


def test_a_date_is_not_a_toll():
    assert scopes("Five people were killed on 11 December in an attack on the market.") == [("killed", 5, "event", False)]
