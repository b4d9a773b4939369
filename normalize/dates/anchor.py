"""Second pass: an underspecified Spec + anchor date + direction -> a TimeValue.

Choosing the year of a year-less mention ("June", "Tuesday", "the third quarter"):
- "last X": the latest X strictly before the anchor's own unit (month, season, quarter, day);
- "next X": the first X strictly after it ("next June" written 2021-05-25 is 2021-06, as in
  news usage and TimeML practice; "next May" written in May is next year's May);
- "this X": the X that contains the anchor, else the one in the anchor's year;
- bare X: past tense -> the latest X that started on or before the anchor; future -> the first
  X that has not ended (a bare weekday: strictly after the anchor day); no tense -> the X nearest
  to the anchor (ties go to the past), except bare weekdays, which news uses for the past week:
  the day on or before the anchor.
Without an anchor, relative values are left underspecified ("XXXX-06") with a reason.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache

from normalize.dates.recognize import DATA, Spec, lexicon
from normalize.dates.values import (
    DEFAULT_SEASONS,
    TimeValue,
    add_months,
    interval_of,
    season_of,
)

# The unit a directed calendar name steps by ("the following March": months), by field.
_CAL_UNITS = (("weekday", "day"), ("day", "day"), ("holiday", "day"), ("weekend", "weekend"),
              ("month", "month"), ("season", "season"), ("quarter", "quarter"), ("half", "half"))
NO_ANCHOR = "relative expression and no anchor given"
NO_REFERENCE = "anaphoric expression and no reference date given"
# The reference granularities fine enough to count a unit from ("that day" needs a day).
_FINE_ENOUGH = {
    "day": {"day", "part-of-day", "hour", "minute", "second"},
    "week": {"day", "part-of-day", "hour", "minute", "second", "week"},
    "weekend": {"day", "part-of-day", "hour", "minute", "second", "week", "weekend"},
    "month": {"day", "part-of-day", "hour", "minute", "second", "month"},
    "quarter": {"day", "part-of-day", "hour", "minute", "second", "month", "quarter"},
    "half": {"day", "part-of-day", "hour", "minute", "second", "month", "quarter", "half"},
    "season": {"day", "part-of-day", "hour", "minute", "second", "month", "season"},
    "year": {"day", "part-of-day", "hour", "minute", "second", "week", "weekend", "month",
             "quarter", "half", "season", "year"},
}
# "a decade later" after "in 1954": counted from that year
_FINE_ENOUGH["decade"] = _FINE_ENOUGH["year"] | {"decade"}
_FINE_ENOUGH["century"] = _FINE_ENOUGH["decade"] | {"century"}
# A past-tense sentence names a year-less date more than this far back only rarely (news says
# "last December"); a nearer future date is then the better reading.
PAST_HORIZON = timedelta(days=183)
# ... and only when the future date is clearly the nearer one: "launched on 28 September",
# written on April 2, is last September's, six months back either way.
CLEARLY_NEARER = 1.4
# Likewise a year-less month: a past-tense sentence ("said the vote was planned for March",
# written in February) does not mean the month eleven months back; the coming one is meant.
PAST_HORIZON_MONTHS = 10
# A quarter or half that ended at most this long before the anchor is the one being reported:
# "expects to report third-quarter results", written in October, means the quarter just ended
# even though the sentence looks ahead. Past this window a forward-looking sentence means the
# coming one ("expects margins to improve in the fourth quarter", written in May).
REPORTING_WINDOW = timedelta(days=61)
# A present tense names the nearest weekday, leaning ahead: a day gone by counts this many times
# as far ("England's final group game is against Wales on Tuesday", written on Friday, is the
# coming Tuesday; a caption's "are greeted by relatives on Monday", written Tuesday, is not).
PRESENT_LEANS_AHEAD = 2


# ------------------------------------------------------------------ calendar helpers


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th ISO weekday (1 = Monday) of a month; n = -1 is the last one."""
    if n > 0:
        first = date(year, month, 1)
        shift = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=shift + 7 * (n - 1))
    y2, m2 = add_months(year, month, 1)
    last = date(y2, m2, 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


class HolidayOutOfRange(ValueError):
    """A holiday asked for a year it does not fall in (a lunar one can skip a Gregorian year)."""


class HolidayNotTabulated(HolidayOutOfRange):
    """A tabulated (lunar) holiday asked for a year its table does not cover: no guess."""


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: the Julian computus, moved to the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_gap = year // 100 - year // 400 - 2  # days the Julian calendar lags (13 in 1900-2099)
    return date(year, month, day + 1) + timedelta(days=julian_gap)


# The Hebrew calendar is arithmetic: years of 12 or 13 months fixed by the molad (mean new moon)
# and the postponement rules. Months are numbered from Nisan (1) to Adar (12) or Adar II (13);
# the year starts at Tishrei (7).
_HEBREW_EPOCH = -1373427  # 1 Tishrei AM 1 as a proleptic Gregorian ordinal (date.toordinal)


def _hebrew_leap(year: int) -> bool:
    return (7 * year + 1) % 19 < 7


@lru_cache(maxsize=512)
def _hebrew_elapsed(year: int) -> int:
    """Days from the epoch to the molad day of Tishrei of `year`, after the first postponement."""
    months = (235 * year - 234) // 19
    parts = 12084 + 13753 * months
    day = 29 * months + parts // 25920
    return day + 1 if (3 * (day + 1)) % 7 < 3 else day


@lru_cache(maxsize=512)
def _hebrew_new_year(year: int) -> int:
    """Ordinal of 1 Tishrei of a Hebrew year (with the year-length postponements)."""
    prev, this, nxt = (_hebrew_elapsed(y) for y in (year - 1, year, year + 1))
    delay = 2 if nxt - this == 356 else 1 if this - prev == 382 else 0
    return _HEBREW_EPOCH + this + delay


def _hebrew_month_days(year: int, month: int) -> int:
    length = _hebrew_new_year(year + 1) - _hebrew_new_year(year)
    if month == 8:  # Marheshvan: 30 days in a "complete" year
        return 30 if length % 10 == 5 else 29
    if month == 9:  # Kislev: 29 days in a "deficient" year
        return 29 if length % 10 == 3 else 30
    if month == 12:
        return 30 if _hebrew_leap(year) else 29
    return 30 if month in (1, 3, 5, 7, 11) else 29


def hebrew_to_gregorian(year: int, month: int, day: int) -> date:
    """A Hebrew calendar date (month 12 "Adar" is Adar II in a leap year) -> Gregorian date."""
    if month == 12 and _hebrew_leap(year):
        month = 13
    last = 13 if _hebrew_leap(year) else 12
    before = list(range(7, month)) if month >= 7 else [*range(7, last + 1), *range(1, month)]
    days = sum(_hebrew_month_days(year, m) for m in before) + day - 1
    return date.fromordinal(_hebrew_new_year(year) + days)


@lru_cache(maxsize=1)
def holiday_table() -> dict[str, dict[int, tuple[date, ...]]]:
    """data/holiday_dates.tsv (lunar holidays, generated by tools/): key -> year -> dates."""
    table: dict[str, dict[int, tuple[date, ...]]] = {}
    text = (DATA / "holiday_dates.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        key, year, days = line.split("\t")
        table.setdefault(key, {})[int(year)] = tuple(date.fromisoformat(d) for d in days.split(","))
    return table


def _table_dates(key: str, year: int, name: str) -> tuple[date, ...]:
    years = holiday_table()[key]
    if year not in years:
        first, last = min(years), max(years)
        if first <= year <= last:
            raise HolidayOutOfRange(f"{name} does not fall in {year} (lunar calendar)")
        raise HolidayNotTabulated(f"dates of {name} are tabulated for {first}-{last} only")
    return years[year]


def _listed_dates(rule: dict, year: int, name: str) -> tuple[date, ...]:
    """The day a holiday set by a calendar of its own (a party's, a legislature's) fell on, as
    listed by year; with `every`, it falls only in the years that many apart from a listed one,
    and no other year is guessed."""
    days = rule["dates"]
    if (year - min(days)) % rule.get("every", 1):
        raise HolidayOutOfRange(f"{name} does not fall in {year}")
    if year not in days:
        raise HolidayNotTabulated(f"no date of {name} is listed for {year}")
    return (date(year, *days[year]),)


def _hebrew_dates(rule: dict, year: int, name: str) -> tuple[date, ...]:
    """The day of the Hebrew year(s) whose date falls in this Gregorian year."""
    month, day = rule["hebrew"]
    days = (hebrew_to_gregorian(h, month, day) for h in (year + 3760, year + 3761))
    return tuple(d for d in days if d.year == year)


def _cycle_dates(rule: dict, year: int, name: str) -> tuple[date, ...]:
    """A calendar of 365-day years (no leap day) counted from a known date."""
    y0, m0, d0 = rule["cycle"]
    return (date(y0, m0, d0) + timedelta(days=365 * (year - y0)),)


# How each kind of holiday rule (its key in lexicon.yaml `holidays`) names its days in a year.
# `nth`'s `after`: days after that weekday (Black Friday follows Thanksgiving); `election`: the
# Tuesday after the first Monday of the month.
_RULE_KINDS: dict[str, Callable[[dict, int, str], tuple[date, ...]]] = {
    "fixed": lambda r, y, _: (date(y, *r["fixed"]),),
    "nth": lambda r, y, _: (nth_weekday(y, *r["nth"]) + timedelta(days=r.get("after", 0)),),
    "election": lambda r, y, _: (nth_weekday(y, r["election"][0], 1, 1) + timedelta(days=1),),
    "easter": lambda r, y, _: (easter(y) + timedelta(days=r["easter"]),),
    "orthodox": lambda r, y, _: (orthodox_easter(y) + timedelta(days=r["orthodox"]),),
    "hebrew": _hebrew_dates,
    "cycle": _cycle_dates,
    "table": lambda r, y, name: _table_dates(r["table"], y, name),
    "dates": _listed_dates,
    "by_country": lambda r, y, name: (),  # no day of its own: see data/lexicon.yaml
}


def _rule_dates(rule: dict, year: int, name: str) -> tuple[date, ...]:
    """The days a holiday rule names in a Gregorian year (before observance shifts); a lunar
    holiday can fall twice in one year."""
    kind = next(k for k in _RULE_KINDS if k in rule)
    return _RULE_KINDS[kind](rule, year, name)


def holiday_starts(name: str, year: int) -> list[date]:
    """The first days of a holiday's occurrences in a Gregorian year, observance applied.

    Observance rules shift the day by weekday (`shift`: ISO weekday -> days, e.g. King's Day on
    a Sunday moves to Saturday) or in leap years (`leap_shift`); `offset` counts days from the
    base day.
    """
    rule = lexicon().holiday_rule(name)
    starts = []
    for day in _rule_dates(rule, year, name):
        day += timedelta(days=rule.get("offset", 0))
        if rule.get("leap_shift") and calendar.isleap(year):
            day += timedelta(days=rule["leap_shift"])
        starts.append(day + timedelta(days=rule.get("shift", {}).get(day.isoweekday(), 0)))
    if not starts:
        raise HolidayOutOfRange(f"{name} does not fall in {year}")
    return starts


def holiday_span(name: str, year: int) -> tuple[date, date]:
    """First and last day of a holiday (data/lexicon.yaml `holidays`) in a Gregorian year (its
    first occurrence); `days` or `until` (another holiday, with `until_offset`) make a period."""
    rule = lexicon().holiday_rule(name)
    start = holiday_starts(name, year)[0]
    if "days" in rule:
        return start, start + timedelta(days=rule["days"] - 1)
    if "until" in rule:
        for y in (start.year, start.year + 1):
            try:
                ends = holiday_starts(rule["until"], y)
            except HolidayOutOfRange:
                continue
            for end in ends:
                end += timedelta(days=rule.get("until_offset", 0))
                if end >= start:
                    return start, end
        raise HolidayOutOfRange(f"the end of {name} {year} is not tabulated")
    return start, start


def holiday_gap(name: str, year: int) -> str | None:
    """Why a year-less holiday cannot be placed near `year` (its table stops within a year of
    it: the nearest occurrence may be the one not tabulated), or None."""
    for y in (year - 1, year, year + 1):
        try:
            holiday_span(name, y)
        except HolidayNotTabulated as why:
            return str(why)
        except HolidayOutOfRange:
            continue
    return None


def holiday_date(name: str, year: int) -> date:
    """Date (first day) of a holiday (data/lexicon.yaml `holidays`) in a year."""
    return holiday_span(name, year)[0]


def shift_date(d: date, unit: str, amount: int) -> date:
    """A day moved by whole days, weeks, months or years (the 31st clamps to a shorter month)."""
    if unit in ("day", "week"):
        return d + timedelta(days=amount * (7 if unit == "week" else 1))
    months = amount * (12 if unit == "year" else 1)
    y, m = add_months(d.year, d.month, months)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def holiday_value(f: dict, year: int) -> str:
    """TIMEX3 value of a holiday field set in a year: its day (or "first/last" day of a
    period), moved by an offset ("three days after Easter") or to a weekday around it ("the
    third Tuesday after Christmas")."""
    start, end = holiday_span(f["holiday"], year)
    if f.get("hday"):  # "the first day of Hanukkah", "the last day of Ramadan"
        return day_value(end if f["hday"] < 0 else start + timedelta(days=f["hday"] - 1))
    sign = f.get("hsign")
    if sign is None:
        return day_value(start) if start == end else f"{day_value(start)}/{day_value(end)}"
    base = end if sign > 0 else start  # "a week after Ramadan" counts from its last day
    if f.get("weekday"):
        n = f.get("nth") or 1
        if n < 1:
            raise ValueError("no n-th weekday counted that way")
        step = (f["weekday"] - base.isoweekday()) % 7 if sign > 0 else \
            -((base.isoweekday() - f["weekday"]) % 7)
        if step == 0:
            step = 7 * sign
        return day_value(base + timedelta(days=step + 7 * sign * (n - 1)))
    unit, amount = f.get("hshift", ("day", 1))
    return day_value(shift_date(base, unit, sign * amount))


def full_week(start: date, end: date, n: int) -> str:
    """The n-th (n < 0: n-th last) Monday-to-Sunday week lying wholly in [start, end)."""
    first = start + timedelta(days=(1 - start.isoweekday()) % 7)
    mondays = [first + timedelta(days=7 * i) for i in range((end - first).days // 7)]
    if n == 0 or abs(n) > len(mondays):
        raise ValueError(f"no week {n} in {start}..{end}")
    return week_value(mondays[n - 1 if n > 0 else n])


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    y2, m2 = add_months(year, month, 1)
    return date(y2, m2, 1) - timedelta(days=1)


def day_value(d: date) -> str:
    """ "2021-06-16"."""
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


_WHOLE_UNIT = re.compile(r"\d{4}(?:-\d{2}|-W\d{2})?")  # a year, a month or an ISO week
_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a calendar day


def _shifted_unit(value: str, unit: str, amount: int) -> str:
    """A year, month or ISO week value moved by whole units, at its own grain."""
    if "-W" in value:  # from its Thursday, the day that places an ISO week in its year
        thursday = date.fromisocalendar(int(value[:4]), int(value[6:]), 4)
        return week_value(shift_date(thursday, unit, amount))
    first = date(int(value[:4]), int(value[5:7] or 1), 1)
    moved = shift_date(first, unit, amount)
    return f"{moved.year:04d}" if len(value) == 4 else f"{moved.year:04d}-{moved.month:02d}"


def week_value(d: date) -> str:
    """ISO week of a day: "2021-W19"."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _half_of(d: date) -> int:
    return 1 if d.month <= 6 else 2


# ------------------------------------------------------------------ the resolver


class Resolver:
    """Anchors Specs: one per call of resolve_date (or per anchor in resolve_dates)."""

    def __init__(
        self,
        anchor: date | None,
        direction: str | None,
        seasons: str = DEFAULT_SEASONS,
        reference: tuple[date, str] | None = None,
        explicit: bool = False,
    ):
        self.anchor = anchor
        self.direction = direction  # "past" | "future" | "nearest" (either side) | "present"
        # (either side, a weekday leaning ahead) | None
        self.explicit = explicit  # the caller's `prefer`, not a guess from tense: no horizon
        self.seasons = seasons
        self.reference = reference  # (start day, granularity) of the story's last date

    def value(self, spec: Spec, text: str | None) -> TimeValue | None:
        """Resolve one Spec to a TimeValue."""
        if spec.get("impossible"):
            return None  # a calendar date that does not exist: see api.diagnose
        try:
            value, kind, reason = self._dispatch(spec)
        except (ValueError, OverflowError, KeyError):
            return None
        if value is None:
            return None
        return TimeValue.from_timex(
            value, kind, self.seasons, rule=spec.rule, text=text, mod=spec.mod, reason=reason
        )

    def _dispatch(self, spec: Spec) -> tuple[str | None, str, str | None]:
        if spec.kind == "fixed":
            return spec.get("value"), spec.get("type"), None
        if spec.kind == "time":
            return self._time(spec)
        value, reason = self._cal(spec) if spec.kind == "cal" else self._rel(spec)
        return value, "DATE", reason

    # -- relative: unit + offset
    def _rel(self, spec: Spec) -> tuple[str | None, str | None]:
        unit = spec.get("unit")
        offset = spec.get("offset", 0)
        a = self.anchor
        if spec.get("tense_offset"):
            offsets = spec.get("tense_offset")
            if self.direction in (None, "nearest", "present") and "none" in offsets:
                offset = offsets["none"]
            else:
                offset = offsets["future" if self.direction == "future" else "past"]
            if spec.get("edge") and self.direction == "past" and not self.explicit:
                # "year-end" in a sentence the tense guess calls past ("said it would close by
                # year-end") is as often the coming end: only a cue ("since", "ended") or the
                # caller's `prefer` moves it to the last one passed.
                offset = offsets["none"]
        if spec.get("next_from") and a is not None:
            # the unit that begins nearest the anchor, the tense breaking the tie: from the
            # month given for the direction on, the next one ("in the new year", in December)
            turn = spec.get("next_from")
            offset = int(a.month >= turn[self.direction if self.direction in turn else "none"])
        no_anchor = NO_ANCHOR
        if spec.get("anaphoric"):
            ref = self.reference
            if ref is not None and ref[1] in _FINE_ENOUGH.get(unit, ()):
                a = ref[0]
            elif (ref is not None and spec.get("needs_reference") and unit == "day"
                  and offset == 0 and ref[1] in ("month", "year")):
                # "that same day" after "in October 1998": a day of that month, unknown which
                r = ref[0]
                month = f"{r.month:02d}" if ref[1] == "month" else "XX"
                return f"{r.year:04d}-{month}-XX", "the reference date is coarser than a day"
            elif spec.get("needs_reference"):
                a, no_anchor = None, NO_REFERENCE
        if a is None:
            blank = {
                "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
                "month": "XXXX-XX", "year": "XXXX", "quarter": "XXXX-QX", "half": "XXXX-HX",
                "decade": "XXX", "century": "XX", "season": "XXXX-XX",
            }
            return blank.get(unit), no_anchor
        if unit == "day":
            return day_value(a + timedelta(days=offset)), None
        if unit == "week":
            return week_value(a + timedelta(days=7 * offset)), None
        if unit == "weekend":
            return week_value(a + timedelta(days=7 * offset)) + "-WE", None
        if unit == "month":
            y, m = add_months(a.year, a.month, offset)
            return f"{y:04d}-{m:02d}", None
        if unit == "year":
            return f"{a.year + offset:04d}", None
        if unit == "quarter":
            index = a.year * 4 + _quarter_of(a) - 1 + offset
            return f"{index // 4:04d}-Q{index % 4 + 1}", None
        if unit == "half":
            index = a.year * 2 + _half_of(a) - 1 + offset
            return f"{index // 2:04d}-H{index % 2 + 1}", None
        if unit == "decade":  # "a decade ago", written in 2025: the 2010s
            return f"{a.year // 10 + offset:03d}", None
        if unit == "century":
            return f"{a.year // 100 + offset:02d}", None
        return None, None

    # -- calendar fields
    def _cal(self, spec: Spec) -> tuple[str | None, str | None]:
        f = spec.fields
        a = self.anchor
        if f.get("anaphoric"):  # "the following Monday": counted from the story's date if any
            unit = next((u for k, u in _CAL_UNITS if f.get(k)), "day")
            ref = self.reference
            if ref is not None and (ref[1] in _FINE_ENOUGH[unit] or ref[1] == "year"
                                    and f.get("dir") == 0 and unit != "day"):
                # ("that summer" after "in 2014": of that year)
                moved = Resolver(ref[0], self.direction, self.seasons, None, self.explicit)
                return moved._cal(spec.with_(anaphoric=False, needs_reference=False))
            if ref is not None and ref[1] == "year" and f.get("dir") in (1, -1) and unit != "day":
                # "the following spring" after "in 2001": the spring of 2002
                return self._cal(spec.with_(anaphoric=False, needs_reference=False, dir=None,
                                            year=ref[0].year + f["dir"]))
            if f.get("needs_reference"):
                return self._blank(spec, "XXXX"), NO_REFERENCE
        if f.get("base") is not None:
            return self._shifted_day(f["base"], *f["dshift"])
        if f.get("hweek"):  # "Easter week", "the week ending Friday": the week of the day the
            # mention would name
            value, reason = self._cal(spec.with_(hweek=False, week_from=False))
            day = date.fromisoformat(value) if value and _FULL_DAY.fullmatch(value) else None
            if f.get("week_from") and day and day.isoweekday() == 7:  # a week that begins on
                value = day_value(day + timedelta(days=1))  # a Sunday: the next ISO week
            return _week_of(value), reason
        if f.get("hweekend"):  # "the Thanksgiving weekend", "Memorial Day weekend"
            value, reason = self._cal(spec.with_(hweekend=False))
            return _weekend_next_to(value), reason
        if f.get("century") is not None:
            if f.get("hundreds") and a is not None and 0 <= a.year - 100 * f["century"] < 50:
                # "the 2000s" written in 2018 names 2000-2009; "the 1900s" in 1998, the century
                return f"{f['century']:02d}0", None
            return f"{f['century']:02d}", None
        if f.get("decade") is not None:
            return f"{f['decade']:03d}", None
        if f.get("dd") is not None:
            if a is None:
                return f"XX{f['dd']}", NO_ANCHOR
            decade = (a.year // 100) * 10 + f["dd"]
            if decade * 10 > a.year:
                decade -= 10
            return f"{decade:03d}", None
        year = f.get("year")
        if year is None and f.get("yy") is not None:
            if a is None:
                return self._blank(spec, f"XX{f['yy']:02d}"), NO_ANCHOR
            year = (a.year // 100) * 100 + f["yy"]
            if year > a.year + 10:
                year -= 100
        if year is None and f.get("yrel") is not None:
            if a is None:
                return self._blank(spec, "XXXX"), NO_ANCHOR
            year = a.year + f["yrel"]
        if year is None and f.get("hin") is not None:  # "Thanksgiving in 9 months": that year's
            if a is None:
                return self._blank(spec, "XXXX"), NO_ANCHOR
            year = shift_date(a, *f["hin"]).year
        if f.get("isoweek") and year is not None:
            return f"{year:04d}-W{f['isoweek']:02d}", None
        if f.get("weekrel") is not None or f.get("mrel") is not None:
            return self._in_relative_unit(f)
        if f.get("wshift"):
            return self._weekday_shift(f["weekday"], f["wshift"])
        if f.get("dom"):
            return self._day_of_month(f["dom"], f.get("weekday"))
        if f.get("weekday") and not f.get("month") and not f.get("holiday"):
            return self._weekday(f["weekday"], f.get("dir"), "day", f.get("skip", 0))
        if f.get("weekend") and not f.get("day"):
            return self._weekday(6, f.get("dir"), "weekend")
        make = self._maker(f)
        if make is None:
            return (f"{year:04d}", None) if year is not None else (None, None)
        if year is not None:
            try:
                return make(year), None
            except HolidayOutOfRange as why:  # a lunar holiday outside its table: no guess
                return self._blank(spec, f"{year:04d}"), str(why)
        if a is None:
            return self._blank(spec, "XXXX"), NO_ANCHOR
        if f.get("holiday") and (gap := holiday_gap(f["holiday"], a.year)):
            return self._blank(spec, "XXXX"), gap
        direction = f.get("dir")
        if direction == 0 and f.get("holiday") and self.direction is not None:
            direction = None  # "this Christmas": the coming one, or in a past sentence the last
        if f.get("yshift"):  # "March in a year": the March nearest to a year from now
            moved = Resolver(_add_years(a, f["yshift"]), None, self.seasons)
            return moved._choose(make, None, moved._unit_value(f)), None
        fits = None
        if f.get("weekday") and f.get("day") and f.get("month"):  # "Fri, Jul 18"
            def fits(value: str) -> bool:
                return date.fromisoformat(value).isoweekday() == f["weekday"]
        chooser = self
        if f.get("of_year") and not self.explicit:  # "the second half of the year": as the
            chooser = Resolver(a, self.direction, self.seasons, self.reference, True)  # tense says
        return chooser._choose(make, direction, self._unit_value(f), fits, f.get("skip", 0)), None

    def _day_of(self, day_spec: Spec) -> tuple[str | None, str | None]:
        """The value of a spec that names one day (a bare weekday: as the sentence reads it)."""
        if day_spec.kind == "cal" and day_spec.get("weekday") and not day_spec.get("month"):
            return self._weekday(day_spec.get("weekday"), day_spec.get("dir"), "day")
        if day_spec.kind == "cal":
            return self._cal(day_spec)
        return self._rel(day_spec)

    def _shifted_day(self, base: Spec, unit: str, amount: int) -> tuple[str | None, str | None]:
        """ "the day before last Tuesday": the day mention resolved, then moved; with the unit
        "in-year", moved into the year `amount` ("this day in 1969")."""
        value, reason = self._day_of(base)
        if value is None:
            return None, None
        if "/" in value:  # a holiday of several days: count from its first or last day
            value = value.split("/")[1 if amount > 0 else 0]
        if _WHOLE_UNIT.fullmatch(value):  # "forty years ago this week": that week, moved
            return _shifted_unit(value, unit, amount), reason
        if len(value) != 10 or "X" in value:
            return "XXXX-XX-XX", reason or NO_ANCHOR
        day = date.fromisoformat(value)
        if unit == "in-year":
            unit, amount = "year", amount - day.year
        return day_value(shift_date(day, unit, amount)), reason

    def _in_relative_unit(self, f: dict) -> tuple[str | None, str | None]:
        """A weekday of a directed week ("Friday of next week"), a day of a directed month."""
        a = self.anchor
        if a is None:
            return "XXXX-XX-XX", NO_ANCHOR
        if f.get("weekrel") is not None:
            monday = a - timedelta(days=a.isoweekday() - 1)
            return day_value(monday + timedelta(days=7 * f["weekrel"] + f["weekday"] - 1)), None
        y, m = add_months(a.year, a.month, f["mrel"])
        try:
            return day_value(date(y, m, f["day"])), None
        except ValueError:
            return None, None

    def _maker(self, f: dict) -> Callable[[int], str] | None:
        """A function year -> value for the fields other than the year."""
        if f.get("nth") and f.get("weekday") and f.get("month"):
            return lambda y: day_value(nth_weekday(y, f["month"], f["weekday"], f["nth"]))
        if f.get("weekn") and f.get("month"):
            return lambda y: full_week(date(y, f["month"], 1),
                                       month_end(y, f["month"]) + timedelta(days=1), f["weekn"])
        if f.get("weekn"):
            return lambda y: full_week(date(y, 1, 1), date(y + 1, 1, 1), f["weekn"])
        if f.get("lastday") and f.get("month"):
            return lambda y: day_value(month_end(y, f["month"])
                                       - timedelta(days=f["lastday"] - 1))
        if f.get("holiday"):
            return lambda y: holiday_value(f, y)
        if f.get("day") and f.get("month"):
            if f.get("week"):  # a Sunday opens the week after (US calendars start on Sunday)
                return lambda y: week_value(_sunday_forward(date(y, f["month"], f["day"])))
            if f.get("weekend"):  # "the weekend of Aug. 14": the weekend of that day's week
                return lambda y: f"{week_value(date(y, f['month'], f['day']))}-WE"
            return lambda y: day_value(date(y, f["month"], f["day"]))
        if f.get("month"):
            return lambda y: f"{y:04d}-{f['month']:02d}"
        if f.get("season"):
            return lambda y: f"{y:04d}-{f['season']}"
        if f.get("quarter"):
            return lambda y: f"{y:04d}-Q{f['quarter']}"
        if f.get("half"):
            return lambda y: f"{y:04d}-H{f['half']}"
        return None

    def _unit_value(self, f: dict) -> str:
        """The anchor's own unit at the granularity of the fields ("last June" is before it)."""
        a = self.anchor
        assert a is not None
        if f.get("holiday") or f.get("day") or f.get("nth") or f.get("lastday"):
            return day_value(a)
        if f.get("month"):
            return f"{a.year:04d}-{a.month:02d}"
        if f.get("season"):
            y, code = season_of(a, self.seasons)
            return f"{y:04d}-{code}"
        if f.get("quarter"):
            return f"{a.year:04d}-Q{_quarter_of(a)}"
        return f"{a.year:04d}-H{_half_of(a)}"

    def _choose(self, make: Callable[[int], str], direction: int | None, own: str,
                fits: Callable[[str], bool] | None = None, skip: int = 0) -> str | None:
        """Pick among the candidates of the years around the anchor.

        `fits`: when some candidate passes it ("Fri, Jul 18": a year whose July 18 is a Friday)
        only those count, and if none lies in the direction asked the nearest one is taken.
        `skip`: with direction +1, pass over that many ("March after next")."""
        a = self.anchor
        assert a is not None
        if fits is not None:
            def fitting(y: int) -> str:
                value = make(y)
                if not fits(value):
                    raise ValueError(f"{value} does not fit")
                return value

            chosen = self._choose(fitting, direction, own, skip=skip)
            if chosen is None:
                chosen = Resolver(a, None, self.seasons)._choose(fitting, None, own)
            if chosen is not None:
                return chosen
        now = datetime(a.year, a.month, a.day)
        unit = interval_of(own, self.seasons)
        cands: list[tuple[datetime, datetime, str]] = []
        rare = False  # some year has no such day: Feb 29
        for y in range(a.year - 2, a.year + 2 + skip):
            try:
                value = make(y)
            except ValueError:  # Feb 29 in a common year
                rare = True
                continue
            span = interval_of(value, self.seasons)
            if span is not None:
                cands.append((span[0], span[1], value))
        if not cands or unit is None:
            return None
        if direction == -1:
            before = [c for c in cands if c[1] <= unit[0]]
            return before[-1][2] if before else None
        if direction == 1:
            after = [c for c in cands if c[0] >= unit[1]]
            return after[skip][2] if len(after) > skip else None
        if direction == 0:
            for start, end, value in cands:
                if start <= now < end:
                    return value
            same = [c for c in cands if c[2].startswith(f"{a.year:04d}")]
            return same[0][2] if same else None

        def distance(c: tuple[datetime, datetime, str]) -> timedelta:
            if c[0] <= now < c[1]:
                return timedelta(0)
            return c[0] - now if c[0] > now else now - c[1]

        nearest = min(cands, key=distance)
        if unit[2] in ("quarter", "half") and (self.direction is None or (
                self.direction == "future" and not self.explicit
                and (nearest[1] > now or now - nearest[1] <= REPORTING_WINDOW))):
            # "expects to report third-quarter results" in October: the quarter just ended.
            return nearest[2]
        if self.direction == "past":
            past = [c for c in cands if c[0] <= now]
            if self.explicit:
                return past[-1][2] if past else None
            if (past and unit[2] == "day" and distance(past[-1]) > PAST_HORIZON
                    and distance(nearest) * CLEARLY_NEARER < distance(past[-1])):
                return nearest[2]  # "said ... on Dec. 7" in late October: this December
                # (not "launched on 28 September", written in April: as near either way)
            if past and unit[2] == "month" and nearest[0] > now:
                start = past[-1][0]
                back = (now.year - start.year) * 12 + now.month - start.month
                if back > PAST_HORIZON_MONTHS:
                    return nearest[2]  # "said ... in March", written in February: this March
            # "filed by Feb. 29", said in early February of a leap year: no Feb 29 lies behind
            return past[-1][2] if past else nearest[2] if rare else None
        if self.direction == "future":
            future = [c for c in cands if c[1] > now]
            return future[0][2] if future else nearest[2] if rare else None
        return nearest[2]

    def _weekday(self, weekday: int, direction: int | None, gran: str, skip: int = 0
                 ) -> tuple[str, str | None]:
        """A bare or directed weekday (or weekend, from its Saturday); `skip` weeks past "next"."""
        a = self.anchor
        fmt = day_value if gran == "day" else (lambda d: week_value(d) + "-WE")
        if a is None:
            blank = f"XXXX-WXX-{weekday}" if gran == "day" else "XXXX-WXX-WE"
            return blank, NO_ANCHOR
        back = a - timedelta(days=(a.isoweekday() - weekday) % 7)  # on or before
        ahead = a + timedelta(days=(weekday - a.isoweekday()) % 7)  # on or after
        if gran == "weekend" and a.isoweekday() == 7:
            back = ahead = a - timedelta(days=1)
        if direction == -1:
            return fmt(back if back < a else back - timedelta(days=7)), None
        if direction == 1:
            ahead = ahead if ahead > a else ahead + timedelta(days=7)
            return fmt(ahead + timedelta(days=7 * skip)), None
        if direction == 0:
            monday = a - timedelta(days=a.isoweekday() - 1)
            return fmt(monday + timedelta(days=weekday - 1)), None
        if self.direction == "past":
            return fmt(back), None
        if self.direction == "future":  # a guess from tense allows the day itself ("will
            # announce its decision Wednesday", written that Wednesday); `prefer` does not
            return fmt(ahead if ahead > a or not self.explicit else ahead + timedelta(days=7)), None
        if self.direction == "present":
            return fmt(back if (a - back) * PRESENT_LEANS_AHEAD < ahead - a else ahead), None
        if self.direction == "nearest":
            return fmt(back if a - back < ahead - a else ahead), None
        return fmt(back), None

    def _weekday_shift(self, weekday: int, n: int) -> tuple[str | None, str | None]:
        """ "3 Fridays from now": the n-th such weekday after the anchor day (n < 0: before)."""
        a = self.anchor
        if a is None:
            return f"XXXX-WXX-{weekday}", NO_ANCHOR
        if n > 0:
            first = a + timedelta(days=(weekday - a.isoweekday()) % 7 or 7)
            return day_value(first + timedelta(days=7 * (n - 1))), None
        first = a - timedelta(days=(a.isoweekday() - weekday) % 7 or 7)
        return day_value(first - timedelta(days=7 * (-n - 1))), None

    def _day_of_month(self, day: int, weekday: int | None = None
                      ) -> tuple[str | None, str | None]:
        """ "on the 15th": that day of the anchor's month; of the month before when a past-tense
        sentence names a day still ahead, of the month after when a future one names a day
        gone by. With a weekday ("Tuesday the 19th") only months where the day falls on that
        weekday count: the first on or after the anchor (future), the last on or before it
        (past), else the nearest."""
        a = self.anchor
        if a is None:
            return f"XXXX-XX-{day:02d}", NO_ANCHOR
        if weekday is not None:
            return self._weekday_of_month(day, weekday), None
        offset = 0
        if self.direction == "past" and day > a.day:
            offset = -1
        elif self.direction == "future" and day < a.day:
            offset = 1
        y, m = add_months(a.year, a.month, offset)
        try:
            return day_value(date(y, m, day)), None
        except ValueError:  # the 31st of a 30-day month
            return None, None

    def _weekday_of_month(self, day: int, weekday: int) -> str | None:
        a = self.anchor
        assert a is not None
        cands = []
        for offset in range(-28, 29):  # a day of the month meets each weekday within 14 months
            y, m = add_months(a.year, a.month, offset)
            if day <= month_end(y, m).day and date(y, m, day).isoweekday() == weekday:
                cands.append(date(y, m, day))
        if self.direction == "future":
            cands = [d for d in cands if d >= a]
            return day_value(cands[0]) if cands else None
        if self.direction == "past":
            cands = [d for d in cands if d <= a]
            return day_value(cands[-1]) if cands else None
        return day_value(min(cands, key=lambda d: (abs((d - a).days), d > a))) if cands else None

    def _blank(self, spec: Spec, year: str) -> str:
        f = spec.fields
        if f.get("weekn"):
            return f"{year}-WXX"
        if f.get("lastday"):
            return f"{year}-{f['month']:02d}-XX"
        if f.get("holiday") or f.get("day") or f.get("nth"):
            if f.get("holiday") or f.get("nth"):
                return f"{year}-XX-XX"
            return f"{year}-{f['month']:02d}-{f['day']:02d}"
        if f.get("month"):
            return f"{year}-{f['month']:02d}"
        if f.get("season"):
            return f"{year}-{f['season']}"
        if f.get("quarter"):
            return f"{year}-Q{f['quarter']}"
        if f.get("half"):
            return f"{year}-H{f['half']}"
        if f.get("weekday"):  # "that Friday" with no story date
            return f"{year}-WXX-{f['weekday']}"
        return year

    # -- clock times and parts of day
    def _time(self, spec: Spec) -> tuple[str | None, str, str | None]:
        day_spec: Spec | None = spec.get("date")
        reason = None
        if day_spec is not None:
            day, reason = self._day_of(day_spec)
            if day is None:
                return None, "TIME", None
        else:
            base = self.anchor
            ref = self.reference
            if spec.get("anaphoric") and ref is not None and ref[1] in _FINE_ENOUGH["day"]:
                base = ref[0]  # "in the morning" of the day the story last named
            elif spec.get("needs_reference"):  # "that night" with no day named before it
                return f"XXXX-XX-XXT{spec.get('pod') or 'XX'}", "TIME", NO_REFERENCE
            if base is None:
                day, reason = "XXXX-XX-XX", NO_ANCHOR
            else:
                day = day_value(base + timedelta(days=spec.get("offset", 0)))
        if spec.get("hour") is not None:
            clock = f"{spec.get('hour'):02d}:{spec.get('minute', 0):02d}"
            if spec.get("second") is not None:
                clock += f":{spec.get('second'):02d}"
            return f"{day}T{clock}", "TIME", reason
        return f"{day}T{spec.get('pod')}", "TIME", reason


def _weekend_next_to(value: str | None) -> str | None:
    """The weekend next to a day value: its own on a Saturday or Sunday, the one before on a
    Monday or Tuesday (Memorial Day), else the one after (Thanksgiving); unknown stays so."""
    if value is None:
        return None
    day = _first_day(value)
    if day is None:
        return f"{value[:4]}-WXX-WE"
    weekday = day.isoweekday()
    if weekday <= 2:
        saturday = day - timedelta(days=weekday + 1)
    else:
        saturday = day + timedelta(days=6 - weekday)
    return week_value(saturday) + "-WE"


def _week_of(value: str | None) -> str | None:
    """The ISO week holding a day value (or the first day of a span); a week of an unknown
    day stays unknown ("2070-WXX")."""
    if value is None:
        return None
    day = _first_day(value)
    return week_value(day) if day is not None else f"{value[:4]}-WXX"


def _first_day(value: str) -> date | None:
    """The day a day value (or a span's first) names, else None (a coarser or unknown one)."""
    first = value.split("/")[0]
    return date.fromisoformat(first) if len(first) == 10 and "X" not in first else None


def _add_years(d: date, years: int) -> date:
    """The same day `years` later (Feb 29 -> Feb 28)."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def _sunday_forward(d: date) -> date:
    """A Sunday moves to the Monday after it; other days stay."""
    return d + timedelta(days=1) if d.isoweekday() == 7 else d
