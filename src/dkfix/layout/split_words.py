"""Words that a PDF extraction split in two: ``arbejds gange``, ``skærmb brug``.

A PDF places glyphs, not words; an extraction that guesses word gaps from their
positions breaks a word where the letters sit apart (``arbejds gange``), sometimes
drawing a letter at the seam twice (``skærmb brug`` for ``skærmbrug``). Two lower-case
halves are joined when one of them is a word and the other no word on its own (nor a
compound of words), and the lexicon knows the whole, or, for a letter drawn twice, reads
it as a compound's first part and a word (``skærm`` + ``brug``). Two words stay apart:
joining them would rewrite the author (``skærm brug`` may be meant); two unknown halves
are mostly foreign, and a pair the corpora write apart is a phrase (``task force``).
"""

from __future__ import annotations

import re

from .. import lexicon
from ..config import Config
from ..edits import Edit

KIND = "join_split_words"

_WORD = re.compile(r"(?<![^\W\d_'’-])[^\W\d_]+(?![^\W\d_'’-])")
# Halves this short are words of their own ("er", "en") far more often than fragments.
_SHORTEST_HALF = 3
# log10 gain in the probability of the right half after the left one that marks a phrase.
_SEEN_TOGETHER = 1.0
# How sure: the lexicon knows the whole; reads it as a compound's first part and a word.
_KNOWN, _PART_AND_WORD = 0.8, 0.6


def split_word_edits(text: str, config: Config) -> list[Edit]:
    """Edits that join the words of `text` split in two by an extraction."""
    if not config.join_split_words:
        return []
    edits: list[Edit] = []
    previous: re.Match[str] | None = None
    for match in _WORD.finditer(text):
        if previous is not None and _adjacent(text, previous, match):
            edit = _joined(previous, match)
            if edit is not None:
                edits.append(edit)
                previous = None  # a word joins one neighbour at most
                continue
        previous = match
    return edits


def _adjacent(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    return first.end() + 1 == second.start() and text[first.end()] == " "


def _joined(first: re.Match[str], second: re.Match[str]) -> Edit | None:
    left, right = first.group(), second.group()
    if not (left.islower() and right.islower()):
        return None
    if min(len(left), len(right)) < _SHORTEST_HALF:
        return None
    if _known(left) == _known(right):
        return None  # two words are meant apart; two unknown halves are likely foreign
    if _seen_together(left, right):
        return None  # a phrase written apart in clean text: "task force", "peer review"
    reading = _reading(left, right)
    if reading is None:
        return None
    whole, confidence, why = reading
    reason = f"{left!r} and {right!r} are one word split by extraction: {why}"
    original = f"{left} {right}"
    return Edit(first.start(), second.end(), original, whole, KIND, confidence, reason)


def _seen_together(left: str, right: str) -> bool:
    """True if the corpora write `left` `right` apart often: `left` makes `right` likelier."""
    alone = lexicon.bigram_logprob("", right)  # no context: the unigram probability
    return lexicon.bigram_logprob(left, right) - alone > _SEEN_TOGETHER


def _known(half: str) -> bool:
    """A word, or a compound of known words ("budgetforligspartierne"), is no fragment."""
    return lexicon.is_word(half) or lexicon.is_compound(half)


def _reading(left: str, right: str) -> tuple[str, float, str] | None:
    """(whole word, confidence, why) for the halves, or None to leave them apart."""
    whole = left + right
    if lexicon.is_word(whole):
        return whole, _KNOWN, f"the lexicon knows {whole!r}"
    # A letter drawn twice at the seam: the left half with it is no word of its own.
    if left[-1] != right[0] or _known(left):
        return None
    part, whole = left[:-1], left[:-1] + right
    twice = f", its {right[0]!r} drawn twice"
    if lexicon.is_word(whole):
        return whole, _KNOWN, f"the lexicon knows {whole!r}{twice}"
    if lexicon.is_compound_part(part) and lexicon.is_word(right):
        return whole, _PART_AND_WORD, f"{part!r} begins compounds and {right!r} is a word{twice}"
    return None
