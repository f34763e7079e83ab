"""A short risk explanation for one file of a scan, in Japanese or English, for a privacy officer.

How many people, which kinds of personal information, and whether a leak of the file would have to be reported
(special-care information, card numbers, My Numbers over 100 persons, more than 1,000 persons: :mod:`mamori.appi`,
which reads the incident register's rules in force).
Company names, corporate numbers and place names are not personal information and are left out of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from mamori.appi import OVER_PERSONS, OVER_PERSONS_RULE, Assessment, assess
from mamori.discovery.inventory import FileReport, personal_counts
from mamori.discovery.labels import label, text

HIGH, MEDIUM, LOW, NONE = "high", "medium", "low", "none"
MANY_PERSONS = 50  # from this many persons a file is at least a medium risk (the guard's bulk threshold)


@dataclass(frozen=True)
class Explanation:
    """The risk of one file: a level (high, medium, low, none), the assessment and the sentences that say why."""

    level: str
    assessment: Assessment
    persons: int
    kinds: tuple[str, ...]  # personal entity types, most found first
    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return ("" if self.sentences and self.sentences[0].endswith("。") else " ").join(self.sentences)


def _kinds(counts: dict[str, int]) -> tuple[str, ...]:
    return tuple(t for t, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def explain(report: FileReport, lang: str = "ja") -> Explanation:
    """Why this file matters, in ``lang``."""
    counts = personal_counts(report.counts)
    kinds = _kinds(counts)
    persons = report.records if counts else 0
    a = assess(kinds, persons)
    if not counts:
        sentences = (text("only_not_personal", lang),) if report.counts else ()
        return Explanation(NONE, a, 0, (), sentences)
    sep = text("kinds_sep", lang)
    names = sep.join(label(t, lang) for t in kinds)
    out = [text("persons_text", lang, n=f"{persons:,}"), text("holds", lang, kinds=names)]
    if a.is_reportable:
        if lang == "en":
            why = [f"{label(k.type, lang)} ({k.rule_en})" for k in a.reportable]
        else:
            why = [f"{label(k.type, lang)}（{k.rule_ja}）" for k in a.reportable]
        if a.over_persons:
            rule = OVER_PERSONS_RULE[1] if lang == "en" else OVER_PERSONS_RULE[0]
            why.append(text("over_persons", lang, limit=f"{OVER_PERSONS:,}", rule=rule))
        out.append(text("reportable", lang, why=text("sep", lang).join(why)))
    for k in a.conditional:
        what, when = (k.label_en.capitalize(), k.condition_en) if lang == "en" else (k.label_ja, k.condition_ja)
        out.append(text("conditional", lang, what=what, when=when))
    if a.is_reportable:
        level = HIGH
    elif a.conditional or persons >= MANY_PERSONS:
        level = MEDIUM
    else:
        level = LOW
    return Explanation(level, a, persons, kinds, tuple(out))
