"""Words of the scan report in Japanese and English: entity types as people call them, and the report's texts.

The types' names are the one glossary's (:mod:`mamori.glossary`); every entity type of DESIGN.md has a label, so no
type code appears in a Japanese report. An unknown type (a custom pattern's name) is shown as it is.
"""

from __future__ import annotations

from mamori.glossary import ENTITY_LABELS

TYPE_LABELS: dict[str, tuple[str, str]] = ENTITY_LABELS
"""Entity types in words: the glossary's (:mod:`mamori.glossary`), the same on every surface."""

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("個人情報の保有状況（mamori スキャン結果）", "Personal information held (mamori scan report)"),
    "generated": ("作成日時", "Generated"),
    "scanned": ("対象", "Scanned"),
    "masked_note": ("値はすべて伏せ字にしてあり、この報告書に個人情報そのものは含まれません。",
                    "Every value is masked: this report holds no personal information itself."),
    "kpi.files": ("調べたファイル", "files scanned"),
    "kpi.personal_files": ("個人情報を含むファイル", "files with personal information"),
    "kpi.persons": ("人数（推定）", "persons (est.)"),
    "kpi.reportable": ("漏えい時に報告が必要なファイル", "files whose leak must be reported"),
    "kpi.partial": ("一部を調べられなかったファイル", "not fully inspected"),
    "kpi.errors": ("読めなかったファイル", "errors"),
    "h.totals": ("種類別の件数", "Findings by kind"),
    "h.top": ("人数の多いファイル（上位{n}件）", "Files holding the most persons (top {n})"),
    "h.partial": ("一部を調べられなかったファイル", "Files not fully inspected"),
    "col.kind": ("種類", "kind"),
    "col.count": ("件数", "findings"),
    "col.file": ("ファイル", "file"),
    "col.persons": ("人数（推定）", "persons (est.)"),
    "col.risk": ("リスク", "risk"),
    "col.kinds": ("含まれる情報", "what it holds"),
    "col.examples": ("例（伏せ字）", "examples (masked)"),
    "col.reason": ("理由", "reason"),
    "total": ("合計（個人情報）", "total (personal information)"),
    "not_personal": ("次の {items} は見つかりましたが、個人情報には数えていません（会社や場所の情報です）。",
                     "Also found, and not counted as personal information (they name companies or places): {items}."),
    "none_found": ("個人情報は見つかりませんでした。", "No personal information found."),
    "all_inspected": ("すべてのファイルを最後まで調べました。", "Every file was fully inspected."),
    "error": ("読めませんでした", "could not be read"),
    "chart": ("種類別の件数", "Findings by kind"),
    "level.high": ("高", "high"),
    "level.medium": ("中", "medium"),
    "level.low": ("低", "low"),
    "persons": ("{n}人分", "{n} persons"),
    "persons_text": ("約{n}人分（推定）。", "About {n} persons (est.)."),
    "holds": ("{kinds}を含みます。", "Holds {kinds}."),
    "only_not_personal": ("会社名・地名など、個人情報ではない情報だけです。",
                          "Only company or place names: no personal information."),
    "reportable": ("漏えいすると個人情報保護委員会への報告と本人への通知が必要です：{why}。",
                   "A leak must be reported to the PPC and the persons told: {why}."),
    "over_persons": ("{limit}人分を超える（{rule}）", "over {limit} persons ({rule})"),
    "conditional": ("{what}は、{when}に報告が必要です。", "{what}: a leak is reportable {when}."),
    "sep": ("、", ", "),
    "kinds_sep": ("・", ", "),
}

# Why a file was not fully inspected (mamori.extract.Issue codes and the scan's own), in plain words.
ISSUE_LABELS: dict[str, tuple[str, str]] = {
    "encrypted": ("暗号化されていて中を読めません", "encrypted: its content cannot be read"),
    "too_large": ("大きすぎるため調べていません", "too large: not inspected"),
    "ratio": ("圧縮率が異常に高いため展開を止めました", "suspicious compression ratio: not unpacked"),
    "depth": ("入れ子が深すぎる部分を調べていません", "nested too deep: the inner part was not inspected"),
    "members": ("中のファイルが多すぎるため一部を調べていません", "too many members: some were not inspected"),
    "pages": ("ページが多すぎるため一部を調べていません", "too many pages: some were not inspected"),
    "timeout": ("時間内に調べきれませんでした", "time limit reached: not fully inspected"),
    "corrupt": ("ファイルが壊れていて一部を読めません", "damaged: part of it could not be read"),
    "unsupported": ("この形式の中身は読めません", "format not supported"),
    "image": ("画像の中の文字は読めません", "text in images is not read"),
    "encoding": ("文字コードを判定できない部分があります", "part of the text has an unknown encoding"),
    "truncated": ("大きいため先頭の一部だけ調べました", "large: only the beginning was inspected"),
    "sampled": ("大きい表のため一部の行だけ調べました", "a large table: only a sample of rows was inspected"),
}


def issue_label(code: str, lang: str) -> str:
    """What an issue code means, in ``lang``; an unknown code is shown as it is."""
    pair = ISSUE_LABELS.get(code)
    if pair is None:
        return code
    return pair[1] if lang == "en" else pair[0]


def label(entity_type: str, lang: str) -> str:
    """The name of an entity type in ``lang`` ("ja" or "en")."""
    pair = TYPE_LABELS.get(entity_type)
    if pair is None:
        return entity_type
    return pair[1] if lang == "en" else pair[0]


def text(key: str, lang: str, **values: object) -> str:
    """The report text ``key`` in ``lang``, with ``{values}`` filled in."""
    ja, en = TEXTS[key]
    return (en if lang == "en" else ja).format(**values)
