//! The reader and the inference against answers python-crfsuite 0.9.12 gave.
//!
//! `tiny.crfsuite` was trained by python-crfsuite on four short sequences (labels O, B-X, I-X, B-Y;
//! attributes `w=`, `p=`, `bias`); the expected labels and marginals below are its tagger's, bit for bit.

use super::*;

const TINY: &[u8] = include_bytes!("tiny.crfsuite");

fn tag(model: &Model, items: &[&[&str]]) -> (Vec<String>, Marginals) {
    let mut scores = model.scores(items.len());
    for (t, item) in items.iter().enumerate() {
        for a in item.iter() {
            if let Some(aid) = model.attr_id(a.as_bytes()) {
                model.add(&mut scores, t, aid);
            }
        }
    }
    let labels = model.viterbi(&scores).into_iter().map(|l| model.labels()[l].clone()).collect();
    (labels, model.marginals(&scores))
}

#[test]
fn reads_the_dictionaries_of_a_tiny_model() {
    let m = Model::from_bytes(TINY).unwrap();
    assert_eq!(m.labels(), ["O", "B-X", "I-X", "B-Y"]);
    assert_eq!(m.num_attrs(), 7);
    let ids: Vec<_> =
        ["w=a", "p=0", "bias", "w=b", "p=1", "w=c", "w=d"].iter().map(|a| m.attr_id(a.as_bytes())).collect();
    assert_eq!(ids, (0..7).map(Some).collect::<Vec<_>>());
    assert_eq!(m.attr_id(b"zzz"), None);
    assert_eq!(m.attr_id(b"bias\0anything"), Some(2), "looked up as a C string");
    assert!((m.transition(1, 2) - 2.747521).abs() < 1e-6);
    assert!((m.transition(0, 0) - 0.211383).abs() < 1e-6);
    let bias: Vec<_> = m.state_features(2).to_vec();
    assert!(bias.iter().any(|&(l, w)| l == 0 && (w - 0.607463).abs() < 1e-6));
}

#[test]
fn tags_and_marginals_equal_crfsuites_to_the_bit() {
    let m = Model::from_bytes(TINY).unwrap();
    let items: &[&[&str]] =
        &[&["w=b", "p=0", "bias"], &["w=c", "p=1", "bias", "zzz"], &["w=a", "bias"], &["w=b", "w=b", "p=1"]];
    let (labels, marg) = tag(&m, items);
    assert_eq!(labels, ["B-X", "I-X", "O", "B-Y"]);
    let expected: [[u64; 4]; 4] = [
        [0x3fb1799ec3755d42, 0x3fe6961d9ce0515b, 0x3f9888791df072af, 0x3fc9d9ab0705fda9],
        [0x3fb05a4171f2dd73, 0x3fb063ac37a8f278, 0x3feb64b0fd056125, 0x3f907229b8e49bd7],
        [0x3fed5799dab4393d, 0x3f978309c7254f7c, 0x3fa28f45fbe96204, 0x3f986b2eea80c4ed],
        [0x3f9746d3a83ca4af, 0x3fd74dcc5f8f6497, 0x3f91c40393dee99c, 0x3fe310c316577142],
    ];
    for (t, row) in expected.iter().enumerate() {
        for (l, &bits) in row.iter().enumerate() {
            assert_eq!(marg.point(l, t).to_bits(), bits, "marginal of label {l} at {t}");
        }
        let total: f64 = (0..4).map(|l| marg.point(l, t)).sum();
        assert!((total - 1.0).abs() < 1e-12);
    }
}

#[test]
fn an_empty_sequence_has_no_labels() {
    let m = Model::from_bytes(TINY).unwrap();
    let (labels, _) = tag(&m, &[]);
    assert!(labels.is_empty());
}

#[test]
fn bad_bytes_are_an_error_not_a_panic() {
    assert!(Model::from_bytes(b"").is_err());
    assert!(Model::from_bytes(b"not a model at all, not a model at all, not a model").is_err());
    let mut wrong = TINY.to_vec();
    wrong[8..12].copy_from_slice(b"XXXX");
    assert!(Model::from_bytes(&wrong).is_err());
    // Every truncation and a byte flipped anywhere: an error or a model, never a panic.
    for cut in (0..TINY.len()).step_by(7) {
        assert!(Model::from_bytes(&TINY[..cut]).is_err(), "cut at {cut}");
    }
    for at in 0..TINY.len() {
        let mut b = TINY.to_vec();
        b[at] ^= 0xA5;
        let _ = Model::from_bytes(&b);
    }
    let e = Model::from_bytes(b"lCRF").unwrap_err();
    assert!(e.to_string().starts_with("not a CRFsuite CRF1d model"));
}

#[test]
fn reads_the_shipped_name_model() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../mamori/detect/data/ner-ja-wiki.crfsuite");
    let Ok(bytes) = std::fs::read(path) else {
        return; // the core built on its own, without the Python package around it
    };
    let m = Model::from_bytes(&bytes).unwrap();
    assert_eq!(
        m.labels(),
        ["O", "B-LOCATION", "I-LOCATION", "B-ORGANIZATION", "I-ORGANIZATION", "B-PERSON", "I-PERSON"]
    );
    assert_eq!(m.num_attrs(), 16488);
    assert_eq!(m.attr_id("c=山".as_bytes()), Some(2387));
    assert_eq!(m.attr_id(b"BOS"), Some(10));
    let w = |a: &str, l: u32| m.state_features(m.attr_id(a.as_bytes()).unwrap()).iter().find(|f| f.0 == l).unwrap().1;
    assert!((w("c=山", 5) - -1.505937).abs() < 1e-6);
    assert!((w("t=K", 0) - 0.076984).abs() < 1e-6);
    assert!((m.transition(1, 2) - 3.812479).abs() < 1e-6);
    assert!((m.transition(1, 4) - -6.345829).abs() < 1e-6);
}
