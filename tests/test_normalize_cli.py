"""The `normalize` command: one mention from the shell, text or JSON, clear errors."""

from __future__ import annotations

import json

from normalize.cli import main


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_date_json(capsys) -> None:
    code, out, _ = _run(capsys, "date", "next June", "--anchor", "2021-05-25", "--json")
    data = json.loads(out)
    assert code == 0 and data["value"] == "2021-06" and data["type"] == "DATE"
    assert data["start"].startswith("2021-06-01") and data["end"].startswith("2021-07-01")


def test_date_bad_anchor_is_a_clear_error(capsys) -> None:
    code, _, err = _run(capsys, "date", "next June", "--anchor", "2021-02-30")
    assert code == 2 and "anchor" in err and "Traceback" not in err


def test_date_not_a_time(capsys) -> None:
    code, out, _ = _run(capsys, "date", "laughing out loud", "--anchor", "2021-05-25")
    assert code == 1 and out.strip() == "no match"


def test_entity_text_and_json(capsys) -> None:
    code, out, _ = _run(capsys, "entity", "Sallivan", "--date", "2021-05-04", "--json")
    assert code == 0 and json.loads(out)["id"] == "person:jake-sullivan"
    code, out, _ = _run(capsys, "entity", "Jack Sullivan")
    assert code == 1 and "no match" in out


def test_entity_missing_kb_file(capsys, tmp_path) -> None:
    code, _, err = _run(capsys, "entity", "Putin", "--kb", str(tmp_path / "none.yaml"))
    assert code == 2 and "none.yaml" in err


def test_quantity(capsys) -> None:
    code, out, _ = _run(capsys, "quantity", "at least nine", "--json")
    data = json.loads(out)
    assert code == 0 and (data["low"], data["high"], data["mod"]) == (9, None, "MIN")
