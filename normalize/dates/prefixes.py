"""What a regex's matches can start with: the first `k` characters, read off the parsed pattern.

The recognizer keeps one alternation of its rules per key prefix, so a mention is tried only
against the rules that can start the way it does (a few dozen branches instead of all). The
analysis may over-approximate (say "any" or list prefixes no match has), which only costs speed;
it never leaves out a prefix a match can have.
"""

from __future__ import annotations

from typing import Any

try:
    from re import _parser as sre_parse  # type: ignore[attr-defined]  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

MAX_PREFIXES = 4096  # past this many prefixes a rule is simply tried for every key


class _Unknown(Exception):
    """A regex construct the analysis does not follow, or too many prefixes: "any"."""


def match_prefixes(pattern: str, k: int) -> frozenset[str] | None:
    """Strings s such that some full match of `pattern` starts with s and has len(s) == k, or
    equals s (a match shorter than k); None when the analysis cannot tell ("any")."""
    try:
        open_, done = _sequence(list(sre_parse.parse(pattern)), {""}, k)
    except (_Unknown, RecursionError):
        return None
    return frozenset(open_ | done)


def _grow(strings: set[str], chars: set[str], k: int) -> tuple[set[str], set[str]]:
    """Append each char to each string: (still shorter than k, reached k)."""
    open_: set[str] = set()
    done: set[str] = set()
    for s in strings:
        for c in chars:
            (done if len(s) + 1 >= k else open_).add(s + c)
    if len(open_) + len(done) > MAX_PREFIXES:
        raise _Unknown
    return open_, done


def _sequence(items: list[Any], open_: set[str], k: int) -> tuple[set[str], set[str]]:
    """Run the partial prefixes `open_` (all shorter than k) through a parsed sequence."""
    done: set[str] = set()
    for op, arg in items:
        if not open_:
            break
        open_, new_done = _item(str(op), arg, open_, k)
        done |= new_done
    return open_, done


def _item(name: str, arg: Any, open_: set[str], k: int) -> tuple[set[str], set[str]]:
    if name == "LITERAL":
        return _grow(open_, {chr(arg)}, k)
    if name == "IN":
        return _grow(open_, _charset(arg), k)
    if name == "SUBPATTERN":
        return _sequence(list(arg[-1]), open_, k)
    if name == "BRANCH":
        out_open: set[str] = set()
        out_done: set[str] = set()
        for branch in arg[1]:
            o, d = _sequence(list(branch), set(open_), k)
            out_open |= o
            out_done |= d
        return out_open, out_done
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, body = arg
        current, done = set(open_), set()
        out_open = set(current) if low == 0 else set()
        for n in range(1, k + 1):  # after k rounds every string that kept growing is done
            if n > high or not current:
                break
            current, d = _sequence(list(body), current, k)
            done |= d
            if n >= low:
                out_open |= current
        if high > k and current:  # more rounds can still end the match anywhere in between
            out_open |= current
        return out_open, done
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return open_, set()  # zero width: passing them through can only over-approximate
    raise _Unknown(name)


def _charset(arg: Any) -> set[str]:
    chars: set[str] = set()
    for op, value in arg:
        sub = str(op)
        if sub == "LITERAL":
            chars.add(chr(value))
        elif sub == "RANGE":
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        elif sub == "CATEGORY" and str(value) == "CATEGORY_DIGIT":
            chars.update("0123456789")
        else:  # negated sets, \w, \s ...: any character
            raise _Unknown(sub)
    return chars
