"""Choosing among candidate words with a word-bigram model, over a whole line at once.

Each damaged word has several restorations (``fÅr``: får, før, fær); the words
around it decide (``jeg får``, ``før jul``). A Viterbi search over the line finds
the sequence with the highest bigram probability; the confidence of each choice
is its share of the probability mass against the other candidates in the same
place, given the chosen neighbours.

Pairs of words repeat (``på det``, ``i året``), so their log-probabilities are
cached; two neighbouring words with a single choice each are not scored at all,
as their pair adds the same to every path.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from .. import lexicon


@dataclass(frozen=True, slots=True)
class Choice:
    """One way to read a word: its `text`, the lower-cased `key` the model scores,
    and a `penalty` (log10) for readings the lexicon does not vouch for.

    A reading of two words (``vil\u00a0Herning``) gives the second as `last_key`:
    the next word is scored after it.
    """

    text: str
    key: str
    penalty: float = 0.0
    last_key: str | None = None

    @property
    def exit_key(self) -> str:
        """The key the next word is scored after."""
        return self.key if self.last_key is None else self.last_key


@dataclass(frozen=True, slots=True)
class Decision:
    """The choice made for one slot, by index into its candidates, and how sure it is."""

    index: int
    confidence: float


def decode(slots: Sequence[Sequence[Choice]]) -> list[Decision]:
    """The most probable reading of a line, one `Choice` per slot.

    Slots with one choice are context; the search is linear in the number of slots
    and quadratic only in the few candidates of neighbouring damaged words.
    """
    if not slots:
        return []
    best = _viterbi(slots)
    return [_decision(slots, best, position) for position in range(len(slots))]


_bigram = functools.lru_cache(maxsize=1 << 18)(lexicon.bigram_logprob)


def _viterbi(slots: Sequence[Sequence[Choice]]) -> list[int]:
    scores = [_bigram("", c.key) - c.penalty for c in slots[0]]
    back: list[list[int]] = []
    for previous, current in itertools.pairwise(slots):
        if len(previous) == 1 and len(current) == 1:
            scores = [scores[0] - current[0].penalty]
            back.append([0])
            continue
        step_scores, step_back = [], []
        for choice in current:
            options = [
                scores[i] + _bigram(prior.exit_key, choice.key) for i, prior in enumerate(previous)
            ]
            winner = max(range(len(options)), key=options.__getitem__)
            step_scores.append(options[winner] - choice.penalty)
            step_back.append(winner)
        scores = step_scores
        back.append(step_back)
    path = [max(range(len(scores)), key=scores.__getitem__)]
    for step_back in reversed(back):
        path.append(step_back[path[-1]])
    return path[::-1]


def _decision(slots: Sequence[Sequence[Choice]], path: list[int], position: int) -> Decision:
    choices = slots[position]
    if len(choices) == 1:
        return Decision(0, 1.0)
    before = slots[position - 1][path[position - 1]].exit_key if position > 0 else ""
    after = slots[position + 1][path[position + 1]].key if position + 1 < len(slots) else None
    local = [_local_score(before, choice, after) for choice in choices]
    top = max(local)
    mass = sum(math.pow(10.0, score - top) for score in local)
    chosen = path[position]
    return Decision(chosen, math.pow(10.0, local[chosen] - top) / mass)


def _local_score(before: str, choice: Choice, after: str | None) -> float:
    score = _bigram(before, choice.key) - choice.penalty
    if after is not None:
        score += _bigram(choice.exit_key, after)
    return score
