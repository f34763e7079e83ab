//! `_core.CrfTagger`: the optional Japanese name model ([`crate::ner`]) from Python.
//!
//! Python keeps the segmentation, SudachiPy's tokens and the rule hints; the features, the gazetteer and
//! cluster look-ups, the CRF and the spans are computed here. Tagging turns no feature into a Python
//! object; `features` gives the strings themselves (the training data, from the same code). A tagger made
//! without a model (training has none yet) only gives features. A bad model raises ValueError; a panic
//! becomes RuntimeError.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::ner::resources::{Gazetteer, WordClusters};
use crate::ner::{Hint, Input, Level, Listed, NerTagger, Token};

/// (start, end, surface, part of speech) of a token, offsets into the segment.
type TokenRow = (i64, i64, String, Vec<String>);
/// (start, end, type, recognizer, score) of a rule finding, offsets into the segment.
type HintRow = (i64, i64, String, String, f64);
/// (start, end, kinds) of a gazetteer entry found in the segment.
type ListedRow = (i64, i64, String);

#[pyclass(name = "CrfTagger", module = "mamori._core", frozen)]
pub struct PyCrfTagger {
    tagger: Option<NerTagger>,
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
    /// The inputs of one segment up to `level`; the gazetteer spans, the clusters and the name-lexicon flags not
    /// given are looked up (in `tagger`'s gazetteer and clusters).
    #[allow(clippy::too_many_arguments)]
    fn new(
        tagger: &PyCrfTagger,
        text: &str,
        tokens: Vec<TokenRow>,
        flags: Option<Vec<String>>,
        hints: Vec<HintRow>,
        gazetteer: Option<Vec<ListedRow>>,
        clusters: Option<Vec<Option<u64>>>,
        level: Level,
    ) -> Owned {
        let tokens: Vec<Token> =
            tokens.into_iter().map(|(start, end, surface, pos)| Token { start, end, surface, pos }).collect();
        let gazetteer = match (gazetteer, &tagger.gazetteer) {
            _ if !level.gaz() => Vec::new(),
            (Some(rows), _) => rows.into_iter().map(|(start, end, kinds)| Listed { start, end, kinds }).collect(),
            (None, Some(g)) => g.spans(text),
            (None, None) => Vec::new(),
        };
        let clusters = match (clusters, &tagger.clusters) {
            _ if !level.clusters() => Vec::new(),
            (Some(c), _) => c,
            (None, Some(w)) => tokens.iter().map(|t| w.get(&t.surface)).collect(),
            (None, None) => Vec::new(),
        };
        let flags = if !level.lex() { Some(Vec::new()) } else { flags };
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

/// The feature set called `name` (ValueError for another name).
fn level_named(name: &str) -> PyResult<Level> {
    Level::from_name(name).ok_or_else(|| {
        PyValueError::new_err(format!(
            "unknown feature set {name:?}: one of {}, {}",
            Level::NAMES.join(", "),
            Level::FREE
        ))
    })
}

fn no_model() -> PyErr {
    PyValueError::new_err("this CrfTagger was made without a model: it gives features only")
}

fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|_| PyRuntimeError::new_err(format!("internal error in {what}")))
}

#[pymethods]
impl PyCrfTagger {
    /// The tagger of a CRFsuite model file's bytes (as python-crfsuite writes it); ValueError if they are not one.
    /// Without a model (None) it only gives `features`. `gazetteer` (`surface\tkinds` lines) and `clusters`
    /// (`word\trow\tmid\ttop` lines, in order) are the texts of `ner_resources`' files: with them, `tag` and
    /// `features` look the proper nouns and the clusters up themselves.
    /// `feature_set` names the features the model was trained with; by default its attributes tell
    /// (`NerTagger::level_of`: `vec`, or `free` for a model without token features).
    #[new]
    #[pyo3(signature = (model=None, gazetteer=None, clusters=None, feature_set=None))]
    fn new(
        py: Python<'_>,
        model: Option<&[u8]>,
        gazetteer: Option<&str>,
        clusters: Option<&str>,
        feature_set: Option<&str>,
    ) -> PyResult<Self> {
        let level = feature_set.map(level_named).transpose()?;
        let tagger = match model {
            Some(bytes) => Some(
                guarded("CrfTagger", || NerTagger::from_bytes(bytes))?
                    .map_err(|e| PyValueError::new_err(e.to_string()))?,
            ),
            None => None,
        };
        let tagger = match (tagger, level) {
            (Some(t), Some(level)) => Some(t.with_level(level)),
            (t, _) => t,
        };
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

    /// The feature set the model's features are built with (`vec`, or `free`: no token, no SudachiPy).
    #[getter]
    fn feature_set(&self) -> PyResult<&'static str> {
        Ok(self.model()?.level().name())
    }

    /// The model's labels, by id.
    #[getter]
    fn labels(&self) -> PyResult<Vec<String>> {
        Ok(self.model()?.model().labels().to_vec())
    }

    /// The id of an attribute (a feature string), or None when the model does not know it.
    fn attr_id(&self, key: &str) -> PyResult<Option<u32>> {
        Ok(self.model()?.model().attr_id(key.as_bytes()))
    }

    /// The CRF alone on feature strings: the best labels and the marginal of each of them.
    fn tag_items(&self, py: Python<'_>, items: Vec<Vec<String>>) -> PyResult<(Vec<String>, Vec<f64>)> {
        let tagger = self.model()?;
        py.detach(|| {
            guarded("CrfTagger.tag_items", || {
                let m = tagger.model();
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
        let tagger = self.model()?;
        let owned = Owned::new(self, text, tokens, flags, hints, gazetteer, clusters, tagger.level());
        py.detach(|| guarded("CrfTagger.feature_ids", || tagger.feature_ids(&owned.input(text))))
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
        let tagger = self.model()?;
        let owned = Owned::new(self, text, tokens, flags, hints, gazetteer, clusters, tagger.level());
        py.detach(|| {
            guarded("CrfTagger.tag", || {
                tagger.tag(&owned.input(text)).into_iter().map(|s| (s.start, s.end, s.kind, s.score)).collect()
            })
        })
    }

    /// Every feature string of each character of the segment `text`, in order, up to the feature set `level`
    /// (`chars`, `morph`, `lex`, `rules`, `gaz`, `vec`: each adds to the ones before; or `free`: no token;
    /// ValueError for another name): the training data, and what `tag` looks up in the model. Needs no model.
    /// `gazetteer` spans, `clusters` and `flags` are looked up when None.
    #[pyo3(signature = (text, tokens, hints=Vec::new(), level="vec", gazetteer=None, clusters=None, flags=None))]
    #[allow(clippy::too_many_arguments)]
    fn features<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        tokens: Vec<TokenRow>,
        hints: Vec<HintRow>,
        level: &str,
        gazetteer: Option<Vec<ListedRow>>,
        clusters: Option<Vec<Option<u64>>>,
        flags: Option<Vec<String>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let level = level_named(level)?;
        let owned = Owned::new(self, text, tokens, flags, hints, gazetteer, clusters, level);
        let got =
            py.detach(|| guarded("CrfTagger.features", || crate::ner::feature_strings(&owned.input(text), level)))?;
        // One str object per key, shared by the characters it is put on.
        let mut keys: Vec<Option<Bound<'py, PyString>>> = vec![None; got.keys.len()];
        let out = PyList::empty(py);
        for row in &got.rows {
            let strs = row
                .iter()
                .map(|&k| keys[k as usize].get_or_insert_with(|| PyString::new(py, &got.keys[k as usize])).clone());
            out.append(PyList::new(py, strs.collect::<Vec<_>>())?)?;
        }
        Ok(out)
    }
}

impl PyCrfTagger {
    fn model(&self) -> PyResult<&NerTagger> {
        self.tagger.as_ref().ok_or_else(no_model)
    }
}
