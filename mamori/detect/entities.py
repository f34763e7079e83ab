"""The entity types mamori reports (the public contract in DESIGN.md)."""

from __future__ import annotations

from enum import StrEnum


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    ADDRESS = "ADDRESS"
    POSTAL_CODE = "POSTAL_CODE"
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    MY_NUMBER = "MY_NUMBER"
    CORPORATE_NUMBER = "CORPORATE_NUMBER"
    CREDIT_CARD = "CREDIT_CARD"
    BANK_ACCOUNT = "BANK_ACCOUNT"
    DATE_OF_BIRTH = "DATE_OF_BIRTH"
    DRIVERS_LICENSE = "DRIVERS_LICENSE"
    PASSPORT = "PASSPORT"
    RESIDENCE_CARD = "RESIDENCE_CARD"
    HEALTH_INSURANCE = "HEALTH_INSURANCE"
    PENSION_NUMBER = "PENSION_NUMBER"
    IP_ADDRESS = "IP_ADDRESS"
    IBAN = "IBAN"
    US_SSN = "US_SSN"
    LOCATION = "LOCATION"
    SENSITIVE = "SENSITIVE"


ALL_TYPES: frozenset[str] = frozenset(t.value for t in EntityType)
