//! A name followed by its reading in brackets, written in two words of kana: `リーダー：髙橋　信之（たかはし
//! のぶゆき）`, `外間颯真（ほかま そうま）さん`, `小泉 伊佐男（こいずみ いさお）さん`.
//!
//! Forms, staff lists and introductions give a name's reading after it, in hiragana or katakana, surname and
//! given name apart. Such a bracket (two kana words, each of one to twelve characters, the first of two or
//! more) says that the kanji before it is a name: the kanji is read by [`Ctx::name_at`] as after a strong
//! label (a listed surname and a given name, or a surname and one to three kanji), starting after a
//! non-kanji character, and must end right at the bracket; the reading itself is a name too where a form
//! or a list puts it (the bracket closes the line, or a space or an honorific follows; in prose,
//! `山田太郎（やまだ たろう）は、`, the reading is not labelled). A name that another rule found already gets
//! its reading the same way.
//!
//! Invariant: each `(` of the text is looked at once, and the name before it is searched over at most
//! nine characters.

use super::chars::{is_hira, is_kanji, is_kata, one_of, FxSet};
use super::patterns::{hira_paren, kana_paren};
use super::tables::F_OPEN;
use super::{honorific_at, Ctx};

/// The span inside the bracket at `p` (or after one space) when it holds a reading of two kana words.
pub(crate) fn two_word_reading(t: &[char], p: usize) -> Option<(usize, usize)> {
    let (s, e) = hira_paren(t, p).or_else(|| kana_paren(t, p))?;
    let sp = (s..e).find(|&k| t[k] == ' ')?;
    (sp - s >= 2 && !t[s..e].iter().any(|&c| c == 'ー' && !is_kata(t[s]))).then_some((s, e))
}

impl Ctx<'_, '_> {
    /// The first `(` from `from` (`self.find_char('(', from, n)`), found by the [`F_OPEN`] flag that `(`
    /// shares with `[` and `【`: cheaper than `memchr` and the byte-to-code-point step per bracket.
    pub(crate) fn next_paren(&self, mut from: usize) -> Option<usize> {
        loop {
            let q = self.next_flag(from, F_OPEN);
            if q >= self.n {
                return None;
            }
            if self.t[q] == '(' {
                return Some(q);
            }
            from = q + 1;
        }
    }

    /// Adds the names standing before a two-word kana reading in brackets, and the readings.
    #[inline(never)]
    pub(crate) fn bracket_readings(&mut self) {
        let t = self.t;
        let mut add: Vec<(usize, usize, f64)> = Vec::new();
        let mut ends: Option<FxSet<usize>> = None;
        let mut p = 0;
        while let Some(q) = self.next_paren(p) {
            p = q + 1;
            if q < 2 || !(is_kanji(t[q - 1]) || is_hira(t[q - 1]) || is_kata(t[q - 1])) {
                continue;
            }
            let Some((rs, re)) = two_word_reading(t, q) else {
                continue;
            };
            // the longest name ending at the bracket, starting after a character that is no kanji
            let lo = q.saturating_sub(9);
            let name = (lo..q - 1)
                .filter(|&a| is_kanji(t[a]) && (a == 0 || !(is_kanji(t[a - 1]) || is_kata(t[a - 1]))))
                .find_map(|a| self.name_at(a, q, true, false).filter(|c| c.0 == a && c.1 == q))
                .or_else(|| self.spaced_kanji_before(q, rs, re));
            // in prose the reading is not labelled (山田太郎（やまだ たろう）は、…): only where a form or a list
            // puts it, closing the line or before a space, a cell border or an honorific
            let listed = match t.get(re + 1) {
                None => true,
                Some(&c) => one_of!(c, "\n \t|,") || honorific_at(t, re + 1).is_some(),
            };
            if let Some((s, e, score)) = name {
                add.push((s, e, score.min(0.85)));
                if listed {
                    add.push((rs, re, 0.85));
                }
            } else if listed && ends.get_or_insert_with(|| self.found_ends()).contains(&q) {
                add.push((rs, re, 0.85)); // 奥寺ハナ（おくでら はな）: a name another rule found
            }
        }
        for (s, e, score) in add {
            self.add(s, e, score);
        }
    }

    /// 飯干 蒼（いいぼし あお）: two words of kanji, a space between, ending at the bracket `q`, each no
    /// longer than its word of the reading `[rs, re)`, the first after a character that is no kanji or
    /// katakana and neither a word of an organisation, a unit or a title: a name no list holds.
    fn spaced_kanji_before(&self, q: usize, rs: usize, re: usize) -> Option<(usize, usize, f64)> {
        let t = self.t;
        let run = |e: usize, cap: usize| {
            let mut k = e;
            while k > 0 && e - k < cap && is_kanji(t[k - 1]) {
                k -= 1;
            }
            k
        };
        // 栗駒 颯様（くりこま はやて）: the honorific is not part of the name
        let q = if q > 0 && matches!(t[q - 1], '様' | '殿') { q - 1 } else { q };
        let g = run(q, 4);
        if g == q || q - g > 3 || g < 2 || t[g - 1] != ' ' {
            return None;
        }
        let s = run(g - 1, 5);
        let (sur, given) = (&t[s..g - 1], &t[g..q]);
        if sur.is_empty() || sur.len() > 4 || (s > 0 && (is_kanji(t[s - 1]) || is_kata(t[s - 1]))) {
            return None;
        }
        let sp = (rs..re).find(|&k| t[k] == ' ')?;
        let (tb, lex) = (self.tb, self.lex);
        let word = |w: &[char]| {
            tb.not_names.contains(w)
                || tb.titles.suffix_start(w).is_some()
                || tb.org_words.occurs_in(w)
                || one_of!(w[w.len() - 1], "部課室係班店社所局院")
                || (lex.common(w) && !lex.surname(w) && !lex.given(w))
        };
        let fits = sur.len() <= sp - rs && given.len() < re - sp;
        (fits && !word(sur) && !word(given)).then_some((s, q, 0.8))
    }

    /// The ends of the names found so far with a score of 0.6 or more.
    fn found_ends(&self) -> FxSet<usize> {
        self.found.items.iter().filter(|x| x.1 >= 0.6).map(|x| x.0 .1).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::two_word_reading;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn unlisted_names_before_their_reading() {
        use super::super::tests::names;
        assert_eq!(names("▼栗駒 颯（くりこま はやて）さん\n"), ["栗駒 颯", "くりこま はやて"]);
        assert_eq!(names("〒100-0001 栗駒 颯様（くりこま はやて）\n")[0], "栗駒 颯");
        // a unit or an organisation before the bracket, a word longer than its reading: no name
        assert!(names("営業部 第二課（えいぎょう だいに）\n").is_empty());
        assert!(names("▼東京本社 営業部（とうきょう ほんしゃ）\n").is_empty());
    }

    #[test]
    fn readings_of_two_words() {
        assert_eq!(two_word_reading(&c("(たかはし のぶゆき)"), 0), Some((1, 10)));
        assert_eq!(two_word_reading(&c("(ヤマダ タロウ)"), 0), Some((1, 8)));
        // one word, or a one-character first word (a particle): not a reading of a full name
        assert_eq!(two_word_reading(&c("(やまだ)"), 0), None);
        assert_eq!(two_word_reading(&c("(の ため)"), 0), None);
    }
}
