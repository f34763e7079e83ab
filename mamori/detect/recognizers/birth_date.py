"""Dates of birth: 西暦 and 和暦 dates, only where the context says birth.

The recognizer never scans for dates in general (申込日, 入社日, 有効期限 are dates too): it starts
from the birth keywords of the document's keyword index (生年月日, 誕生日, 生まれ, DOB, date of birth,
born ...) and reads the date that follows the label on its line, the date that ends right before
生まれ / 生, or the cells of a CSV column whose header is such a label.

Date forms: 1985年4月12日, 1985/04/12, 1985-04-12, 1985.4.12, 昭和60年4月12日, 令和元年5月1日,
S60.4.12, H3/01/05, April 12, 1985, 12 Apr 1985, 04/12/1985. The span is the date itself, without a
following 生 or age (（38歳）).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from mamori.detect.document import Document, split_cells
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer
from mamori.detect.recognizers._numbers import ALL_LABELS, LABELS, keyword_hits, line_end, line_start

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12, "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ERAS = {
    "明治": (1868, 45), "大正": (1912, 15), "昭和": (1926, 64), "平成": (1989, 31), "令和": (2019, 99),
    "m": (1868, 45), "t": (1912, 15), "s": (1926, 64), "h": (1989, 31), "r": (2019, 99),
}  # fmt: skip

_DATE_RE = re.compile(
    r"(?P<ky>(?:19|20)[0-9]{2}) ?年 ?(?P<km>[0-9]{1,2}) ?月(?: ?(?P<kd>[0-9]{1,2}) ?日)?"
    r"|(?P<wera>明治|大正|昭和|平成|令和|[MTSHRmtshr]\.?) ?(?P<wy>元|[0-9]{1,2}) ?年 ?(?P<wm>[0-9]{1,2}) ?月"
    r"(?: ?(?P<wd>[0-9]{1,2}) ?日)?"
    r"|(?P<lera>[MTSHRmtshr])\.? ?(?P<ly>[0-9]{1,2})(?P<ls>[/\-.])(?P<lm>[0-9]{1,2})(?P=ls)(?P<ld>[0-9]{1,2})(?![0-9])"
    r"|(?P<ny>(?:19|20)[0-9]{2})(?P<ns>[/\-.])(?P<nm>[0-9]{1,2})(?P=ns)(?P<nd>[0-9]{1,2})(?![0-9])"
    r"|(?P<ua>[0-9]{1,2})(?P<us>[/\-.])(?P<ub>[0-9]{1,2})(?P=us)(?P<uy>(?:19|20)[0-9]{2})(?![0-9])"
    r"|(?P<emon>" + _MON + r")\.? (?P<ed>[0-9]{1,2})(?:st|nd|rd|th)?,? (?P<ey>(?:19|20)[0-9]{2})(?![0-9])"
    r"|(?P<fd>[0-9]{1,2})(?:st|nd|rd|th)? (?:of )?(?P<fmon>" + _MON + r")\.?,? (?P<fy>(?:19|20)[0-9]{2})(?![0-9])"
    r"|(?P<jm>[0-9]{1,2}) ?月 ?(?P<jd>[0-9]{1,2}) ?日",
    re.IGNORECASE,
)

_GAP_RE = re.compile(r"[ \t:()\[\]「」【】<>*・/|=\-]{0,12}(?:(?:は|is|was|on|of|:|：)[ \t:]*){0,2}", re.IGNORECASE)
_AFTER_WORDS = frozenset({"生まれ", "日生"})
_DIGIT_RE = re.compile(r"[0-9]")


def _valid(m: re.Match[str], today: datetime.date) -> bool:
    """The match is a real calendar date (or year-month) not in the future."""
    g = m.groupdict()
    try:
        if g["ky"]:
            y, mo, d = int(g["ky"]), int(g["km"]), int(g["kd"] or 1)
        elif g["wera"] or g["lera"]:
            era = (g["wera"] or g["lera"]).lower().rstrip(".")
            base, span = _ERAS[era]
            ys = g["wy"] or g["ly"]
            n = 1 if ys == "元" else int(ys)
            if not 1 <= n <= span:
                return False
            y = base + n - 1
            mo = int(g["wm"] or g["lm"])
            d = int(g["wd"] or g["ld"] or 1)
        elif g["ny"]:
            y, mo, d = int(g["ny"]), int(g["nm"]), int(g["nd"])
        elif g["uy"]:
            a, b, y = int(g["ua"]), int(g["ub"]), int(g["uy"])
            mo, d = (a, b) if a <= 12 else (b, a)
        elif g["ey"]:
            y, mo, d = int(g["ey"]), _MONTHS[g["emon"].lower()], int(g["ed"])
        elif g["fy"]:
            y, mo, d = int(g["fy"]), _MONTHS[g["fmon"].lower()], int(g["fd"])
        else:
            y, mo, d = 2000, int(g["jm"]), int(g["jd"])  # month and day only (a leap year)
            return 1 <= mo <= 12 and 1 <= d <= 31 and bool(datetime.date(y, mo, d))
        date = datetime.date(y, mo, d)
    except (ValueError, KeyError):
        return False
    return datetime.date(1880, 1, 1) <= date <= today


class BirthDateRecognizer(Recognizer):
    """DATE_OF_BIRTH: a date that a birth label introduces (or that 生まれ follows)."""

    name = "birth_date"
    entities = ("DATE_OF_BIRTH",)
    keywords = LABELS

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        low = doc.lower
        today = datetime.date.today()
        seen: set[int] = set()
        for ks, ke in keyword_hits(doc, "n.dob"):
            if not _word(low, ks, ke):
                continue
            kw = low[ks:ke]
            if kw in _AFTER_WORDS:
                f = self._before(doc, norm, ks, today)
                if f is None and kw == "生まれ" and norm[ke : ke + 1] in ("は", ":"):
                    f = self._after(doc, norm, ke + 1, today)  # 生まれは1979年11月3日 / 生まれ：…
            else:
                f = self._after(doc, norm, ke, today)
                if f is None:
                    yield from self._column(doc, norm, ks, today, seen)
            if f is not None and f.start not in seen:
                seen.add(f.start)
                yield f

    def _after(self, doc: Document, norm: str, ke: int, today: datetime.date) -> Finding | None:
        le = line_end(norm, ke, 48)
        if le < len(norm) and norm[le] == "\n" and not norm[ke:le].strip(" \t:()[]【】"):
            ke = le + 1  # a form with the value under its label
            le = line_end(norm, ke, 48)
        hi = le
        if _DIGIT_RE.search(norm, ke, hi) is None:
            return None
        gap = _GAP_RE.match(norm, ke, hi)
        pos = gap.end() if gap else ke
        m = _DATE_RE.match(norm, pos, hi)
        if m is None:
            # a short word between the label and the date ("生年月日（西暦）：", "born on the")
            m = _DATE_RE.search(norm, pos, hi)
            if m is None or m.start() - pos > 16:
                return None
            gap = norm[pos : m.start()]
            if any(c.isdigit() or c in "日期" for c in gap):
                return None
            if doc.keywords_in(pos, m.start(), ALL_LABELS):
                return None
        if not _valid(m, today):
            return None
        score = 0.9 if (m.group("jm") is None) else 0.7
        return self.finding(doc, "DATE_OF_BIRTH", m.start(), m.end(), score)

    def _before(self, doc: Document, norm: str, ks: int, today: datetime.date) -> Finding | None:
        if _DIGIT_RE.search(norm, max(0, ks - 3), ks) is None:
            return None  # a date ends with a digit or 日 right before 生まれ / 日生
        lo = line_start(norm, ks, 30)
        best = None
        for m in _DATE_RE.finditer(norm, lo, ks + 1):
            if m.end() in (ks, ks - 1) or (m.end() == ks + 1 and norm[ks] == "日"):
                best = m
        if best is None or best.group("jm") is not None or not _valid(best, today):
            return None
        return self.finding(doc, "DATE_OF_BIRTH", best.start(), best.end(), 0.85)

    def _column(self, doc: Document, norm: str, ks: int, today: datetime.date, seen: set[int]) -> Iterator[Finding]:
        """A CSV/TSV header cell naming birth: the dates in that column."""
        ls = line_start(norm, ks)
        le = line_end(norm, ks)
        if (ls > 0 and norm[ls - 1] != "\n") or (le < len(norm) and norm[le] != "\n"):
            return  # not a line of a table (or a line too long to be one)
        delim = "," if norm.count(",", ls, le) >= 2 else "\t" if norm.count("\t", ls, le) >= 2 else ""
        if not delim:
            return
        if ls > 0 and norm.count(delim, line_start(norm, ls - 1), ls - 1) >= 2:
            return  # the label is in a row of the table, not in its header
        idx = len(split_cells(norm, ls, ks, delim)) - 1
        pos = le + 1
        n = len(norm)
        while pos < n:
            row_end = line_end(norm, pos)
            if norm.count(delim, pos, row_end) < 1:
                break
            cells = split_cells(norm, pos, row_end, delim)
            s, e = cells[idx] if idx < len(cells) else (-1, -1)
            if s >= 0:
                while s < e and norm[s] in ' "\t':
                    s += 1
                while e > s and norm[e - 1] in ' "\t\r':
                    e -= 1
                m = _DATE_RE.fullmatch(norm, s, e)
                if m is not None and m.group("jm") is None and _valid(m, today) and s not in seen:
                    seen.add(s)
                    yield self.finding(doc, "DATE_OF_BIRTH", s, e, 0.9)
            pos = row_end + 1


def _word(low: str, s: int, e: int) -> bool:
    if low[s].isascii() and low[s].isalpha() and s > 0 and low[s - 1].isascii() and low[s - 1].isalpha():
        return False
    return not (
        e < len(low) and low[e - 1].isascii() and low[e - 1].isalpha() and low[e].isascii() and low[e].isalpha()
    )


RECOGNIZERS: tuple[type[Recognizer], ...] = (BirthDateRecognizer,)
