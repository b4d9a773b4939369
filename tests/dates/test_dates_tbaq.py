"""TBAQ (TempEval-3) accuracy floor on a subset, when the shared data is present."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / ".." / "shared" / "data" / "tempeval3" / "TBAQ"


def _benchmark():
    spec = importlib.util.spec_from_file_location("temporal_bench", REPO / "benchmarks" /
                                                  "temporal.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("temporal_bench", module)  # dataclasses look their module up
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not DATA.is_dir(), reason=f"TempEval-3 TBAQ data not found at {DATA}")
def test_tbaq_subset_accuracy_floor() -> None:
    bench = _benchmark()
    mentions = bench.load_tbaq(DATA)
    assert len(mentions) > 1000
    subset = mentions[::3]  # every third mention: all documents, a third of the work
    values, _, _ = bench.run_ours(subset)
    scores = bench.score(subset, values)
    correct, total = scores["ALL"]
    assert correct / total >= 0.75, scores
    for kind in ("DATE", "DURATION"):
        c, t = scores[kind]
        assert c / t >= 0.70, (kind, scores[kind])
