"""Duckling benchmark: value accuracy on Duckling's own English time corpus (Corpus.hs).

Duckling (facebook/duckling) checks itself against `Duckling/Time/EN/Corpus.hs`: mentions grouped
under the value they must produce at a fixed reference time (Tuesday 2013-02-12 04:30), plus a
negative corpus. That file is another project's text: it is NOT shipped here. Point --corpus at
a local copy; this script parses it, runs normalize.dates and dateparser on every example in the
same run and prints markdown tables.

    python benchmarks/duckling.py --corpus /tmp/duckling/Corpus.hs [--errors FILE]

Expected values: `datetime (...) Grain` becomes the TIMEX3 value at that grain (Second, Minute,
Hour -> TIME "2013-02-12T04:30" (seconds only when non-zero); Day "2013-02-12"; Week ISO
"2013-W07"; Month "2013-02"; Quarter "2013-Q1"; Year "2013"). Interval examples
(`datetimeInterval`, `datetimeOpenInterval`, holiday intervals) are a class of their own, scored
on the half-open [start, end) interval (open intervals: bound and direction).

Duckling resolves bare weekdays, months and clock times to the FUTURE by default, so ours runs
with prefer="future" (dateparser with PREFER_DATES_FROM="future"). Our anchor is the reference
DATE (the API takes a document date; it has no clock time).

Two scores: (a) every example; (b) the TimeML-comparable subset, defined by `timeml_view` below:
intervals, latent examples and values that depend on the reference clock are excluded; offsets
("three months ago") and the reference instant ("now") are compared in TimeML's convention.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

REFERENCE = datetime(2013, 2, 12, 4, 30)
GRAINS = ("Second", "Minute", "Hour", "Day", "Week", "Month", "Quarter", "Year")
GRAIN_COLUMNS = (*GRAINS, "PRESENT_REF", "Interval")


@dataclass(frozen=True)
class Example:
    """One Duckling example: mention, expected point (or interval), grain, reference time."""

    text: str
    kind: str  # datetime | interval | open-before | open-after
    grain: str
    point: datetime | None  # datetime and open intervals
    start: datetime | None  # closed intervals
    end: datetime | None
    reference: datetime
    section: str  # allExamples, defaultCorpus (custom), latentCorpus, diffCorpus
    holiday: str | None = None
    timeml: str | None = None  # expected value in (b); None when excluded
    why: str | None = None  # why excluded from / re-valued for (b)


# ------------------------------------------------------------------ parsing Corpus.hs

_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_TUPLE = re.compile(r"\(\s*(-?\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+)\s*\)")
_DEFINITION = re.compile(r"^(\w+)\s*=", re.M)


def _unescape(s: str) -> str:
    return re.sub(r"\\(.)", r"\1", s)


def _balanced(text: str, i: int) -> int:
    """Index just past the parenthesis group opening at text[i] == '('."""
    depth = 0
    for j in range(i, len(text)):
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                return j + 1
    return len(text)


def _dt(t: tuple[str, ...]) -> datetime | None:
    y, mo, d, h, mi, s = (int(x) for x in t)
    if y < 1:
        return None  # BC years: no datetime (counted as a miss for everyone)
    return datetime(y, mo, d, h, mi, s)


def parse_corpus(text: str) -> tuple[list[Example], list[str]]:
    """(positive examples of every corpus section, negative strings) from Corpus.hs source."""
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    contexts: dict[str, datetime] = {}
    for m in re.finditer(r"(\w+)\s*=\s*Context\b(.*?)\}", text, re.S):
        t = _TUPLE.search(m.group(2))
        if t:
            contexts[m.group(1)] = _dt(t.groups()) or REFERENCE
    starts = [(m.start(), m.group(1)) for m in _DEFINITION.finditer(text)]
    examples: list[Example] = []
    negatives: list[str] = []
    for n, (pos, name) in enumerate(starts):
        body = text[pos: starts[n + 1][0] if n + 1 < len(starts) else len(text)]
        ctx = re.match(r"\w+\s*=\s*\((\w+)", body)
        reference = contexts.get(ctx.group(1), REFERENCE) if ctx else REFERENCE
        if name == "negativeCorpus":
            negatives += [_unescape(s) for s in _STRING.findall(body)]
            continue
        for m in re.finditer(r"\bexamples\s*\(", body):
            head_end = _balanced(body, m.end() - 1)
            head = body[m.end(): head_end - 1]
            lst = body.index("[", head_end)
            items = [_unescape(s) for s in _STRING.findall(body[lst: body.index("]", lst)])]
            examples += _examples(head, items, reference, name)
    return examples, negatives


def _examples(head: str, items: list[str], reference: datetime, section: str) -> list[Example]:
    fn = head.split()[0]
    head_wo_strings = _STRING.sub("", head)
    grain = next(g for g in re.findall(r"\b[A-Z][a-z]+\b", head_wo_strings) if g in GRAINS)
    holiday = _STRING.search(head)
    tuples = [_dt(t.groups()) for t in _TUPLE.finditer(head)]
    base = {"grain": grain, "reference": reference, "section": section,
            "holiday": _unescape(holiday.group(1)) if holiday else None}
    out = []
    for text in items:
        if fn.startswith("datetimeOpenInterval"):
            kind = "open-before" if "Before" in head else "open-after"
            ex = Example(text, kind, point=tuples[0], start=None, end=None, **base)
        elif fn.startswith("datetimeInterval"):
            ex = Example(text, "interval", point=None, start=tuples[0], end=tuples[1], **base)
        else:
            ex = Example(text, "datetime", point=tuples[0], start=None, end=None, **base)
        out.append(ex)
    return out


# ------------------------------------------------------------------ expected values

def value_at(when: datetime | date, grain: str) -> str:
    """A point at a Duckling grain -> the TIMEX3 value string."""
    day = f"{when.year:04d}-{when.month:02d}-{when.day:02d}"
    if grain in ("Second", "Minute", "Hour") and isinstance(when, datetime):
        clock = f"{when.hour:02d}:{when.minute:02d}"
        if grain == "Second" and when.second:
            clock += f":{when.second:02d}"
        return f"{day}T{clock}"
    if grain == "Week":
        y, w, _ = when.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if grain == "Month":
        return day[:7]
    if grain == "Quarter":
        return f"{when.year:04d}-Q{(when.month - 1) // 3 + 1}"
    if grain == "Year":
        return f"{when.year:04d}"
    return day


def duckling_value(ex: Example) -> str | None:
    """The value Duckling expects, as a TIMEX3 string (None for intervals: scored apart)."""
    if ex.kind != "datetime":
        return None
    return value_at(ex.point, ex.grain) if ex.point else "BC"


# TimeML view. Each rule is explicit and general (it reads the expected value, the grain and the
# wording), never a list of corpus strings.
_UNIT_GRAIN = {"second": "Second", "sec": "Second", "minute": "Minute", "min": "Minute",
               "hour": "Hour", "h": "Hour", "day": "Day", "week": "Week", "fortnight": "Week",
               "month": "Month", "year": "Year", "yr": "Year"}
_OFFSET = re.compile(
    r"^(?:in (?:about )?)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple|"
    r"couple of|pair of|\d+(?:\.\d+)?|[\d/]+|half an?|a quarter of an|three-quarters of an|"
    r"\d+ and an half) ?(?:more )?(?P<unit>[a-z]+?)s?"
    r"(?: (?:ago|back|hence|from (?:now|right now)))?$"
)  # "3 years from today" counts from a day and names one: Duckling's Day grain stands
_CLOCK_WORDS = re.compile(
    r"\d|noon|midnight|o'?clock|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve)\b"
)
_TIMEZONE = re.compile(r"\b(?:gmt|utc|cet|cest|bst|ist|[ecmp][sd]t)\b")
_MERIDIEM = re.compile(r"\d ?[ap]\b|[ap]\.? ?m\b|noon|midnight|morning|afternoon|evening|night|"
                       r"tonight|tonite|lunch")
_DAY_WORDS = re.compile(r"tomorrow|tonight|today|yesterday|day|mon|tue|wed|thu|fri|sat|sun|"
                        r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|christmas|xmas")


CLOCK_OFFSET = "clock offset: needs the reference clock time (our anchor is a date)"


def timeml_view(ex: Example) -> Example:
    """Set `timeml` (expected value in subset (b)) or leave it None with the reason in `why`."""
    if ex.kind != "datetime":
        return replace(ex, why="interval: no single TIMEX3 value")
    if ex.section == "latentCorpus":
        return replace(ex, why="latent: Duckling itself returns it only with withLatent")
    if ex.point is None:
        return replace(ex, why="year BC: outside the datetime range")
    ref = ex.reference
    text = ex.text.lower()
    if ex.point == ref and ex.grain == "Second":
        return replace(ex, timeml="PRESENT_REF",
                       why="re-valued: the reference instant ('now') is PRESENT_REF in TimeML")
    offset = _OFFSET.match(text.removeprefix("in ").strip()) or _OFFSET.match(text)
    unit = _UNIT_GRAIN.get(offset.group("unit")) if offset else None
    if unit in ("Second", "Minute", "Hour"):
        return replace(ex, why=CLOCK_OFFSET)
    if unit is not None and GRAINS.index(ex.grain) < GRAINS.index(unit):
        return replace(ex, timeml=value_at(ex.point, unit),
                       why="re-valued: an offset is valued at its unit's grain in TimeML "
                           "(Duckling: one grain finer)")
    sub_day = ex.grain in ("Second", "Minute", "Hour")
    if sub_day and _TIMEZONE.search(text):
        return replace(ex, why="time zone: Duckling converts to the reference zone (UTC-2); "
                               "TimeML keeps the written clock time")
    if sub_day and ex.point.date() == ref.date() + timedelta(1) and not _DAY_WORDS.search(text):
        return replace(ex, why="clock roll-over: a time already past at 04:30 moves to tomorrow")
    if (sub_day and ex.point.hour > 12 and not _MERIDIEM.search(text)
            and not re.search(r"\b(?:1[3-9]|2[0-3])[:h.]?\d\d", text)):  # a 12-hour clock
        return replace(ex, why="clock roll-over: a time already past at 04:30 moves to tomorrow")
    if sub_day and not _CLOCK_WORDS.search(text):
        return replace(ex, why=CLOCK_OFFSET)
    return replace(ex, timeml=duckling_value(ex))


# ------------------------------------------------------------------ systems

def run_ours(examples: list[Example]) -> list[object]:
    """normalize.dates at the reference DATE with prefer='future' (Duckling's default)."""
    from normalize.dates import resolve_date

    return [resolve_date(ex.text, anchor=ex.reference.date(), prefer="future") for ex in examples]


def run_dateparser(examples: list[Example]) -> list[datetime | None]:
    """dateparser at the reference instant, future preferred; its date_obj (None if missing)."""
    import dateparser.date

    parsers: dict[datetime, object] = {}
    out: list[datetime | None] = []
    for ex in examples:
        parser = parsers.get(ex.reference)
        if parser is None:
            parser = parsers[ex.reference] = dateparser.date.DateDataParser(
                languages=["en"],
                settings={"RELATIVE_BASE": ex.reference, "PREFER_DATES_FROM": "future"},
            )
        try:
            out.append(parser.get_date_data(ex.text).date_obj)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a crash counts as a miss
            out.append(None)
    return out


def ours_correct(ex: Example, got: object, expected: str | None) -> bool:
    """Our TimeValue against the expected value (intervals: the half-open interval)."""
    if got is None:
        return False
    if ex.kind == "datetime":
        return getattr(got, "value", None) == expected
    start, end, mod = (getattr(got, k, None) for k in ("start", "end", "mod"))
    if ex.kind == "interval":
        return start == ex.start and end == ex.end
    if ex.kind == "open-before":
        return mod in ("BEFORE", "ON_OR_BEFORE") and ex.point in (start, end)
    return mod in ("AFTER", "ON_OR_AFTER") and ex.point in (start, end)


def peer_correct(ex: Example, got: datetime | None, expected: str | None, grain: str) -> bool:
    """dateparser's date at the grain expected (intervals: it cannot return one)."""
    if got is None or ex.kind != "datetime":
        return False
    if expected == "PRESENT_REF":
        return abs(got - ex.reference) < timedelta(minutes=1)
    return value_at(got, grain) == expected


def expected_grain(ex: Example, timeml: bool) -> str:
    if ex.kind != "datetime":
        return "Interval"
    if timeml and ex.timeml == "PRESENT_REF":
        return "PRESENT_REF"
    if timeml and ex.timeml and ex.why and ex.why.startswith("re-valued"):
        return next(g for g in GRAINS if ex.timeml == value_at(ex.point, g))
    return ex.grain


# ------------------------------------------------------------------ report

def _cell(hits: int, total: int) -> str:
    return f"{hits / total:.3f} ({hits}/{total})" if total else "-"


def table(title: str, rows: list[tuple[str, dict[str, list[int]]]]) -> None:
    cols = [c for c in GRAIN_COLUMNS if any(r[1][c][1] for r in rows)]
    print(f"\n{title}\n")
    print("| system | overall | " + " | ".join(cols) + " |")
    print("|---|---|" + "---|" * len(cols))
    for name, t in rows:
        cells = " | ".join(_cell(*t[c]) for c in cols)
        print(f"| {name} | {_cell(*t['ALL'])} | {cells} |")


def main(argv: list[str] | None = None) -> int:
    """Parse the corpus, run both systems, print the tables."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="local copy of Corpus.hs")
    ap.add_argument("--errors", type=Path, default=None, help="write our misses here (TSV)")
    ap.add_argument("--no-peer", action="store_true", help="skip dateparser")
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"Duckling corpus not found at {args.corpus}: fetch Duckling/Time/EN/Corpus.hs from "
              "facebook/duckling and pass --corpus PATH (it is not shipped with this project)",
              file=sys.stderr)
        return 2
    raw, negatives = parse_corpus(args.corpus.read_text(encoding="utf-8"))
    if not raw:
        print(f"no examples found in {args.corpus}", file=sys.stderr)
        return 2
    examples = [timeml_view(ex) for ex in raw]
    ours = run_ours(examples)
    peer = None if args.no_peer else run_dateparser(examples)

    subsets = {"a": examples, "b": [ex for ex in examples if ex.timeml is not None]}
    for key, subset in subsets.items():
        timeml = key == "b"
        idx = [examples.index(ex) for ex in subset] if timeml else list(range(len(examples)))
        rows = []
        for name, results, check in (("normalize.dates", ours, "ours"),
                                     ("dateparser", peer, "peer")):
            if results is None:
                continue
            t: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            for i in idx:
                ex, got = examples[i], results[i]
                expected = ex.timeml if timeml else duckling_value(ex)
                grain = expected_grain(ex, timeml)
                ok = (ours_correct(ex, got, expected) if check == "ours"
                      else peer_correct(ex, got, expected, grain))
                for col in ("ALL", grain):
                    t[col][0] += ok
                    t[col][1] += 1
            rows.append((name, t))
        title = ("(a) all examples (Duckling's values and grains)" if not timeml else
                 "(b) TimeML-comparable subset")
        table(f"{title}: {len(subset)} examples", rows)

    reasons = Counter(ex.why.split(":")[0] + ": " + ex.why.split(": ", 1)[1]
                      for ex in examples if ex.why)
    print("\nTimeML view (timeml_view): excluded from (b) or re-valued in it\n")
    print("| rule | examples |\n|---|---|")
    for why, n in reasons.most_common():
        print(f"| {why} | {n} |")

    hits = [s for s in negatives if run_ours_one(s)]
    line = f"| normalize.dates | {_cell(len(hits), len(negatives))} |"
    print("\nNegative corpus: share of strings wrongly read as a time (lower is better)\n")
    print("| system | wrongly read |\n|---|---|\n" + line)
    if not args.no_peer:
        peer_neg = run_dateparser([replace(raw[0], text=s) for s in negatives])
        print(f"| dateparser | {_cell(sum(v is not None for v in peer_neg), len(negatives))} |")
    if hits:
        print("\nours read as times: " + ", ".join(repr(s) for s in hits))
    print(f"\nreference {REFERENCE:%Y-%m-%d %H:%M} (diffCorpus: its own); ours: anchor = that date,"
          " prefer='future'; dateparser: RELATIVE_BASE = that instant, PREFER_DATES_FROM="
          "'future', languages=['en'], its date taken at the grain expected.")
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as out:
            out.write("text\tsection\tkind\tduckling\ttimeml\tours\trule\n")
            for ex, got in zip(examples, ours, strict=True):
                expected = ex.timeml if ex.timeml is not None else duckling_value(ex)
                if not ours_correct(ex, got, expected):
                    out.write(f"{ex.text}\t{ex.section}\t{ex.kind}\t{duckling_value(ex)}\t"
                              f"{ex.timeml}\t{getattr(got, 'value', None)}\t"
                              f"{getattr(got, 'rule', None)}\n")
        print(f"errors written to {args.errors}")
    return 0


def run_ours_one(text: str) -> bool:
    """True when ours reads `text` as a time (negative corpus)."""
    from normalize.dates import resolve_date

    return resolve_date(text, anchor=REFERENCE.date(), prefer="future") is not None


if __name__ == "__main__":
    sys.exit(main())
