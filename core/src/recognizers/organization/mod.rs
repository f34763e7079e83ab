//! ORGANIZATION in Japanese text: the family ported from `mamori/detect/recognizers/organization/`.
//!
//! Three cues, all found by the document's single keyword pass and then read locally:
//! a legal form before or after the name (株式会社山田商事, 山田商事(株), ㈱, Co., Ltd.), a financial
//! institution's suffix (みずほ銀行, 城南信用金庫), and in prose an organisation-type suffix (財務省,
//! 東京大学, …社) or a well-known name (NHK, トヨタ). Narrower shapes: bank-style kana holders
//! (ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ), city・plural teams (ボストン・ブレーブス), names before context phrases
//! (…に入団) and the subjects of defining sentences, standalone capitalised acronyms.
//!
//! One module per recognizer (legal_form, financial, suffix, context, acronym, kana_abbreviation,
//! team) and the pieces several share (keyword_hits, name_run, trim, stop_words, known_names, spans).
//! Rules that ask Sudachi do it on slices of the folded text ([`Document::norm_tokens`]), exactly the
//! windows the Python rules passed, and memoise the verdicts per engine as the Python rules did.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;

use crate::recognizer::Recognizer;

#[cfg(doc)]
use crate::document::Document;

pub mod acronym;
pub mod context;
pub mod financial;
pub mod kana_abbreviation;
pub mod keyword_hits;
pub mod known_names;
pub mod legal_form;
pub mod name_run;
pub mod spans;
pub mod stop_words;
pub mod suffix;
pub mod team;
pub mod trim;

/// The entity type every recognizer of this family reports.
pub const ORGANIZATION: &str = "ORGANIZATION";

/// Verdicts on analyser windows, kept across documents (the Python rules' `lru_cache(4096)`): the
/// analyser is deterministic, so this only saves calls into it. Emptied when full.
pub struct Memo<K, V> {
    map: Mutex<HashMap<K, V>>,
}

const MEMO_SIZE: usize = 4096;

impl<K: Hash + Eq, V: Copy> Memo<K, V> {
    pub fn new() -> Self {
        Memo { map: Mutex::new(HashMap::new()) }
    }

    /// The verdict for `key`, computed by `make` when not yet known.
    pub fn get(&self, key: K, make: impl FnOnce() -> V) -> V {
        if let Ok(m) = self.map.lock() {
            if let Some(v) = m.get(&key) {
                return *v;
            }
        }
        let v = make();
        if let Ok(mut m) = self.map.lock() {
            if m.len() >= MEMO_SIZE {
                m.clear();
            }
            m.insert(key, v);
        }
        v
    }
}

impl<K: Hash + Eq, V: Copy> Default for Memo<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether `word` is spelt at `n[i..]`.
pub fn starts_at(n: &[char], i: usize, word: &str) -> bool {
    (i..).zip(word.chars()).all(|(k, c)| n.get(k) == Some(&c))
}

/// Whether `n[s..e]` ends with `word`.
pub fn ends_at(n: &[char], s: usize, e: usize, word: &str) -> bool {
    let k = word.chars().count();
    e >= s + k && starts_at(n, e - k, word)
}

/// The family's recognizers, in the order of the Python module's RECOGNIZERS.
pub fn recognizers() -> Vec<Box<dyn Recognizer>> {
    vec![
        Box::new(legal_form::LegalFormRecognizer::new()),
        Box::new(financial::FinancialRecognizer::new()),
        Box::new(suffix::SuffixRecognizer::new()),
        Box::new(context::ContextRecognizer::new()),
        Box::new(acronym::AcronymRecognizer::new()),
        Box::new(kana_abbreviation::KanaAbbreviationRecognizer::new()),
        Box::new(team::TeamRecognizer::new()),
    ]
}
