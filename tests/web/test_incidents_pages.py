"""The incident register's pages (officer only): the form, the decision with reasons, the countdown, tasks done."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from mamori.incidents import register
from mamori.incidents.tasks import today_in
from mamori.timefmt import zone
from tests.web.conftest import csrf_of, login

OFFICER = "olga@corp.example"


def _form(today: str, **extra: object) -> dict[str, object]:
    return {"title": "FAX誤送信", "summary": "診断書のFAXを別の番号へ送った", "event": "leak",
            "cause": "fax_misdelivery", "persons": "3", "data": ["PERSON", "SENSITIVE:medical"],
            "encryption": "none", "discovered_on": today} | extra


def test_record_see_decision_countdown_and_mark_done(client, web_db) -> None:
    login(client, OFFICER)
    today = today_in(datetime.now(UTC), zone())
    form = client.get("/incidents/new")
    assert form.status_code == 200 and "何人分の情報ですか" in form.text and f'value="{today}"' in form.text
    r = client.post("/incidents/new", data=_form(today.isoformat()) | {"csrf": csrf_of(form.text)},
                    follow_redirects=False)
    assert r.status_code == 303
    incident_id = int(r.headers["location"].rsplit("/", 1)[1])
    page = client.get(r.headers["location"]).text
    assert "個人情報保護委員会への報告が必要です" in page and "規則7条1号 要配慮個人情報" in page
    assert "施行規則8条2項" in page and "診断書のFAXを別の番号へ送った" in page
    view = register.get(web_db, incident_id)
    pre = view.countdown(next(t for t in view.tasks if t.kind == "preliminary"), today)
    assert f"あと{pre.days_left}日 (うち開庁日{pre.open_days_left}日)" in page  # 速報: day 5 counted from today
    done = client.post(f"/incidents/{incident_id}/tasks/preliminary", data={"csrf": csrf_of(page), "done": "1"})
    assert done.status_code == 200 and "olga@corp.example が" in done.text
    assert [t.kind for t in register.get(web_db, incident_id).open_tasks] == ["final", "notify_individuals"]
    listing = client.get("/incidents").text
    assert f'data-incident="{incident_id}"' in listing and "対応中" in listing and "確報" in listing


def test_register_order_and_colour(client, web_db) -> None:
    today = today_in(datetime.now(UTC), zone())
    old = (today - timedelta(days=40)).isoformat()
    case = {"event": "leak", "cause": "email_misdelivery", "persons": 2, "data": ["SENSITIVE:medical"]}
    settled = register.create(web_db, case | {"discovered_on": today.isoformat(), "data": ["PERSON"]}, OFFICER)
    fresh = register.create(web_db, case | {"discovered_on": today.isoformat()}, OFFICER)
    late = register.create(web_db, case | {"discovered_on": old}, OFFICER)
    login(client, OFFICER)
    listing = client.get("/incidents").text
    order = [int(x) for x in re.findall(r'data-incident="(\d+)"', listing)]
    assert order == [late, fresh, settled]
    assert re.search(rf'class="band-overdue" data-incident="{late}"', listing)
    assert "日超過" in listing and "報告は不要" in listing


def test_a_wrong_answer_is_named_and_nothing_recorded(client, web_db) -> None:
    login(client, OFFICER)
    form = client.get("/incidents/new")
    r = client.post("/incidents/new", data=_form("2026-12-01", persons="たくさん") | {"csrf": csrf_of(form.text)})
    assert r.status_code == 400 and "何人分の情報ですか" in r.text and "0 以上の整数" in r.text
    assert 'value="たくさん"' in r.text and register.register(web_db) == []


def test_update_keeps_history(client, web_db) -> None:
    incident_id = register.create(web_db, {"discovered_on": "2026-12-01", "event": "leak", "cause": "loss_theft",
                                           "persons": 1, "data": ["PERSON"]}, OFFICER, title="紛失")
    login(client, OFFICER)
    edit = client.get(f"/incidents/{incident_id}/edit")
    assert edit.status_code == 200 and 'value="紛失"' in edit.text
    r = client.post(f"/incidents/{incident_id}/edit", data=_form("2026-12-01", cause="loss_theft", persons="1500",
                                                                 data=["PERSON"], title="紛失")
                    | {"csrf": csrf_of(edit.text)})
    assert r.status_code == 200 and "規則7条4号" in r.text
    v = register.get(web_db, incident_id)
    assert [a.decision["reportable"] for a in v.assessments] == [False, True] and v.case["persons"] == 1500


def test_other_roles_get_403(client, web_db) -> None:
    incident_id = register.create(web_db, {"discovered_on": "2026-12-01", "event": "leak", "cause": "loss_theft",
                                           "persons": 1, "data": ["PERSON"]}, OFFICER)
    for person in ("alice@corp.example", "bob@corp.example"):
        login(client, person)
        for path in ("/incidents", "/incidents/new", f"/incidents/{incident_id}", f"/incidents/{incident_id}/edit",
                     f"/incidents/{incident_id}/report.txt", f"/incidents/{incident_id}/report.xlsx"):
            assert client.get(path).status_code == 403, (person, path)
        page = client.get("/messages").text
        post = client.post(f"/incidents/{incident_id}/tasks/final", data={"csrf": csrf_of(page), "done": "1"})
        assert post.status_code == 403
        client.post("/logout", data={"csrf": csrf_of(page)})


def test_the_report_as_xlsx_downloads_next_to_the_text(client, web_db) -> None:
    from io import BytesIO

    from openpyxl import load_workbook

    login(client, OFFICER)
    page = client.get("/incidents/new").text
    r = client.post("/incidents/new", data=_form("2026-12-01", summary="=1+1 診断書") | {"csrf": csrf_of(page)},
                    follow_redirects=False)
    incident_id = int(r.headers["location"].rsplit("/", 1)[1])
    assert f'href="/incidents/{incident_id}/report.xlsx"' in client.get(r.headers["location"]).text
    got = client.get(f"/incidents/{incident_id}/report.xlsx")
    assert got.status_code == 200 and got.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert f'filename="incident-{incident_id}-report.xlsx"' in got.headers["content-disposition"]
    ws = load_workbook(BytesIO(got.content)).active
    assert ws["B2"].value == incident_id and "=1+1 診断書" in ws["C6"].value  # the summary, as text
    assert ws["C8"].value == "3人"
