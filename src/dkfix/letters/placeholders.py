"""Placeholder damage: every non-ASCII character replaced by one character.

Some export went through a 7-bit or single-glyph path and wrote one character for
every letter it could not represent: ``BÅrne- og Familieudvalget fÅlger
udviklingen i Åkonomien``. No codec undoes that; a lexicon and the words around
each damaged word do.

1. *Which character?* Any character that sits inside or against letters and
   turns words that are not Danish into Danish words when read as æ, ø or å.
   A character with real uses (``Århus``, ``Hvad koster det?``) is a placeholder
   only where it produces that evidence.
2. *Where?* Damage comes in blocks (paragraphs, cells): a block with evidence is
   damaged, and so is a short block beside one (a grid row of placeholders).
   Text elsewhere in the document is left exactly as it is.
3. *What was it?* Each damaged word gets its readings (placeholder_readings); a
   Viterbi search over the line with the bigram model picks among them
   (placeholder_lines); case follows the word, the sentence and the lexicon
   (placeholder_case). A placeholder that was no letter becomes the mark its
   place calls for: a bullet, dash, section sign, quotation mark or no-break
   space (placeholder_marks).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from .. import lexicon
from ..config import Config
from ..danish import DANISH_WORD_RE
from ..edits import Edit, lines_with_offsets, paragraph_spans
from .placeholder_lines import line_edits
from .placeholder_readings import (
    MAX_PLACEHOLDERS,
    candidates,
    is_proven,
    pattern_of,
    run_pattern,
)

_MIN_EVIDENCE = 2
# A block is proven damaged when at least this share of its lines that hold the
# placeholder show it as a letter (see `_proven`).
_MIN_SHARE_OF_LINES = 0.2
# A block with the placeholder this many blocks from a proven one is damaged too
# (a grid row of placeholders under a heading, next to the damaged text).
_REACH = 3


@dataclass(frozen=True, slots=True)
class PlaceholderDamage:
    """A placeholder character, the blocks (spans) it damaged, and how many words prove it.

    `vocabulary` holds the words with Danish letters that the document spells
    correctly elsewhere (``ØKE`` in a clean table restores ``ÅKE`` in a damaged one).
    """

    char: str
    blocks: list[tuple[int, int]]
    evidence: int
    vocabulary: frozenset[str] = frozenset()


def placeholder_edits(text: str, config: Config) -> list[Edit]:
    """Edits restoring the letters a placeholder character stands for."""
    if not config.restore_placeholders:
        return []
    edits: list[Edit] = []
    covered: set[int] = set()
    for damage in find_placeholders(text):  # the best proven placeholder first
        for start, end in damage.blocks:
            for offset, line in lines_with_offsets(text[start:end]):
                if damage.char in line:
                    found = line_edits(text, start + offset, line, damage.char, damage.vocabulary)
                    # Two placeholders can claim one word (``b¡×b``): the first keeps it.
                    for edit in found:
                        span = range(edit.start, edit.end)
                        if covered.isdisjoint(span):
                            covered.update(span)
                            edits.append(edit)
    return sorted(edits, key=lambda e: e.start)


def find_placeholders(text: str) -> list[PlaceholderDamage]:
    """The placeholder characters in `text`, with the blocks each damaged."""
    suspects = _suspects(text)
    if not suspects:
        return []  # clean text: no word scan at all
    found = []
    blocks = paragraph_spans(text)
    words = _document_words(text)  # once: a scan of a big document per suspect adds up
    for char in suspects:
        vocabulary = frozenset(word.lower() for word in words if char not in word)
        evidence, holding = _evidence_by_block(text, blocks, char, vocabulary)
        if sum(evidence) < _MIN_EVIDENCE:
            continue
        damaged = _damaged_blocks(blocks, _proven(evidence, holding), holding)
        found.append(PlaceholderDamage(char, damaged, sum(evidence), vocabulary))
    return found


def _suspects(text: str) -> list[str]:
    """Characters in places no letter of clean text would be, seen at least twice.

    An upper-case letter after a lower-case one (``fÅlger``), or a mark that is not
    ordinary word punctuation inside a word (``f?lger``, ``f\ufffdlger``); a
    non-ASCII mark also counts after a word (``JensenÅ`` aside, ``d\ufffd``), an ASCII
    one does not, since after a word it is punctuation (``det?``).
    """
    counts: Counter[str] = Counter()
    for match in _CANDIDATE.finditer(text):  # a one-class scan: fast on clean text
        char, start = match.group(), match.start()
        before = text[start - 1] if start else ""
        after = text[start + 1 : start + 2]
        if char.isalpha():
            suspect = before.islower()
        else:
            suspect = after.islower() or (not char.isascii() and before.isalpha())
        if suspect:
            counts[char] += 1
    return [char for char, count in counts.most_common() if count >= _MIN_EVIDENCE]


_MARK = r"[^\x00-\x1f\x7f-\x9f\w\s.,;:!()\[\]{}<>\"'’/\\\-–—&%+=*@$|`^~´…”“»«]"
# Only "#" and "?" of ASCII are marks, and no lower-case letter of Latin-1 (ß to ÿ but
# ÷) is either: a leading class of the rest lets the regex engine skip through most of
# a text in C (an alternation is tried at every position), and the look-behind keeps
# what is a capital or a mark.
_CANDIDATE = re.compile(rf"[#?\x80-\xde\xf7\u0100-\U0010ffff](?<=[À-ÖØ-Þ]|{_MARK})")


def _document_words(text: str) -> set[str]:
    """The distinct words with æ, ø or å in `text`, as written."""
    return set(DANISH_WORD_RE.findall(text))


def _evidence_by_block(
    text: str, blocks: list[tuple[int, int]], char: str, vocabulary: frozenset[str]
) -> tuple[list[int], Counter[int]]:
    """The evidence of each block (see `_line_evidence`), and how many lines of each hold `char`.

    Only the lines that hold `char` are read, found with `str.find`: a big document
    has more suspects, and reading all of it for each would cost its size each time.
    Words hold no newline and blocks end at one, so the words are those of the blocks.
    """
    evidence = [0] * len(blocks)
    holding: Counter[int] = Counter()
    starts = [start for start, _ in blocks]
    position = text.find(char)
    while position >= 0:
        index = bisect_right(starts, position) - 1
        block_start, block_end = blocks[index]
        line_start = max(block_start, text.rfind("\n", block_start, position) + 1)
        line_end = text.find("\n", position, block_end)
        if line_end < 0:
            line_end = block_end
        if position < block_end:  # never in the blank lines between blocks, but be sure
            holding[index] += 1
            evidence[index] += _line_evidence(text[line_start:line_end], char, vocabulary)
        position = text.find(char, max(line_end, position + 1))
    return evidence, holding


def _line_evidence(line: str, char: str, vocabulary: frozenset[str]) -> int:
    """How many words of `line` become Danish words, and were none, with `char` as a letter."""
    count = 0
    for word in run_pattern(char).findall(line):
        if char in word and word != char and not lexicon.is_word(word):
            pattern = pattern_of(word, char)
            if pattern.count(char) <= MAX_PLACEHOLDERS and (
                is_proven(pattern, char)
                or (vocabulary and any(c in vocabulary for c in candidates(pattern, char, "æøå")))
            ):
                count += 1
    return count


def _proven(evidence: list[int], holding: Counter[int]) -> list[bool]:
    """Whether each block is proven damaged: evidence on a good share of its lines with `char`.

    In damaged text most lines that hold the placeholder show it as a letter; clean
    text shows it so only by chance (``?`` glued to a word: a few lines in a hundred),
    and without the share, one huge block with no blank line (a whole corpus on single
    lines) would gather enough chance evidence to be rewritten whole.
    """
    return [
        count > 0 and count >= _MIN_SHARE_OF_LINES * holding[index]
        for index, count in enumerate(evidence)
    ]


def _damaged_blocks(
    blocks: list[tuple[int, int]], proven: list[bool], holding: Counter[int]
) -> list[tuple[int, int]]:
    damaged = []
    for index, span in enumerate(blocks):
        if proven[index] or (index in holding and _next_to_damage(index, proven)):
            damaged.append(span)
    return damaged


def _next_to_damage(index: int, proven: list[bool]) -> bool:
    """True if a proven block is at most `_REACH` blocks away."""
    return any(proven[max(0, index - _REACH) : index] + proven[index + 1 : index + 1 + _REACH])
