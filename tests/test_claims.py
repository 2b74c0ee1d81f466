"""Claims: quote styles, indirect speech, speakers across the article, anonymity, stance."""
from __future__ import annotations

import pytest

import sitrep


def claims(text: str):
    return sitrep.extract(text, published="2023-05-02").claims


def one(text: str, contains: str):
    found = [c for c in claims(text) if contains in c.text]
    assert found, (contains, [(c.text, c.speaker) for c in claims(text)])
    return found[0]


@pytest.mark.parametrize("quote", [
    '"The convoy was hit twice," said Ahmed Saleh, a police spokesman.',
    "“The convoy was hit twice,” said Ahmed Saleh, a police spokesman.",
    "‘The convoy was hit twice,’ said Ahmed Saleh, a police spokesman.",
])
def test_quote_styles(quote):
    c = one(quote, "convoy was hit twice")
    assert c.kind == "quote" and c.speaker.name == "Ahmed Saleh"


def test_a_quote_that_reopens_in_the_next_paragraph_keeps_its_speaker():
    text = ("“We saw the drones at dawn,” said Fatima Idris, a teacher in the town. “They came back "
            "at noon and struck the market.”\n\n“Nobody has helped us since,” she said.")
    assert one(text, "came back at noon").speaker.name == "Fatima Idris"
    assert one(text, "Nobody has helped us").speaker.name == "Fatima Idris"


def test_partial_quote_inside_a_paraphrase():
    c = one("The army said the raid had been “a complete success” and that no civilians were hurt.",
            "complete success")
    assert c.speaker and "army" in (c.speaker.text or "").lower() and not c.speaker.anonymous


@pytest.mark.parametrize("text, speaker, contains", [
    ("Police said that three gunmen opened fire on the bus.", "Police", "gunmen opened fire"),
    ("Three gunmen opened fire on the bus, according to the Interior Ministry.", "Interior Ministry", "gunmen"),
    ("Governor Ali Musa told reporters that the curfew would be lifted on Friday.", "Ali Musa", "curfew"),
])
def test_indirect_speech(text, speaker, contains):
    c = one(text, contains)
    assert speaker in (c.speaker.name or c.speaker.affiliation or c.speaker.text)


def test_claim_of_responsibility():
    c = one("The Islamic State group claimed responsibility for the bombing, saying it targeted soldiers.",
            "targeted soldiers")
    assert c.stance == "claim_responsibility"


def test_no_comment():
    found = claims("The Defense Ministry did not immediately respond to requests for comment.")
    assert found and found[0].stance == "no_comment" and found[0].speaker.name == "Defense Ministry"


@pytest.mark.parametrize("text, stance", [
    ("The government accused the rebels of shelling the camp.", "accuse"),
    ("The rebels denied any involvement in the shelling.", "deny"),
    ("The United Nations condemned the attack on the camp.", "condemn"),
    ("The mayor said the water supply had been restored.", "assert"),
])
def test_stance(text, stance):
    assert claims(text)[0].stance == stance


def test_who_is_accused():
    c = claims("The government accused the Rapid Support Forces of shelling the camp.")[0]
    assert any("Rapid Support Forces" in a for a in c.accused)


@pytest.mark.parametrize("text, affiliation", [
    ("Officials said the bridge had been destroyed.", None),
    ("Analysts say the offensive will stall before winter.", None),
    ("A Western diplomat who was not authorized to speak publicly said the talks had collapsed.", "Western"),
    ("A source in the Kurdish government said the talks had collapsed.", "Kurdish government"),
])
def test_anonymous_sources(text, affiliation):
    c = claims(text)[0]
    assert c.speaker.anonymous and c.speaker.name is None
    if affiliation:
        assert c.speaker.affiliation == affiliation


def test_speaker_split_into_name_title_affiliation():
    c = one("“These claims are baseless,” Iran Foreign Ministry spokesman Saeed Khatibzadeh said.", "baseless")
    assert c.speaker.name == "Saeed Khatibzadeh"
    assert "spokesman" in c.speaker.title and "Iran" in c.speaker.affiliation
    assert c.stance == "deny"


def test_speakers_resolved_across_the_article():
    text = ("Iran Foreign Ministry spokesman Saeed Khatibzadeh said the claims were baseless. "
            "Khatibzadeh said Tehran would not be drawn into a new conflict. "
            "He added that the embassy remained open. "
            "The spokesman said the investigation was a provocation.")
    for part in ("not be drawn", "embassy remained open", "investigation was a provocation"):
        c = one(text, part)
        assert c.speaker.name == "Saeed Khatibzadeh", (part, c.speaker)
        assert c.speaker.affiliation and "Iran" in c.speaker.affiliation


@pytest.mark.parametrize("text", [
    "He said “the road is closed.", "“Nothing”, he said, “is” “left", '"""', "“”", "‘’‘", "“ " * 500,
])
def test_odd_quote_marks_never_crash(text):
    claims(f"Police said the road was closed. {text}")


def test_a_quote_without_a_speaker_is_kept_with_speaker_null():
    found = claims("The market burned for hours.\n\n“We have lost everything we built in twenty years.”")
    c = next(c for c in found if "lost everything" in c.text)
    assert c.kind == "quote" and c.speaker is None
