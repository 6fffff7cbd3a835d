"""How much a decoding reads like Danish: the score decode.py uses to choose an encoding.

The same bytes decoded with different code pages differ only where the bytes are
not ASCII: every candidate encoding decodes ASCII alike. So only the non-ASCII
parts carry evidence, and only they are scored, which also keeps scoring cheap.

The evidence, in order of strength:

* words that contain non-ASCII letters and are Danish words (``dkfix.lexicon``);
* the letters themselves: æ ø å are common, loan letters (é ü ö) occur, other
  Latin letters are rare, and Greek or Cyrillic letters inside a Latin word are
  the signature of a DOS code page read as Windows or the other way round;
* symbols: typographic punctuation is expected; box drawing, C1 controls,
  private-use characters and odd symbols (``†`` ``¤`` ``¿``) glued to letters are not;
* letter case: ``pÂ`` or ``ÆHejÆ`` (a capital straight after a lower-case
  letter) does not happen in Danish.

Scores add up over the text, so a longer text gives a larger margin between a
right and a wrong decoding, which decode.py turns into its confidence.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from . import lexicon
from .danish import DANISH_LETTERS, LOAN_LETTERS, TYPOGRAPHY

# Stretches of text without spaces that hold at least one non-ASCII character (which may
# be a no-break space joining two of them). A match starts only where a stretch starts,
# or at non-ASCII white space (where the last match ended): tried at every character, a
# long ASCII stretch cost time quadratic in its length.
_NON_ASCII_TOKEN = re.compile(r"(?:(?<!\S)|(?=[^\x00-\x7f])(?=\s))\S*[^\x00-\x7f]\S*")
# Runs of letters: the units looked up in the lexicon (split at apostrophes and hyphens,
# so "Peter’s" is not scored as one unknown word).
_LETTER_RUN = re.compile(r"[^\W\d_]+")

# Symbols Danish text uses besides danish.TYPOGRAPHY; they follow a name, never precede one.
_TRADE_MARKS = frozenset("©®™")
_EXPECTED_SYMBOLS = frozenset(TYPOGRAPHY) | _TRADE_MARKS
# Low quotation marks open a quotation; straight after a letter they are misread bytes.
_OPENING_QUOTES = frozenset("‚„")
# Non-letters that may sit between two letters of one word: soft hyphen, middle dot.
_INSIDE_WORD_OK = frozenset("\u00ad·")
# An apostrophe inside a word starts a short ending ("Peter’s", "rock’n’roll"); a
# longer run after it ("OPL’SER") is cp865 Æ read as cp1252.
_APOSTROPHES = frozenset("’'´`")
_MAX_LETTERS_AFTER_APOSTROPHE = 2
_DANISH = frozenset(DANISH_LETTERS)
_LOAN = frozenset(LOAN_LETTERS)

# Weights, in "letters of evidence". A Danish letter counts 1.
_DANISH_LETTER = 1.0
_LOAN_LETTER = 0.3
_OTHER_LATIN_LETTER = -1.0
_FOREIGN_SCRIPT_IN_LATIN_WORD = -3.0
_FOREIGN_SCRIPT_WORD_LETTER = -0.5
_KNOWN_WORD = 2.0
_KNOWN_WORD_PER_ZIPF = 0.3
# "å" and "ø" are words, but a lone letter is also what a misread byte between spaces
# makes; a lone capital (Æ, Ø, Å) hardly ever stands alone in Danish.
_KNOWN_SINGLE_LETTER = 0.5
_LONE_CAPITAL = -1.0
# Names with æ ø å are often unknown; the letters still count for more than this.
_UNKNOWN_WORD = -0.5
_IMPOSSIBLE_CASE = -2.0
_EXPECTED_SYMBOL = 0.3
_ODD_SYMBOL = -1.5
_BOX_DRAWING = -3.0
_CONTROL_OR_UNASSIGNED = -6.0
_SYMBOL_INSIDE_WORD = -2.5
_SYMBOL_GLUED_TO_WORD = -1.5

_TOKEN_CACHE_SIZE = 1 << 16


def plausibility(text: str) -> float:
    """Score how much `text` reads like Danish; higher is more plausible, 0 for ASCII.

    >>> plausibility("Grønkjær på Ærø") > plausibility("Gr›nkj‘r p† ’r›")
    True
    """
    return sum(_token_score(match.group()) for match in _NON_ASCII_TOKEN.finditer(text))


@functools.lru_cache(maxsize=_TOKEN_CACHE_SIZE)
def _token_score(token: str) -> float:
    """Score one space-free token; cached because words repeat throughout a document."""
    score = 0.0
    for index, char in enumerate(token):
        if char.isascii() or char.isalpha():
            continue
        score += _symbol_weight(char) + _attachment_penalty(token, index)
    for run in _LETTER_RUN.finditer(token):
        word = run.group()
        if not word.isascii():
            score += _word_score(word)
    return score


def _symbol_weight(char: str) -> float:
    """Weight of a non-ASCII character that is not a letter."""
    if char in _EXPECTED_SYMBOLS:
        return _EXPECTED_SYMBOL
    if "\u2500" <= char <= "\u259f":  # box drawing and blocks: DOS code pages misread
        return _BOX_DRAWING
    if unicodedata.category(char) in ("Cc", "Co", "Cn", "Cs"):
        return _CONTROL_OR_UNASSIGNED
    return _ODD_SYMBOL


def _attachment_penalty(token: str, index: int) -> float:
    """Penalty for a symbol glued to letters: ``Gr¿nkj¾r``, ``p†``, ``Gr›nkj‘r``."""
    char = token[index]
    before = index > 0 and token[index - 1].isalpha()
    after = index + 1 < len(token) and token[index + 1].isalpha()
    if before and after:
        if char in _INSIDE_WORD_OK or (char in _APOSTROPHES and _short_ending(token, index + 1)):
            return 0.0
        return _SYMBOL_INSIDE_WORD
    if (before or after) and char not in _EXPECTED_SYMBOLS:
        return _SYMBOL_GLUED_TO_WORD
    if (after and char in _TRADE_MARKS) or (before and char in _OPENING_QUOTES):
        return _SYMBOL_GLUED_TO_WORD
    return 0.0


def _short_ending(token: str, start: int) -> bool:
    end = start
    while end < len(token) and token[end].isalpha():
        end += 1
    return end - start <= _MAX_LETTERS_AFTER_APOSTROPHE


def _word_score(word: str) -> float:
    """Score a run of letters that holds at least one non-ASCII letter."""
    has_latin = any(_is_latin(char) for char in word)
    score = sum(_letter_weight(char, has_latin) for char in word if not char.isascii())
    if len(word) == 1:
        score += _single_letter_score(word)
    elif lexicon.is_word(word):
        score += _KNOWN_WORD + _KNOWN_WORD_PER_ZIPF * lexicon.word_zipf(word)
    else:
        score += _UNKNOWN_WORD
    return score + _case_penalty(word)


def _single_letter_score(letter: str) -> float:
    if letter.isupper():
        return _LONE_CAPITAL
    return _KNOWN_SINGLE_LETTER if lexicon.is_word(letter) else _UNKNOWN_WORD


def _letter_weight(char: str, word_has_latin: bool) -> float:
    if char in _DANISH:
        return _DANISH_LETTER
    if char in _LOAN:
        return _LOAN_LETTER
    if _is_latin(char):
        return _OTHER_LATIN_LETTER
    return _FOREIGN_SCRIPT_IN_LATIN_WORD if word_has_latin else _FOREIGN_SCRIPT_WORD_LETTER


@functools.lru_cache(maxsize=4096)
def _is_latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


def _case_penalty(word: str) -> float:
    """Capitals after lower case, or a lower-case letter in an all-caps word, next to non-ASCII.

    Only pairs involving a non-ASCII letter count: ASCII pairs (``McDonald``) read
    the same under every candidate encoding and say nothing about the choice.
    """
    penalty = 0.0
    for left, right in itertools.pairwise(word):
        if left.islower() and right.isupper() and not (left.isascii() and right.isascii()):
            penalty += _IMPOSSIBLE_CASE
    ascii_letters = [char for char in word if char.isascii()]
    all_caps = len(ascii_letters) >= 2 and all(char.isupper() for char in ascii_letters)
    if all_caps and any(char.islower() for char in word if not char.isascii()):
        penalty += _IMPOSSIBLE_CASE
    return penalty
