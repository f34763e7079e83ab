"""Special-care personal information (要配慮個人情報, APPI art. 2(3)) as ``SENSITIVE`` with a subtype.

Subtypes: ``medical`` (病歴, diagnoses, 通院, 服薬, 入院), ``disability`` (障害者手帳, 身体障害),
``criminal`` (犯罪歴, 前科, 逮捕), ``creed`` (信仰, 宗教, 信条), ``race`` (人種, 民族, 出自),
``social_status`` (社会的身分, 被差別部落), ``crime_victim`` (犯罪被害, 被害届). Japanese and English
terms come from ``data/sensitive_terms.tsv``. The recognizer is in the core (core/src/recognizers/sensitive.rs).
"""

from __future__ import annotations

from mamori.detect.core_engine import core_recognizer

RECOGNIZERS = (core_recognizer("sensitive"),)
