"""Every string of the web pages, in Japanese and English: ``text(key, lang, **values)``.

Japanese is the default; English is one click away (``?lang=en`` sets a cookie). Reason texts come with the
message (the guard writes both languages); only their short titles live here.
"""

from __future__ import annotations

from mamori.glossary import ACTIONS, REASONS, reason_title

LANGS = ("ja", "en")

CATALOGUE: dict[str, tuple[str, str]] = {
    # frame
    "app.name": ("mamori 誤送信防止", "mamori mail guard"),
    "nav.messages": ("自分のメール", "My messages"),
    "nav.queue": ("承認待ち", "Approval queue"),
    "nav.training": ("研修", "Training"),
    "nav.dashboard": ("ダッシュボード", "Dashboard"),
    "nav.audit": ("監査ログ", "Audit log"),
    "nav.incidents": ("漏えい等の事案", "Incidents"),
    "nav.letters": ("封書・FAX", "Letters"),
    "nav.users": ("ユーザー管理", "Users"),
    "nav.training_admin": ("研修の割当", "Training assignments"),
    "nav.logout": ("ログアウト", "Log out"),
    "nav.lang_other": ("English", "日本語"),
    "nav.signed_in_as": ("ログイン中:", "Signed in as"),
    "nav.password": ("パスワード変更", "Change password"),
    # login
    "login.title": ("ログイン", "Log in"),
    "login.login": ("メールアドレス", "E-mail address"),
    "login.password": ("パスワード", "Password"),
    "login.submit": ("ログイン", "Log in"),
    "login.failed": ("メールアドレスまたはパスワードが違います。", "Wrong e-mail address or password."),
    "login.bad_characters": (
        "メールアドレスに使えない文字（{chars}）が含まれています。",
        "The e-mail address contains a character no address may hold ({chars}).",
    ),
    "login.limited": (
        "ログインの失敗が多すぎます。{minutes} 分ほど待ってからもう一度お試しください。",
        "Too many failed logins. Please wait about {minutes} minutes and try again.",
    ),
    "login.logged_out": ("ログアウトしました。", "You have logged out."),
    "login.sso_unknown": (
        "シングルサインオンのユーザー {login} は mamori に登録されていません。管理者に連絡してください。",
        "The single sign-on user {login} has no mamori account. Please contact your administrator.",
    ),
    # own account: change password
    "account.password_title": ("パスワードの変更", "Change your password"),
    "account.current": ("現在のパスワード", "Current password"),
    "account.new": ("新しいパスワード", "New password"),
    "account.again": ("新しいパスワード（確認のためもう一度）", "New password again"),
    "account.hint": (
        "{n}文字以上にしてください。変更すると、ほかの端末やブラウザーでのログインはすべて終了します。",
        "At least {n} characters. Changing it signs you out on every other device and browser.",
    ),
    "account.submit": ("パスワードを変更", "Change password"),
    "account.changed": (
        "パスワードを変更しました。ほかの端末やブラウザーでのログインは終了しました。",
        "Your password has been changed. You have been signed out on every other device and browser.",
    ),
    "account.wrong_current": ("現在のパスワードが違います。", "The current password is wrong."),
    "account.mismatch": (
        "新しいパスワードが一致しません。同じものを2回入力してください。",
        "The new passwords do not match. Type the same one twice.",
    ),
    "account.limited": (
        "パスワードの誤りが多すぎます。{minutes} 分ほど待ってからもう一度お試しください。",
        "Too many wrong passwords. Please wait about {minutes} minutes and try again.",
    ),
    "account.sso_only": (
        "このアカウントはシングルサインオン（社内の認証基盤）でログインするため、mamori のパスワードはありません。"
        "パスワードは社内の認証基盤で変更してください。",
        "This account signs in through single sign-on and has no mamori password. "
        "Change your password with your organisation's sign-in service.",
    ),
    # roles and states
    "role.sender": ("送信者", "Sender"),
    "role.approver": ("承認者", "Approver"),
    "role.officer": ("個人情報保護管理者", "Privacy officer"),
    "role.admin": ("システム管理者", "Administrator"),
    "state.waiting": ("確認待ち", "Waiting for confirmation"),
    "state.held": ("保留中", "Held"),
    "state.queued": ("送信待ち", "Queued for delivery"),
    "state.delivered": ("送信済み", "Delivered"),
    "state.cancelled": ("取り消し", "Cancelled"),
    "state.bounced": ("配送失敗", "Bounced"),
    # lists
    "list.title": ("自分のメール", "My messages"),
    "list.empty": ("メールはありません。", "No messages."),
    "list.received": ("受付日時", "Received"),
    "list.subject": ("件名", "Subject"),
    "list.sender": ("送信者", "Sender"),
    "list.recipients": ("宛先", "Recipients"),
    "list.state": ("状態", "State"),
    "list.reasons": ("理由", "Reasons"),
    "list.open": ("開く", "Open"),
    "queue.title": ("承認待ちのメール", "Messages waiting for approval"),
    "queue.intro": (
        "あなたのグループの送信者のメールのうち、承認者の承認が必要なものです（送信者自身の確認待ちは含みません）。",
        "Messages of the senders in your group that need an approver (not those waiting for their sender).",
    ),
    "queue.intro_officer": (
        "承認者の承認が必要なすべてのメールです（送信者自身の確認待ちは含みません）。",
        "Every message that needs an approver (not those waiting for their sender).",
    ),
    "queue.title_all": ("保留・確認待ちのすべてのメール", "Every held and waiting message"),
    "queue.intro_all": (
        "あなたのグループの送信者のメールのうち、保留・確認待ちのもの（送信者自身の確認待ちを含む）です。",
        "Held and waiting messages of the senders in your group (including those waiting for their sender).",
    ),
    "queue.intro_officer_all": (
        "すべての保留・確認待ちのメール（送信者自身の確認待ちを含む）です。",
        "Every held and waiting message (including those waiting for their sender).",
    ),
    "queue.show_all": ("送信者の確認待ちも表示", "Also show what waits for its sender"),
    "queue.only_approval": ("承認が必要なものだけ表示", "Show only what needs approval"),
    "msg.lead_approve": (
        "このメールは承認を待っています。理由と内容を確認し、問題がなければ「承認して送信」を押してください。",
        "This message waits for your approval. Check the reasons and the message; if all is well, press \"Approve "
        "and send\".",
    ),
    "msg.why": ("mamori が止めた理由:", "Why mamori stopped it:"),
    "link.title": ("リンクを使えません", "This link cannot be used"),
    "link.malformed": ("このリンクは正しくありません。", "This link is not valid."),
    "link.not_yours": (
        "このリンクは別の人に送られたものか、正しくありません。ご自分に届いた通知のリンクを使うか、"
        "「承認待ち」から開いてください。",
        "This link was sent to someone else, or is not valid. Use the link of the notice you received, or open "
        "the message from the approval queue.",
    ),
    "link.expired": (
        "このリンクは有効期限が切れています。「承認待ち」または「自分のメール」から開いてください。",
        "This link has expired. Open the message from the approval queue or your messages.",
    ),
    "link.spent": (
        "このリンクはすでに使用されています（リンクは一度だけ使えます）。",
        "This link was used already (a link works once).",
    ),
    "link.open": ("メッセージを開く", "Open the message"),
    "queue.needs_approval": ("承認が必要", "Needs approval"),
    # confirmation page
    "msg.title": ("送信前の確認", "Check before sending"),
    "msg.detail_title": ("メールの詳細", "Message detail"),
    "msg.lead": (
        "このメールはまだ送信されていません。宛先と添付ファイルを一つずつ確認し、すべてにチェックを入れてから送信してください。",
        "This message has not been sent yet. Check each recipient and attachment, tick them all, then send.",
    ),
    "msg.lead_done": ("このメールの処理は済んでいます。", "This message has been dealt with."),
    "msg.from": ("差出人", "From"),
    "msg.subject": ("件名", "Subject"),
    "msg.received": ("受付日時", "Received"),
    "msg.state": ("状態", "State"),
    "msg.verdict": ("判定", "Verdict"),
    "msg.reasons": ("確認が必要な理由", "Why this needs checking"),
    "msg.evidence": ("該当箇所（マスク済み）", "Evidence (masked)"),
    "msg.evidence_plain": ("該当箇所", "Evidence"),
    "msg.external": ("社外の宛先", "External recipients"),
    "msg.external_help": (
        "会社ごとにまとめています。宛先の会社が正しいか、一件ずつ確認してください。",
        "Grouped by organisation. Check that each is the organisation you mean.",
    ),
    "msg.unknown_org": ("（未登録のドメイン）", "(unregistered domain)"),
    "msg.first_time": ("初めての宛先", "first time"),
    "msg.internal": ("社内の宛先", "Internal recipients"),
    "msg.no_internal": ("社内の宛先はありません。", "No internal recipients."),
    "msg.attachments": ("添付ファイル", "Attachments"),
    "msg.no_attachments": ("添付ファイルはありません。", "No attachments."),
    "msg.records": ("{n} 人分の個人情報", "personal data of {n} people"),
    "msg.unscannable": ("中身を確認できません", "could not be inspected"),
    "msg.preview": ("本文の冒頭（個人情報はマスク済み）", "First lines of the body (personal data masked)"),
    "msg.preview_plain": ("本文の冒頭", "First lines of the body"),
    "msg.confirm_item": ("確認しました", "checked"),
    "msg.check_count": ("確認済み {done} / {total}", "Checked {done} / {total}"),
    "msg.send": ("確認して送信", "Send"),
    "msg.send_bcc": ("宛先を Bcc に変えて送信", "Convert to Bcc and send"),
    "msg.bcc_help": (
        "社外の宛先が互いに見える状態です。Bcc に変えると、受信者には他の宛先が見えなくなります。",
        "External recipients can see each other. Bcc hides the recipients from one another.",
    ),
    "msg.cancel": ("送信を取り消す", "Cancel sending"),
    "msg.cancel_confirm": (
        "このメールを送信せずに破棄します。よろしいですか？",
        "Discard this message without sending?",
    ),
    "msg.approve": ("承認して送信", "Approve and send"),
    "msg.approve_bcc": ("Bcc に変えて承認", "Approve with Bcc"),
    "msg.waiting_approval": (
        "このメールは承認者の承認を待っています。承認されると送信されます。取り消すことはできます。",
        "This message is waiting for an approver. It will be sent once approved. You can still cancel it.",
    ),
    "msg.countdown": (
        "何もしなければ {time} に自動で送信されます（残り {left}）。",
        "Unless you act, it will be sent automatically at {time} ({left} left).",
    ),
    "msg.expires": ("保留期限: {time}（期限後は{what}）", "Hold expires: {time} (then {what})"),
    "msg.expire.cancel": ("取り消し", "cancelled"),
    "msg.expire.release": ("送信", "sent"),
    "msg.bcc_on": ("送信時に宛先を Bcc に変換します。", "Recipients will be converted to Bcc on delivery."),
    "msg.decided": ("{who} が {time} に処理しました。", "Dealt with by {who} at {time}."),
    "msg.masked_note": (
        "個人情報保護のため、宛先・件名・ファイル名はマスクしています。",
        "Recipients, subject and file names are masked to protect personal data.",
    ),
    "msg.reveal": ("マスクを外して表示（記録されます）", "Reveal (this is logged)"),
    "msg.revealed_note": (
        "マスクを外して表示しています。この操作は監査ログに記録されました。",
        "Shown unmasked. This has been written to the audit log.",
    ),
    "msg.own_approval": (
        "自分のメールは自分で承認できません。",
        "You cannot approve your own message.",
    ),
    "msg.need_all": (
        "すべての社外宛先と添付ファイルにチェックを入れてください。",
        "Tick every external recipient and attachment first.",
    ),
    "msg.js_note": (
        "すべてにチェックを入れると送信ボタンが押せるようになります。",
        "The send button is enabled once everything is ticked.",
    ),
    "done.released": ("送信しました。まもなく配送されます。", "Sent. It will be delivered shortly."),
    "done.approved": ("承認しました。まもなく配送されます。", "Approved. It will be delivered shortly."),
    "done.released_without": (
        "指摘された宛先を外して送信しました。残りの宛先にまもなく配送されます。",
        "Sent without the recipient in question. The others will receive it shortly.",
    ),
    "done.approved_without": (
        "指摘された宛先を外して承認しました。残りの宛先にまもなく配送されます。",
        "Approved without the recipient in question. The others will receive it shortly.",
    ),
    "msg.suspect": ("宛先違いの疑い", "Wrong recipient?"),
    "msg.drop": ("この宛先を外して送信", "Send to the others without this recipient"),
    "msg.drop_approve": ("この宛先を外して承認", "Approve for the others without this recipient"),
    "msg.drop_help": (
        "この宛先には送らず、ほかの宛先にだけ送ります（ほかの宛先と添付ファイルにはチェックが必要です）。宛先を"
        "直して送り直す場合は、送信を取り消してください。",
        "Sends to the other recipients only (tick them and the attachments first). To correct the address and "
        "send again, cancel instead.",
    ),
    "msg.need_others": (
        "外す宛先以外のすべての社外宛先と添付ファイルにチェックを入れてください。",
        "Tick every other external recipient and attachment first.",
    ),
    "msg.bad_drop": (
        "外せるのは、宛先違いの疑いがある社外の宛先だけです。",
        "Only an external recipient flagged as a possible wrong recipient can be left out.",
    ),
    "done.cancelled": (
        "送信を取り消しました。メールは配送されません。",
        "Cancelled. The message will not be delivered.",
    ),
    "msg.note_label": (
        "修正してほしい点（任意、{max} 文字まで）",
        "What to correct (optional, up to {max} characters)",
    ),
    "msg.note_help": (
        "取り消しと一緒に、このメモが送信者にメールで届きます。",
        "The note is mailed to the sender with the cancellation.",
    ),
    "msg.note_title": ("取り消しのメモ（修正してほしい点）", "Note given with the cancellation (what to correct)"),
    "msg.note_too_long": ("メモは {max} 文字以内で入力してください。", "The note may have at most {max} characters."),
    "msg.dropped": ("外して送信した宛先", "Left out when sent"),
    "field.to": ("宛先", "To"),
    "field.cc": ("Cc", "Cc"),
    "field.bcc": ("Bcc", "Bcc"),
    # errors
    "err.title": ("エラー", "Error"),
    "err.not_found": ("メールが見つかりません。", "Message not found."),
    "err.page_not_found": ("ページが見つかりません。", "Page not found."),
    "err.forbidden": ("この操作の権限がありません。", "You are not allowed to do this."),
    "err.csrf": (
        "フォームの有効期限が切れたか、不正な送信です。ページを開き直してからもう一度操作してください。",
        "The form has expired or was not sent from this site. Reload the page and try again.",
    ),
    "err.back": ("一覧に戻る", "Back to the list"),
    # audit
    "audit.title": ("監査ログ", "Audit log"),
    "audit.intro": (
        "送信・取り消し・承認・マスク解除・ログインなどの記録です。閲覧専用で、変更や削除はできません。",
        "Every release, cancel, approval, reveal and login. Read-only: entries cannot be changed or deleted.",
    ),
    "audit.at": ("日時", "Time"),
    "audit.actor": ("実行者", "Actor"),
    "audit.action": ("操作", "Action"),
    "audit.target": ("対象", "Target"),
    "audit.detail": ("内容", "Detail"),
    "audit.filter": ("絞り込み", "Filter"),
    "audit.all": ("すべて", "All"),
    "audit.older": ("古い記録 →", "Older →"),
    "audit.action.release": ("送信", "release"),
    "audit.action.incident_create": ("事案の登録", "incident recorded"),
    "audit.action.incident_reassess": ("事案の再判定", "incident re-assessed"),
    "audit.action.incident_task_done": ("事案の作業完了", "incident task done"),
    "audit.action.incident_task_undone": ("事案の作業を未了に", "incident task not done"),
    "audit.action.incident_reminder": ("事案の期限の通知", "incident reminder sent"),
    "audit.action.incident_notice": ("事案の本人通知文の作成", "incident notice made"),
    "audit.action.release_without": ("宛先を外して送信", "release without a recipient"),
    "audit.action.approve": ("承認", "approve"),
    "audit.action.approve_without": ("宛先を外して承認", "approve without a recipient"),
    "audit.action.cancel": ("取り消し", "cancel"),
    "audit.action.bcc": ("Bcc に変更", "bcc"),
    "audit.action.expire_cancel": ("期限切れで取り消し", "expire_cancel"),
    "audit.action.expire_release": ("期限切れで送信", "expire_release"),
    "audit.action.reject": ("受付拒否", "reject"),
    "audit.action.link_used": ("通知のリンクを使用", "link_used"),
    "audit.action.reveal": ("マスク解除", "reveal"),
    "audit.action.purge": ("保存期間切れの削除", "purge"),
    "audit.action.user_create": ("ユーザー追加", "user_create"),
    "audit.action.user_update": ("ユーザー更新", "user_update"),
    "audit.action.password_reset": ("パスワード再発行", "password_reset"),
    "audit.action.login": ("ログイン", "login"),
    "audit.action.login_failed": ("ログイン失敗", "login_failed"),
    "audit.action.password_changed": ("パスワード変更", "password_changed"),
    "audit.action.password_change_failed": ("パスワード変更の失敗", "password_change_failed"),
    "audit.action.api_token_create": ("APIトークン発行", "api_token_create"),
    "audit.action.api_token_revoke": ("APIトークン失効", "api_token_revoke"),
    "audit.action.contacts_import": ("連絡先の一括更新", "contacts_import"),
    "audit.action.contact_add": ("連絡先の追加", "contact_add"),
    "audit.action.contact_update": ("連絡先の変更", "contact_update"),
    "audit.action.contact_remove": ("連絡先の削除", "contact_remove"),
    "audit.action.policy_update": ("ポリシーの変更", "policy_update"),
    "audit.action.audit_export": ("監査ログの出力", "audit_export"),
    "audit.action.letters_check": ("封書・FAX の照合", "letters_check"),
    "audit.action.training_assign": ("研修の割当", "training_assign"),
    "audit.action.training_assignment_update": ("研修の割当の変更", "training_assignment_update"),
    "audit.action.training_assignment_remove": ("研修の割当の取消", "training_assignment_remove"),
    "audit.action.training_reminder": ("研修の督促メール", "training_reminder"),
    "audit.action.training_export": ("研修の修了状況の出力", "training_export"),
    "nav.admin": ("管理", "Administration"),
    "audit.newer": ("← 新しい記録", "← Newer"),
    # dashboard
    "dash.title": ("ダッシュボード", "Dashboard"),
    "dash.period": ("直近 {days} 日", "Last {days} days"),
    "dash.held": ("保留・確認", "Held / confirm"),
    "dash.released": ("送信", "Released"),
    "dash.cancelled": ("取り消し", "Cancelled"),
    "dash.open": ("現在の保留・確認待ち", "Open now"),
    "dash.top_reasons": ("多い理由", "Top reasons"),
    "dash.per_day": ("日ごとの件数", "Per day"),
    "dash.day": ("日付", "Day"),
    "dash.count": ("件数", "Count"),
    "dash.no_data": ("まだデータがありません。", "No data yet."),
    # users
    "users.title": ("ユーザー管理", "Users"),
    "users.login": ("メールアドレス（ログイン）", "E-mail (login)"),
    "users.name": ("表示名", "Display name"),
    "users.role": ("役割", "Role"),
    "users.group": ("グループ", "Group"),
    "users.active": ("有効", "Active"),
    "users.password": ("パスワード（空欄なら自動生成）", "Password (blank: generate one)"),
    "users.create": ("ユーザーを追加", "Add user"),
    "users.save": ("保存", "Save"),
    "users.reset": ("パスワードを再発行", "Reset password"),
    "users.created": ("ユーザー {login} を追加しました。", "User {login} added."),
    "users.saved": ("ユーザー {login} を更新しました。", "User {login} saved."),
    "users.new_password": (
        "{login} の初期パスワード: {password} （この画面でしか表示されません。本人に安全な方法で伝えてください）",
        "Password for {login}: {password} (shown only now; hand it over safely)",
    ),
    "users.self_lockout": (
        "自分自身を無効にしたり、管理者でなくしたりはできません（締め出し防止）。",
        "You cannot disable yourself or drop your own officer role (that would lock you out).",
    ),
    "users.sso_only": ("SSO のみ", "SSO only"),
    "yes": ("はい", "yes"),
    "no": ("いいえ", "no"),
}
# reason titles and actions: from the one glossary
CATALOGUE.update({f"reason.{code}": (r.title_ja, r.title_en) for code, r in REASONS.items()})
CATALOGUE.update({f"action.{action}": pair for action, pair in ACTIONS.items()})


def text(key: str, lang: str, **values: object) -> str:
    """The string for ``key`` in ``lang`` (Japanese when the language is unknown), with ``{values}`` filled in."""
    pair = CATALOGUE.get(key)
    if pair is None:  # e.g. a reason code added later: its generic title, never the code
        return reason_title(key.partition(".")[2], lang) if key.startswith("reason.") else key.partition(".")[2] or key
    s = pair[1] if lang == "en" else pair[0]
    return s.format(**values) if values else s


def audit_action(action: str, lang: str) -> str:
    """An audit entry's action in words (Japanese), or as recorded (English, and an action not listed)."""
    pair = CATALOGUE.get(f"audit.action.{action}")
    return pair[0] if pair and lang != "en" else action


def pick_lang(query: str | None, cookie: str | None, default: str) -> str:
    for candidate in (query, cookie):
        if candidate in LANGS:
            return candidate  # type: ignore[return-value]
    return default if default in LANGS else "ja"
