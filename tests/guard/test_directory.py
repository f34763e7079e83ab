"""Directory and history loading."""

from __future__ import annotations

import pytest

from mamori.guard.directory import load_contacts, parse_contacts, parse_vcards
from mamori.guard.history import parse_history

from .conftest import CONTACTS


def test_csv_lookups():
    d = parse_contacts(CONTACTS)
    assert d.lookup("T.Sato@alpha.example").organization == "株式会社アルファ"
    assert {c.organization for c in d.named("佐藤太郎")} == {"株式会社アルファ", "ベータ商事株式会社"}
    assert d.orgs_of_domain("beta.example") == {"ベータ商事株式会社"}
    assert [o for _, o in d.orgs_in("ベータ商事 御中")] == ["ベータ商事株式会社"]
    assert len(d.by_surname["佐藤"]) == 2 and len(d.by_local["t.sato"]) == 2


def test_csv_without_email_column_is_refused():
    with pytest.raises(ValueError, match="email"):
        parse_contacts("name,organization\n佐藤,A\n")


def test_vcard(tmp_path):
    vcf = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:佐藤 太郎\r\nN:佐藤;太郎;;;\r\nX-PHONETIC-LAST-NAME:サトウ\r\n"
        "ORG:株式会社アルファ;営業部\r\nEMAIL;TYPE=WORK:t.sato@alpha.exam\r\n ple\r\nEND:VCARD\r\n"
    )
    d = parse_vcards(vcf)
    assert d.lookup("t.sato@alpha.example").organization == "株式会社アルファ"
    (tmp_path / "c.vcf").write_text(vcf, encoding="utf-8")
    assert load_contacts(tmp_path / "c.vcf").lookup("t.sato@alpha.example").name == "佐藤 太郎"


def test_history():
    h = parse_history(['{"date": "2026-01-01", "from": "A@o.example", "to": ["x@c.example"], "cc": ["y@d.example"]}'])
    assert h.known("a@o.example", "X@c.example") and h.known_domain("a@o.example", "d.example")
    assert not h.known("b@o.example", "x@c.example")
    with pytest.raises(ValueError, match="line 1"):
        parse_history(["{not json"])
