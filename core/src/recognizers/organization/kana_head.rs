//! Names spelt partly in hiragana before an organisation's suffix (あさひ損保, 北浜みらい銀行, 港南あおば
//! 労務パートナーズ): the name run stops at hiragana, so the hiragana word before the run (and one place
//! name before that) is taken into the name when the analyser reads the hiragana as nouns only and the whole
//! opens a line or follows a space, a bracket or punctuation. A particle, a verb or an ending in the kana
//! (東京から銀行, 行ったり銀行) keeps it out.

use super::legal_form::is_hira;
use super::name_run::char_class;
use super::Memo;
use crate::document::Document;

/// Verdicts on a (place, kana) pair: the kana are nouns only, and the place (when there is one) a place name.
pub type KanaHeadMemo = Memo<(usize, usize, String), bool>;

/// Characters after which a name opens.
fn opens_after(c: char) -> bool {
    c.is_whitespace() || "「『（(【[:・、。,.|/】」』）)]：※＊*→>".contains(c)
}

/// Whether the analyser reads the hiragana `n[h..s]` as holding a noun of time or degree (いつも, いま): an
/// adverb of the sentence, not a name (kana banks are named with adverbs too: きらり).
pub fn kana_not_name(doc: &Document, memo: &KanaHeadMemo, h: usize, s: usize) -> bool {
    if !doc.has_morphology() || s <= h {
        return false;
    }
    memo.get((usize::MAX, s - h, doc.norm.slice(h, s).to_string()), || {
        doc.norm_tokens(h, s).iter().any(|t| t.pos.get(2).is_some_and(|p| p == "副詞可能"))
    })
}

/// The start of the name whose run starts at `s` (the run up to a suffix at `ks`), taken back over a hiragana
/// word of two to six code points right before it, and over a place name of one to four kanji before that;
/// `s` when there is none. Without an analyser nothing is taken.
pub fn kana_head(doc: &Document, memo: &KanaHeadMemo, s: usize, ks: usize) -> usize {
    let n = &doc.norm.chars;
    if s == 0 || !is_hira(n[s - 1]) || ks < s || !doc.has_morphology() {
        return s;
    }
    let mut h = s;
    while h > 0 && s - h < 6 && is_hira(n[h - 1]) {
        h -= 1;
    }
    if s - h < 2 || (h > 0 && is_hira(n[h - 1])) || n[h..s].contains(&'の') {
        return s;
    }
    // a place name of kanji before the kana (北浜|みらい銀行), itself opening
    let mut k = h;
    while k > 0 && h - k < 4 && char_class(n[k - 1]) == 1 {
        k -= 1;
    }
    if k < h && k > 0 && !opens_after(n[k - 1]) {
        return s;
    }
    if k == h && h > 0 && !opens_after(n[h - 1]) {
        return s;
    }
    let key = (h - k, s - h, doc.norm.slice(k, s).to_string());
    let ok = memo.get(key, || {
        let kana = doc.norm_tokens(h, s);
        let nouns = kana.first().is_some_and(|t| t.start == h)
            && kana.last().is_some_and(|t| t.end == s)
            && kana
                .iter()
                .all(|t| t.pos.first().is_some_and(|p| p == "名詞") && t.pos.get(2).is_none_or(|p| p != "副詞可能"));
        if !nouns || k == h {
            return nouns;
        }
        let place = doc.norm_tokens(k, h);
        place.len() == 1 && place[0].pos.get(2).is_some_and(|p| p == "地名")
    });
    if ok {
        k
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::document::Lang;
    use crate::engine::Engine;
    use crate::morphology::{Morphology, Token};

    /// Known words become one token each; any other character a common noun of its own.
    struct Fake;

    impl Morphology for Fake {
        fn tokens(&self, window: &str) -> Option<Vec<Token>> {
            let chars: Vec<char> = window.chars().collect();
            let words: [(&str, [&str; 3]); 6] = [
                ("きたはま", ["名詞", "固有名詞", "一般"]),
                ("みらい", ["名詞", "普通名詞", "一般"]),
                ("港北", ["名詞", "固有名詞", "地名"]),
                ("いつも", ["名詞", "普通名詞", "副詞可能"]),
                ("から", ["助詞", "格助詞", "*"]),
                ("東京", ["名詞", "固有名詞", "地名"]),
            ];
            let mut out = Vec::new();
            let mut i = 0;
            'outer: while i < chars.len() {
                for (w, pos) in words {
                    let k = w.chars().count();
                    if chars[i..].starts_with(&w.chars().collect::<Vec<_>>()) {
                        let pos = pos.iter().map(|p| p.to_string()).collect();
                        out.push(Token { start: i, end: i + k, surface: w.to_string(), pos });
                        i += k;
                        continue 'outer;
                    }
                }
                let pos = vec!["名詞".into(), "普通名詞".into(), "一般".into()];
                out.push(Token { start: i, end: i + 1, surface: chars[i].to_string(), pos });
                i += 1;
            }
            Some(out)
        }
    }

    fn found(text: &str, morph: bool) -> Vec<String> {
        let names: Vec<String> = ["organization_suffix", "organization_bank"].iter().map(|s| s.to_string()).collect();
        let m: Option<Arc<dyn Morphology>> = if morph { Some(Arc::new(Fake)) } else { None };
        let e = Engine::new(Some(&names), Vec::new()).with_morphology(m);
        let chars: Vec<char> = text.chars().collect();
        let mut f = e.find(text, Some(Lang::Ja));
        f.sort_by_key(|f| (f.start, f.end));
        f.dedup_by_key(|f| (f.start, f.end));
        f.into_iter().map(|f| chars[f.start..f.end].iter().collect()).collect()
    }

    #[test]
    fn a_kana_word_and_a_place_open_the_name() {
        assert_eq!(found("契約：きたはま損保 八戸", true), ["きたはま損保"]);
        assert_eq!(found("振込先：港北みらい銀行 本店", true), ["港北みらい銀行"]);
        assert_eq!(found("（港北みらい信用金庫）", true), ["港北みらい信用金庫"]);
    }

    #[test]
    fn particles_adverbs_and_no_analyser_keep_the_kana_out() {
        assert!(found("契約：きたはま損保", false).is_empty());
        assert!(found("東京から銀行へ", true).is_empty());
        let f = found("、いつも港北銀行を", true);
        assert!(!f.iter().any(|f| f.contains("いつも")), "{f:?}");
        // a kana word inside a sentence (no line, space or mark before it) is the sentence's
        assert!(!found("今日みらい銀行へ", true).iter().any(|f| f.contains("今日")));
    }
}
