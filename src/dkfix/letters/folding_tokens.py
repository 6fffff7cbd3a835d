"""The words of a folded text, and the ones the folding repair must never touch.

Words are maximal runs of letters, as the bigram model was counted. A word is
*fixed* (context for its neighbours, never changed) when it belongs to something
that is no prose: a URL, an e-mail address, a file name or path, a code identifier
(``rapport_okonomi.pdf``, ``getOkonomi``, ``www.kobenhavn.dk``), a word glued to
digits (``B52``), or an official name that keeps its ``aa`` (``Aarhus``, see
`dkfix.danish.AA_NAMES`).
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ..danish import AA_NAMES

_LETTERS = re.compile(r"[^\W\d_]+")
# Markup tags (<b>, </p>, <a href="...">): their letters are no words, the text between is.
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
# A character that may make its whitespace-separated token no prose: searched for on
# its own, then widened to the token (a pattern for whole tokens is several times slower).
_TRIGGER = re.compile(r"[@_\\{}<>=$#`|~^/\[]|\w\(|\.\w|:/")
_WHITESPACE = re.compile(r"\s")
_AFTER_ANY_END = 1 << 62
_CODE_SYMBOLS = re.compile(r"[{}\[\];=<>&$`^~\\]")  # not "|": Markdown tables use it
_MIN_CODE_SYMBOLS = 3
_CODE_SHARE = 0.02
# Digits and underscores: letters against them are part of a code (B52, x_1).
_DIGITS = re.compile(r"[\d_]+")
# Tokens that are addresses, paths, file names or code rather than words.
_PROTECTED = re.compile(
    r"""
    ://|^www\.|@\w                        # URLs and e-mail addresses
    | [_\\{}<>=$#`|~^]                    # identifiers, paths, markup, code
    | \w\.(?:[a-z0-9]{1,5}|[A-Z0-9]{2,5})(?:\W*$|[/?#])  # file names, domains: rapport.pdf
    | /.*/ | ^/\w | \w/\w*\.\w             # paths
    | [a-zæøå][A-ZÆØÅ]                    # camelCase
    | \w[\[(]                            # calls and indexes: beregn(x), paa[i]
    """,
    re.VERBOSE,
)
_AA_NAMES_ANY_CASE = AA_NAMES | frozenset(name.upper() for name in AA_NAMES)


class Word(NamedTuple):
    """A run of letters at `start`:`end` of its text; `fixed` words are context only.

    A named tuple rather than a dataclass: a text has many words, and tuples are
    made several times faster.
    """

    start: int
    end: int
    text: str
    fixed: bool


def looks_like_code(text: str, start: int, end: int) -> bool:
    """Braces, brackets, operators and semicolons, more than prose ever has."""
    symbols = len(_CODE_SYMBOLS.findall(text, start, end))
    if symbols and text.find("<", start, end) != -1:  # markup is no code: count without it
        symbols = len(_CODE_SYMBOLS.findall(_TAG.sub("", text[start:end])))
    return symbols >= _MIN_CODE_SYMBOLS and symbols >= _CODE_SHARE * (end - start)


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of ``text[start:end]``, with offsets into `text`."""
    end = len(text) if end is None else end
    has_tags = text.find("<", start, end) != -1
    tags = [tag.span() for tag in _TAG.finditer(text, start, end)] if has_tags else []
    protected = _merged(tags + _protected_tokens(text, start, end, bool(tags)))
    glued = _glued(text, start, end)
    result = []
    for run in _LETTERS.finditer(text, start, end):
        word = run.group()
        run_start, run_end = run.span()
        fixed = (
            word in _AA_NAMES_ANY_CASE
            # mixed case: code or a brand (getOkonomi, iPhone)
            or not (word.islower() or word[1:].islower() or word.isupper())
            or (glued and (run_start - 1 in glued or run_end in glued))
            or (protected and _inside(run_start, protected))
        )
        result.append(Word(run_start, run_end, word, bool(fixed)))
    return result


def _protected_tokens(text: str, start: int, end: int, tags: bool) -> list[tuple[int, int]]:
    """The spans of the tokens that are addresses, paths, file names or code."""
    found: list[tuple[int, int]] = []
    for trigger in _TRIGGER.finditer(text, start, end):
        if found and trigger.start() < found[-1][1]:
            continue  # inside a token already found
        token_start = trigger.start()
        while token_start > start and not text[token_start - 1].isspace():
            token_start -= 1
        space = _WHITESPACE.search(text, trigger.end(), end)
        token_end = space.start() if space else end
        token = text[token_start:token_end]
        if _PROTECTED.search(_TAG.sub(" ", token) if tags else token):
            found.append((token_start, token_end))
    return found


def _glued(text: str, start: int, end: int) -> set[int]:
    """Positions of the digits and underscores that touch a letter."""
    glued = set()
    for digits in _DIGITS.finditer(text, start, end):
        first, last = digits.span()
        if first > 0 and text[first - 1].isalpha():
            glued.add(first)
        if last < len(text) and text[last].isalpha():
            glued.add(last - 1)
    return glued


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlaps joined, so that a search finds the one around a point."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(spans, (position, _AFTER_ANY_END)) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def is_aa_name(word: str) -> bool:
    """An official name that keeps its ``aa`` (``Aarhus``, ``AALBORG``)."""
    return word in _AA_NAMES_ANY_CASE
