"""Word frequencies and the smoothed word-bigram model built from the counts.

Frequencies: wordfreq's Danish Zipf values and the training-corpus frequencies are averaged
(each as a proportion of running words; a source that lacks the word counts as 0), the way
wordfreq itself merges its sources. The average damps the parliamentary register of Europarl,
and keeps words wordfreq's short Danish list (about 29,000 words) does not have. Kept: every
letters-only wordfreq word, and every corpus word seen twice or more, or once if it is also a
hunspell form. Zipf values are quantised to steps of 1/ZIPF_SCALE.

Bigrams: interpolated absolute discounting (the core of Kneser-Ney without its continuation
counts), over lower-cased letter tokens within a line:

    P(w | p) = max(c(p, w) - D, 0) / c(p) + lambda(p) * P_uni(w)
    lambda(p) = D * N1+(p .) / c(p)

with D = 0.75, c(p) the count of p as a left context and N1+(p .) the number of distinct words
seen after it, both taken before pruning. P_uni(w) = 10 ** (zipf(w) - 9) from the quantised
frequencies, so the run-time back-off uses exactly the stored numbers. Bigrams seen fewer than
MIN_COUNT times are pruned: they get the back-off value lambda(p) * P_uni(w) at run time.
Log-probabilities are quantised to steps of 1/LOGPROB_SCALE.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from importlib import metadata

from corpus_counts import CorpusCounts
from dkfix._datafiles import LOGPROB_SCALE, ZIPF_SCALE

MIN_COUNT = 2
DISCOUNT = 0.75
_LETTERS_ONLY = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Vocabulary:
    """Lower-cased words by descending frequency, with quantised Zipf values (word id = index)."""

    words: list[str]
    zipf_codes: list[int]
    wordfreq_source: dict[str, object]
    step: float = 1 / ZIPF_SCALE


@dataclass(frozen=True)
class Bigrams:
    """Pruned bigrams in compressed-sparse-row form over vocabulary ids."""

    offsets: list[int]  # len(vocabulary) + 1: the bigrams of context i are [offsets[i], [i+1])
    next_ids: list[int]  # sorted within each context
    logprob_codes: list[int]  # -round(log10 P(w | p) * LOGPROB_SCALE), clamped to a byte
    backoff_codes: list[int]  # per context: -round(log10 lambda(p) * LOGPROB_SCALE)
    kept: int
    contexts: int
    min_count: int = MIN_COUNT
    discount: float = DISCOUNT
    step: float = 1 / LOGPROB_SCALE


def _wordfreq_frequencies() -> tuple[dict[str, float], dict[str, object]]:
    import wordfreq

    frequencies = {
        word: freq
        for word, freq in wordfreq.get_frequency_dict("da").items()
        if _LETTERS_ONLY.fullmatch(word)
    }
    source = {
        "name": "wordfreq Danish word list (small_da)",
        "version": metadata.version("wordfreq"),
        "licence": "CC-BY-SA-4.0 (data); Apache-2.0 (code)",
        "words": len(frequencies),
    }
    return frequencies, source


def combine_frequencies(counts: CorpusCounts, lexicon_lower: set[str]) -> Vocabulary:
    """Merge wordfreq and corpus frequencies into one quantised, frequency-ordered vocabulary."""
    wordfreq_freqs, source = _wordfreq_frequencies()
    kept = set(wordfreq_freqs)
    kept.update(w for w, c in counts.unigrams.items() if c >= MIN_COUNT or w in lexicon_lower)
    codes: dict[str, int] = {}
    for word in kept:
        corpus_freq = counts.unigrams.get(word, 0) / counts.tokens
        freq = (wordfreq_freqs.get(word, 0.0) + corpus_freq) / 2
        zipf = math.log10(freq * 1e9)
        codes[word] = max(1, min(255, round(zipf * ZIPF_SCALE)))
    words = sorted(codes, key=lambda w: (-codes[w], w))
    return Vocabulary(words, [codes[w] for w in words], source)


def _unigram_log10(vocabulary: Vocabulary) -> list[float]:
    return [code / ZIPF_SCALE - 9 for code in vocabulary.zipf_codes]


def _quantise(log10_value: float) -> int:
    return max(0, min(255, round(-log10_value * LOGPROB_SCALE)))


def build_bigrams(counts: CorpusCounts, vocabulary: Vocabulary) -> Bigrams:
    """The pruned, smoothed bigram table over `vocabulary` ids."""
    ids = {word: i for i, word in enumerate(vocabulary.words)}
    context_total: defaultdict[int, int] = defaultdict(int)
    context_types: defaultdict[int, int] = defaultdict(int)
    kept: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    for (previous, word), n in counts.bigrams.items():
        p = ids.get(previous)
        if p is None:
            continue
        context_total[p] += n
        context_types[p] += 1
        w = ids.get(word)
        if n >= MIN_COUNT and w is not None:
            kept[p].append((w, n))
    unigram = _unigram_log10(vocabulary)
    offsets, next_ids, logprobs, backoffs = [0], [], [], []
    for p in range(len(vocabulary.words)):
        total = context_total.get(p, 0)
        weight = DISCOUNT * context_types[p] / total if total else 1.0
        backoffs.append(_quantise(math.log10(weight)))
        for w, n in sorted(kept.get(p, ())):
            probability = (n - DISCOUNT) / total + weight * 10 ** unigram[w]
            next_ids.append(w)
            logprobs.append(_quantise(math.log10(probability)))
        offsets.append(len(next_ids))
    return Bigrams(offsets, next_ids, logprobs, backoffs, len(next_ids), len(kept))


# Compound parts (see dkfix.lexicon.is_compound): hunspell's own compounding flags say which
# shapes may begin or end a compound; these limits make the run-time check strict enough to
# reject nonsense such as "borgernår" (borger + når) that hunspell's compounding accepts.
MIN_MODIFIER_LETTERS = 4
MIN_HEAD_LETTERS = 5
MIN_PART_ZIPF = 3.0


@dataclass(frozen=True)
class CompoundParts:
    """Lower-cased shapes allowed to begin (modifiers) and to end (heads) a compound."""

    modifiers: list[str]
    heads: list[str]


def compound_parts(
    modifiers: frozenset[tuple[str, str]],
    heads: frozenset[tuple[str, str]],
    vocabulary: Vocabulary,
) -> CompoundParts:
    """Keep the modifier shapes of long, frequent stems and the long, frequent head forms."""
    pairs = zip(vocabulary.words, vocabulary.zipf_codes, strict=True)
    zipf = {word: code / ZIPF_SCALE for word, code in pairs}
    kept_modifiers = {
        shape.lower()
        for shape, stem in modifiers
        if min(len(shape), len(stem)) >= MIN_MODIFIER_LETTERS
        and zipf.get(stem.lower(), 0.0) >= MIN_PART_ZIPF
    }
    kept_heads = {
        form.lower()
        for form, _stem in heads
        if len(form) >= MIN_HEAD_LETTERS
        and form.isalpha()
        and zipf.get(form.lower(), 0.0) >= MIN_PART_ZIPF
    }
    return CompoundParts(sorted(kept_modifiers), sorted(kept_heads))
