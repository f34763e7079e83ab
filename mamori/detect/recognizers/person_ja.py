"""Japanese PERSON: names in kanji, kana and romaji, found from the cues that stand around them.

Cues: honorifics after a name (様, さん, 殿, 氏, 先生 …); labels before one (氏名：, 担当者：, 口座名義：, any role
word ending in 者 / 人 / 官 / 員 / 長 …; English labels in a Japanese text: Name:, Booking name:, From:, and Mr. /
Ms.); titles before or after a surname (課長 山田, 杉山課長); a self-introduction (田中と申します); a department or
role before a name (営業部の高橋が); a name alone on a signature or address line; a reading in brackets after any
name; CSV columns headed 氏名 / フリガナ; lists of names. Prose without cues is read by cheap anchors (a kanji run
that splits into a listed surname + given name, a surname before a title, katakana foreign names …) and SudachiPy's
人名 tags on short windows. Candidates are checked against the name lexicon (``data/person_ja.tsv``).

The rules are in the Rust core (``core/src/recognizers/person_ja/``); this module lists the core recognizer in the
built-in order.
"""

from __future__ import annotations

from mamori.detect.core_engine import core_recognizer

RECOGNIZERS = (core_recognizer("person_ja"),)
