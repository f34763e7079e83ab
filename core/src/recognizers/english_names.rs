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

use std::sync::LazyLock;

use memchr::memmem;

use crate::document::{Document, Lang};
use crate::finding::Finding;
use crate::pystr::{self, is_letter, is_word, split_ws, str_islower, str_isupper};
use crate::recognizer::Recognizer;
use crate::recognizers::english_words::{
    is_upper_class, lexicons, word_set, words, FxBuild, Lexicons, Words, PARTICLES,
};

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

/// PERSON, ORGANIZATION and LOCATION in English text from capitalised runs, lexicons and cues.
pub struct EnglishNameRecognizer {
    lex: &'static Lexicons,
    common: Words,
    not_name: Words,
    titles: Words,
    roles: Words,
    venues: Words,
    greetings: Words,
    legal_forms: Words,
    org_suffixes: Words,
    abbreviations: Words,
    strong_person_cues: Words,
    person_cues_before: Words,
    location_cues_before: Words,
    org_cues_before: Words,
}

impl EnglishNameRecognizer {
    pub fn new() -> Self {
        let lex = lexicons();
        let not_name = words(NOT_NAME);
        let mut common = lex.common.clone();
        common.extend(lex.stop_words.iter().copied());
        common.extend(not_name.iter().copied());
        EnglishNameRecognizer {
            lex,
            common,
            not_name,
            titles: words(TITLES),
            roles: words(ROLES),
            venues: words(VENUES),
            greetings: words(GREETINGS),
            legal_forms: words(LEGAL_FORMS),
            org_suffixes: words(ORG_SUFFIXES),
            abbreviations: words(ABBREVIATIONS),
            strong_person_cues: word_set(STRONG_PERSON_CUES),
            person_cues_before: word_set(PERSON_CUES_BEFORE),
            location_cues_before: word_set(LOCATION_CUES_BEFORE),
            org_cues_before: word_set(ORG_CUES_BEFORE),
        }
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
struct Prev {
    s: String,
    starts: [usize; 4],
    n: usize,
}

impl Prev {
    fn iter(&self) -> impl Iterator<Item = &str> {
        self.starts[..self.n].iter().map(|&a| &self.s[a..])
    }

    fn first(&self) -> Option<&str> {
        self.iter().next()
    }
}

fn prev_words(lower: &[char], pos: usize) -> Prev {
    let lo = pos.saturating_sub(40);
    let mut window = &lower[lo..pos];
    if let Some(nl) = window.iter().rposition(|&c| c == '\n') {
        window = &window[nl + 1..];
    }
    // `_WORD_RE.findall(window)`: `[\w'\u2019]{1,40}[?:,]?`, keeping the last four
    let mut last = [(0usize, 0usize); 4];
    let mut count = 0usize;
    let w = window;
    let mut i = 0;
    while i < w.len() {
        if !(is_word(w[i]) || apos(w[i])) {
            i += 1;
            continue;
        }
        let s = i;
        while i < w.len() && i - s < 40 && (is_word(w[i]) || apos(w[i])) {
            i += 1;
        }
        if i < w.len() && matches!(w[i], '?' | ':' | ',') {
            i += 1;
        }
        last[count % 4] = (s, i);
        count += 1;
    }
    let n = count.min(4);
    let mut out = Prev { s: String::with_capacity(4 * n + window.len()), starts: [0; 4], n };
    let mut starts = [0usize; 4];
    for k in 0..n {
        let (a, b) = last[(count - n + k) % 4];
        if k > 0 {
            out.s.push(' ');
        }
        starts[k] = out.s.len();
        out.s.extend(&window[a..b]);
    }
    // shortest first: the last word alone, then the last two...
    for k in 0..n {
        out.starts[k] = starts[n - 1 - k];
    }
    out
}

fn cue(prev: &Prev, cues: &Words) -> bool {
    prev.iter().any(|p| cues.contains(p))
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

/// `_norm`: lower-cased, trailing dots and a possessive 's dropped.
fn norm(tok: &[char]) -> String {
    let mut s = String::with_capacity(tok.len());
    norm_into(tok, &mut s);
    s
}

/// [`norm`] into `s` (cleared first), for a key only looked up (no allocation once `s` has grown).
fn norm_into<'s>(tok: &[char], s: &'s mut String) -> &'s str {
    s.clear();
    pystr::lower_into(tok, s);
    let n = s.trim_end_matches('.').len();
    s.truncate(n);
    if s.ends_with("'s") {
        s.truncate(s.len() - 2);
    } else if s.ends_with("\u{2019}s") {
        s.truncate(s.len() - 4);
    }
    s
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
    b > 0 && PERSON_AFTER_WORDS.iter().any(|w| word_at(a, j + b, w))
}

/// _ORG_AFTER_RE matches at the start of `a`.
fn org_after(a: &[char]) -> bool {
    let b = a.iter().take(2).take_while(|&&c| blank(c)).count();
    if b == 0 {
        return false;
    }
    let j = b;
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
struct Run {
    toks: Vec<(usize, usize)>,
    spans: Vec<(usize, usize)>,
}

impl EnglishNameRecognizer {
    fn is_abbrev(&self, part: &[char]) -> bool {
        self.abbreviations.contains(pystr::lower(part).as_str())
    }

    /// Tokens of a run; a possessive ("Ström's Cautionary Tales") ends a run.
    fn split_run(&self, t: &[char], start: usize, end: usize) -> Vec<Run> {
        let mut runs = vec![Run { toks: Vec::new(), spans: Vec::new() }];
        let mut i = start;
        let seg = &t[start..end];
        for part in seg.split(|&c| c == ' ') {
            let n = part.len();
            if n > 0 && !str_islower(part) {
                let a = part.iter().take_while(|&&c| c == '\t').count();
                let b = n - part.iter().rev().take_while(|&&c| c == '\t').count();
                let (ts, te) = if a >= b { (i, i) } else { (i + a, i + b) };
                let cur = runs.last_mut().expect("one run");
                cur.toks.push((ts, te));
                cur.spans.push((i, i + n));
                let poss = n >= 2 && part[n - 1] == 's' && apos(part[n - 2]);
                if poss || (part[n - 1] == '.' && n > 3 && !self.is_abbrev(&part[..n - 1])) {
                    runs.push(Run { toks: Vec::new(), spans: Vec::new() });
                }
            }
            i += n + 1;
        }
        runs.retain(|r| !r.toks.is_empty());
        runs
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

    fn joined_norm(&self, t: &[char], toks: &[(usize, usize)]) -> String {
        toks.iter().map(|&(a, b)| norm(&t[a..b])).collect::<Vec<_>>().join(" ")
    }

    /// In a signature block, the line right after the person's name is the organisation.
    fn signature_org(&self, doc: &Document, t: &[char], run: &Run, person_line_end: usize) -> Option<Finding> {
        let start = run.spans[0].0;
        let end = run.spans[run.spans.len() - 1].1;
        if !line_alone(t, start, end) || run.toks.len() > 5 {
            return None;
        }
        if doc.line_start(start, crate::document::LINE_LIMIT) != person_line_end + 1 {
            return None;
        }
        let (a, b) = run.toks[0];
        if self.lex.places.contains_key(self.joined_norm(t, &run.toks).as_str())
            || self.lex.stop_words.contains(norm(&t[a..b]).as_str())
        {
            return None;
        }
        Some(Finding::new("ORGANIZATION", start, end, 0.6, NAME))
    }

    fn classify(&self, t: &[char], lower: &[char], run: &Run, out: &mut Vec<Finding>) {
        let lx = self.lex;
        let (given, surnames, places, stop) = (&lx.given, &lx.surnames, &lx.places, &lx.stop_words);
        let common = &self.common;
        let mut toks: &[(usize, usize)] = &run.toks;
        let mut spans: &[(usize, usize)] = &run.spans;
        let tok = |k: (usize, usize)| &t[k.0..k.1];
        let (mut title, mut greet) = (false, false);
        // every token's key, once (the steps below cut tokens from either end: `keys` follows `toks`)
        let all: Vec<String> = toks.iter().map(|&k| norm(tok(k))).collect();
        let mut keys: &[String] = &all;
        if toks.len() > 1 && places.contains_key(all.join(" ").as_str()) {
            let s = spans[0].0;
            out.push(Finding::new("LOCATION", s, trim(t, s, spans[spans.len() - 1].1), 0.8, NAME));
            return;
        }
        // Leading titles, greetings and function words are not part of the name.
        while !toks.is_empty() {
            let key = keys[0].as_str();
            if self.titles.contains(key) {
                title = true;
            } else if self.greetings.contains(key) {
                greet = true;
            } else if (key == "st" || key == "saint") && toks.len() > 1 {
                return; // St. Mary's Hospital, St Albans
            } else if (stop.contains(key) || self.roles.contains(key)) && toks.len() > 1 {
            } else if common.contains(key) && toks.len() > 2 && given.contains(keys[1].as_str()) {
                // "Patient John Doe"
            } else {
                break;
            }
            toks = &toks[1..];
            spans = &spans[1..];
            keys = &keys[1..];
        }
        if toks.is_empty() {
            return;
        }
        if toks.len() == 1 && !(title || greet) {
            let k = keys[0].as_str();
            if k.chars().count() < 2
                || stop.contains(k)
                || (common.contains(k) && !places.contains_key(k) && !given.contains(k))
            {
                return;
            }
        }
        // Trailing function words ("Ubul What") are cut too.
        while toks.len() > 1 && stop.contains(keys[keys.len() - 1].as_str()) {
            toks = &toks[..toks.len() - 1];
            spans = &spans[..spans.len() - 1];
            keys = &keys[..keys.len() - 1];
        }
        let mut start = spans[0].0;
        let mut end = spans[spans.len() - 1].1;
        let prev = prev_words(lower, run.spans[0].0);
        let initial = sentence_initial(t, run.spans[0].0) && !(title || greet);
        let shouty = toks.iter().all(|&k| str_isupper(tok(k)) && k.1 - k.0 > 1);
        let mut tend = trim(t, start, end);

        // ORGANIZATION: a legal form or organisation word at the end ("Shepherd Ltd. Orchestra": at the form).
        let org_at = (1..keys.len()).rev().find(|&i| self.legal_forms.contains(keys[i].as_str())).unwrap_or(0);
        if org_at > 0 && org_at < keys.len() - 1 {
            toks = &toks[..org_at + 1];
            spans = &spans[..org_at + 1];
            keys = &keys[..org_at + 1];
            start = spans[0].0;
            end = spans[spans.len() - 1].1;
            tend = trim(t, start, end);
        }
        let last = keys[keys.len() - 1].as_str();
        if self.org_suffixes.contains(last) && toks.len() >= 2 && !stop.contains(keys[0].as_str()) {
            let oend = if self.abbreviations.contains(last) { end } else { tend };
            out.push(Finding::new("ORGANIZATION", start, oend, if !shouty { 0.85 } else { 0.6 }, NAME));
            return;
        }
        let phrase = keys.join(" ");
        let kind = places.get(phrase.as_str()).copied().filter(|k| !k.is_empty());
        let loc_cue = cue(&prev, &self.location_cues_before);
        let weak_loc_cue = prev.first().is_some_and(|p| p == "in" || p == "from");
        let person_cue = title || greet || cue(&prev, &self.strong_person_cues);
        let after = &t[tend.min(t.len())..(tend + 60).min(t.len())];
        let is_org_after = org_after(after);
        // LOCATION: the whole run is a known place.
        if let Some(kind) = kind {
            if !person_cue && !is_org_after {
                let known_person =
                    toks.len() == 1 && (given.contains(keys[0].as_str()) || surnames.contains(keys[0].as_str()));
                if "CS".contains(kind) {
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
                    if common.contains(keys[0].as_str()) && !(loc_cue || weak_loc_cue) {
                        score = 0.4;
                    }
                    out.push(Finding::new("LOCATION", start, tend, score, NAME));
                    return;
                }
            }
        }
        if kind.is_none() && loc_cue && !common.contains(keys[0].as_str()) {
            // "Where: Beerze Country Club" -> Beerze
            let cut = keys.iter().position(|k| self.venues.contains(k.as_str())).unwrap_or(keys.len());
            if 0 < cut && cut <= 3 {
                out.push(Finding::new("LOCATION", start, trim(t, start, spans[cut - 1].1), 0.65, NAME));
                return;
            }
        }
        if kind.is_none() && toks.len() <= 4 && line_alone(t, start, end) && self.country_line_after(t, end) {
            out.push(Finding::new("LOCATION", start, tend, 0.6, NAME)); // a town on the line above its country
            return;
        }
        if shouty || stop.contains(keys[0].as_str()) {
            return;
        }
        let first_tok = tok(toks[0]);
        let is_camel = toks.len() == 1 && !person_cue && camel(first_tok) && !starts_with(first_tok, 0, "Mac");
        let full_name =
            given.contains(keys[0].as_str()) && toks.len() >= 2 && surnames.contains(keys[keys.len() - 1].as_str());
        if (is_org_after || (cue(&prev, &self.org_cues_before) && toks.len() <= 5) || is_camel) && !full_name {
            out.push(Finding::new("ORGANIZATION", start, tend, 0.6, NAME));
            return;
        }
        if toks.len() == 1 {
            if let Some((a, b)) = keys[0].split_once('-') {
                if surnames.contains(a) && surnames.contains(b) && !person_cue {
                    out.push(Finding::new("ORGANIZATION", start, tend, 0.55, NAME));
                    return;
                }
            }
        }
        // PERSON
        let cut = keys.iter().position(|k| self.not_name.contains(k.as_str())).unwrap_or(keys.len());
        if 0 < cut && cut < keys.len() {
            toks = &toks[..cut];
            spans = &spans[..cut];
            keys = &keys[..cut];
            start = spans[0].0;
            end = spans[spans.len() - 1].1;
            tend = trim(t, start, end);
        }
        if cut == 0 || keys.iter().zip(toks).any(|(k, &tk)| k.chars().count() < 2 && !is_initial(tok(tk))) {
            return;
        }
        let mut score = self.person_score(keys, t, toks, initial);
        if person_cue && !keys.iter().any(|k| common.contains(k.as_str()) && !given.contains(k.as_str())) {
            score = f64::max(score, 0.55) + 0.3;
        } else {
            if cue(&prev, &self.person_cues_before) {
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
            } else if toks.len() == 1 && t.get(tend) == Some(&':') && sentence_initial(t, start) {
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

    fn person_score(&self, keys: &[String], t: &[char], toks: &[(usize, usize)], initial: bool) -> f64 {
        let (g, s, c, amb) = (&self.lex.given, &self.lex.surnames, &self.common, &self.lex.name_words);
        let first = keys[0].as_str();
        let lastk = keys[keys.len() - 1].as_str();
        let n = keys.len();
        let ends = |k: &str| SURNAME_ENDINGS.iter().any(|e| k.ends_with(e));
        if n == 1 {
            if c.contains(first) || first.chars().count() < 2 {
                return 0.0;
            }
            if amb.contains(first) {
                return if g.contains(first) && !initial { 0.45 } else { 0.35 };
            }
            if g.contains(first) || s.contains(first) {
                return (if g.contains(first) { 0.6 } else { 0.55 }) - (if initial { 0.1 } else { 0.0 });
            }
            if ends(first) && first.chars().count() > 4 {
                return 0.35;
            }
            return if initial { 0.2 } else { 0.3 };
        }
        if c.contains(first) || c.contains(lastk) {
            return 0.1;
        }
        // A name that is also an English word ("Love", "Reed") counts only beside an unambiguous one.
        let first_g = g.contains(first) && (!amb.contains(first) || (s.contains(lastk) && !amb.contains(lastk)));
        let last_s = s.contains(lastk) && (!amb.contains(lastk) || (g.contains(first) && !amb.contains(first)));
        let last_g = g.contains(lastk) && !amb.contains(lastk);
        let tok = |k: (usize, usize)| &t[k.0..k.1];
        let middle = &toks[1..n - 1];
        let inner_ok = keys[1..n - 1]
            .iter()
            .zip(middle)
            .all(|(k, &tk)| g.contains(k.as_str()) || s.contains(k.as_str()) || is_initial(tok(tk)));
        let has_initial = middle.iter().any(|&tk| is_initial(tok(tk)));
        let name_like = (ends(lastk) && !amb.contains(lastk)) || last_s;
        if first_g && (last_s || last_g) {
            return if inner_ok { 0.9 } else { 0.7 };
        }
        if n == 2 && g.contains(first) && s.contains(lastk) {
            return if initial { 0.45 } else { 0.6 }; // "Bill Gates": both are also English words
        }
        if has_initial && n <= 4 {
            return 0.8;
        }
        if first_g {
            return if inner_ok { 0.75 } else { 0.5 };
        }
        if last_s && (s.contains(first) || is_initial(tok(toks[0]))) {
            return 0.6;
        }
        if name_like {
            return if n == 2 || (n == 3 && !initial) { 0.55 } else { 0.4 };
        }
        if n == 2 && !initial {
            0.4
        } else {
            0.3
        }
    }

    /// Firm names made of three surnames ("Marshall, Hernandez and Simpson"), not after a colon.
    fn org_lists(&self, t: &[char], ts: &str, out: &mut Vec<Finding>) {
        static AND: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(" and "));
        if AND.find(ts.as_bytes()).is_none() {
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

    fn supports(&self, lang: Lang) -> bool {
        lang == Lang::En
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let t: &[char] = &doc.norm.chars;
        let orig: &[char] = &doc.text.chars;
        let lower: &[char] = &doc.lower().chars;
        let lx = self.lex;
        let mut name_parts: std::collections::HashSet<String, FxBuild> = Default::default();
        let mut singles: Vec<(usize, usize, String)> = Vec::new();
        let mut last_person_line: Option<usize> = None;
        let mut got: Vec<Finding> = Vec::new();
        let mut key_buf = String::new();
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
                let k = norm_into(word, &mut key_buf);
                if lx.stop_words.contains(k)
                    || (self.common.contains(k) && !lx.places.contains_key(k) && !lx.given.contains(k))
                {
                    continue;
                }
            }
            for run in self.split_run(t, m_start, m_end) {
                if run.toks.len() == 1 {
                    let (s, e) = run.spans[0];
                    let (a, b) = run.toks[0];
                    singles.push((s, e, norm(&t[a..b])));
                }
                got.clear();
                self.classify(t, lower, &run, &mut got);
                if !got.iter().any(|f| f.score >= 0.5) {
                    if let Some(ple) = last_person_line {
                        if let Some(org) = self.signature_org(doc, t, &run, ple) {
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
            for (s, e, key) in &singles {
                if name_parts.contains(key) && !self.common.contains(key.as_str()) {
                    out.push(Finding::new("PERSON", *s, trim(t, *s, *e), 0.65, NAME));
                }
            }
        }
        self.org_lists(t, &doc.norm.s, out);
        self.lowercase_names(t, &doc.lower().s, out);
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
            prev_words(&c("x\nwe moved here from "), 21).iter().collect::<Vec<_>>(),
            vec!["from", "here from", "moved here from", "we moved here from"]
        );
        let p = prev_words(&c("one two three four five, six: "), 30);
        assert_eq!(
            p.iter().collect::<Vec<_>>(),
            vec!["six:", "five, six:", "four five, six:", "three four five, six:"]
        );
        assert_eq!(prev_words(&c("  "), 2).first(), None);
    }
}
