"""The strings of the administration pages (contacts, policy, keywords, audit export), in Japanese and English.

``adt(key, lang, **values)`` looks here first, then in ``mamori.web.accounts_text`` and the shared catalogue.
"""

from __future__ import annotations

from mamori.web.accounts_text import at

CATALOGUE: dict[str, tuple[str, str]] = {
    "nav.admin": ("管理", "Administration"),
    "nav.contacts": ("連絡先", "Contacts"),
    "nav.policy": ("ポリシー", "Policy"),
    "nav.keywords": ("キーワード", "Keywords"),
    "adm.live_file": ("使用中のファイル: {path}（{count} 件）", "Live file: {path} ({count} contacts)"),
    "adm.no_contacts": (
        "mamori.toml の [guard] contacts に連絡先ファイルが設定されていません。"
        '例: [guard] contacts = "contacts.csv" を書き、空のファイルを置いてください。',
        'mamori.toml\'s [guard] contacts names no contacts file. Add e.g. [guard] contacts = "contacts.csv" '
        "and create the file.",
    ),
    "adm.vcard": (
        "連絡先ファイルが vCard 形式のため、この画面では変更できません。CSV に変えてください。",
        "The contacts file is a vCard file; change it to CSV to edit it here.",
    ),
    "adm.no_config": (
        "mamori.toml が設定されていません（mamori serve --config）。",
        "No mamori.toml is configured (mamori serve --config).",
    ),
    "adm.cannot_write": (
        "{name} に書き込めません（{error}）。何も変更していません。サービスのユーザーに書き込み権限を与えてください"
        "（docs/deploy.md「管理画面」）。",
        "Cannot write {name} ({error}); nothing was changed. Give the service's user write access to it "
        '(docs/deploy.md, "Administration pages").',
    ),
    "adm.search": ("検索", "Search"),
    "adm.search_hint": ("氏名・かな・アドレス・会社名・コード", "name, kana, address, organisation, code"),
    "adm.shown": ("{shown} / {count} 件を表示", "{shown} of {count} shown"),
    "adm.upload": ("CSV をアップロード", "Upload a CSV"),
    "adm.upload_intro": (
        "1行目は見出し: name（氏名）, kana（かな）, email, organization（会社名）; 任意で fax, handle, code。"
        "UTF-8 または Shift_JIS。ファイルの内容が連絡先一覧のすべてになります（ないアドレスは削除）。",
        "The first row names the columns: name, kana, email, organization; optional fax, handle, code. UTF-8 or "
        "Shift_JIS. The file becomes the whole list (addresses it does not hold are removed).",
    ),
    "adm.file": ("CSV ファイル", "CSV file"),
    "adm.preview": ("変更内容を確認", "Preview the changes"),
    "adm.preview_title": ("変更内容の確認", "Changes to apply"),
    "adm.summary": (
        "追加 {added} 件、削除 {removed} 件、変更 {changed} 件（{before} 件 → {after} 件）",
        "{added} added, {removed} removed, {changed} changed ({before} → {after} contacts)",
    ),
    "adm.nothing_applied": (
        "エラーがあるため、何も変更していません。ファイルを直してもう一度アップロードしてください。",
        "There are errors, so nothing was changed. Correct the file and upload it again.",
    ),
    "adm.errors": ("エラー", "Errors"),
    "adm.apply": ("この内容で反映する", "Apply these changes"),
    "adm.changed_meanwhile": (
        "確認した後に連絡先ファイルが変更されました。新しい変更内容を確認してください。",
        "The contacts file changed since the preview. Check the new preview.",
    ),
    "adm.applied": (
        "反映しました（数秒以内にゲートウェイとチェック API に反映されます）: {summary}",
        "Applied (the gateway and the check API use it within seconds): {summary}",
    ),
    "adm.kind": ("変更", "Change"),
    "adm.added": ("追加", "added"),
    "adm.removed": ("削除", "removed"),
    "adm.changed": ("変更", "changed"),
    "adm.columns": ("変わった列", "Changed columns"),
    "adm.no_changes": ("変更はありません。", "Nothing changes."),
    "adm.edit": ("編集", "Edit"),
    "adm.new_contact": ("連絡先を追加", "Add a contact"),
    "adm.edit_title": ("連絡先の編集", "Edit a contact"),
    "adm.save": ("保存", "Save"),
    "adm.remove": ("この連絡先を削除", "Remove this contact"),
    "adm.saved": ("保存しました: {email}", "Saved: {email}"),
    "adm.removed_one": ("削除しました: {email}", "Removed: {email}"),
    "adm.not_found": ("その連絡先はありません。", "No such contact."),
    "col.name": ("氏名", "Name"),
    "col.kana": ("かな", "Kana"),
    "col.email": ("メールアドレス", "E-mail"),
    "col.organization": ("会社名", "Organisation"),
    "col.fax": ("FAX", "FAX"),
    "col.handle": ("チャット ID", "Chat handle"),
    "col.code": ("顧客コード", "Customer code"),
    "pol.title": ("ポリシー（mamori.toml）", "Policy (mamori.toml)"),
    "pol.intro": (
        "判定の設定（[organization] [thresholds] [actions] [unscannable] [blocked] [free_mail] [[override]]）、"
        "[guard]、[detect]、[gateway] を編集できます。[web] と [store] はここには出ません。保存前に検証と差分を"
        "表示します。判定の設定・連絡先・キーワードは保存後数秒でゲートウェイとチェック API に反映されます。"
        "[gateway] も確認モード・期限・通知・再送・保存期間は数秒で反映され、"
        "待ち受け・TLS・転送先・ストア・インスタンス名・ワーカー数は再起動で反映されます。",
        "Edit the guard's policy ([organization] [thresholds] [actions] [unscannable] [blocked] [free_mail] "
        "[[override]]), [guard], [detect] and [gateway]; [web] and [store] are not shown here. Each change is "
        "validated and shown as a diff before it is saved. The policy, contacts and keywords are used by the "
        "gateway and the check API within seconds, and so are [gateway]'s modes, expiries, notices, retries and "
        "retention; its listener, TLS, next hop, store, instance name and worker counts at the gateway's next "
        "restart.",
    ),
    "pol.check": ("検証して差分を表示", "Validate and show the diff"),
    "pol.diff": ("差分", "Diff"),
    "pol.valid": ("問題ありません。差分を確認して保存してください。", "Valid. Check the diff and save."),
    "pol.no_diff": ("変更はありません。", "Nothing changes."),
    "pol.save": ("保存して反映する", "Save and apply"),
    "pol.saved": ("保存しました。数秒以内に反映されます。", "Saved; in use within seconds."),
    "pol.refused": (
        "この設定は使えません。保存していません（今の設定のままです）: {error}",
        "This cannot be used; nothing was saved (the running settings stay): {error}",
    ),
    "pol.changed_meanwhile": (
        "確認した後に mamori.toml が変更されました。もう一度確認してください。",
        "mamori.toml changed since the check. Check again.",
    ),
    "pol.gateway_restart": (
        "次の [gateway] の変更はゲートウェイの再起動で反映されます: {keys}",
        "These [gateway] changes take effect when the gateway restarts: {keys}",
    ),
    "kw.title": ("キーワードと自社の識別子", "Keywords and the organisation's identifiers"),
    "kw.intro": (
        "[[detect.custom]]（社員番号などの自社の形式: type, pattern, context, score, window, validate）、"
        "[detect] deny（必ず報告する語）・deny_type・allow（報告しない値）を編集します。",
        "Edit [[detect.custom]] (the organisation's own formats such as employee numbers: type, pattern, context, "
        "score, window, validate) and [detect] deny (terms always reported), deny_type and allow (values never "
        "reported).",
    ),
    "kw.try": ("試す", "Try it"),
    "kw.try_intro": (
        "例文で何が見つかるかを表示します（値は伏せ字）。編集中の内容で試せます。",
        "Shows what a sample text would find (values masked), with the settings as edited.",
    ),
    "kw.sample": ("例文", "Sample text"),
    "kw.found": ("{count} 件見つかりました", "{count} found"),
    "kw.none": ("何も見つかりませんでした。", "Nothing found."),
    "kw.type": ("種類", "Type"),
    "kw.value": ("値（伏せ字）", "Value (masked)"),
    "kw.score": ("スコア", "Score"),
    "kw.rules": (
        "自社の形式 {custom} 件、deny {deny} 語、allow {allow} 語",
        "{custom} own formats, {deny} deny terms, {allow} allow values",
    ),
    "aud.who": ("実行者", "Who"),
    "aud.action_any": ("すべての操作", "Every action"),
    "aud.from": ("開始日", "From"),
    "aud.until": ("終了日", "Until"),
    "aud.filter": ("絞り込む", "Filter"),
    "aud.export_csv": ("CSV で出力", "Export CSV"),
    "aud.export_xlsx": ("Excel で出力", "Export XLSX"),
    "aud.retention": ("監査ログは削除されません（追記のみ）。", "The audit log is never deleted (append-only)."),
    "aud.content_days": (
        "終了したメールの本文・添付は {n} 日後に削除されます。",
        "Finished mail's content (body, attachments) is deleted after {n} days.",
    ),
    "aud.content_kept": ("終了したメールの本文・添付は削除されません。", "Finished mail's content is kept."),
    "aud.rows_days": (
        "メールの記録（宛先・理由など）は {n} 日後に削除されます。",
        "Its records (recipients, reasons...) are deleted after {n} days.",
    ),
    "aud.rows_kept": (
        "メールの記録（宛先・理由など）は削除されません。",
        "Its records (recipients, reasons...) are kept.",
    ),
    "aud.bad_date": ("日付は YYYY-MM-DD で入力してください。", "Dates are YYYY-MM-DD."),
}


def adt(key: str, lang: str, **values: object) -> str:
    pair = CATALOGUE.get(key)
    if pair is None:
        return at(key, lang, **values)
    template = pair[0] if lang == "ja" else pair[1]
    return template.format(**values) if values else template
