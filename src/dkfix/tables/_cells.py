"""Cleaning one cell: inline HTML, character references and surrounding spaces removed.

Exports from web pages and word processors leave markup in cells
(``<b>Børneområdet på landsplan</b>``). Only inline formatting tags are removed, by
name, so that text such as ``a <b`` or ``x < 5`` is never touched; `html.unescape`
alone would decode entities but keep the tags, and it also reads ``&copy`` without a
semicolon as ©, which Danish text such as ``Hjernen&Hjertet`` must not risk.

>>> clean_cell(" <b>Børneområdet på landsplan</b>\\xa0")
Cleaned(text='Børneområdet på landsplan', had_markup=True)
>>> clean_cell("Hjernen&Hjertet &amp; x < 5")
Cleaned(text='Hjernen&Hjertet & x < 5', had_markup=True)
>>> clean_cell("44,9 %")
Cleaned(text='44,9 %', had_markup=False)
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

# Inline tags only; `[^<>]*` stops at the next angle bracket, so the scan stays linear.
_TAG = re.compile(
    r"</?(?:b|i|u|s|em|strong|span|font|br|sup|sub|small|big|mark|del|ins|strike|a|p|div"
    r"|td|th|tr)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
# Character references with their semicolon: named, decimal and hexadecimal.
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


class Cleaned(NamedTuple):
    """A cell's clean text, and whether markup had to be removed to get it."""

    text: str
    had_markup: bool


def clean_cell(cell: str) -> Cleaned:
    """`cell` without inline HTML and character references, stripped of spaces."""
    text = cell
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    return Cleaned(text.strip(), text != cell)
