//! Columns of names in blocks of aligned or delimited lines: a rota, a check sheet, a log with a 担当 column.
//!
//! A block is three or more consecutive lines split the same way (tabs, `|`, commas, runs of spaces) into
//! the same number of cells ([`crate::table::line_cells`]); its first line is a header when none of its
//! cells holds a digit or a name found already. A column of the block is a column of names when
//! - its header names people (氏名, 担当, 確認者, 記入, サイン … : [`person_header`]) and one of its cells at
//!   least is a name found by another rule or a listed surname or full name; or
//! - two of its cells at least, a third of the filled ones, are names found by other rules.
//!
//! Then every cell of the column shaped like a name ([`Ctx::cell_name`]: Japanese letters, one space at
//! most, no place, department or common word) is taken, two names in a cell split at `／ / ・ 、`, provided
//! two thirds of the filled cells are so shaped (a column of remarks is not). A table found by
//! [`crate::table`] under a name header is read by `table_columns` already; this rule adds the blocks without
//! a header of header words, and the columns whose other cells give them away.
//!
//! Invariant: blocks are read around the lines holding a name found already only (a block of names none of
//! whose cells another rule finds is left alone); a line is split at most twice, and a block at most [`MAX_LINES`] lines each way: linear.

use super::chars::{is_hira, is_kanji, is_kata};
use super::cues::name_header;
use super::{honorific_at, Ctx};
use crate::document::{line_end, line_start, LINE_LIMIT};
use crate::table::{line_cells, CharWords, Delim};
use std::sync::OnceLock;

/// The most lines a block is followed from its anchor, each way.
const MAX_LINES: usize = 200;

/// Header words naming the people of a column besides [`name_header`]'s.
const PERSON_HEADERS: &[&str] = &["確認", "記入", "サイン", "署名", "当番", "受付者", "点検者", "立会"];

/// Words of a person column that are no name, nor part of one.
const NOT_NAMES: &[&str] = &[
    "未定",
    "全員",
    "各自",
    "本人",
    "不要",
    "なし",
    "ナシ",
    "同上",
    "同左",
    "同右",
    "不在",
    "欠席",
    "出席",
    "休み",
    "家族",
    "オーナー",
];

/// Last characters of a unit, a building or a place, not of a name (surnames ending 山 川 島 are many).
const ORG_LAST: &str = "部課室係班社局署庁省院館店所会庫場棟県市区町村駅";

/// One line of a block: its cells.
type Row = Vec<(usize, usize)>;

impl Ctx<'_, '_> {
    /// Adds the cells of the columns of names of the blocks around the names found so far.
    #[inline(never)]
    pub(crate) fn column_names(&mut self) {
        let keys = self.found.sorted_keys();
        let t = self.t;
        let mut done = 0;
        for p in keys.iter().map(|&(s, _)| s) {
            if p < done {
                continue;
            }
            let (ls, le) = (line_start(t, p, LINE_LIMIT), line_end(t, p, LINE_LIMIT));
            done = le + 1;
            let Some((delim, cells)) = line_cells(t, ls, le) else { continue };
            let (block, end) = self.block_around(ls, le, delim, cells);
            done = done.max(end + 1);
            if block.len() >= 3 {
                self.block_names(&block, &keys);
            }
        }
    }

    /// The lines of the block holding the line `[ls, le)` (split into `cells` by `delim`), in order, and
    /// the end of its last line.
    fn block_around(&self, ls: usize, le: usize, delim: Delim, cells: Row) -> (Vec<Row>, usize) {
        let t = self.t;
        let width = cells.len();
        let same = |a: usize, b: usize| line_cells(t, a, b).filter(|(d, c)| *d == delim && c.len() == width);
        let mut up = Vec::new();
        let mut a = ls;
        while a > 0 && up.len() < MAX_LINES {
            let pe = a - 1;
            let ps = line_start(t, pe, LINE_LIMIT);
            let Some((_, c)) = same(ps, pe) else { break };
            up.push(c);
            a = ps;
        }
        up.reverse();
        up.push(cells);
        let mut end = le;
        while end < self.n && up.len() < 2 * MAX_LINES {
            let ns = end + 1;
            let ne = line_end(t, ns, LINE_LIMIT);
            let Some((_, c)) = same(ns, ne) else { break };
            up.push(c);
            end = ne;
        }
        (up, end)
    }

    /// Adds the names of the columns of names of `block` (`keys`: the names found so far, sorted).
    fn block_names(&mut self, block: &[Row], keys: &[(usize, usize)]) {
        let t = self.t;
        let hit = |(s, e): (usize, usize)| {
            let i = keys.partition_point(|&(a, _)| a < s);
            keys[i..].iter().take_while(|&&(a, _)| a < e).any(|&(a, b)| b <= e && (b - a) * 2 >= e - s)
        };
        let header = block[0].iter().all(|&(s, e)| !t[s..e].iter().any(|c| c.is_ascii_digit()) && !hit((s, e)));
        let rows = if header { &block[1..] } else { block };
        for col in 0..block[0].len() {
            let named = header && person_header(&t[block[0][col].0..block[0][col].1]);
            let cells = rows.iter().map(|r| r[col]).filter(|c| c.1 > c.0);
            let (filled, hits) = cells.clone().fold((0, 0), |(f, h), c| (f + 1, h + usize::from(hit(c))));
            if hits == filled || !(named || (hits >= 2 && hits * 3 >= filled)) {
                continue; // the cheap test first: most columns hold no name, or names found already
            }
            // a cell holding a found name counts as a name; the others are read
            let (mut listed, mut shaped) = (hits, hits);
            for c in cells.filter(|&c| !hit(c)) {
                let parts = self.cell_names(c);
                if !parts.is_empty() {
                    shaped += 1;
                    listed += usize::from(parts.iter().any(|&(s, e)| self.cell_listed(&t[s..e])));
                }
            }
            if (named && listed == 0) || shaped * 3 < filled * 2 {
                continue;
            }
            let score = if named { 0.8 } else { 0.75 };
            for row in rows.iter().filter(|r| !hit(r[col])) {
                for (s, e) in self.cell_names(row[col]) {
                    self.add(s, e, score);
                }
            }
        }
    }

    /// The names in the cell `[s, e)`: the cell itself, or its parts between `／ / ・ 、`, each shaped like a
    /// name (an honorific after it left out); empty when some part is not.
    fn cell_names(&self, (s, e): (usize, usize)) -> Vec<(usize, usize)> {
        let t = self.t;
        // 岩城さん: the honorific after the name is left out
        let e = (s + 1..e).find(|&k| honorific_at(t, k) == Some(e)).unwrap_or(e);
        let mut out = Vec::new();
        let mut a = s;
        for k in s..=e {
            if k == e || (matches!(t[k], '／' | '/' | '、') || (t[k] == '・' && k > s && is_kanji(t[k - 1]))) {
                if !self.cell_name(&t[a..k]) {
                    return Vec::new();
                }
                out.push((a, k));
                a = k + 1;
            }
        }
        out
    }

    /// A part of a cell shaped like a name: kanji and kana (一 space between surname and given name at most),
    /// up to 10 of them; one kanji only when a listed surname; unless a listed name, no unit, place, common or
    /// header word.
    fn cell_name(&self, p: &[char]) -> bool {
        let letter = |c: char| is_kanji(c) || is_hira(c) || is_kata(c) || matches!(c, '々' | 'ヶ' | 'ー');
        let spaces = p.iter().filter(|&&c| c == ' ').count();
        if p.is_empty() || p.len() > 10 || spaces > 1 || p[0] == ' ' || p[p.len() - 1] == ' ' {
            return false;
        }
        if !p.iter().all(|&c| letter(c) || c == ' ') {
            return false;
        }
        // okurigana: a verb or an adjective (済み, 対応中です), not a name of kanji then kana
        if spaces == 0 && p.windows(2).any(|w| is_kanji(w[0]) && is_hira(w[1])) && !self.lex.listed(p) {
            return false;
        }
        static NOT: OnceLock<CharWords> = OnceLock::new();
        if NOT.get_or_init(|| CharWords::new(NOT_NAMES)).found_in(p) || person_header(p) {
            return false;
        }
        if p.len() == 1 {
            return self.lex.surname(p);
        }
        if self.cell_listed(p) {
            return true;
        }
        // 総務課, 第二倉庫, 市民センター: a unit or a place
        let unit = p.last().is_some_and(|&c| ORG_LAST.contains(c)) || p.ends_with(&['セ', 'ン', 'タ', 'ー']);
        !(unit || self.tb.place_or_org_words.occurs_in(p) || (spaces == 0 && self.lex.common(p)))
    }

    /// A listed surname, a surname + given name, or a first word that is a listed surname.
    fn cell_listed(&self, p: &[char]) -> bool {
        let first = p.iter().position(|&c| c == ' ').map_or(p, |k| &p[..k]);
        self.lex.surname(first) || self.lex.split_full(p) > 0
    }
}

/// A column header naming people: [`name_header`]'s, or one of [`PERSON_HEADERS`].
fn person_header(cell: &[char]) -> bool {
    static WORDS: OnceLock<CharWords> = OnceLock::new();
    name_header(cell) || WORDS.get_or_init(|| CharWords::new(PERSON_HEADERS)).found_in(cell)
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn a_column_headed_by_a_person_word() {
        let log = "日付    方法    内容              担当\n4/1     電話    不在、再架電      岩城\n4/2     書面    督促状            楢葉\n4/5     面談    楢葉さんと相談    岩城／楢葉\n";
        let got = names(log);
        assert_eq!(got.iter().filter(|n| *n == "岩城").count(), 2, "{got:?}");
        assert_eq!(got.iter().filter(|n| *n == "楢葉").count(), 3, "{got:?}");
        // departments and a word of the column are no names
        let dept = "日付    方法    内容        担当\n4/1     電話    点検        総務課\n4/2     書面    清掃        同左\n4/3     面談    巡回        営業部\n";
        assert!(names(dept).is_empty(), "{:?}", names(dept));
    }

    #[test]
    fn a_column_whose_other_cells_are_names() {
        // a rota without header words: two names found by their honorific give the column away
        let rota = "月\t岩城さん\t早番\n火\t砥部\t遅番\n水\t楢葉さん\t早番\n木\t砥部\t休み\n";
        let got = names(rota);
        assert!(got.iter().filter(|n| *n == "砥部").count() == 2, "{got:?}");
        // a column of remarks next to a name stays out
        let notes = "月\t岩城さん\t鍵を返却\n火\t楢葉さん\t窓の施錠を確認した\n水\t砥部さん\t特になし\n";
        assert_eq!(names(notes), ["岩城", "楢葉", "砥部"]);
    }
}
