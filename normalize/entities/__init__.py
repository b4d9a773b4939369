"""Entity mentions -> knowledge-base entities: a validated KB, an alias/variant/typo index over
it, and a resolver in small explained stages (titles, roles at a date, counterparts, metonymy)."""

from normalize.entities.context import shared_body_name
from normalize.entities.kb import Entity, KnowledgeBase, KnowledgeBaseError, Role
from normalize.entities.resolve import (
    EntityMatch,
    national_side,
    resolve_entities,
    resolve_entity,
    resolve_entity_candidates,
)

__all__ = [
    "Entity",
    "EntityMatch",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Role",
    "national_side",
    "resolve_entities",
    "resolve_entity",
    "resolve_entity_candidates",
    "shared_body_name",
]
