"""The one ISO date parser behind anchors, entity dates, KB terms and documents.csv."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from normalize.isodate import parse_iso_date


@pytest.mark.parametrize(
    ("value", "period", "expected"),
    [
        ("2021-05-25", None, date(2021, 5, 25)),
        ("20210525", None, date(2021, 5, 25)),
        ("2021-05-25T10:00:00Z", None, date(2021, 5, 25)),
        ("2021-05-25 23:59", None, date(2021, 5, 25)),
        (datetime(2021, 5, 25, 8), None, date(2021, 5, 25)),
        (date(2021, 5, 25), None, date(2021, 5, 25)),
        (None, None, None),
        ("2021", "start", date(2021, 1, 1)),
        ("2021", "end", date(2021, 12, 31)),
        ("2020-02", "end", date(2020, 2, 29)),
        ("2021-12", "end", date(2021, 12, 31)),
    ],
)
def test_accepted_forms(value, period, expected) -> None:
    assert parse_iso_date(value, "anchor", period) == expected


@pytest.mark.parametrize("value", ["2021-02-30", "yesterday", "2021-05-25Tgarbage", "2021",
                                   20210525, ""])
def test_rejected_forms_name_the_argument(value) -> None:
    with pytest.raises(ValueError, match=r"^anchor=.* is not an ISO date"):
        parse_iso_date(value, "anchor")


def test_an_impossible_day_says_why() -> None:
    with pytest.raises(ValueError, match="day is out of range"):
        parse_iso_date("2021-02-30", "date")
