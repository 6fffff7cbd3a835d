"""An acute accent typed for an apostrophe: ``FN´s``, ``SOSU´er``, ``Jens´``.

On a Danish keyboard the ´ key sits where an English one has the apostrophe, and the
two look alike on screen, so ``´`` turns up in genitives and plurals of abbreviations.
It is a different character (U+00B4), which breaks search and tokenisation. It becomes
the apostrophe the text itself uses most (``'`` or ``’``), ``'`` when it has none. Only
an accent between two letters or digits, or after a final s, x or z, is read this way.
"""

from __future__ import annotations

import re

from ..config import Config
from ..edits import Edit

KIND = "fix_acute_apostrophes"

_ACUTE = re.compile(r"(?<=[^\W_])´(?=[^\W_])|(?<=[sxzSXZ])´(?![^\W_])")


def acute_apostrophe_edits(text: str, config: Config) -> list[Edit]:
    """Edits that write each acute accent used as an apostrophe as an apostrophe."""
    if not config.fix_acute_apostrophes or "´" not in text:
        return []
    apostrophe = "’" if text.count("’") > text.count("'") else "'"
    reason = f"an acute accent (´) used as an apostrophe ({apostrophe})"
    return [
        Edit(m.start(), m.end(), "´", apostrophe, KIND, 1.0, reason) for m in _ACUTE.finditer(text)
    ]
