"""Periods: the span of days an ISO or TIMEX3 date value covers, for comparing dates."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional


def date_range(value: Optional[str]) -> Optional[tuple[date, date]]:
    """First and last day an ISO/TIMEX value covers: '2021-02' → Feb 1..28, '2021-W07' → its week,
    '2021-Q1' and '2021-H2' their months; None for a value with no such span (or not a real date)."""
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            d = date.fromisoformat(value)
            return d, d
        if re.fullmatch(r"\d{4}-W\d{2}", value):
            monday = date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
            return monday, monday + timedelta(days=6)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            first = date(int(value[:4]), int(value[5:]), 1)
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        if re.fullmatch(r"\d{4}-Q[1-4]", value):  # a quarter
            first = date(int(value[:4]), 3 * int(value[6]) - 2, 1)
            return first, date_range(f"{value[:4]}-{3 * int(value[6]):02d}")[1]
        if re.fullmatch(r"\d{4}-H[12]", value):  # a half year
            return (date(int(value[:4]), 1, 1), date(int(value[:4]), 6, 30)) if value[6] == "1" else \
                (date(int(value[:4]), 7, 1), date(int(value[:4]), 12, 31))
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None
    return None


DAY_PRECISIONS = ("minute", "part_of_day", "day")


def value_range(value: Optional[str], precision: Optional[str] = None) -> Optional[tuple[date, date]]:
    """`date_range` of an event date as stored: a day-precise value keeps only its day
    ('2021-02-16TMO', '2021-02-16T10:30' → that day), whether its precision or its form says so."""
    if value and (precision in DAY_PRECISIONS or re.match(r"\d{4}-\d{2}-\d{2}T", value)):
        value = value[:10]
    return date_range(value)



def first_day(value: Optional[str], precision: Optional[str] = None) -> Optional[str]:
    """The ISO day a stored date value begins on ('2024-W25' → '2024-06-17'); None when it has none."""
    span = value_range(value, precision)
    return span[0].isoformat() if span else None


def last_day(value: Optional[str], precision: Optional[str] = None) -> Optional[str]:
    """The ISO day a stored date value ends on ('2024-03' → '2024-03-31'); None when it has none."""
    span = value_range(value, precision)
    return span[1].isoformat() if span else None
