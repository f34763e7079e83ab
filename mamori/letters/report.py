"""How a check is shown: the contract's JSON, a terminal report (Rich), and a self-contained HTML report with a
picture of each held letter's problem pages (rendered by pypdfium2, the problem outlined).

`to_json` and the terminal texts are pure; `html_report` reads the run's pages it shows from the PDF.
"""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

from mamori.letters.check import Letter, Problem, RunResult
from mamori.letters.fax import FaxVerdict
from mamori.letters.model import Box
from mamori.letters.verify import VerifyResult
from mamori.terminal import printable

LABELS = {
    "unknown_recipient": ("宛先不明", "unknown recipient"),
    "name_mismatch": ("宛名の氏名違い", "name mismatch"),
    "address_mismatch": ("住所違い", "address mismatch"),
    "postal_code_mismatch": ("郵便番号違い", "postal code mismatch"),
    "foreign_page": ("他の宛先のページ混入", "another recipient's page"),
    "duplicate_recipient": ("同じ宛先に二通", "second letter to the same recipient"),
    "outside_window": ("窓からはみ出し", "outside the window"),
    "unreadable_page": ("読めないページ", "unreadable page"),
    "invalid_number": ("かけられない番号", "invalid number"),
    "recipient_organization_mismatch": ("番号の組織違い", "number of another organisation"),
    "similar_recipient": ("番号の打ち間違い？", "number one digit off"),
    # mamori letters verify (the control marks read back from the envelopes' scans)
    "missing_page": ("ページの入れ忘れ", "page missing from the envelope"),
    "duplicate_page": ("同じページが二枚", "page twice"),
    "duplicate_letter": ("同じ封書が二通", "letter in two envelopes"),
    "foreign_run": ("別の回のページ", "page of another run"),
}
ACTIONS = {"ok": "OK", "hold": "保留 hold", "allow": "OK", "confirm": "確認 confirm"}


def _box(b: Box | None) -> list[float] | None:
    return None if b is None else [round(b.left, 1), round(b.top, 1), round(b.right - b.left, 1), round(b.height, 1)]


def to_json(run: str, result: RunResult) -> dict[str, object]:
    """The contract's object; each problem also carries ``detail_ja`` and ``box`` ([left, top, width, height] mm
    of what to look at on the page, or null), compatible additions."""
    return {
        "run": run,
        "letters": [
            {
                "index": letter.index,
                "pages": list(letter.pages),
                "recipient": letter.recipient,
                "action": letter.action,
                "problems": [
                    {"code": p.code, "page": p.page, "detail": p.detail, "detail_ja": p.detail_ja, "box": _box(p.box)}
                    for p in letter.problems
                ],
            }
            for letter in result.letters
        ],
        "missing": list(result.missing),
    }


def summary(result: RunResult) -> tuple[str, str]:
    """One line in Japanese and one in English: the verdict on the run."""
    held = sum(1 for letter in result.letters if letter.action == "hold")
    n, m = len(result.letters), len(result.missing)
    if result.ok:
        ok_ja = f"{n} 通すべて問題なし。印刷・封入してかまいません。"
        return ok_ja, f"All {n} letters are fine: the run may be printed."
    return (
        f"{n} 通中 {held} 通を保留、リストにあって封書のない宛先 {m} 件。直してから印刷してください。",
        f"{held} of {n} letters held, {m} list entries without a letter: correct the run before printing.",
    )


def print_letters(run: str, result: RunResult, console: object | None = None) -> None:
    """The terminal report: a table of the held letters and their problems, the missing entries, the verdict."""
    from rich.console import Console
    from rich.table import Table

    con: Console = console if isinstance(console, Console) else Console()
    con.print(f"[bold]{printable(run)}[/]: {len(result.letters)} letters / 通, "
              f"{sum(len(letter.pages) for letter in result.letters)} pages / ページ")  # fmt: skip
    held = [letter for letter in result.letters if letter.action == "hold"]
    if held:
        table = Table(title="保留した封書 / letters held", show_lines=True)
        for col in ("# / 通", "problem / 問題", "detail / 内容"):
            table.add_column(col, overflow="fold")
        for letter in held:
            for k, p in enumerate(letter.problems):
                ja, en = LABELS[p.code]
                head = f"{letter.index}\np. {_pages(letter)}\n{printable(letter.recipient or '?')}"
                table.add_row(
                    head if k == 0 else "",
                    f"{ja}\n{en}\n[dim]{p.code}[/]\np. {p.page}",
                    f"{printable(p.detail_ja)}\n[dim]{printable(p.detail)}[/]",
                )
        con.print(table)
    if result.missing:
        con.print(
            f"[bold]リストにあって封書のない宛先 / list entries without a letter[/] ({len(result.missing)}): "
            + ", ".join(printable(m) for m in result.missing)
        )
    ja, en = summary(result)
    style = "green" if result.ok else "red"
    con.print(f"[bold {style}]{ja}[/]\n[{style}]{en}[/]")


def _pages(letter: Letter) -> str:
    p = letter.pages
    return str(p[0]) if len(p) == 1 else f"{p[0]}–{p[-1]}"


def print_fax(verdicts: list[FaxVerdict], console: object | None = None) -> None:
    """The terminal report of a FAX send list: the rows that are not simply allowed, then the count."""
    from rich.console import Console
    from rich.table import Table

    con: Console = console if isinstance(console, Console) else Console()
    flagged = [v for v in verdicts if v.action != "allow"]
    if flagged:
        table = Table(title="確認・保留する送信先 / destinations to confirm or hold", show_lines=True)
        for col in ("row / 行", "action / 判定", "problem / 問題", "detail / 内容"):
            table.add_column(col, overflow="fold")
        for v in flagged:
            for k, r in enumerate(v.reasons):
                ja, en = LABELS[r.code]
                table.add_row(
                    str(v.row) if k == 0 else "",
                    ACTIONS[v.action] if k == 0 else "",
                    f"{ja}\n{en}\n[dim]{r.code}[/]",
                    f"{printable(r.detail_ja)}\n[dim]{printable(r.detail)}[/]",
                )
        con.print(table)
    held = sum(1 for v in verdicts if v.action == "hold")
    confirm = sum(1 for v in verdicts if v.action == "confirm")
    if not flagged:
        con.print(f"[bold green]{len(verdicts)} 件すべて問題なし。 All {len(verdicts)} destinations are fine.[/]")
    else:
        con.print(
            f"[bold red]{len(verdicts)} 件中 保留 {held} 件・要確認 {confirm} 件。[/]\n"
            f"[red]{held} of {len(verdicts)} destinations held, {confirm} to confirm.[/]"
        )


def print_verify(result: VerifyResult, console: object | None = None) -> None:
    """The terminal report of ``letters verify``: the envelopes held and why, the letters without an envelope,
    the verdict."""
    from rich.console import Console
    from rich.table import Table

    con: Console = console if isinstance(console, Console) else Console()
    con.print(f"{result.scans} pages scanned / 読み取ったページ, {len(result.envelopes)} envelopes / 封筒"
              + (f", run / 回 {result.run}" if result.run else ""))  # fmt: skip
    held = [e for e in result.envelopes if e.action == "hold"]
    if held:
        table = Table(title="保留した封筒 / envelopes held", show_lines=True)
        for col in ("envelope / 封筒", "problem / 問題", "detail / 内容"):
            table.add_column(col, overflow="fold")
        for env in held:
            who = f"letter / {env.letter} 通目" if env.letter is not None else "(no page 1 / 宛名ページなし)"
            if env.recipient:
                who += f"\n{printable(env.recipient)}"
            for k, p in enumerate(env.problems):
                ja, en = LABELS[p.code]
                table.add_row(
                    f"{env.index}\n{who}" if k == 0 else "",
                    f"{ja}\n{en}\n[dim]{p.code}[/]",
                    f"{printable(p.detail_ja)}\n[dim]{printable(p.detail)}[/]",
                )
        con.print(table)
    if result.missing:
        shown = ", ".join(f"{n}" + (f" ({printable(r)})" if r else "") for n, r in result.missing)
        con.print(f"[bold]封筒のない封書 / letters in no envelope[/] ({len(result.missing)}): {shown}")
    n = len(result.envelopes)
    if result.ok:
        con.print(f"[bold green]{n} 通すべて問題なし。投函してかまいません。[/]\n[green]All {n} envelopes are fine.[/]")
    else:
        con.print(
            f"[bold red]{n} 通中 {len(held)} 通を保留、封筒のない封書 {len(result.missing)} 通。"
            "中身を確かめてください。[/]\n"
            f"[red]{len(held)} of {n} envelopes held, {len(result.missing)} letters in no envelope: check them.[/]"
        )


# --- HTML ---------------------------------------------------------------------------------------------------------

SCALE = 1.25  # 90 dpi: legible, about 100 KB a page


def _png(pdf: object, number: int, boxes: list[Box], window: Box | None) -> str:
    """Page ``number`` as a PNG data URL with ``boxes`` outlined in red and the window (if any) in blue."""
    from PIL import ImageDraw

    page = pdf[number - 1]  # type: ignore[index]
    try:
        image = page.render(scale=SCALE).to_pil().convert("RGB")
    finally:
        page.close()
    px = SCALE * 72 / 25.4
    draw = ImageDraw.Draw(image)
    if window is not None:
        frame = [window.left * px, window.top * px, window.right * px, window.bottom * px]
        draw.rectangle(frame, outline="#1f5fbf", width=2)
    for b in boxes:
        draw.rectangle([(b.left - 1.5) * px, (b.top - 1.5) * px, (b.right + 1.5) * px, (b.bottom + 1.5) * px],
                       outline="#d00000", width=3)  # fmt: skip
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def held_pictures(
    run_path: str | Path, result: RunResult, window: Box | None = None, limit: int | None = None
) -> dict[int, list[tuple[int, str]]]:
    """The pictures of the HTML report, for another page to show: for each held letter (by index; the first
    ``limit`` held letters when given), each page with a problem as (page number, PNG data URL), outlined alike."""
    from mamori.letters.pdftext import open_pdf

    held = [letter for letter in result.letters if letter.action == "hold"][:limit]
    if not held:
        return {}
    out: dict[int, list[tuple[int, str]]] = {}
    pdf = open_pdf(run_path)
    try:
        for letter in held:
            by_page: dict[int, list[Problem]] = {}
            for p in letter.problems:
                by_page.setdefault(p.page, []).append(p)
            out[letter.index] = [
                (number, _png(pdf, number, [p.box for p in problems if p.box is not None],
                              window if any(p.code == "outside_window" for p in problems) else None))
                for number, problems in by_page.items()
            ]  # fmt: skip
    finally:
        pdf.close()  # type: ignore[attr-defined]
    return out


def html_report(
    run_path: str | Path,
    run: str,
    result: RunResult,
    window: Box | None = None,
    pictures: dict[int, list[tuple[int, str]]] | None = None,
) -> str:
    """A self-contained HTML page: the verdict, then for each held letter its problems and a picture of each page
    with a problem (the address block or the other customer's line outlined in red; the window in blue).
    ``pictures``: `held_pictures` of the same check, already rendered (the PDF is then not read again)."""
    from mamori.letters.pdftext import open_pdf

    e = html.escape
    ja, en = summary(result)
    parts = [
        "<!doctype html><html lang='ja'><head><meta charset='utf-8'>",
        f"<title>mamori letters check: {e(run)}</title><style>",
        "body{font-family:sans-serif;margin:2em;color:#222}h1{font-size:1.4em}.ok{color:#17692a}.hold{color:#b00000}"
        "section{border-top:1px solid #ccc;padding:1em 0}img{max-width:100%;border:1px solid #999;margin:.5em 0}"
        "li{margin:.3em 0}.en{color:#555}.code{font-family:monospace;color:#555}",
        "</style></head><body>",
        f"<h1>宛名・封入チェック / letters check: {e(run)}</h1>",
        f"<p class='{'ok' if result.ok else 'hold'}'><strong>{e(ja)}</strong><br><span class='en'>{e(en)}</span></p>",
    ]
    if result.missing:
        parts.append(
            "<p>リストにあって封書のない宛先 / list entries without a letter: " + e(", ".join(result.missing)) + "</p>"
        )
    held = [letter for letter in result.letters if letter.action == "hold"]
    pdf: object | None = None  # opened at the first picture to render
    try:
        for letter in held:
            parts.append(
                f"<section><h2>{letter.index} 通目 / letter {letter.index} — pages {e(_pages(letter))}, "
                f"宛先 / recipient: {e(letter.recipient or '?')}</h2><ul>"
            )
            for p in letter.problems:
                lja, len_ = LABELS[p.code]
                parts.append(
                    f"<li><strong>{e(lja)}</strong> / {e(len_)} <span class='code'>{p.code}</span> (p. {p.page}): "
                    f"{e(p.detail_ja)}<br><span class='en'>{e(p.detail)}</span></li>"
                )
            parts.append("</ul>")
            by_page: dict[int, list[Problem]] = {}
            for p in letter.problems:
                by_page.setdefault(p.page, []).append(p)
            done = dict(pictures.get(letter.index, [])) if pictures is not None else {}
            for number, problems in by_page.items():
                boxes = [p.box for p in problems if p.box is not None]
                shown_window = window if any(p.code == "outside_window" for p in problems) else None
                if number in done:
                    src = done[number]
                else:
                    pdf = pdf if pdf is not None else open_pdf(run_path)
                    src = _png(pdf, number, boxes, shown_window)
                parts.append(
                    f"<figure><img alt='page {number}' src='{src}'>"
                    f"<figcaption>{number} ページ目 / page {number}</figcaption></figure>"
                )
            parts.append("</section>")
    finally:
        if pdf is not None:
            pdf.close()  # type: ignore[attr-defined]
    parts.append("</body></html>")
    return "\n".join(parts)
