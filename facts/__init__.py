"""Fact tables from news: load a corpus, normalize every claim, check that documents agree.

Public names are imported lazily (PEP 562) so that the pytest plugin costs nothing at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from normalize.lazy import lazy_exports

_EXPORTS = {
    "CheckResult": "facts.check",
    "Group": "facts.check",
    "check_corpus": "facts.check",
    "check_rows": "facts.check",
    "Corpus": "facts.corpus",
    "CorpusError": "facts.corpus",
    "Document": "facts.corpus",
    "FactRow": "facts.corpus",
    "load_corpus": "facts.corpus",
}

__all__ = [
    "CheckResult",
    "Corpus",
    "CorpusError",
    "Document",
    "FactRow",
    "Group",
    "check_corpus",
    "check_rows",
    "load_corpus",
]

if TYPE_CHECKING:
    from facts.check import CheckResult, Group, check_corpus, check_rows
    from facts.corpus import Corpus, CorpusError, Document, FactRow, load_corpus

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
