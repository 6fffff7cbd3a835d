"""Damage clean text the way real software did, to test repairs against it.

Every function here is pure and deterministic: the same arguments give the same
output on every machine. Where a share of the characters is damaged, the choice
comes from ``random.Random(seed)``, never from global random state.

The damages are the ones dkfix repairs:

* `placeholder`: every non-ASCII character became one placeholder character
  (``Å``, ``?``, U+FFFD, ...), as PDF extractors and lossy converters do;
* `fold`: æ, ø and å were written with ASCII letters (``ø→o æ→ae å→aa`` and
  other schemes), as old mail, SMS and file-name software did;
* `mojibake`: bytes written in one encoding were read as another;
* `in_paragraphs`: any of these, in some paragraphs only, as real documents are
  damaged in places.

`DAMAGES` names ready-made presets:

>>> DAMAGES["placeholder-Å"]("Grønkjær – på Ærø")
'GrÅnkjÅr Å pÅ ÅrÅ'
>>> DAMAGES["fold-o/ae/aa"]("Grønkjær på Ærø")
'Gronkjaer paa Aero'
>>> DAMAGES["utf8-as-cp1252"]("på")
'pÃ¥'
"""

from __future__ import annotations

import codecs
import random
import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import partial
from types import MappingProxyType

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-125x" codecs)

from .danish import DANISH_WORD_RE

__all__ = [
    "DAMAGES",
    "FOLDING_SCHEMES",
    "Damage",
    "fold",
    "in_paragraphs",
    "mojibake",
    "placeholder",
]

Damage = Callable[[str], str]
"""A damage: clean text in, damaged text out."""

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def placeholder(text: str, char: str = "Å", *, rate: float = 1.0, seed: int = 0) -> str:
    """Replace non-ASCII characters with one placeholder character `char`.

    Letters and non-letters alike: æøå, é, nbsp, dashes, curly quotes, bullets,
    § all become `char`, one for one, so the text keeps its length and its
    ASCII characters. With ``rate < 1``, that share of the non-ASCII characters
    (rounded) is replaced, chosen by `seed`.

    >>> placeholder("Søren\\u00a0Kierkegaard – “Frygt”")
    'SÅrenÅKierkegaard Å ÅFrygtÅ'
    >>> placeholder("Ærø § 3", "?")
    '?r? ? 3'
    >>> placeholder("Grønkjær", "\\ufffd")
    'Gr\\ufffdnkj\\ufffdr'
    >>> placeholder("æøåæøå", "?", rate=0.5, seed=1)
    '??åæ?å'
    """
    if len(char) != 1:
        raise ValueError(f"placeholder char must be a single character, not {char!r}")
    if not 0.0 <= rate <= 1.0:
        raise ValueError(f"rate must be between 0 and 1, not {rate!r}")
    if text.isascii():
        return text
    if rate == 1.0:
        return _NON_ASCII.sub(char, text)
    positions = [match.start() for match in _NON_ASCII.finditer(text)]
    chosen = _choose(positions, rate, seed)
    return "".join(char if i in chosen else c for i, c in enumerate(text))


def _choose(positions: list[int], rate: float, seed: int) -> frozenset[int]:
    """A seeded sample of `rate` of `positions` (rounded to a whole number)."""
    count = round(rate * len(positions))
    return frozenset(random.Random(seed).sample(positions, count))


# Each scheme: how æ, ø and å were written in lower case. Upper case follows
# the word (see `fold`).
FOLDING_SCHEMES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "o/ae/aa": MappingProxyType({"æ": "ae", "ø": "o", "å": "aa"}),
        "oe/ae/aa": MappingProxyType({"æ": "ae", "ø": "oe", "å": "aa"}),
        "o/a/a": MappingProxyType({"æ": "a", "ø": "o", "å": "a"}),
    }
)
"""The ASCII spellings of æ, ø, å that folding software used, by scheme name."""


# ASCII spellings of common non-ASCII characters that have no decomposition to
# ASCII (NFKD covers é→e, nbsp→space, …→...). Kept small: what folding
# software of the time wrote for them.
_ASCII_SPELLINGS = {
    "ß": "ss",
    "œ": "oe",
    "Œ": "OE",
    "ð": "d",
    "Ð": "D",
    "þ": "th",
    "Þ": "Th",
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "‘": "'",
    "’": "'",
    "‚": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "–": "-",
    "—": "-",
    "•": "*",
}


def fold(
    text: str,
    scheme: str = "o/ae/aa",
    *,
    rate: float = 1.0,
    seed: int = 0,
    fold_all: bool = False,
) -> str:
    """Write æ, ø and å with ASCII letters, by one of `FOLDING_SCHEMES`.

    An upper-case letter that becomes two letters is ``Ae`` in a capitalised
    word and ``AE`` in an all-caps word (likewise ``Aa``/``AA``, ``Oe``/``OE``).
    Other non-ASCII characters (é, dashes, quotes, nbsp) are left as they are,
    as real folding software usually only touched æøå; ``fold_all=True`` also
    writes those in ASCII where there is an obvious spelling (é→e, –→-), which
    may change the length of the text. With ``rate < 1``, that share of the
    æøå letters (rounded) is folded, chosen by `seed`.

    >>> fold("Grønkjær på Ærø")
    'Gronkjaer paa Aero'
    >>> fold("ÆRØ og Århus", "oe/ae/aa")
    'AEROE og Aarhus'
    >>> fold("Kære Søren, så er det nu", "o/a/a")
    'Kare Soren, sa er det nu'
    >>> fold("Café – Æblegården", fold_all=True)
    'Cafe - Aeblegaarden'
    """
    try:
        mapping = FOLDING_SCHEMES[scheme]
    except KeyError:
        known = ", ".join(FOLDING_SCHEMES)
        raise ValueError(f"unknown folding scheme {scheme!r}; known: {known}") from None
    if not 0.0 <= rate <= 1.0:
        raise ValueError(f"rate must be between 0 and 1, not {rate!r}")
    if rate < 1.0:
        positions = [m.start() for m in re.finditer("[æøåÆØÅ]", text)]
        chosen: frozenset[int] | None = _choose(positions, rate, seed)
    else:
        chosen = None
    folded = DANISH_WORD_RE.sub(lambda m: _fold_word(m, mapping, chosen), text)
    return _fold_others(folded) if fold_all else folded


def _fold_word(
    match: re.Match[str], mapping: Mapping[str, str], chosen: frozenset[int] | None
) -> str:
    word = match.group()
    cased = [c for c in word if c.lower() != c.upper()]
    all_caps = len(cased) > 1 and all(c.isupper() for c in cased)
    out = []
    for i, char in enumerate(word):
        lower = char.lower()
        if lower not in mapping or (chosen is not None and match.start() + i not in chosen):
            out.append(char)
        elif char == lower:
            out.append(mapping[lower])
        else:
            spelling = mapping[lower]
            out.append(spelling.upper() if all_caps else spelling.capitalize())
    return "".join(out)


def _fold_others(text: str) -> str:
    """ASCII spellings of the non-ASCII characters that have one; the rest unchanged."""
    return _NON_ASCII.sub(lambda m: _ascii_spelling(m.group()), text)


def _ascii_spelling(char: str) -> str:
    if char in _ASCII_SPELLINGS:
        return _ASCII_SPELLINGS[char]
    decomposed = unicodedata.normalize("NFKD", char)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped if stripped and stripped.isascii() else char


def _is_windows_code_page(encoding: str) -> bool:
    return re.fullmatch(r"cp125\d", codecs.lookup(encoding).name) is not None


def _read(data: bytes, read_as: str, errors: str) -> str:
    """Decode `data` as software reading it as `read_as` would have shown it.

    Real software shows cp125x's undefined bytes (0x81, 0x8D, ...) as C1
    controls; Python's strict codecs refuse them and ftfy's sloppy codecs do
    what the software did, except that they read byte 0x1A as U+FFFD for ftfy's
    own purposes, which we undo so that ASCII stays ASCII.
    """
    if not _is_windows_code_page(read_as):
        return data.decode(read_as, errors)
    sloppy = "sloppy-windows-" + codecs.lookup(read_as).name[2:]
    return data.decode(sloppy).replace("\ufffd", "\x1a")


def mojibake(
    text: str, written_as: str = "utf-8", read_as: str = "cp1252", *, errors: str = "strict"
) -> str:
    """Encode `text` as `written_as` and decode the bytes as `read_as`.

    A cp125x `read_as` decodes all 256 bytes, the undefined ones as C1
    controls, like real software (ftfy's "sloppy" codecs). Raises
    UnicodeError on characters `written_as` cannot represent (or bytes
    `read_as` cannot decode) unless ``errors="replace"`` (or another Python
    error handler) is given. For text both can represent, it is undone by
    ``damaged.encode(read_as).decode(written_as)``, with ftfy's
    ``"sloppy-windows-1252"`` for cp1252 when the text held undefined bytes.

    >>> mojibake("Grønkjær på Ærø")
    'GrÃ¸nkjÃ¦r pÃ¥ Ã†rÃ¸'
    >>> mojibake("Grønkjær", "cp865", "cp1252")
    'Gr›nkj‘r'
    >>> mojibake("Grønkjær", "utf-8", "mac_roman")
    'Gr√∏nkj√¶r'
    >>> mojibake("– “ø”", "cp865", "cp1252", errors="replace")
    '? ?›?'
    """
    return _read(text.encode(written_as, errors), read_as, errors)


_BLANK_LINES = re.compile(r"(\n(?:[^\S\n]*\n)+)")
_LINE_BREAK = re.compile(r"(\n)")


def in_paragraphs(text: str, damage: Damage, *, every: int = 3, offset: int = 0) -> str:
    """Apply `damage` to every `every`-th paragraph, starting at paragraph `offset`.

    Paragraphs are separated by blank lines; a text without blank lines is
    taken line by line. Other paragraphs and all separators are kept
    byte for byte.

    >>> text = "Én\\n\\nTo\\n\\nTre\\n\\nFire"
    >>> in_paragraphs(text, placeholder)
    'Ån\\n\\nTo\\n\\nTre\\n\\nFire'
    >>> in_paragraphs("Ærø\\nÆrø\\nÆrø", fold, every=2, offset=1)
    'Ærø\\nAero\\nÆrø'
    """
    if every < 1:
        raise ValueError(f"every must be at least 1, not {every!r}")
    separator = _BLANK_LINES if _BLANK_LINES.search(text) else _LINE_BREAK
    # re.split with a capturing group: paragraphs at even indexes, separators at odd.
    pieces = separator.split(text)
    paragraph_number = 0
    for index in range(0, len(pieces), 2):
        if not pieces[index]:
            continue  # text that starts or ends with a separator
        if paragraph_number % every == offset % every:
            pieces[index] = damage(pieces[index])
        paragraph_number += 1
    return "".join(pieces)


DAMAGES: dict[str, Damage] = {
    "placeholder-Å": partial(placeholder, char="Å"),
    "placeholder-?": partial(placeholder, char="?"),
    "placeholder-U+FFFD": partial(placeholder, char="\ufffd"),
    "fold-o/ae/aa": partial(fold, scheme="o/ae/aa"),
    "fold-oe/ae/aa": partial(fold, scheme="oe/ae/aa"),
    "fold-o/a/a": partial(fold, scheme="o/a/a"),
    # Code pages that lack a character wrote "?" for it, as converters did.
    "utf8-as-cp1252": partial(mojibake, written_as="utf-8", read_as="cp1252"),
    "cp865-as-cp1252": partial(mojibake, written_as="cp865", read_as="cp1252", errors="replace"),
    "mac_roman-as-cp1252": partial(
        mojibake, written_as="mac_roman", read_as="cp1252", errors="replace"
    ),
    "utf8-as-mac_roman": partial(mojibake, written_as="utf-8", read_as="mac_roman"),
    "cp1252-as-cp865": partial(mojibake, written_as="cp1252", read_as="cp865", errors="replace"),
}
"""Named damages with their settings, as used by the benchmarks."""
