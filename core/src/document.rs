//! [`Document`]: a text prepared once for all recognizers.
//!
//! Holds the original text, its folded copy `norm` (same length, see [`crate::fold`]), the
//! lower-cased fold the keywords are matched in, the language, and the keyword index. Answers the
//! questions recognizers ask about context: which keywords stand near a position, where a line
//! starts and ends. Work several recognizers share (a digit-run scan, say) is kept in
//! [`Document::shared`], computed on first use.

use std::cell::{Cell, OnceCell};

#[cfg(test)]
use crate::fold::is_japanese;
use crate::fold::{fold_char, is_japanese_char};
use crate::lexicon::{Index, Lexicon, Occurrences};
use crate::morphology::{Morphology, Token, MAX_WINDOW};
use crate::recognizers::numbers::{LabelState, Runs};
use crate::table::Tables;
use crate::text::Text;

/// How far line lookups search: a "line" longer than this is seen in windows.
pub const LINE_LIMIT: usize = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Option<Lang>> {
        match s {
            "auto" => Some(None),
            "ja" => Some(Some(Lang::Ja)),
            "en" => Some(Some(Lang::En)),
            _ => None,
        }
    }
}

/// A keyword occurrence: start, end and the group it was asked for in.
pub type Hit<'a> = (usize, usize, &'a str);

pub struct Document<'l> {
    pub text: Text,
    pub norm: Text,
    pub lang: Lang,
    lexicon: &'l Lexicon,
    morphology: Option<&'l dyn Morphology>,
    /// The lower-cased fold; None when it equals the fold (no capital: the fold's buffers serve).
    lower: Option<Text>,
    /// The code points the lower-casing changed (None for an ASCII text: not recorded).
    lower_changes: Option<Vec<u32>>,
    /// For an ASCII text, the upper-case letters (see [`Document::case_changes`]), when asked.
    ascii_upper: OnceCell<Vec<u32>>,
    index: OnceCell<Index>,
    shared: Shared,
}

/// Work several recognizers share for one document, each computed by the first that asks (see
/// [`Document::shared`]). One typed slot per kind of work: asking is a load and a test, where a
/// list of `Rc<dyn Any>` by key cost ~65 instructions per ask (borrow, search, clone, downcast),
/// ~300,000 asks on 2 MB of short English texts.
#[derive(Default)]
pub struct Shared {
    /// Digit runs ([`crate::recognizers::numbers::number_runs`]).
    pub number_runs: OnceCell<Runs>,
    /// Label lookups of the number recognizers.
    pub(crate) number_labels: OnceCell<LabelState>,
    /// The tables of the fold ([`Tables::of`]).
    pub tables: OnceCell<Tables>,
    /// The keyword hits of every organisation group.
    pub organization_hits: OnceCell<Vec<Hit<'static>>>,
}

const GROUP_BITS: u32 = 10;
const GROUP_SLOTS: usize = 1 << GROUP_BITS;

thread_local! {
    /// (address of a group name asked for, its id), see [`Document::group_id`]; id `u32::MAX`: empty.
    /// Kept per thread rather than per document: the same few dozen names are asked for in every
    /// document, and a per-document table began cold each time.
    static GROUP_IDS: [Cell<(usize, u32)>; GROUP_SLOTS] = const { [const { Cell::new((0, u32::MAX)) }; GROUP_SLOTS] };
}

static EMPTY: Occurrences = Occurrences { starts: Vec::new(), ends: Vec::new() };

impl<'l> Document<'l> {
    /// `lang` None means auto: Japanese when the text holds kana or kanji.
    pub fn new(text: &str, lang: Option<Lang>, lexicon: &'l Lexicon) -> Self {
        Self::with_morphology(text, lang, lexicon, None)
    }

    /// A document whose rules may ask `morphology` for the tokens of short windows.
    pub fn with_morphology(
        text: &str,
        lang: Option<Lang>,
        lexicon: &'l Lexicon,
        morphology: Option<&'l dyn Morphology>,
    ) -> Self {
        let Prepared { text, norm, lower, lower_changes, japanese } = prepare(text);
        let lang = lang.unwrap_or(if japanese { Lang::Ja } else { Lang::En });
        Document {
            text,
            norm,
            lang,
            lexicon,
            morphology,
            lower,
            lower_changes,
            ascii_upper: OnceCell::new(),
            index: OnceCell::new(),
            shared: Shared::default(),
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.text.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The folded text lower-cased code point by code point (same length), as Python's
    /// `Document.lower`: `norm.lower()` (final sigma included) unless that changes the length.
    #[inline]
    pub fn lower(&self) -> &Text {
        self.lower.as_ref().unwrap_or(&self.norm)
    }

    /// The code points (ascending) where [`Document::lower`] differs from the fold: among them every
    /// upper-case ASCII letter. A recognizer looking for capitals visits these, not every code point.
    pub fn case_changes(&self) -> &[u32] {
        match &self.lower_changes {
            Some(changed) => changed,
            None => self.ascii_upper.get_or_init(|| {
                let b = self.norm.s.as_bytes();
                (0..b.len()).filter(|&i| b[i].is_ascii_uppercase()).map(|i| i as u32).collect()
            }),
        }
    }

    /// The keyword index, built on first use. The built case is inline (a load and a test); the
    /// building is out of line, so that [`Document::occurrences`] stays small enough to inline
    /// (with the building inside, every call paid a large prologue: ~64 instructions a question).
    #[inline]
    fn index(&self) -> &[Occurrences] {
        match self.index.get() {
            Some(index) => &index.groups,
            None => self.build_index(),
        }
    }

    #[cold]
    #[inline(never)]
    fn build_index(&self) -> &[Occurrences] {
        &self.index.get_or_init(|| self.lexicon.index(self.lower())).groups
    }

    /// Starts and ends (parallel, sorted by start) of every keyword of `group` in the text.
    #[inline]
    pub fn occurrences(&self, group: &str) -> &Occurrences {
        self.occurrences_in(self.index(), group)
    }

    /// [`Document::occurrences`] given the index (callers asking for several groups fetch it once).
    #[inline]
    fn occurrences_in<'a>(&self, index: &'a [Occurrences], group: &str) -> &'a Occurrences {
        match self.group_id(group) {
            Some(id) => index.get(id as usize).unwrap_or(&EMPTY),
            None => &EMPTY,
        }
    }

    /// The lexicon's id of `group`, remembered by the address of the name asked with (recognizers
    /// ask with the same `&'static str` again and again; hashing it showed in profiles). A remembered
    /// entry is used only when this lexicon's name of that id equals `group` (an address may be
    /// reused by another string, and the entry may come from another engine's lexicon): names are
    /// unique in a lexicon, so the id is then `group`'s. The test is inline ([`same_name`]): a call
    /// of `memcmp` per question was most of its cost (~640,000 questions on 2 MB of short English texts).
    /// Always inlined: as a call (LLVM's choice) it saved five registers each time, ~50 instructions a
    /// question; inside [`Document::keywords_in`]'s loop it costs about half.
    #[inline(always)]
    fn group_id(&self, group: &str) -> Option<crate::lexicon::GroupId> {
        let p = group.as_ptr() as usize;
        // Fibonacci hashing of the address: neighbouring literals spread over the slots
        let k = p.wrapping_mul(0x9E37_79B9_7F4A_7C15_u64 as usize) >> (usize::BITS - GROUP_BITS);
        let cached = GROUP_IDS.try_with(|slots| slots[k].get()).ok();
        if let Some((addr, id)) = cached {
            if addr == p && id != u32::MAX && self.lexicon.group_name_of(id).is_some_and(|n| same_name(n, group)) {
                return Some(id);
            }
        }
        self.group_id_slow(group, p, k)
    }

    /// [`Document::group_id`] when the slot holds another name: the lexicon's map, remembered.
    #[cold]
    #[inline(never)]
    fn group_id_slow(&self, group: &str, p: usize, k: usize) -> Option<crate::lexicon::GroupId> {
        let id = self.lexicon.group_id(group)?;
        let _ = GROUP_IDS.try_with(|slots| slots[k].set((p, id)));
        Some(id)
    }

    /// True when at least one keyword of `group` occurs in the text.
    pub fn has_group(&self, group: &str) -> bool {
        !self.occurrences(group).starts.is_empty()
    }

    /// Keyword occurrences lying wholly inside `[start, end)` that belong to any of `groups`, in
    /// (start, longer first, group name) order; a keyword in several asked groups comes once per group.
    pub fn keywords_in<'g>(&self, start: usize, end: usize, groups: &[&'g str]) -> Vec<Hit<'g>> {
        let mut out = Vec::new();
        let index = self.index();
        for &g in groups {
            let occ = self.occurrences_in(index, g);
            let mut i = occ.starts.partition_point(|&s| s < start);
            while i < occ.starts.len() && occ.starts[i] < end {
                if occ.ends[i] <= end {
                    out.push((occ.starts[i], occ.ends[i], g));
                }
                i += 1;
            }
        }
        if groups.len() > 1 && out.len() > 1 {
            out.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        }
        out
    }

    /// The nearest keyword of `groups` ending at or before `pos` within `window` code points.
    pub fn keyword_before<'g>(&self, pos: usize, groups: &[&'g str], window: usize) -> Option<Hit<'g>> {
        let lo = pos.saturating_sub(window);
        let mut best: Option<Hit<'g>> = None;
        let index = self.index();
        for &g in groups {
            let occ = self.occurrences_in(index, g);
            let mut i = occ.starts.partition_point(|&s| s <= pos);
            while i > 0 {
                i -= 1;
                if (occ.starts[i] as i64) < lo as i64 - 64 {
                    break;
                }
                let e = occ.ends[i];
                if lo <= e && e <= pos {
                    let better = match best {
                        None => true,
                        Some((_, be, bg)) => e > be || (e == be && g < bg),
                    };
                    if better {
                        best = Some((occ.starts[i], e, g));
                    }
                    break;
                }
            }
        }
        best
    }

    /// The nearest keyword of `groups` starting at or after `pos` within `window` code points.
    pub fn keyword_after<'g>(&self, pos: usize, groups: &[&'g str], window: usize) -> Option<Hit<'g>> {
        let mut best: Option<Hit<'g>> = None;
        let index = self.index();
        for &g in groups {
            let occ = self.occurrences_in(index, g);
            let i = occ.starts.partition_point(|&s| s < pos);
            if i < occ.starts.len() && occ.starts[i] <= pos + window {
                let cand = (occ.starts[i], occ.ends[i], g);
                let better = match best {
                    None => true,
                    Some(b) => (cand.0, cand.1) < (b.0, b.1) || ((cand.0, cand.1) == (b.0, b.1) && g < b.2),
                };
                if better {
                    best = Some(cand);
                }
            }
        }
        best
    }

    /// Whether an analyser is present (the Python rules' `morphology.available()`).
    pub fn has_morphology(&self) -> bool {
        self.morphology.is_some_and(|m| m.available())
    }

    /// Tokens of the original text's `[start, end)` (cut to [`MAX_WINDOW`] code points), offsets into the text.
    /// Empty without an analyser or when it fails.
    pub fn tokens(&self, start: usize, end: usize) -> Vec<Token> {
        self.tokens_of(&self.text, start, end)
    }

    /// [`Document::tokens`] of the folded text's `[start, end)`: for rules that hand the analyser a
    /// slice of `norm` (the Python rules' `morphology.tokens(norm[start:end])`), so the tokens are the same.
    pub fn norm_tokens(&self, start: usize, end: usize) -> Vec<Token> {
        self.tokens_of(&self.norm, start, end)
    }

    fn tokens_of(&self, text: &Text, start: usize, end: usize) -> Vec<Token> {
        let Some(m) = self.morphology.filter(|m| m.available()) else {
            return Vec::new();
        };
        let end = end.min(self.len());
        let start = start.min(end);
        let end = end.min(start + MAX_WINDOW);
        if start == end {
            return Vec::new();
        }
        let mut toks = m.tokens(text.slice(start, end)).unwrap_or_default();
        toks.retain(|t| t.start <= t.end && t.end <= end - start);
        for t in &mut toks {
            t.start += start;
            t.end += start;
        }
        toks
    }

    /// Start of the line holding `pos`, looking back at most `limit` code points.
    pub fn line_start(&self, pos: usize, limit: usize) -> usize {
        line_start(&self.text.chars, pos, limit)
    }

    /// End of the line holding `pos` (the newline's offset), looking ahead at most `limit` code points.
    pub fn line_end(&self, pos: usize, limit: usize) -> usize {
        line_end(&self.text.chars, pos, limit)
    }

    /// Work shared between recognizers for this document: each slot is filled by the first caller
    /// (`slot.get_or_init(|| make(doc))`).
    #[inline]
    pub fn shared(&self) -> &Shared {
        &self.shared
    }
}

impl Drop for Document<'_> {
    fn drop(&mut self) {
        if let Some(index) = self.index.take() {
            self.lexicon.recycle(index);
        }
    }
}

/// What [`prepare`] makes of a text.
struct Prepared {
    text: Text,
    norm: Text,
    /// None when the lower-casing changes nothing.
    lower: Option<Text>,
    /// None for an ASCII text (not recorded).
    lower_changes: Option<Vec<u32>>,
    japanese: bool,
}

/// The text, its fold, the fold lower-cased (Python's `Document.lower`, as [`crate::pystr::doc_lower`])
/// and whether the text holds kana or kanji ([`is_japanese`]).
///
/// One pass decodes the UTF-8 and records the byte offsets, copying runs of ASCII in bulk; it notes the
/// few code points the fold changes and those the lower-casing may change (upper-case ASCII, and
/// non-ASCII outside U+2D00..U+A63F). The folded and lower-cased strings are then copies with those
/// code points replaced (the per-code-point cost of building them showed in profiles).
fn prepare(text: &str) -> Prepared {
    if text.is_ascii() {
        // nothing folds, nothing is Japanese; byte and code-point offsets coincide
        let chars: Vec<char> = text.bytes().map(char::from).collect();
        let t = Text::from_parts(text.to_string(), chars, Vec::new());
        let lower = text.bytes().any(|b| b.is_ascii_uppercase()).then(|| {
            let s = text.to_ascii_lowercase();
            let chars: Vec<char> = s.bytes().map(char::from).collect();
            Text::from_parts(s, chars, Vec::new())
        });
        return Prepared { norm: t.clone(), text: t, lower, lower_changes: None, japanese: false };
    }
    let bytes = text.as_bytes();
    let n = text.chars().count();
    // the code points and their byte offsets, written into buffers of the final size (pushes kept
    // the lengths in memory, and the loop's values did not stay in registers)
    let mut chars: Vec<char> = vec!['\0'; n];
    let mut byte_at: Vec<u32> = vec![0; n + 1];
    let (cs, bs) = (&mut chars[..], &mut byte_at[..n]);
    // in the same pass, the code points the fold changes and those the lower-casing may change (both
    // ascending): upper-case ASCII, and non-ASCII outside U+2D00..U+A63F
    let mut changed: Vec<u32> = Vec::with_capacity(32);
    let mut may_lower: Vec<u32> = Vec::with_capacity(32);
    let mut japanese = false;
    let mut k = 0usize;
    let mut b = 0usize;
    'runs: while b < bytes.len() {
        let run = ascii_run(&bytes[b..]);
        if run > 0 {
            // a run of ASCII: a code point per byte
            let (Some(cd), Some(bd)) = (cs.get_mut(k..k + run), bs.get_mut(k..k + run)) else {
                break; // (never: `n` counts the code points)
            };
            let src = &bytes[b..b + run];
            cd.iter_mut().zip(src).for_each(|(d, &x)| *d = char::from(x));
            bd.iter_mut().zip(b as u32..).for_each(|(d, x)| *d = x);
            push_upper(src, k, &mut may_lower);
            k += run;
            b += run;
        }
        // code points up to the next run of ASCII (a lone ASCII code point is taken here); std's
        // decoder reads the continuation bytes of valid UTF-8 without a bounds check each
        let rest = &text[b..];
        for (o, c) in rest.char_indices() {
            if c.is_ascii() && rest.as_bytes().get(o + 1).is_some_and(u8::is_ascii) {
                b += o; // (o > 0: `rest` starts with a non-ASCII code point)
                continue 'runs;
            }
            if k >= n {
                break 'runs; // (never)
            }
            cs[k] = c;
            bs[k] = (b + o) as u32;
            let u = c as u32;
            if u < 0x80 {
                if c.is_ascii_uppercase() {
                    may_lower.push(k as u32);
                }
            } else if (0x3040..0xA640).contains(&u) {
                // kana and kanji (U+3040..U+A63F) neither fold nor lower: one test for most of a
                // Japanese text
                if !japanese {
                    japanese = is_japanese_char(c);
                }
            } else {
                if !japanese && is_japanese_char(c) {
                    japanese = true; // (half-width katakana)
                }
                // U+3040..U+FE57 fold to themselves: only the rest are looked up
                if !(0x3040..0xFE58).contains(&u) && fold_char(c) != c {
                    changed.push(k as u32);
                }
                // U+2D00..U+A63F (kana, kanji and their punctuation) have no lower case (`lower_one`)
                if !(0x2D00..=0xA63F).contains(&u) {
                    may_lower.push(k as u32);
                }
            }
            k += 1;
        }
        break;
    }
    byte_at[n] = bytes.len() as u32;
    debug_assert!(text.chars().eq(chars.iter().copied()));
    // the fold is the original with the few changed code points replaced
    let mut norm_chars = chars.clone();
    for &k in &changed {
        let k = k as usize;
        norm_chars[k] = fold_char(chars[k]);
    }
    if japanese {
        let moved = crate::spaced_labels::close_spaced_labels(&mut norm_chars);
        if !moved.is_empty() {
            changed.extend(moved);
            changed.sort_unstable();
            changed.dedup();
        }
    }
    let (norm_s, norm_at) = replaced(text, &chars, &byte_at, &norm_chars, &changed);
    // the fold's code points differ from the original's only where it changed them: a code point the
    // lower-casing changes is among those or among the ones that may lower
    let candidates = if changed.is_empty() { may_lower } else { merged(&may_lower, &changed) };
    let (lower, lower_changes) = lower_at(&norm_s, &norm_chars, &norm_at, &candidates);
    Prepared {
        text: Text::from_parts(text.to_string(), chars, byte_at),
        norm: Text::from_parts(norm_s, norm_chars, norm_at),
        lower,
        lower_changes: Some(lower_changes),
        japanese,
    }
}

/// `a == b` for group names, without a call to `memcmp` for names of up to 32 bytes: the first and
/// last 4 (8, 16) bytes of two names of one length cover all of them.
#[inline]
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let w4 = |x: &[u8], i: usize| x.get(i..i + 4).map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]));
    let w8 = |x: &[u8], i: usize| {
        x.get(i..i + 8).map(|w| u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]))
    };
    match n {
        0..=3 => a == b,
        4..=8 => w4(a, 0) == w4(b, 0) && w4(a, n - 4) == w4(b, n - 4),
        9..=16 => w8(a, 0) == w8(b, 0) && w8(a, n - 8) == w8(b, n - 8),
        17..=32 => {
            w8(a, 0) == w8(b, 0)
                && w8(a, 8) == w8(b, 8)
                && w8(a, n - 16) == w8(b, n - 16)
                && w8(a, n - 8) == w8(b, n - 8)
        }
        _ => a == b,
    }
}

/// The union of two ascending lists, ascending, each value once.
fn merged(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        out.push(x.min(y));
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Pushes `k + j` for every upper-case ASCII letter `run[j]` of the ASCII bytes `run`, eight bytes
/// tested at a time (capitals are rare in a Japanese text).
#[inline]
fn push_upper(run: &[u8], k: usize, out: &mut Vec<u32>) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut words = run.chunks_exact(8);
    let mut at = k;
    for w in &mut words {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        let w = u64::from_le_bytes(a);
        // bytes below 0x80: adding 0x3F sets the high bit from 'A' up, adding 0x25 from '[' up (no carries)
        let mut upper = w.wrapping_add(0x3F * ONES) & !w.wrapping_add(0x25 * ONES) & (0x80 * ONES);
        while upper != 0 {
            out.push((at + (upper.trailing_zeros() / 8) as usize) as u32);
            upper &= upper - 1;
        }
        at += 8;
    }
    for (j, x) in words.remainder().iter().enumerate() {
        if x.is_ascii_uppercase() {
            out.push((at + j) as u32);
        }
    }
}

/// The number of ASCII bytes at the start of `b` (eight at a time).
#[inline]
fn ascii_run(b: &[u8]) -> usize {
    let mut i = 0usize;
    while let Some(w) = b.get(i..i + 8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        let high = u64::from_le_bytes(a) & 0x8080_8080_8080_8080;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + b[i..].iter().take_while(|x| x.is_ascii()).count()
}

/// Python's `Document.lower` of the fold (string `s`, code points `norm`, byte offsets `at`), as
/// [`crate::pystr::doc_lower`], given every code point it may change (`candidates`, ascending): the
/// lower-cased text (None when nothing changes) and the code points changed.
fn lower_at(s: &str, norm: &[char], at: &[u32], candidates: &[u32]) -> (Option<Text>, Vec<u32>) {
    // every U+0130 of the fold is a candidate (non-ASCII, outside U+2D00..U+A63F)
    let dotted = candidates.iter().any(|&k| norm[k as usize] == '\u{130}');
    let mut changes: Vec<(u32, char)> = Vec::new();
    for &k in candidates {
        let i = k as usize;
        let x = norm[i];
        let l = if x.is_ascii() {
            x.to_ascii_lowercase()
        } else if (0x2D00..=0xA63F).contains(&(x as u32)) {
            continue;
        } else if x == '\u{3a3}' && !dotted {
            if crate::pystr::final_sigma(norm, i) {
                '\u{3c2}'
            } else {
                '\u{3c3}'
            }
        } else {
            crate::pystr::lower_one(x).unwrap_or(x)
        };
        if l != x {
            changes.push((k, l));
        }
    }
    if changes.is_empty() {
        return (None, Vec::new());
    }
    let mut chars = norm.to_vec();
    for &(k, l) in &changes {
        chars[k as usize] = l;
    }
    let changed: Vec<u32> = changes.iter().map(|&(k, _)| k).collect();
    let (ls, lat) = replaced(s, norm, at, &chars, &changed);
    (Some(Text::from_parts(ls, chars, lat)), changed)
}

/// The string and byte offsets of `new`: `old` (string `s`, byte offsets `at`, empty when `s` is
/// ASCII) with the code points at `changed` (ascending) replaced, the rest copied by stretches.
fn replaced(s: &str, old: &[char], at: &[u32], new: &[char], changed: &[u32]) -> (String, Vec<u32>) {
    if changed.is_empty() {
        return (s.to_string(), at.to_vec());
    }
    let byte = |i: usize| if at.is_empty() { i } else { at[i] as usize };
    if changed.iter().all(|&i| old[i as usize].is_ascii() && new[i as usize].is_ascii()) {
        // (the lower-casing, mostly) ASCII letters that change case: a copy patched where they stand,
        // offsets unchanged
        let mut out = s.to_string();
        for &i in changed {
            let (o, n, b) = (old[i as usize], new[i as usize], byte(i as usize));
            if let Some(x) = out.get_mut(b..b + 1) {
                if n == o.to_ascii_lowercase() {
                    x.make_ascii_lowercase();
                } else if n == o.to_ascii_uppercase() {
                    x.make_ascii_uppercase();
                } else {
                    out.replace_range(b..b + 1, n.encode_utf8(&mut [0; 4]));
                }
            }
        }
        return (out, at.to_vec());
    }
    let mut out = String::with_capacity(s.len());
    let mut seg = 0usize;
    let mut same_width = true;
    for &i in changed {
        let i = i as usize;
        let (o, n) = (old[i], new[i]);
        let b = byte(i);
        if b > seg {
            out.push_str(&s[seg..b]);
        }
        out.push(n);
        seg = b + o.len_utf8();
        same_width &= o.len_utf8() == n.len_utf8();
    }
    out.push_str(&s[seg..]);
    if out.len() == new.len() {
        return (out, Vec::new()); // ASCII
    }
    if same_width {
        return (out, at.to_vec());
    }
    let mut new_at: Vec<u32> = Vec::with_capacity(new.len() + 1);
    if at.len() == new.len() + 1 {
        // the old offsets less the bytes the changes before each code point removed (or added):
        // one subtraction per code point between the few changes
        let mut delta = 0i64;
        let mut prev = 0usize;
        for &i in changed {
            let i = i as usize;
            if i < prev || i >= new.len() {
                continue; // (changes come ascending and once each)
            }
            new_at.extend(at[prev..=i].iter().map(|&x| (i64::from(x) - delta) as u32));
            delta += old[i].len_utf8() as i64 - new[i].len_utf8() as i64;
            prev = i + 1;
        }
        new_at.extend(at[prev..].iter().map(|&x| (i64::from(x) - delta) as u32));
    } else {
        let mut b = 0u32;
        new_at.extend(new.iter().map(|c| {
            let x = b;
            b += c.len_utf8() as u32;
            x
        }));
        new_at.push(b);
    }
    debug_assert_eq!(new_at.last().map(|&b| b as usize), Some(out.len()));
    (out, new_at)
}

/// Start of the line holding `pos` in `chars`, looking back at most `limit` code points.
pub fn line_start(chars: &[char], pos: usize, limit: usize) -> usize {
    let pos = pos.min(chars.len());
    let lo = pos.saturating_sub(limit);
    match chars[lo..pos].iter().rposition(|&c| c == '\n') {
        Some(i) => lo + i + 1,
        None => lo,
    }
}

/// End of the line holding `pos` (the newline's offset), looking ahead at most `limit` code points.
pub fn line_end(chars: &[char], pos: usize, limit: usize) -> usize {
    let pos = pos.min(chars.len());
    let hi = (pos + limit).min(chars.len());
    match chars[pos..hi].iter().position(|&c| c == '\n') {
        Some(i) => pos + i,
        None => hi,
    }
}

/// (start, end) of each cell of the CSV/TSV line `chars[start..end]`; double quotes may hold delimiters.
pub fn split_cells(chars: &[char], start: usize, end: usize, delim: char) -> Vec<(usize, usize)> {
    let mut cells = Vec::new();
    let mut cs = start;
    let mut quoted = false;
    for (i, &c) in chars.iter().enumerate().take(end).skip(start) {
        if c == '"' {
            quoted = !quoted;
        } else if c == delim && !quoted {
            cells.push((cs, i));
            cs = i + 1;
        }
    }
    cells.push((cs, end));
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        let mut lx = Lexicon::new();
        lx.add("tel", ["TEL", "電話"]);
        lx.add("num", ["番号"]);
        lx.build();
        lx
    }

    #[test]
    fn keyword_queries() {
        let lx = lexicon();
        let doc = Document::new("ＴＥＬ：03-1234-5678 電話番号 x", None, &lx);
        assert_eq!(doc.lang, Lang::Ja);
        assert_eq!(doc.norm.s, "TEL:03-1234-5678 電話番号 x");
        assert_eq!(doc.keywords_in(0, 30, &["tel", "num"]), vec![(0, 3, "tel"), (17, 19, "tel"), (19, 21, "num")]);
        assert_eq!(doc.keyword_before(4, &["tel", "num"], 10), Some((0, 3, "tel")));
        assert_eq!(doc.keyword_after(4, &["tel", "num"], 20), Some((17, 19, "tel")));
        assert_eq!(doc.keyword_after(4, &["tel"], 5), None);
    }

    #[test]
    fn lines_and_cells() {
        let c: Vec<char> = "ab\ncd,\"e,f\",g\n".chars().collect();
        assert_eq!(line_start(&c, 4, LINE_LIMIT), 3);
        assert_eq!(line_end(&c, 4, LINE_LIMIT), 13);
        assert_eq!(split_cells(&c, 3, 13, ','), vec![(3, 5), (6, 11), (12, 13)]);
    }

    #[test]
    fn prepared_texts_match_the_plain_definitions() {
        let lx = lexicon();
        for t in [
            "",
            "abc",
            "ABc Def",
            "ＴＥＬ：０３　山田",
            "ΟΔΟΣ. İx",
            "\u{212a}elvin Ω 🙂Ａ",
            "ΣΑ ὈΣ",
            "東京都 ABC〜",
            "A山b田CD林ef\nG",
            "山A",
            "Aé",
            "ＡＢ山 12345678901234567 Z",
            "Ｘ　山田 TEL",
            "ÀÉ ｱｲ Ｘ—Ｙ",
            "山 ABCDEFGHIJKLmnopQRSTUVWXYZ@[`{ 田Z\u{7f}AZaz09 é",
            "A山B",
        ] {
            let doc = Document::new(t, None, &lx);
            let norm: Vec<char> = t.chars().map(fold_char).collect();
            assert_eq!(doc.text.chars, t.chars().collect::<Vec<_>>());
            assert_eq!(doc.norm.chars, norm);
            assert_eq!(doc.norm.s, norm.iter().collect::<String>());
            let low = crate::pystr::doc_lower(&norm);
            assert_eq!(doc.lower().chars, low);
            assert_eq!(doc.lower().s, low.iter().collect::<String>());
            let changed: Vec<u32> = (0..low.len()).filter(|&i| low[i] != norm[i]).map(|i| i as u32).collect();
            assert_eq!(doc.case_changes(), changed.as_slice());
            for x in [&doc.text, &doc.norm, doc.lower()] {
                for i in 0..=x.len() {
                    assert_eq!(x.byte(i), x.s.char_indices().nth(i).map_or(x.s.len(), |(b, _)| b));
                    assert_eq!(x.char_index(x.byte(i)), i);
                }
            }
            assert_eq!(doc.lang == Lang::Ja, is_japanese(t));
        }
    }

    #[test]
    fn names_compare_as_strings() {
        let names =
            ["", "a", "ab", "abc", "n.ip", "n.dob", "n.phone", "n.postal", "org.legal_form", "person.title_after_x"];
        let long = "person.honorifics_and_titles_of_a_very_long_group";
        for a in names.iter().chain([&long]) {
            for b in names.iter().chain([&long]) {
                assert_eq!(same_name(a, b), a == b, "{a} {b}");
                // one byte changed anywhere
                for i in 0..a.len() {
                    let mut c = a.as_bytes().to_vec();
                    c[i] = b'#';
                    let c = String::from_utf8(c).unwrap();
                    assert_eq!(same_name(a, &c), *a == c.as_str());
                }
            }
        }
    }

    #[test]
    fn merged_lists() {
        assert_eq!(merged(&[1, 3, 5], &[2, 3, 9]), vec![1, 2, 3, 5, 9]);
        assert_eq!(merged(&[], &[4]), vec![4]);
        assert_eq!(ascii_run(b"abcdefghij\xe3"), 10);
        assert_eq!(ascii_run(b"ab"), 2);
        assert_eq!(ascii_run(b"\xe3ab"), 0);
    }

    #[test]
    fn shared_work_computed_once() {
        let lx = lexicon();
        let doc = Document::new("x", None, &lx);
        let a = doc.shared().organization_hits.get_or_init(|| vec![(0, 1, "a")]);
        let b = doc.shared().organization_hits.get_or_init(|| vec![(0, 1, "b")]);
        assert!(std::ptr::eq(a, b));
        assert_eq!(b, &vec![(0, 1, "a")]);
    }
}
