//! Sports teams and orchestras named city・plural (ボストン・ブレーブス, シカゴ・ブルズ), the city
//! checked with Sudachi so that ジョン・スミス (a person) is left alone.

use super::name_run::{char_class, is_katakana_re};
use super::{Memo, ORGANIZATION};
use crate::document::{Document, Lang};
use crate::finding::Finding;
use crate::recognizer::Recognizer;

const NAME: &str = "organization_team";

#[inline]
fn kata(c: char) -> bool {
    char_class(c) == 2
}

/// The Python patterns' `[KATAKANA]` (ヶ included).
#[inline]
fn kata_re(c: char) -> bool {
    is_katakana_re(c)
}

/// `([KATAKANA]{2,12})・([KATAKANA]{2,14}[ズスツ])(?![KATAKANA・=])` anchored at `s`: the end of the
/// city (the ・) and of the match.
fn team_at(n: &[char], s: usize) -> Option<(usize, usize)> {
    let mut d = s;
    while d < n.len() && kata_re(n[d]) {
        d += 1;
    }
    if !(2..=12).contains(&(d - s)) || n.get(d) != Some(&'・') {
        return None;
    }
    let mut e = d + 1;
    while e < n.len() && kata_re(n[e]) {
        e += 1;
    }
    let run = e - d - 1;
    if !(3..=15).contains(&run) || !matches!(n[e - 1], 'ズ' | 'ス' | 'ツ') || matches!(n.get(e), Some('・' | '=')) {
        return None;
    }
    Some((d, e))
}

pub struct TeamRecognizer {
    place: Memo<String, bool>,
}

impl TeamRecognizer {
    pub fn new() -> Self {
        TeamRecognizer { place: Memo::new() }
    }

    /// Sudachi reads `norm[s:e]` as place names only (ボストン, カンザスシティ).
    fn is_place(&self, doc: &Document, s: usize, e: usize) -> bool {
        if !doc.has_morphology() {
            return false;
        }
        self.place.get(doc.norm.slice(s, e).to_string(), || {
            let toks = doc.norm_tokens(s, e);
            let proper: Vec<_> = toks.iter().filter(|t| t.pos.len() > 2 && t.pos[1] == "固有名詞").collect();
            !proper.is_empty() && proper.iter().all(|t| t.pos[2] == "地名") && proper.len() + 1 >= toks.len()
        })
    }
}

impl Default for TeamRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer for TeamRecognizer {
    fn name(&self) -> &'static str {
        NAME
    }

    fn entities(&self) -> &[&'static str] {
        &[ORGANIZATION]
    }

    fn supports(&self, lang: Lang) -> bool {
        lang == Lang::Ja
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let n = &doc.norm.chars;
        let mut last: Option<usize> = None;
        // the ・ found in the bytes (most texts hold few or none)
        for b in memchr::memmem::find_iter(doc.norm.s.as_bytes(), "・".as_bytes()) {
            let i = doc.norm.char_index(b);
            // ・(?=[KATAKANA]{2})
            if n[i] != '・' || !(n.get(i + 1).is_some_and(|&c| kata_re(c)) && n.get(i + 2).is_some_and(|&c| kata_re(c)))
            {
                continue;
            }
            if last.is_some_and(|l| i < l) || i < 2 || !kata(n[i - 1]) || !kata(n[i - 2]) {
                continue;
            }
            let mut s = i;
            while s > 0 && i - s < 12 && kata(n[s - 1]) {
                s -= 1;
            }
            if s > 0 && matches!(n[s - 1], '・' | '=') {
                continue; // the third word of a longer name (ジョン・F・ケネディ)
            }
            if let Some((d, e)) = team_at(n, s) {
                if self.is_place(doc, s, d) {
                    last = Some(e);
                    out.push(Finding::new(ORGANIZATION, s, e, 0.55, NAME));
                }
            }
        }
    }
}
