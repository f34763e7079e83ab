//! Detection over many short pieces (table cells, paragraphs) in few engine calls.
//!
//! Each piece is read after its context (a cell's column header: "生年月日: 1980年1月2日"). Pieces are
//! joined, `context + text` then [`SEPARATOR`], into batches of about [`BATCH_CHARS`] code points,
//! each batch is detected as one text (batches in parallel), and every finding goes back to the
//! piece its start falls in, cut at that piece's end; a finding that starts in a context or a
//! separator is dropped. Offsets in the result are code points into the piece's own text.

use std::time::Instant;

use crate::engine::{Engine, EngineError, Query};
use crate::finding::Finding;

/// About how many code points one batch holds (a piece longer than this is a batch of its own).
pub const BATCH_CHARS: usize = 32 * 1024;
/// What stands between two pieces of a batch.
pub const SEPARATOR: &str = "\n\n";

struct Batch {
    text: String,
    /// (first piece index, starts and ends of each piece's own text in the batch, in code points)
    first: usize,
    starts: Vec<usize>,
    ends: Vec<usize>,
}

fn batches<C: AsRef<str>, T: AsRef<str>>(pieces: &[(C, T)]) -> Vec<Batch> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let mut b = Batch { text: String::new(), first: i, starts: Vec::new(), ends: Vec::new() };
        let mut pos = 0usize;
        while i < pieces.len() {
            let (context, text) = (pieces[i].0.as_ref(), pieces[i].1.as_ref());
            let (nc, nt) = (context.chars().count(), text.chars().count());
            if i > b.first && pos + nt > BATCH_CHARS {
                break;
            }
            if i > b.first {
                b.text.push_str(SEPARATOR);
            }
            b.text.push_str(context);
            b.text.push_str(text);
            b.starts.push(pos + nc);
            b.ends.push(pos + nc + nt);
            pos += nc + nt + SEPARATOR.len();
            i += 1;
        }
        out.push(b);
    }
    out
}

/// Settled findings of `q` for each `(context, text)` piece, offsets into the piece's text, on up to
/// `threads` threads; a batch the engine failed on gives an error for each of its pieces.
///
/// Batches are handed out `threads` at a time; once `deadline` has passed no further group starts, so
/// the result may be shorter than `pieces` (a prefix: whole batches, in order). The batches do not
/// depend on `threads`, so neither do the findings.
pub fn detect_pieces<C: AsRef<str> + Sync, T: AsRef<str> + Sync>(
    engine: &Engine,
    pieces: &[(C, T)],
    q: &Query,
    threads: usize,
    deadline: Option<Instant>,
) -> Vec<Result<Vec<Finding>, EngineError>> {
    let batches = batches(pieces);
    let mut out: Vec<Result<Vec<Finding>, EngineError>> = Vec::with_capacity(pieces.len());
    for group in batches.chunks(threads.max(1)) {
        if deadline.is_some_and(|d| Instant::now() > d) {
            break;
        }
        let texts: Vec<&str> = group.iter().map(|b| b.text.as_str()).collect();
        let results = engine.detect_many(&texts, q, threads);
        map_back(group, results, &mut out);
    }
    out
}

fn map_back(
    group: &[Batch],
    results: Vec<Result<Vec<Finding>, EngineError>>,
    out: &mut Vec<Result<Vec<Finding>, EngineError>>,
) {
    for (b, r) in group.iter().zip(results) {
        match r {
            Err(e) => out.extend(b.starts.iter().map(|_| Err(e.clone()))),
            Ok(found) => {
                let mut per: Vec<Vec<Finding>> = vec![Vec::new(); b.starts.len()];
                let mut k = 0;
                for mut f in found {
                    while k + 1 < b.starts.len() && b.starts[k + 1] <= f.start {
                        k += 1;
                    }
                    if f.start < b.starts[k] || f.start >= b.ends[k] {
                        continue;
                    }
                    f.end = f.end.min(b.ends[k]);
                    f.start -= b.starts[k];
                    f.end -= b.starts[k];
                    per[k].push(f);
                }
                out.extend(per.into_iter().map(Ok));
            }
        }
        debug_assert_eq!(out.len(), b.first + b.starts.len());
    }
}

/// The cells of one table, read as pieces after their column header (see [`flatten`]).
pub struct TableCells {
    /// Column headers, already stripped; an empty one gives its cells no context.
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// A label | value form: a cell's context is the first non-empty cell of its row (columns after it).
    pub key_value: bool,
    /// How many non-empty cells are read (the rest fell past the character budget) ...
    pub cells: usize,
    /// ... and of the last of them only this many code points, when it was cut.
    pub keep: Option<usize>,
}

/// `s` without leading and trailing whitespace as Python's `str.strip()` sees it: Unicode White_Space
/// and the information separators U+001C..U+001F.
pub fn py_strip(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
}

/// Where a piece came from: `(0, text index, 0, 0)` or `(1, table index, row, column)`, 0-based.
pub type Origin = [u32; 4];

/// Text pieces and tables as one stream of `(context, text)` pieces, in order: `tables[k].0` is how many
/// text pieces come before table `k`'s cells (non-decreasing). A table gives one piece per non-empty
/// cell (stripped), row by row, each after its context `"header: "`, as a `CELL` unit is read in Python.
pub fn flatten<'a>(
    texts: &'a [(String, String)],
    tables: &'a [(usize, TableCells)],
) -> (Vec<(std::borrow::Cow<'a, str>, &'a str)>, Vec<Origin>) {
    use std::borrow::Cow;
    let mut pieces: Vec<(Cow<'a, str>, &'a str)> = Vec::with_capacity(texts.len());
    let mut origins: Vec<Origin> = Vec::with_capacity(texts.len());
    let mut next_text = 0usize;
    let mut push_texts = |until: usize, pieces: &mut Vec<(Cow<'a, str>, &'a str)>, origins: &mut Vec<Origin>| {
        while next_text < until.min(texts.len()) {
            let (c, t) = &texts[next_text];
            pieces.push((Cow::Borrowed(c.as_str()), t.as_str()));
            origins.push([0, next_text as u32, 0, 0]);
            next_text += 1;
        }
    };
    for (k, (at, table)) in tables.iter().enumerate() {
        push_texts(*at, &mut pieces, &mut origins);
        let contexts: Vec<String> =
            table.header.iter().map(|h| if h.is_empty() { String::new() } else { format!("{h}: ") }).collect();
        let mut taken = 0usize;
        'rows: for (r, cells) in table.rows.iter().enumerate() {
            let label = if table.key_value { cells.iter().position(|c| !py_strip(c).is_empty()) } else { None };
            for (col, cell) in cells.iter().enumerate() {
                let text = py_strip(cell);
                if text.is_empty() {
                    continue;
                }
                if taken >= table.cells {
                    break 'rows;
                }
                taken += 1;
                let text = match table.keep {
                    Some(keep) if taken == table.cells => match text.char_indices().nth(keep) {
                        Some((i, _)) => &text[..i],
                        None => text,
                    },
                    _ => text,
                };
                let context: Cow<'a, str> = match label {
                    Some(l) if col > l => Cow::Owned(format!("{}: ", py_strip(&cells[l]))),
                    Some(_) => Cow::Borrowed(""),
                    None => match contexts.get(col) {
                        Some(c) if !c.is_empty() => Cow::Owned(c.clone()),
                        _ => Cow::Borrowed(""),
                    },
                };
                pieces.push((context, text));
                origins.push([1, k as u32, r as u32, col as u32]);
            }
        }
    }
    push_texts(usize::MAX, &mut pieces, &mut origins);
    (pieces, origins)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_flattened_in_order_with_their_headers() {
        let texts = vec![("".to_string(), "name.csv".to_string()), ("".to_string(), "after".to_string())];
        let table = TableCells {
            header: vec!["氏名".into(), "".into()],
            rows: vec![vec![" 山田 ".into(), "x".into(), "extra".into()], vec!["\u{3000}".into(), "\u{1c}y".into()]],
            key_value: false,
            cells: 4,
            keep: None,
        };
        let tables = vec![(1, table)];
        let (pieces, origins) = flatten(&texts, &tables);
        let got: Vec<(&str, &str)> = pieces.iter().map(|(c, t)| (c.as_ref(), *t)).collect();
        assert_eq!(got, vec![("", "name.csv"), ("氏名: ", "山田"), ("", "x"), ("", "extra"), ("", "y"), ("", "after")]);
        assert_eq!(origins[4], [1, 0, 1, 1]);
        assert_eq!(origins[5], [0, 1, 0, 0]);
    }

    #[test]
    fn key_value_tables_and_the_character_budget() {
        let table = TableCells {
            header: vec![],
            rows: vec![vec!["".into(), "氏名".into(), "山田太郎".into()], vec!["住所".into(), "東京都".into()]],
            key_value: true,
            cells: 4,
            keep: Some(2),
        };
        let tables = vec![(0, table)];
        let (pieces, _) = flatten(&[], &tables);
        let got: Vec<(&str, &str)> = pieces.iter().map(|(c, t)| (c.as_ref(), *t)).collect();
        assert_eq!(got, vec![("", "氏名"), ("氏名: ", "山田太郎"), ("", "住所"), ("住所: ", "東京")]);
    }

    #[test]
    fn findings_go_back_to_their_piece() {
        let engine = Engine::new(None, Vec::new());
        let q = Query { lang: None, threshold: 0.5, types: Some(&["EMAIL".to_string()]), only: None };
        let pieces =
            vec![("メール: ", "a@example.com"), ("", "nothing here"), ("mail: x@example.org ", "and b@example.net")];
        let got: Vec<Vec<(usize, usize)>> = detect_pieces(&engine, &pieces, &q, 2, None)
            .into_iter()
            .map(|r| r.unwrap().iter().map(|f| (f.start, f.end)).collect())
            .collect();
        // the address in the third piece's context is not the piece's own
        assert_eq!(got, vec![vec![(0, 13)], vec![], vec![(4, 17)]]);
    }

    #[test]
    fn a_passed_deadline_reads_nothing_more() {
        let engine = Engine::new(None, Vec::new());
        let q = Query { lang: None, threshold: 0.5, types: None, only: None };
        let pieces = vec![("", "a@example.com")];
        let past = Instant::now() - std::time::Duration::from_millis(1);
        assert!(detect_pieces(&engine, &pieces, &q, 1, Some(past)).is_empty());
    }

    #[test]
    fn big_inputs_are_split_into_batches() {
        let cell = "x".repeat(1000);
        let pieces: Vec<(&str, &str)> = (0..100).map(|_| ("", cell.as_str())).collect();
        let b = batches(&pieces);
        assert!(b.len() >= 3);
        assert_eq!(b.iter().map(|b| b.starts.len()).sum::<usize>(), 100);
    }
}
