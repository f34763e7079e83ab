//! Organisation names with a legal form before or after them (株式会社山田商事, 山田商事(株), ㈱,
//! 一般社団法人…, ABC Co., Ltd.).
//!
//! Hiragana before the name joins it when Sudachi reads it as nouns (ひかり物流株式会社,
//! 先方の|みなと設計(株)), or after a boundary as sounds with no grammatical word (まるやま, くるめ); department words (営業部, 経理課) are trimmed from its end.

use super::keyword_hits::keyword_hits;
use super::latin_name::latin_name_start;
use super::latin_trade::{latin_trade, LATIN_TRADE_WORDS};
use super::name_run::{char_class, class_at, left_name, right_name};
use super::spaced_name::spaced_names;
use super::stop_words::in_words;
use super::trim::{lead_stop, trim_dept, LeadMemo};
use super::{ends_at, Memo, ORGANIZATION};
use crate::document::{Document, Lang};
use crate::finding::Finding;
use crate::morphology::Token;
use crate::recognizer::{words, Keywords, Recognizer};
use crate::recognizers::person_ja::lexicon::name_lexicon;

const NAME: &str = "organization_legal";

/// Legal forms written before or after the name (the folded text turns （株） into (株)).
pub const LEGAL_FORMS: &[&str] = &[
    "株式会社",
    "有限会社",
    "合同会社",
    "合資会社",
    "合名会社",
    "相互会社",
    "一般社団法人",
    "一般財団法人",
    "公益社団法人",
    "公益財団法人",
    "特定非営利活動法人",
    "NPO法人",
    "医療法人社団",
    "医療法人財団",
    "医療法人",
    "学校法人",
    "社会福祉法人",
    "宗教法人",
    "独立行政法人",
    "地方独立行政法人",
    "国立大学法人",
    "国立研究開発法人",
    "弁護士法人",
    "税理士法人",
    "監査法人",
    "司法書士法人",
    "行政書士法人",
    "社会保険労務士法人",
    "特許業務法人",
    "農事組合法人",
    "社会医療法人",
    // a Chinese company's form (东云精工(苏州)有限公司, 台湾好食股份有限公司)
    "有限公司",
    // the forms as a bank account's holder spells them in katakana (カブシキガイシャホクトコウギョウ)
    "カブシキガイシャ",
    "ユウゲンガイシャ",
    "ゴウドウガイシャ",
    "(株)",
    "(有)",
    "(合)",
    "(同)",
    "(資)",
    "(名)",
    "(一社)",
    "(一財)",
    "(公社)",
    "(公財)",
    "(特非)",
    "(医)",
    "(学)",
    "(福)",
    "(宗)",
    "(独)",
    "㈱",
    "㈲",
    "㈳",
    "㈶",
];

/// Latin legal forms that follow a name (matched lower-cased on the folded text).
pub const LATIN_FORMS: &[&str] = &[
    "co., ltd.",
    "co.,ltd.",
    "co., ltd",
    "co.,ltd",
    "co. ltd.",
    "k.k.",
    "inc.",
    "corporation",
    "corp.",
    "llc",
    "ltd.",
    "pte. ltd.",
    "pte ltd",
    "gmbh",
    "s.a. de c.v.",
    "sdn. bhd.",
];

/// Whether one of the legal forms that do not start with '(' starts at `i`.
pub fn legal_start_at(n: &[char], i: usize) -> bool {
    static FORMS: std::sync::OnceLock<crate::table::CharWords> = std::sync::OnceLock::new();
    FORMS
        .get_or_init(|| {
            let forms: Vec<&str> = LEGAL_FORMS.iter().copied().filter(|f| !f.starts_with('(')).collect();
            crate::table::CharWords::new(&forms)
        })
        .starts_at(n, i)
}

const ADDRESSING: &[&str] =
    &["御中", "様", "殿", "各位", "宛", "宛て", "御担当者", "ご担当者", "御担当者様", "ご担当者様"];
/// Boundaries before a name written wholly in hiragana (start of line, punctuation, brackets, spaces).
const HARD_BOUNDARY: &str = " \t\n\r、。,.:;()[]「」『』【】〈〉《》\"'・/";
/// Hiragana nouns that are grammatical words, not names (そのため, ところ, こと).
const FORMAL_NOUNS: &[&str] =
    &["こと", "もの", "ところ", "ため", "とき", "うち", "なか", "ほう", "よう", "わけ", "はず"];
const NOT_NAME_POS: &[&str] =
    &["助詞", "助動詞", "動詞", "代名詞", "接続詞", "連体詞", "副詞", "形容詞", "形状詞", "接尾辞"];

#[inline]
pub fn is_hira(c: char) -> bool {
    ('\u{3041}'..='\u{3096}').contains(&c)
}

/// Kanji, katakana or an ASCII letter or digit (the hiragana name's continuation).
#[inline]
fn kana_name_char(c: char) -> bool {
    matches!(char_class(c), 1 | 2) || c.is_ascii_alphanumeric()
}

/// What may follow the hiragana part of a name: `(?=[KANJI KATAKANA A-Za-z]|の[KANJI KATAKANA]|[ \n、。,.)」』]|$)`.
fn hiragana_name_boundary(n: &[char], at: usize) -> bool {
    let Some(&c) = n.get(at) else {
        return true;
    };
    matches!(char_class(c), 1 | 2)
        || c.is_ascii_alphabetic()
        || (c == 'の' && n.get(at + 1).is_some_and(|&d| matches!(char_class(d), 1 | 2)))
        || " \n、。,.)」』".contains(c)
}

/// Honorifics after a person's name: `…の本田 一颯氏`, `…の楠颯真さん`.
const HONORIFICS: &[&str] = &["さん", "様", "さま", "氏", "殿", "君", "くん", "ちゃん", "先生"];

/// Whether a person's name followed by an honorific starts at `i`: one or two runs of one to five
/// kanji (a space between them), the first opening with a listed surname, and then さん, 様, 氏 …
/// (合同会社ひのまるの|楠颯真さん).
fn person_at(n: &[char], i: usize) -> bool {
    let run = |from: usize| (from..n.len().min(from + 6)).take_while(|&k| char_class(n[k]) == 1).count();
    let honorific = |at: usize| HONORIFICS.iter().any(|h| super::starts_at(n, at, h));
    let lex = name_lexicon();
    // a listed surname opens it and two kanji at least make the name (みどりの|森様 is the body addressed);
    // the honorific may be a kanji itself (本田氏), so it may end the run
    let a = run(i);
    if !(1..=3.min(a)).any(|k| lex.surname(&n[i..i + k])) {
        return false;
    }
    if (i + 2..=i + a).any(honorific) {
        return true;
    }
    let e = i + a;
    let mut sp = e;
    while sp < n.len() && sp - e < 2 && matches!(n[sp], ' ' | '\u{3000}') {
        sp += 1;
    }
    sp > e && (sp + 1..=sp + run(sp)).any(honorific)
}

/// Word classes a run's first token may not have for it to open a name (は|こちら, では, もしくは).
const GRAMMAR_POS: &[&str] = &["助詞", "助動詞", "代名詞", "接続詞", "連体詞", "副詞", "接尾辞", "感動詞", "補助記号"];

/// Whether the hiragana run at `p`, which opens with a particle's character (株式会社|はやぶさ), is a name's
/// first sound and not a particle before other words (は|こちら, や|その, では). The analyser reads the whole
/// hiragana run and the kanji or katakana right after it (やきもの|本舗, not やきも|の本舗): a name is anything
/// that does not start with a grammatical word. Kana names are odd words to it and it cuts them anyhow
/// (はるか|ぜ, はなさ|き, やま|き): only the particle read alone, or another grammatical word, says no.
fn particle_led_name(doc: &Document, memo: &LeadNameMemo, p: usize, q: usize) -> bool {
    if !doc.has_morphology() || q < p + 2 {
        return false;
    }
    let n = &doc.norm.chars;
    let mut r = q;
    while r < n.len() && r - p < 10 && is_hira(n[r]) {
        r += 1;
    }
    if !n.get(r).is_some_and(|&c| matches!(char_class(c), 1 | 2)) {
        r = copula_trimmed(n, p, r); // はるかぜ|です: the analyser reads the name alone
    }
    let mut w = r;
    while w < n.len() && w - r < 4 && matches!(char_class(n[w]), 1 | 2) {
        w += 1;
    }
    memo.get(doc.norm.slice(p, w).to_string(), || {
        let toks = doc.norm_tokens(p, w);
        toks.first().is_some_and(|t| {
            t.start == p
                && t.end >= p + 2
                && t.pos.first().is_some_and(|p0| !GRAMMAR_POS.contains(&p0.as_str()))
                && !FORMAL_NOUNS.contains(&t.surface.as_str())
        })
    })
}

/// Verdicts of [`particle_led_name`], by the hiragana run.
pub type LeadNameMemo = Memo<String, bool>;

/// End of a name that starts in hiragana right after a legal form (特定非営利活動法人みどりの森), or `p`.
pub fn hiragana_name(doc: &Document, memo: &LeadNameMemo, p: usize) -> usize {
    let n = &doc.norm.chars;
    let Some(&c) = n.get(p) else {
        return p;
    };
    if !is_hira(c) {
        return p;
    }
    let particle = "をはがにでとへやもの".contains(c);
    // [ぁ-ゖ][ぁ-ゖ]{1,7}? then the boundary: the fewest hiragana that reach one
    let mut q = None;
    for k in 1..=7 {
        let i = p + k;
        if !n.get(i).is_some_and(|&c| is_hira(c)) {
            break;
        }
        if hiragana_name_boundary(n, i + 1) {
            q = Some(i + 1);
            break;
        }
    }
    let Some(q) = q else {
        return p;
    };
    if particle && !particle_led_name(doc, memo, p, q) {
        return p; // 株式会社はこちら: a particle, not the name's first sound (株式会社はやぶさ)
    }
    if !n.get(q).is_some_and(|&c| kana_name_char(c) || c == 'の') {
        return copula_trimmed(n, p, q); // 株式会社みなとです。
    }
    // (?:の?[KANJI KATAKANA A-Za-z0-9]{1,20})?, not a person after の (税理士法人みなとの|本田 一颯氏)
    let from = if n.get(q) == Some(&'の') && n.get(q + 1).is_some_and(|&c| kana_name_char(c)) {
        if person_at(n, q + 1) {
            return q;
        }
        q + 1
    } else if n.get(q).is_some_and(|&c| kana_name_char(c)) {
        q
    } else {
        return q;
    };
    let mut e = from;
    while e < n.len() && e - from < 20 && kana_name_char(n[e]) {
        e += 1;
    }
    // みどりの森 御中, みどりの森です, not はやぶさの|件で: a word after の that the sentence goes on from (but
    // for a copula or a particle pair) is the sentence's
    if from > q && n.get(e).is_some_and(|&c| is_hira(c)) && !KANA_TAILS.iter().any(|t| super::starts_at(n, e, t)) {
        return q;
    }
    e
}

/// Endings of a sentence that the hiragana run after a legal form takes in when the name is the last word
/// before them (株式会社みなと|です。, 有限会社はるかぜ|さんから): the copula, an honorific, a particle pair.
const KANA_TAILS: &[&str] = &[
    "でございます",
    "でございました",
    "でした",
    "です",
    "さんから",
    "さんへ",
    "さんに",
    "さんの",
    "さん",
    "さま",
    "からは",
    "から",
    "まで",
    "より",
    "にて",
    "には",
    "では",
    "とは",
    "へは",
    "にも",
    "でも",
];

/// End of a hiragana-only name `n[p..q]` with a sentence ending cut from it (みなと|です), keeping two
/// hiragana at least; `q` when none ends it.
fn copula_trimmed(n: &[char], p: usize, q: usize) -> usize {
    KANA_TAILS.iter().find(|t| ends_at(n, p, q, t)).map(|t| q - t.chars().count()).filter(|&e| e >= p + 2).unwrap_or(q)
}

/// A name after a legal form that goes on in hiragana only (`酒のいまい`, `花とみどり`) up to the
/// addressing word of a letter or form (御中, 様, 殿, 各位): the addressee's name is all of it (a kanji
/// word after the hiragana is a person or a department: `…の田中様`). `e` ends the kanji or katakana
/// part; the end of the whole name, or `e` when no addressing word closes the run.
fn addressed_name_end(n: &[char], e: usize) -> usize {
    let addressing = |a: usize| ["御中", "様", "殿", "各位"].iter().any(|w| super::starts_at(n, a, w));
    let mut q = e;
    while q < n.len() && q - e < 12 && is_hira(n[q]) {
        q += 1;
    }
    if addressing(if n.get(q) == Some(&' ') { q + 1 } else { q }) {
        q
    } else {
        e
    }
}

/// A noun that can be (part of) a name: not a formal noun (こと, ため) nor an adverbial one (いつも, 今日).
fn name_noun(t: &Token) -> bool {
    t.pos.first().is_some_and(|p| p == "名詞")
        && !FORMAL_NOUNS.contains(&t.surface.as_str())
        && !(t.pos.len() > 2 && t.pos[2] == "副詞可能")
}

/// A verb of its own (not an auxiliary one) in its irrealis or continuative form with no ending after it
/// (いわ of いわみ, くるめ): Sudachi's reading of a hiragana name's sounds.
fn bare_verb_stem(t: &Token) -> bool {
    t.pos.first().is_some_and(|p| p == "動詞")
        && t.pos.get(1).is_some_and(|p| p == "一般")
        && t.pos.get(5).is_some_and(|p| p == "未然形-一般" || p == "連用形-一般")
}

/// Verdicts of the hiragana head check, by (window, run length, bounded).
pub type HeadMemo = Memo<(String, usize, bool), usize>;

/// Start of a hiragana part of a name that ends at `s` (ひかり|物流株式会社, 先方のみなと|設計), or `s`.
///
/// Sudachi reads a short window: the hiragana nouns right before `s` belong to the name (a particle,
/// verb or formal noun stops it); a run standing after a boundary with no grammatical word in it counts too.
pub fn hiragana_head(doc: &Document, memo: &HeadMemo, s: usize) -> usize {
    let n = &doc.norm.chars;
    let mut j = s;
    while j > 0 && s - j < 10 && is_hira(n[j - 1]) {
        j -= 1;
    }
    if s - j < 2 {
        return s;
    }
    // the window opens after the last newline before j, at most six characters before j
    let lo = j.saturating_sub(6);
    let ws = match n[lo..j].iter().rposition(|&c| c == '\n') {
        Some(i) => lo + i + 1,
        None => lo,
    };
    let bounded = j == 0 || HARD_BOUNDARY.contains(n[j - 1]);
    s - hiragana_head_len(doc, memo, ws, s, s - j, bounded)
}

fn hiragana_head_len(doc: &Document, memo: &HeadMemo, ws: usize, s: usize, run: usize, bounded: bool) -> usize {
    if !doc.has_morphology() {
        return 0; // Python: the analyser raised
    }
    memo.get((doc.norm.slice(ws, s).to_string(), run, bounded), || {
        let toks = doc.norm_tokens(ws, s);
        let mut start = s;
        for t in toks.iter().rev() {
            if t.end != start || !t.surface.chars().all(is_hira) || !name_noun(t) {
                break;
            }
            start = t.start;
        }
        let mut len = s - start;
        if len < run && bounded {
            // まるやま: a hiragana run after a boundary, odd to Sudachi, with no grammatical word in it; a
            // bare verb stem of three hiragana or more (いわ|み, くるめ) is a name's sound, since a verb
            // standing in that form wants an ending or an auxiliary after it, not a name and a legal form
            let rest: Vec<&Token> = toks.iter().filter(|t| t.end + run > s).collect();
            if !rest.is_empty()
                && rest.iter().all(|t| {
                    let p0 = t.pos.first().map_or("", String::as_str);
                    let p1 = t.pos.get(1).map_or("", String::as_str);
                    (run >= 3 && bare_verb_stem(t))
                        || (!(NOT_NAME_POS.contains(&p0) || (p0 == "感動詞" && p1 == "一般"))
                            && (p0 != "名詞" || name_noun(t)))
                })
            {
                len = run;
            }
        }
        if len >= 2 {
            len
        } else {
            0
        }
    })
}

/// Kanji that stand before の as a pronoun or a word of reference, not as a name's first part (私の, 当の).
const REFERENCE_KANJI: &str = "私僕俺君彼当弊貴御我各同本某其";

/// Start of a name run `n[s..]` that goes back over `X の` when X is one kanji standing alone (日の|出建設,
/// 那の|津エステート): names spelt with の between a single kanji and the rest; else `s`. A longer word
/// before の is the sentence's (東京の|山田商事), and so is a pronoun (私の).
pub fn single_kanji_no_head(n: &[char], s: usize) -> usize {
    if s >= 2
        && n[s - 1] == 'の'
        && char_class(n[s - 2]) == 1
        && !REFERENCE_KANJI.contains(n[s - 2])
        && (s == 2 || !matches!(char_class(n[s - 3]), 1..=3))
    {
        s - 2
    } else {
        s
    }
}

/// Start of a name followed by a place in brackets that ends at `ks` (`山田精工(大連)`|有限公司), or `ks`:
/// one to six kanji or katakana in the brackets, a name run before them.
fn paren_place_start(n: &[char], ks: usize) -> usize {
    if ks < 4 || n[ks - 1] != ')' {
        return ks;
    }
    let Some(open) = (ks.saturating_sub(8)..ks - 1).rev().find(|&k| n[k] == '(') else {
        return ks;
    };
    if open + 1 == ks - 1 || !n[open + 1..ks - 1].iter().all(|&c| matches!(char_class(c), 1 | 2)) {
        return ks;
    }
    let s = left_name(n, open, 30);
    if s < open {
        s
    } else {
        ks
    }
}

pub struct LegalFormRecognizer {
    lead: LeadMemo,
    head: HeadMemo,
    kana: LeadNameMemo,
    place: Memo<String, bool>,
    middle: Memo<String, bool>,
}

impl LegalFormRecognizer {
    pub fn new() -> Self {
        LegalFormRecognizer {
            lead: Memo::new(),
            head: Memo::new(),
            kana: Memo::new(),
            place: Memo::new(),
            middle: Memo::new(),
        }
    }

    /// Start of a place name of one to four kanji standing right before the hiragana name at `s` and after a
    /// character that is no kanji (東北|あさひ損害保険, 東京|みなと火災保険): regional insurers, banks and
    /// firms are named so. The analyser must read the kanji as one place-name word; else `s`.
    fn place_before(&self, doc: &Document, s: usize) -> usize {
        let n = &doc.norm.chars;
        if s == 0 || !is_hira(n[s]) || char_class(n[s - 1]) != 1 || !doc.has_morphology() {
            return s;
        }
        let mut k = s;
        while k > 0 && s - k < 5 && char_class(n[k - 1]) == 1 {
            k -= 1;
        }
        if s - k > 4 || (k > 0 && char_class(n[k - 1]) == 1) {
            return s;
        }
        let place = self.place.get(doc.norm.slice(k, s).to_string(), || {
            let t = doc.norm_tokens(k, s);
            t.len() == 1 && t[0].pos.get(2).is_some_and(|p| p == "地名")
        });
        if place {
            k
        } else {
            s
        }
    }

    /// End of a name after a legal form that goes on in kana after its short kanji head (芝浦|さくら|会, 能登|
    /// つなぐ|ネット): two to four hiragana the analyser reads as nouns or a verb, aligned with its words, then a
    /// kanji or katakana run; else `e`. A particle (から, より), an adverbial word (ほか, はじめ) or an
    /// honorific (さま) is the sentence's.
    fn kana_middle(&self, doc: &Document, p: usize, e: usize) -> usize {
        let n = &doc.norm.chars;
        if !(2..=4).contains(&(e - p)) || !n[p..e].iter().all(|&c| char_class(c) == 1) || !doc.has_morphology() {
            return e;
        }
        let h = (e..n.len().min(e + 5)).take_while(|&k| is_hira(n[k])).count();
        if !(2..=4).contains(&h) || !matches!(class_at(n, e + h), 1 | 2) {
            return e;
        }
        let f = right_name(n, e + h, 20);
        let ok = self.middle.get(doc.norm.slice(p, f).to_string(), || {
            let toks = doc.norm_tokens(p, f);
            let mid: Vec<&Token> = toks.iter().filter(|t| t.end > e && t.start < e + h).collect();
            !mid.is_empty()
                && mid.first().is_some_and(|t| t.start == e)
                && mid.last().is_some_and(|t| t.end == e + h)
                && mid.iter().all(|t| {
                    t.surface.chars().all(is_hira)
                        && (name_noun(t)
                            || (t.pos.first().is_some_and(|p| p == "動詞")
                                && t.pos.get(1).is_some_and(|p| p == "一般")))
                })
        });
        if ok {
            f
        } else {
            e
        }
    }

    fn legal(&self, doc: &Document, ks: usize, ke: usize) -> Option<(usize, usize)> {
        let n = &doc.norm.chars;
        if n.get(ke) == Some(&'格') && ends_at(n, ks, ke, "法人") {
            return None; // 宗教法人格: legal personality, not a named body
        }
        let mut s = left_name(n, ks, 30);
        if s < ks {
            s = single_kanji_no_head(n, s); // 日の出建設株式会社
        }
        if s == ks {
            s = paren_place_start(n, ks); // 东云精工(苏州)有限公司: a place in brackets between name and form
        }
        if s < ks {
            match lead_stop(doc, &self.lead, s, ks) {
                None => {
                    if s > 0 && is_hira(n[s - 1]) {
                        s = hiragana_head(doc, &self.head, s); // ひかり物流株式会社
                        s = self.place_before(doc, s); // 東北|あさひ損害保険株式会社
                    }
                    return Some((s, ke));
                }
                Some(t) if t < ks => return Some((t, ke)), // 同年山田商事株式会社 -> 山田商事株式会社
                Some(_) => {} // only words like 同年 stand before the legal form: the name follows it
            }
        }
        let p = if n.get(ke) == Some(&' ') { ke + 1 } else { ke };
        let mut e = right_name(n, p, 30);
        // ㈱三つ葉メディカル: the つ of a count inside the name
        while e > p && n.get(e) == Some(&'つ') && "一二三四五六七八九".contains(n[e - 1]) && class_at(n, e + 1) == 1
        {
            e = right_name(n, e + 1, 30);
        }
        // 株式会社日の出建設, 株式会社杜のシステム: one kanji, の, then the rest of the name
        if e == p + 1
            && char_class(n[p]) == 1
            && n.get(e) == Some(&'の')
            && matches!(class_at(n, e + 1), 1 | 2)
            && !person_at(n, e + 1)
        {
            e = right_name(n, e + 1, 30);
        }
        // 国立研究開発法人 農業・食品産業…機構: a short kanji word, ・ and the rest of the name (a longer name
        // before ・ is the first of a list of firms: 株式会社山田商事・川北物産)
        if e > p
            && e - p <= 3
            && n[p..e].iter().all(|&c| char_class(c) == 1)
            && n.get(e) == Some(&'・')
            && class_at(n, e + 1) == 1
            && !legal_start_at(n, e + 1)
            && !person_at(n, e + 1)
        {
            let f = right_name(n, e + 1, 30);
            if f >= e + 5 {
                e = f;
            }
        }
        if e > p {
            e = self.kana_middle(doc, p, e); // 医療法人社団芝浦|さくら|会, NPO法人 能登|つなぐ|ネット
        }
        if e <= p {
            e = hiragana_name(doc, &self.kana, p); // 特定非営利活動法人みどりの森
        }
        if e > p && n.get(e).is_some_and(|&c| is_hira(c)) {
            e = addressed_name_end(n, e); // 有限会社 酒のいまい 御中
        }
        if e > p && in_words(ADDRESSING, &n[p..e]) {
            e = p; // 株式会社 御中: the name stands before the legal form
        }
        // 株式会社リコー様来社, 株式会社コーナン商事向け: an addressing word or 向け (aimed at) inside the run
        // of kanji and katakana ends the name (the words after it are the sentence's)
        if let Some(q) = (p + 2..e).find(|&q| {
            n[q] == '様'
                || n[q] == '宛'
                || super::starts_at(n, q, "御中")
                || (n[q] == '向' && n.get(q + 1) == Some(&'け'))
        }) {
            e = q;
        }
        // 株式会社山田商事様, 株式会社ひのまる御中: the addressing word is no part of the name
        if let Some(k) = ["御中", "様", "殿", "各位"].iter().find(|w| ends_at(n, p, e, w)).map(|w| w.chars().count())
        {
            if e >= p + k + 2 {
                e -= k;
            }
        }
        if e <= p {
            if ks >= 2 && is_hira(n[ks - 1]) {
                let s = hiragana_head(doc, &self.head, ks); // さくら株式会社
                if s < ks {
                    return Some((s, ke));
                }
            }
            if ks >= 2 && n[ks - 1] == ' ' && n[ks - 2] != ' ' {
                let s = left_name(n, ks - 1, 30); // 山田商事 株式会社
                if s < ks - 1 && lead_stop(doc, &self.lead, s, ks - 1).is_none() {
                    return Some((s, ke));
                }
            }
            return None;
        }
        let e = trim_dept(doc, p, e);
        if e > p && in_words(&["等", "など"], &n[p..e]) {
            return None; // 株式会社等
        }
        // a second legal form right after the name belongs to the next organisation
        if e > p {
            Some((ks, e))
        } else {
            None
        }
    }

    fn latin(&self, doc: &Document, ks: usize, ke: usize) -> Option<(usize, usize)> {
        let n = &doc.norm.chars;
        // HellChose: a form inside a longer Latin word
        if (ks > 0 && n[ks - 1].is_ascii_alphabetic()) || n.get(ke).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        // the form is written with a capital (Ltd., Inc., GmbH), not as a word of the sentence
        if !n[ks..ke].iter().find(|c| c.is_alphabetic()).is_some_and(|c| c.is_uppercase()) {
            return None;
        }
        let mut p = ks;
        while p > 0 && matches!(n[p - 1], ' ' | ',') {
            p -= 1;
        }
        if p > 0
            && (n[p - 1].is_ascii_alphanumeric()
                || matches!(n[p - 1], ')' | '.' | '&')
                || n[p - 1].is_alphabetic() && (n[p - 1] as u32) < 0x2E80)
        {
            // a Latin name: capitalised words back from the form (Kobe Marine Foods Co., Ltd.)
            return latin_name_start(n, &doc.text.chars, ks).map(|s| (s, ke));
        }
        let mut s = left_name(n, p, 40);
        if s >= p {
            return None;
        }
        if !matches!(char_class(n[s]), 1..=3) {
            return None;
        }
        if s > 0 && is_hira(n[s - 1]) {
            s = hiragana_head(doc, &self.head, s); // さくら不動産Co., Ltd.
        }
        Some((s, ke))
    }
}

impl Default for LegalFormRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer for LegalFormRecognizer {
    fn name(&self) -> &'static str {
        NAME
    }

    fn entities(&self) -> &[&'static str] {
        &[ORGANIZATION]
    }

    fn supports(&self, lang: Lang) -> bool {
        // English text: only the Latin forms (Kobe Marine Foods Co., Ltd.)
        matches!(lang, Lang::Ja | Lang::En)
    }

    fn keywords(&self) -> Keywords {
        vec![
            ("org_legal", words(LEGAL_FORMS)),
            ("org_latin", words(LATIN_FORMS)),
            ("org_trade_latin", words(LATIN_TRADE_WORDS)),
        ]
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let mut last_end: Option<usize> = None;
        let groups: &[&str] = if doc.lang == Lang::Ja {
            &["org_legal", "org_latin", "org_trade_latin"]
        } else {
            &["org_latin", "org_trade_latin"]
        };
        for (ks, ke, group) in keyword_hits(doc, groups) {
            if last_end.is_some_and(|l| ks < l) {
                continue;
            }
            let span = match group {
                "org_latin" => self.latin(doc, ks, ke),
                "org_trade_latin" => latin_trade(doc, ks, ke),
                _ => self.legal(doc, ks, ke),
            };
            let Some((s, e)) = span else {
                continue;
            };
            if last_end.is_some_and(|l| s < l) {
                continue; // overlaps the organisation just found
            }
            last_end = Some(e);
            // a trade word is a weaker cue than a legal form
            let score = if group == "org_trade_latin" { 0.6 } else { 0.9 };
            out.push(Finding::new(ORGANIZATION, s, e, score, NAME));
        }
        if doc.lang == Lang::Ja {
            // 株 式 会 社 ミ ド リ 商 事: a printed form's letter-spaced field
            for (s, e) in spaced_names(doc) {
                out.push(Finding::new(ORGANIZATION, s, e, 0.85, NAME));
            }
        }
    }
}
