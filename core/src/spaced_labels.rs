//! Form labels written with spaces inside them (`氏　　名`, `住　所`, `生 年 月 日`), read as the label.
//!
//! Printed forms and the text copied out of them spread a short label over the width of its box. The
//! folded text moves those spaces in front of the label (`氏  名` → `  氏名`), so every rule that
//! looks for 氏名 or 住所 finds it, and the value after the label stays where it is.
//!
//! Invariants: the folded text keeps its length (only characters inside a matched label move); a
//! label matches only where a field can start (the start of a line or after a space, tab, bar or
//! colon) and only when a non-kanji character (or the end) follows it.

/// The labels read through spaces: the fields of Japanese forms.
const LABELS: &[&str] = &[
    "フリガナ",
    "ふりがな",
    "氏名",
    "名前",
    "住所",
    "現住所",
    "旧住所",
    "所在地",
    "生年月日",
    "性別",
    "年齢",
    "電話",
    "電話番号",
    "携帯",
    "職業",
    "連絡先",
    "勤務先",
    "本籍",
    "国籍",
    "所属",
    "役職",
    "備考",
    "続柄",
    "郵便番号",
    "日付",
    "宛先",
    "署名",
];

/// The longest gap of spaces read between two characters of a label.
const MAX_GAP: usize = 4;

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '々')
}

fn is_kata(c: char) -> bool {
    matches!(c, '\u{30a1}'..='\u{30fa}')
}

fn is_hira(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}')
}

/// A character a label starts with: a kanji, or the first kana of フリガナ / ふりがな.
fn label_start(c: char) -> bool {
    is_kanji(c) || c == 'フ' || c == 'ふ'
}

/// Rewrites every spaced label of `norm` in place; returns the positions it changed, ascending.
pub fn close_spaced_labels(norm: &mut [char]) -> Vec<u32> {
    let mut changed = Vec::new();
    let n = norm.len();
    let mut i = 0;
    while i + 2 < n {
        if norm[i + 1] != ' ' {
            // no label starts before the character ahead of the next space: go there at once
            match norm[i + 2..].iter().position(|&x| x == ' ') {
                Some(k) => {
                    i += 1 + k;
                    continue;
                }
                None => break,
            }
        }
        if !label_start(norm[i])
            || !(i == 0 || matches!(norm[i - 1], '\n' | ' ' | '\t' | '|' | ':' | '・' | '■' | '□' | '【' | '['))
        {
            i += 1;
            continue;
        }
        match LABELS.iter().find_map(|l| spaced_match(norm, i, l)) {
            Some((e, len)) => {
                let label: Vec<char> = norm[i..e].iter().copied().filter(|&x| x != ' ').collect();
                debug_assert_eq!(label.len(), len);
                let spaces = (e - i) - len;
                for (k, slot) in norm[i..e].iter_mut().enumerate() {
                    let want = if k < spaces { ' ' } else { label[k - spaces] };
                    if *slot != want {
                        *slot = want;
                        changed.push((i + k) as u32);
                    }
                }
                i = e;
            }
            None => i += 1,
        }
    }
    changed
}

/// `label` at `i` with one to [`MAX_GAP`] spaces between its characters: (end, label length).
fn spaced_match(norm: &[char], i: usize, label: &str) -> Option<(usize, usize)> {
    let mut p = i;
    let mut len = 0;
    for (k, want) in label.chars().enumerate() {
        if k > 0 {
            let gap = norm[p..].iter().take(MAX_GAP + 1).take_while(|&&x| x == ' ').count();
            if gap == 0 || gap > MAX_GAP {
                return None;
            }
            p += gap;
        }
        if norm.get(p) != Some(&want) {
            return None;
        }
        p += 1;
        len += 1;
    }
    if norm.get(p).is_some_and(|&c| is_kanji(c) || (!is_kanji(norm[i]) && (is_kata(c) || is_hira(c)))) {
        return None; // 住 所在地: the label goes on
    }
    Some((p, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closed(s: &str) -> (String, Vec<u32>) {
        let mut v: Vec<char> = s.chars().collect();
        let ch = close_spaced_labels(&mut v);
        (v.into_iter().collect(), ch)
    }

    #[test]
    fn labels_close_up_and_keep_length() {
        assert_eq!(closed("氏  名 山田"), ("  氏名 山田".to_string(), vec![0, 2]));
        assert_eq!(closed("生 年 月 日 S41").0, "   生年月日 S41");
        assert_eq!(closed("x\n現 住 所:東京").0, "x\n  現住所:東京");
        assert_eq!(closed("フ リ ガ ナ ヤマダ").0, "   フリガナ ヤマダ");
        assert_eq!(closed("ふ り が な:やまだ").0, "   ふりがな:やまだ");
        for s in ["氏名 山田", "山 田 太 郎", "名 前田", "住 所在地", "大住 所"] {
            assert_eq!(closed(s).0, s, "{s}");
        }
    }

    #[test]
    fn any_text_keeps_its_length() {
        let mut seed = 11u64;
        let alphabet: Vec<char> = "氏名住所生年月日 \n:".chars().collect();
        for len in 0..40 {
            let s: String = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            let (out, changed) = closed(&s);
            assert_eq!(out.chars().count(), s.chars().count());
            assert!(changed.windows(2).all(|w| w[0] < w[1]));
            let mut a: Vec<char> = s.chars().collect();
            let mut b: Vec<char> = out.chars().collect();
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{s:?}");
        }
    }
}
