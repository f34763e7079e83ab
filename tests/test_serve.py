"""``mamori serve`` end to end on the embedded demo: the real command, real SMTP, the real web app over HTTP.

Internal mail goes straight to the local sink; the course's case (a quote for 佐藤様 of one customer sent to the
佐藤さん of another) is held; the first administrator, whose password ``serve`` printed, approves it in the web app
after ticking every recipient; it then arrives at the sink too.
"""

from __future__ import annotations

import re
import signal
import smtplib
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

MAIL = Path(__file__).resolve().parent.parent / "examples" / "serve" / "mail"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(pred, timeout: float = 60.0, what: str = "") -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _delivered(data_dir: Path) -> list[bytes]:
    new = data_dir / "delivered" / "new"
    return [p.read_bytes() for p in sorted(new.iterdir())] if new.is_dir() else []


def _arrived(data_dir: Path, sample: str) -> list[bytes]:
    """Delivered copies of one sample message (notices to the sender are delivered too, and not counted)."""
    return [m for m in _delivered(data_dir) if f"<{sample}@mamori-shoji.example>".encode() in m]


@pytest.fixture
def served(tmp_path: Path):
    web, smtp, hop = _port(), _port(), _port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mamori.cli", "serve", "--data-dir", str(tmp_path / "var"),
         "--web", f"127.0.0.1:{web}", "--smtp", f"127.0.0.1:{smtp}", "--next-hop", f"127.0.0.1:{hop}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines: list[str] = []
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            lines.append(line)
            if "first login" in line:
                break
        out = "".join(lines)
        m = re.search(r"password: (\S+)", out)
        assert m, f"serve printed no first login:\n{out}"
        yield {"web": f"http://127.0.0.1:{web}", "smtp": smtp, "password": m.group(1),
               "var": tmp_path / "var", "out": out}
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()


def _send(port: int, name: str) -> None:
    data = (MAIL / name).read_bytes()
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as s:
        s.sendmail("h.nakamura@mamori-shoji.example", _rcpts(data), data)


def _rcpts(data: bytes) -> list[str]:
    from email import message_from_bytes
    from email.utils import getaddresses

    msg = message_from_bytes(data)  # compat32: the header as written (encoded words), so addresses parse cleanly
    return [a for _, a in getaddresses(msg.get_all("To", []) + msg.get_all("Cc", []))]


def _form_value(html: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}"[^>]*value="([^"]*)"', html) + re.findall(
        rf'value="([^"]*)"[^>]*name="{name}"', html
    )


def test_serve_demo_end_to_end(served) -> None:
    assert "web app" in served["out"] and "SMTP gateway" in served["out"]
    # internal mail: allowed, arrives unchanged at the local sink
    _send(served["smtp"], "1-internal.eml")
    _wait(lambda: _arrived(served["var"], "1-internal"), what="the internal message at the sink")
    sent = (MAIL / "1-internal.eml").read_bytes().replace(b"\r\n", b"\n").strip()
    assert sent in _arrived(served["var"], "1-internal")[0].replace(b"\r\n", b"\n")  # unchanged

    # the same-surname case: held, not delivered
    _send(served["smtp"], "3-same-surname.eml")
    with httpx.Client(base_url=served["web"], follow_redirects=False, timeout=30) as web:
        page = web.get("/login")
        csrf = _form_value(page.text, "csrf")[0]
        r = web.post("/login", data={"login": "admin@localhost", "password": served["password"], "csrf": csrf,
                                     "next": "/"})
        assert r.status_code == 303, r.text
        ids: list[str] = []

        def listed() -> bool:
            # (the sender may release it: it is listed with what waits for its sender, not in 承認待ち itself)
            ids[:] = re.findall(r'href="/messages/([0-9a-f]{32})"', web.get("/queue?scope=all").text)
            return bool(ids)

        _wait(listed, what="the held message in the approver queue")
        detail = web.get(f"/messages/{ids[0]}")
        assert detail.status_code == 200
        assert "content_recipient_mismatch" in detail.text or "宛名" in detail.text
        assert not _arrived(served["var"], "3-same-surname")  # still held
        assert not _form_value(detail.text, "ack")  # an approver judges the reasons: nothing to tick
        csrf = _form_value(detail.text, "csrf")[0]
        refused = web.post(f"/messages/{ids[0]}/approve", data={"csrf": "x" * 20, "do": "approve"})
        assert refused.status_code == 403 and not _arrived(served["var"], "3-same-surname")  # a bad CSRF token
        r = web.post(f"/messages/{ids[0]}/approve", data={"csrf": csrf, "do": "approve"})
        assert r.status_code == 303, r.text
    _wait(lambda: _arrived(served["var"], "3-same-surname"), what="the approved message at the sink")
    # the sender was told about the held message (a notice through the same next hop, with the page's link)
    assert any(b"From: mamori@mamori-shoji.example" in m for m in _delivered(served["var"]))
