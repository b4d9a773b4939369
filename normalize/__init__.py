"""Normalize what news articles say: dates to TIMEX3, entity mentions to a knowledge base,
quantities to ranges. Every result explains which rule, alias or role produced it.

The public names are imported lazily (PEP 562), so `import normalize` stays cheap for the
pytest plugin and command-line start-up; the knowledge base and rule tables load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from normalize.lazy import lazy_exports

_EXPORTS = {
    "TimeValue": "normalize.dates",
    "resolve_date": "normalize.dates",
    "resolve_dates": "normalize.dates",
    "EntityMatch": "normalize.entities",
    "KnowledgeBase": "normalize.entities",
    "resolve_entity": "normalize.entities",
    "resolve_entity_candidates": "normalize.entities",
    "resolve_entities": "normalize.entities",
    "Quantity": "normalize.quantities",
    "resolve_quantity": "normalize.quantities",
}

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

if TYPE_CHECKING:
    from normalize.dates import TimeValue, resolve_date, resolve_dates
    from normalize.entities import (
        EntityMatch,
        KnowledgeBase,
        resolve_entities,
        resolve_entity,
        resolve_entity_candidates,
    )
    from normalize.quantities import Quantity, resolve_quantity

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
