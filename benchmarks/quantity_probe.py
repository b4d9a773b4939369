"""Quantity probes: news quantity phrases with the bounds a careful reader gives them.

Each probe (benchmarks/data/quantity_probe_*.tsv: mention, low, high, low_open, high_open,
kind, note) was written by a helper who saw the reader's documented conventions (README: ±10%
for "about", "dozens" 24..99, ...) but not its code. Shares (kind RATIO) are left out: the
reader declines them by design. A row is right when the bounds and the kind agree ("-odd" rows
the helper called VAGUE and the reader APPROX count under bounds only). Each probe was scored once
before any change made for it (README); since then it is a development set.

    python benchmarks/quantity_probe.py [--errors] [FILE ...]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from news_probe import load  # noqa: E402  (the same tab-separated probe files)


def _bound(text: str) -> float | None:
    return None if text == "-" else float(text)


def judge(row: dict[str, str]) -> tuple[bool, bool, str]:
    """(bounds and kind right, bounds right, what the reader gave) for one row."""
    from normalize.quantities import resolve_quantity

    got = resolve_quantity(row["mention"])
    if row["kind"] == "NONE":
        return got is None, got is None, str(got)
    if got is None:
        return False, False, "None"
    bounds = (got.low, got.high) == (_bound(row["low"]), _bound(row["high"]))
    return bounds and got.mod == row["kind"], bounds, f"{got} {got.mod}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--errors", action="store_true", help="list our wrong answers")
    args = parser.parse_args()
    for path in args.files or sorted((HERE / "data").glob("quantity_probe_*.tsv")):
        rows = [r for r in load(path) if r["kind"] != "RATIO"]
        total, right, bounds = Counter(), Counter(), Counter()
        wrong = []
        for r in rows:
            exact, near, got = judge(r)
            for key in ("ALL", r["kind"]):
                total[key] += 1
                right[key] += exact
                bounds[key] += near
            if not exact:
                wrong.append(f"  {r['kind']:7s} {r['mention']!r}: expected [{r['low']}, "
                             f"{r['high']}], got {got} | {r['note']}")
        print(f"\n{path.name}: {len(rows)} phrases (shares left out)\n")
        print("| kind | phrases | bounds and kind | bounds only |")
        print("|---|---|---|---|")
        for key in ["ALL", *sorted(k for k in total if k != "ALL")]:
            print(f"| {key} | {total[key]} | {right[key] / total[key]:.3f} ({right[key]}) | "
                  f"{bounds[key] / total[key]:.3f} ({bounds[key]}) |")
        if args.errors:
            print("\n" + "\n".join(wrong))


if __name__ == "__main__":
    main()
