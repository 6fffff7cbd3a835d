"""Tables of contents: entries with dot leaders and page numbers, as (title, page) rows.

An entry is a title, a leader of dots (or a tab) and a page number at the end of
the line. Three or more entries in a row, at least half of them with a dot leader,
make a table of contents. An entry without a leader often had its title cut to fit
the line; when the title is found again later in the text (its heading), the note
says how the heading goes on. The title is never changed.

>>> entry = parse_entry("Orientering om status på UngHerning+.....\\t24")
>>> entry.title, entry.page, entry.has_leader
('Orientering om status på UngHerning+', '24', True)
>>> parse_entry("Tlf.: 96282642") is None
True
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

from ._lines import Line

HEADER = ["title", "page"]
_DIGITS = "0123456789"
_LEADER = ".…·"
_LEADER_AND_SPACE = ".…· \t\xa0"
_SPACE = " \t\xa0"
# A page number has at most this many digits (a longer number is a year, a phone …).
_PAGE_DIGITS = 4
# Fewest entries that make a table of contents.
_FEWEST_ENTRIES = 3
# Titles looked up again in the text, at most (each lookup reads the rest of the text).
_LOOKUPS = 64
_LONGEST_WORD = 40


class Entry(NamedTuple):
    """One entry: its line, its title, its page number as written, and whether it had dots."""

    line: Line | None
    title: str
    page: str
    has_leader: bool


def parse_entry(text: str, line: Line | None = None) -> Entry | None:
    """The entry `text` is (title, leader or tab, page number), or None."""
    stripped = text.rstrip(_SPACE)
    body = stripped.rstrip(_DIGITS)
    page = stripped[len(body) :]
    if not 1 <= len(page) <= _PAGE_DIGITS:
        return None
    title = body.rstrip(_LEADER_AND_SPACE)
    separator = body[len(title) :]
    dots = sum(1 for c in separator if c in _LEADER)
    has_leader = dots >= 3 or "…" in separator
    if not has_leader:  # a dot or two end the title ("mv."), they lead nowhere
        title = body.rstrip(_SPACE)
        separator = body[len(title) :]
    if not (has_leader or "\t" in separator) or "\t" in title:
        return None
    title = title.strip(_SPACE)
    if not any(c.isalpha() for c in title):
        return None
    return Entry(line, title, page, has_leader)


def contents_runs(lines: list[Line], claimed: bytearray) -> list[list[Entry]]:
    """Runs of consecutive entries (single empty lines between them allowed) that make a
    table of contents."""
    runs: list[list[Entry]] = []
    run: list[Entry] = []
    gap = 0
    for index, line in enumerate(lines):
        entry = None if claimed[index] else parse_entry(line.text, line)
        if entry is not None:
            run.append(entry)
            gap = 0
        elif not line.text.strip() and run and gap == 0:
            gap = 1
        else:
            _keep(run, runs)
            run, gap = [], 0
    _keep(run, runs)
    return runs


def _keep(run: list[Entry], runs: list[list[Entry]]) -> None:
    leaders = sum(entry.has_leader for entry in run)
    if len(run) >= _FEWEST_ENTRIES and 2 * leaders >= len(run):
        runs.append(run)


def contents_notes(entries: list[Entry], text: str, end: int) -> list[str]:
    """Notes on entries without a leader (cut titles) and on the order of the pages."""
    notes = ["no header in the text: columns named 'title' and 'page'"]
    for number, entry in enumerate(entries, start=1):
        if not entry.has_leader and number <= _LOOKUPS:
            notes.append(_cut_title_note(number, entry, text, end))
    pages = [int(entry.page) for entry in entries]
    if all(a <= b for a, b in itertools.pairwise(pages)):
        notes.append(f"checked: page numbers never decrease ({pages[0]} to {pages[-1]})")
    else:
        notes.append("check failed: page numbers go down somewhere")
    return notes


def _cut_title_note(number: int, entry: Entry, text: str, end: int) -> str:
    where = f" (line {entry.line.number})" if entry.line else ""
    plain = f"entry {number}{where} has no dot leader"
    found = text.find(entry.title, end)
    after = found + len(entry.title)
    # Cut short only if the word itself goes on ("dagtilbudsområde" + "t").
    if found < 0 or not text[after : after + 1].isalnum():
        return plain
    rest = text[after : after + _LONGEST_WORD].split(maxsplit=1)[0]
    last_word = entry.title.split()[-1]
    return f"{plain}; its title looks cut short: later the text reads '{last_word}{rest}'"
