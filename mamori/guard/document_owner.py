"""Whose document an attachment is: the one person it is for or about, and the organisations they belong to.

A report card, an application form, a payslip or a bill is one person's: the person its addressee line names
(「中村 陽子 様」 at its top), the person a labelled name line gives (「生徒氏名：田中 心春」「氏名：林 学」), or the
person its file name writes in full (成績表_田中心春_2学期.pdf). That person belongs to the organisations of the
address book's contacts of that full name, and to those whose label names them (a household filed as
「ご家庭（駅前教室・田中 心春さん）」, 「個人のお客様（吉田 陽子様ご家族）」): a family is one party, and a child's
report is that family's own data, whichever parent or the child themself receives it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from mamori.guard.directory import Directory
from mamori.guard.fullname import person_addressee

_NAME_CHARS = "\u4e00-\u9fff々〆ヶ\u3041-\u309f\u30a1-\u30faー"  # kanji, kana (not ・)
# a labelled name line of a one-person form: 「生徒氏名：田中 心春（タナカ コハル）」「氏名: 林 学」「お名前：…」; the
# label may stand apart from the name by a space or a tab instead of a colon (「氏名　木村 勝　様」「被害者氏名　渡辺
# 浩二」), and an account's holder is one too (「口座名義 菅原 理恵」)
# the labels of such a line; a welfare file's 「世帯主：渡辺 拓也」 and a benefit notice's 「受給者：加藤 典子 様」
# name the person (the household) the document is about, as an application's 「申請者：…」 does
_NAME_LABEL = r"[^\s:：]{0,10}?(?:氏名|お名前|名前|名義人?|世帯主|受給者|申請者)"
_NAME_LINE = re.compile(
    rf"^\s*{_NAME_LABEL}(?:\s*[:：]\s*|[ \u3000\t]+)"
    r"([\u4e00-\u9fff々〆ヶ]{1,4})[ \u3000]+"
    rf"([{_NAME_CHARS}]{{1,6}})(?![{_NAME_CHARS}])"
)
# a form laid out as a two-column table (a spreadsheet's 項目 / 内容, one cell a line): the label alone on its line
# (「被保険者氏名」), the name alone on the next (「後藤 和子（ゴトウ カズコ）」, a reading in brackets allowed)
_LABEL_ALONE = re.compile(rf"^\s*{_NAME_LABEL}\s*[:：]?\s*$")
_NAME_ALONE = re.compile(
    r"^\s*([\u4e00-\u9fff々〆ヶ]{1,4})[ \u3000]+"
    rf"([{_NAME_CHARS}]{{1,6}})\s*(?:[(（][\u30a1-\u30faー \u3000]+[)）])?\s*$"
)
# column labels a table's header row writes after 氏名 (「氏名 住所 電話」): no name
_COLUMN_LABEL = re.compile(r"住所|電話|携帯|生年|性別|年齢|所属|部署|番号|メール|備考|続柄|職業|連絡先|フリガナ|カナ")
# a person written by full name with an honorific in an organisation's label (ご家庭（駅前教室・田中 心春さん）,
# 個人のお客様（吉田 陽子様ご家族）, 個人（患者 松下 里美 様）): the private party the label files
_LABEL_PERSON = re.compile(
    rf"(?<![{_NAME_CHARS}])([\u4e00-\u9fff々〆ヶ]{{1,4}})[ \u3000]?([{_NAME_CHARS}]{{1,6}}?)[ \u3000]?"
    r"(?:さん|様|さま|くん|ちゃん)"
)
# a full name 姓 名 (a space between) with an honorific, a space before it allowed: 「遠藤 修 様」「遠藤 修様」
_NAMED_PERSON = re.compile(
    rf"(?<![{_NAME_CHARS}])([\u4e00-\u9fff々〆ヶ]{{1,4}})[ \u3000]([{_NAME_CHARS}]{{1,6}}?)[ \u3000]?"
    r"(?:様|さま|さん|氏|殿)"
)
# a full name 姓 名 (a space between) written bare in a label, no honorific: 「保護者（佐藤 智也 25E0180）」; a label
# person only when the address book has a contact of that full name
_LABEL_FULL_NAME = re.compile(
    rf"(?<![{_NAME_CHARS}])([\u4e00-\u9fff々〆ヶ]{{1,4}})[ \u3000]([{_NAME_CHARS}]{{1,6}})(?![{_NAME_CHARS}])"
)
# a name in Latin letters (two to four capitalised words) with a Japanese honorific: 「Maria Santosさん」
_LATIN_NAMED = re.compile(r"(?<![A-Za-z])([A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){1,3}) ?(?:さん|様|さま|氏|殿)")
_FILENAME_RUN = re.compile(rf"[{_NAME_CHARS}]{{3,12}}")
MIN_NAME = 3  # characters of a full name read in a file name without a space (林学 is too short to tell)
HEAD_LINES = 15  # lines of a document read for its addressee or name line


@dataclass(frozen=True, slots=True)
class Owner:
    """The person a document is for or about: (姓, 名) when known split, the name without spaces, and the
    organisations of the address book that person belongs to (empty when the address book does not know them)."""

    name: str
    family: str
    orgs: frozenset[str]


def label_people(directory: Directory) -> dict[str, set[str]]:
    """Full names (spaces left out) the organisations' labels write with an honorific, or bare as 姓 名 when that is
    a contact's full name (「保護者（佐藤 智也 25E0180）」: the guardian's row names the student) -> those
    organisations: the households the labels state."""
    cached = directory.__dict__.get("_label_people")
    if cached is None:
        cached = {}
        for org in directory.org_domains:
            text = unicodedata.normalize("NFKC", org)
            for m in _LABEL_PERSON.finditer(text):
                if len(m.group(1) + m.group(2)) >= 2 and m.group(2):
                    cached.setdefault(m.group(1) + m.group(2), set()).add(org)
            for m in _LABEL_FULL_NAME.finditer(text):
                if directory.named(m.group(1) + m.group(2)):
                    cached.setdefault(m.group(1) + m.group(2), set()).add(org)
        directory.__dict__["_label_people"] = cached
    return cached


def person_orgs(directory: Directory, name: str) -> set[str]:
    """The organisations a full name (spaces left out) belongs to: its contacts' and the labels naming it."""
    orgs = {c.organization for c in directory.named(name) if c.organization}
    return orgs | label_people(directory).get(name, set())


def people_named(directory: Directory, text: str) -> set[str]:
    """The full names (spaces left out) of the address book that ``text`` writes with an honorific (「被害者 遠藤 修
    様の件」 -> 遠藤修; 「Maria Santosさん」 -> MariaSantos): the people a mail's text speaks of."""
    out: set[str] = set()
    text = unicodedata.normalize("NFKC", text)
    for m in _LATIN_NAMED.finditer(text):
        if directory.named(m.group(1)):
            out.add("".join(m.group(1).split()))
    for m in _NAMED_PERSON.finditer(text):
        family, given = m.group(1), m.group(2)
        for k in range(len(family), 0, -1):  # 被害者 遠藤 -> 遠藤: the run before the name may be a word
            if given and directory.named(family[-k:] + given):
                out.add(family[-k:] + given)
                break
    return out


def _known(directory: Directory, name: str) -> bool:
    return bool(directory.named(name)) or name in label_people(directory)


def document_owner(directory: Directory, text: str, filename: str) -> Owner | None:
    """The one person a document is for or about (its addressee line, its first labelled name line, else a full
    name of the address book its file name writes); None when it names no one that way."""
    full = person_addressee(text)
    if full is None:
        head = [unicodedata.normalize("NFKC", ln) for ln in text.splitlines() if ln.strip()][:HEAD_LINES]
        for i, line in enumerate(head):
            m = _NAME_LINE.match(line)
            if m is None and _LABEL_ALONE.match(line) and i + 1 < len(head):
                m = _NAME_ALONE.match(head[i + 1])
            if m and not _COLUMN_LABEL.search(m.group(1) + m.group(2)):
                full = (m.group(1), m.group(2))
                break
    if full is not None:
        name = full[0] + full[1]
        return Owner(name, full[0], frozenset(person_orgs(directory, name)))
    stem = unicodedata.normalize("NFKC", filename.rsplit(".", 1)[0])
    for m in _FILENAME_RUN.finditer(stem):
        run = m.group()
        for start in range(0, len(run) - MIN_NAME + 1):  # 控え山本秀樹 -> 山本秀樹; 田中心春 whole
            for end in range(len(run), start + MIN_NAME - 1, -1):
                name = run[start:end]
                if _known(directory, name):
                    family = next((c.surname for c in directory.named(name)), "")
                    return Owner(name, family, frozenset(person_orgs(directory, name)))
    return None



def sole_person(text: str) -> str | None:
    """The one full name (spaces left out) that every labelled name line of a document gives (「申込者氏名：…」
    「氏名：…」, on each of its pages or files, not only its head); None when it has no such line or they name more
    than one person: one person's papers (an application with their ID copy and income statement), not a list of
    people."""
    names = set()
    for line in text.splitlines():
        m = _NAME_LINE.match(unicodedata.normalize("NFKC", line))
        if m and not _COLUMN_LABEL.search(m.group(1) + m.group(2)):
            names.add(m.group(1) + m.group(2))
    return names.pop() if len(names) == 1 else None
