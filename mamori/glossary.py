"""The one glossary of Japanese (and English) labels: entity types, special-care kinds, reason codes, actions.

Every surface that names a type of personal data or a reason in words reads it here: the guard's ``detail_ja``,
``mamori check --explain``, the gateway's notices, the web pages, the check API's messages, the CLI. Codes and type
names stay in machine fields (JSON keys and values, HTML attributes); a person reads these labels. A type this
list does not know (an organisation's own pattern in ``[detect]``) gets the generic label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

# entity type: (Japanese, English)
ENTITY_LABELS: dict[str, tuple[str, str]] = {
    "PERSON": ("氏名", "names"),
    "ORGANIZATION": ("組織名", "organisation names"),
    "ADDRESS": ("住所", "addresses"),
    "POSTAL_CODE": ("郵便番号", "postal codes"),
    "PHONE": ("電話番号", "phone numbers"),
    "EMAIL": ("メールアドレス", "e-mail addresses"),
    "MY_NUMBER": ("マイナンバー（個人番号）", "My Number (individual numbers)"),
    "CORPORATE_NUMBER": ("法人番号", "corporate numbers"),
    "CREDIT_CARD": ("クレジットカード番号", "credit card numbers"),
    "BANK_ACCOUNT": ("銀行口座番号", "bank account numbers"),
    "DATE_OF_BIRTH": ("生年月日", "dates of birth"),
    "DRIVERS_LICENSE": ("運転免許証番号", "driving licence numbers"),
    "PASSPORT": ("旅券番号", "passport numbers"),
    "RESIDENCE_CARD": ("在留カード番号", "residence card numbers"),
    "HEALTH_INSURANCE": ("健康保険証の記号・番号", "health insurance numbers"),
    "PENSION_NUMBER": ("基礎年金番号", "pension numbers"),
    "IP_ADDRESS": ("IPアドレス", "IP addresses"),
    "IBAN": ("国際銀行口座番号", "international bank account numbers"),
    "US_SSN": ("米国社会保障番号", "US social security numbers"),
    "LOCATION": ("地名", "place names"),
    "SENSITIVE": ("要配慮個人情報", "special-care personal information"),
}
OTHER_TYPE = ("その他の個人情報", "other personal data")  # a custom type from [detect]

# special-care sub-kinds (SENSITIVE's subtype): (Japanese, English)
SENSITIVE_LABELS: dict[str, tuple[str, str]] = {
    "medical": ("病歴・健康情報", "medical"),
    "disability": ("障害", "disability"),
    "criminal": ("犯罪歴", "criminal record"),
    "creed": ("信条・宗教", "creed"),
    "race": ("人種・出自", "race or origin"),
    "social_status": ("社会的身分", "social status"),
    "crime_victim": ("犯罪被害", "crime victim"),
    "sensitive": ("要配慮個人情報", "special-care information"),
}
BY_FILE_NAME = ("ファイル名から", "file name")

# what stopped an attachment's inspection (unscannable_attachment's causes): (English, Japanese)
CAUSES: dict[str, tuple[str, str]] = {
    "encrypted": ("encrypted", "暗号化"),
    "too_large": ("too large", "サイズ超過"),
    "ratio": ("suspicious compression ratio", "異常な圧縮率"),
    "depth": ("nested too deeply", "入れ子が深すぎる"),
    "members": ("too many files", "ファイル数超過"),
    "timeout": ("time limit reached", "時間切れ"),
    "corrupt": ("damaged", "破損"),
    "truncated": ("text limit reached", "文字数上限"),
    "pages": ("too many pages; the rest not read", "ページ数超過・残りは未確認"),
    "unsupported": ("format not supported", "未対応の形式"),
    "unsupported archive": ("archive format or method not supported", "未対応の圧縮形式"),
    "unread_text": ("too much text; the rest not read", "文字量超過・残りは未確認"),
    "image": ("image (no text recognition)", "画像（文字認識なし）"),
    "encoding": ("some bytes undecodable", "一部の文字を復号できない"),
}
# how a message's MIME structure was damaged: the ``detail`` of an extraction issue ``corrupt`` (extract/mime.py),
# shown after "damaged" in unscannable_attachment's reason: (English, Japanese); never the part's content
MIME_DAMAGE: dict[str, tuple[str, str]] = {
    "no_closing_boundary": ("the closing boundary is missing (the message was cut off)",
                            "終わりの区切りがない（途中で切れている）"),
    "no_start_boundary": ("the boundary never appears, so its parts could not be separated",
                          "区切りが見つからず、パートを分けられない"),
    "no_boundary": ("a multipart without a boundary, so its parts could not be separated",
                    "区切りの指定がなく、パートを分けられない"),
    "header_cut": ("a part's header is cut or broken", "パートのヘッダが途中で切れている、または壊れている"),
    "base64_characters": ("base64 with characters outside its alphabet, not decodable",
                          "base64 として復号できない文字がある"),
    "base64_cut": ("base64 cut short (its length is not a multiple of 4)", "base64 が途中で切れている"),
    "unknown_encoding": ("an unknown Content-Transfer-Encoding, not decoded",
                         "不明な転送エンコーディング（Content-Transfer-Encoding）のため復号できない"),
    "partial": ("a fragment of a larger message (message/partial): the rest is not in it",
                "大きなメッセージの一部分（message/partial）で、残りが含まれていない"),
    "external_body": ("its content is kept outside the message (message/external-body), not read",
                      "内容がメッセージの外にある（message/external-body）ため読み取れない"),
}
# evidence items that start with a word: (prefix as the guard writes it, Japanese)
_EVIDENCE_PREFIXES = (("envelope: ", "実際の送信者: "), ("From: ", "差出人（From）: "))


class ReasonText(NamedTuple):
    """A reason code in words: a short title (lists, headings) and one everyday sentence (summaries)."""

    title_ja: str
    title_en: str
    sentence_ja: str
    sentence_en: str


REASONS: dict[str, ReasonText] = {
    "external_recipient": ReasonText(
        "社外の宛先があります", "External recipients",
        '社外の人に送ろうとしています。',
        'It is addressed to people outside the company.',
    ),
    "first_time_recipient": ReasonText(
        "初めて送る宛先があります", "First-time recipients",
        'これまでにやり取りのない相手に送ろうとしています。',
        'It goes to someone the sender has never written to before.',
    ),
    "similar_recipient": ReasonText(
        "似た名前の別の宛先があります", "A similar but different recipient",
        'いつもの相手とよく似た、別の人のアドレスに送ろうとしています（宛先の選び間違いかもしれません）。',
        "It goes to an address that looks like a usual contact's but is someone else's (possibly the wrong pick).",
    ),
    "content_recipient_mismatch": ReasonText(
        "本文の宛名と宛先の会社が違います", "Body addressee does not match",
        '本文に書かれた宛名の会社と、実際の宛先の会社が違います（送り先の間違いかもしれません）。',
        'The company named in the text is not the company it is sent to (possibly the wrong recipient).',
    ),
    "attachment_recipient_mismatch": ReasonText(
        "添付ファイルと宛先が合っていません", "Attachment does not match",
        '添付ファイルに書かれた相手と、実際の宛先が違います（別の人向けのファイルかもしれません）。',
        'The attachment is about someone other than the recipient (possibly a file meant for someone else).',
    ),
    "open_recipient_list": ReasonText(
        "社外の宛先が互いに見えます", "Recipients visible to each other",
        '社外の宛先どうしが互いのアドレスを見られる形で送られます。',
        "The outside recipients would see each other's addresses.",
    ),
    "multiple_external_orgs": ReasonText(
        "複数の会社に同時に送ります", "Several organisations at once",
        '複数の社外の会社に同じメールを同時に送ろうとしています。',
        'The same mail goes to several outside companies at once.',
    ),
    "lookalike_domain": ReasonText(
        "よく似た別のドメインです", "Look-alike domain",
        '宛先が、よく知っている会社のアドレスに似せた別のアドレスです（なりすましや打ち間違いの恐れがあります）。',
        "An address imitates a known company's (a fake or a typo).",
    ),
    "pii_in_attachment": ReasonText(
        "個人情報が含まれています", "Personal data",
        'メールや添付ファイルに、個人の名前や連絡先などの個人情報が含まれています。',
        "The mail or its attachment contains people's personal details, such as names or contact details.",
    ),
    "bulk_pii": ReasonText(
        "大量の個人情報が含まれています", "Personal data in bulk",
        '添付ファイルなどに、多くの人の個人情報がまとめて含まれています（名簿や顧客一覧のようなものです）。',
        'It carries personal details of many people at once (like a customer list).',
    ),
    "sensitive_pii": ReasonText(
        "要配慮個人情報・番号が含まれています", "Sensitive personal data",
        '病歴やマイナンバーなど、特に慎重な扱いが必要な個人情報が含まれています。',
        'It contains especially sensitive personal information, such as health details or ID numbers.',
    ),
    "unscannable_attachment": ReasonText(
        "中身を確認できない添付ファイル", "Attachment that cannot be inspected",
        '中身を確認できない添付ファイル（パスワード付きなど）があり、安全かどうか判断できません。',
        'An attachment could not be opened and checked (password-protected, for example).',
    ),
    "blocked_recipient": ReasonText(
        "送信禁止の宛先", "Blocked recipient",
        '会社の決まりで送ってはいけない宛先が含まれています。',
        "It goes to an address the company's rules forbid.",
    ),
    "blocked_attachment": ReasonText(
        "送信禁止の添付ファイル", "Blocked attachment",
        '会社の決まりで送ってはいけない種類の添付ファイルがあります。',
        "It has an attachment of a kind the company's rules forbid.",
    ),
    "unknown_recipient": ReasonText(
        "アドレス帳で特定できない宛先", "Recipient not in the directory",
        'どこの会社の人か分からない宛先が含まれています。',
        'It goes to an address that cannot be matched to any known company.',
    ),
    "recipient_organization_mismatch": ReasonText(
        "宛先の名前と会社が合っていません", "Recipient and company do not match",
        '宛先の名前と、そのアドレスの会社が合っていません（送り先の間違いかもしれません）。',
        "A recipient's name does not fit the company of their address (possibly the wrong recipient).",
    ),
    "sender_mismatch": ReasonText(
        "差出人と実際の送信者が違います", "Sender is not the submitter",
        '差出人として表示される人と、実際に送信した人が違います。',
        'The sender shown in the mail is not the person who actually sent it.',
    ),
    "malformed_message": ReasonText(
        "形式に問題があり内容を確認できないメール", "Message that could not be read",
        'メールの形式に問題があり、中身を確認できませんでした。',
        'The mail is malformed and its content could not be checked.',
    ),
    "guard_error": ReasonText(
        "確認処理でエラーが起きました", "The check failed",
        '確認の途中でエラーが起きたため、念のため止めています。',
        'The check failed on this mail, so it was stopped to be safe.',
    ),
    "malformed_address": ReasonText(
        "使えない文字を含むアドレス", "Address with forbidden characters",
        'アドレスに使えない文字が含まれていて、宛先を正しく確認できません。',
        'An address holds characters no address may hold, so the recipients cannot be checked.',
    ),
}
OTHER_REASON = ReasonText(
    "確認が必要な点があります",
    "Something needs checking",
    "社外に送る前に確認が必要な点が見つかりました。",
    "Something needs checking before this mail leaves.",
)

# the problem codes of the paper checks (``mamori letters check``, ``mamori fax check``; docs/letters.md): a title (the
# terminal and HTML reports' label) and what it means and what to do. Some codes share a name with a mail reason
# (unknown_recipient, similar_recipient) but mean something else on paper, hence dictionaries of their own.
LETTER_PROBLEMS: dict[str, ReasonText] = {
    "unknown_recipient": ReasonText(
        "宛先不明", "unknown recipient",
        "宛名がリストのどの宛先とも一致しません（または最初の宛名より前にページがあります）。PDF とリストが同じ"
        "抽出条件で出力されたものか、宛先マスタを確かめてください。",
        "The address block matches no entry of the list (or pages come before the first address block). Check that"
        " the run and the list come from the same selection, and check the address master.",
    ),
    "name_mismatch": ReasonText(
        "宛名の氏名違い", "name mismatch",
        "リストにある宛先の住所ですが、氏名（会社名）が違います。誤字や、同じ住所の家族・同僚との取り違えがないか"
        "確かめ、氏名を直してください。",
        "The address is an entry's, but the name is not: a typo, or a family member or colleague at the same"
        " address mixed up? Correct the name.",
    ),
    "address_mismatch": ReasonText(
        "住所違い", "address mismatch",
        "リストにある宛先の氏名ですが、住所か郵便番号がリストと違います。転居の反映漏れや同姓同名の別人でないか"
        "確かめ、住所を直してください。",
        "The name is an entry's, but the address or postal code is not the list's: a move not applied, or a"
        " namesake? Correct the address.",
    ),
    "postal_code_mismatch": ReasonText(
        "郵便番号違い", "postal code mismatch",
        "郵便番号がその住所のものではありません（日本郵便のデータ）。住所から郵便番号を引き直してください。",
        "The postal code does not belong to the address (Japan Post's data). Look the code up again from the"
        " address.",
    ),
    "foreign_page": ReasonText(
        "他の宛先のページ混入", "another recipient's page",
        "同封のページに、別の宛先のお客様番号か氏名が載っています（他人の書類の混入）。差し込み印刷の並びと丁合を"
        "確かめ、そのページを正しい封書に移してください。",
        "A page of the letter names another entry of the list by customer number or full name: another customer's"
        " document in the envelope. Check the merge order and collation; move the page to its own letter.",
    ),
    "duplicate_recipient": ReasonText(
        "同じ宛先に二通", "second letter to the same recipient",
        "同じ宛先への2通目です（後の方に付きます）。重複を除いてください。",
        "A second letter to the same recipient (marked on the later one). Remove the duplicate.",
    ),
    "outside_window": ReasonText(
        "窓からはみ出し", "outside the window",
        "宛名が封筒の窓からはみ出します。帳票の宛名欄の位置や、長い住所の折り返しを直してください。",
        "The address block is not wholly inside the envelope window. Move the form's address block, or wrap long"
        " addresses.",
    ),
    "unreadable_page": ReasonText(
        "読めないページ", "unreadable page",
        "文字情報のないページです（画像だけ、または白紙）。目で確かめるか、文字情報付きの PDF で出力し直して"
        "ください。",
        "A page without text (an image only, or blank). Check it by eye, or export the PDF with its text.",
    ),
}
FAX_PROBLEMS: dict[str, ReasonText] = {
    "invalid_number": ReasonText(
        "かけられない番号", "invalid number",
        "かけられる番号ではありません（桁の抜けや重なり）。番号を直してください。",
        "Not a dialable number (a digit dropped or added). Correct it.",
    ),
    "recipient_organization_mismatch": ReasonText(
        "番号の組織違い", "number of another organisation",
        "アドレス帳では別の組織の番号です。宛先と番号の組み合わせを直してください。",
        "The number is another organisation's in the directory. Fix the pairing of destination and number.",
    ),
    "similar_recipient": ReasonText(
        "番号の打ち間違い？", "number one digit off",
        "誰の番号でもなく、宛先の組織の番号と1桁違い（または隣り合う2桁の入れ替え）です。打ち間違いを直して"
        "ください。",
        "Nobody's number, one digit off (or two adjacent digits swapped) from a number of the organisation: correct"
        " the typo.",
    ),
    "unknown_recipient": ReasonText(
        "宛先不明", "unknown recipient",
        "組織か番号がアドレス帳にありません。先方に確かめ、正しければアドレス帳に登録してください。",
        "The organisation or the number is not in the directory. Confirm with them; if it is right, add it to the"
        " directory.",
    ),
}

# a verdict's action, which is also a reason's severity
ACTIONS: dict[str, tuple[str, str]] = {
    "allow": ("送信可", "Allow"),
    "confirm": ("要確認", "Confirm"),
    "hold": ("保留", "Hold"),
    "block": ("送信禁止", "Block"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def entity_label(entity_type: str, lang: str = "ja") -> str:
    """How a person reads a type of personal data: 住所 for ADDRESS; the generic label for a type not listed."""
    return _pick(ENTITY_LABELS.get(entity_type, OTHER_TYPE), lang)


def entity_labels(types: Iterable[str], lang: str = "ja") -> str:
    """Several types as one phrase (``住所、生年月日``), each label once, in the glossary's order."""
    order = {t: i for i, t in enumerate(ENTITY_LABELS)}
    labels = [entity_label(t, lang) for t in sorted(set(types), key=lambda t: (order.get(t, len(order)), t))]
    return ("、" if lang != "en" else ", ").join(dict.fromkeys(labels))


def sensitive_label(kind: str, lang: str = "ja") -> str:
    """A special-care sub-kind in words (病歴・健康情報 for medical); ``"medical (file name)"`` is a kind read from a
    file's name."""
    base, by_name = (kind[: -len(" (file name)")], True) if kind.endswith(" (file name)") else (kind, False)
    label = _pick(SENSITIVE_LABELS.get(base, SENSITIVE_LABELS["sensitive"]), lang)
    if not by_name:
        return label
    return f"{label} ({BY_FILE_NAME[1]})" if lang == "en" else f"{label}（{BY_FILE_NAME[0]}）"


def reason_title(code: str, lang: str = "ja") -> str:
    r = REASONS.get(code, OTHER_REASON)
    return r.title_en if lang == "en" else r.title_ja


def reason_sentence(code: str, lang: str = "ja") -> str:
    r = REASONS.get(code, OTHER_REASON)
    return r.sentence_en if lang == "en" else r.sentence_ja


def paper_problem(kind: str, code: str) -> ReasonText:
    """A problem code of the paper checks in words: ``kind`` ``letters`` or ``fax``; an unknown code gets the generic
    text."""
    return (FAX_PROBLEMS if kind == "fax" else LETTER_PROBLEMS).get(code, OTHER_REASON)


def action_label(action: str, lang: str = "ja") -> str:
    return _pick(ACTIONS.get(action, (action, action)), lang)


def evidence_label(item: str, lang: str = "ja") -> str:
    """An evidence item as a person reads it: the guard's evidence is language-neutral (masked values, file names,
    and a few keywords: special-care kinds, what stopped an inspection); in Japanese the keywords become labels."""
    if lang == "en":
        return item
    if item in CAUSES:
        return CAUSES[item][1]
    kind = item.removesuffix(" (file name)")
    if kind in SENSITIVE_LABELS:
        return sensitive_label(item)
    for prefix, ja in _EVIDENCE_PREFIXES:
        if item.startswith(prefix):
            return ja + item[len(prefix) :]
    return item


def machine_terms() -> frozenset[str]:
    """What must not appear in a Japanese text: every entity type name and reason code."""
    return frozenset(ENTITY_LABELS) | frozenset(REASONS)


_WORDS = "|".join(sorted(machine_terms(), key=len, reverse=True))
_TERM = re.compile(rf"(?<![A-Za-z0-9_])({_WORDS})(?![A-Za-z0-9_])")


def machine_terms_in(text: str) -> list[str]:
    """The entity type names and reason codes a text shows a person (case-sensitive, whole words)."""
    return [m.group(1) for m in _TERM.finditer(text)]


def in_words(text: str, lang: str = "ja") -> str:
    """A stored text (an audit entry's detail: ``bulk_pii similar_recipient``) with each reason code and type name
    replaced by its label, for a person reading it in ``lang``; English keeps the codes."""
    if lang == "en":
        return text
    return _TERM.sub(lambda m: entity_label(t) if (t := m.group(1)) in ENTITY_LABELS else reason_title(t), text)

