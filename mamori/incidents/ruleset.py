"""The reporting rules as data, one version per day they took effect (``rules/YYYY-MM-DD.toml``).

A version either states every rule or ``amends`` an earlier one, holding only what the amendment changed (its
tables are merged over the earlier version's). :func:`parse_rulesets` turns the texts into :class:`RuleSet` values
without I/O; :func:`builtin_rulesets` reads the files shipped with mamori; :func:`in_force` picks the version in
force on a day. A later amendment is a new file: an old file is never edited, so old cases keep their answer.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

CATEGORY_NAMES = ("sensitive", "financial", "malicious", "over_1000")  # 施行規則7条1〜4号, in that order
SCOPES = frozenset({"personal_data", "being_acquired"})
FLAGS = frozenset({"malicious"})  # the case's booleans a category may name as its `flag`


class RuleSetError(ValueError):
    """A rules file is malformed (a bug of the shipped data, caught by the tests)."""


@dataclass(frozen=True)
class Category:
    """One item of 施行規則7条: what data, causes or number of people bring a case under it."""

    name: str
    article: str
    label_ja: str
    label_en: str
    scope: frozenset[str]
    data_types: frozenset[str]
    causes: frozenset[str]
    flag: str | None  # a boolean field of the case that brings it under this item (``malicious``)
    more_than: int | None
    source: str


@dataclass(frozen=True)
class RuleSet:
    """Every rule of one version; ``categories`` in the order of the articles."""

    id: str
    effective: date
    title_ja: str
    title_en: str
    categories: tuple[Category, ...]
    encryption_article: str
    encryption_source: str
    recovered_article: str
    recovered_source: str
    report_article: str
    preliminary_days: int
    preliminary_source: str
    final_days: int
    final_days_malicious: int
    final_source: str
    principal_article: str
    principal_notice_days: int
    principal_source: str
    notification_article: str
    alternative_article: str
    notification_source: str
    year_end_closure: frozenset[tuple[int, int]]
    calendar_source: str

    def category(self, name: str) -> Category:
        return next(c for c in self.categories if c.name == name)


def _merge(base: Mapping[str, Any], change: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in change.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _get(table: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    value = table.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise RuleSetError(f"{where}.{key}: expected {kind.__name__}, found {value!r}")
    return value


def _category(name: str, t: Mapping[str, Any], where: str) -> Category:
    scope = frozenset(t.get("scope", ()))
    if not scope or not scope <= SCOPES:
        raise RuleSetError(f"{where}.scope: {sorted(scope)} is not a non-empty subset of {sorted(SCOPES)}")
    flag = t.get("flag")
    if flag is not None and flag not in FLAGS:
        raise RuleSetError(f"{where}.flag: {flag!r} is not one of {sorted(FLAGS)}")
    more_than = t.get("more_than")
    if more_than is not None and (isinstance(more_than, bool) or not isinstance(more_than, int)):
        raise RuleSetError(f"{where}.more_than: expected int, found {more_than!r}")
    return Category(
        name=name,
        article=_get(t, "article", str, where),
        label_ja=_get(t, "label_ja", str, where),
        label_en=_get(t, "label_en", str, where),
        scope=scope,
        data_types=frozenset(t.get("data_types", ())),
        causes=frozenset(t.get("causes", ())),
        flag=flag,
        more_than=more_than,
        source=_get(t, "source", str, where),
    )


def _closure_day(text: Any, where: str) -> tuple[int, int]:
    try:
        month, day = (int(x) for x in str(text).split("-"))
        date(2000, month, day)  # a leap year: every MM-DD of the calendar
    except ValueError:
        raise RuleSetError(f"{where}: {text!r} is not MM-DD") from None
    return month, day


def _ruleset(d: Mapping[str, Any]) -> RuleSet:
    where = str(d.get("id"))
    cats = d.get("categories", {})
    if set(cats) != set(CATEGORY_NAMES):
        raise RuleSetError(f"{where}: categories must be exactly {', '.join(CATEGORY_NAMES)}")
    report, principal, notification = d.get("report", {}), d.get("principal", {}), d.get("notification", {})
    exceptions, calendar = d.get("exceptions", {}), d.get("calendar", {})
    enc, rec = exceptions.get("encryption", {}), exceptions.get("recovered_unviewed", {})
    effective = d.get("effective")
    if not isinstance(effective, date) or effective.isoformat() != d.get("id"):
        raise RuleSetError(f"{where}: `effective` must be the date the file is named by")
    return RuleSet(
        id=where,
        effective=effective,
        title_ja=_get(d, "title_ja", str, where),
        title_en=_get(d, "title_en", str, where),
        categories=tuple(_category(n, cats[n], f"{where}.categories.{n}") for n in CATEGORY_NAMES),
        encryption_article=_get(enc, "article", str, f"{where}.exceptions.encryption"),
        encryption_source=_get(enc, "source", str, f"{where}.exceptions.encryption"),
        recovered_article=_get(rec, "article", str, f"{where}.exceptions.recovered_unviewed"),
        recovered_source=_get(rec, "source", str, f"{where}.exceptions.recovered_unviewed"),
        report_article=_get(report, "article", str, f"{where}.report"),
        preliminary_days=_get(report, "preliminary_days", int, f"{where}.report"),
        preliminary_source=_get(report, "preliminary_source", str, f"{where}.report"),
        final_days=_get(report, "final_days", int, f"{where}.report"),
        final_days_malicious=_get(report, "final_days_malicious", int, f"{where}.report"),
        final_source=_get(report, "final_source", str, f"{where}.report"),
        principal_article=_get(principal, "article", str, f"{where}.principal"),
        principal_notice_days=_get(principal, "notice_days", int, f"{where}.principal"),
        principal_source=_get(principal, "source", str, f"{where}.principal"),
        notification_article=_get(notification, "article", str, f"{where}.notification"),
        alternative_article=_get(notification, "alternative_article", str, f"{where}.notification"),
        notification_source=_get(notification, "source", str, f"{where}.notification"),
        year_end_closure=frozenset(
            _closure_day(x, f"{where}.calendar.year_end_closure") for x in calendar.get("year_end_closure", ())
        ),
        calendar_source=_get(calendar, "source", str, f"{where}.calendar"),
    )


def parse_rulesets(texts: Mapping[str, str]) -> tuple[RuleSet, ...]:
    """Rule sets from ``{file name: TOML text}``, oldest first; an ``amends`` names the id of an earlier one."""
    raw: dict[str, dict[str, Any]] = {}
    for name, text in texts.items():
        try:
            d = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise RuleSetError(f"{name}: {e}") from None
        if f"{d.get('id')}.toml" != name:
            raise RuleSetError(f"{name}: `id` must be the file's name without .toml")
        raw[d["id"]] = d

    resolved: dict[str, dict[str, Any]] = {}

    def resolve(rid: str, seen: tuple[str, ...] = ()) -> dict[str, Any]:
        if rid in seen:
            raise RuleSetError(f"{rid}: `amends` goes round in a circle")
        if rid not in resolved:
            d = raw[rid]
            base = d.get("amends")
            if base is None:
                resolved[rid] = d
            else:
                if base not in raw or raw[base].get("effective", date.max) >= d.get("effective", date.min):
                    raise RuleSetError(f"{rid}: amends {base!r}, which is not an earlier rule set")
                change = {k: v for k, v in d.items() if k != "amends"}
                resolved[rid] = _merge(resolve(base, (*seen, rid)), change)
        return resolved[rid]

    return tuple(sorted((_ruleset(resolve(rid)) for rid in raw), key=lambda r: r.effective))


@cache
def builtin_rulesets() -> tuple[RuleSet, ...]:
    """The versions shipped in ``mamori/incidents/rules/``."""
    folder = resources.files("mamori.incidents") / "rules"
    texts = {f.name: f.read_text(encoding="utf-8") for f in folder.iterdir() if f.name.endswith(".toml")}
    return parse_rulesets(texts)


def in_force(rulesets: tuple[RuleSet, ...], day: date) -> RuleSet | None:
    """The latest version that took effect on or before ``day``; None before the first."""
    current = None
    for r in rulesets:
        if r.effective <= day:
            current = r
    return current
