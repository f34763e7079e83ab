//! Shared helpers of the structured-number recognizers: one anchor pass for digit runs, and labels.
//!
//! [`number_runs`] finds every run of digits with light separators (space, hyphen, 'ー', dot,
//! parentheses) once per document and groups the runs by their count of digits, so the phone,
//! postal code, My Number, card ... recognizers each look only at the runs of the lengths they
//! care about.
//!
//! [`label_before`] answers "which label does this value belong to": the keyword of any of the
//! asked groups nearest before the value on its line (or at the end of the line above when the
//! value starts its line), or, for a cell of a CSV/TSV table, the header of its column. A label
//! followed by another number before the value is that number's label and is ignored.
//!
//! Everything here mirrors the Python module it replaced (`_numbers.py`) step for step, including
//! which text (original, folded, lower-cased) each question is asked of.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
#[cfg(test)]
use std::sync::OnceLock;

#[cfg(test)]
use regex::Regex;

use crate::document::{line_end, line_start, Document, Hit};
use crate::recognizer::Keywords;
use crate::table::Tables;

/// Findings scored lower than this are not even built (a number after another number's label).
pub const MIN_SCORE: f64 = 0.25;

/// Separators allowed inside a digit run.
pub fn is_sep(c: char) -> bool {
    matches!(c, ' ' | '-' | 'ー' | 'ｰ' | '.' | '(' | ')')
}

/// A number followed by one of these is a quantity.
pub fn is_unit(c: char) -> bool {
    matches!(
        c,
        '円' | '万'
            | '億'
            | '件'
            | '個'
            | '名'
            | '人'
            | '歳'
            | '年'
            | '月'
            | '日'
            | '時'
            | '分'
            | '秒'
            | '%'
            | '％'
            | '台'
            | '本'
            | '枚'
            | '冊'
            | '点'
            | '回'
            | '倍'
    )
}

#[inline]
pub fn ascii_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

#[inline]
pub fn ascii_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
}

#[rustfmt::skip]
const PY_DIGIT_RANGES: &[(u32, u32)] = &[
    (0x30, 0x39), (0xB2, 0xB3), (0xB9, 0xB9), (0x660, 0x669), (0x6F0, 0x6F9), (0x7C0, 0x7C9), (0x966, 0x96F),
    (0x9E6, 0x9EF), (0xA66, 0xA6F), (0xAE6, 0xAEF), (0xB66, 0xB6F), (0xBE6, 0xBEF), (0xC66, 0xC6F), (0xCE6, 0xCEF),
    (0xD66, 0xD6F), (0xDE6, 0xDEF), (0xE50, 0xE59), (0xED0, 0xED9), (0xF20, 0xF29), (0x1040, 0x1049),
    (0x1090, 0x1099), (0x1369, 0x1371), (0x17E0, 0x17E9), (0x1810, 0x1819), (0x1946, 0x194F), (0x19D0, 0x19DA),
    (0x1A80, 0x1A89), (0x1A90, 0x1A99), (0x1B50, 0x1B59), (0x1BB0, 0x1BB9), (0x1C40, 0x1C49), (0x1C50, 0x1C59),
    (0x2070, 0x2070), (0x2074, 0x2079), (0x2080, 0x2089), (0x2460, 0x2468), (0x2474, 0x247C), (0x2488, 0x2490),
    (0x24EA, 0x24EA), (0x24F5, 0x24FD), (0x24FF, 0x24FF), (0x2776, 0x277E), (0x2780, 0x2788), (0x278A, 0x2792),
    (0xA620, 0xA629), (0xA8D0, 0xA8D9), (0xA900, 0xA909), (0xA9D0, 0xA9D9), (0xA9F0, 0xA9F9), (0xAA50, 0xAA59),
    (0xABF0, 0xABF9), (0xFF10, 0xFF19), (0x104A0, 0x104A9), (0x10A40, 0x10A43), (0x10D30, 0x10D39),
    (0x10E60, 0x10E68), (0x11052, 0x1105A), (0x11066, 0x1106F), (0x110F0, 0x110F9), (0x11136, 0x1113F),
    (0x111D0, 0x111D9), (0x112F0, 0x112F9), (0x11450, 0x11459), (0x114D0, 0x114D9), (0x11650, 0x11659),
    (0x116C0, 0x116C9), (0x11730, 0x11739), (0x118E0, 0x118E9), (0x11950, 0x11959), (0x11C50, 0x11C59),
    (0x11D50, 0x11D59), (0x11DA0, 0x11DA9), (0x16A60, 0x16A69), (0x16AC0, 0x16AC9), (0x16B50, 0x16B59),
    (0x1D7CE, 0x1D7FF), (0x1E140, 0x1E149), (0x1E2F0, 0x1E2F9), (0x1E950, 0x1E959), (0x1F100, 0x1F10A),
    (0x1FBF0, 0x1FBF9),
];

/// Python's `str.isdigit()` for one character (Unicode 14 as in CPython 3.11: decimals, superscripts, circled digits ...).
pub fn py_isdigit(c: char) -> bool {
    let v = c as u32;
    if v < 0x80 {
        return c.is_ascii_digit();
    }
    let i = PY_DIGIT_RANGES.partition_point(|&(_, hi)| hi < v);
    i < PY_DIGIT_RANGES.len() && PY_DIGIT_RANGES[i].0 <= v
}

/// Python's `\s` in a `str` pattern (and `str.isspace()`).
pub fn py_isspace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | '\u{1c}'..='\u{1f}' | ' ' | '\u{85}' | '\u{a0}' | '\u{1680}'
            | '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// A multiplicative hasher for the small integer keys of the per-document caches (SipHash is the
/// default and shows in profiles).
#[derive(Default)]
pub struct IntHasher(u64);

impl Hasher for IntHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A map keyed by offsets or lengths.
pub type IntMap<V> = HashMap<usize, V, BuildHasherDefault<IntHasher>>;

// ------------------------------------------------------------------------------------------ digit runs

/// A digit run: `[start, end)` in code points (the raw folded characters are `norm.chars[start..end]`)
/// and its bare ASCII digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub start: usize,
    pub end: usize,
    pub digits: String,
}

impl Run {
    /// The raw folded characters of the run.
    pub fn raw<'d>(&self, doc: &'d Document) -> &'d [char] {
        &doc.norm.chars[self.start..self.end]
    }
}

/// The most digits a run holds (a match of [`run_re`] is at most 41 code points).
const MAX_DIGITS: usize = 41;

/// Runs by their number of digits: one vector, ordered by the count of digits, each count's runs in
/// the order they were found.
pub struct Runs {
    runs: Vec<Run>,
    /// The runs of `n` digits are `runs[at[n]..at[n + 1]]`.
    at: [u32; MAX_DIGITS + 2],
}

impl Runs {
    /// `runs` ordered (stably) by their count of digits, and the index of each count.
    fn new(mut runs: Vec<Run>) -> Self {
        if runs.is_empty() {
            return Runs { runs, at: [0; MAX_DIGITS + 2] }; // (most short texts have no run)
        }
        runs.sort_by_key(|r| r.digits.len()); // stable: each length's runs stay in the order found
        let mut at = [0u32; MAX_DIGITS + 2];
        for r in &runs {
            at[r.digits.len().min(MAX_DIGITS) + 1] += 1;
        }
        for n in 1..at.len() {
            at[n] += at[n - 1];
        }
        Runs { runs, at }
    }

    pub fn of_len(&self, n: usize) -> &[Run] {
        match (self.at.get(n), self.at.get(n + 1)) {
            (Some(&lo), Some(&hi)) => self.runs.get(lo as usize..hi as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Every run of at least `min` digits (whole runs and their space-separated pieces), by length.
    pub fn all(&self, min: usize) -> impl Iterator<Item = &Run> {
        self.runs[self.runs.partition_point(|r| r.digits.len() < min)..].iter()
    }
}

#[cfg(test)]
fn run_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"[0-9][0-9 \-ーｰ.()]{5,39}[0-9]").expect("static pattern"))
}

/// The digits of a stretch of [`run_class`] characters (its characters that are not separators, all
/// ASCII digits), built as bytes.
fn digits_of(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len());
    out.extend(chars.iter().filter(|c| c.is_ascii_digit()));
    out
}

/// A character of the class `[0-9 \-ーｰ.()]` of [`run_re`].
#[inline]
fn run_class(c: char) -> bool {
    c.is_ascii_digit() || is_sep(c)
}

/// The next match of [`run_re`] (`[0-9][0-9 \-ーｰ.()]{5,39}[0-9]`, leftmost-first, greedy) in
/// `chars[from..]`, as code-point offsets, computed on the code points: at the first digit `i` that
/// starts a match, the match ends after the last digit `p` with `i + 6 <= p <= i + 40` reached
/// through class characters only.
fn next_run(chars: &[char], ascii: Option<&[u8]>, from: usize) -> Option<(usize, usize)> {
    let n = chars.len();
    let mut i = from;
    while i < n {
        // the next digit
        i = match ascii {
            Some(bytes) => next_ascii_digit(bytes, i)?,
            None => i + chars.get(i..)?.iter().position(char::is_ascii_digit)?,
        };
        // class characters after i, at most 40 looked at
        let mut l = 0;
        while l < 40 && i + 1 + l < n && run_class(chars[i + 1 + l]) {
            l += 1;
        }
        if l < 6 {
            // no position inside this stretch can start a match either (their stretches are shorter)
            i += l + 1;
            continue;
        }
        let mut p = i + l;
        while p >= i + 6 && !chars[p].is_ascii_digit() {
            p -= 1;
        }
        if p >= i + 6 {
            return Some((i, p + 1));
        }
        i += 1;
    }
    None
}

/// The first ASCII digit at or after `from` in `bytes` (an ASCII text: a code point per byte),
/// sixteen bytes tested at a time (digits are sparse in English text; a Japanese text, where they are
/// dense, is searched code point by code point).
fn next_ascii_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(block) = bytes.get(i..i + 16) {
        let mut mask = 0u32;
        for (k, &x) in block.iter().enumerate() {
            mask |= u32::from(x.wrapping_sub(b'0') < 10) << k;
        }
        if mask != 0 {
            return Some(i + mask.trailing_zeros() as usize);
        }
        i += 16;
    }
    bytes.get(i..)?.iter().position(u8::is_ascii_digit).map(|k| i + k)
}

fn scan(doc: &Document) -> Runs {
    let chars = &doc.norm.chars;
    let ascii = doc.norm.is_ascii().then_some(doc.norm.s.as_bytes());
    let mut out: Vec<Run> = Vec::new();
    let mut from = 0;
    while let Some((start, end)) = next_run(chars, ascii, from) {
        from = end;
        let raw = &chars[start..end];
        let digits = digits_of(raw);
        let n = digits.len();
        let has_space = raw.contains(&' ');
        let double_space = raw.windows(2).any(|w| w == [' ', ' ']);
        if (n > 16 && has_space) || double_space || n > 19 {
            // two values side by side ("〒100-0001 03-1234-5678"): the space-separated pieces too
            if n <= 19 {
                out.push(Run { start, end, digits });
            }
            for (s, e) in space_pieces(chars, start, end) {
                let d = digits_of(&chars[s..e]);
                if d.len() >= 4 {
                    out.push(Run { start: s, end: e, digits: d });
                }
            }
            if double_space {
                // aligned columns ("982-17  090 3318 4052"): a value written with single spaces between
                // two runs of spaces is a run of its own
                let mut i = start;
                while i < end {
                    let ps = i;
                    while i < end && !(chars[i] == ' ' && chars.get(i + 1) == Some(&' ')) {
                        i += 1;
                    }
                    let (mut s, mut e) = (ps, i);
                    while s < e && (chars[s] == ' ' || is_sep(chars[s])) {
                        s += 1;
                    }
                    while e > s && (chars[e - 1] == ' ' || is_sep(chars[e - 1])) {
                        e -= 1;
                    }
                    if chars[s..e].contains(&' ') {
                        let d = digits_of(&chars[s..e]);
                        if (7..=19).contains(&d.len()) {
                            out.push(Run { start: s, end: e, digits: d });
                        }
                    }
                    while i < end && chars[i] == ' ' {
                        i += 1;
                    }
                }
            }
            continue;
        }
        if n >= 4 {
            out.push(Run { start, end, digits });
        }
        if n >= 11 {
            // a bracket right after a whole number starts or ends a note ("0120-374-219（9:00〜18:00）",
            // "（MB-009 / 080-4471-2093）11/30"): the number before it is a run too (not "03(1234)5678",
            // where the bracket comes early)
            if let Some(o) = chars[start..end].iter().position(|&c| c == '(' || c == ')').map(|o| start + o) {
                let d = digits_of(&chars[start..o]);
                if d.len() >= 10 && chars[o - 1].is_ascii_digit() && chars[start..o].contains(&'-') {
                    out.push(Run { start, end: o, digits: d });
                }
            }
        }
        if has_space && n >= 11 {
            // a number written with its own separators after another one and one space
            // ("仙川町1-12-3　03-5819-2047", "S41.2.22 0197-46-2215"): that piece is a run too
            for (s, e) in space_pieces(chars, start, end) {
                if (s, e) != (start, end) && chars[s..e].iter().any(|&c| c != ' ' && is_sep(c)) {
                    let d = digits_of(&chars[s..e]);
                    if d.len() >= 10 {
                        out.push(Run { start: s, end: e, digits: d });
                    }
                }
            }
        }
    }
    Runs::new(out)
}

/// The pieces of the run `[start, end)` between its spaces, each without the separators at its ends.
fn space_pieces(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        while i < end && chars[i] == ' ' {
            i += 1;
        }
        let ps = i;
        while i < end && chars[i] != ' ' {
            i += 1;
        }
        let (mut s, mut e) = (ps, i);
        while s < e && is_sep(chars[s]) {
            s += 1;
        }
        while e > s && is_sep(chars[e - 1]) {
            e -= 1;
        }
        if e > s {
            out.push((s, e));
        }
    }
    out
}

/// Digit runs of at least 7 characters in `doc`, keyed by their number of digits (computed once per document).
pub fn number_runs<'d>(doc: &'d Document) -> &'d Runs {
    doc.shared().number_runs.get_or_init(|| scan(doc))
}

/// The runs whose digit count is one of `lengths`, in text order.
pub fn runs_of(runs: &Runs, lengths: impl IntoIterator<Item = usize>) -> Vec<&Run> {
    let mut out: Vec<&Run> = Vec::new();
    if runs.runs.is_empty() {
        return out; // most texts: no walk over the asked lengths
    }
    for n in lengths {
        out.extend(runs.of_len(n));
    }
    // (start, end) decides the digits too: runs equal in both are equal
    if out.len() > 1 && !out.windows(2).all(|w| (w[0].start, w[0].end) <= (w[1].start, w[1].end)) {
        out.sort_unstable_by_key(|r| (r.start, r.end));
    }
    out
}

/// The lengths of the digit groups of a run: '03-1234-5678' -> [2, 4, 4].
pub fn group_lens(raw: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut n = 0;
    for &c in raw {
        if is_sep(c) {
            if n > 0 {
                out.push(n);
            }
            n = 0;
        } else {
            n += 1;
        }
    }
    if n > 0 {
        out.push(n);
    }
    out
}

/// The distinct separator characters of a run.
pub fn separators(raw: &[char]) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for &c in raw {
        if !c.is_ascii_digit() && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// No ASCII letter or digit (nor a hyphen joined to one) directly around `chars[start..end]`.
pub fn boundary_ok(chars: &[char], start: usize, end: usize) -> bool {
    if start > 0 {
        let c = chars[start - 1];
        if ascii_alnum(c) {
            return false;
        }
        if matches!(c, '-' | 'ー' | 'ｰ') && start > 1 && ascii_alnum(chars[start - 2]) {
            return false;
        }
    }
    if end < chars.len() {
        let c = chars[end];
        if ascii_alnum(c) || is_unit(c) {
            return false;
        }
        if matches!(c, '-' | 'ー' | 'ｰ') && end + 1 < chars.len() && ascii_alnum(chars[end + 1]) {
            return false;
        }
    }
    true
}

// ------------------------------------------------------------------------------------------------ labels

/// Labels of every structured type, shared by all the recognizers of numbers so that "the nearest
/// label" is decided over one vocabulary: a 12-digit number after 注文番号 is not a My Number, a
/// number after 会員番号 is not a phone number.
#[rustfmt::skip]
pub const LABELS: &[(&str, &[&str])] = &[
    ("n.phone", &[
        "電話", "tel", "fax", "ファックス", "ファクス", "携帯", "連絡先", "フリーダイヤル", "フリーコール",
        "ナビダイヤル", "お問い合わせ", "問い合わせ", "お問合せ", "問合せ", "窓口", "代表", "直通", "phone",
        "telephone", "mobile", "cell", "call", "calling", "desk", "contact", "reach me", "answering",
        "messages to", "registered", "whatsapp", "sms", "text me", "hotline", "センター", "ダイヤル", "内線",
        "外線", "ホットライン", "☎", "℡", "☏",
    ]),
    ("n.phone_after", &["office", "fax", "mobile", "home", "work", "cell", "phone"]),
    ("n.postal", &["郵便番号", "郵便", "〒", "postal code", "postal", "zip", "zip code", "postcode", "post code"]),
    ("n.mynumber", &["マイナンバー", "個人番号", "my number", "mynumber", "個人番号カード", "individual number"]),
    ("n.corp", &[
        "法人番号", "登録番号", "適格請求書発行事業者", "インボイス", "事業者番号", "会社法人等番号",
        "corporate number", "registration number",
    ]),
    ("n.card", &[
        "カード", "クレジット", "card", "credit", "visa", "mastercard", "jcb", "amex", "american express",
        "diners", "discover", "cc", "card no", "card #", "card number",
    ]),
    ("n.bank", &[
        "口座", "普通", "当座", "預金", "振込先", "(普)", "(当)", "普)", "当)", "貯金", "account number",
        "account no", "acct", "bank account", "account",
    ]),
    ("n.dl", &[
        "免許", "driver's license", "drivers license", "driver license", "driving licence", "driving license",
        "licence number", "license number", "dl",
    ]),
    ("n.passport", &["旅券", "パスポート", "passport", "护照", "護照"]),
    ("n.residence", &["在留カード", "residence card", "特別永住者証明書"]),
    ("n.health", &["被保険者証", "保険証", "健康保険", "被保険者番号", "記号", "保険者番号", "health insurance"]),
    ("n.pension", &["基礎年金番号", "年金番号", "年金手帳", "pension"]),
    ("n.ssn", &["ssn", "social security", "ss#", "ss #"]),
    ("n.ip", &["ip", "ip address", "ipアドレス", "client_ip", "ipv4", "ipv6", "host"]),
    ("n.iban", &["iban"]),
    ("n.dob", &[
        "生年月日", "誕生日", "生まれ", "日生", "dob", "d.o.b", "date of birth", "birth date", "birthdate", "born",
        "birthday", "birth", "セイネンガッピ", "ｾｲﾈﾝｶﾞｯﾋﾟ", "naissance", "date de naissance", "nascimento",
        "data de nascimento", "fecha de nacimiento", "geburtsdatum", "ngày sinh",
    ]),
    ("n.other", &[
        "会員番号", "会員id", "注文番号", "受付番号", "伝票番号", "お問い合わせ番号", "問い合わせ番号",
        "お問合せ番号", "請求書番号", "請求番号", "顧客id", "顧客番号", "お客様番号", "社員番号", "従業員番号",
        "型番", "品番", "jan", "商品コード", "管理番号", "契約番号", "証券番号", "追跡番号", "予約番号",
        "整理番号", "取引番号", "発注番号", "見積番号", "案件番号", "受注番号", "製造番号", "シリアル", "serial",
        "order", "invoice", "ref", "reference", "tracking", "id", "lot", "sku", "isbn", "部品番号", "物件番号",
        "認証番号", "暗証番号", "パスワード", "password", "pin", "有効期限", "金額", "請求額", "代金", "料金",
        "合計", "小計", "総額",
    ]),
];

/// Every label group but "n.phone_after".
pub const ALL_LABELS: &[&str] = &[
    "n.phone",
    "n.postal",
    "n.mynumber",
    "n.corp",
    "n.card",
    "n.bank",
    "n.dl",
    "n.passport",
    "n.residence",
    "n.health",
    "n.pension",
    "n.ssn",
    "n.ip",
    "n.iban",
    "n.dob",
    "n.other",
];

/// The keyword groups every recognizer of numbers asks for (all the labels).
pub fn label_keywords() -> Keywords {
    LABELS.iter().map(|(g, w)| (*g, w.iter().map(|s| s.to_string()).collect())).collect()
}

/// A label: (group, start, end).
pub type Label = (&'static str, usize, usize);

/// An ASCII keyword must stand as a word (not 'tel' inside 'hotel').
pub fn word_ok(low: &[char], s: usize, e: usize) -> bool {
    if s < low.len() && ascii_letter(low[s]) && s > 0 && ascii_letter(low[s - 1]) {
        return false;
    }
    !(e > 0 && e <= low.len() && ascii_letter(low[e - 1]) && e < low.len() && ascii_letter(low[e]))
}

/// The keyword of `groups` lying in `[lo, hi)` that ends last (the longest on a tie).
fn nearest(doc: &Document, lo: usize, hi: usize, groups: &[&'static str]) -> Option<Label> {
    let mut best: Option<Label> = None;
    let low = &doc.lower().chars;
    for &group in groups {
        let occ = doc.occurrences(group);
        let mut i = occ.starts.partition_point(|&s| s < hi);
        while i > 0 {
            i -= 1;
            let s = occ.starts[i];
            if s < lo {
                break;
            }
            let e = occ.ends[i];
            if e > hi || !word_ok(low, s, e) {
                continue;
            }
            let better = match best {
                None => true,
                Some((bg, bs, be)) => e > be || (e == be && (s < bs || (s == bs && group < bg))),
            };
            if better {
                best = Some((group, s, e));
            }
            break;
        }
    }
    best
}

/// [`nearest`] over all of [`ALL_LABELS`], given as their merged list [`LabelState::all_labels`]: for
/// each group the keyword starting last in `[lo, hi)` that ends by `hi` and stands as a word, and of
/// those the one ending last (the longest, then the first group by name, on a tie).
fn nearest_all(doc: &Document, lo: usize, hi: usize, (all, longest): (&[LabelHit], usize)) -> Option<Label> {
    const _: () = assert!(ALL_LABELS.len() <= 32);
    let mut best: Option<Label> = None;
    let mut i = all.partition_point(|x| x.0 < hi);
    if i == 0 || all[i - 1].0 < lo {
        return None;
    }
    let low = &doc.lower().chars;
    // once a candidate ends later than any keyword starting further back can, stop
    let mut decided = 0u32;
    while i > 0 {
        i -= 1;
        let (s, e, k) = all[i];
        if s < lo || best.is_some_and(|b| s + longest < b.2) {
            break;
        }
        if decided & (1 << k) != 0 || e > hi || !word_ok(low, s, e) {
            continue;
        }
        decided |= 1 << k;
        let group = ALL_LABELS[k as usize];
        let better = match best {
            None => true,
            Some((bg, bs, be)) => e > be || (e == be && (s < bs || (s == bs && group < bg))),
        };
        if better {
            best = Some((group, s, e));
        }
    }
    best
}

/// A keyword of one of [`ALL_LABELS`]: start, end, index in ALL_LABELS.
type LabelHit = (usize, usize, u8);

/// Per-document caches of the label lookups.
pub(crate) struct LabelState {
    labels: RefCell<IntMap<Option<&'static str>>>,
    /// The keywords of all of [`ALL_LABELS`] in one list: (start, end, index in ALL_LABELS), by start
    /// (a group's own order kept on a tie), so that a lookup over all the labels is one search.
    /// With the length of the longest of them.
    all: OnceCell<(Vec<LabelHit>, usize)>,
}

impl Default for LabelState {
    fn default() -> Self {
        LabelState { labels: RefCell::default(), all: OnceCell::new() }
    }
}

impl LabelState {
    fn all_labels(&self, doc: &Document) -> (&[LabelHit], usize) {
        let (all, longest) = self.all.get_or_init(|| {
            let mut v = Vec::new();
            for (k, g) in ALL_LABELS.iter().enumerate() {
                let occ = doc.occurrences(g);
                v.extend(occ.starts.iter().zip(&occ.ends).map(|(&s, &e)| (s, e, k as u8)));
            }
            v.sort_by_key(|x| x.0); // stable: each group's order kept
            let longest = v.iter().map(|x| x.1.saturating_sub(x.0)).max().unwrap_or(0);
            (v, longest)
        });
        (all, *longest)
    }

    /// (header cell, data cell) of the table column holding `pos` ([`crate::table`]).
    fn cell_at(&self, doc: &Document, pos: usize) -> Option<((usize, usize), (usize, usize))> {
        Tables::of(doc).cell_at(pos)
    }
}

fn state<'d>(doc: &'d Document) -> &'d LabelState {
    doc.shared().number_labels.get_or_init(LabelState::default)
}

/// For a position inside a cell of a table (comma, tab, bar or aligned columns), the span of its column's
/// header.
pub fn csv_header_cell(doc: &Document, pos: usize) -> Option<(usize, usize)> {
    state(doc).cell_at(doc, pos).map(|(header, _)| header)
}

/// `[0-9]{4,}(?![0-9年度月日桁歳円])` found in `chars[a..b)` (the search's end acting as the text's end).
fn digits4(chars: &[char], a: usize, b: usize) -> bool {
    let b = b.min(chars.len());
    let mut i = a;
    while i < b {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let s = i;
        while i < b && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i - s >= 4 && (i == b || !matches!(chars[i], '年' | '度' | '月' | '日' | '桁' | '歳' | '円')) {
            return true;
        }
    }
    false
}

/// The label that the value at `start` belongs to, or None.
///
/// The nearest keyword of `groups` before `start` on the same line within `window` characters,
/// unless another number of four or more digits stands between them; for a value that starts its
/// line, the end of the previous line; in a table (`csv`), the column header.
pub fn label_before(doc: &Document, start: usize, groups: &[&'static str], window: usize, csv: bool) -> Option<Label> {
    let st = if csv { Some(state(doc)) } else { None };
    label_before_in(doc, st, start, groups, window, false)
}

/// [`label_before`]; `all`: `groups` is [`ALL_LABELS`] and `csv` is given (looked up in the merged list).
fn label_before_in(
    doc: &Document,
    csv: Option<&LabelState>,
    start: usize,
    groups: &[&'static str],
    window: usize,
    all: bool,
) -> Option<Label> {
    let merged = match csv {
        Some(st) if all => Some(st.all_labels(doc)),
        _ => None,
    };
    let nearest = |doc: &Document, lo: usize, hi: usize, groups: &[&'static str]| match merged {
        Some(m) => nearest_all(doc, lo, hi, m),
        None => nearest(doc, lo, hi, groups),
    };
    let norm = &doc.norm.chars;
    let lo = line_start(norm, start, window);
    if let Some(st) = csv {
        if let Some((header, cell)) = st.cell_at(doc, start) {
            if let Some(hit) = nearest(doc, header.0, header.1, groups) {
                return Some(hit);
            }
            // a header that names nothing: only a label inside the value's own cell counts
            return nearest(doc, lo.max(cell.0), start, groups);
        }
    }
    if let Some(hit) = nearest(doc, lo, start, groups) {
        if digits4(norm, hit.2, start) {
            return None;
        }
        return Some(hit);
    }
    if lo > 0
        && norm[lo - 1] == '\n'
        && norm[lo..start].iter().all(|c| {
            matches!(
                c,
                ' ' | '\t' | ':' | '(' | ')' | '[' | ']' | '「' | '」' | '【' | '】' | '<' | '>' | '*' | '・' | '-'
            )
        })
    {
        let prev_lo = line_start(norm, lo - 1, window);
        if let Some(hit) = nearest(doc, prev_lo, lo - 1, groups) {
            if !digits4(norm, hit.2, lo - 1) {
                return Some(hit);
            }
        }
    }
    None
}

/// A keyword of `groups` starting within `window` characters after `end` on the same line.
pub fn label_after(doc: &Document, end: usize, groups: &[&'static str], window: usize) -> Option<Label> {
    let hi = line_end(&doc.norm.chars, end, window + 16);
    let low = &doc.lower().chars;
    for (s, e, g) in doc.keywords_in(end, hi, groups) {
        if s - end <= window && word_ok(low, s, e) {
            return Some((g, s, e));
        }
    }
    None
}

/// The group of the label of the value at `start` over all the labels (cached per position).
pub fn label_of(doc: &Document, start: usize) -> Option<&'static str> {
    let st = state(doc);
    if let Some(g) = st.labels.borrow().get(&start) {
        return *g;
    }
    let g = label_before_in(doc, Some(st), start, ALL_LABELS, 40, true).map(|h| h.0);
    st.labels.borrow_mut().insert(start, g);
    g
}

/// [`label_of`], or else a label right after the value ("123456789018（マイナンバー）").
pub fn label_around(doc: &Document, start: usize, end: usize) -> Option<&'static str> {
    if let Some(g) = label_of(doc, start) {
        return Some(g);
    }
    let norm = &doc.norm.chars;
    let n = norm.len();
    let mut pos = end;
    while pos < n && pos < end + 2 && (norm[pos] == ' ' || norm[pos] == '(') {
        pos += 1;
    }
    if pos == end || pos >= n {
        return None;
    }
    let low = &doc.lower().chars;
    let hits: Vec<Hit<'static>> = doc.keywords_in(pos, n.min(pos + 24), ALL_LABELS);
    hits.into_iter().find(|&(s, e, _)| s == pos && word_ok(low, s, e)).map(|h| h.2)
}

/// Every occurrence (start, end) of the keywords of `group` in `doc`.
pub fn keyword_hits(doc: &Document, group: &str) -> Vec<(usize, usize)> {
    let occ = doc.occurrences(group);
    occ.starts.iter().copied().zip(occ.ends.iter().copied()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_number_beside_another_is_a_run_of_its_own() {
        let runs_in = |text: &str| {
            let lx = {
                let mut l = crate::lexicon::Lexicon::new();
                l.build();
                l
            };
            let doc = Document::new(text, None, &lx);
            let runs = number_runs(&doc);
            let mut got: Vec<String> =
                runs_of(runs, 4..20).iter().map(|r| doc.text.slice(r.start, r.end).to_string()).collect();
            got.sort();
            got
        };
        // after an address's block number and one (ideographic) space, after a date
        assert!(runs_in("港区芝5-7-1\u{3000}03-5555-0123\n").contains(&"03-5555-0123".to_string()));
        assert!(runs_in("H2.4.9 0568-33-4410\n").contains(&"0568-33-4410".to_string()));
        // before a note in brackets, and before a closing bracket and more digits
        assert!(runs_in("0800-222-3333（平日9:00）").contains(&"0800-222-3333".to_string()));
        assert!(runs_in("（貸出 / 070-3333-4444）12/5").contains(&"070-3333-4444".to_string()));
        // NEGATIVE: a phone written with spaces stays one run; an early bracket is part of the number
        assert_eq!(runs_in("090 1234 5678"), ["090 1234 5678"]);
        assert_eq!(runs_in("03(1234)5678"), ["03(1234)5678"]);
    }

    #[test]
    fn run_scan_is_the_regex() {
        let texts = [
            "03-1234-5678 と 090 1234 5678",
            "1234567",
            "123456",
            "1 2 3 4 5 6 7",
            "(03)1234-5678x",
            "〒100-0001 03-1234-5678",
            "12345678901234567890123456789012345678901234567890",
            "1-------2",
            "ab1.2.3.4.5.6.7cd",
            "12ー34ｰ56 78.90",
            "1      2 9",
            "電話：0120-123-456（平日）",
            "1 2 3",
            "1-2-3-4-5-6-7-8-9-0-1-2-3-4-5-6-7-8-9-0-1-2-3-4-5",
            "99999 a 1234567",
        ];
        // and pseudo-random strings over the characters that matter
        let alphabet: Vec<char> = "0123456789 -ーｰ.()a年".chars().collect();
        let mut seed = 12345u64;
        let random: Vec<String> = (0..3000)
            .map(|k| {
                (0..(k % 90))
                    .map(|_| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        let r = (seed >> 33) as usize;
                        // mostly digits, so long runs occur
                        if r.is_multiple_of(3) {
                            alphabet[r / 3 % alphabet.len()]
                        } else {
                            alphabet[r / 3 % 10]
                        }
                    })
                    .collect()
            })
            .collect();
        // the random strings again in ASCII (the block search of ASCII texts)
        let ascii_random: Vec<String> =
            random.iter().map(|t| t.chars().map(|c| if c.is_ascii() { c } else { 'a' }).collect()).collect();
        for t in texts.iter().copied().chain(random.iter().chain(&ascii_random).map(String::as_str)) {
            let chars: Vec<char> = t.chars().collect();
            let text = crate::text::Text::new(t.to_string());
            let want: Vec<(usize, usize)> =
                run_re().find_iter(t).map(|m| (text.char_index(m.start()), text.char_index(m.end()))).collect();
            // code point by code point, and (ASCII texts) by blocks of bytes
            let ascii = t.is_ascii().then_some(t.as_bytes());
            for bytes in [None, ascii] {
                let mut got = Vec::new();
                let mut from = 0;
                while let Some((s, e)) = next_run(&chars, bytes, from) {
                    got.push((s, e));
                    from = e;
                }
                assert_eq!(got, want, "{t}");
            }
        }
    }
    use crate::lexicon::Lexicon;

    fn lexicon() -> Lexicon {
        let mut lx = Lexicon::new();
        for (g, w) in label_keywords() {
            lx.add(g, w);
        }
        lx.build();
        lx
    }

    #[test]
    fn runs_and_pieces() {
        let lx = lexicon();
        let doc = Document::new("〒100-0001 03-1234-5678 and 1234  5678", None, &lx);
        let runs = number_runs(&doc);
        let spans: Vec<(usize, usize, &str)> =
            runs_of(runs, 4..20).iter().map(|r| (r.start, r.end, r.digits.as_str())).collect();
        let want = vec![
            (1, 9, "1000001"),
            (1, 22, "10000010312345678"),
            (10, 22, "0312345678"),
            (27, 31, "1234"),
            (27, 37, "12345678"),
            (33, 37, "5678"),
        ];
        assert_eq!(spans, want);
        let mut all: Vec<(usize, usize)> = runs.all(8).map(|r| (r.start, r.end)).collect();
        all.sort_unstable();
        assert_eq!(all, vec![(1, 22), (10, 22), (27, 37)]);
        assert_eq!(runs.of_len(4).len(), 2);
        assert!(runs.of_len(5).is_empty() && runs.of_len(60).is_empty());
        assert_eq!(group_lens(&"03-1234-5678".chars().collect::<Vec<_>>()), vec![2, 4, 4]);
        // aligned columns: a value with single spaces between runs of spaces is a run of its own
        let doc = Document::new("982-17  090 3318 4052", None, &lx);
        let runs = number_runs(&doc);
        assert!(runs_of(runs, [11]).iter().any(|r| (r.start, r.end) == (8, 21)));
    }

    #[test]
    fn labels() {
        let lx = lexicon();
        let doc = Document::new("会員番号 1234 電話 03-1234-5678\nTEL:\n0312345678\n注文番号 12345 / 090", None, &lx);
        assert_eq!(label_of(&doc, 14), Some("n.phone"));
        assert_eq!(label_of(&doc, 5), Some("n.other"));
        assert_eq!(label_of(&doc, 31), Some("n.phone")); // the label ends the line above
        assert_eq!(label_of(&doc, 52), None); // 12345 stands between
        let csv = Document::new("名前,電話,メモ\n山田,0312345678,x\n", None, &lx);
        assert_eq!(csv_header_cell(&csv, 12), Some((3, 5)));
        assert_eq!(label_of(&csv, 12), Some("n.phone"));
    }

    #[test]
    fn python_str_classes() {
        assert!(py_isdigit('²') && py_isdigit('１') && py_isdigit('①') && !py_isdigit('½') && !py_isdigit('a'));
        assert!(py_isspace('\u{1c}') && py_isspace('\u{3000}') && !py_isspace('\u{200b}'));
    }
}
