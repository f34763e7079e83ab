//! What follows from the names already found: a reading in brackets after any name, the other items of
//! a list holding a name ('A、B、Cら'), and the other bare occurrences of a surname a cue has shown.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::chars::{is_hira, is_kanji, is_kata, one_of, FxSet};
use super::lexicon::{COMMON, PLACE, SUR};
use super::patterns::{list_kanji, list_kanji_back, list_kata, list_kata_back, run_len};
use super::prose::clean_foreign;
use super::readers::{hon_tail_search, surname_head};
use super::{overlaps, Ctx};

/// A list item written 'surname given' at `i` (峰 慎吾, 川原 ユウキ): 1-4 kanji, one blank, 1-5 kanji or kana,
/// then the item's end (a separator, a bracket, a line end or the text's end). Returns (the blank, the end).
fn spaced_item(t: &[char], i: usize) -> Option<(usize, usize)> {
    let r = run_len(t, i, t.len(), 5, is_kanji);
    if !(1..=4).contains(&r) || !t.get(i + r).is_some_and(|&c| c == ' ' || c == '\u{3000}') {
        return None;
    }
    let g = i + r + 1;
    let k = run_len(t, g, t.len(), 6, |c| is_kanji(c) || is_hira(c) || is_kata(c));
    if !(1..=5).contains(&k) {
        return None;
    }
    let e = g + k;
    if e < t.len() && !one_of!(t[e], "・、\n（(") {
        return None;
    }
    Some((i + r, e))
}

impl Ctx<'_, '_> {
    /// A full name written 'surname given' and followed by ・ or 、 is followed by others of its shape
    /// (【501】日野出 貴志・峰 慎吾・浦川 拓): each next item whose first word is a listed surname is a name.
    /// Runs once the given names are joined to their surnames (`given_after_surnames`).
    #[inline(never)]
    pub(crate) fn spaced_lists(&mut self) {
        let t = self.t;
        let n = self.n;
        let lex = self.lex;
        let tb = self.tb;
        let mut todo: Vec<(usize, usize)> = self
            .found
            .items
            .iter()
            .filter(|&&((s, e), sc)| {
                sc >= 0.6 && e < n && one_of!(t[e], "・、") && t[s..e].iter().any(|&c| c == ' ' || c == '\u{3000}')
            })
            .map(|&(k, _)| k)
            .collect();
        if todo.is_empty() {
            return;
        }
        let covered = self.found.sorted_keys();
        let mut steps = 0;
        while let Some((_, e)) = todo.pop() {
            steps += 1;
            if steps > 1000 || e >= n || !one_of!(t[e], "・、") {
                continue;
            }
            let Some((sp, me)) = spaced_item(t, e + 1) else {
                continue;
            };
            if overlaps(&covered, e + 1, me) || lex.get(&t[e + 1..sp]) & SUR == 0 || tb.place_or_org(&t[e + 1..me]) {
                continue;
            }
            self.add(e + 1, me, 0.6);
            todo.push((e + 1, me));
        }
    }

    /// `_readings`: 杉山健太（スギヤマ ケンタ）, 市川翔（Sho Ichikawa） after any name found.
    #[inline(never)]
    pub(crate) fn readings(&mut self) {
        let t = self.t;
        let snapshot = self.found.items.clone();
        for ((s, e), score) in snapshot {
            if score >= 0.6 && is_kanji(t[s]) && e < self.n && (t[e] == ' ' || t[e] == '(') {
                self.romaji_after(e, false);
            }
        }
    }

    /// `_lists`: 'A、B、Cら' where A is a name makes B and C names when they look like one.
    /// Lists around the candidates found so far from the `from`-th on (0: all of them).
    #[inline(never)]
    pub(crate) fn lists(&mut self, from: usize) {
        let t = self.t;
        let n = self.n;
        let lex = self.lex;
        let tb = self.tb;
        let mut todo: Vec<(usize, usize)> = self.found.items[from.min(self.found.items.len())..]
            .iter()
            .filter(|(_, sc)| *sc >= 0.6)
            .map(|&(k, _)| k)
            .collect();
        let covered = self.found.sorted_keys();
        let mut seen: FxSet<(usize, usize)> = todo.iter().copied().collect();
        let mut steps = 0;
        while steps < 1000 {
            let Some((s, e)) = todo.pop() else {
                break;
            };
            steps += 1;
            let kata = is_kata(t[s]);
            // katakana names are also joined by と / や (ヘンリーとキャサリン, ロンやハーマイオニー); the other item
            // must then be a listed foreign name itself (below)
            let is_sep = |c: char| if kata { one_of!(c, "、・とや") } else { one_of!(c, "、・と") };
            for forward in [true, false] {
                let (ns, mut ne);
                if forward {
                    if e >= n || !is_sep(t[e]) {
                        continue;
                    }
                    let m = if kata { list_kata(t, e + 1) } else { list_kanji(t, e + 1) };
                    let Some(me) = m else {
                        continue;
                    };
                    ns = e + 1;
                    ne = me;
                } else {
                    if s < 2 || !is_sep(t[s - 1]) {
                        continue;
                    }
                    let lo = s.saturating_sub(25);
                    let m = if kata { list_kata_back(t, lo, s - 1) } else { list_kanji_back(t, lo, s - 1) };
                    let Some((a, b)) = m else {
                        continue;
                    };
                    ns = a;
                    ne = b;
                }
                if !kata {
                    let cand = &t[ns..ne];
                    if let Some(p) = tb.titles.suffix_start(cand).or_else(|| hon_tail_search(cand)) {
                        if p >= 2 {
                            ne = ns + p;
                        }
                    }
                }
                let cand = &t[ns..ne];
                if overlaps(&covered, ns, ne) {
                    continue;
                }
                let cf = lex.get(cand);
                if seen.contains(&(ns, ne))
                    || tb.place_or_org(cand)
                    || cf & COMMON != 0
                    || (cf & PLACE != 0 && cf & SUR == 0)
                {
                    continue;
                }
                if !(kata || lex.split_full(cand) != 0 || cf & SUR != 0 || surname_head(lex, cand)) {
                    continue;
                }
                if kata && !clean_foreign(cf) && !cand.contains(&'・') {
                    continue;
                }
                seen.insert((ns, ne));
                self.add(ns, ne, 0.6);
                todo.push((ns, ne));
            }
        }
    }

    /// `_repeat_surnames`: once a cue has shown a surname, its other bare occurrences are names too.
    #[inline(never)]
    pub(crate) fn repeat_surnames(&mut self) {
        let t = self.t;
        let n = self.n;
        let lex = self.lex;
        // the surnames as slices of the text, in order and once each (no copy per name)
        let mut surnames: Vec<&[char]> = Vec::new();
        for &((s, e), _) in &self.found.items {
            let name = &t[s..e];
            if name.is_empty() || !is_kanji(name[0]) {
                continue;
            }
            if let Some(sp) = name.iter().position(|&c| c == ' ') {
                surnames.push(&name[..sp]);
            } else {
                let k = lex.split_full(name);
                surnames.push(if k != 0 { &name[..k] } else { name });
            }
        }
        surnames.sort_unstable();
        surnames.dedup();
        let norm = &self.doc.norm;
        let pats: Vec<&[char]> =
            surnames.into_iter().filter(|sur| lex.surname(sur) && !(sur.len() == 1 && lex.common(sur))).collect();
        if pats.is_empty() {
            return;
        }
        // Every occurrence of every surname, then per surname the non-overlapping ones from the left
        // (what `text.find(sur, e)` visits): a scan of the code points per surname for a few, an
        // automaton for many. Hits are (surname, start, end) in code points.
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        if pats.len() <= 16 {
            let hay = norm.s.as_bytes();
            let mut buf = [0u8; 4];
            let mut w: Vec<u8> = Vec::new();
            for (p, sur) in pats.iter().enumerate() {
                w.clear();
                for c in sur.iter() {
                    w.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                // (non-overlapping from the left, as `str::match_indices`)
                for b in memchr::memmem::find_iter(hay, &w) {
                    let i = norm.char_index(b);
                    hits.push((p, i, i + sur.len()));
                }
            }
        } else {
            let words: Vec<String> = pats.iter().map(|p| p.iter().collect()).collect();
            let built = AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(&words);
            let Ok(ac) = built else {
                return;
            };
            hits.extend(ac.find_overlapping_iter(norm.s.as_str()).map(|m| {
                let (i, e) = (norm.char_index(m.start()), norm.char_index(m.end()));
                (m.pattern().as_usize(), i, e)
            }));
        }
        hits.sort_unstable();
        let mut last_pat = usize::MAX;
        let mut last_end = 0;
        for (p, sb, eb) in hits {
            if p != last_pat {
                last_pat = p;
                last_end = 0;
            }
            if sb < last_end {
                continue;
            }
            last_end = eb;
            let i = sb;
            let e = i + pats[p].len();
            let prev = if i > 0 { t[i - 1] } else { '\n' };
            if !is_kanji(prev)
                && (e >= n || !is_kanji(t[e]))
                && !self.found.contains(i, e)
                && self.boundary(e, n)
                && !one_of!(prev, "@._-")
                && !prev.is_ascii_alphanumeric()
            {
                self.add(i, e, 0.7);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn full_names_joined_by_a_dot_or_a_comma() {
        assert_eq!(names("送迎\n1号車：宇佐美 健・峰 あかり・浦川 大地\n"), ["宇佐美 健", "峰 あかり", "浦川 大地"]);
        assert_eq!(names("当番 宇佐美 健、峰 あかり（応援）\n"), ["宇佐美 健", "峰 あかり"]);
        // the next item is no 'surname given': no listed surname first, or a word going on after it
        assert_eq!(names("当番 宇佐美 健・会議 資料\n"), ["宇佐美 健"]);
        // (峰 あかり before its honorific stands as a unit of its own: pair_names)
        assert_eq!(names("当番 宇佐美 健・峰 あかり様ほか\n"), ["宇佐美 健", "峰 あかり"]);
    }
}
