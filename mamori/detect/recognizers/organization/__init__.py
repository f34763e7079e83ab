"""Japanese organisation names (ORGANIZATION).

Three cues, all found by the detector's single keyword pass and then read locally:

* a legal form before or after the name (株式会社山田商事, 山田商事(株), ㈱, 一般社団法人…, Co., Ltd.);
* a financial institution's suffix (みずほ銀行, 城南信用金庫, …信用組合, 農業協同組合); the branch
  (新宿支店) that follows is not part of the name;
* in prose, an organisation-type suffix (財務省, 公明党, 東京大学, 日本放送協会, 陸上自衛隊, …社),
  with a stricter check on the name before it. A list of organisation names without any such
  suffix (``data/org_names.txt``) covers well-known names (NHK, トヨタ).

Two narrower shapes: account holders written the bank's way (ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ, ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ) and teams named
city・plural (ボストン・ブレーブス, the city checked with Sudachi).

The name is the run of kanji / katakana / Latin letters / digits next to the cue, bounded in length,
cut at particles, punctuation and spaces (except between Latin words), with department words
(営業部, 経理課) trimmed from its end. Hiragana before the run joins the name when Sudachi reads it as
nouns (ひかり物流株式会社, 先方の|みなと設計(株)); facilities (hospitals, schools, shops) are not names.

One module per recognizer (legal_form, financial, suffix, context, team, acronym, kana_abbreviation); the
pieces several share: keyword_hits (the one keyword pass), name_run (where a name starts and ends), trim
(lead and department words cut from a name), stop_words, known_names and spans.
"""

from __future__ import annotations

from mamori.detect.core_engine import core_recognizer
from mamori.detect.recognizers.organization.context import (
    CONTEXT_AFTER,
    DEFINING_ENDINGS,
    ContextOrganizationRecognizer,
)
from mamori.detect.recognizers.organization.legal_form import LATIN_FORMS, LEGAL_FORMS, LegalFormOrganizationRecognizer
from mamori.detect.recognizers.organization.suffix import ORG_SUFFIXES, SuffixOrganizationRecognizer

RECOGNIZERS = (
    LegalFormOrganizationRecognizer,
    core_recognizer("organization_bank"),  # core/src/recognizers/organization/financial.rs
    SuffixOrganizationRecognizer,
    ContextOrganizationRecognizer,
    core_recognizer("organization_acronym"),  # core/src/recognizers/organization/acronym.rs
    core_recognizer("organization_kana"),  # core/src/recognizers/organization/kana_abbreviation.rs
    core_recognizer("organization_team"),  # core/src/recognizers/organization/team.rs
)

__all__ = [
    "CONTEXT_AFTER",
    "DEFINING_ENDINGS",
    "LATIN_FORMS",
    "LEGAL_FORMS",
    "ORG_SUFFIXES",
    "RECOGNIZERS",
    "ContextOrganizationRecognizer",
    "LegalFormOrganizationRecognizer",
    "SuffixOrganizationRecognizer",
]
