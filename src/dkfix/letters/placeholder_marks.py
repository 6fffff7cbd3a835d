"""Placeholders that stood for no letter: which mark each place calls for.

The damage replaced every non-ASCII character, so a placeholder may have been a
bullet, a dash, a section sign, a no-break space or a quotation mark. Where it
stands says which; these are what the municipal and news texts dkfix is built
for use (`` • Frem mod 2021``, ``ord – ord``, ``§ 41``, ``året.\u00a0``,
``”fyrtårn”``):

* alone at the start of a line, before a capitalised word: a bullet;
* alone before a number (not between numbers): a section sign, doubled as ``§§``;
* alone between words or numbers: a dash;
* after an amount and before no word (``100 millioner Å.``): a euro sign;
* a single one in parentheses: ``(Ø)``, the party letter of Enhedslisten;
* before a word no reading takes, after a space, and after a word no reading
  takes: quotation marks (Danish ``”…”``);
* anywhere else (after a full stop, at the end of a line, glued to a name): a
  no-break space, the commonest invisible non-ASCII character.

A ``?`` placeholder is also a real question mark: after a word it stays.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
BULLET = "•"
DASH = "–"
SECTION = "§"
QUOTE = "”"
EURO = "€"
# Danish keyboards put ´ beside the backspace key; municipal texts write FN´s with it.
APOSTROPHE = "´"
_PARTY_LETTER = "Ø"

NAMES = {
    NBSP: "no-break space",
    BULLET: "bullet",
    DASH: "dash",
    SECTION: "section sign",
    QUOTE: "quotation mark",
    EURO: "euro sign",
    APOSTROPHE: "apostrophe",
    _PARTY_LETTER: "party letter",
}
CONFIDENCE = {
    NBSP: 0.6,
    BULLET: 0.8,
    DASH: 0.6,
    SECTION: 0.8,
    QUOTE: 0.6,
    EURO: 0.5,
    APOSTROPHE: 0.7,
    _PARTY_LETTER: 0.5,
}

_SPACES = " \t"


def lone_mark(line: str, start: int, end: int, char: str) -> str | None:
    """The mark that the placeholders ``line[start:end]``, touching no letter, stood for.

    None keeps them: a ``?`` glued to the end of a word or a bracket is a real one.
    """
    before, after = line[:start], line[end:]
    count = end - start
    spaced_before = not before or before[-1] in _SPACES
    spaced_after = after[:1] in _SPACES
    if spaced_before and spaced_after:
        mark = _spaced_mark(before, after, char, count)
        if mark is not None:
            return mark
    if count == 1 and before.endswith("(") and after.startswith(")"):
        return None if char.isascii() else _PARTY_LETTER
    if spaced_before and _NUMBER_AFTER.match(after) and not _NUMBER_BEFORE.search(before):
        return SECTION * count
    if count == 1 and spaced_before and after[:1] in ".,;)" and _AMOUNT_BEFORE.search(before):
        return EURO
    if char.isascii() and not (_after_sentence(before, after, char) or _alone(before, after)):
        return None
    return NBSP * count


def _alone(before: str, after: str) -> bool:
    """True if nothing but spaces shares the line: no question mark stands like that."""
    return not before.strip() and not after.strip()


def _spaced_mark(before: str, after: str, char: str, count: int) -> str | None:
    """A mark standing alone between spaces: bullet, section sign or dash."""
    if count == 1 and not before.strip(_SPACES) and _capitalised_after(after, char):
        return BULLET
    if _NUMBER_AFTER.match(after) and not _NUMBER_BEFORE.search(before):
        return SECTION * count
    if count == 1 and _word_before(before, char) and _word_after(after, char):
        return DASH
    return None


def _after_sentence(before: str, after: str, char: str) -> bool:
    """True after punctuation that ends a line without a question mark (``året.?``),
    not ``du...?``, ``osv.?`` (an abbreviation) or ``?`` before more text: questions."""
    return (
        bool(before)
        and before[-1] in ".,;:!|"
        and not before.endswith("..")
        and not _abbreviation_before(before, char)
        and not after.strip()
    )


def _abbreviation_before(before: str, char: str) -> bool:
    """True if `before` ends in a word of at most three letters and a full stop (``osv.``);
    placeholders count as letters (``omr?det.`` ends in a long word)."""
    if not before.endswith("."):
        return False
    letters = 0
    for letter in reversed(before[:-1]):
        if not (letter.isalpha() or letter == char):
            break
        letters += 1
        if letters > _LONGEST_ABBREVIATION:
            return False
    return letters > 0


_LONGEST_ABBREVIATION = 3


_NUMBER_AFTER = re.compile(r"[ \t]*\d")
_NUMBER_BEFORE = re.compile(r"\d[ \t]*$")
_AMOUNT_BEFORE = re.compile(r"(?:\d|\b(?:millioner|milliarder|mio\.|mia\.))[ \t]+$", re.IGNORECASE)


def _word_before(before: str, char: str) -> bool:
    """True if `before` ends in a number or a word of two letters or more (placeholders
    count as letters: ``11 ?r ? har``), perhaps with a mark, then spaces."""
    word = before.rstrip(_SPACES)
    if word and not (word[-1].isalnum() or word[-1] == char):
        word = word[:-1]
    if not word:
        return False
    if word[-1].isdigit():
        return True
    tail = word[-2:]
    return len(tail) == 2 and all(c.isalpha() or c == char for c in tail) and tail != char * 2


def _capitalised_after(after: str, char: str) -> bool:
    """True if `after` is spaces, then a capital (or a placeholder), then prose: a
    word of two real letters somewhere (not ``Å X Å Å``, a grid row)."""
    word = after.lstrip(_SPACES)
    if len(word) == len(after) or not word or not (word[0].isupper() or word[0] == char):
        return False
    return _REAL_WORD.search(word) is not None


def _word_after(after: str, char: str) -> bool:
    """True if `after` is spaces, then a number or a word of two letters or more,
    perhaps quoted (``– "øh``)."""
    word = after.lstrip(_SPACES).lstrip("\"'(“”»«")
    if len(word) == len(after) or len(word) < 2:
        return False
    return word[0].isdigit() or all(c.isalpha() or c == char for c in word[:2])


_REAL_WORD = re.compile(r"[^\W\d_]{2}")


def leading_mark(line: str, start: int, char: str, quoted: bool) -> str | None:
    """The mark for placeholders that begin a word no reading takes (``Åerhvervs``).

    After a space or an opening bracket they opened a quotation (when one closes
    later on the line, `quoted`); glued to punctuation (``året.ÅCirka``) they were
    a no-break space.
    """
    before = line[:start]
    if not before or before[-1] in " \t(":
        return QUOTE if quoted else None
    if before[-1] in ".,;:!?":
        return NBSP
    return None


def trailing_mark(line: str, end: int, char: str, quoted: bool) -> str | None:
    """The mark for placeholders that end a word no reading takes (``fyrtÅrnÅ``).

    After an opening quotation they close it; a ``?`` is a question mark and
    stays; otherwise they were a no-break space (``JensenÅ``, ``DorteÅ West``).
    """
    after = line[end : end + 1]
    if after and after not in " \t\r\n.,;:!?)\"'-":
        return None
    if quoted:
        return QUOTE
    return char if char.isascii() else NBSP
