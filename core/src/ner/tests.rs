//! The feature builder, its two sinks and `NerCrf.tag`'s span rules (the Python tests compare whole
//! documents with python-crfsuite); these need no model or only the shipped one.

use super::*;

fn shipped() -> Option<NerTagger> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../mamori/detect/data/ner-ja-wiki.crfsuite");
    std::fs::read(path).ok().map(|b| NerTagger::from_bytes(&b).unwrap())
}

fn input<'a>(text: &'a str, tokens: &'a [Token], hints: &'a [Hint]) -> Input<'a> {
    Input { text, tokens, flags: &[], hints, gazetteer: &[], clusters: &[] }
}

#[test]
fn char_types_follow_python() {
    let got: String = "山やヤAa1 、ー々²ǅ\u{3000}½".chars().map(|c| char_type(c) as char).collect();
    assert_eq!(got, "KHTAADSYTKDASY");
}

#[test]
fn code_like_and_trimmed() {
    let c = |s: &str| code_like(&s.chars().collect::<Vec<_>>());
    assert!(c("A-1234") && c("a@b") && !c("ABC") && !c("山1") && !c(""));
    assert!(trimmed('「') && trimmed('\u{3000}') && !trimmed('山'));
}

#[test]
fn features_of_the_shipped_model_come_in_python_order() {
    let Some(t) = shipped() else { return };
    let m = t.model();
    let id = |s: &str| m.attr_id(s.as_bytes()).unwrap();
    let toks =
        [Token { start: 0, end: 2, surface: "山田".into(), pos: vec!["名詞".into(), "固有名詞".into()] }];
    let hints = [Hint { start: 0, end: 2, kind: "PERSON".into(), recognizer: "person_ja".into(), score: 0.9 }];
    let rows = t.feature_ids(&input("山田さん", &toks, &hints));
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0][0], id("c=山"));
    assert_eq!(rows[0][1], id("t=K"));
    assert!(rows[0].contains(&id("BOS")) && rows[3].contains(&id("EOS")));
    let pos = |r: &[u32], s: &str| r.iter().position(|&a| a == id(s));
    assert!(pos(&rows[0], "tp=B") < pos(&rows[0], "r=BP"));
    assert!(rows[2].contains(&id("r-1=EP")));
}

#[test]
fn tags_a_name() {
    let Some(t) = shipped() else { return };
    let toks = [
        Token {
            start: 0,
            end: 2,
            surface: "山田".into(),
            pos: vec!["名詞".into(), "固有名詞".into(), "人名".into(), "姓".into()],
        },
        Token {
            start: 2,
            end: 4,
            surface: "太郎".into(),
            pos: vec!["名詞".into(), "固有名詞".into(), "人名".into(), "名".into()],
        },
        Token { start: 4, end: 5, surface: "は".into(), pos: vec!["助詞".into(), "係助詞".into()] },
    ];
    // the rules' finding comes in as a hint, as in the pipeline (the model trained on business text too leans on it)
    let hints = [Hint { start: 0, end: 4, kind: "PERSON".into(), recognizer: "person_ja".into(), score: 0.9 }];
    let got = t.tag(&input("山田太郎は東京に住む。", &toks, &hints));
    assert!(got.iter().any(|s| s.start == 0 && s.end == 4 && s.kind == "PERSON" && s.score > 0.5), "{got:?}");
    assert!(t.tag(&input("", &[], &[])).is_empty());
}

fn strings(inp: &Input<'_>, level: Level) -> Vec<Vec<String>> {
    feature_strings(inp, level).to_rows().into_iter().map(|r| r.into_iter().map(String::from).collect()).collect()
}

#[test]
fn the_characters_of_a_segment() {
    let rows = strings(&input("山田", &[], &[]), Level::Chars);
    let want = [
        vec![
            "c=山",
            "t=K",
            "c-1=\x02",
            "c+1=田",
            "c-2=\x02",
            "c+2=\x03",
            "b-=\x02山",
            "b+=山田",
            "b--=\x02\x02",
            "b++=田\x03",
            "tt=^KK",
            "tt-=^^K",
            "tt+=KK$",
            "BOS",
        ],
        vec![
            "c=田",
            "t=K",
            "c-1=山",
            "c+1=\x03",
            "c-2=\x02",
            "c+2=\x03",
            "b-=山田",
            "b+=田\x03",
            "b--=\x02山",
            "b++=\x03\x03",
            "tt=KK$",
            "tt-=^KK",
            "tt+=K$$",
            "EOS",
        ],
    ];
    assert_eq!(rows, want);
    let one = strings(&input("a", &[], &[]), Level::Chars);
    assert_eq!(one[0][1], "t=A");
    assert_eq!(&one[0][13..], ["BOS", "EOS"]);
    assert!(strings(&input("", &[], &[]), Level::Vec).is_empty());
}

#[test]
fn levels_nest_and_add_their_groups() {
    let toks = [
        Token { start: 0, end: 3, surface: "東洋紡".into(), pos: vec!["名詞".into(), "固有名詞".into()] },
        Token { start: 3, end: 4, surface: "の".into(), pos: vec!["助詞".into()] },
        Token { start: 4, end: 6, surface: "松本".into(), pos: vec![] },
    ];
    let flags = ["".to_string(), "".to_string(), "SL".to_string()];
    let hints = [Hint { start: 4, end: 6, kind: "PERSON".into(), recognizer: "person_ja".into(), score: 0.4 }];
    let listed = [Listed { start: 0, end: 3, kinds: "O".into() }, Listed { start: 4, end: 6, kinds: "LP".into() }];
    let clusters = [Some((7920 << 16) | (766 << 6) | 39), None, Some((4410 << 16) | (813 << 6) | 59)];
    let inp = Input {
        text: "東洋紡の松本",
        tokens: &toks,
        flags: &flags,
        hints: &hints,
        gazetteer: &listed,
        clusters: &clusters,
    };
    let mut before: Option<Vec<Vec<String>>> = None;
    for name in Level::NAMES {
        let rows = strings(&inp, Level::from_name(name).unwrap());
        assert_eq!(rows.len(), 6);
        if let Some(b) = &before {
            // Each level keeps the features of the one before, in order, and adds to them.
            for (r, p) in rows.iter().zip(b) {
                let mut it = r.iter();
                assert!(p.iter().all(|f| it.any(|g| g == f)), "{name}: {p:?} not in {r:?}");
            }
            assert!(rows.iter().map(Vec::len).sum::<usize>() > b.iter().map(Vec::len).sum::<usize>(), "{name}");
        }
        before = Some(rows);
    }
    let has = |level: Level, row: usize, f: &str| strings(&inp, level)[row].iter().any(|g| g == f);
    assert!(has(Level::Morph, 0, "tp=B") && has(Level::Morph, 0, "tpp=B名詞-固有名詞") && has(Level::Morph, 3, "tp=S"));
    assert!(
        has(Level::Morph, 4, "p=?")
            && has(Level::Morph, 4, "p1=?")
            && has(Level::Morph, 4, "np=$")
            && has(Level::Morph, 3, "np=")
    );
    assert!(has(Level::Morph, 3, "pp=名詞-固有名詞") && has(Level::Morph, 3, "w=の") && has(Level::Morph, 0, "wl=3"));
    assert!(!has(Level::Morph, 4, "lx=S") && has(Level::Lex, 4, "lx=S") && has(Level::Lex, 5, "lx=L"));
    assert!(has(Level::Lex, 5, "lx") && !has(Level::Lex, 0, "lx"));
    assert!(!has(Level::Lex, 4, "r=BP") && has(Level::Rules, 4, "r=BP") && has(Level::Rules, 5, "rs=IPl"));
    assert!(has(Level::Rules, 3, "r+1=BP") && has(Level::Rules, 5, "rn=person_ja"));
    assert!(!has(Level::Rules, 0, "g=BO") && has(Level::Gaz, 0, "g=BO") && has(Level::Gaz, 0, "gl=BO3"));
    assert!(has(Level::Gaz, 2, "g=EO") && has(Level::Gaz, 3, "g-1=O") && has(Level::Gaz, 3, "g+1=L"));
    assert!(has(Level::Gaz, 4, "g=BL") && has(Level::Gaz, 4, "g=BP") && has(Level::Gaz, 5, "g=EP"));
    assert!(!has(Level::Gaz, 0, "v0=7920") && has(Level::Vec, 0, "v0=7920") && has(Level::Vec, 2, "v1=766"));
    assert!(has(Level::Vec, 0, "v2=39") && has(Level::Vec, 3, "v=none") && has(Level::Vec, 3, "pv2=39"));
    assert!(has(Level::Vec, 3, "nv2=59") && has(Level::Vec, 4, "v2=59"));
    assert_eq!(Level::from_name("all"), None);
}

#[test]
fn the_longest_listed_span_counts_per_kind() {
    let listed = [
        Listed { start: 0, end: 2, kinds: "O".into() },
        Listed { start: 0, end: 4, kinds: "O".into() },
        Listed { start: 1, end: 2, kinds: "P".into() }, // one character: not a feature
    ];
    let inp = Input { text: "東洋紡績", tokens: &[], flags: &[], hints: &[], gazetteer: &listed, clusters: &[] };
    let rows = strings(&inp, Level::Gaz);
    let gaz: Vec<Vec<&str>> =
        rows.iter().map(|r| r.iter().filter(|f| f.starts_with('g')).map(|f| f.as_str()).collect()).collect();
    assert_eq!(gaz, [vec!["g=BO", "gl=BO4"], vec!["g=IO", "gl=IO4"], vec!["g=IO", "gl=IO4"], vec!["g=EO", "gl=EO4"]]);
}

#[test]
fn a_nul_stays_in_the_strings_and_ends_the_model_key() {
    let rows = strings(&input("a\0b", &[], &[]), Level::Chars);
    assert_eq!(rows[1][0], "c=\0");
    assert_eq!(rows[0][7], "b+=a\0");
    let Some(t) = shipped() else { return };
    let m = t.model();
    let ids = t.feature_ids(&input("a\0b", &[], &[]));
    // "b+=a\0" is looked up as "b+=a" (CRFsuite reads C strings), as python-crfsuite does.
    assert_eq!(m.attr_id(b"b+=a\0"), m.attr_id(b"b+=a"));
    let want: Vec<Vec<u32>> = rows.iter().map(|r| r.iter().filter_map(|f| m.attr_id(f.as_bytes())).collect()).collect();
    assert_eq!(ids, want);
}

#[test]
fn the_model_ids_are_the_strings_looked_up() {
    let Some(t) = shipped() else { return };
    let m = t.model();
    let toks = [
        Token {
            start: 0, end: 2, surface: "山田".into(), pos: vec!["名詞".into(), "固有名詞".into(), "人名".into()]
        },
        Token { start: 2, end: 4, surface: "太郎".into(), pos: vec!["名詞".into(), "固有名詞".into()] },
        Token { start: 4, end: 5, surface: "は".into(), pos: vec!["助詞".into(), "係助詞".into()] },
        Token {
            start: 5, end: 7, surface: "東京".into(), pos: vec!["名詞".into(), "固有名詞".into(), "地名".into()]
        },
        Token {
            start: 7, end: 20, surface: "に住むことになったのでした".into(), pos: vec!["動詞".into()]
        },
    ];
    let flags = ["SL".to_string(), "G".to_string(), "".to_string(), "L".to_string()];
    let hints = [
        Hint { start: 0, end: 4, kind: "PERSON".into(), recognizer: "person_ja".into(), score: 0.9 },
        Hint { start: 5, end: 7, kind: "ADDRESS".into(), recognizer: "address_ja".into(), score: 0.9 },
        Hint { start: -3, end: 99, kind: "LOCATION".into(), recognizer: "x".into(), score: 0.1 },
    ];
    let listed = [Listed { start: 5, end: 7, kinds: "L".into() }, Listed { start: 0, end: 2, kinds: "PL".into() }];
    let clusters = [Some(1 << 16), Some(99), None, Some((5 << 16) | 3)];
    let text = "山田太郎は東京に住むことになったのでした。";
    let inp = Input { text, tokens: &toks, flags: &flags, hints: &hints, gazetteer: &listed, clusters: &clusters };
    let rows = strings(&inp, Level::Vec);
    let want: Vec<Vec<u32>> = rows.iter().map(|r| r.iter().filter_map(|f| m.attr_id(f.as_bytes())).collect()).collect();
    let got = t.feature_ids(&inp);
    assert_eq!(got, want);
    let (known, all) = (got.iter().map(Vec::len).sum::<usize>(), rows.iter().map(Vec::len).sum::<usize>());
    assert!(known * 2 > all && known < all, "the model knows most features, not all: {known} of {all}");
}

#[test]
fn char_ids_equal_the_keys() {
    let Some(t) = shipped() else { return };
    let toks =
        [Token { start: 0, end: 2, surface: "山田".into(), pos: vec!["名詞".into(), "固有名詞".into()] }];
    let hints = [Hint { start: 1, end: 3, kind: "PERSON".into(), recognizer: "person_ja".into(), score: 0.4 }];
    // every script, padding-like and unknown characters, one- and two-character segments, a NUL (key path)
    let texts = [
        "山田太郎様、お世話になります。",
        "営業部の佐藤が伺います",
        "ﾔﾏﾀﾞ ﾀﾛｳ　TEL 03-1234-5678",
        "Smith, John (ジョン) 🙂 ²½ǅ",
        "山",
        "あい",
        "a\0b山田",
        "\u{2}\u{3}山田\u{3}",
        "東京都千代田区丸の内１－２－３　ＡＢＣビル５Ｆ",
    ];
    for text in texts {
        for (tk, hs) in [(&toks[..], &hints[..]), (&[][..], &[][..])] {
            let inp = input(text, tk, hs);
            assert_eq!(t.feature_ids(&inp), t.feature_ids_by_key(&inp), "{text:?}");
        }
    }
    // a pseudo-random walk over a wider range of code points
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..200 {
        let mut s = String::new();
        for _ in 0..(x % 40) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let pool = ['山', '田', 'さ', 'ん', 'A', 'a', '1', ' ', '、', 'ー', '々', 'ヤ', '\u{3000}', '.', '様'];
            let c = if x.is_multiple_of(3) {
                char::from_u32((x >> 8) as u32 % 0x3_0000).unwrap_or('?')
            } else {
                pool[(x >> 5) as usize % pool.len()]
            };
            s.push(c);
        }
        let inp = input(&s, &[], &[]);
        assert_eq!(t.feature_ids(&inp), t.feature_ids_by_key(&inp), "{s:?}");
    }
}

#[test]
fn the_free_level_reads_no_token_and_the_name_lexicon_from_the_characters() {
    // Tokens, flags and clusters given are not read: the features are those of a segment with none.
    let toks = [Token { start: 0, end: 4, surface: "山田太郎".into(), pos: vec!["名詞".into()] }];
    let flags = ["SG".to_string()];
    let clusters = [Some(1 << 16)];
    let hints = [Hint { start: 0, end: 4, kind: "PERSON".into(), recognizer: "person_ja".into(), score: 0.9 }];
    let listed = [Listed { start: 7, end: 9, kinds: "L".into() }];
    let text = "山田太郎さんは東京へ";
    let with = Input { text, tokens: &toks, flags: &flags, hints: &hints, gazetteer: &listed, clusters: &clusters };
    let without = Input { tokens: &[], flags: &[], clusters: &[], ..with };
    let rows = strings(&with, Level::Free);
    assert_eq!(rows, strings(&without, Level::Free));
    let has = |row: usize, f: &str| rows[row].iter().any(|g| g == f);
    let chars = strings(&without, Level::Chars);
    for (r, c) in rows.iter().zip(&chars) {
        assert_eq!(&r[..c.len()], &c[..], "the character features come first, unchanged");
        assert!(!r.iter().any(|f| f.starts_with(['p', 'w', 'v']) || f.starts_with("tp") || f.starts_with("lx")));
    }
    // 山田 a listed surname, 太郎 a listed given name right after it.
    assert!(has(0, "lb=S") && has(0, "lbl=S2") && has(1, "le=S") && has(2, "lb=G") && has(3, "le=G"));
    assert!(has(2, "lsg") && has(1, "lsg-") && has(4, "le-1=G") && !has(4, "lb=S"));
    assert!(has(0, "r=BP") && has(7, "g=BL") && has(8, "g=EL"));
    assert!(Level::Free.rules() && Level::Free.gaz() && !Level::Free.tokens() && !Level::Free.clusters());
    assert_eq!(Level::from_name("free"), Some(Level::Free));
    assert_eq!(Level::Free.name(), "free");
    assert!(Level::NAMES.iter().all(|n| Level::from_name(n).unwrap().name() == *n));
}

#[test]
fn the_shipped_model_tells_its_feature_set() {
    let Some(t) = shipped() else { return };
    let level = t.level();
    assert!(level == Level::Vec || level == Level::Free);
    assert_eq!(NerTagger::level_of(t.model()), level);
    let forced = NerTagger::from_bytes(include_bytes!("../crf/tiny.crfsuite")).map(|t| t.with_level(Level::Free));
    assert!(forced.is_ok_and(|t| t.level() == Level::Free));
}
