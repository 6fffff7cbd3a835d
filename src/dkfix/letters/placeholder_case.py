"""Whether a word whose first letter was lost begins with a capital.

A placeholder hides the case of the letter it replaced: ``Åkonomien`` may be
``økonomien`` or ``Økonomien``. The place decides: the start of a sentence (not
after an ordinal, ``det 19. århundrede``, or an abbreviation, ``bl.a.``; after a
colon only when a quotation opens), the other half of a suspended compound
(``Sundheds- og Ældrechef``) and the article of a name (``Det Økonomiske og
Sociale Udvalg``). The lexicon decides for names (see `placeholder_readings.cased`).
"""

from __future__ import annotations

import re

from .placeholder_readings import is_readable, run_pattern

# Sentence punctuation; a colon is left out: after it Danish goes on in lower case
# more often than not ("afgørelser: ændret/ophævet").
_SENTENCE_END = ".!?"
# Looking back for the word before a "?", this many characters are enough.
_LONGEST_WORD = 40
# What may stand between the end of a sentence and the first word of the next.
_OPENERS = " \t#*•–-\"'(»«”“>|\u00a0"


def capital_expected(line: str, start: int, end: int, char: str) -> bool:
    """True if the word ``line[start:end]`` begins with a capital where its place says so."""
    return (
        starts_sentence(line, start, char)
        or _capital_by_partner(line, start, end)
        or _in_a_name(line, start, char)
    )


def starts_sentence(line: str, position: int, char: str) -> bool:
    """True if the word at `position` begins a sentence (or the line).

    Placeholders before it that stood for no letter (a bullet, a dash) are skipped;
    the full stop of an ordinal (``det 19.``) or a common abbreviation (``bl.a.``)
    ends no sentence. A ``?`` placeholder glued to a word is a question mark only if
    the word does not read with it as a letter (``p? ?ret`` is ``på året``).
    """
    before = line[:position].rstrip(_OPENERS)
    while before.endswith(char):
        if char.isascii() and len(before) > 1 and before[-2].isalpha():
            word = run_pattern(char).findall(before[-_LONGEST_WORD:])[-1]
            return not is_readable(word, char)
        before = before[:-1].rstrip(_OPENERS)
    if not before:
        return True
    if before[-1] == ":":  # a quotation after a colon begins a sentence: sige: "Åh!
        return bool(_QUOTE_AFTER_COLON.search(line, len(before) - 1, position))
    return before[-1] in _SENTENCE_END and not _NO_SENTENCE_END.search(before)


_QUOTE_AFTER_COLON = re.compile(r":\s*[\"“”»„]")


# "det 19. århundrede", "på 2. år", "bl.a. ændringsforslag": full stops of ordinals
# and of abbreviations that do not end sentences.
_NO_SENTENCE_END = re.compile(
    r"(?:(?<![\w.,])\d{1,3}|(?<![\w.])(?:bl\.a|f\.eks|ca|hr|jf|nr|dvs|evt|inkl|ekskl|stk"
    r"|pkt|kap|fx|vedr|pga|ift|mht|iht))\.$",
    re.IGNORECASE,
)


def _in_a_name(line: str, position: int, char: str) -> bool:
    """True after ``Den`` or ``Det`` with a capital inside a sentence: the article of a
    name (``Det Økonomiske og Sociale Udvalg``). Not ``De``, the polite "you"."""
    article = _ARTICLE_BEFORE.search(line, max(0, position - 4), position)
    return article is not None and not starts_sentence(line, article.start(), char)


_ARTICLE_BEFORE = re.compile(r"(?<![^\W\d_])De[nt] $")


def _capital_by_partner(line: str, start: int, end: int) -> bool:
    """True if the word is half of a suspended compound whose other half is a capital:
    ``Økonomi- og Erhvervsudvalget``, ``Sundheds- og Ældrechef``."""
    if line.startswith("- ", end):
        after = _PARTNER_AFTER.match(line, end)
        return after is not None and after.group(1)[0].isupper()
    if "- " not in line[max(0, start - _PARTNER_REACH) : start]:
        return False
    before = _PARTNER_BEFORE.search(line, max(0, start - _PARTNER_REACH), start)
    return before is not None and before.group(1)[0].isupper()


# How far back the first half of a suspended compound is looked for.
_PARTNER_REACH = 40
_PARTNER_AFTER = re.compile(r"- (?:og|eller|samt) (\w)")
_PARTNER_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_])[^\W\d_]*- (?:og|eller|samt) $")
