"""Layout repairs: what an extraction (PDF, HTML, Markdown) did to the text around the words.

Each repair is a fix like the others: a function from (text, config) to edits, its
name a `Config` field and the `kind` of its edits. They run after the letters are
repaired, in the order of `LAYOUT_PHASE` (and of `dkfix.config.LAYOUT_FIXES`): whole
lines first (Markdown, web furniture, stray no-break spaces), then running headers, then
words (hyphenation, split words, apostrophes), then bullets.

On by default, because they never change clean text: `remove_running_headers` and
`join_hyphenated_words`. The others change text that can be meant as it is (or that
documents otherwise clean have), and are opt-in.

>>> from dkfix import Config, fix_text
>>> fix_text("Ledigheden på arbejds-\\nmarkedet falder.")
'Ledigheden på arbejdsmarkedet\\nfalder.'
>>> fix_text("FN´s mål\\xa0\\n • bæredygtighed", fix_acute_apostrophes=True, remove_stray_nbsp=True)
"FN's mål\\n • bæredygtighed"
"""

from __future__ import annotations

from collections.abc import Callable

from ..config import Config
from ..edits import Edit
from .apostrophes import acute_apostrophe_edits
from .boilerplate import boilerplate_edits
from .bullets import bullet_edits
from .headers import running_header_edits
from .hyphenation import hyphenation_edits
from .markdown import markdown_edits
from .split_words import split_word_edits
from .whitespace import stray_nbsp_edits

__all__ = [
    "LAYOUT_PHASE",
    "acute_apostrophe_edits",
    "boilerplate_edits",
    "bullet_edits",
    "hyphenation_edits",
    "markdown_edits",
    "running_header_edits",
    "split_word_edits",
    "stray_nbsp_edits",
]

# In the order of config.LAYOUT_FIXES: a fix's edits are named by its Config field.
LAYOUT_PHASE: tuple[Callable[[str, Config], list[Edit]], ...] = (
    markdown_edits,
    boilerplate_edits,
    stray_nbsp_edits,
    running_header_edits,
    hyphenation_edits,
    split_word_edits,
    acute_apostrophe_edits,
    bullet_edits,
)
