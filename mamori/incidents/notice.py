"""The notice to the people concerned (本人通知, 法26条2項・規則10条) and the public announcement (公表), as words.

Pure: from the incident's facts as the register keeps them and what only the company can say (:class:`Sender`:
its name, who signs, the contact window, what it does, the secondary harm) :func:`notice_for` writes the letter's
parts in plain polite Japanese: the title, the opening, the items 規則10条 asks for (what happened = 8条1項1号, which
data = 2号, the cause = 4号, secondary harm = 5号, other useful matters = 9号: what the company does and what the
reader can do) and the contact window. :func:`publication_text` writes the announcement for the company's site
(the 代替措置 of 法26条2項ただし書 when notices cannot reach everyone, or a publication by choice).

What the facts cannot tell (the harm, the measures, the contact window) is never guessed: :class:`Sender` requires
them. The officer's summary of the register is not used either: it is written for the officer and may name other
people. The renderers are :mod:`mamori.incidents.notice_docx` (letters) and :mod:`mamori.incidents.people`
(the CSV of the people with these fields).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from mamori.incidents.case import CREDENTIALS, SENSITIVE, type_label_ja
from mamori.incidents.report import japanese_date


class NoticeError(ValueError):
    """What the company must say is missing; ``message_ja`` says it in Japanese."""

    def __init__(self, message: str, message_ja: str) -> None:
        super().__init__(message)
        self.message_ja = message_ja


# How it happened, as the subject of 「…により」. Written for the reader, not the lawyer.
CAUSE_PHRASES = {
    "email_misdelivery": "当社の従業者が電子メールを誤った宛先に送信したこと",
    "letter_misdelivery": "当社が郵便物を誤った宛先に送付したこと",
    "fax_misdelivery": "当社がFAXを誤った番号に送信したこと",
    "enclosure_error": "当社が郵便物に別の方の書類を誤って同封したこと",
    "loss_theft": "個人情報を記録した書類または機器の紛失・盗難",
    "unauthorized_access": "当社のシステムへの第三者による不正アクセス",
    "malware": "当社の機器がコンピュータウイルス (ランサムウェア等) に感染したこと",
    "insider_misuse": "従業者等が個人情報を不正に持ち出し、または利用したこと",
    "system_error": "当社のシステムの設定の誤りまたは不具合",
    "clerical_error": "当社の事務処理の誤り",
    "verbal": "当社の従業者が口頭で伝えてはならない方に伝えたこと",
    "other": "当社の管理上の問題",
}
# What happened to the data, as the end of 「お客様の個人情報が…ことが分かりました」.
EVENT_PHRASES = {
    "leak": "外部に漏えいした、またはそのおそれがある",
    "loss": "失われた (滅失した)、またはそのおそれがある",
    "damage": "壊れて使えなくなった (毀損した)、またはそのおそれがある",
}
EVENT_TITLES = {"leak": "漏えい", "loss": "滅失", "damage": "毀損"}

# What the reader can do, by the kind of data concerned (規則8条1項9号, その他参考となる事項).
_MONEY = frozenset({"CREDIT_CARD", "BANK_ACCOUNT", "IBAN"})
_REACHABLE = frozenset({"EMAIL", "PHONE", "ADDRESS"})
_IDENTITY = frozenset({"MY_NUMBER", "DRIVERS_LICENSE", "PASSPORT", "RESIDENCE_CARD", "HEALTH_INSURANCE",
                       "PENSION_NUMBER", "US_SSN"})
ADVICE_MONEY = ("クレジットカードや口座のご利用明細に、身に覚えのない請求や取引がないかご確認ください。見つかった"
                "ときは、カード会社・金融機関と下記の窓口へご連絡ください。")
ADVICE_CREDENTIALS = "同じパスワードをほかのサービスでもお使いの場合は、そちらのパスワードも変更してください。"
ADVICE_IDENTITY = ("番号や証明書を悪用した手続き (なりすまし) のおそれがあります。心当たりのない手続きや連絡があった"
                   "ときは、下記の窓口へご連絡ください。")
ADVICE_REACHABLE = ("当社を名乗る不審なメール・電話・郵便物にご注意ください。当社からお電話やメールでカード番号や"
                    "パスワードをお尋ねすることはありません。")


@dataclass(frozen=True)
class Sender:
    """What the company says in its own words; ``company``, ``contact``, ``measures`` and ``harm`` are required."""

    company: str
    contact: str  # the window: department, telephone, mail, hours (one per line)
    measures: str  # what the company has done and does (当社の対応)
    harm: str  # secondary harm or its risk, and what it is (規則8条1項5号), as known now
    signer: str = ""  # e.g. 代表取締役 山田 太郎
    details: str = ""  # more on what happened, in words fit for the reader (optional)
    reader: str = "お客様"  # how the letter names its reader: お客様, 従業員の皆さま, ご本人様 ...

    def checked(self) -> Sender:
        """This sender with its fields trimmed; :class:`NoticeError` names the first required one that is empty."""
        s = Sender(*(v.strip() for v in (self.company, self.contact, self.measures, self.harm, self.signer,
                                         self.details)), reader=self.reader.strip() or "お客様")
        for value, en, ja in ((s.company, "company", "会社名"), (s.contact, "contact", "お問い合わせ窓口"),
                              (s.measures, "measures", "当社の対応"), (s.harm, "harm", "二次被害の有無")):
            if not value:
                raise NoticeError(f"{en} is required", f"{ja}を入力してください")
        return s


@dataclass(frozen=True)
class Notice:
    """The letter's parts, in the order they are printed."""

    title: str
    opening: str
    items: tuple[tuple[str, str], ...]  # (heading, text)
    closing: str
    company: str
    signer: str
    made_on: date

    @property
    def date_text(self) -> str:
        return japanese_date(self.made_on)


def data_text(data: Iterable[str]) -> str:
    """The kinds of data concerned, in Japanese, in the record's order: 「氏名、住所、電話番号」."""
    return "、".join(type_label_ja(d) for d in data)


def advice(data: Iterable[str]) -> list[str]:
    """What the reader can do against misuse of the kinds of data concerned (none for names alone)."""
    kinds = {d.split(":")[0] for d in data}
    out = []
    if kinds & _MONEY:
        out.append(ADVICE_MONEY)
    if CREDENTIALS in kinds:
        out.append(ADVICE_CREDENTIALS)
    if kinds & _IDENTITY:
        out.append(ADVICE_IDENTITY)
    if kinds & _REACHABLE:
        out.append(ADVICE_REACHABLE)
    return out


def what_happened(case: dict[str, Any]) -> str:
    """One sentence: how it happened, what happened to the data, and the day it was found (not the day it
    happened, which the record does not hold)."""
    day = date.fromisoformat(case["discovered_on"])
    cause = CAUSE_PHRASES.get(case.get("cause", ""), CAUSE_PHRASES["other"])
    event = EVENT_PHRASES.get(case.get("event", ""), EVENT_PHRASES["leak"])
    return f"{cause}により、当社がお預かりしている個人情報が{event}ことが、{japanese_date(day)}に判明しました。"


def notice_for(case: dict[str, Any], sender: Sender, made_on: date) -> Notice:
    """The letter to each person concerned by the incident with facts ``case`` (the register's JSON)."""
    sender = sender.checked()
    event = EVENT_TITLES.get(case.get("event", ""), "漏えい")
    outline = what_happened(case)
    if sender.details:
        outline += "\n" + sender.details
    if SENSITIVE in {d.split(":")[0] for d in case.get("data", [])}:
        outline += "\n対象には、取り扱いに特に配慮が必要な情報 (要配慮個人情報) が含まれます。"
    other = sender.measures
    tips = advice(case.get("data", []))
    if tips:
        other += f"\n\n【{sender.reader}へのお願い】\n" + "\n".join(f"・{t}" for t in tips)
    items = (
        ("1. 発生した事態", outline),
        ("2. 対象となった情報", data_text(case.get("data", [])) or "(下記の窓口へお問い合わせください)"),
        ("3. 原因", CAUSE_PHRASES.get(case.get("cause", ""), CAUSE_PHRASES["other"]) + "によるものです。"),
        ("4. 二次被害の有無", sender.harm),
        ("5. 当社の対応", other),
        ("6. お問い合わせ窓口", sender.contact),
    )
    opening = (f"このたび、当社がお預かりしている{sender.reader}の個人情報について{event}等の事態が発生しました。"
               f"{sender.reader}に多大なご心配とご迷惑をおかけしますことを、心よりお詫び申し上げます。\n"
               "本件の内容と当社の対応について、下記のとおりお知らせいたします。")
    closing = ("当社は本件を重く受け止め、個人情報の取り扱いを改めて見直し、管理を徹底してまいります。"
               "ご不明な点やご心配なことがございましたら、上記の窓口までご連絡ください。")
    return Notice(f"個人情報の{event}等に関するお知らせとお詫び", opening, items, closing, sender.company,
                  sender.signer, made_on)


def publication_text(case: dict[str, Any], sender: Sender, made_on: date) -> str:
    """The announcement for the company's site: the letter's items with the number of people, as plain text."""
    notice = notice_for(case, sender, made_on)
    persons = int(case.get("persons", 0))
    lines = [notice.title, "", notice.date_text, notice.company + (f"\n{notice.signer}" if notice.signer else ""), ""]
    lines.append(f"このたび、当社がお預かりしている個人情報について{EVENT_TITLES.get(case.get('event', ''), '漏えい')}"
                 f"等の事態が発生しました (対象: {persons:,}人分)。関係する皆さまに多大なご心配とご迷惑をおかけ"
                 "しますことを、心よりお詫び申し上げます。本件の内容と当社の対応をお知らせいたします。")
    lines.append("")
    for heading, text in notice.items:
        lines += [f"【{heading.partition('. ')[2]}】", text, ""]
    if case.get("notification_difficult"):
        lines.append("ご連絡先が分からない方がいらっしゃるため、この場でお知らせいたします。ご自身が対象かどうかは、"
                     "上記の窓口でご確認いただけます。")
    else:
        lines.append("対象となる方には、個別にご連絡を差し上げております。")
    lines.append("")
    lines.append(notice.closing)
    return "\n".join(lines) + "\n"
