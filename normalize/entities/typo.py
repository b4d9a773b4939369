"""Typo candidates without scanning the knowledge base: a SymSpell-style deletion index over the
tokens of every indexed name. A mention token finds the name tokens within its edit budget by
dictionary lookups of its own deletions; whole keys are then assembled token by token and kept
only when the index holds them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping

from rapidfuzz.distance import OSA

from normalize.entities import lexicon

MAX_COMBINATIONS = 64


def edit_budget(length: int) -> int:
    """Edits a token of this length may carry and still be the same name (0, 1 or 2)."""
    if length <= 3:
        return 0
    if length <= 7:
        return 1
    return 2


def _deletes(token: str, depth: int) -> set[str]:
    """Every string made by deleting up to `depth` characters of `token` (itself included)."""
    out = {token}
    frontier = {token}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


class TypoIndex:
    """Deletion neighbourhoods of name tokens: token -> name tokens within the edit budget."""

    def __init__(self, keys: Iterable[str]) -> None:
        """Index the tokens of the given keys."""
        vocab: set[str] = set()
        for key in keys:
            vocab.update(key.split())
        self.vocab = frozenset(vocab)
        self._deletions: dict[str, list[str]] = {}
        for token in vocab:
            budget = edit_budget(len(token))
            if budget == 0:
                continue
            for d in _deletes(token, budget):
                self._deletions.setdefault(d, []).append(token)

    def token_candidates(self, token: str) -> list[tuple[str, int]]:
        """Name tokens this mention token may stand for, with the number of edits.

        A mention token that is itself a known given name never stands for another token
        (other than a transliteration of itself): "Jack" is a name, not a typo of "Jake".
        """
        out = [(token, 0)] if token in self.vocab else []
        budget = edit_budget(len(token))
        if budget == 0:
            return out
        given = token in lexicon.given_names()
        seen = {token}
        for d in _deletes(token, budget):
            for cand in self._deletions.get(d, ()):
                if cand in seen:
                    continue
                seen.add(cand)
                limit = min(budget, edit_budget(len(cand)))
                dist = OSA.distance(token, cand, score_cutoff=limit)
                if dist > limit:
                    continue
                if given and lexicon.translit_token(cand) != lexicon.translit_token(token):
                    continue
                out.append((cand, dist))
        return out

    def candidate_keys(self, key: str, keys: Mapping[str, object]) -> list[tuple[str, tuple[int, ...]]]:
        """Indexed keys reachable from `key` by allowed edits in its tokens (not `key` itself)."""
        options = [self.token_candidates(t) for t in key.split()]
        if not options or any(not o for o in options):
            return []
        out = []
        for combo in itertools.islice(itertools.product(*options), MAX_COMBINATIONS):
            edits = tuple(d for _, d in combo)
            if not any(edits):
                continue
            candidate = " ".join(t for t, _ in combo)
            if candidate in keys:
                out.append((candidate, edits))
        return out
