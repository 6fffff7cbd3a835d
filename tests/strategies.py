"""Hypothesis strategies for dkfix's tests: clean Danish, damaged Danish, and any text at all.

Clean Danish is built from the sentences and words of the bundled municipal
documents in ``fixtures/seeds/``; damaged Danish is that text put through the
misreadings dkfix repairs (`MISREADINGS`), the whole of it or a part. Any test
module can import these (``from strategies import clean_danish_text``). `lexicon_text`
adds sentences of everyday words from the bundled word list, and `any_damage` puts
clean Danish through every damage of `dkfix.damage` (presets, misreadings, partial
placeholders and folding, damage in some paragraphs only).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")
from hypothesis import strategies as st

from dkfix import lexicon
from dkfix.damage import DAMAGES, FOLDING_SCHEMES, fold, in_paragraphs, placeholder
from dkfix.danish import WORD_RE
from dkfix.ftfy_fixes import SAFE_TEXT_CHARS

SEEDS_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
SEED_FILES = sorted(SEEDS_DIR.glob("*.txt"))

# Real software shows cp1252's five undefined bytes as latin-1's C1 controls, as
# ftfy's "sloppy" codec does; plain "cp1252" would refuse to decode them.
CP1252 = "sloppy-windows-1252"

# Each misreading: the (encoded as, decoded as) steps that turn clean text into damaged text.
MISREADINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "UTF-8 read as cp1252": (("utf-8", CP1252),),
    "UTF-8 read as latin-1": (("utf-8", "latin-1"),),
    "UTF-8 read as cp1252 twice": (("utf-8", CP1252), ("utf-8", CP1252)),
    "UTF-8 read as Mac Roman": (("utf-8", "mac_roman"),),
    "UTF-8 read as cp850": (("utf-8", "cp850"),),
    "cp865 read as cp1252": (("cp865", CP1252),),
    "cp850 read as cp1252": (("cp850", CP1252),),
    "cp865 read as latin-1": (("cp865", "latin-1"),),
    "cp865 read as cp866": (("cp865", "cp866"),),
    "cp1252 read as cp865": (("cp1252", "cp865"),),
    "cp1252 read as cp850": (("cp1252", "cp850"),),
    "cp1252 read as cp437": (("cp1252", "cp437"),),
    "Mac Roman read as cp1252": (("mac_roman", CP1252),),
    "cp1252 read as Mac Roman": (("cp1252", "mac_roman"),),
}

# Lines of the seeds that were damaged before they reached us: a PDF extraction
# drew ø, æ and empty table cells as Å ("DirektÅren", "Å X Å Å"). Not clean text.
_DAMAGED_SEED_LINE = re.compile(r"[^\W\d_]Å|\bÅ\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

# Characters that drive dkfix and ftfy down their less common paths.
TRICKY_CHARACTERS = (
    "\x00\x07\x1b\t\r\n\x0b\x0c\x1c\x85\u2028\u2029\ufeff\u200b\ufffd"
    "\x80\x81\x8d\x8f\x90\x91\x92\x9b\x9d\xa0"
    "ÃÂâ€œ¦¸¥…†‡‘’“”‹›¯¿®¾ŒœÅ√∏•≈∆ÊÿÕ├┼╞╪ЫЖСТЭП°µσ"
    "æøåÆØÅéüö&#;<>"
)


def misread(text: str, misreading: str) -> str | None:
    """`text` after `misreading`, or None where the text cannot be written that way."""
    try:
        for encoding, decoding in MISREADINGS[misreading]:
            text = text.encode(encoding).decode(decoding)
    except UnicodeError:
        return None
    return text


@functools.cache
def seed_sentences() -> tuple[str, ...]:
    """The sentences of the seed documents that are clean text."""
    sentences: list[str] = []
    for path in SEED_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if _DAMAGED_SEED_LINE.search(line):
                continue
            sentences.extend(s for s in _SENTENCE_END.split(line.strip()) if s)
    return tuple(dict.fromkeys(sentences))


@functools.cache
def seed_words() -> tuple[str, ...]:
    return tuple(dict.fromkeys(WORD_RE.findall(" ".join(seed_sentences()))))


@functools.cache
def fast_path_alphabet() -> str:
    """ASCII, tab and line breaks, and the non-ASCII characters the fast path trusts."""
    return "\t\n\r" + "".join(chr(c) for c in range(0x20, 0x7F)) + SAFE_TEXT_CHARS


_joiners = st.sampled_from([" ", "\n", "\n\n", "\r\n", "\t"])


@st.composite
def clean_danish_text(draw: st.DrawFn) -> str:
    """Seed sentences, or seed words, joined as text is: spaces, line breaks, tabs."""
    if draw(st.booleans()):
        parts = draw(st.lists(st.sampled_from(seed_sentences()), min_size=1, max_size=6))
    else:
        parts = draw(st.lists(st.sampled_from(seed_words()), min_size=1, max_size=12))
    joiner = draw(_joiners)
    return joiner.join(parts)


@st.composite
def damaged_sentence(
    draw: st.DrawFn, misreadings: tuple[str, ...] = tuple(MISREADINGS)
) -> tuple[str, str, str]:
    """(clean, damaged, misreading) for one seed sentence that the misreading changes."""
    name = draw(st.sampled_from(misreadings))
    candidates = [s for s in seed_sentences() if misread(s, name) not in (None, s)]
    clean = draw(st.sampled_from(candidates))
    damaged = misread(clean, name)
    assert damaged is not None
    return clean, damaged, name


@st.composite
def damaged_danish_text(draw: st.DrawFn) -> str:
    """Clean Danish of which some sentences, maybe all, went through one misreading."""
    name = draw(st.sampled_from(tuple(MISREADINGS)))
    sentences = draw(st.lists(st.sampled_from(seed_sentences()), min_size=1, max_size=5))
    damage = draw(st.lists(st.booleans(), min_size=len(sentences), max_size=len(sentences)))
    parts = [
        (misread(sentence, name) or sentence) if hit else sentence
        for sentence, hit in zip(sentences, damage, strict=True)
    ]
    return draw(_joiners).join(parts)


def arbitrary_text(max_size: int = 80) -> st.SearchStrategy[str]:
    """Any str at all, lone surrogates and control characters included."""
    characters = st.one_of(
        st.characters(),
        st.characters(categories=["Cs"]),  # lone surrogates, which st.characters() leaves out
        st.sampled_from(TRICKY_CHARACTERS),
    )
    return st.text(characters, max_size=max_size)


def fast_path_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Text made only of the characters the ftfy fast path considers safe."""
    alphabet = fast_path_alphabet()
    non_ascii = "".join(c for c in alphabet if not c.isascii())
    characters = st.one_of(st.sampled_from(alphabet), st.sampled_from(non_ascii))
    return st.text(characters, max_size=max_size)


_LOWER_DANISH_WORD = re.compile(r"[a-zæøå]+")
PLACEHOLDERS = ("Å", "?", "\ufffd")
_MEDIAL = re.compile(r"[a-z][æøå]")


def _has_one_restoration(word: str, char: str) -> bool:
    """True if `word` is the only Danish word its placeholder-damaged form can stand for."""
    damaged = placeholder(word, char)
    if lexicon.is_word(damaged):
        return False
    positions = [i for i, c in enumerate(damaged) if c == char]
    readings = []
    for letters in itertools.product("æøå", repeat=len(positions)):
        chars = list(damaged)
        for position, letter in zip(positions, letters, strict=True):
            chars[position] = letter
        reading = "".join(chars)
        if lexicon.is_word(reading) or lexicon.is_compound(reading):
            readings.append(reading)
    return readings == [word]


@functools.cache
def restorable_words(char: str) -> tuple[str, ...]:
    """Lower-case seed words with æ, ø or å that a `char` placeholder leaves one reading of."""
    words = [w for w in seed_words() if _LOWER_DANISH_WORD.fullmatch(w) and not w.isascii()]
    return tuple(w for w in words if _has_one_restoration(w, char))


@functools.cache
def ascii_words() -> tuple[str, ...]:
    return tuple(w for w in seed_words() if w.isascii() and w.isalpha() and w.islower())


@st.composite
def placeholder_damaged_sentence(draw: st.DrawFn) -> tuple[str, str, str]:
    """(clean, damaged, placeholder): a sentence of seed words, every æøå lost to one character.

    Each damaged word has exactly one restoration, so the repair must give back the original.
    """
    char = draw(st.sampled_from(PLACEHOLDERS))
    danish = st.sampled_from(restorable_words(char))
    # Two words with the placeholder after a small letter ("fÅlger") prove the damage; a
    # capital Å opening a word is a real letter as often as not.
    medial = st.sampled_from([w for w in restorable_words(char) if _MEDIAL.search(w)])
    words = draw(st.lists(st.one_of(danish, st.sampled_from(ascii_words())), max_size=10))
    words += draw(st.lists(medial, min_size=2, max_size=4))
    words = draw(st.permutations(words))
    clean = "Derfor " + " ".join(words) + "."
    return clean, placeholder(clean, char), char


# -- a lexicon word list, and every damage dkfix.damage simulates ---------------------

# Words at least this frequent (Zipf) are everyday Danish, the kind of text a corpus holds.
_EVERYDAY_ZIPF = 3.0
_PUNCTUATION = st.sampled_from(["", "", "", ",", ".", ":", "?", "!"])


@functools.cache
def lexicon_words() -> tuple[str, ...]:
    """Everyday Danish words of the bundled frequency list that the dictionary has, in its case."""
    words = []
    for word, zipf in lexicon.frequent_words():
        if zipf < _EVERYDAY_ZIPF:
            break  # most frequent first
        if word.isalpha() and lexicon.is_word(word):
            words.append(word if lexicon.has_form(word) else word.capitalize())
    return tuple(words)


@st.composite
def lexicon_text(draw: st.DrawFn) -> str:
    """Sentences of everyday lexicon words: capitalised, punctuated, with the odd number."""
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        words = draw(st.lists(st.sampled_from(lexicon_words()), min_size=1, max_size=12))
        words = [w + draw(_PUNCTUATION) for w in words]
        if draw(st.booleans()):
            words.insert(draw(st.integers(0, len(words))), str(draw(st.integers(0, 99999))))
        sentence = " ".join(words)
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
    return draw(_joiners).join(sentences)


def danish_text() -> st.SearchStrategy[str]:
    """Clean Danish: seed sentences and words, or sentences of lexicon words."""
    return st.one_of(clean_danish_text(), lexicon_text())


def _named_damages() -> dict[str, Callable[[str], str]]:
    """Every damage the simulator knows, by name: presets, misreadings, partial damage."""
    damages: dict[str, Callable[[str], str]] = dict(DAMAGES)
    for name in MISREADINGS:
        damages[name] = functools.partial(_misread_or_keep, misreading=name)
    for char in PLACEHOLDERS:
        damages[f"placeholder-{char!r}-half"] = functools.partial(placeholder, char=char, rate=0.5)
    for scheme in FOLDING_SCHEMES:
        damages[f"fold-{scheme}-half"] = functools.partial(fold, scheme=scheme, rate=0.5)
        damages[f"fold-{scheme}-all"] = functools.partial(fold, scheme=scheme, fold_all=True)
    return damages


def _misread_or_keep(text: str, misreading: str) -> str:
    damaged = misread(text, misreading)
    return text if damaged is None else damaged


NAMED_DAMAGES = _named_damages()


@st.composite
def any_damage(draw: st.DrawFn) -> tuple[str, str, str]:
    """(damage name, clean, damaged): Danish put through any damage, in all or some paragraphs."""
    name = draw(st.sampled_from(sorted(NAMED_DAMAGES)))
    damage = NAMED_DAMAGES[name]
    clean = draw(danish_text())
    if draw(st.booleans()):
        every = draw(st.integers(1, 3))
        damaged = in_paragraphs(clean, damage, every=every, offset=draw(st.integers(0, 2)))
        name = f"{name} in every {every}. paragraph"
    else:
        damaged = damage(clean)
    return name, clean, damaged
