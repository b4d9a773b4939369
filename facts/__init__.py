"""Fact tables from news: load a corpus, normalize every claim, check that documents agree."""

from facts.check import CheckResult, Group, check_corpus
from facts.corpus import Corpus, CorpusError, Document, FactRow, load_corpus

__all__ = [
    "CheckResult",
    "Corpus",
    "CorpusError",
    "Document",
    "FactRow",
    "Group",
    "check_corpus",
    "load_corpus",
]
