"""The ways Danish letters get misread: one table per (written as, read as) pair of encodings.

Each table maps what a letter turns into when its bytes are decoded with the wrong
code page (``ø`` written in cp865 and read as cp1252 is ``›``) back to the letter.
The tables are computed from Python's codecs, never typed in, so they are exactly
as reversible as the misreading itself.

Why not just re-decode whole lines (``line.encode(read_as).decode(written_as)``),
as ftfy does? Because real documents mix: one line misread, the next correct, and
a correct curly quote beside a misread letter. A table lets dkfix repair a word
where the evidence is, and leave the rest of the line alone.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import ftfy.bad_codecs  # noqa: F401  (registers ftfy's "sloppy" codecs used below)

from .danish import DANISH_LETTERS, LOAN_LETTERS, TYPOGRAPHY

# cp1252 leaves five bytes undefined; real software shows them as the C1 controls
# latin-1 gives them, and so does ftfy's "sloppy" cp1252. Ø and Å in cp865 are two of them.
SLOPPY_CP1252 = "sloppy-windows-1252"

# The letters worth restoring: Danish and the loan letters common in Danish text.
# Every further letter adds keys, and keys such as "–" or "é" are common in clean
# text, where each costs a look-up; Spanish ñ or French È are not worth that here.
RESTORED_LETTERS = DANISH_LETTERS + "éÉüÜöÖäÄ"


@dataclass(frozen=True, eq=False)  # compared by identity: each is built once
class Misreading:
    """Text written in `written_as` and decoded as `read_as`, and how to undo it."""

    written_as: str
    read_as: str
    kind: str
    table: dict[str, str]
    key_re: re.Pattern[str]
    # A word: a run of letters and of the characters misread sequences are made of
    # (which may be symbols like › or √∏).
    word_re: re.Pattern[str]
    # Misread typography (» read as ¯): restored only in lines proven misread.
    symbols: dict[str, str]
    symbol_re: re.Pattern[str] | None

    @property
    def name(self) -> str:
        return f"{self.written_as} read as {self.read_as}"

    @property
    def is_distinctive(self) -> bool:
        """True if every misread sequence is two or more characters (UTF-8 mojibake).

        Such sequences (``Ã…``, ``√∏``) almost never occur in clean text, unlike the
        one-character misreadings of single-byte code pages (``›``, ``°``, ``’``).
        """
        return all(len(key) > 1 for key in self.table)

    def restore(self, token: str) -> str:
        """Replace every misread sequence in `token` with the letter it stands for."""
        return self.key_re.sub(lambda match: self.table[match.group()], token)


def _misread(letter: str, written_as: str, read_as: str, layers: int) -> str | None:
    """What `letter` looks like after `layers` rounds of the misreading, or None."""
    text = letter
    try:
        for _ in range(layers):
            text = text.encode(written_as).decode(read_as)
    except UnicodeError:
        return None
    if text == letter or text.isascii():
        return None
    return text


def _build(written_as: str, read_as: str, kind: str, layers: int = 1) -> Misreading:
    table: dict[str, str] = {}
    for depth in range(1, layers + 1):
        for letter in RESTORED_LETTERS:
            misread = _misread(letter, written_as, read_as, depth)
            if misread is not None:
                table.setdefault(misread, letter)
    keys = sorted(table, key=len, reverse=True)  # longest first: multi-layer keys win
    key_chars = re.escape("".join(sorted({char for key in keys for char in key})))
    word_re = re.compile(f"(?:[^\\W\\d_]|[{key_chars}])+")
    symbols = _symbol_table(written_as, read_as, table)
    symbol_re = _alternation(symbols) if symbols else None
    return Misreading(
        written_as, read_as, kind, table, _alternation(table), word_re, symbols, symbol_re
    )


def _symbol_table(written_as: str, read_as: str, letters: dict[str, str]) -> dict[str, str]:
    """Misread typography, leaving out keys that are letters of Danish or typography."""
    symbols: dict[str, str] = {}
    for symbol in TYPOGRAPHY:
        misread = _misread(symbol, written_as, read_as, 1)
        if misread is None or misread in letters:
            continue
        if any(char in TYPOGRAPHY or char in DANISH_LETTERS + LOAN_LETTERS for char in misread):
            continue
        symbols[misread] = symbol
    return symbols


def is_foreign_to_danish(key: str) -> bool:
    """True for a misread sequence clean Danish never has: ``ÿ`` (cp865 no-break space)."""
    return all(
        (char.isalpha() and char not in DANISH_LETTERS + LOAN_LETTERS) or not char.isprintable()
        for char in key
    )


def _alternation(table: dict[str, str]) -> re.Pattern[str]:
    keys = sorted(table, key=len, reverse=True)  # longest first: multi-layer keys win
    return re.compile("|".join(re.escape(key) for key in keys))


@functools.cache
def misreadings(kind: str) -> tuple[Misreading, ...]:
    """The misreadings repaired by the fix named `kind`."""
    if kind == "fix_residual_mojibake":
        # UTF-8 read as cp1252/latin-1: ftfy's territory, but ftfy refuses words such
        # as "Ã…rhus" and "Ã¥r" for lack of signal. Two layers cover double encoding.
        return (
            _build("utf-8", SLOPPY_CP1252, kind, layers=2),
            _build("utf-8", "latin-1", kind, layers=2),
        )
    if kind == "fix_code_pages":
        return (
            # DOS files read on Windows. cp865 and cp850 agree on every Danish letter;
            # cp850 also has the guillemets (cp865 put ¤ where cp850 has »).
            _build("cp850", SLOPPY_CP1252, kind),
            _build("cp850", "latin-1", kind),
            _build("cp850", "cp866", kind),  # read by Russian DOS: "BedЫvelse"
            # Windows files read as DOS.
            _build("cp1252", "cp865", kind),
            _build("cp1252", "cp850", kind),
            _build("cp1252", "cp437", kind),
            # UTF-8 read as DOS or Mac Roman (ftfy fixes these only where it sees "badness").
            _build("utf-8", "cp850", kind),
            _build("utf-8", "cp865", kind),
            _build("utf-8", "mac_roman", kind),
            # Mac Roman files read on Windows, and the reverse.
            _build("mac_roman", SLOPPY_CP1252, kind),
            _build("cp1252", "mac_roman", kind),
        )
    raise ValueError(f"no misreadings for {kind!r}")
