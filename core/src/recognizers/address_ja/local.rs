//! Addresses written the short way people write them inside their own town: a district and its
//! numbers with no prefecture or municipality before them (`大字田所1234番地5`, `字下原 45-2`,
//! `あおば台3丁目11番6号`, `西208`).
//!
//! Such a text names an address only where something says so: a home-address label just before it
//! (住所, 現住所, 所在地, 送付先, 自宅 … but not 連絡先 or 勤務先, whose values are extensions and
//! departments), a cell under an address column of a table, a house or a person's honorific before
//! brackets (`山田さん宅（ひばり町4-7-12）`, `森さん（もみじ町2丁目5-1、独居）`), or 市内 / 町内 before a
//! town with a real block number (`市内若草町5-3-9`). The district must be followed by its numbers
//! and then end its cell, its line or its bracket, so a sentence or a department that merely holds a
//! number (`総務課2141号`, `担当市民課3-4番窓口`) is not read.

use super::{cell_ends, has_block, is_hiragana, is_prose, is_town_char, rest, run};

/// The labels whose value is the address of a person or a place (not a contact or a workplace).
pub const HOME_LABELS: [&str; 12] =
    ["住所", "所在地", "居所", "送付先", "届け先", "送り先", "配送先", "宛先", "自宅", "居住地", "本籍", "本籍地"];

/// Words before a house in brackets: `山田さん宅（…）`, `自宅（…）`, and a person's honorific, whose
/// brackets may hold where the person lives (`森さん（もみじ町2丁目5-1、独居）`, `様（大字西野12番地）`).
pub const HOUSE_WORDS: [&str; 7] = ["さん宅(", "様宅(", "氏宅(", "自宅(", "さん(", "様(", "氏("];

/// Words before a town of the writer's own municipality: `市内若草町5-3-9`.
pub const TOWN_WIDE: [&str; 3] = ["市内", "町内", "村内"];

/// What may close a district address: the end of its cell or line, a closing bracket, or hiragana
/// (`… 45-2です`).
fn closes(c: &[char], e: usize) -> bool {
    cell_ends(c, e) || c.get(e).is_some_and(|&x| matches!(x, ')' | '」' | '』' | '】' | '。' | '、') || is_hiragana(x))
}

/// A kanji numeral (the numbers of a district may be written in them).
fn c_is_digit_like(x: char) -> bool {
    matches!(x, '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// A district and its numbers at `p`, as a home-address label's value or a cell of an address column:
/// its end. The district opens with a kanji or katakana (or 大字 / 字), is no sentence, and the address
/// ends its cell; a bare number after a one-character district (`西208`) is taken only when `strict`
/// is false (the label or column says it is an address).
pub fn district_address(c: &[char], p: usize, strict: bool) -> Option<usize> {
    if !c.get(p).is_some_and(|&x| is_town_char(x)) {
        return None;
    }
    // the district: kanji or kana, not a sentence; it may open with hiragana (みどり台) but not end in it
    let town = run(c, p, 16, |x| is_town_char(x) && !c_is_digit_like(x));
    let district = &c[p..p + town];
    let label = |w: &[char]| district.windows(w.len()).any(|x| x == w);
    if town == 0 || is_prose(district) || is_hiragana(c[p + town - 1]) || label(&['住', '所']) || label(&['番', '号'])
    {
        return None;
    }
    let e = rest(c, p)?;
    if !closes(c, e) {
        return None;
    }
    // the numbers right after the district (not a year or an amount further on)
    let t = p + run(c, p, 24, is_town_char);
    if t >= e {
        return None;
    }
    if strict && !has_block(c, p, e) && !c[p..t].contains(&'字') {
        return None;
    }
    Some(e)
}

/// A room of a building rather than a district (`会議室3-2`, `第二会議室2`): the name holds 室.
pub fn is_room_word(district: &[char]) -> bool {
    district.iter().take_while(|&&x| is_town_char(x)).any(|&x| x == '室')
}

/// A district after a word naming the writer's town (`市内若草町5-3-9`) or inside a house's brackets
/// (`さん宅（ひばり町4-7-12）`) at `p`: the same, with a real block number and a town of two or more
/// characters. Its end.
pub fn district_in_prose(c: &[char], p: usize) -> Option<usize> {
    let e = district_address(c, p, true)?;
    let t = p + run(c, p, 24, is_town_char);
    (t >= p + 2 && has_block(c, p, e)).then_some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn read(s: &str, strict: bool) -> Option<String> {
        let c = chars(s);
        district_address(&c, 0, strict).map(|e| c[..e].iter().collect())
    }

    #[test]
    fn districts_and_their_numbers() {
        assert_eq!(read("大字田所1234番地5\n", true).as_deref(), Some("大字田所1234番地5"));
        assert_eq!(read("字下原 45-2\n", true).as_deref(), Some("字下原 45-2"));
        assert_eq!(read("あおば台3丁目11番6号)", true).as_deref(), Some("あおば台3丁目11番6号"));
        assert_eq!(read("緑台2丁目14番8号)", true).as_deref(), Some("緑台2丁目14番8号"));
        assert_eq!(read("西208\n", false).as_deref(), Some("西208"));
        assert_eq!(read("西208\n", true), None);
    }

    #[test]
    fn not_districts() {
        assert_eq!(read("担当市民課3-4番窓口\n", false), None);
        assert_eq!(read("不明\n", false), None);
        assert_eq!(read("住所1,お届け先住所2\n", false), None);
        assert_eq!(read("未定 2件\n", false), None);
        assert_eq!(read("川本町の祭りは10月\n", false), None);
    }
}
