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


def read_manifest() -> dict[str, object]:
    """The parsed manifest.json."""
    return cast("dict[str, object]", json.loads(read_bytes(MANIFEST_FILE)))


def read_lexicon() -> bytes:
    """The lexicon file, decompressed: the hunspell word forms, sorted, one per line, UTF-8."""
    try:
        return gzip.decompress(read_bytes(LEXICON_FILE))
    except (OSError, EOFError) as error:
        raise DataError(f"dkfix data file {LEXICON_FILE!r} is corrupt: {error}") from error


def load_lexicon() -> dict[str, None]:
    """The hunspell word forms, with their original case, as the keys of a dict.

    A dict, not a frozenset: CPython stops tracking a dict of strings in its cycle
    collector, while it walks a set's 0.94 million members on every full collection
    (some 50 ms each, paid by the caller's program too).
    """
    return dict.fromkeys(_decode(read_lexicon()).split("\n"))


def forms_with_initial(lexicon: bytes, initial: str) -> dict[str, None]:
    """The forms of `lexicon` (as `read_lexicon` returns it) that begin with `initial`,
    one character, as the keys of a dict (see `load_lexicon`).

    The lines are sorted, and UTF-8 sorts as the characters do, so these forms are
    one run of lines, found by bisection; only they are decoded. Building the dict
    of all 0.94 million forms takes about half a second, most of what a first call
    costs; the forms of one initial take a few milliseconds, and a short text needs
    only a few initials.
    """
    if len(initial) != 1:
        raise ValueError(f"an initial is one character, not {initial!r}")
    start = _first_line_from(lexicon, initial.encode("utf-8", "surrogatepass"))
    following = ord(initial) + 1
    end = (
        len(lexicon)
        if following > sys.maxunicode
        else _first_line_from(lexicon, chr(following).encode("utf-8", "surrogatepass"))
    )
    if start == end:
        return {}
    return dict.fromkeys(_decode(lexicon[start:end].removesuffix(b"\n")).split("\n"))


def initials(lexicon: bytes) -> list[str]:
    """Every first character of the forms of `lexicon` (as `read_lexicon` returns it)."""
    found: list[str] = []
    start = 0
    while start < len(lexicon):
        line_end = lexicon.find(b"\n", start)
        initial = _decode(lexicon[start : len(lexicon) if line_end < 0 else line_end])[:1]
        if not initial:  # an empty line: no form
            start = _line_start_from(lexicon, start + 1)
            continue
        found.append(initial)
        following = ord(initial) + 1
        if following > sys.maxunicode:
            break
        start = _first_line_from(lexicon, chr(following).encode("utf-8", "surrogatepass"))
    return found


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"dkfix data file {LEXICON_FILE!r} is corrupt: {error}") from error


def _first_line_from(lines: bytes, initial: bytes) -> int:
    """The offset of the first line of the sorted `lines` whose first character
    (`initial` encoded) is `initial` or later; the length of `lines` if none is.

    UTF-8 is prefix-free, so the first ``len(initial)`` bytes of a line compare
    with `initial` as the line's first character does.
    """
    low, high = 0, len(lines)
    while low < high:  # the smallest offset whose next line starts at `initial` or later
        middle = (low + high) // 2
        start = _line_start_from(lines, middle)
        if start < len(lines) and lines[start : start + len(initial)] < initial:
            low = middle + 1
        else:
            high = middle
    return _line_start_from(lines, low)


def _line_start_from(lines: bytes, offset: int) -> int:
    """The offset of the first line that starts at `offset` or after it."""
    if offset == 0 or lines[offset - 1] == _NEWLINE:
        return offset
    newline = lines.find(b"\n", offset)
    return len(lines) if newline < 0 else newline + 1


_NEWLINE = ord("\n")


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
    return Frequencies(dict(zip(words, range(len(words)), strict=True)), bytes(codes))


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
