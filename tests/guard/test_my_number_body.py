"""My Numbers (個人番号) typed into the text of a mail going outside: a list of them under a lead line that names them
(「個人番号を以下のとおり転記しました」, then one person per line) is read as My Numbers (their check digit still
decides), and 3 people's or more are held as bulk_pii: specific personal information under the My Number Act is not
sent in a mail's text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mamori.guard import judge
from mamori.guard.engine import analyse_body

from .conftest import SIGNATURE, msg

SATO_A = ("佐藤 太郎", "t.sato@alpha.example")
# valid check digits (the last digit) for invented numbers
NUMBERS = ["4525 8077 4529", "8135-9271-5024", "455295265873", "3049 0112 9362"]
NAMES = ["大塚 由美", "中村 隆", "青木 奈々", "井上 雄大"]


@pytest.fixture(scope="module")
def detector():
    from mamori.detect.detector import default_detector

    return default_detector()


def listing(lead: str, numbers: list[str]) -> str:
    pairs = enumerate(zip(NAMES, numbers, strict=False))
    rows = "".join(f"{i + 1}. {n}（19{70 + i}/0{i + 1}/1{i}）\u3000{x}\n" for i, (n, x) in pairs)
    return f"株式会社アルファ\n佐藤様\n\n{lead}\n\n{rows}\nご確認ください。" + SIGNATURE


def test_numbers_under_a_lead_line_are_my_numbers(detector):
    info = analyse_body(listing("ご提出いただいた申告書の個人番号を以下のとおり転記しました。", NUMBERS), detector)
    assert info.my_numbers == 4 and "MY_NUMBER" in info.types
    assert "4529" in "".join(m for t, _, m in info.findings if t == "MY_NUMBER")  # masked: the last 4 digits only
    assert "4525" not in "".join(m for _, _, m in info.findings)


def test_no_lead_line_or_bad_check_digit_is_no_my_number(detector):
    assert analyse_body(listing("ご注文番号を以下のとおりお知らせします。", NUMBERS), detector).my_numbers == 0
    wrong = [n[:-1] + str((int(n[-1]) + 1) % 10) for n in NUMBERS]
    assert analyse_body(listing("個人番号を以下のとおり転記しました。", wrong), detector).my_numbers == 0


def test_three_my_numbers_in_the_text_going_outside_are_held(detector, policy, directory, history):
    for n in (3, 2, 1):
        text = listing("個人番号を以下のとおり転記しました。", NUMBERS[:n])
        m = replace(msg([SATO_A], text), body_info=analyse_body(text, detector))
        v = judge(m, policy, directory, history)
        assert v.action == "hold", n
        # from 3, many people's data (bulk_pii); from 1 to a company, specific personal information (sensitive_pii)
        held = {r.code for r in v.reasons if r.severity == "hold"}
        assert held == ({"bulk_pii", "sensitive_pii"} if n >= 3 else {"sensitive_pii"}), n
        reason = next(r for r in v.reasons if r.code == ("bulk_pii" if n >= 3 else "sensitive_pii"))
        assert "マイナンバー" in reason.detail_ja and "My Number" in reason.detail
    inside = msg([("中村 三郎", "s.nakamura@ours.example")], listing("個人番号を転記しました。", NUMBERS))
    inside = replace(inside, body_info=analyse_body(inside.body, detector))
    assert judge(inside, policy, directory, history).action == "allow"


def test_a_persons_own_number_to_that_private_person_is_held(detector, policy, history):
    """Typed back to its owner, a My Number is still unprotected in a mail every reply and forward copies."""
    from mamori.guard.directory import parse_contacts

    from .conftest import CONTACTS

    book = parse_contacts(CONTACTS + "大塚 由美,オオツカ ユミ,yumi.o@freebox.test,\n")
    lead = "ご提出いただいた個人番号を以下のとおり転記しました。"
    text = f"大塚 由美様\n\n{lead}\n\n1. 大塚 由美\u30004525 8077 4529\n" + SIGNATURE
    m = replace(msg([("大塚 由美", "yumi.o@freebox.test")], text), body_info=analyse_body(text, detector))
    v = judge(m, policy, book, history)
    assert v.action == "hold" and {r.code for r in v.reasons if r.severity == "hold"} == {"sensitive_pii"}
