# tests/test_facts.py -- the corpus folder tests/corpus/ (documents.csv, facts.csv and the
# article files) is collected by itself: one test per group of rows, failing on a conflict.
import pytest

from facts.testing import assert_facts


def test_every_row_about_the_summit_agrees_on_place_and_time(fact_table):
    # no marker: fact_table is the bundled summit-2021 corpus, checked
    summit = assert_facts(fact_table).where(relation="meet", involving="Vladimir Putin")
    summit.agree_on("where", "when")


def test_no_two_documents_disagree_on_the_expelled_diplomats(fact_table):
    assert_facts(fact_table).where(relation="expel", object="Russian diplomats").agree_on(
        "quantity", exact=True
    )


@pytest.mark.facts_corpus("corpus")  # a folder relative to this file
def test_my_corpus_has_no_conflict(fact_table):
    assert_facts(fact_table).consistent()
