//! A full name standing as a unit without a cue: a listed surname, one space, a listed given name
//! (`人事課 関口 朋美 027-…`, `代表取締役社長　東雲 正嗣　㊞`, `　└ 千葉 聡　090-…`, `13:30〜　千葉 聡、…`,
//! `A→鏑木 誠一→…`).
//!
//! Rosters, trees, schedules, signatures and exports write names with a space between the two parts and
//! nothing around them; a pair of a surname and a given name both in the lexicon is rare outside a name
//! (a place or a word is seldom followed by a space and a given name). The pair must stand alone: before
//! it the line's start, a space, a punctuation mark, a bracket, an arrow or a rule or tree character;
//! after it the same, or an honorific. Not a pair: a surname that goes on a longer kanji word to its left
//! (`営業本部 …`), a given name that is a title, a unit, a word of time, or a common word only
//! ([`Ctx::given_ending`]'s refusals); two single kanji that are common words (`本 文`); letter-spaced text
//! (`有 限 会 社`); a given name that is also a common word of two kanji, followed by one space and another
//! word or a count (`大橋 工事 予定`, `大橋 工事 3日`). A given name in katakana must be listed as one (`ハル`, not `ロジ`); one in
//! hiragana listed, or of three kana or more and no common word.
//!
//! A surname written with ノ between its kanji (`井ノ口`, `一ノ瀬`) is read as the surname without it
//! (`井口`, `一瀬`) when only that form is listed.
//!
//! Invariant: one pass over the bytes (`memchr` for the spaces); each space is read at most once, over at most 5 code points
//! each side; spans already found (score 0.5 or more) are left to their rule.

use super::chars::{is_hira, is_kanji, is_kata, one_of};
use super::lexicon::{COMMON, FOREIGN, GIV, GIV_KANA, SUR};
use super::patterns::run_len;
use super::Ctx;

/// The longest surname read, in code points.
const SUR_MAX: usize = 5;

/// A character that may stand right before a name written as a unit.
fn opens(c: char) -> bool {
    one_of!(c, " \t\n、,・:;()[]「」『』【】<>|/→←⇔~*#\"'※•◆◇■□○●△▲×") || ('\u{2500}'..='\u{257f}').contains(&c)
}

/// A character that may stand right after one (an honorific is checked apart).
fn closes(c: char) -> bool {
    one_of!(c, " \t\n、。,・:;()[]「」『』【】<>|/→←⇔~\"'")
}

/// The end of a name written as a unit: a closing character, the text's end or an honorific.
fn ends(t: &[char], e: usize) -> bool {
    t.get(e).is_none_or(|&c| closes(c) || super::honorific_at(t, e).is_some())
}

/// A kanji or a kana: what letter-spaced text spaces out.
fn letter(c: char) -> bool {
    is_kanji(c) || is_kata(c) || is_hira(c)
}

impl Ctx<'_, '_> {
    /// The flags of the surname `s` as listed, or of `s` without a ノ between two kanji (`井ノ口` → `井口`).
    pub(crate) fn surname_flags(&self, s: &[char]) -> u16 {
        let f = self.lex.get(s);
        if f & SUR != 0 || s.len() < 3 {
            return f;
        }
        let inner = &s[1..s.len() - 1];
        if !inner.contains(&'ノ') {
            return f;
        }
        let plain: Vec<char> = s.iter().copied().filter(|&c| c != 'ノ').collect();
        self.lex.get(&plain) & (SUR | COMMON)
    }

    /// Adds the full names `surname given` standing as a unit.
    #[inline(never)]
    pub(crate) fn pair_names(&mut self) {
        let t = self.t;
        let n = self.n;
        if n < 4 {
            return;
        }
        // the spans found so far that will be kept, sorted: a pair overlapping one is left to its rule
        let mut taken: Vec<(usize, usize)> = self.found.items.iter().filter(|x| x.1 >= 0.5).map(|x| x.0).collect();
        taken.sort_unstable();
        let mut add: Vec<(usize, usize)> = Vec::new();
        let norm = &self.doc.norm;
        let bytes = norm.s.as_bytes();
        for b in memchr::memchr_iter(b' ', bytes) {
            // cheapest first, on the bytes: a kanji ends right before the space (three bytes led by E3 to
            // E9) and a kanji or a kana starts right after it
            if b < 3
                || !(0xE3..=0xE9).contains(&bytes[b - 3])
                || !bytes.get(b + 1).is_some_and(|x| (0xE3..=0xE9).contains(x))
            {
                continue;
            }
            let p = norm.char_index(b);
            if p == 0 || p + 1 >= n || !is_kanji(t[p - 1]) || add.last().is_some_and(|&(_, x)| x > p) {
                continue;
            }
            // the surname's last kanji inside a span found: the pair would overlap it
            let i = taken.partition_point(|&(s, _)| s < p);
            if taken[..i].iter().rev().take(8).any(|&(_, x)| x >= p) {
                continue;
            }
            let Some((a, e)) = self.pair_at(p) else { continue };
            let i = taken.partition_point(|&(s, _)| s < e);
            if taken[..i].iter().rev().take(8).any(|&(s, x)| s < e && a < x) {
                continue;
            }
            if add.last().is_some_and(|&(_, x)| x > a) {
                continue;
            }
            add.push((a, e));
        }
        for (s, e) in add {
            self.add(s, e, 0.75);
        }
    }

    /// The full name around the space at `p` (a kanji before it), if the two sides read as one.
    fn pair_at(&self, p: usize) -> Option<(usize, usize)> {
        let t = self.t;
        // the surname: kanji (a ノ between two) back from the space
        let mut a = p;
        while a > 0 && p - a <= SUR_MAX {
            let c = t[a - 1];
            if is_kanji(c) || (c == 'ノ' && a >= 2 && a < p && is_kanji(t[a - 2])) {
                a -= 1;
            } else {
                break;
            }
        }
        if p - a > SUR_MAX || (a > 0 && !opens(t[a - 1])) {
            return None;
        }
        // letter-spaced text: one character between spaces before the surname
        if a >= 3 && t[a - 1] == ' ' && letter(t[a - 2]) && t[a - 3] == ' ' {
            return None;
        }
        let sur = &t[a..p];
        let fs = self.surname_flags(sur);
        if fs & SUR == 0 || self.tb.titles.suffix_start(sur).is_some() {
            return None;
        }
        // a kanji given name is listed (the cheap test before the refusals of `given_ending`)
        if is_kanji(t[p + 1]) {
            let gl = run_len(t, p + 1, self.n, 4, is_kanji);
            if gl > 3 || self.lex.get(&t[p + 1..p + 1 + gl]) & GIV == 0 {
                return None;
            }
        }
        let e = self.given_ending(p, ends)?;
        let giv = &t[p + 1..e];
        let fg = self.lex.get(giv);
        let ok = if is_kanji(giv[0]) {
            fg & GIV != 0 && !(sur.len() == 1 && giv.len() == 1 && (fs | fg) & COMMON != 0)
        } else if is_kata(giv[0]) {
            fg & (GIV | GIV_KANA | FOREIGN) != 0
        } else {
            is_hira(giv[0]) && (fg & GIV != 0 || (giv.len() >= 3 && fg & COMMON == 0))
        };
        if !ok {
            return None;
        }
        // a word after one space: letter-spaced text (one character between spaces), or a phrase of words
        // when the given name is also a common word of two kanji or more (`大橋 工事 予定`)
        if t.get(e) == Some(&' ') && t.get(e + 1).is_some_and(|&x| letter(x)) && t.get(e + 2) == Some(&' ') {
            return None;
        }
        if giv.len() >= 2 && is_kanji(giv[0]) && fg & COMMON != 0 && t.get(e) == Some(&' ') {
            // the next word, past a number (`3日`)
            let d = t[e + 1..].iter().take(6).take_while(|c| c.is_ascii_digit()).count();
            if t.get(e + 1 + d).is_some_and(|&x| letter(x)) {
                return None;
            }
        }
        Some((a, e))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn a_pair_standing_alone() {
        assert_eq!(names("連絡は経理課 石川 陽子 03-1111-2222\n"), ["石川 陽子"]);
        assert_eq!(names("緊急連絡網\n　├ 森下 健太　090-1111-2222\n　└ 石川 さくら\n"), ["森下 健太", "石川 さくら"]);
        assert_eq!(names("10:30〜　森下 健太、石川 陽子\n"), ["森下 健太", "石川 陽子"]);
        assert_eq!(names("A→森下 健太→大学友人\n"), ["森下 健太"]);
        assert_eq!(names("取締役社長　森下 健太　㊞\n"), ["森下 健太"]);
    }

    #[test]
    fn a_surname_written_with_no() {
        assert_eq!(names("出荷担当 井ノ口 健太\n"), ["井ノ口 健太"]);
    }

    #[test]
    fn no_pair_inside_words_or_letter_spacing() {
        // a kanji run going on to the left; a given name that is no given name; letter-spaced text
        assert!(names("東京本店 営業\n").is_empty());
        assert!(names("大阪 本社 の件\n").is_empty());
        assert!(names("有 限 会 社 山 田\n").is_empty());
        // a katakana word that is no given name; hiragana particles
        assert!(names("石川 ロジ 090-1111-2222\n").is_empty());
        assert!(names("詳細は総務 石川 まで\n").is_empty());
        // two single kanji that are common words
        assert!(names("目次→本 文→付録\n").is_empty());
        // a given name that is also a common word, followed by another word
        assert!(names("大橋 工事 予定\n大橋 工事 3日\n").is_empty());
    }
}
