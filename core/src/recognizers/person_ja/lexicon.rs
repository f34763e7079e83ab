//! The Japanese name lexicon: surnames, given names, their readings and katakana person names, from
//! sudachidict-core's 人名 entries (`mamori/detect/data/person_ja.tsv`, built by
//! `tools/build_person_lexicon.py`), compiled in and parsed once per process.
//!
//! Flags: S surname, G given name, s/g their katakana readings, F katakana person name, P kanji full
//! name, c also an ordinary word, L also a place name, O also another proper noun.

use std::collections::HashMap;

use super::chars::FxMap;
use std::sync::OnceLock;

static DATA: &str = include_str!("../../../../mamori/detect/data/person_ja.tsv");

pub const SUR: u16 = 1;
pub const GIV: u16 = 2;
pub const SUR_KANA: u16 = 4;
pub const GIV_KANA: u16 = 8;
pub const FOREIGN: u16 = 16;
pub const FULL: u16 = 32;
pub const COMMON: u16 = 64;
pub const PLACE: u16 = 128;
pub const OTHER: u16 = 256;
/// The surface is listed (even with no flag).
pub const LISTED: u16 = 512;

fn mask_of(flags: &str) -> u16 {
    let mut m = LISTED;
    for c in flags.chars() {
        m |= match c {
            'S' => SUR,
            'G' => GIV,
            's' => SUR_KANA,
            'g' => GIV_KANA,
            'F' => FOREIGN,
            'P' => FULL,
            'c' => COMMON,
            'L' => PLACE,
            'O' => OTHER,
            _ => 0,
        };
    }
    m
}

pub struct NameLexicon {
    /// surface -> flag mask (low 16 bits) and index of its flag string (high bits).
    map: FxMap<Box<[char]>, u32>,
    flag_strings: Vec<Box<str>>,
}

impl NameLexicon {
    fn parse(text: &str) -> Self {
        let mut map: FxMap<Box<[char]>, u32> = FxMap::with_capacity_and_hasher(300_000, Default::default());
        let mut flag_strings: Vec<Box<str>> = Vec::new();
        let mut ids: HashMap<&str, u32> = HashMap::new();
        for line in text.lines() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (surface, flags) = line.split_once('\t').unwrap_or((line, ""));
            let id = *ids.entry(flags).or_insert_with(|| {
                flag_strings.push(flags.into());
                (flag_strings.len() - 1) as u32
            });
            let key: Box<[char]> = surface.chars().collect();
            map.insert(key, (id << 16) | mask_of(flags) as u32);
        }
        NameLexicon { map, flag_strings }
    }

    /// The flag mask of `s` (0 when not listed).
    #[inline]
    pub fn get(&self, s: &[char]) -> u16 {
        self.map.get(s).map(|&v| v as u16).unwrap_or(0)
    }

    /// The flag string of `s` as listed ("" when not listed).
    pub fn flags_str(&self, s: &str) -> &str {
        let key: Vec<char> = s.chars().collect();
        match self.map.get(key.as_slice()) {
            Some(&v) => self.flag_strings.get((v >> 16) as usize).map(|b| &**b).unwrap_or(""),
            None => "",
        }
    }

    #[inline]
    pub fn listed(&self, s: &[char]) -> bool {
        self.get(s) & LISTED != 0
    }

    #[inline]
    pub fn surname(&self, s: &[char]) -> bool {
        self.get(s) & SUR != 0
    }

    #[inline]
    pub fn given(&self, s: &[char]) -> bool {
        self.get(s) & GIV != 0
    }

    #[inline]
    pub fn common(&self, s: &[char]) -> bool {
        self.get(s) & COMMON != 0
    }

    #[inline]
    pub fn kana_part(&self, s: &[char]) -> bool {
        self.get(s) & (SUR_KANA | GIV_KANA | FOREIGN) != 0
    }

    /// Length of the surname when `s` is exactly surname + given name (both listed), else 0.
    pub fn split_full(&self, s: &[char]) -> usize {
        let mut best = 0;
        let mut best_rank = -1i32;
        let top = 4.min(s.len().saturating_sub(1));
        for i in 1..=top {
            let (a, b) = (&s[..i], &s[i..]);
            if b.len() > 5 {
                continue;
            }
            let fa = self.get(a);
            if fa & SUR == 0 {
                continue;
            }
            let fb = self.get(b);
            if fb & GIV == 0 {
                continue;
            }
            let rank = (a.len() >= 2) as i32 * 4
                + (b.len() >= 2) as i32 * 2
                + (fa & COMMON == 0) as i32
                + (fb & COMMON == 0) as i32;
            if rank > best_rank {
                best = i;
                best_rank = rank;
            }
        }
        best
    }
}

/// The lexicon, parsed on first use (when the first engine holding the PERSON rules is built).
pub fn name_lexicon() -> &'static NameLexicon {
    static LEX: OnceLock<NameLexicon> = OnceLock::new();
    LEX.get_or_init(|| NameLexicon::parse(DATA))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn lookups() {
        let lex = name_lexicon();
        assert!(lex.surname(&c("山田")));
        assert!(lex.given(&c("太郎")));
        assert_eq!(lex.split_full(&c("山田太郎")), 2);
        assert_eq!(lex.split_full(&c("佐々木花子")), 3);
        assert_eq!(lex.split_full(&c("株式会社")), 0);
        assert_eq!(lex.split_full(&c("")), 0);
        assert!(lex.flags_str("山田").contains('S'));
        assert!(lex.surname(&c("佐藤")) && lex.surname(&c("佐々木")) && lex.given(&c("花子")));
        assert!(lex.kana_part(&c("ヤマダ")) && lex.kana_part(&c("タロウ")));
        assert!(!lex.surname(&c("株式会社")));
        assert_eq!(lex.flags_str("株式会社"), "");
    }
}
