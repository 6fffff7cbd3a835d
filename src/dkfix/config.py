"""Which fixes run: one `Config` field per fix.

The name of a field is also the name of the fix and the `kind` of every `Edit`
it makes, so an explanation can be switched off by the name it carries
(`fix_text(text, fix_code_pages=False)`).

The defaults are conservative. Unlike ftfy, dkfix keeps curly quotes and line
breaks as they are: uncurling quotes destroys the very bytes that tell a DOS
code page misreading apart (``‘ndring`` is ``ændring`` read through cp865), and
clean text must never change.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal

Normalization = Literal["NFC", "NFKC", "NFD", "NFKD"]
NumberStyle = Literal["da", "plain"]

# The fixes dkfix delegates to ftfy, in the order ftfy runs them. Each name is
# the name of ftfy's own step, so dkfix and ftfy explanations use one vocabulary.
FTFY_FIXES: tuple[str, ...] = (
    "unescape_html",
    "remove_terminal_escapes",
    "fix_encoding",
    "restore_byte_a0",
    "replace_lossy_sequences",
    "decode_inconsistent_utf8",
    "fix_c1_controls",
    "fix_latin_ligatures",
    "fix_character_width",
    "uncurl_quotes",
    "fix_line_breaks",
    "fix_surrogates",
    "remove_control_chars",
)

# The repairs of text laid out wrongly by an extraction (PDF, HTML, Markdown), in the order
# they run, after the letters are repaired. Two are on by default, because they never
# change clean text (tests/test_layout.py checks that on the corpora and the seeds):
# remove_running_headers and join_hyphenated_words.
LAYOUT_FIXES: tuple[str, ...] = (
    "remove_markdown_artefacts",
    "remove_web_boilerplate",
    "remove_stray_nbsp",
    "remove_running_headers",
    "join_hyphenated_words",
    "join_split_words",
    "fix_acute_apostrophes",
    "normalize_bullets",
)

# The fixes dkfix adds for Danish, in the order they run after ftfy.
DANISH_FIXES: tuple[str, ...] = (
    "fix_residual_mojibake",
    "fix_code_pages",
    "restore_placeholders",
    "restore_folded_letters",
    *LAYOUT_FIXES,
    "normalize_numbers",
)

# The fixes that guess lost letters from the lexicon and context; their edits carry
# a confidence below 1, and `Config.low_confidence` decides what happens to the unsure ones.
LETTER_FIXES: tuple[str, ...] = ("restore_placeholders", "restore_folded_letters")

# Fields that tune the fixes rather than name one.
_SETTINGS = frozenset({"confidence_threshold", "low_confidence"})

LowConfidence = Literal["repair", "leave"]


@dataclass(frozen=True, kw_only=True)
class Config:
    """The fixes to apply. Every field is named after the fix (and edit kind) it controls.

    >>> Config().uncurl_quotes
    False
    >>> Config().replace(fix_code_pages=False).fix_code_pages
    False
    """

    # -- delegated to ftfy (see ftfy.TextFixerConfig for the details of each) --
    unescape_html: bool | Literal["auto"] = "auto"
    """Decode HTML entities such as ``&oslash;``; "auto" skips text that looks like HTML."""
    remove_terminal_escapes: bool = True
    """Remove ANSI terminal colour codes."""
    fix_encoding: bool = True
    """Undo mojibake that ftfy can prove: UTF-8 read as cp1252, latin-1, Mac Roman, …"""
    restore_byte_a0: bool = True
    """Let ftfy treat a space after a mojibake lead character as a lost non-breaking space."""
    replace_lossy_sequences: bool = True
    """Replace mojibake whose bytes were lost with U+FFFD instead of leaving it garbled."""
    decode_inconsistent_utf8: bool = True
    """Fix mojibake mixed into otherwise correct text."""
    fix_c1_controls: bool = True
    """Read stray C1 control characters as the cp1252 characters they stand for."""
    fix_latin_ligatures: bool = True
    """Split typographic ligatures (``ﬁ`` → ``fi``) left by PDF extraction."""
    fix_character_width: bool = True
    """Replace full-width Latin letters and digits with ordinary ones."""
    uncurl_quotes: bool = False
    """Straighten curly quotes. Off: it loses information (see module docstring)."""
    fix_line_breaks: bool = False
    """Convert CRLF and other line breaks to LF. Off: clean text must not change."""
    fix_surrogates: bool = True
    """Join UTF-16 surrogate pairs left in decoded text."""
    remove_control_chars: bool = True
    """Remove control characters that have no place in text."""
    normalization: Normalization | None = "NFC"
    """Unicode normal form of the result; NFC keeps Danish letters precomposed."""

    # -- dkfix's own fixes for Danish --
    fix_residual_mojibake: bool = True
    """Repair UTF-8 residue ftfy refuses for lack of signal (``Ã…rhus``, ``Ã¥r``)."""
    fix_code_pages: bool = True
    """Repair DOS (865/850/437) and Mac Roman code page misreadings, in both directions."""
    restore_placeholders: bool = True
    """Restore letters lost to one placeholder character (``fÅlger``, ``f?lger``)."""
    restore_folded_letters: bool = True
    """Restore æ, ø, å written with ASCII letters (``Kobenhavn``, ``paa``) in Danish text
    that has none; never in historical Danish, other languages, code or addresses."""

    # -- layout left by extraction (PDF, HTML, Markdown) --
    remove_running_headers: bool = True
    """Remove a page header or footer that recurs with its page number inside the running
    text (``… til Budgetforlig 2018 5 læge/sexolog …``); found by repetition, never a list."""
    remove_stray_nbsp: bool = False
    """Empty lines of nothing but no-break spaces and drop no-break spaces that end a
    line; the no-break spaces that stand for empty table cells are kept. Off: documents
    saved from web pages have them and are otherwise clean."""
    join_hyphenated_words: bool = True
    """Join a word hyphenated across a line break (``arbejds-`` / ``markedet``) when the
    lexicon knows the joined word; ``Midt-`` / ``og Vestjylland`` is left alone."""
    fix_acute_apostrophes: bool = False
    """Write an acute accent used as an apostrophe as one (``FN´s`` → ``FN's``). Off: it
    changes what the author typed, and clean documents have it."""
    normalize_bullets: bool = False
    """Write every list bullet (``•``, `` • ``, ``▪``, ``*``, ``-``) as ``- ``. Off: it
    changes clean lists."""
    remove_markdown_artefacts: bool = False
    """Remove Markdown escapes (``Bilag 1\\_Tidligere``), unpaired ``**`` and links to
    nowhere (``[tekst](#)`` → ``tekst``). Off: Markdown documents mean them."""
    remove_web_boilerplate: bool = False
    """Remove whole lines of web page furniture: ``Tilbage``, ``Comments (0)``, cookie
    banners, ``Annonce``. Off: a short line can be a heading."""
    join_split_words: bool = False
    """Join a word that extraction split in two (``arbejds gange``, ``skærmb brug``) when
    one half is no word and the lexicon knows the whole. Off: it can join a rare word."""

    normalize_numbers: NumberStyle | None = None
    """Write numbers consistently: "da" for Danish typography (``44,9%`` → ``44,9 %``,
    ``300 mio kr`` → ``300 mio. kr.``), "plain" for machine-readable forms
    (``26,8 millioner kroner`` → ``26800000 DKK``). Off: it changes clean text."""

    # -- settings for the letter restorations --
    confidence_threshold: float = 0.5
    """Letter restorations less sure than this (0 to 1) are unsure: see `low_confidence`."""
    low_confidence: LowConfidence = "repair"
    """What to do with an unsure letter restoration: "repair" makes it and lists it in
    `Fixed.flagged` for a person to check; "leave" keeps the damaged word as it was."""

    def __post_init__(self) -> None:
        self._check_types()
        if not 0.0 <= self.confidence_threshold <= 1.0:
            raise ValueError(
                f"confidence_threshold must be between 0 and 1, not {self.confidence_threshold!r}"
            )
        if self.normalize_numbers not in (None, "da", "plain"):
            raise ValueError(
                f"normalize_numbers must be None, 'da' or 'plain', not {self.normalize_numbers!r}"
            )
        if self.low_confidence not in ("repair", "leave"):
            raise ValueError(
                f"low_confidence must be 'repair' or 'leave', not {self.low_confidence!r}"
            )

    def _check_types(self) -> None:
        # A dataclass does not check its fields' types; without this, a threshold given
        # as "0.5" would fail deep inside a fix with a message that names neither.
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if isinstance(field.default, bool) and not isinstance(value, bool):
                raise TypeError(f"Config.{field.name} must be True or False, not {value!r}")
        threshold = self.confidence_threshold
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
            raise TypeError(f"Config.confidence_threshold must be a number, not {threshold!r}")
        if self.unescape_html not in (True, False, "auto"):
            raise TypeError(
                f"Config.unescape_html must be True, False or 'auto', not {self.unescape_html!r}"
            )
        if self.normalization not in (None, "NFC", "NFKC", "NFD", "NFKD"):
            raise ValueError(
                "normalization must be None, 'NFC', 'NFKC', 'NFD' or 'NFKD', "
                f"not {self.normalization!r}"
            )

    def replace(self, **changes: Any) -> Config:
        """Return a copy with `changes` applied; unknown names raise `TypeError`."""
        return with_overrides(self, changes)


def field_names() -> tuple[str, ...]:
    """The names of all fixes (= Config fields = edit kinds); settings are not fixes."""
    return tuple(f.name for f in dataclasses.fields(Config) if f.name not in _SETTINGS)


def setting_names() -> tuple[str, ...]:
    """The Config fields that tune fixes rather than switch one on or off."""
    return tuple(f.name for f in dataclasses.fields(Config) if f.name in _SETTINGS)


def with_overrides(config: Config | None, overrides: dict[str, Any]) -> Config:
    """Resolve the ``config`` and ``**overrides`` arguments of the public functions."""
    if config is None:
        config = _DEFAULT
    elif not isinstance(config, Config):
        raise TypeError(
            f"config must be a dkfix.Config or None, not {type(config).__name__}; "
            "pass single options as keyword arguments, e.g. fix_text(text, uncurl_quotes=True)"
        )
    if not overrides:
        return config
    names = [f.name for f in dataclasses.fields(Config)]
    unknown = sorted(set(overrides) - set(names))
    if unknown:
        raise TypeError(
            f"unknown dkfix option(s): {', '.join(unknown)}; "
            f"the options are the fields of dkfix.Config: {', '.join(names)}"
        )
    return dataclasses.replace(config, **overrides)


# Config is frozen, so one default instance serves every call that passes none
# (building and checking a Config costs as much as fixing a short clean line).
_DEFAULT = Config()
