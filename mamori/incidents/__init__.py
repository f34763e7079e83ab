"""Incidents: when personal information has leaked, is a report to the PPC required, to whom, and by when.

The functional core: :mod:`~mamori.incidents.case` (the facts, checked), :mod:`~mamori.incidents.ruleset` (the
rules as data, one version per day they took effect), :mod:`~mamori.incidents.calendar` (closed days and
deadlines), :mod:`~mamori.incidents.assess` (the decision), :mod:`~mamori.incidents.explain` (the decision in
words and as the contract's JSON). :mod:`~mamori.incidents.cli` is the ``mamori incidents`` command around it.
"""

from mamori.incidents.assess import Assessment, Reason, assess
from mamori.incidents.case import Case, CaseError, parse_case
from mamori.incidents.ruleset import RuleSet, builtin_rulesets, in_force

__all__ = [
    "Assessment",
    "Case",
    "CaseError",
    "Reason",
    "RuleSet",
    "assess",
    "builtin_rulesets",
    "in_force",
    "parse_case",
]
