//! Name readers: the name that starts at a position (kanji with or without a space, katakana, hiragana,
//! romaji), the name inside a kanji run (a title before or after it cut off), a list of names to the end
//! of a line, and a reading in brackets after a name.

use super::chars::{is_hira, is_kanji, is_kata, one_of, sw_lim};
use super::lexicon::Memo;
use super::patterns::{
    bracket_after, hira_name, hira_paren, kana_paren, kata_name, romaji_name, romaji_paren, run_len,
};
use super::Ctx;

/// A candidate: start, end, score.
pub(crate) type Cand = (usize, usize, f64);

/// `_HON_TAIL.search(s)`: the leftmost 様 / 殿 / 氏 / 先生 / 君.
pub(crate) fn hon_tail_search(s: &[char]) -> Option<usize> {
    (0..s.len()).find(|&p| matches!(s[p], '様' | '殿' | '氏' | '君') || (s[p] == '先' && s.get(p + 1) == Some(&'生')))
}

/// `_surname_head`: `s` (3+ characters) starts with a listed surname that is not an ordinary word.
pub(crate) fn surname_head(lex: &Memo, s: &[char]) -> bool {
    if s.len() < 3 {
        return false;
    }
    (1..=3).any(|i| {
        let f = lex.get(&s[..i]);
        i < s.len() && f & super::lexicon::SUR != 0 && f & super::lexicon::COMMON == 0
    })
}

/// Honorifics a rule may take in at the end of a name (the longest first where one ends another).
const HON_TAILS: [&[char]; 8] =
    [&['先', '生'], &['ち', 'ゃ', 'ん'], &['さ', 'ん'], &['さ', 'ま'], &['く', 'ん'], &['様'], &['殿'], &['氏']];

/// A sign-off or workflow word of a form's row (承認, 確認日, 回答済, 同席): after a name and a space, no
/// part of the name.
fn sign_off_word(w: &[char]) -> bool {
    const STEMS: [[char; 2]; 16] = [
        ['承', '認'],
        ['確', '認'],
        ['作', '成'],
        ['受', '領'],
        ['同', '席'],
        ['回', '答'],
        ['決', '定'],
        ['処', '理'],
        ['記', '入'],
        ['受', '付'],
        ['提', '出'],
        ['返', '却'],
        ['対', '応'],
        ['完', '了'],
        ['検', '印'],
        ['押', '印'],
    ];
    (w.len() == 2 || (w.len() == 3 && one_of!(w[2], "日済者印欄中"))) && STEMS.iter().any(|st| w[..2] == st[..])
}

const UNIT_END: &str = "部課室係班局所社店科棟院者口駅";
const HEAD_END: &str = "部課室係班長任当社店";

impl Ctx<'_, '_> {
    /// `_kanji_name`: (start, end, score) of the name inside a kanji run.
    pub(crate) fn kanji_name(&self, run: &[char], strong: bool) -> Option<Cand> {
        let lex = self.lex;
        let tb = self.tb;
        let s = 0;
        let mut e = run.len();
        if let Some(p) = tb.titles.suffix_start(run) {
            if p > 0 {
                e = p;
                // 坂本部長 is 坂本 + 部長, not 坂 + 本部長: prefer the cut that leaves a listed name.
                let hi = run.len().saturating_sub(2);
                for cut in ((e + 1)..=hi).rev() {
                    if tb.titles.has(&run[cut..]) && (lex.surname(&run[..cut]) || lex.split_full(&run[..cut]) != 0) {
                        e = cut;
                        break;
                    }
                }
            }
        }
        let body = &run[s..e];
        if body.is_empty() {
            return None;
        }
        let k = lex.split_full(body);
        if k != 0 {
            if body.len() > 2 || !(lex.common(&body[..k]) && lex.common(&body[k..])) {
                return Some((s, e, 0.9));
            }
            if strong && !tb.not_names.contains(body) {
                return Some((s, e, 0.7));
            }
        }
        if lex.surname(body) {
            if lex.common(body) && body.len() == 1 && !strong {
                return None;
            }
            return Some((s, e, if !lex.common(body) { 0.85 } else { 0.7 }));
        }
        for i in 1..body.len().saturating_sub(1) {
            let rest = &body[i..];
            if lex.split_full(rest) != 0 || (rest.len() >= 2 && lex.surname(rest) && !lex.common(rest)) {
                let head = &body[..i];
                if one_of!(head[head.len() - 1], HEAD_END) {
                    return Some((s + i, e, 0.75));
                }
            }
        }
        if strong
            && (2..=5).contains(&body.len())
            && !tb.not_names.contains(body)
            && !lex.common(body)
            && !one_of!(body[body.len() - 1], UNIT_END)
            && (!body.iter().any(|&c| one_of!(c, "部課室係")) || surname_head(lex, body))
            && (body.len() <= 3 || surname_head(lex, body))
        // 振込先口座, 先方窓口: a word, not an unlisted name
        {
            return if !tb.org_words.occurs_in(body) { Some((s, e, 0.6)) } else { None };
        }
        None
    }

    /// `_name_at`: the name starting at `i` (before `limit`).
    pub(crate) fn name_at(&self, i: usize, limit: usize, strong: bool, kana_ok: bool) -> Option<Cand> {
        let t = self.t;
        let limit = limit.min(self.n);
        if i >= limit {
            return None;
        }
        let c = t[i];
        let lex = self.lex;
        if is_kanji(c) {
            let rl = run_len(t, i, limit, 8, is_kanji);
            let mut run = &t[i..i + rl];
            if let Some(h) = hon_tail_search(run) {
                if h > 0 {
                    run = &run[..h];
                }
            }
            let j = i + run.len();
            // 山田 太郎 / 山口くみ子 / 佐藤 くみ子: a given name after a space or in kana.
            if j < limit && lex.surname(run) {
                let k = if t[j] == ' ' { j + 1 } else { j };
                let mut gl = run_len(t, k, limit, 6, |c| is_kanji(c) || is_hira(c) || c == 'ノ');
                while gl > 0 && t[k + gl - 1] == 'ノ' {
                    gl -= 1; // 柚ノ香: ノ inside a given name, never at its end
                }
                if gl > 0 && t[k] != 'ノ' && !one_of!(t[k], "様殿氏君") {
                    let mut given = &t[k..k + gl];
                    if let Some(p) = self.tb.titles.suffix_start(given) {
                        if p > 0 {
                            given = &given[..p];
                        }
                    }
                    // 蓮沼 沙織様: the honorific after a given name is not part of it
                    if given.len() >= 2 && one_of!(given[given.len() - 1], "様殿") {
                        given = &given[..given.len() - 1];
                    }
                    let ge = k + given.len();
                    let kana_only = k == j && given.iter().all(|&c| is_hira(c));
                    if kana_only
                        && self.after_name(ge, self.n).is_none()
                        && (given.len() < 2 || lex.common(given) || (ge < limit && is_hira(t[ge])))
                    {
                        // 山田より: a particle, not a given name written in kana
                    } else if self.boundary(ge, limit)
                        && given != run
                        && (lex.given(given)
                            || ((strong
                                || self.reading_follows(ge)
                                || (given.iter().all(|&c| is_kanji(c) || c == 'ノ')
                                    && (!lex.common(run) || given.len() >= 2)
                                    && !one_of!(given[given.len() - 1], UNIT_END)
                                    && !self.tb.not_names.contains(given)
                                    && !time_word(given)))
                                && k > j
                                && is_kanji(given[0])
                                && given.len() <= 3
                                && !lex.common(given)))
                    {
                        return Some((i, ge, 0.9));
                    }
                }
            }
            if (3..=6).contains(&run.len()) && self.reading_follows(j) {
                // 杉山悠人（スギヤマ ユウト）: a surname and an unlisted given name, with its reading after it
                for k in [3, 2, 1] {
                    if k < run.len() && run.len() - k <= 3 && lex.surname(&run[..k]) && !lex.common(&run[k..]) {
                        return Some((i, j, 0.85));
                    }
                }
            }
            if !self.boundary(j, limit) {
                return None;
            }
            match self.kanji_name(run, strong) {
                Some(r) => return Some((i + r.0, i + r.1, r.2)),
                None => return self.unlisted_given(run).then_some((i, j, 0.8)),
            }
        }
        if is_kata(c) && c != 'ー' {
            let mut e = kata_name(t, i, limit)?;
            while e > i && matches!(t[e - 1], ' ' | '・' | '=') {
                e -= 1;
            }
            if !self.boundary(e, limit) {
                return None;
            }
            let name = &t[i..e];
            let mut parts = name.split(|&c| c == ' ' || c == '・' || c == '=');
            let n_parts = name.iter().filter(|&&c| c == ' ' || c == '・' || c == '=').count() + 1;
            if kana_ok || parts.all(|p| lex.kana_part(p)) {
                if !kana_ok && n_parts == 1 && name.len() < 3 {
                    return None;
                }
                return Some((i, e, if kana_ok { 0.85 } else { 0.7 }));
            }
            return None;
        }
        if kana_ok && is_hira(c) {
            if let Some(e) = hira_name(t, i, limit) {
                if e - i >= 2 {
                    return Some((i, e, 0.8));
                }
            }
            return None;
        }
        if c.is_ascii_uppercase() {
            if let Some(e) = self.initial_name(i, limit) {
                return Some((i, e, 0.8)); // K. Uchida / T. MIURA
            }
            if let Some(e) = romaji_name(t, i, limit) {
                if (strong || kana_ok) && self.latin_name_ok(i, e) {
                    return Some((i, e, 0.85)); // not `Sales Team`, `Tokyo Office`
                }
                if self.all_romaji_ja(&t[i..e]) {
                    return Some((i, e, 0.75)); // Yamada Taro: every word is spelt like Japanese romaji
                }
            }
        }
        None
    }

    /// 東海林蒼真 in a name's place: a listed surname (two or three kanji, not a common word) and one
    /// to three more kanji that are no word, title or unit of their own: a given name missing from the
    /// lexicon.
    pub(crate) fn unlisted_given(&self, run: &[char]) -> bool {
        let (lex, tb) = (self.lex, self.tb);
        (3..=6).contains(&run.len())
            && tb.titles.suffix_start(run).is_none()
            && [3, 2].into_iter().any(|k| {
                let (sur, given) = run.split_at(k.min(run.len()));
                (1..=3).contains(&given.len())
                    && lex.surname(sur)
                    && !lex.common(sur)
                    && !lex.common(given)
                    && !tb.not_names.contains(given)
                    && !one_of!(given[given.len() - 1], UNIT_END)
                    && !tb.org_words.occurs_in(given)
            })
    }

    /// Every space-separated word of `s` is spelt like Japanese romaji (`_ROMAJI_JA.fullmatch`).
    pub(crate) fn all_romaji_ja(&self, s: &[char]) -> bool {
        s.split(|&c| c == ' ').all(|w| {
            let w: String = w.iter().collect();
            self.tb.romaji_ja.is_match(&w)
        })
    }

    /// `_AFTER_NAME.match(text, p, limit)`: an honorific, a title or 君 (after one space at most).
    pub(crate) fn after_name(&self, p: usize, limit: usize) -> Option<usize> {
        let limit = limit.min(self.n);
        let q = if p < limit && self.t[p] == ' ' { p + 1 } else { p };
        self.tb.after_name.at(self.t, q, limit)
    }

    /// `_boundary`: a name may end at `e` (not inside a longer word: 山田商事, 林ガス, Yamada1).
    pub(crate) fn boundary(&self, e: usize, limit: usize) -> bool {
        if e >= limit || e >= self.n {
            return true;
        }
        let t = self.t;
        let c = t[e];
        if c == '(' && t.get(e + 2) == Some(&')') && t.get(e + 1).is_some_and(|&k| one_of!(k, "株有合同社財")) {
            return false;
        }
        if is_kanji(c) || is_kata(c) || c.is_ascii_alphanumeric() {
            return self.after_name(e, self.n).is_some();
        }
        true
    }

    /// `_TITLE_PREFIX.match(text, i, end)`: a title followed by a space or a kanji.
    fn title_prefix(&self, i: usize, end: usize) -> Option<usize> {
        let t = self.t;
        for w in self.tb.titles.starting_at(t, i) {
            if sw_lim(t, i, end, w) {
                let q = i + w.len();
                if q < end && t[q] == ' ' {
                    return Some(q + 1);
                }
                if q < end && is_kanji(t[q]) {
                    return Some(q);
                }
            }
        }
        None
    }

    /// `_COMPANY_TOKEN.match(text, i, end)`: a company, a department or 弊社 before a name.
    fn company_token(&self, i: usize, end: usize) -> Option<usize> {
        let t = self.t;
        let end = end.min(self.n);
        let sep = |c: char| one_of!(c, " \n、,/／");
        for p in 0..=30 {
            let a = i + p;
            if p > 0 && (a > end || sep(t[a - 1])) {
                break;
            }
            for w in self.tb.company_orgs.starting_at(t, a) {
                if sw_lim(t, a, end, w) {
                    let q = a + w.len();
                    let mut r = q;
                    while r < end && r - q <= 30 {
                        if t[r] == ' ' {
                            return Some(r + 1);
                        }
                        if sep(t[r]) {
                            break;
                        }
                        r += 1;
                    }
                }
            }
        }
        let rl = run_len(t, i, end, 12, |c| is_kanji(c) || is_kata(c));
        for k in (1..=rl).rev() {
            let a = i + k;
            for w in self.tb.company_units.starting_at(t, a) {
                if sw_lim(t, a, end, w) && a + w.len() < end && t[a + w.len()] == ' ' {
                    return Some(a + w.len() + 1);
                }
            }
        }
        let e = self.tb.company_self.at(t, i, end)?;
        Some(if e < end && t[e] == ' ' { e + 1 } else { e })
    }

    /// `_read_list`: names from `i` to the end of the line: 'A様、B様／C社 D、E'.
    pub(crate) fn read_list(&mut self, i: usize, score: f64, strong: bool, max_items: usize, kana_ok: bool) {
        self.read_list_at(i, score, strong, max_items, kana_ok, false);
    }

    /// [`Ctx::read_list`] after a cue that stands before words as often as before names (`弊社の`, a bullet
    /// `・`): when `words` is set, an unlisted run the analyser reads as a common noun is no name there.
    pub(crate) fn read_list_at(
        &mut self,
        mut i: usize,
        score: f64,
        mut strong: bool,
        max_items: usize,
        kana_ok: bool,
        words: bool,
    ) {
        let t = self.t;
        let end = self.find_char('\n', i, i + 160).unwrap_or(self.n.min(i + 160));
        let mut items = 0;
        while i < end && items < max_items {
            while i < end && t[i] == ' ' {
                i += 1;
            }
            if let Some(e) = self.title_prefix(i, end) {
                i = e;
                continue;
            }
            let Some((s, e, sc)) = self.name_at(i, end, strong, kana_ok).or_else(|| self.one_kanji_surname(i, end))
            else {
                // Skip a company / department token followed by a space, then try again.
                if let Some(me) = self.company_token(i, end) {
                    if me > i && items < max_items {
                        i = me;
                        items += 1;
                        strong = true; // 株式会社山田商事 林: a name right after a company
                        continue;
                    }
                }
                return;
            };
            if e < end && matches!(t[e], ':' | '：') {
                // 候補者：: the next label, not a name; `担当：鈴木　期限：` — the surname before it is one
                if let Some(sp) = (s + 1..e).rfind(|&k| t[k] == ' ') {
                    if self.lex.surname(&t[s..sp]) && !self.lex.common(&t[s..sp]) {
                        self.add(s, sp, score.min(sc));
                    }
                }
                return;
            }
            if words && sc <= 0.6 && self.analyser_word(s, e) {
                return; // ・給湯器は, 弊社の所在地は: an unlisted run the analyser reads as a common noun
            }
            self.add(s, e, if !strong { score.min(sc) } else { score.max(sc) });
            self.romaji_after(e, true);
            items += 1;
            i = e;
            if let Some(h) = self.after_name(i, end) {
                i = h;
            }
            if let Some(b) = bracket_after(t, i, end) {
                i = b;
            }
            if i < end && one_of!(t[i], "、,／/・") {
                i += 1;
                strong = true; // the next item of a list of names
                continue;
            }
            return;
        }
    }

    /// Whether the analyser reads the kanji run `[s, e)` as common nouns only (a noun and its suffixes,
    /// 給湯器, 社員証): a word, not an unlisted name. False without an analyser.
    pub(crate) fn analyser_word(&self, s: usize, e: usize) -> bool {
        if !self.morph || !self.t[s..e].iter().all(|&c| is_kanji(c)) {
            return false;
        }
        let toks = self.doc.norm_tokens(s.saturating_sub(1), (e + 1).min(self.n));
        let inside: Vec<_> = toks.iter().filter(|k| k.start < e && s < k.end).collect();
        !inside.is_empty()
            && inside[0].start == s
            && inside[inside.len() - 1].end == e
            && inside.iter().enumerate().all(|(i, k)| {
                let p = |j: usize| k.pos.get(j).map_or("", String::as_str);
                (p(0) == "名詞" && p(1) == "普通名詞") || (i > 0 && p(0) == "接尾辞")
            })
    }

    /// Every name found so far with the word a rule took in after it cut off: an honorific (`大槻 恵氏`,
    /// `古川 誠 様`), a form's label (`福士携帯`, `松浦 亮 フリガナ`), a sign-off word or a title after a space
    /// (`合屋 承認`, `矢田 同席`, `堤 主任`) or a title written onto a surname (`原口師長`). Cheap: one look at the end of each candidate; rebuilds the set only when one changed.
    pub(crate) fn trim_tails(&mut self) {
        let cut: Vec<(usize, usize)> = (self.found.items.iter().enumerate())
            .filter_map(|(k, &((s, e), _))| self.trimmed_end(s, e).map(|q| (k, q)))
            .collect();
        if cut.is_empty() {
            return;
        }
        let items = std::mem::take(&mut self.found.items);
        self.found.index.clear();
        let mut next = cut.iter().peekable();
        for (k, ((s, e), score)) in items.into_iter().enumerate() {
            let e = match next.peek() {
                Some(&&(j, q)) if j == k => {
                    next.next();
                    q
                }
                _ => e,
            };
            self.found.add(s, e, score);
        }
    }

    /// The end of the name `[s, e)` without the word after it (see [`Ctx::trim_tails`]), when it has one.
    fn trimmed_end(&self, s: usize, e: usize) -> Option<usize> {
        let t = self.t;
        let back = |mut q: usize| {
            while q > s && t[q - 1] == ' ' {
                q -= 1;
            }
            q
        };
        let w = &t[s..e];
        if let Some(q) = self.title_cut(s, e) {
            return Some(q); // 原口師長
        }
        if let Some(h) = HON_TAILS.iter().find(|h| w.ends_with(h)) {
            let q = back(e - h.len());
            if q < e - h.len() && is_hira(h[0]) {
                return None; // わたぬき さま: a reading's last word, spelt like an honorific
            }
            return (q >= s + 2).then_some(q);
        }
        if let Some(sp) = (s + 1..e).rfind(|&k| t[k] == ' ') {
            let tail = &t[sp + 1..e];
            let q = back(sp);
            if q > s && (self.tb.is_label_word(tail) || sign_off_word(tail) || self.tb.titles.has(tail)) {
                return Some(q);
            }
            return None;
        }
        // 福士携帯: a listed surname and a label word written together
        (2..=3).filter(|&l| e > s + l).find_map(|l| {
            (self.tb.is_label_word(&t[e - l..e]) && self.lex.surname(&t[s..e - l]) && !self.lex.common(&t[s..e - l]))
                .then_some(e - l)
        })
    }

    /// `担当：楠`, `確認者：鳳 / 承認`, `（担当：東）`: a listed surname of one kanji standing alone as a label's
    /// value, closed by the line's end, a space, a bracket, a slash or a list separator.
    fn one_kanji_surname(&self, i: usize, end: usize) -> Option<Cand> {
        let t = self.t;
        let w = t.get(i..i + 1)?;
        let closed = i + 1 >= end || one_of!(t[i + 1], " \n\t)(/、・,");
        (closed && is_kanji(w[0]) && self.lex.surname(w) && !self.tb.not_names.contains(w)).then_some((i, i + 1, 0.7))
    }

    /// Latin words that may be a name: spelt like Japanese romaji, or none of them a common English word,
    /// a place or an organisation's word (`Tokyo Office`, `Sales Team`, `Acme Corp` are not).
    fn latin_name_ok(&self, s: usize, e: usize) -> bool {
        self.all_romaji_ja(&self.t[s..e]) || super::foreign_names::words_ok(&self.t[s..e])
    }

    /// `_romaji_after`: a reading in brackets after a name (hiragana only when asked).
    pub(crate) fn romaji_after(&mut self, end: usize, hira: bool) {
        if !self.may_open_reading(end) {
            return;
        }
        let t = self.t;
        let m = romaji_paren(t, end)
            .filter(|&(s, e)| self.latin_name_ok(s, e))
            .or_else(|| kana_paren(t, end))
            .or_else(|| if hira { hira_paren(t, end) } else { None });
        if let Some((s, e)) = m {
            self.add(s, e, 0.85);
        }
    }

    /// `K. Uchida`, `T.MIURA`: an initial, a dot and a surname spelt like Japanese romaji; its end.
    pub(crate) fn initial_name(&self, i: usize, limit: usize) -> Option<usize> {
        let t = self.t;
        let limit = limit.min(self.n);
        if i + 3 >= limit || !t[i].is_ascii_uppercase() || t[i + 1] != '.' {
            return None;
        }
        let p = i + 2 + run_len(t, i + 2, limit, 1, |c| c == ' ');
        let w = run_len(t, p, limit, 16, |c| c.is_ascii_alphabetic());
        if w < 3 || !t[p].is_ascii_uppercase() || t.get(p + w).is_some_and(|c| c.is_ascii_alphanumeric() || *c == '.') {
            return None;
        }
        self.all_romaji_ja(&t[p..p + w]).then_some(p + w)
    }

    /// `NOZOKI, Shohei` / `Oikawa, Renna`: a surname, a comma and a given name, both spelt like Japanese
    /// romaji; its end.
    pub(crate) fn comma_name(&self, i: usize, limit: usize) -> Option<usize> {
        let t = self.t;
        let limit = limit.min(self.n);
        let w1 = run_len(t, i, limit, 16, |c| c.is_ascii_alphabetic());
        if w1 < 2 || t.get(i + w1) != Some(&',') || t.get(i + w1 + 1) != Some(&' ') {
            return None;
        }
        let p = i + w1 + 2;
        let w2 = run_len(t, p, limit, 16, |c| c.is_ascii_alphabetic());
        if w2 < 2 || !t[p].is_ascii_uppercase() || t.get(p + w2).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        (self.all_romaji_ja(&t[i..i + w1]) && self.all_romaji_ja(&t[p..p + w2])).then_some(p + w2)
    }

    /// A romaji name of two words after one to three spaces at `e` that ends its line: its span.
    pub(crate) fn romaji_tail(&self, e: usize) -> Option<(usize, usize)> {
        let t = self.t;
        let p = e + run_len(t, e, self.n, 3, |c| c == ' ');
        if p == e || p >= self.n || !t[p].is_ascii_uppercase() {
            return None;
        }
        let le = self.find_char('\n', p, (p + 60).min(self.n)).unwrap_or((p + 60).min(self.n));
        let q = romaji_name(t, p, le)?;
        let rest = q + run_len(t, q, le, 8, |c| c == ' ');
        (rest == le && t[p..q].contains(&' ') && self.all_romaji_ja(&t[p..q])).then_some((p, q))
    }

    /// `_may_open_reading`: a bracket or slash at `e` (after one space at most).
    pub(crate) fn may_open_reading(&self, e: usize) -> bool {
        let t = self.t;
        if e >= self.n {
            return false;
        }
        let mut c = t[e];
        if c == ' ' {
            if e + 1 >= self.n {
                return false;
            }
            c = t[e + 1];
        }
        one_of!(c, "(（/|")
    }

    /// `_reading_follows`: a reading in brackets (romaji, katakana, hiragana) stands at `e`.
    pub(crate) fn reading_follows(&self, e: usize) -> bool {
        let t = self.t;
        self.may_open_reading(e)
            && (romaji_paren(t, e).is_some() || kana_paren(t, e).is_some() || hira_paren(t, e).is_some())
    }

    /// `_paren_ends_line`: the bracket after `e` closes its line.
    pub(crate) fn paren_ends_line(&self, e: usize) -> bool {
        match self.find_char(')', e, e + 40) {
            Some(close) => close + 1 >= self.n || self.t.get(close + 1).is_some_and(|&c| one_of!(c, "\n ")),
            None => false,
        }
    }
}

/// 来週中, 今月末, 明日, 本日中: a word of time that may follow a surname in a task list (`ToDo：須藤 来週中`)
/// in the place of a given name.
pub(crate) fn time_word(w: &[char]) -> bool {
    const HEADS: [[char; 2]; 10] = [
        ['来', '週'],
        ['今', '週'],
        ['先', '週'],
        ['来', '月'],
        ['今', '月'],
        ['明', '日'],
        ['本', '日'],
        ['今', '日'],
        ['翌', '日'],
        ['月', '末'],
    ];
    w.len() >= 2 && HEADS.iter().any(|h| w.starts_with(h))
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;
    use super::super::PersonJaRecognizer;
    use super::sign_off_word;
    use crate::document::{Document, Lang};
    use crate::morphology::{Morphology, Token};
    use crate::recognizer::Recognizer;

    #[test]
    fn an_honorific_or_a_label_taken_in_after_a_name_is_cut_off() {
        assert_eq!(names("講師：梟谷 誠一先生\n日程：未定\n"), ["梟谷 誠一"]);
        assert_eq!(names("委員：栗花落 奏氏\n"), ["栗花落 奏"]);
        assert_eq!(names("承認　課長 柊木　確認日\n"), ["柊木"]);
        assert_eq!(names("作成 砂子田　承認\n"), ["砂子田"]);
        assert_eq!(names("面接員 鬼頭　同席\n"), ["鬼頭"]);
        assert_eq!(names("出席：鰐淵 主任\n"), ["鰐淵"]);
        // a given name after the space is kept
        assert_eq!(names("担当：梶間 勝也\n"), ["梶間 勝也"]);
        assert!(
            sign_off_word(&['承', '認']) && sign_off_word(&['確', '認', '日']) && sign_off_word(&['回', '答', '済'])
        );
        assert!(!sign_off_word(&['承', '子']) && !sign_off_word(&['確']) && !sign_off_word(&['確', '認', '書']));
    }

    /// Listed words become one token (a common noun, or 接尾辞 after one); any other character a token of its own
    /// tagged 固有名詞.
    struct Fake;

    impl Morphology for Fake {
        fn tokens(&self, window: &str) -> Option<Vec<Token>> {
            let chars: Vec<char> = window.chars().collect();
            let words: [(&str, [&str; 3]); 3] = [
                ("冷蔵庫", ["名詞", "普通名詞", "一般"]),
                ("社員", ["名詞", "普通名詞", "一般"]),
                ("票", ["接尾辞", "名詞的", "一般"]),
            ];
            let mut out = Vec::new();
            let mut i = 0;
            'outer: while i < chars.len() {
                for (w, pos) in words {
                    let wc: Vec<char> = w.chars().collect();
                    if chars[i..].starts_with(&wc) {
                        let pos = pos.iter().map(|p| p.to_string()).collect();
                        out.push(Token { start: i, end: i + wc.len(), surface: w.to_string(), pos });
                        i += wc.len();
                        continue 'outer;
                    }
                }
                let pos = vec!["名詞".into(), "固有名詞".into(), "一般".into()];
                out.push(Token { start: i, end: i + 1, surface: chars[i].to_string(), pos });
                i += 1;
            }
            Some(out)
        }
    }

    fn names_with_analyser(text: &str) -> Vec<String> {
        let r = PersonJaRecognizer::new();
        let mut lx = crate::lexicon::Lexicon::new();
        for (g, w) in r.keywords() {
            lx.add(g, w);
        }
        lx.build();
        let doc = Document::with_morphology(text, Some(Lang::Ja), &lx, Some(&Fake));
        let mut out = Vec::new();
        r.find(&doc, &mut out);
        out.sort_by_key(|f| f.start);
        out.iter().map(|f| doc.text.slice(f.start, f.end).to_string()).collect()
    }

    #[test]
    fn a_common_noun_after_a_bullet_or_our_is_no_name() {
        // without an analyser the bullet reads an unlisted run as a name; the analyser's common nouns are words
        assert_eq!(names("メモ\n・冷蔵庫は点検済み\n"), ["冷蔵庫"]);
        assert_eq!(names_with_analyser("メモ\n・冷蔵庫は点検済み\n"), Vec::<String>::new());
        assert_eq!(names_with_analyser("弊社の社員票をご確認ください。\n"), Vec::<String>::new());
        // after a label the same shape stays a name: 氏名 is no cue that stands before words
        assert_eq!(names_with_analyser("氏名：冷蔵庫\n"), ["冷蔵庫"]);
    }
}
