"""The time zone a clock time is told in, as an offset from UTC ("8 p.m. (1900 GMT)" is +60
minutes, "2 p.m. Eastern time" on a winter day -300, "11pm New Zealand time" +780 in summer), so
that one moment told in two zones compares as one.

The zones are data (data/zones.yaml): abbreviations with one offset, names that follow daylight
saving (an IANA zone, read with the standard library's zoneinfo on the day), and "<place> time"
through the entity knowledge base's places and a zone per country, region or city. A clock
restated in another zone in brackets ("20:00 (1900 GMT)") gives the offset by difference.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from normalize.dates.recognize import DATA, one_of
from normalize.dates.values import EAST_MOST_OFFSET
from normalize.text import fold_key
from normalize.yamldata import load_yaml

_DAY_MINUTES = 24 * 60
_PLACE_WORDS = 3  # "<place> time": at most this many words of place


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    """data/zones.yaml, with every zone name checked against the zone database once."""
    raw = load_yaml((DATA / "zones.yaml").read_text(encoding="utf-8"))
    for key in ("named", "places", "countries"):
        for name, zone in raw[key].items():
            if not isinstance(zone, str):
                raise ValueError(f"data/zones.yaml {key}: {name}: expected an IANA zone name")
    return raw


@lru_cache(maxsize=1)
def _scanners() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a clock restated in brackets in a named zone, a zone name right after a clock, a
    "<words> time" after a clock)."""
    raw = _table()
    names = one_of([*raw["fixed"], *raw["named"], *raw["unknown"]])
    clock = r"(?P<hour>\d{1,2})(?:[:.]?(?P<minute>\d{2}))?\s*(?P<ampm>[ap])?\.?(?:m\.?)?"
    after_clock = r"(?:\d|[ap]\.?m\.?|noon|midnight)\)?,?\s+"
    return (re.compile(rf"\(\s*{clock}\s+(?P<zone>{names})\s*\)"),
            re.compile(rf"{after_clock}\(?(?P<zone>{names})(?![\w'])"),
            re.compile(rf"(?P<words>(?:[a-z][\w.'-]* ){{1,{_PLACE_WORDS}}})time(?![\w'])"))


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """(case-folded place name, alias or demonym -> the knowledge base's place ids; entity id ->
    the id it is located in), read once from the bundled knowledge base."""
    from normalize.entities.kb import NAMED_PLACE_TYPES, bundled_entities  # noqa: PLC0415

    ids: dict[str, list[str]] = {}
    located: dict[str, str] = {}
    for e in bundled_entities():
        if e.located_in:
            located[e.id] = e.located_in
        if e.type in NAMED_PLACE_TYPES:
            for name in (e.name, *e.aliases, *e.demonyms):
                ids.setdefault(fold_key(name), []).append(e.id)
    return {name: tuple(dict.fromkeys(found)) for name, found in ids.items()}, located


def _zone_of_place(ident: str) -> str | None:
    """The IANA zone of a knowledge-base place: its own entry, its region's or city's on the
    way up its located_in chain, else its country's unless that country spans zones."""
    raw, located = _table(), _places()[1]
    for _ in range(4):
        if ident in raw["places"]:
            return raw["places"][ident]
        if ident.startswith("country:"):
            code = ident.split(":", 1)[1]
            return None if code in raw["spanning"] else raw["countries"].get(code)
        if ident not in located:
            return None
        ident = located[ident]
    return None


def _place_zone(words: str) -> str | None:
    """The zone of the place that the last words of `words` name ("tonight new zealand" ->
    Pacific/Auckland), the longest name first; None when no place, or places in two zones."""
    tokens = words.split()
    for n in range(min(len(tokens), _PLACE_WORDS), 0, -1):
        ids = _places()[0].get(" ".join(tokens[-n:]))
        if ids:
            zones = {_zone_of_place(i) for i in ids}
            return zones.pop() if len(zones) == 1 else None
    return None


def _offset_of(zone: str, local: datetime) -> int | None:
    """Minutes east of UTC of a zone name of data/zones.yaml at local time `local`."""
    raw = _table()
    if zone in raw["fixed"]:
        return int(raw["fixed"][zone])
    iana = raw["named"].get(zone, zone if "/" in zone else None)
    if iana is None:
        return None  # "local time"
    try:
        shift = ZoneInfo(iana).utcoffset(local)
    except ZoneInfoNotFoundError:  # no zone database on this machine: no offset, not a guess
        return None
    return None if shift is None else int(shift.total_seconds() // 60)


def _restated(m: re.Match[str], local: datetime) -> int | None:
    """The offset of `local` from the clock restated in brackets in another zone."""
    zone = _offset_of(m.group("zone"), local)
    hour = int(m.group("hour"))
    minute = int(m.group("minute") or 0)
    if zone is None or hour > 24 or minute > 59:
        return None
    if m.group("ampm"):
        hour = hour % 12 + (12 if m.group("ampm") == "p" else 0)
    there = hour * 60 + minute - zone  # the restated clock, in UTC
    offset = (local.hour * 60 + local.minute - there) % _DAY_MINUTES
    return offset - _DAY_MINUTES if offset > EAST_MOST_OFFSET else offset


@lru_cache(maxsize=4096)
def _zone_in(text: str) -> tuple[str, str] | None:
    """("restated" | "zone", what) for the zone a clock mention is told in, or None."""
    key = fold_key(text)
    restated, named, place = _scanners()
    if restated.search(key):
        return "restated", key
    if (m := named.search(key)) is not None:
        return "zone", m.group("zone")
    for m in place.finditer(key):
        zone = _place_zone(m.group("words"))
        if zone is not None:
            return "zone", zone
    return None


def utc_offset(text: str, local: datetime) -> int | None:
    """Minutes east of UTC of the clock time in `text`, at local time `local` (the mention's
    start), from the zone written with it; None when it names none, or an unknown one."""
    found = _zone_in(text)
    if found is None:
        return None
    kind, what = found
    if kind == "restated":
        m = _scanners()[0].search(what)
        return _restated(m, local) if m else None
    return _offset_of(what, local)
