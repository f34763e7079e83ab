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

use super::{building, cell_ends, has_block, is_hiragana, is_prose, is_town_char, rest, run};

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

/// A rural lot written from its 大字 (`大字田所1234番地`, `大字田所1234番地5`), at `k` where 大字 opens, with
/// the town or village before it when one is written (`架空町大字田所12番地`, `仮名郡架空村大字…`): its
/// span. The district is kanji or katakana right before the lot number and 番地 (not `大字田所の10番地から`,
/// `大字田所 2、`, a count of houses), and no word goes on after it.
pub fn oaza_lot(c: &[char], k: usize) -> Option<(usize, usize)> {
    let kanji = |x: char| matches!(x, '\u{4E00}'..='\u{9FFF}' | '々' | 'ヶ' | 'ケ');
    let t = k + 2;
    let town = run(c, t, 6, |x| (kanji(x) || ('\u{30A1}'..='\u{30FA}').contains(&x)) && !c_is_digit_like(x));
    let d = run(c, t + town, 5, |x| x.is_ascii_digit());
    if town == 0 || d == 0 || !c[t + town + d..].starts_with(&['番', '地']) {
        return None;
    }
    let mut e = t + town + d + 2;
    // the branch number: 番地5, 番地の5, 番地-5
    let sep = usize::from(c.get(e).is_some_and(|&x| x == 'の' || x == '-'));
    let b = run(c, e + sep, 4, |x| x.is_ascii_digit());
    if b > 0 {
        e += sep + b;
    }
    if c.get(e).is_some_and(|&x| x.is_ascii_digit() || kanji(x)) {
        return None;
    }
    // the town or village before 大字, and its 郡 (each a short kanji name the line or a word does not go on from)
    let back = |to: usize, ends: &[char]| -> Option<usize> {
        if to == 0 || !ends.contains(&c[to - 1]) {
            return None;
        }
        let name = |x: char| kanji(x) && !matches!(x, '郡' | '市' | '区' | '県' | '都' | '府' | '道');
        let n = (1..=6).take_while(|&i| i < to && name(c[to - 1 - i])).count();
        let stop = |x: char| !kanji(x) || matches!(x, '郡' | '市' | '県' | '都' | '府' | '道');
        ((1..=5).contains(&n) && (to - 1 - n == 0 || stop(c[to - 2 - n]))).then_some(to - 1 - n)
    };
    // (the town may end the line above, the lot indented under it: 架空町 / 　大字上野45番地)
    let mut above = k;
    while above > 0 && matches!(c[above - 1], ' ' | '\t' | '\u{3000}') {
        above -= 1;
    }
    let above = if above > 0 && c[above - 1] == '\n' { above - 1 } else { k };
    let mut s = back(above, &['町', '村']).map_or(k, |m| back(m, &['郡']).unwrap_or(m));
    // and the prefecture before them
    if s < k {
        if let Some(p) = (3..=4).map(|n| s.saturating_sub(n)).find(|&p| p + 3 <= s && super::prefecture_at(c, p)) {
            if super::PREFECTURES.iter().any(|w| w.chars().count() == s - p) {
                s = p;
            }
        }
    }
    // a building and its room after the lot (大字田所12番地 田所ハイツ 203)
    Some((s, building(c, e)))
}

/// A town (丁) and its full block numbers with nothing before them, in a sentence or after a colon
/// (`近隣：若葉町1-5-3`, `はい、東町三丁目6の19`, `緑町2の4の20`), at `m` where the 町 of the town name
/// stands: its span. The name is one to four kanji after a character that is no part of a word; the
/// numbers are the three of a house (chome, block, house: 1-5-3, 2の4の20, 三丁目6の19, 3丁目4番5号), the
/// first of one or two digits (not a date, 2026-12-08), and nothing goes on after them.
pub fn town_with_house_number(c: &[char], m: usize) -> Option<(usize, usize)> {
    let kanji = |x: char| matches!(x, '\u{4E00}'..='\u{9FFF}' | '々' | 'ヶ' | 'ケ');
    let n = (1..=5).take_while(|&i| i <= m && kanji(c[m - i])).count();
    if n == 0 || n > 4 {
        return None;
    }
    let s = m - n;
    if s > 0 && (c[s - 1].is_ascii_alphanumeric() || is_town_char(c[s - 1]) && !is_hiragana(c[s - 1])) {
        return None;
    }
    if c[s..m].iter().any(|&x| matches!(x, '市' | '区' | '郡' | '県' | '都' | '府' | '村' | '町') || c_is_digit_like(x))
        || is_prose(&c[s..=m])
    {
        return None;
    }
    let digits = |q: usize, max: usize| run(c, q, max, |x| x.is_ascii_digit());
    let q = m + 1;
    let a = digits(q, 2);
    let e = if a > 0 && digits(q, 3) == a {
        let sep = *c.get(q + a)?;
        if sep == '-' || sep == 'の' {
            // 1-5-3, 2の4の20
            let b = digits(q + a + 1, 4);
            let e1 = q + a + 1 + b;
            if b == 0 || c.get(e1) != Some(&sep) {
                return None;
            }
            let d = digits(e1 + 1, 4);
            (d > 0).then_some(e1 + 1 + d)?
        } else if c[q + a..].starts_with(&['丁', '目']) {
            house_after_chome(c, q + a + 2)?
        } else {
            return None;
        }
    } else {
        let k = run(c, q, 3, c_is_digit_like);
        if k == 0 || !c[q + k..].starts_with(&['丁', '目']) {
            return None;
        }
        house_after_chome(c, q + k + 2)?
    };
    if c.get(e).is_some_and(|&x| x.is_ascii_alphanumeric() || matches!(x, '-' | '.' | '/' | ':')) {
        return None;
    }
    Some((s, building(c, e)))
}

/// The block and house after 丁目 at `q` (6の19, 6-19, 4番5号, 12番地): their end.
fn house_after_chome(c: &[char], q: usize) -> Option<usize> {
    let digits = |q: usize| run(c, q, 4, |x| x.is_ascii_digit());
    let b = digits(q);
    if b == 0 {
        return None;
    }
    let p = q + b;
    if c[p..].starts_with(&['番', '地']) {
        return Some(p + 2);
    }
    let sep = match c.get(p) {
        Some('-') | Some('の') => 1,
        Some('番') => 1,
        _ => return None,
    };
    let d = digits(p + sep);
    if d == 0 {
        return (c[p] == '番').then_some(p + 1);
    }
    let e = p + sep + d;
    Some(if c[p] == '番' && c.get(e) == Some(&'号') { e + 1 } else { e })
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
    fn rural_lots_from_their_oaza() {
        let lot = |s: &str| {
            let c = chars(s);
            let k = s.chars().collect::<String>().find("大字").map(|b| s[..b].chars().count()).unwrap();
            oaza_lot(&c, k).map(|(a, b)| c[a..b].iter().collect::<String>())
        };
        assert_eq!(lot("本人は大字田所1234番地です").as_deref(), Some("大字田所1234番地"));
        assert_eq!(lot("（大字田所12番地5）").as_deref(), Some("大字田所12番地5"));
        assert_eq!(lot("転入先は架空町大字上野3番地の2\n").as_deref(), Some("架空町大字上野3番地の2"));
        assert_eq!(lot(" 仮名郡架空村大字上野45番地\n").as_deref(), Some("仮名郡架空村大字上野45番地"));
        assert_eq!(lot("〒999-0001 仮名郡架空町大字上野45番地\n").as_deref(), Some("仮名郡架空町大字上野45番地"));
        assert_eq!(
            lot("愛知県仮名郡架空町\n　大字上野45番地\n").as_deref(),
            Some("愛知県仮名郡架空町\n　大字上野45番地")
        );
        assert_eq!(lot("| 大字上野45番地2 上野ハイツ B-102 |").as_deref(), Some("大字上野45番地2 上野ハイツ B-102"));
        assert_eq!(lot("対象は大字上野の10番地から40番地"), None);
        assert_eq!(lot("一部破損（大字上野 2、大字下野 1）"), None);
        assert_eq!(lot("地権者（大字上野の自治会長）"), None);
    }

    #[test]
    fn towns_with_their_house_numbers() {
        let town = |s: &str| {
            let c = chars(s);
            let m = c.iter().position(|&x| x == '町').unwrap();
            town_with_house_number(&c, m).map(|(a, b)| c[a..b].iter().collect::<String>())
        };
        assert_eq!(town("近隣対応：若葉町1-5-3\n").as_deref(), Some("若葉町1-5-3"));
        assert_eq!(town("言ってました、緑町2の4の20です").as_deref(), Some("緑町2の4の20"));
        assert_eq!(town("はい、東町三丁目6の19").as_deref(), Some("東町三丁目6の19"));
        assert_eq!(town("（桜町3丁目4番5号）").as_deref(), Some("桜町3丁目4番5号"));
        assert_eq!(town("本町2026-12-08"), None);
        assert_eq!(town("本町1-2"), None);
        assert_eq!(town("架空市本町1-2-3"), None);
        assert_eq!(town("A町1-2-3"), None);
        assert_eq!(town("町内会1-2-3"), None);
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
