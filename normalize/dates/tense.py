"""Tense of the sentence around a mention: "past", "future", "present", "scheduled" (a present
simple that schedules: "the leaders meet on Sunday") or None.

The marker (auxiliary or verb form, data/tense.yaml) nearest to the mention decides, so that
"Biden said he will travel on Tuesday" reads Tuesday as future and "On Tuesday, Biden said"
reads it as past; a marker in the mention's own clause comes before any in another ("Smith, who
was arrested on Saturday, is expected to appear").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from normalize.text import in_title_case
from normalize.yamldata import load_yaml

DATA = Path(__file__).resolve().parent / "data"
MAX_CONTEXT = 2000  # characters of context that are looked at
WINDOW = 160  # characters each side of the mention searched for a marker
MAX_ATTRIBUTION_WORDS = 6  # "..., a senior State Department official said."
MAX_OBJECT_WORDS = 5  # "ordered schools in the capital to remain closed on Friday"
MAX_LEAD_WORDS = 2  # "This Sunday's final kicks off": words before a mention that is a subject
MAX_FRONTED_WORDS = 4  # "From 11.59pm on Wednesday, residents must ...": a fronted phrase
MAX_HEADLINE_WORDS = 16  # news headlines are short; a longer unpunctuated text is a cut span
AFTER_WEIGHT = 2  # a marker after the mention counts as twice as far: English puts the verb first
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# ", with ...": an absolute phrase; ", followed by ...", ", starting with ...": a list in one
# time frame ("report on Tuesday, followed by Meta on Wednesday"; "The season resumes,
# starting with the visit of Norwich on Wednesday"); the colon of a clock ("1:05 p.m.") is none
_CLAUSE_BREAK = re.compile(
    r"[;()]|:(?!\d)|,(?!\s+(?:with|followed\s+by|(?:starting|beginning)\s+with)\s)")


_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|'[a-z]+")
_CLITICS = ("'ll", "'d", "'s", "'re", "'ve")


_BLANK = "\u00a4"  # stands for the mention in its sentence: no word, and no gap in a phrase
_SEP = rf"[^a-z'{_BLANK}]+"  # what may stand between the words of a phrase
_END = r"(?![a-z'])"


def _trie_regex(phrases: list[tuple[str, ...]]) -> str:
    """A regex matching any of the phrases, factored by common prefix (one branch explored
    per position, not one per phrase) and preferring the longest phrase."""
    trie: dict = {}
    for words in phrases:
        node = trie
        for atom in [c for w in words for c in (*w, _SEP)][:-1]:
            node = node.setdefault(atom, {})
        node[""] = {}  # end of a phrase

    def emit(node: dict) -> str:
        branches = [(atom if atom == _SEP else re.escape(atom)) + emit(child)
                    for atom, child in node.items() if atom]
        if "" in node:
            branches.append(_END)  # longer phrases are tried first
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)


@lru_cache(maxsize=1)
def _data() -> dict:
    """data/tense.yaml, read once."""
    return load_yaml((DATA / "tense.yaml").read_text(encoding="utf-8"))


def locate(context: str | None, mention: str | None) -> tuple[str, int]:
    """(the case-folded sentence, at most MAX_CONTEXT characters; where `mention` starts in
    it, -1 when absent, also with no sentence or no mention): the one way the sentence-level
    steps find a mention."""
    text = (context or "")[:MAX_CONTEXT].casefold()
    return text, text.find(mention.casefold()) if mention else -1


def _phrase(found: str) -> str:
    """A matched marker or cue as its words joined by single spaces."""
    return " ".join(_WORD.findall(found))


def _words(phrase: object) -> tuple[str, ...]:
    """A phrase of data/tense.yaml as its case-folded word tokens."""
    return tuple(_WORD.findall(str(phrase).casefold()))


def _split_clitics(phrases: Iterable[tuple[str, ...]]
                   ) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """(phrases opening with a clitic, its quote cut off; the other phrases)."""
    phrases = list(phrases)
    return ([(w[0][1:], *w[1:]) for w in phrases if w[0] in _CLITICS],
            [w for w in phrases if w[0] not in _CLITICS])


@lru_cache(maxsize=1)
def _scanner() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    """One regex over all marker phrases of data/tense.yaml, present progressives ("is
    meeting", group prog) and regular past forms (-ed), so a context is scanned at C speed.
    Returns (pattern, phrase -> kind, -ed exceptions); a match's phrase is its words joined by
    single spaces."""
    raw = _data()
    kinds: dict[tuple[str, ...], str] = {}
    # a phrase listed twice takes the later kind
    for kind in ("present", "undecided", "scheduled", "future_before", "past", "future"):
        for phrase in raw[kind]:
            kinds[_words(phrase)] = kind
        if kind == "future_before":
            kinds.update({("due", "to", *_words(verb)): kind for verb in raw["due_to_verbs"]})
    # Every match starts by consuming the non-letter, non-digit ("9am" is no "am") before its
    # first word (the text is given a leading space), so the engine can skip letters at C speed
    # instead of trying every position; a clitic's non-letter is its own quote ("he'll").
    clitics, words = _split_clitics(kinds)
    progressive_clitics, progressive = _split_clitics([_words(p) for p in raw["progressive"]])
    not_verbs = _trie_regex([(w,) for w in raw["ing_exceptions"]])
    adverb = _trie_regex([(w,) for w in raw["progressive_adverbs"]])
    # "is meeting", "are now betting", not "is nothing"
    ing = rf"(?:{_SEP}{adverb})?{_SEP}(?!{not_verbs})[a-z]{{2,}}ing(?![a-z'])"
    pattern = (
        rf"[^a-z\d](?:(?<=[a-z]')(?:(?P<cprog>{_trie_regex(progressive_clitics)}{ing})"
        rf"|(?P<clitic>{_trie_regex(clitics)}))"
        rf"|(?<!')(?:(?P<prog>{_trie_regex(progressive)}{ing})|(?P<phrase>{_trie_regex(words)})"
        # a whole word ending in -ed, not in a hyphenated compound ("skilled-visa rules",
        # "Russian-backed"): there it is an adjective
        rf"|(?<!-)(?P<ed>[a-z]{{5,}}(?![a-z])(?<=ed)(?!['-]))))"
    )
    by_text = {" ".join(w): kind for w, kind in kinds.items()}
    return re.compile(pattern), by_text, frozenset(raw["ed_exceptions"])


@lru_cache(maxsize=16)
def _word_set(*keys: str) -> frozenset[str]:
    """The words of the lists `keys` of data/tense.yaml as one set, built once per key set:
    `gives_way_after` + `scheduled_gives_way_after` (after them a `scheduled` word is no verb),
    `scheduled_verb_after`, `perfect`, `gives_way_after` + `adjective_after` (after them a past
    form is no marker), `adjective_after` (after them it is an adjective), `lower_case_only`,
    `participles_before_by`, `clock_after_number`, `past_passive`, `verb_after`,
    `adjective_after_preposition`, `adverb_after_subject`, `copulas`, `own_clause_after`; with
    `shares_tense_after` (after "and" a past form takes the tense of the verb before it)."""
    return frozenset(w for key in keys for w in _data()[key])


# a number right before a word: "432 votes", "1,200 votes"; not "since 1978, returns"
_NUMBER_BEFORE = re.compile(r"\d(?:[.,]?\d)*\s*$")
_BY_AFTER = re.compile(r"\s+by(?![a-z'])")
_TWO_WORDS_BEFORE = re.compile(r"(?<![a-z'])[a-z]+ [a-z]+ $")  # "the early |vote": no comma
# a verb, maybe a form in -ing, maybe one more word, right before a word: "filed compliance
# |reports", "began accepting electronic |returns"
_AFTER_VERB = re.compile(r"(?<![a-z'])([a-z]+) (?:([a-z]{2,}ing) )?(?:([a-z-]+) )?$")


def _as_written(context: str | None, text: str) -> str:
    """The sentence as written, cut as `locate` cut `text` (its case-folded form), when the
    offsets of both agree; "" when case folding moved them ("ß"): then no case can be read."""
    written = (context or "")[:MAX_CONTEXT]
    return written if len(written) == len(text) else ""


def _not_a_verb(text: str, pos: int, found: str, written: str = "") -> bool:
    """Whether the `scheduled` word `found` at `pos` is no verb of its own: after a number
    ("432 votes") or the object of a past form (`_object_of_past`), after a word of
    `gives_way_after` or `scheduled_gives_way_after` (an infinitive, participle or noun), or a
    bare form after a determiner and a word that is no plural ("a snap vote") or two words
    after a verb of seeing or causing ("saw demand hold up"), but a form in -s after a relative
    pronoun is a verb ("a warning that comes into effect")."""
    if _NUMBER_BEFORE.search(text, max(0, pos - 16), pos) or _object_of_past(
            text, pos, found, written):
        return True
    before, before2 = _previous_words(text, pos)
    if before in _word_set("scheduled_verb_after") and found.split(None, 1)[0].endswith("s"):
        return False
    if (" " not in found and not found.endswith("s") and before2 in _word_set("determiners")
            and not before.endswith("s") and before not in _word_set("irregular_plurals")
            and _TWO_WORDS_BEFORE.search(text, max(0, pos - 40), pos)):
        return True  # "the early vote in February": a noun, no plural subject before it
    if " " not in found and not found.endswith("s") and before2 in _word_set(
            "bare_infinitive_after"):
        return True  # "saw demand hold up": an infinitive of the verb before
    return before in _word_set("gives_way_after", "scheduled_gives_way_after")


def _object_of_past(text: str, pos: int, found: str, written: str = "") -> bool:
    """Whether the scheduled word `found` at `pos`, one that is also a noun (`noun_like`), is the
    object of a past form right before it, maybe after a form in -ing and one more word ("had
    filed compliance reports by Wednesday", "began accepting electronic returns on Jan. 20");
    not after a verb that takes a clause (`clause_verbs`: "said voters go to the polls"), nor
    with a subject between: a pronoun, or a name `written` capitalizes ("indicated Putin meets
    Biden on Wednesday")."""
    if found not in _word_set("noun_like"):
        return False
    m = _AFTER_VERB.search(text, max(0, pos - 60), pos)
    if m is None:
        return False
    verb, ing, word = m.groups()
    if (ing and ing in _word_set("ing_exceptions") or word and word in _word_set("subjects")
            or verb in _word_set("clause_verbs")
            or word and written and written[m.start(3)].isupper()):
        return False
    return _is_past_form(verb)


def _is_past_form(word: str) -> bool:
    """Whether a folded word is a past form: one of `past`, or a regular form in -ed (five
    letters or more, not one of `ed_exceptions`), as the marker scanner reads them."""
    _, kinds, ed_exceptions = _scanner()
    return kinds.get(word) == "past" or (len(word) >= 5 and word.endswith("ed")
                                         and word not in ed_exceptions)


def _previous_words(text: str, pos: int) -> tuple[str, str]:
    """The two word tokens before `pos` (clitics cut as the scanner sees them)."""
    words = _WORD.findall(text, max(0, pos - 48), pos)[-2:]
    words = [w[w.find("'"):] if 0 < w.find("'") and w[w.find("'"):] in _CLITICS else w
             for w in words]
    words = ["", ""][: 2 - len(words)] + words
    return words[1], words[0]


_PHRASE_KIND: dict[str, tuple[str, bool]] = {}  # matched text -> (kind, single word)


def _kind_of(found: str) -> tuple[str, bool]:
    """Kind of a matched phrase (memoized: the same few dozen spellings recur)."""
    got = _PHRASE_KIND.get(found)
    if got is None:
        if len(_PHRASE_KIND) >= 4096:  # odd separators ("will \n be") must not grow it forever
            _PHRASE_KIND.clear()
        phrase = _phrase(found)
        got = _PHRASE_KIND[found] = (_scanner()[1][phrase], " " not in phrase)
    return got


def _participle(text: str, pos: int) -> str | None:
    """The word right before a past form (adverb allowed) that decides instead of it ("will be
    held", "was quickly approved", "has fluctuated", "to cut", "will be prorogued and
    dissolved"), else None (the form stands)."""
    if not _AFTER_A_WORD.search(text, max(0, pos - 8), pos):
        return None  # "Mrs Holt, who is 69, said": a figure or a comma parts it from any verb
    before, before2 = _previous_words(text, pos)
    skipped = before.endswith("ly") or before in _word_set("negations")  # "are not published"
    prev = before2 if skipped and before2 else before
    if prev in _word_set("shares_tense_after"):  # only right before the form: not "April and
        # May kept" (the mention is blanked between), nor "between 2005 and 2009, reopened"
        return prev if _RIGHT_AFTER_WORD.search(text, max(0, pos - 24), pos) else None
    if prev in _word_set("adverb_after_subject") and _after_subject(text, pos, skipped):
        return None  # "Mr Johnson first urged": the form stands
    if prev in _word_set("gives_way_after", "adjective_after"):
        return prev
    if prev in _word_set("adjective_after_preposition") and text.endswith(f"{prev} ", 0, pos):
        return _ADJECTIVE  # "on untreated roads"
    if not skipped and before2 in _word_set("verb_after") and before.isalpha():
        return _ADJECTIVE  # "to reach isolated villages": the infinitive's object
    return None


def _after_subject(text: str, pos: int, skipped: bool) -> bool:
    """Whether the word before the adverb that stands before the past form at `pos` (an "-ly"
    word between them `skipped`) is a subject: none of `determiners`, `adjective_after` or
    "very", and no possessive ("Mr Johnson first urged"; not "the country's first crewed")."""
    words = _WORD.findall(text, max(0, pos - 64), pos)
    subject = words[-2 - skipped] if len(words) >= 2 + skipped else ""
    return bool(subject) and subject.isalpha() and subject != "very" and subject not in (
        _word_set("determiners", "adjective_after"))


_AFTER_A_WORD = re.compile(r"[a-z']\s+$")  # a word, then only spaces, before a position
_ADJECTIVE = "(adjective)"  # what _participle says of a past form that is an adjective


_RIGHT_AFTER_WORD = re.compile(r"[a-z] (?:[a-z]+ly )?$")  # "and dissolved", "and quickly cut"


def _markers(text: str) -> Iterator[tuple[int, int, str, bool]]:
    """(start, end, kind, maybe a participle) of every tense marker candidate in the
    (case-folded) text, left to right; the participle check (`_participle`) is left to the
    caller, which needs it only for the marker that would win."""
    pattern, _, exceptions = _scanner()
    for m in pattern.finditer(" " + text):  # positions below are shifted back by that space
        group = m.lastgroup
        end = m.end() - 1
        if group in ("clitic", "cprog"):
            pos, found = m.start() - 1, m.group()  # the quote belongs to the clitic
        else:
            pos, found = m.start(group) - 1, m.group(group)
        if group in ("prog", "cprog"):  # governs a mention after it only, as "would" does
            yield pos, end, "future_before", False
            continue
        if group == "ed":
            if found in exceptions:
                continue
            kind, single = "past", True
        else:
            kind, single = _kind_of(found)
            if found in _word_set("clock_after_number") and _NUMBER_BEFORE.search(
                    text, max(0, pos - 16), pos):
                continue  # "at 8 am on Friday": a clock
        if single and kind == "past" and _BY_AFTER.match(text, end) and (
                found in _word_set("participles_before_by")):
            continue  # "..., followed by Meta on Wednesday": no verb of its own
        # a past verb phrase may be a bare verb too ("will set off"), unlike "had been"
        yield pos, end, kind, kind == "past" and (
            single or found.split(None, 1)[0] not in _word_set("gives_way_after"))


_AHEAD = frozenset({"future", "scheduled"})  # kinds that win a tie of distance


@lru_cache(maxsize=8192)
def tense_of(context: str | None, mention: str | None = None) -> str | None:
    """Tense nearest to `mention` in `context` (None when no marker is found)."""
    if not context:
        return None
    text, at = locate(context, mention)
    start = end = len(text) // 2
    if at >= 0:
        start, end = at, at + len(mention or "")
    lo = max(0, start - WINDOW)
    # the mention blanked out with a sign no marker matches, so the words either side of it do
    # not join into one ("unveiled a plan late Tuesday to keep": no "plan to")
    window = text[lo:start] + _BLANK * (end - start) + text[end : end + WINDOW]
    start, end = start - lo, end - lo
    written = _as_written(context, text)
    candidates = []
    for pos, stop, kind, check in _markers(window):
        if (pos and window[pos - 1] == "-"
                or window[stop:stop + 1] == "-" and window[stop + 1:stop + 2].isalpha()):
            continue  # "flood-hit towns", "war-torn", "open-air Masses": part of a compound
            # (not "was--according to aides--at": a dash)
        if written and written[lo + pos].isupper() and (
                _in_name(written, lo + pos) or window[pos:stop] in _word_set("lower_case_only")):
            continue  # "the New START treaty", "the Met Office", "Will Smith", "May": no verb
        before = pos <= start  # equal only with no mention found (start is then the middle)
        gap = (min(stop, start), start) if before else (end, pos)  # between marker and mention
        other_clause = (_CLAUSE_BREAK.search(window, *gap) is not None
                        or not before and _opener_between(window, *gap))
        if kind in ("future_before", "scheduled"):  # in the mention's clause, before it
            fronted = not before and _fronted(window, end, pos)
            if (other_clause and not fronted
                    or kind == "scheduled" and not before and not _opens_clause(window, start)
                    or kind == "future_before" and not before and not (
                        fronted and _opens_clause(window, start, MAX_FRONTED_WORDS))):
                continue  # after the mention, only a scheduled verb of which it is the
                # subject, or a modal after it set off as the clause's opening ("From
                # Wednesday, residents must wear masks")
            if kind == "scheduled" and _not_a_verb(
                    window, pos, window[pos:stop], written[lo:lo + len(window)]):
                continue
            kind = "future" if kind == "future_before" else kind
        distance = (gap[1] - gap[0]) * (1 if before else AFTER_WEIGHT)
        candidates.append((other_clause, distance, kind not in _AHEAD, kind, pos, check))
    candidates.sort()
    fallback = None
    for *_, kind, pos, check in candidates:  # own clause, then nearest; a participle gives way
        auxiliary = _participle(window, pos) if check else None
        if auxiliary in _word_set("lower_case_only") and written and written[
                lo + window.rfind(auxiliary, 0, pos)].isupper():
            auxiliary = None  # "April and May kept shoppers away": the month, no modal
        if auxiliary == _ADJECTIVE or auxiliary in _word_set("adjective_after"):
            continue  # "the amended bill": no verb
        if auxiliary is None and not (pos > end and _attribution(window, end, pos)):
            return None if kind == "undecided" else kind
        if auxiliary is None:  # "..., aides said.": decides only when nothing else does
            fallback = fallback or kind
        elif auxiliary in _word_set("perfect"):  # "has fluctuated": a past event, likewise
            fallback = "past"
    return None if fallback == "undecided" else fallback


_LEAD = " \t\"'([\u2018\u201c\u2014\u2013-"
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]\.|\b[A-Z][a-z]{0,3}\.)$")  # "U.S.", "Mr.", "Corp."


def is_headline(context: str | None) -> bool:
    """Whether the context is a headline, whose present simple tells past and coming events
    alike ("Putin eyes landslide in Sunday's election"): a short text (MAX_HEADLINE_WORDS) with
    no sentence-final punctuation that opens as a sentence does; not a span cut from one, as a
    fact table's quote often is ("a day after asking carriers on Monday to halt sales")."""
    text = (context or "")[:MAX_CONTEXT].strip().rstrip(_CLOSERS)
    opening = text.lstrip(_CLOSERS)[:1]
    return (bool(text) and text[-1] not in _SENTENCE_ENDS and not opening.islower()
            and len(text.split()) <= MAX_HEADLINE_WORDS)


_CLOSERS = " \t\n\"')]\u201d\u2019"
_SENTENCE_ENDS = ".!?:;-\u2014"  # "-" and a dash: a dateline ("NAIROBI, August 21 (Xinhua) --")
_TO_VERB = re.compile(r"(?<![a-z'])to ([a-z]+)(?![a-z'])")


def infinitive_before(context: str | None, mention: str) -> bool:
    """Whether "to" + a verb right after its subject stands before the mention in its clause:
    a headline's or brief's way of telling a coming event ("Talks to resume Tuesday", "Macron
    to visit India in January"); not after a verb ("continues to rattle"), nor "to the polls",
    nor "to Paris" (a name is capitalized, unless the whole text is in title case)."""
    text, at = locate(context, mention)
    if at <= 0:
        return False
    found, before = _infinitive_in_clause(text, at)
    if found is None or before.endswith("ed") or before in _word_set("verbs_before_infinitive"):
        return False  # "continued to rattle", "continues to rattle": a verb governs it
    written = _as_written(context, text)
    return not written or not written[found.start(1)].isupper() or in_title_case(written)


def _infinitive_in_clause(text: str, at: int) -> tuple[re.Match[str] | None, str]:
    """The last "to" + a verb before `at` in its clause (not "to the polls": `not_infinitive_
    after_to`) and the word before that "to", or (None, "")."""
    found = _last_in_clause(_TO_VERB, text, at)
    if found is None or found.group(1) in _word_set("not_infinitive_after_to"):
        return None, ""
    return found, _previous_words(text, found.start())[0]


@lru_cache(maxsize=1)
def _plan_scanner() -> re.Pattern[str]:
    """A verb of data/tense.yaml `plan_verbs`, at most MAX_OBJECT_WORDS words, then "to" + a
    word."""
    verbs = _trie_regex([_words(w) for w in _data()["plan_verbs"]])
    return re.compile(rf"(?<![a-z'])(?:{verbs})(?:[^a-z',;:()]+[a-z']+){{0,{MAX_OBJECT_WORDS}}}?"
                      r"[^a-z',;:()]+to[^a-z',;:()]+(?P<verb>[a-z]+)(?![a-z'])")


def planned_before(context: str | None, mention: str) -> bool:
    """Whether the mention is the time of an infinitive that a verb of planning, agreeing or
    ordering governs, earlier in its clause, with no other tense marker between ("agreed to
    meet again on Sunday"): an event still to come (see data/tense.yaml `plan_verbs`)."""
    text, at = locate(context, mention)
    if at <= 0:
        return False
    found = _last_in_clause(_plan_scanner(), text, at)
    if found is None or found.group("verb") in _word_set("not_infinitive_after_to"):
        return False
    return _unmarked(context, text, found.end(), at)


def _unmarked(context: str | None, text: str, start: int, at: int) -> bool:
    """Whether no tense marker stands in text[start:at] but a past participle opening it (the
    infinitive's: "to remain closed", "to be held") and a marker written capitalized that counts
    only in lower case ("to cut output in May and June": the month)."""
    start = _past_participle_end(text, start, at)
    written = _as_written(context, text)
    for pos, stop, _, _ in _markers(text[start:at]):
        if not (written and written[start + pos].isupper()
                and text[start + pos:start + stop] in _word_set("lower_case_only")):
            return False
    return True


@lru_cache(maxsize=1)
def _deadline_scanners() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a cue ending a text, an opener, a modal) of data/tense.yaml `conditional_deadline`."""
    raw = _data()["conditional_deadline"]

    def words(key: str) -> str:
        return _trie_regex([_words(w) for w in raw[key]])

    modals = _split_clitics([_words(w) for w in raw["modals"]])
    return (re.compile(rf"(?<![a-z']){words('cues')}[^a-z']{{1,3}}$"),
            re.compile(rf"(?<![a-z']){words('openers')}(?![a-z'])"),
            re.compile(rf"(?<=[a-z]')(?:{_trie_regex(modals[0])})(?![a-z'])"
                       rf"|(?<![a-z']){_trie_regex(modals[1])}(?![a-z'])"))


def conditional_deadline(context: str | None, mention: str) -> bool:
    """Whether the mention is a deadline in a condition on what would or will follow ("if he
    did not resign by Thursday", in a sentence with "would"): data/tense.yaml
    `conditional_deadline`."""
    text, at = locate(context, mention)
    if at <= 0:
        return False
    cue, opener, modal = _deadline_scanners()
    if not cue.search(text, max(0, at - 12), at):
        return False
    return _last_in_clause(opener, text, at) is not None and modal.search(text) is not None


def deadline_of_infinitive(context: str | None, mention: str) -> bool:
    """Whether the mention is a deadline ("by Saturday") of an infinitive earlier in its clause,
    with no other tense marker between ("expected services to return to normal by Saturday",
    "clearing the way for inspectors to begin work by Tuesday"): still to come when the
    sentence is past; not after a form in -ed ("had been restored to most of the city by
    Sunday") or a verb that tells what was done (`done_infinitive_after`: "began to ...")."""
    text, at = locate(context, mention)
    if at <= 0 or not _deadline_scanners()[0].search(text, max(0, at - 12), at):
        return False
    found, before = _infinitive_in_clause(text, at)
    if found is None or _is_past_form(before) or before in _word_set("done_infinitive_after"):
        return False  # "restored to most of the city by Sunday": no infinitive
    return _unmarked(context, text, found.end(), at)


def _past_participle_end(text: str, start: int, end: int) -> int:
    """Where text[start:end] goes on past the past participle that opens it ("closed" of
    " closed until", "be held" of " be held on"), else `start`."""
    lead = _participle_scanner().match(text, start, end)
    return lead.end() if lead else start


@lru_cache(maxsize=1)
def _participle_scanner() -> re.Pattern[str]:
    """A past participle, regular or of data/tense.yaml `past_participles`, opening a text."""
    irregular = _trie_regex([(w,) for w in map(str, _data()["past_participles"]) if w.isalpha()])
    return re.compile(rf"[^a-z']+(?:be[^a-z']+)?(?:[a-z]{{2,}}ed|{irregular})(?![a-z'])")


def _in_name(written: str, pos: int) -> bool:
    """Whether the capitalized word at `pos` of the sentence as written is part of a name: it
    opens no sentence (a period ending "U.S." or "Mr." ends none), and the sentence is not a
    headline in capitals or title case."""
    before = written[:pos].rstrip(_LEAD)
    if not before or before[-1] in "!?:;" or (before[-1] == "."
                                               and not _ABBREVIATION.search(before)):
        return False
    return not in_title_case(written)


@lru_cache(maxsize=1)
def _openers() -> re.Pattern[str]:
    """A word of data/tense.yaml `clause_openers`: one after the mention ends its clause."""
    words = _trie_regex([_words(w) for w in _data()["clause_openers"]])
    return re.compile(rf"(?<![a-z'])(?:{words})(?![a-z'])")


def _opener_between(window: str, start: int, end: int) -> bool:
    """Whether a clause opener stands in window[start:end]; "and" or "or" before a month or a
    weekday lists dates ("in April and May kept shoppers away"), no clause."""
    for m in _openers().finditer(window, start, end):
        if m.group() not in _COORDINATORS:
            return True
        after = _WORD.match(window, m.end() + 1)
        if after is None or not _names_month_or_weekday(after.group()):
            return True
    return False


_COORDINATORS = frozenset({"and", "or"})


def _names_month_or_weekday(word: str) -> bool:
    """Whether a folded word is a month or weekday name of the lexicon."""
    from normalize.dates.recognize import lexicon  # noqa: PLC0415 - recognize imports no tense

    lex = lexicon()
    return word in lex.months or word in lex.weekdays


def _opens_clause(window: str, start: int, most: int = MAX_LEAD_WORDS) -> bool:
    """Whether at most `most` words stand before the mention at `start` in its clause
    ("Thursday marks 80 years", "This Sunday's final kicks off at 3pm"): then it is the subject
    of a scheduled verb after it."""
    ends = [m.end() for m in _SENTENCE_END.finditer(window, 0, start)]
    opening = max([_clause_start(window, 0, start), *ends[-1:]])
    return len(window[opening:start].split()) <= most


def _fronted(window: str, end: int, pos: int) -> bool:
    """Whether only the comma that sets off a fronted mention stands between it and the marker at
    `pos` ("On Saturday, the calendar turns to 2000"): the clause after it is the mention's."""
    gap = window[end:pos]
    comma = end + len(gap) - len(gap.lstrip())
    return (gap.lstrip().startswith(",") and not _CLAUSE_BREAK.search(window, comma + 1, pos)
            and not _opener_between(window, comma + 1, pos))


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Where the clause holding `pos` begins: after the last clause break in text[lo:pos], else
    at `lo`."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, pos)]
    return breaks[-1] if breaks else lo


def _last_in_clause(pattern: re.Pattern[str], text: str, at: int) -> re.Match[str] | None:
    """The last match of `pattern` in the clause that holds `at`, before it (at most WINDOW
    characters back): the one nearest the mention."""
    lo = max(0, at - WINDOW)
    if pattern.search(text, lo, at) is None:  # most sentences: none at all, no clause to find
        return None
    matches = list(pattern.finditer(text, _clause_start(text, lo, at), at))
    return matches[-1] if matches else None


def _attribution(window: str, end: int, pos: int) -> bool:
    """Whether the marker at `pos` is in a short last clause set off after the mention by a
    comma ("will vote on Thursday, aides said."): the reporting, not the reported, verb."""
    comma = window.rfind(",", end, pos)
    if comma < 0:
        return False
    tail = _SENTENCE_END.split(window[comma + 1 :], 1)[0]
    return not _CLAUSE_BREAK.search(tail) and len(tail.split()) <= MAX_ATTRIBUTION_WORDS


def _cue_kinds(key: str) -> tuple[str, dict[str, str]]:
    """(an alternation of the cue phrases of data/tense.yaml `key`, cue -> direction)."""
    kinds = {_phrase(str(w).casefold()): kind
             for kind in ("past", "future", "ahead", "coming", "nearest")
             for w in _data()[key].get(kind) or []}
    return (_trie_regex([tuple(p.split()) for p in kinds]) if kinds else "(?!)"), kinds


@lru_cache(maxsize=1)
def _cue_scanner() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """(a cue ending a text, maybe with an article after it ("ahead of a Sunday summit"), a cue
    opening a text, cue -> direction) for `cues`, `cues_after`."""
    before, kinds = _cue_kinds("cues")
    after, kinds_after = _cue_kinds("cues_after")
    return (re.compile(rf"(?<![a-z'])(?P<cue>{before})[^a-z']{{1,3}}(?:(?:a|an|the)\s+)?$"),
            re.compile(rf"[^a-z']{{1,3}}(?P<cue>{after})(?![a-z'])"), {**kinds, **kinds_after})


@lru_cache(maxsize=8192)
def cue_of(context: str | None, mention: str) -> str | None:
    """Direction fixed by the word right before `mention` in `context` ("ended" -> "past") or
    right after it ("delivery" -> "future"); "ahead" for a date something is ahead of and
    "coming" for one a sentence heads into, which the caller reads with the sentence's tense."""
    text, at = locate(context, mention)
    if at < 0:
        return None
    end = at + len(mention)
    lead = _LEADING_PREPOSITION.match(text, at, end)  # "in January" as a fact cell writes it:
    written = _as_written(context, text)
    inner = _cue_at(text, lead.end(), end, written) if lead else None  # "agreed in |January"
    return inner or _cue_at(text, at, end, written)  # dates it


_LEADING_PREPOSITION = re.compile(r"(?:in|on|at|by)\s+(?=\w)")


@lru_cache(maxsize=1)
def _listed_after() -> re.Pattern[str]:
    """A word, maybe with a part of the day (lexicon.yaml `parts_of_day_with_day`), and a
    coordinator ending a text: a date listed after another ("Thursday and |Friday", "Tuesday
    night and |Wednesday")."""
    from normalize.dates.recognize import lexicon  # noqa: PLC0415 - recognize imports no tense

    parts = "|".join(sorted(map(re.escape, lexicon().parts_of_day_with_day)))
    return re.compile(rf"(?<![a-z'])([a-z]+)(?:\s+(?:{parts}))?,?\s+"
                      rf"(?:{'|'.join(sorted(_COORDINATORS))})\s+$")


def _cue_at(text: str, at: int, end: int, written: str = "") -> str | None:
    """The cue of the mention at text[at:end] (see cue_of); a month or weekday listed after
    another ("for Thursday and Friday") takes the cue of the first."""
    before, after, kinds = _cue_scanner()
    m = (before.search(text, max(0, at - 24), at) if at else None) or after.match(text, end)
    if m:
        return kinds[_phrase(m.group("cue"))]
    if at and _past_form_before(text, at):
        return "past"
    got = _cue_with_verb(text, at, written) if at else None
    if got is None and at and _past_perfect_before(text, at):
        return "past"
    if got is None and (first := _listed_after().search(text, max(0, at - 40), at)) and (
            _names_month_or_weekday(first.group(1))) and not (
            "," in text[first.end(1):at] and _own_verb_after(text, end)):
        return _cue_at(text, first.start(1), first.end(1), written)
    return got


_NEXT_WORD = re.compile(r"\s+([a-z']+)")


def _own_verb_after(text: str, end: int) -> bool:
    """Whether the mention ending at `end` is the subject of a verb of its own: a word of
    data/tense.yaml `own_clause_after` follows it ("..., and Christmas Day will be"; the caller
    asks for a comma before the coordinator too: in "Matches played on Saturday and Sunday will
    be replayed" the verb is the whole subject's)."""
    after = _NEXT_WORD.match(text, end)
    return after is not None and after.group(1) in _word_set("own_clause_after")


@lru_cache(maxsize=1)
def _past_form_scanner() -> re.Pattern[str]:
    """A past form (or a participle of `participles_before_date`) and a word of
    data/tense.yaml `past_form_before` ending a text."""
    words = _trie_regex([_words(w) for w in _data()["past_form_before"]])
    forms = (*_data()["past"], *_data()["participles_before_date"])
    irregular = _trie_regex([(w,) for w in map(str, forms) if w.isalpha()
                             and w not in _AUXILIARIES])
    return re.compile(rf"(?<![a-z'])(?P<verb>[a-z]{{2,}}ed|{irregular})[^a-z']+(?:{words})"
                      r"[^a-z']{1,3}$")


_AUXILIARIES = frozenset({"was", "were", "had", "did"})  # "was on Friday" is no event's form


def _past_form_before(text: str, at: int) -> bool:
    """Whether a past form and "on" or "in" stand right before the mention at `at`, the form
    no participle but a past passive ("ruled on 9 April", "said in September", "was published
    in January"; not "will be released on Friday")."""
    m = _past_form_scanner().search(text, max(0, at - 32), at)
    if m is None or m.group("verb") in _scanner()[2]:
        return False
    auxiliary = _participle(text, m.start("verb"))
    return auxiliary is None or auxiliary in _word_set("past_passive")


@lru_cache(maxsize=1)
def _perfect_scanner() -> re.Pattern[str]:
    """A past perfect: an auxiliary of data/tense.yaml `past_perfect`, an adverb, "been" and a
    participle (regular, of `past_participles`, or a one-word form of `past`)."""
    raw = _data()
    auxiliary = _trie_regex([_words(w) for w in raw["past_perfect"]])
    irregular = _trie_regex([(w,) for w in (*map(str, raw["past_participles"]), *map(
        str, raw["past"])) if w.isalpha() and w not in _AUXILIARIES])
    return re.compile(rf"(?<![a-z]){auxiliary}[^a-z']+(?:[a-z]+ly[^a-z']+|never[^a-z']+)?"
                      rf"(?:been[^a-z']+)?(?P<verb>[a-z]{{2,}}ed|{irregular})(?![a-z'])")


# what between a past perfect and the mention gives the mention an event of its own: an
# infinitive ("had agreed to meet in January") or a participle ("..., with a second run planned
# for August")
_OWN_EVENT = re.compile(r"(?<![a-z'])(?:to\s+[a-z]|[a-z]{2,}ed(?![a-z']))")


def _past_perfect_before(text: str, at: int) -> bool:
    """Whether a past perfect stands earlier in the clause of the mention at `at`, with no
    other verb, infinitive or participle between ("had been arrested in the capital in
    January"; not "had agreed to meet in January", nor "had said it would close in January")."""
    found = _last_in_clause(_perfect_scanner(), text, at)  # the nearest
    if found is None or found.group("verb") in _scanner()[2]:
        return False
    between = text[found.end():at]
    return next(_markers(between), None) is None and not _OWN_EVENT.search(between)


@lru_cache(maxsize=1)
def _deferral_scanners() -> tuple[tuple[re.Pattern[str], re.Pattern[str], str, int, bool], ...]:
    """(a cue ending a text, one of its verbs, the direction they give, the most words allowed
    between them, whether those words must be written in lower case) per group of
    data/tense.yaml `deferral` (ahead unless the group says otherwise; any number of words
    unless it says `max_words`)."""
    return tuple(
        (re.compile(rf"(?<![a-z'])(?:{_trie_regex([_words(w) for w in group['cues']])})"
                    r"[^a-z']{1,3}$"),
         re.compile(rf"(?<![a-z'])(?:{_trie_regex([_words(w) for w in group['verbs']])})"
                    r"(?![a-z'])"),
         group.get("direction", "future"), group.get("max_words", MAX_CONTEXT),
         bool(group.get("lower_case_between")))
        for group in _data()["deferral"])


_CAPITALIZED = re.compile(r"(?<![\w'])[A-Z]")


@lru_cache(maxsize=1)
def _any_deferral_cue() -> re.Pattern[str]:
    """The cues of every group of data/tense.yaml `deferral` as one pattern ending a text: when
    it finds none, no group's does, and the groups need not be tried one by one."""
    cues = [_words(w) for group in _data()["deferral"] for w in group["cues"]]
    return re.compile(rf"(?<![a-z'])(?:{_trie_regex(cues)})[^a-z']{{1,3}}$")


def _cue_with_verb(text: str, at: int, written: str = "") -> str | None:
    """The direction of the mention at `at` that a cue of data/tense.yaml `deferral` right
    before it and the nearest of its verbs earlier in its clause give, no other verb between:
    ahead for "adjourned the hearing till Monday", "called a strike for Tuesday"; back for
    "since its release on Tuesday"; else None. `written`: the text as written (same offsets),
    for the groups whose words between must be in lower case."""
    if _any_deferral_cue().search(text, max(0, at - 24), at) is None:
        return None  # most mentions: no cue of any group before them
    for cue, verb, direction, max_words, lower in _deferral_scanners():
        m = cue.search(text, max(0, at - 24), at)
        if m is None:
            continue
        # the nearest: "Forecasters have issued a flood watch through Friday" is the watch's
        found = _last_in_clause(verb, text, m.start())
        start = found.end() if found is not None else m.start()
        if found is not None and found.group() in _word_set("copulas"):
            start = _past_participle_end(text, start, m.start())  # "remain closed until
            # Monday": it lasts
        between = text[start:m.start()]
        if lower and found is not None and _CAPITALIZED.search(written, found.end(), m.start()):
            continue  # "a warning for Scotland on Monday": a place, no hazard, between
        if (found is not None and next(_markers(between), None) is None
                and len(between.split()) <= max_words):
            # no other verb between: "Rain delays meant the match did not finish until 9.16pm"
            # puts nothing off; a plan since overtaken may have been for a day gone by
            overtaken = _previous_words(text, found.start())[0] in _word_set("overtaken")
            return "nearest" if overtaken and direction == "future" else direction
    return None
