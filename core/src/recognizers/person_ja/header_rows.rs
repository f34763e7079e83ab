//! The header row of a table of people: labels, not names. A row is read as a header by its shape: four cells
//! or more (split by tabs, bars or commas, else by spaces), each short and none starting with a digit, one of
//! them a name label (氏名, 名前, ｼﾒｲ), and under it a row of data whose cell below the name label (or the
//! reading after it; the same columns in a table aligned with spaces) holds a name found by the rules. A word the rules took for a name in such a row (`車種`, `職種`
//! beside `氏名`) is one of the labels, and is dropped; a form's line (`氏名⇥山田⇥性別⇥男`) has no names
//! under its label, and keeps its name.

use super::Ctx;

/// Cells of a header row.
const MIN_CELLS: usize = 4;
/// Characters of the longest header cell.
const CELL_MAX: usize = 10;
/// Characters of the longest line read.
const LINE_MAX: usize = 300;

impl Ctx<'_, '_> {
    /// Drops the names found in the header rows of tables of people (see the module header).
    #[inline(never)]
    pub(crate) fn drop_header_cells(&mut self) {
        let (t, n) = (self.t, self.n);
        // the name labels of the text (the keyword pass's labels holding 氏名 / 名前 / シメイ), by position: most
        // texts have none, and nothing more is read
        let occ = self.doc.occurrences(super::LABEL_GROUP);
        let mut labels: Vec<usize> = occ
            .starts
            .iter()
            .zip(occ.ends.iter())
            .filter(|&(&a, &b)| b <= n && name_label(&t[a..b]))
            .map(|(&a, _)| a)
            .collect();
        if labels.is_empty() {
            return;
        }
        labels.sort_unstable();
        let mut drop: Vec<(usize, usize)> = Vec::new();
        for &((s, e), _) in &self.found.items {
            if t[s..e].iter().any(|&c| c == ' ' || c == '\u{3000}' || c == '\t') {
                continue;
            }
            // a name label within a line's length of it
            let k = labels.partition_point(|&x| x + LINE_MAX < s);
            if labels.get(k).is_none_or(|&x| x > s + LINE_MAX) {
                continue;
            }
            let back = s.saturating_sub(LINE_MAX + 1);
            let ls = t[back..s].iter().rposition(|&c| c == '\n').map_or(back, |k| back + k + 1);
            let fwd = (e + LINE_MAX + 1).min(n);
            let le = t[e..fwd].iter().position(|&c| c == '\n').map_or(fwd, |k| e + k);
            if ls == back && back > 0 || le == fwd && fwd < n || le - ls > LINE_MAX {
                continue;
            }
            // a name label on its line
            let k = labels.partition_point(|&x| x < ls);
            if labels.get(k).is_none_or(|&x| x >= le) {
                continue;
            }
            let sep = sep_of(t, ls, le);
            let head = cells(t, ls, le, sep);
            if head.len() < MIN_CELLS
                || head.iter().any(|&(a, b)| b - a > CELL_MAX || t[a].is_ascii_digit() || is_wide_digit(t[a]))
            {
                continue;
            }
            // the finding is one whole cell, and another cell is a name label
            let Some(&(la, lb)) = head.iter().find(|&&(a, b)| (a, b) != (s, e) && name_label(&t[a..b])) else {
                continue;
            };
            if !head.contains(&(s, e)) {
                continue;
            }
            // the data row under it: the first line after it that is no rule (|---|) nor blank
            let mut ds = le + 1;
            let mut row = None;
            while ds < n {
                let de = t[ds..].iter().position(|&c| c == '\n').map_or(n, |k| ds + k);
                if t[ds..de].iter().any(|&c| !matches!(c, ' ' | '\u{3000}' | '|' | '-' | ':' | '+' | '｜' | '\t')) {
                    row = Some((ds, de));
                    break;
                }
                ds = de + 1;
                if ds > le + 1 + LINE_MAX {
                    break;
                }
            }
            let Some((ds, de)) = row else { continue };
            if de - ds > LINE_MAX {
                continue;
            }
            let data = cells(t, ds, de, sep_of(t, ds, de));
            // a table's row has as many cells (a form's next line is a label and its value)
            if data.len() + 1 < head.len() || data.iter().any(|&(a, b)| name_label(&t[a..b])) {
                continue;
            }
            // the place under the label: the cell of the same index, or the same columns of an aligned table
            let k = head.iter().position(|&c| c == (la, lb)).unwrap_or(0);
            let under = if sep != Sep::Space && sep_of(t, ds, de) == sep && data.len() == head.len() {
                // the cell under the label or the one after it (its reading)
                (data[k].0, data.get(k + 1).map_or(data[k].1, |c| c.1))
            } else {
                (ds + (la - ls).saturating_sub(2), (ds + (lb - ls) + 4).min(de))
            };
            let names_under =
                self.found.items.iter().any(|&((a, b), _)| a < under.1 && under.0 < b && a >= ds && b <= de);
            if names_under {
                drop.push((s, e));
            }
        }
        if !drop.is_empty() {
            self.found.items.retain(|x| !drop.contains(&x.0));
            self.found.index.clear();
            for (i, x) in self.found.items.iter().enumerate() {
                self.found.index.insert(x.0, i);
            }
        }
    }
}

/// How a line splits into cells: tabs, bars or commas when it holds one of them (in that order), else spaces.
#[derive(Clone, Copy, PartialEq)]
enum Sep {
    Tab,
    Bar,
    Comma,
    Space,
}

fn sep_of(t: &[char], s: usize, e: usize) -> Sep {
    let l = &t[s..e];
    if l.contains(&'\t') {
        Sep::Tab
    } else if l.iter().any(|&c| c == '|' || c == '｜') {
        Sep::Bar
    } else if l.contains(&',') {
        Sep::Comma
    } else {
        Sep::Space
    }
}

/// The cells of the line `[s, e)` split by `sep` (spaces at their ends trimmed, empty cells left out).
fn cells(t: &[char], s: usize, e: usize, sep: Sep) -> Vec<(usize, usize)> {
    let is_sep = |c: char| match sep {
        Sep::Tab => c == '\t',
        Sep::Bar => c == '|' || c == '｜',
        Sep::Comma => c == ',',
        Sep::Space => c == ' ' || c == '\u{3000}',
    };
    let mut out = Vec::new();
    let mut a = s;
    for i in s..=e {
        if i == e || is_sep(t[i]) {
            let (mut x, mut y) = (a, i);
            while x < y && matches!(t[x], ' ' | '\u{3000}') {
                x += 1;
            }
            while y > x && matches!(t[y - 1], ' ' | '\u{3000}') {
                y -= 1;
            }
            if y > x {
                out.push((x, y));
            }
            a = i + 1;
        }
    }
    out
}

/// A cell that labels a column of names: 氏名, お名前, 氏名（カナ）, ｼﾒｲ (spaces inside left out).
fn name_label(w: &[char]) -> bool {
    let (mut p2, mut p1) = ('\0', '\0');
    for &c in w.iter().filter(|&&c| c != ' ') {
        if matches!((p1, c), ('氏', '名') | ('名', '前')) || matches!((p2, p1, c), ('シ' | 'ｼ', 'メ' | 'ﾒ', 'イ' | 'ｲ'))
        {
            return true;
        }
        (p2, p1) = (p1, c);
    }
    false
}

fn is_wide_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn a_label_beside_the_name_label_of_a_table() {
        let text = "区画\t氏名\t車種\t備考\nA-1\t真壁 遥\tワゴン\tなし\n";
        assert!(!names(text).iter().any(|w| w == "車種"), "{:?}", names(text));
        assert!(names(text).iter().any(|w| w == "真壁 遥"));
    }

    #[test]
    fn a_form_line_keeps_its_name() {
        assert_eq!(names("氏名\t砂川\t性別\t男\n住所\t東京都千代田区\t電話\t03-1111-2222\n"), ["砂川"]);
        let form = "代表者氏名 マルコ・ロッシ 国籍 イタリア 旅券 確認済\n同行者 Anna ROSSI\n";
        assert!(names(form).iter().any(|w| w == "マルコ・ロッシ"), "{:?}", names(form));
    }

    #[test]
    fn a_header_aligned_with_spaces() {
        let text = "No  氏名        職種    年齢\n1   真壁 遥     事務    41\n";
        assert_eq!(names(text), ["真壁 遥"]);
    }
}
