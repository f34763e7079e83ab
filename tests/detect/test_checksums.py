"""Check digits and format rules (mamori.detect.checksums), against published vectors and reference code."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from mamori.detect.checksums import (
    card_brand,
    card_valid,
    corporate_number_check_digit,
    corporate_number_valid,
    drivers_license_check_digit,
    drivers_license_valid,
    ean13_valid,
    iban_valid,
    luhn_check_digit,
    luhn_valid,
    my_number_check_digit,
    my_number_valid,
    us_ssn_valid,
)

digits = st.text(alphabet="0123456789", min_size=1, max_size=1)


def _ref_my_number(base11: str) -> int:
    """The statutory formula: Pn counted from the rightmost base digit, Qn = n+1 (n<=6) / n-5 (n>=7)."""
    s = 0
    for n in range(1, 12):
        p = int(base11[11 - n])
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    return 0 if r <= 1 else 11 - r


def _ref_corporate(base12: str) -> int:
    s = sum(int(base12[12 - n]) * (1 if n % 2 else 2) for n in range(1, 13))
    return 9 - s % 9


def _ref_luhn(num: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


# ---- published vectors ----------------------------------------------------------------------------------


def test_my_number_vectors() -> None:
    for v in ("123456789018", "111111111118", "621498320257"):
        assert my_number_valid(v), v
    for v in (
        "621498320258",
        "123456789010",
        "12345678901",
        "1234567890181",
        "12345678901a",
        "１２３４５６７８９０１８",
    ):
        assert not my_number_valid(v), v


def test_corporate_number_vectors() -> None:
    for v in ("5835678256246", "4011001098993", "7040001016687", "6010701027558", "2120901007402", "1180301018771"):
        assert corporate_number_valid(v), v
    for v in ("2835678256246", "583567825624", "58356782562460", "583567825624x"):
        assert not corporate_number_valid(v), v


def test_cards() -> None:
    for v, brand in (
        ("4111111111111111", "visa"),
        ("5555555555554444", "mastercard"),
        ("2223003122003222", "mastercard"),
        ("3530111333300000", "jcb"),
        ("378282246310005", "amex"),
        ("30569309025904", "diners"),
        ("38520000023237", "diners"),
        ("6011111111111117", "discover"),
    ):
        assert card_valid(v), v
        assert card_brand(v) == brand, v
    assert not card_valid("4111111111111112")  # Luhn fails
    assert not card_valid("9111111111111110")  # no issuer starts with 9 (Luhn passes)
    assert luhn_valid("9111111111111110")
    assert card_brand("411111111111111") is None  # Visa has no 15-digit numbers


def test_ean13() -> None:
    assert ean13_valid("4901234567894")
    assert not ean13_valid("4901234567895")


def test_iban() -> None:
    assert iban_valid("GB82WEST12345698765432")
    assert iban_valid("gb82west12345698765432")
    assert iban_valid("DE89370400440532013000")
    assert not iban_valid("GB82WEST12345698765433")
    assert not iban_valid("GB82WEST1234569876543")  # GB is 22 long
    assert not iban_valid("XX82WEST12345698765432")
    assert not iban_valid("")


def test_us_ssn() -> None:
    assert us_ssn_valid("731834418")
    for v in ("000123456", "666123456", "912345678", "123001234", "123450000", "111111111", "123456789", "078051120"):
        assert not us_ssn_valid(v), v


def test_drivers_license() -> None:
    d10 = "3012345678"
    num = d10 + str(drivers_license_check_digit(d10)) + "0"
    assert drivers_license_valid(num)
    assert not drivers_license_valid("99" + num[2:])  # 99 is no 公安委員会
    bad = d10 + str((drivers_license_check_digit(d10) + 1) % 10) + "0"
    assert not drivers_license_valid(bad)


# ---- properties -----------------------------------------------------------------------------------------


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_my_number_matches_the_statute(base: str) -> None:
    assert my_number_check_digit(base) == _ref_my_number(base)
    assert my_number_valid(base + str(_ref_my_number(base)))


@given(st.text(alphabet="0123456789", min_size=11, max_size=11), st.integers(0, 11), st.integers(1, 9))
def test_my_number_single_digit_change(base: str, pos: int, delta: int) -> None:
    num = base + str(my_number_check_digit(base))
    changed = num[:pos] + str((int(num[pos]) + delta) % 10) + num[pos + 1 :]
    if pos == 11:
        assert not my_number_valid(changed)  # a wrong check digit is always caught
    else:
        # weights 2..7 are prime to 11: the sum always changes; only remainders 0 and 1 share check digit 0
        s_old = sum(w * int(c) for w, c in zip((6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2), num[:11], strict=True)) % 11
        s_new = sum(w * int(c) for w, c in zip((6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2), changed[:11], strict=True)) % 11
        assert my_number_valid(changed) == (s_old <= 1 and s_new <= 1)


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_corporate_number_matches_the_ordinance(base: str) -> None:
    check = corporate_number_check_digit(base)
    assert check == _ref_corporate(base)
    assert 1 <= check <= 9
    assert corporate_number_valid(str(check) + base)


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(0, 12), st.integers(1, 9))
def test_corporate_number_single_digit_change(base: str, pos: int, delta: int) -> None:
    num = str(corporate_number_check_digit(base)) + base
    new_digit = (int(num[pos]) + delta) % 10
    changed = num[:pos] + str(new_digit) + num[pos + 1 :]
    # weights 1 and 2 mod 9 miss exactly one substitution in the base: 0 <-> 9
    swap09 = pos > 0 and {num[pos], str(new_digit)} == {"0", "9"}  # the check digit itself is never 0
    assert corporate_number_valid(changed) == swap09


@given(st.text(alphabet="0123456789", min_size=11, max_size=18), st.integers(0, 18), st.integers(1, 9))
def test_luhn_catches_every_single_digit_change(partial: str, pos: int, delta: int) -> None:
    num = partial + str(luhn_check_digit(partial))
    assert luhn_valid(num) and _ref_luhn(num)
    assume(pos < len(num))
    changed = num[:pos] + str((int(num[pos]) + delta) % 10) + num[pos + 1 :]
    assert not luhn_valid(changed)
    assert luhn_valid(changed) == _ref_luhn(changed)


@given(st.text(alphabet="0123456789", min_size=18, max_size=18), st.integers(4, 21), st.integers(1, 9))
def test_iban_catches_every_single_digit_change(bban: str, pos: int, delta: int) -> None:
    # build a valid GB-length IBAN (DE: 22 characters, all digits after the country) and change one digit
    raw = "DE00" + bban
    check = 98 - int("".join(str(int(c, 36)) for c in raw[4:] + "DE00")) % 97
    iban = f"DE{check:02d}{bban}"
    assert iban_valid(iban)
    changed = iban[:pos] + str((int(iban[pos]) + delta) % 10) + iban[pos + 1 :]
    assert not iban_valid(changed)


@given(st.text(max_size=30))
def test_validators_never_raise(s: str) -> None:
    for f in (my_number_valid, corporate_number_valid, luhn_valid, ean13_valid, iban_valid, us_ssn_valid):
        assert f(s) in (True, False)
    assert drivers_license_valid(s) in (True, False)
    assert card_brand(s) is None or isinstance(card_brand(s), str)
