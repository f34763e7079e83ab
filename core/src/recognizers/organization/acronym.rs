//! Capitalised abbreviations standing alone in Japanese text (NHK, JASRAC), a weak cue, club
//! prefixes (FCバルセロナ) and JA before a cooperative's name (JAいぶき, JA全農).

use regex::Regex;

use super::known_names::is_known;
use super::legal_form::{hiragana_name, is_hira, LeadNameMemo};
use super::name_run::{char_class, katakana_tail, right_name};
use super::stop_words::{in_words, is_word};
use super::{Memo, ORGANIZATION};
use crate::document::{Document, Lang};
use crate::finding::Finding;
use crate::recognizer::Recognizer;

const NAME: &str = "organization_acronym";

/// Capitalised abbreviations that are not organisations (labels, units, formats, common terms).
const ACRONYM_STOP: &[&str] = &[
    "TEL", "FAX", "JAN", "ID", "PDF", "URL", "OK", "NG", "CD", "DVD", "PC", "IT", "AI", "TV", "DJ", "MC", "CM", "PR",
    "QR", "QA", "FAQ", "USB", "LAN", "WAN", "SNS", "PIN", "PW", "CC", "BCC", "RE", "FW", "FWD", "JPY", "USD", "EUR",
    "GBP", "CNY", "KRW", "AM", "PM", "GB", "MB", "KB", "TB", "HD", "HDD", "SSD", "CPU", "GPU", "OS", "APP", "API",
    "CSV", "XLS", "XLSX", "DOC", "DOCX", "PPT", "TXT", "ZIP", "HTML", "HTTP", "HTTPS", "WWW", "NO", "NA", "TBD",
    "ASAP", "FYI", "MR", "MS", "MRS", "DR", "JR", "CEO", "CFO", "CTO", "COO", "VP", "GM", "PM", "SE", "PG", "IR", "HR",
    "ERP", "CRM", "SDK", "IOT", "DX", "LED", "LCD", "GPS", "ATM", "ETC", "VIP", "DM", "SMS", "MMS", "LINE", "ICT",
    "SES", "GDP", "UFJ", "SBI", "SMBC", "UK", "US", "USA", "EU", "LTD", "INC", "CO", "KK", "LLC", "AD", "BC", "GT",
    "RPG", "FPS", "CG", "BGM", "OP", "ED", "OVA", "SF", "EP", "LP", "MV", "PV", "ST", "CT", "MRI", "DNA", "RNA", "HIV",
    "AIDS", "COVID", "PCR", "ICU", "ER", "AED", "NPO", "NGO", "OB", "OG",
    // devices, media and common words written in capitals: HP (a home page), IC, VTR, CS (satellite)
    "HP", "IC", "LSI", "VTR", "VHS", "BS", "CS", "SEX", "LOVE", "FM", "AV", "PS", "VS", "NEW", "THE", "BEST",
    // time zones and a card's expiry: 10:00 JST (UTC+9), EXP 12/27
    "JST", "UTC", "GMT", "EST", "EDT", "PST", "PDT", "CET", "CEST", "BST", "KST", "IST", "EXP", "MM", "YY",
    // column headers of exported rosters: DOB | ZIP | ADDR | MAIL
    "DOB", "DD", "ADDR", "MAIL", "NAME", "KANA", "AGE", "MOBILE", "MEMO", "NOTE",
];

/// Abbreviations of a trade's things, terms and roles that an office's documents use as common nouns before
/// a particle (SLAの打ち合わせ, DBが遅い, AGVに関心, UPSは更新, MSWの…): agreements and figures of business,
/// systems and machines of IT and of a plant, roles of a hospital. Not bodies, whoever writes them.
const TERM_ACRONYMS: &[&str] = &[
    // business: agreements, figures, plans, deals
    "SLA", "NDA", "MOU", "SOW", "RFP", "RFQ", "RFI", "PO", "KPI", "KGI", "ROI", "BCP", "SOP", "PDCA", "OJT", "TQM",
    "QC", "QMS", "PL", "CSR", "ESG", "IPO", "TOB", "MBO", "KYC", "AML", "OEM", "ODM", "PMO", "MVP", "EC", "POS", "EDI",
    "BI", "SFA", "MA", "SEO", "UI", "UX", "M&A", "B&B", // IT: systems, networks and their parts
    "DB", "SQL", "VM", "VPN", "SSO", "MFA", "NAS", "DNS", "IP", "OCR", "RPA", "LTE", "VR", "AR", "GPL", "TTL", "UPS",
    "SP", // a plant and a warehouse: machines and their systems
    "AGV", "AMR", "WMS", "TMS", "BOM", "MRP", "MES", "PLC", "CAD", "CAM", "CNC", "FA",
    // a hospital's roles, wards and measures
    "MSW", "PT", "OT", "HCU", "NICU", "ADL", "QOL", "BMI", "ECG",
];

const CLUB_PREFIXES: &[&str] = &[
    "FC", "AC", "AS", "US", "CD", "SC", "SS", "SV", "CF", "RC", "RB", "UD", "CA", "SE", "KV", "FK", "NK", "SL", "TSG",
    "VFB", "VFL",
];

fn right_kata(n: &[char], e: usize) -> usize {
    let mut f = e;
    while f < n.len() && f - e < 20 && char_class(n[f]) == 2 {
        f += 1;
    }
    f
}

/// The next match of `[A-Z][A-Z&]{1,5}(?![A-Za-z0-9@_/-])` at or after `from` (Python's finditer: a
/// failed lookahead gives back characters, down to two).
#[cfg(test)]
fn next_acronym(n: &[char], from: usize) -> Option<(usize, usize)> {
    let ups: Vec<u32> = (0..n.len()).filter(|&i| n[i].is_ascii_uppercase()).map(|i| i as u32).collect();
    next_acronym_in(n, &ups, from)
}

/// The next acronym (as above), visiting only the code points `ups` (ascending, among them every
/// upper-case ASCII letter of `n`: [`Document::case_changes`]) instead of every code point.
fn next_acronym_in(n: &[char], ups: &[u32], from: usize) -> Option<(usize, usize)> {
    let first = ups.partition_point(|&u| (u as usize) < from);
    for &u in &ups[first..] {
        let p = u as usize;
        if p < n.len() && n[p].is_ascii_uppercase() {
            let mut run = 0;
            while run < 5 && n.get(p + 1 + run).is_some_and(|&c| c.is_ascii_uppercase() || c == '&') {
                run += 1;
            }
            for k in (1..=run).rev() {
                let e = p + 1 + k;
                let blocked =
                    n.get(e).is_some_and(|&c| c.is_ascii_alphanumeric() || matches!(c, '@' | '_' | '/' | '-'));
                if !blocked {
                    return Some((p, e));
                }
            }
        }
    }
    None
}

pub struct AcronymRecognizer {
    letter: Regex,
    kana: LeadNameMemo,
}

impl AcronymRecognizer {
    pub fn new() -> Self {
        AcronymRecognizer { letter: Regex::new(r"^\p{L}$").expect("static pattern"), kana: Memo::new() }
    }

    /// Python's `str.isalpha()` of one character (a letter of any script: categories L*).
    fn is_letter(&self, c: char) -> bool {
        let mut buf = [0u8; 4];
        self.letter.is_match(c.encode_utf8(&mut buf))
    }
}

impl Default for AcronymRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer for AcronymRecognizer {
    fn name(&self) -> &'static str {
        NAME
    }

    fn entities(&self) -> &[&'static str] {
        &[ORGANIZATION]
    }

    fn supports(&self, lang: Lang) -> bool {
        lang == Lang::Ja
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let n = &doc.norm.chars;
        let ups = doc.case_changes();
        let mut from = 0;
        while let Some((s, e0)) = next_acronym_in(n, ups, from) {
            from = e0;
            let word = &n[s..e0];
            if in_words(ACRONYM_STOP, word) || in_words(TERM_ACRONYMS, word) {
                continue;
            }
            if s > 0 && (matches!(n[s - 1], '@' | '.' | '_' | '/' | '-') || n[s - 1].is_ascii_alphanumeric()) {
                continue;
            }
            let foreign = |c: char| char_class(c) == 0 && !c.is_ascii() && self.is_letter(c);
            if (s > 0 && foreign(n[s - 1])) || n.get(e0).is_some_and(|&c| foreign(c)) {
                continue; // BOφWY: part of a word spelt with other letters
            }
            if s > 0 && matches!(char_class(n[s - 1]), 1 | 2) {
                continue; // 川崎DF: part of a longer name or title
            }
            if is_word("JA", word) && (s == 0 || !n[s - 1].is_ascii_alphanumeric()) {
                // an agricultural cooperative's name follows its brand as a legal form's would: JAいぶき, JA全農
                let e = match n.get(e0).map(|&c| char_class(c)) {
                    Some(1 | 2) => right_name(n, e0, 20),
                    Some(4) => hiragana_name(doc, &self.kana, e0),
                    _ => e0,
                };
                if e > e0 {
                    out.push(Finding::new(ORGANIZATION, s, e, 0.6, NAME));
                    continue;
                }
            }
            if e0 < n.len() && matches!(char_class(n[e0]), 1 | 2) {
                if in_words(CLUB_PREFIXES, word) && char_class(n[e0]) == 2 {
                    let e = katakana_tail(n, right_kata(n, e0)); // FCバルセロナ, ASローマ
                    out.push(Finding::new(ORGANIZATION, s, e, 0.6, NAME));
                }
                continue; // NHK紅白, PSVハーメルン: part of a longer name or title
            }
            // KOHNO, Shunna: a surname in capitals before the given name
            if n.get(e0) == Some(&',')
                && !is_known(word)
                && n.get(e0 + 1) == Some(&' ')
                && n.get(e0 + 2).is_some_and(|c| c.is_ascii_uppercase())
                && n.get(e0 + 3).is_some_and(|c| c.is_ascii_lowercase())
            {
                continue;
            }
            // TARO YAMADA, A B C: part of a run of Latin words; "TEL:" labels
            if n.get(e0) == Some(&':') || (n.get(e0) == Some(&' ') && n.get(e0 + 1).is_some_and(|&c| self.is_letter(c)))
            {
                continue;
            }
            if s >= 2 && n[s - 1] == ' ' && n[s - 2].is_ascii_alphabetic() {
                continue;
            }
            let known = is_known(word);
            // an unlisted abbreviation names a body as the subject or object of a sentence (XRの活動, JTに
            // よると); before a space, a digit, a bracket or the end of a line it is a code of a table, a list
            // or a label (VN | N2, IN,, ISO 14001, 「HE」)
            if !known && !n.get(e0).is_some_and(|&c| is_hira(c)) {
                continue;
            }
            let score = if known { 0.6 } else { 0.5 };
            out.push(Finding::new(ORGANIZATION, s, e0, score, NAME));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn acronym_lookahead_gives_back() {
        assert_eq!(next_acronym(&c("ABCDEFG"), 0), Some((1, 7)));
        assert_eq!(next_acronym(&c("AB&1"), 0), Some((0, 2)));
        assert_eq!(next_acronym(&c("A-B NHK"), 0), Some((4, 7)));
        assert_eq!(next_acronym(&c("NHK@"), 0), None);
    }
}
