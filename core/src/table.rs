//! Tables in plain text: rows pasted from a spreadsheet or a system into a mail or a note.
//!
//! A table is two or more consecutive lines split by one delimiter (a comma, a tab, a vertical bar
//! `|` / `｜`, a semicolon, or a run of two or more spaces for aligned columns), whose first line is a header:
//! short cells without digits, most of them header words (氏名, 住所, 電話, 生年月日 …). Markdown
//! rule lines (`|---|:--|`) between the header and the rows are skipped. Each data row's cells
//! are matched to the header's by position, so a header names the type of every cell under it.
//!
//! Invariants: cell spans are offsets into the folded text, trimmed of spaces and quotes, inside
//! their line; a line belongs to at most one table; finding the tables reads each line a bounded
//! number of times (linear in the text).

use crate::document::{Document, LINE_LIMIT};
use crate::text::Text;

/// How the cells of a line are split.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Delim {
    Tab,
    Bar,
    Comma,
    Semicolon,
    Spaces,
}

/// One table: its header cells and the cells of each data row, by column.
#[derive(Debug)]
pub struct Table {
    pub delim: Delim,
    pub header: Vec<(usize, usize)>,
    pub rows: Vec<Vec<(usize, usize)>>,
}

/// Every table of a document.
#[derive(Debug, Default)]
pub struct Tables {
    pub tables: Vec<Table>,
}

impl Tables {
    /// The tables of `doc`'s folded text, found once and shared by every recognizer.
    pub fn of<'d>(doc: &'d Document) -> &'d Tables {
        doc.shared().tables.get_or_init(|| Tables { tables: find_text(&doc.norm) })
    }

    /// Whether the line holding `pos` could belong to a table: it has a delimiter. Callers ask this first
    /// so that most documents never have their tables looked for.
    pub fn line_may_hold(doc: &Document, pos: usize) -> bool {
        let t = &doc.norm.chars;
        let pos = pos.min(t.len());
        let ls = crate::document::line_start(t, pos, LINE_LIMIT);
        let le = crate::document::line_end(t, pos, LINE_LIMIT);
        t[ls..le]
            .iter()
            .enumerate()
            .any(|(k, &c)| matches!(c, ',' | '\t' | '|' | ';') || (c == ' ' && t.get(ls + k + 1) == Some(&' ')))
    }

    /// The header cell of the column holding `pos` (the tables are found once per document, cheaply when
    /// there are none).
    pub fn header_of(doc: &Document, pos: usize) -> Option<(usize, usize)> {
        Self::of(doc).header_cell(pos)
    }

    /// Whether `pos` is inside a table's header row.
    pub fn in_header(&self, pos: usize) -> bool {
        self.tables
            .iter()
            .any(|t| t.header.first().is_some_and(|h| h.0 <= pos) && t.header.last().is_some_and(|h| pos < h.1))
    }

    /// The header cell of the column holding `pos` in a table's data row.
    pub fn header_cell(&self, pos: usize) -> Option<(usize, usize)> {
        self.cell_at(pos).map(|(header, _)| header)
    }

    /// (header cell, data cell) of the column holding `pos` in a table's data row.
    pub fn cell_at(&self, pos: usize) -> Option<((usize, usize), (usize, usize))> {
        if self.tables.is_empty() {
            return None;
        }
        let t = self.tables.iter().find(|t| {
            t.rows.first().and_then(|r| r.first()).is_some_and(|c| c.0 <= pos)
                && t.rows.last().and_then(|r| r.last()).is_some_and(|c| pos < c.1)
        })?;
        let i = t.rows.partition_point(|r| r.first().is_some_and(|c| c.0 <= pos));
        let row = &t.rows[i.checked_sub(1)?];
        if row.last().is_some_and(|c| pos >= c.1) {
            return None; // between rows
        }
        let col = row.partition_point(|c| c.0 <= pos).checked_sub(1)?;
        Some((*t.header.get(col)?, row[col]))
    }

    /// Each (header cell, data cell) pair of the columns whose header satisfies `wanted`.
    pub fn column_cells<'a>(
        &'a self,
        chars: &'a [char],
        wanted: impl Fn(&[char]) -> bool + 'a,
    ) -> impl Iterator<Item = ((usize, usize), (usize, usize))> + 'a {
        self.tables.iter().flat_map(move |t| {
            let cols: Vec<usize> =
                (0..t.header.len()).filter(|&i| wanted(&chars[t.header[i].0..t.header[i].1])).collect();
            t.rows.iter().flat_map(move |row| {
                cols.iter().filter_map(move |&i| row.get(i).map(|&c| (t.header[i], c))).collect::<Vec<_>>()
            })
        })
    }
}

/// The longest header cell, in code points.
const MAX_HEADER_CELL: usize = 24;

/// The tables of `t` (the folded text as code points).
pub fn find(t: &[char]) -> Vec<Table> {
    find_text(&Text::from_chars(t.to_vec()))
}

/// The tables of the folded text.
///
/// Lines are found and tested on the UTF-8 bytes (memchr): most lines hold no delimiter, or digits that no
/// header holds, and are passed over without being decoded or split; only the lines that are split have
/// their code-point offsets looked up.
pub fn find_text(text: &Text) -> Vec<Table> {
    let t: &[char] = &text.chars;
    let mut out = Vec::new();
    let b = text.s.as_bytes();
    let spaces = |x: &[u8]| x.windows(2).any(|w| w == b"  ");
    if !header_candidate(b) {
        return out; // most texts: no line has both a delimiter and no digit
    }
    let mut ls_b = 0usize;
    // the table being built: its delimiter, header and rows
    let mut cur: Option<Table> = None;
    // a `|` line that is no header by its words, kept one line in case a Markdown rule line follows it
    let mut pending: Option<Table> = None;
    loop {
        let mut le_b = memchr::memchr(b'\n', &b[ls_b..]).map_or(b.len(), |k| ls_b + k);
        le_b = record_end(b, ls_b, le_b);
        let line = &b[ls_b..le_b];
        let delim =
            memchr::memchr3(b',', b'\t', b'|', line).is_some() || memchr::memchr(b';', line).is_some() || spaces(line);
        // outside a table only a header can start one, and a header holds no digit or @
        let may = delim && (cur.is_some() || !data_bytes(line));
        let cells = if may {
            let (ls, le) = (text.char_index(ls_b), text.char_index(le_b));
            if le - ls <= LINE_LIMIT && le <= t.len() {
                split_line(t, ls, le)
            } else {
                None
            }
        } else {
            None
        };
        let before = pending.take();
        match (cells, cur.as_mut()) {
            (Some(Line::Rule), Some(_)) => {}
            // `| 議題 | 担当 | 期限 |` over `|---|---|---|`: the rule line makes the line above a header
            (Some(Line::Rule), None) if before.is_some() => cur = before,
            (Some(Line::Cells(d, cells)), Some(tb)) if d == tb.delim && fits(tb, &cells) => tb.rows.push(cells),
            (cells, _) => {
                if let Some(tb) = cur.take() {
                    if !tb.rows.is_empty() {
                        out.push(tb);
                    }
                }
                if let Some(Line::Cells(d, cells)) = cells {
                    if header_like(t, &cells) {
                        cur = Some(Table { delim: d, header: cells, rows: Vec::new() });
                    } else if d == Delim::Bar && header_shaped(t, &cells) {
                        pending = Some(Table { delim: d, header: cells, rows: Vec::new() });
                    }
                }
            }
        }
        if le_b >= b.len() {
            break;
        }
        ls_b = le_b + 1;
    }
    if let Some(tb) = cur {
        if !tb.rows.is_empty() {
            out.push(tb);
        }
    }
    out
}

/// The end of the CSV record starting at `ls` whose first line ends at `le`: a line with an odd
/// number of double quotes holds a quoted cell that goes on past its newline (`"1-2-3\n4F"`), and the
/// record ends with the line that closes it (at most [`QUOTED_LINES`] more lines; a quote never
/// closed leaves the line alone).
fn record_end(b: &[u8], ls: usize, le: usize) -> usize {
    let quotes = |x: &[u8]| memchr::memchr_iter(b'"', x).count();
    let line = &b[ls..le];
    if memchr::memchr(b'"', line).is_none()
        || memchr::memchr2(b',', b';', line).is_none()
        || quotes(line).is_multiple_of(2)
    {
        return le;
    }
    let mut open = true;
    let mut end = le;
    for _ in 0..QUOTED_LINES {
        if end >= b.len() {
            break;
        }
        let next = memchr::memchr(b'\n', &b[end + 1..]).map_or(b.len(), |k| end + 1 + k);
        open ^= quotes(&b[end + 1..next]) % 2 == 1;
        end = next;
        if !open {
            return end;
        }
    }
    le
}

/// The most lines a quoted cell of a CSV record runs on for.
const QUOTED_LINES: usize = 3;

/// Whether some line of `b` holds a delimiter and no digit or `@` (could be a header). Only the lines
/// around delimiters are looked at, found with memchr over the whole text.
fn header_candidate(b: &[u8]) -> bool {
    let digitless = |p: usize| {
        let ls = memchr::memrchr(b'\n', &b[..p]).map_or(0, |k| k + 1);
        let le = memchr::memchr(b'\n', &b[p..]).map_or(b.len(), |k| p + k);
        (le, !data_bytes(&b[ls..le]))
    };
    let mut checked_to = 0usize;
    for p in memchr::memchr3_iter(b',', b'\t', b'|', b) {
        if p >= checked_to {
            let (le, ok) = digitless(p);
            if ok {
                return true;
            }
            checked_to = le; // the other delimiters of this line need no look
        }
    }
    checked_to = 0;
    for p in memchr::memchr_iter(b';', b) {
        if p >= checked_to {
            let (le, ok) = digitless(p);
            if ok {
                return true;
            }
            checked_to = le;
        }
    }
    checked_to = 0;
    for p in memchr::memmem::find_iter(b, b"  ") {
        if p >= checked_to {
            let (le, ok) = digitless(p);
            if ok {
                return true;
            }
            checked_to = le;
        }
    }
    false
}

/// Whether a line holds a digit or `@` of data, not the number of a header word (住所1, 電話2, addr1: one
/// digit after a letter, at the end of its cell).
fn data_bytes(line: &[u8]) -> bool {
    // most lines: no digit and no @ at all, or a data digit first
    let Some(first) = line.iter().position(|&x| x.is_ascii_digit() || x == b'@') else {
        return false;
    };
    line.iter().enumerate().skip(first).any(|(i, &x)| {
        x == b'@'
            || (x.is_ascii_digit()
                && !(x != b'0'
                    && i > 0
                    && (line[i - 1] >= 0x80 || line[i - 1].is_ascii_alphabetic())
                    && line.get(i + 1).is_none_or(|n| matches!(n, b',' | b'\t' | b'|' | b';' | b' ' | b'\r' | b'"'))))
    })
}

/// [`data_bytes`] for the code point `x` at `i` of a header cell.
fn data_char(cell: &[char], i: usize, x: char) -> bool {
    x == '@'
        || (x.is_ascii_digit()
            && !(x != '0'
                && i > 0
                && i + 1 == cell.len()
                && (!cell[i - 1].is_ascii() || cell[i - 1].is_ascii_alphabetic())))
}

/// A data row fits its table when it has as many cells as the header (aligned columns), or at
/// least two and no more than the header has plus one (delimited rows, a trailing empty cell).
fn fits(tb: &Table, cells: &[(usize, usize)]) -> bool {
    match tb.delim {
        Delim::Spaces => cells.len() == tb.header.len(),
        _ => cells.len() >= 2 && cells.len() <= tb.header.len() + 1,
    }
}

enum Line {
    /// A Markdown rule line between a header and its rows.
    Rule,
    Cells(Delim, Vec<(usize, usize)>),
}

/// The cells of the line `[ls, le)` under the first delimiter it uses, trimmed; None when it has
/// fewer than two cells.
fn split_line(t: &[char], ls: usize, le: usize) -> Option<Line> {
    let (mut a, mut b) = (ls, le);
    while a < b && t[a].is_whitespace() {
        a += 1;
    }
    while b > a && t[b - 1].is_whitespace() {
        b -= 1;
    }
    if a == b {
        return None;
    }
    let line = &t[a..b];
    let delim = if line.contains(&'\t') {
        Delim::Tab
    } else if line.contains(&'|') {
        Delim::Bar
    } else if line.contains(&',') {
        Delim::Comma
    } else if line.contains(&';') {
        Delim::Semicolon
    } else if line.windows(2).any(|w| w == [' ', ' ']) {
        Delim::Spaces
    } else {
        return None;
    };
    let mut raw: Vec<(usize, usize)> = Vec::new();
    match delim {
        Delim::Tab => split_on(t, a, b, |c| c == '\t', false, &mut raw),
        Delim::Comma => split_on(t, a, b, |c| c == ',', true, &mut raw),
        Delim::Semicolon => split_on(t, a, b, |c| c == ';', true, &mut raw),
        Delim::Bar => {
            if line.iter().all(|&c| matches!(c, '|' | '-' | ':' | ' ' | '+' | '=')) {
                return Some(Line::Rule);
            }
            let a2 = if t[a] == '|' { a + 1 } else { a };
            let b2 = if b > a2 && t[b - 1] == '|' { b - 1 } else { b };
            split_on(t, a2, b2, |c| c == '|', false, &mut raw);
        }
        Delim::Spaces => {
            let mut cs = a;
            let mut i = a;
            while i < b {
                if t[i] == ' ' && t.get(i + 1) == Some(&' ') {
                    raw.push((cs, i));
                    while i < b && t[i] == ' ' {
                        i += 1;
                    }
                    cs = i;
                } else {
                    i += 1;
                }
            }
            raw.push((cs, b));
        }
    }
    if raw.len() < 2 {
        return None;
    }
    Some(Line::Cells(delim, raw.into_iter().map(|(s, e)| trim(t, s, e)).collect()))
}

/// The delimiter and trimmed cells of the line `[ls, le)`, split as a table row is; None for a Markdown rule
/// line or a line of fewer than two cells (for rules that read columns of lines no header announces).
pub fn line_cells(t: &[char], ls: usize, le: usize) -> Option<(Delim, Vec<(usize, usize)>)> {
    match split_line(t, ls, le)? {
        Line::Cells(d, cells) => Some((d, cells)),
        Line::Rule => None,
    }
}

/// Splits `[a, b)` at every `delim` (outside double quotes when `quotes`).
fn split_on(t: &[char], a: usize, b: usize, delim: impl Fn(char) -> bool, quotes: bool, out: &mut Vec<(usize, usize)>) {
    let mut cs = a;
    let mut quoted = false;
    for (i, &c) in t.get(a..b).unwrap_or(&[]).iter().enumerate().map(|(k, c)| (a + k, c)) {
        if quotes && c == '"' {
            quoted = !quoted;
        } else if delim(c) && !quoted {
            out.push((cs, i));
            cs = i + 1;
        }
    }
    out.push((cs, b));
}

/// `[s, e)` without surrounding spaces and double quotes.
fn trim(t: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && (t[s].is_whitespace() || t[s] == '"') {
        s += 1;
    }
    while e > s && (t[e - 1].is_whitespace() || t[e - 1] == '"') {
        e -= 1;
    }
    (s, e)
}

/// A header row: at least two cells, every filled cell short and without digits or `@`, two thirds
/// of them header words.
fn header_like(t: &[char], cells: &[(usize, usize)]) -> bool {
    if !header_shaped(t, cells) {
        return false;
    }
    let filled: Vec<&[char]> = cells.iter().filter(|c| c.1 > c.0).map(|&(s, e)| &t[s..e]).collect();
    let words = filled.iter().filter(|c| header_word(c)).count();
    words * 3 >= filled.len() * 2
}

/// The shape of a header row, whatever its words: at least two filled cells, each short and without
/// digits or `@`.
fn header_shaped(t: &[char], cells: &[(usize, usize)]) -> bool {
    let mut filled = 0;
    for &(s, e) in cells {
        let c = &t[s..e];
        if c.len() > MAX_HEADER_CELL || c.iter().enumerate().any(|(i, &x)| data_char(c, i, x)) {
            return false;
        }
        filled += usize::from(e > s);
    }
    filled >= 2
}

/// Words that head a column of a company's lists.
const HEADER_WORDS: &[&str] = &[
    "氏名",
    "名前",
    "姓名",
    "フリガナ",
    "ふりがな",
    "カナ",
    "かな",
    "よみ",
    "ヨミ",
    "読み",
    "住所",
    "所在地",
    "郵便",
    "〒",
    "電話",
    "携帯",
    "連絡先",
    "内線",
    "メール",
    "番号",
    "生年月日",
    "誕生日",
    "年齢",
    "性別",
    "所属",
    "部署",
    "部門",
    "役職",
    "会社",
    "勤務先",
    "担当",
    "備考",
    "口座",
    "名義",
    "銀行",
    "支店",
    "金融機関",
    "コード",
    "種目",
    "カード",
    "顧客",
    "社員",
    "会員",
    "入社",
    "日付",
    "金額",
    "区分",
    "続柄",
    "国籍",
    "ID",
    "No",
    "NO",
    "no",
    "TEL",
    "Tel",
    "tel",
    "FAX",
    "Fax",
    "mail",
    "Mail",
    "MAIL",
    "Name",
    "NAME",
    "name",
    "Address",
    "address",
    "Phone",
    "phone",
    "DOB",
    "Birth",
    "birth",
    "Dept",
    "Title",
    "Company",
    "zip",
    "Zip",
    "ZIP",
    "addr",
    "Addr",
    "kana",
    "Kana",
    "mobile",
    "Mobile",
];

/// A header word, or a cell naming a kind of person, thing or date (…者, …名, …先, …日, …先).
fn header_word(cell: &[char]) -> bool {
    static WORDS: std::sync::OnceLock<CharWords> = std::sync::OnceLock::new();
    if WORDS.get_or_init(|| CharWords::new(HEADER_WORDS)).found_in(cell) {
        return true;
    }
    matches!(cell.last(), Some('者' | '名' | '先' | '日' | '時' | '数' | '額' | '等' | '別' | '欄' | '地'))
        && cell.len() <= 8
}

/// A few words looked for inside short cells, on the code points (no string built, no searcher set
/// up per cell): `found_in` is `cell.iter().collect::<String>().contains(w)` for some word `w`.
pub struct CharWords {
    /// The distinct first code points of the words, sorted; `words[k]` are the words starting with `first[k]`.
    first: Vec<char>,
    words: Vec<Vec<Vec<char>>>,
}

impl CharWords {
    pub fn new(list: &[&str]) -> Self {
        let mut all: Vec<Vec<char>> =
            list.iter().map(|w| w.chars().collect()).filter(|w: &Vec<char>| !w.is_empty()).collect();
        all.sort();
        all.dedup();
        let mut first: Vec<char> = Vec::new();
        let mut words: Vec<Vec<Vec<char>>> = Vec::new();
        for w in all {
            if first.last() != Some(&w[0]) {
                first.push(w[0]);
                words.push(Vec::new());
            }
            if let Some(last) = words.last_mut() {
                last.push(w);
            }
        }
        CharWords { first, words }
    }

    /// Whether one of the words occurs in `cell`.
    pub fn found_in(&self, cell: &[char]) -> bool {
        (0..cell.len()).any(|i| match self.first.binary_search(&cell[i]) {
            Ok(k) => self.words[k].iter().any(|w| cell[i..].starts_with(w)),
            Err(_) => false,
        })
    }

    /// Whether one of the words starts at `i` of `t` (and ends inside it).
    pub fn starts_at(&self, t: &[char], i: usize) -> bool {
        match t.get(i).map(|c| self.first.binary_search(c)) {
            Some(Ok(k)) => self.words[k].iter().any(|w| t[i..].starts_with(w)),
            _ => false,
        }
    }

    /// Whether `cell` is one of the words.
    pub fn equals(&self, cell: &[char]) -> bool {
        match cell.first().map(|c| self.first.binary_search(c)) {
            Some(Ok(k)) => self.words[k].iter().any(|w| w.as_slice() == cell),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells_of(text: &str) -> Vec<(String, Vec<String>)> {
        let t: Vec<char> = text.chars().collect();
        let s = |(a, b): (usize, usize)| t[a..b].iter().collect::<String>();
        find(&t)
            .into_iter()
            .flat_map(|tb| {
                let h: Vec<String> = tb.header.iter().map(|&c| s(c)).collect();
                tb.rows.into_iter().map(move |r| (h.join("/"), r.into_iter().map(s).collect()))
            })
            .collect()
    }

    #[test]
    fn a_markdown_rule_line_makes_any_header() {
        // no header word but one: the rule line under it says it is a header
        let got = cells_of("| 作業 | 担当 | 締切 |\n|---|---|---|\n| 棚卸し | 山田 | 3/1 |\n");
        assert_eq!(
            got,
            [("作業/担当/締切".to_string(), vec!["棚卸し".to_string(), "山田".to_string(), "3/1".to_string()])]
        );
        // without the rule line it is no table; a rule line under a line of data makes none
        assert!(cells_of("| 作業 | 担当 | 締切 |\n| 棚卸し | 山田 | 3/1 |\n").is_empty());
        assert!(cells_of("| 棚卸し | 2 | 3/1 |\n|---|---|---|\n| 棚卸し | 山田 | 3/1 |\n").is_empty());
    }

    #[test]
    fn a_quoted_cell_runs_over_its_newline() {
        let got =
            cells_of("氏名,住所,電話\n\"森 一郎\",\"港町1-2\n3階\",045-000-1111\n\"川 二葉\",\"本町5\",045-000-2222\n");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, ["森 一郎", "港町1-2\n3階", "045-000-1111"]);
        assert_eq!(got[1].1, ["川 二葉", "本町5", "045-000-2222"]);
        // a quote never closed: the lines stay lines of their own
        let open = cells_of("氏名,住所\n\"森 一郎,港町\n川 二葉,本町\n");
        assert!(open.is_empty() || open[0].1.iter().all(|c| !c.contains('\n')));
    }

    #[test]
    fn delimiters() {
        for text in [
            "氏名,電話\n山田 太郎,090\n",
            "氏名\t電話\n山田 太郎\t090\n",
            "氏名 | 電話\n山田 太郎 | 090\n",
            "氏名;電話\n山田 太郎;090\n",
            "| 氏名 | 電話 |\n|---|:--|\n| 山田 太郎 | 090 |\n",
            "氏名        電話\n山田 太郎    090\n",
        ] {
            assert_eq!(
                cells_of(text),
                [("氏名/電話".to_string(), vec!["山田 太郎".to_string(), "090".to_string()])],
                "{text:?}"
            );
        }
    }

    #[test]
    fn not_tables() {
        // a label and its value on each line is a form, not a table
        assert!(cells_of("氏名  山田 太郎\n住所  東京都港区\n").is_empty());
        // a header alone, prose with commas, a row of data without a header
        assert!(cells_of("氏名,電話\n").is_empty());
        assert!(cells_of("本日は晴れ,明日は雨,明後日は曇り\n山田,090\n").is_empty());
        assert!(cells_of("1001,山田\n1002,佐藤\n").is_empty());
        // aligned columns must keep their count
        assert!(cells_of("氏名    電話\n山田 太郎\n").is_empty());
    }

    #[test]
    fn header_of_a_cell() {
        let text = "氏名 | 郵便番号\n山田 | 1500001\n佐藤 | 1500002\n";
        let t: Vec<char> = text.chars().collect();
        let tb = Tables { tables: find(&t) };
        let s = |c: Option<(usize, usize)>| c.map(|(a, b)| t[a..b].iter().collect::<String>());
        let at = |w: &str| text[..text.find(w).unwrap()].chars().count();
        assert_eq!(s(tb.header_cell(at("1500002"))).as_deref(), Some("郵便番号"));
        assert_eq!(s(tb.header_cell(at("佐藤"))).as_deref(), Some("氏名"));
        assert_eq!(tb.header_cell(0), None);
    }

    #[test]
    fn char_words_match_string_search() {
        let words = CharWords::new(&["氏名", "No", "〒", "name", "名前"]);
        for cell in ["", "氏", "氏名", "お名前", "No.", "no", "〒100", "Username", "名", "前名"] {
            let c: Vec<char> = cell.chars().collect();
            let want = ["氏名", "No", "〒", "name", "名前"].iter().any(|w| cell.contains(w));
            assert_eq!(words.found_in(&c), want, "{cell:?}");
            assert_eq!(words.equals(&c), ["氏名", "No", "〒", "name", "名前"].contains(&cell), "{cell:?}");
            for i in 0..=c.len() + 1 {
                let want = ["氏名", "No", "〒", "name", "名前"]
                    .iter()
                    .any(|w| c.get(i..).is_some_and(|r| r.starts_with(&w.chars().collect::<Vec<_>>())));
                assert_eq!(words.starts_at(&c, i), want, "{cell:?} {i}");
            }
        }
    }

    #[test]
    fn numbered_header_words() {
        // 住所1 / 住所2 head columns; a 0 or a digit inside a word is data
        let got = cells_of("氏名,住所1,住所2\n山田,東京都港区,201号室\n");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "氏名/住所1/住所2");
        assert!(cells_of("氏名,住所10\n山田,東京都\n").is_empty());
        // addr1 / addr2 likewise; a code like A10 is data
        assert_eq!(cells_of("name,addr1,addr2\n山田,東京都港区,201号室\n").len(), 1);
        assert!(cells_of("name,A10\n山田,東京都\n").is_empty());
    }

    #[test]
    fn rows_end_at_another_shape() {
        let got = cells_of("氏名,所属\n山田,営業\n\n佐藤,総務\n");
        assert_eq!(got.len(), 1);
    }
}
