"""The built-in recognizers, one small class per kind of personal information."""

from __future__ import annotations

from importlib import import_module

from mamori.detect.recognizer import Recognizer

# Each module exposes RECOGNIZERS: a tuple of Recognizer classes with no-argument constructors.
_MODULES = (
    "contact",  # EMAIL, PHONE, POSTAL_CODE, IP_ADDRESS
    "identifiers",  # MY_NUMBER, CORPORATE_NUMBER, DRIVERS_LICENSE, PASSPORT, RESIDENCE_CARD, ...
    "finance",  # CREDIT_CARD, BANK_ACCOUNT, IBAN
    "birth_date",  # DATE_OF_BIRTH
    "person_ja",  # Japanese PERSON
    "organization",  # ORGANIZATION
    "address_ja",  # Japanese ADDRESS (and LOCATION)
    "sensitive",  # SENSITIVE (要配慮個人情報)
    "english_names",  # English PERSON, ORGANIZATION, LOCATION
    "english_address",  # English street ADDRESS
)


def default_recognizers() -> list[Recognizer]:
    out: list[Recognizer] = []
    for name in _MODULES:
        module = import_module(f"{__name__}.{name}")
        out.extend(cls() for cls in module.RECOGNIZERS)
    return out
