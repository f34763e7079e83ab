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


def _window(window: str | None) -> Box | None:
    if not window:
        return None
    try:
        return window_box(window)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--window") from None


CORNER_CHOICES = ("bottom-right", "bottom-left", "top-right", "top-left")


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

    box = _window(window)
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


def _entries(list_path: str, as_json: bool, run: str) -> list[object]:
    """The list's entries, or exit 2 with the line named."""
    from mamori.letters.recipients import ListError, parse_recipients

    text = _text(list_path)
    if text is None:
        _fail(list_path, "", "the list is not UTF-8 text (save it as CSV UTF-8)",
              "リストが UTF-8 のテキストではありません（CSV UTF-8 で保存してください）", as_json, run)  # fmt: skip
    try:
        return parse_recipients(text or "")  # type: ignore[return-value]
    except ListError as e:
        _fail(list_path, f"line {e.row}: " if e.row else "", e.message_en, e.message_ja, as_json, run)
    return []


@letters.command("stamp")
@click.argument("run", type=click.Path(exists=True, dir_okay=False))
@click.option("--list", "list_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="recipients.csv: the list the run was made for / 宛先リスト")  # fmt: skip
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="The stamped PDF to write / 管理マーク付きの PDF の出力先")  # fmt: skip
@click.option("--window", default=None, metavar="L,T,W,H",
              help="Envelope window in mm: checked as by `check`, and kept free of marks / 封筒の窓（mm）")  # fmt: skip
@click.option("--corner", type=click.Choice(["auto", *CORNER_CHOICES]), default="auto", show_default=True,
              help="Where the mark goes; auto: the first free of bottom-right, bottom-left, top-right, top-left "
                   "/ マークの位置（auto: 右下→左下→右上→左上の空いた角）")  # fmt: skip
@click.option("--size", type=click.FloatRange(8.0, 40.0), default=12.0, show_default=True,
              help="Side of the QR code in mm / QR コードの一辺（mm）")  # fmt: skip
@click.option("--margin", type=click.FloatRange(0.0, 50.0), default=7.0, show_default=True,
              help="Distance of the mark from the page's edges in mm / ページの端からの距離（mm）")  # fmt: skip
@click.option("--manifest", "manifest_path", default=None, type=click.Path(dir_okay=False),
              help="Also write the manifest (run id, key, letters) to this file / 管理ファイルも書き出す")  # fmt: skip
@click.option("--force", is_flag=True, help="Stamp even when the check holds letters / 照合で保留があっても付ける")
@click.option("--json", "as_json", is_flag=True, help="One JSON object / JSON で出力")
def stamp_command(run: str, list_path: str, output: str, window: str | None, corner: str, size: float, margin: float,
                  manifest_path: str | None, force: bool, as_json: bool) -> None:  # fmt: skip
    """Print a control mark (a small QR code: run, letter, page i of n, a hash of the recipient) on every page.

    全ページに管理マーク（小さな QR コード: 回・何通目・何ページ目・宛先のハッシュ）を付けます。封入後に
    `mamori letters verify` でスキャンと照合します。RUN.pdf はまず `letters check` と同じ照合をし、保留が
    あれば付けません。Exit 0: stamped; 1: the check holds the run (nothing written); 2: error.
    """
    from mamori.letters.marks import MarkError
    from mamori.letters.pdftext import RunError
    from mamori.letters.postal import japan_post
    from mamori.letters.report import print_letters, to_json
    from mamori.letters.stamp import CORNERS, Geometry, stamp_run

    box = _window(window)
    entries = _entries(list_path, as_json, run)
    corners = CORNERS if corner == "auto" else (corner,)
    try:
        result = stamp_run(run, entries, output, japan_post, window=box, geometry=Geometry(size, margin),  # type: ignore[arg-type]
                           corners=corners, force=force)  # fmt: skip
    except RunError as e:
        _fail(run, f"page {e.page}: " if e.page else "", e.message_en, e.message_ja, as_json, run)
        return
    except (MarkError, OSError) as e:
        en = getattr(e, "message_en", str(e))
        _fail(run, "", en, getattr(e, "message_ja", en), as_json, run)
        return
    if result.manifest is None:
        if as_json:
            obj = {"run": run, "stamped": None, "check": to_json(run, result.check)}
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
        else:
            print_letters(run, result.check)
            click.echo("not stamped: the check holds the run (correct it, or --force) / "
                       "照合で保留があるため管理マークを付けていません（直すか --force）")  # fmt: skip
        sys.exit(1)
    if manifest_path:
        Path(manifest_path).write_text(result.manifest.to_json(), encoding="utf-8")
    used = {c: result.corners.count(c) for c in CORNERS if c in result.corners}
    pages = len(result.corners)
    if as_json:
        obj = {"run": run, "stamped": output, "run_id": result.manifest.run_id,
               "letters": len(result.manifest.letters), "pages": pages, "corners": used,
               "held": [letter.index for letter in result.check.letters if letter.action == "hold"],
               "missing": list(result.check.missing)}  # fmt: skip
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    else:
        where = ", ".join(f"{c} {n}" for c, n in used.items())
        click.echo(f"{output}: {len(result.manifest.letters)} letters / 通, {pages} pages / ページ stamped "
                   f"(run / 回 {result.manifest.run_id}; {where})")  # fmt: skip
        if not result.check.ok:
            click.echo("stamped with --force although the check holds letters / 保留があるまま付けました", err=True)
    sys.exit(0)


@letters.command("verify")
@click.argument("scans", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--stamped", "stamped", default=None, type=click.Path(exists=True, dir_okay=False),
              help="The stamped PDF (its manifest names the recipients) / 管理マーク付きの PDF")  # fmt: skip
@click.option("--manifest", "manifest_path", default=None, type=click.Path(exists=True, dir_okay=False),
              help="Or the manifest file written by `stamp --manifest` / または管理ファイル")  # fmt: skip
@click.option("--partial", is_flag=True,
              help="The scans cover part of the run: letters not scanned are not missing / 一部だけの照合")  # fmt: skip
@click.option("--dpi", type=click.IntRange(72, 600), default=200, show_default=True,
              help="Resolution PDF scans are drawn at / PDF のスキャンを描画する解像度")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="One JSON object / JSON で出力")
def verify_command(scans: tuple[str, ...], stamped: str | None, manifest_path: str | None, partial: bool, dpi: int,
                   as_json: bool) -> None:  # fmt: skip
    """Read the control marks on SCANS (images or PDFs of the pages as they went into the envelopes, in order).

    封入する順に読み取ったページの画像・PDF の管理マークを読み、他の封書のページの混入・入れ忘れ・二重・読めない
    ページを報告します。SCANS はファイルかフォルダ（名前順）。Exit 0: every envelope fine; 1: problems; 2: error.
    """
    from mamori.letters.marks import Manifest, MarkError
    from mamori.letters.pdftext import RunError
    from mamori.letters.report import print_verify
    from mamori.letters.scans import ScanError, expand, read_scans
    from mamori.letters.stamp import read_manifest
    from mamori.letters.verify import to_json, verify

    if stamped and manifest_path:
        raise click.UsageError("give --stamped or --manifest, not both / --stamped か --manifest のどちらか一つ")
    manifest: Manifest | None = None
    source = stamped or manifest_path
    if source:
        try:
            manifest = read_manifest(source)
        except (RunError, MarkError) as e:
            _fail(source, "", e.message_en, e.message_ja, as_json)
            return
    try:
        if not expand(scans):
            _fail(scans[0], "", "no image or PDF to read", "読み取る画像・PDF がありません", as_json)
        result = verify(read_scans(scans, dpi), manifest, partial)
    except ScanError as e:
        _fail(e.path, "", e.message_en, e.message_ja, as_json)
        return
    if as_json:
        sys.stdout.write(json.dumps(to_json(result), ensure_ascii=False) + "\n")
    else:
        print_verify(result)
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
