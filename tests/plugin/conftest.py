"""Fixtures for the plugin tests: pytester, and a copy of the bundled corpus inside it."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from facts.corpus import bundled_corpus_path


def pytest_configure(config: pytest.Config) -> None:
    """Enable pytester here: `pytest_plugins` is only allowed in the top-level conftest."""
    if not config.pluginmanager.has_plugin("pytester"):
        config.pluginmanager.import_plugin("pytester")


@pytest.fixture
def corpus(pytester: pytest.Pytester) -> Path:
    """A copy of the bundled summit corpus at <pytester>/corpus."""
    dest = pytester.path / "corpus"
    shutil.copytree(bundled_corpus_path(), dest)
    return dest


def set_cell(folder: Path, row_id: str, column: str, value: str) -> None:
    """Set one cell of folder/facts.csv (the row with this id must exist)."""
    path = folder / "facts.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    matches = [r for r in rows if r["id"] == row_id]
    assert matches, f"no row {row_id} in {path}"
    matches[0][column] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="session")
def edit() -> Callable[[Path, str, str, str], None]:
    """edit(folder, row_id, column, value): change one cell of a corpus copy."""
    return set_cell
