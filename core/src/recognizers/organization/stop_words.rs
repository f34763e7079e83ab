//! Words that end like an organisation's name but are not one (政党, 会社, 官庁) and counts (6社, 第1局).

/// Words the suffix, context and bank rules reject as names (反省, 政党, 本社, 官庁, 取引銀行 ...).
pub const SUFFIX_STOP: &[&str] = &[
    "反省",
    "帰省",
    "内省",
    "自省",
    "人省",
    "政党",
    "与党",
    "野党",
    "悪党",
    "徒党",
    "残党",
    "郷党",
    "入党",
    "離党",
    "結党",
    "解党",
    "脱党",
    "新党",
    "甘党",
    "辛党",
    "大学",
    "入社",
    "出社",
    "退社",
    "本社",
    "支社",
    "会社",
    "他社",
    "各社",
    "弊社",
    "当社",
    "御社",
    "貴社",
    "同社",
    "自社",
    "商社",
    "神社",
    "寺社",
    "結社",
    "入庁",
    "官庁",
    "都庁",
    "県庁",
    "道庁",
    "府庁",
    "登庁",
    "退庁",
    // kinds of bank, not one bank (みずほ銀行など取引銀行に, 取引銀行：十六銀行)
    "取引銀行",
    "都市銀行",
    "地方銀行",
    "中央銀行",
    "投資銀行",
    "主力銀行",
    "大手銀行",
    "民間銀行",
    "商業銀行",
    "市中銀行",
    "地元銀行",
    "外資系銀行",
    "農業協同組合",
    "漁業協同組合",
    "事業協同組合",
    "商工協同組合",
    "生活協同組合",
    "企業組合",
];

/// Whether `chars` is one of the [`SUFFIX_STOP`] words.
pub fn is_suffix_stop(chars: &[char]) -> bool {
    in_words(SUFFIX_STOP, chars)
}

/// Whether `chars` spells one of `words`.
pub fn in_words(words: &[&str], chars: &[char]) -> bool {
    // compared as UTF-8: most words differ in length, the rest in the first bytes
    let mut buf = [0u8; 64];
    let mut n = 0;
    for &c in chars {
        if n + c.len_utf8() > buf.len() {
            return words.iter().any(|w| w.chars().eq(chars.iter().copied()));
        }
        n += c.encode_utf8(&mut buf[n..]).len();
    }
    let enc = &buf[..n];
    words.iter().any(|w| w.as_bytes() == enc)
}

/// Whether `chars` spells `word`.
pub fn is_word(word: &str, chars: &[char]) -> bool {
    in_words(&[word], chars)
}

/// A count or ordinal, not a name (6社, 第1局 is checked apart): the whole of `chars` is
/// `[0-9]{1,6}(?:[社局部団軍位]|か国|ヶ国)?` (Python's `COUNT_RE.fullmatch`).
pub fn is_count(chars: &[char]) -> bool {
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return false;
    }
    let rest = &chars[digits..];
    // more than six digits: the regex cannot take them all and a digit is no counter word
    if digits > 6 {
        return false;
    }
    match rest {
        [] => true,
        [c] => "社局部団軍位個".contains(*c),
        [a, '国'] => *a == 'か' || *a == 'ヶ',
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn counts() {
        for s in ["6", "6社", "123456局", "3か国", "3ヶ国"] {
            assert!(is_count(&c(s)), "{s}");
        }
        for s in ["", "社", "1234567", "6社員", "第1局", "3国", "6社社"] {
            assert!(!is_count(&c(s)), "{s}");
        }
    }

    #[test]
    fn stop_words() {
        assert!(is_suffix_stop(&c("政党")));
        assert!(!is_suffix_stop(&c("公明党")));
    }
}
