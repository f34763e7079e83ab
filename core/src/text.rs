//! [`Text`]: a string with O(1) code-point access and byte ↔ code-point offset maps.
//!
//! The engine reports code-point offsets (what Python's `str` indexes by) while the `regex` and
//! `aho-corasick` crates match UTF-8 bytes. A `Text` keeps both views of one string.
//!
//! Invariant: `chars.len() + 1 == byte_at.len()`; `byte_at[i]` is the byte offset of code point
//! `i` (and `byte_at[len]` the length in bytes); `char_at[b]` is the code point starting at or
//! containing byte `b` (`char_at[len_bytes] == len`).

#[derive(Debug, Clone)]
pub struct Text {
    pub s: String,
    pub chars: Vec<char>,
    byte_at: Vec<u32>,
    char_at: Vec<u32>,
}

impl Text {
    pub fn new(s: String) -> Self {
        let chars: Vec<char> = s.chars().collect();
        let mut byte_at = Vec::with_capacity(chars.len() + 1);
        let mut char_at = vec![0u32; s.len() + 1];
        let mut b = 0usize;
        for (i, c) in chars.iter().enumerate() {
            byte_at.push(b as u32);
            let n = c.len_utf8();
            for slot in &mut char_at[b..b + n] {
                *slot = i as u32;
            }
            b += n;
        }
        byte_at.push(b as u32);
        char_at[b] = chars.len() as u32;
        Text { s, chars, byte_at, char_at }
    }

    pub fn from_chars(chars: Vec<char>) -> Self {
        Text::new(chars.iter().collect())
    }

    /// Number of code points.
    #[inline]
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Byte offset of code point `i` (`i` may equal `len()`).
    #[inline]
    pub fn byte(&self, i: usize) -> usize {
        self.byte_at[i.min(self.chars.len())] as usize
    }

    /// Code point at (or containing) byte offset `b`.
    #[inline]
    pub fn char_index(&self, b: usize) -> usize {
        self.char_at[b.min(self.s.len())] as usize
    }

    /// The code points `[start, end)` as a `&str` (clamped to the text).
    #[inline]
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let e = end.min(self.len());
        let s = start.min(e);
        &self.s[self.byte(s)..self.byte(e)]
    }

    /// The code point at `i`, or `None` past the end.
    #[inline]
    pub fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_round_trip() {
        let t = Text::new("a山田🙂b".to_string());
        assert_eq!(t.len(), 5);
        for i in 0..=t.len() {
            assert_eq!(t.char_index(t.byte(i)), i);
        }
        assert_eq!(t.slice(1, 3), "山田");
        assert_eq!(t.slice(3, 99), "🙂b");
        assert_eq!(t.at(4), Some('b'));
        assert_eq!(t.at(5), None);
    }
}
