//! English PERSON, ORGANIZATION and LOCATION, by rules and lexicons (no statistical model).
//!
//! One scan finds runs of capitalised words ("Faina D. Yefremova", "Microbilt Corporation",
//! "New Zealand"); each run is read token by token against the lexicons of
//! [`super::english_words`] (given names, surnames, places, common English words that keep "Will",
//! "May", "Bill" out):
//!
//! * ORGANIZATION: a run ending in a legal form or an organisation word (Inc, LLC, Ltd, Group,
//!   Bank, University...), or an unknown name after "work for", "from"...; the line under a signed
//!   name; "Marshall, Hernandez and Simpson";
//! * LOCATION: a known country, state or city, more surely after "in", "from", "to"; an unknown name
//!   after a travel cue ("I am in X"); a town on the line above its country;
//! * PERSON: given name + surname, given name + unknown word, a known name alone, any capitalised
//!   run after a cue (Mr./Ms./Dr., "my name is", "Dear", "Hi"); a part of a name found in full is
//!   found alone later; a lower-case name right after "my name is".
//!
//! The Python rules' regular expressions are hand-written scans here with the ends Python's `re`
//! gives; character tests go through [`crate::pystr`] (Python's Unicode semantics).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use memchr::memmem;

use crate::document::{Document, Lang};
use crate::finding::Finding;
use crate::pystr::{self, is_letter, is_word, split_ws, str_islower, str_isupper};
use crate::recognizer::Recognizer;
use crate::recognizers::english_words::{is_upper_class, lexicons, FxBuild, Lexicons, PARTICLES};

mod latin_blocks;
mod latin_cells;

const NAME: &str = "english_names";

const NOT_NAME: &str = "street road avenue lane drive city state country county town village square park suite apt
    boulevard place terrace court way hill club center centre hotel station airport university college
    school hospital church museum orchestra band tales weekly news times tv radio";
const TITLES: &str =
    "mr mrs ms miss mx dr prof professor sir madam dame lady lord rev capt captain sgt princess prince";
const ROLES: &str =
    "producer director singer songwriter author writer president chairman chairwoman ceo founder manager
    professor senator governor mayor minister judge officer detective agent coach captain chef doctor nurse
    pastor father brother sister uncle aunt cousin grandma grandpa nanny guitarist drummer actor actress";
const VENUES: &str = "country club hotel restaurant cafe bar airport stadium arena theatre theater museum mall";
const GREETINGS: &str = "dear hi hello hey thanks thank";
const LEGAL_FORMS: &str =
    "inc incorporated llc l.l.c ltd limited corp corporation co plc gmbh ag s.a nv bv oy ab srl spa pty llp";
const ORG_SUFFIXES: &str =
    "inc inc. incorporated llc l.l.c. ltd ltd. limited corp corp. corporation co co. company plc gmbh ag sa
    s.a. nv bv oy ab as srl spa pty lp llp group holdings bank university college institute foundation
    association society partners technologies technology systems solutions research insurance capital
    software consulting services markets labs laboratories industries enterprises ventures agency
    analytics networks media entertainment pharmaceuticals energy motors airlines financial trust fund
    council committee ministry department";
const ABBREVIATIONS: &str = "mrs prof capt inc ltd corp co str ave blvd apt l.l.c s.a";

const STRONG_PERSON_CUES: &[&str] = &[
    "my name is",
    "name is",
    "name:",
    "called",
    "named",
    "call me",
    "user:",
    "name?",
    "i am",
    "i'm",
    "to:",
    "from:",
    "cc:",
    "attn:",
    "attention:",
    "contact:",
    "signed:",
];
const PERSON_CUES_BEFORE: &[&str] = &[
    "said",
    "says",
    "signed",
    "regards,",
    "sincerely,",
    "thanks,",
    "by",
    "with",
    "under",
    "to",
    "speak to",
    "talk to",
    "contact",
    "add",
    "meet",
    "producer",
    "directed by",
    "starring",
    "assistant to",
    "kid",
    "son",
    "daughter",
    "wife",
    "husband",
    "partner's name",
    "and",
];
const LOCATION_CUES_BEFORE: &[&str] = &[
    "live in",
    "lives in",
    "lived in",
    "living in",
    "born in",
    "based in",
    "located in",
    "moved to",
    "moved here from",
    "move to",
    "moving to",
    "travel to",
    "travelling to",
    "traveling to",
    "flew to",
    "fly to",
    "flying to",
    "trip to",
    "visit",
    "visiting",
    "visited",
    "arrived at",
    "arrived in",
    "originally from",
    "i am in",
    "i'm in",
    "we are in",
    "city of",
    "back to",
    "returned to",
    "the streets of",
    "home city",
    "capital of",
    "near",
    "where:",
    "year in",
    "world to",
    "tribute here to the",
    "university of",
];
const ORG_CUES_BEFORE: &[&str] = &[
    "work for",
    "works for",
    "worked for",
    "working for",
    "work at",
    "works at",
    "worked at",
    "employed by",
    "employee of",
    "joined",
    "ceo of",
    "founder of",
    "the company",
    "recorded for",
    "is from",
    "year at",
    "within the",
    "became",
];
const PERSON_AFTER_WORDS: &[&str] = &[
    "said",
    "says",
    "shouted",
    "asked",
    "replied",
    "told",
    "wrote",
    "explained",
    "lives",
    "lived",
    "began",
    "spent",
    "listed",
    "had",
    "has",
    "just",
    "is very",
    "is from",
    "was born",
    "was influenced",
    "speak",
    "concert",
    "novel",
    "version",
    "as guardian",
];
const ORG_AFTER_WORDS: &[&str] =
    &["office", "offices", "headquarters", "employees", "staff", "songwriter", "resignation", "is the brainchild"];
const ORG_KIND_WORDS: &[&str] = &[
    "company",
    "agency",
    "firm",
    "startup",
    "start-up",
    "non-profit",
    "nonprofit",
    "organisation",
    "organization",
    "corporation",
    "brand",
    "bank",
    "charity",
    "501(c)3",
    "manufacturer",
    "retailer",
    "provider",
    "platform",
];
/// Endings that mark a word as a surname in many languages (Kowalski, Ivanova, Petrović, Andersson).
const SURNAME_ENDINGS: &[&str] = &[
    "ov", "ova", "ev", "eva", "ski", "ska", "sky", "ský", "ská", "ić", "vić", "vic", "sson", "sen", "dóttir", "dottir",
    "escu", "enko", "yan", "idis", "poulos", "akis", "shvili", "dze", "ová", "ini", "elli", "etti", "ez", "ides",
    "oglu", "oğlu", "mann", "berg", "stein",
];

/// What a key is, as bits of one word: a single hash lookup answers every word-list question the
/// rules ask about a token, a phrase of tokens or the words before a run.
mod class {
    pub const GIVEN: u32 = 1;
    pub const SURNAME: u32 = 1 << 1;
    /// Common English words, stop words and [`super::NOT_NAME`] (the recognizer's `common`).
    pub const COMMON: u32 = 1 << 2;
    pub const STOP: u32 = 1 << 3;
    /// Names that are also English words ("Love", "Reed").
    pub const AMBIGUOUS: u32 = 1 << 4;
    /// A key of the place lexicon.
    pub const PLACE: u32 = 1 << 5;
    /// A place with a kind.
    pub const PLACE_KIND: u32 = 1 << 6;
    /// A country or a state.
    pub const PLACE_CS: u32 = 1 << 7;
    pub const NOT_NAME_WORD: u32 = 1 << 8;
    pub const TITLE: u32 = 1 << 9;
    pub const ROLE: u32 = 1 << 10;
    pub const VENUE: u32 = 1 << 11;
    pub const GREETING: u32 = 1 << 12;
    pub const LEGAL_FORM: u32 = 1 << 13;
    pub const ORG_SUFFIX: u32 = 1 << 14;
    pub const ABBREVIATION: u32 = 1 << 15;
    pub const STRONG_PERSON_CUE: u32 = 1 << 16;
    pub const PERSON_CUE: u32 = 1 << 17;
    pub const LOCATION_CUE: u32 = 1 << 18;
    pub const ORG_CUE: u32 = 1 << 19;
}

/// PERSON, ORGANIZATION and LOCATION in English text from capitalised runs, lexicons and cues.
pub struct EnglishNameRecognizer {
    lex: &'static Lexicons,
    /// Every word list of the rules in one map: key -> [`class`] bits.
    classes: HashMap<&'static str, u32, FxBuild>,
}

impl EnglishNameRecognizer {
    pub fn new() -> Self {
        use class::*;
        let lex = lexicons();
        let mut classes: HashMap<&'static str, u32, FxBuild> = HashMap::default();
        let mut add = |ws: &mut dyn Iterator<Item = &'static str>, bit: u32| {
            for w in ws {
                *classes.entry(w).or_insert(0) |= bit;
            }
        };
        add(&mut lex.given.iter().copied(), GIVEN);
        add(&mut lex.surnames.iter().copied(), SURNAME);
        add(&mut lex.common.iter().copied(), COMMON);
        add(&mut lex.stop_words.iter().copied(), STOP | COMMON);
        add(&mut NOT_NAME.split_whitespace(), NOT_NAME_WORD | COMMON);
        add(&mut lex.name_words.iter().copied(), AMBIGUOUS);
        for (&place, &kind) in &lex.places {
            let mut bits = PLACE;
            if !kind.is_empty() {
                bits |= PLACE_KIND;
                if "CS".contains(kind) {
                    bits |= PLACE_CS;
                }
            }
            add(&mut std::iter::once(place), bits);
        }
        add(&mut TITLES.split_whitespace(), TITLE);
        add(&mut ROLES.split_whitespace(), ROLE);
        add(&mut VENUES.split_whitespace(), VENUE);
        add(&mut GREETINGS.split_whitespace(), GREETING);
        add(&mut LEGAL_FORMS.split_whitespace(), LEGAL_FORM);
        add(&mut ORG_SUFFIXES.split_whitespace(), ORG_SUFFIX);
        add(&mut ABBREVIATIONS.split_whitespace(), ABBREVIATION);
        add(&mut STRONG_PERSON_CUES.iter().copied(), STRONG_PERSON_CUE);
        add(&mut PERSON_CUES_BEFORE.iter().copied(), PERSON_CUE);
        add(&mut LOCATION_CUES_BEFORE.iter().copied(), LOCATION_CUE);
        add(&mut ORG_CUES_BEFORE.iter().copied(), ORG_CUE);
        EnglishNameRecognizer { lex, classes }
    }

    /// The [`class`] bits of `key` (0 for a word of no list).
    #[inline]
    fn class(&self, key: &str) -> u32 {
        self.classes.get(key).copied().unwrap_or(0)
    }
}

impl Default for EnglishNameRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

// ---- scanning helpers -------------------------------------------------------------------------

#[inline]
fn is(t: &[char], i: usize, f: impl Fn(char) -> bool) -> bool {
    t.get(i).is_some_and(|&c| f(c))
}

#[inline]
fn blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

#[inline]
fn apos(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn starts_with(t: &[char], i: usize, w: &str) -> bool {
    pystr::match_lit(t, i, w).is_some()
}

/// `w` occurs at `i` of `t` and is followed by a non-word character or the end (`w\b`; `w` ends
/// in a word character).
fn word_at(t: &[char], i: usize, w: &str) -> bool {
    match pystr::match_lit(t, i, w) {
        Some(e) => !is(t, e, is_word),
        None => false,
    }
}

/// _TOKEN `[UPPER](?:[^\W_]|['\u2019](?=[^\W\d_])|-(?=[^\W\d_])){0,30}\.?` at `i`: its end.
fn token(t: &[char], i: usize) -> Option<usize> {
    if !is(t, i, is_upper_class) {
        return None;
    }
    let mut j = i + 1;
    for _ in 0..30 {
        if is(t, j, pystr::is_alnum) || (is(t, j, |c| apos(c) || c == '-') && is(t, j + 1, is_letter)) {
            j += 1;
        } else {
            break;
        }
    }
    if t.get(j) == Some(&'.') {
        j += 1;
    }
    Some(j)
}

/// _RUN_RE at `p` (its look-behind checked by the caller): capitalised tokens with one or two
/// blanks and up to two name particles between them, at most seven tokens.
fn run_at(t: &[char], p: usize) -> Option<usize> {
    let mut end = token(t, p)?;
    for _ in 0..6 {
        let b = t[end.min(t.len())..].iter().take(2).take_while(|&&c| blank(c)).count();
        if b == 0 {
            break;
        }
        let mut j = end + b;
        for _ in 0..2 {
            // every particle begins with one of these letters
            if !is(t, j, |c| matches!(c, 'v' | 'd' | 'l' | 't' | 'b' | 'a' | 'y')) {
                break;
            }
            match PARTICLES.iter().find_map(|w| pystr::match_lit(t, j, w).filter(|&e| is(t, e, blank))) {
                Some(e) => j = e + 1,
                None => break,
            }
        }
        match token(t, j) {
            Some(e) => end = e,
            None => break,
        }
    }
    Some(end)
}

/// The last one, two, three and four words before `pos` on its line (lower-cased, single-spaced):
/// the suffixes of one string of the last four words, shortest first.
struct Prev<'a> {
    s: &'a str,
    starts: [usize; 4],
    n: usize,
}

impl Prev<'_> {
    fn iter(&self) -> impl Iterator<Item = &str> {
        self.starts[..self.n].iter().map(|&a| &self.s[a..])
    }

    fn first(&self) -> Option<&str> {
        self.iter().next()
    }
}

/// `buf`: the string of the words (cleared first).
fn prev_words<'a>(lower: &[char], pos: usize, buf: &'a mut String) -> Prev<'a> {
    let lo = pos.saturating_sub(40);
    let mut window = &lower[lo..pos];
    if let Some(nl) = window.iter().rposition(|&c| c == '\n') {
        window = &window[nl + 1..];
    }
    // `_WORD_RE.findall(window)`: `[\w'\u2019]{1,40}[?:,]?`, keeping the last four. The window is at
    // most 40 code points, so its words are the maximal runs, read here from the end.
    let w = window;
    let mut last = [(0usize, 0usize); 4]; // the last word first
    let mut n = 0usize;
    let mut i = w.len();
    while i > 0 && n < 4 {
        if !(is_word(w[i - 1]) || apos(w[i - 1])) {
            i -= 1;
            continue;
        }
        let e = i;
        while i > 0 && (is_word(w[i - 1]) || apos(w[i - 1])) {
            i -= 1;
        }
        let end = if e < w.len() && matches!(w[e], '?' | ':' | ',') { e + 1 } else { e };
        last[n] = (i, end);
        n += 1;
    }
    buf.clear();
    let mut starts = [0usize; 4];
    for k in 0..n {
        let (a, b) = last[n - 1 - k];
        if k > 0 {
            buf.push(' ');
        }
        starts[k] = buf.len();
        buf.extend(&window[a..b]);
    }
    // shortest first: the last word alone, then the last two...
    let mut out = Prev { s: buf.as_str(), starts: [0; 4], n };
    for k in 0..n {
        out.starts[k] = starts[n - 1 - k];
    }
    out
}

fn sentence_initial(t: &[char], pos: usize) -> bool {
    let mut i = pos;
    while i > 0 && " \t\"'(\u{201c}\u{2018}*->?".contains(t[i - 1]) {
        i -= 1;
    }
    i == 0 || ".!?:\n\r;".contains(t[i - 1])
}

/// The run fills its line (apart from quoting marks such as '>' and spaces).
fn line_alone(t: &[char], start: usize, end: usize) -> bool {
    let mut i = start;
    while i > 0 && " \t>?*-|".contains(t[i - 1]) {
        i -= 1;
    }
    if i > 0 && t[i - 1] != '\n' {
        return false;
    }
    let mut j = end;
    while j < t.len() && blank(t[j]) {
        j += 1;
    }
    j >= t.len() || t[j] == '\r' || t[j] == '\n'
}

/// Drop a possessive 's or a sentence-final full stop from the end of a name.
fn trim(t: &[char], start: usize, end: usize) -> usize {
    if end >= start + 2 && t[end - 1] == 's' && apos(t[end - 2]) {
        return end - 2;
    }
    if end - start > 2 && t[end - 1] == '.' && t[end - 3] != ' ' && t[end - 2] != '.' {
        return end - 1;
    }
    end
}

/// [`pystr::lower_into`], with a short way for ASCII tokens (nearly all of them): the bytes
/// lower-cased in a buffer and appended at once.
#[inline]
fn lower_into(tok: &[char], s: &mut String) {
    let mut buf = [0u8; 48];
    if tok.len() <= buf.len() {
        let mut any = 0u32;
        for (b, &c) in buf.iter_mut().zip(tok) {
            any |= c as u32;
            *b = (c as u8).to_ascii_lowercase();
        }
        if any < 0x80 {
            if let Ok(lower) = std::str::from_utf8(&buf[..tok.len()]) {
                s.push_str(lower);
                return;
            }
        }
    }
    pystr::lower_into(tok, s);
}

/// `_norm`: lower-cased, trailing dots and a possessive 's dropped.
fn norm(tok: &[char]) -> String {
    let mut s = String::with_capacity(tok.len());
    norm_into(tok, &mut s);
    s
}

/// [`norm`] into `s` (cleared first), for a key only looked up (no allocation once `s` has grown).
fn norm_into<'s>(tok: &[char], s: &'s mut String) -> &'s str {
    s.clear();
    push_norm(tok, s);
    s
}

/// [`norm`] of `tok` appended to `s`.
fn push_norm(tok: &[char], s: &mut String) {
    let st = s.len();
    lower_into(tok, s);
    let n = st + s[st..].trim_end_matches('.').len();
    s.truncate(n);
    let k = &s.as_bytes()[st..];
    if k.len() >= 2 && k[k.len() - 2..] == *b"'s" {
        s.truncate(s.len() - 2);
    } else if k.len() >= 4 && k[k.len() - 4..] == *"\u{2019}s".as_bytes() {
        s.truncate(s.len() - 4);
    }
}

fn is_initial(tok: &[char]) -> bool {
    tok.len() <= 2 && tok.first().is_some_and(|&c| pystr::is_upper(c)) && (tok.len() == 1 || tok[1] == '.')
}

/// _CAMEL_RE `[^\W\d_][a-z][A-Z]` anywhere in `tok`.
fn camel(tok: &[char]) -> bool {
    tok.windows(3).any(|w| is_letter(w[0]) && w[1].is_ascii_lowercase() && w[2].is_ascii_uppercase())
}

/// _PERSON_AFTER_RE matches at the start of `a`.
fn person_after(a: &[char]) -> bool {
    let mut j = 0;
    if a.len() >= 2 && apos(a[0]) && a[1] == 's' {
        j = 2;
    }
    let b = a[j..].iter().take(2).take_while(|&&c| blank(c) || c == ',').count();
    b > 0 && is(a, j + b, |c| c.is_ascii_lowercase()) && PERSON_AFTER_WORDS.iter().any(|w| word_at(a, j + b, w))
}

/// _ORG_AFTER_RE matches at the start of `a`.
fn org_after(a: &[char]) -> bool {
    let b = a.iter().take(2).take_while(|&&c| blank(c)).count();
    if b == 0 {
        return false;
    }
    let j = b;
    if !is(a, j, |c| c.is_ascii_lowercase()) {
        return false; // each word below, and "is a", is in lower-case ASCII
    }
    if ORG_AFTER_WORDS.iter().any(|w| word_at(a, j, w)) {
        return true;
    }
    // is a (?:[\w-]{1,20} ){0,3}(?:company|...)\b
    let Some(mut k) = pystr::match_lit(a, j, "is a ") else { return false };
    for i in 0..=3 {
        if ORG_KIND_WORDS.iter().any(|w| word_at(a, k, w)) {
            return true;
        }
        if i == 3 {
            break;
        }
        let r = a[k..].iter().take(21).take_while(|&&c| is_word(c) || c == '-').count();
        if (1..=20).contains(&r) && a.get(k + r) == Some(&' ') {
            k += r + 1;
        } else {
            break;
        }
    }
    false
}

/// One run of tokens: the token (the part without its tabs) and the part's span.
#[derive(Clone, Copy)]
struct Run<'a> {
    toks: &'a [(usize, usize)],
    spans: &'a [(usize, usize)],
}

/// The runs of one capitalised match, one after another (reused from match to match).
#[derive(Default)]
struct Runs {
    toks: Vec<(usize, usize)>,
    spans: Vec<(usize, usize)>,
    /// The end (in `toks`) of each run.
    ends: Vec<usize>,
}

impl Runs {
    fn get(&self, k: usize) -> Run<'_> {
        let a = if k == 0 { 0 } else { self.ends[k - 1] };
        let b = self.ends[k];
        Run { toks: &self.toks[a..b], spans: &self.spans[a..b] }
    }
}

/// The keys (`_norm`) of a run's tokens, written one after another with a space between, so that
/// the phrase of tokens in a row (`" ".join(keys[i:j])`) is a slice; and each key's class bits.
#[derive(Default)]
struct Keys {
    s: String,
    r: Vec<(usize, usize)>,
    f: Vec<u32>,
}

impl Keys {
    fn fill(&mut self, rec: &EnglishNameRecognizer, t: &[char], toks: &[(usize, usize)]) {
        self.s.clear();
        self.r.clear();
        self.f.clear();
        for (i, &(a, b)) in toks.iter().enumerate() {
            if i > 0 {
                self.s.push(' ');
            }
            let st = self.s.len();
            push_norm(&t[a..b], &mut self.s);
            self.r.push((st, self.s.len()));
            self.f.push(rec.class(&self.s[st..]));
        }
    }

    #[inline]
    fn key(&self, i: usize) -> &str {
        let (a, b) = self.r[i];
        &self.s[a..b]
    }

    /// Keys `i..j` joined by spaces.
    #[inline]
    fn phrase(&self, i: usize, j: usize) -> &str {
        &self.s[self.r[i].0..self.r[j - 1].1]
    }
}

impl EnglishNameRecognizer {
    /// The class bits of the words before a run: any of its last one to four words.
    fn prev_class(&self, prev: &Prev) -> u32 {
        prev.iter().fold(0, |a, p| a | self.class(p))
    }

    /// Tokens of a run; a possessive ("Ström's Cautionary Tales") ends a run.
    fn split_run(&self, t: &[char], start: usize, end: usize, runs: &mut Runs, buf: &mut String) {
        runs.toks.clear();
        runs.spans.clear();
        runs.ends.clear();
        let mut i = start;
        let seg = &t[start..end];
        for part in seg.split(|&c| c == ' ') {
            let n = part.len();
            if n > 0 && !str_islower(part) {
                let a = part.iter().take_while(|&&c| c == '\t').count();
                let b = n - part.iter().rev().take_while(|&&c| c == '\t').count();
                let (ts, te) = if a >= b { (i, i) } else { (i + a, i + b) };
                runs.toks.push((ts, te));
                runs.spans.push((i, i + n));
                let poss = n >= 2 && part[n - 1] == 's' && apos(part[n - 2]);
                if poss || (part[n - 1] == '.' && n > 3 && !self.is_abbrev(&part[..n - 1], buf)) {
                    runs.ends.push(runs.toks.len());
                }
            }
            i += n + 1;
        }
        if runs.ends.last().copied().unwrap_or(0) < runs.toks.len() {
            runs.ends.push(runs.toks.len());
        }
    }

    fn is_abbrev(&self, part: &[char], buf: &mut String) -> bool {
        buf.clear();
        lower_into(part, buf);
        self.class(buf) & class::ABBREVIATION != 0
    }

    fn country_line_after(&self, t: &[char], end: usize) -> bool {
        let hi = (end + 8).min(t.len());
        let Some(nl) = t.get(end..hi).and_then(|w| w.iter().position(|&c| c == '\n')).map(|k| end + k) else {
            return false;
        };
        let seg = &t[(nl + 1).min(t.len())..(nl + 60).min(t.len())];
        let line = match seg.iter().position(|&c| c == '\n') {
            Some(k) => &seg[..k],
            None => seg,
        };
        let strip = |c: &char| " \t>?*-|".contains(*c);
        let a = line.iter().take_while(|c| strip(c)).count();
        let line = &line[a..];
        let b = line.len() - line.iter().rev().take_while(|c| strip(c)).count();
        let key = pystr::lower(&line[..b]);
        self.lex.places.get(key.as_str()) == Some(&"C")
    }

    /// In a signature block, the line right after the person's name is the organisation
    /// (`keys`: the keys of the whole run).
    fn signature_org(
        &self,
        doc: &Document,
        t: &[char],
        run: Run,
        keys: &Keys,
        person_line_end: usize,
    ) -> Option<Finding> {
        let start = run.spans[0].0;
        let end = run.spans[run.spans.len() - 1].1;
        if !line_alone(t, start, end) || run.toks.len() > 5 {
            return None;
        }
        if doc.line_start(start, crate::document::LINE_LIMIT) != person_line_end + 1 {
            return None;
        }
        let n = run.toks.len();
        let whole = if n == 1 { keys.f[0] } else { self.class(keys.phrase(0, n)) };
        if whole & class::PLACE != 0 || keys.f[0] & class::STOP != 0 {
            return None;
        }
        Some(Finding::new("ORGANIZATION", start, end, 0.6, NAME))
    }

    /// `prev_buf`: a buffer for the words before the run.
    fn classify(
        &self,
        t: &[char],
        lower: &[char],
        run: Run,
        keys: &Keys,
        prev_buf: &mut String,
        out: &mut Vec<Finding>,
    ) {
        use class::*;
        let mut toks: &[(usize, usize)] = run.toks;
        let mut spans: &[(usize, usize)] = run.spans;
        let tok = |k: (usize, usize)| &t[k.0..k.1];
        let (mut title, mut greet) = (false, false);
        // the keys of the tokens left are keys `lo..hi` (the steps below cut tokens from either end)
        let (mut lo, mut hi) = (0usize, keys.r.len());
        let f = |i: usize| keys.f[i];
        if toks.len() > 1 && self.class(keys.phrase(0, hi)) & PLACE != 0 {
            let s = spans[0].0;
            out.push(Finding::new("LOCATION", s, trim(t, s, spans[spans.len() - 1].1), 0.8, NAME));
            return;
        }
        let whole_checked = toks.len() > 1; // the whole run is known not to be a place
                                            // Leading titles, greetings and function words are not part of the name.
        while !toks.is_empty() {
            let key = keys.key(lo);
            let c = f(lo);
            if c & TITLE != 0 {
                title = true;
            } else if c & GREETING != 0 {
                greet = true;
            } else if (key == "st" || key == "saint") && toks.len() > 1 {
                return; // St. Mary's Hospital, St Albans
            } else if c & (STOP | ROLE) != 0 && toks.len() > 1 {
            } else if c & COMMON != 0 && toks.len() > 2 && f(lo + 1) & GIVEN != 0 {
                // "Patient John Doe"
            } else {
                break;
            }
            toks = &toks[1..];
            spans = &spans[1..];
            lo += 1;
        }
        if toks.is_empty() {
            return;
        }
        if toks.len() == 1 && !(title || greet) {
            let c = f(lo);
            if keys.key(lo).chars().count() < 2
                || c & STOP != 0
                || (c & COMMON != 0 && c & PLACE == 0 && c & GIVEN == 0)
            {
                return;
            }
        }
        // Trailing function words ("Ubul What") are cut too.
        while toks.len() > 1 && f(hi - 1) & STOP != 0 {
            toks = &toks[..toks.len() - 1];
            spans = &spans[..spans.len() - 1];
            hi -= 1;
        }
        let mut start = spans[0].0;
        let mut end = spans[spans.len() - 1].1;
        let prev = prev_words(lower, run.spans[0].0, prev_buf);
        let prev_cls = self.prev_class(&prev);
        let initial = sentence_initial(t, run.spans[0].0) && !(title || greet);
        let shouty = toks.iter().all(|&k| str_isupper(tok(k)) && k.1 - k.0 > 1);
        let mut tend = trim(t, start, end);

        // ORGANIZATION: a legal form or organisation word at the end ("Shepherd Ltd. Orchestra": at the form).
        let org_at = (1..hi - lo).rev().find(|&i| f(lo + i) & LEGAL_FORM != 0).unwrap_or(0);
        if org_at > 0 && org_at < hi - lo - 1 {
            toks = &toks[..org_at + 1];
            spans = &spans[..org_at + 1];
            hi = lo + org_at + 1;
            start = spans[0].0;
            end = spans[spans.len() - 1].1;
            tend = trim(t, start, end);
        }
        let last = f(hi - 1);
        if last & ORG_SUFFIX != 0 && toks.len() >= 2 && f(lo) & STOP == 0 {
            let oend = if last & ABBREVIATION != 0 { end } else { tend };
            out.push(Finding::new("ORGANIZATION", start, oend, if !shouty { 0.85 } else { 0.6 }, NAME));
            return;
        }
        let phrase_cls = if hi - lo == 1 {
            f(lo)
        } else if whole_checked && lo == 0 && hi == keys.r.len() {
            0
        } else {
            self.class(keys.phrase(lo, hi))
        };
        let kind = phrase_cls & PLACE_KIND != 0;
        let loc_cue = prev_cls & LOCATION_CUE != 0;
        let weak_loc_cue = prev.first().is_some_and(|p| p == "in" || p == "from");
        let person_cue = title || greet || prev_cls & STRONG_PERSON_CUE != 0;
        let after = &t[tend.min(t.len())..(tend + 60).min(t.len())];
        let is_org_after = org_after(after);
        // LOCATION: the whole run is a known place.
        if kind && !person_cue && !is_org_after {
            let known_person = toks.len() == 1 && f(lo) & (GIVEN | SURNAME) != 0;
            if phrase_cls & PLACE_CS != 0 {
                out.push(Finding::new("LOCATION", start, tend, 0.85, NAME));
                return;
            }
            let at_cue = prev.first().is_some_and(|p| p == "at") && !known_person;
            if loc_cue || weak_loc_cue || at_cue || !known_person {
                let mut score = if loc_cue || weak_loc_cue {
                    0.8
                } else if initial {
                    0.45
                } else {
                    0.6
                };
                if score < 0.7 && line_alone(t, start, end) && self.country_line_after(t, end) {
                    score = 0.7;
                }
                if f(lo) & COMMON != 0 && !(loc_cue || weak_loc_cue) {
                    score = 0.4;
                }
                out.push(Finding::new("LOCATION", start, tend, score, NAME));
                return;
            }
        }
        if !kind && loc_cue && f(lo) & COMMON == 0 {
            // "Where: Beerze Country Club" -> Beerze
            let cut = (lo..hi).position(|i| f(i) & VENUE != 0).unwrap_or(hi - lo);
            if 0 < cut && cut <= 3 {
                out.push(Finding::new("LOCATION", start, trim(t, start, spans[cut - 1].1), 0.65, NAME));
                return;
            }
        }
        if !kind && toks.len() <= 4 && line_alone(t, start, end) && self.country_line_after(t, end) {
            out.push(Finding::new("LOCATION", start, tend, 0.6, NAME)); // a town on the line above its country
            return;
        }
        if shouty || f(lo) & STOP != 0 {
            return;
        }
        let first_tok = tok(toks[0]);
        let is_camel = toks.len() == 1 && !person_cue && camel(first_tok) && !starts_with(first_tok, 0, "Mac");
        let full_name = f(lo) & GIVEN != 0 && toks.len() >= 2 && f(hi - 1) & SURNAME != 0;
        if (is_org_after || (prev_cls & ORG_CUE != 0 && toks.len() <= 5) || is_camel) && !full_name {
            out.push(Finding::new("ORGANIZATION", start, tend, 0.6, NAME));
            return;
        }
        if toks.len() == 1 {
            if let Some((a, b)) = keys.key(lo).split_once('-') {
                if self.class(a) & SURNAME != 0 && self.class(b) & SURNAME != 0 && !person_cue {
                    out.push(Finding::new("ORGANIZATION", start, tend, 0.55, NAME));
                    return;
                }
            }
        }
        // PERSON
        let cut = (lo..hi).position(|i| f(i) & NOT_NAME_WORD != 0).unwrap_or(hi - lo);
        if 0 < cut && cut < hi - lo {
            toks = &toks[..cut];
            spans = &spans[..cut];
            hi = lo + cut;
            start = spans[0].0;
            end = spans[spans.len() - 1].1;
            tend = trim(t, start, end);
        }
        if cut == 0 || (lo..hi).zip(toks).any(|(i, &tk)| keys.key(i).chars().count() < 2 && !is_initial(tok(tk))) {
            return;
        }
        let mut score = self.person_score(keys, lo, hi, t, toks, initial);
        if person_cue && !(lo..hi).any(|i| f(i) & COMMON != 0 && f(i) & GIVEN == 0) {
            score = f64::max(score, 0.55) + 0.3;
        } else {
            if prev_cls & PERSON_CUE != 0 {
                score += 0.15;
            }
            if person_after(after) {
                score += 0.3;
            } else if toks.len() == 1
                && start >= 2
                && t[start - 2] == ','
                && t[start - 1] == ' '
                && matches!(after.first(), Some('?' | '!'))
            {
                score += 0.2; // vocative: "Remember me, Mary?"
            } else if toks.len() == 1
                && t.get(tend) == Some(&':')
                && sentence_initial(t, start)
                && (f(lo) & (GIVEN | SURNAME) != 0 || self.in_dialogue(t, start, tend))
            {
                score += 0.4; // a speaker in a dialogue: "Nicole: Remember me?"
            }
            if (2..=3).contains(&toks.len()) && line_alone(t, start, tend) {
                score += 0.25;
            }
        }
        if toks.len() > 4 {
            score -= 0.3;
        }
        if score >= 0.3 {
            out.push(Finding::new("PERSON", start, tend, score, NAME));
        }
    }

    /// The score of keys `lo..hi` (tokens `toks`) as a person's name.
    fn person_score(
        &self,
        keys: &Keys,
        lo: usize,
        hi: usize,
        t: &[char],
        toks: &[(usize, usize)],
        initial: bool,
    ) -> f64 {
        use class::*;
        let has = |i: usize, bit: u32| keys.f[i] & bit != 0;
        let (fi, li) = (lo, hi - 1);
        let first = keys.key(fi);
        let lastk = keys.key(li);
        let n = hi - lo;
        let ends = |k: &str| SURNAME_ENDINGS.iter().any(|e| k.ends_with(e));
        if n == 1 {
            if has(fi, COMMON) || first.chars().count() < 2 {
                return 0.0;
            }
            if has(fi, AMBIGUOUS) {
                return if has(fi, GIVEN) && !initial { 0.45 } else { 0.35 };
            }
            if has(fi, GIVEN) || has(fi, SURNAME) {
                return (if has(fi, GIVEN) { 0.6 } else { 0.55 }) - (if initial { 0.1 } else { 0.0 });
            }
            if first.chars().count() > 4 && ends(first) {
                return 0.35;
            }
            return if initial { 0.2 } else { 0.3 };
        }
        if has(fi, COMMON) || has(li, COMMON) {
            return 0.1;
        }
        // A name that is also an English word ("Love", "Reed") counts only beside an unambiguous one.
        let first_g = has(fi, GIVEN) && (!has(fi, AMBIGUOUS) || (has(li, SURNAME) && !has(li, AMBIGUOUS)));
        let last_s = has(li, SURNAME) && (!has(li, AMBIGUOUS) || (has(fi, GIVEN) && !has(fi, AMBIGUOUS)));
        let last_g = has(li, GIVEN) && !has(li, AMBIGUOUS);
        let tok = |k: (usize, usize)| &t[k.0..k.1];
        let middle = &toks[1..n - 1];
        let inner_ok = (lo + 1..hi - 1).zip(middle).all(|(i, &tk)| has(i, GIVEN | SURNAME) || is_initial(tok(tk)));
        let has_initial = middle.iter().any(|&tk| is_initial(tok(tk)));
        let name_like = || last_s || (!has(li, AMBIGUOUS) && ends(lastk));
        if first_g && (last_s || last_g) {
            return if inner_ok { 0.9 } else { 0.7 };
        }
        if n == 2 && has(fi, GIVEN) && has(li, SURNAME) {
            return if initial { 0.45 } else { 0.6 }; // "Bill Gates": both are also English words
        }
        if has_initial && n <= 4 {
            return 0.8;
        }
        if first_g {
            return if inner_ok { 0.75 } else { 0.5 };
        }
        if last_s && (has(fi, SURNAME) || is_initial(tok(toks[0]))) {
            return 0.6;
        }
        if name_like() {
            return if n == 2 || (n == 3 && !initial) { 0.55 } else { 0.4 };
        }
        if n == 2 && !initial {
            0.4
        } else {
            0.3
        }
    }

    /// Whether the word `t[start..end]`, standing before a colon at a line's start, is a speaker of a
    /// dialogue: it stands so on another line too (speakers take turns), or the line before or after
    /// opens with a known name and a colon (`Ubul: …` / `Nicole: …`). The label of a form or a report
    /// (`Scope:`, `Contact:`, `Notes:`) is written once, among other labels. Read only for a word that
    /// is no known name, so the scan runs for few words of a text.
    fn in_dialogue(&self, t: &[char], start: usize, end: usize) -> bool {
        let w = &t[start..end];
        let line_start = |p: usize| t[..p].iter().rposition(|&c| c == '\n').map_or(0, |k| k + 1);
        let ls = line_start(start);
        let le = t[end..].iter().position(|&c| c == '\n').map_or(t.len(), |k| end + k);
        let mut key = String::new();
        let speaker_name = |s: usize, key: &mut String| {
            let e = s + t[s..].iter().take(20).take_while(|c| c.is_alphabetic()).count();
            e > s
                && t.get(e) == Some(&':')
                && t[s].is_uppercase()
                && self.class(norm_into(&t[s..e], key)) & (class::GIVEN | class::SURNAME) != 0
        };
        if ls > 0 && speaker_name(line_start(ls - 1), &mut key) {
            return true;
        }
        if le < t.len() && speaker_name(le + 1, &mut key) {
            return true;
        }
        let mut s = 0;
        loop {
            if s != ls && t[s..].starts_with(w) && t.get(s + w.len()) == Some(&':') {
                return true;
            }
            match t[s..].iter().position(|&c| c == '\n') {
                Some(k) => s += k + 1,
                None => return false,
            }
        }
    }

    /// Firm names made of three surnames ("Marshall, Hernandez and Simpson"), not after a colon.
    fn org_lists(&self, t: &[char], ts: &str, out: &mut Vec<Finding>) {
        static AND: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(" and "));
        // the pattern needs a comma after its first name, and " and " (its usual form)
        if memchr::memchr(b',', ts.as_bytes()).is_none() || AND.find(ts.as_bytes()).is_none() {
            return;
        }
        // (?<!, )(TOKEN),[ \t]{1,2}(TOKEN)[ \t]{1,2}and[ \t]{1,2}(TOKEN), as finditer
        let blanks = |i: usize| -> Option<usize> {
            let b = t[i.min(t.len())..].iter().take(2).take_while(|&&c| blank(c)).count();
            (b > 0).then_some(i + b)
        };
        let at = |p: usize| -> Option<[(usize, usize); 3]> {
            if p >= 2 && t[p - 2] == ',' && t[p - 1] == ' ' {
                return None;
            }
            let e1 = token(t, p)?;
            if t.get(e1) != Some(&',') {
                return None;
            }
            let s2 = blanks(e1 + 1)?;
            let e2 = token(t, s2)?;
            let a = blanks(e2)?;
            let a = pystr::match_lit(t, a, "and")?;
            let s3 = blanks(a)?;
            let e3 = token(t, s3)?;
            Some([(p, e1), (s2, e2), (s3, e3)])
        };
        let mut p = 0;
        while p < t.len() {
            if !is_upper_class(t[p]) {
                p += 1;
                continue;
            }
            let Some(g) = at(p) else {
                p += 1;
                continue;
            };
            let end = g[2].1;
            let ok = g.iter().all(|&(a, b)| {
                let k = norm(&t[a..b]);
                self.lex.surnames.contains(k.as_str()) && !self.lex.stop_words.contains(k.as_str())
            });
            if ok {
                let before = &t[p.saturating_sub(30)..p];
                let founders: Vec<char> = "founders".chars().collect();
                if !before.contains(&':') && !before.windows(founders.len()).any(|w| w == founders.as_slice()) {
                    out.push(Finding::new("ORGANIZATION", p, end, 0.7, NAME));
                }
            }
            p = end;
        }
    }

    /// Names written in lower case right after "my name is".
    fn lowercase_names(&self, t: &[char], lower: &str, out: &mut Vec<Finding>) {
        // a substring of the UTF-8 string: the same answer as over the code points (ASCII cues)
        static CUES: LazyLock<[memmem::Finder<'static>; 2]> =
            LazyLock::new(|| [memmem::Finder::new("name is"), memmem::Finder::new("call me")]);
        if !CUES.iter().any(|f| f.find(lower.as_bytes()).is_some()) {
            return;
        }
        let lowword = |i: usize, min: usize| -> Option<usize> {
            if !is(t, i, |c| c.is_ascii_lowercase()) {
                return None;
            }
            let r = t[i + 1..].iter().take(30).take_while(|&&c| is_word(c) || c == '\'' || c == '-').count();
            (r >= min).then_some(i + 1 + r)
        };
        let mut p = 0;
        while p < t.len() {
            if !matches!(t[p], 'm' | 'n' | 'c') {
                p += 1;
                continue;
            }
            let cue_end = ["my name is", "name is", "call me", "maiden name is"]
                .iter()
                .find_map(|w| pystr::match_lit(t, p, w).filter(|&e| is(t, e, blank)));
            let Some(ce) = cue_end else {
                p += 1;
                continue;
            };
            let s = ce + t[ce..].iter().take(2).take_while(|&&c| blank(c)).count();
            let Some(mut e) = lowword(s, 1) else {
                p += 1;
                continue;
            };
            for _ in 0..2 {
                if !is(t, e, blank) {
                    break;
                }
                match lowword(e + 1, 0) {
                    Some(e2) => e = e2,
                    None => break,
                }
            }
            let group = &t[s..e];
            let ws: Vec<String> = split_ws(group).into_iter().map(|(a, b)| group[a..b].iter().collect()).collect();
            let mut n = 0;
            for w in &ws {
                if self.lex.given.contains(w.as_str())
                    || self.lex.surnames.contains(w.as_str())
                    || (n > 0 && w.chars().count() == 1)
                {
                    n += 1;
                } else {
                    break;
                }
            }
            while n > 0 && ws[n - 1].chars().count() == 1 {
                n -= 1;
            }
            if n > 0 {
                let len: usize = ws[..n].iter().map(|w| w.chars().count()).sum::<usize>() + n - 1;
                out.push(Finding::new("PERSON", s, s + len, 0.7, NAME));
            }
            p = e;
        }
    }
}

impl Recognizer for EnglishNameRecognizer {
    fn name(&self) -> &'static str {
        NAME
    }

    fn entities(&self) -> &[&'static str] {
        &["PERSON", "ORGANIZATION", "LOCATION"]
    }

    fn supports(&self, _lang: Lang) -> bool {
        true // a Japanese document: its English lines only (see `latin_blocks`)
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut sc) if doc.lang == Lang::Ja => self.find_in_latin_blocks(doc, out, &mut sc),
            Ok(mut sc) => self.find_with(doc, out, &mut sc),
            Err(_) if doc.lang == Lang::Ja => self.find_in_latin_blocks(doc, out, &mut Scratch::default()),
            Err(_) => self.find_with(doc, out, &mut Scratch::default()),
        })
    }
}

impl EnglishNameRecognizer {
    /// The PERSON findings of the English lines of a Japanese document ([`latin_blocks`]), each block
    /// read as an English document of its own.
    fn find_in_latin_blocks(&self, doc: &Document, out: &mut Vec<Finding>, sc: &mut Scratch) {
        let t: &[char] = &doc.text.chars;
        let mut mixed = Vec::new();
        let blocks = latin_blocks::blocks(&doc.text.s, doc.text.byte_offsets(), &mut mixed);
        for &(a, b) in &mixed {
            self.latin_cells(&doc.norm.chars, a, b, out);
        }
        if blocks.is_empty() {
            return;
        }
        let lexicon = crate::lexicon::Lexicon::new(); // the English rules ask no keyword
        let mut got = Vec::new();
        for (a, b) in blocks {
            let text: String = t[a..b].iter().collect();
            let sub = Document::new(&text, Some(Lang::En), &lexicon);
            got.clear();
            self.find_with(&sub, &mut got, sc);
            got.retain(|f| f.kind == "PERSON" && self.block_person(&sub.norm.chars, f));
            latin_blocks::join_inverted(&sub.norm.chars, &mut got);
            out.extend(got.iter().map(|f| Finding { start: f.start + a, end: f.end + a, ..*f }));
        }
    }

    /// Whether a PERSON finding `f` of an English block (folded text `t`) is kept: a capital first and
    /// no digit in it ("call me back" is no name in a business mail); a
    /// single word before a colon (`Mail:`, `Attn:`) only when it is a known given name or surname; a
    /// weak finding without a common word, a company word or a place in it.
    fn block_person(&self, t: &[char], f: &Finding) -> bool {
        let span = &t[f.start..f.end];
        if span.iter().any(|c| c.is_ascii_digit()) || !span.first().is_some_and(|c| c.is_uppercase()) {
            return false;
        }
        let mut key = String::new();
        let words: Vec<&[char]> = span.split(|&c| c == ' ' || c == ',').filter(|w| !w.is_empty()).collect();
        let colon = t[f.end..].iter().find(|&&c| c != ' ') == Some(&':');
        if words.len() == 1 && colon {
            return self.class(norm_into(words[0], &mut key)) & (class::GIVEN | class::SURNAME) != 0;
        }
        if f.score < 0.6 {
            let bad = class::COMMON | class::ORG_SUFFIX | class::LEGAL_FORM | class::PLACE | class::NOT_NAME_WORD;
            return !words.iter().any(|w| {
                let c = self.class(norm_into(w, &mut key));
                c & bad != 0 && c & (class::GIVEN | class::SURNAME) == 0
            });
        }
        true
    }
}

/// The buffers of one [`EnglishNameRecognizer::find`], kept per thread so that a document does not
/// allocate them again.
#[derive(Default)]
struct Scratch {
    /// single-token runs: their span and token, keyed at the end
    singles: Vec<(usize, usize, usize, usize)>,
    got: Vec<Finding>,
    key_buf: String,
    runs: Runs,
    keys: Keys,
    prev_buf: String,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl EnglishNameRecognizer {
    fn find_with(&self, doc: &Document, out: &mut Vec<Finding>, sc: &mut Scratch) {
        let t: &[char] = &doc.norm.chars;
        let orig: &[char] = &doc.text.chars;
        let lower: &[char] = &doc.lower().chars;
        let mut name_parts: std::collections::HashSet<String, FxBuild> = Default::default();
        let mut last_person_line: Option<usize> = None;
        let Scratch { singles, got, key_buf, runs, keys, prev_buf } = sc;
        singles.clear();
        let mut p = 0;
        while p < t.len() {
            if !is_upper_class(t[p])
                || (p > 0 && (is_word(t[p - 1]) || matches!(t[p - 1], '\'' | '\u{2019}' | '@' | '.' | '/' | '-')))
            {
                p += 1;
                continue;
            }
            let Some(m_end) = run_at(t, p) else {
                p += 1;
                continue;
            };
            let m_start = p;
            p = m_end;
            if t.get(m_end) == Some(&'@') {
                continue; // the local part of an e-mail address
            }
            let word = &t[m_start..m_end];
            if !word.iter().any(|&c| blank(c)) {
                // fast path: a lone capitalised function word
                let c = self.class(norm_into(word, key_buf));
                if c & class::STOP != 0 || (c & class::COMMON != 0 && c & (class::PLACE | class::GIVEN) == 0) {
                    continue;
                }
            }
            self.split_run(t, m_start, m_end, runs, key_buf);
            for k in 0..runs.ends.len() {
                let run = runs.get(k);
                if run.toks.len() == 1 {
                    let (s, e) = run.spans[0];
                    let (a, b) = run.toks[0];
                    singles.push((s, e, a, b));
                }
                keys.fill(self, t, run.toks);
                got.clear();
                self.classify(t, lower, run, keys, prev_buf, got);
                if !got.iter().any(|f| f.score >= 0.5) {
                    if let Some(ple) = last_person_line {
                        if let Some(org) = self.signature_org(doc, t, run, keys, ple) {
                            got.clear();
                            got.push(org);
                        }
                    }
                }
                for mut f in got.drain(..) {
                    if f.kind == "PERSON" {
                        f.end = without_ja_honorific(t, f.start, f.end);
                        if f.score >= 0.5 && line_alone(t, f.start, f.end) {
                            last_person_line = Some(doc.line_end(f.end, crate::document::LINE_LIMIT));
                        }
                        let text = &orig[f.start..f.end];
                        let parts = split_ws(text);
                        if f.score >= 0.6 && (parts.len() >= 2 || f.score >= 0.75) {
                            if let (Some(&(a, b)), Some(&(c, d))) = (parts.first(), parts.last()) {
                                name_parts.insert(norm(&text[c..d]));
                                name_parts.insert(norm(&text[a..b]));
                            }
                        }
                    }
                    out.push(f);
                }
            }
        }
        // A part of a full name found elsewhere in the text is that person again.
        if !name_parts.is_empty() {
            for &(s, e, a, b) in singles.iter() {
                let key = norm_into(&t[a..b], key_buf);
                if name_parts.contains(key) && self.class(key) & class::COMMON == 0 {
                    out.push(Finding::new("PERSON", s, trim(t, s, e), 0.65, NAME));
                }
            }
        }
        self.org_lists(t, &doc.norm.s, out);
        self.lowercase_names(t, &doc.lower().s, out);
        passenger_names(doc, out);
        // `Ōta-san`, `Mr. OOTA`, the signature under `Best regards,` in English mails to Japanese people
        // (a name the rules above found with a lower score is that name, surely)
        let known = out.len();
        crate::recognizers::person_ja::latin_cues::cue_names(t, |s, e| {
            match out[..known].iter_mut().find(|f| f.start == s && f.end == e && f.kind == "PERSON") {
                Some(f) => f.score = f.score.max(0.8),
                None => out.push(Finding::new("PERSON", s, e, 0.8, NAME)),
            }
        });
    }
}

/// `OHTA/KENJI MR` of a passenger list ([`crate::recognizers::person_ja::passenger_name`]): the capitals
/// before each `/` are read only when the `/` follows a capital letter.
fn passenger_names(doc: &Document, out: &mut Vec<Finding>) {
    let t: &[char] = &doc.norm.chars;
    let n = t.len();
    let bytes = doc.norm.s.as_bytes();
    for b in memchr::memchr_iter(b'/', bytes) {
        if b == 0 || !bytes[b - 1].is_ascii_uppercase() {
            continue; // most slashes: in dates, paths and URLs
        }
        let w = doc.norm.char_index(b);
        if w == 0 || !t[w - 1].is_ascii_uppercase() {
            continue;
        }
        let mut c = w;
        while c > 0 && w - c < 16 && t[c - 1].is_ascii_uppercase() {
            c -= 1;
        }
        if c > 0 && (t[c - 1].is_alphanumeric() || t[c - 1] == '/') {
            continue;
        }
        if let Some(e) = crate::recognizers::person_ja::passenger_name(t, c, w, n) {
            out.push(Finding::new("PERSON", c, e, 0.8, NAME));
        }
    }
}

/// The end of a name without a Japanese honorific written after a hyphen (Sato-san, Tanaka-sama).
fn without_ja_honorific(t: &[char], s: usize, e: usize) -> usize {
    for h in ["-san", "-sama", "-sensei", "-kun", "-chan", "-shi", "-dono"] {
        let k = h.len();
        if e >= s + k + 2 && t[e - k..e].iter().zip(h.chars()).all(|(&a, b)| a.to_ascii_lowercase() == b) {
            return e - k;
        }
    }
    e
}

/// Test support for the rules of the English lines and Latin names of Japanese documents: the PERSON texts this
/// recognizer finds (score 0.5 or more) in `text` read as Japanese, in order.
#[cfg(test)]
fn persons_in_japanese(text: &str) -> Vec<String> {
    use crate::document::{Document, Lang};
    let lx = crate::lexicon::Lexicon::new();
    let doc = Document::new(text, Some(Lang::Ja), &lx);
    let mut out = Vec::new();
    EnglishNameRecognizer::new().find(&doc, &mut out);
    out.retain(|f| f.score >= 0.5);
    out.sort_by_key(|f| f.start);
    out.iter().map(|f| doc.text.slice(f.start, f.end).to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn found(text: &str) -> Vec<(&'static str, String)> {
        let r = EnglishNameRecognizer::new();
        let mut lx = Lexicon::new();
        lx.build();
        let doc = Document::new(text, Some(Lang::En), &lx);
        let mut out = Vec::new();
        r.find(&doc, &mut out);
        out.iter().filter(|f| f.score >= 0.5).map(|f| (f.kind, doc.text.slice(f.start, f.end).to_string())).collect()
    }

    fn has(text: &str, kind: &'static str, span: &str) -> bool {
        found(text).contains(&(kind, span.to_string()))
    }

    #[test]
    fn persons() {
        assert!(has("Please ask Mr. John Smith to call back.", "PERSON", "John Smith"));
        assert!(has("The form was signed by Faina D. Yefremova yesterday.", "PERSON", "Faina D. Yefremova"));
        assert!(has("It was Emma Larsen's idea.", "PERSON", "Emma Larsen"));
        assert!(has("hi, my name is lena andersson.", "PERSON", "lena andersson"));
        assert!(found("I will pay the bill in may. Will you send the bill by May?").is_empty());
    }

    #[test]
    fn a_label_before_a_colon_is_no_speaker() {
        // a word before a colon at a line's start is a speaker when it takes a second turn or is a known name
        let chat = "Zorvath: Are you there?\nQuillon: Yes.\nZorvath: Good, see you at noon.";
        assert!(has(chat, "PERSON", "Zorvath"));
        // a speaker beside a known name's turn
        assert!(has("Quillon: Who are you?\nMaria: A friend.", "PERSON", "Quillon"));
        // the labels of a report, each written once, are none
        let report = "Weekly report\nScope: 12 tickets closed.\nBlockers: waiting for the vendor.\nOwner: Maria";
        let got = found(report);
        assert!(!got.iter().any(|(_, s)| s == "Scope" || s == "Blockers"), "{got:?}");
    }

    #[test]
    fn passenger_list_names() {
        let list = "Group booking\n1. MORALES/ANA MS\n2. TRAN/THI HOA MRS\nSee https://example.com/AB/CD MR\n";
        assert!(has(list, "PERSON", "MORALES/ANA"));
        assert!(has(list, "PERSON", "TRAN/THI HOA"));
        // no title after the given name, or a path: no passenger
        assert!(!found("Use TCP/IP here. See /usr/LIB/X MR").iter().any(|f| f.1.contains('/')));
        assert!(!found(list).iter().any(|f| f.1.contains("AB/CD")));
    }

    #[test]
    fn organizations_and_places() {
        assert!(has("She works at Acme Widgets Inc. in Chicago.", "ORGANIZATION", "Acme Widgets Inc."));
        assert!(has("She works at Acme Widgets Inc. in Chicago.", "LOCATION", "Chicago"));
        assert!(has("I will be travelling to New Zealand next week.", "LOCATION", "New Zealand"));
        assert!(has(
            "The firm Marshall, Hernandez and Simpson won.",
            "ORGANIZATION",
            "Marshall, Hernandez and Simpson"
        ));
        assert!(has("Best,\nOlga Petrova\nBrightwave\n+1 555 0100\n", "ORGANIZATION", "Brightwave"));
    }

    #[test]
    fn after_patterns() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        assert!(person_after(&c("'s, said")) && person_after(&c(" is from")) && !person_after(&c("  , said")));
        assert!(org_after(&c(" is a big tech company.")) && org_after(&c("  offices")) && !org_after(&c(" officer")));
        assert!(!org_after(&c(" is a one two three four company")));
        assert_eq!(
            prev_words(&c("x\nwe moved here from "), 21, &mut String::new()).iter().collect::<Vec<_>>(),
            vec!["from", "here from", "moved here from", "we moved here from"]
        );
        let mut b = String::new();
        let p = prev_words(&c("one two three four five, six: "), 30, &mut b);
        assert_eq!(
            p.iter().collect::<Vec<_>>(),
            vec!["six:", "five, six:", "four five, six:", "three four five, six:"]
        );
        assert_eq!(prev_words(&c("  "), 2, &mut String::new()).first(), None);
    }
}
