"""Properties of the sentence-level steps: a clock time joined to the day beside it, cue words."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalize.dates import resolve_date

SETTINGS = settings(max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
CLOCKS = ["10 p.m.", "9:30 a.m.", "noon", "4 in the morning", "7:15 pm"]
DAYS = ["Friday", "on Monday", "Tuesday", "next Sunday", "tomorrow", "yesterday"]
anchors = st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31))
noise = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@SETTINGS
@given(st.sampled_from(CLOCKS), anchors, noise, noise)
def test_clock_in_any_sentence_stays_within_a_week(clock: str, anchor: date, left: str,
                                                    right: str) -> None:
    """Whatever surrounds it, a clock time lands on a day at most two weeks from the anchor,
    unless the noise happens to name a day beside it ("at 10 p.m. 1 JUL"): then that day."""
    got = resolve_date(clock, anchor, context=f"{left} at {clock} {right}")
    assert got is not None and got.type == "TIME" and got.start is not None
    far = abs(got.start - datetime(anchor.year, anchor.month, anchor.day)) >= timedelta(days=15)
    assert not far or got.rule.endswith("-in-context"), got


@SETTINGS
@given(st.sampled_from(CLOCKS), st.sampled_from(DAYS), anchors,
       st.sampled_from(["will leave at {c} {d}.", "left at {c} {d}.", "{d} at {c} they met."]))
def test_clock_takes_the_day_beside_it(clock: str, day: str, anchor: date, frame: str) -> None:
    """The clock time resolves to the same day as the day words alone, in the same sentence."""
    sentence = "He " + frame.format(c=clock, d=day)
    got = resolve_date(clock, anchor, context=sentence)
    alone = resolve_date(day.removeprefix("on "), anchor, context=sentence)
    assert got is not None and alone is not None and got.start is not None
    assert alone.start is not None
    assert got.start.date() == alone.start.date()


@SETTINGS
@given(anchors, st.sampled_from(["March 31", "Sept. 30", "June 1", "Dec. 31"]))
def test_ended_is_never_after_the_anchor(anchor: date, mention: str) -> None:
    """ "the quarter ended <date>": the period is over, whatever the distance."""
    got = resolve_date(mention, anchor, context=f"Profit rose in the quarter ended {mention}.")
    assert got is not None and got.start is not None
    assert got.start.date() <= anchor


MONTHS = {"January": 1, "March": 3, "June": 6, "September": 9, "December": 12}


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


@SETTINGS
@given(anchors, st.sampled_from(sorted(MONTHS)), st.integers(1, 28), st.integers(1, 28))
def test_a_day_alone_takes_the_month_dated_before_it(anchor: date, month: str, first: int,
                                                      day: int) -> None:
    """ "on the 16th" after "opens on December 8": a day of that month, whatever the anchor."""
    sentence = f"The series opens on {month} {first}, with the final on the {_ordinal(day)}."
    got = resolve_date(f"the {_ordinal(day)}", anchor, context=sentence)
    assert got is not None and got.start is not None
    assert (got.start.month, got.start.day) == (MONTHS[month], day)


def _listed_names() -> list[str]:
    from normalize.dates.recognize import DATA
    from normalize.yamldata import load_yaml

    raw = load_yaml((DATA / "names.yaml").read_text(encoding="utf-8"))
    return [name for names in raw.values() for name in names]


def test_every_listed_name_holds_a_date_word_and_is_none() -> None:
    """data/names.yaml: each name holds words the recognizer reads as a time (else the entry
    can never matter), and the whole name is no time (else it is a date phrase, not a name)."""
    import re

    from normalize.dates.recognize import recognize

    names = _listed_names()
    assert len(names) == len(set(names)), "a name is listed twice"
    for name in names:
        words = re.findall(r"[^\s-]+", name)
        pieces = [" ".join(words[i:j]) for i in range(len(words))
                  for j in range(i + 1, min(i + 4, len(words) + 1))]
        assert any(recognize(p) for p in pieces), f"{name!r} holds no date word"
        assert recognize(name) is None, f"{name!r} reads as a date by itself"


def _name_and_word_read_beside_it() -> list[tuple[str, str]]:
    """(listed name, a whole date word of it) where that word alone, opening a sentence, is
    read as a date: the names whose veto the property below can tell from no reading at all
    (not "Peugeot 2008", digits only, nor "Match of the Day": a capitalized "Day" is none)."""
    import re

    from normalize.dates.recognize import recognize

    pairs = []
    for name in _listed_names():
        words = re.findall(r"[^\W\d_]+", name)  # whole words ("day" of "Seventh-day" is none)
        word = next((w for w in name.split() if w in words and recognize(w)), None)
        if word and resolve_date(word, "2021-05-25", f"On {word}, fans gathered outside."):
            pairs.append((name, word))
    return pairs


@SETTINGS
@given(st.sampled_from(_name_and_word_read_beside_it()), anchors)
def test_a_listed_name_is_no_date_but_the_same_word_beside_it_is(pair: tuple[str, str],
                                                                  anchor: date) -> None:
    """Inside a listed name the date word is none; named again outside it, it is read."""
    name, word = pair
    assert resolve_date(word, anchor, context=f"Fans of {name} gathered outside.") is None
    assert resolve_date(word, anchor, context=f"On {word}, fans gathered outside.") is not None
    # the value may differ ("fans of Karl May gathered": "May" also reads as the modal)
    again = resolve_date(word, anchor, context=f"On {word}, fans of {name} gathered outside.")
    assert again is not None
