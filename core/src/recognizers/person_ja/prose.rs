//! Names in prose, without cues: kanji runs that split into a listed surname + given name or hold a
//! surname before a title, given names after kinship words, Chinese names before a particle, katakana
//! foreign names, encyclopaedic definitions ('X（読み）は、日本の俳優。'), names after a role word, and
//! SudachiPy's 人名 tags asked on short windows.

use super::chars::{is_hira, is_kanji, is_kata, one_of, py_isdigit, sw};
use super::lexicon::{COMMON, FOREIGN, FULL, GIV, GIV_KANA, LISTED, OTHER, PLACE, SUR, SUR_KANA};
use super::patterns::{definition, prose_kata, role_kata, run_len};
use super::readers::surname_head;
use super::tables::{F_KANJI, F_KATA_LETTER, F_ROLE, F_WA};
use super::{next_flag, overlaps, Ctx};
use crate::recognizers::organization::suffix::thing_after;

const PARTICLES: &str = "はがとにをもやへ、。」の";
const ROLE_END: &str = "者家手官員士師優督将役曲詞令";
/// What only a person does or undergoes, said of the subject of a sentence (ベンが処刑され, ハーダーは受章した).
const HUMAN_PREDICATES: &[&[char]] = &[
    &['結', '婚'],
    &['離', '婚'],
    &['死', '去'],
    &['戦', '死'],
    &['病', '死'],
    &['亡', 'く', 'な'],
    &['生', 'ま', 'れ'],
    &['即', '位'],
    &['退', '位'],
    &['処', '刑'],
    &['暗', '殺'],
    &['戴', '冠'],
    &['働', 'い'],
    &['率', 'い'],
    &['受', '章'],
    &['出', '家'],
    &['留', '学'],
    &['嫁', 'い'],
    &['妊', '娠'],
    &['告', '白'],
    &['謝', '罪'],
    &['激', '怒'],
    &['泣', 'い'],
    &['微', '笑'],
    &['呟', 'い'],
    &['叫', 'ん'],
    &['恋', 'を'],
    &['恋', '心'],
    &['一', '目', '惚', 'れ'],
    &['養', '子'],
    &['息', '子'],
    &['娘', 'を'],
    &['妻', 'を'],
    &['妻', 'と'],
    &['夫', 'と'],
    &['知', 'り', '合'],
    &['出', '会', 'っ'],
    &['出', '会', 'い'],
    &['逝', '去'],
    &['師', '事'],
    &['入', '門'],
    &['晩', '年'],
    &['幼', '少'],
];
/// Words of a period that are also listed as given names (江戸時代, 明治初期).
const PERIODS: &[&[char]] = &[
    &['時', '代'],
    &['時', '期'],
    &['初', '期'],
    &['末', '期'],
    &['前', '期'],
    &['中', '期'],
    &['後', '期'],
    &['年', '代'],
];
/// Words of a role written right before a name in the same kanji run (先発田中将大投手, 局長近藤勇は, 主将山田).
const ROLE_BEFORE: &[&[char]] = &[
    &['先', '発'],
    &['局', '長'],
    &['主', '将'],
    &['主', '演'],
    &['横', '綱'],
    &['大', '関'],
    // 藩主一柳直盛, 当主島津義久, 六代目尾上梅幸: a lord or a stage generation before the name
    &['藩', '主'],
    &['城', '主'],
    &['当', '主'],
    &['領', '主'],
    &['代', '目'],
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Name,
    Title,
    Morph,
}

pub(crate) type Verdict = Option<(Kind, usize, usize, f64)>;

// Verdicts on a katakana run (`_KATA_*`).
const KATA_NONE: u8 = 0;
const KATA_MULTI: u8 = 1;
const KATA_MULTI_CLEAN: u8 = 2;
const KATA_SINGLE_TITLED: u8 = 3;
const KATA_SINGLE_CLEAN: u8 = 4;

/// `_clean_foreign`: a katakana person name that is not also a place, a product or an ordinary word.
pub(crate) fn clean_foreign(f: u16) -> bool {
    f & FOREIGN != 0 && f & (COMMON | PLACE | OTHER) == 0
}

fn is_kata_sep(c: char) -> bool {
    c == '・' || c == '='
}

impl Ctx<'_, '_> {
    #[inline(never)]
    pub(crate) fn prose(&mut self) {
        let t = self.t;
        let n = self.n;
        let covered = self.found.sorted_keys();
        let first_new = self.found.items.len();
        let mut windows: Vec<(usize, usize)> = Vec::new();
        let mut sur_windows: Vec<(usize, usize)> = Vec::new();
        // [K]{2,40}: kanji runs in pieces of at most 40
        let mut i = 0;
        while i < n {
            i = self.next_flag(i, F_KANJI);
            if i >= n {
                break;
            }
            let j = i + self.fl[i..].iter().take_while(|&&f| f & F_KANJI != 0).count();
            if (2..=4).contains(&(j - i)) && !overlaps(&covered, i, j) {
                self.kin_after(i, j); // 劉裕の異母弟
            }
            self.names_in_run(i, j, &covered); // 小泉純一郎首相, 領事杉原千畝は (prose_names.rs)
            let mut s0 = i;
            while j - s0 >= 2 {
                let e0 = (s0 + 40).min(j);
                self.prose_run(s0, e0, &covered, &mut windows, &mut sur_windows);
                s0 = e0;
            }
            i = j;
        }
        self.definitions();
        let lim = 1000 + n / 16;
        let mut count = 0;
        let mut i = 0;
        while i < n && count < lim {
            i = self.next_flag(i, F_ROLE);
            if i >= n {
                break;
            }
            let hit = self.tb.role_words.starting_at(t, i).find_map(|w| {
                let q = i + w.len();
                (sw(t, i, w) && t.get(q).is_some_and(|&c| one_of!(c, "の・、"))).then_some(q + 1)
            });
            let Some(e) = hit else {
                i += 1;
                continue;
            };
            count += 1;
            self.after_role(e, &covered);
            if e >= 2 && one_of!(t[e - 1], "の・、") && one_of!(t[e - 2], "妻夫母父兄姉弟妹娘男女子孫甥姪")
            {
                self.given_after_kin(e, &covered);
            }
            i = e;
        }
        windows.extend(sur_windows);
        if !windows.is_empty() {
            // SudachiPy costs about 1 MB/s: at most one window per 200 characters (a few per sentence).
            windows.truncate(64 + n / 200);
            self.morph_windows(&windows);
        }
        self.prose_katakana();
        self.drop_things(first_new);
    }

    /// Drops the names found in prose (from `items[from..]`) that start the name of a thing, a route or an
    /// event (ヴィルヘルムス運河, マッカーサー記念館), or that hold its kanji head (宇高航路, 吉田茂通り): the name
    /// there is part of another name.
    fn drop_things(&mut self, from: usize) {
        let t = self.t;
        let thing = |s: usize, e: usize| thing_after(t, e) || (s + 2..e).any(|p| is_kanji(t[p]) && thing_after(t, p));
        let tail = &self.found.items[from..];
        if !tail.iter().any(|&((s, e), _)| thing(s, e)) {
            return;
        }
        let keep: Vec<((usize, usize), f64)> = tail.iter().filter(|&&((s, e), _)| !thing(s, e)).copied().collect();
        for i in from..self.found.items.len() {
            let key = self.found.items[i].0;
            self.found.index.remove(&key);
        }
        self.found.items.truncate(from);
        for ((s, e), score) in keep {
            self.found.add(s, e, score);
        }
    }

    fn prose_run(
        &mut self,
        s0: usize,
        e0: usize,
        covered: &[(usize, usize)],
        windows: &mut Vec<(usize, usize)>,
        sur_windows: &mut Vec<(usize, usize)>,
    ) {
        let t = self.t;
        let n = self.n;
        let run = &t[s0..e0];
        let len = e0 - s0;
        if len <= 3 {
            if e0 < n && (is_hira(t[e0]) || one_of!(t[e0], "、。」")) && self.lex.listed(run) {
                self.short_run(s0, e0, covered, sur_windows);
            }
            if len < 3 {
                return;
            }
        }
        if len > 3 && self.tb.kin_words.contains(&run[..2]) {
            self.given_after_kin(s0 + 2, covered);
        } else if len == 3
            && self.tb.cn_surnames.contains(&run[0])
            && self.chinese_name(s0, e0, run)
            && !overlaps(covered, s0, e0)
        {
            self.add(s0, e0, 0.6); // 袁世凱は / 李基文に: a Chinese or Korean name of three characters
        }
        let Some((kind, offset, nn, score)) = self.judge_run(run) else {
            return;
        };
        let s = s0 + offset;
        match kind {
            Kind::Name => {
                if !overlaps(covered, s, s + nn) {
                    self.add(s, s + nn, score);
                }
            }
            Kind::Title => {
                if !overlaps(covered, s, s + nn) {
                    windows.push((s, s + nn));
                }
            }
            Kind::Morph => {
                if self.boundary(e0, n) && !overlaps(covered, s, s + nn) {
                    windows.push((s, s + nn));
                }
            }
        }
    }

    /// `_definitions` + their reading: 'X（読み）は、日本の俳優。'
    fn definitions(&mut self) {
        let t = self.t;
        let mut last = usize::MAX;
        let mut count = 0;
        let wa = ['は', '、'];
        let fl = self.fl;
        let next_wa = |mut k: usize| loop {
            k = next_flag(fl, k, F_WA);
            if k >= fl.len() || sw(t, k, &wa) {
                return (k < fl.len()).then_some(k);
            }
            k += 1;
        };
        let mut i = next_wa(0);
        while let Some(p) = i {
            let lo = p.saturating_sub(85);
            let ls = match self.rfind_char('\n', lo, p) {
                Some(nl) => Some(nl + 1),
                None => (lo == 0).then_some(0),
            };
            if let Some(ls) = ls {
                if ls != last {
                    last = ls;
                    if let Some(((a, b), (c, d))) = definition(t, ls) {
                        count += 1;
                        let name = &t[a..b];
                        if !self.tb.place_or_org(name)
                            && !self.tb.org_after.occurs_in(name)
                            && self.defined_as_person(&t[c..d])
                        {
                            self.add(a, b, 0.7);
                        }
                        if count >= 1000 {
                            break;
                        }
                    }
                }
            }
            i = next_wa(p + 2);
        }
    }

    /// `_DEFINED_AS_PERSON.search(s)`: a word for a person's occupation, then である, 。, 、, で or the end.
    fn defined_as_person(&self, s: &[char]) -> bool {
        (0..s.len()).any(|p| {
            self.tb.defined_as_person.starting_at(s, p).any(|w| {
                let q = p + w.len();
                sw(s, p, w) && (q == s.len() || one_of!(s[q], "。、で"))
            })
        })
    }

    /// `_chinese_name`: a three-character run that reads as a Chinese or Korean name before a particle.
    fn chinese_name(&self, s: usize, e: usize, run: &[char]) -> bool {
        let t = self.t;
        if e >= self.n
            || !one_of!(t[e], PARTICLES)
            || (s > 0 && py_isdigit(t[s - 1]))
            || self.tb.cn_not_last.contains(&run[2])
        {
            return false;
        }
        let lex = self.lex;
        let (f, f2) = (lex.get(run), lex.get(&run[1..]));
        !(f & (COMMON | PLACE) != 0 || f2 & COMMON != 0 || lex.listed(&run[..2]))
    }

    /// `_short_run`: a kanji run of 2-3 characters in prose (宮内あすか, 松本は, 雄一は).
    fn short_run(&mut self, s: usize, e: usize, covered: &[(usize, usize)], windows: &mut Vec<(usize, usize)>) {
        let t = self.t;
        if e >= self.n {
            return;
        }
        let nxt = t[e];
        let hira = is_hira(nxt);
        if !hira && !one_of!(nxt, "、。」") {
            return;
        }
        let run = &t[s..e];
        let f = self.lex.get(run);
        if f & !LISTED == 0 {
            return;
        }
        let digit_before = s > 0 && py_isdigit(t[s - 1]);
        if f & SUR != 0 {
            if hira {
                let g = self.hira_given(e);
                if g != 0 && !overlaps(covered, s, g) {
                    self.add(s, g, 0.65); // 宮内あすか: a surname and a given name written in hiragana
                    return;
                }
            }
            // 宮下に / 平塚らは: a surname alone before a particle (or ら and a particle), if the analyser agrees
            let plural = nxt == 'ら' && self.t.get(e + 1).is_some_and(|&c| one_of!(c, "はがのをにともと、"));
            if (one_of!(nxt, PARTICLES) || plural) && self.morph && !digit_before && !overlaps(covered, s, e) {
                windows.push((s, e));
            }
        } else if f & GIV != 0
            && one_of!(nxt, PARTICLES)
            && f & (COMMON | PLACE) == 0
            && !digit_before
            && !numbered(run)
            && !overlaps(covered, s, e)
        {
            self.add(s, e, 0.6); // 雄一は / 千恵子の: a given name alone, listed only as a name
        }
    }

    /// `_hira_given`: end of a hiragana given name starting at `i` before a particle or a non-kana, else 0.
    fn hira_given(&self, i: usize) -> usize {
        let t = self.t;
        let n = self.n;
        if i >= n || !is_hira(t[i]) {
            return 0;
        }
        for nn in [4, 3, 2] {
            let e = i + nn;
            if e > n {
                continue;
            }
            let f = self.lex.get(&t[i..e]);
            if f & GIV == 0 || f & COMMON != 0 {
                continue;
            }
            if nn == 2 && (one_of!(t[i], "とのにをはがもや") || (e < n && is_hira(t[e]))) {
                continue; // 市場とや, 越後しなの: a particle, not a short given name
            }
            if e == n || !is_hira(t[e]) || one_of!(t[e], "はがのとにをもや") {
                return e;
            }
        }
        0
    }

    /// `_given_after_kin`: a given name right after a kinship word (息子の吾郎は, 三女悦子).
    fn given_after_kin(&mut self, i: usize, covered: &[(usize, usize)]) {
        let Some(l) = role_kanji(self.t, i) else {
            return;
        };
        if l > 4 || overlaps(covered, i, i + l) {
            return;
        }
        let f = self.lex.get(&self.t[i..i + l]);
        if f & GIV != 0 && f & (COMMON | PLACE) == 0 {
            self.add(i, i + l, 0.7);
        }
    }

    /// `_after_role`: 編集者の山田太郎 / 監督の ジョン・スミス.
    fn after_role(&mut self, i: usize, covered: &[(usize, usize)]) {
        let t = self.t;
        let lex = self.lex;
        if let Some(l) = role_kanji(t, i) {
            let mut name = &t[i..i + l];
            if let Some(p) = self.tb.prose_title.suffix_start(name) {
                if p >= 1 {
                    name = &name[..p]; // 高橋課長 → 高橋
                }
            }
            let end = i + name.len();
            if ((name.len() >= 3 && lex.split_full(name) != 0)
                || surname_head(lex, name)
                || (lex.surname(name) && !lex.common(name)))
                && !self.tb.place_or_org(name)
                && !overlaps(covered, i, end)
            {
                self.add(i, end, 0.7);
            }
            return;
        }
        if let Some(e) = role_kata(t, i) {
            if !overlaps(covered, i, e) {
                let parts = t[i..e].iter().filter(|&&c| is_kata_sep(c)).count() + 1;
                if parts > 1 && self.tb.org_after.at(t, e, self.n).is_none() {
                    self.add(i, e, 0.7);
                }
            }
        }
    }

    /// `_judge_run`: what a kanji run in prose is, from the lexicon alone.
    pub(crate) fn judge_run(&self, run: &[char]) -> Verdict {
        if run.len() > 14 {
            return None;
        }
        let mut run = run;
        if run.last() == Some(&'宛') && run.len() >= 3 {
            run = &run[..run.len() - 1]; // 中村部長宛: the name and title of an addressee
        }
        let verdict = if run.len() <= 8 { self.judge_name_run(run) } else { None };
        if run.len() < 5 || matches!(verdict, Some((Kind::Name, ..))) {
            return verdict;
        }
        let head = self.name_before_word(run);
        if head != 0 {
            return Some((Kind::Name, 0, head, 0.75));
        }
        if verdict.is_some() {
            return verdict;
        }
        for p in 2..run.len().saturating_sub(2) {
            if one_of!(run[p - 1], ROLE_END) || ROLE_BEFORE.iter().any(|w| run[..p].ends_with(w)) {
                if let Some((Kind::Name, _, nn, sc)) = self.judge_name_run(&run[p..]) {
                    return Some((Kind::Name, p, nn, sc));
                }
            }
        }
        None
    }

    /// `_name_before_word`: length of a full name that starts a run before a word about its bearer.
    fn name_before_word(&self, run: &[char]) -> usize {
        let lex = self.lex;
        for k in [4, 3, 5, 6] {
            if k > run.len() - 1 {
                continue;
            }
            let rest = &run[k..];
            if !(self.tb.after_full_name.at(rest, 0, rest.len()).is_some()
                || (rest.len() <= 6 && self.tb.prose_title.suffix_start(rest).is_some()))
            {
                continue;
            }
            let body = &run[..k];
            let i = lex.split_full(body);
            if i != 0 && !lex.common(&body[..i]) && !lex.common(&body[i..]) {
                return k;
            }
        }
        0
    }

    fn judge_name_run(&self, run: &[char]) -> Verdict {
        let lex = self.lex;
        let tb = self.tb;
        let len = run.len();
        if len > 8 || len == 0 {
            return None;
        }
        if lex.get(run) & FULL != 0 {
            return Some((Kind::Name, 0, len, 0.75)); // a full name the dictionary lists as one word (徳川家光)
        }
        if lex.get(&run[..1]) & SUR == 0
            && lex.get(&run[..2.min(len)]) & SUR == 0
            && lex.get(&run[..3.min(len)]) & SUR == 0
        {
            return None;
        }
        let tpos = tb.prose_title.suffix_start(run);
        let titled = tpos.is_some_and(|p| p >= 2);
        let body = match tpos {
            Some(p) if titled => &run[..p],
            _ => run,
        };
        if let Some(p) = tpos {
            if (1..=3).contains(&p) && tb.personal_title.has(&run[p..]) {
                // 杉山課長 / 清水部長 / 林教授: a surname before a title, even one that is also a word.
                let head = &run[..p];
                let fh = lex.get(head);
                let weak = tb.weak_title.contains(&run[p..]);
                let prefix = head.len() == 1 && tb.title_prefixes.contains(&head[0]);
                if fh & SUR != 0 && !prefix && !(weak && (head.len() < 2 || fh & (COMMON | PLACE) != 0)) {
                    return Some((Kind::Name, 0, head.len(), if fh & COMMON == 0 { 0.8 } else { 0.7 }));
                }
            }
        }
        if let Some(p) = tpos {
            // 松井前市長 / 長谷部元大臣: a surname, 前 / 元 / 現, then a title
            if (3..=4).contains(&p) && one_of!(run[p - 1], "前元現") && tb.personal_title.has(&run[p..]) {
                let head = &run[..p - 1];
                let fh = lex.get(head);
                if fh & SUR != 0 && fh & COMMON == 0 && !tb.title_prefixes.contains(&head[0]) {
                    return Some((Kind::Name, 0, head.len(), 0.75));
                }
            }
        }
        let k = if body.len() <= 6 { lex.split_full(body) } else { 0 };
        if k != 0 {
            let (ca, cb) = (lex.common(&body[..k]), lex.common(&body[k..]));
            if (!ca && !cb) || (titled && !(ca && cb)) {
                return Some((Kind::Name, 0, body.len(), 0.8));
            }
            // 江戸時代: a place that is also a surname before a common word that is also a given name
            let place_era =
                cb && !titled && lex.get(&body[..k]) & PLACE != 0 && PERIODS.iter().any(|w| body[k..] == **w);
            if body.len() >= 4 && tb.titles.suffix_start(body).is_none() && !place_era {
                return Some((Kind::Name, 0, body.len(), if !(ca && cb) { 0.7 } else { 0.6 }));
            }
        }
        if titled && body.len() <= 3 && lex.surname(body) && !lex.common(body) {
            return Some((Kind::Name, 0, body.len(), 0.75));
        }
        // (a place before 町長 / 市長 is the office's town: 南種子町長)
        let office_of_place = tpos.is_some_and(|p| one_of!(run[p], "市町村区県府都道"));
        if titled && (3..=5).contains(&body.len()) && !office_of_place && !tb.place_or_org(body) {
            // 田中将大投手 / 藤井聡太竜王: a listed surname of two or three kanji and a given name of one or
            // two kanji in no list, right before a title
            for i in [3, 2] {
                let rest = body.len().saturating_sub(i);
                if !(1..=2).contains(&rest) {
                    continue;
                }
                let f = lex.get(&body[..i]);
                if f & SUR != 0 && f & (COMMON | PLACE) == 0 && !lex.common(&body[i..]) && !numbered(&body[i..]) {
                    return Some((Kind::Name, 0, body.len(), 0.7));
                }
            }
        }
        if !self.morph || body.len() > 5 || (!titled && tb.place_or_org(run)) {
            return None;
        }
        for i in 1..=3 {
            if i < body.len() && (i > 1 || body.len() > 2) {
                let f = lex.get(&body[..i]);
                if f & SUR != 0 && f & COMMON == 0 {
                    return Some((if titled { Kind::Title } else { Kind::Morph }, 0, body.len(), 0.0));
                }
            }
        }
        None
    }

    /// `_morph_windows`: ask SudachiPy about kanji runs that start with a surname (姓 (+ 名) at the start).
    fn morph_windows(&mut self, runs: &[(usize, usize)]) {
        let t = self.t;
        let n = self.n;
        for &(s, e) in runs {
            let lo = self.rfind_char('\n', s.saturating_sub(8), s).map(|x| x + 1).unwrap_or(0).max(s.saturating_sub(8));
            let hi = self.find_char('\n', e, e + 8).unwrap_or(n.min(e + 8));
            let toks = self.doc.norm_tokens(lo, hi);
            for (k, tok) in toks.iter().enumerate() {
                if tok.start < s {
                    continue;
                }
                if tok.start > s {
                    break;
                }
                if tok.person_part() == "名" {
                    // 美咲に / 信長の: a run the lexicon lists as a surname and a given name, read here as a given name
                    if tok.end == e && (e >= n || !is_kata(t[e])) && self.lex.given(&t[s..e]) {
                        // 熊谷 久美子が: a listed surname written apart before it joins the name
                        let b = s.saturating_sub(1);
                        let sur = (s >= 2 && one_of!(t[b], " \u{3000}"))
                            .then(|| b - t[..b].iter().rev().take(5).take_while(|&&c| is_kanji(c)).count())
                            .filter(|&a| (1..=4).contains(&(b - a)) && self.lex.surname(&t[a..b]));
                        self.add(sur.unwrap_or(s), e, 0.6);
                    }
                    break;
                }
                if tok.person_part() != "姓" {
                    break;
                }
                let mut end = tok.end;
                if k + 1 < toks.len() && toks[k + 1].person_part() == "名" {
                    end = toks[k + 1].end;
                    self.add(s, end, 0.7);
                } else if end == e && (e >= n || !is_kata(t[e])) {
                    self.add(s, end, 0.6);
                }
                break;
            }
        }
    }

    /// `_judge_katakana`: what a katakana run is from the lexicon alone (the `KATA_*` verdicts).
    fn judge_katakana(&self, name: &[char]) -> u8 {
        let lex = self.lex;
        let n_parts = name.iter().filter(|&&c| is_kata_sep(c)).count() + 1;
        if n_parts > 1 {
            let mut parts = name.split(|&c| is_kata_sep(c));
            let clean = parts.clone().any(|p| clean_foreign(lex.get(p)));
            if clean && n_parts <= 4 {
                return KATA_MULTI_CLEAN;
            }
            let first = parts.next().unwrap_or(&[]);
            if self.tb.western_first.contains(first)
                && n_parts <= 4
                && !parts.any(|p| {
                    let f = lex.get(p);
                    f & PLACE != 0 && f & FOREIGN == 0
                })
            {
                return KATA_MULTI_CLEAN;
            }
            return KATA_MULTI;
        }
        let f = lex.get(name);
        if f & FOREIGN == 0 || f & (COMMON | PLACE) != 0 {
            return KATA_NONE;
        }
        if clean_foreign(f) && name.len() >= 3 {
            KATA_SINGLE_CLEAN
        } else {
            KATA_SINGLE_TITLED
        }
    }

    /// Katakana runs in prose: foreign names (ジャック・ワーナー, ケネディ大統領) and kana readings apart.
    fn prose_katakana(&mut self) {
        let t = self.t;
        let n = self.n;
        let tb = self.tb;
        let mut skip = 0usize;
        // SudachiPy is asked about a few ambiguous katakana names per document (it costs ~1 MB/s)
        let mut asked = 0usize;
        let ask_budget = if self.morph { 2 + n / 500 } else { 0 };
        let mut i = 0;
        while i < n {
            i = self.next_flag(i, F_KATA_LETTER);
            if i >= n {
                break;
            }
            let Some(e) = prose_kata(t, i) else {
                i += 1;
                continue;
            };
            let s = i;
            i = e;
            let name = &t[s..e];
            if let Some(r) = regnal(t, e) {
                if !(s > 0 && is_kata(t[s - 1])) && name.len() >= 2 {
                    self.add(s, r, 0.8); // エリザベス1世, ヘンリー8世: a monarch's name and number
                    continue;
                }
            }
            let verdict = self.judge_katakana(name);
            if matches!(verdict, KATA_NONE | KATA_SINGLE_TITLED | KATA_MULTI) && s >= skip && self.human_subject(s, e) {
                self.add(s, e, 0.6); // ベンが処刑され / ハーダーは…受章した: the subject of what only a person does
                continue;
            }
            if verdict == KATA_NONE && (e + 1 >= n || t[e] != ' ') {
                if s >= skip && self.kin_after(s, e) {
                    continue; // ポリュネイケスの子: a name before a kinship word (added there)
                }
                if asked < ask_budget && s >= skip && self.may_ask_foreign(s, e) {
                    asked += 1;
                    if self.person_in_context(s, e) {
                        self.add(s, e, 0.6); // マックスが / ハリーは: a foreign name the analyser reads as a person here
                    }
                }
                continue; // nothing else to read here (most runs)
            }
            if s < skip {
                continue;
            }
            if e + 1 < n && t[e] == ' ' && is_kata(t[e + 1]) {
                // ヤマダ タロウ: the katakana readings of a surname and a given name, written apart.
                if let Some(e2) = prose_kata(t, e + 1) {
                    if self.lex.get(name) & SUR_KANA != 0 && self.lex.get(&t[e + 1..e2]) & GIV_KANA != 0 {
                        if !(s > 0 && is_kata(t[s - 1])) {
                            self.add(s, e2, 0.7);
                        }
                        skip = e2;
                        continue;
                    }
                }
            }
            if verdict == KATA_NONE {
                continue;
            }
            if s > 0 && is_kata(t[s - 1]) {
                continue;
            }
            let after = tb.foreign_title.at(t, e, n).is_some();
            if verdict == KATA_MULTI_CLEAN && tb.not_person_after.at(t, e, n).is_none() {
                self.add(s, e, 0.75);
            } else if after {
                self.add(s, e, if verdict >= KATA_SINGLE_TITLED { 0.75 } else { 0.7 });
            } else if verdict == KATA_SINGLE_CLEAN
                && (e >= n || !t[e].is_ascii_alphanumeric())
                && tb.not_person_after.at(t, e, n).is_none()
                && tb.org_after.at(t, e, n).is_none()
                && !tb.legal_forms.iter().any(|w| t[s.saturating_sub(6)..s].ends_with(w))
            {
                self.add(s, e, 0.6);
            }
        }
    }
}

/// Kinship words after `の` that make the word before them a person (劉裕の異母弟, ポリュネイケスの子).
const KIN: &[&str] = &[
    "異母弟",
    "異母兄",
    "異母妹",
    "異母姉",
    "長男",
    "次男",
    "三男",
    "長女",
    "次女",
    "三女",
    "息子",
    "叔父",
    "叔母",
    "伯父",
    "伯母",
    "子",
    "妻",
    "夫",
    "娘",
    "父",
    "母",
    "兄",
    "弟",
    "姉",
    "妹",
    "孫",
    "甥",
    "姪",
];

impl Ctx<'_, '_> {
    /// `Xの子は`, `Xの妻と`: a katakana run or two to four kanji before の and a kinship word ending a word
    /// (followed by a particle, punctuation or another name in katakana): X is a person. Adds it.
    pub(crate) fn kin_after(&mut self, s: usize, e: usize) -> bool {
        let t = self.t;
        let same_kind = |c: char| if is_kanji(t[s]) { is_kanji(c) } else { is_kata(c) };
        if t.get(e) != Some(&'の') || (s > 0 && same_kind(t[s - 1])) {
            return false;
        }
        let k = e + 1;
        // compared code point by code point: no allocation on this path (Xの is everywhere)
        let at = |w: &str| w.chars().enumerate().all(|(d, c)| t.get(k + d) == Some(&c));
        let Some(w) = KIN.iter().find(|w| at(w)) else {
            return false;
        };
        let after = k + w.chars().count();
        let ends = after >= self.n || one_of!(t[after], "はがとにをもで、。の「（(") || is_kata(t[after]);
        let x = &t[s..e];
        let f = self.lex.get(x);
        if !ends || f & (COMMON | PLACE | OTHER) != 0 || self.tb.place_or_org(x) {
            return false;
        }
        // kanji: a listed surname or full name, or a Chinese name (劉裕) — not 社長の娘, 友人の子
        if is_kanji(t[s])
            && !(self.lex.surname(x)
                || self.lex.split_full(x) != 0
                || (x.len() <= 3 && self.tb.cn_surnames.contains(&x[0])))
        {
            return false;
        }
        self.add(s, e, 0.65);
        true
    }

    /// A katakana word listed as a foreign name but also as a word or place (マックス, ハリー), standing as
    /// the subject or a partner (が, は, と) and not inside a longer katakana run, that the analyser tags
    /// 人名 in its sentence.
    fn may_ask_foreign(&self, s: usize, e: usize) -> bool {
        let t = self.t;
        self.morph
            && e - s >= 3
            && self.lex.get(&t[s..e]) & FOREIGN != 0
            && !(s > 0 && (is_kata(t[s - 1]) || t[s - 1].is_ascii_alphanumeric()))
            && t.get(e).is_some_and(|&c| one_of!(c, "がはと"))
    }

    /// `X は / が …` where X is a katakana name of one to three words (two to twelve letters each) that no
    /// list calls a word, a place or an organisation (a foreign name may be listed), standing alone, and the
    /// rest of its sentence (up to 60 code points) says what only a person does or undergoes (結婚, 即位,
    /// 処刑, 受章, 率い, 知り合う, 師事 …).
    fn human_subject(&self, s: usize, e: usize) -> bool {
        let t = self.t;
        let name = &t[s..e];
        let parts = name.iter().filter(|&&c| is_kata_sep(c)).count() + 1;
        if !(2..=12 * parts).contains(&name.len())
            || parts > 3
            || !t.get(e).is_some_and(|&c| c == 'は' || c == 'が')
            || (s > 0
                && (is_kata(t[s - 1])
                    || is_kata_sep(t[s - 1])
                    || t[s - 1].is_ascii_alphanumeric()
                    || is_kanji(t[s - 1])))
            || t.get(e + 1).is_some_and(|&c| is_hira(c) && one_of!(c, "じず"))
        {
            return false;
        }
        // one word: a foreign name the lexicon may list, no word; several: none of them a place or a word
        let listed_word = |p: &[char]| {
            let f = self.lex.get(p);
            f & LISTED != 0 && (f & FOREIGN == 0 || f & OTHER != 0 || (parts > 1 && f & (COMMON | PLACE) != 0))
        };
        if name.split(|&c| is_kata_sep(c)).any(listed_word) {
            return false;
        }
        if crate::recognizers::organization::known_names::is_known(name) {
            return false;
        }
        let hi = (e + 60).min(self.n);
        let end = t[e..hi].iter().position(|&c| c == '。' || c == '\n').map_or(hi, |k| e + k);
        let clause = &t[e + 1..end];
        // 生まれ only of a topic (Xは…で生まれた): with が it is said of things too (ブームが生まれた)
        let topic = t[e] == 'は';
        HUMAN_PREDICATES
            .iter()
            .filter(|w| topic || w[..] != ['生', 'ま', 'れ'])
            .any(|w| (0..clause.len()).any(|p| sw(clause, p, w)))
    }

    /// The analyser's first token of the sentence piece at `s` is exactly `[s, e)`, tagged 人名.
    fn person_in_context(&self, s: usize, e: usize) -> bool {
        let toks = self.doc.norm_tokens(s, (e + 6).min(self.n));
        toks.first().is_some_and(|tok| tok.start == s && tok.end == e && tok.is_person())
    }
}

/// A regnal number at `e`, `1世`, ` 8世`, `十三世` (not `16世紀`, `X世代`): the end of the 世.
fn regnal(t: &[char], e: usize) -> Option<usize> {
    let p = if t.get(e) == Some(&' ') { e + 1 } else { e };
    let d = run_len(t, p, t.len(), 3, |c| py_isdigit(c) || one_of!(c, "一二三四五六七八九十"));
    if d == 0 || t.get(p + d) != Some(&'世') || t.get(p + d + 1).is_some_and(|&c| one_of!(c, "紀代界")) {
        return None;
    }
    Some(p + d + 1)
}

/// `_NUMBERED.match(run)`: 一次, 三回, 十号 …
fn numbered(run: &[char]) -> bool {
    run.len() >= 2 && one_of!(run[0], "一二三四五六七八九十百千") && one_of!(run[1], "次回期部番号位件月日年人代世")
}

/// `_ROLE_KANJI.match(text, i)`: `[K]{2,5}(?![K])`: the run's length.
fn role_kanji(t: &[char], i: usize) -> Option<usize> {
    let l = run_len(t, i, t.len(), 6, is_kanji);
    (2..=5).contains(&l).then_some(l)
}

#[cfg(test)]
mod tests {
    use super::thing_after;
    use crate::recognizers::person_ja::tests::names;

    #[test]
    fn names_that_start_the_name_of_a_thing_are_dropped() {
        assert_eq!(names("ジョン・スミスは来日した。"), ["ジョン・スミス"]);
        assert_eq!(names("吉田茂は来日した。"), ["吉田茂"]);
        for t in
            ["ジョン・スミス記念館の建設", "ジョン・スミス号が入港した。", "吉田茂通りを歩く。", "宇高航路においては"]
        {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        assert!(thing_after(&c("号が"), 0) && thing_after(&c("駅で"), 0));
        assert!(!thing_after(&c("駅長が"), 0) && !thing_after(&c("号令"), 0) && !thing_after(&c("線路"), 0));
    }
}
