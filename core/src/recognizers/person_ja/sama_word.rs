//! A name before 様 that a kanji word follows without a break: `帆足様承認待ち`, `沢渡様邸`,
//! `安河内様宅`, `柘植様訪問`, `近藤 早苗様所有`.
//!
//! The honorific pass reads no 様 followed by a kanji, as that is mostly a word (`様式`, `仕様書`,
//! `多様化`); in notes and ledgers, though, 様 is followed straight by the word it governs (宅, 邸,
//! 所有, 訪問, 承認). This rule reads those: 様 neither starts a word (`様式`, `様子`, `様相`, `様態`,
//! `様々`, `様変わり`) nor ends one with the kanji before it (`模様`, `一様`, `有様`, `文様` …), and the
//! name before it is read as the honorific pass reads one.

use super::chars::{is_kanji, one_of};
use super::Ctx;

/// Kanji after 様 that make one word with it.
const WORD_TAIL: &str = "式子相態々変";

/// Kanji before 様 that make one word with it (`模様`, `同様`, `仕様`, `多様`, `一様`, `有様`, `王様` …).
const WORD_HEAD: &str = "模同仕多異殿神皆奥客各貴一有左両別今文紋図外如王";

impl Ctx<'_, '_> {
    /// Reads the name before the honorific at `i` when it is a 様 that a kanji follows (called from the
    /// pass over honorifics of [`super::kata_honorific`], which visits every 様).
    pub(crate) fn sama_word_at(&mut self, i: usize) {
        let t = self.t;
        let he = i + 1;
        if t[i] != '様' || i == 0 || he >= self.n || !is_kanji(t[he]) {
            return;
        }
        if one_of!(t[he], WORD_TAIL) || one_of!(t[i - 1], WORD_HEAD) {
            return;
        }
        let hs = if t[i - 1] == ' ' { i - 1 } else { i };
        if hs == 0 || !is_kanji(t[hs - 1]) {
            return; // a name in kana before 様 is read by the kana rules
        }
        self.before_honorific(hs, he);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn a_name_before_sama_and_a_kanji_word() {
        assert_eq!(names("工事名：佐々岡様邸 新築工事\n"), ["佐々岡"]);
        assert_eq!(names("見積はオーナー鶴来様承認待ち。\n"), ["鶴来"]);
        assert_eq!(names("車両（大河原 早苗様所有、軽自動車）\n"), ["大河原 早苗"]);
    }

    #[test]
    fn words_with_sama_are_no_names() {
        assert!(names("バロック様式の建物。多様化する需要。仕様書を確認。\n").is_empty());
        assert!(names("模様替えと同様性。一様分布。生活様式の変化。\n").is_empty());
    }
}
