"""The check API against the dev misdelivery world: the course's chat case, e-mail parity with `mamori check`, FAX,
tokens, size limits and validation. A real app (FastAPI + the router), a real SQLite store, the real guard."""

from __future__ import annotations

import base64
import email
import email.policy
import logging
import os
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from mamori.guard import load_history, load_policy
from mamori.guard.channel import channel_index, load_channel_index
from mamori.store import Database
from mamori.store.api_tokens import create_token, list_tokens, revoke_token
from mamori.web.check_api import ApiLimits, router

DEV = Path(os.environ.get("MAMORI_EVAL", "/work/shared/eval")) / "misdelivery" / "dev"  # the dev split only
KOBAYASHI = {"address": "k.kobayashi@koyo-sys.example", "name": "小林 健一"}  # usually writes to 旭光物流's 井上 稔
CHECK = "/api/v1/check"


class Guard(SimpleNamespace):
    """What ``app.state.guard`` holds: .policy, .directory, .history, .channels; the shared detector on first use."""

    @property
    def detector(self):  # type: ignore[no-untyped-def]
        from mamori.detect.detector import default_detector

        return default_detector()


@lru_cache(maxsize=1)
def dev_guard() -> Guard:
    """Policy, directory (with its FAX/handle index) and history of the dev set (never the test split)."""
    if not DEV.is_dir():
        pytest.skip(f"dev misdelivery set not available: {DEV} is missing", allow_module_level=True)
    channels = load_channel_index(DEV / "contacts.csv")
    return Guard(
        policy=load_policy(DEV / "mamori.toml"),
        directory=channels.directory,
        history=load_history(DEV / "history.jsonl"),
        channels=channels,
    )


def build_app(tmp_path: Path, guard: object | None) -> tuple[FastAPI, str]:
    """A small app with the check API router, a migrated SQLite store and one token (returned)."""
    db = Database(f"sqlite:///{tmp_path / 'api.db'}")
    db.migrate()
    _, token = create_token(db, "chat-tool", actor="test")
    app = FastAPI(title="mamori check API (test)")
    app.state.db = db
    app.state.guard = guard
    app.include_router(router)
    return app, token


@pytest.fixture
def api(tmp_path):
    app, token = build_app(tmp_path, dev_guard())
    with TestClient(app) as client:
        client.headers["Authorization"] = f"Bearer {token}"
        yield client
    app.state.db.dispose()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def eml(name: str) -> email.message.EmailMessage:
    return email.message_from_bytes((DEV / "messages" / name).read_bytes(), policy=email.policy.default)


def invoice_for_kyokko() -> dict:
    """The real attachment of dev 0003: an invoice addressed to 旭光物流株式会社 御中, ご担当: 井上 稔 様."""
    att = next(eml("0003.eml").iter_attachments())
    return {"filename": att.get_filename(), "content_base64": b64(att.get_content())}


def codes(body: dict) -> set[str]:
    return {r["code"] for r in body["reasons"]}


# --- the course's case: a file sent in a messaging app to another customer's person of the same surname ---------


def test_chat_file_to_same_surname_at_another_company_is_held(api):
    r = api.post(
        CHECK,
        json={
            "channel": "chat",
            "sender": KOBAYASHI,
            "recipients": [{"name": "井上", "organization": "ミライ商会株式会社"}],  # picked by surname in the app
            "text": "井上様\n10月分のご請求書をお送りします。ご確認ください。",
            "attachments": [invoice_for_kyokko()],
        },
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["action"] == "hold"
    assert {"similar_recipient", "attachment_recipient_mismatch"} <= codes(body)
    res = body["recipients"][0]
    assert (res["status"], res["matched_by"], res["organization"]) == ("resolved", "surname", "ミライ商会株式会社")
    similar = next(x for x in body["reasons"] if x["code"] == "similar_recipient")
    assert "旭光物流株式会社" in similar["detail"] and "旭光物流株式会社" in similar["detail_ja"]
    mismatch = next(x for x in body["reasons"] if x["code"] == "attachment_recipient_mismatch")
    assert "旭光物流株式会社" in mismatch["detail_ja"] and "ミライ商会株式会社" in mismatch["detail_ja"]
    # masked everywhere: the recipient's address and full name never appear
    assert "k.inoue@" not in r.text and "京助" not in r.text
    assert body["external_recipients"][0]["organization"] == "ミライ商会株式会社"
    assert body["external_recipients"][0]["recipients"][0]["first_time"] is True


def test_chat_text_naming_the_other_company_is_held_without_attachment(api):
    r = api.post(
        CHECK,
        json={
            "channel": "chat",
            "sender": KOBAYASHI,
            "recipients": [{"name": "井上 京助", "organization": "ミライ商会"}],
            "text": "井上様、旭光物流様の件で先ほどの資料を共有します。",
        },
    )
    body = r.json()
    assert body["action"] == "hold", body
    similar = next(x for x in body["reasons"] if x["code"] == "similar_recipient")
    assert "旭光物流株式会社" in similar["detail"]


def test_chat_to_the_right_person_is_only_confirmed(api):
    r = api.post(
        CHECK,
        json={
            "channel": "chat",
            "sender": KOBAYASHI,
            "recipients": [{"name": "井上 稔", "organization": "旭光物流株式会社"}],
            "text": "井上様\n10月分のご請求書をお送りします。ご確認ください。",
            "attachments": [invoice_for_kyokko()],
        },
    )
    body = r.json()
    assert body["action"] == "confirm", body
    assert codes(body) == {"external_recipient"}
    assert body["recipients"][0]["matched_by"] == "name"
    assert body["attachments"][0]["records"] >= 0 and body["attachments"][0]["issues"] == []


def test_internal_chat_is_allowed(api):
    r = api.post(
        CHECK,
        json={
            "channel": "chat",
            "sender": KOBAYASHI,
            "recipients": [{"address": "j.yamashita@koyo-sys.example"}],
            "text": "旭光物流様の請求書、確認お願いします。",
        },
    )
    body = r.json()
    assert (body["action"], body["reasons"], body["external_recipients"]) == ("allow", [], [])
    assert body["recipients"][0]["internal"] is True


def test_unknown_chat_recipient_is_reported(api):
    r = api.post(
        CHECK,
        json={
            "channel": "chat",
            "sender": KOBAYASHI,
            "recipients": [{"name": "井上 次郎", "organization": "デルタ工業株式会社"}],
            "text": "よろしくお願いします。",
        },
    )
    body = r.json()
    assert "unknown_recipient" in codes(body)
    assert body["recipients"][0]["status"] == "unknown"
    assert body["external_recipients"][0]["recipients"][0]["address"] is None
    assert "invalid" not in r.text and "?" not in body["recipients"][0]["label"]


# --- e-mail: the same verdict as `mamori check` on the .eml ---------------------------------------------------


def eml_as_json(name: str) -> dict:
    m = eml(name)
    recipients = []
    for fld in ("to", "cc", "bcc"):
        for a in m[fld].addresses if m[fld] else ():
            recipients.append({"name": a.display_name, "address": a.addr_spec, "field": fld})
    sender = m["from"].addresses[0]
    part = m.get_body(preferencelist=("plain",))
    return {
        "channel": "email",
        "sender": {"address": sender.addr_spec, "name": sender.display_name},
        "recipients": recipients,
        "subject": str(m["subject"]),
        "text": part.get_content() if part is not None else "",
        "attachments": [
            {
                "filename": a.get_filename(),
                "content_base64": b64(a.get_payload(decode=True)),
                "content_type": a.get_content_type(),
            }
            for a in m.iter_attachments()
        ],
    }


@pytest.mark.parametrize("name", ["0001.eml", "0002.eml", "0003.eml", "0014.eml", "0021.eml"])
def test_email_channel_gives_the_verdict_of_mamori_check(api, name):
    from mamori.guard.runner import check_file

    g = dev_guard()
    outcome = check_file(DEV / "messages" / name, g.policy, g.directory, g.history, g.detector)
    assert outcome.verdict is not None, outcome.error
    r = api.post(CHECK, json=eml_as_json(name))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["action"] == outcome.verdict.action
    assert sorted((x["code"], x["severity"], x["detail"]) for x in body["reasons"]) == sorted(
        (x.code, x.severity, x.detail) for x in outcome.verdict.reasons
    )
    assert [g["organization"] for g in body["external_recipients"]] == [
        g.organization for g in outcome.verdict.external_groups
    ]


# --- FAX --------------------------------------------------------------------------------------------------------


@pytest.fixture
def fax_api(tmp_path):
    """The dev world with a fax column: 旭光物流 03-5555-0101, ミライ商会 03-5555-0202 (one row each)."""
    text = (DEV / "contacts.csv").read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    out = [lines[0] + ",fax"]
    for line in lines[1:]:
        fax = ""
        if line.startswith("井上 稔,"):
            fax = "03-5555-0101"
        elif line.startswith("井上 京助,"):
            fax = "03-5555-0202"
        out.append(f"{line},{fax}")
    g = dev_guard()
    guard = Guard(**{**vars(g), "channels": channel_index(g.directory, "\n".join(out))})
    app, token = build_app(tmp_path, guard)
    with TestClient(app) as client:
        client.headers["Authorization"] = f"Bearer {token}"
        yield client
    app.state.db.dispose()


def fax(number: str) -> dict:
    return {
        "channel": "fax",
        "sender": KOBAYASHI,
        "recipients": [{"name": "井上 稔", "organization": "旭光物流株式会社", "fax": number}],
        "text": "旭光物流株式会社\n井上様\n\nFAXにて失礼いたします。注文書をお送りします。",
    }


def test_fax_number_of_another_company_is_held(fax_api):
    body = fax_api.post(CHECK, json=fax("03-5555-0202")).json()  # ミライ商会's number for 旭光物流's 井上様
    assert body["action"] == "hold", body
    mismatch = next(x for x in body["reasons"] if x["code"] == "recipient_organization_mismatch")
    assert "ミライ商会株式会社" in mismatch["detail_ja"] and "FAX" in mismatch["detail"]
    assert "content_recipient_mismatch" in codes(body)
    assert body["recipients"][0]["matched_by"] == "fax"
    assert "5555-0202" not in fax_api.post(CHECK, json=fax("03-5555-0202")).text.replace("****-0202", "")


def test_fax_number_of_the_named_company_is_confirmed(fax_api):
    body = fax_api.post(CHECK, json=fax("+81 3-5555-0101")).json()
    assert body["action"] == "confirm", body
    assert codes(body) == {"external_recipient"}


def test_fax_number_not_in_the_directory_is_not_allowed_silently(fax_api):
    body = fax_api.post(CHECK, json=fax("03-9999-0000")).json()
    assert "unknown_recipient" in codes(body)
    assert body["action"] in ("confirm", "hold")
    assert body["recipients"][0]["status"] == "unknown"


# --- tokens, limits, validation, no guard ---------------------------------------------------------------------

CHAT = {
    "channel": "chat",
    "sender": KOBAYASHI,
    "recipients": [{"name": "井上 稔", "organization": "旭光物流株式会社"}],
    "text": "よろしくお願いします。",
}


def test_missing_bad_and_revoked_tokens_get_401_json(api):
    db = api.app.state.db
    no = api.post(CHECK, json=CHAT, headers={"Authorization": ""})
    assert no.status_code == 401 and no.json()["detail"]["code"] == "unauthorized"
    assert no.headers["WWW-Authenticate"] == "Bearer" and no.json()["detail"]["message_ja"]
    bad = api.post(CHECK, json=CHAT, headers={"Authorization": "Bearer mmr_not-a-token"})
    assert bad.status_code == 401
    basic = api.post(CHECK, json=CHAT, headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert basic.status_code == 401
    _, other = create_token(db, "crm", actor="test")
    ok = api.post(CHECK, json=CHAT, headers={"Authorization": f"Bearer {other}"})
    assert ok.status_code == 200
    assert next(t for t in list_tokens(db) if t.name == "crm").last_used_at is not None
    revoke_token(db, "crm", actor="test")
    assert api.post(CHECK, json=CHAT, headers={"Authorization": f"Bearer {other}"}).status_code == 401
    # 401 comes before validation: an unauthenticated client learns nothing about the body
    assert api.post(CHECK, json={"channel": "pigeon"}, headers={"Authorization": ""}).status_code == 401


def test_tokens_are_stored_as_hashes_only(api):
    from sqlalchemy import text

    with api.app.state.db.session() as s:
        rows = s.execute(text("SELECT token_hash FROM api_tokens")).scalars().all()
    token = api.headers["Authorization"].removeprefix("Bearer ")
    assert rows and all(len(h) == 64 and token not in h for h in rows)


def test_too_large_attachment_and_body_get_413(api):
    api.app.state.check_api_limits = ApiLimits(
        max_request_bytes=20_000, max_attachment_bytes=1_000, max_total_attachment_bytes=1_500
    )
    big = {**CHAT, "attachments": [{"filename": "a.txt", "content_base64": b64(b"x" * 1_001)}]}
    r = api.post(CHECK, json=big)
    assert r.status_code == 413 and r.json()["detail"]["code"] == "too_large"
    assert "a.txt" in r.json()["detail"]["message"]
    two = {**CHAT, "attachments": [{"filename": f"{i}.txt", "content_base64": b64(b"x" * 800)} for i in range(2)]}
    assert api.post(CHECK, json=two).status_code == 413
    huge = {**CHAT, "text": "あ" * 30_000}
    r = api.post(CHECK, json=huge)
    assert r.status_code == 413 and r.json()["detail"]["message_ja"]

    def chunks():  # no Content-Length: the body is counted as it arrives
        yield b'{"channel": "chat", "text": "'
        for _ in range(30):
            yield b"x" * 1000
        yield b'"}'

    r = api.post(CHECK, content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413, r.text


def test_validation_errors_are_422_with_clear_messages(api):
    bad64 = {**CHAT, "attachments": [{"filename": "a.txt", "content_base64": "not base64!"}]}
    r = api.post(CHECK, json=bad64)
    assert r.status_code == 422 and "base64" in r.text
    r = api.post(CHECK, json={**CHAT, "channel": "email"})  # the channel says which recipient fields are needed
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", "email", "recipients", 0, "address"]
    r = api.post(CHECK, json={**CHAT, "channel": "fax"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == "fax"
    r = api.post(CHECK, json={**CHAT, "recipients": [{"organization": "旭光物流株式会社"}]})
    assert r.status_code == 422 and "needs a name, a handle or an address" in r.text
    assert api.post(CHECK, json={k: v for k, v in CHAT.items() if k != "channel"}).status_code == 422
    assert api.post(CHECK, json={**CHAT, "channel": "pigeon"}).status_code == 422
    assert api.post(CHECK, json={**CHAT, "recipients": []}).status_code == 422
    assert api.post(CHECK, json={**CHAT, "sender": {"name": "x"}}).status_code == 422
    assert api.post(CHECK, json={**CHAT, "surprise": 1}).status_code == 422
    r = api.post(CHECK, content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 422
    r = api.post(CHECK, content=b'{"text": "\xff\xfe"}', headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["detail"][0]["type"] == "json_invalid"


def test_no_guard_is_503_and_health_says_so(tmp_path):
    app, token = build_app(tmp_path, None)
    with TestClient(app) as client:
        r = client.post(CHECK, json=CHAT, headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 503 and r.json()["detail"]["code"] == "no_guard"
        assert client.get("/api/v1/health").json() == {"status": "no_guard", "guard": False}
    app.state.db.dispose()


def test_health_and_openapi(api):
    assert api.get("/api/v1/health").json() == {"status": "ok", "guard": True}
    spec = api.get("/openapi.json").json()
    op = spec["paths"]["/api/v1/check"]["post"]
    assert {"401", "413", "422", "503"} <= set(op["responses"])
    assert any("token" in s for s in op["security"])
    assert api.get("/docs").status_code == 200


def test_logs_hold_no_text_names_or_addresses(api, caplog):
    caplog.set_level(logging.DEBUG)
    api.post(
        CHECK,
        json={
            "channel": "chat",
            "sender": KOBAYASHI,
            "recipients": [{"name": "井上 京助", "organization": "ミライ商会株式会社", "handle": "kyosuke.inoue"}],
            "text": "秘密の本文 090-1234-5678",
            "attachments": [invoice_for_kyokko()],
        },
    )
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "action=hold" in logged
    for raw in ("秘密", "090-1234", "井上", "京助", "kyosuke", "k.kobayashi", "請求書"):
        assert raw not in logged
