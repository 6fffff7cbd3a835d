"""Numbers in Danish text: find them, read them, write them consistently.

Municipal and statistical Danish is full of numbers that general libraries misread:
a decimal comma and a thousands dot (``44,9``, ``286.719 kr.``), scale words
(``26,8 millioner kroner``, ``300 mio kr``), number words (``en halv million``,
``syvoghalvfems``), approximators (``knap 90.000``), ranges, ordinals, dates, and
numbers that are names (``§ 41``, ``00.15.01-A21-1-18``, ``stednr. 301064``). babel
reads the digits (strictly: its lenient default makes ``3.5`` 35), text2num the words
of one isolated span; dkfix finds the spans and reads the Danish around them.

>>> [(m.text, m.kind, m.value) for m in find_numbers("knap 90.000 indbyggere og 44,9 %")]
[('knap 90.000', 'number', Decimal('90000')), ('44,9 %', 'percent', Decimal('44.9'))]
>>> m = parse_number("26,8 millioner kroner")
>>> m.kind, m.value, m.unit, m.normalized
('amount', Decimal('26800000'), 'DKK', '26800000 DKK')
>>> parse_number("mellem 15 og 20").low, parse_number("en halv million").value
(Decimal('15'), Decimal('500000'))
>>> parse_number("Onsdag d. 13. august 2025 kl. 08:00").date
datetime.date(2025, 8, 13)
>>> parse_number("00.15.01-A21-1-18").kind
'identifier'
>>> normalize_numbers("Cirka 300 mio kr, 44,9% af 15000 kr.")
'Cirka 300 mio. kr., 44,9 % af 15.000 kr.'
>>> normalize_numbers("26,8 millioner kroner og 44,9 %", style="plain")
'26800000 DKK og 44.9 %'

Every function is pure, takes any str without raising, and runs in time linear in
the length of the text.
"""

from __future__ import annotations

from .._checks import require_str
from ..edits import Edit, apply_edits
from ._model import KINDS, Kind, NumberMatch
from ._normalize import STYLES, Reading, Style, readings

__all__ = [
    "KINDS",
    "STYLES",
    "Kind",
    "NumberMatch",
    "Style",
    "find_numbers",
    "normalize_numbers",
    "number_edits",
    "parse_number",
]

EDIT_KIND = "normalize_numbers"
_REASONS = {
    "da": "Danish number typography",
    "plain": "machine-readable number",
}


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number expression in `text`, in order, identifiers included.

    >>> [(m.text, m.kind) for m in find_numbers("§ 41 og 2021-12-14 kl. 10.45")]
    [('§ 41', 'identifier'), ('2021-12-14 kl. 10.45', 'date')]
    """
    require_str(text, "find_numbers")
    return [reading.match for reading in readings(text)]


def parse_number(s: str) -> NumberMatch | None:
    """The one number expression that is all of `s` (spaces around it allowed), or None.

    >>> parse_number("ca. 1,7 mio. kr.").qualifier
    'cirka'
    >>> parse_number("fem og tyve æbler") is None
    True
    """
    require_str(s, "parse_number")
    matches = find_numbers(s)
    if len(matches) != 1:
        return None
    match = matches[0]
    if s[: match.start].strip() or s[match.end :].strip():
        return None
    return match


def number_edits(text: str, style: str) -> list[Edit]:
    """The edits that write every number expression of `text` in `style` ("da" or "plain").

    Identifiers, ordinals and ages in years and months are never edited. Raises
    `ValueError` for an unknown style.

    >>> [(e.original, e.replacement) for e in number_edits("44,9% og 300 mio kr", "da")]
    [('44,9%', '44,9 %'), ('300 mio kr', '300 mio. kr.')]
    """
    require_str(text, "number_edits")
    checked = _check_style(style)
    edits = [_edit(reading, checked) for reading in readings(text) if _changes(reading, checked)]
    for _ in range(_MAX_ROUNDS):
        unsettled = _unsettled(text, edits, checked)
        if not unsettled:
            return edits
        edits = [edit for n, edit in enumerate(edits) if n not in unsettled]
    return []


# Rounds of dropping edits whose result would read differently (see `_unsettled`).
_MAX_ROUNDS = 3


def _changes(reading: Reading, style: Style) -> bool:
    return reading.rewrite and reading.form(style) != reading.match.text


def _edit(reading: Reading, style: Style) -> Edit:
    match = reading.match
    reason = f"{_REASONS[style]} ({match.kind})"
    return Edit(match.start, match.end, match.text, reading.form(style), EDIT_KIND, 1.0, reason)


def _unsettled(text: str, edits: list[Edit], style: Style) -> set[int]:
    """The edits whose result the next reading would change again: they must go.

    Normalizing must settle in one pass (the pipeline repeats fixes until nothing
    changes). A rewritten number can join a neighbour into a new expression ("31/12
    tusind" → "31/12 1000", a date), so the result is read once more and every edit
    touching a span that would change again is dropped.
    """
    if not edits:
        return set()
    result = apply_edits(text, edits)
    again = [(r.match.start, r.match.end) for r in readings(result) if _changes(r, style)]
    if not again:
        return set()
    unsettled = set()
    shift = 0
    for n, edit in enumerate(edits):
        start = edit.start + shift
        end = start + len(edit.replacement)
        shift += len(edit.replacement) - (edit.end - edit.start)
        if any(s <= end and start <= e for s, e in again):
            unsettled.add(n)
    return unsettled or set(range(len(edits)))


def normalize_numbers(text: str, style: str = "da") -> str:
    """`text` with its number expressions written in `style`: "da" or "plain".

    >>> normalize_numbers("ca. 39.000 danskere, 2,5 pct.", style="plain")
    'ca. 39000 danskere, 2.5 %'
    """
    require_str(text, "normalize_numbers")
    return apply_edits(text, number_edits(text, style))


def _check_style(style: str) -> Style:
    if style == "da":
        return "da"
    if style == "plain":
        return "plain"
    raise ValueError(f"style must be one of {', '.join(STYLES)}, not {style!r}")
