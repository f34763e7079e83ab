//! [`Morphology`]: tokens of a short window, from an analyser outside the core.
//!
//! The rules ask for morphemes only around rare cues (a few dozen code points at a time), so the
//! analyser (SudachiPy with its dictionary, on the Python side) is injected rather than compiled
//! in: the Python binding wraps a callable. Without one, [`Document::tokens`](crate::document::Document::tokens)
//! returns no tokens and the rules that need them fall back as the Python rules did.

/// Windows are cut to this many code points (Sudachi refuses inputs over about 49 KB).
pub const MAX_WINDOW: usize = 4096;

/// One morpheme, with offsets into the document (code points) and its part of speech.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub pos: Vec<String>,
}

impl Token {
    pub fn is_person(&self) -> bool {
        self.pos.len() > 2 && self.pos[1] == "固有名詞" && self.pos[2] == "人名"
    }

    /// '姓', '名' or '一般' for a 人名 token, else ''.
    pub fn person_part(&self) -> &str {
        if self.is_person() {
            self.pos.get(3).map(String::as_str).unwrap_or("")
        } else {
            ""
        }
    }
}

pub trait Morphology: Send + Sync {
    /// Whether the analyser can be used (its dictionary loads); asked on first need, so a detector
    /// that never needs morphemes never loads one.
    fn available(&self) -> bool {
        true
    }
    /// Tokens of `window` with offsets relative to it (code points). May fail: the caller then has none.
    fn tokens(&self, window: &str) -> Option<Vec<Token>>;
}
