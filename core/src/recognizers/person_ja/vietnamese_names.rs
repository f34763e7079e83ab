//! Vietnamese full names in Latin letters, wherever they stand (rosters, forms, chat, English sentences inside a
//! Japanese document): a common Vietnamese family name, a common middle name, then one or two given-name
//! syllables, all capitalised or all upper-case: `Nguyen Van Binh`, `TRAN THI MAI`, `Lê Hoàng Nam`,
//! `Pham Thi Thu Trang`.
//!
//! The family and middle names are closed lists (the commonest family names cover most people, and `Van` /
//! `Thi` and a few others stand second in most names), written with or without their diacritics; the middle
//! word is what tells a name from `Le Monde` or `Ho Chi Minh`. Anchored on upper-case ASCII letters.

use super::patterns::run_len;
use super::tables::F_UPPER;
use super::Ctx;

/// Common Vietnamese family names, lower case, with and without diacritics.
const FAMILY: &[&str] = &[
    "nguyen", "nguyễn", "tran", "trần", "le", "lê", "pham", "phạm", "hoang", "hoàng", "huynh", "huỳnh", "phan", "vu",
    "vũ", "vo", "võ", "dang", "đặng", "bui", "bùi", "do", "đỗ", "ho", "hồ", "ngo", "ngô", "duong", "dương", "ly", "lý",
    "dinh", "đinh", "truong", "trương", "doan", "đoàn", "trinh", "trịnh", "luong", "lương",
];

/// Common middle names (the word after the family name), lower case, with and without diacritics.
const MIDDLE: &[&str] = &[
    "van", "văn", "thi", "thị", "minh", "quoc", "quốc", "duc", "đức", "ngoc", "ngọc", "huu", "hữu", "xuan", "xuân",
    "hoang", "hoàng", "thanh", "thu", "hong", "hồng", "cong", "công", "dinh", "đình", "bao", "bảo", "kim", "thuy",
    "thùy", "anh", "tuan", "tuấn",
];

/// The longest given-name syllable, in letters (`nguyen`, `truong`: 6; `nghieng`: 7).
const SYLLABLE_MAX: usize = 7;

impl Ctx<'_, '_> {
    /// Vietnamese full names of three or four words (see the module's header).
    pub(crate) fn vietnamese_names(&mut self) {
        let (t, n) = (self.t, self.n);
        let mut c = self.next_flag(0, F_UPPER);
        while c < n {
            let i = c;
            c = self.next_flag(c + 1, F_UPPER);
            if i > 0 && (t[i - 1].is_alphanumeric() || matches!(t[i - 1], '@' | '.' | '_' | '-')) {
                continue;
            }
            // the first letters of the family names: most capitals are not one
            if !matches!(t[i], 'N' | 'T' | 'L' | 'P' | 'H' | 'V' | 'D' | 'B') {
                continue;
            }
            if let Some(e) = vietnamese_name(t, i, n) {
                self.add(i, e, 0.8);
                while c < e {
                    c = self.next_flag(c + 1, F_UPPER);
                }
            }
        }
    }
}

/// A Vietnamese full name at `i`: its end.
fn vietnamese_name(t: &[char], i: usize, n: usize) -> Option<usize> {
    let (e1, upper) = word(t, i, n, None)?;
    if !listed(&t[i..e1], FAMILY) || t.get(e1) != Some(&' ') {
        return None;
    }
    let (e2, _) = word(t, e1 + 1, n, Some(upper))?;
    if !listed(&t[e1 + 1..e2], MIDDLE) || t.get(e2) != Some(&' ') {
        return None;
    }
    let (mut e, _) = word(t, e2 + 1, n, Some(upper))?;
    if t.get(e) == Some(&' ') {
        if let Some((e4, _)) = word(t, e + 1, n, Some(upper)) {
            e = e4;
        }
    }
    (!t.get(e).is_some_and(|&c| c.is_alphanumeric() || matches!(c, '@' | '_' | '-' | '\''))).then_some(e)
}

/// A capitalised or upper-case word of letters at `i` (upper case as `upper` says, when given): its end and
/// whether it is upper case.
fn word(t: &[char], i: usize, n: usize, upper: Option<bool>) -> Option<(usize, bool)> {
    if i >= n || !t[i].is_uppercase() {
        return None;
    }
    let k = 1 + run_len(t, i + 1, n, SYLLABLE_MAX, |c| c.is_alphabetic());
    if !(2..=SYLLABLE_MAX).contains(&k) || (i + k < n && t[i + k].is_alphabetic()) {
        return None;
    }
    let rest = &t[i + 1..i + k];
    let is_upper = rest.iter().all(|c| c.is_uppercase());
    if !is_upper && !rest.iter().all(|c| c.is_lowercase()) {
        return None;
    }
    match upper {
        Some(u) if u != is_upper => None,
        _ => Some((i + k, is_upper)),
    }
}

/// Whether the word `w` (any case) is in `list` (no allocation: the word is lowered once, into an array, and
/// most entries differ in their first letter).
fn listed(w: &[char], list: &[&str]) -> bool {
    // each letter lowered when it lowers to one letter, else `\0` (no entry holds it)
    let mut low = ['\0'; SYLLABLE_MAX + 1];
    if w.len() > low.len() {
        return false;
    }
    for (l, &c) in low.iter_mut().zip(w) {
        let mut it = c.to_lowercase();
        if let (Some(x), None) = (it.next(), it.next()) {
            *l = x;
        }
    }
    list.iter().any(|x| {
        let mut cs = x.chars();
        w.iter().zip(&low).all(|(&c, &l)| cs.next().is_some_and(|y| c == y || l == y)) && cs.next().is_none()
    })
}

#[cfg(test)]
mod tests {
    use crate::recognizers::person_ja::tests::names;

    #[test]
    fn vietnamese_full_names() {
        let has = |text: &str, name: &str| names(text).iter().any(|x| x == name);
        assert!(has("作業員　原口 修、Vu Thi Lien、佐伯\n", "Vu Thi Lien"));
        assert!(has("口座名義 TRAN NGOC LOAN\n", "TRAN NGOC LOAN"));
        assert!(has("Please call Dinh Van Khoi at the desk.\n", "Dinh Van Khoi"));
        assert!(has("氏名　Luong Thi Bich Lien（ルオン）\n", "Luong Thi Bich Lien"));
        assert!(has("[Zalo] Lê Hoàng Tín\n", "Lê Hoàng Tín"));
    }

    #[test]
    fn no_middle_name_no_vietnamese_name() {
        // a place, a newspaper, mixed case, a file name
        assert!(names("ホーチミン（Ho Chi Minh City）へ出張\n").is_empty());
        assert!(names("Le Monde Diplomatique を購読\n").is_empty());
        assert!(names("Do Van dao の件\n").is_empty());
        assert!(names("tran_van_an.pdf と Tran Van.csv\n").is_empty());
    }
}
