//! [`Recognizer`]: the small unit that finds one kind of personal information.
//!
//! A recognizer declares the entity types it reports, the languages it runs for and the keywords
//! it wants indexed (grouped by name; the engine matches all of them in one pass), and proposes
//! scored findings over a [`Document`]. Scoring follows keyword proximity: a bare format match of
//! an ambiguous value scores low, a supporting keyword nearby raises it, a contradicting one
//! lowers it. A recognizer never filters by the threshold: the engine does.

use crate::document::{Document, Lang};
use crate::finding::Finding;

/// Keyword groups a recognizer asks the engine to index: (group name, words).
pub type Keywords = Vec<(&'static str, Vec<String>)>;

pub trait Recognizer: Send + Sync {
    /// Stable name, reported with each finding (the Python recognizer of the same name is replaced by it).
    fn name(&self) -> &'static str;
    /// The entity types this recognizer may report.
    fn entities(&self) -> &[&'static str];
    /// Whether it runs for documents in `lang`.
    fn supports(&self, lang: Lang) -> bool {
        let _ = lang;
        true
    }
    /// Keyword groups to index for it.
    fn keywords(&self) -> Keywords {
        Vec::new()
    }
    /// Append its findings in `doc` to `out` (any order, any score).
    fn find(&self, doc: &Document, out: &mut Vec<Finding>);
}

/// Keyword list from static words.
pub fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|w| w.to_string()).collect()
}

/// Test support: the findings of `r` alone in `text` (its own keywords indexed; `lang` None: auto),
/// each with the text it covers.
#[cfg(test)]
pub(crate) fn run_alone(r: &dyn Recognizer, text: &str, lang: Option<Lang>) -> Vec<(Finding, String)> {
    let mut lx = crate::lexicon::Lexicon::new();
    for (g, w) in r.keywords() {
        lx.add(g, w);
    }
    lx.build();
    let doc = Document::new(text, lang, &lx);
    let mut out = Vec::new();
    r.find(&doc, &mut out);
    out.into_iter()
        .map(|f| {
            let covered = doc.text.slice(f.start, f.end).to_string();
            (f, covered)
        })
        .collect()
}
