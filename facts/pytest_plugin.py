"""pytest plugin: every corpus folder (documents.csv + facts.csv) becomes a test file whose
items are its groups: an item passes when its group is consistent.

Registered through the `pytest11` entry point as `facts`; `pytest -p no:facts` turns it off.
It collects nothing in projects without corpus folders. Imports of the checker are deferred
to collection, so the plugin costs nothing at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

FACTS_FILE = "facts.csv"
DOCUMENTS_FILE = "documents.csv"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("facts", "fact-table consistency checks")
    group.addoption("--facts", action="append", default=[], metavar="PATH",
                    help="a corpus folder to check (documents.csv + facts.csv); repeatable")
    group.addoption("--facts-strict", action="store_true", default=None,
                    help="uncorroborated groups (a single document) fail too")
    group.addoption("--facts-kb", default=None, metavar="PATH",
                    help="knowledge-base file for the checks (default: the bundled one)")
    parser.addini("facts_paths", type="paths", default=[],
                  help="corpus folders to check, besides those found under the test paths")
    parser.addini("facts_strict", type="bool", default=False,
                  help="uncorroborated groups fail too")


def _strict(config: pytest.Config) -> bool:
    opt = config.getoption("--facts-strict")
    return bool(config.getini("facts_strict") if opt is None else opt)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name == FACTS_FILE and (file_path.parent / DOCUMENTS_FILE).is_file():
        return CorpusFile.from_parent(parent, path=file_path)
    return None


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    """Add the corpora named by --facts / facts_paths that normal collection did not reach."""
    named = [Path(p) for p in config.getoption("--facts")] + list(config.getini("facts_paths"))
    seen = {item.path for item in items if isinstance(item, GroupItem)}
    for folder in named:
        facts_file = (folder / FACTS_FILE).resolve()
        if facts_file in seen:
            continue
        seen.add(facts_file)
        node = CorpusFile.from_parent(session, path=facts_file)
        items.extend(session.genitems(node))


class CorpusError(Exception):
    """Raised at collection when a corpus folder has invalid input."""


class CorpusFile(pytest.File):
    """A corpus folder, collected through its facts.csv."""

    def collect(self):
        from facts.check import check_corpus

        kb = None
        kb_path = self.config.getoption("--facts-kb")
        if kb_path:
            from normalize import KnowledgeBase

            kb = KnowledgeBase.load(kb_path)
        result = check_corpus(self.path.parent, kb=kb)
        if result.errors:
            raise CorpusError("\n".join(str(e) for e in result.errors))
        for group in result.groups:
            yield GroupItem.from_parent(self, name=group.key, group=group)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None) -> str:
        if excinfo.errisinstance(CorpusError):
            return f"invalid corpus {self.path.parent}:\n{excinfo.value}"
        return super().repr_failure(excinfo)


class GroupFailure(Exception):
    """A group of rows that disagree (or, when strict, that only one document states)."""


class GroupItem(pytest.Item):
    """One group of fact rows: passes when no field of any pair of rows conflicts."""

    def __init__(self, *, group: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.group = group

    def runtest(self) -> None:
        if self.group.verdict == "conflict":
            raise GroupFailure()
        if self.group.verdict == "uncorroborated" and _strict(self.config):
            raise GroupFailure()

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None) -> str:
        if not excinfo.errisinstance(GroupFailure):
            return super().repr_failure(excinfo)
        from facts.report import format_conflicts, format_group

        if self.group.verdict == "uncorroborated":
            return ("only one document states this claim (--facts-strict):\n"
                    + format_group(self.group))
        return format_conflicts(self.group) + "\n\n" + format_group(self.group)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        first = self.group.rows[0].row.line
        return self.path, first - 1, f"facts: {self.group.label}"
