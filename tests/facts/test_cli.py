"""`facts check` end to end: the bundled corpus, JSON output, exit codes, bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from facts.cli import main


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_bundled_corpus_text_report(capsys) -> None:
    code, out, _ = _run(capsys, "check")
    assert code == 0
    for value in ("2021-06", "2021-06-16", "2021-SU", "next June", "this summer"):
        assert value in out
    assert "refines" in out and "Exit code 0" in out


def test_json_report_shape(capsys) -> None:
    code, out, _ = _run(capsys, "check", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["errors"] == []
    for group in data["groups"]:
        assert {"key", "rows", "verdict", "fields"} <= set(group)
        assert group["verdict"] in ("consistent", "conflict", "uncorroborated")
        for pairs in group["fields"].values():
            for pair in pairs:
                assert {"a", "b", "verdict"} <= set(pair)
                assert pair["a"] in group["rows"] and pair["b"] in group["rows"]


def test_conflict_exits_1_and_names_both_sides(capsys, corpus_copy, edit_facts) -> None:
    edit_facts("s5", "when", "July 16")
    code, out, _ = _run(capsys, "check", str(corpus_copy))
    assert code == 1
    assert "CONFLICT" in out and "2021-07-16" in out and "July 16" in out


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda d: (d / "documents.csv").write_text(
            (d / "documents.csv").read_text(encoding="utf-8").replace("2021-05-25", "2021-13-01"),
            encoding="utf-8"), "documents.csv, row 3, column 'date'"),
        (lambda d: (d / "004_443a8f7d1b54f9b3.txt").unlink(),
         "documents.csv, row 3, column 'path'"),
        (lambda d: (d / "facts.csv").write_text(
            (d / "facts.csv").read_text(encoding="utf-8").replace(
                "s5,,psaki-geneva", "s5,,nope"), encoding="utf-8"),
         "facts.csv, row 6, column 'doc'"),
    ],
    ids=["impossible-date", "missing-document", "unknown-document"],
)
def test_bad_input_exits_2_and_keeps_the_report(capsys, corpus_copy, mutate, where) -> None:
    mutate(corpus_copy)
    code, out, err = _run(capsys, "check", str(corpus_copy), "--format", "json")
    assert code == 2
    assert where in err and "Traceback" not in err
    data = json.loads(out)
    assert data["errors"] and data["groups"]  # the valid rows are still reported


def test_missing_corpus_folder(capsys, tmp_path) -> None:
    code, _, err = _run(capsys, "check", str(tmp_path / "nowhere"))
    assert code == 2 and "no such folder" in err


def test_console_script_runs(tmp_path) -> None:
    exe = shutil.which("facts", path=str(Path(sys.executable).parent))
    assert exe, "the 'facts' console script is not installed next to this Python"
    proc = subprocess.run([exe, "check", "--format", "json"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["summary"]["exit_code"] == 0


def test_html_report_with_timeline(capsys, tmp_path) -> None:
    out_file = tmp_path / "report.html"
    code, _, _ = _run(capsys, "check", "--format", "html", "-o", str(out_file))
    page = out_file.read_text(encoding="utf-8")
    assert code == 0 and page.startswith("<!doctype html>")
    assert "<svg" in page and "2021-SU" in page and "2021-06-16" in page
    assert "&lt;" not in page.split("<body>")[0]  # the head is not escaped twice


def test_unwritable_output_is_a_clear_error(capsys, tmp_path) -> None:
    code, _, err = _run(capsys, "check", "-o", str(tmp_path / "no" / "such" / "dir.txt"))
    assert code == 2 and "-o" in err and "Traceback" not in err


def test_a_bad_entity_of_a_user_kb_is_an_input_error_and_the_rest_is_used(capsys, corpus_copy
                                                                          ) -> None:
    kb = corpus_copy / "kb.yaml"
    kb.write_text(
        "- id: country:xx\n  name: Examplia\n  type: country\n"
        "- id: city:xx-capital\n  name: Exampleton\n  type: city\n  located_in: country:xx\n"
        "- id: country:xx\n  name: Examplia Again\n  type: country\n"  # line 8: duplicate id
        "- id: person:nobody\n  type: person\n"  # line 11: no name
        "- id: city:orphan\n  name: Orphanville\n  type: city\n  located_in: country:zz\n",
        encoding="utf-8")
    code, out, err = _run(capsys, "check", str(corpus_copy), "--kb", str(kb), "--format", "json")
    data = json.loads(out)
    assert code == 2 and "Traceback" not in err
    assert [(e["file"], e["row"], e["column"]) for e in data["errors"]] == [
        ("kb.yaml", 8, "id"), ("kb.yaml", 11, "name"), ("kb.yaml", 16, "located_in")]
    assert "first defined at line 1" in data["errors"][0]["message"]
    assert data["groups"]  # the rows are still checked, with what the KB file holds


def test_an_unreadable_user_kb_stops_with_a_clear_error(capsys, corpus_copy) -> None:
    kb = corpus_copy / "kb.yaml"
    kb.write_text("- id: [unclosed\n", encoding="utf-8")
    code, _, err = _run(capsys, "check", str(corpus_copy), "--kb", str(kb))
    assert code == 2 and "syntax error" in err and "Traceback" not in err
