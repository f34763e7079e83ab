"""The pure inventory: counts, records and persons, risk order, no raw values."""

from __future__ import annotations

from mamori.detect import Detector
from mamori.discovery.inventory import FileReport, build_report, sort_key, summarize
from mamori.extract import extract


def _report(detector: Detector, data: bytes, name: str) -> FileReport:
    ex = extract(data, name)
    return build_report(name, ex, [(u, detector.detect(u.text)) for u in ex.units], size=len(data))


def test_records_are_distinct_rows_of_a_csv_with_japanese_headers(detector: Detector) -> None:
    data = "氏名,電話番号,備考\n山田太郎,090-1234-5678,\n佐藤花子,,\n,03-1234-5678,\n,,なし\n".encode()
    r = _report(detector, data, "名簿.csv")
    assert r.counts == {"PERSON": 2, "PHONE": 2}
    assert r.records == 3  # three rows hold personal data; the fourth does not
    assert r.complete and r.status == "complete"


def test_text_persons_are_distinct_names_or_one(detector: Detector) -> None:
    r = _report(detector, "山田太郎と佐藤花子、そして山田太郎。".encode(), "memo.txt")
    assert r.records == 2
    r = _report(detector, b"call 090-1234-5678", "memo.txt")
    assert r.records == 1
    r = _report(detector, b"nothing here", "memo.txt")
    assert (r.records, r.findings, r.risk) == (0, 0, 0)


def test_report_holds_masked_values_only(detector: Detector) -> None:
    r = _report(detector, "氏名 山田太郎 電話 090-1234-5678".encode(), "a.txt")
    text = repr(r) + repr(r.as_dict())
    assert "090-1234-5678" not in text and "山田太郎" not in text
    assert r.examples["PHONE"] == ("090-****-****",)


def test_issues_make_a_file_not_fully_inspected(detector: Detector) -> None:
    r = _report(detector, b"PK\x03\x04 broken", "x.zip")
    assert not r.complete and r.status == "not fully inspected"
    assert r.issues[0].code == "corrupt"


def test_risk_orders_sensitive_identifiers_first() -> None:
    names = FileReport("names.txt", counts={"PERSON": 5}, records=5, risk=5.0)
    cards = FileReport("cards.csv", counts={"CREDIT_CARD": 2}, records=2, risk=16.0)
    assert [r.path for r in sorted([names, cards], key=sort_key)] == ["cards.csv", "names.txt"]
    s = summarize([names, cards, FileReport("bad", error="x")])
    assert (s.files, s.records, s.errors, s.files_with_findings, s.counts) == (
        3,
        7,
        1,
        2,
        {"PERSON": 5, "CREDIT_CARD": 2},
    )
