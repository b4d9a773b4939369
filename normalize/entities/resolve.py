"""Entity resolution: mention (+ date, context) -> knowledge-base entity, in small stages.

Stages, each a function usable alone: names.py (`direct`: names, aliases, variants, acronyms;
`translit`; `middle_dropped`; `typo`), roles.py (`parse_title` and `titled`: titles in front of a
name; `role_at_time`: "Russia's president" on a date; `counterpart`: "his Russian counterpart";
`possessor_role`; `field_of`; `apposition`), context.py (`metonymy`: "the Kremlin said" ->
Russia; `persons_in`). `resolve_entity_candidates` runs them and ranks; `resolve_entity` decides
(match.py), answering None rather than guessing between close candidates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import OSA

from normalize.entities import lexicon, names
from normalize.entities.context import (
    BY_ROLE,
    FIRST_LEVEL,
    context_bonus,
    countries_named,
    country_of,
    first_spot,
    in_another_name,
    in_dateline,
    metonymy,
    named_otherwise,
    organisation_named_before,
    persons_in,
    region_after_town,
    regions_named,
    side_in_match,
)
from normalize.entities.kb import (
    COUNTRY_TYPES,
    NAMED_PLACE_TYPES,
    PLACE_TYPES,
    Entity,
    KnowledgeBase,
    Role,
)
from normalize.entities.match import (
    MARGIN,
    Candidate,
    EntityMatch,
    decide,
    parse_date,
    rank,
)
from normalize.entities.names import (
    direct,
    middle_dropped,
    name_candidates,
    suffix_dropped,
    translit,
    typo,
)
from normalize.entities.roles import (
    TitleParse,
    apposition,
    counterpart,
    departed,
    field_of,
    parse_title,
    possessor_role,
    role_at_time,
    role_in_apposition,
    titled,
)

__all__ = [
    "MARGIN",
    "Candidate",
    "EntityMatch",
    "TitleParse",
    "apposition",
    "counterpart",
    "decide",
    "direct",
    "event_at_date",
    "event_of_year",
    "field_of",
    "given_name_slip",
    "in_another_name",
    "middle_dropped",
    "name_candidates",
    "named_otherwise",
    "national_side",
    "parse_date",
    "parse_title",
    "persons_in",
    "possessor_role",
    "resolve_entities",
    "resolve_entity",
    "resolve_entity_candidates",
    "role_at_time",
    "role_in_apposition",
    "short_typo",
    "suffix_dropped",
    "titled",
    "translit",
    "typo",
]

# Last words of every counterpart phrase (a cheap test before the counterpart stage).
_COUNTERPART_LAST = frozenset(w[-1] for w in lexicon.roles().counterpart_words)


# "of" and a capitalized name after a mention: what a role is of ("... of the United Nations")
_OF_NAME_AFTER = re.compile(
    r"\s+of\s+((?:the\s+)?[A-Z][\w'.-]*(?:\s+(?:of\s+)?[A-Z][\w'.-]*){0,4})")


def _role_of_after(mention: str, context: str) -> str | None:
    """The mention with the "of" phrase its sentence writes right after it ("the
    secretary-general" + "of the United Nations"), else None."""
    spot = first_spot(mention, context)
    found = _OF_NAME_AFTER.match(spot[0], spot[2]) if spot else None
    return f"{mention} of {found.group(1)}" if found else None


# A role of "the country" or "the nation": the one country its sentence names before it.
_THE_COUNTRYS = re.compile(r"(?i)the\s+(?:country|nation)['\u2019]s\s+(?P<rest>\S.*)")


def _country_named_before(kb: KnowledgeBase, mention: str, context: str) -> Entity | None:
    """The only country the sentence names (by itself, a place in it or one of its people)
    before the mention, else None."""
    spot = first_spot(mention, context)
    named = countries_named(kb, spot[0][:spot[1]]) if spot else frozenset()
    return kb.get(next(iter(named))) if len(named) == 1 else None


def _all_candidates(kb: KnowledgeBase, mention: str, day: dt.date | None,
                    context: str | None) -> list[Candidate]:
    """Run the stages in order; the first that finds candidates wins, then metonymy."""
    m = lexicon.prepare(mention)
    if not m.key:
        return []
    own = _THE_COUNTRYS.match(m.text) if context else None
    if own is not None:  # "In China, the country's top diplomat": China's top diplomat
        country = _country_named_before(kb, mention, context or "")
        if country is None:
            return []
        named = _all_candidates(kb, f"{country.name}'s {own.group('rest')}", day, context)
        return [Candidate(c.id, c.score, c.method,
                          f"the country is {country.name}, the one its sentence names before; "
                          f"{c.explain}") for c in named]
    lead = 1 if m.toks[0] == "the" else 0
    kinds = lexicon.context_words().organisation_nouns.get(m.toks[-1])
    if kinds and all(w.islower() for w, _ in m.cased[lead:-1]) and not kb.lookup(m.key):
        # "the bloc", "the six-member bloc", "the cartel's" (not "north atlantic alliance", a
        # name): the organisation of that kind its sentence names before it
        named = (organisation_named_before(kb, mention, m.toks[-1], context, kinds)
                 if context else None)
        e = kb.get(named or "")
        return [Candidate(e.id, _AROUND, "anaphor", f"the {m.toks[-1]} its sentence names before:"
                          f" {e.name}")] if e else []
    if len(m.toks) > lead + 1 and lexicon.roles().time_modifiers.get(m.toks[lead]) == "dead":
        return _named_after_dead(kb, m, day, context)
    parts = lexicon.name_parts()
    for suffixes, etype, min_tokens in ((parts.post_nominals, "person", 3),
                                        (parts.company_suffixes, "org", 2)):
        if len(m.toks) < min_tokens or m.toks[-1] not in suffixes or kb.lookup(m.key):
            continue  # a name the KB holds whole keeps its suffix ("British Broadcasting
            # Corporation")
        rest = re.sub(r"[\s,]+\S+\s*$", "", m.text)  # unchanged for "0\ufdc8NV": no space
        named = _all_candidates(kb, rest, day, context) if rest != m.text else []
        if named:  # "Boris Johnson MP", "Colonial Pipeline Co.": the person or company the
            # rest names; a rest naming nothing leaves the whole to the stages below ("Bitish
            # Broadcasting Corporation", a typo)
            return [c for c in named if (e := kb.get(c.id)) is not None and e.type == etype]
    if m.toks[-1] in _COUNTERPART_LAST:
        cp = counterpart(kb, m.toks, day, context)
        if cp is not None:
            return cp
    cands = direct(kb, m.key, m.caps)
    if not cands and day is not None:
        cands = event_at_date(kb, m, day)
    if not cands and len(m.toks) > 1:
        cands = event_of_year(kb, m)
        named = countries_named(kb, context) if cands and context else frozenset()
        if named:  # "Taiwan's 2020 election" is none of the KB's 2020 elections
            cands = [c for c in cands if country_of(kb, c.id) & named]
    if not cands and any(p for _, p in m.cased[:-1]):
        cands = possessor_role(kb, m, day) or _owned_name(kb, m) or owned_event(kb, m, day)
    a_role = False  # the mention names a role, no name: no spelling of a name is tried for it
    if not cands:
        parse = parse_title(kb, m.toks, m.capitals)
        if parse is not None:
            parse = _qualified_before(kb, parse, m, context)
            if parse.rest:
                cands = titled(kb, parse, day)
                if cands and all(c.method == "fuzzy" for c in cands):
                    # "City of San Mrino": a misspelt whole name beats a title plus a misspelt
                    # rest (which would be the country San Marino).
                    cands = typo(kb, m.key) or cands
            elif parse.field:
                cands = field_of(kb, parse)
            elif parse.modifier == "then":
                cands = _then_holder(kb, parse, mention, context)
            elif (opening := _opening_year(context, day)) is not None and parse.modifier is None:
                cands = _holder_in_year(kb, parse, *opening, mention, context,
                                        f"{opening[0]}, the year that opens its sentence")
            else:
                a_role = True
                cands = role_at_time(kb, parse, day)
                if day is not None and parse.modifier is None and _leaving(m.text, context):
                    cands = departed(kb, parse, day) or cands
                if cands and parse.qualifier is None:
                    cands = _of_a_named_country(kb, parse, cands, mention, context)
    if not cands and not a_role:  # "the German chancellor" in 1997, whom the KB does not
        # hold, is no misspelt "German Chancellery"
        cands = (translit(kb, m.key) or middle_dropped(kb, m.key)
                 or suffix_dropped(kb, m.key) or typo(kb, m.key) or _spaced(kb, m.key))
        if (cands and context and all(c.method == "fuzzy" for c in cands)
                and in_dateline(m.key.split(), context)):
            cands = []  # a dateline is spelt with care: "ANTAKYA, Turkey" is no typo of Antalya
    if not cands and context and not a_role:
        cands = short_typo(kb, m.key, context) or given_name_slip(kb, m.key, context)
    if not cands and "," in m.text:
        cands = apposition(kb, m.text, day)
    if not cands and len(m.cased) > 2:
        cands = _described_name(kb, m)
    if not cands and len(m.cased) > 1:
        cands = _country_body(kb, m)
    if not cands and len(m.toks) > 1 and m.toks[-1] in lexicon.context_words().representatives:
        cands = _acting_for(kb, m)
    if not cands and len(m.toks) > 1 and m.toks[0] in lexicon.context_words().place_prepositions:
        return _place_after_preposition(kb, m.text, day)
    if not cands:
        cands = _region_abbreviation(kb, mention)
    if cands:  # "Prince Charles" in 2025 is no longer Charles III
        cands = [c for c in cands if kb.alias_in_force(c.id, m.key, day)]
    if cands and context and not m.possessive and (mark := in_dateline(m.key.split(), context)):
        # a dateline names a place, a city first: "SINGAPORE (AP) -" is the city of the
        # city-state; "AUSTIN -" is no Lloyd Austin; "AFP:" is a source, no place
        places = [c for c in cands if (e := kb.get(c.id)) and e.type in NAMED_PLACE_TYPES]
        if places or mark != ":":
            cands = [c for c in places if (e := kb.get(c.id)) and e.type == "city"] or places
    return metonymy(kb, cands, m.key, m.possessive, context)


ABBREVIATION_SCORE = 0.95  # a postal abbreviation: as sure as an alias

def _region_abbreviation(kb: KnowledgeBase, mention: str) -> list[Candidate]:
    """A state or province written as news abbreviates it after a town ("Fla.", "Calif.",
    "Ont."; data/context.yaml `region_abbreviations`): the first-level place it stands for."""
    written = mention.strip()
    names = lexicon.context_words().region_abbreviations.get(written.casefold())
    if not names or not written[:1].isupper():
        return []
    return [Candidate(i, ABBREVIATION_SCORE, "alias", f"{written!r} abbreviates {name!r}")
            for name in sorted(names) for i in sorted(regions_named(kb, name, FIRST_LEVEL))]


_FIRST_WORDS = re.compile(r"\s*(?:the\s+)?[\w'-]+\s+", re.IGNORECASE)


def _named_after_dead(kb: KnowledgeBase, m: lexicon.Mention, day: dt.date | None,
                      context: str | None) -> list[Candidate]:
    """"The late Shinzo Abe": the person the rest names, of those the KB says died by `day`
    when there are any ("the late King Abdullah" in 2015 is the Saudi king, not Jordan's); one
    the KB says was alive then is not meant. A role alone ("the late queen") is its holder who
    died (`roles.role_at_time`)."""
    cut = _FIRST_WORDS.match(m.text)
    rest = m.text[cut.end():] if cut else ""
    named = [Candidate(c.id, c.score, c.method, f"{m.text[:cut.end()].strip()!r} stripped;"
                       f" {c.explain}")
             for c in _all_candidates(kb, rest, day, context) if c.method not in BY_ROLE]
    died = {c.id: e.died for c in named if (e := kb.get(c.id)) is not None}
    if day is not None:
        named = [c for c in named if not (died.get(c.id) and died[c.id] > day)]
    if any(died.get(c.id) for c in named):
        named = [c for c in named if died.get(c.id)]
    if named:
        return named
    parse = parse_title(kb, m.toks, m.capitals)
    if parse is None or parse.rest or parse.modifier != "dead":
        return []
    cands = role_at_time(kb, parse, day)
    if parse.qualifier is not None:
        return cands
    return _of_a_named_country(kb, parse, cands, m.text, context)


_WORDS_BEFORE = re.compile(r"(?:[\w.'\u2019-]+\s+)+$")


def _qualified_before(kb: KnowledgeBase, parse: TitleParse, m: lexicon.Mention,
                      context: str | None) -> TitleParse:
    """A title, with or without a name, read with the country named right before it in the
    sentence when the mention leaves it out ("Saudi Arabia's King Abdullah": a monarch named by
    a given name needs the country; "Britain's attorney general": another country's office than
    the KB's holders'); else the parse as it is."""
    if parse.qualifier is not None or not context or not parse.classes:
        return parse
    at = context.casefold().find(m.text.casefold())
    words = _WORDS_BEFORE.search(context[max(0, at - 80):at]) if at > 0 else None
    before = words.group().split()[-4:] if words else []  # not across a dateline's dash
    for k in range(len(before), 0, -1):
        w = lexicon.prepare(" ".join([*before[-k:], context[at:at + len(m.text)]]))
        wider = parse_title(kb, w.toks, w.capitals)
        if (wider is not None and wider.qualifier is not None and wider.rest == parse.rest
                and wider.classes == parse.classes):
            return wider
    return parse


def _then_holder(kb: KnowledgeBase, parse: TitleParse, mention: str, context: str | None
                 ) -> list[Candidate]:
    """"The then prime minister": the one holder through the single year its sentence names
    ("... had overstated the threat posed by Iraq in 2003" is 2003's); none without such a
    year, as "then" is the time of some event, not the article's date."""
    years = {int(y) for y in _YEAR_NAMED.findall(context or "")}
    if len(years) != 1:
        return []
    year = years.pop()
    return _holder_in_year(kb, parse, year, None, mention, context,
                           f"'then' read as {year}, the year its sentence names")


# A past year opening the sentence frames all of it: "In 2008, India's prime minister blamed
# ..." speaks of 2008's holder ("In March 2008,", "Back in 2008,", "By 2008,"); a month before
# the year narrows it to that month's.
_OPENING_YEAR = re.compile(r"\W*(?:Back in|In|During|By)\s+(?:(?:early|late|mid-?)\s*)?"
                           r"(?:([A-Z][a-z]+)\.?\s+)?((?:19|20)\d\d)\s*,")


def _opening_year(context: str | None, day: dt.date | None) -> tuple[int, int | None] | None:
    """(the year before the article's that opens its sentence, its month if named: "In April
    2016, ..."), else None."""
    found = _OPENING_YEAR.match(context) if context and day else None
    if found is None or day is None or int(found.group(2)) >= day.year:
        return None
    return int(found.group(2)), _month_number((found.group(1) or "").casefold())


def _holder_in_year(kb: KnowledgeBase, parse: TitleParse, year: int, month: int | None,
                    mention: str, context: str | None, why: str) -> list[Candidate]:
    """The one holder of a role through a whole year, or month; none when it changed hands
    then."""
    asked = replace(parse, modifier="at")

    def holders(day: dt.date) -> list[Candidate]:
        got = role_at_time(kb, asked, day)
        return got if parse.qualifier else _of_a_named_country(kb, parse, got, mention, context)

    first_day = dt.date(year, month or 1, 1)
    last_day = dt.date(year, 12, 31) if month is None else (
        dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
    first, last = holders(first_day), holders(last_day)
    if len(first) != 1 or [c.id for c in first] != [c.id for c in last]:
        return []
    c = first[0]
    return [Candidate(c.id, c.score, c.method, f"{why}: {c.explain}")]


def _leaving(mention: str, context: str | None) -> bool:
    """Whether the sentence has the role leave office: a word of data/roles.yaml `departure`
    right before it ("fired the FBI director") or right after it ("the CIA director resigned")."""
    at = context.casefold().find(mention.casefold()) if context else -1
    if at < 0:
        return False
    lex = lexicon.roles()
    before = [t for t in lexicon.tokens(context[max(0, at - 40):at])[-3:] if t != "the"]
    after = lexicon.tokens(context[at + len(mention):at + len(mention) + 40])[:2]
    return (any(tuple(before[-n:]) in lex.departure_before for n in (1, 2) if len(before) >= n)
            or any(tuple(after[:n]) in lex.departure_after for n in (1, 2)))


def _of_a_named_country(kb: KnowledgeBase, parse: TitleParse, cands: list[Candidate],
                        mention: str, context: str | None) -> list[Candidate]:
    """Holders of a role named without its country ("the prime minister") in several
    countries: those of the countries the sentence names ("In Tokyo, the prime minister said";
    "BJP workers said the Prime Minister would return to Lucknow"); likewise for an office many
    countries have (data/roles.yaml `country_classes`: "the chancellor"), even when the KB
    holds one country's. One holder of another role stands as found ("the Queen")."""
    def held(c: Candidate) -> frozenset[str]:
        e = kb.get(c.id)
        return frozenset(r.of for r in (e.roles if e else ()) if r.of
                         and lexicon.roles().role_class(r.role) in parse.classes)

    realm = {lexicon.roles().home_realm.get(cls) for cls in parse.classes} - {None}
    if realm:  # "the Queen": of the countries the sentence names, else of the home realm
        named = countries_named(kb, context) if context else frozenset()
        return ([c for c in cands if held(c) & named]
                or [c for c in cands if held(c) & realm])
    if not set(parse.classes) & lexicon.roles().country_classes and (
            len(cands) < 2 or len(set().union(*map(held, cands))) < 2):
        return cands  # "the Kremlin spokesman": one holder, or one country's
    named = countries_named(kb, context) if context else frozenset()
    return [c for c in cands if held(c) & named
            and not _named_only_by_self(kb, c.id, held(c), mention, context or "")]


def _named_only_by_self(kb: KnowledgeBase, holder: str, countries: frozenset[str], mention: str,
                        context: str) -> bool:
    """Whether the sentence names the holder's country only by the holder's own name, written
    after the mention: "did the President discuss sanctions with Vladimir Putin?" speaks of
    another president than Putin. A name before the mention is the same person ("Joe Biden's
    visit drew thousands, and the president told the crowd"), as is one right after its comma
    or bracket ("The president, Vladimir Putin, said"; "The Prime Minister (Keir Starmer):")."""
    e = kb.get(holder)
    at = context.casefold().find(mention.casefold())
    if e is None or at < 0:
        return False
    last = [t for t in e.name.split() if t.casefold().strip(".") not in
            lexicon.name_parts().suffixes][-1:]  # "Putin"; "Elizabeth" of "Elizabeth II"
    names = sorted({e.name, *e.aliases, *last}, key=len, reverse=True)
    own = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
    after = context[at + len(mention):]
    if own.search(context[:at]) or not own.search(after) or re.match(
            r"\s*[,(]\s*" + own.pattern, after):
        return False
    # the name goes with the capitalized words of its title: "U.S. President Barack Obama"
    # names the U.S. only for Obama ("The acting president spoke with U.S. President Barack
    # Obama" is another president)
    titled = re.compile(r"(?:[A-Z][\w.'\u2019-]*\s+){0,3}" + own.pattern)
    return not countries & countries_named(kb, titled.sub(" ", context))


# An event named without its year ("the G7 summit") is one that begins at most EVENT_AHEAD
# after the article's date, or ended at most EVENT_SINCE before it.
EVENT_AHEAD = dt.timedelta(days=183)
EVENT_SINCE = dt.timedelta(days=92)
EVENT_SCORE = 0.9  # below an exact name or alias: a kind and a date, not a name


def event_at_date(kb: KnowledgeBase, m: lexicon.Mention, day: dt.date) -> list[Candidate]:
    """A dated event named by its kind alone, the one near the article's date: "the G7 summit"
    in May 2023 is the Hiroshima summit, as is "the G7 summit in Hiroshima"; "Russia's
    presidential election" in March 2024 that year's ("Russia's" read as "Russian"), "the G20
    Leaders' Summit" the G20 summit (context.yaml `event_fillers`). Several in reach: all of
    them, so none is chosen."""
    keys = [m.key]
    if m.cased and m.cased[0][1] and len(m.toks) > 1:  # "Russia's presidential election"
        rest = " ".join(m.toks[1:])
        keys += [f"{d} {rest}" for h in kb.lookup(m.toks[0]) if (e := kb.get(h.id))
                 and e.type == "country" for d in map(lexicon.name_key, e.demonyms)]
    keys += _other_names_of_host(kb, m.key.split())
    fillers = lexicon.context_words().event_fillers
    keys += [" ".join(t for t in k.split() if t not in fillers) for k in keys
             if fillers.intersection(k.split())]  # "g20 leaders summit": "g20 summit"
    found: dict[str, Candidate] = {}
    for key in keys:
        for e in kb.events_named(key):
            start, end = e.start, e.end or e.start
            if start is not None and end is not None and (
                    start - EVENT_AHEAD <= day <= end + EVENT_SINCE):
                found[e.id] = Candidate(e.id, EVENT_SCORE, "event-at-date",
                                        f"{key!r}: the one held {start}..{end}, near {day}")
    return list(found.values()) or _held_there(kb, keys, day)


def _held_there(kb: KnowledgeBase, keys: list[str], day: dt.date) -> list[Candidate]:
    """A dated event named by its kind and where it was held, the only one so named, however
    long ago ("the G20 summit in Hamburg", a year on): the place tells which, not the date. Not
    one still far ahead of the article."""
    for key in keys:
        events = kb.events_named(key)
        if len(events) != 1:
            continue
        e = events[0]
        host = kb.get(e.located_in or "")
        if (host is not None and e.start is not None and e.start <= day + EVENT_AHEAD
                and f" {lexicon.name_key(host.name)} " in f" {key} "):
            return [Candidate(e.id, EVENT_SCORE, "event-at-date",
                              f"{key!r}: the one held in {host.name}, {e.start}")]
    return []


def owned_event(kb: KnowledgeBase, m: lexicon.Mention, day: dt.date | None
                ) -> list[Candidate]:
    """An event after the possessive of its year, its month or a party to it: "this year's
    midterm elections", "November's midterm elections" (the one of that month within half a
    year), "Russia's annexation of Crimea" (an event of that name the owner took part in or
    that was held in it, but not one that begins more than EVENT_AHEAD after the article;
    "Russia's invasion" is "invasion of Ukraine", whose undergoer is not the owner).
    Several: all of them, so that none is chosen."""
    k = next(i for i, (_, possessive) in enumerate(m.cased) if possessive)
    owner, rest = " ".join(m.toks[:k + 1]), " ".join(m.toks[k + 1:])
    if not rest or day is None:
        return []
    events = {e.id: e for e in kb.events_named(rest)}
    events.update((c.id, e) for c in direct(kb, rest) if (e := kb.get(c.id)) and e.type == "event")
    events = {i: e for i, e in events.items() if e.start is not None}
    words = lexicon.context_words()
    offset = next((int(n) for n, names in words.event_years.items() if owner in names), None)
    if offset is not None:
        why = f"{owner!r}: {day.year + offset}"
        kept = [e for e in events.values() if e.start.year == day.year + offset]
    elif (month := _month_number(owner)) is not None:
        why = f"{owner!r}: the month, within half a year"
        kept = [e for e in events.values() if e.start.month == month
                and abs(e.start - day) <= EVENT_AHEAD]
    else:
        owners = {h.id for h in kb.lookup(lexicon.name_key(owner))}
        # "Russia's invasion": an event "invasion of <what>" whose <what> is not the owner
        events.update((e.id, e) for e, what in kb.events_headed(rest) if e.start is not None
                      and not owners & {h.id for h in kb.lookup(what)})
        why = f"{owner!r} took part in it or hosted it"
        kept = [e for e in events.values() if e.start <= day + EVENT_AHEAD
                and owners & {*e.participants, *country_of(kb, e.id)}]
    return [Candidate(e.id, EVENT_SCORE, "event-owned", f"{rest!r}: {why}") for e in kept]


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _month_number(word: str) -> int | None:
    """1-12 for a month's name, folded (data/context.yaml `month_words`), else None."""
    return _MONTHS.index(word[:3]) + 1 if word in lexicon.context_words().month_words else None


def _other_names_of_host(kb: KnowledgeBase, toks: list[str]) -> list[str]:
    """The mention with the body that opens it written by its other names ("Group of 20
    summit" -> "g20 summit"), the way the KB may name the body's events."""
    for i in range(len(toks) - 1, 0, -1):
        hosts = [e for h in kb.lookup(" ".join(toks[:i])) if (e := kb.get(h.id))
                 and e.type == "org"]
        if hosts:
            rest = " ".join(toks[i:])
            return [f"{lexicon.name_key(n)} {rest}" for e in hosts for n in (e.name, *e.aliases)]
    return []


# a year as news writes it: a mention's token, or a word of its sentence ("the 2003 invasion")
_YEAR_NAMED = re.compile(r"(?<![\w.,])(?:19|20)\d\d(?![\w.,]\d)")


def event_of_year(kb: KnowledgeBase, m: lexicon.Mention) -> list[Candidate]:
    """A dated event named by its year and words of its name ("the 2020 election", "the 2018
    presidential election"): the events of that year whose names hold those words. Several:
    all of them, so that none is chosen unless the sentence names the country of one."""
    years = [t for t in m.toks if _YEAR_NAMED.fullmatch(t)]
    words = [t for t in m.toks if t not in ("the", *years)]
    if len(years) != 1 or not words:
        return []
    return [Candidate(e.id, EVENT_SCORE, "event-of-year",
                      f"{m.key!r}: the {years[0]} event whose name holds {' '.join(words)!r}")
            for e in kb.events_of_year(int(years[0]), words)]


MIN_SHORT_TYPO = 5  # shorter lone words are too often other names one letter off


def short_typo(kb: KnowledgeBase, key: str, context: str) -> list[Candidate]:
    """A lone surname of five or six letters one edit from a KB person's ("Merkle", "Macorn"),
    accepted only when its sentence speaks of that person's office: a word of a role they held
    ("secured a fourth term as chancellor") or a country they held it in. Alone, such a word is
    as often another real name ("Merkle", "Mertz"), so the typo stage leaves it."""
    toks = key.split()
    if (len(toks) != 1 or not MIN_SHORT_TYPO <= len(toks[0]) < names.MIN_LONE_TYPO
            or toks[0] in lexicon.given_names() or toks[0] in lexicon.common_words()):
        return []
    office = _Office(kb, context)
    out = []
    for cand_key, edits in kb.typo_candidates(key):
        if edits != (1,) or cand_key[0] != key[0] or " " in cand_key or names.plural_of(
                key, cand_key):  # "the Greens" is a party, no misspelt "Green"
            continue
        for h in kb.lookup(cand_key):
            e = kb.get(h.id)
            if e is None or e.type != "person" or h.method not in ("surname", "exact", "alias"):
                continue
            said = office.said(e)
            if said:
                out.append(Candidate(h.id, h.score * 0.85, "fuzzy",
                                     f"{key!r} is 1 edit from {cand_key!r} ({h.method} key of "
                                     f"{e.name!r}), and the sentence speaks of its office "
                                     f"({said})"))
    return out


def given_name_slip(kb: KnowledgeBase, key: str, context: str) -> list[Candidate]:
    """A full name whose given name is one letter off a KB person's, the rest as the KB writes
    it ("Madeline Albright", "Luis Inacio Lula da Silva"), accepted only when its sentence
    speaks of that person's office. A given name is otherwise never read as another ("Jack
    Sullivan" is no Jake Sullivan): names one letter apart are as often two people."""
    toks = key.split()
    if len(toks) < 2 or toks[0] not in lexicon.given_names():
        return []
    office = _Office(kb, context)
    out = []
    for h in kb.lookup(toks[-1]):
        e = kb.get(h.id)
        if e is None or e.type != "person" or h.method != "surname":
            continue
        for name in (e.name, *e.aliases):
            written = lexicon.name_key(name).split()
            if (len(written) == len(toks) and written[1:] == toks[1:]
                    and written[0][0] == toks[0][0]
                    and OSA.distance(written[0], toks[0], score_cutoff=1) == 1
                    and (said := office.said(e))):
                out.append(Candidate(e.id, h.score * 0.85, "fuzzy",
                                     f"{key!r} is 1 edit from {' '.join(written)!r} in its given"
                                     f" name, and the sentence speaks of its office ({said})"))
                break
    return out


class _Office:
    """What a sentence says of offices: its words and, read once when first needed, the
    countries it names."""

    def __init__(self, kb: KnowledgeBase, context: str) -> None:
        self.kb, self.context = kb, context
        self.words = set(lexicon.tokens(context))
        self._countries: frozenset[str] | None = None

    def said(self, e: Entity) -> str | None:
        """A word of a role `e` held, or a country it held one in, that the sentence names."""
        role_words = {w for r in e.roles for w in lexicon.tokens(r.role)} - lexicon.JOINING
        said = sorted(role_words & self.words)
        if not said:
            if self._countries is None:
                self._countries = countries_named(self.kb, self.context)
            said = sorted({r.of for r in e.roles if r.of} & self._countries)
        return said[0] if said else None


def _spaced(kb: KnowledgeBase, key: str) -> list[Candidate]:
    """A name with a stray space inside a word ("Xi Jin ping"): two neighbouring words joined
    read as a whole name or alias (no surname alone: "Jin ping" is no one's)."""
    toks = key.split()
    out = []
    for i in range(len(toks) - 1):
        joined = " ".join([*toks[:i], toks[i] + toks[i + 1], *toks[i + 2:]])
        out += [Candidate(c.id, c.score * 0.95, "fuzzy", f"{key!r} read as {joined!r}; "
                          f"{c.explain}") for c in direct(kb, joined)
                if c.method in ("exact", "alias")]
    return out


_WRITTEN_NAME = frozenset({"exact", "alias", "variant", "translit", "fuzzy", "acronym"})


def _described_name(kb: KnowledgeBase, m: lexicon.Mention) -> list[Candidate]:
    """A full name after an office described in words the title tables do not hold as a
    whole ("Tokyo Olympics chief Yoshiro Mori", "Ohio Senator J.D. Vance"): the longest run of
    two or more capitalized words ending the mention, read as a name, when a title word stands
    in the description. Other descriptions often mark a namesake ("Bollywood actor Imran
    Khan", "HMS Queen Elizabeth"): no answer; a surname alone is not enough either."""
    words = [w for w, _ in m.cased]
    titles = lexicon.title_words()
    caseless = m.text.islower() or m.text.isupper()  # "mr sir keir": capitals tell nothing
    for start in range(1, len(words) - 1):
        run = words[start:]
        if (not (caseless or all(w[:1].isupper() for w in run))
                or words[start - 1].casefold() == "of"
                or not any(w.casefold() in titles for w in words[:start])):
            continue  # after "of" stands what a body is of ("Federal Reserve Bank of New York")
        lead = " ".join(words[:start])
        found = _written_name(kb, run, _PERSON, f"{lead!r} read as a description")
        if found:
            return found
    return []


_AROUND = 0.95  # a name read out of the words around it: a little below the name alone
_PERSON = frozenset({"person"})
_OWNED_TYPES = frozenset({"person", "org"})


def _written_name(kb: KnowledgeBase, words: list[str], types: frozenset[str], why: str,
                  methods: frozenset[str] = _WRITTEN_NAME) -> list[Candidate]:
    """The entities of `types` that `words` name as written (a name, an alias, a variant, a
    transliteration, a typo; or as `methods` allow), a little below the name alone: `why`
    tells the words around."""
    return [Candidate(c.id, c.score * _AROUND, c.method, f"{why}; {c.explain}")
            for c in name_candidates(kb, lexicon.name_key(" ".join(words)))
            if c.method in methods and getattr(kb.get(c.id), "type", "") in types]


def _owned_name(kb: KnowledgeBase, m: lexicon.Mention) -> list[Candidate]:
    """A written name after the possessive of the place it belongs to ("Germany's Angela
    Merkel", "Lebanon's Hezbollah"): the person or body of that name, when the KB ties it to
    that country; one tied elsewhere or nowhere is another ("Russia's Security Council" is not
    the UN's), no answer."""
    k = next(i for i, (_, possessive) in enumerate(m.cased) if possessive)
    words = [w for w, _ in m.cased]
    owner, rest = " ".join(words[:k + 1]), words[k + 1:]
    particles = lexicon.name_parts().surname_particles  # "Lula da Silva", "al-Assad"
    if not rest or not rest[0][:1].isupper() or not all(
            w[:1].isupper() or w.split("-")[0].casefold() in particles for w in rest):
        return []
    countries = frozenset(c for h in kb.lookup(lexicon.name_key(owner))
                          if getattr(kb.get(h.id), "type", "") in COUNTRY_TYPES
                          for c in country_of(kb, h.id))
    if not countries:
        return []
    return [c for c in _written_name(kb, rest, _OWNED_TYPES, f"{owner!r} names its country",
                                     _OWNED_NAME)  # the country tie makes a surname safe
            if country_of(kb, c.id) & countries]


_OWNED_NAME = _WRITTEN_NAME | {"surname"}  # "Germany's Merkel", "Syria's Assad"


def _country_body(kb: KnowledgeBase, m: lexicon.Mention) -> list[Candidate]:
    """A body described by its country and its kind in lower case ("Russia's central bank",
    "the Russian central bank", "Ukraine's parliament", "the U.S. central bank"): the body of
    that country one of whose names is the kind with the country's name or demonym ("Central
    Bank of Russia", "Ukrainian parliament")."""
    cased = m.cased[1:] if m.cased[0][0].casefold() == "the" else m.cased
    (word, possessive), rest = cased[0], [w for w, _ in cased[1:]]
    if not rest or not all(w.islower() for w in rest) or not word[:1].isupper():
        return []
    key = lexicon.name_key(word)
    country = kb.demonym(key) if not possessive else None
    if country is None:
        hits = kb.lookup(key) or (kb.lookup_acronym(word) if word.isupper() else [])
        found = {h.id for h in hits if getattr(kb.get(h.id), "type", "") == "country"}
        country = found.pop() if len(found) == 1 else None
    e = kb.get(country or "")
    if e is None:
        return []
    kind = " ".join(rest)
    keys = {lexicon.name_key(k) for form in (e.name, *e.aliases)
            for k in (f"{kind} of {form}", f"{form} {kind}")}
    keys |= {lexicon.name_key(f"{demonym} {kind}") for demonym in e.demonyms}
    bodies: dict[str, Candidate] = {}
    for h in (h for k in sorted(keys) for h in kb.lookup(k)):
        body = kb.get(h.id)
        if (h.method in ("exact", "alias") and body is not None and body.type in _BODY_TYPES
                and e.id in country_of(kb, h.id)):
            bodies.setdefault(h.id, Candidate(
                h.id, h.score * _AROUND, h.method,
                f"{m.text!r} describes {body.name!r}, the {kind} of {e.name}"))
    return list(bodies.values())


_BODY_TYPES = frozenset({"org", "gov"})


def _acting_for(kb: KnowledgeBase, m: lexicon.Mention) -> list[Candidate]:
    """A country, body or seat named through the people who act for it ("Saudi officials",
    "Chinese negotiators", "NATO diplomats"; data/context.yaml `representatives`): the words
    before the last, read as a name of anything but a person or a place inside a country."""
    words = [w for w, _ in m.cased[:-1]]
    if words and words[0].casefold() == "the":
        words = words[1:]
    if not words or not all(w[:1].isupper() for w in words):
        return []
    caps = "".join(words).replace(".", "")
    out = []
    for c in direct(kb, lexicon.name_key(" ".join(words)), caps if caps.isupper() else None):
        e = kb.get(c.id)
        if e is not None and e.type in _ACTING_TYPES:
            out.append(Candidate(c.id, c.score * _AROUND, c.method,
                                 f"{m.toks[-1]!r} act for it; {c.explain}"))
    return out


_ACTING_TYPES = frozenset({"country", "org", "gov"})
_AFTER_FIRST_WORD = re.compile(r"[^\w']+")


def _place_after_preposition(kb: KnowledgeBase, text: str, day: dt.date | None
                             ) -> list[Candidate]:
    """ "in Geneva", "at the Kremlin": the rest of the mention, read as a place."""
    parts = _AFTER_FIRST_WORD.split(text.strip(), maxsplit=1)
    if len(parts) < 2 or not parts[1]:
        return []
    preposition, rest = parts
    out = []
    for c in _all_candidates(kb, rest, day, None):
        e = kb.get(c.id)
        if e is not None and e.type in PLACE_TYPES:
            out.append(Candidate(c.id, c.score, c.method,
                                 f"preposition {preposition!r} read as a place; {c.explain}"))
    return out


def resolve_entity_candidates(
    mention: str,
    date: str | dt.date | None = None,
    context: str | None = None,
    kb: KnowledgeBase | None = None,
    types: Iterable[str] | None = None,
    limit: int | None = 5,
) -> list[EntityMatch]:
    """Ranked entities a mention may name (what `resolve_entity` chooses from)."""
    day = parse_date(date)
    if context is not None and not isinstance(context, str):
        raise TypeError(f"context: expected a string or None, got {type(context).__name__}")
    if mention is None:
        return []  # a missing value: no mention
    if not isinstance(mention, str):
        raise TypeError(f"mention: expected a string or None, got {type(mention).__name__}")
    kb = kb if kb is not None else KnowledgeBase.bundled()
    found = _all_candidates(kb, mention, day, context)
    if not found and context and (whole := _role_of_after(mention, context)):
        # "the secretary-general" of "the secretary-general of the United Nations called"
        found = [c for c in _all_candidates(kb, whole, day, context) if c.method == "role"]
    cands = _not_yet_held(kb, found, mention, day)
    cands = region_after_town(kb, cands, mention, context)
    cands = in_another_name(kb, named_otherwise(kb, cands, mention, context), mention, context)
    cands = _borne_by_many(kb, cands, mention, context, day)
    if types is not None:
        wanted = frozenset([types] if isinstance(types, str) else types)
        kept = []
        for c in cands:
            e = kb.get(c.id)
            if e is None:
                continue
            if e.type in wanted:
                kept.append(c)
                continue
            target = kb.stands_for(e.id)
            t = kb.get(target) if target else None
            if t is not None and t.type in wanted:
                kept.append(Candidate(t.id, c.score * 0.95, "metonymy",
                                      f"{c.explain}; as a {t.type} it stands for {t.name}"))
        cands = kept
    ranked = rank(cands)
    # tie breakers, in order, each tried while the first two are still within the margin
    breakers = (
        (context, lambda r: role_in_apposition(kb, r, mention, context, day)),
        (context, lambda r: context_bonus(kb, r, context)),
        (context, lambda r: _in_country_named(kb, r, context)),
        (context, lambda r: _in_office_in_year_named(kb, r, context)),
        (day, lambda r: _in_office_on(kb, r, day)),
        (day, lambda r: _known_by_surname(kb, r, day)),
    )
    for needed, breaker in breakers:
        if needed and len(ranked) > 1 and len(_tied(ranked)) > 1:
            ranked = rank(breaker(ranked))
    ranked = _outer_of_nested_tie(kb, ranked)
    out = []
    for c in ranked[:limit] if limit is not None else ranked:
        e = kb.get(c.id)
        if e is None:
            continue
        out.append(EntityMatch(e.id, e.name, e.type, round(c.score, 4), c.method, c.explain,
                               mention))
    return out


def _not_yet_held(kb: KnowledgeBase, cands: list[Candidate], mention: str,
                  day: dt.date | None) -> list[Candidate]:
    """`cands` without the events found by a name alone (no year, no number, no "this year's")
    that begin more than EVENT_AHEAD after the article: "the Geneva summit" in 1985 and "the
    pandemic" in 2010 are other events than the KB's of 2021 and 2020."""
    if day is None or any(ch.isdigit() for ch in mention):
        return cands
    return [c for c in cands if c.method.startswith("event-") or (e := kb.get(c.id)) is None
            or e.type != "event" or e.start is None or e.start <= day + EVENT_AHEAD]


_SURNAME_ALONE = frozenset({"surname", "title"})  # "Johnson", "Johnson's", "Mr Lai"
NEAR_TERM = dt.timedelta(days=365)  # an office held this near the date ties a common surname


def _borne_by_many(kb: KnowledgeBase, cands: list[Candidate], mention: str,
                   context: str | None, day: dt.date | None) -> list[Candidate]:
    """The candidates left when a lone surname, bare or after a form of address ("Mr", "Judge"),
    may name someone else than a KB person who bears it and held an office (data/names.yaml,
    beside `common_surnames`). A wrong merge is worse than no answer."""
    if day is None or not any(c.method in _SURNAME_ALONE for c in cands):
        return cands
    *lead, last = lexicon.name_key(mention).split() or [""]
    if any((w,) not in lexicon.titles() for w in lead):
        return cands
    parts = lexicon.name_parts()
    common = last in parts.common_surnames
    rest = re.sub(re.escape(mention), " ", context or "", flags=re.IGNORECASE)  # its own name
    words = lexicon.tokens(rest) if common else []
    named: frozenset[str] | None = None  # ties nothing
    kept = []
    for c in cands:
        e = kb.get(c.id)
        if c.method not in _SURNAME_ALONE or e is None or e.type != "person" or not e.roles:
            kept.append(c)
            continue
        if not common or any(r.active_on(day) for r in e.roles) or _office_named(e, words):
            kept.append(c)
            continue
        if not any(_known_by_surname_alone(r) or (r.start is None or r.start <= day + NEAR_TERM)
                   and (r.end is None or day - NEAR_TERM <= r.end) for r in e.roles):
            continue  # "Johnson" (2023) is no US secretary of 2013-2017
        if named is None:
            named = countries_named(kb, rest)
        if country_of(kb, c.id) & named:
            kept.append(c)
    return kept


def _known_by_surname_alone(role: Role) -> bool:
    """Whether the press names the holders of this office by surname alone (data/names.yaml
    `known_by_surname`: presidents, prime ministers, foreign ministers...)."""
    return lexicon.roles().role_class(role.role) in lexicon.name_parts().known_by_surname


def _office_named(person: Entity, words: list[str]) -> bool:
    """Whether the sentence (its tokens) names an office the person held: a phrase of its role
    class ("foreign minister", "top diplomat") or the words of its title that are no mere
    office noun ("homeland security" of "Secretary of Homeland Security")."""
    if not words:
        return False
    joined = f" {' '.join(words)} "
    present = set(words)
    roles = lexicon.roles()
    nouns = lexicon.name_parts().office_nouns
    for r in person.roles:
        cls = roles.role_class(r.role)
        if any(f" {' '.join(p)} " in joined for p in _class_phrases().get(cls, ())):
            return True
        own = set(lexicon.tokens(r.role)) - nouns - lexicon.JOINING
        if own and own <= present:
            return True
    return False


@lru_cache(maxsize=1)
def _class_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases news text names each role class by alone (data/roles.yaml), by class: not
    one several classes share ("leader"), nor a short one ("pm" of "10 p.m.")."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase, classes in lexicon.roles().phrases.items():
        if len(classes) == 1 and len(" ".join(phrase)) > 4:
            out.setdefault(classes[0], []).append(phrase)
    return {cls: tuple(phrases) for cls, phrases in out.items()}


def _tied(ranked: list[Candidate]) -> list[Candidate]:
    """The candidates within the margin of the first: the ones `decide` cannot tell apart."""
    return [c for c in ranked if ranked[0].score - c.score < MARGIN - 1e-9]


def _ahead(ranked: list[Candidate], chosen: Candidate, why: str) -> list[Candidate]:
    """`ranked` with `chosen` first and the others a margin back (a lift could not pass a score
    of 1.0), `why` added to its explanation."""
    return [chosen._replace(explain=f"{chosen.explain}; {why}"),
            *(o._replace(score=o.score - MARGIN) for o in ranked if o.id != chosen.id)]


def _in_country_named(kb: KnowledgeBase, ranked: list[Candidate], context: str
                      ) -> list[Candidate]:
    """Tied places of one name: the one in the only country of theirs that the sentence names
    comes first ("Pakistan's Punjab province", "the Indian state of Punjab")."""
    top = _tied(ranked)
    if any((e := kb.get(c.id)) is None or e.type not in PLACE_TYPES for c in top):
        return ranked
    named = countries_named(kb, context)
    inside = [c for c in top if country_of(kb, c.id) & named]
    if len(inside) != 1:
        return ranked
    return _ahead(ranked, inside[0], "in the country its sentence names")


def _in_office_in_year_named(kb: KnowledgeBase, ranked: list[Candidate], context: str
                             ) -> list[Candidate]:
    """Tied holders of a role: the only one in that office in a year the sentence names comes
    first ("Britain's former prime minister ... the 2003 invasion of Iraq" is Blair)."""
    top = _tied(ranked)
    years = {int(y) for y in _YEAR_NAMED.findall(context)}
    if not years or any(c.method != "role" for c in top):
        return ranked
    inside = [c for c in top if (e := kb.get(c.id)) is not None and any(
        (r.start is None or r.start.year <= y) and (r.end is None or y <= r.end.year)
        for r in e.roles for y in years)]
    if len(inside) != 1:
        return ranked
    return _ahead(ranked, inside[0], "in office in a year the sentence names")


_SHARED_NAME = frozenset({"surname", "title", "variant", "fuzzy"})  # ways people share a mention


def _in_office_on(kb: KnowledgeBase, ranked: list[Candidate], day: dt.date) -> list[Candidate]:
    """Tied people named by a shared surname, or by a typo as near to each's: the one holding
    an office on the article's date comes first ("Clinton" in 2010 is the secretary of state,
    "Kim" in 2018 the North Korean leader, "Secretary Rice" in 2006 Condoleezza Rice, "Guterrez"
    in 2022 the UN's Guterres). Two in office, or none: still tied."""
    top = _tied(ranked)
    if any(c.method not in _SHARED_NAME for c in top):
        return ranked
    serving = [c for c in top if (e := kb.get(c.id)) is not None and e.type == "person"
               and any(r.active_on(day) for r in e.roles)]
    if len(serving) != 1:
        return ranked
    c = serving[0]
    return [Candidate(c.id, min(1.0, c.score + MARGIN), c.method,
                      f"{c.explain}; the one in office on {day}"), *ranked]


def _known_by_surname(kb: KnowledgeBase, ranked: list[Candidate], day: dt.date
                      ) -> list[Candidate]:
    """Tied people named by a shared surname, of whom those in office on the date if any are:
    the only one who held, or was to hold, an office the press names its holders by surname
    alone (data/names.yaml `known_by_surname`) comes first ("Blair" is Tony Blair, not the
    intelligence director; "Mr Johnson" in July 2016 the foreign secretary, not the homeland
    security secretary)."""
    top = _tied(ranked)
    if any(c.method not in _SHARED_NAME for c in top):
        return ranked
    people = [(c, e) for c in top if (e := kb.get(c.id)) is not None and e.type == "person"]
    serving = [(c, e) for c, e in people if any(r.active_on(day) for r in e.roles)]
    known = [c for c, e in serving or people if any(map(_known_by_surname_alone, e.roles))]
    if len(known) != 1:
        return ranked
    return _ahead(ranked, known[0], "the one known by surname alone")


def _outer_of_nested_tie(kb: KnowledgeBase, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` with the outer of two tied places first when one lies inside the other (the
    city-state "Singapore": the city and the country): naming either, the mention is true of
    the country, and a vaguer answer refines where a wrong precise one would conflict."""
    if len(ranked) < 2 or ranked[0].score - ranked[1].score >= MARGIN - 1e-9 or (
            len(ranked) > 2 and ranked[0].score - ranked[2].score < MARGIN - 1e-9):
        return ranked
    first, second = ranked[0], ranked[1]
    if kb.contains(first.id, second.id):
        outer = first
    elif kb.contains(second.id, first.id):
        outer = second
    else:
        return ranked
    inner = second if outer is first else first
    inner_entity = kb.get(inner.id)
    name = inner_entity.name if inner_entity else inner.id
    top = max(first.score, second.score)
    lifted = Candidate(outer.id, top, outer.method,
                       f"{outer.explain}; it holds {name} of the same name")
    return [lifted, inner._replace(score=top - MARGIN), *ranked[2:]]


def resolve_entity(
    mention: str,
    date: str | dt.date | None = None,
    context: str | None = None,
    kb: KnowledgeBase | None = None,
    types: Iterable[str] | None = None,
) -> EntityMatch | None:
    """The knowledge-base entity a mention names, or None when unknown or ambiguous."""
    return decide(resolve_entity_candidates(mention, date, context, kb, types, limit=2))


def national_side(
    mention: str,
    date: str | dt.date | None = None,
    context: str | None = None,
    kb: KnowledgeBase | None = None,
) -> EntityMatch | None:
    """The country whose side the mention names in a match in its sentence ("Argentina beat
    France 4-2 in the final"), which `resolve_entity` leaves unlinked (a team is no country),
    for callers that group a side's claims with its country's; else None."""
    if not context or not isinstance(mention, str):
        return None
    kb = kb if kb is not None else KnowledgeBase.bundled()
    sides = [c for c in _all_candidates(kb, mention, parse_date(date), context)
             if side_in_match(kb, c.id, c.method, mention, context)]
    e = kb.get(sides[0].id) if len({c.id for c in sides}) == 1 else None
    if e is None:
        return None
    return EntityMatch(e.id, e.name, e.type, round(sides[0].score, 4), sides[0].method,
                       f"{sides[0].explain}; the side of {e.name} in a match", mention)


def resolve_entities(
    mentions: Iterable[str],
    dates: Iterable[str | dt.date | None] | None = None,
    contexts: Iterable[str | None] | None = None,
    kb: KnowledgeBase | None = None,
) -> list[EntityMatch | None]:
    """`resolve_entity` over many mentions, in order; repeated inputs are resolved once."""
    kb = kb if kb is not None else KnowledgeBase.bundled()
    mentions = list(mentions)
    dates_l = list(dates) if dates is not None else [None] * len(mentions)
    contexts_l = list(contexts) if contexts is not None else [None] * len(mentions)
    if len(dates_l) != len(mentions) or len(contexts_l) != len(mentions):
        raise ValueError("dates/contexts: must have one item per mention")
    memo: dict[tuple[Any, ...], EntityMatch | None] = {}
    days: dict[Any, dt.date | None] = {}
    out = []
    for mention, date, context in zip(mentions, dates_l, contexts_l, strict=True):
        try:
            day = days[date]
        except KeyError:
            day = days[date] = parse_date(date, "dates")
        except TypeError:  # unhashable: parse_date names the argument
            day = parse_date(date, "dates")
        key = (mention, day, context)
        if key not in memo:
            memo[key] = resolve_entity(mention, day, context, kb)
        out.append(memo[key])
    return out
