"""Words that end like an organisation's name but are not one (政党, 会社, 官庁) and counts (6社, 第1局).

Several recognizers reject these; ``words`` reads the space-separated word lists."""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """The space-separated words of ``text``."""
    return frozenset(text.split())


SUFFIX_STOP = words(
    "反省 帰省 内省 自省 人省 政党 与党 野党 悪党 徒党 残党 郷党 入党 離党 結党 解党 脱党 "
    "新党 甘党 辛党 大学 入社 出社 退社 本社 支社 会社 他社 各社 弊社 当社 御社 貴社 同社 "
    "自社 商社 神社 寺社 結社 入庁 官庁 都庁 県庁 道庁 府庁 登庁 退庁"
)


# A count or ordinal, not a name (6社, 第1局, 3社).
COUNT_RE = re.compile(r"[0-9]{1,6}(?:[社局部団軍位]|か国|ヶ国)?")
