"""Hypothesis strategies for testing pipelines built on `normalize`.

Each strategy draws a mention together with the answer a normalizer must give, so that a
user's property test reads `mention, expected = data.draw(quantity_phrases())`.
Registered for third parties through the `hypothesis` entry point.
"""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = ["quantity_phrases"]

_QUALIFIED = {
    "at least {n}": lambda n: (n, None),
    "no fewer than {n}": lambda n: (n, None),
    "{n} or more": lambda n: (n, None),
    "more than {n}": lambda n: (n, None),
    "up to {n}": lambda n: (None, n),
    "fewer than {n}": lambda n: (None, n),
    "{n}": lambda n: (n, n),
}


@st.composite
def quantity_phrases(draw: st.DrawFn, max_value: int = 10**9) -> tuple[str, tuple]:
    """A number phrase ("at least 9", "12,000") and its expected (low, high) bounds."""
    n = draw(st.integers(min_value=0, max_value=max_value))
    template = draw(st.sampled_from(sorted(_QUALIFIED)))
    digits = draw(st.sampled_from([str(n), f"{n:,}"]))
    return template.format(n=digits), _QUALIFIED[template](n)


def _hypothesis_setup_hook() -> None:
    """Entry-point hook: hypothesis calls it on import; nothing global needs registering."""
