"""Folding schemes: how æ, ø and å were spelt in ASCII, and every way to undo a scheme.

The schemes are those of `dkfix.damage.FOLDING_SCHEMES`, inverted: each ASCII spelling
and the letters it may stand for (``o/a/a``: ``a`` is æ or å).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping
from types import MappingProxyType

from ..damage import FOLDING_SCHEMES

# A word with more ways to unfold than this is left alone (``o/a/a`` on a very long
# word): its readings would cost more than they are worth.
_MAX_SPELLINGS = 2048


def _units(mapping: Mapping[str, str]) -> Mapping[str, tuple[str, ...]]:
    """Invert a scheme: each ASCII spelling and the letters it may stand for."""
    units: dict[str, tuple[str, ...]] = {}
    for letter, spelling in mapping.items():
        units[spelling] = (*units.get(spelling, ()), letter)
    return MappingProxyType(units)


SCHEME_UNITS: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {name: _units(mapping) for name, mapping in FOLDING_SCHEMES.items()}
)
"""For each scheme of `dkfix.damage.FOLDING_SCHEMES`: ASCII spelling → letters."""


# Two-letter spellings of one letter (``aa``, ``ae``, ``oe``), rare in Danish words otherwise.
PAIR_PATTERNS = {
    name: re.compile("|".join(s for s in units if len(s) == 2) or "(?!)")
    for name, units in SCHEME_UNITS.items()
}
# Any ASCII spelling of a scheme, either case.
UNIT_PATTERNS = {
    name: re.compile("|".join(sorted(units, key=len, reverse=True)), re.IGNORECASE)
    for name, units in SCHEME_UNITS.items()
}


def spellings(word: str, scheme: str, limit: int = _MAX_SPELLINGS) -> list[str]:
    """Every way of undoing `scheme` in `word`, the word itself excluded; case follows the
    ASCII letters (``Kobenhavn`` → ``København``, ``AEROE`` → ``ÆRØ``).

    Overlapping spellings are read leftmost first (``aae`` is ``aa`` + ``e``). Empty if
    the word has more than `limit` ways to unfold.

    >>> spellings("paa", "o/ae/aa")
    ['på']
    >>> sorted(spellings("AEROE", "oe/ae/aa"))
    ['AERØ', 'ÆROE', 'ÆRØ']
    """
    options = _LETTER_OPTIONS.get(scheme)
    if options is not None:
        return _letter_spellings(word, options, limit)
    units = SCHEME_UNITS[scheme]
    pieces: list[tuple[str, ...]] = []
    count, last = 1, 0
    for match in UNIT_PATTERNS[scheme].finditer(word):
        spelling = match.group()
        upper = spelling[0].isupper()
        letters = units[spelling.lower()]
        pieces.append((word[last : match.start()],))
        pieces.append((spelling, *(letter.upper() if upper else letter for letter in letters)))
        count *= len(letters) + 1
        if count > limit:
            return []
        last = match.end()
    if not pieces:
        return []
    pieces.append((word[last:],))
    # The first combination takes every first option: the word itself.
    return [
        "".join(combination)
        for combination in itertools.islice(itertools.product(*pieces), 1, None)
    ]


def _letter_spellings(word: str, options: Mapping[str, tuple[str, ...]], limit: int) -> list[str]:
    """`spellings` for a scheme of one-letter spellings only, letter by letter."""
    pieces = [options.get(char) or (char,) for char in word]
    count = math.prod(len(piece) for piece in pieces)
    if count == 1 or count > limit:
        return []
    return ["".join(c) for c in itertools.islice(itertools.product(*pieces), 1, None)]


def _one_letter_options(units: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    options = {}
    for spelling, letters in units.items():
        options[spelling] = (spelling, *letters)
        options[spelling.upper()] = (spelling.upper(), *(letter.upper() for letter in letters))
    return options


# Schemes whose spellings are all one letter (``o/a/a``) are undone letter by letter,
# several times faster than by pattern.
_LETTER_OPTIONS = {
    name: _one_letter_options(units)
    for name, units in SCHEME_UNITS.items()
    if all(len(spelling) == 1 for spelling in units)
}


def has_pair_spelling(word: str, scheme: str) -> bool:
    """True if lower-cased `word` has a two-letter spelling `scheme` writes for a letter."""
    return PAIR_PATTERNS[scheme].search(word) is not None


def cased_like(reading: str, word: str) -> str:
    """`reading` (lower case) in the case of `word`: all caps, capitalised or lower.

    >>> cased_like("ærø", "AEROE"), cased_like("æblet", "Aeblet")
    ('ÆRØ', 'Æblet')
    """
    if word.isupper() and len(word) > 1:
        return reading.upper()
    if word[:1].isupper():
        return reading[:1].upper() + reading[1:]
    return reading
