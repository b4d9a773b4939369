"""The bundled knowledge base loads, validates, and every entity's name finds it."""

from __future__ import annotations

from collections import Counter

import pytest

from normalize.entities import KnowledgeBase, resolve_entity, resolve_entity_candidates
from normalize.entities.kb import BUNDLED_DIR
from normalize.entities.lexicon import name_key

pytestmark = pytest.mark.skipif(
    not any(BUNDLED_DIR.glob("*.yaml")), reason="no bundled KB files in data/kb yet"
)


@pytest.fixture(scope="module")
def bundled() -> KnowledgeBase:
    """The shipped KB."""
    return KnowledgeBase.bundled()


def test_bundled_is_cached(bundled):
    assert KnowledgeBase.bundled() is bundled and len(bundled) > 0


def test_every_name_resolves_to_itself(bundled):
    keys = Counter()
    for e in bundled:
        for text in {e.name, *e.aliases}:
            keys[(name_key(text), e.id)] += 1
    shared = Counter(k for k, _ in keys)
    failures = []
    for e in bundled:
        ranked = resolve_entity_candidates(e.name, kb=bundled, limit=3)
        if not ranked or ranked[0].id != e.id and ranked[0].score >= 1.0:
            if shared[name_key(e.name)] == 1:
                failures.append((e.id, [(m.id, m.score) for m in ranked]))
            continue
        if shared[name_key(e.name)] == 1:
            match = resolve_entity(e.name, kb=bundled)
            if match is None or match.id != e.id:
                failures.append((e.id, [(m.id, m.score) for m in ranked]))
    assert not failures, failures[:20]
