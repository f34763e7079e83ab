"""`mamori gateway --log-format json`: one JSON object per line on standard error, for a SIEM; no personal values."""

from __future__ import annotations

import json
import logging
import signal
import smtplib
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mamori.gateway.settings import load_gateway_settings
from mamori.gateway.sink import Sink
from mamori.log_format import JsonFormatter, chosen
from tests.gateway.conftest import SENDER, eml, free_port, wait_for, write_config

ROOT = Path(__file__).resolve().parents[2]


def test_a_real_gateway_logs_json_lines_without_the_mails_values(tmp_path: Path) -> None:
    sink = Sink("127.0.0.1", free_port(), tmp_path / "maildir")
    sink.start_in_thread()
    config = write_config(tmp_path, free_port(), sink.port)
    log = tmp_path / "gateway.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mamori.cli", "gateway", "--config", str(config), "-v", "--log-format", "json"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err,
        )
        try:
            port = load_gateway_settings(config).listen_port
            body = "山田太郎様\r\n電話 090-1234-5678 までご連絡ください。\r\n"
            wait_for(lambda: _sent(port, eml(["a.suzuki@ours.example"], subject="山田様の件", body=body)), 120,
                     "the gateway to accept a message")
            wait_for(lambda: sink.messages(), 60, "delivery")
            wait_for(lambda: len(log.read_text(encoding="utf-8").splitlines()) >= 2, 30, "log lines")
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(60)
            sink.stop_in_thread()
    text = log.read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    assert records and all({"time", "level", "logger", "message"} <= set(r) for r in records)
    assert any(r["logger"].startswith("mamori") and r["level"] == "INFO" for r in records)
    assert all(r["time"].endswith("+00:00") for r in records)
    for value in ("山田", "090-1234-5678", "a.suzuki", "nakamura"):  # aiosmtpd's INFO lines name the addresses
        assert value not in text


def _sent(port: int, data: bytes) -> bool:
    try:
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as c:
            c.sendmail(SENDER, ["a.suzuki@ours.example"], data)
        return True
    except OSError:
        time.sleep(0.2)
        return False


def test_formatter_and_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        info = sys.exc_info()
        record = logging.LogRecord("mamori.gateway", logging.ERROR, __file__, 1, "id %s failed", ("abc",), info)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    out = json.loads(line)
    assert out["message"] == "id abc failed" and out["level"] == "ERROR" and "ValueError: boom" in out["exception"]
    monkeypatch.delenv("MAMORI_LOG_FORMAT", raising=False)
    assert chosen(None) == "text"
    monkeypatch.setenv("MAMORI_LOG_FORMAT", "JSON")
    assert chosen(None) == "json" and chosen("text") == "text"
    monkeypatch.setenv("MAMORI_LOG_FORMAT", "xml")
    with pytest.raises(ValueError, match="MAMORI_LOG_FORMAT"):
        chosen(None)
