"""fix_text and fix_and_explain: the letter-level repair pipeline.

Each fix is a function from (text, config) to edits of that text. The pipeline
runs them in order, composes their edits so that they always point into the
caller's input, and repeats until nothing changes, which makes the result
idempotent: fixing fixed text changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from . import _checks as checks
from . import mojibake
from .config import LETTER_FIXES, Config, with_overrides
from .edits import Edit, Fixed, apply_edits, compose
from .ftfy_fixes import ftfy_edits
from .layout import LAYOUT_PHASE
from .letters.folding import folding_edits
from .letters.placeholders import placeholder_edits
from .numbers import number_edits

logger = logging.getLogger(__name__)

Fix = Callable[[str, Config], list[Edit]]
# What a caller of fix_text with bytes wants instead.
_FIX_BYTES_INSTEAD = (
    "for bytes of unknown encoding use dkfix.fix_bytes(data) or dkfix.decode_bytes(data)"
)


def _numbers(text: str, config: Config) -> list[Edit]:
    """Numbers are read last, once the letters around them are right."""
    return number_edits(text, config.normalize_numbers) if config.normalize_numbers else []


# Four phases, each run until it settles. First the encodings, in order: code-page
# misreadings go first, because ftfy would read some of them as something else and
# destroy the evidence ("pÂ torsdag", cp1252 read as Mac Roman, is "på torsdag",
# but ftfy takes "Â " for a UTF-8 no-break space); then ftfy, which proves the
# common mojibake; then the UTF-8 residue ftfy leaves for lack of signal. Only
# then the lost letters: a character left by a misreading (a C1 control, "†") is
# the misreading's to explain, not a placeholder's. Then the layout (running
# headers, hyphenation, …), read in words that are right: a header is only found
# by its repetition when every copy is spelled the same. Numbers come last (off by
# default), read once the letters and lines around them are right.
_PHASES: tuple[tuple[Fix, ...], ...] = (
    (
        mojibake.code_page_edits,
        ftfy_edits,
        mojibake.residual_mojibake_edits,
        mojibake.utf8_code_page_edits,
    ),
    (placeholder_edits, folding_edits),
    LAYOUT_PHASE,
    (_numbers,),
)
_MAX_ROUNDS = 4


def require_str(text: object, function: str) -> str:
    """Return `text` if it is a str, else raise a TypeError that says what to call instead."""
    return checks.require_str(text, function, _FIX_BYTES_INSTEAD)


def fix_and_explain(text: str, config: Config | None = None, **overrides: Any) -> Fixed:
    """Fix `text` and explain every change.

    >>> result = fix_and_explain("Ã…rhus og K›benhavn")
    >>> result.text
    'Århus og København'
    >>> [(e.original, e.replacement, e.kind) for e in result.edits]
    [('Ã…rhus', 'Århus', 'fix_residual_mojibake'), ('K›benhavn', 'København', 'fix_code_pages')]
    """
    require_str(text, "fix_and_explain")
    return run_fixes(text, with_overrides(config, overrides))


def fix_text(text: str, config: Config | None = None, **overrides: Any) -> str:
    """Return `text` with every letter-level repair applied; clean text comes back unchanged.

    The result is never longer than ``3 * len(text)`` with the default options (a
    ligature such as "ﬃ" becomes three letters; NFC writes a few characters as three);
    NFKC/NFKD and ``normalize_numbers="plain"`` may lengthen text further.

    >>> fix_text("K›benhavn")
    'København'
    >>> fix_text("Aarhus og Kjøbenhavn")
    'Aarhus og Kjøbenhavn'
    """
    require_str(text, "fix_text")
    return run_fixes(text, with_overrides(config, overrides)).text


def run_fixes(text: str, config: Config) -> Fixed:
    """The pipeline behind fix_text, for callers that have checked their arguments."""
    fixed = Fixed(text, [])
    idle_on: dict[Fix, str] = {}
    for _ in range(_MAX_ROUNDS):
        before = fixed.text
        for phase in _PHASES:
            fixed = _settle(text, fixed, phase, config, idle_on)
        if fixed.text == before:
            return _flag(fixed, config)
    logger.warning("fixes did not settle after %d rounds", _MAX_ROUNDS)
    return _flag(fixed, config)


def _unsure(edit: Edit, config: Config) -> bool:
    return edit.kind in LETTER_FIXES and edit.confidence < config.confidence_threshold


def _flag(fixed: Fixed, config: Config) -> Fixed:
    flagged = [edit for edit in fixed.edits if _unsure(edit, config)]
    return Fixed(fixed.text, fixed.edits, flagged) if flagged else fixed


def _settle(
    original: str, fixed: Fixed, fixes: tuple[Fix, ...], config: Config, idle_on: dict[Fix, str]
) -> Fixed:
    """Run `fixes` in order until none changes the text; edits stay relative to `original`.

    `idle_on` remembers, per fix, the last text it left unchanged. A fix is a pure
    function of the text and the config, so it is not run on that text again: the
    rounds that prove the text settled (after mojibake is repaired, every phase
    reads the repaired text once more) cost nothing for the fixes that already read it.
    """
    current, edits = fixed.text, fixed.edits
    for _ in range(_MAX_ROUNDS):
        changed = False
        for fix in fixes:
            if idle_on.get(fix) == current:
                continue
            fix_edits = fix(current, config)
            if config.low_confidence == "leave":
                fix_edits = [edit for edit in fix_edits if not _unsure(edit, config)]
            result = apply_edits(current, fix_edits) if fix_edits else current
            if result != current:
                edits = compose(original, current, edits, fix_edits)
                current, changed = result, True
            else:
                idle_on[fix] = current
        if not changed:
            break
    return Fixed(current, edits)


def fix_bytes(data: bytes, config: Config | None = None, **overrides: Any) -> str:
    """Decode bytes of unknown encoding as Danish text, then fix it.

    >>> fix_bytes("Grønkjær på Ærø".encode("cp865"))
    'Grønkjær på Ærø'
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"dkfix.fix_bytes() takes bytes, not {type(data).__name__}; for str use dkfix.fix_text"
        )
    from .decode import decode_bytes  # decode imports the lexicon; keep fix_text's import light

    return run_fixes(decode_bytes(bytes(data)).text, with_overrides(config, overrides)).text
