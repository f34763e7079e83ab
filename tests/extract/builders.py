"""Small fixture files built in memory by the tests (no binary blobs in the repository)."""

from __future__ import annotations

import base64
import io
import struct
import zipfile
import zlib
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from tests.extract import cfb


def xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx(paragraphs: list[str], table: list[list[str]] | None = None, header_text: str | None = None) -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    if header_text:
        document.sections[0].header.paragraphs[0].text = header_text
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def pptx(slides: list[list[str]], notes: dict[int, str] | None = None) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    for i, texts in enumerate(slides):
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        for j, text in enumerate(texts):
            box = slide.shapes.add_textbox(Inches(1), Inches(1 + j), Inches(6), Inches(1))
            box.text_frame.text = text
        if notes and i in notes:
            slide.notes_slide.notes_text_frame.text = notes[i]
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def pdf(pages: list[list[str]], image_page: bool = False) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for lines in pages:
        c.setFont("HeiseiMin-W3", 11)
        for i, line in enumerate(lines):
            c.drawString(72, 760 - 16 * i, line)
        c.showPage()
    if image_page:
        from reportlab.lib.utils import ImageReader

        c.drawImage(ImageReader(io.BytesIO(png())), 72, 600, 100, 100)
        c.showPage()
    c.save()
    return buf.getvalue()


def png() -> bytes:
    """A 1x1 PNG."""
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", raw)
        + chunk(b"IEND", b"")
    )


def zip_of(members: dict[str, bytes], *, cp932_names: bool = False) -> bytes:
    """A ZIP; with ``cp932_names`` the names are stored in CP932 without the UTF-8 flag, as Japanese Windows does."""
    buf = io.BytesIO()
    swaps: list[tuple[bytes, bytes]] = []
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, (name, data) in enumerate(members.items()):
            if cp932_names:
                raw = name.encode("cp932")
                placeholder = f"{i:0{len(raw)}d}"[-len(raw) :].rjust(len(raw), "Q")
                placeholder = ("Z" + placeholder)[-len(raw) :] if len(raw) > 1 else "Z"
                swaps.append((placeholder.encode("ascii"), raw))
                zf.writestr(placeholder, data)
            else:
                zf.writestr(name, data)
    out = buf.getvalue()
    for placeholder, raw in swaps:
        out = out.replace(placeholder, raw)
    return out


def zip_bomb(megabytes: int, *, declared: int | None = None) -> bytes:
    """A ZIP64 whose one member inflates to ``megabytes`` MiB of zeros, in about 1 KiB per MiB.

    Built by hand from one deflated MiB repeated after full flushes (identical bytes each time), so a 1 GiB
    bomb takes milliseconds to make. ``declared`` overrides the uncompressed size written in the headers (a lie).
    The CRC is left 0: a reader that checks it has already read everything.
    """
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(b"\x00" * (1 << 20)) + comp.flush(zlib.Z_FULL_FLUSH)
    data = block * megabytes + comp.flush(zlib.Z_FINISH)
    usize = megabytes << 20 if declared is None else declared
    name = b"zeros.bin"
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 45, 0, 8, 0, 0x21, 0, 0xFFFFFFFF, 0xFFFFFFFF, len(name), 20)
    local += name + struct.pack("<HHQQ", 1, 16, usize, len(data))
    central = struct.pack(
        "<4sHHHHHHIIIHHHHHII",
        b"PK\x01\x02",
        45,
        45,
        0,
        8,
        0,
        0x21,
        0,
        0xFFFFFFFF,
        0xFFFFFFFF,
        len(name),
        20,
        0,
        0,
        0,
        0,
        0,
    )
    central += name + struct.pack("<HHQQ", 1, 16, usize, len(data))
    cd_offset = len(local) + len(data)
    eocd64_offset = cd_offset + len(central)
    eocd64 = struct.pack("<4sQHHIIQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, 1, 1, len(central), cd_offset)
    locator = struct.pack("<4sIQI", b"PK\x06\x07", 0, eocd64_offset, 1)
    eocd = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(central), cd_offset, 0)
    return local + data + central + eocd64 + locator + eocd


def encrypted_zip() -> bytes:
    """A ZIP whose member has the 'encrypted' flag set (content is not real ZipCrypto; it must never be read)."""
    data = zip_of({"secret.txt": b"x" * 100})
    # set bit 0 of the general-purpose flags in the local header (offset 6) and the central directory (offset 8)
    buf = bytearray(data)
    local = buf.find(b"PK\x03\x04")
    buf[local + 6] |= 1
    central = buf.find(b"PK\x01\x02")
    buf[central + 8] |= 1
    return bytes(buf)


def nested_zip(levels: int, inner: bytes = "氏名,電話\n山田太郎,03-1234-5678\n".encode()) -> bytes:
    data, name = inner, "list.csv"
    for level in range(levels):
        data, name = zip_of({name: data}), f"level{level + 1}.zip"
    return data


def ew(text: str, charset: str, codec: str) -> str:
    """An RFC 2047 encoded word."""
    return f"=?{charset}?B?{base64.b64encode(text.encode(codec)).decode('ascii')}?="


def eml_japanese() -> bytes:
    """A multipart message the way Japanese mailers write it: ISO-2022-JP body, encoded-word headers, a CSV
    attachment with an RFC 2231 name, and a CP932 attachment name in RFC 2047 form."""
    msg = MIMEMultipart()
    msg["From"] = f"{ew('山田 太郎', 'ISO-2022-JP', 'iso2022_jp')} <yamada@example.co.jp>"
    msg["To"] = f"{ew('鈴木一郎', 'UTF-8', 'utf-8')} <suzuki@example.com>, sato@example.net"
    msg["Cc"] = f"{ew('佐藤 花子①', 'Shift_JIS', 'cp932')} <sato.hanako@example.org>"
    msg["Subject"] = ew("顧客名簿の件", "ISO-2022-JP", "iso2022_jp")
    msg["Date"] = "Mon, 02 Jun 2025 10:00:00 +0900"
    msg["Message-ID"] = "<abc@example.co.jp>"
    body = MIMEText("お世話になっております。\n山田太郎の電話番号は090-1234-5678です。\n", "plain", "iso-2022-jp")
    msg.attach(body)
    csv_part = MIMEApplication("氏名,電話番号\n佐藤花子,03-9876-5432\n".encode("cp932"), "octet-stream")
    csv_part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", "顧客名簿.csv"))
    msg.attach(csv_part)
    txt = MIMEApplication("メモ".encode("cp932"), "octet-stream")
    txt.add_header("Content-Disposition", "attachment", filename=ew("メモ.txt", "Shift_JIS", "cp932"))
    msg.attach(txt)
    return msg.as_bytes()


def msg_file(*, embedded: bool = True) -> bytes:
    """An Outlook .msg with a subject, a body, To and Cc recipients, a CSV attachment and an embedded message."""

    def u(text: str) -> bytes:
        return text.encode("utf-16-le")

    long_ = 0x0003
    streams: dict[str, bytes] = {
        "__substg1.0_0037001F": u("顧客リストの送付"),
        "__substg1.0_1000001F": u("鈴木様\n添付の名簿をご確認ください。担当 山田 090-1111-2222"),
        "__substg1.0_0C1A001F": u("山田太郎"),
        "__substg1.0_5D01001F": u("yamada@example.co.jp"),
        "__properties_version1.0": cfb.prop_stream([(long_, 0x3FFD, struct.pack("<i", 932))], 32),
    }
    for i, (name, addr, kind) in enumerate(
        [("鈴木一郎", "suzuki@example.com", 1), ("佐藤花子", "sato@example.org", 2)]
    ):
        base = f"__recip_version1.0_#{i:08X}/"
        streams[base + "__substg1.0_3001001F"] = u(name)
        streams[base + "__substg1.0_39FE001F"] = u(addr)
        streams[base + "__properties_version1.0"] = cfb.prop_stream([(long_, 0x0C15, struct.pack("<i", kind))], 8)
    base = "__attach_version1.0_#00000000/"
    streams[base + "__substg1.0_3707001F"] = u("名簿.csv")
    streams[base + "__substg1.0_37010102"] = "氏名,住所\n高橋次郎,東京都港区1-2-3\n".encode("cp932")
    streams[base + "__properties_version1.0"] = cfb.prop_stream([(long_, 0x3705, struct.pack("<i", 1))], 8)
    if embedded:
        base = "__attach_version1.0_#00000001/"
        inner = base + "__substg1.0_3701000D/"
        streams[base + "__substg1.0_3001001F"] = u("転送メール")
        streams[base + "__properties_version1.0"] = cfb.prop_stream([(long_, 0x3705, struct.pack("<i", 5))], 8)
        streams[inner + "__substg1.0_0037001F"] = u("元のメール")
        streams[inner + "__substg1.0_1000001F"] = u("田中様の住所は大阪府大阪市北区1-1です")
        streams[inner + "__properties_version1.0"] = cfb.prop_stream([], 24)
    return cfb.build(streams)
