"""The `mamori` command: the thin shell around the core."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from mamori import __version__

_TEXT_SUFFIXES = {".txt", ".md", ".csv", ".tsv", ".json", ".jsonl", ".log", ".html", ".xml", ".eml", ""}


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    for enc in ("utf-8-sig", "cp932", "euc-jp"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _inputs(sources: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    for src in sources or ("-",):
        if src == "-":
            yield "-", sys.stdin.read()
            continue
        p = Path(src)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in _TEXT_SUFFIXES and not f.name.startswith("."):
                    yield str(f), _read_text(f)
        elif p.is_file():
            yield str(p), _read_text(p)
        else:
            raise click.BadParameter(f"no such file or folder: {src}", param_hint="SOURCE")


def _jsonl(detector: Any, lang: str, stdin: TextIO, stdout: TextIO) -> int:
    """The scoring contract: one JSON line in, one JSON line out, in order."""
    errors = 0
    for lineno, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"]
            if not isinstance(text, str):
                raise TypeError("'text' must be a string")
        except (ValueError, KeyError, TypeError) as e:
            errors += 1
            doc_id = item.get("id") if isinstance(locals().get("item"), dict) else None
            out = {"id": doc_id, "findings": [], "error": f"line {lineno}: {type(e).__name__}: {e}"}
            click.echo(f"mamori detect: line {lineno}: {e}", err=True)
        else:
            findings = detector.detect(text, lang)
            out = {
                "id": item.get("id"),
                "findings": [
                    {"start": f.start, "end": f.end, "type": f.type, "score": round(f.score, 3)} for f in findings
                ],
            }
        item = None
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
    return 1 if errors else 0


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mamori")
def main() -> None:
    """mamori (守り): find personal information and stop it from leaking."""


@main.command()
@click.argument("sources", nargs=-1)
@click.option("--jsonl", is_flag=True, help='Read {"id","text"} JSON lines on stdin; write findings per line.')
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--lang", type=click.Choice(["auto", "ja", "en"]), default="auto", show_default=True)
@click.option("--min-score", type=click.FloatRange(0, 1), default=None, help="Report findings scored at least this.")
@click.option("--types", default=None, help="Comma-separated entity types to report (default: all).")
def detect(
    sources: tuple[str, ...], jsonl: bool, fmt: str, lang: str, min_score: float | None, types: str | None
) -> None:
    """Find personal information in files, folders or standard input (-)."""
    from mamori.detect import ALL_TYPES, Detector
    from mamori.detect.detector import DEFAULT_THRESHOLD

    wanted = None
    if types:
        wanted = [t.strip().upper() for t in types.split(",") if t.strip()]
        unknown = sorted(set(wanted) - ALL_TYPES)
        if unknown:
            raise click.BadParameter(f"unknown type(s): {', '.join(unknown)}", param_hint="--types")
    detector = Detector(threshold=DEFAULT_THRESHOLD if min_score is None else min_score, types=wanted)
    if jsonl:
        if sources:
            raise click.UsageError("--jsonl reads standard input; give no files")
        sys.exit(_jsonl(detector, lang, sys.stdin, sys.stdout))

    results: list[dict[str, Any]] = []
    for name, text in _inputs(sources):
        for f in detector.detect(text, lang):
            line, col = _line_col(text, f.start)
            results.append({"source": name, "line": line, "column": col, **f.to_dict()})
    if fmt == "json":
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"mamori: {len(results)} finding(s) / 件の検出")
        for col in ("source", "line:col", "type", "score", "masked value", "recognizer"):
            table.add_column(col, justify="right" if col in ("score",) else "left")
        for r in results:
            table.add_row(
                r["source"],
                f"{r['line']}:{r['column']}",
                r["type"] + (f"/{r['subtype']}" if "subtype" in r else ""),
                f"{r['score']:.2f}",
                r["masked"],
                r["recognizer"],
            )
        Console().print(table)
    sys.exit(1 if results else 0)


if __name__ == "__main__":
    main()
