"""Public entry points: resolve_date and resolve_dates."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from normalize.dates.anchor import Resolver
from normalize.dates.context import (
    capitalized_date_words,
    clock_restated,
    compared,
    day_before_infinitive,
    day_beside,
    day_earlier,
    day_later,
    in_compound,
    in_known_name,
    in_named_thing,
    in_proper_name,
    in_title,
    month_earlier,
    month_of_listed_day,
    names_holding,
    not_a_date,
    period_before,
    period_ended,
    range_end,
    range_start,
    reads_as_date,
    spanned,
    week_after,
    year_opening,
)
from normalize.dates.places import country_near
from normalize.dates.ranges import resolve_range, resolve_span_to
from normalize.dates.recognize import (
    MAX_MENTION,
    Spec,
    clean_key,
    duration_value,
    lexicon,
    names_one_day,
    recognize,
)
from normalize.dates.tense import (
    MAX_CONTEXT,
    conditional_deadline,
    cue_of,
    deadline_of_infinitive,
    infinitive_before,
    is_headline,
    locate,
    planned_before,
    tense_of,
)
from normalize.dates.values import (
    DEFAULT_SEASONS,
    EAST_MOST_OFFSET,
    WEST_MOST_OFFSET,
    TimeValue,
    interval_of,
    season_tables,
)
from normalize.dates.zones import utc_offset
from normalize.isodate import parse_iso_date

AnchorLike = str | date | datetime | None
PREFER = ("auto", "past", "future")


def parse_anchor(anchor: AnchorLike, name: str = "anchor") -> date | None:
    """ISO string, date or datetime -> date; an invalid value raises ValueError naming it."""
    return parse_iso_date(anchor, name)


Reference = tuple[date, str]  # (start day, granularity) of the story's last mentioned date
_REFERENCE_GRANULARITIES = frozenset(
    "day part-of-day hour minute second week weekend month quarter half season year".split()
)


def parse_reference(reference: str | date | datetime | None, name: str = "reference"
                    ) -> Reference | None:
    """A TIMEX3 value ("1998-10-23", "1998") or a date -> (start day, granularity)."""
    if reference is None:
        return None
    if isinstance(reference, datetime):
        return reference.date(), "day"
    if isinstance(reference, date):
        return reference, "day"
    if isinstance(reference, str):
        value = TimeValue.from_timex(reference.strip())
        if value.start is not None and value.granularity in _REFERENCE_GRANULARITIES:
            return value.start.date(), value.granularity
    raise ValueError(f"{name}={reference!r} is not a fully specified TIMEX3 date value")


def _as_reference(value: TimeValue | None) -> Reference | None:
    """The reference a resolved mention provides to the mentions after it, if any."""
    if value is None or value.start is None or value.granularity not in _REFERENCE_GRANULARITIES:
        return None
    return value.start.date(), value.granularity


def _check(prefer: str, seasons: str) -> None:
    if prefer not in PREFER:
        raise ValueError(f"prefer={prefer!r}: expected one of {PREFER}")
    if seasons not in season_tables():
        raise ValueError(f"seasons={seasons!r}: expected one of {sorted(season_tables())}")


def _needs_tense(spec: Spec) -> bool:
    """Only year-less names, bare weekdays and tense-dependent units read the sentence."""
    if spec.kind == "cal":
        f = spec.fields
        return f.get("dir") is None and all(
            f.get(k) is None for k in ("year", "yy", "yrel", "decade", "dd", "century")
        )
    if spec.kind == "rel":
        return bool(spec.get("tense_offset") or spec.get("next_from"))
    if spec.kind == "time":
        day = spec.get("date")
        return day is not None and _needs_tense(day)
    return False


def _within_a_week(spec: Spec) -> bool:
    """Whether the mention is a bare weekday, or a time on one ("Friday", "noon Friday"): the
    candidates the tense picks between lie a week apart, not a year."""
    day = spec.get("date") if spec.kind == "time" else spec
    return isinstance(day, Spec) and day.rule == "weekday"


def _anaphoric(spec: Spec) -> bool:
    """Whether the mention, or the day a clock time is on, counts from the story's last date
    ("the following month", "9.40pm that day")."""
    day = spec.get("date")
    return bool(spec.get("anaphoric") or isinstance(day, Spec) and day.get("anaphoric"))


_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


@lru_cache(maxsize=8)
def _parser(languages: tuple[str, ...]) -> Any:
    """One dateparser parser per language set (imported lazily: it is slow to import)."""
    import dateparser.date

    return dateparser.date.DateDataParser(
        languages=list(languages), settings={"PREFER_DAY_OF_MONTH": "first"}
    )


_WARM_UP = (
    ("Tuesday", "He said on Tuesday it will rain."),
    ("3 p.m. GMT", "They left at 3 p.m. GMT on Tuesday."),  # and the zone table
    ("25", "It ran on April 24 and 25."),
    ("from 1 December until 3 March", "It runs from 1 December until 3 March."),
)


def warm_up(languages: Iterable[str] = ("en",)) -> None:
    """Load the rule tables and the fallback parser now rather than on the first mention."""
    # one mention of each path in a sentence loads the rule tables, the context checks and the
    # tense words (a clock's day, a listed day and a range each compile their own patterns)
    for text, context in _WARM_UP:
        _zoned(_resolve(text, date(2021, 6, 16), context, "auto", DEFAULT_SEASONS,
                        tuple(languages)), text)
    country_near("", 0, ())  # the places of the knowledge base, for holidays by country
    _parser(tuple(languages)).get_date_data("16 June 2021")


def _english_date_words(key: str) -> bool:
    """In English, hand dateparser only strings made of calendar words, numbers and symbols."""
    lex = lexicon()
    known = lex.months.keys() | lex.weekdays.keys() | lex.ordinals.keys() | _GLUE
    return all(w in known for w in re.findall(r"[^\W\d_]+", key))


_GLUE = {"of", "the", "st", "nd", "rd", "th", "t", "z", "at", "on", "am", "pm", "a", "m", "p"}


@lru_cache(maxsize=4096)
def _fallback(text: str, languages: tuple[str, ...]) -> Spec | None:
    """dateparser for the long tail of ABSOLUTE dates (a 4-digit year is required)."""
    key = clean_key(text)
    if not key or len(key) > 60 or not _YEAR.search(key) or not re.search(r"[^\W\d_]", key):
        return None
    if languages == ("en",) and not _english_date_words(key):
        return None
    try:
        data = _parser(languages).get_date_data(key)
    except Exception:  # noqa: BLE001 - a third-party parser must never break us
        return None
    when, period = data.date_obj, data.period
    if when is None or str(when.year) not in _YEAR.findall(key):
        return None  # read as relative to today's clock ("2000m" as 2,000 minutes ago): no date
    fields: dict[str, Any] = {"year": when.year}
    if period in ("day", "week", "time"):
        fields.update(month=when.month, day=when.day)
    elif period == "month":
        fields["month"] = when.month
    return Spec("cal", f"dateparser-{period}", fields)


# A tense guess as a resolver direction: a present tense takes the nearest date, before or
# after (a weekday leaning ahead: anchor.PRESENT_LEANS_AHEAD).
_DIRECTION_OF_TENSE = {"past": "past", "future": "future", "scheduled": "future",
                       "present": "present"}
# In a headline the present simple, scheduled or not, and a phrase with no verb tell past and
# coming events alike ("Britain votes to leave the EU in Thursday's referendum", written Friday).
_HEADLINE_NEAREST = frozenset({None, "present", "scheduled"})


def _direction(prefer: str, spec: Spec, text: str, context: str | None
               ) -> tuple[str | None, bool]:
    """(direction, strict): the caller's `prefer`, else a cue word right before the mention
    ("ended Sept. 30"; "ahead of" gives "future", or "nearest" in a past sentence), both
    strict; else the sentence's tense, which the resolver may weigh against a nearer date."""
    if prefer != "auto":
        return prefer, True
    if not context or not _needs_tense(spec):
        return None, False
    cue = cue_of(context, text)
    if cue == "ahead":  # "ahead of Friday's report": after the event, the nearest if it is past
        return ("nearest" if tense_of(context, text) == "past" else "future"), True
    if cue == "coming":  # "heading into Saturday's time trial": ahead, unless told as past
        cue = None if tense_of(context, text) == "past" else "future"
    if cue is not None:
        return cue, True
    tense = tense_of(context, text)
    if tense is None and infinitive_before(context, text):
        return "future", False  # "Talks to resume Tuesday", "Macron to visit India in January"
    if tense == "past":
        planned = planned_before(context, text)
        if _within_a_week(spec) and (planned or conditional_deadline(context, text)
                                     or deadline_of_infinitive(context, text)):
            return "future", False  # "agreed to meet again on Sunday", "if ... not ... by
            # Friday", "expected services to return to normal by Saturday"
        if planned:  # "agreed to cut output in May and June", written in April: the plan's
            return "nearest", False  # month lies either side
    if tense in _HEADLINE_NEAREST and is_headline(context):
        return "nearest", False  # "Putin eyes landslide in Sunday's election": either way
    return _DIRECTION_OF_TENSE.get(tense or ""), False


def _resolve(
    text: str,
    anchor: date | None,
    context: str | None,
    prefer: str,
    seasons: str,
    languages: tuple[str, ...],
    reference: Reference | None = None,
    narrative: bool = False,
) -> TimeValue | None:
    if not isinstance(text, str) or len(text) > MAX_MENTION * 4:
        return None
    spec = recognize(text)
    if context and (spec is None or spec.rule == "year") and _after_at(text, context) and not (
            spec is not None and _not_a_date_here(spec, text, context)):  # "at 1215 Main St."
        clock = recognize(f"at {text}")  # "resumed at 0630": a clock time, no year
        if clock is not None:
            dated, where = _with_day_beside(clock, text, context)  # "at 0630 on Tuesday"
            return _completed(dated or clock, text, where, context, anchor, prefer, seasons,
                              "-after-at")
    if spec is None and context:
        listed = month_of_listed_day(text, context)  # "25" of "April 24 and 25"
        day = recognize(listed[0]) if listed else None
        if listed and day is not None:  # read with the tense around the whole list
            return _completed(day, text, listed[1], context, anchor, prefer, seasons, "-listed")
    if spec is not None and spec.rule == "day-of-month" and context:
        month = month_earlier(text, context)  # "the 16th" after "opens on December 8"
        day = recognize(f"{month} {spec.fields['dom']}") if month else None
        if day is not None:
            return _completed(day, text, text, context, anchor, prefer, seasons, "-in-context")
    if spec is None:
        ranged = resolve_range(
            clean_key(text), text,
            lambda end: _resolve(end, anchor, context, prefer, seasons, languages), seasons)
        if ranged is not None:
            return ranged
        period = resolve_span_to(
            clean_key(text), text,
            lambda end: _resolve(end, anchor, context, prefer, seasons, languages))
        if period is not None:
            return period  # "the three months to June 30"
        spec = _fallback(text, languages)
        if spec is None and (apposed := _apposition(text)) is not None:
            got = _finer(*(_resolve(part, anchor, context, prefer, seasons, languages,
                                       reference) for part in apposed))
            if got is not None:  # "today (June 23)", "Yesterday evening, 13 March 2013"
                return replace(got, rule=f"{got.rule}-restated", text=text)
        if spec is None:
            when = _after_span(text)  # "over four days last week": last week
            got = (_resolve(when, anchor, context, prefer, seasons, languages, reference)
                   if when else None)
            return replace(got, rule=f"{got.rule}-after-span", text=text) if got else None
    fields = spec.fields
    if fields.get("ambiguous") and not reads_as_date(fields["ambiguous"], clean_key(text),
                                                     context):
        return None  # "it may", "could fall further"
    if context and _not_a_date_here(spec, text, context):
        return None  # "Theresa May", "Donna Summer", "second-largest", "Jason Day"
    if context and (variant := _holiday_here(spec, text, context)) is not None:
        return _completed(variant, text, text, context, anchor, prefer, seasons, "")
    if spec.kind == "cal" and fields.get("month") and _needs_tense(spec) and context and (
            end := range_end(text, context)):  # "from 2 August to 19 August 2021": that year
        year = _year_of_range_end(spec, end, anchor, context, seasons, languages)
        got = _in_year(spec, text, year, anchor, seasons, languages, "range-year") if year else None
        if got is not None:
            return got
    if spec.kind == "cal" and (fields.get("month") or fields.get("holiday")) and _needs_tense(
            spec) and context and (opening := year_opening(text, context)):  # "Last year,
        # ... on 23 December", "In 2019, ... at Easter"
        year = _resolve(opening, anchor, context, prefer, seasons, languages, reference)
        if year is not None and year.granularity == "year" and year.value.isdigit():
            got = _in_year(spec, text, int(year.value), anchor, seasons, languages,
                           "year-opening")
            if got is not None:
                return got
    if spec.rule == "weekday" and context:  # "Saturday" of "on Saturday next week"
        week = week_after(text, context)
        dated = recognize(f"{clean_key(text)} {week}") if week else None
        if dated is not None:
            got = Resolver(anchor, None, seasons).value(dated, text)
            return replace(got, rule=f"{spec.rule}-week-in-context") if got else None
    if (spec.kind == "time" and fields.get("hour") is not None and "date" not in fields
            and (not fields.get("pod") or fields.get("anaphoric"))):  # not "6pm tonight",
        # "11pm last night": a part of day counted from the anchor gives the clock its day
        if context and not fields.get("pod") and not day_beside(text, context) and not (
                day_later(text, context)) and (found := (
                    _clock_range_end(spec, text, anchor, context, seasons, languages, reference)
                    or _restating_clock(spec, text, anchor, context, seasons, languages,
                                        reference))):
            return found  # "between 11.45pm and 4.30am": the next morning; "Kickoff on
            # Saturday is at 5.15 p.m. (1615 GMT)": Saturday's
        dated, where = _with_day_beside(spec, text, context)
        if dated is not None:  # "10:35 a.m." in "at 10:35 a.m. (0735 GMT) Friday"
            return _completed(dated, text, where, context, anchor, prefer, seasons, "",
                              reference)
        if _on_story_day(spec, text, anchor, context, reference):  # "Police were called at
            # 2.04pm", after a paragraph about a day before the anchor: on that day
            got = Resolver(anchor, None, seasons, reference).value(
                spec.with_(anaphoric=True), text)
            return replace(got, rule=f"{spec.rule}-on-story-day") if got else None
    if (fields.get("period") and period_ended(text, context)  # "the year ended Sept. 30"
            or fields.get("spannable") and spanned(text, context)):  # "over the next decade"
        span = duration_value(1, lexicon().units[fields["unit"]])
        how = "ended" if fields.get("period") else "span"
        return TimeValue.from_timex(span, "DURATION", seasons, rule=f"{spec.rule}-{how}",
                                    text=text, mod=spec.mod)
    if context and (fields.get("same_period")  # "the same period last year"
                    or fields.get("year_earlier") and compared(text, context)):  # "in May,
        # up from 3,407 a year earlier": that May a year back
        same = _year_before_period(spec, text, anchor, context, prefer, seasons, languages)
        if same is not None:
            return same
    if fields.get("year_ago") and _quarter_context(text, context):
        return _anchored_quarter_ago(text, anchor, seasons)
    if fields.get("year_earlier") and reference is not None and not compared(text, context):
        # "A year earlier, the state had recorded 12 cases": a year before the story's date;
        # "up from $4 a year earlier" stays the comparison period, a year before the anchor
        return Resolver(anchor, None, seasons, reference).value(spec.with_(anaphoric=True), text)
    if (narrative and reference is not None and anchor is not None and prefer == "auto"
            and reference[0].year < anchor.year and spec.kind in ("cal", "time")
            and _needs_tense(spec)):
        # a story told of an earlier year: its year-less dates lie nearest the story's date
        # ("On Sept. 17 he doubled the position"), its weekdays on or after it, as a story
        # moves on ("The search began on Sunday")
        day = spec.get("date") if spec.kind == "time" else spec
        onward = isinstance(day, Spec) and day.get("weekday") and not day.get("month")
        if not onward and spec.kind == "cal" and spec.get("month"):
            got = _in_story_year(spec, text, reference, anchor, seasons, languages)
            if got is not None:
                return got
        got = _anchored(text, reference[0], "future" if onward else "nearest", seasons,
                        languages, None, False)
        if got is not None:
            return replace(got, rule=f"{got.rule}-in-story")
    if spec.rule == "numeric-date" and context and anchor is not None and (
            swapped := _day_first_by_tense(spec, text, anchor, context, seasons, languages)):
        return swapped  # "will begin on 3/4/2003", written on 6 March: 3 April
    direction, strict = _direction(prefer, spec, text, context)
    if (direction == "future" and not strict and (fields.get("quarter") or fields.get("half"))
            and not _quarter_context(text, context)):
        strict = True  # no results in sight: "expects to open a branch in the second half",
        # written in February, is this year's, not the half whose results are being reported
    # Positional arguments: the memo below hashes them faster than keywords. A reference only
    # matters to anaphoric mentions; dropping it otherwise keeps the memo shared across documents.
    got = _anchored(text, anchor, direction, seasons, languages,
                    reference if _anaphoric(spec) else None, strict)
    if got is not None and got.start is not None and prefer == "auto" and _needs_tense(spec):
        start = range_start(text, context)  # "from 1 December until the end of February"
        if start:
            return _not_before_start(got, spec, text, start, anchor, context, seasons, languages)
        if _within_a_week(spec) and (day := day_before_infinitive(text, context)) and (
                infinitive_before(context, text)):  # "beat Senegal on Sunday to set up a
            # quarter-final against France on Saturday": the Saturday after that Sunday
            return _after_day(got, spec, text, day, anchor, context, seasons, languages)
    return got


def _day_first_by_tense(spec: Spec, text: str, anchor: date, context: str, seasons: str,
                        languages: tuple[str, ...]) -> TimeValue | None:
    """A numeric date read month first ("3/4/2003") read day first instead when only that
    reading agrees with its sentence's tense or cue: month first before the anchor in a
    sentence about what is coming ("will begin on 3/4/2003", written on 6 March: 3 April), or
    after it in one about what has been ("a notice dated 10/9/2022 set out", written on 14
    September: 10 September); else None."""
    f = spec.fields
    year, month, day = f.get("year"), f["month"], f["day"]
    if year is None or not 1 <= day <= 12 or day == month:
        return None
    cue = cue_of(context, text)
    direction = cue or _DIRECTION_OF_TENSE.get(tense_of(context, text) or "")
    first, second = date(year, month, day), date(year, day, month)
    if not (direction == "future" and first < anchor <= second
            or direction == "past" and second <= anchor < first):
        return None
    got = _anchored(f"{year:04d}-{day:02d}-{month:02d}", anchor, None, seasons, languages)
    return replace(got, rule=f"{spec.rule}-day-first-by-tense", text=text) if got else None


def _clock_range_end(spec: Spec, text: str, anchor: date | None, context: str, seasons: str,
                     languages: tuple[str, ...], reference: Reference | None
                     ) -> TimeValue | None:
    """A bare clock time ending a range whose start is a clock time ("from 10pm to 5am",
    "between 11.45pm and 4.30am"): on the start's day, or the day after when it reads earlier
    than the start (the range crosses midnight); None when the start is no clock time."""
    words = range_start(text, context)
    opening = recognize(words) if words else None
    if opening is None or opening.kind != "time" or opening.get("hour") is None:
        return None
    start = _resolve(words, anchor, context, "auto", seasons, languages, reference)
    if start is None or start.start is None or start.granularity not in ("minute", "hour"):
        return None
    day = start.start.date()
    if (spec.fields["hour"], spec.get("minute") or 0) < (start.start.hour, start.start.minute):
        day += timedelta(days=1)
    got = Resolver(day, None, seasons).value(spec, text)
    return replace(got, rule=f"{got.rule}-range-end") if got else None



def _restating_clock(spec: Spec, text: str, anchor: date | None, context: str, seasons: str,
                     languages: tuple[str, ...], reference: Reference | None
                     ) -> TimeValue | None:
    """A clock time in brackets right after another ("5.15 p.m. (1615 GMT)") is the same
    moment: on the day, of the three around the outer time's, that puts the two at most the
    world's spread of UTC offsets apart, the nearest; None when there is no outer clock."""
    outer = clock_restated(text, context)
    got = _resolve(outer, anchor, context, "auto", seasons, languages, reference) if outer else None
    if got is None or got.start is None or got.granularity != "minute":
        return None
    best: tuple[float, TimeValue] | None = None
    for shift in (0, -1, 1):
        same = Resolver(got.start.date() + timedelta(days=shift), None, seasons).value(spec, text)
        if same is None or same.start is None:
            continue
        offset = utc_offset(text, same.start) or 0  # the bracket's zone: "(2015 EDT)"
        apart = (got.start - same.start).total_seconds() / 60 + offset
        if WEST_MOST_OFFSET <= apart <= EAST_MOST_OFFSET and (best is None or abs(apart) < best[0]):
            best = (abs(apart), same)
    return replace(best[1], rule=f"{best[1].rule}-restating") if best else None


def _after_day(got: TimeValue, spec: Spec, text: str, day: str, anchor: date | None,
               context: str, seasons: str, languages: tuple[str, ...]) -> TimeValue:
    """`got`, a weekday, if it lies after the weekday `day` its sentence names before it; else
    the first such weekday after that day."""
    first = _resolve(day, anchor, context, "auto", seasons, languages)
    if first is None or first.start is None or got.start > first.start:
        return got
    after = Resolver(first.start.date(), "future", seasons, None, True).value(spec, text)
    return replace(after, rule=f"{after.rule}-after-{first.rule}") if after else got


# A year-less date in a story of an earlier year is of the story's year when it lies this near
# the story's date ("in February", after September 2019: that February); else the nearest one.
STORY_YEAR_REACH = timedelta(days=275)


def _in_story_year(spec: Spec, text: str, reference: Reference, anchor: date | None,
                   seasons: str, languages: tuple[str, ...]) -> TimeValue | None:
    """A year-less month or day of a story told of an earlier year, in the year the story last
    named (a year named alone: always that year), if it lies near enough its date."""
    got = _in_year(spec, text, reference[0].year, anchor, seasons, languages, "story-year")
    if got is None or got.start is None:
        return None
    start = got.start.date() if isinstance(got.start, datetime) else got.start
    near = reference[1] == "year" or abs(start - reference[0]) <= STORY_YEAR_REACH
    return got if near else None


def _in_year(spec: Spec, text: str, year: int, anchor: date | None, seasons: str,
             languages: tuple[str, ...], how: str) -> TimeValue | None:
    """A year-less date read in the year its sentence gives it (rule suffix "-in-<how>")."""
    got = _anchored(f"{clean_key(text)} {year}", anchor, None, seasons, languages)
    return replace(got, rule=f"{spec.rule}-in-{how}", text=text) if got else None


def _year_of_range_end(spec: Spec, end: str, anchor: date | None, context: str, seasons: str,
                       languages: tuple[str, ...]) -> int | None:
    """The year a range's year-less start is in, from its end's: the longest run of the end's
    first words that names a month or day, with its year ("19 august 2021", "june last year"),
    or without when a cue word fixes its direction ("runs from Jan. 29 to Feb. 6", written on
    1 February: this February, so this January); a year earlier when the start's month and day
    come after the end's."""
    words = end.split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        named = recognize(phrase)
        if named is None or named.kind != "cal" or not named.get("month"):
            continue
        if _needs_tense(named):  # a cue fixes the end's direction ("runs ... to Feb. 6"); its
            direction, strict = _direction("auto", named, phrase, context)  # tense alone
            if not strict:  # is no surer than the start's own
                return None
            got = Resolver(anchor, direction, seasons, None, strict).value(named, phrase)
        else:
            got = _resolve(phrase, anchor, context, "auto", seasons, languages)
        if got is None or not got.value[:4].isdigit() or got.start is None:
            return None
        start_day = (spec.get("month"), spec.get("day") or 1)
        return got.start.year - (start_day > (got.start.month, got.start.day))
    return None


_WITHIN_A_DAY = frozenset({"day", "part-of-day", "hour", "minute", "second"})  # one day's


def _on_story_day(spec: Spec, text: str, anchor: date | None, context: str | None,
                  reference: Reference | None) -> bool:
    """Whether a clock time with no day of its own is on the day the story last named before
    it rather than on the anchor's: in a past-tense sentence, a day before the anchor ("The
    fall happened at about 2.30pm", after a paragraph about 4 December, written on 8 December);
    in a sentence that looks ahead or in the present tense, a day after it ("The final kicks
    off at 10 p.m.", "Kick-off is at 3pm", after a paragraph about Saturday's final, written
    on Monday)."""
    if (reference is None or reference[1] not in _WITHIN_A_DAY or spec.get("offset")
            or anchor is None or reference[0] == anchor):
        return False
    ahead = reference[0] > anchor  # a present tense tells what is still to come as well
    tense = _DIRECTION_OF_TENSE.get(tense_of(context, text) or "")
    return tense in (("future", "present") if ahead else ("past",))


# Four digits that read as a 24-hour clock after "at" rather than as a year: before 1900 or
# from 2100 ("at 0630", "at 1030", "at 2130"); "at 1999 levels", "at 2030 prices" keep the year.
_COMPACT = re.compile(r"[01][0-8]\d\d|2[1-3]\d\d")


def _after_at(text: str, context: str) -> bool:
    """Whether four digits stand right after "at" in the sentence (a 24-hour clock reading)."""
    if not _COMPACT.fullmatch(text):
        return False
    folded, at = locate(context, text)
    return at >= 3 and folded[at - 3:at] == "at " and not folded[at - 4:at - 3].isalnum()


# A date restated beside another, in brackets or after a comma: "today (June 23)",
# "Yesterday evening, 13 March 2013".
_APPOSITION = re.compile(r"^(?P<a>[^(),]+?)\s*(?:\((?P<b>[^()]+)\)|,\s*(?P<c>[^(),]+))\s*$")


def _apposition(text: str) -> tuple[str, str] | None:
    """The two parts of a mention that restates a date beside it, or None."""
    m = _APPOSITION.match(text) if "(" in text or "," in text else None
    if m is None:
        return None
    first, second = m.group("a"), m.group("b") or m.group("c")
    return None if first.casefold() == second.casefold() else (first, second)  # "Monday, Monday"


def _finer(first: TimeValue | None, second: TimeValue | None) -> TimeValue | None:
    """Of two readings of one date, the finer, when the other contains it ("yesterday evening"
    inside "13 March 2013"); None when either has no interval or they name different times."""
    if first is None or second is None or first.start is None or second.start is None:
        return None
    if first.contains(second):
        return second
    return first if second.contains(first) else None


_SPAN_LEADS = frozenset({"over", "for", "during", "across", "within", "in", "some", "about"})


def _after_span(text: str) -> str | None:
    """The date after a span that opens the mention, as a fact table's cell copied from the
    article may hold ("over four days last week", "for two hours on Tuesday"): the words after
    the longest opening run that reads as a duration, or None."""
    words = text.split()
    for i in range(len(words) - 1, 1, -1):
        head = words[1:i] if words[0].casefold() in _SPAN_LEADS else words[:i]
        if (len(head) < 2 or words[i].casefold() == "of"  # "a month of Sundays" is no span
                or sum(w[:1].isupper() for w in head) > 1):  # "Seven Days in May": a title
            continue
        spec, tail = recognize(" ".join(head)), recognize(" ".join(words[i:]))
        if (spec is not None and spec.rule in _SPANS and tail is not None
                and tail.kind in _DATES):
            return " ".join(words[i:])
    return None


_SPANS = frozenset({"duration", "duration-vague"})  # "four days", "a few weeks"
_DATES = frozenset({"cal", "rel"})  # what may follow a span: "last week", "on Tuesday"


def _not_before_start(got: TimeValue, spec: Spec, text: str, start: str, anchor: date | None,
                      context: str, seasons: str, languages: tuple[str, ...]) -> TimeValue:
    """`got`, the end of a range opening at the words `start` of its sentence, when it does not
    lie before that start; else the first such date after the start, if that is nearer to the
    anchor ("from 1 December until the end of February", written in October in the past tense:
    next February; "runs from Nov. 1 to Jan. 31", written Nov. 4: this January still)."""
    first = _resolve(start, anchor, context, "auto", seasons, languages)
    if first is None or first.start is None or got.start >= first.start or anchor is None:
        return got
    after = Resolver(first.start.date(), "future", seasons, None, True).value(spec, text)
    if after is None or after.start is None:
        return got
    now = datetime(anchor.year, anchor.month, anchor.day)
    if abs(after.start - now) >= abs(got.start - now):
        return got
    return replace(after, rule=f"{after.rule}-after-start")


_PERIODS = frozenset({"half", "quarter", "month", "year"})


def _year_before_period(spec: Spec, text: str, anchor: date | None, context: str, prefer: str,
                        seasons: str, languages: tuple[str, ...]) -> TimeValue | None:
    """The half, quarter, month or year its sentence names before `text`, a year back ("in the
    first half ... on the same period last year": last year's first half), else None."""
    words = period_before(text, context)
    period = _resolve(words, anchor, context, prefer, seasons, languages) if words else None
    if period is None or period.granularity not in _PERIODS or not period.value[:4].isdigit():
        return None
    return TimeValue.from_timex(f"{int(period.value[:4]) - 1:04d}{period.value[4:]}", "DATE",
                                seasons, rule=f"{spec.rule}-of-{period.rule}", text=text,
                                mod=spec.mod)


_LETTERS = re.compile(r"[a-z]+")


def _holiday_here(spec: Spec, text: str, context: str) -> Spec | None:
    """The spec with its holiday as the country its sentence names nearest to the mention keeps
    it (data/lexicon.yaml `holidays_by_country`: "Pakistan will mark its Independence Day"),
    else None (no such holiday, or no such country named; for Easter and Christmas, no Orthodox
    people or church named, or the Western churches named: `church_holidays`)."""
    lex = lexicon()
    day = spec.get("date") if spec.kind == "time" else spec
    holiday = day.get("holiday") if day else None
    variants = lex.holidays_by_country.get(holiday)
    if not variants:
        return None
    if holiday in lex.church_holidays:
        words = set(_LETTERS.findall(context[:MAX_CONTEXT].casefold()))
        if words.isdisjoint(lex.orthodox_words) or not words.isdisjoint(
                lex.western_church_words):
            return None
    code = country_near(context[:MAX_CONTEXT], max(locate(context, text)[1], 0), variants)
    if code is None:
        return None
    local = day.with_(holiday=variants[code], rule=f"{day.rule}-{code}")
    return local if day is spec else spec.with_(date=local, rule=f"{spec.rule}-{code}")


def _completed(spec: Spec, text: str, where: str, context: str, anchor: date | None,
               prefer: str, seasons: str, suffix: str, reference: Reference | None = None
               ) -> TimeValue | None:
    """`text` read as `spec`, which its sentence completed ("25" of "April 24 and 25" as April
    25), with the tense found at `where`; `suffix` marks the rule; the story's `reference`
    serves a day named from it ("at 5.30am the following day")."""
    direction, strict = _direction(prefer, spec, where, context)
    got = Resolver(anchor, direction, seasons, reference if _anaphoric(spec) else None,
                   strict).value(spec, text)
    return replace(got, rule=got.rule + suffix) if got and suffix else got


_NOT_A_DATE_HERE: dict[tuple[str, str, str], bool] = {}  # (rule, mention, sentence) -> verdict
_MEMO_SIZE = 16384


def _not_a_date_here(spec: Spec, text: str, context: str) -> bool:
    """Whether the sentence shows the mention to be part of a name (also a listed one), a
    compound, a title or something else than a date (the context checks), memoized: a pipeline
    sees its sentences again (a Spec holds a dict, so the memo is keyed by its rule, which the
    text decides)."""
    key = (spec.rule, text, context)
    got = _NOT_A_DATE_HERE.get(key)
    if got is None:
        if len(_NOT_A_DATE_HERE) >= _MEMO_SIZE:
            _NOT_A_DATE_HERE.clear()
        got = _NOT_A_DATE_HERE[key] = (
            in_proper_name(spec.rule, text, context) or in_compound(spec.rule, text, context)
            or in_title(spec, text, context) or in_named_thing(spec.rule, text, context)
            or not_a_date(spec.rule, text, context) or in_known_name(text, context))
    return got


def _with_day_beside(spec: Spec, text: str, context: str | None
                     ) -> tuple[Spec | None, str]:
    """(a bare clock time joined to the day its sentence names beside it or after a place or
    two, else to the one day it names earlier: after "on", in the possessive or as a holiday;
    the words whose tense decides: the time through its day beside it ("11.59pm on
    Wednesday"), the earlier day's after "on" unless a cue before the time fixes it ("Kickoff
    on Saturday is at 5.15 p.m."), else the time's), else (None, text)."""
    words, where = day_beside(text, context) or (day_later(text, context), text)
    if words is None and (earlier := day_earlier(text, context)):
        words, after_on = earlier  # "on Friday, when they tee off at 7.35am": Friday's tense,
        # unless a cue before the time fixes it ("Kickoff on Saturday is at 5.15 p.m.")
        where = words if after_on and cue_of(context, text) is None else text
    day = recognize(words) if words else None
    if day is None or not names_one_day(day):
        return None, text
    return spec.with_(date=day, rule=f"{spec.rule}+{day.rule}-in-context"), where or text


def _quarter_context(text: str, context: str | None) -> bool:
    pattern = lexicon().quarter_context
    return bool(pattern.search(text) or (context and pattern.search(context)))


def _anchored_quarter_ago(text: str, anchor: date | None, seasons: str) -> TimeValue | None:
    """ "a year ago" in an earnings sentence: the reported quarter (the last one) a year back."""
    spec = Spec("rel", "year-ago-quarter", {"unit": "quarter", "offset": -5})
    return Resolver(anchor, "past", seasons).value(spec, text)


@lru_cache(maxsize=16384)
def _anchored(
    text: str, anchor: date | None, direction: str | None, seasons: str,
    languages: tuple[str, ...], reference: Reference | None = None,
    explicit: bool = False,
) -> TimeValue | None:
    """Second pass, memoized on everything it depends on (mention, anchor, direction, ...)."""
    spec = recognize(text) or _fallback(text, languages)
    if spec is None:
        return None
    return Resolver(anchor, direction, seasons, reference, explicit).value(spec, text)


def clear_caches() -> None:
    """Empty every memo of the date normalizer (rule tables stay loaded): for cold benchmarks,
    and for callers who want the memory back after a large batch."""
    for memo in (recognize, tense_of, cue_of, _fallback, _anchored, interval_of,
                 capitalized_date_words, names_holding):
        memo.cache_clear()
    _NOT_A_DATE_HERE.clear()
    lexicon().clear_memos()


def diagnose(text: str) -> str | None:
    """Why a mention that reads as a calendar date names no day ("impossible date: June has 30
    days, not 31"), or None. `resolve_date` returns None for such a mention, as for any text
    that is not a time; callers that must tell the two apart (a fact table's `when`) ask here."""
    if not isinstance(text, str) or len(text) > MAX_MENTION * 4:
        return None
    spec = recognize(text)
    problem = spec.get("impossible") if spec is not None else None
    return f"impossible date {text!r}: {problem}" if problem else None


_CLOCK = re.compile(r"T\d")  # a clock time, not a part of day ("TNI")


def _zoned(got: TimeValue | None, text: str) -> TimeValue | None:
    """`got` with the UTC offset of the zone its clock time is told in, when the mention names
    one ("8 p.m. (1900 GMT)", "2 p.m. Eastern time", "11pm New Zealand time")."""
    if got is None or got.start is None or not _CLOCK.search(got.value):
        return got
    offset = utc_offset(text, got.start)
    return got if offset is None else replace(got, utc_offset=offset)


def _is_mention(text: object, name: str) -> bool:
    """False for None (a missing value: no mention); True for a str; TypeError otherwise."""
    if text is None:
        return False
    if not isinstance(text, str):
        raise TypeError(f"{name}: expected a string or None, got {type(text).__name__}")
    return True


def _check_mentions(items: list[Any], name: str) -> None:
    """TypeError naming the first item of a batch argument that is neither a string nor None."""
    for i, item in enumerate(items):
        if item is not None and not isinstance(item, str):
            _is_mention(item, f"{name}[{i}]")


def resolve_date(
    text: str,
    anchor: AnchorLike = None,
    context: str | None = None,
    prefer: str = "auto",
    seasons: str = DEFAULT_SEASONS,
    languages: Iterable[str] = ("en",),
    reference: str | date | datetime | None = None,
) -> TimeValue | None:
    """Normalize one temporal mention to a TimeValue (None when it is not temporal).

    `anchor` is the document date; `context` the sentence (its tense picks past or future for
    bare weekdays and months); `prefer` ("auto"|"past"|"future") overrides the tense.
    `reference` (optional) is the date the story last mentioned (a TIMEX3 value or a date):
    anaphoric mentions count from it ("that day", "the same year", "the following month"); when
    it lies in a year before the anchor's (a story told of an earlier year), year-less dates,
    months and weekdays are placed nearest to it ("On Sept. 17", "on Sunday"); every other
    mention is still anchored to `anchor`.
    """
    _check(prefer, seasons)
    if not _is_mention(text, "text"):
        return None
    _is_mention(context, "context")
    ref = parse_reference(reference)
    return _zoned(_resolve(text, parse_anchor(anchor), context, prefer, seasons,
                           tuple(languages), ref, narrative=ref is not None), text)


def resolve_dates(
    texts: Iterable[str],
    anchors: AnchorLike | Iterable[AnchorLike] = None,
    contexts: Iterable[str | None] | None = None,
    prefer: str = "auto",
    seasons: str = DEFAULT_SEASONS,
    languages: Iterable[str] = ("en",),
    documents: Iterable[Hashable] | None = None,
) -> list[TimeValue | None]:
    """Batch form of resolve_date: same order; anchors parsed once, recognition shared.

    `documents` (optional): a document id per text, the texts of a document being in reading
    order. Each anaphoric mention then gets as `reference` the last date resolved before it in
    the same document (HeidelTime's narrative reference); other mentions are unaffected.
    """
    _check(prefer, seasons)
    items = list(texts)
    _check_mentions(items, "texts")
    if anchors is None or isinstance(anchors, (str, date)):
        parsed = parse_anchor(anchors)
        anchor_list: list[date | None] = [parsed] * len(items)
    else:
        memo: dict[Any, date | None] = {}
        anchor_list = []
        for i, a in enumerate(anchors):  # type: ignore[union-attr]
            if a not in memo:
                memo[a] = parse_anchor(a, f"anchors[{i}]")
            anchor_list.append(memo[a])
        if len(anchor_list) != len(items):
            raise ValueError(f"anchors: {len(anchor_list)} given for {len(items)} texts")
    context_list = [None] * len(items) if contexts is None else list(contexts)
    _check_mentions(context_list, "contexts")
    if len(context_list) != len(items):
        raise ValueError(f"contexts: {len(context_list)} given for {len(items)} texts")
    langs = tuple(languages)
    lexicon()
    if documents is None:
        return [
            _zoned(_resolve(t, a, c, prefer, seasons, langs), t)
            for t, a, c in zip(items, anchor_list, context_list, strict=True)
        ]
    doc_list = list(documents)
    if len(doc_list) != len(items):
        raise ValueError(f"documents: {len(doc_list)} given for {len(items)} texts")
    last: dict[Hashable, Reference | None] = {}
    out: list[TimeValue | None] = []
    for t, a, c, d in zip(items, anchor_list, context_list, doc_list, strict=True):
        got = _zoned(_resolve(t, a, c, prefer, seasons, langs, last.get(d)), t)
        out.append(got)
        ref = _as_reference(got)
        if ref is not None:
            last[d] = ref
    return out
