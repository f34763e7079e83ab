//! PHONE: phone and FAX numbers, Japanese (landline, mobile, 050, 0120/0800, +81) and international.
//!
//! Digit runs of the shared anchor pass. Japanese numbers are validated against the national
//! number patterns of the `phonenumbers` metadata for JP, compiled into one regex; other numbers (a
//! '+' prefix, or any number in English text) go through [`PhoneMeta::intl_valid`], the part of
//! `phonenumbers.parse` + `is_valid_number` that inputs of the anchor pass can reach (digits and
//! the separators of a run; no letters, no extension, nothing before the number). The metadata
//! comes from the installed `phonenumbers` package as the resource blob `"phone_metadata"` (see
//! `mamori/detect/core_engine.py: phone_metadata`); without it PHONE reports nothing. The label in
//! front decides the rest: a phone label raises the score, another number's label lowers it.

#[path = "phone_forms.rs"]
mod forms;

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use regex::{Regex, RegexBuilder};
use regex_automata::hybrid;
use regex_automata::util::{start, syntax};
use regex_automata::{Anchored, MatchKind};

use super::english_words::FxBuild;
use super::identifiers::recognizer_head;
use super::numbers::{
    is_unit, label_after, label_before, label_keywords, label_of, number_runs, runs_of, Run, MIN_SCORE,
};
use crate::document::{Document, Lang};
use crate::finding::Finding;
use crate::recognizer::{Keywords, Recognizer};

/// A metadata pattern, compiled on first use: anchored at both ends (fullmatch) or at the start (match).
struct Pat {
    src: String,
    full: OnceLock<Matcher>,
    starts: OnceLock<Matcher>,
    prefix: OnceLock<Option<Regex>>,
}

fn compile(p: &str) -> Option<Regex> {
    let build = |unicode: bool| RegexBuilder::new(p).unicode(unicode).size_limit(1 << 26).build();
    build(false).or_else(|_| build(true)).ok()
}

/// A yes/no test of a metadata pattern: a lazy DFA when one can be built, else the regex.
///
/// The lazy DFA (regex-automata's `hybrid`) keeps all matches (`MatchKind::All`), starts
/// anchored, and is walked byte by byte through its cache of the states seen so far: no per-search
/// setup (the meta regex spends ~230 instructions a call on it, more than the walk of a 10-digit
/// number) and no up-front determinisation of the long fixed-line/mobile patterns (a dense DFA of
/// each cost more than all the searches of a 2 MB corpus). Its answers equal the regex's: same
/// pattern, same syntax flags (ASCII `\d`; a pattern that needs Unicode keeps the regex), and
/// `MatchKind::All` makes "some match of the pattern ends here" independent of match priority.
/// Should the walk fail (a cache error, which the default configuration does not raise), the
/// regex answers.
enum Matcher {
    Lazy(Box<Lazy>),
    Regex(Regex),
    Never,
}

/// A lazy DFA, its cache, and the regex of the pattern for the (unexpected) failing walk.
struct Lazy {
    dfa: hybrid::dfa::DFA,
    cache: Mutex<hybrid::dfa::Cache>,
    regex: OnceLock<Option<Regex>>,
    src: String,
}

impl Matcher {
    /// `anchored_src` is the regex form (`^(?:src)$` or `^(?:src)`).
    fn new(src: &str, anchored_src: &str) -> Matcher {
        let dfa = hybrid::dfa::DFA::builder()
            .configure(hybrid::dfa::DFA::config().match_kind(MatchKind::All))
            .syntax(syntax::Config::new().unicode(false))
            .build(src);
        match dfa {
            Ok(dfa) => {
                let cache = Mutex::new(dfa.create_cache());
                Matcher::Lazy(Box::new(Lazy { dfa, cache, regex: OnceLock::new(), src: anchored_src.to_string() }))
            }
            Err(_) => compile(anchored_src).map_or(Matcher::Never, Matcher::Regex),
        }
    }

    /// Whether the pattern matches all of `s` (`whole`) or a prefix of it, the empty one included.
    fn test(&self, s: &str, whole: bool) -> bool {
        match self {
            Matcher::Lazy(lazy) => {
                let Lazy { dfa, cache, regex, src } = &**lazy;
                let walked = cache.lock().ok().and_then(|mut c| Self::walk(dfa, &mut c, s.as_bytes(), whole).ok());
                match walked {
                    Some(answer) => answer,
                    None => regex.get_or_init(|| compile(src)).as_ref().is_some_and(|r| r.is_match(s)),
                }
            }
            Matcher::Regex(r) => r.is_match(s),
            Matcher::Never => false,
        }
    }

    fn walk(
        dfa: &hybrid::dfa::DFA,
        cache: &mut hybrid::dfa::Cache,
        s: &[u8],
        whole: bool,
    ) -> Result<bool, Box<dyn std::error::Error>> {
        let mut st = dfa.start_state(cache, &start::Config::new().anchored(Anchored::Yes))?;
        for &b in s {
            st = dfa.next_state(cache, st, b)?;
            // a match state here: a match ended before this byte (the DFA reports one byte late)
            if !whole && st.is_match() {
                return Ok(true);
            }
            if st.is_dead() {
                return Ok(false);
            }
            if st.is_quit() {
                return Err("quit".into());
            }
        }
        Ok(dfa.next_eoi_state(cache, st)?.is_match())
    }
}

impl Pat {
    fn new(src: &str) -> Self {
        Pat { src: src.to_string(), full: OnceLock::new(), starts: OnceLock::new(), prefix: OnceLock::new() }
    }

    /// Python's `fullmatch(pattern, s)`.
    fn fullmatch(&self, s: &str) -> bool {
        self.full.get_or_init(|| Matcher::new(&self.src, &format!("^(?:{})$", self.src))).test(s, true)
    }

    /// Python's `pattern.match(s) is not None`.
    fn starts(&self, s: &str) -> bool {
        self.starts.get_or_init(|| Matcher::new(&self.src, &format!("^(?:{})", self.src))).test(s, false)
    }

    /// Python's `pattern.match(s)`, as a regex anchored at the start.
    fn prefix(&self) -> Option<&Regex> {
        self.prefix.get_or_init(|| compile(&format!("^(?:{})", self.src))).as_ref()
    }
}

struct Desc {
    pattern: Option<Pat>,
    lengths: Vec<i64>,
    local: Vec<i64>,
}

impl Desc {
    /// `_is_number_matching_desc`
    fn matches(&self, nsn: &str) -> bool {
        if !self.lengths.is_empty() && !self.lengths.contains(&(nsn.len() as i64)) {
            return false;
        }
        self.pattern.as_ref().is_some_and(|p| !p.src.is_empty() && p.fullmatch(nsn))
    }
}

const DESC_NAMES: [&str; 11] = [
    "general_desc",
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
    "mobile",
];
const GENERAL: usize = 0;
const MOBILE: usize = 10;

struct Meta {
    cc: u32,
    intl_prefix: Option<Pat>,
    np_parsing: Option<Pat>,
    transform: Option<String>,
    leading_digits: Option<Pat>,
    same_mobile_fixed: bool,
    descs: [Option<Desc>; 11],
}

#[derive(PartialEq, Eq)]
enum Length {
    Possible,
    LocalOnly,
    TooShort,
    TooLong,
    Invalid,
}

impl Meta {
    fn general_match(&self, s: &str) -> bool {
        self.descs[GENERAL]
            .as_ref()
            .and_then(|d| d.pattern.as_ref())
            .is_some_and(|p| !p.src.is_empty() && p.fullmatch(s))
    }

    /// `_number_type_helper(...) != UNKNOWN`
    fn known_type(&self, nsn: &str) -> bool {
        let m = |i: usize| self.descs[i].as_ref().is_some_and(|d| d.matches(nsn));
        if !m(GENERAL) {
            return false;
        }
        (1..MOBILE).any(m) || (!self.same_mobile_fixed && m(MOBILE))
    }

    /// `_test_number_length` for the unknown type (the general description's lengths).
    fn test_length(&self, number: &str) -> Length {
        let Some(d) = &self.descs[GENERAL] else {
            return Length::Invalid;
        };
        let n = number.len() as i64;
        if d.local.contains(&n) {
            return Length::LocalOnly;
        }
        let (Some(&min), Some(&max)) = (d.lengths.first(), d.lengths.last()) else {
            return Length::Invalid;
        };
        if min == n {
            Length::Possible
        } else if min > n {
            Length::TooShort
        } else if max < n {
            Length::TooLong
        } else if d.lengths[1..].contains(&n) {
            Length::Possible
        } else {
            Length::Invalid
        }
    }

    /// `_maybe_strip_national_prefix_carrier_code`: the number without its national prefix, when stripped.
    fn strip_national_prefix(&self, number: &str) -> String {
        let Some(np) = &self.np_parsing else {
            return number.to_string();
        };
        if number.is_empty() || np.src.is_empty() {
            return number.to_string();
        }
        // no match (most numbers): the regex's captures would be None
        if !np.starts(number) {
            return number.to_string();
        }
        let Some(re) = np.prefix() else {
            return number.to_string();
        };
        let Some(caps) = re.captures(number) else {
            return number.to_string();
        };
        let end = caps.get(0).map(|m| m.end()).unwrap_or(0);
        let viable = self.general_match(number);
        let groups = caps.len() - 1;
        let transform = self.transform.as_deref().filter(|t| !t.is_empty());
        match transform {
            Some(rule) if groups > 0 && caps.get(groups).is_some() => {
                let mut out = String::new();
                let mut it = rule.chars().peekable();
                while let Some(c) = it.next() {
                    if c == '\\' {
                        if let Some(d) = it.peek().and_then(|d| d.to_digit(10)) {
                            it.next();
                            out.push_str(caps.get(d as usize).map(|m| m.as_str()).unwrap_or(""));
                            continue;
                        }
                    }
                    out.push(c);
                }
                out.push_str(&number[end..]);
                if viable && !self.general_match(&out) {
                    return number.to_string();
                }
                out
            }
            _ => {
                let rest = &number[end..];
                if viable && !self.general_match(rest) {
                    return number.to_string();
                }
                rest.to_string()
            }
        }
    }
}

/// The `phonenumbers` metadata the phone rule needs (see `phone_metadata()` on the Python side).
pub struct PhoneMeta {
    metas: HashMap<String, Meta, FxBuild>,
    regions: HashMap<u32, Vec<String>, FxBuild>,
    jp: Option<Regex>,
}

fn opt(field: &str) -> Option<&str> {
    field.strip_prefix('=')
}

fn lengths(field: &str) -> Vec<i64> {
    field.split(',').filter_map(|x| x.trim().parse().ok()).collect()
}

impl PhoneMeta {
    /// Parse the blob; None when it is not the expected text.
    pub fn parse(blob: &[u8]) -> Option<Self> {
        let text = std::str::from_utf8(blob).ok()?;
        // the Fx hash: the keys are region codes of the metadata, and a number asks for up to ~25 of them
        let mut metas: HashMap<String, Meta, FxBuild> = HashMap::default();
        let mut regions: HashMap<u32, Vec<String>, FxBuild> = HashMap::default();
        let mut current: Option<String> = None;
        for line in text.split('\n') {
            let f: Vec<&str> = line.split('\t').collect();
            match f.first().copied() {
                Some("C") if f.len() >= 3 => {
                    let cc: u32 = f[1].parse().ok()?;
                    let list = f[2].split(',').filter(|r| !r.is_empty()).map(str::to_string).collect();
                    regions.insert(cc, list);
                }
                Some("M") if f.len() >= 8 => {
                    let meta = Meta {
                        cc: f[2].parse().ok()?,
                        intl_prefix: opt(f[3]).map(Pat::new),
                        np_parsing: opt(f[4]).map(Pat::new),
                        transform: opt(f[5]).map(str::to_string),
                        leading_digits: opt(f[6]).map(Pat::new),
                        same_mobile_fixed: f[7] == "1",
                        descs: Default::default(),
                    };
                    metas.insert(f[1].to_string(), meta);
                    current = Some(f[1].to_string());
                }
                Some("D") if f.len() >= 5 => {
                    let i = DESC_NAMES.iter().position(|n| *n == f[1])?;
                    let meta = metas.get_mut(current.as_ref()?)?;
                    meta.descs[i] =
                        Some(Desc { pattern: opt(f[2]).map(Pat::new), lengths: lengths(f[3]), local: lengths(f[4]) });
                }
                _ => {}
            }
        }
        // the Japanese national patterns: fixed, mobile, 050 IP, toll-free, UAN, premium, personal, pager
        let jp = metas.get("JP").and_then(|m| {
            let order = [9usize, 10, 4, 2, 7, 1, 5, 6];
            let parts: Vec<String> = order
                .iter()
                .filter_map(|&i| m.descs[i].as_ref()?.pattern.as_ref())
                .filter(|p| !p.src.is_empty())
                .map(|p| format!("(?:{})", p.src))
                .collect();
            compile(&format!("^(?:{})$", parts.join("|")))
        });
        Some(PhoneMeta { metas, regions, jp })
    }

    /// `PhoneMetadata.metadata_for_region_or_calling_code`
    fn meta_for(&self, cc: u32, region: &str) -> Option<&Meta> {
        if region == "001" {
            self.metas.get(&format!("001/{cc}"))
        } else {
            self.metas.get(region)
        }
    }

    /// `_extract_country_code`: (calling code, rest) or None.
    fn extract_cc<'s>(&self, number: &'s str) -> Option<(u32, &'s str)> {
        if number.is_empty() || number.starts_with('0') {
            return None;
        }
        for i in 1..=number.len().min(3) {
            if let Ok(cc) = number[..i].parse::<u32>() {
                if self.regions.contains_key(&cc) {
                    return Some((cc, &number[i..]));
                }
            }
        }
        None
    }

    /// `phonenumbers.parse(text, region)` then `is_valid_number`, for `text` = ('+' if `plus`) + `raw`
    /// where `raw` is a digit run (digits and the separators ' -ーｰ.()', a digit at each end).
    pub fn intl_valid(&self, raw: &[char], plus: bool, region: Option<&str>) -> bool {
        let digits: String = raw.iter().filter(|c| c.is_ascii_digit()).collect();
        let total = raw.len() + plus as usize;
        // _is_viable_phone_number (no letters, no extension can occur in a run)
        if raw.contains(&'ｰ') || !(digits.len() >= 3 || (total == 2 && digits.len() == 2)) {
            return false;
        }
        if region.is_none() && !plus {
            return false;
        }
        let meta = match region {
            Some(r) => match self.metas.get(r) {
                Some(m) => Some(m),
                None => return false,
            },
            None => None,
        };
        // _maybe_extract_country_code
        let mut cc: u32 = 0;
        let mut national = String::new();
        if plus {
            if digits.len() <= 2 {
                return false;
            }
            match self.extract_cc(&digits) {
                Some((c, rest)) => {
                    cc = c;
                    national = rest.to_string();
                }
                None => return false,
            }
        } else if let Some(m) = meta {
            let mut full: &str = &digits;
            let mut idd = false;
            if let Some(re) = m.intl_prefix.as_ref().filter(|p| p.starts(full)).and_then(|p| p.prefix()) {
                if let Some(x) = re.find(full) {
                    let after = &full[x.end()..];
                    if !after.starts_with('0') {
                        idd = true;
                        full = after;
                    }
                }
            }
            if idd {
                if full.len() <= 2 {
                    return false;
                }
                match self.extract_cc(full) {
                    Some((c, rest)) => {
                        cc = c;
                        national = rest.to_string();
                    }
                    None => return false,
                }
            } else {
                let cc_str = m.cc.to_string();
                if let Some(rest) = full.strip_prefix(cc_str.as_str()) {
                    let potential = m.strip_national_prefix(rest);
                    if (!m.general_match(full) && m.general_match(&potential)) || m.test_length(full) == Length::TooLong
                    {
                        cc = m.cc;
                        national = potential;
                    }
                }
            }
        }
        let mut meta = meta;
        if cc != 0 {
            let Some(number_region) = self.regions.get(&cc).and_then(|r| r.first()) else {
                return false;
            };
            if Some(number_region.as_str()) != region {
                meta = self.meta_for(cc, number_region);
                if meta.is_none() {
                    return false;
                }
            }
        } else {
            national = digits.clone();
            match meta {
                Some(m) => cc = m.cc,
                None => return false,
            }
        }
        if national.len() < 2 {
            return false;
        }
        if let Some(m) = meta {
            let potential = m.strip_national_prefix(&national);
            if !matches!(m.test_length(&potential), Length::TooShort | Length::LocalOnly | Length::Invalid) {
                national = potential;
            }
        }
        if national.len() < 2 || national.len() > 17 {
            return false;
        }
        self.valid_number(cc, &national)
    }

    /// `is_valid_number` of a parsed number (its national significant number is `nsn`).
    fn valid_number(&self, cc: u32, nsn: &str) -> bool {
        let Some(regions) = self.regions.get(&cc) else {
            return false;
        };
        let region = if regions.len() == 1 {
            Some(regions[0].as_str())
        } else {
            regions
                .iter()
                .find(|r| match self.metas.get(r.as_str()) {
                    None => false,
                    Some(m) => match &m.leading_digits {
                        Some(ld) => ld.starts(nsn),
                        None => m.known_type(nsn),
                    },
                })
                .map(String::as_str)
        };
        let Some(region) = region else {
            return false;
        };
        let Some(m) = self.meta_for(cc, region) else {
            return false;
        };
        if region != "001" && m.cc != cc {
            return false;
        }
        m.known_type(nsn)
    }

    /// A Japanese number written nationally ('0312345678', '09012345678', '0120123456').
    pub fn jp_valid(&self, national: &str) -> bool {
        let b = national.as_bytes();
        (10..=11).contains(&b.len())
            && b[0] == b'0'
            && b[1] != b'0'
            && self.jp.as_ref().is_some_and(|r| r.is_match(&national[1..]))
    }
}

/// A run written with one space between all its characters (letter-spaced print, as scanned forms
/// give it: "0 3 - 1 2 3 4 - 5 6 7 8"), without those spaces; None for any other run.
fn letter_spaced(raw: &[char]) -> Option<String> {
    if raw.len() < 5 || raw.len().is_multiple_of(2) {
        return None;
    }
    let spaced = raw.iter().enumerate().all(|(i, &c)| (c == ' ') == (i % 2 == 1));
    spaced.then(|| raw.iter().step_by(2).collect())
}

/// Shaped like a Japanese number even where the metadata knows no such exchange (new or rare ranges).
fn jp_shape(national: &str) -> bool {
    let b = national.as_bytes();
    if b.first() != Some(&b'0') || b.len() < 2 || b[1] == b'0' {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    (b.len() == 11 && ["070", "080", "090", "050", "020", "060"].iter().any(|p| national.starts_with(p)))
        || national.starts_with("0800")
}

/// Score of a Japanese number: valid per the metadata or only shaped like one; grouped or plain; its label.
fn jp_score(digits: &str, grouped: bool, label: Option<&str>, valid: bool) -> f64 {
    if grouped {
        return match label {
            Some("n.phone") => {
                if valid {
                    0.95
                } else {
                    0.9
                }
            }
            None => {
                if valid {
                    0.8
                } else {
                    0.6
                }
            }
            _ => {
                if valid {
                    0.4
                } else {
                    0.0
                }
            }
        };
    }
    match label {
        Some("n.phone") => {
            if valid {
                0.85
            } else {
                0.7
            }
        }
        None if valid => {
            let distinct = ["090", "080", "070", "0120", "0800"].iter().any(|p| digits.starts_with(p));
            if distinct {
                0.55
            } else {
                0.45
            }
        }
        _ => 0.0, // another number's label (会員番号, 注文番号 ...) or an unlabelled odd number
    }
}

const EN_REGIONS: [&str; 10] = ["US", "GB", "DE", "FR", "IN", "CA", "AU", "IE", "IL", "BR"];
const EN_REGIONS_BARE: [&str; 2] = ["US", "GB"];

pub struct Phone {
    meta: Option<PhoneMeta>,
    grouping: Regex,
    not_phone: Regex,
}

impl Phone {
    pub fn new(blob: Option<&[u8]>) -> Self {
        let grouping = Regex::new(
            r"^(?:0[0-9]{1,4}(?:\) ?|[ \-ーｰ.(])\(?[0-9]{1,4}\)?[ \-ーｰ.]?[0-9]{3,4}|0[0-9]{1,4}(?:\) ?|[ \-ーｰ.])[0-9]{6,8})$",
        )
        .expect("static pattern");
        let not_phone =
            Regex::new(r"^(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|(?:19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}(?: [0-9]{1,2})?)$")
                .expect("static pattern");
        Phone { meta: blob.and_then(PhoneMeta::parse), grouping, not_phone }
    }

    /// ` ?(?:x|ext\.? ?|#)[0-9]{1,5}(?![0-9])` (IGNORECASE) matched at `p`: its end.
    fn ext_end(chars: &[char], p: usize) -> Option<usize> {
        let at = |i: usize| chars.get(i).copied();
        let mut starts = Vec::new();
        if at(p) == Some(' ') {
            starts.push(p + 1);
        }
        starts.push(p);
        for s in starts {
            let mut bodies: Vec<usize> = Vec::new();
            if matches!(at(s), Some('x' | 'X')) {
                bodies.push(s + 1);
            }
            let e = |i: usize, l: char| at(i).is_some_and(|c| c.to_ascii_lowercase() == l);
            if e(s, 'e') && e(s + 1, 'x') && e(s + 2, 't') {
                let q = s + 3;
                for a in if at(q) == Some('.') { vec![q + 1, q] } else { vec![q] } {
                    for b in if at(a) == Some(' ') { vec![a + 1, a] } else { vec![a] } {
                        bodies.push(b);
                    }
                }
            }
            if at(s) == Some('#') {
                bodies.push(s + 1);
            }
            for b in bodies {
                let mut k = 0;
                while k < 5 && at(b + k).is_some_and(|c| c.is_ascii_digit()) {
                    k += 1;
                }
                // greedy digits, then the look-ahead: only the longest can pass
                if k >= 1 && !at(b + k).is_some_and(|c| c.is_ascii_digit()) {
                    return Some(b + k);
                }
            }
        }
        None
    }

    fn judge(&self, meta: &PhoneMeta, doc: &Document, run: &Run, en: bool) -> Option<Finding> {
        let norm = &doc.norm.chars;
        let (mut start, mut end) = (run.start, run.end);
        let raw = run.raw(doc);
        let digits = run.digits.as_str();
        let prev = if start > 0 { Some(norm[start - 1]) } else { None };
        let plus = prev == Some('+');
        if (prev == Some('(') && raw.iter().take(6).any(|&c| c == ')')) || plus {
            start -= 1;
        } else if let Some(p) = prev.filter(|c| c.is_ascii_alphanumeric()) {
            if p.is_ascii_digit() || label_before(doc, start, &["n.phone"], 6, false).is_none() {
                return None;
            }
        }
        let nxt = norm.get(end).copied();
        if nxt.is_some_and(is_unit) {
            return None;
        }
        if nxt.is_some_and(|c| c.is_ascii_alphanumeric()) {
            end = Self::ext_end(norm, end)?;
        }
        let national: Option<String> = if plus && digits.starts_with("81") {
            let rest = &digits[2..];
            Some(if rest.starts_with('0') { rest.to_string() } else { format!("0{rest}") })
        } else if !plus && digits.starts_with('0') {
            Some(digits.to_string())
        } else {
            None
        };
        let jp = national.as_deref().is_some_and(|x| meta.jp_valid(x));
        let loose = !jp && national.as_deref().is_some_and(jp_shape);
        if !(jp || loose || plus || en) {
            return None;
        }
        let mut group = label_of(doc, start);
        if group.is_none() && en && label_after(doc, end, &["n.phone_after"], 3).is_some() {
            group = Some("n.phone");
        }
        let sep = raw.len() > digits.len();
        if (jp || loose) && !en {
            let grouped = sep
                && (plus
                    || self.grouping.is_match(doc.norm.slice(run.start, run.end))
                    || letter_spaced(raw).is_some_and(|s| self.grouping.is_match(&s)));
            let score = jp_score(digits, grouped, group, jp);
            if score < MIN_SCORE {
                return None;
            }
            return Some(Finding::new("PHONE", start, end, score, "phone").with_subtype("JP"));
        }
        // international / English
        if digits.len() < 7 || digits.len() > 15 || self.not_phone.is_match(doc.norm.slice(run.start, run.end)) {
            return None;
        }
        let valid = if plus {
            meta.intl_valid(raw, true, None)
        } else if jp {
            true
        } else if !en {
            return None;
        } else {
            let regions: &[&str] = if group == Some("n.phone") { &EN_REGIONS } else { &EN_REGIONS_BARE };
            regions.iter().any(|r| meta.intl_valid(raw, false, Some(r)))
        };
        let score = match group {
            Some("n.phone") => {
                if valid {
                    0.9
                } else if sep || digits.len() >= 9 {
                    0.7
                } else {
                    0.0
                }
            }
            None => {
                let mut s = if valid {
                    if sep || plus {
                        0.75
                    } else {
                        0.5
                    }
                } else {
                    0.3
                };
                if !en {
                    s -= 0.2;
                }
                s
            }
            _ => {
                if valid {
                    0.3
                } else {
                    0.0
                }
            }
        };
        if score < MIN_SCORE {
            return None;
        }
        Some(Finding::new("PHONE", start, end, score, "phone"))
    }
}

impl Recognizer for Phone {
    recognizer_head!("phone", "PHONE");

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(meta) = &self.meta else {
            return;
        };
        let norm = &doc.norm.chars;
        let en = doc.lang == Lang::En;
        let runs = number_runs(doc);
        let lengths = if en { 7..16 } else { 10..16 };
        for run in runs_of(runs, lengths) {
            if !en && run.digits.len() > 11 && (run.start == 0 || norm[run.start - 1] != '+') {
                continue;
            }
            if let Some(f) = self.judge(meta, doc, run, en) {
                out.push(f);
            }
        }
        if !en {
            forms::find(doc, |d| meta.jp_valid(d) || jp_shape(d), out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(Phone::ext_end(&c(" ext. 123 x"), 0), Some(9));
        assert_eq!(Phone::ext_end(&c("x12345"), 0), Some(6));
        assert_eq!(Phone::ext_end(&c("x123456"), 0), None);
        assert_eq!(Phone::ext_end(&c("#7"), 0), Some(2));
        assert_eq!(Phone::ext_end(&c("EXT12"), 0), Some(5));
        assert_eq!(Phone::ext_end(&c("A1"), 0), None);
    }

    #[test]
    fn japanese_shapes_and_scores() {
        assert!(jp_shape("0312345678") && jp_shape("09012345678") && jp_shape("08001234567890"));
        assert!(!jp_shape("0012345678") && !jp_shape("03123456789") && !jp_shape("0"));
        assert_eq!(jp_score("0312345678", true, Some("n.phone"), true), 0.95);
        assert_eq!(jp_score("09012345678", false, None, true), 0.55);
        assert_eq!(jp_score("0312345678", false, Some("n.other"), true), 0.0);
    }

    #[test]
    fn letter_spaced_runs() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(letter_spaced(&c("0 3 - 1 2 3 4 - 5 6 7 8")).as_deref(), Some("03-1234-5678"));
        assert_eq!(letter_spaced(&c("03 1234 5678")), None);
        assert_eq!(letter_spaced(&c("0 3  1 2")), None);
    }

    #[test]
    fn metadata_blob() {
        let blob = "C\t81\tJP\nM\tJP\t81\t=010\t=0\t\t\t0\nD\tgeneral_desc\t=[1-9]\\d{8,9}\t9,10\t\nD\tfixed_line\t=3\\d{8}\t9\t";
        let m = PhoneMeta::parse(blob.as_bytes()).expect("blob");
        assert!(m.jp_valid("0312345678"));
        assert!(!m.jp_valid("0412345678"));
        let raw: Vec<char> = "81 3 1234 5678".chars().collect();
        assert!(m.intl_valid(&raw, true, None));
        let raw: Vec<char> = "44 3 1234 5678".chars().collect();
        assert!(!m.intl_valid(&raw, true, None));
        assert!(PhoneMeta::parse(b"\xff").is_none());
    }
}

/// The lazy DFAs answer as the regexes did, over every pattern of the metadata and the numbers of
/// the corpora. The full metadata and corpora are outside the repository: set
/// `MAMORI_PHONE_META=<phone_metadata.bin>` and `MAMORI_PHONE_CORPUS=<file>[:<file>...]` (texts
/// separated by NUL, as the throughput example reads them); without them the test runs on a small
/// blob. Random digit strings (fixed seed) are added either way.
#[cfg(test)]
mod sameness {
    use super::*;
    use std::collections::HashSet;

    fn patterns(meta: &PhoneMeta) -> Vec<&Pat> {
        let mut out = Vec::new();
        for m in meta.metas.values() {
            out.extend(m.intl_prefix.iter().chain(&m.np_parsing).chain(&m.leading_digits));
            out.extend(m.descs.iter().flatten().filter_map(|d| d.pattern.as_ref()));
        }
        out
    }

    /// The digits of each run of digits and separators, and the run without its first 1-3 digits
    /// (a number after its calling code).
    fn numbers(text: &str, into: &mut HashSet<String>) {
        let mut digits = String::new();
        for c in text.chars().chain(std::iter::once('\n')) {
            if c.is_ascii_digit() {
                digits.push(c);
            } else if !" -.()".contains(c) {
                if digits.len() >= 2 {
                    for cut in 0..=3.min(digits.len()) {
                        into.insert(digits[cut..].to_string());
                    }
                }
                digits.clear();
            }
        }
    }

    #[test]
    fn lazy_dfa_answers_as_the_regex() {
        let small = "C\t81\tJP\nM\tJP\t81\t=010\t=0\t\t=[1-9]|0(?:1|2)3\t0\nD\tgeneral_desc\t=[1-9]\\d{8,9}\t9,10\t\nD\tfixed_line\t=3\\d{8}|(?:4|45)6\\d{6}\t9\t";
        let blob = std::env::var("MAMORI_PHONE_META")
            .ok()
            .map(|p| std::fs::read(p).expect("MAMORI_PHONE_META"))
            .unwrap_or_else(|| small.as_bytes().to_vec());
        let meta = PhoneMeta::parse(&blob).expect("blob");
        let mut inputs: HashSet<String> = HashSet::new();
        for path in std::env::var("MAMORI_PHONE_CORPUS").unwrap_or_default().split(':').filter(|p| !p.is_empty()) {
            let text = std::fs::read(path).expect("MAMORI_PHONE_CORPUS");
            numbers(&String::from_utf8_lossy(&text), &mut inputs);
        }
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 18) as usize;
            inputs.insert((0..len).map(|i| char::from(b'0' + ((seed >> (3 * i)) % 10) as u8)).collect());
        }
        let mut inputs: Vec<String> = inputs.into_iter().collect();
        inputs.sort();
        let (mut checked, mut lazy) = (0usize, 0usize);
        for p in patterns(&meta) {
            let full_re = compile(&format!("^(?:{})$", p.src));
            let start_re = compile(&format!("^(?:{})", p.src));
            p.fullmatch("");
            lazy += matches!(p.full.get(), Some(Matcher::Lazy(_))) as usize;
            for s in &inputs {
                let re = |r: &Option<Regex>| r.as_ref().is_some_and(|r| r.is_match(s));
                assert_eq!(p.fullmatch(s), re(&full_re), "fullmatch {:?} {s}", p.src);
                assert_eq!(p.starts(s), re(&start_re), "match {:?} {s}", p.src);
                checked += 1;
            }
        }
        assert!(lazy > 0 && checked >= inputs.len());
        eprintln!("{checked} pattern/number pairs, {} numbers, {lazy} lazy DFAs", inputs.len());
    }
}
