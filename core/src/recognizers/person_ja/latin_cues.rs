//! Names in Latin letters marked as a person's by an English cue inside a Japanese document, whatever their
//! spelling (Japanese in any romanisation, `Ōta`, `OOTA`, or a foreign name):
//!
//! * an honorific glued after it, as English mails to Japanese people write them: `Ōta-san`,
//!   `Ken Arai-san`, `Daichi-sama`, `Mori-sensei`;
//! * a title before it: `Mr. OOTA`, `Ms. Priya`, `Dr. Hana Kosaka`, `Khun Somchai`;
//! * the signature under an English closing (`Best regards,` / `Sincerely,` / `Thanks,` on a line of its own):
//!   `Ken Arai`, `Priya`, `Hana Kosaka, MD`.
//!
//! The words: one to three capitalised or upper-case words of letters (an apostrophe or a hyphen inside, an
//! initial `J.`), none a common English word or a place unless it is a listed given name or surname, so that
//! `Mr. Manager` or `Best regards,⏎Sales Team` give nothing.

use super::tables::F_UPPER;
use super::Ctx;
use crate::recognizers::english_words::lexicons;

/// The longest word read, in letters.
const WORD_MAX: usize = 16;

/// Honorifics written after a name with a hyphen.
const SUFFIXES: [&str; 5] = ["san", "sama", "sensei", "kun", "chan"];
/// Titles written before a name (then a space).
const TITLES: [&str; 8] = ["Mr.", "Ms.", "Mrs.", "Dr.", "Mr", "Ms", "Mrs", "Khun"];
/// English closings standing alone on the line above a signature (lower case, without the comma).
const CLOSINGS: [&str; 14] = [
    "best regards",
    "kind regards",
    "warm regards",
    "regards",
    "best",
    "sincerely",
    "yours sincerely",
    "sincerely yours",
    "thanks",
    "thank you",
    "thank you very much",
    "many thanks",
    "cheers",
    "best wishes",
];

/// Degrees and suffixes written after a signed name with a comma (`Hana Kosaka, MD`), lower case.
const DEGREES: [&str; 10] = ["md", "phd", "mba", "rn", "dds", "jr", "sr", "esq", "cpa", "pe"];

/// Words of organisations' names (lower case): never a person's.
const ORG_WORDS: &[&str] = &[
    "kabushiki",
    "kaisha",
    "trading",
    "corporation",
    "company",
    "inc",
    "ltd",
    "llc",
    "co",
    "bank",
    "group",
    "holdings",
    "office",
    "team",
    "department",
    "center",
    "centre",
    "university",
    "school",
    "hospital",
    "clinic",
    "hotel",
    "services",
    "systems",
    "industries",
    "logistics",
    "sangyo",
    "kogyo",
];
/// The longest label read before a colon, in code points.
const LABEL_MAX: usize = 40;
/// The last word or two of an English label before a person's name (lower case).
const LABELS: &[&str] = &[
    "name",
    "names",
    "surname",
    "employee",
    "agent",
    "spouse",
    "requester",
    "author",
    "applicant",
    "insured",
    "referee",
    "guest",
    "passenger",
    "traveller",
    "traveler",
    "attendees",
    "interviewers",
    "interviewer",
    "reviewers",
    "reviewer",
    "assignee",
    "approver",
    "owner",
    "buddy",
    "present",
    "by",
    "staff",
    "approved",
    "signed for",
    "participants",
    "guardian",
    "driver",
    "beneficiary",
    "patient",
    "tenant",
    "sponsor",
    "mentor",
    "coordinator",
    "interpreter",
    "member",
];

impl Ctx<'_, '_> {
    /// Latin names after a title, before a hyphenated honorific, under an English closing.
    pub(crate) fn latin_cues(&mut self) {
        let bytes = self.doc.norm.s.as_bytes();
        let (t, n) = (self.t, self.n);
        // honorifics: a hyphen, then `san` … and no letter
        let mut from = 0;
        for k in memchr::memchr_iter(b'-', bytes) {
            let rest = &bytes[k + 1..];
            let Some(w) = SUFFIXES.iter().find(|w| rest.starts_with(w.as_bytes())) else {
                continue;
            };
            if rest.get(w.len()).is_some_and(|b| b.is_ascii_alphanumeric()) {
                continue;
            }
            let h = self.char_at_byte(from, n, k);
            from = h;
            if let Some(s) = words_before(t, h) {
                self.add(s, h, 0.8);
            }
        }
        // labels: a colon
        let mut from = 0;
        for k in memchr::memchr_iter(b':', bytes) {
            if bytes.get(k + 1) != Some(&b' ') {
                continue;
            }
            let c = self.char_at_byte(from, n, k);
            from = c;
            label_names(t, c, n, |s, e| self.found.add(s, e, 0.8));
        }
        // titles and closings start with a capital (found by their flag: few in a Japanese text)
        let mut i = self.next_flag(0, F_UPPER);
        while i < n {
            let c = i;
            i = self.next_flag(i + 1, F_UPPER);
            if c > 0 && t[c - 1].is_alphanumeric() {
                continue;
            }
            if let Some((s, e)) = capital_cue(t, c, n) {
                self.add(s, e, 0.8);
            }
        }
    }
}

/// The names of this module's cues in any text (an English document, where the Japanese rules do not run): one
/// walk over its characters.
pub(crate) fn cue_names(t: &[char], mut add: impl FnMut(usize, usize)) {
    let n = t.len();
    for (i, &c) in t.iter().enumerate() {
        if c == '-' && SUFFIXES.iter().any(|w| after(t, i + 1, w).is_some_and(|q| !is_letter(t, q))) {
            if let Some(s) = words_before(t, i) {
                add(s, i);
            }
        } else if c == ':' {
            label_names(t, i, n, &mut add);
        } else if c.is_ascii_uppercase() && (i == 0 || !t[i - 1].is_alphanumeric()) {
            if let Some((s, e)) = capital_cue(t, i, n) {
                add(s, e);
            }
        }
    }
}

/// The names after an English label heading a line and ending at the colon `c` (`Prepared by: Ken Arai`,
/// `Insured 1: SANTOS, MARIA`, `Reviewed by: Ana Ruiz, Ken Arai`): each name ends at the line's end or before a
/// separator, a bracket or two spaces; a list goes on after `,` / `;` / `/`.
fn label_names(t: &[char], c: usize, n: usize, mut add: impl FnMut(usize, usize)) {
    if t.get(c + 1) != Some(&' ') {
        return;
    }
    // the label: from the line's start (after a bullet), without a bracketed part or a number
    let lo = c.saturating_sub(LABEL_MAX);
    let Some(ls) = t[lo..c].iter().rposition(|&x| x == '\n').map(|k| lo + k + 1).or((lo == 0).then_some(0)) else {
        return;
    };
    let mut label = String::new();
    let mut depth = 0;
    for &x in &t[ls..c] {
        match x {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth > 0 => {}
            'A'..='Z' | 'a'..='z' | ' ' => label.extend(x.to_lowercase()),
            '0'..='9' | '-' | '•' | '・' | '*' | '☐' | '\t' | '\u{3000}' => label.push(' '),
            _ => return,
        }
    }
    let label = label.split_whitespace().collect::<Vec<_>>();
    if label.is_empty() || label.len() > 4 {
        return;
    }
    let tail2 = label[label.len().saturating_sub(2)..].join(" ");
    if !LABELS.contains(&label[label.len() - 1]) && !LABELS.contains(&tail2.as_str()) {
        return;
    }
    let mut p = c + 1;
    while t.get(p) == Some(&' ') {
        p += 1;
    }
    let mut after_lone = false;
    for _ in 0..8 {
        let Some(mut e) = words_at(t, p, n, 4) else {
            return;
        };
        // one word alone must be a listed name or spell Japanese (`Sort by: Date` is no name)
        if !t[p..e].contains(&' ') && !listed_or_hepburn(&t[p..e]) {
            return;
        }
        // `SANTOS, MARIA CRISTINA`: an upper-case surname, a comma, the given names
        if t[p..e].iter().all(|x| !x.is_lowercase()) && !t[p..e].contains(&' ') && t.get(e) == Some(&',') {
            if let Some(e2) = words_at(t, e + 2, n, 3).filter(|_| t.get(e + 1) == Some(&' ')) {
                if t[e + 2..e2].iter().all(|x| !x.is_lowercase()) {
                    e = e2;
                }
            }
        }
        let next = match t.get(e) {
            None | Some('\n' | '\r' | '\t' | '(' | '（' | '<') => None,
            Some(',' | ';' | '、') => Some(e + 1),
            Some(' ') => match t.get(e + 1) {
                Some('(' | '<' | '（' | '—' | '-' | '|' | '/' | '\n') => None,
                Some(' ') => None,
                _ => return,
            },
            _ => return,
        };
        // a lone word before a comma is left, and the name after it: the English rules would join the two as
        // `Surname, Given`
        let lone = !t[p..e].contains(&' ') && matches!(t.get(e), Some(',' | '、'));
        if !lone && !after_lone {
            add(p, e);
        }
        after_lone = lone;
        let Some(q) = next else {
            return;
        };
        p = q;
        while matches!(t.get(p), Some(' ' | '/')) {
            p += 1;
        }
    }
}

/// A title at the capital `i` and the name after it, or a closing heading the line at `i` and the signature
/// under it: the name's span.
fn capital_cue(t: &[char], i: usize, n: usize) -> Option<(usize, usize)> {
    // the first letters of the titles and the closings: most capitals start neither
    if !matches!(t[i], 'M' | 'D' | 'K' | 'B' | 'W' | 'R' | 'S' | 'Y' | 'T' | 'C') {
        return None;
    }
    if let Some(p) = TITLES.iter().find_map(|x| after(t, i, x)) {
        if t.get(p) != Some(&' ') {
            return None;
        }
        return words_at(t, p + 1, n, 3).map(|e| (p + 1, e));
    }
    if i == 0 || t[i - 1] == '\n' {
        return signature_after(t, closing_at(t, i, n)?, n);
    }
    None
}

/// The position after `w` at `i`, if `w` stands there.
fn after(t: &[char], i: usize, w: &str) -> Option<usize> {
    let mut p = i;
    for c in w.chars() {
        if t.get(p) != Some(&c) {
            return None;
        }
        p += 1;
    }
    Some(p)
}

/// A word of a name at `i`: its end, and whether it is an initial (`J.`).
fn word_at(t: &[char], i: usize, n: usize) -> Option<(usize, bool)> {
    if i >= n || !t[i].is_uppercase() || !is_latin(t[i]) {
        return None;
    }
    if t.get(i + 1) == Some(&'.') && !t.get(i + 2).is_some_and(|c| c.is_alphanumeric()) {
        return Some((i + 2, true));
    }
    let mut p = i + 1;
    while p < n && p - i <= WORD_MAX {
        if is_latin(t[p]) && t[p].is_alphabetic() {
            p += 1;
        } else if matches!(t[p], '\'' | '-') && t.get(p + 1).is_some_and(|&c| is_latin(c) && c.is_alphabetic()) {
            // not the possessive `'s`
            if t[p] == '\'' && matches!(t[p + 1], 's' | 'S') && !is_letter(t, p + 2) {
                break;
            }
            // `Jun'ichi`, `Sugimoto-Brown`, but not the honorific `-san`
            if t[p] == '-' && SUFFIXES.iter().any(|s| after(t, p + 1, s).is_some_and(|q| !is_letter(t, q))) {
                break;
            }
            p += 1;
        } else {
            break;
        }
    }
    if p - i < 2 || p - i > WORD_MAX || is_letter(t, p) {
        return None;
    }
    // capitalised (`Ōta`) or upper case (`OOTA`), not mixed (`McKinsey` passes: one more capital inside)
    let lower = t[i + 1..p].iter().filter(|c| c.is_lowercase()).count();
    let upper = t[i + 1..p].iter().filter(|c| c.is_uppercase()).count();
    (lower == 0 || upper <= 1).then_some((p, false))
}

/// Whether `t[p]` is a letter or a digit.
fn is_letter(t: &[char], p: usize) -> bool {
    t.get(p).is_some_and(|c| c.is_alphanumeric())
}

/// Latin letters: ASCII and Latin-1 / Extended-A / B (`Ō`, `é`, `ư`).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// Whether the word `w` reads as a name: not a common English word, a country or a state unless a listed name
/// (the towns are too many: `Arai`, `Minori` are towns somewhere).
fn name_word(w: &[char]) -> bool {
    let low: String = w.iter().flat_map(|c| c.to_lowercase()).collect();
    let lx = lexicons();
    if lx.given.contains(low.as_str()) || lx.surnames.contains(low.as_str()) {
        return true;
    }
    if ORG_WORDS.contains(&low.as_str()) {
        return false;
    }
    // an acronym (`TBD`, `QA`) is none
    if w.len() <= 3 && w.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    !(lx.common.contains(low.as_str())
        || lx.places.get(low.as_str()).is_some_and(|&k| k != "T")
        || lx.stop_words.contains(low.as_str()))
}

/// Whether the word `w` is a listed given name or surname or spells Japanese in Hepburn.
fn listed_or_hepburn(w: &[char]) -> bool {
    let low: String = w.iter().flat_map(|c| c.to_lowercase()).collect();
    let lx = lexicons();
    lx.given.contains(low.as_str())
        || lx.surnames.contains(low.as_str())
        || (low.is_ascii() && low.len() >= 3 && super::hepburn(low.as_bytes()))
}

/// One to `max` words of a name from `i`, joined by single spaces: the end of the last.
fn words_at(t: &[char], i: usize, n: usize, max: usize) -> Option<usize> {
    let mut p = i;
    let mut end = None;
    let mut full = 0;
    for _ in 0..max {
        let Some((e, initial)) = word_at(t, p, n) else {
            break;
        };
        if !initial {
            if !name_word(&t[p..e]) {
                break;
            }
            full += 1;
            end = Some(e);
        }
        if t.get(e) != Some(&' ') {
            break;
        }
        p = e + 1;
    }
    end.filter(|_| full > 0)
}

/// One or two words of a name ending at `h` (before a hyphenated honorific): their start.
fn words_before(t: &[char], h: usize) -> Option<usize> {
    let mut s = h;
    while s > 0 && (t[s - 1].is_alphabetic() || t[s - 1] == '\'') && h - s <= WORD_MAX {
        s -= 1;
    }
    if s == h || (s > 0 && (t[s - 1].is_alphanumeric() || matches!(t[s - 1], '.' | '@' | '_' | '-' | '/'))) {
        return None;
    }
    if word_at(t, s, h + 1).map(|x| x.0) != Some(h) || !name_word(&t[s..h]) {
        return None;
    }
    // a given name before the surname: `Ken Arai-san`
    if s >= 3 && t[s - 1] == ' ' {
        let mut f = s - 1;
        while f > 0 && t[f - 1].is_alphabetic() && s - f <= WORD_MAX {
            f -= 1;
        }
        let free = f == 0 || !(t[f - 1].is_alphanumeric() || matches!(t[f - 1], '.' | '@' | '_' | '-' | '/'));
        if f < s - 1 && free && word_at(t, f, s).map(|x| x.0) == Some(s - 1) && name_word(&t[f..s - 1]) {
            let lx = lexicons();
            let low: String = t[f..s - 1].iter().flat_map(|c| c.to_lowercase()).collect();
            if lx.given.contains(low.as_str()) {
                return Some(f);
            }
        }
    }
    Some(s)
}

/// An English closing filling the line from `i`: the end of the line.
fn closing_at(t: &[char], i: usize, n: usize) -> Option<usize> {
    let le = t[i..n.min(i + 24)].iter().position(|&c| c == '\n').map(|k| i + k)?;
    if !t[i..le].iter().all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | ',' | '!' | '.' | '\r')) {
        return None;
    }
    let mut e = le;
    while e > i && matches!(t[e - 1], ' ' | ',' | '!' | '.' | '\r') {
        e -= 1;
    }
    let low: String = t[i..e].iter().flat_map(|c| c.to_lowercase()).collect();
    CLOSINGS.contains(&low.as_str()).then_some(le)
}

/// The signature on the line after the closing ending at `le` (one blank line allowed): a name filling the
/// line, or followed by `,` / `|` / `(` / `<` / two spaces.
fn signature_after(t: &[char], le: usize, n: usize) -> Option<(usize, usize)> {
    let mut s = le + 1;
    if t.get(s) == Some(&'\n') {
        s += 1;
    }
    while t.get(s) == Some(&' ') {
        s += 1;
    }
    let e = words_at(t, s, n, 3)?;
    // `Shoji, Haruki`: the surname first, then a comma and the given name ending the line (not `, MD`)
    if t.get(e) == Some(&',') && t.get(e + 1) == Some(&' ') {
        if let Some(e2) = words_at(t, e + 2, n, 1) {
            let low: String = t[e + 2..e2].iter().flat_map(|c| c.to_lowercase()).collect();
            if matches!(t.get(e2), None | Some('\n' | '\r')) && !DEGREES.contains(&low.as_str()) {
                return Some((s, e2));
            }
        }
    }
    let ok = match t.get(e) {
        None | Some('\n' | '\r' | ',' | '|' | '(' | '<' | '（' | '\t') => true,
        Some(' ') => matches!(t.get(e + 1), None | Some('\n' | ' ' | '|' | '(' | '<' | '-' | '/')),
        _ => false,
    };
    ok.then_some((s, e))
}

#[cfg(test)]
mod tests {
    use crate::recognizers::person_ja::tests::names;

    fn has(text: &str, name: &str) -> bool {
        names(text).iter().any(|x| x == name)
    }

    #[test]
    fn names_before_a_hyphenated_honorific() {
        assert!(has("Please ask Ōkubo-san (3F) about it.\n", "Ōkubo"));
        assert!(has("Escalated to Kurosawa-san for approval.\n", "Kurosawa"));
        assert!(has("Hi Ken Arai-san, thanks.\n", "Ken Arai"));
        assert!(!has("re-sample and re-san\n", "re"));
    }

    #[test]
    fn names_after_a_title() {
        assert!(has("You will meet Mr. TOKIWA (site manager).\n", "TOKIWA"));
        assert!(has("発注は Ms. Wanida (Bangkok)\n", "Wanida"));
        assert!(has("Khun Somsak at the Bangkok office agreed.\n", "Somsak"));
        assert!(!has("Dr. Manager\n", "Manager"));
        assert!(has("Please send Mr. Hirose's number.\n", "Hirose"));
    }

    #[test]
    fn names_after_an_english_label() {
        assert!(has("報告\nPrepared by: Rikuto Hanamaki, Branch Manager\n", "Rikuto Hanamaki"));
        assert!(has("  Insured 1: MORALES, ELENA GRACE  Passport No. X1\n", "MORALES, ELENA GRACE"));
        assert!(has("Reviewed by: Ana Ruiz, Kenji Tobe\n", "Kenji Tobe"));
        assert!(has("Full name (as in passport): KUMAR ASHA\n", "KUMAR ASHA"));
        assert_eq!(names("Owner: Sales Team\nName: Product Manager\nInterviewer: Date TBD\n"), Vec::<String>::new());
    }

    #[test]
    fn signatures_under_a_closing() {
        assert!(has("Thank you.\n\nSincerely,\nHaruto Kobori, MD\nChair\n", "Haruto Kobori"));
        assert!(has("よろしく\nBest,\nMinori\n--\n", "Minori"));
        assert!(has("Regards,\nKoshiba, Natsuki\nSales\n", "Koshiba, Natsuki"));
        assert!(has("Regards,\nNatsuki Koshiba, MD\n", "Natsuki Koshiba"));
        assert!(!has("Best regards,\nSales Team\n", "Sales Team"));
    }
}
