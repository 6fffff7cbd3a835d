"""The fixes dkfix delegates to ftfy, turned into located, explained edits.

ftfy is the reference for mojibake it can prove, and dkfix does not reimplement
it. But ftfy reports *which* steps it applied, not *where*, and it checks every
line of every document. dkfix adds two things on top:

* a fast path: a line made only of characters ftfy provably leaves alone is not
  handed to ftfy at all (most of clean Danish text);
* located edits: each ftfy step is replayed on its own and diffed, so every edit
  has a span in the input and the name of the step that made it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

import ftfy

from .config import FTFY_FIXES, Config
from .edits import Edit, compose, diff_edits

# Characters ftfy never changes on their own: printable ASCII, tab and line
# breaks, and the Latin-1 letters and typography of clean Danish text. Lead
# characters of UTF-8 mojibake (Ã, Â, â, Å followed by a continuation character)
# are caught by _MOJIBAKE_PAIR below, since Å and friends are also real letters.
_SAFE_CHARS = (
    "\t\n\r\x20-\x7e"
    "\u00a0£§°«»½¼¾´·×"
    "ÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÖØÙÚÛÜÝäåæçèéêëìíîïñòóôöøùúûüý"
    "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u20ac"
)
# A Latin-1 letter that is also a UTF-8 lead byte, followed by a character whose
# cp1252 byte is a UTF-8 continuation byte: the shape of UTF-8 read as cp1252.
_MOJIBAKE_PAIR = (
    "[ÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÖØÙÚÛÜÝäåæçèéêëìíîïñòóô]"
    "[\u00a0£§°«»½¼¾´·×\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u20ac]"
)
_HTML_ENTITY = r"&#?[0-9A-Za-z]{1,24};"
NEEDS_FTFY = re.compile(f"[^{_SAFE_CHARS}]|{_MOJIBAKE_PAIR}|{_HTML_ENTITY}")
"""Matches wherever ftfy might change the text; where it does not match, ftfy would not."""

_ENCODING_OPERATIONS = frozenset({"encode", "decode", "transcode"})


def ftfy_edits(text: str, config: Config) -> list[Edit]:
    """Edits for everything ftfy would fix in `text`, line by line as ftfy itself works."""
    if NEEDS_FTFY.search(text) is None:
        return []
    ftfy_config = _ftfy_config(config, html_document="<" in text)
    edits: list[Edit] = []
    for offset, line in _lines(text):
        if NEEDS_FTFY.search(line) is not None:
            edits.extend(edit.shifted(offset) for edit in _line_edits(line, ftfy_config))
    return edits


def _ftfy_config(config: Config, html_document: bool) -> ftfy.TextFixerConfig:
    options = {name: getattr(config, name) for name in FTFY_FIXES}
    if html_document and options["unescape_html"] == "auto":
        # Like ftfy: in a document that looks like HTML, entities are markup.
        options["unescape_html"] = False
    return ftfy.TextFixerConfig(normalization=config.normalization, explain=True, **options)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line
        offset += len(line)


def _line_edits(line: str, ftfy_config: ftfy.TextFixerConfig) -> list[Edit]:
    fixed, steps = ftfy.fix_and_explain(line, ftfy_config)
    if fixed == line or not steps:
        return []
    edits: list[Edit] = []
    current = line
    for kind, plan in _units(steps):
        after = _replay(current, plan)
        step_edits = diff_edits(current, after, kind, 1.0, _reason(kind, plan))
        edits = compose(line, current, edits, step_edits)
        current = after
    return edits


def _units(steps: Sequence[tuple[str, str]]) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """Group ftfy's explanation into replayable units, each named by its dkfix kind."""
    pending: list[tuple[str, str]] = []
    for operation, argument in steps:
        if operation in _ENCODING_OPERATIONS:
            pending.append((operation, argument))
            if operation == "decode":
                yield "fix_encoding", pending
                pending = []
        elif operation == "normalize":
            yield "normalization", [(operation, argument)]
        else:
            yield argument, [(operation, argument)]


def _replay(text: str, plan: list[tuple[str, str]]) -> str:
    if plan[0][0] == "normalize":
        return unicodedata.normalize(plan[0][1], text)  # type: ignore[arg-type]
    return ftfy.apply_plan(text, plan)


def _reason(kind: str, plan: list[tuple[str, str]]) -> str:
    if kind == "fix_encoding":
        read_as = [arg for op, arg in plan if op == "encode"]
        meant = [arg for op, arg in plan if op == "decode"]
        return f"mojibake: {'/'.join(meant)} text read as {'/'.join(read_as)} (ftfy)"
    if kind == "normalization":
        return "Unicode normalisation"
    return f"ftfy {kind}"
