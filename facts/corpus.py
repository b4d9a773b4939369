"""Corpus folders: `documents.csv` + `facts.csv` -> validated documents and fact rows.

Loading never stops at the first problem: every problem becomes a `CorpusError` naming the
file, the row (the line number in the file, header = line 1) and the column, and the rows
that are valid are kept, so that a bad row does not hide the report on the good ones.
"""

from __future__ import annotations

import csv
import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from normalize.isodate import parse_iso_date
from normalize.text import fold

DOCUMENT_COLUMNS = ("id", "path", "date")
OPTIONAL_DOCUMENT_COLUMNS = ("source", "title")
FACT_COLUMNS = ("doc", "subject", "relation")
OPTIONAL_FACT_COLUMNS = ("id", "claim", "object", "when", "where", "quantity", "polarity", "quote")
POLARITIES = ("asserted", "denied")


@dataclass(frozen=True)
class CorpusError:
    """One problem in the input, located as precisely as it can be."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column!r}"
        return f"{where}: {self.message}"

    def to_dict(self) -> dict:
        """JSON-ready form: `file`, `row`, `column`, `message`."""
        return {"file": self.file, "row": self.row, "column": self.column, "message": self.message}


@dataclass(frozen=True)
class Document:
    """One article: its id, text and publication date (None when the manifest gives none or
    one that is no date)."""

    id: str
    path: Path
    date: date | None
    text: str
    source: str = ""
    title: str = ""


@dataclass(frozen=True)
class FactRow:
    """One claim as one document states it; every cell is the raw mention as written."""

    id: str
    line: int
    doc: str
    subject: str
    relation: str
    object: str = ""
    claim: str = ""
    when: str = ""
    where: str = ""
    quantity: str = ""
    polarity: str = "asserted"
    quote: str = ""


@dataclass
class Corpus:
    """A loaded corpus folder: its documents, its valid fact rows, and every input error."""

    root: Path
    documents: dict[str, Document] = field(default_factory=dict)
    failed_documents: dict[str, int] = field(default_factory=dict)  # id -> documents.csv row
    bad_dates: dict[str, int] = field(default_factory=dict)  # id -> row of a date that is none
    rows: list[FactRow] = field(default_factory=list)
    errors: list[CorpusError] = field(default_factory=list)
    facts_file: str = "facts.csv"


class _TableError(Exception):
    def __init__(self, error: CorpusError) -> None:
        super().__init__(str(error))
        self.error = error


def _decode(path: Path) -> str:
    """The text of a table file; _TableError when it is missing, binary or not UTF-8."""
    name = path.name
    if not path.is_file():
        raise _TableError(CorpusError(name, None, None, f"file not found: {path}"))
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise _TableError(CorpusError(name, None, None, "binary file (NUL bytes): not a CSV table"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _TableError(CorpusError(name, line, None, f"not UTF-8 text ({exc.reason})")) from None


_CSV_PROBLEMS = {  # the csv module's words for what a person must mend
    "unexpected end of data": "a quoted field opens on this row and is never closed (a lone \")",
    "',' expected after '\"'": "a quote inside a field, or one never closed: a quoted field "
                              "must end with \" and a comma (write \"\" for a quote in it)",
}


def _records(text: str, name: str) -> Iterator[tuple[int, list[str]] | CorpusError]:
    """(first line, cells) of every CSV record; a malformed record becomes an error and the
    reading goes on at the line after the one it starts on, so one bad row does not hide the
    rows below (an unterminated quote would otherwise swallow the rest of the file)."""
    lines = text.splitlines(keepends=True)
    done = 0  # physical lines consumed before the current reader
    while done < len(lines):
        reader = csv.reader(iter(lines[done:]), strict=True)
        seen = 0
        try:
            for cells in reader:
                yield done + seen + 1, cells
                seen = reader.line_num
            return
        except csv.Error as exc:
            why = _CSV_PROBLEMS.get(str(exc), str(exc))
            yield CorpusError(name, done + seen + 1, None, f"malformed CSV: {why}")
            done += seen + 1


def _header(cells: list[str], name: str, required: tuple[str, ...], known: tuple[str, ...]
            ) -> tuple[list[str], list[CorpusError]]:
    """Column names (lower-case; "" for a column to ignore) and the problems of the header."""
    if not any(c.strip() for c in cells):
        raise _TableError(CorpusError(name, 1, None, "empty table: no header row"))
    header = [c.strip().lower() for c in cells]
    for col in required:
        if col not in header:
            found = ", ".join(h for h in header if h) or "none"
            raise _TableError(
                CorpusError(name, 1, col, f"missing required column {col!r} (columns: {found})"))
    errors = []
    for i, col in enumerate(header):
        if col in header[:i]:
            errors.append(CorpusError(name, 1, col, f"column {col!r} appears twice; the first "
                                                    "one is used"))
            header[i] = ""
        elif col and col not in known:
            near = difflib.get_close_matches(col, known, n=1, cutoff=0.75)
            if near:  # a misspelled column would silently drop a field from every check
                errors.append(CorpusError(name, 1, col, f"unknown column {col!r} (did you mean "
                                                        f"{near[0]!r}?)"))
    return header, errors


def _read_table(
    path: Path, required: tuple[str, ...], known: tuple[str, ...]
) -> tuple[list[tuple[int, dict[str, str]]], list[CorpusError]]:
    """Read a CSV file into ([(line, row dict)], errors); raise _TableError if unusable.
    Columns outside `known` are ignored unless they look like a misspelling of one."""
    name = path.name
    records = _records(_decode(path), name)
    first = next(records, None)
    if isinstance(first, CorpusError):
        raise _TableError(CorpusError(name, 1, None, f"malformed CSV header: {first.message}"))
    if first is None:
        raise _TableError(CorpusError(name, 1, None, "empty table: no header row"))
    header, errors = _header(first[1], name, required, known)
    rows: list[tuple[int, dict[str, str]]] = []
    for record in records:
        if isinstance(record, CorpusError):
            errors.append(record)
            continue
        line, cells = record
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            errors.append(CorpusError(
                name, line, None, f"row has {len(cells)} fields, the header has {len(header)}"))
            continue
        rows.append((line, {h: c.strip() for h, c in zip(header, cells, strict=True) if h}))
    return rows, errors


def _rows(path: Path, required: tuple[str, ...], optional: tuple[str, ...], corpus: Corpus
          ) -> list[tuple[int, dict]]:
    """The valid rows of a table; its errors go to the corpus (no rows if it is unusable)."""
    try:
        rows, errors = _read_table(path, required, required + optional)
    except _TableError as exc:
        corpus.errors.append(exc.error)
        return []
    corpus.errors.extend(errors)
    return rows


def _read_document(root: Path, line: int, row: dict[str, str]) -> Document | CorpusError:
    """One documents.csv row -> its Document, or the error that keeps it out."""
    name = "documents.csv"
    if not row["path"]:
        return CorpusError(name, line, "path", "empty document path")
    try:
        data = (root / row["path"]).read_bytes()
    except OSError as exc:
        reason = "file not found" if isinstance(exc, FileNotFoundError) else exc.strerror
        return CorpusError(name, line, "path", f"{reason}: {row['path']}")
    try:
        if b"\x00" in data:
            raise UnicodeDecodeError("utf-8", data, 0, 1, "binary file (NUL bytes)")
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return CorpusError(name, line, "path",
                           f"document {row['path']} is not UTF-8 text ({exc.reason})")
    return Document(row["id"], (root / row["path"]).resolve(), None, text,
                    row.get("source", ""), row.get("title", ""))


def _load_documents(root: Path, corpus: Corpus) -> None:
    name = "documents.csv"
    for line, row in _rows(root / name, DOCUMENT_COLUMNS, OPTIONAL_DOCUMENT_COLUMNS, corpus):
        doc_id = row["id"]
        if not doc_id:
            corpus.errors.append(CorpusError(name, line, "id", "empty document id"))
        elif doc_id in corpus.documents or doc_id in corpus.failed_documents:
            corpus.errors.append(CorpusError(name, line, "id", f"duplicate document id {doc_id!r}"))
        else:
            result = _read_document(root, line, row)
            if isinstance(result, CorpusError):
                corpus.errors.append(result)
                corpus.failed_documents[doc_id] = line
                continue
            try:
                result = replace(result, date=parse_iso_date(row["date"] or None, "date"))
            except ValueError as exc:  # reported; its rows are still checked, as undated
                corpus.errors.append(CorpusError(name, line, "date", f"{exc}; the document is "
                                                 "read as undated"))
                corpus.bad_dates[doc_id] = line
            corpus.documents[doc_id] = result


def check_row(line: int, row: dict, corpus: Corpus, folded: dict[str, str]) -> list[CorpusError]:
    """The problems of one fact row (as a dict of its cells) against the corpus's documents."""
    name = corpus.facts_file
    errors = []
    doc_id = row["doc"]
    if not doc_id:
        errors.append(CorpusError(name, line, "doc", "empty document id"))
    elif doc_id in corpus.failed_documents:
        errors.append(CorpusError(
            name, line, "doc", f"document {doc_id!r} could not be loaded "
            f"(see documents.csv, row {corpus.failed_documents[doc_id]})"
        ))
    elif doc_id not in corpus.documents:
        known = ", ".join(sorted(corpus.documents)) or "none loaded"
        errors.append(CorpusError(
            name, line, "doc", f"unknown document {doc_id!r} (documents.csv has: {known})"
        ))
    elif doc_id in corpus.bad_dates and _needs_anchor(row.get("when", ""), row.get("quote")):
        errors.append(CorpusError(
            name, line, "doc", f"{row['when']!r} cannot be anchored: document {doc_id!r} has no "
            f"valid date (see documents.csv, row {corpus.bad_dates[doc_id]})"
        ))
    if not row.get("claim") and not row["subject"]:
        errors.append(CorpusError(name, line, "subject", "empty subject and no claim key"))
    if not row.get("claim") and not row["relation"]:
        errors.append(CorpusError(name, line, "relation", "empty relation and no claim key"))
    polarity = row.get("polarity", "").lower()
    if polarity and polarity not in POLARITIES:
        errors.append(CorpusError(
            name, line, "polarity", f"polarity {row['polarity']!r} is not one of {POLARITIES}"
        ))
    quote = row.get("quote", "")
    if quote and doc_id in corpus.documents:
        text = folded.setdefault(doc_id, fold(corpus.documents[doc_id].text).casefold())
        if fold(quote).casefold() not in text:
            errors.append(CorpusError(
                name, line, "quote",
                f"quote not found in document {doc_id!r} "
                f"({corpus.documents[doc_id].path.name}): {quote[:80]!r}",
            ))
    return errors


def _needs_anchor(when: str, quote: str | None) -> bool:
    """Whether a `when` cell is relative ("on Tuesday", "June 12"): it names no time without
    its document's date."""
    from normalize.dates import resolve_date  # noqa: PLC0415 - only for rows of such documents

    value = resolve_date(when, None, quote) if when.strip() else None
    return value is not None and value.start is None


def _load_facts(root: Path, corpus: Corpus) -> None:
    name = corpus.facts_file
    folded: dict[str, str] = {}
    seen_ids: dict[str, int] = {}
    for line, row in _rows(root / name, FACT_COLUMNS, OPTIONAL_FACT_COLUMNS, corpus):
        row_errors = check_row(line, row, corpus, folded)
        row_id = row.get("id") or f"row{line}"
        if row_id in seen_ids:
            row_errors.append(CorpusError(
                name, line, "id", f"duplicate row id {row_id!r} (first on row {seen_ids[row_id]})"
            ))
        if row_errors:
            corpus.errors.extend(row_errors)
            continue
        seen_ids[row_id] = line
        corpus.rows.append(FactRow(
            id=row_id, line=line, doc=row["doc"], subject=row["subject"],
            relation=row["relation"], **{
                col: row.get(col, "") for col in OPTIONAL_FACT_COLUMNS if col != "id"
                and col != "polarity"
            },
            polarity=row.get("polarity", "").lower() or "asserted",
        ))


def load_corpus(path: str | Path) -> Corpus:
    """Load and validate a corpus folder; problems are collected in `Corpus.errors`, not raised."""
    root = Path(path)
    corpus = Corpus(root=root)
    if not root.is_dir():
        what = "not a folder" if root.exists() else "no such folder"
        corpus.errors.append(CorpusError(str(root), None, None, f"{what}: {root}"))
        return corpus
    _load_documents(root, corpus)
    _load_facts(root, corpus)
    return corpus


def bundled_corpus_path() -> Path:
    """The folder of the bundled summit-2021 corpus shipped inside the package."""
    return Path(__file__).resolve().parent / "corpus_data" / "summit-2021"
