"""The inventory of one file: counts per type, estimated records (persons), a risk score, what was not inspected.

Pure: an :class:`~mamori.extract.Extraction` and the findings of its units in, a :class:`FileReport` out. A report
holds masked values only, never a raw finding, so it can be logged, sent between processes and written to disk.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mamori.detect import Finding
from mamori.detect.mask import mask_value
from mamori.extract import CELL, Extraction, TextUnit

if TYPE_CHECKING:
    from mamori.discovery.compact import Inspected

# How much one value of each type weighs in the risk score. Identifiers that enable fraud or identity theft and
# special-care information weigh most; a bare name or an organisation least. Unlisted types weigh 1.
RISK_WEIGHTS: dict[str, float] = {
    "MY_NUMBER": 10.0,
    "SENSITIVE": 10.0,
    "CREDIT_CARD": 8.0,
    "US_SSN": 8.0,
    "BANK_ACCOUNT": 6.0,
    "PASSPORT": 6.0,
    "DRIVERS_LICENSE": 6.0,
    "RESIDENCE_CARD": 6.0,
    "HEALTH_INSURANCE": 6.0,
    "PENSION_NUMBER": 6.0,
    "IBAN": 5.0,
    "DATE_OF_BIRTH": 3.0,
    "ADDRESS": 3.0,
    "PHONE": 2.0,
    "EMAIL": 2.0,
    "PERSON": 1.0,
    "POSTAL_CODE": 0.5,
    "IP_ADDRESS": 0.5,
    "ORGANIZATION": 0.1,
    "CORPORATE_NUMBER": 0.1,
    "LOCATION": 0.0,
}
EXAMPLES_PER_TYPE = 3
# Found and counted, but not personal data: a company's name or corporate number, a place name. A row or text that
# holds only these is not a person's record, and a file holding only these holds no personal information.
NOT_PERSONAL = frozenset({"ORGANIZATION", "CORPORATE_NUMBER", "LOCATION"})


def personal_counts(counts: dict[str, int]) -> dict[str, int]:
    """``counts`` without the types that are not personal data (:data:`NOT_PERSONAL`)."""
    return {t: n for t, n in counts.items() if t not in NOT_PERSONAL}


@dataclass(frozen=True, slots=True)
class IssueEntry:
    """Why (part of) a file was not inspected: a stable code, an English message, where in the file."""

    code: str
    message: str
    where: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message, "where": self.where}


@dataclass(frozen=True, slots=True)
class FileReport:
    """What one file holds. ``records`` estimates the persons whose data it holds (see :func:`build_report`)."""

    path: str
    size: int = 0
    format: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    records: int = 0
    risk: float = 0.0
    examples: dict[str, tuple[str, ...]] = field(default_factory=dict)  # masked values, a few per type
    issues: tuple[IssueEntry, ...] = ()
    error: str | None = None  # the file could not be scanned at all (unreadable, worker failure)
    seconds: float = 0.0

    @property
    def findings(self) -> int:
        return sum(self.counts.values())

    @property
    def personal(self) -> dict[str, int]:
        """The counts of personal data only (no company names, corporate numbers or place names)."""
        return personal_counts(self.counts)

    @property
    def complete(self) -> bool:
        """Fully inspected: no issue and no error."""
        return not self.issues and self.error is None

    @property
    def status(self) -> str:
        if self.error is not None:
            return "error"
        return "complete" if not self.issues else "not fully inspected"

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "size": self.size,
            "format": self.format,
            "status": self.status,
            "risk": self.risk,
            "records": self.records,
            "findings": self.findings,
            "counts": dict(sorted(self.counts.items())),
            "examples": {k: list(v) for k, v in sorted(self.examples.items())},
            "issues": [i.as_dict() for i in self.issues],
            "error": self.error,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True, slots=True)
class ScanSummary:
    """Totals over a scan."""

    files: int = 0
    bytes: int = 0
    files_with_findings: int = 0
    not_fully_inspected: int = 0
    errors: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    records: int = 0
    risk: float = 0.0
    seconds: float = 0.0
    files_with_personal_data: int = 0  # files_with_findings less those holding only company or place names

    @property
    def findings(self) -> int:
        return sum(self.counts.values())

    @property
    def personal(self) -> dict[str, int]:
        return personal_counts(self.counts)

    @property
    def personal_findings(self) -> int:
        return sum(self.personal.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "bytes": self.bytes,
            "files_with_findings": self.files_with_findings,
            "files_with_personal_data": self.files_with_personal_data,
            "not_fully_inspected": self.not_fully_inspected,
            "errors": self.errors,
            "findings": self.findings,
            "counts": dict(sorted(self.counts.items())),
            "records": self.records,
            "risk": round(self.risk, 1),
            "seconds": round(self.seconds, 3),
        }


def risk_score(counts: dict[str, int]) -> float:
    """Σ weight(type) × count(type), rounded to one decimal: many sensitive values first."""
    return round(float(sum(RISK_WEIGHTS.get(t, 1.0) * n for t, n in counts.items())), 1)


def _person_key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def build_report(
    path: str,
    extraction: Extraction,
    inspected: Iterable[tuple[TextUnit, Sequence[Finding]]] | Inspected,
    *,
    size: int = 0,
    seconds: float = 0.0,
    extra_issues: Sequence[IssueEntry] = (),
) -> FileReport:
    """Count one file's findings and estimate its records.

    Records: the distinct table rows (``(table, row)`` of CELL units) that hold at least one finding of personal
    data (not :data:`NOT_PERSONAL`), a key | value form counting as one record; plus, for text outside tables, the
    distinct PERSON values found there, or 1 when that text holds personal data but no name.

    ``inspected`` is the ``(unit, findings)`` pairs, or the compact findings of
    :func:`mamori.discovery.compact.detect_compact` (counted the same way, without an object per finding).
    """
    from mamori.discovery.compact import Inspected

    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    rows: set[tuple[int, int | None]] = set()
    persons: set[str] = set()
    text_findings = False
    if isinstance(inspected, Inspected):
        text_findings = _count_compact(inspected, extraction, counts, examples, rows, persons)
        inspected = ()
    for unit, findings in inspected:
        if not findings:
            continue
        loc = unit.location
        in_table = unit.kind == CELL and loc.table is not None
        personal = any(f.type not in NOT_PERSONAL for f in findings)
        if in_table and personal:
            assert loc.table is not None
            key_value = loc.table < len(extraction.tables) and extraction.tables[loc.table].key_value
            rows.add((loc.table, None if key_value else loc.row))
        for f in findings:
            counts[f.type] += 1
            seen = examples.setdefault(f.type, [])
            if len(seen) < EXAMPLES_PER_TYPE:
                masked = f.masked
                if masked not in seen:
                    seen.append(masked)
            if not in_table and f.type not in NOT_PERSONAL:
                text_findings = True
                if f.type == "PERSON":
                    persons.add(_person_key(f.text))
    records = len(rows) + (len(persons) or (1 if text_findings else 0))
    issues = tuple(IssueEntry(i.code, i.message, i.location.describe()) for i in extraction.issues)
    return FileReport(
        path=path,
        size=size,
        format=extraction.format,
        counts=dict(counts),
        records=records,
        risk=risk_score(counts),
        examples={t: tuple(v) for t, v in examples.items()},
        issues=issues + tuple(extra_issues),
        seconds=seconds,
    )


def _count_compact(
    inspected: Inspected,
    extraction: Extraction,
    counts: Counter[str],
    examples: dict[str, list[str]],
    rows: set[tuple[int, int | None]],
    persons: set[str],
) -> bool:
    """:func:`build_report`'s counting over compact findings (same order, same results); whether text outside
    tables holds findings."""
    from mamori.discovery.compact import TABLE_SOURCE, TEXT_SOURCE

    names = inspected.names
    source, index, row, kind = inspected.column(0), inspected.column(1), inspected.column(2), inspected.column(6)
    present = list(dict.fromkeys(kind))  # the types found, in the order they were first found
    for k in present:
        counts[names[k]] += kind.count(k)
    # examples: the first distinct masked values of each type, in reading order; stop once every type has enough
    seen: dict[int, list[str]] = {k: [] for k in present}
    full = 0
    fields = inspected.fields
    for i, k in enumerate(kind):
        got = seen[k]
        if len(got) >= EXAMPLES_PER_TYPE:
            continue
        f = fields[i * 9 : i * 9 + 6]
        masked = mask_value(names[k], inspected.piece_text(f[0], f[1], f[2], f[3])[f[4] : f[5]])
        if masked not in got:
            got.append(masked)
            if len(got) == EXAMPLES_PER_TYPE:
                full += 1
                if full == len(present):
                    break
    for k, got in seen.items():
        examples[names[k]] = got
    # records: the table rows with findings (a key | value form is one); text outside tables as build_report does
    text_findings = False
    tables = inspected.tables
    texts = TEXT_SOURCE in source
    not_personal = {k for k in present if names[k] in NOT_PERSONAL}
    if texts or len(tables) > 1 or not_personal:
        per_table: dict[int, set[int]] = {}
        for s, t, r, k in zip(source, index, row, kind, strict=True):
            if s == TABLE_SOURCE and k not in not_personal:
                per_table.setdefault(t, set()).add(r)
    else:
        per_table = {0: set(row)} if len(row) else {}
    for t, found in per_table.items():
        position, table = tables[t][:2]
        if table.key_value:
            rows.add((position, None))
        else:
            numbers = table.rows
            rows.update((position, numbers[r].number) for r in found)
    for i in (i for i, s in enumerate(source) if s == TEXT_SOURCE) if texts else ():
        if kind[i] in not_personal:
            continue
        unit = inspected.texts[index[i]]
        loc = unit.location
        if unit.kind == CELL and loc.table is not None:
            key_value = loc.table < len(extraction.tables) and extraction.tables[loc.table].key_value
            rows.add((loc.table, None if key_value else loc.row))
            continue
        text_findings = True
        if names[kind[i]] == "PERSON":
            f = fields[i * 9 : i * 9 + 6]
            persons.add(_person_key(unit.text[f[4] : f[5]]))
    return text_findings


def error_report(path: str, message: str, *, size: int = 0, seconds: float = 0.0) -> FileReport:
    """A file that could not be scanned at all."""
    return FileReport(path=path, size=size, error=message, seconds=seconds)


def sort_key(report: FileReport) -> tuple[float, int, int, str]:
    """Largest risk first, then most records, then most findings, then by path."""
    return (-report.risk, -report.records, -report.findings, report.path)


def summarize(reports: Iterable[FileReport], seconds: float = 0.0) -> ScanSummary:
    counts: Counter[str] = Counter()
    files = size = with_findings = with_personal = partial = errors = records = 0
    risk = 0.0
    for r in reports:
        files += 1
        with_personal += bool(r.personal)
        size += r.size
        counts.update(r.counts)
        records += r.records
        risk += r.risk
        with_findings += bool(r.counts)
        errors += r.error is not None
        partial += bool(r.issues) and r.error is None
    return ScanSummary(files, size, with_findings, partial, errors, dict(counts), records, risk, seconds, with_personal)
