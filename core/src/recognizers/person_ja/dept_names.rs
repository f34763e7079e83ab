//! A name after a department or a title and a space, ending its line: signatures (`営業本部 杉山 義男`),
//! shipping labels (`総務課 若林 秀明 行`) and staff lists (`営業部長　佐藤 太郎（前 総務部）`,
//! `経理部長（総務部）　三井 澪`); and a name before a department and an arrow in 人事異動 lists
//! (`佐藤 太郎　営業部 → 総務部`). A given name no list holds (1-3 kanji, 2-4 kana) may follow a surname there.
//!
//! The word before the space is a run of kanji and katakana (情報システム部, カスタマーサポート課) ending in
//! a unit (部, 課, 係, 室, 班, 本部), a place of work (物流センター, 第三工場) or a title
//! (部長, 課長代理, 主任 …); the name is read by [`Ctx::name_at`] (a listed surname, or a full name), and only what ends a
//! name on such a line may follow it: nothing, 行 / 様 / 殿 / 宛 / a seal, or a bracket.

use super::chars::{is_hira, is_kanji, is_kata, one_of};
use super::tables::F_UNIT_END;
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
            // 部長（総務部）　佐藤 太郎: the department in brackets after the title
            let sp = if t[here + 1] == ')' && t.get(here + 2) == Some(&' ') { here + 2 } else { here + 1 };
            if t[sp] != ' ' {
                continue;
            }
            // the line's end within 16 characters (a bounded search: ー of センター is common in long lines)
            let Some(le) =
                t[sp..n.min(sp + 17)].iter().position(|&c| c == '\n').map(|k| sp + k).or((n <= sp + 16).then_some(n))
            else {
                continue;
            };
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
        let bracket = t[sp - 1] == ')';
        let u = if bracket { sp - 1 } else { sp };
        // 物流センター, 第三工場: a place of work ending in katakana or in 場
        let place = t[..u].ends_with(&['セ', 'ン', 'タ', 'ー']) || t[..u].ends_with(&['工', '場']);
        if !place && (!is_kanji(t[u - 1]) || !one_of!(t[u - 1], "部課係室班長任理問")) {
            return None;
        }
        // 情報システム部, カスタマーサポート課: katakana inside the department's name
        let mut k = u;
        while k > 0 && u - k < 12 && (is_kanji(t[k - 1]) || is_kata(t[k - 1])) {
            k -= 1;
        }
        if bracket && !(k > 0 && t[k - 1] == '(') {
            return None;
        }
        let word = &t[k..u];
        let unit = place || one_of!(word[word.len() - 1], "部課係室班");
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
        // 三井　澪 / 栗駒 煌: a surname, then a given name no list holds, ending the line
        if !self.line_rest_ok(e, le) {
            e = self.given_tail(e, le).filter(|&g| self.line_rest_ok(g, le))?;
        }
        // 総務部 主任 / 営業一課 リーダー: a title, not a name
        let ok = s == sp + 1 && e > s && self.tb.titles.suffix_start(&t[s..e]).is_none();
        ok.then_some((s, e, score.min(0.8)))
    }

    /// One space and a given name of 1-3 kanji or 2-4 kana at `e`: its end.
    fn given_tail(&self, e: usize, le: usize) -> Option<usize> {
        let t = self.t;
        if e + 1 >= le || t[e] != ' ' {
            return None;
        }
        let c = t[e + 1];
        let (cap, min) = if is_kanji(c) {
            (3, 1)
        } else if is_hira(c) || is_kata(c) {
            (4, 2)
        } else {
            return None;
        };
        let same = |x: char| if is_kanji(c) { is_kanji(x) } else { is_hira(x) || is_kata(x) };
        let mut g = e + 1;
        while g < le && g - e - 1 < cap + 1 && same(t[g]) {
            g += 1;
        }
        let r = g - e - 1;
        ((min..=cap).contains(&r) && !self.tb.not_names.contains(&t[e + 1..g])).then_some(g)
    }

    /// 人事異動 lines, `佐藤 太郎　営業部 → 総務部`: a name opening a line, then a department, then an arrow.
    #[inline(never)]
    pub(crate) fn arrow_names(&mut self) {
        let t = self.t;
        let n = self.n;
        static ARROW: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
        let arrow = ARROW.get_or_init(|| memchr::memmem::Finder::new("→".as_bytes()));
        if arrow.find(self.doc.norm.s.as_bytes()).is_none() {
            return; // most texts: no arrow
        }
        let mut add: Vec<(usize, usize)> = Vec::new();
        let mut p = 0;
        while let Some(a) = self.find_char('→', p, n) {
            p = a + 1;
            let lo = a.saturating_sub(33);
            let Some(ls) = t[lo..a].iter().rposition(|&c| c == '\n').map(|k| lo + k + 1).or((lo == 0).then_some(0))
            else {
                continue; // a line longer than a name, a department and an arrow
            };
            let q = ls + t[ls..a].iter().take_while(|&&c| c == ' ' || c == '・').count();
            let Some((s, mut e, _)) = self.name_at(q, a, false, false).filter(|c| c.0 == q) else {
                continue;
            };
            if let Some(g) = self.given_tail(e, a).filter(|&g| t.get(g) == Some(&' ')) {
                if e - s <= 4 && !t[s..e].contains(&' ') {
                    e = g;
                }
            }
            // then spaces, and a department ending right before the arrow
            let mut d = a;
            while d > e && t[d - 1] == ' ' {
                d -= 1;
            }
            let gap = t[e..d].iter().take_while(|&&c| c == ' ').count();
            let dept = &t[e + gap..d];
            let unit =
                dept.last().is_some_and(|&c| one_of!(c, "部課係室班長")) || dept.ends_with(&['セ', 'ン', 'タ', 'ー']);
            if gap >= 1 && (2..=16).contains(&dept.len()) && unit && self.tb.titles.suffix_start(&t[s..e]).is_none() {
                add.push((s, e));
            }
        }
        for (s, e) in add {
            self.add(s, e, 0.8);
        }
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
