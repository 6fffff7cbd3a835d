"""`NumberMatch`: one number expression found in a text, with what it means."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Kind = Literal["number", "percent", "amount", "range", "ordinal", "date", "time", "identifier"]
KINDS: tuple[Kind, ...] = (
    "number",
    "percent",
    "amount",
    "range",
    "ordinal",
    "date",
    "time",
    "identifier",
)
# The kinds that are quantities; an identifier never is one.
QUANTITY_KINDS: frozenset[Kind] = frozenset({"number", "percent", "amount", "range"})


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number expression: ``text[start:end]`` of the input, and how dkfix reads it.

    `kind` is one of "number", "percent", "amount", "range", "ordinal", "date", "time"
    and "identifier" (case and journal numbers, paragraphs, phone numbers, page numbers:
    names, never quantities). `value` is exact, with the scale applied
    (``22,1 millioner`` is 22100000); a percent's value is the number as written (44.9).
    A range has `low` and `high` instead. `unit` is "DKK" (or "EUR") for money, "%" for
    percents, otherwise the unit word as written ("år", "uger") or None. `qualifier` is
    the approximator in its normal form ("cirka" for ``ca.``, "knap", "over" …).
    `normalized` is the machine-readable form of the whole match (``26800000 DKK``,
    ``44.9 %``, ``2025-08-13``).
    """

    start: int
    end: int
    text: str
    kind: Kind
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    qualifier: str | None = None
    date: datetime.date | None = None
    time: datetime.time | None = None
    normalized: str = ""

    @property
    def is_quantity(self) -> bool:
        """True for numbers, percents, amounts and ranges; never for an identifier."""
        return self.kind in QUANTITY_KINDS
