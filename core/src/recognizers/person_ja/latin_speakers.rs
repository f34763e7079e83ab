//! Latin-letter speakers of chat logs inside Japanese documents, which the kana / kanji / Hepburn readers of
//! [`super::chat_names`] leave: a handle or a name of any spelling heading a line with a time,
//!
//! * alone with the time (the message on the next line): `ana.ruiz  10:02`, `Ana R.  9:14 AM`,
//!   `Ana Ruiz  [9:41]`, `ana.ruiz 11/30 10:11` (an optional `↳ ` before it, as threads indent replies);
//! * before a colon after a time stamp: `[2026/12/03 18:05] Ruiz, Ana: …`, `18:35 Ana: …`,
//!   `[12/6/26, 8:14:02 PM] Ana Ruiz: …`;
//!
//! and the same names after `@` in the log (`@ana.ruiz`, `@Ana R.`), and any handle after `@` in a log that
//! has such speakers. A handle (`ana.ruiz`, `a_ruiz`: lower-case words joined by `.` or `_`) counts at once;
//! a name of capitalised words counts when one word is a listed given name or surname or when it heads two
//! lines; no word may be a common English word or a place (`Lunch  12:00`, `Tokyo: 10:00`). Only lines with a
//! colon are read, found with `memchr`; the walk stops after [`LINES_MAX`] of them.

use super::chat_names::time_ends_line;
use super::cues::time_stamp;
use super::patterns::run_len;
use super::Ctx;
use crate::recognizers::english_words::lexicons;

/// The most lines with a colon read in one document.
const LINES_MAX: usize = 3000;
/// The longest line read, in code points.
const LINE_MAX: usize = 240;

/// A speaker found on a line: its span, whether it is a handle, whether a word is a listed name.
#[derive(Clone, Copy)]
struct Speaker {
    s: usize,
    e: usize,
    handle: bool,
    listed: bool,
}

impl Ctx<'_, '_> {
    /// Latin display names and handles of chat logs, and their mentions after `@`.
    #[inline(never)]
    pub(crate) fn latin_speakers(&mut self) {
        let bytes = self.doc.norm.s.as_bytes();
        let Some(first) = memchr::memchr(b':', bytes) else {
            return;
        };
        let (t, n) = (self.t, self.n);
        let mut seen: Vec<Speaker> = Vec::new();
        let mut next_b = 0; // the first byte of a line not yet read
        let mut hint = 0; // a code point at or before the colon
        let mut b = first;
        let mut lines = 0;
        while lines < LINES_MAX {
            // the line's ends in the bytes when it is short (most are); else in the code points, at most
            // LINE_MAX of them either side of the colon
            let (lo_b, hi_b) = (b.saturating_sub(LINE_MAX), (b + LINE_MAX).min(bytes.len()));
            let (s_nl, e_nl) = (memchr::memrchr(b'\n', &bytes[lo_b..b]), memchr::memchr(b'\n', &bytes[b..hi_b]));
            let (ls_b, le_b, span) = if (s_nl.is_some() || lo_b == 0) && (e_nl.is_some() || hi_b == bytes.len()) {
                let (ls_b, le_b) = (s_nl.map_or(0, |k| lo_b + k + 1), e_nl.map_or(bytes.len(), |k| b + k));
                (ls_b, le_b, None)
            } else {
                let c = self.char_at_byte(hint, n, b);
                let ls = t[c.saturating_sub(LINE_MAX)..c]
                    .iter()
                    .rposition(|&x| x == '\n')
                    .map_or(c.saturating_sub(LINE_MAX), |k| c.saturating_sub(LINE_MAX) + k + 1);
                let hi = (c + LINE_MAX).min(n);
                let le = t[c..hi].iter().position(|&x| x == '\n').map_or(hi, |k| c + k);
                let (ls_b, le_b) = self.bytes_of(ls, le);
                (ls_b, le_b, Some((ls, le)))
            };
            if ls_b >= next_b {
                lines += 1;
                if may_speak(&bytes[ls_b..le_b]) {
                    let (ls, le) = span.unwrap_or_else(|| {
                        let ls = self.char_at_byte(hint, n, ls_b);
                        (ls, if le_b == bytes.len() { n } else { self.char_at_byte(ls, n, le_b) })
                    });
                    hint = ls;
                    if let Some(sp) = speaker_at(t, ls, le) {
                        seen.push(sp);
                    }
                }
            }
            next_b = le_b + 1;
            if next_b >= bytes.len() {
                break;
            }
            match memchr::memchr(b':', &bytes[next_b..]) {
                Some(k) => b = next_b + k,
                None => break,
            }
        }
        if seen.is_empty() {
            return;
        }
        let mut names: Vec<(usize, usize)> = Vec::new();
        for x in &seen {
            let again = || seen.iter().any(|y| y.s != x.s && t[y.s..y.e] == t[x.s..x.e]);
            if x.handle || x.listed || again() {
                self.add(x.s, x.e, 0.8);
                if !names.iter().any(|&(s, e)| t[s..e] == t[x.s..x.e]) {
                    names.push((x.s, x.e));
                }
            }
        }
        if names.is_empty() {
            return;
        }
        // mentions: `@` at a word's start, then a speaker's name or a handle
        for k in memchr::memchr_iter(b'@', bytes) {
            let i = self.char_at_byte(0, n, k) + 1;
            if i >= 2 && (t[i - 2].is_alphanumeric() || matches!(t[i - 2], '.' | '_' | '-' | '+')) {
                continue;
            }
            let known = names.iter().find_map(|&(s, e)| {
                let m = e - s;
                (i + m <= n && t[i..i + m] == t[s..e] && !t.get(i + m).is_some_and(|c| c.is_alphanumeric()))
                    .then_some(i + m)
            });
            if let Some(e) = known.or_else(|| handle_at(t, i, (i + 40).min(n))) {
                self.add(i, e, 0.8);
            }
        }
    }
}

/// Whether the line of bytes `line` may hold a speaker (see [`speaker_at`]): a digit or a bracket first (a
/// time stamp), or a letter first that is no kana or kanji and a time's last character last.
fn may_speak(line: &[u8]) -> bool {
    let mut i = 0;
    loop {
        match line.get(i..) {
            Some([b' ', ..]) => i += 1,
            // U+3000, `↳`
            Some([0xE3, 0x80, 0x80, ..] | [0xE2, 0x86, 0xB3, ..]) => i += 3,
            _ => break,
        }
    }
    match line.get(i) {
        Some(b'0'..=b'9' | b'[' | b'(' | b'<') => true,
        Some(&x) if x.is_ascii_alphabetic() || (x >= 0x80 && !(0xE3..=0xE9).contains(&x)) => {
            matches!(line.last(), Some(b'0'..=b'9' | b'M' | b']' | b')' | b'>' | b' '))
        }
        _ => false,
    }
}

/// The speaker of the line `[ls, le)`, if it is a chat line of one of the module's shapes.
fn speaker_at(t: &[char], ls: usize, le: usize) -> Option<Speaker> {
    let mut q = ls + run_len(t, ls, le, 8, |c| c == ' ' || c == '\u{3000}');
    if q < le && t[q] == '↳' {
        q += 1 + run_len(t, q + 1, le, 4, |c| c == ' ');
    }
    if q >= le {
        return None;
    }
    // a time stamp first: the name ends at a colon
    if t[q].is_ascii_digit() || matches!(t[q], '[' | '(' | '<') {
        let p = time_stamp(t, q, le).or_else(|| bracket_stamp(t, q, le))?;
        let q2 = p + run_len(t, p, le, 4, |c| c == ' ' || c == '\t');
        let sp = name_at(t, q2, le)?;
        let colon = t.get(sp.e) == Some(&':') && t.get(sp.e + 1).is_some_and(|&c| c == ' ' || c == '\t');
        return colon.then(|| words_ok(t, sp)).flatten();
    }
    // the name alone with a time: the line ends in a digit, `AM` / `PM`, a bracket or a space
    if !t[q].is_alphabetic() || !matches!(t[le - 1], '0'..='9' | 'M' | ']' | ')' | '>' | ' ') {
        return None;
    }
    let sp = name_at(t, q, le)?;
    (time_ends_line(t, sp.e, le) || dated_time_ends_line(t, sp.e, le)).then(|| words_ok(t, sp)).flatten()
}

/// The speaker `sp` when none of its words is a common English word or a place; whether one is a listed name.
fn words_ok(t: &[char], mut sp: Speaker) -> Option<Speaker> {
    if sp.handle {
        return Some(sp);
    }
    let lx = lexicons();
    let mut low = String::new();
    for w in t[sp.s..sp.e].split(|&c| c == ' ' || c == ',').filter(|w| w.len() >= 2 && w[1] != '.') {
        low.clear();
        low.extend(w.iter().flat_map(|c| c.to_lowercase()));
        let name = lx.given.contains(low.as_str()) || lx.surnames.contains(low.as_str());
        if !name && (lx.common.contains(low.as_str()) || lx.places.contains_key(low.as_str())) {
            return None;
        }
        sp.listed |= name;
    }
    Some(sp)
}

/// `[12/6/26, 8:14:02 PM]` at `i` (digits, `/ , : .`, spaces and AM / PM in brackets, with a `:`): its end.
fn bracket_stamp(t: &[char], i: usize, le: usize) -> Option<usize> {
    if t.get(i) != Some(&'[') {
        return None;
    }
    let k =
        run_len(t, i + 1, le, 28, |c| c.is_ascii_digit() || matches!(c, '/' | ',' | ':' | '.' | ' ' | 'A' | 'P' | 'M'));
    let inner = &t[i + 1..i + 1 + k];
    (t.get(i + 1 + k) == Some(&']') && inner.contains(&':') && inner.first().is_some_and(|c| c.is_ascii_digit()))
        .then_some(i + 2 + k)
}

/// Spaces, a short date (`11/30`), then a time ending the line at `e`.
fn dated_time_ends_line(t: &[char], e: usize, le: usize) -> bool {
    let sep = run_len(t, e, le, 8, |c| c == ' ' || c == '\t');
    if sep == 0 {
        return false;
    }
    let d = run_len(t, e + sep, le, 5, |c| c.is_ascii_digit() || c == '/');
    (3..=5).contains(&d) && t[e + sep..e + sep + d].contains(&'/') && time_ends_line(t, e + sep + d, le)
}

/// A handle at `i`: lower-case letters or digits in two to four parts joined by `.` or `_`; its end.
fn handle_at(t: &[char], i: usize, le: usize) -> Option<usize> {
    if i >= le || !t[i].is_ascii_lowercase() {
        return None;
    }
    let mut p = i;
    let mut parts = 0;
    loop {
        let k = run_len(t, p, le, 24, |c| c.is_ascii_lowercase() || c.is_ascii_digit());
        if k == 0 {
            return None;
        }
        p += k;
        parts += 1;
        if parts < 4 && p + 1 < le && matches!(t[p], '.' | '_') && t[p + 1].is_ascii_lowercase() {
            p += 1;
            continue;
        }
        break;
    }
    let free = !t.get(p).is_some_and(|&c| c.is_alphanumeric() || matches!(c, '@' | '.' | '_' | '-'));
    (parts >= 2 && free).then_some(p)
}

/// A display name at `i`: a handle, or one to four capitalised words (`Ana`, `Ana Ruiz`, `Ana R.`,
/// `Ruiz, Ana`, `RUIZ Ana`); its shape only ([`words_ok`] reads the words).
fn name_at(t: &[char], i: usize, le: usize) -> Option<Speaker> {
    if let Some(e) = handle_at(t, i, le) {
        return Some(Speaker { s: i, e, handle: true, listed: false });
    }
    let mut p = i;
    let mut words = 0;
    loop {
        if p >= le || !t[p].is_uppercase() {
            return None;
        }
        let k = 1 + run_len(t, p + 1, le, 20, |c| c.is_alphabetic() || c == '\'' || c == '-');
        if k == 1 && t.get(p + 1) == Some(&'.') {
            // an initial: the last word
            p += 2;
            words += 1;
            if words == 1 {
                return None;
            }
            break;
        }
        if k < 2 || t.get(p + k).is_some_and(|c| c.is_alphanumeric()) {
            return None;
        }
        p += k;
        words += 1;
        let gap = if t.get(p) == Some(&',') && words == 1 { 2 } else { 1 };
        if words < 4 && p + gap < le && t[p + gap - 1] == ' ' && t[p + gap].is_uppercase() {
            p += gap;
            continue;
        }
        break;
    }
    Some(Speaker { s: i, e: p, handle: false, listed: false })
}

#[cfg(test)]
mod tests {
    use crate::recognizers::person_ja::tests::names;

    #[test]
    fn handles_and_names_heading_chat_lines() {
        let log = "#general\nbelma.ostrova  9:12 AM\n今日は在宅です\nzed_kur 9:14\n@belma.ostrova 了解\n";
        assert_eq!(names(log), ["belma.ostrova", "zed_kur", "belma.ostrova"]);
        // a name of any spelling, counted when it speaks twice; an initial last; a reply marker
        let log = "Quilla T.  9:14\n行けます\nOrzvyla  9:15\n@Quilla T. 13時で\n  ↳ Quilla T.  [9:20]\nok\n";
        assert_eq!(names(log), ["Quilla T.", "Quilla T.", "Quilla T."]);
        // after a time stamp, before a colon, and with a short date
        let log = "[12/6/26, 8:14:02 PM] Vo Linh Xuyen: xin chào\n[12/6/26, 8:15:40 PM] Vo Linh Xuyen: ok\n";
        assert_eq!(names(log), ["Vo Linh Xuyen", "Vo Linh Xuyen"]);
        let log = "[2026/12/03 18:05] Brandvold, Ilse: 了解です\n[2026/12/03 18:06] Brandvold, Ilse: 送ります\n";
        assert_eq!(names(log), ["Brandvold, Ilse", "Brandvold, Ilse"]);
        assert_eq!(names("kessa.m 11/30 10:11\n退院したそうです\n"), ["kessa.m"]);
    }

    #[test]
    fn agenda_lines_labels_and_addresses_are_no_speakers() {
        // common words with times, even twice; a label and its value; an e-mail address
        assert!(names("Lunch  12:00\nBreak  15:00\nBreak  16:30\nOpening 9:00\n").is_empty());
        assert!(names("[10:00] Tokyo: 晴れ\n[11:00] Tokyo: 曇り\nMeeting Room: 10:00\n").is_empty());
        assert!(names("zed_kur 9:14\n連絡先 info.desk@example.com\n").iter().all(|x| x == "zed_kur"));
        // a name once, unlisted, is not enough
        assert!(names("Quorvath  9:14\n行けます\n").is_empty());
    }
}
