"""Bad inputs: a clear error naming the page or line, exit 2, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mamori.cli import main

HEADER = "id,name,postal_code,address,organization\n"
GOOD = HEADER + "C1,山田 太郎,150-0002,東京都渋谷区渋谷1-2-3,\n"


def _invoke(run: Path, recipients: Path, *extra: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["letters", "check", str(run), "--list", str(recipients), *extra])
    return r.exit_code, r.stdout, r.stderr


def _list(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    p = tmp_path / "recipients.csv"
    p.write_bytes(text.encode(encoding))
    return p


@pytest.fixture(scope="module")
def one_page(clean_run: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    w.add_page(PdfReader(clean_run / "RUN.pdf").pages[0])
    out = tmp_path_factory.mktemp("one") / "one.pdf"
    with open(out, "wb") as f:
        w.write(f)
    return out


def test_encrypted_pdf(one_page: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(one_page))
    w.encrypt("secret", algorithm="AES-128")
    enc = tmp_path / "enc.pdf"
    with open(enc, "wb") as f:
        w.write(f)
    code, out, err = _invoke(enc, _list(tmp_path, GOOD), "--json")
    assert code == 2 and "encrypted" in err and "暗号化" in err and "Traceback" not in err + out
    assert json.loads(out)["error"]["file"] == str(enc)


@pytest.mark.parametrize("cut", [0.3, 0.6])
def test_broken_pdf(one_page: Path, tmp_path: Path, cut: float) -> None:
    data = one_page.read_bytes()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data[: int(len(data) * cut)])
    code, out, err = _invoke(broken, _list(tmp_path, GOOD))
    assert code == 2 and "Traceback" not in err + out
    assert "broken" in err or "page" in err


def test_not_a_pdf(tmp_path: Path) -> None:
    fake = tmp_path / "run.pdf"
    fake.write_text("宛名一覧\n", encoding="utf-8")
    code, _, err = _invoke(fake, _list(tmp_path, GOOD))
    assert code == 2 and "not a PDF" in err and "PDF ファイルではありません" in err


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("id,name,postal,address\nC1,a,150-0002,b\n", "line 1", "unknown column(s) postal"),
        ("id,name,address\nC1,a,b\n", "line 1", "missing column(s) postal_code"),
        (GOOD + "C2,佐藤 花子,150-00,東京都渋谷区渋谷1-2-4,\n", "line 3", "not a seven-digit postal code"),
        (GOOD + "C1,佐藤 花子,150-0002,東京都渋谷区渋谷1-2-4,\n", "line 3", "already used on line 2"),
        (GOOD + "C2,,150-0002,東京都渋谷区渋谷1-2-4,\n", "line 3", "name is empty"),
        (GOOD + "C2,佐藤 花子,150-0002\n", "line 3", "3 cells where the header has 5"),
        ("", "", "the list is empty"),
    ],
)
def test_bad_list(one_page: Path, tmp_path: Path, text: str, where: str, what: str) -> None:
    code, out, err = _invoke(one_page, _list(tmp_path, text))
    assert code == 2 and what in err and where in err and "Traceback" not in err + out


def test_list_not_utf8(one_page: Path, tmp_path: Path) -> None:
    code, _, err = _invoke(one_page, _list(tmp_path, GOOD, "cp932"))
    assert code == 2 and "UTF-8" in err


@pytest.mark.parametrize("window", ["20,40,95", "a,b,c,d", "20,40,-5,45"])
def test_bad_window(one_page: Path, tmp_path: Path, window: str) -> None:
    code, _, err = _invoke(one_page, _list(tmp_path, GOOD), "--window", window)
    assert code == 2 and "--window" in err


def test_missing_file(tmp_path: Path) -> None:
    code, _, err = _invoke(tmp_path / "nope.pdf", _list(tmp_path, GOOD))
    assert code == 2 and "does not exist" in err
