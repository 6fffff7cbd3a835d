"""Facts about written Danish, kept in one place.

Everything here is a fact of the language or its encodings, not tuned data:
the letters, the legacy code pages Danish text has travelled through, and the
characters whose presence or absence tells a Danish decoding from a wrong one.
"""

from __future__ import annotations

import re

DANISH_LETTERS = "æøåÆØÅ"
"""The three letters Danish adds to the Latin alphabet, lower and upper case."""

# Letters of other languages that occur in ordinary Danish text (loanwords, names).
LOAN_LETTERS = "éÉèÈêëüÜöÖäÄóÓáÁíÍúÚàçñ"

# Punctuation and symbols that clean Danish text uses beyond ASCII.
TYPOGRAPHY = "\u00a0–—‘’‚“”„…•«»§°½¼¾€£×±·´¹²³"

# Code pages that Danish documents have been written in. The order is the
# tie-break when two decodings are equally plausible: the most common first.
LEGACY_ENCODINGS: tuple[str, ...] = (
    "cp1252",
    "iso8859-15",
    "latin-1",
    "cp865",
    "cp850",
    "cp437",
    "mac_roman",
)

# Encodings a text may have been misread as (the "read as" side of mojibake).
MISREAD_AS: tuple[str, ...] = ("cp1252", "latin-1", "mac_roman", "cp865", "cp850", "cp437", "cp866")

# The word characters of Danish text: letters, digits and the joiners inside words.
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")

# A word holding at least one of æ, ø, å (either case). A match starts only where a run
# of letters starts (the look-behind: so search the whole text, or slices of it, not from
# inside a word): tried at every letter, a long run without æ, ø, å cost time quadratic
# in its length.
DANISH_WORD_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]*[æøåÆØÅ][^\W\d_]*")

# Official place names that keep "aa" (they are not folded "å").
# Source: Danish place-name practice (Retskrivningsordbogen §4); names, not tuned data.
AA_NAMES = frozenset(
    {
        "Aabenraa",
        "Aabybro",
        "Aakirkeby",
        "Aalborg",
        "Aalestrup",
        "Aars",
        "Aarhus",
        "Aaskov",
        "Faaborg",
        "Haarby",
        "Graasten",
        "Vaasa",
    }
)


def has_danish_letters(text: str) -> bool:
    """True if `text` holds any of æ ø å Æ Ø Å."""
    return any(letter in text for letter in DANISH_LETTERS)
