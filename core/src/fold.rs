//! The length-preserving fold: full-width ASCII, the ideographic space and the hyphen, minus and
//! wave-dash variants become their ASCII forms, one code point for one code point, so an offset
//! found in the folded text is the offset in the original.

/// The folded form of one code point.
#[inline]
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' | '\u{2043}'
        | '\u{FE63}' | '\u{FE58}' => '-',
        '\u{301C}' => '~',
        // long vowels of Hepburn romaji (ŌSHIMA, Yūko): the plain vowel. Circumflexes stay: they spell
        // Portuguese and French names (Goiânia) more often than Japanese ones.
        'Ā' => 'A',
        'ā' => 'a',
        'Ē' => 'E',
        'ē' => 'e',
        'Ī' => 'I',
        'ī' => 'i',
        'Ō' => 'O',
        'ō' => 'o',
        'Ū' => 'U',
        'ū' => 'u',
        _ => c,
    }
}

/// `text` folded; the result has as many code points as `text`.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Lower case where a code point lowers to exactly one code point (the length is kept).
#[inline]
/// Python's mapping (its Unicode version), see [`crate::pystr::lower_one`].
pub fn lower_char(c: char) -> char {
    crate::pystr::lower_one(c).unwrap_or(c)
}

/// `"ja"` when the text holds any kana or kanji, else `"en"`.
pub fn is_japanese(text: &str) -> bool {
    text.chars().any(is_japanese_char)
}

/// A kana or kanji code point (what [`is_japanese`] looks for).
#[inline]
pub fn is_japanese_char(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF66}'..='\u{FF9F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_keep_length() {
        let s = "ＴＥＬ：０３－１２３４－５６７８\u{3000}〜";
        let f = fold(s);
        assert_eq!(f, "TEL:03-1234-5678 ~");
        assert_eq!(f.chars().count(), s.chars().count());
    }

    #[test]
    fn lower_keeps_length() {
        assert_eq!(lower_char('İ'), 'İ');
        assert_eq!(lower_char('A'), 'a');
        assert_eq!(lower_char('Ä'), 'ä');
    }

    #[test]
    fn language() {
        assert!(is_japanese("abc山"));
        assert!(!is_japanese("abc"));
    }
}
