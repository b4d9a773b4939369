"""Properties of the composite date rules: weekday-fitted dates, counted weekdays, ordinal weeks
and days of a period, numeric month/day versus fractions, and clock readings joined to a day."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalize.dates import resolve_date

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
anchors = st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31))
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = list(calendar.month_name)[1:]


def _day(value: str) -> date:
    return date.fromisoformat(value)


@SETTINGS
@given(anchors, st.integers(-300, 300), st.booleans())
def test_weekday_picks_the_year_of_a_near_date(anchor: date, shift: int, weekday_last: bool
                                               ) -> None:
    """A date within ~10 months, written with its weekday and no year, is that date: the next
    year where the weekday fits again is at least five years away."""
    d = anchor + timedelta(days=shift)
    if (d.month, d.day) == (2, 29):
        return
    name, month = WEEKDAYS[d.weekday()], MONTHS[d.month - 1]
    text = f"{month} {d.day}, {name}" if weekday_last else f"{name}, {month} {d.day}"
    got = resolve_date(text, anchor=anchor)
    assert got is not None and got.value == d.isoformat(), (text, anchor, got)


@SETTINGS
@given(anchors, st.integers(1, 6), st.sampled_from(WEEKDAYS), st.booleans())
def test_counted_weekdays(anchor: date, n: int, weekday: str, ahead: bool) -> None:
    """ "3 Fridays from now": a Friday, in the n-th week after the anchor day (before it: ago)."""
    got = resolve_date(f"{n} {weekday}s {'from now' if ahead else 'ago'}", anchor=anchor)
    assert got is not None
    d = _day(got.value)
    assert WEEKDAYS[d.weekday()] == weekday
    gap = (d - anchor).days if ahead else (anchor - d).days
    assert 7 * (n - 1) < gap <= 7 * n


@SETTINGS
@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(1, 3))
def test_nth_weeks_of_a_month_lie_inside_it_in_order(year: int, month: int, n: int) -> None:
    first_of = f"the {['first', 'second', 'third'][n - 1]} week of {MONTHS[month - 1]} {year}"
    last_of = f"the {['', 'second ', 'third '][n - 1]}last week of {MONTHS[month - 1]} {year}"
    weeks = []
    for text in (first_of, last_of):
        got = resolve_date(text, anchor="2021-05-25")
        assert got is not None and got.granularity == "week", text
        monday, end = got.start.date(), got.end.date() - timedelta(days=1)
        assert (monday.year, monday.month) == (end.year, end.month) == (year, month), text
        weeks.append(monday)
    if n == 1:  # every month holds at least three whole weeks
        assert weeks[0] < weeks[1]
    assert (weeks[1] - weeks[0]).days % 7 == 0


@SETTINGS
@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(1, 5))
def test_nth_last_day_counts_back_from_the_month_end(year: int, month: int, n: int) -> None:
    ordinal = ["", "second ", "third ", "fourth ", "fifth "][n - 1]
    got = resolve_date(f"the {ordinal}last day of {MONTHS[month - 1]} {year}", anchor="2021-05-25")
    last = calendar.monthrange(year, month)[1]
    assert got is not None and got.value == date(year, month, last - n + 1).isoformat()


@SETTINGS
@given(anchors, st.integers(1, 31), st.sampled_from(WEEKDAYS))
def test_weekday_and_day_of_month_agree(anchor: date, day: int, weekday: str) -> None:
    got = resolve_date(f"{weekday} the {day}{'th' if day > 3 else ['st', 'nd', 'rd'][day - 1]}",
                       anchor=anchor)
    assert got is not None
    d = _day(got.value)
    assert d.day == day and WEEKDAYS[d.weekday()] == weekday
    assert abs((d - anchor).days) <= 14 * 31


@given(st.integers(1, 8), st.integers(2, 9))
def test_one_digit_fractions_are_not_dates(top: int, bottom: int) -> None:
    text = f"{top}/{bottom}"
    got = resolve_date(text, anchor="2021-05-25")
    if top < bottom:
        assert got is None, got
    else:  # "9/3": no fraction is written that way; it is September 3
        assert got is not None and got.value.endswith(f"-{top:02d}-{bottom:02d}")


@given(st.integers(0, 99), st.sampled_from(["", "at ", "@ ", "about "]))
def test_a_bare_number_alone_is_no_time(number: int, prefix: str) -> None:
    assert resolve_date(f"{prefix}{number}", anchor="2021-05-25") is None


@given(st.integers(1, 11), st.sampled_from([("tonight", 6), ("this evening", 1),
                                            ("tomorrow afternoon", 1), ("this morning", None)]))
def test_part_of_day_sets_am_pm(hour: int, pod: tuple[str, int | None]) -> None:
    words, pm_from = pod
    got = resolve_date(f"{hour} {words}", anchor="2021-05-25")
    if pm_from is not None and hour < pm_from:
        assert got is None  # "2 tonight": not a reading of that part of day
        return
    assert got is not None
    expected = hour + 12 if pm_from is not None else hour
    assert got.value.endswith(f"T{expected:02d}:00"), got


def test_year_slash_month_versus_a_span_of_two_years() -> None:
    assert resolve_date("2014/10", anchor="2021-05-25").value == "2014-10"
    assert resolve_date("2009/10", anchor="2021-05-25").value == "2009"


def test_ish_and_approximately_mark_the_clock_approximate() -> None:
    for text in ("3ish pm", "3 pm approximately", "tomorrow at 150ish"):
        got = resolve_date(text, anchor="2021-05-25")
        assert got is not None and got.mod == "APPROX", text


TOKENS = ["at", "8", "ten", "thirty", "tonight", "tomorrow", "morning", "to", "for", "on", "the",
          "Friday", "after", "next", "3/4", "2-15", "last", "week", "of", "May", "1030", "ish",
          "p.m.", "fifth", "day", "from", "now", "Fridays", "ago", ",", "@"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=14), anchors)
def test_never_crashes_on_word_salad(words: list[str], anchor: date) -> None:
    got = resolve_date(" ".join(words), anchor=anchor)
    assert got is None or got.value
