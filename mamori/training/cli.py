"""``mamori training``: validate course files, export a course as SCORM 1.2, assign learners, report a year, send
the reminders of the departments' assignments."""

from __future__ import annotations

import csv
import sys
from datetime import datetime
from pathlib import Path

import click

from mamori.store.command import open_store, store_options
from mamori.training.course import Course, CourseError, builtin_courses, load_course, validate_path


def _course(ref: str) -> Course:
    """A course folder, a course.md, or the id of a course shipped with mamori."""
    path = Path(ref)
    if path.name == "course.md":
        path = path.parent
    if not path.exists():
        shipped = {d.name: d for d in builtin_courses()}
        for d in shipped.values():
            try:
                if load_course(d).id == ref:
                    path = d
                    break
            except CourseError:
                continue
    try:
        return load_course(path)
    except CourseError as exc:
        for p in exc.problems:
            click.echo(f"mamori training: {p}", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"mamori training: {ref}: {exc}", err=True)
        sys.exit(2)


@click.group()
def training() -> None:
    """Staff training: courses, quiz, records, reports, SCORM export.

    研修: 教材・確認テスト・記録・報告・SCORM 書き出し
    """


@training.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def validate_cmd(paths: tuple[str, ...]) -> None:
    """Check course folders or files; print FILE:LINE: problem for each fault. Exit 1 if any.

    教材フォルダまたはファイルを検査し、問題をファイル名と行番号つきで表示します。
    """
    failed = False
    for path in paths:
        problems = validate_path(path)
        for p in problems:
            click.echo(str(p))
        if problems:
            failed = True
        else:
            click.echo(f"ok: {path}", err=True)
    sys.exit(1 if failed else 0)


@training.command("export-scorm")
@click.argument("course")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="the .zip to write")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True)
@click.option("--pass-mark", type=click.IntRange(1, 100), default=None, help="override the course's pass mark (%)")
def export_scorm_cmd(course: str, output: str, lang: str, pass_mark: int | None) -> None:
    """Write COURSE (a folder or a shipped course id) as a SCORM 1.2 package. / SCORM 1.2 パッケージを書き出します。"""
    from mamori.training.scorm import scorm_zip

    c = _course(course)
    Path(output).write_bytes(scorm_zip(c, lang, pass_mark))
    click.echo(f"{output}: SCORM 1.2, course {c.id} {c.full_version}, {len(c.content_pages)} pages", err=True)


def _year(year: int | None) -> int:
    from mamori.store.base import utcnow
    from mamori.training.progress import fiscal_year
    from mamori.training.reports import JST

    return year if year is not None else fiscal_year(utcnow().astimezone(JST))


@training.command("assign")
@click.argument("course")
@click.argument("roster", type=click.File("r", encoding="utf-8-sig"))
@store_options
@click.option("--year", type=int, default=None, help="fiscal year (default: the current one)")
def assign_cmd(course: str, roster: click.File, config: str | None, db_url: str | None, year: int | None) -> None:
    """Enrol the learners of ROSTER (CSV: login[,name]) so those who never start show as not finished."""
    from mamori.training import records
    from mamori.training.progress import Learner

    c = _course(course)
    learners = []
    for row in csv.reader(roster):  # type: ignore[arg-type]
        if not row or not row[0].strip() or row[0].strip().lower() in ("login", "email", "user"):
            continue
        learners.append(Learner(row[0], row[1].strip() if len(row) > 1 else ""))
    new = records.assign(open_store(config, db_url, "training"), learners, c.id, _year(year))
    click.echo(f"{len(learners)} learners, {new} newly assigned to {c.id} for {_year(year)}", err=True)


@training.command("report")
@click.argument("course")
@store_options
@click.option("--year", type=int, default=None, help="fiscal year (default: the current one)")
@click.option("--pending", is_flag=True, help="only those who have not completed (make-up / reminder list)")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), default="csv", show_default=True)
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="file (default: stdout, CSV)")
def report_cmd(course: str, config: str | None, db_url: str | None, year: int | None, pending: bool, fmt: str,
               lang: str,
               output: str | None) -> None:
    """Who has and has not completed COURSE in a year, as CSV or XLSX. / 受講状況を CSV・XLSX で出力します。"""
    from mamori.atomic_write import write_atomically
    from mamori.training import records
    from mamori.training.reports import csv_text, report_rows, xlsx_bytes

    c = _course(course)
    y = _year(year)
    db = open_store(config, db_url, "training")
    recs = records.not_completed(db, c.id, y) if pending else records.year_records(db, c.id, y)
    rows = report_rows(c, recs, lang)
    if fmt == "xlsx":
        if output is None:
            raise click.UsageError("--format xlsx needs -o FILE")
        write_atomically(Path(output), xlsx_bytes(rows, lang, f"{c.id} {y}"))  # staff names: whole, owner-only
    elif output is None:
        sys.stdout.write(csv_text(rows, lang))
    else:
        write_atomically(Path(output), csv_text(rows, lang).encode("utf-8-sig"))
    done = sum(1 for r in recs if r.completed)
    click.echo(f"{c.id} {y}: {len(recs)} records, {done} completed ({datetime.now():%Y-%m-%d %H:%M})", err=True)


@training.command("remind")
@store_options
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="the company's date to remind for (default: today in [organization] timezone)")
@click.option("--year", type=int, default=None, help="the assignments' year (default: the current one)")
@click.option("--lead", type=click.IntRange(0, 365), default=14, show_default=True,
              help="start reminding this many days before the due date")
@click.option("--every", type=click.IntRange(1, 365), default=7, show_default=True,
              help="remind the same person again after this many days (also when overdue)")
def remind_cmd(config: str | None, db_url: str | None, today: datetime | None, year: int | None, lead: int,
               every: int) -> None:
    """Mail everyone of an assigned department who has not passed yet, from LEAD days before the due date and
    again every EVERY days; run it daily (mamori-training-remind.timer).

    割り当てた部署の未修了者に、期限の LEAD 日前から EVERY 日おきに督促メールを送ります（期限後も続けます）。
    Exit 0: every reminder due was sent (or none was due); 1: some could not be sent (tried again next run).
    """
    from mamori.incidents.remind import load_reminder_settings
    from mamori.store.base import utcnow
    from mamori.store.command import cli_actor
    from mamori.training.config import load_training_config, parse_training_config
    from mamori.training.remind import moment_of, remind_all

    path = Path(config or "mamori.toml")
    if config and not path.is_file():
        raise click.UsageError(f"no such config file: {config}")
    try:
        settings = load_reminder_settings(path)
        tconfig = load_training_config(path) if path.is_file() else parse_training_config({})
        courses = tconfig.load_courses()
    except (ValueError, UnicodeDecodeError) as exc:  # TOMLDecodeError, SettingsError, TrainingConfigError
        raise click.UsageError(f"{path}: {exc}") from exc
    day = today.date() if today is not None else utcnow().astimezone(settings.tz).date()
    y = year if year is not None else tconfig.year_of()(utcnow().astimezone(settings.tz))
    db = open_store(config, db_url, "training remind")
    failed = False
    now = moment_of(day, settings.tz) if today is not None else None  # a run for another day counts from that day
    for run in remind_all(db, settings, courses, y, day, cli_actor(), lead=lead, every=every, now=now):
        a = run.assignment
        if run.sent or run.failed:
            click.echo(f"{a.course_id} {a.year} {a.department} (期限 {a.due}): {run.sent} 人に送信 / "
                       f"due {a.due}: sent to {run.sent}")
        if run.failed:
            failed = True
            click.echo(f"mamori training remind: {a.course_id} {a.department}: {run.failed} 人に送れません / "
                       f"not sent to {run.failed}: {run.error}", err=True)
    sys.exit(1 if failed else 0)
