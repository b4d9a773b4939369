"""Text folding, which every normalizer applies first: copy as it arrives reads as written."""

from __future__ import annotations

import pytest

from normalize.text import fold


@pytest.mark.parametrize(("written", "folded"), [
    ("Putin\u2019s", "Putin's"),  # a curly apostrophe
    ("Putin\u00b4s", "Putin's"),  # an acute accent used as one (NFKC would split it)
    ("Zelen\u00adskyy", "Zelenskyy"),  # a soft hyphen
    ("Biden\u200d", "Biden"),  # a zero-width joiner
    ("Merkel 's decision", "Merkel's decision"),  # a possessive split by a tokenizer
    ("Merkel 's.", "Merkel's."),
    ("the 's-Gravenhage court", "the 's-Gravenhage court"),  # the Dutch article stays
    ("he said 'so what'", "he said 'so what'"),
    ("next \u00a0 June", "next June"),
])
def test_fold(written: str, folded: str) -> None:
    assert fold(written) == folded
