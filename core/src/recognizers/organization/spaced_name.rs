//! Organisation names written letter-spaced, as printed forms and the text copied out of them spread a field
//! over its box (`株 式 会 社 　 ミ ド リ 商 事`, `ホ シ ノ 食 品 株 式 会 社`, `北 浜 銀 行`, `医 療 法 人 青 葉 会`).
//!
//! Anchored on the spaced legal form or bank word (`会 社`, `法 人`, `銀 行`, `金 庫`, found by one byte scan for
//! the ASCII spaces of the text, so ordinary text costs one fast pass), the name is the run of single characters each one space apart right
//! after the form (one full-width space may stand between them) or right before it. Two spaces or more, a
//! mark of punctuation or a digit end it; a spaced `御 中`, `様` or `殿` after it is left out. The name needs
//! two characters at least.

use crate::document::Document;

/// The spaced words found by the byte search, each with the spaced forms that end in it and whether the name
/// may stand after the form (株式会社…) as well as before it (…銀行).
const ANCHORS: &[(&str, &[&str], bool)] = &[
    ("会 社", &["株 式 会 社", "有 限 会 社", "合 同 会 社", "合 資 会 社", "合 名 会 社"], true),
    ("法 人", &["医 療 法 人", "社 会 福 祉 法 人", "学 校 法 人", "弁 護 士 法 人", "税 理 士 法 人"], true),
    ("銀 行", &["銀 行"], false),
    ("金 庫", &["信 用 金 庫"], false),
];

/// Addressing words after a name (spaced as the name is).
const ADDRESSING: &[&str] = &["御 中", "様", "殿", "宛"];

/// A character of a spaced name: not a space, a digit or punctuation.
fn letter(c: char) -> bool {
    !c.is_whitespace()
        && !c.is_ascii_digit()
        && !c.is_ascii_punctuation()
        && !"：（）「」『』【】、。，．／｜＜＞〒※".contains(c)
}

fn at(t: &[char], i: usize, w: &str) -> bool {
    super::starts_at(t, i, w)
}

/// The spaced names of `doc`, as (start, end) with the form.
pub fn spaced_names(doc: &Document) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let t = &doc.text.chars;
    let bytes = doc.text.s.as_bytes();
    for sp in memchr::memchr_iter(b' ', bytes) {
        // the anchor's two characters around this space (both three bytes long in UTF-8)
        if sp < 3 || sp + 4 > bytes.len() || bytes[sp + 1] < 0xE0 {
            continue;
        }
        let Some((_, forms, after)) = ANCHORS.iter().find(|(a, _, _)| {
            let a = a.as_bytes();
            a[..3] == bytes[sp - 3..sp] && a[4..] == bytes[sp + 1..sp + 4]
        }) else {
            continue;
        };
        {
            let ae = doc.text.char_index(sp + 4); // end of the anchor
            let Some(form) = forms.iter().find(|f| {
                let k = f.chars().count();
                ae >= k && at(t, ae - k, f)
            }) else {
                continue;
            };
            let fs = ae - form.chars().count();
            // the form is letter-spaced text itself: a space or a line's edge on both sides
            if fs > 0 && !t[fs - 1].is_whitespace() || t.get(ae).is_some_and(|c| !c.is_whitespace()) {
                continue;
            }
            let span = if *after { name_after(t, ae).map(|e| (fs, e)) } else { None };
            if let Some(s) = span.or_else(|| name_before(t, fs).map(|s| (s, ae))) {
                out.push(s);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The end of the spaced name right after a form ending at `p`.
fn name_after(t: &[char], p: usize) -> Option<usize> {
    let s = if at(t, p, " \u{3000} ") {
        p + 3
    } else if t.get(p) == Some(&' ') {
        p + 1
    } else {
        return None;
    };
    let mut q = s;
    let mut letters = 0;
    let mut end = s;
    while t.get(q).is_some_and(|&c| letter(c)) {
        if letters > 0 && ADDRESSING.iter().any(|w| at(t, q, w)) {
            break;
        }
        letters += 1;
        end = q + 1;
        if t.get(q + 1) == Some(&' ') && t.get(q + 2).is_some_and(|&c| letter(c)) {
            q += 2;
        } else {
            break;
        }
    }
    // a letter right after the last one: not spaced text
    if t.get(end).is_some_and(|&c| letter(c)) {
        return None;
    }
    (letters >= 2).then_some(end)
}

/// The start of the spaced name right before a form starting at `fs`.
fn name_before(t: &[char], fs: usize) -> Option<usize> {
    if fs < 2 || t[fs - 1] != ' ' || !letter(t[fs - 2]) {
        return None;
    }
    let mut q = fs - 2;
    let mut letters = 1;
    while q >= 2 && t[q - 1] == ' ' && letter(t[q - 2]) {
        q -= 2;
        letters += 1;
    }
    // a letter right before the first one: not spaced text
    if q > 0 && letter(t[q - 1]) {
        return None;
    }
    (letters >= 2).then_some(q)
}

#[cfg(test)]
mod tests {
    use crate::document::Lang;
    use crate::engine::Engine;

    fn found(text: &str) -> Vec<String> {
        let e = Engine::new(Some(&["organization_legal".to_string()]), Vec::new());
        let chars: Vec<char> = text.chars().collect();
        let mut f = e.find(text, Some(Lang::Ja));
        f.sort_by_key(|f| (f.start, f.end));
        f.into_iter().map(|f| chars[f.start..f.end].iter().collect()).collect()
    }

    #[test]
    fn letter_spaced_names() {
        assert_eq!(
            found("宛 先 ： 株 式 会 社 \u{3000} ミ ド リ 商 事\u{3000}御 中\n"),
            ["株 式 会 社 \u{3000} ミ ド リ 商 事"]
        );
        assert_eq!(found("契 約 者   株 式 会 社 北 浜 ロ ジ   御 中"), ["株 式 会 社 北 浜 ロ ジ"]);
        assert_eq!(found("支 払 者\u{3000} ホ シ ノ ・ フ ー ズ 株 式 会 社\n"), ["ホ シ ノ ・ フ ー ズ 株 式 会 社"]);
        assert_eq!(found("振 込 先   港 南 銀 行   本 店"), ["港 南 銀 行"]);
        assert_eq!(found("勤 務 先   医 療 法 人 青 葉 会   （ パ ー ト ）"), ["医 療 法 人 青 葉 会"]);
        assert_eq!(found("宛 先   株 式 会 社 ミ ド リ 様"), ["株 式 会 社 ミ ド リ"]);
    }

    #[test]
    fn no_spaced_name() {
        for text in [
            "職 業   会 社 員",
            "株 式 会 社",
            "株 式 会 社   御 中",
            "この 銀 行 は",
            "銀 行",
            "株式会社 と 銀 行",
            "1 2 銀 行",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
