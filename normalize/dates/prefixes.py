"""What a regex's matches can start with: their first word, read off the parsed pattern.

A word ends at a space or a hyphen ("twenty-five years" begins with "twenty").

The recognizer tries a mention only against the rules whose matches can begin with the
mention's first word (a handful instead of a hundred). Words are compared by shape, every digit
written 0 ("1990s" -> "0000s"), so that "\\d{4}s" has one first word, not ten thousand. The
analysis may over-approximate (answer "any", or list words no match begins with), which only
costs speed; it never leaves out a word a match can begin with.
"""

from __future__ import annotations

import re
from typing import Any

try:
    from re import _parser as sre_parse  # type: ignore[attr-defined]  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

MAX_WORDS = 4096  # past this many first words a rule is simply tried for every mention
MAX_LENGTH = 24  # a first word longer than this is known by its first MAX_LENGTH chars + "…"
_MORE = "…"
_DIGIT = re.compile(r"\d")
_RUN = "0" * 5  # five or more digits have one shape (so "\d+" has a few first words, not 32)
_LONG_RUN = re.compile(r"0{5,}")


class _Unknown(Exception):
    """A construct the analysis does not follow, or too many words: "any"."""


def word_shape(word: str) -> str:
    """The form first words are compared in: every digit written 0, five or more as 00000,
    and a word longer than MAX_LENGTH cut there and marked."""
    shape = _LONG_RUN.sub(_RUN, _DIGIT.sub("0", word))
    return shape if len(shape) <= MAX_LENGTH else shape[:MAX_LENGTH] + _MORE


_SEPARATOR = re.compile(r"[ -]")
SEPARATORS = frozenset(" -")


def leading_words(key: str) -> tuple[str, str]:
    """Shapes of the first word and of the first two words (joined by a space) of a (folded)
    mention: what `first_words(pattern, 1)` and `first_words(pattern, 2)` are compared to."""
    parts = _SEPARATOR.split(key, 2)
    two = " ".join(parts[:2])
    if len(two) <= MAX_LENGTH and not _DIGIT.search(two):
        return parts[0], two  # the common case: already in shape
    return word_shape(parts[0]), word_shape(two)


def first_words(pattern: str, words: int = 1) -> frozenset[str] | None:
    """Shapes of the first `words` words (joined by single spaces) that full matches of
    `pattern` can begin with; None when the analysis cannot tell ("any")."""
    try:
        open_, done = _Scan(words).sequence(list(sre_parse.parse(pattern)), {""})
    except (_Unknown, RecursionError):
        return None
    return frozenset(open_ | done)


class _Scan:
    """The analysis, for a number of leading words."""

    def __init__(self, words: int) -> None:
        self.words = words

    def grow(self, strings: set[str], chars: set[str]) -> tuple[set[str], set[str]]:
        """Append each char to each open string: (still open, ended by its last separator)."""
        open_: set[str] = set()
        done: set[str] = set()
        ended = {s for s in strings if s.endswith(_MORE)}  # the rest does not matter
        open_.update(ended)
        strings = strings - ended if ended else strings
        for c in chars:
            if c in SEPARATORS:
                for s in strings:
                    if s.count(" ") + 1 >= self.words:
                        done.add(s)
                    else:
                        open_.add(_cut(s + " "))
            elif c == "0":  # after a run of five digits, another is the same shape
                open_.update([s if s.endswith(_RUN) and len(s) < MAX_LENGTH else _cut(s + c)
                              for s in strings])
            else:
                open_.update([_cut(s + c) for s in strings])
        if len(open_) + len(done) > MAX_WORDS:
            raise _Unknown("many")
        return open_, done

    def sequence(self, items: list[Any], open_: set[str]) -> tuple[set[str], set[str]]:
        """Run the open strings through a parsed sequence: (still open, ended)."""
        done: set[str] = set()
        i = 0
        while i < len(items) and open_:
            word = _literal_run(items, i)
            if word:  # letters written out: appended at once, not one char a pass
                open_ = {s if s.endswith(_MORE) else _cut(s + word) for s in open_}
                i += len(word)
                continue
            op, arg = items[i]
            open_, new_done = self.item(str(op), arg, open_)
            done |= new_done
            i += 1
        return open_, done

    def item(self, name: str, arg: Any, open_: set[str]) -> tuple[set[str], set[str]]:
        """One parsed regex item."""
        if name == "LITERAL":
            return self.grow(open_, {_DIGIT.sub("0", chr(arg))})
        if name == "IN":
            return self.grow(open_, _charset(arg))
        if name == "SUBPATTERN":
            return self.sequence(list(arg[-1]), open_)
        if name == "BRANCH":
            out_open: set[str] = set()
            out_done: set[str] = set()
            for branch in arg[1]:
                o, d = self.sequence(list(branch), set(open_))
                out_open |= o
                out_done |= d
            return out_open, out_done
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            return self.repeat(*arg, open_)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            return open_, set()  # zero width: passing them through can only over-approximate
        raise _Unknown(name)

    def repeat(self, low: int, high: int, body: Any, open_: set[str]
               ) -> tuple[set[str], set[str]]:
        """A repeat {low, high}: rounds until the strings stop changing (they stop growing at
        MAX_LENGTH, and runs of digits at five)."""
        current, done = set(open_), set()
        out_open = set(current) if low == 0 else set()
        for n in range(1, MAX_LENGTH + 2 * self.words + 2):
            if n > high or not current:
                break
            before = current
            current, d = self.sequence(list(body), current)
            done |= d
            if n >= low:
                out_open |= current
            if current <= before and n >= low:
                break  # nothing new can come of more rounds
        else:
            raise _Unknown("repeat")
        return out_open, done


def _literal_run(items: list[Any], i: int) -> str:
    """The chars of the literals from `items[i]` on that are neither a separator nor a digit
    (those change how a string grows), as one string; "" when `items[i]` is no such literal."""
    chars = []
    for op, arg in items[i:]:
        c = chr(arg) if str(op) == "LITERAL" else ""
        if not c or c in SEPARATORS or c.isdigit():
            break
        chars.append(c)
    return "".join(chars)


def _cut(s: str) -> str:
    """A string past MAX_LENGTH cut there and marked, as `grow` does one char at a time."""
    return s if len(s) <= MAX_LENGTH else s[:MAX_LENGTH] + _MORE


def _charset(arg: Any) -> set[str]:
    chars: set[str] = set()
    for op, value in arg:
        sub = str(op)
        if sub == "LITERAL":
            chars.add(_DIGIT.sub("0", chr(value)))
        elif sub == "RANGE":
            chars.update(_DIGIT.sub("0", chr(c)) for c in range(value[0], value[1] + 1))
        elif sub == "CATEGORY" and str(value) == "CATEGORY_DIGIT":
            chars.add("0")
        elif sub == "CATEGORY" and str(value) == "CATEGORY_SPACE":
            chars.add(" ")  # other white space is folded to " " before the rules see a key
        else:  # negated sets, \w ...: any character
            raise _Unknown(sub)
    return chars
