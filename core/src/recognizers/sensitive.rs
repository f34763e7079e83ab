//! SENSITIVE: special-care personal information (要配慮個人情報, APPI art. 2(3)) with a subtype.
//!
//! Subtypes: `medical`, `disability`, `criminal`, `creed`, `race`, `social_status`, `crime_victim`.
//! Japanese and English terms come from `mamori/detect/data/sensitive_terms.tsv` (compiled in) and are
//! found by the engine's single keyword pass; the span is the term itself (an English term may take a
//! plural `s`). A term that only names the topic in general (入院, 宗教, 逮捕) scores lower than one
//! that states a fact about someone (糖尿病, 前科, 障害者手帳); a few compounds that are not personal
//! information (宗教法人, hearing aids, the Great Depression) are left out.

use std::collections::HashMap;

use crate::document::Document;
use crate::finding::Finding;
use crate::recognizer::{Keywords, Recognizer};

const NAME: &str = "sensitive";
const GROUP: &str = "sensitive";

const DATA: &str = include_str!("../../../mamori/detect/data/sensitive_terms.tsv");

/// The subtypes, in the order the data file documents them.
pub const SUBTYPES: [&str; 7] = ["medical", "disability", "criminal", "creed", "race", "social_status", "crime_victim"];

/// Text right after a term that makes it something else (宗教法人 is an organisation's legal form).
const NOT_AFTER: &[(&str, &[&str])] = &[
    ("宗教", &["法人"]),
    ("入院", &["患者数", "病床", "施設"]),
    ("思想", &["史"]),
    ("民族", &["衣装", "音楽", "楽器", "料理"]),
    ("逮捕", &["術"]),
];
/// Text right before a term that makes it something else (hearing aids, economic depression).
const NOT_BEFORE: &[(&str, &[&str])] = &[
    ("aids", &["hearing ", "visual ", "teaching ", "sales ", "study "]),
    ("depression", &["economic ", "great ", "tropical "]),
];

/// What the data file says about one term.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Term {
    pub subtype: &'static str,
    pub score: f64,
    /// Matches in capitals only (HIV, AIDS).
    pub exact: bool,
}

/// Python's `str.lower()` for the terms of the table (ASCII, kana, kanji): one code point each.
fn lower(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// term (lower-cased, as written in the file) -> what it is; a later line for one term wins.
/// A line with an unknown subtype or an unreadable score is skipped (the Python loader refused them;
/// the test `every_line_is_valid` keeps the file clean).
pub fn terms() -> HashMap<String, Term> {
    let mut out = HashMap::new();
    for line in DATA.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(subtype), Some(score), Some(term)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let Some(subtype) = SUBTYPES.iter().copied().find(|s| *s == subtype) else {
            continue;
        };
        let Ok(score) = score.trim().parse::<f64>() else {
            continue;
        };
        let exact = term.starts_with('=');
        let term = term.trim_start_matches('=');
        out.insert(lower(term), Term { subtype, score, exact });
    }
    out
}

fn ascii_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

pub struct SensitiveRecognizer {
    terms: HashMap<String, Term>,
    not_after: HashMap<&'static str, Vec<Vec<char>>>,
    not_before: HashMap<&'static str, Vec<Vec<char>>>,
}

impl SensitiveRecognizer {
    pub fn new() -> Self {
        let chars = |l: &[(&'static str, &[&str])]| {
            l.iter().map(|(t, ws)| (*t, ws.iter().map(|w| w.chars().collect()).collect())).collect()
        };
        SensitiveRecognizer { terms: terms(), not_after: chars(NOT_AFTER), not_before: chars(NOT_BEFORE) }
    }
}

impl Default for SensitiveRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer for SensitiveRecognizer {
    fn name(&self) -> &'static str {
        NAME
    }

    fn entities(&self) -> &[&'static str] {
        &["SENSITIVE"]
    }

    fn keywords(&self) -> Keywords {
        let mut words: Vec<String> = self.terms.keys().cloned().collect();
        words.sort();
        vec![(GROUP, words)]
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let low = doc.lower();
        let lc = &low.chars;
        let n = lc.len();
        for (s, e, _) in doc.keywords_in(0, n, &[GROUP]) {
            let mut e = e;
            let term = low.slice(s, e);
            let Some(info) = self.terms.get(term) else {
                continue;
            };
            if info.exact && doc.norm.slice(s, e) != term.to_uppercase() {
                continue; // HIV / AIDS in capitals only
            }
            if term.chars().next().is_some_and(|c| c.is_ascii()) {
                if s > 0 && ascii_alnum(lc[s - 1]) {
                    continue; // inside a longer English word
                }
                if e < n && ascii_alnum(lc[e]) {
                    if lc[e] != 's' || (e + 1 < n && lc[e + 1].is_ascii_alphabetic()) {
                        continue;
                    }
                    e += 1; // a plural: cancers
                }
            }
            if let Some(after) = self.not_after.get(term) {
                if after.iter().any(|w| lc[e..].starts_with(w)) {
                    continue;
                }
            }
            if let Some(before) = self.not_before.get(term) {
                if before.iter().any(|w| lc[..s].ends_with(w)) {
                    continue;
                }
            }
            out.push(Finding::new("SENSITIVE", s, e, info.score, NAME).with_subtype(info.subtype));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;

    fn found(text: &str) -> Vec<(String, &'static str, f64)> {
        let engine = Engine::new(Some(&["sensitive".to_string()]), Vec::new());
        let chars: Vec<char> = text.chars().collect();
        engine
            .find(text, None)
            .into_iter()
            .map(|f| (chars[f.start..f.end].iter().collect(), f.subtype.unwrap_or(""), f.score))
            .collect()
    }

    #[test]
    fn every_line_is_valid_and_every_subtype_is_covered() {
        let mut n = 0;
        for line in DATA.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(cols.len() >= 3, "{line:?}");
            assert!(SUBTYPES.contains(&cols[0]), "unknown SENSITIVE subtype in {line:?}");
            assert!(cols[1].parse::<f64>().is_ok(), "{line:?}");
            n += 1;
        }
        let t = terms();
        assert!(t.len() > 100 && t.len() <= n);
        for s in SUBTYPES {
            assert!(t.values().any(|v| v.subtype == s), "{s}");
        }
    }

    #[test]
    fn plurals_capitals_and_look_alikes() {
        assert_eq!(found("two cancers"), vec![("cancers".to_string(), "medical", 0.85)]);
        assert!(found("cancerous").is_empty());
        assert!(found("He has aids").is_empty());
        assert_eq!(found("He has AIDS").len(), 1);
        assert!(found("宗教法人").is_empty());
        assert!(found("The Great Depression").is_empty());
    }
}
