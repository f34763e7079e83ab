//! Japanese addresses written in Latin letters, in the English order: `5-2-9 Umenoki-dori, Higashi-ku,
//! Okayama`, `Kotobuki Bldg. 3F, 2-8-14 Nishiki, Naka-ku, Nagoya`, `Kitashinagawa 3-5-12, Shinagawa-ku, Tokyo`.
//!
//! What makes one is the municipality in its romanised form, a capitalised word joined to its kind by a
//! hyphen (`-ku`, `-shi`, `-gun`, `-cho`, `-machi`, `-mura`), after the block numbers (1 to 4 numbers
//! joined by hyphens) and the town. A building with its floor may open the address; the city or the
//! prefecture (`Tokyo`, `Osaka-fu`) and `Japan` may close it. The postal code after it is not part of the
//! span (the postal code recognizer reads it, see [`ends_before`]).
//!
//! Both the Japanese and the English address recognizers report these spans: such an address stands
//! in English mail and CVs as much as inside Japanese text.

use std::sync::OnceLock;

use regex::Regex;

use crate::document::Document;

/// The address pattern, on the folded text (full-width letters and digits are ASCII there).
fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let word = r"[A-Z][a-z]+";
        let building = r"(?:Bldg\.?|Building|Bld\.|Tower|Heights|Mansion|Residence|Hills|Plaza|Court|House)";
        let floor = r"(?:\d{1,2}F|#?\d{1,4}|\d{1,2}(?:st|nd|rd|th) Floor)";
        let blocks = r"\d{1,4}(?:-\d{1,4}){1,3}";
        let town = format!(r"{word}(?:-[a-z]+)?(?: {word})?");
        let kinds = r"(?:ku|shi|gun|cho|machi|mura)";
        let tail = format!(r"(?:,? {word}(?:-(?:shi|ken|fu|to))?)");
        Regex::new(&format!(
            r"(?:\b(?:{word} ){{1,4}}{building}(?:,? {floor})?,? )?(?:\b{blocks},? {town}|\b{town} {blocks}),? {word}-{kinds}\b{tail}?{tail}?(?:,? Japan)?\b"
        ))
        .expect("static pattern")
    })
}

/// The municipality kinds with their hyphen: the keywords a host recognizer registers under its group
/// name ([`KINDS`] found by the document's keyword pass, so the text is not scanned again).
pub(crate) const KINDS: [&str; 6] = ["-ku", "-shi", "-gun", "-cho", "-machi", "-mura"];

/// A kind at `k` (its hyphen) joined to a capitalised word and ending a word: `Hakata-ku,`.
fn kind_at(c: &[char], k: usize, len: usize) -> bool {
    let mut w = k;
    while w > 0 && c[w - 1].is_ascii_lowercase() {
        w -= 1;
    }
    w < k && w > 0 && c[w - 1].is_ascii_uppercase() && !c.get(k + len).is_some_and(|ch| ch.is_ascii_alphanumeric())
}

/// The romanised Japanese addresses of the document: (start, end) in code points. `group`: the host's
/// keyword group of [`KINDS`].
pub(crate) fn spans(doc: &Document, group: &str) -> Vec<(usize, usize)> {
    let norm = &doc.norm;
    let occ = doc.occurrences(group);
    if !occ.starts.iter().zip(&occ.ends).any(|(&s, &e)| kind_at(&norm.chars, s, e - s)) {
        return Vec::new();
    }
    pattern().find_iter(&norm.s).map(|m| (norm.char_index(m.start()), norm.char_index(m.end()))).collect()
}

/// A hyphen before a municipality kind in `s` (a line): the pattern can match only then.
fn may_hold(s: &str) -> bool {
    s.match_indices('-').any(|(b, _)| KINDS.iter().any(|k| s.as_bytes()[b..].starts_with(k.as_bytes())))
}

/// A romanised Japanese address ends right before `pos` (past one space or comma): the postal code
/// at `pos` belongs to it (`…, Chuo-ku, Tokyo 104-0061`).
pub(crate) fn ends_before(doc: &Document, pos: usize) -> bool {
    let c = &doc.norm.chars;
    let mut e = pos;
    while e > 0 && matches!(c[e - 1], ' ' | ',') && pos - e < 2 {
        e -= 1;
    }
    let ls = crate::document::line_start(c, e, 120);
    let (b0, b1) = (doc.norm.byte(ls), doc.norm.byte(e));
    let line = &doc.norm.s[b0..b1];
    may_hold(line) && pattern().find_iter(line).any(|m| m.end() == line.len())
}

#[cfg(test)]
mod tests {
    use crate::document::Lang;
    use crate::engine::Engine;

    fn found(text: &str, lang: Lang) -> Vec<(String, String)> {
        let engine = Engine::new(None, Vec::new());
        let chars: Vec<char> = text.chars().collect();
        engine
            .find(text, Some(lang))
            .into_iter()
            .filter(|f| f.kind == "ADDRESS" || f.kind == "POSTAL_CODE")
            .map(|f| (f.kind.to_string(), chars[f.start..f.end].iter().collect()))
            .collect()
    }

    fn of(kind: &str, v: &str) -> (String, String) {
        (kind.to_string(), v.to_string())
    }

    #[test]
    fn english_order_in_english_and_in_japanese_text() {
        assert_eq!(
            found("Please ship to 1-8-22 Nishiki, Naka-ku, Nagoya 460-0003 by Monday.", Lang::En),
            [of("ADDRESS", "1-8-22 Nishiki, Naka-ku, Nagoya")]
        );
        assert_eq!(
            found("Office: Midori Tower 12F, 5-6-7 Umeda, Kita-ku, Osaka-shi, Osaka, Japan", Lang::En),
            [of("ADDRESS", "Midori Tower 12F, 5-6-7 Umeda, Kita-ku, Osaka-shi, Osaka, Japan")]
        );
        assert_eq!(
            found("新住所は Sakuragaoka 2-14, Setagaya-ku, Tokyo です。", Lang::Ja),
            [of("ADDRESS", "Sakuragaoka 2-14, Setagaya-ku, Tokyo")]
        );
    }

    #[test]
    fn the_postal_code_after_the_address() {
        let lx = crate::lexicon::Lexicon::new();
        let text = "Ship to 1-8-22 Nishiki, Naka-ku, Nagoya 460-0003\nCall 052-123-4567";
        let doc = crate::document::Document::new(text, Some(Lang::En), &lx);
        let at = |w: &str| text.find(w).map(|b| text[..b].chars().count()).unwrap_or(0);
        assert!(super::ends_before(&doc, at("460-0003")));
        assert!(!super::ends_before(&doc, at("052-123")));
    }

    #[test]
    fn no_municipality_no_address() {
        // numbers and words without a romanised municipality kind, or a kind not after blocks and a town
        assert!(found("Version 2-3-1 Hakata release, see Release notes", Lang::En).is_empty());
        assert!(found("We met in Shibuya-ku yesterday at 3-4 pm.", Lang::En).is_empty());
        assert!(found("Ticket 12-34 Tanaka-san, re-check", Lang::En).is_empty());
    }
}
