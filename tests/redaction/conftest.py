"""Sample personal data shared by the redaction tests."""

from __future__ import annotations

NAME = "山田太郎"
PHONE = "090-1234-5678"
EMAIL = "taro.yamada@example.co.jp"
EN_NAME = "John Smith"
EN_PHONE = "415-555-0134"
RAW_VALUES = (NAME, PHONE, EMAIL)
