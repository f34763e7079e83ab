"""The MIME/extract fuzz target (issue 17): hostile messages and files built by hypothesis, fed to ``extract`` and
to the guard's ``message_from_eml`` + ``judge``; neither may raise (a broken input is an issue, never a crash).

The normal test run does a short pass with a fixed seed (``derandomize``), so CI is repeatable. ``make fuzz`` runs
a long, randomised pass: ``MAMORI_FUZZ_EXAMPLES`` sets the number of inputs per target (the examples that fail are
kept in ``.hypothesis/`` and replayed first). Every crash found becomes a regression test below (``@example`` or a
test of its own).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import io
import os
import quopri
import struct
import zipfile

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mamori.extract import extract
from mamori.extract.embedded import find_base64_runs, find_uuencoded
from mamori.extract.signature import is_real_signature, signed_content
from mamori.guard.attachments import guard_limits
from mamori.guard.engine import message_from_eml

LONG = int(os.environ.get("MAMORI_FUZZ_EXAMPLES", "0"))
settings.register_profile(
    "mamori-ci",
    max_examples=40,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "mamori-long",
    max_examples=max(LONG, 1),
    derandomize=False,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile("mamori-long" if LONG else "mamori-ci")

CSV = "氏名,電話番号,住所\n山田 太郎,090-1234-5678,東京都架空区見本町1-2-3\n".encode()
TYPES = [
    "text/plain",
    "text/html",
    "text/csv",
    "image/jpeg",
    "image/png",
    "application/octet-stream",
    "application/zip",
    "application/pdf",
    "application/pkcs7-signature",
    "application/pgp-signature",
    "application/pkcs7-mime",
    "application/pkcs7-mime; smime-type=signed-data",
    "message/rfc822",
    "application/vnd.ms-outlook",
]
MULTIPART = ["mixed", "alternative", "related", "signed", "encrypted", "digest", "report"]
CTES = ["7bit", "8bit", "base64", "quoted-printable", "x-uuencode", "binary", "bogus"]
CHARSETS = ["utf-8", "iso-2022-jp", "shift_jis", "euc-jp", "cp932", "x-unknown", ""]
NAMES = ["customers.csv", "photo.jpg", "smime.p7s", "a.zip", "x.eml", "名簿.xlsx", "", "..\\..\\a", "a\x00b.txt"]


def _zip(members: dict[str, bytes], method: int | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    out = bytearray(buf.getvalue())
    if method is not None and out.startswith(b"PK\x03\x04"):
        struct.pack_into("<H", out, 8, method)
        central = out.find(b"PK\x01\x02")
        if central >= 0:
            struct.pack_into("<H", out, central + 10, method)
    return bytes(out)


def _uu(name: str, data: bytes) -> bytes:
    lines = [binascii.b2a_uu(data[i : i + 45]) for i in range(0, len(data), 45)]
    return b"begin 644 " + name.encode("utf-8", "replace") + b"\n" + b"".join(lines) + b"`\nend\n"


payloads = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.just(CSV),
    st.just(b"\x89PNG\r\n\x1a\n" + CSV),
    st.binary(max_size=200).map(lambda b: b"\x89PNG\r\n\x1a\n" + b),
    st.just(base64.encodebytes(CSV * 4)),
    st.just(b"\xff\xd8\xff\xe0" + CSV),
    st.just(b"-----BEGIN PGP SIGNATURE-----\n\n" + base64.encodebytes(CSV) + b"-----END PGP SIGNATURE-----\n"),
    st.just(b"\x30\x82\xff\xff\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02\xa0\x80"),
    st.binary(max_size=200).map(lambda b: b"\x30\x80\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02\xa0\x80" + b),
    st.sampled_from([0, 8, 9, 12, 14, 93, 99, None]).map(lambda m: _zip({"c.csv": CSV, "d/": b""}, m)),
    st.just(_uu("customers.csv", CSV)),
    st.just(b"begin 644 x\n" + b"M" * 80 + b"\n!!!!\nend\n"),
    st.just(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"),
)


def _encode(data: bytes, cte: str) -> bytes:
    if cte == "base64":
        return base64.encodebytes(data)
    if cte == "quoted-printable":
        return quopri.encodestring(data)
    if cte == "x-uuencode":
        return _uu("part", data)
    return data


@st.composite
def leaf(draw: st.DrawFn) -> bytes:
    ctype = draw(st.sampled_from(TYPES))
    cte = draw(st.sampled_from(CTES))
    charset = draw(st.sampled_from(CHARSETS))
    name = draw(st.sampled_from(NAMES))
    head = f"Content-Type: {ctype}" + (f'; charset="{charset}"' if charset else "")
    if name:
        head += f'; name="{name}"\r\nContent-Disposition: {draw(st.sampled_from(["attachment", "inline"]))}'
        head += f'; filename="{name}"'
    head += f"\r\nContent-Transfer-Encoding: {cte}\r\n"
    if draw(st.booleans()):
        head += f"X-Junk: {draw(st.text(max_size=30))}\r\n"
    if ctype == "message/rfc822" and draw(st.booleans()):
        body = b"From: a@b.example\r\nTo: c@d.example\r\nSubject: inner\r\n\r\n" + draw(payloads)
    else:
        body = draw(payloads)
    return head.encode("utf-8", "surrogateescape") + b"\r\n" + _encode(body, cte)


def multipart(children: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        sub = draw(st.sampled_from(MULTIPART))
        boundary = draw(st.sampled_from(["b1", "b2", "=_x", "", "b1 b2"]))
        parts = draw(st.lists(children, max_size=4))
        out = f'Content-Type: multipart/{sub}; boundary="{boundary}"\r\n\r\npreamble\r\n'.encode()
        for p in parts:
            out += f"--{boundary}\r\n".encode() + p + b"\r\n"
        if draw(st.booleans()):
            out += f"--{boundary}--\r\n".encode()
        return out

    return build()


parts = st.recursive(leaf(), multipart, max_leaves=8)


@st.composite
def messages(draw: st.DrawFn) -> bytes:
    head = b"From: =?utf-8?b?5Lit5p2R?= <s.nakamura@ours.example>\r\nTo: t.sato@alpha.example\r\n"
    head += b"Subject: " + draw(st.binary(max_size=20)).replace(b"\n", b" ") + b"\r\nMIME-Version: 1.0\r\n"
    raw = head + draw(parts)
    if draw(st.booleans()):  # byte-level damage on top of the structure
        cut = draw(st.integers(0, len(raw)))
        raw = raw[:cut] + draw(st.binary(max_size=8)) + raw[cut + draw(st.integers(0, 8)) :]
    return raw


def _guard_does_not_crash(raw: bytes) -> None:
    with contextlib.suppress(ValueError):  # "not an e-mail message": the one documented refusal
        message_from_eml(raw, "fuzz.eml")


@PROFILE
@given(messages())
@example(b"From: a@b\r\nTo: c@d\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!")
@example(b"From: a@b\r\nTo: c@d\r\nContent-Type: multipart/alternative; boundary=x\r\n\r\n--x\r\n\r\n--x--")
def test_messages_never_crash_the_extractor_or_the_guard(raw: bytes) -> None:
    ex = extract(raw, "fuzz.eml", "message/rfc822", guard_limits())
    assert all(i.code for i in ex.issues)
    _guard_does_not_crash(raw)


@PROFILE
@given(payloads, st.sampled_from(NAMES), st.sampled_from([*TYPES, None]))
def test_files_never_crash_the_extractor(data: bytes, name: str, ctype: str | None) -> None:
    extract(data, name, ctype, guard_limits())


@PROFILE
@given(st.binary(max_size=400))
@example(b"\x30\x80\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02\xa0\x80\x30\x80")
@example(b"\xc2\xff\xff\xff\xff\xff")
@example(
    b"\x30\x80\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02\xa0\x80\x30\x80\x02\x01\x01\x31\x00\x30\x80\x06\x00\xa0\x80\x24\x80"
)
def test_signature_check_never_crashes(data: bytes) -> None:
    assert isinstance(is_real_signature(data), bool)
    content = signed_content(data)
    assert content is None or isinstance(content, bytes)


@PROFILE
@given(st.text(max_size=400))
@example("begin 644 a\n\x7f\x7f\x7f\nend\n")
@example("begin 644 \n")
def test_uudecode_never_crashes(text: str) -> None:
    for name, data, start, end in find_uuencoded("begin 644 x.csv\n" + text):
        assert name and isinstance(data, bytes) and 0 <= start <= end
    for data, start, end in find_base64_runs(text + "\n" + ("QUJD" * 15 + "\n") * 4 + text):
        assert isinstance(data, bytes) and 0 <= start <= end


@pytest.mark.parametrize("depth", [50, 600])
def test_deeply_nested_multipart_is_an_issue(depth: int) -> None:
    """A 600-deep multipart (also what broke ``mamori redact`` in issue 17, item 9) is an issue, not a crash."""
    raw = b"From: a@b.example\r\nTo: c@d.example\r\n"
    for i in range(depth):
        raw += f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n'.encode()
    raw += b"Content-Type: text/plain\r\n\r\nhello\r\n"
    ex = extract(raw, "deep.eml", None, guard_limits())
    assert ex.message is not None
    message_from_eml(raw, "deep.eml")
