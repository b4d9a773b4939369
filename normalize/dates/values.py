"""TimeValue: a TIMEX3 value with its half-open interval, and the TIMEX3 <-> interval mapping.

Conventions (documented so that comparisons are predictable):
- intervals are half-open [start, end); DURATION, SET, *_REF and values with X have none;
- weeks are ISO weeks ("2021-W19"), "2021-W19-WE" is that week's Saturday and Sunday;
- quarters "2021-Q2", halves "2021-H1", decades "199" (1990s), centuries "19" (1900-1999);
- seasons follow a named convention (data/seasons.yaml), meteorological-north by default:
  SP = Mar-May, SU = Jun-Aug, FA = Sep-Nov, WI = Dec of the year to the end of Feb next year;
- parts of day: MO 06-12, AF 12-18, EV 18-24, NI 21-06 (next day), DT 06-18, MI 12-13.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from normalize.yamldata import load_yaml

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_SEASONS = "meteorological-north"
PART_OF_DAY = {
    "MO": (6, 12),
    "MI": (12, 13),
    "AF": (12, 18),
    "EV": (18, 24),
    "NI": (21, 30),
    "DT": (6, 18),
}


@lru_cache(maxsize=1)
def season_tables() -> dict[str, dict[str, tuple[tuple[int, int], tuple[int, int]]]]:
    """Load the season conventions once: name -> season code -> ((month, day), (month, day))."""
    raw = load_yaml((DATA / "seasons.yaml").read_text(encoding="utf-8"))
    return {
        name: {code: (tuple(se[0]), tuple(se[1])) for code, se in table.items()}
        for name, table in raw.items()
    }


def season_bounds(
    year: int, code: str, seasons: str = DEFAULT_SEASONS
) -> tuple[datetime, datetime]:
    """Interval of season `code` of `year` under the named convention."""
    tables = season_tables()
    if seasons not in tables:
        raise ValueError(f"seasons={seasons!r}: expected one of {sorted(tables)}")
    (m1, d1), (m2, d2) = tables[seasons][code]
    start = datetime(year, m1, d1)
    end_year = year + 1 if (m2, d2) <= (m1, d1) else year
    return start, datetime(end_year, m2, d2)


def season_of(day: date, seasons: str = DEFAULT_SEASONS) -> tuple[int, str]:
    """The (season year, code) whose interval contains `day`."""
    moment = datetime(day.year, day.month, day.day)
    for year in (day.year, day.year - 1):
        for code in season_tables()[seasons]:
            start, end = season_bounds(year, code, seasons)
            if start <= moment < end:
                return year, code
    raise ValueError(f"no season contains {day}")  # pragma: no cover - tables cover the year


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by a number of months."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def iso_week_start(year: int, week: int) -> datetime:
    """Monday of ISO week `week` of ISO year `year`."""
    return datetime.combine(date.fromisocalendar(year, week, 1), datetime.min.time())


_VALUE = re.compile(
    r"^(?:(?P<cent>\d{2})|(?P<dec>\d{3})|(?P<year>\d{4})"
    r"(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:T(?:(?P<pod>MO|MI|AF|EV|NI|DT)|(?P<hour>\d{2})(?::(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2}))?)?))?)?"
    r"|W(?P<week>\d{1,2})(?:-(?P<we>WE)|-(?P<wday>[1-7]))?"
    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?)$"
)
_REF = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


@lru_cache(maxsize=8192)
def interval_of(value: str, seasons: str) -> tuple[datetime, datetime, str] | None:
    """(start, end, granularity) of a fully specified TIMEX3 date/time value, else None.
    An ISO 8601 interval of two values ("2021-06-11/2021-06-13") runs from the start of the
    first to the end of the second."""
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = interval_of(first, seasons), interval_of(last, seasons)
        return (a[0], b[1], a[2]) if a and b and a[0] < b[1] else None
    m = _VALUE.match(value)
    if not m:
        return None
    g = m.groupdict()
    try:
        if g["cent"]:
            c = int(g["cent"])
            return datetime(max(c * 100, 1), 1, 1), datetime(c * 100 + 100, 1, 1), "century"
        if g["dec"]:
            d = int(g["dec"])
            return datetime(max(d * 10, 1), 1, 1), datetime(d * 10 + 10, 1, 1), "decade"
        year = int(g["year"])
        if year < 1 or year > 9998:
            return None
        if g["season"]:
            start, end = season_bounds(year, g["season"], seasons)
            return start, end, "season"
        if g["quarter"]:
            q = int(g["quarter"])
            y2, m2 = add_months(year, 3 * q - 2, 3)
            return datetime(year, 3 * q - 2, 1), datetime(y2, m2, 1), "quarter"
        if g["half"]:
            h = int(g["half"])
            y2, m2 = add_months(year, 6 * h - 5, 6)
            return datetime(year, 6 * h - 5, 1), datetime(y2, m2, 1), "half"
        if g["week"]:
            start = iso_week_start(year, int(g["week"]))
            if g["we"]:
                return start + timedelta(days=5), start + timedelta(days=7), "weekend"
            if g["wday"]:
                day = start + timedelta(days=int(g["wday"]) - 1)
                return day, day + timedelta(days=1), "day"
            return start, start + timedelta(days=7), "week"
        if not g["month"]:
            return datetime(year, 1, 1), datetime(year + 1, 1, 1), "year"
        month = int(g["month"])
        if not g["day"]:
            y2, m2 = add_months(year, month, 1)
            return datetime(year, month, 1), datetime(y2, m2, 1), "month"
        day = datetime(year, month, int(g["day"]))
        if g["pod"]:
            lo, hi = PART_OF_DAY[g["pod"]]
            return day + timedelta(hours=lo), day + timedelta(hours=hi), "part-of-day"
        if g["hour"] is None:
            return day, day + timedelta(days=1), "day"
        hour = int(g["hour"])
        if hour > 24 or (hour == 24 and (g["minute"] or "00") != "00"):
            return None
        if g["minute"] is None:
            start = day + timedelta(hours=hour)
            return start, start + timedelta(hours=1), "hour"
        start = day + timedelta(hours=hour, minutes=int(g["minute"]))
        if int(g["minute"]) > 59:
            return None
        if g["second"] is None:
            return start, start + timedelta(minutes=1), "minute"
        start += timedelta(seconds=int(g["second"]))
        return start, start + timedelta(seconds=1), "second"
    except (ValueError, OverflowError):
        return None


_GRAN_OF_SHAPE = (
    (re.compile(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}T"), "hour"),
    (re.compile(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}$"), "day"),
    (re.compile(r"^[\dX]{4}-W[\dX]{1,2}-WE$"), "weekend"),
    (re.compile(r"^[\dX]{4}-W[\dX]{1,2}-\d$"), "day"),
    (re.compile(r"^[\dX]{4}-W[\dX]{1,2}"), "week"),
    (re.compile(r"^[\dX]{4}-Q"), "quarter"),
    (re.compile(r"^[\dX]{4}-H"), "half"),
    (re.compile(r"^[\dX]{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^[\dX]{4}-[\dX]{2}$"), "month"),
    (re.compile(r"^[\dX]{4}$"), "year"),
    (re.compile(r"^[\dX]{3}$"), "decade"),
    (re.compile(r"^[\dX]{2}$"), "century"),
)


def granularity_of(value: str) -> str | None:
    """Granularity a TIMEX3 value is written at, also for underspecified values ("XXXX-06")."""
    for pattern, gran in _GRAN_OF_SHAPE:
        if pattern.match(value):
            return gran
    return None


def type_of(value: str) -> str:
    """TIMEX3 type implied by the shape of a value (SET cannot be told from the value alone)."""
    if value.startswith("P"):
        return "DURATION"
    if "T" in value and not value.endswith("_REF"):
        return "TIME"
    return "DATE"


def _same(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    return start, end


# TIMEX3 modifiers that open one side of the interval
_OPEN_SIDES = {
    "BEFORE": lambda start, end: (datetime.min, start),
    "ON_OR_BEFORE": lambda start, end: (datetime.min, end),
    "AFTER": lambda start, end: (end, datetime.max),
    "ON_OR_AFTER": lambda start, end: (start, datetime.max),
}


# The world's clocks run from UTC-12 to UTC+14 (minutes east of UTC).
WEST_MOST_OFFSET = -12 * 60
EAST_MOST_OFFSET = 14 * 60


def in_utc(span: tuple[datetime, datetime], utc_offset: int | None
           ) -> tuple[datetime, datetime]:
    """An interval of local time moved to UTC by an offset in minutes east of UTC (an open end,
    datetime.min or .max, stays open)."""
    shift = timedelta(minutes=utc_offset or 0)
    start, end = (t if t in (datetime.min, datetime.max) else t - shift for t in span)
    return start, end


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A normalized temporal expression: TIMEX3 value, type, interval and how it was produced."""

    value: str
    type: str
    start: datetime | None = None
    end: datetime | None = None
    granularity: str | None = None
    rule: str | None = None
    text: str | None = None
    mod: str | None = None
    reason: str | None = None
    utc_offset: int | None = None  # minutes east of UTC, when the mention names its zone

    @classmethod
    def from_timex(
        cls, value: str, type: str | None = None, seasons: str = DEFAULT_SEASONS, **fields: Any
    ) -> TimeValue:
        """Parse a TIMEX3 value back to its interval (None bounds when it has none)."""
        if seasons not in season_tables():
            raise ValueError(f"seasons={seasons!r}: expected one of {sorted(season_tables())}")
        kind = type or type_of(value)
        span = interval_of(value, seasons) if kind in ("DATE", "TIME") else None
        if span is None:
            gran = granularity_of(value) if kind in ("DATE", "TIME") else None
            if value in _REF:
                gran = None
            return cls(value, kind, None, None, gran, **fields)
        start, end, gran = span
        return cls(value, kind, start, end, gran, **fields)

    @property
    def bounds(self) -> tuple[datetime, datetime] | None:
        """The half-open interval the mention allows, its modifier applied: "after June 16"
        from June 17 on, "no later than Friday" up to Friday's end (datetime.min and .max for
        an open side); start and end otherwise; None without an interval."""
        if self.start is None or self.end is None:
            return None
        return _OPEN_SIDES.get(self.mod or "", _same)(self.start, self.end)

    def both_zoned(self, other: TimeValue) -> bool:
        """Whether this value and `other` both name their time zone, so that their intervals
        compare in UTC ("8 p.m. (1900 GMT)" is "2 p.m. Eastern time"); else both are read
        as local time."""
        return self.utc_offset is not None and other.utc_offset is not None

    def interval_utc(self) -> tuple[datetime, datetime] | None:
        """The interval moved to UTC by the value's offset (as it is, without one)."""
        if self.start is None or self.end is None:
            return None
        return in_utc((self.start, self.end), self.utc_offset)

    def _pair(self, other: TimeValue) -> tuple[tuple[datetime, datetime],
                                               tuple[datetime, datetime]] | None:
        if None in (self.start, self.end, other.start, other.end):
            return None
        if self.both_zoned(other):
            return self.interval_utc(), other.interval_utc()  # type: ignore[return-value]
        return (self.start, self.end), (other.start, other.end)  # type: ignore[return-value]

    def contains(self, other: TimeValue) -> bool:
        """True when other's interval lies inside this one (both must have intervals; in UTC
        when both name their zone)."""
        pair = self._pair(other)
        return pair is not None and pair[0][0] <= pair[1][0] and pair[1][1] <= pair[0][1]

    def overlaps(self, other: TimeValue) -> bool:
        """True when the two half-open intervals share at least one instant (in UTC when both
        name their zone)."""
        pair = self._pair(other)
        return pair is not None and pair[0][0] < pair[1][1] and pair[1][0] < pair[0][1]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: datetimes as ISO strings."""
        out = asdict(self)
        for key in ("start", "end"):
            if out[key] is not None:
                out[key] = out[key].isoformat()
        return out
