//! Parity harness: every finding of the engine over a corpus, one per line, for diffing.
//!
//!     cargo run --release --example findings -- TEXTS RESOURCE_DIR > out.txt
//!
//! For each document prints the raw findings of every recognizer (`find`, unsettled, any score)
//! and then the settled answer (`detect` at 0.5): kind, start, end, score (exact), recognizer, subtype.

use std::io::Write;
use std::sync::Arc;

use _core::engine::{Engine, Query};
use _core::recognizers::Resources;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: findings TEXTS RESOURCE_DIR");
        std::process::exit(2);
    }
    let data = std::fs::read_to_string(&args[1]).expect("read texts");
    let mut res = Resources::default();
    for name in ["postal_codes", "phone_metadata"] {
        if let Ok(b) = std::fs::read(format!("{}/{name}.bin", args[2])) {
            res.blobs.insert(name.to_string(), Arc::new(b));
        }
    }
    let engine = Engine::with_resources(None, Vec::new(), &res);
    let q = Query { lang: None, threshold: 0.5, types: None, only: None };
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for (d, text) in data.split('\0').enumerate() {
        for f in engine.find(text, None) {
            let _ =
                writeln!(out, "{d} F {} {} {} {:?} {} {:?}", f.kind, f.start, f.end, f.score, f.recognizer, f.subtype);
        }
        for f in engine.detect(text, &q) {
            let _ =
                writeln!(out, "{d} D {} {} {} {:?} {} {:?}", f.kind, f.start, f.end, f.score, f.recognizer, f.subtype);
        }
    }
}
