"""The `mamori` command: the thin shell around the core."""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import click

from mamori import __version__

if TYPE_CHECKING:
    from mamori.detect.config import DetectConfig

_TEXT_SUFFIXES = {".txt", ".md", ".csv", ".tsv", ".json", ".jsonl", ".log", ".html", ".xml", ".eml", ""}


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    for enc in ("utf-8-sig", "cp932", "euc-jp"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


class _Unreadable:
    """A file of a `mamori detect` run that could not be read (the others are still read)."""

    def __init__(self, message: str) -> None:
        self.message = message


def _read_source(path: Path) -> str | _Unreadable:
    try:
        return _read_text(path)
    except OSError as e:
        return _Unreadable(f"cannot read: {e.strerror or type(e).__name__}")


def _inputs(sources: tuple[str, ...]) -> Iterator[tuple[str, str | _Unreadable]]:
    for src in sources or ("-",):
        if src == "-":
            yield "-", sys.stdin.read()
            continue
        p = Path(src)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in _TEXT_SUFFIXES and not f.name.startswith("."):
                    yield str(f), _read_source(f)
        elif p.is_file():
            yield str(p), _read_source(p)
        else:
            raise click.BadParameter(f"no such file or folder: {src}", param_hint="SOURCE")


def _json_line(obj: dict[str, Any]) -> str:
    """One JSON line; characters that cannot be written as UTF-8 (lone surrogates in an id) are escaped."""
    line = json.dumps(obj, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(obj, ensure_ascii=True)
    return line + "\n"


def _jsonl(detector: Any, lang: str, stdin: TextIO, stdout: TextIO) -> int:
    """The scoring contract: one JSON line in, one JSON line out, in order.

    A malformed line gives an error line in its place (exit 1 at the end); a failure inside the
    detector gives an error line too and exit 2. Either way the following lines are still answered.
    """
    bad_input = failed = False
    for lineno, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        doc_id: Any = None
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise TypeError("a line must be a JSON object")
            doc_id = item.get("id")
            text = item["text"]
            if not isinstance(text, str):
                raise TypeError("'text' must be a string")
        except (ValueError, KeyError, TypeError) as e:
            bad_input = True
            out = {"id": doc_id, "findings": [], "error": f"line {lineno}: {type(e).__name__}: {e}"}
            click.echo(f"mamori detect: line {lineno}: {type(e).__name__}: {e}", err=True)
        else:
            try:
                findings = detector.detect(text, lang)
            except Exception as e:  # a bug in a recognizer must not end the stream
                failed = True
                out = {"id": doc_id, "findings": [], "error": f"line {lineno}: internal error: {type(e).__name__}"}
                click.echo(f"mamori detect: line {lineno}: internal error: {type(e).__name__}", err=True)
            else:
                out = {
                    "id": doc_id,
                    "findings": [
                        {"start": f.start, "end": f.end, "type": f.type, "score": round(f.score, 3)} for f in findings
                    ],
                }
        stdout.write(_json_line(out))
        stdout.flush()
    return 2 if failed else 1 if bad_input else 0


def _parse_types(types: str | None, extra: frozenset[str] = frozenset()) -> list[str] | None:
    """``--types T1,T2`` as a list of entity types (built-in ones and ``extra``, the config's own); None for all;
    an unknown name is a usage error."""
    from mamori.detect import ALL_TYPES

    if not types:
        return None
    wanted = [t.strip().upper() for t in types.split(",") if t.strip()]
    unknown = sorted(set(wanted) - ALL_TYPES - extra)
    if unknown:
        raise click.BadParameter(f"unknown type(s): {', '.join(unknown)}", param_hint="--types")
    return wanted


_config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="mamori.toml whose [detect] table adds custom patterns and deny/allow lists.",
)


def _detect_config(path: str | None, command: str) -> DetectConfig | None:
    """The ``[detect]`` settings of ``--config``; an unreadable file or a bad entry ends the command with exit 2.

    The patterns are compiled here too, so a bad one is reported before any input is read."""
    from mamori.detect.config import DetectConfigError, load_detect_config
    from mamori.detect.core_engine import engine_for

    if path is None:
        return None
    try:
        config = load_detect_config(path)
        engine_for(config)
    except OSError as e:
        click.echo(f"mamori {command}: {path}: cannot read: {e.strerror or type(e).__name__}", err=True)
        sys.exit(2)
    except DetectConfigError as e:
        click.echo(f"mamori {command}: {path}: {e}", err=True)
        sys.exit(2)
    return config


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


# Commands of the I/O shell, imported only when named (or listed by --help): `mamori detect` need not load
# SQLAlchemy, FastAPI or the gateway, which took 0.5 s of its start-up.
_LAZY_COMMANDS = {
    "users": ("mamori.web.cli", "users"),  # accounts of the web app
    "training": ("mamori.training.cli", "training"),  # staff training
    "incidents": ("mamori.incidents.cli", "incidents"),  # leaks: is a report to the PPC required, by when
    "tokens": ("mamori.web.tokens_cli", "tokens"),  # API tokens of the check API
    "gateway": ("mamori.gateway.cli", "gateway_command"),  # the SMTP gateway
    "queue": ("mamori.gateway.cli", "queue_group"),  # its queue
    "serve": ("mamori.serve", "serve_command"),  # web app + gateway together
    "store": ("mamori.store.cli", "store_group"),  # backup and restore of the store
    "letters": ("mamori.letters.cli", "letters"),  # a print run's letters against their list
    "fax": ("mamori.letters.cli", "fax"),  # a FAX send list against the directory
}


CLOSED_PIPE_EXIT = 141  # 128 + SIGPIPE: what a shell reports for `yes | head`


def _closed_pipe() -> NoReturn:
    """The reader of our output went away (``mamori queue list | head``): stop quietly, like other Unix tools.

    Standard output is pointed at /dev/null first, so the interpreter's last flush at exit cannot fail again
    ("Exception ignored ... BrokenPipeError"). The exit code is 141, as if SIGPIPE had ended the process.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no usable stdout at all: nothing left to protect
        pass
    sys.exit(CLOSED_PIPE_EXIT)


class _Cli(click.Group):
    """Exit codes scripts can rely on: an unexpected failure is 2 (error), never 1 (found); output into a closed
    pipe ends quietly with 141 (:func:`_closed_pipe`), for every command, in this one place. The commands of
    :data:`_LAZY_COMMANDS` are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        lazy = _LAZY_COMMANDS.get(cmd_name)
        if lazy is None:
            return super().get_command(ctx, cmd_name)
        module, attr = lazy
        command: click.Command = getattr(importlib.import_module(module), attr)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except BrokenPipeError:
            _closed_pipe()
        except OSError as e:
            click.echo(f"mamori: {e.strerror or e}: {e.filename or ''}".rstrip(": "), err=True)
            sys.exit(2)
        except Exception as e:
            click.echo(f"mamori: internal error: {type(e).__name__}: {e}", err=True)
            sys.exit(2)


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
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
@click.option("--ner", is_flag=True, help="Add the CRF model for Japanese names, organisations and places (slower).")
@_config_option
def detect(
    sources: tuple[str, ...],
    jsonl: bool,
    fmt: str,
    lang: str,
    min_score: float | None,
    types: str | None,
    ner: bool = False,
    config_path: str | None = None,
) -> None:
    """Find personal information in files, folders or standard input (-)."""
    from mamori.detect import Detector
    from mamori.detect.detector import DEFAULT_THRESHOLD

    config = _detect_config(config_path, "detect")
    wanted = _parse_types(types, config.types if config else frozenset())
    try:
        detector = Detector(
            threshold=DEFAULT_THRESHOLD if min_score is None else min_score, types=wanted, ner=ner, config=config
        )
    except RuntimeError as e:  # the NER model is not installed
        raise click.UsageError(str(e)) from e
    if jsonl:
        if sources:
            raise click.UsageError("--jsonl reads standard input; give no files")
        sys.exit(_jsonl(detector, lang, sys.stdin, sys.stdout))

    from mamori.terminal import printable

    results: list[dict[str, Any]] = []
    unreadable = 0
    for name, text in _inputs(sources):
        if isinstance(text, _Unreadable):  # this file only: the others are still read; exit 2 at the end
            click.echo(f"mamori detect: {printable(name)}: {text.message}", err=True)
            unreadable += 1
            continue
        for f in detector.detect(text, lang):
            line, col = _line_col(text, f.start)
            results.append({"source": name, "line": line, "column": col, **f.to_dict()})
    if fmt == "json":
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        table = Table(title=f"mamori: {len(results)} finding(s) / 件の検出")
        for col in ("source", "line:col", "type", "score", "masked value", "recognizer"):
            table.add_column(col, justify="right" if col == "score" else "left", overflow="fold")
        for r in results:
            table.add_row(  # a file name or a masked value may hold [markup] or escape sequences: shown, not run
                escape(printable(r["source"])),
                f"{r['line']}:{r['column']}",
                r["type"] + (f"/{r['subtype']}" if "subtype" in r else ""),
                f"{r['score']:.2f}",
                escape(printable(r["masked"])),
                r["recognizer"],
            )
        # Piped into a file or a log, a table keeps whole paths rather than 80 columns of them.
        Console(width=None if sys.stdout.isatty() else 200).print(table)
    sys.exit(2 if unreadable else 1 if results else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--workers", type=click.IntRange(1, 256), default=None, help="Worker processes (default: CPU count).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table", show_default=True
)
@click.option("--min-score", type=click.FloatRange(0, 1), default=None, help="Count findings scored at least this.")
@click.option("--lang", type=click.Choice(["auto", "ja", "en"]), default="auto", show_default=True)
@click.option("--exclude", "excludes", multiple=True, metavar="PATTERN", help=".gitignore-style pattern to skip.")
@click.option(
    "--exclude-from",
    "exclude_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Read exclusion patterns from a file (.gitignore style).",
)
@click.option("--report", "report_path", type=click.Path(dir_okay=False, writable=True), help="Write an HTML report.")
@click.option(
    "--report-lang",
    type=click.Choice(["ja", "en"]),
    default=None,
    help="Language of the table and the HTML report (default: [web] lang of --config, else ja). / 報告の言語",
)
@click.option("--max-file-mb", type=click.FloatRange(0.001), default=32, show_default=True, help="Per-file size limit.")
@click.option("--timeout", type=click.FloatRange(0.1), default=10, show_default=True, help="Per-file time limit (s).")
@click.option(
    "--ner",
    is_flag=True,
    help="Add the CRF name model for Japanese (several times slower: raise --timeout for big files).",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    default=None,
    help="Scan on a Dask cluster: a scheduler (tcp://host:8786) or local[:N] (the 'cluster' extra; shared paths).",
)
@_config_option
def scan(
    paths: tuple[str, ...],
    workers: int | None,
    fmt: str,
    min_score: float | None,
    lang: str,
    excludes: tuple[str, ...],
    exclude_files: tuple[str, ...],
    report_path: str | None,
    report_lang: str | None,
    max_file_mb: float,
    timeout: float,
    ner: bool = False,
    dask_address: str | None = None,
    config_path: str | None = None,
) -> None:
    """Scan files and folders for personal information; report per file, largest risk first.

    Exit code: 0 nothing found, 1 personal information found, 2 an error (unreadable path or file).
    """
    import time

    from mamori.atomic_write import write_atomically
    from mamori.discovery.formats import WRITERS
    from mamori.discovery.inventory import FileReport, error_report, summarize
    from mamori.discovery.runner import ScanOptions
    from mamori.discovery.runner import scan as run_scan
    from mamori.discovery.walker import WalkError, WalkFile, compile_spec, load_patterns, walk
    from mamori.terminal import printable

    if ner:
        from mamori.detect.recognizers.ner_crf import MISSING_EXTRA, available

        if not available():
            raise click.UsageError(MISSING_EXTRA)
    if dask_address is not None:
        from mamori.discovery import cluster

        if not cluster.available():
            raise click.UsageError(cluster.MISSING_EXTRA)
        try:
            cluster.parse_local(dask_address)
        except cluster.ClusterError as e:
            raise click.BadParameter(str(e), param_hint="--dask") from e
    config = _detect_config(config_path, "scan")
    started = time.monotonic()
    spec = compile_spec(load_patterns(excludes, exclude_files))
    files: list[WalkFile] = []
    reports = []
    for item in walk(paths, spec):
        if isinstance(item, WalkError):
            click.echo(f"mamori scan: {printable(item.path)}: {printable(item.message)}", err=True)
            reports.append(error_report(item.path, item.message))
        else:
            files.append(item)
    options = ScanOptions(
        min_score=min_score,
        lang=lang,
        max_bytes=int(max_file_mb * 1024 * 1024),
        timeout=timeout,
        ner=ner,
        config=config,
    )

    def scan_files(items: list[WalkFile]) -> Iterator[FileReport]:
        if dask_address is None:
            yield from run_scan(items, options, workers)
            return
        try:
            yield from cluster.scan_on_dask(items, options, dask_address, workers)
        except cluster.ClusterError as e:
            click.echo(f"mamori scan: {e}", err=True)
            sys.exit(2)

    with _progress(len(files), "scanning") as advance:
        for report in scan_files(files):
            reports.append(report)
            advance()
    summary = summarize(reports, time.monotonic() - started)
    for r in reports[len(reports) - len(files) :] if files else ():
        if r.error is not None:
            click.echo(f"mamori scan: {printable(r.path)}: {printable(r.error)}", err=True)
    from mamori.discovery.formats import write_table
    from mamori.discovery.report_settings import report_settings

    try:
        settings = report_settings(config_path, report_lang)
    except ValueError as e:
        click.echo(f"mamori scan: {printable(str(e))}", err=True)
        sys.exit(2)
    if fmt == "table":
        write_table(reports, summary, sys.stdout, lang=settings.lang)
    else:
        WRITERS[fmt](reports, summary, sys.stdout)
    if report_path:
        from mamori.discovery.report_html import render

        html = render(reports, summary, roots=paths, lang=settings.lang, tz=settings.timezone)
        try:  # whole or not at all: a report cut short by a full disk would look like a clean tree
            write_atomically(Path(report_path), html.encode("utf-8"))
        except OSError as e:
            click.echo(
                f"mamori scan: {printable(report_path)}: cannot write: {e.strerror or type(e).__name__}", err=True
            )
            sys.exit(2)
    sys.exit(2 if summary.errors else 1 if summary.personal_findings else 0)


@main.command("redact")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(),
    help="Where to write the masked copy; a folder when PATHS are several or a folder (created if missing).",
)
@click.option("--types", default=None, help="Comma-separated entity types to mask (default: all).")
@click.option("--style", type=click.Choice(["partial", "type", "block"]), default="partial", show_default=True)
@click.option("--min-score", type=click.FloatRange(0, 1), default=None, help="Mask findings scored at least this.")
@click.option("--lang", type=click.Choice(["auto", "ja", "en"]), default="auto", show_default=True)
@click.option(
    "--ner/--no-ner",
    default=None,
    help="The CRF model for Japanese names, organisations and places: on by default here (a name left unmasked is "
    "a leak); --no-ner masks with the rules alone, several times faster.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes for several files (default: one per core, at most 4; one for fewer than 8 files).",
)
@_config_option
def redact_command(
    paths: tuple[str, ...],
    output: str,
    types: str | None,
    style: str,
    min_score: float | None,
    lang: str,
    ner: bool | None = None,
    workers: int | None = None,
    config_path: str | None = None,
) -> None:
    """Write a masked copy of each file (.txt, .csv, .tsv, .docx, .xlsx, .eml), keeping its format.

    Names are read with the CRF name model as well as the rules unless --no-ner is given (or the model is not
    installed): a masked copy exists to leak nothing, and the model finds names that no cue marks.

    One FILE: OUTPUT is the copy. Several files or folders: OUTPUT is a folder; each file keeps its name, the files
    of a folder their path inside it; files of other formats inside folders are listed, not copied.

    Exit code: 0 written, 2 an error (unsupported format, unreadable file, a copy that would overwrite an input; with
    several files: any file that failed, all listed at the end). Prints counts per type, never the values.
    """
    from mamori.detect import Detector
    from mamori.detect.detector import DEFAULT_THRESHOLD

    config = _detect_config(config_path, "redact")
    wanted = _parse_types(types, config.types if config else frozenset())
    if ner is None:
        from mamori.detect.recognizers.ner_crf import available

        ner = available()
    try:
        detector = Detector(
            threshold=DEFAULT_THRESHOLD if min_score is None else min_score,
            ner=ner,
            config=config,
        )
    except RuntimeError as e:  # the NER model is not installed
        raise click.UsageError(str(e)) from e
    if detector.ner is not None:
        detector.detect("氏名：山田 太郎")  # the model and the tokenizer load now, before any worker is forked
    out = Path(output)
    many = len(paths) > 1 or Path(paths[0]).is_dir() or out.is_dir() or output.endswith(("/", os.sep))
    if many:
        sys.exit(_redact_tree([Path(p) for p in paths], out, detector, wanted, style, lang, workers))
    sys.exit(_redact_file(Path(paths[0]), out, detector, wanted, style, lang))


def _counts(masked: dict[str, int]) -> str:
    return ", ".join(f"{t} {n}" for t, n in masked.items()) or "nothing found"


def _redact_file(src: Path, dst: Path, detector: Any, wanted: Any, style: str, lang: str) -> int:
    """``mamori redact FILE -o OUT``: the exit code."""
    from mamori.redaction.files import redact_file
    from mamori.terminal import printable

    shown = printable(str(src))
    if dst.resolve() == src.resolve() or (dst.exists() and src.exists() and os.path.samefile(src, dst)):
        click.echo("mamori redact: refusing to overwrite the input file; give another --output", err=True)
        return 2
    result = redact_file(src, dst, detector, wanted, style, lang)
    if result.error:
        click.echo(f"mamori redact: {shown}: {printable(result.error)}", err=True)
        return 2
    for reason in result.skipped:
        click.echo(f"mamori redact: {shown}: {printable(reason)}", err=True)
    note = f"; {len(result.skipped)} item(s) not redacted" if result.skipped else ""
    click.echo(f"mamori redact: wrote {printable(str(dst))}: {result.total} masked ({_counts(result.masked)}){note}")
    return 0


def _redact_tree(
    inputs: list[Path], out: Path, detector: Any, wanted: Any, style: str, lang: str, workers: int | None
) -> int:
    """``mamori redact PATH... -o FOLDER``: every file under one start-up, failures listed at the end."""
    from mamori.redaction.files import redact_jobs
    from mamori.redaction.tree import PlanError, plan
    from mamori.terminal import printable

    missing = [p for p in inputs if not p.exists()]
    if missing:
        for p in missing:
            click.echo(f"mamori redact: {printable(str(p))}: no such file or folder", err=True)
        return 2
    if out.exists() and not out.is_dir():
        shown = printable(str(out))
        click.echo(f"mamori redact: {shown}: not a folder (several inputs need an output folder)", err=True)
        return 2
    try:
        jobs = plan(inputs, out)
    except PlanError as e:
        click.echo(f"mamori redact: {printable(str(e))}; nothing written", err=True)
        return 2
    failed: list[tuple[str, str]] = []
    notes: list[tuple[str, str]] = []
    totals: dict[str, int] = {}
    written = 0
    outcomes = redact_jobs(jobs.jobs, detector, wanted, style, lang, workers)  # forks before the progress bar
    with _progress(len(jobs.jobs), "redacting") as advance:
        for result in outcomes:
            advance()
            if result.error:
                failed.append((result.shown, printable(result.error)))
                continue
            written += 1
            for t, n in result.masked.items():
                totals[t] = totals.get(t, 0) + n
            notes.extend((result.shown, printable(r)) for r in result.skipped)
            click.echo(f"{printable(result.shown)}\t{result.total} masked ({_counts(result.masked)})")
    for shown, reason in notes:
        click.echo(f"mamori redact: {printable(shown)}: {reason}", err=True)
    for shown in jobs.unsupported:
        click.echo(f"mamori redact: {printable(shown)}: not copied (not a format mamori redacts)", err=True)
    for shown in jobs.links:
        click.echo(f"mamori redact: {printable(shown)}: not copied (a symbolic link, not followed)", err=True)
    for shown, why in failed:
        click.echo(f"mamori redact: FAILED {printable(shown)}: {why}", err=True)
    total = sum(totals.values())
    extra = "".join(
        f"; {n} {what}"
        for n, what in ((len(failed), "failed"), (len(jobs.unsupported) + len(jobs.links), "not copied"))
        if n
    )
    click.echo(
        f"mamori redact: wrote {written} of {len(jobs.jobs)} file(s) to {printable(str(out))}: "
        f"{total} masked ({_counts(dict(sorted(totals.items())))}){extra}"
    )
    return 2 if failed else 0


@contextlib.contextmanager
def _progress(total: int, what: str) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error while the block runs, when it is a terminal; yields "one more done"."""
    if total < 1 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn(what), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(what, total=total)
        yield lambda: bar.advance(task)


@main.command("check")
@click.argument("messages", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--policy", "policy_path", required=True, type=click.Path(exists=True, dir_okay=False), help="mamori.toml"
)
@click.option("--contacts", type=click.Path(exists=True, dir_okay=False), default=None, help="contacts.csv")
@click.option("--history", type=click.Path(exists=True, dir_okay=False), default=None, help="history.jsonl")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per message (the default output).")
@click.option("--explain", is_flag=True, help="A readable report per message instead of JSON.")
@click.option("--lang", type=click.Choice(["en", "ja"]), default="en", show_default=True, help="Language of details.")
def check_command(
    messages: tuple[str, ...],
    policy_path: str,
    contacts: str | None,
    history: str | None,
    as_json: bool,
    explain: bool,
    lang: str,
) -> None:
    """Judge outgoing messages (.eml) before they leave: allow, confirm, hold or block, with reasons.

    Exit status: 0 when every message was judged, 1 when some could not be read, 2 on a bad policy or data file.
    """
    import os

    from mamori.detect import Detector
    from mamori.detect.config import DetectConfigError, load_detect_config
    from mamori.guard import PolicyError, load_contacts, load_history, load_policy
    from mamori.guard.report import explain as explain_outcome
    from mamori.guard.report import to_json
    from mamori.guard.runner import check_file

    try:
        policy = load_policy(policy_path)
        detect_config = load_detect_config(policy_path)
        # attachments read on every core (their batches go to the core's threads)
        detector = Detector(config=detect_config, threads=len(os.sched_getaffinity(0)) or 1)
        directory = load_contacts(contacts)
        past = load_history(history)
    except (PolicyError, DetectConfigError) as e:
        click.echo(f"mamori check: {policy_path}: {e}", err=True)
        sys.exit(2)
    except (OSError, ValueError) as e:
        click.echo(f"mamori check: {e}", err=True)
        sys.exit(2)
    console = None
    if explain and not as_json:
        from rich.console import Console

        console = Console(width=None if sys.stdout.isatty() else 160)
    failed = False
    for path in messages:
        outcome = check_file(path, policy, directory, past, detector)
        failed = failed or outcome.verdict is None
        if console is not None:
            explain_outcome(outcome, console, lang)
        else:
            sys.stdout.write(_json_line(to_json(outcome, lang)))
            sys.stdout.flush()
        if outcome.verdict is None:
            click.echo(f"mamori check: {path}: {outcome.error}", err=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
