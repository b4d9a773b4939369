"""Fixtures: a writable copy of the bundled corpus, and a helper to edit its tables."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from facts.corpus import bundled_corpus_path


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A copy of the bundled summit corpus that a test may mutate."""
    dest = tmp_path / "corpus"
    shutil.copytree(bundled_corpus_path(), dest)
    return dest


def _rewrite(path: Path, edit: Callable[[list[dict[str, str]]], None]) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def edit_facts(corpus_copy: Path) -> Callable[[str, str, str], None]:
    """Set one cell of facts.csv in the copy: edit_facts(row_id, column, value)."""

    def edit(row_id: str, column: str, value: str) -> None:
        def apply(rows: list[dict[str, str]]) -> None:
            matches = [r for r in rows if r["id"] == row_id]
            assert matches, f"no row {row_id} in the bundled facts.csv"
            matches[0][column] = value

        _rewrite(corpus_copy / "facts.csv", apply)

    return edit
