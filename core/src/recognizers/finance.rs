//! Payment data: card numbers, Japanese bank account numbers and IBANs.
//!
//! * CREDIT_CARD: digit runs of 12-19 digits, plain or grouped the way cards are printed (4-4-4-4,
//!   4-6-5, 4-6-4), that pass Luhn; the issuer range and a card label decide the score.
//! * BANK_ACCOUNT: 7 digits (the Japanese 口座番号) whose label is 口座番号 / 普通 / 当座 / 預金 /
//!   振込先; ゆうちょ 記号-番号 (5-8 digits) after a ゆうちょ word on the line.
//! * IBAN: two letters, two check digits and the BBAN (grouped by four or not), with the country's
//!   length and the mod-97 check; anchored on the digit runs.

use super::identifiers::recognizer_head;
use super::numbers::{boundary_ok, group_lens, label_keywords, label_of, number_runs, runs_of, separators, MIN_SCORE};
use crate::checksums::{card_brand, iban_valid, luhn_valid};
use crate::document::{line_start, Document};
use crate::finding::Finding;
use crate::recognizer::{Keywords, Recognizer};

const CARD_SHAPES: &[&[usize]] = &[
    &[16],
    &[15],
    &[14],
    &[13],
    &[12],
    &[17],
    &[18],
    &[19],
    &[4, 4, 4, 4],
    &[4, 6, 5],
    &[4, 6, 4],
    &[4, 4, 4, 4, 3],
    &[4, 4, 4, 3],
    &[4, 4, 4, 2],
    &[4, 4, 4, 1],
    &[4, 4, 4],
    &[4, 4, 4, 4, 1],
    &[4, 4, 4, 4, 2],
];

/// Payment card numbers (PAN): Luhn, issuer ranges, printed grouping, card labels.
pub struct CreditCard;

impl Recognizer for CreditCard {
    recognizer_head!("credit_card", "CREDIT_CARD");

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let norm = &doc.norm.chars;
        let runs = number_runs(doc);
        for r in runs_of(runs, 12..20) {
            if !boundary_ok(norm, r.start, r.end) || !luhn_valid(&r.digits) {
                continue;
            }
            let raw = r.raw(doc);
            let lens = group_lens(raw);
            if !CARD_SHAPES.contains(&lens.as_slice()) {
                continue;
            }
            let seps = separators(raw);
            if seps.len() > 1 || seps.iter().any(|c| !matches!(c, ' ' | '-' | 'ー' | 'ｰ')) {
                continue;
            }
            let brand = card_brand(&r.digits);
            let n = r.digits.len();
            let score = match label_of(doc, r.start) {
                Some("n.card") => {
                    if brand.is_some() {
                        0.95
                    } else {
                        0.75
                    }
                }
                None => match brand {
                    None => 0.2,
                    Some(b) if n == 16 || (n == 15 && b == "amex") => {
                        if lens.len() > 1 {
                            0.75
                        } else {
                            0.55
                        }
                    }
                    Some(_) => 0.4,
                },
                _ => 0.1,
            };
            if score < MIN_SCORE {
                continue;
            }
            let f = Finding::new("CREDIT_CARD", r.start, r.end, score, "credit_card");
            out.push(match brand {
                Some(b) => f.with_subtype(b),
                None => f,
            });
        }
    }
}

/// Japanese bank account numbers (7 digits) with an account label, and ゆうちょ 記号-番号.
pub struct BankAccount;

/// `[0-9]{5}[ \-ーｰ][0-9]{6,8}` matching all of `raw`.
fn yucho_shape(raw: &[char]) -> bool {
    raw.len() >= 12
        && raw.len() <= 14
        && raw[..5].iter().all(char::is_ascii_digit)
        && matches!(raw[5], ' ' | '-' | 'ー' | 'ｰ')
        && raw[6..].iter().all(char::is_ascii_digit)
}

/// Seven digits right after the kind of account abbreviated to one character standing as a cell or word
/// of its own (`| 普 1873025 |`, `218    普   4402718`, `津駅前 当 0057316`): 普 (普通) or 当 (当座) with a
/// space, tab or bar on both sides (not 担当, 当社, 普及).
fn after_kind_cell(norm: &[char], start: usize) -> bool {
    let gap = |c: char| matches!(c, ' ' | '\t' | '|' | '｜');
    let mut p = start;
    while p > 0 && gap(norm[p - 1]) {
        p -= 1;
    }
    p < start && p > 0 && matches!(norm[p - 1], '普' | '当') && (p == 1 || gap(norm[p - 2]) || norm[p - 2] == '\n')
}

fn contains_seq(hay: &[char], needle: &str) -> bool {
    let n: Vec<char> = needle.chars().collect();
    hay.windows(n.len()).any(|w| w == n.as_slice())
}

/// A ゆうちょ word (ゆうちょ, 郵便貯金) on the line of `pos` or the line above it.
pub fn yucho_near(norm: &[char], pos: usize) -> bool {
    let ls = line_start(norm, pos, 120);
    let from = if ls > 0 { line_start(norm, ls - 1, 120) } else { ls };
    ["ゆうちょ", "郵便貯金"].iter().any(|w| contains_seq(&norm[from..pos], w))
}

/// The 記号 and 番号 of a ゆうちょ account written apart (`記号 1xxx0 番号 xxxxxxx1`): five digits
/// opening with 1 and eight ending with 1, the shape of a ゆうちょ account and not of a health
/// insurance card, with a ゆうちょ word on the line or the line above.
pub fn yucho_kigo_bango(kigo: &str, bango: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    digits(kigo, 5) && kigo.starts_with('1') && digits(bango, 8) && bango.ends_with('1')
}

/// The eight digits at `start` are the 番号 after `記号 NNNNN 番号` (blanks and colons between): the 記号.
fn kigo_before(norm: &[char], start: usize) -> Option<String> {
    let skip = |mut k: usize| {
        while k > 0 && matches!(norm[k - 1], ' ' | ':' | '\t') {
            k -= 1;
        }
        k
    };
    let k = skip(start);
    if k < 2 || norm[k - 2..k] != ['番', '号'] {
        return None;
    }
    let d = skip(k - 2);
    let n = norm[..d].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let k2 = skip(d - n);
    (n == 5 && k2 >= 2 && norm[k2 - 2..k2] == ['記', '号']).then(|| norm[d - n..d].iter().collect())
}

impl Recognizer for BankAccount {
    recognizer_head!("bank_account", "BANK_ACCOUNT");

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let norm = &doc.norm.chars;
        let runs = number_runs(doc);
        for r in runs_of(runs, [7]) {
            if r.end - r.start != 7 || !boundary_ok(norm, r.start, r.end) {
                continue;
            }
            if label_of(doc, r.start) == Some("n.bank") {
                out.push(Finding::new("BANK_ACCOUNT", r.start, r.end, 0.88, "bank_account"));
            } else if after_kind_cell(norm, r.start) {
                out.push(Finding::new("BANK_ACCOUNT", r.start, r.end, 0.85, "bank_account"));
            }
        }
        // ゆうちょ 記号 NNNNN 番号 NNNNNNNN: the 番号 is the account
        for r in runs_of(runs, [8]) {
            if r.end - r.start != 8 || !boundary_ok(norm, r.start, r.end) {
                continue;
            }
            if kigo_before(norm, r.start).is_some_and(|k| yucho_kigo_bango(&k, &r.digits)) && yucho_near(norm, r.start)
            {
                out.push(Finding::new("BANK_ACCOUNT", r.start, r.end, 0.9, "bank_account").with_subtype("yucho"));
            }
        }
        for r in runs_of(runs, 11..14) {
            if !yucho_shape(r.raw(doc)) || !boundary_ok(norm, r.start, r.end) {
                continue;
            }
            let before = &norm[line_start(norm, r.start, 60)..r.start];
            if ["ゆうちょ", "記号番号", "郵便貯金"].iter().any(|w| contains_seq(before, w)) {
                out.push(Finding::new("BANK_ACCOUNT", r.start, r.end, 0.85, "bank_account").with_subtype("yucho"));
            }
        }
    }
}

/// International Bank Account Numbers (ISO 13616), printed with or without spaces.
pub struct Iban;

/// `([A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?)(?![A-Za-z0-9])` matched
/// at `start` (the look-behind is checked by the caller): the end of the match, trying the
/// candidates in the order Python's backtracking does.
fn iban_match(chars: &[char], start: usize) -> Option<usize> {
    let n = chars.len();
    let al = |i: usize| i < n && chars[i].is_ascii_alphanumeric();
    if !(start + 4 <= n
        && chars[start].is_ascii_alphabetic()
        && chars[start + 1].is_ascii_alphabetic()
        && chars[start + 2].is_ascii_digit()
        && chars[start + 3].is_ascii_digit())
    {
        return None;
    }
    // the 4-groups: each takes its space when one stands there (no other path can match)
    let mut ends = vec![start + 4];
    let mut p = start + 4;
    while ends.len() < 8 {
        let q = if p < n && chars[p] == ' ' { p + 1 } else { p };
        if (q..q + 4).all(al) {
            p = q + 4;
            ends.push(p);
        } else {
            break;
        }
    }
    let groups = ends.len() - 1;
    if groups < 2 {
        return None;
    }
    for k in (2..=groups).rev() {
        let p = ends[k];
        let q = if p < n && chars[p] == ' ' { p + 1 } else { p };
        let mut tail = 0;
        while tail < 3 && al(q + tail) {
            tail += 1;
        }
        for t in (1..=tail).rev() {
            if !al(q + t) {
                return Some(q + t);
            }
        }
        if !al(p) {
            return Some(p);
        }
    }
    None
}

impl Recognizer for Iban {
    recognizer_head!("iban", "IBAN");

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        // anchored on the digit runs: every IBAN holds one (the account part), so no scan of the whole text
        let norm = &doc.norm.chars;
        let n = norm.len();
        let runs = number_runs(doc);
        let mut starts: Vec<usize> = runs.all(4).map(|r| r.start).collect();
        starts.sort_unstable();
        starts.dedup();
        let mut done: Option<usize> = None;
        let before_done = |i: usize, done: Option<usize>| done.is_some_and(|d| i < d);
        for run_start in starts {
            if before_done(run_start, done) || run_start < 2 {
                continue;
            }
            let before = if norm[run_start - 1] != ' ' { norm[run_start - 1] } else { norm[run_start - 2] };
            if !before.is_ascii_alphabetic() {
                continue; // an IBAN's digits follow its letters ("GB82WEST1234...", "FR14 2004 ...")
            }
            let lo = run_start.saturating_sub(34);
            let hi = n.min(run_start + 2);
            let mut p = lo;
            while p + 4 <= hi {
                let head = norm[p].is_ascii_alphabetic()
                    && norm[p + 1].is_ascii_alphabetic()
                    && norm[p + 2].is_ascii_digit()
                    && norm[p + 3].is_ascii_digit();
                if !head {
                    p += 1;
                    continue;
                }
                let start = p;
                p += 4;
                if before_done(start, done) || (start > 0 && norm[start - 1].is_ascii_alphanumeric()) {
                    continue;
                }
                let Some(end) = iban_match(norm, start) else {
                    continue;
                };
                let value: String = norm[start..end].iter().filter(|&&c| c != ' ').collect();
                if !iban_valid(&value) {
                    continue;
                }
                let label = doc.keyword_before(start, &["n.iban"], 40);
                done = Some(end);
                out.push(Finding::new("IBAN", start, end, if label.is_some() { 0.95 } else { 0.85 }, "iban"));
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iban_backtracking() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(iban_match(&c("GB82WEST12345698765432"), 0), Some(22));
        assert_eq!(iban_match(&c("GB82 WEST 1234 5698 7654 32 x"), 0), Some(27));
        assert_eq!(iban_match(&c("GB82WEST12345698765432ABCDEFGHIJKLMN"), 0), None);
        assert_eq!(iban_match(&c("FR14 2004 1010 0505 0001 3M02 606"), 0), Some(33));
    }

    fn accounts(text: &str) -> Vec<String> {
        crate::recognizer::run_alone(&BankAccount, text, None).into_iter().map(|(_, covered)| covered).collect()
    }

    #[test]
    fn a_yucho_account_with_its_kigo_and_bango_apart() {
        assert_eq!(accounts("自動払込（ゆうちょ銀行）\n記号　12340　番号　56789011\n"), ["56789011"]);
        assert_eq!(accounts("｜ゆうちょ銀行｜通常｜記号 12340 番号 56789011｜\n"), ["56789011"]);
        // no ゆうちょ word; a health insurance card's shape
        assert!(accounts("記号 12340 番号 56789011\n").is_empty());
        assert!(accounts("ゆうちょ銀行\n保険証 記号 32 番号 56789011\n").is_empty());
    }

    #[test]
    fn seven_digits_after_a_one_character_kind_of_account() {
        assert_eq!(accounts("ミナミ ケンタ | 北陸銀行 | 高岡 | 普 2214087 | 12,000\n"), ["2214087"]);
        assert_eq!(accounts("03  ハラダ ユキ    常陽    112    当   0081234    98,000\n"), ["0081234"]);
        // NEGATIVE: 当 and 普 inside words, or no gap before the digits' cell
        assert!(accounts("担当 2214087\n").is_empty());
        assert!(accounts("普及率 2214087\n本日 当 2214087円\n").is_empty());
        assert!(accounts("当2214087\n").is_empty());
    }

    #[test]
    fn a_transfer_list_with_bank_and_branch_code_columns() {
        let text = "社員番号,氏名カナ,銀行コード,支店コード,種目,口座番号,金額\n\
                    20031,ｵｶﾞﾜ ﾐｷ,0177,310,1,5012233,301200\n20045,ｲｼｲ ｼﾞｭﾝ,0005,044,1,0127788,288500\n";
        assert_eq!(accounts(text), ["5012233", "0127788"]);
    }
}
