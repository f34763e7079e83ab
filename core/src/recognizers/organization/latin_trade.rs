//! Latin-letter company names that end in a trade word instead of a legal form (`Takara Foods`,
//! `Daiichi Logistics`, `Kyushu Electric Power`, `Minato Payroll Service`, `Lotus Bridge Technology JSC`):
//! read by the legal-form rule from the document's keyword pass.
//!
//! The trade word is written with a capital and lower-case letters after it; the name before it is read
//! back like a legal form's ([`latin_name_start`]: capitalised words, `of` only after a head word such as
//! `Bank`) and must hold at least one word besides the trade words. A second trade word or a short
//! foreign form after it (`JSC`, `SAS`, `Ltda.`) joins the name. It is no company's name when another
//! capitalised word goes on after it (`Windows Media Player`, `Engineering Dept.`, a legal form the legal
//! rule reads), or when its first word names a function or a department (`Production Engineering`,
//! `Customer Service`).

use super::latin_name::latin_name_start;
use super::legal_form::LATIN_FORMS;
use crate::document::Document;

/// The trade words (lower case, as the keyword pass matches them).
pub const LATIN_TRADE_WORDS: &[&str] = &[
    "foods",
    "logistics",
    "engineering",
    "estate",
    "repair",
    "bank",
    "service",
    "services",
    "technology",
    "technologies",
    "trading",
    "industries",
    "electric",
    "power",
    "gas",
    "motors",
    "motion",
    "systems",
    "solutions",
    "holdings",
    "talent",
    "payroll",
    "consulting",
    "partners",
    "labs",
    "pharmaceuticals",
    "pharma",
    "insurance",
    "securities",
    "realty",
    "properties",
    "construction",
    "manufacturing",
    "precision",
    "chemicals",
    "chemical",
    "textiles",
    "airlines",
    "railway",
    "shipping",
    "express",
    "council",
    "software",
    "networks",
    "robotics",
    "steel",
    "metals",
    "marine",
    "paper",
    "energy",
    "capital",
    "ventures",
    "studios",
    "works",
];

/// Short foreign legal forms that may follow the trade word (the long ones are the legal rule's own).
const TAIL_FORMS: &[&str] =
    &["JSC", "SAS", "SARL", "Ltda.", "Ltda", "S.A.", "S.p.A.", "AG", "AB", "B.V.", "N.V.", "Pty"];

/// First words that make the name a function or a department of an organisation, not its name.
const FUNCTION_WORDS: &[&str] = &[
    "Production",
    "Sales",
    "Customer",
    "Customers",
    "Technical",
    "Quality",
    "Field",
    "Corporate",
    "General",
    "Human",
    "Financial",
    "Finance",
    "Product",
    "Research",
    "Platform",
    "Data",
    "Cloud",
    "Support",
    "Shared",
    "Professional",
    "Managed",
    "Internal",
    "Legal",
    "Business",
    "Digital",
    "Marketing",
    "Client",
    "Guest",
    "Facilities",
    "Facility",
    "Site",
    "Process",
    "Network",
    "Security",
    "Information",
    "Global",
    "Overseas",
    "Domestic",
    "International",
    "Regional",
    "Local",
    "Senior",
    "Chief",
    "Head",
    "Procurement",
    "Purchasing",
    "Accounting",
    "Treasury",
    "Operations",
    "Engineering",
    "Public",
    "Emergency",
    "Social",
    "Plant",
    "Systems",
    "IT",
    "HR",
    "QA",
    "R&D",
];

fn latin_letter(c: char) -> bool {
    c.is_alphanumeric() && (c as u32) < 0x2E80
}

/// The Latin word starting at `i` (letters, digits and `.&'-`), as its end.
fn word_end(n: &[char], i: usize) -> usize {
    let mut e = i;
    while e < n.len() && (latin_letter(n[e]) || matches!(n[e], '.' | '&' | '\'' | '-')) {
        e += 1;
    }
    e
}

/// Whether `n[s..e]` is a trade word in title case (`Foods`, not `foods` or `FOODS`).
fn title_trade_word(n: &[char], s: usize, e: usize) -> bool {
    if e < s + 2 || !n[s].is_uppercase() || !n[s + 1..e].iter().all(|c| c.is_lowercase()) {
        return false;
    }
    let w: String = n[s..e].iter().flat_map(|c| c.to_lowercase()).collect();
    LATIN_TRADE_WORDS.contains(&w.as_str())
}

/// The company named by the trade word at `n[ks..ke]` (a keyword hit), or `None`.
pub fn latin_trade(doc: &Document, ks: usize, ke: usize) -> Option<(usize, usize)> {
    let n = &doc.norm.chars;
    if (ks > 0 && latin_letter(n[ks - 1])) || n.get(ke).is_some_and(|&c| latin_letter(c)) {
        return None;
    }
    if !title_trade_word(n, ks, ke) {
        return None;
    }
    // further trade words and a short foreign form join the name; any other capitalised word after it
    // makes it part of a longer name (a product, a department, a legal form's company)
    let mut e = ke;
    loop {
        if n.get(e) != Some(&' ') || doc.text.chars.get(e) != Some(&' ') {
            break;
        }
        let ws = e + 1;
        let we = word_end(n, ws);
        if we == ws {
            break;
        }
        let w: String = n[ws..we].iter().collect();
        let bare = w.trim_end_matches([',', '.']);
        if title_trade_word(n, ws, ws + bare.chars().count()) && bare.chars().count() == we - ws {
            e = we;
            continue;
        }
        if TAIL_FORMS.contains(&w.as_str()) || TAIL_FORMS.contains(&bare) {
            e = if TAIL_FORMS.contains(&w.as_str()) { we } else { ws + bare.chars().count() };
            break;
        }
        if n[ws].is_uppercase() {
            return None;
        }
        break;
    }
    // `Shinonome Precision (Thailand) Co., Ltd.`: a parenthesised word goes on to a legal form
    if n.get(e) == Some(&' ') && n.get(e + 1) == Some(&'(') {
        return None;
    }
    // `Hoshino Foods, Inc.`: the legal rule's name
    let mut f = e;
    while f < n.len() && f < e + 2 && matches!(n[f], ',' | ' ') {
        f += 1;
    }
    if f > e && LATIN_FORMS.iter().any(|form| super::starts_at(&doc.lower().chars, f, form)) {
        return None;
    }
    let s = latin_name_start(n, &doc.text.chars, ke)?;
    // a word besides the trade words (`Power Systems` is a product line)
    let mut i = s;
    let mut named = false;
    while i < ks {
        let we = word_end(n, i);
        if we > i && !title_trade_word(n, i, we) {
            named = true;
            break;
        }
        i = we.max(i + 1);
    }
    if !named {
        return None;
    }
    let first_end = word_end(n, s);
    let first: String = n[s..first_end].iter().collect();
    if FUNCTION_WORDS.contains(&first.as_str()) {
        return None;
    }
    Some((s, e))
}

#[cfg(test)]
mod tests {
    use crate::document::Lang;
    use crate::engine::Engine;

    fn found(text: &str, lang: Lang) -> Vec<String> {
        let e = Engine::new(Some(&["organization_legal".to_string()]), Vec::new());
        let chars: Vec<char> = text.chars().collect();
        let mut f = e.find(text, Some(lang));
        f.sort_by_key(|f| (f.start, f.end));
        f.into_iter().map(|f| chars[f.start..f.end].iter().collect()).collect()
    }

    #[test]
    fn latin_companies_by_their_trade_word() {
        assert_eq!(found("Hello, this is Aya from Hoshino Foods. Thanks!", Lang::En), ["Hoshino Foods"]);
        assert_eq!(found("Please call Tobu Gas at 0120-000-000.", Lang::En), ["Tobu Gas"]);
        assert_eq!(found("Sent to: Sato san, Kawabe Payroll Service", Lang::En), ["Kawabe Payroll Service"]);
        assert_eq!(found("連絡先：Sakuragi Electric Power（英語可）", Lang::Ja), ["Sakuragi Electric Power"]);
        assert_eq!(found("partner Mekong River Software JSC, Hanoi", Lang::En), ["Mekong River Software JSC"]);
        // a person of the company: `of` after a name does not join it
        assert_eq!(found("Mr. Ken Oda of Minami Repair will visit", Lang::En), ["Minami Repair"]);
    }

    #[test]
    fn trade_words_that_are_no_company() {
        for text in [
            "Head of Engineering, APAC",
            "Production Engineering team",
            "Customer Service desk",
            "the Windows Media Player file",
            "We ship foods and logistics services.",
            "GLOBAL LOGISTICS REPORT",
            "Logistics",
            "Overseas Sales Services",
            "Hoshino Foods Dept. meeting",
            "the new Power Systems line",
        ] {
            assert!(found(text, Lang::En).is_empty(), "{text}: {:?}", found(text, Lang::En));
        }
        // a legal form after it: the legal rule's name, whole
        assert_eq!(found("Hoshino Foods Co., Ltd.", Lang::En), ["Hoshino Foods Co., Ltd."]);
        assert_eq!(found("Hoshino Foods, Inc. and", Lang::En), ["Hoshino Foods, Inc."]);
        assert_eq!(found("at Kita Precision (Vietnam) Co., Ltd.", Lang::En), ["Kita Precision (Vietnam) Co., Ltd."]);
        assert_eq!(found("Bank: Kita Bank, Oji Branch", Lang::En), ["Kita Bank"]);
    }
}
