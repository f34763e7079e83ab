"""Every page at phone width (390 px) and desktop width (1280 px) in Chromium: no horizontal overflow.

As each role (sender, approver, administrator) and signed out, every page of the web app is opened with long
subjects, long addresses and many reasons; the document must not scroll sideways
(``scrollWidth <= innerWidth``) and no visible element may reach past the viewport (a table cut off inside a
scrolling box counts). A screenshot of each page at each width is kept in docs/screenshots/layout/ (JPEG, one per
page and width).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from mamori.gateway import links
from mamori.incidents import register
from mamori.store import audit
from mamori.store.base import utcnow
from mamori.store.mail import MailMessage
from mamori.web import invitations
from mamori.web.accounts import create_user
from mamori.web.app import create_app
from tests.web import seed
from tests.web.live import chromium, serve, shot
from tests.web.test_letters_pages import letters_run, wrong_name_list  # noqa: F401  (a generated print run)

WIDTHS = (390, 1280)
LETTER_PROBLEM_CODES = ("unknown_recipient", "name_mismatch", "address_mismatch", "postal_code_mismatch",
                        "foreign_page", "duplicate_recipient", "outside_window", "unreadable_page")
SECRET = "layout-secret-0123456789"
LONG_SUBJECT = (
    "【至急】2026年度 第3四半期 お見積書・ご請求書・納品書の送付とお支払い条件変更のご案内"
    "（株式会社エービーシー様向け）"
)
LONG_ADDRESS = "procurement.department.tokyo-headquarters@very-long-subsidiary-name.example.co.jp"

# what a visible element reaching past the viewport is, measured in the page
OVERFLOW_JS = """() => {
  const vw = window.innerWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if ((r.width === 0 && r.height === 0) || style.visibility === 'hidden') continue;
    if (r.right <= 0) continue;  // wholly off-screen on purpose: a skip link until it has the focus
    if (r.right > vw + 1 || r.left < -1) {
      wide.push(`${el.tagName.toLowerCase()}.${el.className} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
    }
  }
  const range = document.createRange();  // text running out of its box (a long address in a paragraph)
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.right > vw + 1 && r.width > 0) {
      wide.push(`text "${n.textContent.trim().slice(0, 20)}" [${Math.round(r.right)}]`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, vw: vw, wide: wide.slice(0, 8)};
}"""


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _world(web_db) -> dict[str, str]:
    """Messages and audit entries that stretch every page: long subjects, addresses and reasons."""
    many = [("tanaka@abc.example", "田中 一郎", "to"), (LONG_ADDRESS, "購買部 御担当者", "to"),
            ("suzuki@xyz.example", "鈴木 花子", "cc")]
    groups = [seed.group("株式会社エービーシー", True, ("tanaka@abc.example", "田中 一郎", "to", False)),
              seed.group("very-long-subsidiary-name.example.co.jp", False, (LONG_ADDRESS, "購買部", "to", True)),
              seed.group("xyz.example", False, ("suzuki@xyz.example", "鈴木 花子", "cc", True))]
    reasons = [
        {"code": "pii_in_attachment", "severity": "hold",
         "detail": "顧客一覧_2026年度_全店舗分_最終版.xlsx holds personal data of about 80 people.",
         "detail_ja": "顧客一覧_2026年度_全店舗分_最終版.xlsx に個人情報（氏名、住所、電話番号、生年月日）が"
                      "約 80 名分含まれています。",
         "evidence": ["山田 ■■", "東京都千代田区■■■■■■■■■■■■■■■■", "090-****-1234", "****年*月**日"]},
        {"code": "similar_recipient", "severity": "hold",
         "detail": f"{LONG_ADDRESS} is new to you.", "detail_ja": f"{LONG_ADDRESS} は初めての宛先です。",
         "evidence": [LONG_ADDRESS, "p*********@abc.example"]},
        {"code": "external_recipient", "severity": "confirm", "detail": "3 external.",
         "detail_ja": "社外の宛先が 3 件あります。", "evidence": ["t*****@abc.example"]},
    ]
    attachments = [{"filename": "顧客一覧_2026年度_全店舗分_最終版_社外秘_取扱注意_CustomerList_FY2026_final_v3.xlsx",
                    "size": 2_400_000, "types": ["PERSON", "ADDRESS", "PHONE", "DATE_OF_BIRTH"], "records": 80,
                    "issues": []}]
    own = seed.message(web_db, subject=LONG_SUBJECT, recipients=many, groups=groups, reasons=reasons,
                       attachments=attachments, release_mode="approval")
    waiting = seed.message(web_db, subject=LONG_SUBJECT, state="waiting", action="confirm", recipients=many,
                           groups=groups, reasons=reasons[2:], attachments=attachments, deliver_after_seconds=600)
    for i in range(2):
        seed.message(web_db, subject=f"{LONG_SUBJECT} その{i + 1}", recipients=many, groups=groups, reasons=reasons)
    cancelled = seed.message(web_db, subject=LONG_SUBJECT, state="cancelled", recipients=many, groups=groups,
                             reasons=reasons)
    with web_db.session() as s:  # a cancel note (issue 18) with a long unbroken line, and a dropped recipient
        row = s.get(MailMessage, cancelled)
        row.cancel_note, row.dropped_rcpt = LONG_SUBJECT + "\n" + LONG_ADDRESS * 2, [LONG_ADDRESS]
    create_user(web_db, "a.very.long.login.name.for.the.sales.division@corp.example", role="sender",
                group="東日本営業本部 第一営業部 法人営業課", display_name="長い表示名の営業担当者さん",
                password=seed.PASSWORD)
    with web_db.session() as s:
        audit.record(s, "gateway", "reject", f"mail:{own}", "bulk_pii similar_recipient sensitive_pii",
                     codes=["bulk_pii", "similar_recipient", "sensitive_pii"], note=LONG_SUBJECT)
    link = links.url("http://x", links.sign(SECRET, message_id=own, login="bob@corp.example", purpose="approve",
                                            expires_at=utcnow() + timedelta(hours=1)))
    incident = register.create(  # the incident register: a long title and summary, every task of a P-mark holder
        web_db, {"discovered_on": utcnow().date().isoformat(), "event": "leak", "cause": "unauthorized_access",
                 "persons": 12_345, "data": ["PERSON", "ADDRESS", "CREDIT_CARD", "SENSITIVE:medical", "MY_NUMBER"],
                 "malicious": True}, "olga@corp.example", title=LONG_SUBJECT, summary=LONG_SUBJECT + LONG_ADDRESS,
        privacymark=True)
    invite = invitations.issue(web_db, SECRET, "http://x", "a.very.long.login.name.for.the.sales.division@corp.example",
                               actor="adam@corp.example")
    from mamori.store.letters import CheckRecord, add_check

    for actor in ("alice@corp.example", "a.very.long.login.name.for.the.sales.division@corp.example"):
        add_check(web_db, CheckRecord(actor, "letters", LONG_SUBJECT + ".pdf", "a" * 64, "hold", "b" * 64, letters=812,
                                      pages=2436, held=7, missing=2,
                                      problems={code: 1 for code in LETTER_PROBLEM_CODES}))  # fmt: skip
    return {"own": own, "waiting": waiting, "cancelled": cancelled, "link": link[len("http://x"):],
            "incident": str(incident), "invite": invite[len("http://x"):]}


def _sign_in(page, site: str, user: str) -> None:
    page.goto(f"{site}/login")
    page.fill("input[name=login]", user)
    page.fill("input[name=password]", seed.PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_load_state()


def _admin_world(web_db, folder) -> object:
    """A mamori.toml with a contact list of long names and addresses, and an administrator (``admin``)."""
    rows = [f"長い氏名の担当者さん{i},チョウメイ タントウ,{LONG_ADDRESS.replace('@', f'{i}@')},"
            f"株式会社エービーシー東日本営業本部第一営業部法人営業課{i},03-1234-567{i},handle{i},C00{i}"
            for i in range(3)]
    (folder / "contacts.csv").write_text("name,kana,email,organization,fax,handle,code\n" + "\n".join(rows) + "\n",
                                         encoding="utf-8")
    (folder / "mamori.toml").write_text(
        '[organization]\ninternal_domains = ["corp.example"]\n\n[guard]\ncontacts = "contacts.csv"\n\n'
        '[detect]\ndeny = ["プロジェクト・コードネーム・ブルーオーシャン・フェーズスリー・関係会社向け説明資料"]\n\n'
        '[[detect.custom]]\ntype = "EMPLOYEE_ID"\n'
        'pattern = "EMP-[0-9]{6}-[A-Z]{2}-[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{4}"\n',
        encoding="utf-8")
    create_user(web_db, "adam@corp.example", role="admin", display_name="Adam", password=seed.PASSWORD)
    return folder / "mamori.toml"


def _training_world(web_db) -> int:
    """Chapter 2 assigned to the department with the long name (and to sales, so Alice sees a due date)."""
    from mamori.training import assignments
    from mamori.training.course import builtin_courses_dir, load_course

    course = load_course(builtin_courses_dir() / "pi-ch2")
    changes = assignments.assign(web_db, course, ["東日本営業本部 第一営業部 法人営業課", "sales"], 2026,
                                 utcnow().date() + timedelta(days=14), "adam@corp.example")
    return changes[0].assignment.id


def _admin_forms(page, site: str, folder) -> Iterator[str]:
    """Submit the administration forms in the browser; yields each result page's name once it is shown."""
    upload = folder / "upload.csv"
    upload.write_text("name,kana,email,organization\n" + "".join(
        f"新しい長い氏名の担当者さん{i},,{LONG_ADDRESS.replace('@', f'.new{i}@')},"
        f"株式会社エービーシー西日本営業本部{i}\n"
        for i in range(3)), encoding="utf-8")
    page.goto(f"{site}/admin/contacts")
    page.set_input_files("input[name=file]", str(upload))
    page.click("form[action='/admin/contacts/upload'] button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("form[action='/admin/contacts/apply']").count() == 1
    yield "admin-contacts-preview"
    page.goto(f"{site}/admin/keywords")
    page.fill("textarea[name=sample]", "社員番号 EMP-123456-AB-1234-5678-9012-3456 の件、"
              "プロジェクト・コードネーム・ブルーオーシャン・フェーズスリー・関係会社向け説明資料 をお送りします。")
    page.click("button[formaction='/admin/keywords/try']")
    page.wait_for_load_state()
    assert page.locator(".card.try").count() == 1
    yield "admin-keywords-try"
    text = page.input_value("textarea[name=text]")
    longer = text.replace("deny = [", 'deny_type = "SECRET_PROJECT_NAME_OF_THE_COMPANY"\ndeny = [')
    page.fill("textarea[name=text]", longer)
    page.click("form[action='/admin/keywords/check'] button:not([formaction])")
    page.wait_for_load_state()
    assert page.locator("pre.diff").count() == 1
    yield "admin-keywords-diff"


def _letters_form(page, site: str, run) -> Iterator[str]:
    """The Letters page's result: a run whose list has a wrong name (a held letter with the picture of its page)."""
    listing, _ = wrong_name_list(run)
    page.goto(f"{site}/letters")
    page.set_input_files("form.letters-form input[name=run]", str(run / "RUN.pdf"))
    page.set_input_files("form.letters-form input[name=list]",
                         {"name": "recipients.csv", "mimeType": "text/csv", "buffer": listing})
    page.click("form.letters-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("article.held-letter figure img").count() == 1
    yield "letters-held"


def test_every_page_fits_phone_and_desktop(browser, web_settings, web_db, tmp_path, letters_run) -> None:  # noqa: F811
    from dataclasses import replace

    ids = _world(web_db)
    config = _admin_world(web_db, tmp_path)
    assignment = _training_world(web_db)
    app = create_app(replace(web_settings, secret_key=SECRET, config_path=config), web_db, guard=None)
    own, waiting = ids["own"], ids["waiting"]
    visits: dict[str | None, list[tuple[str, str]]] = {
        None: [("login", "/login"), ("not-found", "/nowhere"), ("invite", ids["invite"]),
               ("certificate-verify", "/training/verify?code=" + "X" * 40)],
        "alice@corp.example": [("messages", "/messages"), ("confirm", f"/messages/{own}"),
                               ("confirm-waiting", f"/messages/{waiting}"), ("password", "/account/password"),
                               ("cancelled-note", f"/messages/{ids['cancelled']}"),
                               ("messages-en", "/messages?lang=en"), ("letters", "/letters"),
                               ("training-assigned", "/training/")],
        "bob@corp.example": [("queue", "/queue"), ("queue-all", "/queue?scope=all&lang=ja"),
                             ("approve", f"/messages/{own}"), ("dashboard", "/dashboard"),
                             ("link", ids["link"])],
        "olga@corp.example": [("audit", "/audit"), ("users", "/admin/users"), ("dashboard-officer", "/dashboard"),
                              ("detail-officer", f"/messages/{own}"), ("training", "/training/"),
                              ("incidents", "/incidents"), ("incident-new", "/incidents/new"),
                              ("incident", f"/incidents/{ids['incident']}"),
                              ("incident-edit", f"/incidents/{ids['incident']}/edit"),
                              ("incident-stats", "/incidents/stats"),
                              ("incident-from-mail", f"/incidents/from-mail/{own}"), ("letters-officer", "/letters"),
                              ("letters-officer-en", "/letters?lang=en"),
                              ("incident-notice", f"/incidents/{ids['incident']}/notice")],
        "adam@corp.example": [("admin-contacts", "/admin/contacts"),
                              ("admin-contact-edit", "/admin/contacts/edit?email=" + LONG_ADDRESS.replace("@", "0%40")),
                              ("admin-policy", "/admin/policy"), ("admin-keywords", "/admin/keywords"),
                              ("admin-contacts-en", "/admin/contacts?lang=en"),
                              ("accounts-import", "/admin/accounts/import"),
                              ("admin-training", "/admin/training?year=2026"),
                              ("admin-training-department", f"/admin/training/{assignment}"),
                              ("admin-training-en", "/admin/training?year=2026&lang=en")],
    }
    problems = []
    with serve(app) as site:
        for width in WIDTHS:
            for user, pages in visits.items():
                ctx = browser.new_context(locale="ja-JP", viewport={"width": width, "height": 800})
                page = ctx.new_page()
                page.set_default_timeout(20_000)
                if user:
                    _sign_in(page, site, user)
                for name, path in pages:
                    response = page.goto(site + path)
                    status = response.status if response is not None else 0
                    assert status in (200, 404), (name, status)
                    got = page.evaluate(OVERFLOW_JS)
                    if name != "link":  # the decision page again, reached from a notice's link
                        shot(page, f"layout/{name}-{width}.jpg")
                    if got["scroll"] > got["vw"] or got["wide"]:
                        problems.append((width, user, name, got["scroll"], got["wide"]))
                # the pages that follow a form: a contacts preview, a "try it", a letters check
                forms = {"adam@corp.example": (_admin_forms, tmp_path),
                         "alice@corp.example": (_letters_form, letters_run)}
                if user in forms:
                    follow, where = forms[user]
                    for name in follow(page, site, where):
                        got = page.evaluate(OVERFLOW_JS)
                        shot(page, f"layout/{name}-{width}.jpg")
                        if got["scroll"] > got["vw"] or got["wide"]:
                            problems.append((width, user, name, got["scroll"], got["wide"]))
                ctx.close()
    assert not problems, "\n".join(map(str, problems))
