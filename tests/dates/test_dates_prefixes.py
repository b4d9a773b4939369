"""The rule index (prefixes.py) may only over-approximate: a rule that matches a key is always
among the rules tried for it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalize.dates.prefixes import first_words, leading_words
from normalize.dates.recognize import lexicon

RULES = lexicon().rules


@pytest.mark.parametrize("index", range(len(RULES)), ids=[r[0] for r in RULES])
@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_a_matching_rule_is_always_tried(index: int, data: st.DataObject) -> None:
    name, pattern, _, _ = RULES[index]
    key = data.draw(st.from_regex(pattern, fullmatch=True).filter(lambda k: k == k.strip()))
    assert RULES[index] in lexicon().rules_for(key), (name, key)


@pytest.mark.parametrize(("pattern", "key"), [
    (r"(?:the )?\d{4}s", "the 1990s"), (r"\d+ years?", "123456789 years"),
    (r"\d{1,3}(?:,\d{3})+ days", "1,000,000 days"), (r"twenty[ -]five", "twenty-five"),
    (r"(?:a|an) (?:very )*long (?:time|while)", "a very very very very very long while"),
])
def test_known_shapes(pattern: str, key: str) -> None:
    one, two = leading_words(key)
    words_one, words_two = first_words(pattern, 1), first_words(pattern, 2)
    assert words_one is not None and words_two is not None  # these shapes are all followed
    assert one in words_one and two in words_two


def test_unknown_constructs_mean_any() -> None:
    assert first_words(r"[^x]+ days") is None  # a negated set: no word list
    assert first_words(r"\w+ ago") is None
