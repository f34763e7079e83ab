//! Roll calls and attendance lists: a line opening with an attendance mark and then a name, in a run of such
//! lines (`出 北浦` / `欠 南雲（出張）` / `遅 東条`, `○ 北浦` / `× 南雲` / `△ 東条 二次会のみ`), or a row whose cell
//! holds the mark before the cell of the name (`| ○ | 北浦 |`, `○\t北浦`).
//!
//! A mark (出 欠 遅 早 休, 出席 欠席 遅刻 早退, ○ ◯ 〇 ◎ ● △ ▲ × ✕ ✓ ✔) followed by a space, a tab, `|` or `,` is
//! read when it opens its line or cell. The word after it, up to a space, a bracket or a separator, is a
//! listed name (a surname that is no common word, a surname and given name, or a surname, a space and a
//! given name) or name-shaped (a surname that is also a common word, a word of katakana). A run of marked
//! lines, one after another, is a roll call when at least two of its words are listed names and the words
//! of no name shape are fewer than half the others; its listed and name-shaped words are names then.

use super::chars::{is_kanji, is_kata, one_of};
use super::Ctx;
use crate::document::{line_end, line_start};

/// The keyword group of the attendance marks.
pub(crate) const MARK_GROUP: &str = "person_ja.attendance_mark";

/// The attendance marks.
const MARKS: &[&str] = &[
    "出", "欠", "遅", "早", "休", "出席", "欠席", "遅刻", "早退", "○", "◯", "〇", "◎", "●", "△", "▲", "×", "✕", "✓",
    "✔",
];

/// What follows a mark: a space, a tab, a cell border, a comma.
const AFTER: &[&str] = &[" ", "\t", "|", ","];

/// The keywords of [`MARK_GROUP`]: each mark with each separator after it.
pub(crate) fn mark_keywords() -> Vec<String> {
    MARKS.iter().flat_map(|m| AFTER.iter().map(move |a| format!("{m}{a}"))).collect()
}

/// The shape of the word after a mark.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A listed name.
    Listed,
    /// A common-word surname or a katakana word.
    Shaped,
    /// Anything else.
    Other,
}

/// A marked line: its start, the word after its mark and that word's shape.
struct Marked {
    line: usize,
    word: (usize, usize),
    shape: Shape,
}

impl Ctx<'_, '_> {
    /// Adds the names of roll calls.
    #[inline(never)]
    pub(crate) fn attendance(&mut self) {
        let occ = self.doc.occurrences(MARK_GROUP);
        if occ.starts.len() < 2 {
            return;
        }
        let t = self.t;
        let mut marked: Vec<Marked> = Vec::new();
        let mut last_line = usize::MAX;
        for (&ms, &me) in occ.starts.iter().zip(occ.ends.iter()) {
            let ls = line_start(t, ms, 200);
            if ls == last_line {
                continue; // one mark a line: the first one read
            }
            // the mark opens its line or a cell
            let before = &t[ls..ms];
            let opens = before.iter().all(|&c| one_of!(c, " \t|,"))
                || before.iter().rev().find(|&&c| c != ' ').is_some_and(|&c| one_of!(c, "\t|,"));
            if !opens {
                continue;
            }
            if let Some(m) = self.marked_word(ls, me - 1) {
                last_line = ls;
                marked.push(m);
            }
        }
        let mut add: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < marked.len() {
            // a run: each marked line starts just after the line before it
            let mut j = i + 1;
            while j < marked.len() && line_start(t, marked[j].line.saturating_sub(1), 200) == marked[j - 1].line {
                j += 1;
            }
            let run = &marked[i..j];
            let listed = run.iter().filter(|m| m.shape == Shape::Listed).count();
            let shaped = run.iter().filter(|m| m.shape == Shape::Shaped).count();
            let other = run.len() - listed - shaped;
            if listed >= 2 && other * 2 < listed + shaped {
                add.extend(run.iter().filter(|m| m.shape != Shape::Other).map(|m| m.word));
            }
            i = j;
        }
        for (s, e) in add {
            self.add(s, e, 0.7);
        }
    }

    /// The word after the mark ending at `sep` (the separator after it), on the line starting at `ls`.
    fn marked_word(&self, ls: usize, sep: usize) -> Option<Marked> {
        let t = self.t;
        let le = line_end(t, sep, 200);
        let s = sep + t[sep..le].iter().take_while(|&&c| one_of!(c, " \t|,")).count();
        let e = s + t[s..le].iter().take_while(|&&c| !one_of!(c, " \t|,(（:：、")).count();
        if e == s || e - s > 10 {
            return None;
        }
        let w = &t[s..e];
        let lex = self.lex;
        let mut word = (s, e);
        let shape = if w.iter().all(|&c| is_kanji(c)) {
            if w.len() <= 4 && lex.surname(w) {
                // 北浦 一郎: a listed given name after one space goes with the surname
                let g = e + 1 + t[(e + 1).min(le)..le].iter().take_while(|&&c| is_kanji(c)).count();
                if e < le && t[e] == ' ' && g > e + 1 && lex.given(&t[e + 1..g]) && !lex.surname(&t[e + 1..g]) {
                    word = (s, g);
                    Shape::Listed
                } else if lex.common(w) {
                    Shape::Shaped
                } else {
                    Shape::Listed
                }
            } else if (3..=7).contains(&w.len()) && lex.split_full(w) != 0 {
                Shape::Listed
            } else {
                Shape::Other
            }
        } else if w.len() >= 2 && w.iter().all(|&c| is_kata(c) || c == '・') && is_kata(w[0]) && w[0] != 'ー' {
            Shape::Shaped
        } else {
            Shape::Other
        };
        Some(Marked { line: ls, word, shape })
    }
}

#[cfg(test)]
mod tests {
    use crate::recognizers::person_ja::tests::names;

    #[test]
    fn roll_calls_with_marks_of_kanji() {
        let text = "朝礼 点呼\n出　北浦\n出　ケビン\n欠　南雲（通院）\n遅　東条（電車遅延）\n休　なし\n以上\n";
        assert_eq!(names(text), ["北浦", "ケビン", "南雲", "東条"]);
    }

    #[test]
    fn attendance_lists_with_symbols() {
        let text = "懇親会 出欠\n○ 北浦\n× 南雲（私用）\n△ 東条 二次会のみ\n○ マルティネス\n会費は当日。\n";
        assert_eq!(names(text), ["北浦", "南雲", "東条", "マルティネス"]);
        // a surname with its given name after a space
        assert_eq!(names("◎ 北浦 健一\n○ 南雲\n"), ["北浦 健一", "南雲"]);
    }

    #[test]
    fn marks_in_cells_before_the_name() {
        assert_eq!(names("出欠\t氏名\n○\t北浦\n×\t南雲\n"), ["北浦", "南雲"]);
        assert_eq!(names("| ○ | 北浦 | 可 |\n| × | 南雲 | 不可 |\n"), ["北浦", "南雲"]);
    }

    #[test]
    fn marks_before_what_is_no_name() {
        // tasks, answers and dates after the marks
        assert!(names("○ 資料配布\n○ 会場予約\n× 不可\n").is_empty());
        assert!(names("出 12/3\n欠 12/4\n").is_empty());
        assert!(names("○ 見積書の作成\n○ 発注書の送付\n△ 検収\n").is_empty());
        // one marked name alone is no list
        assert!(names("注意事項\n○ 北浦\n会場は3階です。\n").is_empty());
        // a mark inside a sentence does not open a line
        assert!(names("本日は提出 北浦\n資料を提出 南雲\n").is_empty());
        // a list of tasks with one surname among them
        assert!(names("○ 在庫確認\n○ 北浦\n○ 棚卸し\n").is_empty());
    }
}
