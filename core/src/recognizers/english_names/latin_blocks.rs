//! English lines inside a Japanese document: a mail written in English between Japanese ones, the
//! English half of a bilingual notice, a chat in English pasted into a Japanese report. The
//! document is Japanese, so the English rules ([`super::EnglishNameRecognizer`]) would not read it;
//! here the runs of lines written in Latin letters are cut out and read as English documents of
//! their own, and the PERSON findings they give are kept at their place in the whole text.
//!
//! A line is English when it holds at least [`MIN_LATIN`] Latin letters and at most one kana or
//! kanji for every [`LATIN_PER_JA`] of them (a Japanese name or word inside an English sentence
//! stays in). Lines without letters (blank lines, `--`, numbers) join a block but neither open nor
//! close one. One pass over the text; the English rules then read only the blocks.

use crate::finding::Finding;

/// Latin letters a line needs to count as English.
const MIN_LATIN: usize = 3;
/// Latin letters a Japanese line needs to be read for a name in Latin letters (two words of two letters).
const MIN_MIXED: usize = 4;
/// Latin letters needed for each kana or kanji a line may hold and still count as English.
const LATIN_PER_JA: usize = 4;

/// The bytes of `line` for which `hit` holds, counted in 8-bit lanes (up to 255 bytes at a time) so that
/// the loop vectorises 16 or 32 bytes wide: it runs over every line of every Japanese document.
#[inline(always)]
fn count(line: &[u8], hit: impl Fn(u8) -> bool) -> usize {
    line.chunks(255).map(|c| usize::from(c.iter().fold(0u8, |n, &b| n + u8::from(hit(b))))).sum()
}

/// The Latin letters of one line's UTF-8 bytes: ASCII letters, and code points of U+00C0–U+024F
/// (lead byte C3–C9: `é`, `ư`).
fn latin_letters(line: &[u8]) -> usize {
    count(line, |b| (b | 0x20).wrapping_sub(b'a') < 26 || b.wrapping_sub(0xc3) < 7)
}

/// The kana, kanji and Japanese punctuation of one line's UTF-8 bytes (U+3000–U+9FFF: lead byte E3–E9).
fn japanese(line: &[u8]) -> usize {
    count(line, |b| b.wrapping_sub(0xe3) < 7)
}

/// The spans `[start, end)`, in code points, of the runs of English lines in `text` (each ending at
/// the end of its last English line, before its newline). `at` gives the byte offset of each code
/// point (empty for an ASCII text, [`crate::text::Text`]'s table). Most lines of a Japanese text
/// hold fewer than [`MIN_LATIN`] ASCII letters: one counting pass over their bytes rejects them.
///
/// `mixed` receives the spans of the Japanese lines with [`MIN_MIXED`] Latin letters or more (the lines
/// where [`super::latin_cells`] looks for a name in Latin letters), from the same count.
pub(super) fn blocks(text: &str, at: &[u32], mixed: &mut Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let char_of = |b: usize| if at.is_empty() { b } else { at.partition_point(|&x| (x as usize) < b) };
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // the block so far, in bytes: start, end of its last English line
    let mut s = 0;
    while s <= bytes.len() {
        let e = memchr::memchr(b'\n', &bytes[s..]).map_or(bytes.len(), |k| s + k);
        let line = &bytes[s..e];
        let latin = latin_letters(line);
        if latin >= MIN_LATIN && latin >= LATIN_PER_JA * japanese(line) {
            open = Some(open.map_or((s, e), |(a, _)| (a, e)));
        } else {
            if latin >= MIN_MIXED {
                mixed.push((char_of(s), char_of(e)));
            }
            if open.is_some() && latin + japanese(line) > 0 {
                out.extend(open.take());
            }
        }
        s = e + 1;
    }
    out.extend(open);
    out.into_iter().map(|(a, b)| (char_of(a), char_of(b))).collect()
}

/// `Reyes, Joseph`: a surname, a comma and a given name found as two names are one name (the order
/// of rosters and passports). `found` holds findings of one block; `t` is its folded text.
pub(super) fn join_inverted(t: &[char], found: &mut Vec<Finding>) {
    found.sort_by_key(|f| f.start);
    let mut k = 0;
    while k + 1 < found.len() {
        let (a, b) = (&found[k], &found[k + 1]);
        let gap = &t[a.end..b.start.max(a.end)];
        let one_word = !t[a.start..a.end].iter().any(|&c| c == ' ' || c == ',');
        if one_word && gap.first() == Some(&',') && gap.len() <= 3 && gap[1..].iter().all(|&c| c == ' ') {
            let score = a.score.max(b.score);
            found[k] = Finding { end: b.end, score, ..found[k] };
            found.remove(k + 1);
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let t: Vec<char> = s.chars().collect();
        let at: Vec<u32> = s.char_indices().map(|(b, _)| b as u32).chain([s.len() as u32]).collect();
        blocks(s, &at, &mut Vec::new()).into_iter().map(|(a, b)| t[a..b].iter().collect()).collect()
    }

    #[test]
    fn english_lines_between_japanese_ones() {
        let s = "各位\n\nHi Anna,\n\nSee you at 3 pm.\nBest,\nKoji\n\n以上、よろしくお願いします。\n";
        assert_eq!(texts(s), ["Hi Anna,\n\nSee you at 3 pm.\nBest,\nKoji"]);
        // a Japanese name inside an English sentence keeps the line English
        assert_eq!(texts("Please ask 山田 about the invoice today.\n"), ["Please ask 山田 about the invoice today."]);
    }

    use super::super::persons_in_japanese as persons;

    #[test]
    fn names_of_an_english_mail_inside_a_japanese_one() {
        let text = "各位\n\n先方からのメールです。\n\nHi Anna,\n\nPlease call me back.\nBest regards,\nMaria Lopez\n\n以上です。\n";
        assert_eq!(persons(text), ["Anna", "Maria Lopez"]);
        // a label of a form, a number or the Japanese lines themselves are no name
        assert!(persons("連絡先\nMail: info@example.com\nPassport No. AB1234567\n佐藤さんへ\n").is_empty());
    }

    #[test]
    fn a_surname_and_a_given_name_in_roster_order_are_one_name() {
        let t: Vec<char> = "Ito, Maria  Sato Ken, Lee".chars().collect();
        let mut f = vec![
            Finding::new("PERSON", 5, 10, 0.6, "t"),
            Finding::new("PERSON", 0, 3, 0.6, "t"),
            Finding::new("PERSON", 12, 20, 0.7, "t"),
            Finding::new("PERSON", 22, 25, 0.6, "t"),
        ];
        join_inverted(&t, &mut f);
        let spans: Vec<(usize, usize)> = f.iter().map(|x| (x.start, x.end)).collect();
        // a full name before the comma is no surname: "Sato Ken, Lee" stays two names
        assert_eq!(spans, [(0, 10), (12, 20), (22, 25)]);
    }

    #[test]
    fn japanese_lines_with_a_few_latin_letters_are_no_block() {
        assert!(texts("担当：山田（ABC社）\nPDFを添付します。\n").is_empty());
        assert!(texts("12:00\n--\n").is_empty());
        // letters with accents count as Latin, and offsets are in code points
        assert_eq!(texts("会議メモ\nDương Minh Khoa\n"), ["Dương Minh Khoa"]);
    }
}
