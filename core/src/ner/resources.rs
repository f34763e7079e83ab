//! The name model's lexical knowledge in the core: the proper-noun gazetteer and the word clusters of
//! `mamori.detect.ner_resources`, read from the same TSV texts (Python decompresses the files).
//!
//! Both answer exactly as the Python classes do: the gazetteer reports every occurrence of every listed
//! surface, overlapping ones included, in the order of `ahocorasick_rs`'s overlapping search (both are
//! the `aho-corasick` crate's standard-semantics automaton), with code-point offsets; a word's clusters
//! are found by exact match.

use aho_corasick::{AhoCorasick, MatchKind};

use super::Listed;

/// Proper nouns with their kinds (`surface\tkinds` lines; a later line for the same surface wins).
pub struct Gazetteer {
    matcher: AhoCorasick,
    kinds: Vec<String>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer").field("entries", &self.kinds.len()).finish()
    }
}

impl Gazetteer {
    pub fn from_tsv(tsv: &str) -> Result<Gazetteer, String> {
        let mut entries: std::collections::BTreeMap<&str, &str> = std::collections::BTreeMap::new();
        for line in tsv.lines() {
            let (surface, kinds) = line.split_once('\t').unwrap_or((line, ""));
            if !surface.is_empty() {
                entries.insert(surface, kinds);
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(entries.keys())
            .map_err(|e| format!("gazetteer: {e}"))?;
        Ok(Gazetteer { matcher, kinds: entries.values().map(|k| k.to_string()).collect() })
    }

    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// `(start, end, kinds)` of every listed surface in `text`, overlapping ones included, code-point offsets.
    pub fn spans(&self, text: &str) -> Vec<Listed> {
        // Code points before each byte (matches start and end on character boundaries).
        let mut at = Vec::with_capacity(text.len() + 1);
        let mut count = 0i64;
        for &b in text.as_bytes() {
            at.push(count);
            if (b & 0xC0) != 0x80 {
                count += 1;
            }
        }
        at.push(count);
        let mut out = Vec::new();
        for m in self.matcher.find_overlapping_iter(text) {
            let kinds = self.kinds[m.pattern().as_usize()].clone();
            out.push(Listed { start: at[m.start()], end: at[m.end()], kinds });
        }
        out
    }
}

/// Words in code-point (UTF-8 byte) order with their packed cluster ids (`word\trow\tmid\ttop` lines).
pub struct WordClusters {
    text: String,
    offsets: Vec<u32>,
    values: Vec<u64>,
}

impl std::fmt::Debug for WordClusters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordClusters").field("words", &self.values.len()).finish()
    }
}

impl WordClusters {
    pub fn from_tsv(tsv: &str) -> Result<WordClusters, String> {
        let mut text = String::with_capacity(tsv.len() / 2);
        let mut offsets = vec![0u32];
        let mut values = Vec::new();
        let mut last: Option<&str> = None;
        for (no, line) in tsv.lines().enumerate() {
            let mut parts = line.split('\t');
            let (Some(word), Some(row), Some(mid), Some(top), None) =
                (parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return Err(format!("word clusters: line {} is not word, row, mid, top", no + 1));
            };
            let num = |s: &str| s.trim().parse::<u64>().map_err(|_| format!("word clusters: line {}: {s:?}", no + 1));
            let (row, mid, top) = (num(row)?, num(mid)?, num(top)?);
            if last.is_some_and(|l| word <= l) {
                return Err(format!("word clusters out of order at entry {}", values.len() + 1));
            }
            last = Some(word);
            text.push_str(word);
            offsets.push(u32::try_from(text.len()).map_err(|_| "word clusters: too large".to_string())?);
            values.push((row << 16) | (mid << 6) | top);
        }
        Ok(WordClusters { text, offsets, values })
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    fn word(&self, i: usize) -> &str {
        &self.text[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// The packed cluster ids of `word` (`row << 16 | mid << 6 | top`), if it is listed.
    pub fn get(&self, word: &str) -> Option<u64> {
        let (mut lo, mut hi) = (0, self.values.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.word(mid) < word {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (lo < self.values.len() && self.word(lo) == word).then(|| self.values[lo])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_finds_overlapping_surfaces_in_code_points() {
        let g = Gazetteer::from_tsv("東洋紡\tO\n松本\tLP\n阪神\tLO\n本は\tG\n阪神\tL\n").unwrap();
        assert_eq!(g.len(), 4);
        let got: Vec<_> = g.spans("東洋紡の松本は阪神へ").into_iter().map(|l| (l.start, l.end, l.kinds)).collect();
        assert_eq!(
            got,
            [(0, 3, "O".to_string()), (4, 6, "LP".to_string()), (5, 7, "G".to_string()), (7, 9, "L".to_string())]
        );
    }

    #[test]
    fn clusters_look_up_and_refuse_disorder() {
        let w = WordClusters::from_tsv("あ\t1\t2\t3\n東洋紡\t7920\t766\t39\n").unwrap();
        assert_eq!(w.get("東洋紡"), Some((7920 << 16) | (766 << 6) | 39));
        assert_eq!(w.get("あ"), Some((1 << 16) | (2 << 6) | 3));
        assert_eq!(w.get(""), None);
        assert_eq!(w.get("い"), None);
        assert!(WordClusters::from_tsv("b\t1\t1\t1\na\t1\t1\t1\n").unwrap_err().contains("out of order"));
        assert!(WordClusters::from_tsv("b\t1\n").is_err());
    }
}
