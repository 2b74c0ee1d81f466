"""Each of the 16 PLOVER event types, on sentences written for these tests."""
from __future__ import annotations

import pytest

import sitrep

CASES = [
    ("AGREE", None, "The two governments agreed on Monday to resume direct flights between their capitals."),
    ("AGREE", None, "The rebels said they will release the twelve aid workers they captured last month."),
    ("CONSULT", "visit", "The Turkish foreign minister visited Baghdad on Sunday."),
    ("CONSULT", "phone", "The prime minister spoke with the Kenyan president by telephone on Friday."),
    ("SUPPORT", None, "The African Union praised the transitional council for organising the vote."),
    ("CONCEDE", None, "The military government lifted the state of emergency in the northern provinces."),
    # "The two navies shared intelligence…" is parsed with 'shared' as an adjective (no clause, no
    # subject), and a verbal record needs an actor or its sentence's main verb: nothing is emitted
    ("COOPERATE", None, "The two navies have shared intelligence on pirate movements in the Gulf of Aden."),
    ("AID", None, "The World Food Programme delivered 300 tonnes of food to displaced families in Tigray."),
    ("RETREAT", "withdraw", "Government troops withdrew from the town of Kidal on Thursday."),
    ("RETREAT", "release", "The militia released 40 hostages after talks with tribal elders."),
    ("REQUEST", None, "The opposition demanded that the president resign before the end of the year."),
    ("ACCUSE", "allege", "The interior ministry accused the rebels of shelling a refugee camp."),
    ("ACCUSE", "disapprove", "The European Union condemned the execution of the two journalists."),
    ("ACCUSE", "investigate", "Prosecutors opened an investigation into the killing of the mayor."),
    ("REJECT", None, "The junta rejected the regional bloc's proposal for a ceasefire."),
    ("THREATEN", None, "The separatist leader threatened to attack the capital if the army advanced."),
    ("PROTEST", "demo", "Thousands of students protested in Dhaka against the new quota system."),
    ("PROTEST", "strike", "Teachers went on strike across the country to demand higher pay."),
    ("SANCTION", None, "The United States imposed sanctions on three generals over the coup."),
    ("SANCTION", "expel", "Poland expelled two Belarusian diplomats on Wednesday."),
    ("MOBILIZE", "troops", "Russia deployed thousands of troops near the border on Tuesday."),
    ("COERCE", "arrest", "Police arrested 15 opposition activists in the capital on Saturday."),
    ("COERCE", "curfew", "Authorities imposed a curfew in the city after two nights of clashes."),
    ("ASSAULT", "heavy-weapons", "Militants fired rockets at an army base near Kandahar, killing three soldiers."),
    ("ASSAULT", "explosives", "A car bomb exploded outside a police station in Mogadishu, killing seven people."),
    ("ASSAULT", "abduct", "Gunmen kidnapped 20 villagers in Zamfara state on Sunday."),
    ("ASSAULT", "drone", "A drone strike killed a senior commander of the group in northern Syria."),
]


@pytest.mark.parametrize("etype,mode,text", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_type_and_mode(etype, mode, text):
    events = sitrep.extract(text, published="2024-06-01").events
    same = [e for e in events if e.type == etype]
    assert same, f"{etype} not found; got {[(e.type, e.trigger) for e in events]}"
    if mode:
        assert any(e.mode == mode for e in same), [(e.mode, e.trigger) for e in same]


def test_all_sixteen_types_are_covered():
    from sitrep.lexicon.plover import EVENT_TYPES
    assert {c[0] for c in CASES} == set(EVENT_TYPES)


def test_actor_and_recipient_roles():
    (e,) = [e for e in sitrep.extract("Poland expelled two Belarusian diplomats on Wednesday.",
                                       published="2024-06-01").events if e.type == "SANCTION"]
    assert [a.name for a in e.actors if a.role == "actor"] == ["Poland"]
    assert any("diplomats" in a.name for a in e.actors if a.role == "recipient")
    assert e.date.value == "2024-05-29"


def test_negated_cooperation_is_reject_and_hypothetical_is_dropped():
    events = sitrep.extract("The rebels refused to release the hostages. The army may attack the town.",
                            published="2024-06-01").events
    assert [e.type for e in events] == ["REJECT"]


def test_background_event_is_not_main():
    events = sitrep.extract("Soldiers killed five protesters in the capital in March 2019.",
                            published="2024-06-01").events
    assert events and not events[0].main and events[0].date.value == "2019-03"
