"""The contact directory as the administration pages change it: validate an upload, plan the changes, write the file.

The live list is the CSV file ``[guard] contacts`` of mamori.toml names (the format ``mamori check --contacts``
and the guard read: ``name,kana,email,organization``, optional ``fax``, ``handle``, ``code``). An upload is checked
whole — every error names its row and column — and applies all or nothing; ``plan`` compares it with the live
file by address (added / removed / changed, and which columns); ``write`` replaces the file atomically, in UTF-8,
so the gateway's ``GuardReloader`` and the check API pick it up within a second.

The audit log gets summaries, never rows: counts and masked addresses (``masked_address``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from mamori.detect.mask import mask_value
from mamori.web.config_files import replace_file

MAX_BYTES = 5_000_000
MAX_ROWS = 100_000
COLUMNS = ("name", "kana", "email", "organization", "fax", "handle", "code")
REQUIRED = ("name", "email")
_ALIASES = {"customer_code": "code"}
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
_FAX = re.compile(r"^\+?[0-9()\- ]{6,24}$")
_BAD_CHAR = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")

Row = dict[str, str]


@dataclass(frozen=True)
class RowError:
    """A problem of the upload: ``row`` is the file's line number (1 = the header), ``column`` the column's name."""

    row: int
    column: str
    code: str
    value: str = ""

    def text(self, lang: str) -> str:
        ja, en = _ERRORS[self.code]
        if self.column:
            ja_where, en_where = f"{self.row} 行目・列「{self.column}」: ", f"row {self.row}, column '{self.column}': "
            where = ja_where if lang == "ja" else en_where
        else:
            where = f"{self.row} 行目: " if lang == "ja" else f"row {self.row}: "
        return where + (ja if lang == "ja" else en).format(value=self.value)

    def message(self, lang: str) -> str:
        """The problem with its column, without the row (for the form that edits one contact)."""
        ja, en = _ERRORS[self.code]
        text = (ja if lang == "ja" else en).format(value=self.value)
        return f"{self.column}: {text}" if self.column else text


_ERRORS = {
    "encoding": ("UTF-8 でも Shift_JIS でも読めません。", "neither UTF-8 nor Shift_JIS."),
    "empty": ("ファイルが空です。", "the file is empty."),
    "too_large": (
        "ファイルが大きすぎます（5 MB・10 万行まで）。",
        "the file is too large (5 MB, 100,000 rows at most).",
    ),
    "missing_column": ("必須の列がありません。", "a required column is missing."),
    "unknown_column": (
        "知らない列です（name, kana, email, organization, fax, handle, code）。",
        "unknown column (name, kana, email, organization, fax, handle, code).",
    ),
    "duplicate_column": ("列が二つあります。", "the column appears twice."),
    "required": ("空です。", "is empty."),
    "email": ("メールアドレスの形ではありません。", "is not an e-mail address."),
    "duplicate": ("{value} 行目と同じアドレスです。", "the same address as row {value}."),
    "fax": (
        "FAX 番号の形ではありません（数字、+ - ( ) と空白）。",
        "is not a FAX number (digits, + - ( ) and spaces).",
    ),
    "control": ("改行や制御文字が含まれています。", "holds a line break or control character."),
    "columns": ("列の数が見出しと違います。", "has a different number of fields than the header."),
}


@dataclass
class Parsed:
    rows: list[Row] = field(default_factory=list)
    columns: tuple[str, ...] = ()
    errors: list[RowError] = field(default_factory=list)


def decode(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def parse_upload(data: bytes) -> Parsed:
    """Every row of an uploaded contacts CSV, or every error in it (row and column named)."""
    out = Parsed()
    if len(data) > MAX_BYTES:
        out.errors.append(RowError(0, "", "too_large"))
        return out
    text = decode(data)
    if text is None:
        out.errors.append(RowError(0, "", "encoding"))
        return out
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        out.errors.append(RowError(1, "", "empty"))
        return out
    names = [_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header]
    for name in names:
        if name not in COLUMNS:
            out.errors.append(RowError(1, name, "unknown_column"))
        elif names.count(name) > 1 and RowError(1, name, "duplicate_column") not in out.errors:
            out.errors.append(RowError(1, name, "duplicate_column"))
    for name in REQUIRED:
        if name not in names:
            out.errors.append(RowError(1, name, "missing_column"))
    if out.errors:
        return out
    out.columns = tuple(c for c in COLUMNS if c in names)
    first_row: dict[str, int] = {}
    for record in reader:
        row_no = reader.line_num
        if not any(v.strip() for v in record):
            continue
        if len(out.rows) >= MAX_ROWS:
            out.errors.append(RowError(row_no, "", "too_large"))
            break
        if len(record) != len(names):
            out.errors.append(RowError(row_no, "", "columns"))
            continue
        row = {name: value.strip() for name, value in zip(names, record, strict=True)}
        row["email"] = row["email"].lower()
        for name in out.columns:
            if _BAD_CHAR.search(row[name]):
                out.errors.append(RowError(row_no, name, "control"))
        for name in REQUIRED:
            if not row[name]:
                out.errors.append(RowError(row_no, name, "required"))
        if row["email"] and not _EMAIL.match(row["email"]):
            out.errors.append(RowError(row_no, "email", "email"))
        elif row["email"] in first_row:
            out.errors.append(RowError(row_no, "email", "duplicate", str(first_row[row["email"]])))
        else:
            first_row[row["email"]] = row_no
        if row.get("fax") and not _FAX.match(row["fax"]):
            out.errors.append(RowError(row_no, "fax", "fax"))
        out.rows.append({c: row.get(c, "") for c in out.columns})
    if not out.rows and not out.errors:
        out.errors.append(RowError(2, "", "empty"))
    return out


def read_live(path: Path) -> Parsed:
    """The live file's rows (the guard's own reading: rows without an address are skipped)."""
    if not path.is_file():
        return Parsed(columns=("name", "kana", "email", "organization"))
    parsed = parse_upload(path.read_bytes())
    if parsed.errors:  # a file written by hand that this page would refuse: read it as the guard does
        text = decode(path.read_bytes()) or ""
        reader = csv.DictReader(io.StringIO(text))
        cols = tuple(c for c in COLUMNS if c in {_ALIASES.get(f, f) for f in reader.fieldnames or ()})
        rows = [
            {c: (r.get(c) or r.get("customer_code" if c == "code" else c) or "").strip() for c in cols}
            for r in reader
            if (r.get("email") or "").strip()
        ]
        for r in rows:
            r["email"] = r["email"].lower()
        return Parsed(rows=rows, columns=cols)
    return parsed


@dataclass
class Change:
    kind: str  # added | removed | changed
    email: str
    row: Row
    columns: tuple[str, ...] = ()  # what changed
    before: Row | None = None


@dataclass
class Plan:
    changes: list[Change]
    total_before: int
    total_after: int
    digest: str  # of the live file this plan was made against

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]

    def counts(self) -> dict[str, int]:
        return {k: len(self.of(k)) for k in ("added", "removed", "changed")}


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes() if path.is_file() else b"").hexdigest()


def plan(live: Parsed, new: Parsed, digest: str) -> Plan:
    before = {r["email"]: r for r in live.rows}
    after = {r["email"]: r for r in new.rows}
    changes: list[Change] = []
    for email, row in after.items():
        old = before.get(email)
        if old is None:
            changes.append(Change("added", email, row))
            continue
        diff = tuple(c for c in COLUMNS if (old.get(c, "") or "") != (row.get(c, "") or ""))
        if diff:
            changes.append(Change("changed", email, row, diff, old))
    changes += [Change("removed", email, row) for email, row in before.items() if email not in after]
    return Plan(changes, len(before), len(after), digest)


def to_csv(rows: list[Row], columns: tuple[str, ...]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return buf.getvalue().encode("utf-8")


def write(path: Path, rows: list[Row], columns: tuple[str, ...]) -> None:
    replace_file(path, to_csv(rows, columns))


def masked_address(email: str) -> str:
    return mask_value("EMAIL", email)


def masked_row(row: Row | None) -> dict[str, str]:
    """A contact for the audit log: name and address masked, the organisation as it is (a company, not a person)."""
    if not row:
        return {}
    return {
        "name": mask_value("PERSON", row.get("name", "")),
        "email": masked_address(row.get("email", "")),
        "organization": row.get("organization", ""),
    }


def audit_summary(p: Plan, sample: int = 5) -> dict[str, object]:
    """What the audit entry of an import keeps: counts before and after, per kind, and a few masked addresses."""
    return {
        "before": {"contacts": p.total_before},
        "after": {"contacts": p.total_after},
        **p.counts(),
        "examples": {k: [masked_address(c.email) for c in p.of(k)[:sample]] for k in ("added", "removed", "changed")},
    }


def search(rows: list[Row], query: str, limit: int = 200) -> list[Row]:
    """Rows whose name, kana, address, organisation or code holds ``query`` (case- and space-insensitive)."""
    q = "".join(query.lower().split())
    if not q:
        return rows[:limit]
    hits = [r for r in rows if any(q in "".join((r.get(c) or "").lower().split()) for c in COLUMNS)]
    return hits[:limit]
