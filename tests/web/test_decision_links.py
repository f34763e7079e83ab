"""Decision links through the app: a GET shows and never decides, the POST decides once (audited, the link spent),
an expired, tampered or someone else's link is refused, and the rules still apply (never a party, four eyes)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from mamori.gateway import hold_queue, links
from mamori.store.audit import AuditEntry
from tests.web import seed
from tests.web.conftest import csrf_of, login

SECRET = "test-secret-key-0123456789"  # the web_settings fixture's key


def token(mid: str, who: str, purpose: str = "approve", hours: float = 1.0) -> str:
    return links.sign(SECRET, message_id=mid, login=who, purpose=purpose,
                      expires_at=datetime.now(UTC) + timedelta(hours=hours))


def entries(db, mid: str) -> list[tuple[str, str]]:
    with db.session() as s:
        return [(e.actor, e.action) for e in s.query(AuditEntry).order_by(AuditEntry.id)
                if e.target == f"mail:{mid}" or e.detail.startswith(f"mail:{mid}")]


def test_get_shows_the_page_and_decides_nothing_post_decides_once(client, web_db) -> None:
    mid = seed.message(web_db, release_mode="approval")
    tok = token(mid, "bob@corp.example")
    r = client.get(f"/l/{tok}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=/l/")  # a login first
    login(client, "bob@corp.example")
    for _ in range(3):  # a link scanner, a preview, the person: nothing is decided by fetching
        page = client.get(f"/l/{tok}")
        assert page.status_code == 200
    assert hold_queue.get(web_db, mid).state == "held" and entries(web_db, mid) == []
    assert f'action="/l/{tok}"' in page.text and page.text.count('name="do" value="approve"') == 1
    assert 'class="ack"' not in page.text  # one button: the approver ticks nothing
    assert "mamori が止めた理由:" in page.text and "tanaka@abc.example" not in page.text  # masked for them
    r = client.post(f"/l/{tok}", data={"csrf": csrf_of(page.text), "do": "approve"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/messages/{mid}?done=approved"
    assert hold_queue.get(web_db, mid).state == "queued"
    assert entries(web_db, mid) == [("bob@corp.example", "link_used"), ("bob@corp.example", "approve")]
    with web_db.session() as s:
        approve = s.query(AuditEntry).filter_by(target=f"mail:{mid}", action="approve").one()
    assert approve.data["via"] == "link"
    again = client.post(f"/l/{tok}", data={"csrf": csrf_of(page.text), "do": "approve"})
    assert again.status_code == 410 and "すでに使用" in again.text
    assert client.get(f"/l/{tok}").status_code == 410


def test_the_decision_itself_refuses_a_spent_link(web_db) -> None:
    """The spent check is also inside the decision's transaction (two tabs posting at once cannot both use it)."""
    first, other = seed.message(web_db, release_mode="approval"), seed.message(web_db, release_mode="approval")
    link = links.verify(SECRET, token(first, "bob@corp.example"), "bob@corp.example")
    assert not links.is_spent(web_db, link)
    hold_queue.approve(web_db, first, "bob@corp.example", spend=link.spent_target)
    assert links.is_spent(web_db, link)
    with pytest.raises(hold_queue.QueueError) as err:
        hold_queue.approve(web_db, other, "bob@corp.example", spend=link.spent_target)
    assert err.value.code == "link_spent" and hold_queue.get(web_db, other).state == "held"


def test_expired_and_tampered_links_are_refused(client, web_db) -> None:
    mid = seed.message(web_db, release_mode="approval")
    login(client, "bob@corp.example")
    old = links.sign(SECRET, message_id=mid, login="bob@corp.example", purpose="approve",
                     expires_at=datetime.now(UTC) - timedelta(seconds=1))
    r = client.get(f"/l/{old}")
    assert r.status_code == 410 and "有効期限" in r.text and f'href="/messages/{mid}"' in r.text
    csrf = csrf_of(client.get(f"/messages/{mid}").text)
    assert client.post(f"/l/{old}", data={"csrf": csrf, "do": "approve"}).status_code == 410
    good = token(mid, "bob@corp.example")
    payload, _, mac = good.partition(".")
    forged = links.sign(SECRET, message_id=seed.message(web_db), login="x@y.example", purpose="approve",
                        expires_at=datetime.now(UTC) + timedelta(hours=1)).partition(".")[0] + "." + mac
    for bad in (forged, payload + "." + mac[:-2] + "AA", "nonsense", payload):
        r = client.post(f"/l/{bad}", data={"csrf": csrf, "do": "approve"})
        assert r.status_code == 403, bad
    assert hold_queue.get(web_db, mid).state == "held" and entries(web_db, mid) == []


def test_a_forwarded_link_lets_nobody_else_decide(client, web_db) -> None:
    """Bob's link, opened by the sender (a party) or by an officer who could approve otherwise: refused."""
    mid = seed.message(web_db, release_mode="approval")
    tok = token(mid, "bob@corp.example")
    for who in ("alice@corp.example", "olga@corp.example"):
        client.cookies.clear()
        login(client, who)
        page = client.get(f"/l/{tok}")
        assert page.status_code == 403 and "別の人に送られた" in page.text
        csrf = csrf_of(client.get("/messages").text)
        assert client.post(f"/l/{tok}", data={"csrf": csrf, "do": "approve"}).status_code == 403
    assert hold_queue.get(web_db, mid).state == "held" and entries(web_db, mid) == []


def test_a_party_cannot_approve_even_with_a_link_signed_for_them(client, web_db) -> None:
    """The rules apply on top of the signature: a link made out to the sender (or the person its From names)
    never approves."""
    mid = seed.message(web_db, release_mode="approval")
    login(client, "alice@corp.example")
    tok = token(mid, "alice@corp.example")
    assert client.get(f"/l/{tok}").status_code == 403
    csrf = csrf_of(client.get("/messages").text)
    assert client.post(f"/l/{tok}", data={"csrf": csrf, "do": "approve"}).status_code == 403
    assert hold_queue.get(web_db, mid).state == "held"


def test_the_senders_link_keeps_the_ticks(client, web_db) -> None:
    mid = seed.message(web_db)
    tok = token(mid, "alice@corp.example", purpose="confirm")
    login(client, "alice@corp.example")
    page = client.get(f"/l/{tok}").text
    assert f'action="/l/{tok}"' in page and len(re.findall(r'class="ack"', page)) == 3
    r = client.post(f"/l/{tok}", data={"csrf": csrf_of(page), "do": "send", "ack": ["r0"]})
    assert r.status_code == 400 and hold_queue.get(web_db, mid).state == "held"
    assert not links.is_spent(web_db, links.verify(SECRET, tok, "alice@corp.example"))  # a refusal spends nothing
    r = client.post(f"/l/{tok}", data={"csrf": csrf_of(page), "do": "send", "ack": ["r0", "r1", "a0"]},
                    follow_redirects=False)
    assert r.status_code == 303 and hold_queue.get(web_db, mid).state == "queued"
    assert entries(web_db, mid) == [("alice@corp.example", "link_used"), ("alice@corp.example", "release")]
