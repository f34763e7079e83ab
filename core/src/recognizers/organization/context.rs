//! Organisations named by the prose around them: a name right before a phrase only an organisation
//! takes (阪神タイガースに入団, ソニーの社長), the subject of a defining sentence (…は、アメリカのロックバンド。),
//! a club's short name in a sentence about a match (巨人は延長十回…サヨナラ勝ち, 中日の監督) and a house named
//! after its family (島津家は, ハプスブルク家の).

use super::affiliation::{find_affiliations, WordMemo};
use super::introduction::{find_introductions, INTRO_AFTER};
use super::keyword_hits::keyword_hits;
use super::name_run::{char_class, left_name, right_name};
use super::stop_words::{is_count, is_suffix_stop};
use super::table_column::{find_table_companies, COLUMN_HEADERS};
use super::trim::{trim_lead, LeadMemo};
use super::{ends_at, Memo, ORGANIZATION};
use crate::document::{Document, Lang};
use crate::finding::Finding;
use crate::recognizer::{words, Keywords, Recognizer};
use crate::recognizers::person_ja::lexicon::{name_lexicon, COMMON, FOREIGN, LISTED, PLACE, SUR};

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
    // a band's players (BOØWYのボーカル): the band, not a solo artist's work; not のメンバー, said of events
    // and projects too (懇親会のメンバー, 遠征のメンバー)
    "のボーカル",
    "のギタリスト",
    "のドラマー",
    "のベーシスト",
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

/// Short names of professional baseball clubs that are also a place, a word or a company (巨人, 阪神,
/// 広島, ヤクルト): an organisation only in a sentence about a match or a club (see [`SPORTS_WORDS`]).
pub const SHORT_TEAMS: &[&str] = &[
    "巨人",
    "阪神",
    "中日",
    "ヤクルト",
    "広島",
    "横浜",
    "DeNA",
    "西武",
    "ロッテ",
    "楽天",
    "ソフトバンク",
    "日本ハム",
    "日ハム",
    "オリックス",
    "近鉄",
    "ダイエー",
    "南海",
];

/// A school is no organisation by itself (docs/detection.md), but in a match report it is the team:
/// 桜井高校は…先制, 済美高等学校が準決勝で. The name is the kanji / katakana run before the word.
const SCHOOL_TEAMS: &[&str] = &["高校", "高等学校"];

/// Words of a sentence about a match, a club or its players.
const SPORTS_WORDS: &[&str] = &[
    "監督",
    "投手",
    "捕手",
    "内野手",
    "外野手",
    "選手",
    "球団",
    "試合",
    "先発",
    "登板",
    "降板",
    "本塁打",
    "適時打",
    "安打",
    "打点",
    "失点",
    "無失点",
    "勝ち",
    "勝利",
    "敗れ",
    "連勝",
    "連敗",
    "サヨナラ",
    "首位",
    "優勝",
    "入団",
    "移籍",
    "ドラフト",
    "打線",
    "打者",
    "延長",
    "回表",
    "回裏",
    "イニング",
    "ホームラン",
    "逆転",
    "完封",
    "完投",
    "リーグ",
    "シーズン",
    "球場",
    "ドーム",
    "先制",
    "得点",
    "出場",
    "欠場",
    "決勝",
    "予選",
    "塁",
];

/// Particles and marks after a club's short name that keep it a noun phrase's head (巨人は, 阪神の, 中日戦).
const AFTER_TEAM: &str = "はがのもにとを、戦・";

/// Characters after 家 that end the word (島津家は, ハプスブルク家の): 家臣, 家老, 家康 go on.
const AFTER_HOUSE: &str = "はがのをにともでや、。）」";

/// Second characters of words that start with 家 (家族, 家庭, 家具, 家電, 家屋, 家計, 家事, 家政, 家賃, 家業).
const HOUSE_WORDS: &str = "族庭具電屋計事政賃業内";

/// Words right before a group's name in quotes (結成した「…」, ユニット「…」「…」): the quoted names are the group.
const QUOTED_AFTER: &[&str] =
    &["結成した「", "結成された「", "結成「", "ユニット「", "グループ「", "バンド「", "デュオ「", "トリオ「"];

/// A kind of body after という: the name before it is one (「クラシカルホメオパシー京都」という団体, Nullsoftという会社).
const KIND_AFTER: &[&str] = &[
    "という団体",
    "という会社",
    "という企業",
    "という組織",
    "というグループ",
    "というバンド",
    "という政党",
    "という劇団",
    "というチーム",
    "というクラブ",
    "というユニット",
    "というレーベル",
    "という事務所",
    "という出版社",
    "という新聞社",
    "という財団",
    "という宗教団体",
    "という研究所",
];

/// The body one belongs to, named after は (所属事務所は米朝事務所。): the name up to 。、） or で.
const BELONGS_BEFORE: &[&str] =
    &["所属事務所は", "所属チームは", "所属クラブは", "所属球団は", "所属レーベルは", "所属団体は", "所属政党は"];

/// The longest group name read in quotes, in code points.
const QUOTED_MAX: usize = 24;

/// The names in quotes from `k` (just after the first 「): that one and any 「…」 right after it. Each is at
/// least two code points, at most [`QUOTED_MAX`], on one line and without another quote inside.
fn quoted_names(n: &[char], mut k: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let close = |k: usize| n[k..n.len().min(k + QUOTED_MAX + 1)].iter().position(|&c| matches!(c, '」' | '「' | '\n'));
    while let Some(len) = close(k) {
        if n[k + len] != '」' || len < 2 {
            break;
        }
        out.push((k, k + len));
        if n.get(k + len + 1) != Some(&'「') {
            break;
        }
        k += len + 2;
    }
    out
}

type ProperMemo = Memo<String, bool>;

pub struct ContextRecognizer {
    lead: LeadMemo,
    proper: ProperMemo,
    words: WordMemo,
}

impl ContextRecognizer {
    pub fn new() -> Self {
        ContextRecognizer { lead: Memo::new(), proper: Memo::new(), words: Memo::new() }
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

    /// The name before という + a kind of body at `ks`: a quote's whole content (「…」という団体), else the name
    /// run, which needs katakana or Latin letters or a proper noun the analyser does not call a person's name.
    fn kind_named(&self, doc: &Document, ks: usize) -> Option<(usize, usize)> {
        let n = &doc.norm.chars;
        if ks >= 1 && n[ks - 1] == '」' {
            let lo = ks.saturating_sub(QUOTED_MAX + 2);
            let open = n[lo..ks - 1].iter().rposition(|&c| matches!(c, '「' | '」' | '\n'))? + lo;
            return (n[open] == '「' && ks > open + 3).then_some((open + 1, ks - 1));
        }
        let s = left_name(n, ks, 24);
        let head = &n[s..ks];
        if ks < s + 2 || (ks >= 24 && s == ks - 24) || is_suffix_stop(head) || is_count(head) {
            return None;
        }
        (head.iter().any(|&c| matches!(char_class(c), 2 | 3)) || self.proper_not_person(doc, s, ks)).then_some((s, ks))
    }

    /// `n[ks..ke]` is a club's short name standing as a noun in a sentence about a match.
    fn team_in_sports(n: &[char], ks: usize, ke: usize) -> bool {
        let (first, last) = (char_class(n[ks]), char_class(n[ke - 1]));
        if ks > 0 && char_class(n[ks - 1]) == first && first != 0 {
            return false; // 大巨人, 元ロッテ: inside a longer word
        }
        if !n.get(ke).is_some_and(|&c| AFTER_TEAM.contains(c)) || (last == 2 && n.get(ke) == Some(&'・')) {
            return false;
        }
        // the sentence around the name, at most 80 code points each side
        let lo = ks.saturating_sub(80);
        let s = n[lo..ks].iter().rposition(|&c| c == '。' || c == '\n').map_or(lo, |i| lo + i + 1);
        let hi = (ke + 80).min(n.len());
        let e = n[ke..hi].iter().position(|&c| c == '。' || c == '\n').map_or(hi, |i| ke + i);
        let sentence = &n[s..e];
        SPORTS_WORDS.iter().any(|w| {
            let w: Vec<char> = w.chars().collect();
            sentence.windows(w.len()).any(|x| x == w.as_slice())
        })
    }

    /// Houses named after their family, ending at each 家 of the text: a katakana name of three or more
    /// (ハプスブルク家, メディチ家) or a listed surname of two or three kanji (島津家, 加治木家) before 家, and a
    /// particle or punctuation after it. Occupations (政治家, 投資家) and ordinary words (オーナー家) are no
    /// surnames.
    fn houses(doc: &Document, out: &mut Vec<Finding>) {
        let n = &doc.norm.chars;
        let lex = name_lexicon();
        for b in memchr::memmem::find_iter(doc.norm.s.as_bytes(), "家".as_bytes()) {
            let k = doc.norm.char_index(b);
            if n.get(k) != Some(&'家') || k < 2 {
                continue;
            }
            // after a katakana name also a kanji word (ハプスブルク家支配, メディチ家出身), but not 家 starting one
            // (サラリーマン家庭, オーナー家族)
            let after = n.get(k + 1).copied();
            let kata_head = char_class(n[k - 1]) == 2;
            if !after.is_none_or(|c| {
                AFTER_HOUSE.contains(c) || (kata_head && char_class(c) == 1 && !HOUSE_WORDS.contains(c))
            }) {
                continue;
            }
            let s = match char_class(n[k - 1]) {
                2 => {
                    let mut s = k;
                    while s > 0
                        && (char_class(n[s - 1]) == 2 || (n[s - 1] == '・' && s - 1 > 0 && char_class(n[s - 2]) == 2))
                    {
                        s -= 1;
                    }
                    let (head, f) = (&n[s..k], lex.get(&n[s..k]));
                    // a foreign name the lexicon lists (ハプスブルク, メディチ), or an unlisted name of four or more
                    // that does not end in a long vowel mark (バーベンベルク, not オーナー)
                    let named = if f & LISTED != 0 {
                        f & FOREIGN != 0 && f & (COMMON | PLACE) == 0
                    } else {
                        k - s >= 4 && head.last() != Some(&'ー')
                    };
                    if k - s < 3 || n[s] == '・' || !named {
                        continue;
                    }
                    s
                }
                1 => {
                    // the longest listed surname that ends the kanji run (越前島津家 → 島津家)
                    let Some(s) = [3, 2].into_iter().filter(|&l| k >= l).map(|l| k - l).find(|&s| {
                        // also a surname that is a place or a word (伊達, 垂水): before 家 it names the family
                        lex.get(&n[s..k]) & SUR != 0 && n[s..k].iter().all(|&c| char_class(c) == 1)
                    }) else {
                        continue;
                    };
                    if s > 0 && char_class(n[s - 1]) == 1 && lex.get(&n[s - 1..k]) & COMMON != 0 {
                        continue;
                    }
                    s
                }
                _ => continue,
            };
            out.push(Finding::new(ORGANIZATION, s, k + 1, 0.55, NAME));
        }
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
        vec![
            ("org_context", words(CONTEXT_AFTER)),
            ("org_define", defining_endings()),
            ("org_team", SHORT_TEAMS.iter().chain(SCHOOL_TEAMS).map(|w| w.to_string()).collect()),
            ("org_quoted", words(QUOTED_AFTER)),
            ("org_kind", words(KIND_AFTER)),
            ("org_belongs", words(BELONGS_BEFORE)),
            ("org_intro", words(INTRO_AFTER)),
            ("org_column", words(COLUMN_HEADERS)),
        ]
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
        for (ks, ke, _) in keyword_hits(doc, &["org_team"]) {
            if SCHOOL_TEAMS.iter().any(|w| ends_at(n, ks, ke, w) && ke - ks == w.chars().count()) {
                // 桜井高校は: the school's name before the word, in a sentence about a match
                let s = left_name(n, ks, 12);
                if ks < s + 2 || (ks >= 12 && s == ks - 12) || is_suffix_stop(&n[s..ks]) || is_count(&n[s..ks]) {
                    continue;
                }
                if Self::team_in_sports(n, s, ke) {
                    out.push(Finding::new(ORGANIZATION, s, ke, 0.55, NAME));
                }
            } else if Self::team_in_sports(n, ks, ke) {
                out.push(Finding::new(ORGANIZATION, ks, ke, 0.55, NAME));
            }
        }
        for (_, ke, _) in keyword_hits(doc, &["org_quoted"]) {
            for (s, e) in quoted_names(n, ke) {
                out.push(Finding::new(ORGANIZATION, s, e, 0.55, NAME));
            }
        }
        for (ks, _, _) in keyword_hits(doc, &["org_kind"]) {
            if let Some((s, e)) = self.kind_named(doc, ks) {
                out.push(Finding::new(ORGANIZATION, s, e, 0.55, NAME));
            }
        }
        for (_, ke, _) in keyword_hits(doc, &["org_belongs"]) {
            let s = ke + usize::from(n.get(ke) == Some(&'、'));
            let e = right_name(n, s, 24);
            if e >= s + 2 && n.get(e).is_none_or(|&c| "。、）)で\n".contains(c)) {
                out.push(Finding::new(ORGANIZATION, s, e, 0.55, NAME));
            }
        }
        find_introductions(doc, keyword_hits(doc, &["org_intro"]).into_iter().map(|h| h.0), out);
        find_affiliations(doc, &self.words, out);
        if doc.has_group("org_column") {
            find_table_companies(doc, &self.words, out);
        }
        Self::houses(doc, out);
    }
}
