"""A small world for the guard tests: our company, two customers with a 佐藤 each, and a sender's history."""

from __future__ import annotations

import pytest

from mamori.guard import AttachmentInfo, Directory, History, Message, Policy, Recipient
from mamori.guard.directory import parse_contacts
from mamori.guard.policy import parse_policy

CONTACTS = """name,kana,email,organization
佐藤 太郎,サトウ タロウ,t.sato@alpha.example,株式会社アルファ
鈴木 花子,スズキ ハナコ,h.suzuki@alpha.example,株式会社アルファ
佐藤 太郎,サトウ タロウ,t.sato@beta.example,ベータ商事株式会社
田中 一郎,タナカ イチロウ,i.tanaka@beta.example,ベータ商事株式会社
山田 次郎,ヤマダ ジロウ,j.yamada@gamma.example,株式会社ガンマ
中村 三郎,ナカムラ サブロウ,s.nakamura@ours.example,株式会社自社
"""
SENDER = "s.nakamura@ours.example"


@pytest.fixture
def directory() -> Directory:
    return parse_contacts(CONTACTS)


@pytest.fixture
def history() -> History:
    h = History()
    h.add(SENDER, ["t.sato@alpha.example", "h.suzuki@alpha.example", "j.yamada@gamma.example"], "2026-01-01")
    h.add("other@ours.example", ["t.sato@beta.example", "i.tanaka@beta.example"], "2026-01-01")
    return h


@pytest.fixture
def policy() -> Policy:
    return parse_policy('[organization]\nname = "株式会社自社"\ninternal_domains = ["ours.example"]\n')


def msg(
    to: list[tuple[str, str]] | None = None,
    body: str = "",
    attachments: tuple[AttachmentInfo, ...] = (),
    cc: list[tuple[str, str]] | None = None,
    bcc: list[tuple[str, str]] | None = None,
) -> Message:
    recipients = tuple(
        Recipient(name, addr, fld)
        for fld, lst in (("to", to or []), ("cc", cc or []), ("bcc", bcc or []))
        for name, addr in lst
    )
    return Message(SENDER, recipients, "件名", body, attachments, "中村 三郎")


SIGNATURE = "\n\n--\n株式会社自社\n営業部 中村 三郎\n"
