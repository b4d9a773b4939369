"""Tense of the sentence around a mention: "past", "future", "present" or None.

The marker (auxiliary or verb form, data/tense.yaml) nearest to the mention decides, so that
"Biden said he will travel on Tuesday" reads Tuesday as future and "On Tuesday, Biden said"
reads it as past.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"
MAX_CONTEXT = 2000  # characters of context that are looked at
WINDOW = 160  # characters each side of the mention searched for a marker


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, list[tuple[re.Pattern[str] | None, str]]], frozenset[str]]:
    """First word -> [(regex for the rest of the phrase or None, kind)], longest first; -ed
    exceptions. Contractions are keyed by their clitic ("'ll")."""
    raw = yaml.safe_load((DATA / "tense.yaml").read_text(encoding="utf-8"))
    phrases: dict[tuple[str, ...], str] = {}
    for kind in ("present", "past", "future"):  # a phrase listed twice: the later kind wins
        for phrase in raw[kind]:
            phrases[tuple(_WORD.findall(str(phrase).casefold()))] = kind
    by_first: dict[str, list[tuple[re.Pattern[str] | None, str]]] = {}
    for words, kind in sorted(phrases.items(), key=lambda kv: -len(kv[0])):
        rest = None
        if len(words) > 1:
            rest = re.compile("".join(rf"[^a-z']+{re.escape(w)}" for w in words[1:]) + "(?![a-z'])")
        by_first.setdefault(words[0], []).append((rest, kind))
    return by_first, frozenset(raw["ed_exceptions"])


_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|'[a-z]+")
_CLITICS = ("'ll", "'d", "'s", "'re", "'ve")
# A past form right after one of these is a participle ("will be held"): the auxiliary decides.
_AUXILIARY = frozenset(
    "be been being is are am was were have has had will would get got gets 's 're 've".split()
)


def _markers(text: str) -> Iterator[tuple[int, str]]:
    """(position, kind) of every tense marker in the (case-folded) text, left to right."""
    phrases, exceptions = _tables()
    before = before2 = ""
    for m in _WORD.finditer(text):
        word = m.group()
        cut = word.find("'")
        if cut > 0 and word[cut:] in _CLITICS:  # "he'll" -> "'ll", "didn't" stays
            word = word[cut:]
        kind = None
        single = True
        for rest, phrase_kind in phrases.get(word, ()):
            if rest is None or rest.match(text, m.end()):
                kind, single = phrase_kind, rest is None
                break
        if kind is None and len(word) > 4 and word.endswith("ed") and word not in exceptions:
            kind = "past"
        if kind == "past" and single:
            prev = before2 if before.endswith("ly") and before2 else before
            if prev in _AUXILIARY:
                kind = None  # a participle: "will be held", "has been expected"
        if kind:
            yield m.start(), kind
        before, before2 = word, before


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
        if best is not None and pos >= end and distance > best[0]:
            break  # markers further right are only further away
        cand = (distance, kind != "future", kind)
        if best is None or cand < best:
            best = cand
    return best[2] if best else None
