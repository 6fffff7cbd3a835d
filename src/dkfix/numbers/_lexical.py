"""The Danish words around numbers: number words, scales, units, qualifiers, labels.

Every table is keyed by the lower-cased word as the tokenizer gives it (letters only:
the dot of an abbreviation is a token of its own, see `ABBREVIATIONS`).
"""

from __future__ import annotations

import re
from decimal import Decimal

# -- spelled numbers ---------------------------------------------------------------

# The words text2num reads as Danish numbers. text2num values a span; dkfix has to find
# the span first, so it needs the words themselves. "en" and "et" are also articles and
# count only inside a longer number ("en million", "et hundrede").
NUMBER_WORDS = frozenset(
    {
        "nul", "en", "et", "én", "ét", "to", "tre", "fire", "fem", "seks", "syv", "otte",
        "ni", "ti", "elleve", "tolv", "tretten", "fjorten", "femten", "seksten", "sytten",
        "atten", "nitten", "tyve", "tredive", "fyrre", "fyrretyve", "halvtreds", "tres",
        "halvfjerds", "firs", "halvfems", "hundrede", "tusind", "tusinde",
        "million", "millioner", "milliard", "milliarder",
    }
)  # fmt: skip
ARTICLES = frozenset({"en", "et"})
# Units and tens joined by "og" in one word: "femogtyve", "syvoghalvfems".
_COMPOUND_NUMBER = re.compile(
    r"(?:en|et|to|tre|fire|fem|seks|syv|otte|ni)og"
    r"(?:tyve|tredive|fyrre|fyrretyve|halvtreds|tres|halvfjerds|firs|halvfems)"
)
# Words after which "og" continues a number: "hundrede og tyve", "tusind og fem".
JOINS_WITH_OG = frozenset({"hundrede", "tusind", "tusinde"})
# Scale words inside a spelled number; a spelled number must not start with the plural.
SPELLED_SCALES = frozenset({"million", "millioner", "milliard", "milliarder"})
HALF = "halv"
ONE_AND_A_HALF = "halvanden"
# Vulgar fractions written straight after digits ("2½ år").
FRACTIONS: dict[str, Decimal] = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75")}


def is_number_word(word: str) -> bool:
    """True for a Danish cardinal number word (``fem``, ``femogtyve``, ``millioner``)."""
    return word in NUMBER_WORDS or _COMPOUND_NUMBER.fullmatch(word) is not None


# Function words that tell Danish from English around a spelled number: "to" and "fire"
# are Danish numbers but English words ("assistant to organize").
DANISH_FUNCTION_WORDS = frozenset(
    {
        "og", "i", "at", "er", "det", "den", "de", "på", "til", "af", "med", "som", "har",
        "ikke", "kan", "vil", "skal", "der", "om", "fra", "blev", "var", "eller", "men",
        "også", "efter", "sig", "når", "hvor",
    }
)  # fmt: skip
ENGLISH_FUNCTION_WORDS = frozenset(
    {
        "the", "you", "is", "are", "of", "and", "to", "a", "an", "with", "your", "this",
        "it", "will", "be", "as", "by", "that", "from", "was", "were", "have", "has", "not",
        "can", "at", "on",
    }
)  # fmt: skip

# -- scales, currencies, percent, units ---------------------------------------------------

# Scale words after a number and what they multiply it by.
SCALES: dict[str, Decimal] = {
    "tusind": Decimal(1000),
    "tusinde": Decimal(1000),
    "mio": Decimal(10**6),
    "mill": Decimal(10**6),
    "million": Decimal(10**6),
    "millioner": Decimal(10**6),
    "mia": Decimal(10**9),
    "mrd": Decimal(10**9),
    "milliard": Decimal(10**9),
    "milliarder": Decimal(10**9),
}

# Currency words and the ISO code dkfix reports. Compounds ending in "kroner"
# ("driftskroner", "anlægskroner") are Danish kroner too, see `currency_of`.
CURRENCIES: dict[str, str] = {
    "kr": "DKK",
    "kroner": "DKK",
    "krone": "DKK",
    "dkk": "DKK",
    "euro": "EUR",
    "eur": "EUR",
    "€": "EUR",
}


def currency_of(word: str) -> str | None:
    """The ISO code for a currency word (``kr``, ``kroner``, ``driftskroner``), else None."""
    code = CURRENCIES.get(word)
    if code is None and word.endswith("kroner") and len(word) > len("kroner"):
        code = "DKK"
    return code


PERCENT_WORDS = frozenset({"procent", "pct"})
PERCENT_SIGN = "%"

# Units of measure after a number; the unit reported is the word as written.
UNITS = frozenset(
    {
        "år", "års", "måned", "måneder", "måneders", "md", "mdr", "uge", "uger", "ugers",
        "dag", "dage", "dages", "døgn", "time", "timer", "timers", "minut", "minutter",
        "min", "sekund", "sekunder", "sek", "km", "m", "cm", "mm", "m²", "m³", "km²",
        "meter", "centimeter", "millimeter", "kilometer", "kvadratmeter", "kubikmeter",
        "kvadratkilometer", "kg", "g", "gram", "kilo", "kilogram", "ton", "tons", "liter",
        "l", "ha", "hektar", "kwh", "mwh", "gwh", "kw", "mw", "grader", "procentpoint",
        "stk",
    }
)  # fmt: skip
# The year units, which make "2,9 år" an age in years and months (see _scan.py).
YEAR_UNITS = frozenset({"år", "års"})

# Abbreviations that end in a dot in Danish typography; the "da" style adds a missing one.
ABBREVIATIONS = frozenset(
    {"kr", "mio", "mia", "mill", "mrd", "pct", "ca", "md", "mdr", "stk", "min", "sek"}
)

# -- qualifiers (approximators) ---------------------------------------------------------

# Each qualifier, as a tuple of lower-case tokens ("ca", "." is two), and its normal form.
QUALIFIERS: dict[tuple[str, ...], str] = {
    ("cirka",): "cirka",
    ("circa",): "cirka",
    ("ca", "."): "cirka",
    ("ca",): "cirka",
    ("omkring",): "cirka",
    ("omtrent",): "cirka",
    ("knap",): "knap",
    ("knapt",): "knap",
    ("næsten",): "knap",
    ("godt",): "godt",
    ("over",): "over",
    ("mere", "end"): "over",
    ("flere", "end"): "over",
    ("under",): "under",
    ("mindre", "end"): "under",
    ("færre", "end"): "under",
    ("mindst",): "mindst",
    ("min", "."): "mindst",
    ("minimum",): "mindst",
    ("højest",): "højest",
    ("højst",): "højest",
    ("maks", "."): "højest",
    ("max", "."): "højest",
    ("maksimalt",): "højest",
    ("maksimum",): "højest",
    ("op", "til"): "op til",
    ("op", "mod"): "op mod",
}
QUALIFIERS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _normal in QUALIFIERS.items():
    QUALIFIERS_BY_FIRST.setdefault(_words[0], []).append((_words, _normal))

# -- dates and times ----------------------------------------------------------------

MONTHS: dict[str, int] = {
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
# Month abbreviations, which need their dot ("13. aug. 2025").
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = frozenset({"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"})
# "Onsdag d. 13. august", "onsdag den 13. august".
DATE_ARTICLES = frozenset({"d", "den"})
CLOCK = "kl"

# -- identifiers -----------------------------------------------------------------------

# Words whose number is a name, not a quantity: "§ 41", "stk. 2", "Punkt 96", "side 14".
LABELS = frozenset(
    {
        "punkt", "pkt", "stk", "nr", "nummer", "stednr", "sagsnr", "journalnr", "jnr",
        "tabel", "bilag", "side", "s", "uge", "serviceområde", "figur", "fig", "kapitel",
        "kap", "afsnit", "lokale", "agenda", "version", "pgr", "paragraf", "cvr", "cpr",
        "postnr", "kontonr", "regnr", "sagsnummer", "note", "artikel", "ændringsforslag",
    }
)  # fmt: skip
# Labels that are abbreviations: only with their dot ("s. 14", not "s 14").
LABELS_NEEDING_DOT = frozenset({"s", "pkt", "fig", "kap", "jnr"})
PARAGRAPH_SIGN = "§"
# Phone labels: the digits after them are one number in groups ("Tlf.: 96 28 26 42").
PHONE_LABELS = frozenset({"tlf", "telefon", "telefonnr", "mobil", "mobilnr", "fax"})

# Characters that open a list item before its number ("• 1. Flere tilbud").
BULLETS = frozenset("•·*-–▪◦‣")
DASHES = frozenset("-–—‒")
MINUS_SIGNS = frozenset("-−")
