//! Organisations in prose by an organisation-type suffix (財務省, 公明党, 東京大学, 日本放送協会,
//! 陸上自衛隊, …社), with a stricter check on the name before it, and well-known names without any
//! suffix (NHK, トヨタ).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::kana_head::{kana_head, KanaHeadMemo};
use super::keyword_hits::keyword_hits;
use super::known_names::known_names;
use super::legal_form::{legal_start_at, single_kanji_no_head};
use super::name_run::{char_class, class_at, katakana_tail, left_name};
use super::spans::{add_span, Span};
use super::stop_words::{in_words, is_count, is_suffix_stop};
use super::trade_words::{is_trade_suffix, TRADE_SUFFIXES};
use super::trim::{trim_lead, LeadMemo};
use super::{ends_at, starts_at, Memo, ORGANIZATION};
use crate::document::{Document, Lang};
use crate::finding::Finding;
use crate::morphology::Token;
use crate::recognizer::{Keywords, Recognizer};
use crate::table::Tables;

const NAME: &str = "organization_suffix";

/// Organisation-type suffixes in prose, with the shortest name part they need before them.
/// Whether a suffix that is a whole body by itself (need 0), longer in UTF-8 than `than` bytes, ends
/// at `ke` of `n`: `ORG_SUFFIXES.iter().any(|(w, k)| *k == 0 && w.len() > than && ends_at(n, 0, ke, w))`,
/// with the words kept as code points by their last one.
fn whole_suffix_ends_at(n: &[char], ke: usize, than: usize) -> bool {
    static WHOLE: std::sync::OnceLock<Vec<(char, Vec<char>, usize)>> = std::sync::OnceLock::new();
    let whole = WHOLE.get_or_init(|| {
        let mut v: Vec<(char, Vec<char>, usize)> = ORG_SUFFIXES
            .iter()
            .filter(|(w, k)| *k == 0 && !w.is_empty())
            .map(|(w, _)| {
                let c: Vec<char> = w.chars().collect();
                (c[c.len() - 1], c, w.len())
            })
            .collect();
        v.sort_by_key(|x| x.0);
        v
    });
    let Some(head) = n.get(..ke) else { return false };
    let Some(&last) = head.last() else { return false };
    let from = whole.partition_point(|x| x.0 < last);
    whole[from..].iter().take_while(|x| x.0 == last).any(|(_, w, bytes)| *bytes > than && head.ends_with(w))
}

pub const ORG_SUFFIXES: &[(&str, usize)] = &[
    ("省", 2),
    ("庁", 2),
    ("党", 2),
    ("大学", 1),
    ("短期大学", 1),
    ("協会", 1),
    ("連盟", 1),
    ("連合会", 1),
    ("連合", 2),
    ("委員会", 2),
    ("新聞社", 1),
    ("新聞", 2),
    ("放送", 1),
    ("自衛隊", 1),
    ("球団", 1),
    ("工業", 1),
    ("重工業", 1),
    ("製薬", 1),
    ("化成", 1),
    ("鉄道", 2),
    ("電鉄", 1),
    ("航空", 2),
    ("電力", 2),
    ("商事", 1),
    ("物産", 1),
    ("製作所", 1),
    ("ホールディングス", 1),
    ("グループ", 2),
    ("財団", 2),
    ("機構", 2),
    ("研究所", 2),
    ("出版", 2),
    ("出版社", 1),
    ("書店", 2),
    ("書房", 1),
    ("交響楽団", 1),
    ("管弦楽団", 1),
    ("楽団", 2),
    ("劇団", 1),
    ("製紙", 1),
    ("自動車", 2),
    ("百貨店", 2),
    ("政府", 2),
    ("陸軍", 1),
    ("海軍", 1),
    ("空軍", 1),
    ("議会", 2),
    ("組合", 2),
    ("公社", 1),
    ("公団", 1),
    ("事業団", 1),
    ("銀行", 1),
    ("信用金庫", 1),
    ("信用組合", 1),
    ("テレビ", 2),
    ("通信社", 1),
    ("レコード", 2),
    ("レコーズ", 1),
    ("プロダクション", 1),
    ("エンタテインメント", 1),
    ("エンターテインメント", 1),
    ("ホールディングス社", 1),
    ("社", 2),
    ("FC", 2),
    ("SC", 2),
    ("軍", 2),
    ("軍団", 1),
    ("師団", 1),
    ("司令部", 2),
    ("守備隊", 1),
    ("部隊", 2),
    ("生命", 2),
    ("保険", 2),
    ("海上保険", 1),
    ("電機", 1),
    ("電気", 2),
    ("汽車", 2),
    ("空輸", 1),
    ("会議派", 1),
    ("交通", 2),
    ("バス", 2),
    ("商会", 1),
    ("商店", 2),
    ("政権", 2),
    ("警察", 2),
    ("裁判所", 2),
    ("法院", 2),
    ("議院", 2),
    ("上院", 1),
    ("下院", 1),
    ("評議会", 1),
    ("理事会", 1),
    ("大使館", 2),
    ("学会", 2),
    ("研究会", 2),
    ("同盟", 2),
    ("騎士団", 1),
    ("教団", 2),
    ("合唱団", 1),
    ("一座", 1),
    ("興業", 1),
    ("興産", 1),
    ("建設", 2),
    ("工務店", 1),
    ("化学", 2),
    ("薬品", 2),
    ("食品", 2),
    ("製菓", 1),
    ("乳業", 1),
    ("酒造", 1),
    ("石油", 2),
    ("ガス", 2),
    ("証券", 1),
    ("信託", 2),
    ("映画", 2),
    ("フィルム", 2),
    ("ピクチャーズ", 1),
    ("スタジオ", 2),
    ("ゲームス", 1),
    ("テクノロジーズ", 1),
    ("システムズ", 1),
    ("エアライン", 1),
    ("エアラインズ", 1),
    ("航空会社", 1),
    ("ユナイテッド", 2),
    ("シティ", 2),
    ("クラブ", 2),
    ("大學", 1),
    ("日報", 1),
    ("新報", 1),
    ("交通局", 1),
    ("局", 2),
    ("幕府", 1),
    ("総督府", 1),
    ("内閣府", 0),
    ("総理府", 0),
    ("衆議院", 0),
    ("参議院", 0),
    ("貴族院", 0),
    ("庶民院", 0),
    ("国会", 1),
    ("王朝", 1),
    ("朝", 3),
    ("内閣", 2),
    ("代表団", 1),
    ("調査団", 1),
    ("選手団", 1),
    ("応援団", 1),
    ("協議会", 1),
    ("審議会", 1),
    ("機関", 2),
    ("国際機関", 1),
    ("共同体", 1),
    ("戦隊", 1),
    ("駆逐隊", 1),
    // courts, prosecutors and police named by their short forms (東京地裁, 大阪地検, 神奈川県警, 北海道警)
    ("地裁", 1),
    ("高裁", 1),
    ("家裁", 1),
    ("地検", 1),
    ("高検", 1),
    ("県警", 1),
    ("府警", 1),
    ("道警", 1),
    ("医師会", 1),
    // societies named after their subject (東京貝類同好会, 名進信徒会): the head is checked for a proper noun
    ("同好会", 2),
    ("愛好会", 2),
    ("連絡会", 2),
    ("後援会", 2),
    ("保存会", 2),
    ("信徒会", 2),
    ("弁護士会", 1),
    ("艦隊", 1),
    ("連隊", 1),
    ("大隊", 1),
    ("旅団", 1),
    ("飛行隊", 1),
    ("医大", 1),
    ("短大", 1),
    ("工大", 1),
    ("女子大", 1),
    ("医科大学", 1),
    // sports leagues and katakana company words (東京都大学リーグ, ギブソン・ギター・コーポレーション)
    ("リーグ", 2),
    ("コーポレーション", 1),
    ("カンパニー", 2),
    ("インターナショナル", 2),
    ("ソフトウェア", 2),
    ("エンタープライズ", 1),
    ("インダストリーズ", 1),
    ("パートナーズ", 1),
    ("キャピタル", 2),
    ("コミュニケーションズ", 1),
    ("ブラザーズ", 2),
    ("モーターズ", 1),
    ("法律事務所", 1),
    ("会計事務所", 1),
    ("特許事務所", 1),
    ("芸能事務所", 2),
];

/// Suffixes that also end common phrases (音楽グループ, 長編映画): the name before them must look proper.
const WEAK_SUFFIXES: &[&str] = &[
    "同好会",
    "愛好会",
    "連絡会",
    "後援会",
    "保存会",
    "信徒会",
    "グループ",
    "放送",
    "スタジオ",
    "保険",
    "部隊",
    "プロダクション",
    "クラブ",
    "バス",
    "映画",
    "ガス",
    "建設",
    "化学",
    "代表",
    "社",
    "テレビ",
    "交通",
    "航空",
    "鉄道",
    "研究所",
    "機構",
    "財団",
    "組合",
    "委員会",
    "電気",
    "石油",
    "食品",
    "薬品",
    "商店",
    "信託",
    "フィルム",
    "出版",
    "リーグ",
    "カンパニー",
    "インターナショナル",
    "ソフトウェア",
    "キャピタル",
    "ブラザーズ",
    "芸能事務所",
    "警察",
    "学会",
    "研究会",
    "同盟",
    "評議会",
    "理事会",
    "守備隊",
    "生命",
    "局",
    "朝",
    "機関",
    "内閣",
    "協議会",
    // 上下水道事業運営審議会: a remit of common nouns names no council (中央教育審議会's analyser reading does)
    "審議会",
    // 中古自動車, 被保険自動車, 電気自動車: a common noun before it names a vehicle
    "自動車",
];

/// Bodies of people that a house sets up itself (医療安全管理委員会, 労使協議会, 放課後児童クラブ): a long
/// head of common nouns before them names a committee's remit, not a body's proper name, so `proper`'s
/// pass for a head of five code points or more does not hold for them.
const COMMITTEES: &[&str] = &["委員会", "協議会", "審議会", "協会", "クラブ"];

/// A maker's name used as the brand of a thing: before a model code (ホンダ N-BOX, マツダ CX-5: capitals and
/// digits or a hyphen) or as the value of a vehicle label (車名 / 車両 / 車種 …: トヨタ).
fn maker_as_brand(doc: &Document, ks: usize, ke: usize) -> bool {
    let n = &doc.norm.chars;
    let mut k = ke;
    while n.get(k).is_some_and(|&c| c == ' ' || c == '\u{3000}') {
        k += 1;
    }
    if k > ke {
        let m = n[k..].iter().take_while(|&&c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-').count();
        let code = &n[k..k + m];
        if m >= 2
            && code.iter().any(char::is_ascii_uppercase)
            && code.iter().any(|&c| c == '-' || c.is_ascii_digit())
            && !n.get(k + m).is_some_and(|c| c.is_ascii_alphanumeric())
        {
            return true;
        }
    }
    let a = doc.line_start(ks, 20);
    let label: String = n[a..ks].iter().filter(|&&c| !matches!(c, ' ' | '\u{3000}' | ':' | '：')).collect();
    label.chars().count() <= 8
        && ["車名", "車両", "車種", "車"].iter().any(|w| label.ends_with(w) || label.starts_with(w))
}

/// A daily report's title: …日報 opening a line and followed by its date (乗務日報　12月5日), not a newspaper.
fn report_title(n: &[char], s: usize, ke: usize) -> bool {
    if !ends_at(n, s, ke, "日報") || (s > 0 && n[s - 1] != '\n') {
        return false;
    }
    let mut a = ke;
    while n.get(a).is_some_and(|&c| c == ' ' || c == '\u{3000}') {
        a += 1;
    }
    n.get(a).is_some_and(|c| c.is_ascii_digit()) || starts_at(n, a, "令和")
}

/// Kinds of insurance cover: a name ending in one of them and 保険 is a product (ペット保険, 施設賠償責任保険,
/// ボランティア活動保険), not an insurer, which is named by 損害保険 / 生命保険 / 火災保険.
const COVER_KINDS: &[&str] = &[
    "自動車",
    "自転車",
    "責任",
    "活動",
    "ペット",
    "傷害",
    "医療",
    "旅行",
    "地震",
    "学資",
    "介護",
    "年金",
    "がん",
    "所得補償",
    "費用",
    "補償",
];

/// `norm[s:ke]` ends in a kind of cover and 保険, or in 保険証券 (an insurance policy, not a securities firm),
/// or is a kind of cover that 保険 follows (総合自動車|保険).
pub fn insurance_product(n: &[char], s: usize, ke: usize) -> bool {
    if ends_at(n, s, ke, "保険証券") {
        return true;
    }
    if starts_at(n, ke, "保険") && COVER_KINDS.iter().any(|k| ends_at(n, s, ke, k)) {
        return true;
    }
    ends_at(n, s, ke, "保険") && COVER_KINDS.iter().any(|k| ends_at(n, s, ke - 2, k))
}

/// Kanji after a suffix that make it part of a longer common word (大学生, 党首, 省令, 映画祭, 鉄道網,
/// 警察署: a station, a facility).
const CONTINUES: &str = "生員券法界祭賞史費料機便路網線駅両版誌略令籍派旗章則是首議領内外側局所制度化的性型式歴院署";
const CONTINUE_WORDS: &[&str] = &[
    "会社",
    "会長",
    "会議",
    "会員",
    "会館",
    "事業",
    "業界",
    "業務",
    "作品",
    "番組",
    "選手",
    "関係",
    "設立",
    // a facility of the organisation: 海軍造船所, 海軍工廠, 空軍基地
    "造船",
    "工廠",
    "基地",
    // a school or a driving licence class named after the word: 東雲工業高等専門学校, 普通自動車第一種免許
    "高等",
    "高校",
    "学校",
    "大学",
    "短期",
    "中学",
    "小学",
    "学園",
    "専門学",
    "幼稚園",
    "保育園",
    "第一種",
    "第二種",
    "免許",
    "運転",
];

const PROVINCES: &[&str] = &[
    "河北",
    "山西",
    "遼寧",
    "吉林",
    "黒竜江",
    "黒龍江",
    "江蘇",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山東",
    "河南",
    "湖北",
    "湖南",
    "広東",
    "海南",
    "四川",
    "貴州",
    "雲南",
    "陝西",
    "甘粛",
    "青海",
    "台湾",
    "遼北",
    "熱河",
    "察哈爾",
    "綏遠",
    "奉天",
    "京畿",
    "忠清北",
    "忠清南",
    "全羅北",
    "全羅南",
    "慶尚北",
    "慶尚南",
    "江原",
    "平安北",
    "平安南",
    "咸鏡北",
    "咸鏡南",
    "黄海",
];
/// Facilities and offices named like organisations (郵便局, 薬局), and competitions.
const NOT_ORG_ENDINGS: &[&str] = &[
    "業務日報",
    "作業日報",
    "営業日報",
    "郵便局",
    "交換局",
    "放送局",
    "薬局",
    "事務局",
    "支局",
    "出張所",
    "研究室",
    "グループリーグ", // competitions, not leagues as bodies
    "チャンピオンズリーグ",
    // kinds of broadcast and of bus, not broadcasters or bus companies (生放送, 路線バス)
    "生放送",
    "再放送",
    "本放送",
    "専用放送",
    "試験放送",
    "同時放送",
    "中継放送",
    "深夜放送",
    "特別放送",
    "緊急放送",
    "衛星放送",
    "地上波放送",
    "テレビ放送",
    "ラジオ放送",
    "レギュラー放送",
    "路線バス",
    "高速バス",
    "観光バス",
    "夜行バス",
    "深夜バス",
    "送迎バス",
    "循環バス",
    "無料バス",
    "貸切バス",
    "定期バス",
    "電気バス",
    "連節バス",
    "シャトルバス",
    "スクールバス",
    "コミュニティバス",
    "ハイブリッドバス",
];

/// Suffixes that name a legislature: its members (参議院議員, 県議会議員) still name it.
const LEGISLATURES: &[&str] = &["議会", "議院", "参議院", "衆議院", "貴族院", "庶民院", "上院", "下院"];

/// Last characters of a facility before 建設 (国技館建設, 球場建設, 空港建設): building it, not a builder.
const BUILT_THINGS: &str = "館場港橋塔園駅路線所堂舎棟殿城寺宮";

/// What a 社 right after it makes a common word or a count (閉社, 入社, 商社, 1社, 各社).
const SHA_BEFORE: &str = "閉入退出帰本支他自弊貴御各同当前全商寺神結";

fn need_of() -> &'static HashMap<&'static str, usize> {
    static MAP: OnceLock<HashMap<&'static str, usize>> = OnceLock::new();
    MAP.get_or_init(|| ORG_SUFFIXES.iter().chain(TRADE_SUFFIXES).copied().collect())
}

/// Verdicts of the proper-name check, by (head, whole).
type ProperMemo = Memo<(String, String), bool>;

/// Heads that make a name before them part of the name of a thing, a route or an event (京成本線, 京成杯,
/// 東京電力福島第一原発, 三越事件, ヴィルヘルムス運河): the named thing is no organisation (nor person). Knowledge
/// of Japanese compounds, not of a corpus: judged on ja-gsd-ne dev half B, ja-prose and ja-ner-wiki dev.
pub const THING_HEADS: &[&str] = &[
    "杯",
    "賞",
    "本線",
    "線",
    "事件",
    "記念",
    "運河",
    "航路",
    "原発",
    "原子力発電所",
    "発電所",
    "校舎",
    "キャンパス",
    "球場",
    "スタジアム",
    "ホール",
    "駅",
    "通り",
    "号",
];

/// Whether a head of [`THING_HEADS`] starts at `n[k..]` (and is not the first part of a longer word:
/// 線 of 線路, 駅 of 駅長, 号 of 号令 go on).
pub fn thing_after(n: &[char], k: usize) -> bool {
    THING_HEADS.iter().any(|w| {
        let l = w.chars().count();
        starts_at(n, k, w)
            && !n.get(k + l).is_some_and(|&c| matches!(c, '長' | '員' | '路' | '令' | '外' | '内' | '上' | '下'))
    })
}

/// The start of a name after the other side of a match inside its run (松本vs|横浜FC), else `s`.
fn after_versus(n: &[char], s: usize, ks: usize) -> usize {
    match (s..ks.saturating_sub(1)).rev().find(|&i| matches!((n[i], n[i + 1]), ('v', 's') | ('V', 'S'))) {
        Some(v)
            if v > s && !n[v - 1].is_ascii_alphabetic() && n.get(v + 2).is_some_and(|c| !c.is_ascii_alphabetic()) =>
        {
            v + 2
        }
        _ => s,
    }
}

/// Armed services named without their country (陸軍が反対し): a body by themselves when they stand alone.
const ARMED_SERVICES: &[&str] = &["陸軍", "海軍", "空軍"];

/// Whether the name of a station or a line follows at `n[k..]` (after one space at most): up to eight kanji
/// or katakana and then 駅 or 線, not a longer word (駅長, 線路).
pub fn station_after(n: &[char], k: usize) -> bool {
    let k = if n.get(k) == Some(&' ') { k + 1 } else { k };
    let mut j = k;
    while j < n.len() && j - k < 9 && matches!(char_class(n[j]), 1 | 2) {
        if j > k && matches!(n[j], '駅' | '線') {
            return !n.get(j + 1).is_some_and(|&c| matches!(c, '長' | '員' | '路' | '前' | '伝' | '舎' | '形' | '分'));
        }
        j += 1;
    }
    false
}

/// Whether the school starting at `s` and ending at `ke` is a line of a CV or an applicants' table, not an
/// affiliation: it is the first word after the year and month that open its line (`2022年4月　北都大学 理学部
/// 入学`, `2019 4  …`) and the line tells of entering or leaving it (入学, 卒業, 修了, 中退, 在学); or it
/// stands in a table cell (after `|` or a tab) followed by its faculty (商学部, 経営学科, 大学院). A
/// sentence (`1990年に北都大学を卒業`) is neither.
fn schooling(doc: &Document, s: usize, ke: usize) -> bool {
    let n = &doc.norm.chars;
    let (a, b) = (doc.line_start(s, 80), doc.line_end(ke, 80));
    let mut head = &n[a..s];
    // a label (学歴) or an era (平成, 令和) before the date
    let lead = head.iter().take_while(|&&c| matches!(char_class(c), 1 | 2 | 4) || c == ' ').count();
    if lead <= 4 {
        head = &head[lead..];
    }
    let dated = head.iter().any(char::is_ascii_digit)
        && head.last().is_some_and(|&c| c == ' ' || c == '\t')
        && head.iter().all(|&c| c.is_ascii_digit() || " \t年月./-".contains(c));
    let line = &n[a..b];
    if dated
        && ["入学", "卒業", "修了", "中退", "在学"]
            .iter()
            .any(|w| line.windows(2).any(|x| x.iter().copied().eq(w.chars())))
    {
        return true;
    }
    let mut p = s;
    while p > a && n[p - 1] == ' ' {
        p -= 1;
    }
    let in_cell = p > a && matches!(n[p - 1], '|' | '｜' | '\t');
    let mut q = ke;
    while q < b && n[q] == ' ' {
        q += 1;
    }
    let faculty_end = (q..b.min(q + 12)).find(|&k| !matches!(char_class(n[k]), 1 | 2)).unwrap_or(b.min(q + 12));
    let faculty = q > ke
        && (starts_at(n, q, "大学院") || ["学部", "学科", "研究科"].iter().any(|w| ends_at(n, q, faculty_end, w)));
    (faculty && (in_cell || grade_at(n, faculty_end, b))) || education_cell(doc, s, ke)
}

/// Header cells of a table column of schools a person went to (最終学歴, 出身校): a CV's facts, not affiliations.
const EDUCATION_HEADERS: &[&str] = &["学歴", "最終学歴", "出身校", "出身学校", "出身大学", "卒業校", "最終学校"];

/// Whether `n[s..ke]` stands in a cell of a table column headed by an education word.
fn education_cell(doc: &Document, s: usize, ke: usize) -> bool {
    let n = &doc.norm.chars;
    let header = |cell: &[char]| EDUCATION_HEADERS.iter().any(|w| w.chars().eq(cell.iter().copied()));
    Tables::of(doc).column_cells(n, header).any(|(_, (cs, ce))| cs <= s && ke <= ce)
}

/// A student's year right after the faculty (` 2年`, `（3年）`, ` 1年生`): a school record, not an affiliation.
fn grade_at(n: &[char], mut k: usize, b: usize) -> bool {
    while k < b && matches!(n[k], ' ' | '(' | '（') {
        k += 1;
    }
    k < b && (n[k].is_ascii_digit() || "一二三四五六".contains(n[k])) && n.get(k + 1) == Some(&'年')
}

/// A university's short form (東大, 早大) read only with no kanji after it: 東大寺, 明大前, 北大西洋 are other words.
fn short_university(name: &[char]) -> bool {
    name.len() <= 3 && name.last() == Some(&'大') && name.iter().all(|&c| char_class(c) == 1)
}

pub struct SuffixRecognizer {
    lead: LeadMemo,
    proper: ProperMemo,
    kana: KanaHeadMemo,
}

impl SuffixRecognizer {
    pub fn new() -> Self {
        SuffixRecognizer { lead: Memo::new(), proper: Memo::new(), kana: Memo::new() }
    }

    /// A listed name not inside a longer word, nor a katakana reading of a person (スズキ マナブ), nor the
    /// first part of the name of a thing or an event (京成本線, 京成杯, 三越事件: see [`thing_after`]).
    fn standalone(n: &[char], ks: usize, ke: usize) -> bool {
        let before = if ks > 0 { char_class(n[ks - 1]) } else { 0 };
        let after = class_at(n, ke);
        if matches!(before, 2 | 3) || matches!(after, 2 | 3) || (before == 1 && char_class(n[ks]) == 1) {
            return false;
        }
        if after == 1 && (short_university(&n[ks..ke]) || thing_after(n, ke)) {
            return false;
        }
        if station_after(n, ke) {
            return false; // 阪急 西宮北口駅, 京王相模原線: a railway's line or station, not the company
        }
        if n.get(ke).is_some_and(|c| "-_/@.".contains(*c)) && char_class(n[ke - 1]) == 3 {
            return false; // GM-6416: a product code
        }
        if char_class(n[ke - 1]) == 2 {
            if n.get(ke) == Some(&' ') && class_at(n, ke + 1) == 2 {
                return false;
            }
            if ks >= 1 && n[ks - 1] == ' ' && ks >= 2 && char_class(n[ks - 2]) == 2 {
                return false;
            }
        }
        true
    }

    /// True when `norm[s:ks]` (the name before the suffix) looks like a proper name, not common nouns.
    ///
    /// Katakana or Latin letters count as a name; an all-kanji head is asked of Sudachi: a whole
    /// (`norm[s:ke]`) that is one dictionary word (財務省, 公明党) or a head holding a proper noun
    /// (東京大学) passes, a head of common nouns only (音楽グループ, 長編映画) does not.
    fn proper(&self, doc: &Document, s: usize, ks: usize, ke: usize) -> bool {
        let n = &doc.norm.chars;
        if n[s..ks].iter().any(|&c| matches!(char_class(c), 2 | 3)) {
            return true;
        }
        if ks - s >= 5 && !COMMITTEES.iter().any(|w| ends_at(n, s, ke, w)) {
            return true;
        }
        if !doc.has_morphology() {
            return true; // Python: the analyser raised
        }
        let key = (doc.norm.slice(s, ks).to_string(), doc.norm.slice(s, ke).to_string());
        self.proper.get(key, || {
            let whole = doc.norm_tokens(s, ke);
            if whole.is_empty() {
                return true; // the analyser failed
            }
            if whole.len() == 1 {
                return whole[0].pos.get(1).is_none_or(|p| p != "普通名詞"); // 東京電力, not 出版社 / 新聞社 / 労働組合
            }
            if s == ks {
                return false;
            }
            let toks = doc.norm_tokens(s, ks);
            if toks.is_empty() {
                return true;
            }
            // a committee's long head also passes when it names the body the committee belongs to
            // (衆議院|鉱工業委員会, 米海軍|査問委員会)
            let body = |t: &Token| {
                ks - s >= 5 && t.surface.chars().count() >= 2 && ORG_SUFFIXES.iter().any(|(w, _)| *w == t.surface)
            };
            toks.iter().any(|t| (t.pos.len() > 1 && t.pos[1] == "固有名詞") || body(t))
        })
    }

    /// Whether the name before a trade word looks proper: katakana, Latin letters or a kana word taken in by
    /// [`kana_head`], or kanji holding a proper noun for the analyser (給排水衛生|設備 does not), and the trade
    /// word does not go on in katakana (物流|センター: a facility).
    fn trade_head(&self, doc: &Document, s: usize, ks: usize, ke: usize) -> bool {
        let n = &doc.norm.chars;
        if class_at(n, ke) == 2 && char_class(n[ke - 1]) != 2 {
            return false;
        }
        if n[s..ks].iter().any(|&c| matches!(char_class(c), 2 | 4) || c.is_ascii_alphabetic()) {
            return true;
        }
        // addressed like a party (丸五運送さん, 東雲精工様, 港南設備 御中): a common noun is never addressed
        let mut a = ke;
        while n.get(a) == Some(&' ') {
            a += 1;
        }
        if ["さん", "さま", "様", "御中"].iter().any(|w| starts_at(n, a, w)) {
            return true;
        }
        if !doc.has_morphology() {
            return false;
        }
        self.proper.get((doc.norm.slice(s, ks).to_string(), String::new()), || {
            doc.norm_tokens(s, ks).iter().any(|t| t.pos.len() > 1 && t.pos[1] == "固有名詞")
        })
    }

    fn suffix(&self, doc: &Document, ks: usize, ke: usize) -> Option<Span> {
        let n = &doc.norm.chars;
        if legal_start_at(n, ke) || (ks >= 1 && starts_at(n, ks - 1, "会社")) {
            return None; // 山田商事株式会社, 株式会社: the legal-form recognizer reads these
        }
        let suffix = doc.norm.slice(ks, ke);
        let slen = ke - ks;
        // 運営審|議会: the end of a council's word (審議会, 評議会), judged as that word, is no legislature
        if suffix == "議会" && ks > 0 && "審評".contains(n[ks - 1]) {
            return None;
        }
        let need = match need_of().get(suffix) {
            Some(&k) => k,
            None => need_of().get(suffix.to_uppercase().as_str()).copied().unwrap_or(2),
        };
        let run = left_name(n, ks, 20);
        // みちのく|生命, 北浜みらい|銀行: a kana word (and a place) before the run, when the run is short; not
        // before a school (a school in a CV line is no affiliation)
        let s = if ks > run + 4 || ["大学", "学園", "学校"].iter().any(|w| suffix.ends_with(w)) {
            run
        } else {
            // 那の|津エステート: one kanji and の opening a trade name (not in prose: 他の|航空会社, 後の|東急電鉄)
            let run = if is_trade_suffix(suffix) { single_kanji_no_head(n, run) } else { run };
            kana_head(doc, &self.kana, run, ks)
        };
        if ks >= 20 && s == ks - 20 && s > 0 && matches!(char_class(n[s - 1]), 1..=3) {
            return None; // the run goes on past the bound: not a name we can delimit
        }
        let head = &n[s..ks];
        if head.windows(2).any(|w| w == ['会', '社'] || w == ['法', '人']) {
            return None; // 株式会社山田商事: the legal-form recognizer reads it
        }
        if whole_suffix_ends_at(n, ke, suffix.len()) {
            return None; // 議院 of 参議院: the whole word is read by itself
        }
        // 参議院, 内閣府: a unique body, whole by itself; the word before it (a member's name) is no part of it
        let s = if need == 0 { ks } else { trim_lead(doc, &self.lead, s, ks) };
        // 第3スタジオ is a numbered room; 第34任務部隊, 第2次若槻内閣 a numbered unit or cabinet: organisations
        let ordinal = n[s] == '第'
            && (suffix == "局"
                || (WEAK_SUFFIXES.contains(&suffix)
                    && !["部隊", "内閣", "艦隊", "師団", "軍"].contains(&suffix)
                    && n.get(s + 1).is_some_and(|c| c.is_ascii_digit())));
        // 米議会, 英政府, 露軍: a country's one-kanji abbreviation is name enough before a national body
        let country = ks == s + 1
            && "米英仏独露韓".contains(n[s])
            && ["議会", "政府", "軍", "上院", "下院"].contains(&suffix)
            && (s == 0 || char_class(n[s - 1]) != 1);
        // 陸軍が反対し, この海軍の: a country's armed service standing alone is the body itself
        let service = s == ks
            && ARMED_SERVICES.contains(&suffix)
            && (ks == 0 || !matches!(char_class(n[ks - 1]), 1..=3))
            && !matches!(class_at(n, ke), 1..=3);
        if (ks < s + need && !country && !service) || is_count(&n[s..ks]) || ordinal {
            return None; // 6社, 第1局, 第3スタジオ: a count or an ordinal, not a name
        }
        if suffix == "社" && (n[ks - 1].is_ascii_digit() || SHA_BEFORE.contains(n[ks - 1]) || n.get(ke) == Some(&'会'))
        {
            return None; // 興産1社, 閉社, 社会: a count or a common word
        }
        if suffix.ends_with('警') && n.get(ke) == Some(&'察') {
            return None; // 都道府県警察: the word is 警察
        }
        if suffix == "建設"
            && (BUILT_THINGS.contains(n[ks - 1]) || ends_at(n, s, ks, "ダム") || ends_at(n, s, ks, "ビル"))
        {
            return None; // 国技館建設: building a facility
        }
        if ke < n.len() {
            let (last, nxt) = (char_class(n[ke - 1]), char_class(n[ke]));
            if (last == 2 && nxt == 2) || (last == 3 && nxt == 3) {
                return None; // バス|ケットボール: the suffix is inside a longer word
            }
        }
        if ks >= 1 && n[ks - 1] == '会' && suffix == "社" {
            return None; // 貿易会社, 子会社: a common noun
        }
        if suffix == "省" && in_words(PROVINCES, &n[s..ks]) {
            return None; // 河北省: a Chinese province is a place
        }
        if NOT_ORG_ENDINGS.iter().any(|w| ends_at(n, s, ke, w)) || insurance_product(n, s, ke) || report_title(n, s, ke)
        {
            return None;
        }
        if suffix == "朝" && !n[s..ks].iter().all(|&c| char_class(c) == 2) {
            return None; // プトレマイオス朝 (a dynasty), not 今朝 / 早朝
        }
        if WEAK_SUFFIXES.contains(&suffix) && !self.proper(doc, s, ks, ke) {
            return None;
        }
        if is_trade_suffix(suffix) && !self.trade_head(doc, s, ks, ke) {
            return None;
        }
        let w0 = s.max(ks.saturating_sub(1));
        if is_suffix_stop(&n[w0..ke]) || is_suffix_stop(&n[s..ke]) {
            return None;
        }
        // 省略, 党員, 大学生, 社長: the suffix starts a longer word
        // 衆議院議員 names the house; 衆議院議員総選挙 is an election, and オバマ上院議員 a senator
        let election = ["議員総選挙", "議員選挙", "議員通常選挙", "議員補欠選挙"].iter().any(|w| starts_at(n, ke, w));
        let members =
            LEGISLATURES.contains(&suffix) && starts_at(n, ke, "議員") && !election && !n[s..ks].contains(&'・');
        // 宮内庁長官, 厚生省所管, 警備局長: a head of the office or what it oversees names the office
        let office = ["庁", "省", "局"].contains(&suffix)
            && (["長官", "所管", "所属"].iter().any(|w| starts_at(n, ke, w))
                || (suffix == "局" && n.get(ke) == Some(&'長') && class_at(n, ke + 1) != 1));
        if ke < n.len()
            && char_class(n[ke]) == 1
            && !members
            && !office
            && (CONTINUES.contains(n[ke])
                || CONTINUE_WORDS.iter().any(|w| starts_at(n, ke, w))
                || (slen == 1 && n[ke] == '長'))
        {
            return None; // 大学生, 党首, 映画祭, 省略: the suffix starts a longer common word
        }
        if suffix.ends_with("大学") && schooling(doc, s, ke) {
            return None; // 2022年4月 北都大学 理学部 入学: a school in a CV line
        }
        let score = if slen == 1 { 0.55 } else { 0.6 };
        Some((after_versus(n, s, ks), ke, score))
    }
}

impl Default for SuffixRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer for SuffixRecognizer {
    fn name(&self) -> &'static str {
        NAME
    }

    fn entities(&self) -> &[&'static str] {
        &[ORGANIZATION]
    }

    fn supports(&self, lang: Lang) -> bool {
        lang == Lang::Ja
    }

    fn keywords(&self) -> Keywords {
        // short Latin names (NHK, ABC) are left to the acronym recognizer: as substrings they would hit everywhere
        let names = known_names().iter().filter(|n| !(n.is_ascii() && n.chars().count() <= 4)).cloned().collect();
        let suffixes = ORG_SUFFIXES.iter().chain(TRADE_SUFFIXES).map(|(w, _)| w.to_string()).collect();
        vec![("org_suffix", suffixes), ("org_name", names)]
    }

    fn find(&self, doc: &Document, out: &mut Vec<Finding>) {
        let n = &doc.norm.chars;
        let mut spans: Vec<Span> = Vec::new();
        for (ks, ke, group) in keyword_hits(doc, &["org_suffix", "org_name"]) {
            let span = if group == "org_name" {
                if !Self::standalone(n, ks, ke) || maker_as_brand(doc, ks, ke) {
                    continue;
                }
                Some((ks, katakana_tail(n, ke), 0.6))
            } else {
                self.suffix(doc, ks, ke)
            };
            if let Some((s, e, score)) = span {
                add_span(&mut spans, s, e, score);
            }
        }
        for (s, e, score) in spans {
            out.push(Finding::new(ORGANIZATION, s, e, score, NAME));
        }
    }
}
