//! A candidate whose last word ends as no Japanese name does: a document (`申請書`, `見積書`), a party of a
//! procedure (`申出者`, `権限者`), a city or a prefecture (`久留米市`, `貴市`) or an office headed by someone
//! (`町長`, `区長`, `上長`, `教育長`). The rules reading a name's place (before 様, after の, in brackets) take
//! such words in; a listed name with the same ending (`種市`, `信長`) stays one.
//!
//! A surname with a title written onto it (`原口師長`, `堤課長`) is cut back to the surname instead.

use super::chars::{is_kanji, one_of};
use super::lexicon::Memo;
use super::Ctx;

/// Titles ending in 長 that the shared title list leaves out (nursing and fire/police ranks).
const MORE_TITLES: [[char; 2]; 3] = [['師', '長'], ['婦', '長'], ['署', '長']];

/// Whether the last word of `w` (after its last space, or all of it) ends as no name does (see the module).
fn no_name_end(lex: &Memo, w: &[char], analyser: Option<bool>) -> bool {
    let last = w.iter().rposition(|&c| c == ' ').map_or(w, |k| &w[k + 1..]);
    if last.len() < 2 || !last.iter().all(|&c| is_kanji(c)) || lex.listed(last) {
        return false;
    }
    // 村山富市, 本居宣長: a listed surname and a listed given name of two letters or more written together,
    // unless the analyser reads the last letter as a suffix or a common noun (久留米市)
    let full = || (1..last.len().saturating_sub(2) + 1).any(|p| lex.surname(&last[..p]) && lex.given(&last[p..]));
    if analyser == Some(false) || (analyser.is_none() && full()) {
        return false;
    }
    match last[last.len() - 1] {
        '書' | '者' => last.len() == w.len(), // 申請書, 申出者: one word, nothing before it
        '市' | '県' => true,                  // 久留米市, 福山市 (a given name ending in 市 is listed: 幸市)
        '長' => true,                         // 町長, 上長, 教育長 (cut back to the surname first: see trim)
        _ => false,
    }
}

impl Ctx<'_, '_> {
    /// Drops every name found whose last word ends as no name does (see the module).
    pub(crate) fn drop_word_ends(&mut self) {
        let ends = |me: &Self, s: usize, e: usize| {
            one_of!(me.t[e - 1], "書者市県長") && no_name_end(me.lex, &me.t[s..e], me.analyser_suffix(s, e))
        };
        if !self.found.items.iter().any(|&((s, e), _)| ends(self, s, e)) {
            return; // the usual case: one look at each candidate's last letter, nothing built
        }
        let items = std::mem::take(&mut self.found.items);
        self.found.index.clear();
        for ((s, e), score) in items {
            if !ends(self, s, e) {
                self.found.add(s, e, score);
            }
        }
    }

    /// With an analyser: whether it reads the token ending at `e` as a suffix, a common noun or a place (`市` of
    /// 久留米市, 町長) rather than part of a person's name (`富市` of 村山富市). None without an analyser.
    fn analyser_suffix(&self, s: usize, e: usize) -> Option<bool> {
        if !self.morph {
            return None;
        }
        let toks = self.doc.norm_tokens(s, (e + 1).min(self.n));
        let last = toks.iter().find(|k| k.start < e && e <= k.end)?;
        let p = |j: usize| last.pos.get(j).map_or("", String::as_str);
        Some(p(0) == "接尾辞" || (p(0) == "名詞" && (p(1) == "普通名詞" || p(2) == "地名")))
    }

    /// The end of `[s, e)` without a title written onto a listed surname (`原口師長` → `原口`), when it has one.
    pub(crate) fn title_cut(&self, s: usize, e: usize) -> Option<usize> {
        let w = &self.t[s..e];
        if w.len() < 3 || !w.iter().all(|&c| is_kanji(c)) {
            return None;
        }
        let p = (self.tb.titles.suffix_start(w))
            .or_else(|| MORE_TITLES.iter().any(|m| w.ends_with(m)).then_some(w.len() - 2))?;
        (p >= 1 && self.lex.surname(&w[..p]) && !self.lex.listed(w)).then_some(s + p)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn a_city_an_office_or_a_document_is_no_name() {
        assert_eq!(names("宛先：梟ヶ丘市 福祉課\n梟ヶ丘市長 様\n"), Vec::<String>::new());
        assert_eq!(names("To: 各地区 区長様\n"), Vec::<String>::new());
        // a listed name with the same ending stays one
        assert_eq!(names("担当：種市様\n"), ["種市"]);
        assert!(names("担当は山田幸市様です。\n").iter().any(|w| w.contains("幸市")));
    }

    #[test]
    fn a_title_written_onto_a_surname_is_cut_off() {
        let text = "出席：看護部長 梶間、師長 栗林・鳩山\n欠席：鷲尾師長（外来）\n";
        assert_eq!(names(text), ["梶間", "栗林", "鳩山", "鷲尾"]);
    }
}
