"""Identification numbers: 個人番号, 法人番号, driving licence, passport, 在留カード, health insurance,
基礎年金番号 and the US Social Security number.

All of them are in the core (core/src/recognizers/identifiers.rs, check digits in core/src/checksums.rs): each takes
the digit runs of its length from the shared anchor pass, checks the shape and the check digit, then scores by the
label the value belongs to (the nearest keyword on its line, the line above, or the CSV column header).
"""

from __future__ import annotations

from mamori.detect.core_engine import core_recognizer
from mamori.detect.recognizer import Recognizer

RECOGNIZERS: tuple[type[Recognizer], ...] = tuple(
    core_recognizer(name)
    for name in (
        "my_number",
        "corporate_number",
        "drivers_license",
        "passport",
        "residence_card",
        "health_insurance",
        "pension_number",
        "us_ssn",
    )
)
