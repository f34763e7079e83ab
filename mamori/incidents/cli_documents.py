"""``mamori incidents report`` and ``mamori incidents notice``: the documents of an incident of the register.

``report ID --format text|pdf|docx|xlsx [--stage preliminary|final] -o FILE`` writes the nine items of 規則8条1項
(the same items in every format, :func:`~mamori.incidents.report.report_items`), titled 速報 or 確報 (default: the
one due next); without ``-o`` (or with ``-o -``) to standard output.

``notice ID --people PEOPLE.csv -o LETTERS.docx [--csv NOTICE.csv] [--publication TEXT.txt]`` writes the notice to
the people concerned: one letter per person (DOCX), the people with the notice's fields (CSV), the public
announcement (text). ``--contact``, ``--measures`` and ``--harm`` are required (what only the company can say);
the company is ``--company`` or ``[organization] name`` of the config. The people list is read and dropped, never
stored; the audit log records who made which file for how many people (never a name). Exit 2 on an unknown
incident, a wrong list or a missing field (named on standard error); ``report`` exits 1 without writing for an
incident whose latest assessment says it need not be reported, unless ``--force``.
"""

from __future__ import annotations

import sys
import tomllib
from datetime import date
from pathlib import Path
from typing import NoReturn

import click

from mamori.incidents import register
from mamori.incidents.notice import NoticeError, Sender, notice_for, publication_text
from mamori.incidents.notice_audit import audit_notice
from mamori.incidents.notice_docx import MAX_LETTERS, notice_docx
from mamori.incidents.people import PeopleError, people_csv, read_people
from mamori.incidents.register import IncidentView, RegisterError
from mamori.incidents.report import STAGES
from mamori.incidents.report_formats import FORMATS, report_bytes
from mamori.incidents.tasks import today_in
from mamori.store import Database
from mamori.store.base import utcnow
from mamori.store.command import cli_actor, open_store, store_options
from mamori.timefmt import zone, zone_of


def _company_and_today(config: str | None) -> tuple[str, date]:
    """``[organization] name`` of the config ("" without one) and today in the company's time zone."""
    path = Path(config or "mamori.toml")
    if not path.is_file():
        if config:
            raise click.UsageError(f"no such config file: {config}")
        return "", today_in(utcnow(), zone())
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
        org = data.get("organization", {})
        name = org.get("name", "") if isinstance(org, dict) else ""
        return (name if isinstance(name, str) else ""), today_in(utcnow(), zone_of(data))
    except (ValueError, UnicodeDecodeError) as exc:  # TOMLDecodeError and TimezoneError are ValueErrors
        raise click.UsageError(f"{path}: {exc}") from exc


def _fail(command: str, message_ja: str, message: str) -> NoReturn:
    click.echo(f"mamori incidents {command}: {message_ja} / {message}", err=True)
    sys.exit(2)


def _incident(config: str | None, db_url: str | None, incident_id: int,
              command: str) -> tuple[Database, IncidentView]:
    db = open_store(config, db_url, f"incidents {command}")
    try:
        return db, register.get(db, incident_id)
    except RegisterError as e:
        _fail(command, e.message_ja, str(e))


def _write(output: str, data: bytes) -> None:
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        Path(output).write_bytes(data)


@click.command("report")
@store_options
@click.argument("incident_id", type=int)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text to paste into the PPC's form, or a document to file: PDF, DOCX (Word), XLSX (Excel).")
@click.option("--stage", type=click.Choice(STAGES),
              help="速報 (preliminary) or 確報 (final) in the title; default: the one due next (確報 once the 速報 "
                   "is marked done).")
@click.option("-o", "--output", default="-", help="The file to write (default: standard output).")
@click.option("--force", is_flag=True,
              help="Write it even when the latest assessment says the incident need not be reported (a record).")
def report_command(incident_id: int, fmt: str, stage: str | None, output: str, force: bool, config: str | None,
                   db_url: str | None) -> None:
    """Write the report of incident ID: the nine items of Rules Art. 8(1), filled from the register.

    事案 ID の報告事項 (施行規則8条1項の9項目) を書き出します。text は委員会の報告フォームへの貼り付け用、
    pdf / docx / xlsx は社内の記録・提出用の文書です。報告不要と判定された事案は、--force がなければ書き出さず
    終了コード 1 で終わります (報告書の体裁の文書が「報告が必要」と誤解されないように)。
    """
    _, today = _company_and_today(config)
    _, view = _incident(config, db_url, incident_id, "report")
    if not view.decision["reportable"] and not force:
        click.echo(f"mamori incidents report: 事案 {incident_id} は最新の判定で報告不要です。記録として書き出すには "
                   f"--force を付けてください / incident {incident_id} need not be reported (latest assessment); "
                   "add --force to write the report anyway, as a record", err=True)
        sys.exit(1)
    _write(output, report_bytes(view, fmt, today, stage))
    if output != "-":
        click.echo(f"事案 {incident_id} の報告事項を {output} に書きました / report of incident {incident_id} "
                   f"written to {output}", err=True)


@click.command("notice")
@store_options
@click.argument("incident_id", type=int)
@click.option("--people", type=click.Path(dir_okay=False, exists=True),
              help="CSV of the people concerned: 氏名/name, 郵便番号/postal_code, 住所/address (UTF-8 or Shift_JIS).")
@click.option("-o", "--output", help="The letters, one per person, as DOCX (needs --people).")
@click.option("--csv", "csv_out", help="The people with the notice's text fields as CSV (needs --people).")
@click.option("--publication", help="The public announcement (公表) as text.")
@click.option("--contact", required=True, help="The contact window: department, telephone, hours (\\n: new line).")
@click.option("--measures", required=True, help="What the company has done and does (当社の対応).")
@click.option("--harm", required=True, help="Secondary harm or its risk, as known now (二次被害の有無).")
@click.option("--company", help="The company's name (default: [organization] name of the config).")
@click.option("--signer", default="", help="Who signs, e.g. 代表取締役 山田 太郎.")
@click.option("--details", default="", help="More on what happened, in words fit for the reader.")
@click.option("--reader", default="お客様", show_default=True, help="How the letter names its reader.")
def notice_command(incident_id: int, people: str | None, output: str | None, csv_out: str | None,
                   publication: str | None, contact: str, measures: str, harm: str, company: str | None,
                   signer: str, details: str, reader: str, config: str | None, db_url: str | None) -> None:
    """Write the notice to the people concerned by incident ID: letters (DOCX), the people CSV, the announcement.

    事案 ID の本人への通知文を書き出します: 一人1通の通知文 (DOCX)、通知文の項目つきの対象者 CSV、公表文 (テキスト)。
    連絡先 (--contact)、当社の対応 (--measures)、二次被害の有無 (--harm) は必須です。
    """
    if not (output or csv_out or publication):
        raise click.UsageError("give -o LETTERS.docx, --csv FILE or --publication FILE")
    if (output or csv_out) and not people:
        raise click.UsageError("-o and --csv need --people PEOPLE.csv")
    org_name, today = _company_and_today(config)
    db, view = _incident(config, db_url, incident_id, "notice")
    sender = Sender(company=company if company is not None else org_name, contact=_lines(contact),
                    measures=_lines(measures), harm=_lines(harm), signer=signer, details=_lines(details),
                    reader=reader)
    try:
        notice = notice_for(view.case, sender, today)
        listed = read_people(Path(people).read_bytes()) if people else []
    except NoticeError as e:
        _fail("notice", e.message_ja, str(e))
    except PeopleError as e:
        _fail("notice", f"{people}: {e.message_ja}", str(e))
    if output and len(listed) > MAX_LETTERS:
        _fail("notice", f"通知文は1ファイル {MAX_LETTERS:,}人までです (--csv を使うか、リストを分けてください)",
              f"at most {MAX_LETTERS:,} letters in one file")
    made = []
    if output:
        made.append("docx")
        _write(output, notice_docx(listed, notice))
    if csv_out:
        made.append("csv")
        _write(csv_out, people_csv(listed, notice))
    if publication:
        made.append("publication")
        _write(publication, publication_text(view.case, sender, today).encode("utf-8"))
    audit_notice(db, incident_id, cli_actor(), made, len(listed))
    click.echo(f"事案 {incident_id}: 通知文 {len(listed)}人分 / incident {incident_id}: notice for "
               f"{len(listed)} people", err=True)


def _lines(text: str) -> str:
    r"""An option's text with ``\n`` written on the command line as a line break."""
    return text.replace("\\n", "\n")
