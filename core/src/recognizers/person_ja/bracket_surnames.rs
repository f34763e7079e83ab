//! Surnames standing alone in brackets: `（旧姓 森脇）`, `（担当 相馬）`, `報告済（相馬）。`,
//! `（森脇・相馬）`, `（相馬記入）`, `090-0000-0000（森脇）`.
//!
//! Notes, logs and forms put the person who did a thing, a maiden name or the owner of a number in
//! brackets, by surname alone. A bracket is read when it holds nothing but one to four kanji words
//! (a kanji + ノ + kanji surname too) separated by `・`, `、` or `/`, the last one optionally followed
//! by a word of the act (`記入`, `作成`, `宛`, `不在` …). Each word must be a listed surname that is
//! no common word; a surname that is also a place (`（品川）`, `（箱崎・1K）`) only after a cue
//! (`旧姓`, `担当` …) or when another rule found it as a name in the same text. A bracket right after a name
//! in kanji holds that person's district or branch (`品川 隆志（長野）`) unless a cue opens it.
//!
//! Invariant: each `(` of the text is looked at once and the bracket is read over at most
//! [`INSIDE_MAX`] characters; the names found so far are indexed once, when first asked about
//! ([`FoundNames`]: where they end, where each opening of up to [`WORD_MAX`] characters starts), so a
//! bracket costs no walk over them (a list of 100,000 names in brackets stays linear).

use std::cell::OnceCell;
use std::collections::HashMap;

use super::chars::{is_kanji, is_kata, one_of, sw};
use super::lexicon::{COMMON, PLACE, SUR};
use super::tables::F_OPEN;
use super::Ctx;

/// Characters read inside one bracket.
const INSIDE_MAX: usize = 20;

/// Kanji of one surname.
const WORD_MAX: usize = 4;

/// Cues before the surnames that make a place-like surname a name (`旧姓`, `担当` …).
const CUES: [&[char]; 6] = [&['旧', '姓'], &['担', '当'], &['当', '社'], &['社', '員'], &['代', '理'], &['記', '入']];

/// Words of the act after the last surname, before the closing bracket.
const ACTS: [&[char]; 8] =
    [&['記', '入'], &['作', '成'], &['宛'], &['不', '在'], &['確', '認'], &['対', '応'], &['担', '当'], &['受']];

/// The names found before the brackets are read, as the reader asks about them (they do not change while it
/// reads: what it finds is added afterwards). Each index is built on its first question only.
struct FoundNames<'t> {
    t: &'t [char],
    items: &'t [((usize, usize), f64)],
    /// Where a found name ends, sorted.
    ends: OnceCell<Vec<usize>>,
    /// Where found names start, by their first one to [`WORD_MAX`] characters.
    starts: OnceCell<HashMap<&'t [char], Vec<usize>>>,
}

impl<'t> FoundNames<'t> {
    fn new(t: &'t [char], items: &'t [((usize, usize), f64)]) -> Self {
        Self { t, items, ends: OnceCell::new(), starts: OnceCell::new() }
    }

    /// A found name ends at `at`.
    fn ends_at(&self, at: usize) -> bool {
        let ends = self.ends.get_or_init(|| {
            let mut v: Vec<usize> = self.items.iter().map(|&((_, b), _)| b).collect();
            v.sort_unstable();
            v
        });
        ends.binary_search(&at).is_ok()
    }

    /// A found name starting elsewhere than `s` opens with `w` (`w` at most [`WORD_MAX`] characters).
    fn opens_with(&self, w: &[char], s: usize) -> bool {
        let starts = self.starts.get_or_init(|| {
            let mut m: HashMap<&'t [char], Vec<usize>> = HashMap::new();
            for &((a, b), _) in self.items {
                for k in 1..=(b - a).min(WORD_MAX) {
                    m.entry(&self.t[a..a + k]).or_default().push(a);
                }
            }
            m
        });
        starts.get(w).is_some_and(|v| v.iter().any(|&a| a != s))
    }
}

impl Ctx<'_, '_> {
    /// Adds the surnames that fill a bracket (see the module header).
    #[inline(never)]
    pub(crate) fn bracket_surnames(&mut self) {
        let (t, n) = (self.t, self.n);
        let mut add: Vec<(usize, usize)> = Vec::new();
        let mut q = self.next_flag(0, F_OPEN);
        if q >= n {
            return;
        }
        let names = FoundNames::new(t, &self.found.items);
        while q < n {
            let at = q;
            q = self.next_flag(q + 1, F_OPEN);
            let mut k = at + 1;
            if t[at] != '(' || k >= n || !is_kanji(t[k]) {
                continue;
            }
            let lim = (at + 1 + INSIDE_MAX).min(n);
            let (mut cued, mut maiden) = (false, false);
            if let Some(c) = CUES.iter().find(|c| sw(t, k, c)) {
                cued = true;
                k += c.len();
                if k < n && one_of!(t[k], ": ") {
                    // `旧姓 X`, `旧姓：X`: the word after it is a surname, listed or not
                    maiden = c[0] == '旧';
                    k += 1;
                }
            }
            // `品川 隆志（長野）`: a bracket right after a name written in kanji, with no cue, says where that
            // person is from or belongs (a district, a branch), not who else
            if !cued && at > 0 && is_kanji(t[at - 1]) && names.ends_at(at) {
                continue;
            }
            let start = add.len();
            let mut placed = false;
            let ok = loop {
                let s = k;
                while k < lim && (is_kanji(t[k]) || self.kanji_no(k, s)) {
                    k += 1;
                }
                // `（森脇 → 相馬）`: an arrow between surnames, spaces around it
                let we = k;
                let mut j = k;
                while j < lim && t[j] == ' ' {
                    j += 1;
                }
                if j + 1 < lim && t[j] == '→' && j > s {
                    j += 1;
                    while j < lim && t[j] == ' ' {
                        j += 1;
                    }
                    k = j - 1; // the arrow (or the space after it) stands for the separator
                } else if k == s || k >= lim || !one_of!(t[k], ")・、/,") {
                    break false;
                }
                // the word, less a word of the act that closes the bracket (`相馬記入)`)
                let mut e = we;
                if t[k] == ')' {
                    if let Some(a) = ACTS.iter().find(|a| t[s..we].ends_with(a)) {
                        e -= a.len();
                    }
                }
                let kind = if e <= s || e - s > WORD_MAX {
                    Kind::No
                } else if maiden && t[k] == ')' && e - s >= 2 {
                    Kind::Name
                } else {
                    self.bracket_surname(&names, s, e, cued)
                };
                if kind == Kind::No {
                    break false;
                }
                placed |= kind == Kind::Place;
                add.push((s, e));
                if t[k] == ')' {
                    break !placed || self.stands_apart(&names, at, k);
                }
                k += 1;
            };
            if !ok {
                add.truncate(start);
            }
        }
        for (s, e) in add {
            self.add(s, e, 0.7);
        }
    }

    /// A ノ between kanji inside a word starting at `s` (`井ノ口`, `一ノ瀬`).
    fn kanji_no(&self, k: usize, s: usize) -> bool {
        let t = self.t;
        t[k] == 'ノ' && k > s && k + 1 < self.n && is_kanji(t[k + 1])
    }

    /// Whether `[s, e)` is a listed surname: one that is no place, or a place after a cue, a common word or
    /// a one-kanji surname only when found as a name elsewhere in the text (`森脇 …`, `森脇さん`).
    fn bracket_surname(&self, names: &FoundNames, s: usize, e: usize, cued: bool) -> Kind {
        let w = &self.t[s..e];
        let f = self.lex.get(w);
        if f & SUR == 0 {
            return Kind::No;
        }
        let common = f & COMMON != 0;
        if (cued && !common) || (!common && f & PLACE == 0 && w.len() >= 2) {
            return Kind::Name;
        }
        if names.opens_with(w, s) {
            return Kind::Name;
        }
        if common || w.len() < 2 {
            Kind::No
        } else {
            Kind::Place
        }
    }

    /// The bracket `[at, close]` says who did a thing, not where someone is from: it follows no name
    /// (`帆足（箱崎）`, `山本様（熊本）`) and ends a line, a sentence, a clause or a cell, or tags a
    /// speaker (`報告済（森脇）。`, `返信（森脇）：`).
    fn stands_apart(&self, names: &FoundNames, at: usize, close: usize) -> bool {
        let t = self.t;
        let prev = if at == 0 { '\n' } else { t[at - 1] };
        // a Latin or katakana word before it is mostly a name too (`Jane Doe（三沢）`, `アンナ（三沢）`)
        if prev.is_ascii_alphabetic() || is_kata(prev) || one_of!(prev, "様氏殿ん") || names.ends_at(at) {
            return false;
        }
        let mut a = at;
        while a > 0 && at - a < 6 && is_kanji(t[a - 1]) {
            a -= 1;
        }
        if a < at && self.lex.surname(&t[a..at]) {
            return false;
        }
        t.get(close + 1).is_none_or(|&c| one_of!(c, "\n。、:/／ \t\u{3000}"))
    }
}

/// What a word in brackets is.
#[derive(PartialEq, Clone, Copy)]
enum Kind {
    No,
    Name,
    /// A surname that is also a place: a name only where the bracket [`Ctx::stands_apart`].
    Place,
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn surnames_alone_in_brackets() {
        assert_eq!(names("経理の森脇 千尋さん（旧姓 百瀬）が結婚しました。\n"), ["森脇 千尋", "百瀬"]);
        assert_eq!(names("先方へ報告済（百瀬）。\n"), ["百瀬"]);
        assert_eq!(names("裏面メモ（百瀬記入）：特になし\n"), ["百瀬"]);
        assert_eq!(names("相馬さんに電話。回収を強化（相馬・百瀬）\n"), ["相馬", "相馬", "百瀬"]);
        assert_eq!(names("来週の会議資料を確認（森脇・相馬）\n"), ["森脇", "相馬"]);
        assert_eq!(names("引継ぎ（森脇 → 相馬）\n"), ["森脇", "相馬"]);
        assert_eq!(names("名義変更（旧姓：鷲ノ宮）\n"), ["鷲ノ宮"]);
    }

    #[test]
    fn places_and_words_in_brackets_are_no_names() {
        assert!(names("会場は御社（品川）です。\n").is_empty());
        assert!(names("家賃相場（箱崎・1K）を確認。\n").is_empty());
        assert!(names("渡辺（箱崎）　郵送済\n").iter().all(|n| n != "箱崎"));
        assert_eq!(names("在庫はXYZ（三沢）。\n"), Vec::<String>::new());
        // the district of a person named before the bracket, though the same surname is a name elsewhere
        assert_eq!(names("出席：森 重雄（森）\n"), ["森 重雄"]);
        assert!(names("（東京）（本社）（株式会社）（重要）（未定）\n").is_empty());
        assert!(names("日本語（母語）と英語（業務）。\n").is_empty());
        assert!(names("手当の支給（旧姓使用）。経路（東京 → 大阪）\n").is_empty());
    }
}
