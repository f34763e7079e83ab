"""A small tree of files with and without personal data, built fresh for each test that asks for it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

MEIBO = "氏名,電話番号\n山田太郎,090-1234-5678\n佐藤花子,03-1234-5678\n山田太郎,090-1234-5678\n,\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "顧客").mkdir(parents=True)
    (root / "logs").mkdir()
    (root / "顧客" / "名簿.csv").write_text(MEIBO, encoding="utf-8")
    (root / "memo.txt").write_text("連絡先: 田中次郎 tanaka@example.co.jp\n", encoding="utf-8")
    (root / "clean.txt").write_text("nothing personal here\n", encoding="utf-8")
    (root / "logs" / "app.log").write_text("caller 090-9999-8888\n", encoding="utf-8")
    (root / "broken.zip").write_bytes(b"PK\x03\x04 this is not a zip")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("inner.txt", "担当 鈴木一郎 090-1111-2222")
    (root / "archive.zip").write_bytes(buf.getvalue())
    return root
