"""The addressee a message opens with (株式会社A 営業部 佐藤様 / A社 御中 / ご担当者様 / Dear Mr Sato).

Only the author's own text counts: the quoted part of a reply or forward and the signature are cut first.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_QUOTE_START = re.compile(
    r"^\s*(>|＞|-{2,}\s*Original Message|-{2,}\s*Forwarded|_{5,}\s*$|From\s*[:：]|差出人\s*[:：]|送信者\s*[:：]"
    r"|送信元\s*[:：]|[-―ー─=＝]{2,}\s*(元の|転送|オリジナル|Forward|以下)|Begin forwarded message|Forwarded message"
    r"|.*(wrote|書きました|書き込みました|のメール)[:：]\s*$|.*(wrote|書きました|書き込みました)\s*$)",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^\s*(--|-- |[━＿_=＝─-]{6,})\s*$")
_TITLES = "部長|課長|係長|社長|専務|常務|室長|所長|支店長|先生|会長|院長|教授|主任"
# 様/御中/殿 at the end of the line, maybe before a bracketed company (佐藤様（株式会社A）), or a title written
# straight after the name (佐藤部長)
# 先生 also stands apart from the name (「弁護士 高橋 陽子 先生」「金子 先生」: counsel, doctors, teachers)
_HONORIFIC = re.compile(
    rf"((様|御中|殿|各位|さま)\s*([（(][^）)]{{1,40}}[）)])?|(?<=\S)({_TITLES})|(?<=\S)[ \u3000]+先生)"
    r"\s*[,、，:：]?\s*$"
)
_TITLE_END = re.compile(rf"^(.+?)({_TITLES})$")
_NOT_A_NAME = re.compile(
    r"営業|総務|経理|人事|技術|開発|製造|企画|広報|法務|購買|品質|業務|事業|代表|取締|[部課室所局本支]$"
)
# a title, or titles joined for a reader whose gender the writer does not know (Mr./Ms., Mr or Mrs, Ms/Mr)
_EN_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?"
_DEAR = re.compile(
    rf"^\s*(?:Dear|Hello|Hi)\s+(?:{_EN_TITLE}(?:\s*(?:/|&|or)\s*{_EN_TITLE})*\s+)?"
    r"([A-Za-z][\w'.-]*(?:\s+[A-Za-z][\w'.-]*)?)",
    re.I,
)
_GENERIC = (
    "ご担当者",
    "担当者",
    "各位",
    "皆様",
    "皆さま",
    "みなさま",
    "関係者",
    "御担当",
    "お客様",
    "会員様",
    "ご一同",
)
# "Dear Sirs", "Dear Sir or Madam", "Hello all", "Dear Valued Customer", "To whom it may concern": nobody by name
_GENERIC_EN = re.compile(
    r"^\s*(?:(?:dear|hello|hi|greetings)\b[\s,]*(?:(?:my|our|all|valued|esteemed)\s+)*"
    r"(?:sirs?|madam|sir\s*(?:or|/)\s*madam|all|everyone|everybody|team|colleagues|customers?|clients?|members?|"
    r"partners?|friends|there|folks|guys|hiring\s+manager|recruiter|support|sales|(?:the\s+)?\w+\s+team)\b"
    r"|to\s+whom\s+it\s+may\s+concern|greetings\s*[,!]?\s*$)",
    re.IGNORECASE,
)
# a child's name, then 「さんの保護者」「さん 保護者」「くんのお母」「のご家族」: the child's guardian is addressed
_NAME_PART = r"[\u4e00-\u9fff々〆ヶ\u3041-\u309f\u30a1-\u30faー]{1,6}"
_GUARDIAN = re.compile(
    rf"^({_NAME_PART}(?:[ \u3000]+{_NAME_PART})?)[ \u3000]*(?:さん|くん|君|ちゃん)[ \u3000]*の?[ \u3000]*"
    r"(?:保護者|ご家族|御家族|ご両親|ご父兄|父兄|ご父母|お父|お母)$"
)
_BRACKETED = re.compile(r"[（(【\[]([^）)】\]]{1,40})[）)】\]]")
_HONORIFIC_SUFFIX = re.compile(r"[-\s]?(?:san|sama|sensei|dono|kun|chan)$", re.IGNORECASE)
_ORG_MARK = re.compile(
    r"(株式会社|有限会社|合同会社|法人|\(株\)|（株）|㈱|\(有\)|（有）|㈲|社\s*$|組合|協会|大学|病院|銀行)"
)
_DEPT = re.compile(
    r"(部|課|室|局|グループ|チーム|センター|本部|支店|営業所|事業所|工場|部長|課長|係長|主任|室長|所長|社長|取締役|代表|マネージャー|様|御中|殿)$"
)


@dataclass(frozen=True, slots=True)
class Salutation:
    """The opening: its text, the organisation words and the person's name (``姓`` or ``姓 名``) if any."""

    text: str = ""
    orgs: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    generic: bool = False
    # children (students, patients, members) the opening addresses the guardians of: 「翔太さんの保護者様」,
    # 「田中 凛さん 保護者様」, 「陽斗くんのお母様」 -> 翔太, 田中 凛, 陽斗 (names as written, not in ``names``)
    wards: tuple[str, ...] = ()

    @property
    def surname(self) -> str:
        return self.names[0].split()[0] if self.names else ""

    @property
    def names_surnames(self) -> tuple[str, ...]:
        """The surname of every name of the opening (佐藤 学 -> 佐藤)."""
        return tuple(n.split()[0] for n in self.names if n.split())


@functools.lru_cache(maxsize=16)  # the body analysis and the salutation checks both ask, for the same body
def own_text(body: str) -> str:
    """The body without the quoted part of a reply/forward and without the signature."""
    out: list[str] = []
    for line in body.splitlines():
        if _QUOTE_START.match(line) or _SIGNATURE.match(line):
            break
        out.append(line)
    return "\n".join(out)


def opening_lines(body: str, limit: int = 5) -> list[str]:
    """The first lines up to the first blank line after some text (the addressee block)."""
    lines: list[str] = []
    for line in own_text(body).splitlines():
        if not line.strip():
            if lines:
                break
            continue
        lines.append(line.strip())
        if len(lines) >= limit:
            break
    return lines


def parse(body: str, known_orgs: list[str] | None = None) -> Salutation:
    """The salutation of ``body``; ``known_orgs`` are organisation names to recognise as such (longest first)."""
    lines = opening_lines(body)
    if not lines:
        return Salutation()
    if _GENERIC_EN.match(lines[0]):
        return Salutation(lines[0], (), (), True)
    block = [ln for ln in lines if _HONORIFIC.search(ln) or _ORG_MARK.search(ln) or _DEAR.match(ln)]
    # the block must end at a line with an honorific (or be an English greeting)
    if not any(_HONORIFIC.search(ln) or _DEAR.match(ln) for ln in block):
        return Salutation()
    text = "\n".join(lines[: max(i for i, ln in enumerate(lines) if _HONORIFIC.search(ln) or _DEAR.match(ln)) + 1])
    generic = any(g in text for g in _GENERIC) or bool(_GENERIC_EN.match(lines[0]))
    dear = _DEAR.match(lines[0])
    if dear:
        name = _HONORIFIC_SUFFIX.sub("", dear.group(1).split()[-1].rstrip(",.:;!")) or dear.group(1).split()[-1]
        named = [o for o in sorted(known_orgs or (), key=len, reverse=True) if o in text]  # Dear Mr Sato (A社)
        return Salutation(text, tuple(dict.fromkeys(named[:1])), () if generic else (name,), generic)
    orgs: list[str] = []
    names: list[str] = []
    wards: list[str] = []
    for line in text.splitlines():
        rest = line
        for org in sorted(known_orgs or (), key=len, reverse=True):
            if org in rest:
                orgs.append(org)
                rest = rest.replace(org, " ")
        named_line = _HONORIFIC.search(line) and not generic and "御中" not in line
        if named_line:
            # a bracket on a name line holds a post or a reading (製造部（派遣先責任者） 鈴木様, 鈴木（すずき）様),
            # not a name; an organisation there is still one (佐藤様（株式会社A）)
            rest = _BRACKETED.sub(lambda m: m.group() if _ORG_MARK.search(m.group()) else " ", rest)
        rest = re.sub(r"[（()）【】\[\]]", " ", rest)
        if not named_line:
            orgs.extend(t for t in re.split(r"[\s\u3000]+", rest) if t and _ORG_MARK.search(t))
            continue
        # 「佐藤様、鈴木様」: one name per honorific
        for part in re.split(r"(?:様|さま|殿)\s*[、,，・/]?\s*", rest):
            guardian = _GUARDIAN.match(part.strip())
            if guardian:
                wards.append(" ".join(guardian.group(1).split()))
                continue
            kept: list[str] = []
            for tok in (t for t in re.split(r"[\s\u3000、,，]+", part) if t and t != "先生"):
                titled = _TITLE_END.match(tok)  # 佐藤部長 -> 佐藤 (営業部長 is a post, not a name)
                if titled and len(titled.group(1)) <= 4 and not _NOT_A_NAME.search(titled.group(1)):
                    tok = titled.group(1)
                if _ORG_MARK.search(tok):
                    orgs.append(tok)
                elif not _DEPT.search(tok) and not any(g in tok for g in _GENERIC):
                    kept.append(tok)
            if kept:
                names.append(" ".join(kept[-2:]) if len(kept) > 2 else " ".join(kept))
    return Salutation(text, tuple(dict.fromkeys(orgs)), tuple(names), generic, tuple(dict.fromkeys(wards)))
