"""Japanese PERSON: names in kanji, kana and romaji, found from the cues that stand around them.

Cues: honorifics after a name (様, さん, 殿, 氏, 先生 …); labels before one (氏名：, 担当者：, 口座名義：, any role
word ending in 者 / 人 / 官 / 員 / 長 …: 対象者：, 保証人：, 面接官：; English labels in a Japanese text: Name:,
Booking name:, Contact:, From:, CC:, and Mr. / Ms.); titles before or after a surname (課長 山田, 杉山課長,
中村部長宛); a self-introduction (田中と申します, 、鈴木です, ○○社の林です); a department or role before a name
(営業部の高橋が, 担当の渡辺が, 後任の岡田); a name alone on a signature or address line (山本より, 山田方); a reading
in brackets after any name (杉山健太（スギヤマ ケンタ）, 市川翔（Sho Ichikawa）); CSV columns headed 氏名 / フリガナ;
lists of names, with a company in brackets after each (参加：宮本（株式会社青葉）、上野（…）). Labels, titles and
English labels come from the detector's keyword pass (``keywords``); the rest from a few anchored patterns over the
folded text. Each candidate is checked against a name lexicon derived from sudachidict-core (surnames, given names,
their katakana readings, katakana foreign names: ``mamori/detect/data/person_ja.tsv``, built by
``tools/build_person_lexicon.py``). Once a surname is known from a cue, its other bare occurrences in the document are
names too.

Prose without cues (encyclopaedic text) is handled by cheap anchors: kanji runs that split exactly into a dictionary
surname + given name (also before a word about the person: 片岡千恵蔵主演, 桃井直美高知県知事) or a surname before a
title (吉田茂首相, 小田船長); a surname with a given name in hiragana (宮内あすか); a listed given name alone or after
a kinship word (雄一は, 三女悦子, 息子の吾郎); a three-character Chinese or Korean name before a particle (袁世凱は);
katakana runs with ・ that hold a listed foreign name or start with a common Western first name (ジャック・ワーナー);
a name after a role word (編集者の …); the other items of a list that holds a name; and SudachiPy's 人名 tags, asked
only on short windows (a dictionary surname before a particle: 松本は …). Every loop over cues is bounded, so any
input finishes in time linear in its length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import compress, islice
from operator import not_
from typing import ClassVar, TypeVar

from mamori.detect import morphology
from mamori.detect.document import Document, split_cells
from mamori.detect.finding import Finding
from mamori.detect.name_lexicon import NameLexicon, lexicon
from mamori.detect.recognizer import Recognizer

_K = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ"
_KATA = "ァ-ヺー"
_HIRA = "ぁ-ゖ"

# ---------------------------------------------------------------------------------------------- patterns

_HONORIFIC = "様|さま|さん|殿|氏|先生|くん|ちゃん"
_TITLES = (
    "代表取締役社長|代表取締役|取締役社長|取締役|代表社員|代表理事|理事長|社長|副社長|会長|専務|常務|執行役員|"
    "本部長|部長|次長|課長|係長|主任|主査|室長|所長|支店長|店長|工場長|院長|園長|校長|教頭|教授|准教授|講師|"
    "マネージャー|リーダー|チーフ|担当|弁護士|税理士|医師|看護師|監督|選手"
)
_LABELS = (
    "お客様氏名|お客様名|ご契約者名|契約者名|契約者|申込者氏名|申込者名|申込者|渡航者氏名|旅行者氏名|"
    "氏名|氏 名|お名前|名前|ご氏名|姓名|フリガナ|ふりがな|カナ氏名|氏名カナ|カナ|"
    "口座名義人|口座名義|名義人|名義|カード名義人|カード名義|"
    "担当者名|担当者|担当|ご担当|対応者|対応|記録者|記録|作成者|作成|承認者|申請者|依頼者|責任者|"
    "代表者名|代表者|代表|宛名|受取人|ご依頼主|依頼主|差出人|送り主|送付先|お届け先|"
    "緊急連絡先|扶養親族|配偶者|保護者|被保険者|本人|出席者|参加者|同席者|面談者|患者名|利用者名|会員名|顧客名|"
    "出席|参加|同席|同行|欠席|宛先|送信者|発信者|受信者|送付者|差出人名|送り主名|上長|上司|後任|前任|引継ぎ先|"
    "ご予約者|予約者|ご予約名|予約名|宿泊者|搭乗者|乗客名|ご本人|記入者|面接官|面接者|候補者|応募者|紹介者|推薦者|"
    "保証人|連帯保証人|代理人|世帯主|受講者|発表者|司会|講師|主治医|担任|同居人|契約者氏名|名義人氏名"
)
# A label made of a role word ending in 者 / 人 / 官 / 員 (対象者：, 入力者：, 保証人：, 面接官：, 調査員：).
_ROLE_LABEL_GROUP = "person_ja.role_label"
_ROLE_LABELS = tuple(f"{r}{n}{c}" for r in "者人官員様長生主師士" for n in ("", "名", "氏名") for c in (":", " :"))
# English labels before a name in a Japanese document (Booking name:, Name:, Contact:, Attn:, From:, CC:).
_EN_LABELS_STRONG = (
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
)
_EN_GROUP = "person_ja.en_label"
_EN_HON_GROUP = "person_ja.en_honorific"
_EN_HONORIFICS = ("mr.", "ms.", "mrs.", "miss ", "dr.", "prof.", "mr ", "ms ", "mrs ", "dr ")
_EN_LABELS_WEAK = ("contact", "attn", "attention", "from", "to", "cc", "bcc", "sender", "recipient", "author", "by")
_EN_NAME_PREFIX = frozenset(
    {
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
    }
)
_EN_NOT_NAME = re.compile(
    r"(?i)\b(?:inc|ltd|co|corp|corporation|llc|company|department|dept|team|group|division|office|bank|"
    r"university|center|centre|the|of|and|for|sales|support|service|services|admin|info|customer|manager|"
    r"product|project|file|item|model|plan|report|meeting|document|version|type|code|number|account|payable)\b"
)
# One word of Japanese romaji (Ichikawa, Sho, Ohno, Shun'ichi): syllables of Hepburn / kunrei spelling.
_EN_HON_NAME = re.compile(r"[A-Z][A-Za-z'\-]{1,20}(?: [A-Z][A-Za-z'\-]{1,20}){0,2}(?![A-Za-z@])")
_ROMAJI_JA = re.compile(
    r"(?:(?:[kgsztdnhbpmrfjwyvc]|sh|ch|ts|[kgnhbpmrsz]y|kk|ss|tt|pp|cch|tch|ssh)?[aiueo][hu]?|n'?)+", re.I
)
_STRONG_LABELS = frozenset(
    {
        "お客様氏名",
        "お客様名",
        "ご契約者名",
        "契約者名",
        "申込者氏名",
        "申込者名",
        "渡航者氏名",
        "旅行者氏名",
        "氏名",
        "氏 名",
        "お名前",
        "名前",
        "ご氏名",
        "姓名",
        "フリガナ",
        "ふりがな",
        "カナ氏名",
        "氏名カナ",
        "カナ",
        "口座名義人",
        "口座名義",
        "名義人",
        "名義",
        "カード名義人",
        "カード名義",
        "担当者名",
        "代表者名",
        "宛名",
        "受取人",
        "患者名",
        "代表者",
        "記録",
        "記録者",
        "担当者",
        "対応者",
        "出席者",
        "参加者",
        "緊急連絡先",
        "扶養親族",
        "利用者名",
        "会員名",
        "顧客名",
    }
)
_KANA_LABELS = frozenset(
    {"フリガナ", "ふりがな", "カナ氏名", "氏名カナ", "カナ", "口座名義人", "口座名義", "名義人", "名義"}
)

# Anchors. Each pattern starts with literal text so that the regex engine can skip ahead fast; the
# character before a label or title is checked in Python (a lookbehind would slow the scan tenfold).
_HON_RE = re.compile(r"様|さま|さん|殿|氏(?!名)|先生|くん|ちゃん")
# Labels and titles are found with the detector's keyword pass (one Aho-Corasick scan for all recognizers); these
# patterns check what follows them.
_LABEL_GROUP = "person_ja.label"
_TITLE_GROUP = "person_ja.title"
_LABEL_TAIL = re.compile(r"(?:\([^()\n]{0,16}\))?(?: ?[:：] ?|[】\]」] ?|\t| (?=[^ ]))")
_TITLE_NEXT = re.compile(rf"[{_K}{_KATA}A-Z]")
# A department before a name: 営業部の高橋が, 経理課の佐藤より (read as a weak cue: the name must be listed).
_DEPT_CUE = re.compile(
    rf"(?:部|課|室|グループ|チーム|センター|支店|営業所)の(?=[{_K}]{{1,4}}(?:が|は|より|から|にて|まで|へ|と申|です))"
)
# '…の田中です': a weak cue (the name must be listed: 営業部の方針です is not a name).
_DESU_CUE = re.compile(rf"の(?=[{_K}]{{1,4}}です)")
_DESU_NAME = re.compile(rf"[{_K}]{{1,4}}(?=です)")
_CUE_RES = (
    re.compile(rf"の(?=[{_K}]{{1,4}}(?:でございます|と申します))"),
    re.compile(rf"(?:弊社|当社|担当|担当者|私|わたくし|同僚|上司|部下|後任|前任|秘書|後輩|先輩)の(?=[{_K}])"),
    re.compile(rf"\n ?[・-] ?(?=[{_K}]{{1,4}}(?:が担当|[(（がもはよ]|{_TITLES}))"),
)
# Words that a match of each cue must hold (None: no cheap test), to skip the scan of a text without them.
_CUE_RES_NEEDS = tuple(
    zip(_CUE_RES, (("でございます", "と申します"), None, ("\n・", "\n-", "\n ・", "\n -")), strict=True)
)
# A name alone on a line (signature blocks, address labels) or followed by a bracketed reading.
# A self-introduction: '田中と申します' / '、営業の佐藤です。' (the name is read back from the cue).
_SELF_RE = re.compile(r"と申します|と申しま|と申す|でございます|です(?=[。!！、\n])")
# A bracketed group after a name in a list: 宮本（株式会社青葉）、上野（大和テック（株））.
_BRACKET_AFTER = re.compile(r" ?\((?:[^()\n]|\([^()\n]{0,12}\)){1,40}\)")
# (The lookahead after the spaces only fails early: a title starts with a kanji or チ, マ, リ, a name with a kanji.)
_LINE_NAME = re.compile(
    rf"^ {{0,4}}(?=[{_K}チマリ])(?P<title>(?:{_TITLES}) )?([{_K}]{{1,4}} ?[{_K}{_HIRA}]{{1,4}})"
    r"(?= {0,4}(?:$|[(（/|]))",
    re.M,
)
# The same after a newline: a literal first character lets the regex engine skip ahead (a bare '^' with re.M is
# tried at every position).
_LINE_NAME_NL = re.compile("\n" + _LINE_NAME.pattern[1:], re.M)
_UNIT_END = frozenset("部課室係班局所社店科棟院")
_LINE_TAIL = re.compile(r" ?(?:より|から|方|宛|宛て|拝|記)$")
# Kinship words before a given name: 息子の吾郎, 三女悦子, 父・浩三郎.
_KIN_END = re.compile(r"(?:妻|夫|母|父|兄|姉|弟|妹|娘|息子|男|女|子|孫|甥|姪)[の・、]$")
_KIN_TEXT = "長男 次男 三男 四男 五男 長女 次女 三女 四女 五女 嫡男 嫡子 養子 実子 末子 愛娘"
_KIN_WORDS = frozenset(_KIN_TEXT.split())
_NUMBERED = re.compile(r"[一二三四五六七八九十百千][次回期部番号位件月日年人代世]")
_PROSE_KANJI = re.compile(rf"[{_K}]{{2,40}}")
# Common one-character Chinese and Korean surnames (characters that also start ordinary words, 全 文 史 何, left out),
# and last characters that make a word rather than a given name (的, 像, 省, 軍 …).
_CN_SURNAMES = frozenset(
    "李王張劉陳楊黄趙周呉徐孫胡朱郭羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭董袁潘蔣蒋蔡杜葉程蘇魏呂丁沈姚盧姜崔鍾譚汪范廖賈韋鄒孟熊秦"
    "邱尹薛閻段雷侯龍陶黎賀顧毛郝龔邵銭錢覃戴莫孔湯朴申権洪"
)
_CN_NOT_LAST = frozenset("的性化像紙期省圏舗人商門程軍祭河律朝式初国県市町村区党庁局部課院館社会所界線号業品器機物")
_PARTICLES = frozenset("はがとにをもやへ、。」の")
_SHORT_NEXT = frozenset("".join(chr(c) for c in range(ord("ぁ"), ord("ゖ") + 1)) + "、。」")
_LIST_END = "(?=[、。とやらがはのを」]|$)"
_LIST_KANJI = re.compile(rf"([{_K}]{{2,5}}){_LIST_END}")
_LIST_KATA = re.compile(rf"([ァ-ヺ][ァ-ヺー]{{1,15}}(?:[・=][ァ-ヺ][ァ-ヺー]{{0,15}}){{0,4}}){_LIST_END}")
_LIST_KANJI_BACK = re.compile(rf"(?:^|[^{_K}])([{_K}]{{2,5}})$")
_LIST_KATA_BACK = re.compile(r"(?:^|[^ァ-ヺー・])([ァ-ヺ][ァ-ヺー・]{1,40})$")
_ORG_AFTER = re.compile(
    r"(?:通信|情報|水産|電気|電機|農林|不動産|物産|商事|工業|産業|建設|運輸|物流|鉱業|印刷|食品|製作所|商会|興業|"
    r"株式会社|有限会社|合同会社|\(株\)|\(有\)|㈱|㈲|振興会|協会|機構|財団|銀行|証券|保険|生命|電鉄|鉄道|航空|放送)"
)
_LEGAL_FORMS = ("株式会社", "有限会社", "合同会社", "法人", "(株)", "(有)", "㈱", "㈲", "財団", "社団")
# An encyclopaedic definition of a person: 'X（読み）は、日本の俳優。'
_DEFINITION_RE = re.compile(r"(?m)^([^、。はがの「」()\s]{2,20}?)(?:\([^()\n]{0,60}\))?は、([^。\n]{0,80})")
_DEFINED_AS_PERSON = re.compile(
    r"(?:俳優|女優|歌手|政治家|選手|作家|漫画家|声優|タレント|アナウンサー|実業家|学者|画家|音楽家|作曲家|作詞家|"
    r"脚本家|監督|武将|軍人|官僚|棋士|力士|騎手|写真家|建築家|弁護士|医師|モデル|アイドル|ミュージシャン|"
    r"ギタリスト|ピアニスト|指揮者|演出家|評論家|小説家|詩人|歌人|俳人|大名|公家|皇族|国王|皇帝|編曲家|"
    r"プロデューサー|デザイナー|コメディアン|芸人|騎士|僧侶|宗教家|教育者|思想家|哲学者|経営者)(?:である|。|、|で|$)"
)
_ROLE_END = frozenset("者家手官員士師優督将役曲詞令")
# Words written straight after a full name in prose: 片岡千恵蔵主演, 手塚治虫原作, 山田太郎作曲.
_AFTER_FULL_NAME = re.compile(
    r"主演|出演|原作|脚本|監督|演出|作曲|作詞|編曲|作画|作|著|訳|編|画|撮影|主宰|率|方|氏|一家|夫妻|研究員|相談役|主事|"
    r"初代|二代目|三代目|元|前|現|らの|ら"
)
_ROLE_RE = re.compile(
    r"(?:者|家|手|員|長|官|師|士|優|督|妻|夫|母|父|兄|姉|弟|妹|娘|息子|長男|次男|長女|次女|三女|四女)(?:の|・|、)"
)
_ROLE_KANJI = re.compile(rf"[{_K}]{{2,5}}(?![{_K}])")
_ROLE_KATA = re.compile(r"[ァ-ヺ][ァ-ヺー]{1,15}(?:[・=][ァ-ヺ][ァ-ヺー]{0,15}){1,4}(?![ァ-ヺー])")
_PROSE_TITLE = re.compile(
    r"(?:選手|監督|首相|総理|大統領|議員|知事|市長|社長|会長|総書記|主席|親王|内親王|少将|中将|大将|大佐|中佐|少佐|"
    r"大尉|中尉|少尉|容疑者|被告|教授|博士|外相|蔵相|参議|代表|投手|捕手|内野手|外野手|騎手|棋士|八段|九段|名人|"
    r"氏|夫人|令嬢|師匠|弁護士|医師|警部|巡査|部長|課長|係長|主任|専務|常務|取締役|理事長|院長|校長|知事|市長|町長|"
    r"村長|少年|少女|総裁|総長|長官|次官|大使|領事|委員長|議長|書記長|主将|関取|横綱|大関|親方|次長|室長|所長|支店長|"
    r"店長|工場長|本部長|准教授|講師|先生|税理士|記者|船長|艦長|館長|撮影所長|党首|幹事長|局長|署長|隊長|団長|組長|"
    r"秘書官|秘書|候補|参謀|将軍|総統|董事長|住職|牧師|神父|本人|自身|一家|一族|夫妻|兄弟|姉妹|親子)$"
)
# Words after a surname that name its bearer only when the surname is not also an ordinary word (田中家, 岡村本人).
_WEAK_TITLE = frozenset({"本人", "自身", "一家", "一族", "夫妻", "兄弟", "姉妹", "親子", "候補"})
# Titles that follow a person's surname directly (杉山課長, 林教授), and one-character words that stand before a
# title without being a surname (同課長, 前社長, 新部長, 本部長).
_PERSONAL_TITLE = re.compile(
    r"(?:社長|副社長|会長|専務|常務|部長|次長|課長|係長|主任|室長|所長|支店長|店長|工場長|本部長|院長|校長|教頭|教授|准教授|"
    r"講師|先生|弁護士|税理士|医師|博士|氏|夫人|監督|選手|投手|捕手|議員|知事|市長|町長|村長|首相|大臣|容疑者|被告|代表|"
    r"理事長|総裁|長官|大使|委員長|議長|外相|蔵相|少将|中将|大将|大佐|中佐|少佐|親方|関取|横綱|大関|記者|主将|"
    r"船長|艦長|館長|撮影所長|党首|幹事長|局長|署長|隊長|団長|組長|秘書官|秘書|参謀|将軍|総統|董事長|住職|牧師|神父|"
    r"警部|巡査|総理|大統領|主席|総書記|次官|領事|書記長|名人|師匠|八段|九段|"
    r"本人|自身|一家|一族|夫妻|兄弟|姉妹|親子|候補)"
)
_TITLE_PREFIXES = frozenset(
    "同各全副前元新旧現総本当故初歴代次若老正準名首主大小上下中高低両同他某貴弊御米英仏独露伊豪加韓朝日印蘭"
)
_PLACE_OR_ORG = re.compile(
    r"[県府都市区町村郡駅港島橋線店社局署庁省院館園寺宮城山川湖湾谷部課室係家邸派流族]$|銀行|会社|商事|工業|産業|建設|物産|電機|電気|"
    r"情報|通信|不動産|運輸|物流|水産|鉱業|農林|印刷|食品|製作|商会|興業|出張所|事務所|学校|大学|病院"
)
# Verdicts on a katakana run: nothing; several parts (ジョン・スミス) with or without a listed foreign name;
# one listed name that is a name only before a title (フォード大統領) or also alone (ケネディ).
_KATA_NONE, _KATA_MULTI, _KATA_MULTI_CLEAN, _KATA_SINGLE_TITLED, _KATA_SINGLE_CLEAN = range(5)
_PROSE_KATA = re.compile(r"[ァ-ヺ][ァ-ヺー]{1,15}(?:[・=](?:[ァ-ヺ][ァ-ヺー]{0,15}|[A-Z]\.?)){0,5}")
_KATA_SEP = re.compile(r"[・=]")
# Common Western first names in katakana: a multi-part katakana run that starts with one is a person
# (ジャック・ワーナー, ブラッド・ピット), even when its parts are also ordinary words.
_WESTERN_FIRST_TEXT = (
    "ジョン ジャック ジェームズ ジェイムズ ジョージ ウィリアム ロバート マイケル デビッド デヴィッド "
    "デイヴィッド デイビッド リチャード トーマス トマス チャールズ ポール ピーター マーク ダニエル ジョセフ "
    "エドワード ヘンリー フランク アンドリュー スティーブン スティーヴン スティーブ スティーヴ ブライアン "
    "ケビン ケヴィン クリス クリストファー ベンジャミン サミュエル アレックス アレクサンダー アレクサンドル "
    "フィリップ ルイス ハリー ジェイ ディーン ブラッド トム ボブ ビル ジム ジョー マイク ウォルター "
    "アーサー アルバート カール フレッド フレデリック ハンス ピエール ジャン ミシェル アントニオ カルロス "
    "ホセ フアン マリア メアリー エリザベス アンナ サラ ジェーン ローラ エミリー ケイト キャサリン "
    "マーガレット ヘレン ナンシー スーザン リンダ バーバラ ジェニファー ジュリア メリッサ ニコラス ニコラ "
    "ジェフ ラリー ゲイリー ゲーリー ダン エリック ジェイソン ジェフリー ライアン アダム ネイサン "
    "ジョナサン ティム ティモシー ロナルド ドナルド ケネス ジョシュア ショーン アンソニー アンドレ "
    "アンドレア ルイ フランソワ ミハイル セルゲイ アレクセイ イワン ウラジーミル ドミトリー ニコライ "
    "ヴィクトル ヨハン フリードリヒ ヴィルヘルム ハインリッヒ オットー ペーター ジョヴァンニ ジュゼッペ "
    "マルコ パオロ ルカ フランチェスコ ミゲル ペドロ ディエゴ マヌエル ラファエル アルベルト ロベルト "
    "リカルド フェルナンド エミール レオ レオン マックス マクシミリアン オスカー ヴィクター ビクター "
    "ハロルド ハワード ラルフ ロイ レイ ジミー ジョニー ビリー ボビー トミー ダニー サム ベン ニック "
    "マット マシュー ルーク アンディ エド テッド ロン ドン ケン グレッグ スコット トッド ブルース "
    "クレイグ キース ウェイン テリー ジェリー ランディ ロジャー ピート ジャスティン ブランドン クリスチャン "
    "オリバー オリヴァー ジェシカ アシュリー アマンダ サマンサ レベッカ エマ オリビア ソフィア イザベル "
    "シャーロット ルーシー グレース ダイアナ ナタリー ステファニー クリスティーナ モニカ ヴェロニカ "
    "パトリシア パトリック デニス "
)
_WESTERN_FIRST = frozenset(_WESTERN_FIRST_TEXT.split())

_FOREIGN_TITLE = re.compile(
    r"(?:大統領|副大統領|首相|大臣|国王|女王|皇帝|王子|王女|将軍|提督|大佐|中佐|少佐|中尉|監督|選手|投手|捕手|博士|教授|"
    r"氏|卿|伯爵|公爵|司令官|議員|知事|市長|会長|社長|CEO)"
)
_NOT_PERSON_AFTER = re.compile(
    r"(?:社|州|市|県|郡|町|村|区|島|川|山|湖|港|駅|語|人|系|朝|派|族|教|主義|政権|大学|学院|賞|杯|線|号|級|型|式|軍|国|"
    r"党|会|団|局|省|庁|湾|地方|空港|通り|城|宮|寺|教会|病院|銀行|工業|製|産|版|誌|紙|FC|フットボール)"
)
_CSV_HEADER = re.compile(r"^[^\n]{0,200}?(?:氏名|フリガナ|ふりがな|お名前|名前|カナ)[^\n]{0,200}$", re.M)

_KANJI_RUN = re.compile(rf"[{_K}]{{1,8}}")
_KATA_NAME = re.compile(rf"[{_KATA}]{{1,12}}(?:[ ・=][{_KATA}]{{1,12}}){{0,3}}")
_HIRA_NAME = re.compile(rf"[{_HIRA}ー]{{1,10}}(?: [{_HIRA}ー]{{1,10}})?")
_ROMAJI_NAME = re.compile(r"[A-Z][A-Za-z'\-]{1,20}(?: [A-Z][A-Za-z'\-]{0,20}){1,2}(?![A-Za-z@.])")
_ROMAN = r"[A-Z][A-Za-z'\-]{1,20} [A-Z][A-Za-z'\-]{1,20}"
_ROMAJI_PAREN = re.compile(rf" ?(?:[(（]({_ROMAN})[)）]|[/|] ?({_ROMAN})$)", re.M)
_SAMA_WORDS = frozenset("模同仕多異殿神皆奥客各貴")
_HON_END = re.compile(rf"(?:{_HONORIFIC})$")
_HON_TAIL = re.compile(r"(?:様|殿|氏|先生|君)")
_GIVEN = re.compile(rf"[{_K}{_HIRA}]{{1,6}}")
_AFTER_NAME = re.compile(rf" ?(?:{_HONORIFIC}|{_TITLES}|君)")
_KANA_PAREN = re.compile(rf" ?\(([{_KATA}]{{1,12}}(?: [{_KATA}]{{1,12}})?)\)")
_HIRA_PAREN = re.compile(rf" ?\(([{_HIRA}ー]{{2,12}}(?: [{_HIRA}ー]{{1,12}})?)\)")
_TITLE_SUFFIX = re.compile(rf"(?:{_TITLES})$")
_TITLE_PREFIX = re.compile(rf"(?:{_TITLES})(?: |(?=[{_K}]))")
_ORG_WORDS = re.compile(
    r"株式会社|有限会社|合同会社|合資会社|合名会社|法人|\(株\)|\(有\)|㈱|㈲|銀行|信用金庫|組合|協会|"
    r"商事|商会|産業|工業|建設|物産|電機|電気|製作所|食品|不動産|運輸|物流|水産|化学|薬品|興業|工務店"
)
_COMPANY_TOKEN = re.compile(
    r"[^ \n、,/／]{0,30}?(?:株式会社|有限会社|合同会社|\(株\)|\(有\)|㈱|㈲|協会|振興会|組合|事務所|機構|法人|財団|"
    r"大学|病院|銀行|信用金庫)[^ \n、,/／]{0,30}? "
    rf"|[{_K}{_KATA}]{{1,12}}(?:部|課|室|係|班|センター|グループ|チーム) |(?:弊社|当社|私ども|弊行|当行) ?"
)
# Words that stand before an honorific but are not names (お客様, 皆様, 貴社様, 各位 …).
_NOT_NAMES_TEXT = (
    "客 お客 皆 皆さ みな 各位 貴社 御社 弊社 当社 先方 奥 奥さ 旦那 神 仏 王 同 両 彼 彼女 貴殿 貴方 あなた "
    "患者 利用者 会員 顧客 担当者 担当 家族 ご家族 親御 子供 お子 生徒 学生 社員 職員 店員 相手 みんな 皆様方 "
    "様方 お父 お母 お兄 お姉 お爺 お婆 おじい おばあ 父 母 兄 姉 弟 妹 息子 娘 主人 ご主人 奥様 お嬢 坊 赤 "
    "課長 部長 社長 会長 先生 医師 殿下 閣下 陛下 上 下 中 外 内 人 方 者 名 氏 氏名 御中 本人 ご本人 全員 "
    "未定 不明 同上 なし 無し 不要 各位 一同 全社員"
)
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())


_GROUP = re.Match.group
_V = TypeVar("_V")


def _memoised(memo: dict[str, _V], key: str, compute: Callable[[str], _V], limit: int) -> _V:
    """``memo[key]``, computed and stored on a miss; the memo is emptied when it holds more than ``limit``."""
    got = memo.get(key)
    if got is None:
        got = compute(key)
        if len(memo) > limit:
            memo.clear()
        memo[key] = got
    return got


def morphology_available() -> bool:
    return morphology.available()


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect_right(spans, (e, -1))
    return any(a < e and s < b for a, b in spans[max(0, i - 8) : i])


def _surname_head(lex: NameLexicon, s: str) -> bool:
    """``s`` (3+ characters) starts with a listed surname that is not an ordinary word."""
    if len(s) < 3:
        return False
    for i in (1, 2, 3):
        f = lex.get(s[:i])
        if i < len(s) and "S" in f and "c" not in f:
            return True
    return False


def _clean_foreign(flags: str) -> bool:
    """A katakana person name that is not also a place, a product or an ordinary word."""
    return "F" in flags and not ("c" in flags or "L" in flags or "O" in flags)


_READING_OPEN = frozenset("(（/|")


def _may_open_reading(text: str, e: int) -> bool:
    """A bracket or slash at ``e`` (after one space at most): without one, no reading pattern can match there."""
    if e >= len(text):
        return False
    c = text[e]
    if c == " ":
        if e + 1 >= len(text):
            return False
        c = text[e + 1]
    return c in _READING_OPEN


def _reading_follows(text: str, e: int) -> bool:
    return _may_open_reading(text, e) and (
        _ROMAJI_PAREN.match(text, e) is not None
        or _KANA_PAREN.match(text, e) is not None
        or _HIRA_PAREN.match(text, e) is not None
    )


def _paren_ends_line(text: str, e: int) -> bool:
    """The bracket after ``e`` closes its line (a reading in a form, not a gloss inside a sentence)."""
    close = text.find(")", e, e + 40)
    return close >= 0 and (close + 1 >= len(text) or text[close + 1] in "\n ")


def _char_class(c: str) -> int:
    """0 space or punctuation, 1 kanji, 2 hiragana, 3 katakana, 4 Latin letter."""
    if _is_kanji(c):
        return 1
    if "ぁ" <= c <= "ゖ":
        return 2
    if _is_kata(c):
        return 3
    if c.isascii() and c.isalpha():
        return 4
    return 0


# A run of letters of one _char_class (1 kanji, 2 hiragana, 3 katakana, 4 Latin): ヶ is a kanji here.
_CLASS_RUN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff々〆ヶ]+|[ぁ-ゖ]+|[ァ-ヵヷ-ヺー]+|[A-Za-z]+")


def _is_kanji(c: str) -> bool:
    return ("\u4e00" <= c <= "\u9fff") or ("\u3400" <= c <= "\u4dbf") or ("\uf900" <= c <= "\ufaff") or c in "々〆ヶ"


def _is_kata(c: str) -> bool:
    return "ァ" <= c <= "ヺ" or c == "ー"


class JapanesePersonRecognizer(Recognizer):
    """Japanese personal names (kanji, kana, romaji) from honorifics, labels, titles and layout."""

    name = "person_ja"
    entities = ("PERSON",)
    languages = frozenset({"ja"})
    keywords: ClassVar[Mapping[str, Iterable[str]]] = {
        _LABEL_GROUP: tuple(_LABELS.split("|")),
        _ROLE_LABEL_GROUP: _ROLE_LABELS,
        _TITLE_GROUP: tuple(f"{t} " for t in _TITLES.split("|")),
        _EN_HON_GROUP: _EN_HONORIFICS,
        _EN_GROUP: tuple(f"{w}{c}" for w in _EN_LABELS_STRONG + _EN_LABELS_WEAK for c in (":", " :")),
    }

    def __init__(self, morphology: bool = True) -> None:
        self.lex = lexicon()
        self.morphology = morphology and morphology_available()
        self._run_memo: dict[str, tuple[str, int, int, float] | tuple[()]] = {}
        self._kata_memo: dict[str, int] = {}
        self._inert_runs: dict[str, bool] = {}

    # ------------------------------------------------------------------ entry point

    def find(self, doc: Document) -> Iterable[Finding]:
        text = doc.norm
        found: dict[tuple[int, int], float] = {}

        def add(start: int, end: int, score: float) -> None:
            if end <= start:
                return
            key = (start, end)
            if found.get(key, 0.0) < score:
                found[key] = score

        # Cues are cheap to find and dearer to read: a text made of nothing but cues (様様様…) reads at most
        # one cue per 16 characters of each kind, so that any input finishes in time linear in its length.
        budget = 2000 + len(text) // 16
        for m in islice(_HON_RE.finditer(text), budget):
            he = m.end()
            if he < len(text) and _is_kanji(text[he]) and text[he - 1] in "様殿氏" and text[he] not in "宛方":
                continue  # 様式, 多様化, 殿堂, 宮殿: not an honorific
            hs = m.start()
            if hs and text[he - 1] == "様" and text[hs - 1] in _SAMA_WORDS:
                continue  # 模様, 同様, 仕様, 多様: words ending in 様
            if hs and text[hs - 1] == " ":
                hs -= 1
            self._before_honorific(text, hs, m.end(), add)
        starts, ends = doc.occurrences(_LABEL_GROUP)
        last = -1
        read: set[int] = set()
        for ks, ke in islice(zip(starts, ends, strict=True), budget):
            if ke == last or (ks and (_is_kanji(text[ks - 1]) or _is_kata(text[ks - 1]))):
                continue  # 氏名 inside お客様氏名, カナ inside フリガナ
            t = _LABEL_TAIL.match(text, ke)
            if t is not None:
                last = ke
                read.add(t.end())
                self._after_label(text, text[ks:ke], t.end(), add)
        groups = doc.groups_found
        if _ROLE_LABEL_GROUP in groups:
            starts, ends = doc.occurrences(_ROLE_LABEL_GROUP)
            for ks, ke in islice(zip(starts, ends, strict=True), budget):
                if ke < len(text) and text[ke] == " ":
                    ke += 1
                if ke not in read:
                    self._after_role_label(text, ks, ke, add)
        if _EN_GROUP in groups:
            starts, ends = doc.occurrences(_EN_GROUP)
            for ks, ke in islice(zip(starts, ends, strict=True), budget):
                self._after_en_label(text, ks, ke, add)
        if _EN_HON_GROUP in groups:
            starts, ends = doc.occurrences(_EN_HON_GROUP)
            for ks, ke in islice(zip(starts, ends, strict=True), budget):
                self._after_en_honorific(text, ks, ke, add)
        for m in islice(_SELF_RE.finditer(text), budget):
            self._before_self(text, m.start(), add)
        starts, ends = doc.occurrences(_TITLE_GROUP)
        last = -1
        for ks, ke in islice(zip(starts, ends, strict=True), budget) if starts else ():
            if ke == last or (ks and _is_kanji(text[ks - 1])) or not _TITLE_NEXT.match(text, ke):
                continue
            last = ke
            self._read_list(text, ke, add, score=0.8, strong=False, max_items=1)
        for cue, needs in _CUE_RES_NEEDS:
            if needs is not None and not any(w in text for w in needs):
                continue  # the cue's literal words are not in the text
            for m in islice(cue.finditer(text), budget):
                self._read_list(text, m.end(), add, score=0.8, strong=True, max_items=1)
        if "です" in text:
            for m in islice(_DESU_CUE.finditer(text), budget):
                self._before_desu(text, m.end(), add)
        for m in islice(_DEPT_CUE.finditer(text), budget):
            self._read_list(text, m.end(), add, score=0.75, strong=False, max_items=1)
        for m in islice(self._line_names(text), budget):
            self._line_name(text, m.start(2), m.end(2), add, titled=m.group("title") is not None)
        if ("," in text or "\t" in text) and (
            "氏名" in text or "名前" in text or "カナ" in text or "ふりがな" in text  # a header holds one of these
        ):
            for m in islice(_CSV_HEADER.finditer(text), 100):
                self._csv(text, m.start(), m.end(), add)
        self._prose(text, found, add)
        self._readings(text, found, add)
        self._lists(text, found, add)
        self._repeat_surnames(text, found, add)
        for (start, end), score in self._drop_nested(found):
            yield self.finding(doc, "PERSON", start, end, score)

    # ------------------------------------------------------------------ name readers

    def _kanji_name(self, run: str, strong: bool) -> tuple[int, int, float] | None:
        """(start, end, score) of the name inside a kanji run (a title before or after it is cut off)."""
        lex = self.lex
        s, e = 0, len(run)
        t = _TITLE_SUFFIX.search(run)
        if t and t.start() > 0:
            e = t.start()
            # 坂本部長 is 坂本 + 部長, not 坂 + 本部長: prefer the cut that leaves a listed name.
            for cut in range(len(run) - 2, e, -1):
                if _TITLE_SUFFIX.fullmatch(run, cut) and (lex.surname(run[:cut]) or lex.split_full(run[:cut])):
                    e = cut
                    break
        body = run[s:e]
        if not body:
            return None
        k = lex.split_full(body)
        if k:
            if len(body) > 2 or not (lex.common(body[:k]) and lex.common(body[k:])):
                return s, e, 0.9
            if strong and body not in _NOT_NAMES:
                return s, e, 0.7  # 本人, 方針 …: two one-character words, a name only after a strong cue
        if lex.surname(body):
            if lex.common(body) and len(body) == 1 and not strong:
                return None
            return s, e, 0.85 if not lex.common(body) else 0.7
        # A title or department in front: 営業部山田 → 山田 (only when what is left is a listed name).
        for i in range(1, len(body) - 1):
            rest = body[i:]
            if lex.split_full(rest) or (len(rest) >= 2 and lex.surname(rest) and not lex.common(rest)):
                head = body[:i]
                if head.endswith(("部", "課", "室", "係", "班", "長", "任", "当", "社", "店")):
                    return s + i, e, 0.75
        if (
            strong
            and 2 <= len(body) <= 5
            and body not in _NOT_NAMES
            and not lex.common(body)
            and body[-1] not in _UNIT_END
            and (not any(c in body for c in "部課室係") or _surname_head(lex, body))
        ):
            return (s, e, 0.6) if not _ORG_WORDS.search(body) else None
        return None

    def _name_at(self, text: str, i: int, limit: int, strong: bool, kana_ok: bool) -> tuple[int, int, float] | None:
        """The name starting at ``i`` (kanji with or without a space, katakana, hiragana, romaji)."""
        if i >= limit:
            return None
        c = text[i]
        lex = self.lex
        if _is_kanji(c):
            m = _KANJI_RUN.match(text, i, limit)
            assert m is not None
            run = m.group()
            h = _HON_TAIL.search(run)
            if h and h.start() > 0:
                run = run[: h.start()]
            j = i + len(run)
            # 山田 太郎 / 山口くみ子 / 佐藤 くみ子: a given name after a space or in kana.
            if j < limit and lex.surname(run):
                k = j + 1 if text[j] == " " else j
                g = _GIVEN.match(text, k, limit)
                if g and text[k] not in "様殿氏君":
                    given = g.group()
                    t = _TITLE_SUFFIX.search(given)
                    if t and t.start() > 0:
                        given = given[: t.start()]
                    ge = k + len(given)
                    kana_only = k == j and all("ぁ" <= ch <= "ゖ" for ch in given)
                    if (
                        kana_only
                        and _AFTER_NAME.match(text, ge) is None
                        and (len(given) < 2 or lex.common(given) or (ge < limit and "ぁ" <= text[ge] <= "ゖ"))
                    ):
                        pass  # 山田より: a particle, not a given name written in kana
                    elif self._boundary(text, ge, limit) and (
                        lex.given(given)
                        or (
                            (strong or _reading_follows(text, ge))
                            and k > j
                            and _is_kanji(given[0])
                            and len(given) <= 3
                            and not lex.common(given)
                        )
                    ):
                        return i, ge, 0.9
            if 3 <= len(run) <= 6 and _reading_follows(text, j):
                # 杉山悠人（スギヤマ ユウト）: a surname and an unlisted given name, with its reading after it
                for k in (3, 2, 1):
                    if k < len(run) and len(run) - k <= 3 and lex.surname(run[:k]) and not lex.common(run[k:]):
                        return i, j, 0.85
            if not self._boundary(text, j, limit):
                return None
            r = self._kanji_name(run, strong)
            if r is None:
                return None
            return i + r[0], i + r[1], r[2]
        if _is_kata(c) and c != "ー":
            m = _KATA_NAME.match(text, i, limit)
            if not m:
                return None
            name = m.group().rstrip(" ・=")
            if not self._boundary(text, i + len(name), limit):
                return None
            parts = re.split(r"[ ・=]", name)
            if kana_ok or all(lex.kana_part(p) for p in parts):
                if not kana_ok and len(parts) == 1 and len(name) < 3:
                    return None
                return i, i + len(name), 0.85 if kana_ok else 0.7
            return None
        if kana_ok and "ぁ" <= c <= "ゖ":
            m = _HIRA_NAME.match(text, i, limit)
            if m and len(m.group()) >= 2:
                return i, m.end(), 0.8
            return None
        if "A" <= c <= "Z":
            m = _ROMAJI_NAME.match(text, i, limit)
            if m and (strong or kana_ok):
                return i, m.end(), 0.85
            if m and all(_ROMAJI_JA.fullmatch(w) for w in m.group().split(" ")):
                return i, m.end(), 0.75  # Yamada Taro: every word is spelt like Japanese romaji
        return None

    @staticmethod
    def _boundary(text: str, e: int, limit: int) -> bool:
        """True when a name may end at ``e``: not inside a longer word (山田商事, 林ガス, Yamada1)."""
        if e >= limit:
            return True
        c = text[e]
        if c == "(" and text.startswith(("(株)", "(有)", "(合)", "(同)", "(社)", "(財)"), e):
            return False
        if _is_kanji(c) or _is_kata(c) or (c.isascii() and c.isalnum()):
            return _AFTER_NAME.match(text, e) is not None
        return True

    def _read_list(
        self, text: str, i: int, add, score: float, strong: bool, max_items: int = 8, kana_ok: bool = False
    ) -> None:
        """Names from ``i`` to the end of the line: 'A様、B様／C社 D、E' (a company in front is skipped)."""
        end = text.find("\n", i)
        if end < 0:
            end = len(text)
        end = min(end, i + 160)
        items = 0
        while i < end and items < max_items:
            while i < end and text[i] == " ":
                i += 1
            t = _TITLE_PREFIX.match(text, i, end)
            if t:
                i = t.end()
                continue
            r = self._name_at(text, i, end, strong, kana_ok)
            if r is None:
                # Skip a company / department token followed by a space, then try again.
                m = _COMPANY_TOKEN.match(text, i, end)
                if m and m.end() > i and items < max_items:
                    i = m.end()
                    items += 1
                    strong = True  # 株式会社山田商事 林: a name right after a company
                    continue
                return
            s, e, sc = r
            if e < end and text[e] in ":：":
                return  # 候補者：: the next label, not a name
            add(s, e, min(score, sc) if not strong else max(score, sc))
            self._romaji_after(text, e, add)
            items += 1
            i = e
            # honorific / title after the name, then a separator
            h = _AFTER_NAME.match(text, i, end)
            if h:
                i = h.end()
            b = _BRACKET_AFTER.match(text, i, end)
            if b:
                i = b.end()  # 宮本（株式会社青葉）、上野（…）: a company or department in brackets
            if i < end and text[i] in "、,／/・":
                i += 1
                strong = True  # the next item of a list of names
                continue
            return

    def _romaji_after(self, text: str, end: int, add, hira: bool = True) -> None:
        """A reading in brackets after a name: 田中 稔（Minoru Tanaka）, 石川 零（イシカワ レイ）,
        山田 太郎（やまだ たろう） (hiragana only when asked: in prose it is an encyclopaedia's gloss)."""
        if not _may_open_reading(text, end):
            return
        m = (
            _ROMAJI_PAREN.match(text, end)
            or _KANA_PAREN.match(text, end)
            or (_HIRA_PAREN.match(text, end) if hira else None)
        )
        if m:
            g = 1 if m.group(1) else 2
            add(m.start(g), m.end(g), 0.85)

    # ------------------------------------------------------------------ cues

    def _before_honorific(self, text: str, hs: int, he: int, add) -> None:
        """The name that ends right before an honorific: the longest name that reads up to it."""
        p = hs
        if p == 0:
            return
        lo = max(text.rfind("\n", 0, p) + 1, p - 16)
        # a name starts where a run of one class of letters starts (see _char_class)
        for run in _CLASS_RUN.finditer(text, lo, p):
            k = run.start()
            r = self._name_at(text, k, p, True, False)
            if r is not None and r[1] == p:
                name = text[r[0] : r[1]]
                if name not in _NOT_NAMES:
                    add(r[0], r[1], r[2])
                    self._romaji_after(text, he, add)
                return

    def _after_label(self, text: str, label: str, i: int, add) -> None:
        strong = label in _STRONG_LABELS
        kana_ok = label in _KANA_LABELS
        self._read_list(text, i, add, score=0.85 if strong else 0.75, strong=strong, kana_ok=kana_ok)

    def _after_role_label(self, text: str, s: int, end: int, add) -> None:
        """対象者：, 入力者：, 保証人：, 面接官：: a label that is a role word, read like the listed labels."""
        k = s
        while k > 0 and s - k < 6 and _is_kanji(text[k - 1]):
            k -= 1
        if k == s or (k > 0 and _is_kata(text[k - 1])):
            return
        self._read_list(text, end, add, score=0.8, strong=False)

    def _after_en_label(self, text: str, ks: int, ke: int, add) -> None:
        """Booking name: Sho Ichikawa / Contact: 山田 太郎 / Attn: Keiko Matsuo in a Japanese document."""
        if ks and (text[ks - 1].isascii() and (text[ks - 1].isalnum() or text[ks - 1] in "_-.@")):
            return  # username:, filename:, photo:
        label = text[ks:ke].rstrip(": ").lower()
        strong = label in _EN_LABELS_STRONG
        if label == "name" and ks >= 2 and text[ks - 1] == " " and text[ks - 2].isascii() and text[ks - 2].isalpha():
            w0 = ks - 1
            while w0 > 0 and ks - w0 < 12 and text[w0 - 1].isascii() and text[w0 - 1].isalpha():
                w0 -= 1
            if text[w0 : ks - 1].lower() not in _EN_NAME_PREFIX:
                return  # Company Name:, Product Name:
        i = ke
        while i < len(text) and i < ke + 3 and text[i] in " \t":
            i += 1
        if i < len(text) and "A" <= text[i] <= "Z":
            r = _ROMAJI_NAME.match(text, i)
            if r is None or _EN_NOT_NAME.search(r.group()):
                return
            words = r.group().split(" ")
            if not strong and not all(_ROMAJI_JA.fullmatch(w) for w in words):
                return
            add(i, r.end(), 0.85 if strong else 0.75)
            return
        self._read_list(text, i, add, score=0.85 if strong else 0.75, strong=strong)

    def _before_desu(self, text: str, i: int, add) -> None:
        """'株式会社ミライの林です': a listed surname or full name (even one that is also a word) before です."""
        m = _DESU_NAME.match(text, i)
        if m is None:
            return
        name = m.group()
        lex = self.lex
        if name not in _NOT_NAMES and (lex.surname(name) or lex.split_full(name)):
            add(i, m.end(), 0.85)

    def _after_en_honorific(self, text: str, ks: int, ke: int, add) -> None:
        """Dear Mr. Tanaka / Ms. Keiko Matsuo: a capitalised name after an English honorific."""
        if ks and text[ks - 1].isascii() and text[ks - 1].isalpha():
            return
        i = ke
        if text[ke - 1] != " ":
            if ke >= len(text) or text[ke] != " ":
                return  # Mr.Children: a band, not a title before a name
            i += 1
        m = _EN_HON_NAME.match(text, i)
        if m is None or _EN_NOT_NAME.search(m.group()):
            return
        if " " in m.group() or _ROMAJI_JA.fullmatch(m.group()):
            add(i, m.end(), 0.85)

    def _before_self(self, text: str, p: int, add) -> None:
        """A self-introduction: '田中と申します', '、営業の佐藤です。' — the name that ends at the cue."""
        k = p
        while k > 0 and p - k < 8 and (_is_kanji(text[k - 1]) or (text[k - 1] == " " and k - 1 < p - 1)):
            k -= 1
        if k == p or (k > 0 and text[k - 1] not in "、。!！\n 」』・:の"):
            return
        if text[p] == "で" and text.startswith("です", p) and k > 0 and text[k - 1] == "の":
            return  # '…の佐藤です' is read by the の cue
        r = self._name_at(text, k, p, False, False)
        if r is not None and r[1] == p and text[r[0] : r[1]] not in _NOT_NAMES:
            add(r[0], r[1], 0.8 if text[p] != "で" else 0.7)

    def _readings(self, text: str, found: dict[tuple[int, int], float], add) -> None:
        """A reading in brackets after any name found: 杉山健太（スギヤマ ケンタ）, 市川翔（Sho Ichikawa）."""
        for (s, e), score in list(found.items()):
            if score >= 0.6 and _is_kanji(text[s]) and e < len(text) and text[e] in " (":
                self._romaji_after(text, e, add, hira=False)

    def _line_name(self, text: str, s: int, e: int, add, titled: bool = False) -> None:
        cand = text[s:e]
        lex = self.lex
        if _HON_END.search(cand):
            return  # 渡辺 様 / 田中 学さん: the honorific cue reads these
        tail = _LINE_TAIL.search(cand)
        if tail and tail.start() >= 1 and not lex.surname(cand):
            # 山本より (a signature), 山田方 (care of), 佐藤宛: the name without the word after it.
            body = cand[: tail.start()].rstrip(" ")
            if lex.split_full(body.replace(" ", "")) or (lex.surname(body) and (len(body) > 1 or not lex.common(body))):
                add(s, s + len(body), 0.8)
            return
        if " " in cand:
            a, b = cand.split(" ", 1)
            paren = titled or _reading_follows(text, e)
            if lex.surname(a) and (lex.given(b) or (paren and len(b) <= 3 and not lex.common(b))):
                add(s, e, 0.85)
                self._romaji_after(text, e, add, hira=_paren_ends_line(text, e))
            return
        if (len(cand) >= 3 or titled or _reading_follows(text, e)) and lex.split_full(cand):
            add(s, e, 0.8)
            self._romaji_after(text, e, add, hira=_paren_ends_line(text, e))

    def _csv(self, text: str, hs: int, he: int, add) -> None:
        header = text[hs:he]
        sep = "\t" if header.count("\t") > header.count(",") else ","
        cols = [c.strip().strip('"') for c in header.split(sep)]
        name_cols = {i for i, c in enumerate(cols) if c in ("氏名", "お名前", "名前", "顧客名", "会員名", "担当者")}
        kana_cols = {i for i, c in enumerate(cols) if c in ("フリガナ", "ふりがな", "カナ", "氏名カナ", "カナ氏名")}
        if not name_cols and not kana_cols:
            return
        pos = he + 1
        n = len(text)
        rows = 0
        while pos < n and rows < 100000:
            le = text.find("\n", pos)
            if le < 0:
                le = n
            if le == pos:
                break
            for idx, (cs, ce) in enumerate(split_cells(text, pos, le, sep)):
                if idx in name_cols or idx in kana_cols:
                    while cs < ce and text[cs] in ' "':
                        cs += 1
                    while ce > cs and text[ce - 1] in ' "':
                        ce -= 1
                    if ce - cs >= 1 and ce - cs <= 40:
                        add(cs, ce, 0.85)
            pos = le + 1
            rows += 1

    def _prose(self, text: str, found: dict[tuple[int, int], float], add) -> None:
        """Names without cues: a kanji run that is exactly surname + given name, a katakana foreign name;
        a kanji run that starts with a listed surname is shown to SudachiPy in a short window."""
        lex = self.lex
        covered = sorted(found)
        windows: list[tuple[int, int]] = []
        flags_get = lex.flags.get
        sur_windows: list[tuple[int, int]] = []
        flags = lex.flags
        n_text = len(text)
        # Most runs yield nothing wherever they stand (_inert_run, memoised): they are sorted out in C-level passes
        # (map, compress) and only the others are read here, in text order.
        matches = list(_PROSE_KANJI.finditer(text))
        runs = list(map(_GROUP, matches))
        inert = self._inert_runs
        quiet = list(map(inert.get, runs))
        if None in quiet:
            for j, q in enumerate(quiet):
                if q is None:
                    quiet[j] = _memoised(inert, runs[j], self._inert_run, 200000)
        for m, run in compress(zip(matches, runs, strict=True), map(not_, quiet)):
            s0, e0 = m.span()
            if e0 - s0 <= 3:
                if e0 < n_text and text[e0] in _SHORT_NEXT and text[s0:e0] in flags:
                    self._short_run(text, s0, e0, covered, sur_windows, add)
                if e0 - s0 < 3:
                    continue
            if len(run) > 3 and run[:2] in _KIN_WORDS:
                self._given_after_kin(text, s0 + 2, covered, add)
            elif (
                len(run) == 3
                and run[0] in _CN_SURNAMES
                and self._chinese_name(text, s0, e0, run)
                and not _overlaps(covered, s0, e0)
            ):
                add(s0, e0, 0.6)  # 袁世凱は / 李基文に: a Chinese or Korean name of three characters
            verdict = self._verdict(run)
            if not verdict:
                continue
            kind, offset, n, score = verdict
            s = m.start() + offset
            if kind == "name":
                if not _overlaps(covered, s, s + n):
                    add(s, s + n, score)
            elif kind == "title":
                if not _overlaps(covered, s, s + n):
                    windows.append((s, s + n))
            elif self._boundary(text, m.end(), len(text)) and not _overlaps(covered, s, s + n):
                windows.append((s, s + n))
        for m in islice(self._definitions(text), 1000):
            name = m.group(1)
            if not _PLACE_OR_ORG.search(name) and not _ORG_AFTER.search(name) and _DEFINED_AS_PERSON.search(m.group(2)):
                add(m.start(1), m.end(1), 0.7)
        for m in islice(_ROLE_RE.finditer(text), 1000 + len(text) // 16):
            self._after_role(text, m.end(), covered, add)
            if _KIN_END.search(text, max(0, m.end() - 4), m.end()):
                self._given_after_kin(text, m.end(), covered, add)
        windows.extend(sur_windows)
        if windows:
            # SudachiPy costs about 1 MB/s: at most one window per 200 characters (a few per sentence).
            self._morph_windows(text, windows[: 64 + len(text) // 200], add)
        kata_memo = self._kata_memo
        skip = -1
        for m in _PROSE_KATA.finditer(text):
            name = m.group()
            verdict = kata_memo.get(name)
            if verdict is None:
                verdict = _memoised(kata_memo, name, self._judge_katakana, 100000)
            e = m.end()
            if not verdict and (e + 1 >= n_text or text[e] != " "):
                continue  # nothing to read here (most runs)
            if m.start() < skip:
                continue
            if e + 1 < len(text) and text[e] == " " and _is_kata(text[e + 1]):
                # ヤマダ タロウ: the katakana readings of a surname and a given name, written apart.
                m2 = _PROSE_KATA.match(text, e + 1)
                if m2 is not None and "s" in flags_get(name, "") and "g" in flags_get(m2.group(), ""):
                    if not (m.start() and _is_kata(text[m.start() - 1])):
                        add(m.start(), m2.end(), 0.7)
                    skip = m2.end()
                    continue
            if not verdict:
                continue
            s, e = m.span()
            if s and _is_kata(text[s - 1]):
                continue
            after = _FOREIGN_TITLE.match(text, e) is not None
            if verdict == _KATA_MULTI_CLEAN and not _NOT_PERSON_AFTER.match(text, e):
                add(s, e, 0.75)
            elif after:
                add(s, e, 0.75 if verdict >= _KATA_SINGLE_TITLED else 0.7)
            elif (
                verdict == _KATA_SINGLE_CLEAN
                and (e >= len(text) or not (text[e].isascii() and text[e].isalnum()))
                and not _NOT_PERSON_AFTER.match(text, e)
                and not _ORG_AFTER.match(text, e)
                and not text.endswith(_LEGAL_FORMS, max(0, s - 6), s)
            ):
                add(s, e, 0.6)

    def _verdict(self, run: str) -> tuple[str, int, int, float] | tuple[()]:
        """:meth:`_judge_run`, memoised."""
        return _memoised(self._run_memo, run, self._judge_run, 100000)

    def _inert_run(self, run: str) -> bool:
        """True when :meth:`_prose` does nothing with the kanji run ``run``, whatever stands around it: not listed
        (a short run), no kinship word in front, no Chinese surname first, and a verdict of nothing."""
        n = len(run)
        if n <= 3 and run in self.lex.flags:
            return False
        if n < 3:
            return True
        if (n > 3 and run[:2] in _KIN_WORDS) or (n == 3 and run[0] in _CN_SURNAMES):
            return False
        return not self._verdict(run)

    @staticmethod
    def _line_names(text: str) -> Iterator[re.Match[str]]:
        """Matches of _LINE_NAME at the start of the text and after each newline."""
        m = _LINE_NAME.match(text)
        if m is not None:
            yield m
        yield from _LINE_NAME_NL.finditer(text)

    @staticmethod
    def _definitions(text: str) -> Iterator[re.Match[str]]:
        """Matches of _DEFINITION_RE, tried only on the lines that hold 'は、' near their start (cheaper than a
        scan of every line)."""
        last = -1
        i = text.find("は、")
        while i >= 0:
            lo = max(0, i - 85)
            nl = text.rfind("\n", lo, i)
            ls = nl + 1 if nl >= 0 else (0 if lo == 0 else -1)  # -1: the line starts too far back
            if ls >= 0 and ls != last:
                last = ls
                m = _DEFINITION_RE.match(text, ls)
                if m is not None:
                    yield m
            i = text.find("は、", i + 2)

    def _chinese_name(self, text: str, s: int, e: int, run: str) -> bool:
        """A three-character run that reads as a Chinese or Korean name before a particle: a common one-character
        surname, and no part of it listed as an ordinary word or a place."""
        if e >= len(text) or text[e] not in _PARTICLES or (s and text[s - 1].isdigit()) or run[2] in _CN_NOT_LAST:
            return False
        flags = self.lex.flags
        f, f2 = flags.get(run, ""), flags.get(run[1:], "")
        return not ("c" in f or "L" in f or "c" in f2 or run[:2] in flags)

    def _short_run(
        self, text: str, s: int, e: int, covered: list[tuple[int, int]], windows: list[tuple[int, int]], add
    ) -> None:
        """A kanji run of 2-3 characters in prose: a surname before a given name in hiragana (宮内あすか), a
        surname before a particle (shown to SudachiPy), or a given name alone before a particle (雄一は)."""
        if e >= len(text):
            return
        nxt = text[e]
        hira = "ぁ" <= nxt <= "ゖ"
        if not hira and nxt not in "、。」":
            return
        run = text[s:e]
        f = self.lex.flags.get(run, "")
        if not f:
            return
        if "S" in f:
            if hira:
                g = self._hira_given(text, e)
                if g and not _overlaps(covered, s, g):
                    add(s, g, 0.65)  # 宮内あすか: a surname and a given name written in hiragana
                    return
            if (
                nxt in _PARTICLES
                and self.morphology
                and not (s and text[s - 1].isdigit())
                and not _overlaps(covered, s, e)
            ):
                windows.append((s, e))
        elif (
            "G" in f
            and nxt in _PARTICLES
            and "c" not in f
            and "L" not in f
            and not (s and text[s - 1].isdigit())
            and not _NUMBERED.match(run)
            and not _overlaps(covered, s, e)
        ):
            add(s, e, 0.6)  # 雄一は / 千恵子の: a given name alone, listed only as a name

    def _hira_given(self, text: str, i: int) -> int:
        """End of a hiragana given name that starts at ``i`` and ends before a particle or a non-kana, else 0."""
        if i >= len(text) or not ("ぁ" <= text[i] <= "ゖ"):
            return 0
        flags = self.lex.flags
        for n in (4, 3, 2):
            e = i + n
            if e > len(text):
                continue
            f = flags.get(text[i:e], "")
            if "G" not in f or "c" in f:
                continue
            if n == 2 and (text[i] in "とのにをはがもや" or (e < len(text) and "ぁ" <= text[e] <= "ゖ")):
                continue  # 市場とや, 越後しなの: a particle, not a short given name
            if e == len(text) or not ("ぁ" <= text[e] <= "ゖ") or text[e] in "はがのとにをもや":
                return e
        return 0

    def _judge_katakana(self, name: str) -> int:
        """What a katakana run is from the lexicon alone (see the _KATA_* verdicts)."""
        lex = self.lex
        parts = _KATA_SEP.split(name)
        if len(parts) > 1:
            clean = any(_clean_foreign(lex.get(p)) for p in parts)
            if clean and len(parts) <= 4:
                return _KATA_MULTI_CLEAN
            if (
                parts[0] in _WESTERN_FIRST
                and len(parts) <= 4
                and not any("L" in (f := lex.get(p)) and "F" not in f for p in parts[1:])
            ):
                return _KATA_MULTI_CLEAN
            return _KATA_MULTI
        flags = lex.get(name)
        if "F" not in flags or "c" in flags or "L" in flags:
            return _KATA_NONE
        return _KATA_SINGLE_CLEAN if _clean_foreign(flags) and len(name) >= 3 else _KATA_SINGLE_TITLED

    def _given_after_kin(self, text: str, i: int, covered: list[tuple[int, int]], add) -> None:
        """A given name right after a kinship word: 息子の吾郎は, 三女悦子, 父・浩三郎."""
        m = _ROLE_KANJI.match(text, i)
        if m is None or len(m.group()) > 4 or _overlaps(covered, i, m.end()):
            return
        f = self.lex.get(m.group())
        if "G" in f and "c" not in f and "L" not in f:
            add(i, m.end(), 0.7)

    def _after_role(self, text: str, i: int, covered: list[tuple[int, int]], add) -> None:
        """編集者の山田太郎 / 監督の ジョン・スミス: a name right after a word for a person's role."""
        lex = self.lex
        m = _ROLE_KANJI.match(text, i)
        if m:
            name = m.group()
            t = _PROSE_TITLE.search(name)
            if t is not None and t.start() >= 1:
                name = name[: t.start()]  # 高橋課長 → 高橋
            end = i + len(name)
            if (
                (
                    (len(name) >= 3 and lex.split_full(name))
                    or _surname_head(lex, name)
                    or (lex.surname(name) and not lex.common(name))
                )
                and not _PLACE_OR_ORG.search(name)
                and not _overlaps(covered, i, end)
            ):
                add(i, end, 0.7)
            return
        m = _ROLE_KATA.match(text, i)
        if m and not _overlaps(covered, i, m.end()):
            name = m.group()
            parts = _KATA_SEP.split(name)
            if len(parts) > 1 and not _ORG_AFTER.match(text, m.end()):
                add(i, m.end(), 0.7)

    def _judge_run(self, run: str) -> tuple[str, int, int, float] | tuple[()]:
        """What a kanji run in prose is, from the lexicon alone: ("name", offset, length, score) for a name,
        ("title"/"morph", offset, length, 0) for a run worth showing to SudachiPy, () for nothing.
        A long run may hold a name after a role word: 精神病理学者式場隆三郎 → 式場隆三郎."""
        if len(run) > 14:
            return ()
        if run[-1] == "宛" and len(run) >= 3:
            run = run[:-1]  # 中村部長宛: the name and title of an addressee
        verdict = self._judge_name_run(run) if len(run) <= 8 else ()
        if len(run) < 5 or (verdict and verdict[0] == "name"):
            return verdict
        head = self._name_before_word(run)
        if head:
            return ("name", 0, head, 0.75)
        if verdict:
            return verdict
        for p in range(2, len(run) - 2):
            if run[p - 1] in _ROLE_END:
                inner = self._judge_name_run(run[p:])
                if inner and inner[0] == "name":
                    return ("name", p, inner[2], inner[3])
        return ()

    def _name_before_word(self, run: str) -> int:
        """Length of a full name that starts a longer run before a word about its bearer: 片岡千恵蔵主演,
        手塚治虫原作, 桃井直美高知県知事, 円谷英二特技監督 (both name parts listed and not ordinary words)."""
        lex = self.lex
        for k in (4, 3, 5, 6):
            if k > len(run) - 1:
                continue
            rest = run[k:]
            if not (_AFTER_FULL_NAME.match(rest) or (len(rest) <= 6 and _PROSE_TITLE.search(rest))):
                continue
            body = run[:k]
            i = lex.split_full(body)
            if i and not lex.common(body[:i]) and not lex.common(body[i:]):
                return k
        return 0

    def _judge_name_run(self, run: str) -> tuple[str, int, int, float] | tuple[()]:
        lex = self.lex
        flags = lex.flags
        if len(run) > 8:
            return ()
        if "P" in flags.get(run, ""):
            return ("name", 0, len(run), 0.75)  # a full name the dictionary lists as one word (徳川家光)
        if "S" not in flags.get(run[0], "") and "S" not in flags.get(run[:2], "") and "S" not in flags.get(run[:3], ""):
            return ()
        t = _PROSE_TITLE.search(run)
        titled = t is not None and t.start() >= 2
        body = run[: t.start()] if titled and t is not None else run
        if t is not None and 1 <= t.start() <= 3 and _PERSONAL_TITLE.fullmatch(run, t.start()):
            # 杉山課長 / 清水部長 / 林教授: a surname before a title, even one that is also a word.
            head = run[: t.start()]
            fh = flags.get(head, "")
            weak = run[t.start() :] in _WEAK_TITLE
            if "S" in fh and head not in _TITLE_PREFIXES and not (weak and (len(head) < 2 or "c" in fh or "L" in fh)):
                return ("name", 0, len(head), 0.8 if "c" not in fh else 0.7)
        k = lex.split_full(body) if len(body) <= 6 else 0
        if k:
            ca, cb = lex.common(body[:k]), lex.common(body[k:])
            if (not ca and not cb) or (titled and not (ca and cb)):
                return ("name", 0, len(body), 0.8)
            if len(body) >= 4 and not _TITLE_SUFFIX.search(body):
                return ("name", 0, len(body), 0.7 if not (ca and cb) else 0.6)
        if titled and len(body) <= 3 and lex.surname(body) and not lex.common(body):
            return ("name", 0, len(body), 0.75)
        if not self.morphology or len(body) > 5 or (not titled and _PLACE_OR_ORG.search(run)):
            return ()
        for i in (1, 2, 3):
            head = body[:i]
            if i < len(body) and (i > 1 or len(body) > 2) and "S" in (f := flags.get(head, "")) and "c" not in f:
                return ("title" if titled else "morph", 0, len(body), 0.0)
        return ()

    def _morph_windows(self, text: str, runs: list[tuple[int, int]], add) -> None:
        """Ask SudachiPy about kanji runs that start with a surname: 姓 (+ 名) at the start of the run."""
        for s, e in runs:
            lo = max(text.rfind("\n", 0, s) + 1, s - 8)
            hi = text.find("\n", e)
            hi = min(hi if hi >= 0 else len(text), e + 8)
            toks = morphology.tokens(text, lo, hi)
            for n, t in enumerate(toks):
                if t.start < s:
                    continue
                if t.start > s or t.person_part != "姓":
                    break
                end = t.end
                if n + 1 < len(toks) and toks[n + 1].person_part == "名":
                    end = toks[n + 1].end
                    add(s, end, 0.7)
                elif end == e and (e >= len(text) or not _is_kata(text[e])):
                    add(s, end, 0.6)
                break

    def _lists(self, text: str, found: dict[tuple[int, int], float], add) -> None:
        """Items of a list of names: 'A、B、Cら' where A is a name makes B and C names when they look like one."""
        todo = [(s, e) for (s, e), score in found.items() if score >= 0.6]
        covered = sorted(found)
        seen = set(todo)
        lex = self.lex
        steps = 0
        while todo and steps < 1000:
            steps += 1
            s, e = todo.pop()
            kata = _is_kata(text[s])
            for direction in (1, -1):
                if direction == 1:
                    if e >= len(text) or text[e] not in ("、・" if kata else "、・と"):
                        continue
                    m = (_LIST_KATA if kata else _LIST_KANJI).match(text, e + 1)
                    if not m:
                        continue
                    ns, ne = m.start(1), m.end(1)
                else:
                    if s < 2 or text[s - 1] not in ("、・" if kata else "、・と"):
                        continue
                    m = (_LIST_KATA_BACK if kata else _LIST_KANJI_BACK).search(text, max(0, s - 25), s - 1)
                    if not m:
                        continue
                    ns, ne = m.start(1), m.end(1)
                cand = text[ns:ne]
                if not kata:
                    t = _TITLE_SUFFIX.search(cand) or _HON_TAIL.search(cand)
                    if t and t.start() >= 2:
                        ne = ns + t.start()
                        cand = text[ns:ne]
                if _overlaps(covered, ns, ne):
                    continue
                cf = lex.get(cand)
                if (ns, ne) in seen or _PLACE_OR_ORG.search(cand) or "c" in cf or ("L" in cf and "S" not in cf):
                    continue
                if not kata and not (lex.split_full(cand) or "S" in cf or _surname_head(lex, cand)):
                    continue
                if kata and not _clean_foreign(lex.get(cand)) and "・" not in cand:
                    continue
                seen.add((ns, ne))
                add(ns, ne, 0.6)
                todo.append((ns, ne))

    def _repeat_surnames(self, text: str, found: dict[tuple[int, int], float], add) -> None:
        """Once a cue has shown a surname, its other bare occurrences in the document are names too."""
        surnames: set[str] = set()
        for (s, e), _score in list(found.items()):
            name = text[s:e]
            if not name or not _is_kanji(name[0]):
                continue
            head = name.split(" ", 1)[0]
            if head != name:
                surnames.add(head)
            else:
                k = self.lex.split_full(name)
                surnames.add(name[:k] if k else name)
        for sur in surnames:
            if not self.lex.surname(sur) or (len(sur) == 1 and self.lex.common(sur)):
                continue
            i = text.find(sur)
            while i >= 0:
                e = i + len(sur)
                prev = text[i - 1] if i else "\n"
                if (
                    not _is_kanji(prev)
                    and (e >= len(text) or not _is_kanji(text[e]))
                    and (i, e) not in found
                    and self._boundary(text, e, len(text))
                    and prev not in "@._-"
                    and not (prev.isascii() and prev.isalnum())
                ):
                    add(i, e, 0.7)
                i = text.find(sur, e)

    @staticmethod
    def _drop_nested(found: dict[tuple[int, int], float]) -> Iterator[tuple[tuple[int, int], float]]:
        """Keep the longest of overlapping candidates (山田 太郎 over 山田)."""
        items = sorted(found.items(), key=lambda kv: (-(kv[0][1] - kv[0][0]), -kv[1], kv[0][0]))
        starts: list[int] = []
        ends: list[int] = []
        for (s, e), score in items:
            i = bisect_right(starts, s)
            if i and ends[i - 1] > s:
                continue
            if i < len(starts) and starts[i] < e:
                continue
            starts.insert(i, s)
            ends.insert(i, e)
            yield (s, e), score


RECOGNIZERS: tuple[type[Recognizer], ...] = (JapanesePersonRecognizer,)
