"""Places: one test per disambiguation rule, on sentences written for them."""
from __future__ import annotations

import math

import pytest

import sitrep
from sitrep.geodata.gazetteer import Gazetteer, normalize

ERBIL = 95446


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def places(text: str, published: str = "2023-05-02"):
    return sitrep.extract(text, published=published).places


def place(text: str, mention: str):
    found = [p for p in places(text) if p.text == mention]
    assert found, f"{mention!r} not found as a place in {[p.text for p in places(text)]}"
    return found[0]


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.default()


@pytest.mark.parametrize("spelling", ["Irbil", "Erbil", "Arbil", "IRBIL"])
def test_transliterations_of_erbil_land_on_erbil(spelling):
    p = place(f"Two drones struck a base outside {spelling} on Sunday, officials said.", spelling)
    assert p.geonames_id == ERBIL and p.country == "IQ"
    assert km(p.lat, p.lon, 36.19, 44.01) < 10


def test_erbil_has_its_governorate(gazetteer):
    city = next(c for c in gazetteer.candidates("Erbil") if c.feature == "city")
    assert city.admin1 and normalize(city.admin1) in ("arbil", "erbil")


def test_province_word_picks_the_governorate_and_bare_name_the_city():
    text = ("Rockets were fired from Kirkuk Province toward the airport on Monday. "
            "Police in Kirkuk said two people were hurt.")
    province, city = place(text, "Kirkuk Province"), place(text, "Kirkuk")
    assert province.feature == "admin1" and province.geonames_id == 98410
    assert city.feature == "city" and city.geonames_id != 98410


def test_washington_beside_the_white_house_is_the_capital():
    text = ("The White House said on Tuesday that Washington would answer the strike. "
            "Officials in Washington declined to give details.")
    for p in (p for p in places(text) if p.text == "Washington"):
        assert p.country == "US" and p.feature == "city"
        assert km(p.lat, p.lon, 38.9, -77.04) < 25


def test_washington_state_when_the_text_says_state():
    assert not any(p.text == "Washington State" for p in places("Washington State beat Oregon 31-24 on Saturday."))
    p = place("Wildfires spread across Washington state on Friday.", "Washington state")
    assert p.feature == "admin1" and p.country == "US"


@pytest.mark.parametrize("text, name", [
    ("Peshmerga forces repelled an attack by Islamic State fighters near the town on Monday.", "Peshmerga"),
    ("Peshmerga forces repelled an attack by Islamic State fighters near the town on Monday.", "Islamic State"),
    ("The Kurdistan Regional Government condemned the attack on Monday.", "Kurdistan"),
    ("Iraqi and Iranian officials met on Monday.", "Iraqi"),
    ("The MoD confirmed the death on Thursday.", "MoD"),
    ("Hurricane Maria destroyed homes across the island.", "Maria"),
    ("A little known group, Saraya Awliya al-Dam, claimed responsibility for the attack.", "Saraya"),
])
def test_groups_demonyms_and_initials_are_not_places(text, name):
    assert not any(name in p.text for p in places(text))


def test_the_kurdistan_region_is_a_region():
    p = place("Security forces in the Kurdistan Region arrested three men on Monday.", "Kurdistan Region")
    assert p.feature == "region" and p.country == "IQ"


def test_attack_is_at_the_place_tied_to_it_not_where_rockets_came_from_or_tehran():
    text = ("Rockets struck a military base at Erbil airport late Monday, killing one contractor. "
            "The rockets were fired from Kirkuk Province, officials said. "
            "Washington blamed groups backed by Tehran.")
    ex = sitrep.extract(text, published="2021-02-16")
    attack = next(e for e in ex.events if e.type == "ASSAULT")
    assert attack.location.geonames_id == ERBIL or km(attack.location.lat, attack.location.lon, 36.19, 44.01) < 25
    assert attack.location.basis == "clause"
    assert attack.origin is not None and attack.origin.feature == "admin1" and "Kirk" in attack.origin.name


def test_a_dateline_locates_an_event_whose_clause_names_no_place():
    ex = sitrep.extract("KABUL (Reuters) — A suicide bomber killed six people on Tuesday, police said.",
                        published="2023-05-02")
    attack = next(e for e in ex.events if e.type == "ASSAULT")
    assert attack.location.name == "Kabul" and attack.location.basis == "dateline"


def test_a_street_is_placed_at_the_city_the_story_names():
    text = "A car bomb exploded on Haifa Street in Baghdad on Sunday, killing four people."
    street = place(text, "Haifa Street")
    assert street.feature == "local" and street.geonames_id is None and street.country == "IQ"
    assert km(street.lat, street.lon, 33.34, 44.40) < 25


def test_ap_state_abbreviations_are_states():
    text = "MAYWOOD, N.J. (AP) — A fire destroyed a warehouse on Friday."
    assert place(text, "N.J.").name == "New Jersey"
    assert place(text, "MAYWOOD").country == "US"


def test_story_context_picks_the_namesake_near_the_other_places():
    us = place("Police in Alabama said a gunman opened fire at a church in Birmingham on Sunday.", "Birmingham")
    gb = place("A gunman opened fire in Birmingham on Sunday, West Midlands police said.", "Birmingham")
    assert (us.country, us.admin1) == ("US", "Alabama")
    assert gb.country == "GB"


def test_adjectives_give_context_but_are_not_places():
    text = "Syrian troops shelled Idlib on Monday."
    assert [p.text for p in places(text)] == ["Idlib"]
    assert place(text, "Idlib").country == "SY"
