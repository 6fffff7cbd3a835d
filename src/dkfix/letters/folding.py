"""ASCII folding: æ, ø and å written with ASCII letters, restored.

Old mail, SMS and file-name software wrote ``København på Ærø`` as ``Kobenhavn paa
Aero`` (``ø→o æ→ae å→aa``), ``Koebenhavn paa Aeroe`` (``ø→oe``) or ``Kobenhavn pa
Aro`` (``ø→o æ→a å→a``). `folding_detect` finds the paragraphs and the scheme; here
each word of them gets its readings (`folding_readings`: the word itself and every
known word the scheme could have folded into it), and a Viterbi search over the line
with the bigram model (`decoder.decode`) chooses: ``for`` stays in ``for eksempel``
and becomes ``før`` in ``før jul``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from .. import lexicon
from ..config import Config
from ..damage import fold
from ..edits import Edit
from .decoder import Choice, Decision, decode
from .folding_detect import FoldingDamage, find_folding, folded_blocks
from .folding_history import starts_sentence
from .folding_readings import choices, sure_reading
from .folding_schemes import spellings
from .folding_tokens import Word

__all__ = ["FoldingDamage", "find_folding", "folding_edits"]

_KIND = "restore_folded_letters"
_CERTAIN = Decision(0, 1.0)
# All-caps words this short are abbreviations when they are known as written.
_MAX_ABBREVIATION = 3
# A capitalised word inside a sentence that is this frequent as written is likely a
# name; its readings cost this much more (log10).
_NAME_ZIPF = 3.0
_NAME_PENALTY = 1.0


def folding_edits(text: str, config: Config) -> list[Edit]:
    """Edits restoring the æ, ø and å that `text` spells with ASCII letters."""
    if not config.restore_folded_letters:
        return []
    edits: list[Edit] = []
    for damage, blocks in folded_blocks(text):
        vocabulary = _Vocabulary(damage)
        for block in blocks:
            for line in _lines(text, block.words):
                edits.extend(_line_edits(text, line, damage.scheme, vocabulary))
    return sorted(edits, key=lambda edit: edit.start)


class _Vocabulary:
    """The document's own words with æ, ø, å, found again by their folded spelling."""

    def __init__(self, damage: FoldingDamage) -> None:
        self.scheme = damage.scheme
        self.words = damage.vocabulary
        self.folded = frozenset(fold(word, damage.scheme) for word in damage.vocabulary)

    def readings(self, word: str) -> list[str]:
        if not self.folded or word.lower() not in self.folded:
            return []
        return [s for s in spellings(word, self.scheme) if s.lower() in self.words]


def _lines(text: str, region_words: list[Word]) -> Iterator[list[Word]]:
    """The words of a region, line by line (the bigram model was counted per line)."""
    line: list[Word] = []
    for word in region_words:
        if line and "\n" in text[line[-1].end : word.start]:
            yield line
            line = []
        line.append(word)
    if line:
        yield line


def _choices(
    text: str, word: Word, scheme: str, vocabulary: _Vocabulary, headline: bool
) -> Sequence[Choice]:
    """The word as written first (it wins ties), then its readings."""
    if word.fixed:
        return (Choice(word.text, word.text.lower()),)
    found: Sequence[Choice] = choices(word.text, scheme)
    if len(found) > 1 and found[0].penalty == 0 and word.text[0].isupper():
        found = _known_capitalised(text, word, found, headline)
    extra = [r for r in vocabulary.readings(word.text) if all(c.text != r for c in found)]
    if not extra:
        sure = sure_reading(found)
        return found if sure is None else (sure,)
    return (*found, *(Choice(r, r.lower()) for r in extra))


def _known_capitalised(
    text: str, word: Word, found: Sequence[Choice], headline: bool
) -> Sequence[Choice]:
    """A known word in capitals is an abbreviation (``OL``, ``SOS``; not in a headline,
    ``HELVEDE ER LOS``) or, inside a sentence, most often a name (``Brandt``, not
    brændt): it keeps its spelling unless the context insists."""
    if word.text.isupper() and len(word.text) <= _MAX_ABBREVIATION and not headline:
        return found[:1]
    if starts_sentence(text, word.start) or lexicon.word_zipf(word.text) < _NAME_ZIPF:
        return found
    return (found[0], *(replace(c, penalty=c.penalty + _NAME_PENALTY) for c in found[1:]))


def _is_headline(line: list[Word]) -> bool:
    """Most words in capitals, some of them long: a headline, not a list of abbreviations."""
    upper = [w.text for w in line if len(w.text) > 1 and w.text.isupper()]
    longer = any(len(w) > _MAX_ABBREVIATION for w in upper)
    return longer and 2 * len(upper) > len(line)


def _line_edits(
    text: str, line: list[Word], scheme: str, vocabulary: _Vocabulary
) -> Iterator[Edit]:
    headline = _is_headline(line)
    slots = [_choices(text, word, scheme, vocabulary, headline) for word in line]
    decided: dict[int, Decision] = {}
    for first, last in _windows(slots):
        for offset, decision in enumerate(decode(slots[first:last])):
            if len(slots[first + offset]) > 1:  # the context words at the edges are certain
                decided[first + offset] = decision
    for position, (word, options) in enumerate(zip(line, slots, strict=True)):
        decision = decided.get(position, _CERTAIN)
        choice = options[decision.index]
        if choice.text != word.text:
            yield Edit(
                word.start,
                word.end,
                word.text,
                choice.text,
                _KIND,
                round(decision.confidence, 3),
                f"æ, ø and å folded to ASCII ({scheme}); {choice.text!r} fits the "
                "lexicon and the words around it",
            )


def _windows(slots: Sequence[Sequence[Choice]]) -> Iterator[tuple[int, int]]:
    """Spans of slots with choices, with one certain word on each side for context.

    A bigram search splits exactly at a slot with a single choice, so searching each
    span on its own gives the reading of the whole line, at a fraction of the cost.
    """
    index = 0
    while index < len(slots):
        if len(slots[index]) == 1:
            index += 1
            continue
        end = index
        while end < len(slots) and len(slots[end]) > 1:
            end += 1
        yield max(0, index - 1), min(len(slots), end + 1)
        index = end
