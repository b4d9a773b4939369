"""Temporal normalizer: mentions ("next June", "Tuesday", "the third quarter") -> TIMEX3 values.

Two passes, rules as data: `recognize` reads a mention into an underspecified value with the
rule tables in data/; `anchor` fixes it against the document date and the sentence's tense.
"""

from normalize.dates.api import diagnose, resolve_date, resolve_dates
from normalize.dates.values import TimeValue

__all__ = ["TimeValue", "diagnose", "resolve_date", "resolve_dates"]
