"""The strings of the incident statistics page and of opening an incident from another part, in Japanese and English.

``st(key, lang, **values)`` looks here first, then in the register's catalogue (:mod:`mamori.web.incidents_text`),
which falls back to the shared one.
"""

from __future__ import annotations

from mamori.web.incidents_text import it

CATALOGUE: dict[str, tuple[str, str]] = {
    "st.title": ("事案の統計 (原因別)", "Incidents by cause"),
    "st.nav": ("統計", "Statistics"),
    "st.intro": (
        "登録した事案を、研修教材のグラフと同じ原因の分類で数えます。年度は4月から翌年3月まで、発覚した日で数えます。"
        "割合は事案の件数に占める割合です (人数ではありません)。",
        "The recorded incidents counted by cause, in the groups of the course's chart. A fiscal year runs from April "
        "to March; an incident counts on the day it was discovered. Shares are of incidents, not of people.",
    ),
    "st.year": ("{year}年度", "FY{year}"),
    "st.years": ("年度", "Fiscal year"),
    "st.download_csv": ("CSV をダウンロード", "Download CSV"),
    "st.download_xlsx": ("Excel (XLSX) をダウンロード", "Download XLSX"),
    "st.chart": ("原因別の割合: 当社と全国", "Share by cause: this organisation and nationwide"),
    "st.ours": ("当社 {year}年度", "Ours FY{year}"),
    "st.national": ("全国 ({year})", "Nationwide ({year})"),
    "st.by_cause": ("原因別 ({year}年度)", "By cause (FY{year})"),
    "st.compare": ("全国との比較", "Compared with the national figures"),
    "st.by_month": ("月別 ({year}年度)", "By month (FY{year})"),
    "st.by_year": ("年度別", "By fiscal year"),
    "st.col.cause": ("原因", "Cause"),
    "st.col.incidents": ("件数", "Incidents"),
    "st.col.share": ("割合", "Share"),
    "st.col.persons": ("人数", "People"),
    "st.col.figure": ("全国の分類", "National figure"),
    "st.col.ours": ("当社", "Ours"),
    "st.col.national": ("全国", "Nationwide"),
    "st.col.month": ("月", "Month"),
    "st.col.breakdown": ("内訳", "Breakdown"),
    "st.col.year": ("年度", "Fiscal year"),
    "st.count": ("{n}件", "{n}"),
    "st.national_value": ("{share}% ({count}件)", "{share}% ({count} reports)"),
    "st.total": ("合計", "Total"),
    "st.none": ("この年度に登録された事案はありません。", "No incident was recorded in this fiscal year."),
    "st.dash": ("事案の原因別 ({year}年度)", "Incidents by cause (FY{year})"),
    "st.dash_link": ("事案の統計を見る", "See the incident statistics"),
    # opening an incident from another part
    "draft.open": ("事案として登録", "Open an incident"),
    "draft.open_help": (
        "このメールを漏えい等の事案として登録します。原因・情報の種類・人数を検出結果から入れた登録画面を開きます。",
        "Record this message as an incident: the form opens with the cause, the kinds of data and the number of "
        "people filled in from the findings.",
    ),
    "draft.from_mail": (
        "保留・送信したメールの検出結果から入力しました。内容を確かめ、わからない点は答えを直してから登録してください。",
        "Filled in from the findings of a held or released message. Check each answer and correct it before "
        "recording.",
    ),
}


def st(key: str, lang: str, **values: object) -> str:
    """The string for ``key`` in ``lang``: this module's, else the register's (and the shared) catalogue's."""
    pair = CATALOGUE.get(key)
    if pair is None:
        return it(key, lang, **values)
    s = pair[1] if lang == "en" else pair[0]
    return s.format(**values) if values else s
