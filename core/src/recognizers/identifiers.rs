//! Identification numbers: 個人番号, 法人番号, driving licence, passport, 在留カード, health insurance,
//! 基礎年金番号 and the US Social Security number.
//!
//! Each recognizer takes the digit runs of its length from the shared anchor pass
//! ([`super::numbers`]), checks the shape and the check digit ([`crate::checksums`]), then scores by
//! the label the value belongs to (the nearest keyword on its line, the line above, or the CSV
//! column header). A check digit alone is not enough: one random 12-digit number in ten passes the
//! My Number check, so a number whose label is 注文番号 / 会員番号 / 請求書番号 stays below the
//! threshold, and one without any label is scored 0.4.

use regex::Regex;

use super::numbers::{
    boundary_ok, group_lens, keyword_hits, label_around, label_keywords, label_of, number_runs, runs_of, separators,
    ALL_LABELS, MIN_SCORE,
};
use crate::checksums::{
    corporate_number_valid, dl_authority_code, drivers_license_valid, ean13_valid, my_number_valid, us_ssn_valid,
};
use crate::document::{line_end, line_start, Document, Lang};
use crate::finding::Finding;
use crate::recognizer::{Keywords, Recognizer};

/// Characters, as Purview's patternsProximity.
const PROXIMITY: usize = 300;

/// A keyword of `group` within the proximity window before or after the value.
fn keyword_near(doc: &Document, start: usize, end: usize, group: &'static str) -> bool {
    doc.keyword_before(start, &[group], PROXIMITY).is_some() || doc.keyword_after(end, &[group], PROXIMITY).is_some()
}

fn upper(c: char) -> bool {
    c.is_ascii_uppercase()
}

macro_rules! recognizer_head {
    ($name:expr, $entity:expr) => {
        fn name(&self) -> &'static str {
            $name
        }
        fn entities(&self) -> &[&'static str] {
            &[$entity]
        }
        fn keywords(&self) -> Keywords {
            label_keywords()
        }
    };
}
pub(crate) use recognizer_head;

/// 個人番号 (My Number): 12 digits, plain or 4-4-4, check digit last; needs its label to be reported.
pub struct MyNumber;

impl Recognizer for MyNumber {
    recognizer_head!("my_number", "MY_NUMBER");

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let norm = &doc.norm.chars;
        let runs = number_runs(doc);
        for r in runs_of(runs, [12]) {
            if !my_number_valid(&r.digits) || !boundary_ok(norm, r.start, r.end) {
                continue;
            }
            let lens = group_lens(r.raw(doc));
            let shape_ok = lens == [12] || lens == [4, 4, 4];
            let label = label_around(doc, r.start, r.end);
            let score = match label {
                Some("n.mynumber") => {
                    if shape_ok {
                        0.92
                    } else {
                        0.7
                    }
                }
                None if keyword_near(doc, r.start, r.end, "n.mynumber") => {
                    if shape_ok {
                        0.7
                    } else {
                        0.5
                    }
                }
                None => {
                    if shape_ok {
                        0.4
                    } else {
                        0.25
                    }
                }
                _ => 0.1,
            };
            if score < MIN_SCORE {
                continue;
            }
            out.push(Finding::new("MY_NUMBER", r.start, r.end, score, "my_number"));
        }
    }
}

/// Offset of the 'T' of an invoice registration number ('T1234...', 'T-1234...', 'T 1234...').
fn t_prefix(norm: &[char], start: usize) -> Option<usize> {
    if start == 0 {
        return None;
    }
    let mut t = start - 1;
    if t > 0 && (norm[t] == '-' || norm[t] == ' ') && (norm[t - 1] == 'T' || norm[t - 1] == 't') {
        t -= 1;
    }
    if (norm[t] == 'T' || norm[t] == 't') && (t == 0 || !norm[t - 1].is_ascii_alphanumeric()) {
        return Some(t);
    }
    None
}

/// 法人番号: 13 digits with the check digit first; 'T' + 13 digits is an invoice registration number.
pub struct CorporateNumber;

impl Recognizer for CorporateNumber {
    recognizer_head!("corporate_number", "CORPORATE_NUMBER");

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let norm = &doc.norm.chars;
        let runs = number_runs(doc);
        for r in runs_of(runs, [13]) {
            let (start, end) = (r.start, r.end);
            if !corporate_number_valid(&r.digits) {
                continue;
            }
            let t_at = t_prefix(norm, start);
            if t_at.is_none() && !boundary_ok(norm, start, end) {
                continue;
            }
            if t_at.is_some() && end < norm.len() && norm[end].is_ascii_alphanumeric() {
                continue;
            }
            let lens = group_lens(r.raw(doc));
            let shape_ok = lens == [13] || lens == [1, 4, 4, 4];
            let label = match t_at {
                Some(t) => label_of(doc, t),
                None => label_around(doc, start, end),
            };
            let score = if label == Some("n.corp") {
                if shape_ok {
                    0.92
                } else {
                    0.7
                }
            } else if t_at.is_some() && label.is_none() {
                if shape_ok {
                    0.85
                } else {
                    0.6
                }
            } else if label.is_none() {
                // an unlabelled 13-digit number that is also a valid JAN (45/49) is a product code
                let jan = ean13_valid(&r.digits) && (r.digits.starts_with("45") || r.digits.starts_with("49"));
                let mut score = if jan {
                    0.2
                } else if shape_ok {
                    0.4
                } else {
                    0.25
                };
                if !jan && keyword_near(doc, start, end, "n.corp") {
                    score += 0.3; // check digit + keyword within 300 characters
                }
                score
            } else {
                0.1
            };
            if score < MIN_SCORE {
                continue;
            }
            out.push(Finding::new("CORPORATE_NUMBER", start, end, score, "corporate_number"));
        }
    }
}

/// 運転免許証番号: 12 digits after a licence label (公安委員会 code, check digit as commonly described).
pub struct DriversLicense;

impl Recognizer for DriversLicense {
    recognizer_head!("drivers_license", "DRIVERS_LICENSE");

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let norm = &doc.norm.chars;
        let runs = number_runs(doc);
        for r in runs_of(runs, [12]) {
            if !boundary_ok(norm, r.start, r.end) {
                continue;
            }
            let mut label = label_around(doc, r.start, r.end);
            if label.is_none() && under_licence_heading(doc, r.start) {
                label = Some("n.dl");
            }
            if label != Some("n.dl") {
                if label.is_none() && licence_form(norm, r.start, r.end) && licence_above(norm, r.start) {
                    let score = if drivers_license_valid(&r.digits) { 0.85 } else { 0.6 };
                    out.push(Finding::new("DRIVERS_LICENSE", r.start, r.end, score, "drivers_license"));
                    continue;
                }
                if label.is_none() && drivers_license_valid(&r.digits) && !my_number_valid(&r.digits) {
                    out.push(Finding::new("DRIVERS_LICENSE", r.start, r.end, 0.3, "drivers_license"));
                }
                continue;
            }
            let score = if drivers_license_valid(&r.digits) {
                0.92
            } else if dl_authority_code(&r.digits[..2]) {
                0.7
            } else {
                0.55
            };
            out.push(Finding::new("DRIVERS_LICENSE", r.start, r.end, score, "drivers_license"));
        }
    }
}

/// The 12 digits at `[start, end)` written the way a licence prints its number: `番号　第 123456789012 号`
/// (番号, then 第 right before them and 号 right after, each with at most one space between).
fn licence_form(t: &[char], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1 + usize::from(start > 0 && t[start - 1] == ' '));
    let after = end + usize::from(t.get(end) == Some(&' '));
    let Some(b) = before.filter(|&b| t[b] == '第') else { return false };
    let mut k = b;
    while k > 0 && matches!(t[k - 1], ' ' | ':') {
        k -= 1;
    }
    k >= 2 && t[k - 2..k] == ['番', '号'] && t.get(after) == Some(&'号')
}

/// 免許 on the three lines before the one at `start` or on its own: the card or form is a licence.
fn licence_above(t: &[char], start: usize) -> bool {
    let mut ls = start;
    for _ in 0..4 {
        ls = line_start(t, ls, 200);
        if t[ls..start].windows(2).any(|w| w == ['免', '許']) {
            return true;
        }
        if ls == 0 {
            return false;
        }
        ls -= 1;
    }
    false
}

/// Label groups of identification numbers a heading may name besides a licence (a heading naming one
/// of them as well does not say which its numbers are).
const OTHER_IDS: &[&str] =
    &["n.mynumber", "n.corp", "n.card", "n.bank", "n.passport", "n.residence", "n.health", "n.pension", "n.phone"];

/// Lines read above a value for the heading of its list or table.
const HEADING_LINES: usize = 12;

/// A 12-digit number with no label of its own, in a block of lines that each hold a 12-digit number
/// (a list or a table aligned with spaces), under a heading line that names a driving licence and no
/// other identification number, and holds no number itself (`登録済み免許証番号` over `氏名　第…号`
/// lines; `No 氏名  免許証番号  有効期限` over its rows).
fn under_licence_heading(doc: &Document, start: usize) -> bool {
    let t = &doc.norm.chars;
    let mut ls = line_start(t, start, 200);
    for _ in 0..HEADING_LINES {
        if ls == 0 {
            return false;
        }
        let pe = ls - 1; // the newline ending the line above
        let ps = line_start(t, pe, 200);
        if ps == pe || t[ps..pe].iter().all(|c| c.is_whitespace()) {
            return false; // a blank line ends the block
        }
        let digits = longest_digit_run(&t[ps..pe]);
        if digits < 4 {
            let hits = doc.keywords_in(ps, pe, ALL_LABELS);
            let names_number = hits.iter().any(|h| h.2 == "n.dl" && number_word_after(t, h.1, pe));
            let sentence = t[ps..pe].iter().rev().find(|c| !c.is_whitespace()) == Some(&'。');
            return names_number && !sentence && !hits.iter().any(|h| OTHER_IDS.contains(&h.2));
        }
        if !has_run_of(&t[ps..pe], 12) {
            return false; // a line of another shape: not the same list
        }
        ls = ps;
    }
    false
}

/// `番号`, `No` or `number` within a few characters after a licence keyword ending at `e`: the heading
/// names the number, not only the licence (`免許証番号`, `免許 No.`, `licence number`).
fn number_word_after(t: &[char], e: usize, le: usize) -> bool {
    let w: String = t[e..le.min(e + 8)].iter().flat_map(|c| c.to_lowercase()).collect();
    let w = w.trim_start_matches(['証', ' ', '(', '）', ')']);
    w.starts_with("番号") || w.starts_with("no") || w.starts_with("number") || w.starts_with('#')
}

/// The most digits in a row in `s` (spaces inside a group of digits split it).
fn longest_digit_run(s: &[char]) -> usize {
    s.split(|c| !c.is_ascii_digit()).map(<[char]>::len).max().unwrap_or(0)
}

/// Whether `s` holds `k` digits in a row, or written in groups split by single spaces or hyphens.
fn has_run_of(s: &[char], k: usize) -> bool {
    let mut count = 0;
    let mut prev_digit = false;
    for (i, &c) in s.iter().enumerate() {
        if c.is_ascii_digit() {
            count += 1;
            prev_digit = true;
            if count == k && !s.get(i + 1).is_some_and(char::is_ascii_digit) {
                return true;
            }
        } else if prev_digit && matches!(c, ' ' | '-') && s.get(i + 1).is_some_and(char::is_ascii_digit) {
            prev_digit = false;
        } else {
            count = 0;
            prev_digit = false;
        }
    }
    false
}

/// 旅券番号: two capital letters and seven digits (Japanese passports), with a passport label; and,
/// only under a passport label or column header, the other shapes of passports: one capital letter
/// and seven or eight digits (`C1234567`, `E12345678`), or nine capitals and digits mixed (`C03K8R5W1`).
pub struct Passport;

impl Recognizer for Passport {
    recognizer_head!("passport", "PASSPORT");

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let norm = &doc.norm.chars;
        let runs = number_runs(doc);
        for r in runs_of(runs, [7]) {
            let (start, end) = (r.start, r.end);
            if end - start != 7 || start < 2 {
                continue;
            }
            let mut s = start - 2;
            if norm[s + 1] == ' ' && s > 0 {
                s -= 1; // "TK 1234567"
            }
            if !upper(norm[s]) || !upper(norm[s + 1]) {
                continue;
            }
            if s > 0 && norm[s - 1].is_ascii_alphanumeric() {
                continue;
            }
            if end < norm.len() && norm[end].is_ascii_alphanumeric() {
                continue;
            }
            let score = match label_of(doc, s) {
                Some("n.passport") => 0.92,
                None => 0.35,
                _ => 0.1,
            };
            if score < MIN_SCORE {
                continue;
            }
            out.push(Finding::new("PASSPORT", s, end, score, "passport"));
        }
        // the other shapes only in the lines after a passport keyword (its value, or its column's rows)
        let n = norm.len();
        let mut i = 0;
        for &ks in &doc.occurrences("n.passport").starts {
            i = i.max(ks);
            let hi = n.min(ks + PASSPORT_WINDOW);
            Self::other_shapes(doc, &mut i, hi, out);
        }
    }
}

/// Code points after a passport keyword read for passports of the other shapes.
const PASSPORT_WINDOW: usize = 1200;

impl Passport {
    /// Passports of one capital and digits, or of nine mixed capitals and digits, in `[*i, hi)` under a
    /// passport label.
    fn other_shapes(doc: &Document, i: &mut usize, hi: usize, out: &mut Vec<Finding>) {
        let norm = &doc.norm.chars;
        let n = norm.len();
        while *i < hi {
            let s = *i;
            if !(upper(norm[s]) || norm[s].is_ascii_digit()) || (s > 0 && norm[s - 1].is_ascii_alphanumeric()) {
                *i += 1;
                continue;
            }
            let mut e = s;
            while e < n && e - s < 10 && (upper(norm[e]) || norm[e].is_ascii_digit()) {
                e += 1;
            }
            if !(e < n && norm[e].is_ascii_alphanumeric())
                && other_passport_shape(&norm[s..e])
                && label_of(doc, s) == Some("n.passport")
            {
                out.push(Finding::new("PASSPORT", s, e, 0.85, "passport"));
            }
            *i = e.max(s + 1);
        }
    }
}

/// One capital and seven or eight digits, or nine capitals and digits with four digits or more and a
/// capital first; not two capitals and seven digits (the Japanese shape, read above). Two shapes of
/// other countries more: two capitals and six digits (AB123456), and two digits, two capitals and
/// five digits (12AB34567).
fn other_passport_shape(w: &[char]) -> bool {
    let digits = w.iter().filter(|c| c.is_ascii_digit()).count();
    let all = |r: std::ops::Range<usize>, f: fn(char) -> bool| w.get(r).is_some_and(|x| x.iter().all(|&c| f(c)));
    let digit = |c: char| c.is_ascii_digit();
    if w.len() == 9 && all(0..2, digit) && all(2..4, upper) && all(4..9, digit) {
        return true;
    }
    if w.len() == 8 && all(0..2, upper) && all(2..8, digit) {
        return true;
    }
    let one_letter = digits + 1 == w.len() && (w.len() == 8 || w.len() == 9);
    let japanese = w.len() == 9 && digits == 7 && upper(w[1]);
    let mixed = w.len() == 9 && (4..9).contains(&digits) && !japanese;
    upper(w[0]) && (one_letter || mixed)
}

/// 在留カード番号: two letters, eight digits, two letters (AB12345678CD).
pub struct ResidenceCard;

impl Recognizer for ResidenceCard {
    recognizer_head!("residence_card", "RESIDENCE_CARD");

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let norm = &doc.norm.chars;
        let runs = number_runs(doc);
        for r in runs_of(runs, [8]) {
            let (start, end) = (r.start, r.end);
            if end - start != 8 || start < 2 || end + 2 > norm.len() {
                continue;
            }
            let (s, e) = (start - 2, end + 2);
            if !(upper(norm[s]) && upper(norm[s + 1]) && upper(norm[end]) && upper(norm[end + 1])) {
                continue;
            }
            if (s > 0 && norm[s - 1].is_ascii_alphanumeric()) || (e < norm.len() && norm[e].is_ascii_alphanumeric()) {
                continue;
            }
            let score = match label_of(doc, s) {
                Some("n.residence") => 0.92,
                None => 0.55,
                _ => 0.2,
            };
            if score < MIN_SCORE {
                continue;
            }
            out.push(Finding::new("RESIDENCE_CARD", s, e, score, "residence_card"));
        }
    }
}

/// 健康保険 被保険者証の記号・番号 (and 枝番): the values after a health-insurance label.
pub struct HealthInsurance {
    full: Regex,
    number: Regex,
}

impl HealthInsurance {
    pub fn new() -> Self {
        let full = Regex::new(
            r"記号[ :]{0,3}([0-9A-Za-z][0-9A-Za-z\-ー]{0,9})[ 、,・/]{0,3}番号[ :]{0,3}([0-9]{1,10})(?:[ 、,・/(]{0,3}枝番[ :]{0,3}([0-9]{2}))?",
        )
        .expect("static pattern");
        let number = Regex::new(r"^(?:番号)?[ :]{0,3}([0-9][0-9\-ー ]{3,18}[0-9])").expect("static pattern");
        HealthInsurance { full, number }
    }
}

impl Default for HealthInsurance {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer for HealthInsurance {
    recognizer_head!("health_insurance", "HEALTH_INSURANCE");

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let norm = &doc.norm;
        let chars = &norm.chars;
        let starts_kigo = |i: usize| chars.get(i) == Some(&'記') && chars.get(i + 1) == Some(&'号');
        let mut done = 0usize;
        let mut any_done = false;
        for (ks, ke) in keyword_hits(doc, "n.health") {
            if any_done && ks < done {
                continue;
            }
            let hi = line_end(chars, ke, 80);
            let kw_start = if starts_kigo(ks) { ks } else { ke };
            if kw_start <= hi {
                let b0 = norm.byte(kw_start);
                let hay = &norm.s[b0..norm.byte(hi)];
                if let Some(c) = self.full.captures(hay) {
                    // a ゆうちょ account's 記号 and 番号, not a card's (the bank account reads it)
                    let (kigo, bango) = (c.get(1).map_or("", |m| m.as_str()), c.get(2).map_or("", |m| m.as_str()));
                    if super::finance::yucho_kigo_bango(kigo, bango) && super::finance::yucho_near(chars, kw_start) {
                        continue;
                    }
                    let g1 = c.get(1).map(|m| m.start()).unwrap_or(0);
                    let last = c.get(3).or_else(|| c.get(2)).map(|m| m.end()).unwrap_or(0);
                    let s = norm.char_index(b0 + g1);
                    let e = norm.char_index(b0 + last);
                    out.push(Finding::new("HEALTH_INSURANCE", s, e, 0.9, "health_insurance"));
                    done = norm.char_index(b0 + c.get(0).map(|m| m.end()).unwrap_or(0));
                    any_done = true;
                    continue;
                }
            }
            if starts_kigo(ks) {
                continue;
            }
            if ke <= hi {
                let b0 = norm.byte(ke);
                if let Some(c) = self.number.captures(&norm.s[b0..norm.byte(hi)]) {
                    if let Some(g) = c.get(1) {
                        let s = norm.char_index(b0 + g.start());
                        let e = norm.char_index(b0 + g.end());
                        out.push(Finding::new("HEALTH_INSURANCE", s, e, 0.8, "health_insurance"));
                        done = e;
                        any_done = true;
                    }
                }
            }
        }
    }
}

/// 基礎年金番号: 10 digits (4-6) after a pension label.
pub struct PensionNumber;

impl Recognizer for PensionNumber {
    recognizer_head!("pension_number", "PENSION_NUMBER");

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let norm = &doc.norm.chars;
        let runs = number_runs(doc);
        for r in runs_of(runs, [10]) {
            if !boundary_ok(norm, r.start, r.end) {
                continue;
            }
            let lens = group_lens(r.raw(doc));
            if lens != [10] && lens != [4, 6] {
                continue;
            }
            if label_of(doc, r.start) == Some("n.pension") {
                out.push(Finding::new("PENSION_NUMBER", r.start, r.end, 0.9, "pension_number"));
            }
        }
    }
}

/// US Social Security numbers: AAA-GG-SSSS (or 9 digits) that the SSA could have issued.
pub struct UsSsn;

impl Recognizer for UsSsn {
    recognizer_head!("us_ssn", "US_SSN");

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let norm = &doc.norm.chars;
        let runs = number_runs(doc);
        for r in runs_of(runs, [9]) {
            let (start, end) = (r.start, r.end);
            if !us_ssn_valid(&r.digits) || !boundary_ok(norm, start, end) {
                continue;
            }
            if start > 0 && (norm[start - 1] == '+' || norm[start - 1] == '(') {
                continue;
            }
            let raw = r.raw(doc);
            let lens = group_lens(raw);
            let base = if lens == [3, 2, 4] && separators(raw).len() == 1 {
                if doc.lang == Lang::En {
                    0.5
                } else {
                    0.35
                }
            } else if lens == [9] {
                0.2
            } else {
                continue;
            };
            let score = match label_of(doc, start) {
                Some("n.ssn") => 0.92,
                None => base,
                _ => 0.1,
            };
            if score < MIN_SCORE {
                continue;
            }
            out.push(Finding::new("US_SSN", start, end, score, "us_ssn"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognizer::run_alone;

    fn find(r: &dyn Recognizer, text: &str) -> Vec<(String, f64)> {
        run_alone(r, text, None).into_iter().map(|(f, covered)| (covered, f.score)).collect()
    }

    #[test]
    fn my_number_by_label() {
        assert_eq!(find(&MyNumber, "マイナンバー：1234 5678 9018"), vec![("1234 5678 9018".into(), 0.92)]);
        assert_eq!(find(&MyNumber, "注文番号：123456789018"), vec![]);
        assert_eq!(find(&MyNumber, "番号 123456789018"), vec![("123456789018".into(), 0.4)]);
    }

    #[test]
    fn corporate_and_invoice() {
        assert_eq!(find(&CorporateNumber, "登録番号 T5835678256246"), vec![("5835678256246".into(), 0.92)]);
        assert_eq!(find(&CorporateNumber, "T-5835678256246 です"), vec![("5835678256246".into(), 0.85)]);
    }

    #[test]
    fn licence_numbers_under_a_heading() {
        // a list under a heading naming the licence; a table aligned with spaces under its header
        let list = "確認用の運転免許証番号\n・岩城 蓮 第123456789012号\n・砂川 ハナ 第1234 5678 9013号\n";
        assert_eq!(find(&DriversLicense, list).len(), 2);
        let table = "No 氏名      免許証番号      期限\nA-1  岩城 蓮   123456789012   2029/01/01\n";
        assert_eq!(find(&DriversLicense, table).len(), 1);
        // a heading that names another number too, a blank line between, a line of another shape
        assert!(find(&DriversLicense, "免許証番号・マイナンバー\n・岩城 第123456789012号\n").is_empty());
        // the licence's own form, 番号 第 … 号, a licence named just above it
        assert_eq!(find(&DriversLicense, "確認書類　運転免許証\n番号　第 123456789012 号\n").len(), 1);
        assert_eq!(find(&DriversLicense, "免許の条件等　なし\n優良\n番号　第 1234 5678 9012 号\n").len(), 1);
        assert!(find(&DriversLicense, "確認書類　運転免許証\n番号　第123456789012回\n").is_empty());
        assert!(find(&DriversLicense, "確認書類　保険証\n番号　第 123456789012 号\n").is_empty());
        assert!(find(&DriversLicense, "免許証番号\n\n・岩城 第123456789012号\n").is_empty());
        assert!(find(&DriversLicense, "免許の更新\n岩城さんに連絡\n・岩城 第123456789012号\n").is_empty());
        // a sentence about a licence above an order number; a heading of the licence, not its number
        assert!(find(&DriversLicense, "運転は中型免許で可。\n発注No. 123456789012\n").is_empty());
        assert!(find(&DriversLicense, "免許の種類\n・岩城 123456789012\n").is_empty());
    }

    #[test]
    fn passports_of_other_shapes_need_their_label() {
        assert_eq!(find(&Passport, "护照号 AB1234567"), vec![("AB1234567".into(), 0.92)]);
        assert_eq!(find(&Passport, "旅券番号：X12345678"), vec![("X12345678".into(), 0.85)]);
        assert_eq!(find(&Passport, "Passport No.: K9Z3Q7M21"), vec![("K9Z3Q7M21".into(), 0.85)]);
        assert_eq!(find(&Passport, "氏名\t旅券番号\nIWAKI REN\tX7654321\n").len(), 1);
        // no passport label: an order number, a part number; a word of capitals
        assert!(find(&Passport, "注文番号 X12345678").is_empty());
        assert!(find(&Passport, "パスポート更新の件 品番 K9Z3Q7M21").is_empty());
        assert!(find(&Passport, "パスポート: SEPTEMBER").is_empty());
        // two capitals and six digits; two digits, two capitals and five digits
        assert_eq!(find(&Passport, "Passport no. QX482913"), vec![("QX482913".into(), 0.85)]);
        assert_eq!(find(&Passport, "旅券番号 07KD55120（国籍：カナダ）"), vec![("07KD55120".into(), 0.85)]);
        assert!(find(&Passport, "予約番号 QX482913").is_empty());
        assert!(find(&Passport, "旅券番号 07KD5512").is_empty());
        assert!(find(&Passport, "パスポート 2024年 120000円").is_empty());
    }

    #[test]
    fn health_insurance() {
        let h = HealthInsurance::new();
        assert_eq!(find(&h, "保険証 記号 12-34 番号 567 枝番 01"), vec![("12-34 番号 567 枝番 01".into(), 0.9)]);
        // a ゆうちょ account's 記号 and 番号
        assert!(find(&h, "払込先（ゆうちょ銀行）\n記号 12340 番号 56789011\n").is_empty());
        assert_eq!(find(&h, "保険証 記号 12340 番号 56789011").len(), 1);
        assert_eq!(find(&h, "被保険者番号：1234 5678"), vec![("1234 5678".into(), 0.8)]);
    }
}
