//! The organisation recognizers' keyword hits: one pass over the document's keyword index serves them all.

use crate::document::{Document, Hit};

const GROUPS: [&str; 14] = [
    "org_legal",
    "org_latin",
    "org_trade_latin",
    "org_bank",
    "org_suffix",
    "org_name",
    "org_context",
    "org_kana",
    "org_define",
    "org_team",
    "org_quoted",
    "org_kind",
    "org_belongs",
    "org_intro",
];

/// The keyword hits of `groups` in `doc`, in (start, longer first, group) order; the hits of every
/// organisation group are collected once per document and shared.
pub fn keyword_hits(doc: &Document, groups: &[&str]) -> Vec<Hit<'static>> {
    let every = doc.shared().organization_hits.get_or_init(|| doc.keywords_in(0, doc.norm.len(), &GROUPS));
    every.iter().filter(|h| groups.contains(&h.2)).copied().collect()
}
