//! Records that open with a person: `松田 悠真 1979-08-26 …`, `1. 佐藤 健一　090-…`, `・山本 花子 (営業部)`.
//!
//! A line of a list pasted into mail or typed by hand often starts with a full name in the written order —
//! a listed surname, one space, a listed given name — and goes on with that person's values after a space.
//! The name is taken when, after an optional indentation and list marker (`・ ● ■ - * •`, `1.`, `1)`,
//! `(1)`, `①`, `No.3`, a record number `J-0012` / `000118` and a blank), the line starts with surname + space + given name and the given name ends its cell
//! (a space, a tab, `|`, `,`, `、`, a bracket, a slash or the line end). Both parts must be in the name
//! lexicon, and a given name of two characters or more no common word (`大橋 工事` is no name); a
//! one-character given name needs a surname of two characters or more (`高橋 実`, not `森 林`).
//!
//! Invariant: one pass over the line starts, at most [`MAX_PART`] + [`MAX_PART`] lexicon probes per
//! line: linear in the text.

use super::chars::{is_hira, is_kanji, one_of};
use super::tables::F_NL;
use super::{next_flag, Ctx};

/// The longest surname or given name read, in characters.
const MAX_PART: usize = 4;

impl Ctx<'_, '_> {
    /// Adds the full names that open a record line.
    #[inline(never)]
    pub(crate) fn row_names(&mut self) {
        let n = self.n;
        let mut ls = 0;
        while ls < n {
            let le = next_flag(self.fl, ls, F_NL);
            if let Some((s, e)) = self.row_name_at(ls, le) {
                self.add(s, e, 0.8);
            }
            ls = le + 1;
        }
    }

    /// The full name opening the line `[ls, le)`, after its indentation and list marker.
    fn row_name_at(&self, ls: usize, le: usize) -> Option<(usize, usize)> {
        let t = self.t;
        let lex = self.lex;
        let g = list_marker_end(t, skip_blanks(t, ls, le), le);
        let a_max = (g..le.min(g + MAX_PART)).take_while(|&i| is_kanji(t[i])).count();
        for a in (1..=a_max).rev() {
            let sp = g + a;
            if t.get(sp) != Some(&' ') || !lex.surname(&t[g..sp]) {
                continue;
            }
            let h = sp + 1;
            let b_max = (h..le.min(h + MAX_PART)).take_while(|&i| is_kanji(t[i]) || is_hira(t[i])).count();
            for b in (1..=b_max).rev() {
                let e = h + b;
                if !cell_ends(t, e, le) {
                    continue;
                }
                let given = &t[h..e];
                if lex.given(given) && if b == 1 { a > 1 } else { !lex.common(given) } {
                    return Some((g, e));
                }
            }
            return None;
        }
        None
    }
}

/// The first position of `[i, le)` that is not a space or a tab.
fn skip_blanks(t: &[char], mut i: usize, le: usize) -> usize {
    while i < le && (t[i] == ' ' || t[i] == '\t') {
        i += 1;
    }
    i
}

/// Where the text after a list marker at `i` starts (`i` itself when there is none): `・`, `●`, `-`, `1.`,
/// `1)`, `(1)`, `①`, `No.3`, each followed by optional blanks.
fn list_marker_end(t: &[char], i: usize, le: usize) -> usize {
    let at = |k: usize| t.get(k).copied().filter(|_| k < le);
    let after = |k: usize| skip_blanks(t, k, le);
    let Some(c) = at(i) else { return i };
    if one_of!(c, "・●○■□◆◇▪•*-－") || ('①'..='⑳').contains(&c) {
        return after(i + 1);
    }
    let digits_from = |k: usize| (k..le).take_while(|&j| t[j].is_ascii_digit()).count();
    if c == '(' {
        let d = digits_from(i + 1);
        if (1..=3).contains(&d) && at(i + 1 + d) == Some(')') {
            return after(i + 2 + d);
        }
        return i;
    }
    if (c == 'N' || c == 'n') && at(i + 1).is_some_and(|x| x == 'o' || x == 'O') && at(i + 2) == Some('.') {
        let d = digits_from(i + 3);
        if (1..=4).contains(&d) && at(i + 3 + d).is_some_and(|x| x == ' ' || x == '\t') {
            return after(i + 3 + d);
        }
        return i;
    }
    let d = digits_from(i);
    if (1..=3).contains(&d) && at(i + d).is_some_and(|x| one_of!(x, ".)、")) {
        return after(i + d + 1);
    }
    // a record number of a roster, then a blank: `4    鬼頭 丈`, `000118  伊達 政之`, `J-0012 空閑 翼`
    let code = (i..le.min(i + 11)).take_while(|&j| t[j].is_ascii_alphanumeric() || t[j] == '-').count();
    if (1..=10).contains(&code)
        && t[i].is_ascii_alphanumeric()
        && t[i..i + code].iter().any(char::is_ascii_digit)
        && at(i + code).is_some_and(|x| x == ' ' || x == '\t')
    {
        return after(i + code);
    }
    i
}

/// A cell ends at `e`: the line ends there, or a separator follows.
fn cell_ends(t: &[char], e: usize, le: usize) -> bool {
    e >= le || one_of!(t[e], " \t|,、(（/")
}

#[cfg(test)]
mod tests {
    use crate::recognizers::person_ja::tests::names;

    #[test]
    fn a_record_line_opening_with_a_full_name() {
        assert_eq!(names("松田 悠真 1979-08-26 東京都"), ["松田 悠真"]);
        assert_eq!(names("佐藤 健一\t090-1234-5678"), ["佐藤 健一"]);
        assert_eq!(names("1. 山本 花子\u{3000}営業部"), ["山本 花子"]);
        assert_eq!(names("・高橋 美咲, 1990/04/05"), ["高橋 美咲"]);
        assert_eq!(names("(2) 中村 翔太 (総務)"), ["中村 翔太"]);
        assert_eq!(names("No.3 伊藤 誠 45歳"), ["伊藤 誠"]);
        assert_eq!(names("K-0031\u{3000}岡田 浩二\u{3000}\u{3000}東京都"), ["岡田 浩二"]);
        assert_eq!(names("000207  森本 由香    2,400"), ["森本 由香"]);
    }

    #[test]
    fn not_without_a_listed_given_name_or_a_cell_end() {
        assert_eq!(names("大橋 工事 予定 3日"), Vec::<String>::new());
        assert_eq!(names("本社 営業部 03-1234-5678"), Vec::<String>::new());
        assert_eq!(names("森 林 2ha"), Vec::<String>::new());
        // a record number before words that are no name, a code without a digit
        assert_eq!(names("A-12 大橋 工事 3日"), Vec::<String>::new());
        // (no record number here, but the pair stands alone after a space: pair_names reads it)
        assert_eq!(names("ABC 山本 花子"), ["山本 花子"]);
    }
}
