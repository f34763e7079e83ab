"""Fail closed at intake: a message mamori could not read completely — truncated MIME, a cut part header, base64
it cannot decode or that was cut short, an unknown transfer encoding, a damaged, encrypted or unsupported archive,
a reader that ran out of time — is held, never passed; a well-formed message with the same parts is not held for
it. Judged with the gateway's own guard (policy, directory, history of the test config), and once over SMTP."""

from __future__ import annotations

import base64
import io
import zipfile
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from mamori.gateway.intake import judge_raw, plan
from mamori.gateway.service import load_guard
from mamori.gateway.settings import load_gateway_settings
from tests.gateway.conftest import SENDER, free_port, wait_for, without_trace, write_config

EXTERNAL = "t.sato@alpha.example"  # a known contact: a clean message only asks for the routine confirmation


def _zip(encrypted: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("memo.txt", "会議は 10 時からです。\n")
    data = bytearray(buf.getvalue())
    if encrypted:  # the "encrypted" flag in the local and the central header (as a password-protected zip has)
        data[6] |= 1
        central = data.find(b"PK\x01\x02")
        data[central + 8] |= 1
    return bytes(data)


def _b64(data: bytes) -> bytes:
    return base64.encodebytes(data).replace(b"\n", b"\r\n")


def _message(parts: bytes, to: str = EXTERNAL, boundary: str = '; boundary="b1"') -> bytes:
    head = (
        f"From: 中村 三郎 <{SENDER}>\r\nTo: {to}\r\nSubject: test\r\nMessage-ID: <fc@ours.example>\r\n"
        f"Date: Mon, 07 Dec 2026 09:00:00 +0900\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed{boundary}\r\n\r\n"
    )
    text = (
        "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nご確認ください。\r\n"
    )
    return head.encode() + text.encode("utf-8") + parts


def _part(body: bytes, name: str, ctype: str = "application/octet-stream", cte: str = "base64") -> bytes:
    return (
        (
            f"--b1\r\nContent-Type: {ctype}\r\nContent-Transfer-Encoding: {cte}\r\n"
            f'Content-Disposition: attachment; filename="{name}"\r\n\r\n'
        ).encode()
        + body
        + b"\r\n"
    )


END = b"--b1--\r\n"
ZIP = _zip()
CASES = {
    "no closing boundary (cut off)": _message(_part(_b64(ZIP), "memo.zip", "application/zip")),
    "a part's header cut": _message(b"--b1\r\nContent-Type: application/zip\r\nContent-Disposition: attachment; fi"),
    "base64 outside its alphabet": _message(_part(b"!!!!****@@@@%%%%" * 8, "memo.pdf", "application/pdf") + END),
    "base64 cut short": _message(_part(_b64(ZIP).rstrip()[:-3], "memo.zip", "application/zip") + END),
    "unknown transfer encoding": _message(_part(ZIP.hex().encode(), "memo.zip", "application/zip", "x-hex") + END),
    "multipart without a boundary": _message(_part(_b64(ZIP), "memo.zip") + END, boundary=""),
    "damaged zip": _message(_part(_b64(ZIP[: len(ZIP) // 2]), "memo.zip", "application/zip") + END),
    "encrypted zip": _message(_part(_b64(_zip(encrypted=True)), "memo.zip", "application/zip") + END),
    "unsupported archive (rar)": _message(_part(_b64(b"Rar!\x1a\x07\x01\x00" + bytes(300)), "memo.rar") + END),
    "a fragment (message/partial)": _message(
        b'--b1\r\nContent-Type: message/partial; id="f1@ours.example"; number=1; total=2\r\n\r\n'
        b"From: a@ours.example\r\nSubject: part\r\nContent-Type: text/plain\r\n\r\nhello\r\n" + END
    ),
    "content kept elsewhere (message/external-body)": _message(
        b'--b1\r\nContent-Type: message/external-body; access-type=URL; URL="http://files.example/list.xlsx"\r\n'
        b"\r\nContent-Type: application/vnd.ms-excel\r\n\r\n" + END
    ),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fail-closed")
    settings = load_gateway_settings(write_config(folder, free_port(), free_port()))
    return settings, load_guard(settings)


def _judge(world, raw: bytes, rcpts: tuple[str, ...] = (EXTERNAL,)):
    _, g = world
    return judge_raw(raw, list(rcpts), g.policy, g.directory, g.history, g.detector, SENDER)


def test_the_same_parts_well_formed_are_not_held(world) -> None:
    judged = _judge(world, _message(_part(_b64(ZIP), "memo.zip", "application/zip") + END))
    assert judged.verdict is not None and judged.verdict.action == "confirm"
    assert [r.code for r in judged.verdict.reasons] == ["external_recipient"]


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_message_not_read_completely_is_held(world, case: str) -> None:
    settings, _ = world
    judged = _judge(world, CASES[case])
    assert judged.verdict is not None, judged.error
    assert judged.verdict.action == "hold", [(r.code, r.detail) for r in judged.verdict.reasons]
    assert "unscannable_attachment" in {r.code for r in judged.verdict.reasons}
    row = plan(judged, replace(settings, malformed="pass"), datetime(2026, 12, 7, tzinfo=UTC))
    assert row["state"] == "held"  # `malformed = "pass"` is about unreadable headers, not unread parts


def test_a_reader_out_of_time_is_held_even_when_malformed_mail_may_pass(world, monkeypatch) -> None:
    """The reader's time limit runs out (a clock that jumps): the message is held as guard_error, whatever
    ``malformed`` says — it is not malformed, it was not read."""
    import mamori.extract.context as context
    import mamori.guard.engine as engine
    from mamori.extract import DEFAULT_LIMITS

    ticks = iter(range(10**6))
    monkeypatch.setattr(context.time, "monotonic", lambda: float(next(ticks)))
    monkeypatch.setattr(engine, "guard_limits", lambda: replace(DEFAULT_LIMITS, max_seconds=2.0))
    settings, _ = world
    judged = _judge(world, _message(_part(_b64(ZIP), "memo.zip", "application/zip") + END))
    assert judged.verdict is None and judged.error_code == "guard_error", judged
    row = plan(judged, replace(settings, malformed="pass"), datetime(2026, 12, 7, tzinfo=UTC))
    assert row["state"] == "held" and row["reasons"][0]["code"] == "guard_error"


def test_no_from_header_is_still_malformed_and_the_policy_may_pass_it(world) -> None:
    judged = _judge(world, b"Subject: no sender\r\nTo: a@ours.example\r\n\r\nbody\r\n")
    assert judged.error_code == "malformed_message"


def test_internal_mail_is_not_held_for_a_cut_part(world) -> None:
    """Internal mail is not scanned for personal data, so an unread part cannot change its verdict."""
    raw = CASES["base64 outside its alphabet"].replace(EXTERNAL.encode(), b"a.suzuki@ours.example")
    judged = _judge(world, raw, ("a.suzuki@ours.example",))
    assert judged.verdict is not None and judged.verdict.action == "allow"


def test_a_truncated_message_over_smtp_is_held_and_not_delivered(start_gateway, sink) -> None:
    from mamori.gateway import hold_queue

    gw = start_gateway()
    gw.send(CASES["no closing boundary (cut off)"], [EXTERNAL])
    held = wait_for(lambda: hold_queue.list_messages(gw.db, states=("held",)), what="the message to be held")
    assert "unscannable_attachment" in {r["code"] for r in held[0].reasons}
    assert any("閉じ" in r.get("detail_ja", "") or "切れ" in r.get("detail_ja", "") for r in held[0].reasons)
    assert not [m for m in sink.received if EXTERNAL in m.rcpt_tos]


BCC_ONLY = (
    f"From: 中村 三郎 <{SENDER}>\r\nTo: undisclosed-recipients:;\r\nSubject: 名簿\r\nMIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    + "".join(f"山田 太郎{i} 090-1234-{i:04d} 東京都千代田区千代田1-{i}\r\n" for i in range(80))
).encode()


def test_bcc_only_mail_is_read_and_judged_not_passed_as_malformed(world) -> None:
    """No address in its header (undisclosed-recipients, or no To at all): it used to be malformed_message, which
    ``malformed = "pass"`` let through unread; it is read with the envelope recipients as Bcc and judged."""
    settings, _ = world
    for raw in (BCC_ONLY, BCC_ONLY.replace(b"To: undisclosed-recipients:;\r\n", b"")):
        judged = _judge(world, raw, ("x@newcust.example", EXTERNAL))
        assert judged.verdict is not None, judged.error
        assert judged.verdict.action == "hold" and "bulk_pii" in {r.code for r in judged.verdict.reasons}
        assert plan(judged, replace(settings, malformed="pass"), datetime(2026, 12, 7, tzinfo=UTC))["state"] == "held"
    internal = _judge(world, BCC_ONLY, ("a.suzuki@ours.example",))
    assert internal.verdict is not None and internal.verdict.action == "allow"


def test_bcc_only_mail_is_delivered_as_received(start_gateway, sink) -> None:
    gw = start_gateway()
    data = BCC_ONLY.replace("名簿".encode(), b"memo")
    gw.send(data, ["a.suzuki@ours.example", "b.tanaka@ours.example"])
    got = wait_for(lambda: [m for m in sink.received if "a.suzuki@ours.example" in m.rcpt_tos], what="delivery")[0]
    assert without_trace(got.data) == data  # the Bcc line the reader saw is not in the bytes
