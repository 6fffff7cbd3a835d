"""The Danish word data: word forms, frequencies and word bigrams.

PROVISIONAL: this interface is fixed; the implementation is being replaced by the
generated data from scripts/build_data.py. Until then it reads wordfreq, if installed.
"""

from __future__ import annotations

import functools


@functools.cache
def _provisional_words() -> dict[str, float]:
    try:
        import wordfreq
    except ImportError:  # pragma: no cover
        return {}
    return {w: wordfreq.zipf_frequency(w, "da") for w in wordfreq.top_n_list("da", 200000)}


def is_word(word: str) -> bool:
    """True if `word` is a Danish word form (case-insensitive for capitalised and all-caps)."""
    words = _provisional_words()
    return word in words or word.lower() in words


def word_zipf(word: str) -> float:
    """Zipf frequency of the lower-cased `word` (log10 per billion words); 0.0 if unknown."""
    return _provisional_words().get(word.lower(), 0.0)
