//! The cues of the PERSON rules: honorifics after a name, labels (Japanese, role words, English) and
//! titles before one, English honorifics, self-introductions, 'の' before a name, a name alone on a line,
//! and CSV columns headed 氏名 / フリガナ.

use super::chars::{char_class, chars, is_half_kana, is_hira, is_kanji, is_kata, one_of, sw, FxSet};
use super::patterns::{en_hon_name, label_tail, romaji_name, run_len};
use super::romaji_names::{hepburn, romaji_at};
use super::tables::{F_CUE, F_DEPT, F_HIRA, F_HON, F_KANJI, F_NL, F_NO, F_TODE};
use super::tagged_speakers::Tagged;
use super::{honorific_at, next_flag, Ctx, EN_GROUP, EN_HON_GROUP, LABEL_GROUP, ROLE_LABEL_GROUP, TITLE_GROUP};
use crate::document::LINE_LIMIT;
use crate::table::{CharWords, Tables};
use std::sync::OnceLock;

const SAMA_WORDS: &str = "模同仕多異殿神皆奥客各貴";

fn lower(s: &[char]) -> String {
    s.iter().collect::<String>().to_lowercase()
}

impl Ctx<'_, '_> {
    #[inline(never)]
    pub(crate) fn honorifics(&mut self, budget: usize) {
        let t = self.t;
        let n = self.n;
        let mut count = 0;
        let mut i = 0;
        while i < n && count < budget {
            i = self.next_flag(i, F_HON);
            if i >= n {
                break;
            }
            let Some(he) = honorific_at(t, i) else {
                i += 1;
                continue;
            };
            count += 1;
            let mut hs = i;
            i = he;
            if he < n && is_kanji(t[he]) && one_of!(t[he - 1], "様殿氏") && !one_of!(t[he], "宛方") {
                continue; // 様式, 多様化, 殿堂, 宮殿: not an honorific
            }
            if hs > 0 && t[he - 1] == '様' && one_of!(t[hs - 1], SAMA_WORDS) {
                continue; // 模様, 同様, 仕様, 多様: words ending in 様
            }
            if hs > 0 && t[hs - 1] == ' ' {
                hs -= 1;
            }
            self.before_honorific(hs, he);
        }
    }

    /// `_before_honorific`: the name that ends right before an honorific.
    pub(crate) fn before_honorific(&mut self, hs: usize, he: usize) {
        let t = self.t;
        let p = hs;
        if p == 0 || self.latin_before_honorific(p) {
            return;
        }
        let lo = self.rfind_char('\n', p.saturating_sub(16), p).map(|x| x + 1).unwrap_or(0).max(p.saturating_sub(16));
        for k in lo..p {
            let cls = char_class(t[k]);
            if cls == 0 || (k > lo && char_class(t[k - 1]) == cls) {
                continue;
            }
            if let Some((s, e, sc)) = self.name_at(k, p, true, false) {
                if e == p {
                    if !self.tb.not_names.contains(&t[s..e]) {
                        self.add(s, e, sc);
                        self.romaji_after(he, true);
                    }
                    return;
                }
            }
        }
    }

    #[inline(never)]
    pub(crate) fn labels(&mut self, budget: usize) {
        let t = self.t;
        let n = self.n;
        let doc = self.doc;
        let occ = doc.occurrences(LABEL_GROUP);
        let mut last = usize::MAX;
        let mut read: FxSet<usize> = FxSet::default();
        for (&ks, &ke) in occ.starts.iter().zip(&occ.ends).take(budget) {
            if ke == last || (ks > 0 && (is_kanji(t[ks - 1]) || is_kata(t[ks - 1]))) {
                continue; // 氏名 inside お客様氏名, カナ inside フリガナ
            }
            if let Some(te) = label_tail(t, ke) {
                if Tables::line_may_hold(doc, ks) && Tables::of(doc).in_header(ks) {
                    continue; // 氏名 | 所属: a column's header, read by table_columns
                }
                last = ke;
                read.insert(te);
                let label = &t[ks..ke];
                let strong = self.tb.strong_labels.contains(label);
                let kana_ok = self.tb.kana_labels.contains(label);
                self.read_list(te, if strong { 0.85 } else { 0.75 }, strong, 8, kana_ok);
            }
        }
        let occ = doc.occurrences(ROLE_LABEL_GROUP);
        for (&ks, &ke) in occ.starts.iter().zip(&occ.ends).take(budget) {
            let ke = if ke < n && t[ke] == ' ' { ke + 1 } else { ke };
            if !read.contains(&ke) {
                self.after_role_label(ks, ke);
            }
        }
        let occ = doc.occurrences(EN_GROUP);
        for (&ks, &ke) in occ.starts.iter().zip(&occ.ends).take(budget) {
            self.after_en_label(ks, ke);
        }
        let occ = doc.occurrences(EN_HON_GROUP);
        for (&ks, &ke) in occ.starts.iter().zip(&occ.ends).take(budget) {
            self.after_en_honorific(ks, ke);
        }
    }

    /// 対象者：, 入力者：, 保証人：: a label that is a role word.
    fn after_role_label(&mut self, s: usize, end: usize) {
        let t = self.t;
        let mut k = s;
        while k > 0 && s - k < 6 && is_kanji(t[k - 1]) {
            k -= 1;
        }
        if k == s || (k > 0 && is_kata(t[k - 1])) {
            return;
        }
        self.read_list(end, 0.8, false, 8, false);
    }

    /// Booking name: Sho Ichikawa / Contact: 山田 太郎 / Attn: Keiko Matsuo.
    fn after_en_label(&mut self, ks: usize, ke: usize) {
        let t = self.t;
        let n = self.n;
        if ks > 0 {
            let c = t[ks - 1];
            if c.is_ascii() && (c.is_ascii_alphanumeric() || one_of!(c, "_-.@")) {
                return; // username:, filename:, photo:
            }
        }
        let raw: String = t[ks..ke].iter().collect();
        let label = raw.trim_end_matches([':', ' ']).to_lowercase();
        let strong = self.tb.en_strong.contains(&label);
        if label == "name" && ks >= 2 && t[ks - 1] == ' ' && t[ks - 2].is_ascii_alphabetic() {
            let mut w0 = ks - 1;
            while w0 > 0 && ks - w0 < 12 && t[w0 - 1].is_ascii_alphabetic() {
                w0 -= 1;
            }
            if !self.tb.en_name_prefix.contains(&lower(&t[w0..ks - 1])) {
                return; // Company Name:, Product Name:
            }
        }
        let mut i = ke;
        while i < n && i < ke + 3 && matches!(t[i], ' ' | '\t') {
            i += 1;
        }
        let score = if strong { 0.85 } else { 0.75 };
        if i < n && t[i].is_ascii_uppercase() {
            if let Some(e) = self.initial_name(i, n).or_else(|| self.comma_name(i, n)) {
                self.add(i, e, score); // Cc: K. Uchida / To: NOZOKI, Shohei
                return;
            }
            let Some(e) = romaji_name(t, i, n) else {
                return;
            };
            let s: String = t[i..e].iter().collect();
            if self.tb.en_not_name.is_match(&s) {
                return;
            }
            if !strong && !self.all_romaji_ja(&t[i..e]) {
                return;
            }
            self.add(i, e, score);
            return;
        }
        self.read_list(i, score, strong, 8, false);
    }

    /// Dear Mr. Tanaka / Ms. Keiko Matsuo.
    fn after_en_honorific(&mut self, ks: usize, ke: usize) {
        let t = self.t;
        if ks > 0 && t[ks - 1].is_ascii_alphabetic() {
            return;
        }
        let mut i = ke;
        if ke == 0 {
            return;
        }
        if t[ke - 1] != ' ' {
            if ke >= self.n || t[ke] != ' ' {
                return; // Mr.Children: a band, not a title before a name
            }
            i += 1;
        }
        let Some(e) = en_hon_name(t, i) else {
            return;
        };
        let s: String = t[i..e].iter().collect();
        if self.tb.en_not_name.is_match(&s) {
            return;
        }
        if s.contains(' ') || self.tb.romaji_ja.is_match(&s) {
            self.add(i, e, 0.85);
        }
    }

    /// `_SELF_RE`: と申します|と申しま|と申す|でございます|です(?=[。!！、\n]), each read back.
    #[inline(never)]
    pub(crate) fn self_intros(&mut self, budget: usize) {
        let t = self.t;
        let n = self.n;
        let words: [&[char]; 4] = [chars!("と申します"), chars!("と申しま"), chars!("と申す"), chars!("でございます")];
        let desu = chars!("です");
        let hit = |_: &Self, i: usize| {
            if t[i] != 'と' && t[i] != 'で' {
                return None;
            }
            let end = words.iter().find(|w| sw(t, i, w)).map(|w| i + w.len());
            end.or_else(|| (sw(t, i, desu) && i + 2 < n && one_of!(t[i + 2], "。!！、\n")).then_some(i + 2))
                .map(|e| (i, e))
        };
        self.scan_cue(F_TODE, budget, hit, |me, at| me.before_self(at));
    }

    /// One `finditer` of a cue over the positions flagged `flag`, at most `budget` matches: `hit(self, i)` is the
    /// match at `i` as (where to act, where the next search starts), `act` handles it; no match: the next position.
    fn scan_cue(
        &mut self,
        flag: u16,
        budget: usize,
        hit: impl Fn(&Self, usize) -> Option<(usize, usize)>,
        mut act: impl FnMut(&mut Self, usize),
    ) {
        let n = self.n;
        let (mut count, mut i) = (0, 0);
        while i < n && count < budget {
            i = self.next_flag(i, flag);
            if i >= n {
                break;
            }
            match hit(self, i) {
                Some((at, next)) => {
                    count += 1;
                    act(self, at);
                    i = next;
                }
                None => i += 1,
            }
        }
    }

    /// A self-introduction: '田中と申します', '、営業の佐藤です。' — the name that ends at the cue.
    fn before_self(&mut self, p: usize) {
        let t = self.t;
        let mut k = p;
        while k > 0 && p - k < 8 && (is_kanji(t[k - 1]) || (t[k - 1] == ' ' && k < p)) {
            k -= 1;
        }
        if k == p || (k > 0 && !one_of!(t[k - 1], "、。!！\n 」』・:の")) {
            return;
        }
        if t[p] == 'で' && sw(t, p, &['で', 'す']) && k > 0 && t[k - 1] == 'の' {
            return; // '…の佐藤です' is read by the の cue
        }
        if let Some((s, e, _)) = self.name_at(k, p, false, false) {
            if e == p && !self.tb.not_names.contains(&t[s..e]) {
                self.add(s, e, if t[p] != 'で' { 0.8 } else { 0.7 });
            }
        }
    }

    /// Titles from the keyword pass (課長 山田): one name after each.
    #[inline(never)]
    pub(crate) fn titles(&mut self, budget: usize) {
        let t = self.t;
        let occ = self.doc.occurrences(TITLE_GROUP);
        let mut last = usize::MAX;
        for (&ks, &ke) in occ.starts.iter().zip(&occ.ends).take(budget) {
            let next_ok = t.get(ke).is_some_and(|&c| is_kanji(c) || is_kata(c) || c.is_ascii_uppercase());
            if ke == last || (ks > 0 && is_kanji(t[ks - 1])) || !next_ok {
                continue;
            }
            last = ke;
            self.read_list(ke, 0.8, false, 1, false);
        }
    }

    /// `_CUE_RES`, `_DESU_CUE` and `_DEPT_CUE`, in that order.
    #[inline(never)]
    pub(crate) fn cue_patterns(&mut self, budget: usize) {
        let t = self.t;
        let n = self.n;
        let gozaimasu = chars!("でございます");
        let moushimasu = chars!("と申します");
        let desu = chars!("です");
        let ga_tantou = chars!("が担当");
        // の(?=[K]{1,4}(?:でございます|と申します))
        let mut count = 0;
        let mut i = self.next_flag(0, F_NO);
        // each の followed by 1 to 4 kanji and the end of that run, for の…です below (all of them when
        // this walk was not cut short by the budget)
        let mut no_runs: Vec<(usize, usize)> = Vec::new();
        while i < n && count < budget {
            let here = i;
            i = self.next_flag(i + 1, F_NO);
            let i = here;
            if t[i] == 'の' {
                let l = run_len(t, i + 1, n, 5, is_kanji);
                if (1..=4).contains(&l) {
                    no_runs.push((i, l));
                    if sw(t, i + 1 + l, gozaimasu) || sw(t, i + 1 + l, moushimasu) {
                        count += 1;
                        self.read_list(i + 1, 0.8, true, 1, false);
                    }
                }
            }
        }
        let all_no_runs = i >= n;
        // (?:弊社|当社|担当|…)の(?=[K])
        let hit = |me: &Self, i: usize| {
            let hit = me.tb.cue_person_before.starting_at(t, i).find_map(|w| {
                let q = i + w.len();
                (sw(t, i, w) && t.get(q) == Some(&'の') && t.get(q + 1).is_some_and(|&c| is_kanji(c))).then_some(q + 1)
            });
            hit.map(|e| (e, e))
        };
        self.scan_cue(F_CUE, budget, hit, |me, e| me.read_list_at(e, 0.8, true, 1, false, true));
        // \n ?[・-] ?(?=[K]{1,4}(?:が担当|[(（がもはよ]|TITLES))
        let hit = |me: &Self, i: usize| {
            let mut j = i + 1;
            if t.get(j) == Some(&' ') {
                j += 1;
            }
            let mut hit = None;
            if t.get(j).is_some_and(|&c| c == '・' || c == '-') {
                let b = j + 1;
                let la = |p: usize| {
                    let l = run_len(t, p, n, 4, is_kanji);
                    (1..=l).rev().any(|k| {
                        let q = p + k;
                        sw(t, q, ga_tantou)
                            || t.get(q).is_some_and(|&c| one_of!(c, "(（がもはよ"))
                            || me.tb.titles.at(t, q, n).is_some()
                    })
                };
                if t.get(b) == Some(&' ') {
                    if la(b + 1) {
                        hit = Some(b + 1);
                    }
                } else if la(b) {
                    hit = Some(b);
                }
            }
            hit.map(|e| (e, e))
        };
        self.scan_cue(F_NL, budget, hit, |me, e| me.read_list_at(e, 0.8, true, 1, false, true));
        // の(?=[K]{1,4}です): '…の田中です'
        let mut count = 0;
        if all_no_runs {
            for &(i, l) in &no_runs {
                if count >= budget {
                    break;
                }
                if sw(t, i + 1 + l, desu) {
                    count += 1;
                    self.before_desu(i + 1);
                }
            }
        }
        let mut i = if all_no_runs { n } else { self.next_flag(0, F_NO) };
        while i < n && count < budget {
            let here = i;
            i = self.next_flag(i + 1, F_NO);
            let i = here;
            if t[i] == 'の' {
                let l = run_len(t, i + 1, n, 5, is_kanji);
                if (1..=4).contains(&l) && sw(t, i + 1 + l, desu) {
                    count += 1;
                    self.before_desu(i + 1);
                }
            }
        }
        // (?:部|課|室|グループ|チーム|センター|支店|営業所)の(?=[K]{1,4}(?:が|は|より|…))
        let hit = |me: &Self, i: usize| {
            let mut hit = None;
            if let Some(u) = me.tb.dept_units.at(t, i, n) {
                if t.get(u) == Some(&'の') {
                    let p = u + 1;
                    let l = run_len(t, p, n, 5, is_kanji);
                    if (1..=4).contains(&l) && me.tb.dept_after.at(t, p + l, n).is_some() {
                        hit = Some(p);
                    }
                }
            }
            hit.map(|e| (e, e))
        };
        self.scan_cue(F_DEPT, budget, hit, |me, e| me.read_list(e, 0.75, false, 1, false));
    }

    /// '株式会社ミライの林です': a listed surname or full name before です.
    fn before_desu(&mut self, i: usize) {
        let t = self.t;
        let l = run_len(t, i, self.n, 5, is_kanji);
        if !(1..=4).contains(&l) || !sw(t, i + l, &['で', 'す']) {
            return;
        }
        let name = &t[i..i + l];
        if !self.tb.not_names.contains(name) && (self.lex.surname(name) || self.lex.split_full(name) != 0) {
            self.add(i, i + l, 0.85);
        }
    }

    /// `_LINE_NAME` at the start of the text and after each newline.
    #[inline(never)]
    pub(crate) fn line_names(&mut self, budget: usize) {
        let fl = self.fl;
        let mut count = 0;
        let mut nl = next_flag(fl, 0, F_NL);
        let mut starts = std::iter::once(0).chain(std::iter::from_fn(|| {
            (nl < fl.len()).then(|| {
                let ls = nl + 1;
                nl = next_flag(fl, ls, F_NL);
                ls
            })
        }));
        for ls in starts.by_ref() {
            if count >= budget {
                break;
            }
            if let Some((s, e, titled)) = self.line_name_at(ls) {
                count += 1;
                self.line_name(s, e, titled);
            }
        }
    }

    /// `^ {0,4}(?P<title>(?:TITLES) )?([K]{1,4} ?[K HIRA]{1,4})(?= {0,4}(?:$|[(（/|]))` at the line start `p`.
    fn line_name_at(&self, p: usize) -> Option<(usize, usize, bool)> {
        let t = self.t;
        let n = self.n;
        let sp = run_len(t, p, n, 5, |c| c == ' ');
        if sp > 4 {
            return None;
        }
        let q = p + sp;
        let c = *t.get(q)?;
        if !(is_kanji(c) || one_of!(c, "チマリ")) {
            return None;
        }
        for w in self.tb.titles.starting_at(t, q) {
            if sw(t, q, w) && t.get(q + w.len()) == Some(&' ') {
                if let Some((s, e)) = self.line_body(q + w.len() + 1) {
                    return Some((s, e, true));
                }
            }
        }
        self.line_body(q).map(|(s, e)| (s, e, false))
    }

    fn line_body(&self, g: usize) -> Option<(usize, usize)> {
        let t = self.t;
        let n = self.n;
        // Every character of a match and of its lookahead's spaces is a kanji, a hiragana or a space,
        // and what follows them ends the line or opens a bracket: the first other character is it.
        let fl = self.fl;
        let mut r = g;
        while r < n && r - g <= 13 && (fl[r] & (F_KANJI | F_HIRA) != 0 || t[r] == ' ') {
            r += 1;
        }
        if r - g > 13
            || (r < n && !one_of!(t[r], "\n(（/|㊞") && !(r > g && t[r - 1] == ' ' && t[r].is_ascii_uppercase()))
        {
            return None;
        }
        let la = |q: usize| {
            let r = q + run_len(t, q, n, 4, |c| c == ' ');
            r >= n
                || t[r] == '\n'
                || one_of!(t[r], "(（/|㊞")
                || (r > q && self.romaji_tail(q).is_some())
                // 山田 太郎  印: the seal box after a name on a form
                || (r > q && t[r] == '印' && t.get(r + 1).is_none_or(|&c| c == '\n'))
        };
        let a_max = run_len(t, g, n, 4, is_kanji);
        for a in (1..=a_max).rev() {
            let pos = g + a;
            for sp in [1, 0] {
                if sp == 1 && t.get(pos) != Some(&' ') {
                    continue;
                }
                let h = pos + sp;
                let b_max = run_len(t, h, n, 4, |c| is_kanji(c) || is_hira(c));
                for b in (1..=b_max).rev() {
                    if la(h + b) {
                        return Some((g, h + b));
                    }
                }
            }
        }
        None
    }

    /// `_line_name`: a name alone on a line (a signature, an address label).
    fn line_name(&mut self, s: usize, e: usize, titled: bool) {
        let t = self.t;
        let lex = self.lex;
        let cand = &t[s..e];
        if self.tb.honorific.list.iter().any(|w| cand.ends_with(w)) {
            return; // 渡辺 様 / 田中 学さん: the honorific cue reads these
        }
        let tail = self
            .tb
            .line_tail
            .list
            .iter()
            .filter(|w| cand.ends_with(w))
            .map(|w| {
                let ws = cand.len() - w.len();
                if ws > 0 && cand[ws - 1] == ' ' {
                    ws - 1
                } else {
                    ws
                }
            })
            .min();
        if let Some(ts) = tail {
            if ts >= 1 && !lex.surname(cand) {
                // 山本より (a signature), 山田方 (care of), 佐藤宛: the name without the word after it.
                let mut bl = ts;
                while bl > 0 && cand[bl - 1] == ' ' {
                    bl -= 1;
                }
                let body = &cand[..bl];
                let joined: Vec<char> = body.iter().copied().filter(|&c| c != ' ').collect();
                if lex.split_full(&joined) != 0 || (lex.surname(body) && (body.len() > 1 || !lex.common(body))) {
                    self.add(s, s + body.len(), 0.8);
                }
                return;
            }
        }
        let romaji = self.romaji_tail(e);
        if let Some((rs, re)) = romaji {
            // 樋口 昊帆 Soraho HIGUCHI: the name in kanji, then in romaji, on one line
            let joined: Vec<char> = cand.iter().copied().filter(|&c| c != ' ').collect();
            if lex.surname(cand.split(|&c| c == ' ').next().unwrap_or(&[])) || lex.split_full(&joined) != 0 {
                self.add(s, e, 0.85);
                self.add(rs, re, 0.85);
            }
            return;
        }
        // 氏名⏎林穂汰: a form's name label alone on the line above stands for the cue
        let labelled = self.label_line_above(s);
        // (林穂汰: a one-kanji surname, however common a word, counts under the label)
        let one_kanji_surname = |c: &[char]| {
            (2..=4).contains(&c.len()) && lex.surname(&c[..1]) && !lex.common(&c[1..]) && c.iter().all(|&x| is_kanji(x))
        };
        if labelled && !cand.contains(&' ') && (self.unlisted_given(cand) || one_kanji_surname(cand)) {
            self.add(s, e, 0.8);
            return;
        }
        if let Some(sp) = cand.iter().position(|&c| c == ' ') {
            let (a, b) = (&cand[..sp], &cand[sp + 1..]);
            let paren = titled || labelled || self.reading_follows(e);
            if lex.surname(a) && (lex.given(b) || (paren && b.len() <= 3 && !lex.common(b))) {
                self.add(s, e, 0.85);
                let hira = self.paren_ends_line(e);
                self.romaji_after(e, hira);
            }
            return;
        }
        if (cand.len() >= 3 || titled || self.reading_follows(e)) && lex.split_full(cand) != 0 {
            self.add(s, e, 0.8);
            let hira = self.paren_ends_line(e);
            self.romaji_after(e, hira);
        }
    }

    /// The line above the one starting at or before `s` is a person label alone (氏名, お名前, 担当者 …).
    fn label_line_above(&self, s: usize) -> bool {
        let t = self.t;
        let ls = self.rfind_char('\n', s.saturating_sub(LINE_LIMIT), s).map_or(0, |p| p + 1);
        if ls == 0 {
            return false;
        }
        let pe = ls - 1;
        // the line above, when it is short (a label alone is)
        let ps = match self.rfind_char('\n', pe.saturating_sub(24), pe) {
            Some(p) => p + 1,
            None if pe <= 24 => 0,
            None => return false,
        };
        let (mut a, mut b) = (ps, pe);
        while a < b && t[a] == ' ' {
            a += 1;
        }
        while b > a && matches!(t[b - 1], ' ' | ':') {
            b -= 1;
        }
        a < b && self.doc.keywords_in(a, b, &[LABEL_GROUP]).iter().any(|&(ks, ke, _)| ks == a && ke == b)
    }

    /// Chat logs and minutes: a speaker before the message, `[10:02] 田中: …`, `田中：…`, `10:02 田中 真一 …`.
    /// A name before a colon counts when the log has two such lines or a time stamp; a full name after a
    /// time stamp counts with a space after it.
    #[inline(never)]
    pub(crate) fn speakers(&mut self, budget: usize) {
        let n = self.n;
        if memchr::memchr(b':', self.doc.norm.s.as_bytes()).is_none() {
            return;
        }
        let t = self.t;
        let bytes = self.doc.norm.s.as_bytes();
        let mut seen: Vec<(usize, usize, bool)> = Vec::new();
        let mut shown: Vec<(usize, usize, bool)> = Vec::new();
        let mut tagged: Vec<Tagged> = Vec::new();
        let mut ls = 0;
        while ls < n && seen.len() + shown.len() + tagged.len() < budget {
            // A line without a colon holds no speaker: go straight to the line of the next colon, when the
            // lines skipped are each shorter than LINE_LIMIT (a longer one ends the walk below: its window
            // runs to the end of the text). Those lines are the ones the walk would have stepped through.
            let (bl, _) = self.bytes_of(ls, ls);
            let Some(bc) = memchr::memchr(b':', &bytes[bl..]).map(|k| bl + k) else {
                break; // no colon left: no line from here holds a speaker
            };
            if let Some(bnl) = memchr::memrchr(b'\n', &bytes[bl..bc]).map(|k| bl + k) {
                let next = self.char_at_byte(ls, n, bnl) + 1;
                if next - ls > LINE_LIMIT {
                    // (rare) step through the skipped lines as the walk did, looking for a long one
                    while ls < next {
                        let hi = (ls + LINE_LIMIT).min(n);
                        match t[ls..hi].iter().position(|&c| c == '\n') {
                            Some(k) => ls += k + 1,
                            None => break,
                        }
                    }
                    if ls < next {
                        break; // a line of LINE_LIMIT code points without a colon near its start ends the walk
                    }
                }
                ls = next;
            }
            let hi = (ls + LINE_LIMIT).min(n);
            let le = t[ls..hi].iter().position(|&c| c == '\n').map_or(n, |k| ls + k);
            // the three readers start alike: the indentation, then a time stamp or none (read once here)
            let q = ls + run_len(t, ls, le, 8, |c| c == ' ');
            let head = LineHead { q, stamp: time_stamp(t, q, le) };
            if let Some(found) = self.display_name_at(head, le) {
                shown.push(found);
            } else if let Some(found) = self.speaker_at(ls, le, head) {
                seen.push(found);
            } else if let Some(found) = self.tagged_speaker_at(head, le) {
                tagged.push(found);
            }
            ls = le + 1;
        }
        let untimed = seen.iter().filter(|x| !x.2).count();
        for (s, e, timed) in seen {
            if timed || untimed >= 2 {
                self.add(s, e, 0.8);
            }
        }
        // tagged speakers: listed, or speaking on two lines opened by a time stamp
        for x in &tagged {
            let again = || tagged.iter().any(|y| y.s != x.s && y.stamped && t[y.s..y.e] == t[x.s..x.e]);
            if x.listed || (x.stamped && again()) {
                self.add(x.s, x.e, 0.8);
            }
        }
        // display names of chat exports: listed, or heading two lines of the log
        for &(s, e, listed) in &shown {
            if listed || shown.iter().any(|&(s2, e2, _)| s2 != s && t[s2..e2] == t[s..e]) {
                self.add(s, e, 0.8);
            }
        }
    }

    /// The speaker of the line `[ls, le)`: (start, end, whether a time stamp stands before or after it).
    fn speaker_at(&self, ls: usize, le: usize, head: LineHead) -> Option<(usize, usize, bool)> {
        let t = self.t;
        let lex = self.lex;
        if !t[ls..le.min(ls + 48)].contains(&':') {
            return None; // every form has a colon near the start: after the name or in the time stamp
        }
        let LineHead { mut q, stamp } = head;
        if let Some(p) = stamp {
            q = p + run_len(t, p, le, 8, |c| c == ' ' || c == '\t');
        }
        if q >= le {
            return None;
        }
        if stamp.is_none() && !self.may_be_speaker(q, le) {
            return None; // 電話番号：, 件名： — a label, not a name, before the colon (the common case)
        }
        let (s, e, full) = if t[q].is_ascii_uppercase() {
            let e = romaji_name(t, q, le)?;
            if !t[q..e].contains(&' ') {
                return None;
            }
            (q, e, true)
        } else if is_kanji(t[q]) {
            match self.name_at(q, le, false, false) {
                Some((s, e, _)) if s == q => {
                    let name = &t[s..e];
                    (s, e, name.contains(&' ') || lex.split_full(name) != 0)
                }
                _ => {
                    // 森：…: a listed surname however common, before a colon
                    let r = run_len(t, q, le, 4, is_kanji);
                    if r == 0 || !lex.surname(&t[q..q + r]) {
                        return None;
                    }
                    (q, q + r, false)
                }
            }
        } else {
            return None;
        };
        let mut k = e;
        if let Some(h) = (k < le).then(|| honorific_at(t, k)).flatten().filter(|&h| h <= le) {
            k = h;
        }
        let after = k + run_len(t, k, le, 4, |c| c == ' ' || c == '\t');
        if after < le && t[after] == ':' {
            return Some((s, e, stamp.is_some()));
        }
        if !full {
            return None;
        }
        if after >= le {
            // 10:48 十河 明美⏎了解です: a full name alone after a time stamp, the message below
            return stamp.map(|_| (s, e, true));
        }
        // 10:05 大島 悠斗 明日伺います / Ruha Nakagawa 16:15 …: a full name, a time stamp before or after it
        (after > k && (stamp.is_some() || time_stamp(t, after, le).is_some())).then_some((s, e, true))
    }

    /// A bare surname on the last line of a message (a signature: 佐藤), or in brackets after a department
    /// or 担当 (（経理部 森）, （担当 雲雀）).
    #[inline(never)]
    pub(crate) fn signatures(&mut self) {
        let t = self.t;
        let lex = self.lex;
        let mut e = self.n;
        while e > 0 && t[e - 1].is_whitespace() {
            e -= 1;
        }
        let s = self.rfind_char('\n', e.saturating_sub(8), e).map_or(e.saturating_sub(8), |p| p + 1);
        let mut a = s;
        while a < e && t[a] == ' ' {
            a += 1;
        }
        let last = &t[a..e];
        if (a == 0 || t[a - 1] == '\n' || a > s)
            && (s == 0 || t[s - 1] == '\n')
            && (1..=4).contains(&last.len())
            && last.iter().all(|&c| is_kanji(c))
            && lex.surname(last)
            && !lex.common(last)
            && !self.tb.not_names.contains(last)
        {
            self.add(a, e, 0.75);
        }
        let mut p = 0;
        while let Some(o) = self.next_paren(p) {
            p = o + 1;
            // （秋山）closing its line, or （近藤 left open at the end of a line: a surname in brackets after
            // what that person wrote or checked
            let open_end = {
                let r = run_len(t, o + 1, self.n, 5, is_kanji);
                let q = o + 1 + r;
                (2..=4).contains(&r) && (q >= self.n || t[q] == '\n')
            };
            if open_end {
                let inner = &t[o + 1..o + 1 + run_len(t, o + 1, self.n, 5, is_kanji)];
                if lex.surname(inner) && !lex.common(inner) {
                    self.add(o + 1, o + 1 + inner.len(), 0.7);
                }
            }
            if let Some(close) = self.find_char(')', o + 1, (o + 6).min(self.n)) {
                let inner = &t[o + 1..close];
                let ends_line = close + 1 >= self.n || t[close + 1] == '\n';
                if ends_line
                    && (2..=4).contains(&inner.len())
                    && inner.iter().all(|&c| is_kanji(c))
                    && lex.surname(inner)
                    && !lex.common(inner)
                {
                    self.add(o + 1, close, 0.75);
                }
            }
            let Some(close) = self.find_char(')', o + 1, (o + 16).min(self.n)) else {
                continue;
            };
            let inner = &t[o + 1..close];
            let Some(sp) = inner.iter().rposition(|&c| c == ' ') else {
                continue;
            };
            let (unit, name) = (&inner[..sp], &inner[sp + 1..]);
            let unit_ok = unit == chars!("担当")
                || (unit.len() >= 2
                    && unit.iter().all(|&c| is_kanji(c) || is_kata(c))
                    && one_of!(unit[unit.len() - 1], "部課室係"));
            if unit_ok && (1..=4).contains(&name.len()) && name.iter().all(|&c| is_kanji(c)) && lex.surname(name) {
                let ns = o + 1 + sp + 1;
                self.add(ns, close, 0.8);
            }
        }
    }

    /// A cheap first look at a line without a leading time stamp: what stands before its first colon
    /// (less a time's hour and an honorific) is short, made of name characters, and, when it is one run of
    /// kanji, a listed surname or full name or long enough to hold an unlisted given name.
    fn may_be_speaker(&self, q: usize, le: usize) -> bool {
        let t = self.t;
        let Some(c) = self.find_char(':', q, (q + 24).min(le)) else {
            return false;
        };
        let mut e = c;
        while e > q && (t[e - 1].is_ascii_digit() || t[e - 1] == ' ') {
            e -= 1; // Ruha Nakagawa 16:15: the hour of the time after the name
        }
        // the first honorific ending at the colon (or the time before it): an honorific is 1 to 3 code
        // points, so only the 3 positions before `e` can start one
        let h = (e.saturating_sub(3).max(q)..e).find(|&h| honorific_at(t, h) == Some(e)).unwrap_or(e);
        let cand = &t[q..h];
        if cand.is_empty() || cand.len() > 16 {
            return false;
        }
        if cand.iter().all(|&x| is_kanji(x)) {
            let lex = self.lex;
            return lex.surname(cand)
                || lex.split_full(cand) != 0
                || ((3..=6).contains(&cand.len())
                    && [2, 3].iter().any(|&k| k < cand.len() && lex.surname(&cand[..k])));
        }
        cand.iter().all(|&x| is_kanji(x) || is_kata(x) || is_hira(x) || x.is_ascii_alphabetic() || one_of!(x, " .,'ノ"))
    }

    /// Mentions in a chat, `@服部さん`, `@東海林`: the name after an `@` that opens no e-mail address.
    #[inline(never)]
    pub(crate) fn mentions(&mut self, budget: usize) {
        let t = self.t;
        let n = self.n;
        let mut p = 0;
        let mut count = 0;
        while let Some(a) = self.find_char('@', p, n) {
            p = a + 1;
            if count >= budget || (a > 0 && (t[a - 1].is_ascii_alphanumeric() || one_of!(t[a - 1], "._-+"))) {
                continue;
            }
            count += 1;
            let q = a + 1;
            if q < n && t[q].is_ascii_uppercase() {
                // @Mio Kurisu: a romanised full name
                let le = self.find_char('\n', q, (q + 40).min(n)).unwrap_or((q + 40).min(n));
                if let Some(e) = romaji_at(t, q, le) {
                    self.add(q, e, 0.8);
                    continue;
                }
                // @Osamu, @Yamada: one capitalised Hepburn word, then a space or the line's end
                let r = 1 + run_len(t, q + 1, n, 16, |c| c.is_ascii_lowercase());
                let low: Vec<u8> = t[q..q + r].iter().map(|&c| c.to_ascii_lowercase() as u8).collect();
                if (3..16).contains(&r) && t.get(q + r).is_none_or(|&c| one_of!(c, " \n")) && hepburn(&low) {
                    self.add(q, q + r, 0.8);
                }
                continue;
            }
            if q >= n || !is_kanji(t[q]) {
                continue;
            }
            let le = self.find_char('\n', q, (q + 40).min(n)).unwrap_or((q + 40).min(n));
            let found = match self.name_at(q, le, false, false) {
                Some((s, e, _)) if s == q => Some(e),
                _ => {
                    let r = run_len(t, q, le, 4, is_kanji);
                    (r > 0 && self.lex.surname(&t[q..q + r]) && self.boundary(q + r, le)).then_some(q + r)
                }
            };
            if let Some(e) = found {
                self.add(q, e, 0.8);
            }
        }
    }

    /// Tables whose header names a column of names (氏名, お名前, フリガナ, 担当者 …): every cell of those
    /// columns shaped like a name, honorific or not.
    #[inline(never)]
    pub(crate) fn table_columns(&mut self) {
        // a column of names is headed by a label word (氏名, フリガナ, 担当 …) or one of a few others
        let s = self.doc.norm.s.as_bytes();
        let others =
            ["メンバー", "スタッフ", "よみ", "ヨミ", "読み", "Name", "NAME", "name", "担当", "かな", "ｶﾅ", "ｶﾞﾅ", "ﾖﾐ"];
        if !self.doc.has_group(LABEL_GROUP) && !others.iter().any(|w| memchr::memmem::find(s, w.as_bytes()).is_some()) {
            return;
        }
        let tables = Tables::of(self.doc);
        let t = self.t;
        let cells: Vec<(usize, usize)> = tables.column_cells(t, name_header).map(|(_, c)| c).collect();
        for (s, e) in cells {
            let s = row_number_end(t, s, e);
            if name_cell(&t[s..e]) {
                // 石垣・与那国, 丸尾/吉岡: two surnames in one cell, split where kanji meet a separator
                let mut a = s;
                for k in s + 1..e.saturating_sub(1) {
                    if one_of!(t[k], "・/、") && is_kanji(t[k - 1]) && is_kanji(t[k + 1]) {
                        self.add(a, k, 0.85);
                        a = k + 1;
                    }
                }
                self.add(a, e, 0.85);
            }
        }
    }
}

/// Words in the header of a column of names.
const NAME_HEADERS: &[&str] = &[
    "氏名",
    "氏 名",
    "者名",
    "名前",
    "姓名",
    "フリガナ",
    "ふりがな",
    "ﾌﾘｶﾞﾅ",
    "カナ",
    "ｶﾅ",
    "かな",
    "ﾖﾐ",
    "よみ",
    "ヨミ",
    "読み",
    "顧客名",
    "会員名",
    "社員名",
    "従業員名",
    "担当",
    "宛名",
    "受取人",
    "依頼主",
    "メンバー",
    "スタッフ",
    "Name",
    "name",
    "NAME",
];

/// A column header naming people: 氏名, お名前, フリガナ, 担当者, 申込者, Name … but not 会社名, 部署名.
pub(super) fn name_header(cell: &[char]) -> bool {
    const NOT: &[&str] = &[
        "会社",
        "社名",
        "法人",
        "部署",
        "部門",
        "店",
        "商品",
        "品名",
        "銀行",
        "支店",
        "病院",
        "学校",
        "施設",
        "件名",
        "ファイル",
        "Company",
        "company",
        "File",
        "file",
        "Product",
        "product",
        "User",
        "user",
        "事業者",
    ];
    static NOT_WORDS: OnceLock<CharWords> = OnceLock::new();
    if NOT_WORDS.get_or_init(|| CharWords::new(NOT)).found_in(cell) {
        return false;
    }
    name_headers().found_in(cell) || (cell.last() == Some(&'者') && cell.len() <= 6)
}

/// [`NAME_HEADERS`] for matching on code points.
fn name_headers() -> &'static CharWords {
    static WORDS: OnceLock<CharWords> = OnceLock::new();
    WORDS.get_or_init(|| CharWords::new(NAME_HEADERS))
}

/// After the row number a roster puts before the name in the same cell (`1 岡部 トメ` under `班 氏名`): where
/// the name starts; `s` when the cell opens with no number, or with nothing but a number.
fn row_number_end(t: &[char], s: usize, e: usize) -> usize {
    let d = run_len(t, s, e, 3, |c| c.is_ascii_digit());
    if d > 0 && s + d + 1 < e && t[s + d] == ' ' {
        s + d + 1
    } else {
        s
    }
}

/// A table cell shaped like a name: letters of a name (kanji, kana, Latin), spaces and ・ ー 々 . between
/// them, at most 30 of them, and not itself a column header.
fn name_cell(cell: &[char]) -> bool {
    if cell.is_empty() || cell.len() > 30 || name_headers().equals(cell) || cell.last() == Some(&'者') {
        return false; // a second header row
    }
    static COMPANY: OnceLock<CharWords> = OnceLock::new();
    if COMPANY.get_or_init(|| CharWords::new(&["株式会社", "有限会社", "合同会社"])).found_in(cell) {
        return false;
    }
    let letter = |c: char| is_kanji(c) || is_kata(c) || is_hira(c) || is_half_kana(c) || c.is_ascii_alphabetic();
    cell.iter().any(|&c| letter(c)) && cell.iter().all(|&c| letter(c) || one_of!(c, " ・ー々.'-/、"))
}

/// The start of a line as the speaker readers see it, computed once per line.
#[derive(Clone, Copy)]
pub(crate) struct LineHead {
    /// The first position after the line's leading spaces (at most 8 of them).
    pub q: usize,
    /// `time_stamp(t, q, le)`: the position after a time stamp at `q`, if one stands there.
    pub stamp: Option<usize>,
}

/// `[10:02]`, `10:02`, `(10:02:33)`, `[2024/05/01 10:02]` at `i`: the position after it.
pub(super) fn time_stamp(t: &[char], i: usize, le: usize) -> Option<usize> {
    let open = i < le && one_of!(t[i], "[(<");
    let mut p = if open { i + 1 } else { i };
    let date = run_len(t, p, le, 10, |c| c.is_ascii_digit() || c == '/' || c == '-');
    if date >= 8 && t.get(p + date) == Some(&' ') {
        p += date + 1;
    }
    let h = run_len(t, p, le, 2, |c| c.is_ascii_digit());
    if h == 0 || t.get(p + h) != Some(&':') {
        return None;
    }
    p += h + 1;
    for _ in 0..2 {
        let m = run_len(t, p, le, 2, |c| c.is_ascii_digit());
        if m != 2 {
            return None;
        }
        p += 2;
        if t.get(p) != Some(&':') || !t.get(p + 1).is_some_and(|c| c.is_ascii_digit()) {
            break;
        }
        p += 1;
    }
    if open {
        if !(p < le && one_of!(t[p], "])>")) {
            return None;
        }
        p += 1;
    }
    (p == le || t[p] == ' ' || t[p] == '\t' || open).then_some(p)
}
