"""The notice to the people concerned as one Word document: one finished letter a page, one page per person.

Why finished letters and not a template with merge fields: Word's 差し込み印刷 keeps the path of its data source in
the document, so a template made on the server asks every PC to find the CSV again, and Word's reading of a CSV's
encoding (Shift_JIS or UTF-8) is a frequent stumble. A document with the letters already written opens anywhere
(Word, LibreOffice, 一太郎), can be checked page by page and printed at once. Offices that do want to merge, or a
printing company, use the CSV of :func:`mamori.incidents.people.people_csv` with the same fields.

Each letter: the date at the right; the address block at the top left (〒, address, organization, name and
honorific), at the left of the top third, roughly where a letter folded in three shows through the window of a
長形3号 window envelope (windows differ between envelopes); the company and signer at the right; the title; the
opening; 「記」, the items of :class:`~mamori.incidents.notice.Notice`, 「以上」. Page breaks between letters.
"""

from __future__ import annotations

from copy import deepcopy
from io import BytesIO

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from mamori.incidents.docx_page import new_document, xml_text
from mamori.incidents.notice import Notice
from mamori.incidents.people import Person

MAX_LETTERS = 5_000  # one document; more people: the CSV to a printing company, or several uploads


def _lines(doc: DocxDocument, text: str, *, bold: bool = False, size: float | None = None,
           align: WD_ALIGN_PARAGRAPH | None = None, space_after: float = 0) -> Paragraph:
    p = None
    for line in xml_text(text).split("\n"):
        p = doc.add_paragraph()
        run = p.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if align is not None:
            p.alignment = align
        p.paragraph_format.space_after = Pt(space_after)
    assert p is not None
    return p


def _address_lines(person: Person) -> list[str]:
    return [f"〒{person.postal_code}", person.address, person.address2, person.organization,
            f"{person.name} {person.honorific}"]


def notice_docx(people: list[Person], notice: Notice) -> bytes:
    """The letters of ``notice`` to each of ``people`` in one DOCX (a ValueError past :data:`MAX_LETTERS`).

    The first letter is laid out with python-docx; the others are copies of its paragraphs with the address block
    filled in (python-docx appends each paragraph by a search through the whole body, which made 1,000 letters
    take minutes; copies are put in place at once).
    """
    if not people:
        raise ValueError("no person to write to")
    if len(people) > MAX_LETTERS:
        raise ValueError(f"more than {MAX_LETTERS:,} letters in one document")
    doc = new_document(notice.title, size=10.5)
    doc.sections[0].top_margin = Mm(18)
    right = WD_ALIGN_PARAGRAPH.RIGHT
    _lines(doc, notice.date_text, align=right)
    address = [_lines(doc, line or " ", size=11) for line in _address_lines(people[0])[:-1]]
    address.append(_lines(doc, _address_lines(people[0])[-1], size=13, space_after=18))
    _lines(doc, notice.company + (f"\n{notice.signer}" if notice.signer else ""), align=right, space_after=14)
    _lines(doc, notice.title, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=10)
    _lines(doc, notice.opening, space_after=4)
    _lines(doc, "記", align=WD_ALIGN_PARAGRAPH.CENTER, space_after=4)
    for heading, text in notice.items:
        _lines(doc, heading, bold=True)
        _lines(doc, text, space_after=6)
    _lines(doc, notice.closing, space_after=4)
    last = _lines(doc, "以上", align=right)
    body = doc.element.body
    letter = [p for p in body.iterchildren() if p.tag == qn("w:p")]
    slots = [letter.index(p._p) for p in address]
    if len(people) > 1:
        last.add_run().add_break(WD_BREAK.PAGE)
    end = body.sectPr
    for n, person in enumerate(people[1:], start=1):
        copies = [deepcopy(p) for p in letter]
        lines = dict(zip(slots, _address_lines(person), strict=True))
        for slot, line in lines.items():
            copies[slot].findall(".//" + qn("w:t"))[0].text = xml_text(line)
        if n == len(people) - 1:  # no page break after the last letter
            for br in copies[-1].findall(".//" + qn("w:br")):
                br.getparent().remove(br)
        for i, p in enumerate(copies):
            if lines.get(i, True) == "":
                continue  # an empty line of the address block (no address2, no organization)
            if end is not None:
                end.addprevious(p)
            else:
                body.append(p)
    for slot, line in zip(slots, _address_lines(people[0]), strict=True):
        if not line:
            body.remove(letter[slot])
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
