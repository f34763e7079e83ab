"""The national shares of incidents by cause that the course shows: JIPDEC's figures for fiscal 2021, as data.

The training course (chapter 2, page 5 "事故の原因別の割合") draws JIPDEC「個人情報の取扱いにおける事故報告集計結果」
for fiscal 2021: 3,048 reports from PrivacyMark holders, in JIPDEC's old 原因別 scheme. From fiscal 2022 JIPDEC
counts in another scheme (発生事象 / 事象分類 / 原因), which no longer separates e-mail, post and FAX the way the
course does, so fiscal 2021 is the last year comparable with it. The figures and their sources are in
``shared/research/law-stats-training.md`` section 3.2:

- privacymark.jp/news/2022/other/1007.html (fiscal 2021, verified there): 誤送付 1,938 (63.6%) of which
  メール誤送信 1,128 (37.0%), 宛名間違い等 353 (11.6%), 封入ミス 333 (10.9%); その他漏えい 570 (18.7%);
  紛失 380 (12.5%); その他 142 (4.7%).
- the rest of 誤送付, 124 reports (≈4.1%), is FAX誤送信 and 配達ミス together; the source gives no FAX figure alone.
- その他漏えい: 不正アクセス・不正ログイン 125 and プログラム/システム設計・作業ミス 250 (newton-consulting.co.jp
  itilnavi flash id=6155, secondary); the remaining 195 are 関係者事務処理・作業ミス等, 口頭での漏えい and ウイルス
  感染, not counted apart in the sources found.

So one national figure may cover several of the register's groups (:data:`mamori.incidents.stats.GROUPS`): the
comparison is made on the groups a figure covers, never on a share the source does not give. The four 原因別 totals
add up to 3,030 of the 3,048 reports; the other 18 (0.6%) are in no figure here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NationalFigure:
    """One published figure: the register's groups it covers, its label, the count and the share of all reports."""

    groups: tuple[str, ...]
    label_ja: str
    label_en: str
    short_ja: str  # the chart's category label
    short_en: str
    count: int
    share: float  # percent of all reports, as published (or count / total when only the count is published)
    note_ja: str = ""
    note_en: str = ""


@dataclass(frozen=True)
class NationalSource:
    """A published table of incidents by cause: who, which year, how many reports, where it is."""

    year_ja: str
    year_en: str
    title_ja: str
    title_en: str
    reports: int
    url: str
    figures: tuple[NationalFigure, ...]
    note_ja: str
    note_en: str

    def label(self, lang: str) -> str:
        """The source as printed under the figures."""
        if lang == "en":
            return f"{self.title_en}, {self.year_en} ({self.reports:,} reports from PrivacyMark holders; {self.url})"
        reports = f"プライバシーマーク付与事業者からの報告 {self.reports:,}件"
        return f"{self.title_ja} {self.year_ja}（{reports}、{self.url}）"


JIPDEC_FY2021 = NationalSource(
    year_ja="2021年度",
    year_en="fiscal 2021",
    title_ja="出典：JIPDEC「個人情報の取扱いにおける事故報告集計結果」",
    title_en="Source: JIPDEC, report on incidents in the handling of personal information",
    reports=3048,
    url="https://privacymark.jp/news/2022/other/1007.html",
    figures=(
        NationalFigure(("email",), "メール誤送信", "E-mail sent to the wrong person", "メール誤送信", "E-mail",
                       1128, 37.0),
        NationalFigure(("letter",), "宛名間違い等", "Wrong address on post", "宛名間違い", "Address", 353, 11.6),
        NationalFigure(("enclosure",), "封入ミス", "Wrong enclosure", "封入ミス", "Enclosure", 333, 10.9),
        NationalFigure(("fax",), "FAX誤送信・配達ミス", "FAX and delivery errors", "FAX・配達", "FAX, delivery",
                       124, 4.1, "誤送付の残り (FAX誤送信と配達ミスの合計。FAXだけの数は出典にありません)",
                       "the rest of misdirected items (FAX and delivery errors together; no FAX figure alone)"),
        NationalFigure(("loss_theft",), "紛失", "Loss", "紛失・盗難", "Loss, theft", 380, 12.5,
                       "盗難は出典の内訳にありません", "theft is not in the source's breakdown"),
        NationalFigure(("unauthorized_access",), "不正アクセス・不正ログイン", "Unauthorised access and log-ins",
                       "不正アクセス", "Intrusion", 125, 4.1, "その他漏えいの内数 (125件)",
                       "part of other leaks (125 reports)"),
        NationalFigure(("system_clerical", "verbal", "virus"),
                       "その他漏えい (不正アクセスを除く)", "Other leaks (without unauthorised access)",
                       "作業ミス等", "Errors etc.", 445, 14.6,
                       "プログラム/システム設計・作業ミス 250件、"
                       "残り195件は事務処理・作業ミス、口頭、ウイルス感染の合計",
                       "program/system design and operation errors 250; the other 195 are clerical errors, "
                       "word of mouth and viruses together"),
        NationalFigure(("other",), "その他 (目的外利用・誤破棄・同意のない提供など)",
                       "Other (use beyond the purpose, wrong disposal, provision without consent...)",
                       "その他", "Other", 142, 4.7),
    ),
    note_ja=(
        "全国の数字は、研修教材のグラフと同じ JIPDEC の2021年度の集計です (2022年度から集計の分類が変わり、メール・"
        "郵便・FAX を分けて比べられなくなりました)。原因別の合計 3,030件のほかの18件はどの分類にも入っていません。"
    ),
    note_en=(
        "The national figures are JIPDEC's for fiscal 2021, as in the course's chart (from fiscal 2022 JIPDEC counts "
        "in another scheme, which no longer separates e-mail, post and FAX). The four cause totals add up to 3,030; "
        "the other 18 reports are in no figure here."
    ),
)
