"""The strings of the account pages (import, invitations, the administrator role), in Japanese and English.

``at(key, lang, **values)`` looks here first and then in ``mamori.web.i18n`` (the shared catalogue), so the account
templates can use one function for both.
"""

from __future__ import annotations

from mamori.web.i18n import text

CATALOGUE: dict[str, tuple[str, str]] = {
    "role.admin": ("システム管理者", "Administrator"),
    "acct.officer_only": (
        "個人情報保護管理者のアカウントと役割は、個人情報保護管理者だけが変更できます。",
        "Only a privacy officer may change an officer's account or grant the officer role.",
    ),
    "acct.import": ("CSV から一括登録", "Import from CSV"),
    "acct.import_intro": (
        "1行目は見出し: login（メールアドレス）, name（氏名）, department（部署）, role（役割）, approver（承認者）。"
        "日本語の見出しも使えます。UTF-8 または Shift_JIS。"
        "以前の CSV で登録され、このファイルにない人は無効になります。",
        "The first row names the columns: login, name, department, role, approver (Japanese headers work too). "
        "UTF-8 or Shift_JIS. Accounts of an earlier import that this file no longer names are disabled.",
    ),
    "acct.file": ("CSV ファイル", "CSV file"),
    "acct.preview": ("変更内容を確認", "Preview the changes"),
    "acct.preview_title": ("変更内容の確認", "Changes to apply"),
    "acct.nothing_applied": (
        "エラーがあるため、何も変更していません。ファイルを直してもう一度アップロードしてください。",
        "There are errors, so nothing was changed. Correct the file and upload it again.",
    ),
    "acct.confirm": ("この内容で登録する", "Apply these changes"),
    "acct.changed_meanwhile": (
        "確認した後にアカウントが変更されました。新しい変更内容を確認してください。",
        "The accounts changed since the preview. Check the new preview.",
    ),
    "acct.applied": ("登録しました: {summary}", "Applied: {summary}"),
    "acct.kind": ("変更", "Change"),
    "acct.line": ("行", "Line"),
    "acct.detail": ("内容", "Detail"),
    "acct.errors": ("エラー", "Errors"),
    "acct.create": ("作成", "create"),
    "acct.update": ("更新", "update"),
    "acct.disable": ("無効化", "disable"),
    "acct.unchanged": ("変更なし", "unchanged"),
    "acct.source": ("登録元", "Source"),
    "acct.source.local": ("手動", "by hand"),
    "acct.source.csv": ("CSV", "CSV"),
    "acct.source.ldap": ("ディレクトリ", "directory"),
    "acct.disabled": ("無効", "disabled"),
    "acct.invite": ("招待を送る", "Invite"),
    "acct.invite_new": ("新しいアカウント {count} 件に招待を送る", "Invite the {count} new accounts"),
    "acct.invite_mail": ("メールで送る", "Send by mail"),
    "acct.invite_print": ("リンクを表示する（手渡し用）", "Show the links (to pass on)"),
    "acct.invited_mail": ("{count} 件の招待をメールで送りました。", "{count} invitations mailed."),
    "acct.invited_print": (
        "招待リンク（{hours} 時間有効、1回限り）。本人に安全な方法で伝えてください:",
        "Invitation links (valid {hours} hours, once each). Pass them on safely:",
    ),
    "acct.invite_failed": ("{login}: 招待を送れませんでした（{error}）", "{login}: invitation not sent ({error})"),
    "acct.no_mail": (
        "メール送信が設定されていません（mamori.toml の [gateway] next_hop）。リンクを表示して手渡してください。",
        "Mailing is not configured ([gateway] next_hop in mamori.toml). Show the links and pass them on.",
    ),
    "invite.title": ("パスワードの設定", "Set your password"),
    "invite.intro": ("{login} のパスワードを設定します。", "Set the password of {login}."),
    "invite.password": ("新しいパスワード（{min} 文字以上）", "New password ({min} characters or more)"),
    "invite.repeat": ("もう一度入力", "Repeat it"),
    "invite.submit": ("パスワードを設定", "Set password"),
    "invite.mismatch": ("2つのパスワードが一致しません。", "The two passwords differ."),
    "invite.done": (
        "パスワードを設定しました。ログインしてください。",
        "Your password is set. Please log in.",
    ),
    "invite.to_login": ("ログイン画面へ", "Go to the login page"),
    "invite.malformed": ("このリンクは正しくありません。", "This link is not valid."),
    "invite.forged": ("このリンクは正しくありません。", "This link is not valid."),
    "invite.expired": (
        "このリンクは有効期限が切れています。管理者に招待の再送を依頼してください。",
        "This link has expired. Ask your administrator to invite you again.",
    ),
    "invite.spent": (
        "このリンクは使用済みです（パスワードは設定済みです）。ログインしてください。",
        "This link has been used (the password is set). Please log in.",
    ),
    "invite.disabled": ("このアカウントは無効です。", "This account is disabled."),
}


def at(key: str, lang: str, **values: object) -> str:
    """The account pages' string for ``key`` in ``lang``, else the shared catalogue's."""
    pair = CATALOGUE.get(key)
    if pair is None:
        return text(key, lang, **values)
    s = pair[1] if lang == "en" else pair[0]
    return s.format(**values) if values else s
