"""Name stages: the index (names, aliases, generated variants, acronyms), transliteration
folds, dropped middle names, and typos through the deletion index."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from normalize.entities import lexicon
from normalize.entities.kb import NAMED_PLACE_TYPES, Entity, Hit, KnowledgeBase
from normalize.entities.match import Candidate

_METHOD_WORDS = {
    "exact": "the canonical name",
    "alias": "the alias",
    "variant": "a generated variant of",
    "surname": "the surname of",
    "acronym": "the acronym of",
    "demonym": "the demonym",
}


def _from_hit(kb: KnowledgeBase, hit: Hit, scale: float = 1.0, how: str = "") -> Candidate:
    """A candidate from an index entry, with the sentence that explains it."""
    entity = kb.get(hit.id)
    name = entity.name if entity else hit.id
    words = _METHOD_WORDS.get(hit.method, hit.method)
    if hit.method == "exact" or (hit.method == "acronym" and hit.source == name):
        why = f"matches {words} {name!r}"
    elif hit.method == "variant":
        why = f"matches {words} {hit.source!r} ({hit.detail})"
    elif hit.method == "surname":
        why = f"matches {words} {hit.source!r}" + (
            f" ({hit.detail})" if hit.detail != "surname" else "")
    else:
        why = f"matches {words} {hit.source!r} of {name!r}"
    return Candidate(hit.id, hit.score * scale, hit.method, f"{how}{why}")


def direct(kb: KnowledgeBase, key: str, caps: str | None = None) -> list[Candidate]:
    """Stages 2, 3, 8: the folded key in the name/alias/variant index; `caps` (the mention in
    capitals without dots, when it was written so) in the acronym index."""
    out = [_from_hit(kb, h) for h in kb.lookup(key)]
    if caps:
        seen = {c.id for c in out}
        out.extend(_from_hit(kb, h) for h in kb.lookup_acronym(caps) if h.id not in seen)
    return out


def translit(kb: KnowledgeBase, key: str) -> list[Candidate]:
    """Stage 3b: spelling variants of transliterated names (Sergey/Sergei, Zelenskiy/Zelenskyy)."""
    out = []
    for h in kb.lookup_translit(key):
        if given_for_surname(key, h) or too_short_to_fold(key):
            continue
        c = _from_hit(kb, h, 0.95, f"transliteration of {key!r}: ")
        out.append(Candidate(c.id, c.score, "translit", c.explain))
    return out


def given_for_surname(key: str, hit: Hit) -> bool:
    """Whether a given name alone (data/given_names.txt) would be read as another spelling of a
    KB person's surname: "my friend Emmanuel" is no Emanuel."""
    return hit.method == "surname" and " " not in key and key in lexicon.given_names()


# A single word read as another spelling of a name needs this many letters once folded: fewer,
# and a fold ("ss" as "s") makes names of English words ("Mass" is no "Maas"; "Asaf" is "Assaf").
MIN_LONE_FOLD = 4


def too_short_to_fold(key: str) -> bool:
    """Whether `key` is one word too short, once folded, to be read as another spelling."""
    return " " not in key and len(lexicon.translit_token(key)) < MIN_LONE_FOLD


# A typo'd word with no exactly matching informative word beside it needs this many letters
# ("Sallivan" -> Sullivan; "Assad" is not a typo of "Assaf").
MIN_LONE_TYPO = 7


def typo_evidence(toks: Sequence[str], cand: Sequence[str], edits: Sequence[int]) -> bool:
    """Enough agreement to accept a typo: an exact word beside the edited ones (not an initial
    or a particle: "Hu Jnitao" has "Hu"), or else long edited words keeping their first letter;
    one word alone takes one edit at most."""
    particles = lexicon.name_parts().surname_particles
    if len(toks) == 1 and edits[0] > 1:
        return False  # one word two edits away is another word more often than a slip of the
        # keys: "Mulroney" is no Mulvaney, "Bundesrat" no Bundestag
    if len(toks) > 1 and any(d == 0 and len(t) >= 2 and t not in particles
                             for t, d in zip(toks, edits, strict=True)):
        return True
    return all(d == 0 or (len(t) >= MIN_LONE_TYPO and t[0] == c[0])
               for t, c, d in zip(toks, cand, edits, strict=True))


def plural_of(word: str, name: str) -> bool:
    """Whether a word is a name with a plural "s" ("Morrisons", "the Greens"): a shop, a family
    or a party, not a misspelt name."""
    return word == f"{name}s"


def adjective_of(word: str, name: str) -> bool:
    """Whether a word is a place name with an adjective's ending ("Persian" of Persia, "Korean"
    of Korea): a people, a language or a style, not a misspelt place."""
    return word in (f"{name}n", f"{name}an", f"{name}ian")


def typo(kb: KnowledgeBase, key: str) -> list[Candidate]:
    """Stage 9: keys within a per-token edit budget, found through the deletion index and
    scored with rapidfuzz; accepted only with enough agreement (`typo_evidence`)."""
    toks = key.split()
    if not toks or sum(len(t) for t in toks) < 4:
        return []
    out = []
    lone = too_short_to_fold(key)  # "Mass" is no slip of "Maas"
    for cand_key, found in kb.typo_candidates(key):
        cand = cand_key.split()
        # a word spelt as another transliteration of the KB's is no slip ("Denis" of "Denys")
        edits = tuple(0 if d and not lone and lexicon.translit_token(t) == lexicon.translit_token(c)
                      else d for t, c, d in zip(toks, cand, found, strict=True))
        if not typo_evidence(toks, cand, edits) or any(
                plural_of(t, c) or d and any(ch.isdigit() for ch in t + c)
                for t, c, d in zip(toks, cand, edits, strict=True)):
            continue  # "Morrisons", "Sainsburys": a plural or a shop, not a misspelt name;
            # "2014 NATO summit": another number is another thing, no typo of "2019"
        ratio = fuzz.ratio(key, cand_key)
        if ratio < 75:
            continue
        for h in kb.lookup(cand_key):
            if h.method == "demonym" or h.detail.startswith("nickname") or given_for_surname(
                    key, h):
                continue  # a typo on top of a nickname is too far from the name
            entity = kb.get(h.id)
            if entity is not None and entity.type in NAMED_PLACE_TYPES and (
                    substituted(toks, cand) or any(
                        adjective_of(t, c) for t, c in zip(toks, cand, strict=True))):
                continue  # "Antakya" is not Antalya; "the Persian new year" is no slip of Persia
            name = entity.name if entity else h.id
            score = h.score * (0.5 + 0.5 * ratio / 100)
            out.append(Candidate(h.id, score, "fuzzy",
                                 f"{key!r} is {sum(edits)} edit(s) from {cand_key!r}"
                                 f" ({h.method} key of {name!r}, similarity {ratio:.0f})"))
    return out


def substituted(toks: Sequence[str], cand: Sequence[str]) -> bool:
    """Whether a one-word name differs from the KB's by a letter put for another: a place so
    near is more often another place ("Antakya" is not Antalya) than a slip of the keys, which
    drops, doubles or swaps letters ("San Mrino", "Cincinatti")."""
    return len(toks) == 1 and Indel.distance(toks[0], cand[0]) > Levenshtein.distance(
        toks[0], cand[0])  # a substitution costs two in Indel, one in Levenshtein


def middle_dropped(kb: KnowledgeBase, key: str) -> list[Candidate]:
    """A person named with middle names or a patronymic the KB lacks ("Vladimir Vladimirovich
    Putin"): the first and last tokens as a full name."""
    toks = key.split()
    if len(toks) < 3:
        return []
    short = f"{toks[0]} {toks[-1]}"
    out = []
    for c in direct(kb, short) or translit(kb, short):
        e = kb.get(c.id)
        if e is not None and e.type == "person" and c.method != "surname" and not _other_middle(
                e, toks):
            out.append(Candidate(c.id, c.score * 0.9, "variant",
                                 f"middle name(s) {' '.join(toks[1:-1])!r} dropped; {c.explain}"))
    return out


def suffix_dropped(kb: KnowledgeBase, key: str) -> list[Candidate]:
    """A person named with a generational suffix ("Lloyd Austin III", "James B. Comey Jr.")
    that the KB writes with that suffix in one of its names: the name without it. A suffix the
    KB never gives the person tells another of the family (a father or son): no candidate."""
    toks = key.split()
    if len(toks) < 3 or toks[-1] not in lexicon.name_parts().suffixes:
        return []
    rest = " ".join(toks[:-1])
    out = []
    for c in direct(kb, rest) or translit(kb, rest) or middle_dropped(kb, rest):
        e = kb.get(c.id)
        if (e is not None and e.type == "person" and c.method != "surname" and any(
                lexicon.tokens(n)[-1:] == toks[-1:] for n in (e.name, *e.aliases))):
            out.append(Candidate(c.id, c.score * 0.95, "variant",
                                 f"suffix {toks[-1]!r} as the KB writes it; {c.explain}"))
    return out


def _initials(middle: list[str]) -> str:
    """Middle names as initials; a token of one or two letters is initials already ("hw")."""
    return "".join(t if len(t) <= 2 else t[0] for t in middle)


def _other_middle(entity: Entity, toks: list[str]) -> bool:
    """Whether the KB writes the person with other middle initials than the mention ("George
    H.W. Bush" is not George W. Bush)."""
    known = [n[1:-1] for n in map(lexicon.tokens, (entity.name, *entity.aliases))
             if len(n) > 2 and n[0] == toks[0] and n[-1] == toks[-1]]
    return bool(known) and _initials(toks[1:-1]) not in {_initials(m) for m in known}


def name_candidates(kb: KnowledgeBase, key: str, caps: str | None = None) -> list[Candidate]:
    """A bare name: direct index, then transliteration, middle names dropped, then typos."""
    return (direct(kb, key, caps) or translit(kb, key) or middle_dropped(kb, key)
            or suffix_dropped(kb, key) or typo(kb, key))


# ----------------------------------------------------------------------------- titles and roles
