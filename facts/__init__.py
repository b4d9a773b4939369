"""Fact tables from news: load a corpus, normalize every claim, check that documents agree.

Public names are imported lazily (PEP 562) so that the pytest plugin costs nothing at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'facts' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
