//! Collecting the spans a recognizer finds in text order, free of overlaps (the longer span wins).

/// A span found: start, end, score.
pub type Span = (usize, usize, f64);

/// Append a span found in text order, keeping the list free of overlaps (the longer span wins).
pub fn add_span(spans: &mut Vec<Span>, s: usize, e: usize, score: f64) {
    while let Some(&(ls, le, _)) = spans.last() {
        if s <= ls && e >= le {
            spans.pop(); // 日本放送 inside 日本放送協会
        } else {
            break;
        }
    }
    if let Some(&(ls, le, _)) = spans.last() {
        if s < le {
            if e - s <= le - ls {
                return;
            }
            spans.pop();
        }
    }
    spans.push((s, e, score));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longer_span_wins() {
        let mut v = Vec::new();
        add_span(&mut v, 0, 4, 0.6);
        add_span(&mut v, 0, 6, 0.6);
        assert_eq!(v, vec![(0, 6, 0.6)]);
        add_span(&mut v, 5, 7, 0.5);
        assert_eq!(v, vec![(0, 6, 0.6)]);
        add_span(&mut v, 5, 12, 0.5);
        assert_eq!(v, vec![(5, 12, 0.5)]);
    }
}
