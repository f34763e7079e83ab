//! The company in a writer's self-introduction: `〇〇の山田です` / `〇〇営業部の山田と申します` /
//! `〇〇 総務の山田でございます` opening a line or a sentence of a mail or chat. The words before the
//! writer's name and の are the body the writer speaks for, once department words (営業部, 総務, 品証) are
//! cut from its end; a department, a role, a place or a facility standing there alone is no company
//! (総務部の山田です, 幹事の山田です, 大阪の山田です, みどり小学校の山田です).

use super::legal_form::{is_hira, legal_start_at};
use super::name_run::{char_class, left_name};
use super::trim::dept_re;
use super::{ends_at, starts_at, ORGANIZATION};
use crate::document::Document;
use crate::finding::Finding;
use crate::recognizers::person_ja::lexicon::name_lexicon;

/// What follows the writer's name in a self-introduction.
pub const INTRO_AFTER: &[&str] = &["です", "でございます", "と申します"];

/// Department and role words written without 部 / 課 (総務の山田, 品証の佐藤), cut from the end of the name.
const BARE_DEPTS: &[&str] = &[
    "総務",
    "経理",
    "人事",
    "営業",
    "広報",
    "法務",
    "購買",
    "製造",
    "管理",
    "開発",
    "企画",
    "品証",
    "品管",
    "財務",
    "業務",
    "物流",
    "設計",
    "技術",
    "秘書",
    "受付",
    "事務",
    "労務",
    "給与",
    "採用",
    "調達",
    "生産",
    "資材",
    "出荷",
    "倉庫",
    "工場",
    "本社",
    "支社",
    "支店",
    "本店",
    "営業所",
    "担当",
];

/// Endings of a department's name (営業一部, 第二課, 品質保証グループ).
const DEPT_ENDINGS: &[&str] = &["部", "課", "室", "係", "班", "チーム", "グループ"];

/// Endings of a department, a role, a place or a facility left at the end once department words are cut:
/// then the words before の name no company (情報システム部, カスタマーサポート, 浜松市, 汐見小学校).
pub const NOT_COMPANY_ENDINGS: &[&str] = &[
    "部",
    "課",
    "室",
    "係",
    "班",
    "局",
    "所",
    "署",
    "校",
    "園",
    "院",
    "館",
    "庁",
    "省",
    "会",
    "長",
    "員",
    "者",
    "任",
    "当",
    "頭",
    "様",
    "市",
    "区",
    "町",
    "村",
    "県",
    "都",
    "府",
    "州",
    "国",
    "駅",
    "階",
    "前",
    "名",
    "人",
    "件",
    "センター",
    "サポート",
    "チーム",
    "グループ",
    "デスク",
    "窓口",
    "大学",
    "病院",
    "クリニック",
    "役場",
    "委員",
    "幹事",
    "家族",
];

/// Whether a person's name ends at `e`: a run of kanji or katakana (one space inside at most) of one to
/// eight characters right after `の`, opening with a listed surname or written in katakana. Its start.
fn writer_before(n: &[char], e: usize) -> Option<usize> {
    let s = super::name_run::person_run_start(n, e, false);
    if s == e || s == 0 || n[s - 1] != 'の' || n[s] == ' ' {
        return None;
    }
    let lex = name_lexicon();
    let y = &n[s..e];
    // a listed surname, a listed surname and given name, a surname and a space before the given name, or a
    // name all in katakana (鍋島, 鍋島悠斗, 鍋島 悠斗, アルバレス); not a surname opening a word (金|時計)
    let person = match y.iter().position(|&c| c == ' ') {
        Some(k) => lex.surname(&y[..k]),
        None => {
            lex.surname(y)
                || lex.split_full(y) > 0
                || (y.len() >= 2 && y.iter().all(|&c| char_class(c) == 2 || c == '・'))
        }
    };
    person.then_some(s)
}

/// End of the name `n[s..e]` once department words are cut from it (東雲精工経理 → 東雲精工).
pub fn cut_departments(doc: &Document, s: usize, mut e: usize) -> usize {
    let n = &doc.norm.chars;
    loop {
        if let Some(m) = dept_re().find(doc.norm.slice(s, e)) {
            let k = doc.norm.char_index(doc.norm.byte(s) + m.start());
            if k > s && k < e {
                e = k;
                continue;
            }
        }
        match BARE_DEPTS.iter().find(|w| ends_at(n, s, e, w) && e - s > w.chars().count()) {
            Some(w) => e -= w.chars().count(),
            None => return e,
        }
    }
}

/// The company a self-introduction names before the writer's name ending at `ks` (`ks` starts です …).
pub fn introduced_company(doc: &Document, ks: usize) -> Option<(usize, usize)> {
    let n = &doc.norm.chars;
    let y = writer_before(n, ks)?;
    let q = y - 1; // の
    let mut s = left_name(n, q, 30);
    if s >= q {
        return None;
    }
    if s >= 2 && n[s - 1] == 'の' && char_class(n[s - 2]) == 1 && (s == 2 || !matches!(char_class(n[s - 3]), 1..=3)) {
        s -= 2; // 那の津エステート: one kanji and の opening the name
    }
    let mut e = cut_departments(doc, s, q);
    // トーワ電子 総務の, 光陽システムズ 営業一部の: a department written after the company and a space
    let dept_alone = BARE_DEPTS.iter().any(|w| ends_at(n, s, q, w) && q - s == w.chars().count())
        || DEPT_ENDINGS.iter().any(|w| ends_at(n, s, e, w));
    if e == s || (e == q && dept_alone) {
        if s >= 2 && n[s - 1] == ' ' && matches!(char_class(n[s - 2]), 1..=3) {
            e = s - 1;
            s = left_name(n, e, 30);
        } else {
            return None;
        }
    }
    // the name opens a line or a sentence (a quote mark or spaces before it allowed)
    let mut b = s;
    while b > 0 && matches!(n[b - 1], ' ' | '>' | '＞') {
        b -= 1;
    }
    if b > 0 && !matches!(n[b - 1], '\n' | '。' | '、' | '！' | '!') {
        return None;
    }
    let name = &n[s..e];
    if e < s + 3 || name[0].is_ascii_digit() || name.iter().any(|&c| is_hira(c) && c != 'の') {
        return None;
    }
    if NOT_COMPANY_ENDINGS.iter().any(|w| ends_at(n, s, e, w)) {
        return None;
    }
    // a legal form is read by its own rule; a listed surname alone is a person (佐藤の田中です: family)
    if (s..e).any(|i| legal_start_at(n, i) || n[i] == '㈱' || starts_at(n, i, "(株)")) || name_lexicon().surname(name)
    {
        return None;
    }
    Some((s, e))
}

/// Self-introductions in `doc`, anchored on the keyword hits of [`INTRO_AFTER`].
pub fn find_introductions(doc: &Document, hits: impl Iterator<Item = usize>, out: &mut Vec<Finding>) {
    let mut last = None;
    for ks in hits {
        if last == Some(ks) {
            continue;
        }
        last = Some(ks);
        if let Some((s, e)) = introduced_company(doc, ks) {
            out.push(Finding::new(ORGANIZATION, s, e, 0.55, "organization_context"));
        }
    }
}
