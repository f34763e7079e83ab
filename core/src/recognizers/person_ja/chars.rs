//! Character classes and word tables of the Japanese PERSON rules, with the exact semantics of the
//! Python predicates they stand for (`str.isdigit`, `str.isspace`, the `[...]` classes of the patterns).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small multiplicative hasher (FxHash) for the short keys of the lexicon and the word tables:
/// several times faster than SipHash on a few code points, and the keys are not attacker-chosen
/// in a way that matters (a collision costs time, never a wrong answer).
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Fx {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.add(b as u64);
        }
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = BuildHasherDefault<Fx>;
pub type FxMap<K, V> = HashMap<K, V, FxBuild>;
pub type FxSet<K> = HashSet<K, FxBuild>;

/// `_K`: CJK ideographs (and extension A, compatibility) plus 々 〆 ヶ.
#[inline]
pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '々' | '〆' | 'ヶ')
}

/// `_KATA`: ァ-ヺ and ー.
#[inline]
pub fn is_kata(c: char) -> bool {
    matches!(c, 'ァ'..='ヺ' | 'ー')
}

/// ァ-ヺ (katakana letters without the long-vowel mark).
#[inline]
pub fn is_kata_letter(c: char) -> bool {
    matches!(c, 'ァ'..='ヺ')
}

/// `_HIRA`: ぁ-ゖ.
#[inline]
pub fn is_hira(c: char) -> bool {
    matches!(c, 'ぁ'..='ゖ')
}

/// Half-width katakana letters and their sound marks (ｦ-ﾝ ﾞ ﾟ ｰ), as older systems export names and readings.
#[inline]
pub fn is_half_kana(c: char) -> bool {
    matches!(c, '\u{FF66}'..='\u{FF9F}')
}

/// `_char_class`: 0 space or punctuation, 1 kanji, 2 hiragana, 3 katakana (ヶ is a kanji), 4 Latin letter.
#[inline]
pub fn char_class(c: char) -> u8 {
    if is_kanji(c) {
        1
    } else if is_hira(c) {
        2
    } else if is_kata(c) {
        3
    } else if c.is_ascii_alphabetic() {
        4
    } else {
        0
    }
}

/// Python's `str.isdigit()` for one character.
pub fn py_isdigit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    let o = c as u32;
    let i = PY_DIGITS.partition_point(|&(_, hi)| hi < o);
    i < PY_DIGITS.len() && PY_DIGITS[i].0 <= o
}

/// Python's `str.isspace()` for one character (also `\s` of a `str` pattern).
pub fn py_isspace(c: char) -> bool {
    matches!(
        c as u32,
        0x09..=0x0D | 0x1C..=0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000
    )
}

/// The number of code points of `s`, at compile time.
pub const fn char_count(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    let mut n = 0;
    while i < b.len() {
        if b[i] & 0xC0 != 0x80 {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The code points of `s` (exactly `N` of them), decoded at compile time.
pub const fn decode<const N: usize>(s: &str) -> [char; N] {
    let b = s.as_bytes();
    let mut out = ['\0'; N];
    let (mut i, mut k) = (0, 0);
    while i < b.len() {
        let x = b[i] as u32;
        let (mut v, len) = if x < 0x80 {
            (x, 1)
        } else if x < 0xE0 {
            (x & 0x1F, 2)
        } else if x < 0xF0 {
            (x & 0x0F, 3)
        } else {
            (x & 0x07, 4)
        };
        let mut j = 1;
        while j < len {
            v = (v << 6) | (b[i + j] as u32 & 0x3F);
            j += 1;
        }
        out[k] = match char::from_u32(v) {
            Some(c) => c,
            None => panic!("not UTF-8"),
        };
        k += 1;
        i += len;
    }
    out
}

/// `c` is one of the characters of the constant string `set`: the set is decoded at compile time,
/// so the test is a few comparisons (no UTF-8 decoding at run time, as `one_of` does).
macro_rules! one_of {
    ($c:expr, $set:expr) => {{
        const SET: [char; $crate::recognizers::person_ja::chars::char_count($set)] =
            $crate::recognizers::person_ja::chars::decode::<{ $crate::recognizers::person_ja::chars::char_count($set) }>(
                $set,
            );
        SET.contains(&$c)
    }};
}
pub(crate) use one_of;

/// The code points of the constant string `s` as a `&'static [char]`, decoded at compile time.
macro_rules! chars {
    ($s:expr) => {{
        const A: [char; $crate::recognizers::person_ja::chars::char_count($s)] =
            $crate::recognizers::person_ja::chars::decode::<{ $crate::recognizers::person_ja::chars::char_count($s) }>(
                $s,
            );
        let a: &'static [char] = &A;
        a
    }};
}
pub(crate) use chars;

/// `t[i..]` starts with `w` (false past the end).
#[inline]
pub fn sw(t: &[char], i: usize, w: &[char]) -> bool {
    // (a plain loop: the words are a few code points, shorter than a call to memcmp)
    match t.get(i..i + w.len()) {
        Some(s) => s.iter().zip(w).all(|(a, b)| a == b),
        None => false,
    }
}

/// `t[i..limit]` starts with `w`.
#[inline]
pub fn sw_lim(t: &[char], i: usize, limit: usize, w: &[char]) -> bool {
    i + w.len() <= limit && sw(t, i, w)
}

pub fn cv(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// An alternation of literal words, tried in their order (Python's leftmost-first `a|b|c`).
pub struct Words {
    pub list: Vec<Vec<char>>,
    set: FxSet<Vec<char>>,
    by_first: FxMap<char, Vec<usize>>,
    /// Bit `c % 64` and bit `(c / 64) % 64` of every first character: a quick test before the map.
    bloom: (u64, u64),
    /// The same of every last character.
    last_bloom: (u64, u64),
    /// The lengths of the words, longest first, each once.
    lens_desc: Vec<usize>,
}

#[inline]
fn bloom_bits(c: char) -> (u64, u64) {
    let o = c as u32;
    (1u64 << (o & 63), 1u64 << ((o >> 6) & 63))
}

impl Words {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let list: Vec<Vec<char>> = words.into_iter().filter(|w| !w.is_empty()).map(cv).collect();
        let set = list.iter().cloned().collect();
        let mut by_first: FxMap<char, Vec<usize>> = FxMap::default();
        for (k, w) in list.iter().enumerate() {
            by_first.entry(w[0]).or_default().push(k);
        }
        let mut bloom = (0u64, 0u64);
        for w in &list {
            let (a, b) = bloom_bits(w[0]);
            bloom.0 |= a;
            bloom.1 |= b;
        }
        let mut last_bloom = (0u64, 0u64);
        for w in &list {
            let (a, b) = bloom_bits(w[w.len() - 1]);
            last_bloom.0 |= a;
            last_bloom.1 |= b;
        }
        let mut lens_desc: Vec<usize> = list.iter().map(|w| w.len()).collect();
        lens_desc.sort_unstable_by(|a, b| b.cmp(a));
        lens_desc.dedup();
        Words { list, set, by_first, bloom, last_bloom, lens_desc }
    }

    /// Some word may start with `c` (no false negatives).
    #[inline]
    pub fn may_start(&self, c: char) -> bool {
        let (a, b) = bloom_bits(c);
        self.bloom.0 & a != 0 && self.bloom.1 & b != 0
    }

    /// The words (in order) that start with the character at `t[i]`.
    pub fn starting_at<'w>(&'w self, t: &[char], i: usize) -> impl Iterator<Item = &'w [char]> + 'w {
        let ids: &[usize] = match t.get(i).filter(|&&c| self.may_start(c)).and_then(|c| self.by_first.get(c)) {
            Some(v) => v,
            None => &[],
        };
        ids.iter().map(move |&k| self.list[k].as_slice())
    }

    pub fn split(text: &str, sep: char) -> Self {
        Self::new(text.split(sep))
    }

    /// End of the first word (in order) that `t[i..limit]` starts with.
    pub fn at(&self, t: &[char], i: usize, limit: usize) -> Option<usize> {
        self.starting_at(t, i).find(|w| sw_lim(t, i, limit, w)).map(|w| i + w.len())
    }

    /// `s` is one of the words.
    #[inline]
    pub fn has(&self, s: &[char]) -> bool {
        self.set.contains(s)
    }

    /// Leftmost `p` with `s[p..]` one of the words (`(?:a|b)$` searched in `s`).
    pub fn suffix_start(&self, s: &[char]) -> Option<usize> {
        // The leftmost start is the longest word that ends `s`.
        let (a, b) = bloom_bits(*s.last()?);
        if self.last_bloom.0 & a == 0 || self.last_bloom.1 & b == 0 {
            return None;
        }
        self.lens_desc.iter().filter(|&&l| l <= s.len()).map(|&l| s.len() - l).find(|&p| self.set.contains(&s[p..]))
    }

    /// Some word occurs in `s` (`a|b` searched in `s`).
    pub fn occurs_in(&self, s: &[char]) -> bool {
        (0..s.len()).any(|p| self.at(s, p, s.len()).is_some())
    }
}

/// Code point ranges where Python's `str.isdigit()` is true (generated from CPython 3).
const PY_DIGITS: &[(u32, u32)] = &[
    (0x30, 0x39),
    (0xB2, 0xB3),
    (0xB9, 0xB9),
    (0x660, 0x669),
    (0x6F0, 0x6F9),
    (0x7C0, 0x7C9),
    (0x966, 0x96F),
    (0x9E6, 0x9EF),
    (0xA66, 0xA6F),
    (0xAE6, 0xAEF),
    (0xB66, 0xB6F),
    (0xBE6, 0xBEF),
    (0xC66, 0xC6F),
    (0xCE6, 0xCEF),
    (0xD66, 0xD6F),
    (0xDE6, 0xDEF),
    (0xE50, 0xE59),
    (0xED0, 0xED9),
    (0xF20, 0xF29),
    (0x1040, 0x1049),
    (0x1090, 0x1099),
    (0x1369, 0x1371),
    (0x17E0, 0x17E9),
    (0x1810, 0x1819),
    (0x1946, 0x194F),
    (0x19D0, 0x19DA),
    (0x1A80, 0x1A89),
    (0x1A90, 0x1A99),
    (0x1B50, 0x1B59),
    (0x1BB0, 0x1BB9),
    (0x1C40, 0x1C49),
    (0x1C50, 0x1C59),
    (0x2070, 0x2070),
    (0x2074, 0x2079),
    (0x2080, 0x2089),
    (0x2460, 0x2468),
    (0x2474, 0x247C),
    (0x2488, 0x2490),
    (0x24EA, 0x24EA),
    (0x24F5, 0x24FD),
    (0x24FF, 0x24FF),
    (0x2776, 0x277E),
    (0x2780, 0x2788),
    (0x278A, 0x2792),
    (0xA620, 0xA629),
    (0xA8D0, 0xA8D9),
    (0xA900, 0xA909),
    (0xA9D0, 0xA9D9),
    (0xA9F0, 0xA9F9),
    (0xAA50, 0xAA59),
    (0xABF0, 0xABF9),
    (0xFF10, 0xFF19),
    (0x104A0, 0x104A9),
    (0x10A40, 0x10A43),
    (0x10D30, 0x10D39),
    (0x10E60, 0x10E68),
    (0x11052, 0x1105A),
    (0x11066, 0x1106F),
    (0x110F0, 0x110F9),
    (0x11136, 0x1113F),
    (0x111D0, 0x111D9),
    (0x112F0, 0x112F9),
    (0x11450, 0x11459),
    (0x114D0, 0x114D9),
    (0x11650, 0x11659),
    (0x116C0, 0x116C9),
    (0x11730, 0x11739),
    (0x118E0, 0x118E9),
    (0x11950, 0x11959),
    (0x11C50, 0x11C59),
    (0x11D50, 0x11D59),
    (0x11DA0, 0x11DA9),
    (0x16A60, 0x16A69),
    (0x16AC0, 0x16AC9),
    (0x16B50, 0x16B59),
    (0x1D7CE, 0x1D7FF),
    (0x1E140, 0x1E149),
    (0x1E2F0, 0x1E2F9),
    (0x1E950, 0x1E959),
    (0x1F100, 0x1F10A),
    (0x1FBF0, 0x1FBF9),
];
