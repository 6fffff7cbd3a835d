"""The token stream the number scanner reads: digit chunks, letter runs, spaces, marks.

One regular expression splits the text, and every position matches one of its
branches, so splitting is linear whatever the input (a run of 10,000 digits and dots
is one chunk). The scanner then looks a bounded number of tokens ahead, which keeps it
linear too.

>>> tokens = Tokens("ca. 1.881 kr.")
>>> [tokens.texts[i] for i in range(len(tokens))]
['ca', '.', ' ', '1.881', ' ', 'kr', '.']
"""

from __future__ import annotations

import re

# A digit chunk keeps its inner separators ("1.881", "44,9", "08:00", "00.15.01"), but a
# separator must be followed by a digit, so a sentence's full stop stays outside.
_TOKEN_RE = re.compile(r"([0-9]+(?:[.,:][0-9]+)*)|([^\W\d_]+)|(\s+)|(.)", re.DOTALL)

DIGITS = "d"
WORD = "w"
SPACE = "s"
MARK = "p"
_KINDS = (DIGITS, WORD, SPACE, MARK)

# Space that joins the parts of one expression: within a line, not a tab (a table cell).
_GAP_CHARACTERS = frozenset(" \xa0\u2007\u2009\u202f")
_MAX_GAP = 3
NONE = -1


class Tokens:
    """The tokens of a text, as parallel lists, with the look-arounds the scanner needs."""

    __slots__ = ("ends", "kinds", "lowers", "starts", "text", "texts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.kinds: list[str] = []
        self.texts: list[str] = []
        self.lowers: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        for match in _TOKEN_RE.finditer(text):
            token = match.group()
            self.kinds.append(_KINDS[(match.lastindex or 4) - 1])
            self.texts.append(token)
            self.lowers.append(token.lower())
            self.starts.append(match.start())
            self.ends.append(match.end())

    def __len__(self) -> int:
        return len(self.kinds)

    def kind(self, i: int) -> str:
        """The kind of token `i`, or "" outside the text."""
        return self.kinds[i] if 0 <= i < len(self.kinds) else ""

    def lower(self, i: int) -> str:
        """Token `i` lower-cased, or "" outside the text."""
        return self.lowers[i] if 0 <= i < len(self.lowers) else ""

    def is_mark(self, i: int, marks: str | frozenset[str]) -> bool:
        return self.kind(i) == MARK and self.texts[i] in marks

    def is_gap(self, i: int) -> bool:
        """True if token `i` is a short run of spaces within a line."""
        token = self.texts[i]
        return (
            self.kinds[i] == SPACE
            and len(token) <= _MAX_GAP
            and all(c in _GAP_CHARACTERS for c in token)
        )

    def tight(self, i: int) -> int:
        """The token right after `i`, if no space separates them, else NONE."""
        j = i + 1
        return j if j < len(self.kinds) and self.kinds[j] != SPACE else NONE

    def tight_before(self, i: int) -> int:
        """The token right before `i`, if no space separates them, else NONE."""
        j = i - 1
        return j if j >= 0 and self.kinds[j] != SPACE else NONE

    def next(self, i: int) -> int:
        """The token after `i` across at most one gap (never a line break or tab), or NONE."""
        j = i + 1
        if j < len(self.kinds) and self.kinds[j] == SPACE:
            if not self.is_gap(j):
                return NONE
            j += 1
        return j if j < len(self.kinds) else NONE

    def previous(self, i: int) -> int:
        """The token before `i` across at most one gap, or NONE."""
        j = i - 1
        if j >= 0 and self.kinds[j] == SPACE:
            if not self.is_gap(j):
                return NONE
            j -= 1
        return j if j >= 0 else NONE

    def dotted(self, i: int) -> int:
        """The last token of word `i` with its abbreviation dot, if it has one, else `i`."""
        j = self.tight(i)
        return j if j != NONE and self.texts[j] == "." else i

    def span_text(self, first: int, last: int) -> str:
        """The text from the start of token `first` to the end of token `last`."""
        return self.text[self.starts[first] : self.ends[last]]
