"""Danish compounds the lexicon lacks, read as known parts, for the folding repair.

Danish writes compounds as one word and makes new ones freely (``partimøde``,
``frikommunenetværk``), so many folded words have no lexicon reading. A reading
that splits into known words is likely, the more so the fewer and the more
frequent its parts: ``partimode`` is parti + mode, ``partimøde`` parti + møde,
and møde is the more frequent word.

`dkfix.lexicon.is_compound` answers yes or no with strict rules (frequent parts of
four letters or more), right for finding damage; choosing among readings needs a
score for every split, which it does not give.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .. import lexicon
from .._datafiles import UNKNOWN_ZIPF
from .folding_schemes import PAIR_PATTERNS, spellings

_MIN_PART = 3
_MAX_PARTS = 3
# Splits are tried at this many heads at most, the longest first.
_MAX_HEADS = 2
# Linking letters between the parts of a compound (``arbejds|plads``, ``børne|have``).
_LINKS = ("s", "e")
# How much less frequent (Zipf) a part counts that keeps a scheme's two-letter spelling.
_KEPT_PAIR_COST = 1.0
# A part with more spellings than this is read as written only (o/a/a on a long part).
_MAX_PART_SPELLINGS = 64


@dataclass(frozen=True, slots=True)
class Compound:
    """The best split of a word into known parts: how many, and their mean Zipf frequency."""

    parts: int
    mean_zipf: float


@functools.lru_cache(maxsize=8_192)
def best_split(word: str) -> Compound | None:
    """The split of lower-cased `word` into the fewest known parts, the most frequent
    among equals; None if it has no split into two or three parts.

    Every part but the last may begin a compound (a word, a compound shape such as
    ``børne``, or a word with a linking ``s`` or ``e``); the last is a word form.

    >>> best_split("partimøde")
    Compound(parts=2, mean_zipf=5.125)
    """
    found = _split(word, None)
    return None if found is None else found[1]


@functools.lru_cache(maxsize=8_192)
def best_reading_split(word: str, scheme: str) -> tuple[str, Compound] | None:
    """The best compound reading of lower-cased `word` with `scheme` undone part by part,
    as `best_split` ranks them, if it differs from `word`; None otherwise.

    Searching part by part (each part of the word unfolded on its own) costs far less
    than splitting every spelling of the whole word, of which ``o/a/a`` has hundreds.

    >>> best_reading_split("partimode", "o/ae/aa")
    ('partimøde', Compound(parts=2, mean_zipf=5.125))
    """
    found = _split(word, scheme)
    return None if found is None or found[0] == word else found


def _split(word: str, scheme: str | None) -> tuple[str, Compound] | None:
    """The best split of `word` into parts, each read as itself or (with a `scheme`)
    with the scheme undone; the reading and its `Compound`.

    The heads are found first: most words that are no compound have none, and the
    modifiers are then looked for only before a head.
    """
    result: tuple[int, float, str] | None = None
    heads = 0
    for start in range(_MIN_PART, len(word) - _MIN_PART + 1):  # the longest heads first
        head = _best_part(word[start:], scheme, head=True)
        if head is None:
            continue
        for prefix in _modifiers(word[:start], scheme):
            result = _richer(result, _extend(prefix, head))
        heads += 1
        if heads == _MAX_HEADS and result is not None:
            break  # shorter heads make more parts or rarer ones: rarely better
    if result is None:
        return None
    parts, total, reading = result
    return reading, Compound(parts, round(total / parts, 3))


def _modifiers(prefix: str, scheme: str | None) -> list[tuple[int, float, str]]:
    """The ways to read `prefix` as one modifier, or two (``børne|handicap``)."""
    found = []
    whole = _best_part(prefix, scheme, head=False)
    if whole is not None:
        found.append((1, whole[0], whole[1]))
    if _MAX_PARTS > 2:
        for cut in range(_MIN_PART, len(prefix) - _MIN_PART + 1):
            first = _best_part(prefix[:cut], scheme, head=False)
            if first is None:
                continue
            second = _best_part(prefix[cut:], scheme, head=False)
            if second is not None:
                found.append((2, first[0] + second[0], first[1] + second[1]))
    return found


def _extend(prefix: tuple[int, float, str], part: tuple[float, str]) -> tuple[int, float, str]:
    return prefix[0] + 1, prefix[1] + part[0], prefix[2] + part[1]


def _richer(
    current: tuple[int, float, str] | None, candidate: tuple[int, float, str]
) -> tuple[int, float, str]:
    """Fewer parts win, then the higher mean Zipf frequency."""
    if current is None or (candidate[0], -candidate[1]) < (current[0], -current[1]):
        return candidate
    return current


@functools.lru_cache(maxsize=16_384)
def _best_part(part: str, scheme: str | None, *, head: bool) -> tuple[float, str] | None:
    """The most frequent reading of `part` (itself included) as a head or a modifier.

    A reading that keeps a two-letter spelling of the scheme (``gaard`` in text that
    writes å as ``aa``) counts as less frequent: the lexicon has such forms as old
    spellings and names, and folded text has them for the letter.
    """
    found: tuple[float, str] | None = None
    pairs = PAIR_PATTERNS[scheme] if scheme else None
    readings = spellings(part, scheme, _MAX_PART_SPELLINGS) if scheme else []
    for reading in (part, *readings):
        if head:
            zipf = _zipf(reading) if lexicon.is_word(reading) else None
        else:
            zipf = _modifier_zipf(reading)
        if zipf is not None and pairs is not None and pairs.search(reading):
            zipf -= _KEPT_PAIR_COST
        if zipf is not None and (found is None or zipf > found[0]):
            found = (zipf, reading)
    return found


@functools.lru_cache(maxsize=32_768)
def _modifier_zipf(part: str) -> float | None:
    """The Zipf frequency of `part` as the beginning of a compound, None if it cannot be.

    The compound shapes are tried first: one set look-up settles most parts.
    """
    linked = part[-1] in _LINKS and len(part) > _MIN_PART
    stem_zipf = lexicon.word_zipf(part[:-1]) if linked else 0.0
    if lexicon.is_compound_part(part) or lexicon.is_word(part):
        return max(_zipf(part), stem_zipf)
    if linked and lexicon.is_word(part[:-1]):
        return stem_zipf or UNKNOWN_ZIPF
    return None


def _zipf(word: str) -> float:
    return lexicon.word_zipf(word) or UNKNOWN_ZIPF
