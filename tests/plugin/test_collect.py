"""The plugin collects corpus folders as test files, one item per group of fact rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from facts.testing import FactTable

_VERBOSE_LINE = re.compile(r"facts\.csv::(?P<name>.+?) (?P<outcome>PASSED|FAILED|ERROR)\b")


def item_names(result: pytest.RunResult, outcome: str | None = None) -> list[str]:
    """Sorted names of the corpus items in a -v run (optionally only those with `outcome`)."""
    found = [m for m in map(_VERBOSE_LINE.search, result.outlines) if m]
    return sorted(m["name"] for m in found if outcome in (None, m["outcome"]))


def _groups(folder: Path) -> dict[str, str]:
    """group key -> verdict, straight from the checker (the oracle for the plugin)."""
    return {g.key: g.verdict for g in FactTable.check(folder).groups}


def test_bundled_corpus_gives_one_passing_item_per_group(
    pytester: pytest.Pytester, corpus: Path
) -> None:
    groups = _groups(corpus)
    assert "conflict" not in groups.values()
    result = pytester.runpytest_inprocess("-v", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=len(groups))
    assert item_names(result) == sorted(groups)


def test_conflicting_row_fails_exactly_its_group(
    pytester: pytest.Pytester, corpus: Path, edit
) -> None:
    before = _groups(corpus)
    edit(corpus, "x2", "quantity", "11")
    after = _groups(corpus)
    failing = [k for k, v in after.items() if v == "conflict"]
    assert len(failing) == 1 and before.keys() == after.keys()
    result = pytester.runpytest_inprocess("-v", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=len(after) - 1, failed=1)
    assert item_names(result, "FAILED") == failing
    text = result.stdout.str()
    for needle in ("biden-hope", "psaki-geneva", "'10'", "'11'", "= 10;", "= 11 ->"):
        assert needle in text
    assert "Traceback" not in text and "raise GroupFailure" not in text


def test_conflicting_date_shows_both_normalized_values(
    pytester: pytest.Pytester, corpus: Path, edit
) -> None:
    edit(corpus, "s5", "when", "July 16")
    conflicts = [k for k, v in _groups(corpus).items() if v == "conflict"]
    assert len(conflicts) == 1
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=len(_groups(corpus)) - 1, failed=1)
    text = result.stdout.str()
    assert "'July 16'" in text and "2021-07-16" in text
    assert re.search(r"'(in|next) June'", text) and "2021-06" in text


def test_invalid_input_fails_collection_with_file_row_column(
    pytester: pytest.Pytester, corpus: Path, edit
) -> None:
    edit(corpus, "s2", "doc", "no-such-article")
    pytester.makepyfile(test_other="def test_other(): pass")
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    text = result.stdout.str()
    assert "facts.csv, row 3, column 'doc': unknown document 'no-such-article'" in text
    assert "invalid corpus" in text and "Traceback" not in text


def test_disabled_with_no_facts(pytester: pytest.Pytester, corpus: Path) -> None:
    result = pytester.runpytest_inprocess("-p", "no:facts", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_project_without_corpus_sees_nothing(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_plain="def test_one(): pass\ndef test_two(): pass")
    (pytester.path / "data").mkdir()
    (pytester.path / "data" / "facts.csv").write_text("doc,subject,relation\n")  # no documents
    args = ("-v", "-p", "no:cacheprovider")
    with_plugin = pytester.runpytest_inprocess(*args)
    without = pytester.runpytest_inprocess(*args, "-p", "no:facts")
    with_plugin.assert_outcomes(passed=2)

    def lines(result: pytest.RunResult) -> list[str]:
        # pytest itself lists installed plugin distributions in the header: not ours to print.
        return [re.sub(r"\d+\.\d+s", "", line) for line in result.outlines
                if not line.startswith("plugins:")]

    assert lines(with_plugin) == lines(without)


def test_reportinfo_points_at_the_first_row(pytester: pytest.Pytester, corpus: Path) -> None:
    items = pytester.getitems(corpus / "facts.csv")
    table = FactTable.check(corpus)
    first_line = {g.key: g.rows[0].row.line for g in table.groups}
    assert {i.name for i in items} == set(first_line)
    for item in items:
        path, line, domain = item.location
        assert Path(path).name == "facts.csv"
        assert line == first_line[item.name] - 1  # 0-based, as pytest stores it
        assert domain.startswith("facts: ")


def test_strict_fails_single_source_groups(pytester: pytest.Pytester, corpus: Path) -> None:
    verdicts = list(_groups(corpus).values())
    single = verdicts.count("uncorroborated")
    assert single and verdicts.count("conflict") == 0
    result = pytester.runpytest_inprocess("--facts-strict", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=len(verdicts) - single, failed=single)
    assert "only one document states this claim" in result.stdout.str()
    pytester.makeini("[pytest]\nfacts_strict = true\n")
    pytester.runpytest_inprocess("-p", "no:cacheprovider").assert_outcomes(
        passed=len(verdicts) - single, failed=single)


# --- corpora named outside the collected paths -----------------------------------------------


@pytest.fixture
def outside(pytester: pytest.Pytester, corpus: Path) -> Path:
    """The corpus moved out of the test folder: <pytester>/data/summit; tests in tests/."""
    target = pytester.path / "data" / "summit"
    target.parent.mkdir()
    corpus.rename(target)
    pytester.mkdir("tests")
    pytester.makepyfile(**{"tests/test_plain": "def test_plain(): pass"})
    return target


def test_facts_option_adds_a_folder(pytester: pytest.Pytester, outside: Path) -> None:
    groups = _groups(outside)
    result = pytester.runpytest_inprocess("tests", "--facts", "data/summit",
                                          "-p", "no:cacheprovider")
    result.assert_outcomes(passed=len(groups) + 1)
    pytester.runpytest_inprocess("tests", "-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_facts_option_is_not_collected_twice(pytester: pytest.Pytester, outside: Path) -> None:
    groups = _groups(outside)
    result = pytester.runpytest_inprocess("data", "--facts", "data/summit",
                                          "--facts", "data/summit/facts.csv",
                                          "-p", "no:cacheprovider")
    result.assert_outcomes(passed=len(groups))


def test_facts_option_items_obey_deselection(pytester: pytest.Pytester, outside: Path) -> None:
    meet = [k for k in _groups(outside) if "meet" in k.casefold()]
    result = pytester.runpytest_inprocess("tests", "--facts", "data/summit", "-k", "meet",
                                          "-p", "no:cacheprovider")
    result.assert_outcomes(passed=len(meet))


def test_facts_option_with_a_missing_folder_is_a_usage_error(
    pytester: pytest.Pytester, outside: Path
) -> None:
    result = pytester.runpytest_inprocess("--facts", "data/nowhere", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "no corpus at" in result.stderr.str()


def test_ini_facts_paths_apply_when_no_path_is_given(
    pytester: pytest.Pytester, outside: Path
) -> None:
    groups = _groups(outside)
    pytester.makeini("[pytest]\ntestpaths = tests\nfacts_paths = data/summit\n")
    pytester.runpytest_inprocess("-p", "no:cacheprovider").assert_outcomes(
        passed=len(groups) + 1)
    pytester.runpytest_inprocess("tests/test_plain.py", "-p", "no:cacheprovider") \
        .assert_outcomes(passed=1)


def test_each_corpus_is_checked_once_per_session(
    pytester: pytest.Pytester, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import facts.check

    calls: list[Path] = []
    real = facts.check.check_corpus

    def counting(folder, *args, **kwargs):
        calls.append(Path(folder))
        return real(folder, *args, **kwargs)

    monkeypatch.setattr(facts.check, "check_corpus", counting)
    pytester.makepyfile(test_uses_fixture="""
        import pytest

        @pytest.mark.facts_corpus("corpus")
        def test_a(fact_table):
            assert fact_table.groups

        @pytest.mark.facts_corpus("corpus/")
        def test_b(fact_table):
            assert fact_table.groups
    """)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=len(_groups(corpus)) + 2)
    assert calls == [corpus.resolve()]


def test_a_bad_knowledge_base_is_a_usage_error(pytester: pytest.Pytester, corpus: Path) -> None:
    (pytester.path / "kb.yaml").write_text("- {id: x}\n", encoding="utf-8")
    result = pytester.runpytest_inprocess("--facts-kb", "kb.yaml", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--facts-kb kb.yaml*"])
    assert "Traceback" not in result.stderr.str()
