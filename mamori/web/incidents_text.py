"""The strings of the incident register's pages, in Japanese and English: ``it(key, lang, **values)``.

Looks here first, then in the shared catalogue (:mod:`mamori.web.i18n`). The questions of the new-incident form are
plain Japanese, for an officer who has just learned of a leak, not a lawyer.
"""

from __future__ import annotations

from mamori.incidents.tasks import TASK_LABELS
from mamori.web.i18n import text

CATALOGUE: dict[str, tuple[str, str]] = {
    "inc.title": ("漏えい等の事案", "Incidents"),
    "inc.intro": (
        "個人情報の漏えい等が起きたときの台帳です。対応中の事案が先、期限の近い順に並びます。",
        "The register of personal-data incidents: open ones first, the nearest deadline first.",
    ),
    "inc.new": ("事案を登録", "Record an incident"),
    "inc.stats": ("原因別の統計", "Statistics by cause"),
    "inc.none": ("登録された事案はありません。", "No incident has been recorded."),
    "inc.col.incident": ("事案", "Incident"),
    "inc.col.discovered": ("発覚日", "Discovered"),
    "inc.col.decision": ("判定", "Decision"),
    "inc.col.next": ("次の期限", "Next deadline"),
    "inc.col.state": ("状態", "State"),
    "inc.col.task": ("作業", "Task"),
    "inc.col.article": ("根拠", "Basis"),
    "inc.col.due": ("期限", "Due"),
    "inc.col.left": ("残り", "Left"),
    "inc.open": ("対応中", "Open"),
    "inc.settled": ("対応済", "Settled"),
    "inc.untitled": ("(無題)", "(untitled)"),
    "inc.reportable_ppc": ("報告が必要 (個人情報保護委員会)", "Report required (PPC)"),
    "inc.reportable_principal": ("委託元へ通知", "Notify the principal"),
    "inc.not_reportable": ("報告は不要", "No report required"),
    "inc.promptly": ("速やかに", "promptly"),
    "inc.left": ("あと{days}日 (うち開庁日{open}日)", "{days} days left ({open} of them open days)"),
    "inc.today": ("本日まで", "due today"),
    "inc.overdue": ("{days}日超過", "{days} days late"),
    "inc.done": ("完了", "Done"),
    "inc.not_done": ("未了", "Not done"),
    "inc.mark_done": ("完了にする", "Mark done"),
    "inc.mark_undone": ("未了に戻す", "Mark not done"),
    "inc.done_by": ("{who} が {when} に完了", "done by {who} at {when}"),
    "inc.no_tasks": (
        "法律上の報告・通知の作業はありません。記録と再発防止は行ってください。",
        "No report or notice is required by law. Keep the record and prevent a recurrence.",
    ),
    "inc.decision": ("判定", "Decision"),
    "inc.decision_yes": ("個人情報保護委員会への報告が必要です。", "A report to the PPC is required."),
    "inc.decision_principal": (
        "委託元への通知が必要です。委託元が委員会へ報告し、本人へ通知します。",
        "Notify the principal (委託元); it reports to the PPC and notifies the individuals.",
    ),
    "inc.decision_no": (
        "個人情報保護委員会への報告は法律上不要です。本人通知の義務もありません。",
        "No report to the PPC is required by law, and no notice to the individuals.",
    ),
    "inc.categories": ("該当する事態", "Applies"),
    "inc.tasks": ("作業と期限", "Tasks and deadlines"),
    "inc.reasons": ("理由", "Reasons"),
    "inc.facts": ("事実", "Facts"),
    "inc.history": ("判定の履歴", "History of the decision"),
    "inc.hist.number": ("回", "No."),
    "inc.hist.at": ("日時", "When"),
    "inc.hist.actor": ("判定した人", "By"),
    "inc.hist.rules": ("規則", "Rules"),
    "inc.update": ("事実を更新して判定し直す", "Update the facts and re-assess"),
    "inc.rules_applied": ("適用した規則: {rules}", "Rules applied: {rules}"),
    "inc.report": ("報告事項 (規則8条1項) をダウンロード", "Download the report items (Rules Art. 8(1))"),
    "inc.report_xlsx": ("報告事項の Excel (XLSX)", "The report items as XLSX"),
    "inc.report_pdf": ("PDF", "PDF"),
    "inc.report_docx": ("Word (DOCX)", "Word (DOCX)"),
    "inc.notice_link": ("本人への通知文・公表文を作る", "Write the notice to the individuals and the announcement"),
    "inc.report_note": (
        "報告事項のテキストは委員会の報告フォームへ貼り付けるためのものです。PDF・Word・Excel は同じ9項目の文書で、"
        "社内の記録や提出用に使います (いずれも二次被害と再発防止策は記入してください)。",
        "The report items as text are to paste into the PPC's form; the PDF, Word and Excel files hold the same "
        "nine items as a document for the company's records (in each, fill in secondary harm and prevention).",
    ),
    # the form
    "inc.form.title": ("事案を登録", "Record an incident"),
    "inc.form.edit_title": ("事案 {id} の事実を更新", "Update the facts of incident {id}"),
    "inc.form.intro": (
        "わかっている範囲で答えてください。あとから事実を更新すると判定し直し、以前の判定は履歴に残ります。"
        "個人の氏名などの値は書かず、件数と種類を答えてください。",
        "Answer what is known now; when the facts change, update them and the decision is made again (the earlier "
        "one is kept). Give counts and kinds of data, not people's names or other values.",
    ),
    "inc.q.title": ("件名 (社内で呼ぶ名前)", "Title (what you call it)"),
    "inc.q.summary": ("何が起きましたか", "What happened?"),
    "inc.q.summary_hint": (
        "例: 取引先へ送るFAXを別の番号へ送った。個人名は書かないでください。",
        "E.g. a FAX meant for a customer went to another number. Do not write people's names.",
    ),
    "inc.q.event": ("どうなりましたか", "What became of the data?"),
    "inc.event.leak": ("外部へ漏れた (漏えい)", "it got out (leak)"),
    "inc.event.loss": ("なくなった・消えた (滅失)", "it is lost or gone (loss)"),
    "inc.event.damage": ("壊れた・書き換えられた (毀損)", "it was damaged or altered (damage)"),
    "inc.q.cause": ("原因は何ですか", "What caused it?"),
    "inc.q.persons": ("何人分の情報ですか", "How many people's data?"),
    "inc.q.persons_hint": ("おおよその人数でも構いません。", "An estimate will do."),
    "inc.q.data": ("どんな情報が含まれていましたか", "Which data was in it?"),
    "inc.q.encryption": ("暗号化されていましたか", "Was it encrypted?"),
    "inc.enc.none": ("暗号化されていない・わからない", "no, or not known"),
    "inc.enc.safe": (
        "高度な暗号化がされ、復号の鍵 (パスワード) は漏れていない",
        "yes, with high-level encryption, and the key (password) is safe",
    ),
    "inc.enc.key_lost": ("暗号化されていたが、鍵も一緒に漏れた", "yes, but the key got out too"),
    "inc.q.malicious": (
        "攻撃や、不正な目的によるものの可能性がありますか (不正アクセス、盗難、従業者の持ち出しなど)",
        "May it have been an attack or done for a wrongful purpose (intrusion, theft, an insider)?",
    ),
    "inc.q.being_acquired": (
        "まだデータベースに入る前の、入力中・取得中の情報が盗まれましたか (ウェブスキミングなど)",
        "Was information stolen while being entered or acquired, before any database (web skimming)?",
    ),
    "inc.q.recovered": (
        "第三者に見られる前に、すべて回収できましたか",
        "Was everything recovered before anyone else could see it?",
    ),
    "inc.q.discovered": ("いつ発覚しましたか (知った日)", "When was it discovered (the day you learned of it)?"),
    "inc.q.entrusted": (
        "他社から委託を受けて預かっている情報ですか (当社が委託先)",
        "Do we hold this data for another company (we are its contractor, 委託先)?",
    ),
    "inc.q.difficult": (
        "本人へ連絡するのが難しいですか (連絡先がわからないなど)",
        "Is it hard to reach the people concerned (no contact details)?",
    ),
    "inc.yes": ("はい", "Yes"),
    "inc.submit": ("判定して登録", "Assess and record"),
    "inc.submit_update": ("判定し直す", "Re-assess"),
    "inc.error": ("「{field}」: {message}", "“{field}”: {message}"),
}

CATALOGUE.update({f"inc.task.{k}": v for k, v in TASK_LABELS.items()})


def it(key: str, lang: str, **values: object) -> str:
    """The string for ``key`` in ``lang``: this module's, else the shared catalogue's."""
    pair = CATALOGUE.get(key)
    if pair is None:
        return text(key, lang, **values)
    s = pair[1] if lang == "en" else pair[0]
    return s.format(**values) if values else s
