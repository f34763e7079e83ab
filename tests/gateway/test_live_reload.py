"""A running gateway uses a changed contact list and policy within seconds, without a restart (issue 19).

The gateway listens on the loopback and mail goes to it over real SMTP; the contacts file and mamori.toml are
replaced the way the administration pages replace them (``contacts_admin.write``, ``config_files.replace_file``:
atomically). The next mail is judged with the new list: the recipient's organisation comes from the directory. A
policy that does not load is refused and the running one stays (a blocked recipient stays blocked).
Both with the guard in a thread of the gateway and in a worker process (the default).
"""

from __future__ import annotations

import smtplib
import time

import pytest

from mamori.gateway import hold_queue
from mamori.web import contacts_admin
from mamori.web.config_files import replace_file
from tests.gateway.conftest import CONTACTS, eml, wait_for

NEW = "k.kato@delta.example"


def _stored(gw, subject: str) -> hold_queue.QueuedMessage:
    def find():
        return next((m for m in hold_queue.list_messages(gw.db) if m.subject == subject), None)

    return wait_for(find, 30, f"the message {subject!r}")


def _org(msg: hold_queue.QueuedMessage) -> tuple[str, bool]:
    (group,) = msg.groups  # one recipient, one organisation
    return group["organization"], bool(group.get("known"))


@pytest.mark.parametrize("workers", [0, 1], ids=["thread", "process"])
def test_next_mail_is_judged_with_the_new_contacts_and_policy(start_gateway, workers) -> None:
    gw = start_gateway(judge_workers=workers)
    folder = gw.settings.config_path.parent

    gw.send(eml([NEW], subject="before"), [NEW])
    org, known = _org(_stored(gw, "before"))
    assert not known and org == "delta.example"  # not in the list: shown by its domain, unregistered

    live = contacts_admin.parse_upload((CONTACTS + f"加藤 四郎,カトウ シロウ,{NEW},株式会社デルタ\n").encode())
    assert not live.errors
    changed = time.monotonic()
    contacts_admin.write(folder / "contacts.csv", live.rows, live.columns)
    gw.send(eml([NEW], subject="after contacts"), [NEW])
    msg = _stored(gw, "after contacts")
    took = time.monotonic() - changed
    assert _org(msg) == ("株式会社デルタ", True), msg.groups
    assert took <= 5.0, f"the new contact list was used after {took:.1f} s"

    config = folder / "mamori.toml"
    text = config.read_text(encoding="utf-8")
    replace_file(config, text.replace('recipients = ["*@rival.example"]', 'recipients = ["*@delta.example"]').encode())
    changed = time.monotonic()
    with pytest.raises(smtplib.SMTPDataError) as refused:  # blocked now: refused at the end of DATA
        gw.send(eml([NEW], subject="after policy"), [NEW])
    assert refused.value.smtp_code == 550 and b"blocked_recipient" in refused.value.smtp_error
    assert time.monotonic() - changed <= 5.0

    # a policy that does not load: refused, the running one stays (delta still blocked, the contact still known)
    replace_file(config, text.replace('internal_domains = ["ours.example"]', 'internal_domains = "ours"').encode())
    with pytest.raises(smtplib.SMTPDataError) as refused:
        gw.send(eml([NEW], subject="after a bad policy"), [NEW])
    assert b"blocked_recipient" in refused.value.smtp_error
    other = "t.sato@alpha.example"  # and the contact list is the new one still
    gw.send(eml([other], subject="known"), [other])
    assert _org(_stored(gw, "known")) == ("株式会社アルファ", True)


def test_live_gateway_keys_are_taken_without_a_restart(start_gateway) -> None:
    """confirm_mode and delay_minutes change under the running gateway; the listener's port waits for a restart; a
    [gateway] that does not load is refused."""
    gw = start_gateway()
    config = gw.settings.config_path
    known = "t.sato@alpha.example"
    gw.send(eml([known], subject="confirm mode"), [known])
    msg = _stored(gw, "confirm mode")
    assert msg.state == "waiting" and msg.deliver_after is None  # waits for the sender's confirmation

    text = config.read_text(encoding="utf-8")
    port = gw.port
    replace_file(config, text.replace('hostname = "mamori.test"', 'hostname = "mamori.test"\nconfirm_mode = "delay"\n'
                                      "delay_minutes = 7").replace(f"127.0.0.1:{port}", "127.0.0.1:1").encode())
    wait_for(lambda: gw.gateway.settings.confirm_mode == "delay", 5, "the delay mode in use")
    assert gw.gateway.settings.listen_port == port  # the listener: after a restart only
    gw.send(eml([known], subject="delay mode"), [known])
    msg = _stored(gw, "delay mode")
    assert msg.state == "waiting" and 6.9 * 60 <= (msg.deliver_after - msg.received_at).total_seconds() <= 7.1 * 60

    replace_file(config, text.replace('hostname = "mamori.test"', 'hostname = "mamori.test"\nconfirm_mode = "maybe"')
                 .encode())
    time.sleep(1.0)  # five ticks of the expiry loop: read and refused
    assert gw.gateway.settings.confirm_mode == "delay"
