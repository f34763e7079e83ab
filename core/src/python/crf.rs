//! `_core.CrfTagger`: the optional Japanese name model ([`crate::ner`]) from Python.
//!
//! Python keeps the segmentation, SudachiPy's tokens and the gazetteer and cluster look-ups; the
//! features, the CRF and the spans are computed here, without one feature string becoming a Python
//! object. A bad model raises ValueError; a panic becomes RuntimeError.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

use crate::ner::{Hint, Input, Listed, NerTagger, Token};

/// (start, end, surface, part of speech) of a token, offsets into the segment.
type TokenRow = (i64, i64, String, Vec<String>);
/// (start, end, type, recognizer, score) of a rule finding, offsets into the segment.
type HintRow = (i64, i64, String, String, f64);
/// (start, end, kinds) of a gazetteer entry found in the segment.
type ListedRow = (i64, i64, String);

#[pyclass(name = "CrfTagger", module = "mamori._core", frozen)]
pub struct PyCrfTagger {
    tagger: NerTagger,
}

struct Owned {
    tokens: Vec<Token>,
    flags: Vec<String>,
    hints: Vec<Hint>,
    gazetteer: Vec<Listed>,
    clusters: Vec<Option<u64>>,
}

impl Owned {
    fn new(
        tokens: Vec<TokenRow>,
        flags: Option<Vec<String>>,
        hints: Vec<HintRow>,
        gazetteer: Vec<ListedRow>,
        clusters: Vec<Option<u64>>,
    ) -> Owned {
        let tokens: Vec<Token> =
            tokens.into_iter().map(|(start, end, surface, pos)| Token { start, end, surface, pos }).collect();
        let flags = flags.unwrap_or_else(|| {
            let lex = crate::recognizers::person_ja::lexicon::name_lexicon();
            tokens.iter().map(|t| lex.flags_str(&t.surface).to_string()).collect()
        });
        Owned {
            tokens,
            flags,
            hints: hints
                .into_iter()
                .map(|(start, end, kind, recognizer, score)| Hint { start, end, kind, recognizer, score })
                .collect(),
            gazetteer: gazetteer.into_iter().map(|(start, end, kinds)| Listed { start, end, kinds }).collect(),
            clusters,
        }
    }

    fn input<'a>(&'a self, text: &'a str) -> Input<'a> {
        Input {
            text,
            tokens: &self.tokens,
            flags: &self.flags,
            hints: &self.hints,
            gazetteer: &self.gazetteer,
            clusters: &self.clusters,
        }
    }
}

fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|_| PyRuntimeError::new_err(format!("internal error in {what}")))
}

#[pymethods]
impl PyCrfTagger {
    /// The tagger of a CRFsuite model file's bytes (as python-crfsuite writes it); ValueError if they are not one.
    #[new]
    fn new(model: &[u8]) -> PyResult<Self> {
        let tagger =
            guarded("CrfTagger", || NerTagger::from_bytes(model))?.map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(PyCrfTagger { tagger })
    }

    /// The model's labels, by id.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.tagger.model().labels().to_vec()
    }

    /// The id of an attribute (a feature string), or None when the model does not know it.
    fn attr_id(&self, key: &str) -> Option<u32> {
        self.tagger.model().attr_id(key.as_bytes())
    }

    /// The CRF alone on feature strings: the best labels and the marginal of each of them.
    fn tag_items(&self, py: Python<'_>, items: Vec<Vec<String>>) -> PyResult<(Vec<String>, Vec<f64>)> {
        py.detach(|| {
            guarded("CrfTagger.tag_items", || {
                let m = self.tagger.model();
                let mut scores = m.scores(items.len());
                for (t, item) in items.iter().enumerate() {
                    for a in item {
                        if let Some(aid) = m.attr_id(a.as_bytes()) {
                            m.add(&mut scores, t, aid);
                        }
                    }
                }
                let labels = m.viterbi(&scores);
                let marg = m.marginals(&scores);
                let probs = labels.iter().enumerate().map(|(t, &l)| marg.point(l, t)).collect();
                (labels.into_iter().map(|l| m.labels()[l].clone()).collect(), probs)
            })
        })
    }

    /// The attribute ids of each character's features (those the model knows), in order.
    #[pyo3(signature = (text, tokens, hints=Vec::new(), gazetteer=Vec::new(), clusters=Vec::new(), flags=None))]
    #[allow(clippy::too_many_arguments)]
    fn feature_ids(
        &self,
        py: Python<'_>,
        text: &str,
        tokens: Vec<TokenRow>,
        hints: Vec<HintRow>,
        gazetteer: Vec<ListedRow>,
        clusters: Vec<Option<u64>>,
        flags: Option<Vec<String>>,
    ) -> PyResult<Vec<Vec<u32>>> {
        let owned = Owned::new(tokens, flags, hints, gazetteer, clusters);
        py.detach(|| guarded("CrfTagger.feature_ids", || self.tagger.feature_ids(&owned.input(text))))
    }

    /// The spans the model finds in the segment `text`: `(start, end, type, score)`, trimmed, scored by the
    /// mean marginal of their labels. `flags` (the name lexicon's, per token) are looked up when None.
    #[pyo3(signature = (text, tokens, hints=Vec::new(), gazetteer=Vec::new(), clusters=Vec::new(), flags=None))]
    #[allow(clippy::too_many_arguments)]
    fn tag(
        &self,
        py: Python<'_>,
        text: &str,
        tokens: Vec<TokenRow>,
        hints: Vec<HintRow>,
        gazetteer: Vec<ListedRow>,
        clusters: Vec<Option<u64>>,
        flags: Option<Vec<String>>,
    ) -> PyResult<Vec<(usize, usize, String, f64)>> {
        let owned = Owned::new(tokens, flags, hints, gazetteer, clusters);
        py.detach(|| {
            guarded("CrfTagger.tag", || {
                self.tagger.tag(&owned.input(text)).into_iter().map(|s| (s.start, s.end, s.kind, s.score)).collect()
            })
        })
    }
}
