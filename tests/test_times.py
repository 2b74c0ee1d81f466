"""Dates resolved the way news is written (first version; the dates issue deepens this)."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.extractors.times import resolve

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
