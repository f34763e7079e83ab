//! Where an organisation's name starts and ends: the kind of each character and the run of kanji /
//! katakana / Latin letters / digits next to a cue, cut at particles, punctuation and spaces (except
//! between Latin words).

/// 0 other, 1 kanji, 2 katakana, 3 Latin letter or digit (and `&`, `'`), 4 hiragana.
#[inline]
pub fn char_class(c: char) -> u8 {
    let o = c as u32;
    if (0x4E00..=0x9FFF).contains(&o) || (0x3400..=0x4DBF).contains(&o) || matches!(c, '々' | '〆' | 'ヶ') {
        return 1;
    }
    if (0x30A1..=0x30FA).contains(&o) || matches!(c, 'ー' | 'ヽ' | 'ヾ') || (0xFF66..=0xFF9F).contains(&o) {
        return 2;
    }
    if c.is_ascii_alphanumeric() || c == '&' || c == '\'' {
        return 3;
    }
    if (0x3041..=0x3096).contains(&o) {
        return 4;
    }
    0
}

/// The class of `chars[i]`, 0 past the end.
#[inline]
pub fn class_at(chars: &[char], i: usize) -> u8 {
    chars.get(i).map_or(0, |&c| char_class(c))
}

/// Kanji, katakana or an ASCII letter or digit (or `&`, `'`): a character of a name run.
#[inline]
pub fn is_name_char(c: char) -> bool {
    matches!(char_class(c), 1..=3)
}

#[inline]
fn is_katakana(c: char) -> bool {
    char_class(c) == 2
}

/// A character of the Python patterns' `[KATAKANA]` class (`\u30a1-\u30fa\u30fcヽヾ\uff66-\uff9f`): the
/// katakana class plus ヶ (U+30F6, a kanji to [`char_class`] but inside the katakana range).
#[inline]
pub fn is_katakana_re(c: char) -> bool {
    char_class(c) == 2 || c == 'ヶ'
}

/// Python's `str.isalnum()` for the characters a name run holds (kanji are all assigned letters).
#[inline]
fn run_isalnum(c: char) -> bool {
    char_class(c) == 1 || c.is_ascii_alphanumeric()
}

/// Start of the name run ending at `end` (== end when there is none), at most `limit` long.
pub fn left_name(n: &[char], end: usize, limit: usize) -> usize {
    let len = n.len();
    let end = end.min(len);
    if end >= 2 && matches!(n[end - 1], '・' | '=') && is_katakana(n[end - 2]) && end < len && is_katakana(n[end]) {
        let s = left_name(n, end - 1, limit.saturating_sub(1)); // アリスタ・|レコード
        return if s < end - 1 { s } else { end };
    }
    if end == 0 || !is_name_char(n[end - 1]) {
        return end;
    }
    // the run read backwards (Python matched a regex on the reversed window): a name character, a ・ or =
    // between katakana, a space, dot or hyphen between ASCII letters or digits; never past the window
    let lo = end.saturating_sub(limit);
    let mut i = end;
    while i > lo {
        let k = i - 1;
        let c = n[k];
        let ok = if is_name_char(c) {
            true
        } else if matches!(c, '・' | '=') {
            k + 1 < end && is_katakana_re(n[k + 1]) && k > lo && is_katakana_re(n[k - 1])
        } else if matches!(c, ' ' | '.' | '-') {
            k + 1 < end && n[k + 1].is_ascii_alphanumeric() && k > lo && n[k - 1].is_ascii_alphanumeric()
        } else {
            false
        };
        if !ok {
            break;
        }
        i = k;
    }
    while i < end && !run_isalnum(n[i]) && !is_katakana(n[i]) {
        i += 1;
    }
    i
}

/// End of the name run starting at `start`, at most `limit` long.
pub fn right_name(n: &[char], start: usize, limit: usize) -> usize {
    let mut i = start;
    let hi = n.len().min(start + limit);
    while i < hi {
        let c = n[i];
        if is_name_char(c) {
            i += 1;
            continue;
        }
        if matches!(c, ' ' | '.' | '-')
            && i > start
            && char_class(n[i - 1]) == 3
            && i + 1 < hi
            && char_class(n[i + 1]) == 3
        {
            i += 1;
            continue;
        }
        if matches!(c, '・' | '=') && i > start && is_katakana(n[i - 1]) && i + 1 < hi && is_katakana(n[i + 1]) {
            i += 1;
            continue;
        }
        break;
    }
    while i > start && matches!(n[i - 1], ' ' | '.' | '-' | '・') {
        i -= 1;
    }
    i
}

/// Extend a katakana name over ・-joined katakana words (ユニリーバ・ジャパン).
pub fn katakana_tail(n: &[char], mut e: usize) -> usize {
    while e >= 1 && e + 1 < n.len() && n[e] == '・' && is_katakana(n[e - 1]) && is_katakana(n[e + 1]) {
        let mut f = e + 1;
        while f < n.len() && f - e < 20 && is_katakana(n[f]) {
            f += 1;
        }
        e = f;
    }
    e
}

/// The start of a person's name ending at `e`, walked leftwards: kanji and katakana (and ・ inside the
/// name when `dot`), one space at most between two such characters, up to nine code points. Only the
/// walk: whether the run is a name, and what may stand before it, is the caller's to judge.
pub fn person_run_start(n: &[char], e: usize, dot: bool) -> usize {
    let mut s = e;
    let mut spaces = 0;
    while s > 0 && e - s < 9 {
        let c = n[s - 1];
        if matches!(char_class(c), 1 | 2) || (dot && c == '・' && s < e) {
            s -= 1;
        } else if c == ' ' && spaces == 0 && s < e && s >= 2 && matches!(char_class(n[s - 2]), 1 | 2) {
            spaces += 1;
            s -= 1;
        } else {
            break;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn classes() {
        assert_eq!(char_class('山'), 1);
        assert_eq!(char_class('ヶ'), 1);
        assert_eq!(char_class('ア'), 2);
        assert_eq!(char_class('ｱ'), 2);
        assert_eq!(char_class('ー'), 2);
        assert_eq!(char_class('&'), 3);
        assert_eq!(char_class('あ'), 4);
        assert_eq!(char_class('・'), 0);
    }

    #[test]
    fn runs() {
        let n = c("彼はアリスタ・レコードと契約");
        assert_eq!(left_name(&n, 11, 30), 2);
        assert_eq!(right_name(&n, 2, 30), 11);
        let n = c("取引先:Sakura Trading Co.");
        assert_eq!(left_name(&n, 21, 40), 4);
        let n = c("&ABC株式会社");
        assert_eq!(left_name(&n, 4, 30), 1);
        let n = c("ユニリーバ・ジャパンが");
        assert_eq!(katakana_tail(&n, 5), 10);
        assert_eq!(left_name(&n, 0, 30), 0);
    }
}
