"""Entity probes: linking news mentions to the bundled knowledge base, beside rapidfuzz.

Each probe (benchmarks/data/entity_probe_*.tsv: mention, date, context, expected, kind) holds
news sentences written for this project by a helper who saw the knowledge base's listing but
not the resolver, with the entity a careful reader would link on that date, or NONE when the
name is someone or something else. A seat of government may also be read as the country it is
the seat of ("the Kremlin said" -> Russia). A wrong link counts worse than none: the table
shows both. Each probe was scored once before any change made for it (README); since then it is
a development set.

    python benchmarks/entity_probe.py [--errors] [--no-peer] [FILE ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from news_probe import load  # noqa: E402  (the same tab-separated probe files)


def ours(rows: list[dict[str, str]]) -> list[str]:
    """resolve_entity with the date and the sentence; "NONE" for no answer."""
    from normalize.entities import resolve_entity

    out = []
    for r in rows:
        match = resolve_entity(r["mention"], r["date"], r["context"])
        out.append(match.id if match else "NONE")
    return out


def rapidfuzz_peer(rows: list[dict[str, str]]) -> list[str]:
    """rapidfuzz.process.extractOne (WRatio, cutoff 80) over every KB name and alias."""
    from rapidfuzz import fuzz, process

    from normalize.entities import KnowledgeBase

    names: dict[str, str] = {}
    for e in KnowledgeBase.bundled():
        for name in (e.name, *e.aliases):
            names.setdefault(name, e.id)
    choices = list(names)
    out = []
    for r in rows:
        hit = process.extractOne(r["mention"], choices, scorer=fuzz.WRatio, score_cutoff=80)
        out.append(names[hit[0]] if hit else "NONE")
    return out


def right(row: dict[str, str], got: str) -> bool:
    """The expected id, or for a seat of government the country it is the seat of."""
    if got == row["expected"]:
        return True
    if row["expected"].startswith("gov:") and got != "NONE":
        from normalize.entities import KnowledgeBase

        seat = KnowledgeBase.bundled().get(row["expected"])
        return seat is not None and seat.seat_of == got
    return False


def table_row(name: str, rows: list[dict[str, str]], got: list[str], seconds: float) -> str:
    """Accuracy, wrong links among positives and negatives, misses, mentions per second."""
    n = len(rows)
    ok = sum(right(r, g) for r, g in zip(rows, got, strict=True))
    pos = [(r, g) for r, g in zip(rows, got, strict=True) if r["expected"] != "NONE"]
    neg = [(r, g) for r, g in zip(rows, got, strict=True) if r["expected"] == "NONE"]
    wrong = sum(g != "NONE" and not right(r, g) for r, g in pos)
    linked = sum(g != "NONE" for _, g in neg)
    missed = sum(g == "NONE" for _, g in pos)
    return (f"| {name} | {ok / n:.3f} ({ok}/{n}) | {wrong}/{len(pos)} | {linked}/{len(neg)} | "
            f"{missed}/{len(pos)} | {n / seconds:,.0f} |")


def timed(run: Callable[[list[dict[str, str]]], list[str]], rows: list[dict[str, str]]
          ) -> tuple[list[str], float]:
    """The answers of one system and the seconds they took."""
    start = time.perf_counter()
    got = run(rows)
    return got, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--errors", action="store_true", help="list our wrong answers")
    parser.add_argument("--no-peer", action="store_true", help="skip rapidfuzz")
    args = parser.parse_args()
    from normalize.entities import resolve_entity

    # the index and the word tables load once per process, before any timing
    resolve_entity("the Kremlin", "2021-06-01", "Moscow's Red Square, the Kremlin said.")
    for path in args.files or sorted((HERE / "data").glob("entity_probe_*.tsv")):
        rows = load(path)
        print(f"\n{path.name}: {len(rows)} mentions\n")
        print("| system | accuracy | wrong link (positives) | linked (negatives) | missed | "
              "mentions/s |")
        print("|---|---|---|---|---|---|")
        got, seconds = timed(ours, rows)
        print(table_row("normalize.entities", rows, got, seconds))
        if not args.no_peer:
            print(table_row("rapidfuzz extractOne WRatio>=80", rows, *timed(rapidfuzz_peer, rows)))
        if args.errors:
            print()
            for r, g in zip(rows, got, strict=True):
                if not right(r, g):
                    print(f"  {r['kind']:28s} {r['mention']!r} @{r['date']}: expected "
                          f"{r['expected']}, got {g} | {r['context']}")


if __name__ == "__main__":
    main()
