"""The example corpus is the test: every line of normalize/entities/examples/*.tsv is a case,
resolved against the bundled knowledge base with its date and sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalize.entities import KnowledgeBase, resolve_entity, resolve_entity_candidates

EXAMPLES = Path(__file__).resolve().parents[2] / "normalize" / "entities" / "examples"


def _cases() -> list:
    cases = []
    for path in sorted(EXAMPLES.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            mention, date, context, expected = line.split("\t")
            cases.append(pytest.param(mention, date, None if context == "-" else context,
                                      None if expected == "NONE" else expected,
                                      id=f"{path.name}:{number} {mention}"))
    return cases


@pytest.mark.parametrize(("mention", "date", "context", "expected"), _cases())
def test_example(mention: str, date: str, context: str | None, expected: str | None) -> None:
    kb = KnowledgeBase.bundled()
    match = resolve_entity(mention, date, context, kb=kb)
    assert (match.id if match else None) == expected, resolve_entity_candidates(
        mention, date, context, kb=kb)


def test_the_corpus_is_not_empty() -> None:
    assert len(_cases()) >= 90
