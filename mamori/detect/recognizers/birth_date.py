"""Dates of birth (DATE_OF_BIRTH): 西暦 and 和暦 dates, only where the context says birth.

In the core (core/src/recognizers/birth_date.rs): it starts from the birth keywords (生年月日, 誕生日, 生まれ, DOB, date
of birth, born ...) and reads the date that follows the label on its line, the date that ends right before 生まれ /
生, or the cells of a CSV column whose header is such a label.
"""

from __future__ import annotations

from mamori.detect.core_engine import core_recognizer
from mamori.detect.recognizer import Recognizer

RECOGNIZERS: tuple[type[Recognizer], ...] = (core_recognizer("birth_date"),)
