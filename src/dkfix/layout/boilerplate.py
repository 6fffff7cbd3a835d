"""Lines of web page furniture that a scrape kept with the text.

Navigation (``Tilbage``, ``Til toppen``, ``Spring til indhold``), sharing and printing
(``Del på Facebook``, ``Udskriv``), comment counters (``Comments (0)``), cookie banners
(``Vi bruger cookies …``) and ad labels (``Annonce``): only a whole line that is nothing
but one of them goes, line break and all. The same words inside a sentence stay.
"""

from __future__ import annotations

import re

from ..config import Config
from ..edits import Edit, lines_with_offsets
from ._common import LINE_BREAKS

KIND = "remove_web_boilerplate"

_FURNITURE = re.compile(
    r"""(?ix)
    (?: tilbage (?:\ til\ (?:toppen|forsiden|oversigten))?
      | til\ toppen | gå\ til\ (?:hoved)?indhold | spring\ (?:til|over)\ (?:hoved)?indhold
      | skip\ to\ (?:main\ )?content | back\ to\ top | læs\ (?:mere|også|hele\ artiklen)
      | read\ more | udskriv (?:\ siden)? | print (?:\ this\ page)? | del (?:\ (?:på|via)\ \w+)?
      | share (?:\ on\ \w+)? | (?:comments|kommentarer)\ \(\d+\) | \d+\ (?:comments?|kommentarer?)
      | skriv\ en\ kommentar | you\ don't\ have\ permission\ to\ comment\ on\ this\ page\.?
      | annonce | reklame | advertisement | sponsoreret (?:\ indhold)?
    )
    [\s.:]*""",
)
# A cookie banner says what cookies are for or asks to accept them.
_COOKIE_BANNER = re.compile(
    r"""(?ix)
    \b(?: (?:vi|siden|hjemmesiden|denne\ (?:hjemme)?side|webstedet)\ (?:bruger|anvender)\ cookies
      | accept[eé]r\ (?:alle\ )?cookies | cookie-?(?:politik|indstillinger|samtykke|erklæring)
      | we\ use\ cookies | this\ (?:web)?site\ uses\ cookies | accept\ (?:all\ )?cookies
    )"""
)
# A cookie banner is a sentence or two, not an article about cookies.
_LONGEST_BANNER = 400


def boilerplate_edits(text: str, config: Config) -> list[Edit]:
    """Edits that remove the whole lines of web page furniture in `text`."""
    if not config.remove_web_boilerplate:
        return []
    edits = []
    for start, line in lines_with_offsets(text):
        content = line.rstrip(LINE_BREAKS).strip()
        reason = _furniture(content)
        if reason:
            edits.append(Edit(start, start + len(line), line, "", KIND, 1.0, reason))
    return edits


def _furniture(content: str) -> str:
    """Why the line `content` is web page furniture, or "" if it is not."""
    if not content:
        return ""
    if _FURNITURE.fullmatch(content):
        return f"web page furniture: {content!r}"
    if len(content) <= _LONGEST_BANNER and _COOKIE_BANNER.search(content):
        return "a cookie banner"
    return ""
