"""Personal identification numbers: the number a document gives its person and the numbers the address book ties to
a recipient.

An organisation files its people under numbers — a student number 25J1601, a member or patient number, an employee
number — and writes them into a person's documents (「学籍番号 25J1601」, 成績証明書_25J1601.pdf). Its address book
often carries the same numbers: in a person's mailbox name (s25j1601@…) or in the label of a party filed for them
(a guardian's row 「保護者（佐藤 拓海 25J1601）」). Two people of the same name are then told apart by that number
only, and a document whose number is not the recipient's is another person's.

An identifier is a run of Latin letters and digits holding at least one letter and `MIN_DIGITS` digits, of 6 to 12
characters (dates, phones, amounts and postal codes have no letters); in a mailbox name the runs between letters and
digits count too (s25j1601 -> 25j1601). Its shape is its letters as A and its digits as 9 (25J1601 -> 99A9999): two
numbers of one register share a shape.
"""

from __future__ import annotations

import re
import unicodedata

from mamori.guard.directory import Contact, Directory

MIN_DIGITS = 4
MIN_LENGTH = 6
MAX_LENGTH = 12
MAX_DOCUMENT_IDS = 3  # numbers of one shape one person's document carries (more: a list of people)
HEAD_LINES = 40  # lines of a document read for labelled numbers
_RUN = re.compile(r"[A-Za-z0-9]+")
# a line that labels a number: 「学籍番号 25J1601」「会員No. A123456」「社員ID：E004512」「患者コード K0042117」
_LABELLED = re.compile(r"(?:番号|ＩＤ|ID|No\.?|コード|Number)\s*[:：.]?\s*([A-Za-z0-9]+)", re.IGNORECASE)
# a label alone on its line, its value on the next (a cell beside or under it): 「会員番号」「患者ID：」
_LABEL_ALONE = re.compile(r"^\s*\S{0,12}(?:番号|ID|No\.?|コード|Number)\s*[:：.]?\s*$", re.IGNORECASE)


def _is_id(token: str) -> bool:
    return (
        MIN_LENGTH <= len(token) <= MAX_LENGTH
        and sum(ch.isdigit() for ch in token) >= MIN_DIGITS
        and any(ch.isalpha() for ch in token)
    )


def shape(identifier: str) -> str:
    """Letters as A, digits as 9: 25J1601 -> 99A9999."""
    return re.sub(r"[A-Z]", "A", re.sub(r"[0-9]", "9", identifier.upper()))


def label_ids(text: str) -> set[str]:
    """The identifiers written in a text as words (a label 「保護者（佐藤 拓海 25J1601）」, a file name's stem)."""
    return {t.upper() for t in _RUN.findall(unicodedata.normalize("NFKC", text)) if _is_id(t)}


def mailbox_ids(local: str) -> set[str]:
    """The identifiers a mailbox name carries: its runs, and their parts cut where letters and digits meet
    (s25j1601 -> S25J1601, 25J1601)."""
    out: set[str] = set()
    for run in _RUN.findall(local):
        cuts = [0] + [i for i in range(1, len(run)) if run[i].isdigit() != run[i - 1].isdigit()] + [len(run)]
        for i, start in enumerate(cuts[:-1]):
            for end in cuts[i + 1 :]:
                if _is_id(run[start:end]):
                    out.add(run[start:end].upper())
    return out


def document_ids(text: str, filename: str) -> set[str]:
    """The identifiers a document gives: those of its file name and those its first lines label (学籍番号 25J1601),
    the label on its own line and the number alone on the next too (a spreadsheet's or a form's cells, read one per
    line: 「会員番号」 / 「K0012345」)."""
    out = label_ids(filename.rsplit(".", 1)[0])
    lines = unicodedata.normalize("NFKC", text).splitlines()[: HEAD_LINES + 1]
    for i, line in enumerate(lines[:HEAD_LINES]):
        out |= {m.group(1).upper() for m in _LABELLED.finditer(line) if _is_id(m.group(1))}
        if _LABEL_ALONE.match(line) and i + 1 < len(lines):
            value = lines[i + 1].strip()
            if _RUN.fullmatch(value) and _is_id(value):
                out.add(value.upper())
    return out


def contact_ids(directory: Directory, contact: Contact) -> set[str]:
    """The identifiers the address book ties to a contact: its mailbox name's, its label's (a guardian's row names
    the child's number), and, for a mailbox name without one, those of the other rows of that person (the same full name
    under the same label: a student's university mailbox beside their private one)."""
    own = mailbox_ids(contact.email.rpartition("@")[0])
    out = own | label_ids(contact.organization)
    if not own:
        for other in directory.named(contact.name):
            if other is not contact and other.organization == contact.organization:
                out |= mailbox_ids(other.email.rpartition("@")[0])
    return out
