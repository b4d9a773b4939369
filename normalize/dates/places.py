"""Which country a sentence names, for the holidays that fall on another day there
("Independence Day" in "Pakistan will mark its Independence Day" is 14 August).

The names are the bundled entity knowledge base's (normalize/entities/data/kb, read once and
shared with the entity normalizer): countries with their aliases and demonyms, the cities and
places located in them, and people by their nationality ("Modi will address the nation on
Independence Day"). A name two countries share tells nothing. They are indexed once, on the
first sentence that needs them.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from normalize.dates.recognize import trie_of

_MAX_HOPS = 4  # a place in a city in a country
_MIN_SURNAME = 4  # a surname alone names a person's country from this many letters


def _country(ident: str, located: dict[str, str]) -> str | None:
    """The ISO code of the country `ident` is (or lies in), following located_in."""
    for _ in range(_MAX_HOPS):
        if ident.startswith("country:"):
            return ident.split(":", 1)[1]
        if ident not in located:
            return None
        ident = located[ident]
    return None


@lru_cache(maxsize=1)
def _names() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    """(one pattern over every place and person name, as written; name -> ISO country code;
    every place name). A name that two countries share is left out of the first two: it cannot
    tell them apart; a person's name that is also a place's is the place's."""
    # imported here: the knowledge base's entities (read once, shared with the entity
    # normalizer) are needed only once a sentence asks
    from normalize.entities.kb import NAMED_PLACE_TYPES, bundled_entities
    from normalize.entities.lexicon import given_names, title_words

    titles, givens = title_words(), given_names()

    entities = bundled_entities()
    places_of = [e for e in entities if e.type in NAMED_PLACE_TYPES]
    located = {e.id: e.located_in for e in places_of if e.located_in}
    codes: dict[str, set[str]] = {}
    for e in places_of:
        code = _country(e.id, located)
        if code is None:
            continue
        for name in (e.name, *e.aliases, *e.demonyms):
            if len(name) > 2 or name.isupper():
                codes.setdefault(name, set()).add(code)
    places = frozenset(codes)
    for e in entities:
        if e.type == "person":
            code = _country(e.nationality or "", located) or "?"  # "?": not known
            for name in _person_names(e.name, e.aliases, titles, givens):
                if name not in places:  # "Jordan" stays the country
                    codes.setdefault(name, set()).add(code)
    by_name = {name: next(iter(c)) for name, c in codes.items() if len(c) == 1 and "?" not in c}
    # a name may open or close a hyphenated compound ("Ottawa-Carleton schools", "Kenyan-born")
    return (re.compile(rf"(?<!\w)(?:{trie_of(by_name)})(?!\w)"), by_name, places)


def _person_names(name: str, aliases: tuple[str, ...], titles: frozenset[str],
                  givens: frozenset[str]) -> list[str]:
    """A person's full names (name and aliases) and surnames (the last word of the name and of
    each alias of a given name and a surname, when long enough not to be a common short word
    and no given name or title): "Narendra Modi", "Modi"; "Zelenskiy" of "Volodymyr
    Zelenskiy"."""
    names = [name, *aliases]
    surnames = [w[-1] for w in (n.split() for n in names)
                if len(w) > 1 and w[0].casefold() not in titles]
    return names + sorted({s for s in surnames if len(s) >= _MIN_SURNAME and s.isalpha()
                           and s.casefold() not in givens})


def is_place(name: str) -> bool:
    """Whether `name`, as written, names a country, its people, or a city or place in it."""
    return name in _names()[2]


def country_near(context: str, at: int, among: Container[str]) -> str | None:
    """The country of `among` (ISO codes) that the sentence names nearest to position `at`
    (a country, its people, or a city or place in it), else None."""
    pattern, by_name, _ = _names()
    best: tuple[int, str] | None = None
    for m in pattern.finditer(context):
        code = by_name[m.group()]
        if code in among:
            distance = abs(m.start() - at)
            if best is None or distance < best[0]:
                best = (distance, code)
    return best[1] if best else None
