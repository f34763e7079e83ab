"""The people an incident concerns, as the office keeps them: a CSV in, and the CSV of the notice's fields out.

:func:`read_people` reads the list the officer uploads (or names on the command line): a header row, then one
person a row. Columns are found by name, in English or Japanese (``name``/氏名, ``postal_code``/郵便番号,
``address``/住所, optional ``address2``/住所2, ``organization``/会社名, ``honorific``/敬称, ``id``/番号); other
columns (telephone, notes ...) are ignored and never copied on. The file may be UTF-8 (with or without BOM) or
Shift_JIS (cp932, what Japanese Excel writes for 「CSV (コンマ区切り)」). Nothing is stored: the list is read,
used for the letters, and dropped.

:func:`people_csv` writes one row per person with the address block and every text field of the notice
(:class:`~mamori.incidents.notice.Notice`), UTF-8 with a BOM and CRLF, so Excel and Word's 差し込み印刷 (mail merge)
open it as it is, and a printing company can print and post the letters from it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from mamori.incidents.notice import Notice
from mamori.letters.normalize import norm_postal
from mamori.spreadsheet import CsvWriter

COLUMN_NAMES = {
    "name": ("name", "氏名", "名前", "お名前", "宛名"),
    "postal_code": ("postal_code", "zip", "郵便番号", "〒"),
    "address": ("address", "address1", "住所", "住所1"),
    "address2": ("address2", "住所2", "建物名", "方書"),
    "organization": ("organization", "company", "会社名", "法人名", "勤務先"),
    "honorific": ("honorific", "敬称"),
    "id": ("id", "番号", "顧客番号", "会員番号", "社員番号"),
}
LABELS_JA = {"name": "氏名", "postal_code": "郵便番号", "address": "住所", "address2": "住所2",
             "organization": "会社名", "honorific": "敬称", "id": "番号"}
REQUIRED = ("name", "postal_code", "address")
MAX_PEOPLE = 100_000


class PeopleError(ValueError):
    """A list that cannot be used: ``row`` is its line (1 = the header), 0 for the file as a whole."""

    def __init__(self, row: int, message: str, message_ja: str) -> None:
        super().__init__(f"line {row}: {message}" if row else message)
        self.row = row
        self.message_ja = f"{row}行目: {message_ja}" if row else message_ja


@dataclass(frozen=True)
class Person:
    name: str
    postal_code: str  # 123-4567
    address: str
    address2: str = ""
    organization: str = ""
    honorific: str = "様"
    id: str = ""


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PeopleError(0, "the file is neither UTF-8 nor Shift_JIS", "UTF-8 でも Shift_JIS でもない文字があります")


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, raw in enumerate(header):
        name = raw.strip().lower()
        for key, names in COLUMN_NAMES.items():
            if name in names:
                if key in found:
                    raise PeopleError(1, f"two columns for {key}", f"{LABELS_JA[key]} の列が二つあります")
                found[key] = i
    missing = [k for k in REQUIRED if k not in found]
    if missing:
        wanted = "、".join(LABELS_JA[k] for k in missing)
        raise PeopleError(1, f"missing column(s) {', '.join(missing)}", f"{wanted} の列がありません")
    return found


def read_people(data: bytes) -> list[Person]:
    """The people of a CSV file's bytes; :class:`PeopleError` names the line of an empty name or address, a
    postal code that is not seven digits, or a file with no person."""
    reader = csv.reader(io.StringIO(_decode(data)))
    header = next(reader, None)
    if header is None:
        raise PeopleError(0, "the file is empty (a header row is required)", "ファイルが空です (見出し行が必要です)")
    columns = _columns(header)
    people: list[Person] = []
    for row_no, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        value = {k: cells[i].strip() if i < len(cells) else "" for k, i in columns.items()}
        for key, ja in (("name", "氏名"), ("address", "住所")):
            if not value[key]:
                raise PeopleError(row_no, f"{key} is empty", f"{ja}が空です")
        digits = norm_postal(value["postal_code"])
        if not digits:
            raise PeopleError(row_no, f"postal code {value['postal_code']!r} is not seven digits",
                              f"郵便番号「{value['postal_code']}」は7桁ではありません")
        if len(people) >= MAX_PEOPLE:
            raise PeopleError(row_no, f"more than {MAX_PEOPLE:,} people", f"{MAX_PEOPLE:,}人を超えています")
        people.append(Person(value["name"], f"{digits[:3]}-{digits[3:]}", value["address"],
                             value.get("address2", ""), value.get("organization", ""),
                             value.get("honorific") or "様", value.get("id", "")))
    if not people:
        raise PeopleError(0, "no person in the list", "一人も書かれていません")
    return people


def notice_fields(notice: Notice) -> list[tuple[str, str]]:
    """The notice's text fields as (column, text), the same for every person: 日付, 件名, the items, 差出人."""
    sender = notice.company + (f"\n{notice.signer}" if notice.signer else "")
    items = [(heading.partition(". ")[2], text) for heading, text in notice.items]
    return [("通知日", notice.date_text), ("件名", notice.title), ("前文", notice.opening), *items,
            ("結び", notice.closing), ("差出人", sender)]


PERSON_COLUMNS = ("番号", "郵便番号", "住所", "住所2", "会社名", "氏名", "敬称")


def people_csv(people: list[Person], notice: Notice) -> bytes:
    """One row per person: the address block, then every text field of ``notice`` (UTF-8 with BOM, CRLF)."""
    fields = notice_fields(notice)
    out = io.StringIO()
    writer = CsvWriter(out)
    writer.writerow([*PERSON_COLUMNS, *(name for name, _ in fields)])
    texts = [text for _, text in fields]
    for p in people:
        writer.writerow([p.id, p.postal_code, p.address, p.address2, p.organization, p.name, p.honorific, *texts])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
