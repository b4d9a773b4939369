"""ISO 8601 date arguments: the one parser behind every `anchor=`, `date=`, KB term and
documents.csv date, so that they all accept the same forms and fail with the same message.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_COMPACT = re.compile(r"\d{8}")
_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")

DateLike = str | date | datetime | None


def parse_iso_date(value: DateLike, name: str, period: str | None = None) -> date | None:
    """`value` as a date: a date, a datetime, or ISO text ("2021-05-25", "20210525",
    "2021-05-25T10:00:00Z", "2021-05-25 10:00"); None stays None.

    `period="start"` or `"end"` also accepts a year ("2021") or month ("2021-06") and gives its
    first or last day. Anything else raises ValueError naming `name` and the value.
    """
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    text = value.strip() if isinstance(value, str) else None
    if text:
        try:
            return _parse_text(text, period)
        except ValueError as exc:
            why = f": {exc}" if "out of range" in str(exc) or "must be in" in str(exc) else ""
            raise ValueError(f"{name}={value!r} is not an ISO date{why} "
                             "(expected e.g. '2021-05-25')") from None
    raise ValueError(f"{name}={value!r} is not an ISO date (expected e.g. '2021-05-25')")


def _parse_text(text: str, period: str | None) -> date:
    if period and _YEAR.fullmatch(text):
        year = int(text)
        return date(year, 1, 1) if period == "start" else date(year, 12, 31)
    month = _MONTH.fullmatch(text) if period else None
    if month:
        first = date(int(month[1]), int(month[2]), 1)
        if period == "start":
            return first
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return following - timedelta(days=1)
    if _COMPACT.fullmatch(text):
        return datetime.strptime(text, "%Y%m%d").date()
    if len(text) > 10:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    return date.fromisoformat(text)
