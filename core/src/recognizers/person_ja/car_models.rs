//! Car models written in katakana are no names (`ダイハツ タント`, `トヨタ アクア`, `車両：セレナ`): a katakana
//! word found as a name is dropped when a carmaker's name stands before it (or starts it), a vehicle label
//! (車両, 車種, 車名) opens its line, or a type code of capitals and digits follows it (`タント LA650S`).
//! Dealers, insurers and parking lists write models where the rules read foreign names.

use super::chars::{is_kata, is_kata_letter};
use super::Ctx;

/// Carmakers as their models are written after them.
const MAKERS: &[&str] =
    &["トヨタ", "ダイハツ", "ホンダ", "日産", "ニッサン", "スズキ", "マツダ", "スバル", "三菱", "レクサス"];

/// Labels of a vehicle at the start of a line.
const LABELS: &[&str] = &["車両", "車種", "車名"];

/// Characters read back for the line's label.
const BACK: usize = 24;

impl Ctx<'_, '_> {
    /// Drops the car models found as names (see the module header).
    #[inline(never)]
    pub(crate) fn drop_car_models(&mut self) {
        let t = self.t;
        let n = self.n;
        let mut drop: Vec<(usize, usize)> = Vec::new();
        for &((s, e), _) in &self.found.items {
            let w = &t[s..e];
            if !is_kata_letter(w[0]) || !w.iter().all(|&c| is_kata(c) || c == ' ') {
                continue;
            }
            // a maker before a one-word model, across a space, the maker starting its line or following a space
            // (スズキ, マツダ are surnames too: `スズキ ハナコ` is a reading)
            // (the space before the model is tested first: most candidates have none)
            let maker = s > 1
                && t[s - 1] == ' '
                && !w.contains(&' ')
                && MAKERS.iter().any(|m| {
                    let len = m.chars().count();
                    let a = s.wrapping_sub(1 + len);
                    s > len
                        && t[a..s - 1].iter().copied().eq(m.chars())
                        && (a == 0 || matches!(t[a - 1], ' ' | '\n' | '\u{3000}' | ':'))
                        && !self.found.contains(a, s - 1)
                });
            // a type code after it: `LA650S`, `NHP10`
            let code = e + 2 < n && t[e] == ' ' && t[e + 1].is_ascii_uppercase() && {
                let k = t[e + 1..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
                (3..=10).contains(&k) && t[e + 1..e + 1 + k].iter().any(|c| c.is_ascii_digit())
            };
            // a vehicle label opening the line
            let ls = t[s.saturating_sub(BACK)..s]
                .iter()
                .rposition(|&c| c == '\n')
                .map_or(s.saturating_sub(BACK), |k| s - BACK.min(s) + k + 1);
            let label = LABELS.iter().any(|l| {
                let len = l.chars().count();
                ls + len <= s
                    && t[ls..ls + len].iter().copied().eq(l.chars())
                    && t[ls + len..s].iter().all(|&c| matches!(c, ' ' | ':' | '\u{3000}'))
            });
            if maker || code || label {
                drop.push((s, e));
            }
        }
        if !drop.is_empty() {
            self.found.items.retain(|x| !drop.contains(&x.0));
            self.found.index.clear();
            for (i, x) in self.found.items.iter().enumerate() {
                self.found.index.insert(x.0, i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn car_models_are_no_names() {
        assert!(names("車両\u{3000}ダイハツ タント LA650S\n").is_empty());
        assert!(names("車両：セレナ\n").is_empty());
        // a reading that starts like a maker is a name
        assert_eq!(names("フリガナ：スズキ ハナコ\n"), ["スズキ ハナコ"]);
        // a name after a vehicle line is still a name
        assert_eq!(names("車両：トヨタ アクア\n運転者：ガルシア マテオ\n"), ["ガルシア マテオ"]);
    }
}
