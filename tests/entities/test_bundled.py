"""The bundled knowledge base loads, validates, and every entity's name finds it."""

from __future__ import annotations

from collections import Counter

import pytest

from normalize.entities import KnowledgeBase, resolve_entity, resolve_entity_candidates
from normalize.entities.kb import BUNDLED_DIR
from normalize.entities.lexicon import name_key


def test_the_bundled_kb_ships_with_the_package() -> None:
    assert len(list(BUNDLED_DIR.glob("*.yaml"))) >= 5


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


@pytest.mark.parametrize(
    ("mention", "date", "expected"),
    [
        ("Zelensky", "2022-03-01", "person:volodymyr-zelenskyy"),
        ("Zelenskiy", "2022-03-01", "person:volodymyr-zelenskyy"),
        ("the Ukrainian president", "2015-01-01", "person:petro-poroshenko"),
        ("the Israeli prime minister", "2022-01-01", "person:naftali-bennett"),
        ("Pres. Biden", "2021-05-04", "person:joe-biden"),
        ("Europe", None, "place:europe"),
        # a country qualifier does not fit the UN body: the typo'd Russian one is meant
        ("russian securiti council", None, "org:russian-security-council"),
    ],
)
def test_bundled_kb_covers_the_news_beyond_the_g20(mention, date, expected) -> None:
    match = resolve_entity(mention, date=date)
    assert match is not None and match.id == expected, match


def test_brussels_as_an_actor_is_the_eu() -> None:
    said = resolve_entity("Brussels", context="Brussels said it would respond")
    assert said is not None and said.id == "org:eu" and said.method == "metonymy"
    assert resolve_entity("Brussels", context="a summit in Brussels").id == "city:brussels"


@pytest.mark.parametrize(("mention", "expected"), [
    ("City of San Mrino", "city:city-of-san-marino"),  # found by the entity_mentions strategy
    ("city of san marinp", "city:city-of-san-marino"),
    ("San Mrino", "country:sm"),
])
def test_a_misspelt_whole_name_beats_a_title_plus_a_misspelt_rest(mention, expected) -> None:
    match = resolve_entity(mention)
    assert match is not None and match.id == expected, resolve_entity_candidates(mention)


def test_a_word_table_nobody_reads_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A table in a context data file that no field of its dataclass names (misspelt, or left
    behind when its code went) fails loudly instead of being silently ignored."""
    from normalize.entities import lexicon

    text = lexicon._read("context.yaml") + "\nactor_verbz: [said]\n"
    monkeypatch.setattr(lexicon, "_read", lambda name: text)
    with pytest.raises(ValueError, match=r"context\.yaml: unknown tables \['actor_verbz'\]"):
        lexicon._word_sets(lexicon.ContextWords, "context.yaml")
