"""The assessment against cases taken from the law, the PPC guideline (通則編 3-5) and the PPC's Q&A.

Each row names its source; the expected answer was worked out from that source and the contract in DESIGN.md
(day of discovery = day 1, 30 days or 60 with 3号, moved past weekends, holidays and 12/29-1/3), with the
calendar looked up by hand — never by running the code. The source texts are quoted in
shared/research/law-stats-training.md section 1 (GL = 通則ガイドライン, Q&A = PPC「ガイドラインに関するQ&A」).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from mamori.incidents import assess, parse_case


@dataclass(frozen=True)
class Row:
    source: str
    case: dict[str, Any]
    reportable: bool
    categories: tuple[str, ...] = ()
    report_to: str | None = None
    notify: bool = False
    final_due: str | None = None


ROWS = [
    # --- 施行規則7条1号 (要配慮個人情報), threshold: one person ---
    Row("GL 3-5-3-1 事例 (1号): 病院の患者の診療情報を含む個人データを記録したUSBメモリーを紛失",
        {"discovered_on": "2025-06-02", "event": "leak", "cause": "loss_theft", "persons": 1,
         "data": ["PERSON", "SENSITIVE:medical"]},
        True, ("sensitive",), "PPC", True, "2025-07-01"),  # Mon + 29 = Tue 07-01
    Row("GL 3-5-3-1 事例 (1号): 従業員の健康診断等の結果を含む個人データが漏えい (メール誤送信)",
        {"discovered_on": "2025-09-01", "event": "leak", "cause": "email_misdelivery", "persons": 3,
         "data": ["PERSON", "SENSITIVE:medical"]},
        True, ("sensitive",), "PPC", True, "2025-09-30"),  # Mon + 29 = Tue 09-30
    Row("規則7条1号: 前科 (犯罪の経歴) を含む書類のFAX誤送信、1名",
        {"discovered_on": "2025-02-03", "event": "leak", "cause": "fax_misdelivery", "persons": 1,
         "data": ["PERSON", "SENSITIVE:criminal"]},
        True, ("sensitive",), "PPC", True, "2025-03-04"),  # Mon 02-03 + 29 = Tue 03-04
    # --- 7条2号 (財産的被害のおそれ) ---
    Row("Q&A 6-12: クレジットカード番号のみの漏えいでも2号に該当",
        {"discovered_on": "2025-07-01", "event": "leak", "cause": "system_error", "persons": 20,
         "data": ["CREDIT_CARD"]},
        True, ("financial",), "PPC", True, "2025-07-30"),  # Tue + 29 = Wed 07-30
    Row("Q&A 6-12: カード番号の下4桁と有効期限の組合せは直ちに2号ではない (カード番号として記録されない)",
        {"discovered_on": "2025-07-01", "event": "leak", "cause": "email_misdelivery", "persons": 20,
         "data": ["PERSON", "DATE_OF_BIRTH"]},
        False),
    Row("Q&A 6-11: 住所・電話番号・メールアドレス・SNSアカウントのみの漏えいは直ちに2号ではない",
        {"discovered_on": "2025-07-01", "event": "leak", "cause": "email_misdelivery", "persons": 800,
         "data": ["PERSON", "ADDRESS", "PHONE", "EMAIL"]},
        False),
    Row("GL 3-5-3-1 事例 (2号): 送金や決済機能のあるウェブサービスのログインIDとパスワードの組合せ",
        {"discovered_on": "2025-08-04", "event": "leak", "cause": "system_error", "persons": 5,
         "data": ["EMAIL", "CREDENTIALS"]},
        True, ("financial",), "PPC", True, "2025-09-02"),  # Mon 08-04 + 29 = Tue 09-02
    # --- 7条3号 (不正の目的のおそれ): 60 days ---
    Row("GL 3-5-3-1 事例 (3号): 不正アクセスにより個人データが漏えい",
        {"discovered_on": "2025-07-01", "event": "leak", "cause": "unauthorized_access", "persons": 200,
         "data": ["PERSON", "EMAIL"], "malicious": True},
        True, ("malicious",), "PPC", True, "2025-08-29"),  # Tue + 59 = Fri 08-29
    Row("GL 3-5-3-1 事例 (3号): ランサムウェアにより個人データが暗号化され、復元できなくなった (毀損)",
        {"discovered_on": "2025-02-03", "event": "damage", "cause": "malware", "persons": 50,
         "data": ["PERSON", "ADDRESS"], "malicious": True},
        True, ("malicious",), "PPC", True, "2025-04-03"),  # Mon 02-03 + 59 = Thu 04-03
    Row("GL 3-5-3-1 事例 (3号): 個人データが記載された書類が盗難された (悪意の第三者)",
        {"discovered_on": "2025-09-08", "event": "leak", "cause": "loss_theft", "persons": 12,
         "data": ["PERSON", "PHONE"], "malicious": True},
        True, ("malicious",), "PPC", True, "2025-11-06"),  # Mon 09-08 + 59 = Thu 11-06
    Row("GL 3-5-3-1 事例 (3号): 従業者が顧客の個人データを不正に持ち出して第三者に提供",
        {"discovered_on": "2025-09-08", "event": "leak", "cause": "insider_misuse", "persons": 300,
         "data": ["PERSON", "PHONE"], "malicious": True},
        True, ("malicious",), "PPC", True, "2025-11-06"),
    Row("GL 3-5-3-1 (3号) + 規則7条4号: 不正アクセスで5万人分、1号も — 3号を含むので60日 (research addendum)",
        {"discovered_on": "2025-07-01", "event": "leak", "cause": "unauthorized_access", "persons": 50000,
         "data": ["PERSON", "SENSITIVE:medical"], "malicious": True},
        True, ("sensitive", "malicious", "over_1000"), "PPC", True, "2025-08-29"),
    Row("紛失 (置き忘れ、不正の目的なし): 3号ではない、要配慮もなく1,000人以下 — 報告不要",
        {"discovered_on": "2025-07-01", "event": "leak", "cause": "loss_theft", "persons": 40,
         "data": ["PERSON", "ADDRESS"]},
        False),
    # --- 7条4号 (千人超) ---
    Row("規則7条4号: 本人の数が千人を超える — 1,001人 (addendum: 1,001 or more)",
        {"discovered_on": "2025-06-02", "event": "leak", "cause": "email_misdelivery", "persons": 1001,
         "data": ["PERSON", "EMAIL"]},
        True, ("over_1000",), "PPC", True, "2025-07-01"),
    Row("規則7条4号: ちょうど1,000人は「千人を超える」に当たらない",
        {"discovered_on": "2025-06-02", "event": "leak", "cause": "email_misdelivery", "persons": 1000,
         "data": ["PERSON", "EMAIL"]},
        False),
    Row("規則7条4号: システムの誤設定で2,500人分が閲覧可能に (滅失ではなく漏えいのおそれ)",
        {"discovered_on": "2025-06-02", "event": "leak", "cause": "system_error", "persons": 2500,
         "data": ["PERSON", "ADDRESS", "PHONE"]},
        True, ("over_1000",), "PPC", True, "2025-07-01"),
    Row("addendum: 誤廃棄は滅失、バックアップなし、3,000人分",
        {"discovered_on": "2025-06-02", "event": "loss", "cause": "clerical_error", "persons": 3000,
         "data": ["PERSON", "ADDRESS"]},
        True, ("over_1000",), "PPC", True, "2025-07-01"),
    # --- 高度な暗号化 (7条1号括弧書; Q&A 17-14) ---
    Row("規則7条1号括弧書: 高度な暗号化、鍵は無事 — 要配慮でも報告不要",
        {"discovered_on": "2025-06-02", "event": "leak", "cause": "loss_theft", "persons": 5000,
         "data": ["PERSON", "SENSITIVE:medical"], "encryption": {"high_level": True, "key_compromised": False}},
        False),
    Row("規則7条1号括弧書: 暗号化していたが復号鍵も一緒に紛失 — 例外は当たらない",
        {"discovered_on": "2025-06-02", "event": "leak", "cause": "loss_theft", "persons": 5000,
         "data": ["PERSON", "SENSITIVE:medical"], "encryption": {"high_level": True, "key_compromised": True}},
        True, ("sensitive", "over_1000"), "PPC", True, "2025-07-01"),
    Row("規則7条1号括弧書 applies to every item (addendum, GL 3-5-3-1): 暗号化したカード番号、鍵は無事",
        {"discovered_on": "2025-06-02", "event": "leak", "cause": "unauthorized_access", "persons": 10,
         "data": ["CREDIT_CARD"], "malicious": True,
         "encryption": {"high_level": True, "key_compromised": False}},
        False),
    Row("Q&A 17-14: パスワード付きZIP等は高度な暗号化ではない (high_level false) — 要配慮なら報告",
        {"discovered_on": "2025-06-02", "event": "leak", "cause": "email_misdelivery", "persons": 1,
         "data": ["SENSITIVE:disability"], "encryption": {"high_level": False, "key_compromised": False}},
        True, ("sensitive",), "PPC", True, "2025-07-01"),
    # --- 閲覧前の回収 (GL 3-5-1-2; Q&A 6-1) ---
    Row("Q&A 6-1: 誤送信したメールが第三者に閲覧されないうちに全て回収 (未開封で削除) — 漏えいに当たらない",
        {"discovered_on": "2025-06-02", "event": "leak", "cause": "email_misdelivery", "persons": 1,
         "data": ["PERSON", "SENSITIVE:medical"], "recovered_unviewed": True},
        False),
    Row("GL 3-5-1-2: 誤送付した封書を開封前に回収、2,000人分の名簿",
        {"discovered_on": "2025-06-02", "event": "leak", "cause": "letter_misdelivery", "persons": 2000,
         "data": ["PERSON", "ADDRESS"], "recovered_unviewed": True},
        False),
    # --- 委託先 (法26条1項ただし書, 2項括弧書, 規則9条; GL 3-5-3-5) ---
    Row("法26条1項ただし書: 委託先で要配慮個人情報が漏えい — 委託元へ通知、報告・本人通知は委託元",
        {"discovered_on": "2025-06-02", "event": "leak", "cause": "email_misdelivery", "persons": 2,
         "data": ["PERSON", "SENSITIVE:medical"], "entrusted": True},
        True, ("sensitive",), "principal", False, None),
    Row("GL 3-5-3-5: 委託先への不正アクセス (FY2024: 委託先起因の62.8%) — 委託元へ通知",
        {"discovered_on": "2025-06-02", "event": "leak", "cause": "unauthorized_access", "persons": 12000,
         "data": ["PERSON", "EMAIL"], "malicious": True, "entrusted": True},
        True, ("malicious", "over_1000"), "principal", False, None),
    Row("法26条: 委託先でも報告対象でなければ委託元への通知義務もない",
        {"discovered_on": "2025-06-02", "event": "leak", "cause": "fax_misdelivery", "persons": 1,
         "data": ["PERSON", "PHONE"], "entrusted": True},
        False),
    # --- 2024-04-01 改正 (令和5年規則第5号): 取得しようとしている個人情報 (Webスキミング) ---
    Row("令和5年規則第5号 (2024-04-01施行): Webスキミングで入力中のカード情報が窃取 — 3号",
        {"discovered_on": "2024-04-01", "event": "leak", "cause": "unauthorized_access", "persons": 300,
         "data": ["PERSON", "CREDIT_CARD"], "malicious": True, "personal_data": False},
        True, ("malicious",), "PPC", True, "2024-05-30"),  # Mon 04-01 + 59 = Thu 05-30
    Row("改正前 (2024-03-31発覚): 取得中の情報は個人データではなく、3号も対象外",
        {"discovered_on": "2024-03-31", "event": "leak", "cause": "unauthorized_access", "persons": 300,
         "data": ["PERSON", "CREDIT_CARD"], "malicious": True, "personal_data": False},
        False),
    Row("1.7 research: 改正で広がったのは3号だけ — 取得中の要配慮情報が誤送信されても1号ではない",
        {"discovered_on": "2025-06-02", "event": "leak", "cause": "email_misdelivery", "persons": 5000,
         "data": ["PERSON", "SENSITIVE:medical"], "personal_data": False},
        False),
    Row("改正前でも個人データへの不正アクセスは3号 (2023-10-02発覚、2022年規則)",
        {"discovered_on": "2023-10-02", "event": "leak", "cause": "unauthorized_access", "persons": 10,
         "data": ["PERSON"], "malicious": True},
        True, ("malicious",), "PPC", True, "2023-11-30"),  # Mon 10-02 + 59 = Thu 11-30
    # --- 施行前 ---
    Row("法26条 (2022-04-01施行) 前の事案には報告義務がない",
        {"discovered_on": "2022-03-31", "event": "leak", "cause": "unauthorized_access", "persons": 5000,
         "data": ["PERSON", "SENSITIVE:medical"], "malicious": True},
        False),
    Row("法26条 施行当日",
        {"discovered_on": "2022-04-01", "event": "leak", "cause": "email_misdelivery", "persons": 1,
         "data": ["SENSITIVE:medical"]},
        True, ("sensitive",), "PPC", True, "2022-05-02"),  # Fri 04-01 + 29 = Sat 04-30 -> Sun 05-01 -> Mon 05-02
]


@pytest.mark.parametrize("row", ROWS, ids=[r.source[:60] for r in ROWS])
def test_case_from_the_sources(row: Row) -> None:
    a = assess(parse_case(row.case))
    got = (a.reportable, a.categories, a.report_to, a.notify_individuals, a.final_due and a.final_due.isoformat())
    assert got == (row.reportable, row.categories, row.report_to, row.notify, row.final_due), row.source
    # every reason names its article
    assert a.reasons and all(r.article and r.detail_en and r.detail_ja for r in a.reasons)
    if not a.reportable:
        assert a.preliminary_due is None and a.final_due is None and a.report_to is None
    else:
        # 速報, or a 委託先's notice to its 委託元: the guideline's 3-5 days (GL 3-5-3-3, 3-5-3-5), day 1 = discovery
        assert 2 <= (a.preliminary_due - parse_case(row.case).discovered_on).days <= 4


def _row(prefix: str) -> dict[str, Any]:
    (row,) = [r for r in ROWS if r.source.startswith(prefix)]
    return row.case


def test_each_category_reason_names_its_item() -> None:
    a = assess(parse_case(_row("GL 3-5-3-1 (3号) + 規則7条4号")))
    articles = {r.code: r.article for r in a.reasons}
    assert articles["sensitive"] == "施行規則7条1号"
    assert articles["malicious"] == "施行規則7条3号"
    assert articles["over_1000"] == "施行規則7条4号"
    assert articles["final_report"] == "施行規則8条2項"
    assert "60" in next(r.detail_en for r in a.reasons if r.code == "final_report")


def test_rules_follow_the_day_of_discovery() -> None:
    before, after = (assess(parse_case(_row(p))) for p in ("改正前 (2024-03-31", "令和5年規則第5号"))
    assert (before.rules, after.rules) == ("2022-04-01", "2024-04-01")
    assert any(r.code == "malicious_not_in_scope" for r in before.reasons)
    assert assess(parse_case(_row("法26条 (2022-04-01施行) 前"))).rules == "none"


def test_encryption_reasons_say_whether_the_exception_holds() -> None:
    held = assess(parse_case(_row("規則7条1号括弧書: 高度な暗号化")))
    lost_key = assess(parse_case(_row("規則7条1号括弧書: 暗号化していたが")))
    assert [r.code for r in held.reasons] == ["encryption_exception"]
    assert held.reasons[0].article == "施行規則7条1号括弧書"
    assert "encryption_key_compromised" in [r.code for r in lost_key.reasons]


def test_notification_difficult_means_alternative_measures() -> None:
    """法26条2項ただし書 (an addition to the contract's input): 代替措置 instead of the notice."""
    case = dict(_row("GL 3-5-3-1 事例 (1号): 病院"), notification_difficult=True)
    a = assess(parse_case(case))
    assert a.reportable and a.report_to == "PPC"
    assert (a.notify_individuals, a.alternative_measures) == (False, True)
    assert any(r.code == "alternative_measures" and r.article == "法26条2項ただし書" for r in a.reasons)


def test_my_number_adds_a_note_of_the_my_number_act() -> None:
    a = assess(parse_case(dict(_row("GL 3-5-3-1 事例 (1号): 病院"), data=["PERSON", "MY_NUMBER"])))
    assert not a.reportable  # one person, no 要配慮: APPI Art. 26 does not require it ...
    assert a.reasons[-1].code == "my_number_act"  # ... but the My Number Act's own rule must be checked
