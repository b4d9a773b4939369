"""Ranges of two dates ("June 11-13", "between June 16 and 18", "from 2019 to 2021").

Each end is resolved like any mention, with the same anchor and tense; a bare day ("13")
takes the month and year of the other end. The result is one TimeValue whose value is an
ISO 8601 interval of the two TIMEX3 values ("2021-06-11/2021-06-13") and whose half-open
interval runs from the start of the first end to the end of the second.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from normalize.dates.recognize import impossible, lexicon, one_of, recognize
from normalize.dates.values import TimeValue, add_months

_SUFFIX = "(?:st|nd|rd|th)?"
DAY_SHAPE = rf"\d{{1,2}}{_SUFFIX}"  # "13", "13th"
_DAY = re.compile(rf"(?P<day>\d{{1,2}}){_SUFFIX}")
_DAY_VALUE = re.compile(r"^(?P<ym>\d{4}-\d{2})-\d{2}$")
_DAY_NUMBER = re.compile(rf"(?<!\d)\d{{1,2}}{_SUFFIX}(?!\d)")  # the day of "june 13"
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d{2}(?!\d)")


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], frozenset[str]]:
    table = lexicon().ranges
    spaced = [c for c in table["connectors"] if c.isalpha()]
    glued = [c for c in table["connectors"] if not c.isalpha()]
    pattern = re.compile(
        rf"^(?:(?P<opener>{one_of(table['openers'])}) )?(?P<a>.+?)"
        rf"(?: (?P<word>{one_of(spaced)}) | ?(?P<sign>{one_of(glued)}) ?)(?P<b>.+)$"
    )
    return pattern, frozenset(table["needs_opener"])


def _with_day(end: TimeValue, day_text: str) -> str | None:
    """The value of the day `day_text` in the month of `end` ("13" with 2021-06-11)."""
    m, d = _DAY_VALUE.match(end.value or ""), _DAY.fullmatch(day_text)
    if not m or not d:
        return None
    year, month = (int(x) for x in m.group("ym").split("-"))
    if impossible(year, month, int(d.group("day"))):
        return None
    return f"{m.group('ym')}-{int(d.group('day')):02d}"


def _wraps_year(first: str, second: str) -> bool:
    """True when two month-bearing values name a later month, then an earlier one (Dec, Jan)."""
    months = [v[5:7] for v in (first, second)]
    return all(m.isdigit() for m in months) and months[1] < months[0]


def _next_year(value: str) -> str | None:
    return f"{int(value[:4]) + 1:04d}{value[4:]}" if value[:4].isdigit() else None


def _last_day_in_month(a: TimeValue | None, a_text: str, b_text: str,
                       resolve: Callable[[str], TimeValue | None], seasons: str
                       ) -> TimeValue | None:
    """The last day of "June 11-13" read as a whole date ("June 13") with the sentence's tense,
    when the first end is a day written without a year and the second a bare day number: the
    range then lies where its end does ("runs June 13-15", written on June 14, is this
    week's, not next year's). None otherwise."""
    if (a is None or a.granularity != "day" or _YEAR.search(a_text) or not _DAY.fullmatch(b_text)
            or not _DAY_NUMBER.search(a_text)):  # "Tuesday-13": no day number to replace
        return None
    last = resolve(_DAY_NUMBER.sub(b_text, a_text, count=1))
    if last is None or last.granularity != "day" or last.value[:7] != _month_of(last, a):
        return None
    return last


def _month_of(last: TimeValue, first: TimeValue) -> str:
    """The year and month of `last` when it has the month of `first`, else ''."""
    return last.value[:7] if last.value[5:7] == first.value[5:7] else ""


def resolve_range(key: str, text: str, resolve: Callable[[str], TimeValue | None],
                  seasons: str) -> TimeValue | None:
    """A range read from the folded `key`, each end resolved with `resolve`; None if not one."""
    pattern, needs_opener = _pattern()
    m = pattern.match(key)
    if not m or (m.group("word") in needs_opener and not m.group("opener")):
        return None
    a_text, b_text = m.group("a"), m.group("b")
    a = resolve(a_text)
    b = _last_day_in_month(a, a_text, b_text, resolve, seasons)  # "June 11-13"
    if b is not None:
        first = _with_day(b, _DAY_NUMBER.search(a_text).group())  # type: ignore[union-attr]
        a = replace(TimeValue.from_timex(first, "DATE", seasons), rule=a.rule) if (
            first and a) else a
    else:
        b = resolve(b_text)
        if a is None and b is not None and b.granularity == "day":
            value = _with_day(b, a_text)  # "11-13 June"
            a = TimeValue.from_timex(value, "DATE", seasons) if value else None
        elif b is None and a is not None and a.granularity == "day":
            value = _with_day(a, b_text)
            b = TimeValue.from_timex(value, "DATE", seasons) if value else None
    if a is None or b is None or a.type != b.type or None in (a.start, b.start):
        return None
    if _YEAR.search(b_text) and not _YEAR.search(a_text) and a.value[:4] != b.value[:4]:
        # "March 3 through March 5, 2020": the year written once holds for both ends
        year = int(b.value[:4]) - (1 if _wraps_year(a.value, b.value) else 0)
        a = TimeValue.from_timex(f"{year:04d}{a.value[4:]}", a.type, seasons)
        if a.start is None:
            return None  # "Feb. 29-2021": no such day in the year written
    if a.start <= b.start and b.end <= a.end:  # type: ignore[operator]
        return None  # "the year through June": an end inside the start is no range
    if b.end <= a.start:
        if not _wraps_year(a.value, b.value):
            return None
        later = _next_year(b.value)  # "December 30 - January 2": the second end is next year
        b = TimeValue.from_timex(later, b.type, seasons) if later else None
        if b is None or b.start is None or b.end <= a.start:
            return None
    return TimeValue(f"{a.value}/{b.value}", a.type, a.start, b.end, a.granularity,
                     rule=f"range:{a.rule}", text=text, reason=a.reason or b.reason)


# Months in a unit a span may count, to step back from its end.
_MONTHS_IN = {"month": 1, "quarter": 3, "year": 12}


@lru_cache(maxsize=1)
def _span_pattern() -> re.Pattern[str]:
    table = lexicon().ranges
    return re.compile(rf"^(?:(?:{one_of(table['span_leads'])}) )*(?P<span>.+?) "
                      rf"(?P<word>{one_of(table['span_ends'])}) (?P<end>.+)$")


def _calendar_period(year: int, month: int, months: int) -> str | None:
    """The TIMEX3 value of the calendar quarter, half or year that `months` months from the
    first of `month` make exactly ("2024-Q2"), else None."""
    if months == 3 and month % 3 == 1:
        return f"{year:04d}-Q{month // 3 + 1}"
    if months == 6 and month in (1, 7):
        return f"{year:04d}-H{1 if month == 1 else 2}"
    if months == 12 and month == 1:
        return f"{year:04d}"
    return None


def resolve_span_to(key: str, text: str, resolve: Callable[[str], TimeValue | None]
                    ) -> TimeValue | None:
    """A span of whole months, quarters or years that ends at a date ("the three months to June
    30", "the six months ended September", "the year to March"), read from the folded `key` as
    the range from the start of its first month to the end of the date, which `resolve` reads;
    None if not one."""
    m = _span_pattern().match(key)
    span = recognize(m.group("span")) if m else None
    fields = span.fields if span is not None and (
        span.rule == "duration" or span.rule == "duration-unit"
        and m.group("word") in lexicon().ranges["unit_span_ends"]) else {}
    months = _MONTHS_IN.get(fields.get("unit", ""))
    amount = fields.get("amount")
    if m is None or months is None or not amount or amount != int(amount):
        return None
    end = resolve(m.group("end"))
    if end is None or end.end is None or end.granularity not in ("day", "month"):
        return None
    stop = end.end
    if stop.day != 1 or stop.time() != stop.min.time():
        return None  # "the three months to June 15": no whole months
    year, month = add_months(stop.year, stop.month, -months * int(amount))
    whole = _calendar_period(year, month, months * int(amount))
    if whole is not None:  # "the three months to June" is the second quarter: 2024-Q2
        got = TimeValue.from_timex(whole, "DATE")
        return replace(got, rule=f"span-to:{end.rule}", text=text, reason=end.reason)
    first = f"{year:04d}-{month:02d}" + ("-01" if end.granularity == "day" else "")
    start = TimeValue.from_timex(first, "DATE")
    return TimeValue(f"{first}/{end.value}", "DATE", start.start, stop, end.granularity,
                     rule=f"span-to:{end.rule}", text=text, reason=end.reason)
