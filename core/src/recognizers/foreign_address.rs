//! Foreign addresses in Latin letters after an address label of a Japanese document: a form's
//! `住所：Rua Augusta, 1187, apto 42, Curitiba - PR`, a CV's `Permanent address: Ward No. 6,
//! Putalibazar Municipality, Syangja, Nepal`, a hotel card's `住所 Address：Schillerstraße 23, 04109 Leipzig`.
//!
//! No list of the world's places stands behind it: the label says what the line is, and the value's
//! shape says it is an address and not a note (`住所：同上`, `Address: see below`): Latin letters,
//! at least one digit (a house, a postal code) and at least one comma between its parts, no e-mail
//! address or link. The span runs to the end of the line, less a closing note in brackets written in
//! Japanese (`（韓国）`). Japanese addresses in Latin letters of the English order are read by
//! [`super::romaji_address`]; this reads what no Japanese place name anchors.

use crate::document::{line_end, Document, LINE_LIMIT};

/// The label words registered by the host recognizer under its group name (ASCII ones stand as words).
pub(crate) const LABELS: [&str; 6] = ["address", "住所", "現住所", "本国住所", "居所", "所在地"];

/// Words before `address` that make it another kind of address (`E-mail address`, `IP address`).
const NOT_POSTAL: [&str; 6] = ["mail", "e-mail", "email", "ip", "web", "mac"];

/// Shortest and longest value read as an address, in code points.
const MIN_LEN: usize = 10;
const MAX_LEN: usize = 120;

/// The spans of foreign addresses after the labels found under `group`.
pub(crate) fn spans(doc: &Document, group: &str) -> Vec<(usize, usize)> {
    let t = &doc.norm.chars;
    let low = &doc.lower().chars;
    let occ = doc.occurrences(group);
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (&ks, &ke) in occ.starts.iter().zip(&occ.ends) {
        if out.last().is_some_and(|&(_, e)| ks < e) {
            continue;
        }
        let ascii = low[ks].is_ascii();
        if ascii && !(word_edge(low, ks) && word_edge(low, ke) && postal_kind(low, ks)) {
            continue;
        }
        if let Some(span) = value_after(t, ke) {
            out.push(span);
        }
    }
    out
}

/// `p` is a word boundary for an ASCII keyword (no ASCII letter on both sides of it).
fn word_edge(low: &[char], p: usize) -> bool {
    p == 0 || p >= low.len() || !(low[p - 1].is_ascii_alphabetic() && low[p].is_ascii_alphabetic())
}

/// The word before `address` at `ks` does not make it an e-mail, IP or web address.
fn postal_kind(low: &[char], ks: usize) -> bool {
    let mut e = ks;
    while e > 0 && low[e - 1] == ' ' {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && (low[s - 1].is_ascii_alphabetic() || low[s - 1] == '-') {
        s -= 1;
    }
    let word: String = low[s..e].iter().collect();
    !NOT_POSTAL.contains(&word.as_str())
}

/// The address value after a label ending at `ke`: past a short gap (spaces, `:` / `：`, a repeated
/// English label `Address`, a qualifier such as `in Thailand`), the rest of the line when its shape is
/// an address.
fn value_after(t: &[char], ke: usize) -> Option<(usize, usize)> {
    let le = line_end(t, ke, LINE_LIMIT);
    // the gap: up to a colon within a few words, or spaces alone
    let gap_end = {
        let colon = t[ke..le.min(ke + 24)].iter().position(|&c| c == ':' || c == '：').map(|k| ke + k + 1);
        let mut p = match colon {
            Some(c) if t[ke..c - 1].iter().all(|&x| x == ' ' || x.is_ascii_alphabetic()) => c,
            _ => ke,
        };
        while p < le && matches!(t[p], ' ' | '\t') {
            p += 1;
        }
        p
    };
    if gap_end == ke && ke < le && !matches!(t[ke], ' ' | '\t') {
        return None; // the label runs on into a word (住所変更, addressed)
    }
    let s = gap_end;
    let mut e = le;
    while e > s && t[e - 1] == ' ' {
        e -= 1;
    }
    // a note in Japanese in brackets closing the line: (韓国), （勤務先気付）
    if e > s && matches!(t[e - 1], ')' | '）') {
        if let Some(o) = t[s..e].iter().rposition(|&c| c == '(' || c == '（').map(|o| s + o) {
            if t[o + 1..e - 1].iter().any(|c| !c.is_ascii()) {
                e = o;
                while e > s && t[e - 1] == ' ' {
                    e -= 1;
                }
            }
        }
    }
    address_shaped(&t[s..e]).then_some((s, e))
}

/// A value shaped as an address in Latin letters: starts with a letter or digit, holds a digit and a
/// comma, no `@` or link, and at least two thirds of its letters are Latin.
fn address_shaped(v: &[char]) -> bool {
    if v.len() < MIN_LEN || v.len() > MAX_LEN || !v[0].is_alphanumeric() {
        return false;
    }
    let s: String = v.iter().collect();
    let low = s.to_lowercase();
    if s.contains('@') || low.contains("http") || low.contains("www.") {
        return false;
    }
    let letters = v.iter().filter(|c| c.is_alphabetic()).count();
    let latin =
        v.iter().filter(|&&c| c.is_alphabetic() && (c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c))).count();
    // parts between commas open with a capital or a digit, as place names and numbers do (`see the
    // attached form, page 2` is a note)
    let opens =
        |part: &[char]| part.iter().find(|c| **c != ' ').is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let parts: Vec<&[char]> = v.split(|&c| c == ',').collect();
    v.iter().any(|c| c.is_ascii_digit())
        && parts.len() >= 2
        && opens(parts[0])
        && parts.iter().filter(|p| opens(p)).count() >= 2
        && latin >= 4
        && latin * 3 >= letters * 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Lang;
    use crate::lexicon::Lexicon;

    fn found(text: &str) -> Vec<String> {
        let mut lx = Lexicon::new();
        lx.add("t.label", LABELS);
        lx.build();
        let doc = Document::new(text, Some(Lang::Ja), &lx);
        spans(&doc, "t.label").into_iter().map(|(s, e)| doc.text.slice(s, e).to_string()).collect()
    }

    #[test]
    fn foreign_addresses_after_labels() {
        assert_eq!(
            found("氏名：Ana PEREIRA\n住所：Avenida Paulista, 1578, Bela Vista, São Paulo\n"),
            ["Avenida Paulista, 1578, Bela Vista, São Paulo"]
        );
        assert_eq!(
            found("Permanent address: Tole 4, Bharatpur-10, Chitwan, Nepal\n"),
            ["Tole 4, Bharatpur-10, Chitwan, Nepal"]
        );
        assert_eq!(found("住所 Address：Kastanienallee 7, 10435 Berlin\n"), ["Kastanienallee 7, 10435 Berlin"]);
        assert_eq!(
            found("Address in Vietnam: 25 Ly Thuong Kiet, Hoan Kiem, Ha Noi\n"),
            ["25 Ly Thuong Kiet, Hoan Kiem, Ha Noi"]
        );
        assert_eq!(
            found("住所\u{3000}Busan, Haeundae-gu, Centum 3-ro 20（韓国）\n"),
            ["Busan, Haeundae-gu, Centum 3-ro 20"]
        );
    }

    #[test]
    fn not_addresses() {
        // notes, e-mail and IP addresses, Japanese addresses (read by the Japanese rules), words running on
        assert!(found("住所：同上\nAddress: see the attached form, page 2\n").is_empty());
        assert!(found("E-mail address: k.ito@example.com, 2nd\nIP address: 10.0.0.12, gateway\n").is_empty());
        assert!(found("住所：大阪府堺市北区1-2-3, 4F\n").is_empty());
        assert!(found("住所変更 Tokyo, 2024\naddressed to Unit 5, Block 2\n").is_empty());
        assert!(found("Address: Tokyo office\n").is_empty());
    }
}
