"""Name shapes beyond first-last (particles, double surnames, apostrophes), role titles a KB
writes its own way, subordinate titles, possessors, and typos without enough evidence."""

from __future__ import annotations

import pytest

from normalize.entities import KnowledgeBase, resolve_entity
from normalize.entities.lexicon import roles

RECORDS = [
    {"id": "country:ru", "name": "Russia", "type": "country", "demonyms": ["Russian"]},
    {"id": "country:mx", "name": "Mexico", "type": "country", "demonyms": ["Mexican"]},
    {"id": "country:sy", "name": "Syria", "type": "country", "demonyms": ["Syrian"]},
    {"id": "country:us", "name": "United States", "type": "country", "aliases": ["US"],
     "demonyms": ["American"]},
    {"id": "person:amlo", "name": "Andrés Manuel López Obrador", "type": "person",
     "roles": [{"role": "President of Mexico", "of": "country:mx", "start": "2018-12-01",
                "end": "2024-09-30"}]},
    {"id": "person:bashar", "name": "Bashar al-Assad", "type": "person",
     "roles": [{"role": "President of Syria", "of": "country:sy", "start": "2000-07-17",
                "end": "2024-12-08"}]},
    {"id": "person:assaf", "name": "Ibrahim Al-Assaf", "type": "person"},
    {"id": "person:orourke", "name": "Beto O'Rourke", "type": "person"},
    {"id": "person:mary-ann-smith", "name": "Mary Ann Smith", "type": "person"},
    {"id": "person:medvedev", "name": "Dmitry Medvedev", "type": "person",
     "roles": [{"role": "President of Russia", "start": "2008-05-07", "end": "2012-05-07"}]},
    {"id": "person:maria-sanchez", "name": "Maria Sanchez", "type": "person",
     "nationality": "country:mx",
     "roles": [{"role": "Mayor", "start": "2010-01-01", "end": "2012-01-01"}]},
    {"id": "person:lavrov", "name": "Sergey Lavrov", "type": "person",
     "roles": [{"role": "Minister of Foreign Affairs of Russia", "of": "country:ru",
                "start": "2004-03-09"}]},
    {"id": "person:ryabkov", "name": "Sergei Ryabkov", "type": "person",
     "roles": [{"role": "Deputy Foreign Minister", "of": "country:ru", "start": "2008-08-20"}]},
    {"id": "person:biden", "name": "Joe Biden", "type": "person", "nationality": "country:us",
     "roles": [{"role": "President", "of": "country:us", "start": "2021-01-20",
                "end": "2025-01-20"}]},
    {"id": "person:sullivan", "name": "Jake Sullivan", "type": "person",
     "roles": [{"role": "National Security Adviser", "of": "country:us",
                "start": "2021-01-20", "end": "2025-01-20"}]},
    {"id": "person:blinken", "name": "Antony Blinken", "type": "person",
     "roles": [{"role": "Secretary of State", "of": "country:us", "start": "2021-01-26",
                "end": "2025-01-20"}]},
]


@pytest.fixture(scope="module")
def kb2() -> KnowledgeBase:
    """A KB whose role titles are written the long way."""
    return KnowledgeBase.from_records(RECORDS)


CASES = [
    ("López Obrador", None, "person:amlo"),
    ("Lopez Obrador", None, "person:amlo"),
    ("Andres Manuel Lopez Obrador", None, "person:amlo"),
    ("al-Assad", None, "person:bashar"),
    ("Assad", None, "person:bashar"),
    ("Bashar Assad", None, None),  # a different shape, not a typo
    ("O'Rourke", None, "person:orourke"),
    ("O\u2019Rourke\u2019s", None, "person:orourke"),
    ("the Mexican president", "2020-01-01", "person:amlo"),
    ("the Syrian president", "2025-06-01", None),
    ("the former Syrian president", "2025-06-01", "person:bashar"),
    ("Russia's foreign minister", "2021-06-01", "person:lavrov"),
    ("the Russian deputy foreign minister", "2021-06-01", "person:ryabkov"),  # KB's own title
    ("the US deputy foreign minister", "2021-06-01", None),
    ("Deputy Foreign Minister Sergei Ryabkov", "2021-06-01", "person:ryabkov"),
    ("Biden's national security adviser", "2021-06-01", "person:sullivan"),
    ("Biden's top diplomat", "2021-06-01", "person:blinken"),
    ("the Secretary of State", "2021-06-01", "person:blinken"),
    ("Sallivan", None, "person:sullivan"),
    ("Mary Smith", None, "person:mary-ann-smith"),
    ("Ann Smith", None, None),  # a middle name is not part of the surname
    ("Russia's president", "2010-01-01", "person:medvedev"),  # `of` read from the title
    ("the Mexican mayor", "2011-01-01", "person:maria-sanchez"),  # `of` from the nationality
    ("Assaf", None, "person:assaf"),
    ("Asaf", None, "person:assaf"),  # a spelling variant (double letter), not a typo
    ("Assam", None, None),  # one edit in a short lone word is not enough evidence
    ("Blinkin", None, "person:blinken"),
]


@pytest.mark.parametrize("mention,date,expected", CASES)
def test_cases(kb2, mention, date, expected):
    match = resolve_entity(mention, date=date, kb=kb2)
    assert (match.id if match else None) == expected, match


@pytest.mark.parametrize("title,cls", [
    ("President of Mexico", "President"),
    ("Minister of Foreign Affairs of Russia", "Foreign Minister"),
    ("Russian Foreign Minister", "Foreign Minister"),
    ("Deputy Foreign Minister", "Deputy Foreign Minister"),
    ("Deputy Prime Minister", "Deputy Prime Minister"),
    ("Vice President", "Vice President"),
    ("Secretary of State", "Foreign Minister"),
    ("Chief Rabbi", "Chief Rabbi"),
])
def test_role_class_of_kb_titles(title, cls):
    assert roles().role_class(title) == cls


def test_generated_acronym_needs_capitals_and_reads_hyphenated_words():
    kb = KnowledgeBase.from_records([
        {"id": "org:osce", "type": "org",
         "name": "Organization for Security and Co-operation in Europe"},
        {"id": "org:who", "type": "org", "name": "World Health Organization"},
    ])
    assert resolve_entity("OSCE", kb=kb).id == "org:osce"
    assert resolve_entity("the O.S.C.E.", kb=kb).id == "org:osce"
    assert resolve_entity("WHO's", kb=kb).id == "org:who"
    assert resolve_entity("osce", kb=kb) is None
    assert resolve_entity("Who", kb=kb) is None
