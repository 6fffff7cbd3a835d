"""Evidence of folding: words that are rare or unknown as written and frequent Danish
words once a folding scheme is undone (``paa`` → på, ``kobenhavn`` → københavn).
"""

from __future__ import annotations

import functools
from collections import Counter

from .. import lexicon
from .folding_readings import choices, is_known, known_readings
from .folding_schemes import SCHEME_UNITS, has_pair_spelling
from .folding_tokens import Word

SCHEMES = tuple(SCHEME_UNITS)
# A word is evidence when a reading is at least this frequent (Zipf) ...
_MIN_READING_ZIPF = 3.0
# ... and this much more frequent than the word as written.
_MIN_ZIPF_GAIN = 1.5
# A compound reading of an unknown word is evidence when it is likely (penalty at most
# _SURE): it splits into fewer or more frequent parts than the word as written.
_SURE = 1.0

Evidence = dict[str, list[tuple[str, str]]]
"""For each scheme, the evidence words of a text with their readings."""


def block_evidence(block_words: list[Word]) -> Evidence:
    """For each scheme, the words of a paragraph that are evidence of it."""
    evidence: Evidence = {scheme: [] for scheme in SCHEMES}
    counts = Counter(word.text for word in block_words if not word.fixed)
    for text, count in counts.items():
        for scheme, reading in zip(SCHEMES, word_evidence(text), strict=True):
            if reading is not None:
                evidence[scheme].extend([(text, reading)] * count)
    return evidence


@functools.lru_cache(maxsize=16_384)
def word_evidence(word: str) -> tuple[str | None, ...]:
    """For each scheme of `SCHEMES`, the reading that makes `word` evidence of it, or None."""
    return tuple(evidence_reading(word, scheme) for scheme in SCHEMES)


def evidence_reading(word: str, scheme: str) -> str | None:
    """A frequent word that `word` becomes when `scheme` is undone, if it is much more
    frequent than `word` as written; or, for a word with a two-letter spelling of æ, ø
    or å that no lexicon knows (``handicapomraadet``), a compound of known words."""
    if len(word) < 2:
        return None
    best, best_zipf = None, 0.0
    for reading in known_readings(word, scheme):
        zipf = lexicon.word_zipf(reading)
        if zipf > best_zipf:
            best, best_zipf = reading, zipf
    if best_zipf >= _MIN_READING_ZIPF and best_zipf >= lexicon.word_zipf(word) + _MIN_ZIPF_GAIN:
        return best
    if best is None and word.islower() and has_pair_spelling(word, scheme):
        options = choices(word, scheme)
        if len(options) > 1 and not is_known(word) and options[1].penalty <= _SURE:
            return options[1].text
    return None
