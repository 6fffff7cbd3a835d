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
3. *What was it?* Each damaged word gets its lexicon readings; a Viterbi search
   over the line with the bigram model picks among them; case follows the word
   and the sentence. A placeholder that is no letter becomes a no-break space at
   the end of a word or line, and a dash between words.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from .. import lexicon
from ..config import Config
from ..edits import Edit, lines_with_offsets
from .decoder import Choice, decode

_LOWER_LETTERS = "æøå"
# At most this many placeholders in one word are expanded (3**6 readings).
_MAX_PLACEHOLDERS_PER_WORD = 6
_MIN_EVIDENCE = 2
_NBSP = "\u00a0"
# A block with the placeholder this many blocks from a proven one is damaged too
# (a grid row of placeholders under a heading, next to the damaged text).
_REACH = 3
_SENTENCE_END = ".!?:"
# Compound readings and readings outside the lexicon cost this much (log10).
_COMPOUND_PENALTY = 1.5
_UNKNOWN_PENALTY = 4.0


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
    for damage in find_placeholders(text):
        for start, end in damage.blocks:
            edits.extend(e.shifted(start) for e in _block_edits(text[start:end], damage))
    return sorted(edits, key=lambda e: e.start)


def find_placeholders(text: str) -> list[PlaceholderDamage]:
    """The placeholder characters in `text`, with the blocks each damaged."""
    found = []
    blocks = _blocks(text)
    for char in _suspects(text):
        vocabulary = _document_words(text, char)
        evidence = [_block_evidence(text[s:e], char, vocabulary) for s, e in blocks]
        if sum(evidence) < _MIN_EVIDENCE:
            continue
        damaged = _damaged_blocks(text, blocks, evidence, char)
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
_CANDIDATE = re.compile(rf"[À-ÖØ-Þ]|{_MARK}")

_BLOCK_SEPARATOR = re.compile(r"\n[ \t\u00a0]*\n")


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: text between blank lines."""
    spans, start = [], 0
    for match in _BLOCK_SEPARATOR.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _document_words(text: str, char: str) -> frozenset[str]:
    words = _DANISH_WORD.findall(text)
    return frozenset(word.lower() for word in words if char not in word)


_DANISH_WORD = re.compile(r"[^\W\d_]*[æøåÆØÅ][^\W\d_]*")


def _block_evidence(block: str, char: str, vocabulary: frozenset[str]) -> int:
    """How many words of `block` become Danish words, and were none, with `char` as a letter."""
    if char not in block:
        return 0
    count = 0
    for word in _word_re(char).findall(block):
        if (
            char in word
            and word != char
            and not lexicon.is_word(word)
            and _readings(word, char, vocabulary)
        ):
            count += 1
    return count


def _damaged_blocks(
    text: str, blocks: list[tuple[int, int]], evidence: list[int], char: str
) -> list[tuple[int, int]]:
    damaged = []
    for index, (start, end) in enumerate(blocks):
        if evidence[index] > 0 or (char in text[start:end] and _next_to_damage(index, evidence)):
            damaged.append((start, end))
    return damaged


def _next_to_damage(index: int, evidence: list[int]) -> bool:
    """True if a block with evidence is at most `_REACH` blocks away."""
    neighbours = evidence[max(0, index - _REACH) : index] + evidence[index + 1 : index + 1 + _REACH]
    return any(count > 0 for count in neighbours)


def _word_re(char: str) -> re.Pattern[str]:
    return re.compile(rf"(?:[^\W\d_]|{re.escape(char)})+")


def _two_words(reading: str) -> bool:
    """A looser compound test than `lexicon.is_compound`, safe here because only the
    placeholder positions vary: two lexicon words, with a linking -s- or -e- allowed
    (``anbringelses|området``)."""
    for cut in range(3, len(reading) - 3):
        left, right = reading[:cut], reading[cut:]
        if (
            len(right) >= 4
            and lexicon.is_word(right)
            and (lexicon.is_word(left) or (left[-1] in "se" and lexicon.is_word(left[:-1])))
        ):
            return True
    return False


def _readings(
    word: str, char: str, document_words: frozenset[str], compound_part: bool = False
) -> list[tuple[str, float]]:
    """The lower-cased lexicon readings of `word`, each with its penalty.

    Before a hyphen (``BÅrne- og Familieudvalget``) the word is the first part of a
    compound, and readings that can begin a compound are preferred.
    """
    lower = "".join(c if c == char else c.lower() for c in word)
    positions = [i for i, c in enumerate(word) if c == char]
    if not positions or len(positions) > _MAX_PLACEHOLDERS_PER_WORD or word == char:
        return []  # a lone placeholder is punctuation or a space far more often than "å"
    readings = []
    for letters in itertools.product(_LOWER_LETTERS, repeat=len(positions)):
        chars = list(lower)
        for position, letter in zip(positions, letters, strict=True):
            chars[position] = letter
        reading = "".join(chars)
        if compound_part and lexicon.is_compound_part(reading):
            readings.append((reading, -_COMPOUND_PENALTY))
        elif lexicon.is_word(reading) or reading in document_words:
            readings.append((reading, 0.0))
        elif len(reading) > 6 and (lexicon.is_compound(reading) or _two_words(reading)):
            readings.append((reading, _COMPOUND_PENALTY))
    return readings


def _block_edits(block: str, damage: PlaceholderDamage) -> Iterator[Edit]:
    for offset, line in lines_with_offsets(block):
        yield from (edit.shifted(offset) for edit in _line_edits(line, damage))


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str


def _line_edits(line: str, damage: PlaceholderDamage) -> Iterator[Edit]:
    char = damage.char
    if char not in line:
        return
    tokens = [_Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(line)]
    slots = [_choices(token, damage, line) for token in tokens]
    for token, choices, decision in zip(tokens, slots, decode(slots), strict=True):
        chosen = choices[decision.index].text
        if chosen != token.text:
            reason = f"{char!r} is a placeholder; {chosen!r} fits the lexicon and context"
            yield Edit(
                token.start,
                token.end,
                token.text,
                chosen,
                "restore_placeholders",
                round(decision.confidence, 3),
                reason,
            )
    yield from _non_letter_edits(line, char, tokens, slots)


_TOKEN_RE = re.compile(r"\S+")


def _choices(token: _Token, damage: PlaceholderDamage, line: str) -> list[Choice]:
    """The readings of one whitespace-separated token (its word restored, punctuation kept)."""
    char = damage.char
    match = _word_re(char).search(token.text)
    if match is None or char not in match.group() or match.group() == char:
        if token.text != char:  # "2025.Å": a no-break space glued to the end
            return [Choice(_trailing_space(token.text, char), _key(token.text))]
        return [Choice(token.text, _key(token.text))]
    word = match.group()
    prefix, suffix = token.text[: match.start()], _trailing_space(token.text[match.end() :], char)
    follows_hyphen = suffix.startswith("-")
    readings = _readings(word, char, damage.vocabulary, compound_part=follows_hyphen)
    if not readings:
        stem = word.rstrip(char)
        if stem and stem != word and (lexicon.is_word(stem) or stem[0].isupper()):
            text = prefix + stem + _trailing_space(word[len(stem) :], char) + suffix
            return [Choice(text, _key(stem))]  # "JensenÅ": a no-break space after a name
        return [Choice(token.text, _key(token.text))]
    sentence_start = _starts_sentence(line, token.start + match.start())
    return [
        Choice(prefix + _cased(reading, word, char, sentence_start) + suffix, reading, penalty)
        for reading, penalty in readings
    ]


def _trailing_space(text: str, char: str) -> str:
    """Placeholders closing a token were no-break spaces (``året.Å``, ``JensenÅ``).

    Not an ASCII mark: a ``?`` closing a word is a question mark far more often.
    """
    if char.isascii():
        return text
    stripped = text.rstrip(char)
    return stripped + _NBSP * (len(text) - len(stripped))


def _key(token: str) -> str:
    return "".join(c for c in token.lower() if c.isalpha())


def _starts_sentence(line: str, position: int) -> bool:
    before = line[:position].rstrip(" \t#*•-")
    return not before or before[-1] in _SENTENCE_END


def _cased(reading: str, word: str, char: str, sentence_start: bool) -> str:
    """Give `reading` the case of the damaged `word`: all caps, capitalised, or as written."""
    letters = [c for c in word if c != char]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return reading.upper()
    result = [
        r.upper() if w.isupper() and w != char else r for r, w in zip(reading, word, strict=True)
    ]
    if word[0] == char and (sentence_start or not lexicon.is_word(reading)):
        result[0] = result[0].upper()
    return "".join(result)


def _non_letter_edits(
    line: str, char: str, tokens: list[_Token], slots: list[list[Choice]]
) -> Iterator[Edit]:
    """Placeholders that were no letter: no-break spaces at word and line ends, dashes between."""
    for token, choices in zip(tokens, slots, strict=True):
        if len(choices) > 1:
            continue
        if token.text == char:
            replacement = _lone_placeholder(token, line)
            yield Edit(
                token.start,
                token.end,
                char,
                replacement,
                "restore_placeholders",
                0.6,
                f"{char!r} is a placeholder for a {_NAMES[replacement]}",
            )


_NAMES = {_NBSP: "no-break space", "–": "dash"}


def _lone_placeholder(token: _Token, line: str) -> str:
    """A placeholder standing alone: a dash between words of prose, else a no-break space."""
    prose = _WORD_BEFORE.search(line[: token.start]) and _WORD_AFTER.match(line[token.end :])
    return "–" if prose else _NBSP


_WORD_BEFORE = re.compile(r"(?:[^\W\d_]{2,}|\d+)\s*$")
_WORD_AFTER = re.compile(r"\s*(?:[^\W\d_]{2,}|\d+)")
