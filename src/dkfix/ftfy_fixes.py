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

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence

import ftfy
from ftfy import chardata, fixes
from ftfy.badness import is_bad

from .config import FTFY_FIXES, Config, Normalization
from .danish import DANISH_LETTERS
from .edits import (
    Edit,
    apply_edits,
    compose,
    diff_edits,
    lines_with_offsets,
    respelled_word_edits,
)
from .mojibake import code_page_edits

# Non-ASCII characters of clean Danish text: Latin-1 letters and common typography.
SAFE_TEXT_CHARS = (
    "\u00a0£§°«»½¼¾´·×"
    "ÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÖØÙÚÛÜÝäåæçèéêëìíîïñòóôöøùúûüý"
    "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u20ac"
)
_QUOTES = "\u2018\u2019\u201a\u201c\u201d\u201e"
# ftfy's HTML entity pattern (chardata.HTML_ENTITY_RE) after its "&".
_ENTITY_AFTER_AMPERSAND = r"#?[0-9A-Za-z]{1,24};"


@functools.cache
def _needs_ftfy(
    uncurl_quotes: bool,
    fix_line_breaks: bool,
    normalization: Normalization | None,
    passed: str = "",
) -> re.Pattern[str]:
    """Matches wherever ftfy, with these options, might change the text.

    Mojibake of UTF-8 is always at least two non-ASCII characters side by side
    (a lead byte and a continuation byte, and no legacy code page decodes those
    bytes as ASCII), whatever code page ftfy tries. So a line whose non-ASCII
    characters are all safe, and never adjacent, holds nothing ftfy decodes; the
    other ftfy fixes act on characters outside the safe set (controls,
    ligatures, full-width forms, combining marks, entities). Characters in `passed`
    never match (see `_only_replacement_characters`).
    """
    safe = SAFE_TEXT_CHARS
    if uncurl_quotes:
        safe = "".join(c for c in safe if c not in _QUOTES)
    if normalization is not None:
        safe = "".join(c for c in safe if unicodedata.normalize(normalization, c) == c)
    breaks = "\t\n" if fix_line_breaks else "\t\n\r"
    unsafe = f"[^{breaks}\x20-\x7e{safe}{passed}]"
    # One alternation of the three cases would be tried at every position; a leading
    # class (every character but plain ASCII, "&" included) lets the regex engine skip
    # through ASCII in C, and the lookbehinds then sort out which case it is.
    lead = f"[^{breaks}\x20-\x25\x27-\x7e{passed}]"
    return re.compile(
        f"{lead}(?:(?<={unsafe})|(?<=[{safe}])[{safe}]|(?<=&){_ENTITY_AFTER_AMPERSAND})"
    )


def needs_ftfy(config: Config) -> re.Pattern[str]:
    """The fast-path pattern for `config`: where it does not match, ftfy changes nothing."""
    return _needs_ftfy(config.uncurl_quotes, config.fix_line_breaks, config.normalization)


NEEDS_FTFY = needs_ftfy(Config())
"""The fast-path pattern for the default options."""

_ENCODING_OPERATIONS = frozenset({"encode", "decode", "transcode"})
_DECODING_KINDS = frozenset({"fix_encoding", "decode_inconsistent_utf8"})
_LETTERS_RE = re.compile(r"[^\W\d_]+")
# Below this share of non-Latin letters, a line is Latin text with a stray letter.
_FOREIGN_LINE_SHARE = 0.2
_NORDIC_LETTERS = frozenset(DANISH_LETTERS + "ÄÖÜäöü")


def ftfy_edits(text: str, config: Config) -> list[Edit]:
    """Edits for everything ftfy would fix in `text`, line by line as ftfy itself works."""
    pattern = needs_ftfy(config)
    if pattern.search(text) is None:
        return []
    ftfy_config = _ftfy_config(config, html_document="<" in text)
    edits: list[Edit] = []
    for offset, line in lines_with_offsets(text):
        if pattern.search(line) is not None and not _only_replacement_characters(line, config):
            edits.extend(_line_edits(line, ftfy_config, config, offset))
    return edits


def _only_replacement_characters(line: str, config: Config) -> bool:
    """True if all that sends `line` to ftfy is U+FFFD, which ftfy then leaves alone.

    Placeholder damage by U+FFFD (``G\ufffdr p\ufffd``) puts one in every other word.
    No ftfy fix changes U+FFFD itself, and none but the decoding of mojibake reads
    the characters around it; ftfy decodes only a line its badness heuristic flags.
    """
    if "\ufffd" not in line:
        return False
    besides = _needs_ftfy(
        config.uncurl_quotes, config.fix_line_breaks, config.normalization, "\ufffd"
    )
    return besides.search(line) is None and not is_bad(line)


def _ftfy_config(config: Config, html_document: bool) -> ftfy.TextFixerConfig:
    options = {name: getattr(config, name) for name in FTFY_FIXES}
    if html_document and options["unescape_html"] == "auto":
        # Like ftfy: in a document that looks like HTML, entities are markup.
        options["unescape_html"] = False
    return ftfy.TextFixerConfig(normalization=config.normalization, explain=True, **options)


def _line_edits(
    line: str, ftfy_config: ftfy.TextFixerConfig, config: Config, offset: int = 0
) -> list[Edit]:
    """The edits of `line`, which starts at `offset` in the text."""
    plain = utf8_misreading(line, config)
    if plain is not None:
        return _misreading_edits(line, offset, *plain)
    edits = _ftfy_line_edits(line, ftfy_config, config)
    return [edit.shifted(offset) for edit in edits] if offset else edits


def _ftfy_line_edits(line: str, ftfy_config: ftfy.TextFixerConfig, config: Config) -> list[Edit]:
    fixed, steps = ftfy.fix_and_explain(line, ftfy_config)
    if fixed == line or not steps:
        return []
    edits: list[Edit] = []
    current = line
    for index, (kind, plan) in enumerate(_units(steps)):
        if index > 0 and code_page_edits(current, config):
            # A layer of UTF-8 mojibake is off and a code-page misreading lies under it
            # ("pÃ‚ torsdag" → "pÂ torsdag", cp1252 read as Mac Roman). ftfy would go on
            # and read "Â " as a no-break space; stop, and let the code-page fix run.
            break
        after = _replay(current, plan)
        step_edits = diff_edits(current, after, kind, 1.0, _reason(kind, plan))
        if kind in _DECODING_KINDS:
            kept = [edit for edit in step_edits if not _stray_script(edit, after)]
            if len(kept) < len(step_edits):
                step_edits, after = kept, apply_edits(current, kept)
        edits = compose(line, current, edits, step_edits)
        current = after
    return edits


def utf8_misreading(line: str, config: Config) -> tuple[str, str] | None:
    """`line` as ftfy fixes it, and the code page it was read through, when all ftfy
    does to it is decode it once more as UTF-8; None when only ftfy can tell.

    UTF-8 read as cp1252 or latin-1 (``KÃ¸benhavn``) is the common mojibake, and
    asking ftfy line by line costs more than the rest of dkfix together. This takes
    the first branch of ftfy's ``fix_encoding`` step by step with ftfy's own tests
    (badness, possible encodings, altered and lossy UTF-8), and requires of the
    result what `needs_ftfy` requires of clean text: that ftfy would leave it alone.
    Anything else (a lost no-break space, a second layer of mojibake, controls,
    entities, other code pages) goes to ftfy itself.
    """
    if not config.fix_encoding or line.isascii() or not is_bad(line):
        return None
    encoding = next((e for e in _PLAIN_ENCODINGS if chardata.possible_encoding(line, e)), None)
    if encoding is None:
        return None
    data = line.encode(encoding)
    if chardata.ALTERED_UTF8_RE.search(data) or 0xED in data or 0xC0 in data:
        return None
    if encoding != "latin-1" and fixes.replace_lossy_sequences(data) != data:
        return None
    try:
        fixed = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if needs_ftfy(config).search(fixed) else (fixed, encoding)


# ftfy tries latin-1 first, then sloppy cp1252 (see ftfy.chardata.CHARMAP_ENCODINGS).
_PLAIN_ENCODINGS = ("latin-1", "sloppy-windows-1252")


def _misreading_edits(line: str, offset: int, fixed: str, encoding: str) -> list[Edit]:
    """The edits of ftfy's one-step repair of `line` into `fixed` (see `utf8_misreading`)."""
    reason = _plain_reason(encoding)
    edits = respelled_word_edits(line, fixed, "fix_encoding", reason=reason, offset=offset)
    return [edit for edit in edits if not _stray_script(edit, fixed)]


@functools.cache
def _plain_reason(encoding: str) -> str:
    return _reason("fix_encoding", [("encode", encoding), ("decode", "utf-8")])


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
    if pending:  # a transcode with no decode after it: a byte-level fix on its own
        names = {argument for operation, argument in pending if operation == "transcode"}
        yield (names.pop() if len(names) == 1 else "fix_encoding"), pending


def _stray_script(edit: Edit, line: str) -> bool:
    """True for an ftfy decoding that drops one letter of another script into Latin text.

    ftfy reads ``4×Ø12`` (rebar notation) as the UTF-8 of Hebrew ``ר`` and ``”Ü`` as
    Mac Roman mojibake of ``ӆ``. Only decodings that consume a Nordic or German
    letter are questioned, since those are the letters Danish text has. Real
    mojibake of Hebrew, Arabic or Russian decodes to words of that script, in lines
    mostly of that script; a single foreign letter in a Latin line is a false
    positive, and dkfix keeps the original.
    """
    if _NORDIC_LETTERS.isdisjoint(edit.original):
        return False  # asked first: it is cheap, and most decodings stop here
    foreign = [c for c in edit.replacement if c.isalpha() and not _is_latin(c)]
    if not foreign:
        return False
    words = _LETTERS_RE.findall(edit.replacement)
    lone = any(sum(not _is_latin(c) for c in word) == 1 for word in words)
    letters = [c for c in line if c.isalpha()]
    foreign_share = sum(not _is_latin(c) for c in letters) / len(letters)
    return lone and (len(letters) == len(foreign) or foreign_share < _FOREIGN_LINE_SHARE)


def _is_latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


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
