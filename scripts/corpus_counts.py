"""Count words and word bigrams in the training corpora.

Tokens are maximal runs of letters (`\\p{L}+`), lower-cased; bigrams are pairs of adjacent
tokens within one line. Only the training files are read: the held-out and evaluation sets
(`europarl_da/heldout_dev.txt`, `ud_ddt/*`, `ntrex128_da/*`) must never reach the model.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

TRAINING_FILES = (
    *(f"europarl_da/europarl_da.part{n:02d}.txt" for n in range(1, 7)),
    "dawiki_abstracts/dawiki_abstracts.txt",
)
# Refused even if someone adds them to TRAINING_FILES by mistake.
EVALUATION_FILES = ("europarl_da/heldout_dev.txt", "ud_ddt/", "ntrex128_da/")

# Letters only: \w without digits and underscore, the same runs as \p{L}+ on NFC text.
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass
class CorpusCounts:
    """Unigram and bigram counts over the training files."""

    unigrams: Counter[str] = field(default_factory=Counter)
    bigrams: Counter[tuple[str, str]] = field(default_factory=Counter)
    tokens: int = 0
    lines: int = 0
    files: dict[str, str] = field(default_factory=dict)  # relative path -> sha256


def tokens(line: str) -> list[str]:
    """The lower-cased letter tokens of one line."""
    return _LETTERS.findall(line.lower())


def count(corpora: Path) -> CorpusCounts:
    """Count the training files under `corpora` (the shared corpora directory)."""
    result = CorpusCounts()
    for name in TRAINING_FILES:
        if any(name.startswith(banned) for banned in EVALUATION_FILES):
            raise ValueError(f"{name} is an evaluation set and must not be used for training")
        path = corpora / name
        data = path.read_bytes()
        result.files[name] = hashlib.sha256(data).hexdigest()
        for line in data.decode("utf-8").splitlines():
            words = tokens(line)
            result.lines += 1
            result.tokens += len(words)
            result.unigrams.update(words)
            result.bigrams.update(itertools.pairwise(words))
    return result
