"""Language resources of the entity resolver, read once from data/: titles, role classes, given
names, nicknames, transliteration folds and the context words that decide metonymy.

The engine (kb.py, resolve.py) holds no word lists: every phrase it recognizes comes from here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from normalize.text import fold, strip_accents
from normalize.yamldata import load_yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
_DOTTED = re.compile(r"\b(?:\w\.){2,}")
# A word (inner apostrophes kept: O'Rourke, d'Ivoire) and its possessive 's, if any.
_DOT_POSSESSIVE = re.compile(r"\.'(?=[sS]\b)")
_CASED = re.compile(r"(\w+(?:'(?![sS]\b)\w+)*)('[sS]\b|(?<=[sS])'(?=\s|$))?")


def _read(name: str) -> str:
    """Text of one bundled data file."""
    return (DATA_DIR / name).read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    """Non-comment, non-blank lines of a bundled text table."""
    out = []
    for line in _read(name).splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line.rstrip("\n"))
    return out


_LETTER_DASH_NUMBER = re.compile(r"\b([A-Za-z])-(\d+)\b")
_PLUS = re.compile(r"(?<=\w)\+(?!\w)")  # "OPEC+" is "OPEC plus", not OPEC


def _unpunctuated(text: str) -> str:
    """Acronym dots removed ("U.S." -> "US"), a letter joined to its number ("G-7" -> "G7",
    "F-16" -> "F16") and a trailing plus spelled out ("OPEC+" -> "OPEC plus"): as names are
    indexed and mentions read."""
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    if "-" in text:
        text = _LETTER_DASH_NUMBER.sub(r"\1\2", text)
    if "+" in text:
        text = _PLUS.sub(" plus", text)
    return text


def _plain(text: str) -> str:
    """Folded, accent-free text with acronym dots removed ("U.S." -> "US"), case kept."""
    text = fold(text)
    if not text.isascii():
        text = strip_accents(text)
    return _unpunctuated(text)


@lru_cache(maxsize=8192)
def cased_tokens(text: str) -> tuple[tuple[str, bool], ...]:
    """Word tokens with their case kept, each flagged when written with a possessive 's."""
    return _split(_plain(text))


def _split(plain: str) -> tuple[tuple[str, bool], ...]:
    """Words of already-folded text, inner apostrophes dropped, with possessive flags."""
    return tuple([(w.replace("'", "") if "'" in w else w, bool(p))
                  for w, p in _CASED.findall(plain)])


def tokens(text: str) -> list[str]:
    """Lower-case, accent-free word tokens of a mention: possessives and acronym dots removed."""
    return [t.casefold() for t, _ in cased_tokens(text)]


def name_key(text: str) -> str:
    """Index key of a name or mention: its tokens joined by spaces, leading "the" dropped."""
    toks = tokens(text)
    if len(toks) > 1 and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks)


class Mention(NamedTuple):
    """A mention folded once for every stage: text, tokens (with case), key and flags."""

    text: str  # folded
    cased: tuple[tuple[str, bool], ...]
    toks: tuple[str, ...]
    key: str
    possessive: bool  # its last word carries 's
    caps: str | None  # the whole mention in capitals without dots ("WHO", "US"), if so written
    capitals: frozenset[str]  # its all-capital words, upper-case


@lru_cache(maxsize=8192)
def prepare(mention: str) -> Mention:
    """Fold a mention for the resolver (cached: news repeats its mentions)."""
    if mention.isascii():  # no accents to strip
        folded = plain = fold(mention)
    else:
        folded = fold(mention)
        plain = strip_accents(folded)
    plain = _unpunctuated(plain)
    if "." in plain:
        plain = _DOT_POSSESSIVE.sub("'", plain)  # "Jr.'s", "Corp.'s": the possessive of "Jr"
    cased = _split(plain)
    toks = tuple([t.casefold() for t, _ in cased])
    key_toks = toks[1:] if len(toks) > 1 and toks[0] == "the" else toks
    words = [t for t, _ in cased]
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    caps = words[0] if len(words) == 1 and words[0].isupper() else None
    return Mention(
        text=folded,
        cased=cased,
        toks=toks,
        key=" ".join(key_toks),
        possessive=bool(cased) and cased[-1][1],
        caps=caps,
        capitals=frozenset(t for t, _ in cased if t.isupper()),
    )


def phrase_key(text: str) -> tuple[str, ...]:
    """Token tuple of a lexicon phrase ("Secretary-General" -> ("secretary", "general"))."""
    return tuple(tokens(text))


@dataclass(frozen=True, eq=False)
class RoleLexicon:
    """Role classes, their synonyms in news text, groups, counterpart fallbacks and modifiers."""

    class_of_title: dict[str, str]  # folded KB role title -> class
    phrases: dict[tuple[str, ...], tuple[str, ...]]  # phrase tokens -> classes it names
    fallback: dict[str, tuple[str, ...]]
    class_fallback: dict[str, tuple[str, ...]]  # a class a country lacks, read as these
    time_modifiers: dict[str, str]
    modifiers_after: dict[tuple[str, ...], str]  # "elect" of "president-elect": next
    counterpart_words: frozenset[tuple[str, ...]]
    pronouns: dict[str, str | None]
    leader_by_country: dict[str, str]
    subordinate_words: frozenset[str]
    phrase_countries: dict[tuple[str, ...], str]  # "pentagon chief" -> country:us
    country_classes: frozenset[str]  # offices many countries have: "the chancellor"
    home_realm: dict[str, str]  # "the Queen" of English-language news: class -> country
    departure_within: dt.timedelta  # a term ended this recently: "fired the FBI director"
    departure_before: frozenset[tuple[str, ...]]  # "fired" (the role)
    departure_after: frozenset[tuple[str, ...]]  # (the role) "resigned"

    def role_class(self, title: str) -> str:
        """Class of a KB role title: a known title or, for "President of Russia" or "Russian
        Foreign Minister", the class phrase it starts or ends with; else its own class."""
        return _role_class(self, title)


@lru_cache(maxsize=4096)
def _role_class(lex: RoleLexicon, title: str) -> str:
    """See RoleLexicon.role_class (cached: a KB repeats its titles)."""
    key = name_key(title)
    if key in lex.class_of_title:
        return lex.class_of_title[key]
    toks = tuple(key.split())
    if any(t in lex.subordinate_words for t in toks):
        return title
    for n in range(len(toks) - 1, 0, -1):
        for part in (toks[:n], toks[-n:]):
            classes = lex.phrases.get(part)
            if classes and len(classes) == 1:
                return classes[0]
    return title


@cache
def roles() -> RoleLexicon:
    """The role lexicon of data/roles.yaml."""
    raw = load_yaml(_read("roles.yaml"))
    class_of_title: dict[str, str] = {}
    phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
    for cls, spec in raw["classes"].items():
        spec = spec or {}
        for title in [cls, *spec.get("titles", [])]:
            class_of_title[name_key(title)] = cls
        for phrase in [cls, *spec.get("titles", []), *spec.get("phrases", [])]:
            phrases.setdefault(phrase_key(phrase), (cls,))
    for spec in raw.get("groups", {}).values():
        for phrase in spec["phrases"]:
            phrases.setdefault(phrase_key(phrase), tuple(spec["classes"]))
    departure = raw.get("departure", {})
    return RoleLexicon(
        class_of_title=class_of_title,
        phrases=phrases,
        fallback={k: tuple(v) for k, v in raw.get("counterpart_fallback", {}).items()},
        class_fallback={k: tuple(v) for k, v in raw.get("class_fallback", {}).items()},
        time_modifiers=dict(raw.get("time_modifiers", {})),
        modifiers_after={phrase_key(k): v for k, v in raw.get("time_modifiers_after", {}).items()},
        counterpart_words=frozenset(phrase_key(w) for w in raw.get("counterpart_words", [])),
        pronouns=dict(raw.get("possessive_pronouns", {})),
        leader_by_country=dict(raw.get("leader_by_country", {})),
        subordinate_words=frozenset(raw.get("subordinate_words", [])),
        phrase_countries={phrase_key(k): v for k, v in raw.get("phrase_countries", {}).items()},
        country_classes=frozenset(raw.get("country_classes", [])),
        home_realm=dict(raw.get("home_realm", {})),
        departure_within=dt.timedelta(days=departure.get("within_days", 0)),
        departure_before=frozenset(phrase_key(w) for w in departure.get("before", [])),
        departure_after=frozenset(phrase_key(w) for w in departure.get("after", [])),
    )


@dataclass(frozen=True)
class Title:
    """A title or honorific from data/titles.yaml."""

    phrase: tuple[str, ...]
    gender: str | None
    subordinate: bool = False
    field: str | None = None
    places: frozenset[str] = frozenset()  # the KB types of place it stands before ("city of")


@cache
def titles() -> dict[tuple[str, ...], Title]:
    """Titles and honorifics without a role class, keyed by their token tuple."""
    out = {}
    for item in load_yaml(_read("titles.yaml")):
        key = phrase_key(item["phrase"])
        out[key] = Title(key, item.get("gender"), bool(item.get("subordinate", False)),
                         item.get("field"), frozenset(item.get("places", ())))
    return out


@cache
def title_starts() -> frozenset[str]:
    """First words of the titles (a cheap test before the title search)."""
    return frozenset(key[0] for key in titles() if key)


@cache
def given_names() -> frozenset[str]:
    """Common given names: a mention token in this set is a name of its own, never a typo."""
    return frozenset(line.strip() for line in _lines("given_names.txt"))


@cache
def nicknames() -> dict[str, frozenset[str]]:
    """Short form <-> full forms of given names, both directions."""
    out: dict[str, set[str]] = {}
    for line in _lines("nicknames.tsv"):
        short, full = line.split("\t")
        for name in full.split(","):
            out.setdefault(short.strip(), set()).add(name.strip())
            out.setdefault(name.strip(), set()).add(short.strip())
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _translit_rules() -> tuple[tuple[str | re.Pattern[str], str], ...]:
    """The rewrites of translit.tsv: plain strings where the pattern is literal (fast)."""
    rules: list[tuple[str | re.Pattern[str], str]] = []
    for line in _lines("translit.tsv"):
        pattern, replacement = line.split("\t")[:2]
        literal = pattern.isalpha() and pattern.isascii()
        rules.append((pattern if literal else re.compile(pattern), replacement))
    return tuple(rules)


# A regnal number ("ii", "iii", "xiv") names another monarch when it differs by one letter:
# transliteration folding (which merges doubled letters) must leave it as written.
_REGNAL = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})")


@lru_cache(maxsize=65536)
def translit_token(token: str) -> str:
    """Transliteration-folded form of one token: Sergey/Sergei, Zelenskyy/Zelensky share one;
    a regnal number stays as written (Charles II is not Charles III)."""
    if _REGNAL.fullmatch(token):
        return token
    for pattern, replacement in _translit_rules():
        if isinstance(pattern, str):
            if pattern in token:
                token = token.replace(pattern, replacement)
        else:
            token = pattern.sub(replacement, token)
    return token


def translit_respellings(token: str) -> list[str]:
    """Spellings of a lower-case token one transliteration rewrite away that fold to the same
    key ("sergey" -> "sergei"): what test strategies draw from."""
    out = []
    for pattern, replacement in _translit_rules():
        if isinstance(pattern, str):
            new = token.replace(pattern, replacement, 1) if pattern in token else token
        else:
            new = pattern.sub(replacement, token, count=1)
        if new != token and translit_token(new) == translit_token(token) and new not in out:
            out.append(new)
    return out


def translit_key(key: str) -> str:
    """Transliteration-folded form of a whole index key."""
    return " ".join(translit_token(t) for t in key.split())


def _word_sets(table: type, name: str) -> Any:
    """A dataclass of word sets read from data/<name>, by field name: a YAML list is a set, a
    mapping of lists a dict of sets; a table the dataclass does not name is an error."""
    raw = load_yaml(_read(name))

    def words(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): frozenset(str(w) for w in v) for k, v in value.items()}
        return frozenset(str(w) for w in value)

    names = {f.name for f in fields(table)}
    if unknown := sorted(set(raw) - names):  # a misspelt or dead table would be read by nobody
        raise ValueError(f"data/{name}: unknown tables {unknown}")
    return table(**{f: words(raw[f]) for f in names})


@dataclass(frozen=True)
class ContextWords:
    """Word tables of the context stages: whether a seat or capital is an actor or a place, and
    whether a mention is part of another name."""

    actor_verbs: frozenset[str]
    actor_before: frozenset[str]
    place_before: frozenset[str]
    coordinators: frozenset[str]
    determiners: frozenset[str]
    place_prepositions: frozenset[str]
    actor_before_preposition: dict[str, frozenset[str]]
    place_before_preposition: dict[str, frozenset[str]]
    # whether the mention is part of another name (context.in_another_name)
    body_words: frozenset[str]
    calendar_words: frozenset[str]
    month_words: frozenset[str]
    event_years: dict[str, frozenset[str]]
    event_fillers: frozenset[str]
    compounds: frozenset[str]
    demonym_alone_before: frozenset[str]
    language_after_in: frozenset[str]
    language_compounds: frozenset[str]
    demonym_group_after: frozenset[str]
    agreement_words: frozenset[str]
    people_counters: frozenset[str]
    place_only_before: frozenset[str]
    owned_places: frozenset[str]
    introducers: frozenset[str]
    other_occupations: frozenset[str]
    venues: frozenset[str]
    state_offices: frozenset[str]
    works: frozenset[str]
    ships: frozenset[str]
    work_verb_after: frozenset[str]
    body_occupations: frozenset[str]
    attribution_verbs: frozenset[str]
    match_verbs: frozenset[str]
    fixture_verbs: frozenset[str]
    leading_verbs: frozenset[str]
    side_words: frozenset[str]
    side_words_owned: frozenset[str]
    team_plural_verbs: frozenset[str]
    side_cues: frozenset[str]
    demonym_private_before: frozenset[str]
    part_words: frozenset[str]
    side_words_in_match: frozenset[str]
    matches: frozenset[str]
    representatives: frozenset[str]
    currency_words: frozenset[str]
    after_unit: frozenset[str]
    place_nouns: frozenset[str]
    storm_words: frozenset[str]
    institution_words: frozenset[str]
    region_after: frozenset[str]
    national_bodies: frozenset[str]
    national_events: frozenset[str]
    organisation_nouns: dict[str, frozenset[str]]
    after_national_event: frozenset[str]
    region_abbreviations: dict[str, frozenset[str]]
    abbreviation_countries: frozenset[str]


@cache
def context_words() -> ContextWords:
    """The word tables of data/context.yaml."""
    return _word_sets(ContextWords, "context.yaml")


# Words that join the words of a title or role ("Secretary of State", "Minister for the ...").
JOINING = frozenset({"the", "of", "and", "for", "to", "in", "on", "at", "a", "an", "s"})


@cache
def title_words() -> frozenset[str]:
    """Every word of a title or role phrase ("foreign", "minister", "press", "secretary"), but
    the words that join them ("the", "of")."""
    return frozenset({w for key in titles() for w in key}
                     | {w for key in roles().phrases for w in key}) - JOINING


@cache
def common_words() -> frozenset[str]:
    """Lower-case words an all-caps acronym may spell; such acronyms need capitals."""
    return frozenset(line.strip() for line in _lines("common_words.txt"))


@dataclass(frozen=True)
class NameParts:
    """Name-building words: suffixes, surname particles, acronym stop words and types."""

    suffixes: frozenset[str]
    styled_by_title: frozenset[str]
    post_nominals: frozenset[str]
    company_suffixes: frozenset[str]
    surname_particles: frozenset[str]
    acronym_skip: frozenset[str]
    acronym_types: frozenset[str]
    family_name_first: frozenset[str]
    patronymic_endings: frozenset[str]
    patronymic_particles: frozenset[str]
    common_surnames: frozenset[str]
    known_by_surname: frozenset[str]
    office_nouns: frozenset[str]

    @cached_property
    def styled_titles(self) -> frozenset[tuple[str, ...]]:
        """The titles of `styled_by_title` as folded tokens ("crown", "prince")."""
        return frozenset(tuple(tokens(t)) for t in self.styled_by_title)


@cache
def name_parts() -> NameParts:
    """The name tables of data/names.yaml."""
    return _word_sets(NameParts, "names.yaml")


@cache
def _country_table() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Name/alias/ISO key of every bundled country -> (its demonyms, all its names)."""
    records = load_yaml((DATA_DIR / "kb" / "countries.yaml").read_text(encoding="utf-8"))
    table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for r in records:
        names = tuple(str(n) for n in [r["name"], *r.get("aliases", []), *r.get("iso", [])])
        entry = (tuple(r.get("demonyms", [])), names)
        for n in names:
            table.setdefault(name_key(n), entry)
    return table


def country_words(names: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Demonyms and other names of the country called by one of `names` ("France" ->
    (("French", …), ("French Republic", "FR", …))), from the bundled country table: a language
    resource for knowledge bases whose countries carry no demonyms or short names."""
    table = _country_table()
    for n in names:
        entry = table.get(name_key(n))
        if entry:
            return entry
    return (), ()


class Namesake(NamedTuple):
    """A place outside the knowledge base named like one inside it (data/namesakes.yaml)."""

    what: str
    country: str
    cues: re.Pattern[str]


def _cues(cues: list[Any]) -> re.Pattern[str]:
    """One pattern for cue words or phrases, whole words, case kept, longest first."""
    return re.compile(r"(?<![\w.])(?:" + "|".join(
        re.escape(str(c)) for c in sorted(cues, key=lambda c: len(str(c)), reverse=True))
        + r")(?!\w)")


@cache
def namesakes() -> dict[str, tuple[Namesake, ...]]:
    """Name key -> the namesakes in other countries of the KB place so named, each with the
    words that show a sentence speaks of it."""
    out: dict[str, tuple[Namesake, ...]] = {}
    for name, entries in load_yaml(_read("namesakes.yaml")).items():
        out[name_key(str(name))] = tuple(
            Namesake(str(e["what"]), str(e["country"]), _cues(e["cues"])) for e in entries)
    return out


class OtherSense(NamedTuple):
    """Another well-known sense of a name of the knowledge base (data/other_senses.yaml)."""

    what: str
    cues: tuple[tuple[frozenset[str], re.Pattern[str]], ...]  # (folded words, pattern) per cue


@cache
def other_senses() -> dict[str, tuple[OtherSense, ...]]:
    """Name key -> the other senses news uses the name in, each with its cues."""
    return {name_key(str(name)): tuple(
        OtherSense(str(e["what"]), tuple((frozenset(tokens(str(c))), _cues([c]))
                                         for c in e["cues"]))
        for e in entries) for name, entries in load_yaml(_read("other_senses.yaml")).items()}
