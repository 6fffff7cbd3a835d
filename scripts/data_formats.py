"""Encode the built data into the bundled file formats (read back by dkfix._datafiles)."""

from __future__ import annotations

import gzip
import lzma
from array import array
from itertools import groupby

from dkfix._datafiles import (
    _BIGRAMS_HEADER,
    BIGRAMS_FILE,
    BIGRAMS_MAGIC,
    COMPOUNDS_FILE,
    FORMAT_VERSION,
    FREQUENCIES_FILE,
    LEXICON_FILE,
)
from frequency_model import Bigrams, CompoundParts, Vocabulary

__all__ = [
    "BIGRAMS_FILE",
    "COMPOUNDS_FILE",
    "FORMAT_VERSION",
    "FREQUENCIES_FILE",
    "LEXICON_FILE",
    "encode_bigrams",
    "encode_compound_parts",
    "encode_frequencies",
    "encode_lexicon",
]


def _xz(payload: bytes) -> bytes:
    # Fixed preset and no timestamps: the same input always gives the same bytes.
    return lzma.compress(payload, format=lzma.FORMAT_XZ, preset=9 | lzma.PRESET_EXTREME)


def encode_lexicon(forms: list[str]) -> bytes:
    """Sorted forms, one per line, gzip-compressed (mtime 0 keeps the bytes reproducible)."""
    payload = "\n".join(sorted(forms)).encode("utf-8")
    return gzip.compress(payload, compresslevel=9, mtime=0)


def encode_frequencies(vocabulary: Vocabulary) -> bytes:
    """One line per Zipf code, highest first: `code<TAB>word word ...` in id order."""
    lines = []
    pairs = zip(vocabulary.zipf_codes, vocabulary.words, strict=True)
    for code, group in groupby(pairs, key=lambda pair: pair[0]):
        lines.append(f"{code}\t" + " ".join(word for _code, word in group))
    return _xz("\n".join(lines).encode("utf-8"))


def _little_endian_uint32(values: list[int]) -> bytes:
    packed = array("I", values)
    if packed.itemsize != 4:
        packed = array("L", values)
    if array("I", [1]).tobytes()[0] != 1:
        packed.byteswap()
    return packed.tobytes()


def encode_bigrams(bigrams: Bigrams) -> bytes:
    """Header, offsets (uint32), next ids (uint32), log-prob codes, back-off codes (bytes)."""
    header = _BIGRAMS_HEADER.pack(BIGRAMS_MAGIC, len(bigrams.offsets), len(bigrams.next_ids))
    body = b"".join(
        (
            _little_endian_uint32(bigrams.offsets),
            _little_endian_uint32(bigrams.next_ids),
            bytes(bigrams.logprob_codes),
            bytes(bigrams.backoff_codes),
        )
    )
    return _xz(header + body)


def encode_compound_parts(parts: CompoundParts) -> bytes:
    """Two lines: `modifiers<TAB>shape shape ...` and `heads<TAB>form form ...`."""
    lines = ("modifiers\t" + " ".join(parts.modifiers), "heads\t" + " ".join(parts.heads))
    return _xz("\n".join(lines).encode("utf-8"))
