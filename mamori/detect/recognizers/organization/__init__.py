"""Japanese organisation names (ORGANIZATION), implemented in the Rust core (core/src/recognizers/organization/).

Three cues, all found by the detector's single keyword pass and then read locally:

* a legal form before or after the name (株式会社山田商事, 山田商事(株), ㈱, 一般社団法人…, Co., Ltd.);
* a financial institution's suffix (みずほ銀行, 城南信用金庫, …信用組合, 農業協同組合); the branch
  (新宿支店) that follows is not part of the name;
* in prose, an organisation-type suffix (財務省, 公明党, 東京大学, 日本放送協会, 陸上自衛隊, …社),
  with a stricter check on the name before it. A list of organisation names without any such
  suffix (``data/org_names.txt``) covers well-known names (NHK, トヨタ).

Narrower shapes: names before phrases only an organisation takes (…に入団, …の社長) and subjects of defining
sentences, standalone capitalised acronyms (NHK, FCバルセロナ), account holders written the bank's way
(ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ, ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ) and teams named city・plural (ボストン・ブレーブス, the city checked with Sudachi).

The name is the run of kanji / katakana / Latin letters / digits next to the cue, bounded in length,
cut at particles, punctuation and spaces (except between Latin words), with department words
(営業部, 経理課) trimmed from its end. Hiragana before the run joins the name when Sudachi reads it as
nouns (ひかり物流株式会社, 先方の|みなと設計(株)); facilities (hospitals, schools, shops) are not names.

One Rust module per recognizer (legal_form, financial, suffix, context, acronym, kana_abbreviation, team) and
the pieces several share (keyword_hits, name_run, trim, stop_words, known_names, spans). The rules that ask
Sudachi get it through the core's analyser hook (SudachiPy on the folded text's window).
"""

from __future__ import annotations

from mamori.detect.core_engine import core_recognizer

RECOGNIZERS = (
    core_recognizer("organization_legal"),  # legal_form.rs
    core_recognizer("organization_bank"),  # financial.rs
    core_recognizer("organization_suffix"),  # suffix.rs
    core_recognizer("organization_context"),  # context.rs
    core_recognizer("organization_acronym"),  # acronym.rs
    core_recognizer("organization_kana"),  # kana_abbreviation.rs
    core_recognizer("organization_team"),  # team.rs
)

__all__ = ["RECOGNIZERS"]
