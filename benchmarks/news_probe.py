"""News probes: TIMEX3 value accuracy on hand-written news sentences, beside dateparser.

Each probe (benchmarks/data/news_probe_*.tsv: mention, anchor, expected, type, context,
reference) is a set of wire-news sentences written for this project, outside TempEval-3, with
the value a TimeML annotator would give (type NONE: the mention must not be read as a time).
Probe 1 was used to find and mend gaps, so it is a development set now; a probe is held out
only until its failures have been looked at (the README says which).

    python benchmarks/news_probe.py [--errors] [--no-peer] [FILE ...]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from temporal import Mention, run_dateparser  # noqa: E402


def load(path: Path) -> list[dict[str, str]]:
    """The rows of one probe file."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def ours(rows: list[dict[str, str]]) -> list[str]:
    """normalize.dates on every row (anchor, context and reference given); "NONE" for no value."""
    from normalize.dates import resolve_date

    values = []
    for r in rows:
        got = resolve_date(r["mention"], anchor=r["anchor"], context=r["context"] or None,
                           reference=r.get("reference") or None)
        values.append(got.value if got is not None else "NONE")
    return values


def dateparser_values(rows: list[dict[str, str]]) -> list[str]:
    """dateparser as temporal.py runs it, the anchor as RELATIVE_BASE (it takes no sentence and
    no reference); "NONE" for no value."""
    mentions = [Mention("", r["mention"], r["type"], r["expected"], r["anchor"], r["context"])
                for r in rows]
    return [value or "NONE" for value in run_dateparser(mentions)[0]]


def cells(rows: list[dict[str, str]], values: list[str]) -> str:
    """Overall and per-type accuracy cells of one table row."""
    total, right = Counter(), Counter()
    for r, v in zip(rows, values, strict=True):
        for key in ("ALL", r["type"]):
            total[key] += 1
            right[key] += v == r["expected"]
    keys = ("ALL", "DATE", "TIME", "DURATION", "SET", "NONE")
    return " | ".join(f"{right[k] / total[k]:.3f} ({right[k]}/{total[k]})" if total[k] else "-"
                      for k in keys)


def main(argv: list[str] | None = None) -> int:
    """Print one table per probe file; --errors lists our misses."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--errors", action="store_true", help="list our wrong answers")
    ap.add_argument("--no-peer", action="store_true", help="skip dateparser")
    args = ap.parse_args(argv)
    files = args.files or sorted((HERE / "data").glob("news_probe_*.tsv"))
    if not files:
        print("no probe files found", file=sys.stderr)
        return 2
    for path in files:
        rows = load(path)
        print(f"\n{path.name}: {len(rows)} mentions\n")
        print("| system | overall | DATE | TIME | DURATION | SET | NONE (must not read) |")
        print("|---|---|---|---|---|---|---|")
        values = ours(rows)
        print(f"| normalize.dates | {cells(rows, values)} |")
        if not args.no_peer:
            print(f"| dateparser | {cells(rows, dateparser_values(rows))} |")
        if args.errors:
            for r, v in zip(rows, values, strict=True):
                if v != r["expected"]:
                    ref = f" [reference {r['reference']}]" if r.get("reference") else ""
                    print(f"  {r['mention']!r} @{r['anchor']}: expected {r['expected']}, got {v}"
                          f" | {r['context']}{ref}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
