//! mamori's detection engine core: the hot path of `mamori.detect`, in plain Rust.
//!
//! A text goes through [`document::Document`] (the length-preserving fold, the language, one
//! Aho-Corasick keyword pass), every [`recognizer::Recognizer`] proposes scored
//! [`finding::Finding`]s over it, and [`settle::settle`] resolves overlaps. [`engine::Engine`]
//! holds the warm recognizers and their lexicon and runs that pipeline, for one text or many on
//! several threads.
//!
//! Invariants every module keeps:
//! * offsets are code-point indices into the original text, end exclusive, `start <= end <= len`;
//! * the folded text has exactly as many code points as the original;
//! * no regular expression backtracks (the `regex` crate guarantees linear time);
//! * nothing here panics on any input; the Python binding still catches a panic per text.
//!
//! The Python binding (`mamori._core`) lives in [`python`] and is compiled only with the
//! `python` feature, so `cargo test` exercises the engine without an interpreter.

pub mod checksums;
pub mod crf;
pub mod custom;
pub mod document;
pub mod engine;
pub mod finding;
pub mod fold;
pub mod lexicon;
pub mod morphology;
pub mod ner;
pub mod pieces;
pub mod pystr;
#[rustfmt::skip]
#[allow(clippy::all)]
mod pystr_tables;
pub mod recognizer;
pub mod recognizers;
pub mod settle;
pub mod spaced_labels;
pub mod table;
pub mod text;

#[cfg(feature = "python")]
mod python;

/// mimalloc for every Rust allocation of the core (the extension module and the examples; Python's
/// own objects keep Python's allocator). Chosen by measurement: fewer instructions and less time
/// than glibc's malloc for the many small per-text vectors (see docs/benchmarks.md, issue 12).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
