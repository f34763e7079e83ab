//! The optional Japanese name model: the per-character features of a segment (the one implementation:
//! the training data of `benchmarks/ner_train.py` and detection both come from [`build`]), then CRF tagging
//! ([`crate::crf`]) and the spans `NerCrf.tag` reports.
//!
//! [`build`] writes each feature key, in order, to a [`Sink`]. Detection's sink ([`features`]) looks each
//! key up in the model and adds its attribute id to the character, without allocating: the state scores
//! are summed in the order CRFsuite sums them, so the labels and marginals are the ones python-crfsuite
//! gives; a key the model does not know is skipped, as CRFsuite skips it. Training's sink
//! ([`feature_strings`]) keeps every key as a string. The feature groups ([`Level`], `FEATURE_SETS` in
//! Python) each add to the ones before. Character classes follow Python's `str.isdigit` / `isalpha` /
//! `isspace` ([`crate::pystr`]); lengths are in code points.

use crate::crf::{Model, ModelError};
use crate::pystr;

mod char_ids;
pub mod resources;

use char_ids::CharIds;

/// A SudachiPy token of the segment: offsets into it (code points), surface, part of speech.
#[derive(Debug, Clone, Default)]
pub struct Token {
    pub start: i64,
    pub end: i64,
    pub surface: String,
    pub pos: Vec<String>,
}

/// A rule finding inside the segment: (start, end, type, recognizer, score).
#[derive(Debug, Clone, Default)]
pub struct Hint {
    pub start: i64,
    pub end: i64,
    pub kind: String,
    pub recognizer: String,
    pub score: f64,
}

/// A gazetteer proper noun found in the segment, with its kinds (one letter each: O, P, L, G).
#[derive(Debug, Clone, Default)]
pub struct Listed {
    pub start: i64,
    pub end: i64,
    pub kinds: String,
}

/// What the features of one segment are made of; `flags` and `clusters` go with `tokens`, index for index.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub flags: &'a [String],
    pub hints: &'a [Hint],
    pub gazetteer: &'a [Listed],
    pub clusters: &'a [Option<u64>],
}

/// A span the model found: code-point offsets into the segment, its type and the mean marginal of its labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub score: f64,
}

/// The groups of features (`ner_features.FEATURE_SETS`), each adding to the ones before: the characters and
/// their types; the SudachiPy tokens; the name-lexicon flags; the rule hints; the gazetteer; the word clusters.
/// Besides them, [`Level::Free`] (`ner_features.TOKEN_FREE`): the characters, the name lexicon read from the
/// characters ([`name_features`]), the rule hints and the gazetteer, without a token (no SudachiPy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Chars,
    Morph,
    Lex,
    Rules,
    Gaz,
    Vec,
    Free,
}

impl Level {
    /// The names of the nested levels, in order (`FEATURE_SETS`).
    pub const NAMES: [&'static str; 6] = ["chars", "morph", "lex", "rules", "gaz", "vec"];
    /// The name of [`Level::Free`] (`TOKEN_FREE`).
    pub const FREE: &'static str = "free";
    const ALL: [Level; 6] = [Level::Chars, Level::Morph, Level::Lex, Level::Rules, Level::Gaz, Level::Vec];

    /// The level called `name`: one of [`Level::NAMES`] or [`Level::FREE`].
    pub fn from_name(name: &str) -> Option<Level> {
        if name == Level::FREE {
            return Some(Level::Free);
        }
        Level::NAMES.iter().position(|&n| n == name).map(|i| Level::ALL[i])
    }

    /// The level's name.
    pub fn name(self) -> &'static str {
        match self {
            Level::Free => Level::FREE,
            l => Level::NAMES[Level::ALL.iter().position(|&a| a == l).unwrap_or(0)],
        }
    }

    /// Whether the features use the segment's tokens (and so SudachiPy).
    pub fn tokens(self) -> bool {
        matches!(self, Level::Morph | Level::Lex | Level::Rules | Level::Gaz | Level::Vec)
    }

    /// Whether the tokens' name-lexicon flags are used.
    pub fn lex(self) -> bool {
        matches!(self, Level::Lex | Level::Rules | Level::Gaz | Level::Vec)
    }

    /// Whether the name lexicon is read from the characters ([`name_features`]).
    pub fn char_lex(self) -> bool {
        self == Level::Free
    }

    /// Whether the rule hints are used.
    pub fn rules(self) -> bool {
        matches!(self, Level::Rules | Level::Gaz | Level::Vec | Level::Free)
    }

    /// Whether the gazetteer is used.
    pub fn gaz(self) -> bool {
        matches!(self, Level::Gaz | Level::Vec | Level::Free)
    }

    /// Whether the tokens' word clusters are used.
    pub fn clusters(self) -> bool {
        self == Level::Vec
    }
}

/// `ner_features.char_type`: K kanji, H hiragana, T katakana, A letter, D digit, S space, Y other.
pub fn char_type(c: char) -> u8 {
    let o = c as u32;
    if (0x3040..=0x309F).contains(&o) {
        b'H'
    } else if (0x30A0..=0x30FF).contains(&o) || (0xFF66..=0xFF9F).contains(&o) || (0x31F0..=0x31FF).contains(&o) {
        b'T'
    } else if (0x4E00..=0x9FFF).contains(&o)
        || (0x3400..=0x4DBF).contains(&o)
        || (0xF900..=0xFAFF).contains(&o)
        || matches!(c, '々' | '〆' | 'ヶ')
    {
        b'K'
    } else if pystr::is_digit(c) {
        b'D'
    } else if pystr::is_alpha(c) {
        b'A'
    } else if pystr::is_space(c) {
        b'S'
    } else {
        b'Y'
    }
}

fn type_letter(kind: &str) -> Option<u8> {
    match kind {
        "PERSON" => Some(b'P'),
        "ORGANIZATION" => Some(b'O'),
        "LOCATION" => Some(b'L'),
        _ => None,
    }
}

/// A feature key, built in one reused buffer: the whole string, and where CRFsuite, which reads a key as a C
/// string, ends it (at its first NUL; noted as the key is built, not searched for at each look-up).
#[derive(Debug, Default)]
pub struct Key {
    buf: Vec<u8>,
    nul: Option<usize>,
}

impl Key {
    /// The whole key (UTF-8): the feature string of the training data.
    pub fn bytes(&self) -> &[u8] {
        &self.buf
    }

    /// The key as CRFsuite reads it: up to its first NUL.
    #[inline]
    pub fn c_key(&self) -> &[u8] {
        match self.nul {
            Some(end) => &self.buf[..end],
            None => &self.buf,
        }
    }

    fn start(&mut self, prefix: &str) -> &mut Self {
        self.buf.clear();
        self.buf.extend_from_slice(prefix.as_bytes());
        self.nul = None;
        self
    }

    fn ch(&mut self, c: char) -> &mut Self {
        if c == '\0' && self.nul.is_none() {
            self.nul = Some(self.buf.len());
        }
        let mut b = [0u8; 4];
        self.buf.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
        self
    }

    fn s(&mut self, s: &str) -> &mut Self {
        if self.nul.is_none() {
            if let Some(at) = s.bytes().position(|b| b == 0) {
                self.nul = Some(self.buf.len() + at);
            }
        }
        self.buf.extend_from_slice(s.as_bytes());
        self
    }

    fn b(&mut self, b: u8) -> &mut Self {
        self.buf.push(b);
        self
    }

    fn num(&mut self, n: u64) -> &mut Self {
        let mut tmp = [0u8; 20];
        let mut i = tmp.len();
        let mut n = n;
        loop {
            i -= 1;
            tmp[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.buf.extend_from_slice(&tmp[i..]);
        self
    }
}

/// Where [`build`] writes the features of a segment: each key is resolved once to a handle (or skipped), and
/// the handle put on each character it belongs to, in order.
pub trait Sink {
    type Id: Copy;
    /// The handle of `key`, or None to leave the feature out.
    fn resolve(&mut self, key: &Key) -> Option<Self::Id>;
    /// Adds feature `id` to character `row` (after the ones added to it before).
    fn emit(&mut self, row: usize, id: Self::Id);
    /// Emits the character features of every row itself (the same ones in the same order, by a faster way)
    /// and returns true, or returns false to have them built key by key. `padded` and `types` as in [`build`].
    fn char_features(&mut self, _padded: &[char], _types: &[u8]) -> bool {
        false
    }
}

/// Detection's sink: the model's attribute id of each key it knows.
struct ModelIds<'m, F> {
    model: &'m Model,
    chars: Option<&'m CharIds>,
    emit: F,
}

impl<F: FnMut(usize, u32)> Sink for ModelIds<'_, F> {
    type Id = u32;

    #[inline]
    fn resolve(&mut self, key: &Key) -> Option<u32> {
        self.model.attr_id_exact(key.c_key())
    }

    #[inline]
    fn emit(&mut self, row: usize, id: u32) {
        (self.emit)(row, id)
    }

    fn char_features(&mut self, padded: &[char], types: &[u8]) -> bool {
        match self.chars {
            Some(ids) => ids.emit(padded, types, &mut self.emit),
            None => false,
        }
    }
}

/// Training's sink: every feature as a string. `rows[i]` lists character `i`'s features as indices into
/// `keys` (a key put on several characters is held once).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Strings {
    pub keys: Vec<String>,
    pub rows: Vec<Vec<u32>>,
}

impl Strings {
    /// Each character's feature strings, in order.
    pub fn to_rows(&self) -> Vec<Vec<&str>> {
        self.rows.iter().map(|r| r.iter().map(|&k| self.keys[k as usize].as_str()).collect()).collect()
    }
}

impl Sink for Strings {
    type Id = u32;

    fn resolve(&mut self, key: &Key) -> Option<u32> {
        // Always UTF-8: the key is made of `char`s, `str`s and ASCII.
        self.keys.push(String::from_utf8_lossy(key.bytes()).into_owned());
        Some((self.keys.len() - 1) as u32)
    }

    fn emit(&mut self, row: usize, id: u32) {
        if let Some(r) = self.rows.get_mut(row) {
            r.push(id);
        }
    }
}

#[inline]
fn put<S: Sink>(sink: &mut S, key: &Key, row: usize) {
    if let Some(a) = sink.resolve(key) {
        sink.emit(row, a);
    }
}

fn clamp(start: i64, end: i64, n: usize) -> (usize, usize) {
    let s = start.max(0) as usize;
    let e = end.clamp(0, n as i64) as usize;
    (s.min(n), e)
}

/// The attribute ids of each character's features up to `level` (the model's), in the order [`build`] writes
/// them: `emit(character, attribute id)`. Features the model lacks are skipped. `chars`: the model's
/// [`CharIds`], the character features' ids by table (None: by key, as every other feature).
fn features(model: &Model, level: Level, chars: Option<&CharIds>, inp: &Input<'_>, emit: impl FnMut(usize, u32)) {
    build(inp, level, &mut ModelIds { model, chars, emit });
}

/// Every feature string of each character up to `level` (the training data).
pub fn feature_strings(inp: &Input<'_>, level: Level) -> Strings {
    let mut sink = Strings { keys: Vec::new(), rows: vec![Vec::new(); inp.text.chars().count()] };
    build(inp, level, &mut sink);
    sink
}

/// Writes the features of each character of the segment up to `level`, in order, to `sink`.
pub fn build<S: Sink>(inp: &Input<'_>, level: Level, sink: &mut S) {
    let chars: Vec<char> = inp.text.chars().collect();
    let n = chars.len();
    if n == 0 {
        return;
    }
    let mut k = Key { buf: Vec::with_capacity(64), nul: None };

    // Characters and their types, two either side ("\x02" before, "\x03" after; "^" and "$" as types).
    let mut padded = Vec::with_capacity(n + 4);
    padded.extend(['\x02', '\x02']);
    padded.extend_from_slice(&chars);
    padded.extend(['\x03', '\x03']);
    let mut pt = Vec::with_capacity(n + 4);
    pt.extend([b'^', b'^']);
    pt.extend(chars.iter().map(|&c| char_type(c)));
    pt.extend([b'$', b'$']);
    let by_table = sink.char_features(&padded, &pt);
    for i in (0..n).filter(|_| !by_table) {
        let j = i + 2;
        let t = pt[j];
        put(sink, k.start("c=").ch(padded[j]), i);
        put(sink, k.start("t=").b(t), i);
        put(sink, k.start("c-1=").ch(padded[j - 1]), i);
        put(sink, k.start("c+1=").ch(padded[j + 1]), i);
        put(sink, k.start("c-2=").ch(padded[j - 2]), i);
        put(sink, k.start("c+2=").ch(padded[j + 2]), i);
        put(sink, k.start("b-=").ch(padded[j - 1]).ch(padded[j]), i);
        put(sink, k.start("b+=").ch(padded[j]).ch(padded[j + 1]), i);
        put(sink, k.start("b--=").ch(padded[j - 2]).ch(padded[j - 1]), i);
        put(sink, k.start("b++=").ch(padded[j + 1]).ch(padded[j + 2]), i);
        put(sink, k.start("tt=").b(pt[j - 1]).b(t).b(pt[j + 1]), i);
        put(sink, k.start("tt-=").b(pt[j - 2]).b(pt[j - 1]).b(t), i);
        put(sink, k.start("tt+=").b(t).b(pt[j + 1]).b(pt[j + 2]), i);
        if i == 0 {
            put(sink, k.start("BOS"), 0);
        }
        if i == n - 1 {
            put(sink, k.start("EOS"), i);
        }
    }
    if level.tokens() {
        token_features(&mut k, inp, if level.lex() { inp.flags } else { &[] }, n, sink);
    }
    if level.char_lex() {
        name_features(&mut k, &chars, &pt[2..n + 2], sink);
    }
    if !level.rules() {
        return;
    }
    for h in inp.hints {
        let Some(short) = type_letter(&h.kind) else { continue };
        let (start, end) = clamp(h.start, h.end, n);
        let tag = if h.score >= 0.5 { b'h' } else { b'l' };
        for i in start..end {
            let prefix = if i == start { b'B' } else { b'I' };
            put(sink, k.start("r=").b(prefix).b(short), i);
            put(sink, k.start("rs=").b(prefix).b(short).b(tag), i);
            put(sink, k.start("rn=").s(&h.recognizer), i);
        }
        if start > 0 && start <= n {
            put(sink, k.start("r+1=B").b(short), start - 1);
        }
        if end < n && h.end >= 0 {
            put(sink, k.start("r-1=E").b(short), end);
        }
    }
    if level.gaz() {
        gazetteer_features(&mut k, inp.gazetteer, n, sink);
    }
    if level.clusters() {
        cluster_features(&mut k, inp, n, sink);
    }
}

/// The letters [`name_features`] reads from the name lexicon's flags: surname, given name, their katakana
/// readings, katakana person name, kanji full name.
const NAME_LETTERS: [(u16, u8); 6] = {
    use crate::recognizers::person_ja::lexicon::{FOREIGN, FULL, GIV, GIV_KANA, SUR, SUR_KANA};
    [(SUR, b'S'), (GIV, b'G'), (SUR_KANA, b's'), (GIV_KANA, b'g'), (FOREIGN, b'F'), (FULL, b'P')]
};

/// The name lexicon read from the characters (the `free` set, in place of the tokens' flags): each run of
/// 2-5 kanji (old forms read as common ones, as the PERSON rules do) or 2-6 katakana that person_ja's lexicon
/// lists as a surname, given name, reading, katakana or full name; a single kanji listed so only gets `l1=X`.
/// Per character and letter, the longest such run beginning there (`lb=X`, `lbl=X` + its length, `lbc=X`
/// when that run is also an ordinary word) and the character before it (`lb+1=X`), one ending there (`le=X`)
/// and the character after it (`le-1=X`), one over it (`li=X`, inside); and `lsg` where a listed given name
/// begins right after a listed surname ends (`lsg-` on the surname's last character). Then [`run_features`].
/// About six look-ups a character: nothing like the tokenizer's cost.
fn name_features<S: Sink>(k: &mut Key, chars: &[char], types: &[u8], sink: &mut S) {
    use crate::recognizers::person_ja::lexicon::{common_form, name_lexicon, COMMON};
    let n = chars.len();
    let lex = name_lexicon();
    let folded: Vec<char> = chars.iter().map(|&c| common_form(c)).collect();
    // Per character: per letter, the longest listed run beginning there (0: none); the letters whose longest
    // run is also an ordinary word; the letters ending there; the letters over it, not at an end.
    let mut begin = vec![[0u8; 6]; n];
    let mut common = vec![0u8; n];
    let mut ends = vec![0u8; n];
    let mut inside = vec![0u8; n];
    let mut single = vec![0u8; n];
    for i in 0..n {
        let t = types[i];
        let (lo, hi) = match t {
            b'K' => (1, 5),
            b'T' => (2, 6),
            _ => continue,
        };
        for len in 1..=hi {
            let e = i + len;
            if e > n || types[e - 1] != t {
                break;
            }
            if len < lo {
                continue;
            }
            let m = lex.get(&folded[i..e]);
            for (b, &(flag, _)) in NAME_LETTERS.iter().enumerate() {
                if m & flag == 0 {
                    continue;
                }
                let bit = 1u8 << b;
                if len == 1 {
                    // Most kanji are listed alone as some name: only a feature of their own.
                    single[i] |= bit;
                    continue;
                }
                // Longer runs come later: each replaces the one before.
                begin[i][b] = len as u8;
                if m & COMMON != 0 {
                    common[i] |= bit;
                } else {
                    common[i] &= !bit;
                }
                ends[e - 1] |= bit;
                for x in inside.iter_mut().take(e - 1).skip(i + 1) {
                    *x |= bit;
                }
            }
        }
    }
    // NAME_LETTERS[0] is the surname, NAME_LETTERS[1] the given name.
    let (sur, giv) = (1u8, 1usize);
    for i in 0..n {
        for (b, &(_, letter)) in NAME_LETTERS.iter().enumerate() {
            let bit = 1u8 << b;
            let len = begin[i][b];
            if len > 0 {
                put(sink, k.start("lb=").b(letter), i);
                put(sink, k.start("lbl=").b(letter).num(len as u64), i);
                if common[i] & bit != 0 {
                    put(sink, k.start("lbc=").b(letter), i);
                }
                if i > 0 {
                    put(sink, k.start("lb+1=").b(letter), i - 1);
                }
            }
            if ends[i] & bit != 0 {
                put(sink, k.start("le=").b(letter), i);
                if i + 1 < n {
                    put(sink, k.start("le-1=").b(letter), i + 1);
                }
            }
            if inside[i] & bit != 0 {
                put(sink, k.start("li=").b(letter), i);
            }
            if single[i] & bit != 0 {
                put(sink, k.start("l1=").b(letter), i);
            }
        }
        if i > 0 && ends[i - 1] & sur != 0 && begin[i][giv] > 0 {
            put(sink, k.start("lsg"), i);
            put(sink, k.start("lsg-"), i - 1);
        }
    }
    run_features(k, &folded, types, sink);
}

/// The name lexicon over whole runs of kanji or katakana, a tokenizer's view of them: a run (of at most 8)
/// listed as a whole (`kr=X` on each of its characters, `krc=X` when also an ordinary word), a kanji run that is
/// exactly a listed surname and given name (`ksg=S` on the surname, `ksg=G` on the given name), and the longest
/// listed surname of 2-4 kanji a longer kanji run begins with (`kps=S`, `kps=I`: the rest of the run).
fn run_features<S: Sink>(k: &mut Key, folded: &[char], types: &[u8], sink: &mut S) {
    use crate::recognizers::person_ja::lexicon::{name_lexicon, COMMON, SUR};
    let lex = name_lexicon();
    let n = folded.len();
    let mut i = 0;
    while i < n {
        let t = types[i];
        let mut e = i + 1;
        while e < n && types[e] == t {
            e += 1;
        }
        if (t == b'K' || t == b'T') && e - i <= 8 {
            let run = &folded[i..e];
            let m = lex.get(run);
            for &(flag, letter) in &NAME_LETTERS {
                if m & flag == 0 {
                    continue;
                }
                for row in i..e {
                    put(sink, k.start("kr=").b(letter), row);
                    if m & COMMON != 0 {
                        put(sink, k.start("krc=").b(letter), row);
                    }
                }
            }
            if t == b'K' && run.len() >= 2 {
                let split = lex.split_full(run);
                if split > 0 {
                    for row in i..e {
                        put(sink, k.start("ksg=").b(if row < i + split { b'S' } else { b'G' }), row);
                    }
                } else if let Some(len) = (2..run.len().min(5)).rev().find(|&l| lex.get(&run[..l]) & SUR != 0) {
                    for row in i..e {
                        put(sink, k.start("kps=").b(if row < i + len { b'S' } else { b'I' }), row);
                    }
                }
            }
        }
        i = e;
    }
}

fn token_features<S: Sink>(k: &mut Key, inp: &Input<'_>, flags: &[String], n: usize, sink: &mut S) {
    let toks = inp.tokens;
    let mut common: Vec<S::Id> = Vec::with_capacity(16);
    for (idx, tok) in toks.iter().enumerate() {
        let (start, end) = clamp(tok.start, tok.end, n);
        if start >= end {
            continue;
        }
        let p = if tok.pos.is_empty() { "?".to_string() } else { tok.pos[..tok.pos.len().min(4)].join("-") };
        let surface = if tok.surface.chars().count() <= 12 { tok.surface.as_str() } else { "*long" };
        let prev = idx.checked_sub(1).map(|i| &toks[i]);
        let next = toks.get(idx + 1);
        fn short(t: Option<&Token>) -> &str {
            match t {
                Some(t) if t.surface.chars().count() <= 4 => t.surface.as_str(),
                _ => "*",
            }
        }
        let pos2 = |t: Option<&Token>, none: &str| match t {
            Some(t) => t.pos[..t.pos.len().min(2)].join("-"),
            None => none.to_string(),
        };
        common.clear();
        let mut add = |sink: &mut S, k: &Key| {
            if let Some(a) = sink.resolve(k) {
                common.push(a);
            }
        };
        add(sink, k.start("p=").s(&p));
        add(sink, k.start("p1=").s(tok.pos.get(1).map_or("?", |s| s.as_str())));
        add(sink, k.start("w=").s(surface));
        add(sink, k.start("wl=").num((end - start).min(6) as u64));
        add(sink, k.start("pw=").s(short(prev)));
        add(sink, k.start("nw=").s(short(next)));
        add(sink, k.start("pp=").s(&pos2(prev, "^")));
        add(sink, k.start("np=").s(&pos2(next, "$")));
        let lf = flags.get(idx).map_or("", |s| s.as_str());
        for letter in lf.chars() {
            add(sink, k.start("lx=").ch(letter));
        }
        if !lf.is_empty() {
            add(sink, k.start("lx"));
        }
        let last = end - 1;
        // Where the character sits in the token: S alone, B first, E last, I inside.
        let (mut tp, mut tpp) = ([None; 4], [None; 4]);
        let (first, places): (usize, &[u8]) = if start == last { (0, b"S") } else { (1, b"BEI") };
        for (w, where_) in places.iter().enumerate() {
            tp[first + w] = sink.resolve(k.start("tp=").b(*where_));
            tpp[first + w] = sink.resolve(k.start("tpp=").b(*where_).s(&p));
        }
        for i in start..end {
            let w = if start == last {
                0
            } else if i == start {
                1
            } else if i == last {
                2
            } else {
                3
            };
            if let Some(a) = tp[w] {
                sink.emit(i, a);
            }
            if let Some(a) = tpp[w] {
                sink.emit(i, a);
            }
            for &a in &common {
                sink.emit(i, a);
            }
        }
    }
}

fn gazetteer_features<S: Sink>(k: &mut Key, spans: &[Listed], n: usize, sink: &mut S) {
    // (character, kind) -> the longest listed span over it; first-seen order, as a Python dict keeps.
    let mut order: Vec<(usize, char, usize, usize)> = Vec::new();
    let mut index: std::collections::HashMap<(usize, char), usize> = std::collections::HashMap::new();
    for s in spans {
        let (start, end) = clamp(s.start, s.end, n);
        if end < start + 2 {
            continue;
        }
        for kind in s.kinds.chars() {
            for i in start..end {
                match index.get(&(i, kind)) {
                    Some(&at) => {
                        let got = &mut order[at];
                        if got.3 - got.2 < end - start {
                            got.2 = start;
                            got.3 = end;
                        }
                    }
                    None => {
                        index.insert((i, kind), order.len());
                        order.push((i, kind, start, end));
                    }
                }
            }
        }
    }
    for (i, kind, start, end) in order {
        let where_ = if i == start {
            b'B'
        } else if i == end - 1 {
            b'E'
        } else {
            b'I'
        };
        put(sink, k.start("g=").b(where_).ch(kind), i);
        put(sink, k.start("gl=").b(where_).ch(kind).num((end - start).min(6) as u64), i);
        if i == start && start > 0 {
            put(sink, k.start("g+1=").ch(kind), start - 1);
        }
        if i == end - 1 && end < n {
            put(sink, k.start("g-1=").ch(kind), end);
        }
    }
}

/// (row, mid, top) of packed cluster ids (`row << 16 | mid << 6 | top`).
fn cluster_ids(packed: u64) -> (u64, u64, u64) {
    (packed >> 16, (packed >> 6) & 0x3FF, packed & 0x3F)
}

fn cluster_features<S: Sink>(k: &mut Key, inp: &Input<'_>, n: usize, sink: &mut S) {
    let ids: Vec<Option<(u64, u64, u64)>> = inp.clusters.iter().map(|c| c.map(cluster_ids)).collect();
    let mut feats: Vec<S::Id> = Vec::with_capacity(6);
    for (idx, tok) in inp.tokens.iter().enumerate() {
        let (start, end) = clamp(tok.start, tok.end, n);
        if start >= end {
            continue;
        }
        let here = ids.get(idx).copied().flatten();
        let prev = if idx > 0 { ids.get(idx - 1).copied().flatten() } else { None };
        let next = ids.get(idx + 1).copied().flatten();
        feats.clear();
        let mut add = |sink: &mut S, k: &Key| {
            if let Some(a) = sink.resolve(k) {
                feats.push(a);
            }
        };
        match here {
            Some((v0, v1, v2)) => {
                add(sink, k.start("v0=").num(v0));
                add(sink, k.start("v1=").num(v1));
                add(sink, k.start("v2=").num(v2));
            }
            None => add(sink, k.start("v=none")),
        }
        if let Some((_, _, v2)) = prev {
            add(sink, k.start("pv2=").num(v2));
        }
        if let Some((_, _, v2)) = next {
            add(sink, k.start("nv2=").num(v2));
        }
        for i in start..end {
            for &a in &feats {
                sink.emit(i, a);
            }
        }
    }
}

/// What a label says: outside, or the beginning or inside of a span of a type.
#[derive(Debug, Clone)]
struct LabelKind {
    outside: bool,
    begins: bool,
    kind: String,
}

/// The name model: a CRF over characters and how to read its labels.
pub struct NerTagger {
    model: Model,
    chars: CharIds,
    kinds: Vec<LabelKind>,
    level: Level,
}

impl std::fmt::Debug for NerTagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NerTagger").field("model", &self.model).finish()
    }
}

/// `ner_crf._TRIM`: what a span loses at either end.
fn trimmed(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\r'
            | '\n'
            | '\u{3000}'
            | '、'
            | '。'
            | '，'
            | '．'
            | ','
            | '.'
            | '・'
            | ':'
            | '：'
            | ';'
            | '；'
            | '/'
            | '／'
            | '|'
            | '｜'
            | '('
            | ')'
            | '（'
            | '）'
            | '「'
            | '」'
            | '『'
            | '』'
            | '【'
            | '】'
            | '['
            | ']'
            | '"'
            | '\''
    )
}

/// `ner_crf._CODE_RE` as a full match: ASCII letters, digits and `._@+-`, with a digit or `@` among them.
fn code_like(s: &[char]) -> bool {
    s.iter().all(|&c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '@' | '+' | '-'))
        && s.iter().any(|&c| c.is_ascii_digit() || c == '@')
}

impl NerTagger {
    /// The tagger of a CRFsuite model file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<NerTagger, ModelError> {
        let model = Model::from_bytes(bytes)?;
        let kinds = model
            .labels()
            .iter()
            .map(|l| LabelKind { outside: l == "O", begins: l.starts_with("B-"), kind: l.chars().skip(2).collect() })
            .collect();
        let level = Self::level_of(&model);
        let chars = CharIds::new(&model);
        Ok(NerTagger { model, chars, kinds, level })
    }

    /// The feature set a model was trained with, as its attributes tell: a model that knows where a character
    /// sits in its token (`tp=`) was trained on tokens, the full set (`vec`, the default); one that knows the
    /// name lexicon read from the characters (`lb=`, `le=`) and no token feature, on [`Level::Free`].
    pub fn level_of(model: &Model) -> Level {
        let knows = |keys: &[&str]| keys.iter().any(|k| model.attr_id_exact(k.as_bytes()).is_some());
        if !knows(&["tp=S", "tp=B", "tp=E", "tp=I"]) && knows(&["lb=S", "lb=G", "le=S", "le=G"]) {
            Level::Free
        } else {
            Level::Vec
        }
    }

    /// The feature set the tagger builds (see [`NerTagger::level_of`]).
    pub fn level(&self) -> Level {
        self.level
    }

    /// The tagger building the features of `level` (for a model whose attributes do not tell).
    pub fn with_level(mut self, level: Level) -> NerTagger {
        self.level = level;
        self
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The attribute ids of each character of the segment (see [`features`]).
    pub fn feature_ids(&self, inp: &Input<'_>) -> Vec<Vec<u32>> {
        let mut rows = vec![Vec::new(); inp.text.chars().count()];
        features(&self.model, self.level, Some(&self.chars), inp, |row, a| rows[row].push(a));
        rows
    }

    /// [`NerTagger::feature_ids`] with every feature looked up by its key (the reference of [`CharIds`]).
    #[cfg(test)]
    fn feature_ids_by_key(&self, inp: &Input<'_>) -> Vec<Vec<u32>> {
        let mut rows = vec![Vec::new(); inp.text.chars().count()];
        features(&self.model, self.level, None, inp, |row, a| rows[row].push(a));
        rows
    }

    /// The best labels of a segment, by label id.
    pub fn labels(&self, inp: &Input<'_>) -> Vec<usize> {
        let scores = self.scores(inp);
        self.model.viterbi(&scores)
    }

    fn scores(&self, inp: &Input<'_>) -> crate::crf::Scores {
        let mut scores = self.model.scores(inp.text.chars().count());
        let model = &self.model;
        features(model, self.level, Some(&self.chars), inp, |row, a| model.add(&mut scores, row, a));
        scores
    }

    /// `NerCrf.tag`: the spans of the best labels (B-/I- runs; an I- without its B- starts a span), trimmed of
    /// spaces and punctuation, without ASCII code-like ones, each scored by the mean marginal of its labels
    /// over the untrimmed span.
    pub fn tag(&self, inp: &Input<'_>) -> Vec<Tagged> {
        let chars: Vec<char> = inp.text.chars().collect();
        if chars.is_empty() {
            return Vec::new();
        }
        let scores = self.scores(inp);
        let labels = self.model.viterbi(&scores);
        let mut spans: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, label id of the first)
        let mut open: Option<(usize, usize)> = None;
        for (i, &l) in labels.iter().enumerate() {
            let lk = &self.kinds[l];
            let same = open.is_some_and(|(_, first)| self.kinds[first].kind == lk.kind);
            if lk.outside || lk.begins || !same {
                if let Some((s, first)) = open.take() {
                    spans.push((s, i, first));
                }
                if !lk.outside {
                    open = Some((i, l));
                }
            }
        }
        if let Some((s, first)) = open {
            spans.push((s, labels.len(), first));
        }
        let mut marginals = None;
        let mut out = Vec::new();
        for (s0, e0, first) in spans {
            let (mut s, mut e) = (s0, e0);
            while s < e && trimmed(chars[s]) {
                s += 1;
            }
            while e > s && trimmed(chars[e - 1]) {
                e -= 1;
            }
            if e == s || code_like(&chars[s..e]) {
                continue;
            }
            let m = marginals.get_or_insert_with(|| self.model.marginals(&scores));
            let mut total = 0.0;
            for (t, &l) in labels.iter().enumerate().take(e0).skip(s0) {
                total += m.point(l, t);
            }
            out.push(Tagged {
                start: s,
                end: e,
                kind: self.kinds[first].kind.clone(),
                score: total / (e0 - s0) as f64,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests;
