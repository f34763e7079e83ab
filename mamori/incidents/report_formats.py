"""The report of an incident in each of its four forms, by name: the one place the CLI and the web pages pick a
renderer. Every renderer writes :func:`~mamori.incidents.report.report_items` (one model of the nine items of
規則8条1項): ``text`` to paste into the PPC's form, ``pdf``, ``docx`` and ``xlsx`` to file.
"""

from __future__ import annotations

from datetime import date

from mamori.incidents.register import IncidentView
from mamori.incidents.report import report_stage, report_text
from mamori.incidents.report_docx import report_docx
from mamori.incidents.report_pdf import report_pdf
from mamori.incidents.report_xlsx import report_xlsx

FORMATS = ("text", "pdf", "docx", "xlsx")
MEDIA_TYPES = {
    "text": "text/plain; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SUFFIXES = {"text": "txt", "pdf": "pdf", "docx": "docx", "xlsx": "xlsx"}


def report_bytes(view: IncidentView, fmt: str, made_on: date, stage: str | None = None) -> bytes:
    """The report of ``view`` in ``fmt`` (one of :data:`FORMATS`; ``made_on``: the company's date of today).

    ``stage`` (``preliminary`` / ``final``) names it 速報 / 確報; ``None`` takes the one due next from the tasks
    (:func:`~mamori.incidents.report.report_stage`: 確報 once the 速報 is marked done).
    """
    args = (view.id, view.case, view.decision, view.summary, view.tasks)
    stage = stage or report_stage(view.tasks)
    if fmt == "pdf":
        return report_pdf(*args, made_on, stage=stage)
    if fmt == "docx":
        return report_docx(*args, made_on, stage=stage)
    if fmt == "xlsx":
        return report_xlsx(*args, made_on, stage=stage)
    if fmt == "text":
        return report_text(*args, stage=stage).encode("utf-8")
    raise ValueError(f"unknown report format {fmt!r}")
