"""Loading and validating knowledge bases: file forms, merging, and errors that name
the file, the entity and the field."""

from __future__ import annotations

import json
import textwrap

import pytest

from normalize.entities import KnowledgeBase, KnowledgeBaseError, resolve_entity

GOOD = [
    {"id": "country:ru", "name": "Russia", "type": "country", "capital": "city:moscow"},
    {"id": "city:moscow", "name": "Moscow", "type": "city", "located_in": "country:ru",
     "population": 13000000},
]


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_load_forms(tmp_path):
    as_list = tmp_path / "list.json"
    as_list.write_text(json.dumps(GOOD), encoding="utf-8")
    as_mapping = tmp_path / "mapping.json"
    as_mapping.write_text(json.dumps({"entities": GOOD, "version": 2}), encoding="utf-8")
    as_yaml = _write(tmp_path, "kb.yaml", """
        entities:
          - {id: country:ru, name: Russia, type: country}
    """)
    for path in (as_list, as_mapping, as_yaml):
        kb = KnowledgeBase.load(path)
        assert kb.get("country:ru").name == "Russia"
    assert KnowledgeBase.load(str(as_list)).get("city:moscow").located_in == "country:ru"
    assert KnowledgeBase.load(as_list).get("nope") is None


def test_directory_merges_files_and_references_across_files(tmp_path):
    _write(tmp_path, "a.yaml", "- {id: country:ch, name: Switzerland, type: country}\n")
    _write(tmp_path, "b.yaml", "- {id: city:geneva, name: Geneva, located_in: country:ch}\n")
    kb = KnowledgeBase.load(tmp_path)
    assert len(kb) == 2
    assert kb.get("city:geneva").type == "city"  # type defaults to the id prefix
    assert kb.contains("country:ch", "city:geneva")
    assert kb.contains("city:geneva", "city:geneva")
    assert not kb.contains("city:geneva", "country:ch")


def test_contains_follows_the_chain(kb):
    assert kb.contains("country:ch", "place:villa-la-grange")
    assert kb.contains("country:ru", "gov:kremlin")
    assert not kb.contains("country:us", "city:geneva")
    assert not kb.contains("country:us", "unknown:id")


def test_entity_fields(kb):
    putin = kb.get("person:vladimir-putin")
    assert putin.gender == "male" and putin.nationality == "country:ru"
    assert [r.role for r in putin.roles] == ["President", "Prime Minister", "President"]
    assert putin.roles[-1].end is None
    event = kb.get("event:geneva-summit-2021")
    assert event.participants == ("person:joe-biden", "person:vladimir-putin")
    assert str(event.start) == "2021-06-16"
    with pytest.raises(AttributeError):
        putin.name = "x"  # frozen


BAD = [
    ("- {name: Nobody}\n", "entity #0", "'id'"),
    ("- {id: person:x}\n", "entity person:x", "'name'"),
    ("- {id: a, name: A}\n- {id: a, name: B}\n", "entity a", "duplicate"),
    ("- {id: e, name: E, type: event, start: 2021-02-30}\n", "entity e", "'start'"),
    ("- id: p\n  name: P\n  roles: [{role: President, start: 2021-13-01}]\n", "entity p",
     "roles[0].start"),
    ("- id: p\n  name: P\n  roles: [{role: President, start: 2021-01-02, end: 2020-01-01}]\n",
     "entity p", "roles[0]"),
    ("- id: p\n  name: P\n  roles: [{role: President, of: country:zz}]\n", "entity p",
     "roles[0].of"),
    ("- {id: c, name: C, located_in: country:zz}\n", "entity c", "'located_in'"),
    ("- {id: country:x, name: X, capital: city:zz}\n", "entity country:x", "'capital'"),
    ("- {id: gov:x, name: X, seat_of: country:zz}\n", "entity gov:x", "'seat_of'"),
    ("- {id: a, name: A, aliases: [{x: 1}]}\n", "entity a", "'aliases'"),
    ("- {id: a, name: A, aliases: [{name: B, end: 2021-02-30}]}\n", "entity a", "'aliases'[0].end"),
    ("- {id: a, name: A, aliases: [{name: B, start: 2021-01-02, end: 2020-01-01}]}\n", "entity a",
     "impossible dates"),
    ("- {id: a, name: A, gender: [m]}\n", "entity a", "'gender'"),
    ("- {id: p, name: P, died: 2021-02-30}\n", "entity p", "'died'"),
    ("- id: p\n  name: P\n  died: 2020-01-01\n  roles: [{role: King, start: 2021-01-01}]\n",
     "entity p", "roles[0].start"),
    ("- {id: a, name: A\n", "", "syntax error"),
    ("just a string\n", "", "list of entities"),
    ("- 42\n", "entity #0", "mapping"),
]


@pytest.mark.parametrize("text,entity,field", BAD)
def test_validation_errors_name_file_entity_field(tmp_path, text, entity, field):
    path = _write(tmp_path, "bad.yaml", text)
    with pytest.raises(KnowledgeBaseError) as info:
        KnowledgeBase.load(path)
    message = str(info.value)
    assert str(path) in message and entity in message and field in message
    assert isinstance(info.value, ValueError)


def test_unreadable_and_missing_files(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="unreadable"):
        KnowledgeBase.load(tmp_path / "missing.yaml")
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(KnowledgeBaseError, match="bin.yaml"):
        KnowledgeBase.load(binary)


def test_duplicate_across_files_names_both(tmp_path):
    _write(tmp_path, "a.yaml", "- {id: x, name: X}\n")
    _write(tmp_path, "b.yaml", "- {id: x, name: Y}\n")
    with pytest.raises(KnowledgeBaseError) as info:
        KnowledgeBase.load(tmp_path)
    assert "a.yaml" in str(info.value) and "b.yaml" in str(info.value)


def test_from_records_and_user_kb_resolution(tmp_path):
    kb = KnowledgeBase.from_records([
        {"id": "person:ada", "name": "Ada Lovelace", "type": "person",
         "roles": [{"role": "Countess", "start": "1835-07-08"}]},
    ])
    assert resolve_entity("Lovelace", kb=kb).id == "person:ada"
    assert resolve_entity("Countess Ada Lovelace", kb=kb).method == "title"
    assert resolve_entity("the countess", date="1840-01-01", kb=kb).id == "person:ada"


def test_died_reads_the_late_holder(tmp_path):
    """`died` lets "the late <title>" name the holder whose death ended the term, and keeps
    "the late <name>" from a person the KB says was alive on the date."""
    kb = KnowledgeBase.from_records([
        {"id": "country:r", "name": "Ruritania", "type": "country"},
        {"id": "person:rudolf", "name": "Rudolf Elphberg", "type": "person", "died": "1890-05-02",
         "roles": [{"role": "King", "of": "country:r", "start": "1870-01-01",
                    "end": "1890-05-02"}]},
        {"id": "person:flavia", "name": "Flavia Elphberg", "type": "person",
         "roles": [{"role": "Queen", "of": "country:r", "start": "1890-05-03"}]},
    ])
    assert kb.get("person:rudolf").died.isoformat() == "1890-05-02"
    said = "Crowds in Ruritania mourned the late king."
    late = resolve_entity("the late king", date="1895-01-01", context=said, kb=kb)
    assert late is not None and late.id == "person:rudolf"
    assert resolve_entity("the late king", date="1889-01-01", context=said, kb=kb) is None
    assert resolve_entity("the late Flavia Elphberg", date="1895-01-01", kb=kb) is not None
    assert resolve_entity("the late Rudolf Elphberg", date="1880-01-01", kb=kb) is None


def test_dated_alias_names_the_entity_only_in_its_term():
    """An alias given as {name, start, end} is a name in use for a while ("Prince Charles" until
    he became king): outside its term it names nobody, so another bearer is not merged."""
    kb = KnowledgeBase.from_records([
        {"id": "person:rudolf", "name": "Rudolf V", "type": "person",
         "aliases": ["King Rudolf", {"name": "Prince Rudolf", "end": "1890-05-02"}]},
    ])
    assert kb.get("person:rudolf").aliases == ("King Rudolf", "Prince Rudolf")
    assert resolve_entity("Prince Rudolf", date="1885-01-01", kb=kb).id == "person:rudolf"
    assert resolve_entity("Prince Rudolf", date="1895-01-01", kb=kb) is None
    assert resolve_entity("King Rudolf", date="1895-01-01", kb=kb).id == "person:rudolf"


def test_lenient_values(tmp_path):
    path = _write(tmp_path, "kb.yaml", """
        - id: person:p
          name: P Q
          aliases: [1984, G7]
          roles:
            - {role: President, start: 2012, end: 2013-02}
            - {role: Mayor, start: "2014-03-01T00:00:00", end: ""}
        - {id: 7, name: 2024}
    """)
    kb = KnowledgeBase.load(path)
    p = kb.get("person:p")
    assert p.aliases == ("1984", "G7")
    assert str(p.roles[0].start) == "2012-01-01" and str(p.roles[0].end) == "2013-02-28"
    assert str(p.roles[1].start) == "2014-03-01" and p.roles[1].end is None
    assert kb.get("7").name == "2024"
