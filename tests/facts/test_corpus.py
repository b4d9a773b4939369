"""Loading a corpus folder: every kind of bad input becomes an error naming file, row, column."""

from __future__ import annotations

from pathlib import Path

from facts.corpus import load_corpus
from normalize.dates import resolve_date


def _errors(folder: Path) -> list[tuple[str, int | None, str | None]]:
    return [(e.file, e.row, e.column) for e in load_corpus(folder).errors]


def test_bundled_corpus_is_valid() -> None:
    from facts.corpus import bundled_corpus_path

    corpus = load_corpus(bundled_corpus_path())
    assert corpus.errors == []
    assert len(corpus.rows) >= 20 and len(corpus.documents) == 2
    assert all(r.quote for r in corpus.rows)


def test_unknown_document(corpus_copy: Path, edit_facts) -> None:
    edit_facts("s4", "doc", "no-such-doc")
    corpus = load_corpus(corpus_copy)
    assert _errors(corpus_copy) == [("facts.csv", 5, "doc")]
    assert "no-such-doc" in corpus.errors[0].message
    assert len(corpus.rows) == 34  # the other rows are kept


def test_quote_not_in_document(corpus_copy: Path, edit_facts) -> None:
    edit_facts("x1", "quote", "The US expelled 11 Russian diplomats")
    assert _errors(corpus_copy) == [("facts.csv", 11, "quote")]


def test_quote_folding_of_quotes_and_spaces(corpus_copy: Path, edit_facts) -> None:
    edit_facts("s2", "quote", '"That is my hope   and expectation.')
    assert _errors(corpus_copy) == []


def test_impossible_document_date(corpus_copy: Path) -> None:
    path = corpus_copy / "documents.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2021-05-25", "2021-02-30"),
                    encoding="utf-8")
    corpus = load_corpus(corpus_copy)
    assert ("documents.csv", 3, "date") in _errors(corpus_copy)
    assert "2021-02-30" in str(corpus.errors[0])
    # the document is read as undated: its rows that need no date are still checked; one
    # whose `when` counts from the date ("next June") cannot be, and is reported
    assert corpus.documents["psaki-geneva"].date is None
    kept = [r for r in corpus.rows if r.doc == "psaki-geneva"]
    assert kept and all(not r.when or resolve_date(r.when).start for r in kept)  # "2016"
    anchored = [e for e in corpus.errors if e.column == "doc"]
    assert anchored and all("cannot be anchored" in e.message for e in anchored)
    assert {r.doc for r in corpus.rows} == {"biden-hope", "psaki-geneva"}


def test_missing_document_file(corpus_copy: Path) -> None:
    (corpus_copy / "004_443a8f7d1b54f9b3.txt").unlink()
    errors = load_corpus(corpus_copy).errors
    assert (errors[0].file, errors[0].row, errors[0].column) == ("documents.csv", 3, "path")
    assert "not found" in errors[0].message


def test_document_not_utf8(corpus_copy: Path) -> None:
    (corpus_copy / "000_b73bad3514b02b37.txt").write_bytes("caf\xe9 Biden".encode("latin-1"))
    errors = load_corpus(corpus_copy).errors
    assert (errors[0].file, errors[0].row, errors[0].column) == ("documents.csv", 2, "path")
    assert "UTF-8" in errors[0].message


def test_binary_facts_table(corpus_copy: Path) -> None:
    (corpus_copy / "facts.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    errors = load_corpus(corpus_copy).errors
    assert [(e.file, e.column) for e in errors] == [("facts.csv", None)]
    assert "binary" in errors[0].message


def test_missing_required_column(corpus_copy: Path) -> None:
    path = corpus_copy / "facts.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("relation,", "verb,", 1), encoding="utf-8")
    assert _errors(corpus_copy) == [("facts.csv", 1, "relation")]


def test_row_with_wrong_field_count_is_reported_and_others_kept(corpus_copy: Path) -> None:
    path = corpus_copy / "facts.csv"
    with path.open("a", encoding="utf-8") as fh:
        fh.write("zz,,biden-hope,Biden,meet\n")
    corpus = load_corpus(corpus_copy)
    assert [(e.file, e.row) for e in corpus.errors] == [("facts.csv", 37)]
    assert len(corpus.rows) == 35


def test_a_malformed_row_mid_file_does_not_hide_the_rows_below(corpus_copy: Path) -> None:
    path = corpus_copy / "facts.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(3, 'zz,,biden-hope,Biden,meet,"x"y,,,,,\n')  # a stray quote on line 4
    path.write_text("".join(lines), encoding="utf-8")
    corpus = load_corpus(corpus_copy)
    assert [(e.file, e.row) for e in corpus.errors] == [("facts.csv", 4)]
    assert "malformed" in corpus.errors[0].message
    assert len(corpus.rows) == 35  # every valid row, above and below, is kept
    assert corpus.rows[-1].line == 37


def test_an_unterminated_quote_mid_file_does_not_swallow_the_rows_below(corpus_copy: Path
                                                                        ) -> None:
    path = corpus_copy / "facts.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(3, 'zz,,biden-hope,Biden,meet,"Putin,,,,,\n')  # the quote never closes
    path.write_text("".join(lines), encoding="utf-8")
    corpus = load_corpus(corpus_copy)
    assert [(e.file, e.row, e.column) for e in corpus.errors] == [("facts.csv", 4, None)]
    assert "never closed" in corpus.errors[0].message
    assert len(corpus.rows) == 35 and corpus.rows[-1].line == 37


def test_unterminated_quote_at_the_end(corpus_copy: Path) -> None:
    path = corpus_copy / "facts.csv"
    with path.open("a", encoding="utf-8") as fh:
        fh.write('zz,,biden-hope,Biden,meet,"Putin,,,,,\n')
    corpus = load_corpus(corpus_copy)
    assert corpus.errors and corpus.errors[0].file == "facts.csv"
    assert "malformed" in corpus.errors[0].message or "fields" in corpus.errors[0].message
    assert len(corpus.rows) == 35


def test_a_misspelled_column_is_reported_not_dropped(corpus_copy: Path) -> None:
    path = corpus_copy / "facts.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",where,", ",wehre,", 1), encoding="utf-8")
    corpus = load_corpus(corpus_copy)
    assert [(e.file, e.row, e.column) for e in corpus.errors] == [("facts.csv", 1, "wehre")]
    assert "did you mean 'where'" in corpus.errors[0].message
    assert len(corpus.rows) == 35


def test_an_extra_column_is_ignored_and_a_duplicate_reported(corpus_copy: Path) -> None:
    path = corpus_copy / "facts.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",notes,when"] + [line + ",curator note,July 1" for line in lines[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = load_corpus(corpus_copy)
    assert [(e.row, e.column) for e in corpus.errors] == [(1, "when")]
    assert "appears twice" in corpus.errors[0].message
    assert {r.when for r in corpus.rows} != {"July 1"}  # the first 'when' column is used


def test_bad_polarity(corpus_copy: Path, edit_facts) -> None:
    edit_facts("d1", "polarity", "maybe")
    assert _errors(corpus_copy) == [("facts.csv", 25, "polarity")]


def test_missing_folder(tmp_path: Path) -> None:
    errors = load_corpus(tmp_path / "nope").errors
    assert len(errors) == 1 and "no such folder" in errors[0].message


def test_missing_tables(tmp_path: Path) -> None:
    assert [e.file for e in load_corpus(tmp_path).errors] == ["documents.csv", "facts.csv"]
