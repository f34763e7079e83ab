//! PHONE in the written forms the digit runs do not reach, read only right after a phone label
//! (電話 / 携帯 / 直通 / TEL ...): kanji numerals (〇三―一二三四―五六七八, as vertical letters and
//! formal forms write them) and the letters a scan or a typist puts for a digit (O / o for 0, l / I
//! for 1: 09O-1234-5678). The value must be grouped by dashes, hold 10 or 11 digits, start with 0 and
//! be a Japanese number by the metadata or its shape; numbers of plain digits are left to the
//! digit-run rule of [`super::Phone`].

use crate::document::Document;
use crate::finding::Finding;

/// Characters between a label and its value: spaces, colons, brackets, 番号 and the like.
fn filler(c: char) -> bool {
    matches!(c, ' ' | '\t' | ':' | '.' | ')' | ']' | '】' | '」' | '>' | '=' | '番' | '号' | '/' | '(')
}

fn kanji_digit(c: char) -> Option<char> {
    Some(match c {
        '〇' => '0',
        '一' => '1',
        '二' => '2',
        '三' => '3',
        '四' => '4',
        '五' => '5',
        '六' => '6',
        '七' => '7',
        '八' => '8',
        '九' => '9',
        _ => return None,
    })
}

/// Whether the value at `p` may be an odd form at all: a kanji 〇 first, or a letter read as a digit
/// among the next 14 characters of digits and dashes (most values after a label are plain numbers).
fn may_be_odd(c: &[char], p: usize) -> bool {
    if c[p] == '〇' {
        return true;
    }
    c[p..c.len().min(p + 14)]
        .iter()
        .take_while(|&&x| x.is_ascii_digit() || dash(x) || ocr_digit(x).is_some())
        .any(|&x| ocr_digit(x).is_some())
}

fn ocr_digit(c: char) -> Option<char> {
    match c {
        'O' | 'o' => Some('0'),
        'l' | 'I' => Some('1'),
        _ => None,
    }
}

fn dash(c: char) -> bool {
    matches!(c, '-' | 'ー' | '―' | '‐' | '−' | '–' | '—' | 'ｰ' | '－')
}

/// The odd-form number starting at `p`: its end and digits, when it holds kanji numerals only or
/// ASCII digits with at most two letters read as digits (each touching a real digit).
pub(crate) fn odd_number_at(c: &[char], p: usize) -> Option<(usize, String)> {
    let kanji = kanji_digit(*c.get(p)?).is_some();
    let (mut i, mut digits, mut letters, mut groups) = (p, String::with_capacity(12), 0usize, 1usize);
    while i < c.len() && digits.len() < 12 {
        let ch = c[i];
        let d = if kanji {
            kanji_digit(ch)
        } else if ch.is_ascii_digit() {
            Some(ch)
        } else {
            let touching = |j: Option<usize>| j.and_then(|j| c.get(j)).is_some_and(|x| x.is_ascii_digit());
            ocr_digit(ch).filter(|_| touching(i.checked_sub(1)) || touching(Some(i + 1)))
        };
        if let Some(d) = d {
            if !kanji && !ch.is_ascii_digit() {
                letters += 1;
            }
            digits.push(d);
            i += 1;
        } else if dash(ch) && !digits.is_empty() && i + 1 < c.len() && !dash(c[i + 1]) {
            groups += 1;
            i += 1;
        } else {
            break;
        }
    }
    while i > p && dash(c[i - 1]) {
        i -= 1;
        groups -= 1;
    }
    // the value ends at a word boundary: no letter, digit or numeral glued to it
    if c.get(i).is_some_and(|&x| x.is_ascii_alphanumeric() || kanji_digit(x).is_some()) {
        return None;
    }
    let odd = kanji || (1..=2).contains(&letters);
    (odd && groups >= 2 && (10..=11).contains(&digits.len()) && digits.starts_with('0')).then_some((i, digits))
}

/// Findings for the odd-form numbers right after each phone label of `doc`; `jp_ok` says whether
/// national digits are a Japanese number.
pub(crate) fn find(doc: &Document, jp_ok: impl Fn(&str) -> bool, out: &mut Vec<Finding>) {
    let occ = doc.occurrences("n.phone");
    if occ.ends.is_empty() {
        return;
    }
    let c = &doc.norm.chars;
    let mut last = 0;
    for &e in &occ.ends {
        let mut p = e;
        while p < c.len() && p < e + 6 && filler(c[p]) {
            p += 1;
        }
        if p < last || p >= c.len() || !may_be_odd(c, p) {
            continue;
        }
        if let Some((end, digits)) = odd_number_at(c, p) {
            if jp_ok(&digits) {
                out.push(Finding::new("PHONE", p, end, 0.85, "phone").with_subtype("JP"));
                last = end;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<String> {
        let c: Vec<char> = s.chars().collect();
        odd_number_at(&c, 0).map(|(e, d)| format!("{}|{d}", c[..e].iter().collect::<String>()))
    }

    #[test]
    fn kanji_numerals() {
        assert_eq!(read("〇四五―六七八―九〇一二です").as_deref(), Some("〇四五―六七八―九〇一二|0456789012"));
        assert_eq!(read("〇八〇―一二三四―五六七八").as_deref(), Some("〇八〇―一二三四―五六七八|08012345678"));
        // no grouping, too short, or not starting with 0
        assert_eq!(read("〇四五六七八九〇一二"), None);
        assert_eq!(read("〇四五―六七八"), None);
        assert_eq!(read("三四五―六七八―九〇一二"), None);
        // a numeral glued on after the number
        assert_eq!(read("〇四五―六七八―九〇一二三四"), None);
    }

    #[test]
    fn letters_for_digits() {
        assert_eq!(read("080-5I23-4O67 まで").as_deref(), Some("080-5I23-4O67|08051234067"));
        assert_eq!(read("O6-6123-4567").as_deref(), Some("O6-6123-4567|0661234567"));
        // plain digits are the digit-run rule's; three letters are a code, not a misread number
        assert_eq!(read("06-6123-4567"), None);
        assert_eq!(read("O6-6l23-45O7"), None);
        // a word glued to it
        assert_eq!(read("06-6123-4567ext"), None);
        assert_eq!(read("Room-1234-5678"), None);
    }
}
