"""Values: digit strings through babel, spelled numbers through text2num, exact scaling.

>>> digits_value("1.881"), digits_value("44,9"), digits_value("00.15.01"), digits_value("3.5")
(Decimal('1881'), Decimal('44.9'), None, None)
>>> spelled_value(["syvoghalvfems"]), spelled_value(["hundrede", "og", "tyve"])
(Decimal('97'), Decimal('120'))
>>> danish_decimal(Decimal("-1234567.5"))
'-1.234.567,5'
"""

from __future__ import annotations

import datetime
import functools
from decimal import Context, Decimal, InvalidOperation

# No quantity in running text has more digits than this; a longer chunk is a code, and
# the cap keeps babel's work per chunk constant.
MAX_CHUNK = 48
# Enough precision for any product of a capped chunk and a scale: values stay exact.
_EXACT = Context(prec=200)


@functools.lru_cache(maxsize=4096)  # texts repeat their numbers ("2018"); babel is slow-ish
def digits_value(chunk: str) -> Decimal | None:
    """The value of a Danish digit string (``1.881``, ``44,9``), or None if it is no number.

    babel in strict mode checks the grouping, which is what tells a number from a code:
    its lenient default reads ``3.5`` as 35 and the case number ``00.15.01`` as 1501.
    What babel accepts but Danish text does not mean as a number is refused here: a
    leading zero (``05``, a code), a time (``08:00``), and more than `MAX_CHUNK` characters.
    """
    if not chunk or len(chunk) > MAX_CHUNK or ":" in chunk:
        return None
    if chunk[0] == "0" and len(chunk) > 1 and chunk[1] != ",":
        return None
    # Imported here, like text2num below, so that `import dkfix` stays light.
    from babel.numbers import NumberFormatError, parse_decimal

    try:
        return parse_decimal(chunk, locale="da_DK", strict=True)
    except (NumberFormatError, InvalidOperation, ValueError):
        return None


def point_decimal_value(chunk: str) -> Decimal | None:
    """A number with a decimal point (``44.9``), the form the "plain" style writes.

    babel refuses it for Danish, rightly in running text (``3.5`` may be a section); the
    scanner asks for it only before ``%`` or ``DKK``, where it cannot be a grouping.
    """
    whole, point, fraction = chunk.partition(".")
    if not (point and whole.isdigit() and fraction.isdigit()) or len(chunk) > MAX_CHUNK:
        return None
    if len(fraction) == 3 or (whole[0] == "0" and len(whole) > 1):
        return None
    return Decimal(chunk)


def spelled_value(words: list[str]) -> Decimal | None:
    """The value of Danish number words (``["fem", "millioner"]``), or None.

    text2num reads an isolated span well; dkfix finds the span (text2num's own search in
    running text turns ``26,8 millioner kroner`` into ``26,8 1000000 kroner``).
    """
    return _spelled_value(" ".join(words))


@functools.lru_cache(maxsize=1024)
def _spelled_value(words: str) -> Decimal | None:
    from text_to_num import text2num  # type: ignore[import-untyped]

    try:
        return Decimal(text2num(words, "da"))
    except (ValueError, IndexError, KeyError, TypeError, AttributeError, InvalidOperation):
        return None


def scaled(value: Decimal, scale: Decimal) -> Decimal:
    """`value` times `scale`, exactly, written without a needless fraction (22100000)."""
    if scale == 1:
        return value
    product = _EXACT.multiply(value, scale)
    if product == product.to_integral_value():
        return product.quantize(Decimal(1), context=_EXACT)
    return product.normalize(_EXACT)


def exact_sum(a: Decimal, b: Decimal) -> Decimal:
    return _EXACT.add(a, b)


def make_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def make_time(hour: int, minute: int) -> datetime.time | None:
    if hour == 24 and minute == 0:  # "kl. 24.00", the end of a day
        hour = 0
    try:
        return datetime.time(hour, minute)
    except ValueError:
        return None


def plain_decimal(value: Decimal) -> str:
    """A value as machine-readable text: decimal point, no grouping, no exponent."""
    return format(value, "f")


def group_thousands(digits: str) -> str:
    """``1234567`` → ``1.234.567``: the Danish thousands separator on an integer part."""
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ".".join(groups)


def danish_decimal(value: Decimal) -> str:
    """A value in Danish typography: decimal comma, thousands with dots."""
    text = plain_decimal(value)
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    return sign + group_thousands(whole) + ("," + fraction if fraction else "")
