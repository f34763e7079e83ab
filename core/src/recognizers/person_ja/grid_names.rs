//! Grids of surnames: rotas, shift and duty tables, sign-off rows split by `|`, `｜` or tabs.
//!
//! A grid is a run of consecutive lines split by the same delimiter (a vertical bar or a tab, Markdown rule
//! lines skipped) into the same number of cells; its first line is a header when it holds no digit and no
//! name found already. Each cell is cleaned (an honorific, a bracket `（非常勤）` and check marks `✓ ㊞` after
//! it left out; `—`, `（空）` read as empty) and split at `・ 、 ／ /` into parts, each of which is
//! - a *hit*: a name found by another rule covers it, or
//! - a *candidate*: a listed surname of one to four kanji, a listed full name, or a listed surname, a space
//!   and a short given name; *strong* when of two characters or more and no common word as well (most surnames are also places:
//!   a column of places is told by its header), or
//! - something else: a place, a shift code, a product, a remark.
//!
//! The grid is read as a whole, never one cell alone. A column is a column of names when all its filled
//! cells but one in four are hits or candidates, one at least of two characters or more, and
//! - one of its cells is a hit, or its header names people (氏名, 担当, 受付者 …), or
//! - the grid holds two such columns of candidates (two or more each, one strong) — a rota;
//!
//! unless its header names a place or a thing (行先, 病棟, 会社 …). A row is a row of names (a sign-off row
//! of a short grid) when three cells or more are filled, one is a hit and none is something else.
//! The candidates of such columns and rows are taken.
//!
//! Invariant: the text is scanned once for a delimiter, each line is split once, and a grid is at most
//! [`MAX_LINES`] lines; each part is looked up in the lexicon at most twice: linear in the text.

use super::chars::{is_hira, is_kanji, is_kata};
use super::cues::name_header;
use super::lexicon::{COMMON, FOREIGN};
use super::{honorific_at, Ctx};
use crate::document::{line_end, line_start, LINE_LIMIT};
use crate::table::{line_cells, CharWords, Delim};
use std::sync::OnceLock;

/// The most lines of one grid.
const MAX_LINES: usize = 100;

/// Header words of a column of people besides [`name_header`]'s.
const PERSON_HEADERS: &[&str] =
    &["当番", "当直", "確認", "記入", "承認", "作成", "点検", "受付", "係", "医", "リーダー", "オンコール"];

/// Header words of a column of places or things: its listed surnames are places (長野, 福岡).
const THING_HEADERS: &[&str] = &[
    "地",
    "先",
    "場所",
    "会場",
    "店",
    "駅",
    "県",
    "市",
    "区",
    "町",
    "村",
    "路線",
    "方面",
    "拠点",
    "エリア",
    "出発",
    "到着",
    "経由",
    "病棟",
    "部署",
    "部門",
    "課",
    "会社",
    "社名",
    "品",
    "名称",
    "車",
    "件名",
    "内容",
    "備考",
    "学校",
];

/// Cells that are empty in a grid.
const EMPTY: &[&str] = &["—", "―", "-", "－", "ー", "–", "空", "（空）", "(空)", "なし", "未定", "休み"];

/// One line of a grid: its cells.
type Row = Vec<(usize, usize)>;

/// The parts of one cell, each with its span (char offsets) and what it is.
type CellParts = Vec<((usize, usize), Part)>;

/// What a part of a cell is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Hit,
    /// A candidate, strong or not.
    Cand(bool),
    Other,
}

/// The counts of one column (or row) of a grid.
#[derive(Default, Clone, Copy)]
struct Tally {
    filled: usize,
    hits: usize,
    cands: usize,
    strong: usize,
    others: usize,
    /// A hit or candidate of two characters or more.
    long: bool,
}

impl Tally {
    fn add(&mut self, parts: &[((usize, usize), Part)]) {
        if parts.is_empty() {
            return;
        }
        self.filled += 1;
        if parts.iter().any(|p| p.1 == Part::Other) {
            self.others += 1;
            return;
        }
        self.hits += usize::from(parts.iter().any(|p| p.1 == Part::Hit));
        self.cands += usize::from(parts.iter().any(|p| matches!(p.1, Part::Cand(_))));
        self.strong += usize::from(parts.iter().any(|p| p.1 == Part::Cand(true)));
        self.long |= parts.iter().any(|p| p.0 .1 - p.0 .0 >= 2);
    }

    /// All filled cells but one in four are names, one of two characters or more.
    fn names(&self) -> bool {
        self.filled >= 2 && self.others * 4 <= self.filled && self.long
    }
}

impl Ctx<'_, '_> {
    /// Adds the candidates of the columns and rows of names of the grids of the text.
    #[inline(never)]
    pub(crate) fn grid_names(&mut self) {
        let t = self.t;
        let n = self.n;
        let mut keys: Option<Vec<(usize, usize)>> = None;
        let mut i = 0;
        while i < n {
            // `｜` is folded to `|`; an ASCII byte never occurs inside a longer UTF-8 sequence
            let (bf, bt) = self.bytes_of(i, n);
            let Some(kb) = memchr::memchr2(b'|', b'\t', &self.doc.norm.s.as_bytes()[bf..bt]) else { break };
            let p = self.char_at_byte(i, n, bf + kb);
            let ls = line_start(t, p, LINE_LIMIT);
            let (rows, end) = self.grid_at(ls);
            if rows.len() >= 2 || rows.first().is_some_and(|r| r.len() >= 3) {
                let keys = keys.get_or_insert_with(|| self.found.sorted_keys());
                self.grid(&rows, keys);
            }
            i = end.max(p) + 1;
        }
    }

    /// The rows of the grid starting on the line at `ls`, and the end of its last line.
    fn grid_at(&self, ls: usize) -> (Vec<Row>, usize) {
        let t = self.t;
        let mut rows: Vec<Row> = Vec::new();
        let mut delim = None;
        let (mut a, mut end) = (ls, line_end(t, ls, LINE_LIMIT));
        while a < self.n && rows.len() < MAX_LINES {
            let b = line_end(t, a, LINE_LIMIT);
            if rule_line(&t[a..b]) {
                (end, a) = (b, b + 1);
                continue;
            }
            let Some((d, cells)) = line_cells(t, a, b) else { break };
            if !matches!(d, Delim::Bar | Delim::Tab)
                || delim.is_some_and(|x| x != d)
                || rows.first().is_some_and(|r| r.len() != cells.len())
            {
                break;
            }
            delim = Some(d);
            rows.push(cells);
            (end, a) = (b, b + 1);
        }
        (rows, end)
    }

    /// Adds the candidates of the columns and rows of names of the grid `rows`.
    fn grid(&mut self, rows: &[Row], keys: &[(usize, usize)]) {
        let t = self.t;
        let parts: Vec<Vec<CellParts>> =
            rows.iter().map(|r| r.iter().map(|&c| self.grid_parts(c, keys)).collect()).collect();
        let header = rows.len() >= 2
            && rows[0].iter().all(|&(s, e)| !t[s..e].iter().any(|c| c.is_ascii_digit()))
            && parts[0].iter().flatten().all(|p| p.1 != Part::Hit);
        let data = if header { 1 } else { 0 };
        let width = rows[0].len();
        static PERSON: OnceLock<CharWords> = OnceLock::new();
        static THING: OnceLock<CharWords> = OnceLock::new();
        let mut tallies = vec![Tally::default(); width];
        let mut named = vec![false; width];
        for col in 0..width {
            if header {
                let h = &t[rows[0][col].0..rows[0][col].1];
                named[col] = name_header(h) || PERSON.get_or_init(|| CharWords::new(PERSON_HEADERS)).found_in(h);
                if !named[col] && THING.get_or_init(|| CharWords::new(THING_HEADERS)).found_in(h) {
                    continue;
                }
            }
            for row in &parts[data..] {
                tallies[col].add(&row[col]);
            }
        }
        let rota = tallies.iter().filter(|c| c.names() && c.cands >= 2 && c.strong >= 1 && c.others == 0).count();
        let mut take = Vec::new();
        for col in 0..width {
            let c = tallies[col];
            if c.names() && c.cands >= 1 && (c.hits >= 1 || named[col] || rota >= 2) {
                take.extend(parts[data..].iter().flat_map(|r| r[col].iter()));
            }
        }
        // a sign-off row: names in every cell, one of them found already
        if rows.len() - data <= 2 {
            for row in &parts[data..] {
                let mut c = Tally::default();
                row.iter().for_each(|p| c.add(p));
                if c.filled >= 3 && c.hits >= 1 && c.cands >= 1 && c.others == 0 {
                    take.extend(row.iter().flatten());
                }
            }
        }
        for &((s, e), p) in take {
            if matches!(p, Part::Cand(_)) {
                self.add(s, e, 0.7);
            }
        }
    }

    /// The parts of the cell `[s, e)` and what each is; empty for an empty cell.
    fn grid_parts(&self, (s, e): (usize, usize), keys: &[(usize, usize)]) -> CellParts {
        let t = self.t;
        let e = clean_end(t, s, e);
        static EMPTY_WORDS: OnceLock<CharWords> = OnceLock::new();
        if e == s || EMPTY_WORDS.get_or_init(|| CharWords::new(EMPTY)).equals(&t[s..e]) {
            return Vec::new();
        }
        let i = keys.partition_point(|&(a, _)| a < s);
        if keys[i..].iter().take_while(|&&(a, _)| a < e).any(|&(a, b)| b <= e && (b - a) * 2 >= e - s) {
            return vec![((s, e), Part::Hit)];
        }
        let mut out = Vec::new();
        let mut a = s;
        for k in s..=e {
            if k == e || matches!(t[k], '／' | '/' | '、' | ',' | '，') || (t[k] == '・' && k > s && is_kanji(t[k - 1]))
            {
                let (ps, pe) = (a, clean_end(t, a, k));
                let (ps, pe) = (ps + t[ps..pe].iter().take_while(|c| c.is_whitespace()).count(), pe);
                let hit = keys.binary_search(&(ps, pe)).is_ok();
                out.push(((ps, pe), if hit { Part::Hit } else { self.grid_part(&t[ps..pe]) }));
                a = k + 1;
            }
        }
        out
    }

    /// A part of a cell: a candidate name (strong or not) or something else.
    fn grid_part(&self, p: &[char]) -> Part {
        let kanji = |c: &char| is_kanji(*c) || matches!(c, '々' | 'ヶ' | 'ノ');
        if (1..=4).contains(&p.len()) && p.iter().all(kanji) {
            let f = self.lex.get(p);
            if self.lex.surname(p) {
                return Part::Cand(p.len() >= 2 && f & COMMON == 0);
            }
            return if p.len() >= 3 && self.lex.split_full(p) > 0 { Part::Cand(true) } else { Part::Other };
        }
        // 鈴木 一郎: a listed surname, one space, a given name of kanji or kana
        if let Some(k) = p.iter().position(|&c| c == ' ' || c == '　') {
            let (a, b) = (&p[..k], &p[k + 1..]);
            let given = (1..=4).contains(&b.len()) && b.iter().all(|c| kanji(c) || is_hira(*c) || is_kata(*c));
            if (1..=4).contains(&a.len()) && a.iter().all(kanji) && self.lex.surname(a) && given {
                return Part::Cand(true);
            }
            return Part::Other;
        }
        if p.len() >= 2 && p.iter().all(|&c| is_kata(c) || c == '・') && self.lex.get(p) & FOREIGN != 0 {
            return Part::Cand(false);
        }
        Part::Other
    }
}

/// The end of a cell's name: without the honorific, the bracket and the check marks after it.
fn clean_end(t: &[char], s: usize, mut e: usize) -> usize {
    loop {
        while e > s && (t[e - 1].is_whitespace() || matches!(t[e - 1], '✓' | '✔' | '㊞' | '印' | '○' | '〇' | '◯'))
        {
            e -= 1;
        }
        if e > s && matches!(t[e - 1], '）' | ')') {
            match t[s..e - 1].iter().rposition(|&c| matches!(c, '（' | '(')) {
                Some(k) if k > 0 => {
                    e = s + k;
                    continue;
                }
                _ => return e,
            }
        }
        break;
    }
    (s + 1..e).find(|&k| honorific_at(t, k) == Some(e)).unwrap_or(e)
}

/// A Markdown rule line: `|---|:--:|`.
fn rule_line(l: &[char]) -> bool {
    l.contains(&'-') && l.iter().all(|&c| matches!(c, '|' | '｜' | '-' | ':' | ' ' | '　' | '\t'))
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn a_rota_of_surnames() {
        // no name is found by another rule: two columns of surnames give the grid away
        let rota = "| 日 | 早番 | 遅番 |\n|---|---|---|\n| 1 | 砥部 | 楢葉 |\n| 2 | 岩城 | 砥部 |\n| 3 | 楢葉 | 岩城（応援） |\n";
        let got = names(rota);
        assert_eq!(got.len(), 6, "{got:?}");
        // one column of surnames alone is not enough
        let one = "| 日 | 早番 | 備品 |\n|---|---|---|\n| 1 | 砥部 | 脚立 |\n| 2 | 岩城 | 台車 |\n";
        assert!(names(one).is_empty(), "{:?}", names(one));
    }

    #[test]
    fn a_column_of_places_or_codes_is_no_names() {
        let trips = "日付\t出発\t到着\n4/1\t長野\t福岡\n4/2\t福岡\t名古屋\n4/3\t名古屋\t長野\n";
        assert!(names(trips).is_empty(), "{:?}", names(trips));
        let shifts = "氏名\t月\t火\t水\n岩城さん\t日\t夜\t明\n楢葉さん\t休\t日\t夜\n";
        assert_eq!(names(shifts), ["岩城", "楢葉"]);
    }

    #[test]
    fn a_column_with_a_found_name_and_a_sign_off_row() {
        let log = "｜日付｜内容｜担当｜\n｜4/1｜点検｜砥部さん｜\n｜4/2｜清掃｜楢葉｜\n｜4/3｜巡回｜岩城・砥部｜\n";
        let got = names(log);
        assert_eq!(got.iter().filter(|n| n.starts_with("砥部")).count(), 2, "{got:?}");
        assert!(got.contains(&"楢葉".to_string()) && got.contains(&"岩城".to_string()), "{got:?}");
        let sign = "| 作成 | 確認 | 承認 |\n| 砥部さん | 楢葉 ✓ | 岩城 ㊞ |\n";
        assert_eq!(names(sign).len(), 3, "{:?}", names(sign));
        // a row of a found name and things is no sign-off row
        assert_eq!(names("| 砥部さん | 脚立 | 台車 |\n").len(), 1);
    }
}
