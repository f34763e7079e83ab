//! Check digits and format rules of identification numbers (pure functions on digit strings).
//!
//! Every function takes the bare value (ASCII digits, or letters and digits for an IBAN) without
//! separators and answers whether it is well formed; none of them panics on odd input. Sources:
//!
//! * 個人番号 (My Number): 総務省令 第五条 -- weights 6,5,4,3,2,7,6,5,4,3,2 over the 11 base digits,
//!   check = 11 - (sum mod 11), or 0 when the remainder is 0 or 1; the check digit is the LAST digit.
//! * 法人番号 (corporate number): 財務省令 第二条 -- weights 1,2,1,2... over the 12 base digits counted
//!   from the right, check = 9 - (sum mod 9); the check digit is the FIRST digit.
//! * Cards: Luhn (ISO/IEC 7812) and the issuer ranges of the card brands.
//! * 運転免許証番号: 公安委員会 code (2) + year (2) + serial (6) + check (1) + reissue count (1); check =
//!   (11 - sum(w*d) mod 11) mod 10 with w = 5,4,3,2,7,6,5,4,3,2 (as commonly described, not official).
//! * EAN-13 / JAN codes.
//! * IBAN: ISO 13616 -- country length table and mod 97 == 1.
//! * US SSN: area 001-899 except 666, group 01-99, serial 0001-9999, and a few well-known fake numbers.

const MY_NUMBER_WEIGHTS: [u32; 11] = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const DL_WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

fn is_digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

fn digit(b: u8) -> u32 {
    b.wrapping_sub(b'0') as u32
}

/// Whether the two leading digits are a 公安委員会 code (the first two digits of a driving licence number).
pub fn dl_authority_code(two: &str) -> bool {
    if !is_digits(two, 2) {
        return false;
    }
    let n: u32 = two.parse().unwrap_or(0);
    matches!(n, 10..=14 | 20..=25 | 30 | 40..=55 | 60..=65 | 70..=74 | 80..=83 | 90..=97)
}

/// The check digit of an 11-digit 個人番号 base (ASCII digits).
pub fn my_number_check_digit(base11: &str) -> u32 {
    let s: u32 = MY_NUMBER_WEIGHTS.iter().zip(base11.bytes()).map(|(w, b)| w * digit(b)).sum();
    let r = s % 11;
    if r <= 1 {
        0
    } else {
        11 - r
    }
}

/// True for 12 digits whose last digit is the 個人番号 check digit.
pub fn my_number_valid(digits: &str) -> bool {
    is_digits(digits, 12) && my_number_check_digit(&digits[..11]) == digit(digits.as_bytes()[11])
}

/// The check digit (placed FIRST) of a 12-digit 会社法人等番号 base.
pub fn corporate_number_check_digit(base12: &str) -> u32 {
    let mut s = 0u32;
    for (i, b) in base12.bytes().rev().enumerate() {
        s += digit(b) * if (i + 1) % 2 == 0 { 2 } else { 1 };
    }
    9 - s % 9
}

/// True for 13 digits whose FIRST digit is the 法人番号 check digit.
pub fn corporate_number_valid(digits: &str) -> bool {
    is_digits(digits, 13) && corporate_number_check_digit(&digits[1..]) == digit(digits.as_bytes()[0])
}

/// Luhn (mod 10) check over a string of ASCII digits (at least 2).
pub fn luhn_valid(digits: &str) -> bool {
    if digits.len() < 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut total = 0u32;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = digit(b);
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        total += d;
    }
    total.is_multiple_of(10)
}

/// The digit that makes `partial + digit` pass Luhn (None when `partial` is not ASCII digits).
pub fn luhn_check_digit(partial: &str) -> Option<u32> {
    (0..10).find(|d| luhn_valid(&format!("{partial}{d}")))
}

/// True for a valid EAN-13 / JAN code.
pub fn ean13_valid(digits: &str) -> bool {
    if !is_digits(digits, 13) {
        return false;
    }
    let b = digits.as_bytes();
    let s: u32 = b[..12].iter().enumerate().map(|(i, &c)| digit(c) * if i % 2 == 1 { 3 } else { 1 }).sum();
    (10 - s % 10) % 10 == digit(b[12])
}

/// (prefix low, prefix high, lengths, brand); prefixes compared on the same number of leading digits.
const CARD_RANGES: &[(&str, &str, &[usize], &str)] = &[
    ("4", "4", &[13, 16, 19], "visa"),
    ("51", "55", &[16], "mastercard"),
    ("2221", "2720", &[16], "mastercard"),
    ("3528", "3589", &[15, 16, 17, 18, 19], "jcb"),
    ("2131", "2131", &[15], "jcb"),
    ("1800", "1800", &[15], "jcb"),
    ("34", "34", &[15], "amex"),
    ("37", "37", &[15], "amex"),
    ("300", "305", &[14, 16, 17, 18, 19], "diners"),
    ("3095", "3095", &[14, 16, 17, 18, 19], "diners"),
    ("36", "36", &[14, 15, 16, 17, 18, 19], "diners"),
    ("38", "39", &[14, 16, 17, 18, 19], "diners"),
    ("6011", "6011", &[16, 17, 18, 19], "discover"),
    ("644", "649", &[16, 17, 18, 19], "discover"),
    ("65", "65", &[16, 17, 18, 19], "discover"),
    ("62", "62", &[16, 17, 18, 19], "unionpay"),
    ("50", "50", &[12, 13, 14, 15, 16, 17, 18, 19], "maestro"),
    ("56", "58", &[12, 13, 14, 15, 16, 17, 18, 19], "maestro"),
    ("6304", "6304", &[12, 13, 14, 15, 16, 17, 18, 19], "maestro"),
    ("67", "67", &[12, 13, 14, 15, 16, 17, 18, 19], "maestro"),
];

/// The card brand whose issuer range and length fit `digits`, or None (Python's string comparison
/// of the leading characters: code point order, a shorter prefix sorting first).
pub fn card_brand(digits: &str) -> Option<&'static str> {
    let n = digits.chars().count();
    for &(lo, hi, lengths, brand) in CARD_RANGES {
        if lengths.contains(&n) {
            let head: String = digits.chars().take(lo.len()).collect();
            if lo <= head.as_str() && head.as_str() <= hi {
                return Some(brand);
            }
        }
    }
    None
}

/// A card number: a known issuer range and length, and a Luhn pass.
pub fn card_valid(digits: &str) -> bool {
    card_brand(digits).is_some() && luhn_valid(digits)
}

/// The 11th digit of a 運転免許証番号 (the commonly described rule) from the first 10 ASCII digits.
pub fn drivers_license_check_digit(first10: &str) -> u32 {
    let s: u32 = DL_WEIGHTS.iter().zip(first10.bytes()).map(|(w, b)| w * digit(b)).sum();
    (11 - s % 11) % 10
}

/// 12 digits: a 公安委員会 code, and the 11th digit matches the check rule.
pub fn drivers_license_valid(digits: &str) -> bool {
    is_digits(digits, 12)
        && dl_authority_code(&digits[..2])
        && drivers_license_check_digit(&digits[..10]) == digit(digits.as_bytes()[10])
}

/// ISO 13616 registry (SWIFT IBAN registry): country -> total length.
#[rustfmt::skip]
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24), ("AE", 23), ("AL", 28), ("AT", 20), ("AZ", 28), ("BA", 20), ("BE", 16), ("BG", 22), ("BH", 22),
    ("BI", 27), ("BR", 29), ("BY", 28), ("CH", 21), ("CR", 22), ("CY", 28), ("CZ", 24), ("DE", 22), ("DJ", 27),
    ("DK", 18), ("DO", 28), ("EE", 20), ("EG", 29), ("ES", 24), ("FI", 18), ("FK", 18), ("FO", 18), ("FR", 27),
    ("GB", 22), ("GE", 22), ("GI", 23), ("GL", 18), ("GR", 27), ("GT", 28), ("HN", 28), ("HR", 21), ("HU", 28),
    ("IE", 22), ("IL", 23), ("IQ", 23), ("IS", 26), ("IT", 27), ("JO", 30), ("KW", 30), ("KZ", 20), ("LB", 28),
    ("LC", 32), ("LI", 21), ("LT", 20), ("LU", 20), ("LV", 21), ("LY", 25), ("MC", 27), ("MD", 24), ("ME", 22),
    ("MK", 19), ("MN", 20), ("MR", 27), ("MT", 31), ("MU", 30), ("NI", 28), ("NL", 18), ("NO", 15), ("OM", 23),
    ("PK", 24), ("PL", 28), ("PS", 29), ("PT", 25), ("QA", 29), ("RO", 24), ("RS", 22), ("RU", 33), ("SA", 24),
    ("SC", 31), ("SD", 18), ("SE", 24), ("SI", 19), ("SK", 24), ("SM", 27), ("SO", 23), ("ST", 25), ("SV", 28),
    ("TL", 23), ("TN", 24), ("TR", 26), ("UA", 29), ("VA", 22), ("VG", 24), ("XK", 20), ("YE", 30),
];

/// The registered length of an IBAN of `country` (two capital letters).
pub fn iban_length(country: &str) -> Option<usize> {
    IBAN_LENGTHS.iter().find(|(c, _)| *c == country).map(|&(_, n)| n)
}

/// The ISO 7064 mod 97-10 remainder of an upper-case ASCII alphanumeric IBAN (country and check moved to the end).
pub fn iban_mod97(iban: &str) -> u32 {
    let b = iban.as_bytes();
    if b.len() < 4 {
        return 0;
    }
    let mut total = 0u32;
    for &c in b[4..].iter().chain(b[..4].iter()) {
        let v = if c <= b'9' { c as u32 - 48 } else { c as u32 - 55 };
        total = (total * if v > 9 { 100 } else { 10 } + v) % 97;
    }
    total
}

/// An IBAN without spaces: known country, its length, alphanumeric BBAN, mod 97 == 1 (case-insensitive).
pub fn iban_valid(value: &str) -> bool {
    // Python's str.upper() on ASCII alphanumerics; anything else fails the isascii/isalnum test.
    if !value.bytes().all(|b| b.is_ascii_alphanumeric()) || value.len() < 15 {
        return false;
    }
    let iban = value.to_ascii_uppercase();
    let country = &iban[..2];
    if iban_length(country) != Some(iban.len()) || !iban.as_bytes()[2..4].iter().all(|b| b.is_ascii_digit()) {
        return false;
    }
    iban_mod97(&iban) == 1
}

const SSN_FAKE_PREFIXES: [&str; 4] = ["123456789", "987654321", "078051120", "219099999"];

/// 9 digits that the SSA could have issued: area 001-899 but not 666, group 01-99, serial 0001-9999.
pub fn us_ssn_valid(digits: &str) -> bool {
    if !is_digits(digits, 9) {
        return false;
    }
    let (area, group, serial) = (&digits[..3], &digits[3..5], &digits[5..]);
    if area == "000" || area == "666" || area.starts_with('9') || group == "00" || serial == "0000" {
        return false;
    }
    let first = digits.as_bytes()[0];
    digits.bytes().any(|b| b != first) && !SSN_FAKE_PREFIXES.iter().any(|p| digits.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny deterministic generator for the property tests (no dependency).
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            self.0 >> 33
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
        fn digits(&mut self, n: usize) -> String {
            (0..n).map(|_| char::from(b'0' + self.below(10) as u8)).collect()
        }
    }

    fn with_digit(s: &str, pos: usize, d: u32) -> String {
        let mut v: Vec<char> = s.chars().collect();
        v[pos] = char::from_digit(d, 10).unwrap();
        v.into_iter().collect()
    }

    fn d(s: &str, i: usize) -> u32 {
        digit(s.as_bytes()[i])
    }

    /// The statutory formula: Pn counted from the rightmost base digit, Qn = n+1 (n<=6) / n-5 (n>=7).
    fn ref_my_number(base11: &str) -> u32 {
        let mut s = 0;
        for n in 1..12 {
            let p = d(base11, 11 - n);
            let q = if n <= 6 { n + 1 } else { n - 5 } as u32;
            s += p * q;
        }
        let r = s % 11;
        if r <= 1 {
            0
        } else {
            11 - r
        }
    }

    fn ref_corporate(base12: &str) -> u32 {
        let s: u32 = (1..13).map(|n| d(base12, 12 - n) * if n % 2 == 1 { 1 } else { 2 }).sum();
        9 - s % 9
    }

    fn ref_luhn(num: &str) -> bool {
        let mut total = 0;
        for (i, b) in num.bytes().rev().enumerate() {
            let x = digit(b) * if i % 2 == 1 { 2 } else { 1 };
            total += if x > 9 { x - 9 } else { x };
        }
        total % 10 == 0
    }

    #[test]
    fn my_number_vectors() {
        for v in ["123456789018", "111111111118", "621498320257"] {
            assert!(my_number_valid(v), "{v}");
        }
        for v in
            ["621498320258", "123456789010", "12345678901", "1234567890181", "12345678901a", "１２３４５６７８９０１８"]
        {
            assert!(!my_number_valid(v), "{v}");
        }
    }

    #[test]
    fn corporate_number_vectors() {
        for v in ["5835678256246", "4011001098993", "7040001016687", "6010701027558", "2120901007402", "1180301018771"]
        {
            assert!(corporate_number_valid(v), "{v}");
        }
        for v in ["2835678256246", "583567825624", "58356782562460", "583567825624x"] {
            assert!(!corporate_number_valid(v), "{v}");
        }
    }

    #[test]
    fn cards() {
        for (v, brand) in [
            ("4111111111111111", "visa"),
            ("5555555555554444", "mastercard"),
            ("2223003122003222", "mastercard"),
            ("3530111333300000", "jcb"),
            ("378282246310005", "amex"),
            ("30569309025904", "diners"),
            ("38520000023237", "diners"),
            ("6011111111111117", "discover"),
        ] {
            assert!(card_valid(v), "{v}");
            assert_eq!(card_brand(v), Some(brand), "{v}");
        }
        assert!(!card_valid("4111111111111112"));
        assert!(!card_valid("9111111111111110"));
        assert!(luhn_valid("9111111111111110"));
        assert_eq!(card_brand("411111111111111"), None);
    }

    #[test]
    fn ean13() {
        assert!(ean13_valid("4901234567894"));
        assert!(!ean13_valid("4901234567895"));
    }

    #[test]
    fn iban() {
        assert!(iban_valid("GB82WEST12345698765432"));
        assert!(iban_valid("gb82west12345698765432"));
        assert!(iban_valid("DE89370400440532013000"));
        assert!(!iban_valid("GB82WEST12345698765433"));
        assert!(!iban_valid("GB82WEST1234569876543"));
        assert!(!iban_valid("XX82WEST12345698765432"));
        assert!(!iban_valid(""));
    }

    #[test]
    fn us_ssn() {
        assert!(us_ssn_valid("529417730"));
        for v in
            ["000123456", "666123456", "912345678", "123001234", "123450000", "111111111", "123456789", "078051120"]
        {
            assert!(!us_ssn_valid(v), "{v}");
        }
    }

    #[test]
    fn drivers_license() {
        let d10 = "3012345678";
        let c = drivers_license_check_digit(d10);
        let num = format!("{d10}{c}0");
        assert!(drivers_license_valid(&num));
        assert!(!drivers_license_valid(&format!("99{}", &num[2..])));
        assert!(!drivers_license_valid(&format!("{d10}{}0", (c + 1) % 10)));
        assert!(
            dl_authority_code("30") && dl_authority_code("97") && !dl_authority_code("99") && !dl_authority_code("3")
        );
    }

    #[test]
    fn my_number_properties() {
        let mut g = Lcg(1);
        for _ in 0..2000 {
            let base = g.digits(11);
            assert_eq!(my_number_check_digit(&base), ref_my_number(&base));
            let num = format!("{base}{}", my_number_check_digit(&base));
            assert!(my_number_valid(&num));
            let pos = g.below(12) as usize;
            let changed = with_digit(&num, pos, (d(&num, pos) + 1 + g.below(9) as u32) % 10);
            if pos == 11 {
                assert!(!my_number_valid(&changed));
            } else {
                let rem = |s: &str| MY_NUMBER_WEIGHTS.iter().enumerate().map(|(i, w)| w * d(s, i)).sum::<u32>() % 11;
                assert_eq!(my_number_valid(&changed), rem(&num) <= 1 && rem(&changed) <= 1);
            }
        }
    }

    #[test]
    fn corporate_number_properties() {
        let mut g = Lcg(2);
        for _ in 0..2000 {
            let base = g.digits(12);
            let check = corporate_number_check_digit(&base);
            assert_eq!(check, ref_corporate(&base));
            assert!((1..=9).contains(&check));
            let num = format!("{check}{base}");
            assert!(corporate_number_valid(&num));
            let pos = g.below(13) as usize;
            let new = (d(&num, pos) + 1 + g.below(9) as u32) % 10;
            let swap09 = pos > 0 && ((d(&num, pos), new) == (0, 9) || (d(&num, pos), new) == (9, 0));
            assert_eq!(corporate_number_valid(&with_digit(&num, pos, new)), swap09);
        }
    }

    #[test]
    fn luhn_catches_every_single_digit_change() {
        let mut g = Lcg(3);
        for _ in 0..2000 {
            let n = 11 + g.below(8) as usize;
            let partial = g.digits(n);
            let num = format!("{partial}{}", luhn_check_digit(&partial).unwrap());
            assert!(luhn_valid(&num) && ref_luhn(&num));
            let pos = g.below(num.len() as u64) as usize;
            let changed = with_digit(&num, pos, (d(&num, pos) + 1 + g.below(9) as u32) % 10);
            assert!(!luhn_valid(&changed));
            assert_eq!(luhn_valid(&changed), ref_luhn(&changed));
        }
        assert_eq!(luhn_check_digit("12a"), None);
    }

    #[test]
    fn iban_catches_every_single_digit_change() {
        let mut g = Lcg(4);
        for _ in 0..2000 {
            let bban = g.digits(18);
            let mut rem = 0u64;
            for c in format!("{bban}DE00").chars() {
                let v = c.to_digit(36).unwrap() as u64;
                rem = (rem * if v > 9 { 100 } else { 10 } + v) % 97;
            }
            let iban = format!("DE{:02}{bban}", 98 - rem);
            assert!(iban_valid(&iban), "{iban}");
            let pos = 4 + g.below(18) as usize;
            let changed = with_digit(&iban, pos, (d(&iban, pos) + 1 + g.below(9) as u32) % 10);
            assert!(!iban_valid(&changed));
        }
    }

    #[test]
    fn validators_never_panic() {
        let mut g = Lcg(5);
        let alphabet: Vec<char> = "0123456789aZ -é１😀".chars().collect();
        for _ in 0..3000 {
            let n = g.below(31) as usize;
            let s: String = (0..n).map(|_| alphabet[g.below(alphabet.len() as u64) as usize]).collect();
            let _ = (my_number_valid(&s), corporate_number_valid(&s), luhn_valid(&s), ean13_valid(&s));
            let _ = (iban_valid(&s), us_ssn_valid(&s), drivers_license_valid(&s), card_brand(&s), card_valid(&s));
        }
    }
}
