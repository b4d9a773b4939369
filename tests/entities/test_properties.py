"""Property tests: variants of a name resolve to it, different names do not, nothing crashes,
and the typo index agrees with a brute-force reference."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from normalize.entities import lexicon, resolve_entity, resolve_entity_candidates
from normalize.entities.typo import TypoIndex, edit_budget
from normalize.strategies import typos

from .conftest import KB_YAML

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

# Persons of the fixture whose surname is unique there (so the surname alone is an answer).
PEOPLE = {
    "person:jake-sullivan": "Jake Sullivan",
    "person:vladimir-putin": "Vladimir Putin",
    "person:dmitry-medvedev": "Dmitry Medvedev",
    "person:sergey-lavrov": "Sergey Lavrov",
    "person:antony-blinken": "Antony Blinken",
    "person:dmitry-peskov": "Dmitry Peskov",
    "person:jen-psaki": "Jen Psaki",
    "person:volodymyr-zelenskyy": "Volodymyr Zelenskyy",
    "person:donald-trump": "Donald Trump",
}
HONORIFIC = {"male": ["Mr.", "Mr", "Dr.", "Sen."], "female": ["Ms.", "Mrs.", "Dr."]}
FEMALE = {"person:jen-psaki"}
APOSTROPHES = ["'", "\u2019", "\u2018", "`"]


@st.composite
def name_variant(draw):
    """(entity id, a surface form of its name as news might write it)."""
    pid = draw(st.sampled_from(sorted(PEOPLE)))
    toks = PEOPLE[pid].split()
    form = draw(st.sampled_from(["full", "surname", "reversed", "initial", "edit"]))
    if form == "surname":
        toks = toks[-1:]
    elif form == "reversed":
        toks = [toks[-1] + draw(st.sampled_from(["", ","])), *toks[:-1]]
    elif form == "initial":
        toks = [toks[0][0] + ".", *toks[1:]]
    elif form == "edit":
        long = [i for i, t in enumerate(toks) if len(t) >= 8]
        assume(long)
        i = draw(st.sampled_from(long))
        word = draw(typos(toks[i].lower(), 1))
        assume(word not in lexicon.given_names())
        toks[i] = word
    text = " ".join(toks)
    case = draw(st.sampled_from([str, str.upper, str.lower, str.title]))
    text = case(text)
    if draw(st.booleans()):
        gender = "female" if pid in FEMALE else "male"
        text = f"{draw(st.sampled_from(HONORIFIC[gender]))} {text}"
    if draw(st.booleans()) and not text.endswith(","):
        text = f"{text}{draw(st.sampled_from(APOSTROPHES))}s"
    spaces = draw(st.sampled_from([" ", "  ", "\u00a0", " \t"]))
    return pid, spaces + spaces.join(text.split(" ")) + draw(st.sampled_from(["", " ", "\n"]))


@SETTINGS
@given(name_variant())
def test_variants_resolve_to_the_entity(kb, case):
    pid, text = case
    match = resolve_entity(text, kb=kb)
    assert match is not None and match.id == pid, resolve_entity_candidates(text, kb=kb)


KNOWN_GIVEN = {lexicon.translit_token(lexicon.tokens(n)[0]) for n in (
    "Jake", "Jacob", "Joe", "Joseph", "Hunter", "Donald", "Vladimir", "Dmitry", "Sergey",
    "Antony", "Jen", "Volodymyr", "Xi", "Ursula")}
OTHER_GIVEN = sorted(
    g for g in lexicon.given_names()
    if lexicon.translit_token(g) not in KNOWN_GIVEN
    and not (lexicon.nicknames().get(g, frozenset()) & {"jake", "jacob", "joe", "joseph",
                                                          "donald", "antony", "jen", "vladimir"})
)
KB_TOKENS = sorted({t for line in KB_YAML.splitlines() for t in lexicon.tokens(line)})


@SETTINGS
@given(st.sampled_from(sorted(PEOPLE)), st.sampled_from(OTHER_GIVEN))
def test_a_different_given_name_is_a_different_person(kb, pid, given_name):
    surname = PEOPLE[pid].split()[-1]
    assert resolve_entity(f"{given_name.title()} {surname}", kb=kb) is None


@SETTINGS
@given(st.sampled_from(sorted(PEOPLE)),
       st.text(alphabet=string.ascii_lowercase, min_size=5, max_size=10))
def test_an_unrelated_surname_is_unknown(kb, pid, surname):
    assume(all(OSA.distance(surname, t) > 3 for t in KB_TOKENS if len(t) > 2))
    given_name = PEOPLE[pid].split()[0]
    assert resolve_entity(f"{given_name} {surname.title()}", kb=kb) is None
    assert resolve_entity(surname.title(), kb=kb) is None


@SETTINGS
@given(st.text(max_size=60), st.one_of(st.none(), st.text(max_size=120)),
       st.one_of(st.none(), st.dates().map(str)))
def test_never_crashes(kb, mention, context, date):
    match = resolve_entity(mention, date=date, context=context, kb=kb)
    assert match is None or (kb.get(match.id) is not None and 0 < match.score <= 1)


_AROUND = st.text(alphabet=st.sampled_from(list("aZ ,.'-19Jr&")), max_size=30)


@SETTINGS
@given(st.sampled_from(["Putin", "Sullivan", "Moscow", "Russian", "the Kremlin", "May", "Biden"]),
       _AROUND, _AROUND, st.sampled_from(["", "Mike ", "H.W. ", "Bank of ", "the "]))
def test_never_crashes_around_the_mention(kb, mention, before, after, lead):
    """The context stages read the words around the mention: whatever stands there."""
    match = resolve_entity(mention, "2021-06-01", f"{before}{lead}{mention}{after}", kb=kb)
    assert match is None or (kb.get(match.id) is not None and 0 < match.score <= 1)


MENTIONS = ["Putin's", "Sallivan", "the Russian Vladimir Putin", "Russian President Vladimir Putin",
            "the Kremlin", "NATO", "Jack Sullivan", "Russia's president", "J. Sullivan"]


@SETTINGS
@given(st.sampled_from(MENTIONS), st.sampled_from(["  ", "\u00a0", "\t"]),
       st.sampled_from(APOSTROPHES))
def test_spacing_and_quotes_do_not_change_the_answer(kb, mention, space, quote):
    base = resolve_entity(mention, date="2021-06-01", kb=kb)
    other = mention.replace(" ", space).replace("'", quote)
    again = resolve_entity(f" {other} ", date="2021-06-01", kb=kb)
    assert (base.id if base else None) == (again.id if again else None)


def _reference_token_candidates(vocab, token):
    """Brute force over the whole vocabulary: the oracle for the deletion index."""
    budget = edit_budget(len(token))
    out = set()
    for cand in vocab:
        limit = min(budget, edit_budget(len(cand)))
        if cand == token:
            out.add((cand, 0))
        elif budget and OSA.distance(token, cand) <= limit:
            if token in lexicon.given_names() and (
                    lexicon.translit_token(cand) != lexicon.translit_token(token)):
                continue
            out.add((cand, OSA.distance(token, cand)))
    return out


WORDS = st.text(alphabet="abeilnorsu", min_size=1, max_size=14)


@st.composite
def edited(draw, word):
    """`word` with up to two random edits (substitution, deletion, insertion, transposition)."""
    for _ in range(draw(st.integers(0, 2))):
        if not word:
            break
        pos = draw(st.integers(0, len(word) - 1))
        letter = draw(st.sampled_from("abeilnorsu"))
        kind = draw(st.sampled_from(["sub", "del", "ins", "swap"]))
        if kind == "sub":
            word = word[:pos] + letter + word[pos + 1:]
        elif kind == "del":
            word = word[:pos] + word[pos + 1:]
        elif kind == "ins":
            word = word[:pos] + letter + word[pos:]
        elif pos + 1 < len(word):
            word = word[:pos] + word[pos + 1] + word[pos] + word[pos + 2:]
    return word


@settings(max_examples=150, deadline=None)
@given(st.data(), WORDS, st.lists(WORDS, max_size=20))
def test_typo_index_matches_brute_force(data, token, others):
    near = data.draw(st.lists(edited(token), min_size=1, max_size=8))
    vocab = [t for t in [*near, *others] if t]
    index = TypoIndex(vocab)
    fast = set(index.token_candidates(token))
    assert fast == _reference_token_candidates(set(vocab), token)
