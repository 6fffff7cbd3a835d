"""Reading the bundled data files in dkfix/data (formats are described in dkfix.lexicon).

Everything here is standard library only: the files are gzip- or xz-compressed text or little-endian
binary arrays, decoded into sets, dicts and `array.array`s. scripts/build_data.py writes them
with the same constants.
"""

from __future__ import annotations

import gzip
import json
import lzma
import struct
import sys
from array import array
from dataclasses import dataclass
from importlib import resources
from typing import cast

DATA_PACKAGE = "dkfix"
DATA_DIRECTORY = "data"
MANIFEST_FILE = "manifest.json"
# gzip, not xz: the largest file, and gzip decompresses it about 0.07 s faster at load.
LEXICON_FILE = "lexicon.txt.gz"
FREQUENCIES_FILE = "frequencies.txt.xz"
BIGRAMS_FILE = "bigrams.bin.xz"
COMPOUNDS_FILE = "compounds.txt.xz"
FORMAT_VERSION = 1

# Zipf values are stored as round(zipf * ZIPF_SCALE) in one byte (code 0 = unknown).
ZIPF_SCALE = 20
# Log10 probabilities are stored as round(-log10(p) * LOGPROB_SCALE) in one byte.
LOGPROB_SCALE = 25
# Zipf value assumed for a word missing from the frequency list when a probability is needed:
# below every stored word (a corpus word seen once averages to about 1.5).
UNKNOWN_ZIPF = 1.0
BIGRAMS_MAGIC = b"DKBG"
_BIGRAMS_HEADER = struct.Struct("<4sII")  # magic, number of contexts + 1, number of bigrams


class DataError(RuntimeError):
    """A bundled data file is missing or does not have the expected format."""


def read_bytes(name: str) -> bytes:
    """The raw bytes of the bundled data file `name`."""
    try:
        return resources.files(DATA_PACKAGE).joinpath(DATA_DIRECTORY).joinpath(name).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError) as error:
        raise DataError(
            f"dkfix data file {name!r} is missing; reinstall dkfix or run `make data`"
        ) from error


def read_text_xz(name: str) -> str:
    """The text of the xz-compressed bundled data file `name`."""
    try:
        return lzma.decompress(read_bytes(name)).decode("utf-8")
    except (lzma.LZMAError, UnicodeDecodeError) as error:
        raise DataError(f"dkfix data file {name!r} is corrupt: {error}") from error


def read_text_gz(name: str) -> str:
    """The text of the gzip-compressed bundled data file `name`."""
    try:
        return gzip.decompress(read_bytes(name)).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise DataError(f"dkfix data file {name!r} is corrupt: {error}") from error


def read_manifest() -> dict[str, object]:
    """The parsed manifest.json."""
    return cast("dict[str, object]", json.loads(read_bytes(MANIFEST_FILE)))


def load_lexicon() -> dict[str, None]:
    """The hunspell word forms, with their original case, as the keys of a dict.

    A dict, not a frozenset: CPython stops tracking a dict of strings in its cycle
    collector, while it walks a set's 0.94 million members on every full collection
    (some 50 ms each, paid by the caller's program too).
    """
    return dict.fromkeys(read_text_gz(LEXICON_FILE).split("\n"))


@dataclass(frozen=True)
class Frequencies:
    """Lower-cased words (id = position in descending frequency) and their Zipf codes."""

    ids: dict[str, int]
    zipf_codes: bytes


def load_frequencies() -> Frequencies:
    """Parse frequencies.txt.xz: one line per Zipf code, `code<TAB>word word ...`."""
    words: list[str] = []
    codes = bytearray()
    for line in read_text_xz(FREQUENCIES_FILE).splitlines():
        code, _, bucket = line.partition("\t")
        members = bucket.split(" ")
        words.extend(members)
        codes.extend(bytes((int(code),)) * len(members))
    return Frequencies({word: i for i, word in enumerate(words)}, bytes(codes))


@dataclass(frozen=True)
class BigramTable:
    """Bigrams in compressed-sparse-row form over frequency-list ids."""

    offsets: array[int]  # bigrams of context i are next_ids[offsets[i]:offsets[i + 1]]
    next_ids: array[int]  # sorted within each context
    logprob_codes: bytes
    backoff_codes: bytes  # one per context


def _uint32_array(data: bytes) -> array[int]:
    values = array("I")
    if values.itemsize != 4:  # pragma: no cover - every mainstream platform has 4-byte "I"
        values = array("L")
    values.frombytes(data)
    if sys.byteorder == "big":  # pragma: no cover - the files are little-endian
        values.byteswap()
    return values


def load_bigrams() -> BigramTable:
    """Parse bigrams.bin.xz (header, offsets, next ids, log-prob codes, back-off codes)."""
    data = lzma.decompress(read_bytes(BIGRAMS_FILE))
    magic, n_offsets, n_bigrams = _BIGRAMS_HEADER.unpack_from(data)
    if magic != BIGRAMS_MAGIC:
        raise DataError(f"{BIGRAMS_FILE} has the wrong magic number {magic!r}")
    start = _BIGRAMS_HEADER.size
    sizes = (4 * n_offsets, 4 * n_bigrams, n_bigrams, n_offsets - 1)
    parts: list[bytes] = []
    for size in sizes:
        parts.append(data[start : start + size])
        start += size
    if start != len(data):
        raise DataError(f"{BIGRAMS_FILE} has {len(data) - start} unexpected trailing bytes")
    return BigramTable(_uint32_array(parts[0]), _uint32_array(parts[1]), parts[2], parts[3])


@dataclass(frozen=True)
class CompoundParts:
    """Lower-cased shapes that may begin (modifiers) or end (heads) a compound."""

    modifiers: dict[str, None]  # dicts, not sets: see load_lexicon
    heads: dict[str, None]


def load_compound_parts() -> CompoundParts:
    """Parse compounds.txt.xz: `modifiers<TAB>shape ...` and `heads<TAB>form ...`."""
    sections = dict(line.split("\t", 1) for line in read_text_xz(COMPOUNDS_FILE).splitlines())
    try:
        return CompoundParts(
            dict.fromkeys(sections["modifiers"].split(" ")),
            dict.fromkeys(sections["heads"].split(" ")),
        )
    except KeyError as error:
        raise DataError(f"{COMPOUNDS_FILE} lacks the section {error}") from error
