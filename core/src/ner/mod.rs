//! The optional Japanese name model at detection time: the per-character features of
//! `mamori.detect.ner_features.features` (full feature set), straight to the model's attribute ids,
//! then CRF tagging ([`crate::crf`]) and the spans `NerCrf.tag` reports.
//!
//! The Python function stays the reference (it builds the training data): every feature here is
//! the same string, added to the same character in the same order, so the state scores are summed
//! in CRFsuite's order and the labels and marginals are the ones python-crfsuite gives. A feature
//! the model does not know is skipped, as CRFsuite skips it. Character classes follow Python's
//! `str.isdigit` / `isalpha` / `isspace` ([`crate::pystr`]); lengths are in code points.

use crate::crf::{Model, ModelError};
use crate::pystr;

pub mod resources;

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

/// Builds attribute keys in one reused buffer and looks them up. CRFsuite reads a key as a C string, so
/// whatever follows a NUL is dropped as the key is built (no search for one at each look-up).
struct Keys<'m> {
    model: &'m Model,
    buf: Vec<u8>,
    cut: bool,
}

impl Keys<'_> {
    fn start(&mut self, prefix: &str) -> &mut Self {
        self.buf.clear();
        self.buf.extend_from_slice(prefix.as_bytes());
        self.cut = false;
        self
    }

    fn ch(&mut self, c: char) -> &mut Self {
        if c == '\0' {
            self.cut = true;
        } else if !self.cut {
            let mut b = [0u8; 4];
            self.buf.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
        }
        self
    }

    fn s(&mut self, s: &str) -> &mut Self {
        if !self.cut {
            match s.bytes().position(|b| b == 0) {
                Some(end) => {
                    self.buf.extend_from_slice(&s.as_bytes()[..end]);
                    self.cut = true;
                }
                None => self.buf.extend_from_slice(s.as_bytes()),
            }
        }
        self
    }

    fn b(&mut self, b: u8) -> &mut Self {
        if !self.cut {
            self.buf.push(b);
        }
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
        if !self.cut {
            self.buf.extend_from_slice(&tmp[i..]);
        }
        self
    }

    fn id(&self) -> Option<u32> {
        self.model.attr_id_exact(&self.buf)
    }
}

fn clamp(start: i64, end: i64, n: usize) -> (usize, usize) {
    let s = start.max(0) as usize;
    let e = end.clamp(0, n as i64) as usize;
    (s.min(n), e)
}

/// The attribute ids of each character's features, in the order `ner_features.features` lists the
/// feature strings (full set): `emit(character, attribute id)`. Features the model lacks are skipped.
pub fn features(model: &Model, inp: &Input<'_>, emit: &mut impl FnMut(usize, u32)) {
    let chars: Vec<char> = inp.text.chars().collect();
    let n = chars.len();
    if n == 0 {
        return;
    }
    let mut k = Keys { model, buf: Vec::with_capacity(64), cut: false };
    let put = |k: &Keys<'_>, row: usize, emit: &mut dyn FnMut(usize, u32)| {
        if let Some(a) = k.id() {
            emit(row, a);
        }
    };
    let emit: &mut dyn FnMut(usize, u32) = emit;

    // Characters and their types, two either side ("\x02" before, "\x03" after; "^" and "$" as types).
    let mut padded = Vec::with_capacity(n + 4);
    padded.extend(['\x02', '\x02']);
    padded.extend_from_slice(&chars);
    padded.extend(['\x03', '\x03']);
    let mut pt = Vec::with_capacity(n + 4);
    pt.extend([b'^', b'^']);
    pt.extend(chars.iter().map(|&c| char_type(c)));
    pt.extend([b'$', b'$']);
    for i in 0..n {
        let j = i + 2;
        let t = pt[j];
        put(k.start("c=").ch(padded[j]), i, emit);
        put(k.start("t=").b(t), i, emit);
        put(k.start("c-1=").ch(padded[j - 1]), i, emit);
        put(k.start("c+1=").ch(padded[j + 1]), i, emit);
        put(k.start("c-2=").ch(padded[j - 2]), i, emit);
        put(k.start("c+2=").ch(padded[j + 2]), i, emit);
        put(k.start("b-=").ch(padded[j - 1]).ch(padded[j]), i, emit);
        put(k.start("b+=").ch(padded[j]).ch(padded[j + 1]), i, emit);
        put(k.start("b--=").ch(padded[j - 2]).ch(padded[j - 1]), i, emit);
        put(k.start("b++=").ch(padded[j + 1]).ch(padded[j + 2]), i, emit);
        put(k.start("tt=").b(pt[j - 1]).b(t).b(pt[j + 1]), i, emit);
        put(k.start("tt-=").b(pt[j - 2]).b(pt[j - 1]).b(t), i, emit);
        put(k.start("tt+=").b(t).b(pt[j + 1]).b(pt[j + 2]), i, emit);
        if i == 0 {
            put(k.start("BOS"), 0, emit);
        }
        if i == n - 1 {
            put(k.start("EOS"), i, emit);
        }
    }

    token_features(&mut k, inp, n, emit);

    for h in inp.hints {
        let Some(short) = type_letter(&h.kind) else { continue };
        let (start, end) = clamp(h.start, h.end, n);
        let level = if h.score >= 0.5 { b'h' } else { b'l' };
        for i in start..end {
            let prefix = if i == start { b'B' } else { b'I' };
            put(k.start("r=").b(prefix).b(short), i, emit);
            put(k.start("rs=").b(prefix).b(short).b(level), i, emit);
            put(k.start("rn=").s(&h.recognizer), i, emit);
        }
        if start > 0 && start <= n {
            put(k.start("r+1=B").b(short), start - 1, emit);
        }
        if end < n && h.end >= 0 {
            put(k.start("r-1=E").b(short), end, emit);
        }
    }

    gazetteer_features(&mut k, inp.gazetteer, n, emit);
    cluster_features(&mut k, inp, n, emit);
}

fn token_features(k: &mut Keys<'_>, inp: &Input<'_>, n: usize, emit: &mut dyn FnMut(usize, u32)) {
    let toks = inp.tokens;
    let mut common: Vec<u32> = Vec::with_capacity(16);
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
        let mut add = |k: &Keys<'_>| {
            if let Some(a) = k.id() {
                common.push(a);
            }
        };
        add(k.start("p=").s(&p));
        add(k.start("p1=").s(tok.pos.get(1).map_or("?", |s| s.as_str())));
        add(k.start("w=").s(surface));
        add(k.start("wl=").num((end - start).min(6) as u64));
        add(k.start("pw=").s(short(prev)));
        add(k.start("nw=").s(short(next)));
        add(k.start("pp=").s(&pos2(prev, "^")));
        add(k.start("np=").s(&pos2(next, "$")));
        let lf = inp.flags.get(idx).map_or("", |s| s.as_str());
        for letter in lf.chars() {
            add(k.start("lx=").ch(letter));
        }
        if !lf.is_empty() {
            add(k.start("lx"));
        }
        let last = end - 1;
        let mut tp = [None; 4];
        let mut tpp = [None; 4];
        for (w, where_) in [b'S', b'B', b'E', b'I'].iter().enumerate() {
            tp[w] = k.start("tp=").b(*where_).id();
            tpp[w] = k.start("tpp=").b(*where_).s(&p).id();
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
                emit(i, a);
            }
            if let Some(a) = tpp[w] {
                emit(i, a);
            }
            for &a in &common {
                emit(i, a);
            }
        }
    }
}

fn gazetteer_features(k: &mut Keys<'_>, spans: &[Listed], n: usize, emit: &mut dyn FnMut(usize, u32)) {
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
        if let Some(a) = k.start("g=").b(where_).ch(kind).id() {
            emit(i, a);
        }
        if let Some(a) = k.start("gl=").b(where_).ch(kind).num((end - start).min(6) as u64).id() {
            emit(i, a);
        }
        if i == start && start > 0 {
            if let Some(a) = k.start("g+1=").ch(kind).id() {
                emit(start - 1, a);
            }
        }
        if i == end - 1 && end < n {
            if let Some(a) = k.start("g-1=").ch(kind).id() {
                emit(end, a);
            }
        }
    }
}

fn cluster_ids(packed: u64) -> (u64, u64, u64) {
    (packed >> 16, (packed >> 6) & 0x3FF, packed & 0x3F)
}

fn cluster_features(k: &mut Keys<'_>, inp: &Input<'_>, n: usize, emit: &mut dyn FnMut(usize, u32)) {
    let ids: Vec<Option<(u64, u64, u64)>> = inp.clusters.iter().map(|c| c.map(cluster_ids)).collect();
    let mut feats: Vec<u32> = Vec::with_capacity(6);
    for (idx, tok) in inp.tokens.iter().enumerate() {
        let (start, end) = clamp(tok.start, tok.end, n);
        if start >= end {
            continue;
        }
        let here = ids.get(idx).copied().flatten();
        let prev = if idx > 0 { ids.get(idx - 1).copied().flatten() } else { None };
        let next = ids.get(idx + 1).copied().flatten();
        feats.clear();
        let mut add = |k: &Keys<'_>| {
            if let Some(a) = k.id() {
                feats.push(a);
            }
        };
        match here {
            Some((v0, v1, v2)) => {
                add(k.start("v0=").num(v0));
                add(k.start("v1=").num(v1));
                add(k.start("v2=").num(v2));
            }
            None => add(k.start("v=none")),
        }
        if let Some((_, _, v2)) = prev {
            add(k.start("pv2=").num(v2));
        }
        if let Some((_, _, v2)) = next {
            add(k.start("nv2=").num(v2));
        }
        for i in start..end {
            for &a in &feats {
                emit(i, a);
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
    kinds: Vec<LabelKind>,
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
        Ok(NerTagger { model, kinds })
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The attribute ids of each character of the segment (see [`features`]).
    pub fn feature_ids(&self, inp: &Input<'_>) -> Vec<Vec<u32>> {
        let mut rows = vec![Vec::new(); inp.text.chars().count()];
        features(&self.model, inp, &mut |row, a| rows[row].push(a));
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
        features(model, inp, &mut |row, a| model.add(&mut scores, row, a));
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
