"""Hypothesis strategies for testing pipelines built on `normalize`.

Each strategy draws a mention together with the answer a normalizer must give, computed
independently of the normalizer, so that a property test reads

    @given(entity_mentions(types=["person"]))
    def test_people(case):
        mention, entity_id = case
        assert resolve_entity(mention).id == entity_id

Public strategies: `entity_mentions`, `temporal_expressions`, `quantity_phrases`.
Hypothesis loads this module through the `hypothesis` entry point (`_hypothesis_setup_hook`);
the hook registers nothing global (see its docstring).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from functools import lru_cache
from typing import Any


def _hypothesis_setup_hook() -> None:
    """Entry-point hook, called by hypothesis when it is imported.

    It registers nothing global: no type strategies, no settings profiles. Registering a
    strategy for `Quantity` or `TimeValue` would import the normalizers (and their tables)
    into every hypothesis run of any project that has this package installed; users import
    these strategies from `normalize.strategies` instead. It is defined before hypothesis is
    imported below, so the nested import that hypothesis's entry points make finds it.
    """


# Imported after the hook on purpose: importing hypothesis runs its entry points, which import
# this module; the hook must already exist when that nested import looks it up.
from hypothesis import strategies as st  # noqa: E402

from normalize.isodate import parse_iso_date  # noqa: E402
from normalize.quantities import BARE_YEAR, FIRST_YEAR_OF_SPAN, SCORE_RATIO, YEAR  # noqa: E402

__all__ = [
    "ENTITY_VARIANTS",
    "entity_mentions",
    "quantity_phrases",
    "temporal_expressions",
    "typos",
]

# --- quantities -----------------------------------------------------------------------------

_QUALIFIED = {
    "at least {n}": lambda n: (n, None),
    "no fewer than {n}": lambda n: (n, None),
    "{n} or more": lambda n: (n, None),
    "{n}-plus": lambda n: (n, None),
    "{n}+": lambda n: (n, None),
    "as many as {n}": lambda n: (None, n),
    "more than {n}": lambda n: (n, None),
    "up to {n}": lambda n: (None, n),
    "fewer than {n}": lambda n: (None, n),
    "{n}": lambda n: (n, n),
}
_RANGES = ("between {a} and {b}", "from {a} to {b}", "{a} to {b}", "{a}-{b}")

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_words(n: int, british_and: bool = False) -> str:
    """English words for 0 <= n < 10**9 ("one hundred and five" with `british_and`)."""
    if not 0 <= n < 10**9:
        raise ValueError(f"number_words takes 0 <= n < 10**9, not {n}")
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        joint = " and " if british_and else " "
        return _ONES[n // 100] + " hundred" + (joint + number_words(rest) if rest else "")
    for size, word in ((10**6, "million"), (1000, "thousand")):
        if n >= size:
            rest = n % size
            tail = ""
            if rest:
                tail = (" and " if british_and and rest < 100 else " ") + number_words(
                    rest, british_and)
            return number_words(n // size, british_and) + " " + word + tail
    raise AssertionError("unreachable")


@st.composite
def _number_text(draw: st.DrawFn, n: int, words: bool) -> str:
    forms = [str(n), f"{n:,}"]
    if words:
        forms.append(number_words(n, british_and=draw(st.booleans())))
    return draw(st.sampled_from(forms))


@st.composite
def quantity_phrases(draw: st.DrawFn, max_value: int = 10**9, words: bool = True,
                     ranges: bool = True) -> tuple[str, tuple]:
    """A number phrase and its (low, high) bounds, None for an unbounded end.

    Digits ("12,000"), number words ("twenty-one", "two hundred and five") when `words`,
    qualifiers ("at least 9" -> (9, None)), and ranges ("between 5 and 7" -> (5, 7)) when
    `ranges`. Range ends are digits, or words below twenty.
    """
    if ranges and draw(st.integers(0, 3)) == 0:
        a = draw(st.integers(min_value=0, max_value=max_value - 1))
        b = draw(st.integers(min_value=a + 1, max_value=max_value))
        small_words = words and b < 20
        ta, tb = draw(_number_text(a, small_words)), draw(_number_text(b, small_words))
        if a >= FIRST_YEAR_OF_SPAN and all(YEAR.fullmatch(t) for t in (ta, tb)):
            ta, tb = f"{a:,}", f"{b:,}"  # "between 1800 and 1801" is a span of years, no range
        lopsided = 0 < SCORE_RATIO * a < b  # "3-72" reads as figures or a score, no range
        template = draw(st.sampled_from(_RANGES[:-1] if lopsided else _RANGES))
        return template.format(a=ta, b=tb), (a, b)
    n = draw(st.integers(min_value=0, max_value=max_value))
    template = draw(st.sampled_from(sorted(_QUALIFIED)))
    text = draw(_number_text(n, words and n < 10**9))
    if BARE_YEAR.fullmatch(template.format(n=text)):
        text = f"{n:,}"  # "2021" alone is a year, no count: written as one ("2,021")
    return template.format(n=text), _QUALIFIED[template](n)


# --- temporal expressions -------------------------------------------------------------------

_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_ABBREVIATIONS = ("Jan. Feb. Mar. Apr. May Jun. Jul. Aug. Sept. Oct. Nov. Dec.").split()


def _month_name(draw: st.DrawFn, month: int, abbreviate: bool = True) -> str:
    forms = [_MONTHS[month - 1]]
    if abbreviate:
        forms.append(_ABBREVIATIONS[month - 1])
    name = draw(st.sampled_from(forms))
    return draw(st.sampled_from([name, name.lower()]))


def _as_date(anchor: date | str) -> date:
    return parse_iso_date(anchor, "anchor")


@st.composite
def temporal_expressions(draw: st.DrawFn, anchor: date | str | None = None,
                         min_year: int = 1900, max_year: int = 2099) -> tuple[str, str]:
    """A temporal mention and its TIMEX3 value.

    Without an anchor, only absolute forms ("June 16, 2021", "16 June 2021", "2021-06-16",
    "June 2021", "in 2021"). With an anchor (the document date), also relative ones:
    "yesterday", "last year" (anchor year - 1), "next month", "next June" (the first June
    strictly after the anchor's month), "last June" (the most recent one strictly before).
    """
    kinds = ["day", "month", "year"] + (["relative"] if anchor is not None else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "relative":
        return draw(_relative_expression(_as_date(anchor)))  # type: ignore[arg-type]
    day = draw(st.dates(date(min_year, 1, 1), date(max_year, 12, 31)))
    if kind == "year":
        return f"in {day.year}", f"{day.year:04d}"
    if kind == "month":
        month = _month_name(draw, day.month, abbreviate=False)
        return f"{month} {day.year}", f"{day.year:04d}-{day.month:02d}"
    month = _month_name(draw, day.month)
    template = draw(st.sampled_from(["{m} {d}, {y}", "{d} {m} {y}", "iso"]))
    text = day.isoformat() if template == "iso" else template.format(
        m=month, d=day.day, y=day.year)
    return text, day.isoformat()


@st.composite
def _relative_expression(draw: st.DrawFn, anchor: date) -> tuple[str, str]:
    from datetime import timedelta

    y, m = anchor.year, anchor.month
    choice = draw(st.sampled_from(["day", "year", "month", "named-month"]))
    if choice == "day":
        word, shift = draw(st.sampled_from([("yesterday", -1), ("today", 0), ("tomorrow", 1)]))
        return word, (anchor + timedelta(days=shift)).isoformat()
    if choice == "year":
        word, shift = draw(st.sampled_from([("last", -1), ("this", 0), ("next", 1)]))
        return f"{word} year", f"{y + shift:04d}"
    if choice == "month":
        word, shift = draw(st.sampled_from([("last", -1), ("this", 0), ("next", 1)]))
        total = y * 12 + (m - 1) + shift
        return f"{word} month", f"{total // 12:04d}-{total % 12 + 1:02d}"
    target = draw(st.integers(1, 12))
    name = _month_name(draw, target, abbreviate=False)
    if draw(st.booleans()):
        year = y if target > m else y + 1
        return f"next {name}", f"{year:04d}-{target:02d}"
    year = y if target < m else y - 1
    return f"last {name}", f"{year:04d}-{target:02d}"


# --- entity mentions ------------------------------------------------------------------------

ENTITY_VARIANTS = ("case", "spacing", "quotes", "possessive", "title", "role", "typo",
                   "translit")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _entity_tables(kb: Any) -> dict[str, Any]:
    """Per-KB tables the strategy draws from (built once per knowledge base)."""
    return _tables_for(id(kb), kb)


@lru_cache(maxsize=4)
def _tables_for(_key: int, kb: Any) -> dict[str, Any]:
    from normalize.entities import lexicon

    forms: dict[str, list[str]] = {}
    for entity in kb:
        for text in (entity.name, *entity.aliases):
            stripped = text.replace(".", "").strip()
            if len(stripped) < 4 or (stripped.isupper() and " " not in stripped):
                continue  # acronyms depend on their capitals
            hits = kb.lookup(lexicon.name_key(text))
            if {h.id for h in hits} == {entity.id}:
                forms.setdefault(entity.id, []).append(text)
    roles = lexicon.roles()
    phrases: dict[str, list[str]] = {}
    for phrase, classes in roles.phrases.items():
        if len(classes) == 1 and all(len(w) > 2 for w in phrase):
            phrases.setdefault(classes[0], []).append(" ".join(phrase))
    titles = [(" ".join(t.phrase), t.gender) for t in lexicon.titles().values()
              if not t.places]  # "the city of" stands before no person
    return {"forms": forms, "role_phrases": phrases, "titles": titles, "kb": kb,
            "title_phrases": frozenset(lexicon.titles())}


def _exists_on(entity: Any, day: date | None) -> bool:
    """Whether a dated entity (an event) has begun by `day`: none is named before it happens."""
    start = getattr(entity, "start", None)
    return day is None or start is None or start <= day


@lru_cache(maxsize=64)
def _forms_on(_key: int, kb: Any, wanted: frozenset[str] | None, day: date | None
              ) -> dict[str, list[str]]:
    """The forms of the entities of types `wanted` (all: None) that exist on `day`, each kept
    only while it names its entity ("Prince Charles" until his accession): built once per
    knowledge base, types and day, not on every draw."""
    from normalize.entities import lexicon

    forms = {i: names for i, names in _entity_tables(kb)["forms"].items()
             if (wanted is None or kb.get(i).type in wanted) and _exists_on(kb.get(i), day)}
    return {i: kept for i, names in forms.items()
            if (kept := [n for n in names if kb.alias_in_force(i, lexicon.name_key(n), day)])}


@st.composite
def typos(draw: st.DrawFn, word: str, edits: int = 1) -> str:
    """`word` after `edits` random edits (substitution, deletion, insertion, transposition),
    never of its first or last letter: how a typo looks in news copy ("Sallivan")."""
    for _ in range(edits):
        if len(word) < 3:
            break
        kind = draw(st.sampled_from(["sub", "del", "ins", "swap"]))
        i = draw(st.integers(1, len(word) - 2))
        if kind == "sub":
            word = word[:i] + draw(st.sampled_from(_LETTERS.replace(word[i], ""))) + \
                word[i + 1:]
        elif kind == "del":
            word = word[:i] + word[i + 1:]
        elif kind == "ins":
            word = word[:i] + draw(st.sampled_from(_LETTERS)) + word[i:]
        elif word[i] != word[i + 1]:
            word = word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word


def _recapitalize(new: str, like: str) -> str:
    return new.capitalize() if like[:1].isupper() else new


def _distinct(kb: Any, text: str, entity_id: str, new_token: str) -> bool:
    """True when a respelled mention still points at its entity alone: the new token is no
    given name or dictionary word, and no other entity has this name, its transliteration fold
    ("Shanksi": Shanxi and Shaanxi), one within typo reach or, in capitals, this acronym.
    """
    from normalize.entities import lexicon

    if new_token.lower() in lexicon.given_names() | lexicon.common_words():
        return False
    key = lexicon.name_key(text)
    if any(h.id != entity_id for h in (*kb.lookup(key), *kb.lookup_translit(key),
                                       *kb.lookup_acronym(text.upper()))):
        return False  # the case variant may write it in capitals: "Tas" -> "TAS", an acronym
    near = kb.typo_candidates(key)
    return all(h.id == entity_id for k, _edits in near for h in kb.lookup(k))


def _recognisable(typed: list[str], tokens: list[str], place: bool) -> bool:
    """True when the resolver's own evidence rule accepts this typo of the name `tokens`, and,
    for a `place`, does not read it as another place (a letter put for another)."""
    from rapidfuzz.distance import OSA

    from normalize.entities.lexicon import name_key
    from normalize.entities.names import substituted, typo_evidence

    mention, name = name_key(" ".join(typed)).split(), name_key(" ".join(tokens)).split()
    if len(mention) != len(name) or place and substituted(mention, name):
        return False
    edits = tuple(OSA.distance(m, n) for m, n in zip(mention, name, strict=True))
    return typo_evidence(mention, name, edits)


@st.composite
def _spelling(draw: st.DrawFn, tables: dict, entity_id: str, base: str,
              variants: Collection[str]) -> str:
    """The base form, perhaps with a typo or a transliteration variant of one long token."""
    from rapidfuzz.distance import OSA

    from normalize.entities import lexicon
    from normalize.entities.kb import NAMED_PLACE_TYPES
    from normalize.entities.names import too_short_to_fold
    from normalize.entities.typo import edit_budget

    kb = tables["kb"]
    tokens = base.split()
    options = ["none"] + [v for v in ("typo", "translit") if v in variants]
    choice = draw(st.sampled_from(options))
    if choice == "none":
        return base
    i = draw(st.integers(0, len(tokens) - 1))
    token = tokens[i]
    if not token.isalpha() or not token.isascii():
        return base
    if choice == "typo":
        budget = edit_budget(len(token)) if len(token) >= 6 else 0  # never in a short token
        if budget == 0:
            return base
        new = draw(typos(token.lower(), draw(st.integers(1, budget))))
        if new == token.lower() or OSA.distance(new, token.lower()) > edit_budget(len(new)):
            return base  # a swap then an edit inside it counts three: not a two-edit typo
        typed = [*tokens[:i], new, *tokens[i + 1:]]
        place = getattr(kb.get(entity_id), "type", "") in NAMED_PLACE_TYPES
        if not _recognisable(typed, tokens, place):
            return base
    else:
        respellings = lexicon.translit_respellings(token.lower())
        if not respellings:
            return base
        new = draw(st.sampled_from(respellings))
        if len(tokens) == 1 and too_short_to_fold(new):
            return base  # the resolver reads no respelling into so short a word ("Bon", "Mass")
    candidate = " ".join([*tokens[:i], _recapitalize(new, token), *tokens[i + 1:]])
    return candidate if _distinct(kb, candidate, entity_id, new) else base


@st.composite
def entity_mentions(draw: st.DrawFn, kb: Any = None, types: Iterable[str] | None = None,
                    date: date | str | None = None,
                    variants: Collection[str] = ENTITY_VARIANTS) -> tuple[str, str]:
    """A mention of a knowledge-base entity and the entity's id.

    Drawn from the entity's name or a curated alias that names it alone, then varied (any of
    `variants`): case, spacing, curly quotes, a possessive, a form of address ("Mr", matching
    gender), a role title ("President X") only when X holds that role on `date` (with no
    date, a role still held), one or two edits inside a long token (never in a short one),
    or a spelling from the transliteration table. `kb` defaults to the bundled one.
    """
    from normalize.entities import KnowledgeBase

    kb = kb if kb is not None else KnowledgeBase.bundled()
    tables = _entity_tables(kb)
    wanted = frozenset(types) if types is not None else None
    day = None if date is None else _as_date(date)
    forms = _forms_on(id(kb), kb, wanted, day)
    ids = sorted(forms)
    if not ids:
        raise ValueError(f"no entity of types {sorted(wanted or [])} has an unambiguous name")
    entity = kb.get(draw(st.sampled_from(ids)))
    base = draw(st.sampled_from(forms[entity.id]))
    text = draw(_spelling(tables, entity.id, base, variants))
    text = draw(_prefix(tables, entity, date, variants, base)) + text
    if "case" in variants:
        title = " ".join(w[:1].upper() + w[1:].lower() for w in text.split(" "))
        text = draw(st.sampled_from([text, text.lower(), text.upper(), title]))
    seat = kb.capital_of(entity.id) or getattr(entity, "seat_of", None)
    if "possessive" in variants and not seat and draw(st.booleans()):
        # a seat's possessive ("Moscow's") names its government: not a variant of the place
        ending = "'" if text[-1:] in "sS" else "'s"
        text += ending.upper() if text.isupper() else ending
    if "quotes" in variants and draw(st.booleans()):
        text = text.replace("'", "\u2019")
    if "spacing" in variants:
        gap = draw(st.sampled_from([" ", "  ", "\u00a0", " \t"]))
        text = draw(st.sampled_from(["", " ", "\n"])) + gap.join(text.split(" ")) + draw(
            st.sampled_from(["", " ", "  "]))
    return text, entity.id


@st.composite
def _prefix(draw: st.DrawFn, tables: dict, entity: Any, day: date | str | None,
            variants: Collection[str], base: str) -> str:
    """"" or a title: a role the entity holds on `day`, or a form of address; none before a
    form that opens with a title itself ("Prince Charles of Luxembourg": no "Mr" before it)."""
    first = base.split(" ", 1)[0].replace(".", "").casefold()
    if entity.type != "person" or (first,) in tables["title_phrases"]:
        return ""
    from normalize.entities import lexicon

    options = [""]
    if "role" in variants:
        on = None if day is None else _as_date(day)
        for role in entity.roles:
            if role.active_on(on):
                cls = lexicon.roles().role_class(role.role)
                options += [p.title() + " " for p in tables["role_phrases"].get(cls, [])]
    if "title" in variants:
        options += [t.title() + " " for t, g in tables["titles"]
                    if g is None or g == entity.gender]
    return draw(st.sampled_from(options))
