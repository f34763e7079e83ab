"""The nine items of 規則8条1項 as a workbook, read back with openpyxl: the same items as the text, in order, the
blanks shaded, the officer's words as text (never a formula)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from io import BytesIO

from openpyxl import load_workbook

from mamori.incidents import assess, parse_case
from mamori.incidents.case import case_to_json
from mamori.incidents.explain import to_json
from mamori.incidents.report import BLANK, report_items, report_text
from mamori.incidents.report_xlsx import HEADER_ROW, SHEET, report_xlsx


@dataclass
class T:
    kind: str
    required: bool = True
    done_at: datetime | None = None


CASE = {"discovered_on": "2026-12-01", "event": "leak", "cause": "unauthorized_access", "persons": 1234,
        "data": ["PERSON", "CREDIT_CARD"], "malicious": True}
TASKS = [T("preliminary"), T("final"), T("notify_individuals", done_at=datetime(2026, 12, 3, tzinfo=UTC))]


def _args(summary: str) -> tuple[dict[str, object], dict[str, object], str]:
    case = parse_case(CASE)
    return case_to_json(case), to_json("x", assess(case)), summary


def _rows(data: bytes) -> list[tuple[object, ...]]:
    wb = load_workbook(BytesIO(data))
    assert wb.sheetnames == [SHEET]
    return [tuple(c.value for c in row) for row in wb[SHEET].iter_rows()]


def test_the_workbook_holds_the_nine_items_of_the_text() -> None:
    case, decision, summary = _args("ECサイトへの不正アクセス")
    data = report_xlsx(7, case, decision, summary, TASKS, date(2026, 12, 4))
    rows = _rows(data)
    assert rows[0][0] == "個人情報保護委員会への報告 (施行規則8条1項)"
    assert rows[1][:2] == ("事案番号", 7) and rows[2][0] == "作成日"
    assert rows[2][1] == datetime(2026, 12, 4)  # a date cell
    assert rows[HEADER_ROW - 1] == ("項番", "項目", "内容")
    items = rows[HEADER_ROW:]
    assert [r[0] for r in items] == list(range(1, 10))
    text = report_text(7, case, decision, summary, TASKS)
    for (number, head, body), (want_head, want_body) in zip(items, report_items(case, decision, summary, TASKS),
                                                             strict=True):
        assert f"{number}. {head}" == want_head and body == want_body
        assert f"【{want_head}】\n{want_body}\n" in text  # the same words as the text download
    assert items[2][2] == "1,234人" and "氏名、クレジットカード番号" in items[1][2]
    assert "ECサイトへの不正アクセス" in items[0][2] and "本人への通知を実施済み" in items[5][2]


def test_blanks_are_shaded_and_words_stay_text() -> None:
    case, decision, summary = _args('=HYPERLINK("http://evil.example","x")')
    wb = load_workbook(BytesIO(report_xlsx(1, case, decision, summary, TASKS, date(2026, 12, 4))))
    ws = wb[SHEET]
    outline = ws.cell(row=HEADER_ROW + 1, column=3)
    assert outline.data_type == "s" and '=HYPERLINK("http://evil.example","x")' in outline.value
    shaded = [r for r in range(HEADER_ROW + 1, HEADER_ROW + 10)
              if ws.cell(row=r, column=3).fill.fgColor.rgb.endswith("FFF2CC")]
    # 5. 二次被害, 7. 公表 (no publication task: the record does not know), 8. 再発防止策: the officer's to write
    assert shaded == [HEADER_ROW + 5, HEADER_ROW + 7, HEADER_ROW + 8]
    assert all(BLANK in ws.cell(row=r, column=3).value for r in shaded)
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
