"""Opening a new incident from a message of the gateway: the officer's link on the mail page, the form pre-filled
from the findings (cause, data types, people), nothing personal copied; others get 403, an unknown message 404."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from mamori.incidents import register
from mamori.incidents.tasks import today_in
from mamori.timefmt import zone
from tests.web import seed
from tests.web.conftest import csrf_of, login

OFFICER = "olga@corp.example"
REASONS = [
    {"code": "similar_recipient", "severity": "hold", "detail": "t*****@abd.example is new to you.",
     "detail_ja": "t*****@abd.example は初めての宛先です。", "evidence": ["t*****@abd.example", "t*****@abc.example"]},
    {"code": "sensitive_pii", "severity": "hold", "detail": "健診結果_田中一郎.xlsx holds special-care information.",
     "evidence": ["健診結果_田中一郎.xlsx", "medical"]},
]
ATTACHMENTS = [{"filename": "健診結果_田中一郎.xlsx", "size": 9000, "types": ["PERSON", "SENSITIVE", "ORGANIZATION"],
                "records": 35, "issues": []}]


def held(db, state: str = "held") -> str:
    return seed.message(db, subject="田中様 健診結果", state=state, reasons=REASONS, attachments=ATTACHMENTS)


def test_the_officer_opens_a_prefilled_form_and_records_it(client, web_db) -> None:
    mid = held(web_db, state="delivered")
    login(client, OFFICER)
    detail = client.get(f"/messages/{mid}").text
    assert f'href="/incidents/from-mail/{mid}"' in detail and "事案として登録" in detail
    form = client.get(f"/incidents/from-mail/{mid}")
    assert form.status_code == 200
    html = form.text
    assert re.search(r'<option value="email_misdelivery" selected>', html)
    assert 'name="persons" value="35"' in html
    assert re.search(r'value="PERSON" checked', html) and re.search(r'value="SENSITIVE:medical" checked', html)
    assert not re.search(r'value="ORGANIZATION"', html)  # a company name is not personal data
    today = today_in(datetime.now(UTC), zone()).isoformat()
    assert f'name="discovered_on" value="{today}"' in html
    assert "田中" not in html.split("<main>")[1] and "abd.example" not in html  # no name, file name, address
    title = re.search(r'name="title" maxlength="200" value="([^"]*)"', html).group(1)
    summary = re.search(r'<textarea name="summary" rows="3">([^<]*)</textarea>', html).group(1)
    assert mid in summary and "メール誤送信" in title
    r = client.post("/incidents/new", data={"csrf": csrf_of(html), "title": title, "summary": summary,
                                            "event": "leak", "cause": "email_misdelivery", "persons": "35",
                                            "data": ["PERSON", "SENSITIVE:medical"], "encryption": "none",
                                            "discovered_on": today}, follow_redirects=False)
    assert r.status_code == 303
    view = register.get(web_db, int(r.headers["location"].rsplit("/", 1)[1]))
    assert view.case["data"] == ["PERSON", "SENSITIVE:medical"] and view.decision["reportable"]


def test_plain_special_care_type_is_offered_ticked(client, web_db) -> None:
    mid = seed.message(web_db, state="delivered", reasons=[
        {"code": "open_recipient_list", "severity": "hold", "detail": "x", "evidence": []},
        {"code": "sensitive_pii", "severity": "hold", "detail": "x", "evidence": ["a.csv", "sensitive"]}],
        attachments=[{"filename": "a.csv", "types": ["SENSITIVE"], "records": 4, "issues": []}])
    login(client, OFFICER)
    html = client.get(f"/incidents/from-mail/{mid}").text
    assert re.search(r'value="SENSITIVE" checked', html) and re.search(r'value="EMAIL" checked', html)
    assert 'name="persons" value="6"' in html  # 4 in the file, 2 addresses visible in To/Cc (seed's groups)


@pytest.mark.parametrize("who", ["alice@corp.example", "bob@corp.example"])
def test_others_get_no_link_and_403(client, web_db, who: str) -> None:
    mid = held(web_db)
    login(client, who)
    assert "/incidents/from-mail/" not in client.get(f"/messages/{mid}").text
    assert client.get(f"/incidents/from-mail/{mid}").status_code == 403


def test_unknown_message_is_404(client, web_db) -> None:
    login(client, OFFICER)
    assert client.get("/incidents/from-mail/0123abcd").status_code == 404
    assert client.get("/incidents/from-mail/not-hex!").status_code == 404
