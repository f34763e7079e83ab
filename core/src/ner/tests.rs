//! The port against `ner_features` and `NerCrf.tag` (the Python tests compare whole documents with
//! python-crfsuite); these check the pieces that need no model or only the shipped one.

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
    let got = t.tag(&input("山田太郎は東京に住む。", &toks, &[]));
    assert!(got.iter().any(|s| s.start == 0 && s.end == 4 && s.kind == "PERSON" && s.score > 0.5), "{got:?}");
    assert!(t.tag(&input("", &[], &[])).is_empty());
}
