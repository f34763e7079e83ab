//! The company a person is named with, in mails, chats and notes: in brackets after the person
//! (`山田（ミナト精機）`, `佐藤様（カモメ・リンク）`) and before the person and の with an honorific
//! (`ミナト精機の山田様より`, `ツグミリペアの佐藤さん`). The person is a listed surname (with or without a
//! given name) or a full name in katakana; the company is decided by its shape: no hiragana but の inside,
//! no digits, not a department, role, relation, place, language or school (its ending), not a reading of
//! the name (katakana no longer than a reading would be), not one common noun or place for the analyser.

use super::introduction::{cut_departments, NOT_COMPANY_ENDINGS};
use super::legal_form::{is_hira, legal_start_at, LEGAL_FORMS};
use super::name_run::{char_class, left_name};
use super::trade_words::TRADE_SUFFIXES;
use super::{ends_at, starts_at, Memo, ORGANIZATION};
use crate::document::Document;
use crate::finding::Finding;
use crate::recognizers::person_ja::lexicon::name_lexicon;

const NAME: &str = "organization_context";

/// Honorifics after the person (the anchors of the の shape; optional before a bracket).
const HONORIFICS: &[&str] = &["さん", "様"];

/// Endings of a bracket's content that name no company, beyond the self-introduction's: a relation, a
/// role, a language, a branch, a grade (取引先, 派遣元, ベトナム語, 湊西店, 同級生, 作業用).
const NOT_AFFILIATION_ENDINGS: &[&str] = &[
    "先",
    "元",
    "語",
    "店",
    "生",
    "用",
    "中",
    "済",
    "方",
    "主",
    "側",
    "内",
    "外",
    "代",
    "歳",
    "才",
    "籍",
    "出身",
    "担当",
    "予定",
    "住",
    "代理",
    "線",
    "母",
    "父",
    "妻",
    "夫",
    "子",
    "娘",
    "孫",
    "兄",
    "姉",
    "弟",
    "妹",
    "号",
    "棟",
    "荘",
    "ビル",
    "ハイツ",
    "マンション",
    "アパート",
    "レジデンス",
    "コーポ",
];

/// Words opening a building's name, not a company's (コーポ山田, メゾン佐藤).
const BUILDING_OPENINGS: &[&str] = &["コーポ", "メゾン", "ハイツ", "パレス", "レジデンス", "マンション", "アパート"];

/// Verdicts of the analyser on a candidate: true when it is one common noun or one place name.
pub type WordMemo = Memo<String, bool>;

/// Whether the analyser reads `n[s..e]` as no company: one common noun, one place name or other word, a
/// person's name, or (when it holds kanji) common nouns only, with no proper noun among them (運転ボランティア,
/// 延長保証, 現場監督).
pub(super) fn plain_words(doc: &Document, memo: &WordMemo, s: usize, e: usize) -> bool {
    if !doc.has_morphology() {
        return false;
    }
    memo.get(doc.norm.slice(s, e).to_string(), || plain_verdict(doc, s, e, true))
}

/// The analyser's verdict of [`plain_words`]; with `compounds` false a run of common nouns passes (the
/// cue around it shows it a name).
fn plain_verdict(doc: &Document, s: usize, e: usize, compounds: bool) -> bool {
    {
        let toks = doc.norm_tokens(s, e);
        if toks.is_empty() {
            return false;
        }
        if toks.iter().all(|t| t.is_person()) {
            return true;
        }
        let proper = |t: &crate::morphology::Token| t.pos.len() > 1 && t.pos[1] == "固有名詞";
        if toks.len() == 1 {
            let t = &toks[0];
            return t.pos.len() > 2 && (t.pos[1] == "普通名詞" || t.pos[2] == "地名" || t.pos[0] != "名詞");
        }
        compounds && doc.norm.chars[s..e].iter().any(|&c| char_class(c) == 1) && !toks.iter().any(proper)
    }
}

/// A person's name ending at `e` (a run of kanji or katakana with one space at most, up to nine code
/// points, that does not go on to the left): the start of the run, before any lexicon look-up; the verdict
/// is [`person_verdict`]'s.
fn person_run(n: &[char], e: usize) -> Option<usize> {
    let s = super::name_run::person_run_start(n, e, true);
    (s < e && n[s] != ' ' && (s == 0 || !matches!(char_class(n[s - 1]), 1..=3))).then_some(s)
}

/// Whether the run `n[s..e]` is a person's name: a listed surname, a surname and a given name, or a
/// katakana full name (a space or ・ inside); the name's start.
fn person_verdict(n: &[char], s: usize, e: usize) -> Option<usize> {
    let lex = name_lexicon();
    let alone = |y: &[char]| lex.surname(y) || lex.split_full(y) > 0;
    let y = &n[s..e];
    if y.iter().all(|&c| char_class(c) == 2 || c == '・' || c == ' ') {
        return (y.len() >= 4 && y.iter().any(|&c| c == ' ' || c == '・')).then_some(s);
    }
    match y.iter().position(|&c| c == ' ') {
        Some(k) if lex.surname(&y[..k]) => Some(s),
        // 欠 山本: a word, a space and the name
        Some(k) => alone(&y[k + 1..]).then_some(s + k + 1),
        None => alone(y).then_some(s),
    }
}

/// Whether `n[s..e]` ends with one of [`NOT_COMPANY_ENDINGS`] or [`NOT_AFFILIATION_ENDINGS`] (the words kept
/// by their last code point, looked up by it).
fn ends_in_stop(n: &[char], s: usize, e: usize) -> bool {
    static WORDS: std::sync::OnceLock<Vec<(char, &'static str)>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut v: Vec<(char, &'static str)> = NOT_COMPANY_ENDINGS
            .iter()
            .chain(NOT_AFFILIATION_ENDINGS)
            .filter_map(|w| w.chars().last().map(|c| (c, *w)))
            .collect();
        v.sort_unstable();
        v
    });
    let Some(&last) = n.get(..e).and_then(|h| h.last()) else { return false };
    let from = words.partition_point(|x| x.0 < last);
    words[from..].iter().take_while(|x| x.0 == last).any(|(_, w)| ends_at(n, s, e, w))
}

/// Whether `n[s..e]` has the shape of a company's name: three to thirty code points of kanji, katakana,
/// Latin letters and ・, hiragana only opening it or の inside it (at most half of it), not a department's or
/// a role's ending, no legal form.
pub(super) fn company_shaped(n: &[char], s: usize, e: usize) -> bool {
    if e < s + 3 || e > s + 30 {
        return false;
    }
    let name = &n[s..e];
    let letters_ok = name.iter().enumerate().all(|(k, &c)| match char_class(c) {
        1 | 2 => true,
        3 => !c.is_ascii_digit(),
        // hiragana opening a name (さくら国際…) or の inside it (月の浦), never ending it
        4 => k + 1 < name.len() && (c == 'の' || name[..k].iter().all(|&p| is_hira(p))),
        _ => c == '・' || c == '&',
    });
    let hira = name.iter().filter(|&&c| is_hira(c)).count();
    if !letters_ok || !name.iter().any(|&c| matches!(char_class(c), 1 | 2)) || 2 * hira > name.len() {
        return false;
    }
    // a role in Latin letters after the body does not make it a company (山田病院MSW)
    let body = e - name.iter().rev().take_while(|c| c.is_ascii_alphabetic()).count();
    if ends_in_stop(n, s, e) || (body < e && ends_in_stop(n, s, body)) {
        return false;
    }
    if BUILDING_OPENINGS.iter().any(|w| starts_at(n, s, w)) || name.contains(&'様') {
        return false;
    }
    !(s..e).any(|i| legal_start_at(n, i) || n[i] == '㈱' || starts_at(n, i, "(株)"))
}

/// The company in brackets after a person: `open` is the bracket's index.
fn bracketed(doc: &Document, memo: &WordMemo, open: usize) -> Option<(usize, usize)> {
    let n = &doc.norm.chars;
    // the person, maybe with an honorific and a space before the bracket
    let mut pe = open;
    if pe > 0 && n[pe - 1] == ' ' {
        pe -= 1;
    }
    if let Some(w) = HONORIFICS.iter().chain(&["氏"]).find(|w| ends_at(n, 0, pe, w)) {
        pe -= w.chars().count();
    }
    if pe > 0 && n[pe - 1] == ' ' {
        pe -= 1;
    }
    let run = person_run(n, pe)?;
    let close = if n[open] == '(' { ')' } else { '）' };
    let s = open + 1;
    let lim = n.len().min(s + 32);
    let c = (s..lim).find(|&k| matches!(n[k], ')' | '）' | '(' | '（' | '\n'))?;
    if n[c] != close {
        return None;
    }
    // the company is the bracket's first word (ミナト精機 棚卸準備 → ミナト精機)
    let e = (s..c).find(|&k| matches!(n[k], ' ' | '、' | ',' | '/')).unwrap_or(c);
    if !company_shaped(n, s, e) {
        return None;
    }
    let ps = person_verdict(n, run, pe)?;
    let name = &n[s..e];
    if name.iter().all(|&c| char_class(c) == 2 || c == '・') {
        // katakana: a reading of a kanji name is at most about twice its length
        let kanji = n[ps..pe].iter().filter(|&&c| char_class(c) == 1).count();
        let kana = name.iter().filter(|&&c| c != '・' && c != 'ー').count();
        if kanji > 0 && kana <= 2 * kanji + 1 {
            return None;
        }
    }
    if plain_words(doc, memo, s, e) || name_lexicon().surname(name) {
        return None;
    }
    Some((s, e))
}

/// The company before `の` and a person with an honorific: `ks` is the honorific's start.
fn before_person(doc: &Document, memo: &WordMemo, ks: usize) -> Option<(usize, usize)> {
    let n = &doc.norm.chars;
    let mut pe = ks;
    if pe > 0 && n[pe - 1] == ' ' {
        pe -= 1;
    }
    let ps = name_run_after_no(n, pe)?;
    let q = ps - 1; // の
    let s = left_name(n, q, 30);
    if q < s + 3 {
        return None;
    }
    // a legal form before the name: the legal form's rule reads the whole (株式会社 ミナト精機 の山田様)
    let mut b = s;
    while b > 0 && n[b - 1] == ' ' {
        b -= 1;
    }
    if ["(株)", "（株）", "㈱", "(有)", "（有）", "㈲"].iter().chain(LEGAL_FORMS).any(|w| ends_at(n, 0, b, w))
    {
        return None;
    }
    if !person_after_no(&n[ps..pe]) {
        return None;
    }
    // ミナト精機経理の: department words cut from the end
    let e = cut_departments(doc, s, q);
    if !company_shaped(n, s, e) || plain_words(doc, memo, s, e) || name_lexicon().surname(&n[s..e]) {
        return None;
    }
    Some((s, e))
}

/// The start of the run of kanji or katakana (at most `limit` code points, no space) ending at `e`.
fn kanji_kana_run(n: &[char], e: usize, limit: usize) -> usize {
    let mut s = e;
    while s > 0 && e - s < limit && matches!(char_class(n[s - 1]), 1 | 2) {
        s -= 1;
    }
    s
}

/// The company before a space and a person with an honorific, heading a line or a field
/// (`ミナト精機 山田様`, `宛先：ミナト精機　高橋 一郎 様`): `ks` is the honorific's start. The person is a listed
/// surname, or a surname, a space and a given name; the company is what [`company_shaped`] accepts, opening
/// the line or following a space or a label's colon, and not a person's name or plain words to the analyser.
fn spaced_before_person(doc: &Document, memo: &WordMemo, ks: usize) -> Option<(usize, usize)> {
    let n = &doc.norm.chars;
    let lex = name_lexicon();
    let mut pe = ks;
    if pe > 0 && n[pe - 1] == ' ' {
        pe -= 1;
    }
    let p1 = kanji_kana_run(n, pe, 5);
    if p1 == pe || p1 < 2 || n[p1 - 1] != ' ' {
        return None;
    }
    // the surname alone (two code points at least: one is more often a given name), or the surname before a
    // space and the given name (in kanji)
    let q = if pe - p1 >= 2 && lex.surname(&n[p1..pe]) {
        p1 - 1
    } else {
        let p2 = kanji_kana_run(n, p1 - 1, 4);
        let given_kanji = n[p1..pe].iter().all(|&c| char_class(c) == 1);
        if p2 == p1 - 1 || p2 < 2 || n[p2 - 1] != ' ' || !given_kanji || !lex.surname(&n[p2..p1 - 1]) {
            return None;
        }
        p2 - 1
    };
    let s = left_name(n, q, 30);
    if s >= q || (s > 0 && !matches!(n[s - 1], '\n' | ' ' | ':' | '|' | ',' | '、' | ']' | '】')) {
        return None;
    }
    // a place or a branch after a company and a space (株式会社甲 東京本社 山田様) is not the company
    if s >= 2 && n[s - 1] == ' ' && matches!(char_class(n[s - 2]), 1 | 2) {
        return None;
    }
    let e = q;
    if !company_shaped(n, s, e) || lex.surname(&n[s..e]) || lex.split_full(&n[s..e]) > 0 {
        return None;
    }
    // common nouns in kanji only are no name (見積比較, 元取締役) unless a trade word ends them (北浜運送); with
    // katakana or hiragana among them they are (みなと多文化ネット). The memo is shared with plain_words: this
    // verdict's keys open with a control character.
    let name = &n[s..e];
    let trade = TRADE_SUFFIXES.iter().any(|(w, k)| ends_at(n, s, e, w) && e - s >= w.chars().count() + k);
    if name.iter().all(|&c| char_class(c) == 1) && !trade {
        // without an analyser nothing shows such a run proper
        if !doc.has_morphology() || plain_words(doc, memo, s, e) {
            return None;
        }
    } else if doc.has_morphology()
        && memo.get(format!("\u{1}{}", doc.norm.slice(s, e)), || plain_verdict(doc, s, e, false))
    {
        return None;
    }
    Some((s, e))
}

/// The start of a run of kanji or katakana (one space inside at most, up to nine code points) ending at `e`
/// right after `の`.
fn name_run_after_no(n: &[char], e: usize) -> Option<usize> {
    let mut s = e;
    while s > 0 && e - s < 9 && (matches!(char_class(n[s - 1]), 1 | 2) || (n[s - 1] == ' ' && s < e)) {
        s -= 1;
    }
    (s < e && s > 0 && n[s - 1] == 'の' && n[s] != ' ').then_some(s)
}

/// Whether the run after `の` is a person's name: a listed surname, with a given name or not (in kanji
/// after a space).
fn person_after_no(y: &[char]) -> bool {
    let lex = name_lexicon();
    match y.iter().position(|&c| c == ' ') {
        Some(k) => lex.surname(&y[..k]) && y[k + 1..].iter().all(|&c| char_class(c) == 1),
        None => lex.surname(y) || lex.split_full(y) > 0,
    }
}

/// Companies named with a person in `doc`: brackets and honorifics found on the text's bytes (memchr), most
/// of them passed over at the first test of the run before them.
pub fn find_affiliations(doc: &Document, memo: &WordMemo, out: &mut Vec<Finding>) {
    let b = doc.norm.s.as_bytes();
    let mut found: Vec<(usize, usize)> = Vec::new();
    // '(' (the fold has made every '（' one)
    for p in memchr::memchr_iter(b'(', b) {
        let open = doc.norm.char_index(p);
        if let Some(span) = bracketed(doc, memo, open) {
            found.push(span);
        }
    }
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> = std::sync::OnceLock::new();
    let finders =
        FINDERS.get_or_init(|| HONORIFICS.iter().map(|w| memchr::memmem::Finder::new(w.as_bytes())).collect());
    for f in finders {
        for p in f.find_iter(b) {
            // the name before the honorific follows の: look for it in the bytes first
            let lo = p.saturating_sub(9 * 3 + 3);
            if b[lo..p].windows(3).any(|x| x == "の".as_bytes()) {
                if let Some(span) = before_person(doc, memo, doc.norm.char_index(p)) {
                    found.push(span);
                    continue;
                }
            }
            // the spaced shape: a space among the bytes of the person's name before the honorific
            if b[lo..p].contains(&b' ') {
                if let Some(span) = spaced_before_person(doc, memo, doc.norm.char_index(p)) {
                    found.push(span);
                }
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    for (s, e) in found {
        out.push(Finding::new(ORGANIZATION, s, e, 0.55, NAME));
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Lang;
    use crate::engine::Engine;

    fn found(text: &str) -> Vec<String> {
        let e = Engine::new(Some(&["organization_context".to_string()]), Vec::new());
        let chars: Vec<char> = text.chars().collect();
        let mut f = e.find(text, Some(Lang::Ja));
        f.sort_by_key(|f| (f.start, f.end));
        f.into_iter().map(|f| chars[f.start..f.end].iter().collect()).collect()
    }

    #[test]
    fn company_in_brackets_after_a_person() {
        assert_eq!(found("担当：高橋（ミナト精機）まで"), ["ミナト精機"]);
        assert_eq!(found("BCC：山本様（カモメ・リンク）"), ["カモメ・リンク"]);
        assert_eq!(found("講師 高橋 花子（さくら国際交流ネット）"), ["さくら国際交流ネット"]);
        assert_eq!(found("欠 山本（ミナト精機 棚卸準備）"), ["ミナト精機"]);
        assert_eq!(found("同席 高橋（ブルーオーシャンズ）"), ["ブルーオーシャンズ"]);
    }

    #[test]
    fn brackets_that_hold_no_company() {
        for text in [
            "高橋（タカハシ）",
            "高橋（営業部）",
            "高橋（派遣元）",
            "高橋（取引先）",
            "高橋（35）",
            "高橋（父）",
            "高橋（ベトナム語）",
            "高橋（みなと台小学校）",
            "高橋（湊西支店）",
            "在庫（ミナト精機）",
            "高橋（株式会社ミナト精機）",
            "高橋（乙の母）",
            "高橋（みなと病院MSW）",
            "高橋（名古屋市在住）",
            "高橋（メゾン高橋）",
            "出張 大阪（山本様訪問）",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn company_before_a_space_and_a_person() {
        assert_eq!(found("宛先：ミナト精機　高橋 一郎 様"), ["ミナト精機"]);
        assert_eq!(found("10:00 ヒバリ物産 山本様 来社"), ["ヒバリ物産"]);
        assert_eq!(found("ツグミ・テクノ 佐藤様\n"), ["ツグミ・テクノ"]);
        for text in [
            "営業部 山本様",
            "代表取締役 山本様",
            "佐々木 一郎様",
            "ご担当 山本様",
            "株式会社ヒバリ物産 梢台新工場 山本様",
            "ヒバリ物産 一 様",
            "これはヒバリ物産 山本様",
            "ヒバリ物産 山本",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn company_before_a_person_and_no() {
        assert_eq!(found("ミナト精機の高橋様よりお電話"), ["ミナト精機"]);
        assert_eq!(found("明日、ブルーオーシャンズの山本さんに渡します"), ["ブルーオーシャンズ"]);
        for text in [
            "株式会社 ミナト精機 の高橋様",
            "営業部の高橋さん",
            "取引先の高橋様",
            "隣の高橋さん",
            "湊西支店の高橋様",
            "高橋の山本さん",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }
}
