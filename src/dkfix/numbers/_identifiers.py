"""Numbers that are names, never quantities: codes, paragraphs, phone and page numbers.

* labelled numbers: ``§ 41``, ``§§ 87, 88``, ``§ 3, stk. 2``, ``Punkt 96``, ``nr. 877``,
  ``stednr. 301064``, ``side 14``, ``Tlf.: 96282642``;
* codes: case and journal numbers (``00.15.01-A21-1-18``), room codes (``C3.40``),
  digits in words (``CO2``), leading zeros (``02``), digit strings babel's strict
  Danish grouping refuses (``10.45`` without "kl."), slashed pairs (``24/7``);
* page numbers: at the end of a table-of-contents line, and after a running header
  (``Budgetforlig 2018 5 læge/sexolog``, where 5 is the page);
* list markers: ``1. Flere tilbud``, ``325. Decentral Borgerservice``.

>>> from ._tokens import Tokens
>>> t = Tokens("jf. SEL §§ 83 og 86.")
>>> found = read_label(t, t.texts.index("§"))
>>> t.span_text(found.first, found.last)
'§§ 83 og 86'
"""

from __future__ import annotations

from collections import Counter

from ._found import Found
from ._lexical import (
    BULLETS,
    DASHES,
    FRACTIONS,
    LABELS,
    LABELS_NEEDING_DOT,
    PARAGRAPH_SIGN,
    PERCENT_WORDS,
    PHONE_LABELS,
    SCALES,
    UNITS,
    currency_of,
)
from ._parse import MAX_CHUNK, digits_value
from ._tokens import DIGITS, MARK, NONE, SPACE, WORD, Tokens

_MAX_PHONE_GROUPS = 4
_PAGE_DIGITS = 3  # a page number has at most three digits
_TOC_LEADER = 3  # "....." before a page number: at least three dots
_HEADER_REPEATS = 3  # a running header comes back on every page


def identifier(first: int, last: int) -> Found:
    return Found(first=first, last=last, kind="identifier")


# -- labelled numbers -----------------------------------------------------------------


def read_label(t: Tokens, i: int) -> Found | None:
    """A label and its numbers: ``§§ 32, 32a, 36, 39-40``, ``stk. 2``, ``pgr.104``."""
    end = _label_end(t, i)
    if end == NONE:
        return None
    if t.lower(i) in PHONE_LABELS:
        return _phone(t, i, end)
    j = t.next(end)
    if t.kind(j) != DIGITS:
        return None
    last = _code_end(t, _item_list(t, j))  # "Sagsnr.: 00.15.01-A21-1-18"
    # "§ 3, stk. 2", "§17 stk. 4": the subsection belongs to the paragraph.
    k = t.next(last)
    if t.is_mark(k, ","):
        k = t.next(k)
    if t.lower(k) == "stk" and t.kind(k) == WORD:
        sub = t.next(_label_end(t, k))
        if t.kind(sub) == DIGITS:
            last = _item_list(t, sub)
    return identifier(i, last)


def _label_end(t: Tokens, i: int) -> int:
    """The last token of the label at `i` ("§§", "stk.", "Tlf.:"), or NONE."""
    if t.is_mark(i, PARAGRAPH_SIGN):
        end = t.tight(i)
        return end if t.is_mark(end, PARAGRAPH_SIGN) else i
    word = t.lower(i)
    if t.kind(i) != WORD or (word not in LABELS and word not in PHONE_LABELS):
        return NONE
    end = t.dotted(i)
    if word in LABELS_NEEDING_DOT and end == i:
        return NONE
    colon = t.tight(end)
    return colon if t.is_mark(colon, ":") else end


def _item_list(t: Tokens, j: int) -> int:
    """The last token of a list of numbered items from `j`: ``32, 32a, 36, 39-40``."""
    last = _item(t, j)
    while True:
        k = t.next(last)
        if not (t.is_mark(k, ",") or t.is_mark(k, DASHES) or t.lower(k) == "og"):
            return last
        nxt = t.next(k)
        if t.kind(nxt) != DIGITS or not _is_page(t.texts[nxt]):
            return last  # items after the first are short: "§ 41 og 2021-12-14" is two
        last = _item(t, nxt)


def _item(t: Tokens, j: int) -> int:
    """One item: digits, maybe a letter (``32a``)."""
    letter = t.tight(j)
    if t.kind(letter) == WORD and len(t.texts[letter]) == 1:
        return letter
    return j


def _phone(t: Tokens, label: int, end: int) -> Found | None:
    """``Tlf.: 96282642``, ``Mobil: +45 40 22 32 28``: digit groups after a phone label."""
    j = t.next(end)
    if t.is_mark(j, "+"):
        j = t.tight(j)
    if t.kind(j) != DIGITS:
        return None
    last = j
    for _ in range(_MAX_PHONE_GROUPS):
        k = t.next(last)
        if t.kind(k) != DIGITS or not t.texts[k].isdigit():
            break
        last = k
    return identifier(label, last)


def _unlabelled_phone(t: Tokens, i: int) -> Found | None:
    """``96 28 26 42``, ``+45 96 28 26 42``: four groups of two digits are a Danish phone
    number, label or not; five or more such groups are a list of numbers."""
    plus = t.tight_before(i)
    country = t.is_mark(plus, "+") and t.texts[i] == "45"
    first = t.next(i) if country else i
    if not country and _is_pair(t, t.previous(i)):
        return None
    last = first
    for group in range(_MAX_PHONE_GROUPS):
        if not _is_pair(t, last):
            return None
        if group < _MAX_PHONE_GROUPS - 1:
            last = t.next(last)
    if t.kind(t.next(last)) == DIGITS:
        return None  # "10 20 30 40 50": a list of numbers
    return identifier(plus if country else i, last)


def _is_pair(t: Tokens, i: int) -> bool:
    return t.kind(i) == DIGITS and len(t.texts[i]) == 2 and t.texts[i].isdigit()


# -- codes ----------------------------------------------------------------------------


def read_code(t: Tokens, i: int) -> Found | None:
    """A digit chunk that is part of a code or phone number, with the rest of it, or None."""
    return _unlabelled_phone(t, i) or _code(t, i)


def _code(t: Tokens, i: int) -> Found | None:
    chunk = t.texts[i]
    before = t.tight_before(i)
    if t.kind(before) == WORD:  # "CO2", "C3.40", "A21"
        return identifier(before, _code_end(t, i))
    if t.is_mark(before, "/@#_\\") and t.kind(t.tight_before(before)) in (WORD, DIGITS):
        return identifier(i, _code_end(t, i))  # "Ungmod/24-7", an address
    unreadable = len(chunk) > MAX_CHUNK or (":" not in chunk and digits_value(chunk) is None)
    # "00.15.01-A21-1-18", "3.5", "10.45" without "kl.", "02"; but "44.9 %" is the plain
    # style's percent (see _quantity.py).
    if unreadable and not _point_decimal_unit(t, i):
        return identifier(i, _code_end(t, i))
    after = t.tight(i)
    if t.kind(after) == WORD and not _reads_after_digits(t.lower(after)):
        return identifier(i, _code_end(t, i))  # "32a", "3D"
    if t.is_mark(after, "/"):
        return _slashed(t, i, after)
    return None


def _point_decimal_unit(t: Tokens, i: int) -> bool:
    after = t.next(i)
    return t.is_mark(after, "%") or t.lower(after) == "dkk"


def _reads_after_digits(word: str) -> bool:
    """True for words that may follow digits with no space: ``300mio``, ``12kr``, ``2½``."""
    return (
        word in SCALES
        or word in UNITS
        or word in PERCENT_WORDS
        or word in FRACTIONS
        or currency_of(word) is not None
    )


def _slashed(t: Tokens, i: int, slash: int) -> Found | None:
    """``24/7`` is a name; ``2024/2025`` is a school year, read as a range elsewhere."""
    right = t.tight(slash)
    if t.kind(right) != DIGITS:
        return None
    left_text, right_text = t.texts[i], t.texts[right]
    if len(left_text) == len(right_text) == 4 and left_text.isdigit() and right_text.isdigit():
        return None
    return identifier(i, _code_end(t, i))


def _code_end(t: Tokens, last: int) -> int:
    """Extend a code over what is joined to it without a space: ``-A21-1-18``, ``.40``.

    After a hyphen only digits and code-like letters (``A21``, ``P``) belong to the code;
    a word is a compound ("CO2-udslip").
    """
    while True:
        k = t.tight(last)
        if t.kind(k) in (WORD, DIGITS):
            last = k
        elif t.kind(k) == MARK and t.texts[k] in "-./" and _continues_code(t, t.tight(k)):
            last = t.tight(k)
        else:
            return last


def _continues_code(t: Tokens, k: int) -> bool:
    if t.kind(k) == DIGITS:
        return True
    return t.kind(k) == WORD and (t.texts[k].isupper() or t.kind(t.tight(k)) == DIGITS)


# -- names the layout gives: page numbers and list markers ----------------------------


def layout_names(t: Tokens) -> dict[int, int]:
    """Numbers that the layout makes names: page numbers and list markers.

    Returns the first and last token of each: ``3`` closing a table-of-contents line,
    ``5`` after a running header, ``1.`` opening a numbered line.
    """
    lines = _lines(t)
    names = {page: page for page in _toc_pages(t, lines) | _header_pages(t)}
    names.update(_list_markers(t, lines))
    return names


def _list_markers(t: Tokens, lines: list[tuple[int, int]]) -> dict[int, int]:
    """``1. Flere tilbud``, ``325. Decentral Borgerservice``, `` 1. sundhed``.

    A number and a dot open the line. Before a capital it is a marker; before a small
    letter only if a neighbouring line is numbered too (a list), for a line may also
    open with an ordinal ("17. århundrede – 18. århundrede").
    """
    opening = [_numbered_line(t, first, last) for first, last in lines]
    markers = {}
    for n, (number, capital) in enumerate(opening):
        if number == NONE:
            continue
        listed = (n > 0 and opening[n - 1][0] != NONE) or (
            n + 1 < len(opening) and opening[n + 1][0] != NONE
        )
        if capital or listed:
            markers[number] = number + 1
    return markers


def _numbered_line(t: Tokens, first: int, last: int) -> tuple[int, bool]:
    """(the number opening the line or NONE, whether a capital follows its dot)."""
    i = first
    while (
        i < last and t.kinds[i] in (MARK, SPACE) and (t.kinds[i] == SPACE or t.texts[i] in BULLETS)
    ):
        i += 1
    dot = t.tight(i)
    if t.kinds[i] != DIGITS or not _is_page(t.texts[i]) or not t.is_mark(dot, "."):
        return NONE, False
    word = t.next(dot)
    if word == NONE or word == dot + 1 or t.kind(word) != WORD:
        return NONE, False
    return i, t.texts[word][:1].isupper()


def _lines(t: Tokens) -> list[tuple[int, int]]:
    """(first, last) token of each line with content."""
    lines = []
    first = NONE
    for i, kind in enumerate(t.kinds):
        if kind == SPACE and ("\n" in t.texts[i] or "\r" in t.texts[i]):
            if first != NONE:
                lines.append((first, _last_content(t, i - 1)))
            first = NONE
        elif first == NONE and kind != SPACE:
            first = i
    if first != NONE:
        lines.append((first, _last_content(t, len(t) - 1)))
    return lines


def _last_content(t: Tokens, i: int) -> int:
    return i - 1 if t.kinds[i] == SPACE else i


def _toc_pages(t: Tokens, lines: list[tuple[int, int]]) -> set[int]:
    """Page numbers closing table-of-contents lines: ``Punkt om …….....	3``.

    A line ends in a page number if dot leaders stand before it, or if a tab does and a
    neighbouring line has leaders (one entry of the table may lack them). Checked from the
    end of each line, without a regular expression, so long runs of dots stay linear.
    """
    leader = [False] * len(lines)
    tabbed = [False] * len(lines)
    for n, (first, last) in enumerate(lines):
        if last <= first or t.kinds[last] != DIGITS or not _is_page(t.texts[last]):
            continue
        before = last - 1
        if t.kinds[before] == SPACE:
            tabbed[n] = "\t" in t.texts[before]
            before -= 1
        dots = 0
        while before >= first and t.is_mark(before, ".…") and dots < _TOC_LEADER:
            dots += 3 if t.texts[before] == "…" else 1
            before -= 1
        leader[n] = dots >= _TOC_LEADER
    pages = set()
    for n, (_, last) in enumerate(lines):
        near = (n > 0 and leader[n - 1]) or (n + 1 < len(lines) and leader[n + 1])
        if leader[n] or (tabbed[n] and near):
            pages.add(last)
    return pages


def _is_page(token: str) -> bool:
    return token.isdigit() and len(token) <= _PAGE_DIGITS and token[0] != "0"


def _header_pages(t: Tokens) -> set[int]:
    """Page numbers after a running header: ``… Budgetforlig 2018 5 læge/sexolog …``.

    A header is a capitalised word and a year that come back at least three times; a
    small number straight after it, before a lower-case word, is the page it was on.
    """
    headers: Counter[tuple[str, str]] = Counter()
    candidates = []
    for i, kind in enumerate(t.kinds):
        if kind != WORD or not t.texts[i][:1].isupper() or len(t.texts[i]) < _TOC_LEADER:
            continue
        year = t.next(i)
        if t.kind(year) != DIGITS or len(t.texts[year]) != 4 or not t.texts[year].isdigit():
            continue
        key = (t.texts[i], t.texts[year])
        headers[key] += 1
        page = t.next(year)
        if t.kind(page) == DIGITS and _is_page(t.texts[page]):
            after = t.next(page)
            if t.kind(after) == WORD and t.texts[after][:1].islower():
                candidates.append((key, page))
    return {page for key, page in candidates if headers[key] >= _HEADER_REPEATS}
