//! The Python binding `mamori._core`: PyO3 types only here, at the edge.
//!
//! Texts cross as `str` (the Python side replaces lone surrogates first); findings come back as
//! tuples `(type, start, end, score, recognizer, subtype)`. Detection releases the GIL; a panic
//! inside the engine becomes a `RuntimeError` for that text, never an abort.

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

use std::collections::HashMap;
use std::sync::Arc;

use crate::document::Lang;
use crate::engine::Engine;
use crate::finding::Finding;
use crate::morphology::{Morphology, Token};
use crate::recognizers::Resources;

/// A Python callable `window -> [(start, end, surface, pos_tuple), ...]` as the core's analyser.
struct PyMorphology(Py<PyAny>);

impl Morphology for PyMorphology {
    fn tokens(&self, window: &str) -> Option<Vec<Token>> {
        Python::attach(|py| {
            let rows: Vec<(usize, usize, String, Vec<String>)> = self.0.call1(py, (window,)).ok()?.extract(py).ok()?;
            Some(rows.into_iter().map(|(start, end, surface, pos)| Token { start, end, surface, pos }).collect())
        })
    }
}

type Row = (&'static str, usize, usize, f64, &'static str, Option<&'static str>);

fn row(f: Finding) -> Row {
    (f.kind, f.start, f.end, f.score, f.recognizer, f.subtype)
}

fn lang_of(lang: &str) -> PyResult<Option<Lang>> {
    Lang::parse(lang).ok_or_else(|| PyValueError::new_err(format!("lang must be 'auto', 'ja' or 'en', not {lang:?}")))
}

#[pyclass(name = "Engine", module = "mamori._core", frozen)]
struct PyEngine {
    engine: Engine,
}

#[pymethods]
impl PyEngine {
    /// An engine of the built-in recognizers named in `recognizers` (all when None); `morphology`, a
    /// callable giving the tokens of a window, serves the rules that ask for them.
    #[new]
    /// `resources` maps names to the bytes of outside data (see `Resources`).
    #[pyo3(signature = (recognizers=None, morphology=None, resources=None))]
    fn new(
        py: Python<'_>,
        recognizers: Option<Vec<String>>,
        morphology: Option<Py<PyAny>>,
        resources: Option<HashMap<String, Vec<u8>>>,
    ) -> Self {
        let morph = morphology.map(|m| Arc::new(PyMorphology(m)) as Arc<dyn Morphology>);
        let res =
            Resources { blobs: resources.unwrap_or_default().into_iter().map(|(k, v)| (k, Arc::new(v))).collect() };
        let engine =
            py.detach(|| Engine::with_resources(recognizers.as_deref(), Vec::new(), &res).with_morphology(morph));
        PyEngine { engine }
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
    fn find(&self, py: Python<'_>, text: &str, lang: &str) -> PyResult<Vec<Row>> {
        let lang = lang_of(lang)?;
        let found = py.detach(|| self.engine.find_safe(text, lang));
        found.map(|v| v.into_iter().map(row).collect()).map_err(|e| PyRuntimeError::new_err(e.0))
    }

    /// [`find`] for each text, on up to `threads` threads without the GIL; an entry is a list of
    /// rows, or a str saying why that text failed.
    #[pyo3(signature = (texts, lang="auto", threads=1))]
    fn find_many(&self, py: Python<'_>, texts: Vec<String>, lang: &str, threads: usize) -> PyResult<Vec<Py<PyAny>>> {
        let lang = lang_of(lang)?;
        let results = py.detach(|| self.engine.find_many(&texts, lang, threads));
        results
            .into_iter()
            .map(|r| match r {
                Ok(v) => Ok(v.into_iter().map(row).collect::<Vec<_>>().into_pyobject(py)?.into_any().unbind()),
                Err(e) => Ok(e.0.into_pyobject(py)?.into_any().unbind()),
            })
            .collect()
    }
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

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyEngine>()?;
    m.add_function(wrap_pyfunction!(fold, m)?)?;
    m.add_function(wrap_pyfunction!(name_flags, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
