"""Issue 18, "cancel with a note of what to correct": the sender or an approver cancels a held mail with a short
note; it is stored, audited (masked), shown on the mail's page (escaped; masked for people other than the sender)
and mailed back to the sender in the cancel notice, in Japanese and English."""

from __future__ import annotations

import email
from email.policy import default as default_policy

from mamori.gateway import hold_queue
from mamori.gateway.cancelling import NOTE_MAX, clean_note
from mamori.store.audit import AuditEntry
from mamori.store.mail import MailContent, MailMessage
from tests.web import seed
from tests.web.conftest import csrf_of, login

NOTE = "宛先を 03-1234-5678 の佐藤様に直してください <script>alert(1)</script>"


def _notices(db, to: str) -> list[str]:
    """The texts of the queued notices to ``to`` (decoded)."""
    with db.session() as s:
        rows = (
            s.query(MailMessage.id)
            .filter(MailMessage.action == "notice", MailMessage.subject.like("cancel notice%"))
            .all()
        )
        out = []
        for (mid,) in rows:
            row = s.get(MailMessage, mid)
            if to in row.rcpt_to:
                raw = s.query(MailContent.raw).filter_by(message_id=mid).scalar()
                msg = email.message_from_bytes(raw, policy=default_policy)
                out.append(str(msg["Subject"]) + "\n" + msg.get_content())
        return out


def _cancel(client, mid: str, note: str, follow: bool = False):
    page = client.get(f"/messages/{mid}").text
    return client.post(f"/messages/{mid}/cancel", data={"csrf": csrf_of(page), "note": note}, follow_redirects=follow)


def test_the_sender_cancels_with_a_note_stored_escaped_audited_and_mailed_back(client, web_db) -> None:
    mid = seed.message(web_db)
    login(client, "alice@corp.example")
    form = client.get(f"/messages/{mid}").text
    assert 'name="note"' in form and f'maxlength="{NOTE_MAX}"' in form
    r = _cancel(client, mid, NOTE.replace(" ", "\r\n", 1) + "\x07\u202e")
    assert r.status_code == 303 and r.headers["location"].endswith("done=cancelled")
    msg = hold_queue.get(web_db, mid)
    assert msg.state == "cancelled" and msg.cancel_note == NOTE.replace(" ", "\n", 1)  # CRLF -> LF, controls gone
    page = client.get(f"/messages/{mid}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert "03-1234-5678" in page  # the sender sees their own note as written
    with web_db.session() as s:
        entry = s.query(AuditEntry).filter_by(target=f"mail:{mid}", action="cancel").one()
    assert entry.actor == "alice@corp.example" and "note" in entry.data
    assert "03-1234-5678" not in entry.data["note"] and "宛先を" in entry.data["note"]  # masked, not dropped
    assert "notice" in entry.data  # the notice's row id: queued in the same transaction
    (notice,) = _notices(web_db, "alice@corp.example")
    assert "送信を取り消しました" in notice and "Cancelled, not sent" in notice
    assert "あなたが取り消したため" in notice and "You cancelled this message" in notice
    assert notice.count("03-1234-5678 の佐藤様") == 2  # the note, in the Japanese part and the English part
    assert "修正してほしい点:" in notice and "What to correct:" in notice
    assert "tanaka@abc.example" not in notice and "t*****@abc.example" in notice  # recipients masked


def test_an_approver_cancels_the_sender_is_told_who_and_why_others_see_it_masked(client, web_db) -> None:
    mid = seed.message(web_db, release_mode="approval")
    login(client, "bob@corp.example")
    assert _cancel(client, mid, NOTE).status_code == 303
    page = client.get(f"/messages/{mid}").text  # the approver's view is masked: so is the note
    assert "cancel-note-shown" in page and "03-1234-5678" not in page
    (notice,) = _notices(web_db, "alice@corp.example")
    assert "bob@corp.example が取り消したため" in notice and "cancelled by bob@corp.example" in notice
    assert "03-1234-5678 の佐藤様" in notice  # the sender gets the note as written


def test_no_note_from_the_sender_no_notice_from_an_approver_always(client, web_db) -> None:
    mine = seed.message(web_db)
    theirs = seed.message(web_db, release_mode="approval")
    login(client, "alice@corp.example")
    assert _cancel(client, mine, "  \r\n ").status_code == 303
    assert hold_queue.get(web_db, mine).cancel_note == "" and _notices(web_db, "alice@corp.example") == []
    client.post("/logout", data={"csrf": csrf_of(client.get("/messages").text)})
    login(client, "bob@corp.example")
    assert _cancel(client, theirs, "").status_code == 303
    (notice,) = _notices(web_db, "alice@corp.example")
    assert "修正してほしい点" not in notice and "bob@corp.example" in notice


def test_a_note_too_long_is_refused_and_kept_in_the_form(client, web_db) -> None:
    mid = seed.message(web_db)
    login(client, "alice@corp.example")
    r = _cancel(client, mid, "あ" * (NOTE_MAX + 1))
    assert r.status_code == 400 and "500 文字以内" in r.text and "あ" * (NOTE_MAX + 1) in r.text
    assert hold_queue.get(web_db, mid).state == "held" and _notices(web_db, "alice@corp.example") == []
    assert _cancel(client, mid, "い" * NOTE_MAX).status_code == 303
    assert hold_queue.get(web_db, mid).cancel_note == "い" * NOTE_MAX


def test_someone_who_may_not_decide_cannot_cancel(client, web_db) -> None:
    mid = seed.message(web_db)
    login(client, "carol@corp.example")  # another group's sender
    page = client.get("/messages").text
    r = client.post(f"/messages/{mid}/cancel", data={"csrf": csrf_of(page), "note": "x"})
    assert r.status_code == 404 and hold_queue.get(web_db, mid).state == "held"


def test_clean_note_rules() -> None:
    assert clean_note("a\r\n\r\n\r\n\r\nb\t c\u200b\x00") == "a\n\nb  c"
    assert clean_note("ｶﾞ") == "ｶﾞ" and clean_note("\u304b\u3099") == "が"  # NFC


def test_retention_masks_the_note_with_the_subject(web_db) -> None:
    from mamori.gateway.retention import engine_mask, redacted_columns

    mid = seed.message(web_db, state="cancelled")
    with web_db.session() as s:
        row = s.get(MailMessage, mid)
        row.cancel_note = NOTE
        redacted = redacted_columns(row, engine_mask)
    assert "03-1234-5678" not in redacted["cancel_note"] and redacted["cancel_note"].startswith("宛先を")
