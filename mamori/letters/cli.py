"""``mamori letters check`` and ``mamori fax check``: the shell around the checks — reads the files, prints the
verdict (JSON or a terminal report), writes the HTML report.

Exit status (for print and send workflows): 0 every letter or destination fine (and nothing missing); 1 problems;
2 an error: a run or list that cannot be read (named with its page or line on standard error; never a traceback).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from mamori.letters.model import Box, window_box


def _fail(what: str, where: str, en: str, ja: str, as_json: bool, run: str = "") -> None:
    click.echo(f"mamori: {what}: {where}{ja} / {en}", err=True)
    if as_json:
        obj = {"run": run, "error": {"file": what, "where": where.rstrip(": "), "message": en, "message_ja": ja}}
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.exit(2)


def _text(path: str) -> str | None:
    try:
        return Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


@click.group()
def letters() -> None:
    """Letters: check a print run against its list before it is posted.

    封書: 印刷した封書の宛名・封入物を宛先リストと照合します（宛名間違い・封入ミス）
    """


@letters.command("check")
@click.argument("run", type=click.Path(exists=True, dir_okay=False))
@click.option("--list", "list_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="recipients.csv: id,name,postal_code,address[,organization] / 宛先リスト")  # fmt: skip
@click.option("--window", default=None, metavar="L,T,W,H",
              help="Envelope window in mm from the page's top-left / 封筒の窓（ページ左上からの mm）")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="One JSON object (DESIGN.md) / JSON で出力")
@click.option("--report", "report_path", default=None, type=click.Path(dir_okay=False),
              help="Write an HTML report with pictures of the held letters / 保留した封書の画像付き HTML")  # fmt: skip
def check_command(run: str, list_path: str, window: str | None, as_json: bool, report_path: str | None) -> None:
    """Check every letter of RUN.pdf against the list: name, address, postal code, enclosures, window.

    RUN.pdf の全封書を宛先リストと照合します（氏名・住所・郵便番号・封入物・窓位置）。
    Exit 0: all letters fine, none missing (print it); 1: problems; 2: error.
    """
    from mamori.letters.check import check_run
    from mamori.letters.pdftext import RunError, read_pages
    from mamori.letters.postal import japan_post
    from mamori.letters.recipients import ListError, parse_recipients
    from mamori.letters.report import html_report, print_letters, to_json

    box: Box | None = None
    if window:
        try:
            box = window_box(window)
        except ValueError as e:
            raise click.BadParameter(str(e), param_hint="--window") from None
    text = _text(list_path)
    if text is None:
        _fail(list_path, "", "the list is not UTF-8 text (save it as CSV UTF-8)",
              "リストが UTF-8 のテキストではありません（CSV UTF-8 で保存してください）", as_json, run)  # fmt: skip
        return
    try:
        entries = parse_recipients(text or "")
    except ListError as e:
        where = f"line {e.row}: " if e.row else ""
        _fail(list_path, where, e.message_en, e.message_ja, as_json, run)
        return
    try:
        result = check_run(read_pages(run), entries, japan_post, box)
    except RunError as e:
        where = f"page {e.page}: " if e.page else ""
        _fail(run, where, e.message_en, e.message_ja, as_json, run)
        return
    if as_json:
        sys.stdout.write(json.dumps(to_json(run, result), ensure_ascii=False) + "\n")
    else:
        print_letters(run, result)
    if report_path:
        Path(report_path).write_text(html_report(run, run, result, box), encoding="utf-8")
        if not as_json:
            click.echo(f"report / 報告書: {report_path}")
    sys.exit(0 if result.ok else 1)


@click.group()
def fax() -> None:
    """FAX: check a broadcast send list against the contact directory.

    FAX: 一斉送信リストの番号をアドレス帳と照合します（誤送信防止）
    """


@fax.command("check")
@click.argument("sendlist", type=click.Path(exists=True, dir_okay=False))
@click.option("--contacts", required=True, type=click.Path(exists=True, dir_okay=False),
              help="contacts.csv with a fax column / fax 列のあるアドレス帳")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="One JSON object per row (DESIGN.md) / 行ごとに JSON")
def fax_check_command(sendlist: str, contacts: str, as_json: bool) -> None:
    """Check every row of SENDLIST.csv (name,organization,fax) against the directory.

    送信リスト（name,organization,fax）の各行をアドレス帳と照合します。
    Exit 0: every destination fine; 1: a row to confirm or hold; 2: error.
    """
    from mamori.guard.channel import load_channel_index
    from mamori.letters.fax import SendListError, check_sendlist, parse_sendlist, to_json
    from mamori.letters.report import print_fax

    text = _text(sendlist)
    if text is None:
        _fail(sendlist, "", "the send list is not UTF-8 text", "送信リストが UTF-8 のテキストではありません", False)
        return
    try:
        rows = parse_sendlist(text)
    except SendListError as e:
        _fail(sendlist, f"line {e.line}: " if e.line else "", e.message_en, e.message_ja, False)
        return
    try:
        index = load_channel_index(contacts)
    except UnicodeDecodeError:
        _fail(contacts, "", "the contacts file is not UTF-8 text", "アドレス帳が UTF-8 のテキストではありません", False)
        return
    except ValueError as e:
        _fail(contacts, "", str(e), f"アドレス帳が読めません: {e}", False)
        return
    verdicts = check_sendlist(rows, index)
    if as_json:
        for v in verdicts:
            sys.stdout.write(json.dumps(to_json(v), ensure_ascii=False) + "\n")
    else:
        print_fax(verdicts)
    sys.exit(0 if all(v.action == "allow" for v in verdicts) else 1)
