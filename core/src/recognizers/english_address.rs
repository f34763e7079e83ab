//! English street ADDRESS, by rules and lexicons (no statistical model).
//!
//! An anchor (a house number, "P.O. Box", "PSC", "Unit", a street prefix such as "Rue", "Via",
//! "ul.", a European "Name-straat 12", any capitalised word after an address cue) starts a local
//! parse: the street (number + words + suffix such as St, Avenue, Road), secondary units (Apt.,
//! Suite), then city, state, postcode and country parts over commas and line breaks.
//!
//! The Python rules were regular expressions with look-around and possessive repeats; each is a
//! small hand-written matcher here (named after the Python pattern) that returns the end Python's
//! `re` would, backtracking included.

use crate::document::Document;
use crate::finding::Finding;
use crate::recognizer::{words as kw, Keywords, Recognizer};
use crate::recognizers::english_words::pystr::{self, match_ci, match_lit, split_ws, str_isupper};
use crate::recognizers::english_words::{
    is_alnum, is_decimal, is_letter, is_upper_class, is_word, lexicons, words, Lexicons, Words, PARTICLES,
};

const NAME: &str = "english_address";

const STRONG_SUFFIXES: &str =
    "street st st. str str. avenue ave ave. av. road rd rd. boulevard blvd blvd. lane ln ln. drive dr dr.
    court ct ct. place pl pl. terrace ter way highway hwy parkway pkwy square sq crescent close gardens
    route turnpike pike alley circle cir trail plaza row walk mews grove wharf quay parade esplanade
    broadway expressway freeway";
const STREET_PREFIXES: &str =
    "rue rua via calle carrer avenida avda. av. viale piazza corso largo travessa estrada praça ul. al. os.
    pl. c/ λεωφόρος οδός chemin strada";
const EURO_ENDINGS: &[&str] = &[
    "straße", "strasse", "straat", "gade", "vej", "veien", "vegen", "vägen", "väg", "gatan", "gata", "gaten", "katu",
    "tie", "weg", "laan", "gasse", "platz", "utca", "vegur", "braut", "stræde", "allee", "dreef", "kade", "plein",
    "ulica", "cesta", "vænget", "stien", "gränd", "torget", "gracht", "dijk", "singel",
];
const EURO_WORDS: &str = "tér út u. utca strasse straße gasse weg ulica cesta";
const PLACE_PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les", "los", "las", "en", "sur",
    "am", "an", "im", "upon", "on", "in", "y", "i", "u", "v", "z", "nad", "pod", "bei",
];
const PLACE_OK: &str = "st mt north south east west northern southern eastern western central";
const ADDR_STARTS: &[&str] = &[
    "p.o. box",
    "p.o.box",
    "po box",
    "p o box",
    "post office box",
    "psc ",
    "unit ",
    "usns ",
    "usnv ",
    "uss ",
    "uscgc ",
    "the corner of ",
    "apt. ",
    "apt ",
    "suite ",
    "rue ",
    "rua ",
    "via ",
    "calle ",
    "carrer ",
    "avenida ",
    "avda. ",
    "av. ",
    "viale ",
    "piazza ",
    "corso ",
    "largo ",
    "travessa ",
    "estrada ",
    "ul. ",
    "al. ",
    "c/ ",
    "λεωφόρος ",
    "οδός ",
];
const ADDR_CUES: &[&str] = &[
    "address",
    "located at",
    "lives at",
    "live at",
    "lives on",
    "live on",
    "lived at",
    "sent to",
    "send it to",
    "ship to",
    "deliver to",
    "return to",
    "meet you at",
    "meet me at",
    "corner of",
    "moved to",
    "is at",
    "is on",
    "taxi to",
    "off at",
    "stop at",
    "side of",
    "it's in",
    "reside at",
    "resides at",
    "mail to",
    "here they are:",
];
/// The words that end a street's words (`_STOP_KEYS`); a `match` compares with the literals inline
/// (a slice's `contains` called `memcmp` per word).
fn is_stop_key(w: &str) -> bool {
    matches!(w, "apt" | "suite" | "unit" | "ste" | "floor" | "room" | "and" | "in" | "at" | "for" | "on")
}
const SECONDARY_WORDS: &[&str] = &[
    "apt.",
    "apt",
    "apartment",
    "suite",
    "ste.",
    "ste",
    "unit",
    "floor",
    "fl.",
    "room",
    "rm.",
    "rm",
    "bldg.",
    "bldg",
    "building",
];

/// Street ADDRESS in English text (US, UK, European and military forms), over several lines.
pub struct EnglishAddressRecognizer {
    lex: &'static Lexicons,
    strong: Words,
    prefixes: Words,
    euro_words: Words,
    place_ok: Words,
    particles: Words,
}

impl EnglishAddressRecognizer {
    pub fn new() -> Self {
        let mut particles: Words = PARTICLES.iter().copied().collect();
        particles.extend(["do", "das", "des", "du", "of", "the", "d'", "e", "z", "u", "v"]);
        EnglishAddressRecognizer {
            lex: lexicons(),
            strong: words(STRONG_SUFFIXES),
            prefixes: words(STREET_PREFIXES),
            euro_words: words(EURO_WORDS),
            place_ok: words(PLACE_OK),
            particles,
        }
    }
}

impl Default for EnglishAddressRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

// ---- character helpers ------------------------------------------------------------------------

#[inline]
fn at(t: &[char], i: usize) -> Option<char> {
    t.get(i).copied()
}

#[inline]
fn is(t: &[char], i: usize, f: impl Fn(char) -> bool) -> bool {
    t.get(i).is_some_and(|&c| f(c))
}

#[inline]
fn blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Length of the run of `f` characters at `i`, at most `max`.
#[inline]
fn run(t: &[char], i: usize, max: usize, f: impl Fn(char) -> bool) -> usize {
    let mut n = 0;
    while n < max && is(t, i + n, &f) {
        n += 1;
    }
    n
}

/// `(?![\w-])` at `i`.
#[inline]
fn not_word_dash(t: &[char], i: usize) -> bool {
    !is(t, i, |c| is_word(c) || c == '-')
}

/// `(?!\w)` at `i`.
#[inline]
fn not_word(t: &[char], i: usize) -> bool {
    !is(t, i, is_word)
}

/// `[ \t]{0,4},?[ \t]{0,4}(?:\n[ \t>?]{0,8})?` (the lead of _SECONDARY_RE and _MILITARY_RE): its end,
/// the only one from which the rest (a letter, `#` or newline) can match.
fn lead(t: &[char], i: usize) -> usize {
    let mut j = i + run(t, i, 4, blank);
    if at(t, j) == Some(',') {
        j += 1;
    }
    j += run(t, j, 4, blank);
    if at(t, j) == Some('\n') {
        j += 1;
        j += run(t, j, 8, |c| matches!(c, ' ' | '\t' | '>' | '?'));
    }
    j
}

/// _SEP_RE `[ \t]{0,4}(?:,[ \t]{0,4})?(?:\n[ \t>?]{0,8}(?:\n[ \t>?]{0,8})?(?:,[ \t]{0,4})?)?` (always matches).
fn sep(t: &[char], i: usize) -> usize {
    let q = |c: char| matches!(c, ' ' | '\t' | '>' | '?');
    let mut j = i + run(t, i, 4, blank);
    if at(t, j) == Some(',') {
        j += 1;
        j += run(t, j, 4, blank);
    }
    if at(t, j) == Some('\n') {
        j += 1;
        j += run(t, j, 8, q);
        if at(t, j) == Some('\n') {
            j += 1;
            j += run(t, j, 8, q);
        }
        if at(t, j) == Some(',') {
            j += 1;
            j += run(t, j, 4, blank);
        }
    }
    j
}

/// _GAP_RE `[ \t]{1,3}`.
fn gap(t: &[char], i: usize) -> Option<usize> {
    let n = run(t, i, 3, blank);
    (n > 0).then_some(i + n)
}

/// _NUM_RE `\d{1,6}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?(?![\w-])`.
fn num(t: &[char], i: usize) -> Option<usize> {
    let l1 = run(t, i, 7, is_decimal);
    if l1 == 0 || l1 > 6 {
        return None;
    }
    let mut q = i + l1;
    if is(t, q, |c| c.is_ascii_alphabetic()) {
        q += 1;
    }
    if matches!(at(t, q), Some('-' | '/')) {
        let l2 = run(t, q + 1, 5, is_decimal);
        if (1..=4).contains(&l2) {
            let mut e = q + 1 + l2;
            if is(t, e, |c| c.is_ascii_alphabetic()) {
                e += 1;
            }
            if not_word_dash(t, e) {
                return Some(e);
            }
        }
    }
    not_word_dash(t, q).then_some(q)
}

/// Decimal digits `[lo, hi]` at `i` followed by a non-word (`\d{lo,hi}(?!\w)`).
fn digits_end(t: &[char], i: usize, lo: usize, hi: usize) -> Option<usize> {
    let n = run(t, i, hi + 1, is_decimal);
    (lo <= n && n <= hi && not_word(t, i + n)).then_some(i + n)
}

/// _BOX_RE: "P.O. Box 12", "PSC 1234, Box 5678", "Unit 1234 Box 567", "USS Name".
fn box_re(t: &[char], i: usize) -> Option<usize> {
    // (?i:p\.?[ \t]?o\.?[ \t]?box|post[ \t]office[ \t]box)[ \t]{1,2}\d{1,6}(?!\w)
    let po = || {
        let mut j = match_ci(t, i, "p")?;
        if at(t, j) == Some('.') {
            j += 1;
        }
        if is(t, j, blank) {
            j += 1;
        }
        j = match_ci(t, j, "o")?;
        if at(t, j) == Some('.') {
            j += 1;
        }
        if is(t, j, blank) {
            j += 1;
        }
        match_ci(t, j, "box")
    };
    let post = || {
        let j = match_ci(t, i, "post")?;
        let j = if is(t, j, blank) { j + 1 } else { return None };
        let j = match_ci(t, j, "office")?;
        let j = if is(t, j, blank) { j + 1 } else { return None };
        match_ci(t, j, "box")
    };
    if let Some(j) = po().or_else(post) {
        let s = run(t, j, 2, blank);
        if s > 0 {
            if let Some(e) = digits_end(t, j + s, 1, 6) {
                return Some(e);
            }
        }
    }
    // PSC[ \t]\d{3,5},?[ \t]Box[ \t]\d{3,5}(?!\w)  |  (?i:unit)[ \t]\d{3,5},?[ \t](?i:box)[ \t]\d{3,5}(?!\w)
    let military = |word: &str, ci: bool| -> Option<usize> {
        let m = |j: usize, w: &str| if ci { match_ci(t, j, w) } else { match_lit(t, j, w) };
        let mut j = m(i, word)?;
        if !is(t, j, blank) {
            return None;
        }
        j += 1;
        let n = run(t, j, 6, is_decimal);
        if !(3..=5).contains(&n) {
            return None;
        }
        j += n;
        if at(t, j) == Some(',') {
            j += 1;
        }
        if !is(t, j, blank) {
            return None;
        }
        j = m(j + 1, if ci { "box" } else { "Box" })?;
        if !is(t, j, blank) {
            return None;
        }
        digits_end(t, j + 1, 3, 5)
    };
    if let Some(e) = military("PSC", false).or_else(|| military("unit", true)) {
        return Some(e);
    }
    // (?:USNS|USNV|USS|USCGC)[ \t][UPPER][^\W\d_]{1,20}(?:[ \t][UPPER][^\W\d_]{1,20})?
    let j = ["USNS", "USNV", "USS", "USCGC"].iter().find_map(|w| match_lit(t, i, w).filter(|&j| is(t, j, blank)))?;
    let word = |k: usize| -> Option<usize> {
        if !is(t, k, is_upper_class) {
            return None;
        }
        let n = run(t, k + 1, 20, is_letter);
        (n >= 1).then_some(k + 1 + n)
    };
    let e = word(j + 1)?;
    if is(t, e, blank) {
        if let Some(e2) = word(e + 1) {
            return Some(e2);
        }
    }
    Some(e)
}

/// _MILITARY_RE `<lead>(?i:APO|FPO|DPO)[ \t](?i:AA|AE|AP)[ \t]\d{5}(?!\d)`.
fn military(t: &[char], i: usize) -> Option<usize> {
    let j = lead(t, i);
    let j = ["apo", "fpo", "dpo"].iter().find_map(|w| match_ci(t, j, w))?;
    if !is(t, j, blank) {
        return None;
    }
    let j = ["aa", "ae", "ap"].iter().find_map(|w| match_ci(t, j + 1, w))?;
    if !is(t, j, blank) {
        return None;
    }
    let n = run(t, j + 1, 6, is_decimal);
    (n == 5).then_some(j + 6)
}

/// _SECONDARY_RE: `<lead>(?:(?i:apt\.?|apartment|suite|...)[ \t]{1,2}#?|#[ \t]?)[\dA-Za-z][\w-]{0,5}(?!\w)`.
fn secondary(t: &[char], i: usize) -> Option<usize> {
    let j = lead(t, i);
    let mut k = None;
    // The keyword alternatives: the first one that is followed by [ \t] (the dot is optional).
    for w in SECONDARY_WORDS {
        if let Some(e) = match_ci(t, j, w) {
            if is(t, e, blank) {
                k = Some(e);
                break;
            }
        }
    }
    let k = match k {
        Some(e) => {
            let mut e = e + run(t, e, 2, blank);
            if at(t, e) == Some('#') && is(t, e + 1, |c| c.is_ascii_alphabetic() || is_decimal(c)) {
                e += 1;
            }
            e
        }
        None => {
            if at(t, j) != Some('#') {
                return None;
            }
            if is(t, j + 1, blank) && is(t, j + 2, |c| c.is_ascii_alphabetic() || is_decimal(c)) {
                j + 2
            } else {
                j + 1
            }
        }
    };
    if !is(t, k, |c| c.is_ascii_alphabetic() || is_decimal(c)) {
        return None;
    }
    let n = run(t, k + 1, 5, |c| is_word(c) || c == '-');
    (0..=n).rev().map(|m| k + 1 + m).find(|&e| not_word(t, e))
}

/// _LEADING_UNIT_RE `(?i:apt\.?|suite)[ \t]\d{1,5}[ \t]{1,2}`.
fn leading_unit(t: &[char], i: usize) -> Option<usize> {
    let j = ["apt.", "apt", "suite"].iter().find_map(|w| match_ci(t, i, w).filter(|&e| is(t, e, blank)))?;
    let n = run(t, j + 1, 6, is_decimal);
    if !(1..=5).contains(&n) {
        return None;
    }
    let e = j + 1 + n;
    let s = run(t, e, 2, blank);
    (s > 0).then_some(e + s)
}

/// _WORD_ADDR_RE `[^\W\d_](?:[\w'\u2019-]){0,30}\.?` (its `|C/` never matches first).
fn word_addr(t: &[char], i: usize) -> Option<usize> {
    if !is(t, i, is_letter) {
        return None;
    }
    let mut e = i + 1 + run(t, i + 1, 30, |c| is_word(c) || matches!(c, '\'' | '\u{2019}' | '-'));
    if at(t, e) == Some('.') {
        e += 1;
    }
    Some(e)
}

/// One word of _PLACE_RE: `[UPPER](?:[^\W\d_]|['\u2019.-](?=[^\W\d_])){0,30}+(?!\d)`.
fn place_word(t: &[char], i: usize) -> Option<usize> {
    if !is(t, i, is_upper_class) {
        return None;
    }
    let mut j = i + 1;
    for _ in 0..30 {
        if is(t, j, is_letter) || (is(t, j, |c| matches!(c, '\'' | '\u{2019}' | '.' | '-')) && is(t, j + 1, is_letter))
        {
            j += 1;
        } else {
            break;
        }
    }
    (!is(t, j, is_decimal)).then_some(j)
}

/// _PLACE_RE: up to four capitalised words (place particles between them) and a short "(...)".
fn place(t: &[char], i: usize) -> Option<usize> {
    let mut end = place_word(t, i)?;
    for _ in 0..3 {
        if !is(t, end, blank) {
            break;
        }
        let mut j = end + 1;
        for _ in 0..2 {
            match PLACE_PARTICLES.iter().find_map(|p| match_lit(t, j, p).filter(|&e| is(t, e, blank))) {
                Some(e) => j = e + 1,
                None => break,
            }
        }
        match place_word(t, j) {
            Some(e) => end = e,
            None => break,
        }
    }
    if is(t, end, blank) && at(t, end + 1) == Some('(') {
        let n = run(t, end + 2, 21, |c| !matches!(c, '(' | ')' | '\n'));
        if (1..=20).contains(&n) && at(t, end + 2 + n) == Some(')') {
            end += 3 + n;
        }
    }
    Some(end)
}

/// _ZIP_RE: US ZIP (+4), Polish 00-000, UK and Canadian postcodes, followed by `(?![\w-])`.
fn zip(t: &[char], i: usize) -> Option<usize> {
    let d = |k: usize| is(t, k, is_decimal);
    let up = |k: usize| is(t, k, |c| c.is_ascii_uppercase());
    let ok = |e: usize| not_word_dash(t, e).then_some(e);
    // \d{4,5}(?:-\d{3,4})?
    for k in [5, 4] {
        if (0..k).all(|m| d(i + m)) {
            if at(t, i + k) == Some('-') {
                for j in [4, 3] {
                    if (0..j).all(|m| d(i + k + 1 + m)) {
                        if let Some(e) = ok(i + k + 1 + j) {
                            return Some(e);
                        }
                    }
                }
            }
            if let Some(e) = ok(i + k) {
                return Some(e);
            }
        }
    }
    // \d{2}-\d{3}
    if d(i) && d(i + 1) && at(t, i + 2) == Some('-') && d(i + 3) && d(i + 4) && d(i + 5) {
        if let Some(e) = ok(i + 6) {
            return Some(e);
        }
    }
    // [A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}
    for a in [2, 1] {
        if (0..a).all(|m| up(i + m)) && d(i + a) {
            let j = i + a + 1;
            let opts: &[usize] = if up(j) || d(j) { &[1, 0] } else { &[0] };
            for &o in opts {
                let k = j + o;
                if is(t, k, blank) && d(k + 1) && up(k + 2) && up(k + 3) {
                    if let Some(e) = ok(k + 4) {
                        return Some(e);
                    }
                }
            }
        }
    }
    // [A-Z]\d[A-Z][ \t]?\d[A-Z]\d
    if up(i) && d(i + 1) && up(i + 2) {
        let opts: &[usize] = if is(t, i + 3, blank) { &[1, 0] } else { &[0] };
        for &o in opts {
            let k = i + 3 + o;
            if d(k) && up(k + 1) && d(k + 2) {
                if let Some(e) = ok(k + 3) {
                    return Some(e);
                }
            }
        }
    }
    None
}

/// _STATE_RE `[A-Z]{2}(?![\w-])`.
fn state(t: &[char], i: usize) -> Option<usize> {
    (is(t, i, |c| c.is_ascii_uppercase()) && is(t, i + 1, |c| c.is_ascii_uppercase()) && not_word_dash(t, i + 2))
        .then_some(i + 2)
}

/// _NUM_ANCHOR_RE `(?<![\w./,-])\d{1,6}[A-Za-z]?[ \t](?:\d{1,6}[A-Za-z]?[ \t])?(?=[^\W\d_]|C/)`,
/// all matches (start, end) as `finditer` gives them.
///
/// `ascii`: the text's bytes when it is ASCII (byte and code-point offsets then coincide), searched
/// for digits eight bytes at a time; a scan of the code points one by one was most of this
/// recognizer's own cost on short English texts.
fn num_anchors(t: &[char], ascii: Option<&[u8]>) -> Vec<usize> {
    // One number and its blank: the end, or None.
    let number = |i: usize| -> Option<usize> {
        let n = run(t, i, 7, is_decimal);
        if n == 0 || n > 6 {
            return None;
        }
        let mut j = i + n;
        if is(t, j, |c| c.is_ascii_alphabetic()) && is(t, j + 1, blank) {
            j += 1;
        }
        is(t, j, blank).then_some(j + 1)
    };
    let mut out = Vec::new();
    let mut p = 0;
    while p < t.len() {
        // Only the first digit of a run can match (a digit before it is a word character): skip to
        // the next digit, and past the run when its start does not qualify.
        let next = match ascii {
            Some(b) => next_ascii_digit(b, p),
            None => t[p..]
                .iter()
                .position(|&c| if c.is_ascii() { c.is_ascii_digit() } else { is_decimal(c) })
                .map(|k| p + k),
        };
        match next {
            Some(k) => p = k,
            None => break,
        }
        if p > 0 && (is_word(t[p - 1]) || matches!(t[p - 1], '.' | '/' | ',' | '-')) {
            p += run(t, p, usize::MAX, is_decimal);
            continue;
        }
        let end = number(p).and_then(|r| match number(r) {
            Some(r2) if is(t, r2, is_letter) => Some(r2),
            _ => is(t, r, is_letter).then_some(r),
        });
        match end {
            Some(e) => {
                out.push(p);
                p = e;
            }
            None => p += 1,
        }
    }
    out
}

/// The first ASCII digit of the ASCII bytes `b` at or after `from` (`from <= b.len()`), eight bytes
/// tested at a time.
#[inline]
fn next_ascii_digit(b: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut i = from;
    while let Some(w) = b.get(i..i + 8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        let w = u64::from_le_bytes(a);
        // bytes below 0x80: adding 0x50 sets the high bit from '0' up, adding 0x46 from ':' up (no carries)
        let digits = w.wrapping_add(0x50 * ONES) & !w.wrapping_add(0x46 * ONES) & (0x80 * ONES);
        if digits != 0 {
            return Some(i + (digits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b[i..].iter().position(u8::is_ascii_digit).map(|k| i + k)
}

struct Parser<'a> {
    r: &'a EnglishAddressRecognizer,
    t: &'a [char],
}

impl Parser<'_> {
    fn is_particle(&self, w: &str) -> bool {
        self.r.particles.contains(w)
    }

    /// End and base score of the street part beginning at `pos`.
    fn street(&self, pos: usize, cue: bool) -> Option<(usize, f64)> {
        let t = self.t;
        let r = self.r;
        if let Some(end) = box_re(t, pos) {
            return Some(match military(t, end) {
                Some(e) => (e, 0.9),
                None => (end, 0.8),
            });
        }
        let mut i = pos;
        let mut numbers = 0;
        for _ in 0..2 {
            let Some(e) = num(t, i) else { break };
            let Some(g) = gap(t, e) else { break };
            numbers += 1;
            i = g;
        }
        if numbers > 0 {
            if let Some(e) = box_re(t, i) {
                return Some((e, 0.8));
            }
        }
        // the words (start, end) and their lower case, all in one buffer (no String per word)
        let mut low = String::with_capacity(64);
        let mut ws = [(0usize, 0usize, 0usize, 0usize); 6];
        let mut nw = 0;
        let mut j = i;
        for _ in 0..6 {
            let Some(e) = word_addr(t, j) else { break };
            let w = &t[j..e];
            let a = low.len();
            pystr::lower_into(w, &mut low);
            let lw = &low[a..];
            if is_stop_key(lw.trim_end_matches('.')) {
                break;
            }
            if pystr::is_lower(w[0]) && !r.prefixes.contains(lw) && !r.euro_words.contains(lw) && !self.is_particle(lw)
            {
                break;
            }
            if r.lex.stop_words.contains(lw) && !r.strong.contains(lw) {
                break;
            }
            ws[nw] = (j, e, a, low.len());
            nw += 1;
            let Some(g) = gap(t, e) else { break };
            j = g;
        }
        while nw > 0 && self.is_particle(&low[ws[nw - 1].2..ws[nw - 1].3]) {
            nw -= 1;
        }
        if nw == 0 {
            return None;
        }
        let first = ws[0];
        let mut end = ws[nw - 1].1;
        let mut key_buf = [""; 6];
        for (k, w) in key_buf.iter_mut().zip(&ws[..nw]) {
            *k = &low[w.2..w.3];
        }
        let keys = &key_buf[..nw];
        let last = keys[keys.len() - 1];
        let suffix =
            keys[1..].iter().any(|k| r.strong.contains(k)) || (keys.len() > 1 && r.lex.street_suffixes.contains(last));
        let prefix = r.prefixes.contains(keys[0]) || r.euro_words.contains(keys[0]);
        // asked only when a number stands before or after the words (34 endings per word)
        let euro = || {
            keys.iter().any(|k| EURO_ENDINGS.iter().any(|e| k.ends_with(e)))
                || keys.iter().any(|k| r.euro_words.contains(k))
        };
        // A number after the street name (European order).
        let post = gap(t, end).and_then(|g| num(t, g));
        if let Some(pe) = post {
            end = pe;
            if at(t, end) == Some('.') && (end + 1 == t.len() || !is(t, end + 1, is_alnum)) {
                end += 1;
            }
            if at(t, end) == Some(' ') {
                if let Some((e, _)) = self.bare_street(end + 1) {
                    end = e;
                }
            }
        }
        let post = post.is_some();
        let numbers = numbers > 0;
        if numbers && suffix {
            return Some((end, 0.75));
        }
        if (post || numbers) && (prefix || euro()) {
            return Some((end, 0.7));
        }
        if prefix && r.prefixes.contains(keys[0]) && keys.len() >= 2 {
            return Some((end, 0.6));
        }
        if cue && (post || numbers) && keys.len() <= 4 && !pystr::is_lower(t[first.0]) {
            return Some((end, 0.6));
        }
        if numbers && post && keys.len() <= 3 {
            return Some((end, 0.55));
        }
        if numbers && keys.len() <= 4 && !r.lex.stop_words.contains(last) {
            return Some((end, 0.3)); // needs a city / state / postcode after it
        }
        None
    }

    fn parse(&self, pos: usize, cue: bool) -> Option<(usize, f64)> {
        let t = self.t;
        let corner = match_lit(t, pos, "the corner of ").is_some() || match_lit(t, pos, "The corner of ").is_some();
        let mut start = if corner { pos + 14 } else { pos };
        let mut bonus = 0.0;
        if let Some(e) = leading_unit(t, start) {
            start = e;
            bonus = 0.1;
        }
        let (mut end, mut score) = self.street(start, cue || corner)?;
        for _ in 0..3 {
            let Some(e) = secondary(t, end) else { break };
            end = e;
            bonus = 0.1;
        }
        let (e, tail) = self.tail(end);
        end = e;
        if tail > 0 {
            bonus += 0.1 * tail.min(2) as f64;
        }
        if corner {
            // [ \t]{1,2}and[ \t]{1,2}
            let s = run(t, end, 2, blank);
            if s > 0 {
                if let Some(a) = match_lit(t, end + s, "and") {
                    let s2 = run(t, a, 2, blank);
                    if s2 > 0 {
                        let p = a + s2;
                        if let Some((e2, _)) = self.street(p, true).or_else(|| self.bare_street(p)) {
                            end = e2;
                            bonus += 0.2;
                        }
                    }
                }
            }
            score += 0.1;
        }
        let score = f64::min(0.95, score + bonus);
        if score < 0.5 {
            return None;
        }
        Some((end, score))
    }

    /// "Elisabeth Parks": capitalised words ending in a street suffix.
    fn bare_street(&self, pos: usize) -> Option<(usize, f64)> {
        let t = self.t;
        let e = place(t, pos)?;
        let ws = split_ws(&t[pos..e]);
        if ws.len() >= 2 {
            let (a, b) = ws[ws.len() - 1];
            let last = pystr::lower(&t[pos + a..pos + b]);
            if self.r.lex.street_suffixes.contains(last.as_str()) || self.r.strong.contains(last.as_str()) {
                return Some((e, 0.6));
            }
        }
        None
    }

    /// The place part, or its last one or two words ("Coalville South Africa"), is a known place.
    fn known(&self, name: &[char]) -> bool {
        let cut = name.windows(2).position(|w| w == [' ', '(']).unwrap_or(name.len());
        let low: Vec<char> = pystr::lower(&name[..cut]).chars().collect();
        let ws: Vec<String> = split_ws(&low).into_iter().map(|(a, b)| low[a..b].iter().collect()).collect();
        let n = ws.len();
        (n.saturating_sub(3)..n).any(|k| self.r.lex.places.contains_key(ws[k..].join(" ").as_str()))
    }

    /// Extend over city, state, postcode and country parts; the new end and how many were found.
    fn tail(&self, mut end: usize) -> (usize, usize) {
        let t = self.t;
        let mut found = 0;
        for _ in 0..6 {
            let p = sep(t, end);
            let hard = t[end..p].iter().any(|&c| c == ',' || c == '\n');
            if let Some(e) = zip(t, p) {
                if p > end || found > 0 {
                    end = e;
                    found += 1;
                    continue;
                }
            }
            let st = state(t, p);
            if let Some(e) = st {
                if hard && found > 0 {
                    end = e;
                    found += 1;
                    continue;
                }
                if hard && zip(t, if e < t.len() { e + 1 } else { e }).is_some() {
                    end = e;
                    found += 1;
                    continue;
                }
            }
            let Some(me) = place(t, p) else { break };
            if p == end {
                break;
            }
            let name = &t[p..me];
            let ws = split_ws(name);
            let (Some(&(fa, fb)), Some(&(la, lb))) = (ws.first(), ws.last()) else { break };
            let first = pystr::lower(&name[fa..fb]);
            let first = first.trim_matches(|c| c == ',' || c == '.');
            let known = self.known(name);
            if self.r.lex.stop_words.contains(first) && !self.r.place_ok.contains(first) && !known {
                break;
            }
            let known = known || str_isupper(name);
            let q = sep(t, me);
            let nxt = zip(t, q).is_some() || (q > me && state(t, q).is_some());
            let city_state = ws.len() >= 2 && lb - la == 2 && str_isupper(&name[la..lb]);
            if known || hard || nxt || city_state {
                end = me;
                found += 1;
                continue;
            }
            break;
        }
        (end, found)
    }
}

impl Recognizer for EnglishAddressRecognizer {
    fn name(&self) -> &'static str {
        NAME
    }

    fn entities(&self) -> &[&'static str] {
        &["ADDRESS"]
    }

    fn supports(&self, lang: crate::document::Lang) -> bool {
        lang == crate::document::Lang::En
    }

    fn keywords(&self) -> Keywords {
        vec![
            ("en_addr_cue", kw(ADDR_CUES)),
            ("en_addr_start", kw(ADDR_STARTS)),
            ("en_street_end", kw(EURO_ENDINGS)),
            ("en_romaji_kind", kw(&super::romaji_address::KINDS)),
        ]
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let t: &[char] = &doc.norm.chars;
        let n = t.len();
        let mut starts: Vec<(usize, bool)> = num_anchors(t, doc.norm.is_ascii().then_some(doc.norm.s.as_bytes()))
            .into_iter()
            .map(|s| (s, false))
            .collect();
        for (s, e, g) in doc.keywords_in(0, n, &["en_addr_cue", "en_addr_start", "en_street_end"]) {
            match g {
                "en_addr_cue" => {
                    let p = e + run(t, e, 6, |c| matches!(c, ' ' | '\t' | ':'));
                    if p < n && (pystr::is_upper(t[p]) || pystr::is_digit(t[p])) {
                        starts.push((p, true));
                    }
                }
                "en_addr_start" => {
                    if (s == 0 || !is_alnum(t[s - 1])) && (pystr::is_upper(t[s]) || "uapt".contains(t[s])) {
                        starts.push((s, false));
                    }
                }
                _ => {
                    if e + 1 < n && t[e] == ' ' && pystr::is_digit(t[e + 1]) {
                        let mut i = s;
                        while i > 0 && s - i < 40 && (is_alnum(t[i - 1]) || t[i - 1] == '-') {
                            i -= 1;
                        }
                        if pystr::is_upper(t[i]) {
                            starts.push((i, false));
                        }
                    }
                }
            }
        }
        starts.sort_unstable();
        let parser = Parser { r: self, t };
        let mut last_end: Option<usize> = None;
        for (pos, from_cue) in starts {
            if last_end.is_some_and(|le| pos < le) {
                continue;
            }
            let cue = from_cue || doc.keyword_before(pos, &["en_addr_cue"], 40).is_some();
            let Some((end, score)) = parser.parse(pos, cue) else { continue };
            if names_a_company(&t[pos..end]) {
                continue; // Dec 9 via Seaway Express Co., Ltd: a carrier, not a street
            }
            last_end = Some(end);
            out.push(Finding::new("ADDRESS", pos, end, score, NAME));
        }
        // a Japanese address in Latin letters (5-2-9 Umenoki-dori, Higashi-ku, Okayama): no street suffix
        for (s, e) in super::romaji_address::spans(doc, "en_romaji_kind") {
            out.push(Finding::new("ADDRESS", s, e, 0.85, NAME));
        }
    }
}

/// Whether a Latin legal form stands inside a would-be street (`9 via Tokai Freight Co., Ltd`).
fn names_a_company(span: &[char]) -> bool {
    let s: String = span.iter().collect();
    [" Co., Ltd", " Co.,Ltd", " Co. Ltd", ", Ltd", " Inc.", " GmbH", " K.K."].iter().any(|f| s.contains(f))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Lang;
    use crate::recognizer::run_alone;

    fn found(text: &str) -> Vec<String> {
        let r = EnglishAddressRecognizer::new();
        run_alone(&r, text, Some(Lang::En)).into_iter().map(|(_, covered)| covered).collect()
    }

    #[test]
    fn street_addresses() {
        assert_eq!(
            found("Ship to:\n1600 Pennsylvania Avenue NW\nWashington, DC 20500\nUnited States\nThanks"),
            vec!["1600 Pennsylvania Avenue NW\nWashington, DC 20500\nUnited States"]
        );
        assert_eq!(
            found("Please send it to 742 Evergreen Terrace Apt. 4, Springfield, OR 97477 by Friday."),
            vec!["742 Evergreen Terrace Apt. 4, Springfield, OR 97477"]
        );
        assert_eq!(
            found("Write to 10 Downing Street, London SW1A 2AA please."),
            vec!["10 Downing Street, London SW1A 2AA"]
        );
        assert_eq!(found("The station is on Linzer Strasse 47"), vec!["Linzer Strasse 47"]);
        assert_eq!(found("Mail it to PSC 1234, Box 5678\nAPO AE 09876 soon"), vec!["PSC 1234, Box 5678\nAPO AE 09876"]);
        assert_eq!(found("Send it to P.O. Box 318"), vec!["P.O. Box 318"]);
        assert!(
            found("Our office: Keizersgracht 123, 1015 CJ Amsterdam, Netherlands.")[0].starts_with("Keizersgracht 123")
        );
    }

    #[test]
    fn numbers_in_prose_are_not_addresses() {
        for text in [
            "We sold 300 Units last year and 20 Apples.",
            "Chapter 11 of the book is long.",
            "In 2019 Apple released 3 new phones.",
            "It left on Dec 4 via Harbour Line Co., Ltd. yesterday.",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn pattern_matchers() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        assert_eq!(num(&c("12/34567"), 0), Some(2));
        assert_eq!(num(&c("12-34b x"), 0), Some(6));
        assert_eq!(num(&c("1234567"), 0), None);
        assert_eq!(secondary(&c(" Apt 12-345678"), 0), Some(7));
        assert_eq!(zip(&c("12345-6789"), 0), Some(10));
        assert_eq!(zip(&c("SW1A 2AA"), 0), Some(8));
        assert_eq!(zip(&c("K1A 0B1"), 0), Some(7));
        assert_eq!(place(&c("Rio de Janeiro (RJ) x"), 0), Some(19));
        assert_eq!(num_anchors(&c("12 34 56 Main, 7 x"), None), vec![3, 15]);
        for text in ["12 34 56 Main, 7 x", "a 1 Main St and x9 22 Elm Rd, 123456 Oak", "nothing here", "7 Ave", ""] {
            let b = text.as_bytes();
            assert_eq!(num_anchors(&c(text), Some(b)), num_anchors(&c(text), None), "{text}");
        }
        for i in 0..=20 {
            let text = format!("{}9{}", "x".repeat(i), ":/".repeat(5));
            assert_eq!(next_ascii_digit(text.as_bytes(), 0), Some(i));
            assert_eq!(next_ascii_digit(text.as_bytes(), i + 1), None);
        }
    }
}
