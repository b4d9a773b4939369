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

from collections.abc import Callable
from datetime import date, datetime, timedelta

from normalize.dates.recognize import Spec, lexicon
from normalize.dates.values import (
    DEFAULT_SEASONS,
    TimeValue,
    add_months,
    interval_of,
    season_of,
)

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
# A past-tense sentence names a year-less date more than this far back only rarely (news says
# "last December"); a nearer future date is then the better reading.
PAST_HORIZON = timedelta(days=183)
# Likewise a year-less month: a past-tense sentence ("said the vote was planned for March",
# written in February) does not mean the month eleven months back; the coming one is meant.
PAST_HORIZON_MONTHS = 10


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


def holiday_date(name: str, year: int) -> date:
    """Date of a holiday (data/lexicon.yaml `holidays`) in a year."""
    rule = lexicon().holidays[name]
    if "fixed" in rule:
        return date(year, *rule["fixed"])
    if "nth" in rule:  # `after`: days after that weekday (Black Friday follows Thanksgiving)
        return nth_weekday(year, *rule["nth"]) + timedelta(days=rule.get("after", 0))
    if "election" in rule:  # the Tuesday after the first Monday of the month
        return nth_weekday(year, rule["election"][0], 1, 1) + timedelta(days=1)
    return easter(year) + timedelta(days=rule["easter"])


def day_value(d: date) -> str:
    """ "2021-06-16"."""
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


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
        self.direction = direction  # "past" | "future" | None
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
        if spec.get("tense_offset"):
            offset = spec.get("tense_offset")["future" if self.direction == "future" else "past"]
        a = self.anchor
        no_anchor = NO_ANCHOR
        if spec.get("anaphoric"):
            ref = self.reference
            if ref is not None and ref[1] in _FINE_ENOUGH.get(unit, ()):
                a = ref[0]
            elif ref is not None and unit == "day" and offset == 0 and ref[1] in ("month", "year"):
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
        if unit == "decade" and spec.get("shifted"):  # "a decade ago": a year, ten back
            return f"{a.year + 10 * offset:04d}", None
        if unit == "century" and spec.get("shifted"):
            return f"{a.year + 100 * offset:04d}", None
        if unit == "decade":
            return f"{a.year // 10 + offset:03d}", None
        if unit == "century":
            return f"{a.year // 100 + offset:02d}", None
        return None, None

    # -- calendar fields
    def _cal(self, spec: Spec) -> tuple[str | None, str | None]:
        f = spec.fields
        a = self.anchor
        if f.get("century") is not None:
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
        if f.get("isoweek") and year is not None:
            return f"{year:04d}-W{f['isoweek']:02d}", None
        if f.get("weekrel") is not None or f.get("mrel") is not None:
            return self._in_relative_unit(f)
        if f.get("weekday") and not f.get("month"):
            return self._weekday(f["weekday"], f.get("dir"), "day")
        if f.get("weekend"):
            return self._weekday(6, f.get("dir"), "weekend")
        if f.get("dom"):
            return self._day_of_month(f["dom"])
        make = self._maker(f)
        if make is None:
            return (f"{year:04d}", None) if year is not None else (None, None)
        if year is not None:
            return make(year), None
        if a is None:
            return self._blank(spec, "XXXX"), NO_ANCHOR
        return self._choose(make, f.get("dir"), self._unit_value(f)), None

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
        if f.get("holiday"):
            return lambda y: day_value(holiday_date(f["holiday"], y))
        if f.get("day") and f.get("month"):
            if f.get("week"):
                return lambda y: week_value(date(y, f["month"], f["day"]))
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
        if f.get("holiday") or f.get("day") or f.get("nth"):
            return day_value(a)
        if f.get("month"):
            return f"{a.year:04d}-{a.month:02d}"
        if f.get("season"):
            y, code = season_of(a, self.seasons)
            return f"{y:04d}-{code}"
        if f.get("quarter"):
            return f"{a.year:04d}-Q{_quarter_of(a)}"
        return f"{a.year:04d}-H{_half_of(a)}"

    def _choose(self, make: Callable[[int], str], direction: int | None, own: str) -> str | None:
        """Pick among the candidates of the years around the anchor."""
        a = self.anchor
        assert a is not None
        now = datetime(a.year, a.month, a.day)
        unit = interval_of(own, self.seasons)
        cands: list[tuple[datetime, datetime, str]] = []
        for y in range(a.year - 2, a.year + 2):
            try:
                value = make(y)
            except ValueError:  # Feb 29 in a common year
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
            return after[0][2] if after else None
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
        if unit[2] in ("quarter", "half") and self.direction is None or (
                unit[2] in ("quarter", "half") and self.direction == "future"
                and not self.explicit):
            # "expects to report third-quarter results" in October: the quarter just ended.
            return nearest[2]
        if self.direction == "past":
            past = [c for c in cands if c[0] <= now]
            if self.explicit:
                return past[-1][2] if past else None
            if (past and unit[2] == "day" and distance(past[-1]) > PAST_HORIZON
                    and distance(nearest) < PAST_HORIZON):
                return nearest[2]  # "said ... on Dec. 7" in late October: this December
            if past and unit[2] == "month" and nearest[0] > now:
                start = past[-1][0]
                back = (now.year - start.year) * 12 + now.month - start.month
                if back > PAST_HORIZON_MONTHS:
                    return nearest[2]  # "said ... in March", written in February: this March
            return past[-1][2] if past else None
        if self.direction == "future":
            future = [c for c in cands if c[1] > now]
            return future[0][2] if future else None
        return nearest[2]

    def _weekday(self, weekday: int, direction: int | None, gran: str) -> tuple[str, str | None]:
        """A bare or directed weekday (or weekend, from its Saturday)."""
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
            return fmt(ahead if ahead > a else ahead + timedelta(days=7)), None
        if direction == 0:
            monday = a - timedelta(days=a.isoweekday() - 1)
            return fmt(monday + timedelta(days=weekday - 1)), None
        if self.direction == "past":
            return fmt(back), None
        if self.direction == "future":
            return fmt(ahead if ahead > a else ahead + timedelta(days=7)), None
        return fmt(back), None

    def _day_of_month(self, day: int) -> tuple[str | None, str | None]:
        """ "on the 15th": that day of the anchor's month; of the month before when a past-tense
        sentence names a day still ahead, of the month after when a future one names a day
        gone by."""
        a = self.anchor
        if a is None:
            return f"XXXX-XX-{day:02d}", NO_ANCHOR
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

    def _blank(self, spec: Spec, year: str) -> str:
        f = spec.fields
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
        return year

    # -- clock times and parts of day
    def _time(self, spec: Spec) -> tuple[str | None, str, str | None]:
        day_spec: Spec | None = spec.get("date")
        reason = None
        if day_spec is not None:
            if day_spec.kind == "cal" and day_spec.get("weekday") and not day_spec.get("month"):
                day, reason = self._weekday(day_spec.get("weekday"), day_spec.get("dir"), "day")
            elif day_spec.kind == "cal":
                day, reason = self._cal(day_spec)
            else:
                day, reason = self._rel(day_spec)
            if day is None:
                return None, "TIME", None
        elif self.anchor is None:
            day, reason = "XXXX-XX-XX", NO_ANCHOR
        else:
            day = day_value(self.anchor + timedelta(days=spec.get("offset", 0)))
        if spec.get("hour") is not None:
            clock = f"{spec.get('hour'):02d}:{spec.get('minute', 0):02d}"
            if spec.get("second") is not None:
                clock += f":{spec.get('second'):02d}"
            return f"{day}T{clock}", "TIME", reason
        return f"{day}T{spec.get('pod')}", "TIME", reason
