"""The founding article's events, as an analyst would keep them: every one expected, no extras.

Each row is (type, main, who): an emitted event matches a row when type and main agree and
`who` is part of an actor's name or of its trigger. Rows marked required must be found; the
others are events an analyst could keep but need not. Anything else sitrep emits fails the test
(a REJECT whose actor is "These rumors", CONSULT with recipient "incident", "way" as an actor,
an arrest out of "hold accountable" were all emitted once).
"""
from __future__ import annotations

from conftest import needs_shared

pytestmark = needs_shared

REQUIRED, OPTIONAL = True, False
EXPECTED = [
    ("ASSAULT", True, "attack", REQUIRED),               # the rocket attack on Erbil airport
    ("ACCUSE", True, "Blinken", REQUIRED),               # "We are outraged …"
    ("CONSULT", True, "Blinken", REQUIRED),              # reached out to Masrour Barzani
    ("CONSULT", True, "Austin", REQUIRED),               # spoke with his Iraqi counterpart
    ("ACCUSE", True, "Austin", REQUIRED),                # … and condemned the attack
    ("REJECT", True, "Iran", REQUIRED),                  # Iran denied any involvement
    ("ASSAULT", False, "Trump", REQUIRED),               # the killing of Soleimani, January 2020
    ("ASSAULT", False, "Fakhrizadeh", REQUIRED),         # the killing of Fakhrizadeh, November 2020
    ("REJECT", True, "Khatibzadeh", OPTIONAL),           # "These rumors are strongly rejected"
    ("ACCUSE", True, "Khatibzadeh", OPTIONAL),           # "… attempts … are strongly condemned"
    ("ACCUSE", True, "Kurdish government", OPTIONAL),    # the KRG source attributed the attack to PMF
    ("ACCUSE", True, "KRG", OPTIONAL),                   # the KRG's statement; the KRG's investigation
    ("ACCUSE", True, "U.S.", OPTIONAL),                  # the U.S. and its allies believe Iran complicit
    ("ACCUSE", True, "Analysts", OPTIONAL),              # analysts: authorized by Tehran
    ("ACCUSE", True, "Randa Slim", OPTIONAL),
    ("SUPPORT", True, "leaders", OPTIONAL),              # both leaders reaffirmed commitment
    ("SUPPORT", True, "Pentagon", OPTIONAL),             # committed to supporting our Iraqi partners
    ("AGREE", True, "Tehran", OPTIONAL),                 # willing to ease tensions through new talks
    ("ASSAULT", False, "Iran", OPTIONAL),                # Iran's rockets on U.S. bases days after Soleimani
]


def _matches(event: dict, row) -> bool:
    etype, main, who, _ = row
    names = [a["name"] for a in event["actors"]] + [event["trigger"]]
    return event["type"] == etype and event["main"] == main and any(who.lower() in n.lower() for n in names)


def test_every_expected_event_is_found(founding):
    for row in (r for r in EXPECTED if r[3]):
        assert any(_matches(e, row) for e in founding["events"]), f"missing {row}"


def test_no_event_an_analyst_would_drop(founding):
    extras = [(e["type"], e["main"], e["trigger"], [a["name"] for a in e["actors"]])
              for e in founding["events"] if not any(_matches(e, row) for row in EXPECTED)]
    assert not extras, extras


def test_background_killing_of_fakhrizadeh(founding):
    (killing,) = [e for e in founding["events"] if e["type"] == "ASSAULT" and not e["main"]
                  and any("Fakhrizadeh" in a["name"] for a in e["actors"] if a["role"] == "target")]
    assert killing["date"]["value"] == "2020-11" and killing["date"]["precision"] == "month"
    assert [a["name"] for a in killing["actors"] if a["role"] == "alleged_perpetrator"] == ["Israel"]


def test_claim_of_responsibility_names_the_group(founding):
    claims = [c for c in founding["claims"] if c["stance"] == "claim_responsibility"]
    assert claims and all(c["speaker"]["name"] == "Saraya Awliya al-Dam" for c in claims)
