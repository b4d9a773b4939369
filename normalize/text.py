"""Text folding shared by every normalizer: Unicode, quotes, dashes, spacing and case.

Every normalizer folds its input through here first, so that "Putin’s" and "Putin's",
or "next  June" and "next June", are the same mention.
"""

from __future__ import annotations

import re
import unicodedata

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
        "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u200b": "",
        "\u00ad": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",  # invisible
    }
)
_SPACE = re.compile(r"\s+")
# "Putin 's", as tokenized copy writes it; not the Dutch article of "the 's-Gravenhage"
_SPLIT_POSSESSIVE = re.compile(r"(?<=\w) '(?=s(?:$|[\s.,;:!?)\]]))")


def fold(text: str) -> str:
    """NFKC-normalize, straighten quotes and dashes, drop invisible characters (a soft hyphen,
    a zero-width joiner), join a split possessive and collapse whitespace; case is kept."""
    if not text.isascii() or "`" in text:  # plain ASCII is already NFKC and straight
        # before NFKC too: it spells an acute accent used as an apostrophe as space and mark
        text = unicodedata.normalize("NFKC", text.translate(_TRANSLATE)).translate(_TRANSLATE)
    if " '" in text:
        text = _SPLIT_POSSESSIVE.sub("'", text)
    return _SPACE.sub(" ", text).strip()


def fold_key(text: str) -> str:
    """`fold` plus case-folding: the key two spellings of one mention share."""
    return fold(text).casefold()


def strip_accents(text: str) -> str:
    """Remove combining marks ("Zelenskyy" stays, "Médvédev" becomes "Medvedev")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# A quotation between double quotes, straight or curly, or between single quotes, British style
# (none an apostrophe inside a word: "Cuaron's 'Roma'" opens at "'R").
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{1,80})[\"\u201d]"
                     r"|(?<![\w'\u2019])['\u2018]([^'\u2018\u2019\n]{1,80})['\u2019](?!\w)")
_OPENING_QUOTE = re.compile("[\"'\u201c\u2018]")
_CLOSING_QUOTE = re.compile("[\"'\u201d\u2019]")


def quoted_around(text: str, start: int, end: int) -> str | None:
    """The words of the quotation that holds text[start:end] (without its marks), or None: what
    tells a title in quotes ('the film "Roma"') from a name in running text."""
    if not _OPENING_QUOTE.search(text, 0, start) or not _CLOSING_QUOTE.search(text, end):
        return None  # most sentences: no quotation marks around the mention
    for m in _QUOTED.finditer(text):
        group = 1 if m.group(1) is not None else 2
        if m.start(group) <= start and end <= m.end(group):
            return m.group(group)
    return None


_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z]{4,}(?![\w'-])")  # "months", not "of", "by" or "U.S."


def in_title_case(text: str) -> bool:
    """Whether `text` is in capitals or title case: no lower-case word of four letters or more
    (a headline's "Talks To Resume Tuesday", a title in quotes "'Paris, Texas'"), so a capital in
    it tells nothing of a name."""
    return _LOWER_WORD.search(text) is None
