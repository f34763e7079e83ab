//! Account holders written the bank's way, with the legal form abbreviated in kana: ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ,
//! ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ.

use super::keyword_hits::keyword_hits;
use super::name_run::{char_class, class_at};
use super::ORGANIZATION;
use crate::document::{Document, Lang};
use crate::finding::Finding;
use crate::recognizer::{Keywords, Recognizer};

const NAME: &str = "organization_kana";

/// Bank-transfer abbreviations of legal forms (全銀 style), in half- or full-width kana.
const KANA_FORMS: &[&str] = &[
    "ｶ",
    "ﾕ",
    "ﾄﾞ",
    "ｲ",
    "ｶﾞｸ",
    "ｻﾞｲ",
    "ｼﾔ",
    "ﾄｸﾋ",
    "ﾌｸ",
    "ｼﾕｳ",
    "カ",
    "ユ",
    "ド",
    "イ",
    "ガク",
    "ザイ",
    "シヤ",
    "トクヒ",
];

/// ｶ) ﾕ) …: the forms written before the name.
pub fn kana_prefixes() -> Vec<String> {
    KANA_FORMS.iter().map(|f| format!("{f})")).collect()
}

/// (ｶ (ﾕ …: the forms written after the name.
pub fn kana_suffixes() -> Vec<String> {
    KANA_FORMS.iter().map(|f| format!("({f}")).collect()
}

/// End (forward) or start (backward) of a run of katakana, Latin letters and digits, single spaces allowed.
fn kana_run(n: &[char], i: usize, forward: bool, limit: usize) -> usize {
    let mut count = 0;
    let mut j = i;
    while count < limit {
        let k = if forward {
            j
        } else if j == 0 {
            break;
        } else {
            j - 1
        };
        let Some(&c) = n.get(k) else {
            break;
        };
        let next = if forward { Some(k + 1) } else { k.checked_sub(1) };
        let inner_space = c == ' ' && count > 0 && next.is_some_and(|x| class_at(n, x) == 2);
        if !(matches!(char_class(c), 2 | 3) || c == '.' || c == '-' || inner_space) {
            break;
        }
        j = if forward { j + 1 } else { j - 1 };
        count += 1;
    }
    j
}

pub struct KanaAbbreviationRecognizer;

impl KanaAbbreviationRecognizer {
    pub fn new() -> Self {
        KanaAbbreviationRecognizer
    }
}

impl Default for KanaAbbreviationRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer for KanaAbbreviationRecognizer {
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
        let mut w = kana_prefixes();
        w.extend(kana_suffixes());
        vec![("org_kana", w)]
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        if !doc.has_group("org_kana") {
            return;
        }
        let n = &doc.norm.chars;
        let mut last: Option<usize> = None;
        for (ks, ke, _) in keyword_hits(doc, &["org_kana"]) {
            if last.is_some_and(|l| ks < l) {
                continue;
            }
            let (s, mut e) = if n[ke - 1] == ')' {
                // prefix: ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ
                if (ks > 0 && matches!(char_class(n[ks - 1]), 2 | 3)) || ke >= n.len() || char_class(n[ke]) != 2 {
                    continue; // (アメリカ)
                }
                let e = kana_run(n, ke, true, 40);
                if e < ke + 2 {
                    continue;
                }
                (ks, e)
            } else {
                // suffix: ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ or ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ)
                if ks == 0 || char_class(n[ks - 1]) != 2 || (ke < n.len() && matches!(char_class(n[ke]), 2 | 3)) {
                    continue; // (カタカナ)
                }
                let s = kana_run(n, ks, false, 40);
                if ks < s + 2 {
                    continue;
                }
                (s, ke + usize::from(n.get(ke) == Some(&')')))
            };
            while e > s && n[e - 1] == ' ' {
                e -= 1;
            }
            last = Some(e);
            out.push(Finding::new(ORGANIZATION, s, e, 0.85, NAME));
        }
    }
}
