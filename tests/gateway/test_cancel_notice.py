"""Cancel with a note (issue 18), through the gateway: ``mamori queue cancel --note`` stores the note and the
cancel notice reaches the sender over real SMTP (null envelope sender, from ``notice_from``, Japanese then
English, the note in both, recipients masked, never the body); a note that is too long is refused."""

from __future__ import annotations

import email
from email.policy import default as default_policy

from click.testing import CliRunner

from mamori.cli import main
from mamori.gateway import hold_queue
from tests.gateway.conftest import SENDER, eml, wait_for

NOTE = "Cc の t.sato@a1pha.example は誤りです。\nalpha の佐藤様に直して送り直してください。"


def _subject(data: bytes) -> bytes:
    return str(email.message_from_bytes(data, policy=default_policy)["Subject"]).encode()


def test_cancel_note_reaches_the_sender_over_smtp(start_gateway, sink) -> None:
    gw = start_gateway()
    body = "株式会社アルファ\r\n佐藤 太郎 様\r\n\r\n秘密の本文です。\r\n"
    gw.send(
        eml(["t.sato@alpha.example"], cc=["t.sato@a1pha.example"], subject="お見積り", body=body),
        ["t.sato@alpha.example", "t.sato@a1pha.example"],
    )
    held = wait_for(lambda: hold_queue.list_messages(gw.db, states=("held",)), what="the message to be held")
    mid = held[0].id
    config = str(gw.settings.config_path)
    runner = CliRunner()
    r = runner.invoke(main, ["queue", "cancel", "--config", config, mid, "--note", "x" * 501])
    assert r.exit_code == 1 and "500" in r.output and hold_queue.get(gw.db, mid).state == "held"
    r = runner.invoke(main, ["queue", "cancel", "--config", config, mid, "--note", NOTE])
    assert r.exit_code == 0 and "cancelled" in r.output, r.output
    assert hold_queue.get(gw.db, mid).cancel_note == NOTE
    gw.wake()

    def cancel_notices() -> list:
        return [m for m in sink.received if m.rcpt_tos == (SENDER,) and "取り消しました".encode() in _subject(m.data)]

    got = wait_for(cancel_notices, what="the cancel notice")[0]
    assert got.mail_from in ("", "<>")  # the null sender: a notice never bounces
    notice = email.message_from_bytes(got.data, policy=default_policy)
    assert notice["From"] == "mamori@ours.example" and notice["Auto-Submitted"] == "auto-generated"
    assert "送信を取り消しました" in notice["Subject"] and "お見積り" in notice["Subject"]
    text = notice.get_content()
    assert text.count("alpha の佐藤様に直して送り直してください。") == 2  # the note in Japanese and English parts
    assert "承認者または管理者 が取り消したため" in text and "an approver or an administrator" in text
    assert "https://mamori.ours.example/messages/" + mid in text
    assert "秘密の本文" not in text  # never the body
    assert "t*****@alpha.example" in text  # recipients masked
    assert all(mid not in m.data.decode("utf-8", "replace") or m.rcpt_tos == (SENDER,) for m in sink.received)
    assert len([m for m in sink.received if m.rcpt_tos != (SENDER,)]) == 0  # the cancelled mail never went out
