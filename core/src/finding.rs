//! [`Finding`]: one typed, scored span of personal information.

/// A span of the original text, in code points (end exclusive), with its type and score.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    pub score: f64,
    pub recognizer: &'static str,
    pub subtype: Option<&'static str>,
}

impl Finding {
    /// A finding with its score clamped to 0..=1.
    pub fn new(kind: &'static str, start: usize, end: usize, score: f64, recognizer: &'static str) -> Self {
        Finding { kind, start, end, score: score.clamp(0.0, 1.0), recognizer, subtype: None }
    }

    pub fn with_subtype(mut self, subtype: &'static str) -> Self {
        self.subtype = Some(subtype);
        self
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}
