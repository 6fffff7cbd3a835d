"""Writing number expressions back, in one of two styles.

* "da", Danish typography: a space before ``%``, the dot on ``mio.``, ``mia.``,
  ``kr.``, ``ca.``, ``pct.``, thousands dots in quantities of five digits or more.
  Everything else stays as written: spelled numbers, word units, dates, times (Dansk
  Sprognævn accepts both ``kl. 8.30`` and ``kl. 8:30``) and dashes.
* "plain", machine-readable: decimal point, no grouping, scale applied, ISO currency
  codes and dates (``26,8 millioner kroner`` → ``26800000 DKK``, ``44,9 %`` → ``44.9 %``,
  ``13. august 2025`` → ``2025-08-13``). Qualifiers stay as written.

Identifiers and ordinals are never rewritten, nor are ages in years and months (``2,9
år``), whose reading in months would not fit the sentence.

>>> [r.danish for r in readings("Cirka 300 mio kr og 44,9% af 15000 kr.")]
['Cirka 300 mio. kr.', '44,9 %', '15.000 kr.']
>>> [r.match.normalized for r in readings("Cirka 300 mio kr og 44,9% af 15000 kr.")]
['Cirka 300000000 DKK', '44.9 %', '15000 DKK']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ._found import Found
from ._lexical import ABBREVIATIONS, PERCENT_SIGN, PERCENT_WORDS, SCALES, UNITS, currency_of
from ._model import QUANTITY_KINDS, NumberMatch
from ._parse import digits_value, group_thousands, plain_decimal, point_decimal_value
from ._scan import scan
from ._tokens import DIGITS, WORD, Tokens

Style = Literal["da", "plain"]
STYLES: tuple[Style, ...] = ("da", "plain")
_MIN_GROUPED_DIGITS = 5  # Danish may write 4-digit numbers without a dot (2018, 8000)


@dataclass(frozen=True, slots=True)
class Reading:
    """A match, its Danish-typography form, and whether normalizing may rewrite it."""

    match: NumberMatch
    danish: str
    rewrite: bool

    def form(self, style: Style) -> str:
        return self.danish if style == "da" else self.match.normalized


def readings(text: str) -> list[Reading]:
    """Every number expression in `text`, read and written in both styles."""
    t, found = scan(text)
    return [_reading(t, f) for f in found]


def _reading(t: Tokens, f: Found) -> Reading:
    start, end = t.starts[f.first], t.ends[f.last]
    text = t.text[start:end]
    match = NumberMatch(
        start=start,
        end=end,
        text=text,
        kind=f.kind,
        value=f.value,
        low=f.low,
        high=f.high,
        unit=f.unit,
        qualifier=f.qualifier,
        date=f.date,
        time=f.time,
        normalized=_plain(t, f, text),
    )
    danish = _danish(t, f) if f.kind in QUANTITY_KINDS and not f.ordinal else text
    return Reading(match, danish, f.rewrite)


# -- plain --------------------------------------------------------------------------


def _plain(t: Tokens, f: Found, text: str) -> str:
    """The machine-readable form; the text itself where there is nothing to rewrite."""
    if f.kind == "date" and f.date is not None:
        clock = f" {f.time:%H:%M}" if f.time is not None else ""
        return f.date.isoformat() + clock
    if f.kind == "time" and f.time is not None:
        return f"{f.time:%H:%M}"
    body = _plain_quantity(t, f) if f.kind in QUANTITY_KINDS and not f.ordinal else None
    if body is None:
        return text
    prefix = t.text[t.starts[f.first] : t.starts[f.body]] if f.body > f.first else ""
    unit = f" {f.unit}" if f.unit is not None and f.unit_written else ""
    return prefix + body + unit


def _plain_quantity(t: Tokens, f: Found) -> str | None:
    """``80-100`` for a range, ``-2.5`` or ``+47`` for a number (sign kept as written)."""
    if f.low is not None and f.high is not None:
        return f"{plain_decimal(f.low)}-{plain_decimal(f.high)}"
    if f.value is None:
        return None
    sign = "+" if t.texts[max(f.body, f.first)] == "+" else ""
    return sign + plain_decimal(f.value)


# -- Danish typography -----------------------------------------------------------------


def _danish(t: Tokens, f: Found) -> str:
    """The span of a quantity with Danish typography, token by token."""
    pieces: list[str] = []
    for k in range(f.first, f.last + 1):
        token = t.texts[k]
        if t.kinds[k] == DIGITS:
            token = _danish_digits(token)
        elif k > f.first and t.kinds[k - 1] == DIGITS and _is_unit_token(t, k):
            pieces.append(" ")  # "44,9%" → "44,9 %", "300mio" → "300 mio."
        pieces.append(token)
        if t.kinds[k] == WORD and t.lowers[k] in ABBREVIATIONS and t.texts[k + 1 : k + 2] != ["."]:
            pieces.append(".")
    return "".join(pieces)


def _is_unit_token(t: Tokens, k: int) -> bool:
    word = t.lowers[k]
    if t.texts[k] == PERCENT_SIGN:
        return True
    if t.kinds[k] != WORD:
        return False
    return word in SCALES or word in PERCENT_WORDS or word in UNITS or bool(currency_of(word))


def _danish_digits(chunk: str) -> str:
    """Thousands dots on a long integer part; a decimal comma for a decimal point."""
    if digits_value(chunk) is None and point_decimal_value(chunk) is not None:
        chunk = chunk.replace(".", ",")
    whole, comma, fraction = chunk.partition(",")
    if whole.isdigit() and len(whole) >= _MIN_GROUPED_DIGITS and whole[0] != "0":
        return group_thousands(whole) + comma + fraction
    return chunk
