"""`mamori redact FILE -o OUT`: writes the masked copy, prints counts only, exit 2 with a message on errors."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from mamori.cli import main
from tests.redaction.conftest import EMAIL, NAME, PHONE
from tests.redaction.test_xlsx import _build as build_xlsx

TEXT = f"担当: {NAME}\n電話: {PHONE}\nメール: {EMAIL}\n"


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_end_to_end(tmp_path: Path) -> None:
    src, out = tmp_path / "memo.txt", tmp_path / "out" / "memo.txt"
    out.parent.mkdir()
    src.write_text(TEXT, encoding="cp932")
    result = _run("redact", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "PERSON 1" in result.output and "PHONE 1" in result.output and "3 masked" in result.output
    for value in (NAME, PHONE, EMAIL):
        assert value not in result.output
        assert value not in out.read_bytes().decode("cp932")
    assert src.read_text(encoding="cp932") == TEXT  # the original is untouched


def test_types_style_and_xlsx(tmp_path: Path) -> None:
    src, out = tmp_path / "list.xlsx", tmp_path / "masked.xlsx"
    src.write_bytes(build_xlsx())
    result = _run("redact", str(src), "-o", str(out), "--types", "email,phone", "--style", "type")
    assert result.exit_code == 0, result.output
    assert "PERSON" not in result.output and "EMAIL 1" in result.output
    import openpyxl

    ws = openpyxl.load_workbook(out).active
    assert ws["C2"].value == "<EMAIL>" and ws["B2"].value == "<PHONE>" and ws["A2"].value == NAME


def test_refuses_to_overwrite_input(tmp_path: Path) -> None:
    src = tmp_path / "memo.txt"
    src.write_text(TEXT, encoding="utf-8")
    result = _run("redact", str(src), "-o", str(tmp_path / "." / "memo.txt"))
    assert result.exit_code == 2 and "refusing" in result.output
    assert src.read_text(encoding="utf-8") == TEXT


def test_errors_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"this is not a zip")
    result = _run("redact", str(broken), "-o", str(tmp_path / "o.docx"))
    assert result.exit_code == 2 and "not a zip" in result.output and not (tmp_path / "o.docx").exists()
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    result = _run("redact", str(pdf), "-o", str(tmp_path / "o.pdf"))
    assert result.exit_code == 2 and "cannot redact .pdf" in result.output
    result = _run("redact", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o.txt"))
    assert result.exit_code == 2 and "cannot read" in result.output
    result = _run("redact", str(pdf), "-o", str(tmp_path / "o.txt"), "--types", "NOPE")
    assert result.exit_code == 2 and "unknown type" in result.output


def test_ner_masks_cueless_names(tmp_path: Path) -> None:
    import pytest

    from mamori.detect.recognizers.ner_crf import available

    if not available():
        pytest.skip("the NER model file is not installed (mamori/detect/data/ner-ja-wiki.crfsuite)")
    src = tmp_path / "memo.txt"
    src.write_text("1998年、フリッチュはトステムに入社した。\n", encoding="utf-8")  # no cue around the name
    # the model is on by default in redact: only --no-ner leaves the name readable
    for k, (args, kept) in enumerate(((("--no-ner",), True), ((), False), (("--ner",), False))):
        out = tmp_path / f"out{k}.txt"
        result = _run("redact", str(src), "-o", str(out), *args)
        assert result.exit_code == 0, result.output
        assert ("フリッチュ" in out.read_text(encoding="utf-8")) is kept
