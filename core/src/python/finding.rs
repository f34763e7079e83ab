//! `mamori.detect.finding.Finding`, the Python face of a finding, built here so that detection
//! hands Python finished objects: one allocation per finding, no Python code run per finding.
//!
//! Invariants: `type`, `recognizer` and `subtype` of findings made by the engine are interned
//! Python strings (one object per name, see [`Names`]); `text` is the slice `[start, end)` of
//! the Python string that was searched (made with `PyUnicode_Substring`, so the caller's exact
//! code points, lone surrogates included). The class is frozen: treat a finding as a value.
//! What is Python's already (the masked rendering, rounding) is asked of Python, not redone.

use std::collections::HashMap;
use std::sync::Mutex;

use pyo3::basic::CompareOp;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::finding::Finding;

/// A typed span of the original text. Treat it as immutable.
///
/// ``start``/``end`` are code-point offsets into the text given to the detector (end exclusive).
/// ``text`` holds the raw value and is kept out of ``repr``, so that a finding printed to a log
/// shows only its :attr:`masked` rendering.
#[pyclass(name = "Finding", module = "mamori.detect.finding", frozen)]
pub struct PyFinding {
    #[pyo3(get, name = "type")]
    kind: Py<PyString>,
    #[pyo3(get)]
    start: isize,
    #[pyo3(get)]
    end: isize,
    #[pyo3(get)]
    score: f64,
    #[pyo3(get)]
    recognizer: Py<PyString>,
    #[pyo3(get)]
    text: Py<PyString>,
    #[pyo3(get)]
    subtype: Option<Py<PyString>>,
}

static MASK_VALUE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static ROUND: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn python_function<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyAny>>,
    module: &str,
    name: &str,
) -> PyResult<&'py Bound<'py, PyAny>> {
    cell.get_or_try_init(py, || Ok::<_, PyErr>(py.import(module)?.getattr(name)?.unbind())).map(|f| f.bind(py))
}

#[pymethods]
impl PyFinding {
    #[new]
    #[pyo3(signature = (r#type, start, end, score, recognizer, text=None, subtype=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        r#type: Py<PyString>,
        start: isize,
        end: isize,
        score: f64,
        recognizer: Py<PyString>,
        text: Option<Py<PyString>>,
        subtype: Option<Py<PyString>>,
    ) -> Self {
        let text = text.unwrap_or_else(|| PyString::new(py, "").unbind());
        PyFinding { kind: r#type, start, end, score, recognizer, text, subtype }
    }

    /// The value with most of it hidden (山田太郎 → 山田■■, 090-****-5678).
    #[getter]
    fn masked<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        python_function(py, &MASK_VALUE, "mamori.detect.mask", "mask_value")?.call1((&self.kind, &self.text))
    }

    /// ``end - start``.
    #[getter]
    fn length(&self) -> isize {
        self.end - self.start
    }

    /// Whether the two spans share a code point.
    fn overlaps(&self, other: PyRef<'_, PyFinding>) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// A JSON-ready dict. The raw value is included only when ``raw`` is asked for.
    #[pyo3(signature = (*, raw=false))]
    fn to_dict<'py>(&self, py: Python<'py>, raw: bool) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        out.set_item("start", self.start)?;
        out.set_item("end", self.end)?;
        out.set_item("type", &self.kind)?;
        out.set_item("score", python_function(py, &ROUND, "builtins", "round")?.call1((self.score, 3))?)?;
        out.set_item("recognizer", &self.recognizer)?;
        out.set_item("masked", self.masked(py)?)?;
        if let Some(sub) = self.subtype.as_ref().filter(|s| !s.bind(py).is_empty().unwrap_or(true)) {
            out.set_item("subtype", sub)?;
        }
        if raw {
            out.set_item("text", &self.text)?;
        }
        Ok(out)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let sub = match &self.subtype {
            Some(s) if !s.bind(py).is_empty()? => format!("/{}", s.bind(py).to_cow()?),
            _ => String::new(),
        };
        let score = self.score.into_pyobject(py)?.call_method1("__format__", (".2f",))?;
        let masked = self.masked(py)?.repr()?;
        Ok(format!(
            "Finding({}{sub} {}:{} score={score} masked={masked} by {})",
            self.kind.bind(py).to_cow()?,
            self.start,
            self.end,
            self.recognizer.bind(py).to_cow()?
        ))
    }

    /// Equal when every field is (as the dataclass it replaces); unhashable, like it.
    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<PyFinding>() else {
            return Ok(py.NotImplemented());
        };
        let other = other.get();
        let same = || -> PyResult<bool> {
            Ok(self.start == other.start
                && self.end == other.end
                && self.score == other.score
                && same_str(py, &self.kind, &other.kind)?
                && same_str(py, &self.recognizer, &other.recognizer)?
                && same_str(py, &self.text, &other.text)?
                && match (&self.subtype, &other.subtype) {
                    (None, None) => true,
                    (Some(a), Some(b)) => same_str(py, a, b)?,
                    _ => false,
                })
        };
        match op {
            CompareOp::Eq => Ok(same()?.into_pyobject(py)?.to_owned().into_any().unbind()),
            CompareOp::Ne => Ok((!same()?).into_pyobject(py)?.to_owned().into_any().unbind()),
            _ => Ok(py.NotImplemented()),
        }
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let f = slf.get();
        let args = (&f.kind, f.start, f.end, f.score, &f.recognizer, &f.text, &f.subtype).into_pyobject(py)?;
        PyTuple::new(py, [slf.get_type().into_any(), args.into_any()])
    }
}

fn same_str(py: Python<'_>, a: &Py<PyString>, b: &Py<PyString>) -> PyResult<bool> {
    Ok(a.is(b) || PyAnyMethods::eq(a.bind(py).as_any(), b.bind(py))?)
}

/// Python strings for the engine's names (types, recognizers, subtypes: `&'static str`), made once
/// per engine and handed out as new references.
#[derive(Default)]
pub struct Names {
    made: Mutex<HashMap<(usize, usize), Py<PyString>>>,
}

impl Names {
    fn lookup(
        &self,
        py: Python<'_>,
        map: &mut HashMap<(usize, usize), Py<PyString>>,
        name: &'static str,
    ) -> Py<PyString> {
        map.entry((name.as_ptr() as usize, name.len()))
            .or_insert_with(|| PyString::intern(py, name).unbind())
            .clone_ref(py)
    }

    /// The engine's findings in `text` (the Python string that was searched) as a list of `Finding`s.
    pub fn findings<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        found: Vec<Finding>,
    ) -> PyResult<Bound<'py, PyList>> {
        let mut map = self.made.lock().map_err(|_| PyValueError::new_err("name table poisoned"))?;
        let mut out = Vec::with_capacity(found.len());
        for f in found {
            let value = substring(text, f.start, f.end)?;
            let made = PyFinding {
                kind: self.lookup(py, &mut map, f.kind),
                start: f.start as isize,
                end: f.end as isize,
                score: f.score,
                recognizer: self.lookup(py, &mut map, f.recognizer),
                text: value.unbind(),
                subtype: f.subtype.map(|s| self.lookup(py, &mut map, s)),
            };
            out.push(Bound::new(py, made)?);
        }
        PyList::new(py, out)
    }
}

/// `text[start:end]` in code points, a new Python string.
fn substring<'py>(text: &Bound<'py, PyString>, start: usize, end: usize) -> PyResult<Bound<'py, PyString>> {
    let (start, end) = (start as pyo3::ffi::Py_ssize_t, end as pyo3::ffi::Py_ssize_t);
    // SAFETY: `text` is a live `str` (a `Bound` holds a strong reference and the GIL is held).
    // `PyUnicode_Substring` checks its bounds (a negative start is an error, an end past the string
    // is clamped) and returns a new reference, or NULL with an exception set, which
    // `from_owned_ptr_or_err` turns into `Err`. The object is a `str`, so the cast is sound.
    unsafe {
        let ptr = pyo3::ffi::PyUnicode_Substring(text.as_ptr(), start, end);
        Ok(Bound::from_owned_ptr_or_err(text.py(), ptr)?.cast_into_unchecked())
    }
}

/// The UTF-8 of a Python string for the engine. A string with lone surrogates (which UTF-8 cannot
/// hold) is read with each surrogate as U+FFFD: both take three bytes in this encoding and one code
/// point, so every offset stays that of the original string.
pub fn utf8_of<'a>(text: &'a Bound<'_, PyString>) -> PyResult<std::borrow::Cow<'a, str>> {
    match text.to_str() {
        Ok(s) => Ok(std::borrow::Cow::Borrowed(s)),
        Err(_) => {
            let encoded = text.call_method1("encode", ("utf-8", "surrogatepass"))?;
            let mut bytes: Vec<u8> = encoded.extract()?;
            let mut i = 0;
            while i + 2 < bytes.len() {
                if bytes[i] == 0xED && (0xA0..=0xBF).contains(&bytes[i + 1]) {
                    bytes[i..i + 3].copy_from_slice("\u{FFFD}".as_bytes());
                    i += 3;
                } else {
                    i += 1;
                }
            }
            String::from_utf8(bytes)
                .map(std::borrow::Cow::Owned)
                .map_err(|e| PyValueError::new_err(format!("text is not valid Unicode: {e}")))
        }
    }
}
