"""Reading the accounts CSV: header names in English or Japanese, UTF-8 (with or without BOM) or Shift_JIS (CP932).

The first row names the columns; ``login`` is required, the others are optional (a missing column keeps what the
store holds; a new account gets the default). Header names, case and full-width forms ignored:

=============  =====================================================
column         accepted headers
=============  =====================================================
``login``      login, email, e-mail, mail, ログイン, ログインID, メールアドレス, メール
``name``       name, display_name, 氏名, 名前, 表示名
``department`` department, group, 部署, 部門, 所属, グループ
``role``       role, 役割, ロール, 権限
``approver``   approver, 承認者
=============  =====================================================

Roles: ``sender`` (送信者), ``approver`` (承認者), ``officer`` (個人情報保護管理者), ``admin`` (管理者, システム管理者);
an empty cell is ``sender``. Problems are ``LineError`` s naming the line (the physical line of the file).
"""

from __future__ import annotations

import csv
import io
import unicodedata

from mamori.store import Database
from mamori.web.account_plan import LineError, Plan, Wanted, plan

MAX_BYTES = 4 * 1024 * 1024
MAX_ROWS = 20_000

HEADERS: dict[str, tuple[str, ...]] = {
    "login": ("login", "email", "e-mail", "mail", "ログイン", "ログインid", "メールアドレス", "メール"),
    "name": ("name", "display_name", "displayname", "氏名", "名前", "表示名"),
    "department": ("department", "group", "部署", "部門", "所属", "グループ"),
    "role": ("role", "役割", "ロール", "権限"),
    "approver": ("approver", "承認者"),
}
ROLE_NAMES: dict[str, str] = {
    "sender": "sender", "送信者": "sender", "一般": "sender",
    "approver": "approver", "承認者": "approver",
    "officer": "officer", "個人情報保護管理者": "officer",
    "admin": "admin", "管理者": "admin", "システム管理者": "admin",
}  # fmt: skip


def _fold(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().lower()


_COLUMN_OF = {_fold(h): col for col, names in HEADERS.items() for h in names}


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (a BOM is dropped), else CP932 (what Excel writes in Japan); ``ValueError`` if neither."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932")
    except UnicodeDecodeError:
        raise ValueError("the file is neither UTF-8 nor Shift_JIS (CP932)") from None


def role_of(value: str) -> str | None:
    """The role a cell names (``sender`` for an empty cell), or ``None`` when it names none."""
    folded = _fold(value)
    return ROLE_NAMES.get(folded) if folded else "sender"


def parse(data: bytes) -> tuple[list[Wanted], list[LineError]]:
    """The accounts a CSV file wants, and the problems of its lines (``line`` 1 is the header)."""
    if len(data) > MAX_BYTES:
        return [], [LineError(0, "", f"the file is larger than {MAX_BYTES // 1024 // 1024} MB",
                              f"ファイルが {MAX_BYTES // 1024 // 1024} MB を超えています")]
    try:
        text = decode(data)
    except ValueError as exc:
        return [], [LineError(0, "", str(exc), "ファイルの文字コードが UTF-8 でも Shift_JIS でもありません")]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return [], [LineError(1, "", "the file has no header row", "見出し行がありません")]
    columns: list[str | None] = []
    errors: list[LineError] = []
    for cell in header:
        col = _COLUMN_OF.get(_fold(cell))
        if col is None and _fold(cell):
            errors.append(LineError(1, "", f"unknown column {cell.strip()!r} (known: {', '.join(HEADERS)})",
                                    f"不明な列「{cell.strip()}」です（使える列: {', '.join(HEADERS)}）"))
        elif col is not None and col in columns:
            errors.append(LineError(1, "", f"column {col} appears twice", f"列 {col} が2回あります"))
        columns.append(col)
    if "login" not in columns:
        errors.append(LineError(1, "", "the header has no login column",
                                "見出し行に login（メールアドレス）列がありません"))
    if errors:
        return [], errors
    wanted: list[Wanted] = []
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(columns):
                errors.append(LineError(line, "", f"{len(cells)} cells, the header has {len(columns)}",
                                        f"列の数（{len(cells)}）が見出し（{len(columns)}）と合いません"))
                continue
            row = {col: cells[i].strip() if i < len(cells) else "" for i, col in enumerate(columns) if col}
            role = role_of(row["role"]) if "role" in row else None
            if "role" in row and role is None:
                errors.append(LineError(line, row["login"], f"unknown role {row['role']!r}",
                                        f"不明な役割「{row['role']}」です"))
                continue
            wanted.append(Wanted(line, row["login"], row.get("name"), row.get("department"), role,
                                 row.get("approver", "")))
            if len(wanted) > MAX_ROWS:
                errors.append(LineError(line, "", f"more than {MAX_ROWS} accounts", f"{MAX_ROWS} 件を超えています"))
                break
    except csv.Error as exc:
        errors.append(LineError(reader.line_num, "", f"not valid CSV: {exc}", f"CSV として読めません: {exc}"))
    return wanted, errors


def plan_import(db: Database, data: bytes, *, protect: tuple[str, ...] = (), officers: bool = True) -> Plan:
    """What importing the CSV ``data`` would change (nothing is written); a file that cannot be read plans nothing."""
    wanted, errors = parse(data)
    if errors and not wanted:
        result = Plan("csv")
        result.errors = errors
        return result
    result = plan(db, wanted, "csv", protect=protect, officers=officers)
    result.errors = sorted([*errors, *result.errors], key=lambda e: (e.line, e.login))
    return result
