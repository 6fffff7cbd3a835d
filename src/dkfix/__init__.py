"""dkfix: make broken Danish text right again.

>>> import dkfix
>>> dkfix.fix_text("KÃ¸benhavn")
'København'
"""

from __future__ import annotations

import logging

from .__about__ import __version__
from .cleaning import Cleaned, clean
from .config import Config
from .decode import Candidate, Decoded, decode_bytes
from .diagnosis import Diagnosis, Finding, detect
from .edits import Edit, Fixed, apply_edits
from .fixing import fix_and_explain, fix_bytes, fix_text
from .numbers import NumberMatch, find_numbers, normalize_numbers, parse_number
from .streaming import DecodedPiece, FixedPiece, decode_stream, fix_stream
from .tables import Table, TableKind, find_tables

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Candidate",
    "Cleaned",
    "Config",
    "Decoded",
    "DecodedPiece",
    "Diagnosis",
    "Edit",
    "Finding",
    "Fixed",
    "FixedPiece",
    "NumberMatch",
    "Table",
    "TableKind",
    "__version__",
    "apply_edits",
    "clean",
    "decode_bytes",
    "decode_stream",
    "detect",
    "find_numbers",
    "find_tables",
    "fix_and_explain",
    "fix_bytes",
    "fix_stream",
    "fix_text",
    "normalize_numbers",
    "parse_number",
]
