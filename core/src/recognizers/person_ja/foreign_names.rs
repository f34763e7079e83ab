//! Names of foreign residents and partners, and names in scripts the other rules do not read, found
//! from the name they are written beside:
//!
//! * a Latin-letter name of any spelling (`Ana Nunes`, `LIU YANG`, `Watanabe, Kenji`, `Lee Min-jun`,
//!   `Dương Minh Khoa`) set beside a name already found, in brackets or after a slash or bar
//!   (`刘 洋（LIU YANG）`, `Wang Jing / 王 静`, `渡辺 健二 | Kenji Watanabe`), or after it across a wide
//!   gap at the end of the line (a signature: `一ノ瀬 諒　Ryo Ichinose`);
//! * a Latin-letter name followed by its katakana reading in brackets (`Kim Jiwoo（キム・ジウ）`): both;
//! * a name in half-width katakana, two to four words split by single spaces (`ｶﾐﾂﾏ ﾖｼｵ`), as bank
//!   transfers and older systems write account holders.
//!
//! A Latin name here is two to four capitalised or upper-case words (a comma may follow the first); no
//! word may be a common English word, a place or an organisation's legal form unless it is a listed
//! given name or surname, which keeps `Sales Manager`, `Tokyo Office` and `Acme Corp` out.

use super::chars::{is_half_kana, is_kanji};
use super::tables::F_UPPER;
use super::Ctx;
use crate::recognizers::english_words::lexicons;

/// Letters of the longest word read.
const WORD_MAX: usize = 20;
/// Code points of the longest katakana reading read in brackets.
const READING_MAX: usize = 24;

/// Words of organisations and roles that can be capitalised like a name.
const NOT_NAME: &[&str] = &[
    "inc",
    "ltd",
    "co",
    "corp",
    "gmbh",
    "llc",
    "sa",
    "ag",
    "plc",
    "kk",
    "bv",
    "nv",
    "pte",
    "pty",
    "srl",
    "sas",
    "group",
    "company",
    "corporation",
    "limited",
    "holdings",
    "bank",
    "team",
    "dept",
    "division",
    "section",
    "manager",
    "director",
    "engineer",
    "leader",
    "member",
    "staff",
    "japan",
    "asia",
    "global",
];

/// A letter that may start a Latin name: A-Z, or an upper-case Latin letter with a diacritic.
fn latin_upper(c: char) -> bool {
    c.is_ascii_uppercase() || (latin_ext(c) && c.is_uppercase())
}

/// A Latin-1, Latin Extended-A/B or Latin Extended Additional letter (`é`, `ư`, `Đ`, `ạ`).
fn latin_ext(c: char) -> bool {
    matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF) && c.is_alphabetic() && c != '×' && c != '÷'
}

fn latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || latin_ext(c)
}

/// One word at `i`: `Nunes`, `NUNES`, `Min-jun`, `O'Brien`, `Dương`; its end.
fn latin_word(t: &[char], i: usize, n: usize) -> Option<usize> {
    if i >= n || !latin_upper(t[i]) {
        return None;
    }
    let mut e = i + 1;
    let mut upper = true;
    let mut lower = true;
    while e < n && e - i < WORD_MAX {
        let c = t[e];
        if latin_letter(c) {
            upper &= !c.is_lowercase();
            lower &= !c.is_uppercase();
            e += 1;
        } else if matches!(c, '-' | '\'') && e + 1 < n && latin_letter(t[e + 1]) {
            // Min-jun, O'Brien: the part after the mark may start in capitals
            e += 1;
            if t[e].is_uppercase() {
                e += 1;
            }
        } else {
            break;
        }
    }
    if e - i < 2 || !(upper || lower) || (e < n && latin_letter(t[e])) {
        return None;
    }
    Some(e)
}

/// Whether the word `w` may be part of a name (not a common word, a place or an organisation's word).
fn name_word(w: &[char]) -> bool {
    let low: String = w.iter().flat_map(|c| c.to_lowercase()).collect();
    if NOT_NAME.contains(&low.as_str()) {
        return false;
    }
    let lx = lexicons();
    lx.given.contains(low.as_str())
        || lx.surnames.contains(low.as_str())
        || !(lx.common.contains(low.as_str()) || lx.places.contains_key(low.as_str()))
}

/// A Latin name of two to four words at `i`: its end (the shape, then the lexicons; the rule reads the
/// shape first and asks the lexicons only where the name stands beside another).
#[cfg(test)]
fn latin_name(t: &[char], i: usize, n: usize) -> Option<usize> {
    latin_shape(t, i, n).filter(|&x| words_ok(&t[i..x]))
}

/// Two to four words at `i` in the shape of a Latin name (not yet checked against the lexicons): its end.
fn latin_shape(t: &[char], i: usize, n: usize) -> Option<usize> {
    if i > 0 && (t[i - 1].is_alphanumeric() || matches!(t[i - 1], '@' | '.' | '_' | '-' | '\'')) {
        return None;
    }
    let mut e = latin_word(t, i, n)?;
    let mut words = 1;
    while words < 4 {
        let mut p = e;
        if words == 1 && t.get(p) == Some(&',') {
            p += 1;
        }
        if t.get(p) != Some(&' ') {
            break;
        }
        let Some(x) = latin_word(t, p + 1, n) else {
            break;
        };
        words += 1;
        e = x;
    }
    // two words at least, not glued to an address, a file name or a number
    if words < 2 || t.get(e).is_some_and(|&c| c.is_alphanumeric() || matches!(c, '@' | '.' | '_' | '\'')) {
        return None;
    }
    Some(e)
}

/// Whether every word of the name `w` may be part of a name.
pub(super) fn words_ok(w: &[char]) -> bool {
    w.split(|&c| c == ' ' || c == ',').filter(|x| !x.is_empty()).all(name_word)
}

/// `（キム・ジウ）` at `i`: katakana with `・` or single spaces between its words; the reading's span.
fn kana_reading(t: &[char], i: usize, n: usize) -> Option<(usize, usize)> {
    let close = match t.get(i) {
        Some('（') => '）',
        Some('(') => ')',
        _ => return None,
    };
    let s = i + 1;
    let mut e = s;
    while e < n && e - s <= READING_MAX && t[e] != close {
        let c = t[e];
        let kata = matches!(c, 'ァ'..='ヺ' | 'ー');
        let sep = matches!(c, '・' | ' ') && e > s && matches!(t[e - 1], 'ァ'..='ヺ' | 'ー');
        if !(kata || sep) {
            return None;
        }
        e += 1;
    }
    (e < n && t[e] == close && e - s >= 2 && t[e - 1] != ' ' && t[e - 1] != '・').then_some((s, e))
}

/// Spaces from `i` on (ASCII spaces: the text is folded), up to `max`.
fn spaces(t: &[char], i: usize, n: usize, max: usize) -> usize {
    let mut k = 0;
    while i + k < n && k < max && t[i + k] == ' ' {
        k += 1;
    }
    k
}

impl Ctx<'_, '_> {
    /// Adds the Latin names written beside a name found or before a katakana reading, and the names in
    /// half-width katakana. Runs after the other rules (the names beside are those they found).
    #[inline(never)]
    pub(crate) fn foreign_names(&mut self) {
        self.latin_beside();
        self.half_kana_names();
    }

    fn latin_beside(&mut self) {
        let t = self.t;
        let n = self.n;
        let mut c = self.next_flag(0, F_UPPER);
        if c >= n {
            return;
        }
        // the names found in other scripts, by start and by end
        let mut starts: Vec<usize> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        for &((s, e), _) in &self.found.items {
            if !latin_letter(t[s]) {
                starts.push(s);
                ends.push(e);
            }
        }
        starts.sort_unstable();
        ends.sort_unstable();
        let mut add: Vec<(usize, usize)> = Vec::new();
        // the end of the last name read after a role word (the next item of its list follows)
        let mut list_end = usize::MAX;
        while c < n {
            let i = c;
            c = self.next_flag(c + 1, F_UPPER);
            let Some(x) = latin_shape(t, i, n) else {
                continue;
            };
            while c < x {
                c = self.next_flag(c + 1, F_UPPER);
            }
            // Kim Jiwoo（キム・ジウ）
            let q = x + spaces(t, x, n, 1);
            if let Some((rs, re)) = kana_reading(t, q, n).filter(|_| words_ok(&t[i..x])) {
                add.push((i, x));
                add.push((rs, re));
                continue;
            }
            // Wang Jing / 王 静, Watanabe, Kenji (渡辺 健二)
            if let Some(&o) = t.get(q).filter(|&&o| matches!(o, '/' | '|' | '（' | '(')) {
                let k = q + 1 + spaces(t, q + 1, n, 2);
                if starts.binary_search(&k).is_ok()
                    && (o == '/' || o == '|' || bracket_closed(t, k, n))
                    && words_ok(&t[i..x])
                {
                    add.push((i, x));
                    continue;
                }
            }
            // 刘 洋（LIU YANG）, 王 静 / Wang Jing, 一ノ瀬 諒　Ryo Ichinose (a gap, then the line's end)
            let mut b = i;
            while b > 0 && t[b - 1] == ' ' && i - b < 8 {
                b -= 1;
            }
            let gap = i - b;
            let opener = b > 0 && matches!(t[b - 1], '/' | '|' | '（' | '(');
            let closed = match b.checked_sub(1).map(|k| t[k]) {
                Some('（') => t.get(x) == Some(&'）'),
                Some('(') => t.get(x) == Some(&')'),
                _ => true,
            };
            let before = if opener { b - 1 } else { b };
            let mut a = before;
            while a > 0 && t[a - 1] == ' ' && before - a < 2 {
                a -= 1;
            }
            let line_end = x + spaces(t, x, n, 8);
            let at_end = line_end >= n || t[line_end] == '\n';
            if ends.binary_search(&a).is_ok()
                && closed
                && (opener || (gap >= 1 && at_end && t[..b].last() != Some(&'\n')))
                && words_ok(&t[i..x])
            {
                add.push((i, x));
                continue;
            }
            // 同行者　Lim Wei Jie, 妻 Tan Mei Ling, ローマ字（旅券記載）：NABESHIMA RIO, and the next item of
            // its list (`、Hugo GARCIA`)
            let next_item = list_end != usize::MAX
                && (i == list_end + 1 && matches!(t[list_end], '、' | ',')
                    || i == list_end + 2 && t[list_end] == ',' && t[list_end + 1] == ' ');
            if (next_item || after_role_word(t, i)) && words_ok(&t[i..x]) {
                add.push((i, x));
                list_end = x;
            }
        }
        for (s, e) in add {
            self.add(s, e, 0.75);
        }
    }

    /// `ｶﾐﾂﾏ ﾖｼｵ`: two to four words of half-width katakana split by single spaces, standing alone (no
    /// letter or bracket glued to either end: `ｶ)ﾔﾏﾀﾞ` is a company).
    fn half_kana_names(&mut self) {
        let t = self.t;
        let n = self.n;
        // most texts have no half-width katakana: their UTF-8 lead byte is looked for first (memchr)
        if !has_half_kana(self.doc.norm.s.as_bytes()) {
            return;
        }
        let mut add: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < n {
            if !is_half_kana(t[i]) {
                i += 1;
                continue;
            }
            if i > 0 && glued(t[i - 1]) {
                // the rest of a longer token: its words are passed over
                while i < n && (is_half_kana(t[i]) || (t[i] == ' ' && i + 1 < n && is_half_kana(t[i + 1]))) {
                    i += 1;
                }
                continue;
            }
            let mut e = i;
            let mut words = 0;
            let mut ok = true;
            loop {
                let s = e;
                while e < n && is_half_kana(t[e]) {
                    e += 1;
                }
                if e - s < 1 || !half_word(&t[s..e]) {
                    ok = false;
                }
                words += 1;
                if words < 4 && e + 1 < n && t[e] == ' ' && is_half_kana(t[e + 1]) {
                    e += 1;
                    continue;
                }
                break;
            }
            if ok && words >= 2 && !(e < n && glued(t[e])) {
                add.push((i, e));
            }
            i = e.max(i + 1);
        }
        for (s, e) in add {
            self.add(s, e, 0.75);
        }
    }
}

/// Japanese words that end a label or a role naming the person after it (`同行者`, `担当`, `妻`,
/// `営業一課`, `ローマ字`): the last characters of the word.
const ROLE_ENDS: &[&str] = &[
    "者",
    "員",
    "人",
    "長",
    "妻",
    "夫",
    "代表",
    "担当",
    "氏名",
    "名前",
    "ローマ字",
    "表記",
    "名義",
    "部",
    "課",
    "室",
    "係",
    "班",
];

/// Whether the name at `i` follows a Japanese role or label word standing at the start of its line, a
/// cell or an item (after spaces, a colon, or a bracketed note of the label: `ローマ字（旅券記載）`),
/// with at least one space or a colon between them.
fn after_role_word(t: &[char], i: usize) -> bool {
    let mut b = i;
    while b > 0 && t[b - 1] == ' ' && i - b < 8 {
        b -= 1;
    }
    let colon = b > 0 && matches!(t[b - 1], ':' | '：');
    if colon {
        b -= 1;
        while b > 0 && t[b - 1] == ' ' && i - b < 10 {
            b -= 1;
        }
    }
    if b == i || b == 0 {
        return false;
    }
    // a bracketed note of the label
    if matches!(t[b - 1], ')' | '）') {
        let mut k = b - 1;
        while k > 0 && b - k < 12 && !matches!(t[k - 1], '(' | '（' | '\n') {
            k -= 1;
        }
        if k == 0 || !matches!(t[k - 1], '(' | '（') {
            return false;
        }
        b = k - 1;
    }
    let mut a = b;
    while a > 0 && b - a < 8 && (is_kanji(t[a - 1]) || matches!(t[a - 1], 'ァ'..='ヺ' | 'ー')) {
        a -= 1;
    }
    if a == b || (a > 0 && !matches!(t[a - 1], '\n' | ' ' | '\t' | '|' | '・' | '】' | '■' | '●' | '◆' | '※' | '、'))
    {
        return false;
    }
    let w: String = t[a..b].iter().collect();
    ROLE_ENDS.iter().any(|e| w.ends_with(e))
}

/// Whether UTF-8 `b` holds a half-width katakana letter (U+FF66..U+FF9F: EF BD A6..BF, EF BE 80..9F).
fn has_half_kana(b: &[u8]) -> bool {
    memchr::memchr_iter(0xEF, b).any(|i| match (b.get(i + 1), b.get(i + 2)) {
        (Some(0xBD), Some(&c)) => c >= 0xA6,
        (Some(0xBE), Some(&c)) => c <= 0x9F,
        _ => false,
    })
}

/// After a bracket opened before `k`: a name found at `k` whose bracket is closed (not checked further:
/// the name's end is not known here, so only that a closing bracket follows on the line).
fn bracket_closed(t: &[char], k: usize, n: usize) -> bool {
    let mut e = k;
    while e < n && e - k < 24 && t[e] != '\n' {
        if matches!(t[e], '）' | ')') {
            return true;
        }
        e += 1;
    }
    false
}

/// A character that joins half-width katakana to a longer token (a letter, a digit, a bracket of a
/// company's abbreviation `ｶ)`).
fn glued(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '(' | ')' | '（' | '）' | '.' | '-' | '･')
}

/// A word of a half-width name: not a company, bank or branch word.
fn half_word(w: &[char]) -> bool {
    const NOT: &[&str] = &["ｶﾌﾞｼｷｶﾞｲｼﾔ", "ｶﾌﾞｼｷｶﾞｲｼｬ", "ﾕｳｹﾞﾝｶﾞｲｼﾔ", "ｺﾞｳﾄﾞｳｶﾞｲｼﾔ", "ﾌﾘｶﾞﾅ", "ﾌﾘｶﾞﾅ"];
    const ENDS: &[&str] = &["ｶﾞｲｼﾔ", "ｶﾞｲｼｬ", "ｷﾞﾝｺｳ", "ｼﾃﾝ", "ｸﾐｱｲ", "ｷﾝｺ", "ｼﾔ", "ｼｬ", "ｾﾝﾀｰ"];
    let s: String = w.iter().collect();
    !NOT.contains(&s.as_str()) && !ENDS.iter().any(|e| s.ends_with(e) && s.chars().count() > e.chars().count())
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn latin_beside_a_name_found() {
        assert_eq!(names("担当：林 美咲（LIN MEIXIU）\n"), ["林 美咲", "LIN MEIXIU"]);
        assert_eq!(names("担当：張 偉 / Zhang Wei\n"), ["張 偉", "Zhang Wei"]);
        assert_eq!(names("担当：佐藤 健太　Ryo Isurugi\n"), ["佐藤 健太", "Ryo Isurugi"]);
        // a title, an office, a company: no Latin name (read alone, as the rule reads it)
        for t in ["Sales Manager）", "Tokyo Office\n", "Acme Corp）", "Kenta.Sato@x", "PDF file"] {
            let c: Vec<char> = t.chars().collect();
            assert_eq!(super::latin_name(&c, 0, c.len()), None, "{t}");
        }
        for (t, end) in [("LIU YANG）", 8), ("Watanabe, Kenji (", 15), ("Dương Minh Khoa\n", 15), ("Lee Min-jun（", 11)]
        {
            let c: Vec<char> = t.chars().collect();
            assert_eq!(super::latin_name(&c, 0, c.len()), Some(end), "{t}");
        }
    }

    #[test]
    fn latin_after_a_role_word() {
        assert_eq!(names("同行者　Ivo Marek（現地代理店）\n"), ["Ivo Marek"]);
        assert_eq!(names("| 妻 Ana Kowal\n"), ["Ana Kowal"]);
        assert_eq!(names("ローマ字（旅券記載）：ISURUGI REN\n"), ["ISURUGI REN"]);
        assert_eq!(names("出席者 Ivo Marek、Ana Kowal\n"), ["Ivo Marek", "Ana Kowal"]);
        // an office, a product, a team; no space after the word; a word that is no role
        assert!(names("営業部 Tokyo Office\n").is_empty());
        assert!(names("担当者 Sales Team\n").is_empty());
        assert!(names("利用者Ivo Marek\n").is_empty());
        assert!(names("製品 Ivo Marek\n").is_empty());
    }

    #[test]
    fn an_office_after_a_name_is_no_reading() {
        assert_eq!(names("担当：林 美咲 / Tokyo Office\n"), ["林 美咲"]);
        assert_eq!(names("担当：林 美咲（Acme Corp）\n"), ["林 美咲"]);
    }

    #[test]
    fn latin_before_a_katakana_reading() {
        assert_eq!(names("申請者 Oduya Kwame（オドゥヤ・クワメ）\n"), ["Oduya Kwame", "オドゥヤ・クワメ"]);
        assert_eq!(names("連絡 Ibarra Sol (イバラ ソル) まで\n"), ["Ibarra Sol", "イバラ ソル"]);
        // one word, an organisation, a reading that is not all katakana
        assert!(names("Zoom（ズーム）で開催\n").is_empty());
        assert!(names("Orbis Group（オルビス）と提携\n").is_empty());
        assert!(names("Pale Blue（淡い青）の塗装\n").is_empty());
    }

    #[test]
    fn half_width_katakana_names() {
        assert_eq!(names("振込名義 ｲｽﾙｷﾞ ﾘｮｳ\n"), ["ｲｽﾙｷﾞ ﾘｮｳ"]);
        assert_eq!(names("\"1002\",\"ｸﾜﾊﾗ ﾐﾂｷ\",\"0005\"\n"), ["ｸﾜﾊﾗ ﾐﾂｷ"]);
        // a company, a bank and branch, one word alone
        assert!(names("ｶ)ﾐﾄﾞﾘ ｼｮｳｼﾞ 宛\n").is_empty());
        assert!(names("ﾐﾄﾞﾘｷﾞﾝｺｳ ﾎﾝﾃﾝ\n").is_empty());
        assert!(names("品名 ﾎﾞｰﾙﾍﾟﾝ\n").is_empty());
    }
}
