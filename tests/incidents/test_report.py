"""The nine items of 規則8条1項 as text, filled from the record; what the record cannot know stays blank."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from mamori.incidents import assess, parse_case
from mamori.incidents.case import case_to_json
from mamori.incidents.explain import to_json
from mamori.incidents.report import BLANK, report_text


@dataclass
class T:
    kind: str
    required: bool = True
    done_at: datetime | None = None


CASE = {"discovered_on": "2026-12-01", "event": "leak", "cause": "unauthorized_access", "persons": 1234,
        "data": ["PERSON", "CREDIT_CARD"], "malicious": True}


def _report(tasks: list[T], **facts: object) -> str:
    case = parse_case(CASE | facts)
    return report_text(7, case_to_json(case), to_json("x", assess(case)), "ECサイトへの不正アクセス", tasks)


def test_the_nine_items_in_order_from_the_record() -> None:
    text = _report([T("preliminary"), T("final"), T("notify_individuals", done_at=datetime.now(UTC))])
    heads = [line for line in text.splitlines() if line.startswith("【")]
    assert [h[1] for h in heads] == list("123456789")
    assert "事案 7" in text and "ECサイトへの不正アクセス" in text and "2026-12-01" in text
    assert "氏名、クレジットカード番号" in text and "1,234人" in text
    assert "不正アクセス (不正の目的をもって行われたおそれあり)" in text
    assert "本人への通知を実施済み" in text and "施行規則7条2号" in text and "施行規則7条3号" in text
    assert "確報の期限: 2027-01-29" in text  # 60 days for 3号
    five = text.split("【5.")[1].split("【6.")[0]
    eight = text.split("【8.")[1].split("【9.")[0]
    assert BLANK in five and BLANK in eight  # secondary harm and prevention: the officer's to write


def test_notice_not_yet_and_alternative_measures() -> None:
    assert "本人への通知を準備中 (未実施)" in _report([T("notify_individuals")])
    text = _report([T("publish")], notification_difficult=True)
    assert "代替措置" in text and "公表を準備中" in text
