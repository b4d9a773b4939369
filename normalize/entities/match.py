"""What the resolver returns and how it decides: EntityMatch, stage candidates, ranking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, NamedTuple

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
    """ISO date text or a date; anything else raises ValueError naming the argument."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if len(text) > 10 and text[10] in "T ":
            text = text[:10]
        elif len(text) in (4, 7):  # "2021", "2021-06": the first day of the period
            text = text + ("-01-01" if len(text) == 4 else "-01")
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(f"{name}: expected an ISO date (YYYY-MM-DD) or a datetime.date, got {value!r}")


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
