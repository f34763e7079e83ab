//! Financial institutions (みずほ銀行, 城南信用金庫, …信用組合, 農業協同組合) and other cooperatives
//! (…事業協同組合); the branch (新宿支店)
//! that follows is not part of the name.

use super::kana_head::{kana_head, kana_not_name, KanaHeadMemo};
use super::keyword_hits::keyword_hits;
use super::legal_form::is_hira;
use super::name_run::{char_class, left_name};
use super::spans::{add_span, Span};
use super::stop_words::is_suffix_stop;
use super::suffix::insurance_product;
use super::trim::{dept_tail, trim_lead, LeadMemo};
use super::{starts_at, Memo, ORGANIZATION};
use crate::document::{Document, Lang};
use crate::finding::Finding;
use crate::recognizer::{words, Keywords, Recognizer};

const NAME: &str = "organization_bank";

pub const FINANCIAL: &[&str] = &[
    "銀行",
    "信用金庫",
    "信用組合",
    "労働金庫",
    "中央金庫",
    "農業協同組合",
    "漁業協同組合",
    // cooperatives of other trades (くすのき商工協同組合, しろくま事業協同組合): named like the banks above
    "協同組合",
    "信託銀行",
    "証券",
    "生命保険",
    "損害保険",
];

/// Hiragana parts of bank names: the name run otherwise stops at hiragana.
const HIRAGANA_BANKS: &[&str] = &[
    "みずほ",
    "りそな",
    "ゆうちょ",
    "きらぼし",
    "じもと",
    "あおぞら",
    "いよぎん",
    "ちばぎん",
    "しずおか",
    "みちのく",
    "もみじ",
];

fn hiragana_bank_start(n: &[char], start: usize) -> usize {
    for h in HIRAGANA_BANKS {
        let k = h.chars().count();
        if start >= k && starts_at(n, start - k, h) {
            return left_name(n, start - k, 12);
        }
    }
    start
}

/// Words in hiragana that stand before 銀行 without naming one (この銀行, ほかの信用金庫).
const NOT_BANK_NAMES: &[&str] = &[
    "この",
    "その",
    "あの",
    "どの",
    "どこの",
    "ほかの",
    "べつの",
    "または",
    "および",
    "もしくは",
    "ならびに",
    "いわゆる",
    "さらに",
    "さらには",
    "ついに",
    "また",
    "なお",
    "かつて",
    "のちの",
    "もと",
    "ネット",
];

/// The start of a bank's name written in hiragana before `s` (ひまわり銀行, みなと信用金庫, さくら草銀行):
/// two to eight hiragana that open a line or follow a space, a bracket or punctuation. `s` when none.
fn kana_name_start(doc: &Document, memo: &ParticleMemo, s: usize, ks: usize) -> usize {
    let n = &doc.norm.chars;
    if ks - s > 2 || !n[s..ks].iter().all(|&c| matches!(c, '\u{4e00}'..='\u{9fff}')) {
        return s; // ニューヨーク証券, 大蔵省証券: a name of its own, not the end of a kana one (さくら草銀行)
    }
    let mut h = s;
    while h > 0 && s - h < 8 && matches!(n[h - 1], 'ぁ'..='ゖ' | 'ー') {
        h -= 1;
    }
    if s - h < 2 {
        return s;
    }
    let mut opens = h == 0 || n[h - 1].is_whitespace() || "「『（(【[:・、。,.|/】」』）)]：※＊*→".contains(n[h - 1]);
    if !opens && s == ks && particle_then_name(doc, memo, h, s) {
        h += 1; // メインバンクは|はまなす信用金庫: a particle after a noun, then the name
        opens = true;
    }
    let word: String = n[h..s].iter().collect();
    if !opens || NOT_BANK_NAMES.iter().any(|w| word.ends_with(w) || word == *w) {
        return s;
    }
    h
}

/// Verdicts of [`particle_then_name`], by the hiragana run.
pub type ParticleMemo = Memo<String, bool>;

/// Whether the hiragana run `n[h..s]` (right after a noun: メインバンク|ははまなす) reads as a one-character
/// particle and then nouns only (は|はまなす), not as a particle and a verb (と|なる) or one word (という).
fn particle_then_name(doc: &Document, memo: &ParticleMemo, h: usize, s: usize) -> bool {
    let n = &doc.norm.chars;
    if s < h + 3 || h == 0 || !matches!(char_class(n[h - 1]), 1 | 2) || !"はがをにでもとへの".contains(n[h]) {
        return false;
    }
    if !doc.has_morphology() {
        return false;
    }
    memo.get(doc.norm.slice(h, s).to_string(), || {
        let toks = doc.norm_tokens(h, s);
        let Some((first, rest)) = toks.split_first() else {
            return false;
        };
        first.start == h
            && first.end == h + 1
            && first.pos.first().is_some_and(|p| p == "助詞")
            && !rest.is_empty()
            && rest.last().is_some_and(|t| t.end == s)
            && rest.iter().all(|t| t.pos.first().is_some_and(|p| p == "名詞") && t.surface.chars().all(is_hira))
    })
}

pub struct FinancialRecognizer {
    lead: LeadMemo,
    particle: ParticleMemo,
    kana: KanaHeadMemo,
}

impl FinancialRecognizer {
    pub fn new() -> Self {
        FinancialRecognizer { lead: Memo::new(), particle: Memo::new(), kana: Memo::new() }
    }
}

impl Default for FinancialRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer for FinancialRecognizer {
    fn name(&self) -> &'static str {
        NAME
    }

    fn entities(&self) -> &[&'static str] {
        &[ORGANIZATION]
    }

    fn supports(&self, lang: Lang) -> bool {
        lang == Lang::Ja
    }

    fn keywords(&self) -> Keywords {
        let mut w = words(FINANCIAL);
        w.push("農協".to_string());
        vec![("org_bank", w)]
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let n = &doc.norm.chars;
        let mut spans: Vec<Span> = Vec::new();
        for (ks, ke, _) in keyword_hits(doc, &["org_bank"]) {
            if spans.last().is_some_and(|l| ks < l.1) {
                continue;
            }
            let mut s = left_name(n, ks, 16);
            if s == ks {
                s = hiragana_bank_start(n, ks);
            }
            let run = s;
            s = kana_name_start(doc, &self.particle, s, ks);
            if s < run && kana_not_name(doc, &self.kana, s, run) {
                s = run; // いつも|港北銀行: an adverb before the name
            }
            if s == ks {
                s = kana_head(doc, &self.kana, ks, ks); // 北浜|みらい銀行: a place name and a kana word
            }
            if s == ks {
                continue;
            }
            let s = trim_lead(doc, &self.lead, s, ks);
            if ks < s + 1 || dept_tail(doc, s, ke).is_some() || is_suffix_stop(&n[s..ke]) || insurance_product(n, s, ke)
            {
                continue;
            }
            // 日本銀行券, 銀行員: the suffix is part of a longer word
            if n.get(ke).is_some_and(|c| "員券口法業界".contains(*c)) {
                continue;
            }
            add_span(&mut spans, s, ke, 0.85);
        }
        for (s, e, score) in spans {
            out.push(Finding::new(ORGANIZATION, s, e, score, NAME));
        }
    }
}
