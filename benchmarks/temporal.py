"""Temporal benchmark: TIMEX3 value accuracy and throughput on TempEval-3 TBAQ gold extents.

For every TIMEX3 inside <TEXT> (the DCT excluded) we take the gold extent text, the document
creation time and the sentence around the mention, and score exact match of the TIMEX3 value
(None counts as wrong), overall and per type, for normalize.dates and for dateparser in the
same run.

    python benchmarks/temporal.py [--limit N] [--errors FILE] [--data DIR] [--no-peer]
                                  [--repeat N] [--no-reference]

Throughput is the best of --repeat runs (the machine may be shared). "cold": our caches are
cleared before each run, so repeated mentions only profit from repeats within the run (the
headline); "warm": the same mentions again with the caches kept. Both systems see identical
inputs. Ours gets the document ids (resolve_dates(documents=...)): anaphoric mentions ("that
year", "the following month") take the last date resolved earlier in the same document as their
reference; the DCT stays the anchor for everything else (--no-reference scores without it).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / ".." / "shared" / "data" / "tempeval3" / "TBAQ"
TYPES = ("DATE", "TIME", "DURATION", "SET")

_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'`)]*\s+(?=[\"'`(]*[A-Z0-9])|\n\s*\n")
# A period after these does not end a sentence ("Aug. 7", "Mr. Smith", "N.Y. officials").
_ABBREVIATION = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs"
    r"|fri|sat|sun|mr|mrs|ms|dr|gen|sen|rep|gov|lt|col|sgt|capt|st|mt|ft|no|vs|corp|inc|co|ltd"
    r"|jr|sr|prof|rev|u\.s|a\.m|p\.m)|\b[a-z]|\b(?:[a-z]\.)+[a-z])\.$",
    re.I,
)


@dataclass(frozen=True)
class Mention:
    """One gold TIMEX3: its extent, gold value/type, document date and sentence."""

    doc: str
    text: str
    type: str
    value: str
    dct: str
    context: str


def _plain_with_offsets(body: str) -> tuple[str, list[tuple[int, dict[str, str], str]]]:
    """Strip tags from <TEXT>, remembering where each TIMEX3 starts in the plain text."""
    out: list[str] = []
    timexes: list[tuple[int, dict[str, str], str]] = []
    length = 0
    pos = 0
    for m in _TIMEX.finditer(body):
        chunk = html.unescape(_TAG.sub("", body[pos : m.start()]))
        out.append(chunk)
        length += len(chunk)
        inner = html.unescape(_TAG.sub("", m.group(2)))
        timexes.append((length, dict(_ATTR.findall(m.group(1))), inner))
        out.append(inner)
        length += len(inner)
        pos = m.end()
    out.append(html.unescape(_TAG.sub("", body[pos:])))
    return "".join(out), timexes


def _sentence(plain: str, offset: int) -> str:
    """The sentence of `plain` that contains `offset`."""
    start = 0
    for m in _SENTENCE_END.finditer(plain):
        if m.group().strip() == "" and _ABBREVIATION.search(plain, max(0, m.start() - 12),
                                                             m.start()):
            continue
        if m.end() <= offset:
            start = m.end()
        else:
            end = m.start()
            return " ".join(plain[start:end].split())
    return " ".join(plain[start:].split())


def load_tbaq(data: Path) -> list[Mention]:
    """All TIMEX3 mentions of the TBAQ .tml files under `data`."""
    mentions: list[Mention] = []
    for path in sorted(data.glob("*/*.tml")):
        raw = path.read_text(encoding="utf-8")
        dct_m = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
        body_m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        if not dct_m or not body_m:
            continue
        dct = dct_m.group(1)[:10]
        plain, timexes = _plain_with_offsets(body_m.group(1))
        for offset, attrs, inner in timexes:
            mentions.append(
                Mention(
                    doc=path.stem,
                    text=" ".join(inner.split()),
                    type=attrs.get("type", ""),
                    value=attrs.get("value", ""),
                    dct=dct,
                    context=_sentence(plain, offset),
                )
            )
    return mentions


# ------------------------------------------------------------------ systems


def run_ours(
    mentions: list[Mention], narrative: bool = True, clear: bool = True
) -> tuple[list[str | None], list[str | None], float]:
    """normalize.dates on every mention: values, rules, seconds.

    narrative: pass the document ids, so that anaphoric mentions ("that day") get the last date
    resolved before them in the same document as reference (the DCT stays the anchor);
    clear: empty our caches first (a cold run).
    """
    from normalize.dates import api, resolve_dates

    api.warm_up()  # tables and the fallback parser load once per process, not per mention
    if clear:
        api.clear_caches()
    t0 = time.perf_counter()
    results = resolve_dates(
        [m.text for m in mentions], [m.dct for m in mentions], [m.context for m in mentions],
        documents=[m.doc for m in mentions] if narrative else None,
    )
    seconds = time.perf_counter() - t0
    values = [r.value if r else None for r in results]
    rules = [r.rule if r else None for r in results]
    return values, rules, seconds


def _dateparser_value(data: object) -> str | None:
    when = getattr(data, "date_obj", None)
    period = getattr(data, "period", None)
    if when is None:
        return None
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        y, w, _ = when.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if period == "time":
        return when.strftime("%Y-%m-%dT%H:%M")
    return when.strftime("%Y-%m-%d")


def run_dateparser(mentions: list[Mention]) -> tuple[list[str | None], float]:
    """dateparser with the DCT as RELATIVE_BASE, one parser per document date."""
    import dateparser.date

    dateparser.date.DateDataParser(languages=["en"]).get_date_data("June 2021")  # warm up
    t0 = time.perf_counter()
    parsers: dict[str, object] = {}
    values: list[str | None] = []
    for m in mentions:
        parser = parsers.get(m.dct)
        if parser is None:
            base = datetime.fromisoformat(m.dct)
            parser = dateparser.date.DateDataParser(
                languages=["en"],
                settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"},
            )
            parsers[m.dct] = parser
        try:
            values.append(_dateparser_value(parser.get_date_data(m.text)))  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - count a crash as a miss
            values.append(None)
    return values, time.perf_counter() - t0


# ------------------------------------------------------------------ scoring


def score(mentions: list[Mention], values: list[str | None]) -> dict[str, tuple[int, int]]:
    """(correct, total) overall and per TIMEX3 type."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for m, v in zip(mentions, values, strict=True):
        for key in ("ALL", m.type):
            table[key][1] += 1
            table[key][0] += int(v == m.value)
    return {k: (c, t) for k, (c, t) in table.items()}


_WEEK = re.compile(r"-W(\d)(?=$|-)")
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(DE|CE|Y|Q|M|W|D)")
_IN_UNITS = {"CE": ("Y", 100), "DE": ("Y", 10), "Q": ("M", 3), "W": ("D", 7)}


def equivalent_spelling(value: str | None) -> str | None:
    """One spelling per value, for the secondary 'equivalent' column only: ISO week numbers
    zero-padded ("2000-W7" = "2000-W07") and date-part durations in the smaller unit
    ("P2DE" = "P20Y", "P1Q" = "P3M", "P1W" = "P7D"). The headline score stays exact match."""
    if value is None:
        return None
    value = _WEEK.sub(lambda m: f"-W0{m.group(1)}", value)
    if value.startswith("P") and "T" not in value:
        def convert(m: re.Match[str]) -> str:
            unit, factor = _IN_UNITS.get(m.group(2), (m.group(2), 1))
            amount = float(m.group(1)) * factor
            return f"{amount:g}{unit}"
        value = _DURATION_PART.sub(convert, value)
    return value


def score_equivalent(mentions: list[Mention], values: list[str | None]) -> tuple[int, int]:
    """(correct, total) when equivalent spellings of the same value count as a match."""
    correct = sum(
        v is not None and equivalent_spelling(v) == equivalent_spelling(m.value)
        for m, v in zip(mentions, values, strict=True)
    )
    return correct, len(mentions)


def _cell(scores: dict[str, tuple[int, int]], key: str) -> str:
    c, t = scores.get(key, (0, 0))
    return f"{c / t:.3f} ({c}/{t})" if t else "-"


def write_errors(path: Path, mentions: list[Mention], values: list[str | None],
                 rules: list[str | None]) -> None:
    """Our wrong answers grouped by (type, rule), biggest groups first."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m, v, r in zip(mentions, values, rules, strict=True):
        if v != m.value:
            groups[(m.type, r or "-")].append(
                f"  {m.text!r}\tgold={m.value}\tours={v}\tdct={m.dct}\t| {m.context[:160]}"
            )
    lines: list[str] = []
    for (kind, rule), rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"## {kind} / rule={rule}: {len(rows)} wrong")
        lines.extend(rows)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="TBAQ folder")
    ap.add_argument("--limit", type=int, default=None, help="first N mentions only")
    ap.add_argument("--errors", type=Path, default=None, help="write our wrong answers here")
    ap.add_argument("--no-peer", action="store_true", help="skip dateparser")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per system (best kept)")
    ap.add_argument("--no-reference", action="store_true",
                    help="also score ours without the narrative reference (documents=None)")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"TBAQ data not found at {args.data} (use --data DIR)", file=sys.stderr)
        return 2
    mentions = load_tbaq(args.data)
    if args.limit:
        mentions = mentions[: args.limit]
    if not mentions:
        print(f"no TIMEX3 mentions found under {args.data}", file=sys.stderr)
        return 2
    rows: list[tuple[str, list[str | None], float | None, float | None]] = []
    repeat = max(args.repeat, 1)
    runs = [run_ours(mentions) for _ in range(repeat)]  # cold: caches cleared per run
    ours, rules, seconds = runs[0][0], runs[0][1], min(r[2] for r in runs)
    warm = min(run_ours(mentions, clear=False)[2] for _ in range(repeat))
    rows.append(("normalize.dates", ours, seconds, warm))
    if args.no_reference:
        plain = run_ours(mentions, narrative=False)[0]
        rows.append(("normalize.dates (no reference)", plain, None, None))
    if not args.no_peer:
        peer_runs = [run_dateparser(mentions) for _ in range(repeat)]
        theirs, peer_seconds = peer_runs[0][0], min(r[1] for r in peer_runs)
        rows.append(("dateparser", theirs, peer_seconds, None))
    counts = Counter(m.type for m in mentions)
    print(f"TBAQ: {len(mentions)} mentions ({', '.join(f'{t} {counts[t]}' for t in TYPES)})\n")
    print("| system | overall (exact) | DATE | TIME | DURATION | SET | mentions/s cold | warm |"
          " overall, equivalent spelling* |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, values, secs, warm_secs in rows:
        scores = score(mentions, values)
        cells = " | ".join(_cell(scores, k) for k in ("ALL", *TYPES))
        speed = f"{len(mentions) / max(secs, 1e-9):,.0f}" if secs else "-"
        warm_cell = f"{len(mentions) / max(warm_secs, 1e-9):,.0f}" if warm_secs else "-"
        eq = _cell({"ALL": score_equivalent(mentions, values)}, "ALL")
        print(f"| {name} | {cells} | {speed} | {warm_cell} | {eq} |")
    print("\n*secondary column: zero-padded ISO weeks and durations in smaller units count as"
          " equal (P2DE = P20Y); the exact-match columns are the score.")
    if not args.no_peer:
        peer = rows[-1][2] or 0.0
        print(f"\nspeed-up vs dateparser (cold, same mentions): {peer / max(seconds, 1e-9):.1f}x;"
              f" warm: {peer / max(warm, 1e-9):.1f}x")
    if args.errors:
        write_errors(args.errors, mentions, ours, rules)
        print(f"errors written to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
