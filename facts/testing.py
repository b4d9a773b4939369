"""Assertions about checked fact tables, for users' own tests.

    from facts.testing import assert_facts

    def test_summit_place(fact_table):
        assert_facts(fact_table).where(relation="meet", involving="Putin").agree_on("where")

`where(...)` selects rows (across groups); `agree_on(field)` fails, with the rows, documents,
raw mentions and normalized values, when two selected rows conflict on that field or one of
them cannot be normalized. `fact_table` is the fixture of the `facts` pytest plugin; outside
pytest use `FactTable.check(folder)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facts.check import (
    COMPARATORS,
    COMPARED_FIELDS,
    CheckResult,
    Group,
    NormalizedRow,
    PairVerdict,
    check_corpus,
    compare_cells,
    normalize_relation,
)
from normalize.text import fold_key

__all__ = ["FactAssertionError", "FactTable", "Facts", "assert_agree", "assert_facts"]

ENTITY_FIELDS = ("subject", "object", "where")
ROW_ATTRIBUTES = ("id", "doc", "claim")


class FactAssertionError(AssertionError):
    """Selected rows disagree (or cannot be judged): the message shows them for a person."""


@dataclass(repr=False)
class FactTable:
    """A checked corpus with the knowledge base it was checked against."""

    result: CheckResult
    kb: Any = None

    def __repr__(self) -> str:
        return (f"<FactTable {self.result.corpus.root}: {len(self.groups)} groups, "
                f"{len(self.errors)} errors>")

    @classmethod
    def check(cls, folder: str | Path, kb: Any = None, strict: bool = False) -> FactTable:
        """Check a corpus folder (bundled KB when `kb` is None): the fixture's value, by hand."""
        if kb is None:
            from normalize import KnowledgeBase

            kb = KnowledgeBase.bundled()
        return cls(check_corpus(folder, kb=kb, strict=strict), kb)

    @property
    def groups(self) -> list[Group]:
        """The groups of rows that state one claim each."""
        return self.result.groups

    @property
    def errors(self) -> list:
        """Input errors (file, row, column, message)."""
        return self.result.errors

    @property
    def rows(self) -> list[NormalizedRow]:
        """Every normalized row, group by group."""
        return [r for g in self.result.groups for r in g.rows]

    def group_of(self, row_id: str) -> Group:
        """The group a row falls in (KeyError when no row has this id)."""
        for g in self.result.groups:
            if any(r.row.id == row_id for r in g.rows):
                return g
        raise KeyError(row_id)

    def where(self, predicate: Callable[[NormalizedRow], bool] | None = None,
              **filters: Any) -> Facts:
        """Rows matching every filter: see `Facts.where`."""
        return Facts(self, self.rows).where(predicate, **filters)


@dataclass(repr=False)
class Facts:
    """A selection of rows of a `FactTable`, narrowed by `where` and asserted by `agree_on`."""

    table: FactTable
    rows: list[NormalizedRow]
    filters: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"<Facts {self._described()}: {len(self.rows)} rows>"

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[NormalizedRow]:
        return iter(self.rows)

    @property
    def documents(self) -> list[str]:
        """The ids of the selected rows' documents, in first-seen order."""
        return list(dict.fromkeys(r.row.doc for r in self.rows))

    def where(self, predicate: Callable[[NormalizedRow], bool] | None = None,
              **filters: Any) -> Facts:
        """Keep the rows that match every filter.

        Filters: `relation` (any form: "met" matches "meet"); `subject`, `object`, `where` and
        `involving` (subject or object): a KB id, or a mention resolving to the same entity, or
        the same text; `when`, `quantity`, `polarity`: the normalized value or the same text;
        `id`, `doc`, `claim`: the row's own. A list, tuple or set means any of them. A callable
        `predicate(row)` filters on anything else.
        """
        rows = self.rows
        desc = list(self.filters)
        for name, wanted in filters.items():
            options = list(wanted) if isinstance(wanted, (list, tuple, set, frozenset)) else [
                wanted]
            match = _matcher(name, options, self.table.kb)
            rows = [r for r in rows if match(r)]
            desc.append(f"{name}={wanted!r}")
        if predicate is not None:
            rows = [r for r in rows if predicate(r)]
            desc.append(getattr(predicate, "__name__", "predicate"))
        return Facts(self.table, rows, desc)

    def agree_on(self, *fields: str, exact: bool = False, at_least: int = 2) -> Facts:
        """Assert that no two selected rows disagree on each field (default: when, where,
        quantity, polarity).

        A pair passes when its values agree or one refines the other (June 16 inside June;
        Geneva inside Switzerland); with `exact`, only the same value passes. A mention that
        cannot be normalized fails: agreement cannot be shown. Fewer than `at_least` rows
        stating a field fails too, so the assertion cannot pass on nothing.
        """
        __tracebackhide__ = True
        names = fields or COMPARED_FIELDS
        unknown = [f for f in names if f not in COMPARATORS]
        if unknown:
            raise ValueError(f"cannot compare {', '.join(unknown)}: fields are "
                             f"{', '.join(COMPARATORS)}")
        problems: list[str] = []
        if not self.rows:
            raise FactAssertionError(f"no rows {self._described()}")
        for name in names:
            stating = [r for r in self.rows if not r.cells[name].empty]
            if len(stating) < at_least:
                problems.append(f"{name}: {len(stating)} of the {len(self.rows)} rows state it; "
                                f"at least {at_least} needed to judge agreement")
                continue
            allowed = {"agree"} if exact else {"agree", "refines"}
            for i, a in enumerate(stating):
                for b in stating[i + 1:]:
                    v = compare_cells(name, a, b, self.table.kb)
                    if v.verdict not in allowed:
                        problems.append(_pair_text(name, a, b, v))
        if problems:
            raise FactAssertionError(
                f"rows {self._described()} do not agree on {', '.join(names)}:\n"
                + "\n".join(f"  {p}" for p in problems)
                + "\nselected rows:\n" + self._table(names))
        return self

    def consistent(self) -> Facts:
        """Assert that no group holding a selected row has a conflicting field."""
        __tracebackhide__ = True
        from facts.report import format_conflicts

        if not self.rows:
            raise FactAssertionError(f"no rows {self._described()}")
        ids = {id(r) for r in self.rows}
        bad = [g for g in self.table.groups
               if g.verdict == "conflict" and any(id(r) in ids for r in g.rows)]
        if bad:
            raise FactAssertionError(
                f"rows {self._described()}: {len(bad)} group(s) in conflict:\n"
                + "\n".join(format_conflicts(g) for g in bad))
        return self

    def _described(self) -> str:
        return f"where {', '.join(self.filters)}" if self.filters else "of the table"

    def _table(self, names: Iterable[str]) -> str:
        lines = []
        for r in self.rows:
            cells = "  ".join(f"{n}: {_cell_text(r, n)}" for n in names if not r.cells[n].empty)
            lines.append(f"  {r.row.id} ({r.row.doc}, row {r.row.line})  {cells or '-'}")
        return "\n".join(lines)


def _cell_text(row: NormalizedRow, name: str) -> str:
    cell = row.cells[name]
    value = cell.display if cell.resolved else "? (not normalized)"
    return f"{cell.raw!r} -> {value}"


def _pair_text(name: str, a: NormalizedRow, b: NormalizedRow, v: PairVerdict) -> str:
    return (f"{name}: {a.row.doc} (row {a.row.line}, {a.row.id}) says {_cell_text(a, name)}; "
            f"{b.row.doc} (row {b.row.line}, {b.row.id}) says {_cell_text(b, name)}: "
            f"{v.verdict}: {v.why}")


def _matcher(name: str, options: list[Any], kb: Any) -> Callable[[NormalizedRow], bool]:
    """A row test for one filter (see Facts.where)."""
    if name in ROW_ATTRIBUTES:
        wanted = {str(o) for o in options}
        return lambda r: getattr(r.row, name) in wanted
    if name == "relation":
        verbs = {normalize_relation(str(o)) for o in options}
        return lambda r: r.cells["relation"].key in verbs
    if name == "involving":
        subject, obj = _matcher("subject", options, kb), _matcher("object", options, kb)
        return lambda r: subject(r) or obj(r)
    if name not in COMPARATORS:
        raise ValueError(f"unknown filter {name!r}: use relation, involving, "
                         f"{', '.join(COMPARATORS)}, {', '.join(ROW_ATTRIBUTES)}")
    texts = {fold_key(str(o)) for o in options}
    keys = {str(o) for o in options}
    if name in ENTITY_FIELDS:
        keys |= {k for o in options if (k := _entity_id(str(o), kb))}

    def match(r: NormalizedRow) -> bool:
        cell = r.cells[name]
        if cell.empty:
            return False
        if cell.key in keys or fold_key(cell.raw) in texts:
            return True
        return cell.resolved and fold_key(cell.display) in texts

    return match


def _entity_id(text: str, kb: Any) -> str | None:
    """The KB id a filter's mention names (an id is kept as it is)."""
    if kb is not None and text in kb:
        return text
    from normalize import resolve_entity

    match = resolve_entity(text, kb=kb) if kb is not None else resolve_entity(text)
    return match.id if match else None


def assert_facts(table: FactTable | CheckResult, kb: Any = None) -> Facts:
    """Start an assertion on every row of a checked table: `.where(...).agree_on(...)`.

    A bare `CheckResult` is compared with `kb` (the bundled knowledge base when None).
    """
    if isinstance(table, CheckResult):
        if kb is None:
            from normalize import KnowledgeBase

            kb = KnowledgeBase.bundled()
        table = FactTable(table, kb)
    return Facts(table, table.rows)


def assert_agree(table: FactTable | CheckResult, field: str, *, exact: bool = False,
                 **filters: Any) -> None:
    """One-call form: the rows matching `filters` agree on `field`."""
    __tracebackhide__ = True
    assert_facts(table).where(**filters).agree_on(field, exact=exact)
