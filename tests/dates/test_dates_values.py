"""TimeValue: TIMEX3 <-> interval, containment, seasons, ISO weeks, anchors and arguments."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from normalize.dates import TimeValue, resolve_date, resolve_dates


def tv(value: str, seasons: str = "meteorological-north") -> TimeValue:
    return TimeValue.from_timex(value, seasons=seasons)


@pytest.mark.parametrize(
    "value, start, end, gran",
    [
        ("2021-06-16", datetime(2021, 6, 16), datetime(2021, 6, 17), "day"),
        ("2021-06", datetime(2021, 6, 1), datetime(2021, 7, 1), "month"),
        ("2021-12", datetime(2021, 12, 1), datetime(2022, 1, 1), "month"),
        ("2021", datetime(2021, 1, 1), datetime(2022, 1, 1), "year"),
        ("2021-Q2", datetime(2021, 4, 1), datetime(2021, 7, 1), "quarter"),
        ("2021-Q4", datetime(2021, 10, 1), datetime(2022, 1, 1), "quarter"),
        ("2021-H2", datetime(2021, 7, 1), datetime(2022, 1, 1), "half"),
        ("2021-SU", datetime(2021, 6, 1), datetime(2021, 9, 1), "season"),
        ("2021-WI", datetime(2021, 12, 1), datetime(2022, 3, 1), "season"),
        ("2021-W19", datetime(2021, 5, 10), datetime(2021, 5, 17), "week"),
        ("2021-W19-WE", datetime(2021, 5, 15), datetime(2021, 5, 17), "weekend"),
        ("199", datetime(1990, 1, 1), datetime(2000, 1, 1), "decade"),
        ("19", datetime(1900, 1, 1), datetime(2000, 1, 1), "century"),
        ("2021-05-25T15:30", datetime(2021, 5, 25, 15, 30), datetime(2021, 5, 25, 15, 31),
         "minute"),
        ("2021-05-25T15", datetime(2021, 5, 25, 15), datetime(2021, 5, 25, 16), "hour"),
        ("2021-05-25TMO", datetime(2021, 5, 25, 6), datetime(2021, 5, 25, 12), "part-of-day"),
        ("2021-05-25TNI", datetime(2021, 5, 25, 21), datetime(2021, 5, 26, 6), "part-of-day"),
    ],
)
def test_from_timex_intervals(value: str, start: datetime, end: datetime, gran: str) -> None:
    got = tv(value)
    assert (got.start, got.end, got.granularity) == (start, end, gran)


@pytest.mark.parametrize("value", ["P3Y", "PRESENT_REF", "XXXX-06", "XXXX-WXX-2", "PTXH"])
def test_no_interval(value: str) -> None:
    got = tv(value)
    assert got.start is None and got.end is None


def test_types_from_shape() -> None:
    assert tv("P3Y").type == "DURATION"
    assert tv("2021-05-25T15:00").type == "TIME"
    assert tv("2021-05").type == "DATE"
    assert TimeValue.from_timex("P1W", "SET").type == "SET"


def test_iso_weeks_around_new_year() -> None:
    # 2021-01-01 is a Friday in ISO week 2020-W53; 2019-12-30 is Monday of 2020-W01.
    assert tv("2020-W53").start == datetime(2020, 12, 28)
    assert tv("2020-W01").start == datetime(2019, 12, 30)
    assert resolve_date("this week", anchor="2021-01-01").value == "2020-W53"
    assert resolve_date("next week", anchor="2019-12-27").value == "2020-W01"
    assert tv("2020-W53").contains(tv("2021-01-01"))


def test_contains_and_overlaps() -> None:
    assert tv("2021-06").contains(tv("2021-06-16"))
    assert tv("2021-SU").contains(tv("2021-06"))
    assert not tv("2021-06").contains(tv("2021-07-16"))
    assert not tv("2021-06").overlaps(tv("2021-07-16"))
    assert tv("2021-Q2").overlaps(tv("2021-06"))
    assert tv("2021-W22").overlaps(tv("2021-06"))  # May 31 .. June 6 straddles the months
    assert not tv("2021-W22").contains(tv("2021-06"))
    assert not tv("P1Y").contains(tv("2021-06"))
    assert not tv("2021").overlaps(tv("PRESENT_REF"))


def test_seasons_are_configurable() -> None:
    south = tv("2021-SU", "meteorological-south")
    assert (south.start, south.end) == (datetime(2021, 12, 1), datetime(2022, 3, 1))
    astro = tv("2021-SU", "astronomical-north")
    assert (astro.start, astro.end) == (datetime(2021, 6, 21), datetime(2021, 9, 22))
    assert resolve_date("this summer", anchor="2021-05-25", seasons="meteorological-south").value \
        == "2021-SU"
    with pytest.raises(ValueError, match="seasons"):
        tv("2021-SU", "lunar")


def test_to_dict_is_json_ready() -> None:
    import json

    got = resolve_date("next June", anchor="2021-05-25")
    d = got.to_dict()
    assert d["value"] == "2021-06" and d["start"] == "2021-06-01T00:00:00"
    assert json.loads(json.dumps(d)) == d


def test_anchor_forms_agree() -> None:
    a = resolve_date("last week", anchor="2021-05-25")
    b = resolve_date("last week", anchor=date(2021, 5, 25))
    c = resolve_date("last week", anchor=datetime(2021, 5, 25, 13, 0))
    assert a == b == c


def test_invalid_anchor_names_argument_and_value() -> None:
    with pytest.raises(ValueError, match=r"anchor.*'yesterday-ish'"):
        resolve_date("next June", anchor="yesterday-ish")
    with pytest.raises(ValueError, match=r"anchors\[1\]"):
        resolve_dates(["June", "July"], anchors=["2021-05-25", "nope"])
    with pytest.raises(ValueError, match="prefer"):
        resolve_date("June", anchor="2021-05-25", prefer="sometime")


def test_no_anchor_is_underspecified_with_reason() -> None:
    got = resolve_date("next June")
    assert got.value == "XXXX-06" and got.start is None
    assert got.reason == "relative expression and no anchor given"


def test_prefer_overrides_tense() -> None:
    ctx = "Biden will travel on Tuesday."
    assert resolve_date("Tuesday", anchor="2021-05-26", context=ctx).value == "2021-06-01"
    assert resolve_date("Tuesday", anchor="2021-05-26", context=ctx, prefer="past").value \
        == "2021-05-25"
    assert resolve_date("June", anchor="2021-05-25", prefer="past").value == "2020-06"
    assert resolve_date("June", anchor="2021-05-25", prefer="future").value == "2021-06"


def test_prefer_future_applies_to_year_less_quarters() -> None:
    # Without a preference a quarter is the nearest one (often the one just reported);
    # an explicit prefer="future" means the next occurrence, as for months and weekdays.
    assert resolve_date("the first quarter", anchor="2021-05-25").value == "2021-Q1"
    assert resolve_date("the first quarter", anchor="2021-05-25", prefer="future").value \
        == "2022-Q1"
    assert resolve_date("the fourth quarter", anchor="2021-05-25", prefer="future").value \
        == "2021-Q4"


def test_mods() -> None:
    assert resolve_date("early June", anchor="2021-05-25").mod == "START"
    assert resolve_date("mid-November", anchor="2021-05-25").mod == "MID"
    assert resolve_date("the end of 1990", anchor="2021-05-25").mod == "END"
    assert resolve_date("the last days of 2019", anchor="2021-05-25").mod == "END"
    assert resolve_date("the first weeks of 2020", anchor="2021-05-25").mod == "START"
    assert resolve_date("about two years", anchor="2021-05-25").mod == "APPROX"
    assert resolve_date("more than four hours").mod == "MORE_THAN"


@pytest.mark.parametrize(("mention", "mod", "start", "end"), [
    ("no earlier than Sept. 24", "ON_OR_AFTER", datetime(2024, 9, 24), datetime.max),
    ("not before 2025", "ON_OR_AFTER", datetime(2025, 1, 1), datetime.max),
    ("no later than Sept. 24", "ON_OR_BEFORE", datetime.min, datetime(2024, 9, 25)),
    ("after Sept. 24", "AFTER", datetime(2024, 9, 25), datetime.max),
    ("before Sept. 24", "BEFORE", datetime.min, datetime(2024, 9, 24)),
    ("Sept. 24", None, datetime(2024, 9, 24), datetime(2024, 9, 25)),
])
def test_bounds_open_the_side_a_modifier_opens(mention: str, mod: str | None, start: datetime,
                                               end: datetime) -> None:
    value = resolve_date(mention, anchor="2024-08-24")
    assert value.mod == mod and value.bounds == (start, end)
    assert (value.start, value.end) != (None, None)  # the value itself keeps its own interval


def test_batch_matches_loop() -> None:
    texts = ["next June", "Tuesday", "three years", "hello", "last week", "Friday morning"]
    contexts = ["", "He will go on Tuesday.", None, None, None, "They met Friday morning."]
    anchors = ["2021-05-25", "2021-05-26", date(2021, 5, 25), "2021-05-25", None, "1998-08-08"]
    batch = resolve_dates(texts, anchors, contexts)
    loop = [
        resolve_date(t, anchor=a, context=c)
        for t, a, c in zip(texts, anchors, contexts, strict=True)
    ]
    assert batch == loop
    assert resolve_dates(texts[:2], "2021-05-25") == [
        resolve_date(t, anchor="2021-05-25") for t in texts[:2]
    ]


def test_dateparser_long_tail_is_cut_to_written_granularity() -> None:
    got = resolve_date("juin 2021", anchor="2021-05-25", languages=["fr"])
    assert got is not None and got.value == "2021-06" and got.granularity == "month"
    got = resolve_date("16 juin 2021", anchor="2021-05-25", languages=["fr"])
    assert got is not None and got.value == "2021-06-16"


def test_reference_resolves_anaphoric_units_only() -> None:
    assert resolve_date("that year", "1999-05-05", reference="1998-10-23").value == "1998"
    assert resolve_date("the following year", "1998-04-18", reference="1995-05-22").value \
        == "1996"
    assert resolve_date("the following year", "1998-04-18").value == "1999"
    assert resolve_date("that same day", "1999-02-06", reference="1998-10").value == "1998-10-XX"
    assert resolve_date("that quarter", "1989-10-27", reference=date(1988, 5, 2)).value \
        == "1988-Q2"
    # a reference never moves a deictic mention: the anchor stays the DCT
    for text in ("next year", "yesterday", "last June", "this week"):
        assert resolve_date(text, "2021-05-25", reference="1998-10-23") \
            == resolve_date(text, "2021-05-25")
    # nor a year-less one when it lies in the anchor's own year (it serves anaphora only)
    for text in ("Tuesday", "June"):
        assert resolve_date(text, "2021-05-25", reference="2021-03-02") \
            == resolve_date(text, "2021-05-25")


def test_reference_in_an_earlier_year_places_year_less_mentions() -> None:
    # a story told of 1998: its year-less dates lie nearest the story's date, weekdays on or
    # after it (the story moves on)
    assert resolve_date("June", "2021-05-25", "He resigned in June.",
                        reference="1998-10-23").value == "1998-06"
    assert resolve_date("Tuesday", "2021-05-25", "He resigned on Tuesday.",
                        reference="1998-10-23").value == "1998-10-27"
    assert resolve_date("Oct. 23", "2021-05-25", reference="1998-10-20").value == "1998-10-23"
    # resolve_dates' own running reference (documents=...) is a guess: anaphora only
    got = resolve_dates(["Oct. 20, 1998", "June"], "2021-05-25", ["-", "He left in June."],
                        documents=["d", "d"])
    assert got[1] == resolve_date("June", "2021-05-25", "He left in June.")


def test_bare_part_of_day_belongs_to_the_day_the_story_tells() -> None:
    # "placed orders in the morning" after a mention of Friday: that Friday's morning
    assert resolve_date("the morning", "1989-10-30", reference="1989-10-27").value \
        == "1989-10-27TMO"
    assert resolve_date("overnight", "1989-10-30", reference="1989-10-27").value \
        == "1989-10-26TNI"
    assert resolve_date("in the morning", "1989-10-30").value == "1989-10-30TMO"
    # a reference coarser than a day says nothing about which morning: the anchor stays
    assert resolve_date("the morning", "1989-10-30", reference="1989-10").value \
        == "1989-10-30TMO"
    # deictic forms stay on the anchor day whatever the story last named
    for text, value in (("this morning", "1989-10-30TMO"), ("last night", "1989-10-29TNI")):
        assert resolve_date(text, "1989-10-30", reference="1989-10-27").value == value


def test_the_day_is_the_story_day_and_the_year_the_anchor_year() -> None:
    # "the day before the plunge" after "Oct. 12": that day; "the year" stays the anchor's
    assert resolve_date("the day", "1989-10-30", reference="1989-10-12").value == "1989-10-12"
    assert resolve_date("the day", "1989-10-30", reference="1989-10").value == "1989-10-30"
    assert resolve_date("the year", "1989-10-30", reference="1988").value == "1989"
    ended = resolve_date("the year", "1989-10-30", "For the year ended Sept. 30, it earned $4.")
    assert (ended.value, ended.type, ended.start) == ("P1Y", "DURATION", None)


def test_anaphoric_without_reference_is_underspecified_with_reason() -> None:
    got = resolve_date("that day", "2021-05-25")
    assert got.value == "XXXX-XX-XX" and got.start is None
    assert got.reason == "anaphoric expression and no reference date given"
    with pytest.raises(ValueError, match="reference"):
        resolve_date("that day", "2021-05-25", reference="P3Y")


def test_documents_carry_the_last_date_as_reference() -> None:
    texts = ["May 22, 1995", "the following year", "next year"]
    got = resolve_dates(texts, "1998-04-18", documents=["a", "a", "a"])
    assert [g.value for g in got] == ["1995-05-22", "1996", "1999"]
    # another document does not see the first one's dates
    got = resolve_dates(texts, "1998-04-18", documents=["a", "b", "b"])
    assert got[1].value == "1999"
    assert resolve_dates(texts, "1998-04-18") == [resolve_date(t, "1998-04-18") for t in texts]
    with pytest.raises(ValueError, match="documents"):
        resolve_dates(texts, "1998-04-18", documents=["a"])


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2021-02-30", "February 2021 has 28 days, not 30"),
        ("June 31", "June has 30 days, not 31"),
        ("Feb. 29, 2021", "February 2021 has 28 days, not 29"),
        ("2021-13-01", "there is no month 13"),
    ],
)
def test_diagnose_names_an_impossible_date(text: str, why: str) -> None:
    from normalize.dates import diagnose

    assert resolve_date(text, anchor="2021-05-25") is None
    assert why in (diagnose(text) or "")


@pytest.mark.parametrize("text", ["Feb 29, 2020", "June 30", "next June", "hello", ""])
def test_diagnose_is_silent_on_possible_dates_and_non_dates(text: str) -> None:
    from normalize.dates import diagnose

    assert diagnose(text) is None


def test_a_range_parses_back_and_contains_its_days() -> None:
    summit = resolve_date("June 11-13", anchor="2021-05-25")
    assert summit is not None and summit.value == "2021-06-11/2021-06-13"
    back = TimeValue.from_timex(summit.value)
    assert (back.start, back.end) == (summit.start, summit.end)
    assert summit.contains(resolve_date("June 12", anchor="2021-05-25"))
    assert not summit.overlaps(resolve_date("June 14", anchor="2021-05-25"))
