"""Words hyphenated across a line break by the layout of a page.

``… på arbejds-`` / ``markedet er …`` is one word, ``arbejdsmarkedet``, broken to fit a
line. The break is undone when the lexicon knows the joined word (or reads it as a
compound); a hyphen that belongs to the word (``SSP-``/``arbejdet``, ``e-``/``mail``) is
kept and only the break goes. The rest of the word moves up to the first line, so the
text keeps its lines: ``arbejdsmarkedet`` / ``er …``.

Left alone: a suspended hyphen (``Midt-`` / ``og Vestjylland``, ``handicap-`` / ``eller``),
a next line that starts with a capital, a number or a bullet, and the lines of tables.
"""

from __future__ import annotations

import re

from .. import lexicon
from ..config import Config
from ..edits import Edit
from ._common import TableRegions

KIND = "join_hyphenated_words"

_SPLIT = re.compile(
    r"(?<![^\W\d_])(?P<first>[^\W\d_]+)-[ \t]*(?P<newline>\r\n|[\n\r])[ \t]*"
    r"(?P<rest>[^\W\d_]+)(?P<tail>\S*)(?P<space>[ \t]+(?=\S))?"
)
_HYPHEN_AT_LINE_END = re.compile(r"-[ \t]*[\n\r]")
# Words after a hyphen that make it a suspended one: "Midt- og Vestjylland".
_SUSPENDERS = frozenset(
    {"og", "eller", "samt", "til", "som", "men", "end", "plus", "hhv", "henholdsvis", "såvel"}
)
# How sure each reading is: the lexicon knows the word; reads it as a compound; a hyphen kept.
_KNOWN, _COMPOUND, _HYPHEN_KEPT = 0.95, 0.85, 0.8


def hyphenation_edits(text: str, config: Config) -> list[Edit]:
    """Edits that join the words of `text` hyphenated across a line break."""
    if not config.join_hyphenated_words or not _HYPHEN_AT_LINE_END.search(text):
        return []  # the quick test: most texts have no hyphen at the end of a line
    tables = TableRegions(text)
    edits = []
    for match in _SPLIT.finditer(text):
        edit = _joined(text, match)
        if edit is not None and not tables.overlaps(match.start(), match.end()):
            edits.append(edit)
    return edits


def _joined(text: str, match: re.Match[str]) -> Edit | None:
    first, rest = match.group("first"), match.group("rest")
    if not rest[0].islower() or rest in _SUSPENDERS:
        return None
    reading = _reading(first, rest)
    if reading is None:
        return None
    hyphen, confidence, why = reading
    moved = hyphen + rest + match.group("tail")
    replacement = moved + (match.group("newline") if match.group("space") else "")
    start = match.start("first") + len(first)
    end = match.end()
    reason = f"{first}-{rest} {why}; hyphenated across a line break"
    return Edit(start, end, text[start:end], replacement, KIND, confidence, reason)


def _reading(first: str, rest: str) -> tuple[str, float, str] | None:
    """(hyphen to keep, confidence, why) for ``first-`` + ``rest``, or None to leave it."""
    joined = first + rest
    if len(first) == 1 or first.isupper():
        return "-", _HYPHEN_KEPT, "keeps its hyphen (after a letter or an abbreviation)"
    if lexicon.is_word(joined):
        return "", _KNOWN, f"is the word {joined!r}"
    if lexicon.is_compound(joined):
        return "", _COMPOUND, f"is the compound {joined!r}"
    return None
