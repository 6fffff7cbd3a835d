"""The readings of one folded word: which Danish words it may have been before folding.

A folding scheme wrote ``ø`` as ``o`` (or ``oe``), ``æ`` as ``ae`` (or ``a``) and
``å`` as ``aa`` (or ``a``). Undoing it is ambiguous: each ASCII spelling may be the
letter or itself (``for``: for, før; ``pa``: på, pæ, pa). The readings of a word are
every way of undoing the scheme that gives a known word; the words around it choose
among them (see folding.py).

The readings are generated per word, not looked up in an index of all folded forms:
an index of the 0.9 million lexicon forms would cost tens of megabytes and a second
to build, while a word has few ways to be unfolded (``o/a/a`` is the worst, three
readings per ``a``), and the few thousand distinct words of a text are cached.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from .. import lexicon
from .decoder import Choice
from .folding_compounds import Compound, best_reading_split, best_split
from .folding_schemes import PAIR_PATTERNS, SCHEME_UNITS, UNIT_PATTERNS, cased_like, spellings

# A word of the frequency list that the lexicon lacks must be at least this frequent
# to count as a reading (the list holds corpus noise at the bottom).
_MIN_CORPUS_ZIPF = 2.5
# Compounds are tried only for words of this many letters.
_MIN_COMPOUND_LENGTH = 7
_MAX_COMPOUND_LENGTH = 40
# Penalties (log10) on top of the bigram model: a compound reading is less sure than a
# lexicon word, an unknown word less than a compound; a word that keeps a spelling
# the scheme writes for æ, ø or å is less likely still.
_COMPOUND_PENALTY = 0.5
_PART_PENALTY = 0.5
_RARE_PART_PENALTY = 0.25
_COMMON_PART_ZIPF = 4.0
_MIN_COMPOUND_PENALTY = 0.1
_COMPOUND_MARGIN = 0.25
_UNKNOWN_PENALTY = 2.0
# A reading this frequent (Zipf) of a word unknown as written needs no context.
_SURE_ZIPF = 3.0
_FOLD_MARK = 1.0
# A reading this much rarer (Zipf) than a known word as written is never chosen.
_HOPELESS = 2.5


def is_known(word: str) -> bool:
    """True if `word` is a lexicon form or a frequent enough corpus word."""
    return lexicon.is_word(word) or lexicon.word_zipf(word) >= _MIN_CORPUS_ZIPF


@functools.lru_cache(maxsize=16_384)
def known_readings(word: str, scheme: str) -> tuple[str, ...]:
    """The lexicon and corpus words that `word` may have been before `scheme` folded it.

    Words of the frequency list are looked up first, one dictionary look-up each;
    the lexicon's rare forms only for a word that is unknown as written, which needs
    a reading most. ``o/a/a`` gives a word dozens of spellings, and most words are known.
    """
    candidates = spellings(word, scheme)
    found = []
    for candidate in candidates:
        zipf = lexicon.word_zipf(candidate)
        if zipf >= _MIN_CORPUS_ZIPF or (zipf > 0 and lexicon.is_word(candidate)):
            found.append(candidate)
    if found or not candidates or is_known(word):
        return tuple(found)
    return tuple(c for c in candidates if lexicon.is_word(c))


@functools.lru_cache(maxsize=16_384)
def choices(word: str, scheme: str) -> tuple[Choice, ...]:
    """`word` as written, then the words it may have been before `scheme` folded it.

    Each `Choice` has the key the bigram model scores (the word lower-cased) and a
    penalty: 0 for lexicon and corpus words, more for compounds (`folding_compounds`)
    and words known to neither. Readings far rarer than a known word as written are
    dropped: no context would choose them (``og`` is not ``øg``).
    """
    found = [Choice(c, c.lower()) for c in known_readings(word, scheme)]
    if not found:
        if is_known(word) or not UNIT_PATTERNS[scheme].search(word):
            return (Choice(word, word.lower()),)  # nothing to undo
        return _unknown_word_choices(word, scheme)
    written = _written(word, scheme)
    if written.penalty == 0:
        floor = lexicon.word_zipf(written.key) - _HOPELESS
        found = [c for c in found if lexicon.word_zipf(c.key) > floor]
    return (written, *found)


def _unknown_word_choices(word: str, scheme: str) -> tuple[Choice, ...]:
    """A word no lexicon knows, with no lexicon reading: a compound reading, or its
    two-letter spellings undone, or itself alone."""
    compound = _compound_readings(word, scheme)
    if compound and word[0].isupper() and _name_like(word, scheme):
        compound = []
    if compound:
        # The word's own split ranks below its best reading's (or that reading would
        # be the word): a penalty just above the reading's keeps the order and saves
        # a second search.
        penalty = min(compound[0].penalty + _COMPOUND_MARGIN, _UNKNOWN_PENALTY)
        return (Choice(word, word.lower(), penalty + _marked(word, scheme)), *compound)
    unfolded = _unfolded_pairs(word, scheme)
    if not unfolded:
        return (Choice(word, word.lower()),)
    return (_written(word, scheme), *unfolded)


def sure_reading(found: Sequence[Choice]) -> Choice | None:
    """The one reading no context can overrule, if `found` (from `choices`) has one: the
    word as written is unknown to the lexicon and the model, and its only reading is a
    frequent word (``ogsa`` → også). The search need not weigh it.

    The model scores an unknown word as a very rare one (Zipf 1) after any word, and
    the word after it by its plain frequency; a reading of Zipf 3 or more, less a
    back-off of at most two orders of magnitude, always scores higher.
    """
    if len(found) != 2:
        return None
    written, reading = found
    if written.penalty < _UNKNOWN_PENALTY or reading.penalty > 0:
        return None
    if lexicon.word_zipf(written.key) > 0 or lexicon.word_zipf(reading.key) < _SURE_ZIPF:
        return None
    return reading


def _written(word: str, scheme: str) -> Choice:
    """The word as written: free if known, else a compound or an unknown word; the
    more unlikely if it keeps a spelling the scheme writes for æ or å (``jernnaeve``)
    and the lexicon does not vouch for it (corpus counts include folded text)."""
    lower = word.lower()
    marked = _marked(word, scheme)
    if is_known(word):
        return Choice(word, lower, marked)
    split = best_split(lower) if len(lower) >= _MIN_COMPOUND_LENGTH else None
    if split is not None:
        return Choice(word, lower, _compound_penalty(split) + marked)
    return Choice(word, lower, _UNKNOWN_PENALTY + marked)


def _name_like(word: str, scheme: str) -> bool:
    """A capitalised word that splits as written into as few parts as its best reading
    is a name more often than a folded compound (Grayson, Bellator, Brusgaard; not
    Handicapraadets, which needs three parts as written and two as handicaprådets)."""
    written = best_split(word.lower())
    reading = best_reading_split(word.lower(), scheme)
    return written is not None and reading is not None and written.parts <= reading[1].parts


def _marked(word: str, scheme: str) -> float:
    """The penalty for a word that keeps a spelling the scheme writes for a letter."""
    if PAIR_PATTERNS[scheme].search(word.lower()) and not lexicon.is_word(word):
        return _FOLD_MARK
    return 0.0


def _compound_readings(word: str, scheme: str) -> list[Choice]:
    if not _MIN_COMPOUND_LENGTH <= len(word) <= _MAX_COMPOUND_LENGTH:
        return []
    found = best_reading_split(word.lower(), scheme)
    if found is None:
        return []
    reading, split = found
    return [Choice(cased_like(reading, word), reading, _compound_penalty(split))]


def _compound_penalty(split: Compound) -> float:
    """More parts and rarer parts make a compound reading less likely."""
    penalty = (
        _COMPOUND_PENALTY
        + _PART_PENALTY * (split.parts - 2)
        + _RARE_PART_PENALTY * (_COMMON_PART_ZIPF - split.mean_zipf)
    )
    return max(_MIN_COMPOUND_PENALTY, penalty)


def _unfolded_pairs(word: str, scheme: str) -> list[Choice]:
    """A lower-case word no reading explains, with its two-letter spellings undone
    (``jernnaeve`` → ``jernnæve``): the lexicon has the words that spell ``ae``, ``aa``
    or ``oe`` (``firmaet``, ``troede``), the others are rare. Not for names
    (``Brusgaard``, ``Saab``), which keep such spellings."""
    if not word.islower() or not PAIR_PATTERNS[scheme].search(word):
        return []
    unfolded = PAIR_PATTERNS[scheme].sub(lambda m: SCHEME_UNITS[scheme][m.group()][0], word)
    return [Choice(unfolded, unfolded, _UNKNOWN_PENALTY)]
