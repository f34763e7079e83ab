//! DATE_OF_BIRTH: 西暦 and 和暦 dates, only where the context says birth.
//!
//! The recognizer never scans for dates in general (申込日, 入社日, 有効期限 are dates too): it starts
//! from the birth keywords of the document's keyword index (生年月日, 誕生日, 生まれ, DOB, date of birth,
//! born ...) and reads the date that follows the label on its line, the date that ends right before
//! 生まれ / 生, or the cells of a CSV column whose header is such a label.
//!
//! Date forms: 1985年4月12日, 1985/04/12, 1985-04-12, 1985.4.12, 昭和60年4月12日, 令和元年5月1日,
//! S60.4.12, H3/01/05, April 12, 1985, 12 Apr 1985, 04/12/1985 (and 4月12日 alone, scored lower).
//!
//! The Python rule was one regular expression with back-references and look-aheads, matched
//! case-insensitively; [`DateRe`] is its hand-written equivalent: each alternative enumerates its
//! matches in the order Python's backtracking tries them, so `match`, `search`, `finditer` and
//! `fullmatch` give the same spans.

use super::birth_date_forms as forms;
use super::numbers::{keyword_hits, label_keywords, py_isdigit, word_ok, ALL_LABELS};
use crate::document::{line_end, line_start, Document};
use crate::finding::Finding;
use crate::pystr::ci_eq as ci;
use crate::recognizer::{Keywords, Recognizer};
use crate::table::Tables;

/// The fields of a date match, by the alternative that matched (spans into the text).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fields {
    /// 1985年4月12日 (the day optional)
    Ky { y: (usize, usize), m: (usize, usize), d: Option<(usize, usize)> },
    /// 昭和60年4月12日 / S60年4月 (wera) and S60.4.12 (lera)
    Era { era: (usize, usize), y: (usize, usize), m: (usize, usize), d: Option<(usize, usize)> },
    /// 1985/04/12
    Ny { y: (usize, usize), m: (usize, usize), d: (usize, usize) },
    /// 04/12/1985
    Us { a: (usize, usize), b: (usize, usize), y: (usize, usize) },
    /// April 12, 1985 and 12 Apr 1985
    Mon { mon: (usize, usize), d: (usize, usize), y: (usize, usize) },
    /// 4月12日
    Jm { m: (usize, usize), d: (usize, usize) },
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct DateMatch {
    start: usize,
    end: usize,
    fields: Fields,
}

impl DateMatch {
    fn is_jm(&self) -> bool {
        matches!(self.fields, Fields::Jm { .. })
    }
}

const MONTHS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

/// The month names of the pattern: (stem, optional suffix), in the pattern's order; `june?`, `july?`
/// and `sept?(?:ember)?` are spelled out by their candidates below.
const MON_ALTS: &[&[&str]] = &[
    &["january", "jan"],
    &["february", "feb"],
    &["march", "mar"],
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sept", "sepember", "sep"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

const ERAS_KANJI: &[&str] = &["明治", "大正", "昭和", "平成", "令和"];

/// The era table: key (lower-cased, without the dot) -> (first year, last year number).
fn era(key: &str) -> Option<(i32, i32)> {
    Some(match key {
        "明治" | "m" => (1868, 45),
        "大正" | "t" => (1912, 15),
        "昭和" | "s" => (1926, 64),
        "平成" | "h" => (1989, 31),
        "令和" | "r" => (2019, 99),
        _ => return None,
    })
}

fn era_letter(c: char) -> bool {
    matches!(c, 'M' | 'T' | 'S' | 'H' | 'R' | 'm' | 't' | 's' | 'h' | 'r' | '\u{17f}')
}

/// The text `c[..hi]` the pattern is matched in (Python's `endpos`).
struct DateRe<'a> {
    c: &'a [char],
    hi: usize,
}

type Emit<'e> = &'e mut dyn FnMut(DateMatch) -> bool;

impl DateRe<'_> {
    fn at(&self, p: usize) -> Option<char> {
        if p < self.hi {
            self.c.get(p).copied()
        } else {
            None
        }
    }

    fn is(&self, p: usize, ch: char) -> bool {
        self.at(p) == Some(ch)
    }

    fn digit(&self, p: usize) -> bool {
        self.at(p).is_some_and(|c| c.is_ascii_digit())
    }

    /// ` ?`: the ends in the order tried.
    fn sp(&self, p: usize) -> Vec<usize> {
        if self.is(p, ' ') {
            vec![p + 1, p]
        } else {
            vec![p]
        }
    }

    /// `[0-9]{lo,hi}` greedy: the ends in the order tried.
    fn digits(&self, p: usize, lo: usize, hi: usize) -> Vec<usize> {
        let mut k = 0;
        while k < hi && self.digit(p + k) {
            k += 1;
        }
        (lo..=k).rev().map(|n| p + n).collect()
    }

    /// `(?:19|20)[0-9]{2}`
    fn year(&self, p: usize) -> Option<usize> {
        let ok = ((self.is(p, '1') && self.is(p + 1, '9')) || (self.is(p, '2') && self.is(p + 1, '0')))
            && self.digit(p + 2)
            && self.digit(p + 3);
        ok.then_some(p + 4)
    }

    /// A case-insensitive ASCII word at `p`.
    fn word(&self, p: usize, w: &str) -> Option<usize> {
        let mut q = p;
        for l in w.chars() {
            let c = self.at(q)?;
            if !ci(c, l) {
                return None;
            }
            q += 1;
        }
        Some(q)
    }

    fn not_digit(&self, p: usize) -> bool {
        !self.digit(p)
    }

    /// `(?: ?([0-9]{1,2}) ?日)?` greedy: (end, day span) in the order tried.
    fn day_opt(&self, p: usize) -> Vec<(usize, Option<(usize, usize)>)> {
        let mut out = Vec::new();
        for a in self.sp(p) {
            for b in self.digits(a, 1, 2) {
                for c in self.sp(b) {
                    if self.is(c, '日') {
                        out.push((c + 1, Some((a, b))));
                    }
                }
            }
        }
        out.push((p, None));
        out
    }

    /// The month names at `p` in the pattern's order: ends.
    fn months(&self, p: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for alts in MON_ALTS {
            for w in *alts {
                if let Some(e) = self.word(p, w) {
                    out.push(e);
                }
            }
        }
        out
    }

    /// `(?:st|nd|rd|th)?` greedy.
    fn ordinal(&self, p: usize) -> Vec<usize> {
        let mut out: Vec<usize> = ["st", "nd", "rd", "th"].iter().filter_map(|w| self.word(p, w)).take(1).collect();
        out.push(p);
        out
    }

    fn opt(&self, p: usize, ch: char) -> Vec<usize> {
        if self.is(p, ch) {
            vec![p + 1, p]
        } else {
            vec![p]
        }
    }

    /// `\((?:明治|大正|昭和|平成|令和|[MTSHR]) ?(?:元|[0-9]{1,2})\)` at `p`: its end.
    fn era_in_brackets(&self, p: usize) -> Option<usize> {
        if !self.is(p, '(') {
            return None;
        }
        let q = p + 1;
        let mut e = ERAS_KANJI.iter().find_map(|k| {
            let w: Vec<char> = k.chars().collect();
            (0..w.len()).all(|i| self.is(q + i, w[i])).then_some(q + w.len())
        });
        if e.is_none() && self.at(q).is_some_and(|c| c.is_ascii_uppercase() && era_letter(c)) {
            e = Some(q + 1);
        }
        let mut e = e?;
        if self.is(e, ' ') {
            e += 1;
        }
        let e = if self.is(e, '元') { e + 1 } else { *self.digits(e, 1, 2).first().filter(|&&d| d > e)? };
        self.is(e, ')').then_some(e + 1)
    }

    /// Every match starting at `p`, in the order Python tries them, until `emit` says stop.
    fn matches_at(&self, p: usize, emit: Emit) -> bool {
        let mk = |end: usize, fields: Fields| DateMatch { start: p, end, fields };
        // 1. (?:19|20)[0-9]{2}(?:\(ERA(元|[0-9]{1,2})\))? ?年 ?[0-9]{1,2} ?月(?: ?[0-9]{1,2} ?日)?
        //    (the 和暦 year may follow in brackets: 1964(昭和39)年11月3日)
        if let Some(y) = self.year(p) {
            let mut after_year = vec![y];
            if let Some(b) = self.era_in_brackets(y) {
                after_year.insert(0, b);
            }
            for a in after_year.into_iter().flat_map(|q| self.sp(q)) {
                if !self.is(a, '年') {
                    continue;
                }
                for b in self.sp(a + 1) {
                    for m in self.digits(b, 1, 2) {
                        for c in self.sp(m) {
                            if !self.is(c, '月') {
                                continue;
                            }
                            for (e, d) in self.day_opt(c + 1) {
                                if emit(mk(e, Fields::Ky { y: (p, y), m: (b, m), d })) {
                                    return true;
                                }
                            }
                        }
                    }
                }
            }
        }
        // 2. (明治|大正|昭和|平成|令和|[MTSHRmtshr]\.?) ?(元|[0-9]{1,2}) ?年 ?([0-9]{1,2}) ?月(?: ?([0-9]{1,2}) ?日)?
        let mut era_ends: Vec<usize> = Vec::new();
        for k in ERAS_KANJI {
            let w: Vec<char> = k.chars().collect();
            if (0..w.len()).all(|i| self.is(p + i, w[i])) {
                era_ends.push(p + w.len());
            }
        }
        if self.at(p).is_some_and(era_letter) {
            era_ends.extend(self.opt(p + 1, '.'));
        }
        for ee in era_ends {
            for a in self.sp(ee) {
                let mut years: Vec<usize> = Vec::new();
                if self.is(a, '元') {
                    years.push(a + 1);
                }
                years.extend(self.digits(a, 1, 2));
                for y in years {
                    for b in self.sp(y) {
                        if !self.is(b, '年') {
                            continue;
                        }
                        for c in self.sp(b + 1) {
                            for m in self.digits(c, 1, 2) {
                                for d0 in self.sp(m) {
                                    if !self.is(d0, '月') {
                                        continue;
                                    }
                                    for (e, d) in self.day_opt(d0 + 1) {
                                        let f = Fields::Era { era: (p, ee), y: (a, y), m: (c, m), d };
                                        if emit(mk(e, f)) {
                                            return true;
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // 3. ([MTSHRmtshr])\.? ?([0-9]{1,2})([/\-.])([0-9]{1,2})\3([0-9]{1,2})(?![0-9])
        if self.at(p).is_some_and(era_letter) {
            for a in self.opt(p + 1, '.') {
                for b in self.sp(a) {
                    for y in self.digits(b, 1, 2) {
                        let Some(sep) = self.at(y).filter(|c| matches!(c, '/' | '-' | '.')) else {
                            continue;
                        };
                        for m in self.digits(y + 1, 1, 2) {
                            if !self.is(m, sep) {
                                continue;
                            }
                            for d in self.digits(m + 1, 1, 2) {
                                if self.not_digit(d) {
                                    let f =
                                        Fields::Era { era: (p, p + 1), y: (b, y), m: (y + 1, m), d: Some((m + 1, d)) };
                                    if emit(mk(d, f)) {
                                        return true;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // 4. ((?:19|20)[0-9]{2})([/\-.])([0-9]{1,2})\2([0-9]{1,2})(?![0-9])
        if let Some(y) = self.year(p) {
            if let Some(sep) = self.at(y).filter(|c| matches!(c, '/' | '-' | '.')) {
                for m in self.digits(y + 1, 1, 2) {
                    if !self.is(m, sep) {
                        continue;
                    }
                    for d in self.digits(m + 1, 1, 2) {
                        if self.not_digit(d) && emit(mk(d, Fields::Ny { y: (p, y), m: (y + 1, m), d: (m + 1, d) })) {
                            return true;
                        }
                    }
                }
            }
        }
        // 5. ([0-9]{1,2})([/\-.])([0-9]{1,2})\2((?:19|20)[0-9]{2})(?![0-9])
        for a in self.digits(p, 1, 2) {
            let Some(sep) = self.at(a).filter(|c| matches!(c, '/' | '-' | '.')) else {
                continue;
            };
            for b in self.digits(a + 1, 1, 2) {
                if !self.is(b, sep) {
                    continue;
                }
                if let Some(y) = self.year(b + 1) {
                    if self.not_digit(y) && emit(mk(y, Fields::Us { a: (p, a), b: (a + 1, b), y: (b + 1, y) })) {
                        return true;
                    }
                }
            }
        }
        // 6. (MON)\.? ([0-9]{1,2})(?:st|nd|rd|th)?,? ((?:19|20)[0-9]{2})(?![0-9])
        for me in self.months(p) {
            for a in self.opt(me, '.') {
                if !self.is(a, ' ') {
                    continue;
                }
                for d in self.digits(a + 1, 1, 2) {
                    for o in self.ordinal(d) {
                        for c in self.opt(o, ',') {
                            if !self.is(c, ' ') {
                                continue;
                            }
                            if let Some(y) = self.year(c + 1) {
                                let f = Fields::Mon { mon: (p, me), d: (a + 1, d), y: (c + 1, y) };
                                if self.not_digit(y) && emit(mk(y, f)) {
                                    return true;
                                }
                            }
                        }
                    }
                }
            }
        }
        // 7. ([0-9]{1,2})(?:st|nd|rd|th)? (?:of )?(MON)\.?,? ((?:19|20)[0-9]{2})(?![0-9])
        for d in self.digits(p, 1, 2) {
            for o in self.ordinal(d) {
                if !self.is(o, ' ') {
                    continue;
                }
                let mut ofs = Vec::new();
                if let Some(e) = self.word(o + 1, "of ") {
                    ofs.push(e);
                }
                ofs.push(o + 1);
                for ms in ofs {
                    for me in self.months(ms) {
                        for a in self.opt(me, '.') {
                            for c in self.opt(a, ',') {
                                if !self.is(c, ' ') {
                                    continue;
                                }
                                if let Some(y) = self.year(c + 1) {
                                    let f = Fields::Mon { mon: (ms, me), d: (p, d), y: (c + 1, y) };
                                    if self.not_digit(y) && emit(mk(y, f)) {
                                        return true;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // 8. ([0-9]{1,2}) ?月 ?([0-9]{1,2}) ?日
        for m in self.digits(p, 1, 2) {
            for a in self.sp(m) {
                if !self.is(a, '月') {
                    continue;
                }
                for b in self.sp(a + 1) {
                    for d in self.digits(b, 1, 2) {
                        for c in self.sp(d) {
                            if self.is(c, '日') && emit(mk(c + 1, Fields::Jm { m: (p, m), d: (b, d) })) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        false
    }

    /// `pattern.match(text, p, hi)`.
    fn match_at(&self, p: usize) -> Option<DateMatch> {
        let mut found = None;
        self.matches_at(p, &mut |m| {
            found = Some(m);
            true
        });
        found
    }

    /// `pattern.fullmatch(text, p, hi)`.
    fn fullmatch(&self, p: usize) -> Option<DateMatch> {
        let mut found = None;
        let hi = self.hi;
        self.matches_at(p, &mut |m| {
            if m.end == hi {
                found = Some(m);
                true
            } else {
                false
            }
        });
        found
    }

    /// `pattern.search(text, p, hi)`.
    fn search(&self, p: usize) -> Option<DateMatch> {
        (p..=self.hi).find_map(|q| self.match_at(q))
    }
}

/// Days in a month of the proleptic Gregorian calendar (0 for a month out of range).
fn days_in(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Python's `datetime.date(y, m, d)` succeeding.
fn real_date(y: i32, m: u32, d: u32) -> bool {
    (1..=9999).contains(&y) && d >= 1 && d <= days_in(y, m)
}

thread_local! {
    /// The minute (seconds since the epoch / 60) [`today`] last asked the C library about, and its answer.
    static TODAY: std::cell::Cell<(i64, (i32, u32, u32))> = const { std::cell::Cell::new((i64::MIN, (0, 0, 0))) };
}

/// Today's local date (what Python's `datetime.date.today()` gives).
///
/// Asked once per minute per thread: `localtime_r` cost ~500 instructions, paid by every document
/// (1.6% of the engine's work on short English texts). Time-zone offsets are whole minutes, so the
/// local date cannot change inside a minute of the clock.
fn today() -> (i32, u32, u32) {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let minute = (secs / 60) as i64;
    if let Ok((m, date)) = TODAY.try_with(|c| c.get()) {
        if m == minute {
            return date;
        }
    }
    let date = local_date(secs).unwrap_or_else(|| civil((secs / 86400) as i64));
    let _ = TODAY.try_with(|c| c.set((minute, date)));
    date
}

/// The local date at `secs` since the epoch, from the C library's time zone.
fn local_date(secs: u64) -> Option<(i32, u32, u32)> {
    #[cfg(unix)]
    {
        let t = libc::time_t::try_from(secs).ok()?;
        // SAFETY: localtime_r with valid pointers to locals.
        unsafe {
            let mut tm: libc::tm = std::mem::zeroed();
            if !libc::localtime_r(&t, &mut tm).is_null() {
                return Some((tm.tm_year + 1900, (tm.tm_mon + 1) as u32, tm.tm_mday as u32));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = secs;
    None
}

/// The (year, month, day) of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil(days: i64) -> (i32, u32, u32) {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z.rem_euclid(146097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + if m <= 2 { 1 } else { 0 }) as i32;
    (y, m, d)
}

fn num(c: &[char], (s, e): (usize, usize)) -> u32 {
    c[s..e].iter().fold(0u32, |n, ch| n * 10 + ch.to_digit(10).unwrap_or(0))
}

/// The match is a real calendar date (or month and day) not in the future.
fn valid(c: &[char], m: &DateMatch, today: (i32, u32, u32)) -> bool {
    let (y, mo, d) = match m.fields {
        Fields::Ky { y, m, d } => (num(c, y) as i32, num(c, m), d.map(|d| num(c, d)).unwrap_or(1)),
        Fields::Era { era: e, y, m, d } => {
            // (wera or lera).lower().rstrip(".")
            let mut key: String =
                c[e.0..e.1].iter().map(|ch| if ch.is_ascii() { ch.to_ascii_lowercase() } else { *ch }).collect();
            while key.ends_with('.') {
                key.pop();
            }
            let Some((base, span)) = era(&key) else {
                return false;
            };
            let n = if c[y.0..y.1] == ['元'] { 1 } else { num(c, y) as i32 };
            if !(1..=span).contains(&n) {
                return false;
            }
            (base + n - 1, num(c, m), d.map(|d| num(c, d)).unwrap_or(1))
        }
        Fields::Ny { y, m, d } => (num(c, y) as i32, num(c, m), num(c, d)),
        Fields::Us { a, b, y } => {
            let (a, b) = (num(c, a), num(c, b));
            let (mo, d) = if a <= 12 { (a, b) } else { (b, a) };
            (num(c, y) as i32, mo, d)
        }
        Fields::Mon { mon, d, y } => {
            let name = &c[mon.0..mon.1];
            if !name.iter().all(char::is_ascii) {
                return false; // Python lowers 'ſ', 'ı', 'İ' to no month name
            }
            let key: String = name.iter().map(|ch| ch.to_ascii_lowercase()).collect();
            let Some(&(_, mo)) = MONTHS.iter().find(|(k, _)| *k == key) else {
                return false;
            };
            (num(c, y) as i32, mo, num(c, d))
        }
        Fields::Jm { m, d } => {
            let (mo, d) = (num(c, m), num(c, d));
            return (1..=12).contains(&mo) && (1..=31).contains(&d) && real_date(2000, mo, d);
        }
    };
    real_date(y, mo, d) && (1880, 1, 1) <= (y, mo, d) && (y, mo, d) <= today
}

/// `[ \t:()\[\]「」【】<>*・/|=\-]{0,12}(?:(?:は|is|was|on|of|:|：)[ \t:]*){0,2}` matched at `p` (IGNORECASE).
fn gap_end(re: &DateRe, p: usize) -> usize {
    let mut q = p;
    while q - p < 12 && re.at(q).is_some_and(|c| " \t:()[]「」【】<>*・/|=-、,".contains(c)) {
        q += 1;
    }
    for _ in 0..2 {
        let next = if re.is(q, 'は') || re.is(q, ':') || re.is(q, '：') {
            Some(q + 1)
        } else {
            re.word(q, "is").or_else(|| re.word(q, "was")).or_else(|| re.word(q, "on")).or_else(|| re.word(q, "of"))
        };
        let Some(mut r) = next else {
            break;
        };
        while re.at(r).is_some_and(|c| c == ' ' || c == '\t' || c == ':') {
            r += 1;
        }
        q = r;
    }
    q
}

/// The piece of `c` from `p` (before `hi`) written with one space between all its characters, closed
/// up, and where the next piece starts; None when `p` starts no such piece of two characters or more.
fn spaced_piece(c: &[char], orig: &[char], p: usize, hi: usize) -> Option<(Vec<char>, usize)> {
    let mut buf = Vec::new();
    let mut q = p;
    let mut sep: Option<char> = None; // one kind of space inside a piece: an ideographic one ends it
    while q < hi && c[q] != ' ' && c[q] != '\t' {
        buf.push(c[q]);
        let same = |s: char| sep.is_none_or(|k| k == s);
        if q + 2 < hi && c[q + 1] == ' ' && same(orig[q + 1]) && c[q + 2] != ' ' && c[q + 2] != '\t' {
            sep = Some(orig[q + 1]);
            q += 2;
        } else {
            q += 1;
            break;
        }
    }
    (buf.len() >= 2).then_some((buf, q))
}

/// DATE_OF_BIRTH: a date that a birth label introduces (or that 生まれ follows).
pub struct BirthDate;

const NAME: &str = "birth_date";

fn has_ascii_digit(c: &[char], s: usize, e: usize) -> bool {
    s < e && c[s..e.min(c.len())].iter().any(|ch| ch.is_ascii_digit())
}

/// The rest of a label's line when its value stands on the next line: spaces, colons and brackets, or one
/// bracketed hint of the form (`Date of birth (YYYY/MM/DD)`, `生年月日（西暦）`).
fn label_rest(rest: &[char]) -> bool {
    let plain = |c: &char| " \t:()[]【】".contains(*c);
    if rest.iter().all(plain) {
        return true;
    }
    let Some(o) = rest.iter().position(|&c| c == '(') else {
        return false;
    };
    let Some(c) = rest.iter().rposition(|&c| c == ')') else {
        return false;
    };
    o < c
        && c - o <= 16
        && rest[..o].iter().all(plain)
        && rest[c + 1..].iter().all(plain)
        && !rest[o + 1..c].iter().any(|&ch| ch == '(' || ch == ')')
}

impl BirthDate {
    fn after(&self, doc: &Document, ke: usize, today: (i32, u32, u32)) -> Option<Finding> {
        let norm = &doc.norm.chars;
        let n = norm.len();
        let mut ke = ke;
        let mut le = line_end(norm, ke, 48);
        if le < n && norm[le] == '\n' && label_rest(&norm[ke.min(le)..le]) {
            ke = le + 1; // a form with the value under its label
            le = line_end(norm, ke, 48);
        }
        let hi = le;
        if !has_ascii_digit(norm, ke, hi) {
            return None;
        }
        let re = DateRe { c: norm, hi };
        let pos = gap_end(&re, ke);
        let m = match re.match_at(pos) {
            Some(m) => m,
            None => {
                // a short word between the label and the date ("生年月日（西暦）：", "born on the")
                let m = re.search(pos)?;
                if m.start - pos > 16 {
                    return None;
                }
                if norm[pos..m.start].iter().any(|&c| py_isdigit(c) || c == '日' || c == '期') {
                    return None;
                }
                if !doc.keywords_in(pos, m.start, ALL_LABELS).is_empty() {
                    return None;
                }
                m
            }
        };
        if !valid(norm, &m, today) {
            return None;
        }
        let score = if m.is_jm() { 0.7 } else { 0.9 };
        Some(Finding::new("DATE_OF_BIRTH", m.start, m.end, score, NAME))
    }

    fn before(&self, doc: &Document, ks: usize, today: (i32, u32, u32)) -> Option<Finding> {
        let norm = &doc.norm.chars;
        if !has_ascii_digit(norm, ks.saturating_sub(3), ks) {
            return None; // a date ends with a digit or 日 right before 生まれ / 日生
        }
        let lo = line_start(norm, ks, 30);
        let re = DateRe { c: norm, hi: (ks + 1).min(norm.len()) };
        let mut best: Option<DateMatch> = None;
        let mut p = lo;
        while p <= re.hi {
            match re.match_at(p) {
                Some(m) => {
                    if m.end == ks || m.end + 1 == ks || (m.end == ks + 1 && norm[ks] == '日') {
                        best = Some(m);
                    }
                    p = m.end.max(p + 1);
                }
                None => p += 1,
            }
        }
        let best = best?;
        if best.is_jm() || !valid(norm, &best, today) {
            return None;
        }
        Some(Finding::new("DATE_OF_BIRTH", best.start, best.end, 0.85, NAME))
    }

    /// The label's date in one of [`forms`]' written forms (kanji numerals, 1987年(昭和62年)4月3日,
    /// 昭和62.4.3), after the label's gap and at most 16 characters without digits (昭和・平成, ☑昭和).
    fn after_more(&self, doc: &Document, ke: usize, today: (i32, u32, u32)) -> Option<Finding> {
        let norm = &doc.norm.chars;
        let n = norm.len();
        let mut ke = ke;
        let mut hi = line_end(norm, ke, 48);
        if hi < n && norm[hi] == '\n' && label_rest(&norm[ke.min(hi)..hi]) {
            ke = hi + 1; // the value under its label, as in `after`
            hi = line_end(norm, ke, 48);
        }
        let pos = gap_end(&DateRe { c: norm, hi }, ke);
        let mut p = pos;
        while p < hi && p - pos <= 16 {
            if norm[p].is_ascii_digit() && p > pos && norm[p - 1].is_ascii_digit() {
                return None; // digits of another number
            }
            if let Some(e) = forms::date_at(norm, p, hi, today) {
                return Some(Finding::new("DATE_OF_BIRTH", p, e, 0.9, NAME));
            }
            p += 1;
        }
        None
    }

    /// A letter-spaced date after the label (`生年月日 ： S 6 3 . 2 . 2 9`, `2 0 0 0 年 1 0 月 9 日`, as scanned
    /// forms print them): the pieces of the label's line written with one space between all their
    /// characters, closed up and read as a whole date; at most the first three pieces (a spaced
    /// `昭 和 ・ 平 成` choice may come first).
    fn after_spaced(&self, doc: &Document, ke: usize, today: (i32, u32, u32)) -> Option<Finding> {
        let norm = &doc.norm.chars;
        let hi = line_end(norm, ke, 96);
        let mut p = ke;
        for _ in 0..3 {
            while p < hi && " \t:()[]・".contains(norm[p]) {
                p += 1;
            }
            let (buf, next) = spaced_piece(norm, &doc.text.chars, p, hi)?;
            if buf.len() >= 6 {
                let whole = match (DateRe { c: &buf, hi: buf.len() }).fullmatch(0) {
                    Some(m) => !m.is_jm() && valid(&buf, &m, today),
                    None => forms::date_at(&buf, 0, buf.len(), today) == Some(buf.len()),
                };
                if whole {
                    return Some(Finding::new("DATE_OF_BIRTH", p, p + 2 * buf.len() - 1, 0.85, NAME));
                }
            }
            p = next;
        }
        None
    }

    /// A date of [`forms`]' written forms right before 生まれ / 日生.
    fn before_more(&self, doc: &Document, ks: usize, today: (i32, u32, u32)) -> Option<Finding> {
        let norm = &doc.norm.chars;
        let end = if norm.get(ks) == Some(&'日') { ks + 1 } else { ks };
        let (s, e) = forms::date_before(norm, line_start(norm, ks, 30), end, today)?;
        Some(Finding::new("DATE_OF_BIRTH", s, e, 0.85, NAME))
    }

    /// A table's header cell naming birth (the keyword at `ks` is inside it): the dates in that column.
    fn column(&self, doc: &Document, ks: usize, today: (i32, u32, u32), seen: &mut Vec<usize>, out: &mut Vec<Finding>) {
        let norm = &doc.norm.chars;
        let tables = Tables::of(doc);
        for tb in &tables.tables {
            let Some(idx) = tb.header.iter().position(|&(s, e)| s <= ks && ks < e) else {
                continue;
            };
            for &(s, e) in tb.rows.iter().filter_map(|row| row.get(idx)) {
                if let Some(e) = birth_cell(norm, s, e, today).filter(|_| !seen.contains(&s)) {
                    seen.push(s);
                    out.push(Finding::new("DATE_OF_BIRTH", s, e, 0.9, NAME));
                }
            }
        }
    }
}

/// The date a cell of a birth column holds, ending where the cell ends or before an age in brackets
/// (`H26.5.12（12）`, `1990/4/1 (35歳)`): the date's end. Dates of every written form, `19870620`,
/// `87/06/20` and an era letter with six digits (`S621104`, as old systems print them).
fn birth_cell(norm: &[char], s: usize, e: usize, today: (i32, u32, u32)) -> Option<usize> {
    let e = without_age(norm, s, e);
    let date = match (DateRe { c: norm, hi: e }).fullmatch(s) {
        Some(m) => !m.is_jm() && valid(norm, &m, today),
        None => {
            compact_date(&norm[s..e], today)
                || compact_era_date(&norm[s..e], today)
                || short_year_date(&norm[s..e])
                || forms::date_at(norm, s, e, today) == Some(e)
        }
    };
    date.then_some(e)
}

/// The end of the cell `[s, e)` without an age in brackets closing it (`（12）`, `(35歳)`, `(満7才)`).
fn without_age(norm: &[char], s: usize, e: usize) -> usize {
    if e < s + 4 || !matches!(norm[e - 1], ')' | '）') {
        return e;
    }
    let Some(o) = norm[s..e - 1].iter().rposition(|&c| c == '(' || c == '（').map(|o| s + o) else {
        return e;
    };
    let inner = &norm[o + 1..e - 1];
    let digits = inner.iter().filter(|c| c.is_ascii_digit()).count();
    let age = (1..=3).contains(&digits)
        && inner.iter().all(|&c| c.is_ascii_digit() || matches!(c, '満' | '歳' | '才' | ' '))
        && inner.first().is_some_and(|&c| c.is_ascii_digit() || c == '満');
    let mut end = o;
    while end > s && norm[end - 1] == ' ' {
        end -= 1;
    }
    if age && end > s {
        end
    } else {
        e
    }
}

/// `S621104`, `H050327` in a birth column: an era letter (M T S H R) and six digits, year month day
/// of that era, a real date not after today.
fn compact_era_date(cell: &[char], today: (i32, u32, u32)) -> bool {
    if cell.len() != 7 || !cell[1..].iter().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let first = match cell[0].to_ascii_uppercase() {
        'M' => 1867,
        'T' => 1911,
        'S' => 1925,
        'H' => 1988,
        'R' => 2018,
        _ => return false,
    };
    let num = |a: usize, b: usize| cell[a..b].iter().fold(0u32, |v, c| v * 10 + c.to_digit(10).unwrap_or(0));
    let (y, m, d) = (num(1, 3) as i32, num(3, 5), num(5, 7));
    y >= 1 && (first + y, m, d) <= today && real_date(first + y, m, d)
}

/// The cells of the line `[ls, le)` of a table laid out by hand: cells part at a tab, a `;`, a `|`, an
/// ideographic space or two spaces (one space stays inside a cell: `長谷 千里`): (start, end) of each.
/// `orig` is the text before the fold (where an ideographic space is still one), `norm` its fold.
fn row_cells(orig: &[char], norm: &[char], ls: usize, le: usize) -> Vec<(usize, usize)> {
    let gap = |p: usize| {
        matches!(norm[p], '\t' | ';' | '|')
            || orig[p] == '\u{3000}'
            || (norm[p] == ' ' && (p + 1 < le && norm[p + 1] == ' ' || p > ls && norm[p - 1] == ' '))
    };
    let mut cells = Vec::new();
    let mut p = ls;
    while p < le {
        while p < le && (gap(p) || norm[p] == ' ') {
            p += 1;
        }
        let s = p;
        while p < le && !gap(p) {
            p += 1;
        }
        let mut e = p;
        while e > s && norm[e - 1] == ' ' {
            e -= 1;
        }
        if e > s {
            cells.push((s, e));
        }
    }
    cells
}

/// A header line of column names parted by single spaces (`No. 名前 生年月日 年齢 所属`): its words, when
/// there are three or more and none holds a digit (a sentence or a data row is not a header).
fn word_header(norm: &[char], hs: usize, he: usize) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut p = hs;
    while p < he {
        while p < he && norm[p] == ' ' {
            p += 1;
        }
        let s = p;
        while p < he && norm[p] != ' ' {
            p += 1;
        }
        if p > s {
            words.push((s, p));
        }
    }
    let label = |&(s, e): &(usize, usize)| {
        e - s <= 12 && !norm[s..e].iter().any(|c| c.is_ascii_digit() || matches!(c, '、' | '。' | ',' | ':'))
    };
    if words.len() >= 3 && words.iter().all(label) {
        words
    } else {
        Vec::new()
    }
}

impl BirthDate {
    /// A roster laid out by hand (`氏名　　生年月日　　住所` over rows of the same cells): the birth label is
    /// a cell of a header line of three cells or more, and every following line up to a blank one is a row.
    /// A row's date is its date of birth when it is the row's only dated cell, or when it stands in the
    /// label's column (counted from the end in a row short of cells); a date may close a cell after one
    /// space (`ペトロワ・マリナ 1993.2.7`), where a long name ran into it.
    fn roster(&self, doc: &Document, ks: usize, today: (i32, u32, u32), seen: &mut Vec<usize>, out: &mut Vec<Finding>) {
        let norm = &doc.norm.chars;
        let orig = &doc.text.chars;
        let n = norm.len();
        let hs = line_start(norm, ks, 400);
        let he = line_end(norm, ks, 400);
        let mut header = row_cells(orig, norm, hs, he);
        if header.len() < 3 {
            header = word_header(norm, hs, he);
        }
        let Some(idx) = header.iter().position(|&(s, e)| s <= ks && ks < e) else {
            return;
        };
        // three column names or more (a form line's brackets `生年月日　（　　）` name no column)
        if header.iter().filter(|&&(s, e)| norm[s..e].iter().any(|c| c.is_alphabetic())).count() < 3 {
            return;
        }
        // a written date anywhere in the row; digits alone (`19870620`, `S621104`) only in the label's column
        let date_end = |s: usize, e: usize, in_column: bool| -> Option<(usize, usize)> {
            let e2 = without_age(norm, s, e);
            let whole = match (DateRe { c: norm, hi: e2 }).fullmatch(s) {
                Some(m) => !m.is_jm() && valid(norm, &m, today),
                None => {
                    forms::date_at(norm, s, e2, today) == Some(e2)
                        || in_column && (compact_era_date(&norm[s..e2], today) || compact_date(&norm[s..e2], today))
                }
            };
            whole.then_some((s, e2))
        };
        let mut ls = he + 1;
        while ls < n {
            let le = line_end(norm, ls, 400);
            if norm[ls..le].iter().all(|&c| c == ' ' || c == '\u{3000}') {
                break;
            }
            let cells = row_cells(orig, norm, ls, le);
            if cells.len() + 1 < header.len() {
                break; // the table ended
            }
            // the label's column; in a row short of a cell, counted from the end (two first cells ran
            // together: `310 ﾐﾅｶﾞﾜ ｹﾝﾀ  H050327  0903…`), never by its place from the start, where digits
            // alone may be another column's (`20190401　山田 花子　　20210401` under 社員番号 氏名 生年月日 入社日)
            let column = |i: usize| {
                if cells.len() >= header.len() {
                    i == idx
                } else {
                    i + header.len() == idx + cells.len()
                }
            };
            let dated: Vec<(usize, (usize, usize))> = cells
                .iter()
                .enumerate()
                .filter_map(|(i, &(s, e))| {
                    if let Some(d) = date_end(s, e, column(i)) {
                        return Some((i, d));
                    }
                    let sp = norm[s..e].iter().rposition(|&c| c == ' ')? + s;
                    date_end(sp + 1, e, column(i)).map(|d| (i, d))
                })
                .collect();
            let pick = match dated.as_slice() {
                [(_, d)] => Some(*d),
                _ => {
                    // a row short of cells (a name and the next cell run together): the column counted from the end
                    let from_end = (cells.len() + idx).checked_sub(header.len());
                    let at = |k: usize| dated.iter().find(|(i, _)| *i == k).map(|(_, d)| *d);
                    at(idx).or_else(|| from_end.filter(|_| cells.len() < header.len()).and_then(at))
                }
            };
            if let Some((s, e)) = pick.filter(|d| !seen.contains(&d.0)) {
                seen.push(s);
                out.push(Finding::new("DATE_OF_BIRTH", s, e, 0.85, NAME));
            }
            ls = le + 1;
        }
    }
}

/// The keyword group of a letter-spaced birth label (`生 年 月 日`), read by [`BirthDate::after_spaced`].
const SPACED_GROUP: &str = "birth_date.spaced";

/// The keyword group of 年生 (`明治三十一年生`: born in that year).
const YEAR_GROUP: &str = "birth_date.year";

/// Birth years: an era year right before 生 that ends the word (`（明治三十一年生）`, `大正5年生 `). A year
/// with no era before 年生 is a school grade (小学3年生), and 生まれ is read with the labels.
fn birth_years(doc: &Document, seen: &[usize], out: &mut Vec<Finding>) {
    let norm = &doc.norm.chars;
    let today = today();
    for &ks in &doc.occurrences(YEAR_GROUP).starts {
        let ke = ks + 2;
        if norm.get(ke).is_some_and(|&c| c.is_alphabetic() && !"、。".contains(c)) {
            continue; // 年生まれ, 年生存: another word
        }
        if let Some(s) = forms::era_year_before(norm, line_start(norm, ks, 30), ks + 1, today) {
            if !seen.contains(&s) {
                out.push(Finding::new("DATE_OF_BIRTH", s, ks + 1, 0.85, NAME));
            }
        }
    }
}

/// The keyword group of the words that make a text a family list.
/// The group of an era opening a bracket (read by [`named_era_dates`]).
const BRACKET_GROUP: &str = "birth_date.bracket";

/// An era, written out or abbreviated, opening a bracket.
const BRACKET_ERAS: [&str; 10] = ["(明治", "(大正", "(昭和", "(平成", "(令和", "(M", "(T", "(S", "(H", "(R"];

/// A letter of a person's name: kanji, kana, 々, the long-vowel mark.
fn name_letter(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '々' | 'ー')
}

/// A full name written `姓 名` (one space between, each part one to five letters) ending at `e`, an
/// honorific after it allowed (`林 一郎（…`, `岡 ふみ 様（…`); nothing else before the surname on
/// its line but a space, a tab, a bullet or a bracket.
fn full_name_before(c: &[char], e: usize) -> bool {
    let mut q = e;
    for h in [&['様'][..], &['さ', 'ん'][..], &['氏'][..]] {
        if q >= h.len() && c[q - h.len()..q] == *h {
            q -= h.len();
            if q > 0 && c[q - 1] == ' ' {
                q -= 1;
            }
            break;
        }
    }
    let part = |q: usize| (0..q).rev().take_while(|&i| name_letter(c[i])).take(6).count();
    let given = part(q);
    if !(1..=5).contains(&given) || q < given + 2 || c[q - given - 1] != ' ' {
        return false;
    }
    let s = q - given - 1;
    let family = part(s);
    (1..=5).contains(&family)
        && (s == family || matches!(c[s - family - 1], ' ' | '\t' | '\n' | '・' | '(' | ')' | ':' | '、'))
}

/// A full 和暦 date in brackets right after a person's full name (`林 一郎（昭和40年2月3日）`,
/// `岡 ふみ 様（S22.6.3）`): in a roster or a note on a person, the date beside the name is the
/// birth. Anchored on the era opening the bracket; the date must be whole (a day) and close the
/// bracket or end at a 、.
fn named_era_dates(doc: &Document, seen: &mut Vec<usize>, out: &mut Vec<Finding>) {
    let hits = keyword_hits(doc, BRACKET_GROUP);
    if hits.is_empty() {
        return;
    }
    let norm = &doc.norm.chars;
    let today = today();
    for (ks, _) in hits {
        if ks == 0 || !full_name_before(norm, ks) {
            continue;
        }
        let re = DateRe { c: norm, hi: line_end(norm, ks, 80) };
        let Some(m) = re.match_at(ks + 1) else { continue };
        // (a date of the last year beside a name is the day of a visit or a receipt, not a birth)
        let Fields::Era { era: e, y, d: Some(_), .. } = m.fields else { continue };
        let key: String = norm[e.0..e.1].iter().map(|ch| ch.to_ascii_lowercase()).filter(|&ch| ch != '.').collect();
        let year =
            era(&key).map(|(base, _)| base + if norm[y.0..y.1] == ['元'] { 0 } else { num(norm, y) as i32 - 1 });
        let whole = year.is_some_and(|y| y < today.0 - 1);
        if whole && valid(norm, &m, today) && matches!(norm.get(m.end), Some(')' | '、')) && !seen.contains(&m.start) {
            seen.push(m.start);
            out.push(Finding::new("DATE_OF_BIRTH", m.start, m.end, 0.8, NAME));
        }
    }
}

const FAMILY_GROUP: &str = "birth_date.family";

/// The relations that open the line of a family list (扶養親族, 家族構成).
const KIN: &[&str] = &[
    "本人",
    "配偶者",
    "夫",
    "妻",
    "父",
    "母",
    "長男",
    "次男",
    "三男",
    "四男",
    "長女",
    "次女",
    "三女",
    "四女",
    "子",
    "祖父",
    "祖母",
    "兄",
    "姉",
    "弟",
    "妹",
    "義父",
    "義母",
    "孫",
];

impl BirthDate {
    /// A family list (the text speaks of 扶養 or 家族): lines `長男　山田 太郎　2015/04/01` — a relation, a
    /// name and a date ending the line (生 or an age may follow) hold the person's date of birth.
    fn family_lines(&self, doc: &Document, seen: &[usize], out: &mut Vec<Finding>) {
        if doc.occurrences(FAMILY_GROUP).starts.is_empty() {
            return;
        }
        let norm = &doc.norm.chars;
        let today = today();
        let mut ls = 0;
        while ls < norm.len() {
            let le = line_end(norm, ls, 200);
            let mut p = ls;
            while p < le && norm[p] == ' ' {
                p += 1;
            }
            if p >= le || !"本配夫妻父母長次三四子祖兄姉弟妹義孫".contains(norm[p]) {
                if let Some((ds, de)) = kin_cell_date(norm, p, le, today).filter(|d| !seen.contains(&d.0)) {
                    out.push(Finding::new("DATE_OF_BIRTH", ds, de, 0.85, NAME));
                }
                ls = le + 1;
                continue;
            }
            let kin = KIN.iter().map(|k| k.chars().count()).find(|&n| {
                norm.get(p + n).is_some_and(|&c| c == ' ' || c == '\t' || c == ':')
                    && KIN.iter().any(|k| k.chars().eq(norm[p..p + n].iter().copied()))
            });
            if let Some(n) = kin {
                if let Some((ds, de)) = family_date(norm, p + n, le, today).filter(|d| !seen.contains(&d.0)) {
                    out.push(Finding::new("DATE_OF_BIRTH", ds, de, 0.85, NAME));
                }
            }
            ls = le + 1;
        }
    }
}

/// A day, an English month name and a year after a birth label, written close (`02FEB1991`, as
/// passports and tickets print it) or with runs of spaces (`4  Dec  1982`): the month as a word makes
/// the order day-first whatever the language.
fn day_month_year_after(c: &[char], ke: usize, today: (i32, u32, u32)) -> Option<Finding> {
    let hi = line_end(c, ke, 48);
    let mut p = ke;
    while p < hi && " \t:()[]-".contains(c[p]) {
        p += 1;
    }
    let s = p;
    let (mut d, mut q) = (0u32, p);
    while q < hi && q - p < 2 && c[q].is_ascii_digit() {
        d = d * 10 + c[q].to_digit(10)?;
        q += 1;
    }
    if q == p {
        return None;
    }
    while q < hi && c[q] == ' ' {
        q += 1;
    }
    let w = q;
    while q < hi && c[q].is_ascii_alphabetic() {
        q += 1;
    }
    let word: String = c[w..q].iter().map(|x| x.to_ascii_lowercase()).collect();
    let m = MONTHS.iter().find(|(n, _)| *n == word)?.1;
    while q < hi && c[q] == ' ' {
        q += 1;
    }
    let ys = q;
    while q < hi && q - ys < 4 && c[q].is_ascii_digit() {
        q += 1;
    }
    if q - ys != 4 || c.get(q).is_some_and(|x| x.is_ascii_alphanumeric()) {
        return None;
    }
    let y: i32 = c[ys..q].iter().collect::<String>().parse().ok()?;
    let ok = real_date(y, m, d) && (1880, 1, 1) <= (y, m, d) && (y, m, d) <= today;
    ok.then(|| Finding::new("DATE_OF_BIRTH", s, q, 0.85, NAME))
}

/// A list of birthdays after 誕生日 (`誕生日：田中さん 4/2、林さん（4/18）`, on its line or the next): a month
/// and day (`4/2`, `4月18日`) right after a name's honorific (さん, 様, くん, ちゃん), with one space or
/// bracket between; scored as a month and day alone are.
fn honorific_dates(norm: &[char], ke: usize, seen: &mut Vec<usize>, out: &mut Vec<Finding>) {
    let mut hi = line_end(norm, ke, 160);
    if hi < norm.len() {
        hi = line_end(norm, hi + 1, 160);
    }
    let starts = |p: usize, w: &str| w.chars().enumerate().all(|(i, c)| norm.get(p + i) == Some(&c));
    let mut p = ke;
    while p < hi {
        let Some(h) = ["さん", "様", "くん", "ちゃん"].iter().find(|w| starts(p, w)) else {
            p += 1;
            continue;
        };
        let mut q = p + h.chars().count();
        if q < hi && matches!(norm[q], ' ' | '(') {
            q += 1;
        }
        if let Some(e) = month_day_at(norm, q, hi).filter(|_| !seen.contains(&q)) {
            seen.push(q);
            out.push(Finding::new("DATE_OF_BIRTH", q, e, 0.7, NAME));
            p = e;
        } else {
            p = q.max(p + 1);
        }
    }
}

/// `M/D` or `M月D日` at `p` (a real month and day, not followed by more of a date): its end.
fn month_day_at(c: &[char], p: usize, hi: usize) -> Option<usize> {
    let number = |mut q: usize| {
        let (s, mut v) = (q, 0u32);
        while q < hi && q - s < 2 && c[q].is_ascii_digit() {
            v = v * 10 + c[q].to_digit(10).unwrap_or(0);
            q += 1;
        }
        (q > s && !(q < hi && c[q].is_ascii_digit())).then_some((v, q))
    };
    let (m, q) = number(p)?;
    let close = match c.get(q) {
        Some('/') => None,
        Some('月') => Some('日'),
        _ => return None,
    };
    let (d, mut e) = number(q + 1)?;
    if let Some(k) = close {
        if c.get(e) != Some(&k) {
            return None;
        }
        e += 1;
    } else if e < hi && matches!(c[e], '/' | '-' | '.') {
        return None; // a year or more follows
    }
    ((1..=12).contains(&m) && (1..=days_in(2000, m)).contains(&d)).then_some(e)
}

/// A family-list line in columns `name  relation  date  …` (`[from, le)`): the relation stands as a cell
/// of its own, and the next cell is a date; that date is the person's date of birth: (start, end).
fn kin_cell_date(norm: &[char], from: usize, le: usize, today: (i32, u32, u32)) -> Option<(usize, usize)> {
    let cell_end = |e: usize| e >= le || matches!(norm[e], ' ' | '\t');
    let mut p = from + 1;
    while p < le {
        if matches!(norm[p - 1], ' ' | '\t') && "本配夫妻父母長次三四子祖兄姉弟妹義孫".contains(norm[p])
        {
            let kin = KIN.iter().find(|k| {
                let n = k.chars().count();
                p + n < le && k.chars().eq(norm[p..p + n].iter().copied()) && matches!(norm[p + n], ' ' | '\t')
            });
            if let Some(k) = kin {
                let mut q = p + k.chars().count();
                while q < le && matches!(norm[q], ' ' | '\t') {
                    q += 1;
                }
                let re = DateRe { c: norm, hi: le };
                if let Some(m) = re.match_at(q) {
                    if !m.is_jm() && valid(norm, &m, today) && cell_end(m.end) {
                        return Some((m.start, m.end));
                    }
                }
                return forms::date_at(norm, q, le, today).filter(|&e| cell_end(e)).map(|e| (q, e));
            }
        }
        p += 1;
    }
    None
}

/// The date ending a family-list line `[from, le)` after a name: (start, end).
fn family_date(norm: &[char], from: usize, le: usize, today: (i32, u32, u32)) -> Option<(usize, usize)> {
    let letters = |a: usize, b: usize| norm[a..b].iter().filter(|c| c.is_alphabetic() && !c.is_ascii()).count();
    let tail_ok = |e: usize| {
        let mut q = e;
        if norm.get(q) == Some(&'生') {
            q += 1;
        }
        norm[q..le]
            .iter()
            .all(|&c| c == ' ' || c == '(' || c == ')' || c == '満' || c == '歳' || c == '才' || c.is_ascii_digit())
    };
    let re = DateRe { c: norm, hi: le };
    let mut p = from;
    while p < le {
        if letters(from, p) >= 2 && (norm[p].is_ascii_alphanumeric() || !norm[p].is_ascii()) && norm[p - 1] == ' ' {
            if let Some(m) = re.match_at(p) {
                if !m.is_jm() && valid(norm, &m, today) && tail_ok(m.end) {
                    return Some((m.start, m.end));
                }
            }
            if let Some(e) = forms::date_at(norm, p, le, today) {
                if tail_ok(e) {
                    return Some((p, e));
                }
            }
        }
        p += 1;
    }
    None
}

/// `19870620` in a birth-date column: eight digits that make a real date between 1900 and today.
/// A cell `YY/MM/DD` (or `.` `-`) in a birth column: two digits of a year, a real month and day.
fn short_year_date(cell: &[char]) -> bool {
    let parts: Vec<&[char]> = cell.split(|&c| matches!(c, '/' | '.' | '-')).collect();
    if parts.len() != 3
        || parts[0].len() != 2
        || parts.iter().any(|p| p.is_empty() || p.len() > 2 || !p.iter().all(|c| c.is_ascii_digit()))
        || cell.iter().filter(|&&c| !c.is_ascii_digit()).any(|&c| c != cell[2])
    {
        return false;
    }
    let num = |p: &[char]| p.iter().fold(0u32, |v, c| v * 10 + c.to_digit(10).unwrap_or(0));
    let y = num(parts[0]) as i32;
    real_date(if y < 30 { 2000 + y } else { 1900 + y }, num(parts[1]), num(parts[2]))
}

fn compact_date(cell: &[char], today: (i32, u32, u32)) -> bool {
    if cell.len() != 8 || !cell.iter().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let num = |a: usize, b: usize| cell[a..b].iter().fold(0u32, |v, c| v * 10 + c.to_digit(10).unwrap_or(0));
    let (y, m, d) = (num(0, 4) as i32, num(4, 6), num(6, 8));
    y >= 1900 && (y, m, d) <= today && real_date(y, m, d)
}

impl Recognizer for BirthDate {
    fn name(&self) -> &'static str {
        NAME
    }

    fn entities(&self) -> &[&'static str] {
        &["DATE_OF_BIRTH"]
    }

    fn keywords(&self) -> Keywords {
        // the labels, and the words that make a text a family list (read by `family_lines`)
        let mut k = label_keywords();
        k.push((FAMILY_GROUP, vec!["扶養".to_string(), "家族".to_string()]));
        k.push((YEAR_GROUP, vec!["年生".to_string()]));
        k.push((SPACED_GROUP, vec!["生 年 月 日".to_string()]));
        k.push((BRACKET_GROUP, BRACKET_ERAS.iter().map(|w| w.to_string()).collect()));
        k
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let hits = keyword_hits(doc, "n.dob");
        let spaced = keyword_hits(doc, SPACED_GROUP);
        if hits.is_empty() && spaced.is_empty() {
            self.family_lines(doc, &[], out);
            birth_years(doc, &[], out);
            let mut seen = Vec::new();
            self.digits_before_sei(doc, &mut seen, out);
            named_era_dates(doc, &mut seen, out);
            return;
        }
        let norm = &doc.norm.chars;
        let low = &doc.lower().chars;
        let today = today();
        let mut seen: Vec<usize> = Vec::new();
        for (ks, ke) in hits {
            if !word_ok(low, ks, ke) {
                continue;
            }
            let kw = &low[ks..ke];
            let after_word = kw == ['生', 'ま', 'れ'] || kw == ['日', '生'];
            let f = if after_word {
                let mut f = self.before(doc, ks, today).or_else(|| self.before_more(doc, ks, today));
                if f.is_none() && kw == ['生', 'ま', 'れ'] && matches!(norm.get(ke), Some('は') | Some(':')) {
                    f = self.after(doc, ke + 1, today); // 生まれは1979年11月3日 / 生まれ：…
                }
                f
            } else {
                let f = self
                    .after(doc, ke, today)
                    .or_else(|| self.after_more(doc, ke, today))
                    .or_else(|| self.after_spaced(doc, ke, today))
                    .or_else(|| day_month_year_after(norm, ke, today));
                // a header's keyword: the whole column (the date `after` found may be its first row only)
                if f.is_none() || (Tables::line_may_hold(doc, ks) && Tables::of(doc).in_header(ks)) {
                    self.column(doc, ks, today, &mut seen, out);
                }
                if f.is_none() {
                    self.roster(doc, ks, today, &mut seen, out);
                }
                if f.is_none() && kw == ['誕', '生', '日'] {
                    honorific_dates(norm, ke, &mut seen, out);
                }
                f
            };
            if let Some(f) = f {
                if !seen.contains(&f.start) {
                    seen.push(f.start);
                    out.push(f);
                }
            }
        }
        for (_, ke) in spaced {
            if let Some(f) = self.after_spaced(doc, ke, today).filter(|f| !seen.contains(&f.start)) {
                seen.push(f.start);
                out.push(f);
            }
        }
        self.family_lines(doc, &seen, out);
        birth_years(doc, &seen, out);
        self.digits_before_sei(doc, &mut seen, out);
        named_era_dates(doc, &mut seen, out);
    }
}

impl BirthDate {
    /// A date in digits closed by 生 as a word of its own (`（S22.8.8生）`, `1994.5.26生　基礎年金番号`): 生
    /// right after a digit and not starting a longer word (生活, 生産). Found with a byte search of the fold
    /// for 生 (no keyword: the character is too common for the index).
    fn digits_before_sei(&self, doc: &Document, seen: &mut Vec<usize>, out: &mut Vec<Finding>) {
        static SEI: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new("生".as_bytes()));
        if doc.lang != crate::document::Lang::Ja {
            return; // (no kanji: the language was told or guessed from kana and kanji)
        }
        let norm = &doc.norm.chars;
        let today = today();
        for b in SEI.find_iter(doc.norm.s.as_bytes()) {
            let p = doc.norm.char_index(b);
            if p == 0 || !norm[p - 1].is_ascii_digit() || norm.get(p + 1).is_some_and(|c| c.is_alphabetic()) {
                continue;
            }
            if let Some(f) = self.before(doc, p, today).filter(|f| !seen.contains(&f.start)) {
                seen.push(f.start);
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognizer::run_alone;

    fn find(text: &str) -> Vec<(String, f64)> {
        run_alone(&BirthDate, text, None).into_iter().map(|(f, covered)| (covered, f.score)).collect()
    }

    #[test]
    fn today_is_the_local_date_and_stays_it_within_the_minute() {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
        let first = today();
        let second = today(); // from the per-minute memory
        let fresh = local_date(secs).unwrap_or_else(|| civil((secs / 86400) as i64));
        // (a minute boundary between the calls may pass midnight: then the later call is the new day)
        assert!(first == fresh || second != first, "{first:?} {fresh:?}");
        assert_eq!(second, today());
        let (y, m, d) = first;
        assert!(real_date(y, m, d) && y >= 2024);
    }

    #[test]
    fn an_era_date_in_brackets_after_a_full_name() {
        assert_eq!(find("転入者　森 一朗（昭和40年2月3日）\n"), vec![("昭和40年2月3日".into(), 0.8)]);
        assert_eq!(find("患者名　岡 ふみ 様（S22.6.3）\n"), vec![("S22.6.3".into(), 0.8)]);
        assert_eq!(find("・坂巻 ツネ（H5.10.21、独居）\n"), vec![("H5.10.21".into(), 0.8)]);
        // no full name before, a year alone, a date that is no era date, a future date: none
        assert!(find("契約更新（令和5年4月1日）\n").is_empty());
        assert!(find("担当：森（令和5年4月1日）\n").is_empty());
        assert!(find("森 一朗（昭和40年）\n").is_empty());
        assert!(find("森 一朗（2026年1月5日）\n").is_empty());
        assert!(find("森 一朗（令和30年1月5日）\n").is_empty());
        let (y, _, _) = today();
        assert!(find(&format!("受付 岡野（令和{}年1月5日）\n", y - 2018)).is_empty());
        assert!(find("工事 第二期（令和5年4月1日着工）\n").is_empty());
    }

    #[test]
    fn letter_spaced_dates() {
        assert_eq!(find("生 年 月 日   1 9 7 5 年 3 月 2 1 日\n"), vec![("1 9 7 5 年 3 月 2 1 日".into(), 0.85)]);
        assert_eq!(find("生年月日：H 0 4 . 1 1 . 0 2\n"), vec![("H 0 4 . 1 1 . 0 2".into(), 0.85)]);
        assert_eq!(
            find("生 年 月 日　明 治 ・ 大 正　大 正 1 4 年 1 月 5 日"),
            vec![("大 正 1 4 年 1 月 5 日".into(), 0.85)]
        );
        // not a date, a date of another label, a spaced number that is no date
        assert_eq!(find("生 年 月 日 大 正 1 4 年 1 月 5 日"), vec![("大 正 1 4 年 1 月 5 日".into(), 0.85)]);
        assert_eq!(
            find("生 年 月 日  明 治 ・ 大 正  大 正 1 4 年 1 月 5 日"),
            vec![("大 正 1 4 年 1 月 5 日".into(), 0.85)]
        );
        assert!(find("生 年 月 日   ( 記 入 不 要 )\n").is_empty());
        assert!(find("入 社 日   2 0 2 0 年 4 月 1 日\n").is_empty());
        assert!(find("生 年 月 日   1 2 3 4 5 6\n").is_empty());
    }

    #[test]
    fn day_month_name_year() {
        assert_eq!(find("DOB: 09MAR1987\n"), vec![("09MAR1987".into(), 0.85)]);
        assert_eq!(find("(born  21  June  1990)"), vec![("21  June  1990".into(), 0.85)]);
        assert!(find("DOB: 09XYZ1987").is_empty());
        assert!(find("生年月日 31FEB1987").is_empty());
        assert!(find("有効期限 09MAR2031").is_empty());
    }

    #[test]
    fn birthday_lists_by_honorific() {
        let got: Vec<String> = find("来月の誕生日\n佐野さん 3/7、ケリーさん（3/21）、森 太一くん 3月30日\n")
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(got, ["3/7", "3/21", "3月30日"]);
        // no honorific before it, a date with more after it, a list two lines below
        assert!(find("誕生日会の予定\n会場予約 3/7").is_empty());
        assert!(find("誕生日会：佐野さん 3/7/2026 に集合").iter().all(|f| f.0 != "3/7"));
        assert!(find("誕生日\n\n佐野さん 3/7").is_empty());
        assert!(find("佐野さん 3/7 に面談").is_empty());
    }

    #[test]
    fn an_era_year_before_sei() {
        let got: Vec<String> =
            find("曾祖母 トメ（大正五年生）\n祖父 一郎 昭和3年生、農業\n").into_iter().map(|f| f.0).collect();
        assert_eq!(got, ["大正五年", "昭和3年"]);
        assert!(find("娘は小学3年生です。").is_empty());
        assert!(find("平成元年生まれ").iter().all(|f| f.0 != "平成元年"));
    }

    #[test]
    fn a_western_year_with_its_era_year_in_brackets() {
        assert_eq!(find("生年月日　1971（昭和46）年2月9日\n"), vec![("1971（昭和46）年2月9日".into(), 0.9)]);
        assert_eq!(find("生年月日: 2019(令和元)年5月20日"), vec![("2019(令和元)年5月20日".into(), 0.9)]);
        // a bracket that is not an era year, or a date that is not a birth date
        assert!(find("生年月日: 1971(46)年2月9日").iter().all(|f| !f.0.contains('(')));
        assert!(find("入社日 1971（昭和46）年2月9日").is_empty());
    }

    #[test]
    fn a_value_under_a_label_with_a_hint() {
        assert_eq!(find("Date of birth (YYYY/MM/DD)\n1993/06/14\n"), vec![("1993/06/14".into(), 0.9)]);
        assert_eq!(find("生年月日（西暦）\n1985年4月12日\n"), vec![("1985年4月12日".into(), 0.9)]);
        assert!(find("生年月日 (記入例 山田花子 様)\n申込日 2024/04/01\n").is_empty());
    }

    #[test]
    fn a_roster_with_a_birth_column() {
        let text = "No.  氏名            生年月日      年齢\n1    久我山 晴真     H10.4.2       28\n\
                    2    ペトロワ・マリナ 1993.2.7     33\n\n申込日 2024.4.1\n";
        let got: Vec<String> = find(text).into_iter().map(|f| f.0).collect();
        assert_eq!(got, vec!["H10.4.2".to_string(), "1993.2.7".to_string()]);
        // two dates in a row: the one in the label's column
        let text = "氏名\u{3000}\u{3000}入社年月日\u{3000}\u{3000}生年月日\u{3000}\u{3000}住所\n\
                    萩尾 千景\u{3000}\u{3000}2009/04/01\u{3000}\u{3000}1986/09/17\u{3000}\u{3000}東京都\n";
        assert_eq!(find(text).into_iter().map(|f| f.0).collect::<Vec<_>>(), vec!["1986/09/17".to_string()]);
        let text = "部署　　氏名　　入社年月日　　生年月日　　住所\n開発部　　かわしま ゆうと　2024/04/01　　2001/03/03　　埼玉県\n";
        assert_eq!(find(text).into_iter().map(|f| f.0).collect::<Vec<_>>(), vec!["2001/03/03".to_string()]);
        // a form line, not a header: the next line's lone date is not read
        assert!(find("生年月日　　（　　）\n申込日　2024/04/01\n").is_empty());
    }

    #[test]
    fn rosters_of_other_layouts() {
        let got = |text: &str| find(text).into_iter().map(|f| f.0).collect::<Vec<_>>();
        // one ideographic space between cells (folded to a space, still a cell boundary)
        let text = "係\u{3000}名前\u{3000}生年月日\u{3000}内線\n会計\u{3000}浦辺 梢\u{3000}S58.7.14\u{3000}2201\n";
        assert_eq!(got(text), ["S58.7.14"]);
        // a header of words parted by single spaces; an age in brackets after the date
        let text = "番号 選手名 生年月日 学年\n4\u{3000}\u{3000}沖元 陽翔\u{3000}\u{3000}H27.2.9（11）\u{3000}5年\n\
                    9\u{3000}\u{3000}アリ・ハサン\u{3000}2016年7月21日 (10歳)\u{3000}4年\n";
        assert_eq!(got(text), ["H27.2.9", "2016年7月21日"]);
        // digits alone in the label's column of an old system's print (half-width kana header)
        let text = "ｺｰﾄﾞ ｼﾒｲ          ｾｲﾈﾝｶﾞｯﾋﾟ ﾃﾞﾝﾜ\n0104  ﾎﾘｴ ｶﾅ          19920815  08011112222\n";
        assert_eq!(got(text), ["19920815"]);
        let text = "ﾍﾔ  ｼﾒｲ        ｾｲﾈﾝｶﾞｯﾋﾟ  TEL\n201 ｵｵﾉ ﾀｸﾐ    H040611    09055556666\n";
        assert_eq!(got(text), ["H040611"]);
        // NEGATIVE: a row short of its birth cell: the date there is the next column's
        let text =
            "社員番号\u{3000}氏名\u{3000}生年月日\u{3000}入社日\n20190401\u{3000}山田 花子\u{3000}\u{3000}20210401\n";
        assert!(got(text).is_empty());
        // NEGATIVE: an era letter and six digits that make no real date
        let text = "ﾍﾔ  ｼﾒｲ        ｾｲﾈﾝｶﾞｯﾋﾟ  TEL\n201 ｵｵﾉ ﾀｸﾐ    H041399    09055556666\n";
        assert!(got(text).is_empty());
    }

    #[test]
    fn a_date_in_digits_closed_by_sei() {
        let got = |text: &str| find(text).into_iter().map(|f| f.0).collect::<Vec<_>>();
        assert_eq!(got("受付 宗像 貢様（S19.11.30生）来店"), ["S19.11.30"]);
        assert_eq!(got("・Tran Thi Hoa\u{3000}2001.6.4生\u{3000}在留期限 2027.6.4"), ["2001.6.4"]);
        // NEGATIVE: 生 beginning another word, or after a count
        assert!(got("2024.4.1生産開始").is_empty());
        assert!(got("令和6.4.1生活支援課").is_empty());
        assert!(got("3年生 12名").is_empty());
    }

    #[test]
    fn a_relation_cell_then_a_date_in_a_family_list() {
        let text = "扶養親族\n　山田 一郎　次男　H20・5・6　学生\n　山田 花　妻　1984/02/29\n";
        assert_eq!(find(text).into_iter().map(|f| f.0).collect::<Vec<_>>(), ["H20・5・6", "1984/02/29"]);
        // not a family list, or the relation not a cell of its own
        assert!(find("名簿\n　山田 一郎　次男　H20・5・6\n").is_empty());
        assert!(find("家族\n　山田 一郎（次男）H20・5・6\n").is_empty());
    }

    #[test]
    fn forms() {
        assert_eq!(find("生年月日：1985年4月12日"), vec![("1985年4月12日".into(), 0.9)]);
        assert_eq!(find("生年月日 昭和60年4月12日生"), vec![("昭和60年4月12日".into(), 0.9)]);
        assert_eq!(find("S60.4.12生まれ"), vec![("S60.4.12".into(), 0.85)]);
        assert_eq!(find("Date of birth: April 12, 1985"), vec![("April 12, 1985".into(), 0.9)]);
        assert_eq!(find("born on the 12th of Apr 1985"), vec![("12th of Apr 1985".into(), 0.9)]);
        assert_eq!(find("誕生日は4月12日"), vec![("4月12日".into(), 0.7)]);
        assert_eq!(find("生年月日：2999年4月12日"), vec![]);
        assert_eq!(find("名前,生年月日,x\n山田,1985/04/12,a\n"), vec![("1985/04/12".into(), 0.9)]);
        assert_eq!(find("名前,生年月日,x\n山田,19850412,a\n"), vec![("19850412".into(), 0.9)]);
        assert_eq!(find("名前 | 生年月日\n山田 | 19851312\n"), vec![]);
        // a birth column under a header: every row, two-digit years too
        assert_eq!(
            find("続柄\t氏名\t生年月日\n長男\t山田 一郎\t1990/04/05\n長女\t山田 花子\t93/11/02\n"),
            vec![("1990/04/05".into(), 0.9), ("93/11/02".into(), 0.9)]
        );
        assert_eq!(find("氏名 | 生年月日\n山田 | 93/13/02\n佐藤 | 93/1/02/5\n"), vec![]);
    }

    #[test]
    fn calendar() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(19723), (2024, 1, 1));
        assert!(real_date(2000, 2, 29) && !real_date(1900, 2, 29) && !real_date(1985, 13, 1));
    }
}
