"""Issue 17, items 1-6: an 80-row customer list hidden in a message the way a careless or dishonest sender would.

Every trick is built here (the ``email`` package, zipfile with a patched method field, generated PDFs) and judged by
the real guard through the entry point ``mamori check`` uses (``runner.check_file`` on a file, policy, contacts and
history loaded from files). None may end in allow or confirm without a data reason; a harmless mail to the same
contact stays ``confirm``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import io
import struct
import zipfile
import zlib
from email import encoders
from email.header import Header
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr
from pathlib import Path

import pytest
from click.testing import CliRunner

from mamori.guard import load_contacts, load_history, load_policy
from mamori.guard.runner import check_file

DATA_REASONS = {"bulk_pii", "pii_in_attachment", "sensitive_pii", "unscannable_attachment"}
SENDER = "中村 三郎 <s.nakamura@ours.example>"
CONTACT = "佐藤 太郎 <t.sato@alpha.example>"
GREETING = "株式会社アルファ\n佐藤様\n\nいつもお世話になっております。資料をお送りします。\n\n--\n株式会社自社\n中村\n"
POLICY = '[organization]\nname = "株式会社自社"\ninternal_domains = ["ours.example"]\n'
CONTACTS = (
    "name,kana,email,organization\n"
    "佐藤 太郎,サトウ タロウ,t.sato@alpha.example,株式会社アルファ\n"
    "中村 三郎,ナカムラ サブロウ,s.nakamura@ours.example,株式会社自社\n"
)
HISTORY = '{"date": "2026-01-01", "from": "s.nakamura@ours.example", "to": ["t.sato@alpha.example"]}\n'

_SURNAMES = ["山田", "鈴木", "高橋", "田中", "伊藤", "渡辺", "小林", "加藤", "吉田", "山本"]
_GIVEN = ["太郎", "花子", "一郎", "直樹", "美咲", "健太", "陽子", "翔太"]


def customers() -> list[tuple[str, str, str, str]]:
    """80 customers: name, phone, address, birth date (all made up)."""
    return [
        (
            f"{_SURNAMES[i % 10]} {_GIVEN[i % 8]}",
            f"090-{1200 + i:04d}-{5600 + i * 3:04d}",
            f"東京都架空区見本町{i + 1}-{i % 9 + 1}-3",
            f"{1960 + i % 40}/{i % 12 + 1:02d}/{i % 27 + 1:02d}",
        )
        for i in range(80)
    ]


def csv_bytes() -> bytes:
    lines = ["氏名,電話番号,住所,生年月日"] + [",".join(r) for r in customers()]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def list_lines() -> list[str]:
    return [" ".join(r) for r in customers()]


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("world")
    (root / "mamori.toml").write_text(POLICY, encoding="utf-8")
    (root / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    (root / "history.jsonl").write_text(HISTORY, encoding="utf-8")
    from mamori.detect.detector import default_detector

    return {
        "root": root,
        "policy": load_policy(root / "mamori.toml"),
        "directory": load_contacts(root / "contacts.csv"),
        "history": load_history(root / "history.jsonl"),
        "detector": default_detector(),
    }


def judge_file(world: dict, raw: bytes, policy_text: str | None = None):
    path: Path = world["root"] / "message.eml"
    path.write_bytes(raw)
    policy = world["policy"]
    if policy_text is not None:
        from mamori.guard.policy import parse_policy

        policy = parse_policy(policy_text)
    out = check_file(path, policy, world["directory"], world["history"], world["detector"])
    assert out.verdict is not None, out.error
    return out.verdict


def assert_caught(verdict) -> set[str]:
    codes = {r.code for r in verdict.reasons}
    held = {r.code for r in verdict.reasons if r.severity in ("hold", "block")}
    assert verdict.action in ("hold", "block"), (verdict.action, codes)
    assert held & DATA_REASONS, codes
    return codes


def headers(msg) -> None:
    if isinstance(msg, EmailMessage):
        msg["From"], msg["To"], msg["Subject"] = SENDER, CONTACT, "資料送付"
        return
    for field, value in (("From", SENDER), ("To", CONTACT)):  # compat32: only the display name encoded
        name, _, address = value.partition(" <")
        msg[field] = formataddr((name, address.rstrip(">")), charset="utf-8")
    msg["Subject"] = Header("資料送付", "utf-8")


def plain_mail(body: str = GREETING) -> EmailMessage:
    e = EmailMessage()
    headers(e)
    e.set_content(body)
    return e


# --- the baseline: a harmless mail stays confirm, the plain CSV is bulk -------------------------------------------


def test_harmless_mail_to_the_contact_stays_confirm(world):
    v = judge_file(world, bytes(plain_mail()))
    assert v.action == "confirm" and {r.code for r in v.reasons} == {"external_recipient"}


def test_plain_csv_is_bulk(world):
    e = plain_mail()
    e.add_attachment(csv_bytes(), maintype="text", subtype="csv", filename="customers.csv")
    assert "bulk_pii" in assert_caught(judge_file(world, bytes(e)))


def test_the_cli_check_command_holds_a_trick(world):
    """The command itself, end to end, on one of the tricks (the CSV as a signature part)."""
    from mamori.cli import main

    path = world["root"] / "cli.eml"
    path.write_bytes(bytes(_signed_with(csv_bytes(), "application", "pkcs7-signature", "smime.p7s")))
    root = world["root"]
    args = ["check", str(path), "--policy", str(root / "mamori.toml"), "--contacts", str(root / "contacts.csv")]
    result = CliRunner().invoke(main, [*args, "--history", str(root / "history.jsonl")])
    assert result.exit_code == 0, result.output
    assert '"action": "hold"' in result.output and "bulk_pii" in result.output


# --- 1. multipart/alternative -----------------------------------------------------------------------------------


def test_list_in_the_html_alternative(world):
    alt = MIMEMultipart("alternative")
    headers(alt)
    alt.attach(MIMEText(GREETING, "plain", "utf-8"))
    rows = "".join(f"<tr><td>{'</td><td>'.join(r)}</td></tr>" for r in customers())
    alt.attach(MIMEText(f"<html><body><p>佐藤様</p><table>{rows}</table></body></html>", "html", "utf-8"))
    assert_caught(judge_file(world, alt.as_bytes()))


def test_list_in_an_html_comment(world):
    alt = MIMEMultipart("alternative")
    headers(alt)
    alt.attach(MIMEText(GREETING, "plain", "utf-8"))
    hidden = "\n".join(list_lines())
    alt.attach(MIMEText(f"<html><body><p>佐藤様</p><!--\n{hidden}\n--></body></html>", "html", "utf-8"))
    assert_caught(judge_file(world, alt.as_bytes()))


def test_phone_list_in_the_html_alternative_counts_as_own_text(world):
    alt = MIMEMultipart("alternative")
    headers(alt)
    alt.attach(MIMEText(GREETING, "plain", "utf-8"))
    phones = "".join(f"<p>{r[1]}</p>" for r in customers())  # numbers only, no names beside them
    alt.attach(MIMEText(f"<html><body><p>佐藤様</p>{phones}</body></html>", "html", "utf-8"))
    assert "bulk_pii" in assert_caught(judge_file(world, alt.as_bytes()))


@pytest.mark.parametrize("kind", ["pgp", "smime"])
def test_encrypted_message_is_held(world, kind):
    if kind == "pgp":
        outer = MIMEMultipart("encrypted", protocol="application/pgp-encrypted")
        outer.attach(MIMEApplication(b"Version: 1\n", "pgp-encrypted"))
        outer.attach(MIMEApplication(b"-----BEGIN PGP MESSAGE-----\n\nhQEMA\n-----END PGP MESSAGE-----\n"))
    else:
        outer = MIMEApplication(b"\x30\x80\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x03", "pkcs7-mime")
        outer.set_param("smime-type", "enveloped-data")
    headers(outer)
    v = judge_file(world, outer.as_bytes())
    assert "unscannable_attachment" in assert_caught(v)


def test_csv_attached_inside_the_alternative(world):
    alt = MIMEMultipart("alternative")
    headers(alt)
    alt.attach(MIMEText(GREETING, "plain", "utf-8"))
    mixed = MIMEMultipart("mixed")
    mixed.attach(MIMEText("<p>佐藤様</p>", "html", "utf-8"))
    part = MIMEApplication(csv_bytes(), "octet-stream")
    part.add_header("Content-Disposition", "attachment", filename="customers.csv")
    mixed.attach(part)
    alt.attach(mixed)
    assert "bulk_pii" in assert_caught(judge_file(world, alt.as_bytes()))


def test_html_alternative_of_the_same_text_is_not_counted_twice(world):
    alt = MIMEMultipart("alternative")
    headers(alt)
    alt.attach(MIMEText(GREETING, "plain", "utf-8"))
    alt.attach(MIMEText("<html><body>" + GREETING.replace("\n", "<br>") + "</body></html>", "html", "utf-8"))
    v = judge_file(world, alt.as_bytes())
    assert v.action == "confirm" and {r.code for r in v.reasons} == {"external_recipient"}


# --- 2. parts typed as signatures -------------------------------------------------------------------------------


def _signed_with(payload: bytes, maintype: str, subtype: str, filename: str, body: str = GREETING) -> MIMEMultipart:
    protocol = f"{maintype}/{subtype}"
    signed = MIMEMultipart("signed", protocol=protocol, micalg="sha-256")
    headers(signed)
    signed.attach(MIMEText(body, "plain", "utf-8"))
    sig = MIMEBase(maintype, subtype, name=filename)
    sig.set_payload(payload)
    encoders.encode_base64(sig)
    sig.add_header("Content-Disposition", "attachment", filename=filename)
    signed.attach(sig)
    return signed


@pytest.mark.parametrize(
    ("subtype", "filename"),
    [("pkcs7-signature", "smime.p7s"), ("x-pkcs7-signature", "smime.p7s"), ("pgp-signature", "signature.asc")],
)
def test_csv_declared_as_a_signature(world, subtype, filename):
    assert_caught(judge_file(world, _signed_with(csv_bytes(), "application", subtype, filename).as_bytes()))


def _real_pkcs7_signature(content: bytes, *, detached: bool = True) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs7
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mamori test signer")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    options = [pkcs7.PKCS7Options.Binary] + ([pkcs7.PKCS7Options.DetachedSignature] if detached else [])
    builder = pkcs7.PKCS7SignatureBuilder().set_data(content).add_signer(cert, key, hashes.SHA256())
    return builder.sign(serialization.Encoding.DER, options)


def _pgp_signature() -> bytes:
    """An ASCII-armoured OpenPGP signature packet (v4, made-up values: its structure is what is checked)."""
    hashed = b"\x00\x06" + b"\x05\x02" + struct.pack(">I", 1_700_000_000)
    body = b"\x04\x00\x01\x08" + hashed + b"\x00\x0a\x09\x10" + b"\x11" * 8 + b"\xab\xcd" + b"\x08\x00" + b"\x5a" * 256
    packet = b"\x89" + struct.pack(">H", len(body)) + body
    crc = 0xB704CE
    for byte in packet:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    armour = base64.encodebytes(packet).decode()
    tail = "=" + base64.b64encode((crc & 0xFFFFFF).to_bytes(3, "big")).decode()
    return f"-----BEGIN PGP SIGNATURE-----\n\n{armour}{tail}\n-----END PGP SIGNATURE-----\n".encode()


def test_real_signatures_stay_skipped(world):
    from mamori.extract.signature import is_real_signature

    p7s = _real_pkcs7_signature(GREETING.encode())
    asc = _pgp_signature()
    assert is_real_signature(p7s) and is_real_signature(asc)
    for payload, subtype, name in ((p7s, "pkcs7-signature", "smime.p7s"), (asc, "pgp-signature", "signature.asc")):
        v = judge_file(world, _signed_with(payload, "application", subtype, name).as_bytes())
        assert v.action == "confirm" and {r.code for r in v.reasons} == {"external_recipient"}, v.reasons


def test_a_signature_carrying_the_list_is_not_a_signature(world):
    from mamori.extract.signature import is_real_signature

    opaque = _real_pkcs7_signature(csv_bytes(), detached=False)  # signedData with the list as its content
    assert not is_real_signature(opaque)
    assert not is_real_signature(_real_pkcs7_signature(b"x") + csv_bytes())  # bytes after a signature
    v = judge_file(world, _signed_with(opaque, "application", "pkcs7-signature", "smime.p7s").as_bytes())
    assert "bulk_pii" in assert_caught(v)  # what it carries is read


def _opaque_signed(entity: bytes) -> bytes:
    """A message signed the opaque way (smime-type=signed-data): the signed MIME entity inside the signature."""
    part = MIMEApplication(_real_pkcs7_signature(entity, detached=False), "pkcs7-mime", name="smime.p7m")
    part.set_param("smime-type", "signed-data")
    part.add_header("Content-Disposition", "attachment", filename="smime.p7m")
    headers(part)
    return part.as_bytes()


def test_opaque_signed_mail_is_read(world):
    harmless = MIMEText(GREETING, "plain", "utf-8").as_bytes()
    v = judge_file(world, _opaque_signed(harmless))
    assert v.action == "confirm" and {r.code for r in v.reasons} == {"external_recipient"}, v.reasons
    with_list = MIMEMultipart("mixed")
    with_list.attach(MIMEText(GREETING, "plain", "utf-8"))
    csv_part = MIMEApplication(csv_bytes(), "octet-stream")
    csv_part.add_header("Content-Disposition", "attachment", filename="customers.csv")
    with_list.attach(csv_part)
    assert "bulk_pii" in assert_caught(judge_file(world, _opaque_signed(with_list.as_bytes())))


# --- 3. declared type not believed -------------------------------------------------------------------------------


def test_csv_sent_as_a_jpeg(world):
    e = plain_mail()
    e.add_attachment(csv_bytes(), maintype="image", subtype="jpeg", filename="photo.jpg")
    assert_caught(judge_file(world, bytes(e)))


def test_list_after_a_png_header(world):
    from tests.extract.builders import png

    e = plain_mail()
    e.add_attachment(png() + b"\n" + csv_bytes(), maintype="image", subtype="png", filename="photo.png")
    assert_caught(judge_file(world, bytes(e)))


def test_zip_appended_to_a_png(world):
    from tests.extract.builders import png, zip_of

    e = plain_mail()
    polyglot = png() + zip_of({"customers.csv": csv_bytes()})
    e.add_attachment(polyglot, maintype="image", subtype="png", filename="photo.png")
    assert_caught(judge_file(world, bytes(e)))


def test_list_compressed_in_a_png_text_chunk(world):
    from tests.extract.builders import png

    body = b"Comment\x00\x00" + zlib.compress(csv_bytes())
    chunk = struct.pack(">I", len(body)) + b"zTXt" + body + struct.pack(">I", zlib.crc32(b"zTXt" + body))
    image = png()
    e = plain_mail()
    e.add_attachment(image[:33] + chunk + image[33:], maintype="image", subtype="png", filename="photo.png")
    assert "bulk_pii" in assert_caught(judge_file(world, bytes(e)))


def test_a_real_image_is_not_held(world):
    from tests.extract.builders import png

    e = plain_mail()
    e.add_attachment(png(), maintype="image", subtype="png", filename="logo.png")
    v = judge_file(world, bytes(e))
    assert v.action == "confirm"  # the picture is not read: said at confirm ([unscannable] image), not hidden
    assert any(r.code == "unscannable_attachment" and "image" in r.evidence for r in v.reasons)


# --- 4. encoded wrappers ----------------------------------------------------------------------------------------


def _forwarded(cte: str) -> bytes:
    inner = EmailMessage()
    inner["From"] = "営業 <sales@ours.example>"
    inner["To"] = SENDER
    inner["Subject"] = "顧客リスト"
    inner.set_content("顧客リストです。")
    inner.add_attachment(csv_bytes(), maintype="text", subtype="csv", filename="customers.csv")
    encoded = base64.encodebytes(bytes(inner)) if cte == "base64" else bytes(inner)
    boundary = "==mamori-fwd=="
    head = f"From: {SENDER}\r\nTo: {CONTACT}\r\nSubject: Fw: 顧客リスト\r\nMIME-Version: 1.0\r\n"
    return (
        head.encode()
        + f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n--{boundary}\r\n'.encode()
        + b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
        + GREETING.encode()
        + f"\r\n--{boundary}\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: {cte}\r\n\r\n".encode()
        + encoded
        + f"\r\n--{boundary}--\r\n".encode()
    )


def test_forwarded_message_in_base64(world):
    assert "bulk_pii" in assert_caught(judge_file(world, _forwarded("base64")))


def test_forwarded_message_plain_still_read(world):
    assert "bulk_pii" in assert_caught(judge_file(world, _forwarded("8bit")))


def _uuencode(name: str, data: bytes) -> str:
    lines = [f"begin 644 {name}"]
    lines += [binascii.b2a_uu(data[i : i + 45]).decode().rstrip("\n") for i in range(0, len(data), 45)]
    return "\n".join([*lines, "`", "end"]) + "\n"


def test_uuencoded_file_in_the_body(world):
    e = plain_mail(GREETING.split("--")[0] + _uuencode("customers.csv", csv_bytes()))
    codes = assert_caught(judge_file(world, bytes(e)))
    assert "bulk_pii" in codes


def test_base64_file_pasted_in_the_body(world):
    e = plain_mail(GREETING.split("--")[0] + base64.encodebytes(csv_bytes()).decode())
    assert "bulk_pii" in assert_caught(judge_file(world, bytes(e)))


def test_inline_pgp_signature_in_the_body_is_not_held(world):
    armoured = _pgp_signature().decode()
    body = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n" + GREETING + armoured
    v = judge_file(world, bytes(plain_mail(body)))
    assert v.action == "confirm" and {r.code for r in v.reasons} == {"external_recipient"}, v.reasons


# --- 5. records on one line ---------------------------------------------------------------------------------------


def test_records_joined_on_one_line(world):
    body = "株式会社アルファ\n佐藤様\n\n名簿です。\n" + " / ".join(list_lines()) + "\n"
    assert "bulk_pii" in assert_caught(judge_file(world, bytes(plain_mail(body))))


def test_records_joined_on_one_line_in_a_text_attachment(world):
    e = plain_mail()
    e.add_attachment(" / ".join(list_lines()).encode(), maintype="text", subtype="plain", filename="memo.txt")
    assert "bulk_pii" in assert_caught(judge_file(world, bytes(e)))


def test_list_below_the_signature_mark(world):
    body = "佐藤様\n\n資料です。\n-- \n中村\n\n" + "\n".join(list_lines()) + "\n"
    assert_caught(judge_file(world, bytes(plain_mail(body))))


def test_list_after_a_thousand_lines(world):
    body = "佐藤様\n\n" + "ご確認ください。\n" * 1000 + "\n".join(list_lines()) + "\n"
    assert_caught(judge_file(world, bytes(plain_mail(body))))


# --- 6. inspection that stopped early -----------------------------------------------------------------------------


def _long_pdf(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for _ in range(pages - 2):
        c.drawString(72, 760, "Product catalogue page")
        c.showPage()
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
    lines = list_lines()
    for chunk in (lines[:40], lines[40:]):
        c.setFont("HeiseiMin-W3", 9)
        for i, line in enumerate(chunk):
            c.drawString(40, 800 - 19 * i, line)
        c.showPage()
    c.save()
    return buf.getvalue()


def test_list_on_the_last_pages_of_a_600_page_pdf(world):
    e = plain_mail()
    e.add_attachment(_long_pdf(600), maintype="application", subtype="pdf", filename="catalogue.pdf")
    v = judge_file(world, bytes(e))
    codes = assert_caught(v)
    assert "unscannable_attachment" in codes
    reason = next(r for r in v.reasons if r.code == "unscannable_attachment")
    assert "pages" in reason.evidence and "pages" in reason.detail  # it says what stopped it
    lowered = POLICY + '[unscannable]\npages = "confirm"\n'
    v = judge_file(world, bytes(e), lowered)
    assert v.action == "confirm" and any(r.code == "unscannable_attachment" for r in v.reasons)  # never silent


def _zip_with_method(method: int) -> bytes:
    """A ZIP whose one member says it is compressed with ``method`` (9 Deflate64, 93 Zstandard): the field patched
    in the local header and the central directory, as a tool that writes those methods would leave it."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("customers.csv", csv_bytes())
    data = bytearray(buf.getvalue())
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, local + 8, method)
    struct.pack_into("<H", data, central + 10, method)
    return bytes(data)


@pytest.mark.parametrize("method", [9, 93])
def test_zip_with_an_unknown_method(world, method):
    e = plain_mail()
    e.add_attachment(_zip_with_method(method), maintype="application", subtype="zip", filename="customers.zip")
    v = judge_file(world, bytes(e))
    assert "unscannable_attachment" in assert_caught(v)
    reason = next(r for r in v.reasons if r.code == "unscannable_attachment")
    assert "unsupported archive" in reason.evidence


def test_unknown_binary_and_encrypted_zip_are_held(world):
    from tests.extract.builders import encrypted_zip

    for payload, name in ((zlib.compress(csv_bytes()), "data.bin"), (encrypted_zip(), "secret.zip")):
        e = plain_mail()
        e.add_attachment(payload, maintype="application", subtype="octet-stream", filename=name)
        assert "unscannable_attachment" in assert_caught(judge_file(world, bytes(e)))


def test_unscannable_policy_rejects_unknown_causes():
    from mamori.guard.policy import PolicyError, parse_policy

    with pytest.raises(PolicyError, match=r"unscannable\.pagez"):
        parse_policy(POLICY + '[unscannable]\npagez = "confirm"\n')
    with pytest.raises(PolicyError, match=r"unscannable\.pages"):
        parse_policy(POLICY + '[unscannable]\npages = "ignore"\n')
