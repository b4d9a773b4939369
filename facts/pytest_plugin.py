"""pytest plugin: every corpus folder (documents.csv + facts.csv) becomes a test file whose
items are its groups: an item passes when its group is consistent.

Registered through the `pytest11` entry point as `facts`; `pytest -p no:facts` turns it off.
It collects nothing in projects without corpus folders and prints nothing there. The checker
and the normalizers are imported only when a corpus is collected or a fixture is used, so the
plugin costs nothing at start-up.

Which corpora run:
- every `facts.csv` with a `documents.csv` beside it under the paths pytest collects;
- every folder named by `--facts PATH` (always, besides the other arguments);
- every folder of the ini option `facts_paths`, when pytest runs without path arguments (the
  same rule as `testpaths`: `pytest` alone runs them, `pytest tests/test_x.py` does not).

Each corpus is checked once per session; the `fact_table` fixture reuses the same result.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from facts.check import Group
    from facts.testing import FactTable

FACTS_FILE = "facts.csv"
DOCUMENTS_FILE = "documents.csv"
MARKER = "facts_corpus"

_NAMED = pytest.StashKey[frozenset]()  # facts.csv files named by --facts / facts_paths
_CACHE = pytest.StashKey[dict]()  # folder -> FactTable (and "kb"), per session


def pytest_addoption(parser: pytest.Parser) -> None:
    """Options --facts, --facts-strict, --facts-kb and ini facts_paths, facts_strict."""
    group = parser.getgroup("facts", "fact-table consistency checks")
    group.addoption("--facts", action="append", default=[], metavar="PATH",
                    help="a corpus folder to check (documents.csv + facts.csv); repeatable")
    group.addoption("--facts-strict", action="store_true", default=None,
                    help="uncorroborated groups (stated by a single document) fail too")
    group.addoption("--facts-kb", default=None, metavar="PATH",
                    help="knowledge-base file or folder for the checks (default: the bundled one)")
    parser.addini("facts_paths", type="paths", default=[],
                  help="corpus folders to check when pytest runs without path arguments")
    parser.addini("facts_strict", type="bool", default=False,
                  help="same as --facts-strict")


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker, and add the named corpus folders to the collection arguments."""
    config.addinivalue_line(
        "markers",
        f"{MARKER}(path): the corpus folder the fact_table fixture checks "
        "(relative to the test file)",
    )
    invocation = config.invocation_params.dir
    named = [invocation / p for p in config.getoption("--facts")]
    if config.args_source != pytest.Config.ArgsSource.ARGS:
        named += [Path(p) for p in config.getini("facts_paths")]
    files = []
    for folder in named:
        facts_file = folder if folder.name == FACTS_FILE else folder / FACTS_FILE
        if not facts_file.is_file():
            raise pytest.UsageError(
                f"facts: no corpus at {folder} (expected {FACTS_FILE} and {DOCUMENTS_FILE})")
        files.append(facts_file.resolve())
    config.stash[_NAMED] = frozenset(files)
    config.stash[_CACHE] = {}
    # pytest removes duplicate and overlapping arguments itself.
    config.args.extend(str(f) for f in files if str(f) not in config.args)
    if config.getoption("--facts-kb"):
        _knowledge_base(config)  # a bad file stops the run here, as a usage error


def _strict(config: pytest.Config) -> bool:
    opt = config.getoption("--facts-strict")
    return bool(config.getini("facts_strict") if opt is None else opt)


def _knowledge_base(config: pytest.Config) -> Any:
    """The KB of this session: --facts-kb, else the bundled one (loaded once either way)."""
    from normalize import KnowledgeBase

    path = config.getoption("--facts-kb")
    if not path:
        return KnowledgeBase.bundled()
    cache = config.stash[_CACHE]
    if "kb" not in cache:
        try:
            cache["kb"] = KnowledgeBase.load(config.invocation_params.dir / path)
        except (ValueError, OSError) as exc:
            raise pytest.UsageError(f"facts: --facts-kb {path}: {exc}") from None
    return cache["kb"]


def checked_corpus(config: pytest.Config, folder: str | Path) -> FactTable:
    """The checked corpus of `folder`, computed once per session (collection and fixtures)."""
    from facts.check import check_corpus
    from facts.testing import FactTable

    key = Path(folder).resolve()
    cache = config.stash[_CACHE]
    if key not in cache:
        kb = _knowledge_base(config)
        cache[key] = FactTable(check_corpus(key, kb=kb), kb)
    return cache[key]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """A facts.csv with documents.csv beside it (or named by --facts) is a corpus file."""
    if file_path.name != FACTS_FILE:
        return None
    named = parent.config.stash.get(_NAMED, frozenset())
    if (file_path.parent / DOCUMENTS_FILE).is_file() or file_path.resolve() in named:
        return CorpusFile.from_parent(parent, path=file_path)
    return None


class InvalidCorpus(Exception):
    """Raised at collection when a corpus folder has invalid input."""


class CorpusFile(pytest.File):
    """A corpus folder, collected through its facts.csv: one item per group of rows."""

    def collect(self):
        """Check the corpus (once per session) and yield one GroupItem per group."""
        table = checked_corpus(self.config, self.path.parent)
        if table.errors:
            raise InvalidCorpus("\n".join(f"  {e}" for e in table.errors))
        for group in table.groups:
            yield GroupItem.from_parent(self, name=group.key, group=group)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None) -> str:
        """The input errors, one a line with file, row and column: no traceback."""
        if excinfo.errisinstance(InvalidCorpus):
            return f"invalid corpus {self.path.parent}:\n{excinfo.value}"
        return super().repr_failure(excinfo)


class GroupFailure(Exception):
    """A group of rows that disagree (or, when strict, that only one document states)."""


class GroupItem(pytest.Item):
    """One group of fact rows: passes when no field of any pair of rows conflicts."""

    def __init__(self, *, group: Group, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.group = group

    def runtest(self) -> None:
        """Fail on a conflict, and on a single-source group in a strict run."""
        if self.group.verdict == "conflict":
            raise GroupFailure()
        if self.group.verdict == "uncorroborated" and _strict(self.config):
            raise GroupFailure()

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None) -> str:
        """For a person: the conflicting fields row against row, then the group's table."""
        if not excinfo.errisinstance(GroupFailure):
            return super().repr_failure(excinfo)
        from facts.report import format_conflicts, format_group

        if self.group.verdict == "uncorroborated":
            return ("only one document states this claim (--facts-strict):\n"
                    + format_group(self.group))
        return format_conflicts(self.group) + "\n\n" + format_group(self.group)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """The facts.csv file and the line of the group's first row."""
        first = self.group.rows[0].row.line
        return self.path, first - 1, f"facts: {self.group.label}"


# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def knowledge_base(pytestconfig: pytest.Config) -> Any:
    """The knowledge base of the checks: --facts-kb when given, else the bundled one."""
    return _knowledge_base(pytestconfig)


@pytest.fixture
def fact_table(request: pytest.FixtureRequest) -> FactTable:
    """A checked corpus, as a `facts.testing.FactTable`.

    Which corpus, first that applies: an indirect parametrization's value; the test's
    `@pytest.mark.facts_corpus(path)` (relative to the test file); the first `--facts PATH`;
    else the bundled summit-2021 corpus. Invalid input fails the test with file/row/column.
    """
    folder = _fixture_folder(request)
    table = checked_corpus(request.config, folder)
    if table.errors:
        pytest.fail(f"invalid corpus {folder}:\n" + "\n".join(f"  {e}" for e in table.errors),
                    pytrace=False)
    return table


def _fixture_folder(request: pytest.FixtureRequest) -> Path:
    base = request.path.parent
    param = getattr(request, "param", None)
    if param is not None:
        return base / param
    marker = request.node.get_closest_marker(MARKER)
    if marker is not None:
        if len(marker.args) != 1:
            raise pytest.UsageError(f"@pytest.mark.{MARKER} takes one path, e.g. "
                                    f"@pytest.mark.{MARKER}('corpus')")
        return base / marker.args[0]
    named = request.config.getoption("--facts")
    if named:
        return request.config.invocation_params.dir / named[0]
    from facts.corpus import bundled_corpus_path

    return bundled_corpus_path()
