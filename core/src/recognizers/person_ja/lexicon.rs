//! The Japanese name lexicon: surnames, given names, their readings and katakana person names, from
//! sudachidict-core's 人名 entries (`mamori/detect/data/person_ja.tsv`, built by
//! `tools/build_person_lexicon.py`), compiled in and parsed once per process.
//!
//! Flags: S surname, G given name, s/g their katakana readings, F katakana person name, P kanji full
//! name, c also an ordinary word, L also a place name, O also another proper noun.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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
    /// surface (of more than [`PACK_MAX3`] and at most [`PACK_MAX`] code points, packed by [`pack`]) ->
    /// flag mask (low 16 bits) and index of its flag string (high bits): looked up without hashing a
    /// slice or comparing through a pointer.
    short: HashMap<u128, u32, BuildHasherDefault<PackHash>>,
    /// The surfaces of at most [`PACK_MAX3`] code points (most names and most strings looked up), the
    /// same way in one `u64` ([`pack3`]): a cheaper key to build and to hash.
    short3: HashMap<u64, u32, BuildHasherDefault<PackHash>>,
    /// The longer surfaces, the same way.
    long: FxMap<Box<[char]>, u32>,
    flag_strings: Vec<Box<str>>,
}

/// Surfaces of up to this many code points are packed into one `u128` (21 bits each).
const PACK_MAX: usize = 6;

/// Surfaces of up to this many code points are packed into one `u64` (21 bits each).
const PACK_MAX3: usize = 3;

/// `s` (at most [`PACK_MAX3`] code points) as one number, as [`pack`] does.
#[inline]
fn pack3(s: &[char]) -> u64 {
    let mut k = 0u64;
    for (i, &c) in s.iter().enumerate() {
        k |= ((c as u64) + 1) << (21 * i);
    }
    k
}

/// `s` (at most [`PACK_MAX`] code points) as one number: code point + 1 in each 21-bit slot, so
/// that surfaces of different lengths differ (a code point is below 0x110000 < 2^21 - 1).
#[inline]
fn pack(s: &[char]) -> u128 {
    let mut k = 0u128;
    for (i, &c) in s.iter().enumerate() {
        k |= ((c as u128) + 1) << (21 * i);
    }
    k
}

/// The hasher of packed surfaces: one folded 64x64-bit multiply of the two halves (well mixed in
/// the low bits the table indexes with, unlike a plain multiplicative hash of the low half).
#[derive(Default, Clone, Copy)]
pub struct PackHash(u64);

impl Hasher for PackHash {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    #[inline]
    fn write_u64(&mut self, v: u64) {
        let m = ((v ^ 0x2436_41f0_2d5b_8a6f) as u128) * (0x9e37_79b9_7f4a_7c15u64 as u128);
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }
    #[inline]
    fn write_u128(&mut self, v: u128) {
        let a = (v as u64) ^ 0x2436_41f0_2d5b_8a6f;
        let b = ((v >> 64) as u64) ^ 0x9e37_79b9_7f4a_7c15;
        let m = (a as u128) * (b as u128);
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The questions the rules ask of a string's flag mask, for a type with `get(&self, &[char]) -> u16`: written once
/// for [`NameLexicon`] and its per-thread [`Memo`], which answer `get` in their own ways.
macro_rules! name_flag_accessors {
    () => {
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
            split_full_by(|w| self.get(w), s)
        }
    };
}

impl NameLexicon {
    fn parse(text: &str) -> Self {
        let mut short: HashMap<u128, u32, BuildHasherDefault<PackHash>> =
            HashMap::with_capacity_and_hasher(75_000, Default::default());
        let mut short3: HashMap<u64, u32, BuildHasherDefault<PackHash>> =
            HashMap::with_capacity_and_hasher(225_000, Default::default());
        let mut long: FxMap<Box<[char]>, u32> = FxMap::default();
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
            let v = (id << 16) | mask_of(flags) as u32;
            if key.len() <= PACK_MAX3 {
                short3.insert(pack3(&key), v);
            } else if key.len() <= PACK_MAX {
                short.insert(pack(&key), v);
            } else {
                long.insert(key, v);
            }
        }
        NameLexicon { short, short3, long, flag_strings }
    }

    #[inline]
    fn value(&self, s: &[char]) -> Option<u32> {
        if s.len() <= PACK_MAX3 {
            self.short3.get(&pack3(s)).copied()
        } else if s.len() <= PACK_MAX {
            self.short.get(&pack(s)).copied()
        } else {
            self.long.get(s).copied()
        }
    }

    /// The flag mask of `s` (0 when not listed).
    #[inline]
    pub fn get(&self, s: &[char]) -> u16 {
        self.value(s).map(|v| v as u16).unwrap_or(0)
    }

    /// The flag string of `s` as listed ("" when not listed).
    pub fn flags_str(&self, s: &str) -> &str {
        let key: Vec<char> = s.chars().collect();
        match self.value(&key) {
            Some(v) => self.flag_strings.get((v >> 16) as usize).map(|b| &**b).unwrap_or(""),
            None => "",
        }
    }

    name_flag_accessors!();
}

/// [`NameLexicon::split_full`] with the flag masks read through `get`.
#[inline]
fn split_full_by(get: impl Fn(&[char]) -> u16, s: &[char]) -> usize {
    let mut best = 0;
    let mut best_rank = -1i32;
    let top = 4.min(s.len().saturating_sub(1));
    for i in 1..=top {
        let (a, b) = (&s[..i], &s[i..]);
        if b.len() > 5 {
            continue;
        }
        let fa = get(a);
        if fa & SUR == 0 {
            continue;
        }
        let fb = get(b);
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

/// A [`Memo`] has 2^MEMO_BITS slots.
const MEMO_BITS: u32 = 10;
const MEMO_SLOTS: usize = 1 << MEMO_BITS;

/// The name lexicon with the flag masks of the strings of up to [`PACK_MAX3`] code points looked up last
/// remembered, in a direct-mapped table keyed by the packed string itself ([`pack3`]): the rules look the
/// same short strings up again and again (each prefix of a kanji run by several rules, the surnames of a
/// document in every line), and a remembered mask costs a multiply and one comparison instead of a
/// probe of the lexicon's large table. The key is the whole string, so an entry stays true for any
/// document: a thread keeps its memo from one document to the next.
pub struct Memo {
    lex: &'static NameLexicon,
    /// (packed string, flag mask); `EMPTY_SLOT` marks a slot never filled (no packed string equals it: a
    /// packed string uses 63 bits).
    slots: Box<[std::cell::Cell<(u64, u16)>; MEMO_SLOTS]>,
}

const EMPTY_SLOT: u64 = u64::MAX;

impl Memo {
    pub fn new(lex: &'static NameLexicon) -> Self {
        Memo { lex, slots: Box::new(std::array::from_fn(|_| std::cell::Cell::new((EMPTY_SLOT, 0)))) }
    }

    /// Whether this memo reads `lex` (a memo is kept per thread, the lexicon is one per process).
    pub fn reads(&self, lex: &NameLexicon) -> bool {
        std::ptr::eq(self.lex, lex)
    }

    /// The flag mask of `s` (0 when not listed), as [`NameLexicon::get`].
    #[inline]
    pub fn get(&self, s: &[char]) -> u16 {
        if s.len() > PACK_MAX3 {
            return self.lex.get(s);
        }
        let key = pack3(s);
        // Fibonacci hashing: the top bits of the product pick one of the MEMO_SLOTS = 2^10 slots
        let slot = &self.slots[(key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - MEMO_BITS)) as usize];
        let (k, f) = slot.get();
        if k == key {
            return f;
        }
        let f = self.lex.get(s);
        slot.set((key, f));
        f
    }

    name_flag_accessors!();

    /// As [`NameLexicon::flags_str`].
    pub fn flags_str(&self, s: &str) -> &str {
        self.lex.flags_str(s)
    }
}

/// The old and variant kanji [`old_form`] maps.
pub const OLD_FORMS: &str = "髙﨑嵜邉邊濵濱齋齊德櫻澤廣國嶋嶌冨桒栁槗瀨眞惠淺實豐龜榮藪";

/// `c` in its common form when it is one of [`OLD_FORMS`] (髙 → 高), else `c`: the rules read names written
/// with old kanji (髙橋, 山﨑, 渡邉) through a copy of the text in common forms, of the same length.
pub fn common_form(c: char) -> char {
    old_form(c).unwrap_or(c)
}

/// The common form of an old or variant kanji seen in family names.
fn old_form(c: char) -> Option<char> {
    Some(match c {
        '髙' => '高',
        '﨑' | '嵜' => '崎',
        '邉' | '邊' => '辺',
        '濵' | '濱' => '浜',
        '齋' => '斎',
        '齊' => '斉',
        '德' => '徳',
        '櫻' => '桜',
        '澤' => '沢',
        '廣' => '広',
        '國' => '国',
        '嶋' | '嶌' => '島',
        '冨' => '富',
        '桒' => '桑',
        '栁' => '柳',
        '槗' => '橋',
        '瀨' => '瀬',
        '眞' => '真',
        '惠' => '恵',
        '淺' => '浅',
        '實' => '実',
        '豐' => '豊',
        '龜' => '亀',
        '榮' => '栄',
        '藪' => '薮',
        _ => return None,
    })
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

    #[test]
    fn the_memo_answers_as_the_lexicon() {
        let lex = name_lexicon();
        let memo = Memo::new(lex);
        for _ in 0..2 {
            for w in ["山田", "太郎", "山", "株式会社", "", "佐々木花子", "ヤマダ", "会議", "田"] {
                let w = c(w);
                assert_eq!(memo.get(&w), lex.get(&w), "{w:?}");
                assert_eq!(memo.split_full(&w), lex.split_full(&w), "{w:?}");
            }
        }
    }
}
