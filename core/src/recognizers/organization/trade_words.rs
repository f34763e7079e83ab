//! Trade words that end a small company's name in business documents (田中電工, 港南運送, 北浜設備,
//! ミドリ精機, 青葉リペア, 北浜海上, 港南ロジスティクス): read by the suffix rule like its weak suffixes,
//! so the name before one must look proper (katakana, Latin letters, or kanji holding a proper noun) and the
//! word must not go on into a longer common word (設備投資, 運送費).

/// The trade words, each with the shortest name part it needs before it.
pub const TRADE_SUFFIXES: &[(&str, usize)] = &[
    ("電工", 2),
    ("電装", 2),
    ("電設", 2),
    ("設備", 2),
    ("運送", 2),
    ("運輸", 2),
    ("物流", 2),
    ("機工", 2),
    ("精工", 2),
    ("精機", 2),
    ("技研", 2),
    ("鋳工", 2),
    ("紡績", 2),
    ("水産", 2),
    ("農園", 2),
    ("損保", 2),
    ("海上", 2),
    ("不動産", 2),
    ("エステート", 2),
    ("リペア", 2),
    ("ボデー", 2),
    ("フーズ", 2),
    ("ロジスティクス", 2),
    ("ロジテック", 2),
    ("オートパーツ", 1),
    ("家賃保証", 2),
    ("保険企画", 2),
    ("司法書士事務所", 1),
    ("税理士事務所", 1),
    ("行政書士事務所", 1),
    ("社労士事務所", 1),
    ("建築士事務所", 1),
    ("法務事務所", 1),
];

/// Whether `word` is one of [`TRADE_SUFFIXES`].
pub fn is_trade_suffix(word: &str) -> bool {
    TRADE_SUFFIXES.iter().any(|(w, _)| *w == word)
}

#[cfg(test)]
mod tests {
    use crate::document::Lang;
    use crate::engine::Engine;

    fn found(text: &str) -> Vec<String> {
        let e = Engine::new(Some(&["organization_suffix".to_string()]), Vec::new());
        let chars: Vec<char> = text.chars().collect();
        let mut f = e.find(text, Some(Lang::Ja));
        f.sort_by_key(|f| (f.start, f.end));
        f.into_iter().map(|f| chars[f.start..f.end].iter().collect()).collect()
    }

    #[test]
    fn small_companies_by_their_trade_word() {
        assert_eq!(found("10:00 ミドリ精機 来社"), ["ミドリ精機"]);
        assert_eq!(found("修理はアオバリペアさんに依頼"), ["アオバリペア"]);
        assert_eq!(found("保管先：コナンボデー\n"), ["コナンボデー"]);
        assert_eq!(found("照会は港北シーフーズまで"), ["港北シーフーズ"]);
        assert_eq!(found("・ヒカリ運送：臨時便"), ["ヒカリ運送"]);
        // a kanji head is shown a name by the honorific after it; one kanji and の open a name
        assert_eq!(found("帰りに丸八運送さんに寄ります"), ["丸八運送"]);
        assert_eq!(found("宛先：北浜設備 御中"), ["北浜設備"]);
        assert_eq!(found("担当：月の浦エステート 管理部"), ["月の浦エステート"]);
    }

    #[test]
    fn trade_words_that_are_no_name() {
        // a common noun before the word, a facility after it, a count before it: without an analyser a kanji
        // head cannot be shown proper, so it is left
        for text in [
            "空調設備の点検",
            "東京の物流さんは",
            "私の設備様式",
            "物流センターへ",
            "運送費 1,200円",
            "第2設備",
            "港南物流センター",
            "12運送",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
