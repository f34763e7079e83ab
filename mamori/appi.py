"""Which kinds of personal data make a leak reportable in Japan: one list, for every surface that explains it.

Under the APPI (個人情報保護法 26条 and its enforcement rules, 施行規則7条) a leak must be reported to the Personal
Information Protection Commission (PPC) and the persons told when it involves special-care information (1号), data
whose misuse can cause financial loss (2号), was done with malicious intent (3号), or concerns more than 1,000
persons (4号). My Number (特定個人情報) has its own rules under the My Number Act (番号法), among them a leak of
more than 100 persons' numbers. The scan report uses this list to say, per file, whether a leak of it would be
reportable; the texts are the project's own summaries, not legal advice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

OVER_PERSONS = 1000  # 施行規則7条4号: a leak of more than this many persons' data is reportable, whatever the data


@dataclass(frozen=True)
class ReportableKind:
    """An entity type whose leak is, or can be, reportable.

    ``by_itself``: one leaked value is enough. Otherwise the leak is reportable only in some circumstances:
    over ``persons`` persons when that is set, or as ``condition_ja`` / ``condition_en`` say.
    """

    type: str
    category: str  # sensitive (7条1号) | financial (7条2号) | my_number (番号法)
    rule_ja: str
    rule_en: str
    label_ja: str
    label_en: str
    by_itself: bool
    persons: int | None = None
    condition_ja: str = ""
    condition_en: str = ""


REPORTABLE_KINDS: tuple[ReportableKind, ...] = (
    ReportableKind(
        "SENSITIVE", "sensitive", "個人情報保護法施行規則7条1号", "APPI rules, art. 7(1)",
        "要配慮個人情報（病歴・犯罪歴・信条など）", "special-care information (medical, criminal record, creed...)",
        by_itself=True,
    ),
    ReportableKind(
        "CREDIT_CARD", "financial", "個人情報保護法施行規則7条2号", "APPI rules, art. 7(2)",
        "クレジットカード番号", "credit card numbers", by_itself=True,
    ),
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
)
BY_TYPE = {k.type: k for k in REPORTABLE_KINDS}


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
