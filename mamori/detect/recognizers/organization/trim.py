"""Words cut from the ends of a name: lead words (同年, 当時, 2003年4月1日) and department or branch words
(営業部, 新宿支店, 公式ストア)."""

from __future__ import annotations

import re
from functools import lru_cache

from mamori.detect import morphology
from mamori.detect.recognizers.organization.name_run import char_class

# Words a name never starts with in prose (同年財務省 -> 財務省).
_LEAD_STOP = re.compile(
    r"(?:同年|同月|同日|当時|翌年|前年|現在|以後|以降|その後|結果|関連会社|子会社|親会社|地方|地元|外資系|大手|元|現|同|前|当|翌|後|"
    r"新設|設立|創設|傘下|系列|各|両|他|"
    r"第[0-9]{1,3}[回代]|[0-9]{1,4}年|[0-9]{1,2}月|[0-9]{1,2}日)+"
)
# Department / branch words cut from the end of a name (株式会社山田商事営業部).
DEPT_TAIL = re.compile(
    r"(?:営業|総務|経理|人事|開発|技術|企画|管理|製造|購買|資材|広報|法務|業務|経営|財務|物流|設計|品質保証|情報システム|"
    r"システム|海外|国際|第[一二三四五六七八九1-9])(?:本部|事業部|部|課|室|グループ|チーム|センター)$"
    r"|(?:本社|本店|支店|支社|営業所|出張所|事業所|工場|本部)$"
    r"|(?:オンラインストア|オンラインショップ|ウェブストア|公式ストア|公式サイト|ストア|ショップ|通販|カスタマーセンター|"
    r"サポートセンター|コールセンター|お客様センター|お客様相談室|事務局|窓口)$"
)


def lead_stop(norm: str, s: int, end: int) -> int | None:
    """End of the words like 同年, 当時, 2003年4月1日 that open ``norm[s:end]``, or None.

    A one-kanji stop (前, 元, 同) counts only where Sudachi reads it as a word of its own: 前田建設 keeps 前.
    """
    m = _LEAD_STOP.match(norm, s, end)
    if m is None:
        return None
    if m.end() - s == 1 and char_class(norm[s]) == 1 and not _single_kanji_word(norm[s : min(end, s + 6)]):
        return None
    return m.end()


@lru_cache(maxsize=4096)
def _single_kanji_word(head: str) -> bool:
    try:
        toks = morphology.tokens(head)
    except Exception:
        return True
    return bool(toks) and toks[0].end == 1


def trim_lead(norm: str, s: int, end: int) -> int:
    """Drop lead words (同年, 当時) from the name ``norm[s:end]``; ``end`` when nothing else is left (2003年4月1日)."""
    t = lead_stop(norm, s, end)
    if t is None:
        return s
    return t


def trim_dept(norm: str, s: int, e: int) -> int:
    m = DEPT_TAIL.search(norm, s, e)
    if m and m.start() - s >= 2:
        return m.start()
    return e
