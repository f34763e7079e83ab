"""The strings of the Letters page (print runs and FAX send lists), in Japanese and English: ``lt(key, lang)``.

Looks here first, then in the shared catalogue (:mod:`mamori.web.i18n`). The problem codes' titles and
explanations are the glossary's (:data:`mamori.glossary.LETTER_PROBLEMS`, :data:`mamori.glossary.FAX_PROBLEMS`).
"""

from __future__ import annotations

from mamori.web.i18n import text

CATALOGUE: dict[str, tuple[str, str]] = {
    "let.title": ("封書・FAX の照合", "Letters and FAX lists"),
    "let.intro": (
        "印刷する前の封書（PDF）を宛先リストと照合し、宛名間違いや他の人の書類の混入を見つけます。"
        "FAX の一斉送信リストはアドレス帳と照合します。ファイルは照合が終わると消え、記録に残るのは"
        "ファイル名・ハッシュ値・件数と結果だけです。",
        "Check a print run (PDF) against its recipient list before printing: wrong names and addresses, another "
        "customer's page in the envelope. Check a broadcast FAX list against the contact directory. The files are "
        "gone once the check is over; only their names, hashes, the counts and the result are recorded.",
    ),
    "let.form.title": ("封書の照合", "Check a print run"),
    "let.form.run": ("印刷する PDF（1回分）", "The run to print (PDF)"),
    "let.form.list": ("宛先リスト（CSV, UTF-8）", "Recipient list (CSV, UTF-8)"),
    "let.form.window": ("封筒の窓（任意: 左,上,幅,高さ mm）", "Envelope window (optional: left,top,width,height mm)"),
    "let.form.hint": (
        "リストの列: id, name, postal_code, address（任意で organization）。上限 {limit}。",
        "List columns: id, name, postal_code, address (optional organization). At most {limit}.",
    ),
    "let.form.submit": ("照合する", "Check"),
    "let.fax.title": ("FAX 一斉送信リストの照合", "Check a FAX send list"),
    "let.fax.list": ("送信リスト（CSV: name, organization, fax）", "Send list (CSV: name, organization, fax)"),
    "let.fax.hint": (
        "番号は組織のアドレス帳（連絡先の fax 列）と照合します。",
        "The numbers are checked against the organisation's contact directory (its fax column).",
    ),
    "let.fax.none": (
        "アドレス帳が設定されていないため、FAX リストは照合できません（管理者に mamori.toml の [guard] contacts "
        "の設定を依頼してください）。",
        "FAX lists cannot be checked: no contact directory is configured (ask the administrator to set [guard] "
        "contacts in mamori.toml).",
    ),
    "let.fax.submit": ("照合する", "Check"),
    "let.result": ("照合結果: {name}", "Result: {name}"),
    "let.ok": ("{n} 通すべて問題なし。印刷・封入してかまいません。",
               "All {n} letters are fine: the run may be printed."),
    "let.hold": (
        "{n} 通中 {held} 通を保留、リストにあって封書のない宛先 {missing} 件。直してから印刷してください。",
        "{held} of {n} letters held, {missing} list entries without a letter: correct the run before printing.",
    ),
    "let.counts": ("{letters} 通・{pages} ページ", "{letters} letters, {pages} pages"),
    "let.letter": ("{index} 通目（{pages} ページ）", "Letter {index} (pages {pages})"),
    "let.recipient": ("宛先: {who}", "Recipient: {who}"),
    "let.no_recipient": ("宛先: リストにない", "Recipient: not in the list"),
    "let.page": ("{page} ページ目", "Page {page}"),
    "let.picture": ("{page} ページ目（問題の箇所を赤枠）", "Page {page} (the problem outlined in red)"),
    "let.picture_window": ("{page} ページ目（問題の箇所を赤枠、窓を青枠）",
                           "Page {page} (the problem outlined in red, the window in blue)"),
    "let.more_pictures": (
        "保留した封書が多いため、画像はこの画面では最初の {n} 通分だけです。すべての画像は報告書（HTML）にあります。",
        "Many letters are held: this page shows the pictures of the first {n}; the report (HTML) has them all.",
    ),
    "let.missing": ("リストにあって封書のない宛先 ({n} 件)", "List entries without a letter ({n})"),
    "let.missing_help": (
        "出力漏れや抽出条件の違いがないか確かめてください。",
        "Check the export for letters left out, or a different selection.",
    ),
    "let.download_report": ("報告書をダウンロード（HTML）", "Download the report (HTML)"),
    "let.download_json": ("結果をダウンロード（JSON）", "Download the result (JSON)"),
    "let.error": ("照合できませんでした", "The check could not be made"),
    "let.error.run": ("印刷 PDF", "the run (PDF)"),
    "let.error.list": ("宛先リスト", "the recipient list"),
    "let.error.sendlist": ("送信リスト", "the send list"),
    "let.error.window": ("封筒の窓", "the envelope window"),
    "let.error.upload": ("アップロード", "the upload"),
    "let.where.page": ("{n} ページ目", "page {n}"),
    "let.where.line": ("{n} 行目", "line {n}"),
    "let.missing_file": ("ファイルを選んでください。", "Choose a file."),
    "let.too_large": (
        "ファイルが大きすぎます（上限 {limit}）。PDF を分けて照合してください。",
        "The upload is too large (at most {limit}). Split the run and check each part.",
    ),
    "let.unexpected": (
        "照合中に予期しないエラーが起きました。管理者にサーバーのログを確認してもらってください。",
        "An unexpected error stopped the check. Ask the administrator to look at the server log.",
    ),
    "let.fax.result": ("照合結果: {name}", "Result: {name}"),
    "let.fax.ok": ("{n} 件すべて問題なし。", "All {n} destinations are fine."),
    "let.fax.hold": ("{n} 件中 保留 {held} 件・要確認 {confirm} 件。",
                     "{held} of {n} destinations held, {confirm} to confirm."),
    "let.fax.row": ("{row} 行目", "Row {row}"),
    "let.records": ("照合の記録", "Checks made"),
    "let.records.all": ("全員の照合の記録です。", "Everyone's checks."),
    "let.records.own": ("自分の照合の記録です。", "Your own checks."),
    "let.records.none": ("記録はありません。", "No checks recorded."),
    "let.from": ("開始日", "From"),
    "let.until": ("終了日", "Until"),
    "let.filter": ("絞り込む", "Filter"),
    "let.bad_date": ("日付は YYYY-MM-DD で入力してください。", "Dates are YYYY-MM-DD."),
    "let.col.at": ("日時", "When"),
    "let.col.who": ("照合した人", "Checked by"),
    "let.col.kind": ("種類", "Kind"),
    "let.col.name": ("ファイル", "File"),
    "let.col.counts": ("件数", "Counts"),
    "let.col.result": ("結果", "Result"),
    "let.col.problems": ("問題", "Problems"),
    "let.kind.letters": ("封書", "letters"),
    "let.kind.fax": ("FAX", "FAX"),
    "let.result.ok": ("問題なし", "OK"),
    "let.result.hold": ("保留あり", "Held"),
    "let.result.error": ("エラー", "Error"),
    "let.rec.letters": ("{letters} 通・{pages} ページ・保留 {held}・漏れ {missing}",
                        "{letters} letters, {pages} pages, {held} held, {missing} missing"),
    "let.rec.fax": ("{letters} 件・保留 {held}・要確認 {confirm}", "{letters} rows, {held} held, {confirm} to confirm"),
    "let.hash": ("SHA-256", "SHA-256"),
}  # fmt: skip


def lt(key: str, lang: str, **values: object) -> str:
    """The string for ``key`` in ``lang``: this module's, else the shared catalogue's."""
    pair = CATALOGUE.get(key)
    if pair is None:
        return text(key, lang, **values)
    s = pair[1] if lang == "en" else pair[0]
    return s.format(**values) if values else s
