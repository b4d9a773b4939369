"""Quantities: the examples corpus beside the word tables, containment, and properties."""

from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize.quantities import FIRST_YEAR_OF_SPAN, YEAR, Quantity, resolve_quantity


def _examples() -> list[tuple[str, float | None, float | None, str]]:
    text = resources.files("normalize").joinpath("data/quantities_examples.tsv").read_text()
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        mention, low, high, mod = line.split("\t")
        out.append((mention, None if low == "-" else float(low),
                    None if high == "-" else float(high), mod))
    return out


@pytest.mark.parametrize(("mention", "low", "high", "mod"), _examples(), ids=lambda x: str(x))
def test_examples_corpus(mention: str, low: float | None, high: float | None, mod: str) -> None:
    q = resolve_quantity(mention)
    if mod == "NONE":  # the corpus's negatives: no count
        assert q is None, f"{mention!r} read as {q}"
        return
    assert q is not None, mention
    assert (q.low, q.high, q.mod) == (low, high, mod)


@pytest.mark.parametrize("text", ["", "   ", "the", "diplomats", "about", "at least", "-",
                                  "10 to 5", "3/4", "1e5", "10:30", "two-thirds", "one third",
                                  "one in five", "3 out of 10", "four in 10 voters",
                                  "three-quarters of voters", "a quarter", "No. 1", "1\u20442",
                                  "the 1990s", "1990s", "3rd", "21st", "15 March 2024",
                                  "2 p.m.", "N95", "R2-D2", "not 40", "every 10 years",
                                  "per 100,000", "in 2019", "the 2024 general election",
                                  "alert level 4", "Boeing 737"])
def test_not_a_quantity(text: str) -> None:
    assert resolve_quantity(text) is None


def test_won_before_a_count_is_a_verb_not_korean_money() -> None:
    q = resolve_quantity("won 5 games")
    assert q is not None and q.value == 5 and q.measure is None


def test_unit_is_kept() -> None:
    q = resolve_quantity("10 Russian diplomats")
    assert q is not None and q.unit == "russian diplomats" and q.value == 10


def test_percent_has_one_spelling() -> None:
    units = {resolve_quantity(t).unit for t in ("7.5%", "7.5 per cent", "7.5 percent", "7.5 pct")}
    assert units == {"%"}


@pytest.mark.parametrize(("text", "measure"), [
    ("$3 billion", "USD"), ("3 billion dollars", "USD"), ("20 million euros", "EUR"),
    ("£3.2bn", "GBP"), ("7.5 per cent", "%"), ("10 diplomats", None), ("10", None),
    ("NZ$40 million", "NZD"), ("more than S$1bn", "SGD"), ("tens of millions of dollars", "USD"),
    ("hundreds of millions", None), ("a $5 million fine", "USD"), ("C$40", "CAD"),
    ("10 pounds of flour", None),  # pounds: a weight as often as money
    ("₦2.5 billion", "NGN"), ("N2.5 billion", "NGN"), ("₱1.2 billion", "PHP"),
    ("P1.2 billion", "PHP"), ("₩3 trillion", "KRW"), ("about R20-million", "ZAR"),
    ("R$1 billion", "BRL"), ("1 billion reais", "BRL"), ("BRL 1 billion", "BRL"),
    ("MX$300", "MXN"), ("R4.5 billion", "ZAR"),
])
def test_measure(text: str, measure: str | None) -> None:
    assert resolve_quantity(text).measure == measure


def test_basis_points_are_read_as_written_and_compared_in_points() -> None:
    from normalize.quantities import in_common_unit  # noqa: PLC0415

    q = resolve_quantity("75 basis points")
    assert (q.low, q.unit) == (75, "basis points")  # the number as the text writes it
    common = in_common_unit(q)
    assert (common.low, common.high, common.unit) == (0.75, 0.75, "percentage points")
    percent = in_common_unit(resolve_quantity("10%"))  # a percentage is in points too
    assert (percent.low, percent.unit) == (10, "percentage points")
    assert in_common_unit(resolve_quantity("40 people")) == resolve_quantity("40 people")
    assert in_common_unit(None) is None


@pytest.mark.parametrize(("text", "low", "unit"), [
    ("3.85 metric tons", 3850, "kilograms"), ("56 minutes", 3360, "seconds"),
    ("5 miles", 8046.72, "metres"), ("10 hectares", 100000, "square metres"),
])
def test_measures_convert_to_the_common_unit_of_their_kind(text: str, low: float,
                                                           unit: str) -> None:
    from normalize.quantities import in_common_unit, unit_kind  # noqa: PLC0415

    q = resolve_quantity(text)
    assert unit_kind(q) == unit and q.unit != unit  # read as written, converted on request
    common = in_common_unit(q)
    assert (common.low, common.unit) == (pytest.approx(low), unit)
    assert unit_kind(resolve_quantity("40 people")) is None


@pytest.mark.parametrize(("text", "half_digit"), [
    ("8 km", 0.5), ("3.85 tonnes", 0.005), ("1,200 metres", 0.5), ("2.5 million", 0.0),
    ("about 8 km", 0.0),  # already a range
])
def test_rounding_is_half_the_last_digit_written(text: str, half_digit: float) -> None:
    from normalize.quantities import rounding  # noqa: PLC0415

    assert rounding(resolve_quantity(text)) == pytest.approx(half_digit)


def test_containment_and_overlap() -> None:
    ten, eleven = resolve_quantity("10"), resolve_quantity("11")
    at_least_nine, more_than_ten = resolve_quantity("at least nine"), resolve_quantity("over 10")
    assert at_least_nine.contains(ten) and not ten.contains(at_least_nine)
    assert not ten.overlaps(eleven)
    assert not more_than_ten.contains(ten) and not more_than_ten.overlaps(ten)
    assert more_than_ten.overlaps(eleven)
    assert resolve_quantity("about a dozen").contains(resolve_quantity("11"))


def test_rejects_non_str() -> None:
    with pytest.raises(TypeError, match="expected a string or None"):
        resolve_quantity(10)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_read_back(n: int) -> None:
    q = resolve_quantity(f"{n:,}")
    assert q is not None and q.value == n


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["", " ", "  "]),
       st.sampled_from([str.upper, str.lower, str.title]))
def test_case_and_spacing_invariant(n: int, pad: str, case) -> None:
    base = resolve_quantity(f"at least {n}")
    varied = resolve_quantity(case(f"{pad}at{pad} least  {n}{pad}"))
    assert varied is not None and (varied.low, varied.high, varied.mod) == (
        base.low, base.high, base.mod)


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_range_contains_its_ends(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    if lo == hi:
        return
    rng = resolve_quantity(f"between {lo} and {hi}")
    if lo >= FIRST_YEAR_OF_SPAN and all(YEAR.fullmatch(str(n)) for n in (lo, hi)):
        assert rng is None  # "between 1999 and 2015": a span of years, no count
        rng = resolve_quantity(f"between {lo:,} and {hi:,}")  # written as counts
    # each end written with its thousands separator, as a count ("2021" alone is a year)
    assert rng is not None and rng.contains(resolve_quantity(f"{lo:,}"))
    assert rng.contains(resolve_quantity(f"{hi:,}"))
    assert not rng.contains(resolve_quantity(f"{hi + 1:,}"))


@given(st.text(max_size=300))
def test_never_crashes(text: str) -> None:
    result = resolve_quantity(text)
    assert result is None or isinstance(result, Quantity)


def test_long_input_is_bounded() -> None:
    assert resolve_quantity("9" * 1_000_000) is None


def test_interval_notation_is_open_at_infinity() -> None:
    assert str(resolve_quantity("more than 30")) == "(30, inf)"
    assert str(resolve_quantity("at least nine")) == "[9, inf)"
    assert str(resolve_quantity("up to 50")) == "(-inf, 50]"


def test_every_table_entry_has_an_example() -> None:
    """numbers.yaml promises that its examples corpus exercises every entry: a word of a table
    that no example uses is a rule nobody has checked."""
    from normalize.quantities import _TOKEN, _tables  # noqa: PLC0415 - the reader's own tables
    from normalize.text import fold_key  # noqa: PLC0415

    t = _tables()
    said = [_TOKEN.findall(fold_key(mention)) for mention, *_ in _examples()]
    sequences = [entry[0] for table in (t.prefixes, t.suffixes, t.vague, t.exact)
                 for entries in table.values() for entry in entries]
    sequences += [[w] for table in (t.units, t.nouns, t.multipliers, t.currencies,
                                    t.money_after_magnitude) for w in table]
    sequences += [[w, "$"] for w in t.dollar_prefixes] + [[w] for w in t.currency_prefixes]
    sequences += [[w] for w in t.address_words]
    sequences += [[w] for w in (*t.money_magnitudes, *t.screen_words)]
    sequences += [_TOKEN.findall(w) for w in t.abbreviations]
    sequences += [_TOKEN.findall(w) for w in t.not_count_phrases]
    sequences += [_TOKEN.findall(w) for w in t.clock_zones]
    unused = [" ".join(p) for p in sequences
              if not any(toks[i:i + len(p)] == p for toks in said for i in range(len(toks)))]
    assert unused == []


@given(st.sampled_from(["a few", "several", "a handful of", "many"]),
       st.sampled_from([("hundred", 100), ("thousand", 1000), ("million", 10**6),
                        ("dozen", 12), ("thousands", 1000)]))
def test_vague_amount_scales_with_its_magnitude_word(vague: str, magnitude) -> None:
    word, factor = magnitude
    alone, scaled = resolve_quantity(vague), resolve_quantity(f"{vague} {word}")
    assert scaled is not None and scaled.mod == alone.mod == "VAGUE"
    assert (scaled.low, scaled.high) == tuple(
        None if end is None else end * factor for end in (alone.low, alone.high))


@given(st.decimals(min_value=1, max_value=999, places=1, allow_nan=False),
       st.sampled_from(["million", "billion", "m", "bn", "lakh", "crore"]))
def test_hyphen_before_a_magnitude_changes_nothing(number, word) -> None:
    spaced, hyphened = resolve_quantity(f"{number} {word}"), resolve_quantity(f"{number}-{word}")
    assert spaced is not None and hyphened is not None and spaced.value == hyphened.value
