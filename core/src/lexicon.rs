//! [`Lexicon`]: every keyword of every recognizer, in named groups, matched in one Aho-Corasick
//! pass over the folded, lower-cased text (overlapping matches included).
//!
//! Invariant: keywords are stored folded and lower-cased and are unique; a keyword may belong to
//! several groups. Matches come back sorted by start, the longer first on a tie.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

use crate::fold::fold_char;
use crate::text::Text;

/// A keyword group's id within one lexicon.
pub type GroupId = u32;

/// Starts and ends (parallel, sorted by start, the longer first on a tie) of a group's keywords.
#[derive(Debug, Default, Clone)]
pub struct Occurrences {
    pub starts: Vec<usize>,
    pub ends: Vec<usize>,
}

/// A document's keyword index: each group's occurrences, by group id.
#[derive(Debug, Default)]
pub struct Index {
    pub groups: Vec<Occurrences>,
    /// The groups holding occurrences (with repeats): [`Lexicon::recycle`] empties these only.
    filled: Vec<GroupId>,
}

#[derive(Default)]
pub struct Lexicon {
    groups: BTreeMap<String, BTreeSet<String>>,
    built: Option<Built>,
}

struct Built {
    /// The keywords' DFA, walked by [`Lexicon::index`]'s own loop (the crate's overlapping iterator
    /// keeps its position in memory and returns at every match; the loop showed in profiles).
    matcher: Option<DFA>,
    group_ids: HashMap<String, GroupId, BuildHasherDefault<FxHasher>>,
    group_names: Vec<String>,
    word_groups: Vec<Vec<GroupId>>,
    /// Each keyword's length in code points (a match's start from its end).
    word_chars: Vec<u32>,
}

/// The Fx hash (rustc's): a multiply-rotate over 8 bytes at a time. Group names are looked up for
/// every keyword question a recognizer asks; SipHash showed in profiles.
#[derive(Default)]
struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

#[inline]
fn word8(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(b);
    u64::from_le_bytes(w)
}

#[inline]
fn word4(b: &[u8]) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(b);
    u32::from_le_bytes(w)
}

impl Hasher for FxHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // the length and the first and last 8 (4, 1) bytes: enough to tell group names apart (a
        // collision only costs a probe), with no loop and no copy
        let n = bytes.len();
        let (a, b) = if n >= 8 {
            (word8(&bytes[..8]), word8(&bytes[n - 8..]))
        } else if n >= 4 {
            (u64::from(word4(&bytes[..4])), u64::from(word4(&bytes[n - 4..])))
        } else if n > 0 {
            (u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]) << 16, 0)
        } else {
            (0, 0)
        };
        self.add(a);
        self.add(b ^ n as u64);
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// The form a keyword is matched in: folded, then lower-cased (Python's `fold(word).lower()`).
pub fn keyword_form(word: &str) -> String {
    let folded: Vec<char> = word.chars().map(fold_char).collect();
    crate::pystr::lower(&folded)
}

impl Lexicon {
    pub fn new() -> Self {
        Lexicon::default()
    }

    /// Add `words` to `group` (empty words are ignored). Invalidates the built matcher.
    pub fn add<I, S>(&mut self, group: &str, words: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let set = self.groups.entry(group.to_string()).or_default();
        for w in words {
            let w = w.as_ref();
            if !w.is_empty() {
                set.insert(keyword_form(w));
            }
        }
        self.built = None;
    }

    /// Build the matcher (call once after the last `add`; `index` builds it if needed).
    pub fn build(&mut self) {
        if self.built.is_some() {
            return;
        }
        let mut group_ids: HashMap<String, GroupId, BuildHasherDefault<FxHasher>> = HashMap::default();
        let mut group_names = Vec::new();
        let mut by_word: BTreeMap<&str, Vec<GroupId>> = BTreeMap::new();
        for (g, words) in &self.groups {
            let id = group_names.len() as GroupId;
            group_ids.insert(g.clone(), id);
            group_names.push(g.clone());
            for w in words {
                by_word.entry(w.as_str()).or_default().push(id);
            }
        }
        let words: Vec<&str> = by_word.keys().copied().collect();
        let word_groups: Vec<Vec<GroupId>> = by_word.values().cloned().collect();
        let word_chars: Vec<u32> = words.iter().map(|w| w.chars().count() as u32).collect();
        let matcher = if words.is_empty() {
            None
        } else {
            // Standard semantics + overlapping iteration: every occurrence of every keyword.
            DFA::builder().match_kind(MatchKind::Standard).prefilter(false).build(&words).ok()
        };
        self.built = Some(Built { matcher, group_ids, group_names, word_groups, word_chars });
    }

    pub fn group_id(&self, name: &str) -> Option<GroupId> {
        self.built.as_ref()?.group_ids.get(name).copied()
    }

    pub fn group_name(&self, id: GroupId) -> &str {
        self.built.as_ref().map(|b| b.group_names[id as usize].as_str()).unwrap_or("")
    }

    /// The name of group `id`, None when this lexicon has no such group.
    #[inline]
    pub fn group_name_of(&self, id: GroupId) -> Option<&str> {
        self.built.as_ref()?.group_names.get(id as usize).map(String::as_str)
    }

    pub fn group_count(&self) -> usize {
        self.built.as_ref().map(|b| b.group_names.len()).unwrap_or(0)
    }

    /// For each group, the occurrences of its keywords in `lowered` (indexed by group id).
    ///
    /// Panics if the lexicon was not built.
    pub fn index(&self, lowered: &Text) -> Index {
        let built = self.built.as_ref().expect("Lexicon::build before index");
        let n = built.group_names.len();
        // a cleared index of an earlier document of this thread, when there is one of this size
        let (spare, mut found) = SCRATCH
            .try_with(|s| {
                let mut s = s.borrow_mut();
                let spare = s.spare.pop();
                (spare, std::mem::take(&mut s.found))
            })
            .unwrap_or_default();
        let mut out = spare
            .filter(|v| v.groups.len() == n)
            .unwrap_or_else(|| Index { groups: vec![Occurrences::default(); n], filled: Vec::new() });
        let Some(matcher) = &built.matcher else {
            return out;
        };
        // Matches come by end offset (never decreasing): one cursor turns the byte ends into code
        // points; a keyword's start is its end less its length (a match of a UTF-8 keyword in UTF-8
        // text starts and ends on code-point boundaries).
        let at = lowered.byte_offsets();
        let mut cur = 0usize;
        found.clear();
        // every match of every keyword, by end (Standard semantics, overlapping): the states the DFA
        // passes through that are match states, each reporting its keywords
        let Ok(mut sid) = matcher.start_state(Anchored::No) else {
            return out;
        };
        let hay = lowered.s.as_bytes();
        let mut i = 0usize;
        while let Some((next, special)) = next_special(matcher, hay, i, sid) {
            (i, sid) = (next, special);
            if matcher.is_dead(sid) {
                break;
            }
            if !matcher.is_match(sid) {
                continue;
            }
            for k in 0..matcher.match_len(sid) {
                let word = matcher.match_pattern(sid, k).as_usize();
                let end = if at.is_empty() {
                    i
                } else {
                    let b = i as u32;
                    if at[cur] != b {
                        // matches come a few code points apart: gallop ahead of the cursor, then search
                        // the last step (behind it only if ever needed)
                        cur = if at[cur] < b { gallop(at, cur, b) } else { at[..cur].partition_point(|&x| x < b) };
                    }
                    cur
                };
                let start = end.saturating_sub(built.word_chars[word] as usize);
                found.push((start, end, word));
            }
        }
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        for &(start, end, word) in &found {
            let groups = &built.word_groups[word];
            for &g in groups {
                let occ = &mut out.groups[g as usize];
                occ.starts.push(start);
                occ.ends.push(end);
            }
            out.filled.extend_from_slice(groups);
        }
        if found.capacity() <= SCRATCH_KEEP {
            let _ = SCRATCH.try_with(|s| s.borrow_mut().found = found);
        }
        out
    }

    /// Take back an index made by [`Lexicon::index`] once its document is done with it: its groups
    /// are emptied (their vectors kept, unless large) for the next document of this thread, which
    /// so allocates nothing for its index (one vector per group found showed in profiles).
    pub fn recycle(&self, mut index: Index) {
        for &g in &index.filled {
            let Some(occ) = index.groups.get_mut(g as usize) else {
                continue;
            };
            if occ.starts.capacity() > SCRATCH_KEEP {
                *occ = Occurrences::default();
            } else {
                occ.starts.clear();
                occ.ends.clear();
            }
        }
        if index.filled.capacity() > SCRATCH_KEEP {
            index.filled = Vec::new();
        }
        index.filled.clear();
        let _ = SCRATCH.try_with(|s| {
            let mut s = s.borrow_mut();
            if s.spare.len() < 4 {
                s.spare.push(index);
            }
        });
    }
}

/// The DFA run over `hay` from byte `i` in state `sid` up to the next special state (a match, or
/// dead): the position after the byte that led there and that state; None at the end of `hay`. The
/// loop between matches, kept apart so that its few values stay in registers.
#[inline(never)]
fn next_special(
    dfa: &DFA,
    hay: &[u8],
    mut i: usize,
    mut sid: aho_corasick::automaton::StateID,
) -> Option<(usize, aho_corasick::automaton::StateID)> {
    while i < hay.len() {
        sid = dfa.next_state(Anchored::No, sid, hay[i]);
        i += 1;
        if dfa.is_special(sid) {
            return Some((i, sid));
        }
    }
    None
}

/// The first index at or after `from` whose value is not below `b` in the ascending `at`, given
/// `at[from] < b`: steps of 1, 2, 4 ... ahead, then a binary search of the last step (a match's end
/// is usually a few code points past the previous one; a search of the whole rest cost ~20 probes).
#[inline]
fn gallop(at: &[u32], from: usize, b: u32) -> usize {
    let mut lo = from; // at[lo] < b
    let mut step = 1usize;
    loop {
        let hi = lo + step;
        match at.get(hi) {
            Some(&x) if x < b => {
                lo = hi;
                step *= 2;
            }
            Some(_) => return lo + 1 + at[lo + 1..hi].partition_point(|&x| x < b),
            None => return lo + 1 + at[lo + 1..].partition_point(|&x| x < b),
        }
    }
}

/// Per-thread buffers [`Lexicon::index`] reuses from one document to the next.
#[derive(Default)]
struct Scratch {
    /// Cleared indexes given back by [`Lexicon::recycle`].
    spare: Vec<Index>,
    /// The matches of one document before they are sorted into groups.
    found: Vec<(usize, usize, usize)>,
}

/// Vectors longer than this are freed rather than kept (a huge document's index is not held on to).
const SCRATCH_KEEP: usize = 4096;

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_sorted_matches() {
        let mut lx = Lexicon::new();
        lx.add("a", ["個人番号", "番号"]);
        lx.add("b", ["ＴＥＬ", "番号"]);
        lx.build();
        let t = Text::new(keyword_form("個人番号 tel"));
        let idx = lx.index(&t);
        let a = &idx.groups[lx.group_id("a").unwrap() as usize];
        assert_eq!(a.starts, vec![0, 2]);
        assert_eq!(a.ends, vec![4, 4]);
        let b = &idx.groups[lx.group_id("b").unwrap() as usize];
        assert_eq!(b.starts, vec![2, 5]);
        assert_eq!(b.ends, vec![4, 8]);
    }

    #[test]
    fn gallop_finds_the_partition_point() {
        let at: Vec<u32> = (0..300).map(|i| i * 3).collect();
        for from in [0usize, 1, 7, 100, 298] {
            for b in at[from] + 1..=at[299] + 5 {
                assert_eq!(gallop(&at, from, b), at.partition_point(|&x| x < b), "{from} {b}");
            }
        }
    }
}
