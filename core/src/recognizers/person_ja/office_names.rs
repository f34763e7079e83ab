//! A surname standing alone after the word of an office function or of a step of a record, with a space
//! or a colon between them: `総務 杉浦まで`, `受領 北条`, `確認：南雲）`, `入力：真柴`, `点呼担当：仙波 / 副`,
//! `経理課 仁井　承認`.
//!
//! Office papers sign a step with the surname of who did it (受付, 受領, 確認, 記入, 承認 …) and send a
//! reader to a person by the function they work in (総務, 経理, 人事 …); a compound ending in 担当 or in a
//! unit (部, 課, 室, 係, 班) works the same way. The surname must be listed and must end its cell: the line's
//! end, a tab, a run of spaces, a bracket or a separator (`/ ・ 、 → ,`), or まで / より / から / 宛 / 様.
//! So `確認 済`, `受付 時間`, `人事 異動`, `総務 部内` read nothing; a kanji of place or time that the lexicon
//! also lists as a surname (中, 前, 本 …) is never read alone, and a surname the lexicon marks as a place is
//! not read before 市, 駅, 店 … (the cell end excludes them).

use super::chars::{is_kanji, is_kata, one_of, Words};
use super::lexicon::{COMMON, SUR};
use super::Ctx;
use crate::document::LINE_LIMIT;

/// Office functions and steps of a record that sign with a surname.
const FUNCTIONS: &str = "担当 総務 経理 人事 購買 法務 広報 品証 品管 庶務 会計 書記 秘書 監査 資材 情シス \
受付 受領 受入 確認 記入 入力 作成 承認 決裁 起票 検収 手配 点呼 幹事 当番 回覧 記録 対応 窓口";

/// The last characters of [`FUNCTIONS`] and of the units (checked by a test).
const LAST_CHARS: &str = "当務理事買報証管計記書査材ス付領入認力成裁票収配呼番覧録応口部課室係班";

/// Single kanji of place, time or order that the lexicon also lists as surnames: never a surname alone here.
const NOT_ALONE: &str = "中上下前後今本内外新旧元原同全各他次正副済有要等";

fn functions() -> &'static Words {
    static W: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    W.get_or_init(|| Words::split(FUNCTIONS, ' '))
}

impl Ctx<'_, '_> {
    /// Adds the surnames read after an office function and a space or a colon.
    #[inline(never)]
    pub(crate) fn office_names(&mut self) {
        let t = self.t;
        let n = self.n;
        let bytes = self.doc.norm.s.as_bytes();
        let words = functions();
        let mut add: Vec<(usize, usize)> = Vec::new();
        let mut last = usize::MAX;
        for b in memchr::memchr2_iter(b' ', b':', bytes) {
            // only a space or a colon right after the last character of a function or a unit is looked at,
            // read from the bytes before it (a kanji or a katakana is three bytes in UTF-8) before its
            // code-point offset is looked up
            if b < 3 || bytes[b - 1] < 0x80 || bytes[b - 3] & 0xF0 != 0xE0 {
                continue;
            }
            let (b0, b1, b2) = (bytes[b - 3], bytes[b - 2], bytes[b - 1]);
            let before = u32::from(b0 & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F);
            if !char::from_u32(before).is_some_and(|c| one_of!(c, LAST_CHARS)) {
                continue;
            }
            let cue = self.doc.norm.char_index(b);
            if cue == 0 || cue == last || !(is_kanji(t[cue - 1]) || is_kata(t[cue - 1])) {
                continue;
            }
            // the kanji and katakana run before the cue: a function, a compound ending in 担当, or a unit
            let mut w = cue;
            while w > 0 && cue - w < 10 && (is_kanji(t[w - 1]) || is_kata(t[w - 1])) {
                w -= 1;
            }
            let word = &t[w..cue];
            let func = match words.suffix_start(word) {
                Some(0) => true,
                Some(p) => word[p..] == ['担', '当'] || one_of!(word[p - 1], "部課室係班"),
                None => false,
            };
            let unit = word.len() >= 2 && one_of!(word[word.len() - 1], "部課室係班") && !self.lex.surname(word);
            if !func && !unit {
                continue;
            }
            let mut k = cue + 1;
            while k < n && k - cue < 8 && t[k] == ' ' {
                k += 1;
            }
            last = k - 1;
            if let Some(e) = self.lone_surname(k) {
                add.push((k, e));
            }
        }
        for (s, e) in add {
            self.add(s, e, 0.75);
        }
    }

    /// The end of a listed surname of one to three kanji standing alone at `k` (ending its cell).
    fn lone_surname(&self, k: usize) -> Option<usize> {
        let t = self.t;
        let n = self.n;
        let mut e = k;
        while e < n && e - k < 4 && is_kanji(t[e]) {
            e += 1;
        }
        let sur = &t[k..e];
        if !(1..=3).contains(&sur.len()) || self.lex.get(sur) & SUR == 0 || self.tb.titles.has(sur) {
            return None;
        }
        if sur.len() == 1 && one_of!(sur[0], NOT_ALONE) {
            return None;
        }
        let common = self.lex.get(sur) & COMMON != 0;
        self.cell_end(e, common).then_some(e)
    }

    /// A cell ends at `e`: the line's end, a tab, a run of spaces, a bracket, a separator, or まで / より /
    /// から / 宛 / 様 (a common word, `common`, only before the line's end, a bracket or まで / より / 宛).
    fn cell_end(&self, e: usize, common: bool) -> bool {
        let t = self.t;
        let Some(&c) = t.get(e) else {
            return true;
        };
        let next = t.get(e + 1).copied().unwrap_or('\n');
        match c {
            '\n' | '\r' | '(' | ')' | '（' | '）' | '【' | '】' => true,
            '\t' | '/' | '・' | '、' | ',' | '→' | '|' => !common,
            ' ' => {
                // two spaces (a column), or one before what cannot go on a name: a digit, a sign, the next
                // function, a line end
                let le = crate::document::line_end(t, e, LINE_LIMIT);
                let mut q = e;
                while q < le && t[q] == ' ' {
                    q += 1;
                }
                q >= le
                    || (!common
                        && (q - e >= 2
                            || !(is_kanji(t[q]) || is_kata(t[q]) || super::chars::is_hira(t[q]))
                            || functions().at(t, q, le).is_some()))
            }
            'ま' => next == 'で',
            'よ' => next == 'り',
            'か' => next == 'ら' && !common,
            '宛' | '様' => true,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn last_chars_cover_the_functions() {
        for w in super::FUNCTIONS.split(' ') {
            assert!(w.chars().last().is_some_and(|c| super::LAST_CHARS.contains(c)), "{w}");
        }
    }

    #[test]
    fn a_surname_after_an_office_function() {
        assert_eq!(names("ご質問は総務 杉浦まで。\n"), ["杉浦"]);
        assert_eq!(names("受付 11/02\u{3000}受領 北条\n"), ["北条"]);
        assert_eq!(names("（通知書の写し、確認：南雲）\n"), ["南雲"]);
        assert_eq!(names("点呼担当：仙波 / 副 戸倉\n")[0], "仙波");
        assert_eq!(names("発注元\t経理課 仁井\t3\n"), ["仁井"]);
        assert_eq!(names("承認\u{3000}課長 是永\u{3000}人事 真柴\n").last().unwrap(), "真柴");
    }

    #[test]
    fn no_name_after_a_function_word_in_running_text() {
        assert!(names("確認 済\n受付 時間 9:00\n人事 異動の件\n").is_empty());
        assert!(names("総務 部内で共有\n確認 中\n").is_empty());
        // a place after the function: 市 goes on after it
        assert!(names("経理 千葉市の件\n").is_empty());
        assert!(names("窓口 上野駅\n").is_empty());
    }
}
