"""Render scan results: a Rich table for people, JSON, JSON lines and CSV for programs. Masked values only.

The table lists the files that hold findings or could not be fully inspected, largest risk first, and a total;
the other formats list every file scanned, so an auditor can see that a file was looked at. File names are the
scanned tree's, so nobody vouches for them: the CSV neutralises cells a spreadsheet would run as formulas
(:mod:`mamori.spreadsheet`) and the table shows control and bidi characters as escapes (:mod:`mamori.terminal`).
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any, TextIO

from mamori.discovery.inventory import FileReport, ScanSummary, sort_key
from mamori.spreadsheet import CsvWriter
from mamori.terminal import printable

FORMATS = ("table", "json", "jsonl", "csv")


def _dumps(obj: Any, **kw: Any) -> str:
    text = json.dumps(obj, ensure_ascii=False, **kw)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a file name with undecodable bytes (surrogate escapes)
        text = json.dumps(obj, ensure_ascii=True, **kw)
    return text


def _types(counts: dict[str, int]) -> str:
    return ", ".join(f"{t} {n}" for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def write_json(reports: Sequence[FileReport], summary: ScanSummary, out: TextIO) -> None:
    data = {"summary": summary.as_dict(), "files": [r.as_dict() for r in sorted(reports, key=sort_key)]}
    out.write(_dumps(data, indent=2) + "\n")


def write_jsonl(reports: Sequence[FileReport], summary: ScanSummary, out: TextIO) -> None:
    """One ``{"kind": "file", ...}`` line per file, largest risk first, then one ``{"kind": "summary", ...}``."""
    for r in sorted(reports, key=sort_key):
        out.write(_dumps({"kind": "file", **r.as_dict()}) + "\n")
    out.write(_dumps({"kind": "summary", **summary.as_dict()}) + "\n")


def write_csv(reports: Sequence[FileReport], summary: ScanSummary, out: TextIO) -> None:
    """One row per file with a column per entity type found anywhere; the last row is the total.

    Text cells that a spreadsheet would run as a formula (a file named ``=HYPERLINK(...)``) start with a quote.
    """
    types = sorted(summary.counts)
    buf = io.StringIO()
    w = CsvWriter(buf, lineterminator="\n")
    w.writerow(["path", "status", "risk", "records", "findings", *types, "issues", "error"])
    for r in sorted(reports, key=sort_key):
        issues = "; ".join(f"{i.code}: {i.message}" for i in r.issues)
        w.writerow(
            [r.path, r.status, r.risk, r.records, r.findings, *(r.counts.get(t, 0) for t in types), issues, r.error]
        )
    w.writerow(
        [
            "TOTAL",
            f"{summary.files} files",
            round(summary.risk, 1),
            summary.records,
            summary.findings,
            *(summary.counts[t] for t in types),
            f"{summary.not_fully_inspected} not fully inspected",
            f"{summary.errors} errors",
        ]
    )
    out.write(buf.getvalue())


def write_table(
    reports: Sequence[FileReport], summary: ScanSummary, out: TextIO, width: int | None = None, lang: str = "en"
) -> None:
    """The files with findings or not fully inspected as a Rich table, in ``lang`` (the HTML report's words:
    kinds by name, company and place names apart, a risk level per file, 報告対象 when a leak must be reported)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from mamori.discovery.explain import explain
    from mamori.discovery.labels import issue_label, label

    def label_ja(t: str) -> str:
        return label(t, "ja")

    if lang != "ja":
        _write_table_en(reports, summary, out, width)
        return
    shown = [r for r in sorted(reports, key=sort_key) if r.counts or not r.complete]
    persons = sum(r.records for r in reports if r.personal)
    table = Table(title="mamori スキャン結果：ファイル別の個人情報", show_footer=True)
    table.add_column("ファイル", overflow="fold", footer=f"合計 {summary.files:,}ファイル")
    from rich.cells import cell_len

    widest = max((cell_len(f"{label_ja(t)}{n:,}件、") for r in shown for t, n in r.counts.items()), default=10)
    table.add_column("含まれる情報", overflow="fold", min_width=min(widest, 30),  # a kind and its count stay whole
                     footer=escape(_kinds_ja(summary.personal)))
    table.add_column("推定人数", justify="right", no_wrap=True, footer=f"{persons:,}人分")
    table.add_column("リスク")
    table.add_column("状況", overflow="fold",
                     footer=f"一部未検査{summary.not_fully_inspected:,}件、 エラー{summary.errors:,}件")
    for r in shown:
        e = explain(r, lang) if r.counts else None
        if r.error is not None:
            status = f"[red]読めませんでした（{escape(printable(r.error))}）[/red]"
        elif r.issues:
            status = "[yellow]" + escape("、 ".join(sorted({issue_label(i.code, lang) for i in r.issues}))) + "[/]"
        else:
            status = "完了"
        kinds = _kinds_ja(r.personal)
        others = _kinds_ja({t: n for t, n in r.counts.items() if t not in r.personal})
        if others:
            kinds += ("\n" if kinds else "") + f"（個人情報以外： {others}）"
        risk = ""
        if e is not None and e.level != "none":
            risk = {"high": "高", "medium": "中", "low": "低"}[e.level]
            if e.assessment.is_reportable:
                risk += " 報告対象"
        table.add_row(escape(printable(r.path)), escape(kinds), f"{r.records:,}人分" if r.personal else "-",
                      risk, status)
    if width is None and not out.isatty():
        width = 200
    console = Console(file=out, width=width, soft_wrap=False)
    console.print(table)
    if not shown:
        console.print(f"{summary.files:,}ファイルに個人情報は見つかりませんでした。")


def _ordered(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _kinds_ja(counts: dict[str, int]) -> str:
    """「氏名4件、 電話番号2件」: a line may break after a comma, never between a kind, its number and 件."""
    from mamori.discovery.labels import label

    return "、 ".join(f"{label(t, 'ja')}{n:,}件" for t, n in _ordered(counts))


def _write_table_en(reports: Sequence[FileReport], summary: ScanSummary, out: TextIO, width: int | None) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    shown = [r for r in sorted(reports, key=sort_key) if r.counts or not r.complete]
    table = Table(title="mamori scan: personal information per file / ファイル別の個人情報", show_footer=True)
    table.add_column("file", overflow="fold", footer=f"TOTAL: {summary.files} files")
    table.add_column("types / 種類", overflow="fold", footer=escape(_types(summary.counts)))
    table.add_column("findings", justify="right", footer=str(summary.findings))
    table.add_column("persons (est.)", justify="right", footer=str(summary.records))
    table.add_column("risk", justify="right", footer=f"{summary.risk:.1f}")
    table.add_column(
        "status",
        overflow="fold",
        footer=f"{summary.not_fully_inspected} not fully inspected, {summary.errors} errors",
    )
    for r in shown:
        if r.error is not None:
            status = f"[red]error: {escape(printable(r.error))}[/red]"
        elif r.issues:
            status = "[yellow]not fully inspected: " + escape(", ".join(sorted({i.code for i in r.issues}))) + "[/]"
        else:
            status = "complete"
        table.add_row(
            escape(printable(r.path)),
            escape(_types(r.counts)),
            str(r.findings),
            str(r.records),
            f"{r.risk:.1f}",
            status,
        )
    if width is None and not out.isatty():
        width = 200  # piped into a file or a log: keep whole paths rather than 80 columns of them
    console = Console(file=out, width=width, soft_wrap=False)
    console.print(table)
    if not shown:
        console.print(f"No personal information found in {summary.files} file(s).")


WRITERS = {"table": write_table, "json": write_json, "jsonl": write_jsonl, "csv": write_csv}
