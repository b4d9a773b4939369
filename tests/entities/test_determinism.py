"""The same mentions resolve alike in every process: Python salts string hashes per process, so
an answer must not depend on the order a set or a frozenset is walked in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Many spellings one or two edits apart: their ties are where an order would show.
_PROGRAM = """
from normalize.entities.typo import TypoIndex
vocab = ["muhammad", "mohammad", "muhamad", "mohamed", "mohammed", "muhammed", "mahmad",
         "braivenko", "braivenco", "brevenko", "bravenko", "braiwenko", "kovalenko",
         "kovalenco", "kowalenko", "petrenko", "petrenco", "pertenko", "sallivan", "sullivan",
         "sulivan", "salivan", "sullivans", "jake", "jack", "jacke", "jakes"]
index = TypoIndex(vocab)
for token in ["muhammad", "mohamad", "braivenko", "brevenco", "kovalenko", "petrenko",
              "sullivan", "salivan", "jakc"]:
    for budget in (None, 1, 2):
        print(token, budget, index.token_candidates(token, budget))
    print(token, index.candidate_keys(token, {t: 1 for t in vocab}))
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", _PROGRAM], env=env, check=True,
                          capture_output=True, text=True).stdout


def test_typo_candidates_come_in_the_same_order_whatever_the_hash_seed() -> None:
    outputs = {_run(seed) for seed in ("1", "2", "3", "4")}
    assert len(outputs) == 1 and "muhammad" in outputs.pop()
