"""English street ADDRESS, by rules and lexicons (no statistical model).

Addresses: an anchor regex (a house number, "P.O. Box", "PSC", "Unit", a street prefix such as
"Rue", "Via", "ul.") starts a local parse: the street (number + words + suffix such as St, Avenue,
Road; a European "Name-straat 12"; any "Name 12" after an address cue), secondary units (Apt.,
Suite), then city, state, postcode and country parts over commas and line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import ClassVar

from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer
from mamori.detect.recognizers.english_words import (
    PARTICLES,
    STOP_WORDS,
    UPPER,
    places,
    read_words,
    words,
)

_STRONG_SUFFIXES = words(
    """street st st. str str. avenue ave ave. av. road rd rd. boulevard blvd blvd. lane ln ln. drive dr dr.
    court ct ct. place pl pl. terrace ter way highway hwy parkway pkwy square sq crescent close gardens
    route turnpike pike alley circle cir trail plaza row walk mews grove wharf quay parade esplanade
    broadway expressway freeway"""
)
_STREET_PREFIXES = words(
    """rue rua via calle carrer avenida avda. av. viale piazza corso largo travessa estrada praça ul. al. os.
    pl. c/ λεωφόρος οδός chemin strada"""
)
_EURO_ENDINGS = (
    "straße",
    "strasse",
    "straat",
    "gade",
    "vej",
    "veien",
    "vegen",
    "vägen",
    "väg",
    "gatan",
    "gata",
    "gaten",
    "katu",
    "tie",
    "weg",
    "laan",
    "gasse",
    "platz",
    "utca",
    "vegur",
    "braut",
    "stræde",
    "allee",
    "dreef",
    "kade",
    "plein",
    "ulica",
    "cesta",
    "vænget",
    "stien",
    "gränd",
    "torget",
    "gracht",
    "dijk",
    "singel",
)
_EURO_WORDS = words("tér út u. utca strasse straße gasse weg ulica cesta")
_PLACE_PARTICLES = (
    r"(?:de|da|do|dos|das|del|della|di|du|des|la|le|les|los|las|en|sur|am|an|im|upon|on|in|y|i|u|v|z|nad|pod|bei)"
)
_PLACE_OK = words("st mt north south east west northern southern eastern western central")
_SECONDARY_RE = re.compile(
    r"[ \t]{0,4},?[ \t]{0,4}(?:\n[ \t>?]{0,8})?"
    r"(?:(?i:apt\.?|apartment|suite|ste\.?|unit|floor|fl\.|room|rm\.?|bldg\.?|building)[ \t]{1,2}#?|#[ \t]?)"
    r"[\dA-Za-z][\w-]{0,5}(?!\w)"
)
_LEADING_UNIT_RE = re.compile(r"(?i:apt\.?|suite)[ \t]\d{1,5}[ \t]{1,2}")
_NUM_RE = re.compile(r"\d{1,6}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?(?![\w-])")
_WORD_ADDR_RE = re.compile(r"[^\W\d_](?:[\w'\u2019-]){0,30}\.?|C/")
_GAP_RE = re.compile(r"[ \t]{1,3}")
_SEP_RE = re.compile(r"[ \t]{0,4}(?:,[ \t]{0,4})?(?:\n[ \t>?]{0,8}(?:\n[ \t>?]{0,8})?(?:,[ \t]{0,4})?)?")
_ZIP_RE = re.compile(
    r"(?:\d{4,5}(?:-\d{3,4})?|\d{2}-\d{3}|[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)(?![\w-])"
)
_STATE_RE = re.compile(r"[A-Z]{2}(?![\w-])")
_PLACE_RE = re.compile(
    rf"[{UPPER}](?:[^\W\d_]|['\u2019.-](?=[^\W\d_])){{0,30}}+(?!\d)"
    rf"(?:[ \t](?:{_PLACE_PARTICLES}[ \t]){{0,2}}[{UPPER}](?:[^\W\d_]|['\u2019.-](?=[^\W\d_])){{0,30}}+(?!\d)){{0,3}}"
    r"(?:[ \t]\([^()\n]{1,20}\))?"
)
_BOX_RE = re.compile(
    r"(?i:p\.?[ \t]?o\.?[ \t]?box|post[ \t]office[ \t]box)[ \t]{1,2}\d{1,6}(?!\w)"
    r"|PSC[ \t]\d{3,5},?[ \t]Box[ \t]\d{3,5}(?!\w)"
    r"|(?i:unit)[ \t]\d{3,5},?[ \t](?i:box)[ \t]\d{3,5}(?!\w)"
    rf"|(?:USNS|USNV|USS|USCGC)[ \t][{UPPER}][^\W\d_]{{1,20}}(?:[ \t][{UPPER}][^\W\d_]{{1,20}})?"
)
_MILITARY_RE = re.compile(
    r"[ \t]{0,4},?[ \t]{0,4}(?:\n[ \t>?]{0,8})?(?i:APO|FPO|DPO)[ \t](?i:AA|AE|AP)[ \t]\d{5}(?!\d)"
)
# A house number followed by a word (or a second number and a word).
_NUM_ANCHOR_RE = re.compile(r"(?<![\w./,-])\d{1,6}[A-Za-z]?[ \t](?:\d{1,6}[A-Za-z]?[ \t])?(?=[^\W\d_]|C/)")
# Words that start an address, found by the detector's keyword pass.
_ADDR_STARTS = (
    "p.o. box",
    "p.o.box",
    "po box",
    "p o box",
    "post office box",
    "psc ",
    "unit ",
    "usns ",
    "usnv ",
    "uss ",
    "uscgc ",
    "the corner of ",
    "apt. ",
    "apt ",
    "suite ",
    "rue ",
    "rua ",
    "via ",
    "calle ",
    "carrer ",
    "avenida ",
    "avda. ",
    "av. ",
    "viale ",
    "piazza ",
    "corso ",
    "largo ",
    "travessa ",
    "estrada ",
    "ul. ",
    "al. ",
    "c/ ",
    "λεωφόρος ",
    "οδός ",
)
_CUE_GAP_RE = re.compile(r"[ \t:]{0,6}")
_ANCHOR_GROUPS = frozenset({"en_addr_cue", "en_addr_start", "en_street_end"})
_ADDR_CUES = (
    "address",
    "located at",
    "lives at",
    "live at",
    "lives on",
    "live on",
    "lived at",
    "sent to",
    "send it to",
    "ship to",
    "deliver to",
    "return to",
    "meet you at",
    "meet me at",
    "corner of",
    "moved to",
    "is at",
    "is on",
    "taxi to",
    "off at",
    "stop at",
    "side of",
    "it's in",
    "reside at",
    "resides at",
    "mail to",
    "here they are:",
)


class EnglishAddressRecognizer(Recognizer):
    """Street addresses in English text (US, UK, European and military forms), over several lines."""

    name = "english_address"
    entities = ("ADDRESS",)
    languages = frozenset({"en"})
    keywords: ClassVar[Mapping[str, Iterable[str]]] = {
        "en_addr_cue": _ADDR_CUES,
        "en_addr_start": _ADDR_STARTS,
        "en_street_end": _EURO_ENDINGS,
    }

    def __init__(self) -> None:
        self.places = places()
        self.weak = read_words("en_street_suffixes.txt")

    def find(self, doc: Document) -> Iterator[Finding]:
        text = doc.norm
        starts: list[tuple[int, bool]] = [(m.start(), False) for m in _NUM_ANCHOR_RE.finditer(text)]
        groups = frozenset({"en_addr_cue"})
        n = len(text)
        for s, e, g in doc.keywords_in(0, n, _ANCHOR_GROUPS):
            if g == "en_addr_cue":
                m = _CUE_GAP_RE.match(text, e)
                p = m.end() if m else e
                if p < n and (text[p].isupper() or text[p].isdigit()):
                    starts.append((p, True))
            elif g == "en_addr_start":
                if (s == 0 or not text[s - 1].isalnum()) and (text[s].isupper() or text[s] in "uapt"):
                    starts.append((s, False))
            elif e + 1 < n and text[e] == " " and text[e + 1].isdigit():
                i = s
                while i > 0 and s - i < 40 and (text[i - 1].isalnum() or text[i - 1] == "-"):
                    i -= 1
                if text[i].isupper():
                    starts.append((i, False))
        starts.sort()
        last_end = -1
        for pos, from_cue in starts:
            if pos < last_end:
                continue
            cue = from_cue or doc.keyword_before(pos, groups, 40) is not None
            got = self._parse(text, pos, cue)
            if got is None:
                continue
            end, score = got
            last_end = end
            yield self.finding(doc, "ADDRESS", pos, end, score)

    # -- the street ------------------------------------------------------------------------------

    def _street(self, text: str, pos: int, cue: bool) -> tuple[int, float] | None:
        """End and base score of the street part beginning at ``pos``."""
        m = _BOX_RE.match(text, pos)
        if m:
            end = m.end()
            mil = _MILITARY_RE.match(text, end)
            return (mil.end(), 0.9) if mil else (end, 0.8)
        i = pos
        numbers = 0
        for _ in range(2):
            m = _NUM_RE.match(text, i)
            if not m:
                break
            g = _GAP_RE.match(text, m.end())
            if not g:
                break
            numbers += 1
            i = g.end()
        m = _BOX_RE.match(text, i)
        if m and numbers:
            return m.end(), 0.8
        words: list[tuple[int, int, str]] = []
        j = i
        for _ in range(6):
            m = _WORD_ADDR_RE.match(text, j)
            if not m:
                break
            w = m.group()
            lw = w.lower()
            if lw.rstrip(".") in ("apt", "suite", "unit", "ste", "floor", "room", "and", "in", "at", "for", "on"):
                break
            if w[0].islower() and lw not in _STREET_PREFIXES and lw not in _EURO_WORDS and not _is_particle(lw):
                break
            if lw in STOP_WORDS and lw not in _STRONG_SUFFIXES:
                break
            words.append((m.start(), m.end(), lw))
            g = _GAP_RE.match(text, m.end())
            if not g:
                break
            j = g.end()
        if not words:
            return None
        # Trailing particles are not part of the street.
        while words and _is_particle(words[-1][2]):
            words.pop()
        if not words:
            return None
        end = words[-1][1]
        keys = [w[2] for w in words]
        suffix = any(k in _STRONG_SUFFIXES for k in keys[1:]) or (len(keys) > 1 and keys[-1] in self.weak)
        prefix = keys[0] in _STREET_PREFIXES or keys[0] in _EURO_WORDS
        euro = any(k.endswith(_EURO_ENDINGS) for k in keys) or any(k in _EURO_WORDS for k in keys)
        # A number after the street name (European order).
        g = _GAP_RE.match(text, end)
        post = _NUM_RE.match(text, g.end()) if g else None
        if post:
            end = post.end()
            if end < len(text) and text[end] == "." and (end + 1 == len(text) or not text[end + 1].isalnum()):
                end += 1
            more = self._bare_street(text, end + 1) if text.startswith(" ", end) else None
            if more is not None:
                end = more[0]
        if numbers and suffix:
            return end, 0.75
        if (prefix or euro) and (post or numbers):
            return end, 0.7
        if prefix and keys[0] in _STREET_PREFIXES and len(keys) >= 2:
            return end, 0.6
        if cue and (post or numbers) and len(keys) <= 4 and not text[words[0][0]].islower():
            return end, 0.6
        if numbers and post and len(keys) <= 3:
            return end, 0.55
        if numbers and len(keys) <= 4 and keys[-1] not in STOP_WORDS:
            return end, 0.3  # needs a city / state / postcode after it
        return None

    def _parse(self, text: str, pos: int, cue: bool) -> tuple[int, float] | None:
        corner = text.startswith("the corner of ", pos) or text.startswith("The corner of ", pos)
        start = pos + 14 if corner else pos
        bonus = 0.0
        m = _LEADING_UNIT_RE.match(text, start)
        if m:
            start, bonus = m.end(), 0.1
        got = self._street(text, start, cue or corner)
        if got is None:
            return None
        end, score = got
        for _ in range(3):
            m = _SECONDARY_RE.match(text, end)
            if not m:
                break
            end = m.end()
            bonus = 0.1
        end, tail = self._tail(text, end)
        if tail:
            bonus += 0.1 * min(tail, 2)
        if corner:
            m = re.compile(r"[ \t]{1,2}and[ \t]{1,2}").match(text, end)
            if m:
                second = self._street(text, m.end(), True)
                if second is None:
                    second = self._bare_street(text, m.end())
                if second is not None:
                    end = second[0]
                    bonus += 0.2
            score += 0.1
        score = min(0.95, score + bonus)
        if score < 0.5:
            return None
        return end, score

    def _bare_street(self, text: str, pos: int) -> tuple[int, float] | None:
        """ "Elisabeth Parks": capitalised words ending in a street suffix."""
        m = _PLACE_RE.match(text, pos)
        if not m:
            return None
        words = m.group().split()
        if len(words) >= 2 and (words[-1].lower() in self.weak or words[-1].lower() in _STRONG_SUFFIXES):
            return m.end(), 0.6
        return None

    def _known(self, name: str) -> bool:
        """The place part, or its last one or two words ("Coalville South Africa"), is a known place."""
        words = name.split(" (")[0].lower().split()
        return any(" ".join(words[k:]) in self.places for k in range(max(0, len(words) - 3), len(words)))

    def _tail(self, text: str, end: int) -> tuple[int, int]:
        """Extend over city, state, postcode and country parts; return the new end and how many were found."""
        found = 0
        for _ in range(6):
            s = _SEP_RE.match(text, end)
            p = s.end() if s else end
            sep = text[end:p]
            hard = "," in sep or "\n" in sep
            if p == end and end < len(text) and not text[end].isspace():
                pass
            m = _ZIP_RE.match(text, p)
            if m and (p > end or found):
                end, found = m.end(), found + 1
                continue
            m = _STATE_RE.match(text, p)
            if m and hard and found:
                end, found = m.end(), found + 1
                continue
            if m and hard and _ZIP_RE.match(text, m.end() + 1 if m.end() < len(text) else m.end()):
                end, found = m.end(), found + 1
                continue
            m = _PLACE_RE.match(text, p)
            if not m or p == end:
                break
            words = m.group().split()
            first = words[0].lower().strip(",.")
            if first in STOP_WORDS and first not in _PLACE_OK and not self._known(m.group()):
                break
            name = m.group()
            known = self._known(name) or name.isupper()
            after = _SEP_RE.match(text, m.end())
            q = after.end() if after else m.end()
            nxt = _ZIP_RE.match(text, q) or (_STATE_RE.match(text, q) if q > m.end() else None)
            city_state = len(words) >= 2 and len(words[-1]) == 2 and words[-1].isupper()
            if known or hard or nxt or city_state:
                end, found = m.end(), found + 1
                continue
            break
        return end, found


def _is_particle(word: str) -> bool:
    return word in _PARTICLE_SET


_PARTICLE_SET = frozenset(PARTICLES[3:-1].split("|")) | {
    "do",
    "das",
    "des",
    "du",
    "of",
    "the",
    "d'",
    "e",
    "z",
    "u",
    "v",
}


RECOGNIZERS = (EnglishAddressRecognizer,)
