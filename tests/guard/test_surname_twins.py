"""Issue 13: the same surname at another organisation in any recipient field, and an organisation only in Cc.

A world of its own (not conftest's, not the dev set's): 株式会社北嶺テック writes to 東雲物産, whose 鈴木 健一 and
鈴木 由佳 it knows; 若葉ロジスティクス has another 鈴木 健一, みなと設計 a 鈴木 湊斗; 青嵐デザイン's 鈴木 陸 is the
designer the sender always copies on 東雲 mail; 朝霧会計 is a partner the body names when it is copied.
"""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from mamori.cli import main
from mamori.guard import AttachmentInfo, History, Message, Recipient, judge
from mamori.guard.directory import parse_contacts
from mamori.guard.history import parse_history
from mamori.guard.policy import parse_policy

CONTACTS = """name,kana,email,organization
鈴木 健一,スズキ ケンイチ,k.suzuki@shinonome-bussan.example,東雲物産株式会社
鈴木 由佳,スズキ ユカ,y.suzuki@shinonome-bussan.example,東雲物産株式会社
林 美羽,ハヤシ ミウ,m.hayashi@shinonome-bussan.example,東雲物産株式会社
鈴木 健一,スズキ ケンイチ,ken.suzuki@wakaba-logi.example,株式会社若葉ロジスティクス
岡田 誠,オカダ マコト,m.okada@wakaba-logi.example,株式会社若葉ロジスティクス
鈴木 湊斗,スズキ ミナト,d.suzuki@minato-sekkei.test,有限会社みなと設計
森田 真一,モリタ シンイチ,s.morita@asagiri-kaikei.example,税理士法人朝霧会計
鈴木 陸,スズキ リク,s.suzuki@seiran-design.example,株式会社青嵐デザイン
鈴木 亮,スズキ リョウ,r.suzuki@hokurei-tech.example,株式会社北嶺テック
高田 奈緒,タカダ ナオ,n.takada@hokurei-tech.example,株式会社北嶺テック
"""
SENDER = "n.takada@hokurei-tech.example"
POLICY = '[organization]\nname = "株式会社北嶺テック"\ninternal_domains = ["hokurei-tech.example"]\n'
HISTORY_LINES = [
    # 東雲 mail, always copying the designer at 青嵐
    {"from": SENDER, "to": ["k.suzuki@shinonome-bussan.example"], "cc": ["s.suzuki@seiran-design.example"]},
    {"from": SENDER, "to": ["m.hayashi@shinonome-bussan.example"], "cc": ["s.suzuki@seiran-design.example"]},
    {"from": SENDER, "to": ["k.suzuki@shinonome-bussan.example"], "cc": ["y.suzuki@shinonome-bussan.example"]},
    # 若葉's 鈴木 健一 and 岡田 are known to the sender, for 若葉's own business
    {"from": SENDER, "to": ["ken.suzuki@wakaba-logi.example"], "cc": ["m.okada@wakaba-logi.example"]},
    {"from": SENDER, "to": ["r.suzuki@hokurei-tech.example"], "cc": []},
]
SIGNATURE = "\n\n--\n株式会社北嶺テック\n営業二部 高田 奈緒\n"
OPENING = "東雲物産株式会社\n購買部\n鈴木 健一 様\n\n"
BODY = OPENING + "いつも大変お世話になっております。\nご依頼の部材のお見積書を添付にてお送りいたします。" + SIGNATURE
QUOTE = AttachmentInfo("御見積書_東雲物産株式会社様.pdf", "御見積書\n東雲物産株式会社 御中\n部材一式 ¥1,280,000")

SUZUKI_A = ("鈴木 健一", "k.suzuki@shinonome-bussan.example")
SUZUKI_A2 = ("鈴木 由佳", "y.suzuki@shinonome-bussan.example")
HAYASHI_A = ("林 美羽", "m.hayashi@shinonome-bussan.example")
SUZUKI_TWIN = ("鈴木 健一", "ken.suzuki@wakaba-logi.example")  # same full name, known to the sender
OKADA_B = ("岡田 誠", "m.okada@wakaba-logi.example")
SUZUKI_C = ("鈴木 湊斗", "d.suzuki@minato-sekkei.test")  # same surname, never written to
MORITA_PARTNER = ("森田 真一", "s.morita@asagiri-kaikei.example")
SUZUKI_DESIGN = ("鈴木 翔", "s.suzuki@seiran-design.example")  # copied on 東雲 mail as usual
SUZUKI_OURS = ("鈴木 亮", "r.suzuki@hokurei-tech.example")


@pytest.fixture
def world():
    directory = parse_contacts(CONTACTS)
    history = parse_history([json.dumps(h, ensure_ascii=False) for h in HISTORY_LINES])
    return parse_policy(POLICY), directory, history


def mail(to=(), cc=(), bcc=(), body: str = BODY, attachments=(QUOTE,), subject: str = "お見積書送付の件") -> Message:
    recipients = tuple(
        Recipient(name, addr, fld) for fld, lst in (("to", to), ("cc", cc), ("bcc", bcc)) for name, addr in lst
    )
    return Message(SENDER, recipients, subject, body, tuple(attachments), "高田 奈緒")


def held(verdict) -> set[str]:
    return {r.code for r in verdict.reasons if r.severity in ("hold", "block")}


# --- the surname twin in every field ------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["cc", "bcc"])
@pytest.mark.parametrize("twin", [SUZUKI_TWIN, SUZUKI_C], ids=["same-name-known-to-sender", "same-surname-new"])
def test_twin_beside_the_right_to_is_held(world, field, twin):
    policy, directory, history = world
    v = judge(mail(to=[SUZUKI_A], **{field: [twin]}), policy, directory, history)
    assert v.action == "hold" and "similar_recipient" in held(v)
    r = next(r for r in v.reasons if r.code == "similar_recipient" and twin[1] in r.recipients)
    assert "東雲物産株式会社" in r.detail_ja and "鈴木" in r.detail_ja
    if twin == SUZUKI_TWIN:  # known to the sender: only the new rule sees it, and says in which field
        assert {"cc": "Cc", "bcc": "Bcc"}[field] in r.detail and "有限会社" not in r.detail
    assert twin[1] not in r.detail + r.detail_ja + "".join(r.evidence)  # masked
    assert twin[0] not in r.detail + r.detail_ja + "".join(r.evidence)  # surname only, never the full name


def test_twin_in_to_instead_of_the_right_person(world):
    policy, directory, history = world
    v = judge(mail(to=[SUZUKI_C]), policy, directory, history)
    assert {"similar_recipient", "content_recipient_mismatch"} <= held(v)


def test_twin_copied_when_writing_to_a_colleague_of_the_suzuki_meant(world):
    # To 林 at 東雲, the 鈴木 meant to be copied is 東雲's: みなと設計's 鈴木 picked from the address book instead
    policy, directory, history = world
    body = "東雲物産株式会社\n林様（Cc: 鈴木様）\n\nお世話になっております。議事録をお送りします。" + SIGNATURE
    v = judge(mail(to=[HAYASHI_A], cc=[SUZUKI_C], body=body, attachments=()), policy, directory, history)
    assert {"similar_recipient", "content_recipient_mismatch"} <= held(v)


def test_twin_with_a_bare_salutation_and_english(world):
    # no company in the opening: the To's organisation is the one meant
    policy, directory, history = world
    for opening in ("鈴木様\n\n", "Dear Mr. Suzuki,\n\n"):
        body = opening + "Please find the revised schedule attached." + SIGNATURE
        v = judge(mail(to=[SUZUKI_A], cc=[SUZUKI_TWIN], body=body, attachments=()), policy, directory, history)
        assert "similar_recipient" in held(v), opening


def test_display_name_without_a_space(world):
    policy, directory, history = world
    v = judge(mail(to=[SUZUKI_A], cc=[("鈴木湊斗", "d.suzuki@minato-sekkei.test")]), policy, directory, history)
    assert "similar_recipient" in held(v)


# --- an organisation only in Cc, never in the content ---------------------------------------------------------------


def test_cc_at_a_company_the_content_never_mentions(world):
    policy, directory, history = world
    v = judge(mail(to=[SUZUKI_A], cc=[OKADA_B]), policy, directory, history)
    assert v.action == "hold"
    r = next(r for r in v.reasons if r.code == "content_recipient_mismatch")
    assert "株式会社若葉ロジスティクス" in r.detail_ja and "東雲物産株式会社" in r.detail_ja and "Cc" in r.detail
    assert OKADA_B[1] not in r.detail + r.detail_ja + "".join(r.evidence)


def test_customer_business_to_a_colleague_with_another_company_in_cc(world):
    policy, directory, history = world
    body = "高田です。\n東雲物産様の見積の件、社内確認をお願いします。" + SIGNATURE
    v = judge(mail(to=[SUZUKI_OURS], cc=[OKADA_B], body=body), policy, directory, history)
    assert "content_recipient_mismatch" in held(v)


# --- what must not be held ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cc",
    [
        pytest.param([HAYASHI_A], id="colleague-at-the-same-company"),
        pytest.param([SUZUKI_A2], id="same-surname-same-company"),
        pytest.param([SUZUKI_OURS], id="internal"),
        pytest.param([SUZUKI_DESIGN], id="usual-cc-at-a-second-company-per-history"),
    ],
)
def test_usual_copies_are_not_held(world, cc):
    policy, directory, history = world
    v = judge(mail(to=[SUZUKI_A], cc=cc), policy, directory, history)
    assert v.action in ("allow", "confirm"), [(r.code, r.detail) for r in v.reasons]


def test_partner_the_body_names_is_not_held(world):
    policy, directory, history = world
    shared = "決算資料の件、税理士法人朝霧会計の森田様にもCcにて共有いたします。"
    body = OPENING + "お世話になっております。\n" + shared + SIGNATURE
    v = judge(mail(to=[SUZUKI_A], cc=[MORITA_PARTNER], body=body), policy, directory, history)
    assert v.action == "confirm" and not held(v)
    # a 鈴木 at a company the body names as a party to the work is meant too
    shared = "設計はみなと設計様にご担当いただきますので、Ccにて失礼します。"
    body = OPENING + "お世話になっております。\n" + shared + SIGNATURE
    v = judge(mail(to=[SUZUKI_A], cc=[SUZUKI_C], body=body), policy, directory, history)
    assert v.action == "confirm" and not held(v)


def test_reply_all_with_the_copied_company_in_the_thread(world):
    policy, directory, history = world
    body = (
        OPENING
        + "ご返信ありがとうございます。承知いたしました。"
        + SIGNATURE
        + "\n-----Original Message-----\nFrom: 岡田 誠\n"
        + "株式会社若葉ロジスティクス 岡田です。配送日程の件、Ccにて失礼します。\n"
    )
    v = judge(mail(to=[SUZUKI_A], cc=[OKADA_B], body=body, attachments=()), policy, directory, history)
    assert v.action == "confirm"


def test_announcement_in_bcc_is_not_a_twin_case(world):
    policy, directory, history = world
    body = "お取引先各位\n\n年末年始の営業日についてご案内いたします。" + SIGNATURE
    bcc = [SUZUKI_A, SUZUKI_TWIN, SUZUKI_C, MORITA_PARTNER, OKADA_B]
    v = judge(mail(to=[SUZUKI_OURS], bcc=bcc, body=body, attachments=()), policy, directory, history)
    assert "similar_recipient" not in held(v) and "content_recipient_mismatch" not in held(v)


def test_same_surname_copy_without_history_of_it_is_held_but_the_usual_one_is_not(world):
    policy, directory, _ = world
    empty = History()
    v = judge(mail(to=[SUZUKI_A], cc=[SUZUKI_DESIGN]), policy, directory, empty)
    assert {"similar_recipient", "content_recipient_mismatch"} <= held(v)  # nothing says 青嵐 is usual


# --- history: who went out beside whom ---------------------------------------------------------------------------


def test_history_records_addresses_sent_beside_other_domains():
    h = History()
    h.add("a@ours.example", ["x@cust.example", "y@partner.example", "z@cust.example"])
    assert h.sent_beside("A@ours.example", "y@partner.example", {"cust.example"})
    assert not h.sent_beside("a@ours.example", "y@partner.example", {"other.example"})
    assert not h.sent_beside("a@ours.example", "z@cust.example", {"cust.example"})  # its own domain only
    h.add("a@ours.example", ["solo@cust.example"])
    assert ("a@ours.example", "solo@cust.example") not in h.beside  # one-domain messages store nothing
    new = History()
    new.add("a@ours.example", ["q@new.example", "y@partner.example"])
    before = h.beside[("a@ours.example", "y@partner.example")]
    h.merge(new)
    assert h.sent_beside("a@ours.example", "y@partner.example", {"new.example"})
    assert before == {"cust.example"}  # copy on write: a reader's set is not changed under it


# --- end to end through `mamori check` ----------------------------------------------------------------------------


def _eml(path: Path, to: str, cc: str, body: str) -> Path:
    m = EmailMessage()
    m["From"] = f"高田 奈緒 <{SENDER}>"
    m["To"] = to
    m["Cc"] = cc
    m["Subject"] = "お見積書送付の件"
    m.set_content(body)
    path.write_bytes(bytes(m))
    return path


def test_cli_holds_the_cc_twin_and_passes_the_usual_cc(tmp_path: Path):
    (tmp_path / "mamori.toml").write_text(POLICY, encoding="utf-8")
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    (tmp_path / "history.jsonl").write_text(
        "".join(json.dumps({"date": "2026-05-01", **h}, ensure_ascii=False) + "\n" for h in HISTORY_LINES),
        encoding="utf-8",
    )
    to = "鈴木 健一 <k.suzuki@shinonome-bussan.example>"
    twin = _eml(tmp_path / "twin.eml", to, "鈴木 湊斗 <d.suzuki@minato-sekkei.test>", BODY)
    usual = _eml(tmp_path / "usual.eml", to, "鈴木 翔 <s.suzuki@seiran-design.example>", BODY)
    args = ["check", str(twin), str(usual), "--policy", str(tmp_path / "mamori.toml")]
    args += ["--contacts", str(tmp_path / "contacts.csv"), "--history", str(tmp_path / "history.jsonl"), "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0]["action"] == "hold"
    assert {"similar_recipient", "content_recipient_mismatch"} <= {r["code"] for r in out[0]["reasons"]}
    assert out[1]["action"] == "confirm"
    assert "d.suzuki@minato-sekkei.test" not in result.stdout and "鈴木 湊斗" not in result.stdout


def test_similar_recipient_example_is_the_same_whatever_the_hash_seed(policy):
    """The usual address shown beside a new one of the same mailbox name is the first in order, not a set's pick."""
    import os
    import subprocess
    import sys

    code = (
        "from mamori.guard import History, judge\n"
        "from mamori.guard.directory import parse_contacts\n"
        "from mamori.guard.policy import parse_policy\n"
        "from mamori.guard.model import Message, Recipient\n"
        "p = parse_policy('[organization]\\ninternal_domains = [\"ours.example\"]\\n')\n"
        "h = History()\n"
        "h.add('me@ours.example', [f'kenji.w@{d}.example' for d in ('delta', 'alpha', 'kappa', 'omega', 'beta')], "
        "'2026-01-01')\n"
        "m = Message('me@ours.example', (Recipient('', 'kenji.w@zeta.example', 'to'),), 's', 'こんにちは', ())\n"
        "v = judge(m, p, parse_contacts('name,kana,email,organization\\n'), h)\n"
        "print([r.evidence for r in v.reasons if r.code == 'similar_recipient'])\n"
    )
    seen = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        seen.add(out.stdout)
    assert len(seen) == 1 and "alpha.example" in seen.pop()
