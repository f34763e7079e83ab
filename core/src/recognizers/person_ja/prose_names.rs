//! Full names in running prose that stand in a name's place without an honorific, and the parts of one
//! name written in two scripts.
//!
//! [`Ctx::names_in_run`] (on each kanji run [`Ctx::prose`] reads): a kanji run holding a listed surname and a listed given name (the given name no
//! ordinary word or place) is a name when
//! - a role or title word of prose follows it in the same run (片岡千恵蔵主演, 小泉純一郎首相, 赤松満祐方,
//!   山名宗全率いる, 田中義一内閣), or a role word precedes it in the run (領事杉原千畝は, 司令官田中頼三少将);
//! - or it is the whole run before a particle or a comma, even when its surname is also an ordinary word
//!   (関智一が, 森朋之は), if its given name has two kanji or more.
//!
//! [`Ctx::join_name_parts`], after every rule: a katakana name found beside a kanji run that is a listed
//! surname is one name with it (ジャニー喜多川, 影山ヒロノブ); Latin initials before a katakana surname
//! belong to it (H・R・ギーガー), and two initials make a katakana word after them a name (D・H・ロレンス); a katakana name after a short katakana part and `=` is one (ル=グウィン); a
//! kanji name cut before the usual ending of a given name takes the ending (浮谷洸|次郎 → 浮谷洸次郎).

use super::chars::{is_kanji, is_kata, one_of, py_isdigit};
use super::lexicon::{COMMON, FOREIGN, GIV, GIV_KANA, OTHER, PLACE, SUR, SUR_KANA};
use super::tables::F_UPPER;
use super::{overlaps, Ctx};

/// Words after a full name in the same kanji run beyond the shared title and role tables (田中義一内閣).
const TAIL_WORDS: &[&[char]] = &[&['内', '閣'], &['政', '権'], &['擁'], &['邸']];
/// Last characters of a role word right before a name in the same run (領事, 司令官, 社長, 作家, 首相).
const ROLE_LAST: &str = "者家手官員士師優督将役長事相領";
/// Last characters of words for people or periods that a one-kanji surname + given name may spell (調理人).
const WORD_ENDS: &str = "人者家員師士手代生";
/// What may follow a name that is a whole kanji run.
const AFTER_RUN: &str = "はがもをにとのへや、。・」）";
/// The usual endings of a given name a listed shorter given name may leave out (洸 + 次郎).
const GIVEN_ENDINGS: &[&[char]] = &[
    &['郎'],
    &['次', '郎'],
    &['二', '郎'],
    &['三', '郎'],
    &['四', '郎'],
    &['五', '郎'],
    &['六', '郎'],
    &['七', '郎'],
    &['八', '郎'],
    &['九', '郎'],
    &['十', '郎'],
    &['太', '郎'],
    &['一', '郎'],
    &['衛', '門'],
    &['右', '衛', '門'],
    &['左', '衛', '門'],
    &['兵', '衛'],
    &['之', '助'],
    &['之', '介'],
    &['之', '進'],
    &['之', '丞'],
];

/// Kanji runs longer than this are not read.
const MAX_RUN: usize = 16;

impl Ctx<'_, '_> {
    /// The full name at the start of the run `[s0, e0)` or after a role word in it.
    /// (Called by [`Ctx::prose`] on each kanji run it reads, with the spans found before it.)
    pub(crate) fn names_in_run(&mut self, s0: usize, e0: usize, covered: &[(usize, usize)]) {
        let t = self.t;
        if !(3..=MAX_RUN).contains(&(e0 - s0)) || (s0 > 0 && py_isdigit(t[s0 - 1])) {
            return;
        }
        let run = &t[s0..e0];
        for p in 0..run.len().saturating_sub(2) {
            let role_before = p >= 2 && one_of!(run[p - 1], ROLE_LAST);
            if p > 0 && !role_before {
                continue;
            }
            // a listed surname of one to three kanji starts here (a few lookups before reading the run further)
            let lex = self.lex;
            if (1..=3).all(|l| lex.get(&run[p..p + l]) & SUR == 0) {
                continue;
            }
            for k in [5, 4, 3] {
                if p + k > run.len() {
                    continue;
                }
                let (s, e) = (s0 + p, s0 + p + k);
                if self.full_name_here(s, e, e0, role_before) && !overlaps(covered, s, e) {
                    self.add(s, e, 0.7);
                    return;
                }
            }
        }
    }

    /// `t[s..e]` is a listed surname + given name, and what stands around it in the run (which ends at `e0`)
    /// makes it a name.
    fn full_name_here(&self, s: usize, e: usize, e0: usize, role_before: bool) -> bool {
        let (t, lex) = (self.t, self.lex);
        // what stands after it first (cheap), then the lexicon
        let titled = e < e0 && self.tail_word(e, e0);
        if e < e0 && !titled {
            return false;
        }
        if e == e0 && !t.get(e).is_some_and(|&c| one_of!(c, AFTER_RUN)) {
            return false;
        }
        let body = &t[s..e];
        let k = lex.split_full(body);
        if k == 0 {
            return false;
        }
        let (sur, giv) = (&body[..k], &body[k..]);
        let (fs, fg) = (lex.get(sur), lex.get(giv));
        if fs & SUR == 0 || fg & GIV == 0 || fg & (COMMON | PLACE) != 0 || self.tb.place_or_org(body) {
            return false;
        }
        if titled {
            return true;
        }
        // a whole run before a particle: a one-kanji surname that is also a word must be listed as nothing but a
        // surname (関, 森; not 上記正に), and its run no word for a person or a period (調理人, 中生代)
        let plain =
            sur.len() >= 2 || ((fs & COMMON == 0 || fs & GIV == 0) && !one_of!(body[body.len() - 1], WORD_ENDS));
        role_before || (giv.len() >= 2 && plain)
    }

    /// A title or role word of prose starts at `e` in the run ending at `e0` (元 / 前 / 現 only before a title:
    /// 山田太郎元首相, not 幸福実|現党).
    fn tail_word(&self, e: usize, e0: usize) -> bool {
        let t = self.t;
        let after = self
            .tb
            .after_full_name
            .at(t, e, e0)
            .filter(|&q| !(q == e + 1 && one_of!(t[e], "元前現")) || self.tb.prose_title.at(t, q, e0).is_some());
        self.tb.prose_title.at(t, e, e0).is_some()
            || after.is_some()
            || TAIL_WORDS.iter().any(|w| t[e..e0].starts_with(w))
    }

    /// Joins the parts of one name that the rules found apart or cut short (see the module header).
    #[inline(never)]
    pub(crate) fn join_name_parts(&mut self) {
        let (t, n) = (self.t, self.n);
        let mut add: Vec<(usize, usize, f64)> = Vec::new();
        for &((s, e), score) in &self.found.items {
            let name = &t[s..e];
            let kata = name.iter().all(|&c| is_kata(c) || c == '・') && is_kata(name[0]);
            if kata {
                // a listed surname written in kanji right after or before it (the whole kanji run), the katakana
                // word beside it a listed name and no ordinary word (not 長門システム)
                let r = run_end(t, e, n);
                let last = name.iter().rposition(|&c| c == '・').map_or(s, |k| s + k + 1);
                if (2..=3).contains(&(r - e)) && self.kana_name(last, e) && self.plain_surname_run(e, r) {
                    add.push((s, r, score));
                }
                let l = run_start(t, s);
                let first = name.iter().position(|&c| c == '・').map_or(e, |k| s + k);
                if (2..=3).contains(&(s - l)) && self.kana_name(s, first) && self.plain_surname_run(l, s) {
                    add.push((l, e, score));
                }
                // Latin initials with a dot or a middle dot before it (H・R・ギーガー, J.L.ボニエ)
                let mut b = s;
                while b >= 2 && one_of!(t[b - 1], "・.") && t[b - 2].is_ascii_uppercase() {
                    b -= 2;
                }
                if b < s && !(b > 0 && t[b - 1].is_ascii_alphanumeric()) {
                    add.push((b, e, score));
                }
                // a short katakana part joined by = (ル=グウィン)
                if s >= 3 && t[s - 1] == '=' {
                    let mut a = s - 1;
                    while a > 0 && is_kata(t[a - 1]) {
                        a -= 1;
                    }
                    if (1..=3).contains(&(s - 1 - a)) && !(a > 0 && (is_kata(t[a - 1]) || t[a - 1] == '・')) {
                        add.push((a, e, score));
                    }
                }
            } else if name.iter().all(|&c| is_kanji(c)) && e < n && is_kanji(t[e]) {
                // a given name cut before its usual ending, the ending closing the run
                let r = run_end(t, e, n);
                if GIVEN_ENDINGS.iter().any(|w| t[e..r] == **w) && self.lex.surname(&name[..name.len().min(2)]) {
                    add.push((s, r, score));
                }
            }
        }
        // two initials or more before a katakana word, found by no rule (D・H・ロレンス)
        let mut i = self.next_flag(0, F_UPPER);
        let mut budget = 200 + n / 64;
        while i < n && budget > 0 {
            budget -= 1;
            let mut q = i;
            while q + 1 < n && t[q].is_ascii_uppercase() && one_of!(t[q + 1], "・.") {
                q += 2;
            }
            if q - i >= 4 && !(i > 0 && t[i - 1].is_ascii_alphanumeric()) {
                let r = q + t[q..].iter().take_while(|&&c| is_kata(c)).count();
                if r - q >= 2 && !(r < n && one_of!(t[r], "・=")) {
                    add.push((i, r, 0.7));
                }
            }
            i = self.next_flag(q.max(i + 1), F_UPPER);
        }
        for (s, e, score) in add {
            self.add(s, e, score);
        }
    }

    /// `t[s..e]` is a katakana word listed as a name or its reading, and not as a word or another proper noun
    /// only.
    fn kana_name(&self, s: usize, e: usize) -> bool {
        let f = self.lex.get(&self.t[s..e]);
        f & (FOREIGN | SUR_KANA | GIV_KANA) != 0 && (f & (COMMON | OTHER) == 0 || f & (SUR_KANA | GIV_KANA) != 0)
    }

    /// `t[s..e]` is a whole kanji run listed as a surname and not as an ordinary word.
    fn plain_surname_run(&self, s: usize, e: usize) -> bool {
        let f = self.lex.get(&self.t[s..e]);
        f & SUR != 0 && f & COMMON == 0
    }
}

/// The end of the kanji run starting at `i`.
fn run_end(t: &[char], i: usize, n: usize) -> usize {
    let mut r = i;
    while r < n && is_kanji(t[r]) && !is_kata(t[r]) {
        r += 1;
    }
    r
}

/// The start of the kanji run ending at `i`.
fn run_start(t: &[char], i: usize) -> usize {
    let mut l = i;
    while l > 0 && is_kanji(t[l - 1]) && !is_kata(t[l - 1]) {
        l -= 1;
    }
    l
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn full_names_before_a_title_or_after_a_role() {
        assert_eq!(names("当時は森川信之介首相が就任した。"), ["森川信之介"]);
        assert_eq!(names("初代総領事岡崎修二は帰国した。"), ["岡崎修二"]);
        assert_eq!(names("その年、片岡紀美代主演の映画が公開された。"), ["片岡紀美代"]);
        // a word of a period, a place or a thing after a surname is no given name
        assert!(names("江戸時代には藩の中心地となった。").is_empty());
        assert!(names("大阪府立図書館が開館した。").is_empty());
        assert!(names("幸福実現党は").is_empty());
    }

    #[test]
    fn a_whole_run_before_a_particle() {
        assert_eq!(names("その後、関康之が加入した。"), ["関康之"]);
        // one kanji after a surname that is also a word: not enough
        assert!(names("その後、森林が広がった。").is_empty());
        assert!(names("金額は上記正に受け取りました。").is_empty());
        assert!(names("腕のいい調理人が来た。").is_empty());
    }

    #[test]
    fn parts_of_one_name_in_two_scripts() {
        assert_eq!(names("演出は、ボビー長谷部が担当した。"), ["ボビー長谷部"]);
        assert_eq!(names("設計はW・J・ハーグリーヴスが担当した。").len(), 1);
        // a katakana word before a place is not joined
        assert!(!names("セドリック大阪が走った。").iter().any(|s| s.contains("大阪")));
        assert!(!names("件名：長門システム様").iter().any(|s| s.contains("長門")));
    }
}
