"""Why mamori stopped a mail, in one sentence a non-specialist understands (Japanese and English).

The one place for these sentences: the approver's notice and the message page both call ``summary``. A sentence
per reason code (the guard's ``CODES`` and the gateway's own), written for an office worker: no codes, no type
names, no jargon. The summary is the sentence of the most serious reason, and how many other reasons there are.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# code: (Japanese, English) — what happened, in everyday words
SENTENCES: dict[str, tuple[str, str]] = {
    "external_recipient": (
        "社外の人に送ろうとしています。",
        "It is addressed to people outside the company.",
    ),
    "first_time_recipient": (
        "これまでにやり取りのない相手に送ろうとしています。",
        "It goes to someone the sender has never written to before.",
    ),
    "similar_recipient": (
        "いつもの相手とよく似た、別の人のアドレスに送ろうとしています（宛先の選び間違いかもしれません）。",
        "It goes to an address that looks like a usual contact's but is someone else's (possibly the wrong pick).",
    ),
    "content_recipient_mismatch": (
        "本文に書かれた宛名の会社と、実際の宛先の会社が違います（送り先の間違いかもしれません）。",
        "The company named in the text is not the company it is sent to (possibly the wrong recipient).",
    ),
    "attachment_recipient_mismatch": (
        "添付ファイルに書かれた相手と、実際の宛先が違います（別の人向けのファイルかもしれません）。",
        "The attachment is about someone other than the recipient (possibly a file meant for someone else).",
    ),
    "open_recipient_list": (
        "社外の宛先どうしが互いのアドレスを見られる形で送られます。",
        "The outside recipients would see each other's addresses.",
    ),
    "multiple_external_orgs": (
        "複数の社外の会社に同じメールを同時に送ろうとしています。",
        "The same mail goes to several outside companies at once.",
    ),
    "lookalike_domain": (
        "宛先が、よく知っている会社のアドレスに似せた別のアドレスです（なりすましや打ち間違いの恐れがあります）。",
        "An address imitates a known company's (a fake or a typo).",
    ),
    "pii_in_attachment": (
        "メールや添付ファイルに、個人の名前や連絡先などの個人情報が含まれています。",
        "The mail or its attachment contains people's personal details, such as names or contact details.",
    ),
    "bulk_pii": (
        "添付ファイルなどに、多くの人の個人情報がまとめて含まれています（名簿や顧客一覧のようなものです）。",
        "It carries personal details of many people at once (like a customer list).",
    ),
    "sensitive_pii": (
        "病歴やマイナンバーなど、特に慎重な扱いが必要な個人情報が含まれています。",
        "It contains especially sensitive personal information, such as health details or ID numbers.",
    ),
    "unscannable_attachment": (
        "中身を確認できない添付ファイル（パスワード付きなど）があり、安全かどうか判断できません。",
        "An attachment could not be opened and checked (password-protected, for example).",
    ),
    "blocked_recipient": (
        "会社の決まりで送ってはいけない宛先が含まれています。",
        "It goes to an address the company's rules forbid.",
    ),
    "blocked_attachment": (
        "会社の決まりで送ってはいけない種類の添付ファイルがあります。",
        "It has an attachment of a kind the company's rules forbid.",
    ),
    "unknown_recipient": (
        "どこの会社の人か分からない宛先が含まれています。",
        "It goes to an address that cannot be matched to any known company.",
    ),
    "recipient_organization_mismatch": (
        "宛先の名前と、そのアドレスの会社が合っていません（送り先の間違いかもしれません）。",
        "A recipient's name does not fit the company of their address (possibly the wrong recipient).",
    ),
    "sender_mismatch": (
        "差出人として表示される人と、実際に送信した人が違います。",
        "The sender shown in the mail is not the person who actually sent it.",
    ),
    "malformed_message": (
        "メールの形式に問題があり、中身を確認できませんでした。",
        "The mail is malformed and its content could not be checked.",
    ),
    "guard_error": (
        "確認の途中でエラーが起きたため、念のため止めています。",
        "The check failed on this mail, so it was stopped to be safe.",
    ),
    "malformed_address": (
        "アドレスに使えない文字が含まれていて、宛先を正しく確認できません。",
        "An address holds characters no address may hold, so the recipients cannot be checked.",
    ),
}
FALLBACK = ("社外に送る前に確認が必要な点が見つかりました。", "Something needs checking before this mail leaves.")
# the most serious first: blocks, then what may expose many people, then wrong-recipient signs, then the rest
_ORDER = (
    "blocked_recipient", "blocked_attachment", "sensitive_pii", "bulk_pii", "sender_mismatch", "lookalike_domain",
    "similar_recipient", "content_recipient_mismatch", "attachment_recipient_mismatch",
    "recipient_organization_mismatch", "pii_in_attachment", "unscannable_attachment", "open_recipient_list",
    "malformed_address", "malformed_message", "guard_error", "multiple_external_orgs", "unknown_recipient",
    "first_time_recipient", "external_recipient",
)
_SEVERITY = {"block": 0, "hold": 1, "confirm": 2}


def sentence(code: str, lang: str) -> str:
    ja, en = SENTENCES.get(code, FALLBACK)
    return en if lang == "en" else ja


def codes_of(reasons: Iterable[dict[str, Any]]) -> list[str]:
    """The reason codes, most serious first (severity, then the order above), each once."""
    rows = [r for r in reasons if isinstance(r, dict) and isinstance(r.get("code"), str)]
    rank = {c: i for i, c in enumerate(_ORDER)}
    rows.sort(key=lambda r: (_SEVERITY.get(r.get("severity", ""), 3), rank.get(r["code"], len(rank))))
    return list(dict.fromkeys(r["code"] for r in rows))


def summary(reasons: Iterable[dict[str, Any]], lang: str) -> str:
    """One line: why mamori stopped this mail (the most serious reason), and how many other reasons there are."""
    codes = codes_of(reasons)
    if not codes:
        return sentence("", lang)
    line = sentence(codes[0], lang)
    more = len(codes) - 1
    if more:
        plural = "s" if more > 1 else ""
        line += f" ({more} more reason{plural})" if lang == "en" else f"（ほかに {more} 件の理由があります）"
    return line
