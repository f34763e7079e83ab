"""The strings of the training administration pages (assignments, completion, reminders, export), in Japanese and
English: ``tat(key, lang, **values)`` looks here first, then in ``mamori.web.admin_text`` and the shared catalogue.
"""

from __future__ import annotations

from mamori.web.admin_text import adt

CATALOGUE: dict[str, tuple[str, str]] = {
    "tr.title": ("研修の割当", "Training assignments"),
    "tr.intro": (
        "研修（教材の版）を部署に割り当て、期限までの修了状況を部署ごとに確認します。部署はユーザー管理の「部署」です。"
        "修了 = 全ページを読み、確認テストに合格したこと。",
        "Give a course (its current version) to departments with a due date and follow completion per department. "
        "Departments are the accounts' departments. Passed = every page read and the quiz passed.",
    ),
    "tr.year": ("年度", "Year"),
    "tr.show": ("表示", "Show"),
    "tr.assign": ("部署に割り当てる", "Assign to departments"),
    "tr.course": ("研修（教材の版）", "Course (version)"),
    "tr.departments": ("部署", "Departments"),
    "tr.due": ("期限", "Due"),
    "tr.submit": ("割り当てる", "Assign"),
    "tr.no_departments": (
        "部署のある有効なアカウントがありません。ユーザー管理で部署を設定してください。",
        "No active account has a department. Set departments on the Users page.",
    ),
    "tr.list": ("部署ごとの修了状況", "Completion per department"),
    "tr.none": ("この年度の割当はありません。", "No assignments for this year."),
    "tr.department": ("部署", "Department"),
    "tr.version": ("割当時の教材版", "Version assigned"),
    "tr.assigned": ("対象者", "Assigned"),
    "tr.passed": ("合格・修了", "Passed"),
    "tr.in_progress": ("受講中", "In progress"),
    "tr.not_started": ("未受講", "Not started"),
    "tr.overdue": ("期限超過", "Overdue"),
    "tr.percent": ("修了率", "Passed (%)"),
    "tr.people": ("対象者を見る", "People"),
    "tr.export": ("書き出し（監査用）", "Export (for auditors)"),
    "tr.export_departments": ("部署別 CSV", "Per department CSV"),
    "tr.export_people": ("個人別 CSV", "Per person CSV"),
    "tr.export_xlsx": ("Excel（部署別・個人別）", "Excel (departments and people)"),
    "tr.created": ("{n} 部署に割り当てました。", "Assigned to {n} department(s)."),
    "tr.updated": ("{n} 部署の期限を変更しました。", "Moved the due date of {n} department(s)."),
    "tr.unchanged": ("{n} 部署は同じ内容で割当済みです。", "{n} department(s) already had this assignment."),
    "tr.bad_due": ("期限を YYYY-MM-DD で入力してください。", "Enter the due date as YYYY-MM-DD."),
    "tr.bad_year": ("年度は数字で入力してください。", "The year must be a number."),
    "tr.unknown_course": ("その研修はありません。", "No such course."),
    "tr.back": ("割当の一覧へ", "Back to the assignments"),
    "tr.dept_title": ("{department}: {course}（{year}年度）", "{department}: {course} ({year})"),
    "tr.summary": (
        "対象者 {assigned} 人: 合格・修了 {passed}、受講中 {in_progress}、未受講 {not_started}（期限超過 {overdue}）",
        "{assigned} assigned: {passed} passed, {in_progress} in progress, {not_started} not started "
        "({overdue} overdue)",
    ),
    "tr.who": ("対象者（未修了の人が先）", "People (those who have not passed first)"),
    "tr.login": ("ログイン", "Login"),
    "tr.name": ("氏名", "Name"),
    "tr.state": ("状況", "Status"),
    "tr.completed": ("修了日時", "Completed"),
    "tr.score": ("最高点", "Best score"),
    "tr.reminders": ("督促", "Reminders"),
    "tr.remind": ("未修了の人に督促メールを送る", "Send reminders to those who have not passed"),
    "tr.remind_hint": (
        "未修了の人それぞれに、研修・期限・受講先を書いたメールを送ります（本日すでに送った人を除く）。"
        "毎日の自動送信は mamori training remind（docs/training.md）。",
        "Mails each person who has not passed the course, its due date and the link (not those reminded today). "
        "For daily reminders run mamori training remind (docs/training.md).",
    ),
    "tr.reminded": ("{sent} 人に督促メールを送りました。", "Sent reminders to {sent} people."),
    "tr.remind_failed": (
        "{failed} 人に送れませんでした（{error}）。次回の送信で再び試みます。",
        "Could not send to {failed} people ({error}); they are tried again next time.",
    ),
    "tr.nobody": ("督促する人はいません。", "Nobody to remind."),
    "tr.change_due": ("期限を変更", "Change the due date"),
    "tr.due_changed": ("期限を {due} にしました。", "The due date is now {due}."),
    "tr.remove": ("この割当を取り消す", "Withdraw this assignment"),
    "tr.removed": (
        "割当を取り消しました（受講記録は残ります）。",
        "The assignment was withdrawn (the learners' records are kept).",
    ),
    "tr.remove_confirm": ("この割当を取り消しますか？", "Withdraw this assignment?"),
    "tr.read_only": (
        "閲覧のみ: 割当の変更と督促はシステム管理者が行います。",
        "Read only: the administrator makes assignments and sends reminders.",
    ),
}


def tat(key: str, lang: str, **values: object) -> str:
    pair = CATALOGUE.get(key)
    if pair is None:
        return adt(key, lang, **values)
    template = pair[0] if lang == "ja" else pair[1]
    return template.format(**values) if values else template
