"""Normalize what news articles say: dates to TIMEX3, entity mentions to a knowledge base,
quantities to ranges. Every result explains which rule, alias or role produced it."""

from normalize.dates import TimeValue, resolve_date, resolve_dates
from normalize.entities import (
    EntityMatch,
    KnowledgeBase,
    resolve_entities,
    resolve_entity,
    resolve_entity_candidates,
)
from normalize.quantities import Quantity, resolve_quantity

__all__ = [
    "EntityMatch",
    "KnowledgeBase",
    "Quantity",
    "TimeValue",
    "resolve_date",
    "resolve_dates",
    "resolve_entities",
    "resolve_entity",
    "resolve_entity_candidates",
    "resolve_quantity",
]
