"""Time zones of clock times: the offset from UTC kept beside the TIMEX3 value (local time)."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize.dates import TimeValue, resolve_date
from normalize.dates.zones import utc_offset

# mention, anchor, value (local), minutes east of UTC (None: no zone, or one not known)
CASES = [
    ("at 8 p.m. (1900 GMT) on Feb. 28", "2013-02-11", "2013-02-28T20:00", 60),
    ("8pm Rome time (7pm GMT) on 28 February", "2013-02-12", "2013-02-28T20:00", 60),
    ("midnight Monday (1600 GMT)", "1997-06-30", "1997-06-30T24:00", 480),
    ("10:35 a.m. (0735 GMT) Friday", "2021-06-18", "2021-06-18T10:35", 180),
    ("2 p.m. Eastern time on Thursday", "2013-03-01", "2013-02-28T14:00", -300),
    ("2 p.m. Eastern time on Thursday", "2013-07-05", "2013-07-04T14:00", -240),  # summer
    ("11pm tonight New Zealand time", "2011-12-29", "2011-12-29T23:00", 780),
    ("3:30 p.m. Sunday, Washington time", "2011-05-02", "2011-05-01T15:30", -240),
    ("5 p.m. EST", "1989-10-30", "1989-10-30T17:00", -300),
    ("0800 GMT", "2020-01-01", "2020-01-01T08:00", 0),
    ("9 a.m. local time", "2020-01-01", "2020-01-01T09:00", None),
    ("9 a.m.", "2020-01-01", "2020-01-01T09:00", None),
    ("9 a.m. Moscow time", "2020-01-01", "2020-01-01T09:00", 180),
]


@pytest.mark.parametrize(("mention", "anchor", "value", "offset"), CASES)
def test_a_clock_keeps_its_local_value_and_the_offset_of_its_zone(mention, anchor, value, offset):
    got = resolve_date(mention, anchor)
    assert got is not None and (got.value, got.utc_offset) == (value, offset)


def test_a_place_in_a_country_of_several_zones_gives_none_unless_its_region_is_known() -> None:
    assert utc_offset("9 a.m. US time", datetime(2020, 1, 1, 9)) is None
    assert utc_offset("9 a.m. California time", datetime(2020, 1, 1, 9)) == -480


def test_a_part_of_day_or_a_date_takes_no_offset() -> None:
    assert resolve_date("Friday night", "2021-06-18").utc_offset is None
    assert resolve_date("June 16", "2021-06-18").utc_offset is None


def test_values_in_two_zones_compare_in_utc_and_without_zones_as_local_time() -> None:
    rome = TimeValue.from_timex("2013-02-28T20:00", utc_offset=60)
    eastern = TimeValue.from_timex("2013-02-28T14:00", utc_offset=-300)
    assert rome.contains(eastern) and eastern.contains(rome) and rome.overlaps(eastern)
    local = TimeValue.from_timex("2013-02-28T14:00")
    assert not rome.overlaps(local) and local.overlaps(eastern)  # one zone unknown: as written
    assert rome.interval_utc() == (datetime(2013, 2, 28, 19), datetime(2013, 2, 28, 19, 1))


_ZONED = [c for c in CASES if c[3] is not None]


@given(st.sampled_from(_ZONED), st.sampled_from([str.upper, str.lower, str.title]))
def test_the_offset_does_not_depend_on_case(case, style) -> None:
    mention, anchor, _, offset = case
    got = resolve_date(style(mention), anchor)
    assert got is not None and got.utc_offset == offset


@given(st.text(max_size=80))
def test_any_text_gives_an_offset_or_none_in_range(text) -> None:
    got = utc_offset(text, datetime(2021, 6, 16, 12))
    assert got is None or -12 * 60 <= got <= 14 * 60
