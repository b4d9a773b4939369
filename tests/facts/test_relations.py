"""Relations: the vocabulary of data/relations.yaml and the regular inflections of
data/inflections.yaml, whose examples are the test."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from facts.check import check_rows, join_inflections, normalize_relation
from facts.corpus import Document, FactRow
from normalize.yamldata import load_yaml

EXAMPLES = load_yaml(resources.files("facts").joinpath("data/inflections.yaml").read_text()
                     )["examples"]


def _joined(verbs: list[str]) -> list[str]:
    written = [normalize_relation(v) for v in verbs]
    table = join_inflections(written)
    return [table[w] for w in written]


@pytest.mark.parametrize("verbs", EXAMPLES["same"], ids=lambda v: v[0])
def test_inflections_of_one_verb_are_one_relation(verbs: list[str]) -> None:
    assert len(set(_joined(verbs))) == 1


@pytest.mark.parametrize("verbs", EXAMPLES["apart"], ids=lambda v: "/".join(v))
def test_different_verbs_stay_apart(verbs: list[str]) -> None:
    assert len(set(_joined(verbs))) == len(verbs)


@pytest.mark.parametrize("form, verb", [("sanctioning", "sanction"), ("meets with", "meet"),
                                        ("expelling", "expel"), ("speaking", "talk")])
def test_unlisted_forms_of_vocabulary_verbs_join_them(form: str, verb: str) -> None:
    assert normalize_relation(form) == verb


def test_rows_with_inflected_verbs_form_one_group() -> None:
    docs = {d: Document(d, Path(f"{d}.txt"), date(2023, 10, 14), "") for d in ("a", "b", "c")}
    rows = [FactRow(id=d, line=i + 2, doc=d, subject="Microsoft", relation=verb,
                    object="Activision Blizzard", quantity="$68.7 billion")
            for i, (d, verb) in enumerate(zip(docs, ("acquired", "acquires", "Acquire"),
                                              strict=True))]
    result = check_rows(rows, docs)
    assert len(result.groups) == 1 and result.groups[0].verdict == "consistent"
    assert "acquire" in result.groups[0].key
