"""Historical Danish: ``aa`` for å before the 1948 reform, which folding repair must keep.

Danish wrote ``paa``, ``naar`` and ``Kjøbenhavn`` until 1948, and capitalised its
nouns (``Gaarden ved Aaen``), while it always had æ and ø. Two signs tell such
text from folded modern Danish:

* a document whose paragraphs with æ or ø spell å as ``aa`` (``paa Gaden``) or
  write ``Kjøb``: its paragraphs without æ or ø are historical too;
* a paragraph whose ``aa`` words are all capitalised nouns inside sentences
  (``ved Aaen``, ``i Aaret``): modern text folds lower-case words (``paa``, ``aaret``).
"""

from __future__ import annotations

import re

from .folding_evidence import evidence_reading
from .folding_tokens import Word

_AA_OR_KJOB = re.compile(r"aa|[Kk]j[øö]b")
_LETTERS = re.compile(r"[^\W\d_]+")
_SENTENCE_END = ".!?:"
_LOOK_BACK = 8
_OLD_CAPITALS = 2


def is_historical_document(text: str, clean: list[tuple[int, int]]) -> bool:
    """Lower-case words spelt with ``aa`` for å (``paa``, ``aaret``), or ``Kjøb``
    (``Kjøbenhavn``, ``kjøbe``), in the paragraphs (`clean`) that have æ, ø or å.

    Capitalised ``aa`` words are no sign: they are names, which keep their spelling
    (``Nørgaard``, ``Kjærgaard``).
    """
    for start, end in clean:
        for match in _AA_OR_KJOB.finditer(text, start, end):
            if match.group() != "aa":
                return True
            word = _word_at(text, match.start())
            if word.islower() and evidence_reading(word, "o/ae/aa"):
                return True
    return False


def has_old_capitals(text: str, block_words: list[Word]) -> bool:
    """``aa`` words capitalised inside sentences and none in lower case: nouns as they
    were written before 1948 (``ved Aaen``). Folded modern Danish has lower-case ones
    (``paa``, ``naar``) beside its capitalised names (``Raadet``)."""
    capitalised = lower = 0
    for word in block_words:
        if word.fixed or "aa" not in word.text.lower() or word.text.isupper():
            continue
        if evidence_reading(word.text, "o/ae/aa") is None:
            continue
        if word.text.islower():
            lower += 1
        elif not starts_sentence(text, word.start):
            capitalised += 1
    return capitalised >= _OLD_CAPITALS and lower == 0


def starts_sentence(text: str, position: int) -> bool:
    """True if the word at `position` begins a sentence, a line or the text."""
    before = text[max(0, position - _LOOK_BACK) : position].rstrip(" \t\"'“”«»(#*•-–")
    return not before or before[-1] in _SENTENCE_END or before[-1] == "\n"


def _word_at(text: str, position: int) -> str:
    """The word around `position` (a regex scan for the letters first, then this, is far
    faster than a regex for whole words holding them)."""
    start = position
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    match = _LETTERS.match(text, start)
    return match.group() if match else ""
