"""Capitalised abbreviations standing alone in Japanese text (NHK, JASRAC) and club prefixes (FCバルセロナ)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer
from mamori.detect.recognizers.organization.known_names import known_names
from mamori.detect.recognizers.organization.name_run import char_class, katakana_tail
from mamori.detect.recognizers.organization.stop_words import words

_ACRONYM_RE = re.compile(r"[A-Z][A-Z&]{1,5}(?![A-Za-z0-9@_/-])")  # the character before is checked in find
# Capitalised abbreviations that are not organisations (labels, units, formats, common terms).
_ACRONYM_STOP = words(
    "TEL FAX JAN ID PDF URL OK NG CD DVD PC IT AI TV DJ MC CM PR QR QA FAQ USB LAN WAN SNS PIN PW CC BCC RE FW FWD "
    "JPY USD EUR GBP CNY KRW AM PM GB MB KB TB HD HDD SSD CPU GPU OS APP API CSV XLS XLSX DOC DOCX PPT TXT ZIP HTML "
    "HTTP HTTPS WWW NO NA TBD ASAP FYI MR MS MRS DR JR CEO CFO CTO COO VP GM PM SE PG IR HR ERP CRM SDK IOT DX "
    "LED LCD GPS ATM ETC VIP DM SMS MMS LINE ICT SES GDP UFJ SBI SMBC UK US USA EU LTD INC CO KK LLC AD BC GT RPG "
    "FPS CG BGM OP ED OVA SF EP LP MV PV ST CT MRI DNA RNA HIV AIDS COVID PCR ICU ER AED NPO NGO OB OG"
)


_CLUB_PREFIXES = words("FC AC AS US CD SC SS SV CF RC RB UD CA SE KV FK NK SL TSG VFB VFL")


def _right_kata(norm: str, e: int) -> int:
    f = e
    while f < len(norm) and f - e < 20 and char_class(norm[f]) == 2:
        f += 1
    return f


class AcronymOrganizationRecognizer(Recognizer):
    """Capitalised abbreviations standing alone in Japanese text (NHK, JASRAC), a weak cue."""

    name = "organization_acronym"
    entities = ("ORGANIZATION",)
    languages = frozenset({"ja"})

    def find(self, doc: Document) -> Iterator[Finding]:
        norm = doc.norm
        for m in _ACRONYM_RE.finditer(norm):
            word = m.group()
            if word in _ACRONYM_STOP:
                continue
            s, e = m.span()
            if s > 0 and (norm[s - 1] in "@._/-" or (norm[s - 1].isascii() and norm[s - 1].isalnum())):
                continue
            if s > 0 and char_class(norm[s - 1]) in (1, 2):
                continue  # 川崎DF: part of a longer name or title
            if e < len(norm) and char_class(norm[e]) in (1, 2):
                if word in _CLUB_PREFIXES and char_class(norm[e]) == 2:
                    e = katakana_tail(norm, _right_kata(norm, e))  # FCバルセロナ, ASローマ
                    yield self.finding(doc, "ORGANIZATION", s, e, 0.6)
                continue  # NHK紅白, PSVハーメルン: part of a longer name or title
            # TARO YAMADA, A B C: part of a run of Latin words; "TEL:" labels
            if norm[e : e + 1] == ":" or (norm[e : e + 2][1:2].isalpha() and norm[e : e + 1] == " "):
                continue
            if s >= 2 and norm[s - 1] == " " and norm[s - 2].isascii() and norm[s - 2].isalpha():
                continue
            yield self.finding(doc, "ORGANIZATION", s, e, 0.6 if word in known_names() else 0.5)
