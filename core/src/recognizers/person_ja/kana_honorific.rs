//! A name written in hiragana before an honorific: `はるかさん`, `そうまくん`, `ひなちゃん`, `いしだ さま`,
//! `よしの たけるさん`.
//!
//! Children, chat display names and colleagues called by their given name are written in hiragana; the
//! honorific after the run is the cue, and the run must read as a name: its katakana form is listed as the
//! reading of a surname or a given name and is no common word (`みなさん`, `おじさん`, `あかちゃん` read
//! nothing). One particle before the name in the same run (`スタッフのはるかさん`, `ゆいとはるかさん`) is
//! left out; a full name is two such runs with a space between.

use super::chars::{is_hira, is_kanji, is_kata, one_of};
use super::lexicon::{COMMON, GIV_KANA, SUR_KANA};
use super::tables::F_HON;
use super::Ctx;

/// The katakana form of a hiragana run (ぁ-ゖ shift by 0x60).
fn to_kata(s: &[char]) -> Vec<char> {
    s.iter().map(|&c| if is_hira(c) && c != 'ー' { char::from_u32(c as u32 + 0x60).unwrap_or(c) } else { c }).collect()
}

impl Ctx<'_, '_> {
    /// The hiragana run `s` reads as one part of a name: a listed reading that is no common word.
    fn kana_name_part(&self, s: &[char]) -> bool {
        if !(2..=6).contains(&s.len()) {
            return false;
        }
        let f = self.lex.get(&to_kata(s));
        f & (SUR_KANA | GIV_KANA) != 0 && f & COMMON == 0
    }

    /// The start of the hiragana run ending at `e` (at most 8 back).
    fn hira_run_start(&self, e: usize) -> usize {
        let t = self.t;
        let mut s = e;
        while s > 0 && e - s < 8 && is_hira(t[s - 1]) && t[s - 1] != 'ー' {
            s -= 1;
        }
        s
    }

    /// Adds the hiragana names standing right before さん, くん, ちゃん, さま or 様.
    #[inline(never)]
    pub(crate) fn kana_honorifics(&mut self) {
        let t = self.t;
        let n = self.n;
        let mut add: Vec<(usize, usize, f64)> = Vec::new();
        let mut i = self.next_flag(0, F_HON);
        while i < n {
            let here = i;
            i = self.next_flag(i + 1, F_HON);
            if !matches!(t[here], 'さ' | 'く' | 'ち' | '様') || super::honorific_at(t, here).is_none() {
                continue;
            }
            // ごご さんじ: a name in kana is written right against its honorific (様 may stand apart)
            let p = if here > 0 && t[here - 1] == ' ' && t[here] == '様' { here - 1 } else { here };
            let s = self.hira_run_start(p);
            if s == p || s + 8 <= p {
                continue;
            }
            // 様 / さま also end words (様子, あからさま): only after a run standing alone
            let sama = matches!(t[here], '様') || t.get(here + 1) == Some(&'ま');
            let mut name = s;
            if !self.kana_name_part(&t[s..p]) {
                // one particle before the name inside the run
                if !sama
                    && p - s >= 3
                    && matches!(t[s], 'の' | 'と' | 'や' | 'は' | 'も')
                    && self.kana_name_part(&t[s + 1..p])
                {
                    name = s + 1;
                } else {
                    continue;
                }
            }
            // a surname in hiragana and a space before the given name: a full name
            if name == s && s >= 3 && t[s - 1] == ' ' {
                let fs = self.hira_run_start(s - 1);
                if fs < s - 1 && (fs == 0 || !is_hira(t[fs - 1])) && self.kana_name_part(&t[fs..s - 1]) {
                    add.push((fs, p, 0.8));
                    continue;
                }
            }
            // 米須 ちあき様: a surname of two or three kanji no list holds, a space, the given name
            if name == s && s >= 3 && t[s - 1] == ' ' && is_kanji(t[s - 2]) {
                let mut k = s - 1;
                while k > 0 && s - 1 - k < 4 && is_kanji(t[k - 1]) {
                    k -= 1;
                }
                let sur = &t[k..s - 1];
                let alone = k == 0 || !(is_kanji(t[k - 1]) || is_kata(t[k - 1]) || is_hira(t[k - 1]));
                if alone
                    && (2..=3).contains(&sur.len())
                    && !self.lex.common(sur)
                    && !self.tb.not_names.contains(sur)
                    && self.tb.titles.suffix_start(sur).is_none()
                    && !self.tb.org_words.occurs_in(sur)
                    && !one_of!(sur[sur.len() - 1], "部課室係班店社所局院")
                {
                    add.push((k, p, 0.75));
                    continue;
                }
                if self.lex.surname(sur) {
                    continue; // 峰 あかり様: a listed surname and its given name, read by the rules of full names
                }
            }
            // 渡さない様に: kana after a kanji in one run is an ending, not a name
            if name == s && s > 0 && is_kanji(t[s - 1]) {
                continue;
            }
            if sama && s > 0 && is_hira(t[s - 1]) {
                continue;
            }
            add.push((name, p, 0.7));
        }
        for (s, e, score) in add {
            self.add(s, e, score);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn a_hiragana_name_before_an_honorific() {
        assert_eq!(names("発表会では、はるかさんが司会をしました。\n"), ["はるか"]);
        assert_eq!(names("受付のゆうとさんに渡してください。\n"), ["ゆうと"]);
        assert_eq!(names("・よしだ けんたくん（年長）\n"), ["よしだ けんた"]);
    }

    #[test]
    fn words_before_an_honorific_are_no_names() {
        assert!(names("みなさん、おはようございます。\n").is_empty());
        assert!(names("おじさんとおばさんが来た。あかちゃんも一緒。\n").is_empty());
        assert!(names("お客さんが多い。おかあさんに聞いた。\n").is_empty());
        assert!(names("営業会議（ごご さんじ）\n").is_empty());
        // 様 / さま ending a word or a verb
        assert!(names("という様子だった。渡さない様に。露骨なあからさまな態度。\n").is_empty());
    }

    #[test]
    fn an_unlisted_surname_before_a_hiragana_given_name() {
        assert_eq!(names("宛先：〒100-0001 / 栗須 ゆうと 様\n"), ["栗須 ゆうと"]);
        // a kinship word or a title before it is no surname
        assert_eq!(names("母 ゆうとさん\n"), ["ゆうと"]);
    }
}
