"""What a private person's address-book label says they own: 「個人（メゾン桜台・ヴィラ大倉山 オーナー）」 files an
owner of two buildings, 「個人（青葉商店 店主）」 a shop's owner. A list of people about the thing a recipient owns (the
tenants of their own building, the staff of their own shop) is that recipient's own party's data; a list that also
names what another label owns (the whole portfolio) is not.
"""

from __future__ import annotations

import re
import unicodedata

from mamori.guard.directory import Directory

_NAME_CHARS = "\u4e00-\u9fff々〆ヶ\u3041-\u309f\u30a1-\u30faーA-Za-z0-9"
# the bracketed part of a label naming what the person owns, the owner word last: （A・B オーナー）, （A 所有者）
_OWNER_WORDS = "オーナー|所有者|家主|大家|貸主|地主|店主"
_RESIDENT_WORDS = "入居者|居住者|契約者|借主"
_OWNED = re.compile(rf"[（(]([^（）()]+?)[ \u3000]*(?:{_OWNER_WORDS})(?:様|さま)?[）)]")
MIN_OWNED = 3  # characters of an owned thing's name (a shorter one is a word, not a name)


def owned_things(label: str) -> set[str]:
    """The names a label says its person owns (NFKC), each at least `MIN_OWNED` characters."""
    out: set[str] = set()
    for m in _OWNED.finditer(unicodedata.normalize("NFKC", label)):
        for part in re.split(r"[・、,/／]", m.group(1)):
            part = part.strip()
            if len(part) >= MIN_OWNED:
                out.add(part)
    return out


def owners_by_thing(directory: Directory) -> dict[str, set[str]]:
    """Owned thing -> the labels that own it, for every label of the address book (cached on the directory)."""
    cached = directory.__dict__.get("_owned_things")
    if cached is None:
        cached = {}
        for label in directory.org_domains:
            for thing in owned_things(label):
                cached.setdefault(thing, set()).add(label)
        directory.__dict__["_owned_things"] = cached
    return cached


def things_named(directory: Directory, text: str) -> set[str]:
    """The owned things of the address book that ``text`` names as a whole word (メゾン桜台 is not named by
    メゾン桜台弐番館)."""
    text = unicodedata.normalize("NFKC", text)
    out: set[str] = set()
    for thing in owners_by_thing(directory):
        for m in re.finditer(re.escape(thing), text):
            end = m.end()
            start = m.start()
            if (end == len(text) or not re.match(f"[{_NAME_CHARS}]", text[end])) and (
                start == 0 or not re.match(f"[{_NAME_CHARS}]", text[start - 1])
            ):
                out.add(thing)
                break
    return out


def about_own_thing(directory: Directory, labels: set[str], text: str) -> bool:
    """The text (a list's file name and content) names something one of ``labels`` owns and nothing another label
    owns: the recipient's own building's tenants, not the whole portfolio's."""
    named = things_named(directory, text)
    if not named:
        return False
    owners = owners_by_thing(directory)
    mine = {t for t in named if owners[t] & labels}
    return bool(mine) and all(owners[t] & labels for t in named)


# the bracketed part of a private person's label naming the place they own or live in, the role word last:
# （A荘 オーナー）, （コーポB 203号室 入居者）, （C館 102号室 契約者）
_PLACE = re.compile(rf"[（(]([^（）()]+?)[ \u3000]*(?:{_OWNER_WORDS}|{_RESIDENT_WORDS})(?:様|さま)?[）)]")


def label_places(label: str) -> set[str]:
    """The places a label ties its person to (a building, a building and a unit: 「コーポB 203号室」), spaces made
    one, each at least `MIN_OWNED` characters."""
    out: set[str] = set()
    for m in _PLACE.finditer(unicodedata.normalize("NFKC", label)):
        for part in re.split(r"[・、,/／]", m.group(1)):
            part = " ".join(part.split())
            if len(part) >= MIN_OWNED:
                out.add(part)
    return out


def places_by_label(directory: Directory) -> dict[str, set[str]]:
    """Label -> its places, for the labels of the address book that state one (cached on the directory)."""
    cached = directory.__dict__.get("_label_places")
    if cached is None:
        cached = {label: p for label in directory.org_domains if (p := label_places(label))}
        directory.__dict__["_label_places"] = cached
    return cached


def places_named(directory: Directory, text: str) -> set[str]:
    """The places of the address book's labels that ``text`` names as a whole (spaces made one; コーポB is not
    named by コーポB弐番館)."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    out: set[str] = set()
    for places in places_by_label(directory).values():
        for place in places:
            for m in re.finditer(re.escape(place), text):
                end, start = m.end(), m.start()
                if (end == len(text) or not re.match(f"[{_NAME_CHARS}]", text[end])) and (
                    start == 0 or not re.match(f"[{_NAME_CHARS}]", text[start - 1])
                ):
                    out.add(place)
                    break
    return out


def same_place(a: str, b: str) -> bool:
    """One place is the other or holds it: a building and a unit of it (コーポB, コーポB 203号室)."""
    return a in b or b in a
