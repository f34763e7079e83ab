"""Fail closed is the guard's, not the gateway's: the messages the gateway holds because their MIME structure was
read only in part (tests/gateway/test_fail_closed.py) are held by `mamori check` and by the check API too (a chat
tool forwarding the .eml), with a reason naming the part and what is wrong; the same message well formed is not."""

from __future__ import annotations

import base64
import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from mamori.cli import main
from tests.gateway.test_fail_closed import CASES, END, ZIP, _b64, _message, _part

from .conftest import CONTACTS
from .test_cli import HISTORY, POLICY

# the gateway's cases the MIME reader alone catches (the archive ones are the guard's since long)
MIME_CASES = sorted(set(CASES) - {"damaged zip", "encrypted zip", "unsupported archive (rar)"})
WELL_FORMED = _message(_part(_b64(ZIP), "memo.zip", "application/zip") + END)


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> dict[str, dict]:
    """`mamori check --json` over every case and the well-formed message, in one run: case -> its JSON line."""
    folder = tmp_path_factory.mktemp("check")
    (folder / "mamori.toml").write_text(POLICY, encoding="utf-8")
    (folder / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    (folder / "history.jsonl").write_text(HISTORY, encoding="utf-8")
    names = {case: folder / f"case-{n}.eml" for n, case in enumerate(["well formed", *MIME_CASES])}
    for case, path in names.items():
        path.write_bytes(WELL_FORMED if case == "well formed" else CASES[case])
    args = ["check", *map(str, names.values()), "--json", "--policy", str(folder / "mamori.toml")]
    args += ["--contacts", str(folder / "contacts.csv"), "--history", str(folder / "history.jsonl")]
    result = CliRunner().invoke(main, args)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    return {case: next(x for x in lines if x["message"] == str(path)) for case, path in names.items()}


@pytest.mark.parametrize("case", MIME_CASES)
def test_mamori_check_holds_a_message_read_in_part(checked, case: str) -> None:
    out = checked[case]
    assert out["action"] == "hold", out
    reason = next(r for r in out["reasons"] if r["code"] == "unscannable_attachment")
    assert "damaged:" in reason["detail"] and "破損：" in reason["detail_ja"]


def test_mamori_check_names_the_part_and_what_is_wrong(checked) -> None:
    cut = next(r for r in checked["no closing boundary (cut off)"]["reasons"] if r["code"] == "unscannable_attachment")
    assert "(message body)" in cut["detail"] and "closing boundary is missing" in cut["detail"]
    assert "途中で切れている" in cut["detail_ja"]
    b64 = next(r for r in checked["base64 outside its alphabet"]["reasons"] if r["code"] == "unscannable_attachment")
    assert "memo.pdf" in b64["detail"] and "outside its alphabet" in b64["detail"]
    assert "復号できない" in b64["detail_ja"]


def test_mamori_check_does_not_hold_the_well_formed_message(checked) -> None:
    assert "unscannable_attachment" not in {r["code"] for r in checked["well formed"]["reasons"]}
    assert checked["well formed"]["action"] != "hold"


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    from tests.web.test_check_api import build_app, dev_guard

    app, token = build_app(tmp_path_factory.mktemp("api"), dev_guard())
    with TestClient(app) as client:
        client.headers["Authorization"] = f"Bearer {token}"
        yield client
    app.state.db.dispose()


def _post(api, raw: bytes) -> dict:
    encoded = base64.b64encode(raw).decode()
    r = api.post(
        "/api/v1/check",
        json={
            "channel": "chat",
            "sender": {"address": "k.kobayashi@koyo-sys.example", "name": "小林 健一"},
            "recipients": [{"name": "井上 稔", "organization": "旭光物流株式会社"}],
            "text": "転送します。",
            "attachments": [{"filename": "fwd.eml", "content_type": "message/rfc822", "content_base64": encoded}],
        },
    )
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize("case", MIME_CASES)
def test_the_check_api_holds_a_forwarded_message_read_in_part(api, case: str) -> None:
    body = _post(api, CASES[case])
    assert body["action"] == "hold", body["reasons"]
    reason = next(r for r in body["reasons"] if r["code"] == "unscannable_attachment")
    assert "fwd.eml" in reason["detail"] and "damaged:" in reason["detail"]


def test_the_check_api_does_not_hold_the_well_formed_message_for_it(api) -> None:
    body = _post(api, WELL_FORMED)
    assert "unscannable_attachment" not in {r["code"] for r in body["reasons"]}, body["reasons"]

