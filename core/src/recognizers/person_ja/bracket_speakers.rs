//! Speakers written in brackets at the start of a line: `【佐藤】お疲れ様です`, `(武田)来月で調整する`,
//! `[鈴木] 了解です` — chat exports and minutes that mark who speaks.
//!
//! The bracket must open the line, hold a listed surname (one to five kanji, not a common word unless it
//! has two or more kanji) and be followed by the message on the same line. `【重要】`, `(株)`, `【ToDo】`
//! hold no surname and are left.

use super::chars::{is_kanji, one_of};
use super::tables::{F_NL, F_OPEN};
use super::Ctx;

impl Ctx<'_, '_> {
    /// Adds the surnames standing in brackets at the start of lines.
    #[inline(never)]
    pub(crate) fn bracket_speakers(&mut self) {
        let t = self.t;
        let mut add: Vec<(usize, usize)> = Vec::new();
        // each opening bracket that starts a line
        let mut ls = self.next_flag(0, F_OPEN);
        while ls < self.n {
            let here = ls;
            ls = self.next_flag(ls + 1, F_OPEN);
            if here > 0 && t[here - 1] != '\n' {
                continue;
            }
            let le = self.next_flag(here, F_NL);
            if let Some(close) = self.bracket_speaker_at(here, le) {
                add.push((here + 1, close));
            }
        }
        for (a, b) in add {
            self.add(a, b, 0.8);
        }
    }

    /// The end of the surname in the bracket opening the line `[ls, le)`.
    fn bracket_speaker_at(&self, ls: usize, le: usize) -> Option<usize> {
        let t = self.t;
        let open = *t.get(ls)?;
        let close_ch = match open {
            '【' => '】',
            '(' => ')',
            '[' => ']',
            _ => return None,
        };
        let close = (ls + 1..(ls + 7).min(le)).find(|&q| t[q] == close_ch)?;
        let name = &t[ls + 1..close];
        let msg = t[close + 1..le].iter().any(|&c| !one_of!(c, " \t"));
        let ok = (1..=5).contains(&name.len())
            && name.iter().all(|&c| is_kanji(c))
            && msg
            && self.lex.surname(name)
            && (!self.lex.common(name) || name.len() >= 2)
            && !self.tb.not_names.contains(name);
        ok.then_some(close)
    }
}
