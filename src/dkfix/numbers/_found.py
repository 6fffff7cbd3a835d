"""`Found`: an expression while the scanner builds it, in token positions."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from ._model import Kind


@dataclass(slots=True)
class Found:
    """A number expression over tokens `first`..`last` (inclusive).

    `body` is the first token of the quantity itself, after a qualifier ("ca.") or a
    weekday ("Onsdag d."); -1 means `first`. `unit_written` is False when the unit was
    read from a neighbour ("3 og 12 måneder": 3 is in months, but "måneder" is not part
    of its span). `rewrite` is False for readings that normalizing must not write back
    (an age "2,9 år" read as 33 months). `ordinal` marks a range of ordinals ("1.-2.").
    """

    first: int
    last: int
    kind: Kind
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    qualifier: str | None = None
    date: datetime.date | None = None
    time: datetime.time | None = None
    body: int = -1
    unit_written: bool = True
    rewrite: bool = True
    ordinal: bool = False
