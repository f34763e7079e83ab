"""MIME the email library read only in part is an extraction issue ``corrupt`` at the part it concerns (the
message's own text for a body part or a container, the attachment for an attachment), with a ``detail`` naming what
is wrong; well-formed mail of every common shape records none."""

from __future__ import annotations

import base64
import quopri
from email.mime.application import MIMEApplication
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from mamori.extract import extract
from mamori.glossary import MIME_DAMAGE

HEAD = (
    "From: a@ours.example\r\nTo: b@alpha.example\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
    'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
    "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nご確認ください。\r\n"
).encode()
END = b"--b1--\r\n"
DATA = bytes(range(256)) * 40


def _part(body: bytes, name: str = "memo.bin", cte: str = "base64", ctype: str = "application/octet-stream") -> bytes:
    return (
        f"--b1\r\nContent-Type: {ctype}\r\nContent-Transfer-Encoding: {cte}\r\n"
        f'Content-Disposition: attachment; filename="{name}"\r\n\r\n'
    ).encode() + body + b"\r\n"


def _b64(data: bytes) -> bytes:
    return base64.encodebytes(data).replace(b"\n", b"\r\n")


def _damage(raw: bytes) -> list[tuple[tuple[str, ...], str]]:
    """(path, detail) of each ``corrupt`` issue with a detail."""
    ex = extract(raw, "m.eml")
    return [(i.location.path, i.detail) for i in ex.issues if i.code == "corrupt" and i.detail]


BROKEN = {
    "closing boundary missing": (HEAD + _part(_b64(DATA)), [((), "no_closing_boundary")]),
    "base64 outside its alphabet": (
        HEAD + _part(b"!!!!****@@@@%%%%" * 8) + END, [(("memo.bin",), "base64_characters")]
    ),
    "base64 cut short": (HEAD + _part(_b64(DATA).rstrip()[:-3]) + END, [(("memo.bin",), "base64_cut")]),
    "unknown transfer encoding": (HEAD + _part(DATA.hex().encode(), cte="x-hex") + END,
                                  [(("memo.bin",), "unknown_encoding")]),
    "message/partial": (
        HEAD + b'--b1\r\nContent-Type: message/partial; id="f1@x"; number=1; total=2\r\n\r\n'
        b"Subject: part\r\n\r\nhello\r\n" + END,
        [((), "partial")],
    ),
    "message/external-body": (
        HEAD + b'--b1\r\nContent-Type: message/external-body; access-type=URL; URL="http://x.example/a"\r\n\r\n'
        b"Content-Type: application/pdf\r\n\r\n" + END,
        [((), "external_body")],
    ),
    # the parser then keeps the whole multipart as one part, read as a file
    "boundary never appears": (HEAD.replace(b'boundary="b1"', b'boundary="zz"'), [(("part-1",), "no_start_boundary")]),
    "body base64 cut short": (
        b"From: a@ours.example\r\nTo: b@alpha.example\r\nSubject: s\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n" + _b64("ご確認ください。".encode()).rstrip()[:-1] + b"\r\n",
        [((), "base64_cut")],
    ),
    "a part's header cut": (
        HEAD + b"--b1\r\nContent-Type: application/pdf\r\nbroken header line without a colon\r\n"
        b"Content-Disposition: attachment; filename=\"x.pdf\"\r\n\r\n" + _b64(DATA) + END,
        [(("part-2",), "header_cut")],
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_defect_is_a_corrupt_issue_at_its_part(case: str) -> None:
    raw, expected = BROKEN[case]
    found = _damage(raw)
    assert found == expected
    assert all(detail in MIME_DAMAGE for _, detail in found)


def test_a_cut_message_inside_an_attached_message_is_that_attachment_s() -> None:
    inner = (
        b'From: c@x.example\r\nSubject: inner\r\nContent-Type: multipart/mixed; boundary="b2"\r\n\r\n'
        b"--b2\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b2\r\nContent-Type: application/pdf\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n" + _b64(DATA)
    )
    outer = HEAD + b'--b1\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename="fw.eml"' \
        b"\r\n\r\n" + inner + b"\r\n" + END
    assert _damage(outer) == [(("fw.eml",), "no_closing_boundary")]


def test_the_issue_never_quotes_content() -> None:
    secret = b"09012345678"
    raw = HEAD + _part(secret + b"!!!!", cte="x-" + secret.decode()) + END
    ex = extract(raw, "m.eml")
    assert [i for i in ex.issues if i.code == "corrupt"]
    assert all(secret.decode() not in i.message for i in ex.issues)


def _mixed(*parts) -> bytes:
    msg = MIMEMultipart()
    msg["From"], msg["To"], msg["Subject"] = "a@ours.example", "b@alpha.example", "s"
    for p in parts:
        msg.attach(p)
    return msg.as_bytes()


def _signed() -> bytes:
    """A real multipart/signed (S/MIME, detached PKCS#7 signature made with a throw-away key)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs7

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "a")])
    import datetime as dt

    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(1).not_valid_before(now).not_valid_after(now + dt.timedelta(days=1)).sign(key, hashes.SHA256())
    )
    content = MIMEText("ご確認ください。", "plain", "utf-8").as_bytes().replace(b"\n", b"\r\n")
    signed = (
        pkcs7.PKCS7SignatureBuilder().set_data(content).add_signer(cert, key, hashes.SHA256())
        .sign(serialization.Encoding.SMIME, [pkcs7.PKCS7Options.DetachedSignature])
    )
    return b"From: a@ours.example\r\nTo: b@alpha.example\r\nSubject: s\r\n" + signed


def _qp_stray() -> bytes:
    body = quopri.encodestring("ご確認ください。".encode()) + b" 100%=off and a = sign=\r\n"
    return (
        b"From: a@ours.example\r\nTo: b@alpha.example\r\nSubject: s\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\n" + body
    )


VALID = {
    "base64 with line breaks": lambda: _mixed(MIMEText("本文", "plain", "utf-8"), MIMEApplication(DATA, Name="a.bin")),
    "base64 with CRLF and trailing spaces": lambda: HEAD + _part(_b64(DATA).replace(b"\r\n", b" \r\n")) + END,
    "8bit": lambda: HEAD + _part("名簿です".encode(), "a.txt", "8bit", "text/plain; charset=utf-8") + END,
    "quoted-printable with a stray '='": _qp_stray,
    "nested message/rfc822": lambda: _mixed(
        MIMEText("本文", "plain", "utf-8"), MIMEMessage(MIMEText("内側", "plain", "utf-8"))
    ),
    "multipart/signed": _signed,
    "x-uuencode": lambda: HEAD + _part(b"begin 644 a.txt\r\n#86)C\r\n`\r\nend\r\n", cte="x-uuencode") + END,
}


@pytest.mark.parametrize("case", sorted(VALID))
def test_well_formed_mail_records_none(case: str) -> None:
    raw = VALID[case]()
    ex = extract(raw, "m.eml")
    assert [i for i in ex.issues if i.code == "corrupt"] == [], ex.issues
