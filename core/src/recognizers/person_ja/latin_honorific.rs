//! A name in Latin letters right before a Japanese honorific, in Japanese text: `Chenさん`, `Mendozaさん`,
//! `Thompson様`, `Priya さん`, with the capitalised words before it (`Nguyen Thi Lanさん`). The word must be capitalised (one upper-case letter, then 1-14 lower-case ones),
//! stand alone (no letter, digit or `@ . _ - /` glued before it: not part of an address or an identifier),
//! and be no common English word or place (`Teamさん`, `Osaka様`) unless it is a listed given name or surname.

use super::Ctx;
use crate::recognizers::english_words::lexicons;

/// Lower-case letters of the longest word read.
const LOWER_MAX: usize = 14;

/// The start of the capitalised Latin word ending at `p` (its end), if there is one.
fn latin_word_start(t: &[char], p: usize) -> Option<usize> {
    let lo = p.saturating_sub(LOWER_MAX + 1);
    let mut s = p;
    while s > lo && t[s - 1].is_ascii_lowercase() {
        s -= 1;
    }
    if s == p || s == 0 || !t[s - 1].is_ascii_uppercase() {
        return None;
    }
    s -= 1;
    if s > 0
        && (t[s - 1].is_ascii_alphanumeric()
            || (t[s - 1].is_alphabetic() && u32::from(t[s - 1]) < 0x2000)
            || matches!(t[s - 1], '@' | '_' | '-' | '/' | '\'' | ','))
    {
        return None;
    }
    // a dot after a letter joins an address or an identifier (user.Okafor); after a number it ends an item (2.Tran)
    if s > 1 && t[s - 1] == '.' && !t[s - 2].is_ascii_digit() {
        return None;
    }
    Some(s)
}

impl Ctx<'_, '_> {
    /// The Latin name ending at `p`, right before an honorific; false when there is none (the caller then
    /// reads the Japanese forms).
    pub(crate) fn latin_before_honorific(&mut self, p: usize) -> bool {
        let t = self.t;
        if p == 0 || !t[p - 1].is_ascii_lowercase() {
            return false;
        }
        let Some(last) = latin_word_start(t, p) else {
            return true;
        };
        // the whole name when capitalised words go before it (Nguyen Thi Lanさん, Martin Dubois様)
        let mut s = last;
        for _ in 0..2 {
            let initial = |b: usize| {
                (b >= 2 && t[b - 1] == '.' && t[b - 2].is_ascii_uppercase() && (b == 2 || t[b - 3] == ' '))
                    .then(|| b - 2)
            };
            match s.checked_sub(1).filter(|&b| t[b] == ' ').and_then(|b| latin_word_start(t, b).or_else(|| initial(b)))
            {
                Some(a) => s = a,
                None => break,
            }
        }
        let word: String = t[last..p].iter().collect::<String>().to_ascii_lowercase();
        let lx = lexicons();
        let listed = lx.given.contains(word.as_str()) || lx.surnames.contains(word.as_str());
        if !listed && (lx.common.contains(word.as_str()) || lx.places.contains_key(word.as_str())) {
            return true;
        }
        self.add(s, p, 0.7);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn a_latin_name_before_an_honorific() {
        assert_eq!(names("明日はOkaforさんが来社します。\n"), ["Okafor"]);
        assert_eq!(names("資料はBrandt様にお送りしました。\n"), ["Brandt"]);
        assert_eq!(names("・Amara Okafor さん（新任）\n"), ["Amara Okafor"]);
        assert_eq!(names("3.Le Van Binhさん（実習生）\n"), ["Le Van Binh"]);
        // an identifier, a common English word or a place, a word in capitals
        assert!(names("担当はuser.Okaforさん経由で\n").is_empty());
        assert!(names("Teamさんへの連絡\n").is_empty());
        assert!(names("Osaka様宛て\n").is_empty());
        assert!(names("ABCさんへ\n").is_empty());
    }
}
