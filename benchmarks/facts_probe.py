"""Fact-table probes: `facts check --format json` on corpus folders written blind, scored.

Each probe folder (benchmarks/data/facts_probe_*/<story>/) is a corpus folder in design.md's
format, written for this project by a helper who saw design.md and the knowledge base's listing
but not the checker, with an `expected.json`: the exit code, every group as its set of row ids
with its verdict, the field verdicts of chosen pairs of rows, and the input errors (file, row,
column). A folder with a `kb.yaml` is checked with `--kb` it. The command runs as a user runs it,
in a subprocess, and the table shows per folder what came out right; beside it a naive checker
that groups and compares the cells as written (folded text), so the gain of normalizing shows.

    python benchmarks/facts_probe.py [--errors] [FOLDER ...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"


def run_check(folder: Path) -> tuple[int, dict]:
    """Exit code and JSON report of `facts check FOLDER --format json` (with its kb.yaml)."""
    cmd = [sys.executable, "-m", "facts.cli", "check", str(folder), "--format", "json"]
    if (folder / "kb.yaml").is_file():
        cmd += ["--kb", str(folder / "kb.yaml")]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        report = {"groups": [], "errors": [], "crash": proc.stderr[-2000:]}
    return proc.returncode, report


def naive_check(folder: Path) -> tuple[int, dict]:
    """The baseline: rows grouped by claim key or by (subject, relation, object) as written,
    case and spacing folded; a field agrees when its folded text is equal, else conflicts."""
    import csv

    from normalize.text import fold_key as fold

    try:
        with open(folder / "facts.csv", encoding="utf-8-sig", newline="") as f:
            rows = [r for r in csv.DictReader(f)]
    except (OSError, UnicodeDecodeError, csv.Error):
        return 2, {"groups": [], "errors": [{"file": "facts.csv", "row": None, "column": None}]}
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        r = {k: (v or "") for k, v in r.items() if k}
        key = r.get("claim") or "|".join(fold(r.get(c, "")) for c in ("subject", "relation",
                                                                        "object"))
        groups[key].append(r)
    out = []
    conflict = False
    for key, members in groups.items():
        fields: dict[str, list[dict]] = defaultdict(list)
        verdict = "uncorroborated" if len({m.get("doc") for m in members}) < 2 else "consistent"
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                for name in ("when", "where", "quantity", "polarity"):
                    va, vb = fold(a.get(name, "")), fold(b.get(name, ""))
                    if name == "polarity":
                        va, vb = va or "asserted", vb or "asserted"
                    if not va or not vb:
                        v = "missing"
                    else:
                        v = "agree" if va == vb else "conflict"
                    if v == "conflict":
                        verdict = "conflict"
                    fields[name].append({"a": a.get("id"), "b": b.get("id"), "verdict": v})
        conflict |= verdict == "conflict"
        out.append({"key": key, "rows": [m.get("id") for m in members], "verdict": verdict,
                    "fields": fields})
    return (1 if conflict else 0), {"groups": out, "errors": []}


def score(expected: dict, code: int, report: dict) -> dict:
    """Counts of what the report got right against expected.json, and the misses, described."""
    got_groups = {frozenset(g["rows"]): g for g in report.get("groups", [])}
    pair_verdicts: dict[tuple[frozenset, str], str] = {}
    for g in report.get("groups", []):
        for name, pairs in g.get("fields", {}).items():
            for p in pairs:
                pair_verdicts[frozenset((p["a"], p["b"])), name] = p["verdict"]
    s = {"exit": int(code == expected["exit"]), "groups": 0, "n_groups": 0, "verdicts": 0,
         "pairs": 0, "n_pairs": 0, "errors": 0, "n_errors": 0, "extra_errors": 0, "misses": []}
    if code != expected["exit"]:
        s["misses"].append(f"exit {code}, expected {expected['exit']}")
    for g in expected.get("groups", []):
        rows = frozenset(g["rows"])
        s["n_groups"] += 1
        found = got_groups.get(rows)
        if found is None:
            s["misses"].append(f"group {sorted(rows)} not formed")
        else:
            s["groups"] += 1
            if found["verdict"] == g["verdict"]:
                s["verdicts"] += 1
            else:
                s["misses"].append(f"group {sorted(rows)}: {found['verdict']}, expected "
                                   f"{g['verdict']}")
        for p in g.get("pairs", []):
            s["n_pairs"] += 1
            got = pair_verdicts.get((frozenset((p["a"], p["b"])), p["field"]))
            if got == p["verdict"]:
                s["pairs"] += 1
            else:
                s["misses"].append(f"{p['a']}~{p['b']} {p['field']}: {got}, expected "
                                   f"{p['verdict']}")
    got_errors = [(e.get("file"), e.get("row"), e.get("column"))
                  for e in report.get("errors", [])]
    unmatched = list(got_errors)
    for e in expected.get("errors", []):
        s["n_errors"] += 1
        want = (e.get("file"), e.get("row"), e.get("column"))
        if want in unmatched:
            s["errors"] += 1
            unmatched.remove(want)
        else:
            s["misses"].append(f"error {want} not reported")
    s["extra_errors"] = len(unmatched)
    for e in unmatched:
        s["misses"].append(f"unexpected error {e}")
    if "crash" in report:
        s["misses"].append(f"no JSON report: {report['crash']}")
    return s


def folders(paths: list[str]) -> list[Path]:
    """Every corpus folder (one holding expected.json) under the given paths or the probes."""
    roots = [Path(p) for p in paths] or sorted(DATA.glob("facts_probe_*"))
    return sorted({e.parent for root in roots for e in root.rglob("expected.json")})


def main(argv: list[str] | None = None) -> int:
    """Print the table: per folder and in total, ours beside the naive checker."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", help="probe folders (default: benchmarks/data)")
    parser.add_argument("--errors", action="store_true", help="list what each folder missed")
    args = parser.parse_args(argv)
    keys = ("exit", "groups", "verdicts", "pairs", "errors")
    totals = {who: defaultdict(int) for who in ("ours", "naive")}
    print(f"{'folder':<34} {'exit':>5} {'groups':>8} {'verdict':>8} {'pairs':>8} {'errors':>8}"
          f" {'extra':>5}   naive: exit groups pairs")
    for folder in folders(args.folders):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        ours = score(expected, *run_check(folder))
        naive = score(expected, *naive_check(folder))
        for who, s in (("ours", ours), ("naive", naive)):
            for k in (*keys, "n_groups", "n_pairs", "n_errors", "extra_errors"):
                totals[who][k] += s[k]
            totals[who]["folders"] += 1
        name = f"{folder.parent.name}/{folder.name}"[-34:]
        print(f"{name:<34} {ours['exit']:>5} {ours['groups']:>3}/{ours['n_groups']:<4}"
              f" {ours['verdicts']:>8} {ours['pairs']:>3}/{ours['n_pairs']:<4}"
              f" {ours['errors']:>3}/{ours['n_errors']:<4} {ours['extra_errors']:>5}"
              f"   {naive['exit']:>5} {naive['groups']:>3}/{naive['n_groups']:<3}"
              f" {naive['pairs']:>3}/{naive['n_pairs']}")
        if args.errors:
            for miss in ours["misses"]:
                print(f"    - {miss}")
    print()
    print(f"{'':<14} {'exit codes':>11} {'groups formed':>14} {'group verdicts':>15}"
          f" {'pair verdicts':>14} {'errors found':>13} {'extra errors':>13}")
    for who, t in totals.items():
        def frac(a: str, b: str, t: dict = t) -> str:
            return f"{t[a] / t[b]:.3f}" if t[b] else "-"
        exits = t["exit"] / max(t["folders"], 1)
        print(f"{who:<14} {exits:>11.3f} {frac('groups', 'n_groups'):>14}"
              f" {frac('verdicts', 'n_groups'):>15} {frac('pairs', 'n_pairs'):>14}"
              f" {frac('errors', 'n_errors'):>13} {t['extra_errors']:>13}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
