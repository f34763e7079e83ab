"""Reports for the officer and the auditor: the year's records as CSV and XLSX, and a completion certificate as PDF.

``report_rows`` is pure (records -> rows of display values); the writers are the I/O shell. The certificate embeds
a Japanese TrueType font found on the system (see :func:`find_cjk_font`); when none can be embedded it falls back
to reportlab's built-in CID font HeiseiKakuGo-W5, which PDF readers supply themselves (not embedded).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from mamori.spreadsheet import CsvWriter, xlsx_cell
from mamori.training.course import Course
from mamori.training.progress import STATUS_TEXT, Progress

JST = ZoneInfo("Asia/Tokyo")
CID_FALLBACK = "HeiseiKakuGo-W5"
# TrueType-outline Japanese fonts reportlab can embed (Noto CJK is CFF-outline, which reportlab cannot embed).
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
    "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
    "/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf",
    "/usr/share/fonts/truetype/takao-gothic/TakaoPGothic.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)

COLUMNS = (
    ("user", "ログイン", "Login"),
    ("name", "氏名", "Name"),
    ("status", "状況", "Status"),
    ("assigned", "割当日", "Assigned"),
    ("started", "開始日時", "Started"),
    ("pages", "閲覧ページ", "Pages seen"),
    ("completed", "修了日時", "Completed"),
    ("best_score", "最高点", "Best score"),
    ("last_score", "直近の点", "Last score"),
    ("attempts", "受験回数", "Attempts"),
    ("version", "教材版", "Course version"),
    ("reminders", "督促回数", "Reminders"),
    ("reminded", "最終督促日時", "Last reminder"),
)


def _when(value: datetime | None) -> str:
    return value.astimezone(JST).strftime("%Y-%m-%d %H:%M") if value is not None else ""


def report_rows(course: Course, records: Iterable[Progress], lang: str = "ja") -> list[dict[str, str | int]]:
    """One row per record, values ready to print (times in JST)."""
    total = len(course.content_pages)
    content_ids = {p.id for p in course.content_pages}
    rows: list[dict[str, str | int]] = []
    for p in records:
        rows.append(
            {
                "user": p.user,
                "name": p.display_name,
                "status": STATUS_TEXT[p.status]["en" if lang == "en" else "ja"],
                "assigned": _when(p.assigned_at),
                "started": _when(p.started_at),
                "pages": f"{len(content_ids.intersection(p.pages_seen))}/{total}",
                "completed": _when(p.completed_at),
                "best_score": "" if p.best_score is None else p.best_score,
                "last_score": "" if p.last_score is None else p.last_score,
                "attempts": p.attempts,
                "version": p.completed_version or p.course_version,
                "reminders": p.reminders,
                "reminded": _when(p.reminded_at),
            }
        )
    return rows


def headers(lang: str = "ja") -> list[str]:
    return [en if lang == "en" else ja for _, ja, en in COLUMNS]


def csv_text(rows: Sequence[dict[str, str | int]], lang: str = "ja") -> str:
    """CSV with a header row; callers writing a file should use encoding 'utf-8-sig' so Excel reads Japanese."""
    buf = io.StringIO()
    w = CsvWriter(buf, lineterminator="\r\n")  # a name such as '=HYPERLINK(...)' is written as text
    w.writerow(headers(lang))
    for row in rows:
        w.writerow([row[key] for key, _, _ in COLUMNS])
    return buf.getvalue()


def xlsx_bytes(rows: Sequence[dict[str, str | int]], lang: str = "ja", title: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = (title or "training")[:31]
    ws.append(headers(lang))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([xlsx_cell(row[key]) for key, _, _ in COLUMNS])
    ws.freeze_panes = "A2"
    for i, (key, _, _) in enumerate(COLUMNS, start=1):
        width = max([len(str(r[key])) for r in rows] + [10])
        ws.column_dimensions[ws.cell(1, i).column_letter].width = min(width + 4, 48)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------------- certificate


@dataclass(frozen=True)
class FontChoice:
    name: str  # the reportlab font name
    path: str | None  # the embedded file, or None for the CID fallback
    embedded: bool


def find_cjk_font(candidates: Sequence[str] = FONT_CANDIDATES) -> FontChoice:
    """The first Japanese font reportlab can embed, else the built-in CID font HeiseiKakuGo-W5."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    for path in candidates:
        if not Path(path).is_file():
            continue
        name = "MamoriJP-" + Path(path).resolve().stem
        try:
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0))
        except (TTFError, OSError, ValueError):
            continue  # e.g. CFF outlines ("postscript outlines are not supported")
        return FontChoice(name, path, True)
    if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return FontChoice(CID_FALLBACK, None, False)


def certificate_pdf(
    progress: Progress,
    course: Course,
    *,
    organisation: str = "",
    issuer: str = "",
    code: str = "",
    verify_url: str = "",
    font: FontChoice | None = None,
) -> bytes:
    """A one-page A4 landscape certificate in Japanese and English for a completed record.

    It names the company (``organisation``) and the ``issuer`` (both from the config), the course and the version
    studied, and, when given, the verification ``code`` and where to check it (``verify_url``).
    """
    if progress.completed_at is None:
        raise ValueError("the course is not completed; no certificate")
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    font = font or find_cjk_font()
    buf = io.BytesIO()
    width, height = landscape(A4)
    c = canvas.Canvas(buf, pagesize=(width, height), pageCompression=1)
    name = progress.display_name or progress.user
    c.setTitle(f"修了証 Certificate of completion - {course.title.ja}")
    c.setAuthor(issuer or organisation or "mamori")
    c.setLineWidth(3)
    c.setStrokeColorRGB(0.12, 0.37, 0.66)
    c.rect(28, 28, width - 56, height - 56)
    c.setLineWidth(1)
    c.rect(36, 36, width - 72, height - 72)

    def centred(text: str, y: float, size: float) -> None:
        c.setFont(font.name, size)
        c.drawCentredString(width / 2, y, text)

    c.setFillColorRGB(0.1, 0.1, 0.1)
    centred("修了証", height - 110, 40)
    centred("Certificate of completion", height - 138, 16)
    centred(f"{name} 殿", height - 205, 28)
    centred(f"{course.title.ja}", height - 255, 18)
    centred(course.title.en, height - 276, 12)
    version = progress.completed_version or progress.course_version
    centred(f"教材版 {version}  Course version {version}", height - 296, 10)
    completed = progress.completed_at.astimezone(JST)
    score = "" if progress.best_score is None else f"{progress.best_score}%"
    centred(f"上記の研修を修了し、確認テストに合格したことを証します。（得点 {score}）", height - 336, 14)
    centred(f"has completed the course above and passed its quiz (score {score}).", height - 356, 11)
    centred(f"修了日 {completed:%Y年%m月%d日}   Completed on {completed:%Y-%m-%d}", height - 392, 13)
    centred(f"{progress.year}年度 Fiscal year {progress.year}", height - 410, 10)
    right = width - 70
    if organisation:
        c.setFont(font.name, 15)
        c.drawRightString(right, 112, organisation)
    if issuer:
        c.setFont(font.name, 12)
        c.drawRightString(right, 92, f"発行者 Issued by: {issuer}")
    if code:
        c.setFont(font.name, 10)
        c.drawString(60, 78, f"確認コード Verification code: {code}")
        if verify_url:
            c.setFont(font.name, 8)
            c.drawString(60, 64, f"真正性の確認 Check it at: {verify_url}")
    c.showPage()
    c.save()
    return buf.getvalue()
