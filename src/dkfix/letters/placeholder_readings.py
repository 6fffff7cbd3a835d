"""The words a damaged word can be, with its placeholders read as letters.

A word is handled as a *pattern*: lower-cased, its placeholders left as they are
(``bÅrne``). Readings are lower-cased words, each with a penalty (log10) that the
bigram search weighs against the context:

* Danish words of the lexicon (``børne``), free; before a hyphen that ends a
  suspended compound (``BÅrne- og``), a shape that begins compounds gets a bonus;
* words of the frequency list that hunspell lacks (``økofin``, ``samarbejdsråd``);
* compounds of known parts (``serviceområde``, ``anbringelses|området``);
* ``é`` for a placeholder (``idé``, ``én``, ``dét``), dearer than æ, ø and å;
* only for a word nothing else reads: foreign letters (``München``), two words
  with a short second part (``speditør|vej``), and as a last resort a guess of
  the likeliest letter before the next one, so that no placeholder is left.

`is_proven` tells the strict readings that detection trusts as evidence of damage.
Readings depend only on the pattern, so they are cached: damaged text repeats its
words (``pÅ``, ``Åre``) and the same pattern is read once.
"""

from __future__ import annotations

import functools
import itertools
import re

from .. import lexicon

_DANISH = "æøå"
# é stands in Danish words (idé, café, én, ét, dét), and ü, ö, ä, è in names and
# loans the lexicon has (München, Schlüter); only in words with few placeholders,
# as they multiply the readings to search.
_FOREIGN = "æøåéüöäè"
# Letters of names only, for words nothing else reads (Jönsson, Zárate, Citroën).
_NAME_LETTERS = "æøåéüöäèëáíóúñàâ"
_FOREIGN_ONLY = frozenset("üöäèëáíóúñàâ")
_LETTERS_BY_COUNT = {1: _FOREIGN, 2: "æøåé"}
_MAX_FOREIGN_PLACEHOLDERS = 2
# Compounds the model does not know are told apart by their best split into known
# words (see _split_score): parts of at least two letters; a part's Zipf value is
# worth this fraction of a part; a unit of score is worth this much penalty (log10).
_SHORTEST_PART = 2
_PART_ZIPF_WEIGHT = 0.1
_SPLIT_WEIGHT = 0.5
_NO_SPLIT = float("-inf")
# At most this many placeholders in one word are expanded (3**6 readings): a word
# with more (a redaction bar, lone surrogates glued to a word) has no readings, as
# writing them all out costs three times as much for each further placeholder.
MAX_PLACEHOLDERS = 6
# No known word is longer than this (the lexicon's longest has 39 letters): a part
# of a split that is longer cannot be known, so it is not looked up. This keeps the
# cost of a split test bounded on a run of letters of any length.
_LONGEST_PART = 60
# lexicon.is_compound joins at most four parts of at most 29 letters; a longer reading
# is not looked up, as its search tries every cut and slices the word at each.
_LONGEST_COMPOUND = 4 * _LONGEST_PART

COMPOUND_PENALTY = 1.5
_TWO_WORD_PENALTY = 2.0
_FREQUENT_PENALTY = 1.0
_ACCENT_PENALTY = 1.0
_FOREIGN_PENALTY = 2.5
_SHORT_PART_PENALTY = 3.0
_GUESS_PENALTY = 4.0

Reading = tuple[str, float]


@functools.cache
def run_pattern(char: str) -> re.Pattern[str]:
    """Runs of letters and placeholders: the tokens the bigram model counts."""
    return re.compile(rf"(?:[^\W\d_]|{re.escape(char)})+")


def is_readable(word: str, char: str) -> bool:
    """True if `word`, with its placeholders, has readings (see `readings`)."""
    return bool(readings(pattern_of(word, char), char))


def pattern_of(word: str, char: str) -> str:
    """`word` lower-cased, its placeholders kept (``Å`` would otherwise become ``å``)."""
    if char.lower() == char:
        return word.lower()
    return "".join(c if c == char else c.lower() for c in word)


def is_proven(pattern: str, char: str) -> bool:
    """True if æ, ø and å read `pattern` as a word or a compound the lexicon vouches for."""
    if any(penalty == 0.0 for _, penalty in readings(pattern, char)):
        return True  # a lexicon word with æ, ø or å: é and foreign letters cost more
    return _is_proven_compound(pattern, char)


@functools.lru_cache(maxsize=1 << 14)
def _is_proven_compound(pattern: str, char: str) -> bool:
    return any(
        len(reading) > 6 and _is_compound(reading) for reading in candidates(pattern, char, _DANISH)
    )


@functools.lru_cache(maxsize=1 << 16)
def readings(pattern: str, char: str, compound_part: bool = False) -> tuple[Reading, ...]:
    """The readings of `pattern` with their penalties (none of the last resorts).

    Compounds are read only where no word is: beside a word they never win, and
    testing them is the slowest part. `compound_part`: the word ends a suspended
    compound (``BÅrne- og``), so shapes that begin compounds (``børne``) are preferred.
    """
    count = pattern.count(char)
    if not count or count > MAX_PLACEHOLDERS or pattern == char:
        return ()
    letters = _LETTERS_BY_COUNT.get(count, _DANISH)
    found = []
    for reading in candidates(pattern, char, letters):
        penalty = _word_penalty(reading, compound_part)
        if penalty is not None:
            found.append((reading, penalty))
    if found:
        return tuple(found)
    # A known name with a foreign letter (Wallström) competes with the compounds,
    # which the model does not know (wall|strøm).
    names = _foreign_names(pattern, char)
    options = [reading for reading in candidates(pattern, char, _DANISH) if len(reading) > 6]
    # The lexicon's own compound rule is strict; the looser two-word split comes second.
    compounds = [reading for reading in options if _lexicon_compound(reading)]
    if compounds:
        return _ranked(compounds, COMPOUND_PENALTY) + names
    two_words = [reading for reading in options if _two_words(reading)]
    return _ranked(two_words, _TWO_WORD_PENALTY) + names


def _foreign_names(pattern: str, char: str, most: int = 1) -> tuple[Reading, ...]:
    """Readings with a letter of names only (ö, ü, á, ...) that the frequency list knows,
    for words with at most `most` placeholders (each multiplies the readings by 17)."""
    if pattern.count(char) > most:
        return ()
    return tuple(
        (reading, _FOREIGN_PENALTY)
        for reading in candidates(pattern, char, _NAME_LETTERS)
        if lexicon.word_zipf(reading) > 0 and not _FOREIGN_ONLY.isdisjoint(reading)
    )


def candidates(pattern: str, char: str, letters: str) -> list[str]:
    """`pattern` with its placeholders replaced by `letters` in every combination;
    none for a word of more than `MAX_PLACEHOLDERS` placeholders (see there)."""
    pieces = pattern.split(char)
    if len(pieces) - 1 > MAX_PLACEHOLDERS:
        return []
    if len(pieces) == 2:  # one placeholder, the commonest case
        return [pieces[0] + letter + pieces[1] for letter in letters]
    return [
        "".join(itertools.chain.from_iterable(zip(pieces, (*combination, ""), strict=True)))
        for combination in itertools.product(letters, repeat=len(pieces) - 1)
    ]


def _word_penalty(reading: str, compound_part: bool) -> float | None:
    """The penalty of a reading that is a word (or begins compounds); None if it is not."""
    if compound_part and lexicon.is_compound_part(reading):
        return -COMPOUND_PENALTY
    foreign = not _FOREIGN_ONLY.isdisjoint(reading)
    accent = _ACCENT_PENALTY if "é" in reading else 0.0
    if lexicon.is_word(reading):
        return (_FOREIGN_PENALTY if foreign else 0.0) + accent
    if not foreign and lexicon.word_zipf(reading) > 0:
        return _FREQUENT_PENALTY + accent
    return None


def _ranked(options: list[str], penalty: float) -> tuple[Reading, ...]:
    """`options`, compounds the model does not know and so cannot tell apart, ranked
    by their best split into known words: the best gets `penalty`."""
    if len(options) < 2:
        return tuple((reading, penalty) for reading in options)
    scores = [_split_score(reading) for reading in options]
    best = max(scores)
    return tuple(
        (reading, penalty + _SPLIT_WEIGHT * (best - score))
        for reading, score in zip(options, scores, strict=True)
    )


def _split_score(reading: str) -> float:
    """The score of the best split of `reading` into known words, a linking -s- or -e-
    allowed between them: each part costs 1 and gains a little for its Zipf value,
    so fewer parts win, and of as many parts the commoner ones (``døgn|støtte`` over
    ``døgns|tætte``, ``fiskeri|ministermøde`` over ``fiskeri|minister|måde``)."""
    size = len(reading)
    best = [_NO_SPLIT] * (size + 1)
    best[0] = 0.0
    for end in range(_SHORTEST_PART, size + 1):
        for start in range(end - _SHORTEST_PART + 1):
            before = best[start]
            if start and before == _NO_SPLIT and reading[start - 1] in "se":
                before = best[start - 1]  # a linking letter after the part before
            if before == _NO_SPLIT:
                continue
            part = reading[start:end]
            if _known(part):
                score = before - 1.0 + _PART_ZIPF_WEIGHT * lexicon.word_zipf(part)
                best[end] = max(best[end], score)
    return best[size]


def _known(word: str) -> bool:
    return lexicon.word_zipf(word) > 0 or lexicon.is_word(word)


@functools.lru_cache(maxsize=1 << 14)
def last_resort_readings(pattern: str, char: str) -> tuple[Reading, ...]:
    """Readings for a word `readings` cannot read: foreign letters, a short last part, a guess."""
    count = pattern.count(char)
    if not count or count > MAX_PLACEHOLDERS:
        return ()
    foreign = _foreign_names(pattern, char, most=_MAX_FOREIGN_PLACEHOLDERS)
    if foreign:
        return foreign
    short = [reading for reading in candidates(pattern, char, _DANISH) if _two_words(reading, 2)]
    if short:
        return _ranked(short, _SHORT_PART_PENALTY)
    guess = _guess(pattern, char)
    return ((guess, _GUESS_PENALTY),) if guess else ()


def _guess(pattern: str, char: str) -> str | None:
    """Each placeholder as the letter most often seen before the letter after it."""
    if not any(c.isalpha() and c != char for c in pattern):
        return None
    letters = list(pattern)
    for index, letter in enumerate(letters):
        if letter == char:
            after = pattern[index + 1 : index + 2]
            letters[index] = _GUESS_BEFORE.get(after, "ø")
    return "".join(letters)


# Which of æ, ø and å most word types of the frequency list have before a letter
# (or at the end, ""); ø elsewhere. A weak guess, only for words nothing else reads.
_GUESS_BEFORE = dict.fromkeys("cfgiklnprst", "æ") | dict.fromkeys(("", "e", "h"), "å")


def _is_compound(reading: str) -> bool:
    return _lexicon_compound(reading) or _two_words(reading)


def _lexicon_compound(reading: str) -> bool:
    return len(reading) <= _LONGEST_COMPOUND and lexicon.is_compound(reading)


def _two_words(reading: str, shortest_right: int = 4) -> bool:
    """A looser compound test than `lexicon.is_compound`, safe here because only the
    placeholder positions vary: two known words, with a linking -s- or -e- allowed
    (``anbringelses|området``, ``additionalitets|spørgsmålet``)."""
    size = len(reading)
    # Only cuts that leave both parts short enough to be words (a linking letter
    # aside): on a long run of letters the others would each slice and look up in vain.
    first = max(3, size - _LONGEST_PART)
    for cut in range(first, min(size - shortest_right, _LONGEST_PART + 1) + 1):
        left, right = reading[:cut], reading[cut:]
        if _known(right) and (_known(left) or (left[-1] in "se" and _known(left[:-1]))):
            return True
    return False


def cased(reading: str, word: str, char: str, sentence_start: bool) -> str:
    """Give `reading` the case of the damaged `word`: all caps, capitalised, or as written.

    A placeholder that begins the word hides its case: it is a capital at the start
    of a sentence and in a name the lexicon only has capitalised (``Østrup``).
    """
    letters = [c for c in word if c != char]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return reading.upper()
    result = [
        r.upper() if w.isupper() and w != char else r for r, w in zip(reading, word, strict=True)
    ]
    if word[0] == char and (sentence_start or _capitalised_only(reading)):
        result[0] = result[0].upper()
    return "".join(result)


def abbreviation_reading(pattern: str, char: str) -> str:
    """`pattern` read as an abbreviation (``Åke`` in ``DIR BSK ÅKE BYR``): a first
    placeholder is the letter that most Danish text (by word frequency) begins with
    before the next letter, ``øk`` as in ``økonomi``; later ones are guessed."""
    after = pattern[1:2]
    first = _initial_letters().get(after, "ø") if pattern[0] == char else pattern[0]
    return _guess(first + pattern[1:], char) or first + pattern[1:]


@functools.cache
def _initial_letters() -> dict[str, str]:
    """For each second letter, which of æ, ø, å begins the most running words before it."""
    weights: dict[str, dict[str, float]] = {}
    for word, zipf in lexicon.frequent_words():
        if word[0] in _DANISH and len(word) > 1:
            letters = weights.setdefault(word[1], {})
            letters[word[0]] = letters.get(word[0], 0.0) + 10**zipf
    return {after: max(letters, key=letters.__getitem__) for after, letters in weights.items()}


def is_name(reading: str) -> bool:
    """True if the lexicon has `reading` only capitalised: a name (``Østrup``, ``Åke``)."""
    return _capitalised_only(reading)


@functools.lru_cache(maxsize=1 << 14)
def _capitalised_only(reading: str) -> bool:
    # lexicon.is_word accepts "østrup" for "Østrup"; the case needs the forms themselves.
    return not lexicon.has_form(reading) and lexicon.has_form(reading.capitalize())
