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

from normalize.dates.ranges import DAY_SHAPE
from normalize.dates.recognize import DATA, lexicon, one_of
from normalize.dates.tense import MAX_CONTEXT, locate


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
    """A `period_end` word and a date right after a mention ("the year| ended Sept. 30")."""
    lex = lexicon()
    dates = one_of([*lex.months, *lex.weekdays, *lex.daywords])  # "ended Sept. 30", "ending today"
    return re.compile(rf",?\s+(?:{one_of(_raw()['period_end'])})\s+(?:in\s+|on\s+)?"
                      rf"(?:(?:{dates})(?![\w-])|\d)")


def period_ended(mention: str, context: str | None) -> bool:
    """True when `context` goes on right after (the first occurrence of) `mention` with
    "ended", "ending", ... and a date."""
    if not context or not mention:
        return False
    text, at = locate(context, mention)
    return at >= 0 and _period_end().match(text, at + len(mention)) is not None


_D = DAY_SHAPE


@lru_cache(maxsize=1)
def _day_list() -> tuple[re.Pattern[str], ...]:
    """(days listed before, their comma-list close after, days listed after, what may follow)."""
    raw = _raw()
    listing, ranging = one_of(raw["day_list"]["list"]), one_of(raw["day_list"]["range"])
    month = rf"(?<![\w-])(?P<month>{one_of(lexicon().months)})\.?"
    before = re.compile(
        rf"{month}\s+(?:(?P<days>{_D}(?:\s*,\s*{_D})*)\s*,?\s*(?:{listing})"
        rf"|(?P<one>{_D})\s*(?:{ranging})|(?P<open>{_D}(?:\s*,\s*{_D})*)\s*,)\s*$",
        re.IGNORECASE)
    close = re.compile(rf"(?:\s*,\s*{_D})*\s*,?\s*(?:{listing})\s*{_D}(?![\w-])")
    after = re.compile(rf"\s*(?:{listing}|{ranging})\s*(?P<last>{_D})\s+{month}(?![\w-])",
                       re.IGNORECASE)
    end = re.compile(rf"\s*(?:$|[,.;:!?)\]\"'\u2019]|(?:{one_of(raw['day_list_end'])})(?![\w-])"
                     r"|\d{4}(?!\d))", re.IGNORECASE)
    return before, close, after, end


def _numbers(days: str) -> list[int]:
    return [int(d) for d in re.findall(r"\d+", days)]


def month_of_listed_day(mention: str, context: str | None) -> tuple[str, str] | None:
    """ ("april 25", "April 24 and 25") for the mention "25" of "April 24 and 25" (likewise "24"
    of "24 and 25 April"): the day with the month of the days listed beside it, and the whole
    list as written (its tense is the day's), else None. Only the number's first occurrence
    counts; the days must go forward and the number end the phrase."""
    if not context or not mention:
        return None
    number = mention.strip()
    if not re.fullmatch(_D, number):
        return None
    text = context[:MAX_CONTEXT]
    found = re.search(rf"(?<![\w.,$\u20ac\u00a3]){re.escape(number)}(?![\w])", text)
    if not found:
        return None
    day = _numbers(number)[0]
    before, close, after, end = _day_list()
    m = before.search(text, max(0, found.start() - 60), found.start())
    if m and m.group("open") and not close.match(text, found.end()):
        m = None  # "On March 5, 10 people": a comma alone lists no days
    if m and end.match(text, found.end()):
        earlier = _numbers(m.group("days") or m.group("one") or m.group("open"))
        ok = day > max(earlier)
    else:
        m = after.match(text, found.end())
        ok = m is not None and day < _numbers(m.group("last"))[0]
    if not m or not ok:
        return None
    month = m.group("month")
    if month.casefold() in lexicon().ambiguous_months and not month[0].isupper():
        return None  # "24 or 25 may have died"
    span = text[min(m.start(), found.start()):max(m.end(), found.end())].strip()
    return f"{month.casefold()} {day}", span
