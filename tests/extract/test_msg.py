"""Outlook .msg: headers, recipients by type, body, attachments, embedded messages, RTF bodies."""

from __future__ import annotations

import struct

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mamori.extract import Limits, extract
from mamori.extract.rtf import decompress_rtf, rtf_to_text
from tests.extract import builders, cfb


def test_msg_structure_and_text() -> None:
    result = extract(builders.msg_file(), "送付.msg")
    assert result.format == "msg" and result.complete
    m = result.message
    assert m.subject == "顧客リストの送付"
    assert [(a.name, a.address) for a in m.sender] == [("山田太郎", "yamada@example.co.jp")]
    assert [a.address for a in m.to] == ["suzuki@example.com"]
    assert [a.address for a in m.cc] == ["sato@example.org"]
    assert [a.filename for a in m.attachments] == ["名簿.csv", "転送メール"]
    body = [u.text for u in result.units if u.location.field == "body" and not u.location.path]
    assert body and "090-1111-2222" in body[0]
    table = result.tables[0]
    assert table.location.path == ("名簿.csv",) and table.header == ("氏名", "住所")
    assert table.rows[0].cells == ("高橋次郎", "東京都港区1-2-3")
    embedded = m.attachments[1].message
    assert embedded is not None and embedded.subject == "元のメール"
    assert any("大阪府大阪市北区" in u.text for u in result.iter_under(("転送メール",)))


def test_msg_detected_by_content_without_extension() -> None:
    assert extract(builders.msg_file(embedded=False), "attachment").format == "msg"


def test_msg_string8_with_codepage() -> None:
    streams = {
        "__substg1.0_0037001E": "見積".encode("cp932"),
        "__substg1.0_1000001E": "担当 山田".encode("cp932"),
        "__properties_version1.0": cfb.prop_stream([(0x0003, 0x3FFD, struct.pack("<i", 932))], 32),
    }
    result = extract(cfb.build(streams), "a.msg")
    assert result.message.subject == "見積"
    assert [u.text for u in result.units if u.location.field == "body"] == ["担当 山田"]


def _lzfu_uncompressed_literals(raw: bytes) -> bytes:
    """Compressed-RTF framing with literal runs only (every control byte 0), ending with the end marker."""
    out = bytearray()
    wp = 207 + len(raw)
    for i in range(0, len(raw), 8):
        chunk = raw[i : i + 8]
        if len(chunk) == 8:
            out += b"\x00" + chunk
        else:
            out += bytes([1 << len(chunk)]) + chunk + struct.pack(">H", (wp % 4096) << 4)
            break
    else:
        out += b"\x01" + struct.pack(">H", (wp % 4096) << 4)
    header = struct.pack("<IIII", len(out) + 12, len(raw), 0x75465A4C, 0)
    return header + bytes(out)


def test_rtf_body() -> None:
    rtf = rb"{\rtf1\ansi\ansicpg932{\fonttbl{\f0 MS Gothic;}}\f0 \'8e\'52\'93\'63\'91\'be\'98\'59\par 03-1234-5678}"
    assert decompress_rtf(_lzfu_uncompressed_literals(rtf), 1 << 20) == rtf
    assert rtf_to_text(rtf) == "山田太郎\n03-1234-5678"
    streams = {"__substg1.0_10090102": _lzfu_uncompressed_literals(rtf), "__properties_version1.0": bytes(32)}
    result = extract(cfb.build(streams), "r.msg")
    assert [u.text for u in result.units if u.location.field == "body"] == ["山田太郎\n03-1234-5678"]


def test_rtf_unicode_escapes() -> None:
    assert rtf_to_text(rb"{\rtf1\uc1\u23665?\u30000?\par}") == "山田"


def test_rtf_back_reference_into_the_prebuffer() -> None:
    # "{\\rtf1\\ansi" is the first 11 bytes of the dictionary's initial contents: one reference, then literals
    end = struct.pack(">H", ((207 + 15) % 4096) << 4)
    body = bytes([0b00100001]) + struct.pack(">H", (0 << 4) | (11 - 2)) + b" hi}" + end
    data = struct.pack("<IIII", len(body) + 12, 15, 0x75465A4C, 0) + body
    assert decompress_rtf(data, 1 << 20) == b"{\\rtf1\\ansi hi}"
    assert rtf_to_text(decompress_rtf(data, 1 << 20)) == "hi"


def test_broken_msg_is_an_issue() -> None:
    data = builders.msg_file()
    result = extract(data[:1500], "broken.msg")
    assert not result.complete
    assert {i.code for i in result.issues} <= {"corrupt"}


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fuzz_msg_never_raises(data: st.DataObject) -> None:
    buf = bytearray(builders.msg_file())
    for _ in range(data.draw(st.integers(1, 10))):
        pos = data.draw(st.integers(0, len(buf) - 1))
        buf[pos] = data.draw(st.integers(0, 255))
    result = extract(bytes(buf), "fuzz.msg", limits=Limits(max_seconds=2))
    # a mutated first byte can make it anything text-like ("{" is JSON): the point is that nothing raises
    assert result.format in {"msg", "ole", "binary", "txt", "eml", "json", "html", "xml"}
