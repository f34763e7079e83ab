//! Profiling harness: the whole engine over a corpus, without Python.
//!
//!     cargo run --release --example throughput -- TEXTS RESOURCE_DIR [ROUNDS]
//!
//! TEXTS holds the documents separated by NUL bytes; RESOURCE_DIR holds `postal_codes.bin` and
//! `phone_metadata.bin` as `mamori.detect.core_engine._resources()` builds them. Prints MB/s of
//! UTF-8 per round (one thread). Morphology is absent here (the Python side supplies it).
//! SKIP (optional, comma-separated recognizer names) leaves those recognizers out of the run.
//! With `THREADS=N` in the environment the texts go through `Engine::detect_many` on N threads in
//! chunks of `CHUNK` texts (default 256, as `Detector.detect_many` sends them): the core's own
//! scaling, without the Python face.

use std::sync::Arc;
use std::time::Instant;

use _core::engine::{Engine, Query};
use _core::recognizers::Resources;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: throughput TEXTS RESOURCE_DIR [ROUNDS] [SKIP]");
        std::process::exit(2);
    }
    let data = std::fs::read_to_string(&args[1]).expect("read texts");
    let texts: Vec<&str> = data.split('\0').collect();
    let mut res = Resources::default();
    for name in ["postal_codes", "phone_metadata"] {
        if let Ok(b) = std::fs::read(format!("{}/{name}.bin", args[2])) {
            res.blobs.insert(name.to_string(), Arc::new(b));
        }
    }
    let rounds: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(3);
    let skip: Vec<&str> = args.get(4).map(|s| s.split(',').collect()).unwrap_or_default();
    let engine = Engine::with_resources(None, Vec::new(), &res);
    let only: Vec<String> =
        engine.recognizers().iter().map(|r| r.name().to_string()).filter(|n| !skip.contains(&n.as_str())).collect();
    let q = Query { lang: None, threshold: 0.5, types: None, only: if skip.is_empty() { None } else { Some(&only) } };
    let threads: usize = std::env::var("THREADS").ok().and_then(|t| t.parse().ok()).unwrap_or(0);
    let chunk: usize = std::env::var("CHUNK").ok().and_then(|c| c.parse().ok()).unwrap_or(256).max(1);
    for _ in 0..rounds {
        let t = Instant::now();
        let mut n = 0usize;
        if threads > 0 {
            for chunk in texts.chunks(chunk) {
                n += engine
                    .detect_many(chunk, &q, threads)
                    .iter()
                    .map(|r| r.as_ref().map_or(0, |f| f.len()))
                    .sum::<usize>();
            }
        } else {
            for text in &texts {
                n += engine.detect(text, &q).len();
            }
        }
        let secs = t.elapsed().as_secs_f64();
        println!("{:.2} MB/s ({n} findings, {:.3} s)", data.len() as f64 / secs / 1e6, secs);
    }
}
