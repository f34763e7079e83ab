//! Words cut from the ends of a name: lead words (同年, 当時, 2003年4月1日) and department or branch
//! words (営業部, 新宿支店, 公式ストア).

use std::sync::OnceLock;

use regex::Regex;

use super::name_run::char_class;
use super::Memo;
use crate::document::Document;

/// Verdicts of [`lead_stop`]'s analyser check, by window.
pub type LeadMemo = Memo<String, bool>;

fn lead_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            // role and relation words before a name: 前職, 勤務先, オーナー, 宛の (三井さん宛の…)
            r"^(?:前職|現職|勤務先|転職先|就職先|出向先|派遣先|オーナー|宛ての|宛の|同年|同月|同日|当時|翌年|前年|現在|以後|以降|その後|結果|関連会社|子会社|親会社|地方|地元|外資系|大手|元|現|同|前|当|翌|後|",
            r"新設|設立|創設|傘下|系列|各|両|他|",
            r"第[0-9]{1,3}[回代]|[0-9]{1,4}年|[0-9]{1,2}月|[0-9]{1,2}日)+"
        ))
        .expect("static pattern")
    })
}

/// Department / branch words at the end of a name (株式会社山田商事営業部).
pub fn dept_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?:営業|総務|経理|人事|開発|技術|企画|管理|製造|購買|資材|広報|法務|業務|経営|財務|物流|設計|品質保証|情報システム|",
            r"システム|海外|国際|第[一二三四五六七八九1-9])(?:本部|事業部|部|課|室|グループ|チーム|センター)$",
            r"|(?:本社|本店|支店|支社|営業所|出張所|事業所|工場|本部)$",
            r"|(?:オンラインストア|オンラインショップ|ウェブストア|公式ストア|公式サイト|ストア|ショップ|通販|カスタマーセンター|",
            r"サポートセンター|コールセンター|お客様センター|お客様相談室|事務局|窓口)$"
        ))
        .expect("static pattern")
    })
}

/// Start of the leftmost department word ending `norm[s:e]` (Python's `DEPT_TAIL.search(norm, s, e)`).
pub fn dept_tail(doc: &Document, s: usize, e: usize) -> Option<usize> {
    let norm = &doc.norm;
    if s >= e {
        return None;
    }
    let base = norm.byte(s);
    dept_re().find(norm.slice(s, e)).map(|m| norm.char_index(base + m.start()))
}

/// End of the words like 同年, 当時, 2003年4月1日 that open `norm[s:end]`, or None.
///
/// A one-kanji stop (前, 元, 同) counts only where Sudachi reads it as a word of its own: 前田建設 keeps 前.
pub fn lead_stop(doc: &Document, memo: &LeadMemo, s: usize, end: usize) -> Option<usize> {
    let norm = &doc.norm;
    if s >= end {
        return None;
    }
    let m = lead_re().find(norm.slice(s, end))?;
    let t = norm.char_index(norm.byte(s) + m.end());
    if t > s && char_class(norm.chars[t - 1]) == 2 && norm.chars.get(t).is_some_and(|&c| char_class(c) == 2) {
        return None; // オーナーズ…: the katakana word goes on, the lead word is the name's own
    }
    if t - s == 1 && char_class(norm.chars[s]) == 1 && !single_kanji_word(doc, memo, s, end.min(s + 6)) {
        return None;
    }
    Some(t)
}

/// Sudachi reads `norm[s:e]` as starting with a one-character word (true when it cannot tell).
fn single_kanji_word(doc: &Document, memo: &LeadMemo, s: usize, e: usize) -> bool {
    if !doc.has_morphology() {
        return true; // Python: the analyser raised, the verdict is true
    }
    memo.get(doc.norm.slice(s, e).to_string(), || {
        let toks = doc.norm_tokens(s, e);
        // no tokens for a non-empty window: the analyser failed, which Python read as true
        toks.first().is_none_or(|t| t.end == s + 1)
    })
}

/// Drop lead words (同年, 当時) from the name `norm[s:end]`; `end` when nothing else is left (2003年4月1日).
pub fn trim_lead(doc: &Document, memo: &LeadMemo, s: usize, end: usize) -> usize {
    lead_stop(doc, memo, s, end).unwrap_or(s)
}

/// A department named without 部 or 課, or a role, written onto the end of the name that follows a legal form
/// (有限会社山田鉄工総務の…, 株式会社山田商事営業担当, …社長): words no firm's name ends with.
fn role_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?:総務|経理|人事|購買|広報|法務|財務|営業|庶務|受付|代表取締役|取締役|代表|副社長|社長|会長|専務|常務|",
            r"部長|課長|係長|主任|担当者|担当|支配人|店長|所長|工場長)+$"
        ))
        .expect("static pattern")
    })
}

/// `e`, or the start of a department word ending `norm[s:e]` when at least two characters stand before it.
pub fn trim_dept(doc: &Document, s: usize, e: usize) -> usize {
    let e = match dept_tail(doc, s, e) {
        Some(m) if m >= s + 2 => m,
        _ => e,
    };
    if s + 2 >= e {
        return e;
    }
    let norm = &doc.norm;
    let base = norm.byte(s);
    match role_re().find(norm.slice(s, e)).map(|m| norm.char_index(base + m.start())) {
        Some(m) if m >= s + 2 => m,
        _ => e,
    }
}
