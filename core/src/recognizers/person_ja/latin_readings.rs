//! Upper-case Latin names beside their katakana reading, as rosters, CSV exports and forms of Japanese
//! documents write foreign workers' and travellers' passport names: `SAITO FABIO KENJI（サイトウ ファビオ
//! ケンジ）`, `…,NAKAMURA JULIANA,ﾅｶﾑﾗ ｼﾞｭﾘｱﾅ,…`, `ラマ　ビシュヌ　（LAMA BISHNU）`, `| KIM MINSU | キム ミンス |`.
//!
//! The name: two to six upper-case words of letters (a `SURNAME, GIVEN` comma allowed once); the reading: a
//! run of katakana (full or half width, words split by spaces or `・`) of three letters or more in two words or more, after the name
//! or before it, with spaces, one bracket or one cell separator (`,` `|` `｜` `/` a tab) between. No word may
//! be an organisation's word or a common English word or a place unless a listed name (`BLUE OCEAN（ブルー
//! オーシャン）`, `SUNRISE TRADING,サンライズ トレーディング` give nothing).

use super::chars::is_kata;
use super::tables::F_UPPER;
use super::Ctx;
use crate::recognizers::english_words::lexicons;

/// The most words of a name.
const WORDS_MAX: usize = 6;
/// The longest word, in letters.
const WORD_MAX: usize = 16;
/// The most spaces read between the name and its reading.
const GAP_MAX: usize = 40;

/// Words of organisations' names (lower case): never a person's.
const ORG_WORDS: &[&str] = &[
    "co",
    "ltd",
    "inc",
    "llc",
    "corp",
    "corporation",
    "company",
    "trading",
    "group",
    "holdings",
    "bank",
    "center",
    "centre",
    "hotel",
    "office",
    "team",
    "services",
    "systems",
    "japan",
    "kabushiki",
    "kaisha",
    "industries",
];

impl Ctx<'_, '_> {
    /// Upper-case Latin names beside a katakana reading (see the module's header).
    #[inline(never)]
    pub(crate) fn latin_readings(&mut self) {
        let (t, n) = (self.t, self.n);
        let mut c = self.next_flag(0, F_UPPER);
        while c < n {
            let i = c;
            // the next capital after this run of capitals (a name's word starts a run)
            let mut j = i + 1;
            while j < n && t[j].is_ascii_uppercase() {
                j += 1;
            }
            c = self.next_flag(j, F_UPPER);
            if j == i + 1
                || i > 0 && (t[i - 1].is_alphanumeric() || matches!(t[i - 1], '.' | '@' | '_' | '-' | '/' | '\''))
            {
                continue;
            }
            let Some(e) = upper_name(t, i, n) else {
                continue;
            };
            // the words are read last: most upper-case runs have no reading beside them
            if (reading_after(t, e, n) || reading_before(t, i) || passport_order(&t[i..e])) && words_ok(&t[i..e]) {
                self.add(i, e, 0.8);
            }
            while c < e {
                c = self.next_flag(c + 1, F_UPPER);
            }
        }
    }
}

/// Two to [`WORDS_MAX`] upper-case words of letters from `i`, joined by single spaces (and one `, `): their end.
fn upper_name(t: &[char], i: usize, n: usize) -> Option<usize> {
    let mut p = i;
    let mut words = 0;
    let mut comma = false;
    loop {
        let mut q = p;
        while q < n && t[q].is_ascii_uppercase() && q - p <= WORD_MAX {
            q += 1;
        }
        if q - p < 2 || q - p > WORD_MAX || t.get(q).is_some_and(|c| c.is_alphanumeric()) {
            return None;
        }
        words += 1;
        if words == WORDS_MAX {
            return Some(q);
        }
        match (t.get(q), t.get(q + 1)) {
            (Some(' '), Some(x)) if x.is_ascii_uppercase() => p = q + 1,
            (Some(','), Some(' ')) if !comma && t.get(q + 2).is_some_and(|x| x.is_ascii_uppercase()) => {
                comma = true;
                p = q + 2;
            }
            _ => return (words >= 2).then_some(q),
        }
    }
}

/// Whether no word of the name `w` is an organisation's word, a common English word, a place or a longer
/// stop word, unless a listed given name or surname.
fn words_ok(w: &[char]) -> bool {
    let lx = lexicons();
    let mut low = String::new();
    w.split(|&c| c == ' ' || c == ',').filter(|x| !x.is_empty()).all(|x| {
        low.clear();
        low.extend(x.iter().map(|c| c.to_ascii_lowercase()));
        let listed = lx.given.contains(low.as_str()) || lx.surnames.contains(low.as_str());
        !(ORG_WORDS.contains(&low.as_str())
            || (!listed
                && (lx.common.contains(low.as_str())
                    || lx.places.get(low.as_str()).is_some_and(|&k| k != "T")
                    || lx.stop_words.contains(low.as_str()) && x.len() > 3)))
    })
}

/// Whether the upper-case words `w` are written as a passport writes a name, the surnames, a comma and the
/// given names (`DELA CRUZ, MARIA CRISTINA`), in three words or more (one of four letters or more), or in two
/// listed names (`SANTOS, MIGUEL`).
fn passport_order(w: &[char]) -> bool {
    if !w.contains(&',') {
        return false;
    }
    let words: Vec<&[char]> = w.split(|&c| c == ' ' || c == ',').filter(|x| !x.is_empty()).collect();
    if words.len() >= 3 {
        return words.iter().any(|x| x.len() >= 4);
    }
    let lx = lexicons();
    words.iter().all(|x| {
        let low: String = x.iter().map(|c| c.to_ascii_lowercase()).collect();
        lx.given.contains(low.as_str()) || lx.surnames.contains(low.as_str())
    })
}

/// Whether `c` can stand in a katakana reading (a letter, the long mark, half-width katakana).
fn kana(c: char) -> bool {
    is_kata(c) || ('\u{FF66}'..='\u{FF9F}').contains(&c)
}

/// Whether a separator char may stand between a name and its reading.
fn separator(c: char) -> bool {
    matches!(c, ',' | '|' | '｜' | '/' | '\t' | '、' | '，')
}

/// Whether a katakana reading of three letters or more follows the name ending at `e`.
fn reading_after(t: &[char], e: usize, n: usize) -> bool {
    let mut p = e;
    let space = |c: char| c == ' ' || c == '\u{3000}';
    while p < n && p - e < GAP_MAX && space(t[p]) {
        p += 1;
    }
    if p < n && (separator(t[p]) || matches!(t[p], '（' | '(')) {
        p += 1;
        while p < n && p - e < GAP_MAX && space(t[p]) {
            p += 1;
        }
    }
    if p == e {
        return false;
    }
    let (mut letters, mut words, mut gap, mut last) = (0, 0, true, p);
    while p < n && (kana(t[p]) || (letters > 0 && matches!(t[p], '・' | ' ' | '\u{3000}' | '･'))) {
        if kana(t[p]) {
            letters += 1;
            words += usize::from(gap);
            gap = false;
            last = p + 1;
        } else {
            gap = true;
        }
        p += 1;
    }
    letters >= 3 && words >= 2 && !t.get(last).is_some_and(|&c| c.is_alphanumeric())
}

/// Whether a katakana reading of three letters or more stands before the name starting at `s`.
fn reading_before(t: &[char], s: usize) -> bool {
    let mut p = s;
    let space = |c: char| c == ' ' || c == '\u{3000}';
    while p > 0 && s - p < GAP_MAX && space(t[p - 1]) {
        p -= 1;
    }
    if p > 0 && (separator(t[p - 1]) || matches!(t[p - 1], '（' | '(')) {
        p -= 1;
        while p > 0 && s - p < GAP_MAX && space(t[p - 1]) {
            p -= 1;
        }
    }
    if p == s {
        return false;
    }
    let (mut letters, mut words, mut gap, mut first) = (0, 0, true, p);
    while p > 0 && (kana(t[p - 1]) || (letters > 0 && matches!(t[p - 1], '・' | ' ' | '\u{3000}' | '･'))) {
        if kana(t[p - 1]) {
            letters += 1;
            words += usize::from(gap);
            gap = false;
            first = p - 1;
        } else {
            gap = true;
        }
        p -= 1;
    }
    letters >= 3 && words >= 2 && !(first > 0 && t[first - 1].is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use crate::recognizers::person_ja::tests::names;

    fn has(text: &str, name: &str) -> bool {
        names(text).iter().any(|x| x == name)
    }

    #[test]
    fn upper_case_names_beside_a_reading() {
        assert!(has("KD-0031,OKABE LUIZ HENRIQUE,ｵｶﾍﾞ ﾙｲｽ ｴﾝﾘｹ,2027-01-04\n", "OKABE LUIZ HENRIQUE"));
        assert!(has("対象者\u{3000}MORITA CLARA（モリタ クララ）\u{3000}派遣\n", "MORITA CLARA"));
        assert!(has("氏名\u{3000}タマン\u{3000}スニル\u{3000}（TAMANG SUNIL）\n", "TAMANG SUNIL"));
        assert!(has("| 3 | ADHIKARI MAYA | アディカリ マヤ | NP |\n", "ADHIKARI MAYA"));
    }

    #[test]
    fn upper_case_names_in_passport_order() {
        assert!(has("氏名\u{3000}DE LEON, ANNA MARIE LUZ\n", "DE LEON, ANNA MARIE LUZ"));
        assert!(has("お客様：GARCIA, ELENA / GARCIA, PABLO JOSE\n", "GARCIA, PABLO JOSE"));
        assert!(!has("TEL, FAX\n", "TEL, FAX"));
    }

    #[test]
    fn companies_and_words_beside_katakana_are_none() {
        assert!(!has("SUNRISE TRADING,サンライズ トレーディング,東京\n", "SUNRISE TRADING"));
        assert!(!has("BLUE OCEAN（ブルー オーシャン）\n", "BLUE OCEAN"));
        assert!(!has("ORDER FORM,オーダー フォーム,A4\n", "ORDER FORM"));
    }
}
