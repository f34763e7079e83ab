//! The reading of a name in the next cell of its row: `氏名：岩城 蓮　／　イワキ レン`,
//! `E-01⇥岩城 蓮⇥イワキ レン⇥…`, `岩城 蓮,くりこま はやて,…`.
//!
//! Forms and exported rosters put the reading of a name right after it, in a cell of its own: after a tab,
//! a comma, a slash or a run of spaces. A name in kanji found by a sure cue (score 0.75 or more) is followed
//! (a full name with a space may end in kana: `栗駒 かおる`) by two words of kana (katakana or hiragana, one space between them) that end
//! their cell: the reading is a name too. Only the cell right after a found name is looked at.

use super::chars::{is_hira, is_kanji, is_kata};
use super::Ctx;

/// At most this many found names are looked after.
const MAX_NAMES: usize = 64;

impl Ctx<'_, '_> {
    /// Adds the kana readings standing in the cell after a name in kanji.
    #[inline(never)]
    pub(crate) fn cell_readings(&mut self) {
        let t = self.t;
        let n = self.n;
        let mut add: Vec<(usize, usize)> = Vec::new();
        for &((s, e), score) in self.found.items.iter().take(MAX_NAMES) {
            if score < 0.75 || e >= n || e - s < 2 || !is_kanji(t[s]) || !(is_kanji(t[e - 1]) || t[s..e].contains(&' '))
            {
                continue;
            }
            // the separator of the cells: a tab, a comma, a slash (spaces around it) or two spaces or more
            let mut k = e;
            while k < n && k - e < 8 && t[k] == ' ' {
                k += 1;
            }
            let spaces = k - e;
            if k < n && matches!(t[k], '\t' | ',' | '/') {
                k += 1;
                while k < n && k - e < 12 && t[k] == ' ' {
                    k += 1;
                }
            } else if spaces < 2 {
                continue;
            }
            if let Some(re) = kana_pair_cell(t, k) {
                add.push((k, re));
            }
        }
        for (s, e) in add {
            self.add(s, e, 0.8);
        }
    }
}

/// The end of two words of kana of one script at `k`, one space between them, ending their cell (the line's end, a tab, a comma, a slash, two spaces, a bracket).
fn kana_pair_cell(t: &[char], k: usize) -> Option<usize> {
    let n = t.len();
    let c = *t.get(k)?;
    let same: fn(char) -> bool = if is_kata(c) && c != 'ー' {
        is_kata
    } else if is_hira(c) {
        |x| is_hira(x) || x == 'ー'
    } else {
        return None;
    };
    let word = |from: usize| {
        let mut q = from;
        while q < n && q - from < 12 && same(t[q]) {
            q += 1;
        }
        q
    };
    let a = word(k);
    if a - k < 1 || a >= n || t[a] != ' ' {
        return None;
    }
    let b = word(a + 1);
    if b == a + 1 {
        return None;
    }
    let ends = b >= n
        || matches!(t[b], '\n' | '\r' | '\t' | ',' | '/' | '(' | ')')
        || (t[b] == ' ' && t.get(b + 1).is_none_or(|&x| x == ' ' || x == '\n'));
    ends.then_some(b)
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn a_reading_in_the_next_cell() {
        assert_eq!(names("氏名：岩城 蓮\u{3000}／\u{3000}イワキ レン\n"), ["岩城 蓮", "イワキ レン"]);
        assert_eq!(names("氏名：岩城 かおる / イワキ カオル\n"), ["岩城 かおる", "イワキ カオル"]);
        assert_eq!(names("氏名\tフリガナ\n岩城 蓮\tイワキ レン\t営業部\n").len(), 2);
    }

    #[test]
    fn no_reading_without_a_cell_or_a_name() {
        // kana going on as a sentence after the name; kana after a word that is no name
        assert_eq!(names("担当：岩城 蓮  これ から 伺います\n"), ["岩城 蓮"]);
        assert!(names("会議室\tサンプル テキスト\n").is_empty());
    }
}
