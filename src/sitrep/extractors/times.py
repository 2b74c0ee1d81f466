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
from datetime import date, datetime, timedelta
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
UNITS = ("week", "month", "year", "decade")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
VAGUE_COUNTS = ("several", "many", "few", "some", "couple")  # "several years" → PXY
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# News phrases spaCy seldom labels, resolved against the date just mentioned.
ANAPHORIC = re.compile(
    r"\b(?:(?:a few |several |two |three |\w+ )?(?:days?|weeks?|months?|hours?) (?:later|earlier|after|before)"
    r"|the (?:next|following|previous) (?:day|morning|night|week)|that (?:night|day|morning|evening)"
    r"|the day before|the same day)\b", re.I)
EXTRA = re.compile(r"\b(?:late at night|overnight|earlier this (?:week|month|year)|in recent (?:days|weeks|months)"
                   r"|\d{1,2}:\d{2}(?:\s*(?:[ap]\.?m\.?|UTC|GMT))?|\d{4} (?:UTC|GMT)|\d{1,2}/\d{1,2}/\d{2,4}"
                   r"|currently|recently|now|the (?:near |distant )?future|the past)\b|'\d0s\b", re.I)


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


def _weekday(low: str, anchor: date, future: bool = False) -> Optional[date]:
    for i, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", low):
            back = (anchor.weekday() - i) % 7
            if re.search(r"\bnext\b", low) or (future and back and not re.search(r"\blast\b", low)):
                return anchor + timedelta(days=(i - anchor.weekday()) % 7 or 7)
            if re.search(r"\blast\b", low) and back == 0:
                back = 7
            return anchor - timedelta(days=back)
    return None


def _month(low: str, anchor: date, future: bool = False) -> Optional[tuple[int, int]]:
    for i, name in enumerate(MONTHS, 1):
        if re.search(rf"\b{name}\b", low):
            year_m = YEAR.search(low)
            if year_m:
                return int(year_m.group(1)), i
            if re.search(r"\bnext\b", low):
                return (anchor.year + (i <= anchor.month), i)
            if future and "last" not in low:  # "will close by October": the coming one
                return (anchor.year + (i < anchor.month), i)
            # news convention: a bare month points back, never forward
            return (anchor.year - (i > anchor.month or (i == anchor.month and "last" in low)), i)
    return None


def _count(word: str) -> Optional[int]:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an", "one", "a single"):
        return 1
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    from text_to_num import text2num

    try:
        return text2num(word, "en")
    except ValueError:  # not a number word
        return None


def resolve(text: str, anchor: Optional[date], previous: Optional[date] = None,
            previous_precision: str = "day", future: bool = False) -> Resolution:
    """Resolve one expression. `anchor` is the publication date, `previous` the date just mentioned,
    `future` whether its clause looks ahead ("will meet on Wednesday", "plans to ... by June")."""
    low = " ".join(text.lower().replace("’", "'").split())
    low = re.sub(r"^(?:on|in|at|by|since|until|during|from|of)\s+", "", low)
    mod = _modifier(low)
    pod = _part_of_day(low)

    # Durations and sets first: they carry no anchor.
    if re.fullmatch(r"(?:the )?(?:last|past|previous) decade", low):
        return _relative_unit("last", "decade", anchor, mod) if anchor else Resolution(None, None, mod)
    m = re.match(r"^(?:the )?(?:(?:last|past|next|coming|first|final) )?(?:(?:over|nearly|almost|about|around|"
                 r"some|more than|less than|at least|up to|just|only) )*(?:a |an )?"
                 r"([a-z]+(?:-[a-z]+)?|\d+)?[- ]?(?:(?:straight|consecutive|trading|full|calendar) )*"
                 r"(day|week|month|year|decade|hour|minute|second|quarter|century)s?(?:-long|-old)?$", low)
    if m and not re.search(r"\b(this|that|same|last|next|coming|first|final)\b (day|week|month|year|quarter)$", low) \
            and not re.fullmatch(r"(?:the )?(day|week|month|year|quarter)", low):
        word = m.group(1)
        n = _count(word) if word else 1
        if word in VAGUE_COUNTS or (word is None and low.endswith("s") and not low.startswith("the")):
            n = None
        if not re.search(r"\b(later|earlier|ago)\b", low) and (n is not None or word in VAGUE_COUNTS or word is None):
            unit = m.group(2)
            if unit in UNIT_YEARS:
                return Resolution(f"P{n * UNIT_YEARS[unit]}Y" if n else "PXY", None, mod, "DURATION")
            code = {"quarter": "Q", "second": "S"}.get(unit, UNIT_CODE.get(unit))
            prefix = "PT" if unit in ("hour", "minute", "second") else "P"
            return Resolution(f"{prefix}{n if n is not None else 'X'}{code}", None, mod, "DURATION")
    if low in ("annual", "annually", "yearly", "weekly", "daily", "monthly", "hourly", "quarterly"):
        unit = {"annual": "Y", "annually": "Y", "yearly": "Y", "weekly": "W", "daily": "D", "monthly": "M",
                "hourly": "H", "quarterly": "Q"}[low]
        return Resolution(f"PT1{unit}" if unit == "H" else f"P1{unit}", None, None, "SET")
    m = re.match(r"^(?:every|each) (day|week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", low)
    if m:
        unit = m.group(1)
        return Resolution(f"P1{UNIT_CODE.get(unit, 'W')}" if unit in UNIT_CODE else f"XXXX-WXX-{WEEKDAYS.index(unit) + 1}",
                          None, None, "SET")
    if re.search(r"\b(recent (days|weeks|months|years)|in the past|previously|formerly|once)\b", low):
        return Resolution("PAST_REF", None, mod)
    if low in ("now", "currently", "at present", "these days", "nowadays", "current", "presently",
               "right now", "at the moment", "today's"):
        return Resolution("PRESENT_REF", None, None)
    if low in ("recently", "recent", "lately", "the past", "more recently", "earlier"):
        return Resolution("PAST_REF", None, None)
    if low in ("later", "soon", "in the future", "the future", "shortly", "eventually", "future"):
        return Resolution("FUTURE_REF", None, None)

    # Absolute years and decades need no anchor.
    m = re.search(r"\b(1[89]\d|20\d)0s\b", low)
    if m:
        return Resolution(m.group(1), "decade", mod)
    m = re.search(r"(?:^|\s)'?([2-9])0s\b", low)  # "the 70s", "'80s"
    if m:
        return Resolution(f"19{m.group(1)}", "decade", mod)
    m = re.search(r"(?:^|\s)'(\d\d)\b", low)  # "since '82"
    if m:
        return Resolution(f"19{m.group(1)}", "year", mod)
    m = re.search(r"\bfirst (?:few )?(days|weeks) of (1[89]\d\d|20\d\d)\b", low)
    if m:
        return Resolution(f"{m.group(2)}-01", "month", "start")
    m = re.search(r"\b(?:last|final) (?:few )?(days|weeks) of (1[89]\d\d|20\d\d)\b", low)
    if m:
        return Resolution(f"{m.group(2)}-12", "month", "end")

    explicit = _explicit_date(low)
    if explicit:
        return explicit
    if anchor is not None or YEAR.search(low):
        quarter = _quarter(low, anchor or date(2000, 1, 1))
        if quarter:
            return Resolution(quarter, "quarter", mod)

    if anchor is None:
        if YEAR.search(low) and not _month(low, date(2000, 1, 1)):
            return Resolution(YEAR.search(low).group(1), "year", mod)
        return Resolution(None, None, mod, "TIME" if pod else "DATE")

    # Anaphoric: anchored on the date just mentioned (or publication if none).
    base = previous or anchor
    day_base = previous if previous is not None and previous_precision == "day" else anchor
    m = re.search(r"\b(?:(a few|several|\w+) )?(day|week|month|hour)s? (later|after|earlier|before)\b", low)
    if m:
        plural = re.search(rf"\b{m.group(2)}s\b", low)
        n = None if m.group(1) in ("a few", "several") or (m.group(1) is None and plural) else _count(m.group(1) or "a")
        sign = 1 if m.group(3) in ("later", "after") else -1
        unit = m.group(2)
        if previous is not None and previous_precision in ("month", "year"):
            return Resolution(f"{base:%Y-%m}" if previous_precision == "month" else f"{base:%Y}",
                              previous_precision, "approximately", day=base)
        if n is not None and unit == "day":
            d = base + timedelta(days=sign * n)
            return Resolution(_iso(d), "day", None, day=d)
        approx = base + timedelta(days=sign * {"day": 3, "week": 7, "month": 30, "hour": 0}[unit] * (n or 1))
        if unit == "hour":
            return Resolution(_iso(base), "day", "approximately", day=base)
        if unit in ("day", "week"):  # "days later": about that week, not a guessed day
            return Resolution(_week(approx), "week", "approximately", day=approx)
        return Resolution(f"{approx:%Y-%m}", "month", "approximately", day=approx)
    if re.search(r"\bthe (next|following) (day|morning|night)\b", low):
        d = base + timedelta(days=1)
        return _with_pod(d, pod, mod)
    if re.search(r"\bthe (previous day|day before)\b", low):
        return _with_pod(base - timedelta(days=1), pod, mod)
    if re.search(r"\b(that|the same) (night|day|morning|evening)\b", low):
        return _with_pod(base, pod, mod)

    if re.fullmatch(r"(?:late |early )?(?:in )?the day|the same day|that day|on the day", low):
        return _with_pod(day_base, pod, mod)
    m = re.fullmatch(r"(this|last|next|the) weekend", low)
    if m:
        d = anchor + timedelta(weeks={"last": -1, "next": 1}.get(m.group(1), 0))
        return Resolution(f"{_week(d)}-WE", "week", mod, day=d)
    m = re.fullmatch(r"the (?:very )?(?:beginning|start|end|rest|remainder|entire|whole|middle) of (?:the|this) year|"
                     r"the (?:entire|whole) year", low)
    if m:
        return Resolution(str(anchor.year), "year", mod)

    # Publication-relative.
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", low):
        return _with_pod(anchor, pod, mod)
    if low in ("late at night", "overnight", "at night", "in the morning", "in the evening"):
        return _with_pod(base, pod, mod)  # the night of the day just mentioned
    if re.search(r"\byesterday\b", low):
        return _with_pod(anchor - timedelta(days=1), pod, mod)
    if re.search(r"\btomorrow\b", low):
        return _with_pod(anchor + timedelta(days=1), pod, mod)
    m = re.fullmatch(r"(\d{2})(\d{2}) (utc|gmt)", low)
    if m:  # "0800 UTC"
        return Resolution(f"{_iso(base)}T{m.group(1)}:{m.group(2)}Z", "minute", mod, "TIME", day=base)
    clock = _clock(low)
    if clock:
        day = _weekday(low, anchor, future) or base
        return Resolution(f"{_iso(day)}T{clock}", "minute", mod, "TIME", day=day)
    day = _weekday(low, anchor, future)
    if day:
        return _with_pod(day, pod, mod)
    day = _month_day(low, anchor, future)
    if day:
        return _with_pod(day, pod, mod)

    m = re.search(r"\b(this|last|next|past|previous|coming) (week|month|year|decade)\b", low) or re.search(
        r"\bthe (week|month|year) (before|previous|earlier)\b", low)
    if m:
        if m.group(2) in UNITS:
            return _relative_unit(m.group(1), m.group(2), anchor, mod)
        return _relative_unit("previous", m.group(1), previous or anchor, mod)  # "the year before"
    month = _month(low, anchor, future)
    if month:
        return Resolution(f"{month[0]:04d}-{month[1]:02d}", "month", mod)
    for season, code in SEASONS.items():
        if re.search(rf"\b{season}\b", low):
            year = anchor.year - ("last" in low)
            return Resolution(f"{year}-{code}", "season", mod)
    m = YEAR.search(low)
    if m:
        return Resolution(m.group(1), "year", mod)
    if pod:
        return Resolution(f"{_iso(day_base)}T{pod}", "part_of_day", mod, "TIME", day=day_base)
    index = _foreign_weekday(text)
    if index is not None:  # "lundi", "lunes", "الاثنين": the same news convention as "Monday"
        return _with_pod(_weekday(WEEKDAYS[index], anchor, future), None, mod)
    return _dateparser(text, anchor, mod)


def _clock(low: str) -> Optional[str]:
    """'18:00 UTC' → '18:00Z', '6:40 p.m.' → '18:40', '9 a.m.' → '09:00'."""
    m = next((m for m in re.finditer(r"\b(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?:\s*\(?(utc|gmt)\b)?", low)
              if m.group(2) or m.group(3)), None)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3) and m.group(3).startswith("p") and hour < 12:
        hour += 12
    if m.group(3) and m.group(3).startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}" + ("Z" if m.group(4) else "")


def _month_day(low: str, anchor: date, future: bool) -> Optional[date]:
    """'June 18', '18 June', 'April 2nd' with no year: this year's, or the nearest one in the
    direction the clause looks (back by default, as news reports what happened)."""
    m = (re.search(r"\b([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?\b(?!,? \d{4})", low)
         or re.search(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3,9})\b(?!,? \d{4})", low))
    if not m:
        return None
    a, b = m.groups()
    day_s, mon_s = (a, b) if a.isdigit() else (b, a)
    mon = MONTH_ABBR.get(mon_s[:3]) if (mon_s in MONTHS or mon_s[:3] in MONTH_ABBR and len(mon_s) <= 5) else None
    if not mon:
        return None
    try:
        d = date(anchor.year, mon, int(day_s))
    except ValueError:
        return None
    if future and d < anchor - timedelta(days=60):
        return d.replace(year=d.year + 1)
    if not future and d > anchor + timedelta(days=60):
        return d.replace(year=d.year - 1)
    return d


def _quarter(low: str, anchor: date) -> Optional[str]:
    """'the first quarter of 2009' → 2009-Q1; 'the last quarter' → the one before publication's."""
    m = re.search(r"\b(first|second|third|fourth|final|last|1st|2nd|3rd|4th|q[1-4])[- ]?(?:quarter)?\b", low)
    if not m or ("quarter" not in low and not m.group(1).startswith("q")):
        return None
    word = m.group(1)
    order = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "final": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}
    year_m = YEAR.search(low)
    year = int(year_m.group(1)) if year_m else anchor.year - ("last year" in low)
    if word == "last" and not year_m and "last year" not in low:
        q = (anchor.month - 1) // 3  # the quarter before publication's
        return f"{anchor.year - 1}-Q4" if q == 0 else f"{anchor.year}-Q{q}"
    return f"{year}-Q{order.get(word, 4)}"


def _week(d: date) -> str:
    """ISO week, as TIMEX3 writes it: 2021-W07."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _with_pod(d: date, pod: Optional[str], mod: Optional[str]) -> Resolution:
    if pod:
        return Resolution(f"{_iso(d)}T{pod}", "part_of_day", mod, "TIME", day=d)
    return Resolution(_iso(d), "day", mod, day=d)


def _relative_unit(which: str, unit: str, anchor: date, mod: Optional[str]) -> Resolution:
    step = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[which]
    if unit == "week":
        d = anchor + timedelta(weeks=step)
        return Resolution(_week(d), "week", mod, day=d)
    if unit == "month":
        y, m = anchor.year, anchor.month + step
        y, m = (y - 1, 12) if m == 0 else (y + 1, 1) if m == 13 else (y, m)
        return Resolution(f"{y:04d}-{m:02d}", "month", mod)
    if unit == "decade":  # "the past decade" in 2011 is the 2000s (TIMEX "200")
        return Resolution(str(anchor.year + 10 * step)[:3], "decade", mod)
    return Resolution(str(anchor.year + step), "year", mod)


def _explicit_date(low: str) -> Optional[Resolution]:
    """Dates written out: 2021-02-15, 15 February 2021, Feb. 15, 2021, February 2021."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", low)
    if m:  # US order, as English-language news writes it
        year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
        try:
            d = date(year, int(m.group(1)), int(m.group(2)))
            return Resolution(_iso(d), "day", None, day=d)
        except ValueError:
            return None
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


FOREIGN_LANGUAGES = ["fr", "es", "ar"]
PROBE_BASES = (datetime(2021, 2, 16, 12), datetime(2021, 2, 17, 12))  # any two days in a row


def _foreign_weekday(text: str) -> Optional[int]:
    """Index (0 = Monday) of a French, Spanish or Arabic weekday name in `text`, by dateparser.

    A word is a weekday when dateparser maps it, from two bases a day apart, to the same
    weekday within the week before (a month name such as "mars" or a word such as "hier"
    moves with the base instead)."""
    if re.search(r"\d", text) or text.isascii() and re.fullmatch(r"[a-z' -]+", text.lower()) is None:
        return None
    import dateparser

    for word in [text] + text.split():
        found = []
        for base in PROBE_BASES:
            try:
                parsed = dateparser.parse(word, languages=FOREIGN_LANGUAGES,
                                          settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
            except Exception:  # dateparser raises a variety of errors on odd strings
                parsed = None
            found.append(parsed)
        if all(found) and found[0].weekday() == found[1].weekday() and all(
                0 <= (base - f).days <= 7 for base, f in zip(PROBE_BASES, found)):
            return found[0].weekday()
    return None


def _dateparser(text: str, anchor: date, mod: Optional[str]) -> Resolution:
    """Last resort: dateparser, told to look back from publication."""
    import dateparser

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


RANGE = re.compile(r"^(?:between |from )?(.+?) (?:and|to|through|until|-|–) (.+)$", re.I)


def _split_ent(doc, full: str, start: int, end: int) -> list[tuple[int, int]]:
    """One entity per line ("2012\nJanuary 23, 2006" is two), and a range of two dates is two
    expressions ("between April and June", "the 70s and 80s"), as TimeML marks them."""
    out = []
    for a, b in _lines(doc, full, start, end):
        m = RANGE.match(full[a:b])
        if m and _datelike(m.group(1)) and _datelike(m.group(2)):
            out.append((a + m.start(1), a + m.end(1)))
            out.append((a + m.start(2), a + m.end(2)))
        else:
            out.append((a, b))
    return out


def _lines(doc, full: str, start: int, end: int) -> list[tuple[int, int]]:
    first = doc[start].idx
    last = doc[end - 1].idx + len(doc[end - 1])
    pieces, pos = [], first
    for part in re.split(r"(\n+)", full[first:last]):
        if part.strip() and not part.startswith("\n"):
            lead = len(part) - len(part.lstrip())
            pieces.append((pos + lead, pos + len(part.rstrip())))
        pos += len(part)
    return pieces


def _datelike(text: str) -> bool:
    low = text.lower().strip()
    return bool(re.fullmatch(r"(?:the |early |late |mid-?)?(?:'?\d0s|\d{4}|[a-z]+ \d{1,2}|\d{1,2} [a-z]+)", low)
                and (re.search(r"\d", low)) or low in MONTHS or low in WEEKDAYS)


def candidate_spans(doc) -> list[tuple[int, int]]:
    """Character spans of time expressions: spaCy's DATE/TIME plus news phrases it misses."""
    spans = []
    full = doc.text  # once: the property joins every token
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start = ent.start
        # "this week's attack": spaCy often leaves the determiner out of the entity
        if start > 0 and doc[start - 1].lower_ in ("this", "last", "next", "that", "past"):
            start -= 1
        end = ent.end
        if end < len(doc) and doc[end].text in ("UTC", "GMT"):  # "14:58 UTC"
            end += 1
        spans.extend(_split_ent(doc, full, start, end))
    for pattern in (ANAPHORIC, EXTRA):
        for m in pattern.finditer(full):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    # Join "Tuesday" + "morning" when spaCy split them.
    spans.sort()
    joined: list[tuple[int, int]] = []
    for s, e in spans:
        if joined and full[joined[-1][1]:s] == " ":
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    return joined


FUTURE_VERBS = {"plan", "expect", "schedule", "aim", "intend", "hope", "want", "seek", "propose", "prepare",
                "set", "due", "forecast", "predict", "project", "promise", "pledge", "vow", "threaten"}


def _looks_ahead(doc, start: int, end: int) -> bool:
    """Whether the clause governing [start, end) speaks of the future: "will meet on Wednesday",
    "plans to close dealerships by October", "is scheduled for June 3", "next"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    for _ in range(3):  # the verb, then the verbs it depends on ("wants to eliminate ... by June")
        if any(c.lower_ in ("will", "'ll", "shall", "wo") or (c.lower_ == "going" and c.dep_ == "aux")
               for c in node.children) or node.lemma_ in FUTURE_VERBS or node.tag_ == "MD" and node.lower_ == "will":
            return True
        if node.dep_ in ("xcomp", "ccomp", "advcl", "conj") and node.head.i != node.i:
            node = node.head
        else:
            break
    return False


def find_times(doc, published: Optional[str]) -> list[TimeExpr]:
    anchor = date.fromisoformat(published) if published else None
    previous: Optional[date] = None
    previous_precision = "day"
    out: list[TimeExpr] = []
    full = doc.text
    for start, end in candidate_spans(doc):
        text = full[start:end]
        res = resolve(text, anchor, previous, previous_precision, _looks_ahead(doc, start, end))
        is_anaphoric = bool(ANAPHORIC.search(text))
        if res.day and (not is_anaphoric or res.modifier != "approximately"):
            previous, previous_precision = res.day, "day"  # "the next day" moves the story on
        elif res.value and res.precision in ("month", "year") and not is_anaphoric and res.value[:4].isdigit():
            # a month or year mentioned becomes the anchor for "days later"
            month = int(res.value[5:7]) if res.precision == "month" else 1
            previous, previous_precision = date(int(res.value[:4]), month, 1), res.precision
        out.append(TimeExpr(text=text, start=start, end=end, type=res.type, value=res.value,
                            precision=res.precision, modifier=res.modifier))
    return out


def times_in(times: Iterable[TimeExpr], start: int, end: int) -> list[TimeExpr]:
    return [t for t in times if start <= t.start and t.end <= end]
