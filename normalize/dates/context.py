"""Mentions completed by their sentence: a bare clock time takes the day named beside it, a
bare day number the month of the day listed beside it, and a definite unit followed by
"ended" is a span; a bare name that is also an English word or part of a person's name is
a date only when the sentence shows it.

Extractors (and TimeML annotators) often cut "10:35 a.m. (0735 GMT) Friday" into a clock time
and a day; alone, "10:35 a.m." would be read on the anchor day. Likewise "the year" of "the
year ended Sept. 30". The glue words are data (data/context.yaml); the day words are the
lexicon's weekdays and day words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from normalize.dates.places import is_place
from normalize.dates.ranges import DAY_SHAPE
from normalize.dates.recognize import DATA, Spec, lexicon, one_of, recognize, trie_of
from normalize.dates.tense import MAX_CONTEXT, locate
from normalize.text import quoted_around
from normalize.yamldata import load_yaml


@lru_cache(maxsize=1)
def _raw() -> dict:
    """data/context.yaml, read once."""
    return load_yaml((DATA / "context.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(day after the mention, day before it, a day named earlier in the sentence, a day
    named after a place or two), matched case-folded against the sentence."""
    raw = _raw()["clock_day"]
    lex = lexicon()
    month = rf"(?:{one_of(lex.months)})\.?"
    year = rf"(?:,?\s+\d{{4}}|\s+(?:{one_of(raw['year_after'])}))?"  # ", 2012", " last year"
    day_of_month = (rf"{month}\s+{DAY_SHAPE}{year}"  # "June 7", "June 7, 2012"
                    rf"|(?:the\s+)?{DAY_SHAPE}\s+(?:of\s+)?{month}{year}"  # "7 June 2012"
                    r"|\d{4}-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{4}")  # "2018-04-23", "23/04/2018"
    holidays = trie_of([h for h in lex.holidays if h not in lex.ambiguous_holidays])  # no "lent"
    words = (rf"(?:(?:{one_of(raw['day_modifiers'])})\s+)?(?:{one_of(lex.weekdays)})\.?"
             rf"|{one_of(lex.daywords)}|{holidays}"  # "6am on Boxing Day"
             rf"|{one_of(raw['story_days'])}")  # "at 5.30am the following day"
    paren = rf"\([^()]{{0,{int(raw['parenthesis'])}}}\)"
    # the end of a clock range may stand between: "from 7 a.m. to 5 p.m. on Thursday"
    until = rf"(?:{one_of(raw['range'])})\s*\d{{1,2}}(?:[:.]\d\d)?\s*(?:[ap]\.?m\b\.?)?"
    zone = one_of([*lex.timezones, *lex.timezone_words])
    after = (  # a parenthesis the mention stands in may close first: "7 a.m. (0500 GMT) on Friday"
        rf"\)?\s*(?:{until}\s*)?(?:(?:{zone})(?![\w-])\s*)?(?:{paren}\s*)?,?\s*"
        rf"(?:(?:{one_of(raw['after'])})\s+)?"
        rf"(?P<day>(?:{words}),?\s+(?:{day_of_month})|{words}|{day_of_month})(?![\w-])"
        # or inside the parenthesis that follows: "4 in the morning (4 a.m. EDT Thursday)"
        rf"|\s*\([^()]{{0,{int(raw['parenthesis'])}}}?(?<![\w-])(?P<inside>{words})\)"
    )
    before = (rf"(?<![\w-])(?P<day>(?:{words}),?\s+(?:{day_of_month})|{words}|{day_of_month}),?\s+"
              rf"(?:{one_of(raw['before'])})\s+$")
    # or earlier in the sentence after "on": "gets under way on Friday, when they tee off at 7.35am"
    earlier = (rf"(?<![\w-])(?:(?:{one_of(raw['earlier'])})\s+"  # (a possessive: below)
               rf"(?P<day>(?:{words}),?\s+(?:{day_of_month})|{words}|{day_of_month})"
               r"(?![\w-]|['\u2019]s(?![\w-]))"
               # or a holiday, or a day in the possessive, that the event is of: "the Christmas
               # Day broadcast is at 3pm", "Friday's game against Leeds starts at 6 p.m." (the
               # holiday first: "New Year's Eve" is not New Year's)
               rf"|(?P<owner>(?:{holidays})(?![\w-])|(?:{words})(?=['\u2019]s(?![\w-]))"
               # or a day word that names one day ("returns tomorrow, with Villa hosting
               # United at 6pm"), or the day of an earlier clock time ("close at 7 p.m. EST
               # Tuesday, and ... by 11 p.m.")
               rf"|(?:{one_of(raw['earlier_days'])})(?![\w-]))"
               rf"|\d\s*[ap]\.?m\b\.?\s+(?:(?:{zone})\s+)?(?P<clocked>{words})(?![\w-]))")
    later = raw["later"]
    place = (rf"\s+(?:{one_of(later['prepositions'])})"
             rf"(?:\s+(?!(?:{one_of(later['stop'])})(?![\w-]))[^\s,;:()]+){{1,{int(later['words'])}}}")
    after_places = (rf"(?:\s*(?:{zone})(?![\w-]))?(?:{place}){{1,{int(later['places'])}}}?\s+on\s+"
                    rf"(?P<day>(?:{words}),?\s+(?:{day_of_month})|{words}|{day_of_month})(?![\w-])")
    return re.compile(after), re.compile(before), re.compile(earlier), re.compile(after_places)


def day_beside(mention: str, context: str | None) -> tuple[str, str] | None:
    """(the day words named right beside `mention` in `context` ("friday"), the words from the
    mention through a day after it ("11.59pm on wednesday"; else the mention)), or None."""
    text, at = locate(context, mention)
    if at < 0:
        return None
    after, before, *_ = _patterns()
    if m := after.match(text, at + len(mention)):
        return m.group("day") or m.group("inside"), text[at:m.end()].rstrip(" ,")
    m = before.search(text, max(0, at - 40), at)
    return (m.group("day") or m.group("inside"), mention) if m else None


@lru_cache(maxsize=1)
def _week_after() -> re.Pattern[str]:
    """A week named right after a bare weekday (data/context.yaml `weekday_week`)."""
    return re.compile(rf",?\s+(?:of\s+)?(?P<week>{one_of(_raw()['weekday_week'])})(?![\w-])")


def week_after(mention: str, context: str | None) -> str | None:
    """The week words right after a bare weekday in `context` ("Saturday| next week",
    "Monday| last week"), case-folded, else None."""
    text, at = locate(context, mention)
    m = _week_after().match(text, at + len(mention)) if at >= 0 else None
    return m.group("week") if m else None


@lru_cache(maxsize=1)
def _year_opening() -> re.Pattern[str]:
    """A year phrase opening a sentence, with a comma or a word after it (data/context.yaml
    `year_opening`): "Last year, ...", "In 2019, ...", "Last year a ban was imposed ..."."""
    raw = _raw()["year_opening"]
    return re.compile(rf"[\s\"'(\u201c]*(?:(?:{one_of(raw['leads'])})\s+)?"
                      rf"(?P<year>(?:{one_of(raw['phrases'])})|\d{{4}})(?:,|\s(?=[a-z]))"
                      r"(?!\s*(?:and|or|but)\b)")  # "In 2019, and again last month, ...": no


def year_opening(mention: str, context: str | None) -> str | None:
    """The year phrase ("last year", "2019", "that year") that opens the sentence before
    `mention`, case-folded: the year its year-less dates are in ("Last year, fog delayed 300
    flights on 23 December", "Last year a ban was imposed in April"), else None."""
    text, at = locate(context, mention)
    m = _year_opening().match(text) if at > 0 else None
    return m.group("year") if m and m.end() <= at and ";" not in text[m.end():at] else None


@lru_cache(maxsize=1)
def _dated_month() -> re.Pattern[str]:
    """A month named with a day of it ("December 8", "8th of December"), any case."""
    month = rf"(?<![\w-])(?P<month>{one_of(lexicon().months)})(?![\w-])"
    return re.compile(rf"(?P<before>(?<![\w-]){DAY_SHAPE}\s+(?:of\s+)?)?{month}"
                      rf"(?(before)|\.?\s+{DAY_SHAPE}(?![\w-]))", re.IGNORECASE)


def month_earlier(mention: str, context: str | None) -> str | None:
    """The month (a lexicon key) of the dates named earlier in `context` than `mention`, when
    they name one month only and capitalized ("on the 16th" after "opens on December 8"), else
    None."""
    at = locate(context, mention)[1]
    if at <= 0:
        return None
    text, months = context[:MAX_CONTEXT], lexicon().months
    named = {m.group("month") for m in _dated_month().finditer(text, 0, at)}
    if not named or not all(w[:1].isupper() for w in named):
        return None
    numbers = {months[w.casefold()] for w in named}
    return next(iter(named)).casefold() if len(numbers) == 1 else None


def day_later(mention: str, context: str | None) -> str | None:
    """The day words named after "on" past a place or two right after `mention` in `context`
    (data/context.yaml clock_day `later`: "at 8.10pm AEST at Optus Stadium in Perth on
    Sunday"), or None."""
    text, at = locate(context, mention)
    m = _patterns()[3].match(text, at + len(mention)) if at >= 0 else None
    return m.group("day") if m else None


def day_earlier(mention: str, context: str | None) -> tuple[str, bool] | None:
    """The day words of the one day named earlier in `context` than `mention` after "on"
    (data/context.yaml clock_day `earlier`: "under way on Friday, when they tee off at
    7.35am"), in the possessive or as a holiday ("Friday's game ... starts at 6 p.m.", "the
    Christmas Day broadcast is at 3pm"), and whether it was after "on" (then its own tense
    decides; otherwise the clock time's), or None (none, or two or more)."""
    text, at = locate(context, mention)
    days = [(day, True) if (day := m.group("day") or m.group("clocked")) else (m.group("owner"),
                                                                               False)
            for m in _patterns()[2].finditer(text, 0, at)] if at > 0 else []
    return days[0] if len(days) == 1 else None


_OPEN_BRACKET = re.compile(r"\s*\(\s*$")


def clock_restated(mention: str, context: str | None) -> str | None:
    """The clock time that `mention`, in a parenthesis right after it, restates ("5.15 p.m." of
    "5.15 p.m. (1615 GMT)"), as written: the last one to `restated.words` words before the
    parenthesis (data/context.yaml clock_day), else None."""
    window = _raw()["clock_day"]["restated"]
    at = context.find(mention) if context else -1
    bracket = (_OPEN_BRACKET.search(context, max(0, at - int(window["gap"])), at)
               if context and at > 0 else None)
    if bracket is None:
        return None
    words = context[max(0, bracket.start() - int(window["characters"])):bracket.start()].split()
    for n in range(min(int(window["words"]), len(words)), 0, -1):
        clock = recognize(" ".join(words[-n:]))
        if clock is not None and clock.kind == "time" and clock.get("hour") is not None:
            return " ".join(words[-n:])
    return None


@lru_cache(maxsize=1)
def _range_start() -> re.Pattern[str]:
    """An opener, the start of a range and a link ending a text (data/context.yaml
    `range_end`): "from 1 december until "."""
    raw = _raw()["range_end"]
    return re.compile(rf"(?<![\w-])(?:{one_of(raw['openers'])})\s+"
                      rf"(?P<start>[^\s,;()][^,;()]{{0,{int(raw['span'])}}}?)\s*"
                      rf"(?<![\w-])(?:{one_of(raw['links'])})\s+$")


@lru_cache(maxsize=1)
def _links() -> tuple[str, ...]:
    """The link words of a range (data/context.yaml `range_end: links`)."""
    return tuple(_raw()["range_end"]["links"])


def range_start(mention: str, context: str | None) -> str | None:
    """The start (case-folded words) of the range that `mention` ends in `context` ("1 december"
    of "from 1 December until the end of February"), else None."""
    text, at = locate(context, mention)
    if at <= 0 or not text[at - 1].isspace() or not text[:at].rstrip().endswith(_links()):
        return None  # no link right before the mention: most sentences, found without a search
    span = int(_raw()["range_end"]["span"])
    m = _range_start().search(text, max(0, at - span - 20), at)
    return m.group("start") if m else None


@lru_cache(maxsize=1)
def _day_then_infinitive() -> re.Pattern[str]:
    """A weekday, "to" and a word right after it, then the text up to the mention within the
    clause (data/context.yaml `day_then_infinitive` bounds it)."""
    reach = int(_raw()["day_then_infinitive"]["reach"])
    return re.compile(rf"(?<![\w-])(?P<day>{one_of(lexicon().weekdays)})\s+to\s+[a-z]+(?![\w-])"
                      rf"[^.;:()]{{0,{reach}}}$")


def day_before_infinitive(mention: str, context: str | None) -> str | None:
    """The weekday (case-folded) that the clause of `mention` names before a "to" + verb that
    leads to it ("Sunday" of "beat Senegal on Sunday to set up a quarter-final against France
    on Saturday"): what the infinitive tells follows that day. Else None."""
    text, at = locate(context, mention)
    if at <= 0:
        return None
    m = _day_then_infinitive().search(text, max(0, at - 200), at)
    return m.group("day") if m else None


@lru_cache(maxsize=1)
def _range_end() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(an opener of a range right before the mention, a link and the words after it up to a
    comma), data/context.yaml `range_end`."""
    raw = _raw()["range_end"]
    return (re.compile(rf"(?<![\w-])(?:{one_of(raw['openers'])})\s+$"),
            re.compile(rf"\s*(?<![\w-])(?:{one_of(raw['links'])})\s+"
                       rf"(?P<end>[^\s,;()][^,;()]{{0,{int(raw['span'])}}})"))


def range_end(mention: str, context: str | None) -> str | None:
    """The words (case-folded, up to a comma) after the link of the range that `mention`
    opens ("19 august 2021" of "from 2 August to 19 August 2021"), else None."""
    text, at = locate(context, mention)
    if at <= 0:
        return None
    opener, link = _range_end()
    if opener.search(text, max(0, at - 12), at) is None:
        return None
    m = link.match(text, at + len(mention))
    return m.group("end").strip().rstrip(".!?") if m else None


@lru_cache(maxsize=1)
def _period_named() -> re.Pattern[str]:
    """A half, quarter, month or year named in a sentence ("the first half", "third-quarter",
    "July", "May 2006", "2006"), any case."""
    ph = lexicon().placeholders
    year = r"(?:1[89]|20)\d\d(?![\d,.]\d)"
    of_year = rf"(?:,? (?:of )?{year})?"  # "the third quarter of 2020": the quarter, not 2020
    return re.compile(rf"(?<![\w-])(?:(?:the )?{ph['hord']}[ -]half{of_year}"
                      rf"|(?:the )?{ph['qord']}[ -]quarter{of_year}"
                      rf"|{ph['month']}(?:,? {year}|(?!\.?\s*\d))"
                      # a year alone after a preposition ("in 2006"; not "2000 people")
                      rf"|(?:(?<=in )|(?<=of )|(?<=for )|(?<=during )){year})(?![\w-])",
                      re.IGNORECASE)  # a month before a day number is a day: "ended Sept. 29"


def period_before(mention: str, context: str | None) -> str | None:
    """The last half, quarter, month or year named in `context` before `mention` ("the first half"
    of "passengers in the first half were up on the same period last year"), as written; a
    month counts only capitalized ("may" is no month here)."""
    at = locate(context, mention)[1]
    if at <= 0:
        return None
    found = None
    for m in _period_named().finditer(context[:MAX_CONTEXT], 0, at):
        if not m.group("month") or m.group()[0].isupper():
            found = m.group()
    return found


@lru_cache(maxsize=1)
def _comparison() -> re.Pattern[str]:
    """A word of data/context.yaml `comparison_before`, maybe with a figure of up to three
    words ("from c$4.3 million pounds"), ending a text."""
    return re.compile(rf"(?<![\w-])(?:{one_of(_raw()['comparison_before'])})"
                      r"(?:\s+\S{0,3}\d[\d,.]*(?:\s+[a-z]+){0,3})?,?\s+$")


def compared(mention: str, context: str | None) -> bool:
    """Whether `mention` is what a figure is compared with ("from $4 million| a year earlier",
    "than| a year earlier"): a comparison word, and maybe a figure, right before it."""
    text, at = locate(context, mention)
    return at > 0 and _comparison().search(text, max(0, at - 60), at) is not None


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
    text, at = locate(context, mention)
    return at >= 0 and _period_end().match(text, at + len(mention)) is not None


@lru_cache(maxsize=1)
def _span_before() -> re.Pattern[str]:
    """A `span_before` word ending a text ("over |the next decade")."""
    return re.compile(rf"(?<![\w-])(?:{one_of(_raw()['span_before'])})\s+$")


def spanned(mention: str, context: str | None) -> bool:
    """Whether the definite `mention` ("the next decade") follows a `span_before` word in
    `context` ("over the next decade"): the span, not the calendar unit."""
    text, at = locate(context, mention)
    return (at > 0 and text.startswith("the ", at)
            and _span_before().search(text, max(0, at - 16), at) is not None)


_D = DAY_SHAPE


@lru_cache(maxsize=1)
def _day_list() -> tuple[re.Pattern[str], ...]:
    """(days listed before, their comma-list close after, days listed after, what may follow)."""
    raw = _raw()
    listing, ranging = one_of(raw["day_list"]["list"]), one_of(raw["day_list"]["range"])
    month = rf"(?<![\w-]){lexicon().placeholders['month']}"
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


_POSSESSIVE = re.compile(r"['\u2019]s$")  # "August Wilson's Fences"
_NEXT_WORD = re.compile(r"\s+(?P<word>[^\W\d_][\w'.-]*)")


def _previous_word(text: str, start: int) -> str:
    """The word before the spaces before text[start:], within 40 characters, as written: from
    its first letter ("year" of "3-year"), through letters, digits and _'.-; else "" (no space
    before `start`, or no letter in that run). A backward scan: a regex searched for a word at
    the end of a window tries every start in it."""
    low = max(0, start - 40)
    end = start
    while end > low and text[end - 1].isspace():
        end -= 1
    if end == start:
        return ""
    first = end
    while first > low and ((c := text[first - 1]).isalnum() or c in "_'.-"):
        first -= 1
    for i in range(first, end):
        c = text[i]
        if c.isalnum() and not c.isdecimal():
            return text[i:end]
    return ""


def _wordish(char: str) -> bool:
    """A character that continues a word (a letter, digit, underscore, apostrophe or hyphen)."""
    return char.isalnum() or char in "_'-"


def _starts_word(text: str, start: int) -> bool:
    """Whether a word begins at `start`: nothing that continues a word stands before it, or an
    opening single quote does ("sing 'Day by Day'")."""
    if start == 0 or not _wordish(text[start - 1]):
        return True
    return text[start - 1] == "'" and (start == 1 or not _wordish(text[start - 2]))


def _continued(text: str, end: int) -> bool:
    """Whether the word ending at `end` goes on past it; an apostrophe that no letter follows
    ends it: a plural's possessive ("The Sundays' 1990 single") or a closing single quote
    ("sing 'Day by Day', the song"); so does a possessive 's ("Fredric March's turn")."""
    if end >= len(text) or not _wordish(text[end]):
        return False
    if text[end] in "'\u2019" and text[end + 1:end + 2] in ("s", "S") and (
            end + 2 == len(text) or not _wordish(text[end + 2])):
        return False
    return not (text[end] == "'" and (end + 1 == len(text) or not _wordish(text[end + 1])))


def _spans(word: str, text: str, fold: bool = True) -> Iterator[tuple[int, int]]:
    """(start, end) of every occurrence of `word` in `text` that begins a word, any case when
    `fold` (a plain scan: no regex is compiled per mention)."""
    hay = text.lower() if fold else text
    needle = word.lower() if fold else word
    if not needle or len(hay) != len(text):  # lowering changed the length: match as written
        hay, needle = text, word
    i = hay.find(needle)
    while i >= 0:
        if _starts_word(text, i):
            yield i, i + len(needle)
        i = hay.find(needle, i + 1)


def _find_as_written(mention: str, text: str) -> tuple[int, int] | None:
    """(start, end) of the first occurrence of `mention` in `text` as written, when it is a
    whole word there (a plain scan: names show capitalized), else None."""
    start = text.find(mention)
    end = start + len(mention)
    if start < 0 or not _starts_word(text, start) or _continued(text, end):
        return None
    return start, end


def _find(mention: str, text: str) -> tuple[int, int] | None:
    """(start, end) of the first whole-word occurrence of `mention` in `text`, any case."""
    for start, end in _spans(mention.strip(), text):
        if not _continued(text, end):
            return start, end
    return None


def reads_as_date(how: str, mention: str, context: str | None) -> bool:
    """Whether the sentence shows an ambiguous word alone as the date. how="capitalized": it is
    capitalized after another word ("said in May", not "it may"), and there is a sentence;
    "capitalized-in-context": likewise, but alone it is a date ("sat"; "he sat" is not);
    "after-lead": alone it is a date, in a sentence a lead word of data/context.yaml
    `season_lead` stands right before it ("in the fall", not "could fall") and no "of" without
    a year after it ("the fall of the Berlin Wall")."""
    if not context:
        return how != "capitalized"
    text = context[:MAX_CONTEXT]
    if how.startswith("capitalized"):  # after a word (or , ;) and a space: not opening it
        word = mention.strip().casefold()
        if how == "capitalized-in-context" and word.startswith(_DETERMINED):  # "that
            # August": the name after the mention's own word, written capitalized ("that May"
            # stays unread: "said that May would resign")
            last = len(word.split()[-1])
            return any(text[end - last].isupper() for _, end in _spans(word, text))
        cap = " ".join(w[:1].upper() + w[1:] for w in word.split())  # "Family Day"
        return any(start > 1 and text[start - 1] == " " and (text[start - 2].isalnum()
                                                              or text[start - 2] in "_,;")
                   and (end == len(text) or not (text[end].isalnum() or text[end] == "_"))
                   for start, end in _spans(cap, text, fold=False))
    found = _find(mention, text)
    if found is None:
        return False
    start, end = found
    if _OF_NO_YEAR.match(text, end):
        return False  # "the fall of the Berlin Wall", "the fall of Kabul"; not "of 1989"
    word = _previous_word(text, start).casefold()
    if not word:  # opening the sentence: only as a name ("Spring came early")
        return text[start].isupper() and not text[:start].strip(" \"'(")
    return word in _season_lead() or word.endswith("'s")  # "this year's fall"


_DETERMINED = ("that ", "the same ")  # the leads of rules.yaml anaphoric-name ("that same")
_OF_NO_YEAR = re.compile(r"\s+of\s+(?!(?:the\s+year\s+)?'?\d)")


@lru_cache(maxsize=4)
def _rules_of(check: str) -> frozenset[str]:
    """The rule names a context check applies to (data/context.yaml `<check>: rules`)."""
    return frozenset(_raw()[check]["rules"])


@lru_cache(maxsize=1)
def _season_lead() -> frozenset[str]:
    """The words that show a season word alone is the season (data/context.yaml)."""
    return frozenset(_raw()["season_lead"])


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    """Words that make a capitalized neighbour part of a date, not of a name: the lexicon's."""
    lex = lexicon()
    words = set()
    for table in (lex.months, lex.weekdays, lex.seasons, lex.daywords, lex.prefixes,
                  lex.directions, lex.units, lex.pods):
        words.update(w for key in table for w in key.split())
    return frozenset(words)


def _name_like(word: str) -> bool:
    """A capitalized word as names are written ("Theresa", "McIntosh"), not an acronym ("CPI",
    "U.S.")."""
    return word[:1].isupper() and word[1:].isalpha() and not word[1:].isupper()


def _name_word(word: str | None) -> bool:
    """A word of a name that is no date word ("Theresa", "Island"; not "Last", "Eve")."""
    return bool(word) and _name_like(word) and word.casefold() not in _date_words()


def in_proper_name(rule: str, mention: str, context: str | None) -> bool:
    """Whether the bare name read by `rule` ("May", "Summer") is part of a proper name in the
    sentence ("Prime Minister Theresa May", "correspondent April Ryan"); data/context.yaml
    `proper_name`."""
    if not context or rule not in _rules_of("proper_name"):
        return False
    names = _raw()["proper_name"]
    text = context[:MAX_CONTEXT]
    found = _find(mention, text)
    if found is None or not text[found[0]].isupper():
        return False
    prev = _previous_word(text, found[0]) or None
    if _name_word(prev):
        return True  # "Theresa May", "Donna Summer" (not "Last May", "In June")
    after = _NEXT_WORD.match(text, found[1])  # "April Ryan asked", not "In June Biden met"
    return (after is not None  # a final period ends the sentence: "said spokeswoman April Dunn."
            and _name_word(_POSSESSIVE.sub("", after.group("word").rstrip(".")))
            and (prev is None or prev.casefold() not in _date_words()
                 or prev.casefold() in names["not_date_words"]))


@lru_cache(maxsize=1)
def _named_thing_rules() -> dict[str, str]:
    """Rule name -> how a name shows after it (data/context.yaml `named_thing: rules`)."""
    return dict(_raw()["named_thing"]["rules"])


def in_named_thing(rule: str, mention: str, context: str | None) -> bool:
    """Whether the mention opens the name of a thing in the sentence (data/context.yaml
    `named_thing`): a holiday before a capitalized word that is no date word ("Easter Island",
    "the Good Friday Agreement"), "the" and a weekday before one ("The Sunday Times", "the
    Tuesday Group"), "the" and a month before a linking word and one ("the March of Dimes",
    "the March on Washington"); every time the sentence writes it ("The Friday Times put him on
    its cover on Friday" names a day)."""
    how = _named_thing_rules().get(rule)
    if how is None or not context or not mention[:1].isupper():
        return False
    text = context[:MAX_CONTEXT]
    spans = [(s, e) for s, e in _spans(mention, text, fold=False) if not _continued(text, e)]
    return bool(spans) and all(_opens_named_thing(how, text, s, e) for s, e in spans)


def _opens_named_thing(how: str, text: str, start: int, end: int) -> bool:
    """Whether text[start:end] opens the name of a thing, read `how` (see in_named_thing)."""
    if how != "before-name" and text[max(0, start - 4):start].casefold() != "the ":
        return False
    after = _NEXT_WORD.match(text, end)
    if after is not None and how == "the-link-name":
        if after.group("word").casefold() not in _raw()["named_thing"]["links"]:
            return False
        after = _NEXT_WORD.match(text, after.end())
    if after is None or how == "before-name" and (
            after.group("word").rstrip(".").casefold() in _raw()["named_thing"]["services"]):
        return False  # "Easter Sunday Mass" is held on the day
    return _name_word(after.group("word").rstrip("."))


_NAME_TOKEN = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _known_names() -> dict[str, tuple[str, ...]]:
    """data/names.yaml (names that hold a date word, as news prints them) indexed by each of
    their case-folded tokens but the minor words, so a mention looks up only the names that
    could hold it."""
    raw = load_yaml((DATA / "names.yaml").read_text(encoding="utf-8"))
    index: dict[str, list[str]] = {}
    for kind, names in raw.items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError(f"data/names.yaml {kind}: expected a list of names")
        for name in names:
            for token in set(_NAME_TOKEN.findall(name.casefold())) - _minor_words():
                index.setdefault(token, []).append(name)
    return {token: tuple(dict.fromkeys(names)) for token, names in index.items()}


def _names_in(name: str, text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every occurrence of `name` in `text` as written that stands apart from
    the words around it (a possessive may follow: "Ruby Tuesday's")."""
    for start, end in _spans(name, text, fold=False):
        if end == len(text) or not (text[end].isalnum() or text[end] in "_-"):
            yield start, end


@lru_cache(maxsize=8192)
def names_holding(mention: str) -> tuple[str, ...]:
    """The listed names that hold the mention as written (memoized: mentions recur)."""
    index = _known_names()
    tokens = _NAME_TOKEN.findall(mention.casefold())
    return tuple(n for n in dict.fromkeys(n for t in tokens for n in index.get(t, ()))
                 if mention in n)


def in_known_name(mention: str, context: str | None) -> bool:
    """Whether every occurrence of the mention in the sentence lies inside a name of
    data/names.yaml written there as it is listed ("Sheffield Wednesday were held", "Midnight
    Oil performed", "a Peugeot 2008"); one occurrence outside a name keeps it a date
    ("Sheffield Wednesday play on Wednesday")."""
    names = names_holding(mention.strip()) if context else ()
    if not names:
        return False
    text = context[:MAX_CONTEXT]
    inside = [span for name in names for span in _names_in(name, text)]
    if not inside:
        return False
    spans = list(_spans(mention.strip(), text))
    return bool(spans) and all(any(a <= s and e <= b for a, b in inside) for s, e in spans)


_DIGITS_AFTER = re.compile(r"\s+\d")
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
_WORD_LISTS = ("words", "before", "not_before", "after", "not_after", "after_name",
               "after_past_name", "after_lower_except", "street_after", "suffix", "in_sentence",
               "before_set_off", "head_of_the")
_KNOWN_CONDITIONS = (*_WORD_LISTS, "capitalized", "lower_case", "all_caps", "after_capitalized",
                     "after_capital", "before_name", "before_possessive", "after_given_name",
                     "after_digits", "quoted", "quoted_title", "alone", "after_comma", "aside",
                     "set_off_from_place")
MAX_TITLE_WORDS = 8  # a quoted title longer than this is a quotation


@lru_cache(maxsize=1)
def _not_a_date() -> dict[tuple[str, bool], _Entries]:
    """data/context.yaml `not_a_date` as (rule, mention in lower case) -> the entries to check,
    by word, with the word lists as sets; ("*", False) holds the entries of every rule. Entries
    for every rule or for capitalized mentions are not checked on a mention in lower case."""
    by_rule: dict[str, list[dict]] = {}
    every: list[dict] = []
    spared: dict[str, set[int]] = {}  # rule -> the entries for any rule that pass it over
    for raw in _raw()["not_a_date"]:
        unknown = set(raw) - {*_KNOWN_CONDITIONS, "why", "rules", "not_rules"}
        if unknown:
            raise ValueError(f"data/context.yaml not_a_date: unknown condition {sorted(unknown)}")
        entry = {k: frozenset(str(w).casefold() for w in v) if k in _WORD_LISTS else v
                 for k, v in raw.items() if k not in ("why", "rules", "not_rules")}
        for rule in ["*"] if raw["rules"] == "any" else raw["rules"]:
            (every if rule == "*" else by_rule.setdefault(rule, [])).append(entry)
        for rule in raw.get("not_rules", ()):
            spared.setdefault(rule, set()).add(id(entry))
    table = {("*", False): _by_word(every)}
    for rule in {*by_rule, *spared}:
        entries = by_rule.get(rule, [])
        table[rule, True] = _by_word([e for e in entries if not e.get("capitalized")])
        table[rule, False] = _by_word(
            [*entries, *(e for e in every if id(e) not in spared.get(rule, ()))])
    return table


_Entries = tuple[dict[str, tuple["_Tests", ...]], tuple["_Tests", ...]]


def _by_word(entries: list[dict]) -> _Entries:
    """(mention word -> the tests of the entries listing it, the tests of the entries for any
    word): a mention is checked against its own entries only."""
    by_word: dict[str, list[dict]] = {}
    for entry in entries:
        for word in entry.get("words", ()):
            by_word.setdefault(word, []).append(entry)
    generic: list[dict] = []
    merged: dict[str, set[str]] = {}
    for entry in entries:
        if "words" in entry:
            continue
        if len(entry) == 1 and next(iter(entry)) in ("after", "before"):
            merged.setdefault(next(iter(entry)), set()).update(*entry.values())
        else:
            generic.append(entry)
    # entries that only list the words after (or before) are one entry listing them all
    generic.extend({key: frozenset(words)} for key, words in merged.items())
    return ({w: tuple(_tests_of(e) for e in group) for w, group in by_word.items()},
            tuple(_tests_of(e) for e in generic))


def _around(mention: str, text: str) -> tuple[int, int, str, str] | None:
    """(start, end, the word after and the word before as written, a final period dropped) of
    the first whole-word occurrence of `mention` in `text` (as written, else in any case), else
    None. A leading word that recognition passes over ("their" of "their 90s", "in" of "in
    2015") counts as the word before."""
    found = _find_as_written(mention, text) or _find(mention, text)
    if found is None:
        return None
    start, end = found
    nxt = _NEXT_WORD.match(text, end)
    lead, _, rest = mention.strip().partition(" ")
    passed_over = rest and lexicon().prefixes.get(lead.casefold()) == "prep"
    before = lead if passed_over else _word_before(text, start)
    return start, end, nxt.group("word").rstrip(".") if nxt else "", before


def _word_before(text: str, start: int) -> str:
    """The word right before text[start:] as written (a final period dropped), else ""."""
    return _previous_word(text, start).rstrip(".")


def _street_after(text: str, end: int, streets: frozenset[str]) -> bool:
    """Whether one or two capitalized name words and then a street word follow text[:end]
    ("1600| Pennsylvania Avenue", "2015| Main St.")."""
    for place in range(3):
        word = _NEXT_WORD.match(text, end)
        if word is None or not word.group("word")[:1].isupper():
            return False
        if place and word.group("word").rstrip(".").casefold() in streets:
            return True
        end = word.end()
    return False


def _acronym(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is written in capitals, letters only, in a sentence that is not
    ("known as DEC", "NOW held a rally"; not a headline in capitals)."""
    word = text[start:end]
    return (len(word) > 1 and word.isupper() and not any(c.isdigit() for c in word)
            and any(c.islower() for c in text))


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside quotation marks around a title: at most
    MAX_TITLE_WORDS words in title case ('the remake of "Friday the 13th"', '"Born on the
    Fourth of July,"'), not a quotation ('"We meet on Friday," he said')."""
    quoted = quoted_around(text, start, end)
    words = quoted.split() if quoted else []  # "13th" counts as capitalized: no letter opens it
    return bool(words) and len(words) <= MAX_TITLE_WORDS and _title_case(
        " ".join(w for w in words if not w[:1].isdigit()))


_Around = tuple[int, int, str, str]  # start, end, word after, word before (see _around)


def _quoted_alone(_: object, text: str, around: _Around) -> bool:
    start, end = around[0], around[1]
    return bool(start) and text[start - 1] in _QUOTES and end < len(text) and text[end] in _QUOTES


def _alone(_: object, text: str, around: _Around) -> bool:
    start, end = around[0], around[1]
    return text[end:end + 1] != "." and not any(
        c.isdigit() for c in text[max(0, start - 8):end + 8])


_COMMA_BEFORE = re.compile(r",\s*(?:(?:a|an|the)\s+)?$")
_FROM_PLACE = re.compile(r"\s+from\s+[A-Z]")


def _set_off_from_place(_: object, text: str, around: _Around) -> bool:
    """Whether the mention stands after a comma, in apposition, and "from" and a capitalized
    name follow it ("Emma Ruiz, a 9-year-old from Ohio", "Last year's winner, a 24-year-old
    from Kenya"; not "The frigate, a 30-year-old from the Soviet era")."""
    return bool(_COMMA_BEFORE.search(text, max(0, around[0] - 8), around[0])
                and _FROM_PLACE.match(text, around[1]))


# What opens an aside in speech: a quotation mark opening the sentence or a quote, or "that,"
_ASIDE_BEFORE = re.compile(r"(?:^|[\s,;:(])[\"'\u201c\u2018]\s*$|(?<![\w-])that\s*,\s*$")


def _aside(_: object, text: str, around: _Around) -> bool:
    """Whether the mention is an aside in speech, followed by a comma and opening a quote or
    right after "that," ("'At the end of the day, the people will decide,' he said", "told the
    assembly that, at the end of the day, the Games would pay"; not "At the end of the day, the
    Dow was up 0.5%")."""
    return text[around[1]:around[1] + 1] == "," and bool(
        _ASIDE_BEFORE.search(text, max(0, around[0] - 12), around[0]))


def _suffixed(suffixes: frozenset[str], text: str, around: _Around) -> bool:
    end = around[1]
    return any(text[end:end + len(x)].casefold() == x
               and not text[end + len(x):end + len(x) + 1].isalpha() for x in suffixes)


def _after_given_name(_: object, text: str, around: _Around) -> bool:
    prev = around[3]  # "Joe Friday", "Mohamed Ramadan"
    return prev[:1].isupper() and prev.casefold() in _given_names()


_WORD_BEFORE_COMMA = re.compile(r"([^\W\d_][\w'-]*),\s*$")


def _after_comma(text: str, start: int) -> bool:
    """Whether a comma right before text[start:] follows a lower-case word that is no date word
    ("A police spokesman, |Sunday Ogbonna"; not "on Saturday, |Sunday Putin flew home")."""
    m = _WORD_BEFORE_COMMA.search(text, max(0, start - 40), start)
    return (m is not None and text[m.end(1)] == "," and m.group(1).islower()
            and m.group(1) not in _date_words())


def _before_set_off(words: frozenset[str], text: str, around: _Around) -> bool:
    """Whether the word right before the mention is one of `words`, or the word before the
    commas that set it off ("his granddaughter, June, now runs")."""
    if around[3].casefold() in words:
        return True
    if text[around[1]:around[1] + 1] != ",":
        return False
    m = _WORD_BEFORE_COMMA.search(text, max(0, around[0] - 40), around[0])
    return m is not None and m.group(1).casefold() in words


_HEAD_OF_THE = re.compile(r"([^\W\d_]+) of the $")


def _head_of_the(words: frozenset[str], text: str, around: _Around) -> bool:
    """Whether the mention follows "<Head> of the", the head capitalized and one of `words`
    ("the Church of the Epiphany")."""
    m = _HEAD_OF_THE.search(text, max(0, around[0] - 40), around[0])
    return m is not None and m.group(1)[:1].isupper() and m.group(1).casefold() in words


def _after_past_name(words: frozenset[str], text: str, around: _Around) -> bool:
    """Whether one of `words` follows, maybe after one capitalized word ("a 32-year-old Couva
    man", "a 50-year-old British woman")."""
    after = around[2]
    if after.casefold() in words:
        return True
    first = _NEXT_WORD.match(text, around[1]) if after[:1].isupper() else None
    second = _NEXT_WORD.match(text, first.end()) if first else None
    return second is not None and second.group("word").rstrip(".").casefold() in words


def _before_name(_: object, text: str, around: _Around) -> bool:
    prev = around[3]  # "Audi Q3", not "Apple's Q3"
    return (prev[:1].isupper() and not _POSSESSIVE.search(prev)
            and prev.casefold() not in _date_words())


def _before_possessive(_: object, text: str, around: _Around) -> bool:
    prev = around[3]  # "Netflix's Wednesday", not "Pakistan's Independence Day"
    return (prev[:1].isupper() and bool(_POSSESSIVE.search(prev))
            and not is_place(_POSSESSIVE.sub("", prev)))


# The neighbour conditions of a `not_a_date` entry: (condition, test(value, text, around)), in
# the order they are tried, cheap ones first; a flag (value True) is tested only when set.
_CONDITIONS: tuple[tuple[str, Callable[[Any, str, _Around], bool]], ...] = (
    ("after", lambda words, text, a: a[2].casefold() in words),
    ("not_after", lambda words, text, a: a[2].casefold() not in words),
    ("after_name", lambda words, text, a: a[2][:1].isupper() and a[2].casefold() in words),
    ("after_past_name", _after_past_name),
    ("after_capitalized", lambda _, text, a: _name_word(a[2])),
    ("after_capital", lambda _, text, a: a[2][:1].isupper()
     and a[2].casefold() not in _date_words()),
    ("after_lower_except", lambda words, text, a: a[2].isalpha() and a[2].islower()
     and a[2].casefold() not in words),
    ("after_digits", lambda _, text, a: bool(_DIGITS_AFTER.match(text, a[1]))),
    ("quoted", _quoted_alone),
    ("lower_case", lambda _, text, a: text[a[0]:a[1]].islower()),
    ("all_caps", lambda _, text, a: _acronym(text, a[0], a[1])),
    ("quoted_title", lambda _, text, a: _in_quoted_title(text, a[0], a[1])),
    ("alone", _alone),
    ("aside", _aside),
    ("set_off_from_place", _set_off_from_place),
    ("suffix", _suffixed),
    ("street_after", lambda streets, text, a: _street_after(text, a[1], streets)),
    ("in_sentence", lambda words, text, a: not words.isdisjoint(
        _WORD_IN_MENTION.findall(text.casefold()))),
    ("before", lambda words, text, a: a[3].casefold() in words),
    ("after_comma", lambda _, text, a: _after_comma(text, a[0])),
    ("before_set_off", _before_set_off),
    ("after_given_name", _after_given_name),
    ("not_before", lambda words, text, a: a[3].casefold() not in words),
    ("before_name", _before_name),
    ("before_possessive", _before_possessive),
    ("head_of_the", _head_of_the),
)
_Tests = tuple[tuple[Callable[[Any, str, _Around], bool], Any], ...]


def _tests_of(entry: dict) -> _Tests:
    """The tests of an entry's conditions, with their values (flags that are not set and the
    mention's own `words` and `capitalized`, settled before, left out)."""
    return tuple((test, entry[name]) for name, test in _CONDITIONS
                 if name in entry and (name in _WORD_LISTS or entry[name]))


def _holds(tests: _Tests, text: str, around: _Around) -> bool:
    """Whether every neighbour condition of a `not_a_date` entry holds around the mention."""
    for test, value in tests:
        if not test(value, text, around):
            return False
    return True


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Common given names (the entity resolver's language resource), folded."""
    from normalize.entities.lexicon import given_names  # noqa: PLC0415 - loaded on first use

    return given_names()


def not_a_date(rule: str, mention: str, context: str | None) -> bool:
    """Whether the sentence shows the mention to be something else than a date: a measure,
    a telephone number, a company, a title, a place, an adjective, a fraction (data/context.yaml
    `not_a_date`; "the 1500 metres", "Ruby Tuesday Inc.", "Thursday Island", "minute traces")."""
    if not context:
        return False
    table = _not_a_date()
    lower = mention[:1].islower()
    by_word, generic = table.get((rule, lower), _NO_ENTRIES if lower else table["*", False])
    entries = by_word.get(mention.strip().casefold(), ())
    if not entries and not generic:
        return False
    text = context[:MAX_CONTEXT]
    around = _around(mention, text)
    return around is not None and any(_holds(e, text, around) for e in (*entries, *generic))


_NO_ENTRIES: _Entries = ({}, ())


def in_compound(rule: str, mention: str, context: str | None) -> bool:
    """Whether the bare unit read by `rule` is joined by a hyphen to the word after it in the
    sentence ("second" of "second-largest"); data/context.yaml `compound`."""
    if not context or rule not in _rules_of("compound"):
        return False
    text = context[:MAX_CONTEXT]
    joined = any(text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha()
                 for _, end in _spans(mention.strip(), text))
    return joined and _find(mention, text) is None


_WORD_IN_MENTION = re.compile(r"[^\W\d_]+")
_OPENERS = " \t\"'`([\u201c\u2018"  # may stand between a sentence break and its first word


@lru_cache(maxsize=1)
def _capitalized_date_words() -> frozenset[str]:
    """Date words English writes in lower case, written capitalized: the words of the
    lexicon's units (and their plurals), parts of day, seasons, day words, refs and sets, and
    data/context.yaml `in_title: words` ("Day", "Week", "Morning", "Today", "Daily")."""
    lex = lexicon()
    words = set(_raw()["in_title"]["words"])
    for table in (lex.units, lex.pods, lex.seasons, lex.daywords, lex.refs, lex.sets):
        words.update(w for key in table for w in key.split())
    words.update(f"{unit}s" for unit in lex.units)
    return frozenset(w.capitalize() for w in words - _minor_words() if w.isalpha())


@lru_cache(maxsize=8192)
def capitalized_date_words(mention: str) -> tuple[int, ...]:
    """Where the mention has a date word English writes in lower case written capitalized
    ("Day" of "Jason Day"): memoized, as the same mentions recur."""
    capitalized = _capitalized_date_words()
    return tuple(m.start() for m in _WORD_IN_MENTION.finditer(mention)
                 if m.group() in capitalized)


def _names_holiday(spec: Spec) -> bool:
    """Whether a holiday is part of the spec ("Labor Day", "Christmas Eve at 6 p.m.", "the New
    Year")."""
    f = spec.fields
    if f.get("holiday") or f.get("next_from") or spec.rule == "set-holiday":  # "every Christmas"
        return True
    return any(
        isinstance(f.get(k), Spec) and _names_holiday(f[k]) for k in ("date", "base"))


@lru_cache(maxsize=1)
def _minor_words() -> frozenset[str]:
    """Words a headline in title case leaves in lower case (data/context.yaml)."""
    return frozenset(_raw()["in_title"]["minor_words"])


def _title_case(text: str) -> bool:
    """A headline in title case: no word but the minor ones ("the", "of") in lower case."""
    minor = _minor_words()
    return not any(w.islower() and w not in minor for w in _WORD_IN_MENTION.findall(text))


def in_title(spec: Spec, mention: str, context: str | None) -> bool:
    """Whether the mention is part of a name or title because a date word of it that English
    writes in lower case is capitalized inside the sentence: "Jason Day", "London Fashion
    Week", "The Daily Telegraph", "Arab Spring", "Saturday Night Live", "the Today show"
    (holidays are skipped: "Labor Day"; so is a headline in title case); data/context.yaml
    `in_title`."""
    if not context or mention.islower():
        return False
    words = capitalized_date_words(mention)
    if not words or _names_holiday(spec):
        return False
    text = context[:MAX_CONTEXT]
    found = next(_spans(mention.strip(), text), None)  # "Tomorrow" of "Tomorrow's World"
    if found is None:
        return False
    if _title_case(text):
        return False
    start = found[0] + mention.find(mention.strip())
    for at in words:
        before = text[:start + at].rstrip(_OPENERS)
        if before and before[-1] not in _raw()["in_title"]["sentence_breaks"]:
            return True
    return False
