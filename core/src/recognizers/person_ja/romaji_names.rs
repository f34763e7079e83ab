//! Japanese names in Latin letters where a signature or a chat puts them: `Taro YAMADA`, `YAMADA Taro`,
//! `T. Yamada`, `Yamada, Taro`, `Taro Yamada` beside the kanji form (`山田 太郎 (Taro Yamada)`,
//! `T. Yamada | 山田 太郎`), on the line above or below it, or alone on a line under a signature rule
//! (`--`, `――――`) or a closing (`Best regards,`), or after `Dear` in a mail's salutation (`Dear Shiina,`).
//!
//! Both words must spell Japanese in Hepburn or a common variant (syllables of a consonant and a vowel,
//! `n`, a doubled consonant, `oh`), which keeps English words (`Sales`, `Team`, `Manager`, `Best`) out; one
//! word may be an initial.

use super::chars::one_of;
use super::patterns::run_len;
use super::tables::F_UPPER;
use super::Ctx;
use crate::document::LINE_LIMIT;

/// Letters of the longest word read.
const WORD_MAX: usize = 16;

impl Ctx<'_, '_> {
    /// Adds the romanised names beside the names found so far and under signature rules.
    #[inline(never)]
    pub(crate) fn romaji_names(&mut self) {
        let t = self.t;
        let n = self.n;
        // the capitalised words (found by their flag): most texts have few, and only they are read
        let mut names: Option<Vec<usize>> = None;
        let mut add: Vec<(usize, usize)> = Vec::new();
        let mut cur = (0usize, 0usize);
        let mut c = self.next_flag(0, F_UPPER);
        while c < n {
            let here = c;
            c = self.next_flag(c + 1, F_UPPER);
            let c = here;
            if c > 0 && t[c - 1].is_ascii_alphabetic() {
                continue;
            }
            // TEL, FAX, PDF: a word not followed by a second one is passed over before it is spelled out
            let w = c + run_len(t, c, n, WORD_MAX, |ch| ch.is_ascii_alphabetic());
            if t.get(w) == Some(&'/') {
                if let Some(x) = passenger_name(t, c, w, n) {
                    add.push((c, x));
                }
                continue;
            }
            if !t.get(w).is_some_and(|&ch| one_of!(ch, " ,.")) {
                continue;
            }
            // `Dear Shiina,` / `Dear Osamu Kusunoki,`: a mail's salutation, one or two Hepburn words and a comma
            if c >= 5 && t[c - 5..c] == ['D', 'e', 'a', 'r', ' '] && (c == 5 || !t[c - 6].is_ascii_alphabetic()) {
                let le = (c + 2 * WORD_MAX + 4).min(n);
                let x = romaji_at(t, c, le)
                    .filter(|&x| !t[c..x].contains(&',') && t.get(x) == Some(&','))
                    .or_else(|| word(t, c, le).filter(|w| !w.initial && t.get(w.end) == Some(&',')).map(|w| w.end));
                if let Some(x) = x {
                    add.push((c, x));
                }
                continue;
            }
            let Some(x) = romaji_at(t, c, (c + 2 * WORD_MAX + 4).min(n)).filter(|&x| !t[c..x].contains(&'\n')) else {
                continue;
            };
            if !(cur.0 <= c && c < cur.1) {
                cur = (line_start(t, c), line_end(t, c, n));
            }
            let (ls, le) = cur;
            let first = ls + run_len(t, ls, le, 8, |ch| ch == ' ');
            let alone = first == c && x + run_len(t, x, le, 8, |ch| ch == ' ') == le;
            let before = c > first && {
                let mut b = c;
                while b > first && t[b - 1] == ' ' {
                    b -= 1;
                }
                b > first && one_of!(t[b - 1], "(|/")
            };
            let after = first == c && {
                let q = x + run_len(t, x, le, 2, |ch| ch == ' ');
                q < le && one_of!(t[q], "|/(")
            };
            if !(alone || before || after) {
                continue;
            }
            let prev_ls = if ls > 0 { line_start(t, ls - 1) } else { ls };
            let next_le = if le < n { line_end(t, le + 1, n) } else { le };
            let names = names.get_or_insert_with(|| {
                let mut v: Vec<usize> =
                    self.found.items.iter().map(|x| x.0 .0).filter(|&s| !t[s].is_ascii_alphabetic()).collect();
                v.sort_unstable();
                v
            });
            // a name found starting in [a, b)
            let any_in = |a: usize, b: usize| names.get(names.partition_point(|&s| s < a)).is_some_and(|&s| s < b);
            let same_line = any_in(ls, le);
            let near = alone && any_in(prev_ls, next_le);
            let signed = (alone || after) && self.under_opener(ls);
            if ((before || after) && same_line) || (alone && (near || signed)) {
                add.push((c, x));
            } else if after && signed {
                // `IGARI Koharu | 猪狩 心晴` under a rule: the romanised name, then the kanji one
                let q = x + run_len(t, x, le, 2, |ch| ch == ' ');
                let k = q + 1 + run_len(t, q + 1, le, 2, |ch| ch == ' ');
                if let Some((ks, ke, _)) = self.name_at(k, le, false, false).filter(|m| m.0 == k) {
                    add.push((c, x));
                    add.push((ks, ke));
                }
            }
        }
        for (s, e) in add {
            self.add(s, e, 0.8);
        }
    }

    /// Whether one of the three lines above the line starting at `ls` opens a signature.
    fn under_opener(&self, ls: usize) -> bool {
        let t = self.t;
        let mut e = ls;
        for _ in 0..3 {
            if e == 0 {
                return false;
            }
            let s = line_start(t, e - 1);
            if e - 1 > s && one_of!(t[s], "-―━─=_*‐BRKTSCbrktsc") && signature_opener(&t[s..e - 1]) {
                return true;
            }
            e = s;
        }
        false
    }
}

/// `OHTA/KENJI MR`, `NGUYEN/VAN NAM MR`: the name of a passenger list, ticket or boarding pass (surname,
/// a slash, one or two given words, all in capitals, then the title of the fare): its end. The title is
/// required, which keeps `TCP/IP` and `A/B` out; any spelling is taken (the names are not all Japanese).
pub(crate) fn passenger_name(t: &[char], c: usize, w: usize, n: usize) -> Option<usize> {
    let upper = |i: usize| run_len(t, i, n, WORD_MAX, |ch| ch.is_ascii_uppercase());
    if w - c < 2 || upper(c) != w - c {
        return None;
    }
    let mut e = w + 1;
    for k in 0..2 {
        let g = upper(e);
        if g < 2 || t.get(e + g).is_some_and(|ch| ch.is_ascii_alphanumeric()) {
            return None;
        }
        e += g;
        if t.get(e) != Some(&' ') {
            return None;
        }
        let title = upper(e + 1);
        let word: String = t[e + 1..e + 1 + title].iter().collect();
        let ends = !t.get(e + 1 + title).is_some_and(|ch| ch.is_ascii_alphanumeric());
        if ends && matches!(word.as_str(), "MR" | "MRS" | "MS" | "MISS" | "MSTR" | "DR") {
            return Some(e);
        }
        if k == 0 {
            e += 1; // a second given word: `VAN NAM`
        }
    }
    None
}

/// The start of the line holding `i` (at most [`LINE_LIMIT`] code points back: a huge line is read in windows).
fn line_start(t: &[char], i: usize) -> usize {
    crate::document::line_start(t, i, LINE_LIMIT)
}

/// The end of the line holding `i` (at most [`LINE_LIMIT`] code points on).
fn line_end(t: &[char], i: usize, n: usize) -> usize {
    crate::document::line_end(&t[..n], i, LINE_LIMIT)
}

/// A line that opens a signature: a rule of dashes or bars, or an English closing.
fn signature_opener(line: &[char]) -> bool {
    let mut e = line.len();
    while e > 0 && line[e - 1] == ' ' {
        e -= 1;
    }
    let l = &line[..e];
    if l.len() >= 2 && l.iter().all(|&c| one_of!(c, "-―━─=_*‐")) {
        return true;
    }
    if l.len() > 14 || l.last() != Some(&',') {
        return false;
    }
    ["best regards,", "regards,", "kind regards,", "thanks,", "thank you,", "sincerely,", "best,", "cheers,"]
        .iter()
        .any(|w| w.len() == l.len() && w.chars().zip(l).all(|(a, &b)| a == b.to_ascii_lowercase()))
}

/// A romanised Japanese name at `i` (before `le`): two words, `Given SURNAME`, `SURNAME Given`, `G. Surname`,
/// `Surname, Given`; its end.
pub(crate) fn romaji_at(t: &[char], i: usize, le: usize) -> Option<usize> {
    let w1 = word(t, i, le)?;
    let mut p = w1.end;
    if t.get(p) == Some(&',') && !w1.initial {
        p += 1;
    }
    if t.get(p) != Some(&' ') {
        return None;
    }
    let w2 = word(t, p + 1, le)?;
    if w2.initial || t.get(w2.end).is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '@' | '.' | '-')) {
        return None;
    }
    Some(w2.end)
}

pub(crate) struct Word {
    pub(crate) end: usize,
    pub(crate) initial: bool,
}

/// `Yamada`, `YAMADA` (a Hepburn spelling), or an initial `T.`.
pub(crate) fn word(t: &[char], i: usize, le: usize) -> Option<Word> {
    if i >= le || !t[i].is_ascii_uppercase() {
        return None;
    }
    if t.get(i + 1) == Some(&'.') {
        return Some(Word { end: i + 2, initial: true });
    }
    let r = 1 + run_len(t, i + 1, le, WORD_MAX, |c| c.is_ascii_alphabetic());
    if !(2..WORD_MAX).contains(&r) {
        return None;
    }
    let w = &t[i..i + r];
    let upper = w.iter().all(|c| c.is_ascii_uppercase());
    let lower_rest = w[1..].iter().all(|c| c.is_ascii_lowercase());
    if !(upper || lower_rest) {
        return None;
    }
    let mut low = [0u8; WORD_MAX];
    for (k, c) in w.iter().enumerate() {
        low[k] = c.to_ascii_lowercase() as u8;
    }
    hepburn(&low[..r]).then_some(Word { end: i + r, initial: false })
}

/// Whether the lower-case ASCII word `w` reads as Japanese syllables (Hepburn, `oh` / `ou` long vowels).
pub(crate) fn hepburn(w: &[u8]) -> bool {
    let vowel = |c: u8| matches!(c, b'a' | b'i' | b'u' | b'e' | b'o');
    const ONSETS2: [&[u8]; 14] =
        [b"sh", b"ch", b"ts", b"ky", b"gy", b"ny", b"hy", b"by", b"py", b"my", b"ry", b"jy", b"dz", b"sy"];
    let n = w.len();
    let mut i = 0;
    while i < n {
        let c = w[i];
        if vowel(c) {
            i += 1;
            if c == b'o' && i < n && w[i] == b'h' && (i + 1 == n || !vowel(w[i + 1])) {
                i += 1; // Ohshima, Satoh
            }
            continue;
        }
        if c == b'n' && (i + 1 == n || (!vowel(w[i + 1]) && w[i + 1] != b'y')) {
            i += 1;
            continue;
        }
        if i + 1 < n && (w[i + 1] == c || (c == b't' && w[i + 1] == b'c')) && matches!(c, b'k' | b's' | b't' | b'p') {
            i += 1; // Hattori, Nakka, Matcha
            continue;
        }
        let two = i + 2 <= n && ONSETS2.contains(&&w[i..i + 2]);
        let k = if two {
            2
        } else if b"kgszjtdnhbpmyrwf".contains(&c) {
            1
        } else {
            return false;
        };
        if i + k >= n || !vowel(w[i + k]) {
            return false;
        }
        i += k;
    }
    n > 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognizers::person_ja::tests::names;

    #[test]
    fn a_salutation_after_dear() {
        assert_eq!(names("件名: 訪問日程\n\nDear Shiina,\n\nThank you.\n"), ["Shiina"]);
        assert_eq!(names("件名: 訪問日程\n\nDear Osamu Kusunoki,\n"), ["Osamu Kusunoki"]);
        // English words after Dear, and a name without the comma of a salutation
        assert_eq!(names("Dear Customer,\nDear Sir,\nDear Team,\nDear Shiina and\n"), Vec::<String>::new());
    }

    #[test]
    fn hepburn_words() {
        for w in ["yamada", "ohshima", "hattori", "shoji", "kyoya", "tsuzura", "gocho", "kansuke", "nagi", "sato"] {
            assert!(hepburn(w.as_bytes()), "{w}");
        }
        for w in ["sales", "team", "manager", "best", "regards", "office", "mobile", "dear", "thanks"] {
            assert!(!hepburn(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn romaji_beside_kanji_and_under_rules() {
        assert_eq!(names("担当：山田 太郎 (Taro YAMADA)\n"), ["山田 太郎", "Taro YAMADA"]);
        assert_eq!(names("--\nIGARI Koharu | 猪狩 心晴\n"), ["IGARI Koharu", "猪狩 心晴"]);
        assert_eq!(names("Best regards,\nGocho, Kira\nSunrise Logistics\n"), ["Gocho, Kira"]);
        assert_eq!(names("--\nT. Hatogai\n"), ["T. Hatogai"]);
    }

    #[test]
    fn english_lines_are_no_names() {
        assert_eq!(names("--\nSales Team\nTokyo Office\n"), Vec::<String>::new());
        // a romaji pair in running text, far from any name or signature
        assert_eq!(names("本日 Tokyo Osaka 間の便は満席です\n"), Vec::<String>::new());
    }
}
