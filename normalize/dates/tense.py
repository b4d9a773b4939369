"""Tense of the sentence around a mention: "past", "future", "present" or None.

The marker (auxiliary or verb form, data/tense.yaml) nearest to the mention decides, so that
"Biden said he will travel on Tuesday" reads Tuesday as future and "On Tuesday, Biden said"
reads it as past.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"
MAX_CONTEXT = 2000  # characters of context that are looked at
WINDOW = 160  # characters each side of the mention searched for a marker


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, list[tuple[tuple[str, ...], str]]], frozenset[str]]:
    """First word -> [(phrase words, "future" | "past" | "present")], longest first; -ed
    exceptions."""
    raw = yaml.safe_load((DATA / "tense.yaml").read_text(encoding="utf-8"))
    phrases: dict[tuple[str, ...], str] = {}
    for kind in ("present", "past", "future"):  # a phrase listed twice: the later kind wins
        for phrase in raw[kind]:
            phrases[tuple(_WORD.findall(str(phrase).casefold()))] = kind
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, kind in sorted(phrases.items(), key=lambda kv: -len(kv[0])):
        by_first.setdefault(words[0], []).append((words, kind))
    return by_first, frozenset(raw["ed_exceptions"])


_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|'[a-z]+")
# A past form right after one of these is a participle ("will be held"): the auxiliary decides.
_AUXILIARY = frozenset(
    "be been being is are am was were have has had will would get got gets 's 're 've".split()
)


def _markers(text: str) -> list[tuple[int, str]]:
    """(position, kind) of every tense marker in the (case-folded) text."""
    phrases, exceptions = _tables()
    tokens = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    words = []
    for _, w in tokens:  # "he'll" -> "'ll", "didn't" stays
        cut = w.find("'")
        words.append(w[cut:] if cut > 0 and w[cut:] in ("'ll", "'d", "'s", "'re", "'ve") else w)
    found: list[tuple[int, str]] = []
    for i, word in enumerate(words):
        kind = None
        size = 1
        for phrase, phrase_kind in phrases.get(word, ()):
            size = len(phrase)
            if size == 1 or tuple(words[i : i + size]) == phrase:
                kind = phrase_kind
                break
        if kind is None and len(word) > 4 and word.endswith("ed") and word not in exceptions:
            kind, size = "past", 1
        if kind == "past" and size == 1:
            before = words[i - 1] if i else ""
            if before.endswith("ly") and i > 1:
                before = words[i - 2]
            if before in _AUXILIARY:
                continue  # a participle: "will be held", "has been expected"
        if kind:
            found.append((tokens[i][0], kind))
    return found


@lru_cache(maxsize=8192)
def tense_of(context: str | None, mention: str | None = None) -> str | None:
    """Tense nearest to `mention` in `context` (None when no marker is found)."""
    if not context:
        return None
    text = context[:MAX_CONTEXT].casefold()
    start = end = len(text) // 2
    if mention:
        at = text.find(mention.casefold())
        if at >= 0:
            start, end = at, at + len(mention)
    lo = max(0, start - WINDOW)
    window = text[lo:start] + " " * (end - start) + text[end : end + WINDOW]
    start, end = start - lo, end - lo
    best: tuple[int, bool, str] | None = None
    for pos, kind in _markers(window):
        distance = start - pos if pos < start else pos - end
        cand = (distance, kind != "future", kind)
        if best is None or cand < best:
            best = cand
    return best[2] if best else None
