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

#[cfg(test)]
mod tests {
    use super::*;

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
