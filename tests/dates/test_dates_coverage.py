"""Properties of the coverage rules: unit ends, a holiday's week, vague durations, days counted
from a day, anaphoric parts of day (examples: normalize/dates/examples/*.tsv)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalize.dates import TimeValue, resolve_date, resolve_dates

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

NEW_MENTIONS = [
    "year-end", "year's end", "since year-end", "month-end", "quarter-end", "Easter week",
    "Holy Week", "Christmas week", "several-year", "multi-year", "weeks or months",
    "days or weeks", "a while", "a long time", "a fairly lengthy period", "some time",
    "the day before last Tuesday", "the day after June 5", "two days before Friday",
    "this coming Sunday, June the sixth", "that night", "the next morning",
    "recent weeks and months",
]
# Mentions whose value moves by exactly one year when the anchor does (with this context).
YEARLY = [
    ("year-end", None), ("since year-end", None), ("month-end", None), ("quarter-end", None),
    ("since month-end", None), ("year's end", "Deposits have grown since year's end."),
    ("the day after June 5", "The vote will be held the day after June 5."),
    ("a week after March 3", "The plant will reopen a week after March 3."),
]
# Days counted from a holiday ("25 days before Christmas") are another rule: the nearest (or
# directed) year is chosen for the day the mention names, as Duckling does ("a year after
# Christmas" said in February 2013 is 2013-12-25), so they are not in this list.
DAY_MENTIONS = ["last Tuesday", "next Friday", "June 5", "March 3, 2015",
                "yesterday", "this coming Sunday", "the 4th of July"]
VAGUE_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "DE"}

anchors = st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31)).filter(
    lambda d: (d.month, d.day) != (2, 29)
)


def key(v: TimeValue | None) -> tuple | None:
    return None if v is None else (v.value, v.type, v.start, v.end, v.mod)


def _next_year(d: date) -> date:
    return d.replace(year=d.year + 1)


@SETTINGS
@given(st.sampled_from(NEW_MENTIONS), anchors,
       st.sampled_from([str.upper, str.lower, str.title, lambda s: s.replace(" ", "   "),
                        lambda s: f"  {s}\t", lambda s: s.replace("'", "\u2019")]))
def test_case_and_spacing_invariance(mention: str, anchor: date, change) -> None:
    base = resolve_date(mention, anchor=anchor)
    assert base is not None, mention
    assert key(resolve_date(change(mention), anchor=anchor)) == key(base)


@SETTINGS
@given(st.sampled_from(YEARLY), anchors)
def test_moving_the_anchor_a_year_moves_the_value(case: tuple[str, str | None],
                                                  anchor: date) -> None:
    mention, context = case
    now = resolve_date(mention, anchor=anchor, context=context)
    later = resolve_date(mention, anchor=_next_year(anchor), context=context)
    assert now is not None and later is not None
    assert int(later.value[:4]) == int(now.value[:4]) + 1, (mention, anchor, now, later)
    assert later.value[4:] == now.value[4:]
    assert later.mod == now.mod


@SETTINGS
@given(anchors)
def test_unit_end_since_is_the_last_one_passed(anchor: date) -> None:
    year = resolve_date("since year-end", anchor=anchor)
    month = resolve_date("since month-end", anchor=anchor)
    assert year is not None and year.value == f"{anchor.year - 1:04d}" and year.mod == "END"
    prev = anchor.replace(day=1) - timedelta(days=1)
    assert month is not None and month.value == f"{prev.year:04d}-{prev.month:02d}"


@SETTINGS
@given(st.sampled_from(["Easter", "Christmas", "Thanksgiving", "Independence Day"]), anchors)
def test_a_holidays_week_holds_the_holiday(holiday: str, anchor: date) -> None:
    day = resolve_date(holiday, anchor=anchor)
    week = resolve_date(f"{holiday} week", anchor=anchor)
    assert day is not None and week is not None and day.start is not None
    assert week.start is not None and week.end is not None
    assert week.granularity == "week"
    assert week.start <= day.start < week.end


@SETTINGS
@given(st.sampled_from(DAY_MENTIONS), anchors, st.integers(min_value=1, max_value=60),
       st.sampled_from(["before", "after"]),
       st.sampled_from([None, "They met {m}.", "They will meet {m}."]))
def test_days_counted_from_a_day(mention: str, anchor: date, n: int, rel: str,
                                 context: str | None) -> None:
    phrase = f"{n} days {rel} {mention}"
    day = resolve_date(mention, anchor=anchor, context=context and context.format(m=mention))
    shifted = resolve_date(phrase, anchor=anchor, context=context and context.format(m=phrase))
    assert day is not None and day.start is not None and shifted is not None
    sign = 1 if rel == "after" else -1
    assert shifted.value == (day.start.date() + timedelta(days=sign * n)).isoformat()


@SETTINGS
@given(anchors, st.sampled_from(["morning", "afternoon", "evening", "night"]),
       st.sampled_from([("that", 0), ("that same", 0), ("the next", 1), ("the following", 1)]))
def test_anaphoric_part_of_day(ref: date, pod: str, lead: tuple[str, int]) -> None:
    word, offset = lead
    code = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[pod]
    got = resolve_date(f"{word} {pod}", anchor="2021-05-25", reference=ref.isoformat())
    assert got is not None and got.type == "TIME"
    assert got.value == f"{(ref + timedelta(days=offset)).isoformat()}T{code}"
    alone = resolve_date(f"{word} {pod}", anchor="2021-05-25")
    assert alone is not None and alone.value == f"XXXX-XX-XXT{code}" and alone.reason
    # in a document, the last date resolved before it is the reference
    got2 = resolve_dates([ref.isoformat(), f"{word} {pod}"], "2021-05-25", documents=[1, 1])[1]
    assert key(got2) == key(got)


@SETTINGS
@given(st.sampled_from(sorted(VAGUE_UNITS)),
       st.sampled_from(["several-", "multi-", "multi", "many-", "a several-", "a multi-"]),
       st.sampled_from(sorted(VAGUE_UNITS)))
def test_vague_amounts(unit: str, lead: str, other: str) -> None:
    adjectival = resolve_date(f"{lead}{unit}")
    assert adjectival is not None and adjectival.value == f"PX{VAGUE_UNITS[unit]}"
    plural = {"century": "centuries"}.get(unit, unit + "s")
    pair = resolve_date(f"{plural} or {other}s")  # a vague amount of the first unit
    assert pair is not None and pair.value == f"PX{VAGUE_UNITS[unit]}"


@SETTINGS
@given(st.text(max_size=40),
       st.sampled_from(["{} or months", "multi-{}", "the day before {}", "that {}", "{} week",
                        "{}-end", "since {}", "a while {}", "some time {}", "recent {} and weeks",
                        "this coming {}, March eighth", "two days after {}"]),
       st.one_of(st.none(), anchors))
def test_never_crashes(text: str, template: str, anchor: date | None) -> None:
    got = resolve_date(template.format(text), anchor=anchor)
    assert got is None or isinstance(got, TimeValue)
