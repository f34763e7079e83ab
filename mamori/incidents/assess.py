"""The decision: must this incident be reported to the PPC (個人情報保護法26条), to whom, by when, and must the
people concerned be told.

:func:`assess` is a pure function of a :class:`~mamori.incidents.case.Case` and the rule sets: it picks the version
in force on ``discovered_on`` and applies, in order,

1. data recovered in full before anyone else could see it has not leaked (GL 3-5-1-2, Q&A 6-1);
2. the four items of 施行規則7条 (1号 要配慮, 2号 財産的被害, 3号 不正の目的, 4号 千人超), each within its scope
   (個人データ; for 3号 from 2024-04-01 also information being acquired);
3. the exception for high-level encryption whose key is safe (7条1号括弧書), which covers every item and does not
   hold once the key is compromised;
4. who reports: the business itself to the PPC, or a 委託先 to its 委託元 (法26条1項ただし書, 規則9条);
5. the deadlines: 速報 by the guideline's 3-5 days, 確報 30 days or 60 with 3号, day of discovery = day 1, moved
   past closed days (規則8条, GL 3-5-3-3/3-5-3-4); the notice to the 委託元 in 3-5 days (GL 3-5-3-5);
6. notice to the individuals (法26条2項, 規則10条), not for a 委託先 that told its 委託元, replaced by alternative
   measures when notifying is difficult (26条2項ただし書).

Every step that decides something leaves a :class:`Reason` naming its article.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from mamori.incidents.calendar import CalendarRangeError, deadline
from mamori.incidents.case import CAUSE_LABELS_JA, EVENT_LABELS_JA, SENSITIVE, Case, CaseError, type_label_ja
from mamori.incidents.ruleset import Category, RuleSet, builtin_rulesets, in_force

PPC = "PPC"
PRINCIPAL = "principal"
NO_RULES = "none"  # `rules` of a case discovered before the first rule set took effect


@dataclass(frozen=True)
class Reason:
    """One step of the decision: a stable ``code``, the ``article`` it rests on, and what it means here."""

    code: str
    article: str
    detail_en: str
    detail_ja: str


@dataclass(frozen=True)
class Assessment:
    """The decision of DESIGN.md's contract (``alternative_measures`` is an addition: 代替措置 instead of notice)."""

    reportable: bool
    categories: tuple[str, ...]
    notify_individuals: bool
    report_to: str | None
    preliminary_due: date | None
    final_due: date | None
    rules: str
    reasons: tuple[Reason, ...]
    alternative_measures: bool = False


def _matches(cat: Category, case: Case) -> tuple[str, str] | None:
    """Why ``case`` falls under ``cat`` (English, Japanese), or None."""
    why_en: list[str] = []
    why_ja: list[str] = []
    hits = [d for d in case.data if d in cat.data_types or (SENSITIVE in cat.data_types and d.startswith(SENSITIVE))]
    if hits:
        why_en.append("data: " + ", ".join(hits))
        why_ja.append("データ: " + "・".join(type_label_ja(d) for d in hits))
    if cat.flag is not None and getattr(case, cat.flag):
        why_en.append(f"the case says `{cat.flag}`")
        why_ja.append("不正の目的をもって行われたおそれがあるとされている")
    if case.cause in cat.causes:
        why_en.append(f"cause: {case.cause}")
        why_ja.append(f"原因: {CAUSE_LABELS_JA[case.cause]}")
    if cat.more_than is not None and case.persons > cat.more_than:
        why_en.append(f"{case.persons:,} people (more than {cat.more_than:,})")
        why_ja.append(f"本人の数 {case.persons:,}人 ({cat.more_than:,}人超)")
    if not why_en:
        return None
    return "; ".join(why_en), "、".join(why_ja)


def _not_reportable(rules: str, reasons: list[Reason]) -> Assessment:
    return Assessment(False, (), False, None, None, None, rules, tuple(reasons))


def _day(d: date) -> str:
    return d.isoformat()


def assess(case: Case, rulesets: tuple[RuleSet, ...] | None = None) -> Assessment:
    """The decision for ``case`` under the rules in force on its ``discovered_on`` (the shipped rules by default)."""
    decision = _decide(case, builtin_rulesets() if rulesets is None else rulesets)
    note = _my_number_note(case)
    if note is None:
        return decision
    return replace(decision, reasons=(*decision.reasons, note))


def _decide(case: Case, rulesets: tuple[RuleSet, ...]) -> Assessment:
    rs = in_force(rulesets, case.discovered_on)
    if rs is None:
        first = _day(rulesets[0].effective) if rulesets else "?"
        return _not_reportable(
            NO_RULES,
            [
                Reason(
                    "no_rules_in_force",
                    f"法26条 ({first}施行)",
                    f"Discovered on {_day(case.discovered_on)}, before the reporting duty of APPI Art. 26 took effect "
                    f"({first}): no report is required by law.",
                    f"{_day(case.discovered_on)} の発覚で、法26条の報告義務の施行 ({first}) より前です。"
                    "法律上の報告義務はありません。",
                )
            ],
        )
    event_ja = EVENT_LABELS_JA[case.event]
    reasons: list[Reason] = []

    if case.recovered_unviewed:
        reasons.append(
            Reason(
                "recovered_unviewed",
                rs.recovered_article,
                "All of the data was recovered before anyone else could see it: this is not a leak, and there is "
                f"nothing to report ({rs.recovered_source}).",
                f"第三者に閲覧される前にすべて回収されているため{event_ja}等に当たらず、報告は不要です"
                f" ({rs.recovered_source})。",
            )
        )
        return _not_reportable(rs.id, reasons)

    scope = "personal_data" if case.personal_data else "being_acquired"
    matched: list[tuple[Category, tuple[str, str]]] = []
    for cat in rs.categories:
        why = _matches(cat, case)
        if why is None:
            continue
        if scope not in cat.scope:
            reasons.append(
                Reason(
                    f"{cat.name}_not_in_scope",
                    cat.article,
                    f"{cat.article} would apply ({why[0]}), but it covers only personal data (個人データ), and this "
                    "is information still being acquired, not yet in a database.",
                    f"{cat.article} に当たりうる事情 ({why[1]}) がありますが、同号の対象は個人データに限られ、本件は"
                    "取得中の情報 (データベース等に入る前の個人情報) です。",
                )
            )
            continue
        matched.append((cat, why))

    if matched and case.high_level_encryption and not case.key_compromised:
        names = ", ".join(c.article for c, _ in matched)
        reasons.append(
            Reason(
                "encryption_exception",
                rs.encryption_article,
                f"The data was protected by high-level encryption and the key was not compromised: it is excluded from "
                f"every item of Rules Art. 7 ({names} would otherwise apply) ({rs.encryption_source}).",
                f"高度な暗号化等の措置が講じられ、復号鍵も漏えいしていないため、規則7条各号の対象から除かれます"
                f" (該当しえた号: {names}; {rs.encryption_source})。",
            )
        )
        matched = []
    elif matched and case.high_level_encryption:
        reasons.append(
            Reason(
                "encryption_key_compromised",
                rs.encryption_article,
                "The data was encrypted, but the key was compromised too: the encryption exception does not apply "
                f"({rs.encryption_source}).",
                f"暗号化されていましたが復号鍵も漏えい等しているため、高度な暗号化の例外は適用されません"
                f" ({rs.encryption_source})。",
            )
        )

    if not matched:
        if any(r.code.endswith("_not_in_scope") for r in reasons):
            reasons.append(
                Reason(
                    "no_category",
                    "施行規則7条",
                    "No item of Rules Art. 7 in force on the day of discovery covers this information: no report "
                    "to the PPC and no notice to individuals are required by law.",
                    "発覚日に施行されていた規則7条のいずれの号も本件の情報を対象としていません。法律上の報告・本人通知の"
                    "義務はありません。",
                )
            )
        elif not any(r.code == "encryption_exception" for r in reasons):
            over = rs.category("over_1000").more_than
            reasons.append(
                Reason(
                    "no_category",
                    "施行規則7条",
                    f"None of the four items of Rules Art. 7 applies (no special-care information, no data whose "
                    f"misuse may cause financial loss, no act with a wrongful purpose, {case.persons:,} people is not "
                    f"more than {over:,}): no report to the PPC and no notice to individuals are required by law "
                    "(record it and take the safety measures all the same).",
                    f"規則7条各号 (要配慮個人情報・財産的被害のおそれ・不正の目的のおそれ・{over:,}人超) のいずれにも"
                    f"当たりません (本人の数 {case.persons:,}人)。法律上の報告・本人通知の義務はありません"
                    "(記録と再発防止は行ってください)。",
                )
            )
        return _not_reportable(rs.id, reasons)

    categories = tuple(c.name for c, _ in matched)
    for cat, (why_en, why_ja) in matched:
        reasons.append(
            Reason(
                cat.name,
                cat.article,
                f"{cat.label_en} ({why_en}) ({cat.source}).",
                f"{cat.label_ja}に当たります ({why_ja}; {cat.source})。",
            )
        )

    if case.entrusted:
        notice = case.discovered_on + timedelta(days=rs.principal_notice_days - 1)
        reasons.append(
            Reason(
                "notify_principal",
                rs.principal_article,
                f"We hold the data for a principal (委託元): notify it promptly, by {_day(notice)} (about 3-5 days), "
                "of what is known of the items of Rules Art. 8(1). The principal then reports to the PPC and notifies "
                "the individuals, counting from the day it learns; having notified it, we owe neither "
                f"({rs.principal_source}).",
                f"委託を受けて取り扱う個人データのため、委託元へ速やかに ({_day(notice)} まで、目安3〜5日) 規則8条1項の"
                "事項のうち把握しているものを通知します。報告と本人通知は委託元が、委託元が知った日から行います。"
                f"通知すれば当社の報告・本人通知の義務はありません ({rs.principal_source})。",
            )
        )
        return Assessment(True, categories, False, PRINCIPAL, notice, None, rs.id, tuple(reasons))

    preliminary = case.discovered_on + timedelta(days=rs.preliminary_days - 1)
    days = rs.final_days_malicious if "malicious" in categories else rs.final_days
    try:
        final = deadline(case.discovered_on, days, rs.year_end_closure)
    except CalendarRangeError as e:
        raise CaseError("discovered_on", str(e), f"祝日の暦がない年です: {e}") from None
    reasons.append(
        Reason(
            "preliminary_report",
            "施行規則8条1項",
            f"Preliminary report (速報) to the PPC promptly: the guideline's target is 3-5 days from learning of it, "
            f"so by {_day(preliminary)} ({rs.preliminary_source}).",
            f"個人情報保護委員会へ速やかに速報します。目安は知った時点から概ね3〜5日以内、{_day(preliminary)} まで"
            f" ({rs.preliminary_source})。",
        )
    )
    if days == rs.final_days_malicious:
        span_en, span_ja = f"{days} days (Rules Art. 7(iii) is among the items)", f"{days}日以内 (7条3号に該当するため)"
    else:
        span_en, span_ja = f"{days} days", f"{days}日以内"
    reasons.append(
        Reason(
            "final_report",
            "施行規則8条2項",
            f"Final report (確報) within {span_en} of learning of it, the day of discovery counted as day 1: "
            f"by {_day(final.due)} ({rs.final_source}).",
            f"確報は知った日から{span_ja}。発覚日を1日目として数え、{_day(final.due)} までに提出します"
            f" ({rs.final_source})。",
        )
    )
    if final.moved_because:
        skipped_en = ", ".join(f"{_day(d)} {w.en}" for d, w in final.moved_because)
        skipped_ja = "、".join(f"{_day(d)} {w.ja}" for d, w in final.moved_because)
        reasons.append(
            Reason(
                "deadline_moved",
                "通則ガイドライン3-5-3-4",
                f"Day {days} is {_day(final.nominal)}, a day the administrative organs are closed; the deadline "
                f"moves to the next open day, {_day(final.due)} (closed: {skipped_en}; {rs.calendar_source}).",
                f"{days}日目の {_day(final.nominal)} は行政機関の休日のため、期限は翌開庁日の {_day(final.due)} です"
                f" (休日: {skipped_ja}; {rs.calendar_source})。",
            )
        )
    if case.notification_difficult:
        reasons.append(
            Reason(
                "alternative_measures",
                rs.alternative_article,
                "Notifying the individuals is difficult (e.g. no contact details): take alternative measures instead, "
                f"such as publishing the incident and opening an inquiry desk ({rs.notification_source}).",
                "本人への通知が困難なため、代わりに事案の公表と問合せ窓口の設置など、本人の権利利益を保護するために"
                f"必要な代替措置を講じます ({rs.notification_source})。",
            )
        )
        notify, alternative = False, True
    else:
        reasons.append(
            Reason(
                "notify_individuals",
                rs.notification_article,
                "Notify the individuals promptly, as the situation allows, of the outline, the items of data, the "
                f"cause, any secondary harm and other useful matters ({rs.notification_source}).",
                "本人へ、事態の状況に応じて速やかに、概要・個人データの項目・原因・二次被害又はそのおそれの有無及び"
                f"内容・その他参考となる事項を通知します ({rs.notification_source})。",
            )
        )
        notify, alternative = True, False
    return Assessment(True, categories, notify, PPC, preliminary, final.due, rs.id, tuple(reasons), alternative)


def _my_number_note(case: Case) -> Reason | None:
    """A reminder that My Number data also falls under the My Number Act's own reporting rule, or None."""
    if "MY_NUMBER" not in case.data:
        return None
    return Reason(
        "my_number_act",
        "番号法29条の4",
        "The data includes My Numbers: check the My Number Act's own reporting rule as well (特定個人情報の漏えい等"
        "に関する報告, 番号法29条の4); this assessment covers APPI Art. 26 only.",
        "個人番号を含むため、番号法29条の4 (特定個人情報の漏えい等に関する報告) の要否も別に確認してください。"
        "この判定は個人情報保護法26条についてのものです。",
    )
