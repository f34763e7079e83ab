//! Organisations named by the prose around them: a name right before a phrase only an organisation
//! takes (阪神タイガースに入団, ソニーの社長) and the subject of a defining sentence (…は、アメリカのロックバンド。).

use super::keyword_hits::keyword_hits;
use super::name_run::{char_class, left_name, right_name};
use super::stop_words::{is_count, is_suffix_stop};
use super::trim::{trim_lead, LeadMemo};
use super::{ends_at, Memo, ORGANIZATION};
use crate::document::{Document, Lang};
use crate::finding::Finding;
use crate::recognizer::{words, Keywords, Recognizer};

const NAME: &str = "organization_context";

/// Phrases that follow an organisation's name in prose (…に入団, …へ移籍, …の社長).
pub const CONTEXT_AFTER: &[&str] = &[
    "に入団",
    "へ入団",
    "に移籍",
    "へ移籍",
    "に入社",
    "へ入社",
    "を退社",
    "を退団",
    "に加入",
    "へ加入",
    "に所属",
    "と契約",
    "を買収",
    "に買収",
    "が買収",
    "の子会社",
    "の傘下",
    "の社長",
    "の会長",
    "の代表取締役",
    "の取締役",
    "の監督に",
    "の次期監督",
    "の下部組織",
    "の本社",
    "の株式",
    "から移籍",
    "から独立",
    "と合併",
    "に吸収合併",
    "に勤務",
    "に就職",
    "を設立",
    "を創業",
    "を創設",
    "が運営",
    "が製造",
    "が販売",
    "が配給",
    "から発売",
    "より発売",
    "の選手",
    "と提携",
    "と業務提携",
    "の前身",
    "の創業者",
    "の創設者",
    "の親会社",
    "の筆頭株主",
    "に在籍",
    "を結成",
    "が設立",
    "に改称",
    "へ改称",
    "に社名変更",
    "に商号変更",
    "に加盟",
    "へ加盟",
    "戦で",
    "戦に",
    "戦では",
];
/// Katakana words before 戦 that name a kind of match, not a team (リーグ戦, トーナメント戦).
const MATCH_WORDS: &[&str] =
    &["リーグ", "トーナメント", "カップ", "シリーズ", "タイトル", "ゲーム", "マッチ", "オープン", "ラウンド"];

/// Kinds of organisation that end a defining sentence (…は、アメリカのロックバンド。 / …の造船会社である。).
const KINDS: &[&str] = &[
    "会社",
    "企業",
    "メーカー",
    "ロックバンド",
    "バンド",
    "音楽グループ",
    "アイドルグループ",
    "政党",
    "球団",
    "サッカークラブ",
    "プロダクション",
    "芸能事務所",
    "レコードレーベル",
    "レーベル",
    "出版社",
    "新聞社",
    "放送局",
    "テレビ局",
    "航空会社",
    "銀行",
    "団体",
    "財団",
    "非営利団体",
    "劇団",
];

/// The endings of a defining sentence: each kind followed by 。, である。, であった。 or だった。.
pub fn defining_endings() -> Vec<String> {
    KINDS.iter().flat_map(|k| ["。", "である。", "であった。", "だった。"].map(|e| format!("{k}{e}"))).collect()
}

type ProperMemo = Memo<String, bool>;

pub struct ContextRecognizer {
    lead: LeadMemo,
    proper: ProperMemo,
}

impl ContextRecognizer {
    pub fn new() -> Self {
        ContextRecognizer { lead: Memo::new(), proper: Memo::new() }
    }

    /// An all-kanji head `norm[s:e]` that Sudachi reads as holding a proper noun other than a person's name.
    fn proper_not_person(&self, doc: &Document, s: usize, e: usize) -> bool {
        if !doc.has_morphology() || s >= e {
            return false; // Python: the analyser raised (or had nothing to read)
        }
        self.proper.get(doc.norm.slice(s, e).to_string(), || {
            let toks = doc.norm_tokens(s, e);
            if toks.len() == 1 {
                let t = &toks[0];
                return t.pos.len() > 1 && t.pos[1] == "固有名詞" && !t.is_person();
            }
            toks.iter().any(|t| t.pos.len() > 2 && t.pos[1] == "固有名詞" && t.pos[2] != "人名")
                && !toks.iter().any(|t| t.is_person())
        })
    }

    /// The subject of a defining sentence that ends at `ks` (テムズ鉄工造船所は、イギリスにあった造船会社。).
    fn defined_name(&self, doc: &Document, ks: usize) -> Option<(usize, usize)> {
        let n = &doc.norm.chars;
        let lo = ks.saturating_sub(120);
        let mut s = match n[lo..ks].iter().rposition(|&c| c == '。' || c == '\n') {
            Some(i) => lo + i + 1,
            None => 0,
        };
        if s == 0 && lo > 0 {
            return None; // the sentence is longer than we read
        }
        while s < ks && n[s] == ' ' {
            s += 1;
        }
        let e = right_name(n, s, 24);
        if e < s + 2 || n.get(e) != Some(&'は') || n.get(e + 1).is_some_and(|&c| c == 'じ' || c == 'ず') {
            return None; // はじめ, はず
        }
        let head = &n[s..e];
        if !head.iter().any(|&c| matches!(char_class(c), 2 | 3)) && !self.proper_not_person(doc, s, e) {
            return None; // 同社は…会社である: a common noun; 山田は…: a person
        }
        if is_suffix_stop(head) || is_count(head) {
            return None;
        }
        Some((s, e))
    }
}

impl Default for ContextRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer for ContextRecognizer {
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
        vec![("org_context", words(CONTEXT_AFTER)), ("org_define", defining_endings())]
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let n = &doc.norm.chars;
        let mut last: Option<usize> = None;
        if doc.has_group("org_define") {
            for (ks, _, _) in keyword_hits(doc, &["org_define"]) {
                if let Some((s, e)) = self.defined_name(doc, ks) {
                    if last.is_none_or(|l| s > l) {
                        last = Some(s);
                        out.push(Finding::new(ORGANIZATION, s, e, 0.55, NAME));
                    }
                }
            }
        }
        for (ks, _, _) in keyword_hits(doc, &["org_context"]) {
            let s = left_name(n, ks, 24);
            if ks >= 24 && s == ks - 24 && s > 0 && matches!(char_class(n[s - 1]), 1..=3) {
                continue;
            }
            let s = trim_lead(doc, &self.lead, s, ks);
            if ks < s + 2 || is_suffix_stop(&n[s..ks]) || is_count(&n[s..ks]) {
                continue;
            }
            let head = &n[s..ks];
            if n[ks] == '戦'
                && (!head.iter().all(|&c| char_class(c) == 2 || c == '・' || c == '=')
                    || MATCH_WORDS.iter().any(|w| ends_at(n, s, ks, w)))
            {
                continue; // ピッツバーグ・パイレーツ戦: a team; 決勝戦, リーグ戦: not
            }
            if !head.iter().any(|&c| matches!(char_class(c), 2 | 3)) && !self.proper_not_person(doc, s, ks) {
                continue; // 同社の社長, 球団に入団: a common noun; 山田が設立: a person
            }
            out.push(Finding::new(ORGANIZATION, s, ks, 0.55, NAME));
        }
    }
}
