"""The README example of the plugin runs unchanged (tests/plugin/readme_example.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from facts.corpus import bundled_corpus_path
from facts.testing import FactTable

EXAMPLE = Path(__file__).with_name("readme_example.py")
README = Path(__file__).resolve().parents[2] / "README.md"
HEADING = "Checking your own fact tables with pytest"


def test_readme_example_runs_unchanged(pytester: pytest.Pytester) -> None:
    tests = pytester.mkdir("tests")
    shutil.copytree(bundled_corpus_path(), tests / "corpus")
    shutil.copy(EXAMPLE, tests / "test_facts.py")
    groups = len(FactTable.check(bundled_corpus_path()).groups)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3 + groups)


def test_readme_shows_the_example_verbatim() -> None:
    assert HEADING in README.read_text(encoding="utf-8")
    assert EXAMPLE.read_text(encoding="utf-8").strip() in README.read_text(encoding="utf-8")
