//! EMAIL: found from each '@' outwards (a dot-atom local part and a DNS domain with an
//! alphabetic or punycode TLD); no long regex pass over the whole text.

use regex::Regex;

use crate::document::Document;
use crate::finding::Finding;
use crate::recognizer::Recognizer;

pub struct EmailRecognizer {
    domain: Regex,
}

const NAME: &str = "email";

fn local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

impl EmailRecognizer {
    pub fn new() -> Self {
        let domain = Regex::new(
            r"^(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,8}(?:[A-Za-z]{2,24}|xn--[a-z0-9\-]{1,59})",
        )
        .expect("static pattern");
        EmailRecognizer { domain }
    }
}

impl Default for EmailRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer for EmailRecognizer {
    fn name(&self) -> &'static str {
        NAME
    }

    fn entities(&self) -> &[&'static str] {
        &["EMAIL"]
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let norm = &doc.norm;
        let chars = &norm.chars;
        // the next '@' from code point `from`: `memchr` over the bytes (an ASCII byte is always its own code point)
        let find_at = |from: usize| {
            let b = norm.byte(from);
            memchr::memchr(b'@', &norm.s.as_bytes()[b..]).map(|k| norm.char_index(b + k))
        };
        let mut at = find_at(0);
        while let Some(a) = at {
            let lo = a.saturating_sub(64);
            let mut start = a;
            while start > lo && local_char(chars[start - 1]) {
                start -= 1;
            }
            while start < a && matches!(chars[start], '.' | '_' | '%' | '+' | '-') {
                start += 1;
            }
            let domain = if start < a { self.domain.find(&norm.s[norm.byte(a + 1)..]) } else { None };
            match domain {
                Some(m) => {
                    let end = norm.char_index(norm.byte(a + 1) + m.end());
                    let next_ok = match chars.get(end) {
                        Some(&c) => !(c.is_ascii_alphanumeric() || c == '_'),
                        None => true,
                    };
                    if next_ok {
                        out.push(Finding::new("EMAIL", start, end, 0.9, NAME));
                    }
                    at = find_at(end.max(a + 1));
                }
                None => at = find_at(a + 1),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn spans(text: &str) -> Vec<(usize, usize)> {
        let mut lx = Lexicon::new();
        lx.build();
        let doc = Document::new(text, None, &lx);
        let mut out = Vec::new();
        EmailRecognizer::new().find(&doc, &mut out);
        out.iter().map(|f| (f.start, f.end)).collect()
    }

    #[test]
    fn finds_addresses() {
        assert_eq!(spans("連絡先：taro.yamada@example.co.jp まで"), vec![(4, 29)]);
        assert_eq!(spans("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ"), vec![(0, 16)]);
        assert_eq!(spans("a@b @@ x@y.z .@example.com"), vec![]);
    }
}
