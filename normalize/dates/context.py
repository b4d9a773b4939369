"""Mentions completed by their sentence: a bare clock time takes the day named beside it, a
bare day number the month of the day listed beside it, and a definite unit followed by
"ended" is a span.

Extractors (and TimeML annotators) often cut "10:35 a.m. (0735 GMT) Friday" into a clock time
and a day; alone, "10:35 a.m." would be read on the anchor day. Likewise "the year" of "the
year ended Sept. 30". The glue words are data (data/context.yaml); the day words are the
lexicon's weekdays and day words.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from normalize.dates.recognize import DATA, lexicon, one_of
from normalize.dates.tense import locate


@lru_cache(maxsize=1)
def _raw() -> dict:
    """data/context.yaml, read once."""
    return yaml.safe_load((DATA / "context.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(day after the mention, day before it), matched case-folded against the sentence."""
    raw = _raw()["clock_day"]
    lex = lexicon()
    words = (rf"(?:(?:{one_of(raw['day_modifiers'])})\s+)?(?:{one_of(lex.weekdays)})\.?"
             rf"|{one_of(lex.daywords)}")
    paren = rf"\([^()]{{0,{int(raw['parenthesis'])}}}\)"
    after = (
        rf"\s*(?:{paren}\s*)?,?\s*(?:(?:{one_of(raw['after'])})\s+)?(?P<day>{words})(?![\w-])"
        # or inside the parenthesis that follows: "4 in the morning (4 a.m. EDT Thursday)"
        rf"|\s*\([^()]{{0,{int(raw['parenthesis'])}}}?(?<![\w-])(?P<inside>{words})\)"
    )
    before = rf"(?<![\w-])(?P<day>{words}),?\s+(?:{one_of(raw['before'])})\s+$"
    return re.compile(after), re.compile(before)


def day_beside(mention: str, context: str | None) -> str | None:
    """The day words named right beside `mention` in `context` ("friday"), or None."""
    if not context or not mention:
        return None
    text, at = locate(context, mention)
    if at < 0:
        return None
    after, before = _patterns()
    m = after.match(text, at + len(mention)) or before.search(text, max(0, at - 40), at)
    return (m.group("day") or m.group("inside")) if m else None


@lru_cache(maxsize=1)
def _period_end() -> re.Pattern[str]:
    """One of the `period_end` words right after a mention ("the year| ended Sept. 30")."""
    return re.compile(rf",?\s+(?:{one_of(_raw()['period_end'])})(?![\w-])")


def period_ended(mention: str, context: str | None) -> bool:
    """True when `context` goes on right after `mention` with "ended", "ending", ..."""
    if not context or not mention:
        return False
    text, at = locate(context, mention)
    return at >= 0 and _period_end().match(text, at + len(mention)) is not None


_DAY = r"\d{1,2}(?:st|nd|rd|th)?"


@lru_cache(maxsize=1)
def _day_list() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a bare day number, a month and day listed before it, a day and month listed after)."""
    link = rf"(?:,\s*)?(?:{one_of(_raw()['day_list'])})\s*"
    month = rf"(?P<month>{one_of(lexicon().months)})\.?"
    before = rf"(?<![\w-]){month}\s+{_DAY}(?:,\s*{_DAY})*\s*{link}$"
    after = rf"\s*{link}{_DAY}\s+{month}(?![\w-])"
    return re.compile(rf"{_DAY}"), re.compile(before), re.compile(after)


def month_of_listed_day(mention: str, context: str | None) -> str | None:
    """ "april 25" for the mention "25" in "April 24 and 25" (or in "25 and 26 April"), else
    None: the month words of the day listed beside a bare day number."""
    if not context or not mention:
        return None
    day, before, after = _day_list()
    number = mention.strip().casefold()
    if not day.fullmatch(number):
        return None
    text, _ = locate(context, None)
    for found in re.finditer(rf"(?<![\w.,]){re.escape(number)}(?![\w-])", text):
        at = found.start()
        m = before.search(text, max(0, at - 40), at) or after.match(text, found.end())
        if m:
            return f"{m.group('month')} {number}"
    return None
