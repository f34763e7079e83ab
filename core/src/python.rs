//! The Python binding `mamori._core`: PyO3 types only here, at the edge.
//!
//! Texts cross as `str` (lone surrogates are read as U+FFFD, offsets kept: see
//! [`finding::utf8_of`]); findings come back as `Finding` objects built here ([`finding`]), or,
//! for whole tables, compact arrays. Detection releases the GIL; a panic inside the engine becomes
//! a `RuntimeError` for that text, never an abort.

mod crf;
mod finding;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use crate::custom::{AllowList, CustomRecognizer, CustomSpec, DenyListRecognizer};
use crate::document::Lang;
use crate::engine::{Engine, Query, TextResult};
use crate::morphology::{Morphology, Token};
use crate::recognizer::Recognizer;
use crate::recognizers::Resources;

/// One `[[detect.custom]]` entry from Python: (type, pattern, context, score, window, validate).
type CustomRow = (String, String, Vec<String>, f64, usize, Option<String>);

/// The core's analyser from Python: an object with `available() -> bool` (asked once, on first need)
/// and `tokens(window) -> [(start, end, surface, pos_tuple), ...]`.
struct PyMorphology {
    analyser: Py<PyAny>,
    available: OnceLock<bool>,
}

impl Morphology for PyMorphology {
    fn available(&self) -> bool {
        *self.available.get_or_init(|| {
            Python::attach(|py| {
                self.analyser.call_method0(py, "available").and_then(|v| v.extract::<bool>(py)).unwrap_or(false)
            })
        })
    }

    fn tokens(&self, window: &str) -> Option<Vec<Token>> {
        Python::attach(|py| {
            let rows: Vec<(usize, usize, String, Vec<String>)> =
                self.analyser.call_method1(py, "tokens", (window,)).ok()?.extract(py).ok()?;
            Some(rows.into_iter().map(|(start, end, surface, pos)| Token { start, end, surface, pos }).collect())
        })
    }
}

use finding::{utf8_of, Names, PyFinding};

fn lang_of(lang: &str) -> PyResult<Option<Lang>> {
    Lang::parse(lang).ok_or_else(|| PyValueError::new_err(format!("lang must be 'auto', 'ja' or 'en', not {lang:?}")))
}

#[pyclass(name = "Engine", module = "mamori._core", frozen)]
struct PyEngine {
    engine: Engine,
    names: Names,
}

#[pymethods]
impl PyEngine {
    /// An engine of the built-in recognizers named in `recognizers` (all when None); `morphology`, an
    /// object with `available()` and `tokens(window)`, serves the rules that ask for morphemes.
    /// `resources` maps names to the bytes of outside data (see `Resources`). `custom` holds the
    /// organisation's own patterns as `(type, pattern, context words, score, window, validate)`,
    /// `deny` terms always reported as `deny_type`, `allow` values never reported; a bad entry raises
    /// ValueError naming it.
    #[new]
    #[pyo3(signature = (recognizers=None, morphology=None, resources=None, custom=None, deny=None, deny_type="CONFIDENTIAL", allow=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        recognizers: Option<Vec<String>>,
        morphology: Option<Py<PyAny>>,
        resources: Option<HashMap<String, Vec<u8>>>,
        custom: Option<Vec<CustomRow>>,
        deny: Option<Vec<String>>,
        deny_type: &str,
        allow: Option<Vec<String>>,
    ) -> PyResult<Self> {
        let morph = morphology
            .map(|analyser| Arc::new(PyMorphology { analyser, available: OnceLock::new() }) as Arc<dyn Morphology>);
        let res =
            Resources { blobs: resources.unwrap_or_default().into_iter().map(|(k, v)| (k, Arc::new(v))).collect() };
        let mut extra: Vec<Box<dyn Recognizer>> = Vec::new();
        for (i, (kind, pattern, context, score, window, validate)) in custom.unwrap_or_default().into_iter().enumerate()
        {
            let spec = CustomSpec { kind, pattern, context, score, window, validate };
            extra.push(Box::new(CustomRecognizer::new(i, &spec).map_err(PyValueError::new_err)?));
        }
        if let Some(terms) = deny.filter(|t| !t.is_empty()) {
            extra.push(Box::new(DenyListRecognizer::new(&terms, deny_type).map_err(PyValueError::new_err)?));
        }
        let allow = AllowList::new(&allow.unwrap_or_default());
        let engine = py.detach(|| {
            Engine::with_resources(recognizers.as_deref(), extra, &res).with_morphology(morph).with_allow_list(allow)
        });
        Ok(PyEngine { engine, names: Names::default() })
    }

    /// Whether `text` is an allowed value (`[detect] allow`), for findings made outside the core.
    fn allows(&self, text: &str) -> bool {
        self.engine.allows(text)
    }

    /// (name, entity types, languages) of each recognizer, in run order.
    fn recognizers(&self) -> Vec<(String, Vec<String>, Vec<&'static str>)> {
        self.engine
            .recognizers()
            .iter()
            .map(|r| {
                let langs = [Lang::Ja, Lang::En].into_iter().filter(|l| r.supports(*l)).map(|l| l.as_str()).collect();
                (r.name().to_string(), r.entities().iter().map(|e| e.to_string()).collect(), langs)
            })
            .collect()
    }

    /// Every recognizer's findings in `text`, unsettled, at any score.
    #[pyo3(signature = (text, lang="auto"))]
    fn find<'py>(&self, py: Python<'py>, text: Bound<'py, PyString>, lang: &str) -> PyResult<Bound<'py, PyList>> {
        let lang = lang_of(lang)?;
        let utf8 = utf8_of(&text)?;
        let found = py.detach(|| self.engine.find_safe(&utf8, lang));
        self.names.findings(py, &text, found.map_err(|e| PyRuntimeError::new_err(e.0))?)
    }

    /// Settled findings of the recognizers in `only` (all when None), scored at least `threshold`, of
    /// `types` (all when None).
    #[pyo3(signature = (text, lang="auto", threshold=0.5, types=None, only=None))]
    fn detect<'py>(
        &self,
        py: Python<'py>,
        text: Bound<'py, PyString>,
        lang: &str,
        threshold: f64,
        types: Option<Vec<String>>,
        only: Option<Vec<String>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let q = Query { lang: lang_of(lang)?, threshold, types: types.as_deref(), only: only.as_deref() };
        let utf8 = utf8_of(&text)?;
        let found = py.detach(|| self.engine.detect_safe(&utf8, &q));
        self.names.findings(py, &text, found.map_err(|e| PyRuntimeError::new_err(e.0))?)
    }

    /// [`detect`] for each text on up to `threads` threads without the GIL; an entry is a list of
    /// findings, or a str saying why that text failed.
    #[pyo3(signature = (texts, lang="auto", threshold=0.5, types=None, only=None, threads=1))]
    #[allow(clippy::too_many_arguments)]
    fn detect_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Bound<'py, PyString>>,
        lang: &str,
        threshold: f64,
        types: Option<Vec<String>>,
        only: Option<Vec<String>>,
        threads: usize,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let q = Query { lang: lang_of(lang)?, threshold, types: types.as_deref(), only: only.as_deref() };
        let utf8 = texts.iter().map(utf8_of).collect::<PyResult<Vec<_>>>()?;
        let results = py.detach(|| self.engine.detect_many(&utf8, &q, threads));
        texts.iter().zip(results).map(|(text, r)| self.outcome(py, text, r)).collect()
    }

    /// Settled findings per `(context, text)` piece (a cell after its column header), offsets into
    /// the piece's text: the pieces are joined into batches of about 32k characters, detected on up to
    /// `threads` threads without the GIL, and mapped back. An entry is a list of rows, or a str saying
    /// why that piece's batch failed. After `seconds` no further batches start: the result is then a
    /// shorter list (the first pieces).
    #[pyo3(signature = (pieces, lang="auto", threshold=0.5, types=None, only=None, threads=1, seconds=None))]
    #[allow(clippy::too_many_arguments)]
    fn detect_pieces<'py>(
        &self,
        py: Python<'py>,
        pieces: Vec<(Bound<'py, PyString>, Bound<'py, PyString>)>,
        lang: &str,
        threshold: f64,
        types: Option<Vec<String>>,
        only: Option<Vec<String>>,
        threads: usize,
        seconds: Option<f64>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let q = Query { lang: lang_of(lang)?, threshold, types: types.as_deref(), only: only.as_deref() };
        let deadline = seconds.map(|s| Instant::now() + Duration::from_secs_f64(s.clamp(0.0, 1e9)));
        let utf8 = pieces.iter().map(|(c, t)| Ok((utf8_of(c)?, utf8_of(t)?))).collect::<PyResult<Vec<_>>>()?;
        let results = py.detach(|| crate::pieces::detect_pieces(&self.engine, &utf8, &q, threads, deadline));
        pieces.iter().zip(results).map(|((_, text), r)| self.outcome(py, text, r)).collect()
    }

    /// [`detect_pieces`] over a stream of text pieces `(context, text)` and tables read as pieces, one per
    /// non-empty cell (see `pieces::flatten`), the same batches as if every cell were a piece of its own;
    /// findings come back compact (see [`Compact`]), not as one object per cell or finding.
    #[pyo3(signature = (texts, tables, lang="auto", threshold=0.5, types=None, only=None, threads=1, seconds=None))]
    #[allow(clippy::too_many_arguments)]
    fn detect_segments<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<(String, String)>,
        tables: Vec<TableRow>,
        lang: &str,
        threshold: f64,
        types: Option<Vec<String>>,
        only: Option<Vec<String>>,
        threads: usize,
        seconds: Option<f64>,
    ) -> PyResult<Compact<'py>> {
        let q = Query { lang: lang_of(lang)?, threshold, types: types.as_deref(), only: only.as_deref() };
        let deadline = seconds.map(|s| Instant::now() + Duration::from_secs_f64(s.clamp(0.0, 1e9)));
        let tables: Vec<(usize, crate::pieces::TableCells)> = tables
            .into_iter()
            .map(|(at, header, rows, key_value, cells, keep)| {
                (at, crate::pieces::TableCells { header, rows, key_value, cells, keep })
            })
            .collect();
        let (results, origins) = py.detach(|| {
            let (pieces, origins) = crate::pieces::flatten(&texts, &tables);
            (crate::pieces::detect_pieces(&self.engine, &pieces, &q, threads, deadline), origins)
        });
        compact(py, results, &origins, origins.len())
    }
}

impl PyEngine {
    /// A text's findings as a list of `Finding`s, or the reason the engine failed on it as a str.
    fn outcome<'py>(&self, py: Python<'py>, text: &Bound<'py, PyString>, r: TextResult) -> PyResult<Bound<'py, PyAny>> {
        match r {
            Ok(found) => Ok(self.names.findings(py, text, found)?.into_any()),
            Err(e) => Ok(PyString::new(py, &e.0).into_any()),
        }
    }
}

/// A table for [`PyEngine::detect_segments`]: (text pieces before it, header, rows, key_value, cells, keep).
type TableRow = (usize, Vec<String>, Vec<Vec<String>>, bool, usize, Option<usize>);

/// Compact findings of [`PyEngine::detect_segments`]: (pieces read, pieces in all, names, `u32` fields,
/// scores). Each finding is 9 native-endian `u32`: source (0 text, 1 table), its index, row, column
/// (0-based; 0 for a text), start, end (code points into the piece's own text), and its type, recognizer
/// and subtype as indices into `names` (`u32::MAX`: no subtype); its score is one `f64` of `scores`.
type Compact<'py> = (usize, usize, Vec<&'static str>, Bound<'py, PyBytes>, Bound<'py, PyBytes>);

fn compact<'py>(
    py: Python<'py>,
    results: Vec<TextResult>,
    origins: &[crate::pieces::Origin],
    total: usize,
) -> PyResult<Compact<'py>> {
    let mut names: Vec<&'static str> = Vec::new();
    let mut index: HashMap<&'static str, u32> = HashMap::new();
    let mut intern = |name: &'static str| -> u32 {
        *index.entry(name).or_insert_with(|| {
            names.push(name);
            (names.len() - 1) as u32
        })
    };
    let mut fields: Vec<u32> = Vec::new();
    let mut scores: Vec<f64> = Vec::new();
    let done = results.len();
    for (k, r) in results.into_iter().enumerate() {
        let found = r.map_err(|e| PyRuntimeError::new_err(format!("piece {k}: {}", e.0)))?;
        let [source, which, row, column] = origins[k];
        for f in found {
            let (kind, rec) = (intern(f.kind), intern(f.recognizer));
            let sub = f.subtype.map_or(u32::MAX, &mut intern);
            fields.extend_from_slice(&[source, which, row, column, f.start as u32, f.end as u32, kind, rec, sub]);
            scores.push(f.score);
        }
    }
    let fields: Vec<u8> = fields.iter().flat_map(|v| v.to_ne_bytes()).collect();
    let scores: Vec<u8> = scores.iter().flat_map(|v| v.to_ne_bytes()).collect();
    Ok((done, total, names, PyBytes::new(py, &fields), PyBytes::new(py, &scores)))
}

/// `text` with full-width ASCII, hyphen variants and the ideographic space folded (same length).
#[pyfunction]
fn fold(text: &str) -> String {
    crate::fold::fold(text)
}

/// The name lexicon's flags of each word ("" when not listed): see `recognizers::person_ja::lexicon`.
#[pyfunction]
fn name_flags(py: Python<'_>, words: Vec<String>) -> Vec<String> {
    py.detach(|| {
        let lex = crate::recognizers::person_ja::lexicon::name_lexicon();
        words.iter().map(|w| lex.flags_str(w).to_string()).collect()
    })
}

/// Indices of the spans kept by overlap settlement (the longer wins, then the higher score), in
/// (start, end, type) order; each span is `(type, start, end, score)`.
#[pyfunction]
fn settle_spans(spans: Vec<(String, usize, usize, f64)>) -> Vec<usize> {
    let order: Vec<usize> = (0..spans.len()).collect();
    crate::settle::settle_by(order, |&i| (spans[i].0.as_str(), spans[i].1, spans[i].2, spans[i].3))
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyEngine>()?;
    m.add_class::<PyFinding>()?;
    m.add_class::<crf::PyCrfTagger>()?;
    m.add_function(wrap_pyfunction!(fold, m)?)?;
    m.add_function(wrap_pyfunction!(settle_spans, m)?)?;
    m.add_function(wrap_pyfunction!(name_flags, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
