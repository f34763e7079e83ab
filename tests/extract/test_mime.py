"""E-mail (.eml): Japanese charsets, transfer encodings, encoded names, nested messages, structured headers."""

from __future__ import annotations

import time
from email.message import EmailMessage
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mamori.extract import Limits, extract
from mamori.extract.mime import decode_header_value
from tests.extract import builders

BODY = "山田太郎様\n電話番号：０９０－１２３４－５６７８\n住所：東京都千代田区丸の内1-1 ①㈱髙"


def _raw(charset: str, cte: str, body: bytes, headers: str = "") -> bytes:
    head = (
        "From: a@example.jp\r\nTo: b@example.com\r\nSubject: test\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: {cte}\r\n{headers}\r\n"
    )
    return head.encode("ascii") + body


def body_text(result) -> str:
    return "\n".join(u.text for u in result.units if u.location.field == "body")


def test_japanese_message_structure() -> None:
    result = extract(builders.eml_japanese(), "m.eml")
    assert result.format == "eml" and result.complete
    m = result.message
    assert m is not None
    assert m.subject == "顧客名簿の件"
    assert [(a.name, a.address) for a in m.sender] == [("山田 太郎", "yamada@example.co.jp")]
    assert [(a.name, a.address) for a in m.to] == [("鈴木一郎", "suzuki@example.com"), ("", "sato@example.net")]
    assert [(a.name, a.address) for a in m.cc] == [("佐藤 花子①", "sato.hanako@example.org")]
    assert [a.address for a in m.recipients] == ["suzuki@example.com", "sato@example.net", "sato.hanako@example.org"]
    assert [a.filename for a in m.attachments] == ["顧客名簿.csv", "メモ.txt"]
    assert "090-1234-5678" in body_text(result)
    table = result.tables[0]
    assert table.location.path == ("顧客名簿.csv",)
    assert table.header == ("氏名", "電話番号")
    assert table.rows[0].cells == ("佐藤花子", "03-9876-5432")
    assert [u.text for u in result.iter_under(("メモ.txt",)) if u.kind == "text"] == ["メモ"]


@pytest.mark.parametrize(
    ("charset", "codec"),
    [
        ("iso-2022-jp", "iso2022_jp_ext"),
        ("shift_jis", "cp932"),  # labelled Shift_JIS, written by Windows with CP932 characters
        ("cp932", "cp932"),
        ("euc-jp", "euc_jp"),
        ("utf-8", "utf-8"),
    ],
)
@pytest.mark.parametrize("cte", ["base64", "quoted-printable", "8bit"])
def test_body_charsets_and_transfer_encodings(charset: str, codec: str, cte: str) -> None:
    import base64
    import quopri

    text = BODY if codec in ("cp932", "utf-8") else "山田太郎様\n電話番号：090-1234-5678\n住所：東京都千代田区丸の内"
    raw = text.encode(codec)
    if cte == "base64":
        raw = base64.encodebytes(raw)
    elif cte == "quoted-printable":
        raw = quopri.encodestring(raw)
    result = extract(_raw(charset, cte, raw), "m.eml")
    assert body_text(result) == text.strip()
    assert result.complete


def test_iso2022jp_with_nec_special_characters() -> None:
    # ① (NEC row 13, 0x2D21) inside ISO-2022-JP, as Outlook's CP50220 writes it
    raw = b"\x1b$B$3$s$K$A$O\x2d\x21\x1b(B"
    result = extract(_raw("iso-2022-jp", "7bit", raw), "m.eml")
    assert body_text(result) == "こんにちは①"


def test_mislabelled_charset_is_guessed() -> None:
    result = extract(_raw("us-ascii", "8bit", "山田太郎".encode("cp932")), "m.eml")
    assert body_text(result) == "山田太郎"


def test_unknown_charset_is_guessed() -> None:
    result = extract(_raw("x-unknown-charset", "8bit", "山田太郎".encode()), "m.eml")
    assert body_text(result) == "山田太郎"


def test_raw_8bit_headers_are_decoded() -> None:
    raw = (
        b"From: " + "山田 太郎".encode("cp932") + b" <y@example.jp>\r\n"
        b"To: x@example.com\r\nSubject: " + "見積書の送付".encode("cp932") + b"\r\n\r\nbody\r\n"
    )
    result = extract(raw, "m.eml")
    assert result.message.subject == "見積書の送付"
    assert result.message.sender[0].name == "山田 太郎"


def test_rfc2047_header_split_across_words() -> None:
    value = builders.ew("山田", "UTF-8", "utf-8") + "\r\n " + builders.ew("太郎", "UTF-8", "utf-8")
    assert decode_header_value(value) == "山田太郎"
    assert decode_header_value("=?ISO-2022-JP?B?broken?=") is not None


def test_rfc2231_filename_in_iso2022jp() -> None:
    msg = MIMEMultipart()
    msg["Subject"] = "x"
    part = MIMEText("本文", "plain", "utf-8")
    part.add_header("Content-Disposition", "attachment", filename=("iso-2022-jp", "ja", "履歴書.txt"))
    msg.attach(part)
    result = extract(msg.as_bytes(), "m.eml")
    assert [a.filename for a in result.message.attachments] == ["履歴書.txt"]
    assert [u.text for u in result.iter_under(("履歴書.txt",)) if u.kind == "text"] == ["本文"]


def test_nested_message_rfc822() -> None:
    inner = EmailMessage()
    inner["From"] = "tanaka@example.jp"
    inner["To"] = "kato@example.jp"
    inner["Subject"] = "転送元"
    inner.set_content("田中一郎 生年月日 1980年1月2日")
    outer = MIMEMultipart()
    outer["Subject"] = "Fwd"
    outer.attach(MIMEText("see below", "plain", "utf-8"))
    outer.attach(MIMEMessage(inner))
    result = extract(outer.as_bytes(), "m.eml")
    assert result.complete
    attached = result.message.attachments[0]
    assert attached.content_type == "message/rfc822"
    assert attached.message is not None and attached.message.subject == "転送元"
    assert attached.message.to[0].address == "kato@example.jp"
    inner_units = list(result.iter_under(attached.path))
    assert any("1980年1月2日" in u.text for u in inner_units)


def test_alternative_reads_one_version() -> None:
    msg = MIMEMultipart("alternative")
    msg["Subject"] = "x"
    msg.attach(MIMEText("山田太郎", "plain", "utf-8"))
    msg.attach(MIMEText("<p>山田太郎</p>", "html", "utf-8"))
    result = extract(msg.as_bytes(), "m.eml")
    assert [u.text for u in result.units if u.location.field == "body"] == ["山田太郎"]


def test_html_only_body_is_reduced_to_text() -> None:
    html = "<html><head><style>p{}</style></head><body><p>氏名：山田</p><a href='mailto:y@example.jp'>mail</a></body>"
    result = extract(_raw("utf-8", "8bit", html.encode()).replace(b"text/plain", b"text/html"), "m.eml")
    text = body_text(result)
    assert "氏名：山田" in text and "y@example.jp" in text and "p{}" not in text


def test_message_nesting_limit() -> None:
    msg = EmailMessage()
    msg["Subject"] = "bottom"
    msg.set_content("deep")
    for _ in range(10):
        outer = MIMEMultipart()
        outer["Subject"] = "level"
        outer.attach(MIMEMessage(msg))
        msg = outer
    result = extract(msg.as_bytes(), "deep.eml", limits=Limits(max_depth=4))
    assert "depth" in {i.code for i in result.issues}


def test_image_attachment_is_reported() -> None:
    from email.mime.image import MIMEImage

    msg = MIMEMultipart()
    msg["Subject"] = "photo"
    img = MIMEImage(builders.png(), "png")
    img.add_header("Content-Disposition", "attachment", filename="免許証.png")
    msg.attach(img)
    result = extract(msg.as_bytes(), "m.eml")
    assert [(i.code, i.location.path) for i in result.issues] == [("image", ("免許証.png",))]
    assert result.message.attachments[0].content_type == "image/png"


def test_sniffed_without_extension() -> None:
    result = extract(_raw("utf-8", "8bit", "本文".encode()), "message")
    assert result.format == "eml"


_SEEDS = [builders.eml_japanese(), _raw("iso-2022-jp", "base64", b"GyRCJDMkcyRLJEEkTxsoQg==\n")]


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_SEEDS), st.data())
def test_fuzz_mime_never_raises(seed: bytes, data: st.DataObject) -> None:
    buf = bytearray(seed)
    for _ in range(data.draw(st.integers(1, 12))):
        if not buf:
            break
        op = data.draw(st.integers(0, 2))
        pos = data.draw(st.integers(0, len(buf) - 1))
        if op == 0:
            buf[pos] = data.draw(st.integers(0, 255))
        elif op == 1:
            del buf[pos : pos + data.draw(st.integers(1, 64))]
        else:
            buf[pos:pos] = data.draw(st.sampled_from([b"=?", b"?=", b"\r\n", b"--", b"=?utf-8?B?", b"\x1b$B", b";"]))
    start = time.process_time()
    result = extract(bytes(buf), "fuzz.eml", limits=Limits(max_seconds=2))
    assert time.process_time() - start < 60  # hang guard
    assert result.format != "eml" or result.message is not None
    # readers handle their own failures: the dispatcher's catch-all never fires
    assert not [i for i in result.issues if i.message.startswith(("could not read this", "unexpected failure"))]


@settings(max_examples=150, deadline=None, database=None)
@given(st.text(max_size=300), st.sampled_from(["utf-8", "iso-2022-jp", "shift_jis", "euc-jp", "bogus"]))
def test_fuzz_headers_and_bodies(text: str, charset: str) -> None:
    raw = (
        f"Subject: =?{charset}?B?{text[:40]}?=\r\nFrom: {text[:60]}\r\nTo: {text[60:120]}\r\n"
        f"Content-Type: text/plain; charset={charset}\r\n\r\n{text}"
    ).encode("utf-8", "surrogatepass")
    result = extract(raw, "f.eml", limits=Limits(max_seconds=2))
    assert result.format == "eml"


def test_duplicate_attachment_names_get_distinct_paths() -> None:
    from email.mime.application import MIMEApplication

    msg = MIMEMultipart()
    msg["Subject"] = "x"
    for content in (b"first", b"second"):
        part = MIMEApplication(content, "octet-stream")
        part.add_header("Content-Disposition", "attachment", filename="a.txt")
        msg.attach(part)
    result = extract(msg.as_bytes(), "m.eml")
    paths = [a.path for a in result.message.attachments]
    assert paths == [("a.txt",), ("a.txt#2",)]
    assert [u.text for u in result.iter_under(("a.txt#2",)) if u.kind == "text"] == ["second"]


def test_smime_encrypted_part_is_reported() -> None:
    raw = (
        b"Subject: secret\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQA=\r\n"
    )
    result = extract(raw, "m.eml")
    assert {i.code for i in result.issues} == {"encrypted"}


def test_eml_attached_as_a_file_keeps_its_headers() -> None:
    from email.mime.application import MIMEApplication

    msg = MIMEMultipart()
    msg["Subject"] = "outer"
    part = MIMEApplication(builders.eml_japanese(), "octet-stream")
    part.add_header("Content-Disposition", "attachment", filename="original.eml")
    msg.attach(part)
    result = extract(msg.as_bytes(), "m.eml")
    attached = result.message.attachments[0]
    assert attached.message is not None and attached.message.subject == "顧客名簿の件"
    assert [a.filename for a in attached.message.attachments] == ["顧客名簿.csv", "メモ.txt"]
    assert result.tables[0].location.path == ("original.eml", "顧客名簿.csv")
