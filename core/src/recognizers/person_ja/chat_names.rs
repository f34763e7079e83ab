//! Display names in chat exports: a name alone with a time, `やまだ たろう  9:58 AM` or `山田太郎、17:56` (the
//! message on the next line), between tabs after a time stamp, `2026/03/02 14:52⇥山田 太郎⇥message`, or a
//! kana name before a colon after one, `[11:25] さかぐち ゆうり: message`.
//!
//! The name may be in kanji, katakana or hiragana, with or without a space, and its given name need not be
//! listed. It counts at once when it reads as a listed surname and given name (kanji, or kana readings); else
//! when the same display name heads two lines of the log, as speakers do.

use super::chars::{is_hira, is_kanji, is_kata};
use super::cues::{time_stamp, LineHead};
use super::patterns::run_len;
use super::romaji_names::{self, romaji_at};
use super::Ctx;

/// The longest part of a display name (each side of one space), in code points.
const PART_MAX: usize = 8;

impl Ctx<'_, '_> {
    /// The display name of the line `[ls, le)`: (start, end, whether it reads as a listed name by itself).
    pub(crate) fn display_name_at(&self, head: LineHead, le: usize) -> Option<(usize, usize, bool)> {
        let t = self.t;
        let mut q = head.q;
        // most lines with a colon: a label and its value, neither a time stamp first nor a time last
        let stamped = q < le && (t[q].is_ascii_digit() || t[q] == '[' || t[q] == '(');
        if !stamped && !(le > q && (t[le - 1].is_ascii_digit() || t[le - 1] == 'M' || t[le - 1] == ' ')) {
            return None;
        }
        let stamp = head.stamp;
        let mut tabbed = false;
        if let Some(p) = stamp {
            tabbed = t.get(p) == Some(&'\t');
            q = p + run_len(t, p, le, 8, |c| c == ' ' || c == '\t');
        }
        if q < le && t[q].is_ascii_uppercase() {
            // `Kaburagi Nagi  9:58 AM`, `…⇥SHOJI Aoi⇥…`: a romanised name (Hepburn words) in the same places
            if let Some(e) = romaji_at(t, q, le) {
                let shaped = if stamp.is_some() { tabbed && t.get(e) == Some(&'\t') } else { time_ends_line(t, e, le) };
                return shaped.then_some((q, e, true));
            }
            // `19:02⇥Yukari🌷⇥…`: one romanised given name between the tabs of an export, counted when it
            // heads two lines
            let e = romaji_names::word(t, q, le).filter(|w| !w.initial)?.end;
            return (tabbed && t.get(decoration_end(t, e, le)) == Some(&'\t')).then_some((q, e, false));
        }
        if q >= le || !name_char(t[q]) {
            return None;
        }
        let a = run_len(t, q, le, PART_MAX + 1, name_char);
        if a > PART_MAX {
            return None;
        }
        let mut e = q + a;
        let mut split = None;
        if e + 1 < le && t[e] == ' ' {
            let b = run_len(t, e + 1, le, PART_MAX + 1, name_char);
            if (1..=PART_MAX).contains(&b) {
                split = Some(e);
                e += 1 + b;
            }
        }
        // after a time stamp: a tab, or a colon (`[11:25] さかぐち ゆうり: …`, kana names `speaker_at` leaves)
        let shaped = match stamp {
            Some(_) => {
                (tabbed && t.get(decoration_end(t, e, le)) == Some(&'\t'))
                    || (!is_kanji(t[q]) && t.get(e) == Some(&':'))
            }
            None => time_ends_line(t, e, le),
        };
        if !shaped || e - q < 2 || self.tb.not_names.contains(&t[q..e]) {
            return None;
        }
        let listed = self.listed_name(q, split, e);
        // `[10:00] システム: …`: a katakana word before a colon is a bot or a label unless it reads as a name
        if !listed && is_kata(t[q]) && t.get(e) == Some(&':') {
            return None;
        }
        Some((q, e, listed))
    }

    /// Whether `[s, e)` (one space at `split`, if any) reads as a listed surname and given name.
    pub(super) fn listed_name(&self, s: usize, split: Option<usize>, e: usize) -> bool {
        let t = self.t;
        let lex = self.lex;
        if is_kanji(t[s]) {
            return match split {
                Some(m) => lex.surname(&t[s..m]) && (m + 1 < e) && e - m - 1 <= 4,
                None => {
                    lex.split_full(&t[s..e]) != 0
                        || ((3..=5).contains(&(e - s))
                            && [2, 3]
                                .iter()
                                .any(|&k| k < e - s && lex.surname(&t[s..s + k]) && !lex.common(&t[s..s + k])))
                }
            };
        }
        // kana: the katakana readings of a surname and a given name
        let kata: Vec<char> = t[s..e].iter().map(|&c| if is_hira(c) { to_kata(c) } else { c }).collect();
        match split {
            Some(m) => lex.kana_part(&kata[..m - s]) && lex.kana_part(&kata[m - s + 1..]),
            None => (2..kata.len().saturating_sub(1)).any(|k| lex.kana_part(&kata[..k]) && lex.kana_part(&kata[k..])),
        }
    }
}

/// After the emoji or symbols a display name may end with (`Yukari🌷`, `みか☆`, at most four): where they end.
fn decoration_end(t: &[char], e: usize, le: usize) -> usize {
    e + run_len(t, e, le, 4, |c| {
        !(c.is_alphanumeric()
            || c.is_whitespace()
            || c.is_ascii_punctuation()
            || ('\u{3000}'..='\u{30FF}').contains(&c))
    })
}

/// A letter of a display name.
fn name_char(c: char) -> bool {
    is_kanji(c) || is_kata(c) || is_hira(c) || c == '々' || c == 'ー'
}

/// The katakana of the hiragana `c`.
fn to_kata(c: char) -> char {
    char::from_u32(c as u32 + 0x60).unwrap_or(c)
}

/// Whether a separator (spaces, a tab, `、`), then a time (`9:58`, `17:56`, `9:58 AM`) end the line at `e`.
pub(super) fn time_ends_line(t: &[char], e: usize, le: usize) -> bool {
    let sep = run_len(t, e, le, 8, |c| matches!(c, ' ' | '\t' | '、' | ','));
    if sep == 0 {
        return false;
    }
    let Some(mut p) = time_stamp(t, e + sep, le) else {
        return false;
    };
    p += run_len(t, p, le, 2, |c| c == ' ');
    if p + 2 <= le && matches!(t[p..p + 2], ['A', 'M'] | ['P', 'M']) {
        p += 2;
    }
    p + run_len(t, p, le, 8, |c| c == ' ') == le
}

#[cfg(test)]
mod tests {
    use crate::recognizers::person_ja::tests::names;

    #[test]
    fn display_names_with_a_time() {
        // listed readings in kana, one line is enough
        assert_eq!(names("やまだ たろう  9:58 AM\nおはようございます\n"), ["やまだ たろう"]);
        // a tab-separated export after a time stamp
        assert_eq!(names("2026/03/02 14:52\t山田 太郎\t了解です\n"), ["山田 太郎"]);
        assert_eq!(names("Kaburagi Nagi  9:58 AM\nおはようございます\n"), ["Kaburagi Nagi"]);
        assert_eq!(names("[11:25] さかぐち ゆうり: 遅れます\n"), ["さかぐち ゆうり"]);
        // a display name ending in an emoji; a romanised given name alone, heading two lines
        let export = "20:01\tMiho🍀\t了解\n20:02\tけいた⭐\tありがとう\n20:03\tMiho🍀\tまたね\n20:04\tけいた⭐\t👍\n";
        assert_eq!(names(export), ["Miho", "けいた", "Miho", "けいた"]);
        // a word that is no name, or a name once only
        assert!(names("20:01\tSales🍀\t了解\n20:03\tSales🍀\tまたね\n20:04\tMiho\tok\n").is_empty());
        // a romanised given name after @
        assert_eq!(names("@Osamu 確認お願いします\n"), ["Osamu"]);
        assert_eq!(names("<@Mio Kurisu> 請求書です\n"), ["Mio Kurisu"]);
        assert_eq!(names("@Sales 確認お願いします\nmail@Example.com\n"), Vec::<String>::new());
        // an unlisted given name: the display name heads two lines
        let log = "楠颯真、10:20\n資料を置きました\n山田 花子、10:22\n了解\n楠颯真、10:25\nありがとう\n";
        assert_eq!(names(log), ["楠颯真", "山田 花子", "楠颯真"]);
    }

    #[test]
    fn agenda_lines_are_no_names() {
        // a schedule: words with times, once each
        assert_eq!(names("開会  10:00\n休憩  10:30\nランチ  12:00\n"), Vec::<String>::new());
        // a time in the middle of a line is no display-name line
        assert_eq!(names("やまだ たろう 9:58 に来社\n"), Vec::<String>::new());
    }
}
