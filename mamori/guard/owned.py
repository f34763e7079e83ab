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
_OWNED = re.compile(r"[（(]([^（）()]+?)[ \u3000]*(?:オーナー|所有者|家主|大家|貸主|地主|店主)(?:様|さま)?[）)]")
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
