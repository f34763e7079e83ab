//! A name written in katakana before an honorific: `アリさん`, `ホセさん`, `ルスタモフ様`,
//! `チャン・ティ・マイさん`, `ソン・ミンジュン 様`.
//!
//! Foreign colleagues, residents and customers are written in katakana, often by a name of two letters
//! or by one no list holds; the honorific right after the word is the cue. The word must stand alone
//! (no katakana or Latin letter before it) and be no role or common word called with an honorific
//! (`スタッフさん`, `オーナー様`, `ボランティアさん`, `ワンちゃん`); 様 before a kanji that goes on
//! into a word (`バロック様式`, `様子`) is none. The same pass hands every 様 to [`super::sama_word`].

use super::chars::{is_hira, is_kanji, is_kata, is_kata_letter, one_of};
use super::tables::F_HON;
use super::Ctx;

/// Letters of the longest katakana name read (its words and separators together).
const NAME_MAX: usize = 24;

/// Katakana words of roles, trades and animals that take an honorific: never a name.
const ROLE_WORDS: &[&str] = &[
    "オーナー",
    "ボランティア",
    "スタッフ",
    "ドライバー",
    "ヘルパー",
    "ホームヘルパー",
    "メンバー",
    "ユーザー",
    "ゲスト",
    "パート",
    "バイト",
    "アルバイト",
    "ママ",
    "パパ",
    "ケアマネ",
    "ケアマネージャー",
    "マネージャー",
    "マネジャー",
    "リーダー",
    "サブリーダー",
    "チーム",
    "クライアント",
    "パートナー",
    "カスタマー",
    "モデル",
    "デザイナー",
    "エンジニア",
    "トレーナー",
    "インストラクター",
    "オペレーター",
    "ナース",
    "ドクター",
    "メーカー",
    "ベンダー",
    "ショップ",
    "ホテル",
    "センター",
    "コーチ",
    "シェフ",
    "マスター",
    "ガイド",
    "サポーター",
    "ファン",
    "ベテラン",
    "プロ",
    "バイヤー",
    "ホスト",
    "キャスト",
    "シッター",
    "ベビーシッター",
    "ワーカー",
    "ケースワーカー",
    "カウンセラー",
    "セラピスト",
    "アシスタント",
    "コンシェルジュ",
    "フロント",
    "サンタ",
    "テナント",
    "ホーム",
    "クリニック",
    "サロン",
    "ストア",
    "カフェ",
    "ミスター",
    "ミセス",
    "ミス",
    "プー",
    "ワン",
    "ニャン",
    "ネコ",
    "イヌ",
    "クマ",
];

/// Katakana endings of companies' names (`ニシキシステム様`, `ミドリテック様`): never a person's.
const COMPANY_TAILS: &[&str] = &[
    "システム",
    "システムズ",
    "テック",
    "サービス",
    "ストレージ",
    "ソリューション",
    "ソリューションズ",
    "エンジニアリング",
    "ネット",
    "ワークス",
    "ラボ",
    "デザイン",
    "グループ",
    "ジャパン",
    "ロジ",
    "フーズ",
    "テクノ",
    "ソフト",
    "データ",
    "ホールディングス",
    "コーポレーション",
    "トレーディング",
    "コンサルティング",
    "マネジメント",
    "パートナーズ",
    "ハウス",
    "ホーム",
    "ドライブ",
    "メディカル",
    "ケア",
];

/// Letters of the longest katakana name written as one word (`ヌルハヤティ`, `ビジャヌエバ`).
const WORD_MAX: usize = 7;

/// Kanji after 様 that make one word with it (`様式`, `様子`, `様相`, `様態`, `様々`, `様変わり`).
const SAMA_WORD_TAIL: &str = "式子相態々変";

impl Ctx<'_, '_> {
    /// Adds the katakana words standing right before さん, 様, さま, 氏, 殿, くん, ちゃん or 先生.
    #[inline(never)]
    pub(crate) fn kata_honorifics(&mut self) {
        let t = self.t;
        let n = self.n;
        let mut add: Vec<(usize, usize)> = Vec::new();
        let mut i = self.next_flag(0, F_HON);
        while i < n {
            let here = i;
            i = self.next_flag(i + 1, F_HON);
            self.sama_word_at(here);
            // the honorific must follow a katakana letter or the long-vowel mark (or one space after it)
            let p = if here > 1 && t[here - 1] == ' ' { here - 1 } else { here };
            if p == 0 || !is_kata(t[p - 1]) {
                continue;
            }
            let Some(he) = super::honorific_at(t, here) else {
                continue;
            };
            if t[he - 1] == '様' && he < n && one_of!(t[he], SAMA_WORD_TAIL) {
                continue;
            }
            if one_of!(t[he - 1], "氏殿") && he < n && is_kanji(t[he]) {
                continue; // シティ氏家: 氏 starts a word (a surname) here
            }
            if let Some(s) = self.kata_word_before(p) {
                add.push((s, p));
            }
        }
        for (s, e) in add {
            self.add(s, e, 0.75);
        }
    }

    /// The start of a katakana name ending at `p`: one to four katakana words joined by `・` or a
    /// space, standing alone, none a role word.
    fn kata_word_before(&self, p: usize) -> Option<usize> {
        let t = self.t;
        let mut s = p;
        while s > 0 && p - s < NAME_MAX {
            let c = t[s - 1];
            if is_kata(c) {
                s -= 1;
            } else if matches!(c, '・' | ' ') && s >= 2 && s < p && is_kata(t[s - 2]) && is_kata_letter(t[s]) {
                s -= 1; // ソン・ミンジュン, ルスタモフ ジャスル
            } else {
                break;
            }
        }
        if p - s >= NAME_MAX || !is_kata_letter(t[s]) || one_of!(t[s], "ァィゥェォッャュョヮヵヶ") {
            return None;
        }
        if s > 0 && (t[s - 1].is_ascii_alphanumeric() || matches!(t[s - 1], '・' | '=' | 'ー')) {
            return None; // a word of a longer Latin or katakana phrase
        }
        let name = &t[s..p];
        let letters = name.iter().filter(|&&c| is_kata(c)).count();
        if letters < 2 || self.tb.not_names.contains(name) {
            return None;
        }
        let role = |w: &[char]| ROLE_WORDS.iter().any(|r| r.chars().eq(w.iter().copied()));
        if name.split(|&c| c == '・' || c == ' ').any(role) {
            return None;
        }
        // セキュアストレージ様, ニシキシステム様: a company's name
        let tail = |w: &[char]| COMPANY_TAILS.iter().any(|r| w.ends_with(&r.chars().collect::<Vec<_>>()));
        if (letters > WORD_MAX && !name.iter().any(|&c| c == '・' || c == ' ')) || tail(name) {
            return None;
        }
        // 平和エンジニアリング様: katakana right after kanji end a company's name unless the list holds them
        if s > 0 && is_kanji(t[s - 1]) && !name.split(|&c| c == '・' || c == ' ').all(|w| self.lex.kana_part(w)) {
            return None;
        }
        Some(self.surname_before_kata(s, p).unwrap_or(s))
    }

    /// 嘉納 ウメ様: the start of a surname in kanji set one space before a katakana given name
    /// (`s..p`, one word), when the kanji stand alone and read as a surname.
    fn surname_before_kata(&self, s: usize, p: usize) -> Option<usize> {
        let t = self.t;
        if s < 2 || t[s - 1] != ' ' || !is_kanji(t[s - 2]) || t[s..p].iter().any(|&c| !is_kata(c)) {
            return None;
        }
        let mut k = s - 1;
        while k > 0 && s - 1 - k < 4 && is_kanji(t[k - 1]) {
            k -= 1;
        }
        let sur = &t[k..s - 1];
        let (lex, tb) = (self.lex, self.tb);
        if sur.len() > 3 || tb.not_names.contains(sur) || tb.titles.suffix_start(sur).is_some() {
            return None;
        }
        let before = if k == 0 { ' ' } else { t[k - 1] };
        // a listed surname (after a particle too: 森さんと鈴木 エミさん), or three kanji standing alone
        // that end in no word of a role (運転手, 責任者) or a unit
        let one_common = sur.len() == 1 && lex.common(sur);
        let listed = lex.surname(sur) && !one_common && !is_kanji(before) && !is_kata(before);
        let unlisted = sur.len() == 3
            && !is_kanji(before)
            && !is_kata(before)
            && !is_hira(before)
            && !lex.common(sur)
            && !tb.org_words.occurs_in(sur)
            && !one_of!(sur[2], "長者員手師士官役書訳係人家主部課室班店社所局院");
        (listed || unlisted).then_some(k)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn a_katakana_name_before_an_honorific() {
        assert_eq!(names("新人のテオさんと森下さんの指導。\n"), ["テオ", "森下"]);
        assert_eq!(names("305号室 ボロジンスキー様より申し出。\n"), ["ボロジンスキー"]);
        assert_eq!(names("班長はヴォ・ティ・ハンさんです。\n"), ["ヴォ・ティ・ハン"]);
        assert_eq!(names("相手方：パルク・ジオン 様（1990年生）\n"), ["パルク・ジオン"]);
        // a kanji surname one space before a katakana given name: the full name
        assert_eq!(names("対象者　嘉納 ウメ 様（大正15年生）\n"), ["嘉納 ウメ"]);
        assert_eq!(names("祖母 木佐貫 ハル さんより連絡。\n"), ["木佐貫 ハル"]);
    }

    #[test]
    fn katakana_words_of_roles_before_an_honorific_are_no_names() {
        assert!(names("スタッフさんも親切でした。オーナー様ご負担です。\n").is_empty());
        assert!(names("ボランティアさん、こんにちは。ワンちゃんも一緒。\n").is_empty());
        assert!(names("ネオ・バロック様式の建物。カスタマー・サポートさんへ。\n").is_empty());
        // a title, not a name; a kinship word before a given name is no surname
        assert!(names("上司のミスター ボロジンさんも来る。\n").is_empty());
        assert_eq!(names("母 ハルさんより\n"), ["ハル"]);
        assert_eq!(names("通訳 ボロジンさん同行。班長 テオさん。\n"), ["ボロジン", "テオ"]);
        // katakana ending a company's name after kanji; 氏 starting a surname
        assert!(names("【共有】平和エンジニアリング様 納期の件\n新宿区花島12丁目 シティ氏家864\n").is_empty());
        assert!(names("【共有】ハヤテストレージ様 納期の件。タカセシステム様の要望。\n").is_empty());
        // one letter is no name
        assert!(names("ソさん\n").is_empty());
    }
}
