//! Overlap settlement: the longer finding wins, then the higher score.
//!
//! Two findings of one type never overlap in the result; findings of different types overlap only
//! when one of them is of a type that may (`SENSITIVE`: a diagnosis inside a sentence about a
//! person). Linear in the text length and n·log n in the number of findings.

use crate::finding::Finding;

const OVERLAP_OK: &[&str] = &["SENSITIVE"];

/// Settled findings in (start, end, type) order.
pub fn settle(mut findings: Vec<Finding>) -> Vec<Finding> {
    if findings.is_empty() {
        return findings;
    }
    findings.sort_by(|a, b| {
        b.len().cmp(&a.len()).then(b.score.total_cmp(&a.score)).then(a.start.cmp(&b.start)).then(a.kind.cmp(b.kind))
    });
    let size = findings.iter().map(|f| f.end).max().unwrap_or(0);
    let mut taken = [vec![false; size], vec![false; size]];
    let mut kept = Vec::new();
    for f in findings {
        let occupied = &mut taken[usize::from(OVERLAP_OK.contains(&f.kind))];
        if f.end <= f.start || occupied[f.start..f.end].iter().any(|&t| t) {
            continue;
        }
        occupied[f.start..f.end].iter_mut().for_each(|t| *t = true);
        kept.push(f);
    }
    kept.sort_by(|a, b| a.start.cmp(&b.start).then(a.end.cmp(&b.end)).then(a.kind.cmp(b.kind)));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longer_then_higher_wins() {
        let f = |k, s, e, sc| Finding::new(k, s, e, sc, "t");
        let out = settle(vec![
            f("PHONE", 0, 5, 0.9),
            f("PHONE", 0, 8, 0.5),
            f("MY_NUMBER", 2, 8, 0.99),
            f("SENSITIVE", 1, 3, 0.7),
            f("EMAIL", 10, 12, 0.6),
            f("PERSON", 10, 12, 0.7),
        ]);
        let got: Vec<_> = out.iter().map(|f| (f.kind, f.start, f.end)).collect();
        assert_eq!(got, vec![("PHONE", 0, 8), ("SENSITIVE", 1, 3), ("PERSON", 10, 12)]);
    }
}
