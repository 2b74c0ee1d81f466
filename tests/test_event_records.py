"""What an analyst would code (issue 17): one record per real event, with its own toll and date,
and no record for credits, subheads, habits or namings."""
from __future__ import annotations

import sitrep
from sitrep.models import headline

PUB = "2024-06-03"


def events(text, published=PUB):
    return sitrep.extract(text, published=published).events


def attacks(text, published=PUB):
    return [e for e in events(text, published) if e.type == "ASSAULT"]


def test_credit_line_and_subhead_are_no_events():
    text = ("Gunmen killed four soldiers at a checkpoint in Kidal on Monday.\n\nPointing fingers\n\n"
            "Reuters contributed to this report.")
    assert [e.type for e in events(text)] == ["ASSAULT"]


def test_habitual_generic_and_naming_are_no_events():
    assert not events("The group frequently conducts gun attacks in the region.")
    assert not events("France is jittery over a spate of attacks in recent years.")
    assert not [e for e in events("The opposition called the ruling arbitrary.") if e.type == "CONSULT"]


def test_a_separate_raid_is_its_own_record_with_its_own_toll():
    found = attacks("A car bomb killed 20 people in Kabul on Tuesday. In a separate raid, troops killed "
                    "12 insurgents in Kandahar.")
    assert len(found) == 2
    assert sorted(headline(e, "killed") for e in found) == [12, 20]


def test_a_total_since_a_year_is_not_the_toll():
    (attack, *_) = attacks("A suicide bomber killed nine people at a market in Maiduguri on Sunday. "
                           "Boko Haram has killed more than 35,000 people since 2009.")
    assert headline(attack, "killed") == 9


def test_a_subtotal_is_not_the_toll_and_an_update_is():
    (attack,) = attacks("A bomb killed 27 people, including 19 soldiers, in Mogadishu on Monday.")
    assert headline(attack, "killed") == 27
    (attack,) = attacks("A car bomb killed 20 people in Kabul on Tuesday. The death toll rose to 27 on "
                        "Wednesday, officials said.")
    assert headline(attack, "killed") == 27


def test_vague_word_is_a_lower_bound_never_an_exact_count():
    (attack,) = attacks("Dozens of people were wounded when a bomb exploded in Quetta on Friday.")
    (fig,) = [f for f in attack.figures if f.kind == "injured"]
    assert fig.value is None and fig.min == 24 and fig.qualifier == "vague"


def test_just_happened_takes_the_publication_date_and_says_so():
    (attack,) = attacks("Militants have attacked a police post in Peshawar, killing four officers.")
    assert (attack.date.value, attack.date.basis) == (PUB, "published")
    (attack,) = attacks("Gunmen attacked a police post in Peshawar on Sunday.")
    assert (attack.date.value, attack.date.basis) == ("2024-06-02", "clause")


def test_an_undated_record_says_why():
    text = "Gunmen stormed a hotel in Mogadishu. Witnesses said the attackers later attacked a bus in the city."
    for e in events(text, published=None):
        assert e.date.value is None and e.date.undated


def test_gunmen_are_attackers_not_weapons():
    (attack,) = attacks("Taliban gunmen and suicide bombers attacked Camp Shorabak in Helmand Province.")
    assert any("gunmen" in a.name for a in attack.actors if a.role == "actor")
    assert not any("gunmen" in w.text or "bombers" in w.text for w in attack.weapons)
    assert attack.mode


def test_two_attacks_in_two_towns_stay_two():
    found = attacks("Five people were killed in an attack on a market in Strasbourg on Tuesday. "
                    "On Friday an explosion wounded 13 people in Lyon, and the attack was condemned.")
    assert len(found) == 2
