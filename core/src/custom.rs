//! Organisations' own rules, from `mamori.toml`: custom patterns (`[[detect.custom]]`), terms always
//! reported (`[detect] deny`) and values never reported (`[detect] allow`).
//!
//! * A [`CustomRecognizer`] reports its `kind` where its pattern matches the folded text, scored
//!   `score`, raised by [`CONTEXT_BOOST`] when one of its context words stands within `window`
//!   code points before or after the match; an optional check-digit `validate` must pass.
//! * The deny list is a [`DenyListRecognizer`]: every occurrence of a term (folded, case-insensitive),
//!   score 1.0.
//! * The allow list is an [`AllowList`]: a finding whose text has the same [`allow_key`] as an
//!   allowed value is dropped before settlement, whichever recognizer found it.
//!
//! Patterns are the `regex` crate's syntax (linear time, no look-around); a bad pattern is an error
//! naming the entry, never a panic.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexBuilder};

use crate::document::Document;
use crate::finding::Finding;
use crate::fold::{fold_char, lower_char};
use crate::recognizer::{Keywords, Recognizer};

/// Added to a custom match's score when a context word is near.
pub const CONTEXT_BOOST: f64 = 0.3;
/// Largest compiled size of one custom pattern.
const PATTERN_SIZE_LIMIT: usize = 2 << 20;

/// One `[[detect.custom]]` entry, as read from the configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomSpec {
    pub kind: String,
    pub pattern: String,
    pub context: Vec<String>,
    pub score: f64,
    pub window: usize,
    pub validate: Option<String>,
}

/// The check-digit validators a custom entry may name.
pub const VALIDATORS: &[&str] = &["luhn", "mod11", "my_number", "corporate_number", "iban", "drivers_license"];

/// The validator named `name`, over the matched text (separators are dropped before the check).
pub fn validator(name: &str) -> Option<fn(&str) -> bool> {
    use crate::checksums as c;
    Some(match name {
        "luhn" => |v| c::luhn_valid(&digits(v)),
        "mod11" => |v| mod11_valid(&digits(v)),
        "my_number" => |v| c::my_number_valid(&digits(v)),
        "corporate_number" => |v| c::corporate_number_valid(&digits(v)),
        "drivers_license" => |v| c::drivers_license_valid(&digits(v)),
        "iban" => |v| c::iban_valid(&v.chars().filter(char::is_ascii_alphanumeric).collect::<String>()),
        _ => return None,
    })
}

fn digits(v: &str) -> String {
    v.chars().filter(char::is_ascii_digit).collect()
}

/// The common modulus-11 check: weights 2, 3, 4, 5, 6, 7, 2, ... from the digit left of the check
/// digit leftwards; the check digit is `(11 - sum % 11) % 11`, and a remainder giving 10 is never valid.
pub fn mod11_valid(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() < 2 || d.len() != digits.chars().count() {
        return false;
    }
    let (body, check) = d.split_at(d.len() - 1);
    let sum: u32 = body.iter().rev().enumerate().map(|(i, &x)| x * (2 + (i as u32 % 6))).sum();
    let want = (11 - sum % 11) % 11;
    want < 10 && want == check[0]
}

fn valid_kind(kind: &str) -> bool {
    let mut chars = kind.chars();
    matches!(chars.next(), Some('A'..='Z'))
        && kind.len() <= 40
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

fn leak(s: &str) -> &'static str {
    // A few strings per configured engine, alive as long as findings may refer to them.
    Box::leak(s.to_string().into_boxed_str())
}

pub struct CustomRecognizer {
    kind: &'static str,
    kinds: [&'static str; 1],
    regex: Regex,
    group: &'static str,
    has_context: bool,
    context: Vec<String>,
    score: f64,
    window: usize,
    validate: Option<String>,
}

impl CustomRecognizer {
    /// The recognizer of entry `index` (0-based) or an error saying what is wrong with it.
    pub fn new(index: usize, spec: &CustomSpec) -> Result<Self, String> {
        let at = format!("[[detect.custom]] #{} ({})", index + 1, spec.kind);
        if !valid_kind(&spec.kind) {
            return Err(format!("{at}: type must be an upper-case name (A-Z, 0-9, _), up to 40 characters"));
        }
        if !(0.0..=1.0).contains(&spec.score) || spec.score.is_nan() {
            return Err(format!("{at}: score must be between 0 and 1"));
        }
        if let Some(v) = &spec.validate {
            if !VALIDATORS.contains(&v.as_str()) {
                return Err(format!("{at}: validate must be one of {}, not {v:?}", VALIDATORS.join(", ")));
            }
        }
        if spec.pattern.is_empty() {
            return Err(format!("{at}: pattern is empty"));
        }
        let regex = RegexBuilder::new(&spec.pattern)
            .size_limit(PATTERN_SIZE_LIMIT)
            .build()
            .map_err(|e| format!("{at}: pattern: {}", e.to_string().lines().last().unwrap_or("invalid")))?;
        let kind = leak(&spec.kind);
        Ok(CustomRecognizer {
            kind,
            kinds: [kind],
            regex,
            group: leak(&format!("custom.{index}")),
            has_context: !spec.context.is_empty(),
            context: spec.context.clone(),
            score: spec.score,
            window: spec.window,
            validate: spec.validate.clone(),
        })
    }

    fn valid(&self, value: &str) -> bool {
        let Some(name) = &self.validate else { return true };
        validator(name).is_some_and(|check| check(value))
    }
}

impl Recognizer for CustomRecognizer {
    fn name(&self) -> &'static str {
        "custom"
    }

    fn entities(&self) -> &[&'static str] {
        &self.kinds
    }

    fn keywords(&self) -> Keywords {
        if self.has_context {
            vec![(self.group, self.context.clone())]
        } else {
            Vec::new()
        }
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let norm = &doc.norm;
        for m in self.regex.find_iter(&norm.s) {
            if m.start() == m.end() {
                continue;
            }
            let (start, end) = (norm.char_index(m.start()), norm.char_index(m.end()));
            if !self.valid(m.as_str()) {
                continue;
            }
            let mut score = self.score;
            if self.has_context {
                let near = doc.keyword_before(start, &[self.group], self.window).is_some()
                    || doc.keyword_after(end, &[self.group], self.window).is_some();
                if near {
                    score += CONTEXT_BOOST;
                }
            }
            out.push(Finding::new(self.kind, start, end, score, "custom"));
        }
    }
}

/// Terms always reported, as `kind`, wherever they occur (folded, case-insensitive).
pub struct DenyListRecognizer {
    kinds: [&'static str; 1],
    matcher: AhoCorasick,
}

impl DenyListRecognizer {
    pub fn new(terms: &[String], kind: &str) -> Result<Self, String> {
        if !valid_kind(kind) {
            return Err("[detect] deny_type must be an upper-case name (A-Z, 0-9, _), up to 40 characters".into());
        }
        let keys: Vec<String> = terms.iter().map(|t| t.chars().map(|c| lower_char(fold_char(c))).collect()).collect();
        if keys.iter().any(|k: &String| k.trim().is_empty()) {
            return Err("[detect] deny: an empty term".into());
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&keys)
            .or_else(|_| AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&keys))
            .map_err(|e| format!("[detect] deny: {e}"))?;
        Ok(DenyListRecognizer { kinds: [leak(kind)], matcher })
    }
}

impl Recognizer for DenyListRecognizer {
    fn name(&self) -> &'static str {
        "deny_list"
    }

    fn entities(&self) -> &[&'static str] {
        &self.kinds
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let lower = doc.lower();
        for m in self.matcher.find_iter(lower.s.as_str()) {
            let (start, end) = (lower.char_index(m.start()), lower.char_index(m.end()));
            out.push(Finding::new(self.kinds[0], start, end, 1.0, "deny_list"));
        }
    }
}

/// The form in which a finding's text and an allowed value are compared: folded, lower-cased,
/// without white space, hyphens and the long-vowel/dash marks people type in numbers.
pub fn allow_key(text: &str) -> String {
    text.chars()
        .map(|c| lower_char(fold_char(c)))
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | 'ー' | 'ｰ' | '(' | ')'))
        .collect()
}

/// Values never reported.
#[derive(Debug, Default, Clone)]
pub struct AllowList {
    keys: HashSet<String>,
}

impl AllowList {
    pub fn new(values: &[String]) -> Self {
        AllowList { keys: values.iter().map(|v| allow_key(v)).filter(|k| !k.is_empty()).collect() }
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn allows(&self, text: &str) -> bool {
        !self.keys.is_empty() && self.keys.contains(&allow_key(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognizer::run_alone;

    fn spec(kind: &str, pattern: &str) -> CustomSpec {
        CustomSpec {
            kind: kind.into(),
            pattern: pattern.into(),
            context: vec!["社員番号".into()],
            score: 0.6,
            window: 10,
            validate: None,
        }
    }

    fn run(r: &dyn Recognizer, text: &str) -> Vec<(usize, usize, f64)> {
        run_alone(r, text, None).iter().map(|(f, _)| (f.start, f.end, (f.score * 100.0).round() / 100.0)).collect()
    }

    #[test]
    fn pattern_and_context() {
        let r = CustomRecognizer::new(0, &spec("EMPLOYEE_ID", "EMP-[0-9]{6}")).unwrap();
        assert_eq!(run(&r, "社員番号：ＥＭＰ－１２３４５６ と EMP-654321"), vec![(5, 15, 0.9), (18, 28, 0.6)]);
    }

    #[test]
    fn bad_entries_are_named_errors() {
        let e = CustomRecognizer::new(1, &spec("EMPLOYEE_ID", "EMP-[0-9")).err().unwrap();
        assert!(e.starts_with("[[detect.custom]] #2 (EMPLOYEE_ID): pattern:"), "{e}");
        assert!(CustomRecognizer::new(0, &spec("lower", "x")).is_err());
        let mut s = spec("X", "x");
        s.validate = Some("nope".into());
        assert!(CustomRecognizer::new(0, &s).err().unwrap().contains("validate"));
    }

    #[test]
    fn validators() {
        assert!(mod11_valid("1234567892") && !mod11_valid("1234567893"));
        let v = validator("luhn").unwrap();
        assert!(v("4111 1111 1111 1111") && !v("4111 1111 1111 1112"));
        assert!(validator("my_number").unwrap()("1234 5678 9018"));
        assert!(validator("nope").is_none());
    }

    #[test]
    fn deny_and_allow() {
        let d = DenyListRecognizer::new(&["Project Falcon".into(), "ファルコン計画".into()], "CONFIDENTIAL").unwrap();
        assert_eq!(run(&d, "re: PROJECT FALCON / ファルコン計画"), vec![(4, 18, 1.0), (21, 28, 1.0)]);
        let a = AllowList::new(&["03-1234-5678".into()]);
        assert!(a.allows("０３（１２３４）５６７８") || a.allows("03 1234 5678"));
        assert!(!a.allows("03-1234-5679"));
    }
}
