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


def write_table(reports: Sequence[FileReport], summary: ScanSummary, out: TextIO, width: int | None = None) -> None:
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
