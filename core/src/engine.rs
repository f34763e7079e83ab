//! [`Engine`]: the warm recognizers and their lexicon; runs the pipeline over one text or many.
//!
//! Building an engine loads tables and compiles patterns; detecting allocates only per text. An
//! engine is `Send + Sync`: [`Engine::find_many`] shares one across scoped threads.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::custom::AllowList;
use crate::document::{Document, Lang};
use crate::finding::Finding;
use crate::lexicon::Lexicon;
use crate::morphology::Morphology;
use crate::recognizer::Recognizer;
use crate::recognizers::{self, Resources};
use crate::settle::settle;

pub struct Engine {
    recognizers: Vec<Box<dyn Recognizer>>,
    lexicon: Lexicon,
    morphology: Option<Arc<dyn Morphology>>,
    allow: AllowList,
}

/// The outcome for one text of a batch.
pub type TextResult = Result<Vec<Finding>, EngineError>;

/// A text the engine could not finish (a bug: reported for that text, never an abort).
#[derive(Debug, Clone, PartialEq)]
pub struct EngineError(pub String);

impl Engine {
    /// An engine of the built-in recognizers named in `only` (all of them when `None`), in the
    /// built-in order, plus `extra` recognizers after them.
    pub fn new(only: Option<&[String]>, extra: Vec<Box<dyn Recognizer>>) -> Self {
        Self::with_resources(only, extra, &Resources::default())
    }

    /// [`Engine::new`] with the outside data the built-in recognizers use.
    pub fn with_resources(only: Option<&[String]>, extra: Vec<Box<dyn Recognizer>>, resources: &Resources) -> Self {
        let mut list: Vec<Box<dyn Recognizer>> = recognizers::builtin(resources)
            .into_iter()
            .filter(|r| only.is_none_or(|names| names.iter().any(|n| n == r.name())))
            .collect();
        list.extend(extra);
        let mut lexicon = Lexicon::new();
        for r in &list {
            for (group, words) in r.keywords() {
                lexicon.add(group, words);
            }
        }
        lexicon.build();
        Engine { recognizers: list, lexicon, morphology: None, allow: AllowList::default() }
    }

    /// Values never reported, whichever recognizer finds them (`[detect] allow`).
    pub fn with_allow_list(mut self, allow: AllowList) -> Self {
        self.allow = allow;
        self
    }

    /// Whether `text` is an allowed value (for findings made outside the core).
    pub fn allows(&self, text: &str) -> bool {
        self.allow.allows(text)
    }

    /// The analyser rules may ask for tokens of short windows (SudachiPy, through the binding).
    pub fn with_morphology(mut self, morphology: Option<Arc<dyn Morphology>>) -> Self {
        self.morphology = morphology;
        self
    }

    pub fn recognizers(&self) -> &[Box<dyn Recognizer>] {
        &self.recognizers
    }

    /// Every recognizer's findings in `text`, unsettled and unfiltered, in recognizer order.
    pub fn find(&self, text: &str, lang: Option<Lang>) -> Vec<Finding> {
        self.find_with(text, lang, None)
    }

    /// [`Engine::find`] limited to the recognizers named in `only` (all when `None`).
    pub fn find_with(&self, text: &str, lang: Option<Lang>, only: Option<&[String]>) -> Vec<Finding> {
        let doc = Document::with_morphology(text, lang, &self.lexicon, self.morphology.as_deref());
        let mut out = Vec::new();
        for r in &self.recognizers {
            if r.supports(doc.lang) && only.is_none_or(|names| names.iter().any(|n| n == r.name())) {
                r.find(&doc, &mut out);
            }
        }
        let n = doc.len();
        out.retain(|f| f.start <= f.end && f.end <= n);
        if !self.allow.is_empty() {
            out.retain(|f| !self.allow.allows(doc.text.slice(f.start, f.end)));
        }
        out
    }

    /// The answer for `text`: settled findings of the query's recognizers, scored at least its
    /// threshold, of its types when given.
    pub fn detect(&self, text: &str, q: &Query) -> Vec<Finding> {
        let mut found = self.find_with(text, q.lang, q.only);
        found.retain(|f| f.score >= q.threshold && q.types.is_none_or(|t| t.iter().any(|k| k == f.kind)));
        settle(found)
    }

    /// [`Engine::find`] with a panic turned into an error for this text.
    pub fn find_safe(&self, text: &str, lang: Option<Lang>) -> TextResult {
        guarded(|| self.find(text, lang))
    }

    /// [`Engine::detect`] with a panic turned into an error for this text.
    pub fn detect_safe(&self, text: &str, q: &Query) -> TextResult {
        guarded(|| self.detect(text, q))
    }

    /// [`Engine::find_safe`] over many texts on up to `threads` threads, results in input order.
    pub fn find_many<S: AsRef<str> + Sync>(&self, texts: &[S], lang: Option<Lang>, threads: usize) -> Vec<TextResult> {
        parallel_map(texts, threads, |t| self.find_safe(t, lang))
    }

    /// [`Engine::detect_safe`] over many texts on up to `threads` threads, results in input order.
    pub fn detect_many<S: AsRef<str> + Sync>(&self, texts: &[S], q: &Query, threads: usize) -> Vec<TextResult> {
        parallel_map(texts, threads, |t| self.detect_safe(t, q))
    }
}

/// What [`Engine::detect`] is asked: the language (None: auto), the threshold, the types kept (None:
/// all) and the recognizers run (None: all).
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    pub lang: Option<Lang>,
    pub threshold: f64,
    pub types: Option<&'a [String]>,
    pub only: Option<&'a [String]>,
}

fn guarded(work: impl FnOnce() -> Vec<Finding>) -> TextResult {
    catch_unwind(AssertUnwindSafe(work)).map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        EngineError(format!("mamori core: internal error ({msg})"))
    })
}

/// `work` over every text on up to `threads` scoped threads (texts handed out one at a time), in input order.
fn parallel_map<S, F>(texts: &[S], threads: usize, work: F) -> Vec<TextResult>
where
    S: AsRef<str> + Sync,
    F: Fn(&str) -> TextResult + Sync,
{
    let threads = threads.max(1).min(texts.len().max(1));
    if threads == 1 {
        return texts.iter().map(|t| work(t.as_ref())).collect();
    }
    let next = AtomicUsize::new(0);
    let chunks: Vec<Vec<(usize, TextResult)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= texts.len() {
                            break;
                        }
                        mine.push((i, work(texts[i].as_ref())));
                    }
                    mine
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
    });
    let mut results: Vec<Option<TextResult>> = (0..texts.len()).map(|_| None).collect();
    for (i, r) in chunks.into_iter().flatten() {
        results[i] = Some(r);
    }
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err(EngineError("mamori core: worker thread failed".to_string()))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_equals_one_by_one() {
        let engine = Engine::new(None, Vec::new());
        let texts: Vec<String> = (0..50).map(|i| format!("{i} mail{i}@example.com and x{i}@example.org")).collect();
        let q = Query { lang: None, threshold: 0.5, types: None, only: None };
        let one: Vec<TextResult> = texts.iter().map(|t| engine.detect_safe(t, &q)).collect();
        assert_eq!(engine.detect_many(&texts, &q, 3), one);
        assert_eq!(one[7].as_ref().map(|v| v.len()), Ok(2));
    }

    #[test]
    fn query_filters() {
        let engine = Engine::new(None, Vec::new());
        let types = vec!["PHONE".to_string()];
        let q = Query { lang: None, threshold: 0.5, types: Some(&types), only: None };
        assert!(engine.detect("a@example.com", &q).is_empty());
        let none: Vec<String> = Vec::new();
        let q = Query { lang: None, threshold: 0.5, types: None, only: Some(&none) };
        assert!(engine.detect("a@example.com", &q).is_empty());
    }
}
