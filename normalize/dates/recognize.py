"""First pass: a mention -> an underspecified value (a Spec), with no anchor and no tense.

The rules and word tables are data (data/rules.yaml, data/lexicon.yaml, data/phrases.yaml);
this module compiles them once and reads the named groups of the first rule that matches the
whole folded mention. `recognize` is a pure function of the folded text, so it is memoized.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from normalize.dates.prefixes import first_words, leading_words
from normalize.text import fold_key
from normalize.yamldata import load_yaml

DATA = Path(__file__).resolve().parent / "data"
MAX_MENTION = 120  # characters; longer strings are not temporal mentions (and must stay fast)


@dataclass(frozen=True)
class Spec:
    """An underspecified temporal value: what the words say, before anchoring.

    kind: "cal" (calendar fields, year may be missing), "rel" (unit + offset from the anchor),
    "fixed" (a complete value: durations, sets, refs), "time" (clock time / part of day + date).
    """

    kind: str
    rule: str
    fields: dict[str, Any] = field(default_factory=dict)
    mod: str | None = None

    def get(self, key: str, default: Any = None) -> Any:
        """Field accessor with a default."""
        return self.fields.get(key, default)

    def with_(self, **changes: Any) -> Spec:
        """A copy with some fields changed (Specs are shared by the cache: never mutate)."""
        fields = dict(self.fields)
        mod = changes.pop("mod", self.mod)
        rule = changes.pop("rule", self.rule)
        fields.update(changes)
        return Spec(self.kind, rule, fields, mod)


def _load(name: str) -> Any:
    return load_yaml((DATA / name).read_text(encoding="utf-8"))


def one_of(words: Any) -> str:
    """Regex alternation of literal words, longest first (so "sept" wins over "sep")."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def trie_of(words: Any) -> str:
    """The same set of words as `one_of`, as a prefix tree ("eid (?:al-(?:adha|fitr)|...)"): the
    hundreds of holiday names then compile and match in a fraction of the time."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return f"(?:{'|'.join(branches)}){'?' if '' in node else ''}"

    return build(root)


class Lexicon:
    """The word tables, loaded once, and the regex placeholders built from them."""

    def __init__(self) -> None:
        lex = _load("lexicon.yaml")
        phrases = _load("phrases.yaml")
        self.months: dict[str, int] = lex["months"]
        self.ambiguous_months = set(lex["ambiguous_months"])
        self.ambiguous_holidays = set(lex["ambiguous_holidays"])
        self.ambiguous_in_context = set(lex["ambiguous_in_context"])
        self.ambiguous_seasons = set(lex["ambiguous_seasons"])
        self.weekdays: dict[str, int] = lex["weekdays"]
        self.seasons: dict[str, str] = lex["seasons"]
        self.pods: dict[str, str] = lex["parts_of_day"]
        self.parts_of_day_with_day: tuple[str, ...] = tuple(lex["parts_of_day_with_day"])
        pods_with_day = one_of(lex["parts_of_day_with_day"])
        self.pod_last_re = re.compile(rf"^(?P<rest>.+?)(?:'s)? (?P<pod>{pods_with_day})$")
        self.pod_first_re = re.compile(
            rf"^(?:(?P<mod>early|late|mid)[ -]?)?(?P<pod>{pods_with_day}),? (?:of |on )?"
            r"(?P<rest>.+)$")
        self.units: dict[str, str] = lex["units"]
        self.plurals: dict[str, str] = {}
        for unit in self.units:
            self.plurals[lex["unit_plurals"].get(unit, unit + "s")] = unit
        self.numbers: dict[str, int] = lex["numbers"]
        self.multipliers: dict[str, int] = lex["multipliers"]
        self.ranges: dict[str, list[str]] = lex["ranges"]
        self.vague = lex["vague_amounts"]
        self.ordinals: dict[str, int] = lex["ordinals"]
        self.directions: dict[str, int] = lex["directions"]
        self.anaphoric_directions = frozenset(lex["anaphoric_directions"])
        self.anaphoric_shifts = frozenset(lex["anaphoric_shifts"])
        self.past_prepositions = frozenset(lex["past_prepositions"])
        self.decade_words: dict[str, int] = lex["decade_words"]
        self.timezones = lex["timezones"]
        self.timezone_words = lex["timezone_words"]
        self.prepositions = lex["prepositions"]
        self.holidays: dict[str, dict] = lex["holidays"]
        self.daywords: dict[str, int] = lex["daywords"]
        self.year_directions: dict[str, int] = lex["year_directions"]
        self.duration_directions = lex["duration_directions"]
        self.shifts: dict[str, int] = lex["shifts"]
        self.frequencies = lex["frequencies"]
        self.halves: dict[str, int] = lex["halves"]
        self.nth_last: list[str] = lex["nth_last"]
        self.clock_relations: dict[str, int] = lex["clock_relations"]
        self.clock_fractions: dict[str, int] = lex["clock_fractions"]
        self.roman_days: dict[str, dict[str, int]] = lex["roman_days"]
        self.roman_long_months = frozenset(lex["roman_long_months"])
        fraction = lex["quarter_as_fraction"]
        not_after = "".join(rf"(?<!\b{re.escape(w)}[\s-])" for w in fraction["before"])
        words = [w for w in lex["quarter_context"] if w != "quarter"]
        self.quarter_context = re.compile(  # "quarter" itself only where it is no fraction
            rf"\b(?:{not_after}quarter(?![\s-](?:{one_of(fraction['after'])})\b)"
            rf"|{one_of(words)})\b", re.I)
        self.refs = {p: v for v, ps in phrases["refs"].items() for p in ps}
        self.sets = {p: v for v, ps in phrases["sets"].items() for p in ps}
        self.mods = {p: v for v, ps in phrases["mods"].items() for p in ps}
        self.midnight_opens_day_after = frozenset(phrases["midnight_opens_day_after"])

        day_ords = [w for w, n in self.ordinals.items() if 1 <= n <= 31]
        num_words = [*self.numbers, *self.multipliers, "half"]
        num_word = f"(?:{one_of(num_words)})"
        number = (
            rf"\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?: \d/\d)?|\d/\d"
            rf"|{num_word}(?:[ -](?:and )?{num_word}){{0,4}}"
        )
        hour_words = [w for w, n in self.numbers.items() if 1 <= n <= 12 and w not in ("a", "an")]
        # Minutes in words: "oh five", "ten", "thirty", "fifty-nine" (a number 1..59).
        digit_words = one_of(w for w, n in self.numbers.items() if 1 <= n <= 9 and len(w) > 2)
        teen_words = one_of(w for w, n in self.numbers.items() if 10 <= n <= 19 and w != "dozen")
        tens_words = one_of(w for w, n in self.numbers.items() if n in (20, 30, 40, 50))
        minute_words = (rf"(?:oh|o) (?:{digit_words})|{teen_words}"
                        rf"|(?:{tens_words})(?:[ -](?:{digit_words}))?")
        small_ords = [w for w, n in self.ordinals.items() if 1 <= n <= 5]
        unit_sing = one_of(self.units)
        unit_plur = one_of(self.plurals)
        self.placeholders: dict[str, str] = {
            "zone": rf"\(?(?:{one_of(self.timezones)})\)?",
            "month": rf"(?P<month>{one_of(self.months)})\.?",
            "weekday": rf"(?P<weekday>{one_of(self.weekdays)})\.?",
            "weekdays": rf"(?P<weekday>{one_of(w for w in self.weekdays if len(w) > 4)})s",
            "season": rf"(?P<season>{one_of(self.seasons)})",
            "pod": rf"(?P<pod>{one_of(self.pods)})",
            "holiday": rf"(?P<holiday>{trie_of(self.holidays)})",
            "dir": rf"(?P<dir>{one_of(self.directions)})",
            "wdir": rf"(?P<wdir>{one_of(self.directions)})",
            "mdir": rf"(?P<mdir>{one_of(self.directions)})",
            "nth": rf"(?P<nth>{one_of(w for w, n in self.ordinals.items() if 1 <= n <= 5)}"
            rf"|{one_of(self.nth_last)})",
            "ydir": rf"(?P<ydir>{one_of(self.year_directions)})",
            "ddir": rf"(?P<ddir>{one_of(self.duration_directions)})",
            "unit": rf"(?P<unit>{unit_sing})\.?",
            "units": rf"(?P<unit>{unit_plur}|{unit_sing})\.?",
            "unitp": rf"(?P<unit>{unit_plur})",
            "unitp2": rf"(?P<unit2>{unit_plur})",
            "units2": rf"(?P<unit2>{unit_plur}|{unit_sing})",
            "num": rf"(?P<num>{number})",
            "num2": rf"(?P<num2>{number})",
            "vague": rf"(?P<vague>{one_of(self.vague)})",
            "vague2": rf"(?P<vague2>{one_of(self.vague)})",
            "qord": r"(?P<quarter>[1-4](?:st|nd|rd|th)|first|second|third|fourth|final)",
            "hord": rf"(?P<half>{one_of(self.halves)})",
            "day": rf"(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|{one_of(day_ords)})",
            "year": r"(?P<year>[1-9]\d{3})",  # no year of news is written 0630
            "yy": r"(?P<yy>\d{2})",
            "yearwords": rf"(?P<yearwords>(?:nineteen|eighteen|seventeen|twenty|two thousand)"
            rf"(?:[ -](?:and |oh )?{num_word}){{0,3}})",
            "decade": r"(?P<decade>\d{3})",
            "decword": rf"(?P<decword>{one_of(self.decade_words)})",
            "cord": rf"(?P<cent>\d{{1,2}}(?:st|nd|rd|th)|{one_of(day_ords)})",
            "dayword": rf"(?P<dayword>{one_of(self.daywords)})",
            "shift": rf"(?P<shift>{one_of(self.shifts)})",
            "freq": rf"(?P<freq>{one_of(self.frequencies)}|(?:\d+|{num_word}) times)",
            "hour": rf"(?P<hour>[01]?\d|2[0-4]|{one_of(hour_words)})",
            "ampm": r"(?P<ampm>[ap])\.? ?m\b\.?",
            "minwords": rf"(?P<minwords>{minute_words})",
            "dayordword": rf"(?:{one_of(day_ords)})",
            "wn": rf"(?P<wn>{one_of(small_ords)}|[1-5](?:st|nd|rd|th))",
        }
        # the day that bounds a week ("the week ending Friday", "the week beginning 11 January")
        self.week_starts = frozenset(lex["week_starts"])
        self.placeholders["weekbound"] = (
            rf"(?P<wbound>{one_of([*lex['week_ends'], *lex['week_starts']])})")
        # the clock of a set ("every Thursday at 8pm", "Sundays at noon")
        self.placeholders["setclock"] = (
            rf"(?:{self.placeholders['hour']}(?:[:.](?P<minute>[0-5]\d))? ?"
            rf"{self.placeholders['ampm']}|(?P<clockword>noon|midday))")
        # A holiday's day in another country is a rule of its own, "<name>@<country>" (not
        # matched in text: the sentence's country picks it, after recognition).
        self.holidays_by_country: dict[str, dict[str, str]] = {}
        self.holiday_variants: dict[str, dict] = {}
        for name, variants in lex["holidays_by_country"].items():
            if name not in self.holidays:
                raise ValueError(f"data/lexicon.yaml holidays_by_country: {name!r} is no holiday")
            for code, rule in variants.items():
                self.holiday_variants[f"{name}@{code}"] = rule
            self.holidays_by_country[name] = {code: f"{name}@{code}" for code in variants}
        church = lex["church_holidays"]
        self.church_holidays = frozenset(church["holidays"])
        self.orthodox_words = frozenset(church["orthodox_words"])
        self.western_church_words = frozenset(church["western_words"])
        rule_data = _load("rules.yaml")
        self.rules = [self._compile(rule) for rule in rule_data["rules"]]
        # Clock readings valid only with a day or part of day attached: one alternation.
        self.loose_rules = [self._compile(rule) for rule in rule_data["loose_clocks"]]
        loose_parts, self.loose_groups = _renamed(self.loose_rules)
        self.loose_re = re.compile("|".join(loose_parts))
        self.clock_offset_re = re.compile(
            rf"^(?P<mins>{one_of(self.clock_fractions)}|\d{{1,2}}|{num_word}(?:[ -]{num_word})?)"
            rf"(?: minutes?)? (?P<rel>{one_of(self.clock_relations)}) (?P<clock>.+)$"
        )
        # "the day before last Tuesday", "two weeks after June 5": days counted from a day;
        # "fifty years ago today": from the anchor's day ("... this month": its month);
        # "a week ago Friday": from the last Friday.
        ph = self.placeholders
        self.day_shift_re = re.compile(
            rf"^(?:the )?(?:{ph['num']}[ -])?{ph['units']} (?:(?P<after>after|following|from)"
            rf"|(?P<before>before|preceding|prior to)"
            rf"|ago(?= (?:today|this (?:week|month|year)|{ph['weekday']})$))"
            r" (?P<rest>.+)$"
        )
        # "this time last year", "this day next week": the anchor's day moved by one unit;
        # "this day in 1969": the anchor's day in that year (an anniversary)
        self.same_day_re = re.compile(
            r"^(?:(?:this|the same) (?:time|day|date|point) (?P<dir>last|next)"
            r" (?P<unit>week|month|year)|this (?:day|date) in (?P<year>\d{4}))$"
        )
        self.yearwords_re = re.compile(
            r"\b(?:nineteen|eighteen|seventeen|two thousand)(?:[ -](?:and |oh )?"
            rf"{num_word}){{1,3}}\b"
        )
        # Each mention is tried only against the rules whose matches can begin with its first
        # two words (prefixes.py; one word when two make too many): a handful of patterns,
        # found through an index from leading words to rule numbers.
        self._by_words: tuple[dict[str, set[int]], dict[str, set[int]]] = ({}, {})
        self._any_words: set[int] = set()
        for i, (_, pattern, _, _) in enumerate(self.rules):
            n, words = _leading_words(pattern.pattern)
            if words is None:
                self._any_words.add(i)
            for word in words or ():
                self._by_words[n - 1].setdefault(word, set()).add(i)
        self._by_heads: dict[tuple[str, str], tuple[tuple[str, re.Pattern[str], str, dict], ...]]
        self._by_heads = {}

        tz = one_of(self.timezones)
        zone_words = one_of(self.timezone_words)
        # "3:30 p.m. Sunday, Washington time", "on Monday evening, Eastern time"
        ends = (r"[ap]\.m\.", r"[ap]\.m", r"\b[ap]m", r"\d[ap]m", r":\d\d", "noon", "day",
                *map(re.escape, lex["parts_of_day_with_day"]))
        clock_end = "(?:" + "|".join(rf"(?<={end})" for end in ends) + ")"  # a clock time before
        # "1.45pm Frankfurt time", "4pm UK time" (not "midnight Monday local time", nor "p.m."
        # in "3:30 p.m. Eastern time")
        day_words = one_of({*self.pods, *self.weekdays, *lex["daywords"]})
        place_time = rf"(?!(?:{day_words}|[ap]\.?m\.?) )(?:[a-z][\w.'-]* ){{1,2}}time"
        # a clock restated in brackets in another zone: "8 p.m. (1900 GMT)", "(7pm GMT)"
        self.restated_re = re.compile(
            rf"\s*\(\s*\d{{1,2}}(?:[:.]?\d\d)?\s*(?:[ap]\.?m\.?)?\s+(?:{tz}|{zone_words})\s*(?:\)|$)")
        self.tz_re = re.compile(  # (after four digits alone a zone makes them a clock time)
            rf"(?=[ ,])(?<!^\d{{4}})(?:,? \(?(?:{tz})\)?"
            rf"|{clock_end},? (?:\(?(?:{zone_words})\)?|{place_time}))"
            rf"(?=$|[ ,])")  # (a zone follows a space or comma: tried there only)
        # Leading words that are stripped before the rules are retried: kind "prep", "the" or
        # "mod" (one alternation, longest first, so "at least" wins over "at").
        self.prefixes: dict[str, str] = {p: "prep" for p in self.prepositions}
        self.prefixes["the"] = "the"
        self.prefixes.update({p: "mod" for p in self.mods})
        self.prefix_re = re.compile(rf"^(?P<prefix>{one_of(self.prefixes)})(?:[ -]|(?<=-))")
        self.suffix_mods: dict[str, str] = {
            p: v for v, ps in phrases["suffix_mods"].items() for p in ps
        }
        self.suffix_mod_re = re.compile(
            rf"^(?P<rest>.+?)(?:,? |-)(?P<mod>{one_of(self.suffix_mods)})$")

    def holiday_rule(self, name: str) -> dict:
        """The rule of a holiday named in text, or of its variant "<name>@<country>"."""
        rule = self.holidays.get(name)
        return rule if rule is not None else self.holiday_variants[name]

    def rules_for(self, key: str) -> tuple[tuple[str, re.Pattern[str], str, dict], ...]:
        """The rules, in order, whose matches can begin with the first words of `key`."""
        heads = leading_words(key)
        found = self._by_heads.get(heads)
        if found is None:
            if len(self._by_heads) >= 8192:  # arbitrary text must not grow it without bound
                self._by_heads.clear()
            one, two = self._by_words
            numbers = one.get(heads[0], set()) | two.get(heads[1], set()) | self._any_words
            found = self._by_heads[heads] = tuple(self.rules[i] for i in sorted(numbers))
        return found

    def clear_memos(self) -> None:
        """Forget which rules each pair of leading words selects (the tables stay loaded)."""
        self._by_heads.clear()

    def _compile(self, rule: dict) -> tuple[str, re.Pattern[str], str, dict]:
        def expand(m: re.Match[str]) -> str:
            return self.placeholders.get(m.group(1), m.group())

        pattern = re.sub(r"\{(\w+)\}", expand, rule["pattern"])
        extra = {k: v for k, v in rule.items() if k not in ("name", "kind", "pattern")}
        return rule["name"], re.compile(pattern), rule["kind"], extra


def _leading_words(pattern: str) -> tuple[int, frozenset[str] | None]:
    """(n, the first n words a match of `pattern` can begin with), n = 2 when that analysis
    stays small, else 1; None words: any."""
    words = first_words(pattern, 2)
    return (2, words) if words is not None else (1, first_words(pattern, 1))


def _renamed(rules: list[tuple[str, re.Pattern[str], str, dict]]
             ) -> tuple[list[str], list[list[tuple[str, str]]]]:
    """Each rule's pattern wrapped in a group R<i>, its groups renamed g<i>_<name> (unique in
    one alternation), and per rule the (renamed, original) group names."""
    parts, groups = [], []
    for i, (_, pattern, _, _) in enumerate(rules):
        inner = re.sub(r"\(\?P<(\w+)>", rf"(?P<g{i}_\1>", pattern.pattern)
        parts.append(f"(?P<R{i}>{inner})")
        groups.append([(f"g{i}_{n}", n) for n in pattern.groupindex])
    return parts, groups


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The compiled tables (built on first use, then shared)."""
    return Lexicon()


# ------------------------------------------------------------------ group readers


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_DECIMAL = re.compile(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?")
_FRACTION = re.compile(r"(\d)/(\d)")
_NUMBER_WORD_SEP = re.compile(r"[ -]+")


def parse_number(text: str | None) -> float | None:
    """Number words or digits -> a number ("twenty four" 24, "2 1/2" 2.5, "a" 1), else None."""
    if text is None:
        return None
    lex = lexicon()
    text = text.strip()
    if text in lex.numbers:  # the common case first: one number word
        return float(lex.numbers[text])
    if _THOUSANDS.fullmatch(text):
        return float(text.replace(",", ""))
    m = _DECIMAL.fullmatch(text)
    if m:
        value = float(m.group(1))
        if m.group(2):
            value += int(m.group(2)) / max(int(m.group(3)), 1)
        return value
    m = _FRACTION.fullmatch(text)
    if m:
        return int(m.group(1)) / max(int(m.group(2)), 1)
    if text in ("half", "half a", "half an"):
        return 0.5
    total, current = 0.0, 0.0
    for word in _NUMBER_WORD_SEP.split(text):
        if word in ("a", "an") or (word == "and" and total + current > 0):
            continue  # "a hundred": the multiplier alone counts one of it
        if word in lex.numbers:
            current += lex.numbers[word]
        elif word in lex.multipliers:
            current = max(current, 1) * lex.multipliers[word]
            if lex.multipliers[word] >= 1000:
                total, current = total + current, 0.0
        elif word == "half":
            current += 0.5
        else:
            return None
    return total + current


def parse_ordinal(text: str | None) -> int | None:
    """ "3rd" / "third" / "3" -> 3."""
    if text is None:
        return None
    m = re.match(r"\d+", text)
    if m:
        return int(m.group())
    return lexicon().ordinals.get(text)


def parse_year_words(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    words = [w for w in re.split(r"[ -]+", text) if w not in ("and",)]
    if words[:2] == ["two", "thousand"]:
        rest = parse_number(" ".join(words[2:])) if words[2:] else 0
        return 2000 + int(rest) if rest is not None and rest < 100 else None
    nums = lexicon().numbers
    head = nums.get(words[0])
    if head is None or not 10 <= head <= 29:
        return None
    tail = words[1:]
    if tail == ["hundred"]:
        return head * 100
    if tail and tail[0] == "oh" and len(tail) == 2 and tail[1] in nums:
        return head * 100 + nums[tail[1]]
    low = parse_number(" ".join(tail)) if tail else None
    if low is None or not 10 <= low < 100 or low != int(low):
        return None
    return head * 100 + int(low)


def _amount(value: float | None) -> str | None:
    if value is None:
        return None
    return str(int(value)) if value == int(value) else f"{value:g}"


# Units that convert exactly to a smaller one, for fractional amounts (P2.5Y -> P2Y6M).
_SMALLER = {"Y": ("M", 12), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}
# A fraction of a decade or century is written in years ("half a century" P50Y, not P0.5CE).
_IN_YEARS = {"DE": 10, "CE": 100}


def _format_duration(parts: list[tuple[str, str]]) -> str:
    """("2", "Y"), ("6", "M") -> P2Y6M; time units (codes starting with T) go after the T."""
    date = "".join(n + u for n, u in parts if not u.startswith("T"))
    time = "".join(n + u[1:] for n, u in parts if u.startswith("T"))
    return "P" + date + ("T" + time if time else "")


def duration_value(amount: float | None, unit: str) -> str | None:
    """TIMEX3 duration for an amount of a unit code ("TH" is hours); None amount -> X."""
    if unit.startswith("2"):  # fortnight
        unit, amount = unit[1:], None if amount is None else amount * 2
    if amount is None:
        return _format_duration([("X", unit)])
    whole = int(amount)
    frac = amount - whole
    if frac and unit in _IN_YEARS and (amount * _IN_YEARS[unit]).is_integer():
        return _format_duration([(str(int(amount * _IN_YEARS[unit])), "Y")])
    if frac and unit in _SMALLER:
        small, factor = _SMALLER[unit]
        rest = frac * factor
        if abs(rest - round(rest)) < 1e-9:
            parts = [(str(whole), unit)] if whole else []
            return _format_duration([*parts, (str(int(round(rest))), small)])
    return _format_duration([(_amount(amount) or "X", unit)])


# ------------------------------------------------------------------ builders per kind


_UNIT_NAMES = {
    "Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "DE": "decade",
    "CE": "century", "WE": "weekend", "2W": "fortnight", "ML": "millennium",
}
_YEARS_IN = {_UNIT_NAMES[code]: years for code, years in _IN_YEARS.items()}  # by unit name


def _unit_name(code: str | None) -> str | None:
    return _UNIT_NAMES.get(code or "")


def _unit_code(g: dict[str, str | None]) -> str | None:
    lex = lexicon()
    word = g.get("unit")
    if word is None:
        return None
    word = lex.plurals.get(word, word)
    return lex.units.get(word)


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February: leap years below


def impossible(year: int | None, month: int | None, day: int | None) -> str | None:
    """Why these calendar fields name no day ("June has 30 days"), or None when they can."""
    if month is not None and not 1 <= month <= 12:
        return f"there is no month {month}"
    if day is None:
        return None
    if month is None:
        return None if 1 <= day <= 31 else f"no month has a day {day}"
    last = _MONTH_DAYS[month - 1]
    if month == 2 and year is not None and not calendar.isleap(year):
        last = 28
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        where = f"{name} {year}" if month == 2 and year is not None else name
        return f"{where} has {last} days, not {day}"
    return None


def _holiday_relation(f: dict[str, Any], g: dict[str, Any]) -> bool:
    """Fields for a day counted from a holiday ("three days after Easter", "the eve of Yom
    Kippur", "the third Tuesday after Christmas": hsign, hshift) or for the holiday of the year
    an offset from the anchor lands in ("Thanksgiving in 9 months": hin); False if the amount
    is not a whole number of days, weeks, months or years."""
    if g.get("hafter") or g.get("hwafter"):
        f["hsign"] = 1
    elif g.get("hbefore") or g.get("hwbefore") or g.get("heve") or g.get("heve2"):
        f["hsign"] = -1  # the eve: the day before
    if g.get("unit"):
        amount = parse_number(g["num"]) if g.get("num") else 1
        unit = _unit_name(_unit_code(g))
        if amount is None or amount != int(amount) or unit not in ("day", "week", "month", "year"):
            return False
        if g.get("hin") or g.get("shift"):
            sign = lexicon().shifts[g["shift"]] if g.get("shift") else 1
            f["hin"] = (unit, sign * int(amount))
        elif "hsign" in f:
            f["hshift"] = (unit, int(amount))
        else:
            return False  # "Christmas 3 days": no relation said
    return True


def _quarter_number(word: str) -> int | None:
    """ "third" -> 3; "last" / "final" (lexicon `nth_last`) -> 4."""
    return 4 if word in lexicon().nth_last else parse_ordinal(word)


def build_cal(name: str, g: dict[str, Any], extra: dict) -> Spec | None:
    """Calendar fields from the named groups."""
    lex = lexicon()
    f: dict[str, Any] = {}
    if g.get("year"):
        f["year"] = int(g["year"])
    if g.get("yy"):
        f["yy"] = int(g["yy"])
    if g.get("yearwords"):
        year = parse_year_words(g["yearwords"])
        if year is None:
            return None
        f["year"] = year
    if g.get("month"):
        f["month"] = lex.months[g["month"]]
    if g.get("mon"):
        f["month"] = int(g["mon"])
        if extra.get("fraction_guard") and _fraction_like(g["mon"], g.get("day") or ""):
            return None  # "3/4": a fraction, not March 4
        if extra.get("year_month") and f["month"] == (f["year"] + 1) % 100:
            return None  # "2009/10": a span of two years
    if g.get("day"):
        f["day"] = parse_ordinal(g["day"])
    if g.get("roman") and "month" in f:
        days = lex.roman_days[g["roman"]]
        f["day"] = days["long" if f["month"] in lex.roman_long_months else "short"]
    if g.get("dom"):
        f["dom"] = parse_ordinal(g["dom"])
    if "day" in f and "month" in f and not name.startswith("iso"):
        if f["month"] > 12 and f["day"] <= 12:  # "13/01/2021": day first (ISO never swaps)
            f["month"], f["day"] = f["day"], f["month"]
    problem = impossible(f.get("year"), f.get("month"), f.get("day"))
    if problem:
        return Spec("cal", name, {"impossible": problem})
    if g.get("weekday"):
        f["weekday"] = lex.weekdays[g["weekday"]]
    if g.get("season"):
        f["season"] = lex.seasons[g["season"]]
    if g.get("quarter"):
        f["quarter"] = _quarter_number(g["quarter"])
    if extra.get("month_quarter"):  # "the June quarter": the quarter ending that month
        if f["month"] % 3 or g.get("mstart") and lex.months.get(g["mstart"]) != f["month"] - 2:
            return None  # "the May-June period": no quarter
        f["quarter"] = f.pop("month") // 3
    if g.get("half"):
        f["half"] = lex.halves[g["half"]] if g["half"] in lex.halves else int(g["half"])
    if g.get("holiday"):
        f["holiday"] = g["holiday"]
        if not _holiday_relation(f, g):
            return None
        if g.get("hweek") or (lex.holidays[g["holiday"]].get("week") and "hsign" not in f):
            if "hsign" in f:
                return None  # "Christmas Eve week", "the eve of Easter week": no such thing
            f["hweek"] = True  # "Easter week", "Holy Week": the ISO week of its (first) day
        elif g.get("hweekend"):
            if "hsign" in f:
                return None  # "Christmas Eve weekend": read no further
            f["hweekend"] = True  # "Memorial Day weekend": the weekend next to it
    if g.get("decade"):
        f["decade"] = int(g["decade"])
    if g.get("dd"):
        f["dd"] = int(g["dd"])
    if g.get("decword"):
        f["dd"] = lex.decade_words[g["decword"]]
    if g.get("cc"):
        f["century"] = int(g["cc"])
        if extra.get("hundreds"):  # "the 2000s": maybe its first decade (anchor.py decides)
            f["hundreds"] = True
    if g.get("cent"):
        n = parse_ordinal(g["cent"])
        if not n:
            return None
        f["century"] = n - 1
    if g.get("isoweek"):
        f["isoweek"] = int(g["isoweek"])
        if not 1 <= f["isoweek"] <= 53:
            return None
    if g.get("dir"):
        f["dir"] = lex.directions[g["dir"]]
        if g["dir"] in lex.anaphoric_directions:  # "the following Monday": from the story's day
            f["anaphoric"] = True
    if g.get("wdir"):
        f["weekrel"] = lex.directions[g["wdir"]]
    if g.get("mdir"):
        f["mrel"] = lex.directions[g["mdir"]]
    if g.get("nth"):
        f["nth"] = -1 if g["nth"] in lex.nth_last else parse_ordinal(g["nth"])
    if g.get("wlast") or g.get("wn"):  # "the third last week of", "the fifth last day of"
        n = parse_ordinal(g.get("wn")) or 1
        if extra.get("lastday"):
            f["lastday"] = n
        else:
            f["weekn"] = -n if g.get("wlast") else n
    if extra.get("anaphoric"):  # "that summer": the one of the story's date, none without it
        f["dir"], f["anaphoric"], f["needs_reference"] = 0, True, True
    if extra.get("after_next"):
        f["dir"], f["skip"] = 1, 1
    if extra.get("wshift") or extra.get("yshift"):  # "3 Fridays from now", "March in 2 years"
        amount = parse_number(g.get("num"))
        if amount is None or amount != int(amount) or not 0 < amount <= 100:
            return None
        if extra.get("wshift"):
            f["wshift"] = lex.shifts[g["shift"]] * int(amount)
        else:
            f["yshift"] = int(amount)
    if g.get("ydir"):
        f["yrel"] = lex.year_directions[g["ydir"]]
        if g["ydir"] in lex.anaphoric_directions:  # "March the following year": the story's
            f["anaphoric"] = True
    if "yrel" in extra:
        f["yrel"] = extra["yrel"]
    if g.get("yy2"):
        f["yy2"] = g["yy2"]
    if g.get("ofyear"):
        f["of_year"] = True
    if extra.get("holiday_day"):  # "the second day of Eid": the n-th day of the holiday
        f["hday"] = f.pop("nth")
    for key in ("week", "weekend"):
        if extra.get(key):
            f[key] = True
    if extra.get("day_week"):  # "the week ended Sept. 14": the week of the day named
        f["hweek"] = True
        if g.get("wbound") in lex.week_starts:  # "the week beginning Sunday Jan. 10": the
            f["week_from"] = True  # week that opens on that day
    # a word that is also plain English: how the sentence must show it is a date (see
    # context.reads_as_date)
    bare = name in ("month", "weekday") or extra.get("anaphoric")
    if bare and (g.get("month") or g.get("weekday")) in lex.ambiguous_in_context:
        f["ambiguous"] = "capitalized-in-context"
    if bare and g.get("month") in lex.ambiguous_months:
        f["ambiguous"] = "capitalized"
    if name == "season" and g.get("season") in lex.ambiguous_seasons:
        f["ambiguous"] = "after-lead"
    if g.get("holiday") in lex.ambiguous_holidays and g.get("_text") == g["holiday"]:
        f["ambiguous"] = "capitalized"
    return Spec("cal", name, f)


def _fraction_like(top: str, bottom: str) -> bool:
    """ "3/4", "1/2": one digit over a larger one reads as a fraction, not a month and day."""
    return len(top) == 1 and len(bottom) == 1 and int(top) < int(bottom)


def build_rel(name: str, g: dict[str, Any], extra: dict) -> Spec | None:
    """A unit and an offset from the anchor."""
    lex = lexicon()
    unit = extra.get("unit") or _unit_name(_unit_code(g))
    weeks_per_unit = 1
    if unit == "fortnight" and (g.get("shift") or g.get("num")):
        unit, weeks_per_unit = "week", 2  # "a fortnight ago": the week two weeks back
    if unit in (None, "fortnight", "millennium"):
        return None
    if extra.get("calendar_units") and unit in ("hour", "minute", "second"):
        return None  # "in two hours": a clock offset, unknowable from a date anchor
    f: dict[str, Any] = {"unit": unit}
    if extra.get("edge"):  # "year-end": the end of the current unit, or of the last (tense)
        return Spec("rel", name, edge_fields(unit, extra.get("bare", 0)), extra["edge"])
    if extra.get("next_from"):  # "the new year": this year or the next, by the anchor's month
        return Spec("rel", name, {"unit": unit, "next_from": extra["next_from"]})
    if "past" in extra:
        f["tense_offset"] = {"past": extra["past"], "future": extra["future"]}
        if extra.get("same_period"):
            f["same_period"] = True  # of a period the sentence names before it (api.py)
        return Spec("rel", name, f)
    offset = extra.get("offset", 0)
    if extra.get("anaphoric"):
        f["anaphoric"] = f["needs_reference"] = True
    if extra.get("narrative"):
        f["anaphoric"] = True  # the story's unit when it has named one, else the anchor's
    if extra.get("period"):
        f["period"] = True  # a span when the sentence goes on "ended <date>" (context.py)
    if extra.get("spannable"):
        f["spannable"] = True  # a span after "over" ("over the next decade", context.py)
    if g.get("dir"):
        if g["dir"] in ("past", "the past"):
            return None  # "the past year": a duration (P1Y)
        offset = lex.directions[g["dir"]]
        if g["dir"] in lex.anaphoric_directions:
            f["anaphoric"] = True
    if g.get("dayword"):
        offset = lex.daywords[g["dayword"]]
    if g.get("shift") or g.get("num"):
        amount = parse_number(g.get("num"))
        if (amount is not None and amount != int(amount) and unit in _YEARS_IN
                and (amount * _YEARS_IN[unit]).is_integer()):
            amount, unit = amount * _YEARS_IN[unit], "year"  # "half a century ago": 50 years
            f["unit"] = unit
        if amount is None or amount != int(amount):
            return None
        sign = lex.shifts[g["shift"]] if g.get("shift") else 1
        if g.get("dayword2"):
            base = lex.daywords[g["dayword2"]]
            sign = -1 if "before" in g.get("_text", "") else 1
            if unit != "day":
                return None
            offset = base + sign * int(amount)
        else:
            offset = sign * int(amount) * weeks_per_unit
    if unit == "year" and offset == -1 and extra.get("year_ago", name == "shift"):
        f["year_ago"] = True
        if g.get("shift") in lex.anaphoric_shifts or (  # "a year earlier", "the year before",
                g.get("anaphor") and "-" not in g.get("_text", "-")):  # not "year-earlier"
            f["year_earlier"] = True  # in a narrative, from the story's year (api.py decides)
    elif g.get("anaphor") or g.get("shift") in lex.anaphoric_shifts:
        # "two days later", "the day before": from the story's time; "a year earlier" is the
        # comparison period of business news, a year before the anchor's
        f["anaphoric"] = True
    f["offset"] = offset
    return Spec("rel", name, f, "APPROX" if g.get("approx") else None)  # "a week or so ago"


def edge_fields(unit: str, bare: int = 0) -> dict[str, Any]:
    """Fields of the end of a unit ("year-end", "the end of the month"): the current one, or in
    a past-tense sentence possibly the last one passed (anchor.Resolver._rel); `bare`: the
    offset when the sentence gives no direction."""
    return {"unit": unit, "offset": bare, "edge": True,
            "tense_offset": {"past": -1, "future": 0, "none": bare}}


def build_dur(name: str, g: dict[str, Any], extra: dict) -> Spec | None:
    """An amount and a unit -> a DURATION value."""
    code = _unit_code(g)
    if code is None or code == "WE":
        return None
    if extra.get("compound"):  # "four years and six months"
        return _compound_duration(name, code, g)
    mod = None
    if g.get("vague") or g.get("multi"):
        amount = None
    elif g.get("num"):
        amount = parse_number(g["num"])
        if amount is None:
            return None
        if extra.get("range"):
            high = parse_number(g.get("num2"))
            if high is None or high <= amount:
                return None
            mod = "EQUAL_OR_MORE"
    elif g.get("unit") in lexicon().plurals:
        amount = None
    else:
        amount = 1.0
    if extra.get("half") and amount is not None:
        amount += 0.5
    value = duration_value(amount, code)
    if value is None:
        return None
    return Spec("fixed", name, {"value": value, "type": "DURATION", "unit": _unit_name(code),
                                "amount": amount}, mod)


_COMPOUND_UNITS = ("Y", "M", "D", "TH", "TM", "TS")  # in the order a duration writes them


def _compound_duration(name: str, code: str, g: dict[str, Any]) -> Spec | None:
    """Two whole amounts of units, the larger first ("four years and six months": P4Y6M;
    "three hours and 20 minutes": PT3H20M), else None (weeks do not mix with other units)."""
    code2 = _unit_code({"unit": g.get("unit2")})
    amounts = parse_number(g.get("num")), parse_number(g.get("num2"))
    if (code not in _COMPOUND_UNITS or code2 not in _COMPOUND_UNITS
            or _COMPOUND_UNITS.index(code) >= _COMPOUND_UNITS.index(code2)
            or any(a is None or a != int(a) or a <= 0 for a in amounts)):
        return None
    value = _format_duration([(str(int(amounts[0])), code), (str(int(amounts[1])), code2)])
    return Spec("fixed", name, {"value": value, "type": "DURATION", "unit": _unit_name(code),
                                "amount": amounts[0]})


def build_set(name: str, g: dict[str, Any], extra: dict) -> Spec | None:
    """A frequency -> a SET value."""
    lex = lexicon()
    if g.get("weekday") or g.get("daily"):  # "every Thursday", "every day at 1 p.m."
        value = f"XXXX-WXX-{lex.weekdays[g['weekday']]}" if g.get("weekday") else "XXXX-XX-XX"
        if g.get("pod"):
            value += "T" + lex.pods[g["pod"]]
        elif g.get("hour") or g.get("clockword"):  # "every Thursday at 8pm", "Sundays at
            # noon": the clock as a clock time reads it
            clock = build_time(name, g, {})
            if clock is None:
                return None  # "every Thursday at 13pm"
            value += f"T{clock.get('hour'):02d}:{clock.get('minute'):02d}"
    elif g.get("month"):  # "every July", "every 18 July"
        value = f"XXXX-{lex.months[g['month']]:02d}"
        if g.get("day"):
            day = parse_ordinal(g["day"])
            if day is None or day > calendar.monthrange(2000, lex.months[g["month"]])[1]:
                return None  # "every 31 June" (2000 is a leap year: "every 29 February" stays)
            value += f"-{day:02d}"
    elif g.get("season"):
        value = f"XXXX-{lex.seasons[g['season'].removesuffix('s')]}"
    elif g.get("holiday"):  # "every Christmas": a movable feast has no month and day to repeat
        rule = lex.holidays[g["holiday"]]
        if set(rule) != {"fixed"}:
            return None
        value = f"XXXX-{rule['fixed'][0]:02d}-{rule['fixed'][1]:02d}"
    elif g.get("quarter"):
        value = f"XXXX-Q{_quarter_number(g['quarter'])}"
    else:
        code = _unit_code(g)
        if code is None or code == "WE":
            return None
        if g.get("vague"):  # "every few years": a vague count of units
            value = duration_value(None, code)
        else:
            amount = parse_number(g.get("num")) if g.get("num") else (
                2.0 if extra.get("other") else 1)
            value = duration_value(amount, code) if amount else None
        if value is None:
            return None
    return Spec("fixed", name, {"value": value, "type": "SET"})


def build_time(name: str, g: dict[str, Any], extra: dict) -> Spec | None:
    """A clock time or a part of day, with the day offset it implies."""
    lex = lexicon()
    f: dict[str, Any] = {"offset": extra.get("offset", 0)}
    if g.get("year"):
        f["date"] = Spec("cal", name, {"year": int(g["year"]), "month": int(g["mon"]),
                                       "day": int(g["day"])})
    if g.get("dayword"):
        f["offset"] = lex.daywords[g["dayword"]]
    if extra.get("podcode"):
        f["pod"] = extra["podcode"]
    if extra.get("narrative"):
        f["anaphoric"] = True  # the reference day when the story has one, else the anchor
    if extra.get("anaphoric"):  # "that night": the reference day, and no stand-in without one
        f["anaphoric"] = f["needs_reference"] = True
        if g.get("podnext") or g.get("podprev"):
            f["offset"] = 1 if g.get("podnext") else -1  # "the next morning", "the previous night"
    if g.get("pod"):
        f["pod"] = lex.pods[g["pod"]]
    if g.get("clockword"):
        f["hour"], f["minute"] = (24, 0) if g["clockword"] == "midnight" else (12, 0)
    if g.get("hour"):
        hour = parse_number(g["hour"])
        if hour is None or hour > 24:
            return None
        hour = int(hour)
        minute = int(g["minute"]) if g.get("minute") else None
        if g.get("minwords"):
            words = g["minwords"].removeprefix("oh ").removeprefix("o ")
            value = parse_number(words)
            if value is None or not 0 < value < 60:
                return None
            minute = int(value)
        if g.get("second"):
            f["second"] = int(g["second"])
        ampm = g.get("ampm")
        pod = g.get("podword")
        if ampm or pod:
            if hour > 12 or hour == 0:
                return None
            pm = ampm == "p" or (pod in ("afternoon", "evening") or (pod == "night" and hour >= 6))
            hour = hour % 12 + (12 if pm else 0)
        if hour == 24 and minute:
            return None
        f["hour"], f["minute"] = hour, minute if minute is not None else 0
        if not ampm and not pod and minute is None and not extra.get("oclock"):
            return None
    if "hour" not in f and "pod" not in f:
        return None
    return Spec("time", name, f, "APPROX" if g.get("ish") else None)


def build_ref(name: str, g: dict[str, Any], extra: dict) -> Spec | None:
    """A fixed vague reference (PAST_REF, ...)."""
    return Spec("fixed", name, {"value": extra["value"], "type": extra.get("type", "DATE")})


BUILDERS: dict[str, Callable[[str, dict[str, Any], dict], Spec | None]] = {
    "cal": build_cal,
    "rel": build_rel,
    "dur": build_dur,
    "set": build_set,
    "time": build_time,
    "ref": build_ref,
}


# ------------------------------------------------------------------ the pass


def _match_rules(key: str) -> Spec | None:
    lex = lexicon()
    if key in lex.refs:
        return Spec("fixed", "ref", {"value": lex.refs[key], "type": "DATE"})
    if key in lex.sets:
        return Spec("fixed", "set-word", {"value": lex.sets[key], "type": "SET"})
    for name, pattern, kind, extra in lex.rules_for(key):  # a rule may decline: go on
        m = pattern.fullmatch(key)
        if m:
            groups = m.groupdict()
            groups["_text"] = key
            spec = BUILDERS[kind](name, groups, extra)
            if spec is not None:
                return spec
    return None


_TIME_PART = re.compile(
    r"(?P<time>(?:[01]?\d|2[0-4])(?:[:.][0-5]\d)? ?[ap]\.? ?m\b\.?|(?:[01]?\d|2[0-3]):[0-5]\d"
    r"|noon|midnight|midday)"
)
_TIME_FIRST = re.compile(rf"^{_TIME_PART.pattern},? (?:on |of |this )?(?P<rest>.+)$")
_TIME_LAST = re.compile(
    rf"^(?P<rest>.+?),? (?:at |around |about |by |for )?{_TIME_PART.pattern}$")
# A loose clock ("8", "nine fifty-nine": up to three words) before a day or part of day, or
# after one and a link word ("tonight at 11").
_LOOSE_LINK = re.compile(
    r",? (?:at|@|for|around|about|by) (?=(?P<clock>[\w.:]+(?: [\w.:-]+){0,2})$)")
# Parts of day that put an hour (1-11) after noon; at night only from 6 on ("11 tonight").
_PM_PODS = {"AF": 1, "EV": 1, "NI": 6}
_POD_PREFIX_MODS = {"early": "START", "mid": "MID", "late": "END"}


def _day_spec(text: str, depth: int, loose: bool = True) -> Spec | None:
    """A spec that names one day (or the anchor day), for attaching a time to."""
    spec = _recognize(text, depth + 1, loose)
    return spec if spec is not None and names_one_day(spec) else None


def _clock_offset(key: str, depth: int) -> Spec | None:
    """Minutes before or after a clock time: "a quarter past 3 pm", "ten to noon"."""
    lex = lexicon()
    m = lex.clock_offset_re.match(key)
    if m is None:
        return None
    mins = lex.clock_fractions.get(m.group("mins")) or parse_number(m.group("mins"))
    clock = _recognize(m.group("clock"), depth + 1)
    if (not mins or mins != int(mins) or not 0 < mins < 60 or clock is None
            or clock.kind != "time" or clock.get("hour") is None or clock.get("minute")):
        return None
    total = clock.get("hour") * 60 + lex.clock_relations[m.group("rel")] * int(mins)
    if not 0 <= total < 24 * 60:
        return None
    return clock.with_(hour=total // 60, minute=total % 60, rule=f"clock-offset+{clock.rule}")


def _loose_clock(text: str) -> Spec | None:
    """A clock reading valid only beside a day ("8", "ten thirty", "1030ish"), else None."""
    lex = lexicon()
    m = lex.loose_re.fullmatch(text)
    if m is None:
        return None
    first = int((m.lastgroup or "R0")[1:])
    name, _, kind, extra = lex.loose_rules[first]
    groups: dict[str, Any] = {local: m.group(full) for full, local in lex.loose_groups[first]}
    return BUILDERS[kind](name, groups, extra)


def _clock_with_day(clock_text: str, rest: str, depth: int) -> Spec | None:
    """ "8 tonight", "9 tomorrow morning", "tomorrow afternoon at 5": a clock reading joined to
    a part of day (which sets a.m./p.m.) or to a day (the hour as written)."""
    clock = _recognize(clock_text, depth + 1, loose=False)
    strict = clock is not None and clock.kind == "time" and clock.get("hour") is not None
    if not strict:
        clock = _loose_clock(clock_text)
    if clock is None or clock.get("hour") is None:
        return None
    other = _recognize(rest, depth + 1, loose=False)
    if other is None:
        return None
    hour = clock.get("hour")
    rule = f"{clock.rule}+{other.rule}"
    if other.kind == "time" and other.get("hour") is None and other.get("pod"):
        pod = other.get("pod")
        if not strict and pod in _PM_PODS and _PM_PODS[pod] <= hour < 12:
            hour += 12
        elif not strict and (pod == "NI" and hour < 6 or pod in ("AF", "EV") and hour == 12):
            return None  # "2 tonight", "12 this evening": not a reading of that part of day
        elif not strict and pod == "MO" and hour > 12:
            return None
        return other.with_(hour=hour, minute=clock.get("minute", 0), rule=rule,
                           mod=other.mod or clock.mod)
    day = other if names_one_day(other) else None
    if day is None:
        return None
    return clock.with_(date=day, rule=rule)


def names_one_day(spec: Spec) -> bool:
    """Whether a spec names one day (a time can be attached to it)."""
    if spec.kind == "rel" and spec.get("unit") == "day":
        return True
    return spec.kind == "cal" and bool(spec.get("day") or spec.get("dom") or spec.get("weekday")
                                       or spec.get("holiday") or spec.get("base"))


def _day_shift(key: str, depth: int, loose: bool) -> Spec | None:
    """ "the day before last Tuesday", "two days after June 5", "fifty years ago today": a whole
    number of days, weeks, months or years from a mention that names one day (resolved first,
    with its own logic); "fifty years ago this month" moves the anchor's month instead."""
    lex = lexicon()
    m = lex.day_shift_re.match(key)
    if m is None:
        m = lex.same_day_re.match(key)
        if m is None:
            return None
        today = _day_spec("today", depth, loose)
        if today is not None and m.group("year"):
            return Spec("cal", f"day-in-year+{today.rule}",
                        {"base": today, "dshift": ("in-year", int(m.group("year")))})
        sign = 1 if m.group("dir") == "next" else -1
        return today and Spec("cal", f"day-shift+{today.rule}",
                              {"base": today, "dshift": (m.group("unit"), sign)})
    if m.group("num"):
        amount = parse_number(m.group("num"))
    else:
        amount = None if m.group("unit") in lex.plurals else 1.0  # "days before": vague
    unit = _unit_name(_unit_code(m.groupdict()))
    if unit == "fortnight":  # "a fortnight from today": two weeks
        unit, amount = "week", None if amount is None else 2 * amount
    if amount is None or amount != int(amount) or unit not in ("day", "week", "month", "year"):
        return None
    rest = m.group("rest")
    if rest.startswith("this ") and not (m.group("after") or m.group("before")):
        day = _recognize(rest, depth + 1, loose)  # "forty years ago this week": its week
    else:
        day = _day_spec(rest, depth, loose)
    if day is None or day.get("hweek"):
        return None
    sign = 1 if m.group("after") else -1
    return Spec("cal", f"day-shift+{day.rule}", {"base": day, "dshift": (unit, sign * int(amount))})


def _compose(key: str, depth: int, loose: bool = True) -> Spec | None:
    """Split a clock time or part of day off a date ("10 p.m. Wednesday", "Friday morning")."""
    lex = lexicon()
    spec = _clock_offset(key, depth) or _day_shift(key, depth, loose)
    if spec is not None:
        return spec
    for pattern in (_TIME_FIRST, _TIME_LAST):
        m = pattern.match(key)
        if m:
            clock = _recognize(m.group("time"), depth + 1)
            day = _day_spec(m.group("rest"), depth, loose)
            if clock is not None and clock.kind == "time" and day is not None:
                return clock.with_(date=day, rule=f"{clock.rule}+{day.rule}")
    m = lex.pod_last_re.match(key) or lex.pod_first_re.match(key)
    if m:
        rest, pod = m.group("rest"), m.group("pod")
        mod = _POD_PREFIX_MODS.get(m.groupdict().get("mod") or "")
        code = "NI" if pod == "overnight" else lex.pods[pod]
        if rest in ("this", "today's", "today"):
            return Spec("time", "pod-today", {"pod": code, "offset": 0}, mod)
        if rest in ("last", "yesterday's") and code in ("NI", "EV"):
            return Spec("time", "pod-last", {"pod": code, "offset": -1}, mod)
        day = _day_spec(rest, depth, loose)
        if day is not None:
            return Spec("time", f"pod+{day.rule}", {"pod": code, "date": day, "offset": 0}, mod)
    return _loose_compose(key, depth) if loose else None


def _loose_compose(key: str, depth: int) -> Spec | None:
    """Try the (at most three) places where a loose clock may end or begin."""
    lex = lexicon()
    words = key.split(" ")
    lead = 1 if words[0] in ("at", "@") else 0
    for end in range(lead + 1, min(lead + 4, len(words))):
        rest = " ".join(words[end:])
        prefix = lex.prefix_re.match(rest)
        if prefix and prefix.group("prefix") != "on":
            continue  # "12 to 16 September", "3 of June": a range or a day, not a clock
        spec = _clock_with_day(" ".join(words[lead:end]), rest, depth)
        if spec is not None:
            return spec
    for m in _LOOSE_LINK.finditer(key):
        spec = _clock_with_day(m.group("clock"), key[:m.start()], depth)
        if spec is not None:
            return spec
    return None


# Mods that compare amounts: they qualify durations ("over three years"), not dates.
AMOUNT_MODS = frozenset({"MORE_THAN", "LESS_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"})


def _recognize(key: str, depth: int = 0, loose: bool = True) -> Spec | None:
    """`loose`: whether a loose clock may be joined to a day here (never inside such a join)."""
    if depth > 6 or not key:
        return None
    spec = _match_rules(key)
    if spec is not None:
        return spec
    lex = lexicon()
    m = lex.prefix_re.match(key)
    if m:
        rest = key[m.end():]
        spec = _recognize(rest, depth + 1, loose)
        prefix = m.group("prefix")
        kind = lex.prefixes[prefix]
        if spec is not None:
            if kind == "mod" and spec.get("ambiguous"):
                spec = spec.with_(ambiguous=False)  # "early March", "the end of May": a month
            if prefix in lex.midnight_opens_day_after and spec.get("hour") == 24 and spec.get(
                    "date") is not None:  # "shortly after midnight Monday": early Monday
                spec = spec.with_(hour=0)
            if kind == "mod" and spec.mod is None:
                mod = lex.mods[prefix]
                if mod in AMOUNT_MODS and spec.get("type") not in ("DURATION", "SET"):
                    return spec  # "over the weekend": a preposition before a date, not "more than"
                if mod in ("START", "MID", "END") and spec.get("unit") and (
                        spec.get("period") or (spec.rule == "duration-unit"
                                               and spec.get("amount") == 1)):
                    # "the end of the year": a part of the current unit, not a duration
                    unit = spec.get("unit")
                    if mod == "END" and unit in ("year", "month"):
                        return Spec("rel", "unit-part", edge_fields(unit), mod)
                    return Spec("rel", "unit-part", {"unit": unit, "offset": 0}, mod)
                return spec.with_(mod=mod)
            if kind == "prep" and spec.get("ambiguous"):
                return spec.with_(ambiguous=False)
            if kind == "the" and spec.rule == "weekday" and spec.get("ambiguous"):
                return None  # "told The Sun", "the SAT": no weekday takes an article
            if spec.get("edge") and prefix in lex.past_prepositions:
                # "since year-end": the last one passed, whatever the sentence's tense
                return spec.with_(edge=False, tense_offset={"past": -1, "future": -1, "none": -1})
            return spec
    m = lex.suffix_mod_re.match(key)
    if m:
        spec = _recognize(m.group("rest"), depth + 1, loose)
        if spec is not None:
            if spec.get("ambiguous"):
                spec = spec.with_(ambiguous=False)  # "March-end": a month
            return spec.with_(mod=spec.mod or lex.suffix_mods[m.group("mod")])
    return _compose(key, depth, loose)


_EDGE_PUNCTUATION = re.compile(r"^(?:[\s\"(\[,;:]|'(?!\d))+|[\s\"')\],;:!?]+$")
_POSSESSIVE = re.compile(r"(?<=[a-z])'s$|(?<=\d)s'$")
_KEPT_DOT = re.compile(r"(?:\b[a-z]{3,4}|[ap]\.m|\b[ap]m)\.$")


def clean_key(text: str) -> str:
    """The key rules match: folded, case-folded, trailing punctuation and possessive removed."""
    key = _EDGE_PUNCTUATION.sub("", fold_key(text))
    if key.endswith(("'s", "s'")):
        key = _POSSESSIVE.sub(lambda m: "" if m.group() == "'s" else "s", key)
    if key.endswith(".") and not _KEPT_DOT.search(key):
        key = key[:-1]
    lex = lexicon()
    if " " in key:  # a time zone follows a space ("5 p.m. EST"), or a restated clock
        key = lex.tz_re.sub("", lex.restated_re.sub("", key) if "(" in key else key)
    if (" " in key or "-" in key) and lex.yearwords_re.search(key):  # "nineteen-ninety"
        key = lex.yearwords_re.sub(_year_digits, key)
    return key.strip()


def _year_digits(m: re.Match[str]) -> str:
    """ "the winter of nineteen ninety-four" -> "the winter of 1994" (other numbers untouched)."""
    year = parse_year_words(m.group())
    return str(year) if year is not None and year >= 1100 else m.group()


@lru_cache(maxsize=65536)
def recognize(text: str) -> Spec | None:
    """Mention -> underspecified Spec, or None when the text is not a temporal expression."""
    if len(text) > MAX_MENTION * 4:
        return None
    key = clean_key(text)
    if not key or len(key) > MAX_MENTION:
        return None
    return _recognize(key)
