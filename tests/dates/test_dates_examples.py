"""The example corpora are the test: every line of normalize/dates/examples/*.tsv is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalize.dates import TimeValue, resolve_date

EXAMPLES = Path(__file__).resolve().parents[2] / "normalize" / "dates" / "examples"


def _rows(name: str) -> list[tuple[str, list[str]]]:
    rows = []
    for n, line in enumerate((EXAMPLES / name).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            rows.append((f"{name}:{n}", [c if c != "-" else "" for c in line.split("\t")]))
    return rows


def _positive() -> list:
    cases = []
    for path in sorted(EXAMPLES.glob("*.tsv")):
        if path.name == "negative.tsv":
            continue
        for where, cols in _rows(path.name):
            mention, anchor, context, value, gran, ref = (cols + [""] * 6)[:6]
            cases.append(
                pytest.param(mention, anchor or None, context or None, value, gran or None,
                             ref or None, id=f"{where} {mention} @{anchor or 'none'}")
            )
    return cases


def test_corpus_is_large_enough() -> None:
    assert len(_positive()) >= 300


@pytest.mark.parametrize("mention, anchor, context, value, granularity, reference", _positive())
def test_example(mention: str, anchor: str | None, context: str | None, value: str,
                 granularity: str | None, reference: str | None) -> None:
    got = resolve_date(mention, anchor=anchor, context=context, reference=reference)
    assert got is not None, f"{mention!r} was not recognized"
    assert got.value == value, f"{mention!r} @ {anchor}: {got.value} (rule {got.rule}) != {value}"
    if granularity:
        assert got.granularity == granularity
    assert got.text == mention
    assert got.rule
    if anchor is None and not got.start and got.type in ("DATE", "TIME") and "X" in got.value:
        assert got.reason, "an underspecified value must say why"


@pytest.mark.parametrize(
    "mention, context",
    [pytest.param(c[0], c[1] if len(c) > 1 else None, id=f"{w} {c[0]}")
     for w, c in _rows("negative.tsv")],
)
def test_negative(mention: str, context: str | None) -> None:
    got = resolve_date(mention, anchor="2021-05-25", context=context)
    assert got is None, f"{mention!r} read as {got}"


def test_result_type() -> None:
    assert isinstance(resolve_date("June 2021", anchor="2021-05-25"), TimeValue)
