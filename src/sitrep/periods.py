"""Periods: the span of days an ISO or TIMEX3 date value covers, for comparing dates."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional


def date_range(value: Optional[str]) -> Optional[tuple[date, date]]:
    """First and last day an ISO/TIMEX value covers: '2021-02' → Feb 1..28, '2021-W07' → its week."""
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

