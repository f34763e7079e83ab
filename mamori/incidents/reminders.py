"""Reminder mails of the register's deadlines: which reminder is due on a day, and the mail itself (pure).

A task with a due day gets a reminder when a week, three days and one day are left, on the day itself, and once
when it is overdue (:data:`STEPS`). :func:`step_for` names the step for the days left, counted in calendar days in
the company's zone: 4-7 days ``week``, 2-3 ``three_days``, 1 ``one_day``, 0 ``today``, fewer ``overdue``, more than
7 none. Only the step of the day is sent: after runs were missed (a machine off over a weekend) the officers get
the reminder that fits now, not the older ones; a task recorded 3 days before its deadline gets ``three_days``.

:func:`reminder_mail` writes the mail, Japanese then English like the gateway's notices: the incident's number, the
task and its article, the due day with the company's zone, the days left (and of them the open days of the
administrative organs), and a link to the incident's page. The incident's title and summary are the officer's own
words and may hold personal data: they never appear in the mail (the page shows them after login).
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo

from mamori.incidents.tasks import TASK_ARTICLES, TASK_LABELS, Countdown
from mamori.notice_mail import compose_notice
from mamori.timefmt import zone_name

STEPS = ("week", "three_days", "one_day", "today", "overdue")
_HEADLINE = {
    "week": ("期限まであと{n}日", "{n} days left"),
    "three_days": ("期限まであと{n}日", "{n} days left"),
    "one_day": ("期限は明日", "due tomorrow"),
    "today": ("期限は本日", "due today"),
    "overdue": ("期限を{n}日過ぎています", "{n} days overdue"),
}
_WEEKDAYS = (("月", "Mon"), ("火", "Tue"), ("水", "Wed"), ("木", "Thu"), ("金", "Fri"), ("土", "Sat"), ("日", "Sun"))


def step_for(days_left: int) -> str | None:
    """The reminder step for ``days_left`` calendar days (0: due today, negative: late); None: no reminder yet."""
    if days_left > 7:
        return None
    if days_left >= 4:
        return "week"
    if days_left >= 2:
        return "three_days"
    if days_left == 1:
        return "one_day"
    if days_left == 0:
        return "today"
    return "overdue"


def headline(step: str, days_left: int) -> tuple[str, str]:
    """The subject's first words in (Japanese, English)."""
    ja, en = _HEADLINE[step]
    n = abs(days_left)
    en = en.format(n=n)
    return ja.format(n=n), en.replace("1 days", "1 day") if n == 1 else en


def due_text(due: date, tz: tzinfo) -> tuple[str, str]:
    """``2026-12-14 (月) JST`` / ``2026-12-14 (Mon) JST``: the day in the company's zone, named."""
    name = zone_name(datetime.combine(due, time(12), tzinfo=tz), tz)
    ja, en = _WEEKDAYS[due.weekday()]
    return f"{due.isoformat()} ({ja}) {name}", f"{due.isoformat()} ({en}) {name}"


def reminder_mail(*, incident_id: int, kind: str, step: str, left: Countdown, to: list[str], from_addr: str,
                  link: str, tz: tzinfo) -> bytes:
    """The reminder to the officers ``to`` of the task ``kind`` of incident ``incident_id`` (no title, no summary)."""
    ja_task, en_task = TASK_LABELS[kind]
    ja_head, en_head = headline(step, left.days_left)
    ja_due, en_due = due_text(left.due, tz)
    if left.overdue:
        ja_left, en_left = f"{-left.days_left}日超過", f"{-left.days_left} day(s) overdue"
    elif left.days_left == 0:
        ja_left, en_left = "本日まで", "due today"
    else:
        ja_left = f"あと{left.days_left}日 (うち行政機関の開庁日 {left.open_days_left}日)"
        en_left = f"{left.days_left} day(s) left ({left.open_days_left} of them open days of the authorities)"
    lines = [f"事案 {incident_id} の作業「{ja_task}」の{ja_head}。", "",
             f"事案: {incident_id}", f"作業: {ja_task} ({TASK_ARTICLES[kind]})", f"期限: {ja_due}",
             f"残り: {ja_left}"]
    if link:
        lines.append(f"確認: {link}")
    lines += ["", "作業を終えたら台帳で完了にしてください。完了した作業の通知は届きません。",
              "", "-" * 40, "",
              f"Incident {incident_id}: {en_task}, {en_head}.", "",
              f"Incident: {incident_id}", f"Task: {en_task} ({TASK_ARTICLES[kind]})", f"Due: {en_due}",
              f"Left: {en_left}"]
    if link:
        lines.append(f"Review: {link}")
    lines += ["", "Mark the task done in the register when it is done; done tasks are not reminded."]
    subject = f"[mamori] 【{ja_head}】事案 {incident_id}: {ja_task} / {en_head}: incident {incident_id}, {en_task}"
    return compose_notice(from_addr, ", ".join(to), subject, lines)
