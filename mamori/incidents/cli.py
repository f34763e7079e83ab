"""``mamori incidents``: the shell around the assessment and the register.

``assess`` reads CASE.json files and prints the decision. Exit status: 0 when every case was assessed (reportable
or not); 2 when a case could not be read or a field is wrong (named on standard error; the other cases are still
assessed and printed).

``new``, ``update``, ``done`` and ``list`` work on the register in the store (:mod:`mamori.incidents.register`):
record an incident, re-assess it on new facts, mark a task done, list the register (open first, nearest deadline
first). Each change is written to the audit log. Exit 2 on a wrong case, an unknown incident or task. ``new``
also drafts the facts from a discovery scan report or a letters check (:mod:`mamori.incidents.draft`).

``report`` and ``notice`` write the documents of an incident (:mod:`mamori.incidents.cli_documents`).
"""

from __future__ import annotations

import json
import sys
import tomllib
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any, NoReturn

import click

from mamori.incidents import register
from mamori.incidents.assess import assess
from mamori.incidents.case import CAUSES, EVENTS, CaseError, parse_case
from mamori.incidents.cli_documents import notice_command, report_command
from mamori.incidents.draft import Draft, DraftError, draft_case
from mamori.incidents.draft import from_letters as from_letters_result
from mamori.incidents.draft import from_scan as from_scan_report
from mamori.incidents.explain import error_json, explain, to_json
from mamori.incidents.register import RegisterError, privacymark_of
from mamori.incidents.remind import load_reminder_settings, remind
from mamori.incidents.ruleset import builtin_rulesets, in_force
from mamori.incidents.tasks import TASK_KINDS, TASK_LABELS, Countdown, today_in
from mamori.store.base import utcnow
from mamori.store.command import cli_actor, open_store, store_options
from mamori.timefmt import zone, zone_of


@click.group()
def incidents() -> None:
    """Incidents: is a report to the PPC required, to whom, by when.

    漏えい等の事案: 個人情報保護委員会への報告の要否・報告先・期限
    """


incidents.add_command(report_command)  # report ID --format text|pdf|docx|xlsx (mamori.incidents.cli_documents)
incidents.add_command(notice_command)  # notice ID --people CSV -o LETTERS.docx --csv --publication


def _read(path: str) -> object:
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f)


@incidents.command("assess")
@click.argument("cases", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per case, one per line (DESIGN.md).")
def assess_command(cases: tuple[str, ...], as_json: bool) -> None:
    """Decide for each CASE.json whether the law (APPI Art. 26) requires a report, to whom, and by when.

    各 CASE.json について、個人情報保護法26条の報告の要否・報告先・期限・本人通知の要否を判定します。
    Exit 0: every case assessed; 2: a case could not be read or has a wrong field.
    """
    failed = False
    for path in cases:
        try:
            try:
                obj = _read(path)
            except OSError as e:
                raise CaseError("(file)", f"cannot read: {e.strerror or e}", f"読めません: {e.strerror or e}") from None
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                raise CaseError("(file)", f"not JSON: {e}", f"JSON として読めません: {e}") from None
            case = parse_case(obj)
            decision = assess(case)
        except CaseError as e:
            failed = True
            click.echo(f"mamori incidents assess: {path}: {e.field}: {e.message_ja} / {e.message_en}", err=True)
            if as_json:
                sys.stdout.write(json.dumps(error_json(path, e), ensure_ascii=False) + "\n")
            continue
        if as_json:
            sys.stdout.write(json.dumps(to_json(path, decision), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(explain(path, decision, in_force(builtin_rulesets(), case.discovered_on)) + "\n")
        sys.stdout.flush()
    sys.exit(2 if failed else 0)


def _load(path: str) -> object:
    """The decoded CASE.json at ``path``; :class:`CaseError` when it cannot be read or is not JSON."""
    try:
        return _read(path)
    except OSError as e:
        raise CaseError("(file)", f"cannot read: {e.strerror or e}", f"読めません: {e.strerror or e}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise CaseError("(file)", f"not JSON: {e}", f"JSON として読めません: {e}") from None


def _organization(config: str | None) -> tuple[tzinfo, bool]:
    """The company's time zone and whether it holds the PrivacyMark, from ``[organization]`` of the config."""
    path = Path(config or "mamori.toml")
    if not path.is_file():
        if config:
            raise click.UsageError(f"no such config file: {config}")
        return zone(), False
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
        return zone_of(data), privacymark_of(data)
    except (ValueError, UnicodeDecodeError) as exc:  # TOMLDecodeError and TimezoneError are ValueErrors
        raise click.UsageError(f"{path}: {exc}") from exc


def _fail(command: str, e: CaseError | RegisterError | DraftError) -> NoReturn:
    if isinstance(e, CaseError | DraftError):
        click.echo(f"mamori incidents {command}: {e.field}: {e.message_ja} / {e.message_en}", err=True)
    else:
        click.echo(f"mamori incidents {command}: {e.message_ja} / {e}", err=True)
    sys.exit(2)


def _words(obj: object, key: str, given: str | None) -> str | None:
    """The officer's words: the option when given, else the CASE.json's ``title`` / ``summary`` when a string."""
    if given is not None:
        return given
    value = obj.get(key) if isinstance(obj, dict) else None
    return value if isinstance(value, str) else None


def _draft(from_scan: str | None, scan_file: str | None, from_letters: str | None) -> Draft:
    """The draft of ``--from-scan`` (with ``--file``) or ``--from-letters``."""
    if from_scan is not None:
        return from_scan_report(_load(from_scan), scan_file)
    assert from_letters is not None
    return from_letters_result(_load(from_letters))


@incidents.command("new")
@store_options
@click.argument("case", required=False, type=click.Path(dir_okay=False))
@click.option("--title", help="A short title in the officer's words (else the CASE.json's `title`).")
@click.option("--summary", help="What happened, in the officer's words (else the CASE.json's `summary`).")
@click.option("--from-scan", "from_scan", type=click.Path(dir_okay=False),
              help="Draft the facts from a discovery scan report (mamori scan --format json) instead of CASE.json.")
@click.option("--file", "scan_file", help="With --from-scan: only this file of the report (its path as listed).")
@click.option("--from-letters", "from_letters", type=click.Path(dir_okay=False),
              help="Draft the facts from a letters check result (mamori letters check --json).")
@click.option("--cause", type=click.Choice(CAUSES), help="With --from-*: the cause, in place of the draft's.")
@click.option("--event", type=click.Choice(EVENTS), help="With --from-*: leak (default), loss or damage.")
@click.option("--persons", type=click.IntRange(min=0), help="With --from-*: the number of people, in place of "
              "the draft's.")
@click.option("--discovered-on", "discovered_on", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="With --from-*: the day it was discovered (default: today in the company's time zone).")
def new_command(case: str | None, title: str | None, summary: str | None, from_scan: str | None,
                scan_file: str | None, from_letters: str | None, cause: str | None, event: str | None,
                persons: int | None, discovered_on: datetime | None, config: str | None, db_url: str | None) -> None:
    """Assess CASE.json and record it in the register as a new incident; prints its id and the decision.

    CASE.json を判定し、新しい事案として台帳に記録します (作業と期限も作ります)。

    Or draft the facts from --from-scan REPORT.json [--file PATH] or --from-letters RESULT.json: the cause, data
    types and number of people come from the finding (counts and types only); give what it cannot say with --cause,
    --persons. 検出結果から原因・情報の種類・人数を入れて登録します。
    """
    sources = [x for x in (case, from_scan, from_letters) if x is not None]
    if len(sources) != 1:
        raise click.UsageError("give one of CASE.json, --from-scan REPORT.json, --from-letters RESULT.json")
    if scan_file is not None and from_scan is None:
        raise click.UsageError("--file goes with --from-scan")
    drafted = (cause, event, persons, discovered_on) != (None, None, None, None)
    if case is not None and drafted:
        raise click.UsageError("--cause, --event, --persons and --discovered-on go with --from-scan/--from-letters")
    tz, privacymark = _organization(config)
    db = open_store(config, db_url, "incidents new")
    try:
        if case is not None:
            obj = _load(case)
            words = (_words(obj, "title", title) or "", _words(obj, "summary", summary) or "")
        else:
            draft = _draft(from_scan, scan_file, from_letters)
            day = discovered_on.date() if discovered_on is not None else today_in(utcnow(), tz)
            obj = draft_case(draft, day, cause=cause, event=event, persons=persons)
            words = (title if title is not None else draft.title, summary if summary is not None else draft.summary)
            for note in draft.notes:
                click.echo(f"注意 / note: {note}", err=True)
        incident_id = register.create(db, obj, cli_actor(), words[0], words[1], privacymark=privacymark)
    except (CaseError, RegisterError, DraftError) as e:
        _fail("new", e)
    view = register.get(db, incident_id)
    click.echo(f"事案 {incident_id} を記録しました / incident {incident_id} recorded")
    rules = in_force(builtin_rulesets(), view.discovered_on)
    click.echo(explain(f"incident {incident_id}", assess(parse_case(view.case)), rules), nl=False)


@incidents.command("update")
@store_options
@click.argument("incident_id", type=int)
@click.argument("case", type=click.Path(dir_okay=False))
@click.option("--title", help="A new title (else the CASE.json's `title`, else unchanged).")
@click.option("--summary", help="A new summary (else the CASE.json's `summary`, else unchanged).")
def update_command(incident_id: int, case: str, title: str | None, summary: str | None, config: str | None,
                   db_url: str | None) -> None:
    """Re-assess incident ID on the facts of CASE.json; the earlier assessments are kept.

    事案 ID を CASE.json の事実で判定し直します (以前の判定は履歴として残ります)。
    """
    _, privacymark = _organization(config)
    db = open_store(config, db_url, "incidents update")
    try:
        obj = _load(case)
        register.update(db, incident_id, obj, cli_actor(), privacymark=privacymark,
                        title=_words(obj, "title", title), summary=_words(obj, "summary", summary))
    except (CaseError, RegisterError) as e:
        _fail("update", e)
    view = register.get(db, incident_id)
    click.echo(f"事案 {incident_id} を判定し直しました (判定 {len(view.assessments)} 回目) / "
               f"incident {incident_id} re-assessed (assessment {len(view.assessments)})")
    rules = in_force(builtin_rulesets(), view.discovered_on)
    click.echo(explain(f"incident {incident_id}", assess(parse_case(view.case)), rules), nl=False)


@incidents.command("done")
@store_options
@click.argument("incident_id", type=int)
@click.argument("task", type=click.Choice(TASK_KINDS))
@click.option("--undo", is_flag=True, help="Mark the task not done again.")
def done_command(incident_id: int, task: str, undo: bool, config: str | None, db_url: str | None) -> None:
    """Mark TASK of incident ID done (preliminary, final, notify_principal, notify_individuals, publish,
    pmark_preliminary, pmark_final).

    事案 ID の作業 TASK を完了にします (--undo で未了に戻します)。
    """
    db = open_store(config, db_url, "incidents done")
    try:
        register.mark_done(db, incident_id, task, cli_actor(), done=not undo)
    except RegisterError as e:
        _fail("done", e)
    ja, en = TASK_LABELS[task]
    if undo:
        click.echo(f"事案 {incident_id}: {ja} を未了に戻しました / {en} marked not done")
    else:
        click.echo(f"事案 {incident_id}: {ja} を完了にしました / {en} marked done")


def _task_json(view: register.IncidentView, t: register.TaskView, today: date) -> dict[str, Any]:
    left = view.countdown(t, today)
    return {
        "kind": t.kind, "due": t.due.isoformat() if t.due else None, "required": t.required,
        "done": t.done_at is not None, "done_at": t.done_at.isoformat() if t.done_at else None, "done_by": t.done_by,
        "days_left": left.days_left if left else None, "open_days_left": left.open_days_left if left else None,
    }  # fmt: skip


def _left_ja(left: Countdown | None) -> str:
    if left is None:
        return "期限: 速やかに"
    if left.overdue:
        return f"期限 {left.due} ({-left.days_left}日超過)"
    if left.days_left == 0:
        return f"期限 {left.due} (本日まで)"
    return f"期限 {left.due} (あと{left.days_left}日、うち開庁日{left.open_days_left}日)"


@incidents.command("list")
@store_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per incident, one per line.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Count days left from this day (default: today in the company's time zone).")
def list_command(as_json: bool, today: datetime | None, config: str | None, db_url: str | None) -> None:
    """The register: open incidents first, the nearest deadline first; tasks with their days left.

    事案の台帳: 対応中の事案が先、期限の近い順。作業ごとに残り日数を示します。
    """
    tz, _ = _organization(config)
    db = open_store(config, db_url, "incidents list")
    day = today.date() if today is not None else today_in(utcnow(), tz)
    for view in register.register(db):
        d = view.decision
        if as_json:
            obj = {
                "id": view.id, "title": view.title, "open": view.is_open,
                "discovered_on": view.discovered_on.isoformat(),
                "nearest_due": view.nearest_due.isoformat() if view.nearest_due else None,
                "reportable": d["reportable"], "report_to": d["report_to"], "categories": d["categories"],
                "rules": d["rules"], "assessments": len(view.assessments),
                "tasks": [_task_json(view, t, day) for t in view.tasks if t.required],
            }  # fmt: skip
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
            continue
        state = "対応中" if view.is_open else "対応済"
        if not d["reportable"]:
            verdict = "報告不要"
        elif d["report_to"] == "principal":
            verdict = "委託元へ通知"
        else:
            verdict = "報告要 (個人情報保護委員会)"
        title = f" {view.title}" if view.title else ""
        click.echo(f"[{state}] 事案 {view.id}{title}  {view.discovered_on} 発覚  {verdict}")
        for t in view.tasks:
            if not t.required:
                continue
            mark = "完了" if t.done_at is not None else "未了"
            when = "" if t.done_at is not None else "  " + _left_ja(view.countdown(t, day))
            click.echo(f"    {mark}  {TASK_LABELS[t.kind][0]}{when}")


@incidents.command("remind")
@store_options
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Send the reminders of this day (default: today in the company's time zone).")
def remind_command(today: datetime | None, config: str | None, db_url: str | None) -> None:
    """Mail the officers the reminders of the day: a week, 3 days and 1 day before a task's deadline, on the day,
    and once when overdue. Each reminder is sent once; run it daily (mamori-incidents-remind.timer).

    期限の7日前・3日前・前日・当日・超過時に、未了の作業を担当者 (officer) にメールで知らせます (各1回)。
    Exit 0: every reminder due was sent (or none was due); 1: one could not be sent (tried again next run).
    """
    path = Path(config or "mamori.toml")
    if config and not path.is_file():
        raise click.UsageError(f"no such config file: {config}")
    try:
        settings = load_reminder_settings(path)
    except (ValueError, UnicodeDecodeError) as exc:  # TOMLDecodeError, SettingsError, TimezoneError
        raise click.UsageError(f"{path}: {exc}") from exc
    db = open_store(config, db_url, "incidents remind")
    day = today.date() if today is not None else today_in(utcnow(), settings.tz)
    failed = False
    for r in remind(db, settings, day, cli_actor()):
        ja, en = TASK_LABELS[r.kind]
        if r.error:
            failed = True
            click.echo(f"mamori incidents remind: 事案 {r.incident_id} {ja} ({r.step}): 送信できません / "
                       f"incident {r.incident_id} {en} ({r.step}): not sent: {r.error}", err=True)
        else:
            click.echo(f"事案 {r.incident_id}: {ja} ({r.step}, 期限 {r.due}) を {r.recipients} 人に送信 / "
                       f"incident {r.incident_id}: {en} ({r.step}, due {r.due}) sent to {r.recipients} officer(s)")
    sys.exit(1 if failed else 0)
