"""The YAML data files: a word list holds words. YAML 1.1 reads a bare on, off, yes or no as a
boolean, so an unquoted "on" in a word list silently becomes True and the word is lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from normalize.yamldata import load_yaml

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = sorted(path for package in ("normalize", "facts")
                    for path in (ROOT / package).rglob("*.yaml"))


def _booleans(value: Any, path: str) -> list[str]:
    """Where a boolean stands as a list item or a mapping key in `value`."""
    if isinstance(value, dict):
        return [found for key, item in value.items()
                for found in ([f"{path}: key {key!r}"] if isinstance(key, bool) else [])
                + _booleans(item, f"{path}/{key}")]
    if isinstance(value, list):
        return [found for i, item in enumerate(value)
                for found in ([f"{path}[{i}]: {item!r}"] if isinstance(item, bool)
                              else _booleans(item, f"{path}[{i}]"))]
    return []


def test_the_data_files_are_found() -> None:
    assert len(DATA_FILES) >= 10


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_word_is_read_as_a_boolean(path: Path) -> None:
    found = _booleans(load_yaml(path.read_text(encoding="utf-8")), path.name)
    assert not found, f"quote these words (YAML reads them as booleans): {found}"
