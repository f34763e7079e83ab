//! `_core.CrfTagger`: the optional Japanese name model ([`crate::ner`]) from Python.
//!
//! Python keeps the segmentation, SudachiPy's tokens and the gazetteer and cluster look-ups; the
//! features, the CRF and the spans are computed here, without one feature string becoming a Python
//! object. A bad model raises ValueError; a panic becomes RuntimeError.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

use crate::ner::resources::{Gazetteer, WordClusters};
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
    gazetteer: Option<Gazetteer>,
    clusters: Option<WordClusters>,
}

struct Owned {
    tokens: Vec<Token>,
    flags: Vec<String>,
    hints: Vec<Hint>,
    gazetteer: Vec<Listed>,
    clusters: Vec<Option<u64>>,
}

impl Owned {
    /// The inputs of one segment; the gazetteer spans and the clusters not given are looked up in `tagger`'s.
    fn new(
        tagger: &PyCrfTagger,
        text: &str,
        tokens: Vec<TokenRow>,
        flags: Option<Vec<String>>,
        hints: Vec<HintRow>,
        gazetteer: Option<Vec<ListedRow>>,
        clusters: Option<Vec<Option<u64>>>,
    ) -> Owned {
        let tokens: Vec<Token> =
            tokens.into_iter().map(|(start, end, surface, pos)| Token { start, end, surface, pos }).collect();
        let gazetteer = match (gazetteer, &tagger.gazetteer) {
            (Some(rows), _) => rows.into_iter().map(|(start, end, kinds)| Listed { start, end, kinds }).collect(),
            (None, Some(g)) => g.spans(text),
            (None, None) => Vec::new(),
        };
        let clusters = match (clusters, &tagger.clusters) {
            (Some(c), _) => c,
            (None, Some(w)) => tokens.iter().map(|t| w.get(&t.surface)).collect(),
            (None, None) => Vec::new(),
        };
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
            gazetteer,
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
    /// `gazetteer` (`surface\tkinds` lines) and `clusters` (`word\trow\tmid\ttop` lines, in order) are the texts
    /// of `ner_resources`' files: with them, `tag` looks the proper nouns and the clusters up itself.
    #[new]
    #[pyo3(signature = (model, gazetteer=None, clusters=None))]
    fn new(py: Python<'_>, model: &[u8], gazetteer: Option<&str>, clusters: Option<&str>) -> PyResult<Self> {
        let tagger =
            guarded("CrfTagger", || NerTagger::from_bytes(model))?.map_err(|e| PyValueError::new_err(e.to_string()))?;
        let (gazetteer, clusters) = py.detach(|| {
            guarded("CrfTagger", || {
                let g = gazetteer.map(Gazetteer::from_tsv).transpose();
                let c = clusters.map(WordClusters::from_tsv).transpose();
                (g, c)
            })
        })?;
        let gazetteer = gazetteer.map_err(PyValueError::new_err)?;
        let clusters = clusters.map_err(PyValueError::new_err)?;
        Ok(PyCrfTagger { tagger, gazetteer, clusters })
    }

    /// The loaded gazetteer's `(start, end, kinds)` in `text` (empty without one).
    fn gazetteer_spans(&self, text: &str) -> Vec<ListedRow> {
        self.gazetteer
            .as_ref()
            .map(|g| g.spans(text).into_iter().map(|l| (l.start, l.end, l.kinds)).collect())
            .unwrap_or_default()
    }

    /// The loaded word clusters' packed ids of `word` (None when not listed or without clusters).
    fn word_cluster(&self, word: &str) -> Option<u64> {
        self.clusters.as_ref().and_then(|w| w.get(word))
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
    #[pyo3(signature = (text, tokens, hints=Vec::new(), gazetteer=None, clusters=None, flags=None))]
    #[allow(clippy::too_many_arguments)]
    fn feature_ids(
        &self,
        py: Python<'_>,
        text: &str,
        tokens: Vec<TokenRow>,
        hints: Vec<HintRow>,
        gazetteer: Option<Vec<ListedRow>>,
        clusters: Option<Vec<Option<u64>>>,
        flags: Option<Vec<String>>,
    ) -> PyResult<Vec<Vec<u32>>> {
        let owned = Owned::new(self, text, tokens, flags, hints, gazetteer, clusters);
        py.detach(|| guarded("CrfTagger.feature_ids", || self.tagger.feature_ids(&owned.input(text))))
    }

    /// The spans the model finds in the segment `text`: `(start, end, type, score)`, trimmed, scored by the
    /// mean marginal of their labels. `gazetteer` spans, `clusters` and `flags` (the name lexicon's, per token)
    /// are looked up when None.
    #[pyo3(signature = (text, tokens, hints=Vec::new(), gazetteer=None, clusters=None, flags=None))]
    #[allow(clippy::too_many_arguments)]
    fn tag(
        &self,
        py: Python<'_>,
        text: &str,
        tokens: Vec<TokenRow>,
        hints: Vec<HintRow>,
        gazetteer: Option<Vec<ListedRow>>,
        clusters: Option<Vec<Option<u64>>>,
        flags: Option<Vec<String>>,
    ) -> PyResult<Vec<(usize, usize, String, f64)>> {
        let owned = Owned::new(self, text, tokens, flags, hints, gazetteer, clusters);
        py.detach(|| {
            guarded("CrfTagger.tag", || {
                self.tagger.tag(&owned.input(text)).into_iter().map(|s| (s.start, s.end, s.kind, s.score)).collect()
            })
        })
    }
}
