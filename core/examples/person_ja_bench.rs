//! The Japanese PERSON recognizer alone over a corpus: its time and its findings.
//!
//!     cargo run --release --example person_ja_bench -- TEXTS [ROUNDS] [DUMP]
//!
//! TEXTS holds the documents separated by NUL bytes. Documents are prepared (fold, keyword pass)
//! outside the timed loop, so only `PersonJaRecognizer::find` is timed. With DUMP, every finding
//! (document, start, end, score) is written there, for diffing before and after a change.

use std::io::Write;
use std::time::Instant;

use _core::document::{Document, Lang};
use _core::lexicon::Lexicon;
use _core::recognizer::Recognizer;
use _core::recognizers::person_ja::PersonJaRecognizer;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 2 {
        eprintln!("usage: person_ja_bench TEXTS [ROUNDS] [DUMP]");
        std::process::exit(2);
    }
    let data = std::fs::read_to_string(&args[1]).expect("read texts");
    let texts: Vec<&str> = data.split('\0').collect();
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(3);
    let rec = PersonJaRecognizer::new();
    let mut lx = Lexicon::new();
    for (g, w) in rec.keywords() {
        lx.add(g, w);
    }
    lx.build();
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t, None, &lx)).collect();
    for d in &docs {
        let _ = d.occurrences("person_ja.label");
    }
    let ja: Vec<&Document> = docs.iter().filter(|d| d.lang == Lang::Ja).collect();
    let bytes: usize = ja.iter().map(|d| d.text.s.len()).sum();
    if let Some(path) = args.get(3) {
        let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("dump file"));
        for (k, d) in docs.iter().enumerate() {
            if d.lang != Lang::Ja {
                continue;
            }
            let mut out = Vec::new();
            rec.find(d, &mut out);
            for x in out {
                writeln!(f, "{k}\t{}\t{}\t{}\t{}", x.start, x.end, x.score, x.kind).expect("write");
            }
        }
    }
    for _ in 0..rounds {
        let t = Instant::now();
        let mut n = 0usize;
        for d in &ja {
            let mut out = Vec::new();
            rec.find(d, &mut out);
            n += out.len();
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "person_ja: {:.2} MB/s ({n} findings, {:.3} s over {} MB)",
            bytes as f64 / secs / 1e6,
            secs,
            bytes as f64 / 1e6
        );
    }
}
