//! Organisation names that carry no suffix or legal form (NHK, トヨタ), from `data/org_names.txt`
//! (compiled in).

use std::collections::HashSet;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../../../mamori/detect/data/org_names.txt");

/// The listed names (one a line; blank lines and `#` comments skipped; lines stripped).
pub fn known_names() -> &'static HashSet<String> {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        DATA.lines()
            .map(|l| l.trim_matches(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)))
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    })
}

/// Whether the code points `chars` are a listed name.
pub fn is_known(chars: &[char]) -> bool {
    let s: String = chars.iter().collect();
    known_names().contains(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read() {
        assert!(known_names().contains("NHK"));
        assert!(!known_names().iter().any(|n| n.starts_with('#') || n.is_empty()));
    }
}
