"""Context stages: people named in the surrounding text, and whether a seat or capital is used
as an actor ("the Kremlin said" -> Russia) or as a place ("at the Kremlin")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from normalize.entities import lexicon
from normalize.entities.kb import COUNTRY_TYPES, NAMED_PLACE_TYPES, Entity, Hit, KnowledgeBase
from normalize.entities.match import MARGIN, Candidate
from normalize.text import fold, in_title_case, quoted_around

# Tokens after a seat/capital searched for an actor verb ("the Kremlin on Monday said").
VERB_WINDOW = 4


MAX_NAME_WORDS = 4  # the longest run of words read as one name in a sentence


def _named_in(context: str, read: Callable[[str], set[str]], capitalized: bool
              ) -> list[tuple[int, str]]:
    """(token position, value) for every run of words in `context`, longest first, that
    `read` (given the folded run) gives exactly one value; a single word only when it is
    capitalized, and with `capitalized` any run only when it opens so."""
    cased = lexicon.cased_tokens(context)
    toks = [t.casefold() for t, _ in cased]
    found = []
    i = 0
    while i < len(toks):
        step = 1
        opens = cased[i][0][:1].isupper()
        if opens or not capitalized:
            for n in range(min(MAX_NAME_WORDS, len(toks) - i), 0, -1):
                if n == 1 and not opens:
                    continue
                values = read(" ".join(toks[i:i + n]))
                if len(values) == 1:
                    found.append((i, next(iter(values))))
                    step = n
                    break
        i += step
    return found


def persons_in(kb: KnowledgeBase, context: str) -> list[tuple[int, str]]:
    """(token position, person id) of every KB person named unambiguously in `context`, a full
    name also in another transliteration or spelling ("Condoleeza Rice")."""
    def people(hits: list[Hit]) -> set[str]:
        return {h.id for h in hits if (e := kb.get(h.id)) is not None and e.type == "person"}

    found = _named_in(context, lambda key: people(kb.lookup(key)), capitalized=False)
    return found or _named_in(  # none as written: capitalized runs of two words or more
        context, lambda key: people(kb.lookup_translit(key)) if " " in key else set(),
        capitalized=True)


def find_tokens(seq: Sequence[str], sub: Sequence[str]) -> int:
    """Index of the first occurrence of the token run `sub` in `seq`, or -1."""
    n = len(sub)
    for i in range(len(seq) - n + 1):
        if list(seq[i:i + n]) == list(sub):
            return i
    return -1


def _usage(kb: KnowledgeBase, key_toks: Sequence[str], possessive: bool,
           context: str | None) -> tuple[str | None, str]:
    """Actor or place, from the words around the mention in `context` (data/context.yaml)."""
    if not context:
        return ("actor", "possessive") if possessive else (None, "")
    if in_dateline(key_toks, context):
        return "place", "in the dateline"  # "KYIV, Ukraine (AP) — ...": where it was written
    words = lexicon.context_words()
    cased = lexicon.cased_tokens(context)
    ctx = [t.casefold() for t, _ in cased]
    at = find_tokens(ctx, key_toks)
    if at < 0:
        return ("actor", "possessive") if possessive else (None, "")
    end = at + len(key_toks)
    if possessive or cased[end - 1][1]:
        owned = cased[end][0] if end < len(cased) else ""
        if (owned[:1].isupper() and not owned.isupper()
                and owned.casefold() not in lexicon.title_words()
                and owned.casefold() not in words.body_words):
            return "place", f"before {owned!r}"  # "Berlin's Charite"
        if head := _owned_place_after(ctx, end, words):  # "Pyongyang's airport", "Manila's
            return "place", f"before {head!r}"  # international airport"
        return "actor", "possessive"
    if end < len(ctx) and ctx[end] in words.owned_places:
        return "place", f"before {ctx[end]!r}"  # "a Paris court", "Moscow police"
    left = at - 1
    if left >= 0 and ctx[left] in words.determiners:
        left -= 1
    if left >= 1 and ctx[left] in words.coordinators:
        if verb := _clause_after_comma(context, ctx[left], key_toks, ctx, end, words):
            return "actor", f"before {verb!r}"
        left -= 2
        for _ in range(MAX_NAME_RUN - 1):  # a name of several words before the coordinator:
            if left < 1 or not cased[left][0][:1].isupper():  # "in Hong Kong and Tokyo"
                break
            left -= 1
        if left >= 0 and ctx[left] in words.determiners:
            left -= 1
    before = ctx[left] if left >= 0 else ""
    if left >= 1 and ctx[left - 1] in words.actor_before_preposition.get(before, ()):
        return "actor", f"after {ctx[left - 1]!r} {before}"  # "proposals handed to Washington"
    if left >= 1 and ctx[left - 1] in words.place_before_preposition.get(before, ()):
        return "place", f"after {ctx[left - 1]!r} {before}"  # "left for Moscow"
    if (left >= 2 and cased[left - 1][0][:1].isupper()
            and ctx[left - 2] in words.place_before_preposition.get(before, ())):
        return "place", f"after {ctx[left - 2]!r} ... {before}"  # "leave Washington for Brussels"
    if before in words.place_before:
        return "place", f"after {before!r}"
    verb = _verb_after(ctx, end, words)
    if verb:
        return "actor", f"before {verb!r}"
    if before in words.actor_before:
        return "actor", f"after {before!r}"
    return None, ""


MAX_OWNED_MODIFIERS = 2  # words between a possessive and the place it owns ("'s new airport")


def _owned_place_after(ctx: Sequence[str], end: int, words: lexicon.ContextWords) -> str:
    """The place word of data/context.yaml `owned_places` that the possessive owns after at
    most MAX_OWNED_MODIFIERS words ("Manila's international airport"), else ""."""
    for word in ctx[end:end + 1 + MAX_OWNED_MODIFIERS]:
        if word in words.owned_places:
            return word
    return ""


def _verb_after(ctx: Sequence[str], end: int, words: lexicon.ContextWords) -> str:
    """The verb of acting within VERB_WINDOW words after the mention ("Moscow has repeatedly
    denied"), or "": a place word ends the search, and a word after "of" is a noun ("fled Kyiv
    after months of protests")."""
    for j in range(end, min(end + VERB_WINDOW, len(ctx))):
        if ctx[j] in words.actor_verbs and ctx[j - 1] != "of":
            return ctx[j]
        if ctx[j] in words.place_before:
            break
    return ""


def _clause_after_comma(context: str, coordinator: str, key_toks: Sequence[str],
                        ctx: Sequence[str], end: int, words: lexicon.ContextWords) -> str:
    """The verb of acting after the mention when ", and Moscow said" opens a clause of its own
    (a comma before the coordinator: "based in Pakistan, and New Delhi still accuses"), so that
    the word before the pair does not decide; else ""."""
    verb = _verb_after(ctx, end, words)
    name = r"\W+".join(map(re.escape, key_toks))
    if verb and re.search(rf",\s*{coordinator}\s+(?:\w+\s+)?{name}\b",
                          fold(context).casefold()):
        return verb
    return ""


# A dateline: the place a story was filed from, opening its first sentence in capitals or not,
# with its region and the agency ("KYIV, Ukraine (AP) —", "Moscow (Reuters) -", "PARIS —").
_DATELINE = re.compile(r"\s*([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})(?:, [A-Z][\w.'-]*"
                       r"(?: [A-Z][\w.'-]*){0,2})?( \([^()]{1,40}\))? ?(-|--|:)(?: |$)")


def in_dateline(key_toks: Sequence[str], context: str) -> str:
    """The mark after the mention when it is the place name of the sentence's dateline ("-"
    or ":"), else "": in capitals, or followed by the agency in brackets ("Moscow (Reuters) -",
    "NEW DELHI:"; not "Moscow - ..."). A colon also follows a speaker or a source ("PRIME
    MINISTER ABE:", "AFP:"), which names no place."""
    dateline = _DATELINE.match(fold(context))
    if (dateline is None or not (dateline.group(1).isupper() or dateline.group(2))
            or lexicon.tokens(dateline.group(1)) != list(key_toks)):
        return ""
    return dateline.group(3)


def metonymy(kb: KnowledgeBase, cands: list[Candidate], key: str, possessive: bool,
             context: str | None) -> list[Candidate]:
    """Stage 7: a seat or capital used as an actor stands for its country ("the Kremlin said")."""
    out = []
    usage: tuple[str | None, str] | None = None
    for c in cands:
        entity = kb.get(c.id)
        target = kb.stands_for(c.id)
        if entity is None or target is None:
            out.append(c)
            continue
        own_possessive = possessive and not any(
            fold(n).endswith(("'s", "s'")) for n in (entity.name, *entity.aliases))
        if usage is None:
            usage = _usage(kb, key.split(), own_possessive, context)
        if usage[0] == "actor":
            t = kb.get(target)
            out.append(Candidate(target, c.score * 0.95, "metonymy",
                                 f"{c.explain}; used as an actor ({usage[1]}), so it stands for"
                                 f" {t.name if t else target}"))
        else:
            where = f" ({usage[1]})" if usage[1] else ""
            out.append(Candidate(c.id, c.score, c.method, f"{c.explain}; the place itself{where}"))
    return out


@lru_cache(maxsize=4096)
def _name_words(kb: KnowledgeBase, entity_id: str) -> frozenset[str]:
    """The words of an entity's name and aliases, folded as context tokens are."""
    e = kb.get(entity_id)
    return frozenset(w for n in ((e.name, *e.aliases) if e else ()) for w in lexicon.tokens(n))


def _own_words(s: _Spot) -> frozenset[str]:
    """The words of the spot's entity's names and roles: a description made of them is its own
    ("Macron, the French president"), no namesake's."""
    return _name_words(s.kb, s.entity.id) | {
        w for r in s.entity.roles for w in lexicon.tokens(r.role)}


MAX_NAME_RUN = 3  # given names and initials read before a mention ("George H. W. Bush")
_WORDS_BEFORE = re.compile(rf"(?:[A-Z][\w'.-]*\s+){{1,{MAX_NAME_RUN}}}$")
_SUFFIX_AFTER = re.compile(r",?\s+(\w+)")


def _name_run(text: str, start: int, given: frozenset[str]) -> list[str]:
    """The given names and initials written right before text[start], folded ("george hw" of
    "George H.W. Bush"), at most MAX_NAME_RUN of them; a title or any other word ends the run."""
    before = _WORDS_BEFORE.search(text, max(0, start - 80), start)
    run: list[str] = []
    words = before.group().split() if before else []
    for n, word in enumerate(reversed(words)):
        bare = word.replace(".", "")
        folded = bare.casefold()
        if word.endswith(("'s", "s'")) or not (folded in given or bare.isupper()
                                               and len(bare) <= 2):
            break
        if word == "A" and n == len(words) - 1 and _SENTENCE_START.search(
                text, 0, before.start()):
            break  # "A Paris court said": the article opening the sentence, no initial
        run.insert(0, folded)
    return run


def named_otherwise(kb: KnowledgeBase, cands: list[Candidate], mention: str,
                    context: str | None) -> list[Candidate]:
    """The candidates left when the sentence shows the mention to be part of someone else's
    name: wherever it stands there, the given names or initials before it, or a generational
    suffix after it, make a full name the knowledge base does not give the entity ("Speaker
    Mike Johnson said" is not Boris Johnson, "Michael Jordan scored" not Jordan, "Donald Trump
    Jr. said" not Donald Trump, "George H.W. Bush" not George W. Bush)."""
    if not context or not cands:
        return cands
    text, spots = _spots(mention, context)
    if not spots:
        return cands
    key = lexicon.tokens(mention)
    given, suffixes = lexicon.given_names(), lexicon.name_parts().suffixes
    titled = bool(key) and key[0] in lexicon.title_words()  # no given name runs into a title:
    fulls = []  # "U.S. President Donald Trump" is not the initials "U.S." before his title
    for start, end in spots:
        after = _SUFFIX_AFTER.match(text, end)
        suffix = after.group(1).casefold() if after else ""
        run = [] if titled else _name_run(text, start, given)
        tail = [suffix] if suffix in suffixes else []
        if not run and not tail and len(key) == 1 and key[0] in given:
            tail = _surname_after(text, end)  # "Jordan Ayew scored, and Jordan said"
        if not run and not tail:
            if not fulls:
                return cands  # the mention stands alone first: nothing says it is someone else
            continue  # "Denzel Washington ... and Washington told": the name written before
        fulls.append((run + tail, " ".join([*run, *key, *tail])))
    out = []
    for c in cands:
        own = _name_words(kb, c.id)
        if any(all(w in own for w in words) or any(h.id == c.id for h in kb.lookup(full))
               for words, full in fulls):
            out.append(c)
    return out


_WORD_AFTER = re.compile(r" ([A-Z][\w'.-]*)")


def _name_word_after(text: str, end: int) -> tuple[str, str]:
    """(the capitalized word right after text[:end] as written, folded without a possessive),
    or ("", "") when none follows or it is a title, a body or a day ("President", "Navy",
    "Friday"): a word that may continue a name."""
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return "", ""
    word = after.group(1).rstrip(".'").casefold().removesuffix("'s")
    words = lexicon.context_words()
    titles = lexicon.title_words()
    if (word in titles or word in words.body_words or word in words.calendar_words
            or all(part in titles for part in word.split("-"))):  # "Secretary-General"
        return "", ""
    return after.group(1), word


def _surname_after(text: str, end: int) -> list[str]:
    """The capitalized word after a given name that makes it a person's full name ("Jordan
    Ayew"), folded; else []."""
    written, word = _name_word_after(text, end)
    return [word] if word and not written.endswith(("'s", "s'")) else []
# ", Idaho", ", British Columbia": a region named after a place, not the next item of a list
_REGION_AFTER = re.compile(r", (?:(?:in|on|near) (?:the )?)?"  # "Lagos, on Portugal's coast"
                           r"((?:[A-Z][\w.'-]*)(?: [A-Z][\w.'-]*){0,2})"
                           r"(?! (?:and|or)\b)(?=$|[^\w'])")
_NAMED_AFTER = re.compile(r",\s+((?:[A-Z][\w'.-]*\s+){0,3}[A-Z][\w'-]*)(?=\s*[,.;:]|\s+([a-z]+))")
# an acronym spelled out in the sentence: "the England and Wales Cricket Board (ECB)"
_SPELLED_OUT = r"((?:(?:[A-Z][\w'&.-]*|and|of|for|the|on|de|du)\s+){{1,8}})\({}\)"
_NAME_OF_BEFORE = re.compile(r"(?<![\w'])([A-Z][\w'-]*) of $")
_NEXT = re.compile(r"\s*(?:$|[.,;:!?)\"]|(\w+))")  # what follows: the end, a stop or a word
_SCORE_TEXT = r"\d{1,2}-\d{1,2}"  # a match's score as written: "1-0"
_SCORE_AFTER = re.compile(rf" {_SCORE_TEXT}(?!\d)")  # "beat Liverpool 1-0": the club
_DAY_AFTER = re.compile(r" \d{1,2}(?:st|nd|rd|th)?(?![\d.:]|,\d)|,? (?:19|20)\d\d\b")  # "May 22"
_DAY_BEFORE = re.compile(r"(?<![\d,.])\d{1,2}(?:st|nd|rd|th)?(?: of)? $")  # "on 4 May"
_INTRODUCED = re.compile(r"(?i:\b(?:a|an)\b)[^,.;:]{0,40}?\b(\w+)\s+$")  # "a teacher named "
TOWN_TYPES = frozenset({"city", "gov", "place"})  # what a region after a comma may hold
REGION_TYPES = frozenset({"country", "place"})  # what may hold a town named after the comma
FIRST_LEVEL = frozenset({"place"})  # a state or a province, not a country


@cache
def _compounds() -> dict[str, tuple[tuple[str, int], ...]]:
    """data/context.yaml `compounds` by each of their words: (compound, where the word starts
    in it), so that the mention may stand anywhere in one ("French fries", "chicken Kiev")."""
    out: dict[str, list[tuple[str, int]]] = {}
    for compound in lexicon.context_words().compounds:
        at = 0
        for word in compound.split(" "):
            out.setdefault(word, []).append((compound, at))
            at += len(word) + 1
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=4096)
def _spots(mention: str, context: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """(the folded sentence, where the mention stands in it, case ignored, as whole words):
    memoized, as both context stages ask it of the same mention."""
    text = fold(context)
    key = fold(mention).strip().casefold()
    folded = text.casefold()
    if not key or len(folded) != len(text):  # case folding moved the offsets ("ß"): no spots
        return text, ()
    out, at = [], folded.find(key)
    while at >= 0:
        end = at + len(key)
        before, after = folded[at - 1:at], folded[end:end + 1]  # "" at either edge
        elided = before == "'" and folded[at - 2:at - 1].isalnum()  # "O'Brien", not "'Roma'"
        if not (before.isalnum() or before == "_" or elided) and not (after.isalnum()
                                                                      or after == "_"):
            out.append((at, end))
        at = folded.find(key, end)
    return text, tuple(out)


def first_spot(mention: str, context: str) -> tuple[str, int, int] | None:
    """(the folded sentence, start, end) of the mention's first whole-word occurrence in it,
    case ignored, or None."""
    text, spots = _spots(mention, context)
    return (text, *spots[0]) if spots else None


BY_ROLE = frozenset({"role", "counterpart"})  # found from a role alone, no name written
_DESCRIBED = BY_ROLE | {"title", "event-at-date", "event-of-year", "event-owned", "anaphor"}


@dataclass(frozen=True)
class _Spot:
    """One place the mention stands in its (folded) sentence, seen for one candidate."""

    kb: KnowledgeBase
    entity: Entity
    method: str
    text: str
    start: int
    end: int

    @property
    def written(self) -> str:
        return self.text[self.start:self.end]

    @property
    def rest(self) -> str:
        """The sentence with the mention blanked out: its cues must stand elsewhere."""
        return self.text[:self.start] + " " * (self.end - self.start) + self.text[self.end:]

    @cached_property
    def headline(self) -> bool:
        """A sentence in title case or capitals, or a quotation in one case ("a post reading
        “navalny is alive, putin lied”", a caption “ZELENSKY SURRENDERS”): capitals there tell
        nothing."""
        return not any(w.islower() and len(w) > 3 for w in self.text.split()) or any(
            q.start() < self.start and self.end < q.end() and _one_case(q.group(1))
            for q in _QUOTED.finditer(self.text))


# a quotation between double quotes, straight or curly, or guillemets
_QUOTED = re.compile(r"[\u201c\"\u00ab]([^\u201c\u201d\"\u00ab\u00bb]{1,300})[\u201d\"\u00bb]")


def _one_case(text: str) -> bool:
    """Whether a text of two words or more has letters in one case only."""
    return " " in text.strip() and (text.islower() or text.isupper())


_POSSESSIVE_END = re.compile(r"['\u2019]s?$")


def _lower_case(s: _Spot) -> str:
    """A name written in lower case is a common noun: "the Thanksgiving turkey" (not an event's:
    news writes "the 2016 presidential election")."""
    lower = (s.written.islower() and not s.text.islower() and not s.headline
             and s.method not in _DESCRIBED and s.entity.type != "event")
    if not lower or _POSSESSIVE_END.sub("", s.written) in s.entity.aliases:
        return ""  # "(dpa)", "dpa's": the agency writes itself so
    return "written in lower case" if any(c.isupper() for c in s.entity.name) else ""


def _compound(s: _Spot) -> str:
    """The mention stands in a listed compound: "French fries", "chicken Kiev"."""
    folded = s.text.casefold()
    for compound, at in _compounds().get(s.written.casefold().split(" ", 1)[0], ()):
        begin = s.start - at
        if (len(compound) > len(s.written) and begin >= 0
                and folded.startswith(compound, begin)
                and not folded[begin - 1:begin].isalpha()
                and not folded[begin + len(compound):begin + len(compound) + 1].isalpha()):
            return f"in the compound {compound!r}"
    return ""


def _name_continues(s: _Spot) -> str:
    """A capitalized word after it continues another name ("Bolton Wanderers", "the Indian
    Ocean"), unless it is the entity's own, a title, a body of it, a day or a state's office
    (`state_offices`); not after a possessive ("Trump's Mar-a-Lago estate" is a thing of his)."""
    if s.written.endswith(("'s", "s'")) or s.headline:
        return ""
    written, word = _name_word_after(s.text, s.end)
    if not word or word in _name_words(s.kb, s.entity.id) or (
            s.entity.type == "place" and _state_office().match(s.text, s.end)):
        return ""  # "New York Attorney General Letitia James": an office of the state
    return f"followed by {written!r}"


_WORD_BEFORE = re.compile(r"(?:^|[^\w'.,;:!?\"(\[-])\s*([A-Z][\w'-]*) $")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"'(\[\u2014\u2013-]\s*)$")  # or a dateline's dash


def _name_before(s: _Spot) -> str:
    """A capitalized word right before a country or place makes it part of another name ("Air
    India", "Team GB", "Invest India"), unless that word starts the sentence, is a title, a day
    or a name of the knowledge base ("President Biden", "on Tuesday India said")."""
    if s.entity.type not in NAMED_PLACE_TYPES or s.headline:
        return ""
    before = _WORD_BEFORE.search(s.text, 0, s.start)
    if before is None or _SENTENCE_START.search(s.text, 0, before.start(1)):
        return ""
    word = before.group(1)
    folded = word.casefold()
    if (folded in lexicon.title_words() or folded in lexicon.context_words().calendar_words
            or word.isupper() or s.kb.lookup(lexicon.name_key(word))
            or s.kb.demonym(folded)):
        return ""
    return f"after {word!r}"


_FIGURE_BEFORE = re.compile(r"\d\s*$")


def _unit_of_measure(s: _Spot) -> str:
    """A code of two or three capitals between a figure and a word of data/context.yaml
    `after_unit` (or no word) is a unit of measure: "160 AU from the Sun", "5 GW of capacity";
    not "the 12 GRU officers"."""
    code = s.written
    if not (2 <= len(code) <= 3 and code.isupper()
            and _FIGURE_BEFORE.search(s.text, max(0, s.start - 4), s.start)):
        return ""
    after = _NEXT.match(s.text, s.end)
    word = after.group(1).casefold() if after and after.group(1) else ""
    return "a unit after a figure" if not word or word in lexicon.context_words().after_unit else ""


def _currency(s: _Spot) -> str:
    """A demonym before a currency names the money: "the Russian rouble", "the Japanese yen"."""
    after = _NEXT.match(s.text, s.end) if s.method == "demonym" else None
    word = after.group(1).casefold() if after and after.group(1) else ""
    return f"the currency {word!r}" if word in lexicon.context_words().currency_words else ""


def _language(s: _Spot) -> str:
    """A demonym that no noun follows is a language or a person: "answered in Russian"; one
    joined to a word of speaking is the language: "Russian-speaking hackers"."""
    if s.method != "demonym":
        return ""
    words = lexicon.context_words()
    joined = _JOINED_WORD.match(s.text, s.end)
    if joined and joined.group(1).casefold() in words.language_compounds:
        return f"the language: '-{joined.group(1)}' follows"
    after = _NEXT.match(s.text, s.end)
    word = after.group(1).casefold() if after is not None and after.group(1) else ""
    alone = after is not None and (not word or word in words.demonym_alone_before or (
        word in words.language_after_in and _word_before(s) in ("in", "into")))
    return "a language or a person: no noun follows" if alone else ""


_JOINED_WORD = re.compile(r"-(\w+)")


def _word_before(s: _Spot) -> str:
    """The word right before the mention as split by spaces, case-folded ("" at the start)."""
    before = s.text[:s.start].split()[-1:]
    return before[0].casefold() if before else ""


def _place_of_another_kind(s: _Spot) -> str:
    """A city named after a title for places of other KB types (data/titles.yaml `places`) is
    another place: "the eastern county of Hualien" is no city (a country is not read so: "the
    State of Israel")."""
    if s.entity.type != "city":
        return ""
    before = lexicon.tokens(s.text[max(0, s.start - 40):s.start])
    for n in (3, 2):  # "port city of", "county of"
        title = lexicon.titles().get(tuple(before[-n:])) if len(before) >= n else None
        if title is not None and title.places and s.entity.type not in title.places:
            return f"after {' '.join(before[-n:])!r}, a title of another kind of place"
    return ""


def _ethnic(s: _Spot) -> str:
    """A demonym after a word of data/context.yaml `demonym_group_after` names a people across
    borders, not the country: "ethnic Albanians danced in Pristina"."""
    word = _word_before(s) if s.method == "demonym" else ""
    if word not in lexicon.context_words().demonym_group_after:
        return ""
    return f"a people: after {word!r}"


def _private(s: _Spot) -> str:
    """A demonym before a word of data/context.yaml `demonym_private_before` names private
    people or goods of the country, not its state: "American tourists", "a Japanese company"."""
    if s.method != "demonym" or s.written.endswith(("'s", "s'")):
        return ""
    after = lexicon.tokens(s.text[s.end:s.end + 30])[:1]
    if after and after[0] in lexicon.context_words().demonym_private_before:
        return f"private people or goods: before {after[0]!r}"
    return ""


def _agreement(s: _Spot) -> str:
    """A city that a word of agreement follows names the agreement, not the city: "the Kyoto
    pact", "the Minsk agreements" (data/context.yaml `agreement_words`)."""
    if s.entity.type != "city":
        return ""
    after = _NEXT.match(s.text, s.end)
    word = (after.group(1) or "").casefold() if after is not None else ""
    return (f"names an agreement: {word!r} follows"
            if word in lexicon.context_words().agreement_words else "")


def _counted_people(s: _Spot) -> str:
    """A plural demonym after a number or a counting word is people counted, not the country:
    "63 Canadians were killed", "the number of Canadians killed"."""
    if s.method != "demonym" or not s.written.endswith("s") or s.written.endswith(("'s", "s'")):
        return ""
    before = s.text[:s.start].split()[-1:]
    word = before[0].casefold().strip(",;:") if before else ""
    counted = word.replace(",", "").isdigit() or word in lexicon.context_words().people_counters
    return f"people counted after {word!r}" if counted else ""


def _score(s: _Spot) -> str:
    """A score after a town makes it a club: "beat Liverpool 1-0"; a country's team is the
    country in the news ("Argentina beat France 4-2")."""
    club = s.entity.type != "country" and _SCORE_AFTER.match(s.text, s.end)
    return "followed by a score" if club else ""


_RESULT_AFTER = re.compile(r"\s+(lost|won|drew|lose|loses|losing)\s+"  # "watched France lose
                           r"(?:the\s+|a\s+|its\s+|their\s+)?"  # the third-place match"
                           r"((?:[\w-]+\s+){0,2}[\w-]+)")  # "won the Cricket World Cup"
# a score between a verb and its preposition is skipped: "Germany drew 1-1 with Spain"
_VERB_AFTER = re.compile(r"\s+(?:(?:will|would|must|can|could|should|shall|to)\s+)?"
                         rf"(\w+(?:\s+(?:{_SCORE_TEXT}\s+)?(?:to|with|on))?)\b")
_VERB_BEFORE = re.compile(rf"\b(\w+(?:\s+(?:{_SCORE_TEXT}\s+)?(?:to|with|by|for|on))?)\s+"
                          r"(?:the\s+)?$")  # "beating the Netherlands 1-0"
_SCORE = re.compile(rf"\s{_SCORE_TEXT}(?=\s)")
_SIDE_WORD = re.compile(r"\s+(\w+)")  # "Brazil coach", "Argentina's players"
# "India's squad"; not "India's squad of negotiators"
_OWNED_SIDE_WORD = re.compile(r"['\u2019]s\s+(\w+)(?!\w|\s+of\s)")
_TO_AFTER = re.compile(r"\s+to\s")


def _match(s: _Spot) -> str:
    """A town that is no capital, beaten or beating in a match, is its club: "Real Madrid beat
    Liverpool in the final", "Liverpool drew with Everton", "Liverpool lost the final"
    (data/context.yaml `match_verbs`, `matches`); a capital acting is its country. A country
    so, in a sentence naming the match, is its team: "England won the Cricket World Cup after
    beating New Zealand" (not "Russia defeated the rebels")."""
    team = s.entity.type in _TEAM_TYPES
    if not team and (s.entity.type != "city" or s.kb.stands_for(s.entity.id)):
        return ""
    words_ = lexicon.context_words()
    before = _VERB_BEFORE.search(s.text, max(0, s.start - 24), s.start)
    after = _VERB_AFTER.match(s.text, s.end)
    words = [_SCORE.sub("", m.group(1).casefold()) for m in (before, after) if m]
    found = next((w for w in words if w in words_.match_verbs
                  or w.split()[0] in words_.match_verbs), "")
    fixture = "" if found else next((w for w in words if w in words_.fixture_verbs), "")
    if not found and before and before.group(1).casefold() in words_.leading_verbs and (
            _TO_AFTER.match(s.text, s.end)):  # "guided Australia to a sixth World Cup title"
        fixture = before.group(1).casefold()
    side = _SIDE_WORD.match(s.text, s.end) if team and not found else None
    word = side.group(1).casefold() if side else ""
    if word in words_.side_words:
        return f"a team ({word!r} after it)"  # "Brazil coach Fernando Diniz"
    owned = _OWNED_SIDE_WORD.match(s.text, s.end) if team and not found else None
    if owned and owned.group(1).casefold() in words_.side_words_owned:
        return f"a team ({owned.group(1)!r} after it)"  # "India's squad for the final"
    if word in words_.side_words_in_match:
        fixture = word  # "Argentina's players", in a sentence naming the qualifier
    result = _RESULT_AFTER.match(s.text, s.end)  # "Liverpool lost the final to Real Madrid"
    if not found and result and not words_.matches.isdisjoint(result.group(2).casefold().split()):
        found = result.group().strip()
    found = found or fixture
    if (team or fixture) and found and words_.matches.isdisjoint(lexicon.tokens(s.rest)):
        return ""  # no match named: a war's, not a team's; a march, not a fixture
    return f"{'a team' if team else 'a club'} in a match ({found!r})" if found else ""


_TEAM_TYPES = frozenset({"country", "place"})
_SCORE_IN = re.compile(rf"(?<![\w-]){_SCORE_TEXT}(?![\w-])")  # "lead the series 3-0."
_PLURAL_AFTER = re.compile(r"(,\s+who)?\s+(\w+)")  # "Australia were", "Wales, who have"
# What may stand right before a side's name opening its clause: nothing, a punctuation mark, or
# one of these ("Australia were 255 for four", "..., while England play Iceland"); not a word
# the name would be the object of ("flights across northern Europe have been grounded"), nor
# "the" ("the Philippines are"), "if", "as" or "though" ("if China were to attack", "such as
# India have", "as though Russia were"), "and" ("India and Pakistan have fought") or a party's
# hyphen ("Sen. John Cornyn, R-Texas, who ...").
_CLAUSE_OPENERS = frozenset({"but", "while", "when", "where", "after", "before", "since",
                             "until", "because", "although", "so", "yet", "then", "once",
                             "whereas"})
_OPENING_MARKS = ",;:(\u2014\u2013"


def _team_plural(s: _Spot) -> str:
    """A country, region or town opening its clause with a plural verb, or followed by ",
    who" and one, in a sentence with a score or a word of sport, is its side in British
    English: "Australia were 255 for four at stumps", "New South Wales, who have lost three of
    their four matches" (data/context.yaml `team_plural_verbs`, `side_cues`); not a name plural
    in form ("the Philippines are", "Maldives have asked"), nor "Russia have denied" with no
    match in sight, nor "India, who has"."""
    if s.entity.type not in (*_TEAM_TYPES, "city"):
        return ""
    found = _PLURAL_AFTER.match(s.text, s.end)
    who = bool(found and found.group(1))
    word = found.group(2).casefold() if found else ""
    words_ = lexicon.context_words()
    if word not in words_.team_plural_verbs or not who and (
            s.written.casefold().startswith("the ") or s.written.endswith("s")):
        return ""
    before = s.text[:s.start].split()[-1:]
    prev = before[0] if before else ""
    opens = (not prev or prev.casefold() in _CLAUSE_OPENERS
             or prev[-1] in _OPENING_MARKS and not (who and prev[-1] == ","))
    if not opens or not (_SCORE_IN.search(s.text) or not words_.side_cues.isdisjoint(
            lexicon.tokens(s.text))):
        return ""
    return f"a side ({word!r} after it)"


def _month_day(s: _Spot) -> str:
    """A month name beside a day number or before a year is a date: "until May 22", "on 4
    May", "the 4th of May", "May 2017"."""
    if s.written.casefold() not in lexicon.context_words().month_words:
        return ""
    dated = (_DAY_AFTER.match(s.text, s.end)
             or _DAY_BEFORE.search(s.text, max(0, s.start - 12), s.start))
    return "a month beside a day or a year" if dated else ""


def _region(s: _Spot) -> str:
    """A region after the comma that does not hold the town ("Moscow, Idaho"); after a
    person's surname or a country, a region makes it a town ("Austin, Texas", "Holland,
    Michigan"; not "Putin, Russia")."""
    regions = REGION_TYPES if s.entity.type in TOWN_TYPES else (
        frozenset({"place"}) if s.entity.type in ("person", "country") else frozenset())
    region = _REGION_AFTER.match(s.text, s.end) if regions else None
    name = region.group(1) if region else ""
    if "'s" in name:  # "Tripoli, Lebanon's second city" names Lebanon; "Biden, Delaware's
        name = name[:name.index("'s") + 2]  # senator" names none for a person
        if s.entity.type == "person":
            return ""
    outer = regions_named(s.kb, name, regions)
    if not outer and s.entity.type in TOWN_TYPES and (
            names := lexicon.context_words().region_abbreviations.get(name.casefold())):
        # "Athens, Ga.": an abbreviation names a state or province, whether the KB holds it
        # or not; a town it does not hold is a namesake
        outer = {r for n in names for r in regions_named(s.kb, n, regions)}
        inside = (any(s.kb.contains(o, s.entity.id) for o in outer) if outer
                  # a state the KB does not hold: only a town of another country is none of it
                  else bool(country_of(s.kb, s.entity.id)
                            & lexicon.context_words().abbreviation_countries))
        return "" if inside else f"in {name!r}"
    inside = s.entity.id in outer or any(s.kb.contains(o, s.entity.id) for o in outer)
    return f"in {name!r}" if outer and not inside else ""


# "Spokane, Washington, police said": a town, a comma, then a name that may be the town's region
_TOWN_BEFORE = re.compile(r"(?<![\w'])([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}), $")
_REGION_ENDS = re.compile(r"\s*(?:$|[.;:)]|,(?!\s*(?:[A-Z]|and\b|or\b)))")  # not a list's item


def _town_region(kb: KnowledgeBase, entity: Entity, text: str, start: int, end: int
                 ) -> tuple[str, str] | None:
    """When a city's name stands after a town and a comma where its namesake region would
    ("Seattle, Washington", "Ikeja, Lagos"): (the town, the KB region holding it, or "" when the
    KB does not know the town), else None. A town the city holds ("Wimbledon, London"), a town
    of another country ("talks in London, Washington, which ...") or a list leave the city."""
    if entity.type != "city" or not _REGION_ENDS.match(text, end):
        return None
    town = _TOWN_BEFORE.search(text, max(0, start - 60), start)
    if town is None or _SENTENCE_START.search(text, 0, town.start(1)):
        return None  # "Meanwhile, Washington, which ...": no town before
    first = town.group(1).split()[0].casefold()
    if first in lexicon.title_words() or first in lexicon.context_words().calendar_words:
        return None
    name = text[start:end]
    regions = (regions_named(kb, name, FIRST_LEVEL)
               | regions_named(kb, f"{name} state", FIRST_LEVEL))  # "Washington state"
    if not regions:
        return None
    known = [e for h in kb.lookup(lexicon.name_key(town.group(1)))
             if (e := kb.get(h.id)) is not None]
    if not known:
        return town.group(1), ""
    towns = [e.id for e in known if e.type in ("city", "place")]
    if any(kb.contains(entity.id, t) for t in towns):
        return None
    holders = sorted({r for r in regions for t in towns if r != t and kb.contains(r, t)})
    return (town.group(1), holders[0]) if len(holders) == 1 else None


@cache
def _state_office() -> re.Pattern[str]:
    """An office of a state right after a name (data/context.yaml `state_offices`): "Washington
    Gov. Jay Inslee", "New York Attorney General Letitia James" name the state."""
    offices = sorted(lexicon.context_words().state_offices, key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(o) for o in offices) + r")(?![\w-])",
                      re.IGNORECASE)


def region_after_town(kb: KnowledgeBase, cands: list[Candidate], mention: str,
                      context: str | None) -> list[Candidate]:
    """The candidates when a city's name stands where its namesake region would, after a town
    and a comma: after a town the KB holds, the region holding it ("Seattle, Washington":
    Washington state); after one it does not know ("Spokane, Washington"), none, neither the
    city nor the country it stands for: the region would be a guess."""
    if not context or not cands:
        return cands
    text, spots = _spots(mention, context)
    if spots and all(_state_office().match(text, end) for _, end in spots):  # "Washington
        # Gov. Jay Inslee": the state, when one first-level region has that name
        regions = (regions_named(kb, mention, FIRST_LEVEL)
                   | regions_named(kb, f"{mention} state", FIRST_LEVEL))
        held = kb.get(next(iter(regions))) if len(regions) == 1 else None
        if held is not None and held.id not in {c.id for c in cands}:
            return [Candidate(held.id, max(c.score for c in cands), "region",
                              f"{mention!r} before a state office is the state")]
    for city in kb.lookup(lexicon.name_key(mention)) if spots else ():
        entity = kb.get(city.id)
        got = {_town_region(kb, entity, text, *sp) for sp in spots} if entity else {None}
        if len(got) != 1 or (only := got.pop()) is None:
            continue
        town, region = only
        held = kb.get(region) if region else None
        if held is None:
            return []
        return [Candidate(held.id, max(c.score for c in cands), "region",
                          f"{mention!r} after the town {town!r} is the region holding it")]
    return cands


def regions_named(kb: KnowledgeBase, name: str, types: frozenset[str] = REGION_TYPES
                  ) -> set[str]:
    """The KB entities of `types` (countries and first-level places) that a name names: what
    ", Idaho" or ", Nova Scotia" after a town may be."""
    names = {name, *lexicon.context_words().region_abbreviations.get(name.casefold(), ())}
    return {h.id for n in names for h in kb.lookup(lexicon.name_key(n))
            if h.method != "demonym"  # "In Antalya, Russian holidaymakers": no region
            and (e := kb.get(h.id)) is not None and e.type in types}


_AS_WRITTEN = frozenset({"exact", "alias"})  # the KB's own spelling of the name


def _name_of(s: _Spot) -> str:
    """After "<Name> of" it is part of that name ("the Bank of England", "the Ring of Kerry"),
    unless the name is a title, a given name or a body ("King Abdullah of Jordan", "the
    Government of India"), a count or a part ("Two of Wales's actors"), or a person's, a given
    name or a surname's particle before it: where the person is from ("Senator John Edwards of
    North Carolina", "Shane Lowry of Ireland", "Musaed al-Aiban of Saudi Arabia")."""
    named = _NAME_OF_BEFORE.search(s.text, 0, s.start)
    if named is None or s.headline or not s.text[:named.start()].strip():
        return ""
    word = named.group(1).casefold()
    if word in lexicon.context_words().part_words:
        return ""  # a count or a part: "Two of Wales's best-known actors"
    title = s.text[:named.start()].split()[-1]
    titles = lexicon.title_words()
    first = s.written.split()[0].casefold()
    if (s.entity.type == "person" and s.method in _AS_WRITTEN and " " in s.written
            and first in lexicon.given_names()):
        return ""  # a full name as written is no part of a name: "on Twitter of Boris Johnson"
    if title.casefold().rstrip("-") in lexicon.name_parts().surname_particles:
        return ""  # a surname's particle before it: a person's ("Musaed al-Aiban of Saudi Arabia")
    if (word in titles or word in lexicon.given_names()
            or word in lexicon.context_words().body_words
            or title[:1].isupper() and (title.casefold() in titles
                                        or title.casefold() in lexicon.given_names())):
        return ""
    return f"after {named.group()!r}"


def _place_preposition(s: _Spot) -> str:
    """A person's surname right after "in", "at", "near" is a place: "a rally in Austin"."""
    if s.entity.type != "person" or s.written.endswith(("'s", "s'")):
        return ""  # "in Abe's cabinet": his
    word = _word_before(s)
    return f"after {word!r}" if word in lexicon.context_words().place_only_before else ""


def _another_holder(s: _Spot) -> str:
    """A role named with its holder after a comma, the holder someone else: "Iran's supreme
    leader, Ayatollah Ruhollah Khomeini," is not today's."""
    named = _NAMED_AFTER.match(s.text, s.end) if s.method in BY_ROLE else None
    if named is None or named.group(1).endswith(("'s", "s'")):
        return ""  # "..., China's presumed next leader": no holder named
    if named.group(2) in lexicon.context_words().attribution_verbs:
        return ""  # "... does not show the prime minister, Full Fact found": the source
    last = lexicon.tokens(named.group(1))[-1:]
    mine = _name_words(s.kb, s.entity.id)
    return f"names {named.group(1)!r}" if last and last[0] not in mine else ""


def _acronym_of_another(s: _Spot) -> str:
    """An acronym the sentence spells out as another name: "the England and Wales Cricket
    Board (ECB)" is no European Central Bank."""
    if not (s.written.isupper() and len(s.written) > 1 and f"({s.written})" in s.text):
        return ""
    spelled = re.search(_SPELLED_OUT.format(re.escape(s.written)), s.text)
    if spelled is None:
        return ""
    words = spelled.group(1).split()
    while words and words[0].islower():
        words.pop(0)
    if len(words) < 2 or words[0][:1].casefold() != s.written[:1].casefold():
        return ""  # "PARIS (AFP) -" is a dateline, no name spelled out
    key = lexicon.name_key(" ".join(words))
    names = {lexicon.name_key(n) for n in (s.entity.name, *s.entity.aliases)}
    if not key or any(key == n or key.endswith(f" {n}") for n in names):
        return ""
    return f"spelled out as {' '.join(words)!r}"


def _introduced(s: _Spot) -> str:
    """A name the sentence introduces after an indefinite noun is someone or something it must
    present: "a Seattle teacher named Kevin Rudd", "a village called Washington" (not "Trump
    named Ohio Senator J.D. Vance")."""
    introduced = _INTRODUCED.search(s.text, max(0, s.start - 60), s.start)
    word = introduced.group(1).casefold() if introduced else ""
    return f"introduced after {word!r}" if word in lexicon.context_words().introducers else ""


# what may follow a ship's name: a stop, the end, a preposition or a relative pronoun ("the ferry
# Estonia, which went down", "the ferry Estonia in the Baltic"); a verb makes the name the
# subject of a clause ("the tanker Iran seized", "the submarine Australia will buy")
_AFTER_SHIP_NAME = re.compile(r"\s*(?:$|[.,;:)!?\u2014\u2013-]|(?:in|at|on|off|near|from|to|"
                              r"with|into|for|during|which|that)\b)")
_APPOSED_AFTER = re.compile(r",\s+(?:a|an|the|who)\s+([^,.;:!?()]{1,80})", re.IGNORECASE)
_APPOSED_BEFORE = re.compile(r"(?:^|[,;:(]\s*|\.\s+)(?:the|an?)\s+([^,.;:!?()]{1,60}),\s+$",
                             re.IGNORECASE)
_PAST_CAREER = frozenset({"former", "ex", "then", "onetime", "one-time", "erstwhile", "once"})
_RELATIVES = frozenset({"who", "which", "that", "whose"})


def _noun_phrase(tokens: list[str]) -> list[str]:
    """The words of an apposition up to its first verb of saying or acting: "the White House
    said President Joe Biden looked forward" describes nothing as a forward."""
    words_ = lexicon.context_words()
    for i, t in enumerate(tokens):
        if t in words_.attribution_verbs or t in words_.actor_verbs:
            return tokens[:i]
    return tokens


def _apposed(s: _Spot) -> str:
    """A mention described beside it by an ordinary occupation is a namesake ("Mr Hague, a
    Richmond-based estate agent, said"; "The District Collector, Ms. Swaraj, said") or a person
    named like a place ("Washington, a 6-foot-5 forward,"), unless the description is of a past
    career or names the entity's own roles or name; after the word for a work it is a title
    ("the film Tusk")."""
    words_ = lexicon.context_words()
    lead = _LEAD_WORDS.search(s.text, 0, s.start)
    word = lead.group(2).casefold() if lead else ""
    before = lexicon.tokens(lead.group(1))[-1:] if lead else []
    if (word in words_.works and s.written[:1].isupper()
            and not set(before) & words_.work_verb_after):
        return f"the title of a {word}"  # "the horror film Tusk", "Spielberg's film Munich"
    if (word in words_.ships and s.written[:1].isupper()
            and _AFTER_SHIP_NAME.match(s.text, s.end)):
        return f"the name of a {word}"  # "the ferry Estonia, which", not "the tanker Iran seized"
    if word and not set(lexicon.tokens(lead.group(1))) & _PAST_CAREER:
        # "Bollywood actor Imran Khan"; before a place name too: "swimmer Chad le Clos"; not
        # a body's own description ("the state broadcaster RT")
        if (word in words_.other_occupations and word not in _own_words(s)
                and s.written[:1].isupper()
                and not (s.entity.type == "org" and word in words_.body_occupations)):
            return f"after the occupation {word!r}"
        if (s.entity.type == "person" and word in words_.place_nouns
                and lead.group(2)[:1].isupper()):
            return f"part of the place name {lead.group(2)!r}"  # "County Kerry"
    # a region after a town and a comma is an address, no apposition ("The band formed in
    # Topeka, Kansas")
    address = s.entity.type in ("place", "country") and _TOWN_BEFORE.search(s.text, 0, s.start)
    for apposed in (_APPOSED_AFTER.match(s.text, s.end),
                    None if address else _APPOSED_BEFORE.search(s.text, 0, s.start)):
        tokens = lexicon.tokens(apposed.group(1)) if apposed else []
        phrase = _noun_phrase(tokens)
        if phrase != tokens and tokens[len(phrase)] in words_.attribution_verbs and (
                _RELATIVES.isdisjoint(phrase)):
            continue  # "In Kabul, a teacher said ...": a clause of its own, no apposition
        words = set(phrase)
        if not words or words & _PAST_CAREER:
            continue
        found = sorted(words & (words_.other_occupations | words_.venues) - _own_words(s))
        if found:
            return f"described as a {found[0]}"
        head = _head(apposed.group(1))
        if ship := _ship_head(head):
            return f"described as a {ship}"
        places = sorted(set(head) & words_.place_nouns) if s.entity.type == "person" else []
        if places:  # "a fishing town in Japan", not "a lawmaker from the city"
            return f"described as a {places[0]}"
    owner = _OWNERS_WORK_AFTER.match(s.text, s.end)  # "Munich, Steven Spielberg's thriller"
    head = _head_noun(owner.group(1)) if owner else ""  # not "Mumbai, India's film capital"
    return f"described as someone's {head}" if head in words_.works else ""


def _ship_head(head: list[str]) -> str:
    """The ship word heading a noun phrase ("the biggest warship ever built"), not one that
    describes another noun ("the biggest tanker owner", "a major ship refuelling hub"), or ""."""
    ships = lexicon.context_words().ships
    for i, word in enumerate(head):
        if word in ships:
            after = head[i + 1] if i + 1 < len(head) else ""
            return word if not after or after.endswith(("ed", "ly")) or after == "ever" else ""
    return ""


def _head_noun(phrase: str) -> str:
    """The last word of a noun phrase before its first preposition or relative pronoun
    ("thriller" of "1942 thriller about the Olympics", "capital" of "film capital")."""
    head = _head(phrase)
    return head[-1] if head else ""


# a comma, a name in the possessive and a few words: "Munich, Steven Spielberg's 2005 thriller"
_OWNERS_WORK_AFTER = re.compile(
    r",\s+(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w'-]*?['\u2019]s\s+((?:[\w-]+\s+){0,3}[\w-]+)")


_HEAD_ENDS = frozenset({"in", "of", "from", "near", "on", "at", "with", "who", "that", "which",
                        "and", "where", "about"})


def _head(phrase: str) -> list[str]:
    """The words of a noun phrase before its first preposition or relative pronoun, in order."""
    out = []
    for w in lexicon.tokens(phrase):
        if w in _HEAD_ENDS:
            break
        out.append(w)
    return out


# the word right before a mention, and up to two words before it ("former" rules it out)
_LEAD_WORDS = re.compile(r"((?:\S+\s+){0,2}?)([A-Za-z]+)\s+$")


MAX_PLACE_CLIMB = 4  # located_in steps from a place up to its country


def country_of(kb: KnowledgeBase, entity_id: str) -> frozenset[str]:
    """The countries an entity belongs to: a country itself, the country holding a place or a
    seat, the countries a person held office in or is a national of; none for a body based in a
    city (the KB's way of placing an international one: orgs.yaml, `located_in`)."""
    e = kb.get(entity_id)
    if e is None:
        return frozenset()
    if e.type == "person":
        found = {r.of for r in e.roles if r.of and r.of.startswith("country:")}
        return frozenset(found | ({e.nationality} if e.nationality else set()))
    if e.type == "org" and not e.seat_of and not (e.located_in or "").startswith("country:"):
        return frozenset()  # a body based in a city is an international one: the Council of
        # Europe in Strasbourg names no French office
    for _ in range(MAX_PLACE_CLIMB):
        if e is None or e.type == "country":
            break
        e = kb.get(e.located_in or e.seat_of or "")
    return frozenset({e.id}) if e is not None and e.type == "country" else frozenset()


def _capitals(text: str) -> set[str]:
    """The words of `text` written in capitals, two letters or more ("US", "EU", "G7")."""
    return {t for t, _ in lexicon.cased_tokens(text) if t.isupper() and len(t) > 1}


def _acronym_named(kb: KnowledgeBase, key: str, capitals: set[str]) -> list[Hit]:
    """The KB entries one word of the sentence written in `capitals` is a listed name or alias
    of ("EU", "U.S."), not a derived acronym; [] for any other key."""
    if " " in key or key.upper() not in capitals:
        return []
    return [h for h in kb.lookup_acronym(key.upper()) if h.method != "acronym"]


def countries_named(kb: KnowledgeBase, text: str, demonyms: bool = True) -> frozenset[str]:
    """The countries of the KB people, places and countries (also by demonym, unless
    `demonyms` is False) that a sentence names unambiguously, each name capitalized; not the
    agency of its dateline ("BRASILIA, Brazil (AP) -" names Brazil, not the AP's country)."""
    line = _DATELINE.match(text)
    if line and line.group(2) and line.group(3) != ":":  # "The Prime Minister (Keir Starmer):"
        # names a speaker, no agency
        text = text[:line.start(2)] + text[line.end(2):]
    capitals = _capitals(text)

    def owners(key: str) -> set[str]:
        ids = {h.id for h in kb.lookup(key) if demonyms or h.method != "demonym"}
        if not ids:  # "US", "UK", "U.S."
            ids = {h.id for h in _acronym_named(kb, key, capitals)}
        demonym = None if ids or " " in key or not demonyms else kb.demonym(key)
        return {demonym} if demonym else {c for x in ids for c in country_of(kb, x)}

    return frozenset(country for _, country in _named_in(text, owners, capitalized=True))


def organisation_named_before(kb: KnowledgeBase, mention: str, noun: str, context: str,
                              allowed: frozenset[str]) -> str | None:
    """The organisation of `allowed` its sentence names nearest before the mention ("ASEAN" in
    "ASEAN leaders said the bloc had agreed"), else None: also when the `noun` the mention ends
    in stands earlier in the sentence, naming another ("the Renault-Nissan alliance"), or "of"
    follows ("the alliance of opposition parties")."""
    spot = first_spot(mention, context)
    if (spot is None or _OF_AFTER.match(spot[0], spot[2])
            or noun in lexicon.tokens(spot[0][:spot[1]])):
        return None
    before = context[:spot[1]]
    capitals = _capitals(before)

    def read(key: str) -> set[str]:
        hits = kb.lookup(key) or _acronym_named(kb, key, capitals)  # "EU", "GCC", "G7"
        return {h.id for h in hits if h.id in allowed and h.method in _NAMED}

    found = _named_in(before, read, capitalized=True)
    return found[-1][1] if found else None


_OF_AFTER = re.compile(r"['\u2019]?s?\s+of\b")


_NAMED = frozenset({"exact", "alias"})  # a name as written, no typo nor demonym


def _namesake(s: _Spot) -> str:
    """A KB place whose sentence speaks only of the country of a namesake elsewhere
    (data/namesakes.yaml): "Democrats won both Senate runoffs in Georgia" is the US state."""
    entries = lexicon.namesakes().get(lexicon.name_key(s.written))
    if not entries or s.entity.type not in COUNTRY_TYPES:
        return ""
    own = country_of(s.kb, s.entity.id)
    rest = s.rest
    named = countries_named(s.kb, rest)
    if named & own:  # "the Spanish city of Valencia" names the KB place's own country
        return ""
    by_name = countries_named(s.kb, rest, demonyms=False)  # "the Russian doses" names no
    for n in entries:  # other country the story is in
        if n.country in own or by_name - {n.country}:
            continue
        if n.country in named or n.cues.search(rest):
            return f"the sentence speaks of {n.what}"
    return ""


def shared_body_name(mention: str) -> bool:
    """Whether the mention is a name many countries give a body of theirs ("Congress", "the
    Senate": data/context.yaml `national_bodies`), which a sentence naming only other
    countries leaves unlinked; a caller holding the whole article may read it there."""
    return isinstance(mention, str) and (
        lexicon.name_key(mention) in lexicon.context_words().national_bodies)


def _foreign_body(s: _Spot) -> str:
    """A body many countries have under the same name (`shared_body_name`) in a sentence that
    names other countries and not the entity's own: "Lula vowed to punish those who stormed
    Congress" is Brazil's Congress, not the KB's US one."""
    if not shared_body_name(s.written):
        return ""
    own = country_of(s.kb, s.entity.id)
    named = countries_named(s.kb, s.rest)
    return "the sentence speaks of another country" if own and named and not named & own else ""


# a possessive or a demonym right before a body's name: "Pakistan's Foreign Office", "the
# Pakistani Foreign Office", "South Korea's Democratic Party"
_OWNER_BEFORE = re.compile(r"((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)(?:['\u2019]s?)?\s+$")
_BODY_TYPES = frozenset({"org", "gov"})


def _owned_by_another(s: _Spot) -> str:
    """A body whose name a possessive or demonym right before it gives to another country than
    the entity's ("Pakistan's Foreign Office" is not the UK's); so for an event every country
    holds (data/context.yaml `national_events`), when the words before are a country's own
    ("Taiwan's 2024 presidential election"; not "Trump's")."""
    words_ = lexicon.context_words()
    after = _LOWER_WORD_AFTER.match(s.text, s.end)
    event = s.entity.type == "event" and _head_noun(s.written) in words_.national_events and (
        after is None or after.group(1) in words_.after_national_event)
    if s.entity.type not in _BODY_TYPES and not event:
        return ""
    owner = _OWNER_BEFORE.search(s.text, max(0, s.start - 60), s.start)
    own = country_of(s.kb, s.entity.id) if owner else frozenset()
    named = (_country_itself(s.kb, owner.group(1)) if event else
             countries_named(s.kb, owner.group(1))) if own else frozenset()
    return f"{owner.group(1)!r} owns it: another country's" if named and not named & own else ""


_LOWER_WORD_AFTER = re.compile(r"\s+([a-z][\w-]*)")


def _country_itself(kb: KnowledgeBase, phrase: str) -> frozenset[str]:
    """The country a phrase names as itself, by name or demonym ("Taiwan", "the Philippines",
    "Russian"), not through a person or place of it."""
    key = lexicon.name_key(phrase)
    ids = {h.id for h in kb.lookup(key)}
    if ids:  # "Georgia's" may be the US state's: only a name that is a country's alone
        return frozenset(ids) if all(i.startswith("country:") for i in ids) else frozenset()
    demonym = kb.demonym(key)
    return frozenset({demonym}) if demonym else frozenset()


def _other_sense(s: _Spot) -> str:
    """A name the sentence uses in another well-known sense (data/other_senses.yaml): "the ICC
    approved a revenue model for cricket" is the cricket council, "Powell said the Fed" not
    Colin Powell. When a cue found is made of the entity's own name and role words, the entity
    is that sense (a user's KB holding the Fed chair)."""
    entries = lexicon.other_senses().get(lexicon.name_key(s.written))
    if not entries:
        return ""
    rest, own = s.rest, _own_words(s)
    for sense in entries:
        said = [words for words, cue in sense.cues if cue.search(rest)]
        if said and not any(words <= own for words in said):
            return f"the sentence speaks of {sense.what}"
    return ""


_AMPERSAND_AFTER = re.compile(r"\s*&\s*\w")
_AMPERSAND_BEFORE = re.compile(r"\w\s*&\s*$")


def _ampersand(s: _Spot) -> str:
    """A name joined to another by "&" is a firm's: "Johnson & Johnson", "Marks & Spencer"."""
    joined = (_AMPERSAND_AFTER.match(s.text, s.end)
              or _AMPERSAND_BEFORE.search(s.text, 0, s.start))
    return "joined by '&' to another name" if joined else ""


def _article_dropped(s: _Spot) -> str:
    """A place whose name opens with "The" written without it ("Hague spoke in New York"): a
    surname or another name, not the place ("the Hague", "The Hague" keep it)."""
    name = s.entity.name
    if (s.entity.type not in NAMED_PLACE_TYPES or not name.startswith("The ")
            or fold(name[4:]).casefold() != s.written.casefold()):
        return ""
    before = _word_before(s)
    if before == "the" or before in lexicon.context_words().place_before:
        return ""  # "the Hague"; "the court in Hague ruled": the place, its article dropped
    return f"{name!r} without its article"


_SAINT = re.compile(r"(?:st|saint)\b\.?\s", re.IGNORECASE)


def _saints_institution(s: _Spot) -> str:
    """A place named after a saint, in the possessive before a word of data/context.yaml
    `institution_words`, is an institution named for the saint ("taken to St. Vincent's
    Hospital"), not the place ("St Lucia's prime minister", "St. John's" itself)."""
    if s.entity.type not in NAMED_PLACE_TYPES or not _SAINT.match(s.written):
        return ""
    owned = _OWNED_BY.match(s.text, s.end - 2 if s.written.endswith("'s") else s.end)
    if owned is None or s.entity.name.endswith("'s") and s.written.endswith("'s"):
        return ""
    word = owned.group(1).casefold()
    return "a saint's institution" if word in lexicon.context_words().institution_words else ""


_OWNED_BY = re.compile(r"'s? (\w+)")  # "'s Hospital": the possessive and the noun it owns


def _storm(s: _Spot) -> str:
    """A place named right after a word of data/context.yaml `storm_words` is a storm's name
    ("Hurricane Florence slammed into the coast"; not "After the storm, Houston residents")."""
    if s.entity.type not in NAMED_PLACE_TYPES:
        return ""
    before = _STORM_WORDS_BEFORE.search(s.text, max(0, s.start - 24), s.start)
    words = before.group(1).casefold().split() if before else []
    storms = lexicon.context_words().storm_words
    named = any(" ".join(words[-n:]) in storms for n in (1, 2) if len(words) >= n)
    return "a storm's name" if named else ""


# one or two words right before, spaces only ("hit by Hurricane |Ian", "Tropical Storm |Bill")
_STORM_WORDS_BEFORE = re.compile(r"(?<![\w'-])((?:\w+ )?\w+) $")


def _quoted_title(s: _Spot) -> str:
    """A city's name in a short quotation in title case is a title ("Cuaron's 'Roma' won three
    Oscars", "'Paris, Texas,' was screened"); a country's name in quotes stays the country
    ("approved 'Czechia'"), and so does a city after a word of place ("the summit in 'Geneva'")."""
    if s.entity.type != "city":
        return ""
    quoted = quoted_around(s.text, s.start, s.end)
    before = lexicon.tokens(s.text[max(0, s.start - 16):s.start])[-1:]
    if (not quoted or len(quoted.split()) > MAX_QUOTED_TITLE_WORDS or not in_title_case(quoted)
            or set(before) & lexicon.context_words().place_before):
        return ""
    return "a title in quotation marks"


MAX_QUOTED_TITLE_WORDS = 6  # a longer quotation is speech, no title


def _region_named_after(s: _Spot) -> str:
    """A city followed by a word of data/context.yaml `region_after` names the region named
    after it ("the former governor of Buenos Aires province"), not the city."""
    after = _NEXT_WORD.match(s.text, s.end) if s.entity.type == "city" else None
    word = after.group(1).casefold() if after else ""
    return f"followed by {word!r}: the region" if word in lexicon.context_words(
    ).region_after else ""


_NEXT_WORD = re.compile(r" (\w+)")  # the next word, a single space between ("In Washington,
# State Department officials" has a comma)


# Each check gives the reason the mention is part of another name there, or "".
_OTHER_NAME_CHECKS = (_lower_case, _compound, _name_continues, _language, _ethnic, _agreement,
                      _place_of_another_kind, _private, _counted_people, _score, _match,
                      _team_plural, _month_day, _region, _name_of, _place_preposition,
                      _another_holder, _acronym_of_another, _introduced, _apposed, _namesake,
                      _foreign_body, _owned_by_another, _other_sense, _ampersand, _storm,
                      _quoted_title, _region_named_after, _saints_institution, _article_dropped,
                      _name_before, _currency, _unit_of_measure)


def _another_name(kb: KnowledgeBase, entity_id: str, method: str, text: str, start: int,
                  end: int) -> str:
    """Why the mention at text[start:end] is part of another name than the entity's (the first
    check's reason), or "" when nothing says so."""
    entity = kb.get(entity_id)
    return _first_other_name(_Spot(kb, entity, method, text, start, end))[1] if entity else ""


def _first_other_name(spot: _Spot) -> tuple[object, str]:
    """(the first check that finds the spot part of another name, its reason), else (None, "")."""
    for check in _OTHER_NAME_CHECKS:
        if reason := check(spot):
            return check, reason
    return None, ""


def side_in_match(kb: KnowledgeBase, entity_id: str, method: str, mention: str,
                  context: str) -> bool:
    """Whether, everywhere the mention stands in its sentence, it names the country's side in a
    match ("Argentina beat France 4-2 in the final"), the first reason `in_another_name` would
    give for leaving the country out."""
    entity = kb.get(entity_id)
    if entity is None or entity.type not in _TEAM_TYPES:
        return False
    text, spots = _spots(mention, context)
    return bool(spots) and all(
        _first_other_name(_Spot(kb, entity, method, text, *s))[0] is _match for s in spots)


def in_another_name(kb: KnowledgeBase, cands: list[Candidate], mention: str,
                    context: str | None) -> list[Candidate]:
    """The candidates left when, everywhere the mention stands in its sentence, it is part of
    another name than the candidate's (`_another_name`): "Brussels sprouts", "Moscow, Idaho",
    "the Bank of England", "Bolton Wanderers" name none of the KB's Brussels, Moscow, England or
    John Bolton. A wrong merge is worse than no answer."""
    if not context or not cands:
        return cands
    text, spots = _spots(mention, context)
    if not spots:
        return cands
    return [c for c in cands
            if not all(_another_name(kb, c.id, c.method, text, *s) for s in spots)]


def context_bonus(kb: KnowledgeBase, cands: list[Candidate], context: str) -> list[Candidate]:
    """Break near-ties in favour of a candidate whose full name appears in the context."""
    text = " " + " ".join(lexicon.tokens(context)) + " "
    out = []
    for c in cands:
        e = kb.get(c.id)
        names = [e.name, *e.aliases] if e else []
        keys = [lexicon.name_key(n) for n in names]
        if any(len(k.split()) >= 2 and f" {k} " in text for k in keys):
            c = Candidate(c.id, min(1.0, c.score + MARGIN), c.method,
                          f"{c.explain}; named in full in the context")
        out.append(c)
    return out


# ----------------------------------------------------------------------------- public API
