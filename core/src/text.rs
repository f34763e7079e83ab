//! [`Text`]: a string with O(1) code-point access and byte ↔ code-point offset maps.
//!
//! The engine reports code-point offsets (what Python's `str` indexes by) while the `regex` and
//! `aho-corasick` crates match UTF-8 bytes. A `Text` keeps both views of one string.
//!
//! Invariant: `chars.len() + 1 == byte_at.len()` unless the text is ASCII (then `byte_at` is empty:
//! byte and code-point offsets coincide); `byte_at[i]` is the byte offset of code point `i` (and
//! `byte_at[len]` the length in bytes). A byte offset maps back to its code point by a binary search
//! of `byte_at` (few callers ask, and a per-byte table cost more to build than all their searches).

#[derive(Debug, Clone)]
pub struct Text {
    pub s: String,
    pub chars: Vec<char>,
    byte_at: Vec<u32>,
}

impl Text {
    pub fn new(s: String) -> Self {
        if s.is_ascii() {
            let chars: Vec<char> = s.bytes().map(char::from).collect();
            return Text { s, chars, byte_at: Vec::new() };
        }
        let n = s.chars().count();
        let mut chars = Vec::with_capacity(n);
        let mut byte_at = Vec::with_capacity(n + 1);
        for (b, c) in s.char_indices() {
            chars.push(c);
            byte_at.push(b as u32);
        }
        byte_at.push(s.len() as u32);
        Text { s, chars, byte_at }
    }

    pub fn from_chars(chars: Vec<char>) -> Self {
        let mut s = String::with_capacity(chars.len());
        let mut ascii = true;
        for &c in &chars {
            ascii &= c.is_ascii();
            s.push(c);
        }
        if ascii {
            return Text { s, chars, byte_at: Vec::new() };
        }
        let mut byte_at = Vec::with_capacity(chars.len() + 1);
        let mut b = 0u32;
        for &c in &chars {
            byte_at.push(b);
            b += c.len_utf8() as u32;
        }
        byte_at.push(b);
        Text { s, chars, byte_at }
    }

    /// A text from its parts: `chars` are the code points of `s`; `byte_at` their byte offsets
    /// plus the length, or empty when `s` is ASCII (the invariant above; checked in debug builds).
    pub(crate) fn from_parts(s: String, chars: Vec<char>, byte_at: Vec<u32>) -> Self {
        debug_assert!(if byte_at.is_empty() {
            s.len() == chars.len()
        } else {
            byte_at.len() == chars.len() + 1 && byte_at[chars.len()] as usize == s.len()
        });
        debug_assert!(s.chars().eq(chars.iter().copied()));
        Text { s, chars, byte_at }
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
        let i = i.min(self.chars.len());
        if self.byte_at.is_empty() {
            i
        } else {
            self.byte_at[i] as usize
        }
    }

    /// True when the string is ASCII (a code point per byte; no offset table).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.byte_at.is_empty()
    }

    /// Code point at (or containing) byte offset `b`.
    #[inline]
    pub fn char_index(&self, b: usize) -> usize {
        let b = b.min(self.s.len());
        if self.byte_at.is_empty() {
            return b;
        }
        // the last code point starting at or before `b` (byte_at[0] == 0 <= b: never underflows)
        self.byte_at.partition_point(|&x| x as usize <= b).saturating_sub(1)
    }

    /// Byte offsets of the code points (and of the end), or empty for an ASCII text.
    #[inline]
    pub(crate) fn byte_offsets(&self) -> &[u32] {
        &self.byte_at
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
        assert_eq!(t.char_index(2), 1);
        assert_eq!(t.char_index(3), 1);
        assert_eq!(t.char_index(4), 2);
        assert_eq!(t.char_index(99), 5);
        let a = Text::new("abc".to_string());
        assert_eq!((a.byte(2), a.byte(9), a.char_index(2), a.char_index(9)), (2, 3, 2, 3));
    }
}
