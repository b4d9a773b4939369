"""Holidays: calendar arithmetic (Easter, Orthodox Easter, Hebrew), the lunar date table,
observance shifts, days counted from a holiday, and properties over every spelling."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalize.dates import resolve_date
from normalize.dates.anchor import (
    DATA,
    HolidayNotTabulated,
    HolidayOutOfRange,
    easter,
    hebrew_to_gregorian,
    holiday_date,
    holiday_span,
    holiday_table,
    orthodox_easter,
)
from normalize.dates.recognize import lexicon

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
YEARS = st.integers(min_value=1900, max_value=2099)
HOLIDAYS = lexicon().holidays
TABLE_HEADER = re.compile(r"^#   (?P<key>\w+): (?P<first>\d{4})-(?P<last>\d{4}) ")


def _table_years(name: str) -> range:
    """Years a holiday can be dated in (its table's range, else the Gregorian 1900-2099)."""
    rule = HOLIDAYS[name]
    if "dates" in rule:
        return range(min(rule["dates"]), max(rule["dates"]) + 1)
    if "table" not in rule:
        return range(1900, 2100)
    years = holiday_table()[rule["table"]]
    return range(min(years) + 1, max(years))  # a period may need the next year's table


# ------------------------------------------------------------------ calendar arithmetic


@SETTINGS
@given(YEARS)
def test_orthodox_easter_is_a_sunday_on_or_after_western_easter(year: int) -> None:
    orthodox, western = orthodox_easter(year), easter(year)
    assert orthodox.isoweekday() == 7 and western.isoweekday() == 7
    assert (orthodox - western).days in (0, 7, 28, 35)
    assert date(year, 4, 4) <= orthodox <= date(year, 5, 8)


@pytest.mark.parametrize("year, day", [(2018, date(2018, 4, 8)), (2021, date(2021, 5, 2)),
                                       (2010, date(2010, 4, 4)), (2023, date(2023, 4, 16))])
def test_orthodox_easter_known_years(year: int, day: date) -> None:
    assert orthodox_easter(year) == day


@SETTINGS
@given(st.integers(min_value=5660, max_value=5860))
def test_hebrew_year_rules(hyear: int) -> None:
    new_year = hebrew_to_gregorian(hyear, 7, 1)
    length = (hebrew_to_gregorian(hyear + 1, 7, 1) - new_year).days
    assert length in (353, 354, 355, 383, 384, 385)
    assert new_year.isoweekday() not in (7, 3, 5)  # Rosh Hashanah never Sun, Wed or Fri
    assert hebrew_to_gregorian(hyear, 7, 10).isoweekday() not in (5, 7)  # nor Yom Kippur Fri/Sun
    passover = hebrew_to_gregorian(hyear, 1, 15)  # Nisan comes after Tishrei in a year
    assert passover.isoweekday() not in (1, 3, 5)
    assert (hebrew_to_gregorian(hyear + 1, 7, 1) - passover).days == 163


@pytest.mark.parametrize("hebrew, day", [
    ((5734, 7, 10), date(1973, 10, 6)),  # Yom Kippur of the 1973 war
    ((5761, 7, 1), date(2000, 9, 30)),
    ((5760, 1, 15), date(2000, 4, 20)),
    ((5781, 12, 14), date(2021, 2, 26)),
    ((5782, 12, 14), date(2022, 3, 17)),  # a leap year: Purim falls in Adar II
])
def test_hebrew_known_dates(hebrew: tuple[int, int, int], day: date) -> None:
    assert hebrew_to_gregorian(*hebrew) == day


# ------------------------------------------------------------------ the rules in the lexicon


@pytest.mark.parametrize("name", sorted(HOLIDAYS))
def test_every_holiday_dates_inside_its_year(name: str) -> None:
    years = _table_years(name)
    for year in (years[0], years[len(years) // 2], years[-1]):
        try:
            start, end = holiday_span(name, year)
        except HolidayOutOfRange:
            # a lunar holiday can skip a Gregorian year, a listed one fall every few years; a
            # country's own has no day of its own
            rule = HOLIDAYS[name]
            assert "table" in rule or "dates" in rule or rule.get("by_country")
            continue
        assert abs(start.year - year) <= 1 and start <= end <= start + timedelta(days=46)


def test_listed_holiday_falls_only_in_its_cycle_and_never_guessed() -> None:
    days = HOLIDAYS["super tuesday"]["dates"]
    assert all(date(y, *md).isoweekday() == 2 for y, md in days.items())  # Tuesdays all
    assert holiday_date("super tuesday", 2016) == date(2016, 3, 1)
    with pytest.raises(HolidayOutOfRange):
        holiday_date("super tuesday", 2017)  # no primaries
    with pytest.raises(HolidayNotTabulated):
        holiday_date("super tuesday", max(days) + 4)  # not set yet: no guess


@SETTINGS
@given(YEARS)
def test_observance_shifts_leave_weekends(year: int) -> None:
    assert holiday_date("boss's day", year).isoweekday() <= 5
    assert abs((holiday_date("boss's day", year) - date(year, 10, 16)).days) <= 1
    kings = holiday_date("king's day", year)
    assert kings.isoweekday() != 7 and kings in (date(year, 4, 26), date(year, 4, 27))
    assert holiday_date("tisha b'av", year).isoweekday() != 6
    assert holiday_date("yom haatzmaut", year).isoweekday() not in (5, 6)
    assert holiday_date("yom hashoah", year).isoweekday() not in (5, 6, 7)
    assert holiday_date("yom hazikaron", year) == holiday_date("yom haatzmaut", year) - timedelta(1)


@SETTINGS
@given(st.integers(min_value=1951, max_value=2059))
def test_ramadan_runs_up_to_eid(year: int) -> None:
    start, end = holiday_span("ramadan", year)
    assert 28 <= (end - start).days <= 29
    eid = end + timedelta(days=1)
    assert eid in holiday_table()["eid_al_fitr"].get(eid.year, ())


# ------------------------------------------------------------------ the generated table


def test_table_rows_match_header_and_lexicon() -> None:
    text = (DATA / "holiday_dates.tsv").read_text(encoding="utf-8")
    assert "GENERATED by tools/gen_holiday_dates.py" in text
    covered = {m["key"]: (int(m["first"]), int(m["last"]))
               for m in map(TABLE_HEADER.match, text.splitlines()) if m}
    table = holiday_table()
    assert set(covered) == set(table)
    for key, years in table.items():
        assert (min(years), max(years)) == covered[key]
        for year, days in years.items():
            assert days and all(d.year == year for d in days) and list(days) == sorted(days)
    used = {rule["table"] for rule in HOLIDAYS.values() if "table" in rule}
    assert used <= set(table)
    assert all(rule["until"] in HOLIDAYS for rule in HOLIDAYS.values() if "until" in rule)


def test_outside_the_table_is_underspecified_with_a_reason() -> None:
    got = resolve_date("Eid al-Fitr 2070", anchor="2021-05-25")
    assert got is not None and got.value == "2070-XX-XX" and got.start is None
    assert "1950-2060" in (got.reason or "")
    for name, anchor, years in [("Diwali", "2090-06-01", "1950-2060"),
                                ("Diwali", "2060-06-01", "1950-2060"),  # 2061 may be nearer
                                ("Holi", "2035-06-01", "2001-2035")]:
        got = resolve_date(name, anchor=anchor)
        assert got is not None and got.value == "XXXX-XX-XX" and years in (got.reason or "")
    got = resolve_date("Diwali", anchor="2059-01-10")
    assert got is not None and got.value.startswith("2058-")


# ------------------------------------------------------------------ properties over mentions

single_day = sorted(n for n, r in HOLIDAYS.items()
                    if "days" not in r and "until" not in r and not r.get("by_country"))
BY_COUNTRY = sorted(n for n, r in HOLIDAYS.items() if r.get("by_country"))


@pytest.mark.parametrize("name", BY_COUNTRY)
def test_a_holiday_each_country_has_its_own_names_no_day_without_its_country(name: str) -> None:
    """ "National Day" alone, or beside no country of its variants, is no date: guessing one
    country's would be a wrong answer elsewhere."""
    assert BY_COUNTRY and lexicon().holidays_by_country.get(name)
    for context in (None, f"Crowds gathered for {name.title()} celebrations on the coast."):
        assert resolve_date(name.title(), "2021-05-25", context=context) is None


@SETTINGS
@given(st.sampled_from(single_day), st.data(),
       st.sampled_from([str.upper, str.title, lambda s: s.replace(" ", "  ")]))
def test_spelling_invariance(name: str, data: st.DataObject, change) -> None:
    year = data.draw(st.sampled_from(_table_years(name)))
    base = resolve_date(f"{name} {year}", anchor="2021-05-25")
    assert base is not None and base.value[:4].isdigit()
    again = resolve_date(change(f"{name} {year}").replace("'", "\u2019"), anchor="2021-05-25")
    assert again is not None and again.value == base.value


@SETTINGS
@given(st.sampled_from(single_day), st.data(), st.integers(min_value=1, max_value=40))
def test_days_after_and_before_a_holiday(name: str, data: st.DataObject, n: int) -> None:
    year = data.draw(st.sampled_from(_table_years(name)))
    base = resolve_date(f"{name} {year}", anchor="2021-05-25")
    if base is None or base.start is None:
        return  # a lunar holiday that skips this Gregorian year
    day = base.start.date()
    after = resolve_date(f"{n} days after {name} {year}", anchor="2021-05-25")
    before = resolve_date(f"{n} days before {name} {year}", anchor="2021-05-25")
    eve = resolve_date(f"the eve of {name} {year}", anchor="2021-05-25")
    assert after is not None and after.value == (day + timedelta(days=n)).isoformat()
    assert before is not None and before.value == (day - timedelta(days=n)).isoformat()
    assert eve is not None and eve.value == (day - timedelta(days=1)).isoformat()


@SETTINGS
@given(st.sampled_from(single_day), st.integers(min_value=1, max_value=5),
       st.sampled_from(["Monday", "Friday", "Sunday"]), st.sampled_from(["after", "before"]))
def test_nth_weekday_around_a_holiday(name: str, n: int, weekday: str, side: str) -> None:
    ords = ["first", "second", "third", "fourth", "fifth"]
    got = resolve_date(f"the {ords[n - 1]} {weekday} {side} {name} 2021", anchor="2021-05-25")
    base = resolve_date(f"{name} 2021", anchor="2021-05-25")
    if base is None or base.start is None:
        return
    assert got is not None and got.start is not None
    gap = (got.start - base.start).days * (1 if side == "after" else -1)
    assert 7 * (n - 1) < gap <= 7 * n
    assert got.start.strftime("%A") == weekday


@SETTINGS
@given(st.text(max_size=40), st.sampled_from(sorted(HOLIDAYS)))
def test_never_crashes_around_holiday_words(noise: str, name: str) -> None:
    for text in (f"{noise} {name}", f"{name} {noise}", f"{noise} after {name}"):
        got = resolve_date(text, anchor="2021-05-25")
        assert got is None or got.value


@pytest.mark.parametrize(("mention", "mod"), [
    ("ahead of Diwali", "BEFORE"), ("before Christmas", "BEFORE"), ("after Easter", "AFTER"),
    ("in the run-up to Thanksgiving", "BEFORE"), ("in the wake of Halloween", "AFTER"),
])
def test_before_and_after_a_holiday_keep_the_holiday_with_a_mod(mention: str, mod: str) -> None:
    got = resolve_date(mention, "2021-05-25")
    alone = resolve_date(mention.split()[-1], "2021-05-25")
    assert got is not None and alone is not None
    assert (got.value, got.mod) == (alone.value, mod)


@pytest.mark.parametrize("context", ["The bank lent $5 million to the firm.", None])
def test_lent_as_a_verb_is_not_a_season(context: str | None) -> None:
    assert resolve_date("lent", "2021-05-25", context=context) is None
    assert resolve_date("Lent", "2021-05-25", context="They fast during Lent.") is not None


def _country_names() -> dict[str, str]:
    """ISO code -> the country's name in the entity knowledge base."""
    from normalize.entities.kb import BUNDLED_DIR, read_records

    records = read_records(BUNDLED_DIR / "countries.yaml")
    return {r["id"].split(":", 1)[1]: r["name"] for r in records}


VARIANTS = [(name, code) for name, codes in lexicon().holidays_by_country.items()
            for code in codes]


def test_the_by_country_tables_are_not_empty() -> None:
    """The parametrized tests on them would pass vacuously on empty tables."""
    assert len(BY_COUNTRY) >= 2 and len(VARIANTS) >= 20


@pytest.mark.parametrize(("name", "code"), VARIANTS)
def test_a_holiday_in_the_country_the_sentence_names_is_that_country_s(name: str,
                                                                       code: str) -> None:
    """Every variant of data/lexicon.yaml holidays_by_country names a country of the knowledge
    base, and a sentence naming that country (and, for Easter and Christmas, the Orthodox
    church) dates the holiday by the variant's rule."""
    country = _country_names().get(code)
    assert country is not None, f"{name}@{code}: no such country in the knowledge base"
    people = "Orthodox believers" if name in lexicon().church_holidays else "People"
    got = resolve_date(name.title(), "2021-05-25",
                       context=f"{people} in {country} will celebrate {name.title()} again.")
    assert got is not None and got.start is not None and got.rule.endswith(f"-{code}")
    assert got.start.date() == holiday_date(f"{name}@{code}", got.start.year)
    assert got.start.date() >= date(2021, 5, 25)
