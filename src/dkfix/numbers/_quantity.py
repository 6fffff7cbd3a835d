"""Quantities: a number (digits or words), its scale, and its percent, currency or unit.

``26,8 millioner kroner`` is the digits ``26,8``, the scale ``millioner`` and the
currency ``kroner``; ``en halv million`` and ``fem millioner`` are words. Ranges of
quantities are read in _ranges.py.

>>> from ._tokens import Tokens
>>> q = read_quantity(Tokens("26,8 millioner kroner"), 0)
>>> q.value, q.kind, q.unit
(Decimal('26800000'), 'amount', 'DKK')
>>> read_quantity(Tokens("en halv million"), 0).value
Decimal('500000')
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ._lexical import (
    ABBREVIATIONS,
    ARTICLES,
    DANISH_FUNCTION_WORDS,
    ENGLISH_FUNCTION_WORDS,
    FRACTIONS,
    HALF,
    JOINS_WITH_OG,
    MINUS_SIGNS,
    ONE_AND_A_HALF,
    PERCENT_SIGN,
    PERCENT_WORDS,
    SCALES,
    SPELLED_SCALES,
    UNITS,
    currency_of,
    is_number_word,
)
from ._model import Kind
from ._parse import digits_value, exact_sum, point_decimal_value, scaled, spelled_value
from ._tokens import DIGITS, MARK, NONE, WORD, Tokens

_MAX_WORDS = 12  # the longest spelled number read: "to millioner tre hundrede tusind …"
_CONTEXT = 16  # tokens on each side weighed to tell Danish from English
_SQUARE_OR_CUBE = frozenset({"2", "3"})  # "m2", "km2", "m3"


@dataclass(slots=True)
class Core:
    """The number itself: tokens `first`..`last`, its value, and the digits as written."""

    first: int
    last: int
    value: Decimal
    raw: str = ""  # the digit chunk ("2,9"); "" for words
    spelled: bool = False
    has_scale: bool = False  # the words include their scale ("fem millioner")


@dataclass(slots=True)
class Quantity:
    """A core with its scale and what it counts: `kind` is number, percent or amount."""

    core: Core
    last: int
    scale: Decimal
    kind: Kind
    unit: str | None

    @property
    def value(self) -> Decimal:
        return scaled(self.core.value, self.scale)

    @property
    def bare(self) -> bool:
        """True for a number with neither scale nor unit."""
        return self.kind == "number" and self.unit is None and self.scale == 1


def read_quantity(t: Tokens, i: int) -> Quantity | None:
    """The quantity starting at token `i`, or None."""
    core = read_core(t, i)
    if core is None:
        return None
    last = core.last
    scale = Decimal(1)
    k = t.next(last)
    word = t.lower(k)
    if t.kind(k) == WORD and word in SCALES and not core.has_scale:
        scale = SCALES[word]
        last = t.dotted(k) if word in ABBREVIATIONS else k
    kind, unit, last = _suffix(t, last)
    return Quantity(core, last, scale, kind, unit)


def read_core(t: Tokens, i: int) -> Core | None:
    """A number in digits (maybe signed) or in words at token `i`, or None."""
    kind = t.kind(i)
    if kind == DIGITS:
        return _digits(t, i)
    if kind == WORD:
        return _words(t, i)
    if kind == MARK and t.texts[i] in "+-−":
        return _signed(t, i)
    return None


def _signed(t: Tokens, i: int) -> Core | None:
    """``-2,5``, ``+47``: a sign after a space or a bracket, never between two numbers."""
    before = t.tight_before(i)
    if before != NONE and not t.is_mark(before, "(["):
        return None
    core = _digits(t, t.tight(i)) if t.kind(t.tight(i)) == DIGITS else None
    if core is None:
        return None
    value = -core.value if t.texts[i] in MINUS_SIGNS else core.value
    return Core(i, core.last, value, t.texts[i] + core.raw)


def _digits(t: Tokens, i: int) -> Core | None:
    chunk = t.texts[i]
    value = digits_value(chunk)
    after = t.next(i)
    if value is None and (t.is_mark(after, PERCENT_SIGN) or t.lower(after) == "dkk"):
        value = point_decimal_value(chunk)
    if value is None:
        return None
    last = i
    comma = t.tight(i)
    if t.is_mark(comma, ",") and t.is_mark(t.tight(comma), "-"):  # "15.000,-"
        last = t.tight(comma)
    elif t.kind(comma) == WORD and t.texts[comma] in FRACTIONS:  # "2½"
        value = exact_sum(value, FRACTIONS[t.texts[comma]])
        last = comma
    return Core(i, last, value, chunk)


def _words(t: Tokens, i: int) -> Core | None:
    """A spelled number: ``fem``, ``hundrede og tyve``, ``en halv million``, ``halvanden``."""
    core: Core | None
    if t.lower(i) == ONE_AND_A_HALF:
        core = Core(i, i, Decimal("1.5"), spelled=True)
    else:
        core = _integer_words(t, i)
        if core is not None:
            core = _with_half(t, core)
        elif t.lower(i) in ARTICLES:
            core = _half(t, i, i, Decimal(0))
    if core is None or not _stands_apart(t, core) or not _danish_around(t, core.first, core.last):
        return None
    return core


def _stands_apart(t: Tokens, core: Core) -> bool:
    """Number words touch no digits ("fem44") and follow no "kl." ("kl. to" is a time)."""
    if DIGITS in (t.kind(t.tight_before(core.first)), t.kind(t.tight(core.last))):
        return False
    before = t.previous(core.first)
    if t.is_mark(before, "."):
        before = t.tight_before(before)
    return t.lower(before) != "kl"


def _integer_words(t: Tokens, i: int) -> Core | None:
    """The longest run of number words at `i` that text2num reads."""
    if not (is_number_word(t.lower(i)) and t.lower(i) not in SPELLED_SCALES):
        return None
    span = [i]
    while len(span) < _MAX_WORDS:
        k = t.next(span[-1])
        if t.kind(k) != WORD:
            break
        if t.lower(k) == "og" and t.lower(span[-1]).endswith(tuple(JOINS_WITH_OG)):
            after = t.next(k)
            if t.kind(after) == WORD and _continues(t.lower(after)):
                span += [k, after]
                continue
            break
        if not is_number_word(t.lower(k)):
            break
        span.append(k)
    for first, last in _candidates(t, span):
        core = _valued(t, span[first : last + 1])
        if core is not None:
            return core
    return None


def _continues(word: str) -> bool:
    return is_number_word(word) and word not in SPELLED_SCALES


def _candidates(t: Tokens, span: list[int]) -> list[tuple[int, int]]:
    """Sub-spans to try, longest first: all, without a leading article, the first word."""
    candidates = [(0, len(span) - 1)]
    if len(span) > 1 and t.lower(span[0]) in ARTICLES:
        candidates.append((1, len(span) - 1))  # "et to-årigt projekt"
    candidates.append((0, 0))
    return candidates


def _valued(t: Tokens, span: list[int]) -> Core | None:
    words = [t.lower(k) for k in span]
    if words[-1] == "og" or (len(words) == 1 and not _stands_alone(t, span[0])):
        return None
    value = Decimal(1) if words in (["én"], ["ét"]) else spelled_value(words)
    if value is None:
        return None
    has_scale = any(w in SPELLED_SCALES for w in words)
    return Core(span[0], span[-1], value, spelled=True, has_scale=has_scale)


def _stands_alone(t: Tokens, i: int) -> bool:
    """Whether one number word is a number: not an article nor part of an idiom.

    Idioms: "én gang", "under ét" (jointly), "tusind tak", and "flere tusinde" or "mange
    hundrede", where the word is a vague plural rather than one thousand or hundred.
    """
    word = t.lower(i)
    if word in ARTICLES or word in SPELLED_SCALES:
        return False
    before, after = t.lower(t.previous(i)), t.lower(t.next(i))
    if word in ("én", "ét"):
        return after != "gang" and before != "under"
    if word in ("hundrede", "tusind", "tusinde"):
        return after != "tak" and before not in _VAGUE_QUANTIFIERS
    return True


_VAGUE_QUANTIFIERS = frozenset({"flere", "mange", "nogle", "adskillige", "få", "par"})


def _with_half(t: Tokens, core: Core) -> Core:
    """``to og en halv million``: the integer words and a half."""
    og = t.next(core.last)
    article = t.next(og)
    if core.has_scale or t.lower(og) != "og" or t.lower(article) not in ARTICLES:
        return core
    return _half(t, core.first, article, core.value) or core


def _half(t: Tokens, first: int, article: int, whole: Decimal) -> Core | None:
    """``en halv`` after token `article`, if a scale or unit follows: ``en halv million``."""
    half = t.next(article)
    if t.lower(half) != HALF:
        return None
    after = t.lower(t.next(half))
    if after not in SCALES and after not in UNITS:
        return None
    return Core(first, half, exact_sum(whole, Decimal("0.5")), spelled=True)


def _danish_around(t: Tokens, first: int, last: int) -> bool:
    """True unless the words around a spelled number are English ("assistant to organize")."""
    danish = english = 0
    for k in range(max(0, first - _CONTEXT), min(len(t), last + _CONTEXT + 1)):
        if first <= k <= last or t.kinds[k] != WORD:
            continue
        danish += t.lowers[k] in DANISH_FUNCTION_WORDS
        english += t.lowers[k] in ENGLISH_FUNCTION_WORDS
    return english <= danish


def _suffix(t: Tokens, last: int) -> tuple[Kind, str | None, int]:
    """What follows a number: ``%``, ``procent``, ``kr.``, ``kroner``, a unit, or nothing.

    Returns the kind of quantity it makes, the unit, and the last token read.
    """
    k = t.next(last)
    word = t.lower(k) if t.kind(k) in (WORD, MARK) else ""
    end = t.dotted(k) if word in ABBREVIATIONS else k
    code = currency_of(word)  # "kr", "kroner", "€"
    if word == PERCENT_SIGN or (word in PERCENT_WORDS and t.kind(k) == WORD):
        return "percent", "%", end
    if code:
        return "amount", code, end
    if word in UNITS and t.kind(k) == WORD:
        power = t.tight(k)
        if t.kind(power) == DIGITS and t.texts[power] in _SQUARE_OR_CUBE:
            return "number", t.texts[k] + t.texts[power], power
        return "number", t.texts[k], end
    return "number", None, last
