"""Title and role stages: titles stripped in front of a name and checked against the KB's
roles, the holder of a role on a date, counterparts, possessors ("Biden's national security
adviser"), fields of a qualifier ("the Russian capital") and appositions."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from normalize.entities import lexicon
from normalize.entities.context import TOWN_TYPES, find_tokens, persons_in, regions_named
from normalize.entities.kb import QUALIFIER_TYPES, Entity, KnowledgeBase, Role
from normalize.entities.match import MARGIN, Candidate, rank
from normalize.entities.names import name_candidates
from normalize.text import fold


@dataclass(frozen=True)
class TitleParse:
    """What stands in front of a name: time modifier, qualifier (country/org), role classes,
    honorific; `rest` is what is left (the name, or nothing for a bare role phrase)."""

    modifier: str | None
    qualifier: str | None
    classes: tuple[str, ...]
    gender: str | None
    title: str
    rest: tuple[str, ...]
    role_words: tuple[str, ...] = ()  # the role phrase as written ("secretary of state")
    field: str | None = None  # "capital": the phrase names this field of the qualifier
    places: frozenset[str] = frozenset()  # the KB types of place the title stands before


def _qualifiers(kb: KnowledgeBase, toks: Sequence[str], i: int, caps: frozenset[str]
                ) -> list[tuple[str, int, bool]]:
    """Countries/organisations named at toks[i:], longest first: (id, tokens used, demonym?)."""
    if i >= len(toks) or (not kb.may_qualify(toks[i]) and toks[i].upper() not in caps):
        return []
    out = []
    for n in range(min(4, len(toks) - i), 0, -1):
        key = " ".join(toks[i:i + n])
        demonym = kb.demonym(key)
        if demonym:
            out.append((demonym, n, True))
            continue
        hits = list(kb.lookup(key))
        if n == 1 and key.upper() in caps:
            hits += kb.lookup_acronym(key.upper())
        best: dict[str, float] = {}
        for h in hits:
            e = kb.get(h.id)
            if e is None or e.type not in QUALIFIER_TYPES or h.method == "surname":
                continue
            target = e.seat_of if e.type == "gov" and e.seat_of else e.id
            best[target] = max(best.get(target, 0.0), h.score)
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= MARGIN):
            out.append((ranked[0][0], n, False))
    return out


def _qualifier(kb: KnowledgeBase, toks: Sequence[str], i: int, caps: frozenset[str]
               ) -> tuple[str, int, bool] | None:
    """The longest country/organisation named at toks[i:]."""
    found = _qualifiers(kb, toks, i, caps)
    return found[0] if found else None


def _role_phrase(kb: KnowledgeBase, toks: Sequence[str], i: int
                 ) -> tuple[tuple[str, ...], int] | None:
    """The longest role phrase at toks[i:] -> (its classes, tokens used)."""
    if not kb.may_start_role(toks[i]):
        return None
    for n in range(min(kb.max_role_phrase, len(toks) - i), 0, -1):
        classes = kb.role_phrase(tuple(toks[i:i + n]))
        if classes:
            return classes, n
    return None


def _title_phrase(toks: Sequence[str], i: int) -> tuple[lexicon.Title, int] | None:
    """The longest title or honorific at toks[i:] -> (it, tokens used)."""
    table = lexicon.titles()
    if toks[i] not in lexicon.title_starts():
        return None
    for n in range(min(3, len(toks) - i), 0, -1):
        title = table.get(tuple(toks[i:i + n]))
        if title:
            return title, n
    return None


_MAX_DESCRIBED = 3  # words of description before a place's title ("the southern Indian state")


def _place_title_ahead(kb: KnowledgeBase, toks: Sequence[str], i: int) -> bool:
    """Whether a place's title stands within the next few words after toks[i], with at most
    words of description or a country's name between ("Pacific | nation of", "southern |
    Indian | state of"), and a name after it."""
    for j in range(i + 1, min(i + 1 + _MAX_DESCRIBED, len(toks))):
        title = _title_phrase(toks, j)
        if title is not None:
            return bool(title[0].places) and j + title[1] < len(toks)
        if _role_phrase(kb, toks, j) or toks[j] in ("of", "the", "and"):
            return False
    return False


def parse_title(kb: KnowledgeBase, toks: Sequence[str], caps: frozenset[str] = frozenset()
                ) -> TitleParse | None:
    """Stage 4: split "the former Russian Foreign Minister Sergei Lavrov" into modifier, qualifier,
    role classes and the rest; None when nothing title-like stands in front."""
    lex = lexicon.roles()
    i = 1 if toks and toks[0] == "the" else 0
    modifier = qualifier = gender = None
    classes: tuple[str, ...] = ()
    role_words: tuple[str, ...] = ()
    used: list[str] = []
    consumed = subordinate = False
    places: frozenset[str] = frozenset()
    described = 0  # words that describe a place before its title ("the Pacific nation of")
    field: str | None = None
    while i < len(toks):
        tok = toks[i]
        if modifier is None and tok in lex.time_modifiers and i + 1 < len(toks):
            modifier = lex.time_modifiers[tok]
            used.append(tok)
            i += 1
            continue
        role = None if classes else _role_phrase(kb, toks, i)
        title = _title_phrase(toks, i)
        if role and (title is None or role[1] >= title[1]):
            classes, n = role
            role_words = tuple(toks[i:i + n])
            used.extend(toks[i:i + n])
            i += n
            consumed = True
            for after, when in lex.modifiers_after.items():  # "president-elect"
                if modifier is None and tuple(toks[i:i + len(after)]) == after:
                    modifier = when
                    used.extend(after)
                    i += len(after)
                    break
            continue
        if title:
            gender = gender or title[0].gender
            subordinate = subordinate or title[0].subordinate
            places = places or title[0].places
            field = title[0].field
            used.extend(toks[i:i + title[1]])
            i += title[1]
            consumed = True
            continue
        if qualifier is None and not classes:
            # best reading: a role phrase follows ("Russia's | foreign ministry spokesperson"),
            # then any title, then a bare demonym ("the Russian | Vladimir Putin")
            ranked = []
            for q_id, n, is_demonym in _qualifiers(kb, toks, i, caps):
                nxt = i + n
                if nxt < len(toks) and _role_phrase(kb, toks, nxt):
                    rank = 0
                elif nxt < len(toks) and (_title_phrase(toks, nxt)
                                          or toks[nxt] in lex.time_modifiers):
                    rank = 1
                elif is_demonym:
                    rank = 2
                else:
                    continue
                ranked.append((rank, -n, q_id, nxt))
            chosen = min(ranked)[2:] if ranked else None
            if chosen:
                qualifier = chosen[0]
                used.extend(toks[i:chosen[1]])
                i = chosen[1]
                consumed = True
                continue
        if not consumed and described < _MAX_DESCRIBED and _place_title_ahead(kb, toks, i):
            used.append(tok)  # "the Gulf state of Qatar", "the former Soviet republic of"
            described += 1
            i += 1
            continue
        break
    rest = tuple(toks[i:])
    if classes and qualifier is None and "of" in rest:
        # "the president of Russia", "President Vladimir Putin of Russia"
        at = len(rest) - 1 - rest[::-1].index("of")
        start = at + 2 if rest[at + 1:at + 2] == ("the",) else at + 1
        qual = _qualifier(kb, rest, start, caps) if start < len(rest) else None
        if qual and start + qual[1] == len(rest):
            qualifier = qual[0]
            used.extend(rest[at:])
            rest = rest[:at]
    if classes and qualifier is None and role_words[-1:] == ("of",) and rest:
        # "the head of the U.N.": the role phrase ends in "of", the rest is what it heads
        start = 1 if rest[0] == "the" else 0
        qual = _qualifier(kb, rest, start, caps) if start < len(rest) else None
        if qual and start + qual[1] == len(rest):
            qualifier = qual[0]
            used.extend(rest)
            rest = ()
    if qualifier is None and classes:  # "the Pentagon chief"
        qualifier = lex.phrase_countries.get(role_words)
    if subordinate:  # "Deputy Foreign Minister X" says nothing about the Foreign Minister
        classes = role_words = ()
    if not consumed or (not classes and not rest and not (field and qualifier)):
        return None
    return TitleParse(modifier, qualifier, classes, gender, " ".join(used), rest, role_words,
                      field if not rest else None, places)


def _role_class(role: Role) -> str:
    """The role class of one term of office."""
    return lexicon.roles().role_class(role.role)


def _fitting_roles(entity: Entity, parse: TitleParse, day: dt.date | None) -> list[Role]:
    """The entity's terms that fit the parsed title (class, qualifier, "former")."""
    out = []
    for role in entity.roles:
        if _role_class(role) not in parse.classes:
            continue
        if parse.qualifier and role.of != parse.qualifier:
            continue
        if parse.modifier == "before" and day and (role.end is None or role.end >= day):
            continue
        if parse.modifier == "next" and day and (role.start is None or role.start <= day):
            continue  # "President-elect Joe Biden": a term that begins after the date
        out.append(role)
    return out


FIT_ACTIVE, FIT_FORMER, FIT_LATER = 0.1, 0.02, -0.1  # a title's fit by the term's dates


def _title_fit(kb: KnowledgeBase, entity: Entity, parse: TitleParse, day: dt.date | None
               ) -> tuple[float, str]:
    """How well the stripped title agrees with what the KB knows of the entity."""
    adjust, notes = 0.0, []
    if parse.classes:
        fitting = _fitting_roles(entity, parse, day)
        if fitting:
            active = [r for r in fitting if day is None or r.active_on(day)
                      or parse.modifier == "next"]
            earlier = [r for r in fitting if day and r.end and r.end < day]
            # the holder on the day; else a former holder ("President Obama" in 2020) well
            # behind a holder of that day who shares the surname; one who took office only
            # later does not fit ("Premier Li" in 2015 is not Li Qiang)
            adjust += FIT_ACTIVE if active else FIT_FORMER if earlier else FIT_LATER
            r = max(active or fitting, key=lambda r: r.start or dt.date.min)
            notes.append(f"the KB has {r.role}{' of ' + r.of if r.of else ''}"
                         f" {r.start or '?'}..{r.end or 'now'}")
        elif entity.roles:
            adjust -= 0.3
            notes.append(f"but the KB has no {'/'.join(parse.classes)} role for it")
    elif parse.qualifier and entity.located_in:  # "the Swiss city of Geneva"
        if kb.contains(parse.qualifier, entity.id):
            adjust += 0.1
            notes.append(f"inside {parse.qualifier} in the KB")
        else:
            adjust -= 0.3
            notes.append(f"but the KB does not place it inside {parse.qualifier}")
    elif parse.qualifier:
        linked = {entity.nationality, *(r.of for r in entity.roles)} - {None}
        if parse.qualifier in linked:
            adjust += 0.1
            notes.append(f"tied to {parse.qualifier} in the KB")
        elif linked:
            adjust -= 0.3
            notes.append(f"but the KB ties it to {', '.join(sorted(linked))}")
    if parse.gender and entity.gender:
        adjust += 0.02 if parse.gender == entity.gender else -0.1
    return adjust, "; ".join(notes)


def _foreign_to_qualifier(kb: KnowledgeBase, entity: Entity, parse: TitleParse) -> bool:
    """True for a place or body that a bare country qualifier in front of it ("Russian ...")
    does not fit: the KB neither places it in that country nor makes it its seat. Persons
    are only scored down (their nationality is often missing from a KB)."""
    q = parse.qualifier
    if not q or parse.classes or entity.type == "person" or entity.id == q:
        return False
    return not (kb.contains(q, entity.id) or entity.seat_of == q)


def titled(kb: KnowledgeBase, parse: TitleParse, day: dt.date | None,
           caps: str | None = None) -> list[Candidate]:
    """Stage 4: resolve the name after a title, then check the title against the KB's roles."""
    key = " ".join(parse.rest)
    out = []
    for c in name_candidates(kb, key, caps):
        entity = kb.get(c.id)
        if entity is None or (parse.gender and entity.gender and parse.gender != entity.gender):
            continue  # "Mrs. Biden" is not Joe Biden
        if _foreign_to_qualifier(kb, entity, parse):
            continue  # "Russian" + the UN Security Council: another, unknown body is meant
        if parse.places and entity.type not in parse.places:
            continue  # a place's title before such a place: "the city of Kyiv", not "the state
            # of Georgia" for the country
        if (not parse.places and (parse.classes or parse.gender or parse.qualifier is None)
                and entity.type != "person"):
            continue  # a person's title: "Lord Salisbury" is no city, "Chancellor X" no country,
            # "Liberal Democrats" no "Democrats" (a party label stands before a person's name)
        adjust, note = _title_fit(kb, entity, parse, day)
        if c.method == "surname" and adjust <= -0.3:
            continue  # "King Philippe" is not Edouard Philippe: a surname and a role he never held
        explain = f"title {parse.title!r} stripped; {c.explain}" + (f"; {note}" if note else "")
        method = "title" if c.method in ("exact", "alias", "variant", "surname") else c.method
        out.append(Candidate(c.id, max(0.0, min(1.0, c.score + adjust)), method, explain))
    return out or _given_name_holder(kb, parse, day)


def _given_name_holder(kb: KnowledgeBase, parse: TitleParse, day: dt.date | None
                       ) -> list[Candidate]:
    """A monarch or prince named by a country's title and a given name, as news names them
    ("Saudi King Abdullah", "Saudi Arabia's King Salman"): the one holder of that country's
    role whose name opens with that word. Without the country ("King Abdullah") another
    country's namesake may be meant, one the knowledge base may not hold: no answer."""
    if parse.qualifier is None or len(parse.rest) != 1 or not parse.classes:
        return []
    found = {e.id: (e, r) for cls in parse.classes for e, r in kb.holders(cls)
             if r.of == parse.qualifier and (day is None or r.start is None or r.start <= day)
             and lexicon.tokens(e.name)[:1] == [parse.rest[0]]}
    if len(found) != 1:
        return []
    e, r = next(iter(found.values()))
    return [Candidate(e.id, 0.9, "title", f"{parse.title!r} and the given name "
                      f"{parse.rest[0]!r}: {e.name} held {r.role} of {r.of} from "
                      f"{r.start or '?'} to {r.end or 'now'}")]


def _of_forms(written: str, role: str) -> tuple[str, ...]:
    """The KB title itself when it is the written title plus "of <somewhere>" ("President of
    France" for "president"), so that such a title counts as written."""
    key = lexicon.name_key(role)
    return (key,) if key.startswith(written + " of ") else ()


def title_as_written(role: Role, parse: TitleParse) -> bool:
    """Whether the mention writes the term's own KB title ("the Secretary of State", "the
    crown prince"), not only a phrase of its class ("the top diplomat")."""
    written = " ".join(parse.role_words)
    return lexicon.name_key(role.role) in (written, *_of_forms(written, role.role))


def _of_qualifier(kb: KnowledgeBase, role: Role, qualifier: str | None) -> bool:
    """Whether a term is of the qualifier: held of it, or its title names it ("President of the
    European Commission" held of the EU is "the European Commission chief"), or held of the
    country whose capital the qualifier is ("Berlin's top diplomat": Germany's)."""
    if qualifier is None or role.of == qualifier or kb.capital_of(qualifier) == role.of:
        return True
    q = kb.get(qualifier)
    return q is not None and q.type == "org" and f" {lexicon.name_key(q.name)}" in (
        f" {lexicon.name_key(role.role)}")


def _terms(kb: KnowledgeBase, parse: TitleParse, exclude: str | None = None
           ) -> list[tuple[Entity, Role]]:
    """Every term of the role a parse names, of its country and gender, by whom."""
    entries = [(e, r) for cls in parse.classes for e, r in kb.holders(cls)
               if _of_qualifier(kb, r, parse.qualifier) and e.id != exclude
               and not (parse.gender and e.gender and e.gender != parse.gender)]
    # A country's own title ("Secretary of State") names its holders, not the whole class.
    exact = [(e, r) for e, r in entries if title_as_written(r, parse)]
    return exact or entries


def departed(kb: KnowledgeBase, parse: TitleParse, day: dt.date) -> list[Candidate]:
    """The holders of a role whose term ended at most data/roles.yaml `departure: within_days`
    before `day` and who no longer hold it ("Trump fired the FBI director", written the day
    after: not the acting director named that day)."""
    return _former_holders(_terms(kb, parse), day, f"{parse.title!r} on {day}",
                           since=day - lexicon.roles().departure_within)


def _former_holders(entries: list[tuple[Entity, Role]], day: dt.date | None, label: str,
                    since: dt.date | None = None) -> list[Candidate]:
    """The holders whose term ended before `day` (not since `since`, when given) and who do not
    hold the role on it, the latest first."""
    active = {e.id for e, r in entries if r.active_on(day)}
    past = [(e, r) for e, r in entries if r.end is not None and e.id not in active
            and (day is None or r.end < day) and (since is None or r.end >= since)]
    out: dict[str, Candidate] = {}
    for e, r in sorted(past, key=lambda er: er[1].end or dt.date.min, reverse=True):
        out.setdefault(e.id, Candidate(e.id, 0.9, "role", f"{label}: {e.name} was {r.role}"
                                       f"{' of ' + r.of if r.of else ''} until {r.end}"))
    return list(out.values())


def role_at_time(kb: KnowledgeBase, parse: TitleParse, day: dt.date | None,
                 exclude: str | None = None, fallback: bool = True) -> list[Candidate]:
    """Stage 5: the holder of a role ("the Russian president", "the former president") on `day`;
    with no day, the current holder (a term with no end). A gendered title excludes a holder of
    the other gender ("Madam President" is not Steinmeier)."""
    entries = _terms(kb, parse, exclude)
    label = f"{parse.title!r}" + (f" on {day}" if day else " (no date: current holder)")
    if parse.modifier == "dead":
        return _late_holders(entries, day, label)
    if parse.modifier == "next":
        return _next_holder(entries, day, label, parse.qualifier is not None)
    if parse.modifier == "recent" and day is not None:
        # "the new prime minister": one whose term began within NEW_WITHIN; before a handover,
        # the one in office is not meant, and the one to come is not known yet
        entries = [(e, r) for e, r in entries
                   if r.start is not None and day - NEW_WITHIN <= r.start <= day]
    if parse.modifier == "before":
        # every earlier holder alike: "Germany's former chancellor" in 2022 is Schroeder as
        # often as Merkel, so none is chosen unless the sentence dates the term it speaks of
        return _former_holders(entries, day, label)
    order = list(parse.classes)
    preferred = lexicon.roles().leader_by_country.get(parse.qualifier or "")
    if len(order) > 1 and preferred in order:
        order.remove(preferred)
        order.insert(0, preferred)
    for cls in order:
        out: dict[str, Candidate] = {}
        for e, r in entries:
            if _role_class(r) == cls and r.active_on(day) and e.id not in out:
                out[e.id] = Candidate(e.id, 0.9, "role",
                                      f"{label}: {e.name} held {r.role}"
                                      f"{' of ' + r.of if r.of else ''} from {r.start or '?'}"
                                      f" to {r.end or 'now'}")
        if out:
            return list(out.values())
    others = tuple(f for c in parse.classes for f in lexicon.roles().class_fallback.get(c, ()))
    if fallback and parse.qualifier and parse.modifier in (None, "at", "recent"):
        # "the Israeli premier": Israel has no premier; its head of government is the prime
        # minister (data/roles.yaml class_fallback, in its order)
        for cls in others:
            got = role_at_time(kb, replace(parse, classes=(cls,), role_words=()), day,
                               exclude, fallback=False)
            if got:
                return [Candidate(c.id, c.score, c.method,
                                  f"{parse.title!r} read as {cls}: {c.explain}") for c in got]
    return []


# How long a holder is "the new prime minister" after the term began.
NEW_WITHIN = dt.timedelta(days=183)
# How far ahead of the date a "-elect" or "-designate" holder's term may begin.
NEXT_TERM_WITHIN = dt.timedelta(days=183)


def _next_holder(entries: list[tuple[Entity, Role]], day: dt.date | None, label: str,
                 qualified: bool) -> list[Candidate]:
    """ "Brazil's president-elect": the holder whose term begins after `day` (within half a
    year), the soonest, who does not hold that office on `day` already and is not standing in
    (an acting term is no election); no country named, the only such holder. No date, none."""
    if day is None:
        return []
    ahead = [(r.start, e, r) for e, r in entries if r.start is not None and not r.acting
             and day < r.start <= day + NEXT_TERM_WITHIN and not r.active_on(day)]
    if not ahead or not qualified and len({e.id for _, e, _ in ahead}) > 1:
        return []
    first = min(start for start, _, _ in ahead)
    return [Candidate(e.id, 0.9, "role", f"{label}: {e.name} took office as {r.role}"
                      f"{' of ' + r.of if r.of else ''} on {r.start}")
            for start, e, r in ahead if start == first]


# A holder who died after leaving office is still "the late <title>" this long after the death;
# one who died in office, whenever ("the late queen" in 2030 is Elizabeth II).
LATE_WITHIN = dt.timedelta(days=366)
# A term that ended this close to the death ended with it (KBs date the end a day either side).
DIED_IN_OFFICE = dt.timedelta(days=3)


def _late_holders(entries: list[tuple[Entity, Role]], day: dt.date | None, label: str
                  ) -> list[Candidate]:
    """"The late queen", "Iran's late president": of each country, the holder who died last
    by `day`, if the death ended the term or came within LATE_WITHIN of `day`. The KB records
    deaths in `died`; a holder without one is taken to be alive."""
    last: dict[str | None, tuple[dt.date, Entity, Role]] = {}
    for e, r in entries:
        died = e.died
        if died is None or day is not None and died > day:
            continue
        in_office = r.end is None or abs(r.end - died) <= DIED_IN_OFFICE
        if not in_office and (day is None or day - died > LATE_WITHIN):
            continue
        if r.of not in last or died > last[r.of][0]:
            last[r.of] = (died, e, r)
    out: dict[str, Candidate] = {}  # one per person: Elizabeth II was queen of several
    for died, e, r in last.values():
        out.setdefault(e.id, Candidate(e.id, 0.9, "role", f"{label}: {e.name} was {r.role}"
                                       f"{' of ' + r.of if r.of else ''} and died on {died}"))
    return list(out.values())


# ----------------------------------------------------------------------------- context


def counterpart(kb: KnowledgeBase, toks: Sequence[str], day: dt.date | None,
                context: str | None) -> list[Candidate] | None:
    """Stage 6: "his Russian counterpart" -> the holder, in that country and on that day, of the
    role the subject (named before it, or the person in `context`) holds. None when the mention
    is not a counterpart phrase."""
    lex = lexicon.roles()
    n = next((len(w) for w in lex.counterpart_words if tuple(toks[-len(w):]) == w), 0)
    if not n:
        return None
    head = list(toks[:-n])
    if head and head[0] == "the":
        head = head[1:]
    target = None
    for j in range(len(head)):
        qual = _qualifier(kb, head, j, frozenset(t.upper() for t in head))
        if qual and j + qual[1] == len(head):
            target, head = qual[0], head[:j]
            break
    subjects: list[str] = []
    everyone: list[str] = []
    gender = None
    ctx = [t.casefold() for t, _ in lexicon.cased_tokens(context)] if context else []
    at = find_tokens(ctx, list(toks)) if ctx else -1  # where the mention stands
    if not head and at > 0 and ctx[at - 1] in lex.pronouns:
        head = [ctx[at - 1]]  # "Russian counterpart" cut from "his Russian counterpart"
    if len(head) == 1 and head[0] in lex.pronouns:
        gender = lex.pronouns[head[0]]
        if context:
            found = persons_in(kb, context)
            everyone = list(dict.fromkeys(pid for _, pid in found))
            if at >= 0:
                found = sorted((p for p in found if p[0] < at), key=lambda p: -p[0])
            subjects = list(dict.fromkeys(pid for _, pid in found))
    elif head:
        subjects = [c.id for c in name_candidates(kb, " ".join(head))][:1]
        everyone = [p for _, p in persons_in(kb, context)] if context else []
    if target is None:
        return _counterpart_in_context(kb, subjects, everyone, gender, day)
    for sid in subjects:
        subject = kb.get(sid)
        if subject is None or (gender and subject.gender and subject.gender != gender):
            continue
        if subject.nationality == target or any(r.of == target for r in subject.roles):
            continue
        own = [r for r in subject.roles if r.active_on(day)] or (
            [] if day else list(subject.roles))
        for role in own:
            cls = _role_class(role)
            for try_cls in (cls, *lex.fallback.get(cls, ())):
                holders = {e.id: (e, r) for e, r in kb.holders(try_cls)
                           if r.of == target and r.active_on(day) and e.id != sid}
                if len(holders) == 1:
                    (e, r), = holders.values()
                    return [Candidate(e.id, 0.85, "counterpart",
                                      f"{subject.name} is {role.role} of {role.of}"
                                      f"{' on ' + str(day) if day else ''}; the {r.role} of"
                                      f" {target} then is {e.name}")]
                if holders:
                    return [Candidate(e.id, 0.6, "counterpart",
                                      f"one of several {try_cls} holders of {target}")
                            for e, _ in holders.values()]
        return []
    return []


def _counterpart_in_context(kb: KnowledgeBase, subjects: Sequence[str], everyone: Sequence[str],
                            gender: str | None, day: dt.date | None) -> list[Candidate]:
    """"his counterpart" with no country: the one other person named in the context who holds
    the subject's role class, in another country, on `day`."""
    for sid in subjects:
        subject = kb.get(sid)
        if subject is None or (gender and subject.gender and subject.gender != gender):
            continue
        own = {(_role_class(r), r.of) for r in subject.roles if r.active_on(day)}
        if not own:
            return []
        classes = {cls for cls, _ in own}
        countries = {of for _, of in own} | {subject.nationality}
        found = {}
        for pid in everyone:
            other = kb.get(pid)
            if other is None or pid == sid:
                continue
            for r in other.roles:
                if (r.active_on(day) and _role_class(r) in classes and r.of not in countries):
                    found[pid] = Candidate(pid, 0.8, "counterpart",
                                           f"{subject.name}'s counterpart named in the context:"
                                           f" {other.name}, {r.role} of {r.of}")
        return list(found.values())
    return []


def field_of(kb: KnowledgeBase, parse: TitleParse) -> list[Candidate]:
    """"the Russian capital": the entity a field of the qualifier names."""
    owner = kb.get(parse.qualifier or "")
    target = getattr(owner, parse.field or "", None) if owner else None
    entity = kb.get(target) if isinstance(target, str) else None
    if entity is None or owner is None:
        return []
    return [Candidate(entity.id, 0.9, "title",
                      f"{parse.title!r}: the {parse.field} of {owner.name} is {entity.name}")]


def possessor_role(kb: KnowledgeBase, m: lexicon.Mention, day: dt.date | None
                   ) -> list[Candidate]:
    """"Biden's national security adviser": the holder of that role in the possessor's country
    (the country of the possessor's office on `day`, else their nationality)."""
    at = next(i for i, (_, p) in enumerate(m.cased) if p)
    head = [t for t in m.toks[:at + 1]]
    if head and head[0] == "the":
        head = head[1:]
    tail = m.toks[at + 1:]
    parse = parse_title(kb, tail)
    ranked = rank(name_candidates(kb, " ".join(head)))
    persons = [c for c in ranked if c.score > ranked[0].score - MARGIN]
    found: dict[str, Candidate] = {}
    for person in persons:  # a shared surname is fine when every reading names one holder
        entity = kb.get(person.id)
        if entity is None or entity.type != "person":
            return []
        country = next((r.of for r in entity.roles if r.active_on(day) and r.of), None)
        country = country or entity.nationality
        if country is None:
            return []
        asked = parse
        if asked is None or asked.rest or not asked.classes:
            # "Putin's spokesman": the role named after the seat of the possessor's country
            # ("Kremlin spokesman")
            asked = next((p for seat in kb.seats_of(country)
                          if (p := parse_title(kb, (*lexicon.tokens(seat.name), *tail)))
                          and not p.rest and p.classes), None)
            if asked is None:
                continue
        asked = TitleParse(asked.modifier, country, asked.classes, asked.gender, asked.title, (),
                           asked.role_words)
        for c in role_at_time(kb, asked, day, exclude=entity.id):
            found.setdefault(c.id, Candidate(c.id, c.score * 0.95, "role",
                                             f"{entity.name}'s: {c.explain}"))
    return list(found.values())


_ROLE_AFTER = re.compile(r",\s+((?:the|a|an|its|their|his|her|then)\s+[^,.;:()]{2,60}?)\s*[,.;:]")


def role_in_apposition(kb: KnowledgeBase, cands: list[Candidate], mention: str,
                       context: str, day: dt.date | None) -> list[Candidate]:
    """Near-tied candidates scored by the role the sentence gives the mention between commas
    ("Ms. Rice, the national security adviser, said": Susan Rice in 2014, not Condoleezza)."""
    key, text = fold(mention).strip(), fold(context)
    at = text.find(key) if key else -1
    role = _ROLE_AFTER.match(text, at + len(key)) if at >= 0 else None
    parse = parse_title(kb, lexicon.tokens(role.group(1))) if role else None
    if parse is None or parse.rest or not parse.classes:
        return cands
    return [_fitted(kb, c, parse, day, c.method) for c in cands]


def _fitted(kb: KnowledgeBase, c: Candidate, parse: TitleParse, day: dt.date | None,
            method: str) -> Candidate:
    """`c` rescored by how the title of an apposition fits its entity's roles on `day`."""
    entity = kb.get(c.id)
    adjust, note = _title_fit(kb, entity, parse, day) if entity else (0.0, "")
    return Candidate(c.id, max(0.0, min(1.0, c.score + adjust)), method,
                     f"apposition {parse.title!r}; {c.explain}" + (f"; {note}" if note else ""))


def apposition(kb: KnowledgeBase, folded: str, day: dt.date | None) -> list[Candidate]:
    """"Sergei Lavrov, Russia's foreign minister": the name before the comma, checked against the
    role after it."""
    head, _, tail = folded.partition(",")
    key = lexicon.name_key(head)
    if not key:
        return []
    cands = name_candidates(kb, key)
    parse = parse_title(kb, lexicon.tokens(tail))
    if parse is None or parse.rest:
        return _in_region(kb, cands, tail)
    return [_fitted(kb, c, parse, day, "title") for c in cands]


def _in_region(kb: KnowledgeBase, cands: list[Candidate], tail: str) -> list[Candidate]:
    """ "Sydney, Nova Scotia": a place followed by a region is kept only when the KB has that
    region and it holds the place ("Sydney, Australia"); a region the KB does not know, or
    one that does not hold it, makes the mention another place of the same name."""
    regions = regions_named(kb, tail)
    return [c for c in cands if (e := kb.get(c.id)) is None or e.type not in TOWN_TYPES
            or any(kb.contains(r, c.id) for r in regions)]
