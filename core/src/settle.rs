//! Overlap settlement: the longer finding wins, then the higher score.
//!
//! Two findings of one type never overlap in the result; findings of different types overlap only
//! when one of them is of a type that may (`SENSITIVE`: a diagnosis inside a sentence about a
//! person). Linear in the text length and n·log n in the number of findings.

use crate::finding::Finding;

const OVERLAP_OK: &[&str] = &["SENSITIVE"];

/// Settled findings in (start, end, type) order.
pub fn settle(findings: Vec<Finding>) -> Vec<Finding> {
    settle_by(findings, |f| (f.kind, f.start, f.end, f.score))
}

/// [`settle`] over any items, seen through `span` as (type, start, end, score).
pub fn settle_by<'a, T>(mut items: Vec<T>, span: impl Fn(&T) -> (&'a str, usize, usize, f64)) -> Vec<T> {
    if items.is_empty() {
        return items;
    }
    items.sort_by(|a, b| {
        let (ak, as_, ae, asc) = span(a);
        let (bk, bs, be, bsc) = span(b);
        (be - bs.min(be)).cmp(&(ae - as_.min(ae))).then(bsc.total_cmp(&asc)).then(as_.cmp(&bs)).then(ak.cmp(bk))
    });
    let size = items.iter().map(|f| span(f).2).max().unwrap_or(0);
    let mut taken = [vec![false; size], vec![false; size]];
    let mut kept = Vec::new();
    for f in items {
        let (kind, start, end, _) = span(&f);
        let occupied = &mut taken[usize::from(OVERLAP_OK.contains(&kind))];
        if end <= start || occupied[start..end].iter().any(|&t| t) {
            continue;
        }
        occupied[start..end].iter_mut().for_each(|t| *t = true);
        kept.push(f);
    }
    kept.sort_by(|a, b| {
        let (ak, as_, ae, _) = span(a);
        let (bk, bs, be, _) = span(b);
        as_.cmp(&bs).then(ae.cmp(&be)).then(ak.cmp(bk))
    });
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
