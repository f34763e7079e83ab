"""Incidents by cause, per fiscal year and month, beside the national shares: a pure function of plain records.

The register's causes (:data:`mamori.incidents.case.CAUSES`) are counted in the groups of the course's chart
(JIPDEC's 原因別, fiscal 2021): e-mail, post with a wrong address, wrong enclosure, FAX, loss and theft,
unauthorised access, system and clerical errors, word of mouth, viruses, other. A year is a fiscal year (年度,
April to March), as JIPDEC counts; an incident counts in the month it was discovered. :func:`statistics` takes
:class:`Record` values (a day, a cause, a number of people: no title, no summary) and gives every figure the page
and the exports show; :func:`records_of` reads them from the register's stored facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from mamori.incidents.national import JIPDEC_FY2021, NationalSource

GROUPS = ("email", "letter", "enclosure", "fax", "loss_theft", "unauthorized_access", "system_clerical", "verbal",
          "virus", "other")  # fmt: skip
GROUP_OF_CAUSE = {
    "email_misdelivery": "email",
    "letter_misdelivery": "letter",
    "enclosure_error": "enclosure",
    "fax_misdelivery": "fax",
    "loss_theft": "loss_theft",
    "unauthorized_access": "unauthorized_access",
    "system_error": "system_clerical",
    "clerical_error": "system_clerical",
    "verbal": "verbal",
    "malware": "virus",
    "insider_misuse": "other",  # JIPDEC's old scheme counts 内部不正行為 under その他
    "other": "other",
}
GROUP_LABELS = {
    "email": ("メール誤送信", "E-mail sent to the wrong person"),
    "letter": ("郵便物の宛名間違い・誤送付", "Post with a wrong address"),
    "enclosure": ("封入ミス", "Wrong enclosure"),
    "fax": ("FAX誤送信", "FAX sent to the wrong number"),
    "loss_theft": ("紛失・盗難", "Loss, theft"),
    "unauthorized_access": ("不正アクセス", "Unauthorised access"),
    "system_clerical": ("システム・事務処理の誤り", "System and clerical errors"),
    "verbal": ("口頭での漏えい", "Word of mouth"),
    "virus": ("ウイルス・マルウェア", "Virus, malware"),
    "other": ("その他", "Other"),
}
FISCAL_MONTHS = (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)


def group_label(group: str, lang: str) -> str:
    ja, en = GROUP_LABELS[group]
    return en if lang == "en" else ja


@dataclass(frozen=True)
class Record:
    """What the statistics read of one incident."""

    discovered_on: date
    cause: str
    persons: int = 0


def fiscal_year(day: date) -> int:
    """The fiscal year (年度) of ``day``: April 2026 to March 2027 is 2026."""
    return day.year if day.month >= 4 else day.year - 1


def group_of(cause: str) -> str:
    """The chart's group of a register cause; a cause the register does not know counts as other."""
    return GROUP_OF_CAUSE.get(cause, "other")


def share(part: int, whole: int) -> float | None:
    """``part`` in percent of ``whole``, one decimal; None when there is nothing to divide."""
    return round(100.0 * part / whole, 1) if whole else None


@dataclass(frozen=True)
class GroupRow:
    group: str
    incidents: int
    persons: int
    share: float | None  # percent of the year's incidents
    months: tuple[int, ...]  # incidents per month, April first


@dataclass(frozen=True)
class Comparison:
    """The organisation's share beside one national figure, over the groups the figure covers."""

    groups: tuple[str, ...]
    label_ja: str
    label_en: str
    short_ja: str
    short_en: str
    note_ja: str
    note_en: str
    incidents: int
    share: float | None
    national_count: int
    national_share: float

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_ja

    def short(self, lang: str) -> str:
        return self.short_en if lang == "en" else self.short_ja

    def note(self, lang: str) -> str:
        return self.note_en if lang == "en" else self.note_ja


@dataclass(frozen=True)
class YearRow:
    """One fiscal year: incidents per group in :data:`GROUPS` order."""

    year: int
    incidents: int
    persons: int
    groups: tuple[int, ...]


@dataclass(frozen=True)
class Statistics:
    """The figures of fiscal year ``year``, the row of every year with incidents (newest first) and the source."""

    year: int
    incidents: int
    persons: int
    rows: tuple[GroupRow, ...]  # every group, in GROUPS order
    months: tuple[date, ...]  # the first day of each month of the year, April first
    month_totals: tuple[int, ...]
    comparison: tuple[Comparison, ...]
    years: tuple[YearRow, ...]
    source: NationalSource


def statistics(records: Iterable[Record], year: int, source: NationalSource = JIPDEC_FY2021) -> Statistics:
    """Count ``records`` by group for fiscal year ``year`` (per month too) and for every year; set the shares
    beside ``source``'s. Shares are of the incidents (not of the people), as JIPDEC's are of the reports."""
    index = {g: i for i, g in enumerate(GROUPS)}
    counts = [[0] * 12 for _ in GROUPS]
    persons = [0] * len(GROUPS)
    per_year: dict[int, tuple[list[int], list[int]]] = {}
    for r in records:
        g = index[group_of(r.cause)]
        fy = fiscal_year(r.discovered_on)
        groups, people = per_year.setdefault(fy, ([0] * len(GROUPS), [0]))
        groups[g] += 1
        people[0] += r.persons
        if fy == year:
            counts[g][FISCAL_MONTHS.index(r.discovered_on.month)] += 1
            persons[g] += r.persons
    totals = [sum(c) for c in counts]
    total = sum(totals)
    rows = tuple(GroupRow(g, totals[i], persons[i], share(totals[i], total), tuple(counts[i]))
                 for i, g in enumerate(GROUPS))  # fmt: skip
    comparison = []
    for f in source.figures:
        n = sum(totals[index[g]] for g in f.groups)
        comparison.append(Comparison(f.groups, f.label_ja, f.label_en, f.short_ja, f.short_en, f.note_ja, f.note_en,
                                     n, share(n, total), f.count, f.share))
    months = tuple(date(year if m >= 4 else year + 1, m, 1) for m in FISCAL_MONTHS)
    years = tuple(YearRow(y, sum(g), p[0], tuple(g)) for y, (g, p) in sorted(per_year.items(), reverse=True))
    return Statistics(year, total, sum(persons), rows, months, tuple(sum(c[m] for c in counts) for m in range(12)),
                      tuple(comparison), years, source)


def records_of(cases: Iterable[Mapping[str, Any]]) -> list[Record]:
    """The records of the register's stored facts (CASE.json objects); a case without a readable day is skipped."""
    out = []
    for case in cases:
        try:
            day = date.fromisoformat(str(case.get("discovered_on", "")))
        except ValueError:
            continue
        persons = case.get("persons")
        count = persons if isinstance(persons, int) and not isinstance(persons, bool) and persons > 0 else 0
        out.append(Record(day, str(case.get("cause", "")), count))
    return out
