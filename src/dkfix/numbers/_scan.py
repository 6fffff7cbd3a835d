"""Finding number expressions: one pass over the tokens, left to right.

At each token the readers are tried from the most specific to the least: page numbers
and list markers (found first, from the layout), labels (``§ 41``), dates and times,
codes, ordinals, then quantities with their qualifier, range and unit. A reader looks a
bounded number of tokens ahead (a code or a list of paragraphs consumes what it looks
at), so the scan is linear in the length of the text.

>>> t, found = scan("Cirka 300 mio kr bruges på psykiatri, jf. § 41.")
>>> [(t.span_text(f.first, f.last), f.kind, f.value, f.qualifier) for f in found]
[('Cirka 300 mio kr', 'amount', Decimal('300000000'), 'cirka'), ('§ 41', 'identifier', None, None)]
"""

from __future__ import annotations

from decimal import Decimal

from ._calendar import read_bare_time, read_clock, read_date, read_weekday_date
from ._found import Found
from ._identifiers import identifier, layout_names, read_code, read_label
from ._lexical import (
    DASHES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    PARAGRAPH_SIGN,
    QUALIFIERS_BY_FIRST,
)
from ._model import QUANTITY_KINDS
from ._quantity import Quantity, read_quantity
from ._ranges import as_age, read_between, read_dash_range, read_til_range
from ._tokens import DIGITS, MARK, NONE, WORD, Tokens

# Currencies written before the number, as written: "kr. 15.000", "DKK 2,5 mio.", "€ 10";
# not words ("EURO 2004" is a tournament).
_CURRENCIES_FIRST = {"kr": "DKK", "Kr": "DKK", "DKK": "DKK", "EUR": "EUR", "€": "EUR"}
_ORDINAL_DIGITS = 3  # "13. største", "325. Decentral Borgerservice"; "2018." is a year
_MIN_CODE_DIGITS = 5  # an ungrouped integer this long is a code: "301064", "96282642"


def scan(text: str) -> tuple[Tokens, list[Found]]:
    """The tokens of `text` and the number expressions found in them, in order."""
    t = Tokens(text)
    names = layout_names(t)
    found: list[Found] = []
    i = free = 0  # `free`: the first token no expression has taken
    while i < len(t):
        expression = _read_at(t, i, names)
        if expression is None:
            i += 1
            continue
        # A code may begin before `i` ("CO2" is found at its digit), never in a match.
        expression.first = max(expression.first, free)
        found.append(expression)
        i = free = expression.last + 1
    return t, found


def _read_at(t: Tokens, i: int, names: dict[int, int]) -> Found | None:
    kind = t.kinds[i]
    if kind == DIGITS:
        return identifier(i, names[i]) if i in names else _read_digits(t, i)
    if kind == WORD:
        return _read_word(t, i)
    if kind == MARK:
        if t.texts[i] == PARAGRAPH_SIGN:
            return read_label(t, i)
        if t.texts[i] == "+" and t.kind(t.tight(i)) == DIGITS:
            phone = read_code(t, t.tight(i))  # "+45 96 28 26 42"
            if phone is not None and phone.first == i:
                return phone
        return _currency_first(t, i) or _quantity(t, i)
    return None


def _read_word(t: Tokens, i: int) -> Found | None:
    return (
        read_label(t, i)
        or read_weekday_date(t, i)
        or read_clock(t, i)
        or _qualified(t, i)
        or read_between(t, i)
        or _currency_first(t, i)
        or _quantity(t, i)
    )


def _read_digits(t: Tokens, i: int, qualified: bool = False) -> Found | None:
    return (
        read_date(t, i)
        or read_bare_time(t, i)
        or read_code(t, i)
        or _ordinal(t, i)
        or _quantity(t, i, qualified)
    )


# -- quantities -----------------------------------------------------------------------


def _quantity(t: Tokens, i: int, qualified: bool = False) -> Found | None:
    """A quantity at `i`, as a range if one is written, else on its own.

    After a qualifier even a long bare integer is a quantity ("ca. 12500").
    """
    q = read_quantity(t, i)
    if q is None:
        return None
    found = read_dash_range(t, q) or read_til_range(t, q)
    if found is not None:
        return found
    if not qualified and _is_bare_code(q):
        return identifier(q.core.first, q.core.last)
    dash = t.tight(q.last)
    if q.bare and t.is_mark(dash, DASHES) and t.kind(t.tight(dash)) == DIGITS:
        return _short_year_range(t, q, t.tight(dash)) or identifier(q.core.first, t.tight(dash))
    found = Found(first=q.core.first, last=q.last, kind=q.kind, value=q.value, unit=q.unit)
    if q.bare:
        _unit_from_neighbour(t, q, found)
    return as_age(t, found, q.core.raw)


def _short_year_range(t: Tokens, q: Quantity, end: int) -> Found | None:
    """``1980-88``, ``958-65``: a year and the last two digits of a later one."""
    first, second = t.texts[q.core.first], t.texts[end]
    if not (first.isdigit() and len(first) in (3, 4) and second.isdigit() and len(second) == 2):
        return None
    century = int(first) - int(first) % 100
    if not int(first) < century + int(second):
        return None
    low, high = Decimal(first), Decimal(century + int(second))
    return Found(first=q.core.first, last=end, kind="range", low=low, high=high)


def _is_bare_code(q: Quantity) -> bool:
    """An ungrouped integer of five or more digits with no unit: a code or phone number.

    Danish writes quantities this large with a thousands dot ("39.000"), so a bare
    "301064" or "96282642" is a place, case or phone number.
    """
    raw = q.core.raw.lstrip("+-−")
    return q.bare and raw.isdigit() and len(raw) >= _MIN_CODE_DIGITS


def _unit_from_neighbour(t: Tokens, q: Quantity, found: Found) -> None:
    """``3 og 12 måneder``: a number before "og"/"eller" counts in the next one's unit."""
    joint = t.next(q.last)
    if t.lower(joint) not in ("og", "eller"):
        return
    b = read_quantity(t, t.next(joint))
    if b is None or b.unit is None or b.kind == "amount" or not q.value < b.value:
        return
    if b.scale != 1 or b.core.spelled != q.core.spelled:
        return
    found.kind, found.unit, found.unit_written = b.kind, b.unit, False


def _qualified(t: Tokens, i: int) -> Found | None:
    """``ca. 39.000``, ``knap 90.000``, ``mere end 15.000``: an approximator and a quantity."""
    qualifier = _qualifier_at(t, i)
    if qualifier is None:
        return None
    normal, last = qualifier
    body = t.next(last)
    if body == NONE or (t.kind(body) == WORD and not _may_start_number(t, body)):
        return None
    if t.kind(body) == DIGITS:  # "under 2. verdenskrig" is an ordinal, not "under 2"
        found = _read_digits(t, body, qualified=True)
    else:
        found = _currency_first(t, body) or _quantity(t, body, qualified=True)
    if found is None or found.kind not in QUANTITY_KINDS:
        return None
    found.qualifier, found.body, found.first = normal, found.first, i
    return found


def _may_start_number(t: Tokens, i: int) -> bool:
    return t.lower(i) not in QUALIFIERS_BY_FIRST


def _qualifier_at(t: Tokens, i: int) -> tuple[str, int] | None:
    """The normal form and last token of the qualifier at `i` (longest first), or None."""
    best: tuple[str, int] | None = None
    for words, normal in QUALIFIERS_BY_FIRST.get(t.lower(i), ()):
        last = i
        for word in words[1:]:
            last = t.tight(last) if word == "." else t.next(last)
            if t.lower(last) != word:
                break
        else:
            if best is None or last > best[1]:
                best = (normal, last)
    return best


def _currency_first(t: Tokens, i: int) -> Found | None:
    """``kr. 15.000``, ``DKK 2,5 mio.``: the currency before the number."""
    code = _CURRENCIES_FIRST.get(t.texts[i])
    if code is None:
        return None
    body = t.next(t.dotted(i))
    q = read_quantity(t, body) if t.kind(body) in (DIGITS, MARK) else None
    if q is None or q.kind != "number" or q.unit is not None:
        return None
    return Found(first=i, last=q.last, kind="amount", value=q.value, unit=code)


# -- ordinals and list markers ----------------------------------------------------------


def _small_integer(token: str) -> bool:
    return token.isdigit() and len(token) <= _ORDINAL_DIGITS and token[0] != "0"


def _ordinal(t: Tokens, i: int) -> Found | None:
    """``13. største``, ``1. kvartal``, ``1.-2. kvartal``: a number, a dot, a small word."""
    dot = t.tight(i)
    if not (_small_integer(t.texts[i]) and t.is_mark(dot, ".")):
        return None
    dash = t.tight(dot)
    second = t.tight(dash)
    if t.is_mark(dash, DASHES) and t.kind(second) == DIGITS and _small_integer(t.texts[second]):
        end = t.tight(second)
        low, high = Decimal(t.texts[i]), Decimal(t.texts[second])
        if t.is_mark(end, ".") and _before_small_word(t, end) and low < high:
            return Found(first=i, last=end, kind="range", low=low, high=high, ordinal=True)
    if not _before_small_word(t, dot):
        return None
    return Found(first=i, last=dot, kind="ordinal", value=Decimal(t.texts[i]))


def _before_small_word(t: Tokens, dot: int) -> bool:
    """True if a lower-case word (not a month: that is a date) follows the dot."""
    word = t.next(dot)
    if word == dot + 1 or t.kind(word) != WORD or not t.texts[word][:1].islower():
        return False
    return t.lower(word) not in MONTHS and t.lower(word) not in MONTH_ABBREVIATIONS
