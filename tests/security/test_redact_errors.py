"""Issue 17, item 9: hostile files give `mamori redact`, `scan` and `detect` a clear error naming the input, a
non-zero exit for that file only and no half-written output -- never "internal error" or a traceback.

Every hostile input is built here: a 500-deep multipart with the email package, .docx packages cut short or
patched at the zip level, random bytes.
"""

from __future__ import annotations

import io
import json
import os
import random
import struct
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest
from click.testing import CliRunner

from mamori.cli import main

NAME, PHONE = "山田太郎", "090-1234-5678"
TEXT = f"担当 {NAME} 様 電話 {PHONE}\n"


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


@contextmanager
def _recursion_limit(limit: int) -> Iterator[None]:
    """The stdlib generator recurses per level: building the hostile mail (not reading it) needs a deeper stack."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


def deep_multipart(levels: int) -> bytes:
    inner: MIMEText | MIMEMultipart = MIMEText(TEXT, "plain", "utf-8")
    for i in range(levels):
        outer = MIMEMultipart("mixed", boundary=f"level-{i}")
        outer.attach(inner)
        inner = outer
    inner["From"] = "sender@example.co.jp"
    inner["To"] = "someone@example.com"
    inner["Subject"] = "deep"
    with _recursion_limit(20 * levels + 1000):
        return inner.as_bytes()


def _docx() -> bytes:
    import docx

    document = docx.Document()
    for _ in range(40):
        document.add_paragraph(TEXT)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _local_header(data: bytes, member: str) -> tuple[int, int, int]:
    """(offset of the local header, offset of the member's data, compressed size) of ``member``."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(member)
    at = info.header_offset
    name_len, extra_len = struct.unpack_from("<HH", data, at + 26)
    return at, at + 30 + name_len + extra_len, info.compress_size


def docx_stream_cut_short() -> bytes:
    """word/document.xml's deflate stream ends halfway (the rest zeroed); the central directory is intact."""
    data = bytearray(_docx())
    _, start, size = _local_header(bytes(data), "word/document.xml")
    data[start + size // 2 : start + size] = bytes(size - size // 2)
    return bytes(data)


def docx_patched_method(method: int) -> bytes:
    """word/document.xml declared as packed with another zip method (9 Deflate64, 93 Zstandard) in both headers."""
    data = bytearray(_docx())
    local, _, _ = _local_header(bytes(data), "word/document.xml")
    struct.pack_into("<H", data, local + 8, method)
    central = bytes(data).find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + name_len]) == b"word/document.xml":
            struct.pack_into("<H", data, central + 10, method)
            break
        central = bytes(data).find(b"PK\x01\x02", central + 4)
    return bytes(data)


def docx_future_zip_version() -> bytes:
    """The central directory asks for zip version 12.7 to extract word/document.xml (found by fuzzing)."""
    data = bytearray(_docx())
    central = bytes(data).find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + name_len]) == b"word/document.xml":
            struct.pack_into("<H", data, central + 6, 127)
            break
        central = bytes(data).find(b"PK\x01\x02", central + 4)
    return bytes(data)


def docx_duplicate_part() -> bytes:
    """Two word/document.xml entries: which one Word shows is not what a redactor can promise to have masked."""
    src = zipfile.ZipFile(io.BytesIO(_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z, pytest.warns(UserWarning, match="Duplicate name"):
        for info in src.infolist():
            z.writestr(info.filename, src.read(info))
        z.writestr("word/document.xml", src.read("word/document.xml"))
    return out.getvalue()


def _random(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


HOSTILE = {
    "deep.eml": (lambda: deep_multipart(500), "nested more than 50"),
    "cut.docx": (lambda: _docx()[:3000], "not a zip"),
    "stream-cut-short.docx": (docx_stream_cut_short, "word/document.xml is damaged"),
    "deflate64.docx": (lambda: docx_patched_method(9), "word/document.xml is packed with zip method 9"),
    "zstd.docx": (lambda: docx_patched_method(93), "word/document.xml is packed with zip method 93"),
    "twice.docx": (docx_duplicate_part, "word/document.xml appears twice"),
    "zip-version.docx": (docx_future_zip_version, "zip file version 12.7"),
    "random.bin": (lambda: _random(4096, 1), "cannot redact .bin"),
    "random": (lambda: _random(4096, 2), "cannot redact (no suffix)"),
    "random.docx": (lambda: _random(4096, 3), "not a zip"),
    "random.xlsx": (lambda: _random(4096, 4), "not a zip"),
    "random.eml": (lambda: _random(4096, 5), "not an e-mail message"),
    "random.txt": (lambda: _random(4096, 6), "no encoding"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_redact_names_the_file_and_what_is_wrong(tmp_path: Path, name: str) -> None:
    build, expected = HOSTILE[name]
    src = tmp_path / "in" / name
    src.parent.mkdir()
    src.write_bytes(build())
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = _run("redact", str(src), "-o", str(out_dir / ("masked-" + name)))
    assert result.exit_code == 2, result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    assert f"mamori redact: {src}: " in result.output and expected in result.output, result.output
    assert list(out_dir.iterdir()) == []  # neither the output nor a temporary file


def test_a_failed_redaction_leaves_an_earlier_output_alone(tmp_path: Path) -> None:
    src, out = tmp_path / "deep.eml", tmp_path / "masked.eml"
    src.write_bytes(deep_multipart(500))
    out.write_bytes(b"the previous run's copy")
    assert _run("redact", str(src), "-o", str(out)).exit_code == 2
    assert out.read_bytes() == b"the previous run's copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep.eml", "masked.eml"]


def test_a_mail_nested_within_the_limit_is_still_redacted(tmp_path: Path) -> None:
    src, out = tmp_path / "nested.eml", tmp_path / "masked.eml"
    src.write_bytes(deep_multipart(20))
    result = _run("redact", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    masked = out.read_bytes()
    assert b"level-19" in masked and PHONE.encode() not in masked


def test_redact_output_folder_missing_is_a_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "memo.txt"
    src.write_text(TEXT, encoding="utf-8")
    result = _run("redact", str(src), "-o", str(tmp_path / "no-such-folder" / "memo.txt"))
    assert result.exit_code == 2 and "cannot write" in result.output and "internal error" not in result.output


def test_write_atomically_removes_its_temporary_file_when_the_rename_fails(tmp_path: Path) -> None:
    from mamori.atomic_write import write_atomically

    target = tmp_path / "report.html"
    target.mkdir()  # a folder where the file should go: the rename fails after the data was written
    (target / "keep.txt").write_text("x")
    with pytest.raises(OSError):
        write_atomically(target, b"<html>...</html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    assert (target / "keep.txt").read_text() == "x"


def test_write_atomically_writes_owner_only(tmp_path: Path) -> None:
    from mamori.atomic_write import write_atomically

    target = tmp_path / "masked.txt"
    write_atomically(target, b"data")
    assert target.read_bytes() == b"data" and (target.stat().st_mode & 0o777) == 0o600


def test_scan_lists_hostile_files_as_not_fully_inspected_and_goes_on(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    for name, (build, _) in HOSTILE.items():
        (tree / name).write_bytes(build())
    (tree / "meibo.txt").write_text(TEXT, encoding="utf-8")
    report = tmp_path / "report.html"
    result = CliRunner().invoke(
        main, ["scan", "--workers", "1", "--format", "json", "--report", str(report), str(tree)]
    )
    assert "internal error" not in result.output and "Traceback" not in result.output
    data = json.loads(result.stdout)
    files = {Path(f["path"]).name: f for f in data["files"]}
    assert set(files) == {*HOSTILE, "meibo.txt"}
    assert files["meibo.txt"]["counts"].get("PHONE") == 1
    for name in ("stream-cut-short.docx", "deflate64.docx", "zstd.docx", "random.bin"):
        assert files[name]["status"] != "complete", files[name]
    deep = files["deep.eml"]  # the scan's reader gets to the bottom of 500 levels; were it not, it would say so
    assert deep["counts"].get("PHONE") == 1 or deep["status"] != "complete", deep
    assert report.is_file() and (report.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".mamori-")] == []


@pytest.mark.skipif(not Path("/proc/self/mem").is_file(), reason="needs Linux /proc to cause a read error as root")
def test_detect_reads_on_past_an_unreadable_file(tmp_path: Path) -> None:
    """/proc/self/mem is a file whose read fails (EIO) even for root; the file after it is still read."""
    good = tmp_path / "memo.txt"
    good.write_text(TEXT, encoding="utf-8")
    result = _run("detect", "/proc/self/mem", str(good), "--format", "json")
    assert result.exit_code == 2, result.output
    assert "mamori detect: /proc/self/mem: cannot read" in result.output and "internal error" not in result.output
    findings = json.loads(result.stdout[result.stdout.index("[") :])
    assert {f["source"] for f in findings} == {str(good)}


def test_detect_and_scan_tables_show_hostile_file_names_inert(tmp_path: Path) -> None:
    """A file name's [markup] is not run by the table, and its escape sequences reach no terminal."""
    tree = tmp_path / "tree"
    tree.mkdir()
    names = ["[red]hidden.txt", "esc\x1b]8;;http:evil\x1b\\link.txt", "rlo\u202etxt.exe.txt", "nl\nforged.txt"]
    for name in names:
        (tree / name).write_text(TEXT, encoding="utf-8")
    for command in (["detect", str(tree)], ["scan", "--workers", "1", str(tree)]):
        result = _run(*command)
        assert result.exit_code == 1, result.output
        assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
        # the table folds long names over several lines: read the file column back without borders and breaks
        cells = "".join(line.split("│")[1] for line in result.stdout.splitlines() if line.count("│") > 2)
        cells = cells.replace(" ", "")
        for shown in (
            "[red]hidden.txt",
            "esc\\x1b]8;;http:evil\\x1b\\link.txt",
            "rlo\\u202etxt.exe.txt",
            "nl\\x0aforged.txt",
        ):
            assert shown in cells, (shown, cells)


def test_no_traceback_on_hostile_inputs_from_a_real_process(tmp_path: Path) -> None:
    """The installed command, not only the click runner: stderr holds one line, no traceback."""
    import subprocess

    src = tmp_path / "zstd.docx"
    src.write_bytes(docx_patched_method(93))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.run(
        [sys.executable, "-m", "mamori.cli", "redact", str(src), "-o", str(tmp_path / "o.docx")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [
        f"mamori redact: {src}: part word/document.xml is packed with zip method 93, not one Office uses"
    ]
