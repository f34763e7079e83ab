"""The Letters page's checks, run off the event loop: a print run's PDF and its list (or a FAX send list) in; the
verdict, the HTML report, the JSON, the pictures of the held letters and what is recorded for auditors out.

The checks are `mamori.letters`'s, as ``mamori letters check`` and ``mamori fax check`` run them; the report and
its pictures are `mamori.letters.report`'s. The uploaded files live only for the check: the PDF is written to a
private temporary folder (pypdfium2 reads it from a path) that is removed when the check ends, and only the files'
SHA-256, their names and counts are recorded (`mamori.store.letters`), never anything read from them.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mamori.letters.check import RunResult
from mamori.letters.fax import FaxVerdict, SendRow
from mamori.letters.model import Box
from mamori.store.letters import CheckRecord

PICTURED = 30  # held letters shown with pictures on the page; the report has them all


@dataclass(frozen=True)
class Failure:
    """A file that could not be checked: which (``run``, ``list``, ``sendlist``, ``contacts``), the page or line where
    it stopped (0: the file as a whole), and why in both languages."""

    file: str
    where: int
    message_en: str
    message_ja: str

    @property
    def place(self) -> str:
        """What is recorded: ``run page 3``, ``list line 4``, ``run`` (nothing read from the file)."""
        unit = "page" if self.file == "run" else "line"
        return f"{self.file} {unit} {self.where}" if self.where else self.file


@dataclass
class LettersOutcome:
    run_name: str
    run_sha256: str
    list_sha256: str
    result: RunResult | None = None
    pages: int = 0
    report: str = ""  # the self-contained HTML report
    pictures: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # held letter -> (page, PNG data URL)
    failure: Failure | None = None

    @property
    def verdict(self) -> str:
        if self.failure is not None or self.result is None:
            return "error"
        return "ok" if self.result.ok else "hold"

    def to_json(self) -> dict[str, Any]:
        """The contract's object (``mamori letters check --json``), or the CLI's error object."""
        from mamori.letters.report import to_json

        if self.result is not None:
            return to_json(self.run_name, self.result)
        f = self.failure or Failure("run", 0, "not checked", "未確認")
        return {"run": self.run_name, "error": {"file": f.file, "where": f.place, "message": f.message_en,
                                               "message_ja": f.message_ja}}  # fmt: skip

    def record(self, actor: str) -> CheckRecord:
        r = self.result
        problems = Counter(p.code for letter in r.letters for p in letter.problems) if r is not None else Counter()
        return CheckRecord(
            actor=actor, kind="letters", run_name=self.run_name, run_sha256=self.run_sha256, result=self.verdict,
            list_sha256=self.list_sha256, letters=len(r.letters) if r else 0, pages=self.pages,
            held=sum(1 for letter in r.letters if letter.action == "hold") if r else 0,
            missing=len(r.missing) if r else 0, problems=dict(problems),
            error=self.failure.place if self.failure else "",
        )  # fmt: skip


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _text(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def check_letters(run: bytes, recipients: bytes, run_name: str, window: Box | None = None) -> LettersOutcome:
    """The check of one run against its list (blocking: call it in a worker thread)."""
    from mamori.letters.check import check_run
    from mamori.letters.pdftext import RunError, read_pages
    from mamori.letters.postal import japan_post
    from mamori.letters.recipients import ListError, parse_recipients
    from mamori.letters.report import held_pictures, html_report

    out = LettersOutcome(run_name, sha256(run), sha256(recipients))
    text = _text(recipients)
    if text is None:
        out.failure = Failure("list", 0, "the list is not UTF-8 text (save it as CSV UTF-8)",
                              "リストが UTF-8 のテキストではありません（CSV UTF-8 で保存してください）")  # fmt: skip
        return out
    try:
        entries = parse_recipients(text)
    except ListError as e:
        out.failure = Failure("list", e.row, e.message_en, e.message_ja)
        return out
    if not entries:
        out.failure = Failure("list", 0, "the list has no entries", "リストに宛先がありません")
        return out
    with tempfile.TemporaryDirectory(prefix="mamori-letters-") as folder:  # mode 0700, removed with its files
        path = Path(folder) / "run.pdf"
        path.write_bytes(run)
        try:
            result = check_run(read_pages(path), entries, japan_post, window)
            out.result = result
            out.pages = sum(len(letter.pages) for letter in result.letters)
            pictures = held_pictures(path, result, window)  # rendered once, for the report and the page
            out.report = html_report(path, run_name, result, window, pictures)
            out.pictures = {k: pictures[k] for k in list(pictures)[:PICTURED]}
        except RunError as e:
            out.result, out.report, out.pictures = None, "", {}
            out.failure = Failure("run", e.page, e.message_en, e.message_ja)
    return out


@dataclass
class FaxOutcome:
    name: str
    sha256: str
    rows: list[SendRow] = field(default_factory=list)
    verdicts: list[FaxVerdict] = field(default_factory=list)
    failure: Failure | None = None

    @property
    def verdict(self) -> str:
        if self.failure is not None:
            return "error"
        return "ok" if all(v.action == "allow" for v in self.verdicts) else "hold"

    def to_json(self) -> list[dict[str, object]]:
        """The rows' objects of ``mamori fax check --json``, as one array."""
        from mamori.letters.fax import to_json

        return [to_json(v) for v in self.verdicts]

    def record(self, actor: str) -> CheckRecord:
        problems = Counter(r.code for v in self.verdicts for r in v.reasons)
        return CheckRecord(
            actor=actor, kind="fax", run_name=self.name, run_sha256=self.sha256, result=self.verdict,
            letters=len(self.verdicts), held=sum(1 for v in self.verdicts if v.action == "hold"),
            confirm=sum(1 for v in self.verdicts if v.action == "confirm"), problems=dict(problems),
            error=self.failure.place if self.failure else "",
        )  # fmt: skip


def check_fax(sendlist: bytes, name: str, index: Any) -> FaxOutcome:
    """The check of a FAX send list against ``index`` (a `mamori.guard.channel.ChannelIndex`; blocking)."""
    from mamori.letters.fax import SendListError, check_sendlist, parse_sendlist

    out = FaxOutcome(name, sha256(sendlist))
    text = _text(sendlist)
    if text is None:
        out.failure = Failure(
            "sendlist", 0, "the send list is not UTF-8 text (save it as CSV UTF-8)",
            "送信リストが UTF-8 のテキストではありません（CSV UTF-8 で保存してください）",
        )  # fmt: skip
        return out
    try:
        out.rows = parse_sendlist(text)
    except SendListError as e:
        out.failure = Failure("sendlist", e.line, e.message_en, e.message_ja)
        return out
    if not out.rows:
        out.failure = Failure("sendlist", 0, "the send list has no rows", "送信リストに行がありません")
        return out
    out.verdicts = check_sendlist(out.rows, index)
    return out


def data_url(content: str | bytes, mime: str) -> str:
    """A ``data:`` URL for a download link: the files are handed over with the page, nothing is kept to fetch."""
    import base64

    raw = content.encode("utf-8") if isinstance(content, str) else content
    return f"data:{mime};charset=utf-8;base64,{base64.b64encode(raw).decode('ascii')}"


def json_text(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"
