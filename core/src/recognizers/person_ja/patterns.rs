//! The anchored patterns of the PERSON rules, written as scans over code points.
//!
//! Each function is one Python regular expression of `person_ja.py` matched at a position (`match(text,
//! pos[, endpos])`), with its backtracking through look-arounds reproduced: where a greedy repeat can give
//! back characters only to fail again, the scan takes the maximal run; where it can succeed shorter (a
//! negative lookahead that a hyphen satisfies), the candidates are tried longest first as Python does.

use super::chars::{is_hira, is_kanji, is_kata, is_kata_letter, one_of, py_isspace};

/// Length of the run of `pred` characters from `i`, at most `cap`, not past `limit`.
#[inline]
pub fn run_len(t: &[char], i: usize, limit: usize, cap: usize, pred: impl Fn(char) -> bool) -> usize {
    let hi = limit.min(t.len()).min(i.saturating_add(cap));
    let mut j = i;
    while j < hi && pred(t[j]) {
        j += 1;
    }
    j - i
}

/// `[A-Za-z'\-]`
#[inline]
fn word_char(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '\'' || c == '-'
}

/// Capitalised words: `[A-Z][A-Za-z'\-]{first_min,20}(?: [A-Z][A-Za-z'\-]{rest_min,20}){gmin,gmax}(?!forbid)`
/// matched at `i` with end `limit`; returns the match end.
#[allow(clippy::too_many_arguments)]
pub fn cap_words(
    t: &[char],
    i: usize,
    limit: usize,
    first_min: usize,
    rest_min: usize,
    gmin: usize,
    gmax: usize,
    forbid: fn(char) -> bool,
) -> Option<usize> {
    let limit = limit.min(t.len());
    if i >= limit || !t[i].is_ascii_uppercase() {
        return None;
    }
    let r = run_len(t, i + 1, limit, 20, word_char);
    let mut tail = r;
    loop {
        if tail < first_min {
            return None;
        }
        if let Some(e) = cap_groups(t, i + 1 + tail, limit, rest_min, gmin, gmax, 0, forbid) {
            return Some(e);
        }
        if tail == 0 {
            return None;
        }
        tail -= 1;
    }
}

#[allow(clippy::too_many_arguments)]
fn cap_groups(
    t: &[char],
    p: usize,
    limit: usize,
    rest_min: usize,
    gmin: usize,
    gmax: usize,
    done: usize,
    forbid: fn(char) -> bool,
) -> Option<usize> {
    if done < gmax && p + 1 < limit && t[p] == ' ' && t[p + 1].is_ascii_uppercase() {
        let r = run_len(t, p + 2, limit, 20, word_char);
        let mut tail = r as isize;
        while tail >= rest_min as isize {
            if let Some(e) = cap_groups(t, p + 2 + tail as usize, limit, rest_min, gmin, gmax, done + 1, forbid) {
                return Some(e);
            }
            tail -= 1;
        }
    }
    if done >= gmin && (p >= limit || !forbid(t[p])) {
        return Some(p);
    }
    None
}

fn not_name_next(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '@' || c == '.'
}

fn not_hon_next(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '@'
}

/// `_ROMAJI_NAME` at `i` (end `limit`).
pub fn romaji_name(t: &[char], i: usize, limit: usize) -> Option<usize> {
    cap_words(t, i, limit, 1, 0, 1, 2, not_name_next)
}

/// `_EN_HON_NAME` at `i`.
pub fn en_hon_name(t: &[char], i: usize) -> Option<usize> {
    cap_words(t, i, t.len(), 1, 1, 0, 2, not_hon_next)
}

/// One word of `_ROMAN` from `i` (`[A-Z][A-Za-z'\-]{1,20}`, maximal): its end.
fn roman_word(t: &[char], i: usize) -> Option<usize> {
    if i >= t.len() || !t[i].is_ascii_uppercase() {
        return None;
    }
    let r = run_len(t, i + 1, t.len(), 21, word_char);
    if (1..=20).contains(&r) {
        Some(i + 1 + r)
    } else {
        None
    }
}

/// `_ROMAN` (two words) from `i`: its end (the characters after it decide; callers check them).
fn roman(t: &[char], i: usize) -> Option<usize> {
    let a = roman_word(t, i)?;
    if t.get(a) != Some(&' ') {
        return None;
    }
    roman_word(t, a + 1)
}

/// `$` with MULTILINE at `p`.
#[inline]
fn line_end_at(t: &[char], p: usize) -> bool {
    p >= t.len() || t[p] == '\n'
}

/// `_ROMAJI_PAREN` at `p`: the span of the romaji group.
pub fn romaji_paren(t: &[char], p: usize) -> Option<(usize, usize)> {
    let q = if t.get(p) == Some(&' ') { p + 1 } else { p };
    let c = *t.get(q)?;
    if c == '(' || c == '（' {
        let e = roman(t, q + 1)?;
        if matches!(t.get(e), Some(')') | Some('）')) {
            return Some((q + 1, e));
        }
        return None;
    }
    if c == '/' || c == '|' {
        let s = if t.get(q + 1) == Some(&' ') { q + 2 } else { q + 1 };
        let e = roman(t, s)?;
        if line_end_at(t, e) {
            return Some((s, e));
        }
    }
    None
}

/// ` ?\((X{min,12}(?: X{1,12})?)\)` at `p`: the group's span.
fn paren_words(t: &[char], p: usize, min: usize, cls: fn(char) -> bool) -> Option<(usize, usize)> {
    let q = if t.get(p) == Some(&' ') { p + 1 } else { p };
    if t.get(q) != Some(&'(') {
        return None;
    }
    let s = q + 1;
    let r1 = run_len(t, s, t.len(), 13, cls);
    if r1 < min || r1 > 12 {
        return None;
    }
    let e = s + r1;
    if t.get(e) == Some(&' ') {
        let r2 = run_len(t, e + 1, t.len(), 13, cls);
        if (1..=12).contains(&r2) && t.get(e + 1 + r2) == Some(&')') {
            return Some((s, e + 1 + r2));
        }
        return None;
    }
    if t.get(e) == Some(&')') {
        return Some((s, e));
    }
    None
}

fn hira_or_bar(c: char) -> bool {
    is_hira(c) || c == 'ー'
}

/// `_KANA_PAREN` at `p`.
pub fn kana_paren(t: &[char], p: usize) -> Option<(usize, usize)> {
    paren_words(t, p, 1, is_kata)
}

/// `_HIRA_PAREN` at `p`.
pub fn hira_paren(t: &[char], p: usize) -> Option<(usize, usize)> {
    paren_words(t, p, 2, hira_or_bar)
}

/// `_LABEL_TAIL` at `i`: `(?:\([^()\n]{0,16}\))?(?: ?[:：] ?|[】\]」] ?|\t| (?=[^ ]))`.
/// Also a run of 2-16 spaces or a cell border `| ` between a form's label and its value.
pub fn label_tail(t: &[char], i: usize) -> Option<usize> {
    if t.get(i) == Some(&'(') {
        let r = run_len(t, i + 1, t.len(), 17, |c| c != '(' && c != ')' && c != '\n');
        if r <= 16 && t.get(i + 1 + r) == Some(&')') {
            if let Some(e) = label_tail_rest(t, i + 2 + r) {
                return Some(e);
            }
        }
    }
    label_tail_rest(t, i)
}

fn label_tail_rest(t: &[char], i: usize) -> Option<usize> {
    let colon = |k: usize| matches!(t.get(k), Some(':') | Some('：'));
    let sp = |k: usize| usize::from(t.get(k) == Some(&' '));
    let c = *t.get(i)?;
    if c == ' ' && colon(i + 1) {
        return Some(i + 2 + sp(i + 2));
    }
    if colon(i) {
        return Some(i + 1 + sp(i + 1));
    }
    if matches!(c, '】' | ']' | '」') {
        return Some(i + 1 + sp(i + 1));
    }
    if c == '\t' {
        return Some(i + 1);
    }
    // a form's columns: `氏名　　　山田 太郎` (a run of spaces), `| 氏名 | 山田 太郎 |` (a cell border)
    let r = run_len(t, i, t.len(), 17, |c| c == ' ');
    if t.get(i + r) == Some(&'|') && r <= 1 {
        let v = i + r + 1 + sp(i + r + 1);
        return t.get(v).is_some_and(|&d| d != '\n' && d != '|' && d != ' ').then_some(v);
    }
    if c == ' ' && t.get(i + 1).is_some_and(|&d| d != ' ') {
        return Some(i + 1);
    }
    if (2..=16).contains(&r) && t.get(i + r).is_some_and(|&d| d != '\n' && d != '|') {
        return Some(i + r);
    }
    None
}

/// `_KATA_NAME` at `i` (end `limit`): `[KATA]{1,12}(?:[ ・=][KATA]{1,12}){0,3}`.
pub fn kata_name(t: &[char], i: usize, limit: usize) -> Option<usize> {
    let r = run_len(t, i, limit, 12, is_kata);
    if r == 0 {
        return None;
    }
    let mut e = i + r;
    for _ in 0..3 {
        if e < limit.min(t.len()) && matches!(t[e], ' ' | '・' | '=') {
            let r = run_len(t, e + 1, limit, 12, is_kata);
            if r == 0 {
                break;
            }
            e += 1 + r;
        } else {
            break;
        }
    }
    Some(e)
}

/// `_HIRA_NAME` at `i` (end `limit`): `[HIRA ー]{1,10}(?: [HIRA ー]{1,10})?`.
pub fn hira_name(t: &[char], i: usize, limit: usize) -> Option<usize> {
    let r = run_len(t, i, limit, 10, hira_or_bar);
    if r == 0 {
        return None;
    }
    let e = i + r;
    if e < limit.min(t.len()) && t[e] == ' ' {
        let r2 = run_len(t, e + 1, limit, 10, hira_or_bar);
        if r2 > 0 {
            return Some(e + 1 + r2);
        }
    }
    Some(e)
}

/// `_BRACKET_AFTER` at `i` (end `limit`): ` ?\((?:[^()\n]|\([^()\n]{0,12}\)){1,40}\)`.
pub fn bracket_after(t: &[char], i: usize, limit: usize) -> Option<usize> {
    let limit = limit.min(t.len());
    let q = if i < limit && t[i] == ' ' { i + 1 } else { i };
    if q >= limit || t[q] != '(' {
        return None;
    }
    let mut p = q + 1;
    let mut items = 0;
    while p < limit {
        let c = t[p];
        if c == ')' {
            return if items >= 1 { Some(p + 1) } else { None };
        }
        if items == 40 || c == '\n' {
            return None;
        }
        if c == '(' {
            let r = run_len(t, p + 1, limit, 13, |c| c != '(' && c != ')' && c != '\n');
            if r <= 12 && p + 1 + r < limit && t[p + 1 + r] == ')' {
                p += r + 2;
            } else {
                return None;
            }
        } else {
            p += 1;
        }
        items += 1;
    }
    None
}

/// `_PROSE_KATA` at `i`: `[ァ-ヺ][ァ-ヺー]{1,15}(?:[・=](?:[ァ-ヺ][ァ-ヺー]{0,15}|[A-Z]\.?)){0,5}`.
pub fn prose_kata(t: &[char], i: usize) -> Option<usize> {
    if !t.get(i).is_some_and(|&c| is_kata_letter(c)) {
        return None;
    }
    let r = run_len(t, i + 1, t.len(), 15, is_kata);
    if r == 0 {
        return None;
    }
    let mut e = i + 1 + r;
    for _ in 0..5 {
        if !matches!(t.get(e), Some('・') | Some('=')) {
            break;
        }
        match t.get(e + 1) {
            Some(&c) if is_kata_letter(c) => {
                e += 2 + run_len(t, e + 2, t.len(), 15, is_kata);
            }
            Some(&c) if c.is_ascii_uppercase() => {
                e += 2;
                if t.get(e) == Some(&'.') {
                    e += 1;
                }
            }
            _ => break,
        }
    }
    Some(e)
}

/// `_ROLE_KATA` at `i`: `[ァ-ヺ][ァ-ヺー]{1,15}(?:[・=][ァ-ヺ][ァ-ヺー]{0,15}){1,4}(?![ァ-ヺー])`.
pub fn role_kata(t: &[char], i: usize) -> Option<usize> {
    if !t.get(i).is_some_and(|&c| is_kata_letter(c)) {
        return None;
    }
    let r = run_len(t, i + 1, t.len(), 16, is_kata);
    if r == 0 || r > 15 {
        return None;
    }
    let mut e = i + 1 + r;
    let mut groups = 0;
    while groups < 4 {
        if matches!(t.get(e), Some('・') | Some('=')) && t.get(e + 1).is_some_and(|&c| is_kata_letter(c)) {
            let r = run_len(t, e + 2, t.len(), 16, is_kata);
            if r > 15 {
                break;
            }
            e += 2 + r;
            groups += 1;
        } else {
            break;
        }
    }
    if groups >= 1 {
        Some(e)
    } else {
        None
    }
}

/// `(?=[、。とやらがはのを」]|$)` (no MULTILINE) at `p`.
fn list_end(t: &[char], p: usize) -> bool {
    p >= t.len() || (p + 1 == t.len() && t[p] == '\n') || one_of!(t[p], "、。とやらがはのを」")
}

/// `_LIST_KANJI` at `i`: the group's end.
pub fn list_kanji(t: &[char], i: usize) -> Option<usize> {
    let r = run_len(t, i, t.len(), 6, is_kanji);
    if (2..=5).contains(&r) && list_end(t, i + r) {
        Some(i + r)
    } else {
        None
    }
}

/// `_LIST_KATA` at `i`: the group's end.
pub fn list_kata(t: &[char], i: usize) -> Option<usize> {
    if !t.get(i).is_some_and(|&c| is_kata_letter(c)) {
        return None;
    }
    let r = run_len(t, i + 1, t.len(), 16, is_kata);
    if r == 0 || r > 15 {
        return None;
    }
    let mut e = i + 1 + r;
    for _ in 0..4 {
        if matches!(t.get(e), Some('・') | Some('=')) && t.get(e + 1).is_some_and(|&c| is_kata_letter(c)) {
            let r = run_len(t, e + 2, t.len(), 16, is_kata);
            if r > 15 {
                return None;
            }
            e += 2 + r;
        } else {
            break;
        }
    }
    if list_end(t, e) {
        Some(e)
    } else {
        None
    }
}

/// Where `$` (no MULTILINE) can stand in the string `t[..endpos]` right after a run of `cls`: endpos,
/// or before a final newline.
fn back_end(t: &[char], endpos: usize, cls: fn(char) -> bool) -> Option<usize> {
    if endpos == 0 {
        return None;
    }
    if t[endpos - 1] == '\n' {
        Some(endpos - 1)
    } else if cls(t[endpos - 1]) {
        Some(endpos)
    } else {
        None
    }
}

/// `_LIST_KANJI_BACK` searched in `t[lo..endpos]`: `(?:^|[^K])([K]{2,5})$`; the group's span.
pub fn list_kanji_back(t: &[char], lo: usize, endpos: usize) -> Option<(usize, usize)> {
    let q = back_end(t, endpos, is_kanji)?;
    let mut g = q;
    while g > 0 && is_kanji(t[g - 1]) && q - g <= 5 {
        g -= 1;
    }
    let r = q - g;
    if !(2..=5).contains(&r) {
        return None;
    }
    if g == 0 || (g > lo && !is_kanji(t[g - 1])) {
        Some((g, q))
    } else {
        None
    }
}

fn kata_or_dot(c: char) -> bool {
    is_kata(c) || c == '・'
}

/// `_LIST_KATA_BACK` searched in `t[lo..endpos]`: `(?:^|[^ァ-ヺー・])([ァ-ヺ][ァ-ヺー・]{1,40})$`.
pub fn list_kata_back(t: &[char], lo: usize, endpos: usize) -> Option<(usize, usize)> {
    let q = back_end(t, endpos, kata_or_dot)?;
    let mut g = q;
    while g > 0 && kata_or_dot(t[g - 1]) && q - g <= 41 {
        g -= 1;
    }
    let r = q - g;
    if !(2..=41).contains(&r) || !is_kata_letter(t[g]) {
        return None;
    }
    if g == 0 || (g > lo && !kata_or_dot(t[g - 1])) {
        Some((g, q))
    } else {
        None
    }
}

/// `_DEFINITION_RE` at the line start `ls`: (group 1 span, group 2 span).
pub fn definition(t: &[char], ls: usize) -> Option<((usize, usize), (usize, usize))> {
    let cls = |c: char| !one_of!(c, "、。はがの「」()") && !py_isspace(c);
    let r = run_len(t, ls, t.len(), 21, cls);
    if !(2..=20).contains(&r) {
        return None;
    }
    let q = ls + r;
    let wa = |k: usize| t.get(k) == Some(&'は') && t.get(k + 1) == Some(&'、');
    let mut after = None;
    if t.get(q) == Some(&'(') {
        let pr = run_len(t, q + 1, t.len(), 61, |c| c != '(' && c != ')' && c != '\n');
        if pr <= 60 && t.get(q + 1 + pr) == Some(&')') && wa(q + 2 + pr) {
            after = Some(q + 4 + pr);
        }
    }
    if after.is_none() && wa(q) {
        after = Some(q + 2);
    }
    let a = after?;
    let r2 = run_len(t, a, t.len(), 80, |c| c != '。' && c != '\n');
    Some(((ls, q), (a, a + r2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn romaji_name_backtracks_like_python() {
        // "Taro Yama-d." : the lookahead fails on '.', then succeeds before the hyphen.
        assert_eq!(romaji_name(&c("Taro Yama-d."), 0, 12), Some(9));
        assert_eq!(romaji_name(&c("Taro Yamada"), 0, 11), Some(11));
        assert_eq!(romaji_name(&c("Taro"), 0, 4), None);
        assert_eq!(en_hon_name(&c("Tanaka"), 0), Some(6));
    }

    #[test]
    fn reading_precheck_drops_no_reading() {
        // may_open_reading (a bracket or slash at e, after one space at most) holds wherever a reading matches.
        let alphabet: Vec<char> = "山田 (（)）/|アイウあいうTaro Yamada\n".chars().collect();
        let mut seed = 12345u64;
        for _ in 0..20000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let len = (seed >> 33) as usize % 24;
            let t: Vec<char> = (0..len)
                .map(|k| alphabet[((seed >> (k % 40)) as usize ^ k.wrapping_mul(2654435761)) % alphabet.len()])
                .collect();
            for e in 0..=t.len() {
                let any = romaji_paren(&t, e).is_some() || kana_paren(&t, e).is_some() || hira_paren(&t, e).is_some();
                if any {
                    let c = if t[e] == ' ' { t[e + 1] } else { t[e] };
                    assert!(one_of!(c, "(（/|"), "{t:?} {e}");
                }
            }
        }
    }

    #[test]
    fn readings() {
        assert_eq!(romaji_paren(&c("(Sho Ichikawa)"), 0), Some((1, 13)));
        assert_eq!(kana_paren(&c(" (ヤマダ タロウ)"), 0), Some((2, 9)));
        assert_eq!(hira_paren(&c("(や)"), 0), None);
    }
}
