"""The assertion helper (facts.testing) and the plugin's fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from facts.check import check_corpus
from facts.corpus import bundled_corpus_path
from facts.testing import FactAssertionError, FactTable, assert_agree, assert_facts


@pytest.fixture(scope="module")
def bundled() -> FactTable:
    return FactTable.check(bundled_corpus_path())


@pytest.fixture(scope="module")
def conflicting(tmp_path_factory: pytest.TempPathFactory, edit) -> FactTable:
    """The bundled corpus with row x2 saying 11 expelled diplomats instead of 10."""
    folder = tmp_path_factory.mktemp("conflict") / "corpus"
    shutil.copytree(bundled_corpus_path(), folder)
    edit(folder, "x2", "quantity", "11")
    return FactTable.check(folder)


def test_where_selects_by_relation_form_entity_and_text(bundled: FactTable) -> None:
    meet = bundled.where(relation="met")
    assert len(meet) > 1 and all(r.cells["relation"].key == "meet" for r in meet)
    putin_id = next(r.cells["object"].key for r in meet if r.cells["object"].resolved)
    by_id = meet.where(involving=putin_id)
    by_name = meet.where(involving="Vladimir Putin")
    assert [r.row.id for r in by_id] == [r.row.id for r in by_name] and len(by_id) > 1
    expel = bundled.where(relation="expel", object="RUSSIAN  diplomats")
    assert len(expel) >= 2 and {r.row.relation for r in expel} <= {"expel"}
    assert bundled.where(doc=["no-such-doc"]).rows == []
    assert len(bundled.where(lambda r: r.row.id.startswith("s"))) == len(
        [r for r in bundled.rows if r.row.id.startswith("s")])


def test_agree_on_passes_on_agreeing_and_refining_values(bundled: FactTable) -> None:
    summit = assert_facts(bundled).where(relation="meet", involving="Putin")
    assert summit.agree_on("where", "when") is summit
    assert_agree(bundled, "quantity", relation="expel", object="Russian diplomats")
    with pytest.raises(FactAssertionError, match="refines"):
        summit.agree_on("when", exact=True)


def test_agree_on_failure_names_documents_mentions_and_values(conflicting: FactTable) -> None:
    with pytest.raises(FactAssertionError) as info:
        assert_facts(conflicting).where(relation="expel").agree_on("quantity")
    text = str(info.value)
    for needle in ("biden-hope", "psaki-geneva", "'10' -> 10", "'11' -> 11", "conflict"):
        assert needle in text
    assert "relation='expel'" in text


def test_consistent_reports_conflicting_groups(bundled: FactTable,
                                               conflicting: FactTable) -> None:
    assert_facts(bundled).consistent()
    assert_facts(conflicting).where(relation="meet").consistent()
    with pytest.raises(FactAssertionError, match="'11'"):
        assert_facts(conflicting).consistent()


def test_assertions_cannot_pass_on_nothing(bundled: FactTable) -> None:
    with pytest.raises(FactAssertionError, match="no rows"):
        assert_facts(bundled).where(relation="no-such-verb").agree_on("where")
    with pytest.raises(FactAssertionError, match="at least 2"):
        assert_facts(bundled).where(relation="meet").agree_on("quantity")
    with pytest.raises(ValueError, match="cannot compare"):
        assert_facts(bundled).agree_on("colour")
    with pytest.raises(ValueError, match="unknown filter"):
        bundled.where(colour="red")


def test_assert_facts_accepts_a_bare_check_result() -> None:
    result = check_corpus(bundled_corpus_path())
    assert_facts(result).where(relation="meet", involving="Putin").agree_on("where")


# --- fixtures, through pytester ------------------------------------------------------------


def test_fact_table_defaults_to_the_bundled_corpus(pytester: pytest.Pytester) -> None:
    expected = len(FactTable.check(bundled_corpus_path()).groups)
    pytester.makepyfile(f"""
        from facts.corpus import bundled_corpus_path

        def test_default(fact_table, knowledge_base):
            assert len(fact_table.groups) == {expected}
            assert fact_table.result.corpus.root.resolve() == bundled_corpus_path().resolve()
            assert fact_table.kb is knowledge_base
    """)
    pytester.runpytest_inprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_fact_table_marker_option_and_parametrize(pytester: pytest.Pytester, corpus: Path,
                                                  edit) -> None:
    edit(corpus, "x2", "quantity", "11")
    shutil.copytree(bundled_corpus_path(), pytester.path / "clean")
    pytester.makepyfile(test_fixture="""
        import pytest
        from facts.testing import assert_facts

        @pytest.mark.facts_corpus("corpus")
        def test_marker(fact_table):
            assert_facts(fact_table).where(relation="expel").agree_on("quantity")

        @pytest.mark.parametrize("fact_table", ["clean", "corpus"], indirect=True)
        def test_param(fact_table):
            assert_facts(fact_table).where(relation="expel").agree_on("quantity")

        def test_option(fact_table):
            assert_facts(fact_table).where(relation="expel").agree_on("quantity")
    """)
    result = pytester.runpytest_inprocess("test_fixture.py", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=2)  # marker + param[corpus] fail; option: bundled
    result.stdout.fnmatch_lines(["*'11' -> 11*"])
    result = pytester.runpytest_inprocess("test_fixture.py", "--facts", "corpus",
                                          "-p", "no:cacheprovider", "-k", "option")
    result.assert_outcomes(failed=1)
    assert "test_option" in result.stdout.str()


def test_fact_table_on_invalid_corpus_fails_with_file_row_column(
    pytester: pytest.Pytester, corpus: Path, edit
) -> None:
    edit(corpus, "s3", "doc", "missing-doc")
    pytester.makepyfile(test_bad="""
        import pytest

        @pytest.mark.facts_corpus("corpus")
        def test_bad(fact_table):
            pass
    """)
    result = pytester.runpytest_inprocess("test_bad.py", "-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*facts.csv, row 4, column 'doc': unknown document*"])


def test_knowledge_base_option(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", kb="""
        - {id: "place:atlantis", name: Atlantis, type: city}
    """)
    pytester.makepyfile("""
        def test_kb(knowledge_base):
            assert len(knowledge_base) == 1 and knowledge_base.get("place:atlantis")
    """)
    result = pytester.runpytest_inprocess("--facts-kb", "kb.yaml", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
