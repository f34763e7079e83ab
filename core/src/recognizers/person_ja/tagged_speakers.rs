//! Speakers of chat logs and minutes whose name carries a tag or stands unlisted after a time stamp:
//! `[10:31] 山田（営業部）: …`, `07:15 はなこ@総務: …`, `12/3 09:05 山田（受） 折り返し済み`,
//! `さとみ（総務）  9:40` (the message on the next line), and `[08:12] 某田: …`.
//!
//! The name (kanji or kana, one space at most) is followed by the tag, a short bracket or `@` and a word,
//! then by the message's colon, by the message after a time stamp opening the line, or by a time ending
//! the line. It counts at once when, tagged, it reads as a listed name (a katakana word never does: labels
//! such as `マイナンバー(個人番号):` look alike); else when a time stamp opens its line and
//! the same name speaks on two such lines, as speakers of a log do. An untagged name needs both.

use super::chars::{is_hira, is_kanji, is_kata};
use super::chat_names::time_ends_line;
use super::cues::{time_stamp, LineHead};
use super::patterns::run_len;
use super::Ctx;

/// The longest part of a name (each side of one space), in code points.
const PART_MAX: usize = 8;
/// The longest tag, in code points, inside its brackets or after `@`.
const TAG_MAX: usize = 12;

/// One speaker found on a line.
#[derive(Clone, Copy)]
pub(crate) struct Tagged {
    pub s: usize,
    pub e: usize,
    /// It reads as a listed name by itself.
    pub listed: bool,
    /// A time stamp opens its line.
    pub stamped: bool,
}

impl Ctx<'_, '_> {
    /// The tagged (or untagged, after a time stamp) speaker of the line `[ls, le)`.
    pub(crate) fn tagged_speaker_at(&self, head: LineHead, le: usize) -> Option<Tagged> {
        let t = self.t;
        let mut q = head.q;
        // a short date before the time: `12/3 09:05`
        let d = run_len(t, q, le, 5, |c| c.is_ascii_digit() || c == '/');
        let dated = d >= 3 && t[q..q + d].contains(&'/') && t.get(q + d) == Some(&' ');
        // undated, the time stamp is the one the line's head already read at `q`
        let stamp = if dated { time_stamp(t, q + d + run_len(t, q + d, le, 4, |c| c == ' '), le) } else { head.stamp };
        if let Some(p) = stamp {
            q = p + run_len(t, p, le, 8, |c| c == ' ' || c == '\t');
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
        if t.get(e) == Some(&' ') {
            // `田中 真一(営業):` — a second part only when the tag follows it at once
            let b = run_len(t, e + 1, le, PART_MAX + 1, name_char);
            if (1..=PART_MAX).contains(&b) && tag_end(t, e + 1 + b, le).is_some() {
                split = Some(e);
                e += 1 + b;
            }
        }
        let k = tag_end(t, e, le);
        let after = k.unwrap_or(e);
        let next = after + run_len(t, after, le, 8, |c| c == ' ' || c == '\t');
        let colon = next < le && t[next] == ':';
        let shaped = match (k, stamp) {
            // untagged: only `[08:12] 某田: …`
            (None, Some(_)) => colon && next == e,
            (None, None) => false,
            (Some(_), Some(_)) => colon || (next > after && next < le),
            (Some(_), None) => colon || time_ends_line(t, after, le),
        };
        let name = &t[q..e];
        if !shaped || name.len() < 2 || self.tb.not_names.contains(name) || self.lex.common(name) {
            return None;
        }
        let kana = name.iter().all(|&c| is_kata(c) || c == 'ー' || c == ' ');
        if kana && k.is_none() {
            return None; // `[10:00] システム: …`: a katakana word alone before a colon is a bot or a label
        }
        // listed counts only with a tag, and not for a katakana word (`マイナンバー(個人番号): …` is a label)
        let listed = k.is_some()
            && !kana
            && (self.listed_name(q, split, e)
            || (split.is_none() && is_kanji(t[q]) && self.lex.surname(name))
            // `さとみ(総務)`: a kana given name or surname alone, with its tag
            || (split.is_none() && self.lex.kana_part(&katakana(name))));
        Some(Tagged { s: q, e, listed, stamped: stamp.is_some() })
    }
}

/// Where the tag standing at `e` ends: a bracket of at most TAG_MAX code points, `(営業部)`, or `@` and a
/// word, `@総務`.
fn tag_end(t: &[char], e: usize, le: usize) -> Option<usize> {
    match t.get(e)? {
        '(' => {
            let close = (e + 2..(e + 2 + TAG_MAX).min(le)).find(|&p| t[p] == ')')?;
            (!t[e + 1..close].iter().any(|&c| c == ':' || c == '(')).then_some(close + 1)
        }
        '@' => {
            let w = run_len(t, e + 1, le, TAG_MAX + 1, |c| !(c.is_whitespace() || c == ':' || c == '@'));
            (1..=TAG_MAX).contains(&w).then_some(e + 1 + w)
        }
        _ => None,
    }
}

/// `s` in katakana.
fn katakana(s: &[char]) -> Vec<char> {
    s.iter().map(|&c| if is_hira(c) { char::from_u32(c as u32 + 0x60).unwrap_or(c) } else { c }).collect()
}

/// A letter of a name.
fn name_char(c: char) -> bool {
    is_kanji(c) || is_kata(c) || is_hira(c) || c == '々' || c == 'ー'
}

#[cfg(test)]
mod tests {
    use crate::recognizers::person_ja::tests::names;

    #[test]
    fn tagged_speakers() {
        // listed: one line is enough
        assert_eq!(names("[09:12] 佐藤(経理部): 請求書を送りました\n"), ["佐藤"]);
        assert_eq!(names("さとみ(総務)  9:40\n会議室を押さえました\n"), ["さとみ"]);
        // unlisted, speaking twice after time stamps
        let log = "[10:01] 霞舟(北区工務): 見積です\n[10:05] 霞舟(北区工務): 了解です\n";
        assert_eq!(names(log), ["霞舟", "霞舟"]);
        let log = "07:15 ひなこ@事務: 了解です\n07:20 ひなこ@事務: 送ります\n";
        assert_eq!(names(log), ["ひなこ", "ひなこ"]);
        let log = "12/3 09:05 霞舟(受) 商品未着の問合せ\n12/3 10:22 霞舟(発) 折り返し済み\n";
        assert_eq!(names(log), ["霞舟", "霞舟"]);
        let log = "[08:12] 霞舟: 鍵を受け取りました\n[08:30] 霞舟: 現地に着きました\n";
        assert_eq!(names(log), ["霞舟", "霞舟"]);
    }

    #[test]
    fn labels_and_bots_are_no_speakers() {
        // labels with a tag in a form, no time stamp
        assert!(names("住所(自宅): 北区1-2\n住所(勤務先): 南区3-4\n").is_empty());
        // unlisted once only
        assert!(names("[10:01] 霞舟(北区工務): 見積です\n").is_empty());
        // a katakana bot word, untagged, however often
        assert!(names("[10:00] システム: 開始\n[10:05] システム: 終了\n").is_empty());
        // a katakana word with a tag: a label; a listed surname that is also a word, untagged and once
        assert!(names("ポイントカード(会員番号): 1234-5678\n").is_empty());
        assert!(names("14:00 新規: 取引先の来訪\n").is_empty());
        // a schedule: a word with a tag after a time, no colon, once each
        assert!(names("10:00 開会(本館) 挨拶\n11:00 休憩(別館) 茶菓\n").is_empty());
    }
}
