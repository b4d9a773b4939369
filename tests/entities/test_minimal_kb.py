"""A user's KB in design.md's minimal format (no demonyms, no short names, titles written
"President of France"): the resolver's language resources fill what the KB does not say."""

from __future__ import annotations

import pytest

from normalize.entities import KnowledgeBase, resolve_entity

MINIMAL_KB = """
entities:
- {id: P1, name: Emmanuel Macron, type: person,
   roles: [{role: President of France, of: C1, start: 2017-05-14, end: null}]}
- {id: P2, name: François Hollande, type: person,
   roles: [{role: President, of: C1, start: 2012-05-15, end: 2017-05-14}]}
- {id: P3, name: Olaf Scholz, type: person,
   roles: [{role: Chancellor, of: C2, start: 2021-12-08, end: 2025-05-06}]}
- {id: P4, name: Annalena Baerbock, type: person,
   roles: [{role: Minister of Foreign Affairs, of: C2, start: 2021-12-08, end: 2025-05-06}]}
- {id: C1, name: France, type: country}
- {id: C2, name: Germany, type: country, iso: [DE, DEU]}
- {id: CITY1, name: Paris, type: city, located_in: C1}
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    path = tmp_path_factory.mktemp("kb") / "kb.yaml"
    path.write_text(MINIMAL_KB, encoding="utf-8")
    return KnowledgeBase.load(path)


@pytest.mark.parametrize(
    ("mention", "date", "expected"),
    [
        ("French President Emmanuel Macron", "2022-01-01", "P1"),
        ("German Chancellor Olaf Scholz", "2022-01-01", "P3"),
        ("the French president", "2016-01-01", "P2"),
        ("the French president", "2022-06-01", "P1"),
        ("France's president", "2022-06-01", "P1"),  # KB title "President of France"
        ("the former French president", "2022-01-01", "P2"),
        ("the German foreign minister", "2022-03-01", "P4"),
        ("French", None, "C1"),
        ("the French Republic", None, "C1"),
        ("in Paris", None, "CITY1"),
        ("the British prime minister", "2022-01-01", None),  # not in this KB
        ("in June", None, None),
        ("IN:0", None, None),  # a preposition with no place after it (found by hypothesis)
        ("De", None, None),  # a code matches only as written: "DE" is a country, "De" is not
    ],
)
def test_language_resources_fill_a_minimal_kb(kb, mention, date, expected) -> None:
    match = resolve_entity(mention, date=date, kb=kb)
    assert (match.id if match else None) == expected, match


def test_borrowed_names_do_not_change_the_users_entities(kb) -> None:
    assert kb.get("C1").aliases == () and kb.get("C1").demonyms == ()


def test_another_sense_spares_an_entity_whose_own_roles_name_the_cue(tmp_path) -> None:
    """data/other_senses.yaml reads "Powell ... the Fed" as Jerome Powell, not Colin Powell; a
    user's KB that holds the Fed chair keeps him, since "Federal Reserve" is his own role."""
    path = tmp_path / "kb.yaml"
    path.write_text(
        "entities:\n"
        "- {id: JP, name: Jerome Powell, type: person,\n"
        "   roles: [{role: Chair of the Federal Reserve, start: 2018-02-05, end: null}]}\n",
        encoding="utf-8")
    user = KnowledgeBase.load(path)
    sentence = "Powell said the Federal Reserve would hold rates steady."
    got = resolve_entity("Powell", "2023-07-26", sentence, user)
    assert got is not None and got.id == "JP"
    assert resolve_entity("Powell", "2023-07-26", sentence) is None  # bundled: Colin Powell
