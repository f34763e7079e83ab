"""Check digits and format rules of identification numbers (pure functions on digit strings).

Every function takes the bare value (digits, or letters and digits for an IBAN) without separators
and answers whether it is well formed; none of them raises on odd input. Sources of the algorithms:

* 個人番号 (My Number): 総務省令 第五条 -- weights 6,5,4,3,2,7,6,5,4,3,2 over the 11 base digits,
  check = 11 - (sum mod 11), or 0 when the remainder is 0 or 1; the check digit is the LAST digit.
* 法人番号 (corporate number): 財務省令 第二条 -- weights 1,2,1,2... over the 12 base digits counted
  from the right, check = 9 - (sum mod 9); the check digit is the FIRST digit.
* Cards: Luhn (ISO/IEC 7812) and the issuer ranges of the card brands.
* 運転免許証番号: 公安委員会 code (2) + year (2) + serial (6) + check (1) + reissue count (1); check =
  (11 - sum(w*d) mod 11) mod 10 with w = 5,4,3,2,7,6,5,4,3,2 (as commonly described, not official).
* IBAN: ISO 13616 -- country length table and mod 97 == 1.
* US SSN: area 001-899 except 666, group 01-99, serial 0001-9999, and a few well-known fake numbers.
"""

from __future__ import annotations

_MY_NUMBER_WEIGHTS = (6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_DL_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

# 公安委員会 codes: the first two digits of a Japanese driving licence number.
DL_AUTHORITY_CODES: frozenset[str] = frozenset(
    {f"{n}" for n in (*range(10, 15), *range(20, 26), 30, *range(40, 56), *range(60, 66), *range(70, 75))}
    | {f"{n}" for n in (*range(80, 84), *range(90, 98))}
)


def _is_digits(s: str, n: int) -> bool:
    return len(s) == n and s.isascii() and s.isdigit()


def my_number_check_digit(base11: str) -> int:
    """The check digit of an 11-digit 個人番号 base."""
    s = sum(w * int(c) for w, c in zip(_MY_NUMBER_WEIGHTS, base11, strict=True))
    r = s % 11
    return 0 if r <= 1 else 11 - r


def my_number_valid(digits: str) -> bool:
    """True for 12 digits whose last digit is the 個人番号 check digit."""
    return _is_digits(digits, 12) and my_number_check_digit(digits[:11]) == ord(digits[11]) - 48


def corporate_number_check_digit(base12: str) -> int:
    """The check digit (placed FIRST) of a 12-digit 会社法人等番号 base."""
    s = 0
    for n, c in enumerate(reversed(base12), start=1):
        s += int(c) * (2 if n % 2 == 0 else 1)
    return 9 - s % 9


def corporate_number_valid(digits: str) -> bool:
    """True for 13 digits whose FIRST digit is the 法人番号 check digit."""
    return _is_digits(digits, 13) and corporate_number_check_digit(digits[1:]) == ord(digits[0]) - 48


def luhn_valid(digits: str) -> bool:
    """Luhn (mod 10) check over a string of ASCII digits (at least 2)."""
    if len(digits) < 2 or not (digits.isascii() and digits.isdigit()):
        return False
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = ord(c) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_check_digit(partial: str) -> int:
    """The digit that makes ``partial + digit`` pass Luhn."""
    for d in range(10):
        if luhn_valid(partial + str(d)):
            return d
    raise ValueError("not a digit string")


def ean13_valid(digits: str) -> bool:
    """True for a valid EAN-13 / JAN code."""
    if not _is_digits(digits, 13):
        return False
    s = sum((ord(c) - 48) * (3 if i % 2 else 1) for i, c in enumerate(digits[:12]))
    return (10 - s % 10) % 10 == ord(digits[12]) - 48


# (prefix low, prefix high, lengths, brand); prefixes compared on the same number of leading digits.
_CARD_RANGES: tuple[tuple[str, str, frozenset[int], str], ...] = (
    ("4", "4", frozenset({13, 16, 19}), "visa"),
    ("51", "55", frozenset({16}), "mastercard"),
    ("2221", "2720", frozenset({16}), "mastercard"),
    ("3528", "3589", frozenset({15, 16, 17, 18, 19}), "jcb"),
    ("2131", "2131", frozenset({15}), "jcb"),
    ("1800", "1800", frozenset({15}), "jcb"),
    ("34", "34", frozenset({15}), "amex"),
    ("37", "37", frozenset({15}), "amex"),
    ("300", "305", frozenset({14, 16, 17, 18, 19}), "diners"),
    ("3095", "3095", frozenset({14, 16, 17, 18, 19}), "diners"),
    ("36", "36", frozenset({14, 15, 16, 17, 18, 19}), "diners"),
    ("38", "39", frozenset({14, 16, 17, 18, 19}), "diners"),
    ("6011", "6011", frozenset({16, 17, 18, 19}), "discover"),
    ("644", "649", frozenset({16, 17, 18, 19}), "discover"),
    ("65", "65", frozenset({16, 17, 18, 19}), "discover"),
    ("62", "62", frozenset({16, 17, 18, 19}), "unionpay"),
    ("50", "50", frozenset({12, 13, 14, 15, 16, 17, 18, 19}), "maestro"),
    ("56", "58", frozenset({12, 13, 14, 15, 16, 17, 18, 19}), "maestro"),
    ("6304", "6304", frozenset({12, 13, 14, 15, 16, 17, 18, 19}), "maestro"),
    ("67", "67", frozenset({12, 13, 14, 15, 16, 17, 18, 19}), "maestro"),
)


def card_brand(digits: str) -> str | None:
    """The card brand whose issuer range and length fit ``digits``, or None."""
    n = len(digits)
    for lo, hi, lengths, brand in _CARD_RANGES:
        if n in lengths and lo <= digits[: len(lo)] <= hi:
            return brand
    return None


def card_valid(digits: str) -> bool:
    """A card number: a known issuer range and length, and a Luhn pass."""
    return card_brand(digits) is not None and luhn_valid(digits)


def drivers_license_check_digit(first10: str) -> int:
    """The 11th digit of a 運転免許証番号 (the commonly described rule)."""
    return (11 - sum(w * int(c) for w, c in zip(_DL_WEIGHTS, first10, strict=True)) % 11) % 10


def drivers_license_valid(digits: str) -> bool:
    """12 digits: a 公安委員会 code, and the 11th digit matches the check rule."""
    return (
        _is_digits(digits, 12)
        and digits[:2] in DL_AUTHORITY_CODES
        and drivers_license_check_digit(digits[:10]) == ord(digits[10]) - 48
    )


# ISO 13616 registry (SWIFT IBAN registry): country -> total length.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
    "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28,
    "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
    "RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25,
    "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip


def iban_mod97(iban: str) -> int:
    """The ISO 7064 mod 97-10 remainder of an IBAN (country and check moved to the end)."""
    s = iban[4:] + iban[:4]
    total = 0
    for c in s:
        v = ord(c) - 48 if c <= "9" else ord(c) - 55
        total = (total * (100 if v > 9 else 10) + v) % 97
    return total


def iban_valid(value: str) -> bool:
    """An IBAN without spaces: known country, its length, alphanumeric BBAN, mod 97 == 1."""
    iban = value.upper()
    if not (iban.isascii() and iban.isalnum()) or len(iban) < 15:
        return False
    country = iban[:2]
    if IBAN_LENGTHS.get(country) != len(iban) or not country.isalpha() or not iban[2:4].isdigit():
        return False
    return iban_mod97(iban) == 1


_SSN_FAKE_PREFIXES = ("123456789", "987654321", "078051120", "219099999")


def us_ssn_valid(digits: str) -> bool:
    """9 digits that the SSA could have issued: area 001-899 but not 666, group 01-99, serial 0001-9999."""
    if not _is_digits(digits, 9):
        return False
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    if area == "000" or area == "666" or area[0] == "9" or group == "00" or serial == "0000":
        return False
    return len(set(digits)) > 1 and not digits.startswith(_SSN_FAKE_PREFIXES)
