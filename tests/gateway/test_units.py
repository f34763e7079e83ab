"""The pure parts: settings (errors name the key), Bcc conversion, verdict → state, retry/bounce decisions, CLI."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.cli import main
from mamori.gateway import hold_queue
from mamori.gateway.delivery import Attempt, backoff, mail_options, outcome
from mamori.gateway.edits import split_header, to_bcc
from mamori.gateway.intake import Judged, judge_raw, plan
from mamori.gateway.settings import GatewaySettings, SettingsError, load_gateway_settings, parse_gateway_settings
from mamori.gateway.spool import Claimed
from mamori.guard import Directory, History
from mamori.guard.model import Reason, Verdict
from mamori.guard.policy import parse_policy
from tests.gateway.conftest import SENDER, eml

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('[gateway]\nlisten = "nohost"', "gateway.listen"),
        ('[gateway]\nnext_hop = "h:99999"', "gateway.next_hop"),
        ('[gateway]\nconfirm_mode = "later"', "gateway.confirm_mode"),
        ("[gateway]\nmax_message_size = 10", "gateway.max_message_size"),
        ('[gateway]\nretry_seconds = ["soon"]', "gateway.retry_seconds"),
        ('[gateway]\ntls_cert = "c.pem"', "gateway.tls_cert"),
        ('[gateway.release_modes]\nbulk_pii = "boss"', "gateway.release_modes.bulk_pii"),
        ('[gateway.release_modes]\nno_such_code = "self"', "gateway.release_modes.no_such_code"),
        ('[gateway]\nbcc_open_lists = "yes"', "gateway.bcc_open_lists"),
        ('[gateway]\nnotify_sender = "yes"', "gateway.notify_sender"),
        ("[gateway]\nretention_content_days = -1", "gateway.retention_content_days"),
        ('[gateway]\nretention_content_days = "30"', "gateway.retention_content_days"),
        ("[gateway]\nretention_message_days = 1.5", "gateway.retention_message_days"),
        ("[gateway]\nretention_message_days = true", "gateway.retention_message_days"),
        ("[gateway]\nretention_content_days = 30\nretention_message_days = 7", "gateway.retention_message_days"),
        ("[guard]\ncontacts = 3", "guard.contacts"),
        ("[store]\nurl = 5", "store.url"),
    ],
)
def test_settings_errors_name_the_key(tmp_path, toml, key):
    p = tmp_path / "mamori.toml"
    p.write_text(toml)
    with pytest.raises(SettingsError) as e:
        load_gateway_settings(p)
    assert key in str(e.value)


def test_settings_defaults_and_paths(tmp_path):
    p = tmp_path / "mamori.toml"
    p.write_text('[guard]\ncontacts = "c.csv"\n[store]\nurl = "sqlite:///db/m.db"\n[web]\nbase_url = "https://x/"\n')
    s = load_gateway_settings(p)
    assert (s.listen_port, s.next_hop_port, s.max_message_size, s.judge_workers) == (10025, 10026, 10_240_000, 2)
    assert s.contacts == tmp_path / "c.csv" and s.history is None
    assert s.store_url == f"sqlite:///{(tmp_path / 'db' / 'm.db').resolve()}"
    assert s.confirm_link("abc") == "https://x/messages/abc"
    with pytest.raises(SettingsError, match="line"):
        p.write_text("[gateway\n")
        load_gateway_settings(p)


def test_bcc_conversion_touches_only_to_and_cc():
    raw = (b"DKIM-Signature: v=1;\r\n\tb=abc\r\nFrom: a@ours.example\r\nTo: x@a.example,\r\n y@b.example\r\n"
           b"Cc: z@c.example\r\nSubject: s\r\n\r\nTo: not a header\r\nCc: body\r\n")
    out = to_bcc(raw)
    assert out == (b"DKIM-Signature: v=1;\r\n\tb=abc\r\nFrom: a@ours.example\r\nTo: undisclosed-recipients:;\r\n"
                   b"Subject: s\r\n\r\nTo: not a header\r\nCc: body\r\n")
    assert to_bcc(b"From: a\nSubject: s\n\nbody\n") == b"From: a\nSubject: s\nTo: undisclosed-recipients:;\n\nbody\n"
    head, blank, body = split_header(raw)
    assert head + blank + body == raw


def _verdict(*codes_severities: tuple[str, str]) -> Verdict:
    return Verdict.of([Reason(c, s, c) for c, s in codes_severities])


def test_plan_maps_verdicts_to_states():
    base = GatewaySettings(release_modes={"bulk_pii": "approval"}, hold_expiry_hours=1)
    allow = plan(Judged(None, _verdict()), base, NOW)
    assert allow["state"] == "queued" and allow["deliver_after"] == NOW
    confirm = plan(Judged(None, _verdict(("external_recipient", "confirm"))), base, NOW)
    assert confirm["state"] == "waiting" and confirm["expires_at"] == NOW + timedelta(hours=72)
    delay = plan(Judged(None, _verdict(("external_recipient", "confirm"))), GatewaySettings(confirm_mode="delay"), NOW)
    assert delay["state"] == "waiting" and delay["deliver_after"] == NOW + timedelta(minutes=5)
    hold = plan(Judged(None, _verdict(("bulk_pii", "hold"), ("lookalike_domain", "hold"))), base, NOW)
    assert (hold["state"], hold["release_mode"], hold["expires_at"]) == ("held", "approval", NOW + timedelta(hours=1))
    self_hold = plan(Judged(None, _verdict(("lookalike_domain", "hold"))), base, NOW)
    assert self_hold["release_mode"] == "self"
    block = plan(Judged(None, _verdict(("blocked_recipient", "block"), ("bulk_pii", "hold"))), base, NOW)
    assert block["state"] == "rejected"
    broken = plan(Judged(None, None, "guard_error", "boom"), base, NOW)
    assert broken["state"] == "held" and broken["reasons"][0]["code"] == "guard_error"
    auto = plan(Judged(None, _verdict(("open_recipient_list", "hold"), ("external_recipient", "confirm"))),
                GatewaySettings(bcc_open_lists="auto"), NOW)
    assert auto["bcc"] and auto["state"] == "waiting"


def test_internal_mail_skips_the_scan_without_changing_the_verdict(detector):
    """The fast path for internal-only mail: the personal-data checks apply to external mail only."""
    policy = parse_policy('[organization]\ninternal_domains = ["ours.example"]\n')
    body = "".join(f"{i}. 山田 太郎 090-1234-{i:04d} 東京都千代田区丸の内1-1-{i}\r\n" for i in range(60))
    body += "病歴: 糖尿病 山田 太郎\r\n"
    data = eml(["a.suzuki@ours.example"], body="佐藤様\r\n" + body)
    fast = judge_raw(data, ["a.suzuki@ours.example"], policy, Directory(), History(), detector)
    from mamori.gateway.intake import with_envelope
    from mamori.guard import judge
    from mamori.guard.engine import message_from_eml

    full = judge(with_envelope(message_from_eml(data, detector=detector), ["a.suzuki@ours.example"]),
                 policy, Directory(), History())
    assert fast.verdict == full
    external = judge_raw(data, ["x@alpha.example"], policy, Directory(), History(), detector)
    assert "bulk_pii" in {r.code for r in external.verdict.reasons}  # the same body, sent out: caught


def _claimed(**kw) -> Claimed:
    values = dict(id="m1", mail_from=SENDER, rcpt_to=["a@x.example", "b@x.example"], raw=b"From: a\r\n\r\nb\r\n",
                  bcc=False, attempts=1, received_at=NOW, action="allow", subject="s", sender=SENDER)
    values.update(kw)
    return Claimed(**values)


def test_delivery_outcomes():
    s = GatewaySettings(retry_seconds=(10, 60), bounce_after_hours=1)
    assert outcome(_claimed(), Attempt(250), s, NOW).state == "delivered"
    temp = outcome(_claimed(attempts=3), Attempt(421, "down"), s, NOW)
    assert temp.state == "queued" and temp.next_attempt_at == NOW + timedelta(seconds=60)
    perm = outcome(_claimed(), Attempt(554, "no"), s, NOW)
    assert perm.state == "bounced" and perm.extra[0].columns["rcpt_to"] == [SENDER]
    assert perm.extra[0].columns["mail_from"] == ""
    late = outcome(_claimed(received_at=NOW - timedelta(hours=2)), Attempt(421, "down"), s, NOW)
    assert late.state == "bounced" and "gave up" in late.error
    notice = outcome(_claimed(mail_from="", action="notice"), Attempt(550, "no"), s, NOW)
    assert notice.state == "bounced" and not notice.extra  # never a bounce of a bounce
    split = outcome(_claimed(), Attempt(250, refused={"b@x.example": (450, "busy")}), s, NOW)
    assert split.state == "delivered" and split.extra[0].columns["rcpt_to"] == ["b@x.example"]
    assert backoff(s, 1) == 10 and backoff(s, 9) == 60
    assert mail_options(b"ascii", "a@x", ["b@y"]) == []
    assert mail_options("Subject: é\r\n\r\nx".encode(), "a@x", ["b@y"]) == ["BODY=8BITMIME", "SMTPUTF8"]
    assert mail_options("Subject: s\r\n\r\né".encode(), "a@x", ["b@y"]) == ["BODY=8BITMIME"]


def test_queue_cli(start_gateway, sink):
    gw = start_gateway()
    rcpts = [f"user{k}@cust{k % 3}.example" for k in range(6)]
    gw.send(eml(rcpts, subject="cli"), rcpts)
    gw.send(eml(["t.sato@alpha.example"], subject="cli2"), ["t.sato@alpha.example"])
    config = str(gw.settings.config_path)
    runner = CliRunner()
    r = runner.invoke(main, ["queue", "list", "--config", config, "--state", "held", "--json"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert [row["reasons"] for row in rows] == [["open_recipient_list", "external_recipient", "first_time_recipient",
                                                 "multiple_external_orgs"]] or rows[0]["state"] == "held"
    held_id = rows[0]["id"]
    r = runner.invoke(main, ["queue", "show", "--db", gw.settings.store_url, held_id])
    assert r.exit_code == 0 and json.loads(r.output)["state"] == "held"
    r = runner.invoke(main, ["queue", "release", "--config", config, "nope"])
    assert r.exit_code == 1 and "見つかりません" in r.output
    r = runner.invoke(main, ["queue", "approve", "--config", config, held_id, "--bcc"])
    assert r.exit_code == 0 and "queued" in r.output
    waiting = hold_queue.list_messages(gw.db, states=("waiting",))[0]
    r = runner.invoke(main, ["queue", "cancel", "--config", config, waiting.id, "--reason", "wrong person"])
    assert r.exit_code == 0 and "cancelled" in r.output
    r = runner.invoke(main, ["queue", "cancel", "--config", config, waiting.id])
    assert r.exit_code == 1
    m = hold_queue.get(gw.db, held_id)
    assert m.bcc and m.decided_by.startswith("cli")


def test_gateway_command_refuses_a_bad_config(tmp_path):
    p = tmp_path / "mamori.toml"
    p.write_text('[gateway]\nlisten = "x"\n')
    r = CliRunner().invoke(main, ["gateway", "--config", str(p)])
    assert r.exit_code == 2 and "gateway.listen" in r.output


def test_gateway_command_names_a_bad_policy_key(tmp_path):
    p = tmp_path / "mamori.toml"
    p.write_text('[gateway]\nlisten = "127.0.0.1:1"\n[organization]\nname = "x"\n')
    r = CliRunner().invoke(main, ["gateway", "--config", str(p)])
    assert r.exit_code == 2 and "organization.internal_domains" in r.output


def test_parse_settings_by_hand():
    s = parse_gateway_settings({"gateway": {"delay_minutes": 1.5}}, Path("/srv"))
    assert s.delay_minutes == 1.5 and s.data_dir == Path("/srv/var")


def test_describe_reads_8bit_and_encoded_header_names() -> None:
    """SMTPUTF8 mail carries raw UTF-8 in its headers: names must come out as text, not replacement characters."""
    import base64

    from mamori.gateway.intake import Judged, describe

    raw = (
        "From: 中村 花子 <h.nakamura@corp.example>\r\n"
        "To: 山本 大輔 <yamamoto@corp.example>, =?utf-8?b?5L2Q6Jek?= <sato@client.example>\r\n"
        f"Subject: =?utf-8?b?{base64.b64encode('試験'.encode()).decode()}?=\r\n\r\nbody\r\n"
    ).encode()
    out = describe(raw, "h.nakamura@corp.example", Judged(None, None))
    assert [r["name"] for r in out["recipients"]] == ["山本 大輔", "佐藤"]
    assert out["sender_name"] == "中村 花子" and out["subject"] == "試験"


def _outcome(parse, arg: str) -> object:  # type: ignore[no-untyped-def]
    try:
        return parse(arg)
    except Exception as exc:  # aiosmtpd's parser raises on some garbage: the fast path must raise alike
        return type(exc)


@given(st.one_of(
    st.from_regex(r"<[a-z0-9._+-]{1,20}@[a-z0-9-]{1,12}(\.[a-z]{2,6}){1,2}>( [A-Z]+=[A-Za-z0-9]+)?", fullmatch=True),
    st.text(alphabet='<>@."() \t:,;abcAB1\\[]é佐', max_size=30),
))
@settings(max_examples=300, deadline=None)
def test_plain_address_fast_path_gives_aiosmtpds_answer(arg: str) -> None:
    """MAIL FROM / RCPT TO parsing: the gateway's fast path must answer exactly as aiosmtpd's own parser."""
    import asyncio

    from aiosmtpd.smtp import SMTP

    from mamori.gateway.listener import GatewaySMTP

    loop = asyncio.new_event_loop()
    try:
        fast = GatewaySMTP(object(), enable_SMTPUTF8=True, loop=loop)
        plain = SMTP(object(), enable_SMTPUTF8=True, loop=loop)
        assert _outcome(fast._getaddr, arg) == _outcome(plain._getaddr, arg)
    finally:
        loop.close()
