"""Time expressions: find them and resolve each against the publication date.

Spans come from spaCy's DATE/TIME entities plus a few news phrases it misses
("days later", "that night"). Values are TIMEX3-style (`2021-02-15`, `2020-11`,
`2021-W07`, `P5D`, `PAST_REF`); a news layer handles what dateparser does not:
bare weekdays (the most recent one on or before publication), part-of-day and
early/late modifiers, "in November" pointing back, "the first days of 2020",
decades, and "days later" anchored on the date just mentioned. Without a
publication date, relative expressions are returned with value and precision None.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Iterable, Optional

from ..models import TimeExpr

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
               "overnight": "NI", "dawn": "MO", "dusk": "EV", "midday": "MI", "noon": "MI",
               "tonight": "NI"}
MODIFIERS = {"early": "early", "late": "late", "mid": "mid", "middle": "mid", "end": "end",
             "start": "start", "beginning": "start", "first days": "start", "first weeks": "start",
             "first few days": "start", "last days": "end", "around": "approximately",
             "about": "approximately", "some": "approximately", "roughly": "approximately"}
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
UNIT_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y", "hour": "H", "minute": "M"}
UNIT_YEARS = {"decade": 10, "century": 100}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# News phrases spaCy seldom labels, resolved against the date just mentioned.
ANAPHORIC = re.compile(
    r"\b(?:(?:a few |several |two |three |\w+ )?(?:days?|weeks?|months?|hours?) (?:later|earlier|after|before)"
    r"|the (?:next|following|previous) (?:day|morning|night|week)|that (?:night|day|morning|evening)"
    r"|the day before|the same day)\b", re.I)
EXTRA = re.compile(r"\b(?:late at night|overnight|earlier this (?:week|month|year)|in recent (?:days|weeks|months))\b", re.I)


def _iso(d: date) -> str:
    return d.isoformat()


class Resolution:
    """value, precision, modifier and type of one expression."""

    def __init__(self, value: Optional[str], precision: Optional[str], modifier: Optional[str] = None,
                 type_: str = "DATE", day: Optional[date] = None):
        self.value, self.precision, self.modifier, self.type, self.day = value, precision, modifier, type_, day


def _modifier(text: str) -> Optional[str]:
    low = text.lower()
    for key in sorted(MODIFIERS, key=len, reverse=True):
        if re.search(rf"\b{key}\b", low):
            return MODIFIERS[key]
    return None


def _part_of_day(low: str) -> Optional[str]:
    for word, code in PART_OF_DAY.items():
        if re.search(rf"\b{word}\b", low):
            return code
    return None


def _weekday(low: str, anchor: date) -> Optional[date]:
    for i, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", low):
            back = (anchor.weekday() - i) % 7
            if re.search(r"\bnext\b", low):
                return anchor + timedelta(days=(i - anchor.weekday()) % 7 or 7)
            if re.search(r"\blast\b", low) and back == 0:
                back = 7
            return anchor - timedelta(days=back)
    return None


def _month(low: str, anchor: date) -> Optional[tuple[int, int]]:
    for i, name in enumerate(MONTHS, 1):
        if re.search(rf"\b{name}\b", low):
            year_m = re.search(r"\b(1[89]\d\d|20\d\d)\b", low)
            if year_m:
                return int(year_m.group(1)), i
            if re.search(r"\bnext\b", low):
                return (anchor.year + (i <= anchor.month), i)
            # news convention: a bare month points back, never forward
            return (anchor.year - (i > anchor.month or (i == anchor.month and "last" in low)), i)
    return None


def _count(word: str) -> Optional[int]:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an", "one"):
        return 1
    return NUMBER_WORDS.get(word)


def resolve(text: str, anchor: Optional[date], previous: Optional[date] = None,
            previous_precision: str = "day") -> Resolution:
    """Resolve one expression. `anchor` is the publication date, `previous` the date just mentioned."""
    low = " ".join(text.lower().replace("’", "'").split())
    low = re.sub(r"^(?:on|in|at|by|since|until|during|from|of)\s+", "", low)
    mod = _modifier(low)
    pod = _part_of_day(low)

    # Durations and sets first: they carry no anchor.
    m = re.match(r"^(?:the )?(?:(?:last|past|previous|next|coming) )?(\w+|\d+)?[- ]?(day|week|month|year|decade|hour|minute|century)s?(?:-long|-old)?$", low)
    if m and not re.search(r"\b(this|that|last|next|same)\b (day|week|month|year)$", low):
        n = _count(m.group(1)) if m.group(1) else 1
        if n is not None and not re.search(r"\b(later|earlier|ago)\b", low):
            unit = m.group(2)
            if unit in UNIT_YEARS:
                return Resolution(f"P{n * UNIT_YEARS[unit]}Y", None, mod, "DURATION")
            prefix = "PT" if unit in ("hour", "minute") else "P"
            return Resolution(f"{prefix}{n}{UNIT_CODE[unit]}", None, mod, "DURATION")
    m = re.match(r"^(?:every|each) (day|week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", low)
    if m:
        unit = m.group(1)
        return Resolution(f"P1{UNIT_CODE.get(unit, 'W')}" if unit in UNIT_CODE else f"XXXX-WXX-{WEEKDAYS.index(unit) + 1}",
                          None, None, "SET")
    if re.search(r"\b(recent (days|weeks|months|years)|in the past|previously|formerly|once)\b", low):
        return Resolution("PAST_REF", None, mod)
    if low in ("now", "currently", "at present", "these days", "nowadays"):
        return Resolution("PRESENT_REF", None, None)

    # Absolute years and decades need no anchor.
    m = re.search(r"\b(1[89]\d|20\d)0s\b", low)
    if m:
        return Resolution(m.group(1), "decade", mod)
    m = re.search(r"\bfirst (?:few )?(days|weeks) of (1[89]\d\d|20\d\d)\b", low)
    if m:
        return Resolution(f"{m.group(2)}-01", "month", "start")
    m = re.search(r"\b(?:last|final) (?:few )?(days|weeks) of (1[89]\d\d|20\d\d)\b", low)
    if m:
        return Resolution(f"{m.group(2)}-12", "month", "end")

    explicit = _explicit_date(low)
    if explicit:
        return explicit

    if anchor is None:
        if re.search(r"\b(1[89]\d\d|20\d\d)\b", low) and not _month(low, date(2000, 1, 1)):
            return Resolution(re.search(r"\b(1[89]\d\d|20\d\d)\b", low).group(1), "year", mod)
        return Resolution(None, None, mod, "TIME" if pod else "DATE")

    # Anaphoric: anchored on the date just mentioned (or publication if none).
    base = previous or anchor
    m = re.search(r"\b(?:(a few|several|\w+) )?(day|week|month|hour)s? (later|after|earlier|before)\b", low)
    if m:
        n = _count(m.group(1) or "a") if m.group(1) not in ("a few", "several") else None
        sign = 1 if m.group(3) in ("later", "after") else -1
        unit = m.group(2)
        if previous is not None and previous_precision in ("month", "year"):
            return Resolution(f"{base:%Y-%m}" if previous_precision == "month" else f"{base:%Y}",
                              previous_precision, "approximately", day=base)
        if n is not None and unit == "day":
            d = base + timedelta(days=sign * n)
            return Resolution(_iso(d), "day", None, day=d)
        approx = base + timedelta(days=sign * {"day": 3, "week": 7, "month": 30, "hour": 0}[unit] * (n or 1))
        if unit in ("day", "week", "hour"):
            return Resolution(f"{approx:%Y-%m}" if unit != "hour" else _iso(base),
                              "month" if unit != "hour" else "day", "approximately", day=approx)
        return Resolution(f"{approx:%Y-%m}", "month", "approximately", day=approx)
    if re.search(r"\bthe (next|following) (day|morning|night)\b", low):
        d = base + timedelta(days=1)
        return _with_pod(d, pod, mod)
    if re.search(r"\bthe (previous day|day before)\b", low):
        return _with_pod(base - timedelta(days=1), pod, mod)
    if re.search(r"\b(that|the same) (night|day|morning|evening)\b", low):
        return _with_pod(base, pod, mod)

    # Publication-relative.
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", low):
        return _with_pod(anchor, pod, mod)
    if low in ("late at night", "overnight", "at night", "in the morning", "in the evening"):
        return _with_pod(base, pod, mod)  # the night of the day just mentioned
    if re.search(r"\byesterday\b", low):
        return _with_pod(anchor - timedelta(days=1), pod, mod)
    if re.search(r"\btomorrow\b", low):
        return _with_pod(anchor + timedelta(days=1), pod, mod)
    day = _weekday(low, anchor)
    if day:
        return _with_pod(day, pod, mod)
    m = re.search(r"\b(this|last|next|past|previous|coming) (week|month|year|decade)\b", low)
    if m:
        return _relative_unit(m.group(1), m.group(2), anchor, mod)
    if re.search(r"\bearlier this (week|month|year)\b", low):
        unit = re.search(r"\bearlier this (week|month|year)\b", low).group(1)
        return _relative_unit("this", unit, anchor, mod)
    month = _month(low, anchor)
    if month:
        return Resolution(f"{month[0]:04d}-{month[1]:02d}", "month", mod)
    for season, code in SEASONS.items():
        if re.search(rf"\b{season}\b", low):
            year = anchor.year - ("last" in low)
            return Resolution(f"{year}-{code}", "season", mod)
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b", low)
    if m:
        return Resolution(m.group(1), "year", mod)
    if pod:
        return Resolution(f"{_iso(base)}T{pod}", "part_of_day", mod, "TIME", day=base)
    return _dateparser(text, anchor, mod)


def _with_pod(d: date, pod: Optional[str], mod: Optional[str]) -> Resolution:
    if pod:
        return Resolution(f"{_iso(d)}T{pod}", "part_of_day", mod, "TIME", day=d)
    return Resolution(_iso(d), "day", mod, day=d)


def _relative_unit(which: str, unit: str, anchor: date, mod: Optional[str]) -> Resolution:
    step = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[which]
    if unit == "week":
        d = anchor + timedelta(weeks=step)
        year, week, _ = d.isocalendar()
        return Resolution(f"{year}-W{week:02d}", "week", mod, day=d)
    if unit == "month":
        y, m = anchor.year, anchor.month + step
        y, m = (y - 1, 12) if m == 0 else (y + 1, 1) if m == 13 else (y, m)
        return Resolution(f"{y:04d}-{m:02d}", "month", mod)
    if unit == "decade":
        if which in ("last", "past", "previous"):
            return Resolution("P10Y", None, mod, "DURATION")
        return Resolution(str(anchor.year)[:3], "decade", mod)
    return Resolution(str(anchor.year + step), "year", mod)


def _explicit_date(low: str) -> Optional[Resolution]:
    """Dates written out: 2021-02-15, 15 February 2021, Feb. 15, 2021, February 2021."""
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", low)
    if m:
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return Resolution(_iso(d), "day", None, day=d)
        except ValueError:
            return None
    m = (re.search(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3,9})\.?,? (\d{4})\b", low)
         or re.search(r"\b([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b", low))
    if m:
        a, b, y = m.groups()
        day_s, mon_s = (a, b) if a.isdigit() else (b, a)
        mon = MONTH_ABBR.get(mon_s[:4] if mon_s.startswith("sept") else mon_s[:3])
        if mon and mon_s[:3] in MONTH_ABBR:
            try:
                d = date(int(y), mon, int(day_s))
                return Resolution(_iso(d), "day", None, day=d)
            except ValueError:
                return None
    m = re.search(r"\b([a-z]{3,9})\.? (\d{4})\b", low)
    if m and m.group(1)[:3] in MONTH_ABBR and (m.group(1) in MONTHS or len(m.group(1)) <= 4):
        return Resolution(f"{m.group(2)}-{MONTH_ABBR[m.group(1)[:3]]:02d}", "month", _modifier(low))
    return None


def _dateparser(text: str, anchor: date, mod: Optional[str]) -> Resolution:
    """Last resort: dateparser, told to look back from publication."""
    import dateparser
    from datetime import datetime

    settings = {"RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day, 12),
                "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
                "REQUIRE_PARTS": []}
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises a variety of errors on odd strings
        parsed = None
    if parsed is None:
        return Resolution(None, None, mod)
    d = parsed.date()
    low = text.lower()
    if re.search(r"\b\d{1,2}\b", low) or any(w in low for w in WEEKDAYS):
        return Resolution(_iso(d), "day", mod, day=d)
    if any(m in low for m in MONTHS):
        return Resolution(f"{d:%Y-%m}", "month", mod)
    return Resolution(_iso(d), "day", mod, day=d)


def candidate_spans(doc) -> list[tuple[int, int]]:
    """Character spans of time expressions: spaCy's DATE/TIME plus news phrases it misses."""
    spans = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start = ent.start
        # "this week's attack": spaCy often leaves the determiner out of the entity
        if start > 0 and doc[start - 1].lower_ in ("this", "last", "next", "that", "past"):
            start -= 1
        spans.append((doc[start].idx, ent.end_char))
    full = doc.text  # once: the property joins every token
    for pattern in (ANAPHORIC, EXTRA):
        for m in pattern.finditer(full):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    # Join "Tuesday" + "morning" when spaCy split them.
    spans.sort()
    joined: list[tuple[int, int]] = []
    for s, e in spans:
        if joined and full[joined[-1][1]:s].strip() == "" and s - joined[-1][1] <= 1:
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    return joined


def find_times(doc, published: Optional[str]) -> list[TimeExpr]:
    anchor = date.fromisoformat(published) if published else None
    previous: Optional[date] = None
    previous_precision = "day"
    out: list[TimeExpr] = []
    full = doc.text
    for start, end in candidate_spans(doc):
        text = full[start:end]
        res = resolve(text, anchor, previous, previous_precision)
        is_anaphoric = bool(ANAPHORIC.search(text))
        if res.day and not is_anaphoric:
            previous, previous_precision = res.day, "day"
        elif res.value and res.precision in ("month", "year") and not is_anaphoric and res.value[:4].isdigit():
            # a month or year mentioned becomes the anchor for "days later"
            month = int(res.value[5:7]) if res.precision == "month" else 1
            previous, previous_precision = date(int(res.value[:4]), month, 1), res.precision
        out.append(TimeExpr(text=text, start=start, end=end, type=res.type, value=res.value,
                            precision=res.precision, modifier=res.modifier))
    return out


def times_in(times: Iterable[TimeExpr], start: int, end: int) -> list[TimeExpr]:
    return [t for t in times if start <= t.start and t.end <= end]
