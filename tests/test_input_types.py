"""One contract for every normalizer: None is a missing value (no answer), any other non-string
is a programming error (TypeError naming the argument)."""

from __future__ import annotations

import pytest

from normalize import (
    resolve_date,
    resolve_dates,
    resolve_entities,
    resolve_entity,
    resolve_entity_candidates,
    resolve_quantity,
)

NORMALIZERS = [resolve_date, resolve_entity, resolve_quantity]


@pytest.mark.parametrize("normalize", NORMALIZERS, ids=lambda f: f.__name__)
def test_none_is_a_missing_mention(normalize) -> None:
    assert normalize(None) is None


@pytest.mark.parametrize("normalize", NORMALIZERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("value", [5, b"June", ["June"]], ids=repr)
def test_other_types_are_a_type_error(normalize, value) -> None:
    with pytest.raises(TypeError, match="expected a string or None"):
        normalize(value)


def test_batches_keep_missing_values_in_place() -> None:
    dates = resolve_dates(["next June", None], anchors="2021-05-25")
    assert dates[0].value == "2021-06" and dates[1] is None
    entities = resolve_entities(["Sallivan", None], dates=["2021-05-04", None])
    assert entities[0].id == "person:jake-sullivan" and entities[1] is None
    assert resolve_entity_candidates(None) == []
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        resolve_dates(["June", 7])


def test_context_must_be_a_string_or_none() -> None:
    with pytest.raises(TypeError, match="context"):
        resolve_date("Tuesday", anchor="2021-05-25", context=5)
    with pytest.raises(TypeError, match="context"):
        resolve_entity("Moscow", context=["Moscow said"])
    with pytest.raises(TypeError, match=r"contexts\[0\]"):
        resolve_dates(["Tuesday"], anchors="2021-05-25", contexts=[3])
