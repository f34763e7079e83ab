//! Inference for CRFsuite's first-order linear-chain CRF ("CRF1d"), reading the model files that
//! CRFsuite 0.12 (and so python-crfsuite) writes.
//!
//! The arithmetic is CRFsuite's, operation for operation: state scores are summed in the order the
//! attributes of an item are given, Viterbi keeps the first best predecessor, and the marginals come
//! from the scaled forward-backward pass of `crf1d_context.c` (`exp`, then alpha with a scale factor
//! per position, beta scaled by the same factors, `p(t, l) = alpha * beta / scale`). The labels are
//! therefore the same as CRFsuite's and the marginals the same to the last bit, on the same `libm`.
//!
//! The file: a 48-byte header (`lCRF`, size, `FOMC`, version, counts, offsets), two CQDB string
//! dictionaries (labels and attributes: every key is read from the CQDB's backward array, id order),
//! the feature table (`FEAT`: type, source, destination, float64 weight; type 0 is a state feature
//! attribute -> label, type 1 a transition label -> label) and the per-label and per-attribute lists
//! of feature ids (`LFRF`, `AFRF`). All integers are little-endian.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

const HEADER_SIZE: usize = 48;
const CHUNK_SIZE: usize = 12;
const FEATURE_SIZE: usize = 20;
const CQDB_HEADER: usize = 24;
const CQDB_BYTEORDER: u32 = 0x6244_5371;

/// Why a model could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a CRFsuite CRF1d model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

fn bad(msg: impl Into<String>) -> ModelError {
    ModelError(msg.into())
}

fn u32_at(buf: &[u8], at: usize) -> Result<u32, ModelError> {
    let b = buf
        .get(at..at.checked_add(4).ok_or_else(|| bad("offset overflow"))?)
        .ok_or_else(|| bad(format!("truncated at byte {at}")))?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn f64_at(buf: &[u8], at: usize) -> Result<f64, ModelError> {
    let b = buf
        .get(at..at.checked_add(8).ok_or_else(|| bad("offset overflow"))?)
        .ok_or_else(|| bad(format!("truncated at byte {at}")))?;
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    Ok(f64::from_le_bytes(a))
}

/// FxHash (rustc's): attribute keys are short and hashed tens of times per character.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.write_usize(i as usize);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.write_usize(i as usize);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The keys of a CQDB dictionary by id (`None` where the backward array has no entry).
fn cqdb_keys(buf: &[u8], off: usize, count: usize, what: &str) -> Result<Vec<Option<Vec<u8>>>, ModelError> {
    let db = buf.get(off..).ok_or_else(|| bad(format!("{what} dictionary offset {off} past the end")))?;
    if db.len() < CQDB_HEADER || &db[..4] != b"CQDB" {
        return Err(bad(format!("no {what} dictionary (CQDB) at offset {off}")));
    }
    let size = u32_at(db, 4)? as usize;
    if u32_at(db, 12)? != CQDB_BYTEORDER {
        return Err(bad(format!("{what} dictionary: unknown byte order")));
    }
    if size > db.len() {
        return Err(bad(format!("{what} dictionary: size {size} past the end")));
    }
    let db = &db[..size];
    let bwd_size = u32_at(db, 16)? as usize;
    let bwd_offset = u32_at(db, 20)? as usize;
    let mut keys = Vec::with_capacity(count);
    for id in 0..count {
        if bwd_offset == 0 || id >= bwd_size {
            keys.push(None);
            continue;
        }
        let rec = u32_at(db, bwd_offset + 4 * id)? as usize;
        if rec == 0 {
            keys.push(None);
            continue;
        }
        let stored = u32_at(db, rec)?;
        let ksize = u32_at(db, rec + 4)? as usize;
        let key =
            db.get(rec + 8..rec + 8 + ksize).ok_or_else(|| bad(format!("{what} dictionary: key {id} past the end")))?;
        if stored as usize != id {
            return Err(bad(format!("{what} dictionary: record {id} holds id {stored}")));
        }
        // Keys are stored with their terminating NUL; CRFsuite compares C strings.
        let end = key.iter().position(|&b| b == 0).unwrap_or(key.len());
        keys.push(Some(key[..end].to_vec()));
    }
    Ok(keys)
}

/// A list of feature ids (`LFRF` / `AFRF` chunk entry `i`).
fn refs(buf: &[u8], chunk: usize, i: usize, what: &str) -> Result<Vec<usize>, ModelError> {
    let offset = u32_at(buf, chunk + CHUNK_SIZE + 4 * i)? as usize;
    let n = u32_at(buf, offset)? as usize;
    if n > buf.len() / 4 {
        return Err(bad(format!("{what} {i}: {n} features")));
    }
    (0..n).map(|r| Ok(u32_at(buf, offset + 4 + 4 * r)? as usize)).collect()
}

/// A CRF1d model in memory: labels, the attribute dictionary, state features grouped by attribute
/// (in the file's order) and the transition matrix.
pub struct Model {
    labels: Vec<String>,
    attrs: FxMap<Box<[u8]>, u32>,
    num_attrs: usize,
    /// State features of attribute `a`: `state[state_start[a]..state_start[a + 1]]`, (label, weight).
    state_start: Vec<u32>,
    state: Vec<(u32, f64)>,
    /// `trans[i * L + j]`: the weight of label `i` followed by `j`; `exp_trans` its `exp`.
    trans: Vec<f64>,
    exp_trans: Vec<f64>,
}

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Model")
            .field("labels", &self.labels)
            .field("attributes", &self.num_attrs)
            .field("state_features", &self.state.len())
            .finish()
    }
}

impl Model {
    /// Reads a model from the bytes of its file.
    pub fn from_bytes(buf: &[u8]) -> Result<Model, ModelError> {
        if buf.len() < HEADER_SIZE {
            return Err(bad(format!("{} bytes, shorter than the header", buf.len())));
        }
        if &buf[..4] != b"lCRF" {
            return Err(bad("no 'lCRF' magic"));
        }
        if &buf[8..12] != b"FOMC" {
            return Err(bad("model type is not 'FOMC'"));
        }
        let h = |i: usize| u32_at(buf, 12 + 4 * i).map(|v| v as usize);
        // The header's feature count is left 0 by CRFsuite's writer: the FEAT chunk holds the real one.
        let (num_labels, num_attrs) = (h(2)?, h(3)?);
        let (off_features, off_labels, off_attrs, off_labelrefs, off_attrrefs) = (h(4)?, h(5)?, h(6)?, h(7)?, h(8)?);
        if num_labels == 0 || num_labels > 1 << 16 {
            return Err(bad(format!("{num_labels} labels")));
        }
        if num_attrs > buf.len() / 4 {
            return Err(bad(format!("{num_attrs} attributes do not fit the file")));
        }
        if buf.get(off_features..off_features + 4).unwrap_or_default() != b"FEAT"
            || buf.get(off_labelrefs..off_labelrefs + 4).unwrap_or_default() != b"LFRF"
            || buf.get(off_attrrefs..off_attrrefs + 4).unwrap_or_default() != b"AFRF"
        {
            return Err(bad("feature chunks (FEAT, LFRF, AFRF) not where the header says"));
        }
        let num_features = u32_at(buf, off_features + 8)? as usize;
        if num_features > (buf.len() - off_features) / FEATURE_SIZE {
            return Err(bad(format!("{num_features} features do not fit the file")));
        }
        let feature = |fid: usize| -> Result<(u32, usize, usize, f64), ModelError> {
            if fid >= num_features {
                return Err(bad(format!("feature id {fid} out of range")));
            }
            let p = off_features + CHUNK_SIZE + FEATURE_SIZE * fid;
            Ok((u32_at(buf, p)?, u32_at(buf, p + 4)? as usize, u32_at(buf, p + 8)? as usize, f64_at(buf, p + 12)?))
        };

        let mut labels = Vec::with_capacity(num_labels);
        for (i, key) in cqdb_keys(buf, off_labels, num_labels, "label")?.into_iter().enumerate() {
            let key = key.ok_or_else(|| bad(format!("label {i} has no name")))?;
            labels.push(String::from_utf8(key).map_err(|_| bad(format!("label {i} is not UTF-8")))?);
        }
        let mut attrs = FxMap::default();
        attrs.reserve(num_attrs);
        for (i, key) in cqdb_keys(buf, off_attrs, num_attrs, "attribute")?.into_iter().enumerate() {
            if let Some(key) = key {
                attrs.insert(key.into_boxed_slice(), i as u32);
            }
        }

        let l = num_labels;
        let mut trans = vec![0.0; l * l];
        for i in 0..l {
            for fid in refs(buf, off_labelrefs, i, "label")? {
                let (kind, src, dst, w) = feature(fid)?;
                if kind != 1 || src != i || dst >= l {
                    return Err(bad(format!("transition feature {fid} is not {i} -> label")));
                }
                trans[i * l + dst] = w;
            }
        }
        let exp_trans = trans.iter().map(|w| w.exp()).collect();

        let mut state_start = Vec::with_capacity(num_attrs + 1);
        let mut state = Vec::new();
        for a in 0..num_attrs {
            state_start.push(state.len() as u32);
            for fid in refs(buf, off_attrrefs, a, "attribute")? {
                let (kind, _src, dst, w) = feature(fid)?;
                if kind != 0 || dst >= l {
                    return Err(bad(format!("state feature {fid} of attribute {a} is not attribute -> label")));
                }
                state.push((dst as u32, w));
            }
        }
        state_start.push(state.len() as u32);
        Ok(Model { labels, attrs, num_attrs, state_start, state, trans, exp_trans })
    }

    /// The label names by id.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    pub fn num_labels(&self) -> usize {
        self.labels.len()
    }

    pub fn num_attrs(&self) -> usize {
        self.num_attrs
    }

    /// The id of attribute `key` (as CRFsuite looks it up: up to its first NUL), if the model has it.
    #[inline]
    pub fn attr_id(&self, key: &[u8]) -> Option<u32> {
        let key = match memchr::memchr(0, key) {
            Some(end) => &key[..end],
            None => key,
        };
        self.attr_id_exact(key)
    }

    /// Every attribute's key and id (in no order).
    pub fn attributes(&self) -> impl Iterator<Item = (&[u8], u32)> + '_ {
        self.attrs.iter().map(|(k, &v)| (&**k, v))
    }

    /// The id of attribute `key`, a key with no NUL in it (the caller's promise: not checked).
    #[inline]
    pub fn attr_id_exact(&self, key: &[u8]) -> Option<u32> {
        self.attrs.get(key).copied()
    }

    /// The (label, weight) state features of attribute `aid`.
    pub fn state_features(&self, aid: u32) -> &[(u32, f64)] {
        let a = aid as usize;
        match (self.state_start.get(a), self.state_start.get(a + 1)) {
            (Some(&s), Some(&e)) => &self.state[s as usize..e as usize],
            _ => &[],
        }
    }

    /// The transition weight of label `i` followed by label `j`.
    pub fn transition(&self, i: usize, j: usize) -> f64 {
        self.trans[i * self.num_labels() + j]
    }

    /// Empty state scores for a sequence of `len` items.
    pub fn scores(&self, len: usize) -> Scores {
        Scores { labels: self.num_labels(), state: vec![0.0; len * self.num_labels()] }
    }

    /// Adds attribute `aid` (value 1) to item `t`: what CRFsuite does for each attribute of an item, in order.
    #[inline]
    pub fn add(&self, scores: &mut Scores, t: usize, aid: u32) {
        let l = scores.labels;
        if let Some(row) = scores.state.get_mut(t * l..t * l + l) {
            for &(dst, w) in self.state_features(aid) {
                row[dst as usize] += w * 1.0;
            }
        }
    }

    /// The best label sequence (`crf1dc_viterbi`).
    pub fn viterbi(&self, scores: &Scores) -> Vec<usize> {
        let l = self.num_labels();
        let t_len = scores.len();
        if t_len == 0 {
            return Vec::new();
        }
        let state = &scores.state;
        let mut prev: Vec<f64> = state[..l].to_vec();
        let mut cur = vec![0.0; l];
        let mut back = vec![0usize; t_len * l];
        for t in 1..t_len {
            for j in 0..l {
                let mut max = -f64::MAX;
                let mut arg = None;
                for (i, &p) in prev.iter().enumerate() {
                    let s = p + self.trans[i * l + j];
                    if max < s {
                        max = s;
                        arg = Some(i);
                    }
                }
                if let Some(i) = arg {
                    back[t * l + j] = i;
                }
                cur[j] = max + state[t * l + j];
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        let mut labels = vec![0usize; t_len];
        let mut max = -f64::MAX;
        for (i, &p) in prev.iter().enumerate() {
            if max < p {
                max = p;
                labels[t_len - 1] = i;
            }
        }
        for t in (0..t_len - 1).rev() {
            labels[t] = back[(t + 1) * l + labels[t + 1]];
        }
        labels
    }

    /// The scaled forward-backward pass (`crf1dc_exp_state`, `crf1dc_alpha_score`, `crf1dc_beta_score`).
    pub fn marginals(&self, scores: &Scores) -> Marginals {
        let l = self.num_labels();
        let t_len = scores.len();
        let exp_state: Vec<f64> = scores.state.iter().map(|s| s.exp()).collect();
        let mut alpha = vec![0.0; t_len * l];
        let mut beta = vec![0.0; t_len * l];
        let mut scale = vec![0.0; t_len];
        if t_len == 0 {
            return Marginals { labels: l, alpha, beta, scale };
        }
        alpha[..l].copy_from_slice(&exp_state[..l]);
        scale[0] = normalise(&mut alpha[..l]);
        for t in 1..t_len {
            let (done, rest) = alpha.split_at_mut(t * l);
            let prev = &done[(t - 1) * l..];
            let cur = &mut rest[..l];
            for (i, &p) in prev.iter().enumerate() {
                let row = &self.exp_trans[i * l..i * l + l];
                for j in 0..l {
                    cur[j] += p * row[j];
                }
            }
            for j in 0..l {
                cur[j] *= exp_state[t * l + j];
            }
            scale[t] = normalise(cur);
        }
        for v in &mut beta[(t_len - 1) * l..] {
            *v = scale[t_len - 1];
        }
        let mut row = vec![0.0; l];
        for t in (0..t_len - 1).rev() {
            let (head, tail) = beta.split_at_mut((t + 1) * l);
            let next = &tail[..l];
            for j in 0..l {
                row[j] = next[j] * exp_state[(t + 1) * l + j];
            }
            let cur = &mut head[t * l..];
            for (i, c) in cur.iter_mut().enumerate() {
                let tr = &self.exp_trans[i * l..i * l + l];
                let mut s = 0.0;
                for j in 0..l {
                    s += tr[j] * row[j];
                }
                *c = s;
            }
            for c in cur.iter_mut() {
                *c *= scale[t];
            }
        }
        Marginals { labels: l, alpha, beta, scale }
    }
}

/// `vecsum`, then the scale factor `1 / sum` (1 for a zero sum) applied to `v`; returns the factor.
fn normalise(v: &mut [f64]) -> f64 {
    let mut sum = 0.0;
    for x in v.iter() {
        sum += *x;
    }
    let scale = if sum != 0.0 { 1.0 / sum } else { 1.0 };
    for x in v.iter_mut() {
        *x *= scale;
    }
    scale
}

/// The state scores of one sequence: `labels` numbers per item.
#[derive(Debug, Clone)]
pub struct Scores {
    labels: usize,
    state: Vec<f64>,
}

impl Scores {
    /// The number of items.
    pub fn len(&self) -> usize {
        self.state.len().checked_div(self.labels).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.state.is_empty()
    }

    /// The state score of label `l` at item `t`.
    pub fn at(&self, t: usize, l: usize) -> f64 {
        self.state[t * self.labels + l]
    }
}

/// Scaled forward and backward scores of one sequence.
#[derive(Debug, Clone)]
pub struct Marginals {
    labels: usize,
    alpha: Vec<f64>,
    beta: Vec<f64>,
    scale: Vec<f64>,
}

impl Marginals {
    /// The marginal probability of label `l` at item `t` (`crf1dc_marginal_point`).
    #[inline]
    pub fn point(&self, l: usize, t: usize) -> f64 {
        let k = t * self.labels + l;
        self.alpha[k] * self.beta[k] / self.scale[t]
    }

    /// The logarithm of the partition function (`-sum(log(scale))`).
    pub fn log_norm(&self) -> f64 {
        let mut s = 0.0;
        for c in &self.scale {
            s += c.ln();
        }
        -s
    }
}

#[cfg(test)]
mod tests;
