//! More written forms of a date of birth, read where [`super::birth_date`]'s pattern finds none: what
//! paper forms and 和暦 columns hold.
//!
//! * kanji numerals: 昭和六十二年四月三日, 平成元年十二月一日, 一九八七年四月三日;
//! * a western year with its era year in brackets: 1987年(昭和62年)4月3日;
//! * an era name with dots, slashes or hyphens: 昭和62.4.3, 平成元/5/1, 令和2-10-3.
//!
//! Each reader takes the folded text (NFKC: full-width digits and brackets are ASCII) from a position
//! and gives the end of the date when it is a real date between 1900 and today, else None.

/// (first western year, last era year) of an era name at `p`, and the position after it.
fn era_at(c: &[char], p: usize, hi: usize) -> Option<(i32, i32, usize)> {
    let two = c.get(p..(p + 2).min(hi))?;
    let (base, span) = match two {
        ['明', '治'] => (1868, 45),
        ['大', '正'] => (1912, 15),
        ['昭', '和'] => (1926, 64),
        ['平', '成'] => (1989, 31),
        ['令', '和'] => (2019, 99),
        // the era shortened to its first character or letter before the year (昭55, S31, h3): the year's
        // digits must follow, and a letter must not end a word
        [e, d] if d.is_ascii_digit() && (p == 0 || !c[p - 1].is_ascii_alphabetic()) => {
            let base = match e.to_ascii_uppercase() {
                '明' | 'M' => (1868, 45),
                '大' | 'T' => (1912, 15),
                '昭' | 'S' => (1926, 64),
                '平' | 'H' => (1989, 31),
                '令' | 'R' => (2019, 99),
                _ => return None,
            };
            return Some((base.0, base.1, p + 1));
        }
        _ => return None,
    };
    Some((base, span, p + 2))
}

fn kanji_digit(ch: char) -> Option<u32> {
    "〇一二三四五六七八九".chars().position(|k| k == ch).map(|v| v as u32).or(if ch == '零' { Some(0) } else { None })
}

/// A number in kanji numerals up to 99 (二十九, 十, 三十一) or digit by digit (一九八七), or ASCII digits
/// (at most `max_len` of them): (value, end).
fn number_at(c: &[char], p: usize, hi: usize, max_len: usize) -> Option<(u32, usize)> {
    let at = |q: usize| if q < hi { c.get(q).copied() } else { None };
    let mut q = p;
    if at(q).is_some_and(|ch| ch.is_ascii_digit()) {
        let mut v = 0u32;
        while q < hi && q - p < max_len && at(q).is_some_and(|ch| ch.is_ascii_digit()) {
            v = v * 10 + at(q)?.to_digit(10)?;
            q += 1;
        }
        return (!at(q).is_some_and(|ch| ch.is_ascii_digit())).then_some((v, q));
    }
    // 十 forms: [digit]十[digit]
    let tens_first = at(q).and_then(kanji_digit);
    if at(q) == Some('十') || (tens_first.is_some() && at(q + 1) == Some('十')) {
        let tens = if at(q) == Some('十') { 1 } else { tens_first? };
        q += if at(q) == Some('十') { 1 } else { 2 };
        let ones = at(q).and_then(kanji_digit);
        if ones.is_some() {
            q += 1;
        }
        return Some((tens * 10 + ones.unwrap_or(0), q));
    }
    // digit by digit: 一九八七, 六
    let mut v = 0u32;
    while q - p < max_len {
        match at(q).and_then(kanji_digit) {
            Some(d) => v = v * 10 + d,
            None => break,
        }
        q += 1;
    }
    (q > p).then_some((v, q))
}

fn skip_spaces(c: &[char], mut p: usize, hi: usize) -> usize {
    while p < hi && c.get(p) == Some(&' ') {
        p += 1;
    }
    p
}

/// `p` holds `ch` (after spaces): the position after it.
fn expect(c: &[char], p: usize, hi: usize, ch: char) -> Option<usize> {
    let p = skip_spaces(c, p, hi);
    (p < hi && c.get(p) == Some(&ch)).then_some(p + 1)
}

/// An era name and its year (元 or a number), then 年: (western year, position after 年 or after the year
/// when `need_nen` is false).
fn era_year(c: &[char], p: usize, hi: usize) -> Option<(i32, usize)> {
    let (base, span, q) = era_at(c, p, hi)?;
    let q = skip_spaces(c, q, hi);
    let (n, q) = if c.get(q) == Some(&'元') && q < hi { (1, q + 1) } else { number_at(c, q, hi, 2)? };
    if n == 0 || n as i32 > span {
        return None;
    }
    Some((base + n as i32 - 1, q))
}

/// Month and day after a year: `M月D日` (kanji or digits, spaces allowed) or `.M.D` / `/M/D` / `-M-D`.
fn month_day(c: &[char], p: usize, hi: usize, kanji: bool) -> Option<(u32, u32, usize)> {
    if kanji {
        let q = skip_spaces(c, p, hi);
        let (m, q) = number_at(c, q, hi, 2)?;
        let q = expect(c, q, hi, '月')?;
        let q = skip_spaces(c, q, hi);
        let (d, q) = number_at(c, q, hi, 2)?;
        let q = expect(c, q, hi, '日')?;
        return Some((m, d, q));
    }
    let sep = *c.get(p)?;
    if p >= hi || !matches!(sep, '.' | '/' | '-' | '・') {
        return None;
    }
    let (m, q) = number_at(c, p + 1, hi, 2)?;
    if c.get(q) != Some(&sep) || q >= hi {
        return None;
    }
    let (d, q) = number_at(c, q + 1, hi, 2)?;
    Some((m, d, q))
}

fn real(y: i32, m: u32, d: u32, today: (i32, u32, u32)) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    };
    y >= 1900 && d >= 1 && d <= days && (y, m, d) <= today
}

/// The end of a date of one of the forms above starting at `p` (before `hi`).
pub(crate) fn date_at(c: &[char], p: usize, hi: usize, today: (i32, u32, u32)) -> Option<usize> {
    let hi = hi.min(c.len());
    if p >= hi || !(c[p].is_ascii_digit() || "明大昭平令〇一二三四五六七八九十MTSHRmtshr".contains(c[p]))
    {
        return None;
    }
    // 昭和六十二年四月三日 / 昭和62.4.3
    if let Some((y, q)) = era_year(c, p, hi) {
        if let Some(mut q2) = expect(c, q, hi, '年') {
            // 平成17年(2005年)3月3日: the western year in brackets, agreeing with the era's
            let mut both = false;
            let b = skip_spaces(c, q2, hi);
            if c.get(b) == Some(&'(') && b < hi {
                let (wy, r) = number_at(c, b + 1, hi, 4)?;
                let r = expect(c, expect(c, r, hi, '年')?, hi, ')')?;
                if r - b != 7 || wy as i32 != y {
                    return None;
                }
                (q2, both) = (r, true);
            }
            let (m, d, e) = month_day(c, q2, hi, true)?;
            // digits only in every part is the base pattern's form: leave it to it
            let kanji = c[p..e].iter().any(|&ch| kanji_digit(ch).is_some() || ch == '十');
            return ((kanji || both) && real(y, m, d, today)).then_some(e);
        }
        let (m, d, e) = month_day(c, q, hi, false)?;
        return real(y, m, d, today).then_some(e);
    }
    // 1987年(昭和62年)4月3日 / 一九八七年四月三日
    let (y, q) = number_at(c, p, hi, 4)?;
    if q - p != 4 {
        return None;
    }
    let q = expect(c, q, hi, '年')?;
    let q2 = skip_spaces(c, q, hi);
    if c.get(q2) == Some(&'(') && q2 < hi {
        let (ey, r) = era_year(c, q2 + 1, hi)?;
        let r = expect(c, r, hi, '年')?;
        let r = expect(c, r, hi, ')')?;
        let (m, d, e) = month_day(c, r, hi, true)?;
        return (ey == y as i32 && real(y as i32, m, d, today)).then_some(e);
    }
    if !c[p..q].iter().any(|&ch| kanji_digit(ch).is_some()) {
        return None; // 1987年4月3日 in digits is the base pattern's
    }
    let (m, d, e) = month_day(c, q, hi, true)?;
    real(y as i32, m, d, today).then_some(e)
}

/// A date of these forms ending at `end` (or one character before it), starting on the line from `lo`.
pub(crate) fn date_before(c: &[char], lo: usize, end: usize, today: (i32, u32, u32)) -> Option<(usize, usize)> {
    (lo..end).find_map(|p| {
        let starts =
            era_at(c, p, end).is_some() || c.get(p).is_some_and(|&ch| ch.is_ascii_digit() || kanji_digit(ch).is_some());
        if !starts || (p > lo && c.get(p - 1).is_some_and(|ch| ch.is_ascii_digit())) {
            return None;
        }
        date_at(c, p, end, today).filter(|&e| e == end || e + 1 == end).map(|e| (p, e))
    })
}

/// An era year ending right before `end` (`明治三十一年` of `明治三十一年生`), starting on the line from
/// `lo`: its start. The year must be one the era had, and no later than `today`'s.
pub(crate) fn era_year_before(c: &[char], lo: usize, end: usize, today: (i32, u32, u32)) -> Option<usize> {
    (lo..end.saturating_sub(2)).find(|&p| {
        era_at(c, p, end).is_some()
            && (p == 0 || !c[p - 1].is_ascii_alphanumeric())
            && era_year(c, p, end).is_some_and(|(y, q)| y <= today.0 && expect(c, q, end, '年') == Some(end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: (i32, u32, u32) = (2026, 12, 7);

    fn end(s: &str) -> Option<String> {
        let c: Vec<char> = s.chars().collect();
        date_at(&c, 0, c.len(), TODAY).map(|e| c[..e].iter().collect())
    }

    #[test]
    fn forms() {
        assert_eq!(end("昭和六十二年四月三日生").as_deref(), Some("昭和六十二年四月三日"));
        assert_eq!(end("平成元年十二月一日").as_deref(), Some("平成元年十二月一日"));
        assert_eq!(end("一九八七年四月三日").as_deref(), Some("一九八七年四月三日"));
        assert_eq!(end("1987年(昭和62年)4月3日").as_deref(), Some("1987年(昭和62年)4月3日"));
        assert_eq!(end("昭和62.4.3 ").as_deref(), Some("昭和62.4.3"));
        assert_eq!(end("平成元/5/1").as_deref(), Some("平成元/5/1"));
        // the era in one character or letter, dots or middle dots between the parts
        assert_eq!(end("昭48・11・20 ").as_deref(), Some("昭48・11・20"));
        assert_eq!(end("h7.2.14").as_deref(), Some("h7.2.14"));
        assert_eq!(end("令3・4・1").as_deref(), Some("令3・4・1"));
        // the western year in brackets after the era year
        assert_eq!(
            end("平成9年（1997年）10月21日".replace('（', "(").replace('）', ")").as_str()).as_deref(),
            Some("平成9年(1997年)10月21日")
        );
    }

    #[test]
    fn shortened_eras_need_agreement() {
        assert_eq!(end("平成9年(1998年)10月21日"), None); // the two years disagree
        assert_eq!(end("昭70・1・1"), None); // 昭和 had 64 years
        assert_eq!(end("昭・1・1"), None);
        assert_eq!(end("S48・11・20・3"), Some("S48・11・20".into())); // read as far as a date goes
        let c: Vec<char> = "USB3.1.2".chars().collect();
        assert_eq!(date_at(&c, 2, c.len(), TODAY), None); // a letter ending a word is no era
    }

    #[test]
    fn not_dates() {
        // the base pattern's own forms, impossible dates, eras that do not agree, the future
        assert_eq!(end("昭和62年4月3日"), None);
        assert_eq!(end("1987年4月3日"), None);
        assert_eq!(end("昭和六十五年一月一日"), None);
        assert_eq!(end("昭和62.2.30"), None);
        assert_eq!(end("1990年(昭和62年)4月3日"), None);
        assert_eq!(end("令和九年一月一日"), None);
        assert_eq!(end("昭和"), None);
    }

    #[test]
    fn an_era_year_alone() {
        let c: Vec<char> = "祖母 トメ（大正五年生）".chars().collect();
        let end = c.iter().position(|&ch| ch == '生').unwrap_or(0);
        assert_eq!(era_year_before(&c, 0, end, TODAY), Some(6));
        let c: Vec<char> = "小学3年生".chars().collect();
        assert_eq!(era_year_before(&c, 0, 4, TODAY), None);
        let c: Vec<char> = "大正十八年生".chars().collect(); // 大正 had 15 years
        assert_eq!(era_year_before(&c, 0, 5, TODAY), None);
    }

    #[test]
    fn before_a_word() {
        let c: Vec<char> = "長男 昭和六十年五月一日生".chars().collect();
        let ks = c.len() - 1;
        assert_eq!(date_before(&c, 0, ks, TODAY), Some((3, ks)));
    }
}
