"""Which kinds of personal data make a leak reportable in Japan, for every surface that explains it (the scan report).

The rules themselves are the incident register's (:mod:`mamori.incidents.ruleset`, one file per version of
個人情報保護法施行規則7条): the entity types that make a leak reportable by themselves (1号 special-care
information, 2号 data whose misuse can cause financial loss) and the number of persons above which any leak is
(4号) are read from the version in force, so the scan report and ``mamori incidents assess`` cannot disagree.
3号 (malicious intent) depends on how a leak happens, not on the data, and is not assessed here.

This module adds what the rules files do not hold, as explanations: kinds that are reportable only in some
circumstances (a bank account with the PIN that opens it; My Numbers, which the My Number Act (番号法) covers with
its own reporting rule, among its cases a leak of more than 100 persons' numbers). The texts are the project's own
summaries, not legal advice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from mamori.detect.entities import ALL_TYPES
from mamori.incidents.ruleset import Category, RuleSet, builtin_rulesets, in_force

_ARTICLE = re.compile(r"(施行規則|法)(\d+)条(?:(\d+)項)?(?:(\d+)号)?")


def article_en(article: str) -> str:
    """``施行規則7条1号`` → ``APPI rules, art. 7(1)``; ``法26条1項`` → ``APPI, art. 26(1)``; other text unchanged."""
    m = _ARTICLE.fullmatch(article)
    if m is None:
        return article
    law, num, para, item = m.groups()
    sub = para or item
    return f"{'APPI rules' if law == '施行規則' else 'APPI'}, art. {num}" + (f"({sub})" if sub else "")


@dataclass(frozen=True)
class ReportableKind:
    """An entity type whose leak is, or can be, reportable.

    ``by_itself``: one leaked value is enough (a category of the rules in force names the type). Otherwise the leak
    is reportable only in some circumstances: over ``persons`` persons when that is set, or as ``condition_ja`` /
    ``condition_en`` say.
    """

    type: str
    category: str  # a category of the rules (sensitive, financial), or my_number (番号法)
    rule_ja: str
    rule_en: str
    label_ja: str
    label_en: str
    by_itself: bool
    persons: int | None = None
    condition_ja: str = ""
    condition_en: str = ""


_CONDITIONAL: tuple[ReportableKind, ...] = (
    ReportableKind(
        "BANK_ACCOUNT", "financial", "個人情報保護法施行規則7条2号", "APPI rules, art. 7(2)",
        "銀行口座", "bank accounts", by_itself=False,
        condition_ja="暗証番号やパスワードと一緒に漏えいした場合",
        condition_en="when a PIN or password leaks with them",
    ),
    ReportableKind(
        "MY_NUMBER", "my_number", "番号法（特定個人情報の漏えい等の報告）", "My Number Act (reports of leaks)",
        "マイナンバー（特定個人情報）", "My Numbers", by_itself=False, persons=100,
        condition_ja="100人分を超える場合や不正の目的のおそれがある場合",
        condition_en="when it covers over 100 persons or was malicious",
    ),
)  # fmt: skip


def rules_in_force(day: date | None = None) -> RuleSet:
    """The version of the reporting rules in force on ``day`` (today when None)."""
    rules = in_force(builtin_rulesets(), day or date.today())
    if rules is None:  # before 2022-04-01: the shipped rules start then
        rules = builtin_rulesets()[0]
    return rules


def reportable_kinds(rules: RuleSet) -> tuple[ReportableKind, ...]:
    """The entity types reportable by themselves under ``rules`` (in the order of the articles; data types the engine
    does not find, such as passwords, are left out), then the conditional ones."""
    own = tuple(
        ReportableKind(t, c.name, "個人情報保護法" + c.article, article_en(c.article), "", "", by_itself=True)
        for c in rules.categories
        for t in sorted(c.data_types & ALL_TYPES)
        if "personal_data" in c.scope
    )
    named = {k.type for k in own}
    return own + tuple(k for k in _CONDITIONAL if k.type not in named)


def _by_count(rules: RuleSet) -> Category:
    """The category of the rules that counts persons (施行規則7条4号)."""
    return next(c for c in rules.categories if c.more_than is not None)


_RULES = rules_in_force()
REPORTABLE_KINDS = reportable_kinds(_RULES)
BY_TYPE = {k.type: k for k in REPORTABLE_KINDS}
OVER_PERSONS: int = _by_count(_RULES).more_than or 0
"""Above this many persons any leak of personal data is reportable."""
OVER_PERSONS_RULE = ("個人情報保護法" + _by_count(_RULES).article, article_en(_by_count(_RULES).article))
"""The article that says so, in Japanese and English."""


@dataclass(frozen=True)
class Assessment:
    """Whether a leak of some data would be reportable: the kinds that make it so, and those that may."""

    reportable: tuple[ReportableKind, ...]  # reportable as found
    conditional: tuple[ReportableKind, ...]  # reportable in some circumstances
    over_persons: bool  # more than OVER_PERSONS persons (7条4号)

    @property
    def is_reportable(self) -> bool:
        return bool(self.reportable) or self.over_persons


def assess(types: Iterable[str], persons: int) -> Assessment:
    """Whether a leak of data of these entity ``types`` about ``persons`` people would be reportable."""
    found = [BY_TYPE[t] for t in dict.fromkeys(types) if t in BY_TYPE]
    reportable = tuple(k for k in found if k.by_itself or (k.persons is not None and persons > k.persons))
    conditional = tuple(k for k in found if k not in reportable)
    return Assessment(reportable, conditional, persons > OVER_PERSONS)
