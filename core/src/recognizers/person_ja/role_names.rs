//! A name after the word of a role and a space, with no colon between them: `作業員 番場`, `産業医 鳴海`,
//! `募集人 上野 恵美`, `旧契約者　若狭 喜一`, `宅地建物取引士 宮坂 直哉`.
//!
//! Japanese office text names a person by putting the role before the name, as a label without its colon.
//! The role is a run of two or more kanji ending in a word of a person (者, 人, 員, 士, 医, 師, 手), of an office
//! or a head (役, 長: `取締役　末永 美佐子`, `施設長　比嘉 ヨシ子`), or the label 氏名 without its colon
//! (`申請者氏名　藤代 沙耶`).
//! (Office functions before a surname, `総務 紺野`, were tried and dropped: they cost ja-biz3.) What follows must be a name by [`Ctx::name_at`] (a listed surname or a full
//! name), so `利用者 数` or `作業員 全員` read nothing. Runs of spaces are passed over (aligned forms).

use super::chars::{is_kanji, is_kata, is_kata_letter, one_of};
use super::Ctx;
use crate::document::LINE_LIMIT;

/// Kanji that end a word naming a person by role: a person (者人員士医師手), an office (役: 取締役, 監査役),
/// a head (長: 施設長, 本部長), and 名 of the label 氏名 (申請者氏名, 児童氏名; checked below).
const ROLE_END: &str = "者人員士医師手役長名";

impl Ctx<'_, '_> {
    /// Adds the names read after a role word and a space.
    #[inline(never)]
    pub(crate) fn role_names(&mut self) {
        let t = self.t;
        let n = self.n;
        let bytes = self.doc.norm.s.as_bytes();
        let mut add: Vec<(usize, usize, f64)> = Vec::new();
        let mut last = usize::MAX;
        for b in memchr::memchr_iter(b' ', bytes) {
            // only a space right after a role kanji is looked at, read from the bytes before the space (a
            // kanji is three bytes in UTF-8) before its code-point offset is looked up
            if b < 6 || bytes[b - 1] < 0x80 {
                continue;
            }
            let (b0, b1, b2) = (bytes[b - 3], bytes[b - 2], bytes[b - 1]);
            let before = u32::from(b0 & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F);
            if b0 & 0xF0 != 0xE0 || !char::from_u32(before).is_some_and(|c| one_of!(c, ROLE_END)) {
                continue;
            }
            let sp = self.doc.norm.char_index(b);
            if sp < 2 || sp == last || !is_kanji(t[sp - 2]) || (t[sp - 1] == '名' && t[sp - 2] != '氏') {
                continue;
            }
            let mut k = sp;
            while k < n && k - sp < 8 && t[k] == ' ' {
                k += 1;
            }
            last = k - 1;
            if k >= n || !is_kanji(t[k]) {
                continue;
            }
            let le = crate::document::line_end(t, k, LINE_LIMIT);
            if let Some(mut c) = self.name_at(k, le, false, false).filter(|c| c.0 == k) {
                if let Some(e) = kata_given_end(t, c.1, le) {
                    c.1 = e; // 比嘉 ヨシ子: a given name in katakana after the surname
                }
                add.push(c);
            }
        }
        for (s, e, score) in add {
            self.add(s, e, score.min(0.8));
        }
    }
}

/// The end of a given name written in katakana after a surname ending at `e` and one space (`ヨシ子`,
/// `ミドリ`, `フミ`): two to four katakana, an optional 子, then a cell end (a space, 様, a bracket, `、`,
/// the line end).
fn kata_given_end(t: &[char], e: usize, le: usize) -> Option<usize> {
    let k = e + 1;
    if k >= le || t[e] != ' ' || !is_kata_letter(t[k]) {
        return None;
    }
    let mut g = k;
    while g < le && g - k < 5 && is_kata(t[g]) {
        g += 1;
    }
    if g < le && t[g] == '子' {
        g += 1;
    }
    let ends = g >= le || one_of!(t[g], " 様、,（()）");
    ((2..=5).contains(&(g - k)) && ends).then_some(g)
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn a_name_after_a_role_word_and_a_space() {
        assert_eq!(names("明日は作業員 砂川が伺います。\n"), ["砂川"]);
        assert_eq!(names("新契約者　岩城 典子（昭和40年生）\n"), ["岩城 典子"]);
        // a word that is no name after the role; a role word of one kanji
        assert!(names("利用者 数は増えた。作業員 全員で対応。\n").is_empty());
        assert!(names("2人 東京へ\n").is_empty());
        // an office or a head before the name, a label 氏名 without its colon
        assert_eq!(names("監査役　　　筒井 啓　㊞\n"), ["筒井 啓"]);
        assert_eq!(names("営業本部長　　真壁 一徹　（東日本営業部長より）\n"), ["真壁 一徹"]);
        assert_eq!(names("副会長 野々村 トシ子、会計 加瀬\n")[0], "野々村 トシ子");
        assert_eq!(names("児童氏名　穂積 ひなた　　生年月日\n"), ["穂積 ひなた"]);
        // 名 of another word, and a head followed by no name
        assert!(names("会社名 中村\n").is_empty());
        assert!(names("成長 率\n").is_empty());
    }
}
