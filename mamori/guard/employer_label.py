"""Address-book labels that file a company's employees as private persons: 「個人（株式会社A 従業員）」.

A payroll bureau, a 社労士 office or a benefits provider writes to its clients' employees at their own mailboxes and
files them under a label naming their employer. Such a label is not a household (two employees who share a surname
are two parties, not one family) and not a company of the recipient's own; the employer it names is where the person
works: a message naming that employer speaks of this person's side, not of another contact of the same name.
"""

from __future__ import annotations

import re

from mamori.guard.directory import Directory

# 「個人（A社 従業員）」「個人（A社の社員）」「個人（A社・職員）」「（A社 勤務）」: the bracket ends with a word for
# someone employed; what stands before it is the employer
_EMPLOYEE_LABEL = re.compile(
    r"[（(]\s*([^（）()]{2,60}?)[\s・/／の]*(?:従業員|社員|職員|勤務|スタッフ|被保険者|役員)(?:様|さん)?\s*[）)]\s*$"
)


def label_employer(directory: Directory, org: str) -> str | None:
    """The directory organisation a label of private persons names as their employer (個人（株式会社A 従業員）->
    株式会社A), or None when the label states no employer the address book knows."""
    cache: dict[str, str | None] = directory.__dict__.setdefault("_label_employers", {})
    if org in cache:
        return cache[org]
    found = None
    m = _EMPLOYEE_LABEL.search(org)
    if m is not None:
        inner = m.group(1).strip()
        hits = [o for _, o in directory.orgs_in(inner) if o != org]
        found = hits[0] if hits else None
    cache[org] = found
    return found
