"""Identity-document numbers (在留カード, 旅券, 運転免許証) typed into the text of a mail going outside: those of 3 or
more going out are held as bulk_pii, like My Numbers — the number a person proves who they are with does not go in a
mail's text; one or two (a person's own card in a reply to them) stay at confirm, and nothing is held inside."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mamori.guard import judge
from mamori.guard.engine import analyse_body

from .conftest import SIGNATURE, msg

SATO_A = ("佐藤 太郎", "t.sato@alpha.example")
# invented cards of the AA12345678AA shape, one worker per line
ROWS = [
    "HOANG THI NGA（VIET NAM）　在留カード番号 KQ40217753PX　在留期限 2029/03/31",
    "SANTOS JOSE（PHILIPPINES）　在留カード番号 TB88120964WD　在留期限 2028/10/15",
    "WANG FANG（CHINA）　在留カード番号 MR55031287LE　在留期限 2029/01/20",
    "RAI SUMAN（NEPAL）　在留カード番号 HC73390415ZA　在留期限 2028/07/07",
]


@pytest.fixture(scope="module")
def detector():
    from mamori.detect.detector import default_detector

    return default_detector()


def text(rows: list[str]) -> str:
    lead = "株式会社アルファ\n佐藤様\n\n外国籍スタッフの在留カードの番号です。\n\n"
    return lead + "\n".join(rows) + "\n\nご確認ください。" + SIGNATURE


def test_card_numbers_are_counted_per_type(detector):
    info = analyse_body(text(ROWS), detector)
    assert dict(info.id_cards) == {"RESIDENCE_CARD": 4}
    assert analyse_body(text([]), detector).id_cards == ()


def test_three_card_numbers_in_the_text_going_outside_are_held(detector, policy, directory, history):
    for n, action in ((3, "hold"), (2, "confirm")):
        body = text(ROWS[:n])
        v = judge(replace(msg([SATO_A], body), body_info=analyse_body(body, detector)), policy, directory, history)
        assert v.action == action, n
        if action == "hold":
            reason = next(r for r in v.reasons if r.code == "bulk_pii")
            assert "在留カード番号" in reason.detail_ja and "本人確認書類" in reason.detail_ja
            assert "residence card numbers" in reason.detail and "identity-document" in reason.detail
            assert "KQ40217753PX" not in reason.detail + reason.detail_ja + "".join(map(str, reason.evidence))
    inside = msg([("中村 三郎", "s.nakamura@ours.example")], text(ROWS))
    inside = replace(inside, body_info=analyse_body(inside.body, detector))
    assert judge(inside, policy, directory, history).action == "allow"
