"""The checker on the bundled corpus and on mutated copies: normalization, grouping, verdicts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facts.check import CheckResult, Group, check_corpus, check_rows, compare_cells, normalize_row
from facts.corpus import Document, FactRow, bundled_corpus_path


@pytest.fixture(scope="module")
def bundled() -> CheckResult:
    return check_corpus(bundled_corpus_path())


def _group_of(result: CheckResult, row_id: str) -> Group:
    return next(g for g in result.groups if row_id in [r.row.id for r in g.rows])


def _cell(group: Group, row_id: str, name: str):
    return next(r.cells[name] for r in group.rows if r.row.id == row_id)


def test_bundled_corpus_is_consistent(bundled: CheckResult) -> None:
    assert bundled.errors == []
    assert bundled.exit_code == 0
    assert {g.verdict for g in bundled.groups} <= {"consistent", "uncorroborated"}


def test_summit_rows_group_and_resolve(bundled: CheckResult) -> None:
    summit = _group_of(bundled, "s1")
    assert sorted(r.row.id for r in summit.rows) == ["s1", "s2", "s3", "s4", "s5"]
    assert summit.verdict == "consistent"
    when = {rid: _cell(summit, rid, "when").key for rid in ("s1", "s3", "s4", "s5")}
    assert when == {"s1": "2021-06", "s3": "2021-SU", "s4": "2021-06", "s5": "2021-06-16"}
    verdicts = {(v.a, v.b): v.verdict for v in summit.fields["when"]}
    assert verdicts[("s1", "s4")] == "agree"
    assert verdicts[("s1", "s5")] == "refines" and verdicts[("s3", "s5")] == "refines"
    assert _cell(summit, "s4", "where").key == _cell(summit, "s5", "where").key


def test_variant_mentions_fall_together(bundled: CheckResult) -> None:
    summit = _group_of(bundled, "s1")
    subjects = {_cell(summit, r, "subject").key for r in ("s1", "s2", "s4", "s5")}
    objects = {_cell(summit, r, "object").key for r in ("s1", "s2", "s4", "s5")}
    assert len(subjects) == 1 and len(objects) == 1 and subjects != objects
    assert _group_of(bundled, "j1") is _group_of(bundled, "j2")  # "Sallivan" is Sullivan


def test_symmetric_relation_ignores_order(bundled: CheckResult) -> None:
    call = _group_of(bundled, "c1")
    assert sorted(r.row.id for r in call.rows) == ["c1", "c2"]
    assert call.verdict == "consistent"


def test_relative_dates_use_each_documents_date(bundled: CheckResult) -> None:
    expel = _group_of(bundled, "x1")
    assert _cell(expel, "x2", "when").key == "2021-04"  # "last month" written 2021-05-25
    assert {v.verdict for v in expel.fields["quantity"]} == {"agree"}
    proposal = _group_of(bundled, "p1")
    assert {_cell(proposal, r, "when").key for r in ("p1", "p2")} == {"2021-04"}


def _result_with(corpus: Path) -> CheckResult:
    return check_corpus(corpus)


@pytest.mark.parametrize(
    ("row", "column", "value", "field"),
    [
        ("s5", "when", "July 16", "when"),
        ("s4", "where", "Vienna", "where"),
        ("x2", "quantity", "11", "quantity"),
        ("x1", "polarity", "denied", "polarity"),
    ],
)
def test_a_conflicting_cell_fails_only_its_group(corpus_copy: Path, edit_facts, bundled,
                                                 row, column, value, field) -> None:
    edit_facts(row, column, value)
    result = _result_with(corpus_copy)
    assert result.exit_code == 1
    conflicted = [g for g in result.groups if g.verdict == "conflict"]
    assert len(conflicted) == 1 and row in [r.row.id for r in conflicted[0].rows]
    assert {f for f, _ in conflicted[0].conflicts()} == {field}
    before = {g.key: g.verdict for g in bundled.groups}
    after = {g.key: g.verdict for g in result.groups}
    assert {k for k in after if after[k] != before.get(k)} == {conflicted[0].key}


def test_a_document_that_contradicts_itself_is_uncorroborated_not_a_failure(
        corpus_copy: Path, edit_facts) -> None:
    edit_facts("d2", "polarity", "denied")  # d1 and d2 both come from one article
    result = _result_with(corpus_copy)
    assert result.exit_code == 0
    group = _group_of(result, "d2")
    assert group.verdict == "uncorroborated"
    assert {f for f, _ in group.conflicts()} == {"polarity"}  # the pair still says so


def test_a_precise_value_inside_a_vague_one_is_not_a_conflict(corpus_copy, edit_facts) -> None:
    edit_facts("x1", "quantity", "at least nine")
    result = _result_with(corpus_copy)
    group = _group_of(result, "x1")
    assert [v.verdict for v in group.fields["quantity"]] == ["refines"]
    assert result.exit_code == 0


@pytest.mark.parametrize(("a", "b", "verdict"), [
    ("$10 million", "10 million euros", "conflict"),  # the same number, not the same amount
    ("$10 million", "10 million dollars", "agree"),
    ("10%", "10 per cent", "agree"),
    ("10", "$10", "agree"),  # a bare number says nothing about the unit
    ("£2.4bn", "2.4 billion pounds", "agree"),
    ("2.4 billion pounds", "$2.4 billion", "conflict"),
    ("75 basis points", "0.75 percentage point", "agree"),  # a basis point: 0.01 point
    ("three-quarters of a percentage point", "75bp", "agree"),
    ("3,850 kg", "3.85 metric tons", "agree"),  # one mass in two units
    ("3,850 kilograms", "about 4 tonnes", "refines"),
    ("56 minutes", "less than an hour", "refines"),
    ("90 minutes", "1.5 hours", "agree"),
    ("5 miles", "8 km", "agree"),  # a conversion rounded to the digits written
    ("5 miles", "9 km", "conflict"),
    ("3.85 tonnes", "3.85", "agree"),  # a bare number says nothing about the unit
    ("3 km", "3 kg", "conflict"),  # units of different kinds
    ("75 basis points", "75%", "conflict"),  # a percentage is in percentage points
    ("75 bp", "0.75%", "agree"),
    ("1 hour", "61 minutes", "conflict"),  # the rounding of the finer number, not the coarser
    ("8 km", "8.3 kilometres", "conflict"),  # one unit spelt two ways: no rounding between
])
def test_amounts_compare_their_currency(corpus_copy, edit_facts, a, b, verdict) -> None:
    edit_facts("x1", "quantity", a)
    edit_facts("x2", "quantity", b)
    pair = _group_of(_result_with(corpus_copy), "x1").fields["quantity"]
    assert [v.verdict for v in pair] == [verdict]
    if verdict == "conflict" and "$" in a + b:
        assert "different units" in pair[0].why and pair[0].why.count("USD") == 1


def test_claim_key_groups_rows_and_compares_subjects(corpus_copy, edit_facts) -> None:
    result = _result_with(corpus_copy)
    sanctions = _group_of(result, "n1")
    assert sanctions.key == "us-sanctions-april-2021"  # the curator's key, as written
    assert [v.verdict for v in sanctions.fields["subject"]] == ["agree"]
    assert [v.verdict for v in sanctions.fields["quantity"]] == ["missing"]


def test_unresolvable_mention_is_kept_and_reported(corpus_copy, edit_facts) -> None:
    edit_facts("s5", "when", "the day the music died")
    result = _result_with(corpus_copy)
    cell = _cell(_group_of(result, "s5"), "s5", "when")
    assert cell.raw == "the day the music died" and not cell.resolved
    assert any(w.row == 6 and w.column == "when" for w in result.unresolved)
    strict = check_corpus(corpus_copy, strict=True)
    assert strict.exit_code == 2 and any(e.column == "when" for e in strict.errors)


def test_no_document_date_means_unanchored(corpus_copy) -> None:
    path = corpus_copy / "documents.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2021-05-25", ""), encoding="utf-8")
    result = _result_with(corpus_copy)
    cell = _cell(_group_of(result, "x2"), "x2", "when")
    assert not cell.resolved and "no date" in cell.explain


_cells = st.text(max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_cells, _cells, _cells, _cells, _cells, _cells, _cells),
                min_size=1, max_size=4))
def test_checker_never_crashes_on_arbitrary_cells(cells) -> None:
    doc = Document("d", Path("d.txt"), date(2021, 5, 25), "text")
    rows = [
        FactRow(id=f"r{i}", line=i + 2, doc="d", subject=s or "x", relation=r or "meet",
                object=o, when=w, where=p, quantity=q, claim=c)
        for i, (s, r, o, w, p, q, c) in enumerate(cells)
    ]
    result = check_rows(rows, {"d": doc})
    assert sum(len(g.rows) for g in result.groups) == len(rows)
    # invalid input can only be an impossible date in a `when` cell ("June 31")
    assert all(e.column == "when" and "impossible" in e.message for e in result.errors)
    assert result.exit_code == 2 if result.errors else result.exit_code in (0, 1)
    result.to_dict()


def test_an_impossible_date_is_invalid_input(corpus_copy, edit_facts) -> None:
    edit_facts("s5", "when", "June 31")
    result = _result_with(corpus_copy)
    assert result.exit_code == 2
    assert [(e.file, e.row, e.column) for e in result.errors] == [("facts.csv", 6, "when")]
    assert "June has 30 days" in result.errors[0].message
    assert result.groups  # the report on every other row is still there
    assert all(r.row.id != "s5" for g in result.groups for r in g.rows)  # judged nowhere


def test_a_country_lies_inside_its_continent(bundled: CheckResult) -> None:
    trip = _group_of(bundled, "t1")
    assert [(v.a, v.b, v.verdict) for v in trip.fields["where"]] == [("t1", "t2", "refines")]
    assert "United Kingdom lies in Europe" in trip.fields["where"][0].why


def test_a_day_inside_a_range_refines_it(corpus_copy, edit_facts) -> None:
    edit_facts("s4", "when", "June 15-17")
    result = _result_with(corpus_copy)
    summit = _group_of(result, "s4")
    verdicts = {(v.a, v.b): v.verdict for v in summit.fields["when"]}
    assert verdicts[("s4", "s5")] == "refines" and result.exit_code == 0
    edit_facts("s4", "when", "June 17-18")
    assert _result_with(corpus_copy).exit_code == 1


def test_rows_built_in_code_are_validated_like_a_table() -> None:
    doc = Document("d", Path("d.txt"), date(2021, 5, 25), "Biden met Putin in Geneva.")
    rows = [
        FactRow(id="r1", line=2, doc="d", subject="Biden", relation="meet", object="Putin",
                polarity="Denied"),
        FactRow(id="r2", line=3, doc="nope", subject="Biden", relation="meet", object="Putin"),
        FactRow(id="r3", line=4, doc="d", subject="Biden", relation="meet", polarity="maybe"),
    ]
    result = check_rows(rows, {"d": doc})
    assert [(e.row, e.column) for e in result.errors] == [(3, "doc"), (4, "polarity")]
    assert result.exit_code == 2
    assert [r.row.polarity for g in result.groups for r in g.rows] == ["denied"]


def _claim_rows(*cells: tuple[str, str, str, str]) -> CheckResult:
    """Rows of one claim key ("c"), each (doc date, subject, relation, object), checked."""
    docs, rows = {}, []
    for i, (day, subject, relation, obj) in enumerate(cells):
        docs[f"d{i}"] = Document(f"d{i}", Path(f"d{i}.txt"), date.fromisoformat(day), "")
        rows.append(FactRow(id=f"r{i}", line=i + 2, doc=f"d{i}", subject=subject,
                            relation=relation, object=obj, claim="c"))
    return check_rows(rows, docs)


def test_a_claim_of_a_symmetric_relation_compares_its_ends_in_either_order() -> None:
    result = _claim_rows(("2021-06-17", "President Joe Biden", "met", "Vladimir Putin"),
                         ("2021-06-17", "Russian President Vladimir Putin", "meet", "Joe Biden"))
    fields = result.groups[0].fields
    assert [v.verdict for v in fields["subject"] + fields["object"]] == ["agree", "agree"]
    assert result.exit_code == 0
    one_way = _claim_rows(("2021-06-17", "Joe Biden", "expelled", "Vladimir Putin"),
                          ("2021-06-17", "Vladimir Putin", "expelled", "Joe Biden"))
    assert one_way.exit_code == 1  # "expel" has a direction


def test_a_claim_compares_ends_only_between_rows_of_one_relation() -> None:
    """A proposal and its acceptance are one claim with different subjects: no conflict."""
    result = _claim_rows(("2025-03-18", "Donald Trump", "proposed", "a ceasefire"),
                         ("2025-03-19", "Vladimir Putin", "agreed", "a ceasefire"),
                         ("2025-03-19", "Joe Biden", "agreed", "a ceasefire"))
    subjects = result.groups[0].fields["subject"]
    assert [(v.a, v.b, v.verdict) for v in subjects] == [("r1", "r2", "conflict")]
    assert "object" in result.groups[0].fields  # the same relation's ends still compared


def test_a_leader_acts_for_the_state_on_the_day_he_leads_it() -> None:
    result = _claim_rows(("2023-07-11", "Recep Tayyip Erdogan", "dropped", "his objection"),
                         ("2023-07-11", "Turkey", "dropped", "his objection"))
    subject = result.groups[0].fields["subject"][0]
    assert subject.verdict == "refines" and "acted for Turkey as President" in subject.why
    before = _claim_rows(("2010-07-11", "Recep Tayyip Erdogan", "dropped", "his objection"),
                         ("2010-07-11", "Greece", "dropped", "his objection"))
    assert before.groups[0].fields["subject"][0].verdict == "conflict"


@pytest.mark.parametrize(("a", "b", "verdict"), [
    ("no earlier than June 14", "June 16", "refines"),
    ("no earlier than June 17", "June 16", "conflict"),
    ("after June 16", "June 16", "conflict"),
    ("no later than June 16", "June 16", "refines"),
])
def test_an_open_date_contains_what_it_allows(corpus_copy, edit_facts, a, b, verdict) -> None:
    edit_facts("s4", "when", a)
    edit_facts("s5", "when", b)
    summit = _group_of(_result_with(corpus_copy), "s4")
    pair = next(v for v in summit.fields["when"] if {v.a, v.b} == {"s4", "s5"})
    assert pair.verdict == verdict, pair.why


@pytest.mark.parametrize(("a", "b", "verdict"), [
    # one moment told in two time zones: late on one day, early on the next
    ("late Friday", "05:01 on Saturday", "refines"),
    ("on Friday night", "early on Saturday", "refines"),
    ("on Friday evening", "in the early hours of Saturday", "refines"),
    # a whole day, or a time well into the next day, is still another day
    ("on Friday", "on Saturday", "conflict"),
    ("late Friday", "at 3 p.m. on Saturday", "conflict"),
    ("early Friday", "late on Saturday", "conflict"),
    # a part of a day lies inside it
    ("in the early hours of Saturday", "on Saturday", "refines"),
])
def test_late_and_early_across_midnight_may_be_one_moment(a, b, verdict) -> None:
    pair = _when_pair(a, b, date(2024, 9, 8))
    assert pair.verdict == verdict, pair.why


@pytest.mark.parametrize(("a", "b", "verdict"), [
    # both name their zone: compared in UTC
    ("at 8 p.m. (1900 GMT) on Thursday", "at 2 p.m. Eastern time on Thursday", "agree"),
    ("at 8 p.m. Rome time on Thursday", "at 1900 GMT on Thursday", "agree"),
    ("at 8 p.m. CET on Thursday", "at 8 p.m. EST on Thursday", "conflict"),
    # one names its zone: the other may be told in any, within a day of it
    ("at 3:30 p.m. Thursday, Washington time", "in the early hours of Friday", "refines"),
    ("at 3:30 p.m. Thursday, Washington time", "on Sunday", "conflict"),
])
def test_times_in_named_zones_compare_in_utc(a, b, verdict) -> None:
    pair = _when_pair(a, b, date(2013, 3, 1))
    assert pair.verdict == verdict, pair.why


def _when_pair(a: str, b: str, day: date):
    """The `when` verdict of one claim dated `a` in one paper and `b` in another of `day`."""
    docs = {d: Document(d, Path(f"{d}.txt"), day, "") for d in ("us", "uk")}
    rows = [FactRow(id=f"r{i}", line=i + 2, doc=d, subject="Starliner", relation="land",
                    when=w, claim="c")
            for i, (d, w) in enumerate((("us", a), ("uk", b)))]
    return check_rows(rows, docs).groups[0].fields["when"][0]


@pytest.mark.parametrize(("a", "b", "verdict"), [
    # one span written two ways agrees
    ("in the second quarter", "between April and June", "agree"),
    ("in the three months to June", "in the April-June quarter", "agree"),
    ("in the three months to June 30", "in the second quarter", "agree"),
    # a month inside a span that ends at a date refines it; one outside conflicts
    ("in the three months to June", "in May", "refines"),
    ("in the three months ended June 30", "in July", "conflict"),
])
def test_a_span_that_ends_at_a_date_is_the_whole_span(a, b, verdict) -> None:
    pair = _when_pair(a, b, date(2023, 7, 20))
    assert pair.verdict == verdict, pair.why


def test_mentions_outside_the_kb_group_without_their_possessives() -> None:
    docs = {d: Document(d, Path(f"{d}.txt"), date(2022, 1, 19), "") for d in ("us", "uk")}
    rows = [FactRow(id=f"r{i}", line=i + 2, doc=d, subject="Investors", relation="send",
                    object=o, when="on Tuesday")
            for i, (d, o) in enumerate((("us", "Activision shares"),
                                        ("uk", "Activision\u2019s shares")))]
    assert [len(g.rows) for g in check_rows(rows, docs).groups] == [2]


def test_cells_compared_without_a_kb_use_the_bundled_one() -> None:
    doc = Document("d", Path("d.txt"), date(2021, 6, 16), "")
    rows = [normalize_row(FactRow(id=f"r{i}", line=i + 2, doc="d", subject=subject,
                                  relation="meet", where=where), doc)
            for i, (subject, where) in enumerate((("Joe Biden", "Geneva"),
                                                  ("President Biden", "Switzerland")))]
    where = compare_cells("where", rows[0], rows[1])
    assert where.verdict == "refines", where.why  # Geneva lies in Switzerland
    assert compare_cells("subject", rows[0], rows[1]).verdict == "agree"


@pytest.mark.parametrize(("text", "expected"), [
    # the article names one country with a president: its holder on the document's date
    ("WASHINGTON (AP) - The president signed the bill.\n\nMr. Trump flew to Florida.",
     "person:joe-biden"),
    # the article names two such countries: whose president it is stays open
    ("WASHINGTON (AP) - The president signed the bill.\n\nMr. Macron called from Paris.",
     None),
])
def test_a_role_its_quote_leaves_open_takes_the_country_of_the_article(text, expected) -> None:
    doc = Document("d", Path("d.txt"), date(2021, 1, 25), text)
    row = normalize_row(FactRow(id="r1", line=2, doc="d", subject="The president",
                                relation="sign", quote="The president signed the bill."), doc)
    assert row.cells["subject"].key == expected, row.cells["subject"].explain


def test_only_a_role_is_read_from_the_article() -> None:
    # "Merkle" is no one in its quote; read with the whole article, which names Angela Merkel,
    # it would be her typo, but only a role reading is taken from the article
    text = "Chancellor Angela Merkel arrived in Paris.\n\nMerkle spoke to reporters."
    doc = Document("d", Path("d.txt"), date(2021, 6, 20), text)
    row = normalize_row(FactRow(id="r1", line=2, doc="d", subject="Merkle", relation="say",
                                quote="Merkle spoke to reporters."), doc)
    assert row.cells["subject"].value is None, row.cells["subject"].explain


@pytest.mark.parametrize(("text", "expected"), [
    # the article names the United States: the Congress Modi addressed is its
    ("WASHINGTON - Modi met Biden at the White House.\n\nModi addressed a joint meeting of "
     "Congress on Thursday.", "org:us-congress"),
    # the article names no country whose Congress the KB holds: no answer
    ("NEW DELHI - Modi addressed a joint meeting of Congress on Thursday.", None),
])
def test_a_body_many_countries_have_takes_the_country_of_the_article(text, expected) -> None:
    doc = Document("d", Path("d.txt"), date(2023, 6, 24), text)
    row = normalize_row(FactRow(id="r1", line=2, doc="d", subject="Modi", relation="address",
                                object="Congress",
                                quote="Modi addressed a joint meeting of Congress on Thursday."),
                        doc)
    assert row.cells["object"].key == expected, row.cells["object"].explain


def test_a_side_in_a_match_groups_with_its_country() -> None:
    # in a sentence that names the match, "Argentina" is the team, which the resolver leaves
    # unlinked; a paper whose quote names no match links it to the country: one claim still
    quotes = {"a": "Messi won the World Cup as Argentina beat France 4-2 in a penalty shootout.",
              "b": "Argentina beat France on penalties yesterday."}
    docs = {d: Document(d, Path(f"{d}.txt"), date(2022, 12, 19), q) for d, q in quotes.items()}
    rows = [FactRow(id=f"r{d}", line=i + 2, doc=d, subject="Argentina", relation="beat",
                    object="France", quote=q) for i, (d, q) in enumerate(quotes.items())]
    result = check_rows(rows, docs)
    assert [len(g.rows) for g in result.groups] == [2]
    subject = normalize_row(rows[0], docs["a"]).cells["subject"]
    assert subject.key == "country:ar" and "side of Argentina" in subject.explain
