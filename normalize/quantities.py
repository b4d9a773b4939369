"""Quantities: number mentions ("10", "at least nine", "about a dozen") to numeric ranges.

A mention becomes a `Quantity` interval [low, high] with open/closed ends, so that the fact
checker can say "10" lies inside "at least nine" and is disjoint from "11". Word tables and
qualifiers live in `normalize/data/numbers.yaml`.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from normalize.text import fold, fold_key
from normalize.yamldata import load_yaml

__all__ = ["Quantity", "in_common_unit", "resolve_quantity"]

MAX_MENTION = 200  # longer strings are not a quantity mention: returned as None at once


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number or range as a mention states it; `None` bounds are unbounded."""

    low: float | None
    high: float | None
    text: str
    mod: str = "EXACT"  # EXACT MIN GT MAX LT APPROX BELOW RANGE VAGUE
    low_open: bool = False
    high_open: bool = False
    unit: str | None = None
    rule: str = ""

    @property
    def measure(self) -> str | None:
        """What the number counts when it is money or a percentage ("USD", "EUR", "%"), else
        None: amounts in different measures are not the same claim."""
        head = _unit_head(self)
        return head if head in _tables().measures else None

    @property
    def value(self) -> float | None:
        """The single number when the mention states one exactly, else None."""
        return self.low if self.mod == "EXACT" else None

    def contains(self, other: Quantity) -> bool:
        """True when every number `other` admits is admitted by this quantity."""
        return _below_or_eq(self, other) and _above_or_eq(self, other)

    def overlaps(self, other: Quantity) -> bool:
        """True when some number satisfies both quantities."""
        lo, lo_open = _max_low(self, other)
        hi, hi_open = _min_high(self, other)
        if lo is None or hi is None:
            return True
        return lo < hi or (lo == hi and not lo_open and not hi_open)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)

    def __str__(self) -> str:
        lo = "-inf" if self.low is None else _num(self.low)
        hi = "inf" if self.high is None else _num(self.high)
        if self.mod == "EXACT":
            return lo
        left = "(" if self.low_open or self.low is None else "["
        right = ")" if self.high_open or self.high is None else "]"
        return f"{left}{lo}, {hi}{right}"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _below_or_eq(outer: Quantity, inner: Quantity) -> bool:
    if outer.low is None:
        return True
    if inner.low is None:
        return False
    if inner.low > outer.low:
        return True
    return inner.low == outer.low and (not outer.low_open or inner.low_open)


def _above_or_eq(outer: Quantity, inner: Quantity) -> bool:
    if outer.high is None:
        return True
    if inner.high is None:
        return False
    if inner.high < outer.high:
        return True
    return inner.high == outer.high and (not outer.high_open or inner.high_open)


def _max_low(a: Quantity, b: Quantity) -> tuple[float | None, bool]:
    if a.low is None:
        return b.low, b.low_open
    if b.low is None or a.low > b.low:
        return a.low, a.low_open
    if b.low > a.low:
        return b.low, b.low_open
    return a.low, a.low_open or b.low_open


def _min_high(a: Quantity, b: Quantity) -> tuple[float | None, bool]:
    if a.high is None:
        return b.high, b.high_open
    if b.high is None or a.high < b.high:
        return a.high, a.high_open
    if b.high < a.high:
        return b.high, b.high_open
    return a.high, a.high_open or b.high_open


# --- word tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tables:
    units: dict[str, float]
    nouns: dict[str, float]
    multipliers: dict[str, float]
    # phrase tables keyed by their first word, each list longest phrase first
    vague: dict[str, list[tuple[list[str], float | None, float | None]]]
    exact: dict[str, list[tuple[list[str], float]]]
    prefixes: dict[str, list[tuple[list[str], str]]]
    suffixes: dict[str, list[tuple[list[str], str]]]
    tolerance: float
    ratio_words: dict[str, int]
    share_of_unit: frozenset[str]
    ratio_links: list[list[str]]
    parts_of_a_whole: dict[str, frozenset[str]]
    scaling_nouns: dict[str, float]  # nouns that scale a number before them ("two dozen")
    rate_words: int
    rate_links: list[list[str]]
    money_after_link: dict[tuple[str, ...], re.Pattern[str]]  # the number a rate's link leads to
    unit_names: dict[str, str]
    unit_scales: dict[str, tuple[str, float]]
    currencies: dict[str, str]
    money_after_magnitude: dict[str, str]
    dollar_prefixes: dict[str, str]
    number_only: frozenset[str]
    currency_prefixes: dict[str, str]
    vulgar_fractions: dict[str, float]
    measures: frozenset[str]
    lead_max: int
    lead_articles: frozenset[str]
    lead_stop: frozenset[str]
    lead_labels: frozenset[str]
    lead_time_stop: frozenset[str]
    time_units: frozenset[str]
    lead_name_links: frozenset[str]
    lead_measure_links: frozenset[str]
    lead_openers: frozenset[str]
    particle_verbs: frozenset[str]
    change_verbs: dict[str, str]  # verb -> the way it moves: up, down, either
    change: re.Pattern[str]  # "by X to Y", "from X to Y", "X% to Y" after a change verb
    address_words: tuple[str, ...]
    address: re.Pattern[str]  # a number, capitalized names and one of the address words
    money_magnitudes: dict[str, str]
    not_count_phrases: tuple[str, ...]
    not_counts: re.Pattern[str]  # any of not_count_phrases, whole
    clock_zones: tuple[str, ...]
    clock: re.Pattern[str]  # four digits of a 24-hour clock and a zone of them ("1402 GMT")
    screen_words: frozenset[str]
    label_heads: frozenset[str]
    tenor_units: frozenset[str]
    tenor_nouns: frozenset[str]
    labels_after: frozenset[str]
    negative_after: tuple[str, ...]
    below_zero_units: frozenset[str]
    distance_events: frozenset[str]
    after_distance_events: frozenset[str]
    year_nouns: tuple[list[str], ...]  # phrases as words, as _startswith compares them
    start_points: frozenset[str]
    # a name holding a number: letters of name_suffixes against it ("the 49ers"), a number
    # word capitalized after a lower-case word or a digit and hyphen ("the Five Eyes", "7-Eleven"),
    # or a capitalized word written against digits ("Sixty60"; not a currency: "Rs500", "Dh100")
    names: re.Pattern[str]
    abbreviations: dict[str, str]  # "c." -> "circa", before a number
    abbreviated: re.Pattern[str]  # any of them, before a number


def _by_first(items: list[Any]) -> dict[str, list[Any]]:
    """Phrase entries (words first) grouped by their first word, longest phrase first, so a
    mention is tried only against the phrases its own first word opens."""
    grouped: dict[str, list[Any]] = {}
    for item in sorted(items, key=lambda item: -len(item[0])):
        grouped.setdefault(item[0][0], []).append(item)
    return grouped


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    raw = load_yaml(resources.files("normalize").joinpath("data/numbers.yaml").read_text())
    return _Tables(
        units={k: float(v) for k, v in raw["units"].items()},
        nouns={k: float(v) for k, v in raw["nouns"].items()},
        # "half" is a share of what follows ("half a million"), no scale of the number before
        scaling_nouns={k: float(v) for k, v in raw["nouns"].items() if k != "half"},
        multipliers={k: float(v) for k, v in raw["multipliers"].items()},
        vague=_by_first([(k.split(), v[0], v[1]) for k, v in raw["vague"].items()]),
        exact=_by_first([(k.split(), float(v)) for k, v in raw["exact_words"].items()]),
        prefixes=_by_first([(k.split(), v) for k, v in raw["qualifiers"].items()]),
        suffixes=_by_first([(k.split(), v) for k, v in raw["qualifiers_after"].items()]),
        tolerance=float(raw["approx_tolerance"]),
        ratio_words={k: int(v) for k, v in raw["ratio_words"].items()},
        share_of_unit=frozenset(raw["share_of_unit"]),
        ratio_links=[k.split() for k in raw["ratio_links"]],
        parts_of_a_whole={str(k): frozenset(str(w) for w in v)
                          for k, v in raw["parts_of_a_whole"].items()},
        rate_words=int(raw["rate_links"]["words"]),
        rate_links=[k.split() for k in raw["rate_links"]["links"]],
        money_after_link={tuple(k.split()): re.compile(
            rf"(?<![a-z]){' '.join(k.split())}\s+([^\d\s]*)\s*\d[\d.,]*\s*([^\d\s]*)")
            for k in raw["rate_links"]["links"]},
        unit_names=raw["unit_names"],
        unit_scales={k: (str(v[0]), float(v[1])) for k, v in raw["unit_scales"].items()},
        currencies=raw["currencies"],
        money_after_magnitude=raw["currencies_after_magnitude"],
        dollar_prefixes=raw["dollar_prefixes"],
        number_only=frozenset(str(w) for w in raw["number_only_qualifiers"]),
        currency_prefixes=raw["currency_prefixes"],
        vulgar_fractions={k: float(v) for k, v in raw["vulgar_fractions"].items()},
        measures=frozenset(raw["currencies"].values()) | set(raw["dollar_prefixes"].values())
        | set(raw["currency_prefixes"].values()) | {"%"},
        lead_max=int(raw["lead_words"]["max"]),
        lead_articles=frozenset(raw["lead_words"]["articles"]),
        lead_stop=frozenset(str(w) for w in raw["lead_words"]["stop"]),
        lead_labels=frozenset(str(w) for w in raw["lead_words"]["labels"]),
        lead_time_stop=frozenset(str(w) for w in raw["lead_words"]["time_stop"]),
        time_units=frozenset(str(w) for w in raw["lead_words"]["time_units"]),
        lead_name_links=frozenset(str(w) for w in raw["lead_words"]["name_links"]),
        lead_measure_links=frozenset(str(w) for w in raw["lead_words"]["measure_links"]),
        lead_openers=frozenset(str(w) for w in raw["lead_words"]["openers"]),
        particle_verbs=frozenset(str(w) for w in raw["lead_words"]["particle_verbs"]),
        change_verbs={str(w): way for way, verbs in raw["lead_words"]["change_verbs"].items()
                      for w in verbs},
        change=re.compile(r"(?:(?P<link>" + "|".join(re.escape(str(w)) for w in raw["lead_words"][
            "change_links"]) + r") (?P<change>.+?)|(?P<share>\S+ ?(?:%|percent|per cent))"
            r"|(?P<points>\S+ (?:percentage points?|basis points?|points?|pts)))"
                          r" to (?P<level>.+)"),
        address_words=tuple(raw["address_words"]),
        address=re.compile(r"(?<![\d.,])\d+[A-Za-z]?\s+(?:[A-Z][\w'.-]*\s+){1,3}(?:"
                           + "|".join(re.escape(w.title()) for w in raw["address_words"])
                           + r")\b"),
        money_magnitudes={str(k): str(v) for k, v in raw["money_magnitudes"].items()},
        not_count_phrases=tuple(str(w) for w in raw["not_counts"]),
        not_counts=re.compile(r"(?<![\w-])(?:" + "|".join(
            re.escape(str(w)) for w in raw["not_counts"]) + r")(?![\w-])"),  # whole words
        clock_zones=tuple(str(w) for w in raw["clock_zones"]),
        clock=re.compile(r"(?<![\d.,])(?:[01]\d|2[0-3])[0-5]\d\s*(?:" + "|".join(
            re.escape(str(w)) for w in raw["clock_zones"]) + r")(?![\w-])"),
        screen_words=frozenset(str(w) for w in raw["screen_words"]),
        label_heads=frozenset(str(w) for w in raw["label_heads"]),
        tenor_units=frozenset(str(w) for w in raw["tenor_units"]),
        tenor_nouns=frozenset(str(w) for w in raw["tenor_nouns"]),
        labels_after=frozenset(str(w) for w in raw["labels_after"]),
        negative_after=tuple(f" {w}" for w in raw["negative_after"]),
        below_zero_units=frozenset(str(w) for w in raw["below_zero_units"]),
        distance_events=frozenset(str(w) for w in raw["distance_events"]),
        after_distance_events=frozenset(str(w) for w in raw["after_distance_events"]),
        year_nouns=tuple(str(w).split() for w in raw["year_nouns"]),
        start_points=frozenset(str(w) for w in raw["start_points"]),
        names=re.compile(r"\d(?:" + "|".join(re.escape(str(w)) for w in raw["name_suffixes"])
                         + r")\b|(?:(?<![\w'])[a-z][\w'-]*\s+|\d-)(?:" + "|".join(
                             w.title() for w in raw["units"] if len(w) > 2) + r")\b"
                         + r"|(?<![\w'])(?!(?:" + "|".join(
                             re.escape(str(w).title()) for w in raw["currency_prefixes"])
                         + r")\d)[A-Z][a-z]+\d"),
        abbreviations={str(k): str(v) for k, v in raw["abbreviations"].items()},
        abbreviated=re.compile(r"(?<![\w.])(?:" + "|".join(
            re.escape(str(k)) for k in raw["abbreviations"]) + r") ?(?=[\d" + _CURRENCY_SIGNS
                               + r"])"),  # "c. 200", "c. £2m"
    )


def _is_ratio(tokens: list[str], j: int, value: float, t: _Tables) -> bool:
    """Whether the number `value` that ends at tokens[j] is a share: "two-thirds", "one in
    five", "half of all schools" (numbers.yaml `parts_of_a_whole`); a count of as many parts as
    make a whole or more is none ("11 quarters")."""
    k = j + 1 if j < len(tokens) and tokens[j] == "-" else j
    word = tokens[j - 1]
    if (tokens[j:j + 1] and tokens[j] in t.parts_of_a_whole.get(word, ())
            and value == t.nouns.get(word, t.units.get(word))):
        return True  # "half of all schools", "one of the survivors"; not "twenty-one of the 30"
    if k < len(tokens) and tokens[k] in t.ratio_words:
        return value < t.ratio_words[tokens[k]]
    return any(_startswith(tokens, k, link)  # "one in five", "a 1-in-100-year flood"
               and _parse_number(tokens, k + len(link) + (tokens[k + len(link):][:1] == ["-"]), t)
               for link in t.ratio_links)


def _rate_link(tokens: list[str], j: int, t: _Tables) -> list[str] | None:
    """The link by which the number that ends at tokens[j] is counted against another ("per"
    of "one officer per 1,000 people", numbers.yaml `rate_links`), else None."""
    for k in range(j, min(j + t.rate_words, len(tokens) - 1) + 1):
        for link in t.rate_links:
            if _startswith(tokens, k, link) and _parse_number(tokens, k + len(link), t):
                return link
        if not tokens[k].isalpha():
            return None
    return None


def _money_per_money(key: str, link: list[str], t: _Tables) -> bool:
    """Whether money is counted against money after the rate's link ("$1 for every $3 raised",
    "5 cents per $1", "Rs 5 per Rs 100 spent"): a currency right before or right after the
    number the link leads to; not "$10,000 for every 5 games won" (a verb after a noun)."""
    return any(tok in t.currencies for found in t.money_after_link[tuple(link)].finditer(key)
               for tok in _TOKEN.findall(" ".join(found.groups())))


_CURRENCY_SIGNS = "$€£¥₹₦₩₽₺₴₪฿₫₱"  # before the number; their codes: numbers.yaml
_TOKEN = re.compile(r"\d+(?:,\d+)*(?:\.\d+)?|\.\d+|[a-z]+|[<>]=|[" + _CURRENCY_SIGNS
                    + r"%+~≈<>≥≤]|-")
# "1,500", "1,50,000" (the Indian grouping of lakhs), "1500", "2.5", ".5"
# a one-letter currency against a number that is clearly an amount: "R4.5", "N1.2 trillion",
# "R350", "R5 000" (joined before), "R1,500"; not "N95" or "R2-D2"
_LETTER_AMOUNT = re.compile(r"\b[a-z](?:\d+[.,]\d|\d{3,}\b|\d+(?:\.\d+)?[ -]?(?:m|bn|b|k|mn|"
                            r"million|billion|trillion)\b)")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?"
                     r"|\d+(?:\.\d+)?|\.\d+")
_SPACED_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d.,])")  # "25 000"
# a decimal comma before a magnitude, as South African and European papers write it: "R1,3
# billion", "2,45 million" (no thousands separator has fewer than three digits after it)
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d{1,3}),(\d{1,2})(?=\s?(?:(?:million|billion|trillion|"
                            r"bn|mn|tn|per ?cent)\b|%))")  # and before a percent: "12,74%"
_RANGE_WORDS = {"to", "-", "and", "or"}
_OPEN_ENDS = frozenset({"min", "max", "gt", "lt"})  # qualifiers that open one end


def _startswith(tokens: list[str], i: int, phrase: list[str]) -> bool:
    return tokens[i : i + len(phrase)] == phrase


def _parse_number(tokens: list[str], i: int, t: _Tables) -> tuple[float, int] | None:
    """Read one number (digits, words or both: "2.5 million", "twenty-six") at tokens[i].

    Returns (value, index after it), or None when no number starts at i.
    """
    total, current, last, j, scale = 0.0, 0.0, "", i, 1.0
    while j < len(tokens):
        tok, nxt = tokens[j], tokens[j + 1] if j + 1 < len(tokens) else ""
        part = _part(tokens[j + 2 : j + 3], t) if tok == "and" and nxt in ("a", "an", "one") else 0
        if part:
            if last == "big":  # "a million and a half"
                total += scale * part
            elif last in ("digits", "unit", "tens", "hundred", "noun"):  # "one and a half million"
                current += part
            else:
                break
            j += 3
            continue
        if tok == "point" and last in ("unit", "tens") and current == int(current):
            decimals = _decimal_words(tokens, j + 1, t)  # "one point five million"
            if not decimals:
                break
            current += float("0." + decimals)
            j += 1 + len(decimals)
            last = "unit"
            continue
        if _DIGITS.fullmatch(tok) and not last:
            current, last = float(tok.replace(",", "")), "digits"
        elif tok in ("a", "an") and not last and (nxt in t.multipliers or nxt in t.nouns):
            current, last = 1.0, "unit"
        elif tok in ("a", "an") and not last and _DIGITS.fullmatch(nxt):
            pass  # "a 10,000-strong crowd"
        elif (tok in ("a", "an") and not last and j + 2 == len(tokens) and nxt in t.unit_scales
              and (j or nxt != "second")):  # "less than an hour", "about a mile": one of the
            current, last = 1.0, "unit"  # unit, the mention's last word; not a bare "a second"
        elif tok in t.units and tok not in ("a", "an"):
            value = t.units[tok]
            tens_then_unit = last == "tens" and value < 10
            if last in ("", "hundred", "big") or tens_then_unit:
                current += value
                last = "tens" if value >= 20 and not tens_then_unit else "unit"
            else:
                break
        elif tok == "half" and last == "unit" and current == 1:
            current = 0.5  # "a half", "one half"
        elif tok == "half" and not last:
            current, last = 0.5, "unit"
            if nxt in ("a", "an"):
                j += 1
        elif tok in t.scaling_nouns and last:
            current, last = current * t.scaling_nouns[tok], "noun"
            if nxt == "of":
                j += 1
        elif tok in t.multipliers and last and (len(tok) > 2 or last == "digits"):
            mult = t.multipliers[tok]
            if mult == 100:
                current, last = current * 100, "hundred"
            elif last == "big" and not current and mult > scale:
                total, scale = total * mult, scale * mult  # "3 lakh crore": 3 * 10^5 * 10^7
            else:
                total, current, last, scale = total + current * mult, 0.0, "big", mult
        elif tok == "-" and last == "tens" and t.units.get(nxt, 10) < 10:
            pass  # "twenty-six"
        elif tok == "-" and (last == "digits" or last == "unit" and current == 0.5) and (
                nxt in t.multipliers):
            pass  # "1.2-million", as US papers write it before a noun; "a half-million"
        elif tok == "and" and last in ("hundred", "big") and nxt in t.units:
            pass  # "one hundred and five"
        else:
            break
        j += 1
    if not last:
        return None
    return float(f"{total + current:.15g}"), j  # "2.09 million" is 2090000, not 2089999.99...


def _part(word: list[str], t: _Tables) -> float:
    """The fraction one word names after "and a" ("half", "quarter", "third"), else 0."""
    if word == ["half"]:
        return 0.5
    share = t.ratio_words.get(word[0]) if word and not word[0].endswith("s") else None
    return 1 / share if share else 0


def _decimal_words(tokens: list[str], i: int, t: _Tables) -> str:
    """The digits said one word each after "point" at tokens[i] ("five", "two five"), as a
    string ("5", "25"); "" when none follows."""
    digits = ""
    while i < len(tokens) and tokens[i] not in ("a", "an") and t.units.get(tokens[i], 10) < 10:
        digits += str(int(t.units[tokens[i]]))
        i += 1
    return digits


def _approx(value: float, tol: float) -> tuple[float, float]:
    spread = abs(value) * tol
    return round(value - spread, 9), round(value + spread, 9)


def _share_of_magnitude(tokens: list[str], i: int, t: _Tables) -> tuple[float, int] | None:
    """(value, index after it) of a share of a magnitude at tokens[i]: "a quarter of a
    million", "three-quarters of a million", "two-thirds of a billion"; or of a unit, the unit
    left to read after it ("three-quarters of a percentage point"); else None."""
    count = (1.0, i + 1) if tokens[i : i + 1] in (["a"], ["an"], ["one"]) else _parse_number(
        tokens, i, t)
    if count is None:
        return None
    k = count[1] + (tokens[count[1] : count[1] + 1] == ["-"])
    share, of, one, magnitude = (tokens[k : k + 4] + ["", "", "", ""])[:4]
    if share in t.ratio_words and of == "-" and one in t.multipliers and len(one) > 2:
        return count[0] / t.ratio_words[share] * t.multipliers[one], k + 3  # "a quarter-million"
    if (share in t.ratio_words and of == "of" and one in ("a", "an", "one")
            and magnitude in t.multipliers and len(magnitude) > 2):
        return count[0] / t.ratio_words[share] * t.multipliers[magnitude], k + 4
    if share in t.ratio_words and of == "of" and one in ("a", "an") and tokens[k + 3:] and all(
            w in t.share_of_unit for w in tokens[k + 3:]):  # "three-quarters of a percentage
        # point"; not "a third of a year's budget", a share of a whole
        return count[0] / t.ratio_words[share], k + 3
    return None


def _bound_of_vague(tokens: list[str], i: int, kind: str, rule: str, text: str,
                    unit: str | None, t: _Tables) -> Quantity | None:
    """A qualifier before a vague amount: "at least several hundred" is at least 300, "up to
    a few thousand" at most 5,000; None for other qualifiers or no vague amount."""
    said = _said_in_words(tokens[i:], text, unit, t) if kind in ("min", "gt", "max", "lt") else None
    if said is None or said.mod != "VAGUE":
        return None
    end = said.low if kind in ("min", "gt") else said.high
    if end is None:
        return None
    lower = kind in ("min", "gt")
    return Quantity(end if lower else None, None if lower else end, text, kind.upper(),
                    low_open=kind == "gt", high_open=kind == "lt", unit=said.unit,
                    rule=f"{rule}+{said.rule}")


def _currency(tokens: list[str], key: str, t: _Tables) -> tuple[str | None, list[str]]:
    """(the currency written before the number, the tokens without it): a sign anywhere before
    a number ("$3bn", "more than $3bn"), with the country letters written against it ("US$",
    "A$", "HK$"; not the article of "a $5 fine"), an ISO code before it ("USD 5m", "about EUR
    5m"), or letters of `currency_prefixes` before a number ("about Rs 800 crore", "R4.5
    billion"). `key` is the mention the tokens come from."""
    for k, tok in enumerate(tokens):
        if tok in _CURRENCY_SIGNS:
            glued = tok == "$" and k and f"{tokens[k - 1]}$" in key
            code = t.dollar_prefixes.get(tokens[k - 1]) if glued else None
            rest = tokens[: k - 1] if code else tokens[:k]
            again = tokens[k - 1] if code else None  # the letters at the second end too:
            return code or t.currencies[tok], rest + [  # "S$5,000-S$7,000"
                x for m, x in enumerate(tokens[k + 1:], k + 1)
                if x not in _CURRENCY_SIGNS and not (x == again and tokens[m + 1:m + 2] == [tok])]
    for k, tok in enumerate(tokens[:-1]):  # an ISO code before the number ("USD 5m",
        # "approximately USD 50 billion"), not a word ("won 5 games")
        code = t.currencies.get(tok, "")
        if code == tok.upper() and _parse_number(tokens, k + 1, t):
            return code, tokens[:k] + tokens[k + 1:]
    for tok in tokens[:-1]:  # "about Rs 800 crore", "R4.5 billion", "R5m-R7m"
        code = t.currency_prefixes.get(tok)
        if code and (len(tok) > 1 or _LETTER_AMOUNT.search(key, key.find(tok))):
            return code, [x for x in tokens if x != tok]  # each end of "Sh5,000-Sh10,000"
    return None, tokens


def _unit(tokens: list[str], j: int, unit: str | None, t: _Tables) -> str | None:
    """What the amount counts, from the words after it at tokens[j], led by its currency code
    when it has one: "3 billion dollars" reads as "$3 billion" ("USD"), "7.5 per cent" as "%",
    "$3bn in loans" as "USD in loans"."""
    j += tokens[j : j + 1] == ["-"]  # "a 10,000-strong crowd": "strong crowd"
    if not unit and j < len(tokens) and tokens[j] in t.currencies:
        unit, j = t.currencies[tokens[j]], j + 1
    elif not unit and 0 < j < len(tokens) and tokens[j - 1] in t.multipliers \
            and tokens[j] in t.money_after_magnitude:  # "2.4 billion pounds"
        unit, j = t.money_after_magnitude[tokens[j]], j + 1
    rest = " ".join(tokens[j:]).strip() or unit
    rest = t.unit_names.get(rest, rest) if rest else rest
    return f"{unit} {rest}" if unit and rest != unit else rest


def _percent_at(tokens: list[str], k: int, t: _Tables) -> int:
    """How many tokens at tokens[k] say "percent" ("%", or a `unit_names` spelling of it: "per
    cent", "pct"), or 0."""
    if tokens[k:k + 1] == ["%"]:
        return 1
    for name, unit in t.unit_names.items():
        words = name.split()
        if unit == "%" and tokens[k:k + len(words)] == words:
            return len(words)
    return 0


def _margin(tokens: list[str], k: int, value: float, t: _Tables) -> tuple[float, int] | None:
    """(the margin said at tokens[k] after "give or take", where it ends), a share of `value`
    when in percent ("give or take 10 per cent"); None when no number smaller than `value`
    is said ("80,000, give or take")."""
    said = _parse_number(tokens, k, t)
    if said is None:
        return None
    margin, end = said
    if share := _percent_at(tokens, end, t):
        margin, end = value * margin / 100, end + share
    return (margin, end) if margin < value else None


def _ending_qualifiers(tail: list[str], t: _Tables) -> list[tuple[list[str], str]]:
    """The qualifiers-after that end `tail`, the words after a number ("years or more")."""
    return [(phrase, "approx" if qual == "margin" else qual)  # no margin after it: about
            for entries in t.suffixes.values() for phrase, qual in entries
            if len(tail) > len(phrase) and tail[-len(phrase):] == phrase]


def _order_of(value: float) -> float:
    """The step of the number's leading digit: "40-odd" runs to 50, "300-odd" to 400."""
    return 10.0 ** max(0, math.floor(math.log10(value))) if value > 0 else 1.0


def _scale(tokens: list[str], k: int, t: _Tables) -> tuple[float, int]:
    """(the product of the magnitude words at tokens[k], index after them): "a few
    *hundred*", "several *thousand*", "a few *dozen*"; (1, k) when none stands there."""
    scale = 1.0
    while k < len(tokens):
        tok = tokens[k]
        if tok.endswith("s") and (tok[:-1] in t.multipliers or tok[:-1] in t.nouns):
            tok = tok[:-1]  # "many thousands", "a few hundreds"
        if tok in t.multipliers and len(tok) > 2:
            scale *= t.multipliers[tok]
        elif tok in t.nouns and tok not in ("half", "couple", "pair"):
            scale *= t.nouns[tok]
        else:
            break
        k += 1
        if k < len(tokens) and tokens[k] == "of":
            k += 1
    return scale, k


def _said_in_words(tokens: list[str], text: str, unit: str | None,
                   t: _Tables) -> Quantity | None:
    """A mention that opens with an amount in words rather than a number: a vague one ("a few
    hundred", "dozens of"), scaled by the magnitude words after it, or none at all ("no one",
    "no deaths"); None otherwise."""
    for phrase, number in t.exact.get(tokens[0], ()):
        if _startswith(tokens, 0, phrase) and _parse_number(tokens, len(phrase), t) is None:
            rest = _unit(tokens, len(phrase), unit, t)
            return Quantity(number, number, text, "EXACT", unit=rest,
                            rule=f"words:{' '.join(phrase)}")
    for phrase, lo, hi in t.vague.get(tokens[0], ()):
        if _startswith(tokens, 0, phrase):
            scale, k = _scale(tokens, len(phrase), t)
            rest = _unit(tokens, k, unit, t)
            return Quantity(None if lo is None else lo * scale, None if hi is None else hi * scale,
                            text, "VAGUE", unit=rest, rule=f"vague:{' '.join(tokens[:k])}")
    return None


# Fractions, ratios, clock times, scientific notation, decades and ordinals are not counts
# this reader takes.
_NOT_A_COUNT = re.compile(r"\d\s*[/:\u2044]\s*\d|\de[+-]?\d|\d\s*[x\u00d7]\s*10(?:\^|\d)"
                          r"|(?<![\d.,])0\d"  # a leading zero: a phone number or a code
                          r"|(?<![\w.,])\+\d+[ -]\d|(?<![\w.,])\+\d{8,}"  # "+254 712 345 678"
                          r"|\d'?s\b|\d(?:st|nd|rd|th)\b"  # decades ("1990s"), ordinals ("3rd")
                          r"|\d\s*[ap]\.?m\b|\bo'?\s?clock\b"  # a clock time ("2 p.m.")
                          r"|\b(?:half|quarter) (?:past|to) "  # in words ("half past two")
                          r"|\d\.\d+\.\d"  # a dotted date or version ("12.06.2021", "2.0.1")
                          r"|\d\([a-z]\)"  # a label with a letter in brackets ("401(k)")
                          r"|\d-for-\d"  # a split or an offer ("a 2-for-1 stock split")
                          r"|\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                          r"nov|dec)[a-z]*\.?(?: \d{4})?$")  # a date ("15 March 2024")


@lru_cache(maxsize=8192)
def _resolve(key: str, text: str) -> Quantity | None:
    if _NOT_A_COUNT.search(key):
        return None
    t = _tables()
    tokens = _TOKEN.findall(key)
    if not tokens:
        return None
    unit, tokens = _currency(tokens, key, t)
    if not tokens:
        return None
    if unit in t.measures and unit != "%":  # "$1.2MM", "RM2.5mil": magnitudes of money only
        tokens = [t.money_magnitudes.get(tok, tok) for tok in tokens]
    if tokens[0] == "+" and tokens[1:2] and tokens[1][:1].isdigit():  # "+2.3%": a rise
        return _resolve(key[key.index("+") + 1:].lstrip(), text)
    if tokens[0] in _MINUS or tokens[0] in ("between", "from") and tokens[1:2] == ["-"]:
        if signed := _SIGNED_RANGE.fullmatch(key):  # "-5 to -10 degrees", "between -40 and
            return _signed_range(signed, text)  # -45"; not "-5 and -10", two numbers
    if tokens[0] in _MINUS and len(tokens) > 1:  # "-5C", "minus 12 degrees"
        got = _resolve(key[len(tokens[0]):].lstrip(), text) if tokens[1][:1].isdigit() else None
        return _below_zero(got, "minus {}")
    after = next((a for a in t.negative_after if key.endswith(a)), None)
    # "30 below zero", "12 degrees below zero"; "10 days below zero" is ten days (no unit of
    # numbers.yaml below_zero_units), read below as any count
    if after and key[:1].isdigit() and (
            got := _below_zero(_resolve(key[:-len(after)], text), "{}" + after)) and (
            got.unit is None or got.unit in t.below_zero_units):
        return got
    i, kind, rule = 0, "exact", "number"
    for phrase, qual in t.prefixes.get(tokens[0], ()):
        if _startswith(tokens, 0, phrase) and len(tokens) > len(phrase) and not (
                _number_only(phrase, tokens[len(phrase)], t)):
            i, kind, rule = len(phrase), qual, f"qualifier:{' '.join(phrase)}"
            break
    sign = 1
    if i and tokens[i] in _MINUS and _SIGN_AFTER_WORD.search(key) and (
            peek := _parse_number(tokens, i + 1, t)):
        if peek[1] < len(tokens) and tokens[peek[1]] in _RANGE_WORDS:
            # "about minus 5 to minus 10": the range from the sign on, as with no qualifier
            return _resolve(key[key.index(tokens[i], len(tokens[0])):], text)
        sign, i = -1, i + 1  # "at least -5", "about minus 5C": a qualified number below zero
        # (not "the under-21 side": a hyphen joins the word)
    if i == 0:
        said = _said_in_words(tokens, text, unit, t)
        if said is not None:
            return said
    first = _share_of_magnitude(tokens, i, t) or _parse_number(tokens, i, t)
    if first is None:  # "some residents": the qualifier is a vague amount itself
        return (_bound_of_vague(tokens, i, kind, rule, text, unit, t) if i else None) or (
            _said_in_words(tokens, text, unit, t) if i else None)
    value, j = first
    value *= sign
    if (tokens[i] in ("a", "an") and tokens[i + 1] in t.nouns and j <= i + 3 and j < len(tokens)
            and (tokens[j - 1] == "of" and tokens[j][:1].isdigit()
                 or not tokens[j][:1].isdigit() and _opens_amount(tokens, j, t))):
        # "a score of 100", "a score above 700": a rating, the amount after it is read
        got = _resolve(" ".join(tokens[j:]), text)
        return replace(got, rule=f"{got.rule} after {tokens[i + 1]!r}") if got else None
    if _is_ratio(tokens, j, value, t) or (link := _rate_link(tokens, j, t)) and (
            _money_per_money(key, link, t)):
        return None  # a rate is an amount in its unit ("4.2 cases per 100,000", "KSh 2,500 per
        # 90kg bag"), but money per money is neither sum
    if value >= FIRST_YEAR_OF_SPAN and YEAR.fullmatch(tokens[j - 1]) and any(
            _startswith(tokens, j, noun) for noun in t.year_nouns):
        return None  # "the 2024 financial year": a year
    joined = tokens[j + 1] if tokens[j:j + 1] == ["-"] and j + 1 < len(tokens) else ""
    if joined in t.label_heads:
        return None  # "a five-star hotel", "a six-figure salary": a rating or a size
    if joined in t.tenor_units and tokens[j + 2:j + 3] and tokens[j + 2] in t.tenor_nouns:
        return None  # "the 10-year Treasury yield": a bond's name
    if joined.isalpha():
        amount = _amount_of_compound(key, text)
        if amount is not None:
            return amount  # "a seven-day average of 1,400": the amount, not the compound's 7
    if (j + 2 < len(tokens) and tokens[j].isalpha() and tokens[j] not in t.multipliers
            and tokens[j + 1] in _RANGE_WORDS and (second := _parse_number(tokens, j + 2, t))
            and tokens[second[1]:second[1] + 1] == [tokens[j]]):
        tokens = tokens[:j] + tokens[j + 1:]  # "5km-10km", "between 8C and 12C": the unit is
        # read after the second number
    high = value
    if j + 2 < len(tokens) and tokens[j] == "%" and tokens[j + 1] in _RANGE_WORDS:
        j += 1  # "between 30% and 40%": the unit is read after the second number
    if j + 1 < len(tokens) and tokens[j] in _RANGE_WORDS and (
        kind == "range" or tokens[j] in ("to", "-", "or")
    ):
        second = _parse_number(tokens, j + 1, t)
        scale = tokens[second[1] - 1] if second is not None else ""
        if scale in t.multipliers and value < 1000:
            value *= t.multipliers[scale]  # "5 to 7 million": scale both ends
        elif scale in t.scaling_nouns and value < 100:
            value *= t.scaling_nouns[scale]  # "two or three dozen"
        if second is not None and second[0] < value:
            return None  # "10 to 5": no range runs backwards
        if second is not None and tokens[j] == "-" and 0 < SCORE_RATIO * value < second[0]:
            return None  # "3-72", "5-311": bowling figures or a score, no range
        if second is not None and second[0] >= value:
            if second[1] == len(tokens) and value >= FIRST_YEAR_OF_SPAN and YEAR.fullmatch(
                    tokens[i]) and YEAR.fullmatch(tokens[j + 1]):
                return None  # "from 2006 to 2011", "1999-2015": a span of years, no count
            high, j = second
            kind, rule = "range", "range"
    if kind in _LOW_BOUNDS and tokens[j:j + 1] == ["and"]:  # "at least 30 and as many as 40"
        upper = _upper_bound(tokens, j + 1, t)
        if upper is not None and upper[0] > value:
            return Quantity(value, upper[0], text, "RANGE", low_open=kind == "gt",
                            high_open=upper[1] == "lt", unit=_unit(tokens, upper[2], unit, t),
                            rule=f"{rule} and {upper[1]}")
    if kind == "range" and high == value:
        if rule.removeprefix("qualifier:") not in t.start_points or YEAR.fullmatch(tokens[i]):
            return None  # "between 10": half a range; "from 2023", "from 2019 levels": a year
        kind, rule = "exact", f"{rule} alone"  # "up from 12,105": the earlier value
    if j < len(tokens) and tokens[j] in t.labels_after and value != 1:
        return None  # "the 205 bus", "a 911 call": a route or a number to call; "1 bus" counts
    if unit is None and tokens[j - 1] == "m" and _race_after(tokens, j, t):
        return None  # "the 100m final": a race, not a hundred million
    at = j + 1 if j < len(tokens) and tokens[j] == "-" else j  # "30-plus", "40-odd"
    low = value  # the low end an approximate range widens ("400 to 750 or so")
    for phrase, qual in t.suffixes.get(tokens[at], ()) if at < len(tokens) else ():
        if _startswith(tokens, at, phrase):
            j = at + len(phrase)
            margin = _margin(tokens, j, value, t) if qual == "margin" else None
            qual = "approx" if qual == "margin" else qual  # no margin said: "80,000, give or take"
            if margin is not None:  # "80,000, give or take 5,000"
                low, high, j = value - margin[0], value + margin[0], margin[1]
                kind = "margin"
            elif qual == "min" and kind == "gt":
                pass  # "more than 1,000 and counting": still more than 1,000
            elif qual == "approx" and kind == "range":
                low, high = _approx(value, t.tolerance)[0], _approx(high, t.tolerance)[1]
                kind = "margin"
            else:
                kind = qual
            rule = f"qualifier:{' '.join(phrase)}"
            break
    if kind == "exact":  # "five years or more": the qualifier after what is counted
        for end, qual in _ending_qualifiers(tokens[j:], t):
            kind, rule, tokens = qual, f"qualifier:{' '.join(end)}", tokens[:-len(end)]
            break
    if kind == "exact" and j + 1 < len(tokens) and tokens[j].isalpha():  # "16GB or more of
        for phrase, qual in t.suffixes.get(tokens[j + 1], ()):  # RAM": after its unit
            if qual in _OPEN_ENDS and _startswith(tokens, j + 1, phrase):
                kind, rule = qual, f"qualifier:{' '.join(phrase)}"
                tokens = tokens[:j + 1] + tokens[j + 1 + len(phrase):]
                break
    if tokens[j - 1:j] == ["k"] and tokens[j:j + 1] and tokens[j] in t.screen_words:
        return None  # "a 4K television": a screen resolution, not 4,000
    rest = _unit(tokens, j, unit, t)
    if not math.isfinite(value):
        return None
    build = {
        "exact": lambda: Quantity(value, value, text, "EXACT", unit=rest, rule=rule),
        "range": lambda: Quantity(value, high, text, "RANGE", unit=rest, rule=rule),
        "margin": lambda: Quantity(low, high, text, "APPROX", unit=rest, rule=rule),
        "min": lambda: Quantity(value, None, text, "MIN", unit=rest, rule=rule),
        "gt": lambda: Quantity(value, None, text, "GT", low_open=True, unit=rest, rule=rule),
        "max": lambda: Quantity(None, value, text, "MAX", unit=rest, rule=rule),
        "lt": lambda: Quantity(None, value, text, "LT", high_open=True, unit=rest, rule=rule),
        "approx": lambda: Quantity(*_approx(value, t.tolerance), text, "APPROX", unit=rest,
                                   rule=rule),
        "below": lambda: Quantity(_approx(value, t.tolerance)[0], value, text, "BELOW",
                                  unit=rest, rule=rule),
        "odd": lambda: Quantity(value, value + _order_of(value), text, "APPROX", high_open=True,
                                unit=rest, rule=rule),
    }
    return build[kind]()


_SIGN = re.compile(r"^(?:-|minus) ?")
_SIGNED = r"(?:-|minus) ?\d[\d,]*(?:\.\d+)?"
_SIGNED_RANGE = re.compile(
    rf"(?:(?P<lead>between|from) )?(?P<a>{_SIGNED})(?: ?(?:°[cf]?|c|f|degrees))? ?"
    rf"(?P<link>to|and|through) (?P<b>(?:(?:-|minus) ?)?\d[\d,]*(?:\.\d+)?)(?P<rest>.*)")


def _signed_range(m: re.Match[str], text: str) -> Quantity | None:
    """A range one end of which at least is below zero (`_SIGNED_RANGE` matched: "-5 to -10
    degrees", "between -40 and -45", "minus 5 to 5C"): its ends in either order (a fall below
    zero is often told from the warmer end); the unit is the second end's. None for "and"
    without "between" (two numbers)."""
    if (m.group("link") == "and") != (m.group("lead") == "between"):
        return None
    ends = []
    for end in (m.group("a"), m.group("b")):
        digits = _SIGN.sub("", end)
        ends.append(float(digits.replace(",", "")) * (-1 if digits != end else 1))
    second = _resolve(f"{digits}{m.group('rest')}", text)
    if second is None or second.mod != "EXACT" or second.low is None:
        return None
    scale = second.low / abs(ends[1]) if ends[1] else 1.0  # "-1.5 to -2 billion": both ends
    ends = [end * scale for end in ends]
    return Quantity(min(ends), max(ends), text, "RANGE", unit=second.unit, rule="signed range")


_OF_AMOUNT = re.compile(r"(?<![\w-])of (?=[\d" + _CURRENCY_SIGNS + r"])")


def _amount_of_compound(key: str, text: str) -> Quantity | None:
    """The amount written after "of" past a compound that holds a number ("a seven-day average
    of 1,400", "a 12-month high of $4.50"), or None."""
    found = _OF_AMOUNT.search(key, max(key.find("-"), 0))  # after the compound
    amount = _resolve(key[found.end():], key[found.end():]) if found else None
    return replace(amount, text=text) if amount else None


_MINUS = frozenset({"-", "minus"})
_SIGN_AFTER_WORD = re.compile(r"[a-z] (?:-|minus ?)\d")  # "at least -5", "about minus 5"
FIRST_YEAR_OF_SPAN = 1800  # two such numbers, unseparated, alone in a range: years ("1999-2015")
SCORE_RATIO = 20  # a hyphenated pair whose second number is more times the first is no range
_LOW_BOUNDS = frozenset({"min", "gt"})


def _upper_bound(tokens: list[str], i: int, t: _Tables) -> tuple[float, str, int] | None:
    """(number, kind, index after it) of an upper bound at tokens[i] ("as many as 40", "no more
    than 40", "fewer than 40"), or None."""
    for phrase, qual in t.prefixes.get(tokens[i], ()) if i < len(tokens) else ():
        if qual in ("max", "lt") and _startswith(tokens, i, phrase):
            got = _parse_number(tokens, i + len(phrase), t)
            return (got[0], qual, got[1]) if got else None
    return None


# A number written against a capital letter is a label ("5G", "3D", "4X"), except the
# magnitudes (K, M, B, T: "$10K") and temperatures (C, F: "40C").
# A capital letter against the digits after it is a label too ("A380", "A4 paper", "B52"),
# except N, P and R, which may be naira, pesos or rand ("R4.5 billion", "P1.2 billion":
# numbers.yaml currency_prefixes).
_LABEL = re.compile(r"(?<![\w.])\d+[ADEGHIJLNOPQRSUVWXYZ]\b|(?<![\w.$])[A-MOQS-Z]\d")


# A year and nothing else ("2021") is no count: a table's cell that holds one is a date. Narrower
# than YEAR (from 1000), which reads a year after lead words: a bare "1200" stays a count.
BARE_YEAR = re.compile(r"\s*(?:19|20)\d\d\s*")


# Two scores in a row are a match's sets or periods, no range: "won 6-4, 7-6(5)", "1-6 7-6 6-1".
_SCORE_LINE = re.compile(r"(?<![\d.])\d{1,2}[-\u2013]\d{1,2}(?:\(\d{1,2}\))?,?"
                         r" \d{1,2}[-\u2013]\d{1,2}(?![\d.])")


def resolve_quantity(text: str) -> Quantity | None:
    """Read a number mention ("10", "at least nine", "about a dozen") as a `Quantity` range.

    Returns None when the text states no number. Never raises on a `str`.
    """
    if text is None:
        return None  # a missing value: no mention
    if not isinstance(text, str):
        raise TypeError(f"text: expected a string or None, got {type(text).__name__}")
    t = _tables()
    folded = text.casefold()
    if (len(text) > MAX_MENTION or BARE_YEAR.fullmatch(text) or _LABEL.search(text)
            or t.address.search(text)
            or t.names.search(text) or t.clock.search(folded) or _SCORE_LINE.search(text)):
        return None
    key = _DECIMAL_COMMA.sub(r"\1.\2", _SPACED_THOUSANDS.sub(
        lambda m: m.group().replace(" ", ""), _MIXED.sub(_mixed, fold_key(_fractions(text)))))
    if not key:
        return None
    key = t.abbreviated.sub(lambda m: t.abbreviations[m.group().rstrip()] + " ", key)
    if t.not_counts.search(folded):  # "one-off", "the first half": no count there; one after
        return _after_lead_words(key, text, past_not_counts=True)  # it may ("a one-off
        # payment of £1,250")
    return _resolve(key, text) or _after_lead_words(key, text)


def _unit_scale(q: Quantity | None) -> tuple[str, float] | None:
    """(the common unit, the factor) data/numbers.yaml `unit_scales` gives `q`'s unit, or None."""
    return _tables().unit_scales.get(q.unit or "") if q is not None else None


def in_common_unit(q: Quantity | None) -> Quantity | None:
    """`q` in the common unit of its kind (data/numbers.yaml `unit_scales`: "75 basis points"
    as 0.75 percentage points, "3.85 tonnes" as 3850 kilograms), so that two spellings of one
    amount compare equal; a comparer's step: `resolve_quantity` keeps the number as written."""
    scale = _unit_scale(q)
    if scale is None:
        return q
    unit, factor = scale

    def scaled(x: float | None) -> float | None:
        return None if x is None else round(x * factor, 9)

    return replace(q, low=scaled(q.low), high=scaled(q.high), unit=unit)


def unit_kind(q: Quantity | None) -> str | None:
    """The common unit `q`'s unit converts to (data/numbers.yaml `unit_scales`: "kilograms" for
    "3.85 tonnes", "seconds" for "56 minutes"), else None (no unit, or one of no table)."""
    scale = _unit_scale(q)
    return scale[0] if scale else None


def unit_factor(q: Quantity | None) -> float:
    """How many of its common unit one of `q`'s unit is (1000 for tonnes in kilograms); 1 when
    its unit converts to none."""
    scale = _unit_scale(q)
    return scale[1] if scale else 1.0


_WRITTEN_NUMBER = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d.])")


def rounding(q: Quantity) -> float:
    """Half the last digit of the one number `q` writes, in `q`'s unit ("8 km": 0.5, "3.85
    tonnes": 0.005): how far the amount may lie from it when the writer rounded a conversion
    from another unit ("5 miles (8 km)"); 0 when the text writes no such single number."""
    found = _WRITTEN_NUMBER.findall(q.text)
    if len(found) != 1 or q.mod != "EXACT":
        return 0.0
    whole, decimals = found[0]
    if float(f"{whole.replace(',', '')}.{decimals or 0}") != q.low:
        return 0.0  # "2.5 million": a multiplier scales the digits
    return 0.5 * 10.0 ** -len(decimals)


def _amount_word(word: str, t: _Tables) -> bool:
    """Whether `word` is a word of an amount or a share ("million", "dozen", "five", "in")."""
    return (word in t.units or word in t.nouns or word in t.multipliers or word in t.exact
            or word in t.vague or word in t.ratio_words)


def _opens_amount(words: list[str], i: int, t: _Tables) -> bool:
    """Whether words[i] is part of an amount or a share ("four in 10", "one in five"), or
    opens a qualifier written there: one an amount follows ("at least 9", "up to a dozen"; not
    the "of" of "a death toll of 57", nor the "from" of "banned from driving")."""
    word = words[i]
    if _amount_word(word, t):
        return True
    for phrase, _ in t.prefixes.get(word, ()):
        if _startswith(words, i, phrase):
            after = words[i + len(phrase)] if i + len(phrase) < len(words) else ""
            if _number_only(phrase, after, t):
                continue
            if not after.isalpha() or after in t.lead_articles or _amount_word(after, t):
                return True
    return False


def _race_after(tokens: list[str], j: int, t: _Tables) -> bool:
    """Whether tokens[j:] name a race of the track or pool and nothing else: words of
    numbers.yaml `distance_events` ("final", "freestyle final", "semi-final"), then the end, a
    mark or a word of `after_distance_events` ("the 100m final at the Olympics"; not "6m heat
    pumps", "2m race fans", "2m semi-detached homes")."""
    k = j
    while k < len(tokens):
        if tokens[k] in t.distance_events:
            k += 1
        elif tokens[k] == "-" and k > j and tokens[k + 1:k + 2] and tokens[k + 1] in (
                t.distance_events):
            k += 2
        else:
            break
    return k > j and (k == len(tokens) or tokens[k] in t.after_distance_events
                      or not tokens[k].isalpha() and tokens[k] != "-")


def _number_only(phrase: list[str], after: str, t: _Tables) -> bool:
    """Whether `phrase` bounds only a number right after it, and `after` is none (an article
    neither: "within a further 14 days"), or a year (numbers.yaml `number_only_qualifiers`:
    "within the next 48 hours", "within 2024")."""
    return " ".join(phrase) in t.number_only and (
        not (after[:1].isdigit() or after in t.units and after not in t.lead_articles
             or after in t.nouns) or bool(YEAR.fullmatch(after)))


YEAR = re.compile(r"(1\d{3}|20\d\d|2100)\b(?![.,]\d)")


def _after_lead_words(key: str, text: str, past_not_counts: bool = False) -> Quantity | None:
    """The amount after the words a mention opens with ("killed 40", "the 12 diplomats"), read
    as the whole mention; None when a word of numbers.yaml `lead_words.stop` stands among them
    (or of `time_stop`, with no unit of time after the number: "after 3", not "after 52 years"),
    one of `labels` right before the amount ("flight 370"),
    a capitalized word stands right before the number (a name: "Boeing 737"; "the Dow fell
    500 points" reads 500) or what is left opens with a year. `past_not_counts`: the amount
    must come after every phrase of `not_counts` in the mention."""
    t = _tables()
    # the words before the number are written as in the key (its rewrites touch digits only)
    words, written = key.split(" "), fold(text).split(" ")
    after_not_counts = max((m.end() for m in t.not_counts.finditer(
        " ".join(written).casefold())), default=0) if past_not_counts else 0
    way = ""  # how the last verb of change among the words passed over moves
    for k in range(1, min(t.lead_max, len(words) - 1, len(written)) + 1):
        word, form = words[k - 1], written[k - 1]
        article = word in t.lead_articles or k == 1 and word in t.lead_openers  # "All 13"
        owner = _OWNER.sub("", word)  # "Harris's 226", "the Democrats' 215": what they hold
        set_off = form[:1].isupper() and (  # "Kane, 30"; not the title "Ocean's Eleven"
            form.endswith(",") or owner != word and not _name_word(written[k], t))
        if (not owner.removesuffix(",").replace("-", "").isalpha()  # "record-high" passes
                or word in t.lead_stop or not article and _opens_amount(words, k - 1, t)
                or word in t.lead_labels and (words[k][:1].isdigit() or _opens_amount(words, k, t))
                or word in t.lead_time_stop and t.time_units.isdisjoint(words[k:])
                or word in t.lead_name_links and k > 1 and written[k - 2][:1].isupper()
                and not _measure_acronym(written[k - 2], word, t)):
            return None
        if not (form.islower() or k == 1 and article or set_off
                or _measure_acronym(form, written[k], t)):
            continue  # a name: the number after it is its label, one further on may count
        rest = " ".join(words[k:])
        if len(" ".join(written[:k])) < after_not_counts:
            continue
        if word in t.particle_verbs and words[k:k + 2] in _PARTICLE_BOUNDS:
            rest = " ".join(words[k + 2:])  # "ticked up to 4%": the level reached
        way = t.change_verbs.get(word, way)  # "raised rates by 600 basis points to 27.25%",
        if way:  # "revised up from 40 to 45": the change after its verb's words
            level = _level_reached(" ".join(words[k:]), text, way, t)
            if level is not None:
                return replace(level, rule=f"level reached: {level.rule}")
        got = _resolve(rest, text)
        if got is not None:
            return None if YEAR.match(rest) else replace(
                got, rule=f"{got.rule} after {' '.join(written[:k])!r}")
    return None


def _level_reached(rest: str, text: str, way: str, t: _Tables) -> Quantity | None:
    """The level a change after a verb of change reached ("from 1,200 to 900", "by 1.5% to $3.2
    billion", "3% to 17", "3 points to 48%": 900, 3.2 billion, 17, 48), or None: no change said
    so, the level is no amount, either opens with a year ("from 2019 to 2021"), or, but after
    "from", the change has no unit of its own ("by 10 to 15 percent", "by 5% to 10%": a range
    of changes), or after it, the numbers move against the verb's `way` ("dropped from 5 to
    10 minutes": a range). The change may be a share ("fell by a third to 200")."""
    said = t.change.fullmatch(rest)
    if said is None:
        return None
    change = said.group("change") or said.group("share") or said.group("points")
    level = said.group("level")
    if YEAR.match(change) or YEAR.match(level):
        return None
    got = _resolve(level, text)
    if got is None:
        return None
    moved = _resolve(change, text)
    if said.group("link") in t.start_points:  # "from X to Y": X is the earlier level
        if moved is not None and moved.low is not None and got.low is not None and (
                way == "up" and moved.low > got.low or way == "down" and moved.low < got.low):
            return None
    elif moved is not None and (moved.unit is None or _unit_head(moved) == _unit_head(got)):
        return None
    return got


def _unit_head(q: Quantity) -> str | None:
    """The first word of a quantity's unit ("%" of "% of jobs"), or None."""
    return q.unit.split()[0] if q.unit else None


_OWNER = re.compile(r"(?:'s|(?<=s)')$")  # a possessive ending
_CURRENCY_LETTERS = re.compile(r"[A-Za-z]+(?=\d)")  # "R" of "R400bn"


def _below_zero(got: Quantity | None, rule: str) -> Quantity | None:
    """An exact number read without its sign, put below zero ("-5C", "30 below zero"), its
    rule told by `rule` around the unsigned one's ("minus {}"); a number already at or below
    zero stays as it is; None for anything else ("minus about 5" is no reading)."""
    if got is None or got.mod != "EXACT" or got.low is None:
        return None
    if got.low <= 0:
        return got  # "minus 5 below zero": said twice, still below zero; "0 below zero": 0
    return replace(got, low=-got.low, high=-got.low, rule=rule.format(got.rule))


def _measure_acronym(form: str, after: str, t: _Tables) -> bool:
    """Whether a word as written is an acronym in capitals with one of numbers.yaml
    `measure_links` after it, so that it names a measure, not a label: "a BMI of 30", "the
    FFDI above 100" ("the FTSE 100", "the Group of 77", "the UEFA under 21" stay names)."""
    return len(form) > 1 and form.isalpha() and form.isupper() and after in t.lead_measure_links


def _name_word(form: str, t: _Tables) -> bool:
    """Whether a word as written is capitalized as a name's, not a currency's letters against
    the amount ("Eskom's R400bn debt": the debt is Eskom's)."""
    letters = _CURRENCY_LETTERS.match(form)
    return form[:1].isupper() and not (
        letters is not None and letters.group().casefold() in t.currency_prefixes)


_PARTICLE_BOUNDS = (["up", "to"], ["down", "to"])


# A whole number and a proper fraction: "22 1/2 years" (a bare "3/4" stays a share, not read)
_MIXED = re.compile(r"(?<![\d/.,])(\d+) (\d{1,2})/(\d{1,2})(?![\d/])")


def _mixed(m: re.Match[str]) -> str:
    whole, num, den = (int(g) for g in m.groups())
    return _num(whole + num / den) if 0 < num < den else m.group()


_VULGAR = re.compile(r"(\d*)\s?([\u00bc-\u00be\u2150-\u215e])")


def _fractions(text: str) -> str:
    """A vulgar fraction as decimals ("2½ million" -> "2.5 million"), before NFKC folding
    spells it "1⁄2" and runs it into the digits before it; one not in numbers.yaml stays."""
    if text.isascii():
        return text
    table = _tables().vulgar_fractions

    def decimal(m: re.Match[str]) -> str:
        part = table.get(m.group(2))
        return m.group() if part is None else _num(int(m.group(1) or 0) + part)

    return _VULGAR.sub(decimal, text)
