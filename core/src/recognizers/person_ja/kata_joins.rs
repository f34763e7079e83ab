//! Katakana names written as words apart: a foreign resident's name (`ペレイラ ルーカス`, `シルバ チアゴ`,
//! `サイトウ ファビオ ケンジ`) or a kanji surname with a katakana given name (`鷲尾 クララ`, `高橋 ブルーノ 健`),
//! whose words the rules found one by one. A found katakana word is joined with the words beside it across
//! one space (half or full width, the same all through the name) when each is a found name or a katakana word
//! listed as a name's part, and with a listed kanji surname just before it or after it; the joined span
//! then stands for its parts. A word already in the name starts another one (`ペレイラ ジュリア ペレイラ
//! ルーカス`: two siblings in one cell), and a name holds four words at most.

use super::chars::{is_kanji, is_kata, is_kata_letter};
use super::lexicon::{COMMON, FOREIGN, GIV_KANA, OTHER, PLACE, SUR, SUR_KANA};
use super::Ctx;

/// Words of the longest name joined.
const MAX_WORDS: usize = 4;

impl Ctx<'_, '_> {
    /// Joins the katakana words of one name found apart (see the module header).
    #[inline(never)]
    pub(crate) fn join_kata_names(&mut self) {
        let t = self.t;
        let mut add: Vec<(usize, usize, f64)> = Vec::new();
        // the starts of the katakana words found as names
        let mut starts: Vec<usize> = Vec::new();
        for &((s, e), _) in &self.found.items {
            if t[s..e].iter().all(|&c| is_kata(c)) && is_kata_letter(t[s]) {
                starts.push(s);
            }
        }
        if starts.is_empty() {
            return;
        }
        starts.sort_unstable();
        for &((s, e), score) in &self.found.items {
            if !(t[s..e].iter().all(|&c| is_kata(c)) && is_kata_letter(t[s])) {
                continue;
            }
            // not the middle of a name already read as a longer run
            if s > 0 && (is_kata(t[s - 1]) || t[s - 1] == '・') || e < self.n && (is_kata(t[e]) || t[e] == '・') {
                continue;
            }
            let mut words: Vec<(usize, usize)> = vec![(s, e)];
            let mut sep: Option<char> = None;
            // to the right
            while words.len() < MAX_WORDS {
                let last = words[words.len() - 1].1;
                let Some((a, b)) = self.kata_word_right(last, sep) else { break };
                // a Vietnamese middle name (ヴァン, ティ) and the given name after it, listed or not
                let after_middle = words.len() >= 2 && is_middle(&t[words[words.len() - 1].0..last]);
                let middle = is_middle(&t[a..b]);
                if !(middle || after_middle || self.joinable(a, b, &starts))
                    || words.iter().any(|&(x, y)| t[x..y] == t[a..b])
                {
                    break;
                }
                sep = Some(t[last]);
                words.push((a, b));
            }
            // to the left
            while words.len() < MAX_WORDS {
                let first = words[0].0;
                let Some((a, b)) = self.kata_word_left(first, sep) else { break };
                if !self.joinable(a, b, &starts) || words.iter().any(|&(x, y)| t[x..y] == t[a..b]) {
                    break;
                }
                sep = Some(t[b]);
                words.insert(0, (a, b));
            }
            let (mut js, mut je) = (words[0].0, words[words.len() - 1].1);
            // a listed kanji surname before the first word or after the last
            if words.len() < MAX_WORDS {
                if let Some(l) = self.kanji_surname_left(js, sep) {
                    js = l;
                } else if let Some(r) = self.kanji_surname_right(je, sep) {
                    je = r;
                }
            }
            if (js, je) != (s, e) {
                add.push((js, je, score));
            }
        }
        for (s, e, score) in add {
            self.add(s, e, score);
        }
    }

    /// A found katakana word, or one listed as a name's part and as no ordinary word or place.
    fn joinable(&self, a: usize, b: usize, starts: &[usize]) -> bool {
        if starts.binary_search(&a).is_ok() {
            return true;
        }
        let f = self.lex.get(&self.t[a..b]);
        b - a >= 2 && f & (FOREIGN | SUR_KANA | GIV_KANA) != 0 && f & (COMMON | PLACE | OTHER) == 0
    }

    /// The katakana word after the separator at `e` (one space, `sep` when set), ending the run.
    fn kata_word_right(&self, e: usize, sep: Option<char>) -> Option<(usize, usize)> {
        let t = self.t;
        let c = *t.get(e)?;
        if !is_sep(c) || sep.is_some_and(|x| x != c) || !t.get(e + 1).is_some_and(|&c| is_kata_letter(c)) {
            return None;
        }
        let b = e + 1 + t[e + 1..].iter().take_while(|&&c| is_kata(c)).count();
        if b < self.n && (t[b] == '・' || t[b].is_alphanumeric() && !is_sep(t[b]) && !is_kanji(t[b]) && !is_hira(t[b]))
        {
            return None;
        }
        Some((e + 1, b))
    }

    /// The katakana word before the separator at `s - 1`, starting its run.
    fn kata_word_left(&self, s: usize, sep: Option<char>) -> Option<(usize, usize)> {
        let t = self.t;
        if s < 2 || !is_sep(t[s - 1]) || sep.is_some_and(|x| x != t[s - 1]) || !is_kata(t[s - 2]) {
            return None;
        }
        let mut a = s - 1;
        while a > 0 && is_kata(t[a - 1]) {
            a -= 1;
        }
        if !is_kata_letter(t[a]) || a > 0 && (t[a - 1] == '・' || t[a - 1].is_alphanumeric() && !is_kanji(t[a - 1])) {
            return None;
        }
        // a word run on from kanji or kana before it is part of another word
        if a > 0 && (is_kanji(t[a - 1]) || is_hira(t[a - 1])) {
            return None;
        }
        Some((a, s - 1))
    }

    /// The start of a listed kanji surname (one to three kanji, a whole run) one separator before `s`.
    fn kanji_surname_left(&self, s: usize, sep: Option<char>) -> Option<usize> {
        let t = self.t;
        if s < 2 || !is_sep(t[s - 1]) || sep.is_some_and(|x| x != t[s - 1]) || !is_kanji(t[s - 2]) {
            return None;
        }
        let mut l = s - 1;
        while l > 0 && is_kanji(t[l - 1]) && !is_kata(t[l - 1]) {
            l -= 1;
        }
        ((1..=3).contains(&(s - 1 - l)) && self.plain_surname(l, s - 1)).then_some(l)
    }

    /// The end of a listed kanji surname (one to three kanji, a whole run) one separator after `e`.
    fn kanji_surname_right(&self, e: usize, sep: Option<char>) -> Option<usize> {
        let t = self.t;
        let c = *t.get(e)?;
        if !is_sep(c) || sep.is_some_and(|x| x != c) || !t.get(e + 1).is_some_and(|&c| is_kanji(c) && !is_kata(c)) {
            return None;
        }
        let mut r = e + 1;
        while r < self.n && is_kanji(t[r]) && !is_kata(t[r]) {
            r += 1;
        }
        ((1..=3).contains(&(r - e - 1)) && self.plain_surname(e + 1, r)).then_some(r)
    }

    /// Listed as a surname (also when it is a place or a word too: 東 キミ, 原田 トシエ; the katakana word beside
    /// it was found as a name).
    fn plain_surname(&self, s: usize, e: usize) -> bool {
        self.lex.get(&self.t[s..e]) & SUR != 0
    }
}

/// Vietnamese middle names in katakana (Văn, Thị, Đức, Minh, Hữu, Ngọc, Xuân, Quang, Thanh): between a
/// surname and a given name.
const MIDDLE: &[&str] =
    &["ヴァン", "ヴアン", "バン", "ティ", "ティー", "ドゥック", "ミン", "フウ", "ゴック", "スアン", "クアン", "タイン"];

fn is_middle(w: &[char]) -> bool {
    MIDDLE.iter().any(|m| m.chars().eq(w.iter().copied()))
}

fn is_sep(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

fn is_hira(c: char) -> bool {
    super::chars::is_hira(c)
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn katakana_words_of_one_name() {
        assert_eq!(names("13:00 ペレイラ ルーカス（38）相談\n"), ["ペレイラ ルーカス"]);
        assert_eq!(names("受付\u{3000}ガルシア\u{3000}マテオ\u{3000}\u{3000}3番\n"), ["ガルシア\u{3000}マテオ"]);
        // a Vietnamese middle name and the given name after it
        assert_eq!(names("緊急連絡先：グエン ヴァン ホア（友人）\n"), ["グエン ヴァン ホア"]);
    }

    #[test]
    fn a_kanji_surname_beside_a_katakana_given_name() {
        assert_eq!(names("9:30\u{3000}鷲見 クララ\u{3000}\u{3000}体験\n"), ["鷲見 クララ"]);
    }

    #[test]
    fn a_repeated_word_starts_another_name() {
        let got = names("児童 ペレイラ ダニエル ペレイラ ルーカス 準要保護\n");
        assert!(!got.iter().any(|w| w.matches("ペレイラ").count() > 1), "{got:?}");
    }
}
