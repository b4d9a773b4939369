"""Typo candidates without scanning the knowledge base: a SymSpell-style deletion index over the
tokens of every indexed name. A mention token finds the name tokens within its edit budget by
dictionary lookups of its own deletions; whole keys are then assembled token by token and kept
only when the index holds them.

As in SymSpell, deletions are taken from a prefix of each token (PREFIX characters): two tokens
within k edits always share a string reachable by at most k deletions from each prefix, so the
index stays small for long names while every candidate is still found (the property tests
compare it with a brute-force scan).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from normalize.entities import lexicon

MAX_COMBINATIONS = 64
PREFIX = 8


def edit_budget(length: int) -> int:
    """Edits a token of this length may carry and still be the same name (0, 1 or 2)."""
    if length <= 3:
        return 0
    if length <= 7:
        return 1
    return 2


def _deletes(token: str, depth: int) -> frozenset[str]:
    """Every string made by deleting up to `depth` (0..2) characters of `token` (itself too)."""
    out = {token}
    n = len(token)
    if depth >= 1:
        out.update([token[:i] + token[i + 1:] for i in range(n)])
    if depth >= 2:
        for i in range(n):
            head = token[:i]
            out.update([head + token[i + 1:j] + token[j + 1:] for j in range(i + 1, n)])
    return frozenset(out)


# Mentions repeat their words: cache the query side (the index side runs once per token).
_query_deletes = lru_cache(maxsize=2048)(_deletes)


class TypoIndex:
    """Deletion neighbourhoods of name tokens: token -> name tokens within the edit budget."""

    def __init__(self, vocab: Iterable[str]) -> None:
        """Index the given name tokens."""
        self.vocab = frozenset(vocab)
        self._by_translit: dict[str, list[str]] = {}
        # deletion string -> one token (str) or several (list): most strings have just one
        self._deletions: dict[str, Any] = {}  # str, or list then tuple
        table = self._deletions
        for token in sorted(self.vocab):  # in a fixed order: ties resolve alike in every process
            self._by_translit.setdefault(lexicon.translit_token(token), []).append(token)
            budget = edit_budget(len(token))
            if budget == 0:
                continue
            for d in _deletes(token[:PREFIX], budget):
                old = table.get(d)
                if old is None:
                    table[d] = token
                elif isinstance(old, str):
                    table[d] = [old, token]
                else:
                    old.append(token)
        for d, tokens in table.items():  # tuples: the garbage collector can skip them
            if not isinstance(tokens, str):
                table[d] = tuple(tokens)
        for tkey, tokens in self._by_translit.items():
            self._by_translit[tkey] = tuple(tokens)  # type: ignore[assignment]
        # News repeats its names: the answer for a token is memoized per index (bounded).
        self._memo = lru_cache(maxsize=65536)(self._token_candidates)

    def token_candidates(self, token: str, budget: int | None = None) -> list[tuple[str, int]]:
        """Name tokens this mention token may stand for, with the number of edits (at most
        `budget`, by default the token's own edit budget).

        A mention token that is itself a known given name never stands for another token
        (other than a transliteration of itself): "Jack" is a name, not a typo of "Jake".
        """
        return list(self._memo(token, budget))

    def _token_candidates(self, token: str, budget: int | None) -> tuple[tuple[str, int], ...]:
        """`token_candidates` without the memo."""
        out = [(token, 0)] if token in self.vocab else []
        own = edit_budget(len(token))
        budget = own if budget is None else min(budget, own)
        if budget == 0:
            return tuple(out)
        if token in lexicon.given_names():  # only its own transliterations
            for cand in self._by_translit.get(lexicon.translit_token(token), ()):
                if cand != token:
                    limit = min(budget, edit_budget(len(cand)))
                    dist = OSA.distance(token, cand, score_cutoff=limit)
                    if dist <= limit:
                        out.append((cand, dist))
            return tuple(out)
        pool: set[str] = set()
        table = self._deletions
        for d in _query_deletes(token[:PREFIX], budget):
            found = table.get(d)
            if found is None:
                continue
            if isinstance(found, str):
                pool.add(found)
            else:
                pool.update(found)
        pool.discard(token)  # sorted below: ties come out in the same order in every process
        if pool:
            for cand, dist, _ in process.extract(token, sorted(pool), scorer=OSA.distance,
                                                 score_cutoff=budget, limit=None):
                if dist <= min(budget, edit_budget(len(cand))):
                    out.append((cand, int(dist)))
        return tuple(out)

    def candidate_keys(
        self, key: str, keys: Mapping[str, object]
    ) -> list[tuple[str, tuple[int, ...]]]:
        """Indexed keys reachable from `key` by allowed edits in its tokens (not `key` itself):
        one edit per token first, the full budget only when that finds nothing."""
        toks = key.split()
        for budget in (1, 2):
            if budget == 2 and all(edit_budget(len(t)) < 2 for t in toks):
                break
            options = [self._memo(t, budget) for t in toks]
            if not options or any(not o for o in options):
                continue
            out = []
            for combo in itertools.islice(itertools.product(*options), MAX_COMBINATIONS):
                edits = tuple(d for _, d in combo)
                if not any(edits):
                    continue
                candidate = " ".join(t for t, _ in combo)
                if candidate in keys:
                    out.append((candidate, edits))
            if out:
                return out
        return []
