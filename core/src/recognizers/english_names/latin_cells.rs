//! A name in Latin letters standing in a Japanese line where a name stands: a cell of a table or a CSV
//! row (`S-0419⇥Rahman Arif⇥1994.03.02`), an item of a list (`出席：森、林、Kwon Minji、若林`), the value
//! after a label (`担当 Wang Lei`), a reading in brackets (`刘 洋（LIU YANG）`). The English rules
//! ([`super::EnglishNameRecognizer`]) read only the English lines of a Japanese text; these names sit in
//! Japanese lines, between Japanese words and the separators of Japanese writing. Only the Japanese lines
//! with four Latin letters or more are read, found by the same count that finds the English lines.
//!
//! The shape: two to four capitalised words (`Kwon Minji`, `PEREIRA JOAO`, `PARK Ji-hoon`,
//! `HOFFMANN, Lukas`), the run bounded on both sides by a line's end, a tab, a separator (`、 , ; | ・`),
//! a bracket, a colon, a Japanese character or a gap of two spaces, so that the words fill a slot of
//! their own and are not part of an English phrase. The words must read as a name: none is a common
//! English word, a place, an organisation word or an acronym, none ends as an English noun does
//! (`-tion`, `-ment`, `-ing`), and one at least is a listed given name or surname (the English lexicons,
//! or the most common romanised surnames of East and South-East Asia below) or spells Japanese in
//! Hepburn ([`crate::recognizers::person_ja::hepburn`]); a word neither listed nor Hepburn is allowed
//! only beside a listed name (`Wang Lei`), as a Hepburn word alone is the spelling of many Japanese
//! words and product names.

use super::{class, norm_into, EnglishNameRecognizer, NAME, PARTICLES};
use std::collections::HashSet;
use std::sync::LazyLock;

use crate::finding::Finding;
use crate::recognizers::english_words::FxBuild;
use crate::recognizers::person_ja::hepburn;

/// The most common surnames of Korea, China and Vietnam in their usual romanisations (Revised
/// Romanisation and the spellings of passports, Hanyu Pinyin, Vietnamese with and without its marks):
/// the first ranks of the national surname counts, as listed in the Wikipedia articles "List of Korean
/// surnames", "List of common Chinese surnames" and "Vietnamese name". The English lexicons (from Faker's
/// providers in Latin script) hold few of them.
const ASIAN_SURNAMES: &str = "kim lee yi park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim \
    han kwon shin song yoo ryu hwang ahn oh seo jeon hong moon baek nam \
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie \
    tang feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding shen \
    nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly \
    nguyễn trần lê phạm hoàng huỳnh vũ võ đặng bùi đỗ hồ ngô dương lý";

/// [`ASIAN_SURNAMES`] as a set, built once.
fn asian_surnames() -> &'static HashSet<&'static str, FxBuild> {
    static SET: LazyLock<HashSet<&'static str, FxBuild>> =
        LazyLock::new(|| ASIAN_SURNAMES.split_ascii_whitespace().collect());
    &SET
}

/// Words of a run read at most; a longer run of capitalised words is an English phrase or a title.
const MAX_WORDS: usize = 4;
/// Letters of the longest word read.
const WORD_MAX: usize = 20;

/// Endings of English nouns and verbs that few names have.
const ENGLISH_ENDINGS: &[&str] =
    &["tion", "sion", "ment", "ing", "ness", "ity", "ics", "ware", "ance", "ence", "ship", "ology", "ture"];

/// A Latin letter (ASCII or the Latin blocks up to U+024F, and Vietnamese's U+1E00–U+1EFF).
fn latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ((('\u{c0}'..='\u{24f}').contains(&c) || ('\u{1e00}'..='\u{1eff}').contains(&c)) && c.is_alphabetic())
}

/// A character that bounds a cell or an item of Japanese writing.
fn separator(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\r'
            | '、'
            | '，'
            | ','
            | ';'
            | '；'
            | '|'
            | '｜'
            | '（'
            | '）'
            | '('
            | ')'
            | '【'
            | '】'
            | '['
            | ']'
            | '：'
            | ':'
            | '・'
            | '/'
            | '／'
            | '→'
            | '＝'
            | '='
            | '\u{3000}'
    )
}

fn space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// How a run is bounded on one side.
#[derive(PartialEq)]
enum Bound {
    /// not at all: a letter or a digit next to it, a quotation mark (`「KOBE BOYS」`: a title or a band)
    No,
    /// by a Japanese word (`通訳の Chen Wei さん`)
    Word,
    /// by the end of a line, a separator or a gap of two spaces: a cell or an item of its own
    Cell,
}

/// How a run is bounded by `c` reached over `gap` spaces.
fn bound(c: Option<char>, gap: usize) -> Bound {
    match c {
        None => Bound::Cell,
        Some(c) if separator(c) || (gap >= 2 && (!c.is_alphanumeric() || c.is_ascii_digit())) => Bound::Cell,
        Some('「' | '」' | '『' | '』' | '"' | '“' | '”') => Bound::No,
        Some(c) if crate::fold::is_japanese_char(c) || ('\u{3000}'..='\u{303f}').contains(&c) => Bound::Word,
        _ => Bound::No,
    }
}

/// The end of the capitalised word at `i` (`Minji`, `PEREIRA`, `Ji-hoon`, `O'Brien`), if one starts there.
fn word_end(t: &[char], i: usize) -> Option<usize> {
    if !t.get(i).is_some_and(|&c| c.is_uppercase() && latin(c)) {
        return None;
    }
    let mut e = i + 1;
    while e < t.len() && e - i < WORD_MAX {
        if latin(t[e]) {
            e += 1;
        } else if matches!(t[e], '-' | '\'') && t.get(e + 1).is_some_and(|&c| latin(c)) && e > i + 1 {
            e += 2;
        } else {
            break;
        }
    }
    let w = &t[i..e];
    let letters = || w.iter().filter(|&&c| latin(c));
    let title = w[1..].iter().take_while(|&&c| c != '-' && c != '\'').all(|&c| !c.is_uppercase());
    let upper = letters().all(|&c| c.is_uppercase());
    (e - i >= 2 && (title || upper)).then_some(e)
}

impl EnglishNameRecognizer {
    /// The Latin names in cells of the Japanese line `t[ls..le]` (`t`: the folded text of a Japanese
    /// document; the line is one of [`super::latin_blocks::blocks`]' mixed lines).
    pub(super) fn latin_cells(&self, t: &[char], ls: usize, le: usize, out: &mut Vec<Finding>) {
        let mut key = String::new();
        let mut p = ls;
        while p < le {
            let c = t[p];
            // most code points of a Japanese line: a kana or kanji, passed over by one comparison
            if c > '\u{1eff}' || !(c.is_ascii_uppercase() || (c > '\u{bf}' && latin(c) && c.is_uppercase())) {
                p += 1;
                continue;
            }
            if p > 0
                && (latin(t[p - 1])
                    || t[p - 1].is_ascii_digit()
                    || matches!(t[p - 1], '@' | '.' | '_' | '-' | '\'' | '#'))
            {
                p += 1;
                continue;
            }
            let (end, next) = self.cell_name(t, p, &mut key);
            if let Some(e) = end {
                out.push(Finding::new("PERSON", p, e, 0.7, NAME));
            }
            p = next.max(p + 1);
        }
    }

    /// The end of the name in a cell at `s` (if the run of capitalised words there is one), and where to
    /// read on.
    fn cell_name(&self, t: &[char], s: usize, key: &mut String) -> (Option<usize>, usize) {
        let mut words: [(usize, usize); MAX_WORDS] = [(0, 0); MAX_WORDS];
        let mut n = 0;
        let mut i = s;
        while let Some(e) = word_end(t, i) {
            if n == MAX_WORDS {
                return (None, e); // a longer run: an English phrase
            }
            words[n] = (i, e);
            n += 1;
            // one space to the next word; `SURNAME, Given` after a surname in capitals
            let upper = t[s..e].iter().all(|c| !c.is_lowercase());
            if t.get(e) == Some(&' ') && word_end(t, e + 1).is_some() {
                i = e + 1;
            } else if upper && t.get(e) == Some(&',') && t.get(e + 1) == Some(&' ') && word_end(t, e + 2).is_some() {
                i = e + 2;
            } else {
                break;
            }
        }
        if n == 0 {
            return (None, s + 1);
        }
        let end = words[n - 1].1;
        if n < 2 {
            return (None, end);
        }
        // the slot: bounded on both sides
        let mut a = s;
        while a > 0 && space(t[a - 1]) && s - a < 8 {
            a -= 1;
        }
        let mut z = end;
        while z < t.len() && space(t[z]) && z - end < 8 {
            z += 1;
        }
        let before = if a == 0 { None } else { Some(t[a - 1]) };
        let (left, right) = (bound(before, s - a), bound(t.get(z).copied(), z - end));
        if left == Bound::No || right == Bound::No {
            return (None, end);
        }
        // words in capitals between two Japanese words are a brand or a title (`から TOMBOW MAX を`)
        let shouting = t[s..end].iter().all(|c| !c.is_lowercase());
        if shouting && left == Bound::Word && right == Bound::Word {
            return (None, end);
        }
        if matches!(t.get(end), Some('.' | '@')) {
            return (None, end);
        }
        let (mut listed, mut spelled) = (0, 0);
        for &(ws, we) in &words[..n] {
            let w = &t[ws..we];
            let k = norm_into(w, key);
            if n > 2 && PARTICLES.iter().any(|x| x.trim_end() == k) {
                continue; // `DA`, `VAN`, `DER` inside a name
            }
            let c = self.class(k);
            let name = c & (class::GIVEN | class::SURNAME) != 0;
            let bad = class::COMMON
                | class::STOP
                | class::ORG_SUFFIX
                | class::LEGAL_FORM
                | class::NOT_NAME_WORD
                | class::TITLE
                | class::ROLE
                | class::VENUE
                | class::PLACE_KIND;
            if c & class::COMMON != 0 || (c & bad != 0 && !name) || (c & class::PLACE != 0 && !name) {
                return (None, end);
            }
            let stem = k.strip_suffix('s').unwrap_or(k);
            if ENGLISH_ENDINGS.iter().any(|x| stem.len() > x.len() + 2 && stem.ends_with(x)) {
                return (None, end);
            }
            let asian = (!name || c & class::AMBIGUOUS != 0) && asian_surnames().contains(k);
            let upper = w.iter().all(|c| !c.is_lowercase());
            if upper && w.len() <= 3 && !name && !asian {
                return (None, end); // QA, HR, PDF
            }
            if (name && c & class::AMBIGUOUS == 0) || asian {
                listed += 1;
            } else if k.is_ascii() && k.len() >= 2 && !k.contains('-') && hepburn(k.as_bytes()) {
                spelled += 1;
            }
        }
        let ok = listed >= 1 || (spelled >= 2 && spelled == n);
        (ok.then_some(end), end)
    }
}

#[cfg(test)]
mod tests {
    use super::super::persons_in_japanese as persons;

    #[test]
    fn names_in_the_slots_of_japanese_lines() {
        assert_eq!(persons("出席：山本、Chen Jiahao、小林（記）\n"), ["Chen Jiahao"]);
        assert_eq!(persons("担当 Robert Hale\n次回は来週です。\n"), ["Robert Hale"]);
        assert_eq!(persons("R-0101\tSHIMIZU KAORU\tしみず かおる\t営業部\n"), ["SHIMIZU KAORU"]);
        assert_eq!(persons("宿泊者：MÜLLER, Anna（ドイツ国籍）\n"), ["MÜLLER, Anna"]);
        assert_eq!(persons("氏名：VAN DER BERG, Lotte（オランダ）\n"), ["VAN DER BERG, Lotte"]);
        assert_eq!(persons("通訳の Nguyen Quynh さんが同席します。\n"), ["Nguyen Quynh"]);
        assert_eq!(persons("刘 伟（LIU WEI）、王 芳（WANG FANG）\n"), ["LIU WEI", "WANG FANG"]);
    }

    #[test]
    fn words_of_products_places_and_teams_are_no_names() {
        // common words, places, acronyms, English endings, words in no list and not Hepburn
        let text = "会議は Microsoft Teams で行います。\n場所：Tokyo Station 丸の内口\n\
                    担当：QA Team、Sales Manager\n移行：Cloud Migration（第2期）\n\
                    ツール：Slack Workflow、Zendesk Guide\n";
        assert_eq!(persons(text), Vec::<String>::new());
        // a band or a title in quotation marks, a brand in capitals inside a sentence, a firm's name
        let text = "彼は「Johnny Rocket」というバンドで歌った。\n翌年から KAZE MAX を発売した。\n\
                    社名を Paul Brown Instruments から変更した。\n";
        assert_eq!(persons(text), Vec::<String>::new());
        // part of an English phrase in a Japanese line, or glued to an address
        assert_eq!(
            persons("件名：来週の会議について Robert Hale and the team と相談\n連絡先：メールで Robert.Hale@example.com まで\n"),
            Vec::<String>::new()
        );
    }
}
