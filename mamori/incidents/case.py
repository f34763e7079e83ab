"""An incident as the assessment reads it: the CASE.json of ``mamori incidents assess`` (DESIGN.md), checked.

:func:`parse_case` turns the decoded JSON object into a :class:`Case` or raises :class:`CaseError` naming the
field that is wrong, in Japanese and English. It does no I/O. Fields the contract does not name (an id, a note,
the source of a test case) are ignored; missing booleans are false, ``personal_data`` defaults to true.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from mamori.detect.entities import ALL_TYPES
from mamori.glossary import ENTITY_LABELS, SENSITIVE_LABELS

EVENTS = ("leak", "loss", "damage")
EVENT_LABELS_JA = {"leak": "漏えい", "loss": "滅失", "damage": "毀損"}

CAUSES = (
    "email_misdelivery",
    "letter_misdelivery",
    "fax_misdelivery",
    "enclosure_error",
    "loss_theft",
    "unauthorized_access",
    "malware",
    "insider_misuse",
    "system_error",
    "clerical_error",
    "verbal",
    "other",
)

CAUSE_LABELS_JA = {
    "email_misdelivery": "メール誤送信",
    "letter_misdelivery": "郵便物の誤送付",
    "fax_misdelivery": "FAX誤送信",
    "enclosure_error": "封入ミス",
    "loss_theft": "紛失・盗難",
    "unauthorized_access": "不正アクセス",
    "malware": "マルウェア・ランサムウェア",
    "insider_misuse": "従業者等による不正な持ち出し・利用",
    "system_error": "システムの誤設定・不具合",
    "clerical_error": "事務処理の誤り",
    "verbal": "口頭での漏えい",
    "other": "その他",
}

CREDENTIALS = "CREDENTIALS"  # passwords / PINs that open an account (the contract's addition to the entity types)
SENSITIVE = "SENSITIVE"  # 要配慮個人情報, also as SENSITIVE:<sub-kind>
DATA_TYPES = frozenset(ALL_TYPES | {CREDENTIALS})

TYPE_LABELS_JA = {t: ja for t, (ja, _) in ENTITY_LABELS.items()} | {CREDENTIALS: "パスワード・暗証番号"}
"""Data types in Japanese: the glossary's entity types (:mod:`mamori.glossary`) and the contract's CREDENTIALS."""
SENSITIVE_LABELS_JA = {k: ja for k, (ja, _) in SENSITIVE_LABELS.items() if k != "sensitive"}


def type_label_ja(data_type: str) -> str:
    """The Japanese name of a data type: ``SENSITIVE:medical`` is 要配慮個人情報 (病歴・健康)."""
    if data_type.startswith(SENSITIVE + ":"):
        kind = data_type[len(SENSITIVE) + 1 :]
        return f"{TYPE_LABELS_JA[SENSITIVE]} ({SENSITIVE_LABELS_JA.get(kind, kind)})"
    return TYPE_LABELS_JA.get(data_type, data_type)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class CaseError(ValueError):
    """A field of a case is missing or wrong: ``field`` names it (``data[2]``, ``encryption.high_level``)."""

    def __init__(self, field: str, message_en: str, message_ja: str) -> None:
        super().__init__(f"{field}: {message_en}")
        self.field = field
        self.message_en = message_en
        self.message_ja = message_ja


@dataclass(frozen=True)
class Case:
    """The facts of one incident. ``data`` holds entity types (``SENSITIVE:<sub-kind>`` kept as written)."""

    discovered_on: date
    event: str
    cause: str
    persons: int
    data: tuple[str, ...]
    high_level_encryption: bool = False
    key_compromised: bool = False
    malicious: bool = False
    recovered_unviewed: bool = False
    entrusted: bool = False
    personal_data: bool = True
    notification_difficult: bool = False  # addition: notifying is difficult (法26条2項ただし書)


def _required(obj: Mapping[str, Any], field: str) -> Any:
    if field not in obj or obj[field] is None:
        raise CaseError(field, "missing (required)", "ありません (必須の項目です)")
    return obj[field]


def _boolean(obj: Mapping[str, Any], field: str, default: bool, name: str | None = None) -> bool:
    value = obj.get(field)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise CaseError(
            name or field, f"must be true or false, not {value!r}", f"true か false で指定してください ({value!r})"
        )
    return value


def _choice(obj: Mapping[str, Any], field: str, choices: tuple[str, ...]) -> str:
    value = _required(obj, field)
    if value not in choices:
        listed = ", ".join(choices)
        raise CaseError(field, f"{value!r} is not one of {listed}", f"{value!r} は使えません。次のいずれか: {listed}")
    return str(value)


def _discovered_on(obj: Mapping[str, Any]) -> date:
    value = _required(obj, "discovered_on")
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise CaseError(
            "discovered_on",
            f"must be a date YYYY-MM-DD, not {value!r}",
            f"日付 YYYY-MM-DD で指定してください ({value!r})",
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CaseError(
            "discovered_on", f"{value} is not a day of the calendar", f"{value} は存在しない日付です"
        ) from None


def _persons(obj: Mapping[str, Any]) -> int:
    value = _required(obj, "persons")
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CaseError(
            "persons", f"must be a whole number 0 or more, not {value!r}", f"0 以上の整数で指定してください ({value!r})"
        )
    return value


def _data(obj: Mapping[str, Any]) -> tuple[str, ...]:
    value = _required(obj, "data")
    if not isinstance(value, list):
        raise CaseError(
            "data",
            f"must be a list of data types, not {value!r}",
            f"データの種類のリストで指定してください ({value!r})",
        )
    for i, item in enumerate(value):
        ok = isinstance(item, str) and (
            item in DATA_TYPES or (item.startswith(SENSITIVE + ":") and len(item) > len(SENSITIVE) + 1)
        )
        if not ok:
            raise CaseError(
                f"data[{i}]",
                f"{item!r} is not a data type (entity types, SENSITIVE:<kind>, CREDENTIALS)",
                f"{item!r} はデータの種類ではありません (エンティティ型, SENSITIVE:<種類>, CREDENTIALS)",
            )
    return tuple(value)


def parse_case(obj: Any) -> Case:
    """The :class:`Case` in the decoded JSON ``obj``; :class:`CaseError` names the first field that is wrong."""
    if not isinstance(obj, Mapping):
        raise CaseError("(case)", "a case must be a JSON object", "事案は JSON オブジェクトで書いてください")
    encryption = obj.get("encryption")
    if encryption is None:
        encryption = {}
    if not isinstance(encryption, Mapping):
        raise CaseError(
            "encryption",
            f'must be an object {{"high_level": bool, "key_compromised": bool}}, not {encryption!r}',
            f'{{"high_level": bool, "key_compromised": bool}} の形で指定してください ({encryption!r})',
        )
    return Case(
        discovered_on=_discovered_on(obj),
        event=_choice(obj, "event", EVENTS),
        cause=_choice(obj, "cause", CAUSES),
        persons=_persons(obj),
        data=_data(obj),
        high_level_encryption=_boolean(encryption, "high_level", False, "encryption.high_level"),
        key_compromised=_boolean(encryption, "key_compromised", False, "encryption.key_compromised"),
        malicious=_boolean(obj, "malicious", False),
        recovered_unviewed=_boolean(obj, "recovered_unviewed", False),
        entrusted=_boolean(obj, "entrusted", False),
        personal_data=_boolean(obj, "personal_data", True),
        notification_difficult=_boolean(obj, "notification_difficult", False),
    )


def case_to_json(case: Case) -> dict[str, Any]:
    """The CASE.json object of ``case``: :func:`parse_case` of it gives ``case`` back (the register stores this)."""
    return {
        "discovered_on": case.discovered_on.isoformat(),
        "event": case.event,
        "cause": case.cause,
        "persons": case.persons,
        "data": list(case.data),
        "encryption": {"high_level": case.high_level_encryption, "key_compromised": case.key_compromised},
        "malicious": case.malicious,
        "recovered_unviewed": case.recovered_unviewed,
        "entrusted": case.entrusted,
        "personal_data": case.personal_data,
        "notification_difficult": case.notification_difficult,
    }
