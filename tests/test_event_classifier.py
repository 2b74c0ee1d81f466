"""The shipped event classifier: it loads offline from the package and codes each PLOVER type.

Sentences written for this test (not training data), one per type. sitrep as shipped (lexicon
and classifier) must code each one's type; the classifier alone, reading them as sitrep does
(with the lexicon's types as marker words), must rank the gold type first for most of them.
"""
from __future__ import annotations

import pytest

import sitrep

from sitrep.extractors.events import classifier
from sitrep.extractors.events.triggers import find_triggers
from sitrep.pipeline import nlp

SENTENCES = {
    "AGREE": "Ethiopia and the Tigray rebels signed a peace agreement in Pretoria on Wednesday.",
    "CONSULT": "The Egyptian president hosted the Sudanese army chief for talks in Cairo on Thursday.",
    "SUPPORT": "The Arab League voiced its full support for the Palestinian Authority's reform plan.",
    "CONCEDE": "The government lifted the ban on opposition rallies after weeks of international pressure.",
    "COOPERATE": "Police in Brazil and Paraguay carried out a joint operation against arms smugglers on the border.",
    "AID": "The European Union sent 50 tonnes of medical supplies to earthquake survivors in Morocco.",
    "RETREAT": "Israeli forces pulled out of the Jenin refugee camp on Wednesday after a two-day raid.",
    "REQUEST": "The U.N. secretary-general urged both sides to allow aid convoys into the besieged city.",
    "ACCUSE": "Amnesty International accused the security forces of torturing detainees in the north.",
    "REJECT": "The rebel alliance rejected the government's offer of a ceasefire on Monday.",
    "THREATEN": "The militia threatened to blow up the dam if government troops advanced on the town.",
    "PROTEST": "Thousands of farmers marched on parliament in Warsaw to protest against grain imports.",
    "SANCTION": "The United States imposed sanctions on two Russian banks over the invasion.",
    "MOBILIZE": "Armenia put its army on high alert and called up reservists as tensions rose on the border.",
    "COERCE": "Security forces detained dozens of opposition supporters in Harare on Saturday.",
    "ASSAULT": "Gunmen opened fire on worshippers at a mosque in northern Burkina Faso, killing 14 people.",
}


@pytest.fixture(scope="module")
def coder():
    model = classifier.load()
    assert model is not None, "the shipped classifier (sitrep/data/events) is missing from the package"
    return model


def test_loads_offline_from_the_package(coder):
    assert classifier.MODEL_DIR.is_dir()
    assert set(coder.get_pipe("textcat_multilabel").labels) == set(SENTENCES)


# Errors sitrep makes on these sentences, kept visible (strict: the test fails once they are fixed).
KNOWN_ERRORS = {
    "AGREE": "the classifier reads 'signed a peace agreement' as SUPPORT (0.82) and retypes the lexicon's AGREE",
    "COOPERATE": "the lexicon codes 'carried out a joint operation against' as ASSAULT; the classifier's "
                 "COOPERATE (0.20) is below ADD, so the lexicon decides",
}


@pytest.mark.parametrize("etype", [pytest.param(t, marks=pytest.mark.xfail(strict=True, reason=KNOWN_ERRORS[t]))
                                   if t in KNOWN_ERRORS else t for t in sorted(SENTENCES)])
def test_sitrep_codes_each_type(coder, etype):
    events = sitrep.extract(SENTENCES[etype], published="2024-06-03").events
    assert etype in {e.type for e in events}, [(e.type, e.trigger) for e in events]


def test_classifier_alone_ranks_the_type_first(coder):
    wrong = {}
    for etype, text in SENTENCES.items():
        doc = nlp()(text)
        scores = classifier.sentence_scores(list(doc.sents), find_triggers(doc), coder)[0]
        best = max(scores, key=scores.get)
        if best != etype:
            wrong[etype] = best
    assert len(wrong) <= 3, wrong  # 2 of 16 wrong when written: AGREE read as SUPPORT, AID as MOBILIZE


def test_no_model_means_the_lexicon_alone(coder):
    doc = nlp()("Police arrested 40 protesters in Dakar on Monday.")
    triggers = find_triggers(doc)
    assert classifier.reconcile(doc, triggers, None) == triggers
