//! A name followed by its telephone number in brackets: `有村（090-3321-0044）`, `└─ 東 陽菜（090-7745-1108）`,
//! `会長　井桁　和夫（0466-23-3001）` — how 連絡網, rosters and memos give a person's number.
//!
//! The bracket must hold a number shaped like a Japanese telephone number (a 0, then 9 to 12 more digits and
//! hyphens); the words before it, back to the start of the line, a run of spaces, a rule or tree character or
//! a punctuation mark, must read as a name by [`Ctx::name_at`] (a listed surname, or a surname and a given
//! name), ending right at the bracket. A word read as a name by its shape only (no listed surname) must open
//! its cell: after a kana or a comma it belongs to a sentence (`専務で、携帯（090-…）にかける`).

use super::chars::{is_hira, is_kanji, is_kata};
use super::Ctx;

/// Most code points read back from the bracket for the name.
const NAME_MAX: usize = 10;

impl Ctx<'_, '_> {
    /// Adds the names standing before a bracketed telephone number.
    #[inline(never)]
    pub(crate) fn phone_names(&mut self) {
        let t = self.t;
        let n = self.n;
        let bytes = self.doc.norm.s.as_bytes();
        let mut add: Vec<(usize, usize, f64)> = Vec::new();
        for b in memchr::memchr_iter(b'(', bytes) {
            // `(0`: the byte after the bracket is the number's first digit, and a name's last byte is before it
            if bytes.get(b + 1) != Some(&b'0') || b == 0 || bytes[b - 1] < 0x80 {
                continue;
            }
            let p = self.doc.norm.char_index(b);
            if !phone_in_bracket(t, p + 1, n) {
                continue;
            }
            let name_char = |c: char| is_kanji(c) || is_kata(c) || is_hira(c) || c == '々';
            let mut s = p;
            let mut spaces = 0;
            while s > 0 && p - s < NAME_MAX {
                let c = t[s - 1];
                if name_char(c) {
                    s -= 1;
                } else if c == ' ' && spaces == 0 && s >= 2 && name_char(t[s - 2]) && s < p {
                    spaces += 1;
                    s -= 1;
                } else {
                    break;
                }
            }
            if t.get(s) == Some(&' ') {
                s += 1; // a space before the name, not inside it
            }
            if s >= p || !is_kanji(t[s]) {
                continue;
            }
            // a word read only by its shape (no listed surname) must open its cell: after a kana or a comma it
            // is a thing of a sentence (`専務で、携帯（090-…）にかける`)
            let in_prose = s > 0 && (is_hira(t[s - 1]) || matches!(t[s - 1], '、' | '。'));
            if let Some(c) =
                self.name_at(s, p, true, false).filter(|c| c.0 == s && c.1 == p && !(in_prose && c.2 <= 0.6))
            {
                add.push(c);
            }
        }
        for (s, e, score) in add {
            self.add(s, e, score.min(0.8));
        }
    }
}

/// Whether a telephone number fills the bracket opening before `i`: `0` and 9 to 12 more digits or
/// hyphens, then `)`.
fn phone_in_bracket(t: &[char], i: usize, n: usize) -> bool {
    let mut k = i;
    let mut digits = 0;
    while k < n && k - i < 16 && (t[k].is_ascii_digit() || t[k] == '-') {
        digits += usize::from(t[k].is_ascii_digit());
        k += 1;
    }
    t.get(i) == Some(&'0') && (10..=11).contains(&digits) && t.get(k) == Some(&')')
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn a_word_of_a_sentence_before_a_number_is_no_name() {
        assert!(names("私どもの窓口は、携帯（080-3901-5526）までお電話ください。\n").is_empty());
        assert!(names("窓口は専務で、携帯（090-3318-2254）が早い。\n").is_empty());
    }

    #[test]
    fn a_name_before_its_number_in_brackets() {
        assert_eq!(names("連絡網\n├─ 砂川（090-1111-2222）\n└─ 岩城 典子（03-1234-5678）\n"), ["砂川", "岩城 典子"]);
        // a word that is no name, or a bracket holding no telephone number
        assert!(names("本社（03-1234-5678）\n砂川（2024-01）\n").is_empty());
    }
}
