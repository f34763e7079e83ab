"""Reference numbers a mail and its documents carry: a case, matter, order, claim or invoice number.

Every trade files its business under numbers — 令和8年(ワ)第1234号 (a court case), S-25-0417 (a matter),
PO-2026-0031 (an order), K512370 (a claim) — and writes them in subjects, texts and file names. Two uses:

* **Which business a document is of.** A mail about one number whose attachment carries another number of the same
  form, and not the mail's, holds another matter's document (`mismatched`).
* **Who works on a number.** The sending history's subjects say which addresses were written to under a number
  (【S-25-0417】ご報告): the parties of that business (`History.tied`).

A reference is a code of Latin letters and digits (one to five letters, then four digits or more, hyphens between
groups allowed: S-25-0417, INV-2026-0012, K512370), or a Japanese case number (令和8年(ワ)第1234号). Phone
numbers, dates, amounts and postal codes have no letters and are none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_CODE = re.compile(
    r"(?<![A-Za-z0-9@./-])([A-Za-z]{1,5}[-_]?[0-9]+(?:[-_][0-9]+)*)(?![A-Za-z0-9@_/]|[.-][A-Za-z0-9])"
)
_CASE = re.compile(r"(?:令和|平成|昭和)[0-9元]+年[(（][^)）\s]{1,4}[)）]第[0-9]+号")
MIN_DIGITS = 4  # digits of a code from which it is a reference (R8, A12, COVID-19 are not)
MAX_DOCUMENT_REFERENCES = 3  # references of one form a document of one business carries (more: a list of cases)


def references(text: str) -> set[str]:
    """The reference numbers written in ``text``, normalised (NFKC, no spaces, upper-case letters)."""
    if not text:
        return set()
    norm = unicodedata.normalize("NFKC", text)
    out = set(_CASE.findall(re.sub(r"\s+", "", norm)))
    for m in _CODE.finditer(norm):
        code = m.group(1)
        if sum(ch.isdigit() for ch in code) >= MIN_DIGITS:
            out.add(code.upper().replace("_", "-"))
    return out


def form(reference: str) -> str:
    """The form of a reference: its digit runs replaced by # (S-25-0417 -> S-#-#, 令和8年(ワ)第12号 ->
    令和#年(ワ)第#号)."""
    return re.sub(r"[0-9]+", "#", reference)


def mismatched(mail: Iterable[str], allowed: set[str], document: set[str]) -> tuple[str, str] | None:
    """(the mail's reference, the document's) when the document carries references of a form the mail's own text
    gives (``mail``), at most `MAX_DOCUMENT_REFERENCES` of that form, and none of them is among ``allowed`` (every
    reference the mail writes, its quoted part included); None otherwise."""
    for ref in sorted(mail):
        shape = form(ref)
        theirs = sorted(r for r in document if form(r) == shape)
        if theirs and len(theirs) <= MAX_DOCUMENT_REFERENCES and not set(theirs) & allowed:
            return ref, theirs[0]
    return None
