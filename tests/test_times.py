"""Dates resolved the way news is written: one test per convention, the issue's seven
phrases with publication date 2021-02-16 (a Tuesday), foreign weekdays, no publication date."""
from __future__ import annotations

from datetime import date

import pytest

import sitrep
from sitrep.extractors.times import find_times, resolve
from sitrep.pipeline import nlp

PUB = date(2021, 2, 16)  # a Tuesday


@pytest.mark.parametrize("text,value,precision", [
    ("Monday", "2021-02-15", "day"),
    ("Tuesday", "2021-02-16", "day"),  # the publication weekday is that day
    ("late Monday", "2021-02-15", "day"),
    ("early Tuesday morning", "2021-02-16TMO", "part_of_day"),
    ("in November", "2020-11", "month"),  # points back, never forward
    ("the first days of 2020", "2020-01", "month"),
    ("earlier this month", "2021-02", "month"),
    ("this week", "2021-W07", "week"),
    ("February 15, 2021", "2021-02-15", "day"),
    ("the 1990s", "199", "decade"),
])
def test_resolve(text, value, precision):
    r = resolve(text, PUB)
    assert (r.value, r.precision) == (value, precision)


def test_modifiers():
    assert resolve("late Monday", PUB).modifier == "late"
    assert resolve("early Tuesday", PUB).modifier == "early"


def test_days_later_anchors_on_the_date_just_mentioned():
    r = resolve("days later", PUB, previous=date(2020, 1, 1), previous_precision="month")
    assert (r.value, r.precision, r.modifier) == ("2020-01", "month", "approximately")


def test_relative_without_publication_date_is_unresolved():
    r = resolve("Monday", None)
    assert r.value is None and r.precision is None
    assert resolve("March 3, 2019", None).value == "2019-03-03"


# --- the seven phrases, publication date 2021-02-16 -------------------------

@pytest.mark.parametrize("text, value, precision, modifier", [
    ("late Monday", "2021-02-15", "day", "late"),
    ("early Tuesday morning", "2021-02-16TMO", "part_of_day", "early"),
    ("in November", "2020-11", "month", None),
    ("the first days of 2020", "2020-01", "month", "start"),
    ("last decade", "201", "decade", None),
    ("earlier this month", "2021-02", "month", None),
])
def test_the_seven_phrases(text, value, precision, modifier):
    r = resolve(text, PUB)
    assert (r.value, r.precision, r.modifier) == (value, precision, modifier)


def test_days_later_after_a_day_is_about_that_week():
    r = resolve("days later", PUB, previous=date(2021, 2, 15), previous_precision="day")
    assert (r.value, r.precision, r.modifier) == ("2021-W07", "week", "approximately")


# --- conventions ------------------------------------------------------------------

@pytest.mark.parametrize("weekday, expected", [
    ("Monday", "2021-02-15"), ("Sunday", "2021-02-14"), ("Wednesday", "2021-02-10"),
    ("Tuesday", "2021-02-16"),  # the publication weekday itself is that day
])
def test_a_bare_weekday_is_the_latest_on_or_before_publication(weekday, expected):
    assert resolve(weekday, PUB).value == expected


@pytest.mark.parametrize("text", ["November", "in November", "last November"])
def test_a_month_points_back_never_forward(text):
    assert resolve(text, PUB).value == "2020-11"


def test_a_clause_about_the_future_looks_forward():
    assert resolve("Wednesday", PUB, future=True).value == "2021-02-17"
    assert resolve("November", PUB, future=True).value == "2021-11"


def times(text: str, published="2021-02-16"):
    return find_times(nlp()(text), published)


def test_future_is_read_from_the_clause():
    found = {t.text: t.value for t in times(
        "The minister met envoys on Monday. He will travel to Baghdad on Thursday.")}
    assert found == {"Monday": "2021-02-15", "Thursday": "2021-02-18"}


def test_anaphora_anchor_to_the_date_just_mentioned_not_publication():
    found = {t.text: t.value for t in times(
        "Gunmen stormed the village on Jan. 3, 2021. The next day, troops arrived. "
        "That night, the gunmen withdrew. Days later, residents began to return.")}
    assert found["Jan. 3, 2021"] == "2021-01-03"
    assert found["The next day"] == "2021-01-04"
    assert found["That night"] == "2021-01-04TNI"
    assert found["Days later"] == "2021-W01"


def test_background_dates_keep_their_own_year():
    found = {t.text: (t.value, t.precision) for t in times(
        "The strike killed Qassem Soleimani in January 2020. Fakhrizadeh was killed in November.")}
    assert found["January 2020"] == ("2020-01", "month")
    assert found["November"] == ("2020-11", "month")


# --- other languages (dateparser knows the words; the news convention is sitrep's) ---

@pytest.mark.parametrize("text, expected", [
    ("lundi", "2021-02-15"), ("mardi", "2021-02-16"), ("dimanche", "2021-02-14"),
    ("lunes", "2021-02-15"), ("el martes", "2021-02-16"), ("el domingo", "2021-02-14"),
    ("الاثنين", "2021-02-15"), ("يوم الاثنين", "2021-02-15"), ("الجمعة", "2021-02-12"),
])
def test_french_spanish_and_arabic_weekdays(text, expected):
    r = resolve(text, PUB)
    assert (r.value, r.precision) == (expected, "day")


def test_a_month_name_in_another_language_is_not_taken_for_a_weekday():
    assert resolve("mars", PUB).precision != "day"


# --- no publication date ---------------------------------------------------------

def test_without_publication_date_relative_times_stay_unresolved_with_their_text():
    ex = sitrep.extract("Gunmen killed five villagers on Monday. The massacre of March 3, 2019 was worse.")
    found = {t.text: (t.value, t.precision) for t in ex.times}
    assert found["Monday"] == (None, None)
    assert found["March 3, 2019"] == ("2019-03-03", "day")
    attack = sitrep.extract("Gunmen killed five villagers in Kidal on Monday.").events[0]
    assert (attack.date.value, attack.date.precision, attack.date.text) == (None, None, "Monday")
