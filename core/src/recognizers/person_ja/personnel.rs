//! Names in personnel notices (人事異動, 辞令, 新任者紹介, 社内報): the items of a bulleted list that give a
//! name and then a department (`・昇格　三井 嘉一　経理部チーフ`, `・出向　漆原　惟月（営業二課より）…`,
//! `・寒川 莉々花　品質保証 営業部長`), and the subject of a verb said only of people joining or leaving a
//! post (`経理部に楠 喜代子が加わりました`, `製造部 第三工場に大和田　ミツが着任しました`).
//!
//! Bullets: a line opening with `・`, then an optional personnel action (昇格, 転任, 出向 … and a space), then
//! a name read by [`Ctx::name_at`] (as after a strong label when an action stands before it), then a space and
//! a department or title within the line (a word with 部 / 課 / 室 / 係 / 班, センター, 工場), or a bracket
//! `（営業二課より）`. Verbs: `が` and 着任 / 加わ / 入社 / 就任 / 配属 / 退職 / 転任 / 異動 / 復職 right after a
//! name that starts after a non-kanji character: a listed surname with a given name (the readers' rules), or a
//! surname found alone and one space and a given name of two to four katakana.
//!
//! Invariant: each `\n・` and each `が` followed by a verb is looked at once; a bullet line is read only when
//! it holds at most 60 characters, its department over at most 16 characters after the name, and a name is
//! searched over at most nine characters before a verb.

use super::chars::{is_hira, is_kanji, is_kata, one_of};
use super::patterns::run_len;
use super::tables::F_NL;
use super::Ctx;

/// Personnel actions that may open a bulleted item before the name.
const ACTIONS: &[&str] = &[
    "昇格", "昇進", "転任", "転勤", "出向", "新任", "異動", "退職", "就任", "帰任", "着任", "配属", "採用", "兼務",
    "復職", "委嘱",
];

/// Verbs (after が) whose subject is a person joining or leaving a post.
const VERBS: &[&str] = &["着任", "加わ", "入社", "就任", "配属", "退職", "転任", "異動", "復職"];

fn starts_with(t: &[char], i: usize, w: &str) -> bool {
    let mut rest = t.get(i..).unwrap_or(&[]).iter();
    w.chars().all(|c| rest.next() == Some(&c))
}

/// A department or a title stands in `t[i..le]`: a unit character, センター or 工場.
fn has_unit(t: &[char], i: usize, le: usize) -> bool {
    let w = &t[i..le];
    w.iter().any(|&c| one_of!(c, "部課室係班"))
        || w.windows(4).any(|x| x == ['セ', 'ン', 'タ', 'ー'])
        || w.windows(2).any(|x| x == ['工', '場'])
}

impl Ctx<'_, '_> {
    /// Adds the names of bulleted personnel items and of the subjects of personnel verbs.
    #[inline(never)]
    pub(crate) fn personnel(&mut self) {
        let mut add: Vec<(usize, usize, f64)> = Vec::new();
        self.bullet_items(&mut add);
        self.verb_subjects(&mut add);
        for (s, e, score) in add {
            self.add(s, e, score);
        }
    }

    fn bullet_items(&self, add: &mut Vec<(usize, usize, f64)>) {
        let t = self.t;
        let n = self.n;
        static BULLET: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
        let bullet = BULLET.get_or_init(|| memchr::memmem::Finder::new("\n・".as_bytes()));
        let bytes = self.doc.norm.s.as_bytes();
        let first = (n > 0 && t[0] == '・').then_some(0);
        for here in first.into_iter().chain(bullet.find_iter(bytes).map(|b| self.char_at_byte(0, n, b + 1))) {
            let le = self.next_flag(here, F_NL);
            if t[here] != '・' || le - here > 60 {
                continue;
            }
            let mut i = here + 1;
            let mut strong = false;
            if let Some(a) = ACTIONS.iter().find(|a| starts_with(t, i, a)) {
                let sp = run_len(t, i + a.chars().count(), le, 4, |c| c == ' ');
                if sp == 0 {
                    continue;
                }
                i += a.chars().count() + sp;
                strong = true;
            }
            if i >= le || !is_kanji(t[i]) {
                continue;
            }
            let Some((s, e, score)) = self.name_at(i, le, strong, false).filter(|c| c.0 == i) else {
                continue;
            };
            let ok = match t.get(e) {
                Some(' ') => {
                    let d = e + run_len(t, e, le, 4, |c| c == ' ');
                    d < le && (is_kanji(t[d]) || is_kata(t[d])) && has_unit(t, d, le.min(d + 16))
                }
                Some('(') => {
                    let close = t[e..le].iter().position(|&c| c == ')').map(|k| e + k);
                    close.is_some_and(|c| c >= e + 3 && t[c - 2..c] == ['よ', 'り'] && has_unit(t, e + 1, c))
                }
                _ => false,
            };
            if ok && self.tb.titles.suffix_start(&t[s..e]).is_none() {
                add.push((s, e, score.min(0.85)));
            }
        }
    }

    fn verb_subjects(&self, add: &mut Vec<(usize, usize, f64)>) {
        let t = self.t;
        let n = self.n;
        static GA: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
        let ga = GA.get_or_init(|| memchr::memmem::Finder::new("が".as_bytes()));
        let bytes = self.doc.norm.s.as_bytes();
        for b in ga.find_iter(bytes) {
            // the verb's bytes first: most が are followed by something else
            if !VERBS.iter().any(|v| bytes[b + 3..].starts_with(v.as_bytes())) {
                continue;
            }
            let q = self.char_at_byte(0, n, b);
            if q < 2 || t[q] != 'が' || !VERBS.iter().any(|v| starts_with(t, q + 1, v)) {
                continue;
            }
            let lo = q.saturating_sub(9);
            for a in lo..q - 1 {
                if !is_kanji(t[a]) || (a > 0 && (is_kanji(t[a - 1]) || is_kata(t[a - 1]))) {
                    continue;
                }
                let Some((s, e, score)) = self.name_at(a, q, true, false).filter(|c| c.0 == a) else {
                    continue;
                };
                // 兵士が加わった: two kanji without a space are read too loosely after a verb
                if e == q && (t[s..e].contains(&' ') || e - s >= 3) {
                    add.push((s, e, score.min(0.85)));
                    break;
                }
                // 大和田　ミツが: a surname and a given name of two to four katakana
                let g = e + 1 + run_len(t, e + 1, q, 5, |c| is_kata(c) && c != 'ー');
                if e + 1 < q && t[e] == ' ' && g == q && (2..=4).contains(&(q - e - 1)) && !is_hira(t[e - 1]) {
                    add.push((s, q, score.min(0.8)));
                    break;
                }
            }
        }
    }
}
