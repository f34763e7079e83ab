//! The character features of a segment straight to the model's attribute ids.
//!
//! [`super::build`] writes thirteen character features per character (`c=X`, `c-1=X` … `b++=XY`, `tt=KHT` …),
//! each a key built in a buffer and hashed against the model's attribute dictionary. Every one of them is a
//! function of one character, one pair of neighbouring characters or three character types, so the ids can be
//! read from tables made once per model: one look-up per character and one per pair give the ids of all the
//! features that character or pair takes part in (five and four), and the types index an array.
//!
//! Invariant: for a segment without NUL (CRFsuite cuts keys at a NUL; such segments take the key path), the ids
//! emitted for each row, and their order, are exactly those the key path emits (`cargo test`
//! `char_ids_equal_the_keys`, with the shipped model).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::crf::{FxHasher, Model};

/// No attribute: the model has no such feature, so it is left out (as an unknown key is).
const NONE: u32 = u32::MAX;

/// The prefixes of the features of one character, in [`CharIds::single`]'s order.
const SINGLE: [&str; 5] = ["c=", "c-1=", "c+1=", "c-2=", "c+2="];
/// The prefixes of the features of a pair of characters, in [`CharIds::pair`]'s order.
const PAIR: [&str; 4] = ["b-=", "b+=", "b--=", "b++="];
/// The prefixes of the features of three types, in [`CharIds::types3`]'s order.
const TRIPLE: [&str; 3] = ["tt=", "tt-=", "tt+="];
/// The character types of [`super::char_type`] and the padding's `^` and `$`.
const TYPES: &[u8; 9] = b"KHTADSY^$";

type Map<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The attribute ids of the character features of one model.
pub struct CharIds {
    single: Map<char, [u32; 5]>,
    pair: Map<u64, [u32; 4]>,
    /// `t=` by type index.
    types1: [u32; 9],
    /// `tt=`, `tt-=`, `tt+=` by `81 a + 9 b + c` of the three type indexes.
    types3: Vec<[u32; 3]>,
    bos: u32,
    eos: u32,
}

fn type_index(t: u8) -> Option<usize> {
    TYPES.iter().position(|&x| x == t)
}

fn pair_key(a: char, b: char) -> u64 {
    ((a as u64) << 32) | b as u64
}

/// The one character `s` is, if it is exactly one.
fn one_char(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

fn two_chars(s: &str) -> Option<(char, char)> {
    let mut it = s.chars();
    let (a, b) = (it.next()?, it.next()?);
    it.next().is_none().then_some((a, b))
}

impl CharIds {
    /// The tables of `model`'s character features (attributes of other shapes are ignored).
    pub fn new(model: &Model) -> CharIds {
        let mut ids = CharIds {
            single: Map::default(),
            pair: Map::default(),
            types1: [NONE; 9],
            types3: vec![[NONE; 3]; 9 * 9 * 9],
            bos: NONE,
            eos: NONE,
        };
        for (key, id) in model.attributes() {
            let Ok(key) = std::str::from_utf8(key) else { continue };
            match key {
                "BOS" => ids.bos = id,
                "EOS" => ids.eos = id,
                _ => ids.add(key, id),
            }
        }
        ids
    }

    fn add(&mut self, key: &str, id: u32) {
        for (slot, p) in SINGLE.iter().enumerate() {
            if let Some(c) = key.strip_prefix(p).and_then(one_char) {
                self.single.entry(c).or_insert([NONE; 5])[slot] = id;
                return;
            }
        }
        for (slot, p) in PAIR.iter().enumerate() {
            if let Some((a, b)) = key.strip_prefix(p).and_then(two_chars) {
                self.pair.entry(pair_key(a, b)).or_insert([NONE; 4])[slot] = id;
                return;
            }
        }
        if let Some(rest) = key.strip_prefix("t=") {
            if let [t] = rest.as_bytes() {
                if let Some(i) = type_index(*t) {
                    self.types1[i] = id;
                }
            }
            return;
        }
        for (slot, p) in TRIPLE.iter().enumerate() {
            if let Some([a, b, c]) = key.strip_prefix(p).map(str::as_bytes) {
                if let (Some(a), Some(b), Some(c)) = (type_index(*a), type_index(*b), type_index(*c)) {
                    self.types3[81 * a + 9 * b + c][slot] = id;
                }
                return;
            }
        }
    }

    /// Emits the character features of every row of a segment, in the key path's order: `padded` is the
    /// segment's characters with two `\x02` before and two `\x03` after, `types` their types (`^^` … `$$`).
    /// Returns false, emitting nothing, when a character is NUL (the key path then handles the segment).
    pub fn emit(&self, padded: &[char], types: &[u8], mut emit: impl FnMut(usize, u32)) -> bool {
        if padded.len() < 4 || padded.len() != types.len() || padded.contains(&'\0') {
            return false;
        }
        let n = padded.len() - 4;
        let single: Vec<[u32; 5]> = padded.iter().map(|c| self.single.get(c).copied().unwrap_or([NONE; 5])).collect();
        let pair: Vec<[u32; 4]> =
            padded.windows(2).map(|w| self.pair.get(&pair_key(w[0], w[1])).copied().unwrap_or([NONE; 4])).collect();
        let ti: Vec<usize> = types.iter().map(|&t| type_index(t).unwrap_or(0)).collect();
        let mut put = |row: usize, id: u32| {
            if id != NONE {
                emit(row, id)
            }
        };
        for i in 0..n {
            let j = i + 2;
            put(i, single[j][0]);
            put(i, self.types1[ti[j]]);
            put(i, single[j - 1][1]);
            put(i, single[j + 1][2]);
            put(i, single[j - 2][3]);
            put(i, single[j + 2][4]);
            put(i, pair[j - 1][0]);
            put(i, pair[j][1]);
            put(i, pair[j - 2][2]);
            put(i, pair[j + 1][3]);
            put(i, self.types3[81 * ti[j - 1] + 9 * ti[j] + ti[j + 1]][0]);
            put(i, self.types3[81 * ti[j - 2] + 9 * ti[j - 1] + ti[j]][1]);
            put(i, self.types3[81 * ti[j] + 9 * ti[j + 1] + ti[j + 2]][2]);
            if i == 0 {
                put(0, self.bos);
            }
            if i == n - 1 {
                put(i, self.eos);
            }
        }
        true
    }
}
