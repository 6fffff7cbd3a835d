"""Ranges: ``80-100``, ``2022-2025``, ``mellem 15 og 20``, ``18 til 24 år``, ``2024/2025``.

Two quantities make a range when they agree (a unit after the second counts for both)
and rise. Danish writes ages in years and months with a comma (``2,9 år`` is two years
and nine months); near a word about age such ranges are read in months.

>>> from ._tokens import Tokens
>>> t = Tokens("børn i alderen 2,9 – 3,3 år")
>>> found = read_dash_range(t, read_quantity(t, t.texts.index("2,9")))
>>> found.low, found.high, found.unit
(Decimal('33'), Decimal('39'), 'måneder')
"""

from __future__ import annotations

from decimal import Decimal

from ._found import Found
from ._lexical import DASHES, YEAR_UNITS
from ._parse import scaled
from ._quantity import Quantity, read_quantity
from ._tokens import DIGITS, WORD, Tokens


def combine(t: Tokens, first: int, a: Quantity, b: Quantity) -> Found | None:
    """The range from quantity `a` to `b`, which must agree and rise, or None.

    A unit or scale written only after the second number counts for both ("80-100 nye",
    "10-15 mio. kr."); a unit written only after the first does not ("51,5 % - 17").
    """
    if a.unit is not None and (a.kind, a.unit) != (b.kind, b.unit):
        return None
    low = scaled(a.core.value, b.scale if a.scale == 1 else a.scale)
    high = b.value
    if not low < high:
        return None
    found = Found(first=first, last=b.last, kind="range", low=low, high=high, unit=b.unit)
    return _as_age(t, found, (a.core.raw, b.core.raw))


def read_dash_range(t: Tokens, a: Quantity) -> Found | None:
    """``80-100``, ``2,9 – 3,3 år``, ``2024/2025`` after quantity `a`."""
    dash = t.next(a.last)
    if t.is_mark(dash, "/"):
        return _school_year(t, a, dash)
    if not t.is_mark(dash, DASHES):
        return None
    b = read_quantity(t, t.next(dash))
    if b is None or b.core.spelled != a.core.spelled:
        return None
    return combine(t, a.core.first, a, b)


def _school_year(t: Tokens, a: Quantity, slash: int) -> Found | None:
    """``2024/2025``: two years in a row."""
    right = t.tight(slash)
    if a.last != t.tight_before(slash) or t.kind(right) != DIGITS:
        return None
    left_text, right_text = t.texts[a.core.first], t.texts[right]
    if not (len(left_text) == len(right_text) == 4 and (left_text + right_text).isdigit()):
        return None
    if int(right_text) != int(left_text) + 1:
        return None
    low, high = Decimal(left_text), Decimal(right_text)
    return Found(first=a.core.first, last=right, kind="range", low=low, high=high)


def read_til_range(t: Tokens, a: Quantity) -> Found | None:
    """``18 til 24 år``: "til" makes a range only when a unit closes it."""
    til = t.next(a.last)
    if t.lower(til) != "til" or not a.bare:
        return None
    b = read_quantity(t, t.next(til))
    if b is None or b.bare or b.core.spelled != a.core.spelled:
        return None
    return combine(t, a.core.first, a, b)


def read_between(t: Tokens, i: int) -> Found | None:
    """``mellem 15 og 20``."""
    if t.lower(i) != "mellem":
        return None
    a = read_quantity(t, t.next(i))
    if a is None:
        return None
    og = t.next(a.last)
    b = read_quantity(t, t.next(og)) if t.lower(og) == "og" else None
    return None if b is None else combine(t, i, a, b)


# -- ages -----------------------------------------------------------------------------

_MONTHS_PER_YEAR = 12
_AGE_WORD = "alder"
_AGE_CONTEXT = 4


def as_age(t: Tokens, found: Found, raw: str) -> Found:
    """A single number in years that is an age in years and months (``2,9 år``)."""
    return _as_age(t, found, (raw,))


def _as_age(t: Tokens, found: Found, raws: tuple[str, ...]) -> Found:
    """Read ``2,9 – 3,3 år`` in "alderen 2,9 – 3,3 år" as ages: 2 years 9 months to 3 years 3.

    Danish writes an age in years and months with a comma, so 2,9 år is 33 months, not
    2.9 years. Only where a word about age ("alderen", "aldersgruppen") stands near and a
    comma is written; the reading is in months, and normalizing leaves the text alone.
    """
    if found.unit not in YEAR_UNITS or not any("," in raw for raw in raws):
        return found
    months = [_months(raw) for raw in raws]
    if any(m is None for m in months) or not _near_age_word(t, found):
        return found
    found.unit = "måneder"
    found.rewrite = False
    if found.kind == "range":
        found.low, found.high = Decimal(months[0] or 0), Decimal(months[-1] or 0)
    else:
        found.value = Decimal(months[0] or 0)
    return found


def _months(raw: str) -> int | None:
    years, _, months = raw.partition(",")
    if not years.isdigit() or (months and not (months.isdigit() and len(months) <= 2)):
        return None
    extra = int(months) if months else 0
    if extra >= _MONTHS_PER_YEAR:
        return None
    return int(years) * _MONTHS_PER_YEAR + extra


def _near_age_word(t: Tokens, found: Found) -> bool:
    start = max(0, found.first - _AGE_CONTEXT)
    end = min(len(t), found.last + _AGE_CONTEXT + 1)
    return any(_AGE_WORD in t.lowers[k] for k in range(start, end) if t.kinds[k] == WORD)
