"""Choosing among candidate words with a word-bigram model, over a whole line at once.

Each damaged word has several restorations (``fÅr``: får, før, fær); the words
around it decide (``jeg får``, ``før jul``). A Viterbi search over the line finds
the sequence with the highest bigram probability; the confidence of each choice
is its share of the probability mass against the other candidates in the same
place, given the chosen neighbours.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from .. import lexicon


@dataclass(frozen=True, slots=True)
class Choice:
    """One way to read a word: its `text`, the lower-cased `key` the model scores,
    and a `penalty` (log10) for readings the lexicon does not vouch for."""

    text: str
    key: str
    penalty: float = 0.0


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


def _viterbi(slots: Sequence[Sequence[Choice]]) -> list[int]:
    scores = [lexicon.bigram_logprob("", c.key) - c.penalty for c in slots[0]]
    back: list[list[int]] = []
    for previous, current in itertools.pairwise(slots):
        step_scores, step_back = [], []
        for choice in current:
            options = [
                scores[i] + lexicon.bigram_logprob(prior.key, choice.key)
                for i, prior in enumerate(previous)
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
    before = slots[position - 1][path[position - 1]].key if position > 0 else ""
    after = slots[position + 1][path[position + 1]].key if position + 1 < len(slots) else None
    local = [_local_score(before, choice, after) for choice in choices]
    top = max(local)
    mass = sum(math.pow(10.0, score - top) for score in local)
    chosen = path[position]
    return Decision(chosen, math.pow(10.0, local[chosen] - top) / mass)


def _local_score(before: str, choice: Choice, after: str | None) -> float:
    score = lexicon.bigram_logprob(before, choice.key) - choice.penalty
    if after is not None:
        score += lexicon.bigram_logprob(choice.key, after)
    return score
