"""Payment data: card numbers (CREDIT_CARD), Japanese bank account numbers (BANK_ACCOUNT) and IBANs.

All three are in the core (core/src/recognizers/finance.rs): Luhn and the issuer ranges for cards, an account label
or a ゆうちょ word for bank accounts, the country's length and mod 97 for IBANs.
"""

from __future__ import annotations

from mamori.detect.core_engine import core_recognizer
from mamori.detect.recognizer import Recognizer

RECOGNIZERS: tuple[type[Recognizer], ...] = tuple(
    core_recognizer(name) for name in ("credit_card", "bank_account", "iban")
)
