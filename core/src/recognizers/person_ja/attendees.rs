//! Attendee lists of minutes: `（当社）榎本　五味　栗駒`, `出席：関口・須藤・乙部`, `当社 根本、柴田 徳次郎（敬称略）`.
//!
//! On a line holding an attendance word (出席, 参加, 欠席, 敬称略, 当社), the words after it separated by spaces,
//! `、`, `・` or `,` are read as names when at least two of them are listed surnames (or surname and given name)
//! and they make up at least half of the words. A surname that is also a common word needs two others beside it.
//! A word in brackets right after a name (`品川 隆志（長野）`) is that person's district or branch, not a name.

use super::chars::{is_kanji, one_of};
use super::Ctx;
use crate::document::line_end;

/// The keyword group of the attendance words.
pub(crate) const ATTEND_GROUP: &str = "person_ja.attend";

/// The attendance words.
pub(crate) const ATTEND_WORDS: &[&str] =
    &["出席", "参加", "欠席", "敬称略", "当社", "Attendees", "Participants", "Attendance", "Present"];

impl Ctx<'_, '_> {
    /// Adds the names of attendee lists.
    #[inline(never)]
    pub(crate) fn attendees(&mut self) {
        let occ = self.doc.occurrences(ATTEND_GROUP);
        if occ.starts.is_empty() {
            return;
        }
        let t = self.t;
        let mut add: Vec<(usize, usize)> = Vec::new();
        let mut done = 0;
        for &ke in occ.ends.iter() {
            if ke < done {
                continue;
            }
            let le = line_end(t, ke, 200);
            done = le;
            self.attendee_line(ke, le, &mut add);
        }
        for (s, e) in add {
            self.add(s, e, 0.75);
        }
    }

    /// `Attendees: Aiko Nishimori, Raj Patel, Hayashi`: the items of an English list, split at commas, are
    /// names when each is one to three capitalised words and at least half of them spell Japanese (Hepburn).
    fn latin_attendees(&self, from: usize, le: usize, add: &mut Vec<(usize, usize)>) {
        let t = self.t;
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut p = from;
        while p < le && items.len() < 24 {
            let s = p + t[p..le].iter().take_while(|&&c| one_of!(c, " :,、")).count();
            let mut e = s + t[s..le].iter().take_while(|&&c| !one_of!(c, ",、")).count();
            p = e;
            while e > s && t[e - 1] == ' ' {
                e -= 1;
            }
            if e > s {
                items.push((s, e));
            }
        }
        let shaped = |&(s, e): &(usize, usize)| {
            let words = t[s..e].split(|&c| c == ' ');
            t[s..e].iter().filter(|&&c| c == ' ').count() < 3
                && words.into_iter().all(|w| {
                    w.len() >= 2
                        && w[0].is_ascii_uppercase()
                        && w.iter().all(|&c| c.is_ascii_alphabetic() || c == '-' || c == '\'')
                })
        };
        let japanese = items.iter().filter(|&&(s, e)| self.all_romaji_ja(&t[s..e])).count();
        if items.len() >= 2 && items.iter().all(shaped) && japanese * 2 >= items.len() {
            add.extend(items);
        }
    }

    /// The names among the words of `[from, le)`.
    fn attendee_line(&self, from: usize, le: usize, add: &mut Vec<(usize, usize)>) {
        let t = self.t;
        let lex = self.lex;
        if t[from..le].iter().find(|&&c| !one_of!(c, " :")).is_some_and(|c| c.is_ascii_uppercase()) {
            return self.latin_attendees(from, le, add);
        }
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut p = from;
        while p < le && words.len() < 24 {
            if one_of!(t[p], " 、・,:()/") {
                p += 1;
                continue;
            }
            let s = p;
            while p < le && !one_of!(t[p], " 、・,:()/") {
                p += 1;
            }
            // `品川 隆志（長野）`, `百瀬（汐見）`: a word in brackets right after a name is where that person is
            // from or belongs, no name of its own
            if s >= 2 && t[s - 1] == '(' && !one_of!(t[s - 2], " 、・,:()/") {
                continue;
            }
            words.push((s, p));
        }
        // 柴田 徳次郎: a surname and the word after it as one full name
        let mut names: Vec<(usize, usize)> = Vec::new();
        let mut common = 0;
        let mut i = 0;
        while i < words.len() {
            let (s, mut e) = words[i];
            // 関氏, 宇佐美萌央様: the honorific is no part of the name
            if e - s >= 2 && one_of!(t[e - 1], "様氏") {
                e -= 1;
            }
            let w = &t[s..e];
            let kanji = w.iter().all(|&c| is_kanji(c) || c == '々');
            if kanji && (1..=4).contains(&w.len()) && lex.surname(w) {
                let mut end = e;
                if let Some(&(s2, e2)) = words.get(i + 1) {
                    if s2 == e + 1 && t[e] == ' ' && e2 - s2 <= 3 && lex.given(&t[s2..e2]) && !lex.surname(&t[s2..e2]) {
                        end = e2;
                        i += 1;
                    }
                }
                common += usize::from(end == e && lex.common(w));
                names.push((s, end));
            } else if kanji && (3..=6).contains(&w.len()) && lex.split_full(w) != 0 {
                names.push((s, e));
            }
            i += 1;
        }
        let enough = names.len() >= 2 && names.len() * 2 >= words.len() && names.len() >= common + 2;
        if enough {
            add.extend(names);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::recognizers::person_ja::tests::names;

    #[test]
    fn attendee_lists() {
        assert_eq!(names("（当社）榎本　関口　須藤\n"), ["榎本", "関口", "須藤"]);
        assert_eq!(names("出席：関口・須藤・乙部\n"), ["関口", "須藤", "乙部"]);
        // the district or branch in brackets after each name
        assert_eq!(names("出席者：関口（大川）、須藤 勇（北町）、乙部（大川）\n"), ["関口", "須藤 勇", "乙部"]);
    }

    #[test]
    fn english_attendee_lists() {
        let text = "議事録\nAttendees: Mio Kurisu, Anil Shah, Tanabe\n- Tanabe: 確認中\n";
        assert_eq!(names(text), ["Mio Kurisu", "Anil Shah", "Tanabe", "Tanabe"]);
        // English words, not names; or a list with nothing Japanese in it
        assert!(names("議事録\nAttendees: Sales Team, Marketing, Legal\n").is_empty());
    }

    #[test]
    fn lines_of_words_are_no_attendees() {
        assert_eq!(names("出席：営業部 総務部 人事部\n"), Vec::<String>::new());
        assert_eq!(names("当社 製品 価格表 改定\n"), Vec::<String>::new());
    }
}
