"""Check a corpus: normalize every row against its document's date, group rows that state the
same claim, and give each field of each pair of rows a verdict.

Verdicts per field: `agree` (same value), `refines` (one value lies inside the other: a day in a
month, a city in its country, 10 in "at least nine"; partially overlapping intervals are
reported as `refines` too, with the reason), `conflict` (disjoint values or opposite polarity),
`missing` (only one row states it), `unresolved` (a mention could not be normalized, so it
cannot be judged: its raw text is kept and reported). A group whose rows all come from one
document is `uncorroborated`, even when they disagree (design.md: a single document is reported,
not failed; the pair verdicts still show the conflict); else `conflict` when any field
conflicts, else `consistent`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from facts.corpus import Corpus, CorpusError, Document, FactRow, check_row, load_corpus
from normalize.dates import TimeValue, diagnose, resolve_date
from normalize.dates.values import EAST_MOST_OFFSET, WEST_MOST_OFFSET, in_utc
from normalize.entities import (
    EntityMatch,
    KnowledgeBase,
    national_side,
    resolve_entity,
    shared_body_name,
)
from normalize.quantities import (
    Quantity,
    in_common_unit,
    resolve_quantity,
    rounding,
    unit_factor,
    unit_kind,
)
from normalize.text import fold_key
from normalize.yamldata import load_yaml

OptionalKB = KnowledgeBase | None  # the bundled knowledge base when None


def _or_bundled(kb: OptionalKB) -> KnowledgeBase:
    """`kb`, or the bundled knowledge base when None: what every public entry point reads."""
    return kb if kb is not None else KnowledgeBase.bundled()


COMPARED_FIELDS = ("when", "where", "quantity", "polarity")
CLAIM_FIELDS = ("subject", "object")  # compared too when a curator's claim key forms the group
# What a `where` cell may name: the resolver's place types plus organisations as venues.
WHERE_TYPES = ("city", "country", "place", "gov", "org", "event")


# --- normalized cells ---------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One cell of a row after normalization: raw mention, value, and how it was obtained."""

    raw: str
    value: Any = None  # TimeValue | EntityMatch | Quantity | str | None
    key: str | None = None  # the comparable canonical form (TIMEX3 value, entity id, …)
    display: str = ""
    explain: str = ""
    invalid: bool = False  # the mention is wrong, not merely unknown (an impossible date)

    @property
    def empty(self) -> bool:
        """True when the row does not state this field."""
        return not self.raw

    @property
    def resolved(self) -> bool:
        """True when the raw mention was normalized to a value."""
        return self.key is not None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"raw": self.raw, "value": self.key, "display": self.display,
                "explain": self.explain}


@dataclass
class NormalizedRow:
    """A fact row with each cell normalized against its document."""

    row: FactRow
    document: Document
    cells: dict[str, Cell]


@dataclass(frozen=True)
class PairVerdict:
    """The verdict on one field for one pair of rows."""

    a: str
    b: str
    verdict: str
    why: str

    def to_dict(self) -> dict[str, str]:
        """JSON-ready form: `a`, `b`, `verdict`, `why`."""
        return {"a": self.a, "b": self.b, "verdict": self.verdict, "why": self.why}


@dataclass
class Group:
    """Rows that state one claim, with the pairwise verdicts of every compared field."""

    key: str
    label: str
    rows: list[NormalizedRow]
    fields: dict[str, list[PairVerdict]]
    verdict: str
    by_claim_key: bool = False

    @property
    def compared_fields(self) -> tuple[str, ...]:
        """The fields judged pairwise: with a curator's claim key, subject and object too."""
        return CLAIM_FIELDS + COMPARED_FIELDS if self.by_claim_key else COMPARED_FIELDS

    @property
    def documents(self) -> list[str]:
        """The ids of the documents the group's rows come from, in first-seen order."""
        return list(dict.fromkeys(r.row.doc for r in self.rows))

    def conflicts(self) -> list[tuple[str, PairVerdict]]:
        """Every (field, pair verdict) that is a conflict."""
        return [(f, v) for f, vs in self.fields.items() for v in vs if v.verdict == "conflict"]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, as design.md fixes it (plus `label`, `documents` and row values)."""
        return {
            "key": self.key,
            "label": self.label,
            "rows": [r.row.id for r in self.rows],
            "documents": self.documents,
            "verdict": self.verdict,
            "fields": {f: [v.to_dict() for v in vs] for f, vs in self.fields.items()},
            "values": {
                r.row.id: {"doc": r.row.doc, "line": r.row.line,
                           **{f: c.to_dict() for f, c in r.cells.items() if not c.empty}}
                for r in self.rows
            },
        }


@dataclass
class CheckResult:
    """The outcome of checking a corpus: groups, input errors, and unresolved mentions."""

    corpus: Corpus
    groups: list[Group]
    errors: list[CorpusError]
    unresolved: list[CorpusError] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when every group is consistent, 1 when any conflicts, 2 when the input is invalid."""
        if self.errors:
            return 2
        return 1 if any(g.verdict == "conflict" for g in self.groups) else 0

    def to_dict(self) -> dict[str, Any]:
        """The JSON report: `groups`, `errors`, `warnings` and a `summary`."""
        counts = {v: sum(g.verdict == v for g in self.groups)
                  for v in ("consistent", "conflict", "uncorroborated")}
        return {
            "corpus": str(self.corpus.root),
            "summary": {"groups": len(self.groups), **counts, "errors": len(self.errors),
                        "rows": len(self.corpus.rows), "exit_code": self.exit_code},
            "groups": [g.to_dict() for g in self.groups],
            "errors": [e.to_dict() for e in self.errors],
            "warnings": [e.to_dict() for e in self.unresolved],
        }


# --- relations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Relations:
    canonical: dict[str, str]
    symmetric: frozenset[str]


@lru_cache(maxsize=1)
def _relations() -> _Relations:
    raw = load_yaml(resources.files("facts").joinpath("data/relations.yaml").read_text())
    canonical: dict[str, str] = {}
    for verb, spec in raw.items():
        canonical[verb] = verb
        for form in spec.get("forms", []):
            canonical[fold_key(form)] = verb
    symmetric = frozenset(v for v, spec in raw.items() if spec.get("symmetric"))
    return _Relations(canonical, symmetric)


@dataclass(frozen=True)
class _Inflections:
    min_stem: int
    endings: tuple[tuple[str, str], ...]
    irregular: dict[str, str]


@lru_cache(maxsize=1)
def _inflections() -> _Inflections:
    raw = load_yaml(resources.files("facts").joinpath("data/inflections.yaml").read_text())
    return _Inflections(int(raw["min_stem"]),
                        tuple((e["ending"], e["becomes"]) for e in raw["endings"]),
                        {str(k): str(v) for k, v in raw["irregular"].items()})


_VOWEL = re.compile(r"[aeiouy]")


@lru_cache(maxsize=4096)
def relation_stems(relation: str) -> frozenset[str]:
    """Every stem of a folded relation's inflections (data/inflections.yaml): its first word,
    an irregular form read as its verb, cut at each ending it has, a final "e" dropped, a
    doubled consonant made single; the other words kept ("signed up to" -> {"signed up to",
    "sign up to"})."""
    first, _, rest = relation.partition(" ")
    table = _inflections()
    first = table.irregular.get(first, first)  # "won" -> "win"
    cuts = [first] + [first[: -len(end)] + becomes for end, becomes in table.endings
                      if first.endswith(end) and len(first) - len(end) + len(becomes)
                      >= table.min_stem and _VOWEL.search(first[: -len(end)])]
    stems = set()
    for word in cuts:
        if len(word) > table.min_stem and word.endswith("e"):
            word = word[:-1]
        if len(word) > 1 and word[-1] == word[-2] and not _VOWEL.match(word[-1]):
            word = word[:-1]
        stems.add(f"{word} {rest}" if rest else word)
    return frozenset(stems)


@lru_cache(maxsize=1)
def _vocabulary_stems() -> dict[str, str]:
    """stem -> vocabulary verb, for every verb and listed form of data/relations.yaml."""
    out: dict[str, str] = {}
    for form, verb in _relations().canonical.items():
        for stem in relation_stems(form):
            out.setdefault(stem, verb)
    return out


def normalize_relation(raw: str) -> str:
    """The canonical verb of a relation cell ("met" -> "meet", "sanctioning" -> "sanction");
    a verb outside the vocabulary is kept folded (`join_inflections` joins its forms)."""
    key = fold_key(raw)
    known = _relations().canonical.get(key)
    if known is not None:
        return known
    vocabulary = _vocabulary_stems()
    return next((vocabulary[s] for s in sorted(relation_stems(key)) if s in vocabulary), key)


def join_inflections(relations: Iterable[str]) -> dict[str, str]:
    """relation -> the one written form standing for it and every other inflection of the same
    verb among `relations` (a base form before an irregular one, then the shortest, then the
    first in order): "acquired" and "acquires" in one table are one relation."""
    order = {rel: i for i, rel in enumerate(dict.fromkeys(relations))}
    irregular = _inflections().irregular
    owner: dict[str, str] = {}  # stem -> representative
    out: dict[str, str] = {}

    def base_first(rel: str) -> tuple[bool, int, int]:  # "win" before "won", then shortest
        first = rel.partition(" ")[0]
        return irregular.get(first, first) != first, len(rel), order[rel]

    for rel in sorted(order, key=base_first):
        stems = relation_stems(rel)
        out[rel] = next((owner[s] for s in stems if s in owner), rel)
        for s in stems:
            owner.setdefault(s, out[rel])
    return out


# --- normalizing cells ----------------------------------------------------------------------

_ARTICLE = re.compile(r"^(the|a|an)\s+")


_POSSESSIVE = re.compile(r"(?<=\w)'s(?!\w)|(?<=s)'(?!\w)")  # "Activision's", "the Democrats'"


def _raw_key(raw: str) -> str:
    """A mention outside the knowledge base as compared: folded, without a leading article or
    possessive endings ("Activision's shares" is "activision shares")."""
    return '"' + _POSSESSIVE.sub("", _ARTICLE.sub("", fold_key(raw))) + '"'


def _entity_cell(raw: str, doc: Document, context: str | None, kb: KnowledgeBase,
                 types: Iterable[str] | None = None) -> Cell:
    if not raw:
        return Cell(raw)
    match = resolve_entity(raw, date=doc.date, context=context or None, kb=kb, types=types)
    if match is None and context and doc.text:
        match = _role_in_article(raw, doc, kb, types)
    if match is None and context and types is None:  # "as Argentina beat France 4-2 in the
        # final": a subject or object that is a side groups with its country's claims, as
        # another paper's "Argentina beat France on penalties" has it
        match = national_side(raw, doc.date, context, kb)
    if match is None:
        return Cell(raw, None, None, f"{raw!r} (not in the knowledge base)",
                    "no knowledge-base entity matches; compared as written")
    return Cell(raw, match, match.id, match.name, match.explain)


def _role_in_article(raw: str, doc: Document, kb: KnowledgeBase,
                     types: Iterable[str] | None) -> EntityMatch | None:
    """A role named without its country ("The president signed 17 executive actions") whose
    quote names no country: its holder on the document's date in the one country the whole
    article names among those that have the role ("WASHINGTON, Jan. 21 - ..."); a reader of
    the article knows whose president it is. So with a body many countries have under one
    name, which a quote naming only another country leaves unlinked ("Modi addressed a joint
    meeting of Congress"): the article tells whose. Only such readings are taken from the
    article: a name its quote left unlinked stays unlinked."""
    match = resolve_entity(raw, date=doc.date, context=doc.text, kb=kb, types=types)
    if match is None or match.method != "role" and not shared_body_name(raw):
        return None
    return replace(match, explain=f"{match.explain}; the country from the article, as its "
                                  "quote names none or another")


def _as_actor(cell: Cell, kb: KnowledgeBase) -> Cell:
    """The subject of a claim acts: a capital or a seat of government there stands for its
    country ("Moscow seize Ukrainian sailors", "The Kremlin freed Evan Gershkovich": Russia's
    acts), whatever verb the sentence uses."""
    match = cell.value
    if match is None:
        return cell
    country = kb.stands_for(match.id)
    state = kb.get(country) if country else None
    if state is None:
        return cell
    what = "the capital" if match.type == "city" else "the seat of government"
    return Cell(cell.raw, match, state.id, state.name,
                f"{match.explain}; as the subject, {what} acts for {state.name}")


def _when_cell(raw: str, doc: Document, context: str | None) -> Cell:
    if not raw:
        return Cell(raw)
    value = resolve_date(raw, anchor=doc.date, context=context or None)
    if value is None:
        problem = diagnose(raw)
        if problem:
            return Cell(raw, None, None, f"{raw!r} (impossible date)", problem, invalid=True)
        return Cell(raw, None, None, f"{raw!r} (not a time expression)",
                    "no temporal rule reads this mention")
    if value.reason:
        why = value.reason
        if doc.date is None:
            why += f"; documents.csv gives no date for document {doc.id!r}"
        return Cell(raw, value, None, f"{raw!r} -> {value.value} (unanchored)", why)
    granularity = f" ({value.granularity})" if value.granularity else ""
    zone = f" at UTC{_signed(value.utc_offset)}" if value.utc_offset is not None else ""
    return Cell(raw, value, value.value, f"{value.value}{zone}{granularity}",
                f"rule {value.rule}")


def _signed(minutes: int) -> str:
    """An offset from UTC as ISO 8601 writes it: +01:00, -05:00, +05:30."""
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _quantity_cell(raw: str) -> Cell:
    if not raw:
        return Cell(raw)
    q = resolve_quantity(raw)  # as written; shown in its table's common unit ("75 basis
    if q is None:  # points" as 0.75 percentage points); the comparer converts
        return Cell(raw, None, None, f"{raw!r} (not a number)", "no number in the mention")
    common = in_common_unit(q)
    shown = f"{common} {common.unit}" if unit_factor(q) != 1 else str(q)
    return Cell(raw, q, str(common), shown, f"{q.mod.lower()} ({q.rule})")


def _polarity_cell(raw: str) -> Cell:
    return Cell(raw, raw, raw, raw, "")


def normalize_row(row: FactRow, doc: Document, kb: OptionalKB = None) -> NormalizedRow:
    """Normalize every cell of a row against its document (date as anchor, quote as context)."""
    kb = _or_bundled(kb)
    context = row.quote or None
    relation = normalize_relation(row.relation)
    cells = {
        "subject": _as_actor(_entity_cell(row.subject, doc, context, kb), kb),
        "relation": Cell(row.relation, relation, relation, relation, ""),
        "object": _entity_cell(row.object, doc, context, kb),
        "when": _when_cell(row.when, doc, context),
        "where": _entity_cell(row.where, doc, None, kb, WHERE_TYPES),
        "quantity": _quantity_cell(row.quantity),
        "polarity": _polarity_cell(row.polarity),
    }
    return NormalizedRow(row, doc, cells)


# --- comparators ----------------------------------------------------------------------------

_FAR_PAST = datetime(1, 1, 1)
_FAR_FUTURE = datetime(9999, 12, 31)
_REF_WINDOWS: dict[str, Callable[[datetime], tuple[datetime, datetime]]] = {
    "PAST_REF": lambda day: (_FAR_PAST, day),
    "PRESENT_REF": lambda day: (day, day + timedelta(days=1)),
    "FUTURE_REF": lambda day: (day, _FAR_FUTURE),
}


def _interval(cell: Cell, doc: Document) -> tuple[datetime, datetime] | None:
    value = cell.value
    if value.bounds is not None:  # "no earlier than Sept. 24" runs on from Sept. 24
        return value.bounds
    window = _REF_WINDOWS.get(value.value)
    if window and doc.date is not None:
        return window(datetime.combine(doc.date, datetime.min.time()))
    return None


def _wildcard_match(a: str, b: str) -> bool:
    """TIMEX3 values with X digits ("XXXX-06", "PXY") match a value that fills them in."""
    return len(a) == len(b) and all(x == y or "X" in (x, y) for x, y in zip(a, b, strict=True))


def _nesting(a: str, b: str, same: bool, a_in_b: bool, b_in_a: bool, overlap: bool,
             inside: str, apart: str) -> tuple[str, str]:
    """The verdict of two values by containment: agree, refines (one inside the other, or a
    partial overlap, neither excluding the other), else conflict with the reason `apart`."""
    if same:
        return "agree", f"both {a}"
    if b_in_a:
        return "refines", f"{b} {inside} {a}"
    if a_in_b:
        return "refines", f"{a} {inside} {b}"
    if overlap:
        return "refines", f"{a} and {b} overlap"
    return "conflict", apart


def _when_label(cell: Cell) -> str:
    """The value, with the modifier that opens its bounds: "on or after 2024-09-24"."""
    value = cell.value
    if value.mod and value.bounds not in (None, (value.start, value.end)):
        return f"{value.mod.lower().replace('_', ' ')} {cell.key}"
    return str(cell.key)


def _compare_when(a: Cell, b: Cell, da: Document, db: Document, kb: KnowledgeBase
                  ) -> tuple[str, str]:
    ia, ib = _interval(a, da), _interval(b, db)
    zoned = ia is not None and ib is not None and a.value.both_zoned(b.value)
    if zoned:  # "8 p.m. (1900 GMT)" and "2 p.m. Eastern time": compared in UTC
        ia, ib = in_utc(ia, a.value.utc_offset), in_utc(ib, b.value.utc_offset)
    la, lb = (_zoned_label(a), _zoned_label(b)) if zoned else (_when_label(a), _when_label(b))
    if la != lb and not (ia and ib):
        if _wildcard_match(a.key, b.key):
            return "refines", f"{la} and {lb} agree where both are specified"
        return "conflict", f"{la} differs from {lb}"
    inside = ia is not None and ib is not None
    part = {a.value.mod, b.value.mod} & _PARTS
    if la == lb and part and a.value.mod != b.value.mod:
        return "refines", f"the {next(iter(part)).lower()} of {la} lies inside {lb}"
    if la != lb and inside and ia == ib:  # "2023-Q2" and "2023-04/2023-06"
        return "agree", f"{la} and {lb} are the same {'moment' if zoned else 'span'}"
    verdict = _nesting(
        la, lb, la == lb,
        inside and ib[0] <= ia[0] and ia[1] <= ib[1],
        inside and ia[0] <= ib[0] and ib[1] <= ia[1],
        inside and ia[0] < ib[1] and ib[0] < ia[1],
        "lies inside", f"{la} and {lb} do not overlap")
    if verdict[0] == "conflict" and inside and not zoned and (
            _across_midnight(ia, a.value, ib, b.value)
            or _across_midnight(ib, b.value, ia, a.value)):
        return "refines", (f"{la} and {lb} may be one moment told in two time zones "
                           "(late on one day, early on the next)")
    one_zoned = (a.value.utc_offset is None) != (b.value.utc_offset is None)
    if verdict[0] == "conflict" and inside and one_zoned:
        zoned_cell, span, other, other_span = (
            (a, ia, b, ib) if a.value.utc_offset is not None else (b, ib, a, ia))
        utc = in_utc(span, zoned_cell.value.utc_offset)
        if utc[0] < other_span[1] + _WEST_MOST and other_span[0] - _EAST_MOST < utc[1]:
            return "refines", (f"{_zoned_label(zoned_cell)} may lie inside {_when_label(other)}"
                               " told in another time zone")
    return verdict


# A local time with no zone lies within these of the same time in UTC.
_WEST_MOST = timedelta(minutes=-WEST_MOST_OFFSET)
_EAST_MOST = timedelta(minutes=EAST_MOST_OFFSET)


def _zoned_label(cell: Cell) -> str:
    return f"{_when_label(cell)} (UTC{_signed(cell.value.utc_offset)})"


_PARTS = frozenset({"START", "MID", "END"})  # "early Sunday", "mid-June", "late 2020"

# How late in its day a time told in one zone, and how early in the next day the same moment
# told in another, may lie: the world's zones span about a day.
_LATE_FROM = 17  # hour
_EARLY_UNTIL = timedelta(hours=9)


def _across_midnight(late: tuple[datetime, datetime], late_value: TimeValue,
                     early: tuple[datetime, datetime], early_value: TimeValue) -> bool:
    """Whether `late` is the late part of a day ("late Friday", "Friday night", "9 p.m.") and
    `early` the early part of the next ("early Saturday", "in the early hours of Saturday",
    "05:01 BST on Saturday"): outlets in distant time zones name one moment so."""
    midnight = late[1]
    if midnight.time() != datetime.min.time():
        return False
    is_late = (late_value.mod == "END" or late[0].hour >= _LATE_FROM
               and late[0].date() == (midnight - timedelta(days=1)).date())
    is_early = early[0].date() == midnight.date() and (
        early_value.mod == "START"
        or early[0] != midnight and early[0] - midnight < _EARLY_UNTIL
        and early[1] - early[0] < _EARLY_UNTIL)
    return is_late and is_early


def _office_for(kb: KnowledgeBase, person: str, day: date | None, state: str) -> str | None:
    """The office in which `person` acted for `state` (a country or organisation, or its seat
    of government) on `day`, or None: a leader's act is the state's ("Erdogan dropped his
    objection" and "Turkey dropped its objection" state one claim)."""
    entity = kb.get(person)
    if entity is None or entity.type != "person" or day is None:
        return None
    target = kb.get(state)
    states = {state, target.seat_of} - {None} if target is not None else {state}
    for role in entity.roles:
        if role.of in states and role.active_on(day):
            return role.role
    return None


def _compare_entity(
    a: Cell, b: Cell, da: Document, db: Document, kb: KnowledgeBase
) -> tuple[str, str]:
    verdict = _nesting(
        a.display, b.display, a.key == b.key,
        kb.contains(b.key, a.key), kb.contains(a.key, b.key),
        False, "lies in", f"{a.display} and {b.display} are different places or entities")
    if verdict[0] == "conflict":
        for person, state, doc in ((a, b, da), (b, a, db)):
            office = _office_for(kb, person.key, doc.date, state.key)
            if office:
                return "refines", f"{person.display} acted for {state.display} as {office}"
    return verdict


def _compare_quantity(
    a: Cell, b: Cell, da: Document, db: Document, kb: KnowledgeBase
) -> tuple[str, str]:
    qa, qb = a.value, b.value
    if qa.measure and qb.measure and qa.measure != qb.measure:
        return "conflict", f"{a.raw!r} and {b.raw!r} are in different units " \
                           f"({qa.measure}, {qb.measure})"
    kinds = unit_kind(qa), unit_kind(qb)
    if kinds[0] and kinds[1] and kinds[0] != kinds[1]:  # "3 km" and "3 kg"
        return "conflict", f"{a.raw!r} and {b.raw!r} are in different units " \
                           f"({qa.unit}, {qb.unit})"
    ca, cb = in_common_unit(qa), in_common_unit(qb)
    if kinds[0] and kinds[1]:  # "3,850 kg" and "3.85 tonnes"; "5 miles" and "8 km" agree
        if ca.value is not None and cb.value is not None and unit_factor(qa) != unit_factor(qb):
            slack = min(rounding(qa) * unit_factor(qa), rounding(qb) * unit_factor(qb))
            if 0 < abs(ca.value - cb.value) < slack:  # a conversion rounded to the digits
                return "agree", f"{a.raw!r} and {b.raw!r} are equal to the digits written"
        return _quantity_nesting(a.display, b.display, ca, cb)
    verdict = _quantity_nesting(str(qa), str(qb), qa, qb)
    if verdict[0] == "conflict" and (kinds[0] and qb.unit is None or kinds[1] and qa.unit is None):
        converted = _quantity_nesting(a.display, b.display, ca, cb)  # a bare number may be in
        return converted if converted[0] != "conflict" else verdict  # the other's common unit
    return verdict


def _quantity_nesting(a: str, b: str, qa: Quantity, qb: Quantity) -> tuple[str, str]:
    a_in_b, b_in_a = qb.contains(qa), qa.contains(qb)
    return _nesting(a, b, a_in_b and b_in_a, a_in_b, b_in_a, qa.overlaps(qb),
                    "lies within", f"{a} and {b} cannot both be true")


def _compare_polarity(
    a: Cell, b: Cell, da: Document, db: Document, kb: KnowledgeBase
) -> tuple[str, str]:
    if a.key == b.key:
        return "agree", f"both {a.key}"
    return "conflict", f"one row says {a.key}, the other {b.key}"


_Comparator = Callable[[Cell, Cell, Document, Document, Any], tuple[str, str]]
COMPARATORS: dict[str, _Comparator] = {
    "when": _compare_when,
    "where": _compare_entity,
    "quantity": _compare_quantity,
    "polarity": _compare_polarity,
    "subject": _compare_entity,
    "object": _compare_entity,
}


def compare_cells(
    name: str, a: NormalizedRow, b: NormalizedRow, kb: OptionalKB = None
) -> PairVerdict:
    """The verdict on field `name` for rows a and b, judged with `kb` (the bundled knowledge
    base when None), which says what lies inside what and who leads what."""
    kb = _or_bundled(kb)
    ca, cb = a.cells[name], b.cells[name]
    if name in CLAIM_FIELDS:  # "Putin meet Biden" and "Biden meet Putin" state the same ends
        cb = _oriented(a, b).get(name, cb)
    ids = (a.row.id, b.row.id)
    if ca.empty or cb.empty:
        stated = a.row.id if cb.empty else b.row.id
        return PairVerdict(*ids, "missing", f"only {stated} states the {name}")
    if not (ca.resolved and cb.resolved):
        if _raw_key(ca.raw) == _raw_key(cb.raw):
            return PairVerdict(*ids, "agree", f"both say {ca.raw!r}")
        bad = ca if not ca.resolved else cb
        why = f"{bad.raw!r} could not be normalized: {bad.explain}"
        return PairVerdict(*ids, "unresolved", why)
    verdict, why = COMPARATORS[name](ca, cb, a.document, b.document, kb)
    return PairVerdict(*ids, verdict, why)


def _oriented(a: NormalizedRow, b: NormalizedRow) -> dict[str, Cell]:
    """b's subject and object swapped when both rows state a symmetric relation and the swap
    matches more of a's ends ("Putin meet Biden" against "Biden meet Putin"), else {}."""
    rel_a, rel_b = a.cells["relation"].key, b.cells["relation"].key
    if rel_a != rel_b or rel_a not in _relations().symmetric:
        return {}
    ends_a = [_entity_key(a.cells[n]) for n in ("subject", "object")]
    ends_b = [_entity_key(b.cells[n]) for n in ("subject", "object")]
    straight = sum(x == y != "-" for x, y in zip(ends_a, ends_b, strict=True))
    crossed = sum(x == y != "-" for x, y in zip(ends_a, reversed(ends_b), strict=True))
    if crossed <= straight:
        return {}
    return {"subject": b.cells["object"], "object": b.cells["subject"]}


# --- grouping -------------------------------------------------------------------------------


def _entity_key(cell: Cell) -> str:
    if cell.empty:
        return "-"
    return cell.key if cell.resolved else _raw_key(cell.raw)


def group_key(nrow: NormalizedRow) -> tuple[str, str, bool]:
    """(key, label, by_claim_key): the curator's claim key, else subject–relation–object."""
    if nrow.row.claim:
        return nrow.row.claim, nrow.row.claim, True
    subj, obj = nrow.cells["subject"], nrow.cells["object"]
    relation = nrow.cells["relation"].key
    ends = [(_entity_key(subj), subj), (_entity_key(obj), obj)]
    if relation in _relations().symmetric and ends[1][0] != "-":
        ends.sort(key=lambda e: e[0])
    key = f"{ends[0][0]} {relation} {ends[1][0]}"
    names = [c.display if c.resolved else c.raw for _, c in ends if not c.empty]
    label = f"{names[0]} {relation} {names[1]}" if len(names) == 2 else f"{names[0]} {relation}"
    return key, label, False


def _judge(
    key: str, label: str, rows: list[NormalizedRow], by_claim: bool, kb: KnowledgeBase
) -> Group:
    group = Group(key, label, rows, {}, "", by_claim)
    for name in group.compared_fields:
        pairs = [
            compare_cells(name, a, b, kb)
            for i, a in enumerate(rows)
            for b in rows[i + 1:]
            if not (a.cells[name].empty and b.cells[name].empty)
            and not (name in CLAIM_FIELDS and _other_relation(a, b))
        ]
        if pairs:
            group.fields[name] = pairs
    if len(group.documents) < 2:  # even when the document contradicts itself
        group.verdict = "uncorroborated"
    elif group.conflicts():
        group.verdict = "conflict"
    else:
        group.verdict = "consistent"
    return group


def _other_relation(a: NormalizedRow, b: NormalizedRow) -> bool:
    """Whether two rows of one claim state different relations, whose ends play other parts
    ("Trump propose a pause", "Putin agree to it"): their subjects and objects are not
    compared."""
    ra, rb = a.cells["relation"], b.cells["relation"]
    return not (ra.empty or rb.empty) and ra.key != rb.key


VALUE_FIELDS = ("when", "where", "quantity")  # must normalize in a strict run
_UNRESOLVED = {
    **{name: "cannot normalize {raw!r}: {why}" for name in VALUE_FIELDS},
    # an entity mention outside the knowledge base is an answer ("none"), not an error
    "subject": "{raw!r} is not in the knowledge base",
    "object": "{raw!r} is not in the knowledge base",
}


def _unresolved(nrow: NormalizedRow, file: str) -> list[CorpusError]:
    return [
        CorpusError(file, nrow.row.line, name,
                    _UNRESOLVED[name].format(raw=cell.raw, why=cell.explain))
        for name, cell in nrow.cells.items()
        if name in _UNRESOLVED and not cell.empty and not cell.resolved and not cell.invalid
    ]


def _join_relations(nrows: list[NormalizedRow]) -> None:
    """Give the rows whose relations are inflections of one verb outside the vocabulary that
    verb's one written form, so that they group together."""
    vocabulary = set(_relations().canonical.values())
    joined = join_inflections(key for n in nrows
                              if (key := n.cells["relation"].key) and key not in vocabulary)
    for n in nrows:
        cell = n.cells["relation"]
        to = joined.get(cell.key, cell.key)
        if to != cell.key:
            n.cells["relation"] = replace(cell, value=to, key=to, display=to,
                                          explain=f"{cell.key!r} read as {to!r}, the same verb")


def _user_kb(path: str | Path, corpus: Corpus) -> tuple[KnowledgeBase, list[CorpusError]]:
    """A user's knowledge-base file, loaded with what is valid of it, and an input error (file,
    line, field) for each entity left out; the file is named as the corpus's own files are
    when it lies in the corpus folder. An unreadable or unparsable file raises ValueError."""
    kb, problems = KnowledgeBase.load_checked(path)
    errors = []
    for p in problems:
        try:
            name = str(Path(p.file).resolve().relative_to(Path(corpus.root).resolve()))
        except ValueError:
            name = p.file
        errors.append(CorpusError(name, p.line, p.field, p.message))
    return kb, errors


def check_corpus(corpus: Corpus | str, kb: OptionalKB | str | Path = None,
                 strict: bool = False) -> CheckResult:
    """Normalize, group and judge every valid row of a corpus (a `Corpus` or a folder path).

    `kb` is a `normalize.KnowledgeBase`, or the path of a knowledge-base file (an entity it
    cannot use is reported as an input error, and the rest is used), or None for the bundled
    one. With `strict`, a `when`, `where` or `quantity` mention that cannot be normalized is an
    input error (exit code 2) rather than a warning; subjects and objects outside the knowledge
    base stay warnings.
    """
    if not isinstance(corpus, Corpus):
        corpus = load_corpus(corpus)
    kb_errors: list[CorpusError] = []
    if isinstance(kb, (str, Path)):
        kb, kb_errors = _user_kb(kb, corpus)
    kb = _or_bundled(kb)
    nrows = [normalize_row(r, corpus.documents[r.doc], kb) for r in corpus.rows]
    _join_relations(nrows)
    unresolved = [e for n in nrows for e in _unresolved(n, corpus.facts_file)]
    invalid = [CorpusError(corpus.facts_file, n.row.line, name, cell.explain)
               for n in nrows for name, cell in n.cells.items() if cell.invalid]
    bad_lines = {e.row for e in invalid}  # a row with an impossible value is judged nowhere,
    buckets: dict[str, tuple[str, bool, list[NormalizedRow]]] = {}  # as a malformed one
    for n in nrows:
        if n.row.line in bad_lines:
            continue
        key, label, by_claim = group_key(n)
        buckets.setdefault(key, (label, by_claim, []))[2].append(n)
    groups = [_judge(key, label, rows, by_claim, kb)
              for key, (label, by_claim, rows) in buckets.items()]
    fatal = invalid + [e for e in unresolved if strict and e.column in VALUE_FIELDS]
    warnings = [e for e in unresolved if e not in fatal]
    return CheckResult(corpus, groups, kb_errors + list(corpus.errors) + fatal, warnings)


def check_rows(
    rows: list[FactRow], documents: dict[str, Document], kb: OptionalKB = None
) -> CheckResult:
    """Check rows built in code (no files): what the pytest fixtures and users' pipelines use."""
    corpus = Corpus(root=Path("<memory>"), documents=documents, facts_file="<rows>")
    folded: dict[str, str] = {}
    for row in rows:
        problems = check_row(row.line, asdict(row), corpus, folded)
        if problems:
            corpus.errors.extend(problems)
        else:
            corpus.rows.append(replace(row, polarity=row.polarity.lower() or "asserted"))
    return check_corpus(corpus, kb=kb)
