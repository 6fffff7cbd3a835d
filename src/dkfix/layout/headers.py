"""Running page headers and footers that a PDF extraction left inside the running text.

A page's header (or footer) is its title and page number; extracted without the page
breaks, it lands wherever the page broke, often mid-sentence:
``… trækker sin finansiering til Budgetforlig 2018 5 læge/sexolog i september 2017``.

The header is found by repetition, never from a list: the same capitalised title of two
to six words, followed by a page number, recurring with page numbers that rise through
the document, at least three times, and at least a few hundred characters of text per
page apart. Once a header is found, every occurrence whose page number fits is removed,
and so is the bare title where a lost page number left it at the end of a line, right
after a sentence (``… sættes nu i gang. Budgetforlig 2018``), if its position fits the
pages. A line that is only the title (the document's own title) is never touched.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from ..config import Config
from ..edits import Edit, lines_with_offsets
from ._common import LINE_BREAKS, LINE_END, without_overlaps

KIND = "remove_running_headers"

# A page number: one to three digits after a space (checked apart: a look-behind makes
# the scan of every text three times slower), then a space or the end of the line.
_PAGE_NUMBER = re.compile(rf"[1-9]\d{{0,2}}(?=[ \t\u00a0{LINE_BREAKS}]|\Z)")
_BEFORE_PAGE_NUMBER = frozenset(" \u00a0")
_TOKEN = re.compile(r"\S+")
# A header that interrupts a sentence has a word (or a comma) before it, a lower-case word after.
_WORD_BEFORE = re.compile(r"[^\W_],? $")
_WORD_AFTER = re.compile(r"[ \t\u00a0]+[^\W\d_]*[a-zæøå]")
# Of a header's occurrences, this many at least must interrupt a sentence: a title and a
# rising number on lines of their own are as likely a series of headings.
_FEWEST_MID_SENTENCE = 2
# A title has two to six words ("Budgetforlig 2018", "Årsrapport for Herning Kommune").
_FEWEST_WORDS = 2
_MOST_WORDS = 6
_TITLE_END = 3  # characters of the shortest title ("A B")
# A title is looked for in this many characters before a page number.
_WINDOW = 120
_FEWEST_PAGES = 3
# The text of one page: a rising number closer than this is a list, not a page.
_SHORTEST_PAGE = 300
_LONGEST_PAGE = 20_000
# A bare title must sit within this share of a page of where the pages put a header.
_BARE_TOLERANCE = 0.35


class _Occurrence(NamedTuple):
    """The title at ``start``, its page number ending at `number_end`, on one line."""

    start: int
    number_end: int
    page: int
    line_start: int
    line_end: int  # the end of the line's content, its line break excluded
    break_end: int  # the end of the line break
    mid_sentence: bool  # a word before it and a lower-case word after it


class _Header(NamedTuple):
    title: str
    occurrences: list[_Occurrence]  # every one, in text order
    chain: list[_Occurrence]  # the longest run of them with rising pages
    page_length: float


def running_header_edits(text: str, config: Config) -> list[Edit]:
    """Edits that remove every running header of `text` (see the module docstring)."""
    if not config.remove_running_headers or len(text) < _SHORTEST_PAGE * (_FEWEST_PAGES - 1):
        return []
    edits: list[Edit] = []
    claimed: set[int] = set()
    for header in _headers(text):
        if claimed.intersection(o.number_end for o in header.chain):
            continue
        claimed.update(o.number_end for o in header.chain)
        edits.extend(_numbered_edits(text, header))
        edits.extend(_bare_edits(text, header))
    return without_overlaps(edits)


def _headers(text: str) -> list[_Header]:
    """Every title that recurs as a running header, most pages first, then longest."""
    headers = []
    for title, occurrences in _candidates(text).items():
        if len(occurrences) < _FEWEST_PAGES:
            continue
        chain = _rising_chain(occurrences)
        page_length = _page_length(chain)
        if page_length is not None:
            headers.append(_Header(title, occurrences, chain, page_length))
    headers.sort(key=lambda h: (-len(h.chain), -len(h.title), h.chain[0].start))
    return headers


def _candidates(text: str) -> dict[str, list[_Occurrence]]:
    """Each title that some page number follows, with where it does."""
    numbers = [
        number
        for number in _PAGE_NUMBER.finditer(text)
        if number.start() and text[number.start() - 1] in _BEFORE_PAGE_NUMBER
    ]
    numbers = _recurring_endings(text, numbers)
    if len(numbers) < _FEWEST_PAGES:
        return {}  # the quick way out for most texts
    lines = list(lines_with_offsets(text))
    starts = [start for start, _ in lines]
    found: dict[str, list[_Occurrence]] = defaultdict(list)
    for number in numbers:
        line_start, line = lines[bisect.bisect_right(starts, number.start()) - 1]
        content = line.rstrip(LINE_BREAKS)
        end = number.end() - line_start
        for start, title in _titles_before(content, number.start() - line_start - 1):
            found[title].append(
                _Occurrence(
                    line_start + start,
                    number.end(),
                    int(number.group()),
                    line_start,
                    line_start + len(content),
                    line_start + len(line),
                    _mid_sentence(content, start, end),
                )
            )
    return found


def _recurring_endings(text: str, numbers: list[re.Match[str]]) -> list[re.Match[str]]:
    """The page numbers whose title could recur: the same characters end it elsewhere.

    A title has at least three characters (two words and a space), all before the
    space before its number; a title seen before three numbers ends the same way
    before each. Most numbers of a text are dates and amounts, each after its own
    words, and are not read further.
    """
    endings = [text[max(0, n.start() - 1 - _TITLE_END) : n.start() - 1] for n in numbers]
    counts = Counter(endings)
    return [
        n for n, ending in zip(numbers, endings, strict=True) if counts[ending] >= _FEWEST_PAGES
    ]


def _titles_before(content: str, space: int) -> Iterator[tuple[int, str]]:
    """Each title that ends right before ``content[space]`` (the space before a page number)."""
    window_start = max(0, space - _WINDOW)
    tokens = list(_TOKEN.finditer(content, window_start, space))
    if tokens and tokens[0].start() == window_start and window_start > 0:
        tokens = tokens[1:]  # cut by the window: not a whole word
    if not tokens or tokens[-1].end() != space:
        return
    last = tokens[-1].group()
    if last[-1] in ".,:;!?" or not any(c.isalnum() for c in last):
        return
    for count in range(_FEWEST_WORDS, min(_MOST_WORDS, len(tokens)) + 1):
        first = tokens[-count]
        if first.group()[0].isupper():
            yield first.start(), content[first.start() : space]


def _mid_sentence(content: str, start: int, end: int) -> bool:
    """True if ``content[start:end]`` interrupts a sentence: ``… til`` X ``læge …``."""
    # The match ends at `start` and is at most four characters ("x, " and a line break):
    # searched from the start of the line, a line of many page numbers cost quadratic time.
    before = _WORD_BEFORE.search(content, max(0, start - 4), start)
    return bool(before) and bool(_WORD_AFTER.match(content, end))


def _rising_chain(occurrences: list[_Occurrence]) -> list[_Occurrence]:
    """The longest run of occurrences, in text order, whose page numbers strictly rise."""
    # Patience sorting: tails[k] ends the best chain of length k + 1 found so far.
    tails: list[int] = []
    previous: list[int | None] = [None] * len(occurrences)
    for index, occurrence in enumerate(occurrences):
        length = bisect.bisect_left(tails, occurrence.page, key=lambda i: occurrences[i].page)
        previous[index] = tails[length - 1] if length else None
        tails[length : length + 1] = [index]
    chain: list[_Occurrence] = []
    cursor = tails[-1] if tails else None
    while cursor is not None:
        chain.append(occurrences[cursor])
        cursor = previous[cursor]
    return chain[::-1]


def _page_length(chain: list[_Occurrence]) -> float | None:
    """Characters per page along `chain`, or None if the chain does not read as pages."""
    if len(chain) < _FEWEST_PAGES or sum(o.mid_sentence for o in chain) < _FEWEST_MID_SENTENCE:
        return None
    lengths = [
        (later.start - earlier.start) / (later.page - earlier.page)
        for earlier, later in itertools.pairwise(chain)
    ]
    if min(lengths) < _SHORTEST_PAGE or max(lengths) > _LONGEST_PAGE:
        return None
    return statistics.median(lengths)


def _expected_page(header: _Header, position: int) -> float:
    """The page a header at `position` would carry, counted from the nearest known one."""
    nearest = min(header.chain, key=lambda o: abs(o.start - position))
    return nearest.page + (position - nearest.start) / header.page_length


def _numbered_edits(text: str, header: _Header) -> Iterator[Edit]:
    """Remove each occurrence of the title and a page number that fits the pages."""
    for occurrence in header.occurrences:
        if abs(_expected_page(header, occurrence.start) - occurrence.page) > 1.0:
            continue
        start, end = _removal(text, occurrence)
        reason = (
            f"running header {header.title!r} with page number {occurrence.page}, "
            f"repeated on {len(header.chain)} pages"
        )
        yield Edit(start, end, text[start:end], "", KIND, 0.95, reason)


def _removal(text: str, occurrence: _Occurrence) -> tuple[int, int]:
    """The span to remove: the header and one space that joined it to the text."""
    before = text[occurrence.line_start : occurrence.start]
    after = text[occurrence.number_end : occurrence.line_end]
    if not before.strip() and not after.strip():
        return occurrence.line_start, occurrence.break_end  # a line of its own
    if not after.strip():
        return occurrence.start - 1, occurrence.number_end  # ends the line
    return occurrence.start, occurrence.number_end + 1


def _bare_edits(text: str, header: _Header) -> Iterator[Edit]:
    """Remove the title without its page number where it ends a line after a sentence."""
    pattern = re.compile(r"(?<=[.!?] )" + re.escape(header.title) + LINE_END)
    for match in pattern.finditer(text):
        expected = _expected_page(header, match.start())
        page = round(expected)
        if page < 2 or abs(expected - page) > _BARE_TOLERANCE:
            continue
        start, end = match.start() - 1, match.start() + len(header.title)
        reason = (
            f"running header {header.title!r} whose page number (about {page}) was lost; "
            f"the title recurs with page numbers on {len(header.chain)} pages"
        )
        yield Edit(start, end, text[start:end], "", KIND, 0.8, reason)
