//! The word lists of the PERSON rules (honorifics, labels, titles, kinship and role words …), built once
//! when the engine is built.

use super::chars::{cv, is_hira, is_kanji, is_kata, is_kata_letter, FxSet, Words};

pub const HONORIFIC: &str = "様|さま|さん|殿|氏|先生|くん|ちゃん";
pub const TITLES: &str =
    "代表取締役社長|代表取締役|取締役社長|取締役|代表社員|代表理事|理事長|社長|副社長|会長|専務|常務|執行役員|\
本部長|部長|次長|課長|係長|主任|主査|室長|所長|支店長|店長|工場長|院長|園長|校長|教頭|教授|准教授|講師|\
マネージャー|リーダー|チーフ|担当|弁護士|税理士|医師|看護師|監督|選手";
pub const LABELS: &str =
    "お客様氏名|お客様名|ご契約者名|契約者名|契約者|申込者氏名|申込者名|申込者|渡航者氏名|旅行者氏名|\
氏名|氏 名|お名前|名前|ご氏名|姓名|フリガナ|ふりがな|カナ氏名|氏名カナ|カナ|\
口座名義人|口座名義|名義人|名義|カード名義人|カード名義|\
担当者名|担当者|担当|ご担当|対応者|対応|記録者|記録|作成者|作成|承認者|申請者|依頼者|責任者|\
代表者名|代表者|代表|宛名|受取人|ご依頼主|依頼主|差出人|送り主|送付先|お届け先|\
緊急連絡先|扶養親族|配偶者|保護者|被保険者|本人|出席者|参加者|同席者|面談者|患者名|利用者名|会員名|顧客名|\
出席|参加|同席|同行|欠席|宛先|送信者|発信者|受信者|送付者|差出人名|送り主名|上長|上司|後任|前任|引継ぎ先|\
ご予約者|予約者|ご予約名|予約名|宿泊者|搭乗者|乗客名|ご本人|記入者|面接官|面接者|候補者|応募者|紹介者|推薦者|\
保証人|連帯保証人|代理人|世帯主|受講者|発表者|司会|講師|主治医|担任|同居人|契約者氏名|名義人氏名|\
受付|受付者|受|確認者|承認|文責|入力者|エスカレーション先|窓口|顧問|課長代理|部長代理|\
記入|立会|立会人|集計|点検|受渡|確認|取りまとめ|添乗";
pub const EN_LABELS_STRONG: &[&str] = &[
    "name",
    "full name",
    "booking name",
    "guest name",
    "passenger name",
    "customer name",
    "contact name",
    "account name",
    "account holder",
    "card holder",
    "cardholder",
    "name on card",
    "traveler",
    "traveller",
    "passenger",
    "guest",
    "applicant",
    "patient",
    "employee",
    "reserved by",
    "booked by",
    "prepared by",
    "approved by",
    "requested by",
    "submitted by",
    "contact person",
    "person in charge",
    "representative",
];
pub const EN_HONORIFICS: &[&str] = &["mr.", "ms.", "mrs.", "miss ", "dr.", "prof.", "mr ", "ms ", "mrs ", "dr "];
pub const EN_LABELS_WEAK: &[&str] =
    &["contact", "attn", "attention", "from", "to", "cc", "bcc", "sender", "recipient", "author", "by"];
pub const EN_NAME_PREFIX: &[&str] = &[
    "full",
    "booking",
    "guest",
    "passenger",
    "customer",
    "contact",
    "account",
    "your",
    "first",
    "last",
    "family",
    "given",
    "patient",
    "member",
    "applicant",
    "employee",
    "traveler",
    "traveller",
    "holder",
    "user's",
    "person",
];
pub const EN_NOT_NAME: &str = r"(?i)\b(?:inc|ltd|co|corp|corporation|llc|company|department|dept|team|group|division|office|bank|university|center|centre|the|of|and|for|sales|support|service|services|admin|info|customer|manager|product|project|file|item|model|plan|report|meeting|document|version|type|code|number|account|payable)\b";
pub const ROMAJI_JA: &str =
    r"(?i)^(?:(?:[kgsztdnhbpmrfjwyvc]|sh|ch|ts|[kgnhbpmrsz]y|kk|ss|tt|pp|cch|tch|ssh)?[aiueo][hu]?|n'?)+$";
const STRONG_LABELS: &str = "お客様氏名 お客様名 ご契約者名 契約者名 申込者氏名 申込者名 渡航者氏名 旅行者氏名 氏名 氏\u{0}名 お名前 名前 \
ご氏名 姓名 フリガナ ふりがな カナ氏名 氏名カナ カナ 口座名義人 口座名義 名義人 名義 カード名義人 カード名義 担当者名 代表者名 宛名 受取人 \
患者名 代表者 記録 記録者 担当者 対応者 出席者 参加者 緊急連絡先 扶養親族 利用者名 会員名 顧客名";
const KANA_LABELS: &str = "フリガナ ふりがな カナ氏名 氏名カナ カナ 口座名義人 口座名義 名義人 名義";
const KIN_WORDS: &str = "長男 次男 三男 四男 五男 長女 次女 三女 四女 五女 嫡男 嫡子 養子 実子 末子 愛娘";
const CN_SURNAMES: &str = "李王張劉陳楊黄趙周呉徐孫胡朱郭羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭董袁潘蔣蒋蔡杜葉程蘇魏呂丁沈姚盧姜崔鍾譚汪范廖賈韋鄒孟熊秦\
邱尹薛閻段雷侯龍陶黎賀顧毛郝龔邵銭錢覃戴莫孔湯朴申権洪";
const CN_NOT_LAST: &str = "的性化像紙期省圏舗人商門程軍祭河律朝式初国県市町村区党庁局部課院館社会所界線号業品器機物";
const ORG_AFTER: &str =
    "通信|情報|水産|電気|電機|農林|不動産|物産|商事|工業|産業|建設|運輸|物流|鉱業|印刷|食品|製作所|商会|興業|\
株式会社|有限会社|合同会社|(株)|(有)|㈱|㈲|振興会|協会|機構|財団|銀行|証券|保険|生命|電鉄|鉄道|航空|放送";
pub const LEGAL_FORMS: &[&str] =
    &["株式会社", "有限会社", "合同会社", "法人", "(株)", "(有)", "㈱", "㈲", "財団", "社団"];
const DEFINED_AS_PERSON: &str =
    "俳優|女優|歌手|政治家|選手|作家|漫画家|声優|タレント|アナウンサー|実業家|学者|画家|音楽家|作曲家|作詞家|\
脚本家|監督|武将|軍人|官僚|棋士|力士|騎手|写真家|建築家|弁護士|医師|モデル|アイドル|ミュージシャン|\
ギタリスト|ピアニスト|指揮者|演出家|評論家|小説家|詩人|歌人|俳人|大名|公家|皇族|国王|皇帝|編曲家|\
プロデューサー|デザイナー|コメディアン|芸人|騎士|僧侶|宗教家|教育者|思想家|哲学者|経営者";
const AFTER_FULL_NAME: &str =
    "主演|出演|原作|脚本|監督|演出|作曲|作詞|編曲|作画|作|著|訳|編|画|撮影|主宰|率|方|氏|一家|夫妻|研究員|相談役|主事|\
初代|二代目|三代目|元|前|現|らの|ら";
pub const ROLE_WORDS: &str =
    "者|家|手|員|長|官|師|士|優|督|妻|夫|母|父|兄|姉|弟|妹|娘|息子|長男|次男|長女|次女|三女|四女";
const PROSE_TITLE: &str =
    "選手|監督|首相|総理|大統領|議員|知事|市長|社長|会長|総書記|主席|親王|内親王|少将|中将|大将|大佐|中佐|少佐|\
大尉|中尉|少尉|容疑者|被告|教授|博士|外相|蔵相|参議|代表|投手|捕手|内野手|外野手|騎手|棋士|八段|九段|名人|\
氏|夫人|令嬢|師匠|弁護士|医師|警部|巡査|部長|課長|係長|主任|専務|常務|取締役|理事長|院長|校長|知事|市長|町長|\
村長|少年|少女|総裁|総長|長官|次官|大使|領事|委員長|議長|書記長|主将|関取|横綱|大関|親方|次長|室長|所長|支店長|\
店長|工場長|本部長|准教授|講師|先生|税理士|記者|船長|艦長|館長|撮影所長|党首|幹事長|局長|署長|隊長|団長|組長|\
秘書官|秘書|候補|参謀|将軍|総統|董事長|住職|牧師|神父|本人|自身|一家|一族|夫妻|兄弟|姉妹|親子|\
裁判長|裁判官|検事|検事総長|官房長官|大臣|竜王|王将|棋聖|棋王|王位|叡王|七段|六段|五段|四段|三段|二段|初段|会長兼社長|社長兼会長";
const WEAK_TITLE: &str = "本人 自身 一家 一族 夫妻 兄弟 姉妹 親子 候補";
const PERSONAL_TITLE: &str = "社長|副社長|会長|専務|常務|部長|次長|課長|係長|主任|室長|所長|支店長|店長|工場長|本部長|院長|校長|教頭|教授|准教授|\
講師|先生|弁護士|税理士|医師|博士|氏|夫人|監督|選手|投手|捕手|議員|知事|市長|町長|村長|首相|大臣|容疑者|被告|代表|\
理事長|総裁|長官|大使|委員長|議長|外相|蔵相|少将|中将|大将|大佐|中佐|少佐|親方|関取|横綱|大関|記者|主将|\
船長|艦長|館長|撮影所長|党首|幹事長|局長|署長|隊長|団長|組長|秘書官|秘書|参謀|将軍|総統|董事長|住職|牧師|神父|\
警部|巡査|総理|大統領|主席|総書記|次官|領事|書記長|名人|師匠|八段|九段|\
本人|自身|一家|一族|夫妻|兄弟|姉妹|親子|候補|\
裁判長|裁判官|検事|検事総長|官房長官|大臣|竜王|王将|棋聖|棋王|王位|叡王|七段|六段|五段|四段|三段|二段|初段|会長兼社長|社長兼会長";
const TITLE_PREFIXES: &str =
    "同各全副前元新旧現総本当故初歴代次若老正準名首主大小上下中高低両同他某貴弊御米英仏独露伊豪加韓朝日印蘭";
const PLACE_OR_ORG_LAST: &str = "県府都市区町村郡駅港島橋線店社局署庁省院館園寺宮城山川湖湾谷部課室係家邸派流族";
const PLACE_OR_ORG_WORDS: &str = "銀行|会社|商事|工業|産業|建設|物産|電機|電気|\
情報|通信|不動産|運輸|物流|水産|鉱業|農林|印刷|食品|製作|商会|興業|出張所|事務所|学校|大学|病院";
const WESTERN_FIRST: &str =
    "ジョン ジャック ジェームズ ジェイムズ ジョージ ウィリアム ロバート マイケル デビッド デヴィッド \
デイヴィッド デイビッド リチャード トーマス トマス チャールズ ポール ピーター マーク ダニエル ジョセフ \
エドワード ヘンリー フランク アンドリュー スティーブン スティーヴン スティーブ スティーヴ ブライアン \
ケビン ケヴィン クリス クリストファー ベンジャミン サミュエル アレックス アレクサンダー アレクサンドル \
フィリップ ルイス ハリー ジェイ ディーン ブラッド トム ボブ ビル ジム ジョー マイク ウォルター \
アーサー アルバート カール フレッド フレデリック ハンス ピエール ジャン ミシェル アントニオ カルロス \
ホセ フアン マリア メアリー エリザベス アンナ サラ ジェーン ローラ エミリー ケイト キャサリン \
マーガレット ヘレン ナンシー スーザン リンダ バーバラ ジェニファー ジュリア メリッサ ニコラス ニコラ \
ジェフ ラリー ゲイリー ゲーリー ダン エリック ジェイソン ジェフリー ライアン アダム ネイサン \
ジョナサン ティム ティモシー ロナルド ドナルド ケネス ジョシュア ショーン アンソニー アンドレ \
アンドレア ルイ フランソワ ミハイル セルゲイ アレクセイ イワン ウラジーミル ドミトリー ニコライ \
ヴィクトル ヨハン フリードリヒ ヴィルヘルム ハインリッヒ オットー ペーター ジョヴァンニ ジュゼッペ \
マルコ パオロ ルカ フランチェスコ ミゲル ペドロ ディエゴ マヌエル ラファエル アルベルト ロベルト \
リカルド フェルナンド エミール レオ レオン マックス マクシミリアン オスカー ヴィクター ビクター \
ハロルド ハワード ラルフ ロイ レイ ジミー ジョニー ビリー ボビー トミー ダニー サム ベン ニック \
マット マシュー ルーク アンディ エド テッド ロン ドン ケン グレッグ スコット トッド ブルース \
クレイグ キース ウェイン テリー ジェリー ランディ ロジャー ピート ジャスティン ブランドン クリスチャン \
オリバー オリヴァー ジェシカ アシュリー アマンダ サマンサ レベッカ エマ オリビア ソフィア イザベル \
シャーロット ルーシー グレース ダイアナ ナタリー ステファニー クリスティーナ モニカ ヴェロニカ \
パトリシア パトリック デニス";
const FOREIGN_TITLE: &str =
    "大統領|副大統領|首相|大臣|国王|女王|皇帝|王子|王女|将軍|提督|大佐|中佐|少佐|中尉|監督|選手|投手|捕手|博士|教授|\
氏|卿|伯爵|公爵|司令官|議員|知事|市長|会長|社長|CEO";
const NOT_PERSON_AFTER: &str =
    "社|州|市|県|郡|町|村|区|島|川|山|湖|港|駅|語|人|系|朝|派|族|教|主義|政権|大学|学院|賞|杯|線|号|級|型|式|軍|国|\
党|会|団|局|省|庁|湾|地方|空港|通り|城|宮|寺|教会|病院|銀行|工業|製|産|版|誌|紙|FC|フットボール";
const ORG_WORDS: &str = "株式会社|有限会社|合同会社|合資会社|合名会社|法人|(株)|(有)|㈱|㈲|銀行|信用金庫|組合|協会|\
商事|商会|産業|工業|建設|物産|電機|電気|製作所|食品|不動産|運輸|物流|水産|化学|薬品|興業|工務店";
const COMPANY_ORGS: &str =
    "株式会社|有限会社|合同会社|(株)|(有)|㈱|㈲|協会|振興会|組合|事務所|機構|法人|財団|大学|病院|銀行|信用金庫";
const COMPANY_UNITS: &str = "部|課|室|係|班|センター|グループ|チーム";
const COMPANY_SELF: &str = "弊社|当社|私ども|弊行|当行";
const NOT_NAMES: &str =
    "客 お客 皆 皆さ みな 各位 貴社 御社 弊社 当社 先方 奥 奥さ 旦那 神 仏 王 同 両 彼 彼女 貴殿 貴方 あなた \
患者 利用者 会員 顧客 担当者 担当 家族 ご家族 親御 子供 お子 生徒 学生 社員 職員 店員 相手 みんな 皆様方 \
様方 お父 お母 お兄 お姉 お爺 お婆 おじい おばあ 父 母 兄 姉 弟 妹 息子 娘 主人 ご主人 奥様 お嬢 坊 赤 \
課長 部長 社長 会長 先生 医師 殿下 閣下 陛下 上 下 中 外 内 人 方 者 名 氏 氏名 御中 本人 ご本人 全員 \
未定 不明 同上 なし 無し 不要 各位 一同 全社員 \
店長 スタッフ 父母 御父母 ご父母 運転手 看護師 医者 お医者 駅員 職人 大家 女将 大将 支配人 オーナー マスター \
店主 庭師 板前 乗務員 配達員 警備員 大工 管理人";
const CUE_PERSON_BEFORE: &str = "弊社|当社|担当|担当者|私|わたくし|同僚|上司|部下|後任|前任|秘書|後輩|先輩";
const DEPT_UNITS: &str = "部|課|室|グループ|チーム|センター|支店|営業所";
const DEPT_AFTER: &str = "が|は|より|から|にて|まで|へ|と申|です";
const LINE_TAIL: &str = "より|から|方|宛|宛て|拝|記";

fn chars_set(s: &str) -> FxSet<char> {
    s.chars().collect()
}

fn words_set(s: &str, sep: char) -> FxSet<Vec<char>> {
    s.split(sep).filter(|w| !w.is_empty()).map(cv).collect()
}

pub struct Tables {
    pub honorific: Words,
    pub titles: Words,
    pub strong_labels: FxSet<Vec<char>>,
    pub kana_labels: FxSet<Vec<char>>,
    pub en_strong: FxSet<String>,
    pub en_name_prefix: FxSet<String>,
    pub en_not_name: regex::Regex,
    pub romaji_ja: regex::Regex,
    pub kin_words: FxSet<Vec<char>>,
    pub cn_surnames: FxSet<char>,
    pub cn_not_last: FxSet<char>,
    pub org_after: Words,
    pub legal_forms: Vec<Vec<char>>,
    pub defined_as_person: Words,
    pub after_full_name: Words,
    pub role_words: Words,
    pub prose_title: Words,
    pub weak_title: FxSet<Vec<char>>,
    pub personal_title: Words,
    pub title_prefixes: FxSet<char>,
    pub place_or_org_last: FxSet<char>,
    pub place_or_org_words: Words,
    pub western_first: FxSet<Vec<char>>,
    pub foreign_title: Words,
    pub not_person_after: Words,
    pub org_words: Words,
    pub company_orgs: Words,
    pub company_units: Words,
    pub company_self: Words,
    pub not_names: FxSet<Vec<char>>,
    pub cue_person_before: Words,
    pub dept_units: Words,
    pub dept_after: Words,
    pub line_tail: Words,
    /// `_AFTER_NAME`'s words: honorifics, titles, 君.
    pub after_name: Words,
    /// [`super::LABEL_WORDS`]: labels of forms and tables, never a name.
    pub label_words: Words,
    /// The [`F_KANJI`] … flags of every code point of the Basic Multilingual Plane (none above it).
    flags: Box<[u16; 0x10000]>,
}

/// `_K` ([`is_kanji`]).
pub const F_KANJI: u16 = 1;
/// `_HIRA`.
pub const F_HIRA: u16 = 2;
/// `_KATA` (with ー).
pub const F_KATA: u16 = 4;
/// ァ-ヺ.
pub const F_KATA_LETTER: u16 = 8;
/// A newline.
pub const F_NL: u16 = 16;
/// The first character of an honorific ([`super::honorific_at`]).
pub const F_HON: u16 = 32;
/// と or で (a self-introduction).
pub const F_TODE: u16 = 64;
/// の.
pub const F_NO: u16 = 128;
/// は.
pub const F_WA: u16 = 256;
/// The first character of a word of `cue_person_before`.
pub const F_CUE: u16 = 512;
/// The first character of a word of `dept_units`.
pub const F_DEPT: u16 = 1024;
/// The first character of a word of `role_words`.
pub const F_ROLE: u16 = 2048;
/// An old or variant kanji of family names (髙, 﨑, 邉 …, [`super::lexicon::old_form`]).
pub const F_OLD: u16 = 4096;
/// The last character of a department or title before a name (部 課 係 室 班 長 任 理 問, 場 of 工場, ー of センター).
pub const F_UNIT_END: u16 = 8192;
/// A bracket that may open a speaker's line (【 ( [).
pub const F_OPEN: u16 = 16384;
/// A capital Latin letter (romanised names start with one).
pub const F_UPPER: u16 = 32768;

impl Tables {
    pub fn new() -> Self {
        let after_name = format!("{HONORIFIC}|{TITLES}|君");
        let mut tb = Tables {
            honorific: Words::split(HONORIFIC, '|'),
            titles: Words::split(TITLES, '|'),
            strong_labels: STRONG_LABELS.split(' ').map(|w| cv(&w.replace('\u{0}', " "))).collect(),
            kana_labels: words_set(KANA_LABELS, ' '),
            en_strong: EN_LABELS_STRONG.iter().map(|s| s.to_string()).collect(),
            en_name_prefix: EN_NAME_PREFIX.iter().map(|s| s.to_string()).collect(),
            en_not_name: regex::Regex::new(EN_NOT_NAME).expect("static pattern"),
            romaji_ja: regex::Regex::new(ROMAJI_JA).expect("static pattern"),
            kin_words: words_set(KIN_WORDS, ' '),
            cn_surnames: chars_set(CN_SURNAMES),
            cn_not_last: chars_set(CN_NOT_LAST),
            org_after: Words::split(ORG_AFTER, '|'),
            legal_forms: LEGAL_FORMS.iter().map(|w| cv(w)).collect(),
            defined_as_person: Words::split(DEFINED_AS_PERSON, '|'),
            after_full_name: Words::split(AFTER_FULL_NAME, '|'),
            role_words: Words::split(ROLE_WORDS, '|'),
            prose_title: Words::split(PROSE_TITLE, '|'),
            weak_title: words_set(WEAK_TITLE, ' '),
            personal_title: Words::split(PERSONAL_TITLE, '|'),
            title_prefixes: chars_set(TITLE_PREFIXES),
            place_or_org_last: chars_set(PLACE_OR_ORG_LAST),
            place_or_org_words: Words::split(PLACE_OR_ORG_WORDS, '|'),
            western_first: words_set(WESTERN_FIRST, ' '),
            foreign_title: Words::split(FOREIGN_TITLE, '|'),
            not_person_after: Words::split(NOT_PERSON_AFTER, '|'),
            org_words: Words::split(ORG_WORDS, '|'),
            company_orgs: Words::split(COMPANY_ORGS, '|'),
            company_units: Words::split(COMPANY_UNITS, '|'),
            company_self: Words::split(COMPANY_SELF, '|'),
            not_names: words_set(NOT_NAMES, ' '),
            cue_person_before: Words::split(CUE_PERSON_BEFORE, '|'),
            dept_units: Words::split(DEPT_UNITS, '|'),
            dept_after: Words::split(DEPT_AFTER, '|'),
            line_tail: Words::split(LINE_TAIL, '|'),
            after_name: Words::split(&after_name, '|'),
            label_words: Words::new(super::LABEL_WORDS),
            flags: Box::new([0; 0x10000]),
        };
        let mut flags = Box::new([0u16; 0x10000]);
        for (cp, f) in flags.iter_mut().enumerate() {
            let Some(c) = char::from_u32(cp as u32) else {
                continue;
            };
            for (yes, bit) in
                [(is_kanji(c), F_KANJI), (is_hira(c), F_HIRA), (is_kata(c), F_KATA), (is_kata_letter(c), F_KATA_LETTER)]
            {
                if yes {
                    *f |= bit;
                }
            }
        }
        let mut mark = |c: char, bit: u16| flags[c as usize] |= bit;
        mark('\n', F_NL);
        for c in "様殿氏さ先くち".chars() {
            mark(c, F_HON);
        }
        mark('と', F_TODE);
        mark('で', F_TODE);
        mark('の', F_NO);
        mark('は', F_WA);
        for w in &tb.cue_person_before.list {
            mark(w[0], F_CUE);
        }
        for w in &tb.dept_units.list {
            mark(w[0], F_DEPT);
        }
        for w in &tb.role_words.list {
            mark(w[0], F_ROLE);
        }
        for c in super::lexicon::OLD_FORMS.chars() {
            mark(c, F_OLD);
        }
        for c in "部課係室班長任理問場ー".chars() {
            mark(c, F_UNIT_END);
        }
        for c in 'A'..='Z' {
            mark(c, F_UPPER);
        }
        for c in "【([".chars() {
            mark(c, F_OPEN);
        }
        tb.flags = flags;
        tb
    }

    /// The flags of `c` ([`F_KANJI`] …).
    #[inline]
    pub fn flags(&self, c: char) -> u16 {
        let c = c as u32;
        if c < 0x10000 {
            self.flags[(c & 0xFFFF) as usize]
        } else {
            0
        }
    }

    /// `_PLACE_OR_ORG.search(s)`.
    pub fn place_or_org(&self, s: &[char]) -> bool {
        s.last().is_some_and(|c| self.place_or_org_last.contains(c)) || self.place_or_org_words.occurs_in(s)
    }
}

impl Default for Tables {
    fn default() -> Self {
        Self::new()
    }
}
