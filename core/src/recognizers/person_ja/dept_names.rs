//! A name after a department or a title and a space, ending its line: signatures (`営業本部 杉山 義男`),
//! shipping labels (`総務課 若林 秀明 行`) and staff lists (`営業部長　佐藤 太郎（前 総務部）`).
//!
//! The word before the space is a kanji run ending in a unit (部, 課, 係, 室, 班, 本部) or a title
//! (部長, 課長代理, 主任 …); the name is read by [`Ctx::name_at`] (a listed surname, or a full name), and only what ends a
//! name on such a line may follow it: nothing, 行 / 様 / 殿 / 宛 / a seal, or a bracket.

use super::chars::{is_hira, is_kanji, is_kata, one_of};
use super::tables::{F_NL, F_UNIT_END};
use super::{honorific_at, Ctx};

impl Ctx<'_, '_> {
    /// Adds the names standing after a department or a title on their line.
    #[inline(never)]
    pub(crate) fn dept_names(&mut self) {
        let t = self.t;
        let n = self.n;
        let mut add: Vec<(usize, usize, f64)> = Vec::new();
        // each department or title end followed by a space, on a short line that ends with a name
        let mut k = self.next_flag(0, F_UNIT_END);
        while k + 1 < n {
            let here = k;
            k = self.next_flag(k + 1, F_UNIT_END);
            let sp = here + 1;
            if t[sp] != ' ' {
                continue;
            }
            let le = self.next_flag(sp, F_NL);
            if le - sp > 16 {
                continue;
            }
            let mut q = le;
            while q > sp && t[q - 1] == ' ' {
                q -= 1;
            }
            if q == sp || !(is_kanji(t[q - 1]) || is_hira(t[q - 1]) || is_kata(t[q - 1]) || one_of!(t[q - 1], ")㊞")) {
                continue;
            }
            if let Some(c) = self.dept_name_at(sp, le) {
                add.push(c);
            }
        }
        for (s, e, score) in add {
            self.add(s, e, score);
        }
    }

    /// The name after the space `sp` when a department or a title ends right before it.
    fn dept_name_at(&self, sp: usize, le: usize) -> Option<(usize, usize, f64)> {
        let t = self.t;
        if !is_kanji(t[sp - 1]) || !one_of!(t[sp - 1], "部課係室班長任理問") {
            return None;
        }
        let mut k = sp;
        while k > 0 && sp - k < 8 && is_kanji(t[k - 1]) {
            k -= 1;
        }
        let word = &t[k..sp];
        let unit = one_of!(word[word.len() - 1], "部課係室班");
        // 乙部 虹也: the word before the space is the surname itself
        if word.len() < 2
            || !(unit || word.ends_with(&['代', '理']) || self.tb.titles.suffix_start(word).is_some())
            || self.lex.surname(word)
        {
            return None;
        }
        let (s, mut e, score) = self.name_at(sp + 1, le, false, false)?;
        // 課長 鈴木 充さん: the honorific is not part of the name
        if let Some(h) = (s + 1..e).find(|&q| honorific_at(t, q).is_some_and(|he| he <= e)) {
            e = h;
            while e > s && t[e - 1] == ' ' {
                e -= 1;
            }
        }
        // 総務部 主任 / 営業一課 リーダー: a title, not a name
        let ok = s == sp + 1 && e > s && self.tb.titles.suffix_start(&t[s..e]).is_none() && self.line_rest_ok(e, le);
        ok.then_some((s, e, score.min(0.8)))
    }

    /// What follows a name at `e` up to the line's end `le`: spaces, then nothing, a word that closes an
    /// address label (行, 様, 殿, 宛, a seal) or a bracket.
    fn line_rest_ok(&self, e: usize, le: usize) -> bool {
        let t = self.t;
        let mut q = e;
        while q < le && t[q] == ' ' {
            q += 1;
        }
        if q >= le || one_of!(t[q], "(（") {
            return true;
        }
        if honorific_at(t, q).is_some() {
            return true;
        }
        if one_of!(t[q], "行様殿宛㊞印") {
            q += 1;
            while q < le && t[q] == ' ' {
                q += 1;
            }
            return q >= le;
        }
        false
    }
}
