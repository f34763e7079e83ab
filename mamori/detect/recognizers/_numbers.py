"""Shared helpers of the structured-number recognizers still in Python (PHONE): digit runs, labels.

The core has the same helpers for the ported ones (core/src/recognizers/numbers.rs); this module goes when the last
of its users is ported.

``number_runs(doc)`` finds every run of digits with light separators (space, hyphen, 'ー', dot,
parentheses) once per document and groups the runs by their count of digits, so the phone, postal
code, My Number, card ... recognizers each look only at the runs of the lengths they care about.

``label_before(doc, start, groups)`` answers "which label does this value belong to": the keyword
of any of ``groups`` nearest before the value on its line (or at the end of the line above when
the value starts its line), or, for a cell of a CSV/TSV table, the header of its column. A label
followed by another number before the value is that number's label and is ignored.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from mamori.detect.document import LINE_LIMIT, Document, line_end, line_start, split_cells

_RUN_RE = re.compile(r"[0-9][0-9 \-ーｰ.()]{5,39}[0-9]")
_SEPS = " -ーｰ.()"
_STRIP = str.maketrans("", "", _SEPS)
_DIGITS4_RE = re.compile(r"[0-9]{4,}(?![0-9年度月日桁歳円])")  # another value between a label and ours
_SPACES_SPLIT = re.compile(r"( +)").split
UNITS = frozenset("円万億件個名人歳年月日時分秒%％台本枚冊点回倍")  # a number followed by one is a quantity
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CACHE_RUNS = "_mamori_number_runs"
MIN_SCORE = 0.25  # findings scored lower than this are not even built (a number after another number's label)
_CACHE_CSV = "_mamori_csv_headers"
_CACHE_LABELS = "_mamori_labels"
_CACHE_GATE = "_mamori_has_delimiters"


Run = tuple[int, int, str, str]
"""A digit run: (start, end, raw folded characters, bare digits); offsets are offsets in the text."""


def _scan(norm: str) -> dict[int, list[Run]]:
    out: dict[int, list[Run]] = {}
    strip = _STRIP
    for m in _RUN_RE.finditer(norm):
        raw = m.group()
        digits = raw.translate(strip)
        n = len(digits)
        if (n > 16 and " " in raw) or "  " in raw or n > 19:
            # two values side by side ("〒100-0001 03-1234-5678"): the space-separated pieces too
            start = m.start()
            if n <= 19:
                lst = out.get(n)
                if lst is None:
                    out[n] = [(start, start + len(raw), raw, digits)]
                else:
                    lst.append((start, start + len(raw), raw, digits))
            pos = 0
            for piece in _SPACES_SPLIT(raw):
                if piece and not piece.isspace():
                    p = piece.strip(_SEPS)
                    d = p.translate(strip)
                    if len(d) >= 4:
                        s = start + pos + piece.index(p[0])
                        out.setdefault(len(d), []).append((s, s + len(p), p, d))
                pos += len(piece)
            continue
        if n >= 4:
            start = m.start()
            lst = out.get(n)
            if lst is None:
                out[n] = [(start, start + len(raw), raw, digits)]
            else:
                lst.append((start, start + len(raw), raw, digits))
    return out


def number_runs(doc: Document) -> dict[int, list[Run]]:
    """Digit runs of at least 7 characters in ``doc``, keyed by their number of digits (cached on the doc)."""
    cached = doc.shared.get(_CACHE_RUNS)
    if cached is None:
        cached = _scan(doc.norm)
        doc.shared[_CACHE_RUNS] = cached
    return cached


def runs_of(doc: Document, lengths: Iterable[int]) -> list[Run]:
    """The runs whose digit count is one of ``lengths``, in text order."""
    by_len = number_runs(doc)
    out: list[Run] = []
    for n in lengths:
        out.extend(by_len.get(n, ()))
    if len(out) > 1:
        out.sort()
    return out


def _word_ok(low: str, s: int, e: int) -> bool:
    """An ASCII keyword must stand as a word (not 'tel' inside 'hotel')."""
    if low[s] in _ASCII_LETTERS and s > 0 and low[s - 1] in _ASCII_LETTERS:
        return False
    return not (low[e - 1] in _ASCII_LETTERS and e < len(low) and low[e] in _ASCII_LETTERS)


def _nearest(doc: Document, lo: int, hi: int, groups: frozenset[str]) -> tuple[str, int, int] | None:
    """The keyword of ``groups`` lying in ``[lo, hi)`` that ends last (the longest on a tie), as (group, s, e)."""
    best: tuple[str, int, int] | None = None
    low = doc.lower
    for group in groups & doc.groups_found:
        starts, ends = doc.occurrences(group)
        i = bisect_left(starts, hi)
        while i > 0:
            i -= 1
            s = starts[i]
            if s < lo:
                break
            e = ends[i]
            if e > hi or not _word_ok(low, s, e):
                continue
            if best is None or e > best[2] or (e == best[2] and (s < best[1] or (s == best[1] and group < best[0]))):
                best = (group, s, e)
            break
    return best


def _real_line(text: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of the line holding ``pos`` when it is shorter than LINE_LIMIT, else None."""
    ls = line_start(text, pos)
    if ls > 0 and text[ls - 1] != "\n":
        return None
    le = line_end(text, pos)
    if le < len(text) and text[le] != "\n":
        return None
    return ls, le


def csv_header_cell(doc: Document, pos: int) -> tuple[int, int] | None:
    """For a position inside a cell of a comma- or tab-separated table, the span of its column's header."""
    text = doc.text
    gate = doc.shared.get(_CACHE_GATE)
    if gate is None:
        gate = text.count(",") >= 2 or text.count("\t") >= 2
        doc.shared[_CACHE_GATE] = gate
    if not gate:
        return None
    lo = pos - LINE_LIMIT if pos > LINE_LIMIT else 0
    ls = text.rfind("\n", lo, pos) + 1
    if ls == 0 and lo > 0:
        return None  # a line too long to be a table row
    le = text.find("\n", pos, pos + LINE_LIMIT)
    if le < 0:
        if pos + LINE_LIMIT < len(text):
            return None
        le = len(text)
    if text.count(",", ls, le) < 2 and text.count("\t", ls, le) < 2:
        return None
    cache: dict[int, tuple[int, str, list[tuple[int, int]] | None] | None] = doc.shared.setdefault(_CACHE_CSV, {})
    info = cache[ls] if ls in cache else _table_of(doc, ls, cache)
    if info is None or info[0] == ls or info[2] is None:
        return None
    delim = info[1]
    idx = text.count(delim, ls, pos) if '"' not in text[ls:pos] else len(split_cells(text, ls, pos, delim)) - 1
    cells = info[2]
    if 0 <= idx < len(cells):
        return cells[idx]
    return None


def _table_of(
    doc: Document, ls: int, cache: dict[int, tuple[int, str, list[tuple[int, int]] | None] | None]
) -> tuple[int, str, list[tuple[int, int]] | None] | None:
    """(header line start, delimiter, header cells or None) of the table holding the line at ``ls``."""
    text = doc.text
    # walk up over the lines of the table not yet seen, then settle them from the top down
    pending: list[tuple[int, str]] = []
    above: tuple[int, str, list[tuple[int, int]] | None] | None = None
    cur = ls
    while True:
        if cur in cache:
            above = cache[cur]
            break
        line = _real_line(text, cur)
        le = line[1] if line is not None else cur
        delim = "," if text.count(",", cur, le) >= 2 else "\t" if text.count("\t", cur, le) >= 2 else ""
        if not delim:
            cache[cur] = None
            above = None
            break
        pending.append((cur, delim))
        if cur == 0:
            break
        cur = line_start(text, cur - 1)
    info: tuple[int, str, list[tuple[int, int]] | None] | None = None
    for line_s, delim in reversed(pending):
        if above is not None and above[1] == delim:
            info = above
        else:
            cells = split_cells(text, line_s, line_end(text, line_s), delim)
            header_like = sum(1 for s, e in cells if not any(c.isdigit() for c in text[s:e]))
            info = (line_s, delim, cells if header_like >= len(cells) * 0.8 else None)
        cache[line_s] = info
        above = info
    return cache.get(ls)


def label_before(
    doc: Document, start: int, groups: frozenset[str], window: int = 40, *, csv: bool = True
) -> tuple[str, int, int] | None:
    """The label (group, start, end) that ``doc.text[start:...]`` belongs to, or None.

    The nearest keyword of ``groups`` before ``start`` on the same line within ``window``
    characters, unless another number of four or more digits stands between them; for a value
    that starts its line, the end of the previous line; in a table, the column header.
    """
    norm = doc.norm
    lo = line_start(norm, start, window)
    if csv:
        cell = csv_header_cell(doc, start)
        if cell is not None:
            hit = _nearest(doc, cell[0], cell[1], groups)
            if hit is not None:
                return hit
            # a header that names nothing: only a label inside the value's own cell counts
            lo = max(lo, norm.rfind(",", lo, start) + 1, norm.rfind("\t", lo, start) + 1)
            return _nearest(doc, lo, start, groups)
    hit = _nearest(doc, lo, start, groups)
    if hit is not None:
        if _DIGITS4_RE.search(norm, hit[2], start):
            return None
        return hit
    if lo > 0 and norm[lo - 1] == "\n" and not norm[lo:start].strip(" \t:()[]「」【】<>*・-"):
        prev_lo = line_start(norm, lo - 1, window)
        hit = _nearest(doc, prev_lo, lo - 1, groups)
        if hit is not None and not _DIGITS4_RE.search(norm, hit[2], lo - 1):
            return hit
    return None


def label_after(doc: Document, end: int, groups: frozenset[str], window: int = 4) -> tuple[str, int, int] | None:
    """A keyword of ``groups`` starting within ``window`` characters after ``end`` on the same line."""
    hi = line_end(doc.norm, end, window + 16)
    for s, e, g in doc.keywords_in(end, hi, groups):
        if s - end <= window and _word_ok(doc.lower, s, e):
            return (g, s, e)
    return None


# Labels of every structured type, shared by all the recognizers of numbers so that "the nearest
# label" is decided over one vocabulary: a 12-digit number after 注文番号 is not a My Number, a
# number after 会員番号 is not a phone number. Keyword matching is case-insensitive on folded text.
LABELS: dict[str, tuple[str, ...]] = {
    "n.phone": (
        "電話", "tel", "fax", "ファックス", "ファクス", "携帯", "連絡先", "フリーダイヤル", "フリーコール",
        "ナビダイヤル", "お問い合わせ", "問い合わせ", "お問合せ", "問合せ", "窓口", "代表", "直通", "phone",
        "telephone", "mobile", "cell", "call", "calling", "desk", "contact", "reach me", "answering",
        "messages to", "registered", "whatsapp", "sms", "text me", "hotline", "センター", "ダイヤル", "内線",
        "外線", "ホットライン", "☎", "℡", "☏",
    ),
    "n.phone_after": ("office", "fax", "mobile", "home", "work", "cell", "phone"),
    "n.postal": ("郵便番号", "郵便", "postal code", "postal", "zip", "zip code", "postcode", "post code"),
    "n.mynumber": ("マイナンバー", "個人番号", "my number", "mynumber", "個人番号カード", "individual number"),
    "n.corp": (
        "法人番号", "登録番号", "適格請求書発行事業者", "インボイス", "事業者番号", "会社法人等番号",
        "corporate number", "registration number",
    ),
    "n.card": (
        "カード", "クレジット", "card", "credit", "visa", "mastercard", "jcb", "amex", "american express",
        "diners", "discover", "cc", "card no", "card #", "card number",
    ),
    "n.bank": (
        "口座", "普通", "当座", "預金", "振込先", "(普)", "(当)", "普)", "当)", "貯金", "account number",
        "account no", "acct", "bank account", "account",
    ),
    "n.dl": (
        "免許", "driver's license", "drivers license", "driver license", "driving licence", "driving license",
        "licence number", "license number", "dl",
    ),
    "n.passport": ("旅券", "パスポート", "passport"),
    "n.residence": ("在留カード", "residence card", "特別永住者証明書"),
    "n.health": ("被保険者証", "保険証", "健康保険", "被保険者番号", "記号", "保険者番号", "health insurance"),
    "n.pension": ("基礎年金番号", "年金番号", "年金手帳", "pension"),
    "n.ssn": ("ssn", "social security", "ss#", "ss #"),
    "n.ip": ("ip", "ip address", "ipアドレス", "client_ip", "ipv4", "ipv6", "host"),
    "n.iban": ("iban",),
    "n.dob": (
        "生年月日", "誕生日", "生まれ", "日生", "dob", "d.o.b", "date of birth", "birth date", "birthdate", "born",
        "birthday",
    ),
    "n.other": (
        "会員番号", "会員id", "注文番号", "受付番号", "伝票番号", "お問い合わせ番号", "問い合わせ番号",
        "お問合せ番号", "請求書番号", "請求番号", "顧客id", "顧客番号", "お客様番号", "社員番号", "従業員番号",
        "型番", "品番", "jan", "商品コード", "管理番号", "契約番号", "証券番号", "追跡番号", "予約番号",
        "整理番号", "取引番号", "発注番号", "見積番号", "案件番号", "受注番号", "製造番号", "シリアル", "serial",
        "order", "invoice", "ref", "reference", "tracking", "id", "lot", "sku", "isbn", "部品番号", "物件番号",
        "認証番号", "暗証番号", "パスワード", "password", "pin", "有効期限", "金額", "請求額", "代金", "料金",
        "合計", "小計", "総額",
    ),
}  # fmt: skip

ALL_LABELS: frozenset[str] = frozenset(LABELS) - {"n.phone_after"}


def label_of(doc: Document, start: int) -> str | None:
    """The group of the label of the value at ``start`` over all the labels (cached per position)."""
    cache: dict[int, str | None] = doc.shared.setdefault(_CACHE_LABELS, {})
    if start in cache:
        return cache[start]
    hit = label_before(doc, start, ALL_LABELS)
    g = hit[0] if hit else None
    cache[start] = g
    return g
