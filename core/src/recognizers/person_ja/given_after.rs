//! The given name after a surname that a cue found alone: `上遠野 まどか`, `比嘉 ハナ`, `小島 朋美`,
//! `今井あかね`, `奥寺ハナ`.
//!
//! Cues often reach only the surname (a list item, a speaker, a line after a title), and the given name
//! after it is in no lexicon or written in kana. A listed surname found by a cue, then one space (or
//! none before kana) and a short run of one script — one to three kanji, or two to four kana without ー —
//! that ends where a name can end (a space, the line's end, punctuation, a bracket, an honorific) is
//! the full name. Words that may stand there instead are refused: titles and units (部長, 営業部),
//! common words of the lexicon (本日, 了解), organisation words, hiragana particles and endings (です,
//! から, より). The other way, a given name found alone takes the surname one space before it
//! (`芦刈 誠一 先生`), a listed one or one of two or three kanji opening its cell that is no unit, title,
//! organisation, place or common word.
//!
//! Invariant: only spans already found are extended, each at most once, and by at most 5 characters
//! plus the space.

use super::chars::{is_hira, is_kanji, is_kata, one_of};
use super::lexicon::{COMMON, PLACE, SUR};
use super::patterns::{hira_paren, run_len};
use super::readers::time_word;
use super::{honorific_at, Ctx};

/// Hiragana runs that follow a surname without being a given name.
const HIRA_NOT_GIVEN: &[&str] = &[
    "です",
    "でした",
    "ます",
    "から",
    "より",
    "まで",
    "など",
    "には",
    "では",
    "とは",
    "への",
    "との",
    "にて",
    "って",
    "ので",
    "のに",
    "けど",
    "だけ",
    "ほか",
    "しか",
    "でも",
    "たち",
    "ども",
    "ら",
    "について",
    "による",
    "によると",
    "によれ",
    "として",
    "さん",
    "さま",
    "くん",
    "ちゃん",
    "あて",
    "あと",
    "まず",
    "また",
];

/// The characters a given name may be followed by.
fn end_ok(t: &[char], e: usize) -> bool {
    match t.get(e) {
        None => true,
        Some(&c) => one_of!(c, " \t\n|,、。・/()[]「」『』【】<>\":;：") || honorific_at(t, e).is_some(),
    }
}

impl Ctx<'_, '_> {
    /// The surname before a given name found alone: `経理部に楠 喜代子が加わりました`, `四方田　蒼さん` — a listed
    /// surname of one to four kanji, one space, the given name; before the surname a particle, punctuation or the
    /// line's start (not a kanji or katakana that would make it the end of a longer word).
    #[inline(never)]
    pub(crate) fn surnames_before_given(&mut self) {
        let t = self.t;
        let lex = self.lex;
        let mut grown: Vec<(usize, usize, f64)> = Vec::new();
        for &((s, e), score) in &self.found.items {
            if s < 2 || t[s - 1] != ' ' || !is_kanji(t[s]) || e - s > 3 {
                continue;
            }
            // kanji back from the space, a ノ between two of them (宮ノ下)
            let k = (1..=4)
                .take_while(|&k| {
                    s > k && (is_kanji(t[s - 1 - k]) || (t[s - 1 - k] == 'ノ' && s > k + 1 && is_kanji(t[s - 2 - k])))
                })
                .last()
                .unwrap_or(0);
            if k == 0 {
                continue;
            }
            let a = s - 1 - k;
            if a > 0 && (is_kanji(t[a - 1]) || is_kata(t[a - 1]) || t[a - 1].is_ascii_alphanumeric()) {
                continue;
            }
            let (sur, giv) = (&t[a..s - 1], &t[s..e]);
            if self.tb.titles.suffix_start(sur).is_some() || !lex.given(giv) || lex.surname(giv) {
                continue;
            }
            if self.surname_flags(sur) & SUR != 0 || self.unlisted_surname(sur, a) {
                grown.push((a, e, score));
            }
        }
        for (a, e, score) in grown {
            self.add(a, e, score);
        }
    }

    /// A surname in no list before a given name a cue found (`芦刈 誠一 先生`, `宮ノ下 英明 様`): two or three
    /// kanji opening their cell (the line's start, a space, punctuation or a bracket before them), no unit,
    /// title, organisation or common word.
    fn unlisted_surname(&self, sur: &[char], a: usize) -> bool {
        let t = self.t;
        (2..=3).contains(&sur.len())
            && (a == 0 || one_of!(t[a - 1], " \t\n、,・:;()[]「」『』【】<>|/→"))
            && !one_of!(sur[sur.len() - 1], "部課室係班局所社店科棟院者口駅線円日月年時分様殿氏都道府県市区町村")
            && self.lex.get(sur) & (COMMON | PLACE) == 0
            && !self.tb.org_words.occurs_in(sur)
            && !self.tb.not_names.contains(sur)
            && !time_word(sur)
    }

    /// A span a strong cue found (score 0.8 or more) that reads as a surname in no list: two or three kanji, a space
    /// after them, and no full name the lexicon splits (`及川澪央` is one already).
    fn strong_unlisted(&self, s: usize, e: usize, score: f64) -> bool {
        score >= 0.8 && (2..=3).contains(&(e - s)) && self.t[e] == ' ' && self.lex.split_full(&self.t[s..e]) == 0
    }

    /// Extends the surnames found alone by the given name written after them.
    #[inline(never)]
    pub(crate) fn given_after_surnames(&mut self) {
        let t = self.t;
        let mut grown: Vec<(usize, usize, f64)> = Vec::new();
        for &((s, e), score) in &self.found.items {
            // cheapest first: a space or kana after the span (most names end at an honorific or a bracket)
            if e >= self.n || !(t[e] == ' ' || is_hira(t[e]) || is_kata(t[e])) || honorific_at(t, e).is_some() {
                continue;
            }
            if e - s > 5
                || e >= self.n
                || !t[s..e].iter().all(|&c| is_kanji(c) || one_of!(c, "ヶッノ"))
                || !(self.surname_flags(&t[s..e]) & SUR != 0 || self.strong_unlisted(s, e, score))
                || (s > 0 && t[s - 1] == '@')
            {
                continue;
            }
            if let Some(ge) = self.given_at(e) {
                grown.push((s, ge, score.max(0.8)));
            }
        }
        for (s, e, score) in grown {
            self.add(s, e, score);
        }
        self.hira_readings();
    }

    /// 伊藤 鉄男（いとう てつお）: a reading of two hiragana words in brackets after a full name found.
    fn hira_readings(&mut self) {
        let t = self.t;
        let mut add: Vec<(usize, usize)> = Vec::new();
        for &((s, e), score) in &self.found.items {
            if e >= self.n || !(t[e] == '(' || (t[e] == ' ' && t.get(e + 1) == Some(&'('))) {
                continue;
            }
            if score < 0.6 || e >= self.n || !is_kanji(t[s]) || !(t[s..e].contains(&' ') || e - s >= 3) {
                continue;
            }
            if let Some((rs, re)) = hira_paren(t, e) {
                // a form or a list: the reading closes its line (in prose, 山田太郎（やまだ たろう）は、… is not labelled)
                if t[rs..re].contains(&' ') && self.paren_ends_line(e) {
                    add.push((rs, re));
                }
            }
        }
        for (s, e) in add {
            self.add(s, e, 0.85);
        }
    }

    /// The end of a given name written at `e` (right after a surname), if one is there.
    fn given_at(&self, e: usize) -> Option<usize> {
        self.given_ending(e, end_ok)
    }

    /// [`Self::given_at`] with the test of the character after the given name (`end_ok` there).
    pub(crate) fn given_ending(&self, e: usize, end_ok: impl Fn(&[char], usize) -> bool) -> Option<usize> {
        let t = self.t;
        let spaced = t[e] == ' ';
        let k = if spaced { e + 1 } else { e };
        let c = *t.get(k)?;
        let limit = self.n;
        if is_kanji(c) {
            if !spaced {
                return None; // 山田太郎 unspaced is the readers' (a kanji run cut by the lexicon)
            }
            let gl = run_len(t, k, limit, 4, is_kanji);
            let given = &t[k..k + gl];
            let ok = (1..=3).contains(&gl)
                && (end_ok(t, k + gl)
                    || (self.lex.given(given) && !self.lex.surname(given) && t.get(k + gl).is_some_and(|&c| one_of!(c, "がはのにをともで"))))
                && (!self.lex.common(given) || self.lex.given(given))
                && self.tb.titles.suffix_start(given).is_none()
                && !self.tb.not_names.contains(given)
                && !time_word(given)
                && !one_of!(given[gl - 1], "部課室係班局所社店科棟院者口駅線円日月年時分様殿氏")
                && !self.tb.org_words.occurs_in(given)
                && (!self.lex.surname(given) || self.lex.given(given))
                // 担当：石井 期限：… — a label, unless the lexicon knows the given name (田中 一郎: …)
                && (!matches!(t.get(k + gl), Some(':' | '：')) || self.lex.given(given));
            return ok.then_some(k + gl);
        }
        let kata = is_kata(c) && c != 'ー';
        let hira = is_hira(c);
        if !kata && !hira {
            return None;
        }
        let gl = run_len(t, k, limit, 5, |x| if kata { is_kata(x) } else { is_hira(x) });
        let given = &t[k..k + gl];
        if !(2..=4).contains(&gl) || given.contains(&'ー') || !end_ok(t, k + gl) {
            return None;
        }
        if hira {
            let g: String = given.iter().collect();
            if HIRA_NOT_GIVEN.iter().any(|w| g.starts_with(w)) || honorific_at(t, k).is_some() {
                return None;
            }
            // 小林かおりは: a particle closes the run, so the run is no name of its own
            if one_of!(given[gl - 1], "はがをにでともへやの") {
                return None;
            }
            if self.lex.common(given) && !self.lex.given(given) {
                return None;
            }
        }
        // the label of a reading (`菅野芽輔　フリガナ カンノ …`)
        if matches!(given, ['フ', 'リ', 'ガ', 'ナ'] | ['ふ', 'り', 'が', 'な']) {
            return None;
        }
        if kata && (self.tb.titles.has(given) || self.tb.org_words.occurs_in(given)) {
            return None;
        }
        Some(k + gl)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn a_surname_in_no_list_before_a_given_name_found() {
        assert_eq!(names("主治医　梟谷 誠一 先生\n"), ["梟谷 誠一"]);
        assert_eq!(names("領収書\n宮ノ下 英明 様\n"), ["宮ノ下 英明"]);
        // a department, a place or a unit before the given name is no surname
        assert_eq!(names("営業本部 喜代子様\n"), ["喜代子"]);
        assert_eq!(names("大阪府 健二様\n"), ["健二"]);
        // a role word glued before the kanji: no surname of two or three
        assert!(!names("契約者梟谷 健二様\n").contains(&"契約者梟谷 健二".to_string()));
    }

    #[test]
    fn a_given_name_after_a_surname_in_no_list_found_by_a_label() {
        assert_eq!(names("氏名：梟谷 かおる\n"), ["梟谷 かおる"]);
        // the label of a reading after the name is no given name
        assert_eq!(names("氏名：梟谷 フリガナ フクロウダニ\n"), ["梟谷", "フクロウダニ"]);
    }

    #[test]
    fn a_given_name_before_desu() {
        assert_eq!(names("担当：宇佐見 哲です。\n"), ["宇佐見 哲"]);
        // a kanji that is no given name before で
        assert_eq!(names("担当：宇佐見 別件で\n"), ["宇佐見"]);
    }
}
