"""Is this ASCII text Danish? A vote of function words, for the folding repair.

Folded Danish has no æ, ø or å, so the letters cannot tell it from Norwegian, Swedish,
English or code with Danish names in it; its function words can. Norwegian bokmål
shares most of them with Danish, so the vote counts the words each language spells its
own way (Danish ``af``,
``blev``, ``efter``, ``noget``, ``mig``; Norwegian ``av``, ``ble``, ``etter``, ``noe``,
``meg``), and the folded spellings of both (``paa``, ``pa``, ``naar``).

A general language identifier was not used: the ones on PyPI bring models of tens of
megabytes, and they are not trained on folded text, which is the case that matters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..damage import FOLDING_SCHEMES, fold


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _with_foldings(words: str) -> frozenset[str]:
    """`words` as written and in every folding scheme (Swedish ä and ö fold as æ and ø)."""
    found = set()
    for word in words.split():
        danish_letters = word.replace("ä", "æ").replace("ö", "ø")
        found.add(word)
        found.update(fold(danish_letters, scheme) for scheme in FOLDING_SCHEMES)
    return frozenset(found)


# Function words of Danish, also in their folded spellings (shared with Norwegian).
_DANISH = _with_foldings(
    """
    og i at det der en den de er til som med har for ikke var kan skal vil men om fra
    han hun vi jeg du et eller ved denne dette disse blev bliver havde kunne skulle ville
    af efter noget meget hvad mig dig sig ud op mellem end nogle gik fik siger os jo
    hvor hvis hvordan kun selv mod alle andre over under uden på så når også være
    været få må
    """
)

# Words Danish spells its own way: a Norwegian or Swedish text rarely has them.
_DANISH_OWN = _with_foldings(
    """
    af efter noget meget hvad havde mellem nogle gik fik siger ud op blev bliver sådan
    hende hendes anden andet kvinder måske tænke læse hjælp spørgsmål igen uden
    """
)

# Words of the neighbours, each spelt so that Danish never writes it: the most
# frequent words of each language that Danish does not have, folded or not (words
# whose folding is a folded Danish word are left out: Swedish "är" is Danish "år"
# folded o/a/a).
_FOREIGN = {
    "norwegian": _with_foldings(
        """
        av ble etter noe mye hva hadde meg deg seg ut opp enn noen fikk sier ikkje eg ein
        eit dei kva berre ho frå sånn bli blir gjør gjøre igjen uten dere kanskje blitt
        veldig trenger gjennom alltid tilbake blant fått tatt takk lenge bruke feil viktig
        skjer bruker fortsatt menn kvinner annen kjent ditt gjerne penger kjøpe greit
        betyr dager gjelder uansett hjelp håper kjenner tillegg kveld høyre riktig
        skjønner hennes lett spesielt spørsmål begynner gått hjelpe tenke tenker lenger
        lese utenfor møte nettopp veien forskjellige
        """
    ),
    "swedish": _with_foldings(
        """
        och att inte jag hon ett till från hade hur mycket vara varit bara upp
        göra detta också allt någon andra något två varför utan själv några
        nog tycker bättre denna inget innan samma verkligen sätt vilket annat
        känner mellan riktigt varje dessa precis sitt väldigt ändå kunna människor redan
        inom ditt olika ganska honom tillbaka vem runt deras fortfarande flera lika saker
        känns alltså pengar faktiskt längre gillar menar därför kvar kvinnor
        börjar tidigare fråga hoppas hitta verkar blivit istället gärna nästan låter
        nästa vilka världen hemma ofta sluta ännu börja försöker namn kolla sista vissa
        emot ihop visst senare tillsammans köpa största dagar hennes lätt okej säkert
        annars handlar läsa spelar gamla nära skolan dessutom egentligen exempel senaste
        tänka veta visar vänner båda trots använda började fyra jobbar skriva tyvärr
        ifrån lägga pratar trodde endast själva timmar
        """
    ),
    "english": _word_set(
        """
        the and of is that with this was you it which would on from
        not or but they their there what when will were been has an can
        """
    ),
    "german": _word_set(
        """
        und die das ist nicht ich sie von auf eine zu sich wir auch nur noch wie wenn
        oder aber dass im
        """
    ),
    # Not a language, but text that folds alike: keywords of programming languages.
    "code": _word_set(
        """
        def return elif if class self null none true false void int const
        function print printf endif lambda async await struct public static
        include elsif foreach
        """
    ),
}
# Words in both a foreign list and Danish count for neither side.
_SHARED = frozenset().union(*_FOREIGN.values()) & _DANISH
# A Danish text has at least this share of Danish function words ...
_MIN_DANISH_SHARE = 0.2
# ... and at least this many, so that a heading or a name is not called Danish.
_MIN_DANISH_WORDS = 2
# A single foreign word is a quotation or a name ("Minding the Baby"), not a language.
_MIN_FOREIGN = 2


@dataclass(frozen=True, slots=True)
class LanguageVote:
    """Function-word counts of a text: Danish, Danish-only, and each neighbour's."""

    words: int
    danish: int
    danish_own: int
    foreign: dict[str, int]

    def is_danish(self) -> bool:
        """Danish function words are common and no neighbour's own words are many."""
        if self.danish < _MIN_DANISH_WORDS or self.danish < _MIN_DANISH_SHARE * self.words:
            return False
        return not self.is_foreign()

    def is_foreign(self) -> bool:
        """A neighbour's own words, more than a quotation would bring, outnumber the
        Danish ones (a text too short to say is neither Danish nor foreign)."""
        norwegian = self.foreign["norwegian"]
        if norwegian >= _MIN_FOREIGN and norwegian > self.danish_own:
            return True
        others = sum(count for name, count in self.foreign.items() if name != "norwegian")
        return others >= _MIN_FOREIGN and 3 * others >= self.danish


def _categories() -> dict[str, tuple[str, ...]]:
    """For each function word, what it counts for: "danish", "own", or a neighbour."""
    categories: dict[str, list[str]] = {}
    for word in _DANISH - _SHARED:
        categories.setdefault(word, []).append("danish")
    for word in _DANISH_OWN:
        categories.setdefault(word, []).append("own")
    for name, markers in _FOREIGN.items():
        for word in markers - _DANISH:
            categories.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in categories.items()}


_CATEGORIES = _categories()


def vote(words: Iterable[str]) -> LanguageVote:
    """Count the function words among lower-cased `words`."""
    counts = dict.fromkeys(("danish", "own", *_FOREIGN), 0)
    total = 0
    for word in words:
        total += 1
        names = _CATEGORIES.get(word)
        if names is not None:
            for name in names:
                counts[name] += 1
    foreign = {name: counts[name] for name in _FOREIGN}
    return LanguageVote(total, counts["danish"], counts["own"], foreign)


def merged(votes: Iterable[LanguageVote]) -> LanguageVote:
    """The vote of several texts together."""
    words = danish = own = 0
    foreign: Counter[str] = Counter({name: 0 for name in _FOREIGN})
    for part in votes:
        words += part.words
        danish += part.danish
        own += part.danish_own
        foreign.update(part.foreign)
    return LanguageVote(words, danish, own, dict(foreign))
