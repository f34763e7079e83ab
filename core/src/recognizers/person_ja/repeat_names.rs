//! A name in Latin letters or kana found once by a cue is a name wherever else the document writes it:
//! `19:02⇥Yukari🌷⇥…` makes `[LINE] Yukari🌷とのトーク履歴` a name, `User: くぼた みのる` makes
//! `くぼた みのる様` one. (Kanji surnames are [`Ctx::repeat_surnames`]'s.)
//!
//! Only names found by a sure cue (score 0.75 or more; prose guesses are not repeated) of three code points or
//! more are repeated, and only where the text around them does not go on
//! in the same script (`Yukari` is not repeated inside `Yukarin`, `ミラー` not inside `ミラーレス`); a hiragana
//! name must hold a space (a full name), since a short hiragana word is more often a word than a name.

use super::chars::{is_hira, is_kata};
use super::tables::{F_HIRA, F_KATA, F_UPPER};
use super::Ctx;

/// At most this many distinct names are looked for again.
const MAX_NAMES: usize = 16;

impl Ctx<'_, '_> {
    /// Adds the other occurrences of the Latin and kana names found so far.
    #[inline(never)]
    pub(crate) fn repeat_names(&mut self) {
        let t = self.t;
        let n = self.n;
        let mut names: Vec<(usize, usize)> = Vec::new();
        for &((s, e), score) in &self.found.items {
            if score < 0.75 || e - s < 3 || e - s > 24 || names.iter().any(|&(a, b)| t[a..b] == t[s..e]) {
                continue;
            }
            let name = &t[s..e];
            let latin = name.iter().all(|&c| c.is_ascii_alphabetic() || c == ' ') && name[0].is_ascii_uppercase();
            let kata = name.iter().all(|&c| is_kata(c) || c == ' ' || c == '・') && is_kata(name[0]);
            let hira = name.iter().all(|&c| is_hira(c) || c == ' ') && name.contains(&' ') && is_hira(name[0]);
            if latin || kata || hira {
                names.push((s, e));
                if names.len() == MAX_NAMES {
                    break;
                }
            }
        }
        if names.is_empty() {
            return;
        }
        // the names' other places: each start of a run of their script (found by its flag), compared with the
        // names of that script; no search of the whole text per name
        let class = |c: char| -> u16 {
            if c.is_ascii_alphabetic() {
                F_UPPER
            } else if is_kata(c) {
                F_KATA
            } else if is_hira(c) {
                F_HIRA
            } else {
                0
            }
        };
        let mut add: Vec<(usize, usize)> = Vec::new();
        for bit in [F_UPPER, F_KATA, F_HIRA] {
            if !names.iter().any(|&(s, _)| class(t[s]) == bit) {
                continue;
            }
            let mut i = self.next_flag(0, bit);
            while i < n {
                // a run start (the rest of each run is stepped over below)
                if i == 0 || class(t[i - 1]) != bit {
                    for &(s, e) in names.iter().filter(|&&(s, _)| class(t[s]) == bit) {
                        let j = i + (e - s);
                        // a hiragana name may be followed by a particle; the others end where their script ends
                        if t.get(i..j) == Some(&t[s..e])
                            && !(bit != F_HIRA && t.get(j).is_some_and(|&c| class(c) == bit))
                            && !self.found.contains(i, j)
                        {
                            add.push((i, j));
                        }
                    }
                }
                // past the run of this script (capitals flag only the first letter of a Latin word)
                i += 1;
                while i < n && class(t[i]) == bit {
                    i += 1;
                }
                i = self.next_flag(i, bit);
            }
        }
        for (s, e) in add {
            self.add(s, e, 0.7);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn a_latin_or_kana_name_found_once_is_found_again() {
        let log = "Miho🍀とのトーク\n20:01\tMiho🍀\t了解\n20:03\tMiho🍀\tまたね\n";
        assert_eq!(names(log), ["Miho", "Miho", "Miho"]);
        // not inside a longer word of the same script
        let log = "Mihoko🍀とのトーク\n20:01\tMiho🍀\t了解\n20:03\tMiho🍀\tまたね\n";
        assert_eq!(names(log), ["Miho", "Miho"]);
    }
}
