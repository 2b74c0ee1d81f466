"""Written sentence templates filled with real gazetteer towns and person names, for the place model.

Conflict news names small towns that spaCy's small NER does not know; GeoWebNews has few of
them. These templates put towns of 2,000–150,000 people from the countries such news covers
into the contexts wire stories use, and first names that are also place names ("Chad",
"Florence") into the contexts people appear in. Towns are drawn with a fixed seed; the towns
and names that tests/test_places_recognition.py uses are never drawn.
"""
from __future__ import annotations

import random

SEED = 20261204
COUNTRIES = ("AF", "PK", "IN", "BD", "LK", "MM", "SO", "KE", "ET", "SD", "SS", "ML", "NE", "BF", "NG", "CM",
             "TD", "CF", "CD", "UG", "MZ", "LY", "SY", "IQ", "YE", "LB", "PS", "UA", "CO", "MX", "PH")
HELD_OUT = {"turbat", "garissa", "nakuru", "mombasa", "moyale", "tessalit", "bajaur", "dera bugti", "chaman", "ras al ain",
            "dayr al zor", "deir ez zor", "kamituga", "paris", "chad", "jordan"}
PLACE_TEMPLATES = (
    "Gunmen opened fire on a checkpoint outside {town} late on Tuesday, police said.",
    "At least six people died when a bomb exploded at a bus station in {town}.",
    "Residents of {town} said they had heard heavy gunfire through the night.",
    "The army said it had regained control of {town} after two days of clashes.",
    "Aid workers reached {town}, a farming town cut off by the fighting for weeks.",
    "Displaced families arrived in {town} and {other} over the weekend.",
    "Fighters withdrew from {town} toward the border, witnesses told local radio.",
    "The governor visited {town}, where flooding destroyed hundreds of homes.",
    "Protesters blocked the main road between {town} and {other} on Friday.",
    "Two soldiers were wounded in an attack on a patrol near {town}, {country}.",
    "Militants attacked a police station in {town} on {day}, officials said.",
    "A roadside bomb hit a truck near {town} on {day} morning.",
    "Troops clashed with rebels outside {town} late on {day}.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PERSON_TEMPLATES = (
    "{name} {surname} told reporters that the ministry would review the plan.",
    "{name} {surname}, a spokesman for the group, declined to comment.",
    "The award went to {name} {surname} for her work on the report.",
    "{surname} said {name} had been right all along.",
    "According to {name} {surname}, the talks will resume next week.",
)
# One-word mentions of people by a surname that is also a town's name.
SURNAME_TEMPLATES = (
    "The {surname} administration had promised to lift the sanctions.",
    "{surname} said on Monday that the talks had failed.",
    "Aides to {surname} declined to comment on the report.",
    "The decision angered supporters of {surname}, who called it a betrayal.",
    "{surname}'s campaign raised more money than expected.",
    "Critics accused {surname} of ignoring the warnings.",
)
PLACE_SURNAMES = ("Clinton", "Jackson", "Lincoln", "Hamilton", "Kennedy", "Wilson", "Carter", "Bolton",
                  "Reagan", "Nixon", "Johnson", "Truman", "Franklin", "Harrison", "Monroe", "Cleveland",
                  "Putin", "Erdogan", "Modi", "Buhari", "Kenyatta", "Museveni", "Macron", "Merkel")
PERSON_NAMES = ("Victoria", "Florence", "Austin", "Sydney", "Georgia", "Madison", "Lincoln", "Warren", "Tyler",
                "Eugene", "Dallas", "Israel", "Carolina", "Kent", "Chester", "Troy", "Orlando", "Houston",
                "Aurora", "Lorraine", "Adelaide", "Charlotte", "Camden", "Clifton", "Denver", "Marion", "Regina")
SURNAMES = ("Okafor", "Mwangi", "Haddad", "Khan", "Smith", "Garcia", "Mensah", "Nasser", "Petrov", "Baker")


def sentences(gazetteer, n_places: int = 1200, n_people: int = 300) -> list[dict]:
    """[{"text", "places": [names that are places], "not": [names that are not]}]"""
    rng = random.Random(SEED)
    rows = gazetteer.db.execute(
        "SELECT name, country FROM places WHERE feature = 'city' AND population BETWEEN 2000 AND 150000 "
        f"AND country IN ({','.join('?' * len(COUNTRIES))}) ORDER BY geonames_id", COUNTRIES).fetchall()
    towns = [(name, country) for name, country in rows
             if name.isascii() and name.replace(" ", "").replace("-", "").isalpha()
             and name.lower().replace("-", " ") not in HELD_OUT]
    countries = {code: gazetteer.country(code).name for code in COUNTRIES if gazetteer.country(code)}
    out = []
    for _ in range(n_places):
        (town, code), (other, _) = rng.sample(towns, 2)
        template = rng.choice(PLACE_TEMPLATES)
        text = template.format(town=town, other=other, country=countries.get(code, "Kenya"), day=rng.choice(DAYS))
        out.append({"text": text, "places": [town] + ([other] if "{other}" in template else []), "not": []})
    for _ in range(n_people):
        name = rng.choice([n for n in PERSON_NAMES if n.lower() not in HELD_OUT])
        text = rng.choice(PERSON_TEMPLATES).format(name=name, surname=rng.choice(SURNAMES))
        out.append({"text": text, "places": [], "not": [name]})
    for _ in range(n_people):
        surname = rng.choice(PLACE_SURNAMES)
        out.append({"text": rng.choice(SURNAME_TEMPLATES).format(surname=surname), "places": [], "not": [surname]})
    return out
