"""Dates and times in Danish text: ``13. august 2025``, ``13-08-2025``, ``kl. 10.45``.

A date needs a day and a month; ``september 2017`` is a year in a month, and dkfix
reports only the year (a number). A date without a year (``1. januar``) is a date whose
`date` is None. dateparser would read far more, which is the trouble: it makes a date
of ``44,9``. Each reader takes the token where the expression starts and returns the
`Found` expression or None.

>>> from ._tokens import Tokens
>>> t = Tokens("Mødet er 13. august 2025 kl. 08:00.")
>>> found = read_date(t, t.texts.index("13"))
>>> found.date, found.time
(datetime.date(2025, 8, 13), datetime.time(8, 0))
"""

from __future__ import annotations

import datetime

from ._found import Found
from ._lexical import CLOCK, DATE_ARTICLES, MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from ._parse import make_date, make_time
from ._tokens import DIGITS, NONE, WORD, Tokens

_LEAP_YEAR = 2000  # to check the day of a date written without a year ("29. februar")
_FIRST_YEAR, _LAST_YEAR = 1000, 2999


def _year(token: str) -> int | None:
    if len(token) == 4 and token.isdigit() and _FIRST_YEAR <= int(token) <= _LAST_YEAR:
        return int(token)
    return None


def _small(token: str) -> int | None:
    """A day or month number: one or two digits."""
    return int(token) if 1 <= len(token) <= 2 and token.isdigit() else None


def read_date(t: Tokens, i: int) -> Found | None:
    """A date starting at digit chunk `i`, with a time after it if one follows."""
    found = _iso_date(t, i) or _numeric_date(t, i) or _dotted_date(t, i) or _named_month(t, i)
    if found is None:
        return None
    return _with_time(t, found)


def read_weekday_date(t: Tokens, i: int) -> Found | None:
    """``Onsdag d. 13. august 2025``: a weekday, maybe "d."/"den", then a date."""
    if t.lower(i) not in WEEKDAYS:
        return None
    j = t.next(i)
    if t.lower(j) in DATE_ARTICLES:
        j = t.next(t.dotted(j))
    if j == NONE or t.kind(j) != DIGITS:
        return None
    found = read_date(t, j)
    if found is None:
        return None
    found.first = i
    return found


def read_clock(t: Tokens, i: int) -> Found | None:
    """``kl. 08:00``, ``kl. 10.45``, ``kl. 8``: a time after the word "kl"."""
    if t.lower(i) != CLOCK:
        return None
    j = t.next(t.dotted(i))
    if j == NONE or t.kind(j) != DIGITS:
        return None
    time = _clock_time(t.texts[j])
    if time is None:
        return None
    return Found(first=i, last=j, kind="time", time=time, body=j)


def read_bare_time(t: Tokens, i: int) -> Found | None:
    """``08:00`` without "kl.": a colon makes it a time."""
    if ":" not in t.texts[i]:
        return None
    time = _clock_time(t.texts[i])
    return None if time is None else Found(first=i, last=i, kind="time", time=time)


def _clock_time(chunk: str) -> datetime.time | None:
    separator = ":" if ":" in chunk else "."
    parts = chunk.split(separator)
    if len(parts) == 1 and len(chunk) <= 2 and chunk.isdigit():
        return make_time(int(chunk), 0)
    if len(parts) != 2 or not (1 <= len(parts[0]) <= 2 and len(parts[1]) == 2):
        return None
    if not (parts[0].isdigit() and parts[1].isdigit()):
        return None
    return make_time(int(parts[0]), int(parts[1]))


def _with_time(t: Tokens, found: Found) -> Found:
    """Extend a date over the time that follows it: ``kl. 08:00`` or an ISO ``08:00``."""
    j = t.next(found.last)
    clock = read_clock(t, j) if t.kind(j) == WORD else None
    if clock is None and t.kind(j) == DIGITS and found.date is not None:
        clock = read_bare_time(t, j)
    if clock is not None:
        found.last = clock.last
        found.time = clock.time
    return found


def _date(first: int, last: int, year: int | None, month: int, day: int) -> Found | None:
    date = make_date(year or _LEAP_YEAR, month, day)
    if date is None:
        return None
    return Found(first=first, last=last, kind="date", date=date if year else None)


def _iso_date(t: Tokens, i: int) -> Found | None:
    """``2021-12-14``."""
    year = _year(t.texts[i])
    parts = _tight_parts(t, i, "-")
    if year is None or parts is None:
        return None
    (month_at, month), (day_at, day) = parts
    if len(t.texts[month_at]) != 2 or len(t.texts[day_at]) != 2:
        return None
    return _date(i, day_at, year, month, day)


def _numeric_date(t: Tokens, i: int) -> Found | None:
    """``13-08-2025``, ``13/8-2025``, ``31/12 2021``."""
    day = _small(t.texts[i])
    separator = t.tight(i)
    if day is None or separator == NONE or t.texts[separator] not in ("-", "/"):
        return None
    month_at = t.tight(separator)
    month = _small(t.texts[month_at]) if t.kind(month_at) == DIGITS else None
    if month is None:
        return None
    year_at = t.tight(month_at)
    if year_at != NONE and t.texts[year_at] in ("-", "/"):
        year_at = t.tight(year_at)
    elif t.texts[separator] == "/":  # "31/12 2021": day/month, a space, the year
        year_at = t.next(month_at)
    else:
        return None
    year = _year(t.texts[year_at]) if t.kind(year_at) == DIGITS else None
    if year is None or t.kind(t.tight(year_at)) == DIGITS:
        return None
    return _date(i, year_at, year, month, day)


def _dotted_date(t: Tokens, i: int) -> Found | None:
    """``13.08.2025``: one digit chunk."""
    parts = t.texts[i].split(".")
    if len(parts) != 3 or "," in t.texts[i]:
        return None
    day, month, year = _small(parts[0]), _small(parts[1]), _year(parts[2])
    if day is None or month is None or year is None:
        return None
    return _date(i, i, year, month, day)


def _named_month(t: Tokens, i: int) -> Found | None:
    """``13. august 2025``, ``1. januar`` (no year), ``5. nov. 2018``."""
    day = _small(t.texts[i])
    dot = t.tight(i)
    if day is None or dot == NONE or t.texts[dot] != ".":
        return None
    month_at = t.next(dot)
    name = t.lower(month_at)
    last = month_at
    month = MONTHS.get(name) if t.kind(month_at) == WORD else None
    if month is None and name in MONTH_ABBREVIATIONS and t.dotted(month_at) != month_at:
        month, last = MONTH_ABBREVIATIONS[name], t.dotted(month_at)
    if month is None:
        return None
    year_at = t.next(last)
    year = _year(t.texts[year_at]) if t.kind(year_at) == DIGITS else None
    return _date(i, year_at if year else last, year, month, day)


def _tight_parts(t: Tokens, i: int, separator: str) -> tuple[tuple[int, int], ...] | None:
    """The two numbers after `i` joined to it by `separator` with no space: ``-12-14``."""
    parts = []
    j = i
    for _ in range(2):
        mark = t.tight(j)
        if mark == NONE or t.texts[mark] != separator:
            return None
        j = t.tight(mark)
        value = _small(t.texts[j]) if t.kind(j) == DIGITS else None
        if value is None:
            return None
        parts.append((j, value))
    after = t.tight(j)
    if after != NONE and t.kind(after) in (DIGITS, WORD):
        return None
    return tuple(parts)
