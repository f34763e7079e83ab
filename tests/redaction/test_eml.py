"""E-mail: bodies, subject and display names masked; other headers, MIME structure and attachments kept."""

from __future__ import annotations

import email
import io
import zipfile
from email import policy
from email.message import EmailMessage

import pytest

from mamori.redaction import RedactionError, redact
from tests.redaction.conftest import EMAIL, EN_NAME, NAME, PHONE
from tests.redaction.test_docx import _build as build_docx

RECEIVED = "from mx.example.org (mx.example.org [192.0.2.1]) by mail.example.co.jp with ESMTP id abc123"
DKIM = "v=1; a=rsa-sha256; d=example.co.jp; s=sel; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=dGVzdA=="
PDF = b"%PDF-1.4\n% " + NAME.encode() + b"\n%%EOF\n"


def _build(charset: str = "utf-8") -> bytes:
    msg = EmailMessage()
    msg["Received"] = RECEIVED
    msg["DKIM-Signature"] = DKIM
    msg["From"] = f"{NAME} <{EMAIL}>"
    msg["To"] = f"{EN_NAME} <john@example.org>, plain@example.org"
    msg["Subject"] = f"{NAME}様の件"
    msg["Message-ID"] = "<1@example.co.jp>"
    msg.set_content(f"お問い合わせは{NAME}（{PHONE}）まで。\nよろしくお願いします。\n", charset=charset)
    msg.add_alternative(
        f'<html><body><p style="color:red">担当: <b>{NAME[:2]}</b>{NAME[2:]}</p>'
        f'<p><a href="mailto:{EMAIL}">{EMAIL}</a> &amp; 会議</p></body></html>',
        subtype="html",
    )
    msg.add_attachment(
        build_docx(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="letter.docx",
    )
    msg.add_attachment(PDF, maintype="application", subtype="pdf", filename="scan.pdf")
    return msg.as_bytes()


def _parts(data: bytes) -> EmailMessage:
    return email.message_from_bytes(data, _class=EmailMessage, policy=policy.default)


def _everything(msg: EmailMessage) -> str:
    """Decoded headers, text bodies and the XML inside Office attachments, as one string."""
    out: list[str] = []
    for part in msg.walk():
        out.extend(str(v) for _, v in part.items())
        if part.is_multipart():
            continue
        if part.get_content_maintype() == "text":
            out.append(part.get_content())
        else:
            data = part.get_payload(decode=True)
            if data.startswith(b"PK"):
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    out.extend(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    return "\n".join(out)


def test_round_trip(detector) -> None:
    source = _build()
    assert NAME in _everything(_parts(source))
    result = redact(source, "mail.eml", detector)
    msg = _parts(result.data)
    text = _everything(msg)
    for value in (NAME, PHONE, EN_NAME):
        assert value not in text
    assert text.count(EMAIL) == 1  # only the From address itself, which is kept
    assert NAME.encode() not in result.data.split(b"%PDF")[0]
    before = _parts(source)
    assert [p.get_content_type() for p in msg.walk()] == [p.get_content_type() for p in before.walk()]
    assert msg["Received"] == RECEIVED and msg["DKIM-Signature"] == DKIM and msg["Message-ID"] == "<1@example.co.jp>"
    assert msg["Subject"].endswith("様の件") and msg["From"].addresses[0].addr_spec == EMAIL
    assert [a.addr_spec for a in msg["To"].addresses] == ["john@example.org", "plain@example.org"]
    plain, html = (p.get_content() for p in msg.walk() if p.get_content_maintype() == "text")
    assert "よろしくお願いします。" in plain
    assert '<p style="color:red">担当: <b>山田</b>■■</p>' in html and "&amp; 会議" in html
    attachments = list(msg.iter_attachments())
    assert [a.get_filename() for a in attachments] == ["letter.docx", "scan.pdf"]
    assert attachments[1].get_payload(decode=True) == PDF  # kept as it was, and reported
    assert result.skipped == ["attachment 3 (application/pdf): not redacted (unsupported type)"]


def test_iso_2022_jp_body_keeps_charset(detector) -> None:
    msg = EmailMessage()
    msg["From"] = "a@example.org"
    msg["Subject"] = "test"
    msg.set_content(f"担当: {NAME}\n電話: {PHONE}\n", charset="iso-2022-jp")
    result = redact(msg.as_bytes(), "mail.eml", detector)
    out = _parts(result.data)
    assert out.get_content_charset() == "iso-2022-jp"
    body = out.get_content()
    assert NAME not in body and PHONE not in body and body.startswith("担当: 山田■■")


def test_types_limit(detector) -> None:
    result = redact(_build(), "mail.eml", detector, types=["PHONE"])
    text = _everything(_parts(result.data))
    assert PHONE not in text and EMAIL in text and f"{NAME}様の件" in text


def test_attached_message_redacted(detector) -> None:
    inner = EmailMessage()
    inner["From"] = "a@example.org"
    inner["Subject"] = "fwd"
    inner.set_content(f"電話: {PHONE}\n")
    outer = EmailMessage()
    outer["From"] = "b@example.org"
    outer["Subject"] = "see attached"
    outer.set_content("please see the attached message\n")
    outer.add_attachment(inner)
    out = redact(outer.as_bytes(), "mail.eml", detector)
    assert PHONE not in _everything(_parts(out.data)) and out.masked == {"PHONE": 1}


def test_not_a_message(detector) -> None:
    with pytest.raises(RedactionError):
        redact(b"\x00\x01 just bytes", "mail.eml", detector)


def test_text_attachment_and_its_name(detector) -> None:
    msg = EmailMessage()
    msg["From"] = "a@example.org"
    msg["Subject"] = "x"
    msg.set_content("see attached\n")
    msg.add_attachment(f"電話: {PHONE}\n".encode(), maintype="text", subtype="plain", filename=f"{NAME}_連絡先.txt")
    result = redact(msg.as_bytes(), "mail.eml", detector)
    attachment = next(_parts(result.data).iter_attachments())
    assert attachment.get_filename() == "山田■■_連絡先.txt"
    assert attachment.get_payload(decode=True).decode() == "電話: 090-****-****\n"
    assert result.masked == {"PERSON": 1, "PHONE": 1} and result.skipped == []
