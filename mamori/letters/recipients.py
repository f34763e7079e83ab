"""The list a print run was made for: ``recipients.csv`` with ``id,name,postal_code,address`` (optional
``organization``), UTF-8 with a header row. Pure: text in, entries out, or a `ListError` naming the row.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from mamori.letters.normalize import norm_address, norm_name, norm_org, norm_postal

REQUIRED = ("id", "name", "postal_code", "address")
OPTIONAL = ("organization",)


class ListError(ValueError):
    """A list that cannot be used: ``row`` is the line of the file (1 = header), 0 for the file as a whole."""

    def __init__(self, row: int, message_en: str, message_ja: str) -> None:
        super().__init__(message_en)
        self.row = row
        self.message_en = message_en
        self.message_ja = message_ja


@dataclass(frozen=True, slots=True)
class Entry:
    """One recipient of the list, with its values as given and as compared."""

    id: str
    name: str
    postal_code: str
    address: str
    organization: str = ""
    row: int = 0

    @property
    def key_name(self) -> str:
        return norm_name(self.name)

    @property
    def key_address(self) -> str:
        return norm_address(self.address)

    @property
    def key_postal(self) -> str:
        return norm_postal(self.postal_code)

    @property
    def key_org(self) -> str:
        return norm_org(self.organization)


def parse_recipients(text: str) -> list[Entry]:
    """The entries of a recipients CSV; a missing or unknown column, an empty or duplicate id, an empty name or
    address, or a postal code that is not seven digits is a `ListError` naming its line."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if header is None:
        raise ListError(0, "the list is empty (a header row is required)", "リストが空です（見出し行が必要です）")
    columns = [h.strip().lower() for h in header]
    unknown = [c for c in columns if c not in REQUIRED + OPTIONAL]
    if unknown:
        raise ListError(
            1,
            f"unknown column(s) {', '.join(unknown)} (allowed: {', '.join(REQUIRED + OPTIONAL)})",
            f"不明な列 {', '.join(unknown)} があります（使える列: {', '.join(REQUIRED + OPTIONAL)}）",
        )
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ListError(1, f"missing column(s) {', '.join(missing)}", f"列 {', '.join(missing)} がありません")
    if len(set(columns)) != len(columns):
        raise ListError(1, "a column appears twice", "同じ列が二度あります")
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for row_no, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(columns):
            raise ListError(
                row_no,
                f"{len(cells)} cells where the header has {len(columns)}",
                f"見出しは {len(columns)} 列ですが、この行は {len(cells)} 列です",
            )
        row = {c: v.strip() for c, v in zip(columns, cells, strict=True)}
        for col, ja in (("id", "id"), ("name", "氏名（name）"), ("address", "住所（address）")):
            if not row[col]:
                raise ListError(row_no, f"{col} is empty", f"{ja} が空です")
        if not norm_postal(row["postal_code"]):
            raise ListError(
                row_no,
                f"postal_code {row['postal_code']!r} is not a seven-digit postal code",
                f"postal_code「{row['postal_code']}」は7桁の郵便番号ではありません",
            )
        if row["id"] in seen:
            raise ListError(
                row_no,
                f"id {row['id']} is already used on line {seen[row['id']]}",
                f"id {row['id']} は {seen[row['id']]} 行目でも使われています",
            )
        seen[row["id"]] = row_no
        entries.append(
            Entry(row["id"], row["name"], row["postal_code"], row["address"], row.get("organization", ""), row_no)
        )
    return entries
