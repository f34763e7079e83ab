"""The routine kind of a mail's subject: what is left of it once the reply and forward marks, the bracketed parts
(a person's or a company's name 「（北川 亮介 様）」, a reference 【S-25-0417】) and the reference numbers are cut.

A desk receives the same kind of mail again and again — 団信申込書類の送付 to an insurer's underwriting desk,
源泉徴収票の送付 to a payroll provider — each time about another person. The sending history says which addresses
are the organisation's usual channel for a kind of mail (`History.routine_channel`); the kind is this key.
"""

from __future__ import annotations

import re
import unicodedata

from mamori.guard.references import references

_MARKS = re.compile(r"^\s*(?:(?:re|fw|fwd|転送|返信)\s*(?:\[\d+\])?\s*[:：]\s*)+", re.IGNORECASE)
_BRACKETED = re.compile(r"[(（【\[［〔<＜《「『][^)）】\]］〕>＞》」』]{0,40}[)）】\]］〕>＞》」』]")
MIN_KEY = 4  # characters a kind must keep to say anything (「ご連絡」「件」 say nothing)


def subject_key(subject: str) -> str:
    """The kind of ``subject`` (NFKC, marks, bracketed parts, references and spaces cut); "" when too short."""
    text = unicodedata.normalize("NFKC", subject or "")
    text = _MARKS.sub("", text)
    text = _BRACKETED.sub("", text)
    for ref in references(text):
        text = text.replace(ref, "")
    key = re.sub(r"[\s_:：・/|-]+", "", text)
    return key if len(key) >= MIN_KEY else ""
