"""The new-incident form's plain questions, turned into the facts the assessment reads (a CASE.json object).

:func:`case_from_form` is pure: it takes the posted fields and gives the CASE.json object, which the register then
checks (:func:`mamori.incidents.case.parse_case`, errors naming the field). :func:`form_from_case` goes back, to
fill the form again when the facts are updated. The questions: what happened (the officer's words and a cause), how
many people, which data, was it encrypted with the key safe, may it have been an attack (a wrongful purpose), was
everything recovered unseen, when it was discovered, do we hold the data for a principal (委託先).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mamori.glossary import ENTITY_LABELS, SENSITIVE_LABELS
from mamori.incidents.case import CREDENTIALS, SENSITIVE, type_label_ja

DATA_CHOICES = (
    "PERSON", "ADDRESS", "PHONE", "EMAIL", "DATE_OF_BIRTH", "MY_NUMBER", "CREDIT_CARD", "BANK_ACCOUNT", CREDENTIALS,
    "DRIVERS_LICENSE", "PASSPORT", "RESIDENCE_CARD", "HEALTH_INSURANCE", "PENSION_NUMBER", "IP_ADDRESS",
    "SENSITIVE:medical", "SENSITIVE:disability", "SENSITIVE:criminal", "SENSITIVE:creed", "SENSITIVE:race",
    "SENSITIVE:social_status", "SENSITIVE:crime_victim",
)  # fmt: skip
ENCRYPTION = ("none", "safe", "key_lost")  # not encrypted / high-level encryption, key safe / key lost too
FLAGS = ("malicious", "recovered_unviewed", "entrusted", "notification_difficult", "being_acquired")


def data_label(data_type: str, lang: str) -> str:
    """The label of a data type on the form and the pages."""
    if lang != "en":
        return type_label_ja(data_type)
    if data_type == CREDENTIALS:
        return "passwords, PINs"
    if data_type.startswith(SENSITIVE + ":"):
        kind = data_type[len(SENSITIVE) + 1 :]
        return f"special-care information ({SENSITIVE_LABELS.get(kind, (kind, kind))[1]})"
    return ENTITY_LABELS.get(data_type, (data_type, data_type))[1]


def _persons(value: str) -> int | str:
    value = value.strip().replace(",", "").replace("，", "")
    value = value.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    return int(value) if value.isdigit() else value  # a non-number goes on to parse_case, which names the field


def case_from_form(form: Mapping[str, Any], data: list[str]) -> dict[str, Any]:
    """The CASE.json object the form's answers describe (``data``: the ticked data types, in any order)."""
    encryption = str(form.get("encryption") or "none")
    ticked = set(data)
    return {
        "discovered_on": str(form.get("discovered_on") or "").strip(),
        "event": str(form.get("event") or "leak"),
        "cause": str(form.get("cause") or ""),
        "persons": _persons(str(form.get("persons") or "")),
        "data": [d for d in DATA_CHOICES if d in ticked] + sorted(ticked - set(DATA_CHOICES)),
        "encryption": {"high_level": encryption in ("safe", "key_lost"), "key_compromised": encryption == "key_lost"},
        "malicious": form.get("malicious") == "1",
        "recovered_unviewed": form.get("recovered_unviewed") == "1",
        "entrusted": form.get("entrusted") == "1",
        "notification_difficult": form.get("notification_difficult") == "1",
        "personal_data": form.get("being_acquired") != "1",
    }


def form_from_case(case: Mapping[str, Any]) -> dict[str, Any]:
    """The form's answers for a stored case (to update the facts)."""
    enc = case.get("encryption") or {}
    encryption = "none" if not enc.get("high_level") else ("key_lost" if enc.get("key_compromised") else "safe")
    values: dict[str, Any] = {
        "discovered_on": case.get("discovered_on", ""),
        "event": case.get("event", "leak"),
        "cause": case.get("cause", ""),
        "persons": case.get("persons", ""),
        "data": list(case.get("data", [])),
        "encryption": encryption,
        "being_acquired": case.get("personal_data") is False,
    }
    for flag in ("malicious", "recovered_unviewed", "entrusted", "notification_difficult"):
        values[flag] = bool(case.get(flag))
    return values
