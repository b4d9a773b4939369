"""What the resolver returns and how it decides: EntityMatch, stage candidates, ranking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, NamedTuple

from normalize.isodate import parse_iso_date

# A winner must lead the runner-up by this much; otherwise the mention is ambiguous.
MARGIN = 0.05


@dataclass(frozen=True)
class EntityMatch:
    """A resolved mention: the entity, how sure (0..1), which stage, and why in one sentence."""

    id: str
    name: str
    type: str
    score: float
    method: str
    explain: str
    mention: str

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        return asdict(self)


class Candidate(NamedTuple):
    """An entity a stage proposes for a mention, before ranking."""

    id: str
    score: float
    method: str
    explain: str


# ----------------------------------------------------------------------------- helpers


def parse_date(value: str | dt.date | None, name: str = "date") -> dt.date | None:
    """ISO date text or a date; a year or month alone stands for its first day; anything else
    raises ValueError naming the argument."""
    return parse_iso_date(value, name, period="start")


def rank(cands: Iterable[Candidate]) -> list[Candidate]:
    """Best candidate per entity, highest score first (ties by id, for stable output)."""
    best: dict[str, Candidate] = {}
    for c in cands:
        if c.id not in best or c.score > best[c.id].score:
            best[c.id] = c
    return sorted(best.values(), key=lambda c: (-c.score, c.id))


def decide(candidates: Sequence[EntityMatch]) -> EntityMatch | None:
    """Stage 10: one clear winner, else None (a wrong merge is worse than no answer)."""
    if not candidates:
        return None
    if len(candidates) > 1 and candidates[0].score - candidates[1].score < MARGIN - 1e-9:
        return None
    return candidates[0]
